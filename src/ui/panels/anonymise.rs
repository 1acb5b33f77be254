//! The Anonymisation panel: the original and anonymised text of any record
//! side by side, each replacement highlighted, a one-click decision per
//! occurrence (kept as an override in the review's anonymisation settings,
//! one undoable edit), the date policy and allow-list, each person's
//! sensitive attributes with a publish or withhold decision, and every
//! residual suspect (what looks like a name, a place or a number but is
//! in no cast entry: replaced by a placeholder unless kept, one click
//! either way).

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use eframe::egui::{self, Color32, RichText, TextFormat, Ui, text::LayoutJob};

use super::{PanelContext, add, list_and_form, or_untitled, put, record_list, set_meta};
use crate::anonymise::fields::META;
use crate::anonymise::residual::SuspectKind;
use crate::anonymise::{Found, Occurrence, Suspect, spelling};
use crate::edit::Change;
use crate::model::{
    DatePolicy, Disclosure, Id, OverrideAction, Person, PersonKind, Record, RecordKind, Review,
    SensitiveAttribute,
};
use crate::publication::Publication;
use crate::ui::edits::Edits;
use crate::ui::forms::{Choice, Form, choice_box};
use std::sync::Arc;

/// Which records the list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Show {
    /// Every record where something was found, and every person.
    #[default]
    All,
    /// Records with occurrences waiting for a decision.
    Flagged,
}

struct Cache {
    revision: (u64, u64),
    /// What will be published, shared with the other panels.
    publication: Arc<Publication>,
    /// The residual suspects anonymisation replaced (or the reviewer kept).
    residual: Vec<Occurrence>,
    /// The list's rows for each filter, made once per revision.
    rows: Vec<(Show, Vec<(Id, String)>)>,
    /// Occurrences replaced and waiting for a decision, counted once.
    replaced: usize,
    flagged: usize,
    /// The occurrences of the record shown, read from the report once.
    shown: RefCell<Option<(Id, Rc<[Occurrence]>)>>,
    /// The cast member each possible name shown is spelt like, worked out
    /// when its row is first drawn rather than on every frame.
    spellings: Spellings,
}

/// The cast member a possible name is spelt like, by the name's words.
type Spellings = RefCell<HashMap<String, Option<(Id, String)>>>;

impl Cache {
    /// The occurrences of a record, read from the report when it is first
    /// shown rather than on every frame.
    fn occurrences_of(&self, id: &Id) -> Rc<[Occurrence]> {
        let mut shown = self.shown.borrow_mut();
        if let Some((shown_id, occurrences)) = &*shown
            && shown_id == id
        {
            return occurrences.clone();
        }
        let occurrences: Rc<[Occurrence]> = self.publication.anonymisation.of_record(id).collect();
        *shown = Some((id.clone(), occurrences.clone()));
        occurrences
    }
}

/// View state of the Anonymisation panel.
#[derive(Default)]
pub struct AnonymisePanel {
    selected: Option<Id>,
    show: Show,
    cache: Option<Cache>,
    /// A person a residual suspect names, being added to the cast.
    adding: Option<NewPerson>,
}

/// The form that adds a residual suspect's person to the cast.
#[derive(Debug, Clone, Default)]
struct NewPerson {
    name: String,
    role: String,
    pseudonym: String,
}

const DATE_POLICIES: [(DatePolicy, &str); 3] = [
    (DatePolicy::MonthYear, "Month and year (\"April 2021\")"),
    (
        DatePolicy::ChildAge,
        "The child's age (\"when Child A was 14 months old\")",
    ),
    (
        DatePolicy::MonthsSinceStart,
        "Month of the period under review (\"month 4\")",
    ),
];

const DISCLOSURES: [(Disclosure, &str); 3] = [
    (Disclosure::Undecided, "Not decided (withheld)"),
    (Disclosure::Publish, "Publish"),
    (Disclosure::Withhold, "Withhold"),
];

/// The change that records (or, with `None`, removes) the reviewer's
/// decision on one occurrence.
pub fn decide(review: &Review, occurrence: &Occurrence, action: Option<OverrideAction>) -> Change {
    let words = occurrence
        .original
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let label = match action {
        Some(OverrideAction::Keep) => format!("Keep \"{words}\" in {}", occurrence.record),
        Some(OverrideAction::Replace) => format!("Replace \"{words}\" in {}", occurrence.record),
        None => format!("Undo the decision on \"{words}\" in {}", occurrence.record),
    };
    set_meta(&review.meta, &label, |meta| {
        let overrides = &mut meta.anonymisation.overrides;
        overrides.retain(|o| !occurrence.is_decided_by(o));
        if let Some(action) = action {
            overrides.push(occurrence.override_with(action));
        }
    })
}

