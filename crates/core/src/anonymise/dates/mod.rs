//! Dates in free text, coarsened by the review's date policy, and exact
//! dates of birth and death removed whatever the policy.
//!
//! Dates are found by [`crate::dates::find_dates_in_text`] (day
//! first, every written form agencies use). A day becomes its month and
//! year ("on 3rd April 2021" → "in April 2021"), the child's age ("when
//! Child B was 14 months old") or the month of the period under review
//! ("in month 4"). A date written after "DOB", "born", "died" and the like,
//! or equal to a cast member's date of birth, becomes "[date of birth]" or
//! "[date of death]".

mod other_calendars;
mod partial;

pub(crate) use other_calendars::WELSH_MONTHS;
pub use other_calendars::other_calendar_dates;
use partial::*;
pub use partial::{PartialDate, ordinal_days, partial_dates};

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::text::{capitalise, matches_in, token_runs};

use chrono::{Datelike, NaiveDate};

use crate::dates::find_dates_in_text_into;
use crate::model::{DatePolicy, DateValue, MONTHS, ReviewDate, age_on};

/// What the policy needs to know about the review.
#[derive(Debug, Clone, Default)]
pub struct DateRules {
    /// The policy.
    pub policy: DatePolicy,
    /// The child whose age dates become: pseudonym and date of birth.
    pub child: Option<(String, NaiveDate)>,
    /// The first day of the period under review.
    pub period_start: Option<NaiveDate>,
    /// Every date of birth in the cast: such a day in text is removed.
    pub birth_dates: Vec<NaiveDate>,
}

/// Why a date was changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateChangeKind {
    /// Coarsened by the policy.
    Coarsened,
    /// A date of birth: removed.
    BirthDate,
    /// A date of death: removed.
    DeathDate,
}

/// One date to change in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateChange {
    /// The text to replace (including a leading "on " when it changes too).
    pub range: Range<usize>,
    /// What replaces it.
    pub replacement: String,
    /// Why.
    pub kind: DateChangeKind,
}

/// Words before a date that make it a date of birth ("DOB", "D.O.B.",
/// "date of birth", "born", "birthday").
const BIRTH_WORDS: &[&str] = &["dob", "born", "birth", "birthday", "birthdate"];
/// Words before a date that make it a date of death ("died", "DOD",
/// "date of death", "deceased", "passed away").
const DEATH_WORDS: &[&str] = &["died", "death", "dod", "deceased", "passed away"];

/// The lower-case text just before a position, about five words.
fn lead_in(text: &str, at: usize) -> std::borrow::Cow<'_, str> {
    let mut from = at.saturating_sub(28);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    // Never start inside a word: "bedroom" must not read as "dob"…
    if text[..from].ends_with(char::is_alphanumeric) {
        while from < at && text[from..].starts_with(char::is_alphanumeric) {
            from += text[from..].chars().next().map_or(1, char::len_utf8);
        }
    }
    let lead = &text[from..at];
    if lead
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        std::borrow::Cow::Borrowed(lead)
    } else {
        std::borrow::Cow::Owned(lead.to_lowercase())
    }
}

/// Where, counted in words, the lead-in last mentions a birth and a
/// death (see [`last_mention`]).
fn birth_and_death(lead: &str) -> (Option<usize>, Option<usize>) {
    // Every word of both lists, and their dotted initials, has a "b" or a
    // "d": most lead-ins have neither and need no closer look.
    if !lead.bytes().any(|b| b == b'b' || b == b'd') {
        return (None, None);
    }
    (
        last_mention(lead, BIRTH_WORDS),
        last_mention(lead, DEATH_WORDS),
    )
}

/// Where, counted in words, the lead-in last has one of the words (or
/// its dotted initials, "d.o.b" for "dob"): the nearer the date, the higher.
fn last_mention(lead: &str, words: &[&str]) -> Option<usize> {
    let mut last = None;
    // The two tokens before this one, nearest first.
    let (mut one, mut two): (Option<&str>, Option<&str>) = (None, None);
    let tokens = lead
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty());
    for (i, t) in tokens.enumerate() {
        // "passed away": the token before, a space, this one.
        let pair = |w: &&str| {
            one.is_some_and(|p| {
                w.len() == p.len() + 1 + t.len()
                    && w.starts_with(p)
                    && w.as_bytes()[p.len()] == b' '
                    && w.ends_with(t)
            })
        };
        // "d.o.b": three one-letter tokens.
        let dotted = |w: &&str| match (two, one) {
            (Some(a), Some(b)) if a.len() == 1 && b.len() == 1 && t.len() == 1 => {
                w.as_bytes() == [a.as_bytes()[0], b.as_bytes()[0], t.as_bytes()[0]]
            }
            _ => false,
        };
        if words.contains(&t) || words.iter().any(pair) || words.iter().any(dotted) {
            last = Some(i);
        }
        two = one;
        one = Some(t);
    }
    last
}

