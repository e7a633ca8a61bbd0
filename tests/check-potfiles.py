#!/usr/bin/env python3
"""Checks that po/POTFILES.in lists exactly the files with translatable strings, sorted."""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
listed = [l.strip() for l in (root / "po" / "POTFILES.in").read_text().splitlines()
          if l.strip() and not l.startswith("#")]

c_marker = re.compile(r'\b(_|N_|C_|NC_|ngettext|g_dngettext)\s*\(')
needed = set()
for path in sorted((root / "src").rglob("*.c")):
    if c_marker.search(path.read_text(encoding="utf-8")):
        needed.add(str(path.relative_to(root)))
for path in sorted((root / "data").rglob("*.ui")):
    if 'translatable="yes"' in path.read_text(encoding="utf-8"):
        needed.add(str(path.relative_to(root)))
for pattern in ("*.desktop.in", "*.metainfo.xml.in", "*.gschema.xml"):
    for path in (root / "data").glob(pattern):
        needed.add(str(path.relative_to(root)))

ok = True
for missing in sorted(needed - set(listed)):
    print(f"not in po/POTFILES.in: {missing}")
    ok = False
for extra in sorted(set(listed) - needed):
    if not (root / extra).exists():
        print(f"po/POTFILES.in lists a file that does not exist: {extra}")
        ok = False
if listed != sorted(listed):
    print("po/POTFILES.in is not sorted")
    ok = False

print("POTFILES.in is complete" if ok else "POTFILES.in needs updating")
sys.exit(0 if ok else 1)
