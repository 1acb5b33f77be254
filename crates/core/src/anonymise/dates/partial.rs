//! Dates written without all their parts: a day and a month without a
//! year ("06/05", "4th March"), and ranges between them ("01/08-19/08"),
//! found and turned into months without inventing a year.

use super::*;

/// A date written without its year, or a range of dates: "24 September",
/// "September 24th", "01/08-19/08", "1-19 August", "1st–3rd March 2021",
/// "01/08/2019 to 19/08/2019". The general date patterns miss these or
/// read part of them ("01/08-19" as 1 August 2019).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartialDate {
    /// Where it is written.
    pub range: Range<usize>,
    /// The first (or only) day: day, month, year when written.
    pub from: (u32, u32, Option<i32>),
    /// The last day of a range.
    pub to: Option<(u32, u32, Option<i32>)>,
}

/// A separator of a range: "-", "–", "—", "to", "until", "till".
pub(super) const TO: &str =
    r"\s*(?:-|–|—|(?-u:\b)to(?-u:\b)|(?-u:\b)until(?-u:\b)|(?-u:\b)till(?-u:\b))\s*";
/// A day of the month with its ordinal ending.
pub(super) const DAY: &str = r"([0-3]?[0-9])(?:st|nd|rd|th)?";
/// A month's name or its abbreviation, capitalised (checked again by
/// [`month_number`]).
pub(super) const MONTH: &str = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?-u:\b)\.?";

/// The capitalised beginnings of the months' names.
pub(super) static MONTH_NAMES: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::new([
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ])
    .expect("the month names make an automaton")
});

pub(super) static NUMERIC_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(&format!(
        r"(?-u:\b)([0-3]?[0-9])/([01]?[0-9])(?:/([0-9]{{4}}|[0-9]{{2}}))?{TO}([0-3]?[0-9])/([01]?[0-9])(?:/([0-9]{{4}}|[0-9]{{2}}))?(?-u:\b)"
    ))
    .expect("the numeric range pattern is valid")
});

/// Days of one month in figures: "13-19/02", "3-5/11/24".
pub(super) static NUMERIC_DAYS: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(
        r"(?-u:\b)([0-3]?[0-9])\s*[-–]\s*([0-3]?[0-9])/([01]?[0-9])(?:/([0-9]{4}|[0-9]{2}))?(?-u:\b)",
    )
    .expect("the days of a month pattern is valid")
});

pub(super) static WORD_DATES: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(&format!(
        r"(?-u:\b)(?:{DAY}{TO}{DAY}\s+(?:of\s+)?{MONTH}|{MONTH}\s+{DAY}{TO}{DAY}|{DAY}\s+(?:of\s+)?{MONTH}|{MONTH}\s+{DAY})(?:,?\s+([0-9]{{4}}))?(?-u:\b)"
    ))
    .expect("the day and month pattern is valid")
});

/// The number of a month written as a word ("Sept" → 9), if it is one.
pub(super) fn month_number(word: &str) -> Option<u32> {
    let lower = word.to_ascii_lowercase();
    let i = MONTHS.iter().position(|m| {
        let m = m.to_ascii_lowercase();
        m == lower
            || (lower.len() == 3 && m.starts_with(&lower))
            || (lower == "sept" && m == "september")
    })?;
    Some(i as u32 + 1)
}

/// A year as written: "2019", or "19" for 2019.
pub(super) fn year_of(text: Option<regex::Match<'_>>) -> Option<i32> {
    let t = text?.as_str();
    let y: i32 = t.parse().ok()?;
    Some(if t.len() == 2 { 2000 + y } else { y })
}

/// Every date without a year and every range of dates in `text`, in text
/// order (see [`PartialDate`]).
pub fn partial_dates(text: &str) -> Vec<PartialDate> {
    let mut out = Vec::new();
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return out;
    }
    if text.len() <= SHORT {
        partial_dates_in(text, 0..text.len(), &mut out);
    } else {
        digit_windows(text, |w| partial_dates_in(text, w, &mut out));
    }
    out.sort_by_key(|p| p.range.start);
    out
}