fn months(n: i64) -> String {
    if n == 1 {
        "1 month".to_string()
    } else {
        format!("{n} months")
    }
}

/// "14 months old", "2 years 3 months old", "3 years old".
pub fn age_words(years: u32, months_: u32) -> String {
    let total = years * 12 + months_;
    if total < 24 {
        return format!("{} old", months(total as i64));
    }
    let years_text = format!("{years} years");
    if months_ == 0 {
        format!("{years_text} old")
    } else {
        format!("{years_text} {} old", months(months_ as i64))
    }
}

/// Whole months from `from` to `to` (negative when `to` is earlier).
fn months_between(from: NaiveDate, to: NaiveDate) -> i64 {
    let mut m = (to.year() - from.year()) as i64 * 12 + to.month() as i64 - from.month() as i64;
    if m > 0 && to.day() < from.day() {
        m -= 1;
    } else if m < 0 && to.day() > from.day() {
        m += 1;
    }
    m
}

/// The replacement of a date under the policy, without "in"/"when": e.g.
/// "April 2021", "Child B was 14 months old", "month 4". `None` when the
/// date stays as it is (a month under the month-and-year policy).
fn coarsened(date: &ReviewDate, rules: &DateRules) -> Option<(String, &'static str)> {
    let day = match date.value {
        DateValue::Day(d) => Some(d),
        DateValue::Month(..) => None,
        DateValue::Season(..) | DateValue::Year(_) => return None,
    };
    let approx = if date.approximate { "about " } else { "" };
    match (rules.policy, &rules.child, rules.period_start) {
        (DatePolicy::ChildAge, Some((child, dob)), _) => {
            let on = day.unwrap_or_else(|| date.first_day());
            let about = if day.is_none() { "about " } else { approx };
            match age_on(*dob, on) {
                Some((y, m)) => Some((format!("{child} was {about}{}", age_words(y, m)), "when")),
                None => {
                    let before = months_between(on, *dob);
                    Some(if before <= 0 {
                        (format!("shortly before {child} was born"), "")
                    } else {
                        (
                            format!("{about}{} before {child} was born", months(before)),
                            "",
                        )
                    })
                }
            }
        }
        (DatePolicy::MonthsSinceStart, _, Some(start)) => {
            let on = day.unwrap_or_else(|| date.first_day());
            let n = (on.year() - start.year()) as i64 * 12 + on.month() as i64
                - start.month() as i64
                + 1;
            Some(if n >= 1 {
                (format!("{approx}month {n}"), "in")
            } else {
                (
                    format!("{approx}{} before the period under review", months(1 - n)),
                    "",
                )
            })
        }
        _ => {
            let d = day?;
            Some((
                format!("{approx}{} {}", MONTHS[d.month0() as usize], d.year()),
                "in",
            ))
        }
    }
}

static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(r"(?-u:\b)([0-9]{1,2})/([0-9]{1,2})(?-u:\b)")
        .expect("the day/month pattern is valid")
});

thread_local! {
    /// This thread's copy of [`DAY_MONTH`] (see `find_dates_in_text`).
    static DAY_MONTH_HERE: Regex = DAY_MONTH.clone();
}

/// The runs of `text` with a digit before a slash (see `token_runs`).
fn day_month_runs(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    token_runs(text, |a, b| a.is_ascii_digit() && b == b'/')
}

/// Days written without a year, as notes do: "incident 17/10", "rebooked
/// 23/03", "seen on 3/4". Fractions and ratios ("3/4 of", "24/7") are not
/// taken: the day must be over 12 with a two-digit month, or follow "on".
pub fn days_without_year(text: &str) -> Vec<(Range<usize>, u32)> {
    let mut out = Vec::new();
    days_without_year_into(text, &mut Vec::new(), &mut out);
    out
}

/// Like [`days_without_year`], into `out` (emptied first), with `found`
/// as a buffer.
fn days_without_year_into(
    text: &str,
    found: &mut Vec<Range<usize>>,
    out: &mut Vec<(Range<usize>, u32)>,
) {
    out.clear();
    found.clear();
    if !text.contains('/') {
        return;
    }
    // Searched only in the runs with a digit before a slash (see
    // `token_runs`): the same matches as in the whole text.
    DAY_MONTH_HERE.with(|pattern| matches_in(pattern, text, day_month_runs(text), found));
    out.extend(found.drain(..).filter_map(|whole| {
        let (day, month) = text[whole.clone()].split_once('/')?;
        let (d, m): (u32, u32) = (day.parse().ok()?, month.parse().ok()?);
        let before = &text[..whole.start];
        let after = &text[whole.end..];
        // Part of a longer date, a range or a number ("03/17-07/17", "1/2/3").
        if before.ends_with(['/', '-', '.'])
            || after.starts_with(['/', '-'])
            || after.starts_with(|c: char| {
                c == '.' && after[1..].starts_with(|d: char| d.is_ascii_digit())
            })
        {
            return None;
        }
        let valid = (1..=31).contains(&d) && (1..=12).contains(&m);
        // "06/05", "10/01": a zero-padded day or month is a date, not a
        // fraction or a score.
        // "12/11", "11/10": a day over a two-digit month is no score (12
        // out of 11) and no clinician's shorthand ("3/12", "11/12").
        let clear_day =
            (d > 12 || d > m || (day.len() == 2 && day.starts_with('0')) || month.starts_with('0'))
                && month.len() == 2;
        // "on " in any case (only these letters lower-case to "on").
        let after_on =
            before.len() >= 3 && before.as_bytes()[before.len() - 3..].eq_ignore_ascii_case(b"on ");
        (valid
            && (clear_day || after_on || after_a_birth_label(before) || after_a_date_word(before)))
        .then_some((whole, m))
    }));
}

