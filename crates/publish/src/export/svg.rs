//! A diagram as an SVG figure: the same shapes, colours, arrowheads, S/O
//! marks, delay strokes and loop labels as the canvas, with labels wrapped
//! inside their nodes, each node's full text as its tooltip (`<title>`),
//! and a legend of the kinds shown.

use std::collections::HashSet;
use std::fmt::Write as _;

pub use super::scene::legend_name;
use super::scene::{self, Anchor, Fill, Item, Scene, SceneOptions, Stroke};
use foresight_core::diagram::geometry::Point;
use foresight_core::diagram::{FONT_FAMILY, text_width};
use foresight_core::model::{Diagram, Id, Review};

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

/// The width of a text run in the app's face; bold is set about 6% wider.
fn measure(text: &str, size: f32, bold: bool) -> f32 {
    let width = text_width(text, size);
    if bold { width * 1.06 } else { width }
}

/// The diagram as an SVG document. Nodes whose record no longer exists, or
/// with positions that are not numbers, are left out. The figure is the
/// diagram's [`Scene`](scene::diagram_scene); a legend wider than the
/// drawing wraps to further rows.
pub fn diagram_svg(review: &Review, diagram: &Diagram, options: &SvgOptions) -> String {
    scene_svg(&svg_scene(review, diagram, options))
}

/// The scene [`diagram_svg`] draws: labels measured in the SVG's face.
pub fn svg_scene(review: &Review, diagram: &Diagram, options: &SvgOptions) -> Scene {
    scene::build(
        review,
        diagram,
        &SceneOptions {
            visible: options.visible,
            high_contrast: options.high_contrast,
            legend: options.legend,
            legend_width: None,
            measure: &measure,
            elbow_links: false,
        },
        true,
    )
}

/// A scene as an SVG document, one SVG unit per diagram unit.
pub fn scene_svg(scene: &Scene) -> String {
    let mut out = String::new();
    let (w, h) = (num(scene.width), num(scene.height));
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONT_FAMILY}" stroke-linecap="round">"#,
    );
    let _ = writeln!(out, "<title>{}</title>", escape(&scene.title));
    write_body(&mut out, scene);
    out
}

/// A scene as an SVG element to set inside a web page: scaled to the
/// page's width, announced as one image whose name is `title` and whose
/// description is `description` (`<title>` and `<desc>`, with `id` as
/// the stem of their ids).
pub fn scene_svg_inline(scene: &Scene, id: &str, title: &str, description: &str) -> String {
    let mut out = String::new();
    let (w, h) = (num(scene.width), num(scene.height));
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{id}-title {id}-desc" viewBox="0 0 {w} {h}" width="100%" font-family="{FONT_FAMILY}" stroke-linecap="round">"#,
    );
    let _ = writeln!(out, r#"<title id="{id}-title">{}</title>"#, escape(title));
    let _ = writeln!(
        out,
        r#"<desc id="{id}-desc">{}</desc>"#,
        escape(description)
    );
    write_body(&mut out, scene);
    out
}

/// The background and items of a scene, and the closing tag.
fn write_body(out: &mut String, scene: &Scene) {
    let (w, h) = (num(scene.width), num(scene.height));
    let _ = writeln!(
        out,
        r##"<rect x="0" y="0" width="{w}" height="{h}" fill="#ffffff"/>"##
    );
    for item in &scene.items {
        write_item(out, item);
        out.push('\n');
    }
    out.push_str("</svg>\n");
}

