//! Placeholders left unfilled in text to be published: "[date of panel]",
//! "[insert agency]", "TBC", "{partnership}". A draft is full of them; a
//! published review must have none.
//!
//! A bracketed phrase inside a quotation is an editor's insertion ("she
//! said '[the baby] was fine'"), and one made of numbers is a citation
//! ("[12]"): neither is a placeholder. Anonymisation's own replacements
//! ("[name]", "[place]") are never read here: the check runs on the texts
//! as the reviewers wrote them, before anonymisation.

use std::fmt;
use std::sync::LazyLock;

use regex::Regex;

use crate::report::build::TEMPLATE_FIELDS;
use crate::report::template::ReportTemplate;
use foresight_core::model::{FindingTag, Id, Review};

/// One unfilled placeholder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholder {
    /// The record ("review" for the review's own details, or the template).
    pub record: String,
    /// The field, e.g. "summary", "questions[1]", "section \"Method\"".
    pub field: String,
    /// The placeholder as written, e.g. "[date of panel]".
    pub text: String,
}

impl fmt::Display for Placeholder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}: the placeholder \"{}\" is not filled in: write the text it stands for",
            self.record, self.field, self.text
        )
    }
}

/// Bracketed phrases, template fields and the usual "to be confirmed".
static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"\[[^\[\]\n]{1,80}\]",
        r"|\{[A-Za-z_][A-Za-z0-9_ ]{0,40}\}",
        r"|\b(?:TBC|TBA|TBD)\b",
        r"|\b[Xx]{2}/[Xx]{2}(?:/[Xx]{2,4})?\b",
        r"|\bXXX+\b",
    ))
    .expect("the placeholder pattern is valid")
});

/// A citation or cross-reference such as "[12]", "[3, 4]", "[5-7]".
fn is_citation(inner: &str) -> bool {
    !inner.is_empty()
        && inner
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | ' ' | '-' | '–'))
        && inner.chars().any(|c| c.is_ascii_digit())
}

/// The byte ranges of `text` that are inside quotation marks.
fn quotations(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, char)> = None;
    let mut previous: Option<char> = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (i, &(at, c)) in chars.iter().enumerate() {
        let next = chars.get(i + 1).map(|&(_, c)| c);
        match open {
            None => {
                let starts_word = previous.is_none_or(|p| p.is_whitespace() || "([—–-".contains(p));
                if matches!(c, '"' | '“' | '‘') || (c == '\'' && starts_word) {
                    open = Some((at, c));
                }
            }
            Some((start, opener)) => {
                let closes = match opener {
                    '"' => c == '"' || c == '”',
                    '“' => c == '”' || c == '"',
                    '‘' => c == '’' && next.is_none_or(|n| !n.is_alphanumeric()),
                    _ => c == '\'' && next.is_none_or(|n| !n.is_alphanumeric()),
                };
                if closes {
                    spans.push((start, at + c.len_utf8()));
                    open = None;
                }
            }
        }
        previous = Some(c);
    }
    spans
}

/// Every placeholder in `text`, outside quotations.
pub fn placeholders_in(text: &str) -> Vec<&str> {
    if !text.contains(['[', '{', 'T', 'X', 'x']) {
        return Vec::new();
    }
    let mut quoted: Option<Vec<(usize, usize)>> = None;
    let mut found = Vec::new();
    for m in PLACEHOLDER.find_iter(text) {
        let s = m.as_str();
        if s.starts_with('[') && is_citation(&s[1..s.len() - 1]) {
            continue;
        }
        let spans = quoted.get_or_insert_with(|| quotations(text));
        if spans.iter().any(|&(a, b)| a < m.start() && m.end() <= b) {
            continue;
        }
        found.push(s);
    }
    found
}

/// Every placeholder in the texts of `review` that a publication prints
/// (the schema of text fields says which): the review's details, episodes,
/// factors, latent conditions, learning findings, diagrams, variables and
/// loops. Reviewers' notes, reasons for tags, the cast's details and the
/// agency records are not read here (the published chronology is a
/// summary, and agency records may hold brackets of their own).
pub fn review_placeholders(review: &Review) -> Vec<Placeholder> {
    let learning: std::collections::HashSet<&Id> = review
        .findings
        .iter()
        .filter(|f| f.tag == FindingTag::Learning)
        .map(|f| &f.id)
        .collect();
    let people: std::collections::HashSet<&Id> = review.people.iter().map(|p| &p.id).collect();
    let mut out = Vec::new();
    foresight_core::anonymise::fields::visit_described(review, |record, field, _, info, text| {
        let skipped = !info.printed
            || people.contains(record)
            || (record.as_str().starts_with("FN") && !learning.contains(record));
        if skipped {
            return;
        }
        for p in placeholders_in(text) {
            out.push(Placeholder {
                record: record.to_string(),
                field: field.to_string(),
                text: p.to_string(),
            });
        }
    });
    out
}

/// Every placeholder in `template`'s own text (subtitle, headings,
/// fixed paragraphs, glossary), other than the fields the report fills in
/// from the review ([`TEMPLATE_FIELDS`]).
pub fn template_placeholders(template: &ReportTemplate) -> Vec<Placeholder> {
    let mut out = Vec::new();
    let mut check = |field: String, text: &str| {
        let mut text = text.to_string();
        for known in TEMPLATE_FIELDS {
            text = text.replace(known, "");
        }
        for p in placeholders_in(&text) {
            out.push(Placeholder {
                record: format!("template \"{}\"", template.name),
                field: field.clone(),
                text: p.to_string(),
            });
        }
    };
    check("subtitle".into(), &template.subtitle);
    for section in &template.sections {
        check(format!("heading \"{}\"", section.heading), &section.heading);
        for text in &section.text {
            check(format!("section \"{}\"", section.heading), text);
        }
        for (term, meaning) in &section.terms {
            check(format!("glossary \"{term}\""), term);
            check(format!("glossary \"{term}\""), meaning);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bracketed_phrases_template_fields_and_tbc_are_placeholders() {
        assert_eq!(
            placeholders_in("The panel met on [date] with {partnership} (TBC)."),
            vec!["[date]", "{partnership}", "TBC"]
        );
        assert_eq!(placeholders_in("Born XX/XX/2019."), vec!["XX/XX"]);
    }

    #[test]
    fn the_built_in_templates_hold_no_placeholder_but_an_edited_one_does() {
        for name in ["learning-together", "briefing"] {
            let template = ReportTemplate::built_in(name).unwrap();
            assert_eq!(template_placeholders(&template), vec![], "{name}");
            let mut edited = template.clone();
            edited.sections[0]
                .text
                .push("Approved by [name of chair].".into());
            let found = template_placeholders(&edited);
            assert_eq!(found.len(), 1, "{found:?}");
            assert_eq!(found[0].text, "[name of chair]");
        }
    }

    #[test]
    fn quotations_citations_and_ordinary_words_are_not() {
        assert!(placeholders_in("She said \"[the baby] was fine\".").is_empty());
        assert!(placeholders_in("He asked for '[grandmother]' repeatedly.").is_empty());
        assert!(placeholders_in("As research shows [12], [3, 4].").is_empty());
        assert!(placeholders_in("Tbc is not shouted; Texas is a word.").is_empty());
        // An apostrophe in a word does not open a quotation.
        assert_eq!(
            placeholders_in("The child's views were [to be added]."),
            vec!["[to be added]"]
        );
    }
}
