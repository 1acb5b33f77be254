//! The Map panel: the review's diagrams on a direct-manipulation canvas
//! (the case map), with a toolbar (fit, zoom, auto-layout, grid snapping,
//! the kind of new nodes, ripple effects, present, export), filters by
//! kind and factor category, a search that highlights and centres matches,
//! and on the right the list of diagrams, the selected item's full form,
//! its links, its ripple effects and, for an episode, its chronology.

mod export;
mod selection;

use export::default_path;
use selection::details;

use std::collections::HashSet;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use eframe::egui::{self, RichText, ScrollArea, Ui, vec2};

use super::{
    PanelContext, add, delete_button, list_header, or_untitled, put, record_list, titled_kinds,
};

use crate::analysis::layout::{LayoutKind, layout_change};
use crate::export::png::{fitting_scale, svg_size, svg_to_png};
use crate::export::svg::legend_name;
use crate::model::{Diagram, DiagramNode, Id, LinkKind, Polarity, Record, RecordKind, Review};
use crate::publication::export::publishable_svg;
use crate::ui::app_commands::{AppCommand, AppCommands};
use crate::ui::canvas::commands::{NODE_KINDS, kind_name, remove_from_diagram};
use crate::ui::canvas::paint::swatch;
use crate::ui::canvas::{Canvas, CanvasInput, Look};
use crate::ui::edits::Edits;
use crate::ui::forms::{Choice, Form, Pick, record_picker, short};
use crate::ui::labels;

/// Spacing of the grid records added from the list are placed on.
const GRID: (f32, f32) = (240.0, 150.0);

/// The format of an exported figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Svg,
    Png,
}

impl Format {
    /// The file ending.
    fn extension(self) -> &'static str {
        match self {
            Format::Svg => "svg",
            Format::Png => "png",
        }
    }

    /// The file type named in the Save dialog.
    fn kind(self) -> &'static str {
        match self {
            Format::Svg => "SVG figure",
            Format::Png => "PNG picture",
        }
    }
}

/// A figure export waiting for its file name: chosen in the Save dialog,
/// or typed.
struct ExportPrompt {
    format: Format,
    path: String,
}

/// View state of the Map panel.
#[derive(Default)]
pub struct MapPanel {
    selected: Option<Id>,
    canvas: Canvas,
    search: String,
    search_hit: usize,
    hidden: HashSet<RecordKind>,
    /// Kinds of link hidden, by their labels ("evidences"…).
    hidden_links: HashSet<&'static str>,
    category: String,
    export: Option<ExportPrompt>,
    note: Option<String>,
    /// The Save dialog choosing where a figure is written.
    files: crate::ui::files::FileDialogs,
    /// The format the open Save dialog is choosing a file for.
    dialog_format: Option<Format>,
    /// Set once no Save dialog could be shown.
    no_dialog: bool,
    /// The figure being written on a worker.
    writing: Option<export::FigureWrite>,
    /// The lint's suggested tag for the selected finding.
    finding_suggestion: crate::ui::records::SuggestionCache,
}

