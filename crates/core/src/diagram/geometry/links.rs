//! The look of links: their shape between two nodes (straight, or bent
//! round the nodes in their way) with arrowheads, delay strokes and S/O
//! marks, hit tests along them, and the loop labels drawn inside loops.

use super::*;

/// One link drawn between two nodes.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkShape {
    /// Where the line starts, on the first node's border.
    pub start: Point,
    /// The tip of the arrowhead, on the second node's border.
    pub tip: Point,
    /// Where the line meets the arrowhead.
    pub base: Point,
    /// The arrowhead: tip and the two back corners.
    pub head: [Point; 3],
    /// The middle of the line (for the S/O mark and hover tests).
    pub middle: Point,
    /// The unit vector to the left of the direction of travel.
    pub side: Point,
}

/// Sizes of a link's marks, in the same units as the boxes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ArrowSize {
    /// Arrowhead length.
    pub length: f32,
    /// Arrowhead half width.
    pub half_width: f32,
}

/// The geometry of a link from `from` to `to`; `shift` moves it sideways (so
/// that links both ways between two nodes are drawn side by side). `None`
/// when the nodes overlap too much to draw a line.
pub fn link_shape(
    from: (NodeShape, &NodeBox),
    to: (NodeShape, &NodeBox),
    shift: f32,
    arrow: ArrowSize,
) -> Option<LinkShape> {
    let along = to.1.centre - from.1.centre;
    if along.length() < 1e-3 {
        return None;
    }
    let normal = along.normalized().perpendicular() * shift;
    let mut a = *from.1;
    a.centre = a.centre + normal;
    let mut b = *to.1;
    b.centre = b.centre + normal;
    let start = border_point(from.0, &a, b.centre, 0.0);
    let tip = border_point(to.0, &b, a.centre, TIP_GAP);
    if (tip - start).dot(along) <= 0.0 {
        return None;
    }
    arrow_leg(start, tip, arrow)
}

/// A straight line from `start` to an arrowhead at `tip`, its middle half
/// way; `None` when it is too short to draw.
pub fn arrow_leg(start: Point, tip: Point, arrow: ArrowSize) -> Option<LinkShape> {
    let v = tip - start;
    let length = v.length();
    if length < 2.0 {
        return None;
    }
    let dir = v * (1.0 / length);
    let head = arrow.length.min(length * 0.5);
    let base = tip - dir * head;
    let side = dir.perpendicular();
    Some(LinkShape {
        start,
        tip,
        base,
        head: [
            tip,
            base + side * arrow.half_width,
            base - side * arrow.half_width,
        ],
        middle: start + v * 0.5,
        side,
    })
}

/// True when the segment from `a` to `b` passes through `node` (grown by
/// `margin` all round).
pub fn segment_crosses(a: Point, b: Point, node: &NodeBox, margin: f32) -> bool {
    let (min, max) = (
        node.min() - pt(margin, margin),
        node.max() + pt(margin, margin),
    );
    // Most nodes are nowhere near the segment: its bounding box says so.
    let apart = a.x.max(b.x) <= min.x
        || a.x.min(b.x) >= max.x
        || a.y.max(b.y) <= min.y
        || a.y.min(b.y) >= max.y;
    if apart {
        return false;
    }
    let steps = ((b - a).length() / 4.0).ceil().clamp(8.0, 400.0) as usize;
    (0..=steps).any(|i| {
        let p = a + (b - a) * (i as f32 / steps as f32);
        p.x > min.x && p.x < max.x && p.y > min.y && p.y < max.y
    })
}

/// Where a link from `from` to `to` should bend so that neither of its
/// two legs runs under any of `others`: the nearest clear point on the
/// line across the middle of the two nodes, or `None` when the straight
/// line is clear already (or no bend within reach is).
pub fn bend_around(from: &NodeBox, to: &NodeBox, others: &[NodeBox]) -> Option<Point> {
    const MARGIN: f32 = 6.0;
    let clear = |a: Point, b: Point| !others.iter().any(|n| segment_crosses(a, b, n, MARGIN));
    let (a, b) = (from.centre, to.centre);
    // Only the part of the line outside the two nodes matters.
    let outside = |p: Point, q: Point| {
        let d = q - p;
        let l = d.length().max(1e-3);
        (
            p + d * (from.half.length().min(l * 0.45) / l),
            q - d * (to.half.length().min(l * 0.45) / l),
        )
    };
    let (s, t) = outside(a, b);
    if clear(s, t) {
        return None;
    }
    let middle = (a + b) * 0.5;
    let across = (b - a).normalized().perpendicular();
    for k in 1..=12 {
        for sign in [1.0, -1.0] {
            let bend = middle + across * (sign * k as f32 * 30.0);
            let (s1, _) = outside(a, bend);
            let (_, t2) = outside(bend, b);
            if clear(s1, bend) && clear(bend, t2) {
                return Some(bend);
            }
        }
    }
    None
}

/// A link from `from` to `to` bent at `bend`: where its first leg starts,
/// and the second leg (from the bend to the arrow's tip) as a
/// [`LinkShape`], its middle at the bend for the S/O mark.
pub fn bent_link_shape(
    from: (NodeShape, &NodeBox),
    to: (NodeShape, &NodeBox),
    bend: Point,
    arrow: ArrowSize,
) -> Option<(Point, LinkShape)> {
    let start = border_point(from.0, from.1, bend, 0.0);
    let tip = border_point(to.0, to.1, bend, TIP_GAP);
    let leg = arrow_leg(bend, tip, arrow)?;
    Some((
        start,
        LinkShape {
            middle: bend,
            ..leg
        },
    ))
}

