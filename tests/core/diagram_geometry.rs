//! The geometry of every figure Foresight draws (the canvas, presentation
//! mode, SVG, PNG and PDF all draw the one layout of
//! `foresight::export::figure`), checked on every bundled diagram and on
//! generated diagrams of 40 variables: no link passes through a node that
//! is not one of its ends, no label is cut (every word of every title is
//! in its laid-out lines, which fit inside the node), and no loop label
//! (R1, B2) overlaps a link or an S/O mark.

use foresight::analysis::layout::{LayoutKind, layout_change};
use foresight::diagram::geometry::{
    LABEL_SIZE, Point, label_width_share, segment_distance, segment_hits_box,
};
use foresight::diagram::text_width;
use foresight::examples::EXAMPLES;
use foresight::export::figure::{FigureStyle, ReviewFigure, review_figure};
use foresight::generate::{Size, synthetic_review};
use foresight::model::{DiagramKind, Review};

fn measure(text: &str, size: f32) -> f32 {
    text_width(text, size)
}

/// The styles a diagram is drawn in: a figure at print size and in the
/// projector palette, presentation's large type (also with wider nodes,
/// positions stretched across and nodes moved apart only where they
/// overlap, as presentation fits a wide screen), and the editable canvas
/// (positions kept as they are, not spread) at normal and projector size.
fn styles() -> Vec<(&'static str, FigureStyle)> {
    let canvas = |scale: f32| FigureStyle {
        label_size: LABEL_SIZE * scale,
        mark_radius: 10.0 * 1.8f32.sqrt(),
        badge_radius: 22.0 * scale,
        spread: false,
        ..FigureStyle::FIGURE
    };
    vec![
        ("figure", FigureStyle::FIGURE),
        (
            "projector figure",
            FigureStyle {
                label_size: LABEL_SIZE * 1.15,
                ..FigureStyle::FIGURE
            },
        ),
        (
            "presentation",
            FigureStyle {
                label_size: LABEL_SIZE * 2.0,
                mark_radius: 10.0 * 1.8f32.sqrt(),
                badge_radius: 22.0 * 2.0,
                ..FigureStyle::FIGURE
            },
        ),
        (
            "presentation on a wide screen",
            FigureStyle {
                label_size: LABEL_SIZE * 3.2,
                mark_radius: 10.0 * 2.9,
                badge_radius: 22.0 * 3.2,
                wide: 1.2,
                stretch: foresight::diagram::geometry::pt(1.5, 1.0),
                compact: true,
                ..FigureStyle::FIGURE
            },
        ),
        ("canvas", canvas(1.0)),
        ("projector canvas", canvas(1.25)),
    ]
}

/// Every fault of a laid-out diagram, in words.
fn faults(laid: &ReviewFigure, style: &FigureStyle) -> Vec<String> {
    let figure = &laid.figure;
    let mut out = Vec::new();
    // No link through a node that is not one of its ends.
    for l in &figure.links {
        let link = laid.links[l.link];
        for (i, node) in figure.nodes.iter().enumerate() {
            let id = laid.nodes[i];
            if *id == link.from || *id == link.to {
                continue;
            }
            if l.route
                .windows(2)
                .any(|w| segment_hits_box(w[0], w[1], &node.b, 0.0))
            {
                out.push(format!("link {} passes through node {id}", link.id));
            }
        }
    }
    // No label cut: every word in its lines, in order, and the lines fit.
    for (i, node) in figure.nodes.iter().enumerate() {
        let title = &laid.titles[i];
        let want: Vec<&str> = title.split_whitespace().collect();
        let got: Vec<&str> = node
            .lines
            .iter()
            .flat_map(|l| l.split_whitespace())
            .collect();
        if want != got {
            out.push(format!("label of {} cut: {:?}", laid.nodes[i], node.lines));
        }
        if node.lines.iter().any(|l| l.contains('…')) && !title.contains('…') {
            out.push(format!("label of {} elided", laid.nodes[i]));
        }
        let room = node.b.half.x * 2.0 * label_width_share(node.shape);
        for line in &node.lines {
            if measure(line, style.label_size) > room + 0.5 {
                out.push(format!("{line:?} is wider than {}", laid.nodes[i]));
            }
        }
        let text = style.label_size * 1.2 * node.lines.len() as f32;
        if text > node.b.half.y * 2.0 {
            out.push(format!("label of {} taller than its node", laid.nodes[i]));
        }
    }
    // No loop label over a link or a mark.
    let marks: Vec<Point> = figure.links.iter().filter_map(|l| l.mark).collect();
    for b in &figure.badges {
        let name = &laid.loops[b.index].0.label;
        for l in &figure.links {
            for w in l.route.windows(2) {
                let d = segment_distance(b.at, w[0], w[1]);
                if d < style.badge_radius {
                    out.push(format!(
                        "loop label {name} on link {} ({d:.1} from it)",
                        laid.links[l.link].id
                    ));
                }
            }
        }
        for m in &marks {
            if m.distance(b.at) < style.badge_radius + style.mark_radius {
                out.push(format!("loop label {name} on an S/O mark at {m:?}"));
            }
        }
    }
    out
}

