//! A diagram as a backend-neutral list of drawing items: filled and
//! stroked paths, ellipses and text runs, in diagram units with the origin
//! at the figure's top-left corner and y downwards. The SVG export and the
//! PDF report both draw a [`Scene`], so a figure looks the same in both,
//! and both look like the canvas.

use std::collections::{HashMap, HashSet};

use super::figure::{FigureLink, FigureStyle, review_figure};
use foresight_core::analysis::loops::LoopKind;
use foresight_core::diagram::geometry::{
    LABEL_SIZE, NODE_HEIGHT, NODE_WIDTH, NodeBox, NodeShape, Point, Rgb, arrow_leg, badge_arc,
    clockwise, dashed, delay_strokes, label_box, link_colour, node_colours, note_fold, outline,
    polarity_mark, pt, shape_of,
};
use foresight_core::model::{Diagram, Id, LinkKind, Polarity, RecordKind, Review};

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
    let hc = options.high_contrast;
    let style = FigureStyle {
        label_size: label_size(hc),
        route: !options.elbow_links,
        ..FigureStyle::FIGURE
    };
    let measure = |s: &str, size: f32| (options.measure)(s, size, false);
    let laid = review_figure(review, diagram, options.visible, &style, &measure);
    let mut figure = laid.figure;
    let mut placed: Vec<Placed> = laid
        .nodes
        .iter()
        .zip(&figure.nodes)
        .map(|(id, n)| Placed {
            id,
            kind: n.kind,
            shape: n.shape,
            b: n.b,
        })
        .collect();
    let drawn = &laid.links;
    let at: HashMap<&Id, usize> = laid
        .nodes
        .iter()
        .enumerate()
        .map(|(i, id)| (*id, i))
        .collect();
    let links_in: Vec<(usize, usize)> = figure
        .links
        .iter()
        .map(|l| {
            let link = drawn[l.link];
            (at[&link.from], at[&link.to])
        })
        .collect();
    let routes = if options.elbow_links {
        let boxes: Vec<NodeBox> = figure.nodes.iter().map(|n| n.b).collect();
        super::elbow::elbow_routes(&boxes, &links_in)
    } else {
        vec![None; figure.links.len()]
    };
    for (l, route) in figure.links.iter_mut().zip(routes) {
        if let Some(route) = route
            && let [.., before, tip] = route[..]
            && let Some(leg) = arrow_leg(before, tip, style.arrow)
        {
            l.route = route;
            l.mark_leg = leg.clone();
            l.mark = matches!(drawn[l.link].kind, LinkKind::Causal { .. })
                .then(|| polarity_mark(&leg, MARK_RADIUS));
            l.leg = leg;
        }
    }

    let (min, max) = figure
        .bounds()
        .unwrap_or((pt(0.0, 0.0), pt(NODE_WIDTH, NODE_HEIGHT)));
    // The figure's top-left corner becomes the origin.
    let origin = min - pt(MARGIN, MARGIN);
    let moved = |p: Point| p - origin;
    for (p, n) in placed.iter_mut().zip(&mut figure.nodes) {
        n.b.centre = moved(n.b.centre);
        p.b = n.b;
    }
    for l in &mut figure.links {
        for p in &mut l.route {
            *p = moved(*p);
        }
        for leg in [&mut l.leg, &mut l.mark_leg] {
            leg.start = moved(leg.start);
            leg.tip = moved(leg.tip);
            leg.base = moved(leg.base);
            leg.middle = moved(leg.middle);
            leg.head = leg.head.map(moved);
        }
        l.mark = l.mark.map(moved);
    }
    for b in &mut figure.badges {
        b.at = moved(b.at);
    }
    let mut width = (max.x - min.x + 2.0 * MARGIN).max(MIN_WIDTH);
    let drawing_height = max.y - min.y + 2.0 * MARGIN;
    let stroke = if hc { 2.6 } else { 1.6 };
    let mut items = Vec::new();

    // Links first, so that nodes cover their ends.
    let mut link_kinds: Vec<LinkKind> = Vec::new();
    for l in &figure.links {
        let link = drawn[l.link];
        let general = legend_kind(link.kind);
        if !link_kinds.contains(&general) {
            link_kinds.push(general);
        }
        items.push(Item::Group {
            id: Some(link.id.as_str().to_string()),
            tooltip: Some(link.kind.label().to_string()),
            items: routed_items(link.kind, l, stroke, hc),
        });
    }

    for (p, n) in placed.iter().zip(&figure.nodes) {
        items.push(node_group(review, p, &n.lines, stroke, hc));
    }

    for b in &figure.badges {
        let (named, kind, members) = &laid.loops[b.index];
        let centres: Vec<Point> = members.iter().map(|&i| figure.nodes[i].b.centre).collect();
        items.push(Item::Group {
            id: Some(named.id.as_str().to_string()),
            tooltip: Some(named.name.clone()),
            items: badge_items(b.at, clockwise(&centres), *kind, &named.label),
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

/// Size of node labels in figures: larger in the projector palette.
pub fn label_size(high_contrast: bool) -> f32 {
    if high_contrast {
        LABEL_SIZE * 1.15
    } else {
        LABEL_SIZE
    }
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
    let size = label_size(options.high_contrast);
    let width = NODE_WIDTH * (size / LABEL_SIZE).max(1.0);
    let label = label_box(&review.title_of(id), shape, size, width, |s| {
        (options.measure)(s, size, false)
    });
    label.half.y * 2.0
}

/// A link along its route: the line, its arrowhead and, on causal links,
/// the delay strokes and the S/O mark.
fn routed_items(kind: LinkKind, l: &FigureLink, stroke: f32, hc: bool) -> Vec<Item> {
    let colour = link_colour(kind, hc);
    let mut points: Vec<Point> = l.route[..l.route.len() - 1].to_vec();
    points.push(l.leg.base);
    let mut items = vec![
        polyline(
            points,
            Some(Stroke {
                colour,
                width: stroke,
                dash: dashed(kind).then_some(DASH),
            }),
        ),
        filled(l.leg.head.to_vec(), colour),
    ];
    if let LinkKind::Causal { polarity, delay } = kind {
        if delay {
            for [a, b] in delay_strokes(&l.mark_leg, 8.0) {
                items.push(polyline(vec![a, b], line(colour, stroke + 0.4)));
            }
        }
        let at = l
            .mark
            .unwrap_or_else(|| polarity_mark(&l.mark_leg, MARK_RADIUS));
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

/// A node: its shape, the fold of a finding, and its whole label, `lines`.
fn node_group(review: &Review, p: &Placed, lines: &[String], stroke: f32, hc: bool) -> Item {
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
    let size = label_size(hc);
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
    use foresight_core::diagram::text_width;

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
        let review = foresight_core::examples::munro_appendix2();
        let diagram = &review.diagrams[0];
        let scene = diagram_scene(&review, diagram, &options(false));
        assert_eq!(scene.title, diagram.name);
        // The drawing plus a margin all round: at least as large as the
        // nodes' positions span.
        assert!(scene.width >= 1270.0 && scene.height >= 730.0, "{scene:?}");
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
            assert_eq!(radius.x, NODE_WIDTH / 2.0);
            assert!(radius.y >= NODE_HEIGHT / 2.0);
            let lines = texts(items);
            // The whole title, never cut.
            let words: Vec<&str> = lines.iter().flat_map(|t| t.0.split_whitespace()).collect();
            let title = review.title_of(&node.item);
            assert_eq!(words, title.split_whitespace().collect::<Vec<_>>());
            let middle = lines.iter().map(|t| t.1.y).sum::<f32>() / lines.len() as f32;
            assert!((middle - centre.y).abs() < 0.01);
            assert!(lines.iter().all(|t| t.1.x == centre.x));
        }
        // Moved, and spread apart in proportion where labels need room:
        // the order across and down is the reviewers', and everything is a
        // margin in.
        let centre_of = |id: &Id| match &groups[id.as_str()].1[0] {
            Item::Ellipse { centre, .. } => *centre,
            other => panic!("{other:?}"),
        };
        for a in &diagram.nodes {
            for b in &diagram.nodes {
                let (ca, cb) = (centre_of(&a.item), centre_of(&b.item));
                assert!((a.x - b.x) * (ca.x - cb.x) >= 0.0);
                assert!((a.y - b.y) * (ca.y - cb.y) >= 0.0);
            }
        }
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
        let review = foresight_core::examples::munro_appendix2();
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
        let review = foresight_core::examples::worked_case();
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
        let review = foresight_core::examples::munro_appendix2();
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
        let review = foresight_core::examples::worked_case();
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
            foresight_core::examples::munro_appendix2(),
            foresight_core::examples::worked_case(),
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
        let mut review = foresight_core::examples::munro_appendix2();
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
