//! The canvas's gestures: zoom about the cursor and pan (wheel, pinch,
//! arrow keys), and the drag state machine (move the selection with grid
//! snapping, draw a rubber band, draw a link from a node's handle).

use super::*;

impl Canvas {
    pub(super) fn zoom_and_pan_input(&mut self, ui: &mut Ui, rect: Rect, t: &mut Transform) {
        let hover = ui
            .input(|i| i.pointer.hover_pos())
            .filter(|p| rect.contains(*p));
        if let Some(p) = hover
            && ui.ui_contains_pointer()
        {
            let (scroll, pinch) = ui.input_mut(|i| {
                let s = i.smooth_scroll_delta;
                i.smooth_scroll_delta = Vec2::ZERO;
                (s, i.zoom_delta())
            });
            let mut factor = pinch;
            if scroll.y != 0.0 {
                factor *= (scroll.y * 0.0025).exp();
            }
            if scroll.x != 0.0 {
                t.offset.x += scroll.x;
            }
            if (factor - 1.0).abs() > 1e-4 {
                zoom_about(t, p, factor);
            }
        }
    }

    pub(super) fn drag_update(&mut self, ui: &Ui, resp: &Response, t: &mut Transform) {
        let delta = resp.drag_delta();
        let pointer = ui.input(|i| i.pointer.interact_pos());
        match &mut self.drag {
            Drag::Pan => t.offset += delta,
            Drag::Move { by, .. } => *by = *by + pt(delta.x / t.zoom, delta.y / t.zoom),
            Drag::Link { to, .. } | Drag::Band { to, .. } => {
                if let Some(p) = pointer {
                    *to = p;
                }
            }
            Drag::None => {}
        }
    }

    pub(super) fn drag_end(
        &mut self,
        review: &Review,
        diagram: &Diagram,
        painted: &Painted,
        edits: &mut Edits,
    ) {
        match std::mem::take(&mut self.drag) {
            Drag::Move { ids, by } => {
                let moves: HashMap<Id, (f32, f32)> = diagram
                    .nodes
                    .iter()
                    .filter(|n| ids.contains(&n.item))
                    .map(|n| (n.item.clone(), (n.x + by.x, n.y + by.y)))
                    .collect();
                if by.length() > 0.5
                    && let Some(change) = move_nodes(diagram, &moves, self.snap)
                {
                    edits.apply(change);
                }
            }
            Drag::Link { from, to } => match node_at(painted, to).cloned() {
                Some(target) if target != from => {
                    self.finish_link(review, &from, &target, to, edits)
                }
                _ => self.message = Some("Drop the link on another node to join them".into()),
            },
            Drag::Band { from, to } => {
                let band = Rect::from_two_pos(from, to);
                for (id, rect, _) in &painted.nodes {
                    if band.intersects(*rect) && !self.selection.contains(id) {
                        self.selection.push((*id).clone());
                    }
                }
                self.selection
                    .retain(|x| review.kind_of(x) != Some(RecordKind::Link));
            }
            Drag::Pan | Drag::None => {}
        }
    }

    pub(super) fn finish_link(
        &mut self,
        review: &Review,
        from: &Id,
        to: &Id,
        at: Pos2,
        edits: &mut Edits,
    ) {
        match link_choice(review, from, to) {
            LinkChoice::Kind(kind) => {
                edits.apply(add_link(review, from, to, kind));
                self.message = None;
            }
            LinkChoice::AskPolarity => {
                self.ask = Some(AskPolarity {
                    from: from.clone(),
                    to: to.clone(),
                    at,
                    delay: false,
                });
                self.message = None;
            }
            LinkChoice::Refused(why) => self.message = Some(format!("Not linked: {why}")),
        }
    }
}

/// Zooms the transform by `factor` keeping the diagram point under `at`
/// where it is.
pub(super) fn zoom_about(t: &mut Transform, at: Pos2, factor: f32) {
    let zoom = (t.zoom * factor).clamp(0.02, 4.0);
    let k = zoom / t.zoom;
    t.offset = at.to_vec2() - (at.to_vec2() - t.offset) * k;
    t.zoom = zoom;
}

/// The link handle of a node: the middle of its right edge.
pub(super) fn handle_pos(rect: Rect) -> Pos2 {
    rect.right_center()
}
