//! A [`ReportDocument`] written to PDF, with our own layout on top of
//! printpdf's drawing operations.
//!
//! - `fonts`: the bundled DejaVu Sans faces and their widths;
//! - `layout`: styled text broken into lines;
//! - `flow`: the body's blocks as pieces, with the keep rules on them;
//! - `paginate`: the pieces placed on pages (widows, orphans, headings
//!   kept with what follows, table headers repeated);
//! - `furniture`: the title page, running header and footer, watermark;
//! - `figure`: diagrams drawn as vectors;
//! - `draw`: marks turned into printpdf operations;
//! - `subset`: fonts reduced to the glyphs used;
//! - `finish`: the catalogue, information and nested outline.
//!
//! Page numbers count the title page as page 1, as a PDF viewer does, so
//! the numbers in the contents match the viewer's. The contents take the
//! same room whatever the page numbers are (the numbers have a column of
//! their own), so one pagination gives the final page of every heading.

mod draw;
mod figure;
mod finish;
mod flow;
mod fonts;
mod furniture;
mod layout;
mod paginate;
mod style;
mod subset;
#[cfg(test)]
mod tests;

use std::collections::BTreeSet;

use printpdf::{
    DictItem, ExternalStream, ExternalXObject, ParsedFont, PdfDocument, PdfFont, PdfPage,
    PdfSaveOptions, Pt, Rect, XObject, XObjectId,
};

use super::document::ReportDocument;
use draw::{Mark, PageWriter, Resources, TextMark};
use finish::{Info, OutlineEntry};
use fonts::{Face, FontSet, Measurer};
use paginate::{Placed, Slot, paginate};
use style::Geometry;

pub use fonts::text_width;

/// Paper sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PageSize {
    /// ISO A4, 210 × 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl PageSize {
    /// Width and height in points (1/72 inch).
    pub fn points(self) -> (f32, f32) {
        match self {
            PageSize::A4 => (210.0 * style::MM, 297.0 * style::MM),
            PageSize::Letter => (612.0, 792.0),
        }
    }
}

/// How to write the PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PdfOptions {
    /// The paper size (A4 unless set).
    pub page: PageSize,
    /// The creation date in the PDF's information, in unix seconds;
    /// `None` gives 2000-01-01, so the same report gives the same bytes.
    pub created: Option<i64>,
}

/// A written PDF.
#[derive(Debug, Clone, PartialEq)]
pub struct WrittenPdf {
    /// The file.
    pub bytes: Vec<u8>,
    /// Number of pages, the title page included.
    pub pages: usize,
    /// Every string drawn on any page, then the metadata values and the
    /// bookmark titles: what the leak check reads. The lines of one block
    /// (a paragraph, list item, table cell, heading, caption) make one
    /// string, joined by newlines, even across pages; other text (running
    /// header, footer, figure labels) is one string per line.
    pub texts: Vec<String>,
}

/// Why a PDF could not be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    /// A bundled font could not be read or reduced.
    #[error("the report font could not be embedded: {0}")]
    Font(String),
    /// The file printpdf wrote could not be finished.
    #[error("the PDF could not be assembled: {0}")]
    Assemble(String),
}

/// 2000-01-01T00:00:00Z, the date of reproducible output.
const FIXED_DATE: i64 = 946_684_800;

/// The creator and producer named in the PDF.
const CREATOR: &str = "Foresight";

