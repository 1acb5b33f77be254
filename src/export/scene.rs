//! A diagram as a backend-neutral list of drawing items: filled and
//! stroked paths, ellipses and text runs, in diagram units with the origin
//! at the figure's top-left corner and y downwards. The SVG export and the
//! PDF report both draw a [`Scene`], so a figure looks the same in both,
//! and both look like the canvas.

use std::collections::{HashMap, HashSet};

use super::geometry::{
    ArrowSize, LABEL_LINES, LABEL_SIZE, LinkShape, NODE_HEIGHT, NODE_WIDTH, NodeBox, NodeShape,
    Point, Rgb, arrow_leg, badge_arc, badge_position, bend_around, bent_link_shape, clockwise,
    dashed, delay_strokes, label_width_share, link_colour, link_shape, node_colours, note_fold,
    outline, polarity_mark, pt, shape_of, wrap_label,
};
use crate::analysis::loops::{LoopKind, NamedLoopState, named_loop_state};
use crate::model::{Diagram, Id, Link, LinkKind, Polarity, RecordKind, Review};

/// A figure ready to draw.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scene {
    /// The diagram's name.
    pub title: String,
    /// Width of the figure in diagram units.
    pub width: f32,
    /// Height of the figure in diagram units.
    pub height: f32,
    /// What to draw, in painting order (later items cover earlier ones).
    pub items: Vec<Item>,
}

/// One thing to draw.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A polyline or polygon.
    Path {
        /// Corner points.
        points: Vec<Point>,
        /// Join the last point back to the first.
        closed: bool,
        /// Fill (closed paths only).
        fill: Option<Fill>,
        /// Outline.
        stroke: Option<Stroke>,
    },
    /// An axis-aligned ellipse (a circle when both radii are equal).
    Ellipse {
        /// Centre.
        centre: Point,
        /// Horizontal and vertical radii.
        radius: Point,
        /// Fill.
        fill: Option<Fill>,
        /// Outline.
        stroke: Option<Stroke>,
    },
    /// One line of text.
    Text {
        /// Where the text goes: `anchor` says which end (or the middle) of
        /// the line sits at `at.x`; `at.y` is the line's vertical centre.
        at: Point,
        /// The text (one line, no newlines).
        text: String,
        /// Font size in diagram units.
        size: f32,
        /// Colour.
        colour: Rgb,
        /// Bold face.
        bold: bool,
        /// Horizontal alignment.
        anchor: Anchor,
    },
    /// Items that belong to one record (a node or a link): the SVG keeps
    /// the id and shows the tooltip on hover.
    Group {
        /// The record's id.
        id: Option<String>,
        /// The record's full text.
        tooltip: Option<String>,
        /// The group's items.
        items: Vec<Item>,
    },
}

/// A fill colour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fill {
    /// Colour.
    pub colour: Rgb,
    /// Opacity from 0 (clear) to 1 (solid).
    pub opacity: f32,
}

/// An outline.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stroke {
    /// Colour.
    pub colour: Rgb,
    /// Line width in diagram units.
    pub width: f32,
    /// Dash and gap lengths, for a dashed line.
    pub dash: Option<[f32; 2]>,
}

/// Horizontal alignment of a text run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// The text starts at the point.
    Start,
    /// The text is centred on the point.
    Middle,
    /// The text ends at the point.
    End,
}

/// Measures a text run: `(text, size, bold) → width` in the units of `size`.
pub type Measure<'a> = &'a dyn Fn(&str, f32, bool) -> f32;

/// What to put in the figure.
#[derive(Clone, Copy)]
pub struct SceneOptions<'a> {
    /// When set, only these records (nodes and links) are drawn (a
    /// presentation stage, a filter, one part of a split figure).
    pub visible: Option<&'a HashSet<Id>>,
    /// The projector palette: paler fills, darker lines, thicker strokes.
    pub high_contrast: bool,
    /// Draw a legend of the kinds of node and link shown.
    pub legend: bool,
    /// The most width the legend may take before it wraps to another row
    /// (diagram units); `None` keeps it on one row.
    pub legend_width: Option<f32>,
    /// Text widths in the face the figure will be drawn with, so that
    /// labels wrap inside their nodes.
    pub measure: Measure<'a>,
    /// Print every label whole: a node grows as tall as its wrapped title
    /// needs, instead of cutting it after [`LABEL_LINES`] lines with "…"
    /// (figures for print, where no tooltip shows the rest).
    pub whole_labels: bool,
    /// Draw links between nodes in different rows as elbows through the
    /// gap between the rows (see [`super::elbow`]), so that none runs under
    /// a node: for figures laid out in rows.
    pub elbow_links: bool,
}

