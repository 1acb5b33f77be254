//! Autosave: the open review is written to a recovery file at an interval
//! while it has unsaved changes, so a crash never loses more than that.
//!
//! The review is copied in the frame (a copy is a few milliseconds even
//! for a 20,000-entry chronology) and serialised and written on a worker
//! thread, so that typing never waits for the disk. One write is under way
//! at a time; the document is marked autosaved at the state it had when
//! it was copied, once the file is written. Before the recovery file is
//! removed or another document attached, a write under way is waited for,
//! so that no late write leaves a stray recovery file behind.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use eframe::egui;

use crate::document::Document;
use crate::store::recovery::{self, Recovery};

/// How often unsaved work is written to the recovery file.
pub const DEFAULT_INTERVAL: Duration = Duration::from_secs(30);

/// Numbers the documents of this process, for untitled recovery files.
static DOCUMENT_COUNTER: AtomicU64 = AtomicU64::new(0);

/// The autosave state of the open document.
pub struct Autosave {
    /// The folder recovery files go to.
    pub folder: PathBuf,
    /// Time between autosaves.
    pub interval: Duration,
    /// The recovery file of the open document.
    pub file: PathBuf,
    last_attempt: Instant,
    /// When the recovery file was last written (local time, "14:03:12").
    pub last_written: Option<String>,
    /// The last autosave failed; reported once, not every interval.
    pub failed: bool,
    /// The write under way on the worker, if any.
    writing: Option<Writing>,
}

/// One recovery file being written on the worker.
struct Writing {
    /// The document's state when it was copied.
    state: u64,
    /// The worker's verdict.
    done: Receiver<Result<(), String>>,
    worker: Option<JoinHandle<()>>,
}

impl Autosave {
    /// Autosave for a document; `avoid` lists recovery files that must not
    /// be overwritten (lost work not yet recovered or discarded).
    pub fn new(folder: PathBuf, document: &Document, avoid: &[PathBuf]) -> Autosave {
        let file = recovery_file(&folder, document.path(), avoid);
        Autosave {
            folder,
            interval: DEFAULT_INTERVAL,
            file,
            last_attempt: Instant::now(),
            last_written: None,
            failed: false,
            writing: None,
        }
    }

    /// Points autosave at another document. `file` is its recovery file
    /// when it has one already (a recovered review).
    pub fn attach(&mut self, document: &Document, file: Option<PathBuf>, avoid: &[PathBuf]) {
        // A write under way belongs to the document being replaced.
        self.wait();
        self.file = file.unwrap_or_else(|| recovery_file(&self.folder, document.path(), avoid));
        self.last_written = None;
        self.failed = false;
    }

    /// The time left before the next autosave is due.
    pub fn due_in(&self) -> Duration {
        self.interval.saturating_sub(self.last_attempt.elapsed())
    }

    /// True while a recovery file is being written.
    pub fn is_writing(&self) -> bool {
        self.writing.is_some()
    }

    /// Starts writing the document to its recovery file on the worker
    /// (unless a write is already under way). The worker asks `ctx` for a
    /// repaint when it is done, so that [`collect`](Self::collect) sees it.
    pub fn start(&mut self, document: &Document, ctx: &egui::Context) {
        if self.writing.is_some() {
            return;
        }
        self.last_attempt = Instant::now();
        let record = Recovery {
            original: document.path().map(Path::to_path_buf),
            written_at: chrono::Local::now().to_rfc3339(),
            review: document.review().clone(),
            revisions: document.lineage().revisions().to_vec(),
        };
        let file = self.file.clone();
        let ctx = ctx.clone();
        let (sender, done) = channel();
        let spawned = crate::ui::background::spawn_worker("autosave", move || {
            let result = recovery::write(&file, &record)
                .map_err(|e| format!("Autosave to {} failed: {e}", file.display()));
            let _ = sender.send(result);
            ctx.request_repaint();
        });
        match spawned {
            Ok(worker) => {
                self.writing = Some(Writing {
                    state: document.state(),
                    done,
                    worker: Some(worker),
                })
            }
            Err(e) => {
                // No thread to be had: reported as a failed autosave; the
                // next interval tries again.
                let (sender, done) = channel();
                let _ = sender.send(Err(format!(
                    "Autosave to {} failed: could not start the writer: {e}",
                    self.file.display()
                )));
                self.writing = Some(Writing {
                    state: document.state(),
                    done,
                    worker: None,
                });
            }
        }
    }

    /// The outcome of a write that has finished, if one has: on success
    /// the document is marked autosaved at the state it was copied at.
    pub fn collect(&mut self, document: &mut Document) -> Option<Result<(), String>> {
        let writing = self.writing.as_ref()?;
        let result = match writing.done.try_recv() {
            Ok(result) => result,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => Err(format!(
                "Autosave to {} failed: the writer stopped",
                self.file.display()
            )),
        };
        let writing = self.writing.take()?;
        if let Some(worker) = writing.worker {
            let _ = worker.join();
        }
        Some(self.settle(writing.state, result, document))
    }

