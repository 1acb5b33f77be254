//! Dates as agencies write them, read day first (UK).
//!
//! Chronologies arrive as spreadsheets in each agency's own style:
//! `03/04/2021`, `3/4/21`, `3.4.21`, `2021-04-03`, `3rd April 2021`,
//! `3 Apr 2021`, `April 2021`, `Spring 2021`, `2021`, often with a marker of
//! doubt (`c. 2019`, `approx March 2020`, `3/4/21?`). [`parse_agency_date`]
//! reads one such date into a [`ReviewDate`] that keeps its precision: "April
//! 2021" stays a month and never becomes "1 April 2021".
//! [`find_dates_in_text`] finds written dates inside free text, so that
//! anonymisation can coarsen them.
//!
//! Numeric dates are always day first: `04/03/2021` is 4 March 2021, and
//! `03/13/2021` is refused (there is no month 13) rather than silently read
//! the American way. A two-digit year `yy` is 20`yy` up to 49 and 19`yy` from
//! 50, so `3/4/85` is 3 April 1985.

use std::ops::Range;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;
use smallvec::SmallVec;
use smol_str::SmolStr;

use crate::model::{ReviewDate, Season};

/// Why a written date could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot read the date `{text}`: {reason}")]
pub struct DateError {
    /// The text as given.
    pub text: String,
    /// What is wrong with it, in words a reviewer understands.
    pub reason: String,
}

/// One piece of a written date.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    /// A number, with how many digits it was written with.
    Number { value: u32, digits: usize },
    /// A month name (1–12).
    Month(u32),
    /// A season name.
    Season(Season),
    /// Any other word, lower case.
    Word(SmolStr),
}

const FORMATS_HINT: &str = "expected a date such as 03/04/2021, 3/4/21, 2021-04-03, 3rd April 2021, \
     3 Apr 2021, April 2021, Spring 2021 or 2021 (day first)";

/// The month a name or abbreviation stands for: "April", "apr", "Sept".
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    let w = w.trim_end_matches('.');
    let month = match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    };
    Some(month)
}

fn season_named(word: &str) -> Option<Season> {
    match word {
        "spring" => Some(Season::Spring),
        "summer" => Some(Season::Summer),
        "autumn" | "fall" => Some(Season::Autumn),
        "winter" => Some(Season::Winter),
        _ => None,
    }
}

fn is_weekday(word: &str) -> bool {
    matches!(
        word,
        "monday"
            | "mon"
            | "tuesday"
            | "tue"
            | "tues"
            | "wednesday"
            | "wed"
            | "thursday"
            | "thu"
            | "thur"
            | "thurs"
            | "friday"
            | "fri"
            | "saturday"
            | "sat"
            | "sunday"
            | "sun"
    )
}

/// Words that say a date is not exact. "early", "mid", "late", "end" and
/// "beginning" narrow a month or year without giving a day, so the date keeps
/// its precision and is marked approximate.
fn is_approximate_word(word: &str) -> bool {
    matches!(
        word,
        "c" | "ca"
            | "circa"
            | "approx"
            | "approximately"
            | "approximate"
            | "about"
            | "around"
            | "abt"
            | "est"
            | "estimated"
            | "unconfirmed"
            | "early"
            | "mid"
            | "late"
            | "end"
            | "beginning"
            | "start"
            | "middle"
    )
}

/// The full year a written year stands for: two digits are 2000–2049 or
/// 1950–1999; four digits are taken as they are.
fn full_year(value: u32, digits: usize) -> Option<i32> {
    match digits {
        2 if value < 50 => Some(2000 + value as i32),
        2 => Some(1900 + value as i32),
        4 => Some(value as i32),
        _ => None,
    }
}

/// Splits a date into numbers and words. Separators (space, `/`, `.`, `-`,
/// `,`, `'`, brackets) are dropped; "3rd" becomes the number 3; a time of day
/// ("14:30", "10:00:00", "2pm") and a `T` between an ISO date and its time are
/// dropped. Returns the tokens and whether a question mark or `~` was seen.
/// The tokens of one date: a handful, kept on the stack.
type Tokens = SmallVec<[Token; 8]>;

/// A word in lower case, without allocating when it is short.
fn lower_word(word: &str) -> SmolStr {
    let mut buf = [0u8; 23];
    match buf.get_mut(..word.len()) {
        Some(short) => {
            short.copy_from_slice(word.as_bytes());
            short.make_ascii_lowercase();
            std::str::from_utf8(short)
                .map_or_else(|_| SmolStr::new(word.to_lowercase()), SmolStr::new)
        }
        None => SmolStr::new(word.to_ascii_lowercase()),
    }
}

