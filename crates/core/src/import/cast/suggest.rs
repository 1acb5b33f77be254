//! Suggestions for the cast: names found in the chronology's text that no
//! one in the cast goes by, with how often and where they occur.

use super::*;

/// A name the chronology mentions that is not in the cast.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CastSuggestion {
    /// The name as written (its most frequent spelling).
    pub name: String,
    /// How many times it is mentioned.
    pub mentions: usize,
    /// The entries that mention it, in chronology order.
    pub entries: Vec<Id>,
}

/// Titles that start a name: "Dr Mehta", "PC Forsyth".
pub(super) const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "PC", "DC", "DS", "DI", "Sgt", "Cllr", "Prof",
];

/// Capitalised words that are not names: they start sentences, name
/// services and processes, or are parts of addresses.
/// Capitalised words that start no name (with the months and weekdays).
pub(super) fn not_a_name(word: &str) -> bool {
    NOT_NAMES.contains(&word) || crate::model::is_calendar_word(word)
}

pub(super) const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "And",
    "Or",
    "But",
    "If",
    "On",
    "In",
    "At",
    "To",
    "Of",
    "For",
    "With",
    "By",
    "From",
    "As",
    "He",
    "She",
    "They",
    "We",
    "It",
    "His",
    "Her",
    "Their",
    "This",
    "That",
    "No",
    "Not",
    "Yes",
    "Plan",
    "Child",
    "Children",
    "Children's",
    "Childrens",
    "Protection",
    "Early",
    "Help",
    "Need",
    "Needs",
    "Conference",
    "Strategy",
    "Meeting",
    "Team",
    "Service",
    "Services",
    "Council",
    "Health",
    "Social",
    "Care",
    "School",
    "Nursery",
    "Hospital",
    "Police",
    "Court",
    "Centre",
    "Center",
    "Road",
    "Street",
    "Lane",
    "Walk",
    "Rise",
    "Way",
    "Avenue",
    "Close",
    "Drive",
    "Flat",
    "House",
    "Trust",
    "Practice",
    "Primary",
    "Academy",
    "General",
    "Department",
    "Unit",
    "Ward",
    "Emergency",
    "Mental",
    "Review",
    "Assessment",
    "Section",
    "Initial",
    "Core",
    "Group",
    "Family",
    "Support",
    "Worker",
    "Visit",
    "Home",
    "Mum",
    "Dad",
    "Mother",
    "Father",
    "Nan",
    "Grandmother",
    "Grandfather",
    "Partner",
    "Baby",
    "Covid",
    "Lockdown",
    "Christmas",
    "Easter",
    "New",
    "Year",
    "Bank",
    "Holiday",
    "Safeguarding",
    "Partnership",
    "Domestic",
    "Abuse",
    "Notification",
    "Referral",
    "Contact",
    "Case",
    "Note",
    "Record",
    "Report",
    "Letter",
    "Discharge",
    "Summary",
    "Education",
    "Housing",
    "Recovery",
    "Talking",
    "Therapies",
    "Medical",
    "Community",
    "Foundation",
    "Limited",
    "Ltd",
    "Homes",
    "Park",
    "Hill",
    "Green",
    "Office",
    "Officer",
    "Visitor",
    "Nurse",
    "Doctor",
    "Manager",
    "Head",
    "Teacher",
    "Designated",
    "Lead",
    "Daily",
    "Weekly",
    "Spring",
    "Summer",
    "Autumn",
    "Winter",
    "Sibling",
    "Agency",
    "Address",
    "Due",
    "Seen",
    "Called",
    "Telephone",
    "Phone",
    "Call",
    "Email",
    "Text",
    "Video",
    "Appointment",
    "Attended",
    "Did",
    "Was",
    "Were",
    "Has",
    "Had",
    "Will",
    "Would",
    "Could",
    "Should",
    "Private",
    "Public",
    "National",
    "Local",
    "Central",
    "North",
    "South",
    "East",
    "West",
    "Royal",
    "Saint",
    "St",
    "Uncle",
    "Aunt",
    "Auntie",
    "Brother",
    "Sister",
    "Cousin",
    "Grandad",
    "Grandma",
    "Nana",
    "Stepfather",
    "Stepmother",
];

