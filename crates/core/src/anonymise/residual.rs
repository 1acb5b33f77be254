//! The residual scan: after anonymisation, every token that still looks
//! like a name or an identifier, with its context, so that the reviewer
//! can add it to the cast or to the allow-list.
//!
//! Suspects are capitalised words that are not ordinary words (a
//! dictionary word capitalised at the start of a sentence is not one, nor
//! is a dictionary word inside a title), any capitalised word after a title
//! ("Mr Green"), runs of capitals that are not known abbreviations
//! (initials such as "QT" or "Q.T."), and numbers shaped like references.
//! Pseudonyms, generic names, roles, the allow-list and the placeholders
//! anonymisation writes are never suspects.

use rustc_hash::FxHashSet as HashSet;

use super::fields;
use super::gazetteer::gazetteer;
use super::text::{CLOSING_QUOTES, OPENING_QUOTES, QUOTE_MARKS, context, starts_sentence};
use super::words;
use crate::dates::find_dates_in_text;
use crate::model::{Id, Review};

/// What a suspect looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SuspectKind {
    /// A name not in the cast.
    Name,
    /// Initials.
    Initials,
    /// A number that looks like a reference.
    Number,
    /// A street or other place not in the cast ("Linnet Way").
    Place,
}

impl SuspectKind {
    /// Every kind.
    pub const ALL: [SuspectKind; 4] = [
        SuspectKind::Name,
        SuspectKind::Initials,
        SuspectKind::Number,
        SuspectKind::Place,
    ];

    /// A name for lists.
    pub fn label(self) -> &'static str {
        match self {
            SuspectKind::Name => "possible name",
            SuspectKind::Initials => "possible initials",
            SuspectKind::Number => "possible reference number",
            SuspectKind::Place => "possible place",
        }
    }

    /// The neutral text that replaces it unless the reviewer keeps it.
    pub fn placeholder(self) -> &'static str {
        match self {
            SuspectKind::Name => "[name]",
            SuspectKind::Initials => "[initials]",
            SuspectKind::Number => "[number]",
            SuspectKind::Place => "[place]",
        }
    }
}

/// One remaining token that may identify someone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suspect {
    /// The record.
    pub record: Id,
    /// The field.
    pub field: String,
    /// The token or phrase.
    pub text: String,
    /// What it looks like.
    pub kind: SuspectKind,
    /// The text around it.
    pub context: String,
}

/// Words that are never suspects in this review: its pseudonyms, roles,
/// generic names, allow-list and reviewers.
#[derive(Debug, Clone, Default)]
pub struct Known {
    words: HashSet<String>,
}

impl Known {
    /// The known words of a review.
    pub fn of(review: &Review) -> Known {
        let mut words = HashSet::default();
        let mut add = |text: &str| {
            for w in text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')) {
                if !w.is_empty() {
                    words.insert(w.to_lowercase().replace('’', "'"));
                }
            }
        };
        for p in &review.people {
            add(&p.pseudonym);
            // A role is typed by the reviewer and may name a place or a
            // person ("Zion's father - HMP Stourmoor"): of its words, only
            // those that name no one (lower case, words, abbreviations,
            // public names) are known.
            for w in p
                .role
                .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
            {
                let lower = w.to_lowercase();
                let bare = lower.trim_end_matches("'s").trim_end_matches("’s");
                if !w.is_empty()
                    && (!w.starts_with(char::is_uppercase)
                        || words::is_word(bare)
                        || words::in_larger_dictionary(bare)
                        || words::is_acronym(w)
                        || super::lists::field_lists().is_abbreviation(w)
                        || super::lists::field_lists().is_public_name(w))
                {
                    add(w);
                }
            }
        }
        for a in &review.agencies {
            add(&a.generic_name);
        }
        for p in &review.places {
            add(&p.generic_name);
        }
        for a in &review.meta.anonymisation.allow {
            add(a);
        }
        for r in &review.meta.reviewers {
            add(r);
        }
        Known { words }
    }

    pub(super) fn has(&self, lower: &str) -> bool {
        self.words.contains(lower)
            || self
                .words
                .contains(lower.trim_end_matches("'s").trim_end_matches("’s"))
    }
}

/// True when a word is a street word that makes the capitalised words
/// before it a place ("Linnet Way", "Harrow Road").
fn is_street_end(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && (is_thoroughfare(word)
            || matches!(
                word.to_ascii_lowercase().as_str(),
                "gardens"
                    | "grove"
                    | "rise"
                    | "mews"
                    | "court"
                    | "house"
                    | "inn"
                    | "arms"
                    | "tavern"
                    | "stores"
                    | "hall"
                    | "lodge"
                    | "fold"
                    | "bottoms"
                    | "heights"
                    | "estate"
                    | "square"
                    | "green"
                    | "fields"
                    | "cottages"
                    | "yard"
                    | "side"
                    | "quay"
                    | "wharf"
                    | "vale"
                    | "meadows"
                    | "croft"
                    | "esplanade"
                    | "promenade"
                    // Northern and upland names ("Shuttle Brow", "Cinder
                    // Clough", "Tanner's Ginnel", "Prospect Mill", "Lower
                    // Slack Reservoir", "High Rake Moor").
                    | "brow"
                    | "clough"
                    | "ginnel"
                    | "snicket"
                    | "wynd"
                    | "brae"
                    | "dene"
                    | "nook"
                    | "mill"
                    | "mills"
                    | "moor"
                    | "reservoir"
                    // Fenland roads ("Cuckoo Drove", "Gull Drove").
                    | "drove"
                    | "droveway"
                    // House and building names ("Elm Bank", "Rose Cottage",
                    // "Meadow View", "Brookfield Grange").
                    | "bank"
                    | "view"
                    | "cottage"
                    | "farm"
                    | "grange"
                    | "manor"
                    | "park"
                    | "hill"
                    | "mount"
                    | "lea"
                    | "chase"
                    | "villas"
                    | "mansions"
                    | "tower"
                    | "towers"
                    | "buildings"
            )
            || is_street_abbreviation(word))
}

/// True when a word is a street word as notes abbreviate it ("Tanner St",
/// "Mill Rd"). "Dr", "Cl" and "Ct" are left out: before a name they are
/// more often a doctor or a title than a street.
fn is_street_abbreviation(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "st" | "rd" | "ave" | "ln" | "cres" | "gdns" | "tce" | "sq"
    )
}

/// Where a street typed in lower case ends, when the lower-case word at
/// `start..end` is followed by a street's abbreviation in lower case ("on
/// bowyer rd", "mill ln"): the abbreviations that are no other word.
fn lower_case_street_end(text: &str, start: usize, end: usize) -> Option<usize> {
    const ABBREVIATIONS: [&str; 6] = ["rd", "ave", "ln", "cres", "gdns", "tce"];
    let rest = text[end..].strip_prefix(' ')?;
    // Most words are followed by none: their first letters tell.
    let first = *rest.as_bytes().first()?;
    let abbreviation = ABBREVIATIONS
        .into_iter()
        .filter(|a| a.as_bytes()[0] == first)
        .find(|a| {
            rest.starts_with(a) && !rest[a.len()..].starts_with(|c: char| c.is_alphanumeric())
        })?;
    let word = &text[start..end];
    // "the rd", "main rd", "same rd": no street's own name.
    const NOT_A_NAME: &[&str] = &[
        "the", "and", "off", "top", "end", "main", "same", "this", "that", "next", "busy", "our",
        "your", "his", "her", "their", "its", "one", "any", "each", "every", "other", "along",
        "across", "down", "from", "into", "onto", "near", "by",
    ];
    (word.len() >= 3 && !NOT_A_NAME.contains(&word)).then_some(end + 1 + abbreviation.len())
}

/// True when a capitalised word comes just before `start`, one space away.
fn after_capitalised(text: &str, start: usize) -> bool {
    crate::anonymise::text::word_before(text, start).is_some_and(|(at, w)| {
        text[at + w.len()..start] == *" " && w.chars().next().is_some_and(char::is_uppercase)
    })
}

/// Words before a street or building word that make the phrase a kind of
/// place anyone may name, not one place ("Food Bank", "Car Park"). Kept
/// apart from [`GENERIC_SERVICE_WORDS`], some of whose words also name
/// streets ("Young Street", "Foster Road", "Burns Road").
const GENERIC_PLACE_WORDS: &[&str] = &[
    "food",
    "blood",
    "baby",
    "clothes",
    "clothing",
    "uniform",
    "memory",
    "toy",
    "book",
    "car",
    "play",
    "skate",
    "retail",
    "business",
    "industrial",
    "country",
    "theme",
    "water",
    "holiday",
    "caravan",
    "trampoline",
    "safari",
    "adventure",
    "city",
    "town",
    "village",
    "high",
    "main",
    "back",
    "front",
    "side",
    "sea",
    "river",
    "national",
];

/// Words of [`GENERIC_PLACE_WORDS`] that name a street when a street word
/// follows ("Front Street", "High St", "Main Road", "Back Lane"): one
/// street of a town, where "Side Door" or "Sea View" is no place.
const STREET_NAMING_WORDS: &[&str] = &[
    "high", "main", "back", "front", "side", "sea", "river", "city", "town", "village",
];

/// Words that name a part of a school or a service anywhere, or someone
/// by their office, after "the" ("at the Base", "to the Reporter"),
/// beside the kinds of premises (`premises.txt`) and [`FACILITIES`].
const GENERIC_AFTER_THE: &[&str] = &[
    "base",
    "hub",
    "zone",
    "annexe",
    "annex",
    "office",
    "sheriff",
    "reporter",
    "judge",
    "panel",
    "board",
    "council",
    "authority",
    "library",
    "jobcentre",
    "station",
    "airport",
    "beach",
    "seafront",
    "front",
    "park",
    "pier",
    "harbour",
    "market",
    "synagogue",
    "flat",
    "house",
    "home",
    "hospital",
    "university",
    "court",
    "prison",
    "police",
    "army",
    "navy",
    "internet",
    "web",
    "cloud",
    "news",
    "press",
    "lord",
    "prophet",
];

/// True when the word `(s, e)`, after "the" after a word of going to or
/// being at a place ("voucher (the Storehouse)", "reparation at the
/// Beacon", "drinks at the Ship"), is the name of a place, though it is
/// a word: one capitalised word, no other capitalised word after it, and
/// no word the field uses for a kind of place, a service, an office, a
/// language, a faith or a time (`ordinary`).
fn one_word_venue(
    text: &str,
    (s, e): (usize, usize),
    ordinary: impl Fn(&(usize, usize)) -> bool,
) -> bool {
    let word = &text[s..e];
    let lower = word.to_lowercase();
    let lists = super::lists::field_lists();
    let Some((the_at, _)) = crate::anonymise::text::word_before(text, s) else {
        return false;
    };
    let before_the = text[..the_at].trim_end();
    let going = before_the.ends_with('(')
        || crate::anonymise::text::word_before(text, the_at).is_some_and(|(at, w)| {
            text[at + w.len()..the_at].trim().is_empty()
                && matches!(
                    w.to_lowercase().as_str(),
                    "at" | "to"
                        | "from"
                        | "outside"
                        | "near"
                        | "into"
                        | "via"
                        | "opposite"
                        | "inside"
                )
        });
    going
        && word.chars().count() >= 4
        && word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().skip(1).all(char::is_lowercase)
        && !text[e..]
            .strip_prefix(' ')
            .is_some_and(|rest| rest.starts_with(char::is_uppercase))
        && !text[e..].starts_with(['\'', '’', '-'])
        && !ordinary(&(s, e))
        && !GENERIC_AFTER_THE.contains(&lower.as_str())
        && !FACILITIES.contains(&word)
        && !lists.is_premises(&lower)
        && !lists.is_kinship(&lower)
        && !lists.is_other_language_word(&lower)
        && !super::sensitive::is_health_term(&lower)
        && !crate::model::is_calendar_word(word)
        && !crate::agency_kind::is_agency_type(word)
        && !is_institution_word(&lower)
}

/// True when a word names a way along which people live ("Street", "Rd",
/// "Terrace"), not a building or an open space.
fn is_thoroughfare(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "road"
            | "street"
            | "lane"
            | "avenue"
            | "drive"
            | "close"
            | "crescent"
            | "terrace"
            | "walk"
            | "row"
            | "way"
            | "parade"
            | "st"
            | "rd"
            | "ave"
            | "ln"
            | "tce"
    )
}

/// True when the word after `end` makes the word that ends there the name
/// of a street or a building ("Linnet Way", "Elm Bank"): a street word,
/// but not "St" before a capitalised word, which is a saint ("St Mary's"),
/// and not after a word that makes a kind of place ("Food Bank").
fn street_end_after(text: &str, end: usize) -> bool {
    let Some(next) = crate::anonymise::text::word_after(text, end) else {
        return false;
    };
    // Most words are followed by no street's end: the word before is
    // lower-cased only when one is.
    if next != "Approach" && !is_street_end(next) {
        return false;
    }
    let before = crate::anonymise::text::word_before(text, end)
        .map(|(_, w)| w.to_lowercase())
        .unwrap_or_default();
    // "Station Approach", "Pier Approach": the way to a landmark, unlike
    // "Signs of Safety Approach".
    if next == "Approach" {
        return matches!(
            before.as_str(),
            "station"
                | "pier"
                | "harbour"
                | "castle"
                | "abbey"
                | "church"
                | "bridge"
                | "priory"
                | "cathedral"
                | "dock"
                | "docks"
                | "quay"
                | "airport"
                | "hospital"
                | "college"
        );
    }
    if GENERIC_PLACE_WORDS.contains(&before.as_str())
        && !(STREET_NAMING_WORDS.contains(&before.as_str()) && is_thoroughfare(next))
    {
        return false;
    }
    if next.eq_ignore_ascii_case("st")
        && let Some(at) = text[end..].find(next).map(|i| end + i + next.len())
        && crate::anonymise::text::word_after(text, at)
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        && text[at..].starts_with(' ')
    {
        return false;
    }
    true
}

/// True when a capitalised word follows `at`, one space away.
fn after_capitalised_next(text: &str, at: usize) -> bool {
    text[at..]
        .strip_prefix(' ')
        .is_some_and(|rest| rest.starts_with(char::is_uppercase))
}

/// True when a dose follows `end`: a number and a unit of medicine ("5mg",
/// "400 mcg", "70ml", "2 units"). No one's name stands before one.
fn before_a_dose(text: &str, end: usize) -> bool {
    let Some(mut rest) = text[end..].strip_prefix(' ') else {
        return false;
    };
    // "Mefenamic acid 500mg": the word of a salt or form between; not any
    // word, or "Kyle took 20mg" would make Kyle a medicine.
    const MEDICINE_WORDS: &[&str] = &[
        "acid",
        "sodium",
        "potassium",
        "calcium",
        "magnesium",
        "hydrochloride",
        "phosphate",
        "sulfate",
        "sulphate",
        "citrate",
        "acetate",
        "bromide",
        "maleate",
        "fumarate",
        "tartrate",
        "succinate",
        "oral",
        "liquid",
        "syrup",
        "suspension",
        "tablets",
        "capsules",
        "cream",
        "inhaler",
    ];
    let word = rest
        .find(|c: char| !c.is_ascii_lowercase())
        .unwrap_or(rest.len());
    if MEDICINE_WORDS.contains(&&rest[..word]) && rest[word..].starts_with(' ') {
        rest = &rest[word + 1..];
    }
    let digits = rest
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'.')
        .count();
    if digits == 0 || !rest.as_bytes()[0].is_ascii_digit() {
        return false;
    }
    let unit = rest[digits..].trim_start_matches(' ');
    let unit_end = unit
        .find(|c: char| !c.is_alphabetic() && c != 'µ')
        .unwrap_or(unit.len());
    matches!(
        unit[..unit_end].to_ascii_lowercase().as_str(),
        "mg" | "mcg" | "µg" | "ml" | "mls" | "micrograms" | "milligrams" | "units" | "iu"
    )
}

/// True when a word is one that begins compounds ("Pre-birth",
/// "Co-sleeping", "Step-dad"). A list, not any word before a hyphen:
/// Cantonese given names join their syllables so ("Ka-wing", "Wai-man").
fn is_compound_prefix(lower: &str) -> bool {
    matches!(
        lower,
        "pre"
            | "post"
            | "non"
            | "anti"
            | "co"
            | "re"
            | "ex"
            | "multi"
            | "inter"
            | "intra"
            | "sub"
            | "semi"
            | "self"
            | "mid"
            | "over"
            | "under"
            | "out"
            | "cross"
            | "counter"
            | "half"
            | "step"
            | "great"
            | "well"
            | "part"
            | "full"
            | "long"
            | "short"
            | "low"
            | "high"
            | "mis"
            | "un"
    )
}

/// True when a hyphen and a word of the dictionary in lower case follow
/// `end` ("Pre-birth", "Co-sleeping", "Non-accidental").
fn before_a_compound(text: &str, end: usize) -> bool {
    let Some(rest) = text[end..].strip_prefix('-') else {
        return false;
    };
    let word_end = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    let word = &rest[..word_end];
    word.len() >= 3
        && word.chars().all(char::is_lowercase)
        && (words::in_dictionary(word)
            || words::is_word(word)
            // "Co-amoxiclav 625mg": a medicine's name.
            || before_a_dose(text, end + 1 + word_end))
}

/// True when a token is two capitals glued to three digits or three
/// capitals glued to two or three, as a fishing boat's port letters and
/// number ("PZ417", "AHL27") or a plate's part are written; not a
/// national line ("NHS111").
fn is_a_vessel_number(token: &str) -> bool {
    let letters = token.bytes().take_while(u8::is_ascii_uppercase).count();
    let digits = token.len() - letters;
    ((letters == 2 && digits == 3) || (letters == 3 && (2..=3).contains(&digits)))
        && token.bytes().skip(letters).all(|b| b.is_ascii_digit())
        && &token[..letters] != "NHS"
}

/// Units written straight after a number that are no measurement of
/// [`super::classify::is_unit`]: times, speeds, power, data and money
/// ("0930hrs", "16gb", "50p").
const OTHER_UNITS: &[&str] = &[
    "hrs", "hr", "h", "mins", "min", "bpm", "units", "cal", "mb", "gb", "kb", "w", "kw", "kwh",
    "v", "mph", "p",
];

/// True when a token is a number and a unit ("1450ppm", "2,000mg").
fn is_a_measurement(token: &str) -> bool {
    let number = token
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b',')
        .count();
    if number == 0 || number == token.len() || !token.as_bytes()[0].is_ascii_digit() {
        return false;
    }
    let unit = token[number..].to_lowercase();
    super::classify::is_unit(&unit) || OTHER_UNITS.contains(&unit.as_str())
}

/// Lower-case words after which capitals are an abbreviation of a thing,
/// not someone's initials: a score, a form, a scheme ("SMA formula", "IRD
/// meeting", "BN(O) visa").
const AFTER_AN_ABBREVIATION: &[&str] = &[
    "formula",
    "referral",
    "referrals",
    "team",
    "meeting",
    "meetings",
    "plan",
    "plans",
    "visa",
    "passport",
    "order",
    "orders",
    "report",
    "reports",
    "results",
    "result",
    "assessment",
    "assessments",
    "form",
    "forms",
    "check",
    "checks",
    "score",
    "scores",
    "scale",
    "application",
    "award",
    "payment",
    "payments",
    "worker",
    "workers",
    "officer",
    "officers",
    "nurse",
    "service",
    "services",
    "unit",
    "hub",
    "case",
    "support",
    "review",
    "reviews",
    "conference",
    "strategy",
    "status",
    "register",
    "letter",
    "letters",
    "appointment",
    "clinic",
    "app",
    "account",
    "card",
    "screening",
    "level",
    "levels",
    "exam",
    "exams",
    "test",
    "tests",
    "course",
    "programme",
    "scheme",
    "grant",
    "checklist",
    "tool",
    "threshold",
    "procedures",
    "protocol",
    "guidance",
    "system",
    "database",
    "notification",
    "notifications",
    "flag",
    "marker",
    "alert",
    "entry",
    "record",
    "records",
    "paperwork",
    "hearing",
    "hearings",
    "panel",
    "process",
    "pathway",
    "team's",
    "consent",
    // "CO alarm", "HA tenancy", "BA crews", "RSV positive", "PV loss".
    "loss",
    "bleed",
    "bleeding",
    "exposure",
    "compliant",
    "alarm",
    "alarms",
    "monitor",
    "reading",
    "readings",
    "tenancy",
    "tenancies",
    "crew",
    "crews",
    "positive",
    "negative",
    "diagnosis",
    "traits",
    "booster",
    "rating",
    "notice",
    "waiting",
    "vaccine",
    "vaccination",
    "immunisation",
    "injection",
    "scan",
    "sessions",
    "session",
    "group",
    "groups",
    "arrest",
    "commander",
    "advice",
    "sponsor",
    "licence",
    "sticker",
    "screen",
];

