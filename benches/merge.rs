//! Merging two reviewers' edited copies of the 200-episode review made by
//! `foresight generate --episodes 200` (12,000 chronology entries): each
//! retitles a different half of the episodes, rewrites lines of 300
//! chronology entries, adds ten contributing factors with the same new
//! ids (renumbered on their side) and deletes different findings; one
//! episode both retitled is a conflict. Target: under 1 s.
//!
//! Under `cargo test` it runs once on a 4-episode review.

use criterion::{Criterion, criterion_group, criterion_main};
use foresight::edit::delete_record;
use foresight::generate::{Size, synthetic_review};
use foresight::merge::merge;
use foresight::model::{ContributingFactor, RecordKind, Review};

/// One reviewer's copy: `side` 0 or 1 picks which records it changes.
fn edited(base: &Review, side: usize) -> Review {
    let mut review = base.clone();
    for (i, episode) in review.episodes.iter_mut().enumerate() {
        if i % 2 == side || i == 0 {
            episode.title = format!("{} (reviewer {side})", episode.title);
        }
    }
    let entries = review.chronology.len();
    for i in (side..entries).step_by(2).take(300) {
        review.chronology[i]
            .text
            .push_str("\nChecked against the agency's record.");
    }
    for n in 0..10 {
        review.factors.push(ContributingFactor {
            id: review.next_id(RecordKind::Factor),
            statement: format!("New factor {n} from reviewer {side}"),
            ..Default::default()
        });
    }
    let doomed: Vec<_> = base
        .findings
        .iter()
        .skip(side)
        .step_by(2)
        .take(3)
        .map(|f| f.id.clone())
        .collect();
    for id in doomed {
        if let Some(change) = delete_record(&review, &id) {
            change.apply(&mut review).expect("a deletion applies");
        }
    }
    review
}

fn benches(c: &mut Criterion) {
    let measuring = std::env::args().any(|a| a == "--bench");
    let episodes = if measuring { 200 } else { 4 };
    let base = synthetic_review(Size::for_episodes(episodes), 1);
    let (ours, theirs) = (edited(&base, 0), edited(&base, 1));
    let merged = merge(&base, &ours, &theirs);
    println!(
        "{episodes} episodes, {} chronology entries: {} conflict(s), {} renumbered",
        base.chronology.len(),
        merged.conflicts.len(),
        merged.renumbered.len()
    );
    assert_eq!(merged.conflicts.len(), 1, "{:#?}", merged.conflicts);
    let mut group = c.benchmark_group("merge");
    group.sample_size(10);
    group.bench_function(format!("merge, {episodes} episodes"), |b| {
        b.iter(|| merge(&base, &ours, &theirs))
    });
    group.finish();
}

criterion_group!(merge_group, benches);
criterion_main!(merge_group);
