//! The Library panel through the real UI: a search typed into it finds
//! the worked example's finding, and opening the hit opens its review on
//! that finding; a hit whose file has moved says so.

use super::harness::harness_of;
use egui_kittest::kittest::Queryable;
use foresight::analysis::language::Lexicon;
use foresight::document::Document;
use foresight::library::Library;
use foresight::model::Review;
use foresight::ui::{ForesightApp, PanelKind};

const WORKED: &str = "assets/examples/child-b-learning-review.review.ron";

#[test]
fn a_search_finds_a_finding_and_opening_the_hit_opens_its_review() {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("child-b.review.ron");
    std::fs::copy(WORKED, &file).unwrap();
    let db = folder.path().join("library.sqlite");
    let mut library = Library::open_or_create(&db).unwrap();
    library.add_file(&file, &Lexicon::built_in(), &[]).unwrap();
    drop(library);

    let app = ForesightApp::new(
        Document::untitled(Review::new("Another review")),
        folder.path().join("recovery"),
    )
    .with_library(db.clone());
    let mut harness = harness_of(app, (1280.0, 1400.0), 12);
    harness.run();
    harness.get_by_label("Library").click();
    harness.run();
    assert_eq!(harness.state().panel(), PanelKind::Library);
    assert!(harness.query_by_label_contains("1 review in").is_some());
    assert!(
        harness
            .query_by_label_contains("Conditions of work (condition): 3 items in 1 review")
            .is_some()
    );

    harness.get_by_label("Search the library").click();
    harness.run();
    harness
        .get_by_label("Search the library")
        .type_text("\"invisible to the service\"");
    harness.run();
    assert!(harness.query_by_label_contains("1 hit").is_some());
    harness
        .get_by_label_contains("Open finding FN1: Adult services' tools see the adult")
        .click();
    harness.run();
    assert_eq!(harness.state().document().path(), Some(file.as_path()));
    assert_eq!(harness.state().panel(), PanelKind::Findings);
    assert!(
        harness
            .query_by_label_contains("not the household")
            .is_some()
    );

    // The search is kept; the file a hit came from has moved.
    std::fs::remove_file(&file).unwrap();
    harness.get_by_label("Library").click();
    harness.run();
    harness
        .get_by_label_contains("Open finding FN1: Adult services' tools see the adult")
        .click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("is no longer there: the review has moved")
            .is_some()
    );
    assert_eq!(harness.state().panel(), PanelKind::Library);
}

#[test]
fn adding_the_open_review_says_so_on_the_panel_and_the_status_line() {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("child-b.review.ron");
    std::fs::copy(WORKED, &file).unwrap();
    let db = folder.path().join("library.sqlite");
    let app = ForesightApp::new(
        Document::open(&file).unwrap(),
        folder.path().join("recovery"),
    )
    .with_library(db.clone());
    let mut harness = harness_of(app, (1280.0, 1400.0), 12);
    harness.run();
    harness.get_by_label("Library").click();
    harness.run();
    harness
        .get_by_label("Add this review to the library")
        .click();
    harness.run();
    assert!(
        harness.state().message().starts_with("Library: Added “"),
        "status line: {}",
        harness.state().message()
    );
    assert!(harness.query_by_label_contains("1 review in").is_some());
    assert_eq!(
        Library::open_existing(&db)
            .unwrap()
            .reviews()
            .unwrap()
            .len(),
        1
    );
}
