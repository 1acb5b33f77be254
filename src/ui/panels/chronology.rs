//! The Chronology panel: the multi-agency chronology as a sortable,
//! filterable table, as a timeline with a swimlane per agency, and as the
//! child's journey. Entries are selected in the table or the timeline (a
//! click selects one, Ctrl+click adds or removes one, Shift+click a range)
//! and a selection becomes a key practice episode in one step.
//!
//! Only the visible rows are drawn, and the filtered, sorted order is cached
//! until the review, the filters or the sort change, so tens of thousands of
//! entries stay smooth.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use eframe::egui::{
    self, Align2, Color32, FontId, Modifiers, Rect, ScrollArea, Sense, TextEdit, TextFormat,
    TextStyle, Ui, pos2, text::LayoutJob, vec2,
};

use super::entry_views::click_modifiers;
use super::episodes::episode_form;
use super::import_dialog::ChronologyImportDialog;
use super::journey::JourneyView;
use super::timeline::TimelineView;
use super::{PanelContext, add, delete_button, nothing_selected, put, titled};
use crate::dates::parse_agency_date;
use crate::model::{
    ChronologyEntry, DateValue, Id, PersonKind, PracticeEpisode, Record, RecordKind, Review,
    ReviewDate,
};
use crate::ui::edits::Edits;
use crate::ui::forms::{Choice, Form, caption, choice_box, error_note, short};

/// Which agency the table shows: all, entries with no agency, or one agency.
type AgencyFilter = Option<Option<Id>>;

/// Widths of the date, agency and author columns when there is room, at
/// the body text size [`DEFAULT_EM`] (they grow with the text); the
/// record's text takes the rest.
const COLUMNS: [f32; 3] = [170.0, 190.0, 150.0];

/// The body text's row height the default column widths are for.
const DEFAULT_EM: f32 = 19.0;

/// Lines of text a table row shows; longer text ends in "…", and the
/// whole entry shows on hover and in the form.
const ROW_LINES: usize = 3;

/// Width of the bar that marks same-day entries of different agencies.
const GROUP_BAR: f32 = 5.0;

/// The views of the panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum View {
    #[default]
    Table,
    Timeline,
    Journey,
}

/// The column the table is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
enum SortColumn {
    #[default]
    Date,
    Agency,
    Author,
    Text,
}

/// The table's filters.
#[derive(Debug, Clone, PartialEq, Default)]
struct Filters {
    text: String,
    agency: AgencyFilter,
    person: Option<Id>,
    from: String,
    to: String,
}

/// Where a row stands in a run of same-day entries of different agencies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum GroupMark {
    Alone,
    First,
    Middle,
    Last,
}

/// What the form on the right shows.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Side {
    Entry(Id),
    Episode(Id),
}

/// The rows shown, in order, for one state of the review, filters and sort.
pub(super) struct RowCache {
    key: ((u64, u64), Filters, SortColumn, bool),
    /// Indices into the review's chronology, in display order.
    pub(super) rows: Vec<usize>,
    agency_names: HashMap<Id, String>,
    groups: Vec<GroupMark>,
    /// Parity of each row's same-day group, for alternating tints.
    group_parity: Vec<bool>,
    range_errors: Vec<String>,
}

/// View state of the Chronology panel.
#[derive(Default)]
pub struct ChronologyPanel {
    view: View,
    filters: Filters,
    sort: SortColumn,
    descending: bool,
    selection: Vec<Id>,
    anchor: Option<Id>,
    side: Option<Side>,
    cache: Option<RowCache>,
    timeline: TimelineView,
    journey: JourneyView,
    import: Option<ChronologyImportDialog>,
    /// The date, agency and author columns' widths as the user dragged
    /// them, in units of the body text's size (so they follow the
    /// projector setting); `None` until then.
    columns: Option<[f32; 3]>,
    /// The open document's generation: the table's scroll position is kept
    /// per document, so another review opens at its top.
    generation: u64,
}

impl ChronologyPanel {
    /// Opens the import dialog on a file (dropped on the window), in the
    /// table view.
    pub(super) fn import_file(&mut self, path: std::path::PathBuf) {
        self.view = View::Table;
        self.import = Some(ChronologyImportDialog::for_file(path));
    }

