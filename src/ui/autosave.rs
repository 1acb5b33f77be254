//! Autosave: the open review is written to a recovery file at an interval
//! while it has unsaved changes, so a crash never loses more than that.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

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
        }
    }

    /// Points autosave at another document. `file` is its recovery file
    /// when it has one already (a recovered review).
    pub fn attach(&mut self, document: &Document, file: Option<PathBuf>, avoid: &[PathBuf]) {
        self.file = file.unwrap_or_else(|| recovery_file(&self.folder, document.path(), avoid));
        self.last_written = None;
        self.failed = false;
    }

    /// The time left before the next autosave is due.
    pub fn due_in(&self) -> Duration {
        self.interval.saturating_sub(self.last_attempt.elapsed())
    }

    /// Writes the document to its recovery file now.
    pub fn write(&mut self, document: &mut Document) -> Result<(), String> {
        self.last_attempt = Instant::now();
        let record = Recovery {
            original: document.path().map(Path::to_path_buf),
            written_at: chrono::Local::now().to_rfc3339(),
            review: document.review().clone(),
            revisions: document.lineage().revisions().to_vec(),
        };
        match recovery::write(&self.file, &record) {
            Ok(()) => {
                document.mark_autosaved();
                self.last_written = Some(chrono::Local::now().format("%H:%M:%S").to_string());
                self.failed = false;
                Ok(())
            }
            Err(e) => Err(format!("Autosave to {} failed: {e}", self.file.display())),
        }
    }

    /// Removes the recovery file (after a save, or when the work is discarded).
    pub fn remove_file(&mut self) {
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
