//! Lexicon patterns: written as words with alternatives (`did|does`),
//! inflections (`fail~` for fail, fails, failed, failing) and short gaps
//! (`_` for up to three words, `__` for up to six), and matched against the
//! words of a passage within one clause. Two marks reach further: `^`
//! first says the match starts a sentence, and `___` is any number of
//! words (up to 60) on to the end of the sentence, across its commas ("^ had ___
//! would" finds "Had the GP referred, and had social care acted, Arthur
//! would be alive").

use super::text::{Word, normalise};

/// The longest gap `_` stands for.
const SHORT_GAP: usize = 3;
/// The longest gap `__` stands for.
const LONG_GAP: usize = 6;
/// The longest gap `___` (the rest of the sentence) stands for: longer
/// than almost any sentence, and a bound on the work a passage with no
/// full stop can cost.
const SENTENCE_GAP: usize = 60;

/// One step of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    /// One word, in any of these forms.
    Word(Vec<String>),
    /// Up to this many words of anything.
    Gap(usize),
    /// Any number of words within the sentence, across clauses.
    RestOfSentence,
}

/// A compiled pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Pattern {
    steps: Vec<Step>,
    /// The match must start a sentence (`^`).
    sentence_start: bool,
}

/// The clause a step may match in, once a `___` gap has let the match
/// leave its first clause.
const ANY_CLAUSE: u32 = u32::MAX;

/// Endings a word written `stem~` may take. Over-generation is harmless:
/// the extra forms are not English words and never occur in text.
const ENDINGS: &[&str] = &[
    "", "s", "es", "e", "ed", "d", "ing", "ly", "y", "ies", "ied", "ily", "ying", "le", "ility",
    "t", "ce", "cy", "ion", "ive", "al", "ement", "ness",
];

/// The forms of a word written `stem~`: the stem with the endings of
/// English plurals, tenses, participles and `-ly` adverbs. The stem may be
/// a whole word (`fail~`, `ignore~`, `opportunity~`) or cut short
/// (`ignor~`, `inevitabl~`). Irregular forms are written as alternatives
/// (`lose|lost`).
pub(crate) fn inflections(stem: &str) -> Vec<String> {
    let mut stems = vec![stem.to_string()];
    let chars: Vec<char> = stem.chars().collect();
    let n = chars.len();
    let vowel = |c: char| "aeiou".contains(c);
    if let Some(cut) = stem.strip_suffix('e') {
        stems.push(cut.to_string()); // ignore → ignoring, inevitable → inevitably
    }
    if n >= 2 && chars[n - 1] == 'y' && !vowel(chars[n - 2]) {
        stems.push(stem[..stem.len() - 1].to_string()); // identify → identified
    }
    if n >= 3
        && !vowel(chars[n - 1])
        && !"wxy".contains(chars[n - 1])
        && vowel(chars[n - 2])
        && !vowel(chars[n - 3])
    {
        stems.push(format!("{stem}{}", chars[n - 1])); // omit → omitted
    }
    let mut forms: Vec<String> = stems
        .iter()
        .flat_map(|s| ENDINGS.iter().map(move |e| format!("{s}{e}")))
        .collect();
    forms.sort();
    forms.dedup();
    forms
}

/// The forms of a noun written `noun~`: singular and plural only, so that
/// "record~" does not also stand for the verb "recorded".
pub(crate) fn plurals(noun: &str) -> Vec<String> {
    let mut forms = vec![noun.to_string(), format!("{noun}s"), format!("{noun}es")];
    if let Some(stem) = noun.strip_suffix('y') {
        forms.push(format!("{stem}ies"));
    }
    if let Some(stem) = noun.strip_suffix("fe") {
        forms.push(format!("{stem}ves"));
    }
    forms
}

impl Pattern {
    /// Compiles a pattern, or says what is wrong with it.
    pub(crate) fn parse(text: &str) -> Result<Pattern, String> {
        let mut steps = Vec::new();
        let mut sentence_start = false;
        for (k, part) in text.split_whitespace().enumerate() {
            if part == "^" {
                if k > 0 {
                    return Err("`^` (the start of a sentence) can only come first".into());
                }
                sentence_start = true;
                continue;
            }
            if part.chars().all(|c| c == '_') {
                steps.push(match part.len() {
                    1 => Step::Gap(SHORT_GAP),
                    2 => Step::Gap(LONG_GAP),
                    3 => Step::RestOfSentence,
                    _ => return Err(format!("`{part}`: a gap is `_`, `__` or `___`")),
                });
                continue;
            }
            let mut forms = Vec::new();
            for alternative in part.split('|') {
                let alternative = normalise(alternative);
                if alternative.is_empty() || alternative == "~" {
                    return Err(format!("`{part}` has an empty alternative"));
                }
                match alternative.strip_suffix('~') {
                    Some(lemma) => forms.extend(inflections(lemma)),
                    None => forms.push(alternative),
                }
            }
            forms.sort();
            forms.dedup();
            steps.push(Step::Word(forms));
        }
        match (steps.first(), steps.last()) {
            (None, _) => Err("the pattern is empty".into()),
            (Some(Step::Gap(_) | Step::RestOfSentence), _)
            | (_, Some(Step::Gap(_) | Step::RestOfSentence)) => {
                Err("a pattern cannot start or end with a gap (_)".into())
            }
            _ => Ok(Pattern {
                steps,
                sentence_start,
            }),
        }
    }

