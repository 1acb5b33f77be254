//! The golden file of review file format 5: the format-4 golden review
//! with an action plan (a finding's response and its actions, in every
//! status) and, at the end of the file, the revisions it descends from;
//! loaded from a file committed when format 5 was released.

use std::path::Path;

use foresight::model::*;
use foresight::store::{self, lineage};

/// The review the format-5 golden file holds, built in code. When a field
/// is added to the model, it is added here with its default value: the
/// golden file itself is never rewritten.
pub(crate) fn every_part() -> Review {
    let mut review = super::golden_v4::every_part();
    review.meta.title = "Child Z: golden file of format 5".into();
    let finding = &mut review.findings[0];
    finding.response = FindingResponse {
        decision: ResponseDecision::AcceptedInPart,
        reason: "The partnership accepts the finding; the second question goes to the ICB.".into(),
    };
    let day = |text: &str| text.parse::<ReviewDate>().unwrap();
    finding.actions = vec![
        Action {
            id: Id::from("AC1"),
            what: "Add “who lives here” to the assessment form.".into(),
            owner: "Children's social care".into(),
            due: Some(day("2024-03-31")),
            status: ActionStatus::Done,
            dropped_reason: String::new(),
            impact_expected: "Audit finds the household recorded in 9 of 10 assessments.".into(),
            evidence: "Audit of 40 assessments, June 2024: 37 record it.".into(),
            review_on: Some(day("2024-09")),
        },
        Action {
            id: Id::from("AC2"),
            what: "Invite adult services to child protection conferences.".into(),
            owner: "Adult drug and alcohol service".into(),
            due: Some(day("2024-06")),
            status: ActionStatus::UnderWay,
            ..Default::default()
        },
        Action {
            id: Id::from("AC3"),
            what: "A leaflet on safe storage.".into(),
            owner: "Public health".into(),
            due: None,
            status: ActionStatus::Dropped,
            dropped_reason: "Replaced by the pharmacy scheme.".into(),
            ..Default::default()
        },
        Action {
            id: Id::from("AC4"),
            what: "Train duty workers on household checks.".into(),
            owner: "Police".into(),
            status: ActionStatus::Planned,
            ..Default::default()
        },
    ];
    review
}

/// The revisions the golden file records.
fn revisions() -> Lineage {
    Lineage::new(vec![
        Revision {
            id: "00112233445566778899aabbccddeeff".into(),
            saved: String::new(),
        },
        Revision {
            id: lineage::content_id(&std::fs::read_to_string(GOLDEN).unwrap()),
            saved: "2026-12-04T14:02:11Z".into(),
        },
    ])
}

const GOLDEN: &str = "tests/golden/v5/every-record.review.ron";

#[test]
fn the_format_5_golden_file_loads_into_the_same_review_and_revisions() {
    let (loaded, lineage) = store::load_with_lineage(Path::new(GOLDEN)).unwrap();
    assert_eq!(loaded, every_part());
    assert_eq!(lineage, revisions());
}

#[test]
fn a_format_5_file_saves_byte_identical() {
    let text = std::fs::read_to_string(GOLDEN).unwrap();
    let (loaded, lineage) = store::load_with_lineage(Path::new(GOLDEN)).unwrap();
    assert_eq!(
        lineage::with_lineage(store::to_text(&loaded), &lineage),
        text
    );
}

#[test]
fn a_format_4_file_becomes_format_5_without_an_action_plan() {
    let (loaded, lineage) =
        store::load_with_lineage(Path::new("tests/golden/v4/every-record.review.ron")).unwrap();
    assert_eq!(loaded.format_version, 5);
    assert!(
        loaded
            .findings
            .iter()
            .all(|f| f.actions.is_empty() && f.response.is_empty())
    );
    // Saved, it is the format-4 text with the new version (see
    // golden_v4): nothing of an action plan is written.
    // Its content is its one revision, of unknown date.
    assert_eq!(lineage.revisions().len(), 1);
    assert_eq!(lineage.current().unwrap().saved, "");
}

#[test]
fn a_build_that_knows_only_format_4_is_told_the_file_is_newer() {
    let text = std::fs::read_to_string(GOLDEN).unwrap();
    assert!(text.starts_with("(\n    format_version: 5,"));
}
