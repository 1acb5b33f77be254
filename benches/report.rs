//! The report export end to end (publication check, anonymisation, report,
//! file, leak check of the file) in each format (PDF, Word, web page) of
//! synthetic reviews made by `foresight generate --episodes N`: the
//! 200-episode review (target: each format under 2 s; the PDF under 5 MB)
//! and a review whose report is about 30 pages (target: the PDF under
//! 300 ms). Each file's size (and the PDF's pages) is printed once.
//!
//! Under `cargo test` each runs once on a small review.

use criterion::{Criterion, criterion_group, criterion_main};
use foresight::analysis::language::Lexicon;
use foresight::generate::{Size, synthetic_review};
use foresight::publication::export::{ExportOptions, ReportFormat, export_report};
use foresight::report::template::ReportTemplate;
use foresight::taxonomy::Taxonomy;

fn benches(c: &mut Criterion) {
    let measuring = std::env::args().any(|a| a == "--bench");
    let template = ReportTemplate::built_in("learning-together").expect("built in");
    let taxonomy = Taxonomy::built_in("learning-together");
    let lexicon = Lexicon::built_in();
    let options = ExportOptions {
        format: ReportFormat::Pdf,
        template: &template,
        taxonomy: taxonomy.as_ref(),
        lexicon: &lexicon,
        identified_draft: false,
        include_chronology: false,
        created: None,
    };
    let sizes: &[usize] = if measuring { &[200, 14] } else { &[4] };
    let mut group = c.benchmark_group("report");
    group.sample_size(10);
    for &episodes in sizes {
        let review = synthetic_review(Size::for_episodes(episodes), 1);
        // Each format: the target is under 2 s for 200 episodes.
        for format in ReportFormat::ALL {
            let options = ExportOptions { format, ..options };
            let exported = export_report(&review, &options).expect("the synthetic review exports");
            println!(
                "{episodes} episodes, {}: {}{:.2} MB",
                format.label(),
                exported
                    .pages
                    .map(|p| format!("{p} pages, "))
                    .unwrap_or_default(),
                exported.bytes.len() as f64 / 1_048_576.0
            );
            group.bench_function(
                format!("export {}, {episodes} episodes", format.extension()),
                |b| b.iter(|| export_report(&review, &options).expect("exports")),
            );
        }
    }
    group.finish();
}

criterion_group!(report, benches);
criterion_main!(report);
