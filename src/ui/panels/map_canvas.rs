//! A read-only drawing of one diagram, for the Loops panel and presentation
//! mode: it can highlight some records and dim the rest (a selected loop),
//! show only some (a presentation stage), and label loops with R1/B2 inside
//! a circular arrow. The painting itself is the case map's renderer
//! ([`crate::ui::canvas::paint`]), so every view of a diagram looks alike.

use std::collections::HashSet;

use eframe::egui::{Color32, Rect, Sense, Stroke, StrokeKind, Ui, vec2};

use crate::export::geometry;
use crate::model::{Diagram, Id, LinkKind, Review};
pub use crate::ui::canvas::paint::LoopBadge;
use crate::ui::canvas::paint::{self, Look, Scene, Transform, colour};

/// The colour of a link of a kind.
pub fn link_colour(kind: LinkKind) -> Color32 {
    colour(geometry::link_colour(kind, false))
}

/// How large the drawing is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scale {
    /// Scaled to fit the space (the interactive Map panel zooms and pans).
    Fit,
}

/// What to draw and how.
#[derive(Debug, Clone, Copy)]
pub struct DrawOptions<'a> {
    /// Fit or zoom.
    pub scale: Scale,
    /// When set, these records (nodes and links) are drawn strongly and
    /// everything else is dimmed.
    pub highlight: Option<&'a HashSet<Id>>,
    /// When set, only these records (nodes and links) are drawn.
    pub visible: Option<&'a HashSet<Id>>,
    /// Loop labels to draw inside their loops.
    pub badges: &'a [LoopBadge],
    /// Multiplies label sizes (presentation mode uses large type).
    pub text_scale: f32,
}

/// Draws the diagram with highlighting, stages and loop labels, in the
/// projector look when the View menu's projector setting is on.
pub fn draw_with(ui: &mut Ui, review: &Review, diagram: &Diagram, options: &DrawOptions) {
    let catalog = paint::Catalog::of(review);
    let mut look = if crate::ui::style::projector(ui.ctx()) {
        Look::PROJECTOR
    } else {
        Look::NORMAL
    };
    look.text_scale *= options.text_scale;
    let empty = HashSet::new();
    let available = ui.available_size().max(vec2(300.0, 220.0));
    let Scale::Fit = options.scale;
    let (rect, _) = ui.allocate_exact_size(available, Sense::hover());
    // The whole diagram fits, whatever a stage shows, so that nothing
    // moves from one stage to the next. Large type makes nodes larger and
    // the figure wider, so the type size is the one of a few, up to the
    // look's, that shows the labels largest on screen.
    let mut best: Option<(f32, Look, Transform)> = None;
    for share in [1.0, 0.85, 0.7, 0.55] {
        let mut tried = look;
        tried.text_scale = (look.text_scale * share).max(1.0);
        let whole = Scene {
            review,
            catalog: &catalog,
            diagram,
            visible: None,
            highlight: None,
            badges: options.badges,
            selected: &empty,
            matches: &empty,
            ripple: None,
            moving: None,
            look: tried,
            spread: true,
        };
        let Some((min, max)) = paint::bounds(&whole) else {
            ui.weak("This diagram shows no records yet: add some from the list on the right.");
            return;
        };
        let t = Transform::fit(min, max, rect, 4.0);
        let on_screen = tried.text_scale * t.zoom;
        if best.is_none_or(|(b, _, _)| on_screen > b) {
            best = Some((on_screen, tried, t));
        }
    }
    let Some((_, look, t)) = best else {
        return;
    };
    draw(ui, (review, &catalog), diagram, options, look, rect, &t);
}

fn draw(
    ui: &Ui,
    (review, catalog): (&Review, &paint::Catalog),
    diagram: &Diagram,
    options: &DrawOptions,
    look: Look,
    rect: Rect,
    t: &Transform,
) {
    let painter = ui.painter_at(rect);
    painter.rect(
        rect,
        4.0,
        Color32::from_gray(252),
        Stroke::new(1.0, Color32::from_gray(190)),
        StrokeKind::Inside,
    );
    let empty = HashSet::new();
    let scene = Scene {
        review,
        catalog,
        diagram,
        visible: options.visible,
        highlight: options.highlight,
        badges: options.badges,
        selected: &empty,
        matches: &empty,
        ripple: None,
        moving: None,
        look,
        spread: true,
    };
    let painted = paint::paint(&painter, rect, t, &scene);
    if painted.unlabelled {
        painter.text(
            rect.left_top() + vec2(8.0, 8.0),
            eframe::egui::Align2::LEFT_TOP,
            "Too small to label: open it on the Map panel to zoom in.",
            eframe::egui::FontId::proportional(13.0),
            Color32::from_gray(60),
        );
    }
}
