//! The library across reviews from the command line: three reviews added
//! (the worked example and two generated ones), searched, grouped into
//! recurring themes, added again without duplication; the database holds
//! no real name of any of them.

use std::path::{Path, PathBuf};

use foresight::model::Review;
use foresight::store;

use crate::run::{foresight, run_ok, text};

const WORKED: &str = "assets/examples/child-b-learning-review.review.ron";
/// Words of the worked example's first finding.
const PHRASE: &str = "invisible to the service";

/// A generated review of `seed` written by `foresight generate`; the
/// first has the worked example's phrase in its first finding.
fn generated(dir: &Path, seed: u64) -> PathBuf {
    let path = dir.join(format!("generated-{seed}.review.ron"));
    run_ok(&[
        "generate",
        "-o",
        path.to_str().unwrap(),
        "--episodes",
        "8",
        "--seed",
        &seed.to_string(),
    ]);
    if seed == 1 {
        let mut review = store::load(&path).unwrap();
        review.findings[0].statement =
            format!("A child living with an adult can be {PHRASE} that knows most.");
        store::save(&path, &review).unwrap();
    }
    path
}

fn json(args: &[&str]) -> serde_json::Value {
    serde_json::from_str(run_ok(args).lines().next().unwrap()).unwrap()
}

/// True when `name` appears in `text` as a whole word or words.
fn names(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[test]
fn three_reviews_are_searched_grouped_replaced_and_never_stored_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite");
    let db_arg = db.to_str().unwrap();
    let worked = dir.path().join("child-b.review.ron");
    std::fs::copy(WORKED, &worked).unwrap();
    let files = [
        worked.clone(),
        generated(dir.path(), 1),
        generated(dir.path(), 2),
    ];
    let paths: Vec<&str> = files.iter().map(|f| f.to_str().unwrap()).collect();

    let mut args = vec!["library", "add", "--db", db_arg];
    args.extend(&paths);
    let said = run_ok(&args);
    assert_eq!(said.matches(": added \"").count(), 3, "{said}");

    // A phrase in two of them: exactly those two, with the finding.
    let found = json(&[
        "library",
        "search",
        &format!("\"{PHRASE}\""),
        "--db",
        db_arg,
        "--json",
    ]);
    let hits = found["hits"].as_array().unwrap();
    let mut where_: Vec<(String, String, String)> = hits
        .iter()
        .map(|h| {
            (
                h["file"].as_str().unwrap().to_string(),
                h["record"].as_str().unwrap().to_string(),
                h["kind"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    where_.sort();
    let absolute = |p: &Path| std::path::absolute(p).unwrap().display().to_string();
    let mut expected = vec![
        (
            absolute(&files[0]),
            "FN1".to_string(),
            "finding".to_string(),
        ),
        (
            absolute(&files[1]),
            "FN1".to_string(),
            "finding".to_string(),
        ),
    ];
    expected.sort();
    assert_eq!(where_, expected, "{found:#}");
    assert!(
        hits.iter()
            .all(|h| h["snippet"].as_str().unwrap().contains("[invisible"))
    );

    // A latent condition category present in all three reviews.
    let recurring = json(&["library", "recurring", "--db", db_arg, "--json"]);
    let groups = recurring["groups"].as_array().unwrap();
    let shared = groups
        .iter()
        .find(|g| g["kind"] == "condition" && g["reviews"].as_array().unwrap().len() == 3)
        .unwrap_or_else(|| panic!("no condition category in all three: {recurring:#}"));
    assert_eq!(shared["category"], "conditions-of-work");
    assert_eq!(shared["label"], "Conditions of work");
    let by_level = json(&[
        "library",
        "recurring",
        "--db",
        db_arg,
        "--by",
        "condition",
        "--json",
    ]);
    assert!(
        by_level["groups"]
            .as_array()
            .unwrap()
            .iter()
            .any(|g| g["category"] == "team" && g["reviews"].as_array().unwrap().len() == 3)
    );

    // Added again: replaced, not duplicated.
    let again = run_ok(&["library", "add", "--db", db_arg, paths[0], paths[1]]);
    assert_eq!(again.matches(": replaced \"").count(), 2, "{again}");
    let found_again = json(&[
        "library",
        "search",
        &format!("\"{PHRASE}\""),
        "--db",
        db_arg,
        "--json",
    ]);
    assert_eq!(found_again["hits"].as_array().unwrap().len(), 2);
    let recurring_again = json(&["library", "recurring", "--db", db_arg, "--json"]);
    assert_eq!(recurring_again, recurring);

    // No real name of anyone in any of the three reviews.
    let stored = String::from_utf8_lossy(&std::fs::read(&db).unwrap()).into_owned();
    assert!(
        stored.contains("invisible"),
        "the database holds the published text"
    );
    for file in &files {
        let review: Review = store::load(file).unwrap();
        for person in &review.people {
            for name in std::iter::once(&person.name).chain(&person.aliases) {
                assert!(
                    !names(&stored, name),
                    "{}: the library holds \"{name}\"",
                    file.display()
                );
            }
        }
    }
}

#[test]
fn a_missing_library_and_an_unreadable_review_are_named_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("none.sqlite");
    let out = foresight(&[
        "library",
        "search",
        "caseload",
        "--db",
        db.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("there is no library here yet"),
        "{}",
        text(&out.stderr)
    );
    let bad = dir.path().join("bad.review.ron");
    std::fs::write(&bad, "(format_version: 5, meta: (").unwrap();
    let out = foresight(&[
        "library",
        "add",
        "--db",
        db.to_str().unwrap(),
        bad.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("bad.review.ron"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_review_whose_publication_leaks_is_refused_and_nothing_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite");
    let mut review = store::load(Path::new(WORKED)).unwrap();
    // The child's pseudonym is her real name: the published text names her.
    let child = review.people[0].name.clone();
    review.people[0].aliases.clear();
    review.findings[0].statement = format!(
        "{} was seen by {child}'s nursery.",
        review.findings[0].statement
    );
    review.people[0].pseudonym = child.clone();
    let path = dir.path().join("leaky.review.ron");
    store::save(&path, &review).unwrap();
    let out = foresight(&[
        "library",
        "add",
        "--db",
        db.to_str().unwrap(),
        path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let said = text(&out.stderr);
    assert!(said.contains("leaky.review.ron: not added"), "{said}");
    let listed = foresight(&[
        "library",
        "search",
        "invisible",
        "--db",
        db.to_str().unwrap(),
        "--json",
    ]);
    assert!(
        text(&listed.stdout).contains("\"hits\":[]"),
        "{}",
        text(&listed.stdout)
    );
}

#[test]
fn the_librarys_actions_are_the_published_ones_and_overdue_as_on_a_day() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite");
    let db_arg = db.to_str().unwrap();
    run_ok(&["library", "add", "--db", db_arg, WORKED]);
    let all = foresight(&[
        "library",
        "actions",
        "--db",
        db_arg,
        "--today",
        "2024-04-01",
    ]);
    assert_eq!(
        text(&all.stdout).lines().count(),
        8,
        "{}",
        text(&all.stdout)
    );
    let overdue = run_ok(&[
        "library",
        "actions",
        "--db",
        db_arg,
        "--overdue",
        "--today",
        "2024-04-01",
    ]);
    let lines: Vec<&str> = overdue.lines().filter(|l| l.contains("\tFN")).collect();
    assert_eq!(lines.len(), 1, "{overdue}");
    // Published: the owner by its generic name, the due date to the month.
    assert!(lines[0].contains("\tAC2\tunder way\tJanuary 2024\tHealth visiting service\t"));
    assert!(lines[0].ends_with("OVERDUE by 61 days"), "{}", lines[0]);
    assert!(!overdue.contains("Northbrook Community Health"));
}
