//! Names listed with the cast's. A capitalised word that is an item of a
//! list beside a cast member's name ("children Precious (fostered
//! elsewhere), Testimony, Marvellous"; "Grace and Faith were seen") is
//! another person's name, though it is also a word and no gazetteer lists
//! it: a record lists people with people. The words a list of people may
//! hold that name no one (kinship words, the review's own pseudonyms and
//! roles, titles, public names, calendar words, the field's abbreviations
//! and services) are left alone.

use super::gazetteer::gazetteer;
use super::lists::field_lists;
use super::residual::Known;
use super::text::starts_sentence;
use super::words;

/// What separates the items of a list.
const SEPARATORS: [&str; 4] = [", and ", ", ", " and ", " & "];

/// What may follow the last item of a list of people: the end of a
/// clause, a bracket, or a verb of the people listed.
const AFTER_AN_ITEM: [&str; 11] = [
    ",", ".", ";", ":", ")", "!", "?", " (", " were ", " are ", " both ",
];

/// The stretches of `text` that are one-word names listed beside a cast
/// member's name, given the stretches of the cast members' names found in
/// it (`people`, in text order); `taken` says whether a stretch is already
/// found as something.
pub(super) fn names_listed_beside(
    text: &str,
    people: &[(usize, usize)],
    known: &Known,
    taken: impl Fn(usize, usize) -> bool,
) -> Vec<(usize, usize)> {
    // Each item found, and whether a cast name stands before it and
    // after it in the list.
    let mut items: Vec<((usize, usize), bool, bool)> = Vec::new();
    for &(start, end) in people {
        for (span, after_a_name) in [
            (item_after(text, end), true),
            (item_before(text, start), false),
        ] {
            let Some(span) = span else { continue };
            match items.iter_mut().find(|(s, _, _)| *s == span) {
                Some(item) if after_a_name => item.1 = true,
                Some(item) => item.2 = true,
                None => items.push((span, after_a_name, !after_a_name)),
            }
        }
    }
    let mut out: Vec<(usize, usize)> = items
        .into_iter()
        .filter(|&(span, after_a_name, before_a_name)| {
            !taken(span.0, span.1)
                && names_someone(text, span, known)
                // "Anjali (8), Words and Pictures": an ordinary word
                // beside one name is a word unless it is also a name; one
                // between two names is a name ("Precious, Testimony,
                // Marvellous").
                && ((after_a_name && before_a_name) || {
                    let lower = text[span.0..span.1].to_lowercase();
                    !words::is_word(&lower) || gazetteer().is_given_name_word(&lower)
                })
        })
        .map(|(span, _, _)| span)
        .collect();
    // "Testimony ("Tobi") ADEYEMI": a word before a cast member's name in
    // brackets, then their surname, is their given name.
    for pair in people.windows(2) {
        let ((start, end), (next, _)) = (pair[0], pair[1]);
        // Stretches found may overlap ("L. B. Bailey" and "Bailey").
        let Some(between) = text.get(end..next) else {
            continue;
        };
        if between.trim_start_matches(QUOTES) != ") " {
            continue;
        }
        let before = text[..start].trim_end_matches(QUOTES);
        if let Some(item_end) = before.strip_suffix(" (").map(str::len)
            && let Some(word_start) = word_start_before(text, item_end)
            && word_end(text, word_start) == Some(item_end)
            && !taken(word_start, item_end)
            && !out.contains(&(word_start, item_end))
            && !names_no_one(&text[word_start..item_end], known)
        {
            out.push((word_start, item_end));
        }
    }
    out.sort_unstable();
    out
}

/// Quotation marks around a nickname.
const QUOTES: [char; 6] = ['"', '\'', '“', '”', '‘', '’'];

/// Where the word of letters and hyphens that ends at `end` starts.
fn word_start_before(text: &str, end: usize) -> Option<usize> {
    text[..end]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphabetic() || c == '-')
        .last()
        .map(|(i, _)| i)
}

/// The one-word item after the name that ends at `end` ("Precious
/// (fostered), Testimony,"), if a list goes on after it.
fn item_after(text: &str, end: usize) -> Option<(usize, usize)> {
    let mut at = end;
    // "Precious (privately fostered elsewhere), Testimony": what the
    // bracket says of the name before the list goes on.
    if let Some(rest) = text[at..].strip_prefix(" (") {
        let close = rest
            .find(')')
            .filter(|&c| c <= 80 && !rest[..c].contains('('))?;
        at += 2 + close + 1;
    }
    let separator = SEPARATORS.iter().find(|s| text[at..].starts_with(**s))?;
    let start = at + separator.len();
    let word_end = word_end(text, start)?;
    let after = &text[word_end..];
    (after.is_empty()
        || AFTER_AN_ITEM.iter().any(|a| after.starts_with(a))
        || SEPARATORS.iter().any(|s| after.starts_with(s)))
    .then_some((start, word_end))
}

