//! The interactive canvas: pan, zoom about the cursor, fit, select (click,
//! shift-click, rubber band), move with grid snapping, create nodes by
//! double-click or N, link by dragging from a node's edge handle (or L and
//! a target), edit labels in place (Enter/F2), delete (Del), right-click
//! menus. Every change goes out as an edit command; the canvas only keeps
//! view state. Each node is a focusable widget with an accessible label, so
//! Tab walks the nodes and screen readers can name them.

mod gestures;
mod keys;
mod label_editor;
mod menus;
mod overlays;
mod questions;

use gestures::{handle_pos, zoom_about};
use overlays::grid;

use std::collections::{HashMap, HashSet};

use eframe::egui::{
    self, Align2, Color32, CursorIcon, EventFilter, FontId, Key, Modifiers, PointerButton, Pos2,
    Rect, Response, Sense, Stroke, StrokeKind, Ui, Vec2, WidgetInfo, pos2, vec2,
};

use super::commands::{
    self, LinkChoice, NODE_KINDS, add_link, create_node, delete_all, kind_name, label_of,
    link_choice, move_nodes, remove_from_diagram, rename, snapped,
};
use super::paint::{self, Catalog, Look, LoopBadge, Painted, Scene, Transform, node_at};
use crate::analysis::layout::{LayoutKind, layout_change};
use crate::analysis::ripple::{Ripple, ripple};
use crate::diagram::geometry::{Point, pt};
use crate::model::{Diagram, Id, LinkKind, Polarity, RecordKind, Review};
use crate::ui::edits::Edits;

/// The radius of the link handle on a node's right edge, in screen points.
const HANDLE: f32 = 7.0;
/// How far the arrow keys pan, in screen points.
const PAN_STEP: f32 = 60.0;

/// What a drag is doing.
#[derive(Debug, Clone, PartialEq, Default)]
enum Drag {
    #[default]
    None,
    Pan,
    Move {
        ids: HashSet<Id>,
        by: Point,
    },
    Link {
        from: Id,
        to: Pos2,
    },
    Band {
        from: Pos2,
        to: Pos2,
    },
}

/// What a fit of the view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum View {
    /// The whole diagram, however small.
    All,
    /// On a map with episodes: the whole diagram when its labels are then
    /// readable, otherwise a readable zoom on the start of its episodes;
    /// other diagrams whole.
    Readable,
    /// The row of episodes across the canvas, at a readable zoom or
    /// larger: the whole row when it fits so, otherwise its start.
    Episodes,
}

/// The least size of label text, in screen points, that a room can read
/// and that the view opens at.
pub const READABLE_LABEL: f32 = 12.0;

/// The zoom at which labels are [`READABLE_LABEL`] points tall.
fn readable_zoom(look: Look) -> f32 {
    READABLE_LABEL / (crate::diagram::geometry::LABEL_SIZE * look.text_scale)
}

/// The view of a row of episodes `(lo, hi)` at `zoom`: the row centred
/// across the canvas when it fits, otherwise from its first episode; the
/// diagram height `top` at the top of the canvas.
fn row_view(rect: Rect, (lo, hi): (Point, Point), top: f32, zoom: f32, margin: f32) -> Transform {
    let fits = (hi.x - lo.x) * zoom <= rect.width() - 2.0 * margin;
    let x = if fits {
        rect.center().x - (lo.x + hi.x) / 2.0 * zoom
    } else {
        rect.left() + margin - lo.x * zoom
    };
    Transform {
        offset: vec2(x, rect.top() + margin - top * zoom),
        zoom,
    }
}

/// What the in-place label editor edits.
#[derive(Debug, Clone, PartialEq)]
enum Target {
    New(RecordKind),
    Existing(Id),
}

#[derive(Debug, Clone, PartialEq)]
struct LabelEdit {
    target: Target,
    text: String,
    at: Point,
    focused: bool,
}

/// A causal link waiting for its polarity.
#[derive(Debug, Clone, PartialEq)]
struct AskPolarity {
    from: Id,
    to: Id,
    at: Pos2,
    delay: bool,
}

