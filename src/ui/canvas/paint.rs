//! Painting a diagram with egui: one renderer for the interactive case map,
//! the Loops panel's highlighted diagram and presentation mode. Shapes,
//! colours and link geometry come from [`crate::diagram::geometry`], so the
//! screen and the exported figures agree.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::rc::Rc;

use eframe::egui::{
    Align2, Color32, FontId, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, Vec2, epaint, pos2,
    vec2,
};

use crate::analysis::loops::LoopKind;
use crate::analysis::ripple::{Effect, Ripple};
use crate::diagram::geometry::{
    self, ArrowSize, LABEL_SIZE, NodeBox, NodeShape, Point, Rgb, badge_arc, clockwise, dashed,
    delay_strokes, note_fold, outline, pt, shape_of,
};
use crate::export::figure::{Figure, FigureStyle, LinkIn, NodeIn, lay_out};
use crate::model::{Diagram, Id, LinkKind, RecordKind, Review};

/// Below this label size (screen points) labels are not drawn.
const MIN_LABEL: f32 = 5.5;
/// The size of an S/O mark's letter, as a share of its circle's radius.
pub const MARK_LETTER: f32 = 1.45;
/// The size of a loop label's text, as a share of its circle's radius.
pub const BADGE_LETTER: f32 = 0.8;

/// How diagram units map to the screen: `screen = offset + zoom · point`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Transform {
    /// Screen position of the diagram's origin.
    pub offset: Vec2,
    /// Screen points per diagram unit.
    pub zoom: f32,
}

impl Transform {
    /// A diagram point on screen.
    pub fn to_screen(&self, p: Point) -> Pos2 {
        pos2(
            p.x * self.zoom + self.offset.x,
            p.y * self.zoom + self.offset.y,
        )
    }

    /// A screen position in diagram units.
    pub fn to_diagram(&self, p: Pos2) -> Point {
        pt(
            (p.x - self.offset.x) / self.zoom,
            (p.y - self.offset.y) / self.zoom,
        )
    }

    /// The transform that fits diagram bounds `(min, max)` into `rect`
    /// with a margin, never larger than `max_zoom`.
    pub fn fit(min: Point, max: Point, rect: Rect, max_zoom: f32) -> Transform {
        Transform::fit_within(min, max, rect, max_zoom, 24.0)
    }

    /// The transform that fits diagram bounds `(min, max)` into `rect`
    /// leaving `margin` all round, never larger than `max_zoom`.
    pub fn fit_within(min: Point, max: Point, rect: Rect, max_zoom: f32, margin: f32) -> Transform {
        let w = (max.x - min.x).max(1.0);
        let h = (max.y - min.y).max(1.0);
        let zoom = ((rect.width() - 2.0 * margin) / w)
            .min((rect.height() - 2.0 * margin) / h)
            .clamp(0.02, max_zoom);
        let centre = pt((min.x + max.x) / 2.0, (min.y + max.y) / 2.0);
        Transform {
            offset: rect.center().to_vec2() - vec2(centre.x, centre.y) * zoom,
            zoom,
        }
    }
}

/// A loop label drawn inside a loop: "R1" or "B2" in a circular arrow that
/// turns the way the loop does.
#[derive(Debug, Clone, PartialEq)]
pub struct LoopBadge {
    /// The label, e.g. "B1".
    pub label: String,
    /// The loop's records in loop order.
    pub nodes: Vec<Id>,
    /// Reinforcing or balancing (decides the colour).
    pub kind: LoopKind,
}

/// Projector settings and scale of marks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Look {
    /// The high-contrast palette.
    pub high_contrast: bool,
    /// Multiplies line widths and mark sizes.
    pub line_scale: f32,
    /// Multiplies label sizes.
    pub text_scale: f32,
    /// Multiplies the width nodes wrap their labels at (see
    /// [`FigureStyle::wide`]).
    pub wide: f32,
    /// Multiplies node positions across and down (see
    /// [`FigureStyle::stretch`]).
    pub stretch: Point,
    /// The dark theme's canvas colours (see [`Palette`]).
    pub dark: bool,
}

impl Look {
    /// The normal look.
    pub const NORMAL: Look = Look {
        high_contrast: false,
        line_scale: 1.0,
        text_scale: 1.0,
        wide: 1.0,
        stretch: pt(1.0, 1.0),
        dark: false,
    };

    /// The projector look: larger text, thicker lines, high contrast.
    pub const PROJECTOR: Look = Look {
        high_contrast: true,
        line_scale: 1.8,
        text_scale: 1.25,
        wide: 1.0,
        stretch: pt(1.0, 1.0),
        dark: false,
    };

    /// The look of the app's settings: the projector look when the View
    /// menu's projector setting is on, the dark theme's colours when the
    /// theme is dark.
    pub fn of(ctx: &eframe::egui::Context) -> Look {
        let look = if crate::ui::style::projector(ctx) {
            Look::PROJECTOR
        } else {
            Look::NORMAL
        };
        Look {
            dark: ctx.global_style().visuals.dark_mode,
            ..look
        }
    }

