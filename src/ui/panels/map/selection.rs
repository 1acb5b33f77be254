//! What the map says of its selection: the selected record's form, its
//! links, the ripple of its effects, its chronology, and the diagram's
//! own details.

use std::collections::HashMap;

use super::*;
use crate::ui::records;

impl MapPanel {
    /// The selected item: its full form, its links, its ripple and, for an
    /// episode, its chronology entries.
    pub(super) fn selection_panel(
        &mut self,
        ui: &mut Ui,
        cx: &PanelContext,
        diagram: &Diagram,
        edits: &mut Edits,
    ) {
        let review = cx.review;
        let selection: Vec<Id> = self.canvas.selection().to_vec();
        ui.label(RichText::new("Selected").strong().size(18.0));
        match selection.as_slice() {
            [] => {
                ui.weak("Click a node or a link on the map (Tab walks the nodes). Shift-click or Shift-drag selects several.");
            }
            [id] => {
                match review.record(id) {
                    Some(Record::Episode(e)) => records::episode_form(ui, review, &e, edits),
                    Some(Record::Factor(f)) => {
                        records::factor_form(ui, review, cx.taxonomy, &f, edits)
                    }
                    Some(Record::Condition(c)) => records::condition_form(ui, review, &c, edits),
                    Some(Record::Finding(f)) => {
                        let suggestion = self.finding_suggestion.get(cx.revision, review, &f);
                        records::finding_form_with(
                            ui,
                            review,
                            cx.taxonomy,
                            &f,
                            Some(suggestion),
                            edits,
                        )
                    }
                    Some(Record::Variable(v)) => records::variable_form(ui, review, &v, edits),
                    Some(Record::Link(l)) => {
                        if matches!(l.kind, LinkKind::Causal { .. }) {
                            records::link_form(ui, review, &l, edits);
                        } else {
                            ui.heading(format!("Link {}", l.id));
                            ui.label(format!(
                                "{} {} {}",
                                short(&review.title_of(&l.from), 60),
                                l.kind.label(),
                                short(&review.title_of(&l.to), 60)
                            ));
                            delete_button(ui, review, &l.id, "link", edits);
                        }
                    }
                    _ => {
                        ui.weak("This record is not shown on maps.");
                    }
                }
                if review.kind_of(id) != Some(RecordKind::Link) {
                    self.links_of(ui, review, diagram, id);
                    if let Some(Record::Episode(e)) = review.record(id) {
                        chronology_of(ui, review, &e.entries);
                    }
                    self.ripple_summary(ui, review);
                }
            }
            many => {
                ui.label(format!("{} records selected", many.len()));
                for id in many.iter().take(12) {
                    ui.label(format!("{id}  {}", short(&review.title_of(id), 60)));
                }
                if ui.button("Remove them from this map").clicked()
                    && let Some(change) = remove_from_diagram(diagram, many)
                {
                    edits.apply(change);
                }
            }
        }
    }

    pub(super) fn links_of(&mut self, ui: &mut Ui, review: &Review, diagram: &Diagram, id: &Id) {
        ui.add_space(8.0);
        ui.label(RichText::new("Links").strong());
        let links: Vec<_> = review.links_touching(id).collect();
        if links.is_empty() {
            ui.weak("No links yet: drag from the node's blue handle to another node, or press L.");
        }
        let mut go_to = None;
        for l in links {
            let (arrow, other) = if &l.from == id {
                ("→", &l.to)
            } else {
                ("←", &l.from)
            };
            let kind = match l.kind {
                LinkKind::Causal { polarity, delay } => format!(
                    "causal {}{}",
                    match polarity {
                        Polarity::Same => "S",
                        Polarity::Opposite => "O",
                    },
                    if delay { " ‖" } else { "" }
                ),
                k => k.label().to_string(),
            };
            let text = format!(
                "{arrow} {kind}: {other}  {}",
                short(&review.title_of(other), 50)
            );
            ui.horizontal(|ui| {
                let on_map = diagram.position(other).is_some();
                if ui
                    .add_enabled(on_map, egui::Button::new(text).truncate())
                    .on_hover_text("Select it on the map")
                    .on_disabled_hover_text("Not on this diagram")
                    .clicked()
                {
                    go_to = Some(other.clone());
                }
            });
        }
        if let Some(other) = go_to {
            if let Some(at) = diagram.position(&other) {
                self.canvas.centre_on(at);
            }
            self.canvas.select(vec![other]);
        }
    }

