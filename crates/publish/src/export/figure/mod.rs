//! A diagram laid out as a figure, the one layout that the canvas,
//! presentation mode and every export (SVG, PNG, PDF) draw: each node sized
//! to hold its whole label (never cut with "…"), each link routed clear of
//! every node that is not one of its ends, each S/O mark placed beside its
//! link off the nodes, and each loop label (R1, B2) placed clear of links,
//! marks and nodes.
//!
//! Everything is in diagram units. [`lay_out`] works on plain inputs (a
//! title, kind and position per node; two ends and a kind per link; the
//! nodes of each labelled loop), so that the canvas, which keeps its own
//! catalogue of titles, and the exports, which read the review, share it.

mod routes;

use routes::*;

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap, HashSet};

use foresight_core::analysis::loops::{LoopKind, NamedLoopState, named_loop_state};
use foresight_core::diagram::geometry::{
    ArrowSize, LABEL_SIZE, LinkShape, NODE_WIDTH, NodeBox, NodeShape, Point, arrow_leg,
    badge_position, border_point, label_box, link_shape, pt, segment_distance, segment_hits_box,
    shape_of,
};
use foresight_core::model::{Diagram, Id, Link, LinkKind, NamedLoop, RecordKind, Review};

/// The least room between a link and a node it passes, in diagram units.
pub const LINK_CLEARANCE: f32 = 4.0;
/// How far round a node's corner a link turns, in diagram units.
const CORNER_PAD: f32 = 16.0;
/// The least room left between two nodes when a figure is spread.
const SPREAD_GAP: f32 = 14.0;
/// The most a figure is spread, as a factor of its positions.
const MAX_SPREAD: f32 = 4.0;
/// What a bend costs a route, in diagram units of length.
const BEND_COST: f32 = 30.0;
/// The most segments a route search tests before giving up.
const ROUTE_BUDGET: usize = 60_000;
/// The most segments the route searches of one figure test together: past
/// it, the remaining links in the way of a node are drawn straight, so a
/// map of a thousand nodes is laid out in bounded time (a fraction of a
/// second) rather than minutes.
const FIGURE_ROUTE_BUDGET: usize = 200_000;

/// One node to lay out.
#[derive(Debug, Clone, Copy)]
pub struct NodeIn<'a> {
    /// The text shown in the node.
    pub title: &'a str,
    /// The kind of record (decides the shape).
    pub kind: RecordKind,
    /// The node's centre.
    pub at: Point,
}

/// One link to lay out.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinkIn {
    /// Index of the node it leaves.
    pub from: usize,
    /// Index of the node it enters.
    pub to: usize,
    /// The kind of link (causal links get an S/O mark).
    pub kind: LinkKind,
}

/// Sizes and choices for a figure, in diagram units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FigureStyle {
    /// Size of node labels.
    pub label_size: f32,
    /// Radius of the S/O mark's circle.
    pub mark_radius: f32,
    /// Radius of a loop label's circle.
    pub badge_radius: f32,
    /// Arrowheads.
    pub arrow: ArrowSize,
    /// Move nodes apart, in proportion, until none overlaps another
    /// (figures and presentation; the editable canvas keeps positions).
    pub spread: bool,
    /// Route links round the nodes in their way (off while a node is
    /// being dragged, to keep each frame quick).
    pub route: bool,
    /// Multiplies the width nodes wrap their labels at (presentation
    /// widens nodes so that a diagram suits a wide screen); 1 normally.
    pub wide: f32,
    /// Multiplies the nodes' positions across (`x`) and down (`y`) before
    /// they are spread, so that a diagram can take the shape of the screen
    /// it is shown on; (1, 1) normally.
    pub stretch: Point,
    /// When spreading, move nodes apart only where they overlap, across or
    /// down on its own, keeping their order (presentation and the Loops
    /// panel), rather than multiplying every position by one factor
    /// (exported figures).
    pub compact: bool,
}

impl FigureStyle {
    /// The style of exported figures at normal size.
    pub const FIGURE: FigureStyle = FigureStyle {
        label_size: foresight_core::diagram::geometry::LABEL_SIZE,
        mark_radius: 10.0,
        badge_radius: 22.0,
        arrow: ArrowSize {
            length: 13.0,
            half_width: 6.0,
        },
        spread: true,
        route: true,
        wide: 1.0,
        stretch: pt(1.0, 1.0),
        compact: false,
    };
}

/// A node laid out.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureNode {
    /// The kind of record.
    pub kind: RecordKind,
    /// Its shape.
    pub shape: NodeShape,
    /// Where it is and how large.
    pub b: NodeBox,
    /// Its label, wrapped; every word of the title, in order.
    pub lines: Vec<String>,
}

