//! A review's timetable: the statutory milestones computed from the dates
//! its clock records, in working days of its calendar or in months, each
//! with its status on a given day and the reason recorded when it was
//! missed.
//!
//! The rules (England, Working Together to Safeguard Children):
//! - **notification** to the national panel: the 5th working day after the
//!   local authority became aware;
//! - **rapid review** to the national panel: the 15th working day after its
//!   anchor (notification sent, by default, or became aware);
//! - **review publication** of a local review: 6 months after the decision
//!   to hold one, extended by the length of every pause;
//! - **notice to panel**: the final report to the national panel and the
//!   Secretary of State on the 7th working day before publication at the
//!   latest (before the planned publication date until it is published);
//! - **keep published until**: a year after publication.

mod calendar;

pub use calendar::{Calendar, CalendarError};

use std::path::PathBuf;

use chrono::{Days, Months, NaiveDate};

use crate::model::{Milestone, RapidReviewAnchor, ReviewClock, ReviewDecision};

/// Working days for the notification.
pub const NOTIFICATION_WORKING_DAYS: u32 = 5;
/// Working days for the rapid review.
pub const RAPID_REVIEW_WORKING_DAYS: u32 = 15;
/// Months from the decision to publication.
pub const PUBLICATION_MONTHS: u32 = 6;
/// Working days before publication the final report goes to the panel.
pub const NOTICE_WORKING_DAYS: u32 = 7;
/// Months a report stays published.
pub const KEEP_PUBLISHED_MONTHS: u32 = 12;

/// A day as the timetable writes it: "18 January 2027".
pub fn long_date(day: NaiveDate) -> String {
    day.format("%-d %B %Y").to_string()
}

/// Where a milestone stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// The date it counts from is not recorded yet.
    Waiting,
    /// The review's decision makes it unnecessary.
    NotNeeded,
    /// Not done; due in this many working days (0: due today).
    Due(i64),
    /// Not done; this many working days past its deadline.
    Overdue(i64),
    /// Done on or before its deadline.
    Done,
    /// Done after its deadline.
    DoneLate,
    /// Stopped by a pause that has not ended.
    Paused,
    /// The report was taken down before its year was up.
    TooEarly,
}

impl Status {
    /// The name used in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Status::Waiting => "waiting",
            Status::NotNeeded => "not-needed",
            Status::Due(_) => "due",
            Status::Overdue(_) => "overdue",
            Status::Done => "done",
            Status::DoneLate => "done-late",
            Status::Paused => "paused",
            Status::TooEarly => "too-early",
        }
    }

    /// True when the deadline was or is being missed.
    pub fn is_missed(self) -> bool {
        matches!(
            self,
            Status::Overdue(_) | Status::DoneLate | Status::TooEarly
        )
    }

    /// The status in words, e.g. "due in 3 working days".
    pub fn describe(self) -> String {
        match self {
            Status::Waiting => "waiting for the date it counts from".into(),
            Status::NotNeeded => "not needed".into(),
            Status::Due(0) => "due today".into(),
            Status::Due(1) => "due in 1 working day".into(),
            Status::Due(n) => format!("due in {n} working days"),
            Status::Overdue(1) => "overdue by 1 working day".into(),
            Status::Overdue(n) => format!("overdue by {n} working days"),
            Status::Done => "done".into(),
            Status::DoneLate => "done late".into(),
            Status::Paused => "paused".into(),
            Status::TooEarly => "taken down before its year was up".into(),
        }
    }
}

/// One milestone of a review's timetable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MilestoneState {
    /// Which milestone.
    pub milestone: Milestone,
    /// Its deadline, when the date it counts from is known.
    pub due: Option<NaiveDate>,
    /// The day it was done, when recorded.
    pub done: Option<NaiveDate>,
    /// Where it stands.
    pub status: Status,
    /// The reason recorded for missing it.
    pub reason: Option<String>,
    /// How the deadline is reckoned, e.g. "5 working days after became
    /// aware (21 December 2026)".
    pub basis: String,
    /// A caution about the reckoning, e.g. a year the calendar has no bank
    /// holidays for.
    pub caution: Option<String>,
}

impl MilestoneState {
    /// Where it stands with its dates, e.g. "due 18 January 2027 (in 10
    /// working days)" or "done late, 17 July 2023 (due 19 June 2023)".
    pub fn summary(&self) -> String {
        let due = self.due.map(long_date);
        let done = self.done.map(long_date);
        let in_days = |n: i64| match n {
            0 => "today".to_string(),
            1 => "in 1 working day".to_string(),
            n => format!("in {n} working days"),
        };
        match (self.status, due, done) {
            (Status::Due(n), Some(due), _) => format!("due {due} ({})", in_days(n)),
            (Status::Overdue(n), Some(due), _) => format!(
                "overdue: due {due} ({n} working day{} ago)",
                if n == 1 { "" } else { "s" }
            ),
            (Status::Done, Some(due), Some(done)) => format!("done {done} (due {due})"),
            (Status::Done, Some(due), None) => format!("done (due {due})"),
            (Status::DoneLate, Some(due), Some(done)) => {
                format!("done late, {done} (due {due})")
            }
            (Status::Paused, Some(due), _) => {
                format!("paused (due {due} if the pause ended today)")
            }
            (Status::TooEarly, Some(due), Some(done)) => {
                format!("taken down {done}, before its year was up on {due}")
            }
            (status, _, Some(done)) => format!("{} ({done})", status.describe()),
            (status, _, None) => status.describe(),
        }
    }

