#!/usr/bin/env python3
"""make-demo-store.py: generate Aisle's bundled demo store feed ("Casa Nord").

Writes a complete store feed in the format of docs/store-feed.md:

    <output>/catalog.json            shop, two stores, categories, ~360 products
    <output>/stock/milano.json       stock and stockroom locations, Milano
    <output>/stock/muenchen.json     stock and stockroom locations, München
    <output>/images/<id>.svg         one flat-vector illustration per product
                                     (plus <id>-2.svg, a room view, for some)

Everything is invented: the brand, the product lines, the texts (English,
Italian, German and Spanish, composed from hand-written templates) and the
drawings, which are produced by one small routine per kind of product.

The output is deterministic: a fixed random seed, a fixed reference time
(2026-11-20T08:30:00Z) and stable JSON formatting, so running the script twice
gives byte-identical files.  Only the Python 3 standard library is used.

Usage:
    tools/make-demo-store.py [--output DIR]     (default: data/demo-store)

tools/make-synthetic-feed.py imports this file for its vocabulary and drawings.
"""

import argparse
import datetime
import json
import os
import random
import re
import sys

SEED = 20261120
REFERENCE_TIME = datetime.datetime(2026, 11, 20, 8, 30, tzinfo=datetime.timezone.utc)
CATALOG_VERSION = "2026-11-20.1"
SHOP_NAME = "Casa Nord"
SHOP_URL = "https://shop.casanord.example/"
CURRENCY = "EUR"
LANGS = ("en", "it", "de", "es")


def loc(en, it, de, es):
    """A localized text object in the feed's language order."""
    return {"en": en, "it": it, "de": de, "es": es}


# ---------------------------------------------------------------------------
# Stores
# ---------------------------------------------------------------------------

STORES = [
    {
        "id": "milano",
        "name": "Casa Nord Milano",
        "address": "Via dei Mobilieri 24, 20151 Milano",
        "country": "IT",
        "timezone": "Europe/Rome",
        "opening_hours": [
            {"days": [1, 2, 3, 4, 5], "open": "09:30", "close": "20:30"},
            {"days": [6], "open": "09:00", "close": "21:00"},
            {"days": [7], "open": "10:00", "close": "20:00"},
        ],
        "pickup_lead_minutes": 90,
        "vat_rate": 22,
        "delivery": {
            "fee": {"amount": 3900, "currency": "EUR"},
            "lead_days": 1,
            "windows": [
                {"days": [1, 2, 3, 4, 5, 6], "start": "08:00", "end": "12:00"},
                {"days": [1, 2, 3, 4, 5, 6], "start": "13:00", "end": "17:00"},
                {"days": [1, 2, 3, 4, 5], "start": "17:00", "end": "21:00"},
            ],
        },
    },
    {
        "id": "muenchen",
        "name": "Casa Nord München",
        "address": "Am Möbelring 8, 80939 München",
        "country": "DE",
        "timezone": "Europe/Berlin",
        "opening_hours": [
            {"days": [1, 2, 3, 4, 5], "open": "09:30", "close": "20:00"},
            {"days": [6], "open": "09:00", "close": "20:00"},
        ],
        "pickup_lead_minutes": 120,
        "vat_rate": 19,
        "delivery": {
            "fee": {"amount": 4900, "currency": "EUR"},
            "lead_days": 2,
            "windows": [
                {"days": [1, 2, 3, 4, 5, 6], "start": "08:00", "end": "13:00"},
                {"days": [1, 2, 3, 4, 5, 6], "start": "13:00", "end": "18:00"},
            ],
        },
    },
]

# When each store's stock was last published (the stock documents' updated_at).
STOCK_PUBLISHED = {
    "milano": REFERENCE_TIME - datetime.timedelta(minutes=5),
    "muenchen": REFERENCE_TIME - datetime.timedelta(minutes=22),
}

# ---------------------------------------------------------------------------
# Categories: id, icon, names, how many demo products, two extra sentences
# ---------------------------------------------------------------------------

CATEGORIES = [
    dict(id="sofas", icon="sofa", count=30,
         name=loc("Sofas & armchairs", "Divani e poltrone", "Sofas & Sessel", "Sofás y sillones"),
         says=[loc("Deep seat cushions invite you to curl up with a book or a film.",
                   "Le sedute profonde invitano a rilassarsi con un libro o un film.",
                   "Die tiefen Sitzpolster laden zum Entspannen mit einem Buch oder Film ein.",
                   "Los cojines de asiento profundos invitan a relajarse con un libro o una película."),
               loc("Short on space? The compact proportions suit small living rooms too.",
                   "Poco spazio? Le proporzioni compatte sono adatte anche ai soggiorni piccoli.",
                   "Wenig Platz? Die kompakten Maße passen auch in kleine Wohnzimmer.",
                   "¿Poco espacio? Sus proporciones compactas encajan también en salones pequeños.")]),
    dict(id="beds", icon="bed", count=28,
         name=loc("Beds & mattresses", "Letti e materassi", "Betten & Matratzen", "Camas y colchones"),
         says=[loc("A good night's sleep starts with a bedroom that feels right for you.",
                   "Un buon sonno comincia da una camera da letto fatta su misura per te.",
                   "Guter Schlaf beginnt mit einem Schlafzimmer, das zu dir passt.",
                   "Un buen descanso empieza con un dormitorio hecho a tu medida."),
               loc("Combine pieces from the same series for a calm, coordinated bedroom.",
                   "Combina i pezzi della stessa serie per una camera da letto armoniosa e tranquilla.",
                   "Kombiniere Teile aus derselben Serie für ein ruhiges, stimmiges Schlafzimmer.",
                   "Combina piezas de la misma serie para un dormitorio tranquilo y coordinado.")]),
    dict(id="storage", icon="wardrobe", count=26,
         name=loc("Wardrobes & storage", "Armadi e contenitori", "Kleiderschränke & Aufbewahrung",
                  "Armarios y almacenaje"),
         says=[loc("Everything has its place, so mornings start without searching.",
                   "Ogni cosa trova il suo posto, così la mattina si parte senza cercare.",
                   "Alles hat seinen Platz – so beginnt der Morgen ohne Suchen.",
                   "Cada cosa tiene su sitio y las mañanas empiezan sin buscar nada."),
               loc("Organise clothes, shoes and bits and bobs in a way that suits you.",
                   "Organizza vestiti, scarpe e piccoli oggetti come preferisci.",
                   "Ordne Kleidung, Schuhe und Kleinkram so, wie es dir passt.",
                   "Organiza la ropa, los zapatos y los pequeños objetos como prefieras.")]),
    dict(id="shelving", icon="shelf", count=24,
         name=loc("Shelving & bookcases", "Librerie e scaffali", "Regale & Bücherregale",
                  "Estanterías y librerías"),
         says=[loc("Show off your favourite things and keep everyday items within reach.",
                   "Metti in mostra gli oggetti preferiti e tieni a portata di mano quelli di tutti i giorni.",
                   "Zeig deine Lieblingsstücke und hab Alltägliches immer griffbereit.",
                   "Expón tus objetos favoritos y ten a mano los de uso diario."),
               loc("Easy to combine with boxes and baskets for a tidy look.",
                   "Facile da abbinare a scatole e cesti per un effetto ordinato.",
                   "Lässt sich gut mit Boxen und Körben für einen aufgeräumten Look kombinieren.",
                   "Fácil de combinar con cajas y cestas para un aspecto ordenado.")]),
    dict(id="tables", icon="table", count=26,
         name=loc("Tables & desks", "Tavoli e scrivanie", "Tische & Schreibtische", "Mesas y escritorios"),
         says=[loc("A sturdy surface for everyday life, from morning coffee to late-evening projects.",
                   "Una superficie robusta per la vita di tutti i giorni, dal caffè del mattino ai progetti della sera.",
                   "Eine stabile Fläche für den Alltag – vom Morgenkaffee bis zum Projekt am späten Abend.",
                   "Una superficie resistente para el día a día, desde el café de la mañana hasta los proyectos de la noche."),
               loc("The surface resists stains and is easy to keep clean.",
                   "La superficie resiste alle macchie ed è facile da pulire.",
                   "Die Oberfläche ist fleckabweisend und leicht zu reinigen.",
                   "La superficie resiste las manchas y es fácil de limpiar.")]),
    dict(id="chairs", icon="chair", count=26,
         name=loc("Chairs & stools", "Sedie e sgabelli", "Stühle & Hocker", "Sillas y taburetes"),
         says=[loc("Designed for comfortable sitting and easy to move around the room.",
                   "Pensat{o} per una seduta comoda e facile da spostare nella stanza.",
                   "Für bequemes Sitzen gemacht und leicht im Raum zu verschieben.",
                   "Pensad{o} para sentarse con comodidad y fácil de mover por la habitación."),
               loc("Tested for daily use in busy homes.",
                   "Testat{o} per l'uso quotidiano in case molto vissute.",
                   "Für den täglichen Gebrauch in lebhaften Haushalten getestet.",
                   "Probad{o} para el uso diario en hogares con mucho movimiento.")]),
    dict(id="kitchen", icon="kitchen", count=24,
         name=loc("Kitchen", "Cucina", "Küche", "Cocina"),
         says=[loc("Built to handle steam, splashes and the daily rhythm of a busy kitchen.",
                   "Progettat{o} per resistere a vapore, schizzi e al ritmo quotidiano di una cucina vissuta.",
                   "Gemacht für Dampf, Spritzer und den täglichen Trubel in einer lebhaften Küche.",
                   "Pensad{o} para soportar vapor, salpicaduras y el ritmo diario de una cocina con mucha actividad."),
               loc("Plan your kitchen with our staff or at the planning kiosk.",
                   "Progetta la tua cucina con il nostro personale o alla postazione di progettazione.",
                   "Plane deine Küche mit unserem Team oder am Planungsterminal.",
                   "Diseña tu cocina con nuestro equipo o en el punto de planificación.")]),
    dict(id="lighting", icon="lamp", count=26,
         name=loc("Lighting", "Illuminazione", "Beleuchtung", "Iluminación"),
         says=[loc("Creates a warm, cosy light for the evening.",
                   "Crea una luce calda e accogliente per la sera.",
                   "Sorgt abends für warmes, gemütliches Licht.",
                   "Crea una luz cálida y acogedora para la noche."),
               loc("Good light makes a room feel larger and more welcoming.",
                   "Una buona luce rende la stanza più ampia e accogliente.",
                   "Gutes Licht lässt einen Raum größer und einladender wirken.",
                   "Una buena luz hace que la habitación parezca más amplia y acogedora.")]),
    dict(id="textiles", icon="cushion", count=26,
         name=loc("Textiles & cushions", "Tessili e cuscini", "Heimtextilien & Kissen", "Textiles y cojines"),
         says=[loc("Soft textiles are the quickest way to change the mood of a room.",
                   "I tessili morbidi sono il modo più rapido per cambiare l'atmosfera di una stanza.",
                   "Weiche Textilien verändern die Stimmung eines Raums im Handumdrehen.",
                   "Los textiles suaves son la forma más rápida de cambiar el ambiente de una habitación."),
               loc("Mix colours and patterns from different series for a personal look.",
                   "Mescola colori e motivi di serie diverse per uno stile personale.",
                   "Kombiniere Farben und Muster aus verschiedenen Serien für einen persönlichen Look.",
                   "Mezcla colores y estampados de distintas series para un estilo personal.")]),
    dict(id="rugs", icon="rug", count=20,
         name=loc("Rugs", "Tappeti", "Teppiche", "Alfombras"),
         says=[loc("Dampens sound and adds warmth underfoot.",
                   "Attutisce i rumori e regala calore sotto i piedi.",
                   "Dämpft Geräusche und sorgt für Wärme unter den Füßen.",
                   "Amortigua el ruido y aporta calidez bajo los pies."),
               loc("An anti-slip underlay, sold separately, keeps everything in place.",
                   "Un sottotappeto antiscivolo, venduto separatamente, mantiene tutto al suo posto.",
                   "Eine rutschfeste Unterlage, separat erhältlich, hält alles an seinem Platz.",
                   "Una base antideslizante, que se vende por separado, mantiene todo en su sitio.")]),
    dict(id="bathroom", icon="bath", count=22,
         name=loc("Bathroom", "Bagno", "Badezimmer", "Baño"),
         says=[loc("Made for humid rooms and daily splashes.",
                   "Adatt{o} agli ambienti umidi e agli schizzi quotidiani.",
                   "Für Feuchträume und tägliche Spritzer gemacht.",
                   "Adecuad{o} para estancias húmedas y salpicaduras diarias."),
               loc("A few well-chosen pieces turn the bathroom into a small spa.",
                   "Pochi pezzi ben scelti trasformano il bagno in una piccola spa.",
                   "Ein paar gut gewählte Stücke machen das Bad zur kleinen Wellness-Oase.",
                   "Unas pocas piezas bien elegidas convierten el baño en un pequeño spa.")]),
    dict(id="cookware", icon="pan", count=30,
         name=loc("Cookware & tableware", "Pentole e stoviglie", "Kochgeschirr & Tischkultur",
                  "Menaje de cocina y vajilla"),
         says=[loc("Good tools make everyday cooking simpler and more fun.",
                   "Gli strumenti giusti rendono la cucina di tutti i giorni più semplice e divertente.",
                   "Gutes Werkzeug macht das tägliche Kochen einfacher und bringt mehr Spaß.",
                   "Unos buenos utensilios hacen que cocinar cada día sea más sencillo y divertido."),
               loc("Combines well with other pieces in the kitchen and on the table.",
                   "Si abbina bene ad altri pezzi in cucina e a tavola.",
                   "Passt gut zu anderen Teilen in der Küche und auf dem Tisch.",
                   "Combina bien con otras piezas en la cocina y en la mesa.")]),
    dict(id="decoration", icon="frame", count=24,
         name=loc("Decoration", "Decorazioni", "Dekoration", "Decoración"),
         says=[loc("Small details that make a house feel like home.",
                   "Piccoli dettagli che trasformano una casa nella tua casa.",
                   "Kleine Details, die aus einer Wohnung ein Zuhause machen.",
                   "Pequeños detalles que convierten una casa en un hogar."),
               loc("A lovely gift idea, too!",
                   "Anche un'ottima idea regalo!",
                   "Auch eine schöne Geschenkidee!",
                   "¡También es una idea de regalo perfecta!")]),
    dict(id="children", icon="toy", count=20,
         name=loc("Children's room", "Cameretta", "Kinderzimmer", "Habitación infantil"),
         says=[loc("Rounded edges and sturdy construction for safe, happy play.",
                   "Bordi arrotondati e struttura robusta per giocare in sicurezza e allegria.",
                   "Abgerundete Kanten und eine stabile Bauweise für sicheres, fröhliches Spielen.",
                   "Bordes redondeados y una estructura resistente para jugar con seguridad y alegría."),
               loc("Tested to meet the safety requirements for children's products.",
                   "Testat{o} secondo i requisiti di sicurezza per i prodotti per bambini.",
                   "Geprüft nach den Sicherheitsanforderungen für Kinderprodukte.",
                   "Probad{o} según los requisitos de seguridad para productos infantiles.")]),
    dict(id="outdoor", icon="garden", count=20,
         name=loc("Garden & balcony", "Giardino e terrazzo", "Garten & Balkon", "Jardín y terraza"),
         says=[loc("Enjoy long summer evenings on the balcony, the terrace or in the garden.",
                   "Goditi le lunghe serate estive sul balcone, in terrazzo o in giardino.",
                   "Genieß lange Sommerabende auf dem Balkon, der Terrasse oder im Garten.",
                   "Disfruta de las largas tardes de verano en el balcón, la terraza o el jardín."),
               loc("Store under cover in winter for a longer life.",
                   "Riporre al coperto durante l'inverno per una maggiore durata.",
                   "Im Winter geschützt lagern – das verlängert die Lebensdauer.",
                   "Guardar a cubierto durante el invierno para prolongar su vida útil.")]),
]
CATEGORY_BY_ID = {c["id"]: c for c in CATEGORIES}

# ---------------------------------------------------------------------------
# Colours: label per language, German noun form (None: not used in sentences),
# the fill used by the drawings, and whether the short description shows it.
# ---------------------------------------------------------------------------


def colour(en, it, de, de_noun, es, hex_, shown=True):
    return dict(label=loc(en, it, de, es), de_noun=de_noun, hex=hex_, shown=shown)


COLOURS = {
    "white": colour("white", "bianco", "weiß", "Weiß", "blanco", "#f8f7f3"),
    "black": colour("black", "nero", "schwarz", "Schwarz", "negro", "#2d2d2f"),
    "grey": colour("grey", "grigio", "grau", "Grau", "gris", "#8b8f94"),
    "light_grey": colour("light grey", "grigio chiaro", "hellgrau", "Hellgrau", "gris claro", "#c5c8cb"),
    "dark_grey": colour("dark grey", "grigio scuro", "dunkelgrau", "Dunkelgrau", "gris oscuro", "#56595e"),
    "anthracite": colour("anthracite", "antracite", "anthrazit", "Anthrazit", "antracita", "#3e4247"),
    "beige": colour("beige", "beige", "beige", "Beige", "beige", "#dac9a9"),
    "natural": colour("natural", "naturale", "natur", "Natur", "natural", "#e2cda2"),
    "brown": colour("brown", "marrone", "braun", "Braun", "marrón", "#7b5535"),
    "black_brown": colour("black-brown", "marrone-nero", "schwarzbraun", "Schwarzbraun",
                          "negro-marrón", "#3c2b23"),
    "white_stained": colour("white stained oak effect", "effetto rovere mordenzato bianco",
                            "Eicheneffekt weiß lasiert", None, "efecto roble tinte blanco", "#eee5d6"),
    "dark_blue": colour("dark blue", "blu scuro", "dunkelblau", "Dunkelblau", "azul oscuro", "#2d4b6f"),
    "light_blue": colour("light blue", "azzurro", "hellblau", "Hellblau", "azul claro", "#9dc4df"),
    "turquoise": colour("turquoise", "turchese", "türkis", "Türkis", "turquesa", "#2b9d8f"),
    "green": colour("green", "verde", "grün", "Grün", "verde", "#4f8a4c"),
    "dark_green": colour("dark green", "verde scuro", "dunkelgrün", "Dunkelgrün", "verde oscuro", "#2f5335"),
    "sage": colour("sage green", "verde salvia", "salbeigrün", "Salbeigrün", "verde salvia", "#9caf88"),
    "yellow": colour("yellow", "giallo", "gelb", "Gelb", "amarillo", "#f2c14e"),
    "ochre": colour("ochre", "ocra", "ocker", "Ocker", "ocre", "#c98b2c"),
    "terracotta": colour("terracotta", "terracotta", "terrakotta", "Terrakotta", "terracota", "#c4633e"),
    "red": colour("red", "rosso", "rot", "Rot", "rojo", "#c0392b"),
    "pink": colour("pink", "rosa", "rosa", "Rosa", "rosa", "#e8a6b4"),
    "lilac": colour("lilac", "lilla", "lila", "Lila", "lila", "#b49edb"),
    # Pseudo-colours: drawn, but not named in short descriptions.
    "steel": colour("stainless steel", "acciaio inox", "Edelstahl", None, "acero inoxidable", "#b9bec3",
                    shown=False),
    "clear": colour("clear", "trasparente", "klar", None, "transparente", "#d6ebf2"),
    "warm_white": colour("warm white", "bianco caldo", "warmweiß", None, "blanco cálido", "#fff1c1"),
    "firm": colour("firm", "rigido", "fest", None, "firme", "#f6f4ef"),
    "medium_firm": colour("medium firm", "medio rigido", "mittelfest", None, "semifirme", "#f6f4ef"),
    "soft": colour("soft", "morbido", "weich", None, "blando", "#f6f4ef"),
}

# Colour families used by the product types.
UPHOLSTERY = ["grey", "light_grey", "dark_grey", "beige", "dark_blue", "sage", "dark_green", "ochre",
              "terracotta", "pink", "anthracite"]
WOODEN = ["white", "black_brown", "natural", "white_stained", "black"]
PAINTED = ["white", "black", "grey", "anthracite", "natural", "dark_green"]
FABRICS = ["white", "beige", "natural", "grey", "dark_grey", "light_blue", "dark_blue", "green", "sage",
           "yellow", "ochre", "terracotta", "pink", "red", "lilac", "turquoise"]
METALS = ["black", "white", "anthracite", "grey", "dark_green", "yellow"]
CERAMICS = ["white", "grey", "dark_blue", "sage", "terracotta", "beige", "black", "turquoise", "pink"]
KIDS = ["white", "yellow", "red", "light_blue", "green", "pink", "natural", "turquoise"]
GARDEN = ["anthracite", "natural", "brown", "white", "dark_green", "grey", "black", "beige"]

# ---------------------------------------------------------------------------
# Materials: label, care class, drawing tone, one sentence for descriptions.
# "{o}" in Italian and Spanish is replaced by the product noun's gender ending.
# ---------------------------------------------------------------------------


def material(label, care, tone, sentence):
    return dict(label=label, care=care, tone=tone, sentence=sentence)


