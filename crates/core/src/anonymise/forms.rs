//! Every written form of the cast's names, as agency records use them.
//!
//! From "Maisie-Jane Ashworth" come the full name, each name and each part
//! of the hyphenated one, first name with surname, "ASHWORTH, Maisie-Jane"
//! as police systems write it, initials with and without dots ("M.J.A.",
//! "M. J. A.", "MJA"), and the listed aliases. Each form is then written
//! every way the records may spell it ([`variants`]): with and without
//! diacritics (Zoë/Zoe, Łukasz/Lukasz), in composed and decomposed Unicode,
//! with straight, curly or missing apostrophes (O'Neill, O’Neill, ONeill,
//! O Neill) and hyphens, dashes, spaces or nothing between the parts of a
//! double-barrelled name. Letter case is handled by the matcher, which
//! ignores it except for initials.
//!
//! Titles and first initials before a surname ("Mr Kilbride", "D.
//! O'Neill") are not generated as forms: the matcher takes them in when
//! they stand before a surname that was found.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

use super::folding::{fold, fold_umlauts};
use super::lists::{FieldLists, field_lists};
use super::words;
use crate::agency_kind::is_agency_type;
use crate::model::{Disclosure, Review};

/// Whose name a form is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Owner {
    /// A person, by position in `review.people`.
    Person(usize),
    /// An agency, by position in `review.agencies`.
    Agency(usize),
    /// A place, by position in `review.places`.
    Place(usize),
    /// A withheld sensitive attribute of a person.
    Withheld {
        /// Position in `review.people`.
        person: usize,
        /// The attribute's name, e.g. "ethnicity".
        attribute: &'static str,
    },
}

/// How strongly a form belongs to its owners: when two owners share a
/// form, the stronger claim wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Claim {
    /// A part of an alias, or generated initials.
    Weak,
    /// A part of the real name.
    Part,
    /// The real name or an alias exactly as listed.
    Exact,
}

/// One form of one or more cast names.
#[derive(Debug, Clone)]
pub struct Form {
    /// The form as generated, e.g. "Ashworth, Maisie".
    pub text: String,
    /// Whose name it is (several when a surname is shared).
    pub owners: Vec<Owner>,
    /// How strongly it belongs to them.
    pub claim: Claim,
    /// Every word of it is also an ordinary English word ("Rose", "Will").
    pub word_like: bool,
    /// Matched only in exactly this case (initials, short acronyms).
    pub exact_case: bool,
    /// Why every occurrence needs the reviewer's eye, e.g. two-letter
    /// initials that are also a common abbreviation.
    pub always_ambiguous: Option<&'static str>,
    /// A surname (or part of one): a title or first initial before it
    /// belongs to the name.
    pub surname: bool,
    /// A generic kinship word ("Nan", "Mum") listed as an alias: kept
    /// unless the reviewer replaces an occurrence.
    pub kinship: bool,
    /// An abbreviation of the field ("TA", "HV") the cast lists as a
    /// name: every occurrence is doubtful, whoever else the record names.
    pub abbreviation: bool,
}

impl Form {
    /// True when the form is a name of people only, not a kinship word
    /// ("Precious", "ADEYEMI"; not "Nan", not an agency's or a place's).
    pub fn names_people_only(&self) -> bool {
        !self.kinship
            && !self.owners.is_empty()
            && self.owners.iter().all(|o| matches!(o, Owner::Person(_)))
    }
}

/// Every form of every cast name, and the written variants to search for.
#[derive(Debug, Clone, Default)]
pub struct Forms {
    /// The forms.
    pub forms: Vec<Form>,
    /// Each distinct pattern to search for, with the form it stands for.
    pub patterns: Vec<(String, usize)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// A name or alias as a whole.
    Whole,
    /// A part of a name.
    Part { surname: bool },
    /// Initials.
    Initials,
}

struct Builder {
    forms: Vec<Form>,
    by_key: HashMap<(String, bool), usize>,
    allow: Vec<String>,
    lists: &'static FieldLists,
}

impl Builder {
    fn add(&mut self, text: &str, owner: Owner, claim: Claim, shape: Shape) {
        let text = text.trim();
        if text.chars().filter(|c| c.is_alphanumeric()).count() < 2 && !is_single_initial(text) {
            return;
        }
        if claim < Claim::Exact && self.allow.iter().any(|a| a.eq_ignore_ascii_case(text)) {
            return;
        }
        let abbreviation = self.lists.is_abbreviation(text);
        // "TA" is a teaching assistant before it is anyone's initials: an
        // abbreviation of the field is a name only where the cast lists it.
        if abbreviation && claim < Claim::Exact {
            return;
        }
        let exact_case = shape == Shape::Initials || is_short_capitals(text);
        let key = (normalise_key(text), exact_case);
        let always_ambiguous = match shape {
            _ if abbreviation => Some(
                "an abbreviation of the field (teaching assistant, health visitor…) that the cast lists as a name",
            ),
            Shape::Initials
                if text.chars().filter(|c| c.is_alphabetic()).count() == 2
                    && !text.contains('.') =>
            {
                Some("two-letter initials, which may be an abbreviation")
            }
            _ if is_single_initial(text) => Some("a single initial"),
            _ => None,
        };
        let word_like = shape != Shape::Initials
            && !exact_case
            && tokens(text).all(|t| words::is_word(&t.to_lowercase()));
        let surname = matches!(shape, Shape::Part { surname: true });
        let kinship = !exact_case && self.lists.is_kinship(text);
        match self.by_key.get(&key) {
            Some(&i) => {
                let form = &mut self.forms[i];
                if claim > form.claim {
                    form.claim = claim;
                    form.owners = vec![owner];
                } else if claim == form.claim && !form.owners.contains(&owner) {
                    form.owners.push(owner);
                }
                form.surname |= surname;
                if always_ambiguous.is_none() && claim == Claim::Exact {
                    form.always_ambiguous = None;
                }
            }
            None => {
                self.by_key.insert(key, self.forms.len());
                self.forms.push(Form {
                    text: text.to_string(),
                    owners: vec![owner],
                    claim,
                    word_like,
                    exact_case,
                    always_ambiguous,
                    surname,
                    kinship,
                    abbreviation,
                });
            }
        }
    }
}

