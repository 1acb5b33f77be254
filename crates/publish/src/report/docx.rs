//! The report as an editable Word document, for the partnership that
//! redrafts the wording before it publishes: real Word styles (Title,
//! Subtitle, Heading 1–3, Quote, Note, Caption), lists, tables whose
//! header row repeats on every page, figures as images with alternative
//! text, page numbers in the footer and a contents field Word fills in
//! when the document is opened.
//!
//! The package is built with `docx-rs`. Three things it cannot yet write
//! are set in its XML afterwards, in the same archive: the document's
//! title, subject and language (`docProps/core.xml`), each image's
//! alternative text (`descr` on `wp:docPr`), and the repeated header row
//! (`w:tblHeader`).

use std::io::{Cursor, Read, Write};

use docx_rs::{
    AbstractNumbering, AlignmentType, BreakType, Docx, Footer, IndentLevel, Level, LevelJc,
    LevelText, LineSpacing, LineSpacingType, NumberFormat, Numbering, NumberingId, PageMargin,
    PageNum, Paragraph, Pic, Run, RunFonts, SpecialIndentType, Start, Style, StyleType,
    Table as WordTable, TableCell, TableOfContents, TableRow,
};

use super::document::{Block, ParagraphStyle, ReportDocument, Span, Table, figure_description};
use crate::export::png::{fitting_scale, svg_size, svg_to_png};
use crate::export::svg::{escape, scene_svg};

/// The numbering of bulleted lists (docx-rs keeps 1 for its own).
const BULLETS: usize = 2;
/// The first numbering of numbered lists (each list restarts at 1).
const FIRST_NUMBERED: usize = 10;

/// The text width of an A4 page with 2.5 cm margins, in EMU.
const TEXT_WIDTH_EMU: u32 = 5_760_720;

/// Why the Word document could not be made.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    /// The archive could not be written or read back.
    #[error("the Word document could not be written: {0}")]
    Package(String),
    /// A figure could not be drawn as an image.
    #[error("a figure could not be drawn for the Word document: {0}")]
    Figure(String),
}

/// A finished Word document.
#[derive(Debug)]
pub struct WrittenDocx {
    /// The .docx file's bytes.
    pub bytes: Vec<u8>,
    /// The alternative text of each figure, in order.
    pub alt_texts: Vec<String>,
}

/// Text Word can read: XML allows no control characters but tab and
/// line breaks, and docx-rs writes them as they are.
fn clean(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            (matches!(c, '\t' | '\n' | '\r') || (c as u32) >= 0x20)
                && c != '\u{fffe}'
                && c != '\u{ffff}'
        })
        .collect()
}

fn run_of(span: &Span) -> Run {
    let mut run = Run::new().add_text(clean(&span.text));
    if span.bold {
        run = run.bold();
    }
    if span.italic {
        run = run.italic();
    }
    run
}

fn styles() -> Vec<Style> {
    let heading = |id: &str, name: &str, size: usize, level: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .size(size)
            .bold()
            .color("1F3864")
            .outline_lvl(level)
    };
    vec![
        Style::new("Title", StyleType::Paragraph)
            .name("Title")
            .based_on("Normal")
            .q_format(true)
            .size(52)
            .bold(),
        Style::new("Subtitle", StyleType::Paragraph)
            .name("Subtitle")
            .based_on("Normal")
            .q_format(true)
            .size(32),
        heading("Heading1", "heading 1", 32, 0),
        heading("Heading2", "heading 2", 26, 1),
        heading("Heading3", "heading 3", 24, 2),
        Style::new("Quote", StyleType::Paragraph)
            .name("Quote")
            .based_on("Normal")
            .q_format(true)
            .italic()
            .indent(Some(720), None, Some(720), None),
        Style::new("Note", StyleType::Paragraph)
            .name("Note")
            .based_on("Normal")
            .size(18)
            .color("505A5F"),
        Style::new("Caption", StyleType::Paragraph)
            .name("caption")
            .based_on("Normal")
            .q_format(true)
            .size(20)
            .bold(),
        Style::new("ListParagraph", StyleType::Paragraph)
            .name("List Paragraph")
            .based_on("Normal")
            .q_format(true),
        Style::new("TOCHeading", StyleType::Paragraph)
            .name("TOC Heading")
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .size(32)
            .bold()
            .color("1F3864"),
        Style::new("Watermark", StyleType::Paragraph)
            .name("Draft warning")
            .based_on("Normal")
            .bold()
            .color("C00000"),
    ]
}

