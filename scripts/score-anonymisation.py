#!/usr/bin/env python3
"""Scores an anonymised review against an answer key.

    scripts/score-anonymisation.py ANONYMISED.review.ron answer-key.tsv

The key (tab-separated, header `kind text entry`) lists every identifying
string (kind person, place or identifier) and every ordinary phrase that
must survive (kind ordinary). An identifying string left anywhere in the
anonymised file's decoded text, as whole words, is a leak, unless it lies
inside a longer ordinary phrase of the key kept there ("Blessing" inside "The
Blessing", a song, where a girl is called Blessing); an ordinary phrase is
kept when it occurs unchanged. Prints the leaks, the phrases lost, and the
figures.
"""
import csv
import re
import sys


def decoded(path):
    text = open(path, encoding="utf-8").read()
    # RON escapes quotes and backslashes inside strings, and writes
    # combining accents ("àjẹ́", "Adébáyọ̀" with U+0301) as \u{301}.
    text = re.sub(r"\\u\{([0-9a-fA-F]+)\}", lambda m: chr(int(m.group(1), 16)), text)
    return re.sub(r"\\(['\"\\])", r"\1", text)


def occurs(phrase, text, kept=()):
    """True when `phrase` is in `text` as whole words: a short name ("Le",
    "Lin") inside a longer word ("Learning", "Linh") is no leak of it, nor
    is one inside a longer ordinary phrase kept there (`kept`, spans)."""
    start = 0
    while True:
        at = text.find(phrase, start)
        if at < 0:
            return False
        before = text[at - 1] if at > 0 else " "
        after = text[at + len(phrase)] if at + len(phrase) < len(text) else " "
        end = at + len(phrase)
        inside = any(s <= at and end <= e and e - s > end - at for s, e in kept)
        if not (before.isalnum() or after.isalnum() or inside):
            return True
        start = at + 1


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    text = decoded(sys.argv[1])
    rows = list(csv.DictReader(open(sys.argv[2], encoding="utf-8"), delimiter="\t"))
    identifying = [r for r in rows if r["kind"] != "ordinary"]
    ordinary = [r for r in rows if r["kind"] == "ordinary"]
    kept = []
    for phrase in {r["text"] for r in ordinary}:
        at = text.find(phrase)
        while at >= 0:
            kept.append((at, at + len(phrase)))
            at = text.find(phrase, at + 1)
    leaks = [r for r in identifying if occurs(r["text"], text, kept)]
    lost = [r for r in ordinary if r["text"] not in text]
    for r in leaks:
        print(f"leak\t{r['kind']}\t{r['text']}\t{r['entry']}")
    for r in lost:
        print(f"lost\tordinary\t{r['text']}\t{r['entry']}")
    by_kind = {}
    for r in identifying:
        total, left = by_kind.get(r["kind"], (0, 0))
        by_kind[r["kind"]] = (total + 1, left + (r in leaks))
    for kind, (total, left) in sorted(by_kind.items()):
        print(f"{kind}: {left} of {total} left")
    print(
        f"identifying strings left: {len(leaks)} of {len(identifying)}; "
        f"ordinary phrases kept: {len(ordinary) - len(lost)} of {len(ordinary)} "
        f"({100 * (len(ordinary) - len(lost)) / max(1, len(ordinary)):.0f}%)"
    )


if __name__ == "__main__":
    main()
