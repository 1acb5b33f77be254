//! The report export, end to end and without any I/O: the publication's
//! check, the report built from the published review, the file (PDF,
//! Word or web page, from the same document), and the leak check over
//! everything written. A publication export either passes
//! every step or returns why it refused; the caller writes the bytes
//! (atomically) only on success. Figures are drawn from the same
//! published review and leak-checked the same way.

use super::Publication;
use crate::placeholders::template_placeholders;
use crate::report::build::{BuildOptions, KeyDates, LeftOut, build_report};
use crate::report::document::{Block, ReportDocument, scene_texts};
use crate::report::docx::{DocxError, readable_texts, write_docx};
use crate::report::html::{page_texts, write_html};
use crate::report::pdf::{PdfError, PdfOptions, WrittenPdf, text_width, write_pdf};
use crate::report::template::ReportTemplate;
use foresight_core::analysis::language::Lexicon;
use foresight_core::anonymise::Leak;
use foresight_core::model::{Id, Review};
use foresight_core::taxonomy::Taxonomy;

/// The file formats of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReportFormat {
    /// A PDF for print and for the record.
    #[default]
    Pdf,
    /// An editable Word document, for the partnership to redraft.
    Docx,
    /// One accessible, self-contained web page, for the partnership's
    /// website.
    Html,
}

impl ReportFormat {
    /// Every format.
    pub const ALL: [ReportFormat; 3] = [ReportFormat::Pdf, ReportFormat::Docx, ReportFormat::Html];

    /// The format a file name asks for by its extension (`.pdf`,
    /// `.docx`, `.html` or `.htm`, in any case).
    pub fn of_path(path: &std::path::Path) -> Option<ReportFormat> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "pdf" => Some(ReportFormat::Pdf),
            "docx" => Some(ReportFormat::Docx),
            "html" | "htm" => Some(ReportFormat::Html),
            _ => None,
        }
    }

    /// The usual extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Pdf => "pdf",
            ReportFormat::Docx => "docx",
            ReportFormat::Html => "html",
        }
    }

    /// A name for people: "PDF", "Word document", "web page".
    pub fn label(self) -> &'static str {
        match self {
            ReportFormat::Pdf => "PDF",
            ReportFormat::Docx => "Word document",
            ReportFormat::Html => "web page",
        }
    }
}

/// What to export.
#[derive(Clone, Copy)]
pub struct ExportOptions<'a> {
    /// The file format.
    pub format: ReportFormat,
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
    /// Its format.
    pub format: ReportFormat,
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// The number of pages (a PDF's; a Word document is paginated by
    /// Word, a web page not at all).
    pub pages: Option<usize>,
    /// The texts a reader meets in the file as written (what its leak
    /// check read): a PDF's drawn strings and metadata, a Word document's
    /// paragraphs, alternative texts and properties, a page's text and
    /// attributes.
    pub texts: Vec<String>,
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
    /// The Word document could not be made.
    #[error(transparent)]
    Docx(#[from] DocxError),
}

/// The report of `review`; a publication's facts (`journeys`, `key_dates`)
/// are worked out on the identified review, or else read from `review`.
fn build(
    review: &Review,
    options: &ExportOptions,
    journeys: Option<&[foresight_core::analysis::journey::Journey]>,
    key_dates: Option<&KeyDates>,
) -> (ReportDocument, Vec<LeftOut>) {
    let measure = |text: &str, size: f32, bold: bool| text_width(text, size, bold);
    let built = build_report(
        review,
        options.template,
        &BuildOptions {
            identified_draft: options.identified_draft,
            include_chronology: options.include_chronology,
            taxonomy: options.taxonomy,
            measure: &measure,
            journeys,
            key_dates,
        },
    );
    (built.document, built.left_out)
}

/// `document` as a PDF dated as `options` say.
fn pdf_of(document: &ReportDocument, options: &ExportOptions) -> Result<WrittenPdf, PdfError> {
    write_pdf(
        document,
        &PdfOptions {
            created: options.created,
            ..PdfOptions::default()
        },
    )
}

/// The report's document as it will be published: built from the
/// publication's review with its facts, without the checks (for the
/// preview). The left-out findings are the publication's.
pub fn publication_document(
    publication: &Publication,
    options: &ExportOptions,
) -> (ReportDocument, Vec<LeftOut>) {
    let options = ExportOptions {
        identified_draft: false,
        ..*options
    };
    let (document, _) = build(
        &publication.review,
        &options,
        Some(&publication.journeys),
        Some(&publication.key_dates),
    );
    (document, publication.left_out.clone())
}