/// Makes of car, motorbike, quad and tractor, before a model in capitals
/// ("Honda TRX", "Ford KA", "Polaris RZR").
const VEHICLE_MAKES: &[&str] = &[
    "Honda",
    "Ford",
    "Vauxhall",
    "VW",
    "Volkswagen",
    "BMW",
    "Audi",
    "Toyota",
    "Nissan",
    "Peugeot",
    "Renault",
    "Citroen",
    "Citroën",
    "Kia",
    "Hyundai",
    "Yamaha",
    "Suzuki",
    "Kawasaki",
    "Rover",
    "Mercedes",
    "Fiat",
    "Seat",
    "Skoda",
    "Škoda",
    "Mazda",
    "Mitsubishi",
    "Volvo",
    "Polaris",
    "Deere",
    "Ferguson",
    "Kubota",
    "Isuzu",
    "Dacia",
    "Tesla",
];

/// True when capitals not in any list read as the abbreviation of a thing,
/// not as someone's initials, from the words around them: before a number,
/// score or amount ("RR 6", "SADQ 28", "EMA £30"), after an article or
/// "via" ("the IRD", "via ADRS") or a make ("Honda TRX"), or before a
/// word that such abbreviations qualify ("SMA formula", "GIRFEC meeting").
/// Initials take none of these;
/// nor does the name of a drug line ("the BENZ line").
fn reads_as_an_abbreviation(text: &str, start: usize, end: usize) -> bool {
    let rest = &text[end..];
    // "ADOS-2", "RHS-15", "GAD-7": a scale or a tool with its version or
    // its number of items; but a number with a leading nought, or with
    // more after it ("PYR-06", "AQ-41-TL"), is a boat's or a plate's.
    if let Some(number) = rest.strip_prefix('-') {
        let digits = number.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=2).contains(&digits)
            && !number.starts_with('0')
            && text[start..end].chars().count() >= 3
            && !number[digits..].starts_with(|c: char| c.is_alphanumeric() || c == '-' || c == '/')
        {
            return true;
        }
    }
    // "the BENZ line", "on the JAY line": a drug line is named after its
    // runner's or its holder's name.
    if rest.starts_with(' ')
        && crate::anonymise::text::word_after(text, end)
            .is_some_and(|w| w.eq_ignore_ascii_case("line") || w.eq_ignore_ascii_case("lines"))
    {
        return false;
    }
    if let Some(after) = rest.strip_prefix(' ') {
        // A sum ("EMA £30"); a score of one to three digits after four
        // capitals ("SADQ 28"); a reading after two or four ("BP 168/96",
        // "EF 55%"). Two capitals before a bare number are as often
        // initials and an age ("KT 14"), and three capitals and a number a
        // registration or a vessel's number ("DQZ 4407", "AHL 27").
        if after.starts_with(['£', '$', '€']) {
            return true;
        }
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let letters = text[start..end].chars().count();
        // "BM 6.8", "CRT 3s": a reading with a decimal or a unit, which no
        // age has.
        let unit = |u: &str| {
            after[digits..]
                .strip_prefix(u)
                .is_some_and(|tail| !tail.starts_with(|c: char| c.is_alphanumeric()))
        };
        let reading = after[digits..].starts_with(['/', '%'])
            || (after[digits..].starts_with('.')
                && after[digits + 1..].starts_with(|c: char| c.is_ascii_digit()))
            || ["s", "mm", "cm", "kg", "mg", "ml", "mmol", "L"]
                .into_iter()
                .any(unit);
        if (1..=3).contains(&digits)
            && (letters == 4 || ((2..=3).contains(&letters) && reading))
            && !after[digits..].starts_with(|c: char| c.is_alphanumeric())
        {
            return true;
        }
    }
    if let Some((at, before)) = crate::anonymise::text::word_before(text, start)
        && &text[at + before.len()..start] == " "
        && (matches!(before, "the" | "a" | "an" | "via" | "Via")
            // "booked at JGH": three capitals or more where someone was
            // are a place's ("at JT's" is at someone's home).
            || (matches!(before, "at" | "At")
                && text[start..end].len() >= 3
                && !text[end..].starts_with(['\'', '’']))
            // "Honda TRX", "Ford KA": a make's model.
            || VEHICLE_MAKES.contains(&before))
    {
        return true;
    }
    crate::anonymise::text::word_after(text, end).is_some_and(|next| {
        rest.starts_with(' ')
            && rest[1..].starts_with(next)
            && AFTER_AN_ABBREVIATION.contains(&next)
    })
}

/// Capitalised words that make the capitalised words before them the
/// name of one service's building ("the Beech Unit", "Willow Lodge").
pub(super) const FACILITIES: &[&str] = &[
    "Unit",
    "Centre",
    "Center",
    "Ward",
    "Hub",
    "Clinic",
    "Lodge",
    "Project",
    // "Turning Tide Recovery": a recovery service named with ordinary
    // words ("Alcohol Recovery" is a kind of service).
    "Recovery",
    // "the Living Stone Fellowship": a church by its words.
    "Fellowship",
    "Suite",
    "Outreach",
    "Foundation",
    "Refuge",
    "Nursery",
    "Academy",
    "School",
    "Surgery",
    "Practice",
    "Pharmacy",
    "Chemist",
    "Chemists",
];

/// Words that make a unit or centre a kind of service anyone may name
/// ("Mother and Baby Unit", "Family Centre", "Assessment Unit"), lower case.
pub(super) const GENERIC_SERVICE_WORDS: &[&str] = &[
    "acute",
    "admissions",
    "adoption",
    "attendance",
    "behaviour",
    "benefits",
    "careers",
    "concern",
    "duty",
    "education",
    "employment",
    "enquiry",
    "exploitation",
    "fostering",
    "inclusion",
    "intake",
    "intervention",
    "justice",
    "kinship",
    "liaison",
    "missing",
    "nurture",
    "pastoral",
    "protection",
    "public",
    "screening",
    "triage",
    "vulnerability",
    "adolescent",
    "adult",
    "adults",
    "advice",
    "alcohol",
    "ambulatory",
    "antenatal",
    "assessment",
    "baby",
    "birth",
    "burns",
    "cancer",
    "cardiac",
    "child",
    "children",
    "clinical",
    "community",
    "contact",
    "counselling",
    "crisis",
    "day",
    "decision",
    "delivery",
    "dental",
    "dependency",
    "detox",
    "diagnostic",
    "disability",
    "drug",
    "drugs",
    "early",
    "eating",
    "emergency",
    "eye",
    "family",
    "families",
    "fertility",
    "foster",
    "fracture",
    "health",
    "high",
    "homeless",
    "housing",
    "infant",
    "information",
    "injuries",
    "injury",
    "inpatient",
    "intensive",
    "job",
    "labour",
    "learning",
    "leisure",
    "maternity",
    "medical",
    "mental",
    "minor",
    "mother",
    "multi-agency",
    "neonatal",
    "newborn",
    "observation",
    "outpatient",
    "paediatric",
    "parent",
    "parents",
    "people",
    "play",
    "postnatal",
    "psychiatric",
    "recovery",
    "referral",
    "rehabilitation",
    "renal",
    "residential",
    "resource",
    "respite",
    "safeguarding",
    "scan",
    "secure",
    "sexual",
    "special",
    "sports",
    "stroke",
    "substance",
    "support",
    "surgical",
    "teen",
    "therapy",
    "trauma",
    "treatment",
    "ultrasound",
    "urgent",
    "visitor",
    "walk-in",
    "wellbeing",
    "women",
    "young",
    "youth",
    "years",
    "care",
    "civic",
    // Kinds of school and nursery ("Primary school", "Infant school").
    "primary",
    "secondary",
    "junior",
    "infants",
    "grammar",
    "independent",
    "boarding",
    "sixth",
    "form",
    "pre",
    "school",
    "nursery",
    "village",
    "forest",
    "free",
    "faith",
    "church",
    "catholic",
    "state",
    "private",
    "mainstream",
    "alternative",
    "hospital",
    "pupil",
    "sunday",
    // Kinds of help ("Early Help Hub", "Domestic Abuse Outreach").
    "help",
    // Clubs and groups for an activity ("Homework Club", "Debate Club",
    // "Boxing club"), unlike "Forge Youth Club".
    "after-school",
    "art",
    "athletics",
    "boxing",
    "breakfast",
    "chess",
    "choir",
    "coding",
    "cooking",
    "craft",
    "crafts",
    "cricket",
    "dance",
    "debate",
    "debating",
    "drama",
    "film",
    "football",
    "gaming",
    "gardening",
    "gymnastics",
    "homework",
    "judo",
    "karate",
    "kickboxing",
    "lunch",
    "lunchtime",
    "music",
    "netball",
    "rugby",
    "science",
    "swimming",
    "carers",
    "victim",
    "victims",
    "domestic",
    "abuse",
    "refugee",
    "asylum",
    "welfare",
    "social",
    "local",
    "new",
    "other",
    "same",
    "integrated",
    "regional",
    "specialist",
    "central",
    "general",
    "district",
    "county",
    "city",
    "national",
    "royal",
    "university",
    "good",
    "best",
    "professional",
    "reflective",
];

/// True when a hospital's department follows `end` of `text`: "(HUH)
/// Emergency Department", "ED", "A&E", "Maternity", "Paediatrics",
/// "Children's Ward".
fn before_a_hospital_department(text: &str, end: usize) -> bool {
    let Some(rest) = text[end..].strip_prefix(' ') else {
        return false;
    };
    let word_end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '&' || c == '\''))
        .unwrap_or(rest.len());
    matches!(
        &rest[..word_end],
        "Emergency"
            | "ED"
            | "A&E"
            | "Maternity"
            | "Paediatrics"
            | "Paediatric"
            | "Neonatal"
            | "NICU"
            | "SCBU"
            | "Children's"
            | "Antenatal"
            | "Fracture"
            | "Radiology"
            | "Hospital"
    )
}

/// Words that make "Family Court", "Town Hall" or "Care Home" an
/// institution anyone may name, not a place that identifies a family.
pub(super) fn is_institution_word(lower: &str) -> bool {
    matches!(
        lower.trim_end_matches("'s").trim_end_matches('\''),
        "family"
            | "crown"
            | "magistrates"
            | "youth"
            | "county"
            | "high"
            | "appeal"
            | "coroner"
            | "coroners"
            | "town"
            | "village"
            | "community"
            | "care"
            | "foster"
            | "children"
            | "childrens"
            | "safe"
            | "open"
            | "public"
            | "sports"
            | "leisure"
            | "council"
            | "refuge"
            | "halfway"
    )
}

/// True when a capitalised word that is not in the dictionary is an
/// ordinary word all the same: an inflection or a prefixed form of one
/// ("Rebooked", "Leavers", "Triennial").
fn inflected_word(lower: &str) -> bool {
    let stems = |w: &str| {
        words::is_word(w)
            || ["ed", "d", "s", "es", "ers", "er", "ing", "ial", "ly"]
                .iter()
                .filter_map(|suffix| w.strip_suffix(suffix))
                .any(|stem| {
                    stem.len() >= 3 && (words::is_word(stem) || words::is_word(&format!("{stem}e")))
                })
    };
    // "Demo'd", "OK'd": a word with a contracted ending.
    if let Some(stem) = lower
        .strip_suffix("'d")
        .or_else(|| lower.strip_suffix("’d"))
        .filter(|stem| stem.len() >= 2)
    {
        return words::is_word(stem) || stems(stem) || words::is_vocabulary(stem);
    }
    stems(lower)
        || [
            "re", "un", "pre", "tri", "bi", "non", "co", "sub", "over", "under",
        ]
        .iter()
        .filter_map(|prefix| lower.strip_prefix(prefix))
        .any(|rest| rest.len() >= 3 && stems(rest))
}

/// True when the word before `at`, in the same sentence, names a relation
/// or acquaintance whose name may follow: "her friend Hope", "Uncle Will",
/// "boyfriend Hunter", "her neighbour, Kerry" (not "…her partner. Her
/// brother…").
fn after_relation(text: &str, at: usize) -> bool {
    cue_before(text, at).is_some_and(|word| {
        is_relation_word(word.to_lowercase().trim_end_matches("'s"))
            // "Grandma Sue", "Nanna Pat": a kinship word is kept, the name
            // after it is not.
            || super::lists::field_lists().is_kinship(word)
    })
}

/// True when a lower-case word names what someone is to the family, other
/// than by kinship: "friend", "neighbour", "lodger", "childminder", and the
/// Shona and Lingala kinship words written before a name.
fn is_relation_word(lower: &str) -> bool {
    matches!(
        lower,
        "friend"
                    | "friends"
                    | "neighbour"
                    | "neighbor"
                    | "partner"
                    | "boyfriend"
                    | "girlfriend"
                    | "ex"
                    | "ex-partner"
                    | "nephew"
                    | "niece"
                    | "son"
                    | "daughter"
                    | "stepfather"
                    | "stepmother"
                    | "husband"
                    | "wife"
                    | "fiance"
                    | "fiancé"
                    | "lodger"
                    | "mate"
                    | "babysitter"
                    | "childminder"
                    | "grandson"
                    | "granddaughter"
                    | "godmother"
                    | "godfather"
                    | "carer"
                    | "lad"
                    | "lass"
                    // Shona and Lingala kinship words written before a
                    // name ("Tete Patience", "Sekuru Moyo", "Tonton
                    // Béni"); alone, in no list, each is replaced as the
                    // name of the one it means.
                    | "tete"
                    | "sekuru"
                    | "ambuya"
                    | "mbuya"
                    | "gogo"
                    | "mainini"
                    | "maiguru"
                    | "babamukuru"
                    | "babamunini"
                    | "tonton"
                    | "tantine"
    )
}

/// True when a lower-case word says who someone is to the family or what
/// they do for it: a relation, a kinship word or a role.
fn is_who_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    let lower = lower
        .trim_end_matches("'s")
        .trim_end_matches("’s")
        .trim_end_matches('s');
    is_relation_word(lower)
        || is_relation_word(word.to_lowercase().trim_end_matches("'s"))
        || super::lists::field_lists().is_kinship(word)
        || super::lists::field_lists().is_kinship(lower)
        || words::is_role_title(word)
}

/// True when brackets after `end` say who the word before them is, by a
/// relation, a kinship word or a role among their first words: "Summer
/// (Tyler's half-sister, 15)", "Bonnie (maternal aunt)", and the first of
/// two names before them ("Grace and Hope (maternal cousins)").
fn before_people_in_brackets(text: &str, end: usize) -> bool {
    let mut rest = &text[end..];
    if let Some(next) = rest
        .strip_prefix(" and ")
        .or_else(|| rest.strip_prefix(" & "))
        .filter(|next| next.starts_with(char::is_uppercase))
    {
        let word_end = next
            .find(|c: char| !c.is_alphabetic() && !matches!(c, '-' | '\'' | '’'))
            .unwrap_or(next.len());
        rest = &next[word_end..];
    }
    let Some(inner) = rest.strip_prefix(" (") else {
        return false;
    };
    let inner = &inner[..inner.find(')').unwrap_or(inner.len()).min(60)];
    inner
        .split(|c: char| !c.is_alphanumeric() && !matches!(c, '\'' | '’'))
        .filter(|w| !w.is_empty())
        .take(4)
        .flat_map(|w| w.split('-'))
        .any(is_who_word)
}

/// True when "the" and who someone is follow `end`, with or without a
/// comma: "Rocky, the family's lodger", "Amber, the new partner", "Mercy
/// the childminder".
fn before_who_in_apposition(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    let rest = rest.strip_prefix(',').unwrap_or(rest);
    let Some(after) = rest.strip_prefix(" the ") else {
        return false;
    };
    for word in after.split(' ').take(3) {
        let bare = word.trim_end_matches([',', '.', ';', ':', ')']);
        if bare.is_empty() || !bare.chars().all(|c| c.is_alphabetic() || "'’-".contains(c)) {
            return false;
        }
        if bare.split('-').any(is_who_word) {
            return true;
        }
        if bare.len() != word.len() {
            return false;
        }
    }
    false
}

/// True when, after `end`, the place someone speaks from or works at comes
/// before a verb of what they said or did: "Dawn from the Housing
/// Executive called", "Joy at the contact centre said".
fn reported_from_somewhere(text: &str, end: usize) -> bool {
    if !text[end..].starts_with(' ') {
        return false;
    }
    let words = words_from(text, end + 1, 7);
    if !words
        .first()
        .is_some_and(|&(s, e)| matches!(&text[s..e], "from" | "at"))
    {
        return false;
    }
    // "from the Housing Executive", "at Women's Aid": a place or a body,
    // not "Rose from her seat and said".
    let named = words
        .get(1)
        .is_some_and(|&(s, e)| &text[s..e] == "the" || text[s..e].starts_with(char::is_uppercase));
    named
        && words[2..]
            .iter()
            .any(|&(s, e)| is_reporting_verb(&text[s..e]) && reported_by(text, s - 1))
}

/// True when the word before `end` is followed by a verb only a person's
/// doing fits: "Liberty attends the same nursery", "Amber lives with".
fn before_a_persons_doing(text: &str, end: usize) -> bool {
    text[end..].starts_with(' ')
        && crate::anonymise::text::word_after(text, end).is_some_and(|verb| {
            matches!(
                verb,
                "attends"
                    | "lives"
                    | "stays"
                    | "stayed"
                    | "sleeps"
                    | "slept"
                    | "cried"
                    | "cries"
                    | "disclosed"
                    | "wants"
                    | "wanted"
                    | "smiled"
                    | "laughed"
                    | "shouted"
                    | "screamed"
                    | "hit"
                    | "punched"
                    | "kicked"
                    | "threatened"
                    | "moved"
                    | "went"
                    | "goes"
                    | "came"
                    | "comes"
            )
        })
}

/// True when the words right before `start` say that what follows is
/// what someone is called or named: "a girl he called Summer", "a lad
/// named Rocky", "her friend called Dawn".
fn after_a_naming(text: &str, start: usize) -> bool {
    use crate::anonymise::text::word_before;
    let Some((verb_at, verb)) = word_before(text, start) else {
        return false;
    };
    let is = |word: &str, options: &[&str]| options.iter().any(|o| word.eq_ignore_ascii_case(o));
    text[verb_at + verb.len()..start] == *" "
        && is(verb, &["called", "named", "nicknamed", "calls", "names"])
        && word_before(text, verb_at).is_some_and(|(at, who)| {
            text[at + who.len()..verb_at] == *" "
                && is(
                    who,
                    &[
                        "he",
                        "she",
                        "they",
                        "i",
                        "we",
                        "you",
                        "girl",
                        "boy",
                        "man",
                        "woman",
                        "lad",
                        "lass",
                        "friend",
                        "girlfriend",
                        "boyfriend",
                        "partner",
                        "baby",
                        "cousin",
                        "someone",
                        "somebody",
                        "person",
                        "guy",
                        "bloke",
                        "child",
                        "son",
                        "daughter",
                    ],
                )
        })
}

