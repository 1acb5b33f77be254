//! The revisions a review file records at its end (see
//! [`crate::model::Lineage`]): naming a file's content by its hash, reading
//! the revisions back, writing them, and finding among files the one that
//! holds a given revision.
//!
//! The revisions are the file's last field, `revisions: [...]`, written
//! after the review itself; the review's own reading ignores them. A file's
//! content id is the SHA-256 of its text without that field, so it names
//! the review's content whatever history the file carries, and a file with
//! no revisions (written by hand or by an older version) has one too.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::model::{Lineage, Revision};

/// Where the revisions start: the field at the top level of the file, as
/// Foresight writes it (a line break, four spaces, the name).
const FIELD: &str = "\n    revisions: [";

/// The revisions as the file holds them.
#[derive(Serialize, Deserialize)]
struct Revisions {
    revisions: Vec<Revision>,
}

/// The text of the file without its revisions, in two parts (the second is
/// the review's closing bracket where the revisions were cut out).
fn content_parts(text: &str) -> (&str, &str) {
    match text.rfind(FIELD) {
        Some(at) => (&text[..=at], ")\n"),
        None => (text, ""),
    }
}

/// The content id of review-file text: the SHA-256 of the text without its
/// revisions, the first 16 bytes in hexadecimal.
pub fn content_id(text: &str) -> String {
    let (head, tail) = content_parts(text);
    let mut hash = Sha256::new();
    hash.update(head.as_bytes());
    hash.update(tail.as_bytes());
    hash.finalize()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The lineage review-file text records, ending with the text's own
/// revision: a file whose last recorded revision is not its content (edited
/// by hand, or written by an older version) gets its content as a revision
/// of unknown date.
pub fn lineage_of(text: &str) -> Lineage {
    let recorded = text
        .rfind(FIELD)
        .and_then(|at| ron::from_str::<Revisions>(&format!("({}", &text[at + 1..])).ok())
        .map(|r| r.revisions)
        .unwrap_or_default();
    let lineage = Lineage::new(recorded);
    let id = content_id(text);
    if lineage.current().is_some_and(|r| r.id == id) {
        lineage
    } else {
        lineage.saved_as(&id, "")
    }
}

/// Review-file text (as [`super::to_text`] writes it, ending in `)` and a
/// line break) with the revisions set at its end.
pub fn with_lineage(mut text: String, lineage: &Lineage) -> String {
    if lineage.revisions().is_empty() {
        return text;
    }
    let Some(body) = text.strip_suffix(")\n").map(str::len) else {
        return text;
    };
    text.truncate(body);
    text.push_str(&FIELD[1..]);
    text.push('\n');
    for revision in lineage.revisions() {
        // Ids and times are hexadecimal digits and ISO times; written as
        // RON strings all the same.
        let field = |value: &str| ron::to_string(value).unwrap_or_else(|_| "\"\"".into());
        text.push_str(&format!(
            "        (id: {}, saved: {}),\n",
            field(&revision.id),
            field(&revision.saved)
        ));
    }
    text.push_str("    ],\n)\n");
    text
}

/// The time to record for a save made now.
pub fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// The review files in `folders` (not in their subfolders) other than
/// `except`, in name order: where the copies' common ancestor may be.
pub fn review_files_in(folders: &[&Path], except: &[&Path]) -> Vec<PathBuf> {
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    };
    let mut files: Vec<PathBuf> = Vec::new();
    for folder in folders {
        let Ok(entries) = std::fs::read_dir(folder) else {
            continue;
        };
        let mut found: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.is_file()
                    && p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.ends_with(super::EXTENSION) && !n.starts_with('.'))
            })
            .filter(|p| !except.iter().any(|e| same(p, e)))
            .collect();
        found.sort();
        for file in found {
            if !files.iter().any(|f| same(f, &file)) {
                files.push(file);
            }
        }
    }
    files
}

/// The first of `files` whose content is the revision `id`, with its
/// text. Files that cannot be read are passed over.
pub fn file_of_revision(id: &str, files: &[PathBuf]) -> Option<(PathBuf, String)> {
    files.iter().find_map(|file| {
        let text = std::fs::read_to_string(file).ok()?;
        (content_id(&text) == id).then(|| (file.clone(), text))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{parse_review, to_text};

    fn text() -> String {
        to_text(&crate::examples::munro_appendix2())
    }

    #[test]
    fn the_revisions_do_not_change_the_content_id_or_the_review() {
        let plain = text();
        let lineage = Lineage::new(vec![Revision {
            id: "00ff".into(),
            saved: "2026-12-01T10:00:00Z".into(),
        }])
        .saved_as(&content_id(&plain), "2026-12-04T10:00:00Z");
        let written = with_lineage(plain.clone(), &lineage);
        assert_ne!(written, plain);
        assert_eq!(content_id(&written), content_id(&plain));
        assert_eq!(lineage_of(&written), lineage);
        let path = Path::new("t.review.ron");
        assert_eq!(
            parse_review(&written, path).unwrap(),
            parse_review(&plain, path).unwrap()
        );
    }

    #[test]
    fn a_file_without_revisions_is_its_own_revision_of_unknown_date() {
        let plain = text();
        let lineage = lineage_of(&plain);
        assert_eq!(lineage.revisions().len(), 1);
        assert_eq!(lineage.current().unwrap().id, content_id(&plain));
        assert_eq!(lineage.current().unwrap().saved, "");
    }

    #[test]
    fn a_file_edited_by_hand_after_its_last_save_gets_its_content_as_a_revision() {
        let plain = text();
        let lineage = Lineage::default().saved_as(&content_id(&plain), "2026-12-04T10:00:00Z");
        let edited = with_lineage(plain.replacen("Munro", "Munr0", 1), &lineage);
        let read = lineage_of(&edited);
        assert_eq!(read.revisions().len(), 2);
        assert_eq!(read.revisions()[0], lineage.revisions()[0]);
        assert_eq!(read.current().unwrap().id, content_id(&edited));
    }

    #[test]
    fn saving_over_a_review_file_continues_its_revisions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.review.ron");
        let mut review = crate::examples::munro_appendix2();
        crate::store::save(&path, &review).unwrap();
        let first = lineage_of(&std::fs::read_to_string(&path).unwrap());
        review.meta.title = "Changed in place".into();
        crate::store::save(&path, &review).unwrap();
        let second = lineage_of(&std::fs::read_to_string(&path).unwrap());
        assert_eq!(second.revisions().len(), 2);
        assert_eq!(second.revisions()[0], first.revisions()[0]);
        // A new file, or one that is not a review, starts afresh.
        let other = dir.path().join("notes.review.ron");
        std::fs::write(&other, "not a review").unwrap();
        crate::store::save(&other, &review).unwrap();
        assert_eq!(
            lineage_of(&std::fs::read_to_string(&other).unwrap())
                .revisions()
                .len(),
            1
        );
    }

    #[test]
    fn content_ids_differ_with_the_content() {
        let plain = text();
        assert_ne!(
            content_id(&plain),
            content_id(&plain.replacen("Munro", "Munr0", 1))
        );
        assert_eq!(content_id(&plain).len(), 32);
    }
}
