//! Reading and writing review files (`*.review.ron`).
//!
//! Loading never panics: a file that cannot be read is refused with a
//! [`LoadError`] naming the file, the line and column, and what was expected.
//! Saving is atomic: the new content goes to a temporary file in the same
//! folder, which is flushed to disk and then renamed over the old file, so a
//! failed save leaves the previous file exactly as it was.

mod atomic;
mod entry_text;
mod fast;
pub mod lineage;
pub mod recovery;

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::model::{FORMAT_VERSION, Lineage, Review};

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
    #[error(
        "{}:{line}:{column}: not text Foresight can read: the review file must be UTF-8, and this byte is not (was it saved in another encoding, or is it not a review file?)",
        path.display()
    )]
    NotText {
        /// The file.
        path: PathBuf,
        /// Offset of the first invalid byte.
        byte: usize,
        /// Its line (1-based).
        line: usize,
        /// Its column (1-based, in characters).
        column: usize,
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
        .replace("struct `VersionProbe`", "the review")
        .replace("`VersionProbe`", "the review")
        // A name that is not a plain word is shown in the parser's raw
        // form (`r#name`); show it as written.
        .replace("`r#", "`");
    // The parser's own advice names its internals; say what it means.
    match &error.code {
        ron::error::Error::ExceededRecursionLimit => {
            message = "brackets nested too deeply for a review file (a review nests a few levels, not hundreds): this is not a file Foresight wrote, or it has been damaged".to_string();
        }
        ron::error::Error::SuggestRawIdentifier(found) => {
            message = format!("expected a field name or a word such as `None`, found `{found}`");
        }
        _ => {}
    }
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
    // A well-formed file of the current format is read once (a long
    // chronology in two halves at once); anything else the careful way
    // below, which also makes every error message.
    if let Some(review) = fast::parse(text) {
        return Ok(review);
    }
    let probe: VersionProbe = ron::from_str(text).map_err(|e| syntax_error(path, text, e))?;
    match probe.format_version {
        // Formats 2 and 3 only added parts that are empty in an older
        // file (2: the review's account of itself, what a finding asks, its
        // recommendations and references; 3: the clock, the rapid review's
        // parts, agency returns): migrating is reading it and taking the
        // new version. The golden files of format 1 keep proving that it works.
        1..=FORMAT_VERSION => ron::from_str(text)
            .map(|review: Review| Review {
                format_version: FORMAT_VERSION,
                ..review
            })
            .map_err(|e| syntax_error(path, text, e)),
        found if found > FORMAT_VERSION => Err(LoadError::TooNew {
            path: path.to_path_buf(),
            found,
            supported: FORMAT_VERSION,
        }),
        found => {
            // Point at the version itself.
            let at = text.find("format_version").unwrap_or(0);
            let line = text[..at].matches('\n').count() + 1;
            let column = text[..at].rfind('\n').map_or(at, |n| at - n - 1) + 1;
            Err(LoadError::Syntax {
                path: path.to_path_buf(),
                line,
                column,
                message: format!(
                    "unknown review file format {found}: formats start at 1 (this build reads 1 to {FORMAT_VERSION})"
                ),
            })
        }
    }
}

/// The lines (1-based) of `text` where a comment (`//` or `/* */`) starts
/// outside a string. Review files may hold comments, but Foresight writes
/// none: saving drops them, and whoever saves is told so first.
pub fn comment_lines(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let (mut line, mut i) = (1, 0);
    let mut in_string = false;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            line += 1;
        } else if in_string {
            if b == b'\\' {
                i += 1;
            } else if b == b'"' {
                in_string = false;
            }
        } else if b == b'"' {
            in_string = true;
        } else if b == b'/' && matches!(bytes.get(i + 1), Some(b'/' | b'*')) {
            if lines.last() != Some(&line) {
                lines.push(line);
            }
            if bytes[i + 1] == b'/' {
                // To the end of the line.
                while i + 1 < bytes.len() && bytes[i + 1] != b'\n' {
                    i += 1;
                }
            } else {
                // To the closing "*/", counting the lines it spans.
                i += 2;
                while i + 1 < bytes.len() && !(bytes[i] == b'*' && bytes[i + 1] == b'/') {
                    if bytes[i] == b'\n' {
                        line += 1;
                    }
                    i += 1;
                }
                i += 1;
            }
        }
        i += 1;
    }
    lines
}

