//! The body of the report as pieces for the paginator: every block set in
//! lines and boxes, with the keep rules (see [`super::paginate`]) marked on
//! the pieces.

use crate::report::document::{Block, ParagraphStyle, ReportDocument, Span, Table};

use super::draw::{Mark, TextMark};
use super::figure::{Placement, scene_marks};
use super::fonts::{Face, Measurer};
use super::layout::{TextLine, break_lines};
use super::paginate::Piece;
use super::style::{self, Colour, Geometry};

/// The ascent of DejaVu Sans (hhea) in em.
const ASCENT: f32 = 0.928;
/// The descent of DejaVu Sans (hhea) in em.
const DESCENT: f32 = 0.236;

/// The baseline of a line of text `size` points in a line box `height`
/// points high, from the box's top: the glyphs sit in the middle.
pub(crate) fn baseline(size: f32, height: f32) -> f32 {
    (height - size * (ASCENT + DESCENT)) / 2.0 + size * ASCENT
}

/// A heading the contents and the PDF outline point to.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Anchor {
    /// 1 or 2 for headings; 0 for the contents' own title (in the outline,
    /// not in the contents).
    pub level: u8,
    /// The heading.
    pub title: String,
}

/// The body, ready to paginate.
#[derive(Debug, Default)]
pub(crate) struct Flow {
    /// The pieces, in order.
    pub pieces: Vec<Piece>,
    /// Table header rows to repeat on continuation pages.
    pub headers: Vec<Piece>,
    /// Headings of levels 1 and 2 (first, in order), then the contents'
    /// title if there are contents.
    pub anchors: Vec<Anchor>,
}

struct Builder<'a> {
    g: &'a Geometry,
    m: &'a Measurer,
    flow: Flow,
    /// Space owed below the last block.
    after: f32,
    /// The next piece keeps with the last one (after a heading).
    keep_next: bool,
    /// The next piece starts a page.
    break_next: bool,
    /// The anchor of the next level-1 or level-2 heading.
    next_heading: usize,
    /// The last text group given out (see [`TextMark::group`]).
    last_group: u32,
}

/// The body of `report` as pieces.
pub(crate) fn build(report: &ReportDocument, g: &Geometry, m: &Measurer) -> Flow {
    let anchors = report
        .outline()
        .into_iter()
        .map(|(level, title)| Anchor {
            level,
            title: title.to_string(),
        })
        .collect();
    let mut b = Builder {
        g,
        m,
        flow: Flow {
            anchors,
            ..Flow::default()
        },
        after: 0.0,
        keep_next: false,
        break_next: false,
        next_heading: 0,
        last_group: 0,
    };
    for block in &report.blocks {
        match block {
            Block::Heading { level, text } => b.heading(*level, text),
            Block::Paragraph { spans, style } => b.paragraph(spans, *style),
            Block::List { ordered, items } => b.list(*ordered, items),
            Block::Table(table) => b.table(table),
            Block::Figure { scene, caption } => b.figure(scene, caption),
            Block::Contents => b.contents(report.contents_title()),
            Block::PageBreak => {
                b.break_next = true;
                b.after = 0.0;
            }
        }
    }
    b.flow
}

/// Spans as (face, text).
fn faced(spans: &[Span]) -> Vec<(Face, &str)> {
    spans
        .iter()
        .map(|s| (Face::of(s.bold, s.italic), s.text.as_str()))
        .collect()
}

/// Text marks for a set line: its first run starts a string of
/// [`WrittenPdf::texts`](super::WrittenPdf), the others continue it.
fn line_marks(
    line: &TextLine,
    (x, y): (f32, f32),
    (size, colour): (f32, Colour),
    group: u32,
    out: &mut Vec<Mark>,
) {
    for (k, run) in line.runs.iter().enumerate() {
        let mut t = TextMark::new(x + run.x, y, run.face, size, colour, &run.text);
        t.joins = k > 0;
        t.group = group;
        out.push(Mark::Text(t));
    }
}

/// Whether a page may not end before line `k` of `n` (widows and orphans).
fn keeps(k: usize, n: usize) -> bool {
    k > 0 && !(k >= 2 && n - k >= 2)
}

