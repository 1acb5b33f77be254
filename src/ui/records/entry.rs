//! Chronology entries.

use eframe::egui::Ui;

use super::{delete_button, put, titled};
use crate::model::{ChronologyEntry, Record, RecordKind, Review};
use crate::ui::edits::Edits;
use crate::ui::forms::{Choice, Form};

/// The form of one chronology entry.
pub fn entry_form(ui: &mut Ui, review: &Review, entry: &ChronologyEntry, edits: &mut Edits) {
    let e = entry;
    ui.push_id(e.id.as_str(), |ui| {
        ui.heading(format!("Chronology entry {}", e.id));
        ui.add_space(6.0);
        let mut form = Form::new(edits, e.id.as_str());
        form.date(ui, "Entry date", Some(e.date), true, |v| {
            v.map(|date| put("Edit entry date", e, Record::Entry, |x| x.date = date))
        });
        let mut agencies = vec![Choice {
            value: None,
            label: "No agency given".into(),
            hover: String::new(),
        }];
        agencies.extend(review.agencies.iter().map(|a| Choice {
            value: Some(a.id.clone()),
            label: a.name.clone(),
            hover: a.generic_name.clone(),
        }));
        form.choice(ui, "Recording agency", &e.agency, &agencies, |v| {
            put("Change entry agency", e, Record::Entry, |x| x.agency = v)
        });
        form.text(ui, "Author's role", &e.author, |v| {
            put("Edit entry author", e, Record::Entry, |x| x.author = v)
        });
        form.text_multi(ui, "What the record says", &e.text, 6, |v| {
            put("Edit entry text", e, Record::Entry, |x| x.text = v)
        });
        form.records(
            ui,
            "People mentioned",
            "person",
            &titled(review, e.people.iter().cloned()),
            || titled(review, review.ids_of(RecordKind::Person)),
            |v| put("Link people to entry", e, Record::Entry, |x| x.people = v),
        );
        if let Some(source) = &e.source {
            ui.weak(format!("Imported from {}, row {}", source.file, source.row));
        }
        let episodes: Vec<&str> = review
            .episodes
            .iter()
            .filter(|ep| ep.entries.contains(&e.id))
            .map(|ep| ep.id.as_str())
            .collect();
        if !episodes.is_empty() {
            ui.weak(format!("Part of episode {}", episodes.join(", ")));
        }
        delete_button(ui, review, &e.id, "entry", form.edits());
    });
}
