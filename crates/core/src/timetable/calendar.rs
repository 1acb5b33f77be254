//! Working days: Monday to Friday except bank holidays and the
//! partnership's closure days. Bank holidays are data
//! (`templates/calendars/NAME.ron`): the ones shipped are built in, and a
//! file of the same name in a templates folder adds its days (further
//! years, local closures) without recompiling.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::Deserialize;

use crate::model::ClosureDay;
use crate::taxonomy::{is_template_name, read_template_file};

/// The calendars shipped with Foresight.
const BUILT_IN: &[(&str, &str)] = &[
    (
        "england-and-wales",
        include_str!("../../../../templates/calendars/england-and-wales.ron"),
    ),
    (
        "scotland",
        include_str!("../../../../templates/calendars/scotland.ron"),
    ),
    (
        "northern-ireland",
        include_str!("../../../../templates/calendars/northern-ireland.ron"),
    ),
];

/// A calendar file as written.
#[derive(Debug, Deserialize)]
struct CalendarFile {
    name: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    holidays: Vec<(NaiveDate, String)>,
}

/// Why a calendar could not be had.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CalendarError {
    /// The review names a calendar by something that is not a plain name.
    #[error(
        "\"{0}\" is not a calendar name: a review names its calendar by a plain name such as england-and-wales, never by a path"
    )]
    BadName(String),
    /// No calendar of that name.
    #[error("no calendar named \"{name}\" (built in: {built_in}; searched: {searched})")]
    NotFound {
        /// The name asked for.
        name: String,
        /// The built-in calendars.
        built_in: String,
        /// The folders searched.
        searched: String,
    },
    /// A calendar file that does not parse.
    #[error("{path}:{line}:{column}: {message}")]
    Malformed {
        /// The file.
        path: PathBuf,
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
        /// What is wrong.
        message: String,
    },
}

/// A bank-holiday calendar with the review's closure days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    /// The name a review refers to it by.
    pub name: String,
    /// Its title, e.g. "England and Wales".
    pub title: String,
    /// Days that are not working days although they fall Monday to
    /// Friday, with their names.
    holidays: BTreeMap<NaiveDate, String>,
    /// The years the calendar's data covers.
    years: BTreeSet<i32>,
}