/// "M." or "M" alone.
fn is_single_initial(text: &str) -> bool {
    let t = text.trim_end_matches('.');
    t.chars().count() == 1 && t.chars().all(char::is_uppercase)
}

/// "NCS", "MJA", "TA": up to four capital letters, possibly dotted.
fn is_short_capitals(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| !matches!(c, '.' | ' ')).collect();
    !letters.is_empty() && letters.len() <= 4 && letters.iter().all(|c| c.is_uppercase())
}

/// The words of a name: split on spaces, hyphens and apostrophes.
fn tokens(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() || is_hyphen(c) || is_apostrophe(c) || c == ',')
        .filter(|t| !t.is_empty())
}

/// Apostrophes as records write them.
pub const APOSTROPHES: [char; 6] = ['\'', '’', '‘', 'ʼ', '`', '′'];
/// Hyphens and dashes as records write them between name parts.
pub const HYPHENS: [char; 7] = ['-', '‐', '‑', '‒', '–', '—', '−'];

fn is_apostrophe(c: char) -> bool {
    APOSTROPHES.contains(&c)
}

fn is_hyphen(c: char) -> bool {
    HYPHENS.contains(&c)
}

/// The key under which forms are merged: lower case, no diacritics,
/// apostrophes and hyphens made plain.
fn normalise_key(text: &str) -> String {
    fold(text)
        .to_lowercase()
        .chars()
        .map(|c| match c {
            c if is_apostrophe(c) => '\'',
            c if is_hyphen(c) => '-',
            c => c,
        })
        .collect()
}

/// Every way records may write one form (case aside), as the matcher's
/// normalised view shows it: apostrophes are all `'` and hyphens all `-`
/// there (see [`super::text::View`]), so a form is written with `'`, with
/// nothing or a space instead, and with `-`, a space or nothing between the
/// parts of a double-barrelled name; with and without diacritics, composed
/// and decomposed.
pub fn variants(text: &str, exact_case: bool) -> Vec<String> {
    let plain: String = text
        .chars()
        .map(|c| match c {
            c if is_apostrophe(c) => '\'',
            c if is_hyphen(c) => '-',
            c => c,
        })
        .collect();
    let mut seen = std::collections::HashSet::new();
    let mut out: Vec<String> = Vec::new();
    let mut push = |s: String, out: &mut Vec<String>| {
        if !s.is_empty() && seen.insert(s.clone()) {
            out.push(s);
        }
    };
    let bases = [
        plain.clone(),
        plain.nfc().collect(),
        plain.nfd().collect(),
        fold(&plain),
        fold_umlauts(&plain),
    ];
    let apostrophes: &[&str] = if plain.contains('\'') {
        &["'", "", " "]
    } else {
        &["'"]
    };
    let hyphens: &[&str] = if plain.contains('-') {
        &["-", " ", ""]
    } else {
        &["-"]
    };
    for base in &bases {
        for a in apostrophes {
            for h in hyphens {
                push(base.replace('\'', a).replace('-', h), &mut out);
            }
        }
    }
    // Dotted initials: "M.J.A." is searched as "M.J.A" (the last dot is
    // outside the word), and also written "M. J. A".
    if exact_case && plain.contains('.') {
        let mut more = Vec::new();
        for s in &out {
            let trimmed = s.trim_end_matches('.').to_string();
            if trimmed.chars().filter(|c| c.is_alphabetic()).count() > 1 {
                more.push(trimmed.replace(". ", ".").replace('.', ". "));
                more.push(trimmed);
            }
        }
        for s in more {
            push(s, &mut out);
        }
    }
    // Letter case beyond ASCII is not folded by the matcher: add the upper
    // and lower case forms of names with other letters.
    if !exact_case {
        let more: Vec<String> = out
            .iter()
            .filter(|s| !s.is_ascii())
            .flat_map(|s| [s.to_uppercase(), s.to_lowercase()])
            .collect();
        for s in more {
            push(s, &mut out);
        }
    }
    out
}

/// The words of a person's name without titles: "Dr Anjali Mehta" →
/// ["Anjali", "Mehta"].
fn name_words(name: &str) -> Vec<&str> {
    let mut words: Vec<&str> = name
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| c == ',' || c == '(' || c == ')'))
        .filter(|w| !w.is_empty())
        .collect();
    while words.len() > 1 && words::is_title(words[0]) {
        words.remove(0);
    }
    // A surname particle is one word with the rest of the surname:
    // "Siobhán Ní Dhomhnaill" → ["Siobhán", "Ní Dhomhnaill"], "Hendrik van
    // der Berg" → ["Hendrik", "van der Berg"]. Never the first word, and
    // only before another word.
    let mut merged: Vec<&str> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let mut end = i;
        if i > 0 {
            while end + 1 < words.len() && words::is_surname_particle(words[end]) {
                end += 1;
            }
        }
        if end > i {
            // The words are slices of `name`: the merged word runs from the
            // first one's start to the last one's end.
            let start = words[i].as_ptr() as usize - name.as_ptr() as usize;
            let stop = words[end].as_ptr() as usize - name.as_ptr() as usize + words[end].len();
            merged.push(&name[start..stop]);
        } else {
            merged.push(words[i]);
        }
        i = end + 1;
    }
    merged
}

