//! The questions the canvas asks before it acts: what deleting removes
//! (from the diagram or from the review), and the polarity of a new
//! causal link.

use super::*;

impl Canvas {
    /// Asks how the records chosen for deletion go, naming them: off this
    /// map only (the records stay in the review), or out of the review
    /// with their links.
    pub(super) fn delete_question(
        &mut self,
        ui: &mut Ui,
        review: &Review,
        diagram: &Diagram,
        edits: &mut Edits,
    ) {
        let Some(ids) = &self.confirm_delete else {
            return;
        };
        let ids: Vec<Id> = ids
            .iter()
            .filter(|id| review.kind_of(id).is_some())
            .cloned()
            .collect();
        if ids.is_empty() {
            self.confirm_delete = None;
            return;
        }
        let on_map: Vec<Id> = ids
            .iter()
            .filter(|id| diagram.position(id).is_some())
            .cloned()
            .collect();
        let links = review
            .links
            .iter()
            .filter(|l| ids.contains(&l.from) || ids.contains(&l.to))
            .filter(|l| !ids.contains(&l.id))
            .count();
        let mut choice: Option<Option<bool>> = None;
        let modal = egui::Modal::new(egui::Id::unique("map-delete-question")).show(ui.ctx(), |ui| {
            ui.set_max_width(480.0);
            let heading = if ids.len() == 1 {
                "Delete this from the map or from the review?".to_string()
            } else {
                format!("Delete these {} from the map or from the review?", ids.len())
            };
            ui.heading(heading);
            ui.add_space(6.0);
            for id in ids.iter().take(8) {
                let kind = review.kind_of(id).map_or("Record", kind_name);
                ui.label(format!(
                    "{} ({} {id})",
                    review.title_of(id),
                    kind.to_lowercase()
                ));
            }
            if ids.len() > 8 {
                ui.label(format!("and {} more", ids.len() - 8));
            }
            ui.add_space(6.0);
            if !on_map.is_empty() {
                ui.label(
                    "Remove from this map takes it off this diagram only: the record stays in the review, on its list and on any other diagram.",
                );
            }
            let also = match links {
                0 => String::new(),
                1 => " and its 1 link".to_string(),
                n => format!(" and their {n} links"),
            };
            ui.label(format!(
                "Delete from the review removes the record{also} from the whole review. Undo (Ctrl+Z) brings it back."
            ));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if !on_map.is_empty() && ui.button("Remove from this map").clicked() {
                    choice = Some(Some(false));
                }
                if ui.button("Delete from the review").clicked() {
                    choice = Some(Some(true));
                }
                if ui.button("Cancel").clicked() {
                    choice = Some(None);
                }
            });
        });
        if modal.should_close() && choice.is_none() {
            choice = Some(None);
        }
        match choice {
            Some(Some(false)) => {
                if let Some(change) = remove_from_diagram(diagram, &on_map) {
                    edits.apply(change);
                }
                self.selection.clear();
                self.confirm_delete = None;
            }
            Some(Some(true)) => {
                if let Some(change) = delete_all(review, &ids) {
                    edits.apply(change);
                }
                self.selection.clear();
                self.confirm_delete = None;
            }
            Some(None) => self.confirm_delete = None,
            None => {}
        }
    }

    pub(super) fn polarity_question(&mut self, ui: &mut Ui, review: &Review, edits: &mut Edits) {
        let Some(ask) = &mut self.ask else {
            return;
        };
        let mut done: Option<Option<Polarity>> = None;
        let from = review.title_of(&ask.from);
        let to = review.title_of(&ask.to);
        egui::Area::new(egui::Id::unique("map-polarity-question"))
            .order(egui::Order::Foreground)
            .fixed_pos(ask.at + vec2(12.0, 12.0))
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.set_max_width(360.0);
                    ui.label(egui::RichText::new("A causal link: which way?").strong());
                    ui.label(format!(
                        "When \"{}\" rises, \"{}\"…",
                        crate::ui::forms::short(&from, 50),
                        crate::ui::forms::short(&to, 50)
                    ));
                    if ui.button("S: rises too (same direction)").clicked() {
                        done = Some(Some(Polarity::Same));
                    }
                    if ui.button("O: falls (opposite direction)").clicked() {
                        done = Some(Some(Polarity::Opposite));
                    }
                    ui.checkbox(&mut ask.delay, "Delay ‖: the effect takes time to show");
                    if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(Key::Escape)) {
                        done = Some(None);
                    }
                });
            });
        match done {
            Some(Some(polarity)) => {
                let kind = LinkKind::Causal {
                    polarity,
                    delay: ask.delay,
                };
                edits.apply(add_link(review, &ask.from, &ask.to, kind));
                self.ask = None;
            }
            Some(None) => self.ask = None,
            None => {}
        }
    }
}