    /// Draws the panel.
    pub fn ui(&mut self, ui: &mut Ui, cx: &PanelContext, edits: &mut Edits) {
        let review = cx.review;
        self.generation = cx.revision.0;
        self.forget_missing(review);
        if let Some(dialog) = &mut self.import
            && !dialog.show(ui.ctx(), review, cx.revision, edits)
        {
            self.import = None;
        }
        self.toolbar(ui, review, edits);
        if self.view != View::Journey {
            self.filter_bar(ui, review);
        }
        self.refresh(cx);
        self.selection_bar(ui, review, edits);
        // The table, the timeline and the journey need the width: the form
        // opens only once something is selected (or added).
        if !self.selection.is_empty() || self.side.is_some() {
            egui::Panel::right("chronology-form")
                .resizable(true)
                .default_size(400.0)
                .size_range(300.0..=720.0)
                .show(ui, |ui| {
                    ScrollArea::vertical()
                        .id_salt("chronology-form-scroll")
                        .auto_shrink([false, false])
                        .show(ui, |ui| self.side_ui(ui, review, edits));
                });
        }
        egui::CentralPanel::no_frame().show(ui, |ui| match self.view {
            View::Table => self.table(ui, review),
            View::Timeline => {
                let click = match &self.cache {
                    Some(cache) => {
                        self.timeline
                            .ui(ui, review, cx.revision, &cache.rows, &self.selection)
                    }
                    None => None,
                };
                if let Some(click) = click {
                    self.select(click.entries, click.modifiers, None);
                }
            }
            View::Journey => {
                if let Some(entry) = self.journey.ui(ui, review, cx.revision) {
                    self.selection = vec![entry.clone()];
                    self.anchor = Some(entry.clone());
                    self.side = Some(Side::Entry(entry));
                }
            }
        });
    }

    /// Drops selected or shown records that no longer exist (after a delete
    /// or an undo).
    fn forget_missing(&mut self, review: &Review) {
        if self.selection.is_empty() && self.side.is_none() {
            return;
        }
        let exists = |id: &Id| review.index_of(RecordKind::Entry, id).is_some();
        self.selection.retain(exists);
        self.side = match self.side.take() {
            Some(Side::Entry(id)) if exists(&id) => Some(Side::Entry(id)),
            Some(Side::Episode(id)) if review.index_of(RecordKind::Episode, &id).is_some() => {
                Some(Side::Episode(id))
            }
            _ => None,
        };
    }

