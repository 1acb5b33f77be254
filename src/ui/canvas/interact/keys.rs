//! The canvas's keys: new node (N), link (L), label (Enter/F2), delete,
//! select all, fit, zoom, and Tab through the nodes.

use super::*;

impl Canvas {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn keys(
        &mut self,
        ui: &mut Ui,
        review: &Review,
        diagram: &Diagram,
        rect: Rect,
        t: &mut Transform,
        hovered: Option<&Id>,
        edits: &mut Edits,
    ) -> bool {
        let none = Modifiers::NONE;
        let pressed = |ui: &mut Ui, m: Modifiers, k: Key| ui.input_mut(|i| i.consume_key(m, k));
        // Zoom: Ctrl + / Ctrl − (before egui's own text zoom sees them).
        let zoom_in = pressed(ui, Modifiers::COMMAND, Key::Equals)
            || pressed(ui, Modifiers::COMMAND, Key::Plus)
            || pressed(ui, Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Equals);
        let zoom_out = pressed(ui, Modifiers::COMMAND, Key::Minus);
        if zoom_in {
            zoom_about(t, rect.center(), 1.25);
        }
        if zoom_out {
            zoom_about(t, rect.center(), 0.8);
        }
        let fit = pressed(ui, none, Key::F);
        for (key, d) in [
            (Key::ArrowLeft, vec2(1.0, 0.0)),
            (Key::ArrowRight, vec2(-1.0, 0.0)),
            (Key::ArrowUp, vec2(0.0, 1.0)),
            (Key::ArrowDown, vec2(0.0, -1.0)),
        ] {
            if pressed(ui, none, key) {
                t.offset += d * PAN_STEP;
            }
            if pressed(ui, Modifiers::ALT, key) {
                // Nudge the selected nodes by one grid step.
                let moves: HashMap<Id, (f32, f32)> = diagram
                    .nodes
                    .iter()
                    .filter(|n| self.selection.contains(&n.item))
                    .map(|n| {
                        (
                            n.item.clone(),
                            (n.x - d.x * commands::GRID, n.y - d.y * commands::GRID),
                        )
                    })
                    .collect();
                if let Some(change) = move_nodes(diagram, &moves, self.snap) {
                    edits.apply(change);
                }
            }
        }
        if pressed(ui, none, Key::N) {
            let at = hovered
                .and(ui.input(|i| i.pointer.hover_pos()))
                .filter(|p| rect.contains(*p))
                .unwrap_or(rect.center());
            let mut spot = t.to_diagram(at);
            // Keep clear of a node already there.
            while diagram
                .nodes
                .iter()
                .any(|n| (n.x - spot.x).abs() < 200.0 && (n.y - spot.y).abs() < 80.0)
            {
                spot.y += 100.0;
            }
            self.new_node_at(self.new_kind, spot);
        }
        let single = (self.selection.len() == 1).then(|| self.selection[0].clone());
        if (pressed(ui, none, Key::Enter) || pressed(ui, none, Key::F2))
            && let Some(id) = &single
        {
            if let Some(from) = self.link_from.take() {
                let at = t.to_screen(diagram.position(id).map_or(pt(0.0, 0.0), |(x, y)| pt(x, y)));
                self.finish_link(review, &from, id, at, edits);
            } else if review.kind_of(id) != Some(RecordKind::Link) {
                self.edit_label(review, diagram, id);
            }
        }
        if pressed(ui, none, Key::L)
            && let Some(id) = &single
            && diagram.position(id).is_some()
        {
            self.start_link_from(id.clone());
        }
        if (pressed(ui, none, Key::Delete) || pressed(ui, none, Key::Backspace))
            && !self.selection.is_empty()
        {
            self.confirm_delete = Some(self.selection.clone());
        }
        if pressed(ui, Modifiers::COMMAND, Key::A) {
            self.selection = diagram.nodes.iter().map(|n| n.item.clone()).collect();
        }
        if pressed(ui, none, Key::Escape) {
            if self.link_from.take().is_none() {
                self.selection.clear();
            }
            self.message = None;
        }
        fit
    }
}