MATERIALS = {
    "solid_pine": material(
        loc("solid pine", "pino massiccio", "Kiefer massiv", "pino macizo"), "wood", "#e0bd85",
        loc("Made of solid pine, a natural material that gains character over time.",
            "Realizzat{o} in pino massiccio, un materiale naturale che acquista carattere con il tempo.",
            "Aus massiver Kiefer gefertigt – einem Naturmaterial, das mit der Zeit an Charakter gewinnt.",
            "Fabricad{o} en pino macizo, un material natural que gana carácter con el paso del tiempo.")),
    "solid_oak": material(
        loc("solid oak", "rovere massiccio", "Eiche massiv", "roble macizo"), "wood", "#c0905a",
        loc("Solid oak is hard-wearing and develops a warm patina with age.",
            "Il rovere massiccio è resistente e con gli anni sviluppa una calda patina.",
            "Massive Eiche ist strapazierfähig und bekommt mit den Jahren eine warme Patina.",
            "El roble macizo es resistente y con los años adquiere una pátina cálida.")),
    "solid_beech": material(
        loc("solid beech", "faggio massiccio", "Buche massiv", "haya maciza"), "wood", "#d6ad7e",
        loc("Made of solid beech, a dense and durable hardwood.",
            "Realizzat{o} in faggio massiccio, un legno duro, compatto e durevole.",
            "Aus massiver Buche, einem dichten und langlebigen Hartholz.",
            "Fabricad{o} en haya maciza, una madera dura, densa y duradera.")),
    "oak_veneer": material(
        loc("oak veneer", "impiallacciatura di rovere", "Eichenfurnier", "chapa de roble"), "wood", "#c99d66",
        loc("The oak veneer gives the look and feel of real wood at a friendly price.",
            "L'impiallacciatura di rovere offre l'aspetto e il tatto del legno vero a un prezzo conveniente.",
            "Das Eichenfurnier bietet Optik und Haptik von echtem Holz zu einem freundlichen Preis.",
            "La chapa de roble ofrece el aspecto y el tacto de la madera auténtica a un precio asequible.")),
    "birch_veneer": material(
        loc("birch veneer", "impiallacciatura di betulla", "Birkenfurnier", "chapa de abedul"), "wood",
        "#e6cfa3",
        loc("Birch veneer with a light, even grain brightens up the room.",
            "L'impiallacciatura di betulla, dalla venatura chiara e regolare, illumina l'ambiente.",
            "Birkenfurnier mit heller, gleichmäßiger Maserung bringt Helligkeit in den Raum.",
            "La chapa de abedul, de veta clara y uniforme, da luminosidad a la estancia.")),
    "ash_veneer": material(
        loc("ash veneer", "impiallacciatura di frassino", "Eschenfurnier", "chapa de fresno"), "wood",
        "#d9c29c",
        loc("Ash veneer shows a lively grain, so every piece is slightly unique.",
            "L'impiallacciatura di frassino ha una venatura vivace: ogni pezzo è leggermente diverso.",
            "Eschenfurnier zeigt eine lebendige Maserung, daher ist jedes Stück ein wenig einzigartig.",
            "La chapa de fresno tiene una veta muy viva, por lo que cada pieza es ligeramente única.")),
    "melamine": material(
        loc("melamine finish", "finitura melaminica", "Melaminoberfläche", "acabado de melamina"), "board",
        "#efeee9",
        loc("The melamine finish is hard-wearing and wipes clean in seconds.",
            "La finitura melaminica è resistente e si pulisce in pochi secondi.",
            "Die Melaminoberfläche ist robust und in Sekunden abgewischt.",
            "El acabado de melamina es resistente y se limpia en segundos.")),
    "bamboo": material(
        loc("bamboo", "bambù", "Bambus", "bambú"), "wood", "#d4b26a",
        loc("Bamboo grows quickly and is a hard, durable material.",
            "Il bambù cresce velocemente ed è un materiale duro e resistente.",
            "Bambus wächst schnell nach und ist ein hartes, langlebiges Material.",
            "El bambú crece rápido y es un material duro y duradero.")),
    "acacia": material(
        loc("solid acacia", "acacia massiccia", "Akazie massiv", "acacia maciza"), "oiled", "#9a6a40",
        loc("Solid acacia has a rich colour and is naturally resistant to moisture.",
            "L'acacia massiccia ha un colore intenso ed è naturalmente resistente all'umidità.",
            "Massive Akazie hat eine satte Farbe und ist von Natur aus feuchtigkeitsbeständig.",
            "La acacia maciza tiene un color intenso y resiste la humedad de forma natural.")),
    "rattan": material(
        loc("rattan", "rattan", "Rattan", "ratán"), "rattan", "#c8a06a",
        loc("Hand-woven rattan: every piece is made by skilled craftspeople.",
            "Rattan intrecciato a mano: ogni pezzo è realizzato da abili artigiani.",
            "Handgeflochtenes Rattan – jedes Stück wird von erfahrenen Handwerkern gefertigt.",
            "Ratán tejido a mano: cada pieza está hecha por artesanos expertos.")),
    "powder_steel": material(
        loc("powder-coated steel", "acciaio verniciato a polvere", "Stahl pulverbeschichtet",
            "acero con revestimiento en polvo"), "metal", "#3a3a3c",
        loc("The powder-coated steel is sturdy and resists scratches.",
            "L'acciaio verniciato a polvere è robusto e resiste ai graffi.",
            "Der pulverbeschichtete Stahl ist stabil und kratzfest.",
            "El acero con revestimiento en polvo es robusto y resiste los arañazos.")),
    "stainless": material(
        loc("stainless steel", "acciaio inox", "Edelstahl", "acero inoxidable"), "metal", "#b9bec3",
        loc("Stainless steel is hygienic, durable and keeps its shine.",
            "L'acciaio inox è igienico, durevole e mantiene la sua lucentezza.",
            "Edelstahl ist hygienisch, langlebig und behält seinen Glanz.",
            "El acero inoxidable es higiénico, duradero y conserva su brillo.")),
    "aluminium": material(
        loc("aluminium", "alluminio", "Aluminium", "aluminio"), "metal", "#c6cace",
        loc("Lightweight aluminium that does not rust.",
            "Alluminio leggero che non arrugginisce.",
            "Leichtes Aluminium, das nicht rostet.",
            "Aluminio ligero que no se oxida.")),
    "cast_iron": material(
        loc("enamelled cast iron", "ghisa smaltata", "Gusseisen emailliert", "hierro fundido esmaltado"),
        "cookware", "#333335",
        loc("Enamelled cast iron spreads and holds the heat evenly, perfect for slow cooking.",
            "La ghisa smaltata distribuisce e mantiene il calore in modo uniforme, ideale per le cotture lente.",
            "Emailliertes Gusseisen verteilt und speichert die Wärme gleichmäßig – ideal zum Schmoren.",
            "El hierro fundido esmaltado reparte y conserva el calor de manera uniforme, ideal para guisos lentos.")),
    "nonstick": material(
        loc("non-stick aluminium", "alluminio antiaderente", "Aluminium antihaftbeschichtet",
            "aluminio antiadherente"), "cookware", "#3a3a3c",
        loc("The non-stick coating lets you cook with very little fat.",
            "Il rivestimento antiaderente permette di cucinare con pochissimi grassi.",
            "Dank Antihaftbeschichtung kommst du mit sehr wenig Fett aus.",
            "El revestimiento antiadherente permite cocinar con muy poca grasa.")),
    "carbon_steel": material(
        loc("carbon steel", "acciaio al carbonio", "Karbonstahl", "acero al carbono"), "cookware", "#4a4a4c",
        loc("Carbon steel heats up fast and becomes naturally non-stick with use.",
            "L'acciaio al carbonio si scalda rapidamente e con l'uso diventa naturalmente antiaderente.",
            "Karbonstahl wird schnell heiß und bekommt mit der Zeit eine natürliche Antihaftschicht.",
            "El acero al carbono se calienta rápido y con el uso se vuelve antiadherente de forma natural.")),
    "cotton": material(
        loc("cotton", "cotone", "Baumwolle", "algodón"), "textile", None,
        loc("Soft cotton that feels nice against the skin and gets softer with every wash.",
            "Cotone morbido, piacevole sulla pelle, che diventa più soffice a ogni lavaggio.",
            "Weiche Baumwolle, die sich angenehm anfühlt und mit jeder Wäsche weicher wird.",
            "Algodón suave, agradable al tacto, que se vuelve más suave con cada lavado.")),
    "linen": material(
        loc("linen", "lino", "Leinen", "lino"), "textile", None,
        loc("Linen has a natural, slightly irregular texture and feels cool in summer.",
            "Il lino ha una texture naturale, leggermente irregolare, e d'estate dona freschezza.",
            "Leinen hat eine natürliche, leicht unregelmäßige Struktur und fühlt sich im Sommer kühl an.",
            "El lino tiene una textura natural, ligeramente irregular, y resulta fresco en verano.")),
    "wool": material(
        loc("wool", "lana", "Wolle", "lana"), "wool", None,
        loc("Wool is naturally soil-repellent, warm and durable.",
            "La lana è naturalmente antimacchia, calda e resistente.",
            "Wolle ist von Natur aus schmutzabweisend, warm und strapazierfähig.",
            "La lana repele la suciedad de forma natural y es cálida y resistente.")),
    "polyester": material(
        loc("recycled polyester", "poliestere riciclato", "Polyester recycelt", "poliéster reciclado"),
        "textile", None,
        loc("Made from recycled polyester, which gives PET bottles a second life.",
            "Realizzat{o} in poliestere riciclato, che dà una seconda vita alle bottiglie in PET.",
            "Aus recyceltem Polyester, das PET-Flaschen ein zweites Leben schenkt.",
            "Fabricad{o} con poliéster reciclado, que da una segunda vida a las botellas de PET.")),
    "velvet": material(
        loc("velvet", "velluto", "Samt", "terciopelo"), "upholstery", None,
        loc("Velvet with a soft sheen that changes colour subtly in the light.",
            "Velluto dalla lucentezza morbida, che cambia sfumatura con la luce.",
            "Samt mit sanftem Schimmer, der je nach Licht leicht die Farbe wechselt.",
            "Terciopelo de brillo suave que cambia sutilmente de tono con la luz.")),
    "fabric": material(
        loc("woven fabric", "tessuto", "Webstoff", "tejido"), "upholstery", None,
        loc("The tightly woven fabric is durable and pleasant to the touch.",
            "Il tessuto a trama fitta è resistente e piacevole al tatto.",
            "Der dicht gewebte Stoff ist strapazierfähig und angenehm weich.",
            "El tejido de trama densa es resistente y agradable al tacto.")),
    "leather": material(
        loc("leather", "pelle", "Leder", "piel"), "leather", None,
        loc("Grain leather that ages beautifully and becomes softer over time.",
            "Pelle pieno fiore che invecchia con eleganza e diventa più morbida con il tempo.",
            "Narbenleder, das schön altert und mit der Zeit weicher wird.",
            "Piel flor que envejece con elegancia y se vuelve más suave con el tiempo.")),
    "jute": material(
        loc("jute", "iuta", "Jute", "yute"), "wool", "#c9ad7a",
        loc("Jute is a renewable natural fibre with a rustic, textured look.",
            "La iuta è una fibra naturale rinnovabile dall'aspetto rustico e materico.",
            "Jute ist eine nachwachsende Naturfaser mit rustikaler, strukturierter Optik.",
            "El yute es una fibra natural renovable con un aspecto rústico y texturizado.")),
    "stoneware": material(
        loc("stoneware", "gres", "Steinzeug", "gres"), "ceramic", None,
        loc("Stoneware is sturdy and each glaze varies slightly, making every piece unique.",
            "Il gres è robusto e lo smalto varia leggermente: ogni pezzo è unico.",
            "Steinzeug ist robust, und die Glasur variiert leicht – jedes Stück ist ein Unikat.",
            "El gres es resistente y el esmalte varía ligeramente, así que cada pieza es única.")),
    "porcelain": material(
        loc("porcelain", "porcellana", "Porzellan", "porcelana"), "ceramic", None,
        loc("Fine porcelain that is thin yet strong.",
            "Porcellana fine, sottile ma resistente.",
            "Feines Porzellan, dünn und trotzdem robust.",
            "Porcelana fina, delgada pero resistente.")),
    "ceramic": material(
        loc("ceramic", "ceramica", "Keramik", "cerámica"), "ceramic", None,
        loc("Glazed ceramic with a smooth, easy-care surface.",
            "Ceramica smaltata dalla superficie liscia e facile da pulire.",
            "Glasierte Keramik mit glatter, pflegeleichter Oberfläche.",
            "Cerámica esmaltada con una superficie lisa y fácil de cuidar.")),
    "glass": material(
        loc("glass", "vetro", "Glas", "vidrio"), "glass", "#d6ebf2",
        loc("Clear glass that is easy to clean and does not absorb smells.",
            "Vetro trasparente, facile da pulire e che non trattiene gli odori.",
            "Klares Glas, das leicht zu reinigen ist und keine Gerüche annimmt.",
            "Vidrio transparente, fácil de limpiar y que no retiene olores.")),
    "tempered_glass": material(
        loc("tempered glass", "vetro temperato", "Sicherheitsglas", "vidrio templado"), "metal", "#d6ebf2",
        loc("Tempered glass is several times stronger than ordinary glass.",
            "Il vetro temperato è molto più resistente del vetro comune.",
            "Sicherheitsglas ist um ein Vielfaches stabiler als gewöhnliches Glas.",
            "El vidrio templado es varias veces más resistente que el vidrio normal.")),
    "polypropylene": material(
        loc("polypropylene", "polipropilene", "Polypropylen", "polipropileno"), "plastic", None,
        loc("Polypropylene is light, sturdy and easy to keep clean.",
            "Il polipropilene è leggero, robusto e facile da pulire.",
            "Polypropylen ist leicht, stabil und einfach sauber zu halten.",
            "El polipropileno es ligero, resistente y fácil de limpiar.")),
    "marble": material(
        loc("marble", "marmo", "Marmor", "mármol"), "stone", "#e9e6e1",
        loc("Natural marble: variations in the veining make each piece unique.",
            "Marmo naturale: le variazioni delle venature rendono unico ogni pezzo.",
            "Naturmarmor – die unterschiedliche Äderung macht jedes Stück einzigartig.",
            "Mármol natural: las variaciones de las vetas hacen única cada pieza.")),
    "pocket_springs": material(
        loc("pocket springs", "molle insacchettate", "Taschenfedern", "muelles ensacados"), "mattress", None,
        loc("The pocket springs move independently and follow the shape of your body.",
            "Le molle insacchettate lavorano in modo indipendente e seguono la forma del corpo.",
            "Die Taschenfedern arbeiten einzeln und passen sich der Körperform an.",
            "Los muelles ensacados trabajan de forma independiente y se adaptan a la forma del cuerpo.")),
    "memory_foam": material(
        loc("memory foam", "memory foam", "Memory-Schaum", "espuma viscoelástica"), "mattress", None,
        loc("Memory foam moulds to your body and relieves pressure on shoulders and hips.",
            "Il memory foam si modella sul corpo e allevia la pressione su spalle e fianchi.",
            "Memory-Schaum passt sich dem Körper an und entlastet Schultern und Hüften.",
            "La espuma viscoelástica se adapta al cuerpo y alivia la presión en hombros y caderas.")),
    "hr_foam": material(
        loc("high-resilience foam", "schiuma ad alta resilienza", "Kaltschaum", "espuma de alta resiliencia"),
        "mattress", None,
        loc("High-resilience foam gives firm, even support and lets air circulate.",
            "La schiuma ad alta resilienza offre un sostegno deciso e uniforme e lascia circolare l'aria.",
            "Kaltschaum bietet feste, gleichmäßige Unterstützung und lässt die Luft zirkulieren.",
            "La espuma de alta resiliencia ofrece un soporte firme y uniforme y deja circular el aire.")),
}

WOODS = ["solid_pine", "solid_oak", "oak_veneer", "birch_veneer", "ash_veneer", "melamine"]

# Care advice per care class (from the material) or per product type override.
CARE = {
    "wood": loc("Wipe with a damp cloth and a mild soap, then dry with a clean cloth.",
                "Pulire con un panno umido e sapone delicato, poi asciugare con un panno pulito.",
                "Mit einem feuchten Tuch und milder Seife abwischen, danach mit einem sauberen Tuch trocknen.",
                "Limpiar con un paño húmedo y jabón suave y secar después con un paño limpio."),
    "board": loc("Wipe clean with a damp cloth.",
                 "Pulire con un panno umido.",
                 "Mit einem feuchten Tuch abwischen.",
                 "Limpiar con un paño húmedo."),
    "oiled": loc("Treat with wood oil once a year to keep the colour.",
                 "Trattare con olio per legno una volta all'anno per mantenere il colore.",
                 "Einmal im Jahr mit Holzöl behandeln, damit die Farbe erhalten bleibt.",
                 "Tratar con aceite para madera una vez al año para conservar el color."),
    "metal": loc("Wipe clean with a damp cloth; avoid abrasive cleaners.",
                 "Pulire con un panno umido; evitare detergenti abrasivi.",
                 "Mit einem feuchten Tuch reinigen; keine Scheuermittel verwenden.",
                 "Limpiar con un paño húmedo; evitar los productos abrasivos."),
    "textile": loc("Machine wash at 40 °C; do not tumble dry.",
                   "Lavabile in lavatrice a 40 °C; non asciugare in asciugatrice.",
                   "Maschinenwäsche bei 40 °C; nicht im Trockner trocknen.",
                   "Lavable a máquina a 40 °C; no usar secadora."),
    "wool": loc("Vacuum regularly and dab stains with a damp cloth.",
                "Passare regolarmente l'aspirapolvere e tamponare le macchie con un panno umido.",
                "Regelmäßig absaugen und Flecken mit einem feuchten Tuch abtupfen.",
                "Aspirar con regularidad y tratar las manchas con un paño húmedo."),
    "upholstery": loc("The cover is removable and washable.",
                      "La fodera è sfoderabile e lavabile.",
                      "Der Bezug ist abnehmbar und waschbar.",
                      "La funda se puede quitar y lavar."),
    "leather": loc("Clean with a leather cleaner and apply leather care twice a year.",
                   "Pulire con un detergente per pelle e applicare un prodotto specifico due volte all'anno.",
                   "Mit Lederreiniger säubern und zweimal im Jahr mit Lederpflege behandeln.",
                   "Limpiar con un limpiador de piel y aplicar un producto de cuidado dos veces al año."),
    "ceramic": loc("Dishwasher and microwave safe.",
                   "Lavabile in lavastoviglie e utilizzabile nel microonde.",
                   "Spülmaschinen- und mikrowellengeeignet.",
                   "Apt{o} para lavavajillas y microondas."),
    "glass": loc("Dishwasher safe.",
                 "Lavabile in lavastoviglie.",
                 "Spülmaschinenfest.",
                 "Apt{o} para lavavajillas."),
    "cookware": loc("Suitable for all hobs, including induction.",
                    "Adatt{o} a tutti i piani cottura, anche a induzione.",
                    "Für alle Herdarten geeignet, auch für Induktion.",
                    "Apt{o} para todo tipo de cocinas, incluida la inducción."),
    "knife": loc("Wash by hand and dry immediately to keep the edge sharp.",
                 "Lavare a mano e asciugare subito per mantenere il filo affilato.",
                 "Von Hand spülen und sofort abtrocknen, damit die Klinge scharf bleibt.",
                 "Lavar a mano y secar enseguida para mantener el filo."),
    "mattress": loc("Turn regularly and use a mattress protector to keep it fresh.",
                    "Girare regolarmente e usare un coprimaterasso per mantenerlo fresco.",
                    "Regelmäßig wenden und mit einem Matratzenschoner frisch halten.",
                    "Dar la vuelta con regularidad y usar un protector de colchón para mantenerlo fresco."),
    "plastic": loc("Wipe clean with a damp cloth or wash with mild soapy water.",
                   "Pulire con un panno umido o lavare con acqua e sapone neutro.",
                   "Mit einem feuchten Tuch abwischen oder mit milder Seifenlauge waschen.",
                   "Limpiar con un paño húmedo o lavar con agua y jabón suave."),
    "rattan": loc("Keep away from direct heat and dust with a soft brush.",
                  "Tenere lontano da fonti di calore e spolverare con una spazzola morbida.",
                  "Von direkter Hitze fernhalten und mit einer weichen Bürste abstauben.",
                  "Mantener alejado de fuentes de calor y quitar el polvo con un cepillo suave."),
    "stone": loc("Wipe up spills straight away; marble is sensitive to acids.",
                 "Asciugare subito eventuali liquidi versati: il marmo è sensibile agli acidi.",
                 "Verschüttetes sofort aufwischen – Marmor ist säureempfindlich.",
                 "Limpiar enseguida los líquidos derramados: el mármol es sensible a los ácidos."),
    "lamp": loc("Dust with a dry cloth and always unplug before cleaning.",
                "Spolverare con un panno asciutto e staccare sempre la spina prima di pulire.",
                "Mit einem trockenen Tuch abstauben und vor dem Reinigen immer den Stecker ziehen.",
                "Quitar el polvo con un paño seco y desenchufar siempre antes de limpiar."),
    "deco": loc("Clean with a soft, damp cloth.",
                "Pulire con un panno morbido e umido.",
                "Mit einem weichen, feuchten Tuch reinigen.",
                "Limpiar con un paño suave y húmedo."),
    "none": None,
}

# ---------------------------------------------------------------------------
# Sentences shared by all types.  {L} is the product line, {c} the colour.
# ---------------------------------------------------------------------------

SAY_COLOUR = loc("The {c} colour is easy to combine with both light and dark interiors.",
                 "Il colore {c} si abbina facilmente ad ambienti chiari e scuri.",
                 "Die Farbe {c} lässt sich leicht mit hellen und dunklen Einrichtungen kombinieren.",
                 "El color {c} combina fácilmente con interiores claros y oscuros.")
SAY_OTHER_COLOURS = loc("The {L} series is also available in other colours.",
                        "La serie {L} è disponibile anche in altri colori.",
                        "Die Serie {L} gibt es auch in anderen Farben.",
                        "La serie {L} también está disponible en otros colores.")
SAY_SERIES = loc("Part of the {L} series, with matching pieces for the whole home.",
                 "Fa parte della serie {L}, con pezzi coordinati per tutta la casa.",
                 "Teil der Serie {L} mit passenden Stücken für das ganze Zuhause.",
                 "Forma parte de la serie {L}, con piezas a juego para toda la casa.")
SAY_FLAT = loc("Flat-packed, so it is easy to take home and assemble.",
               "In confezione piatta: facile da portare a casa e da montare.",
               "Flach verpackt – leicht nach Hause zu transportieren und aufzubauen.",
               "En paquete plano, fácil de llevar a casa y de montar.")
SAY_PACKAGES = loc("Comes in {n} packages: remember to collect all of them in the self-serve area.",
                   "Il prodotto è composto da {n} colli: ricorda di ritirarli tutti nell'area self-service.",
                   "Der Artikel besteht aus {n} Paketen – denk daran, alle im SB-Lager abzuholen.",
                   "El artículo consta de {n} bultos: recuerda recogerlos todos en la zona de autoservicio.")
SAY_FULL_SERVE = loc("Collected at the full-serve desk, where our staff have the article ready for you.",
                     "Si ritira al banco del servizio assistito, dove il nostro personale prepara l'articolo per te.",
                     "Abholung an der Warenausgabe – unser Team bringt den Artikel aus dem Lager.",
                     "Se recoge en el mostrador de servicio asistido, donde nuestro equipo te prepara el artículo.")
SAY_ONLINE = loc("Available online only, delivered to your door.",
                 "Disponibile solo online, con consegna a domicilio.",
                 "Nur online erhältlich, mit Lieferung bis an die Haustür.",
                 "Disponible solo en la tienda online, con entrega a domicilio.")
SAY_GUARANTEE = loc("Covered by a {n}-year guarantee.",
                    "Garanzia di {n} anni.",
                    "Mit {n} Jahren Garantie.",
                    "Con {n} años de garantía.")
SAY_ANCHOR = loc("To prevent tipping, the furniture must be fixed to the wall; the fittings are included.",
                 "Per evitare il ribaltamento, il mobile va fissato alla parete; la ferramenta è inclusa.",
                 "Um ein Umkippen zu verhindern, muss das Möbel an der Wand befestigt werden; Beschläge liegen bei.",
                 "Para evitar que vuelque, el mueble debe fijarse a la pared; se incluyen los herrajes.")
SAY_BULB = loc("Light bulb sold separately; we recommend an LED bulb.",
               "Lampadina venduta separatamente; consigliamo una lampadina LED.",
               "Leuchtmittel separat erhältlich; wir empfehlen eine LED-Lampe.",
               "Bombilla no incluida; recomendamos una bombilla LED.")

# Gender endings for "{o}" in Italian and Spanish sentences.
ENDINGS = {"it": {"m": "o", "f": "a", "mp": "i", "fp": "e"},
           "es": {"m": "o", "f": "a", "mp": "os", "fp": "as"}}

# Package labels.
PACKAGE_LABELS = {
    "frame": loc("Frame", "Struttura", "Gestell", "Estructura"),
    "doors": loc("Doors", "Ante", "Türen", "Puertas"),
    "door": loc("Door", "Anta", "Tür", "Puerta"),
    "shelves": loc("Shelves", "Ripiani", "Böden", "Estantes"),
    "drawers": loc("Drawers", "Cassetti", "Schubladen", "Cajones"),
    "fittings": loc("Fittings", "Ferramenta", "Beschläge", "Herrajes"),
    "cushions": loc("Cushions", "Cuscini", "Polster", "Cojines"),
    "cover": loc("Cover", "Fodera", "Bezug", "Funda"),
    "seat": loc("Seat", "Seduta", "Sitz", "Asiento"),
    "back": loc("Backrest", "Schienale", "Rückenlehne", "Respaldo"),
    "armrests": loc("Armrests", "Braccioli", "Armlehnen", "Reposabrazos"),
    "chaise": loc("Chaise longue", "Chaise longue", "Récamiere", "Chaise longue"),
    "tabletop": loc("Tabletop", "Piano", "Tischplatte", "Tablero"),
    "leaf": loc("Extension leaf", "Prolunga", "Einlegeplatte", "Tablero adicional"),
    "legs": loc("Legs", "Gambe", "Beine", "Patas"),
    "underframe": loc("Underframe", "Telaio", "Untergestell", "Bastidor"),
    "headboard": loc("Headboard", "Testiera", "Kopfteil", "Cabecero"),
    "footboard": loc("Footboard", "Pediera", "Fußteil", "Piecero"),
    "rails": loc("Side rails", "Fianchi", "Seitenteile", "Laterales"),
    "slats": loc("Slatted base", "Rete a doghe", "Lattenrost", "Somier"),
    "base": loc("Base", "Base", "Sockel", "Base"),
    "worktop": loc("Worktop", "Piano di lavoro", "Arbeitsplatte", "Encimera"),
    "basin": loc("Wash-basin", "Lavabo", "Waschbecken", "Lavabo"),
    "mirror": loc("Mirror", "Specchio", "Spiegel", "Espejo"),
    "table": loc("Table", "Tavolo", "Tisch", "Mesa"),
    "chairs": loc("Chairs", "Sedie", "Stühle", "Sillas"),
    "canopy": loc("Canopy", "Telo", "Bespannung", "Lona"),
    "pole": loc("Pole", "Asta", "Mast", "Mástil"),
    "stand": loc("Stand", "Basamento", "Ständer", "Pie"),
    "shade": loc("Shade", "Paralume", "Schirm", "Pantalla"),
    "castors": loc("Castors", "Ruote", "Rollen", "Ruedas"),
    "guard": loc("Safety rail", "Sponda di sicurezza", "Rausfallschutz", "Barrera de seguridad"),
    "tray": loc("Tray", "Vassoio", "Tablett", "Bandeja"),
    "boxes": loc("Storage boxes", "Contenitori", "Aufbewahrungsboxen", "Cajas"),
    "cushion_pads": loc("Seat pads", "Cuscini per sedute", "Sitzkissen", "Cojines de asiento"),
}

# ---------------------------------------------------------------------------
# Product types.
#
# name:   the noun per language (English lower case, others as capitalized in
#         a product name); the name is "LINE noun" in English and German,
#         "Noun LINE" in Italian and Spanish, then the optional suffix.
# g:      grammatical gender of the noun in Italian and Spanish (m, f, mp, fp).
# price:  euro range; kg: weight range; dims: mm ranges (width, depth, height).
# sizes:  (label, (w, d, h) in mm or None for the range, price factor).
# ful:    relative weights of self-serve, full-serve and online-only.
# packs:  package templates "label:share ..." used when the article is
#         self-serve (and sometimes full-serve) with several boxes; pmulti is
#         the probability of several boxes.
# ---------------------------------------------------------------------------


def T(key, cat, draw, g, name, lead, price, kg, mats, cols, dims=None, sizes=None,
      ful=(80, 8, 12), packs=None, pmulti=0.0, flat=False, tall=False, bulb=False,
      care=None, hide_mat=False, suffix=None, guarantee=None, weight=1.0):
    return dict(key=key, cat=cat, draw=draw, g=g, name=name, lead=lead, price=price, kg=kg,
                mats=mats, cols=cols, dims=dims, sizes=sizes, ful=ful, packs=packs or [],
                pmulti=pmulti, flat=flat, tall=tall, bulb=bulb, care=care, hide_mat=hide_mat,
                suffix=suffix, guarantee=guarantee, weight=weight)


N = loc  # a noun in the four languages
BED_SIZES = [("90x200 cm", (900, 2000, None), 0.7), ("140x200 cm", (1400, 2000, None), 1.0),
             ("160x200 cm", (1600, 2000, None), 1.15), ("180x200 cm", (1800, 2000, None), 1.3)]
RUG_SIZES = [("80x150 cm", (800, 1500, None), 0.4), ("133x195 cm", (1330, 1950, None), 0.75),
             ("160x230 cm", (1600, 2300, None), 1.0), ("200x300 cm", (2000, 3000, None), 1.5)]

