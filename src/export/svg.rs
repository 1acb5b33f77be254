//! A diagram as an SVG figure: the same shapes, colours, arrowheads, S/O
//! marks, delay strokes and loop labels as the canvas, with labels wrapped
//! inside their nodes, each node's full text as its tooltip (`<title>`),
//! and a legend of the kinds shown.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use super::font::{FONT_FAMILY, text_width};
use super::geometry::{
    ArrowSize, LABEL_LINES, LABEL_SIZE, LinkShape, NODE_HEIGHT, NODE_WIDTH, NodeBox, NodeShape,
    Point, Rgb, badge_arc, badge_position, clockwise, dashed, delay_strokes, label_width_share,
    link_colour, link_shape, node_colours, note_fold, outline, polarity_mark, pt, shape_of,
    wrap_label,
};
use crate::analysis::loops::{LoopKind, NamedLoopState, named_loop_state};
use crate::model::{Diagram, Id, LinkKind, RecordKind, Review};

/// What to put in the figure.
#[derive(Debug, Clone, Copy, Default)]
pub struct SvgOptions<'a> {
    /// When set, only these records (nodes and links) are drawn (a
    /// presentation stage, a filter).
    pub visible: Option<&'a HashSet<Id>>,
    /// The projector palette: paler fills, darker lines, thicker strokes.
    pub high_contrast: bool,
    /// Draw a legend of the kinds of node and link shown.
    pub legend: bool,
}

/// Margin around the drawing, in diagram units.
const MARGIN: f32 = 40.0;
const ARROW: ArrowSize = ArrowSize {
    length: 13.0,
    half_width: 6.0,
};

/// One node to draw.
struct Placed<'r> {
    id: &'r Id,
    kind: Option<RecordKind>,
    shape: NodeShape,
    b: NodeBox,
}

/// The diagram as an SVG document. Nodes whose record no longer exists, or
/// with positions that are not numbers, are left out.
pub fn diagram_svg(review: &Review, diagram: &Diagram, options: &SvgOptions) -> String {
    let shows = |id: &Id| options.visible.is_none_or(|v| v.contains(id));
    let placed: Vec<Placed> = diagram
        .nodes
        .iter()
        .filter(|n| n.x.is_finite() && n.y.is_finite() && shows(&n.item))
        .filter_map(|n| {
            let kind = review.kind_of(&n.item)?;
            Some(Placed {
                id: &n.item,
                kind: Some(kind),
                shape: shape_of(Some(kind)),
                b: NodeBox::at(n.x, n.y),
            })
        })
        .collect();
    let index: HashMap<&Id, usize> = placed.iter().enumerate().map(|(i, p)| (p.id, i)).collect();

    let (mut min, mut max) = (pt(0.0, 0.0), pt(NODE_WIDTH, NODE_HEIGHT));
    if let Some(first) = placed.first() {
        (min, max) = (first.b.min(), first.b.max());
    }
    for p in &placed {
        min = pt(min.x.min(p.b.min().x), min.y.min(p.b.min().y));
        max = pt(max.x.max(p.b.max().x), max.y.max(p.b.max().y));
    }
    let legend_height = if options.legend { 56.0 } else { 0.0 };
    let (x0, y0) = (min.x - MARGIN, min.y - MARGIN);
    let width = (max.x - min.x + 2.0 * MARGIN).max(560.0);
    let height = max.y - min.y + 2.0 * MARGIN + legend_height;
    let stroke = if options.high_contrast { 2.6 } else { 1.6 };

    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="{x0} {y0} {w} {h}" font-family="{FONT_FAMILY}">"#,
        w = num(width),
        h = num(height),
        x0 = num(x0),
        y0 = num(y0),
    );
    let _ = writeln!(out, "<title>{}</title>", escape(&diagram.name));
    let _ = writeln!(
        out,
        r##"<rect x="{}" y="{}" width="{}" height="{}" fill="#ffffff"/>"##,
        num(x0),
        num(y0),
        num(width),
        num(height)
    );

    // Links first, so that nodes cover their ends.
    let mut segments: Vec<(Point, Point)> = Vec::new();
    let pairs: HashSet<(&Id, &Id)> = review.links.iter().map(|l| (&l.from, &l.to)).collect();
    out.push_str("<g fill=\"none\" stroke-linecap=\"round\">\n");
    for link in &review.links {
        let (Some(&a), Some(&b)) = (index.get(&link.from), index.get(&link.to)) else {
            continue;
        };
        if a == b || !shows(&link.id) {
            continue;
        }
        let shift = if pairs.contains(&(&link.to, &link.from)) {
            7.0
        } else {
            0.0
        };
        let (a, b) = (&placed[a], &placed[b]);
        let Some(shape) = link_shape((a.shape, &a.b), (b.shape, &b.b), shift, ARROW) else {
            continue;
        };
        segments.push((shape.start, shape.tip));
        write_link(
            &mut out,
            &link.id,
            link.kind,
            &shape,
            stroke,
            options.high_contrast,
        );
    }
    out.push_str("</g>\n");

    for p in &placed {
        write_node(&mut out, review, p, stroke, options.high_contrast);
    }

    // Loop labels of named loops wholly on the figure.
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
        let radius = 22.0;
        let at = badge_position(&centres, &obstacles, &segments, &badges, radius);
        badges.push(at);
        let colour = match kind {
            LoopKind::Reinforcing => Rgb(190, 50, 40),
            LoopKind::Balancing => Rgb(30, 90, 180),
        };
        let (arc, head) = badge_arc(at, radius, clockwise(&centres));
        let _ = writeln!(
            out,
            r##"<g><circle cx="{}" cy="{}" r="{}" fill="#ffffff" fill-opacity="0.92"/><polyline points="{}" fill="none" stroke="{c}" stroke-width="2.2"/><polygon points="{}" fill="{c}"/><text x="{}" y="{}" font-size="{}" font-weight="bold" text-anchor="middle" dominant-baseline="central" fill="{c}">{}</text></g>"##,
            num(at.x),
            num(at.y),
            num(radius + 2.0),
            points(&arc),
            points(&head),
            num(at.x),
            num(at.y),
            num(radius * 0.8),
            escape(&named.label),
            c = colour.hex(),
        );
    }

    if options.legend {
        write_legend(
            &mut out,
            review,
            &placed,
            pt(x0 + 16.0, max.y + MARGIN),
            options.high_contrast,
        );
    }
    out.push_str("</svg>\n");
    out
}