    /// True when the deadline was missed and no reason is recorded.
    pub fn needs_reason(&self) -> bool {
        self.status.is_missed() && self.reason.is_none()
    }
}

/// The calendar a review counts in: its named calendar (built in or in a
/// templates folder) with its own closure days.
pub fn calendar_for(clock: &ReviewClock, folders: &[PathBuf]) -> Result<Calendar, CalendarError> {
    Ok(Calendar::find(clock.calendar_name(), folders)?.with_closures(&clock.closures))
}

/// The review's milestones on `today`, in the order they fall.
pub fn milestones(
    clock: &ReviewClock,
    calendar: &Calendar,
    today: NaiveDate,
) -> Vec<MilestoneState> {
    let long = long_date;
    let mut out = Vec::with_capacity(Milestone::ALL.len());

    // Notification: 5 working days after becoming aware.
    out.push(working_day_milestone(
        Milestone::Notification,
        clock
            .aware
            .map(|a| (a, format!("becoming aware ({})", long(a)))),
        NOTIFICATION_WORKING_DAYS,
        clock.notified,
        calendar,
        today,
    ));

    // Rapid review: 15 working days after its anchor.
    let anchor = match clock.rapid_review_from {
        RapidReviewAnchor::Notified => clock
            .notified
            .map(|d| (d, format!("the notification ({})", long(d)))),
        RapidReviewAnchor::Aware => clock
            .aware
            .map(|d| (d, format!("becoming aware ({})", long(d)))),
    };
    out.push(working_day_milestone(
        Milestone::RapidReview,
        anchor,
        RAPID_REVIEW_WORKING_DAYS,
        clock.rapid_review_sent,
        calendar,
        today,
    ));

    let publication = publication(clock, calendar, today, &long);
    let needed = publication.status != Status::NotNeeded;

    // Notice to the panel: 7 working days before publication (planned
    // until it happens).
    let notice_anchor = clock.published.or(publication.due);
    let mut notice = MilestoneState {
        milestone: Milestone::NoticeToPanel,
        due: None,
        done: clock.sent_to_panel,
        status: Status::Waiting,
        reason: None,
        basis: String::new(),
        caution: None,
    };
    if !needed {
        notice.status = Status::NotNeeded;
        notice.basis = "no local review to publish".into();
    } else if let Some(anchor) = notice_anchor {
        let due = calendar.sub_working_days(anchor, NOTICE_WORKING_DAYS);
        let what = if clock.published.is_some() {
            "publication"
        } else {
            "the publication deadline"
        };
        notice.basis = format!(
            "{NOTICE_WORKING_DAYS} working days before {what} ({})",
            long(anchor)
        );
        notice.due = Some(due);
        notice.status = deadline_status(due, clock.sent_to_panel, calendar, today);
        if publication.status == Status::Paused && clock.sent_to_panel.is_none() {
            notice.status = Status::Paused;
        }
        notice.caution = uncovered(calendar, &[anchor, due]);
    } else {
        notice.basis = format!("{NOTICE_WORKING_DAYS} working days before publication");
    }
    out.push(notice);
    out.push(publication);

    // Kept published for a year.
    let mut keep = MilestoneState {
        milestone: Milestone::KeepPublishedUntil,
        due: None,
        done: clock.kept_until,
        status: Status::Waiting,
        reason: None,
        basis: format!("{KEEP_PUBLISHED_MONTHS} months after publication"),
        caution: None,
    };
    if !needed {
        keep.status = Status::NotNeeded;
        keep.basis = "no local review to publish".into();
    } else if let Some(published) = clock.published {
        let due = add_months(published, KEEP_PUBLISHED_MONTHS);
        keep.basis = format!(
            "{KEEP_PUBLISHED_MONTHS} months after publication ({})",
            long(published)
        );
        keep.due = Some(due);
        keep.status = match clock.kept_until {
            Some(until) if until < due => Status::TooEarly,
            _ if today >= due => Status::Done,
            _ => Status::Due(calendar.working_days_between(today, due)),
        };
    }
    out.push(keep);

    for state in &mut out {
        state.reason = clock.missed_reason(state.milestone).map(str::to_string);
    }
    out
}

