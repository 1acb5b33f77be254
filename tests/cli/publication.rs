//! What a partnership publishes: nothing that is left out, and nothing
//! published while the check finds a blocker.

use std::path::Path;

use foresight::model::{Appraisal, FindingTag, Review};
use foresight::store;

use crate::export::read;
use crate::run::{foresight, text};

const WORKED: &str = "assets/examples/child-b-learning-review.review.ron";

/// The text of the blame-tagged finding that no artefact may carry.
fn left_out_texts(review: &Review) -> Vec<String> {
    review
        .findings
        .iter()
        .filter(|f| f.tag == FindingTag::Blame)
        .flat_map(|f| {
            [
                f.id.to_string(),
                f.title.chars().take(40).collect(),
                f.statement.chars().take(40).collect(),
            ]
        })
        .collect()
}

fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_blame_finding_is_in_no_published_artefact_figures_included() {
    let review = store::load(Path::new(WORKED)).unwrap();
    let left_out = left_out_texts(&review);
    assert_eq!(
        left_out.len(),
        3,
        "the worked example has one blame finding"
    );
    let folder = tempfile::tempdir().unwrap();
    let pdf = folder.path().join("report.pdf");
    let out = foresight(&[
        "export",
        WORKED,
        "-o",
        pdf.to_str().unwrap(),
        "--include-chronology",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mut artefacts = vec![("the PDF".to_string(), read(&pdf).all_text())];
    for diagram in &review.diagrams {
        for extension in ["svg", "png"] {
            let figure = folder.path().join(format!("{}.{extension}", diagram.id));
            let out = foresight(&[
                "figure",
                WORKED,
                "-o",
                figure.to_str().unwrap(),
                "--diagram",
                diagram.id.as_str(),
            ]);
            assert!(out.status.success(), "{}", text(&out.stderr));
            if extension == "svg" {
                artefacts.push((
                    format!("figure {}", diagram.id),
                    std::fs::read_to_string(&figure).unwrap(),
                ));
            }
        }
    }
    for (name, content) in &artefacts {
        let content = flat(content);
        for text in &left_out {
            let word_bounded = content.match_indices(text.as_str()).any(|(at, _)| {
                let after = content[at + text.len()..].chars().next();
                !after.is_some_and(|c| c.is_ascii_digit())
            });
            assert!(!word_bounded, "\"{text}\" in {name}");
        }
    }
}

/// A change to the worked example.
type Change = Box<dyn FnOnce(&mut Review)>;

/// Runs `foresight check` on the worked example changed by `change`.
fn check_changed(change: impl FnOnce(&mut Review)) -> (Option<i32>, String) {
    let mut review = store::load(Path::new(WORKED)).unwrap();
    change(&mut review);
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("changed.review.ron");
    store::save(&file, &review).unwrap();
    let out = foresight(&["check", file.to_str().unwrap()]);
    (out.status.code(), text(&out.stdout))
}

#[test]
fn check_blocks_what_a_partnership_could_not_publish_naming_the_record() {
    let (code, _) = check_changed(|_| {});
    assert_eq!(code, Some(0), "the worked example is ready");
    let cases: Vec<(Change, &str)> = vec![
        (
            Box::new(|r: &mut Review| r.findings.clear()),
            "the review has no findings",
        ),
        (
            Box::new(|r: &mut Review| r.episodes[3].appraisal = Appraisal::NotAppraised),
            "E4 \"",
        ),
        (
            Box::new(|r: &mut Review| r.findings[2].systemic_evidence.clear()),
            "FN3 \"",
        ),
        (
            Box::new(|r: &mut Review| {
                r.findings[0]
                    .why_it_matters
                    .push_str(" [Add the audit figures here.]")
            }),
            "FN1 why_it_matters: the placeholder \"[Add the audit figures here.]\"",
        ),
    ];
    for (change, expected) in cases {
        let (code, stdout) = check_changed(change);
        assert_eq!(code, Some(1), "{expected}: {stdout}");
        let verdict = stdout.split("not ready to publish").nth(1).unwrap_or("");
        assert!(verdict.contains(expected), "{expected} in {verdict}");
    }
}