/// Words that a day follows, lower case: a day and month after one
/// ("from 10/11", "meeting set 11/12", "review due 02/3") or an ordinal
/// ("booked 27th", "since 12th") is a date, not a fraction, a score or a
/// count.
pub(super) const DAY_WORDS: &[&str] = &[
    "from",
    "since",
    "until",
    "till",
    "w/c",
    "wef",
    "dated",
    "judgment",
    "judgement",
    "hearing",
    "set",
    "booked",
    "rebooked",
    "listed",
    "due",
    "scheduled",
    "arranged",
    "planned",
    "adjourned",
    "expires",
    // "pre-discharge meeting 11/12", "MACE 12/12", "next call 12/11"; not
    // "review", whose "3/12" is often three months.
    "meeting",
    "conference",
    "icpc",
    "rcpc",
    "mace",
    "call",
];

/// True when `before` ends with one of [`DAY_WORDS`]: the day and month
/// after it are a date.
fn after_a_date_word(before: &str) -> bool {
    let Some(tail) = before.strip_suffix(' ') else {
        return false;
    };
    let word = tail
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    DAY_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// True when `before` ends with a label of a date of birth ("DOB ",
/// "D.O.B: ", "born ", "birthday ", "date of birth "): the day and month
/// after it are a birthday however they are written ("DOB 14/5").
fn after_a_birth_label(before: &str) -> bool {
    let tail = before.trim_end_matches([' ', ':', '(', '-']);
    let mut from = tail.len().saturating_sub(14);
    while !tail.is_char_boundary(from) {
        from -= 1;
    }
    let tail = tail[from..].to_ascii_lowercase();
    [
        "dob",
        "d.o.b",
        "d.o.b.",
        "born",
        "birthday",
        "birthdate",
        "date of birth",
    ]
    .iter()
    .any(|label| {
        tail.strip_suffix(label)
            .is_some_and(|rest| !rest.ends_with(char::is_alphanumeric))
    })
}

/// The written dates of a text, as
/// [`crate::dates::find_dates_in_text`] finds them, but
/// searched only in stretches around digits (every written date has one):
/// most of a text is never given to the date patterns.
pub fn dates_in(text: &str) -> Vec<(Range<usize>, ReviewDate)> {
    let mut out = Vec::new();
    dates_in_into(text, &mut out);
    out
}

/// Like [`dates_in`], adding the dates to `out`.
fn dates_in_into(text: &str, out: &mut Vec<(Range<usize>, ReviewDate)>) {
    if text.len() <= SHORT {
        return find_dates_in_text_into(&ascii_shadow(text), 0, out);
    }
    digit_windows(text, |w| {
        find_dates_in_text_into(&ascii_shadow(&text[w.clone()]), w.start, out);
    });
}

/// A text this short is searched whole rather than window by window.
const SHORT: usize = 160;

/// The stretches of `text` a date may be in: around its runs of digits,
/// widened by a margin to whole words, runs near each other sharing one.
/// Most of a text is in none.
fn digit_windows(text: &str, mut search: impl FnMut(Range<usize>)) {
    // Room for what may come before a date's first digit ("approximately
    // Wednesday, September 3rd"), and between two of its digit runs.
    const MARGIN: usize = 40;
    // Room after a date's last run of digits and punctuation, where only a
    // question mark after spaces may follow (spaces beyond ASCII count
    // several bytes each), or a month's name ("1-19 September").
    const TAIL: usize = 16;
    let bytes = text.as_bytes();
    // The window being widened, with how far it reaches for the next
    // digits: runs of digits within two margins of each other share a
    // window, as one date may hold several. A window is searched once the
    // next one starts beyond its reach.
    let mut window: Option<(Range<usize>, usize)> = None;
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < bytes.len()
            && (bytes[end].is_ascii_digit()
                || bytes[end].is_ascii_punctuation()
                || bytes[end] == b' ')
        {
            end += 1;
        }
        // Widen to whole words: never start or end inside one.
        let mut start = i.saturating_sub(MARGIN);
        while start > 0 && !bytes[start - 1].is_ascii_whitespace() {
            start -= 1;
        }
        let mut stop = (end + TAIL).min(bytes.len());
        while stop < bytes.len() && !bytes[stop].is_ascii_whitespace() {
            stop += 1;
        }
        let reach = end + MARGIN;
        match &mut window {
            Some((last, last_reach)) if start <= *last_reach => {
                last.end = last.end.max(stop);
                *last_reach = reach;
            }
            _ => {
                if let Some((last, _)) = window.replace((start..stop, reach)) {
                    search(last);
                }
            }
        }
        i = end.max(i + 1);
    }
    if let Some((last, _)) = window {
        search(last);
    }
}