/// A link laid out.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureLink {
    /// Index of the link in the input.
    pub link: usize,
    /// The path from the start (on the first node's border) to the tip of
    /// the arrow (at the second node's border): two points when straight.
    pub route: Vec<Point>,
    /// The last leg, with the arrowhead.
    pub leg: LinkShape,
    /// The leg that carries the S/O mark and the delay strokes (the
    /// longest).
    pub mark_leg: LinkShape,
    /// Where the S/O mark's centre is, on causal links.
    pub mark: Option<Point>,
}

/// A loop label laid out.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureBadge {
    /// Index of the loop in the input.
    pub index: usize,
    /// The label's centre.
    pub at: Point,
}

/// A diagram laid out.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The nodes, in input order.
    pub nodes: Vec<FigureNode>,
    /// The links that could be drawn (both ends apart), in input order.
    pub links: Vec<FigureLink>,
    /// The loop labels of loops whose nodes are all in the figure.
    pub badges: Vec<FigureBadge>,
    /// The factor the positions were spread by (1 when not spread).
    pub spread: f32,
    /// The style it was laid out with.
    pub style: FigureStyle,
}

impl Figure {
    /// The top-left and bottom-right corners of everything drawn: nodes,
    /// routes, marks and loop labels. `None` for an empty figure.
    pub fn bounds(&self) -> Option<(Point, Point)> {
        let mark = pt(self.style.mark_radius, self.style.mark_radius);
        let badge = pt(self.style.badge_radius + 3.0, self.style.badge_radius + 3.0);
        let nodes = self.nodes.iter().map(|n| (n.b.min(), n.b.max()));
        let routes = self
            .links
            .iter()
            .flat_map(|l| l.route.iter().map(|&p| (p, p)));
        let marks = self
            .links
            .iter()
            .filter_map(|l| l.mark)
            .map(|m| (m - mark, m + mark));
        let badges = self.badges.iter().map(|b| (b.at - badge, b.at + badge));
        foresight_core::diagram::geometry::enclosing(nodes.chain(routes).chain(marks).chain(badges))
    }
}

/// Lays a diagram out: sizes each node to its label (measured by
/// `measure(text, size)`), spreads the positions when asked, routes the
/// links, places the S/O marks and the loop labels (`loops` lists each
/// loop's nodes in loop order).
pub fn lay_out(
    nodes: &[NodeIn],
    links: &[LinkIn],
    loops: &[Vec<usize>],
    style: &FigureStyle,
    measure: &dyn Fn(&str, f32) -> f32,
) -> Figure {
    let mut laid = place_nodes(nodes, style, measure);
    let joined: HashSet<(usize, usize)> = links.iter().map(|l| (l.from, l.to)).collect();
    let spread = if style.spread {
        spread_apart(&mut laid, &joined, style)
    } else {
        1.0
    };
    let boxes: Vec<NodeBox> = laid.iter().map(|n| n.b).collect();
    let index = BoxIndex::new(&boxes);

    let pairs: HashSet<(usize, usize)> = links.iter().map(|l| (l.from, l.to)).collect();
    let mut out_links = Vec::with_capacity(links.len());
    let mut marks: Vec<Point> = Vec::new();
    let mut budget = FIGURE_ROUTE_BUDGET;
    for (k, link) in links.iter().enumerate() {
        let (a, b) = (link.from, link.to);
        if a == b || a >= laid.len() || b >= laid.len() {
            continue;
        }
        let shift = if pairs.contains(&(b, a)) { 7.0 } else { 0.0 };
        let ends = ((laid[a].shape, &boxes[a]), (laid[b].shape, &boxes[b]));
        let Some(route) = route_link(ends, (a, b), shift, &index, style, &mut budget) else {
            continue;
        };
        let [.., before, tip] = route[..] else {
            continue;
        };
        let Some(leg) = arrow_leg(before, tip, style.arrow) else {
            continue;
        };
        let longest = route
            .windows(2)
            .max_by(|x, y| (x[1] - x[0]).length().total_cmp(&(y[1] - y[0]).length()))
            .map(|w| (w[0], w[1]))
            .unwrap_or((route[0], tip));
        let mark_leg = arrow_leg(longest.0, longest.1, style.arrow).unwrap_or_else(|| leg.clone());
        let mark = matches!(link.kind, LinkKind::Causal { .. })
            .then(|| mark_position(&mark_leg, &boxes, &marks, style.mark_radius));
        if let Some(m) = mark {
            marks.push(m);
        }
        out_links.push(FigureLink {
            link: k,
            route,
            leg,
            mark_leg,
            mark,
        });
    }

    // Loop labels, clear of every link, mark, node and other label.
    let segments: Vec<(Point, Point)> = out_links
        .iter()
        .flat_map(|l| l.route.windows(2).map(|w| (w[0], w[1])))
        .collect();
    let mut badges: Vec<FigureBadge> = Vec::new();
    for (i, members) in loops.iter().enumerate() {
        if members.is_empty() || members.iter().any(|&m| m >= laid.len()) {
            continue;
        }
        let centres: Vec<Point> = members.iter().map(|&m| boxes[m].centre).collect();
        let placed: Vec<Point> = badges.iter().map(|b| b.at).collect();
        let at = badge_place(&centres, &boxes, &segments, &marks, &placed, style);
        badges.push(FigureBadge { index: i, at });
    }
    Figure {
        nodes: laid,
        links: out_links,
        badges,
        spread,
        style: *style,
    }
}