/// What the canvas reads each frame.
pub struct CanvasInput<'a> {
    /// The review.
    pub review: &'a Review,
    /// The diagram shown.
    pub diagram: &'a Diagram,
    /// Changes whenever the review does (for the ripple cache).
    pub revision: (u64, u64),
    /// When set, only these records are shown (filters).
    pub visible: Option<&'a HashSet<Id>>,
    /// Search matches, haloed.
    pub matches: &'a HashSet<Id>,
    /// Loop labels.
    pub badges: &'a [LoopBadge],
    /// Projector look.
    pub look: Look,
}

/// What a frame draws besides the diagram: the selection, the ripple of
/// the selected node, and a move under way.
struct FrameState {
    selected: HashSet<Id>,
    ripple: Option<Ripple>,
    moving: Option<(HashSet<Id>, Point)>,
}

impl FrameState {
    /// The scene the canvas paints and hit-tests this frame.
    fn scene<'s>(&'s self, input: &CanvasInput<'s>, catalog: &'s Catalog) -> Scene<'s> {
        Scene {
            review: input.review,
            catalog,
            diagram: input.diagram,
            visible: input.visible,
            highlight: None,
            badges: input.badges,
            selected: &self.selected,
            matches: input.matches,
            ripple: self.ripple.as_ref(),
            moving: self.moving.as_ref().map(|(ids, by)| (ids, *by)),
            look: input.look,
            spread: false,
        }
    }
}

/// The interactive canvas's view state.
pub struct Canvas {
    diagram: Option<Id>,
    transform: Option<Transform>,
    /// Frames left in which to fit the view (two, so that a fit asked for
    /// with a layout also sees the positions the layout gave).
    fit_requested: u8,
    /// What the next fit shows.
    view: View,
    centre_request: Option<Point>,
    selection: Vec<Id>,
    drag: Drag,
    editing: Option<LabelEdit>,
    link_from: Option<Id>,
    ask: Option<AskPolarity>,
    /// Records waiting for the user to say how they go: off this map, or
    /// out of the review.
    confirm_delete: Option<Vec<Id>>,
    message: Option<String>,
    ripple_cache: Option<((u64, u64), Id, Ripple)>,
    catalog: Option<((u64, u64), Catalog)>,
    rect: Rect,
    /// Snap moved and new nodes to the grid.
    pub snap: bool,
    /// The kind of record a new node creates.
    pub new_kind: RecordKind,
    /// Show the ripple of a single selected node.
    pub show_ripple: bool,
}

impl Default for Canvas {
    fn default() -> Self {
        Canvas {
            diagram: None,
            transform: None,
            fit_requested: 2,
            view: View::Readable,
            centre_request: None,
            selection: Vec::new(),
            drag: Drag::None,
            editing: None,
            link_from: None,
            ask: None,
            confirm_delete: None,
            message: None,
            ripple_cache: None,
            catalog: None,
            rect: Rect::NOTHING,
            snap: true,
            new_kind: RecordKind::Factor,
            show_ripple: true,
        }
    }
}

impl Canvas {
    /// The selected records (nodes, or one link).
    pub fn selection(&self) -> &[Id] {
        &self.selection
    }

    /// Selects these records.
    pub fn select(&mut self, ids: Vec<Id>) {
        self.selection = ids;
    }

    /// Fits the whole diagram to the canvas on the next frame.
    pub fn request_fit(&mut self) {
        self.fit_requested = 2;
        self.view = View::All;
    }

    /// Shows the diagram at a zoom where its labels are readable on the
    /// next frame: the whole when it fits so, otherwise the start of its
    /// episodes (as a diagram first opens).
    pub fn request_readable(&mut self) {
        self.fit_requested = 2;
        self.view = View::Readable;
    }

    /// Fits the row of episodes to the canvas on the next frame, at a zoom
    /// where its labels are readable: the whole row when it fits so,
    /// otherwise its first episodes (a diagram without episodes is fitted
    /// whole).
    pub fn request_episodes(&mut self) {
        self.fit_requested = 2;
        self.view = View::Episodes;
    }

    /// Centres the view on a diagram point on the next frame.
    pub fn centre_on(&mut self, at: (f32, f32)) {
        self.centre_request = Some(pt(at.0, at.1));
    }

