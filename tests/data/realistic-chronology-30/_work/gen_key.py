import re, os, sys
import build, keys as K
OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
IDK = ('person', 'place', 'identifier')

def finditer(text, s):
    return [(m.start(), m.end()) for m in re.finditer(r'(?<!\w)' + re.escape(text) + r'(?!\w)', s)]

def occurrences(s, keys):
    occ = []
    for t, kind in keys.items():
        for a, b in finditer(t, s):
            occ.append((a, b, t, kind))
    return occ

def entry_keys(author, text, keys):
    out = []
    for fi, field in enumerate((author, text)):
        occ = occurrences(field, keys)
        for (a, b, t, kind) in occ:
            if kind in IDK:
                covered = any(a2 <= a and b2 >= b and (b2 - a2) > (b - a) for (a2, b2, t2, k2) in occ)
            else:
                covered = any(a2 <= a and b2 >= b and (b2 - a2) > (b - a) and k2 in IDK for (a2, b2, t2, k2) in occ)
            if not covered:
                out.append((kind, t, (fi, a)))
    # order by first appearance (author first), dedupe
    seen = set(); res = []
    for kind, t, a in sorted(out, key=lambda x: x[2]):
        if t not in seen:
            seen.add(t); res.append((kind, t))
    return res

def main():
    rows = build.build()
    keys = K.all_keys(rows)
    lines = ['kind\ttext\tentry']
    for ref, (author, text) in rows.items():
        for kind, t in entry_keys(author, text, keys):
            lines.append(f'{kind}\t{t}\t{ref}')
    open(os.path.join(OUT, 'answer-key.tsv'), 'w', encoding='utf-8').write('\n'.join(lines) + '\n')
    print(len(lines) - 1, 'key rows')
    unused = [t for t in keys if not any(finditer(t, a + '\n' + x) for a, x in rows.values())]
    if unused: print('UNUSED KEYS:', unused)

if __name__ == '__main__':
    main()
