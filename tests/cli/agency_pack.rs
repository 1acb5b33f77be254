//! `foresight agency-pack` and the import of returned packs, run as a user
//! would: packs written for the bundled worked example, one filled in with
//! a spreadsheet library (the pack's own sheets and cells copied, two rows
//! and two answers added), imported, imported again; a bad date refused;
//! files never written over; and, where LibreOffice is installed, a pack
//! opened and saved again by a real spreadsheet program.

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{Data, Reader, SheetVisible, Xlsx, open_workbook_from_rs};
use foresight::model::{Agency, DatePrecision, Id, Review};
use foresight::store;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

use super::run::{foresight, text};

const EXAMPLE: &str = "assets/examples/child-b-learning-review.review.ron";
const POLICE_PACK: &str = "Agency pack - Eastshire Constabulary (A4).xlsx";

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// The worked example copied into `dir`, and its packs written to
/// `dir/packs`.
fn review_with_packs(dir: &Path) -> (PathBuf, PathBuf) {
    let review = dir.join("child-b.review.ron");
    std::fs::copy(EXAMPLE, &review).unwrap();
    let packs = dir.join("packs");
    let out = foresight(&[
        "agency-pack",
        review.to_str().unwrap(),
        "-o",
        packs.to_str().unwrap(),
        "--return-to",
        "reviews@northbrook.example",
        "--return-by",
        "30/06/2025",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    (review, packs)
}

/// A date cell as an agency fills it: a real date, or text.
enum When {
    Day(u16, u8, u8),
    Text(&'static str),
}

/// One chronology row: date, author, what happened, people, type of
/// contact, child seen (the agency is already in the pack).
type Row = (
    When,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

/// A filled copy of a pack: every sheet of the pack as read with calamine
/// (names, visibility, cells) written again with rust_xlsxwriter, with
/// `rows` in the Chronology sheet from row 2 and `answers` (question
/// number from 1, text) in the Summary sheet. `keep_about` false leaves
/// out the hidden sheet that says whose pack it is.
fn filled_copy(pack: &Path, rows: &[Row], answers: &[(u32, &str)], keep_about: bool) -> Vec<u8> {
    let bytes = std::fs::read(pack).unwrap();
    let mut source: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let sheets = source.sheets_metadata().to_vec();
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for meta in sheets {
        if meta.name == "About" && !keep_about {
            continue;
        }
        let range = source.worksheet_range(&meta.name).unwrap();
        let sheet = book.add_worksheet();
        sheet.set_name(&meta.name).unwrap();
        let (top, left) = range.start().unwrap_or((0, 0));
        for (r, c, value) in range.used_cells() {
            let (r, c) = (top + r as u32, (left + c as u32) as u16);
            match value {
                Data::Float(f) => sheet.write_number(r, c, *f).unwrap(),
                Data::Int(i) => sheet.write_number(r, c, *i as f64).unwrap(),
                Data::DateTime(d) => sheet
                    .write_number_with_format(r, c, d.as_f64(), &date)
                    .unwrap(),
                other => sheet.write_string(r, c, other.to_string()).unwrap(),
            };
        }
        if meta.visible != SheetVisible::Visible {
            sheet.set_hidden(true);
        }
        if meta.name == "Chronology" {
            for (i, (when, author, what, people, contact, seen)) in rows.iter().enumerate() {
                let r = i as u32 + 1;
                match when {
                    When::Day(y, m, d) => {
                        let day = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
                        sheet.write_datetime_with_format(r, 0, &day, &date).unwrap();
                    }
                    When::Text(t) => {
                        sheet.write_string(r, 0, *t).unwrap();
                    }
                }
                for (c, cell) in [(2, author), (3, what), (4, people), (5, contact), (6, seen)] {
                    sheet.write_string(r, c, *cell).unwrap();
                }
            }
        }
        if meta.name == "Summary" {
            for (question, answer) in answers {
                sheet.write_string(*question, 1, *answer).unwrap();
            }
        }
    }
    book.save_to_buffer().unwrap()
}

const TWO_ROWS: [Row; 2] = [
    (
        When::Day(2022, 3, 14),
        "PC (response)",
        "Attended the flat after a neighbour's call; Child B seen asleep.",
        "Maisie-Jane Ashworth; Chantelle Ashworth",
        "Home visit",
        "Yes",
    ),
    (
        When::Text("April 2022"),
        "DC (public protection unit)",
        "Domestic abuse notification shared with the MASH.",
        "",
        "Record only (no contact)",
        "Not applicable",
    ),
];

fn import(file: &Path, into: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "import-chronology",
        file.to_str().unwrap(),
        "--into",
        into.to_str().unwrap(),
    ];
    args.extend(extra);
    foresight(&args)
}

fn police(review: &Review) -> &Agency {
    review
        .agencies
        .iter()
        .find(|a| a.id == Id::from("A4"))
        .unwrap()
}

#[test]
fn a_pack_is_written_for_each_agency_and_records_when_it_was_sent() {
    let dir = tempfile::tempdir().unwrap();
    let before = store::load(Path::new(EXAMPLE)).unwrap();
    let (review, packs) = review_with_packs(dir.path());
    let mut names: Vec<String> = std::fs::read_dir(&packs)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), before.agencies.len(), "{names:?}");
    assert!(names.contains(&POLICE_PACK.to_string()), "{names:?}");
    assert!(names.iter().all(|n| n.ends_with(".xlsx")), "{names:?}");
    let after = store::load(&review).unwrap();
    for agency in &after.agencies {
        assert_eq!(agency.returned.requested, Some(today()), "{}", agency.name);
    }
    // Only the day sent changed.
    let mut expected = before.clone();
    for agency in &mut expected.agencies {
        agency.returned.requested = Some(today());
    }
    assert_eq!(after, expected);
    let out = foresight(&["validate", review.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
}

#[test]
fn a_filled_pack_imports_its_rows_and_answers_and_again_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (review, packs) = review_with_packs(dir.path());
    let filled = dir.path().join("police-return.xlsx");
    std::fs::write(
        &filled,
        filled_copy(
            &packs.join(POLICE_PACK),
            &TWO_ROWS,
            &[
                (1, "Two call-outs and one notification."),
                (4, "Night shifts had no way to see earlier notifications."),
            ],
            true,
        ),
    )
    .unwrap();
    let before = store::load(&review).unwrap();

    let out = import(&filled, &review, &[]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    assert!(stdout.contains("added 2 entries"), "{stdout}");
    assert!(
        stdout.contains(
            "police-return.xlsx: recorded as Eastshire Constabulary's return: 2 chronology entries, 2 summary answers"
        ),
        "{stdout}"
    );
    let after = store::load(&review).unwrap();
    assert_eq!(after.chronology.len(), before.chronology.len() + 2);
    let new: Vec<_> = after
        .chronology
        .iter()
        .filter(|e| {
            e.source
                .as_ref()
                .is_some_and(|s| s.file == "police-return.xlsx")
        })
        .collect();
    assert_eq!(new.len(), 2);
    assert!(new.iter().all(|e| e.agency == Some(Id::from("A4"))));
    let first = new
        .iter()
        .find(|e| e.source.as_ref().unwrap().row == 2)
        .unwrap();
    assert_eq!(first.date.to_string(), "2022-03-14");
    assert_eq!(first.author, "PC (response)");
    assert_eq!(
        first.text,
        "Attended the flat after a neighbour's call; Child B seen asleep.\nType of contact: Home visit\nChild seen: Yes"
    );
    assert_eq!(first.people, [Id::from("P1"), Id::from("P3")]);
    let second = new
        .iter()
        .find(|e| e.source.as_ref().unwrap().row == 3)
        .unwrap();
    assert_eq!(second.date.precision(), DatePrecision::Month);
    let returned = &police(&after).returned;
    assert_eq!(returned.chronology, Some(today()));
    assert_eq!(returned.entries, 2);
    assert_eq!(returned.summary, Some(today()));
    assert_eq!(returned.answers.len(), 2);
    assert!(returned.answers[0].question.starts_with("In brief"));
    assert_eq!(
        returned.answers[1].answer,
        "Night shifts had no way to see earlier notifications."
    );
    let out = foresight(&["validate", review.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));

    // The same file again: nothing added, nothing changed.
    let out = import(&filled, &review, &[]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    assert!(
        stdout.contains("added 0 entries") && stdout.contains("(2 already there)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Eastshire Constabulary's return was already recorded"),
        "{stdout}"
    );
    assert_eq!(store::load(&review).unwrap(), after);
}

#[test]
fn a_bad_date_is_refused_with_its_sheet_and_row_and_nothing_is_imported() {
    let dir = tempfile::tempdir().unwrap();
    let (review, packs) = review_with_packs(dir.path());
    let rows: [Row; 2] = [
        (
            When::Day(2022, 3, 14),
            "PC",
            "Attended the flat.",
            "",
            "Home visit",
            "Yes",
        ),
        (
            When::Text("31/02/2023"),
            "PC",
            "A day February never has.",
            "",
            "",
            "",
        ),
    ];
    let filled = dir.path().join("bad.xlsx");
    std::fs::write(
        &filled,
        filled_copy(&packs.join(POLICE_PACK), &rows, &[], true),
    )
    .unwrap();
    let before = std::fs::read(&review).unwrap();

    let out = import(&filled, &review, &[]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "bad.xlsx, sheet Chronology: row 3: cannot read the date `31/02/2023`: February 2023 has no day 31"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("nothing was imported"), "{stderr}");
    assert_eq!(
        std::fs::read(&review).unwrap(),
        before,
        "the review is untouched"
    );

    // As with CSV, --skip-bad-rows imports the good row and names the other.
    let out = import(&filled, &review, &["--skip-bad-rows"]);
    let all = text(&out.stdout) + &text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{all}");
    assert!(all.contains("added 1 entry"), "{all}");
    assert!(all.contains("skipped: ") && all.contains("row 3"), "{all}");
    assert_eq!(police(&store::load(&review).unwrap()).returned.entries, 1);
}

#[test]
fn a_pack_without_its_hidden_sheet_still_imports() {
    let dir = tempfile::tempdir().unwrap();
    let (review, packs) = review_with_packs(dir.path());
    let filled = dir.path().join("resaved.xlsx");
    std::fs::write(
        &filled,
        filled_copy(&packs.join(POLICE_PACK), &TWO_ROWS, &[], false),
    )
    .unwrap();
    let out = import(&filled, &review, &[]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    assert!(stdout.contains("added 2 entries"), "{stdout}");
    // The rows all name the police: the return is theirs.
    assert!(
        stdout.contains(
            "recorded as Eastshire Constabulary's return: 2 chronology entries, 0 summary answers"
        ),
        "{stdout}"
    );
}

#[test]
fn packs_are_never_written_over_without_force_nor_into_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let (review, packs) = review_with_packs(dir.path());
    let pack = packs.join(POLICE_PACK);
    std::fs::write(&pack, b"the agency's half-filled copy").unwrap();
    let args = |extra: &[&'static str]| {
        let mut a = vec![
            "agency-pack".to_string(),
            review.display().to_string(),
            "-o".into(),
            packs.display().to_string(),
        ];
        a.extend(extra.iter().map(|s| s.to_string()));
        a
    };
    let run = |a: Vec<String>| foresight(&a.iter().map(String::as_str).collect::<Vec<_>>());
    let out = run(args(&[]));
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(&format!("{POLICE_PACK}: already exists")),
        "{stderr}"
    );
    assert!(
        stderr.contains("nothing was written") && stderr.contains("--force"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read(&pack).unwrap(),
        b"the agency's half-filled copy"
    );

    let out = run(args(&["--force", "--agency", "A4"]));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("1 agency pack written"),
        "{}",
        text(&out.stdout)
    );
    assert!(std::fs::read(&pack).unwrap().starts_with(b"PK\x03\x04"));
    // No temporary file is left beside the packs.
    let leftovers: Vec<String> = std::fs::read_dir(&packs)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".xlsx") || n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // An output that is a file, an unknown agency, a bad date: refused.
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, b"x").unwrap();
    let out = foresight(&[
        "agency-pack",
        review.to_str().unwrap(),
        "-o",
        file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("is a file, not a folder"),
        "{}",
        text(&out.stderr)
    );
    let out = run(args(&["--agency", "Nowhere Trust"]));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("--agency Nowhere Trust"),
        "{}",
        text(&out.stderr)
    );
    let out = run(args(&["--force", "--return-by", "31/02/2025"]));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("February 2025 has no day 31"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn hostile_agency_names_stay_inside_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let mut review = Review::new("Hostile names");
    for (id, name) in [
        ("A1", "../../escaped"),
        ("A2", ".hidden\u{7}\u{202E}txt.exe"),
        ("A3", "C:\\Windows\\con"),
    ] {
        review.agencies.push(Agency {
            id: Id::from(id),
            name: name.into(),
            generic_name: "Agency".into(),
            ..Default::default()
        });
    }
    let file = dir.path().join("hostile.review.ron");
    store::save(&file, &review).unwrap();
    let packs = dir.path().join("packs");
    let out = foresight(&[
        "agency-pack",
        file.to_str().unwrap(),
        "-o",
        packs.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(!text(&out.stdout).contains('\u{7}'));
    let names: Vec<String> = std::fs::read_dir(&packs)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(
        names.iter().all(|n| n.starts_with("Agency pack - ")),
        "{names:?}"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        2,
        "nothing escaped"
    );
}

#[test]
fn workbooks_that_cannot_be_read_name_the_file_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let review = dir.path().join("r.review.ron");
    std::fs::copy(EXAMPLE, &review).unwrap();
    let before = std::fs::read(&review).unwrap();
    let text_file = dir.path().join("renamed.xlsx");
    std::fs::write(&text_file, "date,text\n01/02/2023,x\n").unwrap();
    let mut book = Workbook::new();
    book.add_worksheet().set_name("Notes").unwrap();
    book.add_worksheet().set_name("More notes").unwrap();
    let no_sheet = dir.path().join("no-chronology.xlsx");
    std::fs::write(&no_sheet, book.save_to_buffer().unwrap()).unwrap();
    let truncated = dir.path().join("truncated.xlsx");
    let mut good = Workbook::new();
    good.add_worksheet().set_name("Chronology").unwrap();
    let bytes = good.save_to_buffer().unwrap();
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    for (file, expected) in [
        (&text_file, "not an Excel workbook (.xlsx)"),
        (&no_sheet, "has no sheet named \"Chronology\""),
        (&truncated, "cannot be read"),
    ] {
        let out = import(file, &review, &[]);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        let name = file.file_name().unwrap().to_string_lossy();
        assert!(
            stderr.contains(&*name) && stderr.contains(expected),
            "{stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert_eq!(std::fs::read(&review).unwrap(), before);
    }
}

/// Runs LibreOffice headless with its own profile folder, so that it runs
/// beside any other instance.
fn soffice(profile: &Path, args: &[&str]) -> std::process::Output {
    Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .arg("--headless")
        .args(args)
        .output()
        .expect("soffice runs")
}

/// Why LibreOffice's spreadsheet cannot be used here, if it cannot: no
/// `soffice` on PATH, or one without Calc (a writer-only install), found
/// by converting a one-line CSV file.
fn calc_missing(dir: &Path, profile: &Path) -> Option<&'static str> {
    let found = std::env::var_os("PATH")
        .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join("soffice").is_file()));
    if !found {
        return Some("soffice (LibreOffice) is not on PATH");
    }
    let probe = dir.join("probe.csv");
    std::fs::write(&probe, "a,b\n1,2\n").unwrap();
    let out = dir.join("probe");
    soffice(
        profile,
        &[
            "--convert-to",
            "xlsx",
            "--outdir",
            out.to_str().unwrap(),
            probe.to_str().unwrap(),
        ],
    );
    (!out.join("probe.xlsx").is_file())
        .then_some("LibreOffice has no spreadsheet (Calc) here: it cannot open even a CSV file")
}

#[test]
fn libreoffice_reads_a_pack_and_its_resaved_return_imports() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("lo-profile");
    let (review, packs) = review_with_packs(dir.path());
    if let Some(why) = calc_missing(dir.path(), &profile) {
        eprintln!("skipped: {why}");
        return;
    }
    let csv = dir.path().join("csv");
    // Every sheet to its own CSV file (the last filter token, -1).
    let out = soffice(
        &profile,
        &[
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
            "--outdir",
            csv.to_str().unwrap(),
            packs.join(POLICE_PACK).to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let sheet = |name: &str| {
        let path = csv.join(format!(
            "Agency pack - Eastshire Constabulary (A4)-{name}.csv"
        ));
        std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "{}: {e}\n{}{}",
                path.display(),
                text(&out.stdout),
                text(&out.stderr)
            )
        })
    };
    let chronology = sheet("Chronology");
    let mut lines = chronology.lines();
    assert_eq!(
        lines.next(),
        Some("Date,Agency,Author (role),What happened,People mentioned,Type of contact,Child seen")
    );
    assert_eq!(lines.next(), Some(",Eastshire Constabulary,,,,,"));
    assert!(sheet("Summary").contains("What went well?"));
    assert!(sheet("Instructions").contains("reviews@northbrook.example by 30/06/2025"));

    // A filled pack opened and saved again by LibreOffice imports as the
    // original would, its hidden sheet and date cells kept.
    let filled = dir.path().join("police-return.xlsx");
    std::fs::write(
        &filled,
        filled_copy(
            &packs.join(POLICE_PACK),
            &TWO_ROWS,
            &[(2, "The MASH called back.")],
            true,
        ),
    )
    .unwrap();
    let resaved = dir.path().join("resaved");
    let out = soffice(
        &profile,
        &[
            "--convert-to",
            "xlsx",
            "--outdir",
            resaved.to_str().unwrap(),
            filled.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = import(&resaved.join("police-return.xlsx"), &review, &[]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    assert!(stdout.contains("added 2 entries"), "{stdout}");
    assert!(
        stdout.contains(
            "recorded as Eastshire Constabulary's return: 2 chronology entries, 1 summary answer"
        ),
        "{stdout}"
    );
    let after = store::load(&review).unwrap();
    assert!(
        after
            .chronology
            .iter()
            .any(|e| e.date.to_string() == "2022-03-14" && e.agency == Some(Id::from("A4")))
    );
}
