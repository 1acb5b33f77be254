//! Painting a diagram with egui: one renderer for the interactive case map,
//! the Loops panel's highlighted diagram and presentation mode. Shapes,
//! colours and link geometry come from [`crate::export::geometry`], so the
//! screen and the exported figures agree.

use std::collections::{HashMap, HashSet};

use eframe::egui::{
    Align2, Color32, FontId, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, Vec2, epaint, pos2,
    text::LayoutJob, vec2,
};

use crate::analysis::loops::LoopKind;
use crate::analysis::ripple::{Effect, Ripple};
use crate::export::geometry::{
    self, ArrowSize, LABEL_LINES, LABEL_SIZE, NodeBox, NodeShape, Point, Rgb, badge_arc,
    badge_position, clockwise, dashed, delay_strokes, label_width_share, link_shape, note_fold,
    outline, polarity_mark, pt, shape_of,
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

/// The screen box of each node of the diagram (moved ones moved), keyed by
/// record, with its kind; nodes of records that no longer exist are left
/// out.
pub fn node_boxes<'a>(scene: &Scene<'a>, t: &Transform) -> (NodeBoxes<'a>, HashMap<&'a Id, usize>) {
    let mut list = Vec::with_capacity(scene.diagram.nodes.len());
    let mut index = HashMap::with_capacity(scene.diagram.nodes.len());
    for n in &scene.diagram.nodes {
        if !(n.x.is_finite() && n.y.is_finite()) {
            continue;
        }
        if scene.visible.is_some_and(|v| !v.contains(&n.item)) || index.contains_key(&n.item) {
            continue;
        }
        let Some(kind) = scene.catalog.kind(&n.item) else {
            continue;
        };
        let mut at = pt(n.x, n.y);
        if let Some((moved, by)) = scene.moving
            && moved.contains(&n.item)
        {
            at = at + by;
        }
        let b = NodeBox::at(at.x, at.y).scaled(t.zoom, pt(t.offset.x, t.offset.y));
        index.insert(&n.item, list.len());
        list.push((&n.item, Some(kind), b));
    }
    (list, index)
}

