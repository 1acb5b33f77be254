import re, sys
import build, keys as K, gen_key as G
STOP = set('''A An The On In At To Of For By With From As And Or But If It Its He She His Her They Their We Our I You My Me
No Not Now New Next Plan Seen Said Says Asked Present Information Decision Checks Actions Action Advice Advised Agreed
Discussed Offered Provided Worries Strengths Mum Dad Nana Grandad Baby Both All Two Three Very Still Last First Note Notes'''.split())
rows = build.build(); keys = K.all_keys(rows)
only = sys.argv[1] if len(sys.argv) > 1 else None
for ref, (a, t) in rows.items():
    if only and not ref.startswith(only): continue
    miss = []
    for field in (a, t):
        occ = G.occurrences(field, keys)
        for m in re.finditer(r"[^\s,;()\"]+", field):
            tok = m.group().strip(".'!?-:")
            if not tok: continue
            if re.fullmatch(r"\d{1,2}:\d{2}(-\d{1,2}:\d{2})?|\d{1,3}|£[\d,.]+|[~<>]?\d+(\.\d+)?(%|y|kg|g|ml|mg|m|cm|h|m2|mcg|iu|L)?|x\d|\d+(st|nd|rd|th)|I'm|OK", tok): continue
            st = m.start()
            if any(a2 <= st < b2 for a2, b2, _, _ in occ): continue
            interesting = tok[0].isupper() or any(c.isdigit() for c in tok) or any(ord(c) > 127 for c in tok if c not in '£°–')
            if interesting and tok not in STOP:
                miss.append(tok)
    print(ref, '::', ' | '.join(miss))
