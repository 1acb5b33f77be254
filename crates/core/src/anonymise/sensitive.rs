//! The sensitive-data pass: personal details that identify nobody by
//! themselves but are not for publication, withheld or generalised in
//! every published text unless the reviewer publishes the kind with a
//! reason (see [`SensitiveCategory`]).
//!
//! - Ages: "aged 23" and "(23yo)" are dropped, "a 23-year-old mother"
//!   becomes "a mother", any other age "[age]".
//! - Health: a screening score ("PHQ-9 score 18", "EPDS 14") becomes "a
//!   screening score"; a diagnosis ("postnatal depression", "EUPD")
//!   "[health condition]".
//! - Medication: a medicine with its dose and frequency ("sertraline
//!   100mg", "methadone 60ml daily") becomes "[medication]", a dose alone
//!   "[dose]". A medicine named without a dose is withheld in the
//!   agencies' records (chronology entries) and kept in the review's own
//!   analysis, where learning about it ("a week's supply of methadone in
//!   the home") is the point.
//! - Finances: "£1,240 rent arrears" becomes "rent arrears", "owes £300"
//!   "owes [amount]".
//! - Times: "at 14:30", "2.30pm", "0300hrs" become the part of the day
//!   ("in the afternoon", "at night").
//!
//! The pass is cheap: the words (medicines, diagnoses, screening tools)
//! are found in one Aho-Corasick scan, the rest only around digits.

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::model::{AnonymisationSettings, SensitiveCategory};

/// One sensitive detail to change in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SensitiveChange {
    /// The text to replace.
    pub range: Range<usize>,
    /// What replaces it (may be empty: the detail is dropped).
    pub replacement: String,
    /// What kind of detail it is.
    pub category: SensitiveCategory,
}

/// Medicines that records name with their doses (lower case).
const MEDICINES: &[&str] = &[
    "sertraline",
    "fluoxetine",
    "citalopram",
    "escitalopram",
    "paroxetine",
    "mirtazapine",
    "venlafaxine",
    "duloxetine",
    "amitriptyline",
    "trazodone",
    "diazepam",
    "lorazepam",
    "zopiclone",
    "promethazine",
    "pregabalin",
    "gabapentin",
    "methadone",
    "buprenorphine",
    "subutex",
    "espranor",
    "suboxone",
    "naltrexone",
    "naloxone",
    "olanzapine",
    "quetiapine",
    "risperidone",
    "aripiprazole",
    "haloperidol",
    "clozapine",
    "lithium",
    "sodium valproate",
    "valproate",
    "lamotrigine",
    "carbamazepine",
    "levetiracetam",
    "propranolol",
    "tramadol",
    "codeine",
    "co-codamol",
    "dihydrocodeine",
    "morphine",
    "oxycodone",
    "fentanyl",
    "melatonin",
    "methylphenidate",
    "ritalin",
    "concerta",
    "atomoxetine",
    "lisdexamfetamine",
    "elvanse",
    "chlordiazepoxide",
    "acamprosate",
    "disulfiram",
    "insulin",
    "salbutamol",
    "paracetamol",
    "calpol",
    "ibuprofen",
    "naproxen",
    "amoxicillin",
    "omeprazole",
];

/// True when a lower-case word is a medicine, a diagnosis or a screening
/// tool this pass knows: a health term, never a person's name.
pub fn is_health_term(lower: &str) -> bool {
    MEDICINES.contains(&lower) || DIAGNOSES.contains(&lower) || SCREENINGS.contains(&lower)
}

/// Diagnoses (lower case): a health condition named.
const DIAGNOSES: &[&str] = &[
    "postnatal depression",
    "post-natal depression",
    "depression",
    "depressive disorder",
    "anxiety disorder",
    "generalised anxiety",
    "ptsd",
    "post-traumatic stress disorder",
    "bipolar disorder",
    "bipolar",
    "schizophrenia",
    "psychosis",
    "psychotic episode",
    "personality disorder",
    "eupd",
    "emotionally unstable personality disorder",
    "adhd",
    "autism",
    "autistic spectrum disorder",
    "asd",
    "ocd",
    "eating disorder",
    "anorexia",
    "bulimia",
    "hiv",
    "hepatitis c",
    "hepatitis b",
    "epilepsy",
    "diabetes",
    "foetal alcohol syndrome",
    "fasd",
];

/// Screening tools whose scores are health details (lower case).
const SCREENINGS: &[&str] = &[
    "phq-9",
    "phq9",
    "phq 9",
    "gad-7",
    "gad7",
    "gad 7",
    "epds",
    "edinburgh postnatal depression scale",
    "audit-c",
    "audit c",
    "core-10",
    "core 10",
    "k10",
    "hads",
    "whooley",
    "phq",
];

/// What a word found by the scan is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Term {
    Medicine,
    Diagnosis,
    Screening,
}

/// The sensitive-data pass of one review.
#[derive(Debug, Clone)]
pub struct SensitiveRules {
    /// The categories withheld (not published by the reviewer).
    withheld: [bool; 5],
    /// Medicines, diagnoses and screening tools, when any of their
    /// categories is withheld.
    words: Option<AhoCorasick>,
    /// What each pattern of `words` is.
    terms: Vec<TermOf>,
}

