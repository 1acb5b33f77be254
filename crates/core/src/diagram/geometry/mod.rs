//! The look of a diagram as plain geometry, shared by the canvas on screen
//! and by the SVG and PNG exports, so that a figure pasted into a report
//! looks like the map the panel worked on: node shapes and colours by kind,
//! where a link leaves and enters a node's border, arrowheads, the S/O mark
//! and the delay strokes, and where a loop's label goes.

mod links;

pub use links::*;

use std::ops::{Add, Mul, Sub};

use crate::model::{LinkKind, RecordKind};

/// Width of a node in diagram units.
pub const NODE_WIDTH: f32 = 200.0;
/// Height of a node in diagram units.
pub const NODE_HEIGHT: f32 = 80.0;
/// Label size in diagram units at normal text size.
pub const LABEL_SIZE: f32 = 15.0;
/// The most lines a node's label wraps to before it is elided.
pub const LABEL_LINES: usize = 3;
/// The gap left between a link's arrow tip and the node border.
const TIP_GAP: f32 = 1.5;

/// A point (or a vector) in diagram units, y downwards.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Point {
    /// Horizontal coordinate.
    pub x: f32,
    /// Vertical coordinate (downwards).
    pub y: f32,
}

/// Shorthand for [`Point`] construction.
pub const fn pt(x: f32, y: f32) -> Point {
    Point { x, y }
}

impl Point {
    /// Length as a vector.
    pub fn length(self) -> f32 {
        self.x.hypot(self.y)
    }

    /// The unit vector in the same direction (zero stays zero).
    pub fn normalized(self) -> Point {
        let l = self.length();
        if l > 1e-6 { self * (1.0 / l) } else { self }
    }

    /// The vector turned a quarter to the left on screen.
    pub fn perpendicular(self) -> Point {
        pt(-self.y, self.x)
    }

    /// Dot product.
    pub fn dot(self, other: Point) -> f32 {
        self.x * other.x + self.y * other.y
    }

    /// Distance to another point.
    pub fn distance(self, other: Point) -> f32 {
        (self - other).length()
    }
}

impl Add for Point {
    type Output = Point;
    fn add(self, o: Point) -> Point {
        pt(self.x + o.x, self.y + o.y)
    }
}

impl Sub for Point {
    type Output = Point;
    fn sub(self, o: Point) -> Point {
        pt(self.x - o.x, self.y - o.y)
    }
}

impl Mul<f32> for Point {
    type Output = Point;
    fn mul(self, k: f32) -> Point {
        pt(self.x * k, self.y * k)
    }
}

/// The smallest box holding every box given as its top-left and
/// bottom-right corners; `None` when none is given.
pub fn enclosing(corners: impl IntoIterator<Item = (Point, Point)>) -> Option<(Point, Point)> {
    corners.into_iter().reduce(|(a, b), (lo, hi)| {
        (
            pt(a.x.min(lo.x), a.y.min(lo.y)),
            pt(b.x.max(hi.x), b.y.max(hi.y)),
        )
    })
}

/// An axis-aligned box given by its centre and half size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NodeBox {
    /// Centre.
    pub centre: Point,
    /// Half the width and half the height.
    pub half: Point,
}

impl NodeBox {
    /// The box of a node of the standard size centred at `(x, y)`.
    pub fn at(x: f32, y: f32) -> NodeBox {
        NodeBox {
            centre: pt(x, y),
            half: pt(NODE_WIDTH / 2.0, NODE_HEIGHT / 2.0),
        }
    }

    /// The box scaled about the origin (diagram units to screen points).
    pub fn scaled(self, k: f32, offset: Point) -> NodeBox {
        NodeBox {
            centre: self.centre * k + offset,
            half: self.half * k,
        }
    }

    /// Top-left corner.
    pub fn min(&self) -> Point {
        self.centre - self.half
    }

    /// Bottom-right corner.
    pub fn max(&self) -> Point {
        self.centre + self.half
    }

