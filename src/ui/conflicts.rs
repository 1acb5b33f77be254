//! The conflict view: every conflict a merge left in the review, with our
//! value and theirs side by side and a third box to write a value by hand.
//! "Take mine", "Take theirs" and "Edit" each resolve one conflict as one
//! undoable step (see [`crate::merge::resolve`]).

use std::collections::HashMap;

use eframe::egui::{self, Button, RichText, ScrollArea, TextEdit, Ui};

use super::edits::Edits;
use crate::merge::{Resolution, resolve};
use crate::model::{MergeConflict, Review};

/// The conflict view's state: the text of each conflict's third box.
#[derive(Default)]
pub struct ConflictView {
    /// The edited text per conflict, keyed by the conflict itself.
    edited: HashMap<MergeConflict, String>,
    /// Why the last resolution could not be applied.
    error: Option<String>,
}

impl ConflictView {
    /// Forgets the edited text (after another review is opened).
    pub fn reset(&mut self) {
        *self = ConflictView::default();
    }

    /// Draws the conflicts of `review` and pushes the resolutions chosen.
    pub fn ui(&mut self, ui: &mut Ui, review: &Review, edits: &mut Edits) {
        ui.heading("Merge conflicts");
        let conflicts = &review.meta.conflicts;
        self.edited.retain(|c, _| conflicts.contains(c));
        if conflicts.is_empty() {
            ui.label("No conflicts remain: every difference between the copies is resolved.");
            return;
        }
        ui.label(format!(
            "{} place{} where the two copies were changed in different ways. The review keeps your \
             value (mine) until you choose. The report cannot be published while any remain; \
             saving is fine.",
            conflicts.len(),
            if conflicts.len() == 1 { "" } else { "s" }
        ));
        if let Some(error) = &self.error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        ui.add_space(8.0);
        let mut chosen = None;
        ScrollArea::vertical()
            .id_salt("conflict-list")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for (i, conflict) in conflicts.iter().enumerate() {
                    ui.push_id(i, |ui| {
                        if let Some(how) = self.conflict_ui(ui, review, conflict) {
                            chosen = Some((i, how));
                        }
                    });
                    ui.add_space(8.0);
                }
            });
        if let Some((i, how)) = chosen {
            match resolve(review, i, &how) {
                Ok(change) => {
                    self.error = None;
                    edits.seal();
                    edits.apply(change);
                    edits.seal();
                }
                Err(e) => {
                    self.error = Some(format!(
                        "Could not resolve the conflict in {}: {e}",
                        conflicts[i].place()
                    ));
                }
            }
        }
    }

    /// One conflict: where it is, both values, the editable box and the
    /// three buttons. Returns the resolution chosen.
    fn conflict_ui(
        &mut self,
        ui: &mut Ui,
        review: &Review,
        conflict: &MergeConflict,
    ) -> Option<Resolution> {
        let place = conflict.place();
        let mut chosen = None;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            let record = conflict
                .record
                .as_ref()
                .map(|id| review.title_of(id))
                .filter(|t| !t.trim().is_empty());
            let heading = match (&conflict.record, conflict.field.is_empty(), record) {
                (Some(id), true, Some(title)) => format!("{id} “{title}”: the whole record"),
                (Some(id), true, None) => format!("{id}: the whole record"),
                (Some(id), false, Some(title)) => format!("{id} “{title}”: {}", conflict.field),
                (Some(id), false, None) => format!("{id}: {}", conflict.field),
                (None, true, _) => "Review details".to_string(),
                (None, false, _) => format!("Review details: {}", conflict.field),
            };
            ui.label(RichText::new(heading).strong());
            let width = (ui.available_width() - 24.0) / 3.0;
            let absent = |v: &Option<String>| v.clone().unwrap_or_default();
            let mut mine = absent(&conflict.ours);
            let mut theirs = absent(&conflict.theirs);
            let edited = self
                .edited
                .entry(conflict.clone())
                .or_insert_with(|| absent(&conflict.ours));
            ui.horizontal_top(|ui| {
                for (caption, text, present, name) in [
                    ("Mine", &mut mine, conflict.ours.is_some(), "Mine for"),
                    (
                        "Theirs",
                        &mut theirs,
                        conflict.theirs.is_some(),
                        "Theirs for",
                    ),
                ] {
                    ui.vertical(|ui| {
                        ui.set_width(width);
                        ui.label(RichText::new(caption).weak());
                        if present {
                            ui.add(
                                TextEdit::multiline(text)
                                    .interactive(false)
                                    .desired_rows(3)
                                    .desired_width(width),
                            )
                            .accessible_name(format!("{name} {place}"));
                        } else {
                            ui.label(RichText::new("(absent: deleted or never there)").italics());
                        }
                    });
                }
                ui.vertical(|ui| {
                    ui.set_width(width);
                    ui.label(RichText::new("Edited").weak());
                    ui.add(
                        TextEdit::multiline(edited)
                            .desired_rows(3)
                            .desired_width(width),
                    )
                    .accessible_name(format!("Edited value for {place}"));
                });
            });
            ui.horizontal(|ui| {
                if ui
                    .button("Take mine")
                    .accessible_name(format!("Take mine for {place}"))
                    .on_hover_text("Keep the value this copy holds")
                    .clicked()
                {
                    chosen = Some(Resolution::Mine);
                }
                if ui
                    .button("Take theirs")
                    .accessible_name(format!("Take theirs for {place}"))
                    .on_hover_text("Use the other copy's value")
                    .clicked()
                {
                    chosen = Some(Resolution::Theirs);
                }
                if ui
                    .add(Button::new("Edit"))
                    .accessible_name(format!("Edit {place}"))
                    .on_hover_text("Use the text in the Edited box")
                    .clicked()
                {
                    chosen = Some(Resolution::Edited(edited.clone()));
                }
            });
        });
        chosen
    }
}