TYPES = [
    # --- sofas & armchairs ---------------------------------------------------
    T("armchair", "sofas", "armchair", ("f", "m"), N("armchair", "Poltrona", "Sessel", "Sillón"),
      loc("A comfortable armchair with a high back that supports your neck and shoulders.",
          "Una poltrona comoda con schienale alto che sostiene collo e spalle.",
          "Ein bequemer Sessel mit hoher Rückenlehne, die Nacken und Schultern stützt.",
          "Un sillón cómodo con respaldo alto que sujeta el cuello y los hombros."),
      (79, 449), (11, 26), ["fabric", "velvet", "leather", "rattan"], UPHOLSTERY,
      dims=((700, 900), (740, 900), (720, 1020)), ful=(50, 40, 10),
      packs=["frame:65 cushions:35", "frame:55 cushions:30 legs:15"], pmulti=0.8, guarantee=10, weight=1.6),
    T("sofa2", "sofas", "sofa2", ("m", "m"),
      N("2-seat sofa", "Divano a 2 posti", "2er-Sofa", "Sofá de 2 plazas"),
      loc("A two-seat sofa with generous cushions, just right for a small living room or a reading corner.",
          "Un divano a due posti con cuscini generosi, perfetto per un soggiorno piccolo o un angolo lettura.",
          "Ein 2er-Sofa mit großzügigen Polstern – genau richtig für ein kleines Wohnzimmer oder eine Leseecke.",
          "Un sofá de dos plazas con cojines generosos, ideal para un salón pequeño o un rincón de lectura."),
      (299, 899), (38, 62), ["fabric", "velvet", "leather"], UPHOLSTERY,
      dims=((1500, 1850), (850, 980), (780, 880)), ful=(35, 55, 10),
      packs=["frame:60 cushions:25 armrests:15",
             "frame:50 cover:20 cushions:30"], pmulti=0.9, guarantee=10, weight=1.3),
    T("sofa3", "sofas", "sofa3", ("m", "m"),
      N("3-seat sofa", "Divano a 3 posti", "3er-Sofa", "Sofá de 3 plazas"),
      loc("A roomy three-seat sofa where the whole family can sit together or one person can stretch out.",
          "Un ampio divano a tre posti dove tutta la famiglia può sedersi insieme o una persona può sdraiarsi comodamente.",
          "Ein geräumiges 3er-Sofa, auf dem die ganze Familie Platz hat oder sich eine Person ausstrecken kann.",
          "Un amplio sofá de tres plazas donde cabe toda la familia o una persona puede tumbarse a gusto."),
      (399, 1299), (52, 85), ["fabric", "velvet", "leather"], UPHOLSTERY,
      dims=((2000, 2400), (880, 1000), (780, 900)), ful=(25, 60, 15),
      packs=["frame:55 cushions:25 armrests:20", "frame:45 cover:15 cushions:25 armrests:15"], pmulti=1.0,
      guarantee=10, weight=1.3),
    T("corner_sofa", "sofas", "corner_sofa", ("m", "m"),
      N("corner sofa", "Divano angolare", "Ecksofa", "Sofá esquinero"),
      loc("A large corner sofa with a chaise longue for lazy Sundays and long film nights.",
          "Un grande divano angolare con chaise longue per domeniche pigre e lunghe serate davanti a un film.",
          "Ein großes Ecksofa mit Récamiere für faule Sonntage und lange Filmabende.",
          "Un gran sofá esquinero con chaise longue para domingos tranquilos y largas noches de cine."),
      (799, 1299), (85, 130), ["fabric", "velvet"], UPHOLSTERY,
      dims=((2500, 2900), (1600, 1900), (800, 900)), ful=(15, 55, 30),
      packs=["frame:40 chaise:30 cushions:20 armrests:10"], pmulti=1.0, guarantee=10),
    T("sofa_bed", "sofas", "sofa_bed", ("m", "m"), N("sofa bed", "Divano letto", "Bettsofa", "Sofá cama"),
      loc("By day a sofa, by night a comfortable bed for guests, with a simple folding mechanism.",
          "Di giorno un divano, di notte un comodo letto per gli ospiti, con un semplice meccanismo di apertura.",
          "Tagsüber Sofa, nachts ein bequemes Gästebett – mit einfachem Klappmechanismus.",
          "De día un sofá y de noche una cómoda cama para invitados, con un sencillo mecanismo plegable."),
      (349, 999), (55, 90), ["fabric", "polyester"], UPHOLSTERY,
      dims=((1800, 2300), (900, 1000), (800, 900)), ful=(40, 45, 15),
      packs=["frame:50 cushions:30 cover:20", "frame:60 cushions:40"], pmulti=1.0, guarantee=10),
    T("footstool", "sofas", "footstool", ("m", "m"), N("footstool", "Poggiapiedi", "Fußhocker", "Reposapiés"),
      loc("A footstool for putting your feet up, or for an extra seat when friends drop by.",
          "Un poggiapiedi su cui allungare le gambe, o un posto in più quando arrivano gli amici.",
          "Ein Fußhocker zum Hochlegen der Beine oder als zusätzliche Sitzgelegenheit, wenn Freunde vorbeikommen.",
          "Un reposapiés para subir los pies o como asiento extra cuando vienen amigos."),
      (39, 149), (4, 11), ["fabric", "velvet", "leather"], UPHOLSTERY,
      dims=((500, 800), (450, 600), (400, 460)), ful=(75, 15, 10)),
    T("pouffe", "sofas", "pouffe", ("m", "m"), N("pouffe", "Pouf", "Pouf", "Puf"),
      loc("A soft, light pouffe that is easy to move wherever you need a seat or a footrest.",
          "Un pouf morbido e leggero, facile da spostare dove serve una seduta o un appoggio per i piedi.",
          "Ein weicher, leichter Pouf, der sich überall hinstellen lässt, wo ein Sitz oder eine Fußablage fehlt.",
          "Un puf suave y ligero, fácil de llevar donde necesites un asiento o apoyar los pies."),
      (29, 99), (2, 6), ["cotton", "wool", "jute", "velvet"], FABRICS,
      dims=((400, 550), (400, 550), (350, 450)), ful=(85, 0, 15)),
    T("furniture_legs", "sofas", "legs", ("fp", "fp"),
      N("furniture legs", "Gambe per mobili", "Möbelfüße", "Patas para muebles"),
      loc("Furniture legs that give your sofa or armchair a new look and a little extra height.",
          "Gambe per mobili che danno a divani e poltrone un nuovo aspetto e qualche centimetro in più.",
          "Möbelfüße, die deinem Sofa oder Sessel einen neuen Look und etwas mehr Höhe geben.",
          "Patas para muebles que dan a tu sofá o sillón un nuevo aspecto y algo más de altura."),
      (15, 49), (0.6, 1.6), ["solid_oak", "solid_beech", "powder_steel", "aluminium"],
      ["natural", "black", "white", "black_brown"], dims=((40, 50), (40, 50), (100, 170)), ful=(90, 0, 10),
      suffix=loc(", 4 pack", ", 4 pezzi", ", 4 Stück", ", 4 unidades"), weight=0.5),
    # --- beds & mattresses ---------------------------------------------------
    T("bed_frame", "beds", "bed", ("f", "f"),
      N("bed frame", "Struttura letto", "Bettgestell", "Estructura de cama"),
      loc("A sturdy bed frame with a clean design and enough space underneath for storage boxes.",
          "Una struttura letto robusta dal design essenziale, con spazio sufficiente sotto per i contenitori.",
          "Ein stabiles Bettgestell mit klarem Design und genug Platz darunter für Aufbewahrungsboxen.",
          "Una estructura de cama resistente, de diseño sencillo y con espacio debajo para cajas de almacenaje."),
      (149, 699), (30, 75), ["solid_pine", "oak_veneer", "birch_veneer", "powder_steel",
                             "fabric"], WOODEN + ["grey"],
      sizes=BED_SIZES, ful=(50, 40, 10),
      packs=["headboard:35 rails:40 fittings:25", "headboard:30 footboard:20 rails:35 slats:15",
             "frame:70 slats:30", "headboard:30 rails:50 fittings:20"], pmulti=0.95, flat=True,
      guarantee=10, weight=1.6),
    T("mattress_spring", "beds", "mattress", ("m", "m"),
      N("pocket spring mattress", "Materasso a molle insacchettate", "Taschenfederkernmatratze",
        "Colchón de muelles ensacados"),
      loc("A pocket spring mattress that gives firm support where you need it and keeps its shape for years.",
          "Un materasso a molle insacchettate che sostiene il corpo dove serve e mantiene la forma per anni.",
          "Eine Taschenfederkernmatratze, die genau dort stützt, wo du es brauchst, und jahrelang in Form bleibt.",
          "Un colchón de muelles ensacados que da soporte firme donde lo necesitas y mantiene su forma durante años."),
      (179, 799), (18, 45), ["pocket_springs"], ["firm", "medium_firm", "soft"],
      sizes=[(l, (w, d, 240), f) for l, (w, d, _), f in BED_SIZES], ful=(25, 65, 10), hide_mat=True,
      guarantee=25, weight=1.3),
    T("mattress_foam", "beds", "mattress", ("m", "m"),
      N("foam mattress", "Materasso in schiuma", "Schaummatratze", "Colchón de espuma"),
      loc("A foam mattress that is quiet, light to turn and comfortable in every sleeping position.",
          "Un materasso in schiuma silenzioso, leggero da girare e comodo in ogni posizione.",
          "Eine Schaummatratze, die leise ist, sich leicht wenden lässt und in jeder Schlafposition bequem ist.",
          "Un colchón de espuma silencioso, ligero de girar y cómodo en cualquier postura."),
      (99, 549), (9, 28), ["memory_foam", "hr_foam"], ["firm", "medium_firm", "soft"],
      sizes=[(l, (w, d, 180), f) for l, (w, d, _), f in BED_SIZES], ful=(40, 50, 10),
      guarantee=25, weight=1.1),
    T("bedside_table", "beds", "bedside", ("m", "f"),
      N("bedside table", "Comodino", "Nachttisch", "Mesita de noche"),
      loc("A bedside table with room for a lamp, your phone and the book you are reading.",
          "Un comodino con spazio per una lampada, il telefono e il libro che stai leggendo.",
          "Ein Nachttisch mit Platz für eine Lampe, dein Handy und das Buch, das du gerade liest.",
          "Una mesita de noche con sitio para una lámpara, el móvil y el libro que estás leyendo."),
      (29, 159), (6, 16), WOODS, WOODEN, dims=((400, 500), (350, 420), (480, 620)), ful=(65, 25, 10),
      flat=True, weight=1.3),
    T("headboard", "beds", "headboard", ("f", "m"), N("headboard", "Testiera", "Kopfteil", "Cabecero"),
      loc("A headboard that gives your bed a finished look and makes reading in bed more comfortable.",
          "Una testiera che completa il letto e rende più comoda la lettura prima di dormire.",
          "Ein Kopfteil, das dem Bett den letzten Schliff gibt und das Lesen im Bett bequemer macht.",
          "Un cabecero que completa la cama y hace más cómoda la lectura antes de dormir."),
      (69, 249), (8, 20), ["fabric", "velvet", "solid_pine", "rattan"], UPHOLSTERY,
      sizes=[(l, (w + 60, 80, 1100), f) for l, (w, d, _), f in BED_SIZES[1:]], ful=(55, 30, 15), weight=0.8),
    T("slatted_base", "beds", "slats", ("f", "m"),
      N("slatted bed base", "Rete a doghe", "Lattenrost", "Somier de láminas"),
      loc("A slatted bed base with flexible slats that adapt to your body weight and let the mattress breathe.",
          "Una rete a doghe flessibili che si adatta al peso del corpo e lascia respirare il materasso.",
          "Ein Lattenrost mit flexiblen Leisten, die sich dem Körpergewicht anpassen und die Matratze atmen lassen.",
          "Un somier de láminas flexibles que se adapta al peso del cuerpo y deja respirar el colchón."),
      (39, 199), (6, 18), ["birch_veneer", "solid_beech"], ["natural"],
      sizes=[(l, (w, d, 60), f) for l, (w, d, _), f in BED_SIZES], ful=(55, 35, 10), weight=0.8),
    # --- wardrobes & storage -------------------------------------------------
    T("wardrobe", "storage", "wardrobe", ("m", "m"), N("wardrobe", "Armadio", "Kleiderschrank", "Armario"),
      loc("A spacious wardrobe with a clothes rail and adjustable shelves for everything from coats to jumpers.",
          "Un armadio capiente con asta appendiabiti e ripiani regolabili per tutto, dai cappotti ai maglioni.",
          "Ein geräumiger Kleiderschrank mit Kleiderstange und verstellbaren Böden für alles von Mänteln bis Pullovern.",
          "Un armario amplio con barra para colgar y estantes regulables para todo, desde abrigos hasta jerséis."),
      (199, 899), (60, 140), WOODS, WOODEN, dims=((1000, 2000), (580, 600), (2010, 2360)), ful=(35, 55, 10),
      packs=["frame:55 doors:30 shelves:15", "frame:45 doors:30 shelves:10 fittings:15",
             "frame:60 doors:40", "frame:45 doors:25 drawers:20 fittings:10"], pmulti=1.0, flat=True, tall=True,
      guarantee=10, weight=1.8),
    T("chest_of_drawers", "storage", "drawers", ("m", "f"),
      N("chest of drawers", "Comò", "Kommode", "Cómoda"),
      loc("A chest of drawers with smooth-running drawers that close softly and quietly.",
          "Un comò con cassetti scorrevoli che si chiudono dolcemente e in silenzio.",
          "Eine Kommode mit leichtgängigen Schubladen, die sanft und leise schließen.",
          "Una cómoda con cajones de deslizamiento suave que se cierran despacio y sin ruido."),
      (79, 399), (25, 70), WOODS, WOODEN + ["dark_green", "light_blue"],
      dims=((700, 1600), (450, 500), (780, 1300)), ful=(50, 40, 10),
      packs=["frame:60 drawers:40", "frame:50 drawers:35 fittings:15"], pmulti=1.0, flat=True, tall=True,
      guarantee=10, weight=1.5),
    T("shoe_cabinet", "storage", "shoe_cabinet", ("f", "m"),
      N("shoe cabinet", "Scarpiera", "Schuhschrank", "Zapatero"),
      loc("A slim shoe cabinet with tilt-out compartments that keeps the hallway tidy.",
          "Una scarpiera sottile con vani ribaltabili che mantiene in ordine l'ingresso.",
          "Ein schmaler Schuhschrank mit Klappfächern, der den Flur aufgeräumt hält.",
          "Un zapatero estrecho con compartimentos abatibles que mantiene ordenado el recibidor."),
      (59, 199), (15, 35), WOODS, WOODEN, dims=((600, 800), (170, 280), (1000, 1450)), ful=(68, 22, 10),
      packs=["frame:65 doors:35"], pmulti=0.7, flat=True, tall=True),
    T("storage_box", "storage", "box", ("f", "f"),
      N("storage box with lid", "Scatola con coperchio", "Box mit Deckel", "Caja con tapa"),
      loc("A storage box with lid for toys, papers or seasonal clothes.",
          "Una scatola con coperchio per giocattoli, documenti o abiti di stagione.",
          "Eine Box mit Deckel für Spielzeug, Papiere oder Kleidung der anderen Saison.",
          "Una caja con tapa para juguetes, papeles o ropa de temporada."),
      (4, 29), (0.4, 2.5), ["polypropylene", "polyester", "bamboo", "jute"], FABRICS[:10] + ["white"],
      dims=((250, 560), (250, 400), (150, 350)), ful=(92, 0, 8), weight=1.2),
    T("clothes_rack", "storage", "clothes_rack", ("m", "m"),
      N("clothes rack", "Appendiabiti", "Kleiderständer", "Perchero"),
      loc("An open clothes rack for the outfits you wear most, with a shelf below for shoes and bags.",
          "Un appendiabiti aperto per i capi che indossi più spesso, con un ripiano in basso per scarpe e borse.",
          "Ein offener Kleiderständer für deine Lieblingsoutfits, mit einer Ablage unten für Schuhe und Taschen.",
          "Un perchero abierto para la ropa que más usas, con un estante abajo para zapatos y bolsos."),
      (19, 89), (3, 9), ["powder_steel", "solid_pine", "bamboo"], METALS[:4] + ["natural"],
      dims=((800, 1200), (400, 500), (1500, 1700)), ful=(88, 0, 12)),
    T("sideboard", "storage", "sideboard", ("f", "m"), N("sideboard", "Credenza", "Sideboard", "Aparador"),
      loc("A sideboard with doors and drawers for tableware, table linen and board games.",
          "Una credenza con ante e cassetti per stoviglie, tovaglie e giochi da tavolo.",
          "Ein Sideboard mit Türen und Schubladen für Geschirr, Tischwäsche und Brettspiele.",
          "Un aparador con puertas y cajones para la vajilla, la mantelería y los juegos de mesa."),
      (149, 549), (35, 75), WOODS, WOODEN + ["dark_green", "terracotta"],
      dims=((1200, 1800), (400, 470), (740, 860)), ful=(40, 50, 10),
      packs=["frame:55 doors:25 drawers:20", "frame:50 doors:20 drawers:20 legs:10"], pmulti=1.0, flat=True,
      guarantee=10),
    # --- shelving ------------------------------------------------------------
    T("bookcase", "shelving", "bookcase", ("f", "f"), N("bookcase", "Libreria", "Bücherregal", "Librería"),
      loc("A classic bookcase with adjustable shelves that grows with your collection.",
          "Una libreria classica con ripiani regolabili che cresce insieme alla tua collezione.",
          "Ein klassisches Bücherregal mit verstellbaren Böden, das mit deiner Sammlung wächst.",
          "Una librería clásica con estantes regulables que crece con tu colección."),
      (39, 249), (20, 55), WOODS, WOODEN, dims=((600, 1000), (280, 400), (1760, 2100)), ful=(55, 35, 10),
      packs=["frame:70 shelves:30", "frame:60 shelves:25 fittings:15"], pmulti=0.8, flat=True, tall=True,
      weight=1.6),
    T("shelving_unit", "shelving", "shelving", ("m", "f"),
      N("shelving unit", "Scaffale", "Regal", "Estantería"),
      loc("An open shelving unit that works just as well in the living room as in the garage.",
          "Uno scaffale aperto che sta bene in soggiorno come in garage.",
          "Ein offenes Regal, das im Wohnzimmer genauso gut funktioniert wie in der Garage.",
          "Una estantería abierta que funciona igual de bien en el salón que en el garaje."),
      (29, 199), (9, 40), ["powder_steel", "solid_pine", "bamboo", "oak_veneer"], PAINTED,
      dims=((600, 1400), (300, 500), (1400, 1900)), ful=(68, 24, 8),
      packs=["frame:60 shelves:40", "frame:45 shelves:40 fittings:15"], pmulti=0.7, flat=True, tall=True,
      weight=1.4),
    T("wall_shelf", "shelving", "wall_shelf", ("f", "m"),
      N("wall shelf", "Mensola", "Wandregal", "Estante de pared"),
      loc("A wall shelf that frees up floor space and shows off plants, books and souvenirs.",
          "Una mensola che libera spazio a terra e mette in mostra piante, libri e ricordi.",
          "Ein Wandregal, das Platz auf dem Boden spart und Pflanzen, Bücher und Andenken zur Geltung bringt.",
          "Un estante de pared que libera espacio en el suelo y luce plantas, libros y recuerdos."),
      (7, 49), (1, 6), ["solid_pine", "oak_veneer", "powder_steel", "bamboo"], WOODEN[:3] + ["black"],
      dims=((400, 1200), (150, 280), (20, 300)), ful=(92, 0, 8), weight=1.3),
    T("display_cabinet", "shelving", "display_cabinet", ("f", "f"),
      N("glass-door cabinet", "Vetrina", "Vitrine", "Vitrina"),
      loc("A glass-door cabinet that protects your favourite things from dust while keeping them on view.",
          "Una vetrina che protegge dalla polvere gli oggetti a cui tieni, lasciandoli in vista.",
          "Eine Vitrine, die deine Lieblingsstücke vor Staub schützt und sie trotzdem zeigt.",
          "Una vitrina que protege del polvo tus objetos favoritos sin dejar de mostrarlos."),
      (149, 449), (35, 70), ["oak_veneer", "solid_pine", "powder_steel", "melamine"], WOODEN + ["anthracite"],
      dims=((800, 1000), (370, 430), (1500, 1900)), ful=(40, 50, 10),
      packs=["frame:55 doors:35 shelves:10", "frame:60 doors:40"], pmulti=1.0, flat=True, tall=True,
      guarantee=10),
    T("tv_bench", "shelving", "tv_bench", ("m", "m"), N("TV bench", "Mobile TV", "TV-Bank", "Mueble de TV"),
      loc("A low TV bench with an opening for cables and room for game consoles and remote controls.",
          "Un mobile TV basso con foro passacavi e spazio per console e telecomandi.",
          "Eine niedrige TV-Bank mit Kabelauslass und Platz für Spielkonsolen und Fernbedienungen.",
          "Un mueble de TV bajo con salida para cables y sitio para consolas y mandos."),
      (59, 349), (18, 50), WOODS, WOODEN, dims=((1200, 1800), (380, 470), (400, 600)), ful=(50, 40, 10),
      packs=["frame:65 doors:35", "frame:55 drawers:30 legs:15"], pmulti=0.8, flat=True),
    # --- tables & desks ------------------------------------------------------
    T("dining_table", "tables", "table", ("m", "f"),
      N("dining table", "Tavolo da pranzo", "Esstisch", "Mesa de comedor"),
      loc("A dining table that seats four to six people for everyday meals and weekend dinners.",
          "Un tavolo da pranzo da quattro a sei posti per i pasti di tutti i giorni e le cene del fine settimana.",
          "Ein Esstisch für vier bis sechs Personen – für den Alltag und das Abendessen am Wochenende.",
          "Una mesa de comedor para cuatro a seis personas, para el día a día y las cenas del fin de semana."),
      (99, 799), (25, 70), ["solid_oak", "solid_pine", "oak_veneer", "ash_veneer", "melamine"], WOODEN,
      dims=((1400, 2200), (800, 1000), (740, 760)), ful=(45, 45, 10),
      packs=["tabletop:65 legs:35", "tabletop:55 underframe:30 legs:15"], pmulti=0.9, flat=True,
      guarantee=10, weight=1.4),
    T("extendable_table", "tables", "extendable_table", ("m", "f"),
      N("extendable table", "Tavolo allungabile", "Ausziehtisch", "Mesa extensible"),
      loc("An extendable table with an extra leaf stored underneath, so there is always room for one more guest.",
          "Un tavolo allungabile con prolunga riposta sotto il piano: c'è sempre posto per un ospite in più.",
          "Ein Ausziehtisch mit Einlegeplatte unter der Tischplatte – so ist immer Platz für einen Gast mehr.",
          "Una mesa extensible con el tablero adicional guardado debajo, para que siempre haya sitio para uno más."),
      (199, 899), (40, 85), ["solid_oak", "oak_veneer", "ash_veneer", "solid_pine"], WOODEN,
      dims=((1200, 1800), (800, 950), (740, 760)), ful=(40, 50, 10),
      packs=["tabletop:50 leaf:20 underframe:20 legs:10",
             "tabletop:55 leaf:25 legs:20"], pmulti=1.0, flat=True,
      guarantee=10),
    T("coffee_table", "tables", "coffee_table", ("m", "f"),
      N("coffee table", "Tavolino", "Couchtisch", "Mesa de centro"),
      loc("A coffee table with plenty of room for cups, magazines and board games.",
          "Un tavolino con tanto spazio per tazze, riviste e giochi da tavolo.",
          "Ein Couchtisch mit viel Platz für Tassen, Zeitschriften und Brettspiele.",
          "Una mesa de centro con mucho espacio para tazas, revistas y juegos de mesa."),
      (29, 349), (7, 35), ["oak_veneer", "solid_pine", "tempered_glass", "marble", "rattan",
                           "melamine"], WOODEN,
      dims=((800, 1200), (500, 800), (400, 480)), ful=(55, 35, 10),
      packs=["tabletop:70 legs:30"], pmulti=0.6, flat=True, weight=1.4),
    T("desk", "tables", "desk", ("f", "m"), N("desk", "Scrivania", "Schreibtisch", "Escritorio"),
      loc("A desk with a drawer unit and a cable outlet, so your workspace stays neat.",
          "Una scrivania con cassettiera e passacavi, per un posto di lavoro sempre in ordine.",
          "Ein Schreibtisch mit Schubladenelement und Kabelauslass, damit dein Arbeitsplatz ordentlich bleibt.",
          "Un escritorio con cajonera y pasacables para que tu zona de trabajo esté siempre ordenada."),
      (49, 399), (15, 55), WOODS + ["bamboo"], WOODEN + ["light_grey"],
      dims=((1000, 1600), (580, 780), (730, 760)), ful=(50, 40, 10),
      packs=["tabletop:50 drawers:35 legs:15", "tabletop:60 frame:40"], pmulti=1.0, flat=True, weight=1.4),
    T("side_table", "tables", "side_table", ("m", "f"),
      N("side table", "Tavolino d'appoggio", "Beistelltisch", "Mesa auxiliar"),
      loc("A small side table that fits next to the sofa or the bed, just where you need it.",
          "Un piccolo tavolino d'appoggio che sta accanto al divano o al letto, proprio dove serve.",
          "Ein kleiner Beistelltisch, der neben Sofa oder Bett passt – genau dort, wo du ihn brauchst.",
          "Una pequeña mesa auxiliar que cabe junto al sofá o la cama, justo donde la necesitas."),
      (14, 149), (2, 12), ["powder_steel", "marble", "solid_oak", "bamboo", "rattan"], PAINTED,
      dims=((350, 550), (350, 550), (450, 600)), ful=(88, 0, 12)),
    # --- chairs & stools -----------------------------------------------------
    T("chair", "chairs", "chair", ("f", "f"), N("chair", "Sedia", "Stuhl", "Silla"),
      loc("A chair with a gently curved backrest that stays comfortable through long dinners.",
          "Una sedia con schienale leggermente curvo, comoda anche durante le cene più lunghe.",
          "Ein Stuhl mit sanft gebogener Rückenlehne, der auch bei langen Abendessen bequem bleibt.",
          "Una silla con respaldo ligeramente curvado, cómoda incluso en las cenas más largas."),
      (19, 189), (3, 8), ["solid_beech", "solid_oak", "powder_steel", "polypropylene", "rattan"],
      WOODEN + ["dark_green", "terracotta", "light_blue"],
      dims=((420, 520), (480, 560), (780, 900)), ful=(65, 27, 8), flat=True, weight=1.6),
    T("bar_stool", "chairs", "bar_stool", ("m", "m"),
      N("bar stool", "Sgabello da bar", "Barhocker", "Taburete alto"),
      loc("A bar stool with a footrest, made for kitchen islands and bar tables.",
          "Uno sgabello da bar con poggiapiedi, pensato per isole cucina e tavoli alti.",
          "Ein Barhocker mit Fußstütze für Kücheninseln und Bartische.",
          "Un taburete alto con reposapiés, pensado para islas de cocina y mesas altas."),
      (29, 149), (4, 9), ["solid_beech", "powder_steel", "solid_oak"], PAINTED,
      dims=((400, 460), (400, 480), (740, 1000)), ful=(75, 15, 10), flat=True),
    T("office_chair", "chairs", "office_chair", ("f", "f"),
      N("office chair", "Sedia da ufficio", "Bürostuhl", "Silla de oficina"),
      loc("An office chair with adjustable height and a tilting backrest for long working days.",
          "Una sedia da ufficio regolabile in altezza, con schienale basculante per le lunghe giornate di lavoro.",
          "Ein höhenverstellbarer Bürostuhl mit Wippmechanik für lange Arbeitstage.",
          "Una silla de oficina de altura regulable y respaldo basculante para largas jornadas de trabajo."),
      (59, 349), (9, 19), ["fabric", "polyester", "leather"], ["black", "dark_grey", "grey", "dark_blue",
                                                               "beige"],
      dims=((620, 700), (620, 700), (1000, 1250)), ful=(50, 38, 12),
      packs=["seat:45 back:35 base:20", "seat:60 base:40"], pmulti=0.7, guarantee=10),
    T("stool", "chairs", "stool", ("m", "m"), N("stool", "Sgabello", "Hocker", "Taburete"),
      loc("A stool that serves as an extra seat, a bedside table or a step when you need one.",
          "Uno sgabello che fa da seduta in più, da comodino o da gradino quando serve.",
          "Ein Hocker, der als zusätzlicher Sitz, Nachttisch oder Tritt dient, wenn du ihn brauchst.",
          "Un taburete que sirve de asiento extra, de mesita de noche o de escalón cuando hace falta."),
      (9, 59), (1.5, 5), ["solid_pine", "solid_beech", "bamboo", "polypropylene"], WOODEN[:3] + KIDS[:4],
      dims=((300, 420), (300, 420), (430, 480)), ful=(92, 0, 8)),
    T("bench", "chairs", "bench", ("f", "m"), N("bench", "Panca", "Sitzbank", "Banco"),
      loc("A bench that seats two or three, at the dining table or in the hallway.",
          "Una panca da due o tre posti, per il tavolo da pranzo o per l'ingresso.",
          "Eine Sitzbank für zwei bis drei Personen, am Esstisch oder im Flur.",
          "Un banco para dos o tres personas, junto a la mesa de comedor o en el recibidor."),
      (39, 249), (8, 25), ["solid_oak", "solid_pine", "ash_veneer", "bamboo"], WOODEN,
      dims=((1000, 1600), (350, 400), (440, 470)), ful=(55, 35, 10),
      packs=["seat:70 legs:30"], pmulti=0.7, flat=True),
    T("folding_chair", "chairs", "folding_chair", ("f", "f"),
      N("folding chair", "Sedia pieghevole", "Klappstuhl", "Silla plegable"),
      loc("A folding chair that hangs on a hook on the wall when you do not need it.",
          "Una sedia pieghevole che si appende a un gancio alla parete quando non serve.",
          "Ein Klappstuhl, der an einem Wandhaken hängt, wenn du ihn nicht brauchst.",
          "Una silla plegable que se cuelga de un gancho en la pared cuando no la necesitas."),
      (14, 69), (2.5, 6), ["solid_beech", "powder_steel", "bamboo"], PAINTED + ["yellow", "red"],
      dims=((420, 460), (460, 520), (780, 820)), ful=(90, 0, 10)),
    # --- kitchen -------------------------------------------------------------
    T("base_cabinet", "kitchen", "base_cabinet", ("m", "m"),
      N("base cabinet", "Mobile base", "Unterschrank", "Armario bajo"),
      loc("A base cabinet with a drawer and a door, the building block of a practical kitchen.",
          "Un mobile base con cassetto e anta, l'elemento di partenza di una cucina pratica.",
          "Ein Unterschrank mit Schublade und Tür – der Grundbaustein einer praktischen Küche.",
          "Un armario bajo con cajón y puerta, la pieza básica de una cocina práctica."),
      (79, 349), (20, 45), ["melamine", "oak_veneer", "ash_veneer"], WOODEN + ["sage", "dark_blue"],
      dims=((400, 800), (600, 620), (800, 880)), ful=(50, 42, 8),
      packs=["frame:55 door:25 drawers:20", "frame:50 door:20 drawers:20 fittings:10", "frame:65 door:35"],
      pmulti=1.0, flat=True, guarantee=25, weight=1.5),
    T("wall_cabinet", "kitchen", "wall_cabinet", ("m", "m"),
      N("wall cabinet", "Pensile", "Hängeschrank", "Armario de pared"),
      loc("A wall cabinet that keeps glasses and spices close at hand above the worktop.",
          "Un pensile che tiene bicchieri e spezie a portata di mano sopra il piano di lavoro.",
          "Ein Hängeschrank, der Gläser und Gewürze griffbereit über der Arbeitsplatte hält.",
          "Un armario de pared que mantiene vasos y especias a mano sobre la encimera."),
      (49, 229), (10, 25), ["melamine", "oak_veneer", "ash_veneer"], WOODEN + ["sage", "dark_blue"],
      dims=((400, 800), (370, 400), (600, 1000)), ful=(58, 34, 8),
      packs=["frame:65 doors:35", "frame:55 doors:30 shelves:15"], pmulti=1.0, flat=True, guarantee=25),
    T("kitchen_island", "kitchen", "kitchen_island", ("f", "f"),
      N("kitchen island", "Isola cucina", "Kücheninsel", "Isla de cocina"),
      loc("A kitchen island with storage on both sides and a worktop overhang for breakfast on bar stools.",
          "Un'isola cucina con contenitori su entrambi i lati e un piano sporgente per la colazione sugli sgabelli.",
          "Eine Kücheninsel mit Stauraum auf beiden Seiten und überstehender Arbeitsplatte für das Frühstück auf Barhockern.",
          "Una isla de cocina con almacenaje por ambos lados y una encimera con voladizo para desayunar en taburetes."),
      (399, 1299), (80, 160), ["oak_veneer", "melamine", "solid_oak"], WOODEN + ["sage", "dark_blue"],
      dims=((1200, 2000), (800, 1000), (900, 920)), ful=(20, 50, 30),
      packs=["frame:40 worktop:30 doors:20 fittings:10"], pmulti=1.0, guarantee=25),
    T("worktop", "kitchen", "worktop", ("m", "f"),
      N("worktop", "Piano di lavoro", "Arbeitsplatte", "Encimera"),
      loc("A durable worktop that can be cut to size to fit your kitchen.",
          "Un piano di lavoro resistente che si può tagliare su misura per la tua cucina.",
          "Eine strapazierfähige Arbeitsplatte, die sich passend für deine Küche zuschneiden lässt.",
          "Una encimera resistente que se puede cortar a medida para tu cocina."),
      (59, 549), (18, 60), ["solid_oak", "acacia", "melamine", "marble"], ["natural", "white", "black",
                                                                           "light_grey"],
      sizes=[("186 cm", (1860, 635, 38), 1.0),
             ("246 cm", (2460, 635, 38), 1.3)], ful=(40, 50, 10), guarantee=25),
    T("kitchen_trolley", "kitchen", "trolley", ("m", "m"),
      N("kitchen trolley", "Carrello da cucina", "Küchenwagen", "Carrito de cocina"),
      loc("A kitchen trolley on castors that gives you extra worktop and storage wherever you are cooking.",
          "Un carrello da cucina su ruote che offre piano d'appoggio e spazio in più ovunque tu stia cucinando.",
          "Ein Küchenwagen auf Rollen, der dir zusätzliche Ablagefläche und Stauraum bietet, wo immer du kochst.",
          "Un carrito de cocina con ruedas que te da superficie y almacenaje extra allí donde cocines."),
      (29, 179), (5, 18), ["powder_steel", "solid_beech", "stainless", "bamboo"], METALS + ["natural"],
      dims=((450, 900), (300, 500), (770, 900)), ful=(75, 15, 10), flat=True),
    T("sink", "kitchen", "sink", ("m", "m"),
      N("inset sink", "Lavello da incasso", "Einbauspüle", "Fregadero encastrado"),
      loc("An inset sink with one large bowl that fits even the biggest oven trays.",
          "Un lavello da incasso con una vasca grande, in cui entrano anche le teglie più grandi.",
          "Eine Einbauspüle mit großem Becken, in das selbst die größten Backbleche passen.",
          "Un fregadero encastrado de un seno amplio donde caben hasta las bandejas de horno más grandes."),
      (69, 299), (5, 16), ["stainless", "ceramic"], ["steel", "white", "black"],
      dims=((560, 860), (480, 520), (170, 220)), ful=(55, 35, 10), guarantee=25),
    T("mixer_tap", "kitchen", "tap", ("m", "m"),
      N("kitchen mixer tap", "Miscelatore da cucina", "Küchenmischbatterie", "Grifo de cocina"),
      loc("A kitchen mixer tap with a high spout and a single lever that makes it easy to set the temperature.",
          "Un miscelatore da cucina con bocca alta e leva unica per regolare facilmente la temperatura.",
          "Eine Küchenmischbatterie mit hohem Auslauf und Einhebelbedienung für die einfache Temperaturwahl.",
          "Un grifo de cocina con caño alto y monomando para regular fácilmente la temperatura."),
      (39, 199), (1.2, 3), ["stainless"], ["steel", "black", "anthracite"],
      dims=((50, 60), (200, 240), (320, 420)), ful=(88, 2, 10), guarantee=10),
    # --- lighting ------------------------------------------------------------
    T("floor_lamp", "lighting", "floor_lamp", ("f", "f"),
      N("floor lamp", "Lampada da terra", "Standleuchte", "Lámpara de pie"),
      loc("A floor lamp that spreads a soft, even light, ideal next to the sofa or a reading chair.",
          "Una lampada da terra che diffonde una luce morbida e uniforme, ideale accanto al divano o alla poltrona.",
          "Eine Standleuchte, die weiches, gleichmäßiges Licht verbreitet – ideal neben dem Sofa oder dem Lesesessel.",
          "Una lámpara de pie que da una luz suave y uniforme, ideal junto al sofá o al sillón de lectura."),
      (24, 199), (2.5, 9), ["powder_steel", "rattan", "bamboo", "linen"], METALS + ["white", "natural"],
      dims=((300, 450), (300, 450), (1450, 1800)), ful=(75, 13, 12), bulb=True, care="lamp",
      packs=["stand:40 pole:35 shade:25"], pmulti=0.6, weight=1.3),
    T("table_lamp", "lighting", "table_lamp", ("f", "f"),
      N("table lamp", "Lampada da tavolo", "Tischleuchte", "Lámpara de mesa"),
      loc("A table lamp with a fabric shade that gives a warm, diffused light.",
          "Una lampada da tavolo con paralume in tessuto che diffonde una luce calda e soffusa.",
          "Eine Tischleuchte mit Stoffschirm, die warmes, gestreutes Licht gibt.",
          "Una lámpara de mesa con pantalla de tela que da una luz cálida y difusa."),
      (12, 129), (0.8, 3.5), ["ceramic", "glass", "powder_steel", "linen"], CERAMICS,
      dims=((200, 350), (200, 350), (300, 560)), ful=(88, 0, 12), bulb=True, care="lamp", weight=1.3),
    T("pendant_lamp", "lighting", "pendant", ("f", "f"),
      N("pendant lamp", "Lampada a sospensione", "Hängeleuchte", "Lámpara de techo"),
      loc("A pendant lamp that gives directed light over the dining table or kitchen island.",
          "Una lampada a sospensione che dà una luce diretta sul tavolo da pranzo o sull'isola cucina.",
          "Eine Hängeleuchte, die gerichtetes Licht über den Esstisch oder die Kücheninsel bringt.",
          "Una lámpara de techo que da luz dirigida sobre la mesa de comedor o la isla de cocina."),
      (14, 179), (0.5, 4), ["powder_steel", "rattan", "bamboo", "glass",
                            "aluminium"], METALS + ["natural", "white"],
      dims=((250, 550), (250, 550), (200, 450)), ful=(88, 0, 12), bulb=True, care="lamp", weight=1.3),
    T("wall_lamp", "lighting", "wall_lamp", ("f", "m"),
      N("wall lamp", "Applique", "Wandleuchte", "Aplique"),
      loc("A wall lamp with an adjustable arm, perfect as a reading light by the bed.",
          "Un'applique con braccio orientabile, perfetta come luce di lettura accanto al letto.",
          "Eine Wandleuchte mit verstellbarem Arm – perfekt als Leselicht am Bett.",
          "Un aplique con brazo orientable, perfecto como luz de lectura junto a la cama."),
      (14, 99), (0.5, 2), ["powder_steel", "aluminium", "solid_beech"], METALS,
      dims=((150, 250), (300, 500), (200, 300)), ful=(90, 0, 10), bulb=True, care="lamp"),
    T("led_bulb", "lighting", "bulb", ("f", "f"),
      N("LED bulb E27", "Lampadina LED E27", "LED-Leuchtmittel E27", "Bombilla LED E27"),
      loc("An LED bulb that uses about 85% less energy and lasts up to 25 times longer than an incandescent bulb.",
          "Una lampadina LED che consuma circa l'85% di energia in meno e dura fino a 25 volte più di una lampadina a incandescenza.",
          "Ein LED-Leuchtmittel, das etwa 85 % weniger Energie verbraucht und bis zu 25-mal länger hält als eine Glühbirne.",
          "Una bombilla LED que consume un 85 % menos de energía y dura hasta 25 veces más que una incandescente."),
      (1.5, 12), (0.04, 0.12), ["glass"], ["warm_white"],
      sizes=[("470 lm", (60, 60, 105), 0.7), ("806 lm", (60, 60, 110), 1.0), ("1055 lm", (65, 65, 120), 1.4)],
      ful=(95, 0, 5), care="none", hide_mat=True, weight=0.8),
    # --- textiles ------------------------------------------------------------
    T("cushion", "textiles", "cushion", ("m", "m"), N("cushion", "Cuscino", "Kissen", "Cojín"),
      loc("A soft cushion with a generous filling that makes sofas and armchairs even cosier.",
          "Un cuscino morbido con imbottitura generosa che rende divani e poltrone ancora più accoglienti.",
          "Ein weiches Kissen mit großzügiger Füllung, das Sofas und Sessel noch gemütlicher macht.",
          "Un cojín suave con un relleno generoso que hace los sofás y sillones aún más acogedores."),
      (4, 29), (0.3, 1.1), ["cotton", "linen", "velvet", "polyester"], FABRICS,
      sizes=[("40x40 cm", (400, 120, 400), 0.8), ("50x50 cm", (500, 140, 500), 1.0),
             ("40x65 cm", (650, 120, 400), 1.1)],
      ful=(92, 0, 8), care="textile", weight=1.3),
    T("cushion_cover", "textiles", "cushion_cover", ("f", "f"),
      N("cushion cover", "Fodera per cuscino", "Kissenbezug", "Funda de cojín"),
      loc("A cushion cover with a concealed zip, so it is easy to remove and wash.",
          "Una fodera per cuscino con cerniera nascosta, facile da togliere e lavare.",
          "Ein Kissenbezug mit verdecktem Reißverschluss, der sich leicht abnehmen und waschen lässt.",
          "Una funda de cojín con cremallera oculta, fácil de quitar y lavar."),
      (2, 14), (0.1, 0.3), ["cotton", "linen", "velvet", "polyester"], FABRICS,
      sizes=[("40x40 cm", (400, 10, 400), 0.8),
             ("50x50 cm", (500, 10, 500), 1.0)], ful=(92, 0, 8), care="textile"),
    T("throw", "textiles", "throw", ("m", "f"), N("throw", "Plaid", "Plaid", "Manta"),
      loc("A throw to wrap yourself in on the sofa, or to spread over the bed for an extra layer.",
          "Un plaid in cui avvolgersi sul divano o da stendere sul letto per un po' di calore in più.",
          "Ein Plaid zum Einkuscheln auf dem Sofa oder als zusätzliche Lage auf dem Bett.",
          "Una manta para arroparte en el sofá o para extender sobre la cama como capa extra."),
      (9, 59), (0.6, 1.8), ["wool", "cotton", "polyester"], FABRICS,
      sizes=[("130x170 cm", (1300, 5, 1700), 1.0)], ful=(92, 0, 8)),
    T("duvet_cover", "textiles", "bedding", ("mp", "fp"),
      N("duvet cover and pillowcase", "Copripiumino e federa", "Bettwäsche-Set",
        "Funda nórdica y funda de almohada"),
      loc("A duvet cover and pillowcase with press studs that keep the duvet in place.",
          "Un copripiumino e una federa con bottoni a pressione che tengono fermo il piumino.",
          "Ein Bettwäsche-Set mit Druckknöpfen, die die Bettdecke an ihrem Platz halten.",
          "Una funda nórdica y una funda de almohada con corchetes que mantienen el relleno en su sitio."),
      (14, 79), (0.6, 1.6), ["cotton", "linen"], FABRICS,
      sizes=[("150x200/50x80 cm", (1500, 5, 2000), 1.0), ("240x220/50x80 cm", (2400, 5, 2200), 1.4)],
      ful=(92, 0, 8), weight=1.3),
    T("duvet", "textiles", "duvet", ("m", "m"), N("duvet", "Piumino", "Bettdecke", "Edredón"),
      loc("A light and airy duvet that keeps you warm without making you too hot.",
          "Un piumino leggero e traspirante che tiene al caldo senza far sudare.",
          "Eine leichte, atmungsaktive Bettdecke, die wärmt, ohne dass dir zu warm wird.",
          "Un edredón ligero y transpirable que abriga sin dar demasiado calor."),
      (19, 149), (0.8, 2.4), ["polyester", "cotton"], ["white"],
      sizes=[("150x200 cm", (1500, 30, 2000), 1.0), ("200x200 cm", (2000, 30, 2000), 1.3),
             ("240x220 cm", (2400, 30, 2200), 1.5)], ful=(90, 0, 10), care="textile"),
    T("curtains", "textiles", "curtains", ("fp", "fp"), N("curtains", "Tende", "Gardinenschals", "Cortinas"),
      loc("Curtains that filter the light and give privacy while the room stays bright.",
          "Tende che filtrano la luce e proteggono la privacy lasciando la stanza luminosa.",
          "Gardinenschals, die das Licht filtern und vor Blicken schützen, während der Raum hell bleibt.",
          "Cortinas que filtran la luz y dan intimidad sin oscurecer la habitación."),
      (14, 89), (0.8, 2.5), ["linen", "cotton", "polyester", "velvet"], FABRICS,
      sizes=[("145x250 cm", (1450, 5, 2500), 1.0), ("145x300 cm", (1450, 5, 3000), 1.2)],
      suffix=loc(", 1 pair", ", 1 paio", ", 1 Paar", ", 1 par"), ful=(92, 0, 8), care="textile"),
    T("pillow", "textiles", "pillow", ("m", "f"), N("pillow", "Guanciale", "Kopfkissen", "Almohada"),
      loc("A pillow that supports your neck whether you sleep on your side or on your back.",
          "Un guanciale che sostiene il collo sia che tu dorma sul fianco sia sulla schiena.",
          "Ein Kopfkissen, das deinen Nacken stützt – ob du auf der Seite oder auf dem Rücken schläfst.",
          "Una almohada que sujeta el cuello tanto si duermes de lado como boca arriba."),
      (6, 49), (0.5, 1.4), ["memory_foam", "polyester", "cotton"], ["white"],
      sizes=[("50x60 cm", (500, 120, 600), 1.0), ("50x80 cm", (500, 120, 800), 1.2)], ful=(92, 0, 8),
      care="textile"),
    # --- rugs ----------------------------------------------------------------
    T("rug_low", "rugs", "rug", ("m", "f"), N("rug", "Tappeto", "Teppich", "Alfombra"),
      loc("A low-pile rug that is soft underfoot and easy to vacuum, even under tables and chairs.",
          "Un tappeto a pelo corto, morbido sotto i piedi e facile da pulire con l'aspirapolvere, anche sotto tavoli e sedie.",
          "Ein Kurzflorteppich, weich unter den Füßen und leicht zu saugen, auch unter Tischen und Stühlen.",
          "Una alfombra de pelo corto, suave al pisar y fácil de aspirar, incluso bajo mesas y sillas."),
      (29, 399), (2, 22), ["wool", "polyester"], FABRICS + ["anthracite"], sizes=RUG_SIZES,
      suffix=loc(", low pile", ", pelo corto", " Kurzflor", ", pelo corto"), ful=(45, 45, 10), weight=1.6),
    T("rug_flat", "rugs", "rug_flat", ("m", "f"), N("rug", "Tappeto", "Teppich", "Alfombra"),
      loc("A flatwoven rug that is reversible, so it lasts twice as long.",
          "Un tappeto a tessitura piatta reversibile, che dura il doppio.",
          "Ein flach gewebter Teppich, der sich wenden lässt und so doppelt so lange hält.",
          "Una alfombra de tejido plano reversible, que dura el doble."),
      (19, 299), (1.5, 15), ["cotton", "jute", "wool"], FABRICS, sizes=RUG_SIZES,
      suffix=loc(", flatwoven", ", tessitura piatta", " flach gewebt", ", tejido plano"), ful=(62, 28, 10),
      weight=1.5),
    T("runner", "rugs", "runner", ("f", "f"), N("runner", "Passatoia", "Läufer", "Alfombra de pasillo"),
      loc("A long runner for hallways and kitchens that softens footsteps.",
          "Una passatoia lunga per corridoi e cucine che attutisce il rumore dei passi.",
          "Ein langer Läufer für Flur und Küche, der Schritte dämpft.",
          "Una alfombra de pasillo larga para recibidores y cocinas que amortigua los pasos."),
      (14, 99), (1, 5), ["cotton", "jute", "wool", "polyester"], FABRICS,
      sizes=[("70x200 cm", (700, 2000, None), 1.0), ("80x250 cm", (800, 2500, None), 1.25)], ful=(90, 0, 10)),
    T("door_mat", "rugs", "door_mat", ("m", "m"), N("door mat", "Zerbino", "Fußmatte", "Felpudo"),
      loc("A hard-wearing door mat that catches dirt and moisture before they reach your floors.",
          "Uno zerbino resistente che trattiene sporco e umidità prima che arrivino sui pavimenti.",
          "Eine strapazierfähige Fußmatte, die Schmutz und Nässe auffängt, bevor sie auf den Boden gelangen.",
          "Un felpudo resistente que retiene la suciedad y la humedad antes de que lleguen al suelo."),
      (5, 34), (0.8, 3), ["jute", "polyester", "polypropylene"], ["natural", "anthracite", "grey", "black",
                                                                  "dark_green"],
      sizes=[("40x60 cm", (400, 600, 15), 0.8), ("50x80 cm", (500, 800, 15), 1.0)], ful=(94, 0, 6)),
    # --- bathroom ------------------------------------------------------------
    T("wash_stand", "bathroom", "wash_stand", ("m", "m"),
      N("wash-stand", "Mobile lavabo", "Waschbeckenschrank", "Mueble de lavabo"),
      loc("A wash-stand with a ceramic basin and drawers that keep towels and toiletries out of sight.",
          "Un mobile lavabo con lavabo in ceramica e cassetti che nascondono asciugamani e prodotti per il bagno.",
          "Ein Waschbeckenschrank mit Keramikbecken und Schubladen, in denen Handtücher und Pflegeprodukte verschwinden.",
          "Un mueble de lavabo con lavabo de cerámica y cajones que ocultan toallas y artículos de aseo."),
      (149, 599), (30, 60), ["melamine", "oak_veneer", "ash_veneer"], WOODEN + ["sage", "anthracite"],
      dims=((600, 1200), (450, 490), (580, 640)), ful=(45, 45, 10),
      packs=["frame:45 basin:35 drawers:20",
             "frame:40 basin:30 drawers:20 fittings:10"], pmulti=1.0, flat=True,
      guarantee=10),
    T("mirror_cabinet", "bathroom", "mirror_cabinet", ("m", "m"),
      N("mirror cabinet", "Pensile con specchio", "Spiegelschrank", "Armario con espejo"),
      loc("A mirror cabinet with built-in lighting and shelves for everyday bathroom essentials.",
          "Un pensile con specchio, illuminazione integrata e ripiani per l'essenziale di ogni giorno.",
          "Ein Spiegelschrank mit integrierter Beleuchtung und Fächern für alles, was du täglich im Bad brauchst.",
          "Un armario con espejo, iluminación integrada y estantes para lo imprescindible del baño."),
      (79, 349), (12, 30), ["melamine", "oak_veneer", "aluminium"], ["white", "anthracite", "natural"],
      dims=((600, 1000), (140, 160), (640, 760)), ful=(65, 25, 10),
      packs=["frame:55 mirror:45", "frame:50 mirror:35 fittings:15"], pmulti=1.0, flat=True),
    T("bath_towel", "bathroom", "towels", ("m", "f"),
      N("bath towel", "Telo bagno", "Badetuch", "Toalla de baño"),
      loc("A thick, absorbent bath towel that dries quickly between uses.",
          "Un telo bagno spesso e assorbente che si asciuga in fretta tra un utilizzo e l'altro.",
          "Ein dickes, saugfähiges Badetuch, das zwischen den Anwendungen schnell trocknet.",
          "Una toalla de baño gruesa y absorbente que se seca rápido entre usos."),
      (4, 29), (0.4, 1), ["cotton", "linen"], FABRICS,
      sizes=[("70x140 cm", (700, 5, 1400), 1.0), ("100x150 cm", (1000, 5, 1500), 1.4)], ful=(94, 0, 6),
      care="textile", weight=1.3),
    T("shower_curtain", "bathroom", "shower_curtain", ("f", "f"),
      N("shower curtain", "Tenda per doccia", "Duschvorhang", "Cortina de ducha"),
      loc("A water-repellent shower curtain with a weighted hem, so it stays in place.",
          "Una tenda per doccia idrorepellente con orlo zavorrato, che resta sempre al suo posto.",
          "Ein wasserabweisender Duschvorhang mit beschwertem Saum, der an seinem Platz bleibt.",
          "Una cortina de ducha impermeable con bajo lastrado que se queda en su sitio."),
      (5, 24), (0.3, 0.8), ["polyester"], FABRICS, sizes=[("180x200 cm", (1800, 5, 2000), 1.0)],
      ful=(94, 0, 6), care="textile"),
    T("bath_mat", "bathroom", "bath_mat", ("m", "f"),
      N("bath mat", "Tappeto da bagno", "Badematte", "Alfombrilla de baño"),
      loc("A soft bath mat with an anti-slip backing for a safe step out of the shower.",
          "Un tappeto da bagno morbido con fondo antiscivolo, per uscire dalla doccia in sicurezza.",
          "Eine weiche Badematte mit rutschfester Rückseite für einen sicheren Schritt aus der Dusche.",
          "Una alfombrilla de baño suave con base antideslizante para salir de la ducha con seguridad."),
      (4, 24), (0.3, 1.2), ["cotton", "polyester"], FABRICS,
      sizes=[("50x80 cm", (500, 800, 15), 1.0), ("60x90 cm", (600, 900, 15), 1.2)], ful=(94, 0, 6),
      care="textile"),
    # --- cookware & tableware ------------------------------------------------
    T("frying_pan", "cookware", "pan", ("f", "f"), N("frying pan", "Padella", "Bratpfanne", "Sartén"),
      loc("A frying pan with a thick base that spreads the heat evenly, for perfect omelettes and crispy vegetables.",
          "Una padella con fondo spesso che distribuisce il calore in modo uniforme, per frittate perfette e verdure croccanti.",
          "Eine Bratpfanne mit dickem Boden, der die Hitze gleichmäßig verteilt – für perfekte Omeletts und knuspriges Gemüse.",
          "Una sartén de fondo grueso que reparte el calor de manera uniforme, para tortillas perfectas y verduras crujientes."),
      (9, 79), (0.7, 2.8), ["nonstick", "carbon_steel", "cast_iron", "stainless"], ["black", "anthracite",
                                                                                    "steel"],
      sizes=[("24 cm", (240, 440, 50), 0.8), ("28 cm", (280, 500, 55), 1.0), ("32 cm", (320, 560, 60), 1.25)],
      ful=(94, 0, 6), hide_mat=False, weight=1.4),
    T("saucepan", "cookware", "saucepan", ("f", "m"),
      N("saucepan with lid", "Casseruola con coperchio", "Stieltopf mit Deckel", "Cazo con tapa"),
      loc("A saucepan with lid and pouring lip for sauces, porridge and boiled eggs.",
          "Una casseruola con coperchio e beccuccio per salse, porridge e uova sode.",
          "Ein Stieltopf mit Deckel und Ausgießrand für Soßen, Porridge und gekochte Eier.",
          "Un cazo con tapa y pico vertedor para salsas, gachas y huevos cocidos."),
      (9, 59), (0.8, 2), ["stainless", "cast_iron"], ["steel", "dark_blue", "red", "black"],
      sizes=[("2 l", (170, 330, 150), 1.0), ("3 l", (200, 370, 160), 1.2)], ful=(94, 0, 6), care="cookware"),
    T("pot", "cookware", "pot", ("f", "f"),
      N("pot with lid", "Pentola con coperchio", "Kochtopf mit Deckel", "Olla con tapa"),
      loc("A pot with lid for pasta, soups and stews, with a measuring scale on the inside.",
          "Una pentola con coperchio per pasta, zuppe e stufati, con scala graduata all'interno.",
          "Ein Kochtopf mit Deckel für Pasta, Suppen und Eintöpfe, mit Messskala auf der Innenseite.",
          "Una olla con tapa para pasta, sopas y guisos, con escala de medida en el interior."),
      (14, 119), (1.2, 6), ["stainless", "cast_iron"], ["steel", "red", "dark_blue", "sage", "black"],
      sizes=[("3 l", (220, 290, 140), 0.8), ("5 l", (240, 320, 170), 1.0), ("7 l", (260, 350, 200), 1.3)],
      ful=(94, 0, 6), care="cookware", weight=1.3),
    T("mug", "cookware", "mug", ("f", "f"), N("mug", "Tazza", "Becher", "Taza"),
      loc("A mug with a comfortable handle, sized for a generous morning coffee.",
          "Una tazza con un manico comodo, della misura giusta per un caffè lungo al mattino.",
          "Ein Becher mit griffigem Henkel, gerade richtig für einen großen Morgenkaffee.",
          "Una taza con un asa cómoda, del tamaño perfecto para un buen café por la mañana."),
      (1.5, 7), (0.25, 0.45), ["stoneware", "porcelain", "ceramic"], CERAMICS,
      sizes=[("30 cl", (120, 85, 95), 0.9), ("40 cl", (130, 95, 105), 1.0)], ful=(96, 0, 4), weight=1.4),
    T("plate", "cookware", "plate", ("m", "m"), N("plate", "Piatto", "Teller", "Plato"),
      loc("A plate with a wide rim that makes every dish look inviting.",
          "Un piatto dal bordo largo che rende invitante ogni portata.",
          "Ein Teller mit breitem Rand, auf dem jedes Gericht einladend aussieht.",
          "Un plato de borde ancho que hace que cualquier comida resulte apetecible."),
      (1.5, 9), (0.3, 0.8), ["stoneware", "porcelain", "ceramic"], CERAMICS,
      sizes=[("21 cm", (210, 210, 22), 0.8), ("27 cm", (270, 270, 25), 1.0)], ful=(96, 0, 4)),
    T("bowl", "cookware", "bowl", ("f", "m"), N("bowl", "Ciotola", "Schale", "Cuenco"),
      loc("A bowl for cereal, salad or soup, stackable to save space in the cupboard.",
          "Una ciotola per cereali, insalata o zuppa, impilabile per risparmiare spazio nella credenza.",
          "Eine Schale für Müsli, Salat oder Suppe, stapelbar, um Platz im Schrank zu sparen.",
          "Un cuenco para cereales, ensalada o sopa, apilable para ahorrar espacio en el armario."),
      (1.5, 12), (0.2, 0.9), ["stoneware", "porcelain", "bamboo", "glass"], CERAMICS,
      sizes=[("15 cm", (150, 150, 70), 0.8), ("20 cm", (200, 200, 85), 1.0)], ful=(96, 0, 4)),
    T("glass", "cookware", "glass", ("m", "m"), N("glass", "Bicchiere", "Glas", "Vaso"),
      loc("A sturdy everyday glass for water, juice or wine.",
          "Un bicchiere robusto per tutti i giorni, per acqua, succo o vino.",
          "Ein robustes Alltagsglas für Wasser, Saft oder Wein.",
          "Un vaso resistente para el día a día, para agua, zumo o vino."),
      (1.5, 6), (0.15, 0.35), ["glass"], ["clear", "clear", "light_blue", "sage", "pink"],
      sizes=[("25 cl", (75, 75, 95), 0.8), ("35 cl", (85, 85, 115), 1.0)], ful=(96, 0, 4), hide_mat=True),
    T("chefs_knife", "cookware", "knife", ("m", "m"),
      N("chef's knife", "Coltello da cuoco", "Kochmesser", "Cuchillo de cocinero"),
      loc("A chef's knife with a sharp, well-balanced blade for chopping, slicing and dicing.",
          "Un coltello da cuoco con lama affilata e ben bilanciata per tritare, affettare e tagliare a cubetti.",
          "Ein Kochmesser mit scharfer, gut ausbalancierter Klinge zum Hacken, Schneiden und Würfeln.",
          "Un cuchillo de cocinero con hoja afilada y bien equilibrada para picar, cortar en láminas y en dados."),
      (9, 69), (0.15, 0.3), ["stainless", "carbon_steel"], ["black", "natural", "dark_green"],
      sizes=[("20 cm", (330, 25, 45), 1.0)], ful=(90, 4, 6), care="knife"),
    T("chopping_board", "cookware", "board", ("m", "f"),
      N("chopping board", "Tagliere", "Schneidebrett", "Tabla de cortar"),
      loc("A chopping board that is kind to knife edges and doubles as a serving board.",
          "Un tagliere che rispetta il filo dei coltelli e si usa anche per servire in tavola.",
          "Ein Schneidebrett, das Messerklingen schont und auch als Servierbrett dient.",
          "Una tabla de cortar que cuida el filo de los cuchillos y sirve también para presentar en la mesa."),
      (3, 29), (0.3, 1.8), ["bamboo", "acacia", "solid_beech", "polypropylene"], ["natural"],
      dims=((300, 500), (200, 350), (15, 30)), ful=(96, 0, 4)),
    T("storage_jar", "cookware", "jar", ("m", "m"),
      N("storage jar with lid", "Barattolo con coperchio", "Vorratsglas mit Deckel", "Tarro con tapa"),
      loc("A storage jar with an airtight lid that keeps pasta, coffee and flour fresh.",
          "Un barattolo con coperchio ermetico che mantiene freschi pasta, caffè e farina.",
          "Ein Vorratsglas mit luftdichtem Deckel, das Nudeln, Kaffee und Mehl frisch hält.",
          "Un tarro con tapa hermética que mantiene frescos la pasta, el café y la harina."),
      (2, 12), (0.3, 1.1), ["glass"], ["natural", "white", "black", "sage"],
      sizes=[("1 l", (110, 110, 160), 0.8), ("2 l", (130, 130, 220), 1.0)], ful=(96, 0, 4), hide_mat=True),
    T("teapot", "cookware", "teapot", ("f", "f"), N("teapot", "Teiera", "Teekanne", "Tetera"),
      loc("A teapot with a built-in strainer for loose-leaf tea.",
          "Una teiera con filtro integrato per il tè in foglie.",
          "Eine Teekanne mit integriertem Sieb für losen Tee.",
          "Una tetera con filtro integrado para té a granel."),
      (9, 39), (0.6, 1.4), ["stoneware", "porcelain", "cast_iron"], CERAMICS,
      sizes=[("1 l", (220, 150, 150), 1.0)], ful=(94, 0, 6)),
    # --- decoration ----------------------------------------------------------
    T("frame", "decoration", "frame", ("f", "m"), N("frame", "Cornice", "Bilderrahmen", "Marco"),
      loc("A picture frame with a mat that gives photos and prints a gallery feel.",
          "Una cornice con passe-partout che dà a foto e stampe un tocco da galleria.",
          "Ein Bilderrahmen mit Passepartout, der Fotos und Drucken Galerie-Flair verleiht.",
          "Un marco con paspartú que da a fotos y láminas un aire de galería."),
      (2, 29), (0.2, 2.2), ["solid_pine", "oak_veneer", "aluminium", "bamboo"], ["white", "black", "natural",
                                                                                 "black_brown"],
      sizes=[("13x18 cm", (150, 20, 200), 0.5), ("21x30 cm", (230, 20, 320), 0.8),
             ("30x40 cm", (320, 25, 420), 1.0),
             ("50x70 cm", (520, 30, 720), 1.6)], ful=(95, 0, 5), care="deco", weight=1.4),
    T("mirror", "decoration", "mirror", ("m", "m"), N("mirror", "Specchio", "Spiegel", "Espejo"),
      loc("A mirror that reflects the light and makes any room feel larger.",
          "Uno specchio che riflette la luce e fa sembrare ogni stanza più grande.",
          "Ein Spiegel, der das Licht reflektiert und jeden Raum größer wirken lässt.",
          "Un espejo que refleja la luz y hace que cualquier habitación parezca más grande."),
      (9, 199), (1.5, 18), ["powder_steel", "oak_veneer", "rattan", "aluminium"], ["black", "white",
                                                                                   "natural", "ochre"],
      dims=((400, 800), (20, 40), (500, 1600)), ful=(65, 25, 10), care="deco"),
    T("vase", "decoration", "vase", ("m", "m"), N("vase", "Vaso", "Vase", "Jarrón"),
      loc("A vase that looks just as good with a single branch as with a big bunch of flowers.",
          "Un vaso che sta bene con un solo ramo come con un grande mazzo di fiori.",
          "Eine Vase, die mit einem einzelnen Zweig genauso schön aussieht wie mit einem großen Blumenstrauß.",
          "Un jarrón que luce igual de bien con una sola rama que con un gran ramo de flores."),
      (3, 39), (0.3, 2), ["glass", "stoneware", "ceramic"], CERAMICS + ["clear"],
      sizes=[("20 cm", (120, 120, 200), 0.8), ("30 cm", (160, 160, 300), 1.2)], ful=(95, 0, 5), care="deco"),
    T("plant_pot", "decoration", "plant_pot", ("m", "m"), N("plant pot", "Portavaso", "Übertopf", "Macetero"),
      loc("A plant pot that turns an ordinary nursery pot into a decorative feature.",
          "Un portavaso che trasforma un semplice vaso da vivaio in un elemento decorativo.",
          "Ein Übertopf, der einen einfachen Gärtnertopf in einen Blickfang verwandelt.",
          "Un macetero que convierte una maceta de vivero corriente en un elemento decorativo."),
      (2, 39), (0.3, 4), ["ceramic", "stoneware", "rattan", "powder_steel"], CERAMICS,
      sizes=[("12 cm", (140, 140, 120), 0.5), ("15 cm", (170, 170, 150), 0.7),
             ("19 cm", (210, 210, 190), 1.0),
             ("24 cm", (270, 270, 240), 1.5)], ful=(95, 0, 5), care="deco", weight=1.5),
    T("candle_holder", "decoration", "candle", ("m", "m"),
      N("candle holder", "Portacandela", "Kerzenhalter", "Portavelas"),
      loc("A candle holder that creates a cosy atmosphere on the table or the windowsill.",
          "Un portacandela che crea un'atmosfera accogliente sulla tavola o sul davanzale.",
          "Ein Kerzenhalter, der auf dem Tisch oder der Fensterbank für gemütliche Stimmung sorgt.",
          "Un portavelas que crea un ambiente acogedor en la mesa o en el alféizar."),
      (2, 24), (0.2, 1), ["glass", "powder_steel", "ceramic"], ["clear", "black", "white", "ochre", "sage"],
      dims=((70, 150), (70, 150), (60, 250)), ful=(96, 0, 4), care="deco"),
    T("artificial_plant", "decoration", "plant", ("f", "f"),
      N("artificial potted plant", "Pianta artificiale", "Kunstpflanze", "Planta artificial"),
      loc("An artificial plant that looks real and stays green all year without any watering.",
          "Una pianta artificiale dall'aspetto naturale che resta verde tutto l'anno senza bisogno di acqua.",
          "Eine Kunstpflanze, die echt aussieht und das ganze Jahr ohne Gießen grün bleibt.",
          "Una planta artificial de aspecto natural que se mantiene verde todo el año sin necesidad de riego."),
      (4, 59), (0.3, 3), ["polypropylene"], ["green", "dark_green"],
      sizes=[("12 cm", (140, 140, 300), 0.4), ("19 cm", (300, 300, 900), 1.0)], ful=(92, 0, 8), care="deco",
      hide_mat=True),
    T("wall_clock", "decoration", "clock", ("m", "m"),
      N("wall clock", "Orologio da parete", "Wanduhr", "Reloj de pared"),
      loc("A wall clock with a silent movement, so no ticking keeps you awake.",
          "Un orologio da parete con meccanismo silenzioso, senza ticchettio che disturba.",
          "Eine Wanduhr mit lautlosem Uhrwerk – kein Ticken, das dich wach hält.",
          "Un reloj de pared con mecanismo silencioso, sin tictac que te quite el sueño."),
      (6, 49), (0.4, 1.5), ["aluminium", "bamboo", "polypropylene"], ["white", "black", "natural", "sage",
                                                                      "ochre"],
      sizes=[("Ø 28 cm", (280, 45, 280), 0.8),
             ("Ø 40 cm", (400, 45, 400), 1.2)], ful=(95, 0, 5), care="deco"),
    # --- children's room -----------------------------------------------------
    T("cot", "children", "cot", ("m", "f"), N("cot", "Lettino", "Babybett", "Cuna"),
      loc("A cot with a base that can be set at two heights and bars that can be removed as your child grows.",
          "Un lettino con fondo regolabile su due altezze e sbarre rimovibili quando il bambino cresce.",
          "Ein Babybett mit zwei Lattenrosthöhen und herausnehmbaren Sprossen, wenn dein Kind größer wird.",
          "Una cuna con somier regulable a dos alturas y barrotes extraíbles para cuando el bebé crezca."),
      (79, 249), (14, 30), ["solid_pine", "solid_beech", "birch_veneer"], ["white", "natural", "light_grey"],
      sizes=[("60x120 cm", (660, 1240, 860), 1.0), ("70x140 cm", (760, 1440, 860), 1.2)], ful=(50, 40, 10),
      packs=["frame:60 slats:25 fittings:15", "frame:70 slats:30"], pmulti=0.8, flat=True),
    T("kids_set", "children", "kids_set", ("m", "m"),
      N("children's furniture set", "Set di mobili per bambini", "Kindermöbel-Set",
        "Conjunto de muebles infantiles"),
      loc("A children's table with two chairs, the perfect size for drawing, crafts and tea parties.",
          "Un tavolino con due sedie per bambini, della misura perfetta per disegnare, fare lavoretti e giocare alla merenda.",
          "Ein Kindertisch mit zwei Stühlen in perfekter Größe zum Malen, Basteln und für Teepartys.",
          "Una mesa infantil con dos sillas, del tamaño perfecto para dibujar, hacer manualidades y merendar."),
      (39, 149), (8, 18), ["solid_pine", "solid_beech", "polypropylene"], KIDS,
      dims=((600, 800), (500, 600), (480, 520)), ful=(60, 30, 10),
      packs=["table:55 chairs:45"], pmulti=0.9, flat=True),
    T("toy_storage", "children", "toy_storage", ("m", "m"),
      N("toy storage", "Contenitore per giocattoli", "Spielzeugregal", "Mueble para juguetes"),
      loc("Toy storage with easy-to-reach boxes, so children can tidy up by themselves.",
          "Un contenitore per giocattoli con scatole facili da raggiungere, così i bambini possono riordinare da soli.",
          "Ein Spielzeugregal mit gut erreichbaren Boxen, damit Kinder selbst aufräumen können.",
          "Un mueble para juguetes con cajas al alcance de los niños, para que puedan recoger solos."),
      (39, 199), (10, 30), ["solid_pine", "birch_veneer", "melamine"], ["white", "natural"],
      dims=((800, 1100), (300, 450), (600, 950)), ful=(60, 30, 10),
      packs=["frame:65 boxes:35", "frame:55 boxes:30 fittings:15"], pmulti=0.9, flat=True, tall=True),
    T("soft_toy", "children", "teddy", ("m", "m"), N("soft toy", "Peluche", "Stofftier", "Peluche"),
      loc("A cuddly soft toy that is ready for adventures, bedtime stories and long naps.",
          "Un peluche morbidissimo, pronto per avventure, favole della buonanotte e lunghi pisolini.",
          "Ein kuscheliges Stofftier, bereit für Abenteuer, Gutenachtgeschichten und lange Nickerchen.",
          "Un peluche achuchable, listo para aventuras, cuentos antes de dormir y largas siestas."),
      (4, 29), (0.1, 0.6), ["polyester", "cotton"], ["brown", "beige", "light_grey", "pink", "light_blue",
                                                     "yellow"],
      dims=((150, 350), (120, 250), (200, 450)), ful=(95, 0, 5), care="textile", weight=1.3),
    T("children_bed", "children", "children_bed", ("m", "f"),
      N("children's bed", "Letto per bambini", "Kinderbett", "Cama infantil"),
      loc("A children's bed with a safety rail, so little ones can sleep safely in a big bed.",
          "Un letto per bambini con sponda di sicurezza, per dormire tranquilli in un letto da grandi.",
          "Ein Kinderbett mit Rausfallschutz, damit die Kleinen sicher in einem großen Bett schlafen.",
          "Una cama infantil con barrera de seguridad para que los pequeños duerman tranquilos en una cama de mayores."),
      (99, 349), (20, 45), ["solid_pine", "birch_veneer", "solid_beech"], ["white", "natural", "light_blue",
                                                                           "pink"],
      sizes=[("70x160 cm", (780, 1680, 700), 1.0), ("90x200 cm", (980, 2080, 780), 1.3)], ful=(50, 40, 10),
      packs=["headboard:30 rails:35 guard:15 slats:20", "frame:65 guard:15 slats:20"], pmulti=1.0, flat=True),
    T("high_chair", "children", "high_chair", ("m", "f"), N("high chair", "Seggiolone", "Hochstuhl", "Trona"),
      loc("A high chair with a removable tray and a safety belt, easy to wipe clean after every meal.",
          "Un seggiolone con vassoio removibile e cintura di sicurezza, facile da pulire dopo ogni pasto.",
          "Ein Hochstuhl mit abnehmbarem Tablett und Sicherheitsgurt, nach jeder Mahlzeit leicht abzuwischen.",
          "Una trona con bandeja extraíble y cinturón de seguridad, fácil de limpiar después de cada comida."),
      (19, 149), (3, 9), ["polypropylene", "solid_beech"], ["white", "natural", "light_grey", "sage"],
      dims=((550, 620), (600, 700), (900, 1000)), ful=(75, 15, 10),
      packs=["seat:60 legs:25 tray:15", "frame:75 tray:25"], pmulti=0.8),
    # --- garden & balcony ----------------------------------------------------
    T("garden_set", "outdoor", "garden_set", ("m", "m"),
      N("garden furniture set", "Set da giardino", "Gartenmöbel-Set", "Conjunto de jardín"),
      loc("A garden furniture set with a table and four chairs for relaxed meals outdoors.",
          "Un set da giardino con tavolo e quattro sedie per pranzi all'aperto in tutta tranquillità.",
          "Ein Gartenmöbel-Set mit Tisch und vier Stühlen für entspannte Mahlzeiten im Freien.",
          "Un conjunto de jardín con mesa y cuatro sillas para comer al aire libre con calma."),
      (249, 999), (35, 85), ["acacia", "aluminium", "powder_steel"], GARDEN,
      dims=((1400, 2000), (800, 1000), (740, 760)), ful=(30, 40, 30),
      packs=["table:45 chairs:55", "table:35 chairs:50 cushion_pads:15"], pmulti=1.0, care="oiled"),
    T("balcony_set", "outdoor", "balcony_set", ("mp", "fp"),
      N("balcony table and 2 chairs", "Tavolo e 2 sedie da balcone", "Balkonmöbel-Set",
        "Mesa y 2 sillas de balcón"),
      loc("A small table and two folding chairs that turn even the tiniest balcony into an outdoor room.",
          "Un tavolino e due sedie pieghevoli che trasformano anche il balcone più piccolo in un salotto all'aperto.",
          "Ein kleiner Tisch und zwei Klappstühle, die selbst den kleinsten Balkon in ein Wohnzimmer im Freien verwandeln.",
          "Una mesa pequeña y dos sillas plegables que convierten hasta el balcón más pequeño en un salón al aire libre."),
      (69, 299), (10, 25), ["acacia", "powder_steel"], GARDEN + ["yellow", "terracotta"],
      dims=((600, 700), (600, 700), (710, 740)), ful=(80, 5, 15),
      packs=["table:40 chairs:60"], pmulti=0.9, flat=True),
    T("garden_chair", "outdoor", "garden_chair", ("f", "f"),
      N("outdoor chair", "Sedia da esterno", "Gartenstuhl", "Silla de exterior"),
      loc("An outdoor chair with armrests that is comfortable for long lunches in the garden.",
          "Una sedia da esterno con braccioli, comoda per lunghi pranzi in giardino.",
          "Ein Gartenstuhl mit Armlehnen, bequem für lange Mittagessen im Garten.",
          "Una silla de exterior con reposabrazos, cómoda para largas comidas en el jardín."),
      (29, 149), (4, 9), ["acacia", "aluminium", "powder_steel"], GARDEN,
      dims=((540, 620), (560, 640), (820, 900)), ful=(88, 2, 10), flat=True),
    T("parasol", "outdoor", "parasol", ("m", "f"), N("parasol", "Ombrellone", "Sonnenschirm", "Sombrilla"),
      loc("A parasol with a tilting canopy that gives shade exactly where you want it.",
          "Un ombrellone con telo inclinabile che fa ombra proprio dove vuoi.",
          "Ein Sonnenschirm mit neigbarer Bespannung, der genau dort Schatten spendet, wo du ihn willst.",
          "Una sombrilla con lona inclinable que da sombra justo donde la quieres."),
      (29, 249), (4, 16), ["polyester", "aluminium"], ["beige", "anthracite", "white", "dark_green",
                                                       "terracotta"],
      sizes=[("Ø 200 cm", (2000, 2000, 2300), 0.7), ("Ø 300 cm", (3000, 3000, 2500), 1.2)], ful=(82, 3, 15),
      packs=["canopy:40 pole:35 stand:25"], pmulti=0.9, care="textile"),
    T("sun_lounger", "outdoor", "lounger", ("m", "f"),
      N("sun lounger", "Lettino prendisole", "Sonnenliege", "Tumbona"),
      loc("A sun lounger with an adjustable backrest and wheels, so you can follow the sun.",
          "Un lettino prendisole con schienale regolabile e ruote, per seguire il sole.",
          "Eine Sonnenliege mit verstellbarer Rückenlehne und Rädern, damit du der Sonne folgen kannst.",
          "Una tumbona con respaldo regulable y ruedas para seguir al sol."),
      (59, 349), (9, 25), ["acacia", "aluminium"], GARDEN,
      dims=((600, 700), (1900, 2050), (300, 900)), ful=(55, 30, 15),
      packs=["frame:75 cushion_pads:25"], pmulti=0.8),
    T("outdoor_table", "outdoor", "outdoor_table", ("m", "f"),
      N("outdoor table", "Tavolo da esterno", "Gartentisch", "Mesa de exterior"),
      loc("An outdoor table with a slatted top that lets rainwater run off quickly.",
          "Un tavolo da esterno con piano a listelli che lascia defluire rapidamente l'acqua piovana.",
          "Ein Gartentisch mit Lattenplatte, von der Regenwasser schnell abläuft.",
          "Una mesa de exterior con tablero de listones por el que el agua de lluvia se escurre rápidamente."),
      (49, 449), (10, 40), ["acacia", "aluminium", "powder_steel"], GARDEN,
      dims=((700, 2000), (700, 900), (720, 750)), ful=(55, 35, 10),
      packs=["tabletop:60 legs:40", "tabletop:55 underframe:30 fittings:15"], pmulti=0.8, flat=True),
    T("planter", "outdoor", "planter", ("f", "f"), N("planter", "Fioriera", "Pflanzkübel", "Jardinera"),
      loc("A planter for herbs and flowers on the balcony, with drainage holes in the bottom.",
          "Una fioriera per erbe aromatiche e fiori sul balcone, con fori di drenaggio sul fondo.",
          "Ein Pflanzkübel für Kräuter und Blumen auf dem Balkon, mit Abflusslöchern im Boden.",
          "Una jardinera para hierbas aromáticas y flores en el balcón, con agujeros de drenaje en la base."),
      (9, 99), (1.5, 12), ["acacia", "powder_steel", "polypropylene"], GARDEN,
      dims=((500, 1000), (200, 400), (200, 450)), ful=(90, 0, 10)),
]
TYPE_BY_KEY = {t["key"]: t for t in TYPES}

