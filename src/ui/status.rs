//! The status bar: where the review lives, whether it is saved, when it was
//! last autosaved, and what was done last.

use eframe::egui::{self, RichText, Ui};

/// What the status bar shows.
pub struct Status<'a> {
    /// The review's file, if it has one.
    pub path: Option<&'a std::path::Path>,
    /// True when there are unsaved changes.
    pub dirty: bool,
    /// When the recovery file was last written, as text.
    pub autosaved: Option<&'a str>,
    /// The last action, e.g. "Undid: Add contributing factor".
    pub message: &'a str,
}

/// Draws the status bar.
pub fn status_bar(ui: &mut Ui, status: &Status) {
    egui::Panel::bottom("status").show(ui, |ui| {
        ui.horizontal(|ui| {
            let path = status.path.map_or_else(
                || "Not saved to a file yet".to_string(),
                |p| p.display().to_string(),
            );
            ui.label(path);
            ui.separator();
            if status.dirty {
                ui.label(RichText::new("Unsaved changes").color(ui.visuals().warn_fg_color));
            } else if status.path.is_some() {
                ui.label("Saved");
            } else {
                ui.label("No changes");
            }
            if let Some(time) = status.autosaved {
                ui.separator();
                ui.label(format!("Autosaved at {time}"));
            }
            if !status.message.is_empty() {
                ui.separator();
                ui.label(status.message);
            }
        });
    });
}
