//! `foresight import-cast` and `foresight import-chronology` run as a user
//! would run them, on the sample agency files in tests/data/chronology/
//! (several agencies, CSV, TSV and semicolon files, mixed date formats).

use std::path::{Path, PathBuf};

use foresight::model::{DatePrecision, Id, PersonKind};
use foresight::store;

use super::run::{foresight, text};

const DATA: &str = "tests/data/chronology";
const AGENCY_FILES: [&str; 4] = [
    "police.csv",
    "health-visiting.csv",
    "childrens-social-care.tsv",
    "school.csv",
];

fn data(name: &str) -> String {
    Path::new(DATA).join(name).display().to_string()
}

fn run_ok(args: &[&str]) -> String {
    let out = foresight(args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}\nstdout: {}\nstderr: {}",
        text(&out.stdout),
        text(&out.stderr)
    );
    text(&out.stdout)
}

fn import_everything(into: &Path) -> (String, String) {
    let into = into.to_str().unwrap();
    let cast = run_ok(&["import-cast", &data("cast.csv"), "--into", into]);
    let files: Vec<String> = AGENCY_FILES.iter().map(|f| data(f)).collect();
    let mut args = vec!["import-chronology"];
    args.extend(files.iter().map(String::as_str));
    args.extend(["--into", into]);
    let chronology = run_ok(&args);
    (cast, chronology)
}

#[test]
fn cast_then_chronologies_make_a_review_that_validates() {
    let dir = tempfile::tempdir().unwrap();
    let into: PathBuf = dir.path().join("child-d.review.ron");
    let (cast, chronology) = import_everything(&into);
    assert!(
        cast.contains("added P1 Lily Carter as \"Child A\""),
        "{cast}"
    );
    assert!(cast.contains("as \"Social Worker 1\""), "{cast}");
    assert!(chronology.contains("added 18 entries"), "{chronology}");
    assert!(
        chronology.contains("health-visiting.csv: rows that name no agency are given to Westmoor 0-19 Health Visiting Service"),
        "{chronology}"
    );

    let out = foresight(&["validate", into.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert!(text(&out.stdout).contains("valid (8 people, 4 agencies, 18 chronology entries)"));

    let review = store::load(&into).unwrap();
    assert_eq!(review.people[0].kind, PersonKind::SubjectChild);
    assert!(review.people[0].date_of_birth.is_some());
    // Every agency's entries found their agency, by name, alias or file name.
    assert!(review.chronology.iter().all(|e| e.agency.is_some()));
    let precisions: Vec<DatePrecision> = review
        .chronology
        .iter()
        .map(|e| e.date.precision())
        .collect();
    for precision in [
        DatePrecision::Day,
        DatePrecision::Month,
        DatePrecision::Season,
    ] {
        assert!(precisions.contains(&precision), "{precision:?}");
    }
    assert!(review.chronology.iter().any(|e| e.date.approximate));
    let first = &review.chronology[0];
    assert_eq!(first.date.to_string(), "2021-04-03");
    assert_eq!(first.agency, Some(Id::from("A1")));
    assert_eq!(first.source.as_ref().unwrap().file, "police.csv");
    assert_eq!(first.source.as_ref().unwrap().row, 2);
    assert!(first.people.contains(&Id::from("P1")));
}

#[test]
fn importing_the_same_files_again_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let into = dir.path().join("again.review.ron");
    import_everything(&into);
    let before = std::fs::read(&into).unwrap();
    let (cast, chronology) = import_everything(&into);
    assert!(
        cast.contains("added 0, updated 0, 13 already in the cast"),
        "{cast}"
    );
    assert!(
        chronology.contains("added 0 entries") && chronology.contains("(18 already there)"),
        "{chronology}"
    );
    assert_eq!(std::fs::read(&into).unwrap(), before);
}

#[test]
fn a_broken_date_names_the_row_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let fresh = dir.path().join("fresh.review.ron");
    let out = foresight(&[
        "import-chronology",
        &data("broken-date.csv"),
        "--into",
        fresh.to_str().unwrap(),
    ]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "broken-date.csv: row 3: cannot read the date `31/02/2021`: February 2021 has no day 31"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("nothing was imported"), "{stderr}");
    assert!(!fresh.exists(), "no review is created");

    // An existing review is left byte for byte as it was, even when the bad
    // file comes with good ones.
    let existing = dir.path().join("existing.review.ron");
    import_everything(&existing);
    let before = std::fs::read(&existing).unwrap();
    let out = foresight(&[
        "import-chronology",
        &data("police.csv"),
        &data("broken-date.csv"),
        "--into",
        existing.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read(&existing).unwrap(), before);
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["existing.review.ron"], "no temporary file left");
}

#[test]
fn skip_bad_rows_imports_the_rest_and_lists_what_it_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let into = dir.path().join("skip.review.ron");
    let out = foresight(&[
        "import-chronology",
        &data("broken-date.csv"),
        "--into",
        into.to_str().unwrap(),
        "--skip-bad-rows",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("skipped: tests/data/chronology/broken-date.csv: row 3:"));
    assert!(text(&out.stdout).contains("added 2 entries"));
    assert!(text(&out.stdout).contains("1 bad row skipped"));
    assert_eq!(store::load(&into).unwrap().chronology.len(), 2);
}

#[test]
fn an_explicit_mapping_names_the_columns() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("odd.csv");
    std::fs::write(
        &csv,
        "Day of contact,Service,Record of contact,Internal ID\n3rd April 2021,Westmoor Police,Visit,77\n",
    )
    .unwrap();
    let into = dir.path().join("map.review.ron");
    let out = foresight(&[
        "import-chronology",
        csv.to_str().unwrap(),
        "--into",
        into.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("row 1: no date or text column found"),
        "{}",
        text(&out.stderr)
    );
    assert!(!into.exists());
    run_ok(&[
        "import-chronology",
        csv.to_str().unwrap(),
        "--into",
        into.to_str().unwrap(),
        "--map",
        "date=\"Day of contact\",text=Record of contact,ignore=Internal ID",
    ]);
    let review = store::load(&into).unwrap();
    assert_eq!(review.chronology[0].text, "Visit");
    assert_eq!(review.chronology[0].date.to_string(), "2021-04-03");
    assert_eq!(review.agencies[0].name, "Westmoor Police");

    let out = foresight(&[
        "import-chronology",
        csv.to_str().unwrap(),
        "--into",
        into.to_str().unwrap(),
        "--map",
        "colour=Red",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("unknown field `colour`"));
}

#[test]
fn a_bad_cast_row_is_reported_and_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("cast.csv");
    std::fs::write(
        &csv,
        "name,aliases,role,pseudonym,kind\nAnn,,Mother,,person\nBob,,,,alien\n",
    )
    .unwrap();
    let into = dir.path().join("cast.review.ron");
    let out = foresight(&[
        "import-cast",
        csv.to_str().unwrap(),
        "--into",
        into.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("cast.csv: row 3: unknown kind `alien`"),
        "{}",
        text(&out.stderr)
    );
    assert!(!into.exists());
}