/// The words to write for a date at `range` and a preposition before it
/// that changes with it ("on 3 April" → "in April").
fn with_preposition(
    text: &str,
    range: Range<usize>,
    words: String,
    preposition: &str,
) -> (Range<usize>, String) {
    let head = &text[..range.start];
    let on = ["on ", "On ", "ON ", "in ", "In ", "IN "]
        .iter()
        .find(|p| {
            head.ends_with(*p)
                && !head[..head.len() - p.len()]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
        })
        .copied();
    match on {
        Some(p) => {
            let mut phrase = String::with_capacity(preposition.len() + 1 + words.len());
            if !preposition.is_empty() {
                phrase.push_str(preposition);
                phrase.push(' ');
            }
            phrase.push_str(&words);
            let phrase = if p.starts_with(char::is_uppercase) {
                capitalise(&phrase)
            } else {
                phrase
            };
            (range.start - p.len()..range.end, phrase)
        }
        None if preposition == "when" => (range, format!("when {words}")),
        None => (range, words),
    }
}

/// Where a date at `start` begins once the day and month numbers glued
/// before it are taken in: "2-" of "2-1 July 2021", "01/08-" of
/// "01/08-1/1/08", "1/" of "1/3 July 2021". Left behind, they would join
/// the coarsened words into a new exact date ("2-July 2021"). Up to two
/// numbers of one or two digits, each followed by `-`, `/` or `.`, after
/// something that is not a letter, a digit or one of those.
fn glued_day_numbers(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut at = start;
    for _ in 0..2 {
        let Some(&sep) = at.checked_sub(1).and_then(|i| bytes.get(i)) else {
            break;
        };
        if !matches!(sep, b'-' | b'/' | b'.') {
            break;
        }
        let digits = bytes[..at - 1]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if !(1..=2).contains(&digits) {
            break;
        }
        at -= 1 + digits;
    }
    if at == start {
        return start;
    }
    let before = text[..at].chars().next_back();
    if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '-' | '/' | '.')) {
        return start;
    }
    at
}

/// Where a date found at `range` is replaced from and to: with the day
/// numbers glued before it or joined by "of" ([`glued_day_numbers`],
/// [`day_of_before`]), and the numbers glued after it ("/0-1" of
/// "01/08-19/0-1"), which would otherwise read as a day or a reference
/// number with the words that replace it.
fn date_extent(text: &str, range: Range<usize>) -> Range<usize> {
    let mut start = range.start;
    for _ in 0..3 {
        let next = glued_day_numbers(text, day_of_before(text, glued_day_numbers(text, start)));
        if next == start {
            break;
        }
        start = next;
    }
    start..glued_numbers_after(text, range.end)
}

