//! Form helpers shared by the panels: labelled text fields, choices, dates,
//! lists of strings and pickers of linked records.
//!
//! Every input is tied to a visible label (or given an accessible name), so
//! that screen readers and tests can reach it by name. Fields never change
//! the review: they push edit commands onto [`Edits`]. Typing pushes merging
//! edits keyed `"<record>/<field>"`, and leaving a field seals the step, so
//! typing a sentence into one field is one undo step.

mod field_lint;
mod pickers;

use field_lint::FieldLint;
pub use pickers::{choice_box, record_picker, short};

use std::sync::Arc;

use chrono::NaiveDate;
use eframe::egui::containers::menu::{MenuButton, MenuConfig};
use eframe::egui::text::{LayoutJob, TextFormat};
use eframe::egui::{
    self, Button, Color32, ComboBox, PopupCloseBehavior, Response, RichText, ScrollArea, Stroke,
    TextBuffer, TextEdit, TextStyle, Ui,
};

use super::edits::Edits;
use crate::analysis::language::{Context as LintContext, Hit, Lexicon, Severity};
use crate::edit::Change;
use crate::model::{Id, Review, ReviewDate};

/// Vertical space after each field.
const FIELD_GAP: f32 = 8.0;

/// The most matches a record picker lists at once.
const PICKER_LIMIT: usize = 200;

/// One option of a choice field.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice<T> {
    /// The value chosen.
    pub value: T,
    /// What the user sees.
    pub label: String,
    /// A description shown on hover (may be empty).
    pub hover: String,
}

impl<T: Clone> Choice<T> {
    /// Options from a table of values and labels, without descriptions.
    pub fn list(table: &[(T, &str)]) -> Vec<Choice<T>> {
        table
            .iter()
            .map(|(value, label)| Choice {
                value: value.clone(),
                label: (*label).to_string(),
                hover: String::new(),
            })
            .collect()
    }
}

/// What the user did in a record picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pick {
    /// Added this record.
    Add(Id),
    /// Removed this record.
    Remove(Id),
    /// Moved the record at this position one place up.
    Up(usize),
    /// Moved the record at this position one place down.
    Down(usize),
}

impl Pick {
    /// The list after this pick.
    pub fn applied_to(&self, list: &[Id]) -> Vec<Id> {
        let mut list = list.to_vec();
        match self {
            Pick::Add(id) => {
                if !list.contains(id) {
                    list.push(id.clone());
                }
            }
            Pick::Remove(id) => list.retain(|x| x != id),
            Pick::Up(i) if *i > 0 && *i < list.len() => list.swap(*i, *i - 1),
            Pick::Down(i) if *i + 1 < list.len() => list.swap(*i, *i + 1),
            Pick::Up(_) | Pick::Down(_) => {}
        }
        list
    }
}

/// A text that is being typed into a parsed field and does not (yet) stand
/// for the stored value: kept in egui's memory between frames.
#[derive(Clone)]
struct Draft<T> {
    text: String,
    /// The stored value when the draft was last written; a different stored
    /// value (undo, another record) discards the draft.
    base: T,
}

/// Where the field to focus next is kept: "<record>/<label>".
fn focus_key() -> egui::Id {
    egui::Id::unique("foresight-focus-field")
}

/// Gives the keyboard focus to the field `label` of the record `record`
/// when it is next drawn: a record just added gets its title focused, so
/// the reviewer can type at once.
pub fn focus_soon(ctx: &egui::Context, record: &str, label: &str) {
    ctx.data_mut(|d| d.insert_temp(focus_key(), format!("{record}/{label}")));
}

/// A caption above a field.
pub fn caption(ui: &mut Ui, text: &str) -> Response {
    ui.label(RichText::new(text).strong())
}

/// A red message under a field.
pub fn error_note(ui: &mut Ui, text: &str) {
    let colour = ui.visuals().error_fg_color;
    ui.label(RichText::new(text).color(colour));
}

/// A form over one record (or the review's details). `key` names the record
/// in merge keys, e.g. `F3` or `meta`.
pub struct Form<'e> {
    edits: &'e mut Edits,
    key: String,
    /// Phrases the reviewer accepted in this record, when the form's text
    /// fields are linted for hindsight and blame language.
    lint: Option<Arc<Vec<String>>>,
    /// How the next text fields are read by the lint; `None` for fields
    /// it does not read.
    lint_context: Option<LintContext>,
}

