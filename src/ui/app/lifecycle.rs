//! The document's life in the app: edits applied in order, autosave, the
//! window title, and closing without losing work.

use super::*;

impl ForesightApp {
    /// Applies the queued edit commands in order: the one place the review
    /// changes.
    pub(super) fn apply_edits(&mut self, ctx: &egui::Context) {
        if self.edits.is_empty() {
            return;
        }
        self.apply_pending_now();
        ctx.request_repaint();
    }

    pub(super) fn apply_pending_now(&mut self) {
        for pending in self.edits.take() {
            let (label, result) = match pending {
                PendingEdit::Apply(change) => (change.label.clone(), self.document.apply(change)),
                PendingEdit::Typing { change, key } => (
                    change.label.clone(),
                    self.document.apply_merging(change, &key),
                ),
                PendingEdit::Seal => {
                    self.document.seal();
                    continue;
                }
            };
            match result {
                Ok(()) => self.message = label,
                Err(e) => self.show_error(format!("Could not {}: {e}", label.to_lowercase())),
            }
        }
    }

    /// Collects a finished autosave and starts the next when one is due:
    /// the recovery file is written on a worker, never in the frame.
    pub(super) fn autosave_tick(&mut self, ctx: &egui::Context) {
        if let Some(result) = self.autosave.collect(&mut self.document) {
            self.autosave_done(result);
        }
        if self.autosave.is_writing() || !self.document.needs_autosave() {
            return;
        }
        let due_in = self.autosave.due_in();
        if due_in.is_zero() {
            self.autosave.start(&self.document, ctx);
        } else {
            ctx.request_repaint_after(due_in);
        }
    }

    /// Writes the recovery file now and waits for it (before the open
    /// review is replaced by recovered work).
    pub(super) fn write_autosave(&mut self) {
        let result = self.autosave.write(&mut self.document);
        self.autosave_done(result);
    }

    /// Waits for an autosave under way, if any, and records its outcome.
    pub fn finish_autosave(&mut self) {
        if let Some(result) = self.autosave.finish(&mut self.document) {
            self.autosave_done(result);
        }
    }

    fn autosave_done(&mut self, result: Result<(), String>) {
        if let Err(e) = result {
            if !self.autosave.failed {
                self.show_error(e.clone());
            }
            self.autosave.failed = true;
            self.message = e;
        }
    }

    pub(super) fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    pub(super) fn handle_close_request(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) || self.allow_close {
            return;
        }
        self.apply_pending_now();
        if self.is_dirty() {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.confirm = Some(Action::Quit);
        } else {
            self.autosave.remove_file();
        }
    }
}