/// True when the word at `start..end` is joined by "and" to a personal
/// pronoun: "He and Summer have split up", "Summer and I".
fn beside_a_pronoun(text: &str, start: usize, end: usize) -> bool {
    use crate::anonymise::text::{word_after, word_before};
    const PRONOUNS: &[&str] = &["he", "she", "i", "him", "me", "they", "we", "us", "them"];
    let is_pronoun = |word: &str| PRONOUNS.iter().any(|p| word.eq_ignore_ascii_case(p));
    let before = word_before(text, start).is_some_and(|(and_at, and)| {
        and == "and"
            && text[and_at + and.len()..start] == *" "
            && word_before(text, and_at)
                .is_some_and(|(at, who)| text[at + who.len()..and_at] == *" " && is_pronoun(who))
    });
    let after = text[end..].starts_with(" and ")
        && word_after(text, end + " and".len()).is_some_and(|who| {
            is_pronoun(who) && who != "them" && who != "us" && who != "him" && who != "me"
        });
    before || after
}

/// True when `word`, at `at` in `text`, reads as a surname written in
/// capitals ("MOYO", "DUBE", "CHIKWANHA"): three letters or more with a
/// vowel, all capitals, followed by no letter or digit, and no word, no
/// abbreviation of the field, no acronym and no public name.
fn is_a_surname_in_capitals(text: &str, at: usize, word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let lower = word.to_lowercase();
    letters >= 3
        && letters == word.chars().count()
        && word.chars().all(char::is_uppercase)
        && lower.contains(['a', 'e', 'i', 'o', 'u', 'y'])
        && !text[at + word.len()..].starts_with(|c: char| c.is_alphanumeric())
        && !words::is_word(&lower)
        && !words::in_larger_dictionary(&lower)
        && is_no_term_in_capitals(text, at, word)
}

/// True when a word in capitals at `at` is no word of the record's own
/// vocabulary, title, acronym, abbreviation of the field or public name,
/// and does not read as an abbreviation where it stands.
fn is_no_term_in_capitals(text: &str, at: usize, word: &str) -> bool {
    !words::is_vocabulary(word)
        && !words::is_title(word)
        && !words::is_acronym(word)
        && !super::lists::field_lists().is_abbreviation(word)
        && !super::lists::field_lists().is_public_name(word)
        && !reads_as_an_abbreviation(text, at, at + word.len())
}

/// True when `word`, at `at` in `text`, is an ordinary word of four
/// letters or more written in capitals that no other word in capitals
/// follows ("GOSLING", not "RED FLAG"), and no abbreviation, acronym,
/// title or public name.
fn is_a_word_in_capitals_alone(text: &str, at: usize, word: &str) -> bool {
    let rest = &text[at + word.len()..];
    word.len() >= 4
        && word.bytes().all(|b| b.is_ascii_uppercase())
        && word.contains(['A', 'E', 'I', 'O', 'U', 'Y'])
        && !rest.starts_with(|c: char| c.is_alphanumeric() || c == '-')
        && !crate::anonymise::text::word_after(text, at + word.len())
            .is_some_and(|next| next.len() >= 2 && !next.chars().any(char::is_lowercase))
        && is_no_term_in_capitals(text, at, word)
}

/// True when a word of three letters or more in capitals follows `end`
/// and `token` before it is not in capitals ("Dean GREEN"): the pair
/// reads as a name and a surname, not as a street.
fn capitals_follow(text: &str, end: usize, token: &str) -> bool {
    token.chars().any(char::is_lowercase)
        && crate::anonymise::text::word_after(text, end)
            .is_some_and(|next| next.len() >= 3 && !next.chars().any(char::is_lowercase))
}

/// True when a capital initial stands just before `start`, with or
/// without its dot: "D Lord", "D. Lord".
fn after_an_initial(text: &str, start: usize) -> bool {
    let head = text[..start]
        .strip_suffix(' ')
        .map(|h| h.strip_suffix('.').unwrap_or(h));
    head.is_some_and(|head| {
        head.ends_with(|c: char| c.is_ascii_uppercase())
            && !head[..head.len() - 1].ends_with(|c: char| c.is_alphanumeric() || c == '.')
    })
}

/// True when a role follows in brackets, right after `end` or after one
/// more capitalised word: "Carol Mountain (IRO)", "Bev Haigh (SENCO)".
fn before_a_role_in_brackets(text: &str, end: usize) -> bool {
    let mut rest = &text[end..];
    if let Some(next) = rest.strip_prefix(' ')
        && next.starts_with(char::is_uppercase)
    {
        let word_end = next
            .find(|c: char| !c.is_alphanumeric() && !matches!(c, '-' | '\'' | '’'))
            .unwrap_or(next.len());
        rest = &next[word_end..];
    }
    rest.strip_prefix(" (").is_some_and(|inner| {
        let role = inner
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        words::is_role_title(role)
    })
}

/// True when an age in brackets follows `end` of `text`: " (6)", " (14)",
/// " (6y)", " (15 yrs)".
fn before_an_age_in_brackets(text: &str, end: usize) -> bool {
    text[end..].strip_prefix(" (").is_some_and(|inner| {
        let digits = inner.bytes().take_while(u8::is_ascii_digit).count();
        (1..=2).contains(&digits)
            && matches!(
                inner[digits..].split(')').next(),
                Some("" | "y" | "yo" | "yrs" | " yrs" | " years" | "m" | " months")
            )
            && inner[digits..].contains(')')
    })
}

/// The word right before `at`, with nothing or a comma between: the word
/// that may say who or what the word at `at` names ("her friend Hope",
/// "the dog, Tank").
fn cue_before(text: &str, at: usize) -> Option<&str> {
    let (start, word) = crate::anonymise::text::word_before(text, at)?;
    let gap = text[start + word.len()..at].trim();
    (gap.is_empty() || gap == ",").then_some(word)
}

/// Animals kept as pets, and their breeds as notes name them.
const PETS: &[&str] = &[
    "dog",
    "dogs",
    "sheepdog",
    "puppy",
    "pup",
    "cat",
    "kitten",
    "pony",
    "horse",
    "pet",
    "rabbit",
    "hamster",
    "budgie",
    "parrot",
    "collie",
    "terrier",
    "spaniel",
    "lurcher",
    "staffie",
    "staffy",
    "staffies",
    "husky",
    "labrador",
    "alsatian",
    "bulldog",
    "rottweiler",
    "poodle",
    "cockapoo",
    "greyhound",
    "whippet",
    "chihuahua",
    "dachshund",
    "pug",
    "ferret",
    "tortoise",
];

/// True when `word` is an animal kept as a pet or its breed ("Staffy").
fn is_pet(word: &str) -> bool {
    // Every pet word is ASCII, so a case-blind comparison is enough and
    // allocates nothing.
    PETS.iter().any(|pet| word.eq_ignore_ascii_case(pet))
}

/// True when the word at `start..end` is a pet's name: after the animal
/// ("Sheepdog Moss", "her pony Seren", "the dog, Tank", "Staffy
/// 'Bandit'", "Dog (Bandit)"), or before it in brackets ("Bandit
/// (Staffy)"). A pet's name tells which family it is, whatever word it is.
fn after_a_pet(text: &str, start: usize) -> bool {
    let Some((at, word)) = crate::anonymise::text::word_before(text, start) else {
        return false;
    };
    let gap = text[at + word.len()..start].trim();
    matches!(gap, "" | "," | "(" | "'" | "\"" | "‘" | "“" | "(\"" | "('") && is_pet(word)
}

/// True when a pet's kind follows `end` in brackets: "Bandit (Staffy)",
/// "Moss (dog)".
fn before_a_pet_kind(text: &str, end: usize) -> bool {
    // "I miss Biscuit" (dad's Staffy): a quotation may end before it.
    let after = text[end..].trim_start_matches(['"', '\'', '’', '”']);
    let Some(inside) = after.strip_prefix(" (") else {
        return false;
    };
    // "Biscuit (dad's Staffy)": whose the pet is, before its kind.
    let inside = match inside.split_once(' ') {
        Some((owner, rest)) if owner.ends_with("'s") || owner.ends_with("’s") => rest,
        _ => inside,
    };
    let word: &str = inside
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    is_pet(word) && inside[word.len()..].starts_with(')')
}

/// Words after which a word in quotation marks is what someone is
/// called: "older males 'Blaze' + 'Tiny'", "aka 'Smokey'", "a male
/// called 'Dee'".
const NICKNAME_CUES: &[&str] = &[
    "aka",
    "a.k.a",
    "called",
    "calls",
    "nicknamed",
    "nickname",
    "named",
    "as",
    "male",
    "males",
    "man",
    "men",
    "boyfriend",
    "girlfriend",
    "friend",
    "friends",
    "associate",
    "associates",
];

/// Why a quoted nickname is replaced (and, to the second pass, that it
/// is what someone is called, in any case).
pub(super) const NICKNAME_REASON: &str = "not in the cast, but what someone is called";

/// Why the name of a club, a pub or a shop before the words of its kind
/// is replaced (and, to the second pass, that it names that place wherever
/// it is capitalised: "the Forge" where another record has "Forge Youth
/// Club").
pub(super) const VENUE_REASON: &str = "not in the cast, but the name of a place such as a club";

/// True when the words after `end` make what ends there the name of
/// premises: words of a kind of service, then a word of premises or a
/// facility ("Forge" of
/// "Forge Youth Club", "Mallard" of "Mallard Hotel").
pub(super) fn venue_at(text: &str, end: usize) -> bool {
    if !text[end..].starts_with(' ') {
        return false;
    }
    let lists = super::lists::field_lists();
    for (s, e) in words_from(text, end + 1, 4) {
        let word = &text[s..e];
        let lower = word.to_lowercase();
        if lists.is_premises(&lower) || FACILITIES.contains(&word) {
            return true;
        }
        if !GENERIC_SERVICE_WORDS.contains(&lower.as_str()) {
            return false;
        }
    }
    false
}

/// True when the word at `start..end` is what someone is called: in
/// quotation marks after a word that says so (see [`quoted_nickname`]),
/// after "call him", "calls her" ("Older ones call him Shorty"), or a
/// pet's name (see [`after_a_pet`]).
pub(super) fn nickname_at(text: &str, start: usize, end: usize) -> bool {
    quoted_nickname(text, start, end)
        || called_so(text, start)
        || after_a_pet(text, start)
        || before_a_pet_kind(text, end)
}

/// True when the words before `at` are "call(s|ed|ing) him|her|them|me"
/// or "(to) be called", "everyone calls" ("known as" is not enough: "known
/// as Early Help").
fn called_so(text: &str, at: usize) -> bool {
    let Some((before_at, object)) = crate::anonymise::text::word_before(text, at) else {
        return false;
    };
    let Some((_, verb)) = crate::anonymise::text::word_before(text, before_at) else {
        return false;
    };
    // Compared without regard to case, and without allocating: this runs
    // for every capitalised word the residual pass looks at.
    let is = |word: &str, options: &[&str]| options.iter().any(|o| word.eq_ignore_ascii_case(o));
    (is(verb, &["call", "calls", "called", "calling"])
        && is(
            object,
            &["him", "her", "them", "me", "himself", "herself", "themselves"],
        ))
        // "asks to be called Nene", "whom everyone calls Jun-Jun".
        || (object.eq_ignore_ascii_case("called") && is(verb, &["be", "being", "is", "was"]))
        || (object.eq_ignore_ascii_case("calls") && is(verb, &["everyone", "everybody", "family"]))
}

/// True when the word at `start..end` stands alone in quotation marks
/// after a word such as "aka", "called" or "males", or after another such
/// nickname ("'Blaze' + 'Tiny'"): what someone is called, though it is an
/// ordinary word.
pub(super) fn quoted_nickname(text: &str, start: usize, end: usize) -> bool {
    let is_quote = |c: Option<char>| c.is_some_and(|c| QUOTE_MARKS.contains(&c));
    let open = text[..start].chars().next_back();
    if !is_quote(open) || !is_quote(text[end..].chars().next()) {
        return false;
    }
    let before = text[..start - open.map_or(0, char::len_utf8)].trim_end();
    // "'Blaze' + 'Tiny'", "'Blaze', 'Tiny' and 'Deano'".
    let joined = before
        .strip_suffix('+')
        .or_else(|| before.strip_suffix('&'))
        .or_else(|| before.strip_suffix(','))
        .or_else(|| before.strip_suffix(" and"))
        .or_else(|| before.strip_suffix(" or"))
        .map(str::trim_end);
    // The quotation before is what someone is called too ("'Dee' or
    // 'D-Man'"), unlike a rating ("from 'Amber' or 'Red'").
    if let Some(rest) = joined
        && let Some(close) = rest.chars().next_back().filter(|&c| is_quote(Some(c)))
    {
        let previous_end = rest.len() - close.len_utf8();
        let previous_start = text[..previous_end]
            .rfind(|c: char| QUOTE_MARKS.contains(&c))
            .map(|at| at + text[at..].chars().next().map_or(1, char::len_utf8));
        return previous_start
            .is_some_and(|at| at < previous_end && quoted_nickname(text, at, previous_end));
    }
    // "bigz_trapstar ('Bigz', believed …)": a name given in brackets.
    if before.ends_with('(') {
        return true;
    }
    ends_with_a_nickname_cue(before)
}

/// True when the last word of `before` says what someone is called
/// ("aka", "called", "as").
fn ends_with_a_nickname_cue(before: &str) -> bool {
    let mut words = before
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '.'))
        .map(|w| w.trim_end_matches('.').to_lowercase());
    let word = words.next().unwrap_or_default();
    if NICKNAME_CUES.contains(&word.as_str()) || MEETING_CUES.contains(&word.as_str()) {
        return true;
    }
    // "his old nickname was 'Bran'", "her name is 'Tiny'".
    if matches!(word.as_str(), "is" | "was") {
        return words
            .next()
            .is_some_and(|w| matches!(w.as_str(), "nickname" | "name" | "names"));
    }
    // "talks to 'Tank' every night", "chatting with 'Princess'".
    matches!(word.as_str(), "to" | "with")
        && words
            .next()
            .is_some_and(|verb| TALKING_VERBS.contains(&verb.as_str()))
}

/// Words after which a capitalised word alone in quotation marks is
/// someone met or written to ("went to meet 'Tank'", "re 'Tank'", "w/
/// 'Bear'"), unlike a status or a rating ("from 'Amber' to 'Red'").
const MEETING_CUES: &[&str] = &[
    "meet",
    "meets",
    "met",
    "meeting",
    "re",
    "w",
    "messaging",
    "messaged",
    "messages",
    "texting",
    "texted",
    "texts",
    "seeing",
    "sees",
    "saw",
    "befriended",
    "groomed",
];

/// Verbs before "to" or "with" and someone talked to.
const TALKING_VERBS: &[&str] = &[
    "talk", "talks", "talked", "talking", "speak", "speaks", "spoke", "speaking", "chat", "chats",
    "chatted", "chatting", "go", "goes", "went", "going", "sent", "sending", "gaming", "playing",
];

/// The quotations that are what someone is called, whatever their words:
/// one to three words with a capital, a digit or `_` in them, in
/// quotation marks right after a word such as "aka", "as" or "called",
/// after an age in brackets ("(20, 'K-Dog')"), or alone in brackets
/// ("('lil T')"); and any quoted user name joined by `_`
/// ("bought by 'kdog_deeline'"). Kinship words ("as 'Mum'") are not.
pub(super) fn quoted_nicknames<'a>(
    text: &'a str,
    quotes: &'a mut Vec<std::ops::Range<usize>>,
) -> impl Iterator<Item = (usize, usize)> + 'a {
    crate::anonymise::text::quotations(text, quotes);
    quotes.iter().filter_map(move |quote| {
        let content = &text[quote.clone()];
        let words = content.split_whitespace().count();
        if words == 0 || words > 3 || content.len() > 24 {
            return None;
        }
        let user_name = words == 1
            && content.contains('_')
            && content
                .trim_start_matches('@')
                .split('_')
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_alphanumeric() || c == '.'));
        let marked = content
            .chars()
            .any(|c| c.is_uppercase() || c.is_ascii_digit() || c == '_');
        let kin = content
            .split_whitespace()
            .all(|w| super::lists::field_lists().is_kinship(&w.to_lowercase()));
        (user_name || (marked && !kin && after_a_nickname_cue(text, quote.start)))
            .then_some((quote.start, quote.end))
    })
}

/// True when the quotation mark just before `at` follows a word that says
/// what someone is called ("aka", "as"), an age in brackets ("(20, "), or
/// an opening bracket.
fn after_a_nickname_cue(text: &str, at: usize) -> bool {
    let Some(mark) = text[..at].chars().next_back() else {
        return false;
    };
    let before = text[..at - mark.len_utf8()].trim_end();
    if before.ends_with('(') {
        return true;
    }
    // "(20, 'K-Dog')": an age, then the name.
    if let Some(rest) = before.strip_suffix(',') {
        let rest = rest.trim_end_matches(|c: char| c.is_ascii_digit());
        if rest.len() < before.len() - 1 && rest.ends_with('(') {
            return true;
        }
    }
    ends_with_a_nickname_cue(before)
}

/// True when the word after `end` (one space between) is a capitalised
/// given name ("HILL Jordan", "YOUNG Tyler").
fn before_a_given_name(text: &str, end: usize) -> bool {
    text[end..].starts_with(' ')
        && crate::anonymise::text::word_after(text, end).is_some_and(|next| {
            next.chars().next().is_some_and(char::is_uppercase)
                && next.chars().skip(1).any(char::is_lowercase)
                && gazetteer().is_given_name(&next.to_lowercase())
        })
}

/// True when a token is written in a script without capital letters
/// (Ethiopic, Tamil, Arabic, Devanagari…), not in Han characters.
fn is_caseless_script(token: &str) -> bool {
    let han = |c: char| matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0xF900..=0xFAFF);
    token.chars().any(|c| c.is_alphabetic() && !c.is_ascii())
        && token.chars().all(|c| {
            c.is_alphabetic() && !c.is_uppercase() && !c.is_lowercase() && !han(c)
                || unicode_normalization::char::is_combining_mark(c)
        })
}

/// True when the word at `at` is one of the words, in a script without
/// capitals, that a bracket opens right after a capitalised word
/// ("Gebreyesus (ፊልሞን ተስፋማርያም", "Kavin (கவின்"), or that follow a word
/// saying a name follows ("writes his name دانا").
fn in_brackets_after_a_name(text: &str, at: usize) -> bool {
    let mut before = text[..at].trim_end();
    while let Some(word_start) = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| !c.is_whitespace() && c != '(')
        .last()
        .map(|(i, _)| i)
    {
        if !is_caseless_script(&before[word_start..]) {
            break;
        }
        before = before[..word_start].trim_end();
    }
    // "He writes his name دانا کەمال محمود": after a word that says a
    // name follows.
    if let Some((_, word)) = crate::anonymise::text::word_before(before, before.len())
        && before.ends_with(|c: char| c.is_alphabetic() || c == ':')
        && matches!(
            word.to_lowercase().as_str(),
            "name"
                | "named"
                | "called"
                | "signs"
                | "signed"
                | "writes"
                | "wrote"
                | "spelt"
                | "spelled"
        )
    {
        return true;
    }
    let Some(before_bracket) = before.strip_suffix('(') else {
        return false;
    };
    crate::anonymise::text::word_before(before_bracket.trim_end(), before_bracket.trim_end().len())
        .is_some_and(|(_, word)| {
            word.chars().next().is_some_and(char::is_uppercase)
                && word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        })
}

/// True when a token is two to four Chinese (Han) characters: a person's
/// name in Chinese script, in records written in English.
fn is_han_name(token: &str) -> bool {
    let han = |c: char| matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0xF900..=0xFAFF | 0x20000..=0x2A6DF);
    (2..=4).contains(&token.chars().count()) && token.chars().all(han)
}