fn write_link(out: &mut String, id: &Id, kind: LinkKind, s: &LinkShape, stroke: f32, hc: bool) {
    let colour = link_colour(kind, hc).hex();
    let dash = if dashed(kind) {
        r#" stroke-dasharray="7 5""#
    } else {
        ""
    };
    let _ = write!(
        out,
        r#"<g id="{}"><title>{}</title><line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{colour}" stroke-width="{}"{dash}/><polygon points="{}" fill="{colour}" stroke="none"/>"#,
        escape(id.as_str()),
        escape(kind.label()),
        num(s.start.x),
        num(s.start.y),
        num(s.base.x),
        num(s.base.y),
        num(stroke),
        points(&s.head),
    );
    if let LinkKind::Causal { polarity, delay } = kind {
        if delay {
            for [a, b] in delay_strokes(s, 8.0) {
                let _ = write!(
                    out,
                    r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{colour}" stroke-width="{}"/>"#,
                    num(a.x),
                    num(a.y),
                    num(b.x),
                    num(b.y),
                    num(stroke + 0.4)
                );
            }
        }
        let r = 10.0;
        let at = polarity_mark(s, r);
        let _ = write!(
            out,
            r##"<circle cx="{}" cy="{}" r="{}" fill="#ffffff" stroke="{colour}" stroke-width="1.2"/><text x="{}" y="{}" font-size="{}" font-weight="bold" text-anchor="middle" dominant-baseline="central" fill="{colour}" stroke="none">{}</text>"##,
            num(at.x),
            num(at.y),
            num(r),
            num(at.x),
            num(at.y),
            num(r * 1.3),
            polarity.letter()
        );
    }
    out.push_str("</g>\n");
}

