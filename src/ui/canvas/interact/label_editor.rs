//! Editing a node's label in place, on the canvas.

use super::*;

impl Canvas {
    pub(super) fn label_editor(
        &mut self,
        ui: &mut Ui,
        review: &Review,
        diagram: &Diagram,
        t: &Transform,
        edits: &mut Edits,
    ) {
        let Some(edit) = &mut self.editing else {
            return;
        };
        let centre = t.to_screen(edit.at);
        let width = (220.0f32).max(200.0 * t.zoom);
        let caption = match &edit.target {
            Target::New(kind) => format!("New {}", kind_name(*kind).to_lowercase()),
            Target::Existing(id) => format!("Label of {id}"),
        };
        let label_rect = Rect::from_center_size(centre - vec2(0.0, 30.0), vec2(width, 22.0));
        let edit_rect = Rect::from_center_size(centre, vec2(width, 30.0));
        ui.painter().rect_filled(
            label_rect.union(edit_rect).expand(6.0),
            6.0,
            Color32::from_rgb(255, 250, 220),
        );
        let label = ui.put(
            label_rect,
            egui::Label::new(egui::RichText::new(&caption).strong()),
        );
        let resp = ui
            .put(
                edit_rect,
                egui::TextEdit::singleline(&mut edit.text).hint_text("Type, then Enter"),
            )
            .labelled_by(label.id);
        if !edit.focused {
            resp.request_focus();
            edit.focused = true;
        }
        let cancel = ui.input(|i| i.key_pressed(Key::Escape));
        if resp.lost_focus() {
            let edit = self.editing.take().expect("editing");
            if cancel {
                return;
            }
            let change = match &edit.target {
                Target::New(kind) => {
                    create_node(review, diagram, *kind, &edit.text, (edit.at.x, edit.at.y))
                }
                Target::Existing(id) => rename(review, id, &edit.text),
            };
            if let Some(change) = change {
                if let Target::New(kind) = edit.target {
                    self.selection = vec![review.next_id(kind)];
                }
                edits.apply(change);
            }
        }
    }
}