/// Margin around the drawing, in diagram units.
pub const MARGIN: f32 = 40.0;
/// The least width of a figure, in diagram units.
pub const MIN_WIDTH: f32 = 560.0;
/// Size of the legend's text, in diagram units.
pub const LEGEND_TEXT_SIZE: f32 = 14.0;
/// Where the legend's rows start, from the figure's left edge.
const LEGEND_LEFT: f32 = 16.0;
/// Height added below the drawing for a one-row legend.
const LEGEND_HEIGHT: f32 = 56.0;
/// Height of each further row of a wrapped legend.
const LEGEND_ROW: f32 = 32.0;
/// Arrowheads of links.
const ARROW: ArrowSize = ArrowSize {
    length: 13.0,
    half_width: 6.0,
};
/// Radius of the S/O mark's circle.
const MARK_RADIUS: f32 = 10.0;
/// Radius of a loop label's circular arrow.
const BADGE_RADIUS: f32 = 22.0;
/// Dash and gap of dashed links.
const DASH: [f32; 2] = [7.0, 5.0];
const WHITE: Rgb = Rgb(255, 255, 255);
const LEGEND_TEXT: Rgb = Rgb(34, 34, 34);

/// One node to draw.
pub(super) struct Placed<'r> {
    /// The record shown.
    pub id: &'r Id,
    /// Its kind.
    pub kind: RecordKind,
    /// The shape it is drawn in.
    pub shape: NodeShape,
    /// Where: diagram coordinates from [`placed_nodes`], figure
    /// coordinates once the scene has moved it.
    pub b: NodeBox,
}

/// The nodes of a diagram that can be drawn, in diagram order: the record
/// exists, the position is a number, `visible` (when given) holds it, and
/// it is the record's first node on the diagram.
pub(super) fn placed_nodes<'r>(
    review: &Review,
    diagram: &'r Diagram,
    visible: Option<&HashSet<Id>>,
) -> Vec<Placed<'r>> {
    let mut seen: HashSet<&Id> = HashSet::new();
    diagram
        .nodes
        .iter()
        .filter(|n| n.x.is_finite() && n.y.is_finite())
        .filter(|n| visible.is_none_or(|v| v.contains(&n.item)))
        .filter_map(|n| {
            let kind = review.kind_of(&n.item)?;
            seen.insert(&n.item).then(|| Placed {
                id: &n.item,
                kind,
                shape: shape_of(Some(kind)),
                b: NodeBox::at(n.x, n.y),
            })
        })
        .collect()
}

/// The diagram as a scene. Nodes whose record no longer exists, or with
/// positions that are not numbers, are left out.
///
/// The scene holds, in painting order: one [`Item::Group`] per link (id the
/// link's id, tooltip its kind), one per node (id the record's id, tooltip
/// its full title), one per label of a named loop wholly on the figure (id
/// the named loop's id, tooltip its name), and, when asked for, the legend
/// (a group without id). The figure is the drawing's bounding box plus
/// [`MARGIN`] all round, at least [`MIN_WIDTH`] wide, with the legend below;
/// it widens when one legend row (or one legend entry, when the legend
/// wraps) is wider still.
pub fn diagram_scene(review: &Review, diagram: &Diagram, options: &SceneOptions) -> Scene {
    build(review, diagram, options, false)
}

