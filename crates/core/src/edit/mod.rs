//! Edit commands: the only way a review changes.
//!
//! The GUI and the CLI both express every change as a [`Change`] (a labelled
//! list of [`Edit`]s). Applying an edit returns its exact inverse, so undo and
//! redo, the unsaved-changes marker and autosave all come from one mechanism
//! ([`History`], [`crate::document::Document`]).

pub mod builders;
mod cascade;
mod history;

pub use cascade::delete_record;
pub(crate) use cascade::without_references;
pub use history::History;

use crate::model::{Id, Record, RecordKind, Review, ReviewMeta};

/// One primitive change to a review.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Replace the review's details.
    SetMeta(Box<ReviewMeta>),
    /// Replace the record with the same id, or append it when new.
    Put(Record),
    /// Insert a new record at a position of its collection.
    Insert {
        /// Position in the collection.
        index: usize,
        /// The record.
        record: Record,
    },
    /// Remove a record (and nothing else: see [`delete_record`] for a
    /// removal that also removes what refers to it).
    Remove {
        /// Its kind.
        kind: RecordKind,
        /// Its id.
        id: Id,
    },
    /// Append many new records at once (an import): one pass over the
    /// review's ids however many records are added.
    Append(Vec<Record>),
    /// Remove the last records of some kinds: the inverse of [`Edit::Append`].
    Unappend(Vec<(RecordKind, usize)>),
    /// Move a record to another position of its collection.
    Move {
        /// Its kind.
        kind: RecordKind,
        /// Its id.
        id: Id,
        /// The new position.
        to: usize,
    },
}

/// Why an edit could not be applied. The review is left unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The edit names a record that does not exist.
    #[error("there is no {} with id {id}", kind.label())]
    NoSuchRecord {
        /// Expected kind.
        kind: RecordKind,
        /// The id.
        id: Id,
    },
    /// A new record would reuse an id already in the review.
    #[error("the id {id} is already used by a {}", kind.label())]
    DuplicateId {
        /// Kind of the existing record.
        kind: RecordKind,
        /// The id.
        id: Id,
    },
    /// An empty id.
    #[error("a record needs an id")]
    EmptyId,
}

impl Edit {
    /// Applies the edit and returns the edit that undoes it exactly.
    pub fn apply(self, review: &mut Review) -> Result<Edit, EditError> {
        match self {
            Edit::SetMeta(meta) => {
                let old = std::mem::replace(&mut review.meta, *meta);
                Ok(Edit::SetMeta(Box::new(old)))
            }
            Edit::Put(record) => {
                let id = record.id().clone();
                if id.as_str().is_empty() {
                    return Err(EditError::EmptyId);
                }
                match review.kind_of(&id) {
                    Some(kind) if kind == record.kind() => {
                        let old = review
                            .replace_record(record)
                            .ok_or(EditError::NoSuchRecord { kind, id })?;
                        Ok(Edit::Put(old))
                    }
                    Some(kind) => Err(EditError::DuplicateId { kind, id }),
                    None => {
                        let kind = record.kind();
                        review.insert_record(usize::MAX, record);
                        Ok(Edit::Remove { kind, id })
                    }
                }
            }
            Edit::Insert { index, record } => {
                let id = record.id().clone();
                if id.as_str().is_empty() {
                    return Err(EditError::EmptyId);
                }
                if let Some(kind) = review.kind_of(&id) {
                    return Err(EditError::DuplicateId { kind, id });
                }
                let kind = record.kind();
                review.insert_record(index, record);
                Ok(Edit::Remove { kind, id })
            }
            Edit::Remove { kind, id } => {
                let (index, record) = review
                    .remove_record(kind, &id)
                    .ok_or(EditError::NoSuchRecord { kind, id })?;
                Ok(Edit::Insert { index, record })
            }
            Edit::Append(records) => {
                let mut ids: std::collections::HashMap<Id, RecordKind> =
                    review.all_ids().into_iter().collect();
                for record in &records {
                    let id = record.id();
                    if id.as_str().is_empty() {
                        return Err(EditError::EmptyId);
                    }
                    if let Some(kind) = ids.insert(id.clone(), record.kind()) {
                        return Err(EditError::DuplicateId {
                            kind,
                            id: id.clone(),
                        });
                    }
                }
                let mut counts: Vec<(RecordKind, usize)> = Vec::new();
                for record in records {
                    let kind = record.kind();
                    match counts.iter_mut().find(|(k, _)| *k == kind) {
                        Some((_, n)) => *n += 1,
                        None => counts.push((kind, 1)),
                    }
                    review.push_record(record);
                }
                Ok(Edit::Unappend(counts))
            }
            Edit::Unappend(counts) => {
                if let Some(&(kind, _)) =
                    counts.iter().find(|(kind, n)| review.count_of(*kind) < *n)
                {
                    return Err(EditError::NoSuchRecord {
                        kind,
                        id: Id::from("(appended records)"),
                    });
                }
                let mut records = Vec::new();
                for (kind, count) in counts {
                    records.extend(
                        review
                            .pop_records(kind, count)
                            .expect("counts were checked above"),
                    );
                }
                Ok(Edit::Append(records))
            }
            Edit::Move { kind, id, to } => {
                let from =
                    review
                        .move_record(kind, &id, to)
                        .ok_or_else(|| EditError::NoSuchRecord {
                            kind,
                            id: id.clone(),
                        })?;
                Ok(Edit::Move { kind, id, to: from })
            }
        }
    }
}

