//! The Findings form: what a finding asks of the partnership (questions,
//! recommendations or both), its recommendations and its references,
//! through the real UI.

use super::harness::{harness_of, open_panel};
use egui_kittest::kittest::Queryable;
use foresight::document::Document;
use foresight::model::{FindingAsks, Review};
use foresight::ui::ForesightApp;

#[test]
fn a_finding_that_makes_recommendations_holds_them_and_its_references() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness_of(
        ForesightApp::new(
            Document::untitled(Review::new("Child R")),
            folder.path().to_path_buf(),
        ),
        (1280.0, 2000.0),
        12,
    );
    harness.run();
    open_panel(&mut harness, "Findings");
    harness.get_by_label("Add finding").click();
    harness.run();
    // Questions only, at first: no recommendations field.
    assert!(harness.query_by_label("Recommendations").is_none());
    harness
        .get_by_label("The report asks the partnership")
        .click();
    harness.run();
    harness
        .get_by_label("Questions and recommendations")
        .click();
    harness.run();
    harness.get_by_label("Add recommendation").click();
    harness.run();
    harness.get_by_label("recommendation 1").click();
    harness.run();
    harness
        .get_by_label("recommendation 1")
        .type_text("Extend the hidden harm screen.");
    harness.run();
    harness.get_by_label("Add reference").click();
    harness.run();
    harness.get_by_label("reference 1").click();
    harness.run();
    harness
        .get_by_label("reference 1")
        .type_text("Munro, E. (2011) The Munro review.");
    harness.run();
    let finding = &harness.state().document().review().findings[0];
    assert_eq!(finding.asks, FindingAsks::Both);
    assert_eq!(finding.recommendations, ["Extend the hidden harm screen."]);
    assert_eq!(finding.references, ["Munro, E. (2011) The Munro review."]);
}