    /// The distance from a point to the box (zero inside).
    pub fn distance_to(&self, p: Point) -> f32 {
        let dx = ((p.x - self.centre.x).abs() - self.half.x).max(0.0);
        let dy = ((p.y - self.centre.y).abs() - self.half.y).max(0.0);
        dx.hypot(dy)
    }
}

/// The shape a node is drawn in, one per kind of record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeShape {
    /// A practice episode: a box with well-rounded corners.
    Rounded,
    /// A contributing factor: a plain box.
    Plain,
    /// A latent condition: a hexagon.
    Hexagon,
    /// A finding: a sheet with a folded corner.
    Note,
    /// A causal-loop variable: an ellipse.
    Ellipse,
}

/// The shape of a node of a kind.
pub fn shape_of(kind: Option<RecordKind>) -> NodeShape {
    match kind {
        Some(RecordKind::Episode) => NodeShape::Rounded,
        Some(RecordKind::Condition) => NodeShape::Hexagon,
        Some(RecordKind::Finding) => NodeShape::Note,
        Some(RecordKind::Variable) => NodeShape::Ellipse,
        _ => NodeShape::Plain,
    }
}

/// A colour as red, green, blue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`, for SVG.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// Fill and border colours of a node of a kind. `high_contrast` is the
/// projector palette: paler fills, darker borders.
pub fn node_colours(kind: Option<RecordKind>, high_contrast: bool) -> (Rgb, Rgb) {
    let (fill, border, strong) = match kind {
        Some(RecordKind::Episode) => (Rgb(210, 228, 255), Rgb(50, 90, 170), Rgb(10, 50, 140)),
        Some(RecordKind::Factor) => (Rgb(255, 226, 184), Rgb(180, 110, 20), Rgb(130, 65, 0)),
        Some(RecordKind::Condition) => (Rgb(230, 216, 255), Rgb(105, 75, 170), Rgb(70, 30, 140)),
        Some(RecordKind::Finding) => (Rgb(205, 236, 205), Rgb(40, 125, 55), Rgb(0, 90, 20)),
        Some(RecordKind::Variable) => (Rgb(255, 246, 190), Rgb(150, 130, 30), Rgb(95, 80, 0)),
        _ => (Rgb(230, 230, 230), Rgb(110, 110, 110), Rgb(40, 40, 40)),
    };
    if high_contrast {
        let pale = |c: u8| (c as u16 + (255 - c as u16) / 2) as u8;
        (Rgb(pale(fill.0), pale(fill.1), pale(fill.2)), strong)
    } else {
        (fill, border)
    }
}

/// The colour of a link of a kind.
pub fn link_colour(kind: LinkKind, high_contrast: bool) -> Rgb {
    match (kind, high_contrast) {
        (LinkKind::Causal { .. }, false) => Rgb(55, 55, 55),
        (LinkKind::Causal { .. }, true) => Rgb(0, 0, 0),
        (LinkKind::ContributedTo, false) => Rgb(180, 110, 20),
        (LinkKind::ContributedTo, true) => Rgb(130, 65, 0),
        (LinkKind::Underlies, false) => Rgb(105, 75, 170),
        (LinkKind::Underlies, true) => Rgb(70, 30, 140),
        (LinkKind::Evidences, false) => Rgb(40, 125, 55),
        (LinkKind::Evidences, true) => Rgb(0, 90, 20),
    }
}

/// True when links of this kind are drawn dashed (evidence for a finding
/// is a reference, not an influence).
pub fn dashed(kind: LinkKind) -> bool {
    kind == LinkKind::Evidences
}

