//! Reading and writing review files (`*.review.ron`).
//!
//! Loading never panics: a file that cannot be read is refused with a
//! [`LoadError`] naming the file, the line and column, and what was expected.
//! Saving is atomic: the new content goes to a temporary file in the same
//! folder, which is flushed to disk and then renamed over the old file, so a
//! failed save leaves the previous file exactly as it was.

mod atomic;
pub mod recovery;

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::model::{FORMAT_VERSION, Review};

pub use atomic::{AtomicWriteError, write_atomic};

/// The file name ending of review files.
pub const EXTENSION: &str = "review.ron";

/// Why a review file could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read at all.
    #[error("{}: cannot read the file: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The file is not UTF-8 text.
    #[error("{}: not a text file (invalid UTF-8 at byte {byte})", path.display())]
    NotText {
        /// The file.
        path: PathBuf,
        /// Offset of the first invalid byte.
        byte: usize,
    },
    /// The file is not a well-formed review.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Syntax {
        /// The file.
        path: PathBuf,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What was wrong or expected.
        message: String,
    },
    /// The file was written in a format this build cannot read.
    #[error("{}: review file format {found} is newer than this version of Foresight reads (up to {supported}); open it with a newer Foresight", path.display())]
    TooNew {
        /// The file.
        path: PathBuf,
        /// The version the file declares.
        found: u32,
        /// The newest version this build reads.
        supported: u32,
    },
}

/// Only the version field, read before the rest so that old files can be
/// migrated and new ones refused with a clear message.
#[derive(Deserialize)]
struct VersionProbe {
    format_version: u32,
}

fn syntax_error(path: &Path, text: &str, error: ron::error::SpannedError) -> LoadError {
    let (line, column) = (error.span.start.line, error.span.start.col);
    // The version is read through a small struct of its own; name the
    // review instead of it.
    let mut message = error
        .code
        .to_string()
        .replace("struct `VersionProbe`", "the review");
    let lines = text.lines().count().max(1);
    if line >= lines && !text.trim_end().ends_with(')') {
        message.push_str(" (the file ends here: it looks truncated)");
    }
    LoadError::Syntax {
        path: path.to_path_buf(),
        line,
        column,
        message,
    }
}

/// Parses review text. `path` is used only in error messages.
pub fn parse_review(text: &str, path: &Path) -> Result<Review, LoadError> {
    let probe: VersionProbe = ron::from_str(text).map_err(|e| syntax_error(path, text, e))?;
    match probe.format_version {
        // Format 1 is the first released format; when format 2 arrives, a
        // migration step from 1 to 2 goes here and golden files of format 1
        // keep proving that it works.
        1 => ron::from_str(text).map_err(|e| syntax_error(path, text, e)),
        found if found > FORMAT_VERSION => Err(LoadError::TooNew {
            path: path.to_path_buf(),
            found,
            supported: FORMAT_VERSION,
        }),
        found => Err(LoadError::Syntax {
            path: path.to_path_buf(),
            line: 1,
            column: 1,
            message: format!("unknown review file format {found}: the oldest format is 1"),
        }),
    }
}

/// Loads a review file.
pub fn load(path: &Path) -> Result<Review, LoadError> {
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|e| LoadError::NotText {
        path: path.to_path_buf(),
        byte: e.utf8_error().valid_up_to(),
    })?;
    parse_review(&text, path)
}

/// The review as review-file text: pretty RON, stable order, ending in a
/// newline.
pub fn to_text(review: &Review) -> String {
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(8)
        .struct_names(false)
        .separate_tuple_members(false)
        .enumerate_arrays(false);
    let mut text = ron::ser::to_string_pretty(review, config)
        .expect("a review is plain data: strings, numbers, lists and enums always serialise");
    text.push('\n');
    text
}

/// Saves a review atomically: either the whole new file is in place or the
/// old file is untouched.
pub fn save(path: &Path, review: &Review) -> Result<(), AtomicWriteError> {
    let text = to_text(review);
    write_atomic(path, |file| {
        std::io::Write::write_all(file, text.as_bytes())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_truncated_file_names_line_and_column() {
        let text = to_text(&crate::examples::munro_appendix2());
        let cut = &text[..text.len() / 2];
        let err = parse_review(cut, Path::new("cut.review.ron")).unwrap_err();
        let message = err.to_string();
        assert!(message.starts_with("cut.review.ron:"), "{message}");
        assert!(message.contains("truncated"), "{message}");
        match err {
            LoadError::Syntax { line, column, .. } => assert!(line > 1 && column >= 1),
            other => panic!("expected a syntax error, got {other:?}"),
        }
    }

    #[test]
    fn a_newer_format_is_refused_with_advice() {
        let err = parse_review("(format_version: 99)", Path::new("new.review.ron")).unwrap_err();
        assert!(matches!(err, LoadError::TooNew { found: 99, .. }));
        assert!(err.to_string().contains("newer Foresight"));
    }

    #[test]
    fn garbage_and_binary_files_are_refused_without_panic() {
        for text in [
            "",
            "hello",
            "(format_version: \"one\")",
            "[1,2,3]",
            "(format_version: 1, people: [(id: 5)])",
        ] {
            assert!(
                parse_review(text, Path::new("x")).is_err(),
                "{text:?} should be refused"
            );
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bin.review.ron");
        std::fs::write(&path, [0xff, 0xfe, 0x00, 0x41]).unwrap();
        assert!(matches!(
            load(&path),
            Err(LoadError::NotText { byte: 0, .. })
        ));
    }
}