impl Builder<'_> {
    /// `n` new text groups; returns the first.
    fn groups(&mut self, n: usize) -> u32 {
        let first = self.last_group + 1;
        self.last_group += n.max(1) as u32;
        first
    }

    /// The space above a block that wants `before`: the larger of it and
    /// what the last block wants below it (none at the very start).
    fn gap(&self, before: f32) -> f32 {
        if self.flow.pieces.is_empty() {
            0.0
        } else {
            self.after.max(before)
        }
    }

    fn push(&mut self, mut piece: Piece) {
        if self.keep_next {
            piece.keep_with_previous = true;
            self.keep_next = false;
        }
        if self.break_next {
            piece.page_break_before = true;
            piece.space_before = 0.0;
            self.break_next = false;
        }
        self.flow.pieces.push(piece);
    }

    fn heading(&mut self, level: u8, text: &str) {
        let hs = style::heading(level);
        let lh = hs.size * style::HEADING_LEADING;
        let lines = break_lines(&[(Face::Bold, text)], hs.size, self.g.text_width(), self.m);
        let mut marks = Vec::new();
        let group = self.groups(1);
        for (k, line) in lines.iter().enumerate() {
            let y = k as f32 * lh + baseline(hs.size, lh);
            line_marks(
                line,
                (self.g.left, y),
                (hs.size, hs.colour),
                group,
                &mut marks,
            );
        }
        let anchor = (level <= 2).then(|| {
            self.next_heading += 1;
            self.next_heading - 1
        });
        let piece = Piece {
            height: lines.len().max(1) as f32 * lh,
            space_before: self.gap(hs.before),
            anchor,
            marks,
            ..Piece::default()
        };
        self.push(piece);
        self.keep_next = true;
        self.after = hs.after;
    }

    /// Lines as pieces with widow and orphan control; `decorate` adds
    /// marks to line `k` (a bullet, a bar).
    fn lines(
        &mut self,
        lines: &[TextLine],
        x: f32,
        (size, lh, colour): (f32, f32, Colour),
        space_before: f32,
        decorate: &mut dyn FnMut(usize, &mut Vec<Mark>),
    ) {
        let n = lines.len();
        let group = self.groups(1);
        for (k, line) in lines.iter().enumerate() {
            let mut marks = Vec::new();
            decorate(k, &mut marks);
            line_marks(
                line,
                (x, baseline(size, lh)),
                (size, colour),
                group,
                &mut marks,
            );
            self.push(Piece {
                height: lh,
                space_before: if k == 0 { space_before } else { 0.0 },
                keep_with_previous: keeps(k, n),
                marks,
                ..Piece::default()
            });
        }
    }

    fn paragraph(&mut self, spans: &[Span], style: ParagraphStyle) {
        let (size, leading, colour, indent) = match style {
            ParagraphStyle::Body => (style::BODY_SIZE, style::BODY_LEADING, style::TEXT, 0.0),
            ParagraphStyle::Note => (style::NOTE_SIZE, style::NOTE_LEADING, style::MUTED, 0.0),
            ParagraphStyle::Quote => (
                style::BODY_SIZE,
                style::BODY_LEADING,
                style::TEXT,
                style::QUOTE_INDENT,
            ),
        };
        let width = self.g.text_width() - 2.0 * indent;
        let lines = break_lines(&faced(spans), size, width, self.m);
        if lines.is_empty() {
            return;
        }
        let lh = size * leading;
        let gap = self.gap(style::PARAGRAPH_GAP);
        let left = self.g.left;
        let mut bar = |_: usize, marks: &mut Vec<Mark>| {
            if style == ParagraphStyle::Quote {
                marks.push(Mark::Rect {
                    x: left + 4.0,
                    y: 0.0,
                    w: 2.2,
                    h: lh,
                    colour: style::QUOTE_BAR,
                });
            }
        };
        // A short note straight after a heading (an episode's dates) is
        // part of the heading: what follows keeps with both.
        let heading_note = self.keep_next && style == ParagraphStyle::Note && lines.len() <= 2;
        self.lines(&lines, left + indent, (size, lh, colour), gap, &mut bar);
        self.after = style::PARAGRAPH_GAP;
        if heading_note {
            self.keep_next = true;
        }
    }

    fn list(&mut self, ordered: bool, items: &[Vec<Span>]) {
        let size = style::BODY_SIZE;
        let lh = size * style::BODY_LEADING;
        let markers: Vec<String> = (1..=items.len())
            .map(|n| {
                if ordered {
                    format!("{n}.")
                } else {
                    "•".into()
                }
            })
            .collect();
        let widest = markers
            .iter()
            .map(|s| self.m.width(Face::Regular, s, size))
            .fold(0.0, f32::max);
        let indent = style::LIST_INDENT.max(widest + 8.0);
        let width = self.g.text_width() - indent;
        let left = self.g.left;
        for (k, item) in items.iter().enumerate() {
            let mut lines = break_lines(&faced(item), size, width, self.m);
            if lines.is_empty() {
                lines.push(TextLine::default());
            }
            let space = if k == 0 {
                self.gap(style::PARAGRAPH_GAP)
            } else {
                style::LIST_ITEM_GAP
            };
            let marker = &markers[k];
            let marker_width = self.m.width(Face::Regular, marker, size);
            let marker_x = if ordered {
                left + indent - 6.0 - marker_width
            } else {
                left + 5.0
            };
            let mut bullet = |line: usize, marks: &mut Vec<Mark>| {
                if line == 0 {
                    marks.push(Mark::Text(TextMark::new(
                        marker_x,
                        baseline(size, lh),
                        Face::Regular,
                        size,
                        if ordered { style::TEXT } else { style::ACCENT },
                        marker,
                    )));
                }
            };
            let look = (size, lh, style::TEXT);
            self.lines(&lines, left + indent, look, space, &mut bullet);
        }
        self.after = style::PARAGRAPH_GAP;
    }

    fn table(&mut self, table: &Table) {
        let columns = table
            .columns
            .len()
            .max(table.rows.iter().map(Vec::len).max().unwrap_or(0));
        if columns == 0 {
            return;
        }
        let total = self.g.text_width();
        let shares: Vec<f32> = if table.widths.len() == columns
            && table.widths.iter().all(|w| w.is_finite() && *w > 0.0)
        {
            table.widths.clone()
        } else {
            vec![1.0; columns]
        };
        let sum: f32 = shares.iter().sum();
        let widths: Vec<f32> = shares.iter().map(|s| s / sum * total).collect();
        let mut lefts = Vec::with_capacity(columns);
        let mut x = self.g.left;
        for w in &widths {
            lefts.push(x);
            x += w;
        }
        let size = style::TABLE_SIZE;
        let lh = size * style::TABLE_LEADING;
        let pad = style::CELL_PAD_Y;
        let cell_lines = |cells: &[String], face: Face| -> Vec<Vec<TextLine>> {
            (0..columns)
                .map(|c| {
                    let text = cells.get(c).map_or("", String::as_str);
                    let inner = (widths[c] - 2.0 * style::CELL_PAD_X).max(size);
                    break_lines(&[(face, text)], size, inner, self.m)
                })
                .collect()
        };
        let row_marks = |cells: &[Vec<TextLine>], first_group: u32, marks: &mut Vec<Mark>| {
            for (c, lines) in cells.iter().enumerate() {
                for (k, line) in lines.iter().enumerate() {
                    let y = pad + k as f32 * lh + baseline(size, lh);
                    line_marks(
                        line,
                        (lefts[c] + style::CELL_PAD_X, y),
                        (size, style::TEXT),
                        first_group + c as u32,
                        marks,
                    );
                }
            }
        };
        let right = self.g.left + total;
        let left = self.g.left;
        let rule = |y: f32, width: f32, colour: Colour| Mark::Rule {
            from: (left, y),
            to: (right, y),
            width,
            colour,
        };

        // Caption.
        let mut space = self.gap(style::FLOAT_GAP);
        let has_caption = !table.caption.trim().is_empty();
        if has_caption {
            let lines = break_lines(
                &[(Face::Bold, table.caption.as_str())],
                style::CAPTION_SIZE,
                total,
                self.m,
            );
            let clh = style::CAPTION_SIZE * 1.3;
            let mut marks = Vec::new();
            let group = self.groups(1);
            for (k, line) in lines.iter().enumerate() {
                let y = k as f32 * clh + baseline(style::CAPTION_SIZE, clh);
                line_marks(
                    line,
                    (left, y),
                    (style::CAPTION_SIZE, style::TEXT),
                    group,
                    &mut marks,
                );
            }
            self.push(Piece {
                height: lines.len() as f32 * clh + 4.0,
                space_before: space,
                marks,
                ..Piece::default()
            });
            space = 0.0;
        }

        // Header row.
        let header_cells = cell_lines(&table.columns, Face::Bold);
        let header_lines = header_cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
        let header_height = header_lines as f32 * lh + 2.0 * pad;
        let mut marks = vec![Mark::Rect {
            x: left,
            y: 0.0,
            w: total,
            h: header_height,
            colour: style::TINT,
        }];
        // Direct field arithmetic: the closures above borrow other fields.
        let header_groups = self.last_group + 1;
        self.last_group += columns as u32;
        row_marks(&header_cells, header_groups, &mut marks);
        marks.push(rule(0.0, 0.9, style::RULE_STRONG));
        marks.push(rule(header_height, 0.6, style::RULE_STRONG));
        let header = Piece {
            height: header_height,
            space_before: space,
            keep_with_previous: has_caption,
            marks,
            ..Piece::default()
        };
        let header_index = self.flow.headers.len();
        self.flow.headers.push(Piece {
            space_before: 0.0,
            keep_with_previous: false,
            ..header.clone()
        });
        self.push(header);

        // Rows, split only when taller than a page.
        let room = self.g.body_height() - header_height;
        let most_lines = (((room - 2.0 * pad) / lh).floor() as usize).max(1);
        let rows = table.rows.len();
        for (r, row) in table.rows.iter().enumerate() {
            let cells = cell_lines(row, Face::Regular);
            let row_groups = self.last_group + 1;
            self.last_group += columns as u32;
            let lines = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
            let chunks = lines.div_ceil(most_lines);
            for chunk in 0..chunks {
                let part: Vec<Vec<TextLine>> = cells
                    .iter()
                    .map(|c| {
                        c.iter()
                            .skip(chunk * most_lines)
                            .take(most_lines)
                            .cloned()
                            .collect()
                    })
                    .collect();
                let n = part.iter().map(Vec::len).max().unwrap_or(0).max(1);
                let height = n as f32 * lh + 2.0 * pad;
                let mut marks = Vec::new();
                row_marks(&part, row_groups, &mut marks);
                let last = r + 1 == rows && chunk + 1 == chunks;
                marks.push(if last {
                    rule(height, 0.9, style::RULE_STRONG)
                } else {
                    rule(height, 0.35, style::RULE)
                });
                self.push(Piece {
                    height,
                    keep_with_previous: r == 0 && chunk == 0,
                    repeat: Some(header_index),
                    marks,
                    ..Piece::default()
                });
            }
        }
        self.after = style::FLOAT_GAP;
    }

    fn figure(&mut self, scene: &crate::export::scene::Scene, caption: &str) {
        let total = self.g.text_width();
        let size = style::CAPTION_SIZE;
        let clh = size * 1.35;
        let lines = break_lines(&[(Face::Italic, caption)], size, total, self.m);
        let caption_height = lines.len() as f32 * clh;
        let room = (style::FIGURE_MAX_SHARE * self.g.height).min(self.g.body_height())
            - caption_height
            - 8.0;
        let mut marks = Vec::new();
        let mut height = 0.0;
        if scene.width.is_finite()
            && scene.height.is_finite()
            && scene.width > 0.0
            && scene.height > 0.0
            && room > 0.0
        {
            let scale = (total / scene.width)
                .min(room / scene.height)
                .min(style::FIGURE_MAX_SCALE);
            let w = scene.width * scale;
            height = scene.height * scale;
            let at = Placement {
                x: self.g.left + (total - w) / 2.0,
                y: 0.0,
                scale,
            };
            scene_marks(scene, at, self.m, &mut marks);
        }
        let top = if height > 0.0 { height + 8.0 } else { 0.0 };
        let group = self.groups(1);
        for (k, line) in lines.iter().enumerate() {
            let x = self.g.left + (total - line.width) / 2.0;
            let y = top + k as f32 * clh + baseline(size, clh);
            line_marks(line, (x, y), (size, style::MUTED), group, &mut marks);
        }
        if marks.is_empty() {
            return;
        }
        let piece = Piece {
            height: top + caption_height,
            space_before: self.gap(style::FLOAT_GAP),
            marks,
            ..Piece::default()
        };
        self.push(piece);
        self.after = style::FLOAT_GAP;
    }

    fn contents(&mut self, title: &str) {
        let anchor = self.flow.anchors.len();
        self.flow.anchors.push(Anchor {
            level: 0,
            title: title.into(),
        });
        // The title, set like a level-1 heading.
        let hs = style::heading(1);
        let lh = hs.size * style::HEADING_LEADING;
        let marks = vec![Mark::Text(TextMark::new(
            self.g.left,
            baseline(hs.size, lh),
            Face::Bold,
            hs.size,
            hs.colour,
            title,
        ))];
        let piece = Piece {
            height: lh,
            space_before: self.gap(hs.before),
            anchor: Some(anchor),
            marks,
            ..Piece::default()
        };
        self.push(piece);
        self.keep_next = true;
        self.after = hs.after + 4.0;

        let total = self.g.text_width();
        let right = self.g.left + total;
        let leader_size = style::CONTENTS_SUB_SIZE;
        let dot_pitch = self.m.width(Face::Regular, ". ", leader_size);
        let space_width = self.m.width(Face::Regular, " ", leader_size);
        let leader_end = right - style::CONTENTS_NUMBER_WIDTH + 4.0;
        let entries: Vec<(usize, Anchor)> = self
            .flow
            .anchors
            .iter()
            .enumerate()
            .filter(|(_, a)| a.level >= 1)
            .map(|(i, a)| (i, a.clone()))
            .collect();
        for (i, entry) in entries {
            let sub = entry.level >= 2;
            let (face, size, indent, before) = if sub {
                (
                    Face::Regular,
                    style::CONTENTS_SUB_SIZE,
                    style::CONTENTS_SUB_INDENT,
                    1.5,
                )
            } else {
                (Face::Bold, style::CONTENTS_SIZE, 0.0, 6.0)
            };
            let lh = size * 1.4;
            let width = total - indent - style::CONTENTS_NUMBER_WIDTH - 8.0;
            let lines = break_lines(&[(face, entry.title.as_str())], size, width, self.m);
            let lines = if lines.is_empty() {
                vec![TextLine::default()]
            } else {
                lines
            };
            let x = self.g.left + indent;
            let mut marks = Vec::new();
            let group = self.groups(1);
            for (k, line) in lines.iter().enumerate() {
                let y = k as f32 * lh + baseline(size, lh);
                line_marks(line, (x, y), (size, style::TEXT), group, &mut marks);
            }
            let last = lines.len() - 1;
            let y = last as f32 * lh + baseline(size, lh);
            // Dot leaders on a grid from the right, so that they line up
            // from entry to entry.
            let from = x + lines[last].width + 6.0;
            let count = ((leader_end - from + space_width) / dot_pitch).floor();
            if count >= 2.0 {
                let dots = ". ".repeat(count as usize);
                let dots = dots.trim_end();
                let start = leader_end - (count * dot_pitch - space_width);
                marks.push(Mark::Text(TextMark::new(
                    start,
                    y,
                    Face::Regular,
                    leader_size,
                    style::MUTED,
                    dots,
                )));
            }
            marks.push(Mark::PageNumber {
                anchor: i,
                right,
                y,
                face,
                size,
            });
            let height = lines.len() as f32 * lh;
            marks.push(Mark::Link {
                anchor: i,
                x: self.g.left,
                y: 0.0,
                w: total,
                h: height,
            });
            self.push(Piece {
                height,
                space_before: before,
                marks,
                ..Piece::default()
            });
        }
        self.after = style::PARAGRAPH_GAP * 2.0;
    }
}
