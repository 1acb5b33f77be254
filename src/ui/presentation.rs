//! Presentation mode for trainers: one diagram full screen in large type,
//! its stages shown in order (arrow keys, Page Up/Down, Space), speaker
//! notes per stage in a short panel below (N or "Hide notes" hides them,
//! its edge drags it taller), Esc to leave. The diagram is fitted to the
//! space left, as large as it goes (see
//! [`crate::ui::canvas::paint::fit_largest`]).

use std::collections::HashSet;

use eframe::egui::{self, Align, Button, Key, Label, Layout, RichText, Ui, vec2};

use super::canvas::view::{DrawOptions, Fit, Scale, badges_for, draw_with};
use crate::analysis::stages::visible_at;
use crate::model::{Id, Review};

/// What the presenter asked for in a frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Keep presenting.
    Stay,
    /// Leave presentation mode.
    Leave,
}

/// A diagram being presented.
#[derive(Debug, Clone, PartialEq)]
pub struct Presentation {
    /// The diagram.
    pub diagram: Id,
    /// The stage on screen (0-based); with no stages, 0.
    pub stage: usize,
    /// Whether the speaker notes are shown.
    pub notes: bool,
    /// How the diagram was fitted to the screen in the last frame.
    fit: Option<Fit>,
}

impl Presentation {
    /// Starts at the first stage with the notes shown.
    pub fn new(diagram: Id) -> Presentation {
        Presentation {
            diagram,
            stage: 0,
            notes: true,
            fit: None,
        }
    }

    /// How the diagram was fitted to the screen when last drawn: the size
    /// of its labels, S/O marks and loop labels on screen (`None` before
    /// it is drawn, or with nothing to draw).
    pub fn fit(&self) -> Option<&Fit> {
        self.fit.as_ref()
    }

    /// The records on screen at the current stage.
    pub fn visible(&self, review: &Review) -> HashSet<Id> {
        review
            .diagrams
            .iter()
            .find(|d| d.id == self.diagram)
            .map(|d| visible_at(review, d, self.stage))
            .unwrap_or_default()
    }

