//! Merge conflicts a review still holds: where two reviewers changed the
//! same thing in different ways and the merge kept the first reviewer's
//! ("ours") version until someone decides (format 4).

use serde::{Deserialize, Serialize};

use super::Id;

/// One unresolved conflict of a merge: the record and field both copies
/// changed, with the common ancestor's value and each side's.
///
/// A value is the field's text when the field is text, and otherwise the
/// value written as JSON (`"Problematic"`, `["P1","P2"]`, a whole record
/// for a record deleted on one side and edited on the other). `None` means
/// the field or record is absent on that side (deleted, or never there).
/// The review holds the `ours` value while the conflict is unresolved.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct MergeConflict {
    /// The record, or `None` for the review's own details (`meta`).
    pub record: Option<Id>,
    /// Where in the record, e.g. `statement`, `child_focus.seen`,
    /// `questions[2]`, `nodes[V3]`; empty for the whole record.
    pub field: String,
    /// The common ancestor's value (`None` in a merge without one, or when
    /// the record was new).
    pub base: Option<String>,
    /// The value in the copy merged into (kept in the review for now).
    pub ours: Option<String>,
    /// The value in the other copy.
    pub theirs: Option<String>,
}

impl MergeConflict {
    /// Where the conflict is, for messages: `E3 what_happened`, `E3`
    /// (the whole record) or `review details title`.
    pub fn place(&self) -> String {
        match (&self.record, self.field.is_empty()) {
            (Some(id), true) => id.to_string(),
            (Some(id), false) => format!("{id} {}", self.field),
            (None, true) => "review details".to_string(),
            (None, false) => format!("review details {}", self.field),
        }
    }
}