fn numbering(id: usize, bullets: bool) -> (AbstractNumbering, Numbering) {
    let (format, text) = if bullets {
        ("bullet", "•")
    } else {
        ("decimal", "%1.")
    };
    let abstract_numbering = AbstractNumbering::new(id).add_level(
        Level::new(
            0,
            Start::new(1),
            NumberFormat::new(format),
            LevelText::new(text),
            LevelJc::new("left"),
        )
        .indent(Some(720), Some(SpecialIndentType::Hanging(360)), None, None),
    );
    (abstract_numbering, Numbering::new(id, id))
}

fn table_of(table: &Table) -> WordTable {
    let cell = |text: &str, bold: bool| {
        let mut run = Run::new().add_text(clean(text));
        if bold {
            run = run.bold();
        }
        TableCell::new().add_paragraph(Paragraph::new().add_run(run))
    };
    let mut rows =
        vec![TableRow::new(table.columns.iter().map(|c| cell(c, true)).collect()).cant_split()];
    for row in &table.rows {
        rows.push(TableRow::new(row.iter().map(|c| cell(c, false)).collect()).cant_split());
    }
    let total: f32 = table.widths.iter().sum::<f32>().max(f32::EPSILON);
    // Widths in twentieths of a point: 9026 is the text width of A4 with
    // 2.5 cm margins.
    let grid: Vec<usize> = if table.widths.len() == table.columns.len() {
        table
            .widths
            .iter()
            .map(|w| (w / total * 9026.0) as usize)
            .collect()
    } else {
        vec![9026 / table.columns.len().max(1); table.columns.len()]
    };
    WordTable::new(rows).set_grid(grid)
}

/// A figure as a PNG scaled to the text width, with its size in EMU.
fn figure_picture(scene: &crate::export::scene::Scene) -> Result<Pic, DocxError> {
    let svg = scene_svg(scene);
    let (width, height) = svg_size(&svg);
    // 150 dots per inch across the text width (16 cm): sharp in print.
    let scale = fitting_scale(width, height, 945.0 / width.max(1.0));
    let png = svg_to_png(&svg, scale).map_err(|e| DocxError::Figure(e.to_string()))?;
    let (w_px, h_px) = (
        (width * scale).ceil() as u32,
        (height * scale).ceil() as u32,
    );
    let h_emu = (TEXT_WIDTH_EMU as f64 * h_px as f64 / w_px.max(1) as f64) as u32;
    Ok(Pic::new_with_dimensions(png, w_px.max(1), h_px.max(1)).size(TEXT_WIDTH_EMU, h_emu))
}