/// True when the words before `at` are a rank or role and a collar or
/// staff number: "PC 2716 ", "Para 3390 ".
fn after_collar_number(text: &str, at: usize) -> bool {
    use crate::anonymise::text::word_before;
    let Some((number_at, number)) = word_before(text, at) else {
        return false;
    };
    if !(2..=7).contains(&number.len()) || !number.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    word_before(text, number_at).is_some_and(|(_, rank)| {
        words::is_title(rank)
            || matches!(
                rank.to_ascii_lowercase().as_str(),
                "para" | "paramedic" | "emt" | "eca" | "technician"
            )
    })
}

/// Where a church's dedication after "Our Lady" ends (`at` is just after
/// "Lady"): its capitalised words, with "of" and "the" between them, up to
/// the last capitalised one ("of the Strand", "Star of the Sea").
fn dedication_end(text: &str, at: usize) -> Option<usize> {
    let mut end = None;
    for (s, e) in words_from(text, at + 1, 6) {
        let word = &text[s..e];
        if word.chars().next().is_some_and(char::is_uppercase) {
            end = Some(e);
        } else if !matches!(word, "of" | "the") {
            break;
        }
    }
    end
}

/// True when the capital letter at `start` follows a person's initial
/// found just before it, with a family's particle between or not ("J. F.",
/// "J. F. de O.", "T. van D.").
fn next_initial(text: &str, out: &[(usize, usize, SuspectKind)], start: usize) -> bool {
    let Some(&(_, last_end, SuspectKind::Initials)) = out.last() else {
        return false;
    };
    let Some(gap) = text.get(last_end..start) else {
        return false;
    };
    let gap = gap.strip_prefix('.').unwrap_or(gap);
    let Some(gap) = gap.strip_prefix(' ') else {
        return false;
    };
    gap.is_empty()
        || gap
            .strip_suffix(' ')
            .is_some_and(words::is_surname_particle)
}

/// True when the capital letter at `start..end` stands for a person:
/// after a lower-case word, with a full stop and then a word after it
/// ("College say M. disclosed a relationship", "consented alongside M.
/// Review in 4/52"), and after no word that takes a letter ("vitamin D.",
/// "plan B.", "category A.", "got an A.").
fn an_initial_for_a_person(text: &str, start: usize, end: usize) -> bool {
    /// Words besides the nouns a letter labels that a letter follows ("got
    /// an A.", "scored B.").
    const TAKES_A_LETTER: &[&str] = &[
        "a",
        "an",
        "the",
        "got",
        "scored",
        "achieved",
        "predicted",
        "mark",
        "marks",
        "plus",
        "minus",
    ];
    let Some(rest) = text[end..].strip_prefix(". ") else {
        return false;
    };
    rest.starts_with(char::is_alphabetic)
        && crate::anonymise::text::word_before(text, start).is_some_and(|(at, word)| {
            &text[at + word.len()..start] == " "
                && word.chars().all(char::is_lowercase)
                && !TAKES_A_LETTER.contains(&word)
        })
        && !after_label_noun(text, start)
}

/// True when the word before the number at `at` says it is a person's
/// staff or badge number or a room where someone lives ("Decision Maker
/// 2231", "HO Officer 7719", "room 214"): such a number points to one
/// person or one place.
fn after_a_staff_or_room_word(text: &str, at: usize) -> bool {
    crate::anonymise::text::word_before(text, at).is_some_and(|(_, word)| {
        matches!(
            word.to_ascii_lowercase().as_str(),
            "officer"
                | "maker"
                | "caseworker"
                | "handler"
                | "operator"
                | "dispatcher"
                | "controller"
                | "badge"
                | "staff"
                | "employee"
                | "room"
                | "rm"
        )
    })
}

/// Where a street whose name starts with the word for its kind ends,
/// that word ending at `end`: one to three capitalised words after it,
/// with "y", "yr" or "'r" between ("Heol y Bryn", "Maes yr Haf", "Lôn
/// Glan y Môr"); `None` when no capitalised word follows.
fn prefixed_street_end(text: &str, end: usize) -> Option<usize> {
    let mut last = None;
    let mut at = end;
    let mut names = 0;
    while names < 3 {
        let rest = &text[at..];
        if !rest.starts_with(' ') {
            break;
        }
        let from = at + 1;
        let word_end = text[from..]
            .find(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’' || c == '-'))
            .map_or(text.len(), |e| from + e);
        let word = &text[from..word_end];
        if word.is_empty() {
            break;
        }
        if words::is_street_particle(word) {
            at = word_end;
            continue;
        }
        if !word.chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        names += 1;
        last = Some(word_end);
        at = word_end;
    }
    last
}

/// True when the capitalised word `plain` at `start..end` is an ordinary
/// word of another language written as that language ("Sul y Blodau",
/// "Duw yn dda", a role in brackets: "(Gweinidog)", "(Pennaeth / DSL)"),
/// not a name made of its words amid English ("the farm at Cefn", "found
/// at Traeth Melyn"), as Welsh places are.
fn in_other_language(text: &str, start: usize, end: usize, plain: &str) -> bool {
    let lists = super::lists::field_lists();
    if !lists.is_other_language_word(plain) {
        return false;
    }
    // A word of that language only: "y", "yn", "ddim"; not "a" or "i".
    let only_that_language = |w: &str| {
        // Welsh "the", which an English dictionary has as a letter.
        matches!(w, "y" | "yr")
            || w.chars().all(char::is_lowercase)
                && lists.is_other_language_word(w)
                && !words::is_word(w)
                && !words::in_larger_dictionary(w)
    };
    let before = crate::anonymise::text::word_before(text, start);
    let after = crate::anonymise::text::word_after(text, end);
    before.is_some_and(|(_, w)| only_that_language(w))
        || after.is_some_and(only_that_language)
        || text[..start].ends_with('(')
        || quoted_in_other_language(text, start, end)
}

/// True when the word at `start` is a Welsh month or weekday where no one
/// is named: a month after "mis" ("ym mis Mai", the month of May), or
/// joined by a hyphen to another month ("Medi-Hydref"); a weekday after
/// "dydd", "nos" or "bob" ("Dydd Llun", "bob Sadwrn"). A month's name that
/// is a given name ("Mai", "Medi") is a name elsewhere.
fn welsh_month_here(text: &str, start: usize, plain: &str) -> bool {
    const WEEKDAYS: &[&str] = &[
        "llun", "mawrth", "mercher", "iau", "gwener", "wener", "sadwrn", "sul",
    ];
    static MONTHS: std::sync::LazyLock<Vec<&str>> =
        std::sync::LazyLock::new(|| crate::anonymise::dates::WELSH_MONTHS.split('|').collect());
    let is_month = |w: &str| {
        MONTHS
            .iter()
            .any(|m| m.len() == w.len() && m.eq_ignore_ascii_case(w))
    };
    let before = || {
        crate::anonymise::text::word_before(text, start)
            .filter(|&(at, w)| &text[at + w.len()..start] == " ")
            .map(|(_, w)| w.to_lowercase())
    };
    if WEEKDAYS.contains(&plain)
        && before().is_some_and(|w| matches!(w.as_str(), "dydd" | "ddydd" | "nos" | "bob" | "pob"))
    {
        return true;
    }
    if plain.contains('-') {
        return plain.split('-').all(is_month);
    }
    if !is_month(plain) {
        return false;
    }
    // The words joined to it by a hyphen ("Medi" of "Medi-Hydref", when
    // the hyphen splits the words).
    let end = start + plain.len();
    let next = text[end..].strip_prefix('-').map(|rest| {
        rest.split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("")
    });
    let previous = text[..start].strip_suffix('-').map(|head| {
        head.rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("")
    });
    next.is_some_and(is_month)
        || previous.is_some_and(is_month)
        || before().is_some_and(|w| w == "mis" || w == "fis")
}

/// True when `start..end` is inside a short quotation all of whose words
/// are of another language ("sang 'Suo Gân'").
fn quoted_in_other_language(text: &str, start: usize, end: usize) -> bool {
    let from = (start.saturating_sub(60)..=start)
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(start);
    let head = &text[from..start];
    let Some(open) = head.rfind(QUOTE_MARKS) else {
        return false;
    };
    let open_at = start - head.len() + open;
    let tail_end = (end + 60).min(text.len());
    let tail_end = (end..=tail_end)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(end);
    let Some(close) = text[end..tail_end].find(QUOTE_MARKS) else {
        return false;
    };
    let open_len = text[open_at..].chars().next().map_or(1, char::len_utf8);
    let quoted = &text[open_at + open_len..end + close];
    let lists = super::lists::field_lists();
    let mut words = quoted
        .split(|c: char| !(c.is_alphabetic() || c == '\''))
        .filter(|w| !w.is_empty())
        .peekable();
    words.peek().is_some() && words.all(|w| lists.is_other_language_word(&w.to_lowercase()))
}

/// True when a lower-case word is in the larger dictionary as itself, or
/// as an inflection ("attendees" of "attendee") that is not a common
/// surname ("Pickering" is no "picker" + "ing", nor "Harding" "hard" +
/// "ing").
fn rarer_word(lower: &str) -> bool {
    words::in_larger_dictionary_as_written(lower)
        || (words::in_larger_dictionary(lower) && !gazetteer().is_common_surname(lower))
}

/// Where a group of three or more digits right after `end` (one space
/// between) ends, when it is no year ("R227 1093"; not "Y10 2024").
fn digit_group_after(text: &str, end: usize) -> Option<usize> {
    let rest = text[end..].strip_prefix(' ')?;
    let len = rest.bytes().take_while(u8::is_ascii_digit).count();
    let group = &rest[..len];
    let after = rest[len..].chars().next();
    let year = len == 4 && (group.starts_with("19") || group.starts_with("20"));
    (len >= 3 && !year && after.is_none_or(|c| !c.is_alphanumeric())).then_some(end + 1 + len)
}

/// Where a name in quotation marks that starts at `start` ends, when it
/// is one to three capitalised words and the word after the closing mark
/// says it is a part of town ("('Little Europe' area)", "the 'Bronx'
/// estate").
fn quoted_area_end(text: &str, start: usize) -> Option<usize> {
    let head = &text[..start];
    let open = head
        .chars()
        .next_back()
        .filter(|c| OPENING_QUOTES.contains(c))?;
    let before_open = &head[..head.len() - open.len_utf8()];
    if !before_open.is_empty() && !before_open.ends_with([' ', '(']) {
        return None;
    }
    let close = start + text[start..].find(CLOSING_QUOTES)?;
    let quoted = &text[start..close];
    let words: Vec<&str> = quoted.split(' ').collect();
    if words.len() > 3
        || !words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
        })
    {
        return None;
    }
    let after_close = close + text[close..].chars().next().map_or(1, char::len_utf8);
    let next = crate::anonymise::text::word_after(text, after_close)?;
    matches!(
        next.to_lowercase().as_str(),
        "area" | "estate" | "side" | "end" | "district" | "quarter"
    )
    .then_some(close)
}

/// The end of a range that a number ending at `end` starts ("38-44"),
/// or `end`.
fn range_end(text: &str, end: usize) -> usize {
    text[end..]
        .strip_prefix('-')
        .map(|rest| rest.bytes().take_while(u8::is_ascii_digit).count())
        .filter(|&n| n > 0)
        .map_or(end, |n| end + 1 + n)
}

/// The end of a capitalised syllable written twice with a hyphen
/// ("Jun-Jun") that starts with `token` ending at `end`, when the syllable
/// is no English word ("Yo-Yo", "Bye-Bye" are words).
fn doubled_end(text: &str, token: &str, end: usize) -> Option<usize> {
    let second = text[end..].strip_prefix('-')?.strip_prefix(token)?;
    if second.starts_with(char::is_alphanumeric) || token.chars().count() < 2 {
        return None;
    }
    let lower = token.to_lowercase();
    const DOUBLED_WORDS: &[&str] = &[
        "yo", "bye", "choo", "pom", "tom", "can", "so", "tut", "night", "hush", "bling", "chop",
        "ping", "cha", "dum", "boo", "goo", "ta", "tick", "knock", "hum", "ha", "hee", "ho",
    ];
    (!words::in_dictionary(&lower)
        && !words::is_word(&lower)
        && !DOUBLED_WORDS.contains(&lower.as_str()))
    .then_some(end + 1 + token.len())
}

/// Where a run of two or more syllables romanised with their tones'
/// numbers that starts at `start` ends ("Ho4 Wing6 Si1", "Chan4 Tai3
/// Man4", "Li3 Ming2"): a capital, one to six small letters and a tone of
/// 1 to 6, one space apart.
fn toned_syllables_end(text: &str, start: usize) -> Option<usize> {
    let syllable = |at: usize| -> Option<usize> {
        let b = text.as_bytes();
        if !b.get(at)?.is_ascii_uppercase() {
            return None;
        }
        let small = b[at + 1..]
            .iter()
            .take_while(|c| c.is_ascii_lowercase())
            .count();
        let tone = *b.get(at + 1 + small)?;
        let end = at + 2 + small;
        // "Yr6", "Ch2", "Pt3": a year, a chapter or a part is no syllable.
        let head = &text[at..at + 1 + small];
        ((1..=6).contains(&small)
            && !matches!(
                head,
                "Yr" | "Ch" | "Pt" | "No" | "Gr" | "Ex" | "Ep" | "Vol" | "Sec" | "Ph"
            )
            && (b'1'..=b'6').contains(&tone)
            && !b.get(end).is_some_and(|c| c.is_ascii_alphanumeric()))
        .then_some(end)
    };
    let mut end = syllable(start)?;
    let mut count = 1;
    while text[end..].starts_with(' ')
        && let Some(next) = syllable(end + 1)
    {
        end = next;
        count += 1;
    }
    (count >= 2).then_some(end)
}

/// Words that number a home on a site: "pitch 6", "plot 12", "van 41",
/// "caravan 41", "chalet 3", "berth 9", "mooring 14".
fn is_pitch_word(word: &str) -> bool {
    [
        "pitch", "plot", "van", "caravan", "static", "chalet", "berth", "mooring", "pitches",
        "plots", "vans", "caravans", "chalets", "berths", "moorings", "block", "blocks", "qtr",
    ]
    .iter()
    .any(|w| w.eq_ignore_ascii_case(word))
}

/// Where a hyphenated place name that starts with the word ending at
/// `end` ends: "Pen-y-waun", "Maes-yr-Haf", "Stoke-on-Trent".
fn hyphenated_place_end(text: &str, end: usize) -> Option<usize> {
    let rest = &text[end..];
    let joined = [
        "-y-", "-yr-", "-ar-", "-on-", "-upon-", "-le-", "-under-", "-by-", "-cum-", "-en-",
    ]
    .iter()
    .find(|j| rest.starts_with(*j))?;
    let after = &rest[joined.len()..];
    let length = after
        .char_indices()
        .find(|&(_, c)| !(c.is_alphabetic() || c == '-'))
        .map_or(after.len(), |(i, _)| i);
    let word = after[..length].trim_end_matches('-');
    (word.chars().count() >= 2).then(|| end + joined.len() + word.len())
}

/// True when a word after a name says what its bearer did ("Baker rang
/// back", "Wood said").
fn is_reporting_verb(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "rang"
            | "called"
            | "phoned"
            | "said"
            | "says"
            | "stated"
            | "states"
            | "reported"
            | "reports"
            | "texted"
            | "emailed"
            | "visited"
            | "attended"
            | "disclosed"
            | "confirmed"
            | "advised"
            | "agreed"
            | "explained"
            | "arrived"
            | "informed"
            | "denied"
            | "admitted"
            | "declined"
            | "refused"
            | "told"
            | "asked"
            | "wrote"
            | "left"
            | "collected"
            | "dropped"
    )
}

/// True when the word at `start` is the colour of a rating after the
/// word that rates ("RAG Amber", "rated Red"): "Amber" is no one there.
fn a_rating(text: &str, start: usize, word: &str) -> bool {
    matches!(word, "Red" | "Amber" | "Green" | "RED" | "AMBER" | "GREEN")
        && cue_before(text, start).is_some_and(|cue| {
            matches!(
                cue.to_lowercase().as_str(),
                "rag" | "rated" | "rating" | "graded" | "grade" | "risk"
            )
        })
}

/// True when a possessive name names a law: "Clare's Law", "Sarah's
/// Law" (national disclosure schemes, named after no one in the case).
fn names_a_law(text: &str, token: &str, end: usize) -> bool {
    (token.ends_with("'s") || token.ends_with("’s"))
        && text[end..].starts_with(" Law")
        && !text[end + 4..].starts_with(|c: char| c.is_alphanumeric())
}

/// Nouns that a letter labels ("band B", "plan A", "Flat C", "vitamin
/// D", "seat F"), lower case: the letter after one is no initial.
const LABEL_NOUNS: &[&str] = &[
    "band",
    "plan",
    "grade",
    "category",
    "level",
    "type",
    "form",
    "flat",
    "block",
    "unit",
    "ward",
    "room",
    "bed",
    "section",
    "part",
    "appendix",
    "option",
    "group",
    "class",
    "tier",
    "stage",
    "phase",
    "schedule",
    "annex",
    "annexe",
    "wing",
    "bay",
    "zone",
    "shift",
    "team",
    "site",
    "vitamin",
    "hepatitis",
    "strep",
    "letter",
    "size",
    "cup",
    "gate",
    "platform",
    "row",
    "seat",
    "column",
    "key",
    "floor",
    "house",
    "area",
    "route",
    "exhibit",
    "item",
    "point",
    "list",
    "step",
];

/// True when the word before `at` is a noun that a letter labels ("band
/// B", "plan A", "Flat C"): the letter there is no initial.
fn after_label_noun(text: &str, at: usize) -> bool {
    crate::anonymise::text::word_before(text, at).is_some_and(|(start, word)| {
        text[start + word.len()..at] == *" " && LABEL_NOUNS.contains(&word.to_lowercase().as_str())
    })
}

/// True when the word after `end` is a reporting verb that makes the
/// word before it a person ("Baker rang back"). "Left", "collected" and
/// "dropped" do so only with an object: "Mensah left a message", not
/// "Card left."
fn reported_by(text: &str, end: usize) -> bool {
    let Some(verb) = crate::anonymise::text::word_after(text, end) else {
        return false;
    };
    if !is_reporting_verb(verb) {
        return false;
    }
    if !matches!(
        verb.to_lowercase().as_str(),
        "left" | "collected" | "dropped"
    ) {
        return true;
    }
    let Some(at) = text[end..].find(verb).map(|i| end + i + verb.len()) else {
        return false;
    };
    let rest = &text[at..];
    rest.starts_with(' ') && rest[1..].starts_with(|c: char| c.is_alphabetic())
}

/// The words from `start` that follow one another with a single space
/// between them, up to `most`: (start, end) of each.
fn words_from(text: &str, start: usize, most: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(most);
    let mut at = start;
    while out.len() < most {
        let Some(word) = crate::anonymise::text::word_after(text, at) else {
            break;
        };
        let gap = text[at..].len() - text[at..].trim_start_matches(' ').len();
        if (!out.is_empty() && gap != 1) || (out.is_empty() && gap != 0) {
            break;
        }
        let word_start = at + gap;
        out.push((word_start, word_start + word.len()));
        at = word_start + word.len();
    }
    out
}

