//! The cast: people, agencies and places.

use eframe::egui::Ui;

use super::{delete_button, or_untitled, put};
use crate::model::{Agency, Person, Place, Record, Review};
use crate::ui::edits::Edits;
use crate::ui::forms::{Choice, Form};
use crate::ui::labels;

/// The form of one person of the cast: name, role, pseudonym and what may be published of them.
pub fn person_form(ui: &mut Ui, review: &Review, person: &Person, edits: &mut Edits) {
    ui.push_id(person.id.as_str(), |ui| {
        ui.heading(format!("Person {}", person.id));
        let p = person;
        let mut form = Form::new(edits, p.id.as_str());
        form.text(ui, "Name", &p.name, |v| {
            put("Edit name", p, Record::Person, |x| x.name = v)
        });
        form.names(ui, "Other names (aliases)", &p.aliases, |v| {
            put("Edit aliases", p, Record::Person, |x| x.aliases = v)
        });
        form.text(ui, "Role", &p.role, |v| {
            put("Edit role", p, Record::Person, |x| x.role = v)
        });
        form.choice(
            ui,
            "Part in the case",
            &p.kind,
            &Choice::list(labels::PERSON_KINDS),
            |v| put("Change part in the case", p, Record::Person, |x| x.kind = v),
        );
        let mut agencies = vec![Choice {
            value: None,
            label: "None".into(),
            hover: String::new(),
        }];
        agencies.extend(review.agencies.iter().map(|a| Choice {
            value: Some(a.id.clone()),
            label: or_untitled(&a.name, "name"),
            hover: a.generic_name.clone(),
        }));
        form.choice(ui, "Agency", &p.agency, &agencies, |v| {
            put("Change agency", p, Record::Person, |x| x.agency = v)
        });
        form.text(ui, "Pseudonym used in exports", &p.pseudonym, |v| {
            put("Edit pseudonym", p, Record::Person, |x| x.pseudonym = v)
        });
        form.day(ui, "Date of birth", p.date_of_birth, |v| {
            put("Edit date of birth", p, Record::Person, |x| {
                x.date_of_birth = v
            })
        });
        form.text_multi(ui, "Notes", &p.notes, 3, |v| {
            put("Edit notes", p, Record::Person, |x| x.notes = v)
        });
        delete_button(ui, review, &p.id, "person", form.edits());
    });
}

/// The form of one agency: its name, kind and the generic name published.
pub fn agency_form(ui: &mut Ui, review: &Review, agency: &Agency, edits: &mut Edits) {
    ui.push_id(agency.id.as_str(), |ui| {
        ui.heading(format!("Agency {}", agency.id));
        let a = agency;
        let mut form = Form::new(edits, a.id.as_str());
        form.text(ui, "Name", &a.name, |v| {
            put("Edit agency name", a, Record::Agency, |x| x.name = v)
        });
        form.names(ui, "Other names (aliases)", &a.aliases, |v| {
            put("Edit aliases", a, Record::Agency, |x| x.aliases = v)
        });
        form.text(ui, "Generic name used in exports", &a.generic_name, |v| {
            put("Edit generic name", a, Record::Agency, |x| {
                x.generic_name = v
            })
        });
        form.choice(
            ui,
            "Kind of agency",
            &a.kind,
            &Choice::list(labels::AGENCY_KINDS),
            |v| put("Change kind of agency", a, Record::Agency, |x| x.kind = v),
        );
        delete_button(ui, review, &a.id, "agency", form.edits());
    });
}

/// The form of one place: its name, kind and the generic name published.
pub fn place_form(ui: &mut Ui, review: &Review, place: &Place, edits: &mut Edits) {
    ui.push_id(place.id.as_str(), |ui| {
        ui.heading(format!("Place {}", place.id));
        let p = place;
        let mut form = Form::new(edits, p.id.as_str());
        form.text(ui, "Name or address", &p.name, |v| {
            put("Edit place name", p, Record::Place, |x| x.name = v)
        });
        form.names(ui, "Other names (aliases)", &p.aliases, |v| {
            put("Edit aliases", p, Record::Place, |x| x.aliases = v)
        });
        form.text(ui, "Generic name used in exports", &p.generic_name, |v| {
            put("Edit generic name", p, Record::Place, |x| {
                x.generic_name = v
            })
        });
        form.choice(
            ui,
            "Kind of place",
            &p.kind,
            &Choice::list(labels::PLACE_KINDS),
            |v| put("Change kind of place", p, Record::Place, |x| x.kind = v),
        );
        delete_button(ui, review, &p.id, "place", form.edits());
    });
}
