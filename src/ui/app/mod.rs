//! The app: one open [`Document`], the panels that show it, and the one
//! place where edit commands are applied, files are opened and saved, and
//! unsaved work is protected (prompts, autosave, recovery).

mod commands;
mod documents;
mod lifecycle;

use std::path::{Path, PathBuf};
use std::time::Duration;

use eframe::egui::{self, Button, RichText, Ui, ViewportCommand, vec2};

use super::app_commands::{AppCommand, AppCommands};
use super::autosave::Autosave;
use super::conflicts::ConflictView;
use super::edits::{Edits, PendingEdit};
use super::files::{FileDialogs, Outcome, Purpose, with_review_extension};
use super::help::{self, HelpTopic};
use super::menu::{self, Command, MenuState};
use super::merge::{MergeChoice, MergeDialog, replace_change};
use super::modals::{self, Offer, PathPrompt, PromptResult, RecoveryChoice, UnsavedChoice};
use super::panels::{PanelContext, PanelKind, Panels};
use super::presentation::{Outcome as PresentationOutcome, Presentation};
use super::settings::Settings;
use super::start::{self, StartChoice, StartState};
use super::status::{self, Status};
use super::style;
use crate::document::Document;
use crate::examples::EXAMPLES;
use crate::merge::Ancestor;
use crate::model::{Lineage, Review};
use crate::store::recovery;
use crate::taxonomy::{Taxonomy, template_folders};
use crate::validate::{Problem, validate};

/// Something that replaces or closes the open review, and so must ask first
/// when there are unsaved changes.
#[derive(Debug, Clone, PartialEq)]
enum Action {
    New,
    Open,
    OpenPath(PathBuf),
    OpenExample(usize),
    Quit,
}

impl Action {
    /// Completes "If you … without saving".
    fn doing(&self) -> &'static str {
        match self {
            Action::New => "start a new review",
            Action::Open | Action::OpenPath(_) | Action::OpenExample(_) => "open another review",
            Action::Quit => "quit",
        }
    }
}

/// The review's taxonomy, looked up again only when its name changes.
#[derive(Default)]
struct TaxonomyCache {
    name: Option<String>,
    /// Shared with the background validation without a copy.
    taxonomy: Option<std::sync::Arc<Taxonomy>>,
    error: Option<String>,
}

impl TaxonomyCache {
    fn refresh(&mut self, name: &str) {
        if self.name.as_deref() == Some(name) {
            return;
        }
        self.name = Some(name.to_string());
        match Taxonomy::find(name, &template_folders()) {
            Ok(taxonomy) => {
                self.taxonomy = Some(std::sync::Arc::new(taxonomy));
                self.error = None;
            }
            Err(e) => {
                self.taxonomy = None;
                self.error = Some(e.to_string());
            }
        }
    }
}

/// The Foresight desktop app.
pub struct ForesightApp {
    document: Document,
    /// Counts documents opened, so caches keyed on (generation, state) never
    /// confuse two documents.
    generation: u64,
    panel: PanelKind,
    panels: Panels,
    /// What will be published, per revision, shared by the panels.
    publication: crate::ui::publication_cache::PublicationCache,
    edits: Edits,
    /// What panels asked of the app this frame.
    app_commands: AppCommands,
    taxonomy: TaxonomyCache,
    problems: super::background::PerRevision<Vec<Problem>>,
    autosave: Autosave,
    files: FileDialogs,
    settings: Settings,
    /// An action waiting for the answer to "Save changes?".
    confirm: Option<Action>,
    /// An action to carry out once a Save as… completes.
    after_save: Option<Action>,
    path_prompt: Option<PathPrompt>,
    offers: Vec<Offer>,
    show_offers: bool,
    errors: Vec<String>,
    message: String,
    title: String,
    allow_close: bool,
    close_now: bool,
    /// The user chose "Don't save": the next replacement drops the work.
    discard_on_replace: bool,
    styled: bool,
    fonts_installed: bool,
    /// The diagram being presented full screen, if any.
    presentation: Option<Presentation>,
    /// Where the user's templates are (report templates, taxonomies, word
    /// lists): `FORESIGHT_TEMPLATES`, then the configuration folder.
    template_folders: Vec<PathBuf>,
    /// True while the start screen shows in place of the panels.
    start_screen: bool,
    /// The Help window's page, while it is open.
    help: Option<HelpTopic>,
    /// Files dropped on the window, not yet opened or imported.
    dropped: Vec<PathBuf>,
    /// The Merge with… dialog, while it is open.
    merge_dialog: Option<MergeDialog>,
    /// True while the conflict view shows in place of the panel.
    conflicts_open: bool,
    /// The conflict view's edited values.
    conflict_view: ConflictView,
}