impl<'e> Form<'e> {
    /// A form whose edits go to `edits`.
    pub fn new(edits: &'e mut Edits, key: impl Into<String>) -> Form<'e> {
        Form {
            edits,
            key: key.into(),
            lint: None,
            lint_context: Some(LintContext::Narrative),
        }
    }

    /// Lints the form's text fields for hindsight and blame language as
    /// the reviewer types: phrases are underlined, the reframe question
    /// shows on hover and under the field. `accepted` are the phrases the
    /// reviewer accepted in this record (their keys, see
    /// [`crate::analysis::language::Hit::key`]): underlined faintly, with
    /// no prompt.
    pub fn linted(mut self, accepted: impl IntoIterator<Item = String>) -> Form<'e> {
        self.lint = Some(Arc::new(accepted.into_iter().collect()));
        self
    }

    /// Reads the next text fields as this kind of text (the review's
    /// narrative, a quotation, a question), or not at all (`None`), as the
    /// Language panel and `check` read the same fields: see
    /// [`crate::analysis::language::field_context`], which reads the schema
    /// of text fields.
    pub fn lint_as(&mut self, context: impl Into<Option<LintContext>>) {
        self.lint_context = context.into();
    }

    /// Reads the next text fields as the lint reads the field `field` of
    /// record `record` (see [`crate::analysis::language::field_context`]).
    pub fn lint_field(&mut self, review: &Review, record: &Id, field: &str) {
        self.lint_context = crate::analysis::language::field_context(review, record, field);
    }

    /// The queue, for edits a panel builds itself.
    pub fn edits(&mut self) -> &mut Edits {
        self.edits
    }

    fn field_key(&self, label: &str) -> String {
        format!("{}/{label}", self.key)
    }

    /// A single-line text field.
    pub fn text(
        &mut self,
        ui: &mut Ui,
        label: &str,
        value: &str,
        apply: impl FnOnce(String) -> Change,
    ) {
        self.text_field(ui, label, value, None, apply);
    }

    /// A multi-line text field of at least `rows` rows.
    pub fn text_multi(
        &mut self,
        ui: &mut Ui,
        label: &str,
        value: &str,
        rows: usize,
        apply: impl FnOnce(String) -> Change,
    ) {
        self.text_field(ui, label, value, Some(rows), apply);
    }

    fn text_field(
        &mut self,
        ui: &mut Ui,
        label: &str,
        value: &str,
        rows: Option<usize>,
        apply: impl FnOnce(String) -> Change,
    ) {
        let caption = caption(ui, label);
        let mut text = value.to_owned();
        let response = match self.lint.clone().zip(self.lint_context) {
            None => {
                let edit = match rows {
                    None => TextEdit::singleline(&mut text),
                    Some(rows) => TextEdit::multiline(&mut text).desired_rows(rows),
                };
                ui.add(edit.id_salt(label).desired_width(f32::INFINITY))
            }
            Some((accepted, context)) => {
                let lint = FieldLint {
                    id: ui.make_persistent_id(("lint", label)),
                    context,
                    accepted,
                    multiline: rows.is_some(),
                };
                lint.show(ui, &mut text, rows, |e| {
                    e.id_salt(label).desired_width(f32::INFINITY)
                })
            }
        }
        .labelled_by(caption.id);
        let key = self.field_key(label);
        if ui.data(|d| d.get_temp::<String>(focus_key())).as_deref() == Some(key.as_str()) {
            response.request_focus();
            ui.data_mut(|d| d.remove::<String>(focus_key()));
        }
        if response.changed() && text != value {
            self.edits.typing(apply(text), key);
        }
        if response.lost_focus() {
            self.edits.seal();
        }
        ui.add_space(FIELD_GAP);
    }

    /// A yes/no checkbox.
    pub fn check(
        &mut self,
        ui: &mut Ui,
        label: &str,
        value: bool,
        apply: impl FnOnce(bool) -> Change,
    ) {
        let mut checked = value;
        if ui.checkbox(&mut checked, label).changed() && checked != value {
            self.edits.apply(apply(checked));
        }
        ui.add_space(FIELD_GAP);
    }

