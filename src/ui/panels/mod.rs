//! The panels of the main window, one file each. A panel is a plain struct
//! holding its view state (selection, filters) with a `ui` method that reads
//! the review and pushes edit commands; no panel changes the review.

mod actions;
mod anonymise;
mod cast;
mod chronology;
mod episodes;
mod factors;
pub(crate) mod findings;
mod import_dialog;
mod language;
mod library;
mod loops;
mod map;
pub(crate) mod overview;
mod overview_clock;
mod report;
mod report_account;
mod report_preview;
mod sensitive;

use eframe::egui::{self, Button, ScrollArea, TextStyle, Ui, vec2};

use std::sync::Arc;

pub use super::app_commands::{AppCommands, Goto, PanelKind};
use super::edits::Edits;
use crate::analysis::language::{FieldHit, Lexicon, lint_review};
use crate::model::{Id, RecordKind, Review};
use crate::taxonomy::Taxonomy;
pub use crate::ui::records::{
    add, apply_link_pick, delete_button, link, links_of, or_untitled, put, set_meta,
    taxonomy_choices, titled, titled_kinds,
};
use crate::validate::Problem;

/// What every panel reads.
pub struct PanelContext<'a> {
    /// The review.
    pub review: &'a Review,
    /// The review's taxonomy, when it was found.
    pub taxonomy: Option<&'a Taxonomy>,
    /// Why the taxonomy could not be had.
    pub taxonomy_error: Option<&'a str>,
    /// The validation problems of the current state.
    pub problems: &'a [Problem],
    /// Changes whenever the review does (document generation, state):
    /// panels key their caches on it.
    pub revision: (u64, u64),
    /// The review's file, when it has one.
    pub path: Option<&'a std::path::Path>,
    /// What will be published, computed once per revision.
    pub publication: &'a crate::ui::publication_cache::PublicationCache,
    /// Where the user's templates are, first to last.
    pub template_folders: &'a [std::path::PathBuf],
}

impl PanelContext<'_> {
    /// What will be published from the review at this revision: the
    /// publication check, the published review, its anonymisation and
    /// what is left out (computed the first time a panel asks). What an
    /// export writes.
    pub fn publication(&self) -> Arc<crate::publication::Publication> {
        self.publication
            .current(self.review, self.taxonomy, self.revision)
    }

    /// What will be published, to show: on a large review, while the
    /// reviewer types, the last publication ready (computed in the
    /// background), with the revision it is of.
    pub fn shown_publication(&self) -> ((u64, u64), Arc<crate::publication::Publication>) {
        self.publication
            .shown(self.review, self.taxonomy, self.revision)
    }
}

/// Every panel with its view state.
#[derive(Default)]
pub struct Panels {
    overview: overview::OverviewPanel,
    cast: cast::CastPanel,
    chronology: chronology::ChronologyPanel,
    episodes: episodes::EpisodesPanel,
    factors: factors::FactorsPanel,
    findings: findings::FindingsPanel,
    language: language::LanguagePanel,
    /// The language-lint hits of a revision of the review, shared by the
    /// Overview and Language panels.
    lint: crate::ui::background::PerRevision<Vec<FieldHit>>,
    map: map::MapPanel,
    loops: loops::LoopsPanel,
    anonymise: anonymise::AnonymisePanel,
    report: report::ReportPanel,
    actions: actions::ActionsPanel,
    /// Kept when another review is opened: the library spans reviews.
    library: library::LibraryPanel,
}

impl Panels {
    /// File → Export PDF…: the Report panel's export, ready to run.
    pub fn request_export(&mut self) {
        self.report.request_export();
    }

    /// File → Export action plan…: the Actions panel's export, ready to
    /// run.
    pub fn request_action_plan_export(&mut self) {
        self.actions.request_export();
    }

