//! The partnership's response to a finding and its action plan: whether it
//! accepts what the finding asks, why, and the actions it will take, each
//! with an owner, a due date, a status and the evidence of its impact.
//!
//! Whether an action is overdue depends on the day it is asked on, which is
//! always passed in: nothing here reads the clock.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Finding, Id, ReviewDate};

/// The prefix of action ids ("AC1", "AC2"…).
pub const ACTION_ID_PREFIX: &str = "AC";

/// What the partnership decided about a finding's questions or
/// recommendations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ResponseDecision {
    /// The partnership has not yet responded.
    #[default]
    Awaited,
    /// Accepted.
    Accepted,
    /// Accepted in part.
    AcceptedInPart,
    /// Not accepted (a reason is needed).
    NotAccepted,
}

impl ResponseDecision {
    /// Every decision, in menu order.
    pub const ALL: [ResponseDecision; 4] = [
        ResponseDecision::Awaited,
        ResponseDecision::Accepted,
        ResponseDecision::AcceptedInPart,
        ResponseDecision::NotAccepted,
    ];

    /// The decision in words: "accepted in part".
    pub fn label(self) -> &'static str {
        match self {
            ResponseDecision::Awaited => "awaiting a response",
            ResponseDecision::Accepted => "accepted",
            ResponseDecision::AcceptedInPart => "accepted in part",
            ResponseDecision::NotAccepted => "not accepted",
        }
    }
}

/// The partnership's response to one finding.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct FindingResponse {
    /// Accepted, accepted in part or not accepted.
    pub decision: ResponseDecision,
    /// Why, in the partnership's words (needed when not accepted).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub reason: String,
}

impl FindingResponse {
    /// True when nothing has been decided or written, so that a finding
    /// without a response is written to the file as before.
    pub fn is_empty(&self) -> bool {
        self.decision == ResponseDecision::Awaited && self.reason.trim().is_empty()
    }
}

/// Where an action stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum ActionStatus {
    /// Agreed but not started.
    #[default]
    Planned,
    /// Under way.
    UnderWay,
    /// Done.
    Done,
    /// Dropped (a reason is needed).
    Dropped,
}

impl ActionStatus {
    /// Every status, in the order an action goes through them.
    pub const ALL: [ActionStatus; 4] = [
        ActionStatus::Planned,
        ActionStatus::UnderWay,
        ActionStatus::Done,
        ActionStatus::Dropped,
    ];

    /// The status in words: "under way".
    pub fn label(self) -> &'static str {
        match self {
            ActionStatus::Planned => "planned",
            ActionStatus::UnderWay => "under way",
            ActionStatus::Done => "done",
            ActionStatus::Dropped => "dropped",
        }
    }

    /// True while the action is still to be done (planned or under way).
    pub fn is_open(self) -> bool {
        matches!(self, ActionStatus::Planned | ActionStatus::UnderWay)
    }
}

/// One action of a finding's action plan.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Action {
    /// Stable id, unique in the review ("AC3").
    pub id: Id,
    /// What will be done.
    pub what: String,
    /// The partnership member responsible (an agency, as the partnership
    /// names it).
    pub owner: String,
    /// When it is due.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<ReviewDate>,
    /// Where it stands.
    pub status: ActionStatus,
    /// Why it was dropped (needed when it was).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub dropped_reason: String,
    /// The evidence of impact the partnership expects to see.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub impact_expected: String,
    /// The evidence of impact received so far.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub evidence: String,
    /// When the partnership will next review it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review_on: Option<ReviewDate>,
}

impl Action {
    /// True when the action is overdue on `today`: still planned or under
    /// way, and its due date (the whole of it: "March 2025" is due by 31
    /// March) is before `today`. An action with no due date is never
    /// overdue; one due today is not yet.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status.is_open() && self.due.is_some_and(|due| due.last_day() < today)
    }

    /// How many days overdue the action is on `today`, when it is.
    pub fn days_overdue(&self, today: NaiveDate) -> Option<i64> {
        if !self.is_overdue(today) {
            return None;
        }
        let due = self.due?.last_day();
        Some((today - due).num_days())
    }
}

/// A fresh action id: one more than the highest "AC" number in use in any
/// finding's action plan.
pub fn next_action_id(findings: &[Finding]) -> Id {
    let highest = findings
        .iter()
        .flat_map(|f| &f.actions)
        .filter_map(|a| a.id.number_after(ACTION_ID_PREFIX))
        .max()
        .unwrap_or(0);
    Id::from(format!("{ACTION_ID_PREFIX}{}", highest + 1))
}

/// An overdue action, with the finding it answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverdueAction {
    /// The finding's id.
    pub finding: Id,
    /// The action's id.
    pub action: Id,
    /// What will be done.
    pub what: String,
    /// Who owns it.
    pub owner: String,
    /// When it was due.
    pub due: ReviewDate,
    /// Days past its due date.
    pub days: i64,
}

/// The state of a review's action plans on one day.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ActionSummary {
    /// How many actions have each status, in [`ActionStatus::ALL`] order.
    pub by_status: [usize; 4],
    /// The overdue actions, most overdue first.
    pub overdue: Vec<OverdueAction>,
}

impl ActionSummary {
    /// Every action counted.
    pub fn total(&self) -> usize {
        self.by_status.iter().sum()
    }