    /// The canvas colours of this look.
    pub fn palette(&self) -> Palette {
        Palette::of(self.dark)
    }

    /// How much S/O marks, arrowheads and loop labels are enlarged: with
    /// the thickness of lines, and with the type when it is larger, so
    /// that marks stay readable beside large labels.
    pub fn mark_scale(&self) -> f32 {
        self.line_scale.sqrt().max(self.text_scale * 0.9)
    }
}

/// The colours of a canvas, for the light or the dark theme: the dark
/// one keeps each kind's hue (deep fills, light borders and text) and
/// lightens links, so that everything stays readable on a dark ground.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    /// True for the dark theme's colours.
    pub dark: bool,
    /// The canvas's ground.
    pub background: Color32,
    /// The canvas's frame.
    pub frame: Color32,
    /// The snap grid's lines.
    pub grid: Color32,
    /// Node labels.
    pub text: Color32,
    /// Dimmed node labels.
    pub dim_text: Color32,
    /// Notes drawn on the canvas (empty map, too small to label).
    pub hint: Color32,
}

impl Palette {
    /// The colours for the light (`dark` false) or the dark theme.
    pub fn of(dark: bool) -> Palette {
        if dark {
            Palette {
                dark,
                background: Color32::from_gray(30),
                frame: Color32::from_gray(85),
                grid: Color32::from_gray(44),
                text: Color32::from_gray(240),
                dim_text: Color32::from_gray(120),
                hint: Color32::from_gray(190),
            }
        } else {
            Palette {
                dark,
                background: Color32::from_gray(252),
                frame: Color32::from_gray(190),
                grid: Color32::from_gray(238),
                text: Color32::from_gray(15),
                dim_text: Color32::from_gray(150),
                hint: Color32::from_gray(60),
            }
        }
    }

    /// A node's fill and border for its kind.
    pub fn node(&self, kind: Option<RecordKind>, high_contrast: bool) -> (Color32, Color32) {
        let (fill, border) = geometry::node_colours(kind, high_contrast);
        let (fill, border) = (colour(fill), colour(border));
        if self.dark {
            // The fill deep, the border pale: the light theme's fill.
            (self.background.lerp_to_gamma(fill, 0.22), fill)
        } else {
            (fill, border)
        }
    }

    /// A link's colour for its kind.
    pub fn link(&self, kind: LinkKind, high_contrast: bool) -> Color32 {
        let c = colour(geometry::link_colour(kind, high_contrast));
        if !self.dark {
            return c;
        }
        match kind {
            LinkKind::Causal { .. } => Color32::from_gray(if high_contrast { 245 } else { 215 }),
            _ => c.lerp_to_gamma(Color32::WHITE, if high_contrast { 0.6 } else { 0.45 }),
        }
    }

    /// A colour washed out towards the ground when `dim` is set.
    pub fn faded(&self, c: Color32, dim: bool) -> Color32 {
        if dim {
            self.background
                .lerp_to_gamma(c, if self.dark { 0.35 } else { 0.22 })
        } else {
            c
        }
    }
}

/// The kind and shown text of every record a map can show, gathered once
/// per change of the review rather than looked up per node per frame.
#[derive(Debug, Default)]
pub struct Catalog {
    entries: HashMap<Id, (RecordKind, String)>,
}

impl Catalog {
    /// The catalogue of a review's episodes, factors, conditions, findings
    /// and variables.
    pub fn of(review: &Review) -> Catalog {
        let mut entries = HashMap::new();
        for e in &review.episodes {
            entries.insert(e.id.clone(), (RecordKind::Episode, e.title.clone()));
        }
        for f in &review.factors {
            entries.insert(f.id.clone(), (RecordKind::Factor, f.statement.clone()));
        }
        for c in &review.conditions {
            entries.insert(c.id.clone(), (RecordKind::Condition, c.statement.clone()));
        }
        for f in &review.findings {
            entries.insert(f.id.clone(), (RecordKind::Finding, f.title.clone()));
        }
        for v in &review.variables {
            entries.insert(v.id.clone(), (RecordKind::Variable, v.name.clone()));
        }
        Catalog { entries }
    }

    /// The kind of a record a map can show.
    pub fn kind(&self, id: &Id) -> Option<RecordKind> {
        self.entries.get(id).map(|e| e.0)
    }

    /// The text a node shows ("" for records maps do not show).
    pub fn title(&self, id: &Id) -> &str {
        self.entries.get(id).map_or("", |e| e.1.as_str())
    }
}

/// What to paint and how.
pub struct Scene<'a> {
    /// The review.
    pub review: &'a Review,
    /// Kinds and texts of its records.
    pub catalog: &'a Catalog,
    /// The diagram.
    pub diagram: &'a Diagram,
    /// When set, only these records (nodes and links) are painted.
    pub visible: Option<&'a HashSet<Id>>,
    /// When set, these records are strong and the rest dimmed.
    pub highlight: Option<&'a HashSet<Id>>,
    /// Loop labels.
    pub badges: &'a [LoopBadge],
    /// Selected records (nodes and links), outlined.
    pub selected: &'a HashSet<Id>,
    /// Search matches, haloed.
    pub matches: &'a HashSet<Id>,
    /// The ripple of the selected node, with its effects.
    pub ripple: Option<&'a Ripple>,
    /// Moved nodes and how far (diagram units), while a drag is under way.
    pub moving: Option<(&'a HashSet<Id>, Point)>,
    /// Projector look.
    pub look: Look,
    /// Move nodes apart, in proportion, until none overlaps another (the
    /// read-only views: presentation and the Loops panel); the editable
    /// canvas keeps the positions as they are.
    pub spread: bool,
}

