//! `foresight merge OURS THEIRS [--base BASE]... -o OUT [--json]`: two
//! reviewers' copies of one review merged into a third file, with what
//! both changed differently kept as unresolved conflicts in it. The
//! copies' common ancestor is found by the revisions each file records,
//! among the files given with `--base` and the review files beside the
//! copies.

use std::path::{Path, PathBuf};

use super::{EXIT_PROBLEMS, EXIT_UNREADABLE, plural, printable, writes_over};
use foresight_core::merge::{Ancestor, FileMerge, Merge, ReviewCopy, merge_copies};
use foresight_core::model::{Lineage, MergeConflict, Review};
use foresight_core::store;

/// What `foresight merge` was asked besides the two copies.
pub struct Options<'a> {
    /// Files given as the copies' common ancestor.
    pub bases: &'a [PathBuf],
    /// Where to write the merged review.
    pub output: &'a Path,
    /// Print JSON instead of text.
    pub json: bool,
}

/// Runs `foresight merge`: exit 0 when the copies merged cleanly, 1 when
/// conflicts remain (written into the output), 2 when a file cannot be
/// read or the output cannot be written.
pub fn merge_files(ours: &Path, theirs: &Path, options: Options) -> u8 {
    let inputs = [ours, theirs]
        .into_iter()
        .chain(options.bases.iter().map(PathBuf::as_path));
    for input in inputs {
        if writes_over("merge", input, options.output) {
            return EXIT_UNREADABLE;
        }
    }
    let load = |path: &Path| -> Result<(Review, Lineage), u8> {
        store::load_with_lineage(path).map_err(|error| {
            eprintln!("{error}");
            EXIT_UNREADABLE
        })
    };
    let ((ours_review, ours_lineage), (theirs_review, theirs_lineage)) =
        match (load(ours), load(theirs)) {
            (Ok(o), Ok(t)) => (o, t),
            _ => return EXIT_UNREADABLE,
        };
    // A file given as the ancestor that cannot be read is a mistake to
    // report, even when the copies turn out not to need it.
    for base in options.bases {
        if let Err(code) = load(base) {
            return code;
        }
    }
    let copy = |path, review, lineage| ReviewCopy {
        path,
        review,
        lineage,
        unsaved: false,
    };
    let result = match merge_copies(
        copy(ours, &ours_review, &ours_lineage),
        copy(theirs, &theirs_review, &theirs_lineage),
        options.bases,
        Some(options.output),
    ) {
        Ok(result) => result,
        Err(error) => {
            eprintln!("{error}");
            return EXIT_UNREADABLE;
        }
    };
    let ancestor = result
        .ancestor
        .describe(&ours.display().to_string(), &theirs.display().to_string());
    if result.ancestor.is_two_way() {
        eprintln!("foresight merge: {}", printable(&ancestor));
    }
    if let Err(error) =
        store::save_with_lineage(options.output, &result.merge.review, &result.lineage)
    {
        eprintln!("{error}");
        return EXIT_UNREADABLE;
    }
    if options.json {
        println!("{}", json(options.output, &result));
    } else {
        if !result.ancestor.is_two_way() {
            println!("{}: {}", options.output.display(), printable(&ancestor));
        }
        print_text(options.output, &result.merge);
    }
    if result.merge.is_clean() {
        0
    } else {
        EXIT_PROBLEMS
    }
}

/// The ancestor as `--json` shows it.
fn ancestor_json(ancestor: &Ancestor) -> serde_json::Value {
    let (kind, file, revision) = match ancestor {
        Ancestor::Same => ("same", None, None),
        Ancestor::TheirsIsEarlier => ("theirs-is-earlier", None, None),
        Ancestor::OursIsEarlier => ("ours-is-earlier", None, None),
        Ancestor::Found { path, revision } => ("found", Some(path), Some(revision)),
        Ancestor::Given { path } => ("given", Some(path), None),
        Ancestor::Missing { revision } => ("missing", None, Some(revision)),
        Ancestor::Unrelated => ("unrelated", None, None),
    };
    serde_json::json!({
        "kind": kind,
        "file": file.map(|f| f.display().to_string()),
        "revision": revision.map(|r| r.id.clone()),
        "saved": revision.map(|r| r.saved.clone()).filter(|s| !s.is_empty()),
    })
}

fn json(output: &Path, file_merge: &FileMerge) -> serde_json::Value {
    let result = &file_merge.merge;
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
        "ancestor": ancestor_json(&file_merge.ancestor),
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
