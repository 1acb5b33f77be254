//! Is this occurrence a name, an ordinary word, or can't we tell?
//!
//! Names that are also words (Rose, Will, Hope, Mark, Grace, Summer, Bill)
//! are read from how they are written and the words around them: "concerns
//! rose" and "will visit" are words; "Rose said", "with Grace" and "Mr
//! Bill" are names; "Will visit again" at the start of a note is the verb;
//! "Mark on left cheek" at the start of a sentence could be either, so it
//! is replaced to be safe and flagged for the reviewer. Forms that are not
//! words (Kilbride, Ashworth) are always names.

use std::sync::LazyLock;

use regex::Regex;

use super::text::{Case, case_of, sentence_around, starts_sentence, word_after, word_before};
use super::words::{
    AFTER_MODAL, AFTER_SEASON, BEFORE_DATE, MODALS, MONTH_NAMES, SEASONS, STRONG_NAME_VERBS,
    WEAK_NAME_VERBS,
};

/// What an occurrence is judged to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    /// A name: replaced.
    Name,
    /// An ordinary word: left as it is.
    Word,
    /// Could be either: replaced to be safe, and flagged for the reviewer.
    Ambiguous,
}

/// Facts about the whole field that change how words are read.
#[derive(Debug, Clone, Copy, Default)]
pub struct FieldFacts {
    /// The field is typed all in lower case ("spoke to rose re concerns").
    pub lower_case_typed: bool,
}

impl FieldFacts {
    /// The facts of a field's text.
    pub fn of(text: &str) -> FieldFacts {
        // One capital letter is enough to tell; so is a placeholder in
        // square brackets, which stands where a name with capitals was (the
        // leak check reads text anonymisation wrote, and must judge it as
        // anonymisation judged the original).
        let mut letters = 0usize;
        for c in text.chars().filter(|&c| c.is_alphabetic() || c == '[') {
            if c.is_uppercase() || c == '[' {
                return FieldFacts::default();
            }
            letters += 1;
        }
        FieldFacts {
            lower_case_typed: letters >= 20,
        }
    }
}

/// True when `text[start..end]` is one initial ("E.") of an author in a
/// citation of published work: after "Surname, " and followed, through
/// any further authors, by the year in brackets ("Munro, E. (2011)",
/// "Fish, S., Munro, E. and Bairstow, S. (2008)", "Brandon, M. and
/// others (2020)").
pub fn is_cited_initial(text: &str, start: usize, end: usize) -> bool {
    static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::compile(r"\p{Lu}[\p{L}'’-]+,\s$").expect("a valid pattern")
    });
    static AFTER: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::compile(
            r"^(?:,?\s(?:and\s|&\s)?\p{Lu}[\p{L}'’-]+,\s\p{Lu}\.(?:\s?\p{Lu}\.)*)*,?\s(?:and\s(?:others|colleagues)\s|et\sal\.?,?\s)?\((?:19|20)\d\d[a-z]?\)",
        )
        .expect("a valid pattern")
    });
    let word = &text[start..end];
    let mut letters = word.chars();
    let initial = matches!(
        (letters.next(), letters.next(), letters.next()),
        (Some(l), Some('.'), None) if l.is_uppercase()
    );
    if !initial {
        return false;
    }
    let from = text[..start]
        .char_indices()
        .rev()
        .nth(60)
        .map_or(0, |(i, _)| i);
    let to = text[end..]
        .char_indices()
        .nth(200)
        .map_or(text.len(), |(i, _)| end + i);
    BEFORE.is_match(&text[from..start]) && AFTER.is_match(&text[end..to])
}

/// True when the one word at `start..end` of `text` lies inside a longer
/// fixed term of the field ("Seat Leon", "Amazing Grace", "Storm Ciara",
/// "Clare's Law"): the term names a thing, whoever in the case shares the
/// word.
pub(super) fn in_a_longer_fixed_term(text: &str, start: usize, end: usize) -> bool {
    !text[start..end].contains(char::is_whitespace) && in_fixed_term(text, start, end, true)
}

/// True when `start..end` of `text` lies inside a fixed term of the field
/// that starts there or up to four words before ("Moses basket", "the
/// angel Gabriel", "Seat Leon"); with `longer`, only a term that holds
/// more than `start..end`.
pub(super) fn in_fixed_term(text: &str, start: usize, end: usize, longer: bool) -> bool {
    fixed_terms_back(text, start)
        .any(|(at, term_end)| term_end >= end && (!longer || at < start || term_end > end))
}

/// The fixed terms of the field that start at `start` or up to four words
/// before it, each as (its start, its end), nearest first.
pub(super) fn fixed_terms_back(
    text: &str,
    start: usize,
) -> impl Iterator<Item = (usize, usize)> + '_ {
    let lists = super::lists::field_lists();
    std::iter::successors(Some(start), move |&at| {
        word_before(text, at).map(|(before, _)| before)
    })
    .take(5)
    .filter_map(move |at| lists.fixed_term_end(text, at).map(|end| (at, end)))
}