fn tokenize(text: &str) -> (Tokens, bool) {
    let mut tokens = Tokens::new();
    let mut doubt = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            let digits = &text[start..i];
            // A time of day: digits followed by ':' — skip the whole time.
            if i < bytes.len() && bytes[i] == b':' {
                while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b':') {
                    i += 1;
                }
                skip_time_suffix(text, &mut i);
                continue;
            }
            // An ordinal: 1st, 2nd, 3rd, 4th.
            if ["st", "nd", "rd", "th"]
                .iter()
                .any(|suffix| word_at(text, i, suffix))
            {
                i += 2;
            }
            // "2pm", "10am": a time, not a date part.
            if word_at(text, i, "am") || word_at(text, i, "pm") {
                i += 2;
                continue;
            }
            let value = digits.parse::<u32>().unwrap_or(u32::MAX);
            tokens.push(Token::Number {
                value,
                digits: digits.len(),
            });
        } else if b.is_ascii_alphabetic() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            let word = lower_word(&text[start..i]);
            // A day written as a word: "nineteenth", "twenty-first".
            if let Some(day) = ordinal_word(&word, text, &mut i) {
                tokens.push(Token::Number {
                    value: day,
                    digits: if day < 10 { 1 } else { 2 },
                });
                continue;
            }
            // The `T` of `2021-04-03T10:00`.
            if word == "t" && i < bytes.len() && bytes[i].is_ascii_digit() {
                continue;
            }
            if word == "z" {
                continue;
            }
            if let Some(m) = month_number(&word) {
                tokens.push(Token::Month(m));
            } else if let Some(s) = season_named(&word) {
                tokens.push(Token::Season(s));
            } else {
                tokens.push(Token::Word(word));
            }
        } else {
            if b == b'?' || b == b'~' {
                doubt = true;
            }
            // Skip one character (which may be several bytes).
            i += text[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    (tokens, doubt)
}

/// The day of the month an ordinal word names ("nineteenth" → 19), with
/// "twenty" or "thirty" and the word after it ("twenty-first", "thirty
/// first") read as one: `i`, just after `word` in `text`, then moves past
/// that second word.
fn ordinal_word(word: &str, text: &str, i: &mut usize) -> Option<u32> {
    if let Some(n) = ORDINAL_UNITS.iter().position(|u| *u == word) {
        return Some(n as u32 + 1);
    }
    if let Some(n) = ORDINAL_TEENS.iter().position(|t| *t == word) {
        return Some(n as u32 + 10);
    }
    if word == "thirtieth" {
        return Some(30);
    }
    let tens = match word {
        "twenty" => 20,
        "thirty" => 30,
        _ => return None,
    };
    let rest = &text[*i..];
    let gap = rest.len() - rest.trim_start_matches([' ', '-']).len();
    if !(1..=2).contains(&gap) {
        return None;
    }
    let after = &rest[gap..];
    let unit = ORDINAL_UNITS.iter().position(|u| {
        after.len() >= u.len()
            && after[..u.len()].eq_ignore_ascii_case(u)
            && !after[u.len()..].starts_with(|c: char| c.is_ascii_alphabetic())
    })?;
    let day = tens + unit as u32 + 1;
    if day > 31 {
        return None;
    }
    *i += gap + ORDINAL_UNITS[unit].len();
    Some(day)
}

/// True when `word` (lower case) is written at byte `at`, in any case, and
/// is not the start of a longer word.
fn word_at(text: &str, at: usize, word: &str) -> bool {
    let bytes = text.as_bytes();
    let end = at + word.len();
    end <= bytes.len()
        && bytes[at..end].eq_ignore_ascii_case(word.as_bytes())
        && !bytes.get(end).is_some_and(u8::is_ascii_alphabetic)
}

fn skip_time_suffix(text: &str, i: &mut usize) {
    let at = text.len() - text[*i..].trim_start().len();
    if word_at(text, at, "am") || word_at(text, at, "pm") {
        *i = at + 2;
    }
}

/// Reads a date as an agency wrote it, day first, keeping its precision.
///
/// Accepted, each optionally approximate ("c.", "circa", "approx",
/// "about", "early", "late", a `?` or `~`) and optionally with a weekday or a
/// time of day:
/// - days: `03/04/2021`, `3/4/21`, `3.4.21`, `03-04-2021`, `2021-04-03`,
///   `3rd April 2021`, `3 Apr 2021`, `03-Apr-21`, `3rd of April, 2021`,
///   `April 3rd, 2021`;
/// - months: `April 2021`, `Apr-21`, `04/2021`, `2021-04`;
/// - seasons: `Spring 2021`, `winter 2020/21` (the winter starting in 2020),
///   `2021-spring`;
/// - years: `2021`.
pub fn parse_agency_date(text: &str) -> Result<ReviewDate, DateError> {
    // Most dates in records are plain numbers ("03/04/2021", "2021-04-03"):
    // read without allocating; anything else, or an impossible day (for
    // its message), takes the general way below.
    if let Some(date) = numeric_day(text) {
        return Ok(date);
    }
    let fail = |reason: String| DateError {
        text: text.trim().to_string(),
        reason,
    };
    if text.trim().is_empty() {
        return Err(fail("the date is empty".into()));
    }
    // A minus sign before a number ("-1/01/2021") is not a separator: no
    // part of a date is negative.
    let chars: Vec<char> = text.chars().collect();
    let negative = chars.iter().enumerate().any(|(i, &c)| {
        matches!(c, '-' | '−')
            && (i == 0 || chars[i - 1].is_whitespace())
            && chars.get(i + 1).is_some_and(char::is_ascii_digit)
    });
    if negative {
        return Err(fail(format!(
            "a part of a date cannot be negative; {FORMATS_HINT}"
        )));
    }
    let (tokens, mut approximate) = tokenize(text);
    let mut core = Tokens::new();
    for (i, token) in tokens.into_iter().enumerate() {
        match &token {
            Token::Word(w) if is_approximate_word(w) => approximate = true,
            Token::Word(w) if w == "of" || w == "the" || w == "on" => {}
            Token::Word(w) if i == 0 && is_weekday(w) => {}
            Token::Word(w) => {
                return Err(fail(format!("`{w}` is not part of a date; {FORMATS_HINT}")));
            }
            _ => core.push(token),
        }
    }
    let date = read_tokens(&core).map_err(|reason| fail(reason.unwrap_or(FORMATS_HINT.into())))?;
    Ok(if approximate { date.approx() } else { date })
}

/// A day written as three numbers with `/`, `.` or `-` between them and
/// nothing else ("3/4/21", "03.04.2021", "2021-04-03"), read as
/// [`parse_agency_date`] reads it; `None` for any other text or a day
/// that does not exist.
fn numeric_day(text: &str) -> Option<ReviewDate> {
    let bytes = text.as_bytes();
    let mut parts = [(0u32, 0usize); 3];
    let mut count = 0;
    let mut i = 0;
    loop {
        let start = i;
        let mut value = 0u32;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            if i - start == 4 {
                return None;
            }
            value = value * 10 + u32::from(bytes[i] - b'0');
            i += 1;
        }
        if i == start || count == 3 {
            return None;
        }
        parts[count] = (value, i - start);
        count += 1;
        if i == bytes.len() {
            break;
        }
        if !matches!(bytes[i], b'/' | b'.' | b'-') {
            return None;
        }
        i += 1;
    }
    let [
        (first, first_digits),
        (month, month_digits),
        (last, last_digits),
    ] = parts;
    if count != 3 || month_digits > 2 {
        return None;
    }
    match first_digits {
        4 if last_digits <= 2 => checked_day(first as i32, month, last).ok(),
        1 | 2 => checked_day(full_year(last, last_digits)?, month, first).ok(),
        _ => None,
    }
}

