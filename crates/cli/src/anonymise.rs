//! `foresight anonymise FILE -o OUT` and the residual suspects that
//! `foresight check` lists.
//!
//! What is written, and when nothing is:
//! - The anonymised review is checked for leaks before it is written:
//!   every string in it, and the file text outside its strings (so the
//!   whole file text), is searched for every form of every real name in
//!   the cast, every kind of identifier and any exact date. With a leak, nothing is written and the command
//!   exits 1, naming each leak and where it is. (A leak there means a
//!   pseudonym or a generic name holds a real name, or the reviewer kept
//!   an occurrence that is in fact a name elsewhere.)
//! - Occurrences anonymisation could not judge (a name that is also a
//!   word, at the start of a sentence; an abbreviation the cast lists as
//!   initials) were replaced to be safe by a placeholder that names no
//!   one ("[name]", "[initials]"); they are listed, and the file is
//!   written: it holds no real name. Residual suspects (what looks like a
//!   name, a place or a number but is in no cast entry) were replaced by
//!   placeholders too; `foresight check` lists them. With
//!   `--strict`, such undecided occurrences, and sensitive attributes with
//!   no publish or withhold decision, stop the command instead (exit 1,
//!   nothing written), for a publication pipeline that must have every
//!   decision made by a person.
//! - Sensitive details (ages, health, medication, money, times of day)
//!   are kept as written unless `--apply-sensitive-policy` is given: the
//!   anonymised review is de-identified, and the published report applies
//!   the review's sensitive data policy whatever is chosen here.
//! - The output may not be the input file: the identified review is never
//!   overwritten. `--keep WORD` is the one change made to it: the word
//!   joins the review's allow-list (saved atomically), so the reviewer's
//!   decision travels with the file.

use std::io::Write as _;
use std::path::Path;

use super::{EXIT_PROBLEMS, EXIT_UNREADABLE};
use super::{plural, same_file};
use foresight_core::anonymise::{Anonymiser, LeakChecker};
use foresight_core::store;

/// The choices of one `foresight anonymise`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options<'a> {
    /// Write nothing while a decision waits (`--strict`).
    pub strict: bool,
    /// Words to keep wherever doubtful (`--keep WORD`).
    pub keep: &'a [String],
    /// Apply the review's sensitive data policy too
    /// (`--apply-sensitive-policy`).
    pub apply_sensitive_policy: bool,
}

