//! Speed of the review file and of edits on a stress-sized review
//! (20,000 chronology entries, 200 causal variables: `Size::STRESS`).
//!
//! Targets: load and save of a stress review well under a second each, so
//! opening a large review and every autosave feel instant; an edit with its
//! undo under a millisecond, so typing stays smooth.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use foresight::document::Document;
use foresight::edit::{Change, Edit};
use foresight::generate::{Size, synthetic_review};
use foresight::model::{ContributingFactor, Id, Record};
use foresight::{store, validate};

fn review_file(c: &mut Criterion) {
    let review = synthetic_review(Size::STRESS, 1);
    let text = store::to_text(&review);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stress.review.ron");

    let mut group = c.benchmark_group("stress review");
    group.sample_size(10);
    group.bench_function("serialise", |b| {
        b.iter(|| black_box(store::to_text(&review)))
    });
    group.bench_function("parse", |b| {
        b.iter(|| black_box(store::parse_review(&text, &path).unwrap()))
    });
    group.bench_function("save atomically", |b| {
        b.iter(|| store::save(&path, &review).unwrap())
    });
    let taxonomy = foresight::taxonomy::Taxonomy::built_in("learning-together");
    group.bench_function("validate", |b| {
        b.iter(|| black_box(validate::validate(&review, taxonomy.as_ref())))
    });
    group.finish();

    let mut doc = Document::untitled(review);
    c.bench_function("edit a factor and undo it (stress review)", |b| {
        b.iter(|| {
            let factor = ContributingFactor {
                id: Id::from("F150"),
                statement: "Edited statement".into(),
                ..Default::default()
            };
            doc.apply(Change::one("Edit", Edit::Put(Record::Factor(factor))))
                .unwrap();
            doc.undo().unwrap();
        })
    });
}

criterion_group!(benches, review_file);
criterion_main!(benches);