fn num(token: &Token) -> Option<(u32, usize)> {
    match token {
        Token::Number { value, digits } => Some((*value, *digits)),
        _ => None,
    }
}

/// A calendar day, or the reason it does not exist.
fn checked_day(year: i32, month: u32, day: u32) -> Result<ReviewDate, Option<String>> {
    if !(1..=12).contains(&month) {
        return Err(Some(format!(
            "there is no month {month} (dates are read day first, as DD/MM/YYYY)"
        )));
    }
    if day == 0 {
        return Err(Some("there is no day 0".into()));
    }
    ReviewDate::day(year, month, day).ok_or_else(|| {
        let month_name = crate::model::MONTHS[(month - 1) as usize];
        Some(format!("{month_name} {year} has no day {day}"))
    })
}

fn checked_month(year: i32, month: u32) -> Result<ReviewDate, Option<String>> {
    ReviewDate::month(year, month).ok_or_else(|| Some(format!("there is no month {month}")))
}

/// Reads the numbers, month names and seasons left once markers are gone.
/// `Err(None)` means the shape is not a date at all.
fn read_tokens(tokens: &[Token]) -> Result<ReviewDate, Option<String>> {
    use Token::*;
    let year = |t: &Token| num(t).and_then(|(v, d)| full_year(v, d));
    match tokens {
        // 2021
        [Number { value, digits: 4 }] => Ok(ReviewDate::year(*value as i32)),
        // 2021-04-03 (year first, only with a four-digit year)
        [
            Number {
                value: y,
                digits: 4,
            },
            m,
            d,
        ] if num(m).is_some() && num(d).is_some() => {
            let (m, md) = num(m).unwrap_or_default();
            let (d, dd) = num(d).unwrap_or_default();
            if md > 2 || dd > 2 {
                return Err(None);
            }
            checked_day(*y as i32, m, d)
        }
        // 2021-04
        [
            Number {
                value: y,
                digits: 4,
            },
            Number {
                value: m,
                digits: 1..=2,
            },
        ] => checked_month(*y as i32, *m),
        // 2021-spring
        [
            Number {
                value: y,
                digits: 4,
            },
            Season(s),
        ] => Ok(ReviewDate::season(*y as i32, *s)),
        // 03/04/2021, 3/4/21, 3.4.21
        [
            Number {
                value: d,
                digits: 1..=2,
            },
            Number {
                value: m,
                digits: 1..=2,
            },
            y,
        ] => {
            let y = year(y).ok_or_else(|| {
                Some("the year must have two or four digits (DD/MM/YY or DD/MM/YYYY)".to_string())
            })?;
            checked_day(y, *m, *d)
        }
        // 04/2021
        [
            Number {
                value: m,
                digits: 1..=2,
            },
            Number {
                value: y,
                digits: 4,
            },
        ] => checked_month(*y as i32, *m),
        // 3rd April 2021, 03-Apr-21
        [
            Number {
                value: d,
                digits: 1..=2,
            },
            Month(m),
            y,
        ] => {
            let y = year(y).ok_or(None)?;
            checked_day(y, *m, *d)
        }
        // April 3rd, 2021
        [
            Month(m),
            Number {
                value: d,
                digits: 1..=2,
            },
            Number {
                value: y,
                digits: 4,
            },
        ] => checked_day(*y as i32, *m, *d),
        // April 2021, Apr-21
        [Month(m), y] => {
            let y = year(y).ok_or(None)?;
            checked_month(y, *m)
        }
        // Spring 2021
        [Season(s), y] => Ok(ReviewDate::season(year(y).ok_or(None)?, *s)),
        // Winter 2020/21, winter 2020-2021
        [Season(s), first, second] => {
            let (Some(y1), Some((v2, d2))) = (year(first), num(second)) else {
                return Err(None);
            };
            let follows = match d2 {
                2 => (y1 + 1).rem_euclid(100) as u32 == v2,
                4 => y1 + 1 == v2 as i32,
                _ => false,
            };
            if follows {
                Ok(ReviewDate::season(y1, *s))
            } else {
                Err(Some(format!(
                    "a season spanning two years needs consecutive years (e.g. winter {y1}/{:02})",
                    (y1 + 1).rem_euclid(100)
                )))
            }
        }
        [] => Err(Some("there is no date in it".into())),
        _ => Err(None),
    }
}