    /// Draws the presentation and handles its keys.
    pub fn show(&mut self, ui: &mut Ui, review: &Review) -> Outcome {
        let Some(diagram) = review.diagrams.iter().find(|d| d.id == self.diagram) else {
            return Outcome::Leave;
        };
        let stages = diagram.stages.len();
        let last = stages.saturating_sub(1);
        let (next, previous, first, end, notes, leave) = ui.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::NONE, Key::ArrowRight)
                    || i.consume_key(egui::Modifiers::NONE, Key::PageDown)
                    || i.consume_key(egui::Modifiers::NONE, Key::Space)
                    || i.consume_key(egui::Modifiers::NONE, Key::ArrowDown),
                i.consume_key(egui::Modifiers::NONE, Key::ArrowLeft)
                    || i.consume_key(egui::Modifiers::NONE, Key::PageUp)
                    || i.consume_key(egui::Modifiers::NONE, Key::ArrowUp),
                i.consume_key(egui::Modifiers::NONE, Key::Home),
                i.consume_key(egui::Modifiers::NONE, Key::End),
                i.consume_key(egui::Modifiers::NONE, Key::N),
                i.consume_key(egui::Modifiers::NONE, Key::Escape),
            )
        });
        let mut outcome = if leave { Outcome::Leave } else { Outcome::Stay };
        if next {
            self.stage = (self.stage + 1).min(last);
        }
        if previous {
            self.stage = self.stage.saturating_sub(1);
        }
        if first {
            self.stage = 0;
        }
        if end {
            self.stage = last;
        }
        if notes {
            self.notes = !self.notes;
        }
        self.stage = self.stage.min(last);

        let stage = diagram.stages.get(self.stage);
        let has_notes = stage.is_some_and(|s| !s.notes.trim().is_empty());
        // One compact row: the title, where the stages are, and the
        // buttons, so that the diagram has the screen.
        egui::Panel::top("presentation-title")
            .frame(
                egui::Frame::side_top_panel(ui.style()).inner_margin(egui::Margin::symmetric(8, 2)),
            )
            .show(ui, |ui| {
                let title = stage.map_or(diagram.name.as_str(), |s| s.title.as_str());
                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                    ui.spacing_mut().item_spacing.x = 6.0;
                    if ui
                        .add(Button::new(RichText::new("Leave presentation").size(16.0)))
                        .on_hover_text("Esc")
                        .clicked()
                    {
                        outcome = Outcome::Leave;
                    }
                    if has_notes {
                        let label = if self.notes {
                            "Hide notes"
                        } else {
                            "Show notes"
                        };
                        if ui
                            .add(Button::new(RichText::new(label).size(16.0)))
                            .on_hover_text("N shows or hides the speaker notes")
                            .clicked()
                        {
                            self.notes = !self.notes;
                        }
                    }
                    if stages > 0 {
                        let forward = ui
                            .add_enabled(
                                self.stage < last,
                                Button::new(RichText::new("Next stage").size(16.0)),
                            )
                            .on_hover_text("→, Page Down or Space");
                        if forward.clicked() {
                            self.stage += 1;
                        }
                        let back = ui
                            .add_enabled(
                                self.stage > 0,
                                Button::new(RichText::new("Previous stage").size(16.0)),
                            )
                            .on_hover_text("← or Page Up");
                        if back.clicked() {
                            self.stage -= 1;
                        }
                        ui.label(
                            RichText::new(format!("Stage {} of {stages}", self.stage + 1))
                                .size(18.0),
                        );
                    }
                    // The title takes what is left, wrapping when long.
                    ui.with_layout(Layout::left_to_right(Align::Center), |ui| {
                        ui.add(Label::new(RichText::new(title).size(26.0).strong()).wrap());
                    });
                });
            });
        let stage = diagram.stages.get(self.stage);
        if self.notes
            && let Some(stage) = stage
            && !stage.notes.trim().is_empty()
        {
            // Speaker notes in a short panel that can be dragged taller
            // (or hidden with N); long notes scroll.
            let height = ui.available_height();
            egui::Panel::bottom("presentation-notes")
                .resizable(true)
                .default_size((height * 0.12).clamp(56.0, 140.0))
                .size_range(40.0..=(height * 0.5).max(60.0))
                .frame(
                    egui::Frame::side_top_panel(ui.style())
                        .inner_margin(egui::Margin::symmetric(8, 4)),
                )
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .auto_shrink([false, false])
                        .show(ui, |ui| {
                            ui.label(RichText::new(&stage.notes).size(18.0));
                        });
                });
        }
        let visible = visible_at(review, diagram, self.stage);
        let nodes: HashSet<&Id> = diagram
            .nodes
            .iter()
            .map(|n| &n.item)
            .filter(|id| visible.contains(*id))
            .collect();
        let badges = badges_for(review, &nodes);
        let options = DrawOptions {
            scale: Scale::Fit,
            highlight: None,
            visible: Some(&visible),
            badges: &badges,
            text_scale: 1.6,
        };
        let frame = egui::Frame::central_panel(ui.style()).inner_margin(egui::Margin::same(2));
        let fit = egui::CentralPanel::default()
            .frame(frame)
            .show(ui, |ui| {
                let size = vec2(ui.available_width(), ui.available_height());
                ui.allocate_ui(size, |ui| draw_with(ui, review, diagram, &options))
                    .inner
            })
            .inner;
        self.fit = fit;
        outcome
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_munro_presentation_reveals_more_at_each_stage() {
        let review = crate::examples::munro_appendix2();
        let mut presentation = Presentation::new(review.diagrams[0].id.clone());
        let mut sizes = Vec::new();
        for stage in 0..5 {
            presentation.stage = stage;
            sizes.push(presentation.visible(&review).len());
        }
        assert_eq!(sizes, vec![10, 18, 22, 27, 32]);
    }
}