/// The one-word item before the name that starts at `start` ("Testimony,
/// Marvellous"; "Grace and Faith"), if a list leads to it.
fn item_before(text: &str, start: usize) -> Option<(usize, usize)> {
    let before = &text[..start];
    let separator = SEPARATORS.iter().find(|s| before.ends_with(**s))?;
    let item_end = start - separator.len();
    let word_start = word_start_before(text, item_end)?;
    // The item stands alone: the word before it is no part of its name.
    let lead = &text[..word_start];
    let alone = lead.is_empty()
        || SEPARATORS.iter().any(|s| lead.ends_with(s))
        || lead.ends_with(['(', ':'])
        || (lead.ends_with(' ')
            && super::text::word_before(text, word_start)
                .is_some_and(|(_, w)| w.starts_with(char::is_lowercase)));
    (alone && word_end(text, word_start) == Some(item_end)).then_some((word_start, item_end))
}

/// Where the capitalised word of letters that starts at `start` ends
/// ("Testimony", "Mary-Jane"), or `None` when none starts there.
fn word_end(text: &str, start: usize) -> Option<usize> {
    let rest = &text[start..];
    if !rest.starts_with(char::is_uppercase) {
        return None;
    }
    let len = rest
        .char_indices()
        .find(|&(i, c)| !(c.is_alphabetic() || (c == '-' && i > 0)))
        .map_or(rest.len(), |(i, _)| i);
    let word = rest[..len].trim_end_matches('-');
    // A name has small letters after its capital: "GP", "SW" and "A"
    // are no names here.
    (word.chars().count() >= 3 && word.chars().skip(1).all(char::is_lowercase))
        .then_some(start + word.len())
}

/// True when the listed word at `span` may be a person's name: it does
/// not start a sentence and is none of the words a list of people holds
/// that name no one.
fn names_someone(text: &str, (start, end): (usize, usize), known: &Known) -> bool {
    !starts_sentence(text, start) && !names_no_one(&text[start..end], known)
}

/// True when `word` is one of the words a list of people holds that name
/// no one.
fn names_no_one(word: &str, known: &Known) -> bool {
    let lower = word.to_lowercase();
    let lists = field_lists();
    known.has(&lower)
        || lists.is_kinship(word)
        || lists.is_abbreviation(word)
        || lists.is_premises(&lower)
        || lists.is_short_form(word)
        || words::is_title(word)
        || words::is_role_title(word)
        // Calendar words, public names and disciplines too.
        || words::is_vocabulary(word)
        || lists.is_other_language_word(&lower)
        || super::residual::is_institution_word(&lower)
        || NO_ONE.contains(&lower.as_str())
}

