//! Automatic layout of a diagram, as an explicit, undoable command: the
//! result is a change to the diagram's positions (never to the records).
//!
//! - The **"why" layout** of a case map lays the wall of sticky notes out in
//!   layers: practice episodes along the top in date order, the contributing
//!   factors that shaped them beneath (a factor that contributed to another
//!   factor sits below it), the latent conditions at the bottom, and the
//!   findings in a column at the side. Within a layer nodes are ordered by
//!   the barycentre of their neighbours, sweeping down and up, to keep
//!   crossings few, then placed as near their neighbours as the spacing
//!   allows (least squares under the spacing constraint). A layer much wider
//!   than the episodes is staggered over several rows.
//! - The **loop layout** of a causal loop diagram puts the variables that lie
//!   on feedback loops round a circle in loop order (the longest named or
//!   found loop first, then the others' remaining variables next to where
//!   they join), so that loops read round; variables on no loop hang outside
//!   the circle next to what they are linked to.
//!
//! Both leave no two nodes overlapping.

use std::collections::{HashMap, HashSet, VecDeque};

use crate::diagram::geometry::{LABEL_SIZE, NODE_HEIGHT, NODE_WIDTH, label_box, shape_of};
use crate::edit::{Change, Edit};
use crate::model::{Diagram, DiagramKind, DiagramNode, Id, LinkKind, Record, RecordKind, Review};

/// Horizontal distance between neighbouring node centres.
pub const PITCH_X: f32 = NODE_WIDTH + 40.0;
/// Vertical distance between layers' centres.
pub const PITCH_Y: f32 = NODE_HEIGHT + 80.0;
/// Vertical room between the staggered rows of one layer.
const ROW_GAP: f32 = 26.0;
/// Vertical room between layers.
const LAYER_GAP: f32 = 80.0;
/// The label size layouts leave room for: the projector setting's, so
/// that labels wrapped whole in large type still fit between the rows.
const LAYOUT_LABEL: f32 = LABEL_SIZE * 1.25;

/// The height of the node of each record, its whole label wrapped at the
/// projector setting's size.
fn heights(review: &Review, items: &[&Id]) -> Vec<f32> {
    items
        .iter()
        .map(|id| {
            let shape = shape_of(review.kind_of(id));
            let title = review.title_of(id);
            let label = label_box(&title, shape, LAYOUT_LABEL, NODE_WIDTH, |s| {
                crate::diagram::text_width(s, LAYOUT_LABEL)
            });
            label.half.y * 2.0
        })
        .collect()
}
/// The deepest chain of factors below the episodes that gets its own layer.
const MAX_FACTOR_LAYERS: usize = 4;
/// The deepest chain of conditions that gets its own layer.
const MAX_CONDITION_LAYERS: usize = 3;

/// Which layout a diagram gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LayoutKind {
    /// Layers: episodes, factors, conditions; findings at the side.
    Why,
    /// Loops round a circle.
    Loops,
}

impl LayoutKind {
    /// The layout that suits a kind of diagram.
    pub fn for_diagram(kind: DiagramKind) -> LayoutKind {
        match kind {
            DiagramKind::CaseMap => LayoutKind::Why,
            DiagramKind::CausalLoop => LayoutKind::Loops,
        }
    }
}

/// New positions for every node of the diagram, by id.
pub fn layout(review: &Review, diagram: &Diagram, kind: LayoutKind) -> HashMap<Id, (f32, f32)> {
    let items: Vec<&Id> = diagram.nodes.iter().map(|n| &n.item).collect();
    match kind {
        LayoutKind::Why => why_layout(review, &items),
        LayoutKind::Loops => loop_layout(review, &items),
    }
}

/// The change that lays the diagram out (one undoable step), or `None`
/// when the diagram has no nodes.
pub fn layout_change(review: &Review, diagram: &Diagram, kind: LayoutKind) -> Option<Change> {
    if diagram.nodes.is_empty() {
        return None;
    }
    let positions = layout(review, diagram, kind);
    let mut laid = diagram.clone();
    for node in &mut laid.nodes {
        if let Some(&(x, y)) = positions.get(&node.item) {
            (node.x, node.y) = (x, y);
        }
    }
    Some(Change::one("Auto-layout", Edit::Put(Record::Diagram(laid))))
}

