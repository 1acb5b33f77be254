//! `foresight agency-pack`: a spreadsheet for each agency in the cast to
//! fill in and return.

use std::path::{Path, PathBuf};

use super::{EXIT_PROBLEMS, EXIT_UNREADABLE, plural, printable};
use foresight_core::dates::parse_agency_day;
use foresight_core::document::Document;
use foresight_core::edit::{Change, Edit};
use foresight_core::import::table::name_key;
use foresight_core::model::{Agency, Record};
use foresight_core::store;
use foresight_publish::export::agency_pack::{
    PackOptions, agency_pack as write_pack, agency_pack_file_name,
};

/// What `foresight agency-pack` was asked for.
pub struct Options<'a> {
    /// The folder to write into.
    pub output: &'a Path,
    /// Only these agencies (id or name); all when empty.
    pub agencies: &'a [String],
    /// Who the packs go back to.
    pub return_to: Option<&'a str>,
    /// When they are due back, as typed.
    pub return_by: Option<&'a str>,
    /// Overwrite packs already in the folder.
    pub force: bool,
}

/// `foresight agency-pack FILE -o DIR [--agency A]... [--return-to T] [--return-by DATE] [--force]`.
pub fn agency_pack(file: &Path, options: Options) -> u8 {
    let mut document = match Document::open(file) {
        Ok(doc) => doc,
        Err(error) => {
            eprintln!("{error}");
            return EXIT_UNREADABLE;
        }
    };
    let return_by = match options.return_by.map(parse_agency_day).transpose() {
        Ok(date) => date,
        Err(error) => {
            eprintln!("foresight agency-pack: --return-by: {error}");
            return EXIT_UNREADABLE;
        }
    };
    let review = document.review();
    let agencies: Vec<&Agency> = if options.agencies.is_empty() {
        review.agencies.iter().collect()
    } else {
        let mut chosen = Vec::new();
        for wanted in options.agencies {
            let key = name_key(wanted);
            let found = review.agencies.iter().find(|a| {
                a.id.as_str() == wanted.trim()
                    || name_key(&a.name) == key
                    || a.aliases.iter().any(|x| name_key(x) == key)
            });
            match found {
                Some(agency) if !chosen.iter().any(|a: &&Agency| a.id == agency.id) => {
                    chosen.push(agency)
                }
                Some(_) => {}
                None => {
                    eprintln!(
                        "foresight agency-pack: --agency {}: no agency of the cast has this id or name (see `foresight validate` or the Cast panel)",
                        printable(wanted)
                    );
                    return EXIT_UNREADABLE;
                }
            }
        }
        chosen
    };
    if agencies.is_empty() {
        eprintln!(
            "{}: the cast has no agencies, so there is no pack to write; add them first (foresight import-cast, or the Cast panel)",
            file.display()
        );
        return EXIT_PROBLEMS;
    }
    let folder = options.output;
    if folder.exists() && !folder.is_dir() {
        eprintln!(
            "{}: is a file, not a folder: name a folder for the packs",
            folder.display()
        );
        return EXIT_UNREADABLE;
    }

    // Every file name first: two agencies whose names differ only in
    // characters a file name cannot hold still get two files.
    let mut targets: Vec<(&Agency, PathBuf)> = Vec::new();
    for agency in &agencies {
        let name = agency_pack_file_name(agency);
        let mut path = folder.join(&name);
        let mut n = 2;
        while targets.iter().any(|(_, p)| *p == path) {
            let stem = name.trim_end_matches(".xlsx");
            path = folder.join(format!("{stem} {n}.xlsx"));
            n += 1;
        }
        targets.push((agency, path));
    }
    if !options.force {
        let existing: Vec<&PathBuf> = targets
            .iter()
            .map(|(_, p)| p)
            .filter(|p| p.exists())
            .collect();
        if !existing.is_empty() {
            for path in &existing {
                eprintln!("{}: already exists", path.display());
            }
            eprintln!(
                "nothing was written: {} pack{} already in {}; use --force to overwrite them",
                existing.len(),
                plural(existing.len()),
                folder.display()
            );
            return EXIT_UNREADABLE;
        }
    }

    // Every pack is made before any is written.
    let today = chrono::Local::now().date_naive();
    let pack_options = PackOptions {
        return_to: options.return_to.map(str::to_string),
        return_by,
        written: Some(today),
    };
    let mut packs = Vec::with_capacity(targets.len());
    for (agency, path) in &targets {
        match write_pack(review, agency, &pack_options) {
            Ok(bytes) => packs.push((*agency, path, bytes)),
            Err(error) => {
                eprintln!("{}", printable(&error.to_string()));
                eprintln!("nothing was written");
                return EXIT_UNREADABLE;
            }
        }
    }
    if let Err(error) = std::fs::create_dir_all(folder) {
        eprintln!("{}: cannot create the folder: {error}", folder.display());
        return EXIT_UNREADABLE;
    }
    let mut written: Vec<Agency> = Vec::new();
    let mut failed = false;
    for (agency, path, bytes) in &packs {
        match store::write_atomic(path, |f| std::io::Write::write_all(f, bytes)) {
            Ok(()) => {
                println!(
                    "{}: written for {}",
                    path.display(),
                    printable(&agency.name)
                );
                written.push((*agency).clone());
            }
            Err(error) => {
                eprintln!("{error}");
                failed = true;
            }
        }
    }

    // The day each pack was sent, in the review.
    let edits: Vec<Edit> = written
        .iter()
        .filter(|a| a.returned.requested != Some(today))
        .map(|a| {
            let mut agency = a.clone();
            agency.returned.requested = Some(today);
            Edit::Put(Record::Agency(agency))
        })
        .collect();
    if !edits.is_empty() {
        let change = Change::many("Send agency packs", edits);
        if let Err(error) = document.apply(change) {
            eprintln!("{}: {error}", file.display());
            return EXIT_UNREADABLE;
        }
        if let Some(note) = store::comments_dropped_note(file) {
            eprintln!("{note}");
        }
        if let Err(error) = document.save_as(file) {
            eprintln!("{error}");
            return EXIT_UNREADABLE;
        }
    }
    println!(
        "{} agency pack{} written to {}; recorded as sent on {} in {}",
        written.len(),
        plural(written.len()),
        folder.display(),
        today.format("%d/%m/%Y"),
        file.display()
    );
    if failed { EXIT_UNREADABLE } else { 0 }
}