/// The nodes sized to their labels (measured by `measure(text, size)`)
/// at their positions stretched by the style's
/// [`stretch`](FigureStyle::stretch), not yet spread apart.
pub fn place_nodes(
    nodes: &[NodeIn],
    style: &FigureStyle,
    measure: &dyn Fn(&str, f32) -> f32,
) -> Vec<FigureNode> {
    // Figures that may spread grow their nodes' width with their text, so
    // that large type wraps as normal type does.
    let width = if style.spread {
        NODE_WIDTH * (style.label_size / LABEL_SIZE).max(1.0)
    } else {
        NODE_WIDTH
    } * style.wide.max(0.1);
    nodes
        .iter()
        .map(|n| {
            let shape = shape_of(Some(n.kind));
            let label = label_box(n.title, shape, style.label_size, width, |s| {
                measure(s, style.label_size)
            });
            FigureNode {
                kind: n.kind,
                shape,
                b: NodeBox {
                    centre: pt(n.at.x * style.stretch.x, n.at.y * style.stretch.y),
                    half: label.half,
                },
                lines: label.lines,
            }
        })
        .collect()
}

/// The corners of the nodes of a figure once `nodes` (as from
/// [`place_nodes`] with no stretch) are stretched by `style`'s
/// [`stretch`](FigureStyle::stretch) and spread apart as [`lay_out`]
/// spreads them (`joined` lists the pairs of nodes a link joins): how large
/// the figure is, without laying out its links. `None` with no node.
pub fn node_extent(
    nodes: &[FigureNode],
    joined: &HashSet<(usize, usize)>,
    style: &FigureStyle,
) -> Option<(Point, Point)> {
    let mut moved: Vec<FigureNode> = nodes.to_vec();
    for n in &mut moved {
        n.b.centre = pt(
            n.b.centre.x * style.stretch.x,
            n.b.centre.y * style.stretch.y,
        );
    }
    if style.spread {
        spread_apart(&mut moved, joined, style);
    }
    foresight_core::diagram::geometry::enclosing(moved.iter().map(|n| (n.b.min(), n.b.max())))
}

/// Moves the nodes apart until none overlaps another: by one factor on
/// every position (returned), or, [`FigureStyle::compact`], each
/// overlapping pair apart across or down (whichever needs the less),
/// widening only the gaps between positions that must widen, and leaving
/// room for an S/O mark between nodes that a link joins (`joined`, either
/// way round) (1 returned).
fn spread_apart(
    nodes: &mut [FigureNode],
    joined: &HashSet<(usize, usize)>,
    style: &FigureStyle,
) -> f32 {
    if !style.compact {
        let k = spread_factor(nodes);
        if k > 1.0 {
            for n in nodes.iter_mut() {
                n.b.centre = n.b.centre * k;
            }
        }
        return k;
    }
    let mark_gap = SPREAD_GAP.max(2.0 * style.mark_radius + 8.0);
    let mut across: Vec<(usize, usize, f32)> = Vec::new();
    let mut down: Vec<(usize, usize, f32)> = Vec::new();
    for (i, a) in nodes.iter().enumerate() {
        for (j, b) in nodes.iter().enumerate().skip(i + 1) {
            let d = b.b.centre - a.b.centre;
            let gap = if joined.contains(&(i, j)) || joined.contains(&(j, i)) {
                mark_gap
            } else {
                SPREAD_GAP
            };
            let need = a.b.half + b.b.half + pt(gap, gap);
            if d.x.abs() >= need.x || d.y.abs() >= need.y {
                continue;
            }
            let kx = need.x / d.x.abs().max(1e-3);
            let ky = need.y / d.y.abs().max(1e-3);
            if kx < ky {
                across.push((i, j, need.x));
            } else {
                down.push((i, j, need.y));
            }
        }
    }
    let xs: Vec<f32> = nodes.iter().map(|n| n.b.centre.x).collect();
    let ys: Vec<f32> = nodes.iter().map(|n| n.b.centre.y).collect();
    let xs = widen_gaps(&xs, &across);
    let ys = widen_gaps(&ys, &down);
    for (n, (x, y)) in nodes.iter_mut().zip(xs.into_iter().zip(ys)) {
        n.b.centre = pt(x, y);
    }
    1.0
}

