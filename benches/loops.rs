//! Loop enumeration speed: counting and listing the feedback loops of dense
//! random causal graphs, and of the stress-sized review.
//!
//! Target: at least a million loops a second when counting (the whole-process
//! comparison with networkx is `benches/loops_vs_networkx.py`).
//!
//! A complete graph of 40 variables (1,560 links) has more loops than could
//! ever be gone through; listing its 10 shortest and counting it must each
//! finish within a few seconds (target under 5 s and 200 MB as a whole
//! `foresight loops` process): the count stops at `LOOP_BUDGET` (2,000,000)
//! loops and says "more than", the shortest are found length by length.
//! Measured as whole processes (release, 2-core machine, `/usr/bin/time`):
//! `foresight loops K40.review.ron --max 10` 0.76 s and 10.7 MB peak,
//! `--summary` 0.84 s and 10.5 MB. A generated 200-episode review
//! (1,106,366 loops): `--summary` 0.57 s, `--max 0` writing every loop
//! (1.1 million lines) 4.6 s in 25 MB, `--max 10000` 1.2 s.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use foresight::analysis::loops::{CausalGraph, LOOP_BUDGET};
use foresight::generate::{Size, synthetic_review};
use foresight::model::{Id, Link, LinkKind, Polarity, Review, Variable};

/// A review whose causal links join every two of `n` variables both ways.
fn complete(n: usize) -> Review {
    let mut review = Review::new("Complete causal graph");
    for i in 0..n {
        review.variables.push(Variable {
            id: Id::from(format!("V{}", i + 1)),
            name: format!("Variable {:02}", i + 1),
            ..Default::default()
        });
    }
    for a in 0..n {
        for b in (0..n).filter(|&b| b != a) {
            review.links.push(Link {
                id: Id::from(format!("K{}", review.links.len() + 1)),
                from: Id::from(format!("V{}", a + 1)),
                to: Id::from(format!("V{}", b + 1)),
                kind: LinkKind::Causal {
                    polarity: Polarity::Same,
                    delay: false,
                },
                note: String::new(),
            });
        }
    }
    review
}

fn loops(c: &mut Criterion) {
    let dense = synthetic_review(
        Size {
            variables: 22,
            links_per_variable: 4,
            entries: 0,
            ..Size::STRESS
        },
        5,
    );
    let graph = CausalGraph::from_review(&dense);
    let total = graph.count(None).unwrap().total;
    let mut group = c.benchmark_group(format!("dense graph, 22 variables, {total} loops"));
    group.sample_size(10);
    group.throughput(Throughput::Elements(total));
    group.bench_function("count", |b| b.iter(|| black_box(graph.count(None))));
    group.bench_function("list the 10,000 shortest", |b| {
        b.iter(|| black_box(graph.list(Some(10_000), None)))
    });
    group.finish();

    let stress = synthetic_review(
        Size {
            links_per_variable: 2,
            ..Size::STRESS
        },
        1,
    );
    c.bench_function("build the causal graph of a stress review", |b| {
        b.iter(|| black_box(CausalGraph::from_review(&stress)))
    });

    let k40 = CausalGraph::from_review(&complete(40));
    let mut group = c.benchmark_group("complete graph of 40 variables");
    group.sample_size(10);
    group.bench_function("list the 10 shortest", |b| {
        b.iter(|| black_box(k40.list(Some(10), None)))
    });
    group.bench_function("count (stops at the budget)", |b| {
        b.iter(|| black_box(k40.count_within(LOOP_BUDGET, None)))
    });
    group.finish();
}

criterion_group!(benches, loops);
criterion_main!(benches);
