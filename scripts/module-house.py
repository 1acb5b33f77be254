#!/usr/bin/env python3
"""The house of Foresight's code, drawn from its own imports.

Reads every crate's source (test code aside) for the module paths it names
(`crate::x`, `foresight_core::x`, `super::x`), and prints the crates and
their top-level modules floor by floor: a module stands on the floors of
everything it uses, so the arrows all point down. With `--dot` it prints a
Graphviz graph instead (`scripts/module-house.py --dot | dot -Tpng -o
house.png`).

The rules are those `tests/core/architecture.rs` checks (no module uses a
sibling that uses it back); this script only draws the result.
"""

import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
CRATES = [
    ("core", "foresight_core", "crates/core/src"),
    ("publish", "foresight_publish", "crates/publish/src"),
    ("library", "foresight_library", "crates/library/src"),
    ("cli", "foresight_cli", "crates/cli/src"),
    ("app", "foresight", "src"),
]
# The crate root: what a crate's lib.rs or main.rs holds itself.
ROOT_MODULE = "lib"


def code_of(text):
    """A file's code without comments and its trailing test module."""
    at = text.find("#[cfg(test)]\nmod ")
    if at >= 0:
        text = text[:at]
    return "\n".join(line.split("//")[0] for line in text.splitlines())


def top_modules(src):
    base = os.path.join(ROOT, src)
    names = set()
    for entry in os.listdir(base):
        name = entry[:-3] if entry.endswith(".rs") else entry
        names.add(ROOT_MODULE if name in ("lib", "main") else name)
    return names


def main():
    tops = {short: top_modules(src) for short, _, src in CRATES}
    # The app's lib.rs re-exports the library crates' modules by name.
    facade = {}
    for short, _, _ in CRATES[:2]:
        for m in tops[short]:
            facade[m] = (short, m)
    facade["library"] = ("library", ROOT_MODULE)
    facade["cli"] = ("cli", ROOT_MODULE)
    graph = {}
    for short, name, src in CRATES:
        base = os.path.join(ROOT, src)
        for folder, _, files in os.walk(base):
            for f in files:
                if not f.endswith(".rs") or f == "tests.rs" or f.endswith("_tests.rs"):
                    continue
                path = os.path.join(folder, f)
                rel = os.path.relpath(path, base)[: -len(".rs")].split(os.sep)
                top = ROOT_MODULE if rel[0] in ("lib", "main") else rel[0]
                node = (short, top)
                uses = graph.setdefault(node, set())
                code = code_of(open(path, encoding="utf-8").read())
                for m in re.finditer(r"\bcrate::([a-z_]+)", code):
                    used = m.group(1)
                    if used in tops[short] and used != top:
                        uses.add((short, used))
                    elif short == "app" and used in facade:
                        uses.add(facade[used])
                for other_short, other, _ in CRATES[:-1]:
                    for m in re.finditer(r"\b" + other + r"::([a-z_]+)", code):
                        used = m.group(1)
                        target = used if used in tops[other_short] else ROOT_MODULE
                        uses.add((other_short, target))
                if short == "app" and top == ROOT_MODULE:
                    uses.update(facade.values())
    for uses in list(graph.values()):
        for u in uses:
            graph.setdefault(u, set())
    for node in graph:
        graph[node].discard(node)
    floors = {}

    def floor(node, seen=()):
        if node in floors:
            return floors[node]
        if node in seen:
            raise SystemExit("cycle: " + " -> ".join("::".join(n) for n in seen + (node,)))
        below = [floor(u, seen + (node,)) for u in graph[node]]
        floors[node] = 1 + max(below, default=-1)
        return floors[node]

    for node in sorted(graph):
        floor(node)
    if "--dot" in sys.argv:
        print("digraph house {\n  rankdir=BT;\n  node [shape=box, fontname=sans];")
        for short, _, _ in CRATES:
            print(f'  subgraph "cluster_{short}" {{\n    label="{short}";')
            for (c, m) in sorted(graph):
                if c == short:
                    print(f'    "{c}::{m}" [label="{m}"];')
            print("  }")
        for (c, m), uses in sorted(graph.items()):
            for (uc, um) in sorted(uses):
                print(f'  "{c}::{m}" -> "{uc}::{um}";')
        print("}")
        return
    for level in range(max(floors.values()), -1, -1):
        names = sorted("::".join(n) for n, f in floors.items() if f == level)
        print(f"floor {level:2}: " + "  ".join(names))
    edges = sum(len(v) for v in graph.values())
    down = sum(1 for k, v in graph.items() for u in v if floors[u] < floors[k])
    print(f"{len(graph)} modules, {edges} uses, {down} of them pointing down a floor or more")


if __name__ == "__main__":
    main()
