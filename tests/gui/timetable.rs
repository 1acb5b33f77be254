//! The Overview's statutory timetable: dates typed in the Overview and the
//! deadlines they start, what a rapid review needs, agency returns.

use egui_kittest::kittest::Queryable;
use foresight::document::Document;
use foresight::examples::worked_case;
use foresight::model::{ReviewDecision, ReviewType};
use foresight::ui::ForesightApp;

use super::harness::{harness_of, open_panel};

fn tall_app(review: foresight::model::Review, folder: &std::path::Path) -> ForesightApp {
    ForesightApp::new(Document::untitled(review), folder.to_path_buf())
}

#[test]
fn the_notification_date_typed_in_the_overview_starts_the_rapid_review_clock() {
    let folder = tempfile::tempdir().unwrap();
    let mut review = worked_case();
    review.meta.clock = Default::default();
    let mut harness = harness_of(tall_app(review, folder.path()), (1400.0, 2600.0), 12);
    open_panel(&mut harness, "Overview");
    assert!(
        harness
            .query_by_label_contains("Rapid review to the national panel: waiting")
            .is_some()
    );
    harness
        .get_by_label("Notification sent to the national panel")
        .click();
    harness.run();
    harness
        .get_by_label("Notification sent to the national panel")
        .type_text("23/12/2026");
    harness.run();
    // Fifteen working days in England and Wales, over Christmas and New
    // Year: Monday 18 January 2027.
    assert!(
        harness
            .query_by_label_contains("due 18 January 2027")
            .is_some(),
        "the rapid review's deadline is not shown"
    );
    assert!(
        harness
            .query_by_label_contains("Wednesday 23 December 2026")
            .is_some()
    );
    let app = harness.state();
    assert_eq!(
        app.document().review().meta.clock.notified,
        Some(chrono::NaiveDate::from_ymd_opt(2026, 12, 23).unwrap())
    );
}

#[test]
fn a_rapid_review_shows_what_it_needs_and_becomes_a_full_review_keeping_everything() {
    let folder = tempfile::tempdir().unwrap();
    let mut review = worked_case();
    review.meta.review_type = ReviewType::RapidReview;
    review.meta.clock.decision = ReviewDecision::Undecided;
    review.meta.rapid_review.facts = "What happened on the day.".into();
    // A very tall window: the rapid review's parts follow the review's
    // details in the Overview's first column.
    let mut harness = harness_of(tall_app(review, folder.path()), (1400.0, 4000.0), 12);
    open_panel(&mut harness, "Overview");
    assert!(
        harness
            .query_by_label("What the rapid review needs")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("Still needed: Immediate safety actions")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("Done: An analysis of key practice episodes")
            .is_some()
    );
    harness.get_by_label("Immediate safety actions").click();
    harness.run();
    harness
        .get_by_label("Immediate safety actions")
        .type_text("A safety plan for the siblings.");
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Done: Immediate safety actions")
            .is_some()
    );
    harness.get_by_label("Turn into a full review").click();
    harness.run();
    let meta = harness.state().document().review().meta.clone();
    assert_eq!(meta.review_type, ReviewType::LocalPracticeReview);
    assert_eq!(meta.clock.decision, ReviewDecision::LocalReview);
    assert_eq!(meta.rapid_review.facts, "What happened on the day.");
    assert_eq!(
        meta.rapid_review.immediate_actions,
        "A safety plan for the siblings."
    );
    assert!(
        harness
            .query_by_label("What the rapid review needs")
            .is_none()
    );
}

#[test]
fn the_worked_example_shows_its_clock_and_its_agencies_returns() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness_of(tall_app(worked_case(), folder.path()), (1400.0, 2600.0), 12);
    open_panel(&mut harness, "Overview");
    // The State Funeral's bank holiday (19 September 2022) moves the
    // notification's deadline to the 20th.
    assert!(
        harness
            .query_by_label_contains(
                "Notification to the national panel: done 14 September 2022 (due 20 September 2022)"
            )
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains(
                "Publication of the review: done late, 17 July 2023 (due 19 June 2023)"
            )
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("plus 75 days paused")
            .is_some()
    );
    // The reason recorded for the late publication is shown in its field.
    assert!(
        harness
            .query_by_label("Why was the review-publication deadline missed?")
            .is_some()
    );
    assert!(harness.query_by_label("Agency returns").is_some());
    assert!(harness.query_by_label_contains("21/11/2022 (3)").is_some());
}
