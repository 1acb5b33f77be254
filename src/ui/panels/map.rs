//! The Map panel: the review's diagrams. Diagrams can be added, renamed and
//! deleted, and records added to or removed from them; the drawing itself
//! is read-only for now (moving nodes and drawing links come later).

use eframe::egui::{self, RichText, ScrollArea, Stroke, Ui, vec2};

use super::map_canvas::{self, Scale, link_colour, node_colours};
use super::{
    PanelContext, add, delete_button, list_header, nothing_selected, or_untitled, put, record_list,
    titled_kinds,
};
use crate::model::{Diagram, DiagramNode, Id, LinkKind, Polarity, Record, RecordKind, Review};
use crate::ui::edits::Edits;
use crate::ui::forms::{Choice, Form, Pick, record_picker};
use crate::ui::labels;

/// Spacing of the grid new nodes are placed on, in diagram units.
const GRID: (f32, f32) = (240.0, 150.0);

/// View state of the Map panel.
pub struct MapPanel {
    selected: Option<Id>,
    /// Set when the user asked to present the diagram.
    present: Option<Id>,
    fit: bool,
    /// The scale of the drawing when it is not fitted to the window.
    zoom: f32,
}

impl MapPanel {
    /// The diagram the user asked to present, once.
    pub fn take_present_request(&mut self) -> Option<Id> {
        self.present.take()
    }
}

impl Default for MapPanel {
    fn default() -> Self {
        MapPanel {
            selected: None,
            present: None,
            fit: true,
            zoom: 1.0,
        }
    }
}

impl MapPanel {
    /// Draws the panel: the list of diagrams and the selected diagram's
    /// details on the right, the drawing in the middle.
    pub fn ui(&mut self, ui: &mut Ui, cx: &PanelContext, edits: &mut Edits) {
        let review = cx.review;
        if self
            .selected
            .as_ref()
            .is_none_or(|id| review.diagrams.iter().all(|d| &d.id != id))
        {
            self.selected = review.diagrams.first().map(|d| d.id.clone());
        }
        let diagram = self
            .selected
            .as_ref()
            .and_then(|id| review.diagrams.iter().find(|d| &d.id == id));
        egui::Panel::right("diagram-details")
            .resizable(true)
            .default_size(360.0)
            .size_range(260.0..=560.0)
            .show(ui, |ui| {
                if list_header(ui, "Diagrams", "Add diagram") {
                    let id = review.next_id(RecordKind::Diagram);
                    let diagram = Diagram {
                        id: id.clone(),
                        name: "New diagram".into(),
                        ..Default::default()
                    };
                    edits.apply(add("Add diagram", Record::Diagram(diagram)));
                    self.selected = Some(id);
                }
                let rows: Vec<(Id, String)> = review
                    .diagrams
                    .iter()
                    .map(|d| (d.id.clone(), or_untitled(&d.name, "name")))
                    .collect();
                record_list(ui, "diagram-rows", &rows, &mut self.selected, 160.0);
                ui.separator();
                ScrollArea::vertical()
                    .id_salt("diagram-details-scroll")
                    .auto_shrink([false, false])
                    .show(ui, |ui| match diagram {
                        Some(diagram) => details(ui, review, diagram, edits),
                        None => nothing_selected(ui, "a diagram"),
                    });
            });
        egui::CentralPanel::no_frame().show(ui, |ui| {
            egui::Frame::NONE.inner_margin(egui::Margin::same(8)).show(ui, |ui| {
                let Some(diagram) = diagram else {
                    ui.weak("The review has no diagrams yet: add one on the right.");
                    return;
                };
                ui.horizontal_wrapped(|ui| {
                    ui.heading(or_untitled(&diagram.name, "name"));
                    ui.checkbox(&mut self.fit, "Fit to window");
                    let stages = diagram.stages.len();
                    let hint = if stages > 0 {
                        format!("Full screen, {stages} stages: arrow keys to step, N for notes, Esc to leave")
                    } else {
                        "Full screen: Esc to leave".to_string()
                    };
                    if ui.button("Present").on_hover_text(hint).clicked() {
                        self.present = Some(diagram.id.clone());
                    }
                    if !self.fit {
                        ui.add(egui::Slider::new(&mut self.zoom, 0.3..=2.0).text("Zoom"))
                            .accessible_name("Zoom");
                    }
                });
                legend(ui);
                ui.weak("Read-only drawing: moving nodes and drawing links on the canvas come later.");
                let scale = if self.fit { Scale::Fit } else { Scale::Zoom(self.zoom) };
                let nodes: std::collections::HashSet<&Id> = diagram.nodes.iter().map(|n| &n.item).collect();
                let badges = super::feedback_loops::badges_for(review, &nodes);
                let options = map_canvas::DrawOptions { badges: &badges, ..map_canvas::DrawOptions::plain(scale) };
                map_canvas::draw_with(ui, review, diagram, &options);
            });
        });
    }
}

