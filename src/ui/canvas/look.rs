//! The look of a canvas: projector settings (high contrast, large text,
//! line and mark scale), the palette they choose, and loop labels.

use eframe::egui::Color32;

use crate::analysis::loops::LoopKind;
use crate::diagram::geometry::{self, Point, Rgb, pt};
use crate::model::{Id, LinkKind, RecordKind};

/// A loop label drawn inside a loop: "R1" or "B2" in a circular arrow that
/// turns the way the loop does.
#[derive(Debug, Clone, PartialEq)]
pub struct LoopBadge {
    /// The label, e.g. "B1".
    pub label: String,
    /// The loop's records in loop order.
    pub nodes: Vec<Id>,
    /// Reinforcing or balancing (decides the colour).
    pub kind: LoopKind,
}

/// Projector settings and scale of marks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Look {
    /// The high-contrast palette.
    pub high_contrast: bool,
    /// Multiplies line widths and mark sizes.
    pub line_scale: f32,
    /// Multiplies label sizes.
    pub text_scale: f32,
    /// Multiplies the width nodes wrap their labels at (see
    /// [`FigureStyle::wide`]).
    pub wide: f32,
    /// Multiplies node positions across and down (see
    /// [`FigureStyle::stretch`]).
    pub stretch: Point,
    /// The dark theme's canvas colours (see [`Palette`]).
    pub dark: bool,
}

impl Look {
    /// The normal look.
    pub const NORMAL: Look = Look {
        high_contrast: false,
        line_scale: 1.0,
        text_scale: 1.0,
        wide: 1.0,
        stretch: pt(1.0, 1.0),
        dark: false,
    };

    /// The projector look: larger text, thicker lines, high contrast.
    pub const PROJECTOR: Look = Look {
        high_contrast: true,
        line_scale: 1.8,
        text_scale: 1.25,
        wide: 1.0,
        stretch: pt(1.0, 1.0),
        dark: false,
    };

    /// The look of the app's settings: the projector look when the View
    /// menu's projector setting is on, the dark theme's colours when the
    /// theme is dark.
    pub fn of(ctx: &eframe::egui::Context) -> Look {
        let look = if crate::ui::style::projector(ctx) {
            Look::PROJECTOR
        } else {
            Look::NORMAL
        };
        Look {
            dark: ctx.global_style().visuals.dark_mode,
            ..look
        }
    }

    /// The canvas colours of this look.
    pub fn palette(&self) -> Palette {
        Palette::of(self.dark)
    }

    /// How much S/O marks, arrowheads and loop labels are enlarged: with
    /// the thickness of lines, and with the type when it is larger, so
    /// that marks stay readable beside large labels.
    pub fn mark_scale(&self) -> f32 {
        self.line_scale.sqrt().max(self.text_scale * 0.9)
    }
}

/// The colours of a canvas, for the light or the dark theme: the dark
/// one keeps each kind's hue (deep fills, light borders and text) and
/// lightens links, so that everything stays readable on a dark ground.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    /// True for the dark theme's colours.
    pub dark: bool,
    /// The canvas's ground.
    pub background: Color32,
    /// The canvas's frame.
    pub frame: Color32,
    /// The snap grid's lines.
    pub grid: Color32,
    /// Node labels.
    pub text: Color32,
    /// Dimmed node labels.
    pub dim_text: Color32,
    /// Notes drawn on the canvas (empty map, too small to label).
    pub hint: Color32,
}

impl Palette {
    /// The colours for the light (`dark` false) or the dark theme.
    pub fn of(dark: bool) -> Palette {
        if dark {
            Palette {
                dark,
                background: Color32::from_gray(30),
                frame: Color32::from_gray(85),
                grid: Color32::from_gray(44),
                text: Color32::from_gray(240),
                dim_text: Color32::from_gray(120),
                hint: Color32::from_gray(190),
            }
        } else {
            Palette {
                dark,
                background: Color32::from_gray(252),
                frame: Color32::from_gray(190),
                grid: Color32::from_gray(238),
                text: Color32::from_gray(15),
                dim_text: Color32::from_gray(150),
                hint: Color32::from_gray(60),
            }
        }
    }

    /// A node's fill and border for its kind.
    pub fn node(&self, kind: Option<RecordKind>, high_contrast: bool) -> (Color32, Color32) {
        let (fill, border) = geometry::node_colours(kind, high_contrast);
        let (fill, border) = (colour(fill), colour(border));
        if self.dark {
            // The fill deep, the border pale: the light theme's fill.
            (self.background.lerp_to_gamma(fill, 0.22), fill)
        } else {
            (fill, border)
        }
    }

    /// A link's colour for its kind.
    pub fn link(&self, kind: LinkKind, high_contrast: bool) -> Color32 {
        let c = colour(geometry::link_colour(kind, high_contrast));
        if !self.dark {
            return c;
        }
        match kind {
            LinkKind::Causal { .. } => Color32::from_gray(if high_contrast { 245 } else { 215 }),
            _ => c.lerp_to_gamma(Color32::WHITE, if high_contrast { 0.6 } else { 0.45 }),
        }
    }

    /// A colour washed out towards the ground when `dim` is set.
    pub fn faded(&self, c: Color32, dim: bool) -> Color32 {
        if dim {
            self.background
                .lerp_to_gamma(c, if self.dark { 0.35 } else { 0.22 })
        } else {
            c
        }
    }
}

/// An egui colour from a geometry colour.
pub fn colour(c: Rgb) -> Color32 {
    Color32::from_rgb(c.0, c.1, c.2)
}

/// The colour of a link of a kind on a canvas of `look`.
pub fn link_colour(kind: LinkKind, look: Look) -> Color32 {
    look.palette().link(kind, look.high_contrast)
}