    /// The zoom (screen points per diagram unit), once shown.
    pub fn zoom(&self) -> Option<f32> {
        self.transform.map(|t| t.zoom)
    }

    /// Zooms by a factor about the middle of the canvas.
    pub fn zoom_by(&mut self, factor: f32) {
        let centre = self.rect.center();
        if let Some(t) = &mut self.transform {
            zoom_about(t, centre, factor);
        }
    }

    /// The ripple of the single selected node, when shown.
    pub fn ripple(&self) -> Option<&Ripple> {
        let (_, id, r) = self.ripple_cache.as_ref()?;
        (self.show_ripple && self.selection.len() == 1 && self.selection[0] == *id).then_some(r)
    }

    /// A message from the last action (a link refused…), if any.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Starts drawing a link from a node: the next node chosen (clicked,
    /// or focused and Enter) becomes its other end.
    pub fn start_link_from(&mut self, id: Id) {
        self.link_from = Some(id);
        self.message = Some("Choose the node the link goes to (Esc cancels)".into());
    }

    /// Opens the label editor for a node.
    pub fn edit_label(&mut self, review: &Review, diagram: &Diagram, id: &Id) {
        let (Some(record), Some((x, y))) = (review.record(id), diagram.position(id)) else {
            return;
        };
        let Some(text) = label_of(&record) else {
            return;
        };
        self.editing = Some(LabelEdit {
            target: Target::Existing(id.clone()),
            text: text.to_string(),
            at: pt(x, y),
            focused: false,
        });
    }

    /// Opens the editor for a new node of `kind` at a diagram point.
    pub fn new_node_at(&mut self, kind: RecordKind, at: Point) {
        let (x, y) = if self.snap {
            snapped(at.x, at.y)
        } else {
            (at.x, at.y)
        };
        self.editing = Some(LabelEdit {
            target: Target::New(kind),
            text: String::new(),
            at: pt(x, y),
            focused: false,
        });
    }

