//! Opening, saving and merging review files: the file dialogs, the
//! document replaced with its history and autosave attached.

use super::*;

impl ForesightApp {
    /// Merges another reviewer's copy (`theirs`, with the copies' common
    /// ancestor `base` when known) into the open review, as one undoable
    /// step, and says how it went: merged cleanly, or how many conflicts
    /// remain (the conflict view then opens). This is what File → Merge
    /// with… does once the files are chosen; tests may call it directly.
    pub fn merge_with(&mut self, theirs: &Path, base: Option<&Path>) {
        self.apply_pending_now();
        let (theirs_review, theirs_lineage) = match crate::store::load_with_lineage(theirs) {
            Ok(loaded) => loaded,
            Err(e) => return self.show_error(format!("Could not merge: {e}")),
        };
        let bases: Vec<PathBuf> = base.map(Path::to_path_buf).into_iter().collect();
        let document = &self.document;
        let ours = crate::merge::ReviewCopy {
            path: document.path().unwrap_or(theirs),
            review: document.review(),
            lineage: document.lineage(),
            unsaved: document.path().is_none() || document.is_dirty(),
        };
        let other = crate::merge::ReviewCopy {
            path: theirs,
            review: &theirs_review,
            lineage: &theirs_lineage,
            unsaved: false,
        };
        let merged = match crate::merge::merge_copies(ours, other, &bases, None) {
            Ok(merged) => merged,
            Err(e) => return self.show_error(format!("Could not merge: {e}")),
        };
        let result = &merged.merge;
        let ours = self.document.review();
        let name = theirs.file_name().map_or_else(
            || theirs.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        if result.review == *ours {
            self.message = format!("Nothing to merge: {name} adds nothing to this review");
            return;
        }
        let change = replace_change(ours, &result.review, format!("Merge with {name}"));
        if let Err(e) = self.document.apply_merge(change, merged.lineage.clone()) {
            return self.show_error(format!("Could not merge {name}: {e}"));
        }
        let count = result.review.meta.conflicts.len();
        let mut message = if count == 0 {
            format!("Merged {name} cleanly")
        } else {
            format!(
                "Merged {name}: {count} conflict{} to resolve",
                if count == 1 { "" } else { "s" }
            )
        };
        if !result.renumbered.is_empty() {
            let renumbered: Vec<String> = result
                .renumbered
                .iter()
                .map(|(from, to)| format!("their {from} is now {to}"))
                .collect();
            message.push_str(&format!(" ({})", renumbered.join(", ")));
        }
        match &merged.ancestor {
            Ancestor::Found { path, revision } => message.push_str(&format!(
                " from your common ancestor {} ({})",
                path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into_owned()
                ),
                revision.describe()
            )),
            Ancestor::Missing { revision } if count > 0 => message.push_str(&format!(
                " without your common ancestor: the copies last shared {}, but no file of it is beside them, so every difference is a conflict (choose it as the common ancestor to merge field by field)",
                revision.describe()
            )),
            Ancestor::Unrelated if count > 0 => message.push_str(
                " without a common ancestor: the copies record none in common, so every difference is a conflict",
            ),
            _ => {}
        }
        self.message = message;
        self.conflicts_open = count > 0;
    }

    // ----- Files -----

    pub(super) fn choose_file(&mut self, purpose: Purpose, ctx: &egui::Context) {
        if self.files.unavailable {
            self.path_prompt = Some(PathPrompt {
                purpose,
                text: self
                    .document
                    .path()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default(),
            });
        } else {
            self.files.start(purpose, self.document.path(), ctx);
        }
    }

    pub(super) fn poll_files(&mut self, ctx: &egui::Context) {
        match self.files.poll() {
            Some(Outcome::Chosen(purpose, path)) => self.on_file_chosen(purpose, path, ctx),
            Some(Outcome::Cancelled(_)) => {
                self.after_save = None;
                self.discard_on_replace = false;
                self.message = "Cancelled".to_string();
            }
            Some(Outcome::Unavailable(purpose)) => {
                self.path_prompt = Some(PathPrompt {
                    purpose,
                    text: self
                        .document
                        .path()
                        .map(|p| p.display().to_string())
                        .unwrap_or_default(),
                });
            }
            None => {}
        }
    }

    pub(super) fn on_file_chosen(&mut self, purpose: Purpose, path: PathBuf, ctx: &egui::Context) {
        match purpose {
            Purpose::Open => self.open_path(&path),
            Purpose::SaveAs => {
                let path = with_review_extension(path);
                if self.save_as(&path)
                    && let Some(action) = self.after_save.take()
                {
                    self.perform(action, ctx);
                }
            }
            // Exports choose their files in their own panels.
            Purpose::Export => {}
        }
    }

    pub(super) fn open_path(&mut self, path: &Path) {
        match Document::open(path) {
            Ok(document) => {
                self.settings.remember(path);
                self.replace(document, None);
                self.message = match crate::store::comments_dropped_note(path) {
                    Some(note) => format!("Opened. {note}"),
                    None => format!("Opened {}", path.display()),
                };
            }
            Err(e) => {
                self.discard_on_replace = false;
                self.show_error(format!("Could not open the review. {e}"));
            }
        }
    }

    /// Saves to the review's file, or asks for one. True when saved now.
    pub(super) fn save(&mut self, ctx: &egui::Context) -> bool {
        self.apply_pending_now();
        match self.document.save() {
            Ok(true) => {
                self.saved();
                true
            }
            Ok(false) => {
                self.choose_file(Purpose::SaveAs, ctx);
                false
            }
            Err(e) => {
                self.after_save = None;
                self.show_error(format!("Could not save the review. {e}"));
                false
            }
        }
    }

    pub(super) fn save_as(&mut self, path: &Path) -> bool {
        self.apply_pending_now();
        match self.document.save_as(path) {
            Ok(()) => {
                self.autosave.remove_file();
                let avoid = self.offer_files();
                self.autosave.attach(&self.document, None, &avoid);
                self.saved();
                true
            }
            Err(e) => {
                self.after_save = None;
                self.show_error(format!("Could not save the review. {e}"));
                false
            }
        }
    }

    pub(super) fn saved(&mut self) {
        self.autosave.remove_file();
        self.document.seal();
        if let Some(path) = self.document.path().map(Path::to_path_buf) {
            self.settings.remember(&path);
            self.message = format!("Saved to {}", path.display());
        }
    }

    pub(super) fn offer_files(&self) -> Vec<PathBuf> {
        self.offers.iter().map(|o| o.file.clone()).collect()
    }

    /// Shows another document. The old one's recovery file is removed
    /// unless it still holds unsaved work; `recovery_file` is the new one's
    /// when it was recovered.
    pub(super) fn replace(&mut self, document: Document, recovery_file: Option<PathBuf>) {
        if !self.is_dirty() || self.discard_on_replace {
            self.autosave.remove_file();
        }
        self.discard_on_replace = false;
        self.document = document;
        self.generation += 1;
        self.panels.reset();
        self.edits.take();
        self.confirm = None;
        self.merge_dialog = None;
        self.conflicts_open = false;
        self.conflict_view.reset();
        let avoid = self.offer_files();
        self.autosave.attach(&self.document, recovery_file, &avoid);
    }
}