/// A diagram laid out for the screen, in diagram units: every node sized
/// to its whole label, links routed round the nodes in their way, loop
/// labels clear of links and marks (see [`crate::export::figure`]).
#[derive(Debug)]
pub struct Laid {
    /// The layout.
    pub figure: Figure,
    /// The record of each node.
    pub ids: Vec<Id>,
    /// Each node's index by record.
    pub index: HashMap<Id, usize>,
    /// The index in the review's links of each link laid out, by
    /// [`crate::export::figure::FigureLink::link`].
    pub links: Vec<usize>,
}

/// The style the canvas lays a diagram out in, for a look.
pub fn canvas_style(look: Look, spread: bool, route: bool) -> FigureStyle {
    let marks = look.mark_scale();
    FigureStyle {
        label_size: LABEL_SIZE * look.text_scale,
        mark_radius: 10.0 * marks,
        badge_radius: 22.0 * look.text_scale,
        arrow: ArrowSize {
            length: 13.0 * marks,
            half_width: 5.5 * marks,
        },
        spread,
        route,
        wide: look.wide,
        stretch: look.stretch,
        compact: spread,
    }
}

thread_local! {
    /// The last few layouts, by what they were made from: a diagram is laid
    /// out again only when it, its records' texts or the look change.
    static LAID: RefCell<Vec<(u64, Rc<Laid>)>> = const { RefCell::new(Vec::new()) };
}

/// The scene's diagram laid out (the whole diagram, whatever is visible,
/// so that nothing moves as a filter or a presentation stage changes what
/// is shown), from a cache when nothing it depends on has changed.
pub fn laid_out(scene: &Scene) -> Rc<Laid> {
    let moving = scene.moving;
    let (ids, index, nodes) = node_inputs(scene);
    let mut links: Vec<usize> = Vec::new();
    let mut link_ins: Vec<LinkIn> = Vec::new();
    for (k, l) in scene.review.links.iter().enumerate() {
        if let (Some(&from), Some(&to)) = (index.get(&l.from), index.get(&l.to))
            && from != to
        {
            links.push(k);
            link_ins.push(LinkIn {
                from,
                to,
                kind: l.kind,
            });
        }
    }
    let loops: Vec<Vec<usize>> = scene
        .badges
        .iter()
        .map(|b| {
            b.nodes
                .iter()
                .filter_map(|id| index.get(id).copied())
                .collect()
        })
        .collect();
    let style = canvas_style(scene.look, scene.spread, moving.is_none());
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    scene.diagram.id.hash(&mut hasher);
    for (n, id) in nodes.iter().zip(&ids) {
        (id, n.title, n.kind, n.at.x.to_bits(), n.at.y.to_bits()).hash(&mut hasher);
    }
    link_ins.hash_into(&mut hasher);
    for &k in &links {
        scene.review.links[k].id.hash(&mut hasher);
    }
    loops.hash(&mut hasher);
    format!("{style:?}").hash(&mut hasher);
    let key = hasher.finish();
    if let Some(found) = LAID.with(|c| {
        c.borrow()
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, l)| l.clone())
    }) {
        return found;
    }
    let measure = |s: &str, size: f32| crate::diagram::text_width(s, size);
    let figure = lay_out(&nodes, &link_ins, &loops, &style, &measure);
    let laid = Rc::new(Laid {
        figure,
        ids,
        index,
        links,
    });
    LAID.with(|c| {
        let mut c = c.borrow_mut();
        c.insert(0, (key, laid.clone()));
        c.truncate(12);
    });
    laid
}

/// The nodes of the scene's diagram to lay out (moved ones moved): each
/// record once, with a position that is a number and a record that
/// exists, with the record of each and each one's index by record.
fn node_inputs<'s>(scene: &Scene<'s>) -> (Vec<Id>, HashMap<Id, usize>, Vec<NodeIn<'s>>) {
    let moving = scene.moving;
    let at = |n: &crate::model::DiagramNode| {
        let mut p = pt(n.x, n.y);
        if let Some((moved, by)) = moving
            && moved.contains(&n.item)
        {
            p = p + by;
        }
        p
    };
    let mut ids: Vec<Id> = Vec::new();
    let mut index: HashMap<Id, usize> = HashMap::new();
    let mut nodes: Vec<NodeIn> = Vec::new();
    for n in &scene.diagram.nodes {
        if !(n.x.is_finite() && n.y.is_finite()) || index.contains_key(&n.item) {
            continue;
        }
        let Some(kind) = scene.catalog.kind(&n.item) else {
            continue;
        };
        index.insert(n.item.clone(), ids.len());
        ids.push(n.item.clone());
        nodes.push(NodeIn {
            title: scene.catalog.title(&n.item),
            kind,
            at: at(n),
        });
    }
    (ids, index, nodes)
}