/// A month's name, or its abbreviation with or without a dot ("Dec.",
/// "Dec"); a full name takes no dot ("December. 19" is a sentence's end
/// and a number, not a date).
const MONTH_PATTERN: &str = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?)";
/// The days of the month up to the ninth as ordinal words: with "twenty"
/// or "thirty" before them ("twenty-first") they are later days.
const ORDINAL_UNITS: [&str; 9] = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
];

/// The tenth to the twentieth days as ordinal words.
const ORDINAL_TEENS: [&str; 11] = [
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
];

/// A day of the month written as a word ("nineteenth", "twenty-first",
/// "thirty first"), as a date of birth is written out in a statement:
/// the words [`ordinal_word`] reads.
fn ordinal_word_pattern() -> String {
    format!(
        r"(?:(?:twenty[\s-]?)?(?:{})|thirty[\s-]?first|thirtieth|{})",
        ORDINAL_UNITS.join("|"),
        ORDINAL_TEENS.join("|")
    )
}

const WEEKDAY_PATTERN: &str =
    r"(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)(?:day|nesday|urday|sday|rsday)?";

/// One regular expression for every date shape worth finding in free text,
/// the longest shapes first.
static DATE_IN_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    let approx = r"(?:\b(?:c\.|ca\.|circa|approx\.?|approximately)\s*|~\s*)?";
    let day_name = format!(r"(?:{WEEKDAY_PATTERN},?\s+)?");
    let ordinal = format!(r"(?:\d{{1,2}}(?:st|nd|rd|th)?|{})", ordinal_word_pattern());
    let shapes = [
        // 2021-04-03
        r"\d{4}-\d{1,2}-\d{1,2}".to_string(),
        // 03/04/2021, 3/4/21, 3.4.21, 03-04-2021
        r"\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})".to_string(),
        // Monday 3rd of April, 2021; 03-Apr-21
        format!(r"{day_name}{ordinal}(?:\s+of)?[\s-]+{MONTH_PATTERN},?[\s-]+(?:\d{{4}}|'?\d{{2}})"),
        // April 3rd, 2021
        format!(r"{day_name}{MONTH_PATTERN}\s+{ordinal},?\s+\d{{4}}"),
        // April 2021
        format!(r"{MONTH_PATTERN},?\s+(?:of\s+)?\d{{4}}"),
        // Apr-21
        format!(r"{MONTH_PATTERN}-\d{{2}}"),
        // Spring 2021, winter 2020/21
        r"(?:spring|summer|autumn|winter)\s+(?:of\s+)?\d{4}(?:[/-]\d{2}(?:\d{2})?)?".to_string(),
    ];
    let pattern = format!(r"(?i){approx}\b(?:{})\b(?:\s*\?)?", shapes.join("|"));
    crate::pattern::compile(&pattern).expect("the date pattern is valid")
});

