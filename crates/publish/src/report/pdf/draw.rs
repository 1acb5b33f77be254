//! What goes on a page as a plain list of marks (text runs, rules, boxes,
//! vector shapes, links), in points from the page's top-left corner, and
//! their translation into printpdf operations.
//!
//! The layout produces marks rather than printpdf operations so that it can
//! be tested without a PDF, and so that the characters drawn in each face
//! are known before the fonts are embedded.

use std::collections::{BTreeMap, BTreeSet};

use printpdf::{
    Actions, BorderArray, Color, ColorArray, Destination, ExtendedGraphicsState,
    ExtendedGraphicsStateId, FontId, HighlightingMode, Line, LineCapStyle, LineDashPattern,
    LineJoinStyle, LinePoint, LinkAnnotation, Op, PaintMode, PdfFontHandle, Point, Polygon,
    PolygonRing, Pt, Rect, Rgb, TextItem, TextMatrix, WindingOrder, XObjectId, XObjectTransform,
};

use super::fonts::Face;
use super::style::{self, Colour};

/// A run of text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TextMark {
    /// Left end of the baseline.
    pub x: f32,
    /// The baseline.
    pub y: f32,
    /// Face.
    pub face: Face,
    /// Size in points.
    pub size: f32,
    /// Colour.
    pub colour: Colour,
    /// The text.
    pub text: String,
    /// Continues the previous text mark on the same line (another style),
    /// so that [`WrittenPdf::texts`](super::WrittenPdf) holds whole lines.
    pub joins: bool,
    /// The block (paragraph, list item, table cell, heading) the line
    /// belongs to, 0 for none: the lines of one block make one string of
    /// [`WrittenPdf::texts`](super::WrittenPdf), even across pages, so
    /// the leak check reads each word in its context.
    pub group: u32,
}

impl TextMark {
    /// Plain horizontal text.
    pub(crate) fn new(x: f32, y: f32, face: Face, size: f32, colour: Colour, text: &str) -> Self {
        TextMark {
            x,
            y,
            face,
            size,
            colour,
            text: text.to_string(),
            joins: false,
            group: 0,
        }
    }
}

/// An outline of a shape.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Outline {
    /// Colour.
    pub colour: Colour,
    /// Width in points.
    pub width: f32,
    /// Dash and gap lengths in points.
    pub dash: Option<[f32; 2]>,
}

/// A filled and/or outlined path.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Shape {
    /// Points; `true` marks a Bézier control point (two of them come
    /// before each curve's end point, as printpdf reads them).
    pub points: Vec<(f32, f32, bool)>,
    /// Join the end back to the start.
    pub closed: bool,
    /// Fill colour and opacity.
    pub fill: Option<(Colour, f32)>,
    /// Outline.
    pub stroke: Option<Outline>,
}

/// Something drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Mark {
    /// A run of text.
    Text(TextMark),
    /// A straight line.
    Rule {
        /// Start.
        from: (f32, f32),
        /// End.
        to: (f32, f32),
        /// Width.
        width: f32,
        /// Colour.
        colour: Colour,
    },
    /// A filled box.
    Rect {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Colour.
        colour: Colour,
    },
    /// A vector shape (figures).
    Shape(Shape),
    /// The page number of a heading, right-aligned at `right` (contents).
    PageNumber {
        /// The heading's anchor.
        anchor: usize,
        /// Right end of the baseline.
        right: f32,
        /// Baseline.
        y: f32,
        /// Face.
        face: Face,
        /// Size.
        size: f32,
    },
    /// A clickable area that goes to a heading.
    Link {
        /// The heading's anchor.
        anchor: usize,
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
    },
    /// The diagonal watermark (a form drawn once per document).
    Watermark,
    /// A resolved link: page index (0-based) and the top of the target in
    /// points from the top of that page.
    GoTo {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Target page (0-based).
        page: usize,
        /// Target position from the page's top.
        top: f32,
    },
}

impl Mark {
    /// The mark moved down by `dy`.
    pub(crate) fn shifted(&self, dy: f32) -> Mark {
        let mut mark = self.clone();
        match &mut mark {
            Mark::Text(t) => t.y += dy,
            Mark::Rule { from, to, .. } => {
                from.1 += dy;
                to.1 += dy;
            }
            Mark::Rect { y, .. }
            | Mark::PageNumber { y, .. }
            | Mark::Link { y, .. }
            | Mark::GoTo { y, .. } => *y += dy,
            Mark::Shape(s) => s.points.iter_mut().for_each(|p| p.1 += dy),
            Mark::Watermark => {}
        }
        mark
    }
}

/// The name of the watermark form.
pub(crate) const WATERMARK_FORM: &str = "WM";

/// The resources the operations refer to.
pub(crate) struct Resources {
    /// Font resource per face.
    pub fonts: [FontId; 3],
    /// Graphics states with a fill and stroke opacity, by opacity in
    /// thousandths.
    pub opacities: BTreeMap<u32, ExtendedGraphicsStateId>,
    /// The string of `texts` each text group writes to.
    pub groups: BTreeMap<u32, usize>,
}

