//! The case map canvas on a generated review of 1,000 nodes and 2,500
//! links, in a 1600×1000 canvas: one whole frame (the canvas's input
//! handling, painting and egui's tessellation into triangles), fitted to
//! the view, zoomed in to readable labels, and while panning; and the
//! auto-layout of the same graph.
//!
//! Targets: at most 8 ms a frame; at most 200 ms for the layout.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use eframe::egui::{self, Event, Pos2, RawInput, Rect, pos2, vec2};
use foresight::analysis::layout::{LayoutKind, layout, layout_change};
use foresight::generate::{Size, synthetic_review};
use foresight::model::{Diagram, DiagramKind, DiagramNode, Id, Review};
use foresight::ui::canvas::{Canvas, CanvasInput, Look};
use foresight::ui::edits::Edits;

/// 60 episodes, 500 factors, 100 conditions, 40 findings and 300 variables,
/// with the links cut to 2,500, all on one diagram laid out by the "why"
/// layout.
fn big_review() -> Review {
    let mut review = synthetic_review(
        Size {
            people: 10,
            agencies: 5,
            entries: 0,
            episodes: 60,
            factors: 500,
            conditions: 100,
            findings: 40,
            variables: 300,
            links_per_variable: 5,
            story: false,
        },
        11,
    );
    assert!(review.links.len() >= 2_500, "{}", review.links.len());
    review.links.truncate(2_500);
    let mut nodes = Vec::new();
    for id in review
        .episodes
        .iter()
        .map(|e| &e.id)
        .chain(review.factors.iter().map(|f| &f.id))
        .chain(review.conditions.iter().map(|c| &c.id))
        .chain(review.findings.iter().map(|f| &f.id))
        .chain(review.variables.iter().map(|v| &v.id))
    {
        nodes.push(DiagramNode {
            item: id.clone(),
            x: 0.0,
            y: 0.0,
        });
    }
    assert_eq!(nodes.len(), 1_000);
    review.diagrams = vec![Diagram {
        id: Id::from("D1"),
        name: "Case map".into(),
        kind: DiagramKind::CaseMap,
        nodes,
        stages: Vec::new(),
    }];
    let change = layout_change(&review, &review.diagrams[0], LayoutKind::Why).unwrap();
    change.apply(&mut review).unwrap();
    review
}

fn input(events: Vec<Event>) -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1600.0, 1000.0))),
        events,
        ..Default::default()
    }
}

/// One frame: the canvas filling the screen, then tessellation.
fn frame(ctx: &egui::Context, canvas: &mut Canvas, review: &Review, events: Vec<Event>) -> usize {
    let empty = Default::default();
    let mut edits = Edits::default();
    let mut output = ctx.run_ui(input(events), |ui| {
        let input = CanvasInput {
            review,
            diagram: &review.diagrams[0],
            revision: (0, 0),
            visible: None,
            matches: &empty,
            badges: &[],
            look: Look::NORMAL,
        };
        canvas.show(ui, &input, &mut edits);
    });
    let shapes = std::mem::take(&mut output.shapes);
    let primitives = ctx.tessellate(shapes, output.pixels_per_point);
    // The font atlas is not uploaded anywhere here.
    output.drop_without_applying_deltas();
    primitives.len()
}

fn canvas(c: &mut Criterion) {
    let review = big_review();
    let mut group = c.benchmark_group("canvas, 1,000 nodes and 2,500 links, 1600×1000");
    group.sample_size(30);

    let ctx = egui::Context::default();
    let mut fitted = Canvas::default();
    // Warm up: fonts, the fit, the label cache.
    for _ in 0..3 {
        frame(&ctx, &mut fitted, &review, Vec::new());
    }
    group.bench_function("one frame, whole map fitted", |b| {
        b.iter(|| black_box(frame(&ctx, &mut fitted, &review, Vec::new())))
    });

    let ctx = egui::Context::default();
    let mut zoomed = Canvas::default();
    frame(&ctx, &mut zoomed, &review, Vec::new());
    // Zoom to full size about the middle: readable labels.
    let factor = 1.0 / zoomed.zoom().unwrap();
    zoomed.zoom_by(factor);
    for _ in 0..3 {
        frame(&ctx, &mut zoomed, &review, Vec::new());
    }
    group.bench_function("one frame, zoomed to 100 % (labels drawn)", |b| {
        b.iter(|| black_box(frame(&ctx, &mut zoomed, &review, Vec::new())))
    });

    // Panning: a drag on the background moving 3 points a frame.
    let ctx = egui::Context::default();
    let mut panning = Canvas::default();
    frame(&ctx, &mut panning, &review, Vec::new());
    panning.zoom_by(0.5 / panning.zoom().unwrap());
    let start = pos2(800.0, 990.0);
    frame(
        &ctx,
        &mut panning,
        &review,
        vec![Event::PointerMoved(start)],
    );
    frame(
        &ctx,
        &mut panning,
        &review,
        vec![Event::PointerButton {
            pos: start,
            button: egui::PointerButton::Primary,
            pressed: true,
            modifiers: Default::default(),
        }],
    );
    let mut x = 0.0f32;
    group.bench_function("one frame while panning, zoomed to 50 %", |b| {
        b.iter(|| {
            x = (x + 3.0) % 600.0;
            let at = pos2(800.0 + x, 990.0);
            black_box(frame(
                &ctx,
                &mut panning,
                &review,
                vec![Event::PointerMoved(at)],
            ))
        })
    });
    group.finish();

    let mut group = c.benchmark_group("auto-layout, 1,000 nodes and 2,500 links");
    group.sample_size(10);
    group.bench_function("why layout", |b| {
        b.iter(|| black_box(layout(&review, &review.diagrams[0], LayoutKind::Why)))
    });
    let mut cld = review.clone();
    cld.diagrams[0]
        .nodes
        .retain(|n| n.item.as_str().starts_with('V'));
    group.bench_function("loop layout of its 300 variables", |b| {
        b.iter(|| black_box(layout(&cld, &cld.diagrams[0], LayoutKind::Loops)))
    });
    group.finish();
}

criterion_group!(benches, canvas);
criterion_main!(benches);
