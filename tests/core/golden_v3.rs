//! The golden file of review file format 3: the format-2 golden review
//! with the review's clock, the rapid review's parts and an agency's
//! returns filled in, loaded from a file committed when format 3 was
//! released.

use std::path::Path;

use chrono::NaiveDate;
use foresight::model::*;
use foresight::store;

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// The review the format-3 golden file holds, built in code. When a field
/// is added to the model, it is added here with its default value: the
/// golden file itself is never rewritten.
pub(crate) fn every_part() -> Review {
    let mut review = super::golden_v2::every_part();
    review.meta.title = "Child Z: golden file of format 3".into();
    review.meta.review_type = ReviewType::RapidReview;
    review.meta.clock = ReviewClock {
        calendar: "scotland".into(),
        rapid_review_from: RapidReviewAnchor::Aware,
        aware: Some(day("2026-12-21")),
        notified: Some(day("2026-12-24")),
        rapid_review_sent: Some(day("2027-01-20")),
        decided: Some(day("2027-01-20")),
        decision: ReviewDecision::LocalReview,
        decision_rationale: "Learning about “hidden” men across agencies.".into(),
        sent_to_panel: Some(day("2027-09-01")),
        published: Some(day("2027-09-14")),
        kept_until: Some(day("2028-09-14")),
        pauses: vec![
            Pause {
                from: day("2027-03-01"),
                to: Some(day("2027-03-31")),
                reason: "Criminal proceedings".into(),
            },
            Pause {
                from: day("2027-05-01"),
                to: None,
                reason: "Inquest".into(),
            },
        ],
        closures: vec![ClosureDay {
            date: day("2027-12-29"),
            name: "Office closure".into(),
        }],
        missed: vec![MissedReason {
            milestone: Milestone::RapidReview,
            reason: "Health records arrived late.".into(),
        }],
    };
    review.meta.rapid_review = RapidReviewRecord {
        facts: "Facts.".into(),
        agency_involvement: "Involvement.".into(),
        immediate_actions: "Actions.".into(),
        lived_context: "Context, including racism and disability.".into(),
        learning_potential: "Potential.".into(),
    };
    review.agencies[0].returned = AgencyReturn {
        requested: Some(day("2027-01-05")),
        chronology: Some(day("2027-01-12")),
        entries: 2,
        summary: Some(day("2027-01-13")),
        answers: vec![SummaryAnswer {
            question: "What was your agency's involvement?".into(),
            answer: "Two visits.".into(),
        }],
    };
    review
}

const GOLDEN: &str = "tests/golden/v3/every-record.review.ron";

#[test]
fn the_format_3_golden_file_loads_into_the_same_review() {
    let loaded = store::load(Path::new(GOLDEN)).unwrap();
    assert_eq!(loaded, every_part());
}

#[test]
fn a_format_3_file_saves_with_only_its_version_changed() {
    let text = std::fs::read_to_string(GOLDEN).unwrap();
    let loaded = store::load(Path::new(GOLDEN)).unwrap();
    assert_eq!(
        store::to_text(&loaded),
        text.replacen(
            "format_version: 3",
            &format!("format_version: {FORMAT_VERSION}"),
            1
        )
    );
}

#[test]
fn a_format_2_file_becomes_current_with_every_format_3_part_empty() {
    let loaded = store::load(Path::new("tests/golden/v2/every-record.review.ron")).unwrap();
    assert_eq!(loaded.format_version, FORMAT_VERSION);
    assert!(loaded.meta.clock.is_empty() && loaded.meta.rapid_review.is_empty());
    assert!(loaded.agencies.iter().all(|a| a.returned.is_empty()));
    let saved = store::to_text(&loaded);
    assert!(!saved.contains("clock") && !saved.contains("returned"));
}
