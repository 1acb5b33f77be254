//! `foresight timetable`: the review's clock recorded from the command
//! line and its statutory milestones printed as text or JSON.

use super::run::{foresight, run_ok, text};

/// A new review, its clock not started.
fn review_copy(dir: &tempfile::TempDir) -> String {
    let path = dir.path().join("r.review.ron");
    let path = path.to_str().unwrap().to_string();
    run_ok(&["new", "-o", &path, "--title", "Child R"]);
    path
}

#[test]
fn the_worked_example_has_its_clock() {
    let out = run_ok(&[
        "timetable",
        "assets/examples/child-b-learning-review.review.ron",
        "--today",
        "2026-12-04",
    ]);
    // The bank holiday for the State Funeral (19 September 2022) counts.
    assert!(
        out.contains(
            "Notification to the national panel: done 14 September 2022 (due 20 September 2022)"
        ),
        "{out}"
    );
    assert!(
        out.contains("Publication of the review: done late, 17 July 2023 (due 19 June 2023)"),
        "{out}"
    );
    assert!(
        out.contains("reason: The case group was held twice"),
        "{out}"
    );
    assert!(!out.contains("caution"), "{out}");
}

fn json(out: &str) -> serde_json::Value {
    serde_json::from_str(out.trim()).unwrap_or_else(|e| panic!("{e}: {out}"))
}

fn milestone<'a>(value: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    value["milestones"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["name"] == name)
        .unwrap_or_else(|| panic!("no {name} in {value}"))
}

#[test]
fn dates_set_are_recorded_and_the_milestones_printed() {
    let dir = tempfile::tempdir().unwrap();
    let file = review_copy(&dir);
    let out = run_ok(&[
        "timetable",
        &file,
        "--set",
        "aware=21/12/2026",
        "--set",
        "notified=2026-12-23",
        "--set",
        "decided=2027-01-20",
        "--set",
        "decision=local-review",
        "--set",
        "paused=2027-03-01..2027-03-31:Criminal proceedings",
        "--today",
        "2027-01-04",
    ]);
    assert!(
        out.contains(
            "Rapid review to the national panel: due 18 January 2027 (in 10 working days)"
        ),
        "{out}"
    );
    assert!(out.contains("plus 31 days paused"), "{out}");
    assert!(
        out.contains("Paused 1 March 2027 to 31 March 2027: Criminal proceedings"),
        "{out}"
    );

    // The dates are in the file: a plain run reads them back, as JSON.
    let value = json(&run_ok(&[
        "timetable",
        &file,
        "--json",
        "--today",
        "2027-01-25",
    ]));
    let names: Vec<&str> = value["milestones"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "notification",
            "rapid-review",
            "notice-to-panel",
            "review-publication",
            "keep-published-until"
        ]
    );
    let notification = milestone(&value, "notification");
    assert_eq!(notification["due"], "2026-12-30");
    assert_eq!(notification["done"], "2026-12-23");
    assert_eq!(notification["status"], "done");
    let rapid = milestone(&value, "rapid-review");
    assert_eq!(rapid["due"], "2027-01-18");
    assert_eq!(rapid["status"], "overdue");
    assert_eq!(rapid["reason"], serde_json::Value::Null);
    assert_eq!(milestone(&value, "review-publication")["due"], "2027-08-20");
    assert_eq!(
        milestone(&value, "keep-published-until")["status"],
        "waiting"
    );
}

#[test]
fn a_missed_deadline_takes_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let file = review_copy(&dir);
    let out = run_ok(&[
        "timetable",
        &file,
        "--set",
        "notified=2026-12-23",
        "--today",
        "2027-01-25",
    ]);
    assert!(
        out.contains("no reason recorded: record one with --reason rapid-review="),
        "{out}"
    );
    run_ok(&[
        "timetable",
        &file,
        "--reason",
        "rapid-review=Health records arrived late",
    ]);
    let value = json(&run_ok(&[
        "timetable",
        &file,
        "--json",
        "--today",
        "2027-01-25",
    ]));
    assert_eq!(
        milestone(&value, "rapid-review")["reason"],
        "Health records arrived late"
    );
}

#[test]
fn a_bad_date_or_name_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let file = review_copy(&dir);
    let before = std::fs::read(&file).unwrap();
    for (args, says) in [
        (
            vec!["--set", "aware=2027-01-04", "--set", "published=31/02/2023"],
            "`31/02/2023` is not a date: February 2023 has no day 31",
        ),
        (vec!["--set", "sent=2027-01-04"], "unknown name `sent`"),
        (vec!["--set", "aware"], "expected NAME=DATE"),
        (
            vec!["--set", "paused=2027-03-31..2027-03-01:x"],
            "the pause ends before it starts",
        ),
        (vec!["--set", "calendar=../secret"], "not a calendar name"),
        (
            vec!["--reason", "publication=late"],
            "unknown milestone `publication`",
        ),
    ] {
        let mut all = vec!["timetable", file.as_str()];
        all.extend(args.iter().copied());
        let out = foresight(&all);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = text(&out.stderr);
        assert!(err.contains(says), "{args:?}: {err}");
        assert!(
            err.contains("nothing was written") || err.contains("calendar"),
            "{err}"
        );
        assert_eq!(
            std::fs::read(&file).unwrap(),
            before,
            "{args:?} changed the file"
        );
    }
}

#[test]
fn running_again_with_the_same_dates_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = review_copy(&dir);
    let args = [
        "timetable",
        file.as_str(),
        "--set",
        "aware=2027-01-04",
        "--set",
        "paused=2027-03-01..:Inquest",
        "--today",
        "2027-03-10",
    ];
    let first = run_ok(&args);
    let saved = std::fs::read(&file).unwrap();
    let modified = std::fs::metadata(&file).unwrap().modified().unwrap();
    let second = run_ok(&args);
    assert_eq!(first, second);
    assert_eq!(std::fs::read(&file).unwrap(), saved);
    assert_eq!(
        std::fs::metadata(&file).unwrap().modified().unwrap(),
        modified
    );
    let text = String::from_utf8(saved).unwrap();
    assert_eq!(text.matches("Inquest").count(), 1, "{text}");
}
