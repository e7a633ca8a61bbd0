#!/usr/bin/env python3
"""make-synthetic-feed.py: generate large synthetic Aisle store feeds for tests and benchmarks.

Writes a feed in the format of docs/store-feed.md with as many products as asked
(10,000 or 100,000 are the usual sizes):

    <output>/catalog.json            (and catalog.json.gz with --gzip)
    <output>/stock/<store>.json      one stock document per store
    <output>/images/syn-NN.svg      a small shared set of illustrations (20)

The vocabulary (product types in four languages, colours, materials, sentences)
and the drawings come from tools/make-demo-store.py, which is imported.  Names
combine ~200 product lines with ~95 product types and ~25 colours, so searches
behave like a real catalog: a colour or a type hits thousands of products, a
line and a type together only a handful.  Article numbers and GTINs are unique
and valid.  The output depends only on the options (same seed, same bytes).

These feeds are never committed: write them somewhere like /tmp.

Usage:
    tools/make-synthetic-feed.py --products 100000 --output /tmp/feed-100k [--stores 2] [--seed 1] [--gzip]
"""

import argparse
import datetime
import gzip
import importlib.util
import json
import os
import random
import sys
import time


def load_demo_module():
    """Import tools/make-demo-store.py (its file name is not a module name)."""
    here = os.path.dirname(os.path.abspath(__file__))
    spec = importlib.util.spec_from_file_location("make_demo_store", os.path.join(here, "make-demo-store.py"))
    module = importlib.util.module_from_spec(spec)
    saved, sys.dont_write_bytecode = sys.dont_write_bytecode, True  # no __pycache__ in tools/
    try:
        spec.loader.exec_module(module)
    finally:
        sys.dont_write_bytecode = saved
    return module


demo = load_demo_module()
LANGS = demo.LANGS

EXTRA_STORES = [
    ("madrid", "Casa Nord Madrid", "Calle del Ejemplo 7, 28050 Madrid", "ES", "Europe/Madrid"),
    ("wien", "Casa Nord Wien", "Beispielgasse 3, 1100 Wien", "AT", "Europe/Vienna"),
    ("torino", "Casa Nord Torino", "Corso Esempio 88, 10156 Torino", "IT", "Europe/Rome"),
    ("hamburg", "Casa Nord Hamburg", "Musterweg 21, 22041 Hamburg", "DE", "Europe/Berlin"),
    ("barcelona", "Casa Nord Barcelona", "Carrer de l'Exemple 15, 08020 Barcelona", "ES", "Europe/Madrid"),
    ("zuerich", "Casa Nord Zürich", "Beispielstrasse 5, 8050 Zürich", "CH", "Europe/Zurich"),
]

SYLLABLES_A = ["BRO", "KAL", "STE", "MIR", "TOR", "VAL", "FEN", "LUM", "SAL", "NOR", "GRA", "PEL", "ROS",
               "TIV", "BEL", "DAN", "HAR", "KIR", "LIN", "MOR", "SKÅ", "FJO", "GLÖ", "RÜ"]
SYLLABLES_B = ["VIK", "STA", "BY", "LA", "RA", "NA", "DAL", "ÖN", "ÄRA", "INO", "ELLA", "ÈRE", "ÒLA", "ITA", "UND",
               "ÑO", "SEN"]


def line_names(count=200):
    """The demo's product lines plus invented ones up to count names."""
    names = list(demo.ALL_LINES)
    seen = set(names)
    gen = random.Random(7)
    while len(names) < count:
        name = gen.choice(SYLLABLES_A) + gen.choice(SYLLABLES_B)
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def make_stores(count):
    stores = [dict(s) for s in demo.STORES[:count]]
    for i in range(len(stores), count):
        if i - 2 < len(EXTRA_STORES):
            sid, name, address, country, tz = EXTRA_STORES[i - 2]
        else:
            sid, name, address, country, tz = ("store-%02d" % (i + 1), "Casa Nord %d" % (i + 1),
                                               "Example Road %d" % (i + 1), "DE", "Europe/Berlin")
        stores.append({"id": sid, "name": name, "address": address, "country": country, "timezone": tz,
                       "opening_hours": [{"days": [1, 2, 3, 4, 5, 6], "open": "09:30", "close": "20:00"}],
                       "pickup_lead_minutes": 60 + 15 * (i % 5)})
    return stores


