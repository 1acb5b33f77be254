//! Figures: a [`Scene`] drawn as vector marks, scaled into the text
//! column.

use crate::export::scene::{Anchor, Fill, Item, Scene, Stroke};
use foresight_core::diagram::geometry::{Point, Rgb};

use super::draw::{Mark, Outline, Shape, TextMark};
use super::fonts::{Face, Measurer};
use super::style::Colour;

/// The control-point distance of a quarter circle drawn as a cubic Bézier.
const KAPPA: f32 = 0.552_284_8;
/// Thinnest line a figure draws, in points, so hairlines still print.
const MIN_LINE: f32 = 0.25;

/// Where a scene goes on the page: its top-left corner and points per
/// diagram unit.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Placement {
    /// Left edge in points.
    pub x: f32,
    /// Top edge in points.
    pub y: f32,
    /// Points per diagram unit.
    pub scale: f32,
}

impl Placement {
    fn at(&self, p: Point) -> (f32, f32) {
        (self.x + p.x * self.scale, self.y + p.y * self.scale)
    }
}

/// Whether a point has real coordinates (a NaN would spoil the page).
fn finite(p: Point) -> bool {
    p.x.is_finite() && p.y.is_finite()
}

fn colour(c: Rgb) -> Colour {
    Colour::from_rgb8(c.0, c.1, c.2)
}

fn fill(f: &Option<Fill>) -> Option<(Colour, f32)> {
    f.as_ref()
        .filter(|f| f.opacity > 0.0)
        .map(|f| (colour(f.colour), f.opacity.min(1.0)))
}

fn outline(s: &Option<Stroke>, scale: f32) -> Option<Outline> {
    s.as_ref()
        .filter(|s| s.width > 0.0 && s.width.is_finite())
        .map(|s| Outline {
            colour: colour(s.colour),
            width: (s.width * scale).max(MIN_LINE),
            dash: s
                .dash
                .filter(|d| d[0] > 0.0 && d[1] >= 0.0 && d[0].is_finite() && d[1].is_finite())
                .map(|d| [d[0] * scale, d[1] * scale]),
        })
}

/// Appends the marks that draw `scene` at `at`.
pub(crate) fn scene_marks(scene: &Scene, at: Placement, m: &Measurer, out: &mut Vec<Mark>) {
    items(&scene.items, at, m, out);
}

fn items(list: &[Item], at: Placement, m: &Measurer, out: &mut Vec<Mark>) {
    for item in list {
        match item {
            Item::Path {
                points,
                closed,
                fill: f,
                stroke,
            } => {
                if points.len() < 2 || !points.iter().all(|p| finite(*p)) {
                    continue;
                }
                out.push(Mark::Shape(Shape {
                    points: points
                        .iter()
                        .map(|p| {
                            let (x, y) = at.at(*p);
                            (x, y, false)
                        })
                        .collect(),
                    closed: *closed,
                    fill: fill(f),
                    stroke: outline(stroke, at.scale),
                }));
            }
            Item::Ellipse {
                centre,
                radius,
                fill: f,
                stroke,
            } => {
                let (cx, cy) = at.at(*centre);
                let (rx, ry) = (radius.x * at.scale, radius.y * at.scale);
                let usable =
                    finite(*centre) && rx > 0.0 && ry > 0.0 && rx.is_finite() && ry.is_finite();
                if !usable {
                    continue;
                }
                let (kx, ky) = (rx * KAPPA, ry * KAPPA);
                let c = |x: f32, y: f32| (x, y, true);
                let p = |x: f32, y: f32| (x, y, false);
                let points = vec![
                    p(cx + rx, cy),
                    c(cx + rx, cy + ky),
                    c(cx + kx, cy + ry),
                    p(cx, cy + ry),
                    c(cx - kx, cy + ry),
                    c(cx - rx, cy + ky),
                    p(cx - rx, cy),
                    c(cx - rx, cy - ky),
                    c(cx - kx, cy - ry),
                    p(cx, cy - ry),
                    c(cx + kx, cy - ry),
                    c(cx + rx, cy - ky),
                    p(cx + rx, cy),
                ];
                out.push(Mark::Shape(Shape {
                    points,
                    closed: true,
                    fill: fill(f),
                    stroke: outline(stroke, at.scale),
                }));
            }
            Item::Text {
                at: p,
                text,
                size,
                colour: c,
                bold,
                anchor,
            } => {
                let text: String = text.chars().filter(|c| !c.is_control()).collect();
                let size = size * at.scale;
                if text.trim().is_empty() || !(size > 0.0 && size.is_finite()) || !finite(*p) {
                    continue;
                }
                let face = if *bold { Face::Bold } else { Face::Regular };
                let width = m.width(face, &text, size);
                let (x, y) = at.at(*p);
                let x = match anchor {
                    Anchor::Start => x,
                    Anchor::Middle => x - width / 2.0,
                    Anchor::End => x - width,
                };
                out.push(Mark::Text(TextMark::new(
                    x,
                    y + size * 0.35,
                    face,
                    size,
                    colour(*c),
                    &text,
                )));
            }
            Item::Group { items: inner, .. } => items(inner, at, m, out),
        }
    }
}
