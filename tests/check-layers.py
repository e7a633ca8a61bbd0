#!/usr/bin/env python3
"""Keeps the layers of src/ honest where the build cannot.

Each folder under src/ is a static library that sees only the include
directories of the layers below it (src/meson.build), so an include of an
upper layer's header by its file name fails to compile. A path in an include
("../ui/x.h", "ui/x.h") would get round that: this check refuses any. It
also refuses a folder under src/ that is not a layer of src/meson.build
(so not a library of its own), and a source file that no meson.build names
(it would not be built into its layer), and headers that include each
other. tests/check-calls.py does the same for calls between files.
"""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
src = root / "src"
include = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
ok = True

for path in sorted(src.rglob("*.[ch]")):
    for name in include.findall(path.read_text(encoding="utf-8")):
        if "/" in name:
            print(f"{path.relative_to(root)}: includes \"{name}\" by path; include by file name")
            ok = False

named = set()
for build in src.rglob("meson.build"):
    text = build.read_text(encoding="utf-8")
    for name in re.findall(r"'([^']+\.c)'", text):
        named.add((build.parent / name).resolve())

layers = re.search(r"foreach layer : \[([^\]]*)\]", (src / "meson.build").read_text(encoding="utf-8"))
layer_names = re.findall(r"'([^']+)'", layers.group(1)) if layers else []
for folder in sorted(p for p in src.iterdir() if p.is_dir()):
    build = folder / "meson.build"
    if folder.name not in layer_names or not build.exists() or \
       "layer_sources" not in build.read_text(encoding="utf-8"):
        print(f"{folder.relative_to(root)}: not a layer of src/meson.build with its own library")
        ok = False

for path in sorted(src.rglob("*.c")):
    if path.resolve() not in named:
        print(f"{path.relative_to(root)}: not built (no meson.build names it)")
        ok = False

# No two headers include each other, however long the way round.
headers = {p.name: p for p in src.rglob("*.h")}
includes = {name: [h for h in include.findall(p.read_text(encoding="utf-8")) if h in headers]
            for name, p in headers.items()}


def find_circle(start):
    path, seen = [start], set()

    def walk(node):
        for nxt in includes[node]:
            if nxt == start:
                return path + [start]
            if nxt not in seen:
                seen.add(nxt)
                path.append(nxt)
                found = walk(nxt)
                if found:
                    return found
                path.pop()
        return None
    return walk(start)


for name in sorted(headers):
    circle = find_circle(name)
    if circle:
        print("headers include each other: " + " → ".join(circle))
        ok = False
        break

sys.exit(0 if ok else 1)