/// The report as a Word document, dated `created` (unix seconds) when
/// given; without a date the same document always gives the same bytes.
pub fn write_docx(
    document: &ReportDocument,
    created: Option<i64>,
) -> Result<WrittenDocx, DocxError> {
    let mut docx = Docx::new()
        .page_size(11906, 16838)
        .page_margin(
            PageMargin::new()
                .top(1417)
                .bottom(1417)
                .left(1417)
                .right(1417),
        )
        .default_fonts(RunFonts::new().ascii("Arial").hi_ansi("Arial").cs("Arial"))
        .default_size(22)
        // 6 pt after each paragraph, lines at 1.15.
        .default_line_spacing(
            LineSpacing::new()
                .after(120)
                .line(276)
                .line_rule(LineSpacingType::Auto),
        );
    for style in styles() {
        docx = docx.add_style(style);
    }
    let (a, n) = numbering(BULLETS, true);
    docx = docx.add_abstract_numbering(a).add_numbering(n);
    docx = docx.footer(
        Footer::new().add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Center)
                .add_run(Run::new().add_text("Page "))
                .add_page_num(PageNum::new()),
        ),
    );
    docx = docx.add_paragraph(
        Paragraph::new()
            .style("Title")
            .add_run(Run::new().add_text(clean(&document.title))),
    );
    if !document.subtitle.is_empty() {
        docx = docx.add_paragraph(
            Paragraph::new()
                .style("Subtitle")
                .add_run(Run::new().add_text(clean(&document.subtitle))),
        );
    }
    for line in &document.title_lines {
        docx = docx.add_paragraph(Paragraph::new().add_run(Run::new().add_text(clean(line))));
    }
    if let Some(watermark) = &document.watermark {
        docx = docx.add_paragraph(
            Paragraph::new()
                .style("Watermark")
                .add_run(Run::new().add_text(clean(watermark))),
        );
    }
    // The cover is a page of its own, as in the PDF.
    if document.blocks.first() == Some(&Block::Contents) {
        docx = docx.add_paragraph(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)));
    }
    let mut next_numbering = FIRST_NUMBERED;
    let mut alt_texts = Vec::new();
    for block in &document.blocks {
        match block {
            Block::Heading { level, text } => {
                let style = format!("Heading{}", (*level).clamp(1, 3));
                // Never left alone at a page's foot.
                docx = docx.add_paragraph(
                    Paragraph::new()
                        .style(&style)
                        .keep_next(true)
                        .add_run(Run::new().add_text(clean(text))),
                );
            }
            Block::Paragraph { spans, style } => {
                let mut paragraph = Paragraph::new();
                match style {
                    ParagraphStyle::Body => {}
                    ParagraphStyle::Note => paragraph = paragraph.style("Note"),
                    ParagraphStyle::Quote => paragraph = paragraph.style("Quote"),
                }
                for span in spans {
                    paragraph = paragraph.add_run(run_of(span));
                }
                docx = docx.add_paragraph(paragraph);
            }
            Block::List { ordered, items } => {
                let id = if *ordered {
                    let (a, n) = numbering(next_numbering, false);
                    docx = docx.add_abstract_numbering(a).add_numbering(n);
                    next_numbering += 1;
                    next_numbering - 1
                } else {
                    BULLETS
                };
                for item in items {
                    let mut paragraph = Paragraph::new()
                        .style("ListParagraph")
                        .numbering(NumberingId::new(id), IndentLevel::new(0));
                    for span in item {
                        paragraph = paragraph.add_run(run_of(span));
                    }
                    docx = docx.add_paragraph(paragraph);
                }
            }
            Block::Table(table) => {
                if !table.caption.is_empty() {
                    docx = docx.add_paragraph(
                        Paragraph::new()
                            .style("Caption")
                            .add_run(Run::new().add_text(clean(&table.caption))),
                    );
                }
                docx = docx.add_table(table_of(table));
            }
            Block::Figure { scene, caption } => {
                alt_texts.push(figure_description(caption, scene));
                docx = docx.add_paragraph(
                    Paragraph::new().add_run(Run::new().add_image(figure_picture(scene)?)),
                );
                docx = docx.add_paragraph(
                    Paragraph::new()
                        .style("Caption")
                        .add_run(Run::new().add_text(clean(caption))),
                );
            }
            Block::Contents => {
                // A field Word fills in when the document is opened (it
                // asks to update fields); the heading styles carry the
                // outline levels it is built from.
                docx = docx.add_paragraph(
                    Paragraph::new()
                        .style("TOCHeading")
                        .add_run(Run::new().add_text(clean(document.contents_title()))),
                );
                docx = docx.add_table_of_contents(
                    TableOfContents::new()
                        .heading_styles_range(1, 2)
                        .alias("Contents")
                        .auto(),
                );
            }
            Block::PageBreak => {
                docx = docx
                    .add_paragraph(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)));
            }
        }
    }
    let mut packed = Cursor::new(Vec::new());
    docx.build()
        .pack(&mut packed)
        .map_err(|e| DocxError::Package(e.to_string()))?;
    let bytes = finish(packed.into_inner(), document, &alt_texts, created)?;
    Ok(WrittenDocx { bytes, alt_texts })
}