/// A milestone due `days` working days after `anchor`.
fn working_day_milestone(
    milestone: Milestone,
    anchor: Option<(NaiveDate, String)>,
    days: u32,
    done: Option<NaiveDate>,
    calendar: &Calendar,
    today: NaiveDate,
) -> MilestoneState {
    let Some((from, what)) = anchor else {
        let basis = match milestone {
            Milestone::Notification => format!("{days} working days after becoming aware"),
            _ => format!("{days} working days after the date it counts from"),
        };
        return MilestoneState {
            milestone,
            due: None,
            done,
            status: if done.is_some() {
                Status::Done
            } else {
                Status::Waiting
            },
            reason: None,
            basis,
            caution: None,
        };
    };
    let due = calendar.add_working_days(from, days);
    MilestoneState {
        milestone,
        due: Some(due),
        done,
        status: deadline_status(due, done, calendar, today),
        reason: None,
        basis: format!("{days} working days after {what}"),
        caution: uncovered(calendar, &[from, due]),
    }
}

/// The publication milestone: 6 months after the decision, extended by
/// the pauses.
fn publication(
    clock: &ReviewClock,
    calendar: &Calendar,
    today: NaiveDate,
    long: &dyn Fn(NaiveDate) -> String,
) -> MilestoneState {
    let mut state = MilestoneState {
        milestone: Milestone::ReviewPublication,
        due: None,
        done: clock.published,
        status: Status::Waiting,
        reason: None,
        basis: format!("{PUBLICATION_MONTHS} months after the decision to hold a local review"),
        caution: None,
    };
    match clock.decision {
        ReviewDecision::NoFurtherReview | ReviewDecision::NationalReview
            if clock.published.is_none() =>
        {
            state.status = Status::NotNeeded;
            state.basis = match clock.decision {
                ReviewDecision::NationalReview => "the national panel holds the review".into(),
                _ => "no further review was decided".into(),
            };
            return state;
        }
        _ => {}
    }
    let Some(decided) = clock.decided else {
        if clock.published.is_some() {
            state.status = Status::Done;
        }
        return state;
    };
    let paused = paused_days(clock, today);
    let due = add_months(decided, PUBLICATION_MONTHS)
        .checked_add_days(Days::new(paused))
        .unwrap_or(NaiveDate::MAX);
    state.due = Some(due);
    state.basis = if paused == 0 {
        format!(
            "{PUBLICATION_MONTHS} months after the decision ({})",
            long(decided)
        )
    } else {
        format!(
            "{PUBLICATION_MONTHS} months after the decision ({}), plus {paused} days paused",
            long(decided)
        )
    };
    let open_pause = clock
        .pauses
        .iter()
        .any(|p| p.from <= today && p.to.is_none_or(|to| to >= today));
    state.status = if clock.published.is_none() && open_pause {
        Status::Paused
    } else {
        // The deadline is reckoned in months; what is left of it is still
        // told in working days.
        deadline_status(due, clock.published, calendar, today)
    };
    state
}

/// Done, done late, due or overdue.
fn deadline_status(
    due: NaiveDate,
    done: Option<NaiveDate>,
    calendar: &Calendar,
    today: NaiveDate,
) -> Status {
    match done {
        Some(done) if done <= due => Status::Done,
        Some(_) => Status::DoneLate,
        None if today <= due => Status::Due(calendar.working_days_between(today, due)),
        None => Status::Overdue(calendar.working_days_between(due, today)),
    }
}

/// The days paused, counting each day once however pauses overlap; a
/// pause that has not ended runs to `today`.
pub fn paused_days(clock: &ReviewClock, today: NaiveDate) -> u64 {
    let mut spans: Vec<(NaiveDate, NaiveDate)> = clock
        .pauses
        .iter()
        .map(|p| (p.from, p.to.unwrap_or(today.max(p.from))))
        .filter(|(from, to)| from <= to)
        .collect();
    spans.sort();
    let mut total = 0u64;
    let mut reach: Option<NaiveDate> = None;
    for (from, to) in spans {
        let start = match reach {
            Some(r) if r >= from => r.succ_opt().unwrap_or(r),
            _ => from,
        };
        if start <= to && reach.is_none_or(|r| to > r) {
            total += (to - start).num_days() as u64 + 1;
        }
        reach = Some(reach.map_or(to, |r| r.max(to)));
    }
    total
}

/// `day` plus `months` calendar months (the last day of a shorter month
/// when the day does not exist in it).
fn add_months(day: NaiveDate, months: u32) -> NaiveDate {
    day.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

/// A caution when a date falls in a year the calendar has no bank
/// holidays for.
fn uncovered(calendar: &Calendar, days: &[NaiveDate]) -> Option<String> {
    use chrono::Datelike;
    let mut years: Vec<i32> = days
        .iter()
        .filter(|d| !calendar.covers(**d))
        .map(|d| d.year())
        .collect();
    years.sort_unstable();
    years.dedup();
    if years.is_empty() {
        return None;
    }
    let list = years
        .iter()
        .map(i32::to_string)
        .collect::<Vec<_>>()
        .join(" and ");
    Some(format!(
        "the {} calendar has no bank holidays for {list}: working days there are counted Monday to Friday only (add the year to templates/calendars/{}.ron in your templates folder)",
        calendar.title, calendar.name
    ))
}

#[cfg(test)]
mod tests;
