//! Merging one collection of records (the cast, the chronology, the
//! findings…) record by record, by id.

use std::collections::HashSet;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::keyed::{Presence, merge_keyed};
use super::value::{FieldMerge, shown};
use crate::edit::without_references;
use crate::model::*;

/// A record a collection holds, known by its id.
pub(super) trait Keyed: Serialize + DeserializeOwned + Clone + PartialEq {
    /// Its id.
    fn key(&self) -> &Id;

    /// The record with every reference to the ids in `gone` removed, as
    /// deleting those records removes them.
    fn without_references_to(&self, gone: &HashSet<Id>) -> Self;
}

macro_rules! keyed {
    ($($variant:ident: $ty:ty),*) => {
        $(impl Keyed for $ty {
            fn key(&self) -> &Id {
                &self.id
            }

            fn without_references_to(&self, gone: &HashSet<Id>) -> Self {
                match without_references(Record::$variant(self.clone()), &|id| gone.contains(id)) {
                    Some(Record::$variant(scrubbed)) => scrubbed,
                    _ => self.clone(),
                }
            }
        })*
    };
}

keyed!(
    Person: Person,
    Agency: Agency,
    Place: Place,
    Entry: ChronologyEntry,
    Episode: PracticeEpisode,
    Factor: ContributingFactor,
    Condition: LatentCondition,
    Finding: Finding,
    Variable: Variable,
    Link: Link,
    NamedLoop: NamedLoop,
    Diagram: Diagram
);

/// The records each copy deleted since the ancestor: a record a copy
/// changed only by dropping its references to these was not edited there.
pub(super) struct Deleted {
    /// Ids in the ancestor that our copy no longer has.
    pub ours: HashSet<Id>,
    /// Ids in the ancestor that their copy no longer has.
    pub theirs: HashSet<Id>,
}

/// True when `edited` is `base` or differs from it only by dropping the
/// references to records its copy deleted (`gone`).
fn unedited<T: Keyed>(base: &T, edited: &T, gone: &HashSet<Id>) -> bool {
    base == edited || (!gone.is_empty() && &base.without_references_to(gone) == edited)
}

/// A record as a JSON value, for merging and for showing in a conflict.
fn value_of<T: Serialize>(record: &T) -> Value {
    serde_json::to_value(record).unwrap_or(Value::Null)
}

/// A conflict over a whole record: deleted on one side and edited on the
/// other, or (without an ancestor) in one copy only.
fn whole_record_conflict<T: Serialize>(
    id: &Id,
    base: Option<&T>,
    ours: Option<&T>,
    theirs: Option<&T>,
) -> MergeConflict {
    let show = |r: &T| shown(&value_of(r));
    MergeConflict {
        record: Some(id.clone()),
        field: String::new(),
        base: base.map(show),
        ours: ours.map(show),
        theirs: theirs.map(show),
    }
}

/// One record both sides changed, merged field by field.
fn merge_fields<T: Keyed>(
    base: Option<&T>,
    ours: &T,
    theirs: &T,
    three_way: bool,
    conflicts: &mut Vec<MergeConflict>,
) -> T {
    let mark = conflicts.len();
    let base_value = base.map(value_of);
    let merged = FieldMerge {
        record: Some(ours.key().clone()),
        three_way,
        conflicts,
    }
    .merge(
        "",
        "",
        base_value.as_ref(),
        Some(&value_of(ours)),
        Some(&value_of(theirs)),
    );
    match merged.map(serde_json::from_value::<T>) {
        Some(Ok(record)) => record,
        // The fields did not make a record (a value no review file holds):
        // the whole record is the conflict.
        _ => {
            conflicts.truncate(mark);
            conflicts.push(whole_record_conflict(
                ours.key(),
                base,
                Some(ours),
                Some(theirs),
            ));
            ours.clone()
        }
    }
}

/// Merges one collection. Without an ancestor (`base` is `None`) every
/// difference is a conflict and our copy is kept. A record one copy deleted
/// and the other changed only by dropping references to records it deleted
/// itself is deleted, not a conflict.
pub(super) fn merge_collection<T: Keyed>(
    base: Option<&[T]>,
    ours: &[T],
    theirs: &[T],
    deleted: &Deleted,
    conflicts: &mut Vec<MergeConflict>,
) -> Vec<T> {
    let three_way = base.is_some();
    if ours == theirs || base == Some(theirs) {
        return ours.to_vec();
    }
    if base == Some(ours) {
        return theirs.to_vec();
    }
    merge_keyed(
        base,
        ours,
        theirs,
        |r: &T| r.key().clone(),
        |id, presence| match presence {
            Presence::Both { base, ours, theirs } => {
                if ours == theirs || base == Some(theirs) {
                    Some(ours.clone())
                } else if base == Some(ours) {
                    Some(theirs.clone())
                } else {
                    Some(merge_fields(base, ours, theirs, three_way, conflicts))
                }
            }
            Presence::OursOnly { base, ours } => {
                if base.is_some_and(|b| unedited(b, ours, &deleted.ours)) {
                    // They deleted it; we left it alone.
                    return None;
                }
                if base.is_some() || !three_way {
                    // They deleted what we edited (or, without an
                    // ancestor, only we have it).
                    conflicts.push(whole_record_conflict(id, base, Some(ours), None));
                }
                Some(ours.clone())
            }
            Presence::TheirsOnly { base, theirs } => {
                if base.is_none() && three_way {
                    // They added it.
                    return Some(theirs.clone());
                }
                if !base.is_some_and(|b| unedited(b, theirs, &deleted.theirs)) {
                    // We deleted what they edited (or, without an
                    // ancestor, only they have it).
                    conflicts.push(whole_record_conflict(id, base, None, Some(theirs)));
                }
                None
            }
        },
    )
}
