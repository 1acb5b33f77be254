//! The leak check: searches exported text (pages, metadata, diagram
//! labels, every string of an anonymised review file) for every real-name
//! form of the cast and every kind of identifier, and names each leak and
//! where it is. Exports refuse to write a file with a leak.
//!
//! It uses the same matcher and the same judgement of names that are also
//! words as anonymisation, so "concerns rose" is not a leak but "Rose" in a
//! diagram label is. An occurrence the reviewer explicitly kept (an
//! override) is accepted where the same words surround it. Any exact
//! (day) date is a leak too, as is any date of birth of the cast.
//!
//! Foresight's own placeholders are never leaks: a pseudonym, role or
//! generic name ("GP practice", "Probation Officer 1", "Housing provider
//! 2") may hold a word that is also a cast name form, and the user must
//! not be blocked by what the tool wrote. A placeholder that itself holds
//! a person's distinctive name form is not trusted.

use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde_json::Value;

use super::classify::{Class, FieldFacts, classify};
use super::forms::{Owner, names_a_kind_of_agency};
use super::identifiers::{IdentifierKind, find_identifiers};
use super::residual::SuspectKind;
use super::text::{View, any_word_after, any_word_before, context};
use super::{Anonymiser, Found};
use crate::model::{AnonymisationOverride, DateValue, OverrideAction, Review};

/// One leak: what was found, where, and the text around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leak {
    /// Where: "page 3", "PDF title", "diagram D1 label of F3", "chronology C4 text".
    pub location: String,
    /// The leaked text.
    pub text: String,
    /// What it is, e.g. "name of P3", "phone number", "exact date".
    pub what: String,
    /// The text around it.
    pub context: String,
}

impl fmt::Display for Leak {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} \"{}\" in \"{}\"",
            self.location, self.what, self.text, self.context
        )
    }
}

/// The leak check of one review's exports.
#[derive(Debug, Clone)]
pub struct LeakChecker {
    anonymiser: Anonymiser,
    kept: Vec<AnonymisationOverride>,
    /// The review's record and action ids ("C13704", "AC3"): shaped like
    /// reference numbers, but Foresight's own, and kept in exports.
    ids: std::collections::HashSet<String>,
    /// Foresight's own placeholders (pseudonyms, roles, generic names):
    /// a name form inside one is not a leak.
    placeholders: Option<AhoCorasick>,
    /// Pseudonyms (or roles standing for one) that hold a family's
    /// surname in the plural: each of their occurrences is a leak.
    family_stand_ins: Vec<String>,
}

/// The neutral placeholders anonymisation writes besides those of
/// identifiers and residual suspects: "[NI number]" holds "NI", which may
/// be a form of a cast name ("Ní Dhomhnaill"), and is still no leak.
const TOOL_PLACEHOLDERS: &[&str] = &[
    "[name]",
    "[date]",
    "[agency]",
    "[place]",
    "[date of birth]",
    "[date of death]",
    "[medication]",
    "[health condition]",
    "[amount]",
    "[dose]",
    "[age]",
];

/// The texts Foresight writes in place of names: the cast's pseudonyms
/// and roles, the generic names of agencies and places (and the names of
/// agencies that are only a type), their kinds, and the neutral
/// placeholders. A text holding a person's distinctive (not word-like)
/// name form is left out: it is no placeholder but a name.
fn placeholders(review: &Review, anonymiser: &Anonymiser) -> Option<AhoCorasick> {
    // Foresight's own placeholders ("[NI number]") are never a name, even
    // for a cast member whose name holds "NI".
    let mut own: Vec<String> = TOOL_PLACEHOLDERS.iter().map(|s| s.to_string()).collect();
    own.extend(
        IdentifierKind::ALL
            .iter()
            .map(|k| k.placeholder().to_string()),
    );
    own.extend(SuspectKind::ALL.iter().map(|k| k.placeholder().to_string()));
    let mut texts: Vec<String> = Vec::new();
    for p in &review.people {
        texts.push(p.pseudonym.clone());
        texts.push(p.role.clone());
    }
    for a in &review.agencies {
        texts.push(a.generic_name.clone());
        texts.push(kind_text(&a.kind));
        texts.extend(
            std::iter::once(&a.name)
                .chain(&a.aliases)
                .filter(|name| a.generic || names_a_kind_of_agency(name))
                .cloned(),
        );
    }
    for p in &review.places {
        texts.push(p.generic_name.clone());
        texts.push(kind_text(&p.kind));
    }
    let names = anonymiser.names();
    let mut texts: Vec<String> = texts
        .into_iter()
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty())
        .filter(|t| !names_a_person(names, t))
        .collect();
    texts.extend(own);
    texts.sort();
    texts.dedup();
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .kind(super::matcher::automaton_kind(&texts, None))
        .build(&texts)
        .ok()
}

