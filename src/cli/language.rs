//! `foresight language [FILE|-]`: reads plain text, one passage per line,
//! and prints one line per input line: the verdict (`blame` or
//! `learning`), a tab, then the phrases found with their categories.

use std::io::Read;
use std::path::Path;

use serde::Serialize;

use super::EXIT_UNREADABLE;
use crate::analysis::language::{Hit, Lexicon, verdict};
use crate::taxonomy::template_folders;

/// The verdict and hits of one line, for `--json`.
#[derive(Serialize)]
struct Line<'a> {
    line: usize,
    verdict: &'static str,
    hits: Vec<JsonHit<'a>>,
}

#[derive(Serialize)]
struct JsonHit<'a> {
    phrase: &'a str,
    matched: &'a str,
    category: &'static str,
    categories: String,
    severity: &'static str,
    quoted: bool,
    start: usize,
    end: usize,
    reframe: &'a str,
}

/// The phrases of a line as printed: `failed to (CF counterfactual);
/// with hindsight (HC hindsight certainty)`.
pub fn describe(hits: &[Hit]) -> String {
    hits.iter()
        .map(|h| format!("{} ({})", h.matched, h.categories()))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Reads the input: a file, or standard input for `-` or no file.
fn read_input(file: Option<&Path>) -> Result<String, String> {
    match file {
        None => read_stdin(),
        Some(path) if path == Path::new("-") => read_stdin(),
        Some(path) => {
            let bytes = std::fs::read(path)
                .map_err(|e| format!("{}: cannot read the file: {e}", path.display()))?;
            String::from_utf8(bytes).map_err(|e| {
                let line = 1 + e.as_bytes()[..e.utf8_error().valid_up_to()]
                    .iter()
                    .filter(|b| **b == b'\n')
                    .count();
                format!("{}:{line}: not plain text (invalid UTF-8)", path.display())
            })
        }
    }
}

fn read_stdin() -> Result<String, String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .read_to_end(&mut bytes)
        .map_err(|e| format!("standard input: cannot read it: {e}"))?;
    String::from_utf8(bytes).map_err(|e| {
        let line = 1 + e.as_bytes()[..e.utf8_error().valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        format!("standard input:{line}: not plain text (invalid UTF-8)")
    })
}

/// Runs `foresight language`. Exit 0 with a verdict per line; 2 when the
/// input or the lexicon cannot be read.
pub fn language(file: Option<&Path>, json: bool) -> u8 {
    let lexicon = match Lexicon::find(&template_folders()) {
        Ok(lexicon) => lexicon,
        Err(e) => {
            eprintln!("foresight language: {e}");
            return EXIT_UNREADABLE;
        }
    };
    let text = match read_input(file) {
        Ok(text) => text,
        Err(message) => {
            eprintln!("{message}");
            return EXIT_UNREADABLE;
        }
    };
    let mut out = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let hits = lexicon.lint(line);
        let judged = verdict(&hits);
        if json {
            out.push((number + 1, judged, hits));
        } else {
            println!("{}\t{}", judged.label(), describe(&hits));
        }
    }
    if json {
        let lines: Vec<Line> = out
            .iter()
            .map(|(line, judged, hits)| Line {
                line: *line,
                verdict: judged.label(),
                hits: hits
                    .iter()
                    .map(|h| JsonHit {
                        phrase: &h.phrase,
                        matched: &h.matched,
                        category: h.category.code(),
                        categories: h.categories(),
                        severity: h.severity.label(),
                        quoted: h.quoted,
                        start: h.start,
                        end: h.end,
                        reframe: &h.question,
                    })
                    .collect(),
            })
            .collect();
        match serde_json::to_string_pretty(&lines) {
            Ok(text) => println!("{text}"),
            Err(e) => {
                eprintln!("foresight language: {e}");
                return EXIT_UNREADABLE;
            }
        }
    }
    0
}