/// Where a date ending at `end` ends once the numbers glued after it are
/// taken in: up to two of one to four digits, each after `-`, `/` or `.`,
/// before something that is not a letter or digit.
pub(crate) fn glued_numbers_after(text: &str, end: usize) -> usize {
    let bytes = text.as_bytes();
    let mut at = end;
    for _ in 0..2 {
        if !matches!(bytes.get(at), Some(b'-' | b'/' | b'.')) {
            break;
        }
        let digits = bytes[at + 1..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if !(1..=4).contains(&digits) {
            break;
        }
        at += 1 + digits;
    }
    if at == end || text[at..].chars().next().is_some_and(char::is_alphanumeric) {
        return end;
    }
    at
}

/// Where a date at `start` begins once a day glued before it by "of" is
/// taken in: "13 of " of "13 of 02/07/2021", which would otherwise read
/// "13 of July 2021" once the date is coarsened.
fn day_of_before(text: &str, start: usize) -> usize {
    let head = &text.as_bytes()[..start];
    // " of " before the date, in any case.
    let Some(rest) = head.strip_suffix(b" ") else {
        return start;
    };
    if rest.len() < 3 || !rest[rest.len() - 2..].eq_ignore_ascii_case(b"of") {
        return start;
    }
    let Some(rest) = rest[..rest.len() - 2].strip_suffix(b" ") else {
        return start;
    };
    // The day, with or without its ordinal ending.
    let ordinal = [b"st", b"nd", b"rd", b"th"]
        .iter()
        .any(|s| rest.len() >= 2 && rest[rest.len() - 2..].eq_ignore_ascii_case(*s));
    let rest = if ordinal {
        &rest[..rest.len() - 2]
    } else {
        rest
    };
    let digits = rest.iter().rev().take_while(|b| b.is_ascii_digit()).count();
    if !(1..=2).contains(&digits) {
        return start;
    }
    let at = rest.len() - digits;
    if text[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
    {
        return start;
    }
    at
}

/// Buffers [`date_changes_into`] keeps from one text to the next.
#[derive(Debug, Default)]
pub struct DateBuffers {
    found: Vec<(Range<usize>, ReviewDate)>,
    runs: Vec<Range<usize>>,
    days: Vec<(Range<usize>, u32)>,
}

/// The text with every other letter written `x` and every other character
/// a space, byte for byte: dates (ASCII) are found at the same positions,
/// and the pattern search stays on its fast path, which text beyond ASCII
/// takes it off.
fn ascii_shadow(text: &str) -> std::borrow::Cow<'_, str> {
    if text.is_ascii() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    // Runs of ASCII copied whole, each other character filled in.
    while let Some(n) = text.as_bytes()[from..].iter().position(|b| !b.is_ascii()) {
        let at = from + n;
        out.push_str(&text[from..at]);
        let c = text[at..].chars().next().expect("a character starts here");
        let fill = if c.is_alphanumeric() { 'x' } else { ' ' };
        out.extend(std::iter::repeat_n(fill, c.len_utf8()));
        from = at + c.len_utf8();
    }
    out.push_str(&text[from..]);
    std::borrow::Cow::Owned(out)
}

/// Every date in `text` to change, in text order.
pub fn date_changes(text: &str, rules: &DateRules) -> Vec<DateChange> {
    let mut out = Vec::new();
    date_changes_into(text, rules, &mut DateBuffers::default(), &mut out);
    out
}

/// Like [`date_changes`], into `out` (emptied first), with buffers kept
/// from one text to the next.
pub fn date_changes_into(
    text: &str,
    rules: &DateRules,
    buffers: &mut DateBuffers,
    out: &mut Vec<DateChange>,
) {
    out.clear();
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return;
    }
    let DateBuffers { found, runs, days } = buffers;
    found.clear();
    dates_in_into(text, found);
    days_without_year_into(text, runs, days);
    let overlaps = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    // Ranges, and days without a year, before the general patterns: these
    // read only part of them ("01/08-19" of "01/08-19/08").
    let partial = partial_dates(text);
    let mut partial_ranges = Vec::new();
    for date in &partial {
        if date.to.is_none() && found.iter().any(|(r, _)| overlaps(r, &date.range)) {
            continue;
        }
        let (words, preposition) = partial_replacement(date, rules);
        let glued = date_extent(text, date.range.clone());
        let (range, replacement) = with_preposition(text, glued, words, preposition);
        partial_ranges.push(date.range.clone());
        out.push(DateChange {
            range,
            replacement,
            kind: DateChangeKind::Coarsened,
        });
    }
    found.retain(|(r, _)| !partial_ranges.iter().any(|p| overlaps(p, r)));
    for (range, month) in days.drain(..) {
        if found.iter().any(|(r, _)| overlaps(r, &range))
            || partial_ranges.iter().any(|p| overlaps(p, &range))
        {
            continue;
        }
        let name = MONTHS[(month - 1) as usize];
        let range = date_extent(text, range);
        let head = &text[..range.start];
        let (start, replacement) = match ["on ", "On "].iter().find(|p| head.ends_with(*p)) {
            Some(p) if p.starts_with('O') => (range.start - p.len(), format!("In {name}")),
            Some(p) => (range.start - p.len(), format!("in {name}")),
            None => (range.start, name.to_string()),
        };
        out.push(DateChange {
            range: start..range.end,
            replacement,
            kind: DateChangeKind::Coarsened,
        });
    }
    // "Tues 8th", "(booked 27th)": a day whose month the context gives.
    for range in ordinal_days(text) {
        if found.iter().any(|(r, _)| overlaps(r, &range))
            || partial_ranges.iter().any(|p| overlaps(p, &range))
            || out.iter().any(|c| overlaps(&c.range, &range))
        {
            continue;
        }
        out.push(DateChange {
            range,
            replacement: "[date]".into(),
            kind: DateChangeKind::Coarsened,
        });
    }
    for (range, date) in found.drain(..) {
        let range = date_extent(text, range);
        let lead = lead_in(text, range.start);
        let day = match date.value {
            DateValue::Day(d) => Some(d),
            _ => None,
        };
        let known_birth = day.is_some_and(|d| rules.birth_dates.contains(&d));
        let (birth, death) = birth_and_death(&lead);
        if day.is_some() && (known_birth || (birth.is_some() && birth >= death)) {
            out.push(DateChange {
                range,
                replacement: "[date of birth]".into(),
                kind: DateChangeKind::BirthDate,
            });
            continue;
        }
        if day.is_some() && death.is_some() {
            out.push(DateChange {
                range,
                replacement: "[date of death]".into(),
                kind: DateChangeKind::DeathDate,
            });
            continue;
        }
        let Some((words, preposition)) = coarsened(&date, rules) else {
            continue;
        };
        // "on 3 April 2021" → "in April 2021", "when Child B was…": a
        // preposition before the date changes with it.
        let (range, replacement) = with_preposition(text, range, words, preposition);
        out.push(DateChange {
            range,
            replacement,
            kind: DateChangeKind::Coarsened,
        });
    }
    // "ngày 03 tháng 10 năm 2009", "3 Rabi al-Awwal 1410": removed, as no
    // month of the review's calendar is read from them.
    for range in other_calendar_dates(text) {
        let inside = |c: &DateChange| c.range.start >= range.start && c.range.end <= range.end;
        if out.iter().any(|c| overlaps(&c.range, &range) && !inside(c)) {
            continue;
        }
        let (birth, death) = birth_and_death(&lead_in(text, range.start));
        let (replacement, kind) = if death.is_some() && death > birth {
            ("[date of death]", DateChangeKind::DeathDate)
        } else if birth.is_some() {
            ("[date of birth]", DateChangeKind::BirthDate)
        } else {
            ("[date]", DateChangeKind::Coarsened)
        };
        // A date inside one the English patterns read in part ("1410" of
        // "Rabi al-Awwal 1410" as a year) takes its place.
        out.retain(|c| !inside(c));
        out.push(DateChange {
            range,
            replacement: replacement.into(),
            kind,
        });
    }
    // "(Bríd Casey, b. 1961)", "born in 1988": a year of birth dates a
    // person nearly as well as the day.
    for range in birth_years(text) {
        // The year read alone as a date ("2009" of "dhashay 2009") gives
        // way.
        out.retain(|c| !(c.range.start >= range.start && c.range.end <= range.end));
        if out.iter().any(|c| overlaps(&c.range, &range)) {
            continue;
        }
        out.push(DateChange {
            range,
            replacement: "[year of birth]".into(),
            kind: DateChangeKind::BirthDate,
        });
    }
    out.sort_by_key(|c| c.range.start);
}

