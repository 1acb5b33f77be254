//! The data model of a review: the single source of truth that every other
//! part of Foresight reads, and that only edit commands change.
//!
//! Records live in plain `Vec`s with stable [`Id`]s; links between records are
//! records of their own ([`Link`]). Diagram layout ([`Diagram`]) is kept apart
//! from meaning: deleting a diagram never deletes a factor.

mod account;
mod action;
mod cast;
mod clock;
mod conflict;
mod date;
mod diagrams;
mod id;
mod meta;
mod practice;
mod rapid;
mod record;
mod records;
mod revision;
pub mod text_fields;

pub use account::{
    ChildAccount, FamilyInvolvement, FindingAsks, PartnershipResponse, ReviewAccount,
    ReviewProcess, TeamMember,
};
pub use action::{
    ACTION_ID_PREFIX, Action, ActionStatus, ActionSummary, FindingResponse, OverdueAction,
    ResponseDecision, action_summary, next_action_id,
};
pub use cast::*;
pub use clock::{
    ClosureDay, DEFAULT_CALENDAR, Milestone, MissedReason, Pause, RapidReviewAnchor, ReviewClock,
    ReviewDecision,
};
pub use conflict::MergeConflict;
pub use date::{
    DatePrecision, DateValue, MONTHS, Period, ReviewDate, Season, WEEKDAYS, age_on,
    is_calendar_word,
};
pub use diagrams::*;
pub use id::Id;
pub use meta::*;
pub use practice::*;
pub use rapid::{AgencyReturn, RapidReviewRecord, SummaryAnswer};
pub use record::{Record, RecordKind};
pub use records::*;
pub use revision::{KEPT_REVISIONS, Lineage, Relation, Revision};
