//! What is on a page besides the body: the title page, the running header
//! and footer, and the watermark.

use crate::report::document::ReportDocument;

use super::draw::{Mark, TextMark};
use super::flow::baseline;
use super::fonts::{Face, FontSet, Measurer};
use super::layout::{break_lines, elide};
use super::style::{self, Geometry, MM};

/// Title size.
const TITLE_SIZE: f32 = 26.0;
/// Subtitle size.
const SUBTITLE_SIZE: f32 = 14.0;

/// The title page: an accent bar, the title, the subtitle, and the title
/// lines at the foot of the page.
pub(crate) fn title_page(report: &ReportDocument, g: &Geometry, m: &Measurer) -> Vec<Mark> {
    let mut marks = Vec::new();
    let width = g.text_width();
    let mut y = g.height * 0.27;
    marks.push(Mark::Rect {
        x: g.left,
        y,
        w: 54.0,
        h: 4.0,
        colour: style::ACCENT,
    });
    y += 22.0;
    let set = |text: &str,
               face: Face,
               size: f32,
               leading: f32,
               colour,
               y: &mut f32,
               marks: &mut Vec<Mark>| {
        let lh = size * leading;
        for line in break_lines(&[(face, text)], size, width, m) {
            for (k, run) in line.runs.iter().enumerate() {
                let mut t = TextMark::new(
                    g.left + run.x,
                    *y + baseline(size, lh),
                    run.face,
                    size,
                    colour,
                    &run.text,
                );
                t.joins = k > 0;
                marks.push(Mark::Text(t));
            }
            *y += lh;
        }
    };
    set(
        &report.title,
        Face::Bold,
        TITLE_SIZE,
        1.18,
        style::ACCENT,
        &mut y,
        &mut marks,
    );
    if !report.subtitle.trim().is_empty() {
        y += 10.0;
        set(
            &report.subtitle,
            Face::Regular,
            SUBTITLE_SIZE,
            1.3,
            style::MUTED,
            &mut y,
            &mut marks,
        );
    }

    // The title lines sit on the bottom margin, under a rule.
    let size = style::BODY_SIZE;
    let lh = size * 1.5;
    let lines: Vec<_> = report
        .title_lines
        .iter()
        .map(|l| break_lines(&[(Face::Regular, l.as_str())], size, width, m))
        .collect();
    let count: usize = lines.iter().map(Vec::len).sum();
    if count > 0 {
        let mut y = (g.height - g.bottom - count as f32 * lh).max(y + 30.0);
        marks.push(Mark::Rule {
            from: (g.left, y - 10.0),
            to: (g.left + width, y - 10.0),
            width: 0.5,
            colour: style::RULE,
        });
        for line in lines.iter().flatten() {
            for (k, run) in line.runs.iter().enumerate() {
                let mut t = TextMark::new(
                    g.left + run.x,
                    y + baseline(size, lh),
                    run.face,
                    size,
                    style::TEXT,
                    &run.text,
                );
                t.joins = k > 0;
                marks.push(Mark::Text(t));
            }
            y += lh;
        }
    }
    marks
}

/// The running header (the report's title over a rule) and the footer
/// ("Page 3 of 12") of page `number` (1-based) of `total`.
pub(crate) fn running(
    title: &str,
    number: usize,
    total: usize,
    g: &Geometry,
    m: &Measurer,
) -> Vec<Mark> {
    let size = style::FURNITURE_SIZE;
    let width = g.text_width();
    let mut marks = Vec::new();
    let title = elide(title.trim(), Face::Regular, size, width, m);
    if !title.is_empty() {
        marks.push(Mark::Text(TextMark::new(
            g.left,
            g.top - 14.0,
            Face::Regular,
            size,
            style::MUTED,
            &title,
        )));
    }
    marks.push(Mark::Rule {
        from: (g.left, g.top - 9.0),
        to: (g.left + width, g.top - 9.0),
        width: 0.4,
        colour: style::RULE,
    });
    let footer = format!("Page {number} of {total}");
    let w = m.width(Face::Regular, &footer, size);
    marks.push(Mark::Text(TextMark::new(
        g.left + (width - w) / 2.0,
        g.height - g.bottom + 26.0,
        Face::Regular,
        size,
        style::MUTED,
        &footer,
    )));
    marks
}

