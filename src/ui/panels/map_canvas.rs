//! A read-only drawing of one diagram: nodes as rounded boxes coloured by
//! kind, links as lines with small fixed-size arrowheads that stop at the
//! node's border, and S/O marks on causal links. It can highlight some
//! records and dim the rest (a selected loop), show only some (a
//! presentation stage), and label loops with R1/B2 inside a circular arrow.

use std::collections::{HashMap, HashSet};

use eframe::egui::{
    self, Align2, Color32, FontId, Pos2, Rect, ScrollArea, Sense, Shape, Stroke, StrokeKind, Ui,
    Vec2, pos2, vec2,
};

use crate::analysis::loops::LoopKind;
use crate::model::{Diagram, Id, LinkKind, RecordKind, Review};
use crate::ui::forms::short;

/// Node width in diagram units.
const NODE_WIDTH: f32 = 190.0;
/// Typical node height in diagram units, for the drawing's bounds.
const NODE_HEIGHT: f32 = 70.0;
/// Arrowhead length and half-width in screen points (never scaled with the
/// link's length).
const HEAD_LENGTH: f32 = 11.0;
const HEAD_HALF_WIDTH: f32 = 5.0;

/// Fill and border colours of a node of a kind.
pub fn node_colours(kind: Option<RecordKind>) -> (Color32, Color32) {
    match kind {
        Some(RecordKind::Episode) => (
            Color32::from_rgb(210, 228, 255),
            Color32::from_rgb(50, 90, 170),
        ),
        Some(RecordKind::Factor) => (
            Color32::from_rgb(255, 226, 184),
            Color32::from_rgb(180, 110, 20),
        ),
        Some(RecordKind::Condition) => (
            Color32::from_rgb(230, 216, 255),
            Color32::from_rgb(105, 75, 170),
        ),
        Some(RecordKind::Finding) => (
            Color32::from_rgb(205, 236, 205),
            Color32::from_rgb(40, 125, 55),
        ),
        Some(RecordKind::Variable) => (
            Color32::from_rgb(255, 246, 190),
            Color32::from_rgb(150, 130, 30),
        ),
        _ => (Color32::from_gray(230), Color32::from_gray(110)),
    }
}

/// The colour of a link of a kind.
pub fn link_colour(kind: LinkKind) -> Color32 {
    match kind {
        LinkKind::Causal { .. } => Color32::from_gray(55),
        LinkKind::ContributedTo => Color32::from_rgb(180, 110, 20),
        LinkKind::Underlies => Color32::from_rgb(105, 75, 170),
        LinkKind::Evidences => Color32::from_rgb(40, 125, 55),
    }
}

/// How large the drawing is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scale {
    /// Scaled to fit the space.
    Fit,
    /// At this scale (1.0 is full size), in a scrolling area.
    Zoom(f32),
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

/// What to draw and how.
#[derive(Debug, Clone, Copy)]
pub struct DrawOptions<'a> {
    /// Fit or zoom.
    pub scale: Scale,
    /// When set, these records (nodes and links) are drawn strongly and
    /// everything else is dimmed.
    pub highlight: Option<&'a HashSet<Id>>,
    /// When set, only these records (nodes and links) are drawn.
    pub visible: Option<&'a HashSet<Id>>,
    /// Loop labels to draw inside their loops.
    pub badges: &'a [LoopBadge],
    /// Multiplies label sizes (presentation mode uses large type).
    pub text_scale: f32,
}

impl DrawOptions<'_> {
    /// Everything, plainly, at this scale.
    pub fn plain(scale: Scale) -> DrawOptions<'static> {
        DrawOptions {
            scale,
            highlight: None,
            visible: None,
            badges: &[],
            text_scale: 1.0,
        }
    }

    fn shows(&self, id: &Id) -> bool {
        self.visible.is_none_or(|v| v.contains(id))
    }

    fn dims(&self, id: &Id) -> bool {
        self.highlight.is_some_and(|h| !h.contains(id))
    }
}

