//! Native file dialogs (rfd) on a worker thread, so the window keeps
//! drawing while a dialog is open.
//!
//! rfd returns `None` both when the user cancels and when no dialog is
//! available (no desktop portal, no zenity). A `None` that comes back almost
//! at once is taken to mean "no dialog available", and the app then asks for
//! a typed path instead.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

use eframe::egui;

/// A `None` faster than this means no dialog could be shown.
const TOO_FAST: Duration = Duration::from_millis(150);

/// What a file is being chosen for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Opening a review.
    Open,
    /// Saving the review under a new name.
    SaveAs,
    /// Choosing where an export (report, figure) is written.
    Export,
}

impl Purpose {
    /// The verb on the typed-path window's button.
    pub fn verb(self) -> &'static str {
        match self {
            Purpose::Open => "Open",
            Purpose::SaveAs | Purpose::Export => "Save",
        }
    }
}

/// How a file dialog ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The user chose a file.
    Chosen(Purpose, PathBuf),
    /// The user cancelled.
    Cancelled(Purpose),
    /// No dialog could be shown: ask for a typed path.
    Unavailable(Purpose),
}

struct Pending {
    purpose: Purpose,
    /// The chosen path and how long the dialog was open, measured on the
    /// worker thread (the window may poll much later).
    receiver: Receiver<(Option<PathBuf>, Duration)>,
}

/// The file dialog in progress, if any.
#[derive(Default)]
pub struct FileDialogs {
    pending: Option<Pending>,
    /// Set once no dialog could be shown: later requests go straight to the
    /// typed path.
    pub unavailable: bool,
}

impl FileDialogs {
    /// True while a dialog is open.
    pub fn is_busy(&self) -> bool {
        self.pending.is_some()
    }

    /// Runs `show` (which shows a native dialog and returns the path
    /// chosen) on a worker thread; its outcome comes back from
    /// [`FileDialogs::poll`] as for `purpose`. Does nothing while another
    /// dialog is open; when no thread can be started, later requests go
    /// straight to the typed path.
    fn spawn(
        &mut self,
        purpose: Purpose,
        ctx: &egui::Context,
        show: impl FnOnce() -> Option<PathBuf> + Send + 'static,
    ) {
        if self.pending.is_some() {
            return;
        }
        let (sender, receiver) = channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("file-dialog".into())
            .spawn(move || {
                let started = Instant::now();
                let chosen = show();
                let _ = sender.send((chosen, started.elapsed()));
                ctx.request_repaint();
            });
        if spawned.is_ok() {
            self.pending = Some(Pending { purpose, receiver });
        } else {
            self.unavailable = true;
        }
    }