    /// Draws the canvas in the space left and handles what the user does.
    pub fn show(&mut self, ui: &mut Ui, input: &CanvasInput, edits: &mut Edits) {
        let review = input.review;
        let diagram = input.diagram;
        if self.diagram.as_ref() != Some(&diagram.id) {
            *self = Canvas {
                snap: self.snap,
                show_ripple: self.show_ripple,
                new_kind: default_kind(diagram),
                diagram: Some(diagram.id.clone()),
                ..Canvas::default()
            };
        }
        self.selection.retain(|id| review.kind_of(id).is_some());
        if self
            .link_from
            .as_ref()
            .is_some_and(|id| diagram.position(id).is_none())
        {
            self.link_from = None;
        }

        let catalog = match self.catalog.take() {
            Some((revision, catalog)) if revision == input.revision => catalog,
            _ => Catalog::of(review),
        };
        let size = ui.available_size().max(vec2(200.0, 160.0));
        let (rect, bg) = ui.allocate_exact_size(size, Sense::click_and_drag());
        self.rect = rect;
        let name = format!("Map canvas: {}", diagram.name);
        bg.widget_info(|| WidgetInfo::labeled(egui::accesskit::Role::Canvas, true, &name));
        if self.fit_requested > 0 || self.transform.is_none() {
            self.fit_requested = self.fit_requested.saturating_sub(1);
            let view = self.view;
            self.fit((review, &catalog), diagram, input, rect, view);
        }
        if let Some(at) = self.centre_request.take()
            && let Some(t) = &mut self.transform
        {
            t.offset = rect.center().to_vec2() - vec2(at.x, at.y) * t.zoom;
        }
        // Keep the transform valid if the canvas moved on screen.
        let mut t = self.transform.unwrap_or(Transform {
            offset: rect.min.to_vec2(),
            zoom: 1.0,
        });

        self.zoom_and_pan_input(ui, rect, &mut t);

        // Where each node is now (with a move under way).
        let state = self.frame_state(review, input.revision);
        let scene = state.scene(input, &catalog);
        let (boxes, _) = paint::node_boxes(&scene, &t);
        let mut order: Vec<usize> = (0..boxes.len()).collect();
        order.sort_by(|&a, &b| {
            let (pa, pb) = (boxes[a].2.centre, boxes[b].2.centre);
            (pa.y / 40.0)
                .floor()
                .total_cmp(&(pb.y / 40.0).floor())
                .then(pa.x.total_cmp(&pb.x))
        });
        let focused = ui.memory(|m| m.focused());
        let mut canvas_active = bg.has_focus();
        let shift = ui.input(|i| i.modifiers.shift);
        let mut hovered_node: Option<Id> = None;
        for &k in &order {
            let (id, kind, b) = boxes[k];
            let node_rect =
                Rect::from_min_max(pos2(b.min().x, b.min().y), pos2(b.max().x, b.max().y));
            if !node_rect.intersects(rect) {
                continue;
            }
            let widget = bg.id.with(("node", id.as_str()));
            let resp = ui.interact(node_rect.intersect(rect), widget, Sense::click_and_drag());
            let is_selected = state.selected.contains(id);
            resp.widget_info(|| {
                let label = accessible_label(catalog.title(id), id, kind, state.ripple.as_ref());
                WidgetInfo::selected(egui::accesskit::Role::Button, true, is_selected, label)
            });
            if focused == Some(widget) {
                canvas_active = true;
            }
            if resp.gained_focus() && !is_selected && self.link_from.is_none() {
                self.selection = vec![id.clone()];
            }
            if resp.hovered() {
                hovered_node = Some(id.clone());
            }
            if resp.clicked() {
                resp.request_focus();
                if let Some(from) = self.link_from.take() {
                    self.finish_link(
                        review,
                        &from,
                        id,
                        resp.interact_pointer_pos().unwrap_or(node_rect.center()),
                        edits,
                    );
                } else if shift {
                    if let Some(at) = self.selection.iter().position(|x| x == id) {
                        self.selection.remove(at);
                    } else {
                        self.selection
                            .retain(|x| review.kind_of(x) != Some(RecordKind::Link));
                        self.selection.push(id.clone());
                    }
                } else {
                    self.selection = vec![id.clone()];
                }
            }
            if resp.double_clicked() {
                self.edit_label(review, diagram, id);
            }
            if resp.drag_started_by(PointerButton::Primary) {
                let origin = ui
                    .input(|i| i.pointer.press_origin())
                    .unwrap_or(node_rect.center());
                if origin.distance(handle_pos(node_rect)) <= HANDLE + 5.0 {
                    self.drag = Drag::Link {
                        from: id.clone(),
                        to: origin,
                    };
                } else {
                    if !is_selected {
                        if !shift {
                            self.selection.clear();
                        }
                        self.selection.push(id.clone());
                    }
                    let ids: HashSet<Id> = self
                        .selection
                        .iter()
                        .filter(|x| diagram.position(x).is_some())
                        .cloned()
                        .collect();
                    self.drag = Drag::Move {
                        ids,
                        by: pt(0.0, 0.0),
                    };
                }
            }
            if resp.drag_started_by(PointerButton::Middle) {
                self.drag = Drag::Pan;
            }
            if resp.dragged() {
                self.drag_update(ui, &resp, &mut t);
            }
            if resp.drag_stopped() {
                self.drag_end(review, diagram, &boxes_painted(&boxes), edits);
            }
            if resp.secondary_clicked() && !is_selected {
                self.selection = vec![id.clone()];
            }
            let at = t.to_diagram(node_rect.center());
            resp.context_menu(|ui| self.menu_items(ui, review, diagram, at, edits));
            if resp.hovered() && matches!(self.drag, Drag::None) {
                let title = catalog.title(id);
                resp.on_hover_text(format!(
                    "{} {id}: {title}",
                    kind.map_or("Record", kind_name)
                ));
            }
        }

        // The background: click, double-click, pan and rubber band.
        let pointer = bg
            .interact_pointer_pos()
            .or_else(|| ui.input(|i| i.pointer.hover_pos()));
        if bg.clicked() {
            bg.request_focus();
            self.link_from = None;
            let painted_links = self.link_hits((review, &catalog), diagram, &t, input);
            match pointer
                .and_then(|p| paint::link_at(&painted_links, p, 6.0))
                .cloned()
            {
                Some(link) => self.selection = vec![link],
                None if !shift => self.selection.clear(),
                None => {}
            }
        }
        if (bg.double_clicked() || bg.triple_clicked())
            && let Some(p) = pointer
        {
            self.new_node_at(self.new_kind, t.to_diagram(p));
        }
        if bg.drag_started_by(PointerButton::Primary) {
            bg.request_focus();
            let origin = ui
                .input(|i| i.pointer.press_origin())
                .unwrap_or(rect.center());
            self.drag = if shift {
                Drag::Band {
                    from: origin,
                    to: origin,
                }
            } else {
                Drag::Pan
            };
        }
        if bg.drag_started_by(PointerButton::Middle) || bg.drag_started_by(PointerButton::Secondary)
        {
            self.drag = Drag::Pan;
        }
        if bg.dragged() {
            self.drag_update(ui, &bg, &mut t);
        }
        if bg.drag_stopped() {
            self.drag_end(review, diagram, &boxes_painted(&boxes), edits);
        }
        match &self.drag {
            Drag::Pan => ui.ctx().set_cursor_icon(CursorIcon::Grabbing),
            Drag::Move { .. } => ui.ctx().set_cursor_icon(CursorIcon::Move),
            Drag::Link { .. } => ui.ctx().set_cursor_icon(CursorIcon::Crosshair),
            _ => {}
        }

        // Keys, while the canvas or one of its nodes has focus.
        if canvas_active
            && self.editing.is_none()
            && self.ask.is_none()
            && self.confirm_delete.is_none()
        {
            let lock = EventFilter {
                tab: false,
                horizontal_arrows: true,
                vertical_arrows: true,
                escape: true,
            };
            if let Some(f) = focused {
                ui.memory_mut(|m| m.set_focus_lock_filter(f, lock));
            }
            let fit_now = self.keys(
                ui,
                review,
                diagram,
                rect,
                &mut t,
                hovered_node.as_ref(),
                edits,
            );
            if fit_now {
                self.fit((review, &catalog), diagram, input, rect, View::All);
                t = self.transform.unwrap_or(t);
            }
        }

        self.transform = Some(t);

        // Paint with what this frame changed.
        let state = self.frame_state(review, input.revision);
        let scene = state.scene(input, &catalog);
        let painter = ui.painter_at(rect);
        let palette = input.look.palette();
        painter.rect(
            rect,
            4.0,
            palette.background,
            Stroke::new(1.0, palette.frame),
            StrokeKind::Inside,
        );
        if self.snap {
            grid(&painter, rect, &t, palette.grid);
        }
        let painted = paint::paint(&painter, rect, &t, &scene);
        // A large diagram's new layout is on its way: look again shortly.
        if crate::ui::canvas::scene::layout_pending() {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(50));
        }
        self.overlays(
            &painter,
            rect,
            &painted,
            hovered_node.as_ref(),
            &state.selected,
        );
        if painted.nodes.is_empty() {
            painter.text(
                rect.center(),
                Align2::CENTER_CENTER,
                "Double-click, or press N, to add a node; or add records from the list on the right.",
                FontId::proportional(15.0),
                palette.hint,
            );
        }

