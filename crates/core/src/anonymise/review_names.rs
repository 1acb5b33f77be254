//! Names the review itself reveals. A record names a practitioner in full
//! ("Housing Officer Bob Lister", "SW Adeyemi", "her friend Amber") and
//! another names them in passing where a word alone cannot be told from a
//! name ("Lister to visit w/ IDVA", "rang adeyemi", "Amber came too"). Once
//! the first pass has surely replaced a name somewhere, the same name is
//! replaced wherever else it is written: capitalised, in capitals, and in
//! lower case when the lower-case word is in no dictionary.

use std::collections::HashSet;

use aho_corasick::{AhoCorasick, MatchKind};

use super::gazetteer::gazetteer;
use super::lists::field_lists;
use super::report::Part;
use super::residual::{NICKNAME_REASON, SuspectKind, VENUE_REASON, business_name};
use super::words;

/// The words of the names the first pass replaced, and a matcher for them.
pub(super) struct ReviewNames {
    matcher: AhoCorasick,
    /// What each of the matcher's patterns is, and whether it is a name
    /// only after a word that says a person follows.
    kinds: Vec<(SuspectKind, bool)>,
}

impl ReviewNames {
    /// The names that the parts' replaced suspects show, or `None` when
    /// there are none.
    pub(super) fn of(parts: &[Part]) -> Option<ReviewNames> {
        let mut patterns: Vec<(String, SuspectKind)> = Vec::new();
        let mut cued: Vec<String> = Vec::new();
        // What a suspect adds depends on it alone: a name a review
        // replaces a thousand times is weighed once.
        let mut weighed: HashSet<(&str, &str, SuspectKind, &str)> = HashSet::new();
        for part in parts {
            // "(YW14 outside)" where another record gives "YW14 3NX": the
            // postcode's district names where the family lives. Two
            // letters at least: "B12" is also a vitamin.
            for postcode in part.replaced_postcodes() {
                let postcode = postcode.trim();
                let outward = match postcode.split_once(' ') {
                    Some((outward, _)) => outward,
                    None => &postcode[..postcode.len().saturating_sub(3)],
                };
                if outward.chars().filter(char::is_ascii_alphabetic).count() >= 2
                    && outward.len() >= 3
                {
                    patterns.push((outward.to_uppercase(), SuspectKind::Place));
                }
            }
            // "PS-031" alone where another record gives "interpreter
            // (PS-031)".
            for identifier in part.replaced_labelled_identifiers() {
                patterns.push((identifier.trim().to_string(), SuspectKind::Number));
            }
            for (original, before, kind, reason) in part.replaced_suspects() {
                if !weighed.insert((original, before, kind, reason)) {
                    continue;
                }
                // "food at Lucky Star" where another record has "Lucky Star
                // Chicken".
                if kind == SuspectKind::Place {
                    if let Some(name) = business_name(original) {
                        patterns.push((name.to_string(), kind));
                        patterns.push((name.to_uppercase(), kind));
                    }
                    // "born at HUH" where another record has "HUH
                    // Maternity": a hospital's initials, in capitals.
                    let initials = original.trim();
                    if (3..=4).contains(&initials.len())
                        && initials.bytes().all(|b| b.is_ascii_uppercase())
                    {
                        patterns.push((initials.to_string(), kind));
                    }
                    // "seen on Larkspur again" where another record has
                    // "Larkspur Estate": an estate by its name alone,
                    // capitalised.
                    if let Some(name) = original.trim().strip_suffix(" Estate")
                        && !name.is_empty()
                        && name.chars().next().is_some_and(char::is_uppercase)
                    {
                        patterns.push((name.to_string(), kind));
                    }
                    // "her Turning Tide key worker" where another record
                    // has "Turning Tide Recovery": a service's name of two
                    // words or more without the word for its kind.
                    if let Some((name, kind_word)) = original.trim().rsplit_once(' ')
                        && super::residual::FACILITIES.contains(&kind_word)
                        && name.split(' ').count() >= 2
                        && name.split(' ').all(|w| {
                            w.chars().next().is_some_and(char::is_uppercase)
                                && w.chars().all(char::is_alphabetic)
                                && !super::residual::GENERIC_SERVICE_WORDS
                                    .contains(&w.to_lowercase().as_str())
                        })
                    {
                        patterns.push((name.to_string(), kind));
                    }
                    // "from the Forge" where another record has "Forge
                    // Youth Club": a club's or a shop's name, capitalised.
                    if reason == VENUE_REASON
                        && original
                            .trim()
                            .chars()
                            .next()
                            .is_some_and(char::is_uppercase)
                    {
                        patterns.push((original.trim().to_string(), kind));
                    }
                    // "need the Chapel back" where another record has "the
                    // Old Chapel": a house called by its last word, after
                    // "the".
                    if let Some((first, rest)) = original.trim().split_once(' ')
                        && matches!(first, "Old" | "Little" | "Upper" | "Lower" | "Great")
                        && !rest.contains(' ')
                        && rest.chars().next().is_some_and(char::is_uppercase)
                        && rest.chars().count() >= 4
                        && !words::is_vocabulary(rest)
                        && !field_lists().is_public_name(rest)
                        && !crate::agency_kind::is_agency_type(rest)
                    {
                        push_after_the(&mut patterns, rest, kind);
                    }
                    // "furniture via the Storehouse" where another record
                    // has "reparation at the Storehouse": a place of one
                    // word that is also a word, after "the", is that place
                    // wherever "the" comes before it.
                    let one = original.trim();
                    if before == "the"
                        && !one.contains(' ')
                        && one.chars().count() >= 4
                        && one.chars().next().is_some_and(char::is_uppercase)
                        && one.chars().skip(1).all(char::is_lowercase)
                    {
                        push_after_the(&mut patterns, one, kind);
                    }
                    // "everyone in Little Europe" where another record has
                    // "('Little Europe' area)": a place of two words or more,
                    // capitalised, is that place wherever it is written so.
                    let place = original.trim();
                    if place.split_whitespace().count() >= 2
                        && place
                            .split_whitespace()
                            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
                    {
                        patterns.push((place.to_string(), kind));
                    }
                    continue;
                }
                if kind != SuspectKind::Name {
                    continue;
                }
                // Written in lower case elsewhere, a word is a name only
                // when it was surely one here: a name in full ("Bob
                // Lister") or after a title ("SW Adeyemi"), not a word
                // alone ("when she had Mishti"), which in lower case may
                // be a word of another language ("mishti", sweets).
                // What someone is called ("older males 'Blaze'", "('Bigz')")
                // is their name elsewhere too, though it is an ordinary
                // word; typed in lower case, when it is no word ("bigz").
                let nickname = reason == NICKNAME_REASON;
                // "chair Carol Mountain" where another record has "Carol
                // Mountain (IRO)": a name in full whose words are all
                // words is that name wherever it is written in full.
                let full = original.trim();
                if full.split_whitespace().count() >= 2
                    && full.split_whitespace().all(|w| {
                        w.chars().next().is_some_and(char::is_uppercase)
                            && w.chars().skip(1).all(char::is_lowercase)
                    })
                {
                    patterns.push((full.to_string(), kind));
                }
                // "Carol took the reg" where another record has "Carol
                // Hinds": a registered given name that is also a word, but
                // too rarely given to be a name alone ("carol", "bob"), is
                // that person's name elsewhere when it is capitalised.
                if let Some((first, rest)) = full.split_once(' ')
                    && !rest.contains(' ')
                    && (rest.chars().all(|c| !c.is_lowercase())
                        || gazetteer().is_common_surname(&rest.to_lowercase()))
                    && first.chars().skip(1).all(char::is_lowercase)
                    // A name's word by every test but being a word.
                    && is_name_word(first, true)
                    && !is_name_word(first, false)
                    && gazetteer().is_registered_given_name(&first.to_lowercase())
                {
                    patterns.push((first.to_string(), kind));
                }
                // "[Added 21/05 by RA: …]" where another record has
                // "countersigned R. Arkwright": a person's initials, where
                // a word before says a person follows.
                if let Some(initials) = initials_of(full) {
                    cued.push(initials);
                }
                let sure =
                    name_words(original, false).count() > 1 || words::is_title(before) || nickname;
                // "Bellwood Immigration Law", read as a name: a word of it
                // that is no name ("Immigration") makes it a firm's, whose
                // words that are also words ("Law") name no one elsewhere
                // ("Clare's Law").
                let firm = !nickname
                    && original.split_whitespace().any(|w| {
                        let lower = w.to_lowercase();
                        w.chars().next().is_some_and(char::is_uppercase)
                            && words::is_word(&lower)
                            && !gazetteer().is_name_word(&lower)
                    });
                for word in name_words(original, nickname) {
                    if firm && words::is_word(&word.to_lowercase()) {
                        continue;
                    }
                    patterns.push((word.to_string(), kind));
                    // "a box room at the Yeungs'": a family by its
                    // surname, when the plural is no word.
                    let plural = format!("{word}s");
                    if sure
                        && word.chars().count() >= 3
                        && !word.ends_with(['s', 'S'])
                        && word.chars().skip(1).all(char::is_lowercase)
                        && !words::is_word(&plural.to_lowercase())
                        && !words::in_larger_dictionary(&plural.to_lowercase())
                        && !words::is_vocabulary(&plural)
                    {
                        patterns.push((plural, kind));
                    }
                    let upper = word.to_uppercase();
                    // "Mr Rui Pinto" elsewhere leaves "RUI" (released
                    // under investigation) the field's shorthand.
                    if upper != word && !field_lists().is_abbreviation(&upper) {
                        patterns.push((upper, kind));
                    }
                    let lower = word.to_lowercase();
                    // Three letters or fewer in lower case ("anh", "em")
                    // are too often a word of another language.
                    if sure
                        && lower.chars().count() >= 4
                        && !words::is_word(&lower)
                        && !words::in_larger_dictionary(&lower)
                        && !field_lists().is_kinship(&lower)
                        // "seren yr wythnos" where a pony is "Seren".
                        && !field_lists().is_other_language_word(&lower)
                    {
                        patterns.push((lower, kind));
                    } else if nickname && lower != word && !field_lists().is_kinship(&lower) {
                        // "seen w/ blaze", "instructing 'shorty go…'": a
                        // nickname that is a word, in lower case, where a
                        // word before says a person follows.
                        cued.push(lower);
                    }
                }
            }
        }
        let mut patterns: Vec<(String, SuspectKind, bool)> = patterns
            .into_iter()
            .map(|(p, kind)| (p, kind, false))
            .chain(cued.into_iter().map(|p| (p, SuspectKind::Name, true)))
            .collect();
        // A pattern wanted both ways needs no cue.
        patterns.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.2.cmp(&b.2)));
        patterns.dedup_by(|a, b| a.0 == b.0);
        if patterns.is_empty() {
            return None;
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns.iter().map(|(p, _, _)| p))
            .ok()?;
        let kinds = patterns
            .into_iter()
            .map(|(_, kind, cue)| (kind, cue))
            .collect();
        Some(ReviewNames { matcher, kinds })
    }

    /// True when the match `m` of `text` is a name there: a whole word,
    /// and, for a nickname that is also a word, after a word that says a
    /// person follows.
    fn names_here(&self, text: &str, m: &aho_corasick::Match) -> bool {
        is_whole_word(text, m.start(), m.end())
            && (!self.kinds[m.pattern().as_usize()].1 || after_a_person_cue(text, m.start()))
            && !super::residual::reads_as_a_word_here(text, m.start(), m.end())
    }

    /// Adds each whole-word occurrence of a name in `text`, as a possible
    /// name at `start..end`.
    pub(super) fn find_into(&self, text: &str, out: &mut Vec<(usize, usize, SuspectKind)>) {
        for m in self.matcher.find_iter(text) {
            if self.names_here(text, &m)
                && !super::classify::in_fixed_term(text, m.start(), m.end(), false)
            {
                out.push((m.start(), m.end(), self.kinds[m.pattern().as_usize()].0));
            }
        }
    }

    /// True when a name occurs in `text` as a whole word.
    pub(super) fn occurs_in(&self, text: &str) -> bool {
        self.matcher
            .find_iter(text)
            .any(|m| self.names_here(text, &m))
    }
}