/// The outline of a node's shape as a closed polygon, clockwise on screen.
/// Ellipses and rounded corners are approximated closely enough to draw.
pub fn outline(shape: NodeShape, b: &NodeBox) -> Vec<Point> {
    let (c, h) = (b.centre, b.half);
    match shape {
        NodeShape::Plain => vec![
            pt(c.x - h.x, c.y - h.y),
            pt(c.x + h.x, c.y - h.y),
            pt(c.x + h.x, c.y + h.y),
            pt(c.x - h.x, c.y + h.y),
        ],
        NodeShape::Rounded => {
            let r = rounding(b);
            let corners = [
                (pt(c.x + h.x - r, c.y - h.y + r), -90.0f32),
                (pt(c.x + h.x - r, c.y + h.y - r), 0.0),
                (pt(c.x - h.x + r, c.y + h.y - r), 90.0),
                (pt(c.x - h.x + r, c.y - h.y + r), 180.0),
            ];
            let mut points = Vec::with_capacity(28);
            for (centre, start) in corners {
                for i in 0..=6 {
                    let a = (start + 15.0 * i as f32).to_radians();
                    points.push(centre + pt(a.cos(), a.sin()) * r);
                }
            }
            points
        }
        NodeShape::Hexagon => {
            // The points' depth follows the height up to a standard node's,
            // so that a tall node keeps room for its label.
            let inset = h.y.min(NODE_HEIGHT / 2.0) * 0.55;
            vec![
                pt(c.x - h.x + inset, c.y - h.y),
                pt(c.x + h.x - inset, c.y - h.y),
                pt(c.x + h.x, c.y),
                pt(c.x + h.x - inset, c.y + h.y),
                pt(c.x - h.x + inset, c.y + h.y),
                pt(c.x - h.x, c.y),
            ]
        }
        NodeShape::Note => {
            let fold = h.y * 0.45;
            vec![
                pt(c.x - h.x, c.y - h.y),
                pt(c.x + h.x - fold, c.y - h.y),
                pt(c.x + h.x, c.y - h.y + fold),
                pt(c.x + h.x, c.y + h.y),
                pt(c.x - h.x, c.y + h.y),
            ]
        }
        NodeShape::Ellipse => (0..32)
            .map(|i| {
                let a = std::f32::consts::TAU * i as f32 / 32.0;
                c + pt(a.cos() * h.x, a.sin() * h.y)
            })
            .collect(),
    }
}

/// The corner radius of an episode's rounded box.
pub fn rounding(b: &NodeBox) -> f32 {
    (b.half.y * 0.9).min(b.half.x)
}

/// The corners of a hexagon or a note, without allocating.
fn corners(shape: NodeShape, b: &NodeBox) -> ([Point; 6], usize) {
    let (c, h) = (b.centre, b.half);
    if shape == NodeShape::Hexagon {
        let inset = h.y * 0.55;
        (
            [
                pt(c.x - h.x + inset, c.y - h.y),
                pt(c.x + h.x - inset, c.y - h.y),
                pt(c.x + h.x, c.y),
                pt(c.x + h.x - inset, c.y + h.y),
                pt(c.x - h.x + inset, c.y + h.y),
                pt(c.x - h.x, c.y),
            ],
            6,
        )
    } else {
        let fold = h.y * 0.45;
        (
            [
                pt(c.x - h.x, c.y - h.y),
                pt(c.x + h.x - fold, c.y - h.y),
                pt(c.x + h.x, c.y - h.y + fold),
                pt(c.x + h.x, c.y + h.y),
                pt(c.x - h.x, c.y + h.y),
                pt(c.x - h.x, c.y + h.y),
            ],
            5,
        )
    }
}

/// The fold line of a finding's folded corner: from the top edge to the
/// right edge, through the inside corner.
pub fn note_fold(b: &NodeBox) -> [Point; 3] {
    let (c, h) = (b.centre, b.half);
    let fold = h.y * 0.45;
    [
        pt(c.x + h.x - fold, c.y - h.y),
        pt(c.x + h.x - fold, c.y - h.y + fold),
        pt(c.x + h.x, c.y - h.y + fold),
    ]
}

/// The width labels may take inside a node of a shape, as a share of the
/// node's width.
pub fn label_width_share(shape: NodeShape) -> f32 {
    match shape {
        NodeShape::Ellipse => 0.74,
        NodeShape::Hexagon => 0.78,
        _ => 0.9,
    }
}