    /// Opens the import of a table file dropped on the window: the cast
    /// import when the Cast panel is on screen, else the chronology's.
    /// Returns the panel that shows the import.
    pub fn import_dropped(&mut self, on: PanelKind, path: std::path::PathBuf) -> PanelKind {
        if on == PanelKind::Cast {
            self.cast.import_file(path);
            PanelKind::Cast
        } else {
            self.chronology.import_file(path);
            PanelKind::Chronology
        }
    }

    /// Draws one panel. What it asks of the app (show a record, present
    /// a diagram, open a library hit) goes to `commands`.
    pub fn ui(
        &mut self,
        kind: PanelKind,
        ui: &mut Ui,
        cx: &PanelContext,
        edits: &mut Edits,
        commands: &mut AppCommands,
    ) {
        match kind {
            PanelKind::Overview => {
                if let Some(goto) = self.overview.ui(ui, cx, edits) {
                    commands.show(goto);
                }
            }
            PanelKind::Cast => self.cast.ui(ui, cx, edits),
            PanelKind::Chronology => self.chronology.ui(ui, cx, edits),
            PanelKind::Episodes => self.episodes.ui(ui, cx, edits),
            PanelKind::Factors => self.factors.ui(ui, cx, edits),
            PanelKind::Findings => self.findings.ui(ui, cx, edits),
            PanelKind::Language => {
                let hits = self.lint(cx, ui.ctx());
                if let Some(goto) = self.language.ui(ui, cx, &hits, edits) {
                    commands.show(goto);
                }
            }
            PanelKind::Map => self.map.ui(ui, cx, edits, commands),
            PanelKind::Loops => self.loops.ui(ui, cx, edits, commands),
            PanelKind::Anonymisation => self.anonymise.ui(ui, cx, edits),
            PanelKind::Report => self.report.ui(ui, cx, edits),
            PanelKind::Actions => self.actions.ui(ui, cx, edits),
            PanelKind::Library => self.library.ui(ui, cx, commands),
        }
    }

    /// The records highlighted for the feedback loop selected on the Loops
    /// panel.
    pub fn loop_highlight(&self) -> Option<&std::collections::HashSet<Id>> {
        self.loops.highlighted()
    }

    /// The language-lint hits of the review, linted again only when it
    /// has changed.
    /// On a large review, while the reviewer types, the hits of the last
    /// revision linted, the next being linted in the background.
    fn lint(&mut self, cx: &PanelContext, ctx: &egui::Context) -> Arc<Vec<FieldHit>> {
        self.lint
            .get(cx.review, cx.revision, ctx, |review| {
                lint_review(Lexicon::shared(), review)
            })
            .1
    }

    /// Selects what `goto` shows in its panel, and returns that panel
    /// (none for a record no panel shows).
    pub fn select(&mut self, review: &Review, goto: Goto) -> Option<PanelKind> {
        match goto {
            Goto::Panel(kind) => Some(kind),
            Goto::Action { finding, action } => {
                self.actions.select(finding, Some(action));
                Some(PanelKind::Actions)
            }
            Goto::Record(id) => {
                let kind = match review.kind_of(&id) {
                    Some(RecordKind::Episode) => {
                        self.episodes.select(id);
                        PanelKind::Episodes
                    }
                    Some(RecordKind::Factor) => {
                        self.factors.select_factor(id);
                        PanelKind::Factors
                    }
                    Some(RecordKind::Condition) => {
                        self.factors.select_condition(id);
                        PanelKind::Factors
                    }
                    Some(RecordKind::Finding) => {
                        self.findings.select(id);
                        PanelKind::Findings
                    }
                    _ => return None,
                };
                Some(kind)
            }
        }
    }

    /// Forgets selections and filters (after another review is opened),
    /// but not the library's search, which spans reviews.
    pub fn reset(&mut self) {
        let library = std::mem::take(&mut self.library);
        *self = Panels::default();
        self.library = library;
    }

    /// Uses the library database at `path` instead of the one in the
    /// data folder.
    pub fn set_library_path(&mut self, path: std::path::PathBuf) {
        self.library.set_path(path);
    }
}