impl MapPanel {
    /// Draws the panel: the diagrams and the selected item on the right,
    /// the toolbar and canvas in the middle.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        cx: &PanelContext,
        edits: &mut Edits,
        commands: &mut AppCommands,
    ) {
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
            .default_size(340.0)
            .size_range(260.0..=620.0)
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
                record_list(ui, "diagram-rows", &rows, &mut self.selected, 120.0);
                ui.separator();
                ScrollArea::vertical()
                    .id_salt("diagram-details-scroll")
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        if let Some(diagram) = diagram {
                            self.selection_panel(ui, cx, diagram, edits);
                            ui.add_space(8.0);
                            egui::CollapsingHeader::new("Diagram settings")
                                .default_open(true)
                                .show(ui, |ui| details(ui, review, diagram, edits));
                        } else {
                            ui.add_space(24.0);
                            ui.weak("Add a diagram to start a map.");
                        }
                    });
            });
        egui::CentralPanel::no_frame().show(ui, |ui| {
            egui::Frame::NONE
                .inner_margin(egui::Margin::same(8))
                .show(ui, |ui| {
                    let Some(diagram) = diagram else {
                        ui.weak("The review has no diagrams yet: add one on the right.");
                        return;
                    };
                    self.toolbar(ui, cx, diagram, edits, commands);
                    let look = Look::of(ui.ctx());
                    let visible = self.visible(review, diagram);
                    let matches = self.matches(review, diagram);
                    let nodes: HashSet<&Id> = diagram.nodes.iter().map(|n| &n.item).collect();
                    let badges = crate::ui::canvas::view::badges_for(review, &nodes);
                    let input = CanvasInput {
                        review,
                        diagram,
                        revision: cx.revision,
                        visible: visible.as_ref(),
                        matches: &matches,
                        badges: &badges,
                        look,
                    };
                    self.canvas.show(ui, &input, edits);
                });
        });
    }

    /// The records shown under the filters, or `None` when nothing is
    /// filtered out.
    fn visible(&self, review: &Review, diagram: &Diagram) -> Option<HashSet<Id>> {
        if self.hidden.is_empty() && self.category.is_empty() && self.hidden_links.is_empty() {
            return None;
        }
        let mut shown: HashSet<Id> = diagram
            .nodes
            .iter()
            .filter(|n| {
                let kind = review.kind_of(&n.item);
                if kind.is_some_and(|k| self.hidden.contains(&k)) {
                    return false;
                }
                if self.category.is_empty() || kind != Some(RecordKind::Factor) {
                    return true;
                }
                review
                    .factors
                    .iter()
                    .any(|f| f.id == n.item && f.category == self.category)
            })
            .map(|n| n.item.clone())
            .collect();
        shown.extend(
            review
                .links
                .iter()
                .filter(|l| !self.hidden_links.contains(l.kind.label()))
                .map(|l| l.id.clone()),
        );
        Some(shown)
    }

    /// The nodes whose text or id contains the search words.
    fn matches(&self, review: &Review, diagram: &Diagram) -> HashSet<Id> {
        let query = self.search.trim().to_lowercase();
        if query.is_empty() {
            return HashSet::new();
        }
        diagram
            .nodes
            .iter()
            .filter(|n| {
                n.item.as_str().to_lowercase() == query
                    || review.title_of(&n.item).to_lowercase().contains(&query)
            })
            .map(|n| n.item.clone())
            .collect()
    }

    fn toolbar(
        &mut self,
        ui: &mut Ui,
        cx: &PanelContext,
        diagram: &Diagram,
        edits: &mut Edits,
        commands: &mut AppCommands,
    ) {
        let review = cx.review;
        ui.horizontal_wrapped(|ui| {
            ui.heading(or_untitled(&diagram.name, "name"));
            if ui
                .button("Fit all")
                .on_hover_text("See the whole map, however small its labels (F)")
                .clicked()
            {
                self.canvas.request_fit();
            }
            if ui
                .button("Readable")
                .on_hover_text(
                    "Labels at a size a room can read: the whole map when it fits so, otherwise the start of the episodes",
                )
                .clicked()
            {
                self.canvas.request_readable();
            }
            let episodes = diagram
                .nodes
                .iter()
                .any(|n| review.kind_of(&n.item) == Some(RecordKind::Episode));
            if ui
                .add_enabled(episodes, egui::Button::new("Fit episodes"))
                .on_hover_text(
                    "The row of episodes across the map at a size a room can read: the whole row when it fits so, otherwise its first episodes",
                )
                .on_disabled_hover_text("This diagram has no episodes")
                .clicked()
            {
                self.canvas.request_episodes();
            }
            if ui.button("−").on_hover_text("Zoom out (Ctrl −, wheel)").clicked() {
                self.canvas.zoom_by(0.8);
            }
            if let Some(zoom) = self.canvas.zoom() {
                ui.label(format!("{:.0} %", zoom * 100.0));
            }
            if ui.button("+").on_hover_text("Zoom in (Ctrl +, wheel)").clicked() {
                self.canvas.zoom_by(1.25);
            }
            let kind = LayoutKind::for_diagram(diagram.kind);
            let hint = match kind {
                LayoutKind::Why => "Episodes along the top in date order, the factors beneath them, latent conditions at the bottom, findings at the side. Undo puts everything back.",
                LayoutKind::Loops => "Variables on feedback loops round a circle in loop order, the rest outside. Undo puts everything back.",
            };
            if ui.button("Auto-layout").on_hover_text(hint).clicked()
                && let Some(change) = layout_change(review, diagram, kind)
            {
                edits.apply(change);
                self.canvas.request_fit();
            }
            ui.checkbox(&mut self.canvas.snap, "Snap to grid");
            let choices: Vec<(RecordKind, String)> =
                NODE_KINDS.iter().map(|k| (*k, kind_name(*k).to_string())).collect();
            if let Some(kind) = small_combo(ui, "New nodes", &self.canvas.new_kind, &choices) {
                self.canvas.new_kind = kind;
            }
            ui.checkbox(&mut self.canvas.show_ripple, "Ripple effects")
                .on_hover_text("Select a node to see everything downstream and upstream of it, and whether each variable rises or falls");
            self.search_field(ui, review, diagram);
            // The filter menu stays open while boxes are ticked.
            egui::containers::menu::MenuButton::new("Filter")
                .config(
                    egui::containers::menu::MenuConfig::new()
                        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside),
                )
                .ui(ui, |ui| self.filter_menu(ui, cx, diagram));
            ui.menu_button("Export", |ui| {
                for (format, text) in [(Format::Svg, "Export SVG…"), (Format::Png, "Export PNG…")] {
                    if ui.button(text).clicked() {
                        let path = default_path(diagram, format, cx.path);
                        // The Save dialog opens next to the review; the
                        // typed path below stays for when none can be shown.
                        if !self.files.unavailable && !self.files.is_busy() {
                            self.files.start_export(
                                &format!("Save the {} as", format.kind()),
                                &path,
                                format.kind(),
                                &[format.extension()],
                                ui.ctx(),
                            );
                            self.dialog_format = Some(format);
                        }
                        self.export = Some(ExportPrompt {
                            format,
                            path: path.display().to_string(),
                        });
                        self.note = None;
                        ui.close();
                    }
                }
            });
            let stages = diagram.stages.len();
            let hint = if stages > 0 {
                format!("Full screen, {stages} stages: arrow keys to step, N for notes, Esc to leave")
            } else {
                "Full screen: Esc to leave".to_string()
            };
            if ui.button("Present").on_hover_text(hint).clicked() {
                commands.push(AppCommand::Present(diagram.id.clone()));
            }
        });
        self.export_row(ui, cx, diagram);
        legend(ui);
    }

    fn search_field(&mut self, ui: &mut Ui, review: &Review, diagram: &Diagram) {
        let label = ui.label("Search");
        let before = self.search.clone();
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut self.search)
                    .desired_width(150.0)
                    .hint_text("words or an id"),
            )
            .labelled_by(label.id);
        let matches = self.matches(review, diagram);
        let mut ordered: Vec<&DiagramNode> = diagram
            .nodes
            .iter()
            .filter(|n| matches.contains(&n.item))
            .collect();
        ordered.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let mut go = self.search != before;
        if self.search != before {
            self.search_hit = 0;
        }
        if !self.search.trim().is_empty() {
            ui.label(format!("{} found", ordered.len()));
            if (ui
                .add_enabled(!ordered.is_empty(), egui::Button::new("Next match"))
                .clicked()
                || entered)
                && !ordered.is_empty()
            {
                self.search_hit = (self.search_hit + 1) % ordered.len();
                go = true;
            }
        }
        if go && let Some(node) = ordered.get(self.search_hit.min(ordered.len().saturating_sub(1)))
        {
            self.canvas.centre_on((node.x, node.y));
            self.canvas.select(vec![node.item.clone()]);
        }
    }

    fn filter_menu(&mut self, ui: &mut Ui, cx: &PanelContext, diagram: &Diagram) {
        let review = cx.review;
        ui.set_min_width(260.0);
        ui.label(RichText::new("Show").strong());
        for kind in NODE_KINDS {
            let mut shown = !self.hidden.contains(&kind);
            if ui.checkbox(&mut shown, legend_name(kind)).changed() {
                if shown {
                    self.hidden.remove(&kind);
                } else {
                    self.hidden.insert(kind);
                }
            }
        }
        for kind in ["contributed to", "underlies", "evidences", "causal"] {
            let mut shown = !self.hidden_links.contains(kind);
            if ui.checkbox(&mut shown, format!("Links: {kind}")).changed() {
                if shown {
                    self.hidden_links.remove(kind);
                } else {
                    self.hidden_links.insert(kind);
                }
            }
        }
        ui.separator();
        let mut categories: Vec<(String, String)> = vec![(String::new(), "All".into())];
        let mut present: Vec<&str> = review
            .factors
            .iter()
            .filter(|f| diagram.position(&f.id).is_some() && !f.category.is_empty())
            .map(|f| f.category.as_str())
            .collect();
        present.sort();
        present.dedup();
        for id in present {
            let name = cx
                .taxonomy
                .and_then(|t| t.categories.iter().find(|c| c.id == id))
                .map_or(id.to_string(), |c| c.label.clone());
            categories.push((id.to_string(), name));
        }
        if let Some(value) = small_combo(ui, "Factor category", &self.category, &categories) {
            self.category = value;
        }
    }
}

