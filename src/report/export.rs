//! The PDF export, end to end and without any I/O: the publication check,
//! anonymisation, the report built from the anonymised review, the PDF,
//! and the leak check over everything written. A publication export either
//! passes every step or returns why it refused; the caller writes the
//! bytes (atomically) only on success.

use super::build::{BuildOptions, LeftOut, build_report};
use super::document::{Block, ReportDocument, scene_texts};
use super::pdf::{PdfError, PdfOptions, WrittenPdf, text_width, write_pdf};
use super::template::ReportTemplate;
use crate::analysis::language::Lexicon;
use crate::analysis::readiness::{Inputs, blockers, sections};
use crate::anonymise::{Leak, LeakChecker, anonymise};
use crate::model::Review;
use crate::taxonomy::Taxonomy;

/// What to export.
#[derive(Clone, Copy)]
pub struct ExportOptions<'a> {
    /// The report template.
    pub template: &'a ReportTemplate,
    /// The review's factor taxonomy, for level and category names.
    pub taxonomy: Option<&'a Taxonomy>,
    /// The hindsight and blame lexicon the publication check uses.
    pub lexicon: &'a Lexicon,
    /// An identified draft for the panel's own use (not anonymised, every
    /// finding set, watermarked on every page) instead of a publication.
    pub identified_draft: bool,
    /// Add the anonymised summary chronology appendix.
    pub include_chronology: bool,
    /// The PDF's creation date (unix seconds); `None` gives a fixed date,
    /// so the same review always gives the same bytes.
    pub created: Option<i64>,
}

/// A finished export.
#[derive(Debug)]
pub struct Exported {
    /// The PDF.
    pub pdf: WrittenPdf,
    /// The report that was written.
    pub document: ReportDocument,
    /// Findings left out of the publication.
    pub left_out: Vec<LeftOut>,
}

/// Why an export was refused.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The publication check found blockers.
    #[error("not ready to publish: {}", .0.join("; "))]
    Blocked(Vec<String>),
    /// Something identifying would have been written.
    #[error("the report would leak: {}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Leaks(Vec<Leak>),
    /// The PDF could not be made.
    #[error(transparent)]
    Pdf(#[from] PdfError),
}

/// The report's document for `review` (anonymised unless an identified
/// draft is asked for), without the publication check: for the preview.
pub fn report_document(review: &Review, options: &ExportOptions) -> (ReportDocument, Vec<LeftOut>) {
    let anonymised;
    let source = if options.identified_draft {
        review
    } else {
        anonymised = anonymise(review).review;
        &anonymised
    };
    let measure = |text: &str, size: f32, bold: bool| text_width(text, size, bold);
    let built = build_report(
        source,
        options.template,
        &BuildOptions {
            identified_draft: options.identified_draft,
            include_chronology: options.include_chronology,
            taxonomy: options.taxonomy,
            measure: &measure,
        },
    );
    (built.document, built.left_out)
}

/// Exports `review` as a PDF report.
pub fn export_report(review: &Review, options: &ExportOptions) -> Result<Exported, ExportError> {
    if !options.identified_draft {
        let inputs = Inputs::gather(review, options.lexicon, options.taxonomy.cloned());
        let blocking = blockers(&sections(&inputs));
        if !blocking.is_empty() {
            return Err(ExportError::Blocked(blocking));
        }
    }
    let (document, left_out) = report_document(review, options);
    if !options.identified_draft {
        let leaks = document_leaks(review, &document);
        if !leaks.is_empty() {
            return Err(ExportError::Leaks(leaks));
        }
    }
    let pdf = write_pdf(
        &document,
        &PdfOptions {
            created: options.created,
            ..PdfOptions::default()
        },
    )?;
    if !options.identified_draft {
        // Each block's lines are one string (see `WrittenPdf::texts`), so
        // every word is read in its context, as the document was.
        let checker = LeakChecker::new(review);
        let leaks: Vec<Leak> = pdf
            .texts
            .iter()
            .flat_map(|text| checker.check("the PDF as written", text))
            .collect();
        if !leaks.is_empty() {
            return Err(ExportError::Leaks(leaks));
        }
    }
    Ok(Exported {
        pdf,
        document,
        left_out,
    })
}

/// Every leak of `original`'s real names and identifiers in `document`,
/// each located by the part of the report it is in ("report title",
/// "heading \"3. Method\"", "Figure 2 label").
pub fn document_leaks(original: &Review, document: &ReportDocument) -> Vec<Leak> {
    let checker = LeakChecker::new(original);
    let mut leaks = Vec::new();
    let mut check = |location: &str, text: &str| leaks.extend(checker.check(location, text));
    check("report title", &document.title);
    check("report subtitle", &document.subtitle);
    check("PDF subject", &document.subject);
    for line in &document.title_lines {
        check("title page", line);
    }
    let mut section = String::from("the report");
    for block in &document.blocks {
        match block {
            Block::Heading { level, text } => {
                check(&format!("heading \"{text}\""), text);
                if *level == 1 {
                    section = format!("section \"{text}\"");
                }
            }
            Block::Paragraph { spans, .. } => {
                let text: String = spans.iter().map(|s| s.text.as_str()).collect();
                check(&format!("{section}, paragraph"), &text);
            }
            Block::List { items, .. } => {
                for item in items {
                    let text: String = item.iter().map(|s| s.text.as_str()).collect();
                    check(&format!("{section}, list item"), &text);
                }
            }
            Block::Table(table) => {
                let name = if table.caption.is_empty() {
                    format!("{section}, table")
                } else {
                    table.caption.clone()
                };
                check(&format!("{name}, caption"), &table.caption);
                for cell in table.columns.iter().chain(table.rows.iter().flatten()) {
                    check(&name, cell);
                }
            }
            Block::Figure { scene, caption } => {
                let name = caption.split(':').next().unwrap_or("figure").to_string();
                check(&format!("{name}, caption"), caption);
                check(&format!("{name}, title"), &scene.title);
                let mut texts = Vec::new();
                scene_texts(&scene.items, &mut texts);
                for text in texts {
                    check(&format!("{name} label"), text);
                }
            }
            Block::Contents | Block::PageBreak => {}
        }
    }
    leaks
}

