//! Small drawing and input helpers the chronology's table, timeline and
//! journey views share.

use eframe::egui::{self, Modifiers, Stroke, Ui};

/// The modifiers of this frame's last pointer release (a click), which
/// carries them even when the keys are released in the same frame.
pub(crate) fn click_modifiers(ui: &Ui) -> Modifiers {
    ui.input(|i| {
        i.events
            .iter()
            .rev()
            .find_map(|e| match e {
                egui::Event::PointerButton {
                    pressed: false,
                    modifiers,
                    ..
                } => Some(*modifiers),
                _ => None,
            })
            .unwrap_or(i.modifiers)
    })
}

/// A stroke for outlines drawn by the sub-views.
pub(crate) fn outline(ui: &Ui) -> Stroke {
    Stroke::new(1.0, ui.visuals().widgets.noninteractive.bg_stroke.color)
}
