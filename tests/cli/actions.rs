//! Action plans from the command line: `foresight actions` lists each
//! action with its status and whether it is overdue on a given day, and
//! `foresight action-plan` writes the published plan as an Excel workbook
//! or a PDF, read back here as a reader's software reads them. A cast
//! name written in an action reaches no exported plan nor report.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{Reader, Xlsx, open_workbook_from_rs};
use foresight::model::{ActionStatus, Id, Review};
use foresight::store;

use crate::read_back::{docx_text, html_text, pdf_text};
use crate::run::{foresight, run_ok, text};

const WORKED: &str = "assets/examples/child-b-learning-review.review.ron";

/// The worked example's action `id`, to change.
fn action_mut<'a>(review: &'a mut Review, id: &str) -> &'a mut foresight::model::Action {
    review
        .findings
        .iter_mut()
        .flat_map(|f| f.actions.iter_mut())
        .find(|a| a.id == Id::from(id))
        .unwrap_or_else(|| panic!("the worked example has action {id}"))
}

/// The worked example, changed by `change` and saved in `dir`.
fn changed_copy(dir: &Path, change: impl FnOnce(&mut Review)) -> PathBuf {
    let mut review = store::load(Path::new(WORKED)).unwrap();
    change(&mut review);
    let path = dir.join("changed.review.ron");
    store::save(&path, &review).unwrap();
    path
}

/// Every cell of a workbook's sheet, by rows.
fn sheet_rows(bytes: &[u8], sheet: &str) -> Vec<Vec<String>> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    let range = book.worksheet_range(sheet).unwrap();
    range
        .rows()
        .map(|row| row.iter().map(ToString::to_string).collect())
        .collect()
}

/// Writes the action plan of `review` to `out`, which must succeed.
fn action_plan(review: &Path, out: &Path, today: &str) -> String {
    run_ok(&[
        "action-plan",
        review.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--today",
        today,
    ])
}

