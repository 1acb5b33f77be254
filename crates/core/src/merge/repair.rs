//! Making a merge valid: each copy may be valid on its own while the merge
//! of the two is not (they linked to a record we deleted, both drew the
//! same link). What the merge cannot keep is left out or taken from our
//! copy, and recorded as a conflict so that nobody loses it unawares.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::value::shown;
use crate::model::{Id, LinkKind, MergeConflict, Record, Review};
use crate::taxonomy::Taxonomy;
use crate::validate::validate;

/// A record as a conflict shows it.
fn show(record: Option<Record>) -> Option<String> {
    record.map(|r| {
        let value = serde_json::to_value(&r).unwrap_or(Value::Null);
        // `{"Link": {...}}`: show the record, not the kind around it.
        let inner = value
            .as_object()
            .and_then(|o| o.values().next().cloned())
            .unwrap_or(value);
        shown(&inner)
    })
}

/// A conflict over a whole record, with each copy's version of it.
fn record_conflict(
    id: &Id,
    base: Option<&Review>,
    ours: &Review,
    theirs: &Review,
) -> MergeConflict {
    MergeConflict {
        record: Some(id.clone()),
        field: String::new(),
        base: show(base.and_then(|b| b.record(id))),
        ours: show(ours.record(id)),
        theirs: show(theirs.record(id)),
    }
}

/// Leaves out links whose ends are gone, and references to records that
/// are gone; each link left out is a conflict.
fn drop_dangling(
    merged: &mut Review,
    base: Option<&Review>,
    ours: &Review,
    theirs: &Review,
    conflicts: &mut Vec<MergeConflict>,
) {
    let exists: HashSet<Id> = merged.all_ids().into_iter().map(|(id, _)| id).collect();
    let mut gone_links = Vec::new();
    merged.links.retain(|l| {
        let keep = exists.contains(&l.from) && exists.contains(&l.to);
        if !keep {
            gone_links.push(l.id.clone());
        }
        keep
    });
    for id in &gone_links {
        conflicts.push(record_conflict(id, base, ours, theirs));
    }
    let gone_links: HashSet<Id> = gone_links.into_iter().collect();
    let live = |id: &Id| exists.contains(id) && !gone_links.contains(id);
    let optional = |id: &mut Option<Id>| {
        if id.as_ref().is_some_and(|i| !live(i)) {
            *id = None;
        }
    };
    optional(&mut merged.meta.anonymisation.age_of);
    merged
        .people
        .iter_mut()
        .for_each(|p| optional(&mut p.agency));
    for e in &mut merged.chronology {
        optional(&mut e.agency);
        e.people.retain(live);
    }
    for e in &mut merged.episodes {
        e.entries.retain(live);
        e.people.retain(live);
    }
    merged
        .named_loops
        .iter_mut()
        .for_each(|l| l.findings.retain(live));
    for d in &mut merged.diagrams {
        d.nodes.retain(|n| live(&n.item));
        let on: HashSet<Id> = d.nodes.iter().map(|n| n.item.clone()).collect();
        let links: HashSet<&Id> = merged.links.iter().map(|l| &l.id).collect();
        for stage in &mut d.stages {
            stage
                .reveal
                .retain(|r| live(r) && (on.contains(r) || links.contains(r)));
        }
    }
}

/// Two links of one kind between the same records (each side drew it):
/// the later is left out, references to it go to the first, and a
/// different note is a conflict on the first.
fn drop_duplicate_links(merged: &mut Review, conflicts: &mut Vec<MergeConflict>) {
    let mut first: HashMap<(Id, Id, LinkKind), usize> = HashMap::new();
    let mut renames: HashMap<Id, Id> = HashMap::new();
    let mut keep = Vec::with_capacity(merged.links.len());
    for link in std::mem::take(&mut merged.links) {
        let key = (link.from.clone(), link.to.clone(), link.kind);
        match first.get(&key) {
            Some(&at) => {
                let kept: &crate::model::Link = &keep[at];
                if kept.note != link.note {
                    conflicts.push(MergeConflict {
                        record: Some(kept.id.clone()),
                        field: "note".into(),
                        base: None,
                        ours: Some(kept.note.clone()),
                        theirs: Some(link.note.clone()),
                    });
                }
                renames.insert(link.id, kept.id.clone());
            }
            None => {
                first.insert(key, keep.len());
                keep.push(link);
            }
        }
    }
    merged.links = keep;
    if !renames.is_empty() {
        super::ids::rename_ids(merged, &renames);
        for d in &mut merged.diagrams {
            for stage in &mut d.stages {
                let mut seen = HashSet::new();
                stage.reveal.retain(|r| seen.insert(r.clone()));
            }
        }
    }
}

/// The structural problems of a review, as text.
fn problems(review: &Review) -> Vec<(Option<Id>, String)> {
    let taxonomy = Taxonomy::built_in(&review.meta.taxonomy);
    validate(review, taxonomy.as_ref())
        .into_iter()
        .map(|p| (p.record.clone(), p.to_string()))
        .collect()
}

/// Makes `merged` as valid as our and their copies: returns false when it
/// cannot (the caller then keeps our copy).
pub(super) fn make_valid(
    merged: &mut Review,
    base: Option<&Review>,
    ours: &Review,
    theirs: &Review,
    conflicts: &mut Vec<MergeConflict>,
) -> bool {
    drop_dangling(merged, base, ours, theirs, conflicts);
    drop_duplicate_links(merged, conflicts);
    let known: HashSet<String> = problems(ours)
        .into_iter()
        .chain(problems(theirs))
        .map(|(_, text)| text)
        .collect();
    for _ in 0..8 {
        let new: Vec<(Option<Id>, String)> = problems(merged)
            .into_iter()
            .filter(|(_, text)| !known.contains(text))
            .collect();
        if new.is_empty() {
            return true;
        }
        let mut changed = false;
        for (record, _) in new {
            let Some(id) = record else { return false };
            changed |= take_ours(merged, &id, base, ours, theirs, conflicts);
        }
        if !changed {
            return false;
        }
        drop_dangling(merged, base, ours, theirs, conflicts);
    }
    false
}

/// Takes our version of a record the merge made invalid (leaving it out
/// when we do not have it); for a named loop already as ours, restores our
/// causal links between its variables. True when something changed.
fn take_ours(
    merged: &mut Review,
    id: &Id,
    base: Option<&Review>,
    ours: &Review,
    theirs: &Review,
    conflicts: &mut Vec<MergeConflict>,
) -> bool {
    let now = merged.record(id);
    let mine = ours.record(id);
    if now.is_some() && now == mine {
        let Some(Record::NamedLoop(named)) = mine else {
            return false;
        };
        let mut changed = false;
        for link in &ours.links {
            let in_loop =
                named.variables.contains(&link.from) && named.variables.contains(&link.to);
            let present = merged.links.iter().any(|l| {
                l.id == link.id || (l.from == link.from && l.to == link.to && l.kind == link.kind)
            });
            if in_loop && matches!(link.kind, LinkKind::Causal { .. }) && !present {
                if merged.kind_of(&link.id).is_some() {
                    continue;
                }
                merged.links.push(link.clone());
                conflicts.push(record_conflict(&link.id, base, ours, theirs));
                changed = true;
            }
        }
        return changed;
    }
    conflicts.push(record_conflict(id, base, ours, theirs));
    match (now, mine) {
        (Some(_), Some(mine)) => merged.replace_record(mine).is_some(),
        (Some(record), None) => merged.remove_record(record.kind(), id).is_some(),
        (None, Some(mine)) => {
            merged.push_record(mine);
            true
        }
        (None, None) => false,
    }
}