/// The two short strokes of a delay mark (‖) across a link, a little before
/// its middle; `half` is half the stroke length.
pub fn delay_strokes(link: &LinkShape, half: f32) -> [[Point; 2]; 2] {
    let v = link.tip - link.start;
    let at = link.start + v * 0.36;
    let dir = v.normalized();
    let gap = half * 0.45;
    [-gap, gap].map(|k| {
        let c = at + dir * k;
        [c - link.side * half, c + link.side * half]
    })
}

/// Where the S/O mark of a causal link goes: beside the middle of the line,
/// on its left.
pub fn polarity_mark(link: &LinkShape, radius: f32) -> Point {
    link.middle + link.side * (radius + 3.0)
}

/// Whether a point is inside the polygon through `corners` (even-odd rule).
pub fn inside(p: Point, corners: &[Point]) -> bool {
    let mut result = false;
    if corners.is_empty() {
        return false;
    }
    let mut j = corners.len() - 1;
    for i in 0..corners.len() {
        let (a, b) = (corners[i], corners[j]);
        if (a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x {
            result = !result;
        }
        j = i;
    }
    result
}

/// The distance from a point to a line segment.
pub fn segment_distance(p: Point, a: Point, b: Point) -> f32 {
    let ab = b - a;
    let t = ((p - a).dot(ab) / ab.dot(ab).max(1e-6)).clamp(0.0, 1.0);
    p.distance(a + ab * t)
}

/// Where to put a loop's label: inside the loop (the polygon through the
/// centres of its nodes; beside the links of a loop of two), as far as
/// possible from every node, link and label or mark already placed
/// (`badges`).
pub fn badge_position(
    centres: &[Point],
    obstacles: &[NodeBox],
    segments: &[(Point, Point)],
    badges: &[Point],
    radius: f32,
) -> Point {
    let n = centres.len().max(1) as f32;
    let sum = centres.iter().fold(pt(0.0, 0.0), |s, p| s + *p);
    let middle = sum * (1.0 / n);
    if centres.len() < 2 {
        return middle;
    }
    let (mut min, mut max) = (centres[0], centres[0]);
    for c in centres {
        min = pt(min.x.min(c.x), min.y.min(c.y));
        max = pt(max.x.max(c.x), max.y.max(c.y));
    }
    let clearance = |p: Point| {
        let nodes = obstacles
            .iter()
            .map(|r| r.distance_to(p))
            .fold(f32::INFINITY, f32::min);
        let labels = badges
            .iter()
            .map(|b| b.distance(p) - 2.0 * radius)
            .fold(f32::INFINITY, f32::min);
        let links = segments
            .iter()
            .map(|(a, b)| segment_distance(p, *a, *b))
            .fold(f32::INFINITY, f32::min);
        nodes.min(labels).min(links)
    };
    if centres.len() == 2 {
        // A loop of two: its links run side by side between the two, so
        // the label goes beside them, on the clearer side.
        let across = (centres[1] - centres[0]).normalized().perpendicular();
        let mut best = (f32::NEG_INFINITY, middle);
        for k in 1..=16 {
            for sign in [1.0, -1.0] {
                let p = middle + across * (sign * k as f32 * radius * 0.5);
                let score = clearance(p).min(radius * 1.5) - 0.02 * p.distance(middle);
                if score > best.0 {
                    best = (score, p);
                }
            }
        }
        return best.1;
    }
    let mut best = (clearance(middle), middle);
    let steps = 16;
    for i in 0..=steps {
        for j in 0..=steps {
            let p = pt(
                min.x + (max.x - min.x) * i as f32 / steps as f32,
                min.y + (max.y - min.y) * j as f32 / steps as f32,
            );
            if !inside(p, centres) {
                continue;
            }
            // Prefer the middle when clearances are alike.
            let score = clearance(p) - 0.05 * p.distance(middle);
            if score > best.0 {
                best = (score, p);
            }
        }
    }
    best.1
}

/// True when the loop through these points turns clockwise on screen.
pub fn clockwise(centres: &[Point]) -> bool {
    let area: f32 = (0..centres.len())
        .map(|i| {
            let (a, b) = (centres[i], centres[(i + 1) % centres.len()]);
            a.x * b.y - b.x * a.y
        })
        .sum();
    area >= 0.0
}

/// The circular arrow around a loop label: the points of the arc and the
/// arrowhead at its end, turning the way the loop does.
pub fn badge_arc(middle: Point, radius: f32, clockwise: bool) -> (Vec<Point>, [Point; 3]) {
    let sweep = std::f32::consts::TAU * 0.8;
    let start = -std::f32::consts::FRAC_PI_2 + 0.35;
    let turn = if clockwise { 1.0 } else { -1.0 };
    let points: Vec<Point> = (0..=24)
        .map(|i| {
            let a = start + turn * sweep * i as f32 / 24.0;
            middle + pt(a.cos(), a.sin()) * radius
        })
        .collect();
    let tip = points[points.len() - 1];
    let before = points[points.len() - 2];
    let dir = (tip - before).normalized();
    let side = dir.perpendicular() * (radius * 0.28);
    (
        points,
        [tip + dir * (radius * 0.35), tip + side, tip - side],
    )
}