/// Where the name of a place that begins at `start` ends, when the words
/// there are one though each is an ordinary word: a venue's name after
/// "the" ("the Red Lion", "outside The Feathers"), or capitalised words
/// before a word such as "pub" or "flats" ("Canal Side flats").
fn named_place_end(text: &str, start: usize, sentence_start: bool) -> Option<usize> {
    let lists = super::lists::field_lists();
    let most = lists.venue_words().max(4);
    let run = words_from(text, start, most + 1);
    let capitalised =
        |&(s, e): &(usize, usize)| text[s..e].chars().next().is_some_and(char::is_uppercase);
    let after_the = crate::anonymise::text::word_before(text, start)
        .is_some_and(|(_, w)| w.eq_ignore_ascii_case("the"));
    if after_the {
        for n in (1..=run.len().min(most)).rev() {
            let (first, last) = (run[0], run[n - 1]);
            if capitalised(&first)
                && capitalised(&last)
                && lists.is_venue(&text[first.0..last.1])
                && !run.get(n).is_some_and(|&(s, e)| {
                    // "the Bell Centre" is not the Bell.
                    text[s..e].chars().next().is_some_and(char::is_uppercase)
                })
            {
                return Some(last.1);
            }
        }
    }
    let ordinary = |&(s, e): &(usize, usize)| {
        let w = &text[s..e];
        let lower = w.to_lowercase();
        words::is_vocabulary(w)
            || is_institution_word(&lower)
            || words::is_title(w)
            // "over Xmas school hols", "the DofE club".
            || lists.is_abbreviation(w)
            // "an Ofsted-registered nursery", "a Greggs shop": a public
            // name is no particular place.
            || lists.is_public_name(w)
            || w.split_once('-').is_some_and(|(first, _)| lists.is_public_name(first))
    };
    // A kind of service or school: "Mother and Baby Unit", "Primary school".
    let generic = |&(s, e): &(usize, usize)| {
        let lower = text[s..e].to_lowercase();
        GENERIC_SERVICE_WORDS.contains(&lower.trim_end_matches("'s"))
    };
    // The first word starts the sentence and is an ordinary word: it is
    // the sentence's ("Local shop", "Attends Sunrise Nursery").
    let sentence_word = || {
        sentence_start
            && run
                .first()
                .is_some_and(|&(_, end)| words::is_word(&text[start..end].to_lowercase()))
    };
    if let Some(end) = business_end(text, &run, sentence_word) {
        return Some(end);
    }
    if after_the
        && let Some(&first) = run.first()
        && one_word_venue(text, first, |w| ordinary(w) || generic(w))
    {
        return Some(first.1);
    }
    if let Some(end) = workplace_end(text, start, &run) {
        return Some(end);
    }
    for n in 1..run.len().min(4) {
        let (word_start, word_end) = run[n];
        let next = &text[word_start..word_end];
        // "the Beech Unit", "Willow Lodge": ordinary words that name one
        // service's building, unlike "the Mother and Baby Unit".
        if FACILITIES.contains(&next) {
            let names = &run[..n];
            // "Discussed Foundation Apprenticeship": a fixed term of the
            // field starts within.
            if run[1..=n]
                .iter()
                .any(|&(s, _)| lists.fixed_term_end(text, s).is_some())
            {
                return None;
            }
            // "Attends Sunrise Nursery": the name is read from the next
            // word; "Discussed Refuge helpline": a verb in the past
            // starting the sentence, then a service's word, names no place.
            if sentence_word() && (n >= 2 || text[names[0].0..names[0].1].ends_with("ed")) {
                return None;
            }
            // "Willow Birth Centre": a name, then words of the kind of
            // service; "Family Support Centre" is a kind alone.
            if names.iter().all(capitalised)
                && !ordinary(&names[0])
                && !generic(&names[0])
                && !names[1..].iter().any(|w| ordinary(w) && !generic(w))
                && text[names[0].0..word_start]
                    .chars()
                    .all(|c| c.is_alphabetic() || c == ' ' || c == '\'' || c == '’' || c == '-')
            {
                return Some(word_end);
            }
            return None;
        }
        // "the Mallard Hotel", "Crown flats": the kind of premises in any
        // case.
        if !lists.is_premises(&next.to_lowercase()) {
            if capitalised(&run[n]) {
                continue;
            }
            return None;
        }
        // "Forge Youth Club", "St Aldric's Catholic church": the words of
        // the kind of premises are not its name; "Chess Club", "Sunday
        // school" are a kind alone.
        let kind_words = run[..n].iter().rev().take_while(|w| generic(w)).count();
        let names = &run[..n - kind_words];
        if names.is_empty()
            || !names.iter().all(capitalised)
            || names.iter().any(ordinary)
            || names.iter().any(generic)
        {
            return None;
        }
        // "Local shop" at a sentence's start is an ordinary word.
        if names.len() == 1 && sentence_word() {
            return None;
        }
        return Some(names[names.len() - 1].1);
    }
    None
}

/// The last words of a shop's or a takeaway's name, capitalised: such a
/// name is made of ordinary words ("Lucky Star Chicken", "Fresh Choice
/// Food & Wine", "Golden Grill").
pub(super) const BUSINESS_ENDS: &[&str] = &[
    "Food & Wine",
    "Food and Wine",
    "Food & Wines",
    "Off Licence",
    "Fish Bar",
    "Mini Market",
    "Mini Mart",
    "Convenience Store",
    "Fried Chicken",
    "Chicken",
    "Kebab",
    "Kebabs",
    "Kebab House",
    "Pizza",
    "Pizzeria",
    "Takeaway",
    "Grill",
    "Cafe",
    "Café",
    "Barbers",
    "Minimarket",
    "Supermarket",
    "Superstore",
    "Chippy",
    "Nails",
    "Vape",
    "Vapes",
    "Vape Shop",
    "Car Wash",
    "Hand Car Wash",
    "Car Valeting",
    "Valeting",
    "Barber",
    "Barber Shop",
    "Barbershop",
    "Hair Salon",
    "Tyres",
    "Motors",
    "Kitchen",
    "Bakery",
    "Butchers",
    "Launderette",
    "Lettings",
    "Letting Agents",
    "Estate Agents",
    "Properties",
    "Ministry",
    "Ministries",
    "Church",
    "Chinese Church",
    "Community Church",
    "Gospel Church",
    "Chapel",
    "Temple",
    "Buddhist Temple",
    "Mosque",
    "Masjid",
    "Jamia Masjid",
    "Islamic Centre",
    "Gurdwara",
    "Homes",
    "Lets",
    "Women's Aid",
    "Deliverance Ministry",
    "Deliverance Ministries",
    "Tabernacle",
    "Taxis",
    "Cabs",
    "Private Hire",
    "Bookmakers",
    "Bookies",
    "Fry",
    "Fish & Chips",
    "Tandoori",
    "Balti House",
    "Curry House",
    "Noodle Bar",
    "Holiday Park",
    "Caravan Park",
    "Amusements",
    "Arcade",
    "Hotel",
    // Shops that send money and goods home, and the trades of a
    // community's high street ("Ire Oluwa Remittance & Cargo", "Navkar
    // Travels"); not "Foods", which a scheme is called too ("Best Start
    // Foods").
    "Remittance & Cargo",
    "Remittance",
    "Remittances",
    "Money Transfer",
    "Cargo",
    "Shipping",
    "Travels",
    "Textiles",
    "Fabrics",
    "Cash & Carry",
    "Cash and Carry",
    "Wholesale",
    // Companies by their legal form ("Kindred Hearts Care Ltd" is called
    // "Kindred Hearts").
    "Ltd",
    "Limited",
    "Care Ltd",
    "Care Limited",
    "CIC",
    "Homecare",
];

/// The name of a shop or takeaway without the words for its kind ("Lucky
/// Star" of "Lucky Star Chicken").
pub(super) fn business_name(place: &str) -> Option<&str> {
    // The shortest name: "Blue Wave" of "Blue Wave Hand Car Wash", not
    // "Blue Wave Hand".
    BUSINESS_ENDS
        .iter()
        .filter_map(|end| {
            let name = place.strip_suffix(end)?.trim_end();
            (!name.is_empty()).then_some(name)
        })
        .min_by_key(|name| name.len())
}

/// Where the name of a workplace that begins at `start` ends: capitalised
/// words after "works at", "shifts at", "chef at" ("Dad works 12-hr
/// shifts at Happy Garden"), though each is an ordinary word; not a chain
/// or brand, a kind of service, or an agency's type ("works at Tesco",
/// "works at the Children's Centre").
fn workplace_end(text: &str, start: usize, run: &[(usize, usize)]) -> Option<usize> {
    use crate::anonymise::text::word_before;
    const WORK: &[&str] = &[
        "work", "works", "worked", "working", "shift", "shifts", "job", "employed", "chef", "cook",
        "waiter", "waitress", "cleaner", "manager", "owner", "staff", "hours",
    ];
    let (at_start, at) = word_before(text, start)?;
    if !at.eq_ignore_ascii_case("at") || &text[at_start + 2..start] != " " {
        return None;
    }
    let (_, work) = word_before(text, at_start)?;
    if !WORK.iter().any(|w| w.eq_ignore_ascii_case(work)) {
        return None;
    }
    let lists = super::lists::field_lists();
    let mut end = None;
    for &(s, e) in run.iter().take(3) {
        let word = &text[s..e];
        let lower = word.to_lowercase();
        let name_word = word.chars().next().is_some_and(char::is_uppercase)
            && word
                .chars()
                .all(|c| c.is_alphabetic() || c == '\'' || c == '’')
            && !lists.is_public_name(word)
            && !lists.is_abbreviation(word)
            && !words::is_title(word)
            && !crate::model::is_calendar_word(word)
            && !is_institution_word(&lower)
            && !GENERIC_SERVICE_WORDS.contains(&lower.trim_end_matches("'s"))
            && !crate::agency_kind::is_agency_type(word);
        if !name_word {
            break;
        }
        end = Some(e);
    }
    end
}

/// Where a shop's or a takeaway's name that begins with `run`'s first word
/// ends: one to three capitalised words, not all of them public names
/// (chains and brands are no particular place), then one of
/// [`BUSINESS_ENDS`]. A lone ordinary word starting a sentence is the
/// sentence's ("Fried Chicken for tea").
fn business_end(
    text: &str,
    run: &[(usize, usize)],
    sentence_word: impl Fn() -> bool,
) -> Option<usize> {
    /// The first bytes of [`BUSINESS_ENDS`]: most words start none.
    static FIRST_BYTES: std::sync::LazyLock<[bool; 256]> = std::sync::LazyLock::new(|| {
        let mut first = [false; 256];
        for end in BUSINESS_ENDS {
            first[usize::from(end.as_bytes()[0])] = true;
        }
        first
    });
    let lists = super::lists::field_lists();
    for n in 1..run.len().min(4) {
        let names = &run[..n];
        if !names
            .iter()
            .all(|&(s, e)| text[s..e].chars().next().is_some_and(char::is_uppercase))
        {
            return None;
        }
        let at = run[n].0;
        if !FIRST_BYTES[usize::from(text.as_bytes()[at])] {
            continue;
        }
        let Some(end) = BUSINESS_ENDS.iter().find_map(|b| {
            let after = text[at..].strip_prefix(b)?;
            (!after.starts_with(|c: char| c.is_alphanumeric())).then_some(at + b.len())
        }) else {
            continue;
        };
        // "Catholic Church", "Children's Homes", "Care Homes": a kind,
        // not a place's name.
        if names
            .iter()
            .all(|&(s, e)| lists.is_public_name(&text[s..e]))
            || names.iter().any(|&(s, e)| {
                let lower = text[s..e].to_lowercase();
                is_institution_word(&lower)
                    || GENERIC_SERVICE_WORDS.contains(&lower.trim_end_matches("'s"))
            })
            || (n == 1 && sentence_word())
        {
            return None;
        }
        return Some(end);
    }
    None
}

/// The end of an Act's title that starts at `start` ("Gangmasters
/// (Licensing) Act 2004", "Children and Social Work Act 2017"): up to
/// eight capitalised words, small joining words and words in brackets,
/// then "Act" and a year. Legislation names no one.
fn act_title_end(text: &str, start: usize) -> Option<usize> {
    const JOINING: &[&str] = &["and", "of", "for", "the", "in", "on", "to", "with"];
    let mut at = start;
    for _ in 0..10 {
        let rest = &text[at..];
        let word_start = rest.len() - rest.trim_start_matches(['(', ' ']).len();
        let word = &rest[word_start..];
        let len = word
            .find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
            .unwrap_or(word.len());
        let token = &word[..len];
        if token.is_empty() {
            return None;
        }
        let end = at + word_start + len;
        if token == "Act" {
            let after = text[end..].strip_prefix(' ')?;
            let year = after.bytes().take_while(u8::is_ascii_digit).count();
            let is_year = year == 4 && (after.starts_with("19") || after.starts_with("20"));
            return (is_year && at > start).then_some(end + 1 + year);
        }
        if !(token.starts_with(char::is_uppercase) || JOINING.contains(&token)) {
            return None;
        }
        at = end + text[end..].len() - text[end..].trim_start_matches(')').len();
    }
    None
}

/// The end of a fixed term of the field (see
/// [`super::lists::FieldLists::fixed_term_end`]) that starts at `start` or
/// up to four words before and reaches past `start` ("converted to Islam").
fn fixed_term_over(text: &str, start: usize) -> Option<usize> {
    super::classify::fixed_terms_back(text, start)
        .map(|(_, end)| end)
        .find(|&end| end > start)
}

/// True when a word written in lower case at `at` may be a name all the
/// same: a common given name ("seen with kayden"), or a word in no
/// dictionary after a relation ("nan brenda", "her mate skinz"), unless it
/// is the field's shorthand ("dad dna appt").
fn is_lower_case_name(text: &str, at: usize, word: &str) -> bool {
    // Most lower-case words are none of these, so the look-ups that say
    // what a word is come first and the word's setting only after.
    let letters = word.chars().count();
    let named = (letters >= 4 && gazetteer().is_given_name(word))
        // "seen with jac and tyler": a short given name beside another.
        || (letters == 3
            && gazetteer().is_registered_given_name(word)
            && !words::is_word(word)
            && !words::in_larger_dictionary(word)
            && beside_a_lower_case_name(text, at, word))
        || (letters >= 3
            && !words::is_word(word)
            && !words::in_larger_dictionary(word)
            && after_relation(text, at)
            // "Bapuji's shraddh": after a relative's possessive, a thing
            // of theirs, not a name.
            && !cue_before(text, at).is_some_and(|w| w.ends_with("'s") || w.ends_with("’s"))
            && !words::is_acronym(&word.to_uppercase()));
    named
        // "her gran, camogie w/ the club": a public name in lower case.
        && !super::lists::field_lists().is_public_name(word)
        // "w/ a kara for the baby": after an article, a thing.
        && !crate::anonymise::text::word_before(text, at)
            .is_some_and(|(j, w)| matches!(w, "a" | "an" | "the") && &text[j + w.len()..at] == " ")
}

/// True when the lower-case word at `at` is joined by "and", "&" or "+"
/// to a given name in lower case ("jac and tyler", "kayden + jac").
fn beside_a_lower_case_name(text: &str, at: usize, word: &str) -> bool {
    let joined = |w: &str| matches!(w, "and" | "&" | "+" | "n");
    let is_name = |w: &str| {
        w.chars().count() >= 4 && w.chars().all(char::is_lowercase) && gazetteer().is_given_name(w)
    };
    let end = at + word.len();
    let after = crate::anonymise::text::word_after(text, end).is_some_and(joined) && {
        let rest = text[end..].trim_start_matches(' ');
        let rest = rest
            .trim_start_matches(|c: char| c != ' ')
            .trim_start_matches(' ');
        crate::anonymise::text::word_after(rest, 0).is_some_and(is_name)
    };
    let before = crate::anonymise::text::word_before(text, at).is_some_and(|(j, w)| {
        joined(w)
            && crate::anonymise::text::word_before(text, j).is_some_and(|(_, name)| is_name(name))
    });
    after || before
}

/// True when `token` at `start` is a postcode's district alone where
/// the words around say it is where someone lives ("declines to leave ZQ3
/// area", "lives ZQ14 side", "moved to the E14 area"), not a score or a
/// vitamin ("GAD7", "B12").
fn is_postcode_district(text: &str, start: usize, token: &str) -> bool {
    let b = token.as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
    let digits = b[letters..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let shape = (1..=2).contains(&letters)
        && (1..=2).contains(&digits)
        && (letters + digits == b.len()
            || (letters + digits + 1 == b.len() && b[b.len() - 1].is_ascii_uppercase()));
    if !shape {
        return false;
    }
    let end = start + token.len();
    let after = crate::anonymise::text::word_after(text, end)
        .map(str::to_lowercase)
        .unwrap_or_default();
    let before = crate::anonymise::text::word_before(text, start)
        .map(|(_, w)| w.to_lowercase())
        .unwrap_or_default();
    // "a friend in ZX7": after "in", only a district of two letters that
    // no record's shorthand begins ("in KS2", "in Yr6", "in PE1" stay).
    const NOT_AREAS: &[&str] = &["KS", "YR", "PE", "CP", "GP", "HV", "SW", "PC", "DS", "TV"];
    let after_in = before == "in" && letters == 2 && !NOT_AREAS.contains(&&token[..2]);
    matches!(after.as_str(), "area" | "side" | "district" | "postcode")
        || matches!(before.as_str(), "lives" | "living" | "moved" | "resides")
        || after_in
}

/// Lower-cases a token into `buffer`.
fn lower_into<'b>(buffer: &'b mut String, token: &str) -> &'b str {
    buffer.clear();
    if token.is_ascii() {
        buffer.extend(token.bytes().map(|b| b.to_ascii_lowercase() as char));
    } else {
        // "Don’t", "I’m": a typographic apostrophe is read as the plain one.
        buffer.extend(
            token
                .chars()
                .flat_map(char::to_lowercase)
                .map(|c| if c == '’' { '\'' } else { c }),
        );
    }
    buffer
}

