//! The import dialogs: an agency chronology (CSV, TSV or an Excel workbook
//! such as a returned agency pack) and the cast. A file
//! is chosen by typing its path or with the native dialog; the dialog then
//! shows how the columns were read and the first rows, and writes nothing
//! until the user clicks Import (one undoable step).

use std::path::{Path, PathBuf};

use eframe::egui::{self, Grid, Key, Modal, RichText, ScrollArea, TextEdit, Ui};

use crate::import::RowProblem;
use crate::import::cast::{CastImport, CastIndex, import_cast, parse_cast};
use crate::import::chronology::{
    ChronologyImport, ChronologyRow, ColumnMap, Field, ImportSource, agency_for_file,
    import_chronology, read_rows,
};
use crate::import::table::{Table, read_table};
use crate::import::xlsx::{
    PackInfo, ReturnRecorded, is_workbook, read_workbook, record_return, return_agency,
};
use crate::model::{Id, Review, SummaryAnswer};
use crate::ui::edits::Edits;
use crate::ui::files::{FileDialogs, Outcome};
use crate::ui::forms::{Choice, caption, choice_box, error_note, short};

/// Rows shown in the preview.
const PREVIEW_ROWS: usize = 8;
/// Bad rows listed before "…and N more".
const LISTED_PROBLEMS: usize = 12;

/// A path typed or chosen with the native dialog.
#[derive(Default)]
struct FilePicker {
    path: String,
    files: FileDialogs,
    /// True when Excel workbooks can be chosen.
    excel: bool,
    note: Option<String>,
    /// Frames still to draw at once after the preview changed, so the
    /// dialog's scrolling area takes its new size without waiting for input.
    settle: u8,
}

impl FilePicker {
    /// The path field with Browse… and Preview. Returns a path to read when
    /// the user asks for one.
    fn ui(&mut self, ui: &mut Ui, label: &str, title: &str) -> Option<PathBuf> {
        let mut go = None;
        if self.settle > 0 {
            self.settle -= 1;
            ui.ctx().request_repaint();
        }
        match self.files.poll() {
            Some(Outcome::Chosen(_, path)) => {
                self.path = path.display().to_string();
                go = Some(path);
            }
            Some(Outcome::Unavailable(_)) => {
                self.note = Some("No file dialog is available here: type the file's path.".into());
            }
            Some(Outcome::Cancelled(_)) | None => {}
        }
        let caption = caption(ui, label);
        ui.horizontal(|ui| {
            let field = ui
                .add(
                    TextEdit::singleline(&mut self.path)
                        .hint_text("/home/me/review/police.csv")
                        .desired_width(520.0),
                )
                .labelled_by(caption.id);
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            let browse = ui.add_enabled(
                !self.files.is_busy() && !self.files.unavailable,
                egui::Button::new("Browse…"),
            );
            if browse.clicked() {
                self.files.start_table(title, self.excel, ui.ctx());
            }
            let ready = !self.path.trim().is_empty();
            if (ui
                .add_enabled(ready, egui::Button::new("Preview"))
                .clicked()
                || entered)
                && ready
            {
                go = Some(expand_home(self.path.trim()));
            }
        });
        if go.is_some() {
            self.settle = 10;
        }
        if self.files.is_busy() {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(100));
        }
        if let Some(note) = &self.note {
            ui.weak(note);
        }
        go
    }
}

/// `~/x` → the home folder joined with `x`.
fn expand_home(text: &str) -> PathBuf {
    match (text.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(text),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn frame(ctx: &egui::Context) -> egui::Frame {
    egui::Frame::popup(&ctx.global_style()).inner_margin(egui::Margin::same(20))
}

/// A modal dialog anchored near the top of the window, so that it grows
/// downwards as the preview fills in instead of moving under the pointer.
fn modal(id: &str, ctx: &egui::Context) -> Modal {
    let id = egui::Id::unique(id);
    Modal::new(id)
        .area(Modal::default_area(id).anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 40.0)))
        .frame(frame(ctx))
}

