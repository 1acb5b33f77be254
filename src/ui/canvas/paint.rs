//! Painting a diagram with egui: one renderer for the interactive case map,
//! the Loops panel's highlighted diagram and presentation mode. Shapes,
//! colours and link geometry come from [`crate::diagram::geometry`], so the
//! screen and the exported figures agree.

use std::collections::HashMap;

use eframe::egui::{
    Align2, Color32, FontId, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, epaint, pos2, vec2,
};

use crate::analysis::loops::LoopKind;
use crate::analysis::ripple::{Effect, Ripple};
use crate::diagram::geometry::{
    self, NodeBox, NodeShape, Point, badge_arc, clockwise, dashed, delay_strokes, note_fold,
    outline, pt, shape_of,
};
use crate::model::{Id, LinkKind, RecordKind, Review};

pub use super::look::{Look, LoopBadge, Palette, colour, link_colour};
pub use super::scene::{
    BADGE_LETTER, Catalog, Fit, Laid, MARK_LETTER, Scene, Transform, canvas_style, fit_largest,
    laid_out,
};

/// Below this label size (screen points) labels are not drawn.
const MIN_LABEL: f32 = 5.5;

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
