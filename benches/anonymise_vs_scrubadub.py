#!/usr/bin/env python3
"""Anonymisation: `foresight anonymise` against scrubadub, side by side.

1. Speed. Makes one synthetic chronology (default 100 MB of entry text, a
   500-entry cast of people, agencies and places; seed 7) with names in
   many written forms, identifiers and dates. Writes it as a review file
   for foresight and as plain text for scrubadub, then times, one after
   the other:

     * foresight anonymise REVIEW -o OUT  (a whole process: loading the
       review file, anonymising, the leak check, writing the file)
     * scrubadub.Scrubber(locale="en_GB").clean(TEXT), with the cast's
       names given to it as known filth (UserSuppliedFilthDetector), in
       this Python process

   and prints MB/s of entry text for each and the ratio.

2. What each finds, on the hand-written trap chronology of the tests
   (tests/data/anonymise/trap-chronology.review.ron): how many of the
   identifying strings listed in tests/cli/anonymise.rs each leaves, and
   how many of the ordinary uses of name-words each destroys.

Needs `pip install scrubadub` and a built foresight binary (release for a
fair figure):

  cargo build --release
  python3 benches/anonymise_vs_scrubadub.py target/release/foresight --mb 100

`--process-only` times foresight alone (no scrubadub needed), `--runs N`
times, and prints each run's wall clock, MB/s and the process's peak
memory: the acceptance figure is the whole process at 50 MB/s or more on
100 MB of chronology text.
"""

import argparse
import os
import random
import resource
import re
import subprocess
import sys
import tempfile
import time

SYLLABLES = ["ash", "bel", "cor", "dun", "el", "fen", "gar", "hol", "ing", "jas", "kel", "lom", "mar",
             "nor", "ol", "pen", "quin", "ros", "sta", "tor", "ul", "ven", "wyn", "yor", "zé", "ło"]
WORD_NAMES = ["Rose", "Will", "Hope", "Mark", "Grace", "Summer", "Bill", "Dawn"]
FILLER = [
    "Home visit completed; concerns rose about the home conditions and the gas bill.",
    "The health visitor will visit again in two weeks and will liaise with the school.",
    "Child seen alone, appeared well, playing with toys; no marks seen.",
    "Strategy discussion held with police and health; agreed single agency response.",
    "Mother reported feeling low; GP appointment booked for the following week.",
]
EXTRAS = ["Mobile 07911 123456. ", "Lives at 12 Quillon Walk, NE1 4ST. ", "Crime ref CR/012345/21 raised. ",
          "Email rose.k@example.com sent. ", "", ""]


def made_up(rng, n):
    word = "".join(rng.choice(SYLLABLES) for _ in range(n))
    return word[0].upper() + word[1:]


