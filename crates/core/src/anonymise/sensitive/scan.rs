//! Reading a detail's words around a number: numbers in words, units and
//! suffixes, where a dose or a score ends, word boundaries, and the change
//! that drops or marks what is withheld.

use super::*;

/// True when the age before `at` names a scheme or a check for an age
/// group ("2-year-old funding", "the 27-month-old check"), not anyone's
/// age.
pub(super) fn names_a_scheme(text: &str, at: usize) -> bool {
    let next = text[at..]
        .trim_start_matches(' ')
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(
        next.as_str(),
        "funding" | "offer" | "entitlement" | "check" | "review" | "place" | "places" | "scheme"
    )
}

/// Numbers written as words, with their values.
pub(super) const NUMBER_WORDS: &[(&str, u32)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
];

/// The value of a number written as a word ("three" → 3), any case.
pub(super) fn number_word(word: &str) -> Option<u32> {
    NUMBER_WORDS
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|&(_, n)| n)
}

/// Where a number written as a word ("three", "eighteen") that starts at
/// `at` ends.
pub(super) fn number_word_end(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let word_len = rest
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    number_word(&rest[..word_len]).map(|_| at + word_len)
}

pub(super) fn change(
    range: Range<usize>,
    replacement: &str,
    category: SensitiveCategory,
) -> SensitiveChange {
    SensitiveChange {
        range,
        replacement: replacement.to_string(),
        category,
    }
}

/// True when `start..end` is a whole word (or words) of `bytes`.
pub(super) fn boundary(bytes: &[u8], start: usize, end: usize) -> bool {
    let word = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
    (start == 0 || !word(bytes[start - 1])) && (end == bytes.len() || !word(bytes[end]))
}

/// One of `suffixes` right after `at` (a space allowed before it), ending
/// a word: the suffix and where it ends.
pub(super) fn suffix<'s>(text: &str, at: usize, suffixes: &[&'s str]) -> Option<(&'s str, usize)> {
    let rest = &text[at..];
    let (rest, skipped) = match rest.strip_prefix(' ') {
        Some(r) => (r, 1),
        None => (rest, 0),
    };
    suffixes
        .iter()
        .find_map(|s| word_at(rest.as_bytes(), s).then_some((*s, at + skipped + s.len())))
}

/// True when `bytes` starts with `word` (ASCII, in any case) and no
/// letter or digit goes on from it (a word ending in "." may be followed
/// by anything).
pub(super) fn word_at(bytes: &[u8], word: &str) -> bool {
    let w = word.as_bytes();
    bytes.len() >= w.len()
        && bytes[..w.len()].eq_ignore_ascii_case(w)
        && (word.ends_with('.')
            || !bytes
                .get(w.len())
                .is_some_and(|b| b.is_ascii_alphanumeric() || *b >= 0x80))
}

pub(super) fn twelve_hour(hour: u32, suffix: &str) -> Option<u32> {
    let pm = suffix.starts_with('p');
    let am = suffix.starts_with('a');
    if (am || pm) && !(1..=12).contains(&hour) {
        return None;
    }
    Some(match (am, pm) {
        (true, _) if hour == 12 => 0,
        (_, true) if hour < 12 => hour + 12,
        _ if hour < 24 => hour,
        _ => return None,
    })
}

/// A unit of age after `at`: "years", "months", "weeks", "days" (with
/// "-" or a space before it).
pub(super) fn unit(text: &str, at: usize) -> Option<(&'static str, usize)> {
    let rest = &text[at..];
    let (rest, skipped) = match rest.strip_prefix([' ', '-']) {
        Some(r) => (r, 1),
        None => (rest, 0),
    };
    [
        "years", "year", "yrs", "yr", "months", "month", "weeks", "week", "days", "day",
    ]
    .iter()
    .find(|u| word_at(rest.as_bytes(), u))
    .map(|u| (*u, at + skipped + u.len()))
}

