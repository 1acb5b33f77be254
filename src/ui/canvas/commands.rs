//! The edit commands the canvas issues: create a node (a new record placed
//! on the diagram), rename, move, link, remove from the diagram, delete.
//! Each is one [`Change`], so one undo step.

use std::collections::HashMap;

use crate::edit::{Change, Edit, delete_record};
use crate::model::{
    ContributingFactor, Diagram, DiagramNode, Finding, Id, LatentCondition, Link, LinkKind,
    PracticeEpisode, Record, RecordKind, Review, Variable,
};
use crate::validate::{link_ends, suggested_link_kind};

/// Snapping grid step, in diagram units.
pub const GRID: f32 = 20.0;

/// The kinds of record a map can show, in legend order.
pub const NODE_KINDS: [RecordKind; 5] = [
    RecordKind::Episode,
    RecordKind::Factor,
    RecordKind::Condition,
    RecordKind::Finding,
    RecordKind::Variable,
];

/// A short name of a kind of node, for menus and labels.
pub fn kind_name(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Episode => "Episode",
        RecordKind::Factor => "Factor",
        RecordKind::Condition => "Latent condition",
        RecordKind::Finding => "Finding",
        RecordKind::Variable => "Variable",
        other => other.label(),
    }
}

/// The text a node shows: the field edited in place.
pub fn label_of(record: &Record) -> Option<&str> {
    Some(match record {
        Record::Episode(e) => &e.title,
        Record::Factor(f) => &f.statement,
        Record::Condition(c) => &c.statement,
        Record::Finding(f) => &f.title,
        Record::Variable(v) => &v.name,
        _ => return None,
    })
}

/// The record with its shown text replaced.
fn with_label(record: Record, text: String) -> Record {
    match record {
        Record::Episode(mut e) => {
            e.title = text;
            Record::Episode(e)
        }
        Record::Factor(mut f) => {
            f.statement = text;
            Record::Factor(f)
        }
        Record::Condition(mut c) => {
            c.statement = text;
            Record::Condition(c)
        }
        Record::Finding(mut f) => {
            f.title = text;
            Record::Finding(f)
        }
        Record::Variable(mut v) => {
            v.name = text;
            Record::Variable(v)
        }
        other => other,
    }
}

/// A new record of a node kind with its shown text.
fn new_record(review: &Review, kind: RecordKind, text: String) -> Option<Record> {
    let id = review.next_id(kind);
    Some(match kind {
        RecordKind::Episode => Record::Episode(PracticeEpisode {
            id,
            title: text,
            ..Default::default()
        }),
        RecordKind::Factor => Record::Factor(ContributingFactor {
            id,
            statement: text,
            ..Default::default()
        }),
        RecordKind::Condition => Record::Condition(LatentCondition {
            id,
            statement: text,
            ..Default::default()
        }),
        RecordKind::Finding => Record::Finding(Finding {
            id,
            title: text,
            ..Default::default()
        }),
        RecordKind::Variable => Record::Variable(Variable {
            id,
            name: text,
            ..Default::default()
        }),
        _ => return None,
    })
}

/// Rounds a position to the grid.
pub fn snapped(x: f32, y: f32) -> (f32, f32) {
    ((x / GRID).round() * GRID, (y / GRID).round() * GRID)
}

/// The change that creates a record of `kind` showing `text` and places it
/// on the diagram at `at`.
pub fn create_node(
    review: &Review,
    diagram: &Diagram,
    kind: RecordKind,
    text: &str,
    at: (f32, f32),
) -> Option<Change> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let record = new_record(review, kind, text.to_string())?;
    let mut placed = diagram.clone();
    placed.nodes.push(DiagramNode {
        item: record.id().clone(),
        x: at.0,
        y: at.1,
    });
    Some(Change::many(
        format!("Add {} to the map", kind.label()),
        vec![Edit::Put(record), Edit::Put(Record::Diagram(placed))],
    ))
}

/// The change that sets a node's shown text, or `None` when nothing
/// changes.
pub fn rename(review: &Review, id: &Id, text: &str) -> Option<Change> {
    let record = review.record(id)?;
    let text = text.trim();
    if text.is_empty() || label_of(&record)? == text {
        return None;
    }
    let kind = record.kind();
    Some(Change::one(
        format!("Rename {}", kind.label()),
        Edit::Put(with_label(record, text.to_string())),
    ))
}

/// The change that moves nodes to new positions (snapped to the grid when
/// `snap`), or `None` when none moves.
pub fn move_nodes(
    diagram: &Diagram,
    moves: &HashMap<Id, (f32, f32)>,
    snap: bool,
) -> Option<Change> {
    let mut moved = diagram.clone();
    let mut count = 0;
    for node in &mut moved.nodes {
        if let Some(&(x, y)) = moves.get(&node.item) {
            let (x, y) = if snap { snapped(x, y) } else { (x, y) };
            if (x, y) != (node.x, node.y) && x.is_finite() && y.is_finite() {
                (node.x, node.y) = (x, y);
                count += 1;
            }
        }
    }
    (count > 0).then(|| {
        let label = if count == 1 {
            "Move node".to_string()
        } else {
            format!("Move {count} nodes")
        };
        Change::one(label, Edit::Put(Record::Diagram(moved)))
    })
}

/// What a link drawn from one record to another should be.
#[derive(Debug, Clone, PartialEq)]
pub enum LinkChoice {
    /// This kind follows from the two records' kinds.
    Kind(LinkKind),
    /// A causal link: the user must choose S or O.
    AskPolarity,
    /// No kind of link joins them; the reason in words.
    Refused(String),
}