/// The term of one pattern (kept apart to derive `Debug`).
#[derive(Debug, Clone, Copy)]
struct TermOf(u8);

impl TermOf {
    fn term(self) -> Term {
        match self.0 {
            0 => Term::Medicine,
            1 => Term::Diagnosis,
            _ => Term::Screening,
        }
    }
}

fn index(category: SensitiveCategory) -> usize {
    SensitiveCategory::ALL
        .iter()
        .position(|c| *c == category)
        .unwrap_or(0)
}

impl SensitiveRules {
    /// Rules that withhold nothing: de-identification alone, for an
    /// anonymised review file that keeps the case's substance.
    pub fn none() -> SensitiveRules {
        SensitiveRules {
            withheld: [false; 5],
            words: None,
            terms: Vec::new(),
        }
    }

    /// The pass the review's settings ask for: every category withheld but
    /// those the reviewer publishes.
    pub fn new(settings: &AnonymisationSettings) -> SensitiveRules {
        let mut withheld = [true; 5];
        for category in SensitiveCategory::ALL {
            withheld[index(category)] = !settings.publishes(category);
        }
        let mut patterns: Vec<&str> = Vec::new();
        let mut terms = Vec::new();
        for (list, term, category) in [
            (MEDICINES, 0u8, SensitiveCategory::Medication),
            (DIAGNOSES, 1, SensitiveCategory::Health),
            (SCREENINGS, 2, SensitiveCategory::Health),
        ] {
            if withheld[index(category)] {
                patterns.extend(list.iter().copied());
                terms.extend(std::iter::repeat_n(TermOf(term), list.len()));
            }
        }
        let words = (!patterns.is_empty())
            .then(|| {
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&patterns)
                    .ok()
            })
            .flatten();
        SensitiveRules {
            withheld,
            words,
            terms,
        }
    }

    fn withholds(&self, category: SensitiveCategory) -> bool {
        self.withheld[index(category)]
    }

    /// Every sensitive detail of `text` to change, in text order.
    /// `record` is true for a text of the agencies' records (a chronology
    /// entry), where a medicine's name alone is withheld too.
    pub fn changes(&self, text: &str, record: bool) -> Vec<SensitiveChange> {
        let mut out = Vec::new();
        self.changes_into(text, record, &mut out);
        out
    }

    /// Like [`SensitiveRules::changes`], into `out` (emptied first).
    pub fn changes_into(&self, text: &str, record: bool, out: &mut Vec<SensitiveChange>) {
        out.clear();
        let bytes = text.as_bytes();
        if let Some(words) = &self.words {
            for m in words.find_iter(text) {
                let (start, end) = (m.start(), m.end());
                if !boundary(bytes, start, end) {
                    continue;
                }
                match self.terms[m.pattern().as_usize()].term() {
                    Term::Medicine => {
                        // Without a dose, only in the agencies' records.
                        let dose = dose_end(text, end);
                        if dose.is_some() || record {
                            out.push(change(
                                start..dose.unwrap_or(end),
                                "[medication]",
                                SensitiveCategory::Medication,
                            ));
                        }
                    }
                    Term::Diagnosis => out.push(change(
                        start..end,
                        "[health condition]",
                        SensitiveCategory::Health,
                    )),
                    Term::Screening => {
                        if let Some(end) = score_end(text, end) {
                            out.push(change(
                                start..end,
                                "a screening score",
                                SensitiveCategory::Health,
                            ));
                        }
                    }
                }
            }
        }
        let mut i = 0;
        while i < bytes.len() {
            if !bytes[i].is_ascii_digit() || (i > 0 && bytes[i - 1].is_ascii_alphanumeric()) {
                i += 1;
                continue;
            }
            let mut end = i;
            while end < bytes.len() && bytes[end].is_ascii_digit() {
                end += 1;
            }
            if out.iter().any(|c| c.range.start <= i && end <= c.range.end) {
                i = end;
                continue;
            }
            let found = self
                .clinical_fraction(text, i, end)
                .or_else(|| self.money(text, i, end))
                .or_else(|| self.time(text, i, end))
                .or_else(|| self.dose(text, i, end))
                .or_else(|| self.age(text, i, end));
            match found {
                Some(c) => {
                    i = c.range.end.max(end);
                    out.push(c);
                }
                None => i = end,
            }
        }
        self.ages_in_words(text, out);
        out.sort_by_key(|c| c.range.start);
        // Overlaps (a dose after a medicine already taken): the first wins.
        let mut last_end = 0;
        out.retain(|c| {
            let keep = c.range.start >= last_end;
            if keep {
                last_end = c.range.end;
            }
            keep
        });
        // A sentence still starts with a capital: "EPDS 14 noted" → "A
        // screening score noted", "£300 owed" → "Owed".
        for c in out.iter_mut() {
            let head = text[..c.range.start].trim_end();
            if !(head.is_empty() || head.ends_with(['.', '!', '?'])) {
                continue;
            }
            if c.replacement.is_empty() {
                if let Some(next) = text[c.range.end..].chars().next()
                    && next.is_lowercase()
                {
                    c.range.end += next.len_utf8();
                    c.replacement = next.to_uppercase().collect();
                }
            } else {
                c.replacement = super::text::capitalise(&c.replacement);
            }
        }
    }

    /// "£1,240", "$300", "£1.2k", "300 pounds".
    fn money(&self, text: &str, start: usize, end: usize) -> Option<SensitiveChange> {
        if !self.withholds(SensitiveCategory::Finances) {
            return None;
        }
        let bytes = text.as_bytes();
        let head = &text[..start];
        let head = head.strip_suffix(' ').unwrap_or(head);
        let symbol = ["£", "$", "€"].iter().find(|s| head.ends_with(*s))?;
        let from = head.len() - symbol.len();
        let mut to = end;
        while to + 1 < bytes.len()
            && matches!(bytes[to], b',' | b'.')
            && bytes[to + 1].is_ascii_digit()
        {
            to += 1;
            while to < bytes.len() && bytes[to].is_ascii_digit() {
                to += 1;
            }
        }
        if to < bytes.len()
            && matches!(bytes[to], b'k' | b'K' | b'm')
            && !bytes.get(to + 1).is_some_and(u8::is_ascii_alphanumeric)
        {
            to += 1;
        }
        Some(drop_or_mark(
            text,
            from,
            to,
            "[amount]",
            SensitiveCategory::Finances,
        ))
    }

    /// "14:30", "2.30pm", "2pm", "0300hrs", with "at " before it.
    fn time(&self, text: &str, start: usize, end: usize) -> Option<SensitiveChange> {
        if !self.withholds(SensitiveCategory::Times) {
            return None;
        }
        let bytes = text.as_bytes();
        let digits = &text[start..end];
        let (hour, to) = if end + 2 < bytes.len()
            && matches!(bytes[end], b':' | b'.')
            && bytes[end + 1].is_ascii_digit()
            && bytes[end + 2].is_ascii_digit()
            && !bytes.get(end + 3).is_some_and(u8::is_ascii_digit)
            && digits.len() <= 2
        {
            let hour: u32 = digits.parse().ok()?;
            let minutes: u32 = text[end + 1..end + 3].parse().ok()?;
            let to = end + 3;
            match suffix(text, to, &["am", "pm", "a.m.", "p.m.", "hrs", "hours", "h"]) {
                Some((s, to)) => (twelve_hour(hour, s)?, to),
                // "1.50" is a number; "14:30" a time.
                None if bytes[end] == b':' && hour < 24 && minutes < 60 => (hour, to),
                None => return None,
            }
        } else if digits.len() <= 2 {
            let hour: u32 = digits.parse().ok()?;
            let (s, to) = suffix(text, end, &["am", "pm", "a.m.", "p.m."])?;
            (twelve_hour(hour, s)?, to)
        } else if digits.len() == 4 {
            let (_, to) = suffix(text, end, &["hrs", "hours", "h"])?;
            let hour: u32 = digits[..2].parse().ok()?;
            let minutes: u32 = digits[2..].parse().ok()?;
            (hour < 24 && minutes < 60).then_some((hour, to))?
        } else {
            return None;
        };
        let part = match hour {
            5..=11 => "in the morning",
            12..=17 => "in the afternoon",
            18..=21 => "in the evening",
            _ => "at night",
        };
        let mut from = start;
        for at in ["at ", "At ", "@ ", "@"] {
            if text[..start].ends_with(at) {
                from = start - at.len();
                break;
            }
        }
        Some(change(from..to, part, SensitiveCategory::Times))
    }

    /// "100mg", "60 ml daily": a dose without a medicine's name.
    fn dose(&self, text: &str, start: usize, end: usize) -> Option<SensitiveChange> {
        if !self.withholds(SensitiveCategory::Medication) {
            return None;
        }
        let to = dose_end(text, start)?;
        (to > end).then(|| change(start..to, "[dose]", SensitiveCategory::Medication))
    }

    /// "aged 23", "age 4 months", "23-year-old", "23yo", "23 years old".
    fn age(&self, text: &str, start: usize, end: usize) -> Option<SensitiveChange> {
        if !self.withholds(SensitiveCategory::Ages) {
            return None;
        }
        if end - start > 3 {
            return None;
        }
        let head = &text.as_bytes()[..start];
        // "aged 23", "age 4 months", "age: 4".
        for lead in ["aged ", "age ", "aged: ", "age: ", "aged:", "age:"] {
            let n = lead.len();
            if head.len() >= n
                && head[head.len() - n..].eq_ignore_ascii_case(lead.as_bytes())
                && !head[..head.len() - n]
                    .last()
                    .is_some_and(|b| b.is_ascii_alphanumeric() || *b >= 0x80)
            {
                let from = start - lead.len();
                let mut to = end;
                if let Some((_, t)) = unit(text, to) {
                    to = t;
                    if let Some(t) = old(text, to) {
                        to = t;
                    }
                }
                if lead.starts_with("aged") {
                    return Some(dropped(text, from, to, SensitiveCategory::Ages));
                }
                return Some(change(from..to, "[age]", SensitiveCategory::Ages));
            }
        }
        // "23yo", "23 y/o", "23-year-old", "23 years old".
        let rest = &text.as_bytes()[end..];
        let short = ["yo", "y/o", "y.o.", " yo", " y/o", " y.o."]
            .iter()
            .find(|s| word_at(rest, s))
            .map(|s| end + s.len());
        // "3y1m", "3y": years and months as clinicians write them.
        let clinical = || {
            let mut i = 0;
            if rest.first()? != &b'y' {
                return None;
            }
            i += 1;
            let digits = rest[i..].iter().take_while(|b| b.is_ascii_digit()).count();
            if digits > 0 && rest.get(i + digits) == Some(&b'm') {
                i += digits + 1;
            }
            (!rest
                .get(i)
                .is_some_and(|b| b.is_ascii_alphanumeric() || *b >= 0x80))
            .then_some(end + i)
        };
        // "(13 months)", "(2 years 4 months)", "Sibling (7)": an age in
        // brackets after a person.
        let bracketed = || {
            if head.last() != Some(&b'(') {
                return None;
            }
            let before = text[..start - 1].trim_end();
            let after_person = before
                .split_whitespace()
                .next_back()
                .and_then(|w| w.chars().next())
                .is_some_and(char::is_uppercase);
            if text[end..].starts_with(')') {
                let years: u32 = text[start..end].parse().ok()?;
                return (after_person && years < 20).then_some(end);
            }
            // "(7m)", "(3w)", "(2y)": months, weeks or years, as written in
            // a hurry after a person.
            if after_person
                && let Some(unit) = text[end..].chars().next()
                && matches!(unit, 'm' | 'w' | 'y' | 'M' | 'W' | 'Y')
                && text[end + 1..].starts_with(')')
            {
                return Some(end + 1);
            }
            let (unit_word, mut t) = unit(text, end)?;
            if !(unit_word.starts_with("month") || unit_word.starts_with("year")) {
                return None;
            }
            // A second part: "2 years 4 months".
            let rest = &text[t..];
            let digits = rest
                .strip_prefix(' ')
                .map(|r| r.len() - r.trim_start_matches(|c: char| c.is_ascii_digit()).len())
                .unwrap_or(0);
            if digits > 0
                && let Some((_, t2)) = unit(text, t + 1 + digits)
            {
                t = t2;
            }
            text[t..].starts_with(')').then_some(t)
        };
        let to = short.or_else(clinical).or_else(bracketed).or_else(|| {
            let (_, t) = unit(text, end)?;
            old(text, t)
        })?;
        if names_a_scheme(text, to) {
            return None;
        }
        Some(dropped(text, start, to, SensitiveCategory::Ages))
    }

    /// Clinicians' fractions: an age in months or weeks after a person
    /// ("Child A 7/12", "baby (3/52)") and a pregnancy's gestation
    /// ("booked at 10+3/40", "36/40").
    fn clinical_fraction(&self, text: &str, start: usize, end: usize) -> Option<SensitiveChange> {
        let bytes = text.as_bytes();
        if end - start > 2 {
            return None;
        }
        // "36+2/40": days after the weeks.
        let mut at = end;
        if bytes.get(at) == Some(&b'+') && bytes.get(at + 1).is_some_and(u8::is_ascii_digit) {
            at += 2;
        }
        let rest = &bytes[at..];
        let denominator = [b"/12", b"/52", b"/40"]
            .into_iter()
            .find(|d| rest.starts_with(*d))?;
        let to = at + 3;
        if bytes
            .get(to)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'/')
        {
            return None;
        }
        if denominator == b"/40" {
            if !self.withholds(SensitiveCategory::Health) {
                return None;
            }
            return Some(change(
                start..to,
                "[weeks of pregnancy]",
                SensitiveCategory::Health,
            ));
        }
        if !self.withholds(SensitiveCategory::Ages) || at != end {
            return None;
        }
        // After a person ("Child A 7/12", "Sibling (3/52)") or "aged", not
        // after "on" or "from", where it is a date.
        let head = text[..start].trim_end_matches([' ', '(']);
        let previous = head.split_whitespace().next_back().unwrap_or("");
        let lower = previous.to_ascii_lowercase();
        let before_previous = head[..head.len() - previous.len()].trim_end();
        let starts_sentence =
            before_previous.is_empty() || before_previous.ends_with(['.', '!', '?', ':', ';']);
        const PEOPLE: &[&str] = &[
            "baby", "child", "infant", "toddler", "mother", "father", "mum", "dad", "sibling",
            "brother", "sister", "son", "daughter", "boy", "girl", "twin",
        ];
        let after_person = (previous.chars().next().is_some_and(char::is_uppercase)
            && !starts_sentence)
            || PEOPLE.contains(&lower.as_str())
            || ["aged", "age", "age:"].contains(&lower.as_str());
        if !after_person {
            return None;
        }
        if lower.starts_with("age") {
            // "aged 7/12": the word goes with the age.
            let from = head.len() - previous.len();
            return Some(dropped(text, from, to, SensitiveCategory::Ages));
        }
        if text[..start].ends_with(' ') && !text[..start].ends_with("( ") {
            return Some(change(start - 1..to, "", SensitiveCategory::Ages));
        }
        Some(dropped(text, start, to, SensitiveCategory::Ages))
    }

    /// Ages written in words: "aged three", "then aged three", "a
    /// two-year-old", "eighteen months old", added to `out` where no other
    /// change is.
    fn ages_in_words(&self, text: &str, out: &mut Vec<SensitiveChange>) {
        if !self.withholds(SensitiveCategory::Ages) {
            return;
        }
        let bytes = text.as_bytes();
        let mut found = Vec::new();
        for at in memchr::memmem::find_iter(bytes, b"age") {
            // "aged three", "age three", "age: three".
            if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] >= 0x80) {
                continue;
            }
            let lead_end = at
                + if bytes.get(at + 3) == Some(&b'd') {
                    4
                } else {
                    3
                };
            let rest = &text[lead_end..];
            let rest_trimmed = rest.trim_start_matches([' ', ':']);
            if rest_trimmed.len() == rest.len() {
                continue;
            }
            let number_at = lead_end + (rest.len() - rest_trimmed.len());
            let Some(number_end) = number_word_end(text, number_at) else {
                continue;
            };
            let mut to = number_end;
            if let Some((_, t)) = unit(text, to) {
                to = t;
                if let Some(t) = old(text, t) {
                    to = t;
                }
            }
            let aged = bytes[at..].starts_with(b"aged");
            // "Child B, then aged three, was": "then" goes with it.
            if aged && let Some(head) = text[..at].strip_suffix("then ") {
                let range = if head.ends_with(", ") && text[to..].starts_with(',') {
                    head.len() - 2..to + 1
                } else if head.ends_with(' ') {
                    head.len() - 1..to
                } else {
                    head.len()..to
                };
                found.push(change(range, "", SensitiveCategory::Ages));
                continue;
            }
            found.push(if aged {
                dropped(text, at, to, SensitiveCategory::Ages)
            } else {
                change(at..to, "[age]", SensitiveCategory::Ages)
            });
        }
        // "two-year-old", "eighteen months old".
        for at in memchr::memmem::find_iter(bytes, b"old") {
            if bytes
                .get(at + 3)
                .is_some_and(|b| b.is_ascii_alphanumeric() || *b >= 0x80)
            {
                continue;
            }
            let head = &text[..at];
            let Some(head) = head.strip_suffix('-').or_else(|| head.strip_suffix(' ')) else {
                continue;
            };
            let unit_start = head.rfind([' ', '-']).map_or(0, |i| i + 1);
            let unit_word = &head[unit_start..];
            if !matches!(
                unit_word.to_ascii_lowercase().as_str(),
                "year" | "years" | "month" | "months" | "week" | "weeks" | "day" | "days"
            ) || unit_start == 0
            {
                continue;
            }
            let before_unit = &head[..unit_start - 1];
            let number_start = before_unit
                .rfind(|c: char| !c.is_alphabetic())
                .map_or(0, |i| i + 1);
            if number_word_end(text, number_start) != Some(before_unit.len()) {
                continue;
            }
            if names_a_scheme(text, at + 3) {
                continue;
            }
            found.push(dropped(text, number_start, at + 3, SensitiveCategory::Ages));
        }
        for c in found {
            if !out
                .iter()
                .any(|o| o.range.start < c.range.end && c.range.start < o.range.end)
            {
                out.push(c);
            }
        }
    }
}