/// The greatest height of a dialog's scrolling part: the window's, less
/// room for the buttons under it.
fn dialog_height(ctx: &egui::Context) -> f32 {
    (ctx.content_rect().height() - 200.0).max(120.0)
}

/// A dialog's scrolling part, as tall as its content up to `height` from
/// the first frame the content is drawn. (Left to itself, a scroll area
/// in a modal takes the modal's size of the frame before, so a preview
/// that just appeared showed one row and grew a little each frame.)
fn scrolling(height: f32) -> ScrollArea {
    ScrollArea::vertical()
        .max_height(height)
        .min_scrolled_height(height)
}

fn problems_list(ui: &mut Ui, problems: &[RowProblem]) {
    let colour = ui.visuals().error_fg_color;
    ui.label(
        RichText::new(format!(
            "{} row{} cannot be read:",
            problems.len(),
            if problems.len() == 1 { "" } else { "s" }
        ))
        .color(colour)
        .strong(),
    );
    for problem in problems.iter().take(LISTED_PROBLEMS) {
        ui.label(RichText::new(format!("Row {}: {}", problem.row, problem.message)).color(colour));
    }
    if problems.len() > LISTED_PROBLEMS {
        ui.label(
            RichText::new(format!("…and {} more", problems.len() - LISTED_PROBLEMS)).color(colour),
        );
    }
}

/// A chronology file read for the preview.
struct Preview {
    path: PathBuf,
    name: String,
    table: Table,
    map: ColumnMap,
    rows: Vec<ChronologyRow>,
    read_problems: Vec<RowProblem>,
    problems: Vec<RowProblem>,
    /// For a workbook: its chronology sheet, whose pack it is and the
    /// summary answers.
    workbook: Option<(String, Option<PackInfo>, Vec<SummaryAnswer>)>,
}

impl Preview {
    fn reread(&mut self) {
        let (rows, problems) = read_rows(&self.table, &self.map);
        self.rows = rows;
        self.problems = self.read_problems.clone();
        self.problems.extend(problems);
    }
}

/// The plan of an import, kept while the review and the choices stay the same.
struct Plan {
    key: ((u64, u64), ColumnMap, Option<Id>),
    import: ChronologyImport,
    /// The agency return the import records, for a workbook.
    returned: Option<ReturnRecorded>,
}

/// The "Import chronology" dialog.
#[derive(Default)]
pub struct ChronologyImportDialog {
    picker: FilePicker,
    preview: Option<Preview>,
    error: Option<String>,
    skip_bad_rows: bool,
    agency: Option<Id>,
    plan: Option<Plan>,
}

impl ChronologyImportDialog {
    /// The dialog with `path` already read and previewed (a file dropped
    /// on the window).
    pub fn for_file(path: PathBuf) -> ChronologyImportDialog {
        let mut dialog = ChronologyImportDialog::default();
        dialog.picker.path = path.display().to_string();
        dialog.picker.settle = 10;
        dialog.load(path);
        dialog
    }