/// What to tell someone about to save over `path`, when the file there
/// has comments that saving will drop.
pub fn comments_dropped_note(path: &Path) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    let lines = comment_lines(&text);
    let first = lines.first()?;
    Some(format!(
        "{}:{first}: this file has comments (on {} line{}); Foresight does not keep comments, so saving the review drops them. Copy any that matter into a field of the review first",
        path.display(),
        lines.len(),
        if lines.len() == 1 { "" } else { "s" }
    ))
}

/// Loads a review file.
pub fn load(path: &Path) -> Result<Review, LoadError> {
    load_with_lineage(path).map(|(review, _)| review)
}

/// Loads a review file and the revisions it records (ending with its own).
pub fn load_with_lineage(path: &Path) -> Result<(Review, Lineage), LoadError> {
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let byte = e.utf8_error().valid_up_to();
        let before = &e.as_bytes()[..byte];
        // Everything before the bad byte is valid UTF-8.
        let before = std::str::from_utf8(before).unwrap_or_default();
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        LoadError::NotText {
            path: path.to_path_buf(),
            byte,
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        }
    })?;
    let review = parse_review(&text, path)?;
    Ok((review, lineage::lineage_of(&text)))
}

/// The review as review-file text: pretty RON, stable order, ending in a
/// newline.
///
/// A long chronology is written in two halves at once, on two threads, and
/// set into the text of the rest of the review: the same bytes as writing
/// the whole review in one go (each entry is written at the same depth,
/// with the same settings).
pub fn to_text(review: &Review) -> String {
    to_text_splitting_from(review, 4096)
}

fn pretty() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .depth_limit(8)
        .struct_names(false)
        .separate_tuple_members(false)
        .enumerate_arrays(false)
}

/// The pretty RON of `value`, without the final newline.
fn ron_text(value: &impl serde::Serialize, capacity: usize) -> String {
    let mut text = String::with_capacity(capacity);
    ron::ser::to_writer_pretty(&mut text, value, pretty())
        .expect("a review is plain data: strings, numbers, lists and enums always serialise");
    text
}

/// [`to_text`], with chronologies of `split_from` entries or more written
/// in two halves, on two threads, by [`entry_text`] rather than the
/// general serialiser.
fn to_text_splitting_from(review: &Review, split_from: usize) -> String {
    /// How the rest of the review shows the chronology it does not hold.
    const EMPTY: &str = "\n    chronology: [],\n";
    let entries = &review.chronology;
    let estimate = |entries: &[crate::model::ChronologyEntry]| {
        entries.iter().map(|e| e.text.len() + 256).sum::<usize>()
    };
    if entries.len() < split_from.max(2) {
        let mut text = ron_text(review, estimate(entries) + 65536);
        text.push('\n');
        return text;
    }
    let (first, second) = entries.split_at(entries.len() / 2);
    let (rest, first, second) = std::thread::scope(|scope| {
        let second = scope.spawn(|| chronology_lines(second, estimate(second)));
        let first = chronology_lines(first, estimate(first));
        let rest = ron_text(&review.without_chronology(), 65536);
        let second = second
            .join()
            .expect("writing half of a chronology never panics");
        (rest, first, second)
    });
    let Some(at) = rest.find(EMPTY) else {
        // Not the layout expected: write it in one go.
        return to_text_splitting_from(review, usize::MAX);
    };
    let mut text = String::with_capacity(rest.len() + first.len() + second.len() + 32);
    text.push_str(&rest[..at]);
    text.push_str("\n    chronology: [\n");
    text.push_str(&first);
    text.push_str(&second);
    text.push_str("    ],\n");
    text.push_str(&rest[at + EMPTY.len()..]);
    text.push('\n');
    text
}

