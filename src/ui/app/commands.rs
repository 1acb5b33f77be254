//! What the app does on a command: undo, redo, the menu's and the
//! shortcuts' actions, and the answers to its questions about unsaved
//! work and recovery files.

use super::*;

impl ForesightApp {
    pub(super) fn run_command(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::New => self.request(Action::New, ctx),
            Command::Open => self.request(Action::Open, ctx),
            Command::OpenRecent(path) => self.request(Action::OpenPath(path), ctx),
            Command::OpenExample(i) => self.request(Action::OpenExample(i), ctx),
            Command::Quit => self.request(Action::Quit, ctx),
            Command::Save => {
                self.save(ctx);
            }
            Command::SaveAs => self.choose_file(Purpose::SaveAs, ctx),
            Command::MergeWith => {
                self.apply_pending_now();
                self.start_screen = false;
                self.merge_dialog = Some(MergeDialog::new());
            }
            Command::ExportPdf => {
                self.panel = PanelKind::Report;
                self.conflicts_open = false;
                self.panels.request_export();
            }
            Command::ExportActionPlan => {
                self.panel = PanelKind::Actions;
                self.conflicts_open = false;
                self.panels.request_action_plan_export();
            }
            Command::Undo => self.undo(),
            Command::Redo => self.redo(),
            Command::ZoomIn => egui::gui_zoom::zoom_in(ctx),
            Command::ZoomOut => egui::gui_zoom::zoom_out(ctx),
            Command::ZoomReset => ctx.set_zoom_factor(1.0),
            Command::ToggleDark => {
                self.settings.dark = !self.settings.dark;
                self.styled = false;
            }
            Command::ClearRecent => self.settings.recent.clear(),
            Command::ToggleProjector => {
                self.settings.projector = !self.settings.projector;
                self.styled = false;
            }
            Command::StartScreen => self.start_screen = true,
            Command::Help(topic) => self.help = Some(topic),
        }
    }

    pub(super) fn undo(&mut self) {
        self.apply_pending_now();
        self.message = match self.document.undo() {
            Some(label) => format!("Undid: {label}"),
            None => "Nothing to undo".to_string(),
        };
    }

    pub(super) fn redo(&mut self) {
        self.apply_pending_now();
        self.message = match self.document.redo() {
            Some(label) => format!("Redid: {label}"),
            None => "Nothing to redo".to_string(),
        };
    }

    /// Carries out an action now, or asks first when there are unsaved changes.
    pub(super) fn request(&mut self, action: Action, ctx: &egui::Context) {
        self.apply_pending_now();
        if self.is_dirty() {
            self.confirm = Some(action);
        } else {
            self.perform(action, ctx);
        }
    }

    pub(super) fn perform(&mut self, action: Action, ctx: &egui::Context) {
        match action {
            Action::New => {
                self.replace(Document::untitled(Review::new("Untitled review")), None);
                self.message = "Started a new review".to_string();
            }
            Action::Open => self.choose_file(Purpose::Open, ctx),
            Action::OpenPath(path) => self.open_path(&path),
            Action::OpenExample(i) => match EXAMPLES.get(i).filter(|e| !e.text.is_empty()) {
                Some(example) => {
                    self.replace(Document::untitled(example.review()), None);
                    self.message = format!(
                        "Opened the example “{}” as an untitled copy",
                        start::example_title(i)
                    );
                }
                None => self.show_error("That example is not bundled in this build."),
            },
            Action::Quit => {
                if !self.is_dirty() {
                    self.autosave.remove_file();
                }
                self.allow_close = true;
                self.close_now = true;
            }
        }
    }

    pub(super) fn on_unsaved_choice(&mut self, choice: UnsavedChoice, ctx: &egui::Context) {
        let Some(action) = self.confirm.take() else {
            return;
        };
        match choice {
            UnsavedChoice::Cancel => self.message = "Cancelled".to_string(),
            UnsavedChoice::DontSave => {
                if action == Action::Quit {
                    // The user chose to lose these changes: no recovery for them.
                    self.autosave.remove_file();
                    self.allow_close = true;
                    self.close_now = true;
                } else {
                    // Opening waits for a file to be chosen: the changes are
                    // dropped only when another review replaces them.
                    self.discard_on_replace = true;
                    self.perform(action, ctx);
                }
            }
            UnsavedChoice::Save => {
                if self.document.path().is_some() {
                    if self.save(ctx) {
                        self.perform(action, ctx);
                    }
                } else {
                    self.after_save = Some(action);
                    self.choose_file(Purpose::SaveAs, ctx);
                }
            }
        }
    }

    pub(super) fn on_recovery_choice(&mut self, choice: RecoveryChoice) {
        match choice {
            RecoveryChoice::Later => self.show_offers = false,
            RecoveryChoice::Discard(i) if i < self.offers.len() => {
                let offer = self.offers.remove(i);
                recovery::remove(&offer.file);
                self.message = "Discarded recovered work".to_string();
            }
            RecoveryChoice::Recover(i) if i < self.offers.len() => {
                let offer = self.offers.remove(i);
                let Ok(found) = offer.recovery else { return };
                if self.is_dirty() {
                    // Keep the open review's work: it is offered again in turn.
                    self.write_autosave();
                    let file = self.autosave.file.clone();
                    let again = recovery::find(&self.autosave.folder)
                        .into_iter()
                        .find(|(f, _)| *f == file)
                        .map(|(file, recovery)| Offer { file, recovery });
                    self.offers.extend(again);
                }
                let mut document = match found.original {
                    Some(path) => Document::from_file(found.review, path),
                    None => Document::untitled(found.review),
                }
                .with_lineage(Lineage::new(found.revisions));
                document.mark_unsaved();
                self.replace(document, Some(offer.file));
                self.message = "Recovered unsaved work: save it to keep it".to_string();
            }
            RecoveryChoice::Discard(_) | RecoveryChoice::Recover(_) => {}
        }
    }

    /// Carries out what a panel asked of the app.
    pub(super) fn run_app_command(&mut self, command: AppCommand, ctx: &egui::Context) {
        match command {
            AppCommand::Show(goto) => {
                if let Some(kind) = self.panels.select(self.document.review(), goto) {
                    self.show_panel(kind, ctx);
                }
            }
            AppCommand::Present(diagram) => {
                self.presentation = Some(Presentation::new(diagram));
                ctx.send_viewport_cmd(ViewportCommand::Fullscreen(true));
                ctx.request_repaint();
            }
            AppCommand::OpenFromLibrary { file, record } => {
                self.request(Action::OpenPath(file.clone()), ctx);
                if self.document.path() == Some(file.as_path()) {
                    let goto = crate::ui::panels::Goto::Record(crate::model::Id::from(record));
                    if let Some(kind) = self.panels.select(self.document.review(), goto) {
                        self.show_panel(kind, ctx);
                    }
                }
            }
            AppCommand::Status(message) => self.message = message,
        }
    }

    /// Switches to a panel a panel asked for.
    fn show_panel(&mut self, kind: PanelKind, ctx: &egui::Context) {
        self.panel = kind;
        self.conflicts_open = false;
        self.edits.seal();
        ctx.request_repaint();
    }
}
