//! Elbow routes for the links of a figure laid out in rows: each link
//! leaves its node's top or bottom edge, runs to a lane of its own in the
//! gap between the two rows, across, and into the other node's facing
//! edge. A link between adjacent rows so drawn never runs under a node,
//! whatever the nodes' widths and heights; two links never share a lane,
//! so none seems to join another.

use std::collections::HashMap;

use foresight_core::diagram::geometry::{NodeBox, Point, pt};

/// The most room between two lanes, and between two links' ends on one
/// edge, in diagram units.
const LANE: f32 = 8.0;
const PORT: f32 = 14.0;
/// Room left between an arrow's tip and the node it points at.
const TIP_GAP: f32 = 2.0;

/// The route of each link `(from, to)` between nodes `boxes`, as the
/// points of a path from the start to the arrow's tip; `None` for a link
/// whose two nodes are in the same row (their centres at the same height),
/// which is drawn straight.
pub fn elbow_routes(boxes: &[NodeBox], links: &[(usize, usize)]) -> Vec<Option<Vec<Point>>> {
    let row_of = |i: usize| (boxes[i].centre.y * 2.0).round() as i64;
    // Each row's band: the lowest top and the highest bottom of its nodes.
    let mut bands: HashMap<i64, (f32, f32)> = HashMap::new();
    for (i, b) in boxes.iter().enumerate() {
        let band = bands
            .entry(row_of(i))
            .or_insert((f32::INFINITY, f32::NEG_INFINITY));
        band.0 = band.0.min(b.min().y);
        band.1 = band.1.max(b.max().y);
    }
    // The ends on each node's top and bottom edges, ordered by where the
    // other end is, so that links leaving one edge do not cross there.
    let mut ends: HashMap<(usize, bool), Vec<(f32, usize)>> = HashMap::new();
    // The links in each gap between two rows, by the upper row.
    let mut gaps: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    for (k, &(a, b)) in links.iter().enumerate() {
        let (ra, rb) = (row_of(a), row_of(b));
        if ra == rb {
            continue;
        }
        let a_above = ra < rb;
        ends.entry((a, !a_above))
            .or_default()
            .push((boxes[b].centre.x, k));
        ends.entry((b, a_above))
            .or_default()
            .push((boxes[a].centre.x, k));
        gaps.entry((ra.min(rb), ra.max(rb))).or_default().push(k);
    }
    // Where on its edge each link's end is: spread about the edge's middle.
    let mut port: HashMap<(usize, usize), f32> = HashMap::new();
    for ((node, _), list) in &mut ends {
        list.sort_by(|x, y| x.0.total_cmp(&y.0));
        let spread = PORT.min(boxes[*node].half.x * 1.2 / list.len().max(1) as f32);
        let count = list.len() as f32;
        for (j, &(_, k)) in list.iter().enumerate() {
            let x = boxes[*node].centre.x + (j as f32 - (count - 1.0) / 2.0) * spread;
            port.insert((*node, k), x);
        }
    }
    // Each link's lane in its gap.
    let mut lane: HashMap<usize, f32> = HashMap::new();
    for ((upper, lower), list) in &mut gaps {
        let top = bands[upper].1;
        let bottom = bands[lower].0;
        let room = (bottom - top).max(0.0);
        let count = list.len() as f32;
        let step = LANE.min(room * 0.7 / count.max(1.0));
        let middle = (top + bottom) / 2.0;
        // Lanes in the order of the links' leftmost ends.
        list.sort_by(|&x, &y| {
            let left = |k: usize| {
                let (a, b) = links[k];
                port[&(a, k)].min(port[&(b, k)])
            };
            left(x).total_cmp(&left(y))
        });
        for (j, &k) in list.iter().enumerate() {
            lane.insert(k, middle + (j as f32 - (count - 1.0) / 2.0) * step);
        }
    }
    links
        .iter()
        .enumerate()
        .map(|(k, &(a, b))| {
            let y = *lane.get(&k)?;
            let down = row_of(a) < row_of(b);
            let (from, to) = (&boxes[a], &boxes[b]);
            let start = pt(
                port[&(a, k)],
                if down { from.max().y } else { from.min().y },
            );
            let tip = pt(
                port[&(b, k)],
                if down {
                    to.min().y - TIP_GAP
                } else {
                    to.max().y + TIP_GAP
                },
            );
            Some(if (start.x - tip.x).abs() < 0.5 {
                vec![start, pt(start.x, tip.y)]
            } else {
                vec![start, pt(start.x, y), pt(tip.x, y), tip]
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(x: f32, y: f32, h: f32) -> NodeBox {
        NodeBox {
            centre: pt(x, y),
            half: pt(100.0, h / 2.0),
        }
    }

    /// True when the segment passes through the inside of the box (more
    /// than a hair from its border).
    fn crosses(a: Point, b: Point, n: &NodeBox) -> bool {
        (0..=100).any(|i| {
            let t = i as f32 / 100.0;
            let p = a + (b - a) * t;
            p.x > n.min().x + 0.5
                && p.x < n.max().x - 0.5
                && p.y > n.min().y + 0.5
                && p.y < n.max().y - 0.5
        })
    }

    #[test]
    fn links_between_rows_never_run_under_a_node() {
        // Two rows of three, of different heights; every node of the lower
        // row linked to every node of the upper one.
        let boxes = vec![
            node(0.0, 0.0, 80.0),
            node(240.0, 0.0, 160.0),
            node(480.0, 0.0, 100.0),
            node(0.0, 200.0, 220.0),
            node(240.0, 200.0, 90.0),
            node(480.0, 200.0, 120.0),
        ];
        let links: Vec<(usize, usize)> = (3..6)
            .flat_map(|from| (0..3).map(move |to| (from, to)))
            .collect();
        let routes = elbow_routes(&boxes, &links);
        let mut lanes = Vec::new();
        for (route, &(a, b)) in routes.iter().zip(&links) {
            let route = route.as_ref().expect("rows differ");
            // Starts on the lower node's top, ends just under the upper's
            // bottom.
            assert!((route[0].y - boxes[a].min().y).abs() < 1e-3);
            assert!((route.last().unwrap().y - boxes[b].max().y - TIP_GAP).abs() < 1e-3);
            for pair in route.windows(2) {
                for (i, n) in boxes.iter().enumerate() {
                    assert!(!crosses(pair[0], pair[1], n), "{a}→{b} crosses node {i}");
                }
            }
            if route.len() == 4 {
                lanes.push(route[1].y);
            }
        }
        // Each horizontal run has a lane of its own.
        lanes.sort_by(f32::total_cmp);
        lanes.dedup();
        assert_eq!(
            lanes.len(),
            routes.iter().flatten().filter(|r| r.len() == 4).count()
        );
    }

    #[test]
    fn a_link_within_a_row_is_left_straight() {
        let boxes = vec![node(0.0, 0.0, 80.0), node(240.0, 0.0, 80.0)];
        assert_eq!(elbow_routes(&boxes, &[(0, 1)]), vec![None]);
    }
}
