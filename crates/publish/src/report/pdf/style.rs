//! The report's look: page geometry, type sizes, spacing and colours, in
//! points (1/72 inch).

/// A colour as red, green and blue from 0 to 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Colour(pub f32, pub f32, pub f32);

impl Colour {
    /// From 8-bit components.
    pub(crate) fn from_rgb8(r: u8, g: u8, b: u8) -> Colour {
        Colour(
            f32::from(r) / 255.0,
            f32::from(g) / 255.0,
            f32::from(b) / 255.0,
        )
    }
}

/// Running text.
pub(crate) const TEXT: Colour = Colour(0.11, 0.11, 0.13);
/// Headings, the title and the accent rules.
pub(crate) const ACCENT: Colour = Colour(0.09, 0.22, 0.38);
/// Notes, the running header and footer, captions.
pub(crate) const MUTED: Colour = Colour(0.38, 0.39, 0.42);
/// Thin rules.
pub(crate) const RULE: Colour = Colour(0.70, 0.72, 0.75);
/// Strong rules (top and bottom of tables).
pub(crate) const RULE_STRONG: Colour = Colour(0.25, 0.27, 0.30);
/// The background of table header rows.
pub(crate) const TINT: Colour = Colour(0.89, 0.92, 0.96);
/// The quotation bar.
pub(crate) const QUOTE_BAR: Colour = Colour(0.62, 0.70, 0.80);
/// The watermark and its banner.
pub(crate) const WATERMARK: Colour = Colour(0.80, 0.08, 0.08);
/// How much the diagonal watermark covers what is under it.
pub(crate) const WATERMARK_OPACITY: f32 = 0.16;

/// Points per millimetre.
pub(crate) const MM: f32 = 72.0 / 25.4;

/// Body text size.
pub(crate) const BODY_SIZE: f32 = 10.5;
/// Line height of body text as a multiple of its size.
pub(crate) const BODY_LEADING: f32 = 1.42;
/// Space between paragraphs.
pub(crate) const PARAGRAPH_GAP: f32 = 7.5;
/// Notes: size and colour.
pub(crate) const NOTE_SIZE: f32 = 9.0;
/// Line height of notes as a multiple of their size.
pub(crate) const NOTE_LEADING: f32 = 1.38;
/// Left and right indent of a quotation.
pub(crate) const QUOTE_INDENT: f32 = 20.0;
/// Left indent of list text (the marker sits in it).
pub(crate) const LIST_INDENT: f32 = 18.0;
/// Space between list items.
pub(crate) const LIST_ITEM_GAP: f32 = 3.0;

/// A heading's type and spacing.
pub(crate) struct HeadingStyle {
    /// Size in points.
    pub size: f32,
    /// Space above.
    pub before: f32,
    /// Space below.
    pub after: f32,
    /// Colour.
    pub colour: Colour,
}

/// The heading style of a level (1 to 3; deeper levels look like 3).
pub(crate) fn heading(level: u8) -> HeadingStyle {
    match level {
        0 | 1 => HeadingStyle {
            size: 16.0,
            before: 24.0,
            after: 9.0,
            colour: ACCENT,
        },
        2 => HeadingStyle {
            size: 13.0,
            before: 17.0,
            after: 6.0,
            colour: ACCENT,
        },
        _ => HeadingStyle {
            size: 11.0,
            before: 13.0,
            after: 4.0,
            colour: TEXT,
        },
    }
}
/// Line height of headings as a multiple of their size.
pub(crate) const HEADING_LEADING: f32 = 1.25;

/// Table text size.
pub(crate) const TABLE_SIZE: f32 = 9.0;
/// Line height of table text as a multiple of its size.
pub(crate) const TABLE_LEADING: f32 = 1.3;
/// Horizontal padding inside a cell.
pub(crate) const CELL_PAD_X: f32 = 4.5;
/// Vertical padding inside a cell.
pub(crate) const CELL_PAD_Y: f32 = 3.5;
/// Caption size (tables and figures).
pub(crate) const CAPTION_SIZE: f32 = 9.0;
/// Space around tables and figures.
pub(crate) const FLOAT_GAP: f32 = 12.0;

/// Running header and footer size.
pub(crate) const FURNITURE_SIZE: f32 = 8.0;

/// Contents entries: size of level-1 entries.
pub(crate) const CONTENTS_SIZE: f32 = 10.5;
/// Contents entries: size of level-2 entries.
pub(crate) const CONTENTS_SUB_SIZE: f32 = 10.0;
/// Room kept for the page numbers of the contents.
pub(crate) const CONTENTS_NUMBER_WIDTH: f32 = 30.0;
/// Indent of level-2 entries.
pub(crate) const CONTENTS_SUB_INDENT: f32 = 16.0;

/// A figure's largest height as a share of the page height: enough for a
/// causal loop diagram whose whole labels make it taller than wide to
/// print its labels at 8 points or more.
pub(crate) const FIGURE_MAX_SHARE: f32 = 0.8;
/// The most points one diagram unit may become (small diagrams are not
/// blown up: a 15-unit label stays at most 11 points).
pub(crate) const FIGURE_MAX_SCALE: f32 = 0.75;

/// Where things go on a page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Geometry {
    /// Page width.
    pub width: f32,
    /// Page height.
    pub height: f32,
    /// Left margin.
    pub left: f32,
    /// Right margin.
    pub right: f32,
    /// Top margin (the body starts here).
    pub top: f32,
    /// Bottom margin (the body ends here).
    pub bottom: f32,
}

impl Geometry {
    /// A page of the given size in points, with 25 mm margins.
    pub(crate) fn new(width: f32, height: f32) -> Geometry {
        Geometry {
            width,
            height,
            left: 25.0 * MM,
            right: 25.0 * MM,
            top: 25.0 * MM,
            bottom: 25.0 * MM,
        }
    }

    /// The width of the text column.
    pub(crate) fn text_width(&self) -> f32 {
        self.width - self.left - self.right
    }

    /// The height of the body on a page.
    pub(crate) fn body_height(&self) -> f32 {
        self.height - self.top - self.bottom
    }
}
