//! `foresight import-cld` and `foresight loops`.

use std::collections::HashMap;
use std::ops::ControlFlow;
use std::path::Path;

use serde::Serialize;

use super::EXIT_UNREADABLE;
use super::{open_or_create, plural, refuse_bad_rows};
use foresight_core::analysis::loops::{
    CausalGraph, FeedbackLoop, LOOP_BUDGET, LoopCounts, name_for,
};
use foresight_core::import::cld::{import_edges, parse_edges};
use foresight_core::model::{Id, Review};
use foresight_core::store;

/// `foresight import-cld EDGES.csv --into FILE`.
pub fn import_cld(csv: &Path, into: &Path) -> u8 {
    if super::writes_over("import-cld", csv, into) {
        return EXIT_UNREADABLE;
    }
    // The same encodings as every other import: UTF-8, UTF-16 with a byte
    // order mark (Excel's "Unicode text"), else Windows-1252.
    let text = match std::fs::read(csv) {
        Ok(bytes) => {
            let (text, windows_1252) = foresight_core::import::table::decode(&bytes);
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
    variables: Vec<&'a str>,
    name: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonLoops<'a> {
    loops: Vec<JsonLoop<'a>>,
    truncated: bool,
    /// False when the loops were too many to count: the counts are then
    /// of those found before the search stopped.
    complete: bool,
}

/// `foresight loops FILE [--json] [--max N] [--summary]`.
///
/// Bounded: `--summary` counts up to [`LOOP_BUDGET`] loops and says "more
/// than" beyond (`--summary --max 0` counts every loop, however many); `--max N` lists the N shortest (searched length by length
/// when the loops are too many); `--max 0` writes every loop as it is
/// found, one at a time, without keeping them.
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
        // `--max 0` asks for every loop: counted to the end, on every core.
        let (counts, complete) = if max == 0 {
            let counts = graph
                .count_every(None)
                .expect("a count without a canceller runs to the end");
            (counts, true)
        } else {
            graph
                .count_within(LOOP_BUDGET, None)
                .expect("an enumeration without a canceller runs to the end")
        };
        if json {
            println!(
                "{}",
                serde_json::json!({"loops": counts.total, "reinforcing": counts.reinforcing, "balancing": counts.balancing, "complete": complete})
            );
        } else if complete {
            println!(
                "loops: {}\nreinforcing: {}\nbalancing: {}",
                counts.total, counts.reinforcing, counts.balancing
            );
        } else {
            println!(
                "loops: more than {}\nreinforcing: at least {}\nbalancing: at least {}\n(counting stops at {LOOP_BUDGET} loops: the diagram has too many to go through)",
                counts.total, counts.reinforcing, counts.balancing
            );
        }
        return 0;
    }
    // Each record's name, looked up once.
    let titles: HashMap<&Id, String> = graph.ids().map(|id| (id, review.title_of(id))).collect();
    if max == 0 {
        return every_loop(&graph, &review, json, &titles);
    }
    let list = graph.list(Some(max), None);
    if json {
        let out = JsonLoops {
            loops: list
                .loops
                .iter()
                .map(|l| JsonLoop {
                    kind: l.kind.letter(),
                    length: l.len(),
                    variables: names(&titles, &l.nodes),
                    name: name_for(&review, l),
                })
                .collect(),
            truncated: list.truncated,
            complete: list.complete,
        };
        println!(
            "{}",
            serde_json::to_string(&out).expect("plain data serialises")
        );
        return 0;
    }
    for found in &list.loops {
        println!(
            "{}",
            loop_line(&review, found, &names(&titles, &found.nodes))
        );
    }
    let counts = list.counts;
    if list.complete {
        println!(
            "{} loops: {} reinforcing, {} balancing",
            counts.total, counts.reinforcing, counts.balancing
        );
    } else {
        println!(
            "more than {} loops (counting stops at {LOOP_BUDGET}: the diagram has too many to go through)",
            counts.total
        );
    }
    if list.truncated {
        println!(
            "showing the {} shortest; use --max 0 to write every loop as it is found",
            list.loops.len()
        );
    }
    0
}

/// The names of a loop's records.
fn names<'a>(titles: &'a HashMap<&Id, String>, nodes: &'a [Id]) -> Vec<&'a str> {
    nodes
        .iter()
        .map(|id| titles.get(id).map_or(id.as_str(), String::as_str))
        .collect()
}

/// One loop as a line: its letter, length, name and variables, safe to
/// print.
fn loop_line(review: &Review, found: &FeedbackLoop, names: &[&str]) -> String {
    let line = format!(
        "{}  {:>3}  {}{}{}",
        found.kind.letter(),
        found.len(),
        name_for(review, found)
            .map(|n| format!("\"{n}\": "))
            .unwrap_or_default(),
        names.join(" → "),
        if found.delayed { "  (delay)" } else { "" }
    );
    super::printable(&line).into_owned()
}

/// `--max 0`: every loop, written as it is found (in the order of the
/// search, not sorted), none kept.
fn every_loop(
    graph: &CausalGraph,
    review: &Review,
    json: bool,
    titles: &HashMap<&Id, String>,
) -> u8 {
    use std::io::Write;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let ids: Vec<&Id> = graph.ids().collect();
    let mut counts = LoopCounts::default();
    let mut first = true;
    if json {
        let _ = write!(out, "{{\"loops\":[");
    }
    let flow = graph.for_each_loop(None, |cycle, links, kind, delayed| {
        let found = FeedbackLoop {
            nodes: cycle.iter().map(|&i| ids[i].clone()).collect(),
            links: links.iter().map(|l| l.link.clone()).collect(),
            kind,
            delayed,
        };
        counts.add(kind);
        let names = names(titles, &found.nodes);
        let written = if json {
            let item = JsonLoop {
                kind: kind.letter(),
                length: found.len(),
                variables: names,
                name: name_for(review, &found),
            };
            let comma = if first { "" } else { "," };
            first = false;
            write!(
                out,
                "{comma}{}",
                serde_json::to_string(&item).expect("plain data serialises")
            )
        } else {
            writeln!(out, "{}", loop_line(review, &found, &names))
        };
        // A closed pipe ("| head") ends the listing.
        if written.is_err() {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    });
    if flow.is_continue() {
        let _ = if json {
            writeln!(out, "],\"truncated\":false,\"complete\":true}}")
        } else {
            writeln!(
                out,
                "{} loops: {} reinforcing, {} balancing",
                counts.total, counts.reinforcing, counts.balancing
            )
        };
    }
    let _ = out.flush();
    0
}