    /// How many actions have `status`.
    pub fn count(&self, status: ActionStatus) -> usize {
        ActionStatus::ALL
            .iter()
            .position(|s| *s == status)
            .map_or(0, |i| self.by_status[i])
    }
}

/// The actions of `findings` counted by status, and those overdue on
/// `today`, most overdue first (then in file order).
pub fn action_summary(findings: &[Finding], today: NaiveDate) -> ActionSummary {
    let mut summary = ActionSummary::default();
    for finding in findings {
        for action in &finding.actions {
            if let Some(i) = ActionStatus::ALL.iter().position(|s| *s == action.status) {
                summary.by_status[i] += 1;
            }
            if let (Some(days), Some(due)) = (action.days_overdue(today), action.due) {
                summary.overdue.push(OverdueAction {
                    finding: finding.id.clone(),
                    action: action.id.clone(),
                    what: action.what.clone(),
                    owner: action.owner.clone(),
                    due,
                    days,
                });
            }
        }
    }
    summary.overdue.sort_by_key(|o| std::cmp::Reverse(o.days));
    summary
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn action(status: ActionStatus, due: Option<ReviewDate>) -> Action {
        Action {
            id: Id::from("AC1"),
            what: "Audit the screen".into(),
            status,
            due,
            ..Action::default()
        }
    }

    #[test]
    fn an_open_action_is_overdue_only_after_its_due_day() {
        let due = ReviewDate::day(2025, 3, 31);
        for status in [ActionStatus::Planned, ActionStatus::UnderWay] {
            let a = action(status, due);
            assert!(!a.is_overdue(day(2025, 3, 30)), "before");
            assert!(!a.is_overdue(day(2025, 3, 31)), "due today");
            assert!(a.is_overdue(day(2025, 4, 1)), "the day after");
            assert_eq!(a.days_overdue(day(2025, 4, 10)), Some(10));
        }
    }

    #[test]
    fn a_due_month_runs_to_its_last_day() {
        let a = action(ActionStatus::Planned, ReviewDate::month(2025, 3));
        assert!(!a.is_overdue(day(2025, 3, 31)));
        assert!(a.is_overdue(day(2025, 4, 1)));
    }

    #[test]
    fn no_due_date_is_never_overdue() {
        let a = action(ActionStatus::Planned, None);
        assert!(!a.is_overdue(day(2099, 1, 1)));
        assert_eq!(a.days_overdue(day(2099, 1, 1)), None);
    }

    #[test]
    fn done_late_and_dropped_actions_are_not_overdue() {
        let past = ReviewDate::day(2020, 1, 1);
        assert!(!action(ActionStatus::Done, past).is_overdue(day(2025, 1, 1)));
        assert!(!action(ActionStatus::Dropped, past).is_overdue(day(2025, 1, 1)));
    }

    #[test]
    fn the_summary_counts_each_status_and_lists_the_most_overdue_first() {
        let mut f1 = Finding {
            id: Id::from("FN1"),
            ..Finding::default()
        };
        let mut f2 = Finding {
            id: Id::from("FN2"),
            ..Finding::default()
        };
        let with_id = |id: &str, a: Action| Action {
            id: Id::from(id),
            ..a
        };
        f1.actions = vec![
            with_id(
                "AC1",
                action(ActionStatus::Planned, ReviewDate::day(2025, 3, 1)),
            ),
            with_id(
                "AC2",
                action(ActionStatus::Done, ReviewDate::day(2024, 1, 1)),
            ),
        ];
        f2.actions = vec![
            with_id(
                "AC3",
                action(ActionStatus::UnderWay, ReviewDate::day(2025, 1, 1)),
            ),
            with_id("AC4", action(ActionStatus::Dropped, None)),
            with_id("AC5", action(ActionStatus::Planned, None)),
        ];
        let findings = [f1, f2];
        let summary = action_summary(&findings, day(2025, 4, 1));
        assert_eq!(summary.by_status, [2, 1, 1, 1]);
        assert_eq!(summary.total(), 5);
        assert_eq!(summary.count(ActionStatus::Dropped), 1);
        let overdue: Vec<(&str, &str, i64)> = summary
            .overdue
            .iter()
            .map(|o| (o.finding.as_str(), o.action.as_str(), o.days))
            .collect();
        assert_eq!(overdue, [("FN2", "AC3", 90), ("FN1", "AC1", 31)]);
        assert_eq!(next_action_id(&findings), Id::from("AC6"));
        assert_eq!(next_action_id(&[]), Id::from("AC1"));
    }

    #[test]
    fn an_empty_response_and_plan_are_not_written() {
        let finding = Finding {
            id: Id::from("FN1"),
            ..Finding::default()
        };
        let text = ron::to_string(&finding).unwrap();
        assert!(
            !text.contains("response") && !text.contains("actions"),
            "{text}"
        );
        let mut with_plan = finding.clone();
        with_plan.response.decision = ResponseDecision::AcceptedInPart;
        with_plan.actions.push(Action {
            id: Id::from("AC1"),
            due: ReviewDate::day(2025, 3, 31),
            ..Action::default()
        });
        let text = ron::to_string(&with_plan).unwrap();
        let back: Finding = ron::from_str(&text).unwrap();
        assert_eq!(back, with_plan);
    }
}