/// The first point of a grid that is clear of the diagram's nodes.
fn free_spot(diagram: &Diagram) -> (f32, f32) {
    let clear = |x: f32, y: f32| {
        diagram
            .nodes
            .iter()
            .all(|n| (n.x - x).abs() >= GRID.0 * 0.9 || (n.y - y).abs() >= GRID.1 * 0.6)
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

/// What the shapes, colours and marks mean, and how to work the canvas.
fn legend(ui: &mut Ui) {
    let look = Look::of(ui.ctx());
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 6.0;
        for kind in NODE_KINDS {
            legend_item(ui, legend_name(kind), |painter, rect| swatch(painter, rect, kind, look));
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
                "causal (S same, O opposite, ‖ delay)",
            ),
        ] {
            legend_item(ui, label, |painter, rect| {
                let stroke = egui::Stroke::new(2.0 * look.line_scale, crate::ui::canvas::view::link_colour(kind, look));
                painter.line_segment([rect.left_center(), rect.right_center() - vec2(6.0, 0.0)], stroke);
                let tip = rect.right_center();
                painter.add(egui::Shape::convex_polygon(
                    vec![tip, tip + vec2(-8.0, -4.0), tip + vec2(-8.0, 4.0)],
                    stroke.color,
                    egui::Stroke::NONE,
                ));
            });
        }
        ui.label(RichText::new("How to use the map").underline().small())
            .on_hover_text("Drag the background to pan (or arrow keys); wheel or pinch to zoom about the pointer (Ctrl + and Ctrl − too); F fits. Click selects, Shift-click adds, Shift+drag draws a box round several. Drag nodes to move them (Alt+arrows nudges). Double-click the background, or press N, to add a node of the kind chosen under New nodes. Drag from a node's blue handle to another node to link them (or select a node, press L, then choose the other). Enter or F2 edits a label; Del deletes; right-click for more. Everything can be undone.");
    });
}

