//! `foresight import-chronology` and `foresight import-cast`.

use std::path::Path;

use super::{EXIT_PROBLEMS, EXIT_UNREADABLE};
use super::{open_or_create, plural, refuse_bad_rows};
use foresight_core::document::Document;
use foresight_core::import::cast::{import_cast as plan_cast, parse_cast};
use foresight_core::import::chronology::{
    ChronologyFile, ImportSource, import_chronology as plan_chronology, parse_map_spec,
    read_chronology,
};
use foresight_core::import::xlsx::{
    PackInfo, WorkbookError, is_workbook, read_workbook_chronology, record_return, return_agency,
};
use foresight_core::model::SummaryAnswer;

/// What a workbook adds to its chronology: whose pack it is and the
/// agency's summary answers.
type WorkbookReturn = Option<(Option<PackInfo>, Vec<SummaryAnswer>)>;

/// The file's name without its folder, as kept on imported entries.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Applies a change to the review and saves it atomically to `into`.
fn apply_and_save(
    mut doc: Document,
    into: &Path,
    change: foresight_core::edit::Change,
) -> Result<(), String> {
    doc.apply(change)
        .map_err(|e| format!("{}: {e}", into.display()))?;
    if let Some(note) = foresight_core::store::comments_dropped_note(into) {
        eprintln!("{note}");
    }
    doc.save_as(into).map_err(|e| e.to_string())
}

/// `foresight import-chronology FILE... --into FILE [--map M] [--skip-bad-rows] [--agency A]`:
/// CSV, TSV or Excel workbooks (by extension or content). A workbook's
/// return (an agency pack) is recorded on its agency.
pub fn import_chronology(
    files: &[std::path::PathBuf],
    into: &Path,
    map: Option<&str>,
    skip_bad_rows: bool,
    agency: Option<&str>,
) -> u8 {
    let spec = match map.map(parse_map_spec).transpose() {
        Ok(spec) => spec,
        Err(message) => {
            eprintln!("foresight import-chronology: --map: {message}");
            return EXIT_UNREADABLE;
        }
    };
    if files
        .iter()
        .any(|f| super::writes_over("import-chronology", f, into))
    {
        return EXIT_UNREADABLE;
    }
    let mut read: Vec<(String, ChronologyFile, WorkbookReturn)> = Vec::new();
    let mut problems = Vec::new();
    let mut unusable = false;
    for path in files {
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("{}: cannot read the file: {e}", path.display());
                return EXIT_UNREADABLE;
            }
        };
        let shown = path.display().to_string();
        if is_workbook(&bytes, &shown) {
            match read_workbook_chronology(&bytes, &shown, spec.as_ref()) {
                Ok((file, pack, answers)) => {
                    problems.extend(file.problems.iter().cloned());
                    read.push((file_name(path), file, Some((pack, answers))));
                }
                Err(WorkbookError::Header(problem)) => {
                    unusable = true;
                    problems.push(problem);
                }
                Err(error) => {
                    eprintln!("{}", super::printable(&error.to_string()));
                    eprintln!("nothing was imported");
                    return EXIT_UNREADABLE;
                }
            }
            continue;
        }
        match read_chronology(&bytes, &shown, spec.as_ref()) {
            Ok(file) => {
                say_encoding(path, file.table.legacy_encoding);
                problems.extend(file.problems.iter().cloned());
                read.push((file_name(path), file, None));
            }
            Err(problem) => {
                unusable = true;
                problems.push(problem);
            }
        }
    }
    let header_problem = unusable || problems.iter().any(|p| p.row == 1);
    if !problems.is_empty() && (!skip_bad_rows || header_problem) {
        for problem in &problems {
            eprintln!("{problem}");
        }
        eprintln!(
            "nothing was imported: {} bad row{}{}",
            problems.len(),
            plural(problems.len()),
            if header_problem {
                " (a file's header cannot be used)"
            } else {
                "; fix them, or use --skip-bad-rows to import the other rows"
            }
        );
        return EXIT_PROBLEMS;
    }
    for problem in &problems {
        eprintln!("skipped: {problem}");
    }
    let document = match open_or_create(into) {
        Ok(doc) => doc,
        Err(message) => {
            eprintln!("{message}");
            return EXIT_UNREADABLE;
        }
    };
    let sources: Vec<ImportSource> = read
        .iter()
        .map(|(name, file, workbook)| ImportSource {
            file: name,
            rows: &file.rows,
            // A pack's rows that name no agency are its agency's.
            default_agency: agency.or_else(|| {
                workbook
                    .as_ref()
                    .and_then(|(pack, _)| pack.as_ref())
                    .map(|p| p.agency.as_str())
            }),
        })
        .collect();
    let mut import = plan_chronology(document.review(), &sources);
    let today = chrono::Local::now().date_naive();
    for ((name, file, workbook), source) in read.iter().zip(&sources) {
        let Some((pack, answers)) = workbook else {
            continue;
        };
        if file.rows.is_empty() && answers.is_empty() {
            println!("{name}: nothing is filled in: no return recorded");
            continue;
        }
        let review = document.review();
        if let Some(pack) = pack
            && !pack.review.is_empty()
            && pack.review != review.meta.title
        {
            println!(
                "{name}: this pack was written for the review \"{}\", not \"{}\"; imported all the same",
                super::printable(&pack.review),
                super::printable(&review.meta.title)
            );
        }
        let found = return_agency(
            review,
            &import,
            pack.as_ref(),
            &file.rows,
            source.default_agency,
        );
        let recorded = found.and_then(|id| {
            record_return(review, &mut import, &id, file.rows.len(), answers, today)
        });
        match recorded {
            Some(r) if r.changed => println!(
                "{name}: recorded as {}'s return: {} chronology entr{}, {} summary answer{}",
                super::printable(&r.name),
                r.entries,
                if r.entries == 1 { "y" } else { "ies" },
                r.answers,
                plural(r.answers)
            ),
            Some(r) => println!(
                "{name}: {}'s return was already recorded",
                super::printable(&r.name)
            ),
            None => println!(
                "{name}: not recorded as an agency's return (its rows name several agencies, or none)"
            ),
        }
    }
    for (file, agency) in &import.agencies_from_file_names {
        println!("{file}: rows that name no agency are given to {agency} (from the file name)");
    }
    for (id, name) in &import.new_agencies {
        println!("added agency {id} \"{name}\" (it was not in the cast)");
    }
    for (value, agency, why) in &import.same_agencies {
        println!(
            "\"{value}\" taken as the agency \"{agency}\" ({}); if it is another agency, give its entries another in the Chronology panel",
            why.describe()
        );
    }
    for (id, name) in &import.new_people {
        println!(
            "added person {id} \"{name}\" (not in the cast: give them a role and a pseudonym)"
        );
    }
    let (new_entries, already) = (import.new_entries, import.already_present);
    if let Err(message) = apply_and_save(document, into, import.change) {
        eprintln!("{message}");
        return EXIT_UNREADABLE;
    }
    println!(
        "added {new_entries} entr{} to {}{}{}",
        if new_entries == 1 { "y" } else { "ies" },
        into.display(),
        if already > 0 {
            format!(" ({already} already there)")
        } else {
            String::new()
        },
        if problems.is_empty() {
            String::new()
        } else {
            format!(
                "; {} bad row{} skipped",
                problems.len(),
                plural(problems.len())
            )
        }
    );
    0
}