/// The watermark's marks on a page: the banner line at the top (text, so
/// that it is found by text extraction, once per page) and the diagonal
/// (see [`watermark_form`]).
pub(crate) fn watermark(text: &str, g: &Geometry, m: &Measurer) -> Vec<Mark> {
    let text = text.trim();
    if text.is_empty() {
        return Vec::new();
    }
    let size = style::FURNITURE_SIZE;
    let banner = elide(text, Face::Bold, size, g.text_width(), m);
    let w = m.width(Face::Bold, &banner, size);
    vec![
        Mark::Text(TextMark::new(
            (g.width - w) / 2.0,
            12.0 * MM,
            Face::Bold,
            size,
            style::WATERMARK,
            &banner,
        )),
        Mark::Watermark,
    ]
}

/// The content of the form that draws the diagonal watermark: the text in
/// large bold letters from the bottom left towards the top right, centred
/// on the page, as filled glyph outlines in PDF coordinates (y up).
///
/// The letters are shapes, not text: drawn once per document and placed on
/// every page, they cost a few kilobytes in all, and they do not interleave
/// with the page's own text when it is copied or extracted.
pub(crate) fn watermark_form(text: &str, g: &Geometry, fonts: &FontSet) -> Vec<u8> {
    let face = fonts.face(Face::Bold);
    let text = text.trim();
    let angle = g.height.atan2(g.width);
    let diagonal = g.width.hypot(g.height);
    let unit: f32 = text.chars().map(|c| face.advance(c)).sum::<f32>().max(1e-3);
    let size = (diagonal * 0.66 / unit).min(72.0);
    let (sin, cos) = angle.sin_cos();
    // Start half the width back along the baseline from the centre, and
    // drop the baseline so that the capitals centre on the page.
    let (w, drop) = (unit * size, size * 0.36);
    let origin = (
        g.width / 2.0 - cos * w / 2.0 + sin * drop,
        g.height / 2.0 - sin * w / 2.0 - cos * drop,
    );
    let c = style::WATERMARK;
    let mut pen = Pen {
        out: format!("{:.3} {:.3} {:.3} rg\n", c.0, c.1, c.2),
        scale: size / face.units_per_em(),
        shift: 0.0,
        origin,
        sin,
        cos,
        last: (0.0, 0.0),
    };
    for ch in text.chars() {
        face.outline(ch, &mut pen);
        pen.shift += face.advance(ch) * size;
    }
    pen.out.push_str("f\n");
    pen.out.into_bytes()
}

/// Writes glyph outlines as PDF path operators, placed along the turned
/// baseline.
struct Pen {
    out: String,
    /// Points per font unit.
    scale: f32,
    /// How far along the baseline the current glyph starts, in points.
    shift: f32,
    origin: (f32, f32),
    sin: f32,
    cos: f32,
    /// The current point in font units (for quadratic curves).
    last: (f32, f32),
}

impl Pen {
    fn point(&self, x: f32, y: f32) -> (f32, f32) {
        let (tx, ty) = (self.shift + x * self.scale, y * self.scale);
        (
            self.origin.0 + tx * self.cos - ty * self.sin,
            self.origin.1 + tx * self.sin + ty * self.cos,
        )
    }

    fn op(&mut self, points: &[(f32, f32)], operator: &str) {
        use std::fmt::Write as _;
        for &(x, y) in points {
            let (px, py) = self.point(x, y);
            let _ = write!(self.out, "{px:.2} {py:.2} ");
        }
        self.out.push_str(operator);
        self.out.push('\n');
    }
}

impl ttf_parser::OutlineBuilder for Pen {
    fn move_to(&mut self, x: f32, y: f32) {
        self.op(&[(x, y)], "m");
        self.last = (x, y);
    }

    fn line_to(&mut self, x: f32, y: f32) {
        self.op(&[(x, y)], "l");
        self.last = (x, y);
    }

    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        // The cubic with the same curve.
        let (x0, y0) = self.last;
        let c1 = (x0 + 2.0 / 3.0 * (x1 - x0), y0 + 2.0 / 3.0 * (y1 - y0));
        let c2 = (x + 2.0 / 3.0 * (x1 - x), y + 2.0 / 3.0 * (y1 - y));
        self.op(&[c1, c2, (x, y)], "c");
        self.last = (x, y);
    }

    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.op(&[(x1, y1), (x2, y2), (x, y)], "c");
        self.last = (x, y);
    }

    fn close(&mut self) {
        self.out.push_str("h\n");
    }
}