    fn toolbar(&mut self, ui: &mut Ui, review: &Review, edits: &mut Edits) {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.heading("Multi-agency chronology");
            ui.add_space(16.0);
            for (view, label) in [
                (View::Table, "Table"),
                (View::Timeline, "Timeline"),
                (View::Journey, "Child's journey"),
            ] {
                if ui.selectable_label(self.view == view, label).clicked() {
                    self.view = view;
                }
            }
            ui.add_space(16.0);
            if ui.button("Add entry").clicked() {
                let id = review.next_id(RecordKind::Entry);
                let today = ReviewDate {
                    value: DateValue::Day(chrono::Local::now().date_naive()),
                    approximate: false,
                };
                let date = review.meta.period.map_or(today, |p| p.start);
                let entry = ChronologyEntry {
                    id: id.clone(),
                    date,
                    agency: None,
                    author: String::new(),
                    text: String::new(),
                    people: Vec::new(),
                    source: None,
                };
                edits.apply(add("Add chronology entry", Record::Entry(entry)));
                self.selection = vec![id.clone()];
                self.side = Some(Side::Entry(id));
            }
            if ui
                .button("Import CSV…")
                .on_hover_text(
                    "Import an agency's chronology from a CSV or TSV file, with a preview first.",
                )
                .clicked()
            {
                self.import = Some(ChronologyImportDialog::default());
            }
        });
        ui.add_space(2.0);
    }

    fn filter_bar(&mut self, ui: &mut Ui, review: &Review) {
        ui.horizontal(|ui| {
            ui.vertical(|ui| {
                let label = caption(ui, "Filter entries");
                ui.add(
                    TextEdit::singleline(&mut self.filters.text)
                        .hint_text("words in the entry")
                        .desired_width(220.0),
                )
                .labelled_by(label.id);
            });
            ui.vertical(|ui| {
                ui.set_width(230.0);
                let mut options = vec![
                    Choice {
                        value: None,
                        label: "All agencies".into(),
                        hover: String::new(),
                    },
                    Choice {
                        value: Some(None),
                        label: "No agency given".into(),
                        hover: String::new(),
                    },
                ];
                options.extend(review.agencies.iter().map(|a| Choice {
                    value: Some(Some(a.id.clone())),
                    label: a.name.clone(),
                    hover: String::new(),
                }));
                if let Some(agency) =
                    choice_box(ui, "Agency filter", &self.filters.agency, &options)
                {
                    self.filters.agency = agency;
                }
            });
            ui.vertical(|ui| {
                ui.set_width(210.0);
                let mut options = vec![Choice {
                    value: None,
                    label: "Anyone".into(),
                    hover: String::new(),
                }];
                options.extend(review.people.iter().map(|p| Choice {
                    value: Some(p.id.clone()),
                    label: if p.pseudonym.trim().is_empty() {
                        p.name.clone()
                    } else {
                        format!("{} ({})", p.name, p.pseudonym)
                    },
                    hover: String::new(),
                }));
                if let Some(person) =
                    choice_box(ui, "Person filter", &self.filters.person, &options)
                {
                    self.filters.person = person;
                }
            });
            for (label, value) in [
                ("From date", &mut self.filters.from),
                ("To date", &mut self.filters.to),
            ] {
                ui.vertical(|ui| {
                    let caption = caption(ui, label);
                    let width = ui.text_style_height(&TextStyle::Body) * 8.0;
                    ui.add(
                        TextEdit::singleline(value)
                            .hint_text("e.g. 3/4/2021")
                            .desired_width(width),
                    )
                    .on_hover_text(
                        "A day, month, season or year: 3/4/2021, April 2021, spring 2021, 2021",
                    )
                    .labelled_by(caption.id);
                });
            }
        });
        if let Some(cache) = &self.cache {
            for error in &cache.range_errors {
                error_note(ui, error);
            }
        }
    }

    fn selection_bar(&mut self, ui: &mut Ui, review: &Review, edits: &mut Edits) {
        let Some(cache) = &self.cache else { return };
        ui.horizontal(|ui| {
            if self.view != View::Journey {
                ui.label(format!(
                    "{} of {} entries",
                    cache.rows.len(),
                    review.chronology.len()
                ));
            }
            if !self.selection.is_empty() {
                ui.label(format!("· {} selected", self.selection.len()));
                let n = self.selection.len();
                if ui
                    .button(format!(
                        "Make episode from {n} selected entr{}",
                        if n == 1 { "y" } else { "ies" }
                    ))
                    .on_hover_text(
                        "A key practice episode drawing on these entries, spanning their dates.",
                    )
                    .clicked()
                {
                    let (change, id) = episode_from(review, &self.selection);
                    edits.apply(change);
                    self.side = Some(Side::Episode(id));
                }
                if ui.button("Clear selection").clicked() {
                    self.selection.clear();
                    self.anchor = None;
                }
            }
            if self.view == View::Table && cache.groups.iter().any(|g| *g != GroupMark::Alone) {
                ui.add_space(12.0);
                let (rect, _) = ui.allocate_exact_size(vec2(GROUP_BAR, 16.0), Sense::hover());
                ui.painter().rect_filled(rect, 2.0, group_colour(ui));
                ui.weak("entries that different agencies recorded on the same day");
            }
        });
        ui.add_space(2.0);
    }

    fn side_ui(&mut self, ui: &mut Ui, review: &Review, edits: &mut Edits) {
        match &self.side {
            Some(Side::Episode(id)) => match review.episodes.iter().find(|e| &e.id == id) {
                Some(episode) => {
                    ui.weak("Made from the selected entries. It is also in the Episodes panel.");
                    episode_form(ui, review, episode, edits);
                }
                None => nothing_selected(ui, "an entry"),
            },
            Some(Side::Entry(id)) if self.selection.len() <= 1 => {
                match review.chronology.iter().find(|e| &e.id == id) {
                    Some(entry) => entry_form(ui, review, entry, edits),
                    None => nothing_selected(ui, "an entry"),
                }
            }
            _ if self.selection.len() > 1 => {
                ui.heading(format!("{} entries selected", self.selection.len()));
                ui.weak("Ctrl+click adds or removes an entry; Shift+click selects a range.");
                ui.add_space(6.0);
                for id in self.selection.iter().take(40) {
                    if let Some(entry) = review.chronology.iter().find(|e| &e.id == id) {
                        ui.label(format!(
                            "{} · {}",
                            entry.date.human(),
                            short(&entry.text, 80)
                        ));
                    }
                }
                if self.selection.len() > 40 {
                    ui.weak(format!("…and {} more", self.selection.len() - 40));
                }
            }
            _ => nothing_selected(ui, "an entry"),
        }
    }

    /// Applies a click on entries: select them, or with Ctrl add or remove
    /// them, or with Shift select the range from the last clicked entry.
    fn select(&mut self, entries: Vec<Id>, modifiers: Modifiers, order: Option<&[Id]>) {
        let Some(first) = entries.first().cloned() else {
            return;
        };
        if modifiers.shift
            && let (Some(anchor), Some(order)) = (&self.anchor, order)
            && let (Some(a), Some(b)) = (
                order.iter().position(|id| id == anchor),
                order.iter().position(|id| *id == first),
            )
        {
            let (lo, hi) = (a.min(b), a.max(b));
            for id in &order[lo..=hi] {
                if !self.selection.contains(id) {
                    self.selection.push(id.clone());
                }
            }
        } else if modifiers.command || modifiers.ctrl {
            for id in entries {
                if let Some(at) = self.selection.iter().position(|s| *s == id) {
                    self.selection.remove(at);
                } else {
                    self.selection.push(id);
                }
            }
            self.anchor = Some(first);
        } else {
            self.selection = entries;
            self.anchor = Some(first);
        }
        self.side = match self.selection.as_slice() {
            [one] => Some(Side::Entry(one.clone())),
            _ => None,
        };
    }

    /// Recomputes the rows when the review, filters or sort changed.
    fn refresh(&mut self, cx: &PanelContext) {
        let key = (
            cx.revision,
            self.filters.clone(),
            self.sort,
            self.descending,
        );
        if self.cache.as_ref().is_some_and(|c| c.key == key) {
            return;
        }
        self.cache = Some(build_rows(cx.review, key));
    }

    fn table(&mut self, ui: &mut Ui, review: &Review) {
        let line = ui.text_style_height(&TextStyle::Body);
        let header_height = line + 10.0;
        let row_height = line * ROW_LINES as f32 + 10.0;
        let font = TextStyle::Body.resolve(ui.style());
        let widths = self.table_header(ui, header_height);
        ui.separator();
        let Some(cache) = &self.cache else { return };
        if cache.rows.is_empty() {
            ui.weak(if review.chronology.is_empty() {
                "No entries yet: add one, or import an agency's chronology (Import CSV…)."
            } else {
                "No entry matches the filters."
            });
            return;
        }
        let needle = self.filters.text.trim().to_lowercase();
        let highlight = if ui.visuals().dark_mode {
            Color32::from_rgb(120, 95, 0)
        } else {
            Color32::from_rgb(255, 226, 110)
        };
        let selected: HashSet<&Id> = self.selection.iter().collect();
        let mut clicked: Option<(Id, Modifiers)> = None;
        ScrollArea::vertical()
            .id_salt(("chronology-rows", self.generation))
            .auto_shrink([false, false])
            .show_rows(ui, row_height, cache.rows.len(), |ui, range| {
                ui.spacing_mut().item_spacing.y = 0.0;
                for position in range {
                    let index = cache.rows[position];
                    let entry = &review.chronology[index];
                    let agency = entry.agency.as_ref().map_or("", |a| {
                        cache.agency_names.get(a).map_or(a.as_str(), String::as_str)
                    });
                    let date = entry.date.human();
                    let (rect, response) = ui.allocate_exact_size(
                        vec2(ui.available_width(), row_height),
                        Sense::click(),
                    );
                    let is_selected = selected.contains(&entry.id);
                    let visuals = ui.visuals();
                    let group = cache.groups[position];
                    if is_selected {
                        ui.painter()
                            .rect_filled(rect, 2.0, visuals.selection.bg_fill);
                    } else if response.hovered() {
                        ui.painter()
                            .rect_filled(rect, 2.0, visuals.widgets.hovered.weak_bg_fill);
                    } else if group != GroupMark::Alone {
                        let tint =
                            group_colour(ui).gamma_multiply(if cache.group_parity[position] {
                                0.16
                            } else {
                                0.10
                            });
                        ui.painter().rect_filled(rect, 0.0, tint);
                    } else if position % 2 == 1 {
                        ui.painter().rect_filled(rect, 0.0, visuals.faint_bg_color);
                    }
                    if group != GroupMark::Alone {
                        paint_group_bar(ui, rect, group);
                    }
                    let colour = if is_selected {
                        visuals.selection.stroke.color
                    } else {
                        visuals.text_color()
                    };
                    paint_row(
                        ui,
                        rect,
                        widths,
                        [&date, agency, &entry.author, &entry.text],
                        &font,
                        colour,
                        (!needle.is_empty()).then_some((needle.as_str(), highlight)),
                    );
                    let same_day = if group == GroupMark::Alone {
                        ""
                    } else {
                        " (same day as another agency's entry)"
                    };
                    let name = format!("{date}, {agency}: {}{same_day}", short(&entry.text, 160));
                    response.widget_info(|| {
                        egui::WidgetInfo::selected(egui::Role::Button, true, is_selected, &name)
                    });
                    let response = if response.hovered() {
                        response.on_hover_text(format!(
                            "{date} · {agency} · {}\n\n{}",
                            entry.author, entry.text
                        ))
                    } else {
                        response
                    };
                    if response.clicked() {
                        clicked = Some((entry.id.clone(), click_modifiers(ui)));
                    }
                }
            });
        if let Some((id, modifiers)) = clicked {
            let order: Vec<Id> = if modifiers.shift {
                cache
                    .rows
                    .iter()
                    .map(|&i| review.chronology[i].id.clone())
                    .collect()
            } else {
                Vec::new()
            };
            self.select(vec![id], modifiers, Some(&order));
        }
    }

    /// The column titles; clicking one sorts by it, clicking it again
    /// reverses the order. The line at a column's right edge can be
    /// dragged to widen or narrow it. Returns the four columns' widths.
    fn table_header(&mut self, ui: &mut Ui, row_height: f32) -> [f32; 4] {
        let (rect, _) =
            ui.allocate_exact_size(vec2(ui.available_width(), row_height), Sense::hover());
        let em = ui.text_style_height(&TextStyle::Body);
        let base = self
            .columns
            .unwrap_or(COLUMNS.map(|w| w / DEFAULT_EM))
            .map(|w| w * em);
        let widths = column_widths(rect.width(), base);
        let font = TextStyle::Body.resolve(ui.style());
        let mut x = rect.left() + 6.0 + GROUP_BAR;
        for (i, (column, title)) in [
            (SortColumn::Date, "Date"),
            (SortColumn::Agency, "Agency"),
            (SortColumn::Author, "Author"),
            (SortColumn::Text, "Record"),
        ]
        .into_iter()
        .enumerate()
        {
            let cell = Rect::from_min_size(
                pos2(x - 4.0, rect.top()),
                vec2(widths[i] - 6.0, rect.height()),
            );
            x += widths[i];
            if i < 3 {
                // The handle to resize this column.
                let handle = Rect::from_center_size(
                    pos2(x - 4.0, rect.center().y),
                    vec2(8.0, rect.height()),
                );
                let drag = ui
                    .interact(handle, ui.scope_id().with(("resize", i)), Sense::drag())
                    .on_hover_cursor(egui::CursorIcon::ResizeHorizontal);
                let stroke = if drag.hovered() || drag.dragged() {
                    ui.visuals().widgets.hovered.fg_stroke
                } else {
                    ui.visuals().widgets.noninteractive.bg_stroke
                };
                ui.painter()
                    .vline(x - 4.0, rect.y_range().shrink(4.0), stroke);
                if drag.dragged() {
                    let mut columns = base.map(|w| w / em);
                    columns[i] = ((widths[i] + drag.drag_delta().x) / em).clamp(3.0, 30.0);
                    self.columns = Some(columns);
                }
                drag.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::Splitter,
                        true,
                        format!("Resize the {} column", title.to_lowercase()),
                    )
                });
            }
            let response = ui
                .interact(cell, ui.scope_id().with(("sort", i)), Sense::click())
                .on_hover_text(format!("Sort by {}", title.to_lowercase()));
            if response.hovered() {
                ui.painter()
                    .rect_filled(cell, 2.0, ui.visuals().widgets.hovered.weak_bg_fill);
            }
            let arrow = match (self.sort == column, self.descending) {
                (true, false) => " ▲",
                (true, true) => " ▼",
                _ => "",
            };
            let label = format!("{title}{arrow}");
            ui.painter().with_clip_rect(cell).text(
                pos2(cell.left() + 4.0, cell.center().y),
                Align2::LEFT_CENTER,
                &label,
                font.clone(),
                ui.visuals().strong_text_color(),
            );
            response.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::Button,
                    true,
                    format!("Sort by {}", title.to_lowercase()),
                )
            });
            if response.clicked() {
                if self.sort == column {
                    self.descending = !self.descending;
                } else {
                    self.sort = column;
                    self.descending = false;
                }
            }
        }
        widths
    }
}

