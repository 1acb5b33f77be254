//! The canvas's right-click menus: of a node, of the selection, of a
//! link, and of the empty canvas.

use super::*;

impl Canvas {
    /// The right-click menu: actions on the selection, then on the map.
    pub(super) fn menu_items(
        &mut self,
        ui: &mut Ui,
        review: &Review,
        diagram: &Diagram,
        at: Point,
        edits: &mut Edits,
    ) {
        let node = self
            .selection
            .first()
            .cloned()
            .filter(|id| review.kind_of(id) != Some(RecordKind::Link));
        {
            ui.set_min_width(220.0);
            if let Some(id) = node.clone().filter(|_| self.selection.len() == 1) {
                ui.label(
                    egui::RichText::new(format!(
                        "{id}: {}",
                        crate::ui::forms::short(&review.title_of(&id), 40)
                    ))
                    .strong(),
                );
                if ui.button("Edit label").clicked() {
                    self.edit_label(review, diagram, &id);
                    ui.close();
                }
                if ui.button("Link from here…").clicked() {
                    self.start_link_from(id.clone());
                    ui.close();
                }
                if ui.button("Remove from this map").clicked() {
                    if let Some(change) = remove_from_diagram(diagram, &self.selection) {
                        edits.apply(change);
                    }
                    self.selection.clear();
                    ui.close();
                }
                if ui.button("Delete from the review…").clicked() {
                    self.confirm_delete = Some(self.selection.clone());
                    ui.close();
                }
                ui.separator();
            } else if self.selection.len() > 1 {
                if ui
                    .button(format!("Remove {} from this map", self.selection.len()))
                    .clicked()
                {
                    if let Some(change) = remove_from_diagram(diagram, &self.selection) {
                        edits.apply(change);
                    }
                    self.selection.clear();
                    ui.close();
                }
                if ui
                    .button(format!(
                        "Delete {} records from the review…",
                        self.selection.len()
                    ))
                    .clicked()
                {
                    self.confirm_delete = Some(self.selection.clone());
                    ui.close();
                }
                ui.separator();
            } else if let Some(link) = self.selection.first().cloned() {
                link_menu(ui, review, &link, edits);
                ui.separator();
            }
            for kind in NODE_KINDS {
                if ui
                    .button(format!("New {} here", kind_name(kind).to_lowercase()))
                    .clicked()
                {
                    self.new_node_at(kind, at);
                    ui.close();
                }
            }
            ui.separator();
            if ui.button("Fit to view").clicked() {
                self.request_fit();
                ui.close();
            }
            if ui.button("Auto-layout").clicked() {
                if let Some(change) =
                    layout_change(review, diagram, LayoutKind::for_diagram(diagram.kind))
                {
                    edits.apply(change);
                    self.request_fit();
                }
                ui.close();
            }
            if ui.button("Select all").clicked() {
                self.selection = diagram.nodes.iter().map(|n| n.item.clone()).collect();
                ui.close();
            }
        }
    }
}

/// The menu items for a selected link.
pub(super) fn link_menu(ui: &mut Ui, review: &Review, link: &Id, edits: &mut Edits) {
    let Some(l) = review.links.iter().find(|l| &l.id == link) else {
        return;
    };
    ui.label(egui::RichText::new(format!("{}: {}", l.id, l.kind.label())).strong());
    if let LinkKind::Causal { polarity, delay } = l.kind {
        let other = match polarity {
            Polarity::Same => Polarity::Opposite,
            Polarity::Opposite => Polarity::Same,
        };
        if ui.button(format!("Make it {}", other.letter())).clicked() {
            edits.apply(crate::edit::builders::put(
                "Change polarity",
                l,
                crate::model::Record::Link,
                |x| {
                    x.kind = LinkKind::Causal {
                        polarity: other,
                        delay,
                    }
                },
            ));
            ui.close();
        }
        let text = if delay {
            "Remove the delay"
        } else {
            "Mark a delay ‖"
        };
        if ui.button(text).clicked() {
            edits.apply(crate::edit::builders::put(
                "Change delay",
                l,
                crate::model::Record::Link,
                |x| {
                    x.kind = LinkKind::Causal {
                        polarity,
                        delay: !delay,
                    }
                },
            ));
            ui.close();
        }
    }
    if ui.button("Delete link").clicked() {
        if let Some(change) = delete_all(review, std::slice::from_ref(link)) {
            edits.apply(change);
        }
        ui.close();
    }
}
