//! The data model of a review: the single source of truth that every other
//! part of Foresight reads, and that only edit commands change.
//!
//! Records live in plain `Vec`s with stable [`Id`]s; links between records are
//! records of their own ([`Link`]). Diagram layout ([`Diagram`]) is kept apart
//! from meaning: deleting a diagram never deletes a factor.

mod account;
mod date;
mod id;
mod record;
mod records;

pub use account::{
    ChildAccount, FamilyInvolvement, FindingAsks, PartnershipResponse, ReviewAccount,
    ReviewProcess, TeamMember,
};
pub use date::{
    DatePrecision, DateValue, MONTHS, Period, ReviewDate, Season, WEEKDAYS, age_on,
    is_calendar_word,
};
pub use id::Id;
pub use record::{Record, RecordKind};
pub use records::*;