/// The partial dates of one stretch of `text`, added to `out`.
pub(super) fn partial_dates_in(text: &str, window: Range<usize>, out: &mut Vec<PartialDate>) {
    let w = &text[window.clone()];
    let at = window.start;
    let valid = |d: u32, m: u32| (1..=31).contains(&d) && (1..=12).contains(&m);
    let num =
        |c: &regex::Captures<'_>, i: usize| -> Option<u32> { c.get(i)?.as_str().parse().ok() };
    let mut taken: Vec<Range<usize>> = Vec::new();
    if w.contains('/') {
        // Captures only where the (fast) search found a match.
        let matches = NUMERIC_RANGE.find_iter(w).map(|m| m.start());
        let found: Vec<usize> = matches.collect();
        for c in found
            .into_iter()
            .filter_map(|start| NUMERIC_RANGE.captures_at(w, start))
        {
            let whole = c.get(0).expect("a match has its whole");
            let (Some(d1), Some(m1), Some(d2), Some(m2)) =
                (num(&c, 1), num(&c, 2), num(&c, 4), num(&c, 5))
            else {
                continue;
            };
            // "1/2/3", "03/17-07/17": not a range of two days.
            let after = &w[whole.end()..];
            if !valid(d1, m1) || !valid(d2, m2) || after.starts_with(['/', '-']) {
                continue;
            }
            let range = whole.start() + at..whole.end() + at;
            taken.push(range.clone());
            out.push(PartialDate {
                range,
                from: (d1, m1, year_of(c.get(3))),
                to: Some((d2, m2, year_of(c.get(6)))),
            });
        }
        for c in NUMERIC_DAYS.captures_iter(w) {
            let whole = c.get(0).expect("a match has its whole");
            let range = whole.start() + at..whole.end() + at;
            let month_text = c.get(3).map_or("", |m| m.as_str());
            let (Some(d1), Some(d2), Some(m)) = (num(&c, 1), num(&c, 2), num(&c, 3)) else {
                continue;
            };
            // "2-3/7", "10-12/12": days or months in a clinician's
            // shorthand, not dates; "1/2/3" or a longer run is no range.
            // "27-28/12": two or three days apart, over twelve, are days
            // of December; an age band in months is wider ("18-24/12").
            let december_days = d1 > 12 && d2 > d1 && d2 - d1 <= 3;
            let shorthand =
                (month_text.len() == 1 && m == 7) || (month_text == "12" && !december_days);
            let after = &w[whole.end()..];
            if shorthand
                || !valid(d1, m)
                || !valid(d2, m)
                || d2 <= d1
                || after.starts_with(['/', '-'])
                || overlaps_any(&taken, &range)
            {
                continue;
            }
            let year = year_of(c.get(4));
            taken.push(range.clone());
            out.push(PartialDate {
                range,
                from: (d1, m, year),
                to: Some((d2, m, year)),
            });
        }
    }
    // A day and month written in words needs a month's name: most windows
    // have none, and are not given to the pattern at all.
    if !MONTH_NAMES.is_match(w) {
        return;
    }
    let found: Vec<usize> = WORD_DATES.find_iter(w).map(|m| m.start()).collect();
    for c in found
        .into_iter()
        .filter_map(|start| WORD_DATES.captures_at(w, start))
    {
        let whole = c.get(0).expect("a match has its whole");
        let range = whole.start() + at..whole.end() + at;
        if overlaps_any(&taken, &range) {
            continue;
        }
        let year = year_of(c.get(11));
        // Groups: 1-3 "1-19 August", 4-6 "August 1-19", 7-8 "24 September",
        // 9-10 "September 24".
        let found = if let (Some(d1), Some(d2), Some(m)) = (num(&c, 1), num(&c, 2), c.get(3)) {
            month_number(m.as_str()).map(|m| ((d1, m, year), Some((d2, m, year))))
        } else if let (Some(m), Some(d1), Some(d2)) = (c.get(4), num(&c, 5), num(&c, 6)) {
            month_number(m.as_str()).map(|m| ((d1, m, year), Some((d2, m, year))))
        } else if let (Some(d), Some(m)) = (num(&c, 7), c.get(8)) {
            month_number(m.as_str()).map(|m| ((d, m, year), None))
        } else if let (Some(m), Some(d)) = (c.get(9), num(&c, 10)) {
            month_number(m.as_str()).map(|m| ((d, m, year), None))
        } else {
            None
        };
        let Some((from, to)) = found else {
            continue;
        };
        // "April 9.2kg", "May 12 kg": a name before a measurement.
        if let Some(month) = c.get(9).or(c.get(4))
            && super::super::classify::measurement_after(w, month.end())
        {
            continue;
        }
        // "December. 19": a full month's name with a dot ends a sentence;
        // only an abbreviation takes a dot ("Dec. 19").
        if let Some(month) = c.get(9).or(c.get(4))
            && month.as_str().len() > 4
            && w[month.end()..].starts_with('.')
        {
            continue;
        }
        // A full date ("24 September 2019") is the general patterns' to
        // read, unless it is a range; a time ("September 14:30") is no day,
        // but a month before a colon is ("on 2nd January: 'I'm not…'").
        let after = &w[whole.end()..];
        if (to.is_none() && year.is_some())
            || after.starts_with('/')
            || (after.starts_with(':') && whole.as_str().ends_with(|c: char| c.is_ascii_digit()))
            || !valid(from.0, from.1)
            || to.is_some_and(|(d, m, _)| !valid(d, m) || d < from.0)
        {
            continue;
        }
        out.push(PartialDate { range, from, to });
    }
}