# ---------------------------------------------------------------------------
# Product-line names (all invented).
# ---------------------------------------------------------------------------

LINES_NORDIC_ACCENTED = [
    "MÖLLA", "SÄRNA", "BJÖRKA", "FJÄLLA", "STRÖMSA", "KÄLLBY", "GRÄNNA", "LÖVSTA", "HÖGBY", "ÄNGSTA",
    "RÖDALEN", "NÄSVIK", "SÖLBY", "TRÄSKA", "MÄLARÖ", "GRÜNA", "LÜTTA", "KÜSTRA", "MÜHLBY", "BRÜGGA",
    "HÄLLSJÖ", "ÖRNA", "LÅNGVIK", "MÅRBO", "VÅGA",
]
LINES_LATIN_ACCENTED = [
    "CUSCÌNO", "SOLÈRA", "FIORÌ", "BORGÒ", "VALDÒ", "PERLÈ", "TOSCÀ", "LUCÈNA", "CAÑELLA", "PIÑOLA",
    "ESPIÑA", "LUÑARA", "MARIÑA", "RAMÒ", "CORTÈ", "NOTTÙ", "ROSÉA", "CAFÉLA", "BRÉVA", "SÉRRA", "GIRÒ",
]
LINES_NORDIC = [
    "LUNDA", "TORVIK", "HALSTA", "VIDGA", "ESKOLA", "ORMSTA", "RUNDVIK", "TALLBO", "EKBACKA", "DALSTRA",
    "HAVSLA", "KORNA", "LINDRA", "MYRBO", "NORRVIK", "PILTA", "SANDHOLM", "STUGVIK", "TYRA", "ULVSTA",
    "YLVA", "BRANDA", "FLODA", "SKOGLA", "GRANBY", "HEDDA", "INGSTA", "JONSTA", "KARLA", "LIDVIK",
    "MOSSTA", "NYBODA", "RISTA", "SILJA", "UDDEVA", "VINGA", "ALBY", "BERGA", "DROTTA", "ELVA",
    "FREJA", "GULLA", "HAMRA", "JARVA", "KLINTA", "LYSTRA", "MOLVA", "NORDA", "ODLA",
]
LINES_LATIN = [
    "BRISA", "SERENA", "LAGORA", "MONTESA", "PIANA", "VELLA", "CORSO", "ALBINA", "FIORETTA", "CAMPELLO",
    "GIARDA", "OLIVA", "PALMERA", "SABINA", "TREVA", "ARCO", "MARELLA", "COSTA", "RIVA", "SALINA",
    "DORATA", "VENTO", "NEBBIA", "BOSCO", "CALMA", "SIESTA", "ALAMEDA", "MIRADOR", "SOLANA", "LUCERO",
    "CIELO", "AMBRA", "BRUMA", "CORALLO", "DUNA", "FARO", "LAVANDA", "MAREA", "NIDO", "ONDA",
    "PERLA", "ROCCA", "SELVA", "TERRAZZA", "VIOLA", "ZEFIRO",
]
ALL_LINES = LINES_NORDIC_ACCENTED + LINES_LATIN_ACCENTED + LINES_NORDIC + LINES_LATIN