        let at = bg
            .ctx
            .input(|i| i.pointer.interact_pos())
            .map_or(pt(0.0, 0.0), |p| t.to_diagram(p));
        bg.context_menu(|ui| self.menu_items(ui, review, diagram, at, edits));
        self.label_editor(ui, review, diagram, &t, edits);
        self.polarity_question(ui, review, edits);
        self.delete_question(ui, review, diagram, edits);
        self.catalog = Some((input.revision, catalog));
    }

    /// Sets the view: the whole diagram fitted; or (`View::Readable`, on a
    /// map with episodes) the whole when its labels are then readable,
    /// otherwise a readable zoom on the start of the episodes; or
    /// (`View::Episodes`) the row of episodes as large as it fits, never
    /// below a readable zoom.
    fn fit(
        &mut self,
        (review, catalog): (&Review, &Catalog),
        diagram: &Diagram,
        input: &CanvasInput,
        rect: Rect,
        view: View,
    ) {
        let empty = HashSet::new();
        let scene = Scene {
            review,
            catalog,
            diagram,
            visible: input.visible,
            highlight: None,
            badges: input.badges,
            selected: &empty,
            matches: &empty,
            ripple: None,
            moving: None,
            look: input.look,
            spread: false,
        };
        let Some((min, max)) = paint::bounds(&scene) else {
            self.transform = Some(Transform {
                offset: rect.min.to_vec2() + vec2(40.0, 40.0),
                zoom: 1.0,
            });
            return;
        };
        let all = Transform::fit(min, max, rect, 1.0);
        let readable = readable_zoom(input.look);
        let episodes = paint::bounds_of_kind(&scene, RecordKind::Episode);
        let margin = 24.0;
        let (Some((lo, hi)), View::Readable | View::Episodes) = (episodes, view) else {
            self.transform = Some(all);
            return;
        };
        if view == View::Episodes {
            // The row as large as the canvas allows, never below a
            // readable zoom nor above full size.
            let row = Transform::fit_within(lo, hi, rect, 1.0, margin);
            let zoom = row.zoom.max(readable.min(1.0));
            self.transform = Some(row_view(rect, (lo, hi), lo.y, zoom, margin));
            return;
        }
        if all.zoom >= readable {
            self.transform = Some(all);
            return;
        }
        let zoom = readable.min(1.0);
        self.transform = Some(row_view(rect, (lo, hi), min.y, zoom, margin));
    }

    /// The selection, ripple and move of this frame, as they stand.
    fn frame_state(&mut self, review: &Review, revision: (u64, u64)) -> FrameState {
        FrameState {
            selected: self.selection.iter().cloned().collect(),
            ripple: self.current_ripple(review, revision).cloned(),
            moving: match &self.drag {
                Drag::Move { ids, by } => Some((ids.clone(), *by)),
                _ => None,
            },
        }
    }

    fn current_ripple(&mut self, review: &Review, revision: (u64, u64)) -> Option<&Ripple> {
        if !self.show_ripple || self.selection.len() != 1 {
            return None;
        }
        let id = &self.selection[0];
        if review.kind_of(id) == Some(RecordKind::Link) {
            return None;
        }
        let fresh = self
            .ripple_cache
            .as_ref()
            .is_some_and(|(rev, at, _)| *rev == revision && at == id);
        if !fresh {
            self.ripple_cache = Some((revision, id.clone(), ripple(review, id)));
        }
        self.ripple_cache.as_ref().map(|(_, _, r)| r)
    }
}