/// Judges a name stretch `start..end` of `text` (where `name_start` is the
/// start of the name after any title), written with a form that is, or is
/// not, also an ordinary word. Returns the class and the reason.
pub fn classify(
    text: &str,
    name_start: usize,
    end: usize,
    after_title: bool,
    word_like: bool,
    facts: FieldFacts,
) -> (Class, &'static str) {
    if after_title {
        return (Class::Name, "after a title");
    }
    if is_cited_initial(text, name_start, end) {
        return (Class::Word, "an author's initial in a citation");
    }
    if in_a_longer_fixed_term(text, name_start, end) {
        return (
            Class::Word,
            "a word of a fixed term of the field (a brand, a law, a festival)",
        );
    }
    if !word_like {
        return (Class::Name, "a name that is not an ordinary word");
    }
    let word = &text[name_start..end];
    let first = word
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    let first = first.as_str();
    let next_word = word_after(text, end);
    let next = next_word.map(str::to_lowercase).unwrap_or_default();
    let previous = word_before(text, name_start)
        .map(|(_, w)| w.to_lowercase())
        .unwrap_or_default();
    let number = |w: &str| {
        let w = w.trim_end_matches(|c: char| c.is_alphabetic());
        !w.is_empty() && w.chars().all(|c| c.is_ascii_digit())
    };
    let several = word.split_whitespace().count() > 1;
    if several
        && word
            .split_whitespace()
            .all(|t| matches!(case_of(t), Case::Capitalised | Case::Upper))
    {
        return (Class::Name, "a full name");
    }
    match case_of(word) {
        Case::Lower => {
            return if facts.lower_case_typed {
                (
                    Class::Ambiguous,
                    "the record is typed in lower case, so a name may look like a word",
                )
            } else {
                (Class::Word, "written in lower case: an ordinary word")
            };
        }
        Case::Upper => {
            let sentence = sentence_around(text, name_start, end);
            let letters = sentence.chars().filter(|c| c.is_alphabetic()).count();
            let upper = sentence.chars().filter(|c| c.is_uppercase()).count();
            return if letters >= 10 && upper * 10 >= letters * 7 {
                (
                    Class::Ambiguous,
                    "the sentence is in capitals, so a word may look like a name",
                )
            } else {
                (Class::Name, "in capitals inside ordinary text")
            };
        }
        Case::Capitalised | Case::Mixed => {}
    }
    // "Autumn's account", "April 9.2kg": a month or season does not own
    // things, nor weigh anything.
    let rest = &text[end..];
    if rest.starts_with("'s") || rest.starts_with("’s") {
        return (Class::Name, "followed by a possessive");
    }
    // "father of Summer", "Hope's sister": a relation of someone is a person.
    if previous == "of"
        && let Some((at, _)) = word_before(text, name_start)
        && word_before(text, at).is_some_and(|(_, w)| is_relation(&w.to_lowercase()))
    {
        return (Class::Name, "the relation of someone (\"father of\")");
    }
    let measured = measurement_after(text, end);
    let number = |w: &str| !measured && number(w);
    if MONTH_NAMES.contains(&first)
        && (number(&next) || number(&previous) || BEFORE_DATE.contains(&previous.as_str()))
    {
        return (Class::Word, "a month");
    }
    // "Summer 2022" is a season; "Summer 28/11/2022" a name and a date.
    let day_after = {
        let rest = text[end..].trim_start_matches(' ').as_bytes();
        let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        digits > 0
            && rest
                .get(digits)
                .is_some_and(|&b| matches!(b, b'/' | b'.' | b'-'))
            && rest.get(digits + 1).is_some_and(u8::is_ascii_digit)
    };
    // "looks after Summer", "cares for Autumn": a person is looked after.
    let cared_for = matches!(previous.as_str(), "after" | "for")
        && word_before(text, name_start)
            .and_then(|(at, _)| word_before(text, at))
            .is_some_and(|(_, verb)| {
                let verb = verb.to_lowercase();
                [
                    "look", "looks", "looked", "looking", "care", "cares", "cared", "caring",
                ]
                .contains(&verb.as_str())
            });
    if SEASONS.contains(&first)
        && !cared_for
        && (AFTER_SEASON.contains(&next.as_str())
            // "Summer 2022" (a year), not "Summer 4" (an age).
            || (number(&next) && !day_after && next.len() >= 4)
            || BEFORE_DATE.contains(&previous.as_str()))
    {
        return (Class::Word, "a season");
    }
    if !starts_sentence(text, name_start) {
        let sentence = sentence_around(text, name_start, end);
        return if title_case(sentence, word) {
            (
                Class::Ambiguous,
                "in a title written in capitals, where words and names look alike",
            )
        } else {
            (Class::Name, "capitalised inside a sentence")
        };
    }
    // At the start of a sentence, capitals say nothing: the next word has to.
    if measured {
        return (Class::Name, "followed by a measurement");
    }
    if next_word.is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase)) {
        return (Class::Name, "followed by another capitalised name");
    }
    // "Knowledge of the arrangement: …", "Patience of a saint": a noun
    // before "of" that opens a sentence; a person is rarely written so.
    if next == "of" && !several {
        return (
            Class::Word,
            "a noun before \"of\" at the start of a sentence",
        );
    }
    if MODALS.contains(&first) && !next.is_empty() {
        if STRONG_NAME_VERBS.contains(&next.as_str()) {
            return (Class::Name, "followed by a verb of its own");
        }
        if WEAK_NAME_VERBS.contains(&next.as_str()) {
            return (
                Class::Ambiguous,
                "at the start of a sentence, followed by a word that fits a person or a thing",
            );
        }
        let past = next.ends_with("ed") && !AFTER_MODAL.contains(&next.as_str());
        let third_person = next.ends_with('s')
            && !next.ends_with("ss")
            && next.len() > 3
            && !AFTER_MODAL.contains(&next.as_str());
        if past || third_person {
            return (Class::Name, "followed by a verb of its own");
        }
        return (Class::Word, "a verb here (\"Will visit\")");
    }
    if STRONG_NAME_VERBS.contains(&next.as_str()) {
        return (Class::Name, "followed by a verb that needs a person");
    }
    if WEAK_NAME_VERBS.contains(&next.as_str()) {
        return (
            Class::Ambiguous,
            "at the start of a sentence, followed by a word that fits a person or a thing",
        );
    }
    (
        Class::Ambiguous,
        "at the start of a sentence, where a word and a name look alike",
    )
}