/// Draws the diagram with highlighting, stages and loop labels.
pub fn draw_with(ui: &mut Ui, review: &Review, diagram: &Diagram, options: &DrawOptions) {
    let scale = options.scale;
    let placed: Vec<(&Id, Pos2)> = diagram
        .nodes
        .iter()
        .filter(|n| review.kind_of(&n.item).is_some() && n.x.is_finite() && n.y.is_finite())
        .map(|n| (&n.item, pos2(n.x, n.y)))
        .collect();
    if placed.is_empty() {
        ui.weak("This diagram shows no records yet: add some from the list on the right.");
        return;
    }
    let mut bounds = Rect::NOTHING;
    for (_, p) in &placed {
        bounds.extend_with(*p);
    }
    let bounds = bounds.expand2(vec2(NODE_WIDTH / 2.0 + 30.0, NODE_HEIGHT / 2.0 + 30.0));
    let available = ui.available_size().max(vec2(300.0, 220.0));
    match scale {
        Scale::Fit => {
            let scale = (available.x / bounds.width())
                .min(available.y / bounds.height())
                .clamp(0.02, 1.6);
            paint(ui, review, &placed, bounds, scale, available, options);
        }
        Scale::Zoom(zoom) => {
            ScrollArea::both()
                .id_salt("diagram-scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    paint(
                        ui,
                        review,
                        &placed,
                        bounds,
                        zoom,
                        bounds.size() * zoom,
                        options,
                    );
                });
        }
    }
}

fn paint(
    ui: &mut Ui,
    review: &Review,
    placed: &[(&Id, Pos2)],
    bounds: Rect,
    scale: f32,
    size: Vec2,
    options: &DrawOptions,
) {
    let (response, painter) = ui.allocate_painter(size, Sense::hover());
    let canvas = response.rect;
    painter.rect(
        canvas,
        4.0,
        Color32::from_gray(252),
        Stroke::new(1.0, Color32::from_gray(190)),
        StrokeKind::Inside,
    );
    let drawn = bounds.size() * scale;
    let offset = canvas.min.to_vec2() + (canvas.size() - drawn) / 2.0;
    let to_screen =
        |p: Pos2| pos2((p.x - bounds.min.x) * scale, (p.y - bounds.min.y) * scale) + offset;

    // Below this size labels cannot be read; the boxes alone show the shape.
    let font_size = 14.0 * scale * options.text_scale;
    let labelled = font_size >= 6.5;
    let font = FontId::proportional(font_size.min(20.0));
    let padding = 8.0 * scale;
    let mut rects: HashMap<&Id, Rect> = HashMap::new();
    let mut nodes = Vec::new();
    for (id, p) in placed {
        if !options.shows(id) {
            continue;
        }
        let kind = review.kind_of(id);
        let galley = labelled.then(|| {
            let title = short(&review.title_of(id), 90);
            let wrap = NODE_WIDTH * scale - 2.0 * padding;
            painter.layout(title, font.clone(), Color32::from_gray(15), wrap)
        });
        let text_height = galley.as_ref().map_or(0.0, |g| g.size().y);
        let height = (text_height + 2.0 * padding).max(40.0 * scale);
        let rect = Rect::from_center_size(to_screen(*p), vec2(NODE_WIDTH * scale, height));
        rects.insert(*id, rect);
        nodes.push((rect, kind, galley, options.dims(id)));
    }
    if !labelled {
        painter.text(
            canvas.left_top() + vec2(8.0, 8.0),
            Align2::LEFT_TOP,
            "Too small to label: untick \"Fit to window\" to read the boxes.",
            FontId::proportional(13.0),
            Color32::from_gray(60),
        );
    }

    let painter = painter.with_clip_rect(canvas);
    let mut segments: Vec<(Pos2, Pos2)> = Vec::new();
    for link in &review.links {
        let (Some(from), Some(to)) = (rects.get(&link.from), rects.get(&link.to)) else {
            continue;
        };
        if link.from == link.to || !options.shows(&link.id) {
            continue;
        }
        // Links both ways between two nodes are drawn side by side.
        let reverse = review
            .links
            .iter()
            .any(|l| l.from == link.to && l.to == link.from);
        let shift = if reverse { 6.0 } else { 0.0 };
        let direction = (to.center() - from.center()).normalized();
        let normal = vec2(-direction.y, direction.x) * shift;
        let start = border_point(*from, to.center() + normal, normal);
        let end = border_point(*to, from.center() + normal, normal);
        let colour = faded(link_colour(link.kind), options.dims(&link.id));
        arrow(&painter, start, end, colour);
        segments.push((start, end));
        if let LinkKind::Causal { polarity, delay } = link.kind {
            let along = end - start;
            let side = vec2(-along.y, along.x).normalized();
            let radius = (9.0 * scale).clamp(6.0, 11.0);
            let mark = start + along * 0.5 + side * (radius + 3.0);
            painter.circle(mark, radius, Color32::WHITE, Stroke::new(1.0, colour));
            let letter = FontId::proportional(radius * 1.3);
            painter.text(
                mark,
                Align2::CENTER_CENTER,
                polarity.letter(),
                letter,
                colour,
            );
            if delay {
                let at = start + along * 0.35;
                let dir = along.normalized();
                for k in [-3.0, 3.0] {
                    let c = at + dir * k;
                    painter
                        .line_segment([c - side * 7.0, c + side * 7.0], Stroke::new(1.6, colour));
                }
            }
        }
    }

    for (rect, kind, galley, dim) in nodes {
        let (fill, border) = node_colours(kind);
        let (fill, border) = (faded(fill, dim), faded(border, dim));
        painter.rect(
            rect,
            (8.0 * scale).clamp(1.0, 8.0),
            fill,
            Stroke::new(1.5, border),
            StrokeKind::Inside,
        );
        if let Some(galley) = galley {
            let text_pos = rect.center() - galley.size() / 2.0;
            let text = if dim {
                Color32::from_gray(150)
            } else {
                Color32::from_gray(15)
            };
            painter.galley_with_override_text_color(text_pos, galley, text);
        }
    }

    let obstacles: Vec<Rect> = rects.values().copied().collect();
    let mut placed_badges: Vec<Pos2> = Vec::new();
    for badge in options.badges {
        let centres: Vec<Pos2> = badge
            .nodes
            .iter()
            .filter_map(|id| rects.get(id))
            .map(|r| r.center())
            .collect();
        if centres.len() == badge.nodes.len() && !centres.is_empty() {
            let radius = badge_radius(scale * options.text_scale);
            let at = badge_position(&centres, &obstacles, &segments, &placed_badges, radius);
            loop_badge(&painter, at, &centres, badge, radius);
            placed_badges.push(at);
        }
    }
}