impl Calendar {
    /// Parses calendar text; `path` is named in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Calendar, CalendarError> {
        let file: CalendarFile = ron::from_str(text).map_err(|e| CalendarError::Malformed {
            path: path.to_path_buf(),
            line: e.span.start.line,
            column: e.span.start.col,
            message: e.code.to_string(),
        })?;
        let mut calendar = Calendar {
            title: if file.title.is_empty() {
                file.name.clone()
            } else {
                file.title
            },
            name: file.name,
            holidays: BTreeMap::new(),
            years: BTreeSet::new(),
        };
        for (day, name) in file.holidays {
            calendar.add_day(day, name);
        }
        Ok(calendar)
    }

    /// A built-in calendar by name.
    pub fn built_in(name: &str) -> Option<Calendar> {
        BUILT_IN.iter().find(|(n, _)| *n == name).map(|(n, text)| {
            Calendar::parse(text, Path::new(n)).expect("built-in calendars are tested to parse")
        })
    }

    /// The names of the built-in calendars.
    pub fn built_in_names() -> Vec<&'static str> {
        BUILT_IN.iter().map(|(n, _)| *n).collect()
    }

    /// The calendar named `name`: the built-in one, with the days of every
    /// `calendars/NAME.ron` in `folders` added; a calendar only the user
    /// has is found the same way.
    pub fn find(name: &str, folders: &[PathBuf]) -> Result<Calendar, CalendarError> {
        if !is_template_name(name) {
            return Err(CalendarError::BadName(name.to_string()));
        }
        let mut found = Calendar::built_in(name);
        for folder in folders {
            let path = folder.join("calendars").join(format!("{name}.ron"));
            if let Some(text) = read_template_file(&path) {
                let own = Calendar::parse(&text, &path)?;
                match &mut found {
                    Some(calendar) => {
                        for (day, holiday) in own.holidays {
                            calendar.add_day(day, holiday);
                        }
                    }
                    None => found = Some(own),
                }
            }
        }
        found.ok_or_else(|| CalendarError::NotFound {
            name: name.to_string(),
            built_in: Calendar::built_in_names().join(", "),
            searched: folders
                .iter()
                .map(|f| f.join("calendars").display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
        })
    }

    /// This calendar with the review's closure days added.
    pub fn with_closures(mut self, closures: &[ClosureDay]) -> Calendar {
        for closure in closures {
            let name = if closure.name.trim().is_empty() {
                "Closure day".to_string()
            } else {
                closure.name.clone()
            };
            self.holidays.insert(closure.date, name);
        }
        self
    }

    fn add_day(&mut self, day: NaiveDate, name: String) {
        self.years.insert(day.year());
        self.holidays.insert(day, name);
    }

    /// The holiday or closure on `day`, if any.
    pub fn holiday(&self, day: NaiveDate) -> Option<&str> {
        self.holidays.get(&day).map(String::as_str)
    }

    /// The bank holidays and closures, in date order.
    pub fn holidays(&self) -> impl Iterator<Item = (NaiveDate, &str)> {
        self.holidays.iter().map(|(d, n)| (*d, n.as_str()))
    }

    /// True when the calendar has bank holidays for `day`'s year: outside
    /// them, working days are counted as Monday to Friday only.
    pub fn covers(&self, day: NaiveDate) -> bool {
        self.years.contains(&day.year())
    }

    /// True for Monday to Friday that is neither a holiday nor a closure.
    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) && !self.holidays.contains_key(&day)
    }

    /// The `n`th working day after `from` (`from` itself is not counted);
    /// `from` when `n` is 0.
    pub fn add_working_days(&self, from: NaiveDate, n: u32) -> NaiveDate {
        self.step_working_days(from, n, true)
    }

    /// The `n`th working day before `from` (`from` itself is not counted);
    /// `from` when `n` is 0.
    pub fn sub_working_days(&self, from: NaiveDate, n: u32) -> NaiveDate {
        self.step_working_days(from, n, false)
    }

    fn step_working_days(&self, from: NaiveDate, n: u32, forward: bool) -> NaiveDate {
        let mut day = from;
        let mut left = n;
        while left > 0 {
            let next = if forward {
                day.checked_add_days(Days::new(1))
            } else {
                day.checked_sub_days(Days::new(1))
            };
            // The ends of the calendar are far beyond any review.
            let Some(next) = next else { return day };
            day = next;
            if self.is_working_day(day) {
                left -= 1;
            }
        }
        day
    }

    /// The working days after `from` up to and including `to`; negative
    /// (the working days after `to` up to `from`) when `to` is earlier.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        let (start, end, sign) = if to >= from {
            (from, to, 1)
        } else {
            (to, from, -1)
        };
        let count = start
            .iter_days()
            .skip(1)
            .take_while(|d| *d <= end)
            .filter(|d| self.is_working_day(*d))
            .count() as i64;
        sign * count
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn england() -> Calendar {
        Calendar::built_in("england-and-wales").unwrap()
    }

    fn scotland() -> Calendar {
        Calendar::built_in("scotland").unwrap()
    }

    #[test]
    fn every_built_in_calendar_parses_and_names_itself() {
        for name in Calendar::built_in_names() {
            let calendar = Calendar::built_in(name).unwrap();
            assert_eq!(calendar.name, name);
            for year in 2022..=2028 {
                assert!(
                    calendar.covers(day(&format!("{year}-06-01"))),
                    "{name} {year}"
                );
            }
            // No holiday falls on a weekend: substitutes are given instead.
            for (date, holiday) in calendar.holidays() {
                assert!(
                    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun),
                    "{name}: {date} {holiday}"
                );
            }
        }
    }

    #[test]
    fn christmas_and_new_year_in_england_and_wales() {
        let cal = england();
        // 2026: Christmas Friday, Boxing Day Saturday (substitute Monday
        // 28th), New Year's Day 2027 a Friday.
        assert_eq!(
            cal.holiday(day("2026-12-28")),
            Some("Boxing Day (substitute day)")
        );
        // Five working days after Monday 21 December 2026: 22, 23, 24,
        // 29, 30 December.
        assert_eq!(
            cal.add_working_days(day("2026-12-21"), 5),
            day("2026-12-30")
        );
        // Fifteen working days after Wednesday 23 December 2026: 24, 29,
        // 30, 31 Dec, then 4 to 8 and 11 to 15 January, and the 18th.
        assert_eq!(
            cal.add_working_days(day("2026-12-23"), 15),
            day("2027-01-18")
        );
        // 2027: Christmas on a Saturday, both substitutes on 27 and 28.
        assert!(!cal.is_working_day(day("2027-12-27")));
        assert!(!cal.is_working_day(day("2027-12-28")));
        assert_eq!(
            cal.add_working_days(day("2027-12-24"), 1),
            day("2027-12-29")
        );
        // 2028: New Year's Day a Saturday, substitute Monday 3 January.
        assert_eq!(
            cal.add_working_days(day("2027-12-31"), 1),
            day("2028-01-04")
        );
    }

    #[test]
    fn easter_in_england_and_wales() {
        let cal = england();
        // Easter 2026: Good Friday 3 April, Easter Monday 6 April.
        assert_eq!(
            cal.add_working_days(day("2026-04-02"), 1),
            day("2026-04-07")
        );
        // Easter 2027: 26 and 29 March.
        assert_eq!(
            cal.add_working_days(day("2027-03-25"), 2),
            day("2027-03-31")
        );
        // Easter 2028: 14 and 17 April.
        assert_eq!(
            cal.add_working_days(day("2028-04-13"), 1),
            day("2028-04-18")
        );
        assert_eq!(
            cal.sub_working_days(day("2028-04-18"), 1),
            day("2028-04-13")
        );
    }

    #[test]
    fn scotland_keeps_the_second_of_january_and_works_on_easter_monday() {
        let cal = scotland();
        // 2 January 2026 is a Friday and a holiday in Scotland only.
        assert!(!cal.is_working_day(day("2026-01-02")));
        assert!(england().is_working_day(day("2026-01-02")));
        // Easter Monday is a working day in Scotland.
        assert!(cal.is_working_day(day("2026-04-06")));
        assert!(cal.is_working_day(day("2027-03-29")));
        assert!(cal.is_working_day(day("2028-04-17")));
        assert!(!cal.is_working_day(day("2028-04-14")));
        // New Year 2027: 1 January (Friday) and 2 January's substitute on
        // Monday 4 January.
        assert_eq!(
            cal.add_working_days(day("2026-12-31"), 1),
            day("2027-01-05")
        );
        // New Year 2028 on a weekend: both substitutes, 3 and 4 January.
        assert_eq!(
            cal.add_working_days(day("2027-12-31"), 1),
            day("2028-01-05")
        );
        // Fifteen working days from Monday 21 December 2026 in Scotland:
        // 22, 23, 24, 29, 30, 31 Dec, 5 to 8, 11 to 15 January.
        assert_eq!(
            cal.add_working_days(day("2026-12-21"), 15),
            day("2027-01-15")
        );
        assert_eq!(
            england().add_working_days(day("2026-12-21"), 15),
            day("2027-01-14")
        );
    }

    #[test]
    fn working_days_are_counted_both_ways() {
        let cal = england();
        assert_eq!(
            cal.working_days_between(day("2026-12-21"), day("2026-12-30")),
            5
        );
        assert_eq!(
            cal.working_days_between(day("2026-12-30"), day("2026-12-21")),
            -5
        );
        assert_eq!(
            cal.working_days_between(day("2026-12-21"), day("2026-12-21")),
            0
        );
        assert_eq!(
            cal.add_working_days(day("2026-12-21"), 0),
            day("2026-12-21")
        );
    }

    #[test]
    fn closure_days_and_a_users_own_years_are_added() {
        let cal = england().with_closures(&[ClosureDay {
            date: day("2026-12-29"),
            name: "Office closure".into(),
        }]);
        assert_eq!(
            cal.add_working_days(day("2026-12-21"), 5),
            day("2026-12-31")
        );

        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("calendars")).unwrap();
        std::fs::write(
            dir.path().join("calendars/england-and-wales.ron"),
            "(name: \"england-and-wales\", holidays: [(\"2029-01-01\", \"New Year's Day\")])",
        )
        .unwrap();
        let folders = vec![dir.path().to_path_buf()];
        let cal = Calendar::find("england-and-wales", &folders).unwrap();
        assert!(cal.covers(day("2029-01-01")) && cal.covers(day("2026-01-01")));
        assert!(!cal.is_working_day(day("2029-01-01")));
        assert!(!cal.is_working_day(day("2026-12-25")));

        std::fs::write(
            dir.path().join("calendars/jersey.ron"),
            "(name: \"jersey\", holidays: [(\"2026-05-11\", \"Liberation Day\")])",
        )
        .unwrap();
        let cal = Calendar::find("jersey", &folders).unwrap();
        assert_eq!(cal.holiday(day("2026-05-11")), Some("Liberation Day"));
    }

    #[test]
    fn bad_names_and_files_are_said_plainly() {
        assert!(matches!(
            Calendar::find("../secret", &[]),
            Err(CalendarError::BadName(_))
        ));
        let missing = Calendar::find("atlantis", &[]).unwrap_err().to_string();
        assert!(
            missing.contains("no calendar named \"atlantis\""),
            "{missing}"
        );
        assert!(missing.contains("england-and-wales"), "{missing}");
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("calendars")).unwrap();
        std::fs::write(
            dir.path().join("calendars/scotland.ron"),
            "(name: \"scotland\",\n holidays: [(\"2029-02-30\", \"x\")])",
        )
        .unwrap();
        let error = Calendar::find("scotland", &[dir.path().to_path_buf()]).unwrap_err();
        let CalendarError::Malformed { line, .. } = &error else {
            panic!("{error}")
        };
        assert_eq!(*line, 2, "{error}");
    }
}