/// The main word of a surname with particles: "Ní Dhomhnaill" →
/// "Dhomhnaill"; any other word is itself.
fn main_word(word: &str) -> &str {
    word.split_whitespace().last().unwrap_or(word)
}

/// The parts of a word of a name: "Maisie-Jane" → ["Maisie", "Jane"],
/// "O'Neill" → ["Neill"] (the part after the apostrophe, when long enough).
fn word_parts(word: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    if word.contains(char::is_whitespace) {
        // A surname with particles: its main word, and that word's parts.
        let main = main_word(word);
        parts.push(main);
        parts.extend(word_parts(main));
        return parts;
    }
    if word.chars().any(is_hyphen) {
        parts.extend(word.split(is_hyphen).filter(|p| !p.is_empty()));
    }
    if let Some(i) = word.find(is_apostrophe) {
        let after = &word[i..];
        let after = after.trim_start_matches(is_apostrophe);
        if after.chars().count() >= 3 {
            parts.push(after);
        }
    }
    parts
}

/// The first letter of a word, upper case.
fn initial(word: &str) -> Option<String> {
    main_word(word)
        .chars()
        .find(|c| c.is_alphabetic())
        .map(|c| c.to_uppercase().collect())
}

fn add_person_name(b: &mut Builder, name: &str, owner: Owner, real: bool) {
    let words = name_words(name);
    if words.is_empty() {
        return;
    }
    let part_claim = if real { Claim::Part } else { Claim::Weak };
    b.add(name, owner, Claim::Exact, Shape::Whole);
    let without_titles = words.join(" ");
    if without_titles != name {
        // "Ms Ashworth" as an alias does not make every "Ashworth" hers.
        let claim = if real { Claim::Exact } else { Claim::Weak };
        b.add(&without_titles, owner, claim, Shape::Whole);
    }
    let last = words.len() - 1;
    let looks_like_a_name = words.iter().all(|w| {
        main_word(w)
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase())
            && !words::is_title(w)
    });
    if !real && !looks_like_a_name {
        return;
    }
    for (i, word) in words.iter().enumerate() {
        let surname = i == last && words.len() > 1;
        let lower = word.to_lowercase();
        // "Le Thi Hoa", "Van Anh": a particle that starts a name is the
        // family name written first (Vietnamese "Lê"), or a given name.
        let first_particle = i == 0 && words.len() > 1 && words::is_surname_particle(word);
        if (first_particle || !words::is_not_a_name_part(&lower))
            && !word.chars().all(|c| c.is_ascii_digit())
        {
            b.add(word, owner, part_claim, Shape::Part { surname });
        }
        for part in word_parts(word) {
            // "Al" of "Al-Hassan" is no name alone ("Eid al-Fitr").
            if !words::is_not_a_name_part(&part.to_lowercase()) && !words::is_surname_particle(part)
            {
                b.add(part, owner, part_claim, Shape::Part { surname });
            }
        }
    }
    if real {
        // Short forms the records may use that the cast does not list:
        // Nathaniel → Nat, Nate; Elizabeth → Liz, Beth.
        let given = if words.len() > 1 {
            &words[..last]
        } else {
            &words[..]
        };
        for word in given {
            // "Siôn a Charys", "cacen i Ddewi": Welsh writes a name
            // mutated after some words; a form that is a word is left to
            // the other rules.
            for mutated in welsh_mutations(word) {
                let lower = mutated.to_lowercase();
                if !words::is_word(&lower)
                    && !words::in_larger_dictionary_as_written(&lower)
                    && !b.lists.is_other_language_word(&lower)
                    && !b.lists.is_kinship(&lower)
                    && mutated.chars().count() >= 3
                {
                    b.add(&mutated, owner, Claim::Weak, Shape::Part { surname: false });
                }
            }
            for short in b.lists.diminutives_of(word) {
                // "Nan" is a grandmother before it is anyone's short
                // form; but "Jan" of Janet is a given name many babies
                // have, a name where it is written capitalised (see
                // `kinship_word_as_given_name`), though "khala jan" is an
                // endearment.
                let given_name =
                    super::gazetteer::gazetteer().is_registered_given_name(&short.to_lowercase());
                if b.lists.is_kinship(short) && !given_name {
                    continue;
                }
                b.add(short, owner, Claim::Weak, Shape::Part { surname: false });
                if words.len() > 1 {
                    b.add(
                        &format!("{short} {}", words[last]),
                        owner,
                        Claim::Weak,
                        Shape::Whole,
                    );
                }
            }
        }
    }
    if words.len() < 2 || !real {
        return;
    }
    let surname = words[last];
    let given = &words[..last];
    // First name with surname, skipping middle names; each part of a
    // hyphenated first name with the surname.
    b.add(
        &format!("{} {surname}", given[0]),
        owner,
        Claim::Exact,
        Shape::Whole,
    );
    for part in word_parts(given[0]) {
        b.add(
            &format!("{part} {surname}"),
            owner,
            Claim::Part,
            Shape::Whole,
        );
    }
    // Police style: "ASHWORTH, Maisie-Jane", "Ashworth Maisie".
    let all_given = given.join(" ");
    for first in [given[0], all_given.as_str()] {
        b.add(
            &format!("{surname}, {first}"),
            owner,
            Claim::Exact,
            Shape::Whole,
        );
        b.add(
            &format!("{surname} {first}"),
            owner,
            Claim::Exact,
            Shape::Whole,
        );
    }
    // Initials of every name and part: M.J.A., MJA, and first + last: M.A.
    let mut letters: Vec<String> = Vec::new();
    for word in &words {
        let parts = word_parts(word);
        if word.chars().any(is_hyphen) {
            letters.extend(parts.iter().filter_map(|p| initial(p)));
        } else {
            letters.extend(initial(word));
        }
    }
    let first_last: Vec<String> = [initial(given[0]), initial(surname)]
        .into_iter()
        .flatten()
        .collect();
    for set in [letters, first_last] {
        if set.len() < 2 {
            continue;
        }
        b.add(
            &format!("{}.", set.join(".")),
            owner,
            Claim::Weak,
            Shape::Initials,
        );
        b.add(&set.concat(), owner, Claim::Weak, Shape::Initials);
    }
}

