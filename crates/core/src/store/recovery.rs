//! Recovery files: the app autosaves open work here so that nothing is lost
//! when it crashes or the machine goes down.
//!
//! One recovery file per open review, in a folder the app chooses (its data
//! folder). A recovery file is removed when its review is saved or closed
//! cleanly, so any recovery file found at start-up is work that was lost.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{AtomicWriteError, write_atomic};
use crate::model::{Review, Revision};

/// The ending of recovery file names.
const SUFFIX: &str = ".recovery.ron";

/// What a recovery file holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recovery {
    /// The file the work belongs to, or `None` for a review never saved.
    pub original: Option<PathBuf>,
    /// When it was written (local time, RFC 3339).
    pub written_at: String,
    /// The unsaved review.
    pub review: Review,
    /// The revisions of the file the work was opened from (see
    /// [`crate::model::Lineage`]), which its next save extends.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub revisions: Vec<Revision>,
}

/// The recovery file name for a review: derived from its path, or from a
/// session key for a review that has never been saved.
pub fn recovery_path(folder: &Path, original: Option<&Path>, session_key: &str) -> PathBuf {
    let stem = match original {
        Some(path) => {
            let mut hasher = DefaultHasher::new();
            path.hash(&mut hasher);
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().replace(".review.ron", ""))
                .unwrap_or_default();
            let safe: String = name
                .chars()
                .filter(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            format!("{safe}-{:016x}", hasher.finish())
        }
        None => format!("untitled-{session_key}"),
    };
    folder.join(format!("{stem}{SUFFIX}"))
}

/// Writes a recovery file atomically.
pub fn write(path: &Path, recovery: &Recovery) -> Result<(), AtomicWriteError> {
    if let Some(folder) = path.parent() {
        let _ = std::fs::create_dir_all(folder);
    }
    let text = ron::ser::to_string_pretty(recovery, ron::ser::PrettyConfig::default())
        .expect("a recovery record is plain data and always serialises");
    write_atomic(path, |f| std::io::Write::write_all(f, text.as_bytes()))
}

/// Every readable recovery file in a folder, newest first. Unreadable ones
/// are returned as errors so that the user can be told, never dropped.
pub fn find(folder: &Path) -> Vec<(PathBuf, Result<Recovery, String>)> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut found: Vec<(std::time::SystemTime, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(SUFFIX))
        .map(|e| {
            let modified = e
                .metadata()
                .and_then(|m| m.modified())
                .unwrap_or(std::time::UNIX_EPOCH);
            (modified, e.path())
        })
        .collect();
    found.sort_by_key(|entry| std::cmp::Reverse(entry.0));
    found
        .into_iter()
        .map(|(_, path)| {
            let result = std::fs::read_to_string(&path)
                .map_err(|e| e.to_string())
                .and_then(|text| {
                    ron::from_str::<Recovery>(&text).map_err(|e| format!("{}:{e}", path.display()))
                });
            (path, result)
        })
        .collect()
}

/// Removes a recovery file; a file already gone is not an error.
pub fn remove(path: &Path) {
    let _ = std::fs::remove_file(path);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovery_files_round_trip_and_are_found() {
        let dir = tempfile::tempdir().unwrap();
        let path = recovery_path(dir.path(), Some(Path::new("/tmp/case.review.ron")), "s1");
        assert!(
            path.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("case-")
        );
        let recovery = Recovery {
            original: Some(PathBuf::from("/tmp/case.review.ron")),
            written_at: "2026-11-26T10:00:00+00:00".into(),
            review: Review::new("Child A"),
            revisions: Vec::new(),
        };
        write(&path, &recovery).unwrap();
        let found = find(dir.path());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1.as_ref().unwrap(), &recovery);
        remove(&path);
        assert!(find(dir.path()).is_empty());
    }

    #[test]
    fn untitled_reviews_get_a_session_file() {
        let path = recovery_path(Path::new("/r"), None, "abc");
        assert_eq!(path, PathBuf::from("/r/untitled-abc.recovery.ron"));
    }
}