/// True when the age before `at` names a scheme or a check for an age
/// group ("2-year-old funding", "the 27-month-old check"), not anyone's
/// age.
fn names_a_scheme(text: &str, at: usize) -> bool {
    let next = text[at..]
        .trim_start_matches(' ')
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(
        next.as_str(),
        "funding" | "offer" | "entitlement" | "check" | "review" | "place" | "places" | "scheme"
    )
}

/// Numbers written as words, with their values.
const NUMBER_WORDS: &[(&str, u32)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
];

/// The value of a number written as a word ("three" → 3), any case.
fn number_word(word: &str) -> Option<u32> {
    NUMBER_WORDS
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|&(_, n)| n)
}

/// Where a number written as a word ("three", "eighteen") that starts at
/// `at` ends.
fn number_word_end(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let word_len = rest
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    number_word(&rest[..word_len]).map(|_| at + word_len)
}

fn change(range: Range<usize>, replacement: &str, category: SensitiveCategory) -> SensitiveChange {
    SensitiveChange {
        range,
        replacement: replacement.to_string(),
        category,
    }
}

/// True when `start..end` is a whole word (or words) of `bytes`.
fn boundary(bytes: &[u8], start: usize, end: usize) -> bool {
    let word = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
    (start == 0 || !word(bytes[start - 1])) && (end == bytes.len() || !word(bytes[end]))
}