/// A diagram of `original` as a publishable SVG figure: drawn from the
/// anonymised review (with a legend), then leak-checked, labels and
/// tooltips included. `diagram` is the diagram's id.
pub fn publishable_svg(
    original: &Review,
    diagram: &crate::model::Id,
    high_contrast: bool,
) -> Result<String, FigureError> {
    let anonymised = anonymise(original).review;
    let Some(d) = anonymised.diagrams.iter().find(|d| &d.id == diagram) else {
        return Err(FigureError::NoDiagram(diagram.to_string()));
    };
    let scene = crate::export::svg::svg_scene(
        &anonymised,
        d,
        &crate::export::svg::SvgOptions {
            legend: true,
            high_contrast,
            ..Default::default()
        },
    );
    // The figure's words (title, labels, tooltips), each checked whole.
    let checker = LeakChecker::new(original);
    let mut texts = vec![scene.title.as_str()];
    scene_texts(&scene.items, &mut texts);
    let leaks: Vec<Leak> = texts
        .iter()
        .flat_map(|t| checker.check(&format!("figure {diagram}"), t))
        .collect();
    if leaks.is_empty() {
        Ok(crate::export::svg::scene_svg(&scene))
    } else {
        Err(FigureError::Leaks(leaks))
    }
}

/// Why a figure could not be exported.
#[derive(Debug, thiserror::Error)]
pub enum FigureError {
    /// No diagram has the id.
    #[error("the review has no diagram {0}")]
    NoDiagram(String),
    /// Something identifying would have been written.
    #[error("the figure would leak: {}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Leaks(Vec<Leak>),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::examples::worked_case;
    use crate::export::scene::Item;

    fn options<'a>(template: &'a ReportTemplate, lexicon: &'a Lexicon) -> ExportOptions<'a> {
        static TAXONOMY: std::sync::OnceLock<Option<Taxonomy>> = std::sync::OnceLock::new();
        ExportOptions {
            template,
            taxonomy: TAXONOMY
                .get_or_init(|| Taxonomy::built_in("learning-together"))
                .as_ref(),
            lexicon,
            identified_draft: false,
            include_chronology: false,
            created: None,
        }
    }

    fn first_text(items: &mut [Item]) -> Option<&mut String> {
        for item in items {
            match item {
                Item::Text { text, .. } => return Some(text),
                Item::Group { items, .. } => {
                    if let Some(t) = first_text(items) {
                        return Some(t);
                    }
                }
                _ => {}
            }
        }
        None
    }

    #[test]
    fn a_leak_planted_in_a_diagram_label_is_found_and_named() {
        let review = worked_case();
        let template = ReportTemplate::built_in("learning-together").unwrap();
        let lexicon = Lexicon::built_in();
        let (mut document, _) = report_document(&review, &options(&template, &lexicon));
        assert_eq!(document_leaks(&review, &document), vec![]);
        let figure = document
            .blocks
            .iter_mut()
            .find_map(|b| match b {
                Block::Figure { scene, caption } => Some((scene, caption.clone())),
                _ => None,
            })
            .expect("the worked example has figures");
        *first_text(&mut figure.0.items).unwrap() = "Seen by Dean Kilbride".into();
        let name = figure.1.split(':').next().unwrap().to_string();
        let leaks = document_leaks(&review, &document);
        assert_eq!(leaks.len(), 1, "{leaks:#?}");
        assert_eq!(leaks[0].location, format!("{name} label"));
        assert!(leaks[0].text.contains("Dean Kilbride"), "{:?}", leaks[0]);
    }

    #[test]
    fn a_leak_in_the_title_refuses_the_export_before_anything_is_written() {
        let mut review = worked_case();
        let template = ReportTemplate::built_in("briefing").unwrap();
        let lexicon = Lexicon::built_in();
        let mut leaky = template.clone();
        leaky.subtitle = "The review of Maisie-Jane Ashworth".into();
        let result = export_report(&review, &options(&leaky, &lexicon));
        let Err(ExportError::Leaks(leaks)) = result else {
            panic!("refused: {:?}", result.err());
        };
        assert!(
            leaks.iter().any(|l| l.location == "report subtitle"),
            "{leaks:#?}"
        );
        // A publication blocker refuses first.
        review.findings[0].tag = crate::model::FindingTag::Untagged;
        let Err(ExportError::Blocked(blockers)) =
            export_report(&review, &options(&template, &lexicon))
        else {
            panic!("blocked");
        };
        assert!(blockers[0].starts_with("FN1 "), "{blockers:?}");
    }

    #[test]
    fn a_figure_is_drawn_from_the_anonymised_review_and_checked() {
        let review = worked_case();
        let svg = publishable_svg(&review, &review.diagrams[0].id, false).unwrap();
        assert!(svg.starts_with("<svg"));
        for person in &review.people {
            assert!(!svg.contains(&person.name), "{}", person.name);
        }
        assert!(matches!(
            publishable_svg(&review, &crate::model::Id::from("D99"), false),
            Err(FigureError::NoDiagram(_))
        ));
    }
}