/// The colour of the same-day marks.
fn group_colour(ui: &Ui) -> Color32 {
    if ui.visuals().dark_mode {
        Color32::from_rgb(110, 170, 255)
    } else {
        Color32::from_rgb(30, 100, 200)
    }
}

fn paint_group_bar(ui: &Ui, rect: Rect, group: GroupMark) {
    let (top, bottom) = match group {
        GroupMark::First => (rect.top() + 4.0, rect.bottom()),
        GroupMark::Last => (rect.top(), rect.bottom() - 4.0),
        GroupMark::Middle | GroupMark::Alone => (rect.top(), rect.bottom()),
    };
    let bar = Rect::from_min_max(
        pos2(rect.left(), top),
        pos2(rect.left() + GROUP_BAR, bottom),
    );
    ui.painter().rect_filled(bar, 2.0, group_colour(ui));
}

/// Widths of the four columns for a row of this width, from the date,
/// agency and author columns' wanted widths (`base`). The date keeps its
/// width; when space is short the agency and author columns shrink so the
/// record's text keeps at least 40 % of the row.
fn column_widths(width: f32, base: [f32; 3]) -> [f32; 4] {
    let [date, agency, author] = base;
    let room = (width * 0.6 - date).max(120.0);
    let shrink = (room / (agency + author)).min(1.0);
    let widths = [date, agency * shrink, author * shrink];
    let text = (width - widths.iter().sum::<f32>()).max(60.0);
    [widths[0], widths[1], widths[2], text]
}