/// One of `suffixes` right after `at` (a space allowed before it), ending
/// a word: the suffix and where it ends.
fn suffix<'s>(text: &str, at: usize, suffixes: &[&'s str]) -> Option<(&'s str, usize)> {
    let rest = &text[at..];
    let (rest, skipped) = match rest.strip_prefix(' ') {
        Some(r) => (r, 1),
        None => (rest, 0),
    };
    suffixes
        .iter()
        .find_map(|s| word_at(rest.as_bytes(), s).then_some((*s, at + skipped + s.len())))
}

/// True when `bytes` starts with `word` (ASCII, in any case) and no
/// letter or digit goes on from it (a word ending in "." may be followed
/// by anything).
fn word_at(bytes: &[u8], word: &str) -> bool {
    let w = word.as_bytes();
    bytes.len() >= w.len()
        && bytes[..w.len()].eq_ignore_ascii_case(w)
        && (word.ends_with('.')
            || !bytes
                .get(w.len())
                .is_some_and(|b| b.is_ascii_alphanumeric() || *b >= 0x80))
}

fn twelve_hour(hour: u32, suffix: &str) -> Option<u32> {
    let pm = suffix.starts_with('p');
    let am = suffix.starts_with('a');
    if (am || pm) && !(1..=12).contains(&hour) {
        return None;
    }
    Some(match (am, pm) {
        (true, _) if hour == 12 => 0,
        (_, true) if hour < 12 => hour + 12,
        _ if hour < 24 => hour,
        _ => return None,
    })
}

