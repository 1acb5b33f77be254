//! The sensitive data policy on the Anonymisation panel: for each kind of
//! sensitive detail (ages, health, medication, money, times of day)
//! whether published text withholds it, the default, or publishes it for
//! the reason the reviewer gives. Publishing needs a reason; each switch
//! is one undoable edit.

use eframe::egui::{Button, TextEdit, Ui};

use super::set_meta;
use crate::anonymise::text::capitalise;
use crate::model::{ReviewMeta, SensitiveCategory, SensitivePublication};
use crate::ui::edits::Edits;

/// Draws the policy, one line per kind of detail.
pub(super) fn sensitive_policy(ui: &mut Ui, meta: &ReviewMeta, edits: &mut Edits) {
    ui.add_space(4.0);
    ui.strong("Sensitive details in published text");
    for category in SensitiveCategory::ALL {
        let key = category.key();
        let published = meta
            .anonymisation
            .publish_sensitive
            .iter()
            .find(|p| p.category == category);
        ui.horizontal_wrapped(|ui| match published {
            Some(p) => {
                ui.label(format!("{}: published ({})", capitalise(key), p.reason));
                if ui.button(format!("Withhold {key}")).clicked() {
                    edits.apply(set_meta(meta, &format!("Withhold {key}"), |m| {
                        m.anonymisation
                            .publish_sensitive
                            .retain(|p| p.category != category)
                    }));
                }
            }
            None => {
                ui.label(format!("{}: withheld", capitalise(key)));
                let id = ui.make_persistent_id(("sensitive-reason", key));
                let mut reason: String = ui.data_mut(|d| d.get_temp(id)).unwrap_or_default();
                let caption = ui.label(format!("Reason to publish {key}"));
                ui.add(
                    TextEdit::singleline(&mut reason)
                        .id_salt(("sensitive-reason-edit", key))
                        .desired_width(220.0),
                )
                .labelled_by(caption.id);
                let ready = !reason.trim().is_empty();
                let clicked = ui
                    .add_enabled(ready, Button::new(format!("Publish {key}")))
                    .on_disabled_hover_text("Give the reason first")
                    .clicked();
                if clicked {
                    let reason = reason.trim().to_string();
                    edits.apply(set_meta(meta, &format!("Publish {key}"), |m| {
                        m.anonymisation
                            .publish_sensitive
                            .push(SensitivePublication { category, reason })
                    }));
                    ui.data_mut(|d| d.remove::<String>(id));
                } else {
                    ui.data_mut(|d| d.insert_temp(id, reason));
                }
            }
        });
    }
}