    pub(super) fn ripple_summary(&self, ui: &mut Ui, review: &Review) {
        let Some(r) = self.canvas.ripple() else {
            return;
        };
        ui.add_space(8.0);
        ui.label(RichText::new("Ripple from this node").strong());
        ui.label(format!(
            "{} downstream, {} upstream",
            r.downstream.len(),
            r.upstream.len()
        ));
        let (rises, falls, ambiguous) = r.grouped();
        let names = |ids: &[&Id]| {
            ids.iter()
                .map(|id| format!("{id} {}", short(&review.title_of(id), 40)))
                .collect::<Vec<_>>()
                .join("; ")
        };
        if !r.effects.is_empty() {
            ui.weak("If it rises:");
        }
        for (word, ids) in [("Rises", rises), ("Falls", falls), ("Ambiguous", ambiguous)] {
            if !ids.is_empty() {
                ui.add(egui::Label::new(format!("{word}: {}", names(&ids))).wrap());
            }
        }
        if let Some(f) = r.feedback {
            ui.label(format!(
                "Through feedback loops it comes back to itself: {}",
                f.word()
            ));
        }
        if !r.exact {
            ui.weak(
                "Too many paths to follow one by one: some effects marked ambiguous may not be.",
            );
        }
    }
}

/// The chronology entries an episode draws on, in date order.
pub(super) fn chronology_of(ui: &mut Ui, review: &Review, entries: &[Id]) {
    ui.add_space(8.0);
    ui.label(RichText::new("Chronology entries").strong());
    let mut list: Vec<_> = review
        .chronology
        .iter()
        .filter(|c| entries.contains(&c.id))
        .collect();
    list.sort_by_key(|c| c.date.first_day());
    if list.is_empty() {
        ui.weak("None linked yet (link them on the Chronology panel).");
    }
    for c in list {
        ui.add(egui::Label::new(format!("{}  {}", c.date.human(), short(&c.text, 160))).wrap());
    }
}

/// The diagram's name and kind, the records on it, and its stages.
pub(super) fn details(ui: &mut Ui, review: &Review, diagram: &Diagram, edits: &mut Edits) {
    let d = diagram;
    ui.push_id(d.id.as_str(), |ui| {
        ui.add_space(4.0);
        let mut form = Form::new(edits, d.id.as_str());
        form.text(ui, "Diagram name", &d.name, |v| {
            put("Rename diagram", d, Record::Diagram, |x| x.name = v)
        });
        form.choice(
            ui,
            "Diagram kind",
            &d.kind,
            &Choice::list(labels::DIAGRAM_KINDS),
            |v| put("Change diagram kind", d, Record::Diagram, |x| x.kind = v),
        );
        let edits = form.edits();
        // Every title read in one pass, not each node looked up by its id.
        let mut titles: HashMap<Id, String> = NODE_KINDS
            .iter()
            .flat_map(|&kind| review.titles_of(kind))
            .collect();
        let chosen: Vec<(Id, String)> = d
            .nodes
            .iter()
            .map(|n| {
                let title = titles
                    .remove(&n.item)
                    .unwrap_or_else(|| review.title_of(&n.item));
                (n.item.clone(), title)
            })
            .collect();
        let candidates = || titled_kinds(review, &NODE_KINDS);
        match record_picker(
            ui,
            "Records on this diagram",
            "record",
            false,
            &chosen,
            candidates,
        ) {
            Some(Pick::Add(item)) => {
                let (x, y) = free_spot(d);
                edits.apply(put("Add to diagram", d, Record::Diagram, |x_| {
                    x_.nodes.push(DiagramNode { item, x, y })
                }));
            }
            Some(Pick::Remove(item)) => {
                if let Some(change) = remove_from_diagram(d, &[item]) {
                    edits.apply(change);
                }
            }
            Some(Pick::Up(_) | Pick::Down(_)) | None => {}
        }
        if !d.stages.is_empty() {
            ui.add_space(8.0);
            ui.label(RichText::new("Presentation stages").strong());
            for (i, stage) in d.stages.iter().enumerate() {
                ui.label(format!("{}. {}", i + 1, stage.title));
            }
        }
        delete_button(ui, review, &d.id, "diagram", edits);
        ui.weak("Deleting a diagram never deletes the records on it.");
    });
}
