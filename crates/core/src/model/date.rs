//! Dates as agencies record them: a day, a month, a season or a year, any of
//! them possibly approximate.
//!
//! A [`ReviewDate`] keeps its precision, so an entry recorded as "April 2021"
//! is never silently turned into "1 April 2021". In the review file a date is
//! a short string: `2021-04-03`, `2021-04`, `2021-spring`, `2021`, each with a
//! leading `~` when approximate.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A season of the year, as in "Spring 2021".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Season {
    /// March to May.
    Spring,
    /// June to August.
    Summer,
    /// September to November.
    Autumn,
    /// December to February (of the following year).
    Winter,
}

impl Season {
    /// All seasons in calendar order.
    pub const ALL: [Season; 4] = [
        Season::Spring,
        Season::Summer,
        Season::Autumn,
        Season::Winter,
    ];

    /// Lower-case name used in the review file.
    pub fn name(self) -> &'static str {
        match self {
            Season::Spring => "spring",
            Season::Summer => "summer",
            Season::Autumn => "autumn",
            Season::Winter => "winter",
        }
    }

    /// The first month of the season (1-based).
    pub fn first_month(self) -> u32 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Autumn => 9,
            Season::Winter => 12,
        }
    }

    fn parse(text: &str) -> Option<Season> {
        match text.to_ascii_lowercase().as_str() {
            "spring" => Some(Season::Spring),
            "summer" => Some(Season::Summer),
            "autumn" | "fall" => Some(Season::Autumn),
            "winter" => Some(Season::Winter),
            _ => None,
        }
    }
}

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DatePrecision {
    /// A calendar day.
    Day,
    /// A month of a year.
    Month,
    /// A season of a year.
    Season,
    /// A year only.
    Year,
}

/// The value of a date at its own precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateValue {
    /// A calendar day.
    Day(NaiveDate),
    /// A month: year and month (1–12).
    Month(i32, u32),
    /// A season of a year.
    Season(i32, Season),
    /// A year.
    Year(i32),
}

/// A date as recorded in a chronology, with its precision and an
/// "approximately" marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ReviewDate {
    /// The date at its precision.
    pub value: DateValue,
    /// True when the source said "about", "c." or similar.
    pub approximate: bool,
}

impl ReviewDate {
    /// An exact calendar day. Returns `None` for an impossible date.
    pub fn day(year: i32, month: u32, day: u32) -> Option<ReviewDate> {
        NaiveDate::from_ymd_opt(year, month, day).map(|d| ReviewDate {
            value: DateValue::Day(d),
            approximate: false,
        })
    }

    /// A month of a year. Returns `None` when the month is not 1–12.
    pub fn month(year: i32, month: u32) -> Option<ReviewDate> {
        (1..=12).contains(&month).then_some(ReviewDate {
            value: DateValue::Month(year, month),
            approximate: false,
        })
    }

    /// A year.
    pub fn year(year: i32) -> ReviewDate {
        ReviewDate {
            value: DateValue::Year(year),
            approximate: false,
        }
    }

    /// A season of a year.
    pub fn season(year: i32, season: Season) -> ReviewDate {
        ReviewDate {
            value: DateValue::Season(year, season),
            approximate: false,
        }
    }

    /// The same date marked as approximate.
    pub fn approx(mut self) -> ReviewDate {
        self.approximate = true;
        self
    }

    /// The precision of this date.
    pub fn precision(&self) -> DatePrecision {
        match self.value {
            DateValue::Day(_) => DatePrecision::Day,
            DateValue::Month(..) => DatePrecision::Month,
            DateValue::Season(..) => DatePrecision::Season,
            DateValue::Year(_) => DatePrecision::Year,
        }
    }

    /// The first calendar day the date can stand for; used for sorting and
    /// for the child's age.
    pub fn first_day(&self) -> NaiveDate {
        let fallback = NaiveDate::MIN;
        match self.value {
            DateValue::Day(d) => d,
            DateValue::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(fallback),
            DateValue::Season(y, s) => {
                NaiveDate::from_ymd_opt(y, s.first_month(), 1).unwrap_or(fallback)
            }
            DateValue::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or(fallback),
        }
    }