pub(super) fn is_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.clone().any(char::is_lowercase)
        && chars.all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
}

/// A name found in the chronology: its spellings with their counts, its
/// mentions, and the entries that mention it.
pub(super) type Found = (HashMap<String, usize>, usize, Vec<Id>);

/// A word of a chronology entry, with what separates it from the word
/// before.
pub(super) struct Token<'a> {
    /// The word, without a trailing possessive ("Dean" of "Dean's").
    word: &'a str,
    /// Only white space stands between it and the word before.
    joined: bool,
    /// Only a dot and white space stand between it and the word before
    /// ("Dr. Patel").
    after_dot: bool,
    /// Written with a possessive: no name goes on past it.
    possessive: bool,
}

/// The words of a text, with what separates each from the one before.
pub(super) fn tokens_of(text: &str) -> Vec<Token<'_>> {
    let is_part = |c: char| c.is_alphanumeric() || c == '-' || c == '\'' || c == '’';
    let mut tokens = Vec::new();
    let mut gap_start = 0;
    let mut rest = text;
    let mut offset = 0;
    while let Some(start) = rest.find(is_part) {
        let after = &rest[start..];
        let len = after.find(|c: char| !is_part(c)).unwrap_or(after.len());
        let raw = &after[..len];
        let gap = &text[gap_start..offset + start];
        let word = raw.trim_end_matches(['\'', '’']);
        let stripped = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix("’s"))
            .unwrap_or(word);
        if !stripped.is_empty() {
            tokens.push(Token {
                word: stripped,
                joined: !gap.is_empty() && gap.chars().all(char::is_whitespace),
                after_dot: gap.starts_with('.') && gap[1..].chars().all(char::is_whitespace),
                possessive: stripped.len() < word.len(),
            });
        }
        offset += start + len;
        gap_start = offset;
        rest = &text[offset..];
    }
    tokens
}

/// True when a capitalised word is an ordinary English word (a verb,
/// "Checks", "Filed"; a noun, "Strategy") rather than a word that is also
/// a common given name or surname ("Dean", "Price", "Tom"). A hyphenated
/// word is ordinary when all its parts are.
pub(super) fn is_ordinary_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    let gazetteer = crate::anonymise::gazetteer::gazetteer();
    let ordinary = |part: &str| {
        crate::anonymise::words::is_word(part)
            && !gazetteer.is_name_word(part)
            && !gazetteer.is_given_name(part)
    };
    crate::anonymise::words::is_vocabulary(word)
        || ordinary(&lower)
        || (lower.contains('-') && lower.split('-').all(|p| p.is_empty() || ordinary(p)))
}

/// True when a capitalised word is no English word at all ("Kilbryde",
/// "Whitfield", "Tyler"): a name is made of at least one such word.
pub(super) fn is_no_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    lower
        .split('-')
        .filter(|p| !p.is_empty())
        .any(|p| !crate::anonymise::words::is_word(p))
        && !crate::anonymise::words::is_vocabulary(word)
}

/// True when a word may be part of a name found without a title: it is
/// capitalised, and no service, role, place or calendar word, nor an
/// ordinary English word.
pub(super) fn may_be_name(word: &str) -> bool {
    is_capitalised(word) && !not_a_name(word) && !TITLES.contains(&word) && !is_ordinary_word(word)
}