/// The byte ranges of `needle` (lower case) in `text`, ignoring case.
fn match_ranges(text: &str, needle: &str) -> Vec<Range<usize>> {
    if needle.is_empty() {
        return Vec::new();
    }
    let lower: Vec<(usize, char)> = text
        .char_indices()
        .map(|(i, c)| (i, c.to_lowercase().next().unwrap_or(c)))
        .collect();
    let needle: Vec<char> = needle.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + needle.len() <= lower.len() {
        if lower[i..i + needle.len()]
            .iter()
            .zip(&needle)
            .all(|((_, a), b)| a == b)
        {
            let start = lower[i].0;
            let end = lower
                .get(i + needle.len())
                .map_or(text.len(), |(at, _)| *at);
            out.push(start..end);
            i += needle.len();
        } else {
            i += 1;
        }
    }
    out
}

/// The text on one line, starting a few words before the first match of
/// `needle` when that is not near the start.
fn around_first_match(text: &str, needle: &str) -> String {
    let flat = text.replace('\n', " · ");
    let Some(first) = match_ranges(&flat, needle).first().map(|r| r.start) else {
        return flat;
    };
    let before = flat[..first].chars().count();
    if before <= 30 {
        return flat;
    }
    let start = flat[..first]
        .char_indices()
        .rev()
        .nth(24)
        .map_or(0, |(at, _)| at);
    let start = flat[start..first]
        .find(' ')
        .map_or(start, |space| start + space + 1);
    format!("…{}", &flat[start..])
}