    /// The last calendar day the date can stand for: "March 2019" ends on
    /// 31 March 2019, "Winter 2019" on the last day of February 2020.
    pub fn last_day(&self) -> NaiveDate {
        let month_end = |y: i32, m: u32| {
            let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
            NaiveDate::from_ymd_opt(ny, nm, 1)
                .and_then(|d| d.pred_opt())
                .unwrap_or(NaiveDate::MAX)
        };
        match self.value {
            DateValue::Day(d) => d,
            DateValue::Month(y, m) => month_end(y, m),
            DateValue::Season(y, s) => {
                let last = s.first_month() + 2;
                if last > 12 {
                    month_end(y + 1, last - 12)
                } else {
                    month_end(y, last)
                }
            }
            DateValue::Year(y) => month_end(y, 12),
        }
    }

    /// True when this date, read as a span, lies wholly before `other`.
    pub fn wholly_before(&self, other: &ReviewDate) -> bool {
        self.last_day() < other.first_day()
    }

    /// The year the date falls in.
    pub fn year_number(&self) -> i32 {
        match self.value {
            DateValue::Day(d) => d.year(),
            DateValue::Month(y, _) | DateValue::Season(y, _) | DateValue::Year(y) => y,
        }
    }

    /// A reader-friendly rendering: "3 April 2021", "April 2021",
    /// "Spring 2021", "2021", prefixed by "c. " when approximate.
    pub fn human(&self) -> String {
        let body = match self.value {
            DateValue::Day(d) => {
                format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
            }
            DateValue::Month(y, m) => format!("{} {}", MONTHS[(m - 1) as usize], y),
            DateValue::Season(y, s) => {
                let name = s.name();
                format!("{}{} {}", name[..1].to_uppercase(), &name[1..], y)
            }
            DateValue::Year(y) => y.to_string(),
        };
        if self.approximate {
            format!("c. {body}")
        } else {
            body
        }
    }
}

/// English weekday names, Monday first.
pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// True for a month or weekday name as written ("April", "Monday"):
/// capitalised like a name, but never one.
pub fn is_calendar_word(word: &str) -> bool {
    MONTHS.contains(&word)
        || WEEKDAYS.contains(&word)
        // "collects him Fridays": a weekday in the plural.
        || word
            .strip_suffix('s')
            .is_some_and(|day| WEEKDAYS.contains(&day))
}

/// English month names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Ord for ReviewDate {
    fn cmp(&self, other: &Self) -> Ordering {
        let rank = |p: DatePrecision| match p {
            DatePrecision::Day => 0,
            DatePrecision::Month => 1,
            DatePrecision::Season => 2,
            DatePrecision::Year => 3,
        };
        self.first_day()
            .cmp(&other.first_day())
            .then(rank(self.precision()).cmp(&rank(other.precision())))
            .then(self.approximate.cmp(&other.approximate))
    }
}

impl PartialOrd for ReviewDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for ReviewDate {
    /// The canonical file form: `2021-04-03`, `2021-04`, `2021-spring`, `2021`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.approximate {
            f.write_str("~")?;
        }
        match self.value {
            DateValue::Day(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            DateValue::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            DateValue::Season(y, s) => write!(f, "{y:04}-{}", s.name()),
            DateValue::Year(y) => write!(f, "{y:04}"),
        }
    }
}

/// Why a date string in the review file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{text}` is not a date: expected YYYY-MM-DD, YYYY-MM, YYYY-season or YYYY, optionally preceded by ~"
)]
pub struct DateFormatError {
    /// The text that was given.
    pub text: String,
}

impl FromStr for ReviewDate {
    type Err = DateFormatError;

    /// Parses the canonical file form written by [`fmt::Display`].
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let err = || DateFormatError {
            text: text.to_string(),
        };
        let trimmed = text.trim();
        let (approximate, body) = match trimmed.strip_prefix('~') {
            Some(rest) => (true, rest),
            None => (false, trimmed),
        };
        let parts: Vec<&str> = body.split('-').collect();
        let year: i32 = parts
            .first()
            .and_then(|y| (y.len() == 4).then(|| y.parse().ok()).flatten())
            .ok_or_else(err)?;
        let value = match parts.as_slice() {
            [_] => DateValue::Year(year),
            [_, second] => {
                if let Some(season) = Season::parse(second) {
                    DateValue::Season(year, season)
                } else {
                    let month: u32 = second.parse().map_err(|_| err())?;
                    if !(1..=12).contains(&month) || second.len() != 2 {
                        return Err(err());
                    }
                    DateValue::Month(year, month)
                }
            }
            [_, month, day] => {
                if month.len() != 2 || day.len() != 2 {
                    return Err(err());
                }
                let m: u32 = month.parse().map_err(|_| err())?;
                let d: u32 = day.parse().map_err(|_| err())?;
                DateValue::Day(NaiveDate::from_ymd_opt(year, m, d).ok_or_else(err)?)
            }
            _ => return Err(err()),
        };
        Ok(ReviewDate { value, approximate })
    }
}

