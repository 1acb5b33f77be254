//! Routing a figure's links: each link's path round the nodes in its way
//! (a cheapest-path search over a grid of bends, within a budget), where
//! its S/O mark sits, and where a loop's label fits.

use super::*;

/// The node boxes sorted by left edge, for finding quickly those near a
/// segment.
pub(super) struct BoxIndex<'b> {
    boxes: &'b [NodeBox],
    /// Box indices by left edge.
    order: Vec<usize>,
    lefts: Vec<f32>,
    widest: f32,
}

impl<'b> BoxIndex<'b> {
    pub(super) fn new(boxes: &'b [NodeBox]) -> BoxIndex<'b> {
        let mut order: Vec<usize> = (0..boxes.len()).collect();
        order.sort_by(|&a, &b| boxes[a].min().x.total_cmp(&boxes[b].min().x));
        let lefts = order.iter().map(|&i| boxes[i].min().x).collect();
        let widest = boxes.iter().map(|b| 2.0 * b.half.x).fold(0.0, f32::max);
        BoxIndex {
            boxes,
            order,
            lefts,
            widest,
        }
    }

    /// The boxes that may reach into the span `lo..hi` across, grown by
    /// `margin`.
    pub(super) fn near(&self, lo: f32, hi: f32, margin: f32) -> impl Iterator<Item = usize> + '_ {
        let from = self
            .lefts
            .partition_point(|&l| l < lo - self.widest - margin);
        let to = self.lefts.partition_point(|&l| l <= hi + margin);
        self.order[from..to.max(from)].iter().copied()
    }

    /// True when the segment from `p` to `q` enters a box other than
    /// those in `skip`, grown by `margin`.
    pub(super) fn blocked(&self, p: Point, q: Point, skip: (usize, usize), margin: f32) -> bool {
        self.near(p.x.min(q.x), p.x.max(q.x), margin)
            .filter(|&i| i != skip.0 && i != skip.1)
            .any(|i| segment_hits_box(p, q, &self.boxes[i], margin))
    }

    /// True when `p` is inside a box other than those in `skip`, grown by
    /// `margin`.
    fn inside(&self, p: Point, skip: (usize, usize), margin: f32) -> bool {
        self.near(p.x, p.x, margin)
            .filter(|&i| i != skip.0 && i != skip.1)
            .any(|i| self.boxes[i].distance_to(p) < margin)
    }
}

/// The route of one link: straight when nothing is in the way, otherwise
/// the shortest path round the corners of the nodes in the way. `None`
/// when the two nodes overlap too much for a line between them.
pub(super) fn route_link(
    (from, to): ((NodeShape, &NodeBox), (NodeShape, &NodeBox)),
    ends: (usize, usize),
    shift: f32,
    index: &BoxIndex,
    style: &FigureStyle,
    budget: &mut usize,
) -> Option<Vec<Point>> {
    let straight = link_shape(from, to, shift, style.arrow);
    if let Some(s) = &straight
        && (!style.route || !index.blocked(s.start, s.tip, ends, LINK_CLEARANCE))
    {
        return Some(vec![s.start, s.tip]);
    }
    let mut waypoints = (style.route)
        .then(|| search_route(from.1.centre, to.1.centre, ends, index, budget))
        .flatten();
    let Some(points) = waypoints.as_mut() else {
        return straight.map(|s| vec![s.start, s.tip]);
    };
    if shift != 0.0 {
        // Two links between the same nodes: the second one's bends beside
        // the first one's.
        let across = (to.1.centre - from.1.centre).normalized().perpendicular() * shift;
        for p in points.iter_mut() {
            let moved = *p + across;
            if !index.inside(moved, ends, LINK_CLEARANCE) {
                *p = moved;
            }
        }
    }
    let first = *points.first()?;
    let last = *points.last()?;
    let start = foresight_core::diagram::geometry::border_point(from.0, from.1, first, 0.0);
    let tip = border_point(to.0, to.1, last, 1.5);
    let mut route = Vec::with_capacity(points.len() + 2);
    route.push(start);
    route.extend(points.iter().copied());
    route.push(tip);
    Some(route)
}

/// An entry of the route search's queue.
#[derive(PartialEq)]
pub(super) struct Open(f32, usize);

impl Eq for Open {}