/// [`diagram_scene`]; with `fit_legend`, a legend without a width of its
/// own wraps at the width of the figure rather than widening it.
pub(super) fn build(
    review: &Review,
    diagram: &Diagram,
    options: &SceneOptions,
    fit_legend: bool,
) -> Scene {
    let shows = |id: &Id| options.visible.is_none_or(|v| v.contains(id));
    let mut placed = placed_nodes(review, diagram, options.visible);
    let label_lines = if options.whole_labels {
        usize::MAX
    } else {
        LABEL_LINES
    };
    if options.whole_labels {
        for p in &mut placed {
            let height = whole_label_height(review, p.id, p.shape, options);
            p.b.half.y = p.b.half.y.max(height / 2.0);
        }
    }

    let (mut min, mut max) = (pt(0.0, 0.0), pt(NODE_WIDTH, NODE_HEIGHT));
    if let Some(first) = placed.first() {
        (min, max) = (first.b.min(), first.b.max());
    }
    for p in &placed {
        min = pt(min.x.min(p.b.min().x), min.y.min(p.b.min().y));
        max = pt(max.x.max(p.b.max().x), max.y.max(p.b.max().y));
    }
    // The figure's top-left corner becomes the origin.
    let origin = min - pt(MARGIN, MARGIN);
    for p in &mut placed {
        p.b.centre = p.b.centre - origin;
    }
    let mut width = (max.x - min.x + 2.0 * MARGIN).max(MIN_WIDTH);
    let drawing_height = max.y - min.y + 2.0 * MARGIN;
    let index: HashMap<&Id, usize> = placed.iter().enumerate().map(|(i, p)| (p.id, i)).collect();
    let hc = options.high_contrast;
    let stroke = if hc { 2.6 } else { 1.6 };
    let mut items = Vec::new();

    // Links first, so that nodes cover their ends.
    let mut segments: Vec<(Point, Point)> = Vec::new();
    // The S/O marks, which a loop's label must not cover.
    let mut marks: Vec<Point> = Vec::new();
    let mut link_kinds: Vec<LinkKind> = Vec::new();
    let pairs: HashSet<(&Id, &Id)> = review.links.iter().map(|l| (&l.from, &l.to)).collect();
    let drawn: Vec<(&Link, usize, usize)> = review
        .links
        .iter()
        .filter_map(|link| {
            let (&a, &b) = (index.get(&link.from)?, index.get(&link.to)?);
            (a != b && shows(&link.id)).then_some((link, a, b))
        })
        .collect();
    let routes = if options.elbow_links {
        let boxes: Vec<NodeBox> = placed.iter().map(|p| p.b).collect();
        let ends: Vec<(usize, usize)> = drawn.iter().map(|&(_, a, b)| (a, b)).collect();
        super::elbow::elbow_routes(&boxes, &ends)
    } else {
        vec![None; drawn.len()]
    };
    for (&(link, a, b), route) in drawn.iter().zip(routes) {
        if let Some(route) = route {
            for pair in route.windows(2) {
                segments.push((pair[0], pair[1]));
            }
            let general = legend_kind(link.kind);
            if !link_kinds.contains(&general) {
                link_kinds.push(general);
            }
            items.push(Item::Group {
                id: Some(link.id.as_str().to_string()),
                tooltip: Some(link.kind.label().to_string()),
                items: elbow_items(link.kind, &route, stroke, hc),
            });
            continue;
        }
        let shift = if pairs.contains(&(&link.to, &link.from)) {
            7.0
        } else {
            0.0
        };
        let general = legend_kind(link.kind);
        // A link that would run under another node bends around it.
        let others: Vec<NodeBox> = placed
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != a && i != b)
            .map(|(_, p)| p.b)
            .collect();
        let (a, b) = (&placed[a], &placed[b]);
        let bent = (shift == 0.0)
            .then(|| bend_around(&a.b, &b.b, &others))
            .flatten()
            .and_then(|bend| bent_link_shape((a.shape, &a.b), (b.shape, &b.b), bend, ARROW));
        if let Some((start, leg)) = bent {
            segments.push((start, leg.start));
            segments.push((leg.start, leg.tip));
            if matches!(link.kind, LinkKind::Causal { .. }) {
                marks.push(polarity_mark(&leg, MARK_RADIUS));
            }
            if !link_kinds.contains(&general) {
                link_kinds.push(general);
            }
            let mut drawn = vec![polyline(
                vec![start, leg.start],
                Some(Stroke {
                    colour: link_colour(link.kind, hc),
                    width: stroke,
                    dash: dashed(link.kind).then_some(DASH),
                }),
            )];
            drawn.extend(link_items(link.kind, &leg, stroke, hc));
            items.push(Item::Group {
                id: Some(link.id.as_str().to_string()),
                tooltip: Some(link.kind.label().to_string()),
                items: drawn,
            });
            continue;
        }
        let Some(shape) = link_shape((a.shape, &a.b), (b.shape, &b.b), shift, ARROW) else {
            continue;
        };
        segments.push((shape.start, shape.tip));
        if matches!(link.kind, LinkKind::Causal { .. }) {
            marks.push(polarity_mark(&shape, MARK_RADIUS));
        }
        if !link_kinds.contains(&general) {
            link_kinds.push(general);
        }
        items.push(Item::Group {
            id: Some(link.id.as_str().to_string()),
            tooltip: Some(link.kind.label().to_string()),
            items: link_items(link.kind, &shape, stroke, hc),
        });
    }

    for p in &placed {
        items.push(node_group(
            review,
            p,
            stroke,
            hc,
            options.measure,
            label_lines,
        ));
    }

    // Labels of named loops wholly on the figure.
    let obstacles: Vec<NodeBox> = placed.iter().map(|p| p.b).collect();
    let mut badges: Vec<Point> = Vec::new();
    for named in &review.named_loops {
        if named.label.trim().is_empty() {
            continue;
        }
        let NamedLoopState::Intact { kind, .. } = named_loop_state(review, named) else {
            continue;
        };
        let centres: Option<Vec<Point>> = named
            .variables
            .iter()
            .map(|v| index.get(v).map(|&i| placed[i].b.centre))
            .collect();
        let Some(centres) = centres.filter(|c| !c.is_empty()) else {
            continue;
        };
        let placed_marks: Vec<Point> = badges.iter().chain(&marks).copied().collect();
        let at = badge_position(&centres, &obstacles, &segments, &placed_marks, BADGE_RADIUS);
        badges.push(at);
        items.push(Item::Group {
            id: Some(named.id.as_str().to_string()),
            tooltip: Some(named.name.clone()),
            items: badge_items(at, clockwise(&centres), kind, &named.label),
        });
    }

    let mut height = drawing_height;
    if options.legend {
        let entries = legend_entries(&placed, &link_kinds);
        let limit = options
            .legend_width
            .or(fit_legend.then_some(width - 2.0 * LEGEND_LEFT));
        let (legend, rows, right) = legend_items(
            &entries,
            pt(LEGEND_LEFT, drawing_height + 20.0),
            limit,
            hc,
            options.measure,
        );
        height += LEGEND_HEIGHT + LEGEND_ROW * rows.saturating_sub(1) as f32;
        width = width.max(right + LEGEND_LEFT);
        items.push(Item::Group {
            id: None,
            tooltip: None,
            items: legend,
        });
    }

    Scene {
        title: diagram.name.clone(),
        width,
        height,
        items,
    }
}

