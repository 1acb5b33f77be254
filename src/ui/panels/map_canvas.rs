//! A read-only drawing of one diagram: nodes as rounded boxes coloured by
//! kind, links as lines with small fixed-size arrowheads that stop at the
//! node's border, and S/O marks on causal links.

use std::collections::HashMap;

use eframe::egui::{
    self, Align2, Color32, FontId, Pos2, Rect, ScrollArea, Sense, Shape, Stroke, StrokeKind, Ui,
    Vec2, pos2, vec2,
};

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

/// Draws the diagram.
pub fn draw(ui: &mut Ui, review: &Review, diagram: &Diagram, scale: Scale) {
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
            paint(ui, review, &placed, bounds, scale, available);
        }
        Scale::Zoom(zoom) => {
            ScrollArea::both()
                .id_salt("diagram-scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    paint(ui, review, &placed, bounds, zoom, bounds.size() * zoom);
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
    let font_size = 14.0 * scale;
    let labelled = font_size >= 6.5;
    let font = FontId::proportional(font_size.min(20.0));
    let padding = 8.0 * scale;
    let mut rects: HashMap<&Id, Rect> = HashMap::new();
    let mut nodes = Vec::new();
    for (id, p) in placed {
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
        nodes.push((rect, kind, galley));
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
    for link in &review.links {
        let (Some(from), Some(to)) = (rects.get(&link.from), rects.get(&link.to)) else {
            continue;
        };
        if link.from == link.to {
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
        let colour = link_colour(link.kind);
        arrow(&painter, start, end, colour);
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

    for (rect, kind, galley) in nodes {
        let (fill, border) = node_colours(kind);
        painter.rect(
            rect,
            (8.0 * scale).clamp(1.0, 8.0),
            fill,
            Stroke::new(1.5, border),
            StrokeKind::Inside,
        );
        if let Some(galley) = galley {
            let text_pos = rect.center() - galley.size() / 2.0;
            painter.galley(text_pos, galley, Color32::from_gray(15));
        }
    }
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
