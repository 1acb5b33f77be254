//! Builders of the changes the app's forms and the canvas make: a record
//! replaced by a modified copy, the review's details, a new record, a new
//! link. Each is one undoable step.

use super::{Change, Edit};
use crate::model::{Id, Link, LinkKind, Record, RecordKind, Review, ReviewMeta};

/// The change that replaces a record with a modified copy.
pub fn put<T: Clone>(
    label: &str,
    record: &T,
    wrap: fn(T) -> Record,
    mutate: impl FnOnce(&mut T),
) -> Change {
    let mut copy = record.clone();
    mutate(&mut copy);
    Change::one(label, Edit::Put(wrap(copy)))
}

/// The change that replaces the review's details with a modified copy.
pub fn set_meta(meta: &ReviewMeta, label: &str, mutate: impl FnOnce(&mut ReviewMeta)) -> Change {
    let mut copy = meta.clone();
    mutate(&mut copy);
    Change::one(label, Edit::SetMeta(Box::new(copy)))
}

/// The change that adds a new record.
pub fn add(label: &str, record: Record) -> Change {
    Change::one(label, Edit::Put(record))
}

/// The change that adds a link.
pub fn link(review: &Review, label: &str, from: &Id, to: &Id, kind: LinkKind) -> Change {
    let link = Link {
        id: review.next_id(RecordKind::Link),
        from: from.clone(),
        to: to.clone(),
        kind,
        note: String::new(),
    };
    Change::one(label, Edit::Put(Record::Link(link)))
}

/// The links of a kind from `from` (or to `to`), as (link id, other end).
pub fn links_of(
    review: &Review,
    id: &Id,
    outgoing: bool,
    kind: impl Fn(LinkKind) -> bool,
) -> Vec<(Id, Id)> {
    review
        .links
        .iter()
        .filter(|l| kind(l.kind))
        .filter_map(|l| {
            if outgoing && &l.from == id {
                Some((l.id.clone(), l.to.clone()))
            } else if !outgoing && &l.to == id {
                Some((l.id.clone(), l.from.clone()))
            } else {
                None
            }
        })
        .collect()
}