    /// Writes the document to its recovery file now, and waits for it.
    pub fn write(&mut self, document: &mut Document) -> Result<(), String> {
        let ctx = egui::Context::default();
        self.finish(document);
        self.start(document, &ctx);
        self.finish(document).unwrap_or(Ok(()))
    }

    /// Waits for a write under way and records its outcome, if one was.
    pub fn finish(&mut self, document: &mut Document) -> Option<Result<(), String>> {
        let writing = self.writing.take()?;
        let result = writing.done.recv().unwrap_or_else(|_| {
            Err(format!(
                "Autosave to {} failed: the writer stopped",
                self.file.display()
            ))
        });
        if let Some(worker) = writing.worker {
            let _ = worker.join();
        }
        Some(self.settle(writing.state, result, document))
    }

    /// Waits for a write under way without recording it (the document it
    /// copied is going).
    fn wait(&mut self) {
        if let Some(writing) = self.writing.take() {
            let _ = writing.done.recv();
            if let Some(worker) = writing.worker {
                let _ = worker.join();
            }
        }
    }

    fn settle(
        &mut self,
        state: u64,
        result: Result<(), String>,
        document: &mut Document,
    ) -> Result<(), String> {
        match result {
            Ok(()) => {
                document.mark_autosaved_at(state);
                self.last_written = Some(chrono::Local::now().format("%H:%M:%S").to_string());
                self.failed = false;
                Ok(())
            }
            Err(e) => Err(e),
        }
    }

    /// Removes the recovery file (after a save, or when the work is discarded).
    pub fn remove_file(&mut self) {
        self.wait();
        recovery::remove(&self.file);
        self.last_written = None;
    }
}

/// The recovery file for a review: named after its file, or after this
/// session for a review never saved (or when that name is taken by lost
/// work that is still waiting to be recovered).
fn recovery_file(folder: &Path, original: Option<&Path>, avoid: &[PathBuf]) -> PathBuf {
    let key = session_key();
    let by_path = recovery::recovery_path(folder, original, &key);
    if original.is_some() && !avoid.contains(&by_path) {
        return by_path;
    }
    recovery::recovery_path(folder, None, &key)
}

/// A key unique to one document of this process.
fn session_key() -> String {
    let started = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis());
    let n = DOCUMENT_COUNTER.fetch_add(1, Ordering::Relaxed);
    format!("{}-{started}-{n}", std::process::id())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::builders::set_meta;
    use crate::model::Review;

    fn retitle(document: &mut Document, title: &str) {
        let change = set_meta(&document.review().meta, "Retitle", |m| {
            m.title = title.to_string()
        });
        document.apply(change).unwrap();
    }

    #[test]
    fn a_write_holds_the_review_as_it_was_copied_and_typing_goes_on() {
        let folder = tempfile::tempdir().unwrap();
        let mut document = Document::untitled(Review::new("First"));
        let mut autosave = Autosave::new(folder.path().to_path_buf(), &document, &[]);
        retitle(&mut document, "Second");
        assert!(document.needs_autosave());
        autosave.start(&document, &egui::Context::default());
        // Typing goes on while the worker writes.
        retitle(&mut document, "Third");
        assert_eq!(autosave.finish(&mut document), Some(Ok(())));
        let found = recovery::find(folder.path());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1.as_ref().unwrap().review.meta.title, "Second");
        assert!(
            document.needs_autosave(),
            "the third title was typed after the copy: it still needs writing"
        );
        autosave.start(&document, &egui::Context::default());
        assert_eq!(autosave.finish(&mut document), Some(Ok(())));
        assert!(!document.needs_autosave());
        assert!(autosave.last_written.is_some());
    }

    #[test]
    fn removing_the_file_waits_for_a_write_under_way() {
        let folder = tempfile::tempdir().unwrap();
        let mut document = Document::untitled(Review::new("First"));
        let mut autosave = Autosave::new(folder.path().to_path_buf(), &document, &[]);
        retitle(&mut document, "Second");
        autosave.start(&document, &egui::Context::default());
        autosave.remove_file();
        assert!(!autosave.is_writing());
        assert!(
            recovery::find(folder.path()).is_empty(),
            "no late write may leave a recovery file behind"
        );
    }

    #[test]
    fn a_failed_write_is_reported_and_the_document_still_needs_saving() {
        let folder = tempfile::tempdir().unwrap();
        // A file where the recovery folder should be: nothing can be written.
        let blocked = folder.path().join("blocked");
        std::fs::write(&blocked, "not a folder").unwrap();
        let mut document = Document::untitled(Review::new("First"));
        let mut autosave = Autosave::new(blocked, &document, &[]);
        retitle(&mut document, "Second");
        autosave.start(&document, &egui::Context::default());
        let outcome = autosave.finish(&mut document).unwrap();
        assert!(outcome.unwrap_err().starts_with("Autosave to "));
        assert!(document.needs_autosave());
    }
}