/// The suspects in one text, as `(start, end, kind)`: tokens for which
/// `covered(start, end)` is true (found and decided already) are passed over.
pub fn suspects_into(
    text: &str,
    known: &Known,
    mut covered: impl FnMut(usize, usize) -> bool,
    lower: &mut String,
    out: &mut Vec<(usize, usize, SuspectKind)>,
) {
    out.clear();
    let bytes = text.as_bytes();
    let mut placeholder = false;
    let mut previous_title = false;
    // Where the last fixed term kept whole ends: a capital letter that
    // ends one ("Vitamin D. Overcrowding worse") is no initial.
    let mut term_kept_until = 0;
    // The title before was a role, not an honorific or a rank.
    let mut previous_role = false;
    // The words found already (the cast's, identifiers, dates), as the
    // scan met them: `covered` answers only in text order.
    let mut covered_words: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 && !b.is_ascii_alphanumeric() {
            if b == b'[' {
                placeholder = true;
            } else if b == b']' {
                placeholder = false;
            }
            i += 1;
            continue;
        }
        // Most words are lower case, with no digits: none is a suspect.
        if b.is_ascii_lowercase() {
            let mut j = i + 1;
            while j < bytes.len() && bytes[j].is_ascii_lowercase() {
                j += 1;
            }
            // A dot, apostrophe or slash ends the word unless a letter or
            // digit follows ("e.g", "don't", "and/or" are tokens).
            let ends = j == bytes.len()
                || (bytes[j] < 0x80
                    && !bytes[j].is_ascii_alphanumeric()
                    && (!matches!(bytes[j], b'\'' | b'.' | b'/')
                        || bytes
                            .get(j + 1)
                            .is_none_or(|&b| b < 0x80 && !b.is_ascii_alphanumeric())));
            // A street typed in lower case: "parked on bowyer rd".
            if ends && let Some(street_end) = lower_case_street_end(text, i, j) {
                out.push((i, street_end, SuspectKind::Place));
                i = street_end;
                previous_title = false;
                continue;
            }
            // A name written in lower case goes on to be judged.
            if ends && !is_lower_case_name(text, i, &text[i..j]) {
                i = j;
                previous_title = false;
                continue;
            }
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        if !c.is_alphanumeric() {
            i += c.len_utf8();
            continue;
        }
        // A token: letters, digits, and inner apostrophes, dots, hyphens, slashes.
        let start = i;
        let mut end = i;
        for (j, d) in text[i..].char_indices() {
            let inner = matches!(d, '\'' | '’' | '.' | '/')
                && text[i + j + d.len_utf8()..].starts_with(char::is_alphanumeric);
            if d.is_alphanumeric() || inner {
                end = i + j + d.len_utf8();
            } else {
                break;
            }
        }
        let mut token = &text[start..end];
        let dotted = token.contains('.');
        i = end.max(start + c.len_utf8());
        // "Ho Chi Minh City", "Wing Chun": a fixed term that starts with a
        // cast member's word is the term's whole (the cast word in it is
        // kept, see `classify`), and none of its words is the rest of a
        // name.
        let is_covered = !placeholder && covered(start, end);
        if is_covered {
            covered_words.push((start, end));
        }
        if is_covered
            && c.is_uppercase()
            && let Some(term_end) = super::lists::field_lists().fixed_term_end(text, start)
            && term_end > end
        {
            i = i.max(term_end);
            previous_title = false;
            continue;
        }
        if placeholder || is_covered {
            previous_title = false;
            continue;
        }
        // "CIWA-Ar": the part after a hyphen of an abbreviation of the
        // field is no name.
        if text[..start].ends_with('-')
            && crate::anonymise::text::word_before(text, start).is_some_and(|(at, w)| {
                at + w.len() + 1 == start
                    && super::lists::field_lists().is_abbreviation(&text[at..end])
            })
        {
            previous_title = false;
            continue;
        }
        // "Bristol stool chart", "the angel Gabriel": a fixed term of the
        // field, starting here or at the word before, is kept whole.
        if c.is_uppercase()
            && let Some(term_end) =
                fixed_term_over(text, start).or_else(|| act_title_end(text, start))
        {
            i = i.max(term_end);
            term_kept_until = term_kept_until.max(term_end);
            previous_title = false;
            continue;
        }
        if !dotted || token.split('.').any(|p| p.chars().count() > 1) {
            token = token.trim_end_matches('.');
        }
        let digits = token.bytes().filter(u8::is_ascii_digit).count();
        let letters = token.chars().filter(|c| c.is_alphabetic()).count();
        // A capitalised word right after a name ("Declan Furlong", "Tanya
        // Fell") or an initial ("D. Furlong") is the rest of the name,
        // even when it is also an ordinary word.
        // ("O'Brien-Smith": the part after a hyphen too.)
        // "Esterburn Magistrates' Court": a court's word in the plural
        // possessive, before the court, is no part of the town's name.
        let court_of = token.ends_with(['s', 'S'])
            && (text[end..].starts_with("' ") || text[end..].starts_with("’ "))
            && is_institution_word(&token.to_lowercase());
        let after_name = !court_of
            && (out.last().is_some_and(|l| {
                (l.2 == SuspectKind::Name && matches!(&text[l.1..start], " " | "-"))
                    // "SW (M Grant)", "Mrs J. Grant": after a person's
                    // initial.
                    || (l.2 == SuspectKind::Initials
                        && l.1 - l.0 == 1
                        && matches!(&text[l.1..start], " " | ". "))
            }) || crate::anonymise::text::word_before(text, start).is_some_and(|(at, w)| {
                // "Wiśniewska-Smith": after a hyphen, the rest of a cast name.
                &text[at + w.len()..start] == "-" && covered(at, at + w.len())
            }));
        let initial_start = text[..start].strip_suffix(". ").and_then(|head| {
            let letter = head.chars().next_back()?;
            let at = head.len() - letter.len_utf8();
            (letter.is_ascii_uppercase()
                && !head[..at].ends_with(|c: char| c.is_alphanumeric() || c == '.')
                && at >= term_kept_until)
                .then_some(at)
        });
        // "PC 2716 HILL": the word after a rank and collar number is a
        // surname, whatever else it is.
        let after_collar = digits == 0
            && letters >= 2
            && token.chars().next().is_some_and(char::is_uppercase)
            && !words::is_acronym(token)
            && after_collar_number(text, start);
        // "Chen Jianhua (陈建华)", "'Mei Lin' (林梅 on her passport)": two
        // to four Chinese characters amid English are a name as written.
        if !c.is_ascii()
            && (is_han_name(token)
                // "Filmon Tesfamariam Gebreyesus (ፊልሞን ተስፋማርያም ገብረየሱስ)": a
                // name in a script without capitals, in brackets after a
                // name in letters, is that name as written.
                || (is_caseless_script(token) && in_brackets_after_a_name(text, start)))
        {
            out.push((start, end, SuspectKind::Name));
            previous_title = false;
            continue;
        }
        // "Our Lady of the Strand", "Our Lady Star of the Sea": a church
        // by its dedication (a devotion of the field's terms, "Our Lady of
        // Fatima", was kept whole above).
        if token == "Our"
            && text[end..].starts_with(" Lady ")
            && let Some(place_end) = dedication_end(text, end + " Lady".len())
            && place_end > end + " Lady".len()
        {
            out.push((start, place_end, SuspectKind::Place));
            i = i.max(place_end);
            previous_title = false;
            continue;
        }
        // "Le Clos du Pommier", "La Rue des Prés": a French street with
        // its article.
        if matches!(token, "Le" | "La" | "Les")
            && text[end..].starts_with(' ')
            && let Some(kind) = crate::anonymise::text::word_after(text, end)
            && super::lists::field_lists().is_street_prefix(kind)
            && let Some(place_end) = prefixed_street_end(text, end + 1 + kind.len())
        {
            out.push((start, place_end, SuspectKind::Place));
            i = i.max(place_end);
            previous_title = false;
            continue;
        }
        // "Heol y Bryn", "Lôn Penrhiw", "Parc y Rhos": a Welsh street
        // starts with the word for its kind.
        if digits == 0
            && token.chars().next().is_some_and(char::is_uppercase)
            && super::lists::field_lists().is_street_prefix(token.trim_end_matches("'r"))
            && let Some(place_end) = prefixed_street_end(text, end)
        {
            out.push((start, place_end, SuspectKind::Place));
            i = i.max(place_end);
            previous_title = false;
            continue;
        }
        // "('Little Europe' area)": a name in quotation marks for a
        // part of town.
        if digits == 0
            && token.chars().next().is_some_and(char::is_uppercase)
            && let Some(place_end) = quoted_area_end(text, start)
        {
            out.push((start, place_end, SuspectKind::Place));
            i = i.max(place_end);
            previous_title = false;
            continue;
        }
        // "pitch 6", "van 41": a pitch or a caravan on a site is an
        // address.
        if digits > 0
            && letters <= 1
            && token.len() <= 5
            && let Some((at, _)) = crate::anonymise::text::word_before(text, start)
                .filter(|&(at, w)| {
                    &text[at + w.len()..start] == " "
                        && (is_pitch_word(w)
                            // "Unit 7, Bexhall Business Park": a unit of a
                            // named estate or park is an address.
                            || (w == "Unit"
                                && text[end..].starts_with(", ")
                                && text[end + 2..].starts_with(char::is_uppercase))
                            // "Quarter 41", a married quarter; not a year's
                            // "quarter 2".
                            || (w.eq_ignore_ascii_case("quarter")
                                && token.parse::<u32>().is_ok_and(|n| n > 4)))
                })
            // "pitches 38-44": a range of them.
            && let end = range_end(text, end)
            // "in the van 2 days later" counts days.
            && !crate::anonymise::text::word_after(text, end).is_some_and(|w| {
                words::is_unit_of_time(&w.to_lowercase())
            })
        {
            out.push((at, end, SuspectKind::Place));
            i = i.max(end);
            previous_title = false;
            continue;
        }
        // "Ho4 Wing6 Si1": a name romanised with its tones' numbers
        // (Jyutping, Pinyin), two syllables or more.
        if digits == 1
            && let Some(run_end) = toned_syllables_end(text, start)
        {
            out.push((start, run_end, SuspectKind::Name));
            i = i.max(run_end);
            previous_title = false;
            continue;
        }
        // "Op FOXGLOVE", "Operation Nightjar": the name of an operation
        // that no list of the field holds (a police one for this case)
        // says which case it is.
        if digits == 0
            && letters >= 3
            && token.chars().next().is_some_and(char::is_uppercase)
            && crate::anonymise::text::word_before(text, start).is_some_and(|(at, w)| {
                matches!(w, "Op" | "OP" | "Operation" | "operation" | "op")
                    && &text[at + w.len()..start] == " "
                    // "Op Encompass", "Op HERRICK": a national one.
                    && super::lists::field_lists().fixed_term_end(text, at).is_none()
            })
            && !super::lists::field_lists().is_public_name(token)
        {
            out.push((start, end, SuspectKind::Name));
            previous_title = false;
            continue;
        }
        // "Jun-Jun", "Bong-Bong": a syllable doubled is a nickname, as
        // Filipino families make them, unless the syllable is a word.
        if digits == 0
            && token.chars().next().is_some_and(char::is_uppercase)
            && let Some(double_end) = doubled_end(text, token, end)
        {
            out.push((start, double_end, SuspectKind::Name));
            i = i.max(double_end);
            previous_title = false;
            continue;
        }
        // "Pen-y-waun", "Stoke-on-Trent": a hyphenated place name.
        if digits == 0
            && token.chars().next().is_some_and(char::is_uppercase)
            && let Some(place_end) = hyphenated_place_end(text, end)
            && !super::lists::field_lists().is_kinship(token)
        {
            out.push((start, place_end, SuspectKind::Place));
            i = i.max(place_end);
            previous_title = false;
            continue;
        }
        // "Amlodipine 5mg OD": a word before a dose is a medicine's name;
        // "Pre-birth", "Co-sleeping": a word that is no name, before a
        // hyphen and a word in lower case, begins a compound.
        if digits == 0
            && !after_collar
            && c.is_uppercase()
            // "Co. Donegal": a county.
            && (token == "Co" && text[end..].starts_with(". ") && after_capitalised_next(text, end + 1)
                || before_a_dose(text, end)
                || (is_compound_prefix(lower_into(lower, token)) && before_a_compound(text, end)))
        {
            previous_title = false;
            continue;
        }
        let kind = if after_collar {
            Some(SuspectKind::Name)
        } else if digits > 0 && is_postcode_district(text, start, token) {
            Some(SuspectKind::Place)
        } else if digits >= 2
            && letters >= 1
            && let Some(group_end) = digit_group_after(text, end)
        {
            // "HO notified (R227 1093)", "plates (3Q7 2519)": letters and
            // digits, then a group of digits, is a reference or a plate.
            out.push((start, group_end, SuspectKind::Number));
            i = i.max(group_end);
            previous_title = false;
            continue;
        } else if digits > 0 {
            let decade = token.len() == 5 && token.ends_with('s') && digits == 4;
            // "BP 168/96", "32/40", "3/52": a reading or a fraction.
            let reading = letters == 0
                && token
                    .split_once('/')
                    .is_some_and(|(a, b)| (1..=3).contains(&a.len()) && (1..=3).contains(&b.len()));
            // "s139A", "s23": a section of an Act.
            let section = super::identifiers::is_a_section(token);
            let reference = !token.contains('.')
                // "FL401", "C100": a form of the field.
                && !super::lists::field_lists().is_abbreviation(token)
                && !decade
                && !reading
                && !section
                // "1450ppm toothpaste", "5000mg": a measurement.
                && !is_a_measurement(token)
                && (digits >= 5
                    || (digits >= 4 && letters > 0)
                    || is_a_vessel_number(token)
                    // "Decision Maker 2231", "left the hotel, room 214".
                    || (digits >= 3 && letters == 0 && after_a_staff_or_room_word(text, start)))
                // "text Shout 85258": a national helpline's number.
                && !super::identifiers::is_public_number(token);
            reference.then_some(SuspectKind::Number)
        } else if token.chars().all(char::is_lowercase)
            && is_lower_case_name(text, start, token)
            && !known.has(lower_into(lower, token))
            && !super::lists::field_lists().is_kinship(token)
        {
            Some(SuspectKind::Name)
        } else if token.len() == 1
            && c.is_ascii_uppercase()
            && (an_initial_for_a_person(text, start, end)
                // "Mrs J. F. de O.", "Mr A": a person's initials after an
                // honorific, and the initials after those.
                || previous_title
                || next_initial(text, out, start))
        {
            Some(SuspectKind::Initials)
        } else if letters < 2 || !token.chars().next().is_some_and(char::is_uppercase) {
            None
        } else if dotted
            && token
                .split('.')
                .all(|p| p.chars().count() <= 1 && p.chars().all(char::is_uppercase))
        {
            Some(SuspectKind::Initials)
        } else if token.chars().all(|c| !c.is_lowercase())
            && letters <= 4
            && letters == token.chars().count()
            && before_a_hospital_department(text, end)
            && !words::is_acronym(token)
            && !super::lists::field_lists().is_abbreviation(token)
            && !super::lists::field_lists().is_public_name(token)
            && !known.has(lower_into(lower, token))
        {
            // "HUH Emergency Department", "at HUH ED": a hospital's
            // initials, whatever word they spell.
            Some(SuspectKind::Place)
        } else if token.chars().all(|c| !c.is_lowercase()) && letters <= 4 {
            // "AH to liaise": an interjection in capitals is initials.
            let word = words::is_word(lower_into(lower, token))
                && !matches!(
                    lower_into(lower, token),
                    "ah" | "oh" | "eh" | "uh" | "ha" | "ho" | "hm" | "er" | "um" | "aw" | "ow"
                );
            // "HMRC informed": a national body's initials are no one's.
            let acronym = words::is_acronym(token)
                || words::is_acronym(token.trim_end_matches('s'))
                || super::lists::field_lists().is_public_name(token)
                // "NMGH", "RLUH": four capitals with no vowel are a
                // hospital's or a body's, not a person's initials.
                || (token.len() >= 4 && words::reads_as_an_acronym(token));
            // "…at the mandir. RE": two capitals that end the record
            // after its last sentence sign it, though they spell a word.
            let sign_off = letters == 2
                && text[end..].trim_end_matches(['.', ' ', '\n']).is_empty()
                && [". ", "; ", " - ", ") ", "\" ", "\n"]
                    .iter()
                    .any(|b| text[..start].ends_with(b));
            if sign_off
                && !super::lists::field_lists().is_abbreviation(token)
                && !super::lists::field_lists().is_public_name(token)
                && !known.has(lower_into(lower, token))
            {
                Some(SuspectKind::Initials)
            } else if word
                && !acronym
                && !known.has(lower_into(lower, token))
                && ((after_name && gazetteer().is_name_word(lower_into(lower, token)))
                    // "HILL Jordan (Hilly)": a surname in capitals first.
                    || (letters >= 3 && before_a_given_name(text, end)))
            {
                // "KERRY HILL": a short surname that is also a word.
                Some(SuspectKind::Name)
            } else if !word
                && !acronym
                && !known.has(lower_into(lower, token))
                && !reads_as_an_abbreviation(text, start, end)
            {
                // "Kerry MOYO", "Talent MOYO": after a name, a short
                // word in capitals that could be said is a surname, not
                // initials.
                let surname = after_name && is_a_surname_in_capitals(text, start, token);
                Some(if surname {
                    SuspectKind::Name
                } else {
                    SuspectKind::Initials
                })
            } else {
                None
            }
        } else {
            let lower_token = lower_into(lower, token);
            let plain = lower_token.trim_end_matches("'s").trim_end_matches("’s");
            // "Gypsy/Traveller", "Mum/Dad": words joined by a slash, each
            // ordinary.
            let slashed_words = plain.contains('/')
                && plain.split('/').all(|p| {
                    !p.is_empty()
                        && (words::in_dictionary(p)
                            || super::lists::field_lists().is_public_name(p)
                            || super::lists::field_lists().is_kinship(p)
                            // "Chlamydia/gonorrhoea", "HIV/syphilis/hep".
                            || super::sensitive::is_health_term(p)
                            || super::lists::field_lists().is_abbreviation(&p.to_uppercase()))
                })
                || token.contains('/')
                    && token.split('/').all(|p| {
                        !p.is_empty()
                            && (words::is_acronym(p)
                                || super::lists::field_lists().is_abbreviation(p))
                    });
            let ordinary = slashed_words
                || welsh_month_here(text, start, plain)
                || if starts_sentence(text, start) {
                    // "Aisling" looks like "aisle" + "ing", but is a given name.
                    words::is_word(plain)
                    || ((inflected_word(plain) || rarer_word(plain))
                        && !gazetteer().is_registered_given_name(plain))
                    // "Dw i ddim wedi…", "Nodyn bugeiliol": Welsh.
                    || super::lists::field_lists().is_other_language_word(plain)
                } else {
                    // "Non-Molestation Order", "Special Guardianship Order": a
                    // rarer word is a word too, unless some name is spelt so
                    // ("Mared" is a given name, not "mare" + "d").
                    words::in_dictionary(plain)
                        || (rarer_word(plain)
                            && !gazetteer().is_any_name_word(plain)
                            && !gazetteer().is_registered_given_name(plain))
                        || in_other_language(text, start, end, plain)
                };
            // "MACRITCHIE Eilidh Rose": a common given name right after a
            // cast member's given name is their middle name.
            let after_a_cast_given_name = ordinary
                && gazetteer().is_given_name_word(plain)
                && crate::anonymise::text::word_before(text, start).is_some_and(|(at, w)| {
                    &text[at + w.len()..start] == " "
                        && w.chars().next().is_some_and(char::is_uppercase)
                        && w.chars().any(char::is_lowercase)
                        && covered(at, at + w.len())
                });
            // "Testimony ADEYEMI", "Oluwatobiloba Testimony ADEYEMI": a
            // capitalised word right before a cast name in capitals is a
            // given name, though it is a word.
            let before_a_cast_name_in_capitals = ordinary
                && text[end..].starts_with(' ')
                && token.chars().skip(1).all(char::is_lowercase)
                && !words::is_title(token)
                && !super::lists::field_lists().is_kinship(plain)
                && crate::anonymise::text::word_after(text, end).is_some_and(|w| {
                    let at = end + 1;
                    // Letters only: a plate or a reference found
                    // already ("Ford Ranger YR19 KZD") is no cast name.
                    w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                        && w.chars()
                            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
                        && !w.chars().any(char::is_lowercase)
                        && text[at..].starts_with(w)
                        // "Tenancy GHA/T/20817": the head of a reference.
                        && !text[at + w.len()..].starts_with(['/', '-', '_'])
                        && !words::is_acronym(w)
                        && !super::lists::field_lists().is_abbreviation(w)
                        && covered(at, at + w.len())
                });
            // An ordinary word that is also a common name is one where the
            // words around say so: "her friend Hope", "Baker rang back".
            let mut next_is_a_cast_name = || {
                let rest = &text[end..];
                rest.starts_with(' ')
                    && crate::anonymise::text::word_after(text, end).is_some_and(|w| {
                        let at = end + 1;
                        w.chars().next().is_some_and(char::is_uppercase)
                            && rest[1..].starts_with(w)
                            && covered(at, at + w.len())
                    })
            };
            // "placed with Carol Hinds": a registered given name, inside
            // a sentence, before a common surname written as one (either
            // may be a word too; the second names no place and no body).
            let next_is_a_surname = || {
                text[end..].starts_with(' ')
                    && crate::anonymise::text::word_after(text, end).is_some_and(|next| {
                        let lower = next.to_lowercase();
                        next.chars().count() >= 3
                            && next.chars().next().is_some_and(char::is_uppercase)
                            && next.chars().skip(1).all(char::is_lowercase)
                            && gazetteer().is_common_surname(&lower)
                            && !is_institution_word(&lower)
                            // "Grace Church", "the Rose Garden": a place.
                            && !super::lists::field_lists().is_premises(&lower)
                            && !matches!(lower.as_str(), "garden" | "centre" | "center" | "market")
                            && !is_street_end(next)
                            && !words::is_vocabulary(next)
                            && !words::is_title(next)
                            && !super::lists::field_lists().is_public_name(next)
                            && super::lists::field_lists()
                                .fixed_term_end(text, end + 1)
                                .is_none()
                    })
            };
            let is_short_form = || super::lists::field_lists().is_short_form(plain);
            let named_by_context = ordinary
                && (nickname_at(text, start, end)
                    || before_a_cast_name_in_capitals
                    || (after_relation(text, start)
                    // "Grandma Sue": a short form of a given name too.
                    && (gazetteer().is_name_word(plain)
                        || is_short_form()
                        // "his mum Comfort", "her son Gift (9)": a rarer
                        // name that is a word, after a relation.
                        || (!starts_sentence(text, start)
                            && !is_street_end(token)
                            && gazetteer().is_any_name_word(plain))))
                    // "chaired by Carol Mountain (IRO)": a given name that
                    // is a word, before a role in brackets.
                    // "D Lord (DSL)": a word after an initial, before one.
                    || (((gazetteer().is_registered_given_name(plain)
                        && !starts_sentence(text, start))
                        || after_an_initial(text, start))
                        && (before_a_role_in_brackets(text, end)
                            // "twins Lacey and Mason (6)": a given name
                            // before an age in brackets.
                            || before_an_age_in_brackets(text, end)))
                    || (gazetteer().is_registered_given_name(plain)
                        && !starts_sentence(text, start)
                        && next_is_a_surname())
                    || (gazetteer().is_name_word(plain)
                        // "Lee Chaudhry": a common given name before a cast name.
                        && ((gazetteer().is_given_name_word(plain)
                            && (after_a_cast_given_name || next_is_a_cast_name()))
                            // "Baker rang back", "Dawn rang": a name
                            // that is a word, starting a sentence, then a
                            // verb of what someone said or did.
                            || (starts_sentence(text, start)
                                && (gazetteer().is_surname_word(plain)
                                    || gazetteer().is_given_name_word(plain))
                                && reported_by(text, end))))
                    // A given name that is a word where what follows says
                    // who it is or what they did: "Summer (Tyler's
                    // half-sister)", "Rocky, the family's lodger", "Dawn from
                    // the Housing Executive called", "Liberty attends the
                    // nursery", "went to Jade's party".
                    || (gazetteer().is_given_name_word(plain)
                        && !a_rating(text, start, token)
                        && (before_people_in_brackets(text, end)
                            || before_who_in_apposition(text, end)
                            || (starts_sentence(text, start)
                                && (reported_from_somewhere(text, end)
                                    || before_a_persons_doing(text, end)))
                            // "a girl he called Summer", "He and Summer
                            // have split up".
                            || (!starts_sentence(text, start)
                                && token.starts_with(char::is_uppercase)
                                && (after_a_naming(text, start)
                                    || beside_a_pronoun(text, start, end)))
                            || (!starts_sentence(text, start)
                                && token.starts_with(char::is_uppercase)
                                && (token.ends_with("'s") || token.ends_with("’s"))
                                && !crate::anonymise::text::word_before(text, start)
                                    .is_some_and(|(_, w)| w.eq_ignore_ascii_case("the"))))));
            let bare = token.trim_end_matches("'s").trim_end_matches("’s");
            let singular = bare.strip_suffix('s').unwrap_or(bare);
            // After a role ("Nurse", "HV", "GP") or another name, an
            // ordinary word that is no name in the gazetteer is a word:
            // "Named Nurse Safeguarding", "MALE TARIQ MAHMOOD DETAINED";
            // after an honorific or a rank it is a name ("Mr Green", "DS
            // Craven"), and after a name one that is also a name ("KERRY
            // HILL").
            let plain_word = || ordinary && !gazetteer().is_name_word(plain) && !is_short_form();
            let shouting = || !token.chars().any(char::is_lowercase);
            // "Leanne PICKERING": a surname in capitals after a name that is
            // not ("MALE TARIQ MAHMOOD DETAINED" is shouting throughout).
            let surname_in_capitals = || {
                after_name
                    && out
                        .last()
                        .is_some_and(|l| text[l.0..l.1].chars().any(char::is_lowercase))
            };
            // "DSL Patience Osei", "SW Faith Adeyemi": after a role, an
            // ordinary word before a surname that is no word is a given
            // name ("HV Team Leader" is a role throughout).
            let before_a_surname = || {
                text[end..].starts_with(' ')
                    && crate::anonymise::text::word_after(text, end).is_some_and(|next| {
                        let lower = next.to_lowercase();
                        next.chars().count() >= 3
                            && next.chars().next().is_some_and(char::is_uppercase)
                            && !words::is_word(&lower)
                            && !words::in_larger_dictionary(&lower)
                            && !words::is_vocabulary(next)
                            && !words::is_title(next)
                            && !super::lists::field_lists().is_abbreviation(next)
                            && !words::is_acronym(next)
                    })
            };
            // "MARSHALL Jordan": a surname in capitals, as police write
            // it, before a given name.
            let surname_first = || shouting() && letters >= 3 && before_a_given_name(text, end);
            // "with Talent MOYO (Y11)": a capitalised word before a surname
            // in capitals that is no word, no abbreviation and no
            // acronym is a given name, though it is a word.
            let before_a_surname_in_capitals = || {
                !shouting()
                    && text[end..].starts_with(' ')
                    && crate::anonymise::text::word_after(text, end).is_some_and(|next| {
                        (!starts_sentence(text, start) && is_a_surname_in_capitals(text, end + 1, next))
                            // "DV by Dean GOSLING": a given name before a
                            // word in capitals that ends the capitals is a
                            // name, and the word its surname (at a
                            // sentence's start, a surname that is a word:
                            // "Dean GREEN attended").
                            || (gazetteer().is_registered_given_name(plain)
                                && is_a_word_in_capitals_alone(text, end + 1, next)
                                && (!starts_sentence(text, start)
                                    || gazetteer().is_common_surname(&next.to_lowercase())))
                    })
            };
            // "Mrs Sunderland", "Brenda SUNDERLAND": after an honorific,
            // or in capitals after a given name, a place's name is a
            // surname.
            let public_surname = super::lists::field_lists().is_public_name(plain)
                && ((previous_title && !previous_role)
                    || (after_name
                        && (shouting()
                            || crate::anonymise::text::word_before(text, start).is_some_and(
                                |(at, given)| {
                                    &text[at + given.len()..start] == " "
                                        && gazetteer().is_given_name(&given.to_lowercase())
                                },
                            ))));
            // "Mr St John": after an honorific or a rank, not a role.
            let after_an_honorific = previous_title && !previous_role;
            let name = ((previous_title
                && !(previous_role && plain_word() && !before_a_surname()))
                || (ordinary && surname_first())
                || (ordinary && before_a_surname_in_capitals())
                || !ordinary
                || (after_name && !(shouting() && plain_word() && !surname_in_capitals()))
                // "J. Baker", not "…band B. Suggested refuge".
                || initial_start.is_some_and(|at| !(ordinary && after_label_noun(text, at)))
                || named_by_context)
                && !known.has(lower_token)
                && !super::lists::field_lists().is_kinship(plain)
                && !super::sensitive::is_health_term(plain)
                && (public_surname
                    || !(words::is_vocabulary(token)
                        || words::is_vocabulary(singular)
                        || words::is_vocabulary(bare)))
                && !words::is_acronym(singular)
                && !words::is_acronym(bare)
                // "Mr Lord", "Mr Judge": after an honorific or a rank, a
                // title's word is a surname.
                && (!words::is_title(token)
                    || (previous_title && !previous_role)
                    || after_an_initial(text, start))
                // "Extubated 14/04", "Cannulated": a clinical verb, which
                // no name is.
                && !(plain.len() >= 8 && plain.ends_with("ated"))
                && !names_a_law(text, token, end)
                // "Port St Mary": the saint's word in a town's name, after
                // its first word, is no name ("at St Barnabas", a church, is
                // a place).
                && !(matches!(token, "St" | "Ste" | "Saint")
                    && !after_an_honorific
                    && after_capitalised(text, start)
                    && crate::anonymise::text::word_after(text, end)
                        .is_some_and(|w| w.starts_with(char::is_uppercase)))
                && !a_rating(text, start, plain)
                // "Market St": a street's abbreviation names no one.
                && !(is_street_abbreviation(token)
                    && after_capitalised(text, start)
                    && !after_an_honorific)
                // "Port St Mary": a given name after "St" and before no other
                // name word is a saint's, in the name of a town ("St Mary's
                // Primary", a school, is a place).
                && !(token == bare
                    && crate::anonymise::text::word_before(text, start).is_some_and(|(at, w)| {
                        matches!(w, "St" | "St." | "Saint" | "Ste")
                            && &text[at + w.len()..start] == " "
                            && after_capitalised(text, at)
                            // "Mr St John": a surname, the "St" found already.
                            && out.last().is_none_or(|l| l.1 < at + w.len())
                    })
                    && !crate::anonymise::text::word_after(text, end)
                        .is_some_and(|w| w.starts_with(char::is_uppercase))
                    && gazetteer().is_registered_given_name(plain))
                // "NRCPD", "QToD": an acronym by its shape ("CNC's" is a
                // person's, in the possessive).
                && !words::reads_as_an_acronym(token);
            let street = !name
                && street_end_after(text, end)
                // "Dean GREEN": a surname, not a street's kind.
                && !capitals_follow(text, end, token)
                && !is_institution_word(lower_token)
                && !words::is_title(token)
                && !known.has(lower_token)
                && token.chars().skip(1).all(|c| !c.is_uppercase());
            if street {
                Some(SuspectKind::Place)
            } else if name {
                Some(SuspectKind::Name)
            } else if let Some(place_end) =
                named_place_end(text, start, starts_sentence(text, start))
            {
                out.push((start, place_end, SuspectKind::Place));
                i = i.max(place_end);
                previous_title = false;
                continue;
            } else {
                None
            }
        };
        // A title counts only right before the next word: "Mr Green",
        // "Dr. Green", but not "…by GP. There".
        previous_title = words::is_title(token) && {
            let gap = &text[start + token.len()..];
            gap.starts_with(' ') || (gap.starts_with(". ") && words::is_dotted_title(token))
        };
        previous_role = previous_title && words::is_role_title(token);
        if let Some(mut kind) = kind {
            let mut token_end = start + token.len();
            let start = match initial_start {
                Some(initial) if kind == SuspectKind::Name => {
                    // "J. Aoife": the initial, if found alone first, is
                    // the name's first part.
                    if out
                        .last()
                        .is_some_and(|l| l.0 == initial && l.2 == SuspectKind::Initials)
                    {
                        out.pop();
                    }
                    initial
                }
                _ => start,
            };
            // "Linnet Way": the street word belongs to the place.
            if matches!(kind, SuspectKind::Name | SuspectKind::Place)
                && let Some(next) = crate::anonymise::text::word_after(text, token_end)
                && street_end_after(text, token_end)
                // "Dean GREEN": a surname in capitals after a given name.
                && !capitals_follow(text, token_end, token)
                && text[token_end..].trim_start_matches(' ').starts_with(next)
            {
                let gap = text[token_end..].len() - text[token_end..].trim_start_matches(' ').len();
                token_end += gap + next.len();
                kind = SuspectKind::Place;
                i = i.max(token_end);
            }
            // "Dean Kavanagh": a common name that is also a word, right before
            // a name, is its first part.
            let mut start = start;
            if kind == SuspectKind::Name
                && let Some((before_at, before)) = crate::anonymise::text::word_before(text, start)
                && text[before_at + before.len()..start] == *" "
                && before.chars().next().is_some_and(char::is_uppercase)
                && out.last().is_none_or(|l| l.1 <= before_at)
                && (gazetteer().is_given_name_word(&before.to_lowercase())
                    || super::lists::field_lists().is_short_form(before))
                && !words::is_title(before)
                && !words::is_vocabulary(before)
                && !super::lists::field_lists().is_kinship(before)
            {
                start = before_at;
            }
            // "Aoife K.": a dotted initial after a name is part of it.
            if kind == SuspectKind::Name {
                let rest = &text.as_bytes()[token_end..];
                if rest.len() >= 3
                    && rest[0] == b' '
                    && rest[1].is_ascii_uppercase()
                    && rest[2] == b'.'
                    && rest.get(3).is_none_or(|b| !b.is_ascii_alphanumeric())
                {
                    token_end += 2;
                    i = i.max(token_end + 1);
                }
            }
            // "Quentin Blakeley": one suspect, not two. ("Para J. Bevan":
            // the initial already ends the last suspect, which "J. Bevan"
            // overlaps.)
            if let Some(last) = out.last_mut()
                && matches!(last.2, SuspectKind::Name | SuspectKind::Place)
                && matches!(kind, SuspectKind::Name | SuspectKind::Place)
                && (start <= last.1
                    || &text[last.1..start] == "-"
                    || (text[last.1..start].trim().is_empty()
                        && !text[last.1..start].contains('\n')))
            {
                last.1 = last.1.max(token_end);
                if kind == SuspectKind::Place {
                    last.2 = kind;
                }
                continue;
            }
            out.push((start, token_end, kind));
        }
    }
    the_same_name_again(text, &covered_words, out);
}