/// The contents' fields with each field character and instruction in a
/// run of its own, as Word writes them: docx-rs puts the field's start, its
/// instruction and its separator in one run, which Word reads but
/// LibreOffice prints as text ("TOC \o "1-2"" on the first contents line).
/// The contents field is marked dirty, so that Word offers to update it
/// when the document is opened.
fn split_field_runs(xml: &str) -> String {
    const NEXT: &str = "</w:r><w:r><w:rPr />";
    let xml = xml.replace(
        r#"<w:fldChar w:fldCharType="begin" w:dirty="false" /><w:instrText>TOC "#,
        &format!(
            r#"<w:fldChar w:fldCharType="begin" w:dirty="true" />{NEXT}<w:instrText xml:space="preserve"> TOC "#
        ),
    )
    .replace(
        r#"<w:fldChar w:fldCharType="begin" w:dirty="false" /><w:instrText>"#,
        &format!(
            r#"<w:fldChar w:fldCharType="begin" w:dirty="false" />{NEXT}<w:instrText xml:space="preserve"> "#
        ),
    )
    .replace(
        r#"</w:instrText><w:fldChar w:fldCharType="separate" w:dirty="false" />"#,
        &format!(r#" </w:instrText>{NEXT}<w:fldChar w:fldCharType="separate" w:dirty="false" />"#),
    )
    .replace(
        r#"<w:fldChar w:fldCharType="separate" w:dirty="false" /><w:t"#,
        &format!(r#"<w:fldChar w:fldCharType="separate" w:dirty="false" />{NEXT}<w:t"#),
    )
    .replace(
        r#"</w:t><w:fldChar w:fldCharType="end""#,
        &format!(r#"</w:t>{NEXT}<w:fldChar w:fldCharType="end""#),
    );
    // One content control marked as a table of contents, as Word writes it
    // (docx-rs nests two, which LibreOffice prints the field code of).
    let xml = xml
        .replacen(
            r#"<w:sdt><w:sdtPr><w:rPr /><w:alias w:val="Contents" /></w:sdtPr><w:sdtContent><w:sdt><w:sdtPr /><w:sdtContent>"#,
            r#"<w:sdt><w:sdtPr><w:rPr /><w:alias w:val="Contents" /><w:docPartObj><w:docPartGallery w:val="Table of Contents" /><w:docPartUnique /></w:docPartObj></w:sdtPr><w:sdtContent>"#,
            1,
        )
        .replacen("</w:sdtContent></w:sdt></w:sdtContent></w:sdt>", "</w:sdtContent></w:sdt>", 1);
    // The page numbers are not known until the document is laid out: an
    // entry shows none until the contents are updated (Word does so when
    // the document opens), rather than a wrong one.
    static STALE_PAGE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r#"(PAGEREF _Toc[0-9]+ \\h </w:instrText></w:r><w:r><w:rPr /><w:fldChar w:fldCharType="separate" w:dirty="false" /></w:r>)<w:r><w:rPr /><w:t xml:space="preserve">[0-9]+</w:t></w:r>"#,
        )
        .expect("a valid pattern")
    });
    STALE_PAGE.replace_all(&xml, "$1").into_owned()
}

/// `settings.xml` asking Word to update the fields (the contents) when the
/// document is opened.
fn patch_settings(xml: &str) -> String {
    if xml.contains("<w:updateFields") {
        return xml.to_string();
    }
    match xml
        .find("<w:settings")
        .and_then(|at| xml[at..].find('>').map(|e| at + e + 1))
    {
        Some(at) => format!(
            "{}<w:updateFields w:val=\"true\" />{}",
            &xml[..at],
            &xml[at..]
        ),
        None => xml.to_string(),
    }
}

/// `document.xml` with each image's alternative text and every table's
/// first row marked as the header row that repeats on each page; and the
/// contents entries' text escaped once, not twice ("Child&amp;apos;s"
/// from docx-rs's table of contents).
fn patch_document(xml: &str, alt_texts: &[String]) -> String {
    let xml = xml
        .replace("&amp;apos;", "&apos;")
        .replace("&amp;quot;", "&quot;")
        .replace("&amp;lt;", "&lt;")
        .replace("&amp;gt;", "&gt;")
        .replace("&amp;amp;", "&amp;");
    let xml = split_field_runs(&xml);
    let mut out = String::with_capacity(xml.len() + 1024);
    let mut rest = xml.as_str();
    let mut figure = 0;
    while let Some(at) = rest.find("<wp:docPr ") {
        out.push_str(&rest[..at]);
        let end = rest[at..].find("/>").map_or(rest.len(), |e| at + e);
        let tag = &rest[at..end];
        match alt_texts.get(figure) {
            Some(alt) if !tag.contains("descr=") => {
                out.push_str(tag);
                out.push_str(&format!(" descr=\"{}\" ", escape(alt)));
            }
            _ => out.push_str(tag),
        }
        figure += 1;
        rest = &rest[end..];
    }
    out.push_str(rest);
    // The first row of every table: `<w:tbl>…<w:tr><w:trPr>` gains
    // `<w:tblHeader/>`.
    let mut result = String::with_capacity(out.len() + 256);
    let mut rest = out.as_str();
    while let Some(at) = rest.find("<w:tbl>") {
        let (head, tail) = rest.split_at(at);
        result.push_str(head);
        match tail.find("<w:trPr>") {
            Some(row)
                if tail[..row].matches("<w:tr>").count()
                    + tail[..row].matches("<w:tr ").count()
                    == 1 =>
            {
                let row = row + "<w:trPr>".len();
                result.push_str(&tail[..row]);
                result.push_str("<w:tblHeader />");
                rest = &tail[row..];
            }
            _ => {
                result.push_str("<w:tbl>");
                rest = &tail["<w:tbl>".len()..];
            }
        }
    }
    result.push_str(rest);
    result
}