/// The last words of street names ("Harrow Road", "Linnet Way").
pub const STREET_WORDS: &[&str] = &[
    "road",
    "street",
    "lane",
    "avenue",
    "drive",
    "close",
    "crescent",
    "gardens",
    "grove",
    "terrace",
    "walk",
    "rise",
    "mews",
    "way",
    "row",
    "parade",
    "boulevard",
    "place",
    "square",
    "court",
    "hill",
    "green",
    "view",
    "park",
];

/// The usual abbreviations of the last words of street names.
pub const STREET_ABBREVIATIONS: &[(&str, &str)] = &[
    ("street", "St"),
    ("road", "Rd"),
    ("avenue", "Ave"),
    ("lane", "Ln"),
    ("crescent", "Cres"),
    ("gardens", "Gdns"),
    ("terrace", "Tce"),
    ("square", "Sq"),
    ("court", "Ct"),
    ("drive", "Dr"),
    ("close", "Cl"),
    ("place", "Pl"),
];

/// A street's name with its last word abbreviated ("Tanner Street" →
/// "Tanner St"), when it has a usual abbreviation.
fn abbreviated_street(street: &str) -> Option<String> {
    let (head, last) = street.rsplit_once(' ')?;
    let (_, short) = STREET_ABBREVIATIONS
        .iter()
        .find(|(word, _)| word.eq_ignore_ascii_case(last))?;
    Some(format!("{head} {short}"))
}

/// The name of a business, church or shop without the words for its kind
/// ("Flaming Sword" of "Flaming Sword Deliverance Ministry"), when it can
/// name nothing else: two words or more, or one in no dictionary; never
/// a kind of agency or a public name.
fn distinctive_business_name(name: &str) -> Option<&str> {
    let short = super::residual::business_name(name.trim())?;
    let lower = short.to_lowercase();
    let distinctive = short.split_whitespace().count() >= 2
        || (!words::is_word(&lower) && !words::in_larger_dictionary(&lower));
    (distinctive
        && !names_a_kind_of_agency(short)
        && !field_lists().is_public_name(short)
        && short.chars().next().is_some_and(char::is_uppercase))
    .then_some(short)
}

/// The words that two or more agencies' names start with ("Hessleclough"
/// of "Hessleclough Homes" and "Hessleclough CAMHS"), lower-cased, each
/// with those agencies: the name of the town they serve, which is no
/// one of them.
fn towns_of_agencies(review: &Review) -> HashMap<String, Vec<usize>> {
    let mut leading: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, agency) in review.agencies.iter().enumerate() {
        let mut words = agency.name.split_whitespace();
        let first = match words.next() {
            Some("The" | "the") => words.next(),
            first => first,
        };
        if let Some(first) = first
            && words.next().is_some()
            && first.chars().next().is_some_and(char::is_uppercase)
        {
            let agencies = leading.entry(first.to_lowercase()).or_default();
            if !agencies.contains(&i) {
                agencies.push(i);
            }
        }
    }
    leading.retain(|_, agencies| agencies.len() >= 2);
    leading
}

/// Words of an agency's or a business's kind after its name ("Refugee
/// Project", "Language Services", "Academy").
const KIND_WORDS: &[&str] = &[
    "project",
    "projects",
    "services",
    "service",
    "team",
    "trust",
    "aid",
    "society",
    "association",
    "network",
    "partnership",
    "foundation",
    "group",
    "hub",
    "charity",
    "refugee",
    "refugees",
    "language",
    "languages",
    "interpreting",
    "translation",
    "translations",
    "women's",
    "womens",
    "men's",
    "support",
    "advice",
    "centre",
    "center",
    "council",
    "housing",
    "resettlement",
    "school",
    "academy",
    "college",
    "practice",
    "surgery",
    "clinic",
    "hospital",
    "church",
    "mosque",
    "agency",
    "solutions",
    "futures",
    // A company's legal form ("Lingo Bridge Interpreting Ltd").
    "ltd",
    "limited",
    "plc",
    "llp",
    "cic",
    // Whom a centre serves ("Harbour Lights Migrant Centre").
    "migrant",
    "migrants",
    // Churches ("Open Heavens Revival Centre").
    "revival",
    "ministry",
    "ministries",
    "fellowship",
    "tabernacle",
    "chapel",
    "assembly",
    "temple",
];

/// True when a word of an agency's name says its kind ("Project",
/// "Services", "Youth").
fn is_kind_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    KIND_WORDS.contains(&lower.as_str())
        || super::residual::GENERIC_SERVICE_WORDS.contains(&lower.trim_end_matches("'s"))
}

/// The ordinary word that an agency's name puts before the words of its
/// kind ("Lighthouse" of "Lighthouse Refugee Project", "Tidewater" of
/// "Tidewater Language Services"): the agency is called by it alone. A
/// word in no dictionary ("Marramouth") is a name wherever it stands, and
/// is left to the residual scan, which replaces it as a place or a name.
fn ordinary_word_before_its_kind(name: &str) -> Option<&str> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let (lead, rest) = words.split_first()?;
    let is_kind = |w: &&str| is_kind_word(w);
    let lower = lead.to_lowercase();
    (!rest.is_empty()
        && rest.iter().all(is_kind)
        && lead.chars().next().is_some_and(char::is_uppercase)
        && lead.chars().all(char::is_alphabetic)
        && lead.chars().count() >= 4
        && (words::is_word(&lower) || words::in_larger_dictionary(&lower))
        && !names_a_kind_of_agency(lead)
        && !field_lists().is_public_name(lead)
        && !super::residual::GENERIC_SERVICE_WORDS.contains(&lower.as_str()))
    .then_some(*lead)
}

