//! Step-by-step presentation of a diagram: which records are on screen at
//! each stage.
//!
//! A stage lists the records it reveals. At stage `k` every node revealed by
//! stages `0..=k` is shown. A link is shown once both its ends are shown,
//! unless a stage lists the link itself, in which case it waits for that
//! stage (a trainer can close a loop one step after its variables appear).

use std::collections::HashSet;

use crate::model::{Diagram, Id, Review};

/// The records (nodes and links) shown at a stage of a diagram. With no
/// stages, or a stage index past the last, everything on the diagram is
/// shown.
pub fn visible_at(review: &Review, diagram: &Diagram, stage: usize) -> HashSet<Id> {
    let on_diagram: HashSet<&Id> = diagram.nodes.iter().map(|n| &n.item).collect();
    let mut shown: HashSet<Id> = HashSet::new();
    let everything = diagram.stages.is_empty() || stage >= diagram.stages.len();
    if everything {
        shown.extend(on_diagram.iter().map(|id| (*id).clone()));
    } else {
        for revealed in &diagram.stages[..=stage] {
            shown.extend(
                revealed
                    .reveal
                    .iter()
                    .filter(|id| on_diagram.contains(id))
                    .cloned(),
            );
        }
    }
    let listed_later: HashSet<&Id> = if everything {
        HashSet::new()
    } else {
        diagram.stages[stage + 1..]
            .iter()
            .flat_map(|s| &s.reveal)
            .collect()
    };
    let listed_by_now: HashSet<&Id> = if everything {
        HashSet::new()
    } else {
        diagram.stages[..=stage]
            .iter()
            .flat_map(|s| &s.reveal)
            .collect()
    };
    let links: Vec<Id> = review
        .links
        .iter()
        .filter(|l| shown.contains(&l.from) && shown.contains(&l.to))
        .filter(|l| listed_by_now.contains(&l.id) || !listed_later.contains(&l.id))
        .map(|l| l.id.clone())
        .collect();
    shown.extend(links);
    shown
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Stage;

    #[test]
    fn munro_stages_build_up_to_the_whole_diagram() {
        let review = crate::examples::munro_appendix2();
        let diagram = &review.diagrams[0];
        assert_eq!(diagram.stages.len(), 5);
        let counts: Vec<(usize, usize)> = (0..5)
            .map(|k| {
                let shown = visible_at(&review, diagram, k);
                let links = shown
                    .iter()
                    .filter(|id| id.as_str().starts_with('K'))
                    .count();
                (shown.len() - links, links)
            })
            .collect();
        // Variables and links after each stage: the single loop, ripple
        // effect 1, requisite variety, the double loop, ripple effect 2.
        assert_eq!(counts, vec![(5, 5), (9, 9), (11, 11), (13, 14), (15, 17)]);
        assert_eq!(visible_at(&review, diagram, 99).len(), 15 + 17);
    }

    #[test]
    fn a_link_listed_in_a_later_stage_waits_for_it() {
        let mut review = crate::examples::munro_appendix2();
        let diagram = &mut review.diagrams[0];
        // Close the compliance loop (K5) one stage after its variables appear.
        diagram.stages.insert(
            1,
            Stage {
                title: "Close the loop".into(),
                notes: String::new(),
                reveal: vec![Id::from("K5")],
            },
        );
        let diagram = review.diagrams[0].clone();
        assert!(!visible_at(&review, &diagram, 0).contains(&Id::from("K5")));
        assert!(visible_at(&review, &diagram, 1).contains(&Id::from("K5")));
    }
}