/// "old" after a unit of age ("-old", " old"): where it ends.
pub(super) fn old(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    for lead in ["-old", " old", "-olds", " olds"] {
        if rest.len() >= lead.len()
            && rest.as_bytes()[..lead.len()].eq_ignore_ascii_case(lead.as_bytes())
            && !rest[lead.len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        {
            return Some(at + lead.len());
        }
    }
    None
}

/// The end of a dose after `at` (" 100mg", " 60ml daily", " 5 mg twice
/// daily"), if one follows.
pub(super) fn dose_end(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = at;
    while i < bytes.len() && bytes[i] == b' ' {
        i += 1;
    }
    let digits = i;
    while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
        i += 1;
    }
    if i == digits {
        return None;
    }
    while i < bytes.len() && bytes[i] == b' ' {
        i += 1;
    }
    let (_, end) = suffix(
        text,
        i,
        &[
            "mg",
            "mcg",
            "micrograms",
            "microgram",
            "µg",
            "ml",
            "mls",
            "g",
        ],
    )?;
    let mut end = end;
    if let Some((_, e)) = suffix(
        text,
        end,
        &[
            "daily",
            "od",
            "bd",
            "tds",
            "qds",
            "nocte",
            "prn",
            "once daily",
            "twice daily",
            "a day",
            "per day",
            "at night",
        ],
    ) {
        end = e;
    }
    Some(end)
}

/// The end of a screening score after a tool's name at `at` ("EPDS 14",
/// "PHQ-9 score 18", "GAD-7 score of 15/21", "EPDS: 14"), if one follows.
pub(super) fn score_end(whole: &str, at: usize) -> Option<usize> {
    let text = &whole[at..];
    let mut rest = text;
    loop {
        let trimmed = rest.trim_start_matches([' ', ':', '=', '-', '–']);
        let skip = ["scored", "score", "of", "was", "is", "at"]
            .iter()
            .find(|w| word_at(trimmed.as_bytes(), w));
        match skip {
            Some(w) => rest = &trimmed[w.len()..],
            None => {
                rest = trimmed;
                break;
            }
        }
    }
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let mut end = text.len() - rest.len() + digits;
    let after = &text[end..];
    if let Some(out_of) = after.strip_prefix('/') {
        let more = out_of.bytes().take_while(u8::is_ascii_digit).count();
        if more > 0 {
            end += 1 + more;
        }
    }
    Some(at + end)
}

/// A detail that reads as a modifier: "a 23-year-old mother" → "a
/// mother", "(23yo)" and " aged 23" → nothing; any other → "[age]".
pub(super) fn dropped(
    text: &str,
    from: usize,
    to: usize,
    category: SensitiveCategory,
) -> SensitiveChange {
    drop_or_mark(text, from, to, "[age]", category)
}