impl AnonymisePanel {
    fn refresh(&mut self, cx: &PanelContext) {
        let (revision, publication) = cx.shown_publication();
        if self.cache.as_ref().is_some_and(|c| c.revision == revision) {
            return;
        }
        let report = &publication.anonymisation;
        let mut cache = Cache {
            revision,
            residual: report.suspects().collect(),
            replaced: report.replaced_count(),
            flagged: report.flagged_count(),
            publication,
            rows: Vec::new(),
            shown: RefCell::default(),
            spellings: RefCell::default(),
        };
        cache.rows = [Show::All, Show::Flagged]
            .into_iter()
            .map(|show| (show, rows(cx.review, &cache, show)))
            .collect();
        self.cache = Some(cache);
    }

    /// Draws the panel.
    pub fn ui(&mut self, ui: &mut Ui, cx: &PanelContext, edits: &mut Edits) {
        self.refresh(cx);
        let Some(cache) = &self.cache else {
            return;
        };
        let review = cx.review;
        let report = &cache.publication.anonymisation;
        let rows = cache
            .rows
            .iter()
            .find(|(show, _)| *show == self.show)
            .map(|(_, rows)| rows.as_slice())
            .unwrap_or_default();
        let (replaced, flagged) = (cache.replaced, cache.flagged);
        let mut state = (&mut self.selected, &mut self.show, edits, &mut self.adding);
        list_and_form(
            ui,
            "anonymise",
            &mut state,
            |ui, (selected, show, edits, adding)| {
                ui.add_space(4.0);
                ui.heading("Anonymisation");
                let suspects = cache.residual.len() + cache.publication.suspects.len();
                ui.label(format!(
                    "{replaced} replaced, {flagged} waiting for a decision, {} residual suspect{}, {} attribute{} undecided",
                    suspects,
                    if suspects == 1 { "" } else { "s" },
                    report.undecided.len(),
                    if report.undecided.len() == 1 { "" } else { "s" },
                ));
                ui.add_space(4.0);
                let policy = review.meta.anonymisation.date_policy;
                if let Some(p) =
                    choice_box(ui, "Date policy", &policy, &Choice::list(&DATE_POLICIES))
                    && p != policy
                {
                    edits.apply(set_meta(&review.meta, "Change the date policy", |m| {
                        m.anonymisation.date_policy = p
                    }));
                }
                super::sensitive::sensitive_policy(ui, &review.meta, edits);
                let mut form = Form::new(edits, META);
                form.names(
                    ui,
                    "Allowed words (never treated as names)",
                    &review.meta.anonymisation.allow,
                    |v| {
                        set_meta(&review.meta, "Edit the allow-list", |m| {
                            m.anonymisation.allow = v
                        })
                    },
                );
                residual_list(ui, review, cache, edits, adding);
                ui.horizontal(|ui| {
                    ui.selectable_value(*show, Show::All, "All records");
                    ui.selectable_value(*show, Show::Flagged, "Waiting for a decision");
                });
                record_list(ui, "anonymise-rows", rows, selected, f32::INFINITY);
            },
            |ui, (selected, _, edits, _)| match selected.as_ref() {
                Some(id) => record_view(ui, review, cache, id, edits),
                None => {
                    ui.add_space(24.0);
                    ui.weak("Select a record on the left to see its original and anonymised text side by side.");
                }
            },
        );
    }
}

/// Every residual suspect of the review, each with a one-click keep (or,
/// once kept, replace); a possible name also with "Another name of…" the
/// cast member it is spelt like, and "Add to cast…", which opens a small
/// form for the person's role and pseudonym.
fn residual_list(
    ui: &mut Ui,
    review: &Review,
    cache: &Cache,
    edits: &mut Edits,
    adding: &mut Option<NewPerson>,
) {
    let residual = &cache.residual;
    if residual.is_empty() {
        return;
    }
    new_person_form(ui, review, edits, adding);
    egui::CollapsingHeader::new(format!(
        "Residual suspects ({}): not in the cast, replaced by a placeholder unless kept",
        residual.len()
    ))
    .id_salt("residual-suspects")
    .default_open(true)
    .show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("residual-suspects-list")
            .max_height(220.0)
            .show(ui, |ui| {
                for o in residual {
                    let words = o.original.split_whitespace().collect::<Vec<_>>().join(" ");
                    let place = format!("{} {}", o.record, o.field);
                    ui.horizontal_wrapped(|ui| {
                        let state = if o.replaced {
                            format!("replaced with \"{}\"", o.replacement)
                        } else {
                            "kept by you".to_string()
                        };
                        ui.label(format!(
                            "{} \"{words}\" in {place}: {state}",
                            o.found.describe()
                        ));
                        if o.replaced {
                            if ui
                                .button(format!("Keep \"{words}\" ({place})"))
                                .on_hover_text("It is not identifying: leave the original text")
                                .clicked()
                            {
                                edits.apply(decide(review, o, Some(OverrideAction::Keep)));
                            }
                        } else if ui
                            .button(format!("Replace \"{words}\" ({place})"))
                            .on_hover_text("It is identifying: replace it with the placeholder")
                            .clicked()
                        {
                            edits.apply(decide(review, o, None));
                        }
                        if o.replaced && o.found == Found::Suspect(SuspectKind::Name) {
                            name_actions(
                                ui,
                                review,
                                &cache.spellings,
                                &words,
                                &place,
                                edits,
                                adding,
                            );
                        }
                    });
                }
            });
    });
}

