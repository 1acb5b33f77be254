//! The Chronology panel: the multi-agency chronology as a sortable,
//! filterable table, as a timeline with a swimlane per agency, and as the
//! child's journey. Entries are selected in the table or the timeline (a
//! click selects one, Ctrl+click adds or removes one, Shift+click a range)
//! and a selection becomes a key practice episode in one step.
//!
//! Only the visible rows are drawn, and the filtered, sorted order is cached
//! until the review, the filters or the sort change, so tens of thousands of
//! entries stay smooth.

mod entry_views;
mod journey;
mod rows;
mod table;
mod timeline;

use rows::{build_rows, episode_from};
use table::group_colour;

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use eframe::egui::{
    self, Align2, Color32, FontId, Modifiers, Rect, ScrollArea, Sense, TextEdit, TextFormat,
    TextStyle, Ui, pos2, text::LayoutJob, vec2,
};

use super::import_dialog::ChronologyImportDialog;
use super::{PanelContext, add, nothing_selected};
use crate::dates::parse_agency_date;
use crate::model::{
    ChronologyEntry, DateValue, Id, PersonKind, PracticeEpisode, Record, RecordKind, Review,
    ReviewDate,
};
use crate::ui::edits::Edits;
use crate::ui::forms::{Choice, caption, choice_box, error_note, short};
use crate::ui::records::{entry_form, episode_form};
use entry_views::click_modifiers;
use journey::JourneyView;
use timeline::TimelineView;

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
}

#[cfg(test)]
mod tests {
    use super::rows::same_day_groups;
    use super::table::{around_first_match, match_ranges};
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
