//! Finding the cast's names in a text with Aho-Corasick automata, searched
//! once per text.
//!
//! The automata hold the first word of every written variant of every form
//! (one that ignores ASCII case, one for initials and short capitals, which
//! match only in their own case). Each first word found as a whole word is
//! then checked against the few variants that begin with it. The search
//! reports overlapping matches, so that a longer form failing at a word
//! boundary ("Jo Pen" in "Jo Penny") never hides a shorter one that holds
//! ("Jo"). Overlapping matches are merged into one stretch, so no part of
//! any name is left behind. A title or first initial before a surname
//! ("Mr Kilbride", "D. O'Neill") joins the stretch.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::forms::{Form, Forms};
use super::text::{char_at, char_before, is_whole, word_before};
use super::words;

/// The cast's names, ready to search for.
#[derive(Debug, Clone)]
pub struct NameMatcher {
    /// The forms searched for.
    pub forms: Vec<Form>,
    /// First words of the patterns matched in any case.
    any_case: Words,
    /// First words of the patterns matched only in their own case
    /// (initials, short capitals), apart so that "MA" does not stop at
    /// every "made".
    own_case: Words,
    /// For each pattern: its text and the form it stands for.
    patterns: Vec<(String, usize)>,
}

/// An automaton over first words, and what starts with each.
#[derive(Debug, Clone, Default)]
struct Words {
    automaton: Option<AhoCorasick>,
    /// For each word: the patterns that start with it.
    starting_with: Vec<Vec<usize>>,
}

impl Words {
    fn new(patterns: &[(String, usize)], which: impl Fn(usize) -> bool, any_case: bool) -> Words {
        let mut words: Vec<String> = Vec::new();
        let mut index = std::collections::HashMap::new();
        let mut starting_with: Vec<Vec<usize>> = Vec::new();
        for (i, (pattern, form)) in patterns.iter().enumerate() {
            if !which(*form) {
                continue;
            }
            let word = first_word(pattern);
            let key = if any_case {
                word.to_ascii_lowercase()
            } else {
                word.to_string()
            };
            let w = *index.entry(key.clone()).or_insert_with(|| {
                words.push(key);
                starting_with.push(Vec::new());
                words.len() - 1
            });
            starting_with[w].push(i);
        }
        let automaton = (!words.is_empty()).then(|| {
            let build = |kind| {
                AhoCorasick::builder()
                    .ascii_case_insensitive(any_case)
                    .match_kind(MatchKind::Standard)
                    .kind(kind)
                    .build(&words)
            };
            // Building fails only when the automaton would exceed its
            // size limits, which no cast comes near.
            build(Some(AhoCorasickKind::DFA))
                .or_else(|_| build(None))
                .expect("the name automaton builds")
        });
        Words {
            automaton,
            starting_with,
        }
    }

    /// Every place a first word stands as a whole word: calls
    /// `found(start, word)` for each, in one pass over the text.
    fn find(&self, text: &str, mut found: impl FnMut(usize, usize)) {
        let Some(automaton) = &self.automaton else {
            return;
        };
        for m in automaton.find_overlapping_iter(text) {
            let (start, end) = (m.start(), m.end());
            if text.is_char_boundary(start)
                && text.is_char_boundary(end)
                && is_whole(text, start, end)
            {
                found(start, m.pattern().as_usize());
            }
        }
    }
}

/// A stretch of text that is (or may be) a cast name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameHit {
    /// Start, including a title or initial taken in.
    pub start: usize,
    /// Where the name itself starts (after any title or initial).
    pub name_start: usize,
    /// End (exclusive).
    pub end: usize,
    /// The longest form found here.
    pub form: usize,
    /// Every form found in the stretch.
    pub forms: Vec<usize>,
    /// A title stands before the name.
    pub after_title: bool,
}

/// The first word of a pattern: up to its first space or comma.
fn first_word(pattern: &str) -> &str {
    pattern.split([' ', ',']).next().unwrap_or(pattern)
}

impl NameMatcher {
    /// Builds the automata over the first word of every pattern.
    ///
    /// The automata hold each distinct first word once (a few thousand
    /// short words for a large cast), so they stay small enough to search
    /// fast; each word found is then checked against the few whole
    /// patterns that begin with it.
    pub fn new(forms: Forms) -> NameMatcher {
        let exact = |f: usize| forms.forms[f].exact_case;
        let any_case = Words::new(&forms.patterns, |f| !exact(f), true);
        let own_case = Words::new(&forms.patterns, exact, false);
        NameMatcher {
            forms: forms.forms,
            any_case,
            own_case,
            patterns: forms.patterns,
        }
    }

    /// True when there is nothing to search for.
    pub fn is_empty(&self) -> bool {
        self.any_case.automaton.is_none() && self.own_case.automaton.is_none()
    }