/// An agency's name without the article it starts with ("Hive" of "The
/// Hive", "Llew Coch" of "Y Llew Coch"), when what is left is capitalised
/// and names no kind of agency and nothing public.
fn without_an_article(name: &str) -> Option<&str> {
    let name = name.trim();
    let (article, rest) = name.split_once(' ')?;
    let rest = rest.trim();
    let words: Vec<&str> = rest.split_whitespace().collect();
    (matches!(article, "The" | "the" | "Y" | "Yr")
        && (1..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '\'' || c == '’' || c == '-')
        }))
    .then_some(rest)
    .filter(|rest| {
        rest.chars().count() >= 3
            && !names_a_kind_of_agency(rest)
            && !field_lists().is_public_name(rest)
            && !words::is_vocabulary(rest)
    })
}

/// The forms a Welsh sentence gives a name by mutating its first
/// consonant: soft ("Garys", "Ddewi", "Wen" of Gwen, "Fethan"), nasal
/// ("Ngharys", "Methan") and aspirate ("Charys", "Phedr").
fn welsh_mutations(name: &str) -> Vec<String> {
    const MUTATIONS: &[(&str, &[&str])] = &[
        ("Ll", &["L"]),
        ("Rh", &["R"]),
        ("P", &["B", "Mh", "Ph"]),
        ("T", &["D", "Nh", "Th"]),
        ("C", &["G", "Ngh", "Ch"]),
        ("B", &["F", "M"]),
        ("D", &["Dd", "N"]),
        ("G", &["", "Ng"]),
        ("M", &["F"]),
    ];
    let Some((initial, forms)) = MUTATIONS.iter().find(|(initial, _)| {
        name.strip_prefix(initial)
            .is_some_and(|rest| rest.chars().next().is_some_and(char::is_lowercase))
    }) else {
        return Vec::new();
    };
    // "Ch", "Dd", "Th" that start a name are not mutated again.
    if ["Ch", "Dd", "Th", "Ph"].iter().any(|p| name.starts_with(p)) {
        return Vec::new();
    }
    let rest = &name[initial.len()..];
    forms
        .iter()
        .map(|form| {
            if form.is_empty() {
                let mut chars = rest.chars();
                chars.next().map_or_else(String::new, |first| {
                    first.to_uppercase().chain(chars).collect()
                })
            } else {
                format!("{form}{rest}")
            }
        })
        .collect()
}

/// The initials an organisation of three words or more is called by
/// ("PVH" of "Pennine Valleys Homes", "WRI" of "Wendlemoor Royal
/// Infirmary"): every word capitalised; never the field's shorthand, an
/// acronym the word lists know, a public name or a word.
fn initials_of_an_organisation(name: &str) -> Option<String> {
    let name = name.split(['(', ',']).next()?.split(" - ").next()?.trim();
    let parts: Vec<&str> = name
        .split_whitespace()
        .filter(|w| {
            !matches!(
                w.to_lowercase().as_str(),
                "of" | "and" | "&" | "the" | "for"
            )
        })
        .collect();
    let capitalised = |w: &&str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || c == '\'' || c == '’')
    };
    if parts.len() < 3 || !parts.iter().all(capitalised) {
        return None;
    }
    let initials: String = parts.iter().filter_map(|w| w.chars().next()).collect();
    let lists = field_lists();
    (!lists.is_abbreviation(&initials)
        && !words::is_acronym(&initials)
        && !lists.is_public_name(&initials)
        && !words::is_word(&initials.to_lowercase()))
    .then_some(initials)
}

/// The name of two words or more that an agency's name puts before the
/// words of its kind ("Alder Bridge" of "Alder Bridge PRU" and of "Alder
/// Bridge Learning Centre"; a name of one word is left to the residual
/// scan): the agency is called by it alone ("Alternative provision: Alder Bridge
/// from 11/11"). Words of the field, public names and kinds of agency are
/// no such name ("Domestic Abuse Service", "Youth Justice Service").
fn name_before_its_kind(name: &str) -> Option<&str> {
    let name = name.split(['(', ',']).next()?.split(" - ").next()?.trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let is_kind = |w: &str| {
        is_kind_word(w)
            || names_a_kind_of_agency(w)
            || matches!(
                w.to_lowercase().as_str(),
                "unit" | "club" | "provision" | "ward"
            )
    };
    let kind = words.iter().rev().take_while(|w| is_kind(w)).count();
    let own = &words[..words.len() - kind];
    let lists = field_lists();
    let distinctive = |w: &&str| {
        let lower = w.to_lowercase();
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || c == '\'' || c == '’' || c == '-')
            && !is_kind(w)
            && !words::is_vocabulary(w)
            && !words::is_title(w)
            && !lists.is_public_name(w)
            && !lists.is_kinship(&lower)
            && !crate::model::is_calendar_word(w)
    };
    if kind == 0 || own.len() < 2 || !own.iter().all(distinctive) {
        return None;
    }
    let first = own[0];
    let last = own[own.len() - 1];
    let start = first.as_ptr() as usize - name.as_ptr() as usize;
    let end = last.as_ptr() as usize - name.as_ptr() as usize + last.len();
    let own = &name[start..end];
    (!names_a_kind_of_agency(own)
        && !lists.is_public_name(own)
        && lists.fixed_term_end(own, 0).is_none())
    .then_some(own)
}