fn write_node(out: &mut String, review: &Review, p: &Placed, stroke: f32, hc: bool) {
    let (fill, border) = node_colours(p.kind, hc);
    let title = review.title_of(p.id);
    let _ = write!(
        out,
        r#"<g id="{}"><title>{}</title>"#,
        escape(p.id.as_str()),
        escape(&title)
    );
    let paint = format!(
        r#"fill="{}" stroke="{}" stroke-width="{}""#,
        fill.hex(),
        border.hex(),
        num(stroke)
    );
    match p.shape {
        NodeShape::Ellipse => {
            let _ = write!(
                out,
                r#"<ellipse cx="{}" cy="{}" rx="{}" ry="{}" {paint}/>"#,
                num(p.b.centre.x),
                num(p.b.centre.y),
                num(p.b.half.x),
                num(p.b.half.y)
            );
        }
        shape => {
            let _ = write!(
                out,
                r#"<polygon points="{}" {paint}/>"#,
                points(&outline(shape, &p.b))
            );
            if shape == NodeShape::Note {
                let _ = write!(
                    out,
                    r#"<polyline points="{}" fill="none" stroke="{}" stroke-width="{}"/>"#,
                    points(&note_fold(&p.b)),
                    border.hex(),
                    num(stroke * 0.8)
                );
            }
        }
    }
    let size = if hc { LABEL_SIZE * 1.15 } else { LABEL_SIZE };
    let width = NODE_WIDTH * label_width_share(p.shape);
    let lines = wrap_label(&title, width, LABEL_LINES, |s| text_width(s, size));
    let line_height = size * 1.2;
    let top = p.b.centre.y - line_height * (lines.len() as f32 - 1.0) / 2.0;
    let text_colour = if hc { "#000000" } else { "#111111" };
    let _ = write!(
        out,
        r#"<text font-size="{}" text-anchor="middle" dominant-baseline="central" fill="{text_colour}">"#,
        num(size)
    );
    for (i, line) in lines.iter().enumerate() {
        let _ = write!(
            out,
            r#"<tspan x="{}" y="{}">{}</tspan>"#,
            num(p.b.centre.x),
            num(top + line_height * i as f32),
            escape(line)
        );
    }
    out.push_str("</text></g>\n");
}