fn badge_radius(scale: f32) -> f32 {
    (22.0 * scale).clamp(12.0, 40.0)
}

/// Where to put a loop's label: inside the loop, as far as possible from
/// every node and from labels already placed.
fn badge_position(
    centres: &[Pos2],
    obstacles: &[Rect],
    segments: &[(Pos2, Pos2)],
    badges: &[Pos2],
    radius: f32,
) -> Pos2 {
    let n = centres.len() as f32;
    let middle = (centres.iter().fold(Vec2::ZERO, |sum, p| sum + p.to_vec2()) / n).to_pos2();
    if centres.len() < 3 {
        return middle;
    }
    let mut area = Rect::NOTHING;
    for c in centres {
        area.extend_with(*c);
    }
    let clearance = |p: Pos2| {
        let from_nodes = obstacles
            .iter()
            .map(|r| r.distance_to_pos(p))
            .fold(f32::INFINITY, f32::min);
        let from_badges = badges
            .iter()
            .map(|b| b.distance(p) - 2.0 * radius)
            .fold(f32::INFINITY, f32::min);
        let from_links = segments
            .iter()
            .map(|(a, b)| {
                let ab = *b - *a;
                let t = ((p - *a).dot(ab) / ab.length_sq().max(1e-6)).clamp(0.0, 1.0);
                p.distance(*a + ab * t)
            })
            .fold(f32::INFINITY, f32::min);
        from_nodes.min(from_badges).min(from_links)
    };
    let mut best = (clearance(middle), middle);
    let steps = 16;
    for i in 0..=steps {
        for j in 0..=steps {
            let p = pos2(
                area.min.x + area.width() * i as f32 / steps as f32,
                area.min.y + area.height() * j as f32 / steps as f32,
            );
            if !inside(p, centres) {
                continue;
            }
            // Prefer the middle when clearances are alike.
            let score = clearance(p) - 0.05 * p.distance(middle);
            if score > best.0 {
                best = (score, p);
            }
        }
    }
    best.1
}

