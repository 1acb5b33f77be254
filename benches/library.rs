//! The library across reviews at scale: adding 1,000 generated reviews
//! (`synthetic_review(Size::for_episodes(20), seed)`, 1,200 chronology
//! entries each) — each published (anonymised, leak-checked) and written
//! in its own transaction — then a full-text search and the recurrence
//! queries over them. Targets: adding 1,000 in under 60 s in release, a
//! query under 50 ms.
//!
//! Under `cargo test` it runs once on 10 reviews.

use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use foresight::analysis::language::Lexicon;
use foresight::generate::{Size, synthetic_review};
use foresight::library::{Grouping, Library};
use foresight::taxonomy::Taxonomy;

fn benches(c: &mut Criterion) {
    let measuring = std::env::args().any(|a| a == "--bench");
    let count: u64 = if measuring { 1_000 } else { 10 };
    let folder = tempfile::tempdir().expect("a temporary folder");
    let db = folder.path().join("library.sqlite");
    let mut library = Library::open_or_create(&db).expect("a new library");
    let lexicon = Lexicon::built_in();

    let started = Instant::now();
    let mut generating = std::time::Duration::ZERO;
    for seed in 1..=count {
        let t = Instant::now();
        let review = synthetic_review(Size::for_episodes(20), seed);
        generating += t.elapsed();
        let taxonomy = Taxonomy::built_in(&review.meta.taxonomy);
        library
            .add_review(
                &review,
                &format!("/reviews/synthetic-{seed}.review.ron"),
                &format!("seed-{seed}"),
                &lexicon,
                taxonomy,
            )
            .expect("a synthetic review publishes without a leak");
    }
    let adding = started.elapsed() - generating;
    assert_eq!(library.review_count().unwrap(), count as usize);
    println!(
        "added {count} reviews in {:.2} s ({:.1} ms each; generating them took {:.2} s more); database {} KiB",
        adding.as_secs_f64(),
        adding.as_secs_f64() * 1000.0 / count as f64,
        generating.as_secs_f64(),
        std::fs::metadata(&db).map(|m| m.len() / 1024).unwrap_or(0)
    );

    let hits = library.search("supervision allocation", false, 50).unwrap();
    assert!(!hits.is_empty());
    let groups = library.recurring(Grouping::Category).unwrap();
    assert!(groups.iter().any(|g| g.reviews.len() == count as usize));

    let mut group = c.benchmark_group("library");
    group.sample_size(10);
    group.bench_function(format!("search two words, {count} reviews"), |b| {
        b.iter(|| library.search("supervision allocation", false, 50).unwrap())
    });
    group.bench_function(format!("search a phrase as typed, {count} reviews"), |b| {
        b.iter(|| {
            library
                .search("\"neglect weight\" superv", true, 50)
                .unwrap()
        })
    });
    group.bench_function(format!("recurring by category, {count} reviews"), |b| {
        b.iter(|| library.recurring(Grouping::Category).unwrap())
    });
    group.bench_function(format!("recurring named loops, {count} reviews"), |b| {
        b.iter(|| library.recurring(Grouping::Loop).unwrap())
    });
    group.finish();
}

criterion_group!(library_group, benches);
criterion_main!(library_group);