fn write_legend(out: &mut String, review: &Review, placed: &[Placed], at: Point, hc: bool) {
    let kinds: Vec<RecordKind> = [
        RecordKind::Episode,
        RecordKind::Factor,
        RecordKind::Condition,
        RecordKind::Finding,
        RecordKind::Variable,
    ]
    .into_iter()
    .filter(|k| placed.iter().any(|p| p.kind == Some(*k)))
    .collect();
    let mut x = at.x;
    let y = at.y + 20.0;
    out.push_str("<g font-size=\"14\">\n");
    for kind in kinds {
        let (fill, border) = node_colours(Some(kind), hc);
        let b = NodeBox {
            centre: pt(x + 20.0, y),
            half: pt(18.0, 11.0),
        };
        let shape = shape_of(Some(kind));
        let swatch = match shape {
            NodeShape::Ellipse => format!(
                r#"<ellipse cx="{}" cy="{}" rx="18" ry="11""#,
                num(b.centre.x),
                num(b.centre.y)
            ),
            _ => format!(r#"<polygon points="{}""#, points(&outline(shape, &b))),
        };
        let name = legend_name(kind);
        let _ = writeln!(
            out,
            r##"{swatch} fill="{}" stroke="{}" stroke-width="1.4"/><text x="{}" y="{}" dominant-baseline="central" fill="#222222">{name}</text>"##,
            fill.hex(),
            border.hex(),
            num(x + 44.0),
            num(y),
        );
        x += 52.0 + text_width(name, 14.0) + 18.0;
    }
    let kinds_of_links: Vec<LinkKind> = {
        let mut seen: Vec<LinkKind> = Vec::new();
        for l in &review.links {
            let k = match l.kind {
                LinkKind::Causal { .. } => LinkKind::Causal {
                    polarity: crate::model::Polarity::Same,
                    delay: false,
                },
                k => k,
            };
            let shown =
                placed.iter().any(|p| p.id == &l.from) && placed.iter().any(|p| p.id == &l.to);
            if shown && !seen.contains(&k) {
                seen.push(k);
            }
        }
        seen
    };
    for kind in kinds_of_links {
        let colour = link_colour(kind, hc).hex();
        let name = match kind {
            LinkKind::Causal { .. } => "causal: S same, O opposite;",
            k => k.label(),
        };
        let dash = if dashed(kind) {
            r#" stroke-dasharray="7 5""#
        } else {
            ""
        };
        let _ = writeln!(
            out,
            r##"<line x1="{}" y1="{y}" x2="{}" y2="{y}" stroke="{colour}" stroke-width="2"{dash}/><polygon points="{}" fill="{colour}"/><text x="{}" y="{y}" dominant-baseline="central" fill="#222222">{}</text>"##,
            num(x),
            num(x + 30.0),
            points(&[
                pt(x + 38.0, y),
                pt(x + 29.0, y - 4.5),
                pt(x + 29.0, y + 4.5)
            ]),
            num(x + 46.0),
            escape(name),
            y = num(y),
        );
        x += 54.0 + text_width(name, 14.0) + 18.0;
        if matches!(kind, LinkKind::Causal { .. }) {
            // The delay mark drawn, as on the links, then its meaning.
            let _ = writeln!(
                out,
                r##"<line x1="{}" y1="{y}" x2="{}" y2="{y}" stroke="{colour}" stroke-width="2"/><line x1="{a}" y1="{top}" x2="{a}" y2="{bottom}" stroke="{colour}" stroke-width="2"/><line x1="{b}" y1="{top}" x2="{b}" y2="{bottom}" stroke="{colour}" stroke-width="2"/><text x="{}" y="{y}" dominant-baseline="central" fill="#222222">delay</text>"##,
                num(x - 12.0),
                num(x + 16.0),
                num(x + 24.0),
                y = num(y),
                a = num(x + 0.5),
                b = num(x + 5.5),
                top = num(y - 7.0),
                bottom = num(y + 7.0),
            );
            x += 30.0 + text_width("delay", 14.0) + 18.0;
        }
    }
    out.push_str("</g>\n");
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

/// A number with at most two decimals and no trailing zeros.
fn num(v: f32) -> String {
    let s = format!("{:.2}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

fn points(list: &[Point]) -> String {
    list.iter()
        .map(|p| format!("{},{}", num(p.x), num(p.y)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Text made safe for XML.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_munro_diagram_becomes_svg_with_every_node_link_and_loop_label() {
        let review = crate::examples::munro_appendix2();
        let svg = diagram_svg(
            &review,
            &review.diagrams[0],
            &SvgOptions {
                legend: true,
                ..Default::default()
            },
        );
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.trim_end().ends_with("</svg>"));
        assert_eq!(
            svg.matches("<ellipse cx").count(),
            15 + 1,
            "15 variables and a legend swatch"
        );
        assert_eq!(svg.matches("<g id=\"K").count(), 17);
        for label in ["B1", "B2", "R1"] {
            assert!(svg.contains(&format!(">{label}</text>")), "{label}");
        }
        // Full names are tooltips even where the label is elided.
        assert!(
            svg.contains(
                "<title>'We Just Followed the Rules' Defence</title>"
                    .replace('\'', "&apos;")
                    .as_str()
            )
        );
        assert!(svg.contains("causal: S same, O opposite;"));
        assert!(svg.contains(">delay</text>"));
    }

    #[test]
    fn only_visible_records_are_drawn_and_text_is_escaped() {
        let mut review = crate::examples::munro_appendix2();
        review.variables[0].name = "A <b> & \"c\"".into();
        let visible: HashSet<Id> = ["V1", "V2", "K1"].iter().map(|s| Id::from(*s)).collect();
        let svg = diagram_svg(
            &review,
            &review.diagrams[0],
            &SvgOptions {
                visible: Some(&visible),
                ..Default::default()
            },
        );
        assert_eq!(svg.matches("<ellipse").count(), 2);
        assert_eq!(svg.matches("<g id=\"K").count(), 1);
        assert!(svg.contains("A &lt;b&gt; &amp; &quot;c&quot;"));
        assert!(!svg.contains("<b>"));
        assert!(
            !svg.contains("B1</text>"),
            "a loop not wholly shown has no label"
        );
    }
}