/// Paints the scene clipped to `clip`.
pub fn paint<'a>(painter: &Painter, clip: Rect, t: &Transform, scene: &Scene<'a>) -> Painted<'a> {
    let painter = painter.with_clip_rect(clip);
    let look = scene.look;
    let (nodes, index) = node_boxes(scene, t);
    let mut painted = Painted::default();
    let view = clip.expand(40.0);
    let zoom = t.zoom;
    let ripple_set = scene.ripple.map(Ripple::all);
    let dims = |id: &Id| {
        scene.highlight.is_some_and(|h| !h.contains(id))
            || ripple_set.as_ref().is_some_and(|r| !r.contains(id))
    };
    let shows = |id: &Id| scene.visible.is_none_or(|v| v.contains(id));

    // Links.
    let line = (1.7 * zoom.sqrt()).clamp(0.8, 2.4) * look.line_scale;
    let arrow = ArrowSize {
        length: (13.0 * (zoom * 2.0).min(1.0)).max(4.0) * look.line_scale.sqrt(),
        half_width: (5.5 * (zoom * 2.0).min(1.0)).max(2.0) * look.line_scale.sqrt(),
    };
    let marks = zoom > 0.22;
    // Each link's two nodes, looked up once.
    let ends: Vec<Option<(usize, usize)>> = scene
        .review
        .links
        .iter()
        .map(|l| Some((*index.get(&l.from)?, *index.get(&l.to)?)))
        .collect();
    let pairs: HashSet<(usize, usize)> = ends.iter().flatten().copied().collect();
    let mut segments: Vec<(Point, Point)> = Vec::new();
    for (link, ends) in scene.review.links.iter().zip(&ends) {
        let Some((a, b)) = *ends else {
            continue;
        };
        if a == b || (scene.visible.is_some() && !shows(&link.id)) {
            continue;
        }
        let (na, nb) = (&nodes[a], &nodes[b]);
        // Cull links wholly off screen.
        let span = Rect::from_two_pos(p2(na.2.centre), p2(nb.2.centre));
        if !span.intersects(view) {
            continue;
        }
        let shift = if pairs.contains(&(b, a)) {
            (7.0 * zoom).clamp(2.0, 7.0)
        } else {
            0.0
        };
        let Some(s) = link_shape(
            (shape_of(na.1), &na.2),
            (shape_of(nb.1), &nb.2),
            shift,
            arrow,
        ) else {
            continue;
        };
        let dim = dims(&link.id);
        let selected = scene.selected.contains(&link.id);
        let c = faded(
            colour(geometry::link_colour(link.kind, look.high_contrast)),
            dim,
        );
        let width = if selected { line * 2.2 } else { line };
        if selected {
            painter.line_segment(
                [p2(s.start), p2(s.base)],
                Stroke::new(
                    width + 4.0,
                    Color32::from_rgba_unmultiplied(255, 200, 0, 160),
                ),
            );
        }
        if dashed(link.kind) && marks {
            for shape in
                Shape::dashed_line(&[p2(s.start), p2(s.base)], Stroke::new(width, c), 7.0, 5.0)
            {
                painter.add(shape);
            }
        } else {
            painter.line_segment([p2(s.start), p2(s.base)], Stroke::new(width, c));
        }
        painter.add(Shape::convex_polygon(
            s.head.iter().map(|p| p2(*p)).collect(),
            c,
            Stroke::NONE,
        ));
        if let LinkKind::Causal { polarity, delay } = link.kind
            && marks
        {
            let radius = (9.0 * zoom).clamp(6.0, 11.0) * look.line_scale.sqrt();
            if delay {
                for [from, to] in delay_strokes(&s, radius * 0.8) {
                    painter.line_segment([p2(from), p2(to)], Stroke::new(line + 0.4, c));
                }
            }
            let at = p2(polarity_mark(&s, radius));
            painter.circle(
                at,
                radius,
                faded(Color32::WHITE, false),
                Stroke::new(1.0, c),
            );
            painter.text(
                at,
                Align2::CENTER_CENTER,
                polarity.letter(),
                FontId::proportional(radius * 1.3),
                c,
            );
        }
        painted.links.push((&link.id, p2(s.start), p2(s.tip)));
        segments.push((s.start, s.tip));
    }

    // Nodes.
    let font_size = LABEL_SIZE * zoom * look.text_scale;
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
            let title = scene.catalog.title(id);
            // Large type (projector, presentation) first shrinks a little
            // rather than hide words; what still does not fit is elided.
            let steps: &[f32] = if look.text_scale > 1.0 {
                &[1.0, 0.9, 0.8, 0.7]
            } else {
                &[1.0]
            };
            let mut galley = None;
            for (k, step) in steps.iter().enumerate() {
                let laid = node_label(&painter, title, font_size * step, rect, shape, colour);
                let fits = !laid.elided;
                galley = Some(laid);
                if fits || k + 1 == steps.len() {
                    break;
                }
            }
            if let Some(galley) = galley {
                let top = rect.center().y - galley.size().y / 2.0;
                painter.galley(pos2(rect.center().x, top), galley, text_colour);
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

    // Loop labels.
    if !scene.badges.is_empty() {
        let obstacles: Vec<NodeBox> = nodes.iter().map(|n| n.2).collect();
        let mut placed: Vec<Point> = Vec::new();
        let radius = (22.0 * zoom * look.text_scale).clamp(12.0, 40.0);
        for badge in scene.badges {
            let centres: Option<Vec<Point>> = badge
                .nodes
                .iter()
                .map(|id| index.get(id).map(|&i| nodes[i].2.centre))
                .collect();
            let Some(centres) = centres.filter(|c| !c.is_empty()) else {
                continue;
            };
            let at = badge_position(&centres, &obstacles, &segments, &placed, radius);
            let dim = badge.nodes.iter().any(&dims);
            loop_badge(&painter, at, &centres, badge, radius, dim);
            placed.push(at);
        }
    }
    painted
}

/// A node's label laid out: wrapped to the shape's width, as many lines
/// as its height holds, the rest elided with "…".
fn node_label(
    painter: &Painter,
    title: &str,
    font_size: f32,
    rect: Rect,
    shape: NodeShape,
    colour: Color32,
) -> std::sync::Arc<eframe::egui::Galley> {
    let width = rect.width() * label_width_share(shape);
    let room = rect.height()
        * if shape == NodeShape::Ellipse {
            0.8
        } else {
            0.88
        };
    let rows = ((room / (font_size * 1.2)).floor() as usize).min(LABEL_LINES);
    let (size, rows) = if rows == 0 {
        (room / 1.2, 1)
    } else {
        (font_size, rows)
    };
    let mut job = LayoutJob::simple(title.to_string(), FontId::proportional(size), colour, width);
    job.wrap.max_rows = rows;
    job.wrap.overflow_character = Some('…');
    job.halign = eframe::egui::Align::Center;
    painter.layout_job(job)
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

/// The bounds of the diagram's nodes (diagram units), if it has any shown.
pub fn bounds(
    catalog: &Catalog,
    diagram: &Diagram,
    visible: Option<&HashSet<Id>>,
) -> Option<(Point, Point)> {
    let mut out: Option<(Point, Point)> = None;
    for n in &diagram.nodes {
        if !(n.x.is_finite() && n.y.is_finite()) || catalog.kind(&n.item).is_none() {
            continue;
        }
        if visible.is_some_and(|v| !v.contains(&n.item)) {
            continue;
        }
        let b = NodeBox::at(n.x, n.y);
        out = Some(match out {
            None => (b.min(), b.max()),
            Some((lo, hi)) => (
                pt(lo.x.min(b.min().x), lo.y.min(b.min().y)),
                pt(hi.x.max(b.max().x), hi.y.max(b.max().y)),
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