    /// A drop-down choice. The current option's description shows on hover.
    pub fn choice<T: PartialEq + Clone>(
        &mut self,
        ui: &mut Ui,
        label: &str,
        current: &T,
        options: &[Choice<T>],
        apply: impl FnOnce(T) -> Change,
    ) {
        if let Some(value) = choice_box(ui, label, current, options)
            && value != *current
        {
            self.edits.apply(apply(value));
        }
        ui.add_space(FIELD_GAP);
    }

    /// A date at the precision the records give, typed as people write
    /// them in the UK: `31/05/2023`, `31 May 2023`, `May 2023`,
    /// `spring 2023`, `2023`, or the file form `2023-05-31`, with `c.` or
    /// `~` for "about" (see [`parse_typed_date`]). It is shown back in
    /// words (`31 May 2023`). Invalid text is shown with its error and
    /// never stored. `apply` may decline (return `None`) when the date
    /// cannot be stored yet.
    pub fn date(
        &mut self,
        ui: &mut Ui,
        label: &str,
        current: Option<ReviewDate>,
        required: bool,
        apply: impl FnOnce(Option<ReviewDate>) -> Option<Change>,
    ) {
        let parse = move |text: &str| -> Result<Option<ReviewDate>, String> {
            if text.trim().is_empty() {
                return if required {
                    Err("A date is needed.".to_string())
                } else {
                    Ok(None)
                };
            }
            parse_typed_date(text).map(Some)
        };
        let show = |d: &Option<ReviewDate>| d.map(|d| d.human()).unwrap_or_default();
        let hint = "e.g. 31/05/2023, May 2023, spring 2023, 2023; c. for about";
        let shown = self.parsed(ui, label, hint, &current, show, parse, apply);
        // While typed text stands for a date in other words, say how it is
        // read: "31/05/2023" is 31 May 2023, never 5 December.
        if let Some((Some(date), text)) = shown
            && text.trim() != date.human()
        {
            ui.weak(date.human());
        }
        ui.add_space(FIELD_GAP);
    }

    /// A calendar day, typed as in agency records, `05/01/2027` (day
    /// first), `5 January 2027` or `2027-01-05`; empty for none. Shown back
    /// as `5 January 2027`.
    pub fn day(
        &mut self,
        ui: &mut Ui,
        label: &str,
        current: Option<NaiveDate>,
        apply: impl FnOnce(Option<NaiveDate>) -> Change,
    ) {
        let parse = |text: &str| -> Result<Option<NaiveDate>, String> {
            let text = text.trim();
            if text.is_empty() {
                return Ok(None);
            }
            crate::dates::parse_agency_day(text)
                .map(Some)
                .map_err(|e| format!("“{text}” is not a date: {}", curly_quotes(&e.reason)))
        };
        let show = |d: &Option<NaiveDate>| d.map(crate::timetable::long_date).unwrap_or_default();
        let shown = self.parsed(
            ui,
            label,
            "e.g. 05/01/2027 or 5 January 2027",
            &current,
            show,
            parse,
            |v| Some(apply(v)),
        );
        if let Some((Some(day), text)) = shown {
            // The weekday, and how typed figures are read while they are
            // on screen.
            if text.trim() == crate::timetable::long_date(day) {
                ui.weak(day.format("%A").to_string());
            } else {
                ui.weak(day.format("%A %-d %B %Y").to_string());
            }
        }
        ui.add_space(FIELD_GAP);
    }

    /// A list of names typed as one line, separated by semicolons.
    pub fn names(
        &mut self,
        ui: &mut Ui,
        label: &str,
        current: &[String],
        apply: impl FnOnce(Vec<String>) -> Change,
    ) {
        let parse = |text: &str| -> Result<Vec<String>, String> {
            Ok(text
                .split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect())
        };
        let show = |names: &Vec<String>| names.join("; ");
        let current = current.to_vec();
        self.parsed(
            ui,
            label,
            "separate names with ;",
            &current,
            show,
            parse,
            |v| Some(apply(v)),
        );
        ui.add_space(FIELD_GAP);
    }