/// True when a lower-case word names a relation of someone ("father",
/// "sister", "carer"), so that "father of Summer" names a person.
fn is_relation(word: &str) -> bool {
    matches!(
        word.trim_end_matches("'s").trim_end_matches('s'),
        "father"
            | "mother"
            | "mum"
            | "dad"
            | "parent"
            | "carer"
            | "sister"
            | "brother"
            | "sibling"
            | "son"
            | "daughter"
            | "grandmother"
            | "grandfather"
            | "grandparent"
            | "nan"
            | "aunt"
            | "uncle"
            | "cousin"
            | "partner"
            | "friend"
            | "child"
            | "children"
            | "stepfather"
            | "stepmother"
            | "guardian"
    )
}

/// Units of measurements in records (weights, lengths, doses, centiles).
const UNITS: &[&str] = &[
    "kg",
    "kgs",
    "g",
    "lb",
    "lbs",
    "oz",
    "st",
    "cm",
    "mm",
    "m",
    "ml",
    "l",
    "mg",
    "mcg",
    "µg",
    "ug",
    "mls",
    "km",
    "ppm",
    "mmol",
    "mmhg",
    "kcal",
    "mah",
    "iu",
    "kilos",
    "grams",
    "pounds",
    "ounces",
    "stone",
    "centile",
    "percentile",
    "%",
];

/// True when a word (lower case) is a unit of measurement ("kg", "ppm").
pub(crate) fn is_unit(lower: &str) -> bool {
    UNITS.contains(&lower)
}

/// True when a number with a unit or a decimal point follows `at`
/// ("9.2kg", "12 kg", "75th centile"): a measurement, not a date.
pub(crate) fn measurement_after(text: &str, at: usize) -> bool {
    let tail = text[at..].trim_start_matches([' ', ':', '-']);
    let digits = tail.len() - tail.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 {
        return false;
    }
    let mut rest = &tail[digits..];
    if let Some(after) = rest.strip_prefix(['.', ',']) {
        let decimals = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if decimals > 0 {
            return true;
        }
    }
    rest = rest.trim_start_matches(' ');
    let unit_len = rest
        .find(|c: char| !(c.is_alphabetic() || c == '%'))
        .unwrap_or(rest.len());
    let unit = rest[..unit_len].to_ascii_lowercase();
    UNITS.contains(&unit.as_str())
}

