#!/usr/bin/env python3
"""No call circle between the files of src/: the object files of the layers'
libraries (given as arguments), read with nm.

A file that calls a function defined in another depends on it. Between
folders, the layered libraries already forbid a call upwards (an upper
layer's header is out of reach); inside a folder, this refuses two files
that call each other, directly or round a longer circle. (A function handed
down as a pointer, as GObject signals and callbacks do, is no call here.)
"""
import collections
import subprocess
import sys

defined = {}
needs = collections.defaultdict(set)

for lib in sys.argv[1:]:
    out = subprocess.run(["nm", lib], capture_output=True, text=True, check=True).stdout
    member = None
    for line in out.splitlines():
        if line.endswith(".o:"):
            # "…/libaisle-orders.a.p/orders_aisle-outbox.c.o:" → "aisle-outbox"
            member = line[:-1].rsplit("/", 1)[-1].split("_", 1)[-1].removesuffix(".c.o")
            continue
        parts = line.split()
        if len(parts) == 3 and parts[1] in "TDRB":
            defined[parts[2]] = member
        elif len(parts) == 2 and parts[0] == "U":
            needs[member].add(parts[1])

graph = {m: {defined[s] for s in syms if s in defined and defined[s] != m} for m, syms in needs.items()}

# Tarjan's strongly connected components: any with two files or more is a circle.
index, low, stack, on_stack, circles = {}, {}, [], set(), []


def visit(v):
    index[v] = low[v] = len(index)
    stack.append(v)
    on_stack.add(v)
    for w in graph.get(v, ()):
        if w not in index:
            visit(w)
            low[v] = min(low[v], low[w])
        elif w in on_stack:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        component = []
        while True:
            w = stack.pop()
            on_stack.discard(w)
            component.append(w)
            if w == v:
                break
        if len(component) > 1:
            circles.append(sorted(component))


sys.setrecursionlimit(10000)
for v in list(graph):
    if v not in index:
        visit(v)

for circle in circles:
    print("these files call each other: " + ", ".join(circle))
print("%d files, %d call circles" % (len(set(defined.values())), len(circles)))
sys.exit(1 if circles else 0)