/// True when `at` starts a text or follows a full stop, a question or
/// exclamation mark, a colon or a line (quotation marks and brackets
/// between): not after a semicolon, where a record's clause goes on.
fn after_a_full_stop(text: &str, at: usize) -> bool {
    text[..at]
        .trim_end_matches([' ', '"', '“', '‘', '\'', '(', '[', '-', '–'])
        .chars()
        .next_back()
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | ':' | '\n'))
}

/// True when what follows `end` of `text` is what a person does or is to
/// someone: "Patience is my husband's sister", "Sing said no". A word that
/// opens a sentence before such a verb, found as a name in the same text,
/// is that name again.
fn before_a_persons_verb(text: &str, end: usize) -> bool {
    let mut next = text[end..].split_whitespace();
    match next.next() {
        Some(
            "said" | "says" | "told" | "tells" | "rang" | "phoned" | "came" | "cried" | "asked",
        ) => true,
        Some("is" | "was") => next.next().is_some_and(|w| {
            matches!(
                w,
                "my" | "his" | "her" | "our" | "their" | "mum's" | "dad's"
            )
        }),
        _ => false,
    }
}

/// "argued with Brother Sing about money; Sing stayed calm": an ordinary
/// word found as a name in a text (after a title or a relation) is the
/// same name wherever that text writes it again, capitalised, inside a
/// sentence and outside a fixed term of the field.
fn the_same_name_again(
    text: &str,
    covered_words: &[(usize, usize)],
    out: &mut Vec<(usize, usize, SuspectKind)>,
) {
    let mut names: Vec<&str> = Vec::new();
    for &(start, end, kind) in out.iter() {
        if kind != SuspectKind::Name {
            continue;
        }
        for word in text[start..end].split(' ') {
            let word = word.trim_matches(|c: char| !c.is_alphabetic());
            let mut letters = word.chars();
            let capitalised =
                letters.next().is_some_and(char::is_uppercase) && letters.all(char::is_lowercase);
            if capitalised
                && word.chars().count() >= 3
                && words::is_word(&word.to_lowercase())
                && !names.contains(&word)
            {
                names.push(word);
            }
        }
    }
    if names.is_empty() {
        return;
    }
    let found = out.len();
    for name in names {
        for (at, _) in text.match_indices(name) {
            let end = at + name.len();
            let alphanumeric = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            if alphanumeric(text[..at].chars().next_back())
                || alphanumeric(text[end..].chars().next())
                || out[..found].iter().any(|&(s, e, _)| s < end && at < e)
                || covered_words.iter().any(|&(s, e)| s < end && at < e)
                || (after_a_full_stop(text, at) && !before_a_persons_verb(text, end))
                || super::classify::in_a_longer_fixed_term(text, at, end)
                // "Praise the Lord" where "Mr Lord" was named: after an
                // article, a thing or a title.
                || crate::anonymise::text::word_before(text, at)
                    .is_some_and(|(_, w)| matches!(w, "the" | "a" | "an" | "The" | "A" | "An"))
                // "Jamhuri Day" where "Lee Day" was named.
                || reads_as_a_word_here(text, at, end)
            {
                continue;
            }
            out.push((at, end, SuspectKind::Name));
        }
    }
    if out.len() > found {
        out.sort_by_key(|&(start, _, _)| start);
    }
}

/// True when the word at `start..end`, an ordinary word, reads as that
/// word here, though it is someone's name elsewhere: a unit of time before
/// a number ("Day 6 visit" where another record has "Lee Day"), or the
/// end of a phrase whose word before is a calendar's, the record's own or
/// a public name, not a title or a given name ("Christmas Day", "Jamhuri
/// Day"). A word of the dictionary before is not enough: "Son Van Long"
/// and "Hung Long" are names of words.
pub(super) fn reads_as_a_word_here(text: &str, start: usize, end: usize) -> bool {
    let word = &text[start..end];
    let lower = word.to_lowercase();
    if !word.chars().next().is_some_and(char::is_uppercase)
        || word.contains(' ')
        || !words::is_word(&lower)
    {
        return false;
    }
    let before_a_number = text[end..]
        .strip_prefix(' ')
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()));
    (before_a_number && words::is_unit_of_time(&lower))
        || crate::anonymise::text::word_before(text, start).is_some_and(|(at, before)| {
            let lower = before.to_lowercase();
            text[at + before.len()..start] == *" "
                && before.chars().next().is_some_and(char::is_uppercase)
                && !words::is_title(before)
                && !gazetteer().is_registered_given_name(&lower)
                && (words::is_vocabulary(before)
                    || super::lists::field_lists().is_public_name(before))
        })
}

/// The suspects in one text, with its dates passed over.
fn scan(text: &str, known: &Known) -> Vec<(usize, usize, SuspectKind)> {
    let dates: Vec<_> = if text.bytes().any(|b| b.is_ascii_digit()) {
        find_dates_in_text(text)
            .into_iter()
            .map(|(r, _)| r)
            .collect()
    } else {
        Vec::new()
    };
    let mut out = Vec::new();
    suspects_into(
        text,
        known,
        |start, end| dates.iter().any(|r| r.start <= start && end <= r.end),
        &mut String::new(),
        &mut out,
    );
    out
}