impl ForesightApp {
    /// The app showing `document`, autosaving to `recovery_folder`. Any
    /// recovery files already in that folder are offered at once.
    pub fn new(document: Document, recovery_folder: PathBuf) -> ForesightApp {
        let offers: Vec<Offer> = recovery::find(&recovery_folder)
            .into_iter()
            .map(|(file, recovery)| Offer { file, recovery })
            .collect();
        let avoid: Vec<PathBuf> = offers.iter().map(|o| o.file.clone()).collect();
        let autosave = Autosave::new(recovery_folder, &document, &avoid);
        ForesightApp {
            document,
            generation: 0,
            panel: PanelKind::Overview,
            panels: Panels::default(),
            publication: Default::default(),
            edits: Edits::default(),
            app_commands: AppCommands::default(),
            taxonomy: TaxonomyCache::default(),
            problems: Default::default(),
            autosave,
            files: FileDialogs::default(),
            settings: Settings::default(),
            confirm: None,
            after_save: None,
            path_prompt: None,
            show_offers: !offers.is_empty(),
            offers,
            errors: Vec::new(),
            message: String::new(),
            title: String::new(),
            allow_close: false,
            close_now: false,
            discard_on_replace: false,
            styled: false,
            fonts_installed: false,
            presentation: None,
            template_folders: crate::taxonomy::template_folders(),
            start_screen: false,
            help: None,
            dropped: Vec::new(),
            merge_dialog: None,
            conflicts_open: false,
            conflict_view: ConflictView::default(),
        }
    }

    /// Shows the start screen over the open review (as at a start with no
    /// file named); it closes once the user chooses something.
    pub fn with_start_screen(mut self) -> ForesightApp {
        self.start_screen = true;
        self
    }

    /// True while the start screen is on screen.
    pub fn start_screen_open(&self) -> bool {
        self.start_screen
    }

    /// The page of the Help window, while it is open.
    pub fn help_topic(&self) -> Option<HelpTopic> {
        self.help
    }

    /// The app with the user's templates read from `folders` (before the
    /// usual ones): a partnership's shared templates, or a test's.
    pub fn with_template_folders(mut self, folders: Vec<PathBuf>) -> ForesightApp {
        let mut all = folders;
        all.extend(crate::taxonomy::template_folders());
        self.template_folders = all;
        self
    }

    /// The app with the library database at `path` instead of the one in
    /// the data folder (a partnership's shared copy, or a test's).
    pub fn with_library(mut self, path: PathBuf) -> ForesightApp {
        self.panels.set_library_path(path);
        self
    }

    /// Queues a change as a form does for a key typed into a field: it is
    /// applied at the next frame and merges into one undo step with the
    /// changes typed into the same field (`key`) before it.
    pub fn type_change(&mut self, change: crate::edit::Change, key: &str) {
        self.edits.typing(change, key);
    }

    /// The open document.
    pub fn document(&self) -> &Document {
        &self.document
    }

    /// True when the review has changes that are not in its file: edits
    /// since the last save, or recovered work not saved yet.
    pub fn is_dirty(&self) -> bool {
        self.document.is_dirty()
    }

    /// The presentation on screen, if any.
    pub fn presentation(&self) -> Option<&Presentation> {
        self.presentation.as_ref()
    }

    /// The records highlighted for the loop selected on the Loops panel.
    pub fn loop_highlight(&self) -> Option<&std::collections::HashSet<crate::model::Id>> {
        self.panels.loop_highlight()
    }

    /// The panel on screen.
    pub fn panel(&self) -> PanelKind {
        self.panel
    }

    /// True while the conflict view is on screen.
    pub fn conflicts_open(&self) -> bool {
        self.conflicts_open
    }

    /// The last action, as the status bar shows it (e.g. "Merged … cleanly").
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The messages of the error banner.
    pub fn errors(&self) -> &[String] {
        &self.errors
    }

    /// The recovery file of the open document.
    pub fn recovery_file(&self) -> &Path {
        &self.autosave.file
    }

    /// Sets the time between autosaves (30 s by default; tests use zero).
    pub fn set_autosave_interval(&mut self, interval: Duration) {
        self.autosave.interval = interval;
    }

    /// Shows an error in the banner.
    pub fn show_error(&mut self, message: impl Into<String>) {
        self.errors.push(message.into());
    }

    /// Restores remembered settings (recent files, text size, theme).
    pub fn restore_settings(&mut self, settings: Settings) {
        self.settings = settings;
        if let Some(path) = self.document.path().map(Path::to_path_buf) {
            self.settings.remember(&path);
        }
        self.styled = false;
    }