/// The buttons that make a possible name a cast name: another spelling
/// of the person it is spelt like, or a new person.
fn name_actions(
    ui: &mut Ui,
    review: &Review,
    spellings: &Spellings,
    words: &str,
    place: &str,
    edits: &mut Edits,
    adding: &mut Option<NewPerson>,
) {
    let like = spellings
        .borrow_mut()
        .entry(words.to_string())
        .or_insert_with(|| {
            spelling::spelt_like(review, words).map(|(id, part)| (id.clone(), part.to_string()))
        })
        .clone();
    if let Some((id, part)) = &like
        && let Some(person) = review.people.iter().find(|p| &p.id == id)
    {
        let shown = match person.pseudonym.trim() {
            "" => person.id.to_string(),
            pseudonym => pseudonym.to_string(),
        };
        if ui
            .button(format!("Another name of {shown} ({id}): \"{words}\""))
            .on_hover_text(format!(
                "Spelt like {id}'s name \"{part}\": add \"{words}\" to their other names, so it is replaced by their pseudonym"
            ))
            .clicked()
        {
            let name = words.to_string();
            edits.apply(put(
                &format!("Add \"{words}\" to the names of {id}"),
                person,
                Record::Person,
                move |p| p.aliases.push(name),
            ));
        }
    }
    if ui
        .button(format!("Add \"{words}\" to the cast ({place})"))
        .on_hover_text(
            "Someone in the case: add them to the cast with a role and pseudonym, so the report names them by role",
        )
        .clicked()
    {
        *adding = Some(NewPerson {
            name: words.to_string(),
            ..Default::default()
        });
    }
}

/// The form for a person being added from a residual suspect.
fn new_person_form(
    ui: &mut Ui,
    review: &Review,
    edits: &mut Edits,
    adding: &mut Option<NewPerson>,
) {
    let Some(new) = adding.as_mut() else {
        return;
    };
    let mut close = false;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(RichText::new(format!("Add \"{}\" to the cast", new.name)).strong());
        ui.horizontal(|ui| {
            let label = ui.label("Role");
            ui.add(
                egui::TextEdit::singleline(&mut new.role)
                    .hint_text("nursery key worker")
                    .id_salt("new-person-role"),
            )
            .labelled_by(label.id);
        });
        ui.horizontal(|ui| {
            let label = ui.label("Pseudonym");
            ui.add(
                egui::TextEdit::singleline(&mut new.pseudonym)
                    .hint_text("the role when empty")
                    .id_salt("new-person-pseudonym"),
            )
            .labelled_by(label.id);
        });
        ui.horizontal(|ui| {
            let ready = !new.role.trim().is_empty();
            if ui
                .add_enabled(ready, egui::Button::new("Add to cast"))
                .on_disabled_hover_text("Give a role first")
                .clicked()
            {
                let role = new.role.trim().to_string();
                let pseudonym = match new.pseudonym.trim() {
                    "" => role.clone(),
                    p => p.to_string(),
                };
                let person = Person {
                    id: review.next_id(RecordKind::Person),
                    name: new.name.clone(),
                    role,
                    pseudonym,
                    kind: PersonKind::Practitioner,
                    notes: "Added from a residual suspect of anonymisation.".to_string(),
                    ..Default::default()
                };
                edits.apply(add(
                    &format!("Add \"{}\" to the cast", new.name),
                    Record::Person(person),
                ));
                close = true;
            }
            if ui.button("Cancel").clicked() {
                close = true;
            }
        });
    });
    if close {
        *adding = None;
    }
}

