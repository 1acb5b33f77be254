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

use std::collections::HashSet;

use super::fields;
use super::text::{context, starts_sentence};
use super::words;
use crate::import::dates::find_dates_in_text;
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
}

impl SuspectKind {
    /// A name for lists.
    pub fn label(self) -> &'static str {
        match self {
            SuspectKind::Name => "possible name",
            SuspectKind::Initials => "possible initials",
            SuspectKind::Number => "possible reference number",
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

/// Words that are never suspects in this review.
struct Known {
    words: HashSet<String>,
}

impl Known {
    fn of(review: &Review) -> Known {
        let mut words = HashSet::new();
        let mut add = |text: &str| {
            for w in text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')) {
                if !w.is_empty() {
                    words.insert(w.to_lowercase());
                }
            }
        };
        for p in &review.people {
            add(&p.pseudonym);
            add(&p.role);
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

    fn has(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        self.words.contains(&lower)
            || self
                .words
                .contains(lower.trim_end_matches("'s").trim_end_matches("’s"))
    }
}

/// The suspects in one text.
fn scan(text: &str, known: &Known) -> Vec<(usize, usize, SuspectKind)> {
    let mut out: Vec<(usize, usize, SuspectKind)> = Vec::new();
    let dates: Vec<_> = if text.bytes().any(|b| b.is_ascii_digit()) {
        find_dates_in_text(text)
            .into_iter()
            .map(|(r, _)| r)
            .collect()
    } else {
        Vec::new()
    };
    let mut placeholder = false;
    let mut previous_title = false;
    let mut i = 0;
    let bytes = text.len();
    while i < bytes {
        let c = text[i..].chars().next().unwrap_or(' ');
        if c == '[' {
            placeholder = true;
        } else if c == ']' {
            placeholder = false;
        }
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
        if placeholder || dates.iter().any(|r| r.start <= start && end <= r.end) {
            previous_title = false;
            continue;
        }
        if !dotted || token.split('.').any(|p| p.chars().count() > 1) {
            token = token.trim_end_matches('.');
        }
        let digits = token.chars().filter(char::is_ascii_digit).count();
        let letters = token.chars().filter(|c| c.is_alphabetic()).count();
        let kind = if digits > 0 {
            let decade = token.len() == 5 && token.ends_with('s') && digits == 4;
            let reference =
                !token.contains('.') && !decade && (digits >= 5 || (digits >= 4 && letters > 0));
            reference.then_some(SuspectKind::Number)
        } else if letters < 2 {
            None
        } else if dotted
            && token
                .split('.')
                .all(|p| p.chars().count() <= 1 && p.chars().all(char::is_uppercase))
            && letters >= 2
        {
            Some(SuspectKind::Initials)
        } else if letters >= 2 && token.chars().all(|c| !c.is_lowercase()) && letters <= 4 {
            let word = words::is_word(&token.to_lowercase());
            let acronym =
                words::is_acronym(token) || words::is_acronym(token.trim_end_matches('s'));
            (!word && !acronym && !known.has(token)).then_some(SuspectKind::Initials)
        } else if token.chars().next().is_some_and(char::is_uppercase) {
            let lower = token.to_lowercase();
            let plain = lower.trim_end_matches("'s").trim_end_matches("’s");
            let ordinary = if starts_sentence(text, start) {
                words::is_word(plain)
            } else {
                words::in_dictionary(plain)
            };
            let bare = token.trim_end_matches("'s").trim_end_matches("’s");
            let singular = bare.strip_suffix('s').unwrap_or(bare);
            let name = !known.has(token)
                && !words::is_vocabulary(token)
                && !words::is_vocabulary(singular)
                && !words::is_vocabulary(bare)
                && !words::is_acronym(singular)
                && !words::is_title(token)
                && (previous_title || !ordinary);
            name.then_some(SuspectKind::Name)
        } else {
            None
        };
        // A title counts only right before the next word: "Mr Green",
        // "Dr. Green", but not "…by GP. There".
        previous_title = words::is_title(token) && {
            let gap = &text[start + token.len()..];
            gap.starts_with(' ') || (gap.starts_with(". ") && words::is_dotted_title(token))
        };
        if let Some(kind) = kind {
            // "Quentin Blakeley": one suspect, not two.
            if let Some(last) = out.last_mut()
                && last.2 == SuspectKind::Name
                && kind == SuspectKind::Name
                && text[last.1..start].trim().is_empty()
            {
                last.1 = start + token.len();
                continue;
            }
            out.push((start, start + token.len(), kind));
        }
    }
    out
}

/// Every suspect left in an anonymised review.
pub fn residual_scan(anonymised: &Review) -> Vec<Suspect> {
    let known = Known::of(anonymised);
    let mut out = Vec::new();
    fields::visit(anonymised, |id, field, _, text| {
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

/// How many suspects [`residual_scan`] lists, counted without making
/// them: the chronology's texts in two halves on two threads, the rest of
/// the review beside them.
pub fn residual_count(anonymised: &Review) -> usize {
    let known = Known::of(anonymised);
    let count = |entries: &[crate::model::ChronologyEntry]| {
        let mut n = 0;
        for e in entries {
            fields::visit_entry(e, |_, _, _, text| n += scan(text, &known).len());
        }
        n
    };
    let entries = &anonymised.chronology;
    let (first, second) = entries.split_at(entries.len() / 2);
    std::thread::scope(|scope| {
        let second = scope.spawn(|| count(second));
        let mut n = count(first);
        fields::visit(&anonymised.without_chronology(), |_, _, _, text| {
            n += scan(text, &known).len();
        });
        n + second.join().expect("counting suspects never panics")
    })
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
}