def ron(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def synthetic(mb, seed):
    rng = random.Random(seed)
    people, agencies, places = [], [], []
    for i in range(440):
        first = WORD_NAMES[i % len(WORD_NAMES)] if i % 10 == 0 else made_up(rng, 2)
        surname = made_up(rng, 3)
        if i % 7 == 0:
            surname = "O'" + surname
        if i % 5 == 0:
            surname = f"{surname}-{made_up(rng, 2)}"
        people.append((f"P{i + 1}", first, surname))
    for i in range(30):
        agencies.append((f"A{i + 1}", f"{made_up(rng, 3)} Children's Services", f"{chr(65 + i % 26)}CS"))
    for i in range(30):
        places.append((f"PL{i + 1}", f"{10 + i} {made_up(rng, 2)} Road"))
    entries, total = [], 0
    while total < mb * 1_000_000:
        parts = []
        for _ in range(3):
            _, first, surname = rng.choice(people)
            name = f"{first} {surname}"
            form = rng.choice([name, first, f"Mr {surname}", f"{surname.upper()}, {first}",
                               f"{first[0]}. {surname}", name.upper(), f"{surname}'s", surname])
            parts.append(f"{form} was seen on {rng.randint(1, 28)}/0{rng.randint(1, 9)}/2021. {rng.choice(FILLER)} ")
        parts.append(rng.choice(EXTRAS))
        text = "".join(parts)
        entries.append(text)
        total += len(text.encode())
    return people, agencies, places, entries


def write_review(path, people, agencies, places, entries):
    with open(path, "w") as f:
        f.write('(\n    format_version: 1,\n    meta: (title: "Anonymisation benchmark"),\n    people: [\n')
        for pid, first, surname in people:
            f.write(f"        (id: {ron(pid)}, name: {ron(first + ' ' + surname)}, pseudonym: {ron('Person ' + pid[1:])}),\n")
        f.write("    ],\n    agencies: [\n")
        for aid, name, alias in agencies:
            f.write(f"        (id: {ron(aid)}, name: {ron(name)}, aliases: [{ron(alias)}], generic_name: {ron('Agency ' + aid[1:])}),\n")
        f.write("    ],\n    places: [\n")
        for plid, name in places:
            f.write(f"        (id: {ron(plid)}, name: {ron(name)}, generic_name: {ron('Address ' + plid[2:])}),\n")
        f.write("    ],\n    chronology: [\n")
        for i, text in enumerate(entries):
            f.write(f'        (id: "C{i + 1}", date: "2021-04-03", text: {ron(text)}),\n')
        f.write("    ],\n)\n")


def scrubber(known_names):
    import scrubadub
    s = scrubadub.Scrubber(locale="en_GB")
    if known_names:
        items = [{"match": n, "filth_type": "name"} for n in known_names]
        s.add_detector(scrubadub.detectors.UserSuppliedFilthDetector(items))
    return s


def trap_comparison(foresight):
    """Runs both over the trap chronology and counts what each leaves."""
    trap = "tests/data/anonymise/trap-chronology.review.ron"
    tests = open("tests/cli/anonymise.rs", encoding="utf-8").read()

    def strings(const):
        block = tests.split(f"const {const}: &[&str] = &[", 1)[1].split("];", 1)[0]
        block = "\n".join(line.split("//")[0] for line in block.splitlines())
        found = re.findall(r'"((?:[^"\\]|\\.)*)"', block)
        return [s.replace("\\u{ad}", "\u00ad").replace("\\n", "\n").replace("\\'", "'") for s in found]

    identifying, ordinary = strings("IDENTIFYING"), strings("ORDINARY")
    source = open(trap, encoding="utf-8").read()
    # The free text only: the cast's own fields are not something one
    # would give a text scrubber.
    texts = [t.replace("\\'", "'") for t in re.findall(r'(?:text|summary|why_reviewed|title|what_happened|local_rationality|statement|description|notes): "((?:[^"\\]|\\.)*)"', source, re.S)]
    identifying = [s for s in identifying if s in "\n".join(texts)]
    names = []
    for line in source.splitlines():
        m = re.search(r'\(id: "P\d+", name: "([^"]+)", (?:aliases: \[([^\]]*)\])?', line)
        if m:
            names.append(m.group(1))
            names += re.findall(r'"([^"]+)"', m.group(2) or "")
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, "out.review.ron")
        subprocess.run([foresight, "anonymise", trap, "-o", out], check=True, capture_output=True)
        ours = open(out, encoding="utf-8").read().replace("\\'", "'")
    results = {"foresight": ours}
    for label, known in [("scrubadub (defaults)", []), ("scrubadub (+ cast names)", names)]:
        s = scrubber(known)
        results[label] = "\n".join(s.clean(t) for t in texts)
    print(f"\nTrap chronology (free text): {len(identifying)} identifying strings, {len(ordinary)} ordinary uses of name-words")
    for label, text in results.items():
        left = [s for s in identifying if s in text]
        lost = [s for s in ordinary if s not in text]
        print(f"  {label:26s} leaves {len(left):3d} identifying, destroys {len(lost):2d} ordinary")
        if label != "foresight":
            print("      left e.g.: " + ", ".join(repr(s) for s in left[:14]))
            if lost:
                print("      destroyed: " + ", ".join(repr(s) for s in lost))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("foresight", nargs="?", default="target/release/foresight")
    parser.add_argument("--mb", type=float, default=100)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=1, help="time foresight this many times")
    parser.add_argument("--process-only", action="store_true", help="time foresight only")
    args = parser.parse_args()

    people, agencies, places, entries = synthetic(args.mb, args.seed)
    text_bytes = sum(len(e.encode()) for e in entries)
    mb = text_bytes / 1e6
    names = [f"{first} {surname}" for _, first, surname in people]
    with tempfile.TemporaryDirectory() as folder:
        review = os.path.join(folder, "bench.review.ron")
        write_review(review, people, agencies, places, entries)
        times = []
        for run in range(args.runs):
            start = time.perf_counter()
            done = subprocess.run([args.foresight, "anonymise", review, "-o", os.path.join(folder, "out.review.ron")],
                                  capture_output=True, text=True)
            times.append(time.perf_counter() - start)
            if done.returncode != 0:
                print(done.stderr[-2000:])
                sys.exit(1)
            # Peak resident memory of the largest child so far (KiB on Linux).
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            print(f"foresight anonymise run {run + 1}: {times[-1]:.2f} s  {mb / times[-1]:.1f} MB/s  peak {peak:.0f} MiB")
        ours = min(times)
    if args.process_only:
        print(f"text: {mb:.1f} MB of chronology entries, {len(entries)} entries, cast of 500, seed {args.seed}")
        print(f"foresight anonymise (whole process): best {ours:.2f} s ({mb / ours:.1f} MB/s), "
              f"worst {max(times):.2f} s ({mb / max(times):.1f} MB/s) over {len(times)} runs")
        return
    s = scrubber(names)
    text = "\n".join(entries)
    start = time.perf_counter()
    s.clean(text)
    theirs = time.perf_counter() - start
    print(f"text: {mb:.1f} MB of chronology entries, {len(entries)} entries, cast of 500, seed {args.seed}")
    print(f"foresight anonymise (whole process): {ours:8.1f} s  {mb / ours:8.2f} MB/s")
    print(f"scrubadub clean (+ cast names):      {theirs:8.1f} s  {mb / theirs:8.2f} MB/s")
    print(f"foresight is {theirs / ours:.0f} times faster")
    trap_comparison(args.foresight)


if __name__ == "__main__":
    main()
