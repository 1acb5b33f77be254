//! The queue of edit commands that panels push while they draw and the app
//! applies in one place between frames.

use crate::edit::Change;

/// One command from a panel.
#[derive(Debug, Clone, PartialEq)]
pub enum PendingEdit {
    /// A change that is its own undo step (a button, a choice, a checkbox).
    Apply(Change),
    /// A change made by typing into a field: consecutive changes with the
    /// same key (`"<id>/<field>"`) merge into one undo step.
    Typing {
        /// The change.
        change: Change,
        /// Which field was typed into.
        key: String,
    },
    /// The field being typed into lost focus: the next keystroke starts a
    /// new undo step.
    Seal,
}

/// The edit commands pushed during one frame.
#[derive(Debug, Default)]
pub struct Edits {
    pending: Vec<PendingEdit>,
}

impl Edits {
    /// Queues a change as its own undo step.
    pub fn apply(&mut self, change: Change) {
        self.pending.push(PendingEdit::Apply(change));
    }

    /// Queues a typed change that merges with the previous one of the same key.
    pub fn typing(&mut self, change: Change, key: impl Into<String>) {
        self.pending.push(PendingEdit::Typing {
            change,
            key: key.into(),
        });
    }

    /// Ends merging of typed changes.
    pub fn seal(&mut self) {
        self.pending.push(PendingEdit::Seal);
    }

    /// True when nothing is queued.
    pub fn is_empty(&self) -> bool {
        self.pending.is_empty()
    }

    /// Takes every queued command, oldest first.
    pub fn take(&mut self) -> Vec<PendingEdit> {
        std::mem::take(&mut self.pending)
    }
}
