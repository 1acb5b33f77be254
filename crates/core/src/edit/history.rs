//! Undo and redo over [`Change`]s, with a state number that tells whether
//! the review is the one last saved.

use super::{Change, Edit, EditError};
use crate::model::Review;

/// The most steps kept for undo; older ones are forgotten.
const UNDO_LIMIT: usize = 1000;

#[derive(Debug, Clone)]
struct Step {
    label: String,
    /// Edits that take the review from one side of the step to the other.
    edits: Vec<Edit>,
    /// The state number on the side these edits lead to.
    target_state: u64,
    /// Typing into one field merges into one step while this is set.
    merge_key: Option<String>,
}

/// The undo and redo stacks of one open review.
///
/// Every distinct state of the review has a state number; undoing back to
/// the state that was saved makes the review clean again.
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    state: u64,
    next_state: u64,
}

impl History {
    /// An empty history at state 0.
    pub fn new() -> History {
        History::default()
    }

    /// The number of the review's current state. It changes with every
    /// applied, undone or redone change and returns to an earlier number when
    /// undo returns to an earlier state.
    pub fn state(&self) -> u64 {
        self.state
    }

    fn new_state(&mut self) -> u64 {
        self.next_state += 1;
        self.next_state
    }

    /// Applies a change as one undoable step.
    pub fn apply(&mut self, review: &mut Review, change: Change) -> Result<(), EditError> {
        self.apply_inner(review, change, None)
    }

    /// Applies a change that merges with the previous step when both carry
    /// the same key and nothing came between, so that typing a sentence into
    /// one field is one undo step. [`History::seal`] ends the merging.
    pub fn apply_merging(
        &mut self,
        review: &mut Review,
        change: Change,
        key: &str,
    ) -> Result<(), EditError> {
        self.apply_inner(review, change, Some(key.to_string()))
    }

    fn apply_inner(
        &mut self,
        review: &mut Review,
        change: Change,
        key: Option<String>,
    ) -> Result<(), EditError> {
        let label = change.label.clone();
        let inverse = change.apply(review)?;
        let before = self.state;
        let after = self.new_state();
        self.state = after;
        self.redo.clear();
        if let (Some(key), Some(top)) = (&key, self.undo.last_mut())
            && top.merge_key.as_deref() == Some(key.as_str())
        {
            // The top step already returns to the state before the first
            // keystroke; its inverse stays, only the current state moves on.
            return Ok(());
        }
        self.undo.push(Step {
            label,
            edits: inverse,
            target_state: before,
            merge_key: key,
        });
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
        Ok(())
    }

    /// Stops the last step from absorbing further merging edits.
    pub fn seal(&mut self) {
        if let Some(top) = self.undo.last_mut() {
            top.merge_key = None;
        }
    }

    /// Undoes the last step; returns its label, or `None` when there is
    /// nothing to undo.
    pub fn undo(&mut self, review: &mut Review) -> Option<String> {
        let step = self.undo.pop()?;
        let redo = self.swap(review, step);
        let label = redo.label.clone();
        self.redo.push(redo);
        Some(label)
    }

    /// Redoes the last undone step; returns its label.
    pub fn redo(&mut self, review: &mut Review) -> Option<String> {
        let step = self.redo.pop()?;
        let undo = self.swap(review, step);
        let label = undo.label.clone();
        self.undo.push(undo);
        Some(label)
    }

    /// Applies a step's edits and returns the step that goes back.
    fn swap(&mut self, review: &mut Review, step: Step) -> Step {
        let back_state = self.state;
        let back = Change::many(step.label.clone(), step.edits)
            .apply(review)
            .expect("history steps are exact inverses of applied changes");
        self.state = step.target_state;
        Step {
            label: step.label,
            edits: back,
            target_state: back_state,
            merge_key: None,
        }
    }

    /// The label of the step that undo would revert.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    /// The label of the step that redo would repeat.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// Forgets every step (after opening another review).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
        self.state = self.new_state();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{Edit, delete_record};
    use crate::model::*;

    fn put_factor(id: &str, statement: &str) -> Change {
        Change::one(
            "Add factor",
            Edit::Put(Record::Factor(ContributingFactor {
                id: Id::from(id),
                statement: statement.into(),
                ..Default::default()
            })),
        )
    }

    #[test]
    fn undo_and_redo_of_a_sequence_restore_each_exact_review() {
        let mut review = crate::examples::munro_appendix2();
        let mut history = History::new();
        let mut snapshots = vec![review.clone()];
        let mut meta = review.meta.clone();
        meta.title = "Renamed".into();
        let first_variable = review.variables[0].id.clone();
        let changes = vec![
            put_factor("F1", "Caseloads above 25"),
            Change::one("Edit details", Edit::SetMeta(Box::new(meta))),
            put_factor("F1", "Caseloads above 30"),
            delete_record(&review, &first_variable).unwrap(),
            Change::one(
                "Move",
                Edit::Move {
                    kind: RecordKind::Variable,
                    id: review.variables[3].id.clone(),
                    to: 0,
                },
            ),
        ];
        for change in changes {
            history.apply(&mut review, change).unwrap();
            snapshots.push(review.clone());
        }
        for expected in snapshots.iter().rev().skip(1) {
            history.undo(&mut review).unwrap();
            assert_eq!(&review, expected);
        }
        assert!(history.undo(&mut review).is_none());
        for expected in snapshots.iter().skip(1) {
            history.redo(&mut review).unwrap();
            assert_eq!(&review, expected);
        }
    }

    #[test]
    fn state_numbers_return_when_undo_returns() {
        let mut review = Review::new("t");
        let mut history = History::new();
        let saved = history.state();
        history.apply(&mut review, put_factor("F1", "a")).unwrap();
        let after = history.state();
        assert_ne!(after, saved);
        history.undo(&mut review);
        assert_eq!(history.state(), saved);
        history.redo(&mut review);
        assert_eq!(history.state(), after);
    }

    #[test]
    fn typing_into_one_field_is_one_step_until_sealed() {
        let mut review = Review::new("t");
        let mut history = History::new();
        history.apply(&mut review, put_factor("F1", "")).unwrap();
        for text in ["W", "Wo", "Wor", "Work"] {
            history
                .apply_merging(&mut review, put_factor("F1", text), "F1/statement")
                .unwrap();
        }
        history.seal();
        history
            .apply_merging(&mut review, put_factor("F1", "Workload"), "F1/statement")
            .unwrap();
        assert_eq!(review.factors[0].statement, "Workload");
        history.undo(&mut review);
        assert_eq!(review.factors[0].statement, "Work");
        history.undo(&mut review);
        assert_eq!(review.factors[0].statement, "");
        history.undo(&mut review);
        assert!(review.factors.is_empty());
    }
}