    /// The window title: unsaved marker, the review's title, its file name
    /// when it has a file, and the app name. A review with no title yet is
    /// named by its file ("Untitled review" before the first save).
    pub fn window_title(&self) -> String {
        let marker = if self.is_dirty() { "● " } else { "" };
        let title = self.document.review().meta.title.trim();
        let title: String = title.split_whitespace().collect::<Vec<_>>().join(" ");
        match (title.is_empty(), self.document.path()) {
            (true, _) => format!("{marker}{} — Foresight", self.document.display_name()),
            (false, None) => format!("{marker}{title} — Foresight"),
            (false, Some(_)) => format!(
                "{marker}{title} — {} — Foresight",
                self.document.display_name()
            ),
        }
    }

    /// Draws the whole app (menu bar, panel switcher, panel, status bar,
    /// dialogs) and carries out what the user did.
    pub fn show(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if !self.fonts_installed {
            style::install_fonts(&ctx);
            self.fonts_installed = true;
        }
        if !self.styled {
            style::apply(&ctx, self.settings.dark);
            style::set_projector(&ctx, self.settings.projector);
            if let Some(zoom) = self.settings.zoom {
                ctx.set_zoom_factor(zoom);
            }
            self.styled = true;
        }
        self.handle_close_request(&ctx);

        if self.present(ui, &ctx) {
            return;
        }

        let mut commands = Vec::new();
        if !self.modal_open() {
            commands.extend(menu::shortcut(&ctx));
        }
        egui::Panel::top("menu-bar").show(ui, |ui| {
            let state = MenuState {
                undo: self.document.undo_label(),
                redo: self.document.redo_label(),
                recent: &self.settings.recent,
                dark: self.settings.dark,
                projector: self.settings.projector,
            };
            commands.extend(menu::menu_bar(ui, &state));
        });
        // Menu and shortcut commands act before the panels draw, so that an
        // undo is shown in the same frame.
        for command in commands {
            self.run_command(command, &ctx);
        }

        self.error_banner(ui);
        if !self.start_screen {
            self.conflict_banner(ui);
        }
        let autosaved = self.autosave.last_written.clone();
        status::status_bar(
            ui,
            &Status {
                path: self.document.path(),
                dirty: self.is_dirty(),
                autosaved: autosaved.as_deref(),
                message: &self.message,
            },
        );
        if self.start_screen {
            self.start_screen(ui, &ctx);
        } else {
            self.switcher(ui);
            self.current_panel(ui);
        }
        for command in self.app_commands.take() {
            self.run_app_command(command, &ctx);
        }
        self.dialogs(&ctx);
        self.dropped_files(&ctx);

        self.apply_edits(&ctx);
        self.poll_files(&ctx);
        self.autosave_tick(&ctx);
        self.update_title(&ctx);
        self.settings.zoom = Some(ctx.zoom_factor()).filter(|z| (*z - 1.0).abs() > f32::EPSILON);
        if self.files.is_busy() {
            ctx.request_repaint_after(Duration::from_millis(100));
        }
        if self.close_now {
            self.close_now = false;
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
    }

    /// Draws the presentation when one is on; returns false when there is
    /// none. Autosave and the close prompt keep working meanwhile.
    fn present(&mut self, ui: &mut Ui, ctx: &egui::Context) -> bool {
        let Some(presentation) = self.presentation.as_mut() else {
            return false;
        };
        if self.confirm.is_some() {
            // A close prompt is waiting: leave the presentation to show it.
            self.presentation = None;
            ctx.send_viewport_cmd(ViewportCommand::Fullscreen(false));
            return false;
        }
        if presentation.show(ui, self.document.review()) == PresentationOutcome::Leave {
            self.presentation = None;
            ctx.send_viewport_cmd(ViewportCommand::Fullscreen(false));
            ctx.request_repaint();
        }
        self.autosave_tick(ctx);
        true
    }

    /// The start screen in place of the panels, and what the user chose on
    /// it.
    fn start_screen(&mut self, ui: &mut Ui, ctx: &egui::Context) {
        let state = StartState {
            recent: &self.settings.recent,
            open_title: &self.document.review().meta.title,
            show_at_start: !self.settings.hide_start_screen,
        };
        let choice = egui::CentralPanel::default()
            .show(ui, |ui| start::show(ui, &state))
            .inner;
        let Some(choice) = choice else { return };
        if self.modal_open() {
            return;
        }
        match choice {
            StartChoice::ShowAtStart(show) => self.settings.hide_start_screen = !show,
            StartChoice::Continue => self.start_screen = false,
            StartChoice::Tour(kind) => {
                self.start_screen = false;
                self.panel = kind;
                self.conflicts_open = false;
            }
            StartChoice::New => {
                self.start_screen = false;
                self.request(Action::New, ctx);
            }
            StartChoice::Open => {
                self.start_screen = false;
                self.request(Action::Open, ctx);
            }
            StartChoice::OpenRecent(path) => {
                self.start_screen = false;
                self.request(Action::OpenPath(path), ctx);
            }
            StartChoice::OpenExample(i) => {
                self.start_screen = false;
                self.request(Action::OpenExample(i), ctx);
            }
        }
        ctx.request_repaint();
    }

    fn modal_open(&self) -> bool {
        self.confirm.is_some()
            || self.path_prompt.is_some()
            || (self.show_offers && !self.offers.is_empty())
            || self.merge_dialog.is_some()
    }

    // ----- Drawing -----

    fn error_banner(&mut self, ui: &mut Ui) {
        if self.errors.is_empty() {
            return;
        }
        let fill = if ui.visuals().dark_mode {
            egui::Color32::from_rgb(90, 20, 20)
        } else {
            egui::Color32::from_rgb(255, 228, 225)
        };
        let mut dismissed = None;
        egui::Panel::top("errors")
            .frame(egui::Frame::side_top_panel(ui.style()).fill(fill))
            .show(ui, |ui| {
                for (i, error) in self.errors.iter().enumerate() {
                    ui.horizontal(|ui| {
                        if ui
                            .button("Dismiss")
                            .accessible_name(format!("Dismiss error {}", i + 1))
                            .clicked()
                        {
                            dismissed = Some(i);
                        }
                        ui.add(egui::Label::new(RichText::new(error).strong()).wrap());
                    });
                }
            });
        if let Some(i) = dismissed {
            self.errors.remove(i);
        }
    }

    /// The panel switcher down the left: the review's title, then one
    /// button per panel. It scrolls when the window is too short for it
    /// (1280×720 with the projector setting), so no panel is out of reach.
    fn switcher(&mut self, ui: &mut Ui) {
        egui::Panel::left("panel-switcher")
            .resizable(false)
            .exact_size(220.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("panel-switcher-scroll")
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        ui.add_space(10.0);
                        let title = self.document.review().meta.title.trim();
                        ui.add(
                            egui::Label::new(
                                RichText::new(if title.is_empty() {
                                    "Untitled review"
                                } else {
                                    title
                                })
                                .strong(),
                            )
                            .wrap(),
                        );
                        ui.add_space(10.0);
                        let size = ui.text_style_height(&egui::TextStyle::Button) + 3.0;
                        let height = (size * 1.8).max(ui.spacing().interact_size.y);
                        for kind in PanelKind::ALL {
                            let button = Button::selectable(
                                self.panel == kind && !self.conflicts_open,
                                RichText::new(kind.label()).size(size),
                            )
                            .min_size(vec2(ui.available_width(), height));
                            if ui.add(button).clicked()
                                && (self.panel != kind || self.conflicts_open)
                            {
                                self.panel = kind;
                                self.conflicts_open = false;
                                self.edits.seal();
                            }
                        }
                        let conflicts = self.document.review().meta.conflicts.len();
                        if conflicts > 0 || self.conflicts_open {
                            ui.separator();
                            let button = Button::selectable(
                                self.conflicts_open,
                                RichText::new(format!("Merge conflicts ({conflicts})")).size(size),
                            )
                            .min_size(vec2(ui.available_width(), height));
                            if ui.add(button).clicked() && !self.conflicts_open {
                                self.conflicts_open = true;
                                self.edits.seal();
                            }
                        }
                    });
            });
    }

    fn current_panel(&mut self, ui: &mut Ui) {
        self.taxonomy.refresh(&self.document.review().meta.taxonomy);
        let revision = (self.generation, self.document.state());
        // On a large review, while the reviewer types, the problems of the
        // last revision checked, the next checked in the background.
        // A shared handle, not a copy of the taxonomy, every frame.
        let taxonomy = self.taxonomy.taxonomy.clone();
        let (_, problems) =
            self.problems
                .get(self.document.review(), revision, ui.ctx(), move |review| {
                    validate(review, taxonomy.as_deref())
                });
        let problems = problems.as_slice();
        self.publication.set_context(ui.ctx());
        let cx = PanelContext {
            review: self.document.review(),
            taxonomy: self.taxonomy.taxonomy.as_deref(),
            taxonomy_error: self.taxonomy.error.as_deref(),
            problems,
            revision,
            path: self.document.path(),
            publication: &self.publication,
            template_folders: &self.template_folders,
        };
        let panel = self.panel;
        if self.conflicts_open {
            egui::CentralPanel::default().show(ui, |ui| {
                self.conflict_view.ui(ui, cx.review, &mut self.edits);
            });
            return;
        }
        egui::CentralPanel::default().show(ui, |ui| {
            self.panels
                .ui(panel, ui, &cx, &mut self.edits, &mut self.app_commands);
        });
    }

    /// While a merge's conflicts remain: how many, that publication waits
    /// for them, and the way to the conflict view.
    fn conflict_banner(&mut self, ui: &mut Ui) {
        let count = self.document.review().meta.conflicts.len();
        if count == 0 || self.conflicts_open {
            return;
        }
        egui::Panel::top("conflict-banner").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(
                    RichText::new(format!(
                        "{count} unresolved merge conflict{}: the review keeps your value in each \
                         until you choose, and the report cannot be published until every one is \
                         resolved.",
                        if count == 1 { "" } else { "s" }
                    ))
                    .color(ui.visuals().warn_fg_color),
                );
                if ui.button("Show conflicts").clicked() {
                    self.conflicts_open = true;
                    self.edits.seal();
                }
            });
        });
    }

    fn dialogs(&mut self, ctx: &egui::Context) {
        if self.help.is_some() {
            let places = help::Places {
                review: self.document.path().map(Path::to_path_buf),
                template_folders: self.template_folders.clone(),
                recovery: self.autosave.folder.clone(),
            };
            help::window(ctx, &mut self.help, &menu::shortcut_list(ctx), &places);
        }
        if self.show_offers && !self.offers.is_empty() {
            if let Some(choice) = modals::recovery(ctx, &self.offers) {
                self.on_recovery_choice(choice);
            }
        } else if let Some(action) = &self.confirm {
            let doing = action.doing();
            if let Some(choice) = modals::unsaved_changes(ctx, &self.document.display_name(), doing)
            {
                self.on_unsaved_choice(choice, ctx);
            }
        } else if let Some(prompt) = &mut self.path_prompt
            && let Some(result) = modals::path_prompt(ctx, prompt)
        {
            let purpose = prompt.purpose;
            self.path_prompt = None;
            match result {
                PromptResult::Go(path) => self.on_file_chosen(purpose, path, ctx),
                PromptResult::Cancel => {
                    self.after_save = None;
                    self.discard_on_replace = false;
                }
            }
        } else if let Some(dialog) = &mut self.merge_dialog {
            match dialog.show(ctx, self.document.path()) {
                Some(MergeChoice::Merge(request)) => {
                    self.merge_dialog = None;
                    self.merge_with(&request.theirs, request.base.as_deref());
                    ctx.request_repaint();
                }
                Some(MergeChoice::Cancel) => {
                    self.merge_dialog = None;
                    self.message = "Cancelled".to_string();
                }
                None => {}
            }
        }
    }

    /// Files dropped on the window: a review (`.ron`) opens, asking first
    /// when there are unsaved changes; a table (CSV, TSV, Excel) opens the
    /// import with its preview (the cast's on the Cast panel, else the
    /// chronology's). Anything else is named in the error banner.
    fn dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        self.dropped.extend(dropped);
        if self.dropped.is_empty() || self.modal_open() {
            return;
        }
        ctx.request_repaint();
        for path in std::mem::take(&mut self.dropped) {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            let extension = name.rsplit('.').next().unwrap_or_default().to_string();
            match extension.as_str() {
                "ron" => {
                    self.start_screen = false;
                    self.request(Action::OpenPath(path), ctx);
                    // One review at a time: the first one dropped.
                    return;
                }
                "csv" | "tsv" | "tab" | "txt" | "xlsx" | "xlsm" => {
                    self.start_screen = false;
                    self.panel = self.panels.import_dropped(self.panel, path);
                    return;
                }
                _ => self.show_error(format!(
                    "{} is not a review (.review.ron) or a table to import (CSV, TSV or Excel).",
                    path.display()
                )),
            }
        }
    }

    /// Files dropped on the window, as if dragged there: they are opened
    /// or imported at the next frame (the way tests drop files).
    pub fn drop_files(&mut self, files: Vec<PathBuf>) {
        self.dropped.extend(files);
    }
}

impl eframe::App for ForesightApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.settings.last_file = self.document.path().map(Path::to_path_buf);
        eframe::set_value(storage, super::settings::KEY, &self.settings);
    }

    fn on_exit(&mut self) {
        if !self.is_dirty() {
            self.autosave.remove_file();
        }
    }
}
