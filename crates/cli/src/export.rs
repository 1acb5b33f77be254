//! `foresight export FILE -o OUT.pdf`: the anonymised PDF report.

use std::path::Path;

use super::{EXIT_PROBLEMS, EXIT_UNREADABLE, plural, same_file};
use foresight_core::analysis::language::Lexicon;
use foresight_core::model::FindingTag;
use foresight_core::store;
use foresight_core::taxonomy::{Taxonomy, template_folders};
use foresight_publish::export::png::{fitting_scale, svg_size, svg_to_png};
use foresight_publish::publication::Publication;
use foresight_publish::publication::export::{
    ExportError, ExportOptions, FigureError, ReportFormat, export_report, publishable_svg,
};
use foresight_publish::report::template::ReportTemplate;

/// Runs `foresight export`: exit 0 when the PDF is written, 1 when the
/// export is refused (publication blockers or leaks; nothing is written),
/// 2 when an input cannot be read or the PDF cannot be written.
pub fn export(
    file: &Path,
    output: &Path,
    template: &str,
    identified_draft: bool,
    include_chronology: bool,
) -> u8 {
    let review = match store::load(file) {
        Ok(review) => review,
        Err(error) => {
            eprintln!("{error}");
            return EXIT_UNREADABLE;
        }
    };
    if same_file(file, output) {
        eprintln!(
            "{}: the report must go to another file: the review is never overwritten",
            output.display()
        );
        return EXIT_UNREADABLE;
    }
    let folders = template_folders();
    let template = match ReportTemplate::find(template, &folders) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("foresight export: {e}");
            return EXIT_UNREADABLE;
        }
    };
    let Ok((lexicon, taxonomy)) = lexicon_and_taxonomy("export", &review) else {
        return EXIT_UNREADABLE;
    };
    let Some(format) = ReportFormat::of_path(output) else {
        eprintln!(
            "{}: the report's file name must end in .pdf, .docx (editable Word) or .html (accessible web page)",
            output.display()
        );
        return EXIT_UNREADABLE;
    };
    let options = ExportOptions {
        format,
        template: &template,
        taxonomy: taxonomy.as_ref(),
        lexicon: &lexicon,
        identified_draft,
        include_chronology,
        created: std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|s| s.trim().parse().ok()),
    };
    let exported = match export_report(&review, &options) {
        Ok(exported) => exported,
        Err(ExportError::Blocked(blockers)) => {
            eprintln!(
                "{}: not exported: not ready to publish: {} blocker{}:",
                file.display(),
                blockers.len(),
                plural(blockers.len())
            );
            for b in &blockers {
                eprintln!("  {b}");
            }
            eprintln!(
                "(`foresight check` lists them in full; an --identified-draft is still possible)"
            );
            return EXIT_PROBLEMS;
        }
        Err(ExportError::Leaks(leaks)) => {
            return refused_for_leaks(file, "report", &leaks);
        }
        Err(error) => {
            eprintln!("{}: not exported: {error}", file.display());
            return EXIT_UNREADABLE;
        }
    };
    for left in &exported.left_out {
        let why = match left.tag {
            FindingTag::Blame => "tagged blame",
            FindingTag::Untagged => "untagged",
            FindingTag::Learning => "not set",
        };
        eprintln!(
            "left out of publication: {} \"{}\" ({why})",
            left.id, left.title
        );
    }
    if let Err(error) =
        store::write_atomic(output, |f| std::io::Write::write_all(f, &exported.bytes))
    {
        eprintln!("{error}");
        return EXIT_UNREADABLE;
    }
    let pages = match exported.pages {
        Some(pages) => format!("{pages} page{}, ", plural(pages)),
        None => String::new(),
    };
    println!(
        "{}: written as a {} ({pages}{} KB{})",
        output.display(),
        format.label(),
        exported.bytes.len().div_ceil(1024),
        if identified_draft {
            ", IDENTIFIED DRAFT: not for publication"
        } else {
            ", anonymised"
        }
    );
    0
}

/// The hindsight and blame lexicon and the review's taxonomy (when found)
/// that a publication is computed with, from the template folders; an
/// unreadable lexicon is reported for `command`.
pub(super) fn lexicon_and_taxonomy(
    command: &str,
    review: &foresight_core::model::Review,
) -> Result<(Lexicon, Option<Taxonomy>), ()> {
    let folders = template_folders();
    match Lexicon::find(&folders) {
        Ok(lexicon) => Ok((
            lexicon,
            Taxonomy::find(&review.meta.taxonomy, &folders).ok(),
        )),
        Err(e) => {
            eprintln!("foresight {command}: {e}");
            Err(())
        }
    }
}

/// Lists the leaks that stopped an export of `file`; exit 1.
fn refused_for_leaks(file: &Path, what: &str, leaks: &[foresight_core::anonymise::Leak]) -> u8 {
    eprintln!(
        "{}: not exported: the {what} would leak {} identifying string{}:",
        file.display(),
        leaks.len(),
        plural(leaks.len())
    );
    for leak in leaks {
        eprintln!("  {leak}");
    }
    EXIT_PROBLEMS
}

/// Runs `foresight figure FILE -o OUT.svg|OUT.png [--diagram ID]`.
pub fn figure(file: &Path, output: &Path, diagram: Option<&str>, high_contrast: bool) -> u8 {
    if super::writes_over("figure", file, output) {
        return EXIT_UNREADABLE;
    }
    let review = match store::load(file) {
        Ok(review) => review,
        Err(error) => {
            eprintln!("{error}");
            return EXIT_UNREADABLE;
        }
    };
    let id = match diagram {
        Some(id) => foresight_core::model::Id::from(id),
        None => match review.diagrams.first() {
            Some(d) => d.id.clone(),
            None => {
                eprintln!("{}: the review has no diagrams", file.display());
                return EXIT_UNREADABLE;
            }
        },
    };
    let Ok((lexicon, taxonomy)) = lexicon_and_taxonomy("figure", &review) else {
        return EXIT_UNREADABLE;
    };
    let publication = Publication::compute(&review, &lexicon, taxonomy);
    let svg = match publishable_svg(&publication, &id, high_contrast) {
        Ok(svg) => svg,
        Err(FigureError::Leaks(leaks)) => {
            return refused_for_leaks(file, "figure", &leaks);
        }
        Err(error) => {
            eprintln!("{}: {error}", file.display());
            return EXIT_UNREADABLE;
        }
    };
    let png = output
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("png"));
    let bytes = if png {
        let (w, h) = svg_size(&svg);
        match svg_to_png(&svg, fitting_scale(w, h, 2.0)) {
            Ok(bytes) => bytes,
            Err(error) => {
                eprintln!("{}: {error}", output.display());
                return EXIT_UNREADABLE;
            }
        }
    } else {
        svg.into_bytes()
    };
    if let Err(error) = store::write_atomic(output, |f| std::io::Write::write_all(f, &bytes)) {
        eprintln!("{error}");
        return EXIT_UNREADABLE;
    }
    println!("{}: written (figure {id}, anonymised)", output.display());
    0
}