/// A unit of age after `at`: "years", "months", "weeks", "days" (with
/// "-" or a space before it).
fn unit(text: &str, at: usize) -> Option<(&'static str, usize)> {
    let rest = &text[at..];
    let (rest, skipped) = match rest.strip_prefix([' ', '-']) {
        Some(r) => (r, 1),
        None => (rest, 0),
    };
    [
        "years", "year", "yrs", "yr", "months", "month", "weeks", "week", "days", "day",
    ]
    .iter()
    .find(|u| word_at(rest.as_bytes(), u))
    .map(|u| (*u, at + skipped + u.len()))
}

/// "old" after a unit of age ("-old", " old"): where it ends.
fn old(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    for lead in ["-old", " old", "-olds", " olds"] {
        if rest.len() >= lead.len()
            && rest.as_bytes()[..lead.len()].eq_ignore_ascii_case(lead.as_bytes())
            && !rest[lead.len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        {
            return Some(at + lead.len());
        }
    }
    None
}

/// The end of a dose after `at` (" 100mg", " 60ml daily", " 5 mg twice
/// daily"), if one follows.
fn dose_end(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = at;
    while i < bytes.len() && bytes[i] == b' ' {
        i += 1;
    }
    let digits = i;
    while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
        i += 1;
    }
    if i == digits {
        return None;
    }
    while i < bytes.len() && bytes[i] == b' ' {
        i += 1;
    }
    let (_, end) = suffix(
        text,
        i,
        &[
            "mg",
            "mcg",
            "micrograms",
            "microgram",
            "µg",
            "ml",
            "mls",
            "g",
        ],
    )?;
    let mut end = end;
    if let Some((_, e)) = suffix(
        text,
        end,
        &[
            "daily",
            "od",
            "bd",
            "tds",
            "qds",
            "nocte",
            "prn",
            "once daily",
            "twice daily",
            "a day",
            "per day",
            "at night",
        ],
    ) {
        end = e;
    }
    Some(end)
}