    /// A single-line field whose text is parsed into a value. Returns the
    /// value the text stands for when it parses, with the text.
    #[allow(clippy::too_many_arguments)]
    fn parsed<T: Clone + PartialEq + Send + Sync + 'static>(
        &mut self,
        ui: &mut Ui,
        label: &str,
        hint: &str,
        current: &T,
        show: impl Fn(&T) -> String,
        parse: impl Fn(&str) -> Result<T, String>,
        apply: impl FnOnce(T) -> Option<Change>,
    ) -> Option<(T, String)> {
        let caption = caption(ui, label);
        let draft_id = ui.make_persistent_id(("draft", label));
        let draft = ui
            .data(|d| d.get_temp::<Draft<T>>(draft_id))
            .filter(|draft| draft.base == *current);
        let mut text = draft.map_or_else(|| show(current), |d| d.text);
        let response = ui
            .add(
                TextEdit::singleline(&mut text)
                    .id_salt(label)
                    .hint_text(hint)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(caption.id);
        let parsed = parse(&text);
        let mut base = current.clone();
        if response.changed()
            && let Ok(value) = &parsed
            && value != current
            && let Some(change) = apply(value.clone())
        {
            let key = self.field_key(label);
            self.edits.typing(change, key);
            base = value.clone();
        }
        let stands_for_base = parsed.as_ref().is_ok_and(|v| *v == base);
        if response.has_focus() || !stands_for_base {
            ui.data_mut(|d| {
                d.insert_temp(
                    draft_id,
                    Draft {
                        text: text.clone(),
                        base,
                    },
                )
            });
        } else {
            ui.data_mut(|d| d.remove::<Draft<T>>(draft_id));
        }
        if response.lost_focus() {
            self.edits.seal();
        }
        match parsed {
            Ok(value) => Some((value, text)),
            Err(message) => {
                error_note(ui, &message);
                None
            }
        }
    }

    /// An editable list of short texts (terms of reference, reviewers,
    /// questions): one field per item, with Add and Remove.
    pub fn list(
        &mut self,
        ui: &mut Ui,
        label: &str,
        item: &str,
        items: &[String],
        apply: impl FnOnce(Vec<String>) -> Change,
    ) {
        caption(ui, label);
        let mut typed: Option<(Vec<String>, usize)> = None;
        let mut changed: Option<Vec<String>> = None;
        let mut sealed = false;
        ui.push_id(label, |ui| {
            for (i, text) in items.iter().enumerate() {
                ui.horizontal(|ui| {
                    let mut value = text.clone();
                    let width = (ui.available_width() - 100.0).max(120.0);
                    let response = match self.lint.clone().zip(self.lint_context) {
                        None => ui.add(
                            TextEdit::multiline(&mut value)
                                .id_salt(i)
                                .desired_rows(1)
                                .desired_width(width),
                        ),
                        Some((accepted, context)) => {
                            let lint = FieldLint {
                                id: ui.make_persistent_id(("lint", i)),
                                context,
                                accepted,
                                multiline: true,
                            };
                            ui.vertical(|ui| {
                                lint.show(ui, &mut value, Some(1), |e| {
                                    e.id_salt(i).desired_width(width)
                                })
                            })
                            .inner
                        }
                    }
                    .accessible_name(format!("{item} {}", i + 1));
                    if response.changed() && value != *text {
                        let mut list = items.to_vec();
                        list[i] = value;
                        typed = Some((list, i));
                    }
                    sealed |= response.lost_focus();
                    if ui
                        .button("Remove")
                        .accessible_name(format!("Remove {item} {}", i + 1))
                        .clicked()
                    {
                        let mut list = items.to_vec();
                        list.remove(i);
                        changed = Some(list);
                    }
                });
            }
            if ui.button(format!("Add {item}")).clicked() {
                let mut list = items.to_vec();
                list.push(String::new());
                changed = Some(list);
            }
        });
        if let Some(list) = changed {
            self.edits.apply(apply(list));
        } else if let Some((list, i)) = typed {
            let key = format!("{}/{i}", self.field_key(label));
            self.edits.typing(apply(list), key);
        }
        if sealed {
            self.edits.seal();
        }
        ui.add_space(FIELD_GAP);
    }

    /// A set of linked records stored as a list of ids (an episode's
    /// entries, a finding's loops…).
    pub fn records(
        &mut self,
        ui: &mut Ui,
        label: &str,
        item: &str,
        chosen: &[(Id, String)],
        candidates: impl FnOnce() -> Vec<(Id, String)>,
        apply: impl FnOnce(Vec<Id>) -> Change,
    ) {
        self.records_inner(ui, label, item, false, chosen, candidates, apply);
    }

    /// Like [`Form::records`], for a list whose order matters (a loop's
    /// variables): each item can be moved up or down.
    pub fn ordered_records(
        &mut self,
        ui: &mut Ui,
        label: &str,
        item: &str,
        chosen: &[(Id, String)],
        candidates: impl FnOnce() -> Vec<(Id, String)>,
        apply: impl FnOnce(Vec<Id>) -> Change,
    ) {
        self.records_inner(ui, label, item, true, chosen, candidates, apply);
    }

    #[allow(clippy::too_many_arguments)]
    fn records_inner(
        &mut self,
        ui: &mut Ui,
        label: &str,
        item: &str,
        ordered: bool,
        chosen: &[(Id, String)],
        candidates: impl FnOnce() -> Vec<(Id, String)>,
        apply: impl FnOnce(Vec<Id>) -> Change,
    ) {
        if let Some(pick) = record_picker(ui, label, item, ordered, chosen, candidates) {
            let ids: Vec<Id> = chosen.iter().map(|(id, _)| id.clone()).collect();
            self.edits.apply(apply(pick.applied_to(&ids)));
        }
        ui.add_space(FIELD_GAP);
    }
}