/// `core.xml` with the report's title and subject and the language, no
/// author or editor, and the date `created` (or none).
fn patch_core(xml: &str, document: &ReportDocument, created: Option<i64>) -> String {
    let mut xml = xml.to_string();
    // Remove what docx-rs writes for the author, the editor and the dates.
    for element in [
        "dc:creator",
        "cp:lastModifiedBy",
        "dcterms:created",
        "dcterms:modified",
    ] {
        if let Some(at) = xml.find(&format!("<{element}")) {
            let close = format!("</{element}>");
            if let Some(end) = xml[at..].find(&close) {
                xml.replace_range(at..at + end + close.len(), "");
            }
        }
    }
    let date = created
        .and_then(|t| chrono::DateTime::from_timestamp(t, 0))
        .map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string());
    let mut properties = format!(
        "<dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:language>en-GB</dc:language>",
        escape(&document.title),
        escape(&document.subject)
    );
    if let Some(date) = date {
        properties.push_str(&format!(
            "<dcterms:created xsi:type=\"dcterms:W3CDTF\">{date}</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">{date}</dcterms:modified>"
        ));
    }
    match xml.rfind("</cp:coreProperties>") {
        Some(at) if !xml.contains("<dc:title>") => {
            format!("{}{properties}{}", &xml[..at], &xml[at..])
        }
        _ => xml,
    }
}

/// The package with the parts `docx-rs` leaves out set (see the module).
fn finish(
    packed: Vec<u8>,
    document: &ReportDocument,
    alt_texts: &[String],
    created: Option<i64>,
) -> Result<Vec<u8>, DocxError> {
    let package = |e: zip::result::ZipError| DocxError::Package(e.to_string());
    let mut archive = zip::ZipArchive::new(Cursor::new(packed)).map_err(package)?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..archive.len() {
        let mut part = archive.by_index(i).map_err(package)?;
        let name = part.name().to_string();
        if part.is_dir() {
            out.add_directory(name, options).map_err(package)?;
            continue;
        }
        // Every other part (the images above all) is copied as it is
        // stored, not inflated and deflated again.
        if ![
            "word/document.xml",
            "docProps/core.xml",
            "word/settings.xml",
        ]
        .contains(&name.as_str())
        {
            out.raw_copy_file(part).map_err(package)?;
            continue;
        }
        let mut bytes = Vec::new();
        part.read_to_end(&mut bytes)
            .map_err(|e| DocxError::Package(e.to_string()))?;
        let bytes = match name.as_str() {
            "word/document.xml" => {
                patch_document(&String::from_utf8_lossy(&bytes), alt_texts).into_bytes()
            }
            "docProps/core.xml" => {
                patch_core(&String::from_utf8_lossy(&bytes), document, created).into_bytes()
            }
            "word/settings.xml" => patch_settings(&String::from_utf8_lossy(&bytes)).into_bytes(),
            _ => bytes,
        };
        out.start_file(name, options).map_err(package)?;
        out.write_all(&bytes)
            .map_err(|e| DocxError::Package(e.to_string()))?;
    }
    Ok(out.finish().map_err(package)?.into_inner())
}

