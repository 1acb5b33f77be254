//! An open review: the review, where it lives on disk, its undo history and
//! whether it has unsaved changes. Used by both the GUI and the CLI.

use std::path::{Path, PathBuf};

use crate::edit::{Change, EditError, History};
use crate::model::{Lineage, Review};
use crate::store::{self, AtomicWriteError, LoadError};

/// An open review.
#[derive(Debug, Clone)]
pub struct Document {
    review: Review,
    path: Option<PathBuf>,
    history: History,
    saved_state: Option<u64>,
    autosaved_state: u64,
    lineage: Lineage,
    merged: Option<MergedLineage>,
}

/// The lineage before and after the last merge, by the state numbers of
/// the review before and after it: undoing the merge takes back its claim
/// to descend from the other copy, redoing it makes it again.
#[derive(Debug, Clone)]
struct MergedLineage {
    before_state: u64,
    before: Lineage,
    after_state: u64,
    after: Lineage,
}

impl Document {
    /// A review that has never been saved.
    pub fn untitled(review: Review) -> Document {
        let history = History::new();
        let state = history.state();
        Document {
            review,
            path: None,
            history,
            saved_state: None,
            autosaved_state: state,
            lineage: Lineage::default(),
            merged: None,
        }
    }

    /// A review as it is in a file.
    pub fn from_file(review: Review, path: PathBuf) -> Document {
        let mut doc = Document::untitled(review);
        doc.path = Some(path);
        doc.saved_state = Some(doc.history.state());
        doc
    }

    /// Loads a review file.
    pub fn open(path: &Path) -> Result<Document, LoadError> {
        let (review, lineage) = store::load_with_lineage(path)?;
        Ok(Document::from_file(review, path.to_path_buf()).with_lineage(lineage))
    }

    /// The document with the revisions of the file it came from, which its
    /// saves extend (see [`crate::model::Lineage`]).
    pub fn with_lineage(mut self, lineage: Lineage) -> Document {
        self.lineage = lineage;
        self
    }

    /// The revisions of the file the review was opened from or last saved
    /// to, ending with that file's own.
    pub fn lineage(&self) -> &Lineage {
        &self.lineage
    }

    /// The review.
    pub fn review(&self) -> &Review {
        &self.review
    }

