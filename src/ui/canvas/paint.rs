//! Painting a diagram with egui: one renderer for the interactive case map,
//! the Loops panel's highlighted diagram and presentation mode. Shapes,
//! colours and link geometry come from [`crate::export::geometry`], so the
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
use crate::export::figure::{Figure, FigureStyle, LinkIn, NodeIn, lay_out};
use crate::export::geometry::{
    self, ArrowSize, LABEL_SIZE, NodeBox, NodeShape, Point, Rgb, badge_arc, clockwise, dashed,
    delay_strokes, note_fold, outline, pt, shape_of,
};
use crate::model::{Diagram, Id, LinkKind, RecordKind, Review};

/// Below this label size (screen points) labels are not drawn.
const MIN_LABEL: f32 = 5.5;

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
        let margin = 24.0;
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
}

impl Look {
    /// The normal look.
    pub const NORMAL: Look = Look {
        high_contrast: false,
        line_scale: 1.0,
        text_scale: 1.0,
    };

    /// The projector look: larger text, thicker lines, high contrast.
    pub const PROJECTOR: Look = Look {
        high_contrast: true,
        line_scale: 1.8,
        text_scale: 1.25,
    };
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
    FigureStyle {
        label_size: LABEL_SIZE * look.text_scale,
        mark_radius: 10.0 * look.line_scale.sqrt(),
        badge_radius: 22.0 * look.text_scale,
        arrow: ArrowSize {
            length: 13.0 * look.line_scale.sqrt(),
            half_width: 5.5 * look.line_scale.sqrt(),
        },
        spread,
        route,
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
    let measure = |s: &str, size: f32| crate::export::text_width(s, size);
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

/// A colour washed out towards the background when `dim` is set.
fn faded(c: Color32, dim: bool) -> Color32 {
    if dim {
        Color32::from_gray(252).lerp_to_gamma(c, 0.22)
    } else {
        c
    }
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
        let c = faded(
            colour(geometry::link_colour(link.kind, look.high_contrast)),
            dim,
        );
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
                painter.circle(at, radius, Color32::WHITE, Stroke::new(1.0, c));
                painter.text(
                    at,
                    Align2::CENTER_CENTER,
                    polarity.letter(),
                    FontId::proportional(radius * 1.3),
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
    let text_colour = if look.high_contrast {
        Color32::BLACK
    } else {
        Color32::from_gray(15)
    };
    for (id, kind, b) in &nodes {
        let rect = Rect::from_min_max(p2(b.min()), p2(b.max()));
        let shape = shape_of(*kind);
        painted.nodes.push((id, rect, shape));
        if !rect.intersects(view) {
            continue;
        }
        let dim = dims(id);
        let (fill, border) = geometry::node_colours(*kind, look.high_contrast);
        let (fill, border) = (faded(colour(fill), dim), faded(colour(border), dim));
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
            let colour = if dim {
                Color32::from_gray(150)
            } else {
                text_colour
            };
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
        loop_badge(&painter, pt_of(screen(b.at)), &centres, badge, radius, dim);
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
    let (fill, border) = geometry::node_colours(Some(kind), look.high_contrast);
    let b = NodeBox {
        centre: pt_of(rect.center()),
        half: pt(rect.width() / 2.0, rect.height() / 2.0),
    };
    paint_shape(
        painter,
        shape_of(Some(kind)),
        &b,
        rect,
        colour(fill),
        Stroke::new(1.3 * look.line_scale, colour(border)),
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
    middle: Point,
    centres: &[Point],
    badge: &LoopBadge,
    radius: f32,
    dim: bool,
) {
    let c = faded(
        match badge.kind {
            LoopKind::Reinforcing => Color32::from_rgb(190, 50, 40),
            LoopKind::Balancing => Color32::from_rgb(30, 90, 180),
        },
        dim,
    );
    let (arc, head) = badge_arc(middle, radius, clockwise(centres));
    painter.circle_filled(p2(middle), radius + 2.0, Color32::from_white_alpha(235));
    painter.add(Shape::line(
        arc.into_iter().map(p2).collect(),
        Stroke::new(2.0, c),
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
        FontId::proportional(radius * 0.8),
        c,
    );
}

/// The bounds of everything drawn of the scene's diagram (diagram
/// units), if it has any node shown.
pub fn bounds(scene: &Scene) -> Option<(Point, Point)> {
    let laid = laid_out(scene);
    let shown = |i: usize| scene.visible.is_none_or(|v| v.contains(&laid.ids[i]));
    let mut out: Option<(Point, Point)> = None;
    for (i, n) in laid.figure.nodes.iter().enumerate() {
        if !shown(i) {
            continue;
        }
        let (lo, hi) = (n.b.min(), n.b.max());
        out = Some(match out {
            None => (lo, hi),
            Some((a, b)) => (
                pt(a.x.min(lo.x), a.y.min(lo.y)),
                pt(b.x.max(hi.x), b.y.max(hi.y)),
            ),
        });
    }
    out
}

/// The bounds of the nodes of some kind (diagram units), if any is shown:
/// where the view opens on a large case map (its episodes).
pub fn bounds_of_kind(scene: &Scene, kind: RecordKind) -> Option<(Point, Point)> {
    let laid = laid_out(scene);
    let mut out: Option<(Point, Point)> = None;
    for (i, n) in laid.figure.nodes.iter().enumerate() {
        if n.kind != kind || scene.visible.is_some_and(|v| !v.contains(&laid.ids[i])) {
            continue;
        }
        let (lo, hi) = (n.b.min(), n.b.max());
        out = Some(match out {
            None => (lo, hi),
            Some((a, b)) => (
                pt(a.x.min(lo.x), a.y.min(lo.y)),
                pt(b.x.max(hi.x), b.y.max(hi.y)),
            ),
        });
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

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
