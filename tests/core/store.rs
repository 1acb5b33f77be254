//! Saving and loading review files as the app and CLI do.

use foresight::examples::EXAMPLES;
use foresight::store;

#[test]
fn both_examples_round_trip_through_a_file() {
    let dir = tempfile::tempdir().unwrap();
    for example in EXAMPLES {
        let review = example.review();
        let path = dir.path().join(example.file_name);
        store::save(&path, &review).unwrap();
        assert_eq!(store::load(&path).unwrap(), review, "{}", example.file_name);
        // Saving what was loaded gives the same bytes: no churn in diffs.
        let first = std::fs::read(&path).unwrap();
        store::save(&path, &store::load(&path).unwrap()).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), first);
    }
}

#[test]
fn a_save_that_fails_midway_leaves_the_previous_review_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("case.review.ron");
    let original = EXAMPLES[1].review();
    store::save(&path, &original).unwrap();
    let bytes_before = std::fs::read(&path).unwrap();

    let mut changed = original.clone();
    changed.meta.title = "Changed".into();
    let text = store::to_text(&changed);
    let err = store::write_atomic(&path, |file| {
        use std::io::Write;
        file.write_all(&text.as_bytes()[..text.len() / 3])?;
        Err(std::io::Error::other("No space left on device"))
    })
    .unwrap_err();
    assert!(err.to_string().contains("No space left on device"));
    assert_eq!(std::fs::read(&path).unwrap(), bytes_before);
    assert_eq!(store::load(&path).unwrap(), original);
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        vec!["case.review.ron".to_string()],
        "no temporary file is left behind"
    );
}

#[test]
fn saving_where_the_folder_cannot_be_written_fails_cleanly() {
    // A path whose "folder" is a file cannot be written, even by root.
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, "x").unwrap();
    let err = store::save(&blocker.join("case.review.ron"), &EXAMPLES[1].review()).unwrap_err();
    assert!(err.to_string().contains("could not save"), "{err}");
    assert_eq!(std::fs::read_to_string(&blocker).unwrap(), "x");
}