/// The kind of link to draw from `from` to `to`.
pub fn link_choice(review: &Review, from: &Id, to: &Id) -> LinkChoice {
    let (Some(a), Some(b)) = (review.kind_of(from), review.kind_of(to)) else {
        return LinkChoice::Refused("one end no longer exists".into());
    };
    if from == to {
        return LinkChoice::Refused("a link needs two different records".into());
    }
    if let Some(kind) = suggested_link_kind(a, b) {
        return LinkChoice::Kind(kind);
    }
    let (starts, ends) = link_ends(LinkKind::Causal {
        polarity: crate::model::Polarity::Same,
        delay: false,
    });
    if starts.contains(&a) && ends.contains(&b) {
        return LinkChoice::AskPolarity;
    }
    LinkChoice::Refused(format!(
        "no kind of link runs from a {} to a {}",
        a.label(),
        b.label()
    ))
}

/// The change that adds a link.
pub fn add_link(review: &Review, from: &Id, to: &Id, kind: LinkKind) -> Change {
    let link = Link {
        id: review.next_id(RecordKind::Link),
        from: from.clone(),
        to: to.clone(),
        kind,
        note: String::new(),
    };
    Change::one(
        format!("Link: {}", kind.label()),
        Edit::Put(Record::Link(link)),
    )
}

/// The change that takes records off the diagram, keeping them in the
/// review (and out of its presentation stages).
pub fn remove_from_diagram(diagram: &Diagram, ids: &[Id]) -> Option<Change> {
    let mut less = diagram.clone();
    less.nodes.retain(|n| !ids.contains(&n.item));
    for stage in &mut less.stages {
        stage.reveal.retain(|r| !ids.contains(r));
    }
    (less.nodes.len() != diagram.nodes.len())
        .then(|| Change::one("Remove from the map", Edit::Put(Record::Diagram(less))))
}

/// The change that deletes records (nodes or links) with everything that
/// refers to them, as one step.
pub fn delete_all(review: &Review, ids: &[Id]) -> Option<Change> {
    let mut scratch = review.clone();
    let mut edits = Vec::new();
    let mut labels = Vec::new();
    for id in ids {
        let Some(change) = delete_record(&scratch, id) else {
            continue;
        };
        labels.push(change.label.clone());
        let applied = change.clone().apply(&mut scratch);
        if applied.is_err() {
            continue;
        }
        edits.extend(change.edits);
    }
    match labels.len() {
        0 => None,
        1 => Some(Change::many(labels.remove(0), edits)),
        n => Some(Change::many(format!("Delete {n} records"), edits)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creating_renaming_moving_and_deleting_are_single_undoable_changes() {
        let mut review = crate::examples::munro_appendix2();
        let before = review.clone();
        let diagram = review.diagrams[0].clone();
        let create = create_node(
            &review,
            &diagram,
            RecordKind::Variable,
            "  Caseloads ",
            (10.0, 20.0),
        )
        .unwrap();
        let undo = create.apply(&mut review).unwrap();
        assert_eq!(review.variables.last().unwrap().name, "Caseloads");
        assert_eq!(
            review.diagrams[0].position(&Id::from("V16")),
            Some((10.0, 20.0))
        );
        let mut undone = review.clone();
        for inverse in undo {
            inverse.apply(&mut undone).unwrap();
        }
        assert_eq!(undone, before, "creating is one step that undoes exactly");
        assert!(create_node(&review, &diagram, RecordKind::Variable, "  ", (0.0, 0.0)).is_none());
        assert!(rename(&review, &Id::from("V16"), "Caseloads").is_none());
        let moves = HashMap::from([(Id::from("V16"), (33.0, 49.0))]);
        let moved = move_nodes(&review.diagrams[0], &moves, true).unwrap();
        moved.apply(&mut review).unwrap();
        assert_eq!(
            review.diagrams[0].position(&Id::from("V16")),
            Some((40.0, 40.0))
        );
        let gone = delete_all(&review, &[Id::from("V16"), Id::from("V1")]).unwrap();
        assert_eq!(gone.label, "Delete 2 records");
        gone.apply(&mut review).unwrap();
        assert!(review.kind_of(&Id::from("V1")).is_none());
        assert!(
            review
                .links
                .iter()
                .all(|l| l.from != Id::from("V1") && l.to != Id::from("V1"))
        );
    }

    #[test]
    fn the_kind_of_a_drawn_link_follows_the_two_records() {
        let review = crate::examples::worked_case();
        let f = review.factors[0].id.clone();
        let e = review.episodes[0].id.clone();
        let c = review.conditions[0].id.clone();
        let n = review.findings[0].id.clone();
        let v = review.variables[0].id.clone();
        assert_eq!(
            link_choice(&review, &f, &e),
            LinkChoice::Kind(LinkKind::ContributedTo)
        );
        assert_eq!(
            link_choice(&review, &c, &f),
            LinkChoice::Kind(LinkKind::Underlies)
        );
        assert_eq!(
            link_choice(&review, &e, &n),
            LinkChoice::Kind(LinkKind::Evidences)
        );
        assert_eq!(
            link_choice(&review, &v, &review.variables[1].id.clone()),
            LinkChoice::AskPolarity
        );
        assert!(matches!(
            link_choice(&review, &n, &e),
            LinkChoice::Refused(_)
        ));
        assert!(matches!(
            link_choice(&review, &e, &e),
            LinkChoice::Refused(_)
        ));
    }
}