/// The sizes of type (shares of the scene's look's, never below normal
/// size) tried when a read-only view fits a diagram to its space.
const TYPE_SHARES: [f32; 8] = [1.6, 1.35, 1.15, 1.0, 0.9, 0.8, 0.7, 0.55];
/// The widths nodes are tried at (as factors of the normal width).
const WIDTHS: [f32; 5] = [1.0, 1.2, 1.4, 1.6, 1.9];
/// The stretches of the positions tried, across and down.
const STRETCHES: [(f32, f32); 11] = [
    (1.0, 1.0),
    (1.15, 1.0),
    (1.3, 1.0),
    (1.5, 1.0),
    (1.75, 1.0),
    (2.0, 1.0),
    (2.4, 1.0),
    (1.0, 1.15),
    (1.0, 1.3),
    (1.0, 1.5),
    (1.0, 1.8),
];

/// A read-only view's fit of a diagram to its space: the look it is drawn
/// in and where it goes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    /// The look: the scene's, with the size of type, the width of nodes and
    /// the stretch of positions chosen.
    pub look: Look,
    /// Where the diagram goes on screen.
    pub transform: Transform,
    /// The size of node labels on screen, in points.
    pub label: f32,
}

impl Fit {
    /// The size of an S/O mark's letter on screen, in points.
    pub fn mark_letter(&self) -> f32 {
        canvas_style(self.look, true, true).mark_radius * self.transform.zoom * MARK_LETTER
    }

    /// The size of a loop label's text (R1, B2) on screen, in points.
    pub fn badge_letter(&self) -> f32 {
        canvas_style(self.look, true, true).badge_radius * self.transform.zoom * BADGE_LETTER
    }
}

thread_local! {
    /// The last few fits, by what they were made from.
    static FITS: RefCell<Vec<(u64, Fit)>> = const { RefCell::new(Vec::new()) };
}

/// Fits the whole of the scene's diagram (spread apart, whatever is
/// visible) into `rect` with its labels as large as they can be: it tries
/// sizes of type up to the scene's look's, wider nodes, and the positions
/// stretched across or down so that the diagram takes the shape of the
/// space, and keeps the one that shows the labels largest (of nearly equal
/// ones, the least changed from the diagram as drawn). `None` when the
/// diagram shows no node.
pub fn fit_largest(scene: &Scene, rect: Rect, max_zoom: f32) -> Option<Fit> {
    let (ids, index, nodes) = node_inputs(scene);
    if nodes.is_empty() {
        return None;
    }
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    scene.diagram.id.hash(&mut hasher);
    for (n, id) in nodes.iter().zip(&ids) {
        (id, n.title, n.kind, n.at.x.to_bits(), n.at.y.to_bits()).hash(&mut hasher);
    }
    format!("{:?} {rect:?} {max_zoom}", scene.look).hash(&mut hasher);
    let key = hasher.finish();
    if let Some(found) = FITS.with(|c| c.borrow().iter().find(|(k, _)| *k == key).map(|f| f.1)) {
        return Some(found);
    }
    let joined: HashSet<(usize, usize)> = scene
        .review
        .links
        .iter()
        .filter_map(|l| Some((*index.get(&l.from)?, *index.get(&l.to)?)))
        .collect();
    let measure = |s: &str, size: f32| crate::diagram::text_width(s, size);
    let mut best: Option<(f32, Fit)> = None;
    let mut scales: Vec<f32> = TYPE_SHARES
        .iter()
        .map(|share| (scene.look.text_scale * share).max(1.0))
        .collect();
    scales.dedup();
    for text_scale in scales {
        for wide in WIDTHS {
            let look = Look {
                text_scale,
                wide,
                stretch: pt(1.0, 1.0),
                ..scene.look
            };
            let style = canvas_style(look, true, true);
            let placed = crate::export::figure::place_nodes(&nodes, &style, &measure);
            for (sx, sy) in STRETCHES {
                let stretch = pt(sx, sy);
                let stretched = FigureStyle { stretch, ..style };
                let Some((min, max)) =
                    crate::export::figure::node_extent(&placed, &joined, &stretched)
                else {
                    continue;
                };
                // Room round the nodes for marks and loop labels at the edge.
                let transform = Transform::fit_within(min, max, rect, max_zoom, 12.0);
                let label = style.label_size * transform.zoom;
                let change = (sx - 1.0) + (sy - 1.0) + 0.5 * (wide - 1.0);
                let score = label / (1.0 + 0.03 * change);
                if best.is_none_or(|(b, _)| score > b) {
                    best = Some((
                        score,
                        Fit {
                            look: Look { stretch, ..look },
                            transform,
                            label,
                        },
                    ));
                }
            }
        }
    }
    let fit = best?.1;
    FITS.with(|c| {
        let mut c = c.borrow_mut();
        c.insert(0, (key, fit));
        c.truncate(8);
    });
    Some(fit)
}