/// The parts of a .docx as text, by name (for the leak check of what was
/// written, and for tests): `word/document.xml`, `docProps/core.xml`…
pub fn parts(bytes: &[u8]) -> Result<Vec<(String, String)>, DocxError> {
    let package = |e: zip::result::ZipError| DocxError::Package(e.to_string());
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(package)?;
    let mut out = Vec::new();
    for i in 0..archive.len() {
        let mut part = archive.by_index(i).map_err(package)?;
        if !part.name().ends_with(".xml") && !part.name().ends_with(".rels") {
            continue;
        }
        let mut text = String::new();
        part.read_to_string(&mut text)
            .map_err(|e| DocxError::Package(e.to_string()))?;
        out.push((part.name().to_string(), text));
    }
    Ok(out)
}

/// The text a reader of the Word document meets: each paragraph's text
/// (its `w:t` runs joined), the alternative texts and the document's
/// properties, entities decoded.
pub fn readable_texts(bytes: &[u8]) -> Result<Vec<String>, DocxError> {
    let mut out = Vec::new();
    for (name, xml) in parts(bytes)? {
        if name == "docProps/core.xml" {
            // The properties people read; not the package's own dates.
            for element in [
                "dc:title",
                "dc:subject",
                "dc:description",
                "dc:creator",
                "cp:keywords",
            ] {
                let open = format!("<{element}>");
                if let Some(at) = xml.find(&open) {
                    let value = &xml[at + open.len()..];
                    let end = value.find('<').unwrap_or(value.len());
                    out.extend(super::html::page_texts(&value[..end]));
                }
            }
            continue;
        }
        if !name.starts_with("word/") {
            continue;
        }
        for paragraph in xml.split("</w:p>") {
            let mut text = String::new();
            let mut rest = paragraph;
            while let Some(at) = rest.find("<w:t") {
                let Some(open_end) = rest[at..].find('>') else {
                    break;
                };
                let body = &rest[at + open_end + 1..];
                // `<w:tab/>`, `<w:tbl>`… are not text runs.
                let tag = &rest[at..at + open_end];
                if tag.ends_with('/') || !(tag == "<w:t" || tag.starts_with("<w:t ")) {
                    rest = body;
                    continue;
                }
                let Some(close) = body.find("</w:t>") else {
                    break;
                };
                text.push_str(&body[..close]);
                rest = &body[close..];
            }
            if !text.trim().is_empty() {
                out.extend(super::html::page_texts(&text));
            }
            let mut rest = paragraph;
            while let Some(at) = rest.find("descr=\"") {
                let value = &rest[at + 7..];
                let end = value.find('"').unwrap_or(value.len());
                out.extend(super::html::page_texts(&value[..end]));
                rest = &value[end..];
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::document::Table;

    #[test]
    fn odd_characters_give_a_well_formed_package() {
        let document = ReportDocument {
            contents_title: String::new(),
            title: "Child Q & <the> \"system\" \u{1}".into(),
            subtitle: "Review".into(),
            title_lines: vec![],
            subject: "Learning & review".into(),
            watermark: Some("NOT FOR PUBLICATION".into()),
            blocks: vec![
                Block::Contents,
                Block::Heading {
                    level: 1,
                    text: "1. It's <odd> & \u{7}new".into(),
                },
                Block::Paragraph {
                    spans: vec![Span::plain("Tab\tand\u{b} vertical tab; emoji 🙂")],
                    style: ParagraphStyle::Quote,
                },
                Block::Table(Table {
                    caption: "Table 1".into(),
                    columns: vec!["A".into(), "B & C".into()],
                    widths: vec![],
                    rows: vec![vec!["<1>".into(), "\u{1f}".into()]],
                }),
            ],
        };
        let written = write_docx(&document, Some(1_700_000_000)).unwrap();
        for (name, xml) in parts(&written.bytes).unwrap() {
            if name.ends_with(".xml") {
                roxmltree::Document::parse(&xml)
                    .unwrap_or_else(|e| panic!("{name} is not well-formed: {e}\n{xml}"));
            }
        }
        let texts = readable_texts(&written.bytes).unwrap();
        assert!(
            texts.iter().any(|t| t.contains("It's <odd> &")),
            "{texts:?}"
        );
        assert!(
            texts.iter().any(|t| t.starts_with("Child Q & <the>")),
            "{texts:?}"
        );
        let core = parts(&written.bytes)
            .unwrap()
            .into_iter()
            .find(|(n, _)| n == "docProps/core.xml")
            .unwrap()
            .1;
        assert!(core.contains("2023-11-14T22:13:20Z"), "{core}");
    }
}
