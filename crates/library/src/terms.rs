//! The key terms of a text, for grouping items by similar wording: its
//! words lower-cased and stemmed (English Snowball, as the full-text
//! index stems with Porter), without the common words that say nothing
//! of a topic, without placeholders' words, and each term once.

use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// Words too common in reviews, or in English, to tell topics apart.
const COMMON: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
    "before", "being", "between", "both", "but", "by", "can", "could", "did", "do", "does", "each",
    "for", "from", "had", "has", "have", "he", "her", "his", "how", "if", "in", "into", "is", "it",
    "its", "more", "most", "no", "not", "of", "on", "one", "or", "other", "our", "out", "over",
    "rather", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their",
    "them", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under",
    "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom",
    "why", "will", "with", "would", "child", "children", "case", "name", "place", "number",
];

/// The key terms of `text`, sorted and each once.
pub fn key_terms(text: &str) -> Vec<String> {
    let mut terms: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3 && !w.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_lowercase)
        .filter(|w| !COMMON.contains(&w.as_str()))
        .map(|w| STEMMER.stem(&w).into_owned())
        .collect();
    terms.sort_unstable();
    terms.dedup();
    terms
}

#[cfg(test)]
mod tests {
    use super::key_terms;

    #[test]
    fn inflections_share_a_term_and_common_words_are_dropped() {
        assert_eq!(
            key_terms("Caseloads above the ceiling; the caseload of [name]"),
            vec!["abov", "caseload", "ceil"]
        );
        assert!(key_terms("the and of 2021").is_empty());
    }
}