impl Serialize for ReviewDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ReviewDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// A span of time: the period under review, or the span of an episode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// First date of the period.
    pub start: ReviewDate,
    /// Last date of the period.
    pub end: ReviewDate,
}

/// The whole years and months between a date of birth and a date, as used in
/// reports ("aged 1 year 2 months"); `None` when the date is before birth.
pub fn age_on(date_of_birth: NaiveDate, on: NaiveDate) -> Option<(u32, u32)> {
    if on < date_of_birth {
        return None;
    }
    let mut months =
        (on.year() - date_of_birth.year()) * 12 + on.month() as i32 - date_of_birth.month() as i32;
    if on.day() < date_of_birth.day() {
        months -= 1;
    }
    let months = months.max(0) as u32;
    Some((months / 12, months % 12))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_forms_round_trip() {
        for text in [
            "2021-04-03",
            "2021-04",
            "2021-spring",
            "2021",
            "~2021-04",
            "~2019-winter",
            "~2020-02-29",
        ] {
            let date: ReviewDate = text.parse().unwrap();
            assert_eq!(date.to_string(), text);
        }
    }

    #[test]
    fn impossible_and_malformed_dates_are_refused() {
        for text in [
            "2021-02-30",
            "2021-13",
            "21-04-03",
            "2021-4-3",
            "spring",
            "",
            "2021-04-03-01",
            "~",
        ] {
            assert!(
                text.parse::<ReviewDate>().is_err(),
                "{text} should be refused"
            );
        }
    }

    #[test]
    fn dates_sort_by_first_day_then_precision() {
        let mut dates: Vec<ReviewDate> = [
            "2021",
            "2021-04-03",
            "2021-04",
            "2020-winter",
            "2021-spring",
        ]
        .iter()
        .map(|t| t.parse().unwrap())
        .collect();
        dates.sort();
        let text: Vec<String> = dates.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            text,
            [
                "2020-winter",
                "2021",
                "2021-spring",
                "2021-04",
                "2021-04-03"
            ]
        );
    }

    #[test]
    fn human_form_names_the_month() {
        assert_eq!(
            "2021-04-03".parse::<ReviewDate>().unwrap().human(),
            "3 April 2021"
        );
        assert_eq!(
            "~2021-spring".parse::<ReviewDate>().unwrap().human(),
            "c. Spring 2021"
        );
    }

    #[test]
    fn spans_end_on_their_last_day() {
        let d = |t: &str| t.parse::<ReviewDate>().unwrap();
        assert_eq!(
            d("2019-02").last_day(),
            NaiveDate::from_ymd_opt(2019, 2, 28).unwrap()
        );
        assert_eq!(
            d("2019-winter").last_day(),
            NaiveDate::from_ymd_opt(2020, 2, 29).unwrap()
        );
        assert_eq!(
            d("2019").last_day(),
            NaiveDate::from_ymd_opt(2019, 12, 31).unwrap()
        );
        assert!(!d("2019-03").wholly_before(&d("2019-03-04")));
        assert!(d("2019-02").wholly_before(&d("2019-03-04")));
    }

    #[test]
    fn age_counts_whole_months() {
        let dob = NaiveDate::from_ymd_opt(2020, 1, 15).unwrap();
        assert_eq!(
            age_on(dob, NaiveDate::from_ymd_opt(2021, 3, 14).unwrap()),
            Some((1, 1))
        );
        assert_eq!(
            age_on(dob, NaiveDate::from_ymd_opt(2021, 3, 15).unwrap()),
            Some((1, 2))
        );
        assert_eq!(
            age_on(dob, NaiveDate::from_ymd_opt(2019, 3, 15).unwrap()),
            None
        );
    }
}
