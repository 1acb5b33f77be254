//! `foresight language [FILE|-]`: reads plain text, one passage per line,
//! and prints one line per input line: the blame model's verdict (`blame`
//! or `learning`), a tab, then the phrases found with their categories.
//! `--json` adds the score, the phrases that drove it and the question
//! that reframes it.

use std::io::Read;
use std::path::Path;

use serde::Serialize;

use super::EXIT_UNREADABLE;
use foresight_core::analysis::language::{Driver, Hit, Judgement, Lexicon};
use foresight_core::taxonomy::template_folders;

/// The verdict and hits of one line, for `--json`.
#[derive(Serialize)]
struct Line<'a> {
    line: usize,
    verdict: &'static str,
    /// The probability of blame, 0–1, to three places.
    score: f64,
    /// The phrases that drove the score, strongest first.
    drivers: Vec<JsonDriver<'a>>,
    /// The question that helps to reframe the line.
    reframe: Option<&'a str>,
    hits: Vec<JsonHit<'a>>,
}

#[derive(Serialize)]
struct JsonDriver<'a> {
    phrase: &'a str,
    start: Option<usize>,
    end: Option<usize>,
    weight: f64,
}

fn json_driver(d: &Driver) -> JsonDriver<'_> {
    JsonDriver {
        phrase: &d.phrase,
        start: d.span.map(|s| s.0),
        end: d.span.map(|s| s.1),
        weight: (d.weight * 1000.0).round() / 1000.0,
    }
}

#[derive(Serialize)]
struct JsonHit<'a> {
    phrase: &'a str,
    matched: &'a str,
    category: &'static str,
    categories: String,
    severity: &'static str,
    quoted: bool,
    /// A practitioner's or family member's own words.
    speech: bool,
    /// The writer's own judgement: it counts towards the verdict.
    counts: bool,
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
    let mut out: Vec<(usize, Judgement)> = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let judged = lexicon.judge(line);
        if json {
            out.push((number + 1, judged));
        } else {
            println!("{}\t{}", judged.verdict.label(), describe(&judged.hits));
        }
    }
    if json {
        let lines: Vec<Line> = out
            .iter()
            .map(|(line, judged)| Line {
                line: *line,
                verdict: judged.verdict.label(),
                score: (judged.score * 1000.0).round() / 1000.0,
                drivers: judged.drivers.iter().map(json_driver).collect(),
                reframe: judged.reframe.as_deref(),
                hits: judged
                    .hits
                    .iter()
                    .map(|h| JsonHit {
                        phrase: &h.phrase,
                        matched: &h.matched,
                        category: h.category.code(),
                        categories: h.categories(),
                        severity: h.severity.label(),
                        quoted: h.quoted,
                        speech: h.speech,
                        counts: h.counts(),
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