impl Resources {
    /// Resources named `FR`, `FB`, `FI`: fixed names keep the output
    /// byte-for-byte reproducible.
    pub(crate) fn new() -> Resources {
        Resources {
            fonts: [
                FontId("FR".into()),
                FontId("FB".into()),
                FontId("FI".into()),
            ],
            opacities: BTreeMap::new(),
            groups: BTreeMap::new(),
        }
    }

    fn opacity(&mut self, opacity: f32) -> ExtendedGraphicsStateId {
        let key = (opacity.clamp(0.0, 1.0) * 1000.0).round() as u32;
        self.opacities
            .entry(key)
            .or_insert_with(|| ExtendedGraphicsStateId(format!("GA{key}")))
            .clone()
    }

    /// The graphics states to register with the document.
    pub(crate) fn graphics_states(
        &self,
    ) -> impl Iterator<Item = (ExtendedGraphicsStateId, ExtendedGraphicsState)> + '_ {
        self.opacities.iter().map(|(key, id)| {
            let alpha = *key as f32 / 1000.0;
            (
                id.clone(),
                ExtendedGraphicsState::default()
                    .with_current_fill_alpha(alpha)
                    .with_current_stroke_alpha(alpha),
            )
        })
    }
}

/// Turns one page's marks into operations.
pub(crate) struct PageWriter<'a> {
    page_height: f32,
    resources: &'a mut Resources,
    ops: Vec<Op>,
    in_text: bool,
    font: Option<(Face, f32)>,
    fill: Option<Colour>,
    stroke: Option<Colour>,
    line_width: Option<f32>,
    /// The string of `texts` the last text mark went to.
    last_text: Option<usize>,
}

fn colour(c: Colour) -> Color {
    Color::Rgb(Rgb::new(c.0, c.1, c.2, None))
}

fn point(x: f32, y: f32) -> Point {
    Point { x: Pt(x), y: Pt(y) }
}

impl<'a> PageWriter<'a> {
    /// A writer for a page `page_height` points high.
    pub(crate) fn new(page_height: f32, resources: &'a mut Resources) -> Self {
        PageWriter {
            page_height,
            resources,
            ops: Vec::new(),
            in_text: false,
            font: None,
            fill: None,
            stroke: None,
            line_width: None,
            last_text: None,
        }
    }

    /// The operations for the marks. Every text drawn is added to `texts`
    /// (a mark that joins the previous one extends its string, a line of a
    /// group already written extends the group's string) and its
    /// characters to `used`, per face.
    pub(crate) fn write(
        mut self,
        marks: &[Mark],
        texts: &mut Vec<String>,
        used: &mut [BTreeSet<char>; 3],
    ) -> Vec<Op> {
        for mark in marks {
            match mark {
                Mark::Text(t) => {
                    if t.text.is_empty() {
                        continue;
                    }
                    used[t.face.index()].extend(t.text.chars());
                    let target = if t.joins {
                        self.last_text
                    } else if t.group != 0 {
                        // (A page's texts may be collected on their own.)
                        self.resources
                            .groups
                            .get(&t.group)
                            .copied()
                            .filter(|&i| i < texts.len())
                    } else {
                        None
                    };
                    match target {
                        Some(i) if i < texts.len() => {
                            if !t.joins {
                                texts[i].push('\n');
                            }
                            texts[i].push_str(&t.text);
                            self.last_text = Some(i);
                        }
                        _ => {
                            if t.group != 0 {
                                self.resources.groups.insert(t.group, texts.len());
                            }
                            self.last_text = Some(texts.len());
                            texts.push(t.text.clone());
                        }
                    }
                    self.text(t);
                }
                Mark::Rule {
                    from,
                    to,
                    width,
                    colour,
                } => {
                    self.end_text();
                    self.set_stroke(*colour, *width);
                    self.ops.push(Op::DrawLine {
                        line: Line {
                            points: vec![
                                LinePoint {
                                    p: self.at(from.0, from.1),
                                    bezier: false,
                                },
                                LinePoint {
                                    p: self.at(to.0, to.1),
                                    bezier: false,
                                },
                            ],
                            is_closed: false,
                        },
                    });
                }
                Mark::Rect { x, y, w, h, colour } => {
                    self.end_text();
                    self.set_fill(*colour);
                    self.ops.push(Op::DrawRectangle {
                        rectangle: Rect {
                            x: Pt(*x),
                            y: Pt(self.page_height - y - h),
                            width: Pt(*w),
                            height: Pt(*h),
                            mode: Some(PaintMode::Fill),
                            winding_order: None,
                        },
                    });
                }
                Mark::Shape(shape) => self.shape(shape),
                Mark::Watermark => {
                    self.end_text();
                    self.ops.push(Op::SaveGraphicsState);
                    let gs = self.resources.opacity(style::WATERMARK_OPACITY);
                    self.ops.push(Op::LoadGraphicsState { gs });
                    self.ops.push(Op::UseXobject {
                        id: XObjectId(WATERMARK_FORM.into()),
                        transform: XObjectTransform::default(),
                    });
                    self.ops.push(Op::RestoreGraphicsState);
                    self.forget_state();
                }
                Mark::GoTo {
                    x,
                    y,
                    w,
                    h,
                    page,
                    top,
                } => {
                    let link = LinkAnnotation::new(
                        Rect::from_xywh(Pt(*x), Pt(self.page_height - y - h), Pt(*w), Pt(*h)),
                        Actions::go_to(Destination::Xyz {
                            page: page + 1,
                            left: None,
                            top: Some(self.page_height - top),
                            zoom: None,
                        }),
                        Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                        Some(ColorArray::Transparent),
                        Some(HighlightingMode::Invert),
                    );
                    self.ops.push(Op::LinkAnnotation { link });
                }
                // Resolved before drawing; nothing to draw if one slips by.
                Mark::PageNumber { .. } | Mark::Link { .. } => {}
            }
        }
        self.end_text();
        self.ops
    }

