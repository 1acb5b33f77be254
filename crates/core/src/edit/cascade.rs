//! Deleting a record together with everything that refers to it, as one
//! undoable change.

use super::{Change, Edit};
use crate::model::{Id, Record, RecordKind, Review};

/// The change that deletes a record: the links that start or end at it, its
/// places on diagrams and in presentation stages, and every reference to it
/// from other records (an entry's people, an episode's entries…), then the
/// record itself. Named loops keep their list of variables, so that a loop
/// broken by the deletion is reported rather than silently changed.
///
/// Returns `None` when there is no record with that id.
pub fn delete_record(review: &Review, id: &Id) -> Option<Change> {
    let kind = review.kind_of(id)?;
    let mut doomed: Vec<Id> = review
        .links
        .iter()
        .filter(|l| &l.from == id || &l.to == id)
        .map(|l| l.id.clone())
        .collect();
    doomed.push(id.clone());

    let mut edits = Vec::new();
    for (other, other_kind) in review.all_ids() {
        if doomed.contains(&other) {
            continue;
        }
        let Some(record) = review.record(&other) else {
            continue;
        };
        if let Some(scrubbed) = without_references(record, &|id| doomed.contains(id)) {
            debug_assert_eq!(scrubbed.kind(), other_kind);
            edits.push(Edit::Put(scrubbed));
        }
    }
    for link in &doomed[..doomed.len() - 1] {
        edits.push(Edit::Remove {
            kind: RecordKind::Link,
            id: link.clone(),
        });
    }
    edits.push(Edit::Remove {
        kind,
        id: id.clone(),
    });
    Some(Change::many(format!("Delete {}", kind.label()), edits))
}

/// The record with every reference to the ids `gone` holds true for
/// removed (as deleting those records removes them), or `None` when it
/// refers to none of them.
pub(crate) fn without_references(record: Record, gone: &dyn Fn(&Id) -> bool) -> Option<Record> {
    let original = record.clone();
    let scrubbed = match record {
        Record::Person(mut p) => {
            if p.agency.as_ref().is_some_and(gone) {
                p.agency = None;
            }
            Record::Person(p)
        }
        Record::Entry(mut e) => {
            if e.agency.as_ref().is_some_and(gone) {
                e.agency = None;
            }
            e.people.retain(|p| !gone(p));
            Record::Entry(e)
        }
        Record::Episode(mut e) => {
            e.entries.retain(|x| !gone(x));
            e.people.retain(|x| !gone(x));
            Record::Episode(e)
        }
        Record::NamedLoop(mut l) => {
            l.findings.retain(|x| !gone(x));
            Record::NamedLoop(l)
        }
        Record::Diagram(mut d) => {
            d.nodes.retain(|n| !gone(&n.item));
            for stage in &mut d.stages {
                stage.reveal.retain(|x| !gone(x));
            }
            Record::Diagram(d)
        }
        other => other,
    };
    (scrubbed != original).then_some(scrubbed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deleting_a_variable_removes_its_links_and_diagram_places_and_undoes_exactly() {
        let mut review = crate::examples::munro_appendix2();
        let before = review.clone();
        let variable = review.variables[0].id.clone();
        let touching = review.links_touching(&variable).count();
        assert!(touching > 0);
        let change = delete_record(&review, &variable).unwrap();
        let undo = change.apply(&mut review).unwrap();
        assert_eq!(review.kind_of(&variable), None);
        assert_eq!(review.links_touching(&variable).count(), 0);
        assert!(
            review
                .diagrams
                .iter()
                .all(|d| d.position(&variable).is_none())
        );
        assert!(
            review
                .diagrams
                .iter()
                .flat_map(|d| &d.stages)
                .all(|s| !s.reveal.contains(&variable))
        );
        Change::many("undo", undo).apply(&mut review).unwrap();
        assert_eq!(review, before);
    }
}