/// A solid fill.
fn solid(colour: Rgb) -> Option<Fill> {
    Some(Fill {
        colour,
        opacity: 1.0,
    })
}

/// A plain outline.
fn line(colour: Rgb, width: f32) -> Option<Stroke> {
    Some(Stroke {
        colour,
        width,
        dash: None,
    })
}

/// An open path through `points` drawn with `stroke`.
fn polyline(points: Vec<Point>, stroke: Option<Stroke>) -> Item {
    Item::Path {
        points,
        closed: false,
        fill: None,
        stroke,
    }
}

/// A closed path filled with `colour`, without outline.
fn filled(points: Vec<Point>, colour: Rgb) -> Item {
    Item::Path {
        points,
        closed: true,
        fill: solid(colour),
        stroke: None,
    }
}

/// A line of text centred vertically on `at.y`.
fn text(at: Point, text: &str, size: f32, colour: Rgb, bold: bool, anchor: Anchor) -> Item {
    Item::Text {
        at,
        text: text.to_string(),
        size,
        colour,
        bold,
        anchor,
    }
}

/// The kind a link is shown under in the legend: causal links of every
/// polarity and delay are one entry.
fn legend_kind(kind: LinkKind) -> LinkKind {
    match kind {
        LinkKind::Causal { .. } => LinkKind::Causal {
            polarity: Polarity::Same,
            delay: false,
        },
        k => k,
    }
}

/// A link: the line, its arrowhead and, on causal links, the delay strokes
/// and the S/O mark.
fn link_items(kind: LinkKind, s: &LinkShape, stroke: f32, hc: bool) -> Vec<Item> {
    let colour = link_colour(kind, hc);
    let mut items = vec![
        polyline(
            vec![s.start, s.base],
            Some(Stroke {
                colour,
                width: stroke,
                dash: dashed(kind).then_some(DASH),
            }),
        ),
        filled(s.head.to_vec(), colour),
    ];
    if let LinkKind::Causal { polarity, delay } = kind {
        if delay {
            for [a, b] in delay_strokes(s, 8.0) {
                items.push(polyline(vec![a, b], line(colour, stroke + 0.4)));
            }
        }
        let at = polarity_mark(s, MARK_RADIUS);
        items.push(Item::Ellipse {
            centre: at,
            radius: pt(MARK_RADIUS, MARK_RADIUS),
            fill: solid(WHITE),
            stroke: line(colour, 1.2),
        });
        items.push(text(
            at,
            polarity.letter(),
            MARK_RADIUS * 1.3,
            colour,
            true,
            Anchor::Middle,
        ));
    }
    items
}

/// A link drawn along `route` (start to the arrow's tip), its arrowhead on
/// the last leg.
fn elbow_items(kind: LinkKind, route: &[Point], stroke: f32, hc: bool) -> Vec<Item> {
    let [.., before, tip] = route else {
        return Vec::new();
    };
    let Some(leg) = arrow_leg(*before, *tip, ARROW) else {
        return Vec::new();
    };
    let mut points = route.to_vec();
    *points.last_mut().expect("a route has two points or more") = leg.base;
    vec![
        polyline(
            points,
            Some(Stroke {
                colour: link_colour(kind, hc),
                width: stroke,
                dash: dashed(kind).then_some(DASH),
            }),
        ),
        filled(leg.head.to_vec(), link_colour(kind, hc)),
    ]
}

/// The height a node of `shape` needs to hold the whole title of `id`,
/// wrapped, with room above and below (more for an ellipse or hexagon,
/// whose sides close in).
pub fn whole_label_height(
    review: &Review,
    id: &Id,
    shape: NodeShape,
    options: &SceneOptions,
) -> f32 {
    let size = if options.high_contrast {
        LABEL_SIZE * 1.15
    } else {
        LABEL_SIZE
    };
    let width = NODE_WIDTH * label_width_share(shape);
    let lines = wrap_label(&review.title_of(id), width, usize::MAX, |s| {
        (options.measure)(s, size, false)
    })
    .len()
    .max(1);
    let text = size * 1.2 * lines as f32;
    match shape {
        NodeShape::Ellipse => text * 1.45 + 16.0,
        NodeShape::Hexagon => text + 30.0,
        _ => text + 22.0,
    }
}