/// Words a record lists beside people that name no one: the services,
/// bodies and groups a person is listed with ("Mum, Police and Housing").
const NO_ONE: &[&str] = &[
    "police",
    "housing",
    "health",
    "education",
    "school",
    "nursery",
    "college",
    "church",
    "mosque",
    "temple",
    "gurdwara",
    "synagogue",
    "social",
    "services",
    "staff",
    "family",
    "friends",
    "others",
    "everyone",
    "all",
    "both",
    "team",
    "teachers",
    "parents",
    "siblings",
    "children",
    "professionals",
    "agencies",
    "partners",
    "members",
    "visitors",
    "neighbours",
    "relatives",
    "carers",
    "practitioners",
    "paramedics",
    "officers",
    "doctor",
    "nurse",
    "midwife",
    "ambulance",
    "fire",
    "probation",
    "court",
    "courts",
    "hospital",
    "adults",
    "boys",
    "girls",
    "unknown",
    "other",
    "none",
    "self",
    "twins",
    "infant",
    "toddler",
    "child",
    "son",
    "daughter",
    "partner",
    "boyfriend",
    "girlfriend",
    "husband",
    "wife",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Review;

    fn listed(text: &str, people: &[&str]) -> Vec<String> {
        let spans: Vec<(usize, usize)> = people
            .iter()
            .map(|p| {
                let at = text.find(p).expect("the name is in the text");
                (at, at + p.len())
            })
            .collect();
        let known = Known::of(&Review::default());
        names_listed_beside(text, &spans, &known, |s, e| {
            spans.iter().any(|&(a, b)| s < b && a < e)
        })
        .into_iter()
        .map(|(s, e)| text[s..e].to_string())
        .collect()
    }

    #[test]
    fn a_word_listed_beside_a_cast_name_is_a_name() {
        assert_eq!(
            listed(
                "Dependants: children Precious (privately fostered elsewhere), Testimony, Marvellous.",
                &["Precious", "Marvellous"]
            ),
            ["Testimony"]
        );
        assert_eq!(
            listed("Seen at home with Grace and Faith, both well.", &["Grace"]),
            ["Faith"]
        );
        assert_eq!(
            listed("Home visit: Mum, Hope and Tyler were seen.", &["Tyler"]),
            ["Hope"]
        );
        assert_eq!(
            listed(
                "MISPER: Testimony (\"Tobi\") ADEYEMI, 9",
                &["Tobi", "ADEYEMI"]
            ),
            ["Testimony"]
        );
        assert_eq!(
            listed("Testimony (Tobi) Adeyemi, Y5", &["Tobi", "Adeyemi"]),
            ["Testimony"]
        );
    }

    proptest::proptest! {
        /// Whatever the words and whichever stretches are the cast's,
        /// overlapping or not, nothing panics and every name found is on
        /// character boundaries, apart from the cast's.
        #[test]
        fn any_list_and_any_cast_stretches_are_read_without_panic(
            words in proptest::collection::vec(0usize..20, 0..20),
            cast in proptest::collection::vec((0usize..20, 0usize..4), 0..6),
        ) {
            const WORDS: [&str; 20] = [
                "Grace", "Testimony", "(", ")", ",", "and", "&", "\"", "’", "Ţara",
                "Mum", "Faith", "ADEYEMI", "Tobi", ":", "Mary-Jane", ".", "were", "Ŵyn", "GP",
            ];
            let text: String = words.iter().map(|&w| WORDS[w]).collect::<Vec<_>>().join(" ");
            let starts: Vec<usize> = text
                .char_indices()
                .filter(|&(i, c)| c.is_uppercase() && (i == 0 || text[..i].ends_with(' ')))
                .map(|(i, _)| i)
                .collect();
            let mut people: Vec<(usize, usize)> = cast
                .iter()
                .filter_map(|&(first, words)| {
                    let start = *starts.get(first)?;
                    let end = text[start..]
                        .match_indices(' ')
                        .nth(words)
                        .map_or(text.len(), |(i, _)| start + i);
                    Some((start, end))
                })
                .collect();
            people.sort_unstable();
            let known = Known::of(&Review::default());
            let found = names_listed_beside(&text, &people, &known, |s, e| {
                people.iter().any(|&(a, b)| s < b && a < e)
            });
            for (s, e) in found {
                proptest::prop_assert!(s < e && e <= text.len(), "{text:?}");
                proptest::prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
                proptest::prop_assert!(!people.iter().any(|&(a, b)| s < b && a < e));
            }
        }
    }

    #[test]
    fn the_words_a_list_of_people_holds_that_name_no_one_are_kept() {
        for (text, people) in [
            (
                "Strategy discussion with Police, Health and Kayden's school.",
                &["Kayden"][..],
            ),
            ("Present: Kayden, Mum and Dad.", &["Kayden"]),
            ("Discussed with Kayden and Housing.", &["Kayden"]),
            ("Kayden, GP and SW to meet.", &["Kayden"]),
            ("Kayden and Social Worker met on Monday.", &["Kayden"]),
            ("Seen Kayden, Monday and Tuesday.", &["Kayden"]),
            ("Kayden and Polish speaking staff.", &["Kayden"]),
            ("Kayden. Testimony heard by the court.", &["Kayden"]),
            ("Kayden and Testimony Adeyemi", &["Kayden"]),
            ("Grace Brown and Tyler", &["Tyler"]),
            ("Mum (Comfort) Adeyemi", &["Comfort", "Adeyemi"]),
            ("Mrs L. B. Bailey (83)", &["L. B. Bailey", "Bailey"]),
            ("Anjali (8), Words and Pictures: drawing", &["Anjali"]),
            ("dim rhent tan y Pasg, Bethan i dalu", &["Bethan"]),
        ] {
            assert!(
                listed(text, people).is_empty(),
                "{text}: {:?}",
                listed(text, people)
            );
        }
    }
}