/// True when an agency's name or alias names only a kind of agency ("GP",
/// "Probation", "CSC"), or is an abbreviation of the field ("EWS",
/// "ESOL"): it identifies nobody, is never replaced and is no leak.
pub(super) fn names_a_kind_of_agency(name: &str) -> bool {
    is_agency_type(name) || field_lists().is_abbreviation(name.trim())
}

/// True when a word ends a street name ("Road", "Way"), in any case.
pub fn is_street_word(word: &str) -> bool {
    STREET_WORDS.iter().any(|s| s.eq_ignore_ascii_case(word))
}

/// True when a word starts with a capital letter.
fn capitalised(word: &&str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// True when a word names a flat or a room before its number ("Flat",
/// "Apartment", "Unit", "No.", "Room"), in any case.
fn is_a_flats_word(word: &str) -> bool {
    ["flat", "apartment", "unit", "no", "no.", "room"]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(word))
}

/// The name of a house or a farm that starts an address ("Les Fougères"
/// of "Les Fougères, St Ouen", "Bryngolau" of "Bryngolau, Llandeilo"):
/// capitalised words before the first comma, with no number, no street's
/// word and no flat; one word only when it is no word of the dictionary.
fn house_name(address: &str) -> Option<&str> {
    let (first, _) = address.split_once(',')?;
    let first = first.trim();
    let words: Vec<&str> = first.split_whitespace().collect();
    let lower = first.to_lowercase();
    let house = !words.is_empty()
        && words.first().is_some_and(capitalised)
        && words.last().is_some_and(capitalised)
        && words
            .iter()
            .all(|w| capitalised(w) || words::is_street_particle(w))
        && !words.iter().any(|w| w.chars().any(|c| c.is_ascii_digit()))
        && !is_a_flats_word(words[0])
        && !words[0].eq_ignore_ascii_case("the")
        && !words.last().is_some_and(|w| is_street_word(w))
        && !field_lists().is_street_prefix(words[0])
        && (words.len() >= 2 || (!words::is_word(&lower) && !words::in_larger_dictionary(&lower)))
        && !names_a_kind_of_agency(first)
        && !field_lists().is_public_name(first);
    house.then_some(first)
}

/// The streets of an address without their numbers: "Flat 2, 17 Quillon
/// Walk, Northbrook" → "Quillon Walk".
fn streets(address: &str) -> impl Iterator<Item = &str> {
    address.split(',').filter_map(|part| {
        let mut words: Vec<&str> = part.split_whitespace().collect();
        let numbered = |w: &str| w.chars().next().is_some_and(|c| c.is_ascii_digit());
        while words
            .first()
            .is_some_and(|w| numbered(w) || is_a_flats_word(w))
        {
            words.remove(0);
        }
        // "Quillon Walk": capitalised words ending in a street's word.
        let suffixed =
            words.last().is_some_and(|w| is_street_word(w)) && words.iter().all(capitalised);
        // "Clos de Trèfle", "Heol y Bryn": a street's word first, then
        // capitalised words with the language's small words between.
        let prefixed = words
            .first()
            .is_some_and(|w| field_lists().is_street_prefix(w))
            && words.last().is_some_and(capitalised)
            && words[1..]
                .iter()
                .all(|w| capitalised(w) || words::is_street_particle(w));
        let street = words.len() >= 2 && (suffixed || prefixed);
        let first = words.first()?;
        let start = first.as_ptr() as usize - part.as_ptr() as usize;
        let last = words.last()?;
        let end = last.as_ptr() as usize - part.as_ptr() as usize + last.len();
        street.then(|| &part[start..end])
    })
}

/// Values of withheld attributes that are too general to search for.
fn too_general(value: &str) -> bool {
    matches!(
        value.trim().to_lowercase().as_str(),
        "" | "none"
            | "no"
            | "n/a"
            | "na"
            | "not known"
            | "unknown"
            | "not recorded"
            | "nil"
            | "yes"
    ) || value.trim().chars().count() < 3
}