/// Hashing of link inputs, which hold a kind that is not `Hash`.
trait HashInto {
    fn hash_into(&self, h: &mut impl Hasher);
}

impl HashInto for Vec<LinkIn> {
    fn hash_into(&self, h: &mut impl Hasher) {
        for l in self {
            (l.from, l.to, format!("{:?}", l.kind)).hash(h);
        }
    }
}

/// Where things were painted, for hit tests and accessibility.
#[derive(Debug, Default)]
pub struct Painted<'a> {
    /// Every node shown: its id, screen box and shape (in diagram order).
    pub nodes: Vec<(&'a Id, Rect, NodeShape)>,
    /// Every link shown: its id and its line on screen.
    pub links: Vec<(&'a Id, Pos2, Pos2)>,
    /// True when labels were too small to draw.
    pub unlabelled: bool,
}

/// An egui colour from a geometry colour.
pub fn colour(c: Rgb) -> Color32 {
    Color32::from_rgb(c.0, c.1, c.2)
}

fn p2(p: Point) -> Pos2 {
    pos2(p.x, p.y)
}

fn pt_of(p: Pos2) -> Point {
    pt(p.x, p.y)
}

/// The nodes shown, in diagram order: record, kind and screen box.
pub type NodeBoxes<'a> = Vec<(&'a Id, Option<RecordKind>, NodeBox)>;

/// The screen box of each node shown (moved ones moved), sized to its
/// label, keyed by record, with its kind; nodes of records that no longer
/// exist are left out.
pub fn node_boxes<'a>(scene: &Scene<'a>, t: &Transform) -> (NodeBoxes<'a>, HashMap<&'a Id, usize>) {
    let laid = laid_out(scene);
    let mut list = Vec::with_capacity(laid.ids.len());
    let mut index = HashMap::with_capacity(laid.ids.len());
    for n in &scene.diagram.nodes {
        let Some(&i) = laid.index.get(&n.item) else {
            continue;
        };
        if scene.visible.is_some_and(|v| !v.contains(&n.item)) || index.contains_key(&n.item) {
            continue;
        }
        let node = &laid.figure.nodes[i];
        let b = node.b.scaled(t.zoom, pt(t.offset.x, t.offset.y));
        index.insert(&n.item, list.len());
        list.push((&n.item, Some(node.kind), b));
    }
    (list, index)
}

/// The links shown, as their segments on screen, for hit tests
/// (`review` is the scene's).
pub fn link_segments<'a>(scene: &Scene, review: &'a Review, t: &Transform) -> Painted<'a> {
    let laid = laid_out(scene);
    let mut painted = Painted::default();
    for l in &laid.figure.links {
        let Some(link) = review.links.get(laid.links[l.link]) else {
            continue;
        };
        if !shown(scene, &link.id, &link.from, &link.to) {
            continue;
        }
        for w in l.route.windows(2) {
            painted
                .links
                .push((&link.id, t.to_screen(w[0]), t.to_screen(w[1])));
        }
    }
    painted
}

/// Whether a link is shown: it and both its ends are visible.
fn shown(scene: &Scene, link: &Id, from: &Id, to: &Id) -> bool {
    scene
        .visible
        .is_none_or(|v| v.contains(link) && v.contains(from) && v.contains(to))
}

