//! Loop enumeration speed: counting and listing the feedback loops of dense
//! random causal graphs, and of the stress-sized review.
//!
//! Target: at least a million loops a second when counting (the whole-process
//! comparison with networkx is `benches/loops_vs_networkx.py`).

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use foresight::analysis::loops::CausalGraph;
use foresight::generate::{Size, synthetic_review};

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
}

criterion_group!(benches, loops);
criterion_main!(benches);
