//! The Cast panel: the people, agencies and places of the case.

use std::collections::HashSet;

use eframe::egui::{RichText, ScrollArea, Ui};

use super::import_dialog::CastImportDialog;
use super::{
    PanelContext, add, list_and_form, list_header, nothing_selected, or_untitled, put, record_list,
};
use crate::import::cast::{CastSuggestion, suggest_cast};
use crate::model::{Agency, Id, Person, Place, Record, RecordKind};
use crate::ui::edits::Edits;
use crate::ui::forms::short;
use crate::ui::records::{agency_form, person_form, place_form};

/// Which list the Cast panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum CastList {
    #[default]
    People,
    Agencies,
    Places,
    Suggestions,
}

/// View state of the Cast panel.
#[derive(Default)]
pub struct CastPanel {
    list: CastList,
    person: Option<Id>,
    agency: Option<Id>,
    place: Option<Id>,
    import: Option<CastImportDialog>,
    suggestions: Option<((u64, u64), Vec<CastSuggestion>)>,
    /// Names the reviewer said are not cast members (for this session).
    dismissed: HashSet<String>,
}

impl CastPanel {
    /// Opens the import dialog on a cast file (dropped on the window).
    pub(super) fn import_file(&mut self, path: std::path::PathBuf) {
        self.import = Some(CastImportDialog::for_file(path));
    }

    /// Draws the panel.
    pub fn ui(&mut self, ui: &mut Ui, cx: &PanelContext, edits: &mut Edits) {
        let review = cx.review;
        if let Some(dialog) = &mut self.import
            && !dialog.show(ui.ctx(), review, cx.revision, edits)
        {
            self.import = None;
        }
        ui.horizontal(|ui| {
            ui.add_space(8.0);
            for (list, label) in [
                (CastList::People, "People"),
                (CastList::Agencies, "Agencies"),
                (CastList::Places, "Places"),
                (CastList::Suggestions, "Suggestions from the chronology"),
            ] {
                if ui.selectable_label(self.list == list, label).clicked() {
                    self.list = list;
                }
            }
            ui.add_space(16.0);
            if ui
                .button("Import cast CSV…")
                .on_hover_text(
                    "Add people, agencies and places from a CSV file, with a preview first.",
                )
                .clicked()
            {
                self.import = Some(CastImportDialog::default());
            }
        });
        ui.separator();
        match self.list {
            CastList::Suggestions => self.suggestions_ui(ui, cx, edits),
            CastList::People => list_and_form(
                ui,
                "people",
                &mut (&mut self.person, edits),
                |ui, (selected, edits)| {
                    if list_header(ui, "People in the case", "Add person") {
                        let id = review.next_id(RecordKind::Person);
                        let person = Person {
                            id: id.clone(),
                            ..Default::default()
                        };
                        edits.apply(add("Add person", Record::Person(person)));
                        crate::ui::forms::focus_soon(ui.ctx(), id.as_str(), "Name");
                        **selected = Some(id);
                    }
                    let rows: Vec<(Id, String)> = review
                        .people
                        .iter()
                        .map(|p| (p.id.clone(), person_row(p)))
                        .collect();
                    record_list(ui, "people-rows", &rows, selected, f32::INFINITY);
                },
                |ui, (selected, edits)| match selected
                    .as_ref()
                    .and_then(|id| review.people.iter().find(|p| &p.id == id))
                {
                    Some(person) => person_form(ui, review, person, edits),
                    None => nothing_selected(ui, "a person"),
                },
            ),
            CastList::Agencies => list_and_form(
                ui,
                "agencies",
                &mut (&mut self.agency, edits),
                |ui, (selected, edits)| {
                    if list_header(ui, "Agencies involved", "Add agency") {
                        let id = review.next_id(RecordKind::Agency);
                        let agency = Agency {
                            id: id.clone(),
                            ..Default::default()
                        };
                        edits.apply(add("Add agency", Record::Agency(agency)));
                        crate::ui::forms::focus_soon(ui.ctx(), id.as_str(), "Name");
                        **selected = Some(id);
                    }
                    let rows: Vec<(Id, String)> = review
                        .agencies
                        .iter()
                        .map(|a| (a.id.clone(), or_untitled(&a.name, "name")))
                        .collect();
                    record_list(ui, "agency-rows", &rows, selected, f32::INFINITY);
                },
                |ui, (selected, edits)| match selected
                    .as_ref()
                    .and_then(|id| review.agencies.iter().find(|a| &a.id == id))
                {
                    Some(agency) => agency_form(ui, review, agency, edits),
                    None => nothing_selected(ui, "an agency"),
                },
            ),
            CastList::Places => list_and_form(
                ui,
                "places",
                &mut (&mut self.place, edits),
                |ui, (selected, edits)| {
                    if list_header(ui, "Identifying places", "Add place") {
                        let id = review.next_id(RecordKind::Place);
                        let place = Place {
                            id: id.clone(),
                            ..Default::default()
                        };
                        edits.apply(add("Add place", Record::Place(place)));
                        crate::ui::forms::focus_soon(ui.ctx(), id.as_str(), "Name or address");
                        **selected = Some(id);
                    }
                    let rows: Vec<(Id, String)> = review
                        .places
                        .iter()
                        .map(|p| (p.id.clone(), or_untitled(&p.name, "name")))
                        .collect();
                    record_list(ui, "place-rows", &rows, selected, f32::INFINITY);
                },
                |ui, (selected, edits)| match selected
                    .as_ref()
                    .and_then(|id| review.places.iter().find(|p| &p.id == id))
                {
                    Some(place) => place_form(ui, review, place, edits),
                    None => nothing_selected(ui, "a place"),
                },
            ),
        }
    }
}