/// Adds a place called by one word after "the" ("the Chapel", "the
/// Storehouse"), as a sentence writes it and as it starts one.
fn push_after_the(patterns: &mut Vec<(String, SuspectKind)>, word: &str, kind: SuspectKind) {
    patterns.push((format!("the {word}"), kind));
    patterns.push((format!("The {word}"), kind));
}

/// True when the word before `at` says a person follows ("with", "w/",
/// "told", "instructing"), or `at` opens a quotation ("'shorty go back'").
fn after_a_person_cue(text: &str, at: usize) -> bool {
    const CUES: &[&str] = &[
        "with",
        "w",
        "and",
        "by",
        "from",
        "to",
        "told",
        "tells",
        "telling",
        "instructing",
        "instructed",
        "called",
        "calls",
        "named",
        "nicknamed",
        "aka",
        "via",
        "met",
        "meets",
        "meeting",
        "saw",
        "seeing",
        "see",
        "texted",
        "messaged",
        "rang",
    ];
    let head = &text[..at];
    if head.ends_with(crate::anonymise::text::OPENING_QUOTES)
        && head[..head.len() - head.chars().next_back().map_or(0, char::len_utf8)]
            .ends_with(|c: char| c.is_whitespace() || c == '(')
    {
        return true;
    }
    let trimmed = head.trim_end();
    if trimmed.ends_with(['&', '+']) {
        return true;
    }
    crate::anonymise::text::word_before(text, at).is_some_and(|(_, w)| {
        let w = w.trim_end_matches('/');
        CUES.iter().any(|c| c.eq_ignore_ascii_case(w))
    })
}