/// Every form of every name in the review's cast, with the allow-list's
/// generated forms left out.
pub fn cast_forms(review: &Review, allow: &[String]) -> Forms {
    let mut b = Builder {
        forms: Vec::new(),
        by_key: HashMap::new(),
        allow: allow.to_vec(),
        lists: field_lists(),
    };
    for (i, person) in review.people.iter().enumerate() {
        let owner = Owner::Person(i);
        if !person.name.trim().is_empty() {
            add_person_name(&mut b, person.name.trim(), owner, true);
        }
        for alias in &person.aliases {
            let alias = alias.trim();
            if alias.is_empty() {
                continue;
            }
            add_person_name(&mut b, alias, owner, false);
        }
        for (attribute, value) in person.attributes.all() {
            let withheld = value.disclosure != Disclosure::Publish;
            if withheld
                && matches!(
                    attribute,
                    "ethnicity" | "religion" | "language" | "disability"
                )
                && !too_general(&value.value)
            {
                b.add(
                    &value.value,
                    Owner::Withheld {
                        person: i,
                        attribute,
                    },
                    Claim::Exact,
                    Shape::Whole,
                );
            }
        }
    }
    // A name that is its own published name ("Police" for "Police") is
    // no secret.
    let published = |name: &str, generic: &str| name.trim().eq_ignore_ascii_case(generic.trim());
    let towns = towns_of_agencies(review);
    for (i, agency) in review.agencies.iter().enumerate() {
        // A type of agency ("GP", "Probation") is no name, whether it is
        // the agency's name or one of its other names ("CSC" of
        // "Cindleford Children's Services").
        if agency.generic {
            continue;
        }
        for name in std::iter::once(&agency.name).chain(&agency.aliases) {
            if !published(name, &agency.generic_name) && !names_a_kind_of_agency(name) {
                b.add(name, Owner::Agency(i), Claim::Exact, Shape::Whole);
                // A part of the name that other agencies' names lead with
                // too is their town's ("Hessleclough" of "Hessleclough
                // Homes", beside "Hessleclough CAMHS"): it is all their
                // names, so that "Hessleclough Crown Court" becomes no
                // housing provider's court.
                let add_part = |b: &mut Builder, part: &str| match towns.get(&part.to_lowercase()) {
                    Some(agencies) => {
                        for &j in agencies {
                            b.add(part, Owner::Agency(j), Claim::Part, Shape::Whole);
                        }
                    }
                    None => b.add(part, Owner::Agency(i), Claim::Part, Shape::Whole),
                };
                // "from Flaming Sword" of "Flaming Sword Deliverance
                // Ministry", "at Blue Wave" of "Blue Wave Hand Car Wash".
                if let Some(short) = distinctive_business_name(name) {
                    add_part(&mut b, short);
                }
                // "(Tidewater)" of "Tidewater Language Services",
                // "Lighthouse" of "Lighthouse Refugee Project".
                if let Some(lead) = ordinary_word_before_its_kind(name) {
                    add_part(&mut b, lead);
                }
                // "Alder Bridge" of "Alder Bridge PRU".
                if let Some(own) = name_before_its_kind(name) {
                    add_part(&mut b, own);
                }
                // "a PVH 3-bed" of "Pennine Valleys Homes".
                if let Some(initials) = initials_of_an_organisation(name) {
                    b.add(&initials, Owner::Agency(i), Claim::Part, Shape::Whole);
                }
                // "the Hive group" of "The Hive", "Llew Coch" of "Y Llew
                // Coch": a name without its article.
                if let Some(bare) = without_an_article(name) {
                    add_part(&mut b, bare);
                }
            }
        }
    }
    for (i, place) in review.places.iter().enumerate() {
        for name in std::iter::once(&place.name).chain(&place.aliases) {
            if !published(name, &place.generic_name) {
                b.add(name, Owner::Place(i), Claim::Exact, Shape::Whole);
                if let Some(short) = distinctive_business_name(name) {
                    b.add(short, Owner::Place(i), Claim::Part, Shape::Whole);
                }
                // "HBA" of "Hollins Brow Academy".
                if let Some(initials) = initials_of_an_organisation(name) {
                    b.add(&initials, Owner::Place(i), Claim::Part, Shape::Whole);
                }
                // "Les Fougères" of "Les Fougères, St Ouen".
                if let Some(house) = house_name(name) {
                    b.add(house, Owner::Place(i), Claim::Part, Shape::Whole);
                }
                for street in streets(name) {
                    b.add(street, Owner::Place(i), Claim::Part, Shape::Whole);
                    // "or i come to pilkern": the street's own name alone,
                    // when it is no word and no given name.
                    if let Some((own, kind)) = street.split_once(' ')
                        && is_street_word(kind)
                        && own.chars().count() >= 4
                        && !words::is_word(&own.to_lowercase())
                        && !words::in_larger_dictionary(&own.to_lowercase())
                        && !super::gazetteer::gazetteer()
                            .is_registered_given_name(&own.to_lowercase())
                    {
                        b.add(own, Owner::Place(i), Claim::Part, Shape::Whole);
                    }
                    // "Tanner St", "Quillon Rd": the street as notes write it.
                    if let Some(short) = abbreviated_street(street) {
                        b.add(&short, Owner::Place(i), Claim::Part, Shape::Whole);
                    }
                }
            }
        }
    }
    let mut patterns = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, form) in b.forms.iter().enumerate() {
        for variant in variants(&form.text, form.exact_case) {
            // "M.J.A." is searched without its last dot, which may also
            // end the sentence.
            if form.exact_case
                && variant.ends_with('.')
                && variant.chars().filter(|c| c.is_alphabetic()).count() > 1
            {
                continue;
            }
            let key = if form.exact_case {
                variant.clone()
            } else {
                variant.to_ascii_lowercase()
            };
            if seen.insert(key, i).is_none() {
                patterns.push((variant, i));
            }
        }
    }
    Forms {
        forms: b.forms,
        patterns,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Id, Person};

    #[test]
    fn a_house_that_starts_an_address_is_its_name() {
        assert_eq!(house_name("Les Fougères, St Ouen"), Some("Les Fougères"));
        assert_eq!(house_name("Bryngolau, Llandeilo"), Some("Bryngolau"));
        for address in [
            "Flat 7, Clos de Trèfle, St Helier",
            "17 Quillon Walk, Northbrook",
            "Quillon Walk, Northbrook",
            "Cottage, Northbrook",
            "Northbrook",
        ] {
            assert_eq!(house_name(address), None, "{address}");
        }
    }

    #[test]
    fn the_streets_of_an_address_are_read_with_their_kind_first_or_last() {
        let of = |address: &'static str| streets(address).collect::<Vec<_>>();
        assert_eq!(of("Flat 2, 17 Quillon Walk, Northbrook"), ["Quillon Walk"]);
        assert_eq!(of("Flat 7, Clos de Trèfle, St Helier"), ["Clos de Trèfle"]);
        assert_eq!(of("3 Heol y Bryn, Pontyberem"), ["Heol y Bryn"]);
        // A town after the street is no street; nor a prefix alone.
        assert!(of("Les Fougères, St Ouen").is_empty());
        assert!(of("Clos, Jersey").is_empty());
    }

    #[test]
    fn an_organisation_of_three_words_is_known_by_its_initials() {
        let of = initials_of_an_organisation;
        assert_eq!(of("Pennine Valleys Homes").as_deref(), Some("PVH"));
        assert_eq!(
            of("Wendlemoor Royal Infirmary - Labour Ward").as_deref(),
            Some("WRI")
        );
        assert_eq!(
            of("Bank of Wendlemoor Credit Union").as_deref(),
            Some("BWCU")
        );
        // Two words, a word in lower case, or the field's shorthand: none.
        assert_eq!(of("Kindred Hearts"), None);
        assert_eq!(of("Rushbeck community pantry"), None);
        assert_eq!(of("Child And Adolescent Mental Health Services"), None);
    }

    fn review_with(names: &[(&str, &[&str])]) -> Review {
        let mut review = Review::new("t");
        for (i, (name, aliases)) in names.iter().enumerate() {
            review.people.push(Person {
                id: Id::from(format!("P{}", i + 1)),
                name: name.to_string(),
                aliases: aliases.iter().map(|a| a.to_string()).collect(),
                pseudonym: format!("Person {}", i + 1),
                ..Default::default()
            });
        }
        review
    }

    fn texts(forms: &Forms) -> Vec<String> {
        forms.forms.iter().map(|f| f.text.clone()).collect()
    }

    fn patterns(forms: &Forms) -> Vec<String> {
        forms.patterns.iter().map(|p| p.0.clone()).collect()
    }

    #[test]
    fn a_hyphenated_name_gives_every_part_initials_and_police_order() {
        let forms = cast_forms(&review_with(&[("Maisie-Jane Ashworth", &[])]), &[]);
        let t = texts(&forms);
        for expected in [
            "Maisie-Jane Ashworth",
            "Maisie-Jane",
            "Maisie",
            "Jane",
            "Ashworth",
            "Maisie Ashworth",
            "Ashworth, Maisie-Jane",
            "M.J.A.",
            "MJA",
            "M.A.",
            "MA",
        ] {
            assert!(t.contains(&expected.to_string()), "{expected} in {t:?}");
        }
        let p = patterns(&forms);
        for expected in [
            "Maisie Jane Ashworth",
            "Maisie-Jane",
            "MaisieJane",
            "M. J. A",
            "M.J.A",
        ] {
            assert!(p.contains(&expected.to_string()), "{expected} in {p:?}");
        }
        let ma = forms.forms.iter().find(|f| f.text == "MA").unwrap();
        assert!(ma.exact_case && ma.always_ambiguous.is_some());
    }

    #[test]
    fn apostrophes_and_diacritics_are_written_every_way() {
        let forms = cast_forms(
            &review_with(&[("Zoë O'Neill", &[]), ("Łukasz Nowak", &[])]),
            &[],
        );
        let p = patterns(&forms);
        for expected in [
            "Zoë O'Neill",
            "Zoe O'Neill",
            "Zoe ONeill",
            "O Neill",
            "Neill",
            "ZOË",
            "Lukasz Nowak",
            "Lukasz",
            "Zoe\u{0308}",
        ] {
            assert!(p.contains(&expected.to_string()), "{expected} in {p:?}");
        }
    }

    #[test]
    fn a_surname_particle_is_never_a_name_by_itself() {
        let forms = cast_forms(
            &review_with(&[
                ("Siobhán Ní Dhomhnaill", &[]),
                ("Llŷr ap Rhys", &[]),
                ("Hendrik van der Berg", &[]),
            ]),
            &[],
        );
        let p = patterns(&forms);
        for expected in [
            "Ní Dhomhnaill",
            "Ni Dhomhnaill",
            "Dhomhnaill",
            "Siobhan Ni Dhomhnaill",
            "ap Rhys",
            "Rhys",
            "van der Berg",
            "Berg",
            "S.D",
        ] {
            assert!(p.contains(&expected.to_string()), "{expected} in {p:?}");
        }
        for particle in ["Ní", "Ni", "NI", "ap", "van", "der"] {
            assert!(
                !p.contains(&particle.to_string()),
                "{particle} alone in {p:?}"
            );
        }
    }

    #[test]
    fn shared_surnames_have_several_owners_and_word_names_are_marked() {
        let forms = cast_forms(
            &review_with(&[("Rose Kettle", &["Nana Rose"]), ("Tom Kettle", &[])]),
            &[],
        );
        let kettle = forms.forms.iter().find(|f| f.text == "Kettle").unwrap();
        assert_eq!(kettle.owners.len(), 2);
        assert!(kettle.word_like && kettle.surname);
        let rose = forms.forms.iter().find(|f| f.text == "Rose").unwrap();
        assert!(rose.word_like);
        assert!(!texts(&forms).contains(&"Nana".to_string()));
        let full = forms
            .forms
            .iter()
            .find(|f| f.text == "Rose Kettle")
            .unwrap();
        assert_eq!(full.owners, vec![Owner::Person(0)]);
    }

    #[test]
    fn titles_in_a_name_are_not_name_parts() {
        let forms = cast_forms(&review_with(&[("Dr Anjali Mehta", &["Dr Mehta"])]), &[]);
        let t = texts(&forms);
        assert!(t.contains(&"Anjali Mehta".to_string()));
        assert!(t.contains(&"Mehta".to_string()));
        assert!(!t.contains(&"Dr".to_string()));
    }

    #[test]
    fn the_allow_list_drops_generated_forms_only() {
        let forms = cast_forms(&review_with(&[("Steve Walker", &["SW"])]), &["SW".into()]);
        // The alias "SW" is listed by the reviewer, so it stays.
        assert!(texts(&forms).contains(&"SW".to_string()));
        let forms = cast_forms(&review_with(&[("Steve Walker", &[])]), &["SW".into()]);
        assert!(!texts(&forms).contains(&"SW".to_string()));
    }
}
