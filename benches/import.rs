//! Speed of the chronology import and of the Chronology panel.
//!
//! Targets: reading a 100,000-row agency chronology (CSV text → checked rows
//! with their dates), planning its import (rows → one undoable change,
//! matched to the cast, re-imports recognised) and applying it to the review
//! in at most 1 s together; a frame of the Chronology panel's table or
//! timeline on a review of 20,000 entries (layout and tessellation, all on
//! the CPU) under 8 ms. The import applies as one `Edit::Append`, which
//! checks the review's ids once however many entries it adds.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use eframe::egui;
use egui_kittest::{Harness, kittest::Queryable};
use foresight::document::Document;
use foresight::generate::{Size, synthetic_review};
use foresight::import::chronology::{ImportSource, import_chronology, read_chronology};
use foresight::model::{Agency, AgencyKind, Id, MONTHS, Review};
use foresight::ui::ForesightApp;

const AGENCIES: [&str; 8] = [
    "Eastshire Police",
    "Northbrook Children's Services",
    "Northbrook 0-19 Service",
    "Ashdyke Medical Practice",
    "Fernhill Brook Primary School",
    "Northbrook General Hospital",
    "Northbrook Recovery Partnership",
    "Northbrook Homes",
];

/// A chronology CSV of `rows` rows in the date formats agencies use.
fn chronology_csv(rows: usize) -> String {
    let mut rng = fastrand::Rng::with_seed(7);
    let mut out = String::from("Entry date,Organisation,Author role,Details,People mentioned\n");
    for i in 0..rows {
        let (d, m, y) = (rng.u32(1..=28), rng.u32(1..=12), rng.i32(2015..=2023));
        let date = match i % 10 {
            0 => format!("{d:02}/{m:02}/{y}"),
            1 => format!("{d}/{m}/{:02}", y % 100),
            2 => format!("{d}.{m}.{:02}", y % 100),
            3 => format!("{y}-{m:02}-{d:02}"),
            4 => format!("{d}th {} {y}", MONTHS[m as usize - 1]),
            5 => format!("{d} {} {y}", &MONTHS[m as usize - 1][..3]),
            6 => format!("{} {y}", MONTHS[m as usize - 1]),
            7 => format!("Spring {y}"),
            8 => format!("c. {y}"),
            _ => format!("{d:02}/{m:02}/{y} 14:30"),
        };
        let agency = AGENCIES[i % AGENCIES.len()];
        out.push_str(&format!(
            "{date},{agency},Social worker,\"Home visit {i}: child seen in the living room, mother present, \
             discussed school attendance, housing repairs and the partner's contact.\",Jane Smith; Kelly Smith\n"
        ));
    }
    out
}

fn cast() -> Review {
    let mut review = Review::new("bench");
    review.agencies = AGENCIES
        .iter()
        .enumerate()
        .map(|(i, name)| Agency {
            id: Id::new(format!("A{}", i + 1)),
            name: name.to_string(),
            kind: AgencyKind::Other,
            ..Default::default()
        })
        .collect();
    review
}

fn import(c: &mut Criterion) {
    let text = chronology_csv(100_000);
    let review = cast();
    let mut group = c.benchmark_group("chronology import, 100,000 rows");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(12));
    group.bench_function("read CSV", |b| {
        b.iter(|| {
            let file = read_chronology(text.as_bytes(), "big.csv", None).unwrap();
            assert_eq!(file.rows.len(), 100_000);
            black_box(file)
        })
    });
    group.bench_function("read CSV and plan the import", |b| {
        b.iter(|| {
            let file = read_chronology(text.as_bytes(), "big.csv", None).unwrap();
            let source = ImportSource {
                file: "big.csv",
                rows: &file.rows,
                default_agency: None,
            };
            let plan = import_chronology(&review, &[source]);
            assert_eq!(plan.new_entries, 100_000);
            black_box(plan)
        })
    });
    group.bench_function("read, plan and apply to the review", |b| {
        b.iter(|| {
            let file = read_chronology(text.as_bytes(), "big.csv", None).unwrap();
            let source = ImportSource {
                file: "big.csv",
                rows: &file.rows,
                default_agency: None,
            };
            let plan = import_chronology(&review, &[source]);
            let mut imported = review.clone();
            plan.change.apply(&mut imported).unwrap();
            assert_eq!(imported.chronology.len(), 100_000);
            black_box(imported)
        })
    });
    group.finish();
}

/// The app on a 20,000-entry review with the Chronology panel open in the
/// given view, navigated through its real buttons.
fn app_showing(view: Option<&str>) -> ForesightApp {
    // No edit is made, so nothing is ever autosaved to this folder.
    let folder = tempfile::tempdir().unwrap();
    let app = ForesightApp::new(
        Document::untitled(synthetic_review(Size::STRESS, 1)),
        folder.path().to_path_buf(),
    );
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut ForesightApp| app.show(ui), app);
    harness.run();
    harness.get_by_label("Chronology").click();
    harness.run();
    if let Some(view) = view {
        harness.get_by_label(view).click();
        harness.run();
    }
    harness.into_state()
}

fn frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("chronology panel frame, 20,000 entries");
    group.sample_size(30);
    for (name, view) in [("table", None), ("timeline", Some("Timeline"))] {
        let mut app = app_showing(view);
        let ctx = egui::Context::default();
        let input = || egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1400.0, 900.0),
            )),
            ..Default::default()
        };
        // Warm up: fonts, caches of sorted rows and lanes.
        let mut shapes = 0;
        for _ in 0..3 {
            let mut out = ctx.run_ui(input(), |ui| app.show(ui));
            shapes = out.shapes.len();
            let drawn = std::mem::take(&mut out.shapes);
            black_box(ctx.tessellate(drawn, out.pixels_per_point));
            // The font atlas is not uploaded anywhere here.
            out.drop_without_applying_deltas();
        }
        // The frame really draws the panel: rows or marks, not an empty window.
        assert!(shapes > 150, "{name}: only {shapes} shapes drawn");
        eprintln!("{name}: {shapes} shapes a frame");
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut out = ctx.run_ui(input(), |ui| app.show(ui));
                let drawn = std::mem::take(&mut out.shapes);
                let primitives = black_box(ctx.tessellate(drawn, out.pixels_per_point));
                out.drop_without_applying_deltas();
                primitives
            })
        });
    }
    group.finish();
}

criterion_group!(benches, import, frames);
criterion_main!(benches);