/// Writes `report` as a PDF.
pub fn write_pdf(report: &ReportDocument, options: &PdfOptions) -> Result<WrittenPdf, PdfError> {
    let fonts = FontSet::get().ok_or_else(|| PdfError::Font("the bundled fonts".into()))?;
    let m = Measurer::new(fonts);
    let (width, height) = options.page.points();
    let g = Geometry::new(width, height);
    let laid = lay_out(report, &g, &m);

    let mut resources = Resources::new();
    let mut texts = Vec::new();
    let mut used: [BTreeSet<char>; 3] = Default::default();
    let pages: Vec<PdfPage> = laid
        .pages
        .iter()
        .map(|marks| PdfPage {
            media_box: Rect::from_wh(Pt(width), Pt(height)),
            trim_box: Rect::from_wh(Pt(width), Pt(height)),
            crop_box: Rect::from_wh(Pt(width), Pt(height)),
            ops: PageWriter::new(height, &mut resources).write(marks, &mut texts, &mut used),
        })
        .collect();
    let count = pages.len();

    let mut doc = PdfDocument::new(&report.title);
    embed_fonts(&mut doc, fonts, &resources, &used)?;
    if let Some(text) = report.watermark.as_deref().filter(|t| !t.trim().is_empty()) {
        let form = watermark_form(furniture::watermark_form(text, &g, fonts), &g);
        doc.resources
            .xobjects
            .map
            .insert(XObjectId(draw::WATERMARK_FORM.into()), form);
    }
    doc.resources
        .extgstates
        .map
        .extend(resources.graphics_states());
    doc.metadata.info.subject = report.subject.clone();
    doc.metadata.info.creator = CREATOR.into();
    doc.metadata.info.producer = CREATOR.into();
    doc.with_pages(pages);
    let save = PdfSaveOptions {
        // Compresses every stream.
        optimize: true,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let raw = doc.save(&save, &mut Vec::new());
    let info = Info {
        title: report.title.clone(),
        subject: report.subject.clone(),
        creator: CREATOR.into(),
        date: pdf_date(options.created.unwrap_or(FIXED_DATE)),
    };
    let bytes = finish::finish(&raw, &info, &laid.outline).map_err(PdfError::Assemble)?;

    texts.extend([report.title.clone(), report.subject.clone()]);
    texts.extend(laid.outline.iter().map(|e| e.title.clone()));
    Ok(WrittenPdf {
        bytes,
        pages: count,
        texts,
    })
}

/// Embeds each face that draws something, reduced to the glyphs it draws.
fn embed_fonts(
    doc: &mut PdfDocument,
    fonts: &FontSet,
    resources: &Resources,
    used: &[BTreeSet<char>; 3],
) -> Result<(), PdfError> {
    for face in Face::ALL {
        let chars = &used[face.index()];
        if chars.is_empty() {
            continue;
        }
        let metrics = fonts.face(face);
        let glyphs: BTreeSet<u16> = chars.iter().map(|c| metrics.glyph(*c)).collect();
        let program = subset::subset(face.bytes(), &glyphs).map_err(PdfError::Font)?;
        let mut parsed = ParsedFont::from_bytes(&program, 0, &mut Vec::new())
            .ok_or_else(|| PdfError::Font(format!("{} did not parse", face.postscript_name())))?;
        let tag = subset_tag(&glyphs, face);
        parsed.font_name = Some(format!("{tag}+{}", face.postscript_name()));
        doc.resources
            .fonts
            .map
            .insert(resources.fonts[face.index()].clone(), PdfFont::new(parsed));
    }
    Ok(())
}

/// The form XObject that draws the diagonal watermark over a whole page.
fn watermark_form(content: Vec<u8>, g: &Geometry) -> XObject {
    let bbox = [0.0, 0.0, g.width, g.height]
        .into_iter()
        .map(DictItem::Real)
        .collect();
    let dict = [
        ("Type", DictItem::Name(b"XObject".to_vec())),
        ("Subtype", DictItem::Name(b"Form".to_vec())),
        ("BBox", DictItem::Array(bbox)),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    XObject::External(ExternalXObject {
        stream: ExternalStream {
            dict,
            content,
            compress: true,
        },
        width: None,
        height: None,
        dpi: None,
    })
}

/// A PDF date (`D:20000101000000Z`) from unix seconds.
fn pdf_date(seconds: i64) -> String {
    chrono::DateTime::from_timestamp(seconds, 0)
        .or_else(|| chrono::DateTime::from_timestamp(FIXED_DATE, 0))
        .map_or_else(
            || "D:20000101000000Z".into(),
            |d| d.format("D:%Y%m%d%H%M%SZ").to_string(),
        )
}

/// A six-letter tag for a subset font, from the glyphs it holds (the PDF
/// names subset fonts `ABCDEF+Name`).
fn subset_tag(glyphs: &BTreeSet<u16>, face: Face) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ face.index() as u64;
    for g in glyphs {
        for b in g.to_be_bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    (0..6)
        .map(|k| char::from(b'A' + ((h >> (k * 8)) % 26) as u8))
        .collect()
}

/// The report laid out: the marks of every page and the outline.
struct Laid {
    pages: Vec<Vec<Mark>>,
    outline: Vec<OutlineEntry>,
    /// The pagination of the body (pages after the title page).
    #[cfg_attr(not(test), allow(dead_code))]
    body: Vec<Vec<Placed>>,
    /// The body's pieces and headers, for tests.
    #[cfg_attr(not(test), allow(dead_code))]
    flow: flow::Flow,
}

/// Lays out the title page and the body, and adds the running header and
/// footer, the watermark, the contents' page numbers and links.
fn lay_out(report: &ReportDocument, g: &Geometry, m: &Measurer) -> Laid {
    let flow = flow::build(report, g, m);
    let body = paginate(&flow.pieces, &flow.headers, g.body_height());
    let total = 1 + body.len();

    // Where each heading landed: (page index, top from the page's top).
    let mut anchors: Vec<Option<(usize, f32)>> = vec![None; flow.anchors.len()];
    let mut outline = Vec::new();
    for (k, page) in body.iter().enumerate() {
        for placed in page {
            if let Slot::Piece(i) = placed.slot
                && let Some(a) = flow.pieces[i].anchor
            {
                let top = g.top + placed.y;
                anchors[a] = Some((k + 1, top));
                let anchor = &flow.anchors[a];
                outline.push(OutlineEntry {
                    title: anchor.title.clone(),
                    level: anchor.level.max(1),
                    page: k + 1,
                    top: g.height - top + 6.0,
                });
            }
        }
    }

    let mut pages = vec![furniture::title_page(report, g, m)];
    for (k, page) in body.iter().enumerate() {
        let mut marks = Vec::new();
        for placed in page {
            let piece = match placed.slot {
                Slot::Piece(i) => &flow.pieces[i],
                Slot::Header(h) => &flow.headers[h],
            };
            let dy = g.top + placed.y;
            marks.extend(
                piece
                    .marks
                    .iter()
                    .map(|mark| resolve(mark.shifted(dy), &anchors, m)),
            );
        }
        marks.extend(furniture::running(&report.title, k + 2, total, g, m));
        pages.push(marks);
    }
    if let Some(text) = &report.watermark {
        let marks = furniture::watermark(text, g, m);
        for page in &mut pages {
            page.extend(marks.iter().cloned());
        }
    }
    Laid {
        pages,
        outline,
        body,
        flow,
    }
}

/// A contents mark with its heading's page filled in.
fn resolve(mark: Mark, anchors: &[Option<(usize, f32)>], m: &Measurer) -> Mark {
    match mark {
        Mark::PageNumber {
            anchor,
            right,
            y,
            face,
            size,
        } => {
            let text = anchors
                .get(anchor)
                .copied()
                .flatten()
                .map_or(String::new(), |(page, _)| (page + 1).to_string());
            let x = right - m.width(face, &text, size);
            Mark::Text(TextMark::new(x, y, face, size, style::TEXT, &text))
        }
        Mark::Link { anchor, x, y, w, h } => match anchors.get(anchor).copied().flatten() {
            Some((page, top)) => Mark::GoTo {
                x,
                y,
                w,
                h,
                page,
                top: (top - 6.0).max(0.0),
            },
            None => Mark::Link { anchor, x, y, w, h },
        },
        other => other,
    }
}