/// The kind a new node gets by default on a diagram.
fn default_kind(diagram: &Diagram) -> RecordKind {
    match diagram.kind {
        crate::model::DiagramKind::CausalLoop => RecordKind::Variable,
        crate::model::DiagramKind::CaseMap => RecordKind::Factor,
    }
}

fn boxes_painted<'a>(
    boxes: &[(
        &'a Id,
        Option<RecordKind>,
        crate::diagram::geometry::NodeBox,
    )],
) -> Painted<'a> {
    Painted {
        nodes: boxes
            .iter()
            .map(|(id, kind, b)| {
                (
                    *id,
                    Rect::from_min_max(pos2(b.min().x, b.min().y), pos2(b.max().x, b.max().y)),
                    crate::diagram::geometry::shape_of(*kind),
                )
            })
            .collect(),
        ..Default::default()
    }
}

/// The accessible name of a node: its kind, id and text, and its part in
/// the ripple of the selected node.
pub fn accessible_label(
    title: &str,
    id: &Id,
    kind: Option<RecordKind>,
    ripple: Option<&Ripple>,
) -> String {
    let mut label = format!("{} {id}: {}", kind.map_or("Record", kind_name), title);
    if let Some(r) = ripple {
        if &r.origin == id {
            label.push_str(", ripple origin");
            if let Some(f) = r.feedback {
                label.push_str(&format!(", feeds back: {}", f.word()));
            }
        } else if r.downstream.contains(id) {
            label.push_str(", downstream");
            if let Some(effect) = r.effects.get(id) {
                label.push_str(&format!(", {}", effect.word()));
            }
        } else if r.upstream.contains(id) {
            label.push_str(", upstream");
        }
    }
    label
}