/// The end of a screening score after a tool's name at `at` ("EPDS 14",
/// "PHQ-9 score 18", "GAD-7 score of 15/21", "EPDS: 14"), if one follows.
fn score_end(whole: &str, at: usize) -> Option<usize> {
    let text = &whole[at..];
    let mut rest = text;
    loop {
        let trimmed = rest.trim_start_matches([' ', ':', '=', '-', '–']);
        let skip = ["scored", "score", "of", "was", "is", "at"]
            .iter()
            .find(|w| word_at(trimmed.as_bytes(), w));
        match skip {
            Some(w) => rest = &trimmed[w.len()..],
            None => {
                rest = trimmed;
                break;
            }
        }
    }
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let mut end = text.len() - rest.len() + digits;
    let after = &text[end..];
    if let Some(out_of) = after.strip_prefix('/') {
        let more = out_of.bytes().take_while(u8::is_ascii_digit).count();
        if more > 0 {
            end += 1 + more;
        }
    }
    Some(at + end)
}

/// A detail that reads as a modifier: "a 23-year-old mother" → "a
/// mother", "(23yo)" and " aged 23" → nothing; any other → "[age]".
fn dropped(text: &str, from: usize, to: usize, category: SensitiveCategory) -> SensitiveChange {
    drop_or_mark(text, from, to, "[age]", category)
}

