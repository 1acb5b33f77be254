//! A diagram too large to read on one page, divided into parts that can be
//! printed one to a page.
//!
//! The drawing is cut into a grid of strips by where the nodes' centres
//! are: columns of nodes are found by their horizontal positions (a node
//! starts a new column when its centre is at least [`NODE_WIDTH`] to the
//! right of the first centre of the column before), rows likewise with
//! [`NODE_HEIGHT`], and consecutive columns (rows) are gathered into as few
//! strips as keep each within the limit, the columns shared out evenly.
//!
//! Links between two parts are cut: neither part holds them, so neither
//! draws them, and a named loop whose variables fall in two parts loses
//! its label. A report that prints the parts should say that the figure is
//! divided and where to find the whole.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::scene::placed_nodes;
use foresight_core::diagram::geometry::{NODE_HEIGHT, NODE_WIDTH};
use foresight_core::model::{Diagram, Id, Review};

/// The parts of a diagram, each at most `max_across` node columns wide and
/// `max_down` node rows high (a limit of 0 counts as 1), in reading order
/// (top strip first, left to right). Each part holds the ids of its nodes
/// and of the links with both ends in it; pass one as
/// [`SceneOptions::visible`](super::scene::SceneOptions::visible) to draw
/// it. Empty cells of the grid are left out. A diagram that fits (and an
/// empty one) gives one part with every node and link drawn. Nodes that
/// [`diagram_scene`](super::scene::diagram_scene) leaves out (no record,
/// position not a number, a second node of the same record) are in no
/// part. Links between parts are in no part: they are cut.
pub fn split_parts(
    review: &Review,
    diagram: &Diagram,
    max_across: usize,
    max_down: usize,
) -> Vec<HashSet<Id>> {
    let placed = placed_nodes(review, diagram, None);
    let cuts_x = cuts(placed.iter().map(|p| p.b.centre.x), NODE_WIDTH, max_across);
    let cuts_y = cuts(placed.iter().map(|p| p.b.centre.y), NODE_HEIGHT, max_down);
    let strip = |cuts: &[f32], v: f32| cuts.iter().filter(|c| v >= **c).count();

    let mut cells: BTreeMap<(usize, usize), HashSet<Id>> = BTreeMap::new();
    let mut cell_of: HashMap<&Id, (usize, usize)> = HashMap::new();
    for p in &placed {
        let cell = (strip(&cuts_y, p.b.centre.y), strip(&cuts_x, p.b.centre.x));
        cell_of.insert(p.id, cell);
        cells.entry(cell).or_default().insert(p.id.clone());
    }
    for link in &review.links {
        if let (Some(a), Some(b)) = (cell_of.get(&link.from), cell_of.get(&link.to))
            && a == b
            && let Some(part) = cells.get_mut(a)
        {
            part.insert(link.id.clone());
        }
    }
    let parts: Vec<HashSet<Id>> = cells.into_values().collect();
    if parts.is_empty() {
        vec![HashSet::new()]
    } else {
        parts
    }
}