impl PartialOrd for Open {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Open {
    fn cmp(&self, other: &Self) -> Ordering {
        other.0.total_cmp(&self.0).then(other.1.cmp(&self.1))
    }
}

/// The bends of the shortest path from the centre `a` to the centre `b`
/// (nodes `ends`) that keeps clear of every other node, going round their
/// corners; `None` when no such path is found within the search's budget.
pub(super) fn search_route(
    a: Point,
    b: Point,
    ends: (usize, usize),
    index: &BoxIndex,
    budget: &mut usize,
) -> Option<Vec<Point>> {
    for reach in [400.0, 1_200.0, f32::INFINITY] {
        let lo = pt(a.x.min(b.x) - reach, a.y.min(b.y) - reach);
        let hi = pt(a.x.max(b.x) + reach, a.y.max(b.y) + reach);
        let mut points = vec![a, b];
        for i in index.near(lo.x, hi.x, 0.0) {
            if i == ends.0 || i == ends.1 {
                continue;
            }
            let n = &index.boxes[i];
            if n.max().y < lo.y || n.min().y > hi.y {
                continue;
            }
            let (min, max) = (n.min(), n.max());
            let p = CORNER_PAD;
            for c in [
                pt(min.x - p, min.y - p),
                pt(max.x + p, min.y - p),
                pt(max.x + p, max.y + p),
                pt(min.x - p, max.y + p),
            ] {
                if !index.inside(c, ends, LINK_CLEARANCE + 1.0) {
                    points.push(c);
                }
            }
        }
        if let Some(path) = shortest(&points, ends, index, budget) {
            return Some(path);
        }
        if reach.is_infinite() {
            break;
        }
    }
    None
}

/// A* over the visibility graph of `points` (0 the start, 1 the goal):
/// the bends of the path found, without its two ends.
pub(super) fn shortest(
    points: &[Point],
    ends: (usize, usize),
    index: &BoxIndex,
    budget: &mut usize,
) -> Option<Vec<Point>> {
    let n = points.len();
    let goal = points[1];
    let mut cost = vec![f32::INFINITY; n];
    let mut came = vec![usize::MAX; n];
    let mut closed = vec![false; n];
    let mut open = BinaryHeap::new();
    cost[0] = 0.0;
    open.push(Open(points[0].distance(goal), 0));
    let mut work = 0usize;
    while let Some(Open(_, u)) = open.pop() {
        if closed[u] {
            continue;
        }
        if u == 1 {
            let mut path = Vec::new();
            let mut at = came[1];
            while at != 0 {
                path.push(points[at]);
                at = came[at];
            }
            path.reverse();
            return Some(path);
        }
        closed[u] = true;
        for v in 1..n {
            if closed[v] || v == u {
                continue;
            }
            let step = points[u].distance(points[v]) + if v == 1 { 0.0 } else { BEND_COST };
            let g = cost[u] + step;
            if g >= cost[v] {
                continue;
            }
            work += 1;
            if work > ROUTE_BUDGET || *budget == 0 {
                return None;
            }
            *budget -= 1;
            if index.blocked(points[u], points[v], ends, LINK_CLEARANCE) {
                continue;
            }
            cost[v] = g;
            came[v] = u;
            open.push(Open(g + points[v].distance(goal), v));
        }
    }
    None
}

/// Where a link's S/O mark goes: beside the middle of `leg` on its left,
/// or, when that covers a node or another mark, further along or on the
/// right.
pub(super) fn mark_position(
    leg: &LinkShape,
    boxes: &[NodeBox],
    marks: &[Point],
    radius: f32,
) -> Point {
    let v = leg.tip - leg.start;
    let mut first = None;
    for t in [0.5, 0.38, 0.62, 0.28, 0.72] {
        for side in [1.0, -1.0] {
            let p = leg.start + v * t + leg.side * (side * (radius + 3.0));
            first.get_or_insert(p);
            let on_node = boxes.iter().any(|b| b.distance_to(p) < radius + 1.0);
            let on_mark = marks.iter().any(|m| m.distance(p) < 2.0 * radius + 2.0);
            if !on_node && !on_mark {
                return p;
            }
        }
    }
    first.unwrap_or(leg.middle)
}

/// How far a loop label at `p` is from overlapping anything: links, marks,
/// other labels and nodes (negative when it overlaps).
pub(super) fn badge_clearance(
    p: Point,
    boxes: &[NodeBox],
    segments: &[(Point, Point)],
    marks: &[Point],
    badges: &[Point],
    style: &FigureStyle,
) -> f32 {
    let r = style.badge_radius + 2.0;
    let mut clear = f32::INFINITY;
    for (a, b) in segments {
        clear = clear.min(segment_distance(p, *a, *b) - r - 2.0);
    }
    for m in marks {
        clear = clear.min(m.distance(p) - r - style.mark_radius - 2.0);
    }
    for b in badges {
        clear = clear.min(b.distance(p) - 2.0 * r - 2.0);
    }
    for b in boxes {
        clear = clear.min(b.distance_to(p) - r);
    }
    clear
}

/// Where a loop's label goes: inside the loop as far from everything as
/// possible; when nothing inside is clear, the clear point nearest the
/// loop's middle.
pub(super) fn badge_place(
    centres: &[Point],
    boxes: &[NodeBox],
    segments: &[(Point, Point)],
    marks: &[Point],
    badges: &[Point],
    style: &FigureStyle,
) -> Point {
    let obstacles: Vec<Point> = marks.iter().chain(badges).copied().collect();
    let first = badge_position(centres, boxes, segments, &obstacles, style.badge_radius);
    let clearance = |p: Point| badge_clearance(p, boxes, segments, marks, badges, style);
    if clearance(first) >= 0.0 {
        return first;
    }
    let n = centres.len().max(1) as f32;
    let middle = centres.iter().fold(pt(0.0, 0.0), |s, p| s + *p) * (1.0 / n);
    let step = (style.badge_radius * 0.5).max(4.0);
    // Rings of points round the middle, nearest first.
    let mut best: Option<(f32, Point)> = None;
    for ring in 1..400 {
        let r = ring as f32 * step;
        let count = ((std::f32::consts::TAU * r / step).ceil() as usize).max(8);
        for k in 0..count {
            let a = std::f32::consts::TAU * k as f32 / count as f32;
            let p = middle + pt(a.cos(), a.sin()) * r;
            let c = clearance(p);
            if c >= 0.0 {
                return p;
            }
            if best.is_none_or(|(b, _)| c > b) {
                best = Some((c, p));
            }
        }
    }
    best.map_or(first, |(_, p)| p)
}