/// Drops a detail where the sentence reads without it ("£1,240 rent
/// arrears" → "rent arrears", "Mother aged 23 said" → "Mother said",
/// "(23yo)" → ""), marks it where it does not ("owes £300." → "owes
/// [amount].").
fn drop_or_mark(
    text: &str,
    from: usize,
    to: usize,
    mark: &str,
    category: SensitiveCategory,
) -> SensitiveChange {
    let head = &text[..from];
    let rest = &text[to..];
    let aged = text.as_bytes()[from..to]
        .get(..4)
        .is_some_and(|w| w.eq_ignore_ascii_case(b"aged"));
    // In brackets: the brackets go too, with the space before them.
    if head.ends_with('(') && rest.starts_with(')') {
        let start = from - 1;
        let start = if text[..start].ends_with(' ') {
            start - 1
        } else {
            start
        };
        return change(start..to + 1, "", category);
    }
    // " aged 23" after a word: dropped with its space (and a comma pair).
    if aged && head.ends_with(' ') {
        if head.ends_with(", ") && rest.starts_with(',') {
            return change(from - 2..to + 1, "", category);
        }
        return change(from - 1..to, "", category);
    }
    // After a word that needs it ("debt of £300 to", "owes £300 in") it
    // stays, marked.
    let previous = head.split_whitespace().next_back().unwrap_or("");
    let needed = [
        "of",
        "to",
        "for",
        "owes",
        "owed",
        "owing",
        "is",
        "was",
        "were",
        "are",
        "about",
        "around",
        "over",
        "under",
        "approximately",
        "totalling",
        "totaling",
        "by",
        "at",
        "with",
        "from",
    ]
    .iter()
    .any(|w| previous.eq_ignore_ascii_case(w));
    // Before a word ("£1,240 rent arrears", "23-year-old mother"): dropped
    // with its space, and an article before it made to fit the next word.
    if !aged
        && !needed
        && let Some(next) = rest.strip_prefix(' ')
        && next.starts_with(|c: char| c.is_alphabetic())
        && !starts_with_function_word(next)
    {
        let vowel = next.starts_with(['a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U']);
        for (article, len) in [(" an ", 4), (" a ", 3), (" An ", 4), (" A ", 3)] {
            if head.ends_with(article) || (head.len() + 1 == len && head == &article[1..]) {
                let start = from - (len - 1);
                let capital = article.trim().starts_with('A');
                let new = match (vowel, capital) {
                    (true, false) => "an ",
                    (true, true) => "An ",
                    (false, false) => "a ",
                    (false, true) => "A ",
                };
                return change(start..to + 1, new, category);
            }
        }
        return change(from..to + 1, "", category);
    }
    // "he, a seven-year-old, was": the age as a noun becomes "child" (or
    // "adult"), which the age itself shows and which keeps the sentence.
    let detail = text[from..to].to_ascii_lowercase();
    if category == SensitiveCategory::Ages
        && (detail.ends_with("-old") || detail.ends_with(" old"))
        && [" a ", " an ", " A ", " An "]
            .iter()
            .any(|a| head.ends_with(a) || head == &a[1..])
        && let Some(years) = years_of(&detail)
    {
        let article = if head.ends_with(" an ") || head.ends_with(" An ") || head == "an " {
            "an "
        } else {
            ""
        };
        let noun = if years < 18 { "child" } else { "adult" };
        // "an" before "adult" only; "a" before "child".
        let (start, replacement) = match (article.is_empty(), noun) {
            (true, "adult") => (from - 2, "an adult"),
            (false, "child") => (from - 3, "a child"),
            _ => (from, noun),
        };
        // At a sentence's start the pass capitalises it, as every change.
        return change(start..to, replacement, category);
    }
    change(from..to, mark, category)
}

/// True when `text` starts with a word that cannot be modified by a detail
/// before it ("a seven-year-old and his sister": the age is a noun there,
/// not a modifier of "and").
fn starts_with_function_word(text: &str) -> bool {
    let word: String = text
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    matches!(
        word.as_str(),
        "and"
            | "or"
            | "but"
            | "who"
            | "whom"
            | "whose"
            | "which"
            | "that"
            | "with"
            | "in"
            | "at"
            | "on"
            | "to"
            | "for"
            | "from"
            | "of"
            | "by"
            | "was"
            | "is"
            | "were"
            | "are"
            | "had"
            | "has"
            | "when"
            | "while"
            | "as"
            | "than"
    )
}

