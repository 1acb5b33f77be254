//! `foresight merge OURS THEIRS [--base BASE] -o OUT [--json]`: two
//! reviewers' copies of one review merged into a third file, with what
//! both changed differently kept as unresolved conflicts in it.

use std::path::Path;

use super::{EXIT_PROBLEMS, EXIT_UNREADABLE, plural, printable, writes_over};
use crate::merge::{Merge, merge, merge_without_base};
use crate::model::{MergeConflict, Review};
use crate::store;

/// What `foresight merge` was asked besides the two copies.
pub struct Options<'a> {
    /// The copies' common ancestor, when known.
    pub base: Option<&'a Path>,
    /// Where to write the merged review.
    pub output: &'a Path,
    /// Print JSON instead of text.
    pub json: bool,
}

/// Runs `foresight merge`: exit 0 when the copies merged cleanly, 1 when
/// conflicts remain (written into the output), 2 when a file cannot be
/// read or the output cannot be written.
pub fn merge_files(ours: &Path, theirs: &Path, options: Options) -> u8 {
    let inputs = [Some(ours), Some(theirs), options.base];
    if inputs
        .iter()
        .flatten()
        .any(|input| writes_over("merge", input, options.output))
    {
        return EXIT_UNREADABLE;
    }
    let load = |path: &Path| -> Result<Review, u8> {
        store::load(path).map_err(|error| {
            eprintln!("{error}");
            EXIT_UNREADABLE
        })
    };
    let (ours_review, theirs_review) = match (load(ours), load(theirs)) {
        (Ok(o), Ok(t)) => (o, t),
        _ => return EXIT_UNREADABLE,
    };
    let result = match options.base {
        Some(base) => match load(base) {
            Ok(base) => merge(&base, &ours_review, &theirs_review),
            Err(code) => return code,
        },
        None => {
            eprintln!(
                "foresight merge: no --base given: without the copies' common ancestor, every difference between them is a conflict"
            );
            merge_without_base(&ours_review, &theirs_review)
        }
    };
    if let Err(error) = store::save(options.output, &result.review) {
        eprintln!("{error}");
        return EXIT_UNREADABLE;
    }
    if options.json {
        println!("{}", json(options.output, &result));
    } else {
        print_text(options.output, &result);
    }
    if result.is_clean() { 0 } else { EXIT_PROBLEMS }
}

fn json(output: &Path, result: &Merge) -> serde_json::Value {
    let conflict = |c: &MergeConflict| {
        serde_json::json!({
            "record": c.record.as_ref().map(|id| id.as_str()),
            "field": c.field,
            "base": c.base,
            "ours": c.ours,
            "theirs": c.theirs,
        })
    };
    serde_json::json!({
        "output": output.display().to_string(),
        "clean": result.is_clean(),
        "conflicts": result.review.meta.conflicts.iter().map(conflict).collect::<Vec<_>>(),
        "renumbered": result.renumbered.iter().map(|(from, to)| serde_json::json!({
            "from": from.as_str(),
            "to": to.as_str(),
        })).collect::<Vec<_>>(),
    })
}

fn print_text(output: &Path, result: &Merge) {
    for (from, to) in &result.renumbered {
        println!(
            "{}: their {from} is now {to} (both copies created {from})",
            output.display()
        );
    }
    let conflicts = &result.review.meta.conflicts;
    if conflicts.is_empty() {
        println!("{}: merged cleanly", output.display());
        return;
    }
    let value = |v: &Option<String>| match v {
        None => "(absent)".to_string(),
        Some(text) => format!("\"{}\"", printable(text)),
    };
    for c in conflicts {
        println!(
            "{}: conflict in {}: ours {}, theirs {}",
            output.display(),
            printable(&c.place()),
            value(&c.ours),
            value(&c.theirs)
        );
    }
    println!(
        "{}: merged with {} unresolved conflict{}: the review keeps our value in each until it is resolved; publication waits until then",
        output.display(),
        conflicts.len(),
        plural(conflicts.len())
    );
}