/// A date as a reviewer types it: day first as in the UK and in agency
/// records (`31/05/2023`, `31 May 2023`, `May 2023`, `spring 2023`,
/// `c. 2019`), or the review file's own form (`2023-05-31`, `2021-spring`,
/// `~2021`). The error says what was expected, without quoting the
/// parser's types.
pub fn parse_typed_date(text: &str) -> Result<ReviewDate, String> {
    let text = text.trim();
    if let Ok(date) = text.parse::<ReviewDate>() {
        return Ok(date);
    }
    crate::dates::parse_agency_date(text)
        .map_err(|e| format!("“{text}” is not a date: {}", curly_quotes(&e.reason)))
}

/// Text for the window: `code` quotes (written for the terminal) become
/// “ and ”.
pub fn curly_quotes(text: &str) -> String {
    let mut open = false;
    text.chars()
        .map(|c| {
            if c == '`' {
                open = !open;
                if open { '“' } else { '”' }
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_apply_to_lists() {
        let list = vec![Id::from("V1"), Id::from("V2"), Id::from("V3")];
        assert_eq!(
            Pick::Up(2).applied_to(&list),
            vec![Id::from("V1"), Id::from("V3"), Id::from("V2")]
        );
        assert_eq!(Pick::Down(2).applied_to(&list), list);
        assert_eq!(Pick::Remove(Id::from("V2")).applied_to(&list).len(), 2);
        assert_eq!(Pick::Add(Id::from("V1")).applied_to(&list), list);
    }

    #[test]
    fn typed_dates_are_read_day_first_and_shown_back_in_words() {
        let date = parse_typed_date("31/05/2023").unwrap();
        assert_eq!(date.to_string(), "2023-05-31");
        assert_eq!(date.human(), "31 May 2023");
        for typed in [
            "2023-05-31",
            "31 May 2023",
            "May 2023",
            "05/2023",
            "spring 2023",
            "2021-spring",
            "2023",
            "c. 2019",
            "~2021-04",
        ] {
            let date = parse_typed_date(typed).unwrap();
            // What is shown back reads back as the same date.
            assert_eq!(parse_typed_date(&date.human()), Ok(date), "{typed}");
        }
        assert!(parse_typed_date("31/13/2023").is_err());
        assert!(parse_typed_date("tomorrow").is_err());
    }

    #[test]
    fn short_cuts_on_characters() {
        assert_eq!(short("Zoë was seen", 5), "Zoë…");
        assert_eq!(short("ok", 5), "ok");
    }
}