fn write_item(out: &mut String, item: &Item) {
    match item {
        Item::Path {
            points: list,
            closed,
            fill,
            stroke,
        } => {
            if let (false, [a, b]) = (*closed, list.as_slice()) {
                let _ = write!(
                    out,
                    r#"<line x1="{}" y1="{}" x2="{}" y2="{}""#,
                    num(a.x),
                    num(a.y),
                    num(b.x),
                    num(b.y)
                );
            } else {
                let element = if *closed { "polygon" } else { "polyline" };
                let _ = write!(out, r#"<{element} points="{}""#, points(list));
            }
            write_paint(out, if *closed { *fill } else { None }, *stroke);
            out.push_str("/>");
        }
        Item::Ellipse {
            centre,
            radius,
            fill,
            stroke,
        } => {
            if radius.x == radius.y {
                let _ = write!(
                    out,
                    r#"<circle cx="{}" cy="{}" r="{}""#,
                    num(centre.x),
                    num(centre.y),
                    num(radius.x)
                );
            } else {
                let _ = write!(
                    out,
                    r#"<ellipse cx="{}" cy="{}" rx="{}" ry="{}""#,
                    num(centre.x),
                    num(centre.y),
                    num(radius.x),
                    num(radius.y)
                );
            }
            write_paint(out, *fill, *stroke);
            out.push_str("/>");
        }
        Item::Text {
            at,
            text,
            size,
            colour,
            bold,
            anchor,
        } => {
            let weight = if *bold { r#" font-weight="bold""# } else { "" };
            let anchor = match anchor {
                Anchor::Start => "start",
                Anchor::Middle => "middle",
                Anchor::End => "end",
            };
            let _ = write!(
                out,
                r#"<text x="{}" y="{}" font-size="{}"{weight} text-anchor="{anchor}" dominant-baseline="central" fill="{}">{}</text>"#,
                num(at.x),
                num(at.y),
                num(*size),
                colour.hex(),
                escape(text)
            );
        }
        Item::Group { id, tooltip, items } => {
            out.push_str("<g");
            if let Some(id) = id {
                let _ = write!(out, r#" id="{}""#, escape(id));
            }
            out.push('>');
            if let Some(tooltip) = tooltip {
                let _ = write!(out, "<title>{}</title>", escape(tooltip));
            }
            // A record's group on one line; other groups one item a line.
            let lines = id.is_none() && tooltip.is_none();
            for item in items {
                if lines {
                    out.push('\n');
                }
                write_item(out, item);
            }
            if lines {
                out.push('\n');
            }
            out.push_str("</g>");
        }
    }
}

/// Fill and stroke attributes.
fn write_paint(out: &mut String, fill: Option<Fill>, stroke: Option<Stroke>) {
    match fill {
        Some(fill) => {
            let _ = write!(out, r#" fill="{}""#, fill.colour.hex());
            if fill.opacity < 1.0 {
                let _ = write!(out, r#" fill-opacity="{}""#, num(fill.opacity));
            }
        }
        None => out.push_str(r#" fill="none""#),
    }
    if let Some(stroke) = stroke {
        let _ = write!(
            out,
            r#" stroke="{}" stroke-width="{}""#,
            stroke.colour.hex(),
            num(stroke.width)
        );
        if let Some([dash, gap]) = stroke.dash {
            let _ = write!(out, r#" stroke-dasharray="{} {}""#, num(dash), num(gap));
        }
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

/// Text made safe for XML and HTML: `&`, `<`, `>` and quotes escaped,
/// control characters other than tab and newline dropped (XML allows none).
/// The SVG figures, the web page and the Word document's added parts use
/// it.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            // Not characters XML allows, anywhere: a file with one is not
            // well-formed.
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_xml_does_not_allow_never_reach_the_figure() {
        let mut review = foresight_core::examples::munro_appendix2();
        review.variables[0].name = "Case\u{FFFF}load \u{FFFE}per\u{1} worker".into();
        let svg = diagram_svg(&review, &review.diagrams[0], &SvgOptions::default());
        assert!(roxmltree::Document::parse(&svg).is_ok(), "well-formed");
        assert!(!svg.contains('\u{FFFF}') && !svg.contains('\u{FFFE}'));
        // And the PNG of it renders.
        assert!(crate::export::png::svg_to_png(&svg, 1.0).is_ok());
    }

    #[test]
    fn the_munro_diagram_becomes_svg_with_every_node_link_and_loop_label() {
        let review = foresight_core::examples::munro_appendix2();
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
        let mut review = foresight_core::examples::munro_appendix2();
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

    #[test]
    fn records_keep_ids_titles_dashes_and_the_legend_wraps_within_the_figure() {
        let mut review = foresight_core::examples::worked_case();
        // One node of each kind of the case map, close together.
        let shown = ["E3", "F1", "LC1", "FN1"];
        let diagram = &mut review.diagrams[0];
        for (i, id) in shown.iter().enumerate() {
            let n = diagram
                .nodes
                .iter_mut()
                .find(|n| n.item.as_str() == *id)
                .unwrap();
            (n.x, n.y) = (100.0 + 60.0 * i as f32, 100.0 * i as f32);
        }
        let mut visible: HashSet<Id> = shown.iter().map(|s| Id::from(*s)).collect();
        let links: Vec<Id> = review
            .links
            .iter()
            .filter(|l| visible.contains(&l.from) && visible.contains(&l.to))
            .map(|l| l.id.clone())
            .collect();
        visible.extend(links);
        let svg = |legend: bool| {
            diagram_svg(
                &review,
                &review.diagrams[0],
                &SvgOptions {
                    visible: Some(&visible),
                    legend,
                    ..Default::default()
                },
            )
        };
        let (with, without) = (svg(true), svg(false));
        let size = |svg: &str| {
            let attribute = |name: &str| {
                svg.split_once(&format!(" {name}=\""))
                    .and_then(|(_, rest)| rest.split_once('"'))
                    .and_then(|(v, _)| v.parse::<f32>().ok())
                    .unwrap()
            };
            (attribute("width"), attribute("height"))
        };
        let ((w1, h1), (w0, h0)) = (size(&with), size(&without));
        assert_eq!(w1, w0, "the legend wraps instead of widening the figure");
        assert!(h1 > h0 + 56.0, "{h1} {h0}");
        assert!(with.contains(&format!(r#"viewBox="0 0 {w1} {h1}""#)));
        for id in shown {
            assert!(with.contains(&format!(r#"<g id="{id}"><title>"#)), "{id}");
        }
        for kind in [
            "Practice episode",
            "Contributing factor",
            "Latent condition",
            "Finding",
        ] {
            assert!(with.contains(&format!(">{kind}</text>")), "{kind}");
        }
        // Evidence links and their legend sample are dashed.
        assert!(with.contains(r#"stroke-dasharray="7 5""#));
        assert!(with.contains(r#"text-anchor="start""#));

        // Loop labels are half-clear discs.
        let review = foresight_core::examples::munro_appendix2();
        let svg = diagram_svg(&review, &review.diagrams[0], &SvgOptions::default());
        assert!(svg.contains(r##"fill="#ffffff" fill-opacity="0.92""##));
        assert!(svg.contains(r#"<g id="NL1"><title>Comply!</title>"#));
    }
}
