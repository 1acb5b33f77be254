//! The golden file of review file format 2: the format-1 golden review
//! with every part format 2 added filled in (the review's account of
//! itself; what each finding asks, its recommendations and references),
//! loaded from a file committed when format 2 was released.

use std::path::Path;

use foresight::model::*;
use foresight::store;

/// The review the format-2 golden file holds, built in code. When a field
/// is added to the model, it is added here with its default value: the
/// golden file itself is never rewritten.
pub(crate) fn every_part() -> Review {
    let mut review = super::golden_v1::every_record();
    review.meta.title = "Child Z: golden file of format 2".into();
    review.meta.account = ReviewAccount {
        cover_date: "March 2024".into(),
        executive_summary: "Summary “in brief”.\nSecond paragraph.".into(),
        key_messages: vec!["Message one.".into(), "Message two.".into()],
        child: ChildAccount {
            who: "Who.".into(),
            enjoyed: "Enjoyed.".into(),
            identity: "Identity.".into(),
            lived_experience: "Lived.".into(),
        },
        family: FamilyInvolvement {
            invited: "Invited.".into(),
            took_part: "Took part.".into(),
            declined: "Declined.".into(),
            saw_draft: Answer::Yes,
            views: "Views.".into(),
        },
        process: ReviewProcess {
            team: vec![
                TeamMember {
                    role: "Independent lead reviewer".into(),
                    agency: "Independent".into(),
                },
                TeamMember {
                    role: "Designated nurse".into(),
                    agency: "Health".into(),
                },
            ],
            independence: "Independence.".into(),
            practitioners: "Case group.".into(),
            parallel_processes: "Criminal.".into(),
            limitations: "Limits.".into(),
            timescale: "Time.".into(),
        },
        response: PartnershipResponse {
            response: "Response.".into(),
            action_taken: "Action.".into(),
        },
    };
    for (finding, asks) in review.findings.iter_mut().zip(FindingAsks::ALL) {
        finding.asks = asks;
        finding.recommendations = vec![format!("Recommendation of {}.", finding.id)];
        finding.references = vec!["Author A (2020) Title. Publisher.".into()];
    }
    review
}

const GOLDEN: &str = "tests/golden/v2/every-record.review.ron";

#[test]
fn the_format_2_golden_file_loads_into_the_same_review() {
    let expected = every_part();
    let loaded = store::load(Path::new(GOLDEN)).unwrap();
    assert_eq!(loaded, expected);
}

#[test]
fn a_format_2_file_saves_with_only_its_version_changed() {
    let text = std::fs::read_to_string(GOLDEN).unwrap();
    let loaded = store::load(Path::new(GOLDEN)).unwrap();
    assert_eq!(
        store::to_text(&loaded),
        text.replacen(
            "format_version: 2",
            &format!("format_version: {FORMAT_VERSION}"),
            1
        )
    );
}

#[test]
fn a_format_1_file_becomes_current_with_every_new_part_empty() {
    let loaded = store::load(Path::new("tests/golden/v1/every-record.review.ron")).unwrap();
    assert_eq!(loaded.format_version, FORMAT_VERSION);
    assert!(loaded.meta.account.is_empty());
    assert!(
        loaded
            .findings
            .iter()
            .all(|f| f.asks == FindingAsks::Questions
                && f.recommendations.is_empty()
                && f.references.is_empty())
    );
    let saved = store::to_text(&loaded);
    assert!(
        saved.starts_with(&format!("(\n    format_version: {FORMAT_VERSION},")),
        "{saved}"
    );
    assert!(!saved.contains("account") && !saved.contains("asks"));
}

#[test]
fn a_build_that_knows_fewer_formats_would_be_told_the_file_is_newer() {
    // What an older build sees is what this build says of a format it does
    // not know yet: the file is refused, never read and saved without its
    // new parts.
    let text = std::fs::read_to_string(GOLDEN).unwrap().replacen(
        "format_version: 2",
        &format!("format_version: {}", FORMAT_VERSION + 1),
        1,
    );
    let error = store::parse_review(&text, Path::new("newer.review.ron")).unwrap_err();
    assert!(error.to_string().contains("newer"), "{error}");
}
