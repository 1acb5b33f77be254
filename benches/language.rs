//! Speed of the language lint. Target: a 50,000-word review linted in under
//! 100 ms, so the Language panel and the Overview's why-coverage refresh
//! without a visible pause and `foresight check` stays instant; and judged
//! (phrases, then the blame model's verdict) in under 100 ms as well.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use foresight::analysis::coverage::coverage;
use foresight::analysis::language::{Lexicon, lint_review};
use foresight::model::{ContributingFactor, Finding, Id, PracticeEpisode, Review};

/// The labelled sentences, blaming and systemic, as review prose.
fn sentences() -> Vec<&'static str> {
    include_str!("../tests/language_sentences.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t').map(|(_, s)| s))
        .collect()
}

/// Text of about `words` words, cycling through the sentences.
fn prose(sentences: &[&str], start: usize, words: usize) -> String {
    let mut out = String::new();
    let mut count = 0;
    let mut i = start;
    while count < words {
        let sentence = sentences[i % sentences.len()];
        count += sentence.split_whitespace().count();
        out.push_str(sentence);
        out.push(' ');
        i += 1;
    }
    out
}

/// A review of about 50,000 words of free text: 60 episodes, 300 factors,
/// 30 findings.
fn fifty_thousand_word_review() -> Review {
    let s = sentences();
    let mut review = Review::new("Benchmark");
    review.episodes = (0..60)
        .map(|i| PracticeEpisode {
            id: Id::new(format!("E{}", i + 1)),
            title: format!("Episode {i}"),
            what_happened: prose(&s, i * 7, 170),
            local_rationality: prose(&s, i * 11, 130),
            ..Default::default()
        })
        .collect();
    review.factors = (0..300)
        .map(|i| ContributingFactor {
            id: Id::new(format!("F{}", i + 1)),
            statement: prose(&s, i * 3, 20),
            evidence: prose(&s, i * 5, 20),
            ..Default::default()
        })
        .collect();
    review.findings = (0..30)
        .map(|i| Finding {
            id: Id::new(format!("FN{}", i + 1)),
            title: format!("Finding {i}"),
            statement: prose(&s, i, 40),
            introduction: prose(&s, i + 1, 60),
            in_this_case: prose(&s, i + 2, 120),
            systemic_evidence: prose(&s, i + 3, 100),
            wider_knowledge: prose(&s, i + 4, 80),
            why_it_matters: prose(&s, i + 5, 60),
            questions: (0..3).map(|q| prose(&s, i + q, 20)).collect(),
            ..Default::default()
        })
        .collect();
    review
}

fn language(c: &mut Criterion) {
    let lexicon = Lexicon::built_in();
    let review = fifty_thousand_word_review();
    let words: usize = foresight::analysis::language::review_fields(&review)
        .iter()
        .map(|f| f.text.split_whitespace().count())
        .sum();
    assert!((50_000..55_000).contains(&words), "{words} words");
    let hits = lint_review(&lexicon, &review);
    eprintln!("{words} words, {} hits", hits.len());

    let mut group = c.benchmark_group("language lint");
    group.sample_size(20);
    group.bench_function("lint a 50,000-word review", |b| {
        b.iter(|| black_box(lint_review(&lexicon, &review)))
    });
    group.bench_function("why-coverage of a 50,000-word review", |b| {
        b.iter(|| black_box(coverage(&review, &hits)))
    });
    let fields = foresight::analysis::language::review_fields(&review);
    group.bench_function("judge a 50,000-word review, field by field", |b| {
        b.iter(|| {
            for field in &fields {
                black_box(lexicon.judge_in(field.text, field.context));
            }
        })
    });
    let text = prose(&sentences(), 0, 50_000);
    group.bench_function("lint 50,000 words of one passage", |b| {
        b.iter(|| black_box(lexicon.lint(&text)))
    });
    group.bench_function("load and compile the lexicon and its blame model", |b| {
        b.iter(|| black_box(Lexicon::built_in()))
    });
    group.finish();
}

criterion_group!(benches, language);
criterion_main!(benches);