/// A list on the left and the form of the selected item on the right. Both
/// closures get the same `state` (typically the selection and the edits).
///
/// The boundary between them can be dragged; every panel's list shares
/// one width, which egui remembers with the window's state, so the list
/// does not change width from panel to panel.
pub fn list_and_form<S>(
    ui: &mut Ui,
    id: &str,
    state: &mut S,
    list: impl FnOnce(&mut Ui, &mut S),
    form: impl FnOnce(&mut Ui, &mut S),
) {
    let widest = (ui.available_width() * 0.6).max(260.0);
    egui::Panel::left("record-list")
        .resizable(true)
        .default_size(380.0)
        .size_range(220.0..=widest)
        .show(ui, |ui| ui.push_id(id, |ui| list(ui, state)));
    egui::CentralPanel::no_frame().show(ui, |ui| {
        ScrollArea::vertical()
            .id_salt((id, "form"))
            .auto_shrink([false, false])
            .show(ui, |ui| {
                egui::Frame::NONE
                    .inner_margin(egui::Margin::symmetric(16, 8))
                    .show(ui, |ui| {
                        ui.set_max_width(ui.available_width().min(900.0));
                        form(ui, state);
                    });
            });
    });
}

/// A heading with an "Add …" button; returns true when the button was clicked.
pub fn list_header(ui: &mut Ui, heading: &str, add_label: &str) -> bool {
    ui.add_space(4.0);
    ui.heading(heading);
    let clicked = ui.button(add_label).clicked();
    ui.add_space(4.0);
    clicked
}

/// Lists longer than this are drawn one line a row, only where visible;
/// shorter ones wrap each row to its full title.
const WRAPPED_ROWS_LIMIT: usize = 800;

/// A scrolling list of records to select from. Each row shows its whole
/// title, wrapped to the list's width; very long lists (more than
/// [`WRAPPED_ROWS_LIMIT`] rows) are drawn a line a row and only where
/// visible, so they stay fast, with the whole title on hover. Returns true
/// when a row was clicked.
pub fn record_list(
    ui: &mut Ui,
    id_salt: &str,
    rows: &[(Id, String)],
    selected: &mut Option<Id>,
    max_height: f32,
) -> bool {
    if rows.is_empty() {
        ui.weak("None yet.");
        return false;
    }
    let mut clicked = false;
    let mut row = |ui: &mut Ui, id: &Id, title: &str, wrap: bool, height: f32| {
        let is_selected = selected.as_ref() == Some(id);
        let button = Button::selectable(is_selected, format!("{id}  {title}"));
        let button = if wrap {
            button.wrap()
        } else {
            button.truncate()
        };
        let mut response = ui.add(button.min_size(vec2(ui.available_width(), height)));
        if !wrap {
            response = response.on_hover_text(title);
        }
        if response.clicked() {
            *selected = Some(id.clone());
            clicked = true;
        }
    };
    let row_height = row_height(ui);
    let scroll = ScrollArea::vertical()
        .id_salt(id_salt)
        .max_height(max_height)
        .auto_shrink([false, true]);
    if rows.len() > WRAPPED_ROWS_LIMIT {
        scroll.show_rows(ui, row_height, rows.len(), |ui, range| {
            for (id, title) in &rows[range] {
                row(ui, id, title, false, row_height);
            }
        });
    } else {
        scroll.show(ui, |ui| {
            ui.spacing_mut().item_spacing.y = 2.0;
            for (id, title) in rows {
                row(ui, id, title, true, row_height);
            }
        });
    }
    clicked
}

/// The height of one row of a list of buttons.
pub fn row_height(ui: &Ui) -> f32 {
    let text = ui.text_style_height(&TextStyle::Button);
    (text + 2.0 * ui.spacing().button_padding.y).max(ui.spacing().interact_size.y)
}

/// A line saying nothing is selected.
pub fn nothing_selected(ui: &mut Ui, what: &str) {
    ui.add_space(24.0);
    ui.weak(format!("Select {what} on the left, or add one."));
}