# ---------------------------------------------------------------------------
# Identifiers, prices, measures
# ---------------------------------------------------------------------------


def gtin_check_digit(body):
    """The GS1 check digit for the digits of body (any GTIN length)."""
    total = 0
    for i, d in enumerate(reversed(body)):
        total += int(d) * (3 if i % 2 == 0 else 1)
    return str((10 - total % 10) % 10)


def gtin_is_valid(gtin):
    return gtin.isdigit() and len(gtin) in (8, 12, 13, 14) and gtin_check_digit(gtin[:-1]) == gtin[-1]


def make_gtin(rng, product_id):
    """An EAN-13 in the 20-29 'restricted circulation' (in-store) range."""
    body = "2" + str(rng.randint(0, 9)) + product_id + "%02d" % rng.randint(0, 99)
    return body + gtin_check_digit(body)


def article_number(product_id):
    """'10423367' -> '104.233.67'."""
    return "%s.%s.%s" % (product_id[:3], product_id[3:6], product_id[6:])


def shop_price(rng, euros):
    """A price in cents with a shop-like ending: 4.99, 29.99, 49.00, 249.00, 1 299.00 ..."""
    if euros < 10:
        return int(euros) * 100 + 99
    if euros < 100:
        base = max(5, int(round(euros / 5.0)) * 5) - 1
        return base * 100 + (99 if rng.random() < 0.75 else 0)
    base = int(round(euros / 10.0)) * 10 - 1
    return base * 100 + (0 if rng.random() < 0.7 else 99)


def round_to(value, step):
    return int(round(value / float(step))) * step


def pick_dimensions(rng, ptype, size):
    """(width, depth, height) in mm for a product of ptype, honouring a fixed size."""
    fixed = size[1] if size else (None, None, None)
    ranges = ptype["dims"] or ((100, 300), (100, 300), (100, 300))
    dims = []
    for value, (lo, hi) in zip(fixed, ranges):
        if value is None:
            value = rng.uniform(lo, hi)
            value = round_to(value, 10 if hi >= 200 else 5)
        dims.append(int(value))
    return {"width": dims[0], "depth": dims[1], "height": dims[2]}


def pick_weight(rng, ptype, factor):
    lo, hi = ptype["kg"]
    grams = rng.uniform(lo, hi) * 1000 * (0.6 + 0.4 * factor)
    return max(10, round_to(grams, 100 if grams >= 2000 else 10))


# ---------------------------------------------------------------------------
# Texts
# ---------------------------------------------------------------------------


def genderize(text, lang, gender):
    """Replace the "{o}" placeholder (Italian and Spanish) with the ending for gender."""
    if "{o}" not in text:
        return text
    return text.replace("{o}", ENDINGS[lang][gender] if lang in ENDINGS else "")


def capitalize_first(text):
    return text[:1].upper() + text[1:]


def product_name(line, ptype):
    """'LUNDA armchair', 'Poltrona LUNDA', 'LUNDA Sessel', 'Sillón LUNDA' (+ suffix)."""
    names = {}
    for lang in LANGS:
        noun = ptype["name"][lang]
        if lang in ("en", "de"):
            text = "%s %s" % (line, noun)
        else:
            text = "%s %s" % (noun, line)
        if ptype["suffix"]:
            text += ptype["suffix"][lang]
        names[lang] = text
    return names


def product_short(ptype, mat_key, col_key, size_label):
    """'Armchair, woven fabric, grey' and its translations."""
    shorts = {}
    for lang in LANGS:
        parts = [capitalize_first(ptype["name"][lang]) + (ptype["suffix"][lang] if ptype["suffix"] else "")]
        if not ptype["hide_mat"]:
            parts.append(MATERIALS[mat_key]["label"][lang])
        col = COLOURS[col_key]
        if col["shown"]:
            parts.append(col["label"][lang])
        if size_label:
            parts.append(size_label)
        shorts[lang] = ", ".join(parts)
    return shorts


def product_description(rng, ptype, line, mat_key, col_key, fulfillment, n_packages, series):
    """Two to four sentences (sometimes in two paragraphs) in every language."""
    cat = CATEGORY_BY_ID[ptype["cat"]]
    col = COLOURS[col_key]
    care_key = ptype["care"] or MATERIALS[mat_key]["care"]
    care = CARE.get(care_key)

    # Sentences that must be there, then optional ones in a natural order.
    must = []
    if ptype["tall"]:
        must.append(("safety", SAY_ANCHOR))
    if fulfillment == "self-serve" and n_packages > 1:
        must.append(("packages", SAY_PACKAGES))
    optional = [("material", MATERIALS[mat_key]["sentence"])]
    if len(series["colours"]) > 1 and rng.random() < 0.5:
        optional.append(("colour", SAY_OTHER_COLOURS))
    elif col["de_noun"] and rng.random() < 0.6:
        optional.append(("colour", SAY_COLOUR))
    elif len(series["types"]) > 1:
        optional.append(("colour", SAY_SERIES))
    optional.append(("category", rng.choice(cat["says"])))
    if ptype["bulb"]:
        optional.append(("bulb", SAY_BULB))
    if ptype["guarantee"]:
        optional.append(("guarantee", SAY_GUARANTEE))
    if fulfillment == "full-serve":
        optional.append(("service", SAY_FULL_SERVE))
    elif fulfillment == "online-only":
        optional.append(("service", SAY_ONLINE))
    elif ptype["flat"] and n_packages <= 1:
        optional.append(("service", SAY_FLAT))
    if care:
        optional.append(("care", care))

    wanted = rng.choice([2, 3, 3, 4, 4]) - 1 - len(must)
    keep = set(rng.sample(range(len(optional)), max(0, min(wanted, len(optional)))))
    order = ["material", "colour", "category", "bulb", "guarantee", "safety", "service", "packages", "care"]
    chosen = [("lead", ptype["lead"])] + sorted(
        must + [optional[i] for i in sorted(keep)], key=lambda kv: order.index(kv[0]))
    paragraph_break = len(chosen) >= 3 and chosen[-1][0] == "care" and rng.random() < 0.4

    texts = {}
    for lang in LANGS:
        gender = ptype["g"][0] if lang == "it" else ptype["g"][1]
        sentences = []
        for kind, text in chosen:
            s = genderize(text[lang], lang, gender)
            number = n_packages if kind == "packages" else ptype["guarantee"]
            s = s.replace("{L}", line).replace("{n}", str(number))
            if "{c}" in s:
                s = s.replace("{c}", col["de_noun"] if lang == "de" else col["label"][lang])
            sentences.append(s)
        if paragraph_break:
            texts[lang] = " ".join(sentences[:-1]) + "\n\n" + sentences[-1]
        else:
            texts[lang] = " ".join(sentences)
    return texts

# ---------------------------------------------------------------------------
# Drawings: flat SVG 1.1 illustrations on a 400x400 canvas, one routine per
# kind of product.  Each routine gets a Look (colours and a small per-product
# random generator for variations) and returns a list of SVG elements.
# ---------------------------------------------------------------------------

BACKGROUND = "#efebe4"
SHADOW = "#dcd6cc"
LIGHT = "#fff3c4"
GLASS = "#d3e4ec"
LINEN = "#fbfaf7"
BRIGHTS = ["#c0392b", "#2d4b6f", "#f2c14e", "#4f8a4c", "#8b8f94", "#e8a6b4", "#7b5535", "#2b9d8f", "#c98b2c"]
LEAVES = ["#4f8a4c", "#3d7040", "#6aa15f", "#5c9a55"]


def _n(v):
    """Compact, stable number formatting for SVG attributes."""
    r = round(v, 1)
    return str(int(r)) if r == int(r) else str(r)


def _rgb(hex_):
    return tuple(int(hex_[i:i + 2], 16) for i in (1, 3, 5))


def _hex(rgb):
    return "#%02x%02x%02x" % tuple(max(0, min(255, int(round(c)))) for c in rgb)


def shade(hex_, f):
    """Darker (f < 1) version of a colour."""
    return _hex(c * f for c in _rgb(hex_))


def tint(hex_, f):
    """Mix a colour with white; f = 0 keeps it, f = 1 gives white."""
    return _hex(c + (255 - c) * f for c in _rgb(hex_))


def rect(x, y, w, h, fill, rx=0, extra=""):
    r = ' rx="%s"' % _n(rx) if rx else ""
    return '<rect x="%s" y="%s" width="%s" height="%s"%s fill="%s"%s/>' % (
        _n(x), _n(y), _n(w), _n(h), r, fill, extra)


def circle(cx, cy, r, fill, extra=""):
    return '<circle cx="%s" cy="%s" r="%s" fill="%s"%s/>' % (_n(cx), _n(cy), _n(r), fill, extra)