    /// Opens a native dialog on a worker thread. `near` is the current file,
    /// used for the starting folder and name.
    pub fn start(&mut self, purpose: Purpose, near: Option<&Path>, ctx: &egui::Context) {
        let folder = near.and_then(Path::parent).map(Path::to_path_buf);
        let name = near.and_then(Path::file_name).map_or_else(
            || "review.review.ron".to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        self.spawn(purpose, ctx, move || {
            let mut dialog = rfd::FileDialog::new().add_filter("Foresight review", &["ron"]);
            if let Some(folder) = folder {
                dialog = dialog.set_directory(folder);
            }
            match purpose {
                Purpose::Open => dialog.set_title("Open a review").pick_file(),
                Purpose::SaveAs | Purpose::Export => dialog
                    .set_title("Save the review as")
                    .set_file_name(name)
                    .save_file(),
            }
        });
    }

    /// Opens a native Save dialog on a worker thread for an export:
    /// `suggested` is the file offered (its folder, usually the review's,
    /// and its name), `kind` and `extensions` the file type. Its outcome
    /// comes back from [`FileDialogs::poll`] as [`Purpose::Export`].
    pub fn start_export(
        &mut self,
        title: &str,
        suggested: &Path,
        kind: &str,
        extensions: &[&str],
        ctx: &egui::Context,
    ) {
        let title = title.to_string();
        let kind = kind.to_string();
        let extensions: Vec<String> = extensions.iter().map(|e| (*e).to_string()).collect();
        let folder = suggested
            .parent()
            .filter(|p| !p.as_os_str().is_empty() && p.is_dir())
            .map(Path::to_path_buf);
        let name = suggested
            .file_name()
            .map(|n| n.to_string_lossy().into_owned());
        self.spawn(Purpose::Export, ctx, move || {
            let mut dialog = rfd::FileDialog::new()
                .add_filter(kind, &extensions)
                .set_title(title);
            if let Some(folder) = folder {
                dialog = dialog.set_directory(folder);
            }
            if let Some(name) = name {
                dialog = dialog.set_file_name(name);
            }
            dialog.save_file()
        });
    }

    /// Opens a native dialog on a worker thread to pick a review file, with
    /// its own `title` (File → Merge with…). `near` is the open review's
    /// file, for the starting folder. Its outcome comes back from
    /// [`FileDialogs::poll`] as for [`Purpose::Open`].
    pub fn start_pick(&mut self, title: &str, near: Option<&Path>, ctx: &egui::Context) {
        let title = title.to_string();
        let folder = near.and_then(Path::parent).map(Path::to_path_buf);
        self.spawn(Purpose::Open, ctx, move || {
            let mut dialog = rfd::FileDialog::new()
                .add_filter("Foresight review", &["ron"])
                .set_title(title);
            if let Some(folder) = folder {
                dialog = dialog.set_directory(folder);
            }
            dialog.pick_file()
        });
    }

    /// Opens a native dialog on a worker thread to pick a table to import
    /// (CSV or TSV, and Excel workbooks when `excel`). Its outcome comes
    /// back from [`FileDialogs::poll`] as for [`Purpose::Open`].
    pub fn start_table(&mut self, title: &str, excel: bool, ctx: &egui::Context) {
        let title = title.to_string();
        self.spawn(Purpose::Open, ctx, move || {
            let dialog = if excel {
                rfd::FileDialog::new().add_filter(
                    "Spreadsheet (Excel, CSV, TSV)",
                    &["xlsx", "xlsm", "csv", "tsv", "tab", "txt"],
                )
            } else {
                rfd::FileDialog::new().add_filter(
                    "Spreadsheet table (CSV, TSV)",
                    &["csv", "tsv", "tab", "txt"],
                )
            };
            dialog
                .add_filter("Any file", &["*"])
                .set_title(title)
                .pick_file()
        });
    }

    /// The outcome of the dialog, once it has closed.
    pub fn poll(&mut self) -> Option<Outcome> {
        let pending = self.pending.as_ref()?;
        let (result, open_for) = match pending.receiver.try_recv() {
            Ok(result) => result,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => (None, Duration::ZERO),
        };
        let pending = self.pending.take()?;
        Some(match result {
            Some(path) => Outcome::Chosen(pending.purpose, path),
            None if open_for < TOO_FAST => {
                self.unavailable = true;
                Outcome::Unavailable(pending.purpose)
            }
            None => Outcome::Cancelled(pending.purpose),
        })
    }
}

/// The path with the review file ending added when it has no `.ron` ending.
pub fn with_review_extension(path: PathBuf) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if name.ends_with(".ron") || name.is_empty() {
        path
    } else {
        path.with_file_name(format!("{name}.{}", crate::store::EXTENSION))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_ending_is_added() {
        assert_eq!(
            with_review_extension("/a/case".into()),
            PathBuf::from("/a/case.review.ron")
        );
        assert_eq!(
            with_review_extension("/a/case.review.ron".into()),
            PathBuf::from("/a/case.review.ron")
        );
        assert_eq!(
            with_review_extension("/a/x.ron".into()),
            PathBuf::from("/a/x.ron")
        );
    }
}
