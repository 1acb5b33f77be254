//! `foresight import-cld` and `foresight loops`.

use std::path::Path;

use serde::Serialize;

use super::EXIT_UNREADABLE;
use super::{open_or_create, plural, refuse_bad_rows};
use crate::analysis::loops::{CausalGraph, name_for};
use crate::import::cld::{import_edges, parse_edges};
use crate::store;

/// `foresight import-cld EDGES.csv --into FILE`.
pub fn import_cld(csv: &Path, into: &Path) -> u8 {
    if super::writes_over("import-cld", csv, into) {
        return EXIT_UNREADABLE;
    }
    // The same encodings as every other import: UTF-8, UTF-16 with a byte
    // order mark (Excel's "Unicode text"), else Windows-1252.
    let text = match std::fs::read(csv) {
        Ok(bytes) => {
            let (text, windows_1252) = crate::import::table::decode(&bytes);
            super::import::say_encoding(csv, windows_1252);
            text
        }
        Err(e) => {
            eprintln!("{}: cannot read the file: {e}", csv.display());
            return EXIT_UNREADABLE;
        }
    };
    let rows = match parse_edges(&text, &csv.display().to_string()) {
        Ok(rows) => rows,
        Err(problems) => return refuse_bad_rows(csv, &problems),
    };
    let mut doc = match open_or_create(into) {
        Ok(doc) => doc,
        Err(message) => {
            eprintln!("{message}");
            return EXIT_UNREADABLE;
        }
    };
    let import = import_edges(doc.review(), &rows);
    if let Err(e) = doc.apply(import.change) {
        eprintln!("{}: {e}", into.display());
        return EXIT_UNREADABLE;
    }
    if let Some(note) = store::comments_dropped_note(into) {
        eprintln!("{note}");
    }
    if let Err(e) = doc.save_as(into) {
        eprintln!("{e}");
        return EXIT_UNREADABLE;
    }
    println!(
        "{}: added {} variable{} and {} link{} to {}{}",
        csv.display(),
        import.new_variables,
        plural(import.new_variables),
        import.new_links,
        plural(import.new_links),
        into.display(),
        if import.already_present > 0 {
            format!(" ({} already there)", import.already_present)
        } else {
            String::new()
        }
    );
    0
}

#[derive(Serialize)]
struct JsonLoop<'a> {
    kind: &'static str,
    length: usize,
    variables: Vec<String>,
    name: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonLoops<'a> {
    loops: Vec<JsonLoop<'a>>,
    truncated: bool,
}

/// `foresight loops FILE [--json] [--max N] [--summary]`.
pub fn loops(file: &Path, json: bool, max: usize, summary: bool) -> u8 {
    let review = match store::load(file) {
        Ok(review) => review,
        Err(e) => {
            eprintln!("{e}");
            return EXIT_UNREADABLE;
        }
    };
    let graph = CausalGraph::from_review(&review);
    if summary {
        let counts = graph
            .count(None)
            .expect("an enumeration without a canceller runs to the end");
        if json {
            println!(
                "{}",
                serde_json::json!({"loops": counts.total, "reinforcing": counts.reinforcing, "balancing": counts.balancing})
            );
        } else {
            println!(
                "loops: {}\nreinforcing: {}\nbalancing: {}",
                counts.total, counts.reinforcing, counts.balancing
            );
        }
        return 0;
    }
    let list = graph.list((max > 0).then_some(max), None);
    let names = |nodes: &[crate::model::Id]| {
        nodes
            .iter()
            .map(|id| review.title_of(id))
            .collect::<Vec<_>>()
    };
    if json {
        let out = JsonLoops {
            loops: list
                .loops
                .iter()
                .map(|l| JsonLoop {
                    kind: l.kind.letter(),
                    length: l.len(),
                    variables: names(&l.nodes),
                    name: name_for(&review, l),
                })
                .collect(),
            truncated: list.truncated,
        };
        println!(
            "{}",
            serde_json::to_string(&out).expect("plain data serialises")
        );
        return 0;
    }
    for found in &list.loops {
        let line = format!(
            "{}  {:>3}  {}{}{}",
            found.kind.letter(),
            found.len(),
            name_for(&review, found)
                .map(|n| format!("\"{n}\": "))
                .unwrap_or_default(),
            names(&found.nodes).join(" → "),
            if found.delayed { "  (delay)" } else { "" }
        );
        println!("{}", super::printable(&line));
    }
    let counts = list.counts;
    println!(
        "{} loops: {} reinforcing, {} balancing",
        counts.total, counts.reinforcing, counts.balancing
    );
    if list.truncated {
        println!(
            "showing the {} shortest; use --max 0 to list all",
            list.loops.len()
        );
    }
    0
}