    fn load(&mut self, path: PathBuf) {
        self.preview = None;
        self.plan = None;
        self.error = None;
        let name = file_name(&path);
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) => {
                self.error = Some(format!("{}: cannot read the file: {e}", path.display()));
                return;
            }
        };
        let read = if is_workbook(&bytes, &name) {
            read_workbook(&bytes, &name, None)
                .map(|w| {
                    let extra = Some((w.sheet, w.pack, w.answers));
                    (w.table, Vec::new(), extra)
                })
                .map_err(|e| e.to_string())
        } else {
            read_table(&bytes, &name)
                .map(|(table, problems)| (table, problems, None))
                .map_err(|p| p.to_string())
        };
        match read {
            Ok((table, read_problems, workbook)) => {
                let map = ColumnMap::detect(&table.headers);
                let mut preview = Preview {
                    path,
                    name,
                    table,
                    map,
                    rows: Vec::new(),
                    read_problems,
                    problems: Vec::new(),
                    workbook,
                };
                preview.reread();
                self.preview = Some(preview);
            }
            Err(message) => self.error = Some(message),
        }
    }

    /// Draws the dialog; returns false once it is closed.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        review: &Review,
        revision: (u64, u64),
        edits: &mut Edits,
    ) -> bool {
        let mut open = true;
        let height = dialog_height(ctx);
        let response = modal("import-chronology-dialog", ctx).show(ctx, |ui| {
            ui.set_max_width(900.0);
            scrolling(height).show(ui, |ui| {
                ui.heading("Import an agency chronology");
                ui.label(
                    "An Excel workbook (.xlsx, such as a returned agency pack) or a spreadsheet \
                         saved as CSV or TSV, one entry a row, with a header row. Dates are read \
                         day first (03/04/2021 is 3 April 2021). Nothing is added until you \
                         click Import.",
                );
                ui.add_space(6.0);
                self.picker.excel = true;
                if let Some(path) =
                    self.picker
                        .ui(ui, "Chronology file (CSV or TSV)", "Import a chronology")
                {
                    self.load(path);
                }
                if let Some(error) = &self.error {
                    error_note(ui, error);
                }
                if self.preview.is_some() {
                    ui.separator();
                    self.preview_ui(ui, review, revision);
                }
            });
            ui.separator();
            ui.horizontal(|ui| {
                if self.import_button(ui, edits) {
                    open = false;
                }
                if ui.button("Cancel").clicked() {
                    open = false;
                }
            });
        });
        if response.should_close() {
            open = false;
        }
        open
    }

    /// The mapping, the first rows, the bad rows and what the import
    /// will add.
    fn preview_ui(&mut self, ui: &mut Ui, review: &Review, revision: (u64, u64)) {
        let Some(preview) = &mut self.preview else {
            return;
        };
        let layout = match &preview.workbook {
            Some((sheet, _, _)) => format!("Excel workbook, sheet {sheet}"),
            None => format!(
                "{}-separated{}",
                preview.table.delimiter_name(),
                if preview.table.legacy_encoding {
                    ", read as Windows-1252 text"
                } else {
                    ""
                }
            ),
        };
        ui.label(
            RichText::new(format!(
                "{}: {} row{}, {layout}",
                preview.name,
                preview.table.rows.len(),
                if preview.table.rows.len() == 1 {
                    ""
                } else {
                    "s"
                },
            ))
            .strong(),
        );
        ui.add_space(4.0);
        ui.label("Columns (found from the header; change any that are wrong):");
        let mut columns = vec![Choice {
            value: None,
            label: "(not in this file)".to_string(),
            hover: String::new(),
        }];
        columns.extend(
            preview
                .table
                .headers
                .iter()
                .enumerate()
                .map(|(i, h)| Choice {
                    value: Some(i),
                    label: if h.is_empty() {
                        format!("column {}", i + 1)
                    } else {
                        h.clone()
                    },
                    hover: String::new(),
                }),
        );
        let mut changed = false;
        Grid::new("import-columns")
            .num_columns(2)
            .spacing([24.0, 4.0])
            .show(ui, |ui| {
                for (i, field) in Field::ALL.into_iter().enumerate() {
                    ui.vertical(|ui| {
                        ui.set_width(300.0);
                        let current = preview.map.get(field);
                        if let Some(column) =
                            choice_box(ui, &format!("{} column", field.label()), &current, &columns)
                        {
                            preview.map.set(field, column);
                            changed = true;
                        }
                    });
                    if i % 2 == 1 {
                        ui.end_row();
                    }
                }
                ui.vertical(|ui| {
                    ui.set_width(300.0);
                    let pack = preview.workbook.as_ref().and_then(|(_, p, _)| p.as_ref());
                    let guessed = agency_for_file(review, &CastIndex::of(review), &preview.name)
                        .map(|id| review.title_of(&id));
                    let mut options = vec![Choice {
                        value: None,
                        label: match (pack, &guessed) {
                            (Some(pack), _) => format!("From the agency pack: {}", pack.agency),
                            (None, Some(name)) => format!("From the file name: {name}"),
                            (None, None) => "None (not found from the file name)".into(),
                        },
                        hover: String::new(),
                    }];
                    options.extend(review.agencies.iter().map(|a| Choice {
                        value: Some(a.id.clone()),
                        label: a.name.clone(),
                        hover: a.generic_name.clone(),
                    }));
                    if let Some(agency) =
                        choice_box(ui, "Agency of rows that name none", &self.agency, &options)
                    {
                        self.agency = agency;
                    }
                });
                ui.end_row();
            });
        if changed {
            preview.reread();
            self.picker.settle = 10;
        }
        let extras = preview.map.extra_columns(&preview.table.headers);
        if !extras.is_empty() {
            let names: Vec<&str> = extras
                .iter()
                .map(|&i| preview.table.headers[i].as_str())
                .collect();
            ui.weak(format!(
                "Kept at the end of each entry's text: {}",
                names.join(", ")
            ));
        }
        if let Some(missing) = preview.map.missing(&preview.table.headers) {
            error_note(ui, &missing.replace("--map", "the choices above, e.g."));
            self.plan = None;
            return;
        }

        ui.add_space(6.0);
        ui.label(RichText::new("First rows as they will be imported").strong());
        Grid::new("import-rows")
            .striped(true)
            .num_columns(5)
            .spacing([14.0, 4.0])
            .show(ui, |ui| {
                for title in ["Row", "Date", "Agency", "Author", "Entry text"] {
                    ui.label(RichText::new(title).strong());
                }
                ui.end_row();
                for row in preview.rows.iter().take(PREVIEW_ROWS) {
                    ui.label(row.row.to_string());
                    ui.label(row.date.human());
                    ui.label(short(&row.agency, 30));
                    ui.label(short(&row.author, 24));
                    ui.label(short(&row.text.replace('\n', " · "), 70));
                    ui.end_row();
                }
            });
        if preview.rows.len() > PREVIEW_ROWS {
            ui.weak(format!(
                "…and {} more good rows",
                preview.rows.len() - PREVIEW_ROWS
            ));
        }
        if !preview.problems.is_empty() {
            ui.add_space(6.0);
            problems_list(ui, &preview.problems);
            ui.checkbox(
                &mut self.skip_bad_rows,
                "Skip the rows that cannot be read and import the rest",
            );
        }

        let key = (revision, preview.map.clone(), self.agency.clone());
        if self.plan.as_ref().is_none_or(|p| p.key != key) {
            let pack = preview.workbook.as_ref().and_then(|(_, p, _)| p.as_ref());
            // A pack's rows that name no agency are its agency's.
            let agency_name = self
                .agency
                .as_ref()
                .map(|id| review.title_of(id))
                .or_else(|| pack.map(|p| p.agency.clone()));
            let source = ImportSource {
                file: &preview.name,
                rows: &preview.rows,
                default_agency: agency_name.as_deref(),
            };
            let mut import = import_chronology(review, &[source]);
            let returned = preview.workbook.as_ref().and_then(|(_, pack, answers)| {
                let id = return_agency(
                    review,
                    &import,
                    pack.as_ref(),
                    &preview.rows,
                    agency_name.as_deref(),
                )?;
                let today = chrono::Local::now().date_naive();
                record_return(review, &mut import, &id, preview.rows.len(), answers, today)
            });
            self.plan = Some(Plan {
                key,
                import,
                returned,
            });
        }
        let Some(plan) = &self.plan else {
            return;
        };
        let import = &plan.import;
        ui.add_space(6.0);
        let mut summary = format!(
            "Will add {} entr{}",
            import.new_entries,
            if import.new_entries == 1 { "y" } else { "ies" }
        );
        if import.already_present > 0 {
            summary.push_str(&format!(
                " ({} already in the review from an earlier import)",
                import.already_present
            ));
        }
        ui.label(summary);
        if let Some(r) = &plan.returned {
            ui.label(if r.changed {
                format!(
                    "Records {}'s return: {} chronology entr{}, {} summary answer{}",
                    r.name,
                    r.entries,
                    if r.entries == 1 { "y" } else { "ies" },
                    r.answers,
                    if r.answers == 1 { "" } else { "s" }
                )
            } else {
                format!("{}'s return is already recorded", r.name)
            });
        }
        if !import.new_agencies.is_empty() {
            let names: Vec<&str> = import
                .new_agencies
                .iter()
                .map(|(_, n)| n.as_str())
                .collect();
            ui.label(format!(
                "New agencies, not in the cast: {}",
                names.join(", ")
            ));
        }
        if !import.same_agencies.is_empty() {
            let taken: Vec<String> = import
                .same_agencies
                .iter()
                .map(|(value, agency, why)| format!("{value} as {agency} ({})", why.describe()))
                .collect();
            ui.label(format!(
                "Taken as one agency (give entries another agency in the Chronology panel if not): {}",
                taken.join("; ")
            ));
        }
        if !import.new_people.is_empty() {
            let names: Vec<&str> = import.new_people.iter().map(|(_, n)| n.as_str()).collect();
            ui.label(format!(
                "New people, not in the cast (give them a role and pseudonym afterwards): {}",
                names.join(", ")
            ));
        }
    }

    /// The Import button, once a file is previewed. Returns true when the
    /// import was made.
    fn import_button(&self, ui: &mut Ui, edits: &mut Edits) -> bool {
        let (Some(preview), Some(plan)) = (&self.preview, &self.plan) else {
            return false;
        };
        let import = &plan.import;
        let allowed =
            !import.change.edits.is_empty() && (preview.problems.is_empty() || self.skip_bad_rows);
        let button = egui::Button::new(format!(
            "Import {} entr{}",
            import.new_entries,
            if import.new_entries == 1 { "y" } else { "ies" }
        ));
        let reason = if import.change.edits.is_empty() {
            "There is nothing new to import: every entry is already in the chronology."
        } else {
            "Some rows cannot be read: fix them, or tick the box to skip them."
        };
        let clicked = ui
            .add_enabled(allowed, button)
            .on_disabled_hover_text(reason)
            .clicked();
        if !allowed {
            // Say why the button cannot be used, without needing a hover.
            ui.weak(reason);
        }
        if clicked {
            let mut change = import.change.clone();
            change.label = format!("Import chronology: {}", preview.path.display());
            edits.apply(change);
            return true;
        }
        false
    }
}

