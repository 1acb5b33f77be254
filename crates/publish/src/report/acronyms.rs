//! The acronyms a report may use and what they stand for: the built-in
//! list (`templates/reports/acronyms.txt`) with the user's copies in the
//! template folders added. The glossary expands every one the report uses;
//! the publication check names those it cannot expand.

use std::collections::{BTreeSet, HashMap};
use std::sync::LazyLock;

use regex::Regex;

/// Every known acronym and its expansion.
static ACRONYMS: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    let mut texts = vec![include_str!("../../../../templates/reports/acronyms.txt").to_string()];
    for folder in foresight_core::taxonomy::template_folders() {
        if let Ok(text) = std::fs::read_to_string(folder.join("reports/acronyms.txt")) {
            texts.push(text);
        }
    }
    let mut map = HashMap::new();
    for text in &texts {
        for line in text.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some((acronym, meaning)) = line.split_once(':') {
                map.insert(acronym.trim().to_string(), meaning.trim().to_string());
            }
        }
    }
    map
});

/// A word of two or more capitals ("GP", "CAMHS", "A&E").
static ACRONYM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b[A-Z][A-Z&]*[A-Z]\b").expect("the acronym pattern is valid"));

/// What `acronym` stands for, when known.
pub fn expansion(acronym: &str) -> Option<&'static str> {
    ACRONYMS.get(acronym).map(String::as_str)
}

/// The acronyms in `text`, known or not, in order.
pub fn acronyms_in(text: &str) -> impl Iterator<Item = &str> {
    ACRONYM.find_iter(text).map(|m| m.as_str())
}

/// The acronyms of three capitals or more in `texts` that no acronym list
/// expands, in alphabetical order. (Two capitals are as often initials or
/// a pseudonym's letter as an acronym: those are expanded when known and
/// otherwise left alone.)
pub fn unexpanded<'t>(texts: impl IntoIterator<Item = &'t str>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for text in texts {
        for a in acronyms_in(text) {
            if a.chars().filter(char::is_ascii_uppercase).count() >= 3 && expansion(a).is_none() {
                out.insert(a.to_string());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_acronyms_expand_and_unknown_ones_are_named() {
        assert!(expansion("MASH").is_some());
        let unknown = unexpanded(["The MASH and the QZXW met; the GP and PC did not."]);
        assert_eq!(unknown.into_iter().collect::<Vec<_>>(), ["QZXW"]);
    }
}
