//! Form helpers shared by the panels: labelled text fields, choices, dates,
//! lists of strings and pickers of linked records.
//!
//! Every input is tied to a visible label (or given an accessible name), so
//! that screen readers and tests can reach it by name. Fields never change
//! the review: they push edit commands onto [`Edits`]. Typing pushes merging
//! edits keyed `"<record>/<field>"`, and leaving a field seals the step, so
//! typing a sentence into one field is one undo step.

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

/// The most prompts shown under one field; the Language panel lists all.
const PROMPTS_PER_FIELD: usize = 3;

/// The language lint of one text field.
struct FieldLint {
    /// Where the field's hits are cached.
    id: egui::Id,
    context: LintContext,
    /// Keys of the phrases accepted in the record.
    accepted: Arc<Vec<String>>,
    multiline: bool,
}

/// A field's text and its hits, kept between frames so that the lint runs
/// only when the text changes.
#[derive(Clone)]
struct LintCache {
    text: Arc<str>,
    context: LintContext,
    hits: Arc<Vec<Hit>>,
}

impl FieldLint {
    /// The hits in `text`, linted again only when it differs from last time.
    fn hits(&self, ui: &Ui, text: &str) -> Arc<Vec<Hit>> {
        if let Some(cache) = ui.data(|d| d.get_temp::<LintCache>(self.id))
            && &*cache.text == text
            && cache.context == self.context
        {
            return cache.hits;
        }
        let hits = Arc::new(Lexicon::shared().lint_in(text, self.context));
        let cache = LintCache {
            text: Arc::from(text),
            context: self.context,
            hits: hits.clone(),
        };
        ui.data_mut(|d| d.insert_temp(self.id, cache));
        hits
    }

    fn is_accepted(&self, hit: &Hit) -> bool {
        self.accepted.contains(&hit.key)
    }

    /// The colour of a hit's underline and prompt.
    fn colour(&self, ui: &Ui, hit: &Hit) -> Color32 {
        if self.is_accepted(hit) {
            return ui.visuals().weak_text_color();
        }
        match hit.severity {
            Severity::High => ui.visuals().error_fg_color,
            Severity::Medium => ui.visuals().warn_fg_color,
            Severity::Low => ui.visuals().weak_text_color(),
        }
    }

    /// The text laid out with its hits underlined.
    fn layout(&self, ui: &Ui, text: &str, wrap_width: f32) -> LayoutJob {
        let hits = self.hits(ui, text);
        let font_id = TextStyle::Body.resolve(ui.style());
        let line_height =
            ui.fonts_mut(|f| f.row_height(&font_id)) + ui.spacing().extra_text_line_spacing;
        let plain = TextFormat {
            font_id,
            color: ui.visuals().widgets.inactive.text_color(),
            line_height: Some(line_height),
            ..Default::default()
        };
        let mut job = LayoutJob::default();
        let mut at = 0;
        for hit in hits.iter() {
            if hit.start < at || hit.end > text.len() {
                continue;
            }
            job.append(&text[at..hit.start], 0.0, plain.clone());
            let width = if self.is_accepted(hit) { 1.0 } else { 2.0 };
            let underlined = TextFormat {
                underline: Stroke::new(width, self.colour(ui, hit)),
                ..plain.clone()
            };
            job.append(&text[hit.start..hit.end], 0.0, underlined);
            at = hit.end;
        }
        job.append(&text[at..], 0.0, plain);
        job.wrap.max_width = if self.multiline {
            wrap_width
        } else {
            f32::INFINITY
        };
        job.keep_trailing_whitespace = true;
        job
    }

