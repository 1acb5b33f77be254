//! The publication of a review, computed once per revision and shared by
//! the check, the panels and every export: the publication check (language
//! lint, why-coverage, validation, placeholders), anonymisation, the
//! published review without left-out findings, residual suspects, the leak
//! check of the published review and the child's journeys. Target: under
//! 1 s for the 200-episode review made by `foresight generate --episodes
//! 200`.
//!
//! Under `cargo test` it runs once on a small review.

use criterion::{Criterion, criterion_group, criterion_main};
use foresight::analysis::language::Lexicon;
use foresight::generate::{Size, synthetic_review};
use foresight::publication::Publication;
use foresight::taxonomy::Taxonomy;

fn benches(c: &mut Criterion) {
    let measuring = std::env::args().any(|a| a == "--bench");
    let taxonomy = Taxonomy::built_in("learning-together");
    let lexicon = Lexicon::built_in();
    let episodes = if measuring { 200 } else { 4 };
    let review = synthetic_review(Size::for_episodes(episodes), 1);
    let publication = Publication::compute(&review, &lexicon, taxonomy.clone());
    assert!(publication.is_ready(), "{:#?}", publication.blockers());
    println!(
        "{episodes} episodes, {} chronology entries: {} replacements, {} residual suspects",
        review.chronology.len(),
        publication.anonymisation.replaced_count(),
        publication.suspects.len()
    );
    let mut group = c.benchmark_group("publication");
    group.sample_size(10);
    group.bench_function(format!("publication, {episodes} episodes"), |b| {
        b.iter(|| Publication::compute(&review, &lexicon, taxonomy.clone()))
    });
    group.finish();
}

criterion_group!(publication, benches);
criterion_main!(publication);