/// [`DATE_IN_TEXT`] for text that is all ASCII: the same pattern with
/// ASCII classes, which find the same on such text with a smaller, faster
/// automaton.
static DATE_IN_ASCII: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(&format!("(?-u){}", DATE_IN_TEXT.as_str()))
        .expect("the date pattern is valid")
});

thread_local! {
    /// This thread's copy of [`DATE_IN_TEXT`]: a copy has its own search
    /// memory, so threads anonymising parts of a chronology never wait for
    /// each other.
    static DATE_IN_TEXT_HERE: Regex = DATE_IN_TEXT.clone();
    /// This thread's copy of [`DATE_IN_ASCII`].
    static DATE_IN_ASCII_HERE: Regex = DATE_IN_ASCII.clone();
}

/// Finds the written dates in free text ("seen on 3rd April 2021 and 9th Nov
/// 2012", "on 03/04/21"), with the byte range of each and its reading.
///
/// Found: every day form [`parse_agency_date`] reads, months written with a
/// month name and a year ("April 2021", "Apr-21", but not "04/2021", which
/// is too easily something else), and seasons with a year. A preceding "c.",
/// "circa", "approx." or `~`, a following `?` and a leading weekday belong to
/// the date's range. Bare years are not found: they are already coarse and
/// most four-digit numbers in notes are not years. Ranges are in text order
/// and never overlap; a shape that looks like a date but is not one
/// ("31/02/2021") is left out.
pub fn find_dates_in_text(text: &str) -> Vec<(Range<usize>, ReviewDate)> {
    let mut out = Vec::new();
    find_dates_in_text_into(text, 0, &mut out);
    out
}

/// Like [`find_dates_in_text`], adding the dates to `out` with their
/// ranges moved on by `offset` (`text` being part of a longer text).
pub fn find_dates_in_text_into(
    text: &str,
    offset: usize,
    out: &mut Vec<(Range<usize>, ReviewDate)>,
) {
    if text.is_ascii() {
        return DATE_IN_ASCII_HERE.with(|pattern| dates_found(pattern, text, offset, out));
    }
    DATE_IN_TEXT_HERE.with(|pattern| dates_found(pattern, text, offset, out))
}

/// The dates a date pattern finds in a text.
fn dates_found(
    pattern: &Regex,
    text: &str,
    offset: usize,
    out: &mut Vec<(Range<usize>, ReviewDate)>,
) {
    out.extend(pattern.find_iter(text).filter_map(|m| {
        let found = m.as_str();
        let trimmed = found.trim_end();
        if is_a_span_of_weeks_or_months(trimmed) {
            return None;
        }
        let start = m.start() + offset;
        parse_agency_date(trimmed)
            .ok()
            .map(|date| (start..start + trimmed.len(), date))
    }));
}