/// A node: its shape, the fold of a finding, and its label wrapped inside
/// in at most `max_lines` lines.
fn node_group(
    review: &Review,
    p: &Placed,
    stroke: f32,
    hc: bool,
    measure: Measure,
    max_lines: usize,
) -> Item {
    let (fill, border) = node_colours(Some(p.kind), hc);
    let title = review.title_of(p.id);
    let mut items = Vec::new();
    match p.shape {
        NodeShape::Ellipse => items.push(Item::Ellipse {
            centre: p.b.centre,
            radius: p.b.half,
            fill: solid(fill),
            stroke: line(border, stroke),
        }),
        shape => {
            items.push(Item::Path {
                points: outline(shape, &p.b),
                closed: true,
                fill: solid(fill),
                stroke: line(border, stroke),
            });
            if shape == NodeShape::Note {
                items.push(polyline(
                    note_fold(&p.b).to_vec(),
                    line(border, stroke * 0.8),
                ));
            }
        }
    }
    let size = if hc { LABEL_SIZE * 1.15 } else { LABEL_SIZE };
    let width = NODE_WIDTH * label_width_share(p.shape);
    let lines = wrap_label(&title, width, max_lines, |s| measure(s, size, false));
    let line_height = size * 1.2;
    let top = p.b.centre.y - line_height * (lines.len() as f32 - 1.0) / 2.0;
    let colour = if hc { Rgb(0, 0, 0) } else { Rgb(17, 17, 17) };
    for (i, l) in lines.iter().enumerate() {
        let at = pt(p.b.centre.x, top + line_height * i as f32);
        items.push(text(at, l, size, colour, false, Anchor::Middle));
    }
    Item::Group {
        id: Some(p.id.as_str().to_string()),
        tooltip: Some(title),
        items,
    }
}

/// A loop's label: a white disc, the circular arrow turning the way the
/// loop does, and the label, coloured by the kind of loop.
fn badge_items(at: Point, clockwise: bool, kind: LoopKind, label: &str) -> Vec<Item> {
    let colour = match kind {
        LoopKind::Reinforcing => Rgb(190, 50, 40),
        LoopKind::Balancing => Rgb(30, 90, 180),
    };
    let (arc, head) = badge_arc(at, BADGE_RADIUS, clockwise);
    vec![
        Item::Ellipse {
            centre: at,
            radius: pt(BADGE_RADIUS + 2.0, BADGE_RADIUS + 2.0),
            fill: Some(Fill {
                colour: WHITE,
                opacity: 0.92,
            }),
            stroke: None,
        },
        polyline(arc, line(colour, 2.2)),
        filled(head.to_vec(), colour),
        text(at, label, BADGE_RADIUS * 0.8, colour, true, Anchor::Middle),
    ]
}

/// One entry of the legend.
#[derive(Debug, Clone, Copy, PartialEq)]
enum LegendEntry {
    /// A kind of node: its swatch and name.
    Node(RecordKind),
    /// A kind of link: a sample line and its name; causal links also show
    /// the delay mark.
    Link(LinkKind),
}

/// The legend's entries: the kinds of node shown, then the kinds of link
/// drawn, in the order first drawn.
fn legend_entries(placed: &[Placed], link_kinds: &[LinkKind]) -> Vec<LegendEntry> {
    let nodes = [
        RecordKind::Episode,
        RecordKind::Factor,
        RecordKind::Condition,
        RecordKind::Finding,
        RecordKind::Variable,
    ]
    .into_iter()
    .filter(|k| placed.iter().any(|p| p.kind == *k))
    .map(LegendEntry::Node);
    nodes
        .chain(link_kinds.iter().map(|k| LegendEntry::Link(*k)))
        .collect()
}

/// The legend's name of a kind of link.
fn link_legend_name(kind: LinkKind) -> &'static str {
    match kind {
        LinkKind::Causal { .. } => "causal: S same, O opposite;",
        k => k.label(),
    }
}

/// How far an entry reaches from its start, and how far the next entry
/// starts from it.
fn entry_extent(entry: LegendEntry, measure: Measure) -> (f32, f32) {
    let width = |s: &str| measure(s, LEGEND_TEXT_SIZE, false);
    match entry {
        LegendEntry::Node(kind) => {
            let t = width(legend_name(kind));
            (44.0 + t, 70.0 + t)
        }
        LegendEntry::Link(kind @ LinkKind::Causal { .. }) => {
            let t = width(link_legend_name(kind)) + width("delay");
            (96.0 + t, 120.0 + t)
        }
        LegendEntry::Link(kind) => {
            let t = width(link_legend_name(kind));
            (46.0 + t, 72.0 + t)
        }
    }
}

