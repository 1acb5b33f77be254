//! A read-only drawing of one diagram, for the Loops panel and presentation
//! mode, and the loop badges of a diagram (also drawn by the Map): it can highlight some records and dim the rest (a selected loop),
//! show only some (a presentation stage), and label loops with R1/B2 inside
//! a circular arrow. The painting itself is the case map's renderer
//! ([`crate::ui::canvas::paint`]), so every view of a diagram looks alike.

use std::collections::HashSet;

use eframe::egui::{Rect, Sense, Stroke, StrokeKind, Ui, vec2};

use crate::analysis::loops::{NamedLoopState, named_loop_state};
use crate::model::{Diagram, Id, Review};
pub use crate::ui::canvas::paint::Fit;
use crate::ui::canvas::paint::{self, Look, Scene, Transform};
pub use crate::ui::canvas::paint::{LoopBadge, link_colour};

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
/// projector look when the View menu's projector setting is on, as large
/// as the space allows (see [`paint::fit_largest`]). Returns the fit used,
/// `None` when the diagram shows no record.
pub fn draw_with(
    ui: &mut Ui,
    review: &Review,
    diagram: &Diagram,
    options: &DrawOptions,
) -> Option<Fit> {
    let catalog = paint::Catalog::of(review);
    let mut look = Look::of(ui.ctx());
    look.text_scale *= options.text_scale;
    let empty = HashSet::new();
    let available = ui.available_size().max(vec2(300.0, 220.0));
    let Scale::Fit = options.scale;
    let (rect, _) = ui.allocate_exact_size(available, Sense::hover());
    // The whole diagram fits, whatever a stage shows, so that nothing
    // moves from one stage to the next.
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
        look,
        spread: true,
    };
    let Some(fit) = paint::fit_largest(&whole, rect, 4.0) else {
        ui.weak("This diagram shows no records yet: add some from the list on the right.");
        return None;
    };
    draw(
        ui,
        (review, &catalog),
        diagram,
        options,
        fit.look,
        rect,
        &fit.transform,
    );
    Some(fit)
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
    let palette = look.palette();
    painter.rect(
        rect,
        4.0,
        palette.background,
        Stroke::new(1.0, palette.frame),
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
    // A large diagram's new layout is on its way: look again shortly.
    if crate::ui::canvas::scene::layout_pending() {
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(50));
    }
    if painted.unlabelled {
        painter.text(
            rect.left_top() + vec2(8.0, 8.0),
            eframe::egui::Align2::LEFT_TOP,
            "Too small to label: open it on the Map panel to zoom in.",
            eframe::egui::FontId::proportional(13.0),
            palette.hint,
        );
    }
}

/// The loop labels to draw on a diagram: every named loop that is intact
/// and wholly on the diagram.
pub fn badges_for(review: &Review, diagram_nodes: &HashSet<&Id>) -> Vec<LoopBadge> {
    review
        .named_loops
        .iter()
        .filter(|n| {
            !n.label.trim().is_empty() && n.variables.iter().all(|v| diagram_nodes.contains(v))
        })
        .filter_map(|n| match named_loop_state(review, n) {
            NamedLoopState::Intact { kind, .. } => Some(LoopBadge {
                label: n.label.clone(),
                nodes: n.variables.clone(),
                kind,
            }),
            _ => None,
        })
        .collect()
}