/// Where the ray from the centre of a node towards `toward` leaves its
/// shape, moved `gap` further out.
pub fn border_point(shape: NodeShape, b: &NodeBox, toward: Point, gap: f32) -> Point {
    let c = b.centre;
    let d = toward - c;
    if d.length() < 1e-3 {
        return c;
    }
    let rect_exit = || {
        let tx = if d.x.abs() > 1e-6 {
            b.half.x / d.x.abs()
        } else {
            f32::INFINITY
        };
        let ty = if d.y.abs() > 1e-6 {
            b.half.y / d.y.abs()
        } else {
            f32::INFINITY
        };
        tx.min(ty)
    };
    let t = match shape {
        NodeShape::Ellipse => {
            let (ax, ay) = (d.x / b.half.x.max(1e-3), d.y / b.half.y.max(1e-3));
            1.0 / (ax * ax + ay * ay).sqrt()
        }
        NodeShape::Plain => rect_exit(),
        NodeShape::Rounded => {
            // The box, unless the ray leaves through a rounded corner.
            let t = rect_exit();
            let r = rounding(b);
            let p = d * t;
            let (cx, cy) = (b.half.x - r, b.half.y - r);
            if p.x.abs() > cx && p.y.abs() > cy {
                let corner = pt(cx * p.x.signum(), cy * p.y.signum());
                // |d·t − corner| = r, the far root.
                let (qa, qb, qc) = (d.dot(d), -2.0 * d.dot(corner), corner.dot(corner) - r * r);
                let disc = (qb * qb - 4.0 * qa * qc).max(0.0);
                (-qb + disc.sqrt()) / (2.0 * qa)
            } else {
                t
            }
        }
        NodeShape::Hexagon | NodeShape::Note => {
            let (corners, n) = corners(shape, b);
            ray_exit(c, d, &corners[..n])
        }
    };
    let exit = c + d * t.min(1.0);
    exit + d.normalized() * gap
}

/// The parameter `t` at which `origin + t·dir` crosses the polygon's edge
/// (the smallest positive crossing).
fn ray_exit(origin: Point, dir: Point, polygon: &[Point]) -> f32 {
    let mut best = f32::INFINITY;
    for i in 0..polygon.len() {
        let a = polygon[i];
        let b = polygon[(i + 1) % polygon.len()];
        let e = b - a;
        let denom = dir.x * e.y - dir.y * e.x;
        if denom.abs() < 1e-9 {
            continue;
        }
        let w = a - origin;
        let t = (w.x * e.y - w.y * e.x) / denom;
        let u = (w.x * dir.y - w.y * dir.x) / denom;
        if t > 0.0 && (-1e-4..=1.0 + 1e-4).contains(&u) {
            best = best.min(t);
        }
    }
    if best.is_finite() { best } else { 1.0 }
}

/// Room left above and below a label inside a node of a shape, in
/// diagram units at `size`: more for an ellipse or hexagon, whose sides
/// close in.
fn label_padding(shape: NodeShape, text_height: f32) -> f32 {
    match shape {
        NodeShape::Ellipse => text_height * 1.45 + 16.0,
        NodeShape::Hexagon => text_height + 30.0,
        _ => text_height + 22.0,
    }
}

/// A node's whole label and the size of node that holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeLabel {
    /// The label's lines, every word of the title in order (never cut).
    pub lines: Vec<String>,
    /// Half the width and half the height of the node.
    pub half: Point,
}

/// The lines of `title` set at `size` in a node of `shape`, and the node's
/// size: `width` wide (wider when one word alone needs it) and at least
/// [`NODE_HEIGHT`] tall, taller by as many lines as the title needs. No
/// word is cut and nothing is elided. `measure` gives a text's width at
/// `size`.
pub fn label_box(
    title: &str,
    shape: NodeShape,
    size: f32,
    width: f32,
    measure: impl Fn(&str) -> f32,
) -> NodeLabel {
    let share = label_width_share(shape);
    let widest_word = title
        .split_whitespace()
        .map(&measure)
        .fold(0.0f32, f32::max);
    let width = width.max((widest_word + 2.0) / share);
    let lines = wrap_label(title, width * share, usize::MAX, &measure);
    let text = size * 1.2 * lines.len().max(1) as f32;
    let height = NODE_HEIGHT.max(label_padding(shape, text));
    NodeLabel {
        lines,
        half: pt(width / 2.0, height / 2.0),
    }
}