def ellipse(cx, cy, rx, ry, fill, extra=""):
    return '<ellipse cx="%s" cy="%s" rx="%s" ry="%s" fill="%s"%s/>' % (_n(cx), _n(cy), _n(rx), _n(ry), fill,
                                                                       extra)


def poly(points, fill, extra=""):
    pts = " ".join("%s,%s" % (_n(x), _n(y)) for x, y in points)
    return '<polygon points="%s" fill="%s"%s/>' % (pts, fill, extra)


def path(d, fill, extra=""):
    return '<path d="%s" fill="%s"%s/>' % (d, fill, extra)


def line(x1, y1, x2, y2, stroke, width, extra=""):
    return '<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="%s" stroke-linecap="round"%s/>' % (
        _n(x1), _n(y1), _n(x2), _n(y2), stroke, _n(width), extra)


def stroke(d, colour, width, extra=""):
    return '<path d="%s" fill="none" stroke="%s" stroke-width="%s" stroke-linecap="round"%s/>' % (
        d, colour, _n(width), extra)


def lines(segments, colour, width, extra=""):
    """Many straight strokes of one colour as a single path (keeps the files small)."""
    d = "".join("M%s %sL%s %s" % (_n(a), _n(b), _n(c), _n(e)) for a, b, c, e in segments)
    return stroke(d, colour, width, extra)


def boxes(items, fill):
    """Many axis-aligned rectangles of one colour as a single path."""
    d = "".join("M%s %sh%sv%sh-%sz" % (_n(x), _n(y), _n(w), _n(h), _n(w)) for x, y, w, h in items)
    return path(d, fill)


def floor(rx=140, cy=334, cx=200, ry=10):
    return ellipse(cx, cy, rx, ry, SHADOW)


def lerp(a, b, t):
    return a + (b - a) * t


class Look:
    """The colours of one drawing: c main, d/dd darker, l lighter, m material accent."""

    def __init__(self, main, accent, variant, seed, kind=""):
        self.c = main
        self.d = shade(main, 0.82)
        self.dd = shade(main, 0.66)
        self.l = tint(main, 0.28)
        self.m = accent
        self.md = shade(accent, 0.78)
        self.v = variant
        self.kind = kind
        self.h = "#3a3a3c" if sum(_rgb(main)) > 330 else "#d0d3d6"
        self.r = random.Random(seed)


DRAW = {}


def drawing(name):
    def register(fn):
        DRAW[name] = fn
        return fn
    return register


# --- seating -----------------------------------------------------------------

@drawing("armchair")
def draw_armchair(k):
    top = 100 if k.v % 2 else 124
    s = [floor(120), rect(128, 292, 12, 40, k.m), rect(260, 292, 12, 40, k.m),
         rect(116, top, 168, 300 - top, k.d, 28), rect(134, top + 16, 132, 226 - top, k.c, 18),
         rect(94, 186, 48, 118, k.c, 18), rect(258, 186, 48, 118, k.c, 18),
         rect(134, 232, 132, 30, k.l, 10), rect(134, 256, 132, 48, k.c, 8)]
    if k.kind == "rattan":
        s += [line(112, y, 126, y, k.d, 2) for y in range(200, 300, 12)]
    return s


