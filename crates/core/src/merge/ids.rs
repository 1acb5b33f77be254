//! Ids both reviewers created for different records: their copy's record
//! takes a fresh id, and every reference to it in their copy follows.

use std::collections::{HashMap, HashSet};

use crate::model::{Id, RecordKind, Review};

/// Renames records and every reference to them: a person's agency, an
/// entry's agency and people, an episode's entries and people, link ends,
/// a named loop's variables and findings, diagram nodes and stages, and
/// the review details' references (the child whose age dates become, the
/// reviewer's anonymisation decisions and accepted phrases, conflicts).
pub fn rename_ids(review: &mut Review, renames: &HashMap<Id, Id>) {
    if renames.is_empty() {
        return;
    }
    let one = |id: &mut Id| {
        if let Some(new) = renames.get(id) {
            *id = new.clone();
        }
    };
    let all = |ids: &mut Vec<Id>| ids.iter_mut().for_each(one);
    let meta = &mut review.meta;
    if let Some(id) = &mut meta.anonymisation.age_of {
        one(id);
    }
    meta.anonymisation
        .overrides
        .iter_mut()
        .for_each(|o| one(&mut o.record));
    meta.accepted_language
        .iter_mut()
        .for_each(|a| one(&mut a.record));
    meta.conflicts
        .iter_mut()
        .filter_map(|c| c.record.as_mut())
        .for_each(one);
    for p in &mut review.people {
        one(&mut p.id);
        if let Some(agency) = &mut p.agency {
            one(agency);
        }
    }
    review.agencies.iter_mut().for_each(|a| one(&mut a.id));
    review.places.iter_mut().for_each(|p| one(&mut p.id));
    for e in &mut review.chronology {
        one(&mut e.id);
        if let Some(agency) = &mut e.agency {
            one(agency);
        }
        all(&mut e.people);
    }
    for e in &mut review.episodes {
        one(&mut e.id);
        all(&mut e.entries);
        all(&mut e.people);
    }
    review.factors.iter_mut().for_each(|f| one(&mut f.id));
    review.conditions.iter_mut().for_each(|c| one(&mut c.id));
    review.findings.iter_mut().for_each(|f| one(&mut f.id));
    review.variables.iter_mut().for_each(|v| one(&mut v.id));
    for l in &mut review.links {
        one(&mut l.id);
        one(&mut l.from);
        one(&mut l.to);
    }
    for l in &mut review.named_loops {
        one(&mut l.id);
        all(&mut l.variables);
        all(&mut l.findings);
    }
    for d in &mut review.diagrams {
        one(&mut d.id);
        d.nodes.iter_mut().for_each(|n| one(&mut n.item));
        d.stages.iter_mut().for_each(|s| all(&mut s.reveal));
    }
}

/// Gives each record `theirs` created with an id `ours` also created, for
/// a different record, a fresh id of its kind (one more than the highest
/// number any copy uses), and updates every reference to it in `theirs`.
/// Returns the renames, old id to new, in file order.
pub(super) fn renumber_clashes(base: &Review, ours: &Review, theirs: &mut Review) -> Vec<(Id, Id)> {
    let in_base: HashSet<Id> = base.all_ids().into_iter().map(|(id, _)| id).collect();
    let ours_new: HashSet<Id> = ours
        .all_ids()
        .into_iter()
        .map(|(id, _)| id)
        .filter(|id| !in_base.contains(id))
        .collect();
    if ours_new.is_empty() {
        return Vec::new();
    }
    let mut renames = Vec::new();
    let mut highest: HashMap<RecordKind, u64> = HashMap::new();
    // Renaming a record changes the records that refer to it, which may
    // then clash in turn (a link both drew from a factor both created).
    loop {
        let clashes: Vec<(Id, RecordKind)> = theirs
            .all_ids()
            .into_iter()
            .filter(|(id, _)| ours_new.contains(id) && ours.record(id) != theirs.record(id))
            .collect();
        if clashes.is_empty() {
            return renames;
        }
        let mut round = HashMap::new();
        for (old, kind) in clashes {
            let next = highest.entry(kind).or_insert_with(|| {
                [base, ours, &*theirs]
                    .iter()
                    .flat_map(|r| r.ids_of(kind))
                    .filter_map(|id| id.number_after(kind.prefix()))
                    .max()
                    .unwrap_or(0)
            });
            let new = loop {
                *next += 1;
                let new = Id::from(format!("{}{next}", kind.prefix()));
                // An id of another form ("E3a") could be taken by any kind.
                if !in_base.contains(&new)
                    && ours.kind_of(&new).is_none()
                    && theirs.kind_of(&new).is_none()
                {
                    break new;
                }
            };
            renames.push((old.clone(), new.clone()));
            round.insert(old, new);
        }
        rename_ids(theirs, &round);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renaming_every_id_leaves_no_old_id_and_a_valid_review() {
        let mut review = crate::examples::worked_case();
        let renames: HashMap<Id, Id> = review
            .all_ids()
            .into_iter()
            .map(|(id, _)| (id.clone(), Id::from(format!("{id}x"))))
            .collect();
        rename_ids(&mut review, &renames);
        let text = serde_json::to_value(&review).unwrap();
        fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
            match v {
                serde_json::Value::String(s) => out.push(s.clone()),
                serde_json::Value::Array(a) => a.iter().for_each(|v| strings(v, out)),
                serde_json::Value::Object(o) => o.values().for_each(|v| strings(v, out)),
                _ => {}
            }
        }
        let mut all = Vec::new();
        strings(&text, &mut all);
        for old in renames.keys() {
            assert!(!all.iter().any(|s| s == old.as_str()), "{old} is left");
        }
        let taxonomy = crate::taxonomy::Taxonomy::built_in(&review.meta.taxonomy);
        assert_eq!(
            crate::validate::validate(&review, taxonomy.as_ref()),
            vec![]
        );
    }
}