#[test]
fn actions_are_listed_with_their_status_and_the_overdue_ones_marked() {
    let all = run_ok(&["actions", WORKED, "--today", "2024-04-01"]);
    assert!(
        all.contains("8 actions, 1 overdue (as on 2024-04-01)"),
        "{all}"
    );
    let ac2 = all.lines().find(|l| l.contains("\tAC2\t")).unwrap();
    assert!(
        ac2.starts_with("FN1\tAC2\tunder way\t31 January 2024"),
        "{ac2}"
    );
    assert!(ac2.ends_with("OVERDUE by 61 days"), "{ac2}");
    // Done late, dropped, and due after the day: none is overdue.
    for id in ["AC1", "AC6", "AC3"] {
        let line = all
            .lines()
            .find(|l| l.contains(&format!("\t{id}\t")))
            .unwrap();
        assert!(!line.contains("OVERDUE"), "{line}");
    }
    let overdue = run_ok(&["actions", WORKED, "--overdue", "--today", "2024-04-01"]);
    let listed: Vec<&str> = overdue.lines().filter(|l| l.starts_with("FN")).collect();
    assert_eq!(listed.len(), 1, "{overdue}");
    assert!(listed[0].contains("\tAC2\t"));
    // Due today is not yet overdue.
    let on_the_day = run_ok(&["actions", WORKED, "--overdue", "--today", "31/01/2024"]);
    assert!(on_the_day.contains("no action is overdue"), "{on_the_day}");

    let out = foresight(&["actions", WORKED, "--json", "--today", "2024-04-01"]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let actions = json["actions"].as_array().unwrap();
    assert_eq!(actions.len(), 8);
    let ac2 = actions.iter().find(|a| a["id"] == "AC2").unwrap();
    assert_eq!(ac2["overdue"], true);
    assert_eq!(ac2["days_overdue"], 61);
    assert_eq!(ac2["due"], "2024-01-31");
    assert_eq!(ac2["finding"], "FN1");
    let ac6 = actions.iter().find(|a| a["id"] == "AC6").unwrap();
    assert_eq!(ac6["status"], "dropped");
    assert_eq!(ac6["overdue"], false);

    let bad = foresight(&["actions", WORKED, "--today", "the 31st"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(text(&bad.stderr).contains("--today the 31st"));
}

#[test]
fn an_action_marked_done_with_evidence_reaches_the_workbook_and_the_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let evidence = "The medicines prompt went live in every health visiting team in May 2024.";
    let review = changed_copy(dir.path(), |r| {
        let ac2 = action_mut(r, "AC2");
        ac2.status = ActionStatus::Done;
        ac2.evidence = evidence.into();
    });
    let listed = run_ok(&[
        "actions",
        review.to_str().unwrap(),
        "--overdue",
        "--today",
        "2024-06-01",
    ]);
    assert!(listed.contains("no action is overdue"), "{listed}");

    let xlsx = dir.path().join("plan.xlsx");
    let said = action_plan(&review, &xlsx, "2024-07-15");
    assert!(said.contains("8 actions, 4 findings"), "{said}");
    let rows = sheet_rows(&std::fs::read(&xlsx).unwrap(), "Action plan");
    assert_eq!(
        rows[0],
        foresight::publication::action_plan::ACTION_COLUMNS.map(String::from)
    );
    let ac2 = rows.iter().find(|r| r[1] == "AC2").unwrap();
    assert_eq!(ac2[5], "Done");
    assert_eq!(ac2[6], "", "done is never overdue");
    assert_eq!(ac2[9], evidence);
    // Published to the month, and owned by the agency's generic name.
    assert_eq!(ac2[4], "January 2024");
    assert_eq!(ac2[3], "Health visiting service");
    assert!(ac2[0].starts_with("Finding 1: "), "{:?}", ac2[0]);
    // AC7, due by the end of June, is overdue in mid-July; the dropped AC6
    // keeps its reason.
    let ac7 = rows.iter().find(|r| r[1] == "AC7").unwrap();
    assert_eq!(ac7[6], "Overdue");
    let ac6 = rows.iter().find(|r| r[1] == "AC6").unwrap();
    assert_eq!(ac6[5], "Dropped");
    assert!(ac6[7].starts_with("Dropped on the advice"), "{:?}", ac6[7]);
    let responses = sheet_rows(&std::fs::read(&xlsx).unwrap(), "Responses");
    assert_eq!(responses[0], ["Finding", "Response", "Reason"]);
    assert!(responses.iter().any(|r| r[1] == "Accepted in part"));

    let pdf = dir.path().join("plan.pdf");
    action_plan(&review, &pdf, "2024-07-15");
    let words = pdf_text(&pdf)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let evidence_words = evidence.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains(&evidence_words), "{words}");
    assert!(words.contains("Action plan"), "{words}");
    assert!(words.contains("Planned (overdue)"), "{words}");
    assert!(
        !words.contains("31 January 2024"),
        "no exact day is published"
    );
}

#[test]
fn the_plan_goes_only_to_an_xlsx_or_pdf_and_never_over_the_review() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("plan.csv");
    let out = foresight(&["action-plan", WORKED, "-o", csv.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("must end in .xlsx (Excel workbook) or .pdf"),
        "{}",
        text(&out.stderr)
    );
    assert!(!csv.exists());
    // A review whose own name ends in .xlsx is still never written over.
    let review = dir.path().join("review.xlsx");
    std::fs::copy(WORKED, &review).unwrap();
    let before = std::fs::read(&review).unwrap();
    let out = foresight(&[
        "action-plan",
        review.to_str().unwrap(),
        "-o",
        review.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("both what is read and where to write"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(std::fs::read(&review).unwrap(), before);
    // An unreadable review is named.
    let missing = dir.path().join("missing.review.ron");
    let out = foresight(&[
        "action-plan",
        missing.to_str().unwrap(),
        "-o",
        dir.path().join("p.pdf").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("missing.review.ron"));
}

#[test]
fn a_cast_name_in_an_action_reaches_no_exported_plan_nor_report() {
    let dir = tempfile::tempdir().unwrap();
    let review = changed_copy(dir.path(), |r| {
        let ac1 = action_mut(r, "AC1");
        ac1.what = "Ask Dean Kilbride's recovery worker to check the screen with him.".into();
        ac1.evidence = "Helen Marsh confirmed the new prompt in use.".into();
        let ac4 = action_mut(r, "AC4");
        ac4.owner = "Northbrook Recovery Partnership".into();
        r.findings[0].response.reason = "Pauline Ashworth agreed with the finding.".into();
    });
    let names = [
        "Dean",
        "Kilbride",
        "Helen",
        "Marsh",
        "Pauline",
        "Ashworth",
        "Recovery Partnership",
    ];
    let check = |what: &str, text: &str| {
        let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for name in names {
            assert!(!words.contains(name), "{name} in the {what}: {words}");
        }
    };

    let xlsx = dir.path().join("plan.xlsx");
    action_plan(&review, &xlsx, "2024-06-01");
    let bytes = std::fs::read(&xlsx).unwrap();
    let mut cells = String::new();
    for sheet in ["Action plan", "Responses"] {
        for row in sheet_rows(&bytes, sheet) {
            cells.push_str(&row.join(" "));
            cells.push('\n');
        }
    }
    check("workbook", &cells);
    assert!(cells.contains("Mother's partner"), "{cells}");
    assert!(cells.contains("Health Visitor 1"), "{cells}");
    assert!(cells.contains("Adult drug and alcohol service"), "{cells}");

    let pdf = dir.path().join("plan.pdf");
    action_plan(&review, &pdf, "2024-06-01");
    let plan_text = pdf_text(&pdf);
    check("PDF action plan", &plan_text);
    assert!(plan_text.contains("Maternal Grandmother"), "{plan_text}");

    // The report's response section, in each of its formats.
    for name in ["report.pdf", "report.docx", "report.html"] {
        let out_path = dir.path().join(name);
        run_ok(&[
            "export",
            review.to_str().unwrap(),
            "-o",
            out_path.to_str().unwrap(),
        ]);
        let written = match name {
            "report.pdf" => pdf_text(&out_path),
            "report.docx" => docx_text(&std::fs::read(&out_path).unwrap()),
            _ => html_text(&std::fs::read_to_string(&out_path).unwrap()),
        };
        check(name, &written);
        let words = written.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            words.contains("Responses to the findings and actions"),
            "{name}"
        );
        assert!(
            words.contains("recovery worker to check the screen"),
            "{name}"
        );
    }

    // The anonymised review holds the pseudonyms in the action's text.
    let anonymised = dir.path().join("anon.review.ron");
    run_ok(&[
        "anonymise",
        review.to_str().unwrap(),
        "-o",
        anonymised.to_str().unwrap(),
    ]);
    let anonymised = store::load(&anonymised).unwrap();
    let ac1 = anonymised.findings[0]
        .actions
        .iter()
        .find(|a| a.id == Id::from("AC1"))
        .unwrap();
    assert!(ac1.what.contains("Mother's partner"), "{}", ac1.what);
    assert!(!ac1.what.contains("Dean"), "{}", ac1.what);
    assert_eq!(
        ac1.due.map(|d| d.to_string()).as_deref(),
        Some("2023-12"),
        "dates to the month"
    );
}