    /// The file the review belongs to, if it has been saved.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The name shown in the title bar: the file name, or "Untitled".
    pub fn display_name(&self) -> String {
        self.path
            .as_ref()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "Untitled review".to_string())
    }

    /// A number that identifies the review's current state; analysis results
    /// cached under it stay valid while it is unchanged.
    pub fn state(&self) -> u64 {
        self.history.state()
    }

    /// True when the review differs from the file on disk (or was never saved
    /// and has been changed).
    pub fn is_dirty(&self) -> bool {
        match self.saved_state {
            Some(saved) => saved != self.history.state(),
            None => self.history.undo_label().is_some() || self.history.redo_label().is_some(),
        }
    }

    /// True when the review changed since the last autosave.
    pub fn needs_autosave(&self) -> bool {
        self.is_dirty() && self.autosaved_state != self.history.state()
    }

    /// Records that the current state has been written to a recovery file.
    pub fn mark_autosaved(&mut self) {
        self.autosaved_state = self.history.state();
    }

    /// Records that the review as it was at `state` (see
    /// [`state`](Self::state)) has been written to a recovery file: a
    /// write made from a copy, finished after more typing.
    pub fn mark_autosaved_at(&mut self, state: u64) {
        self.autosaved_state = state;
    }

    /// Applies a change as one undoable step.
    pub fn apply(&mut self, change: Change) -> Result<(), EditError> {
        self.history.apply(&mut self.review, change)
    }

    /// Applies a change that merges with the previous one of the same key
    /// (typing into one field).
    pub fn apply_merging(&mut self, change: Change, key: &str) -> Result<(), EditError> {
        self.history.apply_merging(&mut self.review, change, key)
    }

    /// Ends merging of typed edits into the last step.
    pub fn seal(&mut self) {
        self.history.seal();
    }

    /// Undoes the last step; returns its label.
    pub fn undo(&mut self) -> Option<String> {
        let label = self.history.undo(&mut self.review);
        self.follow_merge();
        label
    }

    /// Redoes the last undone step; returns its label.
    pub fn redo(&mut self) -> Option<String> {
        let label = self.history.redo(&mut self.review);
        self.follow_merge();
        label
    }

    /// Applies the change that merges another copy, as one undoable step;
    /// the review then descends from both copies (`joined`, see
    /// [`crate::merge::FileMerge::lineage`]) until the step is undone.
    pub fn apply_merge(&mut self, change: Change, joined: Lineage) -> Result<(), EditError> {
        self.history.seal();
        let before_state = self.history.state();
        self.history.apply(&mut self.review, change)?;
        self.history.seal();
        self.merged = Some(MergedLineage {
            before_state,
            before: self.lineage.clone(),
            after_state: self.history.state(),
            after: joined.clone(),
        });
        self.lineage = joined;
        Ok(())
    }

    /// Sets the lineage the last merge's step calls for, after an undo or
    /// redo.
    fn follow_merge(&mut self) {
        if let Some(merged) = &self.merged {
            let state = self.history.state();
            if state == merged.before_state {
                self.lineage = merged.before.clone();
            } else if state == merged.after_state {
                self.lineage = merged.after.clone();
            }
        }
    }

    /// The label of the step undo would revert.
    pub fn undo_label(&self) -> Option<&str> {
        self.history.undo_label()
    }

    /// The label of the step redo would repeat.
    pub fn redo_label(&self) -> Option<&str> {
        self.history.redo_label()
    }

    /// Saves to the review's own file. Returns `Ok(false)` when the review
    /// has no file yet (use [`Document::save_as`]).
    pub fn save(&mut self) -> Result<bool, AtomicWriteError> {
        let Some(path) = self.path.clone() else {
            return Ok(false);
        };
        self.lineage = store::save_with_lineage(&path, &self.review, &self.lineage)?;
        self.saved_state = Some(self.history.state());
        Ok(true)
    }

    /// Saves to a new file, which becomes the review's file.
    pub fn save_as(&mut self, path: &Path) -> Result<(), AtomicWriteError> {
        self.lineage = store::save_with_lineage(path, &self.review, &self.lineage)?;
        self.path = Some(path.to_path_buf());
        self.saved_state = Some(self.history.state());
        Ok(())
    }

    /// Treats the current state as unsaved work (after recovering it): the
    /// review stays dirty, whatever is undone, until it is saved.
    pub fn mark_unsaved(&mut self) {
        // No state is ever numbered u64::MAX, so nothing matches it.
        self.saved_state = Some(u64::MAX);
        self.autosaved_state = u64::MAX;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Edit;
    use crate::model::*;

    #[test]
    fn dirty_follows_saves_undo_and_redo() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.review.ron");
        let mut doc = Document::untitled(Review::new("A"));
        assert!(!doc.is_dirty());
        let change = Change::one(
            "Add variable",
            Edit::Put(Record::Variable(Variable {
                id: Id::from("V1"),
                name: "Errors".into(),
                ..Default::default()
            })),
        );
        doc.apply(change).unwrap();
        assert!(doc.is_dirty() && doc.needs_autosave());
        doc.mark_autosaved();
        assert!(doc.is_dirty() && !doc.needs_autosave());
        doc.save_as(&path).unwrap();
        assert!(!doc.is_dirty());
        doc.undo();
        assert!(doc.is_dirty());
        doc.redo();
        assert!(!doc.is_dirty());
        let reopened = Document::open(&path).unwrap();
        assert_eq!(reopened.review(), doc.review());
        assert_eq!(doc.display_name(), "a.review.ron");
    }

    #[test]
    fn recovered_work_is_dirty_until_saved() {
        let dir = tempfile::tempdir().unwrap();
        let mut doc = Document::untitled(Review::new("Recovered"));
        doc.mark_unsaved();
        assert!(doc.is_dirty() && doc.needs_autosave());
        doc.save_as(&dir.path().join("r.review.ron")).unwrap();
        assert!(!doc.is_dirty());
    }
}
