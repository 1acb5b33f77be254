//! Merging one collection of records (the cast, the chronology, the
//! findings…) record by record, by id.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::keyed::{Presence, merge_keyed};
use super::value::{FieldMerge, shown};
use crate::model::*;

/// A record a collection holds, known by its id.
pub(super) trait Keyed: Serialize + DeserializeOwned + Clone + PartialEq {
    /// Its id.
    fn key(&self) -> &Id;
}

macro_rules! keyed {
    ($($ty:ty),*) => {
        $(impl Keyed for $ty {
            fn key(&self) -> &Id {
                &self.id
            }
        })*
    };
}

keyed!(
    Person,
    Agency,
    Place,
    ChronologyEntry,
    PracticeEpisode,
    ContributingFactor,
    LatentCondition,
    Finding,
    Variable,
    Link,
    NamedLoop,
    Diagram
);

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
/// difference is a conflict and our copy is kept.
pub(super) fn merge_collection<T: Keyed>(
    base: Option<&[T]>,
    ours: &[T],
    theirs: &[T],
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
                if base == Some(ours) {
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
                if base != Some(theirs) {
                    // We deleted what they edited (or, without an
                    // ancestor, only they have it).
                    conflicts.push(whole_record_conflict(id, base, None, Some(theirs)));
                }
                None
            }
        },
    )
}