/// The diagram's name and kind, the records on it, and its stages.
fn details(ui: &mut Ui, review: &Review, diagram: &Diagram, edits: &mut Edits) {
    let d = diagram;
    ui.push_id(d.id.as_str(), |ui| {
        ui.add_space(4.0);
        let mut form = Form::new(edits, d.id.as_str());
        form.text(ui, "Diagram name", &d.name, |v| {
            put("Rename diagram", d, Record::Diagram, |x| x.name = v)
        });
        form.choice(
            ui,
            "Diagram kind",
            &d.kind,
            &Choice::list(labels::DIAGRAM_KINDS),
            |v| put("Change diagram kind", d, Record::Diagram, |x| x.kind = v),
        );
        let edits = form.edits();
        let chosen: Vec<(Id, String)> = d
            .nodes
            .iter()
            .map(|n| (n.item.clone(), review.title_of(&n.item)))
            .collect();
        let candidates = || {
            titled_kinds(
                review,
                &[
                    RecordKind::Episode,
                    RecordKind::Factor,
                    RecordKind::Condition,
                    RecordKind::Finding,
                    RecordKind::Variable,
                ],
            )
        };
        match record_picker(
            ui,
            "Records on this diagram",
            "record",
            false,
            &chosen,
            candidates,
        ) {
            Some(Pick::Add(item)) => {
                let (x, y) = free_spot(d);
                edits.apply(put("Add to diagram", d, Record::Diagram, |x_| {
                    x_.nodes.push(DiagramNode { item, x, y })
                }));
            }
            Some(Pick::Remove(item)) => {
                edits.apply(put("Remove from diagram", d, Record::Diagram, |x| {
                    x.nodes.retain(|n| n.item != item);
                    for stage in &mut x.stages {
                        stage.reveal.retain(|r| *r != item);
                    }
                }))
            }
            Some(Pick::Up(_) | Pick::Down(_)) | None => {}
        }
        if !d.stages.is_empty() {
            ui.add_space(8.0);
            ui.label(RichText::new("Presentation stages").strong());
            for (i, stage) in d.stages.iter().enumerate() {
                ui.label(format!("{}. {}", i + 1, stage.title));
            }
        }
        delete_button(ui, review, &d.id, "diagram", edits);
        ui.weak("Deleting a diagram never deletes the records on it.");
    });
}

/// The first point of a grid that is clear of the diagram's nodes.
fn free_spot(diagram: &Diagram) -> (f32, f32) {
    let clear = |x: f32, y: f32| {
        diagram
            .nodes
            .iter()
            .all(|n| (n.x - x).abs() >= GRID.0 * 0.8 || (n.y - y).abs() >= GRID.1 * 0.8)
    };
    (0..)
        .map(|i| {
            (
                120.0 + (i % 5) as f32 * GRID.0,
                80.0 + (i / 5) as f32 * GRID.1,
            )
        })
        .find(|(x, y)| clear(*x, *y))
        .unwrap_or((120.0, 80.0))
}

/// What the colours and marks mean.
fn legend(ui: &mut Ui) {
    ui.horizontal_wrapped(|ui| {
        for (kind, label) in [
            (RecordKind::Episode, "Episode"),
            (RecordKind::Factor, "Factor"),
            (RecordKind::Condition, "Latent condition"),
            (RecordKind::Finding, "Finding"),
            (RecordKind::Variable, "Variable"),
        ] {
            let (fill, border) = node_colours(Some(kind));
            legend_item(ui, label, |painter, rect| {
                painter.rect(
                    rect,
                    3.0,
                    fill,
                    Stroke::new(1.2, border),
                    egui::StrokeKind::Inside,
                );
            });
        }
        for (kind, label) in [
            (LinkKind::ContributedTo, "contributed to"),
            (LinkKind::Underlies, "underlies"),
            (LinkKind::Evidences, "evidences"),
            (
                LinkKind::Causal {
                    polarity: Polarity::Same,
                    delay: false,
                },
                "causal: S same, O opposite, ‖ delay",
            ),
        ] {
            legend_item(ui, label, |painter, rect| {
                let stroke = Stroke::new(2.0, link_colour(kind));
                painter.line_segment([rect.left_center(), rect.right_center()], stroke);
            });
        }
    });
}

/// One entry of the legend: a swatch and its meaning, kept together when
/// the legend wraps.
fn legend_item(ui: &mut Ui, label: &str, swatch: impl FnOnce(&egui::Painter, egui::Rect)) {
    let colour = ui.visuals().text_color();
    let font = egui::TextStyle::Body.resolve(ui.style());
    let galley = ui.painter().layout_no_wrap(label.to_string(), font, colour);
    let size = vec2(32.0 + galley.size().x, galley.size().y.max(16.0));
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    let swatch_rect = egui::Rect::from_center_size(
        egui::pos2(rect.left() + 12.0, rect.center().y),
        vec2(24.0, 14.0),
    );
    swatch(ui.painter(), swatch_rect);
    let text_pos = egui::pos2(rect.left() + 30.0, rect.center().y - galley.size().y / 2.0);
    ui.painter().galley(text_pos, galley, colour);
}