/// Coordinates `at` moved, keeping their order, so that each pair
/// `(i, j, need)` ends at least `need` apart; every gap between
/// neighbouring coordinates is kept or widened, never narrowed.
fn widen_gaps(at: &[f32], pairs: &[(usize, usize, f32)]) -> Vec<f32> {
    let mut order: Vec<usize> = (0..at.len()).collect();
    order.sort_by(|&a, &b| at[a].total_cmp(&at[b]).then(a.cmp(&b)));
    let mut rank = vec![0; at.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r;
    }
    // The pairs each coordinate must keep its distance from, by the later
    // one of the pair in order.
    let mut after: Vec<Vec<(usize, f32)>> = vec![Vec::new(); at.len()];
    for &(i, j, need) in pairs {
        let (first, second) = if rank[i] < rank[j] { (i, j) } else { (j, i) };
        after[second].push((first, need));
    }
    let mut out = at.to_vec();
    for w in 1..order.len() {
        let (prev, i) = (order[w - 1], order[w]);
        let mut x = out[prev] + (at[i] - at[prev]);
        for &(first, need) in &after[i] {
            x = x.max(out[first] + need);
        }
        out[i] = x;
    }
    out
}

/// A diagram of a review laid out, with the records each part shows.
#[derive(Debug, Clone)]
pub struct ReviewFigure<'r> {
    /// The layout.
    pub figure: Figure,
    /// The record of each node, in the figure's order.
    pub nodes: Vec<&'r Id>,
    /// The text of each node.
    pub titles: Vec<String>,
    /// The link of each input link ([`FigureLink::link`] indexes it).
    pub links: Vec<&'r Link>,
    /// The named loop and its kind of each loop label
    /// ([`FigureBadge::index`] indexes it), with its nodes' indices.
    pub loops: Vec<(&'r NamedLoop, LoopKind, Vec<usize>)>,
}

/// Lays out a diagram of a review: the nodes whose record exists, whose
/// position is a number and that `visible` (when given) holds, each record
/// once; the links between them that `visible` holds; and the labels of
/// the named loops wholly on it that are intact. `measure(text, size)`
/// gives text widths.
pub fn review_figure<'r>(
    review: &'r Review,
    diagram: &'r Diagram,
    visible: Option<&HashSet<Id>>,
    style: &FigureStyle,
    measure: &dyn Fn(&str, f32) -> f32,
) -> ReviewFigure<'r> {
    let shows = |id: &Id| visible.is_none_or(|v| v.contains(id));
    let mut seen: HashSet<&Id> = HashSet::new();
    let mut nodes: Vec<&Id> = Vec::new();
    let mut kinds: Vec<RecordKind> = Vec::new();
    let mut at: Vec<Point> = Vec::new();
    for n in &diagram.nodes {
        if !(n.x.is_finite() && n.y.is_finite() && shows(&n.item)) {
            continue;
        }
        let Some(kind) = review.kind_of(&n.item) else {
            continue;
        };
        if seen.insert(&n.item) {
            nodes.push(&n.item);
            kinds.push(kind);
            at.push(pt(n.x, n.y));
        }
    }
    let titles: Vec<String> = nodes.iter().map(|id| review.title_of(id)).collect();
    let index: HashMap<&Id, usize> = nodes.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let inputs: Vec<NodeIn> = (0..nodes.len())
        .map(|i| NodeIn {
            title: &titles[i],
            kind: kinds[i],
            at: at[i],
        })
        .collect();
    let mut links: Vec<&Link> = Vec::new();
    let mut link_inputs: Vec<LinkIn> = Vec::new();
    for link in &review.links {
        let (Some(&from), Some(&to)) = (index.get(&link.from), index.get(&link.to)) else {
            continue;
        };
        if from != to && shows(&link.id) {
            links.push(link);
            link_inputs.push(LinkIn {
                from,
                to,
                kind: link.kind,
            });
        }
    }
    let mut loops = Vec::new();
    for named in &review.named_loops {
        if named.label.trim().is_empty() {
            continue;
        }
        let NamedLoopState::Intact { kind, .. } = named_loop_state(review, named) else {
            continue;
        };
        let on: Option<Vec<usize>> = named
            .variables
            .iter()
            .map(|v| index.get(v).copied())
            .collect();
        if let Some(on) = on.filter(|on| !on.is_empty()) {
            loops.push((named, kind, on));
        }
    }
    let members: Vec<Vec<usize>> = loops.iter().map(|l| l.2.clone()).collect();
    let figure = lay_out(&inputs, &link_inputs, &members, style, measure);
    ReviewFigure {
        figure,
        nodes,
        titles,
        links,
        loops,
    }
}

