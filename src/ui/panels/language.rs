//! The Language panel: every phrase of hindsight or blame the lint finds in
//! the review's episodes, factors, conditions and findings, with the
//! question that helps rewrite it. A phrase is rewritten in its record, or
//! accepted with a reason that is recorded in the review.

use std::collections::HashMap;
use std::sync::Arc;

use eframe::egui::{self, Button, RichText, ScrollArea, TextEdit, Ui};

use super::{Goto, PanelContext};
use crate::analysis::language::{
    Category, FieldHit, Lexicon, Severity, accept_change, record_fields, reopen_change,
};
use crate::model::{Id, Review};
use crate::ui::edits::Edits;
use crate::ui::forms::{Choice, choice_box, short};

/// The most phrases listed at once; the filters narrow the list.
const LIST_LIMIT: usize = 300;

/// View state of the Language panel.
#[derive(Default)]
pub struct LanguagePanel {
    /// Also list accepted phrases.
    show_accepted: bool,
    /// Only this category.
    category: Option<Category>,
    /// Reasons being typed, by (record, field, phrase).
    reasons: HashMap<(Id, String, String), String>,
}

fn severity_colour(ui: &Ui, severity: Severity) -> egui::Color32 {
    match severity {
        Severity::High => ui.visuals().error_fg_color,
        Severity::Medium => ui.visuals().warn_fg_color,
        Severity::Low => ui.visuals().weak_text_color(),
    }
}

/// The words around a phrase in its field, with the phrase marked.
fn in_context(text: &str, hit: &FieldHit) -> Option<String> {
    let (start, end) = (hit.hit.start, hit.hit.end);
    let before = text.get(..start)?;
    let after = text.get(end..)?;
    let before: String = before
        .chars()
        .rev()
        .take(60)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let after: String = after.chars().take(60).collect();
    let lead = if before.len() < start { "…" } else { "" };
    let tail = if after.len() < text.len() - end {
        "…"
    } else {
        ""
    };
    Some(format!("{lead}{before}[{}]{after}{tail}", hit.hit.matched).replace('\n', " "))
}