/// Links between records of the diagram, as (from, to, kind) indices.
fn edges(review: &Review, index: &HashMap<&Id, usize>) -> Vec<(usize, usize, LinkKind)> {
    review
        .links
        .iter()
        .filter_map(|l| {
            let (&a, &b) = (index.get(&l.from)?, index.get(&l.to)?);
            (a != b).then_some((a, b, l.kind))
        })
        .collect()
}

fn why_layout(review: &Review, items: &[&Id]) -> HashMap<Id, (f32, f32)> {
    let index: HashMap<&Id, usize> = items.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let kinds: Vec<Option<RecordKind>> = items.iter().map(|id| review.kind_of(id)).collect();
    let links = edges(review, &index);
    let n = items.len();

    // Layer of each node: 0 episodes, 1.. factors, then conditions, then
    // anything else (variables); findings are placed apart.
    let mut layer = vec![usize::MAX; n];
    for i in 0..n {
        if kinds[i] == Some(RecordKind::Episode) {
            layer[i] = 0;
        }
    }
    // A factor sits one below the deepest record it contributed to.
    let below = |kind: Option<RecordKind>| kind == Some(RecordKind::Factor);
    let mut depth = vec![0usize; n];
    for _ in 0..MAX_FACTOR_LAYERS {
        let mut changed = false;
        for &(a, b, kind) in &links {
            if kind == LinkKind::ContributedTo && below(kinds[a]) {
                let target = if below(kinds[b]) { depth[b] + 1 } else { 1 };
                let d = target.min(MAX_FACTOR_LAYERS);
                if d > depth[a] {
                    depth[a] = d;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    let factor_layers = (0..n)
        .filter(|&i| below(kinds[i]))
        .map(|i| depth[i].max(1))
        .max()
        .unwrap_or(0);
    for i in 0..n {
        if below(kinds[i]) {
            layer[i] = depth[i].max(1);
        }
    }
    // A condition under another condition sits below it.
    let is_condition = |k: Option<RecordKind>| k == Some(RecordKind::Condition);
    let mut cdepth = vec![0usize; n];
    for _ in 0..MAX_CONDITION_LAYERS {
        let mut changed = false;
        for &(a, b, kind) in &links {
            if kind == LinkKind::Underlies && is_condition(kinds[a]) && is_condition(kinds[b]) {
                let d = (cdepth[b] + 1).min(MAX_CONDITION_LAYERS - 1);
                if d > cdepth[a] {
                    cdepth[a] = d;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    let first_condition = factor_layers + 1;
    let mut last = factor_layers;
    for i in 0..n {
        if is_condition(kinds[i]) {
            layer[i] = first_condition + cdepth[i];
            last = last.max(layer[i]);
        }
    }
    let findings: Vec<usize> = (0..n)
        .filter(|&i| kinds[i] == Some(RecordKind::Finding))
        .collect();
    for i in 0..n {
        if layer[i] == usize::MAX && kinds[i] != Some(RecordKind::Finding) {
            layer[i] = last + 1;
        }
    }
    let layers_count = (0..n)
        .filter(|&i| layer[i] != usize::MAX)
        .map(|i| layer[i] + 1)
        .max()
        .unwrap_or(0);
    let mut layers: Vec<Vec<usize>> = vec![Vec::new(); layers_count];
    for i in 0..n {
        if layer[i] != usize::MAX {
            layers[layer[i]].push(i);
        }
    }

    // Episodes in date order, undated ones after, each group in file order.
    let date_of = |i: usize| match review.record(items[i]) {
        Some(Record::Episode(e)) => e.start.map(|d| d.first_day()),
        _ => None,
    };
    if let Some(top) = layers.first_mut() {
        let mut keyed: Vec<(bool, Option<chrono::NaiveDate>, usize)> = top
            .iter()
            .map(|&i| (date_of(i).is_none(), date_of(i), i))
            .collect();
        keyed.sort();
        *top = keyed.into_iter().map(|(_, _, i)| i).collect();
    }

    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(a, b, _) in &links {
        neighbours[a].push(b);
        neighbours[b].push(a);
    }

    // The widest a layer may be before it is staggered.
    let widest = layers
        .first()
        .map_or(0, |l| l.len())
        .max(((n as f32).sqrt() * 1.6).ceil() as usize)
        .max(6) as f32
        * PITCH_X;
    let rows: Vec<usize> = layers
        .iter()
        .map(|l| ((l.len() as f32 * PITCH_X / widest).ceil() as usize).max(1))
        .collect();
    let pitch = |k: usize| PITCH_X / rows[k] as f32;

    let mut x = vec![0.0f32; n];
    for (k, l) in layers.iter().enumerate() {
        for (j, &i) in l.iter().enumerate() {
            x[i] = j as f32 * pitch(k);
        }
    }
    let placed_layer = |i: usize| layer[i] != usize::MAX;
    // Sweeps: down using the layers above, up using those below, a few
    // times; the episodes keep their date order.
    for sweep in 0..4 {
        let order: Vec<usize> = if sweep % 2 == 0 {
            (1..layers.len()).collect()
        } else {
            (1..layers.len()).rev().collect()
        };
        for k in order {
            let mut keyed: Vec<(f32, usize)> = layers[k]
                .iter()
                .map(|&i| {
                    let near: Vec<f32> = neighbours[i]
                        .iter()
                        .filter(|&&j| placed_layer(j) && layer[j] != k)
                        .filter(|&&j| {
                            if sweep % 2 == 0 {
                                layer[j] < k
                            } else {
                                layer[j] > k
                            }
                        })
                        .map(|&j| x[j])
                        .collect();
                    let want = if near.is_empty() {
                        x[i]
                    } else {
                        near.iter().sum::<f32>() / near.len() as f32
                    };
                    (want, i)
                })
                .collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            layers[k] = keyed.iter().map(|(_, i)| *i).collect();
            let wanted: Vec<f32> = keyed.iter().map(|(w, _)| *w).collect();
            for (j, xj) in spaced(&wanted, pitch(k)).into_iter().enumerate() {
                x[layers[k][j]] = xj;
            }
        }
    }
    // Centre the episodes over what hangs below them when they have room.
    if let Some(top) = layers.first().cloned() {
        let wanted: Vec<f32> = top
            .iter()
            .map(|&i| {
                let near: Vec<f32> = neighbours[i]
                    .iter()
                    .filter(|&&j| placed_layer(j) && layer[j] > 0)
                    .map(|&j| x[j])
                    .collect();
                if near.is_empty() {
                    x[i]
                } else {
                    near.iter().sum::<f32>() / near.len() as f32
                }
            })
            .collect();
        for (j, xj) in spaced(&wanted, pitch(0)).into_iter().enumerate() {
            x[top[j]] = xj;
        }
    }

    let mut out: HashMap<Id, (f32, f32)> = HashMap::new();
    let left = (0..n)
        .filter(|&i| placed_layer(i))
        .map(|i| x[i])
        .fold(f32::INFINITY, f32::min);
    let left = if left.is_finite() { left } else { 0.0 };
    let origin_x = NODE_WIDTH / 2.0 + 40.0 - left;
    // Each layer's rows as tall as its tallest node, so that whole labels
    // fit.
    let height = heights(review, items);
    let mut top = 40.0;
    let mut right = f32::NEG_INFINITY;
    for (k, l) in layers.iter().enumerate() {
        let tallest = l.iter().map(|&i| height[i]).fold(NODE_HEIGHT, f32::max);
        let row_y = tallest + ROW_GAP;
        for (j, &i) in l.iter().enumerate() {
            let row = j % rows[k];
            let at = (x[i] + origin_x, top + tallest / 2.0 + row as f32 * row_y);
            right = right.max(at.0);
            out.insert(items[i].clone(), at);
        }
        if !l.is_empty() {
            top += rows[k] as f32 * row_y - ROW_GAP + LAYER_GAP;
        }
    }
    // Findings in a column at the side, in the order of what they draw on.
    if !findings.is_empty() {
        let column = if right.is_finite() {
            right + PITCH_X + 60.0
        } else {
            origin_x
        };
        let mut keyed: Vec<(f32, f32, usize)> = findings
            .iter()
            .map(|&i| {
                let near: Vec<(f32, f32)> = neighbours[i]
                    .iter()
                    .filter_map(|&j| out.get(items[j]).copied())
                    .collect();
                let m = near.len().max(1) as f32;
                let (sy, sx) = near.iter().fold((0.0, 0.0), |s, p| (s.0 + p.1, s.1 + p.0));
                if near.is_empty() {
                    (f32::INFINITY, 0.0, i)
                } else {
                    (sy / m, sx / m, i)
                }
            })
            .collect();
        keyed.sort_by(|a, b| {
            a.0.total_cmp(&b.0)
                .then(a.1.total_cmp(&b.1))
                .then(a.2.cmp(&b.2))
        });
        let mut top = 40.0;
        for (_, _, i) in keyed {
            out.insert(items[i].clone(), (column, top + height[i] / 2.0));
            top += height[i] + 24.0;
        }
    }
    out
}

/// Positions as near the wanted ones as possible (least squares) while
/// keeping order and at least `gap` apart: pool-adjacent-violators on the
/// wanted positions less the gaps. `wanted` must be sorted.
fn spaced(wanted: &[f32], gap: f32) -> Vec<f32> {
    // Blocks of (sum, count) of shifted values, merged while decreasing.
    let mut blocks: Vec<(f32, usize)> = Vec::new();
    for (i, w) in wanted.iter().enumerate() {
        blocks.push((w - i as f32 * gap, 1));
        while blocks.len() > 1 {
            let (s2, c2) = blocks[blocks.len() - 1];
            let (s1, c1) = blocks[blocks.len() - 2];
            if s1 / c1 as f32 > s2 / c2 as f32 {
                blocks.pop();
                blocks.pop();
                blocks.push((s1 + s2, c1 + c2));
            } else {
                break;
            }
        }
    }
    let mut out = Vec::with_capacity(wanted.len());
    for (sum, count) in blocks {
        let mean = sum / count as f32;
        for _ in 0..count {
            let i = out.len();
            out.push(mean + i as f32 * gap);
        }
    }
    out
}

fn loop_layout(review: &Review, items: &[&Id]) -> HashMap<Id, (f32, f32)> {
    let index: HashMap<&Id, usize> = items.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let n = items.len();
    let links = edges(review, &index);
    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(a, b, _) in &links {
        neighbours[a].push(b);
        neighbours[b].push(a);
    }

    // Named loops wholly on the diagram, longest first: they seed the ring.
    let on = |ids: &[Id]| -> Option<Vec<usize>> {
        ids.iter().map(|id| index.get(id).copied()).collect()
    };
    let mut cycles: Vec<Vec<usize>> = review
        .named_loops
        .iter()
        .filter_map(|l| on(&l.variables))
        .collect();
    cycles.sort_by_key(|c| std::cmp::Reverse(c.len()));

    // The circle: the first loop in order, then each other loop's new
    // variables inserted after the variable where they join it.
    let mut ring: Vec<usize> = Vec::new();
    let mut on_ring = vec![false; n];
    for cycle in &cycles {
        if ring.is_empty() {
            for &v in cycle {
                if !on_ring[v] {
                    on_ring[v] = true;
                    ring.push(v);
                }
            }
            continue;
        }
        let Some(start) = cycle.iter().position(|&v| on_ring[v]) else {
            continue;
        };
        let m = cycle.len();
        let mut anchor = cycle[start];
        let mut pending: Vec<usize> = Vec::new();
        for step in 1..=m {
            let v = cycle[(start + step) % m];
            if on_ring[v] {
                if !pending.is_empty() {
                    let at = ring
                        .iter()
                        .position(|&r| r == anchor)
                        .map_or(ring.len(), |p| p + 1);
                    for (k, &p) in pending.iter().enumerate() {
                        ring.insert(at + k, p);
                        on_ring[p] = true;
                    }
                    pending.clear();
                }
                anchor = v;
            } else {
                pending.push(v);
            }
        }
    }
    // Every other variable on a feedback loop (in a strongly connected
    // part of the causal links) joins the ring after the variable it is
    // reached from, depth first, so that loops stay in order round it.
    let mut graph: petgraph::graph::DiGraph<usize, ()> = petgraph::graph::DiGraph::new();
    let nodes: Vec<_> = (0..n).map(|i| graph.add_node(i)).collect();
    let mut successors: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(a, b, kind) in &links {
        if matches!(kind, LinkKind::Causal { .. }) {
            graph.add_edge(nodes[a], nodes[b], ());
            successors[a].push(b);
        }
    }
    let mut on_loop = vec![false; n];
    let mut parts: Vec<Vec<usize>> = petgraph::algo::tarjan_scc(&graph)
        .into_iter()
        .filter(|c| c.len() > 1)
        .map(|c| c.into_iter().map(|x| graph[x]).collect())
        .collect();
    parts.sort_by_key(|c: &Vec<usize>| (std::cmp::Reverse(c.len()), c.iter().min().copied()));
    for part in &parts {
        for &v in part {
            on_loop[v] = true;
        }
    }
    for part in &parts {
        let mut starts: Vec<usize> = part.iter().copied().filter(|&v| on_ring[v]).collect();
        if starts.is_empty() {
            let first = *part.iter().min().expect("a part has nodes");
            ring.push(first);
            on_ring[first] = true;
            starts.push(first);
        }
        let mut stack: Vec<usize> = starts;
        while let Some(v) = stack.pop() {
            let mut after = ring
                .iter()
                .position(|&r| r == v)
                .map_or(ring.len(), |p| p + 1);
            for &w in successors[v].iter().rev() {
                if on_loop[w] && !on_ring[w] && part.contains(&w) {
                    ring.insert(after, w);
                    after += 1;
                    on_ring[w] = true;
                    stack.push(w);
                }
            }
        }
    }
    let radius = if ring.len() >= 2 {
        let chord = NODE_WIDTH * 0.9 + 40.0;
        (chord / (2.0 * (std::f32::consts::PI / ring.len() as f32).sin())).max(NODE_WIDTH)
    } else {
        0.0
    };
    let centre = (radius + NODE_WIDTH + 80.0, radius + NODE_HEIGHT + 80.0);
    let mut pos: Vec<Option<(f32, f32)>> = vec![None; n];
    let mut angle = vec![0.0f32; n];
    for (k, &v) in ring.iter().enumerate() {
        // Start at the top and go clockwise.
        let a = -std::f32::consts::FRAC_PI_2 + std::f32::consts::TAU * k as f32 / ring.len() as f32;
        angle[v] = a;
        pos[v] = Some((centre.0 + radius * a.cos(), centre.1 + radius * a.sin()));
    }

    // Everything else hangs outside, ring by ring (breadth first from the
    // circle), at the angle of what it is linked to.
    let mut queue: VecDeque<usize> = ring.iter().copied().collect();
    let mut distance = vec![usize::MAX; n];
    for &v in &ring {
        distance[v] = 0;
    }
    let mut hanging: Vec<usize> = Vec::new();
    while let Some(v) = queue.pop_front() {
        let mut next: Vec<usize> = neighbours[v].clone();
        next.sort();
        next.dedup();
        for w in next {
            if distance[w] == usize::MAX {
                distance[w] = distance[v] + 1;
                angle[w] = angle[v];
                hanging.push(w);
                queue.push_back(w);
            }
        }
    }
    // Unconnected parts: a row of their own under everything, each part
    // hung from its first node.
    let mut loose: Vec<usize> = (0..n).filter(|&i| distance[i] == usize::MAX).collect();
    loose.sort();
    let step = NODE_HEIGHT + 70.0;
    for &v in &hanging {
        let r = radius + distance[v] as f32 * (step + 40.0);
        let a = angle[v];
        pos[v] = Some((centre.0 + r * a.cos(), centre.1 + r * a.sin()));
    }
    let bottom = pos
        .iter()
        .flatten()
        .map(|p| p.1)
        .fold(centre.1 + radius, f32::max)
        + PITCH_Y;
    let mut placed_loose: HashSet<usize> = HashSet::new();
    let mut column = 0usize;
    for &v in &loose {
        if placed_loose.contains(&v) {
            continue;
        }
        // Breadth first through this part, laid out in a row.
        let mut part = VecDeque::from([v]);
        placed_loose.insert(v);
        while let Some(u) = part.pop_front() {
            pos[u] = Some((NODE_WIDTH / 2.0 + 40.0 + column as f32 * PITCH_X, bottom));
            column += 1;
            for &w in &neighbours[u] {
                if distance[w] == usize::MAX && placed_loose.insert(w) {
                    part.push_back(w);
                }
            }
        }
    }
    let mut points: Vec<(f32, f32)> = pos.into_iter().map(|p| p.unwrap_or(centre)).collect();
    separate(&mut points, &heights(review, items));
    items
        .iter()
        .zip(points)
        .map(|(id, p)| ((*id).clone(), p))
        .collect()
}

/// Pushes overlapping nodes (of heights `heights`) apart, with a small
/// margin, along the axis where they overlap least, until none overlap.
fn separate(points: &mut [(f32, f32)], heights: &[f32]) {
    let w = NODE_WIDTH + 24.0;
    for _ in 0..200 {
        let mut moved = false;
        // Sort by x so that only nearby pairs are compared.
        let mut order: Vec<usize> = (0..points.len()).collect();
        order.sort_by(|&a, &b| points[a].0.total_cmp(&points[b].0).then(a.cmp(&b)));
        for s in 0..order.len() {
            for t in s + 1..order.len() {
                let (i, j) = (order[s], order[t]);
                let dx = points[j].0 - points[i].0;
                if dx >= w {
                    break;
                }
                let dy = points[j].1 - points[i].1;
                let h = (heights[i] + heights[j]) / 2.0 + 20.0;
                let (ox, oy) = (w - dx.abs(), h - dy.abs());
                if ox <= 0.0 || oy <= 0.0 {
                    continue;
                }
                moved = true;
                if ox * h < oy * w {
                    let push = ox / 2.0 + 0.5;
                    let sign = if dx >= 0.0 { 1.0 } else { -1.0 };
                    points[i].0 -= push * sign;
                    points[j].0 += push * sign;
                } else {
                    let push = oy / 2.0 + 0.5;
                    let sign = if dy > 0.0 || (dy == 0.0 && i < j) {
                        1.0
                    } else {
                        -1.0
                    };
                    points[i].1 -= push * sign;
                    points[j].1 += push * sign;
                }
            }
        }
        if !moved {
            return;
        }
    }
}

/// Every pair of nodes that overlap, for checks.
pub fn overlaps(diagram: &Diagram) -> Vec<(Id, Id)> {
    let mut found = Vec::new();
    let nodes: Vec<&DiagramNode> = diagram.nodes.iter().collect();
    for (k, a) in nodes.iter().enumerate() {
        for b in &nodes[k + 1..] {
            if (a.x - b.x).abs() < NODE_WIDTH && (a.y - b.y).abs() < NODE_HEIGHT {
                found.push((a.item.clone(), b.item.clone()));
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{Size, synthetic_review};

    fn laid_out(review: &Review, diagram: usize, kind: LayoutKind) -> Diagram {
        let change = layout_change(review, &review.diagrams[diagram], kind).unwrap();
        let mut copy = review.clone();
        change.apply(&mut copy).unwrap();
        copy.diagrams[diagram].clone()
    }

    fn y_of(d: &Diagram, id: &Id) -> f32 {
        d.position(id).unwrap().1
    }

    #[test]
    fn the_worked_case_map_is_layered_with_episodes_in_date_order() {
        let review = crate::examples::worked_case();
        let d = laid_out(&review, 0, LayoutKind::Why);
        assert_eq!(overlaps(&d), vec![]);
        assert_eq!(d.nodes.len(), review.diagrams[0].nodes.len());
        let of = |kind: RecordKind| -> Vec<&DiagramNode> {
            d.nodes
                .iter()
                .filter(|n| review.kind_of(&n.item) == Some(kind))
                .collect()
        };
        let (episodes, factors, conditions, findings) = (
            of(RecordKind::Episode),
            of(RecordKind::Factor),
            of(RecordKind::Condition),
            of(RecordKind::Finding),
        );
        // Layers ordered: every episode above every factor, every factor
        // above every condition.
        let lowest_episode = episodes.iter().map(|n| n.y).fold(f32::MIN, f32::max);
        let highest_factor = factors.iter().map(|n| n.y).fold(f32::MAX, f32::min);
        let lowest_factor = factors.iter().map(|n| n.y).fold(f32::MIN, f32::max);
        let highest_condition = conditions.iter().map(|n| n.y).fold(f32::MAX, f32::min);
        assert!(lowest_episode < highest_factor);
        assert!(lowest_factor < highest_condition);
        // Episodes left to right in date order.
        let mut by_x = episodes.clone();
        by_x.sort_by(|a, b| a.x.total_cmp(&b.x));
        let dates: Vec<chrono::NaiveDate> = by_x
            .iter()
            .map(|n| match review.record(&n.item) {
                Some(Record::Episode(e)) => e.start.unwrap().first_day(),
                _ => unreachable!(),
            })
            .collect();
        assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
        assert!(
            episodes.iter().all(|n| (n.y - episodes[0].y).abs() < 0.01),
            "one row"
        );
        // Findings at the side, right of everything else.
        let rightmost = d
            .nodes
            .iter()
            .filter(|n| review.kind_of(&n.item) != Some(RecordKind::Finding))
            .map(|n| n.x)
            .fold(f32::MIN, f32::max);
        assert!(findings.iter().all(|n| n.x > rightmost + NODE_WIDTH));
        // A factor sits below what it contributed to.
        for link in review
            .links
            .iter()
            .filter(|l| l.kind == LinkKind::ContributedTo)
        {
            if d.position(&link.from).is_some() && d.position(&link.to).is_some() {
                assert!(y_of(&d, &link.from) > y_of(&d, &link.to), "{}", link.id);
            }
        }
    }

    #[test]
    fn undated_episodes_follow_dated_ones_and_a_factor_chain_goes_deeper() {
        use crate::model::{ContributingFactor, Link, PracticeEpisode, ReviewDate};
        let mut review = Review::new("t");
        let episode = |id: &str, start: Option<ReviewDate>| PracticeEpisode {
            id: Id::from(id),
            title: id.into(),
            start,
            ..Default::default()
        };
        review.episodes = vec![
            episode("E1", None),
            episode("E2", ReviewDate::month(2021, 5)),
            episode("E3", ReviewDate::day(2020, 1, 9)),
        ];
        for f in ["F1", "F2"] {
            review.factors.push(ContributingFactor {
                id: Id::from(f),
                ..Default::default()
            });
        }
        for (id, from, to) in [("K1", "F1", "E2"), ("K2", "F2", "F1")] {
            review.links.push(Link {
                id: Id::from(id),
                from: Id::from(from),
                to: Id::from(to),
                kind: LinkKind::ContributedTo,
                note: String::new(),
            });
        }
        review.diagrams.push(Diagram {
            id: Id::from("D1"),
            nodes: ["E1", "E2", "E3", "F1", "F2"]
                .iter()
                .map(|id| DiagramNode {
                    item: Id::from(*id),
                    x: 0.0,
                    y: 0.0,
                })
                .collect(),
            ..Default::default()
        });
        let d = laid_out(&review, 0, LayoutKind::Why);
        let x = |id: &str| d.position(&Id::from(id)).unwrap().0;
        assert!(x("E3") < x("E2") && x("E2") < x("E1"));
        assert!(y_of(&d, &Id::from("F2")) > y_of(&d, &Id::from("F1")));
        assert_eq!(overlaps(&d), vec![]);
    }

    #[test]
    fn the_munro_loops_stay_round_and_nothing_overlaps() {
        let review = crate::examples::munro_appendix2();
        let d = laid_out(&review, 0, LayoutKind::Loops);
        assert_eq!(overlaps(&d), vec![]);
        // The variables of the longest named loop (R1) sit round a circle:
        // their distances from its centre are all alike.
        let r1 = &review.named_loops[2].variables;
        let points: Vec<(f32, f32)> = r1.iter().map(|v| d.position(v).unwrap()).collect();
        let cx = points.iter().map(|p| p.0).sum::<f32>() / points.len() as f32;
        let cy = points.iter().map(|p| p.1).sum::<f32>() / points.len() as f32;
        let radii: Vec<f32> = points.iter().map(|p| (p.0 - cx).hypot(p.1 - cy)).collect();
        let (lo, hi) = radii
            .iter()
            .fold((f32::MAX, f32::MIN), |m, r| (m.0.min(*r), m.1.max(*r)));
        assert!(hi - lo < 0.35 * hi, "{radii:?}");
        // A variable on no loop (staff turnover) is outside the circle.
        let (tx, ty) = d.position(&Id::from("V7")).unwrap();
        assert!((tx - cx).hypot(ty - cy) > hi);
    }

    #[test]
    fn a_large_generated_map_lays_out_without_overlaps() {
        let review = synthetic_review(
            Size {
                entries: 0,
                variables: 0,
                ..Size::STRESS
            },
            3,
        );
        let d = laid_out(&review, 0, LayoutKind::Why);
        assert_eq!(overlaps(&d), vec![]);
        let mut cld = review.clone();
        cld.diagrams[0].nodes.truncate(80);
        let d = laid_out(&cld, 0, LayoutKind::Loops);
        assert_eq!(overlaps(&d), vec![]);
    }

    #[test]
    fn spacing_keeps_order_and_gaps_and_stays_near_the_wish() {
        let out = spaced(&[0.0, 0.0, 0.0], 10.0);
        assert_eq!(out, vec![-10.0, 0.0, 10.0]);
        let out = spaced(&[0.0, 100.0], 10.0);
        assert_eq!(out, vec![0.0, 100.0]);
    }
}