/// A labelled group of edits applied as one undoable step.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// What the user did, e.g. "Add contributing factor".
    pub label: String,
    /// The edits, applied in order.
    pub edits: Vec<Edit>,
}

impl Change {
    /// A change of one edit.
    pub fn one(label: impl Into<String>, edit: Edit) -> Change {
        Change {
            label: label.into(),
            edits: vec![edit],
        }
    }

    /// A change of several edits.
    pub fn many(label: impl Into<String>, edits: Vec<Edit>) -> Change {
        Change {
            label: label.into(),
            edits,
        }
    }

    /// Applies every edit, or none: when one fails, those already applied
    /// are undone and the error returned. On success returns the inverse
    /// edits, in the order they must be applied to undo the change.
    pub fn apply(self, review: &mut Review) -> Result<Vec<Edit>, EditError> {
        let mut inverses = Vec::with_capacity(self.edits.len());
        for edit in self.edits {
            match edit.apply(review) {
                Ok(inverse) => inverses.push(inverse),
                Err(error) => {
                    for inverse in inverses.into_iter().rev() {
                        inverse
                            .apply(review)
                            .expect("the inverse of an edit just applied always applies");
                    }
                    return Err(error);
                }
            }
        }
        inverses.reverse();
        Ok(inverses)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ContributingFactor, Variable};

    fn factor(id: &str, statement: &str) -> Record {
        Record::Factor(ContributingFactor {
            id: Id::from(id),
            statement: statement.into(),
            ..Default::default()
        })
    }

    #[test]
    fn put_then_inverse_restores_the_review() {
        let mut review = Review::new("t");
        let before = review.clone();
        let undo = Edit::Put(factor("F1", "Workload"))
            .apply(&mut review)
            .unwrap();
        assert_eq!(review.factors.len(), 1);
        undo.apply(&mut review).unwrap();
        assert_eq!(review, before);
    }

    #[test]
    fn a_failing_change_leaves_no_trace() {
        let mut review = Review::new("t");
        review.variables.push(Variable {
            id: Id::from("V1"),
            ..Default::default()
        });
        let before = review.clone();
        let change = Change::many(
            "bad",
            vec![
                Edit::Put(factor("F1", "a")),
                Edit::Put(factor("V1", "clashes with a variable")),
            ],
        );
        let err = change.apply(&mut review).unwrap_err();
        assert_eq!(
            err,
            EditError::DuplicateId {
                kind: RecordKind::Variable,
                id: Id::from("V1")
            }
        );
        assert_eq!(review, before);
    }

    #[test]
    fn append_many_and_undo_restore_the_exact_review() {
        let mut review = crate::examples::munro_appendix2();
        let before = review.clone();
        let records: Vec<Record> = (0..5)
            .map(|i| factor(&format!("F{}", i + 1), "x"))
            .chain([Record::Variable(Variable {
                id: Id::from("V99"),
                ..Default::default()
            })])
            .collect();
        let undo = Edit::Append(records.clone()).apply(&mut review).unwrap();
        assert_eq!(review.factors.len(), 5);
        assert_eq!(review.variables.last().unwrap().id, Id::from("V99"));
        let redo = undo.apply(&mut review).unwrap();
        assert_eq!(review, before);
        redo.apply(&mut review).unwrap();
        assert_eq!(review.factors.len(), 5);
        // A clash with an existing id, or within the batch, changes nothing.
        let mut clash = before.clone();
        let err = Edit::Append(vec![factor("F1", "a"), factor("V1", "b")])
            .apply(&mut clash)
            .unwrap_err();
        assert_eq!(
            err,
            EditError::DuplicateId {
                kind: RecordKind::Variable,
                id: Id::from("V1")
            }
        );
        assert_eq!(clash, before);
        assert!(
            Edit::Append(vec![factor("F1", "a"), factor("F1", "b")])
                .apply(&mut clash)
                .is_err()
        );
        assert_eq!(clash, before);
    }

    #[test]
    fn remove_and_move_invert_to_the_same_order() {
        let mut review = Review::new("t");
        for (id, s) in [("F1", "a"), ("F2", "b"), ("F3", "c")] {
            Edit::Put(factor(id, s)).apply(&mut review).unwrap();
        }
        let before = review.clone();
        let undo_remove = Edit::Remove {
            kind: RecordKind::Factor,
            id: Id::from("F2"),
        }
        .apply(&mut review)
        .unwrap();
        let undo_move = Edit::Move {
            kind: RecordKind::Factor,
            id: Id::from("F1"),
            to: 1,
        }
        .apply(&mut review)
        .unwrap();
        assert_eq!(
            review.ids_of(RecordKind::Factor),
            vec![Id::from("F3"), Id::from("F1")]
        );
        undo_move.apply(&mut review).unwrap();
        undo_remove.apply(&mut review).unwrap();
        assert_eq!(review, before);
    }
}