/// Paints the scene clipped to `clip`.
pub fn paint<'a>(painter: &Painter, clip: Rect, t: &Transform, scene: &Scene<'a>) -> Painted<'a> {
    let painter = painter.with_clip_rect(clip);
    let look = scene.look;
    let palette = look.palette();
    let laid = laid_out(scene);
    let figure = &laid.figure;
    let (nodes, _) = node_boxes(scene, t);
    let mut painted = Painted::default();
    let view = clip.expand(40.0);
    let zoom = t.zoom;
    let ripple_set = scene.ripple.map(Ripple::all);
    let dims = |id: &Id| {
        scene.highlight.is_some_and(|h| !h.contains(id))
            || ripple_set.as_ref().is_some_and(|r| !r.contains(id))
    };
    let screen = |p: Point| t.to_screen(p);

    // Links, along their routes.
    let line = (1.7 * zoom.sqrt()).clamp(0.8, 2.4) * look.line_scale;
    let marks = zoom > 0.22;
    for l in &figure.links {
        let link = &scene.review.links[laid.links[l.link]];
        if !shown(scene, &link.id, &link.from, &link.to) {
            continue;
        }
        let mut points: Vec<Pos2> = l.route[..l.route.len() - 1]
            .iter()
            .map(|p| screen(*p))
            .collect();
        points.push(screen(l.leg.base));
        // Cull links wholly off screen.
        let span = Rect::from_points(&points);
        if !span.intersects(view) {
            continue;
        }
        let dim = dims(&link.id);
        let selected = scene.selected.contains(&link.id);
        let c = palette.faded(palette.link(link.kind, look.high_contrast), dim);
        let width = if selected { line * 2.2 } else { line };
        if selected {
            painter.add(Shape::line(
                points.clone(),
                Stroke::new(
                    width + 4.0,
                    Color32::from_rgba_unmultiplied(255, 200, 0, 160),
                ),
            ));
        }
        if dashed(link.kind) && marks {
            for shape in Shape::dashed_line(&points, Stroke::new(width, c), 7.0, 5.0) {
                painter.add(shape);
            }
        } else {
            painter.add(Shape::line(points.clone(), Stroke::new(width, c)));
        }
        painter.add(Shape::convex_polygon(
            l.leg.head.iter().map(|p| screen(*p)).collect(),
            c,
            Stroke::NONE,
        ));
        if let LinkKind::Causal { polarity, delay } = link.kind
            && marks
        {
            let radius = figure.style.mark_radius * zoom;
            if delay {
                for [from, to] in delay_strokes(&l.mark_leg, figure.style.mark_radius * 0.8) {
                    painter.line_segment([screen(from), screen(to)], Stroke::new(line + 0.4, c));
                }
            }
            if let Some(at) = l.mark {
                let at = screen(at);
                painter.circle(
                    at,
                    radius,
                    palette.background,
                    Stroke::new((radius * 0.1).clamp(1.0, 2.5), c),
                );
                painter.text(
                    at,
                    Align2::CENTER_CENTER,
                    polarity.letter(),
                    FontId::proportional(radius * MARK_LETTER),
                    c,
                );
            }
        }
        for w in l.route.windows(2) {
            painted.links.push((&link.id, screen(w[0]), screen(w[1])));
        }
    }

    // Nodes, each with its whole label.
    let font_size = figure.style.label_size * zoom;
    let labelled = font_size >= MIN_LABEL;
    painted.unlabelled = !labelled && !nodes.is_empty();
    let border_width = (1.5 * zoom.sqrt()).clamp(0.8, 2.0) * look.line_scale;
    let text_colour = match (look.high_contrast, palette.dark) {
        (true, false) => Color32::BLACK,
        (true, true) => Color32::WHITE,
        _ => palette.text,
    };
    for (id, kind, b) in &nodes {
        let rect = Rect::from_min_max(p2(b.min()), p2(b.max()));
        let shape = shape_of(*kind);
        painted.nodes.push((id, rect, shape));
        if !rect.intersects(view) {
            continue;
        }
        let dim = dims(id);
        let (fill, border) = palette.node(*kind, look.high_contrast);
        let (fill, border) = (palette.faded(fill, dim), palette.faded(border, dim));
        if scene.matches.contains(*id) {
            painter.rect_filled(
                rect.expand(6.0 * zoom.max(0.5)),
                6.0,
                Color32::from_rgba_unmultiplied(255, 214, 0, 170),
            );
        }
        let selected = scene.selected.contains(*id);
        let stroke = if selected {
            Stroke::new(border_width * 2.4 + 1.0, Color32::from_rgb(0, 95, 204))
        } else {
            Stroke::new(border_width, border)
        };
        paint_shape(&painter, shape, b, rect, fill, stroke, zoom);
        if labelled {
            let colour = if dim { palette.dim_text } else { text_colour };
            let lines = laid
                .index
                .get(*id)
                .map_or(&[][..], |&i| &figure.nodes[i].lines[..]);
            let line_height = font_size * 1.2;
            let top = rect.center().y - line_height * (lines.len() as f32 - 1.0) / 2.0;
            for (i, text) in lines.iter().enumerate() {
                painter.text(
                    pos2(rect.center().x, top + line_height * i as f32),
                    Align2::CENTER_CENTER,
                    text,
                    FontId::proportional(font_size),
                    colour,
                );
            }
        } else if rect.width() >= 26.0 && rect.height() >= 10.0 {
            // Too small for the text: the id still tells the nodes apart.
            let size = (rect.height() * 0.55).clamp(7.0, 12.0);
            painter.text(
                rect.center(),
                Align2::CENTER_CENTER,
                id.as_str(),
                FontId::proportional(size),
                text_colour,
            );
        }
        if let Some(effect) = scene.ripple.and_then(|r| r.effects.get(*id)) {
            effect_badge(&painter, rect, *effect, zoom);
        }
    }

    // Loop labels, where the layout put them.
    let radius = figure.style.badge_radius * zoom;
    for b in &figure.badges {
        let badge = &scene.badges[b.index];
        let centres: Vec<Point> = badge
            .nodes
            .iter()
            .filter_map(|id| laid.index.get(id).map(|&i| figure.nodes[i].b.centre))
            .collect();
        if centres.len() != badge.nodes.len()
            || scene
                .visible
                .is_some_and(|v| badge.nodes.iter().any(|n| !v.contains(n)))
        {
            continue;
        }
        let dim = badge.nodes.iter().any(&dims);
        let centres: Vec<Point> = centres.iter().map(|c| pt_of(screen(*c))).collect();
        loop_badge(
            &painter,
            (pt_of(screen(b.at)), &centres),
            badge,
            radius,
            (dim, palette),
        );
    }
    painted
}