    fn at(&self, x: f32, y: f32) -> Point {
        point(x, self.page_height - y)
    }

    fn end_text(&mut self) {
        if self.in_text {
            self.ops.push(Op::EndTextSection);
            self.in_text = false;
        }
    }

    fn set_fill(&mut self, c: Colour) {
        if self.fill != Some(c) {
            self.ops.push(Op::SetFillColor { col: colour(c) });
            self.fill = Some(c);
        }
    }

    fn set_stroke(&mut self, c: Colour, width: f32) {
        if self.stroke != Some(c) {
            self.ops.push(Op::SetOutlineColor { col: colour(c) });
            self.stroke = Some(c);
        }
        if self.line_width != Some(width) {
            self.ops.push(Op::SetOutlineThickness { pt: Pt(width) });
            self.line_width = Some(width);
        }
    }

    /// After `Q` the colours and widths are whatever they were at `q`.
    fn forget_state(&mut self) {
        self.fill = None;
        self.stroke = None;
        self.line_width = None;
    }

    fn text(&mut self, t: &TextMark) {
        if !self.in_text {
            self.ops.push(Op::StartTextSection);
            self.in_text = true;
            self.font = None;
        }
        if self.font != Some((t.face, t.size)) {
            self.ops.push(Op::SetFont {
                font: PdfFontHandle::External(self.resources.fonts[t.face.index()].clone()),
                size: Pt(t.size),
            });
            self.font = Some((t.face, t.size));
        }
        self.set_fill(t.colour);
        self.ops.push(Op::SetTextMatrix {
            matrix: TextMatrix::Translate(Pt(t.x), Pt(self.page_height - t.y)),
        });
        self.ops.push(Op::ShowText {
            items: vec![TextItem::Text(t.text.clone())],
        });
    }

    fn shape(&mut self, shape: &Shape) {
        if shape.points.len() < 2 {
            return;
        }
        self.end_text();
        self.ops.push(Op::SaveGraphicsState);
        let points: Vec<LinePoint> = shape
            .points
            .iter()
            .map(|&(x, y, bezier)| LinePoint {
                p: self.at(x, y),
                bezier,
            })
            .collect();
        if let Some((c, opacity)) = shape.fill {
            if opacity < 0.999 {
                let gs = self.resources.opacity(opacity);
                self.ops.push(Op::LoadGraphicsState { gs });
            }
            self.set_fill(c);
            self.ops.push(Op::DrawPolygon {
                polygon: Polygon {
                    rings: vec![PolygonRing {
                        points: points.clone(),
                    }],
                    mode: PaintMode::Fill,
                    winding_order: WindingOrder::NonZero,
                },
            });
            if opacity < 0.999 {
                // Outlines stay solid.
                self.ops.push(Op::RestoreGraphicsState);
                self.forget_state();
                self.ops.push(Op::SaveGraphicsState);
            }
        }
        if let Some(outline) = shape.stroke
            && outline.width > 0.0
        {
            self.set_stroke(outline.colour, outline.width);
            self.ops.push(Op::SetLineJoinStyle {
                join: LineJoinStyle::Round,
            });
            self.ops.push(Op::SetLineCapStyle {
                cap: LineCapStyle::Round,
            });
            if let Some([dash, gap]) = outline.dash {
                self.ops.push(Op::SetLineCapStyle {
                    cap: LineCapStyle::Butt,
                });
                self.ops.push(Op::SetLineDashPattern {
                    dash: LineDashPattern::new(0.0, &[dash, gap]),
                });
            }
            self.ops.push(Op::DrawLine {
                line: Line {
                    points,
                    is_closed: shape.closed,
                },
            });
        }
        self.ops.push(Op::RestoreGraphicsState);
        self.forget_state();
    }
}