/// The rows of the list: records with findings (and every person), with
/// counts.
fn rows(review: &Review, cache: &Cache, show: Show) -> Vec<(Id, String)> {
    let mut ids: Vec<Id> = Vec::new();
    let mut listed: HashSet<&Id> = HashSet::new();
    let by_record = cache.publication.anonymisation.counts_by_record();
    let mut counts: HashMap<&Id, (usize, usize)> = HashMap::new();
    for c in &by_record {
        counts.insert(&c.record, (c.replaced, c.flagged));
        if (show == Show::All || c.flagged > 0) && listed.insert(&c.record) {
            ids.push(c.record.clone());
        }
    }
    if show == Show::All {
        for p in &review.people {
            if listed.insert(&p.id) {
                ids.push(p.id.clone());
            }
        }
    }
    ids.into_iter()
        .map(|id| {
            let (replaced, flagged) = counts.get(&id).copied().unwrap_or_default();
            let title = if id.as_str() == META {
                "Review details".to_string()
            } else {
                or_untitled(&review.title_of(&id), "title")
            };
            let counts = if flagged > 0 {
                format!("{replaced} replaced, {flagged} to decide")
            } else {
                format!("{replaced} replaced")
            };
            let row = format!("{counts}  {title}");
            (id, row)
        })
        .collect()
}

fn colours(ui: &Ui) -> (Color32, Color32, Color32) {
    if ui.visuals().dark_mode {
        (
            Color32::from_rgb(40, 90, 50),
            Color32::from_rgb(110, 80, 20),
            Color32::from_rgb(50, 60, 90),
        )
    } else {
        (
            Color32::from_rgb(200, 235, 200),
            Color32::from_rgb(255, 220, 150),
            Color32::from_rgb(210, 220, 245),
        )
    }
}

/// The original text with its occurrences highlighted, and the anonymised
/// text with its replacements highlighted.
fn highlighted(ui: &Ui, text: &str, occurrences: &[&Occurrence]) -> (LayoutJob, LayoutJob) {
    let (replaced_bg, flagged_bg, kept_bg) = colours(ui);
    let font = egui::TextStyle::Body.resolve(ui.style());
    let plain = TextFormat {
        font_id: font.clone(),
        color: ui.visuals().text_color(),
        ..Default::default()
    };
    let marked = |bg: Color32| TextFormat {
        background: bg,
        ..plain.clone()
    };
    let mut before = LayoutJob::default();
    let mut after = LayoutJob::default();
    let mut copied = 0;
    for o in occurrences {
        // Positions are those of the text as anonymised, which differ from
        // the text as given only inside a right-to-left override: such an
        // occurrence is not highlighted rather than cut mid-character.
        if o.range.start < copied
            || text.get(copied..o.range.start).is_none()
            || text.get(o.range.clone()).is_none()
        {
            continue;
        }
        before.append(&text[copied..o.range.start], 0.0, plain.clone());
        after.append(&text[copied..o.range.start], 0.0, plain.clone());
        let bg = if o.flagged {
            flagged_bg
        } else if o.replaced {
            replaced_bg
        } else {
            kept_bg
        };
        before.append(&text[o.range.clone()], 0.0, marked(bg));
        if o.replaced {
            after.append(&o.replacement, 0.0, marked(bg));
        } else {
            after.append(&text[o.range.clone()], 0.0, marked(bg));
        }
        copied = o.range.end;
    }
    before.append(&text[copied..], 0.0, plain.clone());
    after.append(&text[copied..], 0.0, plain);
    (before, after)
}

