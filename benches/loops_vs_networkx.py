#!/usr/bin/env python3
"""Loop counting: `foresight loops --summary --max 0` against networkx.

Two shapes of dense causal graph, side by side in one run, each with
millions of loops:

  * sparse-ish and wide: 28 variables, 112 causal links (seed 2);
  * small and dense: 13 variables, 110 causal links (seed 3).

Each random signed digraph (a ring keeps it strongly connected) is written
as a CSV edge list and imported with `foresight import-cld`; then, as whole
processes, one after the other:

  * foresight loops FILE --summary --max 0 (every loop, counted to the end)
  * python3 counting networkx.simple_cycles on the same edges, split into
    reinforcing and balancing

and the counts must agree (the script exits 1 when they do not).
`--variables/--links/--seed` run one shape of your own instead. Needs `pip install networkx` and a built
foresight binary (release for a fair figure):

  cargo build --release
  python3 benches/loops_vs_networkx.py target/release/foresight
"""

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time

NETWORKX_COUNT = r"""
import csv, sys
import networkx as nx
graph = nx.DiGraph()
with open(sys.argv[1], newline="") as f:
    for row in csv.DictReader(f):
        graph.add_edge(row["from"], row["to"], o=(row["polarity"] == "O"))
total = reinforcing = 0
for cycle in nx.simple_cycles(graph):
    total += 1
    opposite = sum(graph[a][b]["o"] for a, b in zip(cycle, cycle[1:] + cycle[:1]))
    reinforcing += opposite % 2 == 0
print(f"loops: {total}\nreinforcing: {reinforcing}\nbalancing: {total - reinforcing}")
"""


def random_edges(variables, links, seed):
    rng = random.Random(seed)
    names = [f"Variable {i + 1:02d}" for i in range(variables)]
    edges = set()
    # A ring keeps the graph strongly connected; the rest are random.
    for i in range(variables):
        edges.add((i, (i + 1) % variables))
    while len(edges) < links:
        a, b = rng.randrange(variables), rng.randrange(variables)
        if a != b:
            edges.add((a, b))
    return [(names[a], names[b], rng.choice("SO")) for a, b in sorted(edges)]


def timed(command):
    start = time.perf_counter()
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return time.perf_counter() - start, out


def compare(foresight, variables, links, seed):
    """Times both counts on one graph; returns the ratio, or exits on a
    disagreement."""
    with tempfile.TemporaryDirectory() as folder:
        edges_csv = os.path.join(folder, "edges.csv")
        review = os.path.join(folder, "random.review.ron")
        with open(edges_csv, "w") as f:
            f.write("from,to,polarity\n")
            for a, b, p in random_edges(variables, links, seed):
                f.write(f"{a},{b},{p}\n")
        subprocess.run([foresight, "import-cld", edges_csv, "--into", review], check=True, capture_output=True)

        ours_seconds, ours = timed([foresight, "loops", review, "--summary", "--max", "0"])
        theirs_seconds, theirs = timed([sys.executable, "-c", NETWORKX_COUNT, edges_csv])

    print(f"graph: {variables} variables, {links} links, seed {seed}")
    print(f"  foresight: {ours_seconds:8.2f} s  {ours.split()[1]} loops")
    print(f"  networkx:  {theirs_seconds:8.2f} s  {theirs.split()[1]} loops")
    if ours != theirs:
        print("COUNTS DIFFER:\n" + ours + "\n---\n" + theirs)
        sys.exit(1)
    ratio = theirs_seconds / ours_seconds
    print(f"  counts agree ({ours.strip().replace(chr(10), ', ')}); foresight is {ratio:.1f} times faster")
    return ratio


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("foresight", nargs="?", default="target/release/foresight")
    parser.add_argument("--variables", type=int)
    parser.add_argument("--links", type=int)
    parser.add_argument("--seed", type=int, default=2)
    args = parser.parse_args()
    if args.variables or args.links:
        shapes = [(args.variables or 28, args.links or 112, args.seed)]
    else:
        shapes = [(28, 112, 2), (13, 110, 3)]
    ratios = [compare(args.foresight, *shape) for shape in shapes]
    print("slowest ratio: " + f"{min(ratios):.1f} times faster")


if __name__ == "__main__":
    main()
