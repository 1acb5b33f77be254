//! The review's statutory clock as the review records it: the dates that
//! start and stop it, the decision on a full review, pauses for parallel
//! processes, local closure days and the reasons recorded for deadlines
//! missed. The deadlines themselves are computed from these (see
//! `crate::timetable`), never stored.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The dates and decisions that drive a review's timetable. Every date is
/// optional: a review records them as they happen.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ReviewClock {
    /// The bank-holiday calendar working days are counted in, by name
    /// (`templates/calendars/NAME.ron`); empty means England and Wales.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub calendar: String,
    /// What the rapid review's 15 working days count from.
    pub rapid_review_from: RapidReviewAnchor,
    /// The day the local authority became aware of the serious incident.
    pub aware: Option<NaiveDate>,
    /// The day the notification was sent to the national panel.
    pub notified: Option<NaiveDate>,
    /// The day the rapid review was sent to the national panel.
    pub rapid_review_sent: Option<NaiveDate>,
    /// The day the partners decided whether to hold a full review.
    pub decided: Option<NaiveDate>,
    /// What they decided.
    pub decision: ReviewDecision,
    /// Why: the rationale the rapid review gives the national panel.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub decision_rationale: String,
    /// The day the final report was sent to the national panel and the
    /// Secretary of State.
    pub sent_to_panel: Option<NaiveDate>,
    /// The day the report was published.
    pub published: Option<NaiveDate>,
    /// The day the partnership will keep (or kept) the report published
    /// until.
    pub kept_until: Option<NaiveDate>,
    /// Pauses for parallel processes (criminal proceedings, an inquest).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pauses: Vec<Pause>,
    /// The partnership's own closure days, counted as non-working days on
    /// top of the bank holidays.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub closures: Vec<ClosureDay>,
    /// Why a deadline was missed, one per milestone missed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missed: Vec<MissedReason>,
}

impl ReviewClock {
    /// True when nothing has been recorded.
    pub fn is_empty(&self) -> bool {
        *self == ReviewClock::default()
    }

    /// The reason recorded for missing `milestone`, if any.
    pub fn missed_reason(&self, milestone: Milestone) -> Option<&str> {
        self.missed
            .iter()
            .find(|m| m.milestone == milestone)
            .map(|m| m.reason.as_str())
            .filter(|r| !r.trim().is_empty())
    }

    /// The calendar's name, England and Wales when none is set.
    pub fn calendar_name(&self) -> &str {
        if self.calendar.trim().is_empty() {
            DEFAULT_CALENDAR
        } else {
            self.calendar.trim()
        }
    }
}

/// The calendar a review counts in unless it names another.
pub const DEFAULT_CALENDAR: &str = "england-and-wales";

/// What the rapid review's 15 working days count from: partnerships
/// differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum RapidReviewAnchor {
    /// The day the notification was sent to the national panel.
    #[default]
    Notified,
    /// The day the local authority became aware of the incident.
    Aware,
}

/// The decision the rapid review records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ReviewDecision {
    /// Not decided yet.
    #[default]
    Undecided,
    /// A local child safeguarding practice review.
    LocalReview,
    /// The case goes to the national panel for a national review.
    NationalReview,
    /// No further review: the learning is taken forward another way.
    NoFurtherReview,
}

/// A pause of the review for a parallel process.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pause {
    /// The first day of the pause.
    pub from: NaiveDate,
    /// The last day, or `None` while the pause goes on.
    #[serde(default)]
    pub to: Option<NaiveDate>,
    /// Why, e.g. "criminal proceedings" or "the inquest".
    #[serde(default)]
    pub reason: String,
}

/// A day the partnership's offices are closed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClosureDay {
    /// The day.
    pub date: NaiveDate,
    /// What it is, e.g. "Office closure".
    #[serde(default)]
    pub name: String,
}

/// Why a milestone's deadline was missed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MissedReason {
    /// The milestone.
    pub milestone: Milestone,
    /// The reason, in the partnership's words.
    pub reason: String,
}

/// The milestones of a review's timetable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Milestone {
    /// The notification to the national panel: 5 working days after the
    /// local authority became aware.
    Notification,
    /// The rapid review: 15 working days after its anchor.
    RapidReview,
    /// Publication of a local review: about 6 months after the decision,
    /// extended by pauses.
    ReviewPublication,
    /// The final report to the national panel and the Secretary of State:
    /// at least 7 working days before publication.
    NoticeToPanel,
    /// The report stays published for at least a year.
    KeepPublishedUntil,
}

impl Milestone {
    /// Every milestone, in the order they fall.
    pub const ALL: [Milestone; 5] = [
        Milestone::Notification,
        Milestone::RapidReview,
        Milestone::NoticeToPanel,
        Milestone::ReviewPublication,
        Milestone::KeepPublishedUntil,
    ];

    /// The name used on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Milestone::Notification => "notification",
            Milestone::RapidReview => "rapid-review",
            Milestone::ReviewPublication => "review-publication",
            Milestone::NoticeToPanel => "notice-to-panel",
            Milestone::KeepPublishedUntil => "keep-published-until",
        }
    }

    /// The milestone named `name` (see [`Milestone::name`]).
    pub fn parse(name: &str) -> Option<Milestone> {
        Milestone::ALL.into_iter().find(|m| m.name() == name.trim())
    }

    /// What it is, for a person.
    pub fn label(self) -> &'static str {
        match self {
            Milestone::Notification => "Notification to the national panel",
            Milestone::RapidReview => "Rapid review to the national panel",
            Milestone::ReviewPublication => "Publication of the review",
            Milestone::NoticeToPanel => "Final report to the panel and the Secretary of State",
            Milestone::KeepPublishedUntil => "Report kept published until",
        }
    }
}