class TextCache:
    """Names, short and long descriptions, built once per combination."""

    def __init__(self):
        self.names, self.shorts, self.descriptions = {}, {}, {}

    def name(self, line, t):
        key = (line, t["key"])
        if key not in self.names:
            self.names[key] = demo.product_name(line, t)
        return self.names[key]

    def short(self, t, mat, col, size):
        key = (t["key"], mat, col, size)
        if key not in self.shorts:
            self.shorts[key] = demo.product_short(t, mat, col, size)
        return self.shorts[key]

    def description(self, t, mat, which):
        """The type's lead sentence, alone or followed by a material, category or care sentence."""
        key = (t["key"], mat, which)
        if key not in self.descriptions:
            extra = None
            if which == 1:
                extra = demo.MATERIALS[mat]["sentence"]
            elif which == 2:
                extra = demo.CATEGORY_BY_ID[t["cat"]]["says"][0]
            elif which == 3:
                extra = demo.CARE.get(t["care"] or demo.MATERIALS[mat]["care"])
            texts = {}
            for lang in LANGS:
                gender = t["g"][0] if lang == "it" else t["g"][1]
                text = t["lead"][lang]
                if extra:
                    text += " " + demo.genderize(extra[lang], lang, gender)
                texts[lang] = text
            self.descriptions[key] = texts
        return self.descriptions[key]


def combos_of(t):
    """Material and colour choices that make sense for a product type."""
    out = []
    for mat in t["mats"]:
        cols = [c for c in t["cols"] if demo.colour_fits(c, mat)]
        if cols:
            out.append((mat, cols))
    return out


def write_images(out_dir, rng):
    """20 shared illustrations: one per category plus five more; returns type key -> image path."""
    os.makedirs(os.path.join(out_dir, "images"), exist_ok=True)
    picks = []
    for cat in demo.CATEGORIES:
        picks.append(next(t for t in demo.TYPES if t["cat"] == cat["id"]))
    extra = [t for t in demo.TYPES if t not in picks]
    picks += rng.sample(extra, 20 - len(picks))
    by_type, by_cat = {}, {}
    for i, t in enumerate(picks):
        mat, cols = combos_of(t)[0]
        col = cols[i % len(cols)]
        main, accent = demo.drawing_colours(col, mat, i % 4)
        svg = demo.draw_product(t["draw"], main, accent, i % 4, i, demo.MATERIALS[mat]["care"])
        rel = "images/syn-%02d.svg" % (i + 1)
        with open(os.path.join(out_dir, rel), "w", encoding="utf-8", newline="\n") as f:
            f.write(svg)
        by_type[t["key"]] = rel
        by_cat.setdefault(t["cat"], rel)
    return {t["key"]: by_type.get(t["key"], by_cat[t["cat"]]) for t in demo.TYPES}


def build_products(rng, count, images):
    lines = line_names(200)
    types = demo.TYPES
    weights = [t["weight"] for t in types]
    combos = {t["key"]: combos_of(t) for t in types}
    with_packs = sum(1 for t in types if t["packs"]) / float(len(types))
    multi_p = min(1.0, 0.15 / with_packs)  # about 15% of all products get several packages
    texts = TextCache()
    ids = rng.sample(range(10000000, 100000000), count)
    chosen_types = rng.choices(types, weights=weights, k=count)
    products = []
    for pid_num, t in zip(ids, chosen_types):
        pid = str(pid_num)
        line = lines[int(rng.random() ** 1.6 * len(lines))]  # some lines are much bigger than others
        mat, cols = rng.choice(combos[t["key"]])
        col = rng.choice(cols)
        size = rng.choice(t["sizes"]) if t["sizes"] else None
        factor = size[2] if size else 1.0
        dims = demo.pick_dimensions(rng, t, size)
        weight = demo.pick_weight(rng, t, factor)
        lo, hi = t["price"]
        fulfillment = rng.choices(("self-serve", "full-serve", "online-only"), weights=t["ful"])[0]
        article = demo.article_number(pid)
        product = {
            "id": pid,
            "article": article,
            "gtin": demo.make_gtin(rng, pid),
            "category": t["cat"],
            "name": texts.name(line, t),
            "short": texts.short(t, mat, col, size[0] if size else None),
            "description": texts.description(t, mat, rng.choice((0, 0, 0, 1, 2, 3))),
            "price": {"amount": demo.shop_price(rng, rng.uniform(lo, hi) * factor), "currency": demo.CURRENCY},
            "images": [images[t["key"]]],
            "dimensions": dims,
            "weight": weight,
            "fulfillment": fulfillment,
        }
        if t["packs"] and fulfillment != "online-only" and rng.random() < multi_p:
            product["packages"] = demo.make_packages(rng, t, rng.choice(t["packs"]), weight, dims)
        product["url"] = demo.SHOP_URL + "p/" + article
        products.append(product)
    return products