impl CastPanel {
    /// Names in the chronology that are not in the cast, with ways to add
    /// them as a person or as another name of someone in the cast.
    fn suggestions_ui(&mut self, ui: &mut Ui, cx: &PanelContext, edits: &mut Edits) {
        let review = cx.review;
        if self
            .suggestions
            .as_ref()
            .is_none_or(|(at, _)| *at != cx.revision)
        {
            self.suggestions = Some((cx.revision, suggest_cast(review)));
        }
        let Some((_, suggestions)) = &self.suggestions else {
            return;
        };
        ui.heading("Names in the chronology that are not in the cast");
        ui.weak(
            "Names (\"Dean Kilbryde\", \"Dr Patel\", \"Kayden\") that no person, agency or place \
             is called; capitalised ordinary words, services and roles are not offered. Add each \
             as a person, as another name of someone in the cast, or set it aside.",
        );
        ui.add_space(6.0);
        let shown: Vec<&CastSuggestion> = suggestions
            .iter()
            .filter(|s| !self.dismissed.contains(&s.name))
            .collect();
        if shown.is_empty() {
            ui.weak("None: every name the chronology mentions is in the cast.");
            return;
        }
        let mut dismiss = None;
        ScrollArea::vertical()
            .id_salt("cast-suggestions")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for suggestion in shown.iter().take(200) {
                    ui.push_id(&suggestion.name, |ui| {
                        ui.horizontal(|ui| {
                            let mentions = format!(
                                "{} — {} mention{}",
                                suggestion.name,
                                suggestion.mentions,
                                if suggestion.mentions == 1 { "" } else { "s" }
                            );
                            let examples: Vec<String> = suggestion
                                .entries
                                .iter()
                                .take(3)
                                .filter_map(|id| review.chronology.iter().find(|e| &e.id == id))
                                .map(|e| format!("{}: {}", e.date.human(), short(&e.text, 120)))
                                .collect();
                            ui.label(RichText::new(mentions).strong())
                                .on_hover_text(examples.join("\n\n"));
                            if ui
                                .button("Add as person")
                                .accessible_name(format!("Add {} as a person", suggestion.name))
                                .clicked()
                            {
                                let person = Person {
                                    id: review.next_id(RecordKind::Person),
                                    name: suggestion.name.clone(),
                                    notes: format!(
                                        "Suggested from the chronology ({} mention{}).",
                                        suggestion.mentions,
                                        if suggestion.mentions == 1 { "" } else { "s" }
                                    ),
                                    ..Default::default()
                                };
                                self.person = Some(person.id.clone());
                                edits.apply(add("Add person from the chronology", Record::Person(person)));
                            }
                            ui.menu_button("Add as another name of…", |ui| {
                                ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
                                    for person in &review.people {
                                        if ui.button(person_row(person)).clicked() {
                                            edits.apply(put("Add alias", person, Record::Person, |p| {
                                                p.aliases.push(suggestion.name.clone())
                                            }));
                                            ui.close();
                                        }
                                    }
                                });
                            })
                            .response
                            .on_hover_text("The name is another spelling or form of someone already in the cast.");
                            if ui
                                .button("Not a person")
                                .accessible_name(format!("Set {} aside", suggestion.name))
                                .clicked()
                            {
                                dismiss = Some(suggestion.name.clone());
                            }
                        });
                    });
                }
            });
        if let Some(name) = dismiss {
            self.dismissed.insert(name);
        }
    }
}

/// "Jane Smith (Child A)".
fn person_row(person: &Person) -> String {
    let name = or_untitled(&person.name, "name");
    if person.pseudonym.trim().is_empty() {
        name
    } else {
        format!("{name} ({})", person.pseudonym.trim())
    }
}
