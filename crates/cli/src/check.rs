//! `foresight check FILE`: is the review ready to publish? Prints each
//! section of [`foresight_publish::readiness`] and exits 1 when any section
//! blocks publication.

use std::path::Path;

use super::{EXIT_PROBLEMS, EXIT_UNREADABLE};
use foresight_core::model::FindingTag;
use foresight_core::store;
use foresight_publish::publication::Publication;

/// Runs `foresight check FILE`: exit 0 when ready to publish, 1 when
/// something blocks publication, 2 when the file cannot be read.
pub fn check(path: &Path) -> u8 {
    let review = match store::load(path) {
        Ok(review) => review,
        Err(error) => {
            eprintln!("{error}");
            return EXIT_UNREADABLE;
        }
    };
    let Ok((lexicon, taxonomy)) = super::export::lexicon_and_taxonomy("check", &review) else {
        return EXIT_UNREADABLE;
    };
    let publication = Publication::compute(&review, &lexicon, taxonomy);
    let sections = &publication.sections;
    println!(
        "{}: publication check of \"{}\"\n",
        path.display(),
        review.meta.title
    );
    for section in sections {
        println!("{}", section.render());
    }
    let blockers: Vec<&String> = sections.iter().flat_map(|s| &s.blockers).collect();
    let left_out = review
        .findings
        .iter()
        .filter(|f| f.tag == FindingTag::Blame)
        .count();
    let learning = review
        .findings
        .iter()
        .filter(|f| f.tag == FindingTag::Learning)
        .count();
    if publication.is_ready() {
        println!(
            "{}: ready to publish: {learning} learning finding{}, {left_out} left out of publication",
            path.display(),
            if learning == 1 { "" } else { "s" }
        );
        0
    } else {
        println!(
            "{}: not ready to publish: {} blocker{}:",
            path.display(),
            blockers.len(),
            if blockers.len() == 1 { "" } else { "s" }
        );
        for blocker in blockers {
            println!("  {blocker}");
        }
        EXIT_PROBLEMS
    }
}