/// True when `text` holds a person's distinctive (not word-like) name
/// form, or a family's surname in the plural ("Lodger at the
/// Sivapalans").
fn names_a_person(names: &super::matcher::NameMatcher, text: &str) -> bool {
    holds_a_name(names, text) || holds_a_name(names, &singular(text))
}

/// True when `text` holds a person's distinctive (not word-like) name form
/// as the name matcher finds it.
fn holds_a_name(names: &super::matcher::NameMatcher, text: &str) -> bool {
    names.find(text).iter().any(|hit| {
        hit.forms.iter().any(|&f| {
            let form = &names.forms[f];
            // "Child Z" is a placeholder even for a "Z Khan": a letter
            // alone names no one.
            let initial = form.text.trim_end_matches('.').chars().count() == 1;
            !form.word_like && !initial && form.owners.iter().any(|o| matches!(o, Owner::Person(_)))
        })
    })
}

/// `text` with each word's plural ending dropped ("the Sivapalans'" →
/// "the Sivapalan").
fn singular(text: &str) -> String {
    text.split(' ')
        .map(|w| {
            let bare = w.trim_end_matches(['\'', '’']);
            match bare.strip_suffix('s') {
                Some(stem) if stem.chars().count() >= 3 => stem,
                _ => w,
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// What stands for a person that holds a family's surname in the plural
/// (a pseudonym or role typed as "Lodger at the Sivapalans"): written into
/// an export, it names them, though the name matcher, which reads a
/// surname as written, finds nothing in it. (A stand-in holding a name as
/// written, "Kavin's mum", is found by the matcher already.)
fn stand_ins_naming_a_family(review: &Review, anonymiser: &Anonymiser) -> Vec<String> {
    let names = anonymiser.names();
    review
        .people
        .iter()
        .map(|p| {
            super::stand_in(p)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|t| !t.is_empty() && !holds_a_name(names, t) && holds_a_name(names, &singular(t)))
        .collect()
}

/// The word serde writes for a kind of record ("Midwifery", "Home").
fn kind_text<T: serde::Serialize>(kind: &T) -> String {
    match serde_json::to_value(kind) {
        Ok(Value::String(s)) => s,
        _ => String::new(),
    }
}

/// The stretches of `text` that are whole placeholders.
fn placeholder_spans(placeholders: &AhoCorasick, text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let word = |i: usize| bytes[i].is_ascii_alphanumeric() || bytes[i] >= 0x80;
    placeholders
        .find_iter(text)
        .filter(|m| {
            (m.start() == 0 || !word(m.start() - 1)) && (m.end() == bytes.len() || !word(m.end()))
        })
        .map(|m| (m.start(), m.end()))
        .collect()
}

impl LeakChecker {
    /// The check for exports of `original`, the review with real names.
    pub fn new(original: &Review) -> LeakChecker {
        LeakChecker::with_anonymiser(original, Anonymiser::new(original))
    }

    /// The check for exports of `original` with the anonymiser already
    /// made for it (`Anonymiser::new(original)`), so that its name forms
    /// are not made twice.
    pub fn with_anonymiser(original: &Review, anonymiser: Anonymiser) -> LeakChecker {
        LeakChecker {
            placeholders: placeholders(original, &anonymiser),
            family_stand_ins: stand_ins_naming_a_family(original, &anonymiser),
            anonymiser,
            kept: original
                .meta
                .anonymisation
                .overrides
                .iter()
                .filter(|o| o.action == OverrideAction::Keep)
                .cloned()
                .collect(),
            ids: original
                .all_ids()
                .into_iter()
                .map(|(id, _)| id.0.to_string())
                .chain(
                    original
                        .findings
                        .iter()
                        .flat_map(|f| &f.actions)
                        .map(|a| a.id.0.to_string()),
                )
                .collect(),
        }
    }

    /// True when the reviewer kept this text between these words. One of
    /// the two words may differ: it may itself have been replaced.
    fn is_kept(&self, text: &str, before: &str, after: &str) -> bool {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        self.kept
            .iter()
            .any(|o| o.text == text && (o.before == before || o.after == after))
    }

    /// Every leak in one piece of exported text.
    pub fn check(&self, location: &str, exported: &str) -> Vec<Leak> {
        // Read as a reader sees it: overrides resolved, disguised letters
        // read as the letters they show (see `super::disguise`).
        let resolved = super::disguise::resolve_overrides(exported);
        let view = View::new(&resolved);
        let v: &str = &view.text;
        let facts = FieldFacts::of(v);
        let mut leaks = Vec::new();
        let mut leak = |start: usize, end: usize, what: String| {
            leaks.push(Leak {
                location: location.to_string(),
                text: v[start..end].to_string(),
                what,
                context: context(v, start, end),
            });
        };
        for stand_in in &self.family_stand_ins {
            for (at, _) in v.match_indices(stand_in.as_str()) {
                leak(
                    at,
                    at + stand_in.len(),
                    "a pseudonym or role that names a family by its surname".to_string(),
                );
            }
        }
        let names = self.anonymiser.names();
        let field = location.rsplit(" / ").next().unwrap_or(location);
        let bibliographic = super::fields::is_bibliographic(field);
        let mut spans: Option<Vec<(usize, usize)>> = None;
        for hit in names.find(v) {
            let spans = spans.get_or_insert_with(|| match &self.placeholders {
                Some(p) => placeholder_spans(p, v),
                None => Vec::new(),
            });
            if spans
                .iter()
                .any(|&(start, end)| start <= hit.start && hit.end <= end)
            {
                continue;
            }
            let word_like = hit.forms.iter().all(|&f| names.forms[f].word_like);
            // Kinship words are kept; so are doubtful words the reviewer kept.
            let forms = || hit.forms.iter().map(|&f| &names.forms[f]);
            if !hit.after_title
                && ((forms().all(|f| f.kinship)
                    && !super::gazetteer::kinship_word_as_given_name(&v[hit.start..hit.end]))
                    || (forms().all(|f| f.word_like || f.always_ambiguous.is_some())
                        && self.anonymiser.is_allowed(&v[hit.start..hit.end])))
            {
                continue;
            }
            // As the anonymiser: an initial in a reference to published
            // work ("Author A (2020)") is the author's. And a letter alone
            // names no one: the "A." of a reviewer "A. Smith" is no leak of
            // a cast member "A Khan" (the anonymiser still replaces it).
            if !hit.after_title
                && (bibliographic && forms().all(|f| f.always_ambiguous.is_some())
                    || forms().all(|f| f.text.trim_end_matches('.').chars().count() == 1))
            {
                continue;
            }
            let (class, _) = classify(
                v,
                hit.name_start,
                hit.end,
                hit.after_title,
                word_like,
                facts,
            );
            if class == Class::Word {
                continue;
            }
            let before = any_word_before(v, hit.start);
            let after = any_word_after(v, hit.end);
            if self.is_kept(&v[hit.start..hit.end], &before, &after) {
                continue;
            }
            let what = self.anonymiser.found_for(hit.form).describe();
            leak(hit.start, hit.end, what);
        }
        for id in find_identifiers(v, self.anonymiser.allow()) {
            if self.ids.contains(&v[id.range.clone()]) {
                continue;
            }
            let before = any_word_before(v, id.range.start);
            let after = any_word_after(v, id.range.end);
            if self.is_kept(&v[id.range.clone()], &before, &after) {
                continue;
            }
            leak(
                id.range.start,
                id.range.end,
                Found::Identifier(id.kind).describe(),
            );
        }
        if v.bytes().any(|b| b.is_ascii_digit()) {
            let births = &self.anonymiser.date_rules().birth_dates;
            for (range, _) in super::dates::days_without_year(v) {
                leak(range.start, range.end, "exact date".to_string());
            }
            for date in super::dates::partial_dates(v) {
                leak(date.range.start, date.range.end, "exact date".to_string());
            }
            for range in super::dates::ordinal_days(v) {
                leak(range.start, range.end, "exact date".to_string());
            }
            for (range, date) in super::dates::dates_in(v) {
                if let DateValue::Day(day) = date.value {
                    let what = if births.contains(&day) {
                        "date of birth"
                    } else {
                        "exact date"
                    };
                    leak(range.start, range.end, what.to_string());
                }
            }
        }
        leaks.sort_by_key(|l| l.context.clone());
        leaks.dedup();
        leaks
    }

    /// Every leak in an anonymised review: every string in it, whatever
    /// field it is in (including fields added to the model later), named
    /// by record id and field.
    pub fn check_review(&self, anonymised: &Review) -> Vec<Leak> {
        self.check_review_beside(anonymised, || ()).0
    }

    /// [`check_review`](Self::check_review) on two threads, with `beside`
    /// run first on the second thread (the file text made meanwhile, for
    /// instance); the leaks are the same and in the same order.
    ///
    /// Every string is still found by walking the review as a JSON value;
    /// the chronology's entries, which hold nearly all the text, are
    /// walked one by one (each entry's value is the same as its part of the
    /// whole review's value, and gets the same location), in chunks that
    /// both threads take from one counter.
    pub fn check_review_beside<T: Send>(
        &self,
        anonymised: &Review,
        beside: impl FnOnce() -> T + Send,
    ) -> (Vec<Leak>, T) {
        const CHUNK: usize = 128;
        let entries = &anonymised.chronology;
        let chunks = entries.len().div_ceil(CHUNK);
        let next = AtomicUsize::new(0);
        let work = || {
            let mut done = Vec::new();
            loop {
                let chunk = next.fetch_add(1, Ordering::Relaxed);
                if chunk >= chunks {
                    return done;
                }
                let first = chunk * CHUNK;
                let mut leaks = Vec::new();
                let mut path = String::new();
                for (i, entry) in entries[first..entries.len().min(first + CHUNK)]
                    .iter()
                    .enumerate()
                {
                    let value = serde_json::to_value(entry)
                        .expect("a review is plain data: it always converts to JSON");
                    path.clear();
                    path.push_str("chronology");
                    push_item(&mut path, &value, first + i);
                    self.walk(&value, &mut path, &mut leaks);
                }
                done.push((chunk, leaks));
            }
        };
        let (mut leaks, at, mut done, other) = std::thread::scope(|scope| {
            let helper = scope.spawn(|| {
                let other = beside();
                (other, work())
            });
            // The rest of the review, in the whole walk's order: the
            // chronology's leaks go where its key comes.
            let rest = serde_json::to_value(anonymised.without_chronology())
                .expect("a review is plain data: it always converts to JSON");
            let mut leaks = Vec::new();
            let mut at = None;
            match &rest {
                Value::Object(map) => {
                    for (key, item) in map {
                        if key == "chronology" {
                            at = Some(leaks.len());
                        } else {
                            self.walk(item, &mut key.clone(), &mut leaks);
                        }
                    }
                }
                other => self.walk(other, &mut String::new(), &mut leaks),
            }
            let mut done = work();
            let (other, theirs) = helper
                .join()
                .expect("checking a part of the chronology never panics");
            done.extend(theirs);
            (leaks, at, done, other)
        });
        done.sort_unstable_by_key(|(chunk, _)| *chunk);
        let chronology: Vec<Leak> = done.into_iter().flat_map(|(_, leaks)| leaks).collect();
        let at = at.unwrap_or(leaks.len());
        leaks.splice(at..at, chronology);
        (leaks, other)
    }

    /// Every leak in the text of a review file outside its strings: field
    /// and variant names, numbers, punctuation. With
    /// [`check_review`](Self::check_review), which checks every string of
    /// the review, this covers the whole file text: the text is those
    /// strings, escaped, between what the serialiser writes around them.
    /// (Escaping only adds backslashes and escape letters and digits, and
    /// takes out no character that could break up a name.) Each string's
    /// contents are left out here, its quotes kept, so that nothing outside
    /// a string runs into the next.
    ///
    /// The structure repeats record after record, so each distinct line
    /// of it is read once: a line of the file never breaks inside a string
    /// (the serialiser escapes newlines), and nothing outside the strings
    /// runs from one line into the next but indentation.
    pub fn check_outside_strings(&self, location: &str, file_text: &str) -> Vec<Leak> {
        let outside = outside_strings(file_text);
        let mut seen = std::collections::HashSet::new();
        let mut distinct = String::new();
        for line in outside.lines().map(str::trim) {
            if seen.insert(line) {
                distinct.push_str(line);
                distinct.push('\n');
            }
        }
        self.check(location, &distinct)
    }

    /// Checks every string in `value`, found at `path`: the path grows
    /// as the walk goes down and is cut back as it comes up, so that no
    /// string is made for a place that holds no text.
    fn walk(&self, value: &Value, path: &mut String, leaks: &mut Vec<Leak>) {
        match value {
            // Fixed words and record ids hold no space: a text that does is
            // never hashed to look it up among the ids.
            Value::String(s)
                if !s.contains(' ') && (is_fixed_value(path, s) || self.ids.contains(s)) => {}
            Value::String(s) if !s.is_empty() => leaks.extend(self.check(path, s)),
            Value::Array(items) => {
                let length = path.len();
                for (i, item) in items.iter().enumerate() {
                    push_item(path, item, i);
                    self.walk(item, path, leaks);
                    path.truncate(length);
                }
            }
            Value::Object(map) => {
                let length = path.len();
                for (key, item) in map {
                    if length > 0 {
                        path.push_str(" / ");
                    }
                    path.push_str(key);
                    self.walk(item, path, leaks);
                    path.truncate(length);
                }
            }
            _ => {}
        }
    }
}

/// The fields whose value is one of the model's fixed words (an agency's
/// `kind` "ChildrensSocialCare", an answer "No", a polarity "S"), never
/// what someone wrote: a field name, or a list and a field name where the
/// same name is free text in another list (a factor's `level` is the
/// taxonomy's). A test checks that each of them refuses any other value,
/// so that no free text hides behind this list.
pub(crate) const FIXED_VALUE_FIELDS: &[&str] = &[
    "action",
    "appraisal",
    "asks",
    "causation_model",
    "date_policy",
    "decision",
    "influence",
    "kind",
    "conditions/level",
    "method",
    "milestone",
    "polarity",
    "rapid_review_from",
    "review_type",
    "saw_draft",
    "seen",
    "stage",
    "status",
    "tag",
    "views_sought",
];

/// True when the string at `path` is a fixed word of the model: a field of
/// [`FIXED_VALUE_FIELDS`] holding one word of letters and digits. A person
/// named "No" or "Home" is no leak in an answer or a kind of place.
fn is_fixed_value(path: &str, value: &str) -> bool {
    // The value first: a text with a space in it is never a fixed word,
    // and most strings are such texts.
    if !(value.starts_with(|c: char| c.is_ascii_alphabetic())
        && value.bytes().all(|b| b.is_ascii_alphanumeric()))
    {
        return false;
    }
    let field = path.rsplit(" / ").next().unwrap_or(path);
    let list = path.split([' ', '[']).next().unwrap_or(path);
    is_fixed_field(list, field)
}

/// True when `field` of a record in `list` (`"conditions"`, `"level"`) is
/// one of [`FIXED_VALUE_FIELDS`].
pub(crate) fn is_fixed_field(list: &str, field: &str) -> bool {
    FIXED_VALUE_FIELDS.iter().any(|f| match f.split_once('/') {
        Some((l, f)) => l == list && f == field,
        None => *f == field,
    })
}

/// Adds to the path of a list where an item of it is: by its id when it
/// has one ("chronology C4"), else by its place ("aliases[0]").
fn push_item(list: &mut String, item: &Value, i: usize) {
    use std::fmt::Write as _;
    match item.get("id").and_then(Value::as_str) {
        Some(id) => {
            list.push(' ');
            list.push_str(id);
        }
        None => {
            let _ = write!(list, "[{i}]");
        }
    }
}

/// RON text with the contents of every string left out, its quotes kept,
/// and the numbers outside strings too: they are layout coordinates, row
/// numbers and the format's version, never what someone wrote, and a
/// coordinate's decimals ("115.661896") are not a reference number.
fn outside_strings(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::new();
    let mut from = 0;
    let push_structure = |out: &mut String, part: &str| {
        out.extend(part.chars().filter(|c| !c.is_ascii_digit()));
    };
    while let Some(quote) = memchr::memchr(b'"', &bytes[from..]) {
        let open = from + quote;
        push_structure(&mut out, &text[from..=open]);
        let mut i = open + 1;
        let close = loop {
            match memchr::memchr2(b'"', b'\\', &bytes[i..]) {
                Some(at) if bytes[i + at] == b'\\' => i = (i + at + 2).min(bytes.len()),
                Some(at) => break Some(i + at),
                None => break None,
            }
        };
        match close {
            Some(close) => {
                out.push('"');
                from = close + 1;
            }
            // An unclosed string: the rest is checked as it is.
            None => {
                out.push_str(&text[open + 1..]);
                return out;
            }
        }
    }
    push_structure(&mut out, &text[from..]);
    out
}

/// The leaks in a set of exported texts, each with its location:
/// `check_exports(&review, &[("page 1", page_one), ("PDF title", title)])`.
pub fn check_exports(original: &Review, exported: &[(&str, &str)]) -> Vec<Leak> {
    let checker = LeakChecker::new(original);
    exported
        .iter()
        .flat_map(|(location, text)| checker.check(location, text))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anonymise::anonymise;
    use crate::anonymise::tests::{at, leaves};
    use crate::examples::worked_case;

    /// The leaks of `found` and those of `file_text` not already among
    /// them, as `foresight anonymise` puts them together.
    fn merged(mut found: Vec<Leak>, file_text: Vec<Leak>) -> Vec<Leak> {
        for leak in file_text {
            if !found
                .iter()
                .any(|l| l.text == leak.text && l.what == leak.what)
            {
                found.push(leak);
            }
        }
        found
    }

    #[test]
    fn the_two_thread_check_finds_what_the_whole_walk_and_the_file_text_find() {
        // The worked example's cast with a chronology long enough to be
        // checked in several chunks.
        let original = {
            let mut review = worked_case();
            let texts: Vec<String> = review.chronology.iter().map(|e| e.text.clone()).collect();
            for i in 0..600 {
                let mut entry = review.chronology[i % texts.len()].clone();
                entry.id = crate::model::Id::from(format!("C{}", 9000 + i));
                review.chronology.push(entry);
            }
            review
        };
        let anonymised = anonymise(&original).review;
        let checker = LeakChecker::new(&original);
        let names: Vec<String> = original
            .people
            .iter()
            .flat_map(|p| std::iter::once(p.name.clone()).chain(p.aliases.iter().cloned()))
            .chain(original.places.iter().map(|p| p.name.clone()))
            .collect();
        let plants = [
            "{} was there",
            "seen by {}.",
            "{}'s mother",
            "\"{}\" \\ said\nthe {}",
            "{}, 07700 900123, 3 April 2021",
            "to {}\t(M{}",
            "{}",
        ];
        let value = serde_json::to_value(&anonymised).unwrap();
        let mut paths = Vec::new();
        leaves(&value, Vec::new(), &mut paths);
        let mut rng = fastrand::Rng::with_seed(11);
        let mut with_leaks = 0;
        for round in 0..60 {
            let mut planted = value.clone();
            // Up to three strings anywhere get a real name, an identifier
            // or a date, in a form that escaping changes or not; every
            // tenth round plants nothing.
            let count = if round % 10 == 0 {
                0
            } else {
                1 + rng.usize(..3)
            };
            for _ in 0..count {
                let path = &paths[rng.usize(..paths.len())];
                let slot = at(&mut planted, path);
                let old = slot.as_str().unwrap_or_default().to_string();
                let name = &names[rng.usize(..names.len())];
                let plant = plants[rng.usize(..plants.len())].replace("{}", name);
                *slot = Value::String(match rng.u8(..3) {
                    0 => format!("{plant} {old}"),
                    1 => format!("{old} {plant}"),
                    _ => plant,
                });
            }
            let Ok(review) = serde_json::from_value::<Review>(planted) else {
                continue;
            };
            let whole = serde_json::to_value(&review).unwrap();
            let mut old_strings = Vec::new();
            checker.walk(&whole, &mut String::new(), &mut old_strings);
            let text = crate::store::to_text(&review);
            let old = merged(old_strings.clone(), checker.check("file text", &text));
            let (strings, beside) = checker.check_review_beside(&review, || 7);
            assert_eq!(beside, 7);
            assert_eq!(strings, old_strings, "round {round}");
            let new = merged(strings, checker.check_outside_strings("file text", &text));
            assert_eq!(new.is_empty(), old.is_empty(), "round {round}: {old:#?}");
            // Whatever the file text alone showed was shown by a string.
            for leak in old.iter().filter(|l| l.location == "file text") {
                assert!(
                    new.iter().any(|l| l.text.contains(&leak.text)),
                    "round {round}: {leak}"
                );
            }
            with_leaks += usize::from(!new.is_empty());
        }
        assert!(with_leaks >= 40, "{with_leaks}");
    }

    #[test]
    fn outside_strings_keeps_quotes_and_drops_contents() {
        assert_eq!(
            outside_strings("(a: \"x \\\" y\", b: [\"\\\\\"], c: 1)"),
            "(a: \"\", b: [\"\"], c: )"
        );
        // Numbers outside strings are structure: coordinates, rows.
        assert_eq!(
            outside_strings("(x: 115.661896, y: -3.5e2, t: \"120456\")"),
            "(x: ., y: -.e, t: \"\")"
        );
        assert_eq!(outside_strings("(a: \"open"), "(a: \"open");
        assert_eq!(outside_strings("(a: \"ends \\"), "(a: \"ends \\");
    }
}