/// Paints one node's shape.
pub fn paint_shape(
    painter: &Painter,
    shape: NodeShape,
    b: &NodeBox,
    rect: Rect,
    fill: Color32,
    stroke: Stroke,
    zoom: f32,
) {
    if rect.height() < 10.0 {
        // Too small to tell shapes apart: colour alone, cheaply.
        painter.rect(rect, 0.0, fill, stroke, StrokeKind::Inside);
        return;
    }
    match shape {
        NodeShape::Plain => {
            painter.rect(rect, 1.5, fill, stroke, StrokeKind::Inside);
        }
        NodeShape::Rounded => {
            painter.rect(rect, rect.height() * 0.45, fill, stroke, StrokeKind::Inside);
        }
        NodeShape::Ellipse => {
            painter.add(epaint::EllipseShape {
                center: rect.center(),
                radius: rect.size() / 2.0,
                angle: 0.0,
                fill,
                stroke,
            });
        }
        NodeShape::Hexagon | NodeShape::Note => {
            let points: Vec<Pos2> = outline(shape, b).into_iter().map(p2).collect();
            painter.add(Shape::convex_polygon(points, fill, stroke));
            if shape == NodeShape::Note && zoom > 0.15 {
                let fold: Vec<Pos2> = note_fold(b).into_iter().map(p2).collect();
                painter.add(Shape::line(
                    fold,
                    Stroke::new(stroke.width * 0.8, stroke.color),
                ));
            }
        }
    }
}

/// Paints a small swatch of a kind of node (for legends).
pub fn swatch(painter: &Painter, rect: Rect, kind: RecordKind, look: Look) {
    let (fill, border) = look.palette().node(Some(kind), look.high_contrast);
    let b = NodeBox {
        centre: pt_of(rect.center()),
        half: pt(rect.width() / 2.0, rect.height() / 2.0),
    };
    paint_shape(
        painter,
        shape_of(Some(kind)),
        &b,
        rect,
        fill,
        Stroke::new(1.3 * look.line_scale, border),
        1.0,
    );
}

/// The mark of a ripple effect at a node's top-right corner: a green
/// triangle up (rises), a red triangle down (falls), an amber ± (ambiguous).
fn effect_badge(painter: &Painter, rect: Rect, effect: Effect, zoom: f32) {
    let r = (11.0 * zoom.sqrt()).clamp(6.0, 12.0);
    let c = rect.right_top() + vec2(-r * 0.4, r * 0.4);
    let (fill, symbol) = match effect {
        Effect::Rises => (Color32::from_rgb(0, 130, 60), Some(true)),
        Effect::Falls => (Color32::from_rgb(200, 30, 30), Some(false)),
        Effect::Ambiguous => (Color32::from_rgb(230, 140, 0), None),
    };
    painter.circle(c, r, fill, Stroke::new(1.5, Color32::WHITE));
    match symbol {
        Some(up) => {
            let s = if up { -1.0 } else { 1.0 };
            let h = r * 0.55;
            painter.add(Shape::convex_polygon(
                vec![
                    c + vec2(0.0, s * h),
                    c + vec2(h, -s * h * 0.8),
                    c + vec2(-h, -s * h * 0.8),
                ],
                Color32::WHITE,
                Stroke::NONE,
            ));
        }
        None => {
            painter.text(
                c,
                Align2::CENTER_CENTER,
                "±",
                FontId::proportional(r * 1.5),
                Color32::WHITE,
            );
        }
    }
}

/// Paints a loop label at `middle`: the label inside a circular arrow
/// turning the same way as the loop on screen.
fn loop_badge(
    painter: &Painter,
    (middle, centres): (Point, &[Point]),
    badge: &LoopBadge,
    radius: f32,
    (dim, palette): (bool, Palette),
) {
    let c = match (badge.kind, palette.dark) {
        (LoopKind::Reinforcing, false) => Color32::from_rgb(190, 50, 40),
        (LoopKind::Balancing, false) => Color32::from_rgb(30, 90, 180),
        (LoopKind::Reinforcing, true) => Color32::from_rgb(255, 120, 105),
        (LoopKind::Balancing, true) => Color32::from_rgb(120, 175, 255),
    };
    let c = palette.faded(c, dim);
    let (arc, head) = badge_arc(middle, radius, clockwise(centres));
    painter.circle_filled(
        p2(middle),
        radius + 2.0,
        palette.background.gamma_multiply(0.92),
    );
    painter.add(Shape::line(
        arc.into_iter().map(p2).collect(),
        Stroke::new((radius * 0.09).clamp(1.5, 4.0), c),
    ));
    painter.add(Shape::convex_polygon(
        head.iter().map(|p| p2(*p)).collect(),
        c,
        Stroke::NONE,
    ));
    painter.text(
        p2(middle),
        Align2::CENTER_CENTER,
        &badge.label,
        FontId::proportional(radius * BADGE_LETTER),
        c,
    );
}

/// The bounds of everything drawn of the scene's diagram (diagram
/// units), if it has any node shown.
pub fn bounds(scene: &Scene) -> Option<(Point, Point)> {
    let laid = laid_out(scene);
    let shown = |i: usize| scene.visible.is_none_or(|v| v.contains(&laid.ids[i]));
    crate::diagram::geometry::enclosing(
        (laid.figure.nodes.iter().enumerate())
            .filter(|&(i, _)| shown(i))
            .map(|(_, n)| (n.b.min(), n.b.max())),
    )
}