/// The legend laid out from `at` (the left end of the first row's middle
/// line), wrapping before an entry that would reach past `at.x + limit`.
/// Returns the items, the number of rows and the rightmost x reached.
fn legend_items(
    entries: &[LegendEntry],
    at: Point,
    limit: Option<f32>,
    hc: bool,
    measure: Measure,
) -> (Vec<Item>, usize, f32) {
    let mut items = Vec::new();
    let (mut x, mut y, mut rows, mut right) = (at.x, at.y, 1, at.x);
    for &entry in entries {
        let (extent, advance) = entry_extent(entry, measure);
        if let Some(limit) = limit
            && x > at.x
            && x + extent > at.x + limit
        {
            (x, y, rows) = (at.x, y + LEGEND_ROW, rows + 1);
        }
        let label = |x: f32, name: &str| {
            text(
                pt(x, y),
                name,
                LEGEND_TEXT_SIZE,
                LEGEND_TEXT,
                false,
                Anchor::Start,
            )
        };
        match entry {
            LegendEntry::Node(kind) => {
                let (fill, border) = node_colours(Some(kind), hc);
                let b = NodeBox {
                    centre: pt(x + 20.0, y),
                    half: pt(18.0, 11.0),
                };
                let shape = shape_of(Some(kind));
                items.push(match shape {
                    NodeShape::Ellipse => Item::Ellipse {
                        centre: b.centre,
                        radius: b.half,
                        fill: solid(fill),
                        stroke: line(border, 1.4),
                    },
                    _ => Item::Path {
                        points: outline(shape, &b),
                        closed: true,
                        fill: solid(fill),
                        stroke: line(border, 1.4),
                    },
                });
                items.push(label(x + 44.0, legend_name(kind)));
            }
            LegendEntry::Link(kind) => {
                let colour = link_colour(kind, hc);
                items.push(polyline(
                    vec![pt(x, y), pt(x + 30.0, y)],
                    Some(Stroke {
                        colour,
                        width: 2.0,
                        dash: dashed(kind).then_some(DASH),
                    }),
                ));
                items.push(filled(
                    vec![
                        pt(x + 38.0, y),
                        pt(x + 29.0, y - 4.5),
                        pt(x + 29.0, y + 4.5),
                    ],
                    colour,
                ));
                let name = link_legend_name(kind);
                items.push(label(x + 46.0, name));
                if matches!(kind, LinkKind::Causal { .. }) {
                    // The delay mark drawn as on the links, then its meaning.
                    let d = x + 72.0 + measure(name, LEGEND_TEXT_SIZE, false);
                    items.push(polyline(
                        vec![pt(d - 12.0, y), pt(d + 16.0, y)],
                        line(colour, 2.0),
                    ));
                    for k in [0.5, 5.5] {
                        items.push(polyline(
                            vec![pt(d + k, y - 7.0), pt(d + k, y + 7.0)],
                            line(colour, 2.0),
                        ));
                    }
                    items.push(label(d + 24.0, "delay"));
                }
            }
        }
        right = right.max(x + extent);
        x += advance;
    }
    (items, rows, right)
}

