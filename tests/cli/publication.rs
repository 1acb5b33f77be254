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

const PROBE_CAST: &str = "name,aliases,role,pseudonym,kind\n\
    Nathaniel Okoro,,child,,person\n\
    Elizabeth Okoro,,mother,,person\n\
    Jonathan Hale,,partner,,person\n\
    Małgorzata Nowak,,maternal grandmother,,person\n\
    Autumn Okoro,,sibling,,person\n\
    14 Harrow Road,,home address,,place\n";

const PROBE_CHRONOLOGY: &str = "Date,Agency,Author,Details\n\
    03/02/2021,Health visiting,HV Jones,\"HV visit. Nat 9.2kg, Autumn's account of the night differs. Liz (mum) aged 29 tearful, EPDS 15. Jonny not present. Gosia (MGM) says Beth is struggling.\"\n\
    05/03/2021,Police,DC 4812 PRESTON,\"DC PRESTON attended. Jon HALE arrested at Harrow Road. NFA. RUI. Nate seen by PC 2231 WILLIS.\"\n\
    10/04/2021,School,DSL,\"TA reported Nate said 'Nan shouts at me'. Mum rang at 2.15pm. Annual leave 01/08-19/08 for SW. CP plan review on 24 September. Lizzie's sister in Linnet Way.\"\n\
    12/05/2021,GP,GP,\"Mother prescribed Sertraline 50mg OD. PHQ-9 16. Owes £450 rent. Nathaniel (4) seen with bruise.\"\n";

#[test]
fn every_form_of_a_name_an_agency_writes_is_replaced_and_the_field_s_words_kept() {
    let folder = tempfile::tempdir().unwrap();
    let at = |name: &str| folder.path().join(name).to_str().unwrap().to_string();
    std::fs::write(at("cast.csv"), PROBE_CAST).unwrap();
    std::fs::write(at("chronology.csv"), PROBE_CHRONOLOGY).unwrap();
    for args in [
        vec!["new", "-o", &at("r.review.ron"), "--title", "Child A"],
        vec![
            "import-cast",
            &at("cast.csv"),
            "--into",
            &at("r.review.ron"),
        ],
        vec![
            "import-chronology",
            &at("chronology.csv"),
            "--into",
            &at("r.review.ron"),
        ],
        vec![
            "anonymise",
            &at("r.review.ron"),
            "-o",
            &at("a.review.ron"),
            "--apply-sensitive-policy",
        ],
    ] {
        let out = foresight(&args);
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
    }
    let anonymised = store::load(Path::new(&at("a.review.ron"))).unwrap();
    let texts: String = anonymised
        .chronology
        .iter()
        .map(|e| format!("{} | {}\n", e.author, e.text))
        .collect();
    for identifying in [
        "Nat ",
        "Nate",
        "Liz",
        "Lizzie",
        "Beth",
        "Jon ",
        "Jonny",
        "HALE",
        "Gosia",
        "Autumn",
        "Harrow",
        "Linnet",
        "PRESTON",
        "WILLIS",
        "4812",
        "2231",
        "Jones",
        "29",
        "EPDS 15",
        "50mg",
        "PHQ-9 16",
        "£450",
        "2.15pm",
        "01/08",
        "19/08",
        "24 September",
        "(4)",
    ] {
        assert!(
            !texts.contains(identifying),
            "\"{identifying}\" left in:\n{texts}"
        );
    }
    for kept in [
        "9.2kg",
        "(MGM)",
        "NFA. RUI.",
        "TA reported",
        "'Nan shouts at me'",
        "Mum rang",
        "for SW",
        "CP plan review",
        "August",
        "September",
    ] {
        assert!(texts.contains(kept), "\"{kept}\" lost from:\n{texts}");
    }
}