    /// Shows the text field with its hits underlined, the hit under the
    /// pointer's category and reframe question on hover, and the open
    /// hits' questions under the field.
    fn show(
        &self,
        ui: &mut Ui,
        text: &mut String,
        rows: Option<usize>,
        configure: impl for<'t> FnOnce(TextEdit<'t>) -> TextEdit<'t>,
    ) -> Response {
        let mut layouter = |ui: &Ui, buf: &dyn TextBuffer, wrap_width: f32| {
            let job = self.layout(ui, buf.as_str(), wrap_width);
            ui.fonts_mut(|f| f.layout_job(job))
        };
        let edit = match rows {
            None => TextEdit::singleline(text),
            Some(rows) => TextEdit::multiline(text).desired_rows(rows),
        };
        let output = configure(edit).layouter(&mut layouter).show(ui);
        let text = output.galley.text().to_string();
        let hits = self.hits(ui, &text);
        let mut response = output.response.response;
        if response.hovered()
            && let Some(pointer) = ui.ctx().pointer_hover_pos()
        {
            let cursor = output.galley.cursor_from_pos(pointer - output.galley_pos);
            let byte = text
                .char_indices()
                .nth(cursor.index.0)
                .map_or(text.len(), |(b, _)| b);
            if let Some(hit) = hits.iter().find(|h| h.start <= byte && byte < h.end) {
                let accepted = self.is_accepted(hit);
                response = response.on_hover_ui_at_pointer(|ui| {
                    ui.set_max_width(420.0);
                    ui.label(
                        RichText::new(format!("“{}”: {}", hit.matched, hit.categories())).strong(),
                    );
                    ui.label(&hit.question);
                    if accepted {
                        ui.weak("Accepted with a reason (see the Language panel).");
                    }
                });
            }
        }
        let open: Vec<&Hit> = hits.iter().filter(|h| !self.is_accepted(h)).collect();
        for hit in open.iter().take(PROMPTS_PER_FIELD) {
            // The severity in words as well as in colour.
            let prompt = format!(
                "“{}” ({}), {}: {}",
                hit.matched,
                hit.categories(),
                hit.severity.label(),
                hit.question
            );
            ui.add(
                egui::Label::new(RichText::new(prompt).small().color(self.colour(ui, hit))).wrap(),
            );
        }
        if open.len() > PROMPTS_PER_FIELD {
            ui.label(
                RichText::new(format!(
                    "…and {} more: see the Language panel.",
                    open.len() - PROMPTS_PER_FIELD
                ))
                .small()
                .weak(),
            );
        }
        response
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

/// A drop-down choice outside a form; returns the option picked this frame.
pub fn choice_box<T: PartialEq + Clone>(
    ui: &mut Ui,
    label: &str,
    current: &T,
    options: &[Choice<T>],
) -> Option<T> {
    let caption = caption(ui, label);
    let selected = options.iter().find(|c| c.value == *current);
    let selected_text = selected.map_or("—", |c| c.label.as_str());
    let mut picked = None;
    let width = ui.available_width().min(520.0);
    let mut response = ComboBox::from_id_salt(label)
        .selected_text(selected_text)
        .width(width)
        .show_ui(ui, |ui| {
            for option in options {
                let mut item = ui.selectable_label(option.value == *current, &option.label);
                if !option.hover.is_empty() {
                    item = item.on_hover_text(&option.hover);
                }
                if item.clicked() {
                    picked = Some(option.value.clone());
                }
            }
        })
        .response
        .labelled_by(caption.id);
    if let Some(hover) = selected.map(|c| c.hover.as_str()).filter(|h| !h.is_empty()) {
        response = response.on_hover_text(hover);
    }
    let _ = response;
    picked
}

/// A list of linked records with a Remove button each (and Up/Down when
/// `ordered`), and an "Add …" menu with a filter. `candidates` is only
/// called while that menu is open, so long lists cost nothing otherwise.
pub fn record_picker(
    ui: &mut Ui,
    label: &str,
    item: &str,
    ordered: bool,
    chosen: &[(Id, String)],
    candidates: impl FnOnce() -> Vec<(Id, String)>,
) -> Option<Pick> {
    caption(ui, label);
    let mut pick = None;
    ui.push_id(label, |ui| {
        if chosen.is_empty() {
            ui.weak("None yet.");
        }
        for (i, (id, title)) in chosen.iter().enumerate() {
            ui.horizontal(|ui| {
                if ui
                    .button("Remove")
                    .accessible_name(format!("Remove {title} from {}", label.to_lowercase()))
                    .clicked()
                {
                    pick = Some(Pick::Remove(id.clone()));
                }
                if ordered {
                    if ui
                        .add_enabled(i > 0, Button::new("↑"))
                        .accessible_name(format!("Move {title} up"))
                        .clicked()
                    {
                        pick = Some(Pick::Up(i));
                    }
                    if ui
                        .add_enabled(i + 1 < chosen.len(), Button::new("↓"))
                        .accessible_name(format!("Move {title} down"))
                        .clicked()
                    {
                        pick = Some(Pick::Down(i));
                    }
                }
                ui.add(egui::Label::new(format!("{id}  {title}")).wrap());
            });
        }
        // Clicking the filter field must not close the menu.
        let config = MenuConfig::new().close_behavior(PopupCloseBehavior::CloseOnClickOutside);
        MenuButton::new(format!("Add {item}…"))
            .config(config)
            .ui(ui, |ui| {
                ui.set_min_width(380.0);
                let filter_id = ui.make_persistent_id("filter");
                let mut filter: String = ui.data(|d| d.get_temp(filter_id)).unwrap_or_default();
                let field = ui
                    .add(
                        TextEdit::singleline(&mut filter)
                            .hint_text("Type to filter")
                            .desired_width(f32::INFINITY),
                    )
                    .accessible_name(format!("Filter {item}s"));
                if ui.memory(|m| m.focused().is_none()) {
                    field.request_focus();
                }
                ui.data_mut(|d| d.insert_temp(filter_id, filter.clone()));
                let needle = filter.to_lowercase();
                let mut matches = candidates()
                    .into_iter()
                    .filter(|(id, _)| !chosen.iter().any(|(c, _)| c == id))
                    .filter(|(id, title)| {
                        needle.is_empty()
                            || title.to_lowercase().contains(&needle)
                            || id.as_str().to_lowercase().contains(&needle)
                    })
                    .peekable();
                if matches.peek().is_none() {
                    ui.weak("Nothing to add.");
                }
                let mut shown = 0;
                let mut more = 0;
                ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
                    for (id, title) in matches {
                        if shown == PICKER_LIMIT {
                            more += 1;
                            continue;
                        }
                        shown += 1;
                        let text = format!("{id}  {}", short(&title, 90));
                        if ui.add(Button::new(text).truncate()).clicked() {
                            pick = Some(Pick::Add(id.clone()));
                            ui.data_mut(|d| d.remove::<String>(filter_id));
                            ui.close();
                        }
                    }
                    if more > 0 {
                        ui.weak(format!("…and {more} more: type to narrow the list."));
                    }
                });
            });
    });
    pick
}

/// The text cut to at most `max` characters, with an ellipsis when cut.
pub fn short(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
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
