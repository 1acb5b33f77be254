//! The feedback loops found in the review's causal links: a list with R/B
//! badges, lengths and names, and for the selected loop its records, its
//! name (or a way to name it) and the diagram with the loop highlighted.

use std::collections::HashSet;

use eframe::egui::{self, Button, RichText, ScrollArea, Ui, vec2};

use super::finder::{LIST_LIMIT, LoopFinder, Search};
use crate::analysis::loops::{FeedbackLoop, LoopKind, name_for};
use crate::model::{DiagramKind, Id, NamedLoop, Record, RecordKind, Review};
use crate::ui::app_commands::{AppCommand, AppCommands};
use crate::ui::canvas::view::{DrawOptions, Scale, badges_for, draw_with};
use crate::ui::edits::Edits;
use crate::ui::panels::{add, row_height};
use crate::ui::records::kind_colour;

/// View state of the feedback-loop list.
#[derive(Default)]
pub struct FeedbackLoopsView {
    finder: LoopFinder,
    selected: Option<FeedbackLoop>,
    highlight: HashSet<Id>,
    new_name: String,
    diagram: Option<Id>,
}

/// The next free label for a loop of a kind: "R3" when R1 and R2 are taken.
fn next_label(review: &Review, kind: LoopKind) -> String {
    let letter = kind.letter();
    let highest = review
        .named_loops
        .iter()
        .filter_map(|n| n.label.strip_prefix(letter)?.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    format!("{letter}{}", highest + 1)
}

impl FeedbackLoopsView {
    /// The records highlighted for the selected loop (its nodes and links).
    pub fn highlighted(&self) -> Option<&HashSet<Id>> {
        self.selected.as_ref().map(|_| &self.highlight)
    }

    fn select(&mut self, found: &FeedbackLoop) {
        self.highlight = found.nodes.iter().chain(&found.links).cloned().collect();
        self.selected = Some(found.clone());
        self.new_name.clear();
        self.diagram = None;
    }

    /// The list of loops (left side).
    pub fn list(&mut self, ui: &mut Ui, review: &Review, revision: (u64, u64)) {
        let ctx = ui.ctx().clone();
        self.finder.refresh(review, revision, &ctx);
        ui.add_space(4.0);
        ui.heading("Feedback loops");
        let mut chosen = None;
        let mut cancel = false;
        match self.finder.poll(&ctx) {
            Search::Running(found) => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(format!("Finding loops… {found} so far"));
                });
                cancel = ui.button("Cancel search").clicked();
            }
            Search::Done(list) => {
                let c = list.counts;
                if list.complete {
                    ui.label(format!(
                        "{} loop{}: {} reinforcing, {} balancing",
                        c.total,
                        if c.total == 1 { "" } else { "s" },
                        c.reinforcing,
                        c.balancing
                    ));
                } else {
                    ui.label(format!(
                        "More than {} loops: too many to go through. Showing the {} shortest.",
                        c.total,
                        list.loops.len()
                    ));
                }
                if list.cancelled {
                    ui.weak("Search cancelled: these are the loops found before it stopped.");
                } else if list.truncated && list.complete {
                    ui.weak(format!("Showing the {LIST_LIMIT} shortest."));
                }
                if list.loops.is_empty() && !list.cancelled {
                    ui.weak("No loops: add causal links that lead back to where they start.");
                }
                // Keep the selection when the same loop is found again.
                if let Some(selected) = &self.selected
                    && !list
                        .loops
                        .iter()
                        .any(|l| l.nodes == selected.nodes && l.links == selected.links)
                {
                    chosen = Some(None);
                }
                let height = row_height(ui);
                ScrollArea::vertical()
                    .id_salt("feedback-loop-rows")
                    .auto_shrink([false, true])
                    .show_rows(ui, height, list.loops.len(), |ui, range| {
                        for found in &list.loops[range] {
                            // The R/B label the diagram shows (B1, R2) for a
                            // named loop; the kind's letter for the others.
                            let named = named_loop_of(review, found);
                            let mark = named
                                .map(|n| n.label.trim())
                                .filter(|l| !l.is_empty())
                                .map_or_else(|| found.kind.letter().to_string(), str::to_string);
                            let name = named.map(|n| format!("{}: ", n.name)).unwrap_or_default();
                            let members: Vec<String> =
                                found.nodes.iter().map(|id| review.title_of(id)).collect();
                            let text = format!(
                                "{mark}  {name}{}  ({} variables)",
                                members.join(" → "),
                                found.len(),
                            );
                            let is_selected = self
                                .selected
                                .as_ref()
                                .is_some_and(|s| s.nodes == found.nodes && s.links == found.links);
                            let button = Button::selectable(is_selected, RichText::new(text))
                                .truncate()
                                .min_size(vec2(ui.available_width(), height));
                            let response = ui.add(button);
                            if response.clicked() {
                                chosen = Some(Some(found.clone()));
                            }
                        }
                    });
            }
        }
        if cancel {
            self.finder.cancel();
        }
        match chosen {
            Some(Some(found)) => self.select(&found),
            Some(None) => self.selected = None,
            None => {}
        }
    }

    /// The selected loop (right side).
    pub fn detail(
        &mut self,
        ui: &mut Ui,
        review: &Review,
        edits: &mut Edits,
        commands: &mut AppCommands,
    ) {
        let Some(found) = self.selected.clone() else {
            ui.add_space(24.0);
            ui.weak("Select a loop on the left to see it on its diagram.");
            return;
        };
        let kind_word = match found.kind {
            LoopKind::Reinforcing => "Reinforcing loop",
            LoopKind::Balancing => "Balancing loop",
        };
        let name = name_for(review, &found);
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(found.kind.letter())
                    .strong()
                    .size(22.0)
                    .color(kind_colour(found.kind)),
            );
            ui.heading(match name {
                Some(name) => format!("{kind_word}: {name}"),
                None => format!("{kind_word} of {}", found.len()),
            });
        });
        ui.label(format!(
            "{} variables; {}{}",
            found.len(),
            match found.kind {
                LoopKind::Reinforcing => "an even number of O links: changes snowball",
                LoopKind::Balancing => "an odd number of O links: changes are checked",
            },
            if found.delayed {
                "; it carries a delay (‖)"
            } else {
                ""
            }
        ));
        ui.add_space(4.0);
        ui.label(
            found
                .nodes
                .iter()
                .map(|id| review.title_of(id))
                .collect::<Vec<_>>()
                .join(" → ")
                + " → (back to the start)",
        );
        ui.add_space(6.0);
        if name.is_none() {
            ui.horizontal(|ui| {
                let label = ui.label("Name this loop");
                ui.add(egui::TextEdit::singleline(&mut self.new_name).hint_text("e.g. Comply!"))
                    .labelled_by(label.id);
                let can = !self.new_name.trim().is_empty();
                if ui.add_enabled(can, Button::new("Name loop")).clicked() {
                    let named = NamedLoop {
                        id: review.next_id(RecordKind::NamedLoop),
                        name: self.new_name.trim().to_string(),
                        label: next_label(review, found.kind),
                        variables: found.nodes.clone(),
                        narrative: String::new(),
                        findings: Vec::new(),
                    };
                    edits.apply(add("Name loop", Record::NamedLoop(named)));
                    self.new_name.clear();
                }
            });
        }
        ui.separator();
        self.diagram_view(ui, review, &found, commands);
    }

    fn diagram_view(
        &mut self,
        ui: &mut Ui,
        review: &Review,
        found: &FeedbackLoop,
        commands: &mut AppCommands,
    ) {
        let mut holding: Vec<&crate::model::Diagram> = review
            .diagrams
            .iter()
            .filter(|d| found.nodes.iter().all(|id| d.position(id).is_some()))
            .collect();
        holding.sort_by_key(|d| d.kind != DiagramKind::CausalLoop);
        if holding.is_empty() {
            ui.weak("This loop is not on any diagram yet: add its variables to a diagram on the Map panel.");
            return;
        }
        let current = self
            .diagram
            .clone()
            .filter(|id| holding.iter().any(|d| &d.id == id))
            .unwrap_or_else(|| holding[0].id.clone());
        ui.horizontal(|ui| {
            let label = ui.label("Diagram");
            egui::ComboBox::from_id_salt("loop-diagram")
                .selected_text(review.title_of(&current))
                .show_ui(ui, |ui| {
                    for d in &holding {
                        if ui.selectable_label(d.id == current, &d.name).clicked() {
                            self.diagram = Some(d.id.clone());
                        }
                    }
                })
                .response
                .labelled_by(label.id);
            if ui.button("Present this diagram").clicked() {
                commands.push(AppCommand::Present(current.clone()));
            }
        });
        let Some(diagram) = review.diagrams.iter().find(|d| d.id == current) else {
            return;
        };
        let nodes: HashSet<&Id> = diagram.nodes.iter().map(|n| &n.item).collect();
        let badges = badges_for(review, &nodes);
        let options = DrawOptions {
            scale: Scale::Fit,
            highlight: Some(&self.highlight),
            visible: None,
            badges: &badges,
            text_scale: 1.0,
        };
        let size = vec2(ui.available_width(), 520.0);
        ui.allocate_ui(size, |ui| {
            draw_with(ui, review, diagram, &options);
        });
    }
}

/// The named loop that lists the same records as a detected loop, in the
/// same cyclic order.
fn named_loop_of<'a>(
    review: &'a Review,
    found: &FeedbackLoop,
) -> Option<&'a crate::model::NamedLoop> {
    let key = crate::analysis::loops::canonical_rotation(&found.nodes);
    review
        .named_loops
        .iter()
        .find(|named| crate::analysis::loops::canonical_rotation(&named.variables) == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_count_on_from_the_highest_of_their_kind() {
        let review = crate::examples::munro_appendix2();
        assert_eq!(next_label(&review, LoopKind::Balancing), "B3");
        assert_eq!(next_label(&review, LoopKind::Reinforcing), "R2");
    }

    #[test]
    fn munro_badges_are_its_three_named_loops() {
        let review = crate::examples::munro_appendix2();
        let nodes: HashSet<&Id> = review.diagrams[0].nodes.iter().map(|n| &n.item).collect();
        let labels: Vec<String> = badges_for(&review, &nodes)
            .into_iter()
            .map(|b| b.label)
            .collect();
        assert_eq!(labels, vec!["B1", "B2", "R1"]);
    }
}
