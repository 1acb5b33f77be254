//! Merging two review files: finding their common ancestor from the
//! revisions each records (see [`crate::model::Lineage`]) among the files
//! given and the review files beside the two copies, then merging three
//! ways with it, or two ways when it cannot be found.

use std::path::{Path, PathBuf};

use super::{Merge, merge, merge_without_base};
use crate::model::{Lineage, Relation, Review, Revision};
use crate::store::{self, LoadError, lineage};

/// One copy of a review as read from its file.
#[derive(Debug, Clone, Copy)]
pub struct ReviewCopy<'a> {
    /// Its file.
    pub path: &'a Path,
    /// The review.
    pub review: &'a Review,
    /// The revisions its file records, ending with its own.
    pub lineage: &'a Lineage,
    /// True when the review holds changes not saved in its file (an open
    /// review): its file is then the ancestor of the review itself.
    pub unsaved: bool,
}

/// What the merge used as the copies' common ancestor.
#[derive(Debug, Clone, PartialEq)]
pub enum Ancestor {
    /// Both copies are the same revision: nothing was merged.
    Same,
    /// Their copy is an earlier revision of ours: ours was kept whole.
    TheirsIsEarlier,
    /// Our copy is an earlier revision of theirs: theirs was taken whole.
    OursIsEarlier,
    /// The file of the latest revision both copies record.
    Found {
        /// The file.
        path: PathBuf,
        /// Its revision.
        revision: Revision,
    },
    /// A file given as the ancestor that neither copy records as one: used
    /// as asked.
    Given {
        /// The file.
        path: PathBuf,
    },
    /// Both copies record this revision, but no file of it was given or
    /// found beside them: merged without an ancestor.
    Missing {
        /// The revision.
        revision: Revision,
    },
    /// The copies record no revision in common: merged without an
    /// ancestor.
    Unrelated,
}

impl Ancestor {
    /// True when the merge had no ancestor and so made every difference a
    /// conflict.
    pub fn is_two_way(&self) -> bool {
        matches!(self, Ancestor::Missing { .. } | Ancestor::Unrelated)
    }

    /// What happened, for a person: one sentence naming files by `show`.
    pub fn describe(&self, ours: &str, theirs: &str) -> String {
        match self {
            Ancestor::Same => format!("{ours} and {theirs} are the same revision: nothing to merge"),
            Ancestor::TheirsIsEarlier => {
                format!("{theirs} is an earlier revision of {ours}, which already holds all of it")
            }
            Ancestor::OursIsEarlier => {
                format!("{ours} is an earlier revision of {theirs}, which holds all of it: taken whole")
            }
            Ancestor::Found { path, revision } => format!(
                "merged from the copies' common ancestor {} ({})",
                path.display(),
                revision.describe()
            ),
            Ancestor::Given { path } => format!(
                "merged from {} as the common ancestor, as asked, though neither copy records it as one",
                path.display()
            ),
            Ancestor::Missing { revision } => format!(
                "the copies last shared {}, but no file of it was given or found beside them: give it with --base (or keep it beside the copies) to merge field by field; without it every difference is a conflict",
                revision.describe()
            ),
            Ancestor::Unrelated => "the copies record no revision in common (was one saved by an older version of Foresight?): give their common ancestor with --base to merge field by field; without it every difference is a conflict".to_string(),
        }
    }
}

/// The merge of two files and what it used as their ancestor.
#[derive(Debug, Clone)]
pub struct FileMerge {
    /// The merge.
    pub merge: Merge,
    /// The revisions the merged file records before its own: both copies'.
    pub lineage: Lineage,
    /// What the merge used as the copies' common ancestor.
    pub ancestor: Ancestor,
}

/// Merges two copies: with the ancestor their revisions name, found among
/// `bases` (files given as the ancestor) and the review files beside the
/// copies (but not `output`); with the first of `bases` when none is the
/// recorded ancestor; without an ancestor when there is none. An error when
/// the ancestor's file cannot be read.
pub fn merge_copies(
    ours: ReviewCopy,
    theirs: ReviewCopy,
    bases: &[PathBuf],
    output: Option<&Path>,
) -> Result<FileMerge, LoadError> {
    let lineage = ours.lineage.joined(theirs.lineage);
    let done = |merge: Merge, ancestor: Ancestor| FileMerge {
        merge,
        lineage: lineage.clone(),
        ancestor,
    };
    let mut relation = ours.lineage.relation(theirs.lineage);
    if ours.unsaved {
        // Our review is a step past our file: their copy holds our file
        // at most, never our unsaved changes.
        relation = match relation {
            Relation::Same => Relation::TheirsIsEarlier,
            Relation::OursIsEarlier => Relation::Diverged {
                ancestor: ours.lineage.current().cloned(),
            },
            other => other,
        };
    }
    let recorded = match relation {
        Relation::Same => return Ok(done(Merge::unchanged(ours.review), Ancestor::Same)),
        Relation::TheirsIsEarlier => {
            return Ok(done(
                Merge::unchanged(ours.review),
                Ancestor::TheirsIsEarlier,
            ));
        }
        Relation::OursIsEarlier => {
            return Ok(done(
                Merge::unchanged(theirs.review),
                Ancestor::OursIsEarlier,
            ));
        }
        Relation::Diverged { ancestor } => ancestor,
    };
    let found = recorded.as_ref().and_then(|revision| {
        let mut candidates = bases.to_vec();
        let beside: Vec<&Path> = [ours.path, theirs.path]
            .iter()
            .map(|p| match p.parent() {
                Some(parent) if !parent.as_os_str().is_empty() => parent,
                _ => Path::new("."),
            })
            .collect();
        let mut except = vec![theirs.path];
        if !ours.unsaved {
            except.push(ours.path);
        }
        except.extend(output);
        candidates.extend(lineage::review_files_in(&beside, &except));
        lineage::file_of_revision(&revision.id, &candidates)
            .map(|(path, text)| (path, text, revision.clone()))
    });
    let (base, ancestor) = match (found, bases.first(), recorded) {
        // The ancestor's file was read to find it: its text is parsed.
        (Some((path, text, revision)), _, _) => (
            store::parse_review(&text, &path)?,
            Ancestor::Found { path, revision },
        ),
        (None, Some(given), _) => (
            store::load(given)?,
            Ancestor::Given {
                path: given.clone(),
            },
        ),
        (None, None, Some(revision)) => {
            return Ok(done(
                merge_without_base(ours.review, theirs.review),
                Ancestor::Missing { revision },
            ));
        }
        (None, None, None) => {
            return Ok(done(
                merge_without_base(ours.review, theirs.review),
                Ancestor::Unrelated,
            ));
        }
    };
    Ok(done(merge(&base, ours.review, theirs.review), ancestor))
}