/// Paints the four cells of a row, each clipped to its column, with the
/// search words highlighted.
fn paint_row(
    ui: &Ui,
    rect: Rect,
    widths: [f32; 4],
    cells: [&str; 4],
    font: &FontId,
    colour: Color32,
    highlight: Option<(&str, Color32)>,
) {
    let mut x = rect.left() + 6.0 + GROUP_BAR;
    for (i, (cell, width)) in cells.iter().zip(widths).enumerate() {
        let cell_rect = Rect::from_min_size(
            pos2(x, rect.top() + 5.0),
            vec2(width - 10.0, rect.height() - 10.0),
        );
        x += width;
        // The record's text from where the search words first occur, so the
        // highlight is in view; lines are joined so that the cell wraps.
        let text = match highlight {
            Some((needle, _)) if i == 3 => around_first_match(cell, needle),
            _ => cell.replace('\n', " · "),
        };
        let plain = TextFormat::simple(font.clone(), colour);
        let mut job = LayoutJob::default();
        match highlight.map(|(needle, bg)| (match_ranges(&text, needle), bg)) {
            Some((ranges, bg)) if !ranges.is_empty() => {
                let marked = TextFormat {
                    background: bg,
                    ..plain.clone()
                };
                let mut at = 0;
                for range in ranges {
                    job.append(&text[at..range.start], 0.0, plain.clone());
                    job.append(&text[range.clone()], 0.0, marked.clone());
                    at = range.end;
                }
                job.append(&text[at..], 0.0, plain);
            }
            _ => job.append(&text, 0.0, plain),
        }
        // Wrapped to the column, at most ROW_LINES lines, and "…" where
        // the text goes on: never cut off silently.
        job.wrap = egui::text::TextWrapping {
            max_width: cell_rect.width().max(10.0),
            max_rows: ROW_LINES,
            break_anywhere: false,
            overflow_character: Some('…'),
        };
        let painter = ui
            .painter()
            .with_clip_rect(cell_rect.expand(2.0).intersect(ui.clip_rect()));
        let galley = painter.layout_job(job);
        painter.galley(cell_rect.left_top(), galley, colour);
    }
}

/// Lower-case names of a person (name, aliases of three letters or more,
/// pseudonym) for the person filter.
fn person_names(review: &Review, id: &Id) -> Vec<String> {
    let Some(p) = review.people.iter().find(|p| &p.id == id) else {
        return Vec::new();
    };
    std::iter::once(&p.name)
        .chain(&p.aliases)
        .chain(std::iter::once(&p.pseudonym))
        .map(|n| n.trim().to_lowercase())
        .filter(|n| n.chars().filter(|c| c.is_alphabetic()).count() >= 3)
        .collect()
}