/// The entries as they stand in a review file's chronology list: the lines
/// between `chronology: [` and its `]`, indented as there (see
/// [`entry_text`]).
fn chronology_lines(entries: &[crate::model::ChronologyEntry], capacity: usize) -> String {
    let mut text = String::with_capacity(capacity);
    entry_text::write_entries(entries, &mut text);
    text
}

/// Saves a review atomically: either the whole new file is in place or the
/// old file is untouched. Saved over a review file, the new file continues
/// its revisions (a command that changes a file in place keeps its
/// history); a new file records its own revision only (see
/// [`save_with_lineage`]).
pub fn save(path: &Path, review: &Review) -> Result<(), AtomicWriteError> {
    let lineage = std::fs::read_to_string(path)
        .ok()
        .filter(|text| fast::declares_a_version(text))
        .map(|text| lineage::lineage_of(&text))
        .unwrap_or_default();
    save_with_lineage(path, review, &lineage).map(|_| ())
}

/// Saves a review atomically, recording the revisions of the file it was
/// opened from (`lineage`) and its own; returns the lineage written, which
/// the next save of the same review starts from.
pub fn save_with_lineage(
    path: &Path,
    review: &Review,
    lineage: &Lineage,
) -> Result<Lineage, AtomicWriteError> {
    let (text, written) = text_with_lineage(review, lineage);
    write_atomic(path, |file| {
        std::io::Write::write_all(file, text.as_bytes())
    })?;
    Ok(written)
}

