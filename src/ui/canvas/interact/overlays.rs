//! What the canvas draws over the diagram: the links under the pointer,
//! the selection, the rubber band, the link being drawn, and the grid.

use super::*;

impl Canvas {
    /// The links as painted, for hit tests on the background.
    pub(super) fn link_hits<'a>(
        &self,
        (review, catalog): (&'a Review, &Catalog),
        diagram: &'a Diagram,
        t: &Transform,
        input: &CanvasInput,
    ) -> Painted<'a> {
        let empty = HashSet::new();
        let scene = Scene {
            review,
            catalog,
            diagram,
            visible: input.visible,
            highlight: None,
            badges: &[],
            selected: &empty,
            matches: &empty,
            ripple: None,
            moving: None,
            look: input.look,
            spread: false,
        };
        paint::link_segments(&scene, review, t)
    }

    pub(super) fn overlays(
        &self,
        painter: &egui::Painter,
        rect: Rect,
        painted: &Painted,
        hovered: Option<&Id>,
        selected: &HashSet<Id>,
    ) {
        // Link handles on the hovered and selected nodes.
        for (id, node_rect, _) in &painted.nodes {
            if hovered == Some(id) || selected.contains(id) {
                let at = handle_pos(*node_rect);
                if rect.contains(at) {
                    painter.circle(
                        at,
                        HANDLE,
                        Color32::WHITE,
                        Stroke::new(2.0, Color32::from_rgb(0, 95, 204)),
                    );
                    painter.circle_filled(at, 2.5, Color32::from_rgb(0, 95, 204));
                }
            }
        }
        match &self.drag {
            Drag::Link { from, to } => {
                if let Some((_, r, _)) = painted.nodes.iter().find(|(id, _, _)| *id == from) {
                    let target = node_at(painted, *to);
                    if let Some(t) =
                        target.and_then(|t| painted.nodes.iter().find(|(id, _, _)| *id == t))
                    {
                        painter.rect_stroke(
                            t.1.expand(4.0),
                            6.0,
                            Stroke::new(2.5, Color32::from_rgb(0, 95, 204)),
                            StrokeKind::Outside,
                        );
                    }
                    painter.line_segment(
                        [handle_pos(*r), *to],
                        Stroke::new(2.0, Color32::from_rgb(0, 95, 204)),
                    );
                    painter.circle_filled(*to, 4.0, Color32::from_rgb(0, 95, 204));
                }
            }
            Drag::Band { from, to } => {
                let band = Rect::from_two_pos(*from, *to);
                painter.rect(
                    band,
                    0.0,
                    Color32::from_rgba_unmultiplied(0, 95, 204, 30),
                    Stroke::new(1.0, Color32::from_rgb(0, 95, 204)),
                    StrokeKind::Inside,
                );
            }
            _ => {}
        }
        let mut notes: Vec<String> = Vec::new();
        if painted.unlabelled {
            notes.push("Zoom in (wheel, Ctrl +) to read the labels".into());
        }
        if let Some(m) = &self.message {
            notes.push(m.clone());
        }
        for (i, note) in notes.iter().enumerate() {
            let at = rect.left_top() + vec2(10.0, 10.0 + 22.0 * i as f32);
            let galley = painter.layout_no_wrap(
                note.clone(),
                FontId::proportional(15.0),
                Color32::from_gray(30),
            );
            painter.rect_filled(
                Rect::from_min_size(at - vec2(4.0, 2.0), galley.size() + vec2(8.0, 4.0)),
                3.0,
                Color32::from_rgba_unmultiplied(255, 248, 200, 235),
            );
            painter.galley(at, galley, Color32::from_gray(30));
        }
    }
}

/// Faint grid lines every five grid steps, when there is room for them.
pub(super) fn grid(painter: &egui::Painter, rect: Rect, t: &Transform, colour: Color32) {
    let step = commands::GRID * 5.0 * t.zoom;
    if step < 14.0 {
        return;
    }
    let stroke = Stroke::new(1.0, colour);
    let first = t.to_diagram(rect.min);
    let start_x = (first.x / (commands::GRID * 5.0)).floor() * commands::GRID * 5.0;
    let start_y = (first.y / (commands::GRID * 5.0)).floor() * commands::GRID * 5.0;
    let mut x = t.to_screen(pt(start_x, 0.0)).x;
    while x < rect.max.x {
        if x > rect.min.x {
            painter.line_segment([pos2(x, rect.min.y), pos2(x, rect.max.y)], stroke);
        }
        x += step;
    }
    let mut y = t.to_screen(pt(0.0, start_y)).y;
    while y < rect.max.y {
        if y > rect.min.y {
            painter.line_segment([pos2(rect.min.x, y), pos2(rect.max.x, y)], stroke);
        }
        y += step;
    }
}