impl LanguagePanel {
    /// Draws the panel; returns where the reviewer asked to go.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        cx: &PanelContext,
        hits: &Arc<Vec<FieldHit>>,
        edits: &mut Edits,
    ) -> Option<Goto> {
        let mut goto = None;
        ScrollArea::vertical()
            .id_salt("language")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                egui::Frame::NONE
                    .inner_margin(egui::Margin::symmetric(16, 8))
                    .show(ui, |ui| {
                        ui.set_max_width(ui.available_width().min(980.0));
                        goto = self.contents(ui, cx, hits, edits);
                    });
            });
        goto
    }

    fn contents(
        &mut self,
        ui: &mut Ui,
        cx: &PanelContext,
        hits: &[FieldHit],
        edits: &mut Edits,
    ) -> Option<Goto> {
        let review = cx.review;
        let mut goto = None;
        ui.heading("Hindsight and blame language");
        ui.add_space(4.0);
        ui.weak(
            "Phrases that judge practice with hindsight instead of explaining why it made sense \
             at the time. Rewrite them in their record, or accept them with a reason: the reason \
             is kept in the review.",
        );
        if let Some(problem) = Lexicon::shared_problem() {
            crate::ui::forms::error_note(
                ui,
                &format!(
                    "Your lexicon files could not be used; the built-in lexicon is used instead. {problem}"
                ),
            );
        }
        ui.add_space(8.0);
        let open = hits.iter().filter(|h| h.is_open()).count();
        ui.label(
            RichText::new(format!(
                "{open} open phrase{}, {} accepted with a reason",
                if open == 1 { "" } else { "s" },
                hits.len() - open
            ))
            .strong(),
        );
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            ui.checkbox(&mut self.show_accepted, "Show accepted phrases");
        });
        let mut options = vec![Choice {
            value: None,
            label: "All categories".to_string(),
            hover: String::new(),
        }];
        options.extend(Category::ALL.iter().map(|c| Choice {
            value: Some(*c),
            label: format!("{} {}", c.code(), c.label()),
            hover: String::new(),
        }));
        if let Some(category) = choice_box(ui, "Category", &self.category, &options) {
            self.category = category;
        }
        ui.add_space(8.0);

        let shown: Vec<&FieldHit> = hits
            .iter()
            .filter(|h| self.show_accepted || h.is_open())
            .filter(|h| {
                self.category
                    .is_none_or(|c| h.hit.category == c || h.hit.also.contains(&c))
            })
            .collect();
        if shown.is_empty() {
            ui.label(if hits.is_empty() {
                "No hindsight or blame language found."
            } else {
                "Nothing to show with these filters."
            });
        }
        // The texts of the records listed only: the whole review is not
        // walked every frame.
        let mut texts: HashMap<(&Id, String), &str> = HashMap::new();
        let mut record: Option<&Id> = None;
        for hit in shown.iter().take(LIST_LIMIT) {
            if record != Some(&hit.record) {
                record = Some(&hit.record);
                texts.extend(
                    record_fields(review, &hit.record)
                        .into_iter()
                        .map(|f| ((f.record, f.field), f.text)),
                );
                ui.add_space(10.0);
                ui.separator();
                ui.horizontal_wrapped(|ui| {
                    let title = short(&review.title_of(&hit.record), 90);
                    ui.label(RichText::new(format!("{}  {title}", hit.record)).strong());
                    if ui
                        .button(format!("Open {}", hit.record))
                        .on_hover_text("Show the record, to rewrite the phrase there.")
                        .clicked()
                    {
                        goto = Some(Goto::Record(hit.record.clone()));
                    }
                });
            }
            let text = texts.get(&(&hit.record, hit.field.clone())).copied();
            self.hit_row(ui, review, text, hit, edits);
        }
        if shown.len() > LIST_LIMIT {
            ui.weak(format!(
                "…and {} more: choose a category to narrow the list.",
                shown.len() - LIST_LIMIT
            ));
        }
        goto
    }

    fn hit_row(
        &mut self,
        ui: &mut Ui,
        review: &Review,
        text: Option<&str>,
        hit: &FieldHit,
        edits: &mut Edits,
    ) {
        let h = &hit.hit;
        ui.add_space(6.0);
        ui.push_id((&hit.record, &hit.field, h.start), |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(format!("“{}”", h.matched))
                        .strong()
                        .color(severity_colour(ui, h.severity)),
                );
                ui.label(format!(
                    "in {} · {} · {}{}",
                    hit.label,
                    h.categories(),
                    h.severity.label(),
                    if h.quoted { " (quoted)" } else { "" }
                ));
            });
            if let Some(context) = text.and_then(|t| in_context(t, hit)) {
                ui.add(egui::Label::new(RichText::new(context).weak()).wrap());
            }
            ui.add(egui::Label::new(RichText::new(&h.question).italics()).wrap());
            let key = (hit.record.clone(), hit.field.clone(), h.key.clone());
            match &hit.accepted {
                Some(reason) => {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(format!("Accepted: {reason}"));
                        if ui
                            .button("Reopen")
                            .accessible_name(format!(
                                "Reopen “{}” in {} {}",
                                h.matched, hit.record, hit.label
                            ))
                            .on_hover_text("Take back the acceptance: the phrase is open again.")
                            .clicked()
                        {
                            edits.apply(reopen_change(review, hit));
                        }
                    });
                }
                None => {
                    let place = format!("“{}” in {} {}", h.matched, hit.record, hit.label);
                    let mut reason = self.reasons.get(&key).cloned().unwrap_or_default();
                    let mut accepted = false;
                    ui.horizontal(|ui| {
                        let width = (ui.available_width() - 190.0).max(160.0);
                        ui.add(
                            TextEdit::singleline(&mut reason)
                                .hint_text(
                                    "Why this phrase stays (e.g. it quotes the practitioner)",
                                )
                                .desired_width(width),
                        )
                        .accessible_name(format!("Reason for keeping {place}"));
                        let ready = !reason.trim().is_empty();
                        accepted = ui
                            .add_enabled(ready, Button::new("Accept with this reason"))
                            .accessible_name(format!("Accept {place}"))
                            .on_disabled_hover_text("Write the reason first.")
                            .clicked();
                    });
                    if accepted {
                        edits.apply(accept_change(review, hit, &reason));
                        self.reasons.remove(&key);
                    } else if reason.is_empty() {
                        self.reasons.remove(&key);
                    } else {
                        self.reasons.insert(key, reason);
                    }
                }
            }
        });
    }
}