/// Nearly all the longer words of the sentence, besides the name itself,
/// are capitalised: a heading or title.
fn title_case(sentence: &str, name: &str) -> bool {
    let name_words: Vec<&str> = name.split_whitespace().collect();
    let long: Vec<&str> = sentence
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 4 && !name_words.contains(w))
        .collect();
    let capitalised = long
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    long.len() >= 3 && capitalised * 10 >= long.len() * 8
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judge(text: &str, word: &str) -> Class {
        let start = text.find(word).unwrap();
        classify(
            text,
            start,
            start + word.len(),
            false,
            true,
            FieldFacts::of(text),
        )
        .0
    }

    #[test]
    fn ordinary_words_stay_words() {
        assert_eq!(judge("Concerns rose over the summer.", "rose"), Class::Word);
        assert_eq!(judge("HV will visit next week.", "will"), Class::Word);
        assert_eq!(judge("Unpaid gas bill noted.", "bill"), Class::Word);
        assert_eq!(judge("Will visit again on Tuesday.", "Will"), Class::Word);
        assert_eq!(judge("Summer holidays began.", "Summer"), Class::Word);
        assert_eq!(judge("Seen in May 2021.", "May"), Class::Word);
        assert_eq!(judge("Seen on 3 May.", "May"), Class::Word);
        assert_eq!(judge("Back in the Summer term.", "Summer"), Class::Word);
        assert_eq!(judge("Will not attend.", "Will"), Class::Word);
        assert_eq!(
            judge("Seen. Knowledge of the plan was poor.", "Knowledge"),
            Class::Word
        );
        assert_eq!(judge("Patience of a saint.", "Patience"), Class::Word);
    }

    #[test]
    fn names_are_names() {
        assert_eq!(
            judge("Mother's partner, father of Summer.", "Summer"),
            Class::Name
        );
        assert_ne!(
            judge("Seen. Summer 28/11/2022 at home.", "Summer"),
            Class::Word
        );
        assert_eq!(judge("Seen. Summer 2022 was hard.", "Summer"), Class::Word);
        assert_eq!(judge("The end of Summer came.", "Summer"), Class::Word);
        assert_eq!(judge("Seen with Rose at home.", "Rose"), Class::Name);
        assert_eq!(judge("Grace visited Rose.", "Rose"), Class::Name);
        assert_eq!(
            judge("Then Will Summer may collect Rose.", "Rose"),
            Class::Name
        );
        assert_eq!(judge("Rose said she was fine.", "Rose"), Class::Name);
        assert_eq!(judge("Will visited his nan.", "Will"), Class::Name);
        assert_eq!(judge("Grace's mother rang.", "Grace"), Class::Name);
        assert_eq!(judge("Hope Kettle attended.", "Hope"), Class::Name);
        assert_eq!(judge("Spoke to ROSE about it.", "ROSE"), Class::Name);
        assert_eq!(judge("Seen: April said no.", "April"), Class::Name);
        assert_eq!(
            judge("Then; Will Summer may collect.", "Will Summer"),
            Class::Name
        );
        assert_eq!(
            judge("WILL SUMMER LOCATED HER.", "WILL SUMMER"),
            Class::Name
        );
    }

    #[test]
    fn doubtful_cases_are_flagged() {
        assert_eq!(judge("Mark on left cheek.", "Mark"), Class::Ambiguous);
        assert_eq!(judge("Mark was visible.", "Mark"), Class::Ambiguous);
        assert_eq!(
            judge("spoke to rose and her mum about the school run", "rose"),
            Class::Ambiguous
        );
        assert_eq!(
            judge("ROSE WAS SEEN AT HOME TODAY", "ROSE"),
            Class::Ambiguous
        );
        assert_eq!(
            judge("Report Of The Hope Review Group", "Hope"),
            Class::Ambiguous
        );
    }
}

#[cfg(test)]
mod citation_tests {
    use super::is_cited_initial;

    fn cited(text: &str, initial: &str, nth: usize) -> bool {
        let start = text.match_indices(initial).nth(nth).unwrap().0;
        is_cited_initial(text, start, start + initial.len())
    }

    #[test]
    fn an_authors_initial_in_a_citation_is_not_a_name() {
        let fish = "Fish, S., Munro, E. and Bairstow, S. (2008) Learning together.";
        assert!(cited(fish, "S.", 0));
        assert!(cited(fish, "E.", 0));
        assert!(cited(fish, "S.", 1));
        assert!(cited("Brandon, M. and others (2020) Complexity.", "M.", 0));
        assert!(cited(
            "Dingwall, R., Eekelaar, J. and Murray, T. (1983)",
            "T.",
            0
        ));
        assert!(cited("as Munro, E. (2011) argued", "E.", 0));
    }

    #[test]
    fn an_initial_outside_a_citation_is_still_a_name() {
        assert!(!cited("Seen by Barker, S. at the clinic.", "S.", 0));
        assert!(!cited("Barker, S. (2008 notes) said", "S.", 0));
        assert!(!cited("S. Barker (2008) said", "S.", 0));
        assert!(!cited("Referral from Quinn, R. (police).", "R.", 0));
        assert!(!cited("Munro, Ed. (2011)", "Ed.", 0));
    }
}