/// The report's document for `review` (an identified draft when asked,
/// else computed through a [`Publication`]), without the checks: for the
/// preview.
pub fn report_document(review: &Review, options: &ExportOptions) -> (ReportDocument, Vec<LeftOut>) {
    if options.identified_draft {
        build(review, options, None, None)
    } else {
        let publication = Publication::compute(review, options.lexicon, options.taxonomy.cloned());
        publication_document(&publication, options)
    }
}

/// A file as written: its bytes, its pages (a PDF's) and the texts a
/// reader meets in it.
type WrittenFile = (Vec<u8>, Option<usize>, Vec<String>);

/// The file of `document` in `options`' format, with the texts a reader
/// meets in it as written (for the leak check of the file itself).
fn file_of(document: &ReportDocument, options: &ExportOptions) -> Result<WrittenFile, ExportError> {
    Ok(match options.format {
        ReportFormat::Pdf => {
            let pdf = pdf_of(document, options)?;
            // Each block's lines are one string (see `WrittenPdf::texts`),
            // so every word is read in its context, as the document was.
            let WrittenPdf {
                bytes,
                pages,
                texts,
            } = pdf;
            (bytes, Some(pages), texts)
        }
        ReportFormat::Docx => {
            let written = write_docx(document, options.created)?;
            let texts = readable_texts(&written.bytes)?;
            (written.bytes, None, texts)
        }
        ReportFormat::Html => {
            let html = write_html(document);
            let texts = page_texts(&html);
            (html.into_bytes(), None, texts)
        }
    })
}

/// Exports `review` as a report: an identified draft, or the
/// publication computed from it (see [`export_publication`]).
pub fn export_report(review: &Review, options: &ExportOptions) -> Result<Exported, ExportError> {
    if options.identified_draft {
        let (document, left_out) = build(review, options, None, None);
        let (bytes, pages, texts) = file_of(&document, options)?;
        return Ok(Exported {
            format: options.format,
            bytes,
            pages,
            texts,
            document,
            left_out,
        });
    }
    let publication = Publication::compute(review, options.lexicon, options.taxonomy.cloned());
    export_publication(&publication, options)
}

/// Exports `publication` as a report in `options`' format: refused while the publication
/// check blocks or the template holds an unfilled placeholder; the
/// document and every string the PDF draws are leak-checked.
pub fn export_publication(
    publication: &Publication,
    options: &ExportOptions,
) -> Result<Exported, ExportError> {
    let mut blocking = publication.blockers();
    blocking.extend(
        template_placeholders(options.template)
            .iter()
            .map(ToString::to_string),
    );
    if !blocking.is_empty() {
        return Err(ExportError::Blocked(blocking));
    }
    let (document, left_out) = publication_document(publication, options);
    let leaks = document_leaks(publication, &document);
    if !leaks.is_empty() {
        return Err(ExportError::Leaks(leaks));
    }
    let (bytes, pages, texts) = file_of(&document, options)?;
    let location = format!("the {} as written", options.format.label());
    let leaks: Vec<Leak> = texts
        .iter()
        .flat_map(|text| publication.leaks_in(&location, text))
        .collect();
    if !leaks.is_empty() {
        return Err(ExportError::Leaks(leaks));
    }
    Ok(Exported {
        format: options.format,
        bytes,
        pages,
        texts,
        document,
        left_out,
    })
}