/// Where to cut positions `values` so that no strip holds more than `max`
/// bands (a band starts at the first position at least `pitch` past the
/// start of the band before): the start of the first band of each strip
/// after the first, ascending.
fn cuts(values: impl Iterator<Item = f32>, pitch: f32, max: usize) -> Vec<f32> {
    let mut sorted: Vec<f32> = values.collect();
    sorted.sort_by(f32::total_cmp);
    let mut starts: Vec<f32> = Vec::new();
    for v in sorted {
        if starts.last().is_none_or(|s| v >= s + pitch) {
            starts.push(v);
        }
    }
    let n = starts.len().div_ceil(max.max(1)).max(1);
    (1..n).map(|k| starts[k * starts.len() / n]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::scene::{SceneOptions, diagram_scene};
    use foresight_core::model::{DiagramNode, Link, LinkKind, Polarity, Variable};

    /// Variables in a grid of `across` × `down` at the auto-layout's
    /// pitch, each linked to its right and lower neighbours.
    fn grid(across: usize, down: usize) -> Review {
        let mut review = Review::default();
        let mut diagram = Diagram {
            id: Id::from("D1"),
            name: "Grid".into(),
            ..Default::default()
        };
        let name = |c: usize, r: usize| Id::from(format!("V{}", r * across + c + 1).as_str());
        for r in 0..down {
            for c in 0..across {
                review.variables.push(Variable {
                    id: name(c, r),
                    name: format!("Variable {c},{r}"),
                    ..Default::default()
                });
                diagram.nodes.push(DiagramNode {
                    item: name(c, r),
                    x: 240.0 * c as f32 + 3.0 * r as f32,
                    y: 160.0 * r as f32 - 2.0 * c as f32,
                });
            }
        }
        let mut k = 0;
        for r in 0..down {
            for c in 0..across {
                for (c2, r2) in [(c + 1, r), (c, r + 1)] {
                    if c2 < across && r2 < down {
                        k += 1;
                        review.links.push(Link {
                            id: Id::from(format!("K{k}").as_str()),
                            from: name(c, r),
                            to: name(c2, r2),
                            kind: LinkKind::Causal {
                                polarity: Polarity::Same,
                                delay: false,
                            },
                            note: String::new(),
                        });
                    }
                }
            }
        }
        review.diagrams.push(diagram);
        review
    }

    fn everything(review: &Review) -> HashSet<Id> {
        let d = &review.diagrams[0];
        let on = |id: &Id| d.nodes.iter().any(|n| &n.item == id);
        d.nodes
            .iter()
            .map(|n| n.item.clone())
            .chain(
                review
                    .links
                    .iter()
                    .filter(|l| on(&l.from) && on(&l.to))
                    .map(|l| l.id.clone()),
            )
            .collect()
    }

    #[test]
    fn a_diagram_that_fits_is_one_part_with_everything() {
        let review = foresight_core::examples::munro_appendix2();
        let parts = split_parts(&review, &review.diagrams[0], 20, 20);
        assert_eq!(parts, vec![everything(&review)]);
        let review = grid(3, 2);
        assert_eq!(
            split_parts(&review, &review.diagrams[0], 3, 2),
            vec![everything(&review)]
        );
        let empty = Review::default();
        assert_eq!(
            split_parts(&empty, &Diagram::default(), 2, 2),
            vec![HashSet::new()]
        );
    }

    #[test]
    fn a_large_grid_is_cut_into_parts_within_the_limits() {
        let review = grid(6, 5);
        let d = &review.diagrams[0];
        let parts = split_parts(&review, d, 2, 2);
        // Six columns in three strips, five rows in three (2, 2, 1 or so).
        assert_eq!(parts.len(), 9);
        let position = |id: &Id| d.position(id).unwrap();
        let mut nodes_seen = 0;
        for part in &parts {
            let nodes: Vec<&Id> = part
                .iter()
                .filter(|id| id.as_str().starts_with('V'))
                .collect();
            nodes_seen += nodes.len();
            let columns: HashSet<i32> = nodes
                .iter()
                .map(|id| (position(id).0 / 240.0).round() as i32)
                .collect();
            let rows: HashSet<i32> = nodes
                .iter()
                .map(|id| (position(id).1 / 160.0).round() as i32)
                .collect();
            assert!(columns.len() <= 2 && rows.len() <= 2, "{part:?}");
            // Links are kept only with both ends in the part.
            for link in &review.links {
                let inside = part.contains(&link.from) && part.contains(&link.to);
                assert_eq!(part.contains(&link.id), inside, "{}", link.id.as_str());
            }
        }
        assert_eq!(nodes_seen, 30, "every node is in exactly one part");
        // Reading order: the first part is the top-left corner.
        assert!(parts[0].contains(&Id::from("V1")));
        // Some links are cut.
        let kept: usize = parts
            .iter()
            .map(|p| p.iter().filter(|id| id.as_str().starts_with('K')).count())
            .sum();
        assert!(kept < review.links.len());

        // A part drawn on its own holds just its records.
        let scene = diagram_scene(
            &review,
            d,
            &SceneOptions {
                visible: Some(&parts[0]),
                high_contrast: false,
                legend: false,
                legend_width: None,
                measure: &|s: &str, size: f32, _| s.chars().count() as f32 * size * 0.5,
                elbow_links: false,
            },
        );
        assert_eq!(scene.items.len(), parts[0].len());
    }

    #[test]
    fn limits_of_zero_count_as_one_and_strips_are_shared_evenly() {
        let review = grid(5, 1);
        let parts = split_parts(&review, &review.diagrams[0], 0, 0);
        assert_eq!(parts.len(), 5);
        assert!(parts.iter().all(|p| p.len() == 1));
        let sizes: Vec<usize> = split_parts(&review, &review.diagrams[0], 2, 1)
            .iter()
            .map(|p| p.iter().filter(|id| id.as_str().starts_with('V')).count())
            .collect();
        assert_eq!(sizes.iter().sum::<usize>(), 5);
        assert_eq!(sizes.len(), 3);
        assert!(sizes.iter().all(|s| (1..=2).contains(s)), "{sizes:?}");
    }
}