/// The whole years of an age as written ("7-year-old", "seven year old",
/// "18 months old" is 1).
fn years_of(detail: &str) -> Option<u32> {
    let first = detail.split(['-', ' ']).next().unwrap_or("");
    let number = first.parse::<u32>().ok().or_else(|| number_word(first))?;
    Some(if detail.contains("month") {
        number / 12
    } else if detail.contains("week") {
        number / 52
    } else if detail.contains("day") {
        number / 365
    } else {
        number
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SensitivePublication;

    fn apply(text: &str, rules: &SensitiveRules) -> String {
        let mut out = text.to_string();
        for c in rules.changes(text, true).into_iter().rev() {
            out.replace_range(c.range, &c.replacement);
        }
        out
    }

    fn withheld() -> SensitiveRules {
        SensitiveRules::new(&AnonymisationSettings::default())
    }

    #[test]
    fn ages_are_dropped_or_marked() {
        let rules = withheld();
        for (text, expected) in [
            (
                "Mother aged 23 reported low mood.",
                "Mother reported low mood.",
            ),
            ("Mother, aged 23, reported", "Mother reported"),
            ("with a 23-year-old mother", "with a mother"),
            ("an 18-year-old mother", "A mother"),
            ("An 18 year old woman", "A woman"),
            ("Father (23yo) attended", "Father attended"),
            ("Partner is 23 years old.", "Partner is [age]."),
            (
                "that he, a seven-year-old, was getting",
                "that he, a child, was getting",
            ),
            (
                "Her partner, a 27-year-old, left.",
                "Her partner, an adult, left.",
            ),
            (
                "listened to a seven-year-old and referred in his words",
                "listened to a child and referred in his words",
            ),
            ("seen at age 4 months by", "seen at [age] by"),
            ("the 23yo partner", "the partner"),
            ("Child B (3y1m) drowsy", "Child B drowsy"),
            ("Baby aged 4 months, weight", "Baby, weight"),
            (
                "Child B, then aged three, was admitted",
                "Child B was admitted",
            ),
            ("She was aged eighteen months.", "She was."),
            (
                "She has a two-year-old boy and a three year old girl.",
                "She has a boy and a girl.",
            ),
            ("Child B (13 months) and Sibling", "Child B and Sibling"),
            ("Child B (2 years 4 months) was quiet", "Child B was quiet"),
            ("Sibling (7) said", "Sibling said"),
            ("Child A 7/12, weight", "Child A, weight"),
            ("Baby (3/52) feeding", "Baby feeding"),
            ("Child A (7m) spiral fracture", "Child A spiral fracture"),
            ("Child A aged 7/12 was seen", "Child A was seen"),
            ("seen at age three by", "seen at [age] by"),
        ] {
            assert_eq!(apply(text, &rules), expected, "{text}");
        }
        for text in [
            "3 visits in 2 weeks",
            "Child A's age",
            "Room 23",
            "an old house",
            "the age of three agencies' records",
            "visited again (2 weeks)",
            "moved to 2-year-old funding",
            "eligible for two-year-old funding",
            "the 27-month-old check was late",
            "as the guidance says (2)",
            "Section (47) enquiries",
            "manage the page one",
        ] {
            assert_eq!(apply(text, &rules), text);
        }
    }

    #[test]
    fn gestation_is_withheld_and_a_date_after_on_is_no_age() {
        let rules = withheld();
        assert_eq!(
            apply("Booking appt @ 10+3/40. Scan at 20/40.", &rules),
            "Booking appt @ [weeks of pregnancy]. Scan at [weeks of pregnancy]."
        );
        for text in [
            "Visit on 7/12 cancelled",
            "from 3/12 to 9/12",
            "Scored 7/12 on the test",
        ] {
            assert_eq!(apply(text, &rules), text);
        }
    }

    #[test]
    fn health_details_and_medication_are_withheld() {
        let rules = withheld();
        for (text, expected) in [
            ("Low mood; EPDS 14.", "Low mood; a screening score."),
            ("PHQ-9 score 18 recorded", "A screening score recorded"),
            ("Seen. PHQ-9 score 18.", "Seen. A screening score."),
            ("GAD-7 score of 15/21", "A screening score"),
            (
                "GP prescribed sertraline 100mg.",
                "GP prescribed [medication].",
            ),
            ("on methadone 60ml daily", "on [medication]"),
            (
                "Diagnosed with postnatal depression",
                "Diagnosed with [health condition]",
            ),
            ("dose increased to 150 mg", "dose increased to [dose]"),
            ("EPDS completed", "EPDS completed"),
        ] {
            assert_eq!(apply(text, &rules), expected, "{text}");
        }
    }

    #[test]
    fn money_and_times_are_generalised() {
        let rules = withheld();
        for (text, expected) in [
            ("£1,240 rent arrears reported", "Rent arrears reported"),
            ("Visit. £1,240 rent arrears.", "Visit. Rent arrears."),
            ("had a £200 sanction applied", "had a sanction applied"),
            ("She owes £300.", "She owes [amount]."),
            ("debt of £1.2k to", "debt of [amount] to"),
            ("Home visit at 14:30.", "Home visit in the afternoon."),
            (
                "Called 2.30pm, no answer",
                "Called in the afternoon, no answer",
            ),
            ("Police attended at 0300hrs", "Police attended at night"),
            ("At 9am the HV rang", "In the morning the HV rang"),
            ("ratio 1.50 and 3:1", "ratio 1.50 and 3:1"),
        ] {
            assert_eq!(apply(text, &rules), expected, "{text}");
        }
    }

    #[test]
    fn a_medicine_without_a_dose_is_kept_in_the_analysis_only() {
        let rules = withheld();
        let analysis = "a week's supply of methadone in the home; methadone 60ml daily";
        let mut out = analysis.to_string();
        for c in rules.changes(analysis, false).into_iter().rev() {
            out.replace_range(c.range, &c.replacement);
        }
        assert_eq!(
            out,
            "a week's supply of methadone in the home; [medication]"
        );
        assert_eq!(
            apply("taking sertraline, no change", &rules),
            "taking [medication], no change"
        );
    }

    #[test]
    fn a_published_category_is_left_as_written() {
        let mut settings = AnonymisationSettings::default();
        settings.publish_sensitive.push(SensitivePublication {
            category: SensitiveCategory::Ages,
            reason: "the parents' youth is central to the learning".into(),
        });
        let rules = SensitiveRules::new(&settings);
        assert_eq!(
            apply("Mother aged 19 took sertraline 50mg.", &rules),
            "Mother aged 19 took [medication]."
        );
    }
}