    /// Every stretch of `text` that holds a cast name, in text order,
    /// never overlapping.
    pub fn find(&self, text: &str) -> Vec<NameHit> {
        let bytes = text.as_bytes();
        let mut raw: Vec<(usize, usize, usize)> = Vec::new();
        for words in [&self.any_case, &self.own_case] {
            words.find(text, |start, word| {
                for &p in &words.starting_with[word] {
                    let (pattern, form_index) = &self.patterns[p];
                    let end = start + pattern.len();
                    if end > bytes.len()
                        || !text.is_char_boundary(end)
                        || !bytes[start..end].eq_ignore_ascii_case(pattern.as_bytes())
                        || !is_whole(text, start, end)
                    {
                        continue;
                    }
                    let form = &self.forms[*form_index];
                    if form.exact_case && &text[start..end] != pattern {
                        continue;
                    }
                    if form.exact_case
                        && pattern.contains('.')
                        && !initials_stand_alone(text, start, end)
                    {
                        continue;
                    }
                    // "K.S.J. and…": the last dot of dotted initials belongs
                    // to them unless it ends the sentence.
                    let mut end = end;
                    if form.exact_case && pattern.contains('.') && text[end..].starts_with('.') {
                        let next = text[end + 1..].trim_start_matches(' ').chars().next();
                        if next
                            .is_some_and(|c| c.is_lowercase() || matches!(c, ',' | ';' | ')' | ':'))
                        {
                            end += 1;
                        }
                    }
                    raw.push((start, end, *form_index));
                }
            });
        }
        raw.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
        let mut hits: Vec<NameHit> = Vec::new();
        for (start, end, form) in raw {
            if let Some(last) = hits.last_mut()
                && start < last.end
            {
                if end > last.end {
                    last.end = end;
                }
                if !last.forms.contains(&form) {
                    last.forms.push(form);
                }
                continue;
            }
            hits.push(NameHit {
                start,
                name_start: start,
                end,
                form,
                forms: vec![form],
                after_title: false,
            });
        }
        for hit in &mut hits {
            self.take_in_title_or_initials(text, hit);
        }
        // Taking in a title may make two stretches touch ("Mr Kettle" after
        // "Rose"): that is fine, they stay apart; they never overlap, as a
        // title is not itself a name.
        hits
    }

    /// Extends a hit backwards over "Mr ", "Dr. ", "D. ", "M.J. ".
    fn take_in_title_or_initials(&self, text: &str, hit: &mut NameHit) {
        let surname = hit.forms.iter().any(|&f| self.forms[f].surname);
        for _ in 0..3 {
            let Some((word_start, word)) = word_before(text, hit.start) else {
                return;
            };
            let between = &text[word_start + word.len()..hit.start];
            let dotted = between.starts_with('.');
            let gap = between.trim_start_matches('.');
            if !(gap == " " || gap.is_empty() && dotted) {
                return;
            }
            let capitalised = text[hit.name_start..].starts_with(char::is_uppercase);
            if words::is_title(word) && capitalised {
                hit.start = word_start;
                hit.after_title = true;
                continue;
            }
            let single = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
            let initials = word.split('.').all(|p| {
                p.is_empty() || p.chars().count() == 1 && p.chars().all(char::is_uppercase)
            }) && word.contains('.');
            if surname && ((single && (dotted || !matches!(word, "A" | "I"))) || initials) {
                hit.start = word_start;
                continue;
            }
            return;
        }
    }
}

/// Dotted initials must not sit inside a longer dotted run ("p.m.",
/// "M.J.A." when searching "J.A").
fn initials_stand_alone(text: &str, start: usize, end: usize) -> bool {
    if char_before(text, start) == Some('.') {
        return false;
    }
    let mut after = text[end..].chars();
    if after.next() == Some('.')
        && let (Some(a), Some(b)) = (after.next(), after.next())
        && a.is_alphabetic()
        && b == '.'
    {
        return false;
    }
    !char_at(text, end).is_some_and(|c| c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anonymise::forms::cast_forms;
    use crate::model::{Id, Person, Review};

    fn matcher(names: &[(&str, &[&str])]) -> NameMatcher {
        let mut review = Review::new("t");
        for (i, (name, aliases)) in names.iter().enumerate() {
            review.people.push(Person {
                id: Id(format!("P{}", i + 1)),
                name: name.to_string(),
                aliases: aliases.iter().map(|a| a.to_string()).collect(),
                ..Default::default()
            });
        }
        NameMatcher::new(cast_forms(&review, &[]))
    }

    /// What is found, as it is written in the original text.
    fn found<'a>(m: &NameMatcher, text: &'a str) -> Vec<&'a str> {
        let view = crate::anonymise::text::View::new(text);
        m.find(&view.text)
            .iter()
            .map(|h| &text[view.start_in_original(h.start)..view.end_in_original(h.end)])
            .collect()
    }

    #[test]
    fn whole_words_only_and_overlaps_merge() {
        let m = matcher(&[("Jo Pennington", &[]), ("Dean Kilbride", &[])]);
        assert_eq!(found(&m, "Jo Penny and Jolene"), vec!["Jo"]);
        assert_eq!(found(&m, "JO PENNINGTON's note"), vec!["JO PENNINGTON"]);
        assert_eq!(
            found(&m, "Mr. Kilbride and D. Kilbride and DK, dk"),
            vec!["Mr. Kilbride", "D. Kilbride", "DK"]
        );
        assert_eq!(found(&m, "PENNINGTON, Jo was seen"), vec!["PENNINGTON, Jo"]);
    }

    #[test]
    fn initials_in_their_own_case_and_not_inside_other_abbreviations() {
        let m = matcher(&[("Kyle Samuel Jones", &[])]);
        assert_eq!(
            found(
                &m,
                "K.S.J. and KSJ and K. S. J. but not ksj. Seen by K.S.J."
            ),
            vec!["K.S.J.", "KSJ", "K. S. J.", "K.S.J"]
        );
        assert!(found(&m, "x.K.S.J.y").is_empty());
    }

    #[test]
    fn diacritics_apostrophes_and_case_beyond_ascii() {
        let m = matcher(&[("Zoë O'Neill", &[]), ("Łukasz Nowak", &[])]);
        assert_eq!(
            found(&m, "ZOË, Zoe, zoë, O’Neill’s, ONEILL, Lukasz, ŁUKASZ"),
            vec!["ZOË", "Zoe", "zoë", "O’Neill", "ONEILL", "Lukasz", "ŁUKASZ"]
        );
    }
}
