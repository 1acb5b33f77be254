//! A real import published: a cast and a chronology whose agency column
//! holds agency types (and one real agency) are imported, anonymised and
//! exported with the summary chronology; nothing blocks, and no real
//! name, street, identifier, age, dose, amount of money or exact date or
//! time reaches the review file or the PDF.

use std::path::Path;

use lopdf::Document;

use super::run::{foresight, run_ok, text};

const CAST: &str = "name,aliases,role,pseudonym,kind\n\
    Jayden Price,Jay,child,,person\n\
    Kerry Price,,mother,,person\n\
    Sam Holt,,social worker,,person\n\
    Nathaniel Price,,sibling,,person\n";

const CHRONOLOGY: &str = "Date,Agency,Author,Details\n\
    03/02/2021,Midwifery,Midwife,\"Booking appointment for Kerry Price, aged 23. Reported low mood; EPDS 14. Lives at 12 Acacia Road, NHS number 943 476 5919.\"\n\
    15/03/2021,GP,GP,\"PHQ-9 score 18. GP prescribed sertraline 100mg for Kerry.\"\n\
    02/04/2021,Housing,Housing officer,\"£1,240 rent arrears reported at a home visit at 14:30 on 06/04.\"\n\
    10/05/2021,Probation,Probation officer,\"Jayden's father, a 27-year-old man, seen; on methadone 60ml daily.\"\n\
    11/06/2021,Kestrel Homes,Tenancy officer,\"Kestrel Homes visited 01/08-19/08 and on 24 September; Sam Holt informed.\"\n\
    02/07/2021,Children's social care,Social worker,\"Nate said he stays away from Acacia Road; Nat's school was told.\"\n";

/// What identifies: never in an anonymised review or a publication.
const IDENTIFYING: &[&str] = &[
    "Jayden",
    "Kerry",
    "Price",
    "Sam Holt",
    "Holt",
    "Kestrel",
    "Acacia",
    "Nathaniel",
    "Nate",
    "Nat's",
    "943 476 5919",
    "06/04",
    "01/08",
    "19/08",
    "24 September",
    "03/02/2021",
    "2019",
];

/// What is sensitive: kept in the de-identified review, never published.
const SENSITIVE: &[&str] = &[
    "aged 23",
    "27-year-old",
    "EPDS 14",
    "score 18",
    "sertraline",
    "100mg",
    "methadone",
    "60ml",
    "£1,240",
    "1,240",
    "14:30",
];

fn pdf_text(path: &Path) -> String {
    let doc = Document::load(path).expect("a PDF lopdf can read");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    pages
        .iter()
        .map(|p| doc.extract_text(&[*p]).unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Neither identifying nor sensitive: what may be published.
fn assert_clean(what: &str, published: &str) {
    assert_without(IDENTIFYING, what, published);
    assert_without(SENSITIVE, what, published);
}

fn assert_without(forbidden: &[&str], what: &str, published: &str) {
    let flat = published.split_whitespace().collect::<Vec<_>>().join(" ");
    for word in forbidden {
        assert!(!flat.contains(word), "{what} holds \"{word}\":\n{flat}");
    }
}

#[test]
fn an_import_with_agency_types_is_anonymised_and_exported_with_nothing_identifying() {
    let dir = tempfile::tempdir().unwrap();
    let at = |name: &str| dir.path().join(name);
    let review = at("case.review.ron");
    std::fs::write(at("cast.csv"), CAST).unwrap();
    std::fs::write(at("chronology.csv"), CHRONOLOGY).unwrap();
    let path = |p: &Path| p.to_str().unwrap().to_string();
    run_ok(&["new", "-o", &path(&review), "--title", "Child A"]);
    run_ok(&[
        "import-cast",
        &path(&at("cast.csv")),
        "--into",
        &path(&review),
    ]);
    run_ok(&[
        "import-chronology",
        &path(&at("chronology.csv")),
        "--into",
        &path(&review),
    ]);
    let saved = std::fs::read_to_string(&review).unwrap();
    assert_eq!(saved.matches("generic: true").count(), 5, "{saved}");

    // De-identified: the sensitive details are kept as written.
    let anonymised = at("anon.review.ron");
    let said = run_ok(&["anonymise", &path(&review), "-o", &path(&anonymised)]);
    assert!(said.contains("no leaks"), "{said}");
    assert!(said.contains("sensitive details"), "{said}");
    let file = std::fs::read_to_string(&anonymised).unwrap();
    assert_without(IDENTIFYING, "the anonymised review", &file);
    assert!(file.contains("GP prescribed sertraline 100mg"), "{file}");
    // With the policy applied, as the report applies it.
    let said = run_ok(&[
        "anonymise",
        &path(&review),
        "-o",
        &path(&anonymised),
        "--apply-sensitive-policy",
    ]);
    assert!(!said.contains("sensitive details"), "{said}");
    let file = std::fs::read_to_string(&anonymised).unwrap();
    assert_clean("the anonymised review with the policy applied", &file);
    // Agency types stay as written; the real agency is replaced.
    assert!(file.contains("GP prescribed [medication]"), "{file}");
    assert!(file.contains("Housing provider 2 visited August"), "{file}");

    // Nothing is published before the review has a learning finding.
    let pdf = at("report.pdf");
    let args = [
        "export",
        &path(&review),
        "-o",
        &path(&pdf),
        "--include-chronology",
    ];
    let refused = foresight(&args);
    assert_eq!(refused.status.code(), Some(1));
    assert!(text(&refused.stderr).contains("has no findings"));
    assert!(!pdf.exists());
    let mut with_finding = foresight::store::load(&review).unwrap();
    with_finding.findings.push(foresight::model::Finding {
        id: "FN1".into(),
        title: "Housing and health records are not joined".into(),
        statement: "Tenancy officers rarely learn of a tenant's health needs.".into(),
        tag: foresight::model::FindingTag::Learning,
        tag_reason: "Systems finding".into(),
        systemic_evidence: "Seen in three of five recent reviews.".into(),
        questions: vec!["How could housing providers learn of health needs?".into()],
        ..Default::default()
    });
    foresight::store::save(&review, &with_finding).unwrap();
    run_ok(&[
        "export",
        &path(&review),
        "-o",
        &path(&pdf),
        "--include-chronology",
    ]);
    let published = pdf_text(&pdf);
    assert_clean("the PDF", &published);
    let flat = published.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Summary chronology"), "{flat}");
    assert!(flat.contains("first sentence"), "{flat}");
}

#[test]
fn a_kind_of_sensitive_detail_is_published_only_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let review = dir.path().join("case.review.ron");
    let review = review.to_str().unwrap();
    run_ok(&["new", "-o", review, "--title", "Child A"]);
    let out = foresight(&["sensitive", review, "--publish", "ages="]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("a reason is required"));
    let out = foresight(&["sensitive", review, "--publish", "shoe sizes=because"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("unknown kind"));
    let said = run_ok(&[
        "sensitive",
        review,
        "--publish",
        "ages=the parents' youth is central to the learning",
    ]);
    assert!(
        said.contains("ages\tpublished\tthe parents' youth"),
        "{said}"
    );
    assert!(said.contains("health\twithheld"), "{said}");
    let saved = std::fs::read_to_string(review).unwrap();
    assert!(saved.contains("publish_sensitive"), "{saved}");
    let said = run_ok(&["sensitive", review, "--withhold", "ages"]);
    assert!(said.contains("ages\twithheld"), "{said}");
}
