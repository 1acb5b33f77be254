//! Spellings that are not the cast's: which person a name that no cast
//! entry spells this way is probably spelt like ("Ceris" for Cerys,
//! "Muhammad" and "Mohamed" for Mohammed, "Wisniewska" for Wiśniewska).
//!
//! Such a word is replaced like any residual suspect, by a placeholder
//! that names no one (a wrong pseudonym would state a false fact); this
//! only tells the reviewer whose name it probably is, so that one click
//! (or `foresight cast --add-name`) adds it to that person's other names
//! and the report uses their pseudonym.
//!
//! Two words are spelt alike when, lower case and without diacritics,
//! they are equal; or when both have at least five letters, begin with the
//! same letter and are one edit apart (a letter added, dropped, changed or
//! two swapped: Damerau–Levenshtein, from `strsim`); or when their
//! consonants, doubled letters made single, are the same and the words
//! differ only in vowels (Mohammed, Muhammad, Mohamed → "mhmd").

use super::folding::fold;
use crate::model::{Id, Review};

/// Folded lower case: "Wiśniewska" → "wisniewska".
fn key(word: &str) -> String {
    fold(word).to_lowercase()
}

/// The consonants of a folded word, doubled letters made single; "h"
/// after a consonant dropped ("Siobhan" and "Siobán" alike).
fn skeleton(folded: &str) -> String {
    let mut out = String::new();
    let mut last = ' ';
    for c in folded.chars().filter(|c| c.is_alphabetic()) {
        let vowel = matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
        let after_consonant = !matches!(last, ' ' | 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
        if !vowel && c != last && !(c == 'h' && after_consonant) {
            out.push(c);
        }
        last = c;
    }
    out
}

/// True when `a` and `b` are spellings of one name (see the module).
pub fn spelt_alike(a: &str, b: &str) -> bool {
    let (a, b) = (key(a), key(b));
    if a == b {
        return true;
    }
    let letters = |w: &str| w.chars().filter(|c| c.is_alphabetic()).count();
    if letters(&a) < 5 || letters(&b) < 5 || a.chars().next() != b.chars().next() {
        return false;
    }
    if strsim::damerau_levenshtein(&a, &b) == 1 {
        return true;
    }
    let (sa, sb) = (skeleton(&a), skeleton(&b));
    sa.len() >= 4 && sa == sb
}

/// The one cast person a word is probably a spelling of a name part of,
/// with that name part: `None` when no one's, or more than one person's.
pub fn spelt_like<'r>(review: &'r Review, word: &str) -> Option<(&'r Id, &'r str)> {
    let word = word.trim().trim_end_matches("'s").trim_end_matches("’s");
    if word.chars().filter(|c| c.is_alphabetic()).count() < 4 {
        return None;
    }
    let mut found: Option<(&Id, &str)> = None;
    for person in &review.people {
        let parts = std::iter::once(person.name.as_str())
            .chain(person.aliases.iter().map(String::as_str))
            .flat_map(str::split_whitespace)
            .map(|p| p.trim_matches(|c: char| !c.is_alphanumeric()));
        for part in parts {
            if part.chars().count() < 4 || !spelt_alike(word, part) {
                continue;
            }
            match found {
                Some((id, _)) if id != &person.id => return None,
                Some(_) => {}
                None => found = Some((&person.id, part)),
            }
        }
    }
    found
}

/// What the reviewer can do with a possible name the residual scan
/// replaced by a placeholder, for `foresight check`: add it to the other
/// names of the person it is spelt like, or add the person it names.
pub fn suggestion(review: &Review, words: &str) -> String {
    match spelt_like(review, words) {
        Some((id, part)) => format!(
            "spelt like {id}'s name \"{part}\": add it to {id}'s other names to use their pseudonym (foresight cast FILE --add-name \"{id}={words}\")"
        ),
        None => format!(
            "if it names someone in the case, add them to the cast to name them by role (foresight cast FILE --add-person \"{words}\" --role ROLE)"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Person;

    #[test]
    fn spellings_of_one_name_are_alike_and_other_names_are_not() {
        for (a, b) in [
            ("Ceris", "Cerys"),
            ("Muhammad", "Mohammed"),
            ("Mohamed", "Mohammed"),
            ("Wisniewska", "Wiśniewska"),
            ("Siobhan", "Siobhán"),
            ("Nathanial", "Nathaniel"),
            ("Kayden", "Kaden"),
            ("Szymanska", "Szymańska"),
        ] {
            assert!(spelt_alike(a, b), "{a} {b}");
        }
        for (a, b) in [
            ("Kerry", "Terry"),
            ("Martin", "Morgan"),
            ("Siobhan", "Shevaun"),
            ("Amy", "Ami"),
            ("Brennan", "Brannigan"),
            ("Karen", "Kieran"),
        ] {
            assert!(!spelt_alike(a, b), "{a} {b}");
        }
    }

    #[test]
    fn the_one_person_a_spelling_belongs_to() {
        let person = |id: &str, name: &str| Person {
            id: id.into(),
            name: name.into(),
            ..Default::default()
        };
        let review = Review {
            people: vec![
                person("P1", "Cerys Mensah-Jones"),
                person("P2", "Mohammed Iqbal"),
                person("P3", "Marian Kerr"),
                person("P4", "Marion Kerr"),
            ],
            ..Default::default()
        };
        assert_eq!(
            spelt_like(&review, "Ceris").map(|(id, _)| id.as_str()),
            Some("P1")
        );
        assert_eq!(
            spelt_like(&review, "Muhammad's").map(|(id, part)| (id.as_str(), part)),
            Some(("P2", "Mohammed"))
        );
        // Spelt like two people's names: no one's.
        assert_eq!(spelt_like(&review, "Marien"), None);
        assert_eq!(spelt_like(&review, "Hughes"), None);
    }
}