    /// The forms the first word may take (for indexing).
    pub(crate) fn first_forms(&self) -> &[String] {
        match &self.steps[0] {
            Step::Word(forms) => forms,
            Step::Gap(_) | Step::RestOfSentence => &[],
        }
    }

    /// Matches the pattern starting at word `start`; returns the index of
    /// its last word. A match never crosses a clause boundary, though it
    /// reads through quotation marks (see [`Word::run`]).
    pub(crate) fn match_at(&self, words: &[Word], start: usize) -> Option<usize> {
        let word = words.get(start)?;
        if self.sentence_start
            && start
                .checked_sub(1)
                .is_some_and(|before| words[before].sentence == word.sentence)
        {
            return None;
        }
        self.match_steps(0, words, start, word.run)
    }

    fn match_steps(&self, step: usize, words: &[Word], at: usize, clause: u32) -> Option<usize> {
        match &self.steps[step] {
            Step::Word(forms) => {
                let word = words
                    .get(at)
                    .filter(|w| clause == ANY_CLAUSE || w.run == clause)?;
                if !forms.contains(&word.norm) {
                    return None;
                }
                if step + 1 == self.steps.len() {
                    Some(at)
                } else {
                    self.match_steps(step + 1, words, at + 1, word.run)
                }
            }
            Step::RestOfSentence => {
                let sentence = words.get(at.checked_sub(1)?)?.sentence;
                (at..words.len().min(at + SENTENCE_GAP + 1))
                    .take_while(|&k| words[k].sentence == sentence)
                    .find_map(|k| self.match_steps(step + 1, words, k, ANY_CLAUSE))
            }
            Step::Gap(max) => (0..=*max).find_map(|skip| {
                let at = at + skip;
                if skip > 0
                    && words
                        .get(at - 1)
                        .is_none_or(|w| clause != ANY_CLAUSE && w.run != clause)
                {
                    return None;
                }
                self.match_steps(step + 1, words, at, clause)
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::text::words;
    use super::*;

    fn find(pattern: &str, text: &str) -> Option<String> {
        let pattern = Pattern::parse(pattern).unwrap();
        let words = words(text);
        (0..words.len()).find_map(|i| {
            pattern
                .match_at(&words, i)
                .map(|end| text[words[i].start..words[end].end].to_string())
        })
    }

    #[test]
    fn inflections_follow_english_spelling() {
        for (lemma, form) in [
            ("fail", "failed"),
            ("fail", "failing"),
            ("fail", "fails"),
            ("ignore", "ignored"),
            ("ignore", "ignoring"),
            ("opportunity", "opportunities"),
            ("omit", "omitted"),
            ("refer", "referred"),
            ("inevitable", "inevitably"),
            ("inappropriate", "inappropriately"),
            ("ignor", "ignore"),
            ("inevitabl", "inevitable"),
            ("identify", "identified"),
        ] {
            assert!(
                inflections(lemma).contains(&form.to_string()),
                "{lemma} → {form}"
            );
        }
    }

    #[test]
    fn alternatives_inflections_and_gaps_match() {
        assert_eq!(
            find("fail~ to", "She had failed to visit"),
            Some("failed to".into())
        );
        assert_eq!(find("fail~ to", "they fail to ask"), Some("fail to".into()));
        assert_eq!(
            find("miss~ _ opportunit~", "This missed a further opportunity."),
            Some("missed a further opportunity".into())
        );
        assert_eq!(
            find("did|does not ask", "She didn't ask"),
            Some("didn't ask".into())
        );
        assert_eq!(find("fail~ to", "failed, to"), None, "never across a comma");
        assert_eq!(
            find(
                "miss~ _ opportunit~",
                "missed one two three four opportunity"
            ),
            None
        );
    }

    #[test]
    fn malformed_patterns_are_refused() {
        assert!(Pattern::parse("").is_err());
        assert!(Pattern::parse("_ failed").is_err());
        assert!(Pattern::parse("failed _").is_err());
        assert!(Pattern::parse("did||not").is_err());
        assert!(Pattern::parse("had ^ would").is_err());
        assert!(Pattern::parse("had ____ would").is_err());
        assert!(Pattern::parse("^ ___ would").is_err());
    }

    #[test]
    fn a_sentence_start_and_the_rest_of_a_sentence() {
        assert_eq!(
            find(
                "^ had ___ would",
                "Had the GP referred, and had social care acted, he would be alive."
            ),
            Some("Had the GP referred, and had social care acted, he would".into())
        );
        assert_eq!(
            find("^ had ___ would", "She had left. It would rain."),
            None,
            "never into the next sentence"
        );
        assert_eq!(
            find(
                "^ had ___ would",
                "The GP said he had been told, and would refer."
            ),
            None,
            "only at the start of a sentence"
        );
        assert_eq!(
            find(
                "^ had ___ would",
                "Records show this. Had she known, she would have rung."
            ),
            Some("Had she known, she would".into())
        );
        assert_eq!(
            find("had ___ would", "He had seen her, and would come."),
            Some("had seen her, and would".into())
        );
    }
}