def build_stock(rng, products, store, published):
    """A stock document: ~90% of the products, quantities or levels, locations for self-serve."""
    items = []
    shelves = ["%02d" % i for i in range(1, 31)] + ["%s%02d" % (c, i) for c in "ABCDEF" for i in range(1, 31)]
    restocks = [(published + datetime.timedelta(days=d)).strftime("%Y-%m-%d") for d in range(1, 30)]
    stamps = [demo.rfc3339(published - datetime.timedelta(minutes=m)) for m in range(2, 60 * 24 * 7, 7)]
    for p in products:
        r = rng.random()
        if r < 0.1:
            continue
        item = {"product": p["id"]}
        if r < 0.17:
            item["quantity"] = 0
            item["restock"] = rng.choice(restocks)
        elif r < 0.27:
            item["level"] = "high" if r < 0.24 else "low"
        else:
            item["quantity"] = rng.randint(1, 200)
        if rng.random() < 0.9:
            item["updated_at"] = rng.choice(stamps)
        if p["fulfillment"] == "self-serve":
            n = len(p.get("packages", ())) or 1
            aisles = rng.sample(range(1, 41), n)
            item["locations"] = [{"package": i + 1, "aisle": str(a), "shelf": rng.choice(shelves)}
                                 for i, a in enumerate(aisles)]
        items.append(item)
    return {"format": "aisle-store-stock", "format_version": 1, "store": store["id"],
            "updated_at": demo.rfc3339(published), "items": items}


def dump(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def write(path_, text):
    os.makedirs(os.path.dirname(path_), exist_ok=True)
    with open(path_, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Generate a large synthetic Aisle store feed.")
    parser.add_argument("--products", type=int, required=True, help="number of products")
    parser.add_argument("--output", required=True, help="output directory")
    parser.add_argument("--stores", type=int, default=2, help="number of stores (default 2)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--gzip", action="store_true", help="also write catalog.json.gz")
    args = parser.parse_args(argv)
    if args.products < 1 or args.products > 5000000:
        parser.error("--products must be between 1 and 5,000,000")
    if args.stores < 1:
        parser.error("--stores must be at least 1")

    started = time.time()
    rng = random.Random(args.seed)
    stores = make_stores(args.stores)
    images = write_images(args.output, rng)
    products = build_products(rng, args.products, images)
    catalog = {
        "format": "aisle-store-feed",
        "format_version": 1,
        "catalog_version": "synthetic-%d-%d" % (args.products, args.seed),
        "generated_at": demo.rfc3339(demo.REFERENCE_TIME),
        "shop_name": demo.SHOP_NAME,
        "shop_url": demo.SHOP_URL,
        "currency": demo.CURRENCY,
        "stores": stores,
        "categories": [{"id": c["id"], "name": dict(c["name"]), "icon": c["icon"], "position": i + 1}
                       for i, c in enumerate(demo.CATEGORIES)],
        "products": products,
    }
    text = dump(catalog)
    write(os.path.join(args.output, "catalog.json"), text)
    if args.gzip:
        with open(os.path.join(args.output, "catalog.json.gz"), "wb") as f:
            with gzip.GzipFile(filename="catalog.json", mode="wb", fileobj=f, compresslevel=6, mtime=0) as gz:
                gz.write(text.encode("utf-8"))
    for i, store in enumerate(stores):
        published = demo.REFERENCE_TIME - datetime.timedelta(minutes=3 + 7 * i)
        stock = build_stock(rng, products, store, published)
        write(os.path.join(args.output, "stock", store["id"] + ".json"), dump(stock))
    print("products: %d, stores: %d, catalog.json: %.1f MB, %.1f s" % (
        len(products), len(stores), len(text.encode("utf-8")) / 1e6, time.time() - started))
    return 0


if __name__ == "__main__":
    sys.exit(main())