/// True when `range` overlaps one of `taken`.
fn overlaps_any(taken: &[Range<usize>], range: &Range<usize>) -> bool {
    taken
        .iter()
        .any(|t| t.start < range.end && range.start < t.end)
}

/// What a partial date becomes under the policy, and the preposition an
/// "on" before it turns into. A date without a year becomes its month
/// alone ("September"): no year is invented. A range becomes one month,
/// or "August to September".
pub(super) fn partial_replacement(date: &PartialDate, rules: &DateRules) -> (String, &'static str) {
    let (d1, m1, y1) = date.from;
    let Some((d2, m2, y2)) = date.to else {
        return match y1.and_then(|y| ReviewDate::day(y, m1, d1)) {
            Some(day) => coarsened(&day, rules)
                .unwrap_or_else(|| (MONTHS[m1 as usize - 1].to_string(), "in")),
            None => (MONTHS[m1 as usize - 1].to_string(), "in"),
        };
    };
    // A year written on one end holds for the other.
    let y1 = y1.or_else(|| y2.map(|y| if m1 <= m2 { y } else { y - 1 }));
    let y2 = y2.or(y1);
    let words = |d: u32, m: u32, y: Option<i32>| -> (String, &'static str) {
        match y.and_then(|y| ReviewDate::day(y, m, d)) {
            Some(day) => {
                coarsened(&day, rules).unwrap_or_else(|| (MONTHS[m as usize - 1].to_string(), "in"))
            }
            None => (MONTHS[m as usize - 1].to_string(), "in"),
        }
    };
    let (a, preposition) = words(d1, m1, y1);
    let (b, _) = words(d2, m2, y2);
    if a == b {
        (a, preposition)
    } else {
        (
            format!("{a} to {b}"),
            if preposition == "in" {
                "from"
            } else {
                preposition
            },
        )
    }
}

/// Days written as an ordinal alone, their month left to the context:
/// "next appt Tues 8th", "(booked 27th)", "on the 5th at 2pm", "not in
/// school since 12th". With the month around them they date the case to
/// the day. An ordinal that counts something ("3rd child", "2nd visit",
/// "21st century", "5th birthday") is left alone: only one after a
/// weekday or a word that introduces a day, and before a pause or a
/// small word, is a day. Each range starts at "the " when one is there.
pub fn ordinal_days(text: &str) -> Vec<Range<usize>> {
    // Besides the words that introduce a day in any writing
    // (`super::DAY_WORDS`), those that introduce one only before an
    // ordinal.
    const BEFORE: &[&str] = &[
        "the",
        "on",
        "by",
        "wc",
        "before",
        "after",
        "mon",
        "monday",
        "tue",
        "tues",
        "tuesday",
        "wed",
        "weds",
        "wednesday",
        "thu",
        "thur",
        "thurs",
        "thursday",
        "fri",
        "friday",
        "sat",
        "saturday",
        "sun",
        "sunday",
    ];
    const AFTER: &[&str] = &[
        "at", "and", "or", "to", "until", "till", "for", "when", "with", "but", "in", "as", "-",
        "–",
    ];
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() || (i > 0 && bytes[i - 1].is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        // Most numbers have no ordinal ending: turned away before reading.
        let Some(suffix) = bytes.get(i..i + 2) else {
            continue;
        };
        if i - start > 2 || !matches!(suffix[1].to_ascii_lowercase(), b't' | b'd' | b'h') {
            continue;
        }
        let Ok(day) = text[start..i].parse::<u32>() else {
            continue;
        };
        let right = match day % 10 {
            _ if (11..=13).contains(&(day % 100)) => b"th",
            1 => b"st",
            2 => b"nd",
            3 => b"rd",
            _ => b"th",
        };
        if !(1..=31).contains(&day) || !suffix.eq_ignore_ascii_case(right) {
            continue;
        }
        let end = i + 2;
        i = end;
        let rest = &text[end..];
        let pause = rest.is_empty()
            || rest.starts_with(['.', ',', ';', ':', ')', '!', '?', '\n'])
            // "on the 27th (her engagement…)": a bracket after a pause.
            || rest.starts_with(" (")
            || rest.strip_prefix(' ').is_some_and(|r| {
                let word = r
                    .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '–'))
                    .next()
                    .unwrap_or("");
                AFTER.contains(&word.to_lowercase().as_str())
            });
        if !pause || to_a_centile(rest) {
            continue;
        }
        let head = text[..start].trim_end_matches(' ');
        if head.len() == start {
            // Glued to what comes before ("(27th)" excepted).
            if !head.ends_with('(') {
                continue;
            }
        }
        let before = head
            .rsplit(|c: char| !(c.is_alphanumeric() || c == '/'))
            .next()
            .unwrap_or("")
            .to_lowercase();
        // "on the 23rd and 30th": a day listed after a day.
        let after_a_day = matches!(before.as_str(), "and" | "or" | "&")
            && out
                .last()
                .is_some_and(|last: &Range<usize>| text[last.end..start].trim() == before.as_str());
        if !(BEFORE.contains(&before.as_str())
            || super::DAY_WORDS.contains(&before.as_str())
            || head.ends_with('(')
            || after_a_day)
        {
            continue;
        }
        let from = if before == "the" && head.len() >= 3 {
            head.len() - 3
        } else {
            start
        };
        out.push(from..end);
    }
    out
}

