//! Two reviewers, one review: merging two edited copies of a review file.
//!
//! [`merge`] takes the common ancestor and two copies edited from it, and
//! merges them record by record (by id) and field by field: text line by
//! line where the two changed different lines, lists of ids, diagram
//! positions, stages, named loops, the cast and aliases as sets. A record
//! deleted in one copy and edited in the other is a conflict; records both
//! created with one id are kept apart by giving theirs a fresh id, with
//! every reference to it updated. [`merge_without_base`] merges copies
//! whose ancestor is not known: every difference is a conflict.
//!
//! A conflict keeps our value in the merged review and is recorded in it
//! (`meta.conflicts`), so that it can be shown and resolved: `foresight
//! validate` reports it and publication is blocked while any remains. The
//! merged review is always as valid as the two copies: what would make it
//! invalid is taken from our copy and recorded as a conflict.

mod collection;
mod files;
mod ids;
mod keyed;
mod repair;
mod resolve;
mod text;
mod value;

pub use files::{Ancestor, FileMerge, ReviewCopy, merge_copies};
pub use ids::rename_ids;
pub use resolve::{Resolution, resolve};

use std::collections::HashSet;
pub use text::{Hunk, merge_sequences, merge_text};

use crate::model::{FORMAT_VERSION, Id, MergeConflict, Review, ReviewMeta};
use collection::{Deleted, merge_collection};
use keyed::{Presence, merge_keyed};
use value::FieldMerge;

/// The result of a merge.
#[derive(Debug, Clone, PartialEq)]
pub struct Merge {
    /// The merged review. Its `meta.conflicts` holds every unresolved
    /// conflict: those found now and those either copy still had.
    pub review: Review,
    /// The conflicts this merge found.
    pub conflicts: Vec<MergeConflict>,
    /// Records their copy created with an id ours also created for another
    /// record: their old id and the new one.
    pub renumbered: Vec<(Id, Id)>,
}

impl Merge {
    /// True when the merged review has no unresolved conflict.
    pub fn is_clean(&self) -> bool {
        self.review.meta.conflicts.is_empty()
    }

    fn unchanged(review: &Review) -> Merge {
        Merge {
            review: review.clone(),
            conflicts: Vec::new(),
            renumbered: Vec::new(),
        }
    }
}

/// Merges `ours` and `theirs`, two copies edited from `base`.
pub fn merge(base: &Review, ours: &Review, theirs: &Review) -> Merge {
    merge_reviews(Some(base), ours, theirs)
}

/// Merges two copies whose common ancestor is not known: the merged review
/// is `ours`, and every difference from `theirs` is a conflict.
pub fn merge_without_base(ours: &Review, theirs: &Review) -> Merge {
    merge_reviews(None, ours, theirs)
}

fn merge_reviews(base: Option<&Review>, ours: &Review, original_theirs: &Review) -> Merge {
    if ours == original_theirs {
        return Merge::unchanged(ours);
    }
    if let Some(base) = base {
        if base == original_theirs {
            return Merge::unchanged(ours);
        }
        if base == ours {
            return Merge::unchanged(original_theirs);
        }
    }
    let mut theirs = original_theirs.clone();
    let renumbered = match base {
        Some(base) => ids::renumber_clashes(base, ours, &mut theirs),
        None => Vec::new(),
    };
    let mut conflicts = Vec::new();
    let mut meta = merge_meta(
        base.map(|b| &b.meta),
        &ours.meta,
        &theirs.meta,
        &mut conflicts,
    );
    meta.conflicts = earlier_conflicts(base, ours, &theirs);
    let deleted = Deleted {
        ours: deleted_since(base, ours),
        theirs: deleted_since(base, &theirs),
    };
    macro_rules! collections {
        ($($field:ident),*) => {
            Review {
                format_version: FORMAT_VERSION,
                meta,
                $($field: merge_collection(
                    base.map(|b| b.$field.as_slice()),
                    &ours.$field,
                    &theirs.$field,
                    &deleted,
                    &mut conflicts,
                ),)*
            }
        };
    }
    let mut review = collections!(
        people,
        agencies,
        places,
        chronology,
        episodes,
        factors,
        conditions,
        findings,
        variables,
        links,
        named_loops,
        diagrams
    );
    if review != *ours
        && review != theirs
        && !repair::make_valid(&mut review, base, ours, &theirs, &mut conflicts)
    {
        // Nothing short of our copy is valid: keep it, with every
        // difference from theirs a conflict.
        return merge_reviews(None, ours, original_theirs);
    }
    for conflict in &conflicts {
        if !review.meta.conflicts.contains(conflict) {
            review.meta.conflicts.push(conflict.clone());
        }
    }
    Merge {
        review,
        conflicts,
        renumbered,
    }
}

/// The ids of the ancestor's records that `copy` no longer has.
fn deleted_since(base: Option<&Review>, copy: &Review) -> HashSet<Id> {
    let Some(base) = base else {
        return HashSet::new();
    };
    let kept: HashSet<Id> = copy.all_ids().into_iter().map(|(id, _)| id).collect();
    base.all_ids()
        .into_iter()
        .map(|(id, _)| id)
        .filter(|id| !kept.contains(id))
        .collect()
}

/// The review details merged field by field (their conflicts aside).
fn merge_meta(
    base: Option<&ReviewMeta>,
    ours: &ReviewMeta,
    theirs: &ReviewMeta,
    conflicts: &mut Vec<MergeConflict>,
) -> ReviewMeta {
    let without = |meta: &ReviewMeta| ReviewMeta {
        conflicts: Vec::new(),
        ..meta.clone()
    };
    let (base, ours, theirs) = (base.map(without), without(ours), without(theirs));
    if ours == theirs || base.as_ref() == Some(&theirs) {
        return ours;
    }
    if base.as_ref() == Some(&ours) {
        return theirs;
    }
    let value = |meta: &ReviewMeta| serde_json::to_value(meta).unwrap_or_default();
    let mark = conflicts.len();
    let merged = FieldMerge {
        record: None,
        three_way: base.is_some(),
        conflicts,
    }
    .merge(
        "",
        "",
        base.as_ref().map(value).as_ref(),
        Some(&value(&ours)),
        Some(&value(&theirs)),
    );
    match merged.map(serde_json::from_value::<ReviewMeta>) {
        Some(Ok(meta)) => meta,
        _ => {
            conflicts.truncate(mark);
            conflicts.push(MergeConflict {
                record: None,
                field: String::new(),
                base: base.as_ref().map(|b| value(b).to_string()),
                ours: Some(value(&ours).to_string()),
                theirs: Some(value(&theirs).to_string()),
            });
            ours
        }
    }
}

/// The conflicts earlier merges left in either copy: one resolved in
/// either copy since the ancestor stays resolved.
fn earlier_conflicts(base: Option<&Review>, ours: &Review, theirs: &Review) -> Vec<MergeConflict> {
    let key = |c: &MergeConflict| c.clone();
    merge_keyed(
        base.map(|b| b.meta.conflicts.as_slice()),
        &ours.meta.conflicts,
        &theirs.meta.conflicts,
        key,
        |_, presence| match presence {
            Presence::Both { ours, .. } => Some(ours.clone()),
            Presence::OursOnly { base: None, ours } => Some(ours.clone()),
            Presence::TheirsOnly { base: None, theirs } => Some(theirs.clone()),
            Presence::OursOnly { base: Some(_), .. }
            | Presence::TheirsOnly { base: Some(_), .. } => None,
        },
    )
}