/// The least factor (at least 1) by which the nodes' positions must be
/// multiplied for no two of them to overlap, leaving [`SPREAD_GAP`].
fn spread_factor(nodes: &[FigureNode]) -> f32 {
    let mut k = 1.0f32;
    for (i, a) in nodes.iter().enumerate() {
        for b in &nodes[i + 1..] {
            let d = b.b.centre - a.b.centre;
            let need = a.b.half + b.b.half + pt(SPREAD_GAP, SPREAD_GAP);
            if d.x.abs() >= need.x || d.y.abs() >= need.y {
                continue;
            }
            let kx = if d.x.abs() > 1e-3 {
                need.x / d.x.abs()
            } else {
                f32::INFINITY
            };
            let ky = if d.y.abs() > 1e-3 {
                need.y / d.y.abs()
            } else {
                f32::INFINITY
            };
            k = k.max(kx.min(ky).min(MAX_SPREAD));
        }
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;
    use foresight_core::model::Polarity;

    fn width(s: &str, size: f32) -> f32 {
        foresight_core::diagram::text_width(s, size)
    }

    fn causal(from: usize, to: usize) -> LinkIn {
        LinkIn {
            from,
            to,
            kind: LinkKind::Causal {
                polarity: Polarity::Same,
                delay: false,
            },
        }
    }

    #[test]
    fn a_link_with_a_node_in_the_way_goes_round_it() {
        let nodes = [
            NodeIn {
                title: "Start",
                kind: RecordKind::Variable,
                at: pt(0.0, 0.0),
            },
            NodeIn {
                title: "In the way",
                kind: RecordKind::Variable,
                at: pt(300.0, 0.0),
            },
            NodeIn {
                title: "End",
                kind: RecordKind::Variable,
                at: pt(600.0, 0.0),
            },
        ];
        let figure = lay_out(&nodes, &[causal(0, 2)], &[], &FigureStyle::FIGURE, &width);
        let route = &figure.links[0].route;
        assert!(route.len() > 2, "{route:?}");
        for w in route.windows(2) {
            assert!(!segment_hits_box(w[0], w[1], &figure.nodes[1].b, 0.0));
        }
        // Without routing, it runs straight through.
        let style = FigureStyle {
            route: false,
            ..FigureStyle::FIGURE
        };
        let figure = lay_out(&nodes, &[causal(0, 2)], &[], &style, &width);
        assert_eq!(figure.links[0].route.len(), 2);
    }

    #[test]
    fn a_long_label_makes_a_taller_node_and_keeps_every_word() {
        let title = "Perceived procedural effectiveness of prescription in the eyes of \
                     inspectors, managers and the public at large";
        let nodes = [NodeIn {
            title,
            kind: RecordKind::Variable,
            at: pt(0.0, 0.0),
        }];
        let figure = lay_out(&nodes, &[], &[], &FigureStyle::FIGURE, &width);
        let node = &figure.nodes[0];
        assert!(node.b.half.y * 2.0 > foresight_core::diagram::geometry::NODE_HEIGHT);
        assert_eq!(
            node.lines.join(" "),
            title.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        assert!(node.lines.iter().all(|l| !l.contains('…')));
    }

    #[test]
    fn overlapping_nodes_are_spread_apart() {
        let nodes = [
            NodeIn {
                title: "A",
                kind: RecordKind::Factor,
                at: pt(0.0, 0.0),
            },
            NodeIn {
                title: "B",
                kind: RecordKind::Factor,
                at: pt(100.0, 10.0),
            },
        ];
        let figure = lay_out(&nodes, &[], &[], &FigureStyle::FIGURE, &width);
        assert!(figure.spread > 2.0);
        let (a, b) = (&figure.nodes[0].b, &figure.nodes[1].b);
        assert!((b.centre.x - a.centre.x).abs() >= a.half.x + b.half.x);
    }
}