/// Runs `foresight anonymise FILE -o OUT [--strict] [--keep WORD]...
/// [--apply-sensitive-policy]`.
pub fn anonymise(file: &Path, output: &Path, options: Options) -> u8 {
    let Options {
        strict,
        keep,
        apply_sensitive_policy,
    } = options;
    let started = std::time::Instant::now();
    let mut review = match store::load(file) {
        Ok(review) => review,
        Err(error) => {
            eprintln!("{error}");
            return EXIT_UNREADABLE;
        }
    };
    if same_file(file, output) {
        eprintln!(
            "{}: the anonymised review must go to another file: the identified review is never overwritten",
            output.display()
        );
        return EXIT_UNREADABLE;
    }
    let allow = &mut review.meta.anonymisation.allow;
    let before = allow.len();
    for word in keep.iter().map(|w| w.trim()).filter(|w| !w.is_empty()) {
        if !allow.iter().any(|a| a == word) {
            allow.push(word.to_string());
        }
    }
    if allow.len() > before {
        if let Err(error) = store::save(file, &review) {
            eprintln!("{error}");
            return EXIT_UNREADABLE;
        }
        println!(
            "{}: kept wherever doubtful: {}",
            file.display(),
            review.meta.anonymisation.allow[before..].join(", ")
        );
    }
    let loaded = started.elapsed();
    let anonymiser = if apply_sensitive_policy {
        Anonymiser::new(&review)
    } else {
        Anonymiser::new(&review).keeping_sensitive_details()
    };
    let result = anonymiser.review(&review);
    let anonymised = started.elapsed();
    let checker = LeakChecker::with_anonymiser(&review, anonymiser);
    // Both threads check the review's strings; one of them first makes
    // the file text and checks it outside its strings (with the strings
    // checked, that is the whole file text checked).
    let (mut leaks, (text, file_leaks)) = checker.check_review_beside(&result.review, || {
        let text = store::to_text(&result.review);
        let file_leaks = checker.check_outside_strings("file text", &text);
        (text, file_leaks)
    });
    let checked = started.elapsed();
    for leak in file_leaks {
        if !leaks
            .iter()
            .any(|l| l.text == leak.text && l.what == leak.what)
        {
            leaks.push(leak);
        }
    }
    if !leaks.is_empty() {
        print_timings(loaded, anonymised, checked, None);
        for leak in &leaks {
            eprintln!("{}: leak: {leak}", output.display());
        }
        eprintln!(
            "{}: not written: {} leak{} of identifying information (fix the pseudonyms, generic names or overrides named above)",
            output.display(),
            leaks.len(),
            plural(leaks.len())
        );
        return EXIT_PROBLEMS;
    }
    let report = &result.report;
    let flagged: Vec<_> = report.flagged().collect();
    // Hundreds of thousands of lines for a long chronology: written in
    // blocks, not one system call each.
    let mut err = std::io::BufWriter::new(std::io::stderr().lock());
    for o in &flagged {
        let _ = writeln!(
            err,
            "{}: {} {}: \"{}\" replaced by \"{}\" to be safe: {} ({}); keep it in the Anonymisation panel if it is not identifying",
            file.display(),
            o.record,
            o.field,
            o.original.split_whitespace().collect::<Vec<_>>().join(" "),
            o.replacement,
            o.reason,
            o.found.describe()
        );
    }
    for (person, attribute) in &report.undecided {
        let _ = writeln!(
            err,
            "{}: {person}: the {attribute} has no publish or withhold decision: withheld",
            file.display()
        );
    }
    for person in &report.without_pseudonym {
        let _ = writeln!(
            err,
            "{}: {person} has no pseudonym: their name became their role or \"[name]\"",
            file.display()
        );
    }
    if let Err(error) = err.flush() {
        eprintln!("{error}");
    }
    drop(err);
    if strict && (!flagged.is_empty() || !report.undecided.is_empty()) {
        eprintln!(
            "{}: not written (--strict): {} occurrence{} and {} attribute{} wait for a decision",
            output.display(),
            flagged.len(),
            plural(flagged.len()),
            report.undecided.len(),
            plural(report.undecided.len())
        );
        return EXIT_PROBLEMS;
    }
    if let Err(error) = store::write_atomic(output, |f| f.write_all(text.as_bytes())) {
        eprintln!("{error}");
        return EXIT_UNREADABLE;
    }
    let replaced = report.replaced_count();
    print_timings(loaded, anonymised, checked, Some(started.elapsed()));
    // Residual suspects were replaced in the transform; those left are
    // the ones the reviewer kept, read from the report rather than by
    // scanning the written review again.
    let placeholders = report.suspects().filter(|o| o.replaced).count();
    let suspects = report.suspects().count() - placeholders;
    println!(
        "{}: written: {replaced} replacement{} ({placeholders} residual suspect{} among them), {} flagged for review, no leaks; {suspects} residual suspect{} kept by you (see foresight check {})",
        output.display(),
        plural(replaced),
        plural(placeholders),
        flagged.len(),
        plural(suspects),
        file.display()
    );
    // The process ends here: its memory goes back to the system at once,
    // without hundreds of megabytes of review, report and text being
    // freed piece by piece first.
    if !apply_sensitive_policy {
        println!(
            "{}: sensitive details (ages, health, medication, money, times) kept as written; the published report withholds them as the review's policy says (see foresight sensitive {}; --apply-sensitive-policy applies it here too)",
            output.display(),
            file.display()
        );
    }
    std::mem::forget((review, result, text));
    0
}

/// With `FORESIGHT_TIMINGS` set, prints how long each step took: times
/// since the start at which reading, anonymising and the leak check
/// ended, and writing when the file was written.
fn print_timings(
    loaded: std::time::Duration,
    anonymised: std::time::Duration,
    checked: std::time::Duration,
    written: Option<std::time::Duration>,
) {
    if std::env::var_os("FORESIGHT_TIMINGS").is_none() {
        return;
    }
    let write = written
        .map(|w| format!(", write {:.3} s", (w - checked).as_secs_f64()))
        .unwrap_or_default();
    eprintln!(
        "timings: read {:.3} s, anonymise {:.3} s, leak check {:.3} s{write}",
        loaded.as_secs_f64(),
        (anonymised - loaded).as_secs_f64(),
        (checked - anonymised).as_secs_f64(),
    );
}