/// A captioned drop-down list for the toolbar; returns the value picked.
fn small_combo<T: PartialEq + Clone>(
    ui: &mut Ui,
    caption: &str,
    current: &T,
    options: &[(T, String)],
) -> Option<T> {
    let label = ui.label(caption);
    let shown = options
        .iter()
        .find(|(v, _)| v == current)
        .map_or("—", |(_, l)| l.as_str());
    let mut picked = None;
    egui::ComboBox::from_id_salt(("map-combo", caption))
        .selected_text(shown)
        .show_ui(ui, |ui| {
            for (value, text) in options {
                if ui.selectable_label(value == current, text).clicked() {
                    picked = Some(value.clone());
                }
            }
        })
        .response
        .labelled_by(label.id);
    picked
}

/// One entry of the legend: a swatch and its meaning, kept together when
/// the legend wraps.
fn legend_item(ui: &mut Ui, label: &str, swatch: impl FnOnce(&egui::Painter, egui::Rect)) {
    let colour = ui.visuals().text_color();
    let font = egui::TextStyle::Small.resolve(ui.style());
    let galley = ui.painter().layout_no_wrap(label.to_string(), font, colour);
    let size = vec2(32.0 + galley.size().x, galley.size().y.max(16.0));
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    let swatch_rect = egui::Rect::from_center_size(
        egui::pos2(rect.left() + 12.0, rect.center().y),
        vec2(24.0, 13.0),
    );
    swatch(ui.painter(), swatch_rect);
    let text_pos = egui::pos2(rect.left() + 28.0, rect.center().y - galley.size().y / 2.0);
    ui.painter().galley(text_pos, galley, colour);
}
