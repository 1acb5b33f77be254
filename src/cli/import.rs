//! `foresight import-chronology` and `foresight import-cast`.

use std::path::Path;

use super::{EXIT_PROBLEMS, EXIT_UNREADABLE};
use super::{open_or_create, plural, refuse_bad_rows};
use crate::document::Document;
use crate::import::cast::{import_cast as plan_cast, parse_cast};
use crate::import::chronology::{
    ChronologyFile, ImportSource, import_chronology as plan_chronology, parse_map_spec,
    read_chronology,
};

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
    change: crate::edit::Change,
) -> Result<(), String> {
    doc.apply(change)
        .map_err(|e| format!("{}: {e}", into.display()))?;
    if let Some(note) = crate::store::comments_dropped_note(into) {
        eprintln!("{note}");
    }
    doc.save_as(into).map_err(|e| e.to_string())
}

/// `foresight import-chronology CSV... --into FILE [--map M] [--skip-bad-rows] [--agency A]`.
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
    let mut read: Vec<(String, ChronologyFile)> = Vec::new();
    let mut problems = Vec::new();
    for path in files {
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("{}: cannot read the file: {e}", path.display());
                return EXIT_UNREADABLE;
            }
        };
        match read_chronology(&bytes, &path.display().to_string(), spec.as_ref()) {
            Ok(file) => {
                say_encoding(path, file.table.legacy_encoding);
                problems.extend(file.problems.iter().cloned());
                read.push((file_name(path), file));
            }
            Err(problem) => problems.push(problem),
        }
    }
    let header_problem = problems.iter().any(|p| p.row == 1);
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
        .map(|(name, file)| ImportSource {
            file: name,
            rows: &file.rows,
            default_agency: agency,
        })
        .collect();
    let import = plan_chronology(document.review(), &sources);
    for (file, agency) in &import.agencies_from_file_names {
        println!("{file}: rows that name no agency are given to {agency} (from the file name)");
    }
    for (id, name) in &import.new_agencies {
        println!("added agency {id} \"{name}\" (it was not in the cast)");
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
    say_encoding(csv, crate::import::table::decode(&bytes).1);
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