/// The candidate names in one text: a title and the one or two capitalised
/// words after it ("Dr Mehta", "Mrs Doyle"); two or three capitalised
/// words in a row, with nothing but spaces between them, that are no
/// service, role, place, calendar or ordinary English word and of which
/// one at least is no English word at all ("Dean Kilbryde", not "Checks
/// Tyler", "Filed Noted" or "Strategy Discussion"); or a single common
/// given name ("Kayden").
pub(super) fn names_in(text: &str) -> Vec<String> {
    let tokens = tokens_of(text);
    let gazetteer = crate::anonymise::gazetteer::gazetteer();
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let word = tokens[i].word;
        if TITLES.contains(&word) && !tokens[i].possessive {
            let mut rest: Vec<&str> = Vec::new();
            for (k, t) in tokens[i + 1..].iter().take(2).enumerate() {
                let next_to = t.joined || (k == 0 && t.after_dot);
                if !next_to || !is_capitalised(t.word) || not_a_name(t.word) {
                    break;
                }
                rest.push(t.word);
                if t.possessive {
                    break;
                }
            }
            if !rest.is_empty() {
                found.push(format!("{word} {}", rest.join(" ")));
                i += 1 + rest.len();
                continue;
            }
        }
        let mut run: Vec<&str> = Vec::new();
        for (k, t) in tokens[i..].iter().take(3).enumerate() {
            if (k > 0 && !t.joined) || !may_be_name(t.word) {
                break;
            }
            run.push(t.word);
            if t.possessive {
                break;
            }
        }
        if run.len() >= 2 && run.iter().any(|w| is_no_word(w)) {
            found.push(run.join(" "));
            i += run.len();
        } else if run.len() == 1 && gazetteer.is_given_name(&run[0].to_lowercase()) {
            found.push(run[0].to_string());
            i += 1;
        } else {
            i += run.len().max(1);
        }
    }
    found
}

/// Names the chronology mentions that are not in the cast, most mentioned
/// first: people the reviewer may want to add, or spellings to add as
/// aliases. A name is left out when it, or a whole multi-word name or alias
/// of the cast, is the same or contained in it.
pub fn suggest_cast(review: &Review) -> Vec<CastSuggestion> {
    let mut known: Vec<String> = Vec::new();
    for p in &review.people {
        known.push(name_key(&p.name));
        known.push(name_key(&p.pseudonym));
        known.extend(p.aliases.iter().map(|a| name_key(a)));
    }
    for a in &review.agencies {
        known.push(name_key(&a.name));
        known.push(name_key(&a.generic_name));
        known.extend(a.aliases.iter().map(|a| name_key(a)));
    }
    for p in &review.places {
        known.push(name_key(&p.name));
        known.extend(p.aliases.iter().map(|a| name_key(a)));
    }
    known.retain(|k| !k.is_empty());
    let exact: HashSet<&str> = known.iter().map(String::as_str).collect();
    let multi_word: Vec<&str> = known
        .iter()
        .filter(|k| k.contains(' '))
        .map(String::as_str)
        .collect();
    let in_cast = |key: &str| {
        exact.contains(key)
            || multi_word
                .iter()
                .any(|k| k.contains(key) || key.contains(k))
    };
    let mut found: HashMap<String, Found> = HashMap::new();
    let mut verdicts: HashMap<String, bool> = HashMap::new();
    let mut entries: Vec<&ChronologyEntry> = review.chronology.iter().collect();
    entries.sort_by_key(|e| e.date);
    for entry in entries {
        for name in names_in(&entry.text) {
            let key = name_key(&name);
            let known = *verdicts.entry(key.clone()).or_insert_with(|| in_cast(&key));
            if known {
                continue;
            }
            let slot = found.entry(key).or_default();
            *slot.0.entry(name).or_default() += 1;
            slot.1 += 1;
            if slot.2.last() != Some(&entry.id) {
                slot.2.push(entry.id.clone());
            }
        }
    }
    let mut suggestions: Vec<CastSuggestion> = found
        .into_values()
        .map(|(spellings, mentions, entries)| {
            let name = spellings
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
                .map(|(n, _)| n)
                .unwrap_or_default();
            CastSuggestion {
                name,
                mentions,
                entries,
            }
        })
        .collect();
    suggestions.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.name.cmp(&b.name)));
    suggestions
}