/// Drops a detail where the sentence reads without it ("£1,240 rent
/// arrears" → "rent arrears", "Mother aged 23 said" → "Mother said",
/// "(23yo)" → ""), marks it where it does not ("owes £300." → "owes
/// [amount].").
pub(super) fn drop_or_mark(
    text: &str,
    from: usize,
    to: usize,
    mark: &str,
    category: SensitiveCategory,
) -> SensitiveChange {
    let head = &text[..from];
    let rest = &text[to..];
    let aged = text.as_bytes()[from..to]
        .get(..4)
        .is_some_and(|w| w.eq_ignore_ascii_case(b"aged"));
    // In brackets: the brackets go too, with the space before them.
    if head.ends_with('(') && rest.starts_with(')') {
        let start = from - 1;
        let start = if text[..start].ends_with(' ') {
            start - 1
        } else {
            start
        };
        return change(start..to + 1, "", category);
    }
    // " aged 23" after a word: dropped with its space (and a comma pair).
    if aged && head.ends_with(' ') {
        if head.ends_with(", ") && rest.starts_with(',') {
            return change(from - 2..to + 1, "", category);
        }
        return change(from - 1..to, "", category);
    }
    // After a word that needs it ("debt of £300 to", "owes £300 in") it
    // stays, marked.
    let previous = head.split_whitespace().next_back().unwrap_or("");
    let needed = [
        "of",
        "to",
        "for",
        "owes",
        "owed",
        "owing",
        "is",
        "was",
        "were",
        "are",
        "about",
        "around",
        "over",
        "under",
        "approximately",
        "totalling",
        "totaling",
        "by",
        "at",
        "with",
        "from",
    ]
    .iter()
    .any(|w| previous.eq_ignore_ascii_case(w));
    // Before a word ("£1,240 rent arrears", "23-year-old mother"): dropped
    // with its space, and an article before it made to fit the next word.
    if !aged
        && !needed
        && let Some(next) = rest.strip_prefix(' ')
        && next.starts_with(|c: char| c.is_alphabetic())
        && !starts_with_function_word(next)
    {
        let vowel = next.starts_with(['a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U']);
        for (article, len) in [(" an ", 4), (" a ", 3), (" An ", 4), (" A ", 3)] {
            if head.ends_with(article) || (head.len() + 1 == len && head == &article[1..]) {
                let start = from - (len - 1);
                let capital = article.trim().starts_with('A');
                let new = match (vowel, capital) {
                    (true, false) => "an ",
                    (true, true) => "An ",
                    (false, false) => "a ",
                    (false, true) => "A ",
                };
                return change(start..to + 1, new, category);
            }
        }
        return change(from..to + 1, "", category);
    }
    // "he, a seven-year-old, was": the age as a noun becomes "child" (or
    // "adult"), which the age itself shows and which keeps the sentence.
    let detail = text[from..to].to_ascii_lowercase();
    if category == SensitiveCategory::Ages
        && (detail.ends_with("-old") || detail.ends_with(" old"))
        && [" a ", " an ", " A ", " An "]
            .iter()
            .any(|a| head.ends_with(a) || head == &a[1..])
        && let Some(years) = years_of(&detail)
    {
        let article = if head.ends_with(" an ") || head.ends_with(" An ") || head == "an " {
            "an "
        } else {
            ""
        };
        let noun = if years < 18 { "child" } else { "adult" };
        // "an" before "adult" only; "a" before "child".
        let (start, replacement) = match (article.is_empty(), noun) {
            (true, "adult") => (from - 2, "an adult"),
            (false, "child") => (from - 3, "a child"),
            _ => (from, noun),
        };
        // At a sentence's start the pass capitalises it, as every change.
        return change(start..to, replacement, category);
    }
    change(from..to, mark, category)
}

/// True when `text` starts with a word that cannot be modified by a detail
/// before it ("a seven-year-old and his sister": the age is a noun there,
/// not a modifier of "and").
pub(super) fn starts_with_function_word(text: &str) -> bool {
    let word: String = text
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    matches!(
        word.as_str(),
        "and"
            | "or"
            | "but"
            | "who"
            | "whom"
            | "whose"
            | "which"
            | "that"
            | "with"
            | "in"
            | "at"
            | "on"
            | "to"
            | "for"
            | "from"
            | "of"
            | "by"
            | "was"
            | "is"
            | "were"
            | "are"
            | "had"
            | "has"
            | "when"
            | "while"
            | "as"
            | "than"
    )
}

/// The whole years of an age as written ("7-year-old", "seven year old",
/// "18 months old" is 1).
pub(super) fn years_of(detail: &str) -> Option<u32> {
    let first = detail.split(['-', ' ']).next().unwrap_or("");
    let number = first.parse::<u32>().ok().or_else(|| number_word(first))?;
    Some(if detail.contains("month") {
        number / 12
    } else if detail.contains("week") {
        number / 52
    } else if detail.contains("day") {
        number / 365
    } else {
        number
    })
}