/// True when what follows an ordinal runs on to another ordinal that is a
/// centile ("from 25th to 9th centile", "25th-50th centile"): the first is
/// a centile too, not a day.
fn to_a_centile(rest: &str) -> bool {
    let Some(next) = [" to the ", " to ", "-", "–", " - "]
        .iter()
        .find_map(|link| rest.strip_prefix(link))
    else {
        return false;
    };
    let digits = next.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return false;
    }
    let after = next[digits..].get(2..).unwrap_or("").trim_start();
    ["centile", "percentile", "%ile"]
        .iter()
        .any(|word| after.to_ascii_lowercase().starts_with(word))
}

#[cfg(test)]
mod ordinal_tests {
    use super::ordinal_days;

    fn days(text: &str) -> Vec<&str> {
        ordinal_days(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn ordinal_days_are_found_and_ordinals_that_count_are_not() {
        assert_eq!(days("Next appt Tues 8th."), ["8th"]);
        assert_eq!(days("Seen in clinic (booked 27th)"), ["27th"]);
        assert_eq!(days("Home visit on the 5th at 2pm"), ["the 5th"]);
        assert_eq!(days("Not in school since 12th."), ["12th"]);
        assert_eq!(days("Review due 21st"), ["21st"]);
        assert_eq!(
            days("Overdose at home on the 27th (after a row)."),
            ["the 27th"]
        );
        assert_eq!(
            days("Study room on the 23rd and 30th (site team aware)."),
            ["the 23rd", "30th"]
        );
        for text in [
            "Weight dropped from 25th to 9th centile.",
            "Dropped from the 25th to the 9th centile.",
            "Her 3rd child.",
            "The 2nd visit was missed.",
            "21st century",
            "his 5th birthday",
            "on the 1st floor",
            "came 3rd in the race",
            "on the 32nd.",
            "on the 3th.",
            "at the 2nd attempt",
            "her 2nd and 3rd children",
        ] {
            assert!(days(text).is_empty(), "{text}: {:?}", days(text));
        }
    }
}

#[cfg(test)]
mod partial_tests {
    use super::partial_dates;

    fn dates(text: &str) -> Vec<&str> {
        partial_dates(text)
            .into_iter()
            .map(|p| &text[p.range])
            .collect()
    }

    #[test]
    fn a_month_before_a_colon_ends_a_date_but_a_time_after_a_day_is_none() {
        assert_eq!(
            dates("Talked about the assault on 2nd January: \"I'm not going back\"."),
            ["2nd January"]
        );
        assert!(dates("Seen September 14:30 at home.").is_empty());
    }

    #[test]
    fn days_of_one_month_in_figures_are_a_range_but_shorthand_is_not() {
        assert_eq!(
            dates("Rivka: admitted 13-19/02 after a collapse."),
            ["13-19/02"]
        );
        assert_eq!(dates("On leave 3-5/11/24 then back."), ["3-5/11/24"]);
        assert_eq!(dates("Post-discharge (LRI 27-28/12)."), ["27-28/12"]);
        for text in [
            "Cough for 2-3/7.",
            "Planned in 10-12/12.",
            "Score 5-3/4.",
            "ASQ at 18-24/12.",
            "Developmental check at 27-36/12.",
        ] {
            assert!(dates(text).is_empty(), "{text}: {:?}", dates(text));
        }
    }
}