/// The legend's name for a kind of node.
pub fn legend_name(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Episode => "Practice episode",
        RecordKind::Factor => "Contributing factor",
        RecordKind::Condition => "Latent condition",
        RecordKind::Finding => "Finding",
        RecordKind::Variable => "Causal-loop variable",
        other => other.label(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::text_width;

    fn measure(text: &str, size: f32, _bold: bool) -> f32 {
        text_width(text, size)
    }

    fn options(legend: bool) -> SceneOptions<'static> {
        SceneOptions {
            visible: None,
            high_contrast: false,
            legend,
            legend_width: None,
            measure: &measure,
            whole_labels: false,
            elbow_links: false,
        }
    }

    /// A group's tooltip and items.
    type Group<'s> = (&'s Option<String>, &'s Vec<Item>);

    /// The groups of a scene by id, and the legend (the group without id).
    fn groups(scene: &Scene) -> (HashMap<String, Group<'_>>, Option<&Vec<Item>>) {
        let mut by_id = HashMap::new();
        let mut legend = None;
        for item in &scene.items {
            match item {
                Item::Group {
                    id: Some(id),
                    tooltip,
                    items,
                } => {
                    assert!(
                        by_id.insert(id.clone(), (tooltip, items)).is_none(),
                        "{id} twice"
                    );
                }
                Item::Group {
                    id: None, items, ..
                } => {
                    assert!(legend.replace(items).is_none(), "two legends");
                }
                other => panic!("a loose item {other:?}"),
            }
        }
        (by_id, legend)
    }

    fn texts(items: &[Item]) -> Vec<(&str, Point, f32, bool)> {
        let mut out = Vec::new();
        for item in items {
            match item {
                Item::Text {
                    text,
                    at,
                    size,
                    bold,
                    ..
                } => out.push((text.as_str(), *at, *size, *bold)),
                Item::Group { items, .. } => out.extend(texts(items)),
                _ => {}
            }
        }
        out
    }

    /// Every point an item reaches, with text as wide as it measures.
    fn reach(items: &[Item], out: &mut Vec<Point>) {
        for item in items {
            match item {
                Item::Path { points, stroke, .. } => {
                    let w = stroke.map_or(0.0, |s| s.width / 2.0);
                    for p in points {
                        out.extend([*p - pt(w, w), *p + pt(w, w)]);
                    }
                }
                Item::Ellipse {
                    centre,
                    radius,
                    stroke,
                    ..
                } => {
                    let r = *radius + pt(1.0, 1.0) * stroke.map_or(0.0, |s| s.width / 2.0);
                    out.extend([*centre - r, *centre + r]);
                }
                Item::Text {
                    at,
                    text,
                    size,
                    bold,
                    anchor,
                    ..
                } => {
                    let w = measure(text, *size, *bold);
                    let left = match anchor {
                        Anchor::Start => at.x,
                        Anchor::Middle => at.x - w / 2.0,
                        Anchor::End => at.x - w,
                    };
                    out.extend([pt(left, at.y - size / 2.0), pt(left + w, at.y + size / 2.0)]);
                }
                Item::Group { items, .. } => reach(items, out),
            }
        }
    }

    fn assert_within(scene: &Scene) {
        let mut points = Vec::new();
        reach(&scene.items, &mut points);
        assert!(!points.is_empty());
        for p in points {
            assert!(
                (0.0..=scene.width).contains(&p.x) && (0.0..=scene.height).contains(&p.y),
                "{p:?} is outside {}×{} of {}",
                scene.width,
                scene.height,
                scene.title
            );
        }
    }

    #[test]
    fn the_munro_diagram_has_a_group_per_node_link_and_loop_label() {
        let review = crate::examples::munro_appendix2();
        let diagram = &review.diagrams[0];
        let scene = diagram_scene(&review, diagram, &options(false));
        assert_eq!(scene.title, diagram.name);
        // As the SVG has always been: the drawing plus a margin all round.
        assert_eq!((scene.width, scene.height), (1270.0, 730.0));
        let (groups, legend) = groups(&scene);
        assert!(legend.is_none());

        let on = |id: &Id| diagram.nodes.iter().any(|n| &n.item == id);
        let links: Vec<_> = review
            .links
            .iter()
            .filter(|l| on(&l.from) && on(&l.to))
            .collect();
        assert_eq!((diagram.nodes.len(), links.len()), (15, 17));
        assert_eq!(groups.len(), 15 + 17 + review.named_loops.len());
        for node in &diagram.nodes {
            let (tooltip, items) = &groups[node.item.as_str()];
            assert_eq!(
                tooltip.as_deref(),
                Some(review.title_of(&node.item).as_str())
            );
            // Variables are ellipses, with their label centred on the node.
            let Item::Ellipse { centre, radius, .. } = &items[0] else {
                panic!("{:?}", items[0]);
            };
            assert_eq!(*radius, pt(NODE_WIDTH / 2.0, NODE_HEIGHT / 2.0));
            let lines = texts(items);
            assert!((1..=LABEL_LINES).contains(&lines.len()));
            let middle = lines.iter().map(|t| t.1.y).sum::<f32>() / lines.len() as f32;
            assert!((middle - centre.y).abs() < 0.01);
            assert!(lines.iter().all(|t| t.1.x == centre.x));
        }
        // Translated: the leftmost and topmost nodes are a margin in.
        let left = diagram
            .nodes
            .iter()
            .map(|n| n.x)
            .fold(f32::INFINITY, f32::min);
        let top = diagram
            .nodes
            .iter()
            .map(|n| n.y)
            .fold(f32::INFINITY, f32::min);
        let first = &diagram.nodes[0];
        let Item::Ellipse { centre, .. } = &groups[first.item.as_str()].1[0] else {
            panic!()
        };
        let expected = pt(
            first.x - left + NODE_WIDTH / 2.0 + MARGIN,
            first.y - top + NODE_HEIGHT / 2.0 + MARGIN,
        );
        assert!(centre.distance(expected) < 0.01, "{centre:?} {expected:?}");

        // Every link has its kind as tooltip and an S or O mark.
        for link in &links {
            let (tooltip, items) = &groups[link.id.as_str()];
            assert_eq!(tooltip.as_deref(), Some("causal"));
            let LinkKind::Causal { polarity, delay } = link.kind else {
                panic!()
            };
            let letters: Vec<_> = texts(items).into_iter().map(|t| (t.0, t.3)).collect();
            assert_eq!(letters, vec![(polarity.letter(), true)]);
            let lines = items
                .iter()
                .filter(|i| matches!(i, Item::Path { closed: false, .. }))
                .count();
            assert_eq!(lines, if delay { 3 } else { 1 }, "{}", link.id.as_str());
        }
        let all = texts(&scene.items);
        assert!(all.iter().any(|t| t.0 == "S") && all.iter().any(|t| t.0 == "O"));
        // The loop labels, in their groups.
        for named in &review.named_loops {
            let (tooltip, items) = &groups[named.id.as_str()];
            assert_eq!(tooltip.as_deref(), Some(named.name.as_str()));
            assert_eq!(texts(items)[0].0, named.label);
        }
        assert_within(&scene);
    }

    #[test]
    fn the_legend_is_drawn_only_when_asked_and_shows_the_kinds_shown() {
        let review = crate::examples::munro_appendix2();
        let without = diagram_scene(&review, &review.diagrams[0], &options(false));
        let with = diagram_scene(&review, &review.diagrams[0], &options(true));
        assert_eq!(with.height, without.height + LEGEND_HEIGHT);
        assert_eq!(with.width, without.width);
        let (_, legend) = groups(&with);
        let names: Vec<&str> = texts(legend.unwrap()).iter().map(|t| t.0).collect();
        assert_eq!(
            names,
            [
                "Causal-loop variable",
                "causal: S same, O opposite;",
                "delay"
            ]
        );
        assert_within(&with);

        // The worked case map shows four kinds of node and its links.
        let review = crate::examples::worked_case();
        let scene = diagram_scene(&review, &review.diagrams[0], &options(true));
        let (_, legend) = groups(&scene);
        let names: Vec<&str> = texts(legend.unwrap()).iter().map(|t| t.0).collect();
        for name in ["Practice episode", "Contributing factor", "contributed to"] {
            assert!(names.contains(&name), "{names:?}");
        }
        assert!(!names.contains(&"Causal-loop variable"), "{names:?}");
    }

    #[test]
    fn only_visible_records_are_drawn() {
        let review = crate::examples::munro_appendix2();
        let visible: HashSet<Id> = ["V1", "V2", "K1"].iter().map(|s| Id::from(*s)).collect();
        let scene = diagram_scene(
            &review,
            &review.diagrams[0],
            &SceneOptions {
                visible: Some(&visible),
                ..options(true)
            },
        );
        let (groups, legend) = groups(&scene);
        let mut ids: Vec<&str> = groups.keys().map(String::as_str).collect();
        ids.sort();
        assert_eq!(ids, ["K1", "V1", "V2"], "no loop is wholly shown");
        assert!(legend.is_some());
        assert_eq!(scene.width, MIN_WIDTH);
        assert_within(&scene);
        // A link whose ends are shown is drawn only when it is visible too.
        let visible: HashSet<Id> = ["V1", "V2"].iter().map(|s| Id::from(*s)).collect();
        let scene = diagram_scene(
            &review,
            &review.diagrams[0],
            &SceneOptions {
                visible: Some(&visible),
                ..options(false)
            },
        );
        assert_eq!(scene.items.len(), 2);
    }

    #[test]
    fn a_narrow_legend_wraps_into_rows() {
        let review = crate::examples::worked_case();
        let diagram = &review.diagrams[0];
        let one_row = diagram_scene(&review, diagram, &options(true));
        let rows_of = |scene: &Scene| {
            let (_, legend) = groups(scene);
            let mut ys: Vec<f32> = texts(legend.unwrap()).iter().map(|t| t.1.y).collect();
            ys.dedup();
            ys.len()
        };
        assert_eq!(rows_of(&one_row), 1);
        let narrow = diagram_scene(
            &review,
            diagram,
            &SceneOptions {
                legend_width: Some(300.0),
                ..options(true)
            },
        );
        let rows = rows_of(&narrow);
        assert!(rows >= 3, "{rows}");
        assert_eq!(
            narrow.height,
            one_row.height + LEGEND_ROW * (rows - 1) as f32
        );
        assert_eq!(narrow.width, one_row.width);
        assert_within(&narrow);
        // No row reaches past the width asked for, unless one entry alone
        // is wider.
        let (_, legend) = groups(&narrow);
        for t in texts(legend.unwrap()) {
            let right = t.1.x + measure(t.0, t.2, false);
            assert!(
                right <= LEGEND_LEFT + 300.0 || t.1.x < LEGEND_LEFT + 100.0,
                "{t:?}"
            );
        }
        // Too narrow for any entry: one entry a row, the figure widened
        // to hold the widest.
        let tiny = diagram_scene(
            &review,
            &review.diagrams[1],
            &SceneOptions {
                legend_width: Some(10.0),
                ..options(true)
            },
        );
        assert_eq!(rows_of(&tiny), 2, "a variable, then causal links");
        let widest = entry_extent(
            LegendEntry::Link(legend_kind(LinkKind::Causal {
                polarity: Polarity::Opposite,
                delay: true,
            })),
            &measure,
        )
        .0;
        assert!(tiny.width >= widest + 2.0 * LEGEND_LEFT);
        assert_within(&tiny);
    }

    #[test]
    fn every_figure_of_the_examples_stays_within_its_bounds() {
        for review in [
            crate::examples::munro_appendix2(),
            crate::examples::worked_case(),
        ] {
            for diagram in &review.diagrams {
                for (legend, legend_width, high_contrast) in [
                    (false, None, false),
                    (true, None, true),
                    (true, Some(250.0), false),
                ] {
                    let scene = diagram_scene(
                        &review,
                        diagram,
                        &SceneOptions {
                            high_contrast,
                            legend_width,
                            ..options(legend)
                        },
                    );
                    assert!(scene.width >= MIN_WIDTH && scene.height > 2.0 * MARGIN);
                    assert_within(&scene);
                }
            }
        }
    }

    #[test]
    fn nodes_without_a_record_or_position_are_left_out() {
        let mut review = crate::examples::munro_appendix2();
        let diagram = &mut review.diagrams[0];
        diagram.nodes[0].x = f32::NAN;
        diagram.nodes[1].item = Id::from("V999");
        let duplicate = diagram.nodes[2].clone();
        diagram.nodes.push(duplicate);
        let scene = diagram_scene(&review, &review.diagrams[0], &options(false));
        let (groups, _) = groups(&scene);
        let nodes = groups.keys().filter(|id| id.starts_with('V')).count();
        assert_eq!(nodes, 13);
        assert_within(&scene);
        // An empty diagram is a blank figure of the least size.
        let empty = diagram_scene(&review, &Diagram::default(), &options(true));
        assert_eq!(empty.width, MIN_WIDTH);
        assert_within(&Scene {
            items: vec![Item::Group {
                id: None,
                tooltip: None,
                items: vec![text(pt(1.0, 1.0), "", 1.0, WHITE, false, Anchor::Start)],
            }],
            ..empty
        });
    }
}