/// True when `word` occurs in `hay` with no letter or digit either side.
fn contains_word(hay: &str, word: &str) -> bool {
    hay.match_indices(word).any(|(at, _)| {
        let before = hay[..at].chars().next_back();
        let after = hay[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

fn build_rows(review: &Review, key: ((u64, u64), Filters, SortColumn, bool)) -> RowCache {
    let filters = &key.1;
    let agency_names: HashMap<Id, String> = review
        .agencies
        .iter()
        .map(|a| (a.id.clone(), a.name.clone()))
        .collect();
    let mut range_errors = Vec::new();
    let mut bound = |text: &str, label: &str| -> Option<ReviewDate> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        match parse_agency_date(text) {
            Ok(date) => Some(date),
            Err(e) => {
                range_errors.push(format!("{label}: {e}"));
                None
            }
        }
    };
    let from = bound(&filters.from, "From date").map(|d| d.first_day());
    let to = bound(&filters.to, "To date").map(|d| d.last_day());
    let needle = filters.text.trim().to_lowercase();
    let names = filters
        .person
        .as_ref()
        .map(|id| (id, person_names(review, id)));
    let agency_name = |e: &ChronologyEntry| {
        e.agency
            .as_ref()
            .and_then(|a| agency_names.get(a))
            .map_or("", String::as_str)
    };
    let mut rows: Vec<usize> = review
        .chronology
        .iter()
        .enumerate()
        .filter(|(_, e)| match &filters.agency {
            None => true,
            Some(agency) => e.agency == *agency,
        })
        .filter(|(_, e)| from.is_none_or(|f| e.date.last_day() >= f))
        .filter(|(_, e)| to.is_none_or(|t| e.date.first_day() <= t))
        .filter(|(_, e)| match &names {
            None => true,
            Some((id, names)) => {
                e.people.contains(id) || {
                    let lower = e.text.to_lowercase();
                    names.iter().any(|n| contains_word(&lower, n))
                }
            }
        })
        .filter(|(_, e)| {
            needle.is_empty()
                || e.text.to_lowercase().contains(&needle)
                || e.author.to_lowercase().contains(&needle)
                || agency_name(e).to_lowercase().contains(&needle)
                || e.date.human().to_lowercase().contains(&needle)
        })
        .map(|(i, _)| i)
        .collect();
    let chronology = &review.chronology;
    let by_date =
        |a: &usize, b: &usize| chronology[*a].date.cmp(&chronology[*b].date).then(a.cmp(b));
    let (sort, descending) = (key.2, key.3);
    match sort {
        SortColumn::Date => rows.sort_by(by_date),
        SortColumn::Agency => rows.sort_by(|a, b| {
            agency_name(&chronology[*a])
                .to_lowercase()
                .cmp(&agency_name(&chronology[*b]).to_lowercase())
                .then_with(|| by_date(a, b))
        }),
        SortColumn::Author => rows.sort_by(|a, b| {
            chronology[*a]
                .author
                .to_lowercase()
                .cmp(&chronology[*b].author.to_lowercase())
                .then_with(|| by_date(a, b))
        }),
        SortColumn::Text => rows.sort_by(|a, b| {
            chronology[*a]
                .text
                .to_lowercase()
                .cmp(&chronology[*b].text.to_lowercase())
                .then_with(|| by_date(a, b))
        }),
    }
    if descending {
        rows.reverse();
    }
    let (groups, group_parity) = if sort == SortColumn::Date {
        same_day_groups(chronology, &rows)
    } else {
        (vec![GroupMark::Alone; rows.len()], vec![false; rows.len()])
    };
    RowCache {
        key,
        rows,
        agency_names,
        groups,
        group_parity,
        range_errors,
    }
}

/// Marks runs of rows dated to the same day by at least two agencies.
fn same_day_groups(chronology: &[ChronologyEntry], rows: &[usize]) -> (Vec<GroupMark>, Vec<bool>) {
    let mut groups = vec![GroupMark::Alone; rows.len()];
    let mut parity = vec![false; rows.len()];
    let day = |i: usize| match chronology[rows[i]].date.value {
        DateValue::Day(d) => Some(d),
        _ => None,
    };
    let mut start = 0;
    let mut flip = false;
    while start < rows.len() {
        let mut end = start + 1;
        if let Some(d) = day(start) {
            while end < rows.len() && day(end) == Some(d) {
                end += 1;
            }
        }
        let agencies: HashSet<&Option<Id>> = rows[start..end]
            .iter()
            .map(|&i| &chronology[i].agency)
            .collect();
        if end - start > 1 && agencies.len() > 1 {
            for (k, slot) in groups[start..end].iter_mut().enumerate() {
                *slot = if k == 0 {
                    GroupMark::First
                } else if k == end - start - 1 {
                    GroupMark::Last
                } else {
                    GroupMark::Middle
                };
            }
            parity[start..end].fill(flip);
            flip = !flip;
        }
        start = end;
    }
    (groups, parity)
}

/// The change that makes a key practice episode of some entries: it spans
/// their dates, lists them in date order and names the practitioners among
/// their people. Returns the change and the new episode's id.
pub(super) fn episode_from(review: &Review, entries: &[Id]) -> (crate::edit::Change, Id) {
    let mut chosen: Vec<&ChronologyEntry> = review
        .chronology
        .iter()
        .filter(|e| entries.contains(&e.id))
        .collect();
    chosen.sort_by_key(|e| e.date);
    let start = chosen.iter().map(|e| e.date).min();
    let end = chosen.iter().map(|e| e.date).max_by_key(|d| d.last_day());
    let practitioners: Vec<Id> = {
        let mut out: Vec<Id> = Vec::new();
        for e in &chosen {
            for p in &e.people {
                let practitioner = review.people.iter().any(|x| {
                    &x.id == p && matches!(x.kind, PersonKind::Practitioner | PersonKind::Manager)
                });
                if practitioner && !out.contains(p) {
                    out.push(p.clone());
                }
            }
        }
        out
    };
    let id = review.next_id(RecordKind::Episode);
    let episode = PracticeEpisode {
        id: id.clone(),
        start,
        end: end.filter(|e| Some(*e) != start),
        entries: chosen.iter().map(|e| e.id.clone()).collect(),
        people: practitioners,
        ..Default::default()
    };
    (
        add("Make episode from entries", Record::Episode(episode)),
        id,
    )
}

fn entry_form(ui: &mut Ui, review: &Review, entry: &ChronologyEntry, edits: &mut Edits) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_ignore_case_and_keep_byte_offsets() {
        let text = "Zoë SEEN, then seen again";
        let ranges = match_ranges(text, "seen");
        let found: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(found, ["SEEN", "seen"]);
        assert!(match_ranges(text, "").is_empty());
    }

    #[test]
    fn a_long_text_is_shown_from_near_its_first_match() {
        let text = "Keyworking review (telephone, COVID arrangements): Dean reports he keeps his methadone locked away.";
        let shown = around_first_match(text, "methadone");
        assert!(shown.starts_with('…'), "{shown}");
        assert!(shown.contains("methadone locked away"), "{shown}");
        assert!(shown.chars().count() < text.chars().count());
        assert_eq!(
            around_first_match("short methadone", "methadone"),
            "short methadone"
        );
        assert_eq!(around_first_match("a\nb", "zzz"), "a · b");
    }

    #[test]
    fn same_day_entries_of_different_agencies_are_grouped() {
        let entry = |id: &str, date: &str, agency: &str| ChronologyEntry {
            id: Id::from(id),
            date: date.parse().unwrap(),
            agency: Some(Id::from(agency)),
            author: String::new(),
            text: String::new(),
            people: Vec::new(),
            source: None,
        };
        let chronology = vec![
            entry("C1", "2021-04-03", "A1"),
            entry("C2", "2021-04-03", "A2"),
            entry("C3", "2021-04-03", "A1"),
            entry("C4", "2021-04-04", "A1"),
            entry("C5", "2021-04-04", "A1"),
            entry("C6", "2021-04", "A2"),
            entry("C7", "2021-04", "A3"),
        ];
        let rows: Vec<usize> = (0..7).collect();
        let (groups, _) = same_day_groups(&chronology, &rows);
        use GroupMark::*;
        assert_eq!(groups, [First, Middle, Last, Alone, Alone, Alone, Alone]);
    }

    #[test]
    fn an_episode_spans_its_entries_and_names_their_practitioners() {
        let review = crate::examples::worked_case();
        let ids: Vec<Id> = ["C6", "C2", "C3"].map(Id::from).to_vec();
        let (change, id) = episode_from(&review, &ids);
        let Some(crate::edit::Edit::Put(Record::Episode(episode))) = change.edits.first() else {
            panic!("{change:?}");
        };
        assert_eq!(episode.id, id);
        assert_eq!(episode.entries, ["C2", "C3", "C6"].map(Id::from));
        assert_eq!(episode.start, review.chronology[1].date.into());
        assert!(episode.end.is_some());
        assert!(episode.people.iter().all(|p| {
            review.people.iter().any(|x| {
                &x.id == p && matches!(x.kind, PersonKind::Practitioner | PersonKind::Manager)
            })
        }));
        assert!(!episode.people.is_empty());
    }
}