/// True when the segment from `a` to `b` enters `node` grown by `margin`
/// all round (touching its edge does not count).
pub fn segment_hits_box(a: Point, b: Point, node: &NodeBox, margin: f32) -> bool {
    let min = node.min() - pt(margin, margin);
    let max = node.max() + pt(margin, margin);
    let d = b - a;
    let (mut t0, mut t1) = (0.0f32, 1.0f32);
    for (p, dp, lo, hi) in [(a.x, d.x, min.x, max.x), (a.y, d.y, min.y, max.y)] {
        if dp.abs() < 1e-9 {
            if p <= lo || p >= hi {
                return false;
            }
            continue;
        }
        let (mut u0, mut u1) = ((lo - p) / dp, (hi - p) / dp);
        if u0 > u1 {
            std::mem::swap(&mut u0, &mut u1);
        }
        t0 = t0.max(u0);
        t1 = t1.min(u1);
        if t0 >= t1 {
            return false;
        }
    }
    // A mere graze of a corner is not entering.
    (t1 - t0) * d.length() > 0.5
}

/// Wraps a label into at most `max_lines` lines no wider than `width`
/// (measured by `measure`), eliding the last line with "…" when the text
/// does not fit. Words longer than a line are broken.
pub fn wrap_label(
    text: &str,
    width: f32,
    max_lines: usize,
    measure: impl Fn(&str) -> f32,
) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut overflow = false;
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if measure(&candidate) <= width {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
            if lines.len() == max_lines {
                overflow = true;
                break;
            }
        }
        // The word alone may still be too long: break it.
        let mut piece = String::new();
        for ch in word.chars() {
            piece.push(ch);
            if measure(&piece) > width && piece.chars().count() > 1 {
                piece.pop();
                lines.push(std::mem::take(&mut piece));
                piece.push(ch);
                if lines.len() == max_lines {
                    overflow = true;
                    break;
                }
            }
        }
        if overflow {
            break;
        }
        current = piece;
    }
    if !overflow && !current.is_empty() {
        if lines.len() == max_lines {
            overflow = true;
        } else {
            lines.push(current);
        }
    }
    if overflow && let Some(last) = lines.last_mut() {
        while !last.is_empty() && measure(&format!("{last}…")) > width {
            last.pop();
        }
        let trimmed = last.trim_end().to_string();
        *last = format!("{trimmed}…");
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_that_would_run_under_a_node_bends_around_it() {
        let from = NodeBox::at(0.0, 0.0);
        let to = NodeBox::at(600.0, 0.0);
        let between = NodeBox::at(300.0, 10.0);
        let bend = bend_around(&from, &to, &[between]).expect("a bend");
        let (start, leg) = bent_link_shape(
            (NodeShape::Ellipse, &from),
            (NodeShape::Ellipse, &to),
            bend,
            ARROW_TEST,
        )
        .unwrap();
        assert!(!segment_crosses(start, leg.start, &between, 0.0));
        assert!(!segment_crosses(leg.start, leg.tip, &between, 0.0));
        // A clear line stays straight.
        assert_eq!(bend_around(&from, &to, &[NodeBox::at(300.0, 200.0)]), None);
    }

    const ARROW_TEST: ArrowSize = ArrowSize {
        length: 13.0,
        half_width: 5.0,
    };

    #[test]
    fn the_label_of_a_loop_of_two_sits_beside_its_links_clear_of_their_marks() {
        let centres = [pt(0.0, 0.0), pt(0.0, 300.0)];
        let marks = [pt(-12.0, 150.0), pt(12.0, 150.0)];
        let segments = [
            (pt(-7.0, 40.0), pt(-7.0, 260.0)),
            (pt(7.0, 260.0), pt(7.0, 40.0)),
        ];
        let boxes = [NodeBox::at(0.0, 0.0), NodeBox::at(0.0, 300.0)];
        let radius = 14.0;
        let at = badge_position(&centres, &boxes, &segments, &marks, radius);
        for m in marks {
            assert!(
                at.distance(m) >= 2.0 * radius,
                "{at:?} covers the mark at {m:?}"
            );
        }
        for (a, b) in segments {
            assert!(segment_distance(at, a, b) >= radius, "{at:?} on a link");
        }
        assert!(
            at.distance(pt(0.0, 150.0)) < 200.0,
            "{at:?} stays near its loop"
        );
    }

    #[test]
    fn links_stop_at_the_border_of_each_shape() {
        let b = NodeBox::at(100.0, 100.0);
        // Straight right: every shape but the hexagon and ellipse is as
        // wide as its box at mid-height; all reach the box's right edge.
        for shape in [
            NodeShape::Plain,
            NodeShape::Rounded,
            NodeShape::Hexagon,
            NodeShape::Note,
            NodeShape::Ellipse,
        ] {
            let p = border_point(shape, &b, pt(500.0, 100.0), 0.0);
            assert!(
                (p.x - 200.0).abs() < 0.5 && (p.y - 100.0).abs() < 0.01,
                "{shape:?} {p:?}"
            );
        }
        // Straight down: the bottom edge.
        let p = border_point(NodeShape::Ellipse, &b, pt(100.0, 400.0), 0.0);
        assert!((p.y - 140.0).abs() < 0.01);
        // Towards a corner, a rounded box's border lies on its outline.
        let round = border_point(NodeShape::Rounded, &b, pt(300.0, 200.0), 0.0);
        let poly = outline(NodeShape::Rounded, &b);
        let d = (0..poly.len())
            .map(|i| segment_distance(round, poly[i], poly[(i + 1) % poly.len()]))
            .fold(f32::INFINITY, f32::min);
        assert!(d < 0.3, "{round:?} is {d} from the outline");
        // Towards a corner, a hexagon's border is well inside the box.
        let corner = border_point(NodeShape::Hexagon, &b, pt(300.0, 200.0), 0.0);
        assert!(corner.x < 200.0 - 5.0 && corner.y < 140.0);
        // And the point found lies on the outline.
        let poly = outline(NodeShape::Hexagon, &b);
        let d = (0..poly.len())
            .map(|i| segment_distance(corner, poly[i], poly[(i + 1) % poly.len()]))
            .fold(f32::INFINITY, f32::min);
        assert!(d < 0.01);
    }

    #[test]
    fn an_arrow_tip_meets_the_target_border() {
        let a = NodeBox::at(0.0, 0.0);
        let b = NodeBox::at(400.0, 0.0);
        let size = ArrowSize {
            length: 12.0,
            half_width: 5.0,
        };
        let link = link_shape((NodeShape::Plain, &a), (NodeShape::Ellipse, &b), 0.0, size).unwrap();
        assert!((link.start.x - 100.0).abs() < 0.01);
        assert!((link.tip.x - (300.0 - TIP_GAP)).abs() < 0.01);
        assert!((link.base.x - (link.tip.x - 12.0)).abs() < 0.01);
        // Overlapping nodes draw no link.
        let c = NodeBox::at(10.0, 0.0);
        assert!(link_shape((NodeShape::Plain, &a), (NodeShape::Plain, &c), 0.0, size).is_none());
    }

    #[test]
    fn labels_wrap_and_long_ones_are_elided() {
        let measure = |s: &str| s.chars().count() as f32;
        assert_eq!(
            wrap_label("one two three", 7.0, 3, measure),
            vec!["one two", "three"]
        );
        let long = wrap_label("aaa bbb ccc ddd eee fff", 7.0, 2, measure);
        assert_eq!(long.len(), 2);
        assert!(long[1].ends_with('…'), "{long:?}");
        assert!(long.iter().all(|l| measure(l) <= 7.0));
        assert_eq!(
            wrap_label("abcdefghij", 4.0, 3, measure),
            vec!["abcd", "efgh", "ij"]
        );
        assert!(wrap_label("", 4.0, 3, measure).is_empty());
    }
}