/// Every suspect left in an anonymised review.
pub fn residual_scan(anonymised: &Review) -> Vec<Suspect> {
    let known = Known::of(anonymised);
    let mut out = Vec::new();
    fields::visit(anonymised, |id, field, _, text| {
        if fields::is_bibliographic(field) {
            return;
        }
        for (start, end, kind) in scan(text, &known) {
            out.push(Suspect {
                record: id.clone(),
                field: field.to_string(),
                text: text[start..end].to_string(),
                kind,
                context: context(text, start, end),
            });
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn suspects(text: &str) -> Vec<(String, SuspectKind)> {
        let known = Known {
            words: ["child", "b", "mother"]
                .iter()
                .map(|s| s.to_string())
                .collect(),
        };
        scan(text, &known)
            .into_iter()
            .map(|(s, e, k)| (text[s..e].to_string(), k))
            .collect()
    }

    /// The suspects in `text` read as names.
    fn names(text: &str) -> Vec<String> {
        suspects(text)
            .into_iter()
            .filter(|(_, k)| *k == SuspectKind::Name)
            .map(|(t, _)| t)
            .collect()
    }

    #[test]
    fn a_given_name_before_a_word_in_capitals_is_a_name_and_the_word_its_surname() {
        assert_eq!(names("DV by Dean GOSLING. Then."), ["Dean GOSLING"]);
        assert_eq!(
            names("Dean GREEN attended with Hope FIELD."),
            ["Dean GREEN", "Hope FIELD"]
        );
        // Capitals that go on are shouting, not a surname.
        assert!(names("Note: Will CALL BACK tomorrow.").is_empty());
    }

    #[test]
    fn a_given_name_that_is_a_word_is_a_name_when_someone_called_it_or_beside_a_pronoun() {
        assert_eq!(
            names("With a girl he called Summer - words of advice."),
            ["Summer"]
        );
        assert_eq!(names("He and Summer have split up."), ["Summer"]);
        assert_eq!(names("Said that Summer and I are friends."), ["Summer"]);
        assert!(names("He and the Summer scheme staff met.").is_empty());
        assert!(names("Attendance in the Summer term was 58%.").is_empty());
    }

    #[test]
    fn a_saint_in_a_towns_name_is_no_name_but_a_church_or_a_surname_is() {
        assert!(suspects("Her mum lives in Port St Mary now.").is_empty());
        assert_eq!(names("Seen with Mr St John today."), ["St John"]);
        assert_eq!(
            names("Referred to the foodbank at St Barnabas."),
            ["St Barnabas"]
        );
    }

    #[test]
    fn capitals_where_someone_was_are_a_places() {
        assert!(suspects("Booked late at JGH. Seen at JGH today.").is_empty());
        assert!(suspects("Present: SW, HV, NMGH, DSL. Dr Okonjo (NMGH).").len() == 1);
        // Someone's initials where they live, or to whom, still are theirs.
        let found = suspects("Handed to JT at 10:00, seen at JT's home.");
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn a_french_street_with_its_article_is_one_place() {
        assert_eq!(
            suspects("Moved to 5 Le Clos du Pommier, then La Rue des Prés."),
            vec![
                ("Le Clos du Pommier".to_string(), SuspectKind::Place),
                ("La Rue des Prés".to_string(), SuspectKind::Place)
            ]
        );
    }

    #[test]
    fn days_and_named_days_are_no_names() {
        for text in [
            "Passed to Adult Social Care. Christmas Day: all at home.",
            "Day 6 visit, Flat 7. Fine.",
            "Jamhuri Day at the church. Mashujaa Day too.",
        ] {
            assert_eq!(suspects(text), vec![], "{text}");
        }
    }

    #[test]
    fn a_word_before_a_cast_name_in_capitals_and_a_unit_of_a_park_are_named() {
        // The suspects of `text` where `found` was found already.
        let suspects_beside = |text: &str, found: &str| -> Vec<String> {
            let known = Known {
                words: Default::default(),
            };
            let (at, end) = (
                text.find(found).unwrap(),
                text.find(found).unwrap() + found.len(),
            );
            let mut out = Vec::new();
            suspects_into(
                text,
                &known,
                |s, e| s < end && at < e,
                &mut String::new(),
                &mut out,
            );
            out.iter()
                .map(|&(s, e, _)| text[s..e].to_string())
                .collect()
        };
        let found = suspects_beside(
            "MISPER: Testimony ADEYEMI, 9. Called to Unit 7, Bexhall Business Park.",
            "ADEYEMI",
        );
        assert!(found.iter().any(|f| f == "Testimony"), "{found:?}");
        assert!(found.iter().any(|f| f.starts_with("Unit 7")), "{found:?}");
        // A unit of a service stays, and a model before a plate.
        assert!(suspects("Admitted to the Assessment Unit 2 days later.").is_empty());
        let found = suspects_beside("Seen in a black Ford Ranger YR19 KZD.", "YR19 KZD");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn contractions_with_either_apostrophe_are_words() {
        for text in [
            "He said \"I'm fine\" and \"I've had enough\"; I'll ring, I'd said.",
            "He said “I’m fine”. Don’t go. “Isn’t it” she asked. We’ll see.",
        ] {
            assert_eq!(suspects(text), vec![], "{text}");
        }
        // A name with the typographic apostrophe still is one.
        assert_eq!(names("Seen with Ciarán O’Dowd today."), ["Ciarán O’Dowd"]);
    }

    #[test]
    fn the_part_of_an_abbreviation_after_its_hyphen_is_no_name() {
        assert_eq!(
            suspects("Scored on the CIWA-Ar at 02:00, then CIWA-Ar 14."),
            vec![]
        );
        // A name joined to an abbreviation that is not the field's still is.
        assert_eq!(
            suspects("Seen with PHQ-Ar visiting."),
            vec![("Ar".to_string(), SuspectKind::Name)]
        );
    }

    #[test]
    fn initials_after_an_honorific_are_a_persons_with_a_particle_or_not() {
        let initials = |text: &str| -> Vec<String> {
            suspects(text)
                .into_iter()
                .filter(|(_, k)| *k == SuspectKind::Initials)
                .map(|(t, _)| t)
                .collect()
        };
        assert_eq!(initials("Client: Mrs J. F. de O. (code)."), ["J", "F", "O"]);
        assert_eq!(initials("Seen by Mr A at the hostel."), ["A"]);
        assert_eq!(initials("Seen by Mr T. van D. today."), ["T", "D"]);
        // A letter that labels a plan is no one's.
        assert!(initials("Plan A agreed with the family.").is_empty());
    }

    #[test]
    fn a_church_by_its_dedication_is_a_place() {
        assert_eq!(
            suspects("Mass at Our Lady of the Strand in the town, then home."),
            vec![("Our Lady of the Strand".to_string(), SuspectKind::Place)]
        );
        assert_eq!(
            suspects("Seen after Mass at Our Lady Star of the Sea."),
            vec![("Our Lady Star of the Sea".to_string(), SuspectKind::Place)]
        );
        // A devotion of the field's terms is no place.
        assert_eq!(suspects("A statue of Our Lady of Fatima at home."), vec![]);
    }

    #[test]
    fn the_royal_alone_is_a_hospital() {
        assert_eq!(
            suspects("Fit note for her cleaning job at the Royal; review 2/52."),
            vec![("Royal".to_string(), SuspectKind::Place)]
        );
        // Before another capitalised word it starts a longer name.
        assert!(
            !suspects("Letter from the Royal College of Nursing today.")
                .iter()
                .any(|(t, _)| t == "Royal")
        );
    }

    #[test]
    fn a_courts_word_in_the_plural_possessive_is_no_part_of_the_towns_name() {
        assert_eq!(
            suspects("First appearance at Esterburn Magistrates' Court on Monday."),
            vec![("Esterburn".to_string(), SuspectKind::Name)]
        );
    }

    #[test]
    fn a_nickname_after_what_someone_was_called_or_after_another_nickname() {
        let found = suspects("Peers call him 'Smudge'; his old nickname was 'Bran'.");
        assert!(found.iter().any(|(t, _)| t == "Bran"), "{found:?}");
        let found = suspects("Known as 'Dee' or 'Dizzy' on the estate.");
        assert!(found.iter().any(|(t, _)| t == "Dizzy"), "{found:?}");
        // A rating after another is no nickname.
        let found = suspects("The risk went from 'Amber' or 'Red' to green.");
        assert!(!found.iter().any(|(t, _)| t == "Red"), "{found:?}");
    }

    #[test]
    fn house_names_courts_inns_and_shops_are_places_but_institutions_are_not() {
        let found = suspects(
            "Flat 2, Weaver Court. Contact at Orchard House. Seen at the Fleece Inn and \
             at Bridge Stores.",
        );
        let places: Vec<&str> = found
            .iter()
            .filter(|(_, k)| *k == SuspectKind::Place)
            .map(|(t, _)| t.as_str())
            .collect();
        assert_eq!(
            places,
            vec![
                "Weaver Court",
                "Orchard House",
                "Fleece Inn",
                "Bridge Stores"
            ],
            "{found:?}"
        );
        assert_eq!(
            suspects(
                "Hearing at the Family Court and the Crown Court; the Town Hall; a Care Home."
            ),
            vec![]
        );
    }

    #[test]
    fn venues_of_ordinary_words_and_names_before_premises_are_places() {
        let found = suspects(
            "Disturbance outside the Red Lion, Mill Lane. Seen outside The Feathers. \
             Drinking at the Nag's Head. Red Lion pub. Canal Side flats were cold. \
             Lives above Patel's shop.",
        );
        let places: Vec<&str> = found
            .iter()
            .filter(|(_, k)| *k == SuspectKind::Place)
            .map(|(t, _)| t.as_str())
            .collect();
        for place in ["Red Lion", "Feathers", "Nag's Head", "Canal Side"] {
            assert!(places.contains(&place), "{place} in {found:?}");
        }
        assert!(
            found.iter().any(|(t, _)| t.starts_with("Patel")),
            "{found:?}"
        );
        // Ordinary words before a premises word, a venue's word not after
        // "the", and an institution are not places.
        assert_eq!(
            suspects(
                "Local shop closed. Mother went to the pub. The bell rang. \
                 Council flats were offered. Hope to see the Crown Court list. \
                 The Mother and Baby Unit and the Family Centre."
            ),
            vec![],
        );
        // A centre named with an ordinary word is one building: a place,
        // though not the venue "the Bell".
        assert_eq!(
            suspects("She will ring the Bell Centre."),
            vec![("Bell Centre".to_string(), SuspectKind::Place)],
        );
    }

    proptest::proptest! {
        /// Whatever the words, in whatever order, the scan never panics and
        /// its suspects are in order, apart and on character boundaries.
        #[test]
        fn any_sequence_of_words_is_scanned_without_panic(
            words in proptest::collection::vec(0usize..30, 0..24)
        ) {
            const WORDS: [&str; 30] = [
                "Para", "J.", "Bevan", " ", "/", "EMT", "6120", "K.", "Aoife", "the", "Red",
                "Lion", "pub", ".", ",", "Mrs", "friend", "Hope", "kayden", "Tŷ", "flats",
                "(", ")", "Canal", "Side", "rang", "Baker", "Auntie", "Dr", "'s",
            ];
            let text: String = words.iter().map(|&w| WORDS[w]).collect::<Vec<_>>().join(" ");
            let found = scan(&text, &Known::default());
            let mut end = 0;
            for (s, e, _) in found {
                proptest::prop_assert!(end <= s && s < e && e <= text.len(), "{text:?}");
                proptest::prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
                end = e;
            }
        }
    }

    #[test]
    fn ranks_with_numbers_hyphenated_places_and_word_names_before_names() {
        let found = suspects(
            "Police on scene (PC 2716 HILL). Housing Officer Dean Kavanagh visited. \
             Stays at Hafod Wen, Pen-y-waun; moved to Stoke-on-Trent. Her mother-in-law helps.",
        );
        let texts: Vec<(&str, SuspectKind)> = found.iter().map(|(t, k)| (t.as_str(), *k)).collect();
        for expected in [
            ("HILL", SuspectKind::Name),
            ("Dean Kavanagh", SuspectKind::Name),
            ("Pen-y-waun", SuspectKind::Place),
            ("Stoke-on-Trent", SuspectKind::Place),
        ] {
            assert!(texts.contains(&expected), "{expected:?} in {texts:?}");
        }
        assert!(
            !texts
                .iter()
                .any(|(t, _)| t.contains("mother") || t.contains("Officer"))
        );
    }

    #[test]
    fn a_word_after_a_relatives_possessive_is_theirs_not_a_name() {
        assert_eq!(
            names("Her nan brenda came. Her mate skinz too."),
            ["brenda", "skinz"]
        );
        assert!(names("Father: Bapuji's shraddh done, Mum's tiffin packed.").is_empty());
    }

    #[test]
    fn a_remittance_shop_and_a_travel_agent_are_places() {
        assert_eq!(
            suspects("Wages sent home through Ire Oluwa Remittance & Cargo on Fridays."),
            vec![(
                "Ire Oluwa Remittance & Cargo".to_string(),
                SuspectKind::Place
            )]
        );
        assert_eq!(
            suspects("Flights booked at Navkar Travels last week.")
                .into_iter()
                .map(|(text, _)| text)
                .collect::<Vec<_>>(),
            ["Navkar Travels"]
        );
        assert!(suspects("Applied for Best Start Foods.").is_empty());
    }

    #[test]
    fn two_capitals_that_end_a_record_sign_it() {
        for text in [
            "Asked that we only ring 10-12. RE",
            "Review 4/52 - AM",
            "Plan agreed (see notes). IS.",
        ] {
            let found = suspects(text);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(found[0].1, SuspectKind::Initials, "{text}");
        }
        // Not at the end, or not after a sentence: a word.
        for text in [
            "RE: the meeting.",
            "Mum said it is OK",
            "Seen at home. NFA.",
            "Discussed with the school. HV",
        ] {
            assert!(
                !suspects(text)
                    .iter()
                    .any(|(_, k)| *k == SuspectKind::Initials),
                "{text}: {:?}",
                suspects(text)
            );
        }
    }

    #[test]
    fn names_that_are_words_are_names_where_the_context_says_so() {
        assert_eq!(
            names(
                "Her friend Hope visited. Uncle Will came. Her boyfriend Hunter was there. \
                 Baker rang back. Wood said she would call. Seen with kayden and shauna. \
                 Auntie Faith helps. Key worker (Aoife K.) rang. EMT 6120 / Para J. Bevan. \
                 Aisling called."
            ),
            vec![
                "Hope", "Will", "Hunter", "Baker", "Wood", "kayden", "shauna", "Faith", "Aoife K",
                "J. Bevan", "Aisling"
            ]
        );
        assert_eq!(
            names(
                "Hope to see Mum. Will review in May. Summer holidays. Concerns rose. \
                 Staff said he was settled. Mother said the baker rang. A friend Also came. \
                 She lived with her partner. Her brother told the review. A cousin. Hope remains."
            ),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_given_name_that_is_a_word_is_a_name_where_what_follows_says_who() {
        assert_eq!(
            names(
                "Grace and Hope (maternal cousins) came. Summer (mum's half-sister, 15) \
                 disclosed. Rocky, the family's lodger, slept. Heard from Amber, the new \
                 partner. Mercy the childminder rang. Dawn from the Housing Executive \
                 called. Joy at the contact centre said so. Liberty attends the nursery. \
                 He went to Jade's party."
            ),
            vec![
                "Grace", "Hope", "Summer", "Rocky", "Amber", "Mercy", "Dawn", "Joy", "Liberty",
                "Jade's"
            ]
        );
        assert_eq!(
            names(
                "Summer holidays: away (maternal grandparents). Joy at the news, mum said. \
                 RAG rated Amber, the SW to review. Hope remains. Faith groups, the \
                 family's church, were asked. Dawn raids by police. The Robin's nest. \
                 Rose from her seat and said nothing."
            ),
            Vec::<String>::new()
        );
    }

    #[test]
    fn saints_and_acronyms_are_no_suspects() {
        let found =
            |text: &str| -> Vec<String> { suspects(text).into_iter().map(|(t, _)| t).collect() };
        assert_eq!(
            found(
                "Her mum lives in Port St Mary. Interpreter on the NRCPD \
                 register; NDCS pack given. Letter to QToD. Seen by the SDCNP panel."
            ),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_surname_that_is_a_word_after_a_forename_or_an_initial_is_a_name() {
        let found = suspects(
            "PP Declan Furlong saw him. Assault on Tanya Fell in 2019. Signed: PP D. Furlong.",
        );
        let names: Vec<&str> = found
            .iter()
            .filter(|(_, k)| *k == SuspectKind::Name)
            .map(|(t, _)| t.as_str())
            .collect();
        assert_eq!(
            names,
            vec!["Declan Furlong", "Tanya Fell", "D. Furlong"],
            "{found:?}"
        );
        // A name at the end of a sentence does not take the next one's
        // first word.
        let found = suspects("Seen by Quentin. Price rose sharply.");
        assert!(found.iter().all(|(t, _)| t != "Price"), "{found:?}");
    }

    #[test]
    fn a_capital_that_ends_a_fixed_term_is_no_initial() {
        // "Vitamin D" is kept whole; its "D." starts no "D. Overcrowding".
        assert_eq!(
            suspects("Discussed iron and Vitamin D. Overcrowding worse."),
            vec![]
        );
        // An initial of its own still starts a name.
        let found = suspects("Discussed iron with D. Overcrowding (DSL).");
        assert!(
            found.iter().any(|(t, _)| t.contains("Overcrowding")),
            "{found:?}"
        );
    }

    #[test]
    fn platforms_districts_and_greetings_of_the_families_are_no_suspects() {
        assert_eq!(
            suspects(
                "Money moved through his PayPal; plays Valorant and asked for the Wi-Fi code. \
                 Grew up in Sha Tin, then Dnipro. Year of the Dragon party, Kung Hei Fat Choy."
            ),
            vec![]
        );
    }

    #[test]
    fn a_staff_number_a_room_and_a_bare_initial_are_suspects() {
        let found = suspects(
            "Decision Maker 2231 wrote. Left the hotel, room 214. College say M. disclosed it. \
             Consented alongside M. Review in 4/52.",
        );
        assert_eq!(
            found,
            vec![
                ("2231".to_string(), SuspectKind::Number),
                ("214".to_string(), SuspectKind::Number),
                ("M".to_string(), SuspectKind::Initials),
                ("M".to_string(), SuspectKind::Initials),
            ]
        );
        // A letter a word takes, a short number, a year: none.
        assert_eq!(
            suspects(
                "Took vitamin D. Then slept. Got an A. then left. Room 2 booked. Officer 2 rang."
            ),
            vec![]
        );
    }

    #[test]
    fn shorthand_of_the_records_is_no_suspect() {
        assert_eq!(
            suspects(
                "Seen by the Paeds Reg; off the drink since over Xmas. Obs and Sats normal. \
                 Zopiclone 3.75mg PRN. Chlordiazepoxide reducing regime. Pt seen in ED."
            ),
            vec![]
        );
    }

    #[test]
    fn unknown_names_initials_and_numbers_are_suspects() {
        let found = suspects(
            "Child B was seen by Quentin Blakeley and Mr Green. QT and Q.T. noted ref 8812345. \
             Concerns were shared at the Strategy Meeting in April 2021 with the GP.",
        );
        assert_eq!(
            found,
            vec![
                ("Quentin Blakeley".to_string(), SuspectKind::Name),
                ("Green".to_string(), SuspectKind::Name),
                ("QT".to_string(), SuspectKind::Initials),
                ("Q.T".to_string(), SuspectKind::Initials),
                ("8812345".to_string(), SuspectKind::Number),
            ]
        );
    }

    #[test]
    fn placeholders_dates_and_pseudonyms_are_not_suspects() {
        assert!(
            suspects("Mother rang [phone number] on 3 April 2021 about Child B's [address].")
                .is_empty()
        );
    }

    #[test]
    fn rarer_given_names_are_names_and_short_ones_beside_another() {
        let found = suspects(
            "Then Mared attended. Seen with jac and tyler at break. \
             The van was at pitch 6 then van 41. Back in the van 2 days later.",
        );
        let texts: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
        for name in ["Mared", "jac", "tyler", "pitch 6", "van 41"] {
            assert!(texts.contains(&name), "{name}: {texts:?}");
        }
        assert!(!texts.iter().any(|t| t.contains("van 2")), "{texts:?}");
        // A short word that is a name only when joined to another.
        let alone = suspects("Told jac about it and left.");
        assert!(alone.is_empty(), "{alone:?}");
    }

    #[test]
    fn a_welsh_street_starts_with_the_word_for_its_kind() {
        let found = suspects(
            "Moved to Parc y Rhos. Lives at Bryn Awel, Lôn Penrhiw, with Nain. \
             Shop on Stryd Fawr. Visited Maes yr Haf and Rhodfa'r Môr today.",
        );
        let texts: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
        for place in [
            "Parc y Rhos",
            "Lôn Penrhiw",
            "Stryd Fawr",
            "Maes yr Haf",
            "Rhodfa'r Môr",
        ] {
            assert!(texts.contains(&place), "{place}: {texts:?}");
        }
        // The word alone, with nothing capitalised after it, is no street.
        assert!(suspects("Went to the parc with the kids.").is_empty());
    }

    #[test]
    fn a_part_of_town_named_in_quotation_marks() {
        let found = suspects("Lives at no. 14 ('Little Europe' area). Calls it 'Good Times' now.");
        let texts: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
        assert!(texts.contains(&"Little Europe"), "{texts:?}");
        assert!(!texts.iter().any(|t| t.contains("Good")), "{texts:?}");
    }
}
