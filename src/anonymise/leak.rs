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

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde_json::Value;

use super::classify::{Class, FieldFacts, classify};
use super::forms::Owner;
use super::identifiers::find_identifiers;
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
    /// The review's record ids ("C13704"): shaped like reference numbers,
    /// but Foresight's own, and kept in exports.
    ids: std::collections::HashSet<String>,
    /// Foresight's own placeholders (pseudonyms, roles, generic names):
    /// a name form inside one is not a leak.
    placeholders: Option<AhoCorasick>,
}

/// The texts Foresight writes in place of names: the cast's pseudonyms
/// and roles, the generic names of agencies and places (and the names of
/// agencies that are only a type), their kinds, and the neutral
/// placeholders. A text holding a person's distinctive (not word-like)
/// name form is left out: it is no placeholder but a name.
fn placeholders(review: &Review, anonymiser: &Anonymiser) -> Option<AhoCorasick> {
    let mut texts: Vec<String> = ["[name]", "[agency]", "[place]"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    for p in &review.people {
        texts.push(p.pseudonym.clone());
        texts.push(p.role.clone());
    }
    for a in &review.agencies {
        texts.push(a.generic_name.clone());
        texts.push(kind_text(&a.kind));
        if a.generic {
            texts.push(a.name.clone());
        }
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
        .filter(|t| {
            !names.find(t).iter().any(|hit| {
                hit.forms.iter().any(|&f| {
                    let form = &names.forms[f];
                    !form.word_like && form.owners.iter().any(|o| matches!(o, Owner::Person(_)))
                })
            })
        })
        .collect();
    texts.sort();
    texts.dedup();
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(&texts)
        .ok()
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
        let anonymiser = Anonymiser::new(original);
        LeakChecker {
            placeholders: placeholders(original, &anonymiser),
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
        let view = View::new(exported);
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
        let names = self.anonymiser.names();
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
        let value = serde_json::to_value(anonymised)
            .expect("a review is plain data: it always converts to JSON");
        let mut leaks = Vec::new();
        self.walk(&value, String::new(), &mut leaks);
        leaks
    }

    fn walk(&self, value: &Value, path: String, leaks: &mut Vec<Leak>) {
        match value {
            Value::String(s) if !s.is_empty() => leaks.extend(self.check(&path, s)),
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    let here = match item.get("id").and_then(Value::as_str) {
                        Some(id) => format!("{path} {id}"),
                        None => format!("{path}[{i}]"),
                    };
                    self.walk(item, here, leaks);
                }
            }
            Value::Object(map) => {
                for (key, item) in map {
                    let here = if path.is_empty() {
                        key.clone()
                    } else {
                        format!("{path} / {key}")
                    };
                    self.walk(item, here, leaks);
                }
            }
            _ => {}
        }
    }
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
