//! A diagram's layout fitted to the width of a printed page: the reviewers'
//! positions drawn closer together, in proportion, so that the figure's
//! text prints at a readable size, then any nodes brought into each other
//! moved down just far enough to part them. Left-to-right and top-to-bottom
//! order are kept, so the diagram reads as the reviewers drew it.

use foresight_core::diagram::geometry::NODE_WIDTH;
use foresight_core::model::{Diagram, Id};

/// The least room between two nodes once parted, in diagram units.
const GAP: f32 = 16.0;

/// `diagram` with its nodes' centres spanning no more than
/// `max_width - NODE_WIDTH` across (so that the nodes themselves fit in
/// `max_width`), and no two nodes overlapping, where `height` gives each
/// node's height. A diagram narrow enough already is returned as it is.
pub fn fit_width(diagram: &Diagram, max_width: f32, height: impl Fn(&Id) -> f32) -> Diagram {
    let placed: Vec<usize> = (0..diagram.nodes.len())
        .filter(|&i| diagram.nodes[i].x.is_finite() && diagram.nodes[i].y.is_finite())
        .collect();
    let xs = placed.iter().map(|&i| diagram.nodes[i].x);
    let (min_x, max_x) = xs.fold((f32::INFINITY, f32::NEG_INFINITY), |(a, b), x| {
        (a.min(x), b.max(x))
    });
    let span = max_x - min_x;
    let allowed = (max_width - NODE_WIDTH).max(0.0);
    if placed.is_empty() || span <= allowed {
        return diagram.clone();
    }
    let k = allowed / span;
    let min_y = placed
        .iter()
        .map(|&i| diagram.nodes[i].y)
        .fold(f32::INFINITY, f32::min);
    let mut fitted = diagram.clone();
    for &i in &placed {
        let n = &mut fitted.nodes[i];
        n.x = min_x + (n.x - min_x) * k;
        n.y = min_y + (n.y - min_y) * k;
    }
    // Part overlapping nodes, top to bottom: each node moves down below
    // any node above it that it overlaps.
    let heights: Vec<f32> = fitted.nodes.iter().map(|n| height(&n.item)).collect();
    let mut order = placed.clone();
    order.sort_by(|&a, &b| fitted.nodes[a].y.total_cmp(&fitted.nodes[b].y));
    for pass in 0..order.len() {
        let mut moved = false;
        for (at, &i) in order.iter().enumerate() {
            for &j in &order[..at] {
                let (a, b) = (&fitted.nodes[i], &fitted.nodes[j]);
                let apart_x = (a.x - b.x).abs() >= NODE_WIDTH + GAP;
                let need_y = (heights[i] + heights[j]) / 2.0 + GAP;
                if !apart_x && (a.y - b.y).abs() < need_y {
                    let y = b.y + need_y;
                    if y > fitted.nodes[i].y {
                        fitted.nodes[i].y = y;
                        moved = true;
                    }
                }
            }
        }
        if !moved || pass > 64 {
            break;
        }
        order.sort_by(|&a, &b| fitted.nodes[a].y.total_cmp(&fitted.nodes[b].y));
    }
    fitted
}

#[cfg(test)]
mod tests {
    use super::*;
    use foresight_core::model::{DiagramKind, DiagramNode};

    fn diagram(points: &[(f32, f32)]) -> Diagram {
        Diagram {
            id: Id::from("D1"),
            name: "Loops".into(),
            kind: DiagramKind::CausalLoop,
            nodes: points
                .iter()
                .enumerate()
                .map(|(i, &(x, y))| DiagramNode {
                    item: Id::from(format!("V{}", i + 1)),
                    x,
                    y,
                })
                .collect(),
            stages: Vec::new(),
        }
    }

    #[test]
    fn a_wide_diagram_is_drawn_closer_with_no_two_nodes_overlapping_and_its_order_kept() {
        let wide = diagram(&[
            (0.0, 0.0),
            (400.0, 20.0),
            (800.0, 0.0),
            (1200.0, 40.0),
            (600.0, 300.0),
            (0.0, 320.0),
        ]);
        let fitted = fit_width(&wide, 824.0, |_| 80.0);
        let xs: Vec<f32> = fitted.nodes.iter().map(|n| n.x).collect();
        let span = xs.iter().cloned().fold(f32::MIN, f32::max)
            - xs.iter().cloned().fold(f32::MAX, f32::min);
        assert!(span <= 824.0 - NODE_WIDTH + 0.01, "{span}");
        for (i, a) in fitted.nodes.iter().enumerate() {
            for (j, b) in fitted.nodes.iter().enumerate().skip(i + 1) {
                let apart = (a.x - b.x).abs() >= NODE_WIDTH + GAP - 0.01
                    || (a.y - b.y).abs() >= 80.0 + GAP - 0.01;
                assert!(apart, "{i} and {j} overlap: {a:?} {b:?}");
                // Left-to-right order is kept.
                let (ox, fx) = (wide.nodes[i].x - wide.nodes[j].x, a.x - b.x);
                assert!(ox * fx >= 0.0, "{i} and {j} swapped");
            }
        }
    }

    #[test]
    fn a_diagram_that_fits_is_left_as_it_is() {
        let narrow = diagram(&[(0.0, 0.0), (300.0, 0.0)]);
        assert_eq!(fit_width(&narrow, 824.0, |_| 80.0), narrow);
    }
}