/// The initials of a person's name in full ("RA" of "R. Arkwright", "EP"
/// of "Esme Pybus"): the first letters of its first and last words, two
/// or three words after any title, each capitalised; never the field's
/// shorthand ("SW", "DS") or a word.
fn initials_of(name: &str) -> Option<String> {
    let parts: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !words::is_title(w.trim_end_matches('.')))
        .collect();
    if !(2..=3).contains(&parts.len())
        || !parts.iter().all(|w| {
            w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
        })
    {
        return None;
    }
    let first = parts[0].chars().next()?;
    let last = parts[parts.len() - 1].chars().next()?;
    let initials: String = [first, last].iter().collect();
    let lists = field_lists();
    (!lists.is_abbreviation(&initials)
        && !words::is_acronym(&initials)
        && !words::is_word(&initials.to_lowercase()))
    .then_some(initials)
}

/// True when no letter or digit touches `start..end` of `text`.
fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let alphanumeric = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    !alphanumeric(text[..start].chars().next_back()) && !alphanumeric(text[end..].chars().next())
}

/// The words of a replaced name that are names wherever they stand: a
/// capitalised word of three letters or more that is in no dictionary
/// ("Lister", "Adeyemi", "DRUMMOND") or is a given name ("Amber", "Frank");
/// never a title, a kinship word, an abbreviation or a public name.
/// With `nickname`, an ordinary word is one too.
fn name_words(name: &str, nickname: bool) -> impl Iterator<Item = &str> {
    name.split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’' || c == '-'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()))
        .filter(move |w| is_name_word(w, nickname))
}

