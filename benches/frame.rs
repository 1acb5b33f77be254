//! The frame time of every panel while a reviewer types, on a review of
//! 200 key practice episodes and 20,000 chronology entries.
//!
//! For each panel: the app is opened on the review and the panel chosen
//! through its real tab; then, frame after frame, one key is typed into an
//! episode's title (a change queued as the form queues it, merging into
//! one undo step), and the whole frame is timed: the edit applied, every
//! per-revision cache the panel keeps brought up to date, the panel drawn,
//! and egui's tessellation into triangles. It prints the median and worst
//! frame of each panel and fails when a median reaches 8 ms or a worst
//! frame 16 ms. While the reviewer types, a large review's derived values
//! (publication, lint, coverage, validation) are those last ready; their
//! workers start once typing pauses, with one copy of the review, whose
//! time is printed last.
//!
//! `cargo bench --bench frame` measures (`-- Report Map` only those
//! panels); `cargo test` (which runs it
//! without `--bench`) makes one short pass on a small review, to keep the
//! benchmark working.

use std::hint::black_box;
use std::time::{Duration, Instant};

use eframe::egui;
use egui_kittest::{Harness, kittest::Queryable};
use foresight::document::Document;
use foresight::edit::builders::put;
use foresight::generate::{Size, synthetic_review};
use foresight::model::{Record, Review};
use foresight::ui::{ForesightApp, PanelKind};

const WIDTH: f32 = 1400.0;
const HEIGHT: f32 = 900.0;
/// The frames measured a panel (after the frames that warm it up).
const TYPED_FRAMES: usize = 60;
const MEDIAN_TARGET: Duration = Duration::from_millis(8);
const WORST_TARGET: Duration = Duration::from_millis(16);

/// 200 episodes and 20,000 entries, with the rest of a review in
/// proportion.
fn big_review(measuring: bool) -> Review {
    let size = if measuring {
        Size {
            people: 120,
            agencies: 15,
            entries: 20_000,
            episodes: 200,
            factors: 800,
            conditions: 50,
            findings: 30,
            variables: 200,
            links_per_variable: 3,
            story: false,
        }
    } else {
        Size {
            entries: 500,
            episodes: 20,
            ..Size::STRESS
        }
    };
    synthetic_review(size, 7)
}

/// The app on `review` with `panel` chosen through its tab.
fn app_on(review: &Review, panel: PanelKind, folder: &std::path::Path) -> ForesightApp {
    let app = ForesightApp::new(Document::untitled(review.clone()), folder.to_path_buf());
    let mut harness = Harness::builder()
        .with_size(egui::vec2(WIDTH, HEIGHT))
        .build_ui_state(|ui, app: &mut ForesightApp| app.show(ui), app);
    harness.run_steps(2);
    harness.get_by_label(panel.label()).click();
    harness.run_steps(2);
    let app = harness.into_state();
    assert_eq!(app.panel(), panel);
    app
}

/// The wall time of one whole frame.
fn frame(ctx: &egui::Context, app: &mut ForesightApp) -> Duration {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(WIDTH, HEIGHT),
        )),
        ..Default::default()
    };
    let start = Instant::now();
    let mut out = ctx.run_ui(input, |ui| app.show(ui));
    let shapes = std::mem::take(&mut out.shapes);
    black_box(ctx.tessellate(shapes, out.pixels_per_point));
    let took = start.elapsed();
    out.drop_without_applying_deltas();
    took
}

/// Median and worst of the typed frames of one panel.
fn measure(review: &Review, panel: PanelKind, frames: usize) -> (Duration, Duration) {
    let folder = tempfile::tempdir().unwrap();
    let mut app = app_on(review, panel, folder.path());
    let ctx = egui::Context::default();
    // Warm up: fonts, and the panel's caches of the review as opened.
    for _ in 0..3 {
        frame(&ctx, &mut app);
    }
    let mut times = Vec::with_capacity(frames);
    for i in 0..frames {
        let episode = app.document().review().episodes[0].clone();
        let typed = char::from(b'a' + (i % 26) as u8);
        app.type_change(
            put("Edit episode title", &episode, Record::Episode, |e| {
                e.title.push(typed)
            }),
            "E1/Episode title",
        );
        times.push(frame(&ctx, &mut app));
    }
    let title = &app.document().review().episodes[0].title;
    assert!(title.len() >= frames, "the typing was not applied: {title}");
    times.sort();
    (times[times.len() / 2], times[times.len() - 1])
}

fn main() {
    let measuring = std::env::args().any(|a| a == "--bench");
    let review = big_review(measuring);
    let frames = if measuring { TYPED_FRAMES } else { 3 };
    println!(
        "frame while typing: {} episodes, {} chronology entries, {WIDTH}x{HEIGHT}",
        review.episodes.len(),
        review.chronology.len()
    );
    // `cargo bench --bench frame -- Report Map` measures those panels only.
    let only: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let mut missed = Vec::new();
    for panel in PanelKind::ALL {
        if !only.is_empty() && !only.iter().any(|o| panel.label().starts_with(o.as_str())) {
            continue;
        }
        let (median, worst) = measure(&review, panel, frames);
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        println!(
            "{:<14} median {:6.2} ms  worst {:6.2} ms",
            panel.label(),
            ms(median),
            ms(worst)
        );
        if median >= MEDIAN_TARGET || worst >= WORST_TARGET {
            missed.push(panel.label());
        }
    }
    // Not a frame of typing: once typing pauses, the workers copy the
    // review (once for all of them) in the frame that starts them.
    let mut copies: Vec<Duration> = (0..5)
        .map(|_| {
            let start = Instant::now();
            black_box(review.clone());
            start.elapsed()
        })
        .collect();
    copies.sort();
    println!(
        "the copy the workers share, made once typing pauses: median {:.2} ms",
        copies[copies.len() / 2].as_secs_f64() * 1000.0
    );
    if measuring && !missed.is_empty() {
        eprintln!("over target (median 8 ms, worst 16 ms): {missed:?}");
        std::process::exit(1);
    }
}
