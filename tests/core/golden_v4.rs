//! The golden file of review file format 4: the format-3 golden review
//! with unresolved merge conflicts (on a record's field, on a whole
//! record, on the review's details), loaded from a file committed when
//! format 4 was released.

use std::path::Path;

use foresight::model::*;
use foresight::store;

/// The review the format-4 golden file holds, built in code. When a field
/// is added to the model, it is added here with its default value: the
/// golden file itself is never rewritten.
pub(crate) fn every_part() -> Review {
    let mut review = super::golden_v3::every_part();
    review.meta.title = "Child Z: golden file of format 4".into();
    review.meta.conflicts = vec![
        MergeConflict {
            record: Some(Id::from("E1")),
            field: "what_happened".into(),
            base: Some("Seen.\nHeard.".into()),
            ours: Some("Seen at home.\nHeard.".into()),
            theirs: Some("Seen “briefly”.\nHeard.".into()),
        },
        MergeConflict {
            record: Some(Id::from("F1")),
            field: String::new(),
            base: Some(r#"{"id":"F1","statement":"Old"}"#.into()),
            ours: None,
            theirs: Some(r#"{"id":"F1","statement":"Edited"}"#.into()),
        },
        MergeConflict {
            record: None,
            field: "summary".into(),
            base: None,
            ours: Some("Ours.".into()),
            theirs: Some("Theirs.".into()),
        },
    ];
    review
}

const GOLDEN: &str = "tests/golden/v4/every-record.review.ron";

#[test]
fn the_format_4_golden_file_loads_into_the_same_review() {
    let loaded = store::load(Path::new(GOLDEN)).unwrap();
    assert_eq!(loaded, every_part());
}

#[test]
fn a_format_4_file_saves_with_only_its_version_changed() {
    let text = std::fs::read_to_string(GOLDEN).unwrap();
    let loaded = store::load(Path::new(GOLDEN)).unwrap();
    assert_eq!(
        store::to_text(&loaded),
        text.replacen(
            "format_version: 4",
            &format!("format_version: {FORMAT_VERSION}"),
            1
        )
    );
}

#[test]
fn a_format_3_file_becomes_format_4_without_conflicts() {
    let loaded = store::load(Path::new("tests/golden/v3/every-record.review.ron")).unwrap();
    assert_eq!(loaded.format_version, FORMAT_VERSION);
    assert!(loaded.meta.conflicts.is_empty());
    assert!(!store::to_text(&loaded).contains("conflicts"));
}