fn check(review: &Review, what: &str) -> Vec<String> {
    let mut all = Vec::new();
    for diagram in &review.diagrams {
        for (style_name, style) in styles() {
            let laid = review_figure(review, diagram, None, &style, &measure);
            assert!(
                !laid.figure.nodes.is_empty(),
                "{what}: {} is empty",
                diagram.name
            );
            for fault in faults(&laid, &style) {
                all.push(format!("{what}, {} ({style_name}): {fault}", diagram.name));
            }
        }
    }
    all
}

#[test]
fn every_bundled_diagram_has_no_link_under_a_node_no_cut_label_and_clear_loop_labels() {
    let mut faults = Vec::new();
    for example in EXAMPLES {
        let review = example.review();
        faults.extend(check(&review, example.file_name));
        // Each stage of a presentation is a figure of its own.
        for diagram in &review.diagrams {
            for stage in 0..diagram.stages.len() {
                let visible = foresight::analysis::stages::visible_at(&review, diagram, stage);
                let style = styles()[2].1;
                let laid = review_figure(&review, diagram, Some(&visible), &style, &measure);
                for fault in self::faults(&laid, &style) {
                    faults.push(format!("{}, stage {}: {fault}", diagram.name, stage + 1));
                }
            }
        }
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

#[test]
fn generated_diagrams_of_forty_variables_have_no_link_under_a_node_and_clear_loop_labels() {
    let mut faults = Vec::new();
    for seed in [1, 2, 3] {
        let mut review = synthetic_review(
            Size {
                entries: 0,
                ..Size::for_episodes(160)
            },
            seed,
        );
        // Only the causal loop diagram of 40 variables.
        review
            .diagrams
            .retain(|d| d.kind == DiagramKind::CausalLoop);
        assert_eq!(review.diagrams[0].nodes.len(), 40);
        assert!(review.named_loops.len() >= 10);
        faults.extend(check(&review, &format!("seed {seed}")));
        // And as the loop layout lays it out.
        let change = layout_change(&review, &review.diagrams[0], LayoutKind::Loops).unwrap();
        change.apply(&mut review).unwrap();
        faults.extend(check(&review, &format!("seed {seed}, laid out")));
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

#[test]
fn the_check_finds_a_link_under_a_node_when_routing_is_off() {
    // The test can fail: with routing off, the generated diagrams' links
    // run straight under other nodes.
    let review = synthetic_review(
        Size {
            entries: 0,
            ..Size::for_episodes(160)
        },
        1,
    );
    let diagram = review
        .diagrams
        .iter()
        .find(|d| d.kind == DiagramKind::CausalLoop)
        .unwrap();
    let style = FigureStyle {
        route: false,
        ..FigureStyle::FIGURE
    };
    let laid = review_figure(&review, diagram, None, &style, &measure);
    let found = faults(&laid, &style);
    assert!(
        found.iter().any(|f| f.contains("passes through node")),
        "{found:?}"
    );
}