/// Where a year of birth is written after "b.", "born (in)", "YOB" or
/// "year of birth": the year alone.
fn birth_years(text: &str) -> Vec<Range<usize>> {
    static BIRTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::compile(r"(?:(?-u:\b)b\.|(?i:(?-u:\b)born(?: in)?|(?-u:\b)yob:?|year of birth:?|(?-u:\b)dhashay|(?-u:\b)dhalasho)) ?((?:19|20)[0-9]{2})(?-u:\b)")
            .expect("the year of birth pattern is valid")
    });
    if !(text.contains("b.")
        || text.contains("orn")
        || text.contains("OB")
        || text.contains("irth")
        || text.contains("dha"))
    {
        return Vec::new();
    }
    BIRTH_YEAR
        .captures_iter(text)
        .filter_map(|c| c.get(1))
        .map(|m| m.range())
        .collect()
}

/// A structured date made fit to publish: a day becomes its month.
pub fn coarsen(date: ReviewDate) -> ReviewDate {
    match date.value {
        DateValue::Day(d) => ReviewDate {
            value: DateValue::Month(d.year(), d.month()),
            approximate: date.approximate,
        },
        _ => date,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::find_dates_in_text;

    fn apply(text: &str, rules: &DateRules) -> String {
        let mut out = text.to_string();
        for change in date_changes(text, rules).into_iter().rev() {
            out.replace_range(change.range, &change.replacement);
        }
        out
    }

    #[test]
    fn years_of_birth_and_dates_of_other_calendars_are_removed() {
        let rules = DateRules::default();
        for (written, published) in [
            (
                "Granny (Bríd Casey, b. 1961) to stay",
                "Granny (Bríd Casey, b. [year of birth]) to stay",
            ),
            (
                "Witness ('Dhagax', dhashay 2009 per his mum)",
                "Witness ('Dhagax', dhashay [year of birth] per his mum)",
            ),
            (
                "born in 1988 in Vilnius",
                "born in [year of birth] in Vilnius",
            ),
            (
                "DOB on her ID: 3 Rabi al-Awwal 1410",
                "DOB on her ID: [date of birth]",
            ),
            ("tazkira says year 1394 only", "tazkira says [date] only"),
        ] {
            assert_eq!(apply(written, &rules), published, "{written}");
        }
        // A year alone, with no birth before it, is no one's.
        assert_eq!(apply("the 1961 Act", &rules), "the 1961 Act");
    }

    /// The days and months without a year that `text` holds, as written.
    fn found(text: &str) -> Vec<&str> {
        days_without_year(text)
            .into_iter()
            .map(|(r, _)| &text[r])
            .collect()
    }

    #[test]
    fn a_day_and_month_after_a_birth_label_is_a_date_however_written() {
        assert_eq!(found("1-year review, Lucas (DOB 14/5)."), vec!["14/5"]);
        assert_eq!(found("D.O.B: 3/4, seen alone"), vec!["3/4"]);
        assert_eq!(found("Born 7/9 at home"), vec!["7/9"]);
        // Without the label, neither is clearly a day: a score, a fraction.
        assert!(found("Scored 14/5 on the test; 3/4 of the form done.").is_empty());
        // "Reborn" is not "born".
        assert!(found("Reborn 7/9").is_empty());
    }

    #[test]
    fn a_day_and_month_after_a_word_a_day_follows_is_a_date() {
        assert_eq!(
            found("Home to mother from 10/11 under the order."),
            ["10/11"]
        );
        assert_eq!(
            found("At Flat 9 since 10/11 (supervision order)"),
            ["10/11"]
        );
        assert_eq!(found("The findings (judgment 10/10) disclosed"), ["10/10"]);
        // A score stays a score.
        assert!(found("Pain 10/10; scored 9/10 in the quiz").is_empty());
        // The day of a meeting or a call.
        assert_eq!(
            found("pre-discharge meeting 11/12, then MACE 12/12"),
            ["11/12", "12/12"]
        );
        assert_eq!(found("Next call 12/11."), ["12/11"]);
        // "Review 3/12" is as often in three months.
        assert!(found("Review 3/12 with bloods.").is_empty());
    }

    #[test]
    fn days_and_months_are_found_in_runs_as_in_the_whole_text() {
        const PIECES: &[&str] = &[
            "1", "12", "3", "/", "/", "-", "_", " ", ".", "on ", "x", "é", "24/7", "\n", "a",
        ];
        let mut rng = fastrand::Rng::with_seed(3);
        let mut found = 0;
        for _ in 0..20_000 {
            let text = crate::anonymise::text::text_of_pieces(&mut rng, PIECES, 0..16);
            let whole: Vec<Range<usize>> = DAY_MONTH.find_iter(&text).map(|m| m.range()).collect();
            let mut in_runs = Vec::new();
            matches_in(&DAY_MONTH, &text, day_month_runs(&text), &mut in_runs);
            assert_eq!(whole, in_runs, "{text:?}");
            found += whole.len();
        }
        assert!(found > 2_000, "{found}");
    }

    #[test]
    fn dates_are_found_in_windows_as_in_the_whole_text() {
        const PIECES: &[&str] = &[
            "seen on ",
            "3",
            "12",
            "/",
            "04",
            "2021",
            ".",
            " ",
            "-",
            "rd of ",
            "April",
            " 2021",
            "approximately ",
            "Wednesday, ",
            "September ",
            "3rd, ",
            "?",
            " ?",
            "…",
            "…?",
            "Home",
            " visit completed; concerns rose about the gas bill",
            "Spring 2021",
            "x",
            ", ",
            "  ",
            "’",
            "Zoë",
        ];
        let mut rng = fastrand::Rng::with_seed(17);
        let mut found = 0;
        for _ in 0..3_000 {
            let text = crate::anonymise::text::text_of_pieces(&mut rng, PIECES, 20..90);
            let text = crate::anonymise::text::View::new(&text).text.into_owned();
            let whole = find_dates_in_text(&ascii_shadow(&text));
            assert_eq!(dates_in(&text), whole, "{text:?}");
            found += whole.len();
        }
        assert!(found > 1_000, "{found}");
    }

    #[test]
    fn the_ascii_shadow_keeps_every_byte_in_place() {
        assert_eq!(ascii_shadow("Zoë 3/4’21é"), "Zoxx 3/4   21xx");
        assert_eq!(ascii_shadow("’"), "   ");
        assert!(matches!(
            ascii_shadow("3/4/21"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn every_birth_and_death_word_has_the_letter_the_quick_test_looks_for() {
        for word in BIRTH_WORDS.iter().chain(DEATH_WORDS) {
            assert!(word.contains(['b', 'd']), "{word}");
            assert_ne!(birth_and_death(word), (None, None), "{word}");
        }
        assert_eq!(birth_and_death("seen by the gp on"), (None, None));
        assert_eq!(birth_and_death("mother (d.o.b"), (Some(3), None));
    }

    #[test]
    fn days_become_months_by_default() {
        let rules = DateRules::default();
        assert_eq!(
            apply("Seen on 3rd April 2021, 9th Nov 2012 and 03/04/21.", &rules),
            "Seen in April 2021, November 2012 and April 2021."
        );
        assert_eq!(
            apply("On 2021-04-03 the HV rang.", &rules),
            "In April 2021 the HV rang."
        );
        assert_eq!(apply("Seen in April 2021.", &rules), "Seen in April 2021.");
    }

    #[test]
    fn days_without_a_year_become_their_month_and_fractions_stay() {
        let rules = DateRules::default();
        assert_eq!(
            apply(
                "Incident 17/10; rebooked 23/03. Seen on 3/4. 3/4 of visits, 24/7 care, PVPs 10/20, 03/17-07/17.",
                &rules
            ),
            "Incident October; rebooked March. Seen in April. 3/4 of visits, 24/7 care, PVPs 10/20, 03/17-07/17."
        );
        // A day over its two-digit month is no score and no shorthand.
        assert_eq!(
            apply(
                "Family Court at Leicester, 12/11, case 55. Pain 7/10, 10/10 now; aged 11/12; 4/52.",
                &rules
            ),
            "Family Court at Leicester, November, case 55. Pain 7/10, 10/10 now; aged 11/12; 4/52."
        );
    }

    #[test]
    fn birth_and_death_dates_are_removed() {
        let rules = DateRules {
            birth_dates: vec![NaiveDate::from_ymd_opt(2019, 8, 19).unwrap()],
            ..Default::default()
        };
        assert_eq!(
            apply(
                "DOB 19/08/2019; party on 19.8.19; died on 3 May 2022.",
                &rules
            ),
            "DOB [date of birth]; party on [date of birth]; died on [date of death]."
        );
        assert_eq!(
            apply(
                "D.O.B. 1/5/90; passed away 2/5/21; went away on 3/5/21",
                &DateRules::default()
            ),
            "D.O.B. [date of birth]; passed away [date of death]; went away in May 2021"
        );
        assert_eq!(
            apply("Date of birth: 1 May 1990.", &DateRules::default()),
            "Date of birth: [date of birth]."
        );
    }

    #[test]
    fn the_childs_age_and_months_of_the_period() {
        let age = DateRules {
            policy: DatePolicy::ChildAge,
            child: Some((
                "Child B".into(),
                NaiveDate::from_ymd_opt(2019, 8, 19).unwrap(),
            )),
            ..Default::default()
        };
        assert_eq!(
            apply("On 3 November 2020 the HV visited.", &age),
            "When Child B was 14 months old the HV visited."
        );
        assert_eq!(
            apply("Booking 2/5/2019.", &age),
            "Booking 3 months before Child B was born."
        );
        assert_eq!(
            apply("Seen 20/09/2022", &age),
            "Seen when Child B was 3 years 1 month old"
        );
        let period = DateRules {
            policy: DatePolicy::MonthsSinceStart,
            period_start: NaiveDate::from_ymd_opt(2020, 9, 1),
            ..Default::default()
        };
        assert_eq!(apply("on 3/12/20 seen", &period), "in month 4 seen");
        assert_eq!(
            apply("In April 2020 referred", &period),
            "5 months before the period under review referred"
        );
    }

    #[test]
    fn ranges_and_days_without_a_year_become_months_and_no_year_is_invented() {
        let rules = DateRules::default();
        for (text, expected) in [
            ("annual leave 01/08-19/08.", "annual leave August."),
            (
                "annual leave 01/08–19/09.",
                "annual leave August to September.",
            ),
            ("leave 1-19 August.", "leave August."),
            ("leave 1-19 August 2019.", "leave August 2019."),
            ("from 01/08/2019 to 19/08/2019.", "from August 2019."),
            ("01/08/2019 to 19/09/2019", "August 2019 to September 2019"),
            ("01/08 to 19/08/2019", "August 2019"),
            ("off sick on 1st–3rd March", "off sick in March"),
            ("August 1-19 2019", "August 2019"),
            (
                "the incident on 24 September the",
                "the incident in September the",
            ),
            ("On 24th of September she", "In September she"),
            ("seen September 24th.", "seen September."),
            ("seen 06/05 and 04/03.", "seen May and March."),
            ("Seen 24 September by", "Seen September by"),
            ("Home visit 3rd Nov, then", "Home visit November, then"),
            ("on 24 September 2019", "in September 2019"),
        ] {
            assert_eq!(apply(text, &rules), expected, "{text}");
        }
        // Not dates: scores, fractions, times, ordinary numbers.
        for text in [
            "3/4 of visits, 24/7 care, PVPs 10/20, 03/17-07/17.",
            "Seen by Mark 12 times",
            "scored 4-6 on the scale",
            "meeting at 14:30",
        ] {
            assert_eq!(apply(text, &rules), text, "{text}");
        }
    }

    #[test]
    fn ranges_follow_the_policy_when_they_have_a_year() {
        let rules = DateRules {
            policy: DatePolicy::MonthsSinceStart,
            period_start: NaiveDate::from_ymd_opt(2019, 6, 1),
            ..Default::default()
        };
        assert_eq!(apply("leave 1-19 August 2019.", &rules), "leave month 3.");
        // Without a year the month is all that can be said.
        assert_eq!(apply("leave 01/08-19/08.", &rules), "leave August.");
    }
}