/// The review-file text of a review opened from a file of `lineage`, saved
/// now, and the lineage it records.
pub fn text_with_lineage(review: &Review, lineage: &Lineage) -> (String, Lineage) {
    let text = to_text(review);
    let written = lineage.saved_as(&lineage::content_id(&text), &lineage::now());
    (lineage::with_lineage(text, &written), written)
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

    /// The review as serde-ron writes it in one go.
    fn whole_text(review: &Review) -> String {
        let mut text = ron::ser::to_string_pretty(review, pretty()).unwrap();
        text.push('\n');
        text
    }

    #[test]
    fn a_chronology_written_in_halves_gives_the_same_bytes() {
        let golden = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/golden/v1/every-record.review.ron"
        ))
        .unwrap();
        let golden = parse_review(&golden, Path::new("golden")).unwrap();
        let mut stress = crate::generate::synthetic_review(crate::generate::Size::STRESS, 5);
        stress.chronology.truncate(300);
        let mut rng = fastrand::Rng::with_seed(5);
        let odd = [
            "\"", "'", "\\", "\n", "\t", "\u{ad}", "é", "\u{301}", "\0", "’", "]", "),",
        ];
        for entry in &mut stress.chronology {
            for _ in 0..rng.usize(..4) {
                entry.text.push_str(odd[rng.usize(..odd.len())]);
            }
        }
        let mut one = golden.clone();
        one.chronology.truncate(1);
        let mut none = golden.clone();
        none.chronology.clear();
        for review in [golden, stress, one, none, crate::examples::worked_case()] {
            let expected = whole_text(&review);
            assert_eq!(to_text_splitting_from(&review, 0), expected);
            assert_eq!(to_text(&review), expected);
            assert_eq!(parse_review(&expected, Path::new("x")).unwrap(), review);
        }
    }

    #[test]
    fn the_quick_reader_reads_what_the_careful_reader_reads() {
        let careful = |text: &str| {
            let probe: VersionProbe = ron::from_str(text).unwrap();
            assert!((1..=FORMAT_VERSION).contains(&probe.format_version));
            Review {
                format_version: FORMAT_VERSION,
                ..ron::from_str::<Review>(text).unwrap()
            }
        };
        let golden = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/golden/v1/every-record.review.ron"
        ))
        .unwrap();
        let golden_2 = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/golden/v2/every-record.review.ron"
        ))
        .unwrap();
        let stress = to_text(&crate::generate::synthetic_review(
            crate::generate::Size::STRESS,
            9,
        ));
        assert!(stress.len() > 1 << 20, "long enough to be read in halves");
        for text in [golden, golden_2, stress] {
            assert_eq!(fast::parse(&text), Some(careful(&text)));
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

    #[test]
    fn messages_name_the_place_and_no_parser_internals() {
        let deep = format!(
            "(format_version: 2, meta: {}{})",
            "(".repeat(300),
            ")".repeat(300)
        );
        let message = parse_review(&deep, Path::new("deep.review.ron"))
            .unwrap_err()
            .to_string();
        assert!(message.contains("nested too deeply"), "{message}");
        assert!(!message.contains("ron::") && !message.contains("serde_stacker"));
        let zero = "(\n    format_version: 0,\n)";
        let message = parse_review(zero, Path::new("zero.review.ron"))
            .unwrap_err()
            .to_string();
        assert!(
            message.starts_with("zero.review.ron:2:5: unknown review file format 0"),
            "{message}"
        );
    }

    #[test]
    fn messages_name_neither_the_version_reader_nor_raw_identifiers() {
        // Found by fuzzing (tests/fuzz): files without a version named the
        // struct the version is read through, and a number or a dot where a
        // field name belongs drew the parser's advice to write `r#6`.
        for (text, expected) in [
            (
                "(e:\"\"),",
                "x.review.ron:1:6: Unexpected missing field named `format_version` in the review",
            ),
            (
                "(a:(e:\"\"))",
                "x.review.ron:1:10: Unexpected missing field named `format_version` in the review",
            ),
            (
                "#![enable(implicit_some)](format_version:2,format_version)",
                "x.review.ron:1:44: Unexpected duplicate field named `format_version` in the review",
            ),
            (
                "(6",
                "x.review.ron:1:2: expected a field name or a word such as `None`, found `6`",
            ),
            (
                "#![enable(implicit_some)](\n.",
                "x.review.ron:1:27: expected a field name or a word such as `None`, found `.`",
            ),
        ] {
            let message = parse_review(text, Path::new("x.review.ron"))
                .unwrap_err()
                .to_string();
            assert!(message.starts_with(expected), "{text:?}: {message}");
            assert!(
                !message.contains("VersionProbe") && !message.contains("r#"),
                "{message}"
            );
        }
    }

    #[test]
    fn comments_outside_strings_are_found_by_line() {
        let text = "(\n  // a note\n  meta: (title: \"a // not a comment\"),\n  /* two\n lines */ people: [],\n)";
        assert_eq!(comment_lines(text), vec![2, 4]);
        assert!(comment_lines("(title: \"x \\\" // y\")").is_empty());
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("noted.review.ron");
        std::fs::write(&path, text).unwrap();
        let note = comments_dropped_note(&path).unwrap();
        assert!(
            note.contains("noted.review.ron:2:") && note.contains("2 lines"),
            "{note}"
        );
    }

    #[test]
    fn a_byte_that_is_not_utf8_is_named_by_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("latin1.review.ron");
        std::fs::write(
            &path,
            b"(\n    format_version: 2,\n    meta: (title: \"Zo\xEB\"),\n)",
        )
        .unwrap();
        let error = load(&path).unwrap_err();
        assert!(
            matches!(
                error,
                LoadError::NotText {
                    line: 3,
                    column: 22,
                    ..
                }
            ),
            "{error:?}"
        );
        let message = error.to_string();
        assert!(message.contains("latin1.review.ron:3:22:"), "{message}");
        assert!(message.contains("must be UTF-8"), "{message}");
    }
}