/// True for a span of weeks or months in the clinical shorthand ("6-8/52",
/// six to eight weeks; "3-4/12", three to four months), which a date's
/// shape with mixed separators would read as a day in 1952 or 2012.
fn is_a_span_of_weeks_or_months(found: &str) -> bool {
    let Some((span, unit)) = found.split_once('/') else {
        return false;
    };
    let Some((from, to)) = span.split_once('-') else {
        return false;
    };
    let number = |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
    matches!(unit, "52" | "12") && number(from) && number(to)
}

/// A calendar day from a day-first numeric date, for callers that need a
/// plain date (a date of birth): `Ok` only when the text names one day.
pub fn parse_agency_day(text: &str) -> Result<NaiveDate, DateError> {
    let date = parse_agency_date(text)?;
    match date.value {
        crate::model::DateValue::Day(d) if !date.approximate => Ok(d),
        _ => Err(DateError {
            text: text.trim().to_string(),
            reason: "a single exact day is needed here".into(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DatePrecision;

    #[test]
    fn numeric_days_are_read_the_quick_way_as_the_general_way_reads_them() {
        let mut checked = 0;
        for first in [
            "0", "3", "03", "13", "31", "32", "2021", "1999", "202", "20211",
        ] {
            for month in ["0", "4", "04", "12", "13", "004"] {
                for last in ["3", "03", "21", "49", "50", "2021", "021", "29"] {
                    for (a, b) in [('/', '/'), ('.', '.'), ('-', '-'), ('/', '-')] {
                        let text = format!("{first}{a}{month}{b}{last}");
                        if let Some(quick) = numeric_day(&text) {
                            checked += 1;
                            // The general way, with the quick one skipped.
                            let (tokens, approximate) = tokenize(&text);
                            let general = read_tokens(&tokens).ok();
                            assert!(!approximate);
                            assert_eq!(Some(quick), general, "{text}");
                        }
                    }
                }
            }
        }
        assert!(checked > 100, "{checked}");
        for text in [
            "3/4/21 ",
            " 3/4/21",
            "3/4/21.",
            "3//4/21",
            "3/4",
            "3/4/21/5",
            "31/02/2021",
        ] {
            assert!(numeric_day(text).is_none(), "{text}");
        }
    }

    fn read(text: &str) -> String {
        match parse_agency_date(text) {
            Ok(d) => d.to_string(),
            Err(e) => panic!("{text}: {e}"),
        }
    }

    #[test]
    fn the_ascii_date_pattern_finds_what_the_unicode_one_finds_in_ascii_text() {
        // Dates of every shape, whole or broken, among noise.
        const PARTS: &[&[&str]] = &[
            &["", "", "c.", "circa ", "approx. ", "~", "seen ", "x"],
            &["", "", "Monday ", "wed, ", "Thurs "],
            &[
                "3", "12", "2021", "31", "April", "sept", "Spring ", "winter ", "K",
            ],
            &["", "rd", "th", "/", "-", ".", " ", " of "],
            &["04", "4", "April ", "DEC", "2021", "s", "_"],
            &["", "/", "-", ".", ", ", " ", "/21"],
            &["2021", "21", "'21", "99", "1999", "x", ""],
            &["", "", "?", " ?", ".", "\n", "a"],
        ];
        let mut rng = fastrand::Rng::with_seed(9);
        let mut found = 0;
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..rng.usize(1..4) {
                for choices in PARTS {
                    text.push_str(choices[rng.usize(..choices.len())]);
                }
                text.push(' ');
            }
            let unicode: Vec<_> = DATE_IN_TEXT.find_iter(&text).map(|m| m.range()).collect();
            let ascii: Vec<_> = DATE_IN_ASCII.find_iter(&text).map(|m| m.range()).collect();
            assert_eq!(unicode, ascii, "{text:?}");
            found += unicode.len();
        }
        assert!(found > 1_000, "{found}");
    }

    #[test]
    fn a_negative_number_is_not_a_date() {
        for text in [
            "-1/01/2021",
            " -3 March 2021",
            "3 March -2021",
            "−1/01/2021",
        ] {
            let e = parse_agency_date(text).unwrap_err();
            assert!(e.reason.contains("cannot be negative"), "{text}: {e:?}");
        }
        // Hyphens between numbers are separators, as ever.
        assert!(parse_agency_date("2021-01-03").is_ok());
        assert!(parse_agency_date("03-01-2021").is_ok());
    }

    #[test]
    fn numeric_days_are_day_first() {
        assert_eq!(read("03/04/2021"), "2021-04-03");
        assert_eq!(read("3/4/21"), "2021-04-03");
        assert_eq!(read("3.4.21"), "2021-04-03");
        assert_eq!(read("03-04-2021"), "2021-04-03");
        assert_eq!(read("13/12/2019"), "2019-12-13");
        assert_eq!(read(" 3/4/85 "), "1985-04-03");
        assert_eq!(read("1/1/49"), "2049-01-01");
        assert_eq!(read("1/1/50"), "1950-01-01");
    }

    #[test]
    fn iso_dates_and_months() {
        assert_eq!(read("2021-04-03"), "2021-04-03");
        assert_eq!(read("2021/4/3"), "2021-04-03");
        assert_eq!(read("2021-04"), "2021-04");
        assert_eq!(read("04/2021"), "2021-04");
        assert_eq!(read("2021-spring"), "2021-spring");
        assert_eq!(read("~2021-04"), "~2021-04");
    }

    #[test]
    fn written_days() {
        for text in [
            "3rd April 2021",
            "3 Apr 2021",
            "3 apr. 2021",
            "03-Apr-21",
            "3-APR-2021",
            "3rd of April, 2021",
            "April 3rd, 2021",
            "Saturday 3rd April 2021",
            "Sat, 3 Apr 2021",
        ] {
            assert_eq!(read(text), "2021-04-03", "{text}");
        }
        assert_eq!(read("1st Sept 2020"), "2020-09-01");
        assert_eq!(read("22nd June 2020"), "2020-06-22");
    }

    #[test]
    fn months_seasons_and_years_keep_their_precision() {
        let cases = [
            ("April 2021", "2021-04", DatePrecision::Month),
            ("Apr 2021", "2021-04", DatePrecision::Month),
            ("Apr-21", "2021-04", DatePrecision::Month),
            ("Spring 2021", "2021-spring", DatePrecision::Season),
            ("autumn 2019", "2019-autumn", DatePrecision::Season),
            ("Winter 2020/21", "2020-winter", DatePrecision::Season),
            ("winter 2020-2021", "2020-winter", DatePrecision::Season),
            ("2021", "2021", DatePrecision::Year),
        ];
        for (text, canonical, precision) in cases {
            let date = parse_agency_date(text).unwrap();
            assert_eq!(date.to_string(), canonical, "{text}");
            assert_eq!(date.precision(), precision, "{text}");
            assert!(!date.approximate, "{text}");
        }
    }

    #[test]
    fn approximate_markers_are_kept() {
        let cases = [
            ("c. 2019", "~2019"),
            ("c.2019", "~2019"),
            ("circa March 2020", "~2020-03"),
            ("approx 3/4/21", "~2021-04-03"),
            ("Approx. April 2021", "~2021-04"),
            ("approximately spring 2018", "~2018-spring"),
            ("3/4/21?", "~2021-04-03"),
            ("? 2017", "~2017"),
            ("~2021", "~2021"),
            ("about June 2020", "~2020-06"),
            ("late 2019", "~2019"),
            ("early April 2021", "~2021-04"),
            ("2021 (approx)", "~2021"),
            ("April 2021 (estimated)", "~2021-04"),
        ];
        for (text, canonical) in cases {
            let date = parse_agency_date(text).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(date.to_string(), canonical, "{text}");
            assert!(date.approximate, "{text}");
        }
    }

    #[test]
    fn times_of_day_are_ignored() {
        assert_eq!(read("03/04/2021 14:30"), "2021-04-03");
        assert_eq!(read("03/04/2021 14:30:05"), "2021-04-03");
        assert_eq!(read("2021-04-03T10:00:00Z"), "2021-04-03");
        assert_eq!(read("3 April 2021 2pm"), "2021-04-03");
        assert_eq!(read("3/4/2021 9:15 am"), "2021-04-03");
    }

    #[test]
    fn impossible_and_unreadable_dates_are_refused_with_a_reason() {
        let reason = |t: &str| parse_agency_date(t).unwrap_err().reason;
        assert!(reason("31/02/2021").contains("February 2021 has no day 31"));
        assert!(reason("03/13/2021").contains("no month 13"));
        assert!(reason("03/13/2021").contains("day first"));
        assert!(reason("").contains("empty"));
        assert!(reason("tomorrow").contains("`tomorrow`"));
        assert!(reason("3/4/202").contains("two or four digits"));
        assert!(reason("0/4/2021").contains("no day 0"));
        assert!(reason("winter 2020/23").contains("consecutive"));
        for bad in [
            "3/4",
            "April",
            "Spring",
            "12345",
            "3 4 5 6",
            "?",
            "2021-04-03-01",
        ] {
            assert!(parse_agency_date(bad).is_err(), "{bad} should be refused");
        }
        let err = parse_agency_date(" 31/02/2021 ").unwrap_err();
        assert_eq!(
            err.to_string(),
            "cannot read the date `31/02/2021`: February 2021 has no day 31"
        );
    }

    #[test]
    fn a_single_day_can_be_required() {
        assert_eq!(
            parse_agency_day("3/4/21").unwrap(),
            NaiveDate::from_ymd_opt(2021, 4, 3).unwrap()
        );
        assert!(parse_agency_day("April 2021").is_err());
        assert!(parse_agency_day("c. 3/4/21").is_err());
    }

    fn found(text: &str) -> Vec<(&str, String)> {
        find_dates_in_text(text)
            .into_iter()
            .map(|(r, d)| (&text[r], d.to_string()))
            .collect()
    }

    #[test]
    fn dates_are_found_in_free_text() {
        assert_eq!(
            found("seen on 3rd April 2021 and 9th Nov 2012"),
            vec![
                ("3rd April 2021", "2021-04-03".into()),
                ("9th Nov 2012", "2012-11-09".into())
            ]
        );
        assert_eq!(
            found("on 03/04/21."),
            vec![("03/04/21", "2021-04-03".into())]
        );
        assert_eq!(
            found(
                "Mother said that in Spring 2020 and again c. March 2021 she moved; ISO 2021-04-03"
            ),
            vec![
                ("Spring 2020", "2020-spring".into()),
                ("c. March 2021", "~2021-03".into()),
                ("2021-04-03", "2021-04-03".into())
            ]
        );
        assert_eq!(
            found("Home visit Monday 5th July 2021 (HV), follow-up 12.7.21?"),
            vec![
                ("Monday 5th July 2021", "2021-07-05".into()),
                ("12.7.21?", "~2021-07-12".into())
            ]
        );
        assert_eq!(
            found("Seen April 3rd, 2021 and during winter 2020/21"),
            vec![
                ("April 3rd, 2021", "2021-04-03".into()),
                ("winter 2020/21", "2020-winter".into())
            ]
        );
        assert_eq!(
            found("born ~2019-02-01 (approx.)"),
            vec![("~2019-02-01", "~2019-02-01".into())]
        );
        // A date of birth written out in words.
        assert_eq!(
            found("Lucky (born the nineteenth of January 2014 in Germany)"),
            vec![("nineteenth of January 2014", "2014-01-19".into())]
        );
        assert_eq!(
            found("born on the twenty-first of March 2020, and the Thirty First of May 2021"),
            vec![
                ("twenty-first of March 2020", "2020-03-21".into()),
                ("Thirty First of May 2021", "2021-05-31".into())
            ]
        );
        assert_eq!(
            found("the second of June 2019"),
            vec![("second of June 2019", "2019-06-02".into())]
        );
    }

    #[test]
    fn things_that_only_look_like_dates_are_not_found() {
        assert!(found("Invalid 31/02/2021 stays").is_empty());
        assert!(found("In 2019 she had 3 children and may 12 visits").is_empty());
        assert!(found("married in the marches; room 12/3").is_empty());
        assert!(found("phone 07700 900123, ref 123/45/6789").is_empty());
        assert!(found("").is_empty());
    }

    #[test]
    fn a_span_of_weeks_or_months_is_no_date() {
        // "6-8/52": six to eight weeks, not 6 August 1952.
        for text in ["6-8/52 contact at the hub", "review in 3-4/12", "1-2/52"] {
            assert!(find_dates_in_text(text).is_empty(), "{text}");
        }
        // A date written with two separators is still one.
        for text in ["seen 06-08/2012", "seen 1-1/08", "seen 6/8/52"] {
            assert_eq!(find_dates_in_text(text).len(), 1, "{text}");
        }
    }

    #[test]
    fn ranges_point_at_byte_offsets_in_unicode_text() {
        let text = "Zoë’s nursery — seen 3 Apr 2021 — “fine”";
        let dates = find_dates_in_text(text);
        assert_eq!(dates.len(), 1);
        assert_eq!(&text[dates[0].0.clone()], "3 Apr 2021");
    }
}