/// Words that carry no name, even inside what someone is called ("The"
/// of a café called "The Galley", "For" of "For Real"): the little words
/// of English, which a person cue ("with the") would otherwise take as
/// that nickname everywhere.
const NEVER_A_NICKNAME: &[&str] = &[
    "the", "and", "for", "with", "from", "into", "onto", "out", "off", "not", "but", "his", "her",
    "hers", "him", "she", "they", "them", "their", "our", "your", "you", "its", "this", "that",
    "these", "those", "who", "whom", "what", "all", "any", "are", "was", "were", "has", "had",
    "have",
];

fn is_name_word(word: &str, nickname: bool) -> bool {
    let lists = field_lists();
    let lower = word.to_lowercase();
    !NEVER_A_NICKNAME.contains(&lower.as_str())
        && word.chars().count() >= 3
        && word.chars().next().is_some_and(char::is_uppercase)
        && !words::is_title(word)
        && !lists.is_abbreviation(word)
        && !lists.is_kinship(&lower)
        && !lists.is_public_name(word)
        && !crate::model::is_calendar_word(word)
        && (nickname || !words::is_word(&lower) || gazetteer().is_name_word(&lower))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_of_a_name_that_are_names_anywhere() {
        let words: Vec<&str> = name_words("Frank Tilley", false).collect();
        assert_eq!(words, ["Frank", "Tilley"]);
        // "bob" is a word, and too few babies are registered "Bob" for it
        // to be taken for a name alone.
        let words: Vec<&str> = name_words("Bob Lister", false).collect();
        assert_eq!(words, ["Lister"]);
        let words: Vec<&str> = name_words("Officer Dawn ASHBY", false).collect();
        assert_eq!(words, ["Dawn", "ASHBY"]);
        // Titles, ordinary words and abbreviations are not names anywhere.
        assert_eq!(name_words("Dr Sen", false).collect::<Vec<_>>(), ["Sen"]);
        assert_eq!(name_words("Mrs Kay", false).collect::<Vec<_>>(), ["Kay"]);
        assert_eq!(name_words("Housing Officer", false).count(), 0);
        assert_eq!(name_words("CAMHS", false).count(), 0);
        // What someone is called is a name though it is a word.
        assert_eq!(name_words("Blaze", true).collect::<Vec<_>>(), ["Blaze"]);
        // A person's initials, never the field's shorthand or a word.
        assert_eq!(initials_of("R. Arkwright").as_deref(), Some("RA"));
        assert_eq!(initials_of("Mrs Esme Pybus").as_deref(), Some("EP"));
        assert_eq!(initials_of("Sarah Wood"), None);
        assert_eq!(initials_of("Adam Nash"), None);
        assert_eq!(initials_of("Rebwar"), None);
        // But never one of the little words of English ("The Galley", a
        // café written in quotation marks).
        assert_eq!(
            name_words("The Galley", true).collect::<Vec<_>>(),
            ["Galley"]
        );
    }
}