fn record_view(ui: &mut Ui, review: &Review, cache: &Cache, id: &Id, edits: &mut Edits) {
    ui.push_id(id.as_str(), |ui| {
        let title = if id.as_str() == META {
            "Review details".to_string()
        } else {
            or_untitled(&review.title_of(id), "title")
        };
        let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
        ui.heading(format!("{id}  {}", crate::ui::forms::short(&title, 80)));
        let occurrences = cache.occurrences_of(id);
        let mut fields: Vec<&str> = Vec::new();
        for o in occurrences.iter() {
            if !fields.contains(&o.field.as_str()) {
                fields.push(&o.field);
            }
        }
        let (replaced_bg, flagged_bg, kept_bg) = colours(ui);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(" replaced ").background_color(replaced_bg));
            ui.label(RichText::new(" replaced to be safe: decide ").background_color(flagged_bg));
            ui.label(RichText::new(" kept ").background_color(kept_bg));
        });
        for field in fields {
            let Some(text) = crate::anonymise::fields::field_text(review, id, field) else {
                continue;
            };
            let in_field: Vec<&Occurrence> =
                occurrences.iter().filter(|o| o.field == field).collect();
            ui.add_space(8.0);
            ui.label(RichText::new(field).strong());
            let (before, after) = highlighted(ui, &text, &in_field);
            ui.columns(2, |columns| {
                for (column, (caption, job)) in columns
                    .iter_mut()
                    .zip([("Original", before), ("Anonymised", after)])
                {
                    column.with_layout(egui::Layout::top_down(egui::Align::LEFT), |ui| {
                        ui.label(RichText::new(caption).weak());
                        ui.label(job);
                    });
                }
            });
            for (n, o) in in_field.iter().enumerate() {
                occurrence_row(ui, review, o, n + 1, edits);
            }
        }
        if let Some(person) = review.people.iter().find(|p| &p.id == id) {
            attributes_form(ui, person, edits);
        }
        let suspects: Vec<&Suspect> = cache
            .publication
            .suspects
            .iter()
            .filter(|s| &s.record == id)
            .collect();
        if !suspects.is_empty() {
            ui.add_space(8.0);
            ui.label(
                RichText::new("Residual suspects: add them to the cast, or allow them").strong(),
            );
            for s in suspects {
                ui.label(format!(
                    "• {} \"{}\" ({}): {}",
                    s.kind.label(),
                    s.text,
                    s.field,
                    s.context
                ));
            }
        }
        if occurrences.is_empty() && review.people.iter().all(|p| &p.id != id) {
            ui.weak("Nothing identifying was found in this record.");
        }
    });
}

fn occurrence_row(ui: &mut Ui, review: &Review, o: &Occurrence, n: usize, edits: &mut Edits) {
    let words = o.original.split_whitespace().collect::<Vec<_>>().join(" ");
    ui.horizontal_wrapped(|ui| {
        let state = match (o.overridden, o.replaced, o.flagged) {
            (Some(OverrideAction::Keep), _, _) => "kept by you".to_string(),
            (Some(OverrideAction::Replace), _, _) => {
                format!("replaced by you with \"{}\"", o.replacement)
            }
            (None, true, true) => format!("replaced with \"{}\" to be safe", o.replacement),
            (None, true, false) => format!("replaced with \"{}\"", o.replacement),
            (None, false, _) => "kept".to_string(),
        };
        ui.label(format!(
            "\"{words}\": {} ({}), {state}.",
            o.found.describe(),
            o.reason
        ));
        let field = &o.field;
        if o.overridden.is_some() {
            if ui
                .button(format!("Undo decision on \"{words}\" ({field} {n})"))
                .clicked()
            {
                edits.apply(decide(review, o, None));
            }
        } else if o.replaced {
            if ui
                .button(format!("Keep \"{words}\" ({field} {n})"))
                .on_hover_text("It is not identifying here: leave the original text")
                .clicked()
            {
                edits.apply(decide(review, o, Some(OverrideAction::Keep)));
            }
        } else if ui
            .button(format!("Replace \"{words}\" ({field} {n})"))
            .on_hover_text("It is a name here: replace it")
            .clicked()
        {
            edits.apply(decide(review, o, Some(OverrideAction::Replace)));
        }
    });
}

fn attributes_form(ui: &mut Ui, person: &Person, edits: &mut Edits) {
    ui.add_space(12.0);
    ui.label(
        RichText::new("Sensitive attributes: publish or withhold each, with a reason").strong(),
    );
    let mut form = Form::new(edits, format!("{}/attributes", person.id));
    for (i, (name, attribute)) in person.attributes.all().into_iter().enumerate() {
        ui.push_id(i, |ui| {
            let cap = {
                let mut c = name.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect::<String>())
                    .unwrap_or_default()
            };
            let edit = |label: &str, f: &dyn Fn(&mut SensitiveAttribute)| {
                let label = label.to_string();
                let mut copy = person.clone();
                if let Some((_, a)) = copy
                    .attributes
                    .all_mut()
                    .into_iter()
                    .find(|(n, _)| *n == name)
                {
                    f(a);
                }
                put(&label, &copy, Record::Person, |_| {})
            };
            form.text(
                ui,
                &format!("{cap} of {}", person.id),
                &attribute.value,
                |v| edit(&format!("Edit {name}"), &|a| a.value = v.clone()),
            );
            form.choice(
                ui,
                &format!("Publish the {name} of {}?", person.id),
                &attribute.disclosure,
                &Choice::list(&DISCLOSURES),
                |d| edit(&format!("Decide on the {name}"), &|a| a.disclosure = d),
            );
            form.text(
                ui,
                &format!("Why ({name} of {})", person.id),
                &attribute.reason,
                |v| {
                    edit(&format!("Edit the reason for the {name}"), &|a| {
                        a.reason = v.clone()
                    })
                },
            );
        });
    }
}
