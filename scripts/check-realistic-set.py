#!/usr/bin/env python3
"""Checks a realistic chronology set of tests/data: CSV shape, key rows
against their entries, one kind per text, no ordinary phrase inside an
identifying string, and that every whole-word occurrence of an identifying
string is keyed in its entry.

    scripts/check-realistic-set.py tests/data/realistic-chronology-31
"""
import csv, glob, os, re, sys
from collections import Counter, defaultdict

HERE = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.getcwd()
IDK = {'person', 'place', 'identifier'}
errors = []

def ww(text, s):
    return [(m.start(), m.end()) for m in re.finditer(r'(?<!\w)' + re.escape(text) + r'(?!\w)', s)]

# cast
with open(os.path.join(HERE, 'cast.csv'), newline='', encoding='utf-8') as f:
    cast = list(csv.reader(f))
if cast[0] != ['name', 'aliases', 'role', 'pseudonym', 'kind', 'agency', 'date of birth']:
    errors.append('cast.csv header')
for r in cast[1:]:
    if len(r) != 7: errors.append(f'cast.csv row {r}')

# agency files
rows = {}
agencies = set()
for path in sorted(glob.glob(os.path.join(HERE, '*.csv'))):
    name = os.path.basename(path)
    if name == 'cast.csv': continue
    with open(path, newline='', encoding='utf-8') as f:
        data = list(csv.reader(f))
    if data[0] != ['Date', 'Agency', 'Author', 'Text']:
        errors.append(f'{name}: header {data[0]}')
    for i, r in enumerate(data[1:], start=2):
        if len(r) != 4:
            errors.append(f'{name}:{i}: {len(r)} columns'); continue
        if not re.fullmatch(r'\d{2}/\d{2}/\d{4} \d{2}:\d{2}', r[0]):
            errors.append(f'{name}:{i}: date {r[0]!r}')
        agencies.add(r[1])
        rows[f'{name}:{i}'] = (r[2], r[3])

# key
with open(os.path.join(HERE, 'answer-key.tsv'), encoding='utf-8') as f:
    lines = f.read().split('\n')
if lines[0] != 'kind\ttext\tentry': errors.append('key header')
key = []
for n, l in enumerate(lines[1:], start=2):
    if not l: continue
    p = l.split('\t')
    if len(p) != 3: errors.append(f'key line {n}: {l!r}'); continue
    key.append(tuple(p))
dups = [k for k, c in Counter(key).items() if c > 1]
if dups: errors.append(f'duplicate key lines: {dups[:5]}')
kinds = defaultdict(set)
per_entry = defaultdict(list)
for kind, text, entry in key:
    if kind not in IDK | {'ordinary'}: errors.append(f'bad kind {kind}')
    if entry not in rows: errors.append(f'no such entry {entry}'); continue
    a, t = rows[entry]
    if not ww(text, a) and not ww(text, t):
        errors.append(f'{entry}: {text!r} not found as whole words')
    kinds[text].add(kind)
    per_entry[entry].append((kind, text))
for text, ks in kinds.items():
    if len(ks) > 1: errors.append(f'{text!r} has kinds {ks}')
ident = [t for t, ks in kinds.items() if ks & IDK]
ordin = [t for t, ks in kinds.items() if 'ordinary' in ks]
for o in ordin:
    for i in ident:
        if o != i and ww(o, i):
            errors.append(f'ordinary {o!r} inside identifying {i!r}')
# coverage of identifying strings in every entry
for entry, (a, t) in rows.items():
    keyed = [x for _, x in per_entry[entry]]
    for field in (a, t):
        spans = [(s, e) for x in keyed for (s, e) in ww(x, field)]
        for i in ident:
            for s, e in ww(i, field):
                if i in keyed: continue
                if not any(s2 <= s and e2 >= e and (e2 - s2) > (e - s) for s2, e2 in spans):
                    errors.append(f'{entry}: {i!r} occurs but is not keyed')
# report
counts = Counter(k for k, _, _ in key)
distinct = Counter(next(iter(kinds[t])) for t in kinds)
print(f'{len(rows)} entries in {len(set(e.split(":")[0] for e in rows))} files, {len(agencies)} Agency values')
print(f'{len(key)} key rows: ' + ', '.join(f'{k} {counts[k]}' for k in ('person', 'place', 'identifier', 'ordinary')))
print('distinct texts: ' + ', '.join(f'{k} {distinct[k]}' for k in ('person', 'place', 'identifier', 'ordinary')))
print(f'cast: {len(cast) - 1} rows')
if errors:
    print(f'{len(errors)} ERRORS'); print('\n'.join(errors[:60])); sys.exit(1)
print('OK')