/// Whether a point is inside the polygon through `corners` (even-odd rule).
fn inside(p: Pos2, corners: &[Pos2]) -> bool {
    let mut result = false;
    let mut j = corners.len() - 1;
    for i in 0..corners.len() {
        let (a, b) = (corners[i], corners[j]);
        if (a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x {
            result = !result;
        }
        j = i;
    }
    result
}

/// A colour washed out towards the background when `dim` is set.
fn faded(colour: Color32, dim: bool) -> Color32 {
    if dim {
        Color32::from_gray(252).lerp_to_gamma(colour, 0.22)
    } else {
        colour
    }
}

/// Draws a loop label at `middle`: the label inside a circular arrow turning
/// the same way as the loop on screen.
fn loop_badge(
    painter: &egui::Painter,
    middle: Pos2,
    centres: &[Pos2],
    badge: &LoopBadge,
    radius: f32,
) {
    // Shoelace area: positive means clockwise on screen (y grows downwards).
    let area: f32 = (0..centres.len())
        .map(|i| {
            let (a, b) = (centres[i], centres[(i + 1) % centres.len()]);
            a.x * b.y - b.x * a.y
        })
        .sum();
    let clockwise = area >= 0.0;
    let colour = match badge.kind {
        LoopKind::Reinforcing => Color32::from_rgb(190, 50, 40),
        LoopKind::Balancing => Color32::from_rgb(30, 90, 180),
    };
    let sweep = std::f32::consts::TAU * 0.8;
    let start = -std::f32::consts::FRAC_PI_2 + 0.35;
    let turn = if clockwise { 1.0 } else { -1.0 };
    let points: Vec<Pos2> = (0..=24)
        .map(|i| {
            let a = start + turn * sweep * i as f32 / 24.0;
            middle + vec2(a.cos(), a.sin()) * radius
        })
        .collect();
    painter.circle_filled(middle, radius + 2.0, Color32::from_white_alpha(235));
    painter.add(Shape::line(points.clone(), Stroke::new(2.0, colour)));
    let tip = points[points.len() - 1];
    let before = points[points.len() - 2];
    let dir = (tip - before).normalized();
    let side = vec2(-dir.y, dir.x) * (radius * 0.28);
    painter.add(Shape::convex_polygon(
        vec![tip + dir * radius * 0.35, tip + side, tip - side],
        colour,
        Stroke::NONE,
    ));
    painter.text(
        middle,
        Align2::CENTER_CENTER,
        &badge.label,
        FontId::proportional(radius * 0.8),
        colour,
    );
}

/// Where the line from the centre of `rect` towards `toward` leaves the
/// rectangle (moved sideways by `shift` for side-by-side links).
fn border_point(rect: Rect, toward: Pos2, shift: Vec2) -> Pos2 {
    let centre = rect.center() + shift;
    let d = toward - centre;
    if d.length() < 1e-3 {
        return centre;
    }
    let half = rect.size() / 2.0 + vec2(3.0, 3.0);
    let tx = if d.x.abs() > 1e-6 {
        half.x / d.x.abs()
    } else {
        f32::INFINITY
    };
    let ty = if d.y.abs() > 1e-6 {
        half.y / d.y.abs()
    } else {
        f32::INFINITY
    };
    centre + d * tx.min(ty).min(1.0)
}

/// A line with a fixed-size arrowhead whose tip is at `end`.
fn arrow(painter: &egui::Painter, start: Pos2, end: Pos2, colour: Color32) {
    let along = end - start;
    let length = along.length();
    if length < 1.0 {
        return;
    }
    let dir = along / length;
    let head = HEAD_LENGTH.min(length * 0.5);
    let base = end - dir * head;
    painter.line_segment([start, base], Stroke::new(1.6, colour));
    let side = vec2(-dir.y, dir.x) * HEAD_HALF_WIDTH;
    painter.add(Shape::convex_polygon(
        vec![end, base + side, base - side],
        colour,
        Stroke::NONE,
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_stop_at_the_node_border() {
        let rect = Rect::from_center_size(pos2(100.0, 100.0), vec2(100.0, 40.0));
        let right = border_point(rect, pos2(400.0, 100.0), Vec2::ZERO);
        assert!((right.x - 153.0).abs() < 0.01 && (right.y - 100.0).abs() < 0.01);
        let below = border_point(rect, pos2(100.0, 400.0), Vec2::ZERO);
        assert!((below.y - 123.0).abs() < 0.01);
    }
}
