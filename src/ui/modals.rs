//! The app's modal dialogs: unsaved changes, recovery of lost work, and the
//! typed path used when no native file dialog is available.

use std::path::PathBuf;

use eframe::egui::{self, Id, Key, Modal, RichText, TextEdit};

use super::files::Purpose;
use crate::store::recovery::Recovery;

/// The frame of the dialogs: a popup with room around its contents.
fn frame(ctx: &egui::Context) -> egui::Frame {
    egui::Frame::popup(&ctx.global_style()).inner_margin(egui::Margin::same(20))
}

/// The answer to "Save changes?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnsavedChoice {
    /// Save first, then go on.
    Save,
    /// Go on and lose the changes.
    DontSave,
    /// Do nothing.
    Cancel,
}

/// Asks whether to save the changes to `name` before `doing` (e.g. "open
/// another review").
pub fn unsaved_changes(ctx: &egui::Context, name: &str, doing: &str) -> Option<UnsavedChoice> {
    let response = Modal::new(Id::unique("unsaved-changes"))
        .frame(frame(ctx))
        .show(ctx, |ui| {
            ui.set_max_width(520.0);
            ui.heading(format!("Save the changes to {name}?"));
            ui.add_space(6.0);
            ui.label(format!(
                "If you {doing} without saving, your changes since the last save are lost."
            ));
            ui.add_space(12.0);
            let mut choice = None;
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    choice = Some(UnsavedChoice::Save);
                }
                if ui.button("Don't save").clicked() {
                    choice = Some(UnsavedChoice::DontSave);
                }
                if ui.button("Cancel").clicked() {
                    choice = Some(UnsavedChoice::Cancel);
                }
            });
            choice
        });
    if response.inner.is_none() && response.should_close() {
        return Some(UnsavedChoice::Cancel);
    }
    response.inner
}

/// A recovery file found at start-up.
#[derive(Debug, Clone)]
pub struct Offer {
    /// The recovery file.
    pub file: PathBuf,
    /// What it holds, or why it could not be read.
    pub recovery: Result<Recovery, String>,
}

/// What the user decided about lost work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecoveryChoice {
    /// Open this one as an unsaved review.
    Recover(usize),
    /// Delete this recovery file.
    Discard(usize),
    /// Close the dialog and keep the files for next time.
    Later,
}

/// Offers to recover (or discard) each recovery file.
pub fn recovery(ctx: &egui::Context, offers: &[Offer]) -> Option<RecoveryChoice> {
    let response = Modal::new(Id::unique("recover-work")).frame(frame(ctx)).show(ctx, |ui| {
        ui.set_max_width(640.0);
        ui.heading("Recover unsaved work?");
        ui.add_space(6.0);
        ui.label(
            "Foresight closed before this work was saved. Recover it to carry on (it opens as an unsaved review), \
             or discard it for good.",
        );
        ui.add_space(8.0);
        let mut choice = None;
        egui::ScrollArea::vertical().max_height(420.0).show(ui, |ui| {
            for (i, offer) in offers.iter().enumerate() {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_min_width(560.0);
                    ui.push_id(i, |ui| {
                        describe(ui, offer);
                        ui.horizontal(|ui| {
                            if offer.recovery.is_ok() && ui.button("Recover").clicked() {
                                choice = Some(RecoveryChoice::Recover(i));
                            }
                            if ui.button("Discard").clicked() {
                                choice = Some(RecoveryChoice::Discard(i));
                            }
                        });
                    });
                });
            }
        });
        ui.add_space(8.0);
        if ui
            .button("Decide later")
            .on_hover_text("Keeps the recovery files; Foresight offers them again next time it starts.")
            .clicked()
        {
            choice = Some(RecoveryChoice::Later);
        }
        choice
    });
    response.inner
}

fn describe(ui: &mut egui::Ui, offer: &Offer) {
    match &offer.recovery {
        Ok(recovery) => {
            let title = recovery.review.meta.title.trim();
            ui.label(
                RichText::new(if title.is_empty() {
                    "Untitled review"
                } else {
                    title
                })
                .strong(),
            );
            match &recovery.original {
                Some(path) => ui.label(format!("File: {}", path.display())),
                None => ui.label("Never saved to a file"),
            };
            let when = chrono::DateTime::parse_from_rfc3339(&recovery.written_at)
                .map(|t| t.format("%-d %B %Y at %H:%M").to_string())
                .unwrap_or_else(|_| recovery.written_at.clone());
            ui.label(format!("Last autosaved {when}"));
        }
        Err(message) => {
            ui.label(RichText::new("A recovery file could not be read").strong());
            ui.label(message);
        }
    }
}

/// The typed-path window, shown when no native file dialog is available.
#[derive(Debug, Clone)]
pub struct PathPrompt {
    /// What the path is for.
    pub purpose: Purpose,
    /// The text typed so far.
    pub text: String,
}

/// How the typed-path window ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptResult {
    /// Use this path.
    Go(PathBuf),
    /// Do nothing.
    Cancel,
}

/// Asks for a file path by typing.
pub fn path_prompt(ctx: &egui::Context, prompt: &mut PathPrompt) -> Option<PromptResult> {
    let response = Modal::new(Id::unique("path-prompt")).frame(frame(ctx)).show(ctx, |ui| {
        ui.set_max_width(640.0);
        ui.heading(match prompt.purpose {
            Purpose::Open => "Open a review",
            Purpose::SaveAs => "Save the review as",
            Purpose::Export => "Save the export as",
        });
        ui.add_space(6.0);
        ui.label("No file dialog is available on this system. Type the full path of the review file.");
        ui.add_space(6.0);
        let caption = ui.label("File path");
        let edit = ui
            .add(
                TextEdit::singleline(&mut prompt.text)
                    .hint_text("/home/me/reviews/child-a.review.ron")
                    .desired_width(600.0),
            )
            .labelled_by(caption.id);
        if !edit.has_focus() && prompt.text.is_empty() {
            edit.request_focus();
        }
        let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        let mut result = None;
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let ready = !prompt.text.trim().is_empty();
            if (ui.add_enabled(ready, egui::Button::new(prompt.purpose.verb())).clicked() || entered) && ready {
                result = Some(PromptResult::Go(expand_home(prompt.text.trim())));
            }
            if ui.button("Cancel").clicked() {
                result = Some(PromptResult::Cancel);
            }
        });
        result
    });
    if response.inner.is_none() && response.should_close() {
        return Some(PromptResult::Cancel);
    }
    response.inner
}

/// `~/x` → the home folder joined with `x`.
fn expand_home(text: &str) -> PathBuf {
    match (text.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(text),
    }
}