/// A cast file read: its rows, or its bad rows.
type CastRead = Result<Vec<crate::import::cast::CastRow>, Vec<RowProblem>>;

/// The "Import cast" dialog.
#[derive(Default)]
pub struct CastImportDialog {
    picker: FilePicker,
    read: Option<(String, CastRead)>,
    error: Option<String>,
    plan: Option<((u64, u64), CastImport)>,
}

impl CastImportDialog {
    /// The dialog with `path` already read and previewed (a file dropped
    /// on the window).
    pub fn for_file(path: PathBuf) -> CastImportDialog {
        let mut dialog = CastImportDialog::default();
        dialog.picker.path = path.display().to_string();
        dialog.picker.settle = 10;
        dialog.load(path);
        dialog
    }

    fn load(&mut self, path: PathBuf) {
        self.read = None;
        self.plan = None;
        self.error = None;
        match std::fs::read(&path) {
            Ok(bytes) => {
                let name = file_name(&path);
                let rows = parse_cast(&bytes, &name);
                self.read = Some((name, rows));
            }
            Err(e) => self.error = Some(format!("{}: cannot read the file: {e}", path.display())),
        }
    }

    /// Draws the dialog; returns false once it is closed.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        review: &Review,
        revision: (u64, u64),
        edits: &mut Edits,
    ) -> bool {
        let mut open = true;
        let height = dialog_height(ctx);
        let response = modal("import-cast-dialog", ctx).show(ctx, |ui| {
            ui.set_max_width(860.0);
            scrolling(height).show(ui, |ui| {
                ui.heading("Import the cast");
                ui.label(
                    "A CSV with the header name,aliases,role,pseudonym,kind (aliases separated \
                         by ;, kind person, agency or place), optionally agency, date of birth and \
                         notes. An empty pseudonym is suggested from the role.",
                );
                ui.add_space(6.0);
                if let Some(path) = self.picker.ui(ui, "Cast file (CSV)", "Import the cast") {
                    self.load(path);
                }
                if let Some(error) = &self.error {
                    error_note(ui, error);
                }
                self.preview_ui(ui, review, revision);
            });
            ui.separator();
            ui.horizontal(|ui| {
                if self.import_button(ui, edits) {
                    open = false;
                }
                if ui.button("Cancel").clicked() {
                    open = false;
                }
            });
        });
        if response.should_close() {
            open = false;
        }
        open
    }

    fn preview_ui(&mut self, ui: &mut Ui, review: &Review, revision: (u64, u64)) {
        let Some((name, read)) = &self.read else {
            return;
        };
        ui.separator();
        let rows = match read {
            Ok(rows) => rows,
            Err(problems) => {
                problems_list(ui, problems);
                ui.weak("Nothing can be imported from this file until these rows are fixed.");
                self.plan = None;
                return;
            }
        };
        if self.plan.as_ref().is_none_or(|(at, _)| *at != revision) {
            self.plan = Some((revision, import_cast(review, rows)));
        }
        let Some((_, import)) = &self.plan else {
            return;
        };
        ui.label(
            RichText::new(format!(
                "{name}: {} row{}",
                rows.len(),
                if rows.len() == 1 { "" } else { "s" }
            ))
            .strong(),
        );
        Grid::new("cast-preview")
            .striped(true)
            .num_columns(3)
            .spacing([14.0, 4.0])
            .show(ui, |ui| {
                for title in ["Id", "Name", "Pseudonym in exports"] {
                    ui.label(RichText::new(title).strong());
                }
                ui.end_row();
                for (id, name, pseudonym) in &import.added {
                    ui.label(id.as_str());
                    ui.label(name);
                    ui.label(pseudonym);
                    ui.end_row();
                }
            });
        if !import.updated.is_empty() {
            let names: Vec<&str> = import.updated.iter().map(|(_, n)| n.as_str()).collect();
            ui.label(format!(
                "Given new aliases or details: {}",
                names.join(", ")
            ));
        }
        if import.already_present > 0 {
            ui.weak(format!(
                "{} row{} already in the cast",
                import.already_present,
                if import.already_present == 1 {
                    " is"
                } else {
                    "s are"
                }
            ));
        }
    }

    /// The Import button, once a file is previewed. Returns true when the
    /// import was made.
    fn import_button(&self, ui: &mut Ui, edits: &mut Edits) -> bool {
        let Some((_, import)) = &self.plan else {
            return false;
        };
        let count = import.added.len() + import.updated.len();
        let reason = "Everyone in this file is already in the cast.";
        let clicked = ui
            .add_enabled(count > 0, egui::Button::new("Import cast"))
            .on_disabled_hover_text(reason)
            .clicked();
        if count == 0 {
            ui.weak(reason);
        }
        if clicked {
            edits.apply(import.change.clone());
            return true;
        }
        false
    }
}