/// `foresight import-cast CSV --into FILE`.
pub fn import_cast(csv: &Path, into: &Path) -> u8 {
    if super::writes_over("import-cast", csv, into) {
        return EXIT_UNREADABLE;
    }
    let bytes = match std::fs::read(csv) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("{}: cannot read the file: {e}", csv.display());
            return EXIT_UNREADABLE;
        }
    };
    say_encoding(csv, foresight_core::import::table::decode(&bytes).1);
    let rows = match parse_cast(&bytes, &csv.display().to_string()) {
        Ok(rows) => rows,
        Err(problems) => return refuse_bad_rows(csv, &problems),
    };
    let document = match open_or_create(into) {
        Ok(doc) => doc,
        Err(message) => {
            eprintln!("{message}");
            return EXIT_UNREADABLE;
        }
    };
    let import = plan_cast(document.review(), &rows);
    for (id, name, pseudonym) in &import.added {
        println!("added {id} {name} as \"{pseudonym}\"");
    }
    for (id, name) in &import.updated {
        println!("updated {id} {name} (new aliases or details)");
    }
    let (added, updated, already) = (
        import.added.len(),
        import.updated.len(),
        import.already_present,
    );
    if let Err(message) = apply_and_save(document, into, import.change) {
        eprintln!("{message}");
        return EXIT_UNREADABLE;
    }
    println!(
        "{}: added {added}, updated {updated}, {already} already in the cast of {}",
        csv.display(),
        into.display()
    );
    0
}

/// Says when a file was not UTF-8 or UTF-16 and was read as Windows-1252
/// (Excel's CSV), so that the user checks its accented letters.
pub(super) fn say_encoding(path: &Path, windows_1252: bool) {
    if windows_1252 {
        eprintln!(
            "{}: not UTF-8 or UTF-16, read as Windows-1252 (Excel's CSV); check accented letters",
            path.display()
        );
    }
}
