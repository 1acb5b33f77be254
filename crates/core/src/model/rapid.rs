//! What a rapid review sets out for the national panel besides the
//! chronology and the key practice episodes, which it shares with the full
//! review: turning a rapid review into a full review keeps all of it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The rapid review's own parts, each written by the partners.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct RapidReviewRecord {
    /// The facts of the incident and what is known of the child.
    pub facts: String,
    /// Each agency's involvement with the child and family, in brief.
    pub agency_involvement: String,
    /// The immediate actions taken to keep the child and other children
    /// safe.
    pub immediate_actions: String,
    /// The context of the child's and family's lives, including how
    /// racism, disability and other inequalities may have shaped their
    /// experience and the practice.
    pub lived_context: String,
    /// The potential for learning, local and national.
    pub learning_potential: String,
}

impl RapidReviewRecord {
    /// True when nothing has been written.
    pub fn is_empty(&self) -> bool {
        *self == RapidReviewRecord::default()
    }
}

/// What an agency has returned to the review: its chronology and its
/// individual agency summary, as the agency pack asks for them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AgencyReturn {
    /// The day the pack was sent to the agency.
    pub requested: Option<NaiveDate>,
    /// The day its chronology was imported.
    pub chronology: Option<NaiveDate>,
    /// How many chronology entries it gave.
    pub entries: usize,
    /// The day its individual agency summary was imported.
    pub summary: Option<NaiveDate>,
    /// The summary: each question with the agency's answer.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<SummaryAnswer>,
}

impl AgencyReturn {
    /// True when nothing has been requested or returned.
    pub fn is_empty(&self) -> bool {
        *self == AgencyReturn::default()
    }
}

/// One question of the individual agency summary and the agency's answer.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SummaryAnswer {
    /// The question as the pack asked it.
    pub question: String,
    /// The agency's answer.
    pub answer: String,
}