/// Every leak of the real names and identifiers of `publication`'s
/// review in `document`, each located by the part of the report it is in
/// ("report title", "heading \"3. Method\"", "Figure 2 label").
pub fn document_leaks(publication: &Publication, document: &ReportDocument) -> Vec<Leak> {
    let mut leaks = Vec::new();
    let mut check = |location: &str, text: &str| leaks.extend(publication.leaks_in(location, text));
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

/// A diagram of `publication`'s review as a publishable SVG figure: drawn
/// from the published review (with a legend, and without any left-out
/// finding), then leak-checked, labels and tooltips included. `diagram`
/// is the diagram's id.
pub fn publishable_svg(
    publication: &Publication,
    diagram: &Id,
    high_contrast: bool,
) -> Result<String, FigureError> {
    let published = &publication.review;
    let Some(d) = published.diagrams.iter().find(|d| &d.id == diagram) else {
        return Err(FigureError::NoDiagram(diagram.to_string()));
    };
    let scene = crate::export::svg::svg_scene(
        published,
        d,
        &crate::export::svg::SvgOptions {
            legend: true,
            high_contrast,
            ..Default::default()
        },
    );
    // The figure's words (title, labels, tooltips), each checked whole.
    let mut texts = vec![scene.title.as_str()];
    scene_texts(&scene.items, &mut texts);
    let leaks: Vec<Leak> = texts
        .iter()
        .flat_map(|t| publication.leaks_in(&format!("figure {diagram}"), t))
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
    use crate::export::scene::Item;
    use foresight_core::examples::worked_case;

    fn options<'a>(template: &'a ReportTemplate, lexicon: &'a Lexicon) -> ExportOptions<'a> {
        static TAXONOMY: std::sync::OnceLock<Option<Taxonomy>> = std::sync::OnceLock::new();
        ExportOptions {
            format: ReportFormat::Pdf,
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

    fn publication(review: &Review) -> Publication {
        Publication::compute(
            review,
            &Lexicon::built_in(),
            Taxonomy::built_in(&review.meta.taxonomy),
        )
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
        let publication = publication(&review);
        let (mut document, _) = publication_document(&publication, &options(&template, &lexicon));
        assert_eq!(document_leaks(&publication, &document), vec![]);
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
        let leaks = document_leaks(&publication, &document);
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
        review.findings[0].tag = foresight_core::model::FindingTag::Untagged;
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
        let publication = publication(&review);
        let svg = publishable_svg(&publication, &review.diagrams[0].id, false).unwrap();
        assert!(svg.starts_with("<svg"));
        for person in &review.people {
            assert!(!svg.contains(&person.name), "{}", person.name);
        }
        assert!(matches!(
            publishable_svg(&publication, &foresight_core::model::Id::from("D99"), false),
            Err(FigureError::NoDiagram(_))
        ));
    }

    /// Every string of every artefact published from `review`: the
    /// document of each template (with the chronology appendix), every
    /// string each file draws or holds (PDF, Word and web page), and every
    /// figure as SVG.
    fn published_strings(review: &Review) -> Vec<String> {
        let lexicon = Lexicon::built_in();
        let publication = publication(review);
        let mut strings = Vec::new();
        for name in ["learning-together", "briefing"] {
            let template = ReportTemplate::built_in(name).unwrap();
            let mut options = options(&template, &lexicon);
            options.include_chronology = true;
            let exported = export_publication(&publication, &options).unwrap();
            let d = &exported.document;
            strings.extend([d.title.clone(), d.subtitle.clone(), d.subject.clone()]);
            strings.extend(d.title_lines.iter().cloned());
            for block in &d.blocks {
                match block {
                    Block::Heading { text, .. } => strings.push(text.clone()),
                    Block::Paragraph { spans, .. } => {
                        strings.push(spans.iter().map(|s| s.text.as_str()).collect())
                    }
                    Block::List { items, .. } => strings.extend(
                        items
                            .iter()
                            .map(|i| i.iter().map(|s| s.text.as_str()).collect::<String>()),
                    ),
                    Block::Table(t) => {
                        strings.push(t.caption.clone());
                        strings.extend(t.columns.iter().chain(t.rows.iter().flatten()).cloned());
                    }
                    Block::Figure { scene, caption } => {
                        strings.push(caption.clone());
                        strings.push(scene.title.clone());
                        let mut texts = Vec::new();
                        scene_texts(&scene.items, &mut texts);
                        strings.extend(texts.into_iter().map(str::to_string));
                    }
                    Block::Contents | Block::PageBreak => {}
                }
            }
            // Every format's file, as written.
            for format in ReportFormat::ALL {
                options.format = format;
                let exported = export_publication(&publication, &options).unwrap();
                strings.extend(exported.texts);
                match format {
                    ReportFormat::Html => strings.push(String::from_utf8(exported.bytes).unwrap()),
                    ReportFormat::Docx => strings.extend(
                        crate::report::docx::parts(&exported.bytes)
                            .unwrap()
                            .into_iter()
                            .map(|(_, xml)| xml),
                    ),
                    ReportFormat::Pdf => {}
                }
            }
        }
        for diagram in &review.diagrams {
            strings.push(publishable_svg(&publication, &diagram.id, false).unwrap());
        }
        strings
    }

    /// The summary chronology's table (its first column is the month).
    fn summary_chronology(document: &ReportDocument) -> &crate::report::document::Table {
        document
            .blocks
            .iter()
            .find_map(|b| match b {
                Block::Table(t) if t.columns.first().is_some_and(|c| c == "Month") => Some(t),
                _ => None,
            })
            .expect("the summary chronology")
    }

    #[test]
    fn a_long_agency_name_is_cut_in_the_tables_that_repeat_it() {
        // The summary chronology repeats an agency's name on each of its
        // entries: a long name took memory in proportion to its length
        // times its entries (a 10 KB name in a 200-episode review 1.3 GB).
        let mut review = worked_case();
        let police = review
            .agencies
            .iter_mut()
            .find(|a| a.generic_name == "Police")
            .unwrap();
        police.generic_name = format!("Police {}", "Q".repeat(100_000));
        let lexicon = Lexicon::built_in();
        let template = ReportTemplate::built_in("learning-together").unwrap();
        let mut options = options(&template, &lexicon);
        options.include_chronology = true;
        let exported = export_publication(&publication(&review), &options).unwrap();
        assert!(exported.bytes.starts_with(b"%PDF"));
        let chronology = summary_chronology(&exported.document);
        let cells: Vec<&String> = chronology
            .rows
            .iter()
            .map(|row| &row[1])
            .filter(|agency| agency.starts_with("Police"))
            .collect();
        assert!(cells.len() >= 5, "{cells:?}");
        assert!(cells.iter().all(|c| *c == "Police…"), "{cells:?}");
    }

    #[test]
    fn the_summary_chronology_is_in_date_order_whatever_the_import_order() {
        // Each agency's file is imported in turn, so a review's entries
        // are in agency order; a published chronology reads by date.
        let mut review = worked_case();
        review.chronology.reverse();
        let lexicon = Lexicon::built_in();
        let template = ReportTemplate::built_in("learning-together").unwrap();
        let mut options = options(&template, &lexicon);
        options.include_chronology = true;
        let (document, _) = publication_document(&publication(&review), &options);
        let chronology = summary_chronology(&document);
        // Dates are published to the month, and ordered as published.
        let mut months: Vec<_> = review
            .chronology
            .iter()
            .map(|e| foresight_core::anonymise::dates::coarsen(e.date))
            .collect();
        months.sort();
        let expected: Vec<String> = months.into_iter().map(|d| d.human()).collect();
        let shown: Vec<String> = chronology.rows.iter().map(|r| r[0].clone()).collect();
        assert!(shown.len() >= 10);
        assert_eq!(shown, expected);
    }

    #[test]
    fn the_glossary_expands_every_acronym_of_three_capitals_the_report_uses() {
        let review = worked_case();
        let lexicon = Lexicon::built_in();
        let template = ReportTemplate::built_in("learning-together").unwrap();
        let mut options = options(&template, &lexicon);
        options.include_chronology = true;
        let (document, _) = publication_document(&publication(&review), &options);
        let at = document
            .blocks
            .iter()
            .position(|b| matches!(b, Block::Heading { text, .. } if text == "Abbreviations"))
            .expect("the glossary lists abbreviations");
        let text_of = |blocks: &[Block]| -> String {
            let mut d = document.clone();
            d.blocks = blocks.to_vec();
            d.texts().join("\n")
        };
        let (before, glossary) = (
            text_of(&document.blocks[..at]),
            text_of(&document.blocks[at..]),
        );
        let acronym = regex::Regex::new(r"\b[A-Z]{3,}\b").unwrap();
        let used: std::collections::BTreeSet<&str> =
            acronym.find_iter(&before).map(|m| m.as_str()).collect();
        assert!(used.len() >= 10, "{used:?}");
        for a in used {
            assert!(
                glossary.contains(&format!("{a}. ")),
                "{a} is not in the glossary"
            );
        }
    }

    #[test]
    fn record_ids_become_references_a_reader_can_follow() {
        let review = worked_case();
        let cited = serde_json::to_string(&review.findings)
            .unwrap()
            .contains("(C10, C37)");
        assert!(cited, "the worked example cites chronology entries by id");
        let lexicon = Lexicon::built_in();
        let template = ReportTemplate::built_in("learning-together").unwrap();
        let mut options = options(&template, &lexicon);
        options.include_chronology = true;
        let (document, _) = publication_document(&publication(&review), &options);
        let ids = regex::Regex::new(r"\((?:C|E|F|LC|FN)[0-9]+").unwrap();
        let mut resolved = false;
        for text in document.texts() {
            assert!(!ids.is_match(text), "an internal id in: {text}");
            resolved |= text.contains("safeguarding one (Housing provider, June 2022)");
        }
        assert!(resolved);
    }

    #[test]
    fn each_factor_and_condition_is_described_at_most_twice() {
        let review = worked_case();
        let lexicon = Lexicon::built_in();
        let template = ReportTemplate::built_in("learning-together").unwrap();
        let (document, _) =
            publication_document(&publication(&review), &options(&template, &lexicon));
        // The text a reader reads, figures aside.
        let mut text = String::new();
        for block in &document.blocks {
            match block {
                Block::Heading { text: t, .. } => text.push_str(t),
                Block::Paragraph { spans, .. } => spans.iter().for_each(|s| text.push_str(&s.text)),
                Block::List { items, .. } => {
                    items.iter().flatten().for_each(|s| text.push_str(&s.text))
                }
                Block::Table(t) => t.rows.iter().flatten().for_each(|c| text.push_str(c)),
                Block::Figure { caption, .. } => text.push_str(caption),
                Block::Contents | Block::PageBreak => {}
            }
            text.push('\n');
        }
        let statements = review
            .factors
            .iter()
            .map(|f| f.statement.trim())
            .chain(review.conditions.iter().map(|c| c.statement.trim()));
        let mut checked = 0;
        for statement in statements {
            let times = text.matches(statement).count();
            assert!(times <= 2, "printed {times} times: {statement}");
            checked += 1;
        }
        assert!(checked > 20);
        // Episodes cite factors by number.
        assert!(text.contains("Factor 1: "), "{text}");
    }

    #[test]
    fn a_left_out_finding_is_in_no_published_string_figures_included() {
        let review = worked_case();
        let left_out: Vec<&foresight_core::model::Finding> = review
            .findings
            .iter()
            .filter(|f| f.tag != foresight_core::model::FindingTag::Learning)
            .collect();
        assert_eq!(
            left_out.len(),
            1,
            "the worked example has one blame finding"
        );
        // The blame finding is on the case map: drawing it is the fault.
        assert!(
            review
                .diagrams
                .iter()
                .any(|d| d.nodes.iter().any(|n| n.item == left_out[0].id)),
            "FN9 is on a diagram"
        );
        let strings = published_strings(&review);
        for f in left_out {
            let words: String = f.title.chars().take(40).collect();
            let statement: String = f.statement.chars().take(40).collect();
            for s in &strings {
                // Text in a PDF or SVG may be split by markup; the
                // collapsed string catches a title broken across lines.
                let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
                assert!(!flat.contains(&words), "the title of {} in {flat:?}", f.id);
                assert!(
                    !flat.contains(&statement),
                    "the statement of {} in {flat:?}",
                    f.id
                );
                assert!(
                    !flat
                        .split(|c: char| !c.is_alphanumeric())
                        .any(|w| w == f.id.as_str()),
                    "the id {} in {flat:?}",
                    f.id
                );
            }
        }
    }

    #[test]
    fn an_unfilled_placeholder_in_the_template_refuses_the_export() {
        let review = worked_case();
        let lexicon = Lexicon::built_in();
        let mut template = ReportTemplate::built_in("learning-together").unwrap();
        template.sections[1]
            .text
            .push("The review was approved by [name of chair].".into());
        let Err(ExportError::Blocked(blockers)) =
            export_report(&review, &options(&template, &lexicon))
        else {
            panic!("an export with a placeholder was not refused");
        };
        assert!(
            blockers.iter().any(|b| b.contains("[name of chair]")),
            "{blockers:#?}"
        );
    }

    /// The child's-journey paragraph with the child's name taken out, and
    /// the per-agency table's figures, of `document`.
    fn journey_figures(document: &ReportDocument, child: &str) -> (Vec<String>, Vec<Vec<String>>) {
        let mut sentences = Vec::new();
        let mut rows = Vec::new();
        for block in &document.blocks {
            match block {
                Block::Paragraph { spans, .. } => {
                    let text: String = spans.iter().map(|s| s.text.as_str()).collect();
                    if text.starts_with("The chronology mentions") {
                        sentences.push(text.replace(child, "CHILD"));
                    }
                }
                Block::Table(t) if t.caption.contains("How each agency saw and heard") => {
                    rows.extend(t.rows.iter().map(|r| r[1..].to_vec()));
                }
                _ => {}
            }
        }
        (sentences, rows)
    }

    #[test]
    fn the_published_journey_figures_equal_the_identified_draft_s() {
        let review = worked_case();
        let lexicon = Lexicon::built_in();
        let template = ReportTemplate::built_in("learning-together").unwrap();
        let published =
            publication_document(&publication(&review), &options(&template, &lexicon)).0;
        let mut draft_options = options(&template, &lexicon);
        draft_options.identified_draft = true;
        let draft = report_document(&review, &draft_options).0;
        let child = foresight_core::analysis::journey::subject_children(&review)[0];
        let (draft_sentences, draft_rows) = journey_figures(&draft, &child.pseudonym);
        let (sentences, rows) = journey_figures(&published, &child.pseudonym);
        assert!(!draft_sentences.is_empty() && !draft_rows.is_empty());
        assert_eq!(sentences, draft_sentences);
        assert_eq!(rows, draft_rows);
    }
}
