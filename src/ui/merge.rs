//! File → Merge with…: the dialog that names the other reviewer's copy
//! (and, when known, the copy both started from), and the change that
//! turns the open review into the merge, as one undoable step.

use std::path::{Path, PathBuf};

use eframe::egui::{self, Id, Modal, RichText, TextEdit, Ui};

use super::files::{FileDialogs, Outcome};
use crate::edit::{Change, Edit};
use crate::model::{RecordKind, Review};

/// The change that turns `current` into `target`: records removed, changed,
/// added and moved, then the review details, so that undo restores
/// `current` exactly.
pub fn replace_change(current: &Review, target: &Review, label: impl Into<String>) -> Change {
    let mut scratch = current.clone();
    let mut edits = Vec::new();
    let mut push = |edit: Edit, scratch: &mut Review| {
        if edit.clone().apply(scratch).is_ok() {
            edits.push(edit);
        }
    };
    for &kind in RecordKind::ALL {
        for id in scratch.ids_of(kind) {
            if target.kind_of(&id) != Some(kind) {
                push(Edit::Remove { kind, id }, &mut scratch);
            }
        }
    }
    for &kind in RecordKind::ALL {
        for index in 0..target.count_of(kind) {
            let Some(record) = target.record_at(kind, index) else {
                continue;
            };
            if scratch.kind_of(record.id()) == Some(kind) {
                if scratch.record(record.id()).as_ref() != Some(&record) {
                    push(Edit::Put(record), &mut scratch);
                }
            } else {
                push(Edit::Insert { index, record }, &mut scratch);
            }
        }
        let wanted = target.ids_of(kind);
        for (to, id) in wanted.into_iter().enumerate() {
            if scratch.index_of(kind, &id) != Some(to) {
                push(Edit::Move { kind, id, to }, &mut scratch);
            }
        }
    }
    if scratch.meta != target.meta {
        push(Edit::SetMeta(Box::new(target.meta.clone())), &mut scratch);
    }
    Change::many(label, edits)
}

/// The files a merge was asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeRequest {
    /// The other reviewer's copy ("theirs").
    pub theirs: PathBuf,
    /// The copy both started from, when known.
    pub base: Option<PathBuf>,
}

/// Which path a Browse… button is choosing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Theirs,
    Base,
}

/// What the user did in the Merge with… dialog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeChoice {
    /// Merge these files into the open review.
    Merge(MergeRequest),
    /// Close the dialog.
    Cancel,
}

/// The Merge with… dialog: two paths, typed or chosen with the file
/// dialog.
#[derive(Default)]
pub struct MergeDialog {
    /// The other copy's path, as typed or chosen.
    pub theirs: String,
    /// The common ancestor's path (may be empty).
    pub base: String,
    files: FileDialogs,
    browsing: Option<Field>,
}

impl MergeDialog {
    /// The dialog with both paths empty.
    pub fn new() -> MergeDialog {
        MergeDialog::default()
    }

    /// Draws the dialog; returns what the user chose, once.
    pub fn show(&mut self, ctx: &egui::Context, near: Option<&Path>) -> Option<MergeChoice> {
        self.poll();
        let response = Modal::new(Id::unique("merge-with"))
            .frame(egui::Frame::popup(&ctx.global_style()).inner_margin(egui::Margin::same(20)))
            .show(ctx, |ui| self.contents(ui, near));
        if response.inner.is_none() && response.should_close() && !self.files.is_busy() {
            return Some(MergeChoice::Cancel);
        }
        response.inner
    }

    fn poll(&mut self) {
        let Some(outcome) = self.files.poll() else {
            return;
        };
        let field = self.browsing.take();
        if let (Outcome::Chosen(_, path), Some(field)) = (outcome, field) {
            let text = path.display().to_string();
            match field {
                Field::Theirs => self.theirs = text,
                Field::Base => self.base = text,
            }
        }
    }

    fn contents(&mut self, ui: &mut Ui, near: Option<&Path>) -> Option<MergeChoice> {
        ui.set_max_width(640.0);
        ui.heading("Merge with another copy");
        ui.add_space(6.0);
        ui.label(
            "Brings another reviewer's copy of this review into the open one. What only one of \
             you changed is taken as it is; where you both changed the same thing differently, \
             the review keeps your value and lists a conflict for you to resolve. Undo takes the \
             whole merge back.",
        );
        ui.add_space(10.0);
        let mut choice = None;
        let busy = self.files.is_busy();
        for (field, caption, hint) in [
            (
                Field::Theirs,
                "Their copy",
                "The other reviewer's review file",
            ),
            (
                Field::Base,
                "Common ancestor (optional)",
                "Found by itself when it is beside either copy; else every difference is a conflict",
            ),
        ] {
            let label = ui.label(RichText::new(caption).strong());
            ui.horizontal(|ui| {
                let text = match field {
                    Field::Theirs => &mut self.theirs,
                    Field::Base => &mut self.base,
                };
                ui.add(
                    TextEdit::singleline(text)
                        .hint_text(hint)
                        .desired_width(480.0),
                )
                .labelled_by(label.id);
                if ui
                    .add_enabled(!busy, egui::Button::new("Browse…"))
                    .accessible_name(format!("Browse for {}", caption.to_lowercase()))
                    .clicked()
                {
                    self.browsing = Some(field);
                    self.files.start_pick(
                        &format!("Choose {}", caption.to_lowercase()),
                        near,
                        ui.ctx(),
                    );
                }
            });
            ui.add_space(6.0);
        }
        if self.files.unavailable {
            ui.weak("No file dialog is available here: type the paths.");
        }
        ui.add_space(8.0);
        let ready = !self.theirs.trim().is_empty();
        ui.horizontal(|ui| {
            if ui
                .add_enabled(ready && !busy, egui::Button::new("Merge"))
                .clicked()
            {
                let base = self.base.trim();
                choice = Some(MergeChoice::Merge(MergeRequest {
                    theirs: PathBuf::from(self.theirs.trim()),
                    base: (!base.is_empty()).then(|| PathBuf::from(base)),
                }));
            }
            if ui.button("Cancel").clicked() {
                choice = Some(MergeChoice::Cancel);
            }
        });
        choice
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_replacing_change_and_its_undo_give_each_review_exactly() {
        let current = crate::examples::worked_case();
        let mut target = current.clone();
        target.factors.remove(0);
        target.factors.reverse();
        target.episodes[0].what_happened = "Changed".into();
        let mut extra = target.episodes[0].clone();
        extra.id = target.next_id(RecordKind::Episode);
        target.episodes.insert(1, extra);
        target.meta.title = "Merged".into();
        let mut review = current.clone();
        let undo = replace_change(&current, &target, "Merge")
            .apply(&mut review)
            .unwrap();
        assert_eq!(review, target);
        for edit in undo {
            edit.apply(&mut review).unwrap();
        }
        assert_eq!(review, current);
    }
}