def _sofa(k, seats, x0=None, right_arm=True):
    w = 130 + 80 * seats
    x0 = 200 - w // 2 if x0 is None else x0
    inner = w - 88
    cw = (inner - 6 * (seats - 1)) / seats
    s = [floor(w // 2 + 10, cx=x0 + w / 2), rect(x0 + 16, 292, 12, 40, k.m),
         rect(x0 + w - 28, 292, 12, 40, k.m),
         rect(x0 + 8, 140, w - 16, 160, k.d, 24)]
    s += [rect(x0 + 44 + i * (cw + 6), 154, cw, 84, k.c, 16) for i in range(seats)]
    s.append(rect(x0, 192, 46, 112, k.c, 18))
    if right_arm:
        s.append(rect(x0 + w - 46, 192, 46, 112, k.c, 18))
    s += [rect(x0 + 44 + i * (cw + 6), 236, cw, 28, k.l, 10) for i in range(seats)]
    s.append(rect(x0 + 44, 258, inner, 46, k.c, 8))
    s += [line(x0 + 41 + i * (cw + 6), 264, x0 + 41 + i * (cw + 6), 298, k.d, 3) for i in range(1, seats)]
    return s


@drawing("sofa2")
def draw_sofa2(k):
    return _sofa(k, 2)


@drawing("sofa3")
def draw_sofa3(k):
    return _sofa(k, 3)


@drawing("corner_sofa")
def draw_corner_sofa(k):
    s = _sofa(k, 3, x0=10, right_arm=False)
    s += [floor(70, cx=320, cy=338), rect(246, 236, 134, 34, k.l, 12), rect(246, 262, 134, 64, k.c, 10),
          rect(256, 326, 12, 12, k.m), rect(360, 326, 12, 12, k.m), rect(366, 160, 14, 110, k.d, 7)]
    return s


@drawing("sofa_bed")
def draw_sofa_bed(k):
    s = _sofa(k, 2)
    s += [rect(100, 200, 76, 48, LINEN, 16), rect(214, 232, 80, 30, "#d9e1e8", 6),
          line(214, 240, 294, 240, "#b9c6d1", 3)]
    return s


@drawing("footstool")
def draw_footstool(k):
    s = [floor(100), rect(140, 290, 10, 40, k.m), rect(250, 290, 10, 40, k.m),
         rect(124, 226, 152, 70, k.c, 16), rect(124, 220, 152, 28, k.l, 12)]
    if k.v % 2:
        s += [circle(x, 234, 4, k.d) for x in (160, 200, 240)]
    return s


@drawing("pouffe")
def draw_pouffe(k):
    s = [floor(100), ellipse(200, 312, 80, 18, k.d), rect(120, 222, 160, 90, k.c),
         ellipse(200, 222, 80, 18, k.l)]
    if k.v % 2:
        s.append(lines([(x, 238, x, 316) for x in range(136, 270, 16)], k.d, 3))
    else:
        s.append(lines([(124, y, 276, y) for y in (252, 282)], k.d, 3))
    return s


@drawing("chair")
def draw_chair(k):
    s = [floor(90), rect(146, 250, 10, 80, k.d), rect(244, 250, 10, 80, k.d),
         rect(146, 96, 12, 160, k.c, 4), rect(242, 96, 12, 160, k.c, 4), rect(146, 100, 108, 44, k.c, 8)]
    if k.v % 2:
        s += [rect(x, 144, 8, 80, k.c) for x in (170, 190, 210, 230)]
    else:
        s.append(rect(146, 168, 108, 16, k.c, 4))
    s += [poly([(128, 232), (272, 232), (284, 252), (116, 252)], k.l), rect(116, 252, 168, 12, k.c, 3),
          rect(120, 264, 12, 68, k.c), rect(268, 264, 12, 68, k.c)]
    return s


@drawing("bar_stool")
def draw_bar_stool(k):
    s = [floor(80), line(188, 166, 182, 318, k.md, 8), line(212, 166, 218, 318, k.md, 8),
         line(170, 166, 140, 332, k.m, 9), line(230, 166, 260, 332, k.m, 9), line(150, 272, 250, 272, k.m, 6)]
    if k.v % 2:
        s += [line(160, 160, 156, 96, k.m, 6), line(240, 160, 244, 96, k.m, 6),
              rect(148, 86, 104, 28, k.c, 12)]
    s += [ellipse(200, 166, 64, 16, k.d), ellipse(200, 158, 64, 16, k.c)]
    return s


@drawing("office_chair")
def draw_office_chair(k):
    dark = "#2e2f31"
    s = [floor(110)]
    for x2, y2 in ((116, 318), (284, 318), (150, 328), (250, 328)):
        s += [line(200, 298, x2, y2, dark, 8), circle(x2, y2 + 6, 8, "#1f2022")]
    s += [rect(194, 232, 12, 70, "#6b6e73"), rect(194, 196, 12, 24, "#555"),
          rect(148, 68, 104, 140, k.c, 30), rect(160, 82, 80, 110, k.l, 22),
          rect(130, 212, 140, 32, k.d, 14), rect(134, 206, 132, 18, k.c, 9),
          rect(122, 178, 34, 8, dark, 4), rect(244, 178, 34, 8, dark, 4),
          rect(134, 184, 8, 28, dark), rect(258, 184, 8, 28, dark)]
    return s


@drawing("stool")
def draw_stool(k):
    return [floor(80), line(200, 238, 200, 324, k.md, 9), line(160, 232, 136, 332, k.c, 10),
            line(240, 232, 264, 332, k.c, 10), line(150, 290, 250, 290, k.c, 6),
            ellipse(200, 228, 72, 16, k.d), ellipse(200, 220, 72, 16, k.l)]


@drawing("bench")
def draw_bench(k):
    s = [floor(170)]
    if k.v % 2:
        s += [rect(64, 254, 22, 78, k.d), rect(314, 254, 22, 78, k.d)]
    else:
        s += [line(80, 254, 64, 332, k.d, 12), line(320, 254, 336, 332, k.d, 12),
              line(72, 300, 328, 300, k.d, 6)]
    s += [poly([(70, 224), (330, 224), (350, 240), (50, 240)], k.l), rect(50, 240, 300, 14, k.c, 3)]
    return s


@drawing("folding_chair")
def draw_folding_chair(k):
    def x_at(y):  # the front leg that becomes the backrest post
        return 140 + 100 * (332 - y) / 242.0
    cx, cy = x_at(136), 136
    return [floor(90), line(252, 332, 150, 236, k.md, 9), rect(132, 226, 128, 14, k.c, 5),
            line(140, 332, 240, 90, k.m, 9),
            rect(cx - 26, cy - 36, 52, 72, k.c, 8, ' transform="rotate(22.5 %s %s)"' % (_n(cx), _n(cy)))]


@drawing("legs")
def draw_legs(k):
    s = [floor(150, cy=316)]
    for x in (90, 160, 230, 300):
        if k.v % 2:
            s += [rect(x - 4, 120, 28, 10, "#9aa0a6", 2), rect(x, 130, 20, 180, k.c, 8)]
        else:
            s += [rect(x - 6, 120, 32, 10, "#9aa0a6", 2),
                  poly([(x - 4, 130), (x + 24, 130), (x + 16, 312), (x + 4, 312)], k.c),
                  line(x + 4, 138, x + 8, 296, k.l, 4)]
    return s


# --- beds ----------------------------------------------------------------------

@drawing("bed")
def draw_bed(k):
    bedding = ["#d9e1e8", "#e9dcc9", "#dfe8dc", "#f1eee8"][k.v]
    s = [floor(160), rect(70, 116, 260, 194, k.c, 10)]
    if k.v % 2:
        s.append(rect(84, 130, 232, 60, k.l, 6))
    s += [rect(92, 186, 98, 42, LINEN, 16), rect(210, 186, 98, 42, LINEN, 16),
          rect(56, 220, 288, 26, "#f4f2ec", 8), rect(56, 234, 288, 54, bedding, 10),
          line(66, 252, 334, 252, shade(bedding, 0.9), 3),
          rect(50, 284, 300, 24, k.d, 4), rect(58, 308, 14, 26, k.dd), rect(328, 308, 14, 26, k.dd)]
    return s


@drawing("mattress")
def draw_mattress(k):
    band = ["#5d7189", "#8a9a6e", "#b58aa0", "#7a6a5a"][k.v]
    s = [floor(170, cy=300, cx=210), poly([(50, 236), (90, 190), (370, 190), (330, 236)], "#fbfaf7"),
         rect(50, 236, 280, 60, "#eeebe4"), poly([(330, 236), (370, 190), (370, 250), (330, 296)], "#e0dcd4"),
         rect(50, 282, 280, 14, band), poly([(330, 282), (370, 236), (370, 250), (330, 296)],
                                            shade(band, 0.8))]
    for i in range(1, 4):
        t = i / 4.0
        y = lerp(236, 190, t)
        s += [circle(lerp(50, 90, t) + 30 + j * 46, y, 3, "#ddd8ce") for j in range(6)]
    s.append(line(60, 258, 320, 258, "#dcd7cd", 2, ' stroke-dasharray="8 6"'))
    return s


@drawing("slats")
def draw_slats(k):
    s = [floor(170, cy=296), poly([(30, 270), (110, 170), (380, 170), (300, 270)], k.dd),
         rect(30, 270, 270, 16, shade(k.c, 0.55)), poly([(300, 270), (380, 170), (380, 186), (300, 286)],
                                                        shade(k.c, 0.45)),
         poly([(50, 262), (114, 178), (362, 178), (296, 262)], "#6f675c")]
    segments = []
    for i in range(11):
        t = (i + 0.5) / 11
        y = lerp(260, 180, t)
        segments.append((lerp(54, 118, t), y, lerp(292, 356, t), y))
    s.append(lines(segments, k.c, 5))
    return s


@drawing("headboard")
def draw_headboard(k):
    s = [floor(130), rect(94, 250, 14, 84, k.dd), rect(292, 250, 14, 84, k.dd),
         rect(80, 100, 240, 196, k.c, 40)]
    if k.kind in ("wood", "rattan"):
        s.append(lines([(x, 112, x, 286) for x in range(108, 300, 24)], k.d, 3))
    else:
        s += [circle(x, y, 4, k.dd) for y in (150, 200, 250) for x in (120, 160, 200, 240, 280)]
    return s


@drawing("cot")
def draw_cot(k):
    s = [floor(160), rect(82, 236, 236, 34, "#f4f2ec")]
    s += [rect(x, 130, 8, 144, k.c) for x in range(96, 310, 18)]
    s += [rect(60, 104, 24, 228, k.c, 8), rect(316, 104, 24, 228, k.c, 8), rect(82, 120, 236, 12, k.d),
          rect(82, 270, 236, 14, k.d)]
    return s


@drawing("children_bed")
def draw_children_bed(k):
    duvet = ["#f2c14e", "#9dc4df", "#e8a6b4", "#9caf88"][k.v]
    return [floor(170), rect(54, 150, 26, 184, k.c, 10), rect(322, 196, 26, 138, k.c, 10),
            rect(80, 236, 242, 30, "#f4f2ec"), rect(88, 214, 62, 30, LINEN, 12), rect(132, 226, 190, 44,
                                                                                      duvet, 10),
            rect(80, 266, 242, 22, k.d), rect(96, 190, 130, 10, k.c, 4), rect(100, 190, 8, 50, k.c),
            rect(214, 190, 8, 50, k.c), rect(84, 288, 12, 46, k.dd), rect(306, 288, 12, 46, k.dd)]


@drawing("high_chair")
def draw_high_chair(k):
    return [floor(100), line(156, 206, 112, 332, k.m, 10), line(244, 206, 288, 332, k.m, 10),
            line(134, 272, 266, 272, k.m, 7), rect(158, 78, 84, 118, k.c, 16), rect(148, 190, 104, 22, k.d,
                                                                                    6),
            rect(116, 164, 168, 14, k.l, 7), rect(130, 176, 10, 24, k.l)]


# --- storage -------------------------------------------------------------------

def _drawer_stack(k, x, y, w, h, n, cols=1, legs=True):
    s = [rect(x - 6, y - 10, w + 12, 12, k.d, 3), rect(x, y, w, h, k.dd)]
    gap = 6
    dw = (w - gap * (cols + 1)) / cols
    dh = (h - gap * (n + 1)) / n
    for c in range(cols):
        for i in range(n):
            dx = x + gap + c * (dw + gap)
            dy = y + gap + i * (dh + gap)
            s += [rect(dx, dy, dw, dh, k.c, 3), rect(dx + dw / 2 - 16, dy + dh / 2 - 3, 32, 6, k.m, 3)]
    if legs:
        s += [rect(x + 6, y + h, 10, 334 - y - h, k.m), rect(x + w - 16, y + h, 10, 334 - y - h, k.m)]
    return s


@drawing("bedside")
def draw_bedside(k):
    s = [floor(90)]
    if k.v % 2:
        s += _drawer_stack(k, 130, 186, 140, 120, 2)
    else:
        s += _drawer_stack(k, 130, 186, 140, 56, 1, legs=False)
        s += [rect(130, 242, 140, 64, k.dd), rect(136, 248, 128, 52, shade(k.c, 0.5)),
              rect(148, 276, 50, 22, BRIGHTS[1]),
              rect(136 - 0, 300, 128, 6, k.dd), rect(136, 306, 10, 28, k.m), rect(254, 306, 10, 28, k.m)]
    s += [ellipse(170, 172, 14, 4, "#999"), rect(164, 130, 12, 42, "#c9ccd0"),
          poly([(150, 104), (190, 104), (196, 132), (144, 132)], "#f3ece0")]
    return s


@drawing("drawers")
def draw_drawers(k):
    if k.v == 3:
        return [floor(150)] + _drawer_stack(k, 70, 120, 260, 190, 3, cols=2)
    n = 3 + k.v
    return [floor(120)] + _drawer_stack(k, 100, 110, 200, 200, n)


@drawing("wardrobe")
def draw_wardrobe(k):
    x, y, w, h = 92, 38, 216, 290
    doors = 2 if k.v < 2 else 3
    dw = (w - 6 * (doors + 1)) / doors
    s = [floor(130), rect(x - 4, y - 8, w + 8, 12, k.d), rect(x, y, w, h, k.dd)]
    for i in range(doors):
        dx = x + 6 + i * (dw + 6)
        fill = GLASS if (k.v == 3 and i == 1) else k.c
        s.append(rect(dx, y + 6, dw, h - 30, fill, 2))
        if fill == GLASS:
            s += [line(dx + 12, y + 60, dx + dw - 12, y + 20, "#ffffff", 4),
                  line(dx + 12, y + 90, dx + dw - 20, y + 58, "#ffffff", 3)]
        hx = dx + dw - 12 if i % 2 == 0 else dx + 8
        s.append(rect(hx, y + 120, 5, 44, k.m, 2))
    s.append(rect(x, y + h - 18, w, 18, shade(k.c, 0.5)))
    return s


@drawing("shoe_cabinet")
def draw_shoe_cabinet(k):
    n = 2 + k.v % 2
    x, y, w, h = 122, 116, 156, 212
    fh = (h - 6 * (n + 1) - 14) / n
    s = [floor(100), rect(x - 4, y - 8, w + 8, 10, k.d, 3), rect(x, y, w, h, k.dd)]
    for i in range(n):
        fy = y + 6 + i * (fh + 6)
        s += [rect(x + 6, fy, w - 12, fh, k.c, 3), rect(x + w / 2 - 22, fy + 8, 44, 6, k.m, 3)]
    return s


@drawing("box")
def draw_box(k):
    s = [floor(120)]
    if k.v % 2:
        s += [rect(130, 132, 140, 66, k.d, 6), rect(126, 126, 148, 18, k.dd, 5),
              rect(182, 150, 36, 10, shade(k.c, 0.5), 5)]
    s += [rect(110, 206, 180, 120, k.c, 8), rect(104, 196, 192, 24, k.d, 6), rect(174, 234, 52, 14, k.dd, 7)]
    if k.kind in ("textile", "wool"):
        s.append(rect(118, 226, 164, 92, "none", 6,
                      ' stroke="%s" stroke-width="2" stroke-dasharray="5 4"' % k.l))
    return s


@drawing("clothes_rack")
def draw_clothes_rack(k):
    s = [floor(120), line(120, 98, 120, 326, k.c, 8), line(280, 98, 280, 326, k.c, 8),
         line(116, 100, 284, 100, k.c, 8),
         line(104, 328, 136, 328, k.c, 6), line(264, 328, 296, 328, k.c, 6), rect(112, 290, 176, 10, k.d, 3)]
    cols = BRIGHTS[k.v:] + BRIGHTS[:k.v]
    for i, x in enumerate((152, 188, 224, 258)):
        length = (210, 250, 190, 232)[i]
        s += [line(x, 102, x, 114, "#777", 3),
              stroke("M%d 126 L%d 114 L%d 126" % (x - 18, x, x + 18), "#777", 3),
              path("M%d 124 L%d 124 L%d %d L%d %d Z" % (x - 20, x + 20, x + 26, length, x - 26, length),
                   cols[i])]
    s += [ellipse(160, 284, 20, 7, "#3a3a3c"), ellipse(206, 284, 20, 7, "#3a3a3c")]
    return s


@drawing("sideboard")
def draw_sideboard(k):
    x, y, w, h = 60, 184, 280, 112
    sw = (w - 24) / 3
    s = [floor(160), rect(x - 6, y - 10, w + 12, 12, k.d, 3), rect(x, y, w, h, k.dd)]
    for i in range(3):
        sx = x + 6 + i * (sw + 6)
        if i == 1:
            for j in range(3):
                s += [rect(sx, y + 6 + j * 34, sw, 30, k.c, 2),
                      rect(sx + sw / 2 - 14, y + 18 + j * 34, 28, 5, k.m, 2)]
        else:
            s += [rect(sx, y + 6, sw, h - 12, k.c, 2),
                  rect(sx + (sw - 12 if i == 0 else 6), y + 40, 5, 30, k.m, 2)]
    s += [poly([(72, 296), (84, 296), (80, 334), (76, 334)], k.m),
          poly([(316, 296), (328, 296), (324, 334), (320, 334)], k.m),
          path("M110 174 Q96 150 112 130 L126 130 Q142 150 128 174 Z", BRIGHTS[7]),
          rect(250, 140, 14, 34, BRIGHTS[0]), rect(266, 146, 12, 28, BRIGHTS[2]), rect(280, 136, 14, 38,
                                                                                       BRIGHTS[1])]
    return s


@drawing("toy_storage")
def draw_toy_storage(k):
    frame = k.c
    s = [floor(140), rect(78, 128, 244, 200, frame, 6), rect(88, 138, 224, 180, shade(frame, 0.7))]
    cols = BRIGHTS[k.v:] + BRIGHTS[:k.v]
    for row in range(2):
        for col in range(3):
            bx, by = 94 + col * 74, 146 + row * 88
            s += [rect(bx, by + 10, 64, 70, cols[row * 3 + col], 6),
                  rect(bx + 20, by + 20, 24, 8, shade(cols[row * 3 + col], 0.7), 4)]
    s += [circle(120, 112, 16, BRIGHTS[0]), rect(250, 98, 40, 30, BRIGHTS[2], 4)]
    return s


# --- shelving --------------------------------------------------------------------

@drawing("bookcase")
def draw_bookcase(k):
    x, y, w, h = 110, 36, 180, 292
    s = [floor(110), rect(x, y, w, h, k.d), rect(x + 10, y + 10, w - 20, h - 28, shade(k.c, 0.55))]
    levels = 5
    lh = (h - 28) / levels
    books = {}
    for i in range(levels):
        top = y + 10 + i * lh
        s.append(rect(x + 10, top + lh - 8, w - 20, 8, k.c))
        bx = x + 16
        while bx < x + w - 36:
            bw = k.r.choice((10, 12, 14, 16))
            bh = lh - 8 - k.r.choice((10, 14, 18, 24))
            books.setdefault(k.r.choice(BRIGHTS), []).append((bx, top + lh - 8 - bh, bw, bh))
            bx += bw + 2
            if k.r.random() < 0.12:
                bx += 24
    s += [boxes(items, colour) for colour, items in sorted(books.items())]
    s.append(rect(x, y + h - 18, w, 18, k.dd))
    return s


@drawing("shelving")
def draw_shelving(k):
    post = k.m if k.kind == "metal" else k.d
    s = [floor(130), rect(96, 56, 10, 276, post), rect(294, 56, 10, 276, post)]
    for i, y in enumerate((70, 140, 210, 280)):
        s.append(rect(92, y, 216, 10, k.c, 2))
        if i == 0:
            s += [path("M130 70 L170 70 L164 40 L136 40 Z", BRIGHTS[8]), rect(230, 36, 40, 34, BRIGHTS[4], 3)]
        elif i == 1:
            s += [rect(116 + j * 14, 104 + (j % 2) * 6, 12, 36 - (j % 2) * 6, BRIGHTS[j]) for j in range(6)]
            s.append(rect(220, 110, 60, 30, "#d8c8a8", 4))
        elif i == 2:
            s += [rect(116, 168, 70, 42, BRIGHTS[2 + k.v], 4), rect(196, 168, 70, 42, BRIGHTS[1], 4)]
    s += [ellipse(150, 268, 26, 10, LEAVES[0]), rect(136, 266, 28, 14, "#c4633e", 3)]
    return s


@drawing("wall_shelf")
def draw_wall_shelf(k):
    s = [rect(84, 224, 232, 8, SHADOW), poly([(110, 222), (126, 222), (110, 256)], k.dd),
         poly([(274, 222), (290, 222), (290, 256)], k.dd)]
    s += [rect(120 + i * 14, 166 + (i % 2) * 8, 12, 46 - (i % 2) * 8, BRIGHTS[i + k.v]) for i in range(4)]
    s += [ellipse(224, 170, 10, 30, LEAVES[0], ' transform="rotate(-25 224 190)"'),
          ellipse(236, 168, 10, 30, LEAVES[2], ' transform="rotate(20 236 190)"'),
          poly([(214, 186), (246, 186), (242, 212), (218, 212)], "#c4633e"),
          path("M270 212 Q258 190 272 170 L282 170 Q296 190 284 212 Z", BRIGHTS[7]),
          rect(80, 210, 240, 14, k.c, 2)]
    return s


@drawing("display_cabinet")
def draw_display_cabinet(k):
    x, y, w, h = 118, 38, 164, 290
    s = [floor(110), rect(x, y, w, h, k.c, 3), rect(x + 10, y + 10, w - 20, h - 66, GLASS)]
    for yy in (110, 180):
        s.append(rect(x + 10, yy, w - 20, 4, k.d))
    s += [circle(150, 90, 16, LINEN), circle(184, 90, 16, LINEN), circle(218, 90, 16, LINEN),
          rect(146, 156, 18, 24, BRIGHTS[1], 3), rect(174, 150, 18, 30, BRIGHTS[7], 3), rect(204, 156, 18, 24,
                                                                                             BRIGHTS[1], 3),
          path("M150 246 Q140 222 152 206 L164 206 Q176 222 166 246 Z", BRIGHTS[8]),
          line(x + 24, y + 150, x + 60, y + 110, "#ffffff", 4, ' stroke-opacity="0.7"'),
          rect(x + 10, y + h - 48, w - 20, 32, k.d, 2), rect(x + w / 2 - 18, y + h - 35, 36, 6, k.m, 3),
          rect(x + 4, y + h - 8, 10, 10, k.dd), rect(x + w - 14, y + h - 8, 10, 10, k.dd)]
    return s


@drawing("tv_bench")
def draw_tv_bench(k):
    return [floor(160), rect(104, 88, 192, 112, "#2a2c30", 6), rect(110, 94, 180, 98, "#3d4d5e"),
            line(120, 180, 180, 110, "#55687b", 8), rect(190, 200, 20, 16, "#2a2c30"), rect(164, 214, 72, 6,
                                                                                            "#2a2c30", 3),
            rect(50, 220, 300, 12, k.d, 3), rect(56, 232, 288, 72, k.dd), rect(62, 238, 92, 60, k.c, 2),
            rect(246, 238, 92, 60, k.c, 2), rect(160, 238, 80, 60, shade(k.c, 0.45)), rect(172, 274, 56, 14,
                                                                                           "#2a2c30", 3),
            rect(140, 262, 5, 20, k.m, 2), rect(255, 262, 5, 20, k.m, 2), rect(66, 304, 10, 30,
                                                                               k.m), rect(324, 304, 10, 30,
                                                                                          k.m)]


# --- tables ---------------------------------------------------------------------

@drawing("table")
def draw_table(k):
    return [floor(160), rect(92, 222, 12, 94, k.md), rect(296, 222, 12, 94, k.md),
            poly([(80, 186), (320, 186), (350, 214), (50, 214)], k.l), rect(50, 214, 300, 14, k.c, 2),
            rect(60, 228, 16, 104, k.m), rect(324, 228, 16, 104, k.m)]


@drawing("extendable_table")
def draw_extendable_table(k):
    s = draw_table(k)
    s += [poly([(180, 186), (220, 186), (224, 214), (176, 214)], k.c), line(176, 214, 176, 228, k.d, 2),
          line(224, 214, 224, 228, k.d, 2)]
    return s


@drawing("coffee_table")
def draw_coffee_table(k):
    if k.v % 2:
        return [floor(140), line(150, 262, 130, 330, k.m, 8), line(250, 262, 270, 330, k.m, 8),
                line(200, 270, 200, 326, k.md, 8),
                ellipse(200, 256, 124, 28, k.d), ellipse(200, 248, 124, 28, k.l),
                rect(180, 218, 30, 26, LINEN, 4), ellipse(195, 218, 15, 4, "#6b4a33")]
    return [floor(150), rect(96, 262, 12, 64, k.md), rect(292, 262, 12, 64, k.md), rect(80, 292, 240, 8, k.d),
            poly([(100, 226), (300, 226), (324, 250), (76, 250)], k.l), rect(76, 250, 248, 12, k.c, 2),
            rect(80, 262, 14, 72, k.m), rect(306, 262, 14, 72, k.m),
            rect(150, 210, 56, 18, BRIGHTS[1], 2), rect(156, 198, 46, 12, BRIGHTS[2], 2)]


@drawing("desk")
def draw_desk(k):
    return [floor(160), rect(90, 194, 10, 120, k.md), rect(60, 194, 12, 140, k.m),
            rect(238, 194, 100, 140, k.dd), rect(244, 200, 88, 40, k.c, 2), rect(244, 244, 88, 40, k.c, 2),
            rect(244, 288, 88, 40, k.c, 2), rect(274, 216, 28, 5, k.m, 2), rect(274, 260, 28, 5, k.m,
                                                                                2), rect(274, 304, 28, 5, k.m,
                                                                                         2),
            poly([(70, 166), (330, 166), (350, 180), (50, 180)], k.l), rect(50, 180, 300, 14, k.c, 2),
            poly([(110, 164), (118, 116), (190, 116), (182, 164)], "#3a3d42"), rect(96, 162, 100, 6,
                                                                                    "#9aa0a6", 2),
            line(290, 168, 280, 120, "#3a3a3c", 5), line(280, 120, 310, 100, "#3a3a3c", 5),
            poly([(300, 92), (326, 104), (318, 118), (294, 104)], BRIGHTS[2]), ellipse(290, 170, 18, 4,
                                                                                       "#3a3a3c")]


@drawing("side_table")
def draw_side_table(k):
    s = [floor(90)]
    if k.v % 2:
        s += [line(170, 220, 150, 332, k.m, 7), line(230, 220, 250, 332, k.m, 7),
              line(200, 224, 200, 326, k.md, 7)]
    else:
        s += [rect(194, 222, 12, 100, k.m), ellipse(200, 324, 50, 10, k.m)]
    s += [ellipse(200, 218, 84, 18, k.d), ellipse(200, 212, 84, 18, k.l),
          poly([(186, 206), (214, 206), (210, 180), (190, 180)], BRIGHTS[7]),
          ellipse(190, 168, 8, 18, LEAVES[0], ' transform="rotate(-20 190 180)"'),
          ellipse(210, 168, 8, 18, LEAVES[2], ' transform="rotate(20 210 180)"')]
    return s


@drawing("outdoor_table")
def draw_outdoor_table(k):
    s = [floor(160), rect(92, 222, 12, 94, k.d), rect(296, 222, 12, 94, k.d)]
    for i in range(6):
        t0, t1 = i / 6.0 + 0.01, (i + 1) / 6.0 - 0.01
        s.append(poly([(lerp(50, 80, t0), lerp(214, 186, t0)), (lerp(350, 320, t0), lerp(214, 186, t0)),
                       (lerp(350, 320, t1), lerp(214, 186, t1)), (lerp(50, 80, t1),
                                                                  lerp(214, 186, t1))], k.l))
    s += [rect(50, 214, 300, 12, k.c, 2), rect(60, 226, 16, 106, k.c), rect(324, 226, 16, 106, k.c)]
    return s


@drawing("garden_set")
def draw_garden_set(k):
    chair = "".join(draw_garden_chair(k)[1:])
    return [floor(176), '<defs><g id="chair">' + chair + "</g></defs>",
            '<use xlink:href="#chair" transform="translate(-30 146) scale(0.56)"/>',
            '<use xlink:href="#chair" transform="translate(206 146) scale(0.56)"/>',
            line(200, 222, 200, 326, k.d, 10), ellipse(200, 328, 44, 8, k.dd), ellipse(200, 216, 104, 22,
                                                                                       k.c),
            ellipse(200, 209, 104, 22, k.l), rect(186, 184, 24, 24, LINEN, 4)]


@drawing("balcony_set")
def draw_balcony_set(k):
    s = [floor(160)]
    for cx, f in ((90, 1), (310, -1)):
        s += [line(cx - 30, 330, cx + 30, 240, k.d, 7), line(cx + 30, 330, cx - 30, 240, k.d, 7),
              rect(cx - 36, 234, 72, 10, k.c, 3), line(cx - 28 * f, 240, cx - 28 * f, 140, k.d, 7),
              rect(cx - 28 * f - 8, 140, 16, 56, k.c, 5)]
    s += [line(176, 230, 160, 330, k.d, 7), line(224, 230, 240, 330, k.d, 7), ellipse(200, 226, 70, 15, k.c),
          ellipse(200, 221, 70, 15, k.l), path("M194 218 Q188 196 196 184 L204 184 Q212 196 206 218 Z",
                                               BRIGHTS[7])]
    return s


@drawing("garden_chair")
def draw_garden_chair(k):
    s = [floor(100), rect(146, 250, 12, 82, k.d), rect(242, 250, 12, 82, k.d),
         rect(146, 100, 12, 160, k.c, 4),
         rect(242, 100, 12, 160, k.c, 4)]
    s += [rect(146, y, 108, 14, k.c, 4) for y in (104, 128, 152)]
    s += [rect(118, 190, 40, 10, k.d, 4), rect(242, 190, 40, 10, k.d, 4), rect(122, 196, 8, 58, k.d),
          rect(270, 196, 8, 58, k.d)]
    for i in range(4):
        t0, t1 = i / 4.0 + 0.02, (i + 1) / 4.0 - 0.02
        s.append(poly([(lerp(116, 128, t0), lerp(252, 232, t0)), (lerp(284, 272, t0), lerp(252, 232, t0)),
                       (lerp(284, 272, t1), lerp(252, 232, t1)), (lerp(116, 128, t1),
                                                                  lerp(252, 232, t1))], k.l))
    s += [rect(116, 252, 168, 10, k.c, 3), rect(120, 262, 12, 70, k.c), rect(268, 262, 12, 70, k.c)]
    return s


@drawing("lounger")
def draw_lounger(k):
    return [floor(160, cx=190), line(70, 286, 262, 286, k.d, 8), line(86, 286, 86, 330, k.d, 8),
            line(236, 286, 236, 330, k.d, 8),
            line(262, 286, 300, 320, k.d, 8), circle(300, 320, 13, "#3a3a3c"), circle(300, 320, 5, "#9aa0a6"),
            rect(60, 258, 206, 24, k.c, 10), poly([(250, 270), (272, 264), (338, 168), (316, 158)], k.c),
            line(270, 266, 322, 180, k.l, 4)]


@drawing("parasol")
def draw_parasol(k):
    edge = " ".join("Q%d 164 %d 150" % (x + 25, x) for x in range(300, 49, -50))
    return [floor(90, cy=330), line(200, 60, 200, 318, "#7a7d82", 6),
            path("M50 150 Q200 30 350 150 " + edge + " Z", k.c)] + \
           [line(200, 64, x, 148, k.d, 2) for x in (90, 145, 200, 255, 310)] + \
           [rect(160, 314, 80, 16, "#55585c", 4), circle(200, 60, 6, k.d)]


@drawing("planter")
def draw_planter(k):
    s = [floor(130)]
    s += [ellipse(x, 196, 16, 30, LEAVES[i % 4], ' transform="rotate(%d %d 216)"' % ((i % 3 - 1) * 25, x))
          for i, x in enumerate(range(112, 296, 22))]
    s += [circle(x, 170 + (i % 2) * 12, 9, ("#e8a6b4", "#f2c14e", "#c0392b", "#b49edb")[i % 4])
          for i, x in enumerate(range(124, 290, 36))]
    s += [rect(90, 220, 220, 104, k.c, 4)] + [line(x, 228, x, 318, k.d, 2) for x in range(114, 300, 24)]
    s.append(rect(84, 210, 232, 16, k.d, 4))
    return s


# --- kitchen ---------------------------------------------------------------------

@drawing("base_cabinet")
def draw_base_cabinet(k):
    top = "#cbb08a" if k.v % 2 else "#dedad3"
    s = [floor(120), rect(88, 128, 224, 16, top, 2), rect(100, 144, 200, 172, k.dd),
         rect(104, 148, 192, 44, k.c, 2)]
    if k.v == 2:
        s += [rect(104, 196, 94, 114, k.c, 2), rect(202, 196, 94, 114, k.c, 2), rect(186, 210, 5, 40, k.h, 2),
              rect(209, 210, 5, 40, k.h, 2)]
    else:
        s += [rect(104, 196, 192, 114, k.c, 2), rect(176, 208, 48, 6, k.h, 3)]
    s += [rect(176, 164, 48, 6, k.h, 3), rect(104, 314, 192, 18, "#3a3a3c")]
    return s


@drawing("wall_cabinet")
def draw_wall_cabinet(k):
    s = [rect(60, 318, 280, 12, SHADOW), rect(100, 86, 200, 176, k.dd)]
    for dx in (104, 202):
        s.append(rect(dx, 90, 94, 166, k.c, 2))
        if k.v % 2:
            s += [rect(dx + 12, 102, 70, 142, GLASS), rect(dx + 22, 150, 14, 24, LINEN, 3),
                  rect(dx + 44, 146, 14, 28, LINEN, 3),
                  rect(dx + 12, 180, 70, 4, k.d)]
    s += [rect(186, 226, 5, 26, k.h, 2), rect(209, 226, 5, 26, k.h, 2), rect(104, 262, 192, 5, LIGHT)]
    return s


@drawing("kitchen_island")
def draw_kitchen_island(k):
    top = "#e4dfd6" if k.v % 2 else "#c9a77a"
    s = [floor(170), rect(36, 148, 328, 18, top, 2), rect(60, 166, 280, 152, k.dd)]
    for i in range(3):
        s += [rect(66 + i * 92, 172 + i * 0, 86, 44, k.c, 2), rect(66 + i * 92, 220, 86, 92, k.c, 2),
              rect(94 + i * 92, 190, 30, 5, k.h, 2), rect(94 + i * 92, 232, 30, 5, k.h, 2)]
    s += [rect(60, 318, 280, 14, "#3a3a3c"), rect(88, 112, 30, 36, LINEN, 4),
          ellipse(290, 142, 36, 6, BRIGHTS[8]),
          circle(282, 134, 8, "#c0392b"), circle(298, 134, 8, "#f2c14e")]
    return s


@drawing("worktop")
def draw_worktop(k):
    s = [floor(170, cy=290), poly([(30, 236), (290, 176), (370, 200), (110, 262)], k.l),
         poly([(30, 236), (110, 262), (110, 284), (30, 258)],
              k.dd), poly([(110, 262), (370, 200), (370, 222), (110, 284)], k.c)]
    if k.kind == "stone":
        s += [stroke("M80 236 Q150 214 190 220 T300 196", "#c9c5bf", 3),
              stroke("M130 246 Q200 226 250 226", "#d6d2cc", 2)]
    else:
        # grain along the long edge: points P0 + a * (P1 - P0) + b * (P3 - P0) of the top face
        s.append(lines([(30 + 260 * a0 + 80 * b, 236 - 60 * a0 + 26 * b, 30 + 260 * a1 + 80 * b, 236 - 60 * a1 + 26 * b)
                        for a0, a1, b in ((0.08, 0.8, 0.25), (0.2, 0.92, 0.5), (0.1, 0.7, 0.75))], k.d, 2))
    return s


@drawing("trolley")
def draw_trolley(k):
    s = [floor(100), rect(128, 104, 8, 212, k.c), rect(264, 104, 8, 212, k.c), rect(272, 100, 34, 8, k.c, 4)]
    for y in (128, 198, 268):
        s += [rect(124, y, 152, 36, k.d, 4), rect(124, y, 152, 6, k.c, 3)]
    s += [rect(150, 104, 22, 26, "#dcecf1", 4), rect(150, 98, 22, 8, "#c9a77a", 2),
          rect(180, 96, 22, 34, "#dcecf1", 4),
          rect(180, 90, 22, 8, "#c9a77a", 2), circle(230, 120, 12, "#f2c14e"), circle(246, 124, 10,
                                                                                      "#c0392b"),
          circle(134, 324, 9, "#333"), circle(266, 324, 9, "#333")]
    return s


@drawing("sink")
def draw_sink(k):
    return [rect(66, 268, 268, 64, "#f0eee9"), line(200, 272, 200, 328, "#d6d1c8", 3),
            rect(186, 282, 5, 26, "#9aa0a6", 2),
            rect(209, 282, 5, 26, "#9aa0a6", 2), poly([(80, 212), (320, 212), (350, 250), (50, 250)],
                                                      "#e3ded6"),
            rect(50, 250, 300, 18, "#cfc8bd"), poly([(106, 220), (294, 220), (312, 246), (88, 246)], k.l),
            poly([(116, 224), (284, 224), (298, 242), (102, 242)], k.d), ellipse(200, 236, 10, 3, k.dd),
            stroke("M210 214 L210 150 Q210 122 238 122 Q262 122 262 148", "#9aa0a6", 9),
            line(210, 196, 236, 186, "#9aa0a6", 6)]


@drawing("tap")
def draw_tap(k):
    return [rect(60, 322, 280, 10, "#d9d3c9"), ellipse(200, 320, 48, 9, k.d),
            rect(182, 214, 36, 108, k.c, 12),
            stroke("M200 220 L200 124 Q200 76 244 76 Q288 76 288 124 L288 150", k.c, 16), rect(278, 146, 20,
                                                                                               16, k.d, 4),
            line(218, 228, 256, 204, k.c, 10), line(190, 230, 190, 300, k.l, 4)]


# --- lighting --------------------------------------------------------------------

@drawing("floor_lamp")
def draw_floor_lamp(k):
    shade_col = "#efe7d8" if k.kind in ("textile", "wood", "rattan") else k.c
    if k.v % 2:
        return [floor(80), ellipse(300, 330, 60, 10, "#fff6d6"), rect(130, 312, 70, 20, k.dd, 4),
                stroke("M165 314 Q160 60 300 110", k.c, 7), path("M258 150 Q300 88 342 150 Z",
                                                                 shade_col), ellipse(300, 152, 28, 5, LIGHT)]
    return [floor(70), ellipse(200, 326, 52, 10, k.dd), line(200, 326, 200, 140, k.c, 7),
            poly([(148, 60), (252, 60), (280, 150), (120, 150)], shade_col), ellipse(200, 152, 76, 8, LIGHT)]


@drawing("table_lamp")
def draw_table_lamp(k):
    return [rect(40, 326, 320, 10, SHADOW),
            path("M172 328 Q146 262 184 220 L216 220 Q254 262 228 328 Z", k.c),
            path("M186 300 Q176 266 192 236", "none",
                 ' stroke="%s" stroke-width="5" stroke-linecap="round"' % k.l),
            rect(195, 192, 10, 30, "#b9a27a"), poly([(138, 104), (262, 104), (288, 196), (112, 196)],
                                                    "#f3ece0"),
            ellipse(200, 198, 88, 7, LIGHT)]


@drawing("pendant")
def draw_pendant(k):
    return [poly([(130, 214), (270, 214), (372, 400), (28, 400)], "#fff6d6", ' fill-opacity="0.7"'),
            rect(178, 0, 44, 8, "#9aa0a6"), line(200, 6, 200, 110, "#444", 3),
            path("M108 212 Q108 112 200 112 Q292 112 292 212 Z", k.c), ellipse(200, 212, 92, 12, k.dd),
            circle(200, 216, 14, LIGHT), rect(190, 104, 20, 14, k.d, 3)]


@drawing("wall_lamp")
def draw_wall_lamp(k):
    return [poly([(190, 190), (290, 190), (350, 400), (130, 400)], "#fff6d6", ' fill-opacity="0.7"'),
            rect(70, 150, 26, 74, k.d, 5), stroke("M96 186 L180 186 L236 132", k.c, 7),
            poly([(206, 116), (266, 116), (292, 190), (180, 190)], k.c), ellipse(236, 191, 56, 7, LIGHT)]


@drawing("bulb")
def draw_bulb(k):
    return [path("M200 56 C276 56 294 150 242 200 L236 240 L164 240 L158 200 C106 150 124 56 200 56 Z", k.c,
                 ' stroke="#e6d49a" stroke-width="3"'),
            stroke("M182 232 L182 160 L191 146 L200 160 L209 146 L218 160 L218 232", "#e0a526", 3),
            stroke("M156 116 Q160 86 184 74", "#ffffff", 7), rect(164, 240, 72, 14, "#c9ccd0",
                                                                  3), rect(168, 254, 64, 12, "#aeb3b8", 3),
            rect(168, 266, 64, 12, "#c9ccd0", 3), rect(172, 278, 56, 10, "#aeb3b8", 3),
            path("M182 288 L218 288 L208 306 L192 306 Z", "#4a4a4c"), floor(60, cy=320)]


# --- textiles --------------------------------------------------------------------

CUSHION = "M100 110 Q200 130 300 110 Q280 205 300 300 Q200 280 100 300 Q120 205 100 110 Z"


def _pattern(k, x0, y0, x1, y1):
    """A simple textile pattern inside a box: plain, stripes, dots or a diamond."""
    p = k.v % 4
    if p == 1:
        return [rect(x0, y, x1 - x0, 10, k.l) for y in range(int(y0) + 8, int(y1) - 8, 28)]
    if p == 2:
        return [circle(x, y, 5, k.l) for y in range(int(y0) + 14, int(y1) - 8,
                                                    26) for x in range(int(x0) + 14, int(x1) - 8, 26)]
    if p == 3:
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        w, h = (x1 - x0) / 2, (y1 - y0) / 2
        return [poly([(cx, cy - h), (cx + w, cy), (cx, cy + h), (cx - w, cy)], k.l),
                poly([(cx, cy - h / 2), (cx + w / 2, cy), (cx, cy + h / 2), (cx - w / 2, cy)], k.d)]
    return []


@drawing("cushion")
def draw_cushion(k):
    return [floor(120, cy=312), path(CUSHION, k.c)] + _pattern(k, 130, 140, 270, 270) + \
        [path(CUSHION, "none", ' stroke="%s" stroke-width="4"' % k.d)]


@drawing("cushion_cover")
def draw_cushion_cover(k):
    return draw_cushion(k) + [line(140, 282, 260, 282, "#8a8a8a", 3, ' stroke-dasharray="4 3"'),
                              rect(256, 276, 10, 12, "#8a8a8a", 2)]


@drawing("pillow")
def draw_pillow(k):
    return [floor(150, cy=312), rect(70, 170, 260, 132, LINEN, 52, ' stroke="#d9d3c8" stroke-width="4"'),
            rect(86, 184, 228, 104, "none", 44, ' stroke="#e8e3da" stroke-width="3"'), ellipse(160, 210, 40,
                                                                                               12, "#ffffff")]


@drawing("throw")
def draw_throw(k):
    s = [floor(130, cy=318), rect(90, 250, 220, 62, k.d, 12), rect(90, 196, 220, 60, k.c, 12),
         rect(90, 142, 220, 60, k.l, 12)]
    s.append(lines([(x, 146, x, 308) for x in range(120, 300, 36)], k.dd, 3, ' stroke-opacity="0.5"'))
    s.append(lines([(310, y, 322, y + 2) for y in range(150, 306, 8)], k.d, 3))
    return s


@drawing("bedding")
def draw_bedding(k):
    s = [floor(140, cy=318), rect(80, 200, 240, 112, k.c, 10)] + _pattern(k, 90, 206, 310, 306)
    s += [line(84, 256, 316, 256, k.d, 3), rect(118, 150, 172, 58, k.l, 14),
          rect(118, 150, 172, 58, "none", 14, ' stroke="%s" stroke-width="3"' % k.d)]
    return s


@drawing("duvet")
def draw_duvet(k):
    s = [floor(160, cy=318), rect(70, 164, 260, 146, LINEN, 34, ' stroke="#d9d3c8" stroke-width="4"')]
    s += [line(x, 176, x, 298, "#e2ddd3", 3) for x in (157, 243)] + [line(82, 237, 318, 237, "#e2ddd3", 3)]
    return s


@drawing("curtains")
def draw_curtains(k):
    s = [rect(140, 80, 120, 230, "#dbe8ee"), line(200, 80, 200, 310, "#f7f7f4", 6),
         line(140, 190, 260, 190, "#f7f7f4", 6),
         line(50, 62, 350, 62, "#6b5a45", 6), circle(48, 62, 8, "#6b5a45"), circle(352, 62, 8, "#6b5a45")]
    for i in range(5):
        s.append(rect(66 + i * 22, 66, 23, 270, k.c if i % 2 == 0 else k.d))
        s.append(rect(224 + i * 22, 66, 23, 270, k.c if i % 2 == 0 else k.d))
    return s


@drawing("towels")
def draw_towels(k):
    s = [floor(130, cy=318)]
    for i, (y, col) in enumerate(((250, k.d), (196, k.c), (142, k.l))):
        s += [rect(96, y, 208, 58, col, 16), rect(96, y + 40, 208, 6, tint(col, 0.5)),
              rect(96, y + 6, 208, 6, shade(col, 0.92))]
    return s


@drawing("shower_curtain")
def draw_shower_curtain(k):
    bottom = " ".join("Q%d 334 %d 322" % (x - 10, x - 20) for x in range(320, 80, -20))
    s = [line(70, 58, 330, 58, "#9aa0a6", 6), path("M80 70 L320 70 L320 322 " + bottom + " Z", k.c)]
    s += [circle(x, 64, 7, "none", ' stroke="#9aa0a6" stroke-width="3"') for x in range(92, 320, 26)]
    if k.v % 2:
        s += [rect(x, 72, 12, 248, k.l) for x in range(100, 310, 40)]
    else:
        s.append(boxes([(x - 5, y - 5, 10, 10) for y in range(100, 310, 36) for x in range(106, 310, 36)],
                       k.l))
    return s


# --- rugs --------------------------------------------------------------------------

def _band(x0f, x1f, x0b, x1b, yf, yb, t0, t1, fill):
    """A band of a trapezoid (floor in perspective) between depths t0 and t1."""
    return poly([(lerp(x0f, x0b, t0), lerp(yf, yb, t0)), (lerp(x1f, x1b, t0), lerp(yf, yb, t0)),
                 (lerp(x1f, x1b, t1), lerp(yf, yb, t1)), (lerp(x0f, x0b, t1), lerp(yf, yb, t1))], fill)


@drawing("rug")
def draw_rug(k):
    s = [poly([(40, 320), (360, 320), (310, 170), (90, 170)], k.c),
         poly([(66, 308), (334, 308), (292, 182), (108, 182)], k.l),
         poly([(86, 298), (314, 298), (278, 192), (122, 192)], k.c),
         poly([(200, 206), (262, 245), (200, 286), (138, 245)],
              k.d), poly([(200, 226), (230, 245), (200, 266), (170, 245)], k.l)]
    s.append(lines([(x, 321, x, 330) for x in range(46, 356, 8)], k.d, 2))
    return s


@drawing("rug_flat")
def draw_rug_flat(k):
    cols = [k.c, k.l, k.d, k.l]
    s = [_band(40, 360, 90, 310, 320, 170, i / 9.0, (i + 1) / 9.0, cols[i % 4]) for i in range(9)]
    s.append(lines([(x, 321, x, 332) for x in range(46, 356, 8)], k.d, 2))
    return s


@drawing("runner")
def draw_runner(k):
    s = [_band(136, 264, 176, 224, 334, 90, i / 8.0, (i + 1) / 8.0, (k.c, k.l)[i % 2]) for i in range(8)]
    s.append(line(136, 334, 264, 334, k.d, 4))
    return s


@drawing("door_mat")
def draw_door_mat(k):
    return [poly([(84, 320), (316, 320), (288, 232), (112, 232)], k.dd),
            poly([(100, 312), (300, 312), (276, 240), (124, 240)], k.c)] + \
           [line(lerp(104, 128, t), lerp(308, 244, t), lerp(296, 272, t), lerp(308, 244, t), k.d,
                 2) for t in (0.25, 0.5, 0.75)]


@drawing("bath_mat")
def draw_bath_mat(k):
    s = [path("M110 232 L290 232 Q306 232 310 248 L326 304 Q330 320 312 320 L88 320 Q70 320 74 304 "
              "L90 248 Q94 232 110 232 Z", k.c)]
    s += [circle(lerp(100, 120, 1 - (y - 244) / 70.0) + j * 24 + 10, y, 4, k.l)
          for y in (252, 276, 302) for j in range(8)]
    return s


# --- bathroom ------------------------------------------------------------------------

@drawing("wash_stand")
def draw_wash_stand(k):
    return [rect(126, 36, 148, 112, GLASS, 6, ' stroke="%s" stroke-width="6"' % k.d),
            line(150, 120, 190, 60, "#ffffff", 5),
            floor(110, cy=332), rect(96, 178, 208, 22, LINEN, 5), ellipse(200, 183, 60, 6, "#d9dde0"),
            rect(196, 156, 8, 24, "#9aa0a6", 3), rect(196, 156, 26, 7, "#9aa0a6", 3),
            rect(104, 200, 192, 110, k.dd), rect(108, 204, 184, 48, k.c, 2), rect(108, 256, 184, 50, k.c, 2),
            rect(178, 224, 44, 5, k.h, 2), rect(178, 278, 44, 5, k.h, 2)]


@drawing("mirror_cabinet")
def draw_mirror_cabinet(k):
    return [rect(90, 64, 220, 194, k.dd, 4), rect(96, 70, 102, 180, GLASS), rect(202, 70, 102, 180, GLASS),
            line(114, 150, 160, 96, "#ffffff", 5), line(220, 160, 262, 110, "#ffffff", 5),
            line(226, 196, 286, 126, "#ffffff", 3),
            rect(96, 254, 208, 6, LIGHT), rect(110, 306, 180, 14, LINEN, 4), rect(178, 282, 18, 24,
                                                                                  BRIGHTS[7], 4),
            line(184, 282, 180, 266, "#f2c14e", 3), line(190, 282, 194, 268, "#c0392b", 3)]


# --- cookware ------------------------------------------------------------------------

def _inner(k):
    return "#3b3b3d" if k.kind == "cookware" and k.c != COLOURS["steel"]["hex"] else k.d


@drawing("pan")
def draw_pan(k):
    handle = "#2b2b2d" if k.kind == "cookware" else k.dd
    return [floor(130, cy=300, cx=200, ry=14), ellipse(180, 246, 112, 54, k.dd),
            ellipse(180, 238, 112, 52, k.c),
            ellipse(180, 240, 98, 43, _inner(k)), line(288, 224, 378, 190, handle, 18), circle(366, 195, 5,
                                                                                               BACKGROUND)]


@drawing("saucepan")
def draw_saucepan(k):
    return [floor(120, cy=312), line(276, 206, 372, 178, "#2b2b2d" if k.kind == "cookware" else k.dd, 14),
            ellipse(190, 298, 84, 16, k.d), rect(106, 190, 168, 108, k.c), line(120, 200, 120, 292, k.l, 6),
            ellipse(190, 190, 84, 17, k.l), ellipse(190, 184, 88, 18, k.d), ellipse(190, 180, 70, 12, k.l),
            rect(178, 158, 24, 16, "#333", 5)]


@drawing("pot")
def draw_pot(k):
    return [floor(130, cy=318), rect(74, 204, 30, 14, k.dd, 7), rect(296, 204, 30, 14, k.dd, 7),
            ellipse(200, 306, 100, 18, k.d),
            rect(100, 190, 200, 116, k.c), line(116, 204, 116, 296, k.l, 7), ellipse(200, 190, 100, 18, k.l),
            path("M100 188 Q200 120 300 188 Z", k.d), ellipse(200, 188, 100, 14, k.dd,
                                                              ' fill-opacity="0.35"'),
            rect(186, 132, 28, 16, "#333", 6)]


@drawing("mug")
def draw_mug(k):
    return [floor(90, cy=312, cx=205), stroke("M250 200 C306 200 306 286 250 286", k.c, 16),
            ellipse(195, 306, 58, 12, k.d), rect(137, 170, 116, 136, k.c), line(152, 186, 152, 292, k.l, 7),
            ellipse(195, 170, 58, 12, k.l), ellipse(195, 172, 50, 9, "#5a3b2a"),
            stroke("M178 150 Q168 130 180 114 Q192 98 182 80", "#d8d2c8",
                   6), stroke("M212 150 Q202 130 214 114 Q226 98 216 80", "#d8d2c8", 6)]


@drawing("plate")
def draw_plate(k):
    n = 1 if k.v % 2 else 3
    s = [floor(150, cy=296)]
    for i in range(n):
        y = 270 - 10 * i
        s += [ellipse(200, y + 6, 150, 44, k.d), ellipse(200, y, 150, 44, k.c)]
    y = 270 - 10 * (n - 1)
    s += [ellipse(200, y + 2, 96, 26, k.d), ellipse(200, y + 4, 94, 24, k.l)]
    return s


@drawing("bowl")
def draw_bowl(k):
    return [floor(110, cy=312), path("M96 200 Q100 312 200 312 Q300 312 304 200 Z", k.c),
            stroke("M122 228 Q130 280 170 296", k.l, 6), ellipse(200, 200, 104, 22,
                                                                 k.l), ellipse(200, 204, 92, 16, k.d),
            circle(178, 196, 14, "#c0392b"), circle(206, 192, 14, "#f2c14e"), circle(228, 200, 12, "#4f8a4c")]


@drawing("glass")
def draw_glass(k):
    return [floor(70, cy=316), poly([(148, 120), (252, 120), (240, 314), (160, 314)], k.c,
                                    ' fill-opacity="0.6" stroke="%s" stroke-width="3"' % k.dd),
            poly([(153, 196), (247, 196), (240, 310), (160, 310)], "#a8d3e6", ' fill-opacity="0.7"'),
            ellipse(200, 120, 52, 9, "none", ' stroke="%s" stroke-width="3"' % k.dd),
            line(168, 140, 174, 296, "#ffffff", 6, ' stroke-opacity="0.8"')]


@drawing("knife")
def draw_knife(k):
    handle = k.c
    return [floor(150, cy=300), '<g transform="rotate(-18 200 230)">',
            path("M36 228 Q140 196 264 200 L264 248 L98 248 Q48 246 36 228 Z", "#cdd2d6"),
            line(60, 240, 262, 244, "#e9ecee", 3), rect(260, 198, 12, 52, "#9aa0a6", 3), rect(270, 200, 112,
                                                                                              48, handle, 16),
            circle(300, 224, 5, "#cfd3d6"), circle(330, 224, 5, "#cfd3d6"), circle(358, 224, 5,
                                                                                   "#cfd3d6"), "</g>"]


@drawing("board")
def draw_board(k):
    return [floor(160, cy=318), rect(62, 158, 268, 166, k.d, 28), rect(62, 150, 268, 166, k.c, 28),
            rect(300, 206, 70, 50, k.c, 25), circle(346, 231, 10, BACKGROUND),
            stroke("M90 190 Q180 176 290 194", k.d, 3), stroke("M84 240 Q190 226 300 244", k.d,
                                                               3), stroke("M92 288 Q170 274 280 290", k.d, 3),
            circle(150, 232, 20, "#c0392b"), circle(150, 232, 13, "#e86b5c"), circle(196, 244, 20,
                                                                                     "#c0392b"), circle(196, 244, 13, "#e86b5c")]


@drawing("jar")
def draw_jar(k):
    content = ("#e8c06a", "#5a3b2a", "#f3efe6", "#b5651d")[k.v]
    return [floor(90, cy=322), rect(134, 150, 132, 172, "#dcecf1", 22, ' stroke="#b7ccd4" stroke-width="3"'),
            rect(141, 208, 118, 106, content, 16), rect(128, 120, 144, 36, k.c, 8), rect(128, 146, 144, 6,
                                                                                         k.d),
            line(152, 170, 152, 300, "#ffffff", 6, ' stroke-opacity="0.8"')]


@drawing("teapot")
def draw_teapot(k):
    return [floor(120, cy=318), path("M132 256 Q92 246 78 192 L96 186 Q110 226 140 230 Z", k.c),
            stroke("M282 204 C334 204 334 284 276 290", k.c, 14), ellipse(205, 250, 90, 70, k.c),
            stroke("M150 230 Q150 276 180 300", k.l, 8), ellipse(205, 186, 48, 12, k.d), circle(205, 170, 10,
                                                                                                k.d),
            rect(120, 262, 170, 8, k.d, 4)]


# --- decoration ----------------------------------------------------------------------

@drawing("frame")
def draw_frame(k):
    if k.v % 2:
        x, y, w, h = 70, 96, 260, 190
    else:
        x, y, w, h = 116, 56, 168, 236
    m = 16
    px, py, pw, ph = x + m + 18, y + m + 18, w - 2 * m - 36, h - 2 * m - 36
    return [rect(x + 6, y + 8, w, h, SHADOW), rect(x, y, w, h, k.c),
            rect(x + m, y + m, w - 2 * m, h - 2 * m, LINEN),
            rect(px, py, pw, ph, "#cfe0ea"),
            poly([(px, py + ph), (px + pw * 0.35, py + ph * 0.45), (px + pw * 0.6, py + ph * 0.75),
                  (px + pw * 0.78, py + ph * 0.55),
                  (px + pw, py + ph * 0.8), (px + pw, py + ph)], "#6f8f6a"),
            circle(px + pw * 0.75, py + ph * 0.25, min(pw, ph) * 0.1, "#f2c14e")]


@drawing("mirror")
def draw_mirror(k):
    if k.v % 2:
        return [floor(90, cy=336), rect(130, 26, 140, 306, k.c, 70), rect(142, 38, 116, 282, GLASS, 58),
                line(170, 140, 220, 80, "#ffffff", 6), line(176, 190, 236, 118, "#ffffff", 4)]
    return [circle(206, 196, 130, SHADOW), circle(200, 190, 130, k.c), circle(200, 190, 114, GLASS),
            line(140, 190, 210, 110, "#ffffff", 7), line(160, 230, 250, 128, "#ffffff", 5)]


@drawing("vase")
def draw_vase(k):
    extra = ' fill-opacity="0.65"' if k.c == COLOURS["clear"]["hex"] else ""
    return [floor(80, cy=324), line(200, 170, 150, 80, "#5b8a4f", 4), line(200, 170, 204, 52, "#5b8a4f", 4),
            line(200, 170, 252, 86, "#5b8a4f", 4), circle(150, 78, 16, "#f2c14e"), circle(204, 50, 16,
                                                                                          "#e8a6b4"),
            circle(252, 84, 16, "#f7f3e8"), circle(150, 78, 6, "#c98b2c"), circle(204, 50, 6,
                                                                                  "#c0392b"), circle(252, 84, 6, "#f2c14e"),
            ellipse(176, 124, 8, 18, "#5b8a4f", ' transform="rotate(-40 176 124)"'),
            path("M172 322 Q128 262 160 204 Q172 184 178 160 L222 160 Q228 184 240 204 Q272 262 228 322 Z",
                 k.c, extra),
            stroke("M166 290 Q150 256 168 216", k.l, 6)]


@drawing("plant_pot")
def draw_plant_pot(k):
    s = [floor(90, cy=322)]
    s += [ellipse(200, 140, 20, 64, LEAVES[i % 4], ' transform="rotate(%d 200 212)"' % a)
          for i, a in enumerate((-64, -34, -8, 18, 44, 70))]
    s += [poly([(138, 212), (262, 212), (246, 322), (154, 322)], k.c), rect(130, 200, 140, 22, k.d, 4),
          line(152, 230, 160, 310, k.l, 5)]
    return s


@drawing("candle")
def draw_candle(k):
    s = [circle(200, 112, 64, "#fff6d6"), rect(176, 134, 48, 128, "#f7f3e8", 4),
         line(200, 134, 200, 124, "#333", 2),
         path("M200 90 Q216 114 200 130 Q184 114 200 90 Z",
              "#f5a623"), path("M200 104 Q208 118 200 128 Q192 118 200 104 Z", "#ffd866")]
    if k.c == COLOURS["clear"]["hex"]:
        s = [floor(90, cy=324)] + s + [rect(150, 200, 100, 120, k.c, 10,
                                            ' fill-opacity="0.6" stroke="#b7ccd4" stroke-width="3"')]
    else:
        s = [floor(100, cy=324)] + s + [path("M150 258 L250 258 L238 304 L162 304 Z", k.c),
                                        ellipse(200, 310, 84, 14, k.d),
                                        ellipse(200, 258, 50, 8, k.l)]
    return s


@drawing("plant")
def draw_plant(k):
    s = [floor(90, cy=324), line(200, 250, 170, 110, "#5b7a45", 5), line(200, 250, 236, 90, "#5b7a45", 5),
         line(200, 250, 204, 60, "#5b7a45", 5)]
    for i, (x, y, a) in enumerate(((150, 150, -40), (250, 130, 40), (176, 96, -20), (228, 76, 25),
                                   (204, 48, 0),
                                   (140, 200, -60), (262, 190, 60), (190, 150, -10))):
        s.append(ellipse(x, y, 20, 34, (k.c, k.d, k.l)[i % 3], ' transform="rotate(%d %d %d)"' % (a, x, y)))
    s += [poly([(150, 244), (250, 244), (238, 322), (162, 322)], "#e8e4dc"),
          rect(144, 236, 112, 16, "#d6d1c8", 4)]
    return s


@drawing("clock")
def draw_clock(k):
    import math
    s = [circle(206, 196, 130, SHADOW), circle(200, 190, 130, k.c), circle(200, 190, 112, LINEN)]
    for i in range(12):
        a = math.radians(i * 30)
        r0 = 92 if i % 3 else 84
        s.append(line(200 + r0 * math.sin(a), 190 - r0 * math.cos(a), 200 + 102 * math.sin(a),
                      190 - 102 * math.cos(a),
                      "#2d2d2f", 6 if i % 3 == 0 else 3))
    s += [line(200, 190, 200, 120, "#2d2d2f", 8), line(200, 190, 254, 222, "#2d2d2f", 6),
          line(200, 190, 150, 250, "#c0392b", 2),
          circle(200, 190, 8, "#2d2d2f")]
    return s


# --- children ----------------------------------------------------------------------------

@drawing("kids_set")
def draw_kids_set(k):
    top = "#e0bd85"
    s = [floor(170)]
    for cx, back in ((80, 60), (320, 330)):
        s += [rect(back - 5, 176, 14, 158, k.c, 5),
              rect(min(back, cx + (cx - back)) - 4, 246, 70, 12, k.c, 4),
              rect(cx + (cx - back) - 4, 258, 10, 76, k.c), rect(back - 4, 190, 14, 40, k.l, 5)]
    s += [rect(140, 232, 10, 100, k.d), rect(250, 232, 10, 100, k.d), rect(124, 220, 152, 14, top, 4),
          rect(150, 208, 60, 12, "#ffffff"), rect(222, 210, 30, 6, BRIGHTS[0], 3), rect(226, 202, 30, 6,
                                                                                        BRIGHTS[1], 3)]
    return s


@drawing("teddy")
def draw_teddy(k):
    return [floor(110, cy=334), ellipse(150, 318, 34, 20, k.c), ellipse(250, 318, 34, 20, k.c),
            ellipse(200, 252, 72, 78, k.c),
            ellipse(124, 234, 24, 46, k.d, ' transform="rotate(25 124 234)"'),
            ellipse(276, 234, 24, 46, k.d, ' transform="rotate(-25 276 234)"'),
            ellipse(200, 262, 42, 48, k.l), circle(152, 96, 26, k.c), circle(248, 96, 26,
                                                                             k.c), circle(152, 96, 13, k.l),
            circle(248, 96, 13, k.l), circle(200, 140, 58, k.c), ellipse(200, 160, 26, 19,
                                                                         k.l), ellipse(200, 152, 10, 7,
                                                                                       "#3a2a22"),
            circle(178, 128, 6, "#3a2a22"), circle(222, 128, 6,
                                                   "#3a2a22"), stroke("M192 168 Q200 176 208 168", "#3a2a22",
                                                                      3)]


# --- composition -------------------------------------------------------------------------

ROOM_WALLS = ["#e9e4da", "#dfe6e3", "#ece2d8", "#e3e2ea"]
ROOM_FLOORS = ["#d7c2a0", "#c9c3ba", "#bfa27c", "#d9d4cc"]


def svg_document(elements, room=None):
    """Wrap drawing elements in a complete SVG 1.1 document (a room view if room is a variant number)."""
    xlink = ' xmlns:xlink="http://www.w3.org/1999/xlink"' if any("xlink:" in e for e in elements) else ""
    head = ('<svg xmlns="http://www.w3.org/2000/svg"%s version="1.1" width="400" height="400" viewBox="0 0 400 400">'
            % xlink)
    if room is None:
        return head + rect(0, 0, 400, 400, BACKGROUND) + "".join(elements) + "</svg>\n"
    wall, fl = ROOM_WALLS[room % 4], ROOM_FLOORS[room % 4]
    scene = [rect(0, 0, 400, 400, wall), rect(0, 318, 400, 82, fl), rect(0, 312, 400, 8, LINEN),
             rect(20, 40, 70, 110, LINEN), rect(26, 46, 58, 98, "#cfe2ec"), line(55, 46, 55, 144, LINEN, 4),
             line(26, 95, 84, 95, LINEN, 4)]
    return (head + "".join(scene) + '<g transform="translate(80 86) scale(0.7)">' + "".join(elements)
            + "</g></svg>\n")


def draw_product(draw_key, main_hex, accent_hex, variant, seed, kind="", room=None):
    """The SVG text of one product illustration."""
    look = Look(main_hex, accent_hex, variant, seed, kind)
    return svg_document(DRAW[draw_key](look), room)


# ---------------------------------------------------------------------------
# Catalog assembly
# ---------------------------------------------------------------------------

NATURAL_OK = {"linen", "cotton", "jute", "wool", "bamboo", "rattan"}
STAIN_OK = {"oak_veneer", "birch_veneer", "ash_veneer", "melamine", "solid_pine", "solid_oak", "solid_beech"}


def colour_fits(col_key, mat_key):
    """Whether a colour makes sense for a material (no 'oak effect' velvet)."""
    care = MATERIALS[mat_key]["care"]
    if col_key == "natural":
        return care in ("wood", "oiled", "rattan") or mat_key in NATURAL_OK
    if col_key in ("white_stained", "black_brown"):
        return mat_key in STAIN_OK
    if col_key == "steel":
        return mat_key == "stainless"
    return True


def drawing_colours(col_key, mat_key, variant):
    """(main, accent) fills for a product's drawing."""
    col = COLOURS[col_key]
    mat = MATERIALS[mat_key]
    main = col["hex"]
    if col_key == "natural" and mat["tone"]:
        main = mat["tone"]
    if mat["care"] == "metal":
        accent = main if col_key not in ("white", "clear") else "#3a3a3c"
    elif mat["tone"] and mat["care"] in ("wood", "oiled", "rattan", "board"):
        accent = mat["tone"] if mat_key != "melamine" else ("#c99d66" if variant % 2 else "#3a3a3c")
    else:
        accent = ("#3a2d25", "#c99d66", "#2d2d2f", "#b08457")[variant]
    return main, accent


def make_packages(rng, ptype, template, weight, dims):
    """Packages from a template such as 'frame:55 doors:30 shelves:15'."""
    parts = [(k, int(v)) for k, v in (p.split(":") for p in template.split())]
    longest = max(dims.values())
    middle = sorted(dims.values())[1]
    packages, left = [], weight
    for i, (key, share) in enumerate(parts):
        w = left if i == len(parts) - 1 else max(100, round_to(weight * share / 100.0, 100))
        left -= w
        pkg = {"number": i + 1, "label": dict(PACKAGE_LABELS[key]), "weight": w}
        if key != "fittings" and rng.random() < 0.85:
            pkg["dimensions"] = {
                "width": min(2600, round_to(longest * rng.uniform(0.55, 1.0) + 40, 10)),
                "depth": min(1200, round_to(middle * rng.uniform(0.4, 0.9) + 30, 10)),
                "height": round_to(40 + 3.0 * share * rng.uniform(0.8, 1.4), 10),
            }
        packages.append(pkg)
    return packages


def plan_series(rng):
    """Group products into series: a line name, a few types, materials, colours and sizes."""
    names = [n for n in ALL_LINES if n != "CUSCÌNO"]
    rng.shuffle(names)
    names.insert(0, "CUSCÌNO")  # the first sofas series: pouffe and footstool
    plan = []
    for cat in CATEGORIES:
        types = [t for t in TYPES if t["cat"] == cat["id"]]
        uncovered = list(types)
        rng.shuffle(uncovered)
        if cat["id"] == "sofas":
            uncovered.sort(key=lambda t: t["key"] in ("pouffe", "footstool"))
        count = 0
        while count < cat["count"]:
            line = names.pop(0)
            n_types = rng.choice((1, 2, 2, 3)) if line != "CUSCÌNO" else 2
            chosen = []
            while uncovered and len(chosen) < n_types:
                chosen.append(uncovered.pop())
            while len(chosen) < n_types:
                t = rng.choices(types, weights=[t["weight"] for t in types])[0]
                if t not in chosen:
                    chosen.append(t)
            pref = rng.choice(sorted({m for t in chosen for m in t["mats"]}))
            series = {"line": line, "types": [t["key"] for t in chosen], "colours": set(), "items": []}
            for t in chosen:
                mats = [pref] if pref in t["mats"] else list(t["mats"])
                rng.shuffle(mats)
                mat, cols = None, []
                for mat in mats + list(t["mats"]):
                    cols = [c for c in t["cols"] if colour_fits(c, mat)]
                    if cols:
                        break
                rng.shuffle(cols)
                cheap = t["price"][1] < 80
                cols = cols[:rng.choice((1, 2, 3) if cheap else (1, 1, 2))]
                sizes = [None]
                if t["sizes"]:
                    n = rng.randint(1, min(3, len(t["sizes"])))
                    start = rng.randint(0, len(t["sizes"]) - n)
                    sizes = t["sizes"][start:start + n]
                for col in cols:
                    for size in sizes:
                        if count >= cat["count"] or len(series["items"]) >= 7:
                            break
                        series["items"].append((t, mat, col, size))
                        series["colours"].add(col)
                        count += 1
            plan.append(series)
    return plan


def build_catalog(rng):
    """The catalog document and, per product, what the stock and images need to know."""
    plan = plan_series(rng)
    total = sum(len(s["items"]) for s in plan)
    ids = [str(i) for i in rng.sample(range(10000000, 100000000), total)]
    products, extras = [], []
    for series in plan:
        for t, mat, col, size in series["items"]:
            pid = ids.pop()
            factor = size[2] if size else 1.0
            dims = pick_dimensions(rng, t, size)
            weight = pick_weight(rng, t, factor)
            lo, hi = t["price"]
            price = shop_price(rng, rng.uniform(lo, hi) * factor)
            fulfillment = rng.choices(("self-serve", "full-serve", "online-only"), weights=t["ful"])[0]
            if fulfillment == "self-serve" and weight > 40000 and rng.random() < 0.5:
                fulfillment = "full-serve"  # heavy articles mostly come from the full-serve desk
            packages = []
            if t["packs"] and ((fulfillment == "self-serve" and rng.random() < t["pmulti"]) or
                               (fulfillment == "full-serve" and rng.random() < 0.5)):
                packages = make_packages(rng, t, rng.choice(t["packs"]), weight, dims)
            elif t["flat"] and fulfillment == "self-serve" and rng.random() < 0.5:
                packages = [{"number": 1, "label": loc("Package", "Collo", "Paket", "Bulto"),
                             "weight": weight,
                             "dimensions": {"width": round_to(max(dims.values()) + 40, 10),
                                            "depth": round_to(sorted(dims.values())[1] * 0.6 + 30, 10),
                                            "height": round_to(rng.uniform(80, 220), 10)}}]
            variant = rng.randint(0, 3)
            images = ["images/%s.svg" % pid]
            if rng.random() < 0.12:
                images.append("images/%s-2.svg" % pid)
            product = {
                "id": pid,
                "article": article_number(pid),
                "gtin": make_gtin(rng, pid),
                "category": t["cat"],
                "name": product_name(series["line"], t),
                "short": product_short(t, mat, col, size[0] if size else None),
                "description": product_description(rng, t, series["line"], mat, col, fulfillment,
                                                   max(1, len(packages)), series),
                "price": {"amount": price, "currency": CURRENCY},
                "images": images,
                "dimensions": dims,
                "weight": weight,
                "fulfillment": fulfillment,
            }
            if packages:
                product["packages"] = packages
            product["url"] = SHOP_URL + "p/" + product["article"]
            products.append(product)
            main, accent = drawing_colours(col, mat, variant)
            extras.append({"type": t, "material": mat, "colour": col, "main": main, "accent": accent,
                           "variant": variant})
    # A few articles without a barcode: gtin is optional.
    for i in rng.sample(range(len(products)), 3):
        del products[i]["gtin"]
    catalog = {
        "format": "aisle-store-feed",
        "format_version": 1,
        "catalog_version": CATALOG_VERSION,
        "generated_at": rfc3339(REFERENCE_TIME),
        "shop_name": SHOP_NAME,
        "shop_url": SHOP_URL,
        "currency": CURRENCY,
        "stores": STORES,
        "categories": [{"id": c["id"], "name": dict(c["name"]), "icon": c["icon"], "position": i + 1}
                       for i, c in enumerate(CATEGORIES)],
        "products": products,
    }
    return catalog, extras


# ---------------------------------------------------------------------------
# Stock
# ---------------------------------------------------------------------------

SMALL_CATEGORIES = {"textiles", "cookware", "decoration", "lighting", "bathroom"}


def rfc3339(moment):
    return moment.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def store_layout(rng):
    """Which self-serve aisles (1-40) hold which category in one store."""
    aisles = list(range(1, 41))
    rng.shuffle(aisles)
    layout = {}
    for i, cat in enumerate(CATEGORIES):
        start = aisles[i]
        layout[cat["id"]] = [((start - 1 + j) % 40) + 1 for j in range(3)]
    return layout


def shelf_label(rng, store_id, small):
    if store_id == "muenchen" and small:
        return "%s%02d" % (rng.choice("ABCDEFGH"), rng.randint(1, 30))
    return "%02d" % rng.randint(1, 30)


def restock_date(rng, published, first, last):
    return (published + datetime.timedelta(days=rng.randint(first, last))).strftime("%Y-%m-%d")


def stock_age(rng):
    r = rng.random()
    if r < 0.55:
        return datetime.timedelta(minutes=rng.randint(2, 90))
    if r < 0.85:
        return datetime.timedelta(hours=rng.randint(2, 23), minutes=rng.randint(0, 59))
    return datetime.timedelta(days=rng.randint(1, 6), hours=rng.randint(0, 23))


def build_stock(rng, catalog, store, taken):
    """The stock document of one store.  taken: product -> aisles used by the other store."""
    published = STOCK_PUBLISHED[store["id"]]
    layout = store_layout(rng)
    items = []
    for product in catalog["products"]:
        pid, ful = product["id"], product["fulfillment"]
        small = product["category"] in SMALL_CATEGORIES or product.get("weight", 0) < 3000
        r = rng.random()
        if ful == "online-only":
            if r < 0.75:
                continue
            item = {"product": pid, "level": rng.choice(("high", "low", "out"))}
        elif r < 0.06:
            continue  # no entry: "stock unknown"
        elif r < 0.14:
            item = {"product": pid}
            if rng.random() < 0.7:
                item["quantity"] = 0
            else:
                item["level"] = "out"
            if rng.random() < 0.8:
                item["restock"] = restock_date(rng, published, 1, 25)
        elif r < 0.26:
            item = {"product": pid, "level": rng.choice(("high", "high", "low"))}
            if item["level"] == "low" and rng.random() < 0.5:
                item["restock"] = restock_date(rng, published, 2, 20)
        else:
            price = product["price"]["amount"]
            if price < 3000:
                qty = rng.randint(8, 260)
            elif product.get("weight", 0) > 30000:
                qty = rng.randint(1, 24)
            else:
                qty = rng.randint(1, 70)
            item = {"product": pid, "quantity": qty}
            if rng.random() < 0.3:
                item["level"] = "high" if qty >= 10 else "low"
            if qty < 5 and rng.random() < 0.4:
                item["restock"] = restock_date(rng, published, 2, 14)
        if rng.random() < 0.92:
            item["updated_at"] = rfc3339(published - stock_age(rng))
        wants_locations = ((ful == "self-serve" and rng.random() < 0.95) or
                           (ful == "full-serve" and rng.random() < 0.04))
        if wants_locations:
            n = len(product.get("packages", [])) or 1
            home = layout[product["category"]]
            avoid = taken.get(pid, [])
            used, locations = [], []
            for number in range(1, n + 1):
                other = avoid[number - 1] if number - 1 < len(avoid) else None
                pool = home if number == 1 else list(range(1, 41))
                choices = [a for a in pool if a not in used and a != other] or \
                          [a for a in range(1, 41) if a not in used and a != other]
                aisle = rng.choice(choices)
                used.append(aisle)
                locations.append({"package": number, "aisle": str(aisle),
                                  "shelf": shelf_label(rng, store["id"], small)})
            taken.setdefault(pid, used)
            item["locations"] = locations
        items.append(item)
    return {
        "format": "aisle-store-stock",
        "format_version": 1,
        "store": store["id"],
        "updated_at": rfc3339(published),
        "items": items,
    }


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------


def dump_json(obj):
    return json.dumps(obj, ensure_ascii=False, indent=1) + "\n"


def write_text(path_, text):
    os.makedirs(os.path.dirname(path_), exist_ok=True)
    with open(path_, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def check(catalog, stocks):
    """Sanity checks of the generated feed; returns a summary dictionary."""
    products = catalog["products"]
    ids = {p["id"] for p in products}
    assert len(ids) == len(products), "duplicate product ids"
    assert len({p["article"] for p in products}) == len(products)
    gtins = [p["gtin"] for p in products if "gtin" in p]
    assert len(set(gtins)) == len(gtins) and all(gtin_is_valid(g) for g in gtins), "bad GTIN"
    for stock in stocks:
        for item in stock["items"]:
            assert item["product"] in ids, "stock for unknown product"
    names = [" ".join(p["name"].values()) for p in products]
    germanic = sum(1 for n in names if any(ch in n.lower() for ch in "öäüß"))
    romance = sum(1 for n in names if any(ch in n.lower() for ch in "àèìòùéñ"))
    assert germanic >= 10 and romance >= 10, (germanic, romance)
    assert any(re.search(r"\bMöbel",
                         p["name"]["de"]) for p in products), "no German name starting a word with Möbel"
    assert any("CUSCÌNO" in p["name"]["it"] for p in products)
    for p in products:
        for lang in LANGS:
            assert len(p["name"][lang]) <= 200 and len(p["short"][lang]) <= 200
            assert len(p["description"][lang]) <= 4000
            text = p["description"][lang] + p["name"][lang] + p["short"][lang]
            assert "{" not in text, text
    multi = [p for p in products if p["fulfillment"] == "self-serve" and len(p.get("packages", [])) > 1]
    counts = {}
    for p in products:
        counts[p["fulfillment"]] = counts.get(p["fulfillment"], 0) + 1
    return {"products": len(products), "categories": len(catalog["categories"]),
            "packages": sum(len(p.get("packages", [])) for p in products),
            "self_serve_multi_package": len(multi), "fulfillment": counts,
            "names_with_oauess": germanic, "names_with_grave_acute_tilde": romance}


def generate(output):
    rng = random.Random(SEED)
    catalog, extras = build_catalog(rng)
    stock_rng = random.Random(SEED + 1)
    taken = {}
    stocks = [build_stock(stock_rng, catalog, store, taken) for store in STORES]
    summary = check(catalog, stocks)

    write_text(os.path.join(output, "catalog.json"), dump_json(catalog))
    for store, stock in zip(STORES, stocks):
        write_text(os.path.join(output, "stock", store["id"] + ".json"), dump_json(stock))

    images_dir = os.path.join(output, "images")
    wanted = set()
    for product, extra in zip(catalog["products"], extras):
        kind = MATERIALS[extra["material"]]["care"]
        for n, image in enumerate(product["images"]):
            svg = draw_product(extra["type"]["draw"], extra["main"], extra["accent"], extra["variant"],
                               int(product["id"]), kind, room=(extra["variant"] if n else None))
            write_text(os.path.join(output, image), svg)
            wanted.add(os.path.basename(image))
    for stale in sorted(os.listdir(images_dir)):
        if stale.endswith(".svg") and stale not in wanted:
            os.remove(os.path.join(images_dir, stale))
    summary["images"] = len(wanted)
    return summary


def main(argv=None):
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description="Generate the Casa Nord demo store feed.")
    parser.add_argument("--output", default=os.path.join(repo, "data", "demo-store"),
                        help="output directory (default: data/demo-store in the repository)")
    args = parser.parse_args(argv)
    summary = generate(args.output)
    for key, value in summary.items():
        print("%s: %s" % (key, value))
    return 0


if __name__ == "__main__":
    sys.exit(main())