/// The bounds of the nodes of some kind (diagram units), if any is shown:
/// where the view opens on a large case map (its episodes).
pub fn bounds_of_kind(scene: &Scene, kind: RecordKind) -> Option<(Point, Point)> {
    let laid = laid_out(scene);
    let shown = |i: usize| scene.visible.is_none_or(|v| v.contains(&laid.ids[i]));
    crate::diagram::geometry::enclosing(
        (laid.figure.nodes.iter().enumerate())
            .filter(|&(i, n)| n.kind == kind && shown(i))
            .map(|(_, n)| (n.b.min(), n.b.max())),
    )
}

/// The node under a screen position (the topmost: last painted).
pub fn node_at<'a>(painted: &Painted<'a>, at: Pos2) -> Option<&'a Id> {
    painted
        .nodes
        .iter()
        .rev()
        .find(|(_, rect, shape)| {
            if !rect.contains(at) {
                return false;
            }
            match shape {
                NodeShape::Plain | NodeShape::Rounded | NodeShape::Note => true,
                s => {
                    let b = NodeBox {
                        centre: pt_of(rect.center()),
                        half: pt(rect.width() / 2.0, rect.height() / 2.0),
                    };
                    geometry::inside(pt_of(at), &outline(*s, &b))
                }
            }
        })
        .map(|(id, _, _)| *id)
}

/// The link nearest a screen position, within `within` points.
pub fn link_at<'a>(painted: &Painted<'a>, at: Pos2, within: f32) -> Option<&'a Id> {
    painted
        .links
        .iter()
        .map(|(id, a, b)| {
            (
                id,
                geometry::segment_distance(pt_of(at), pt_of(*a), pt_of(*b)),
            )
        })
        .filter(|(_, d)| *d <= within)
        .min_by(|x, y| x.1.total_cmp(&y.1))
        .map(|(id, _)| *id)
}

/// The colour of a link of a kind on a canvas of `look`.
pub fn link_colour(kind: LinkKind, look: Look) -> Color32 {
    look.palette().link(kind, look.high_contrast)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Relative luminance (WCAG) of a colour.
    fn luminance(c: Color32) -> f32 {
        let lin = |v: u8| {
            let v = v as f32 / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
    }

    fn contrast(a: Color32, b: Color32) -> f32 {
        let (a, b) = (luminance(a), luminance(b));
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    #[test]
    fn the_canvas_colours_follow_the_theme() {
        let ctx = eframe::egui::Context::default();
        let causal = LinkKind::Causal {
            polarity: crate::model::Polarity::Same,
            delay: false,
        };
        for projector in [false, true] {
            crate::ui::style::apply(&ctx, true);
            crate::ui::style::set_projector(&ctx, projector);
            let look = Look::of(&ctx);
            assert!(look.dark);
            let dark = look.palette();
            assert!(luminance(dark.background) < 0.05, "{:?}", dark.background);
            assert!(luminance(dark.text) > 0.8, "{:?}", dark.text);
            // Labels stand out from every kind's fill, links and the
            // legend's causal arrow from the ground.
            for kind in [
                RecordKind::Episode,
                RecordKind::Factor,
                RecordKind::Condition,
                RecordKind::Finding,
                RecordKind::Variable,
            ] {
                let (fill, border) = dark.node(Some(kind), look.high_contrast);
                assert!(contrast(dark.text, fill) >= 7.0, "{kind:?}");
                assert!(contrast(border, dark.background) >= 3.0, "{kind:?}");
            }
            for kind in [
                causal,
                LinkKind::ContributedTo,
                LinkKind::Underlies,
                LinkKind::Evidences,
            ] {
                let c = link_colour(kind, look);
                assert!(contrast(c, dark.background) >= 4.5, "{kind:?}");
            }

            crate::ui::style::apply(&ctx, false);
            crate::ui::style::set_projector(&ctx, projector);
            let look = Look::of(&ctx);
            assert!(!look.dark);
            let light = look.palette();
            assert!(luminance(light.background) > 0.9);
            assert!(luminance(light.text) < 0.05);
            let c = link_colour(causal, look);
            assert!(contrast(c, light.background) >= 4.5);
        }
    }

    #[test]
    fn the_transform_round_trips_and_fits() {
        let rect = Rect::from_min_size(pos2(10.0, 20.0), vec2(800.0, 600.0));
        let t = Transform::fit(pt(0.0, 0.0), pt(1600.0, 600.0), rect, 2.0);
        assert!((t.zoom - (752.0 / 1600.0)).abs() < 1e-4);
        let p = pt(123.0, 456.0);
        let back = t.to_diagram(t.to_screen(p));
        assert!((back.x - p.x).abs() < 1e-3 && (back.y - p.y).abs() < 1e-3);
        let centre = t.to_screen(pt(800.0, 300.0));
        assert!((centre - rect.center()).length() < 1e-3);
    }
}
