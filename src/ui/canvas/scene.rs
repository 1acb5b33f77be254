//! What a canvas shows, laid out once per change: the records' kinds and
//! titles (the catalog), the scene of a frame, the layout of its nodes
//! and links cached by what it depends on, and the largest readable fit.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::rc::Rc;

use eframe::egui::{Pos2, Rect, Vec2, pos2, vec2};

use super::look::{Look, LoopBadge};
use crate::analysis::ripple::Ripple;
use crate::diagram::geometry::{ArrowSize, LABEL_SIZE, Point, pt};
use crate::export::figure::{Figure, FigureStyle, LinkIn, NodeIn, lay_out};
use crate::model::{Diagram, Id, RecordKind, Review};

/// The size of an S/O mark's letter, as a share of its circle's radius.
pub const MARK_LETTER: f32 = 1.45;
/// The size of a loop label's text, as a share of its circle's radius.
pub const BADGE_LETTER: f32 = 0.8;

/// How diagram units map to the screen: `screen = offset + zoom · point`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Transform {
    /// Screen position of the diagram's origin.
    pub offset: Vec2,
    /// Screen points per diagram unit.
    pub zoom: f32,
}

impl Transform {
    /// A diagram point on screen.
    pub fn to_screen(&self, p: Point) -> Pos2 {
        pos2(
            p.x * self.zoom + self.offset.x,
            p.y * self.zoom + self.offset.y,
        )
    }

    /// A screen position in diagram units.
    pub fn to_diagram(&self, p: Pos2) -> Point {
        pt(
            (p.x - self.offset.x) / self.zoom,
            (p.y - self.offset.y) / self.zoom,
        )
    }

    /// The transform that fits diagram bounds `(min, max)` into `rect`
    /// with a margin, never larger than `max_zoom`.
    pub fn fit(min: Point, max: Point, rect: Rect, max_zoom: f32) -> Transform {
        Transform::fit_within(min, max, rect, max_zoom, 24.0)
    }

    /// The transform that fits diagram bounds `(min, max)` into `rect`
    /// leaving `margin` all round, never larger than `max_zoom`.
    pub fn fit_within(min: Point, max: Point, rect: Rect, max_zoom: f32, margin: f32) -> Transform {
        let w = (max.x - min.x).max(1.0);
        let h = (max.y - min.y).max(1.0);
        let zoom = ((rect.width() - 2.0 * margin) / w)
            .min((rect.height() - 2.0 * margin) / h)
            .clamp(0.02, max_zoom);
        let centre = pt((min.x + max.x) / 2.0, (min.y + max.y) / 2.0);
        Transform {
            offset: rect.center().to_vec2() - vec2(centre.x, centre.y) * zoom,
            zoom,
        }
    }
}

/// The kind and shown text of every record a map can show, gathered once
/// per change of the review rather than looked up per node per frame.
///
/// Each catalogue made by [`Catalog::of`] has its own stamp: a diagram's
/// layout is asked for several times in one frame (painting, hit tests,
/// overlays, fitting), and with the same catalogue, diagram and look it
/// is the same layout, found by the stamp without walking the diagram.
#[derive(Debug, Default)]
pub struct Catalog {
    entries: HashMap<Id, (RecordKind, String)>,
    /// Unique to this catalogue (0: made by `default`, never matched).
    stamp: u64,
}

/// Stamps catalogues.
static CATALOG_STAMP: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

impl Catalog {
    /// The catalogue of a review's episodes, factors, conditions, findings
    /// and variables.
    pub fn of(review: &Review) -> Catalog {
        let mut entries = HashMap::new();
        for e in &review.episodes {
            entries.insert(e.id.clone(), (RecordKind::Episode, e.title.clone()));
        }
        for f in &review.factors {
            entries.insert(f.id.clone(), (RecordKind::Factor, f.statement.clone()));
        }
        for c in &review.conditions {
            entries.insert(c.id.clone(), (RecordKind::Condition, c.statement.clone()));
        }
        for f in &review.findings {
            entries.insert(f.id.clone(), (RecordKind::Finding, f.title.clone()));
        }
        for v in &review.variables {
            entries.insert(v.id.clone(), (RecordKind::Variable, v.name.clone()));
        }
        Catalog {
            entries,
            stamp: CATALOG_STAMP.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        }
    }

    /// The kind of a record a map can show.
    pub fn kind(&self, id: &Id) -> Option<RecordKind> {
        self.entries.get(id).map(|e| e.0)
    }

    /// The text a node shows ("" for records maps do not show).
    pub fn title(&self, id: &Id) -> &str {
        self.entries.get(id).map_or("", |e| e.1.as_str())
    }
}

/// What to paint and how.
pub struct Scene<'a> {
    /// The review.
    pub review: &'a Review,
    /// Kinds and texts of its records.
    pub catalog: &'a Catalog,
    /// The diagram.
    pub diagram: &'a Diagram,
    /// When set, only these records (nodes and links) are painted.
    pub visible: Option<&'a HashSet<Id>>,
    /// When set, these records are strong and the rest dimmed.
    pub highlight: Option<&'a HashSet<Id>>,
    /// Loop labels.
    pub badges: &'a [LoopBadge],
    /// Selected records (nodes and links), outlined.
    pub selected: &'a HashSet<Id>,
    /// Search matches, haloed.
    pub matches: &'a HashSet<Id>,
    /// The ripple of the selected node, with its effects.
    pub ripple: Option<&'a Ripple>,
    /// Moved nodes and how far (diagram units), while a drag is under way.
    pub moving: Option<(&'a HashSet<Id>, Point)>,
    /// Projector look.
    pub look: Look,
    /// Move nodes apart, in proportion, until none overlaps another (the
    /// read-only views: presentation and the Loops panel); the editable
    /// canvas keeps the positions as they are.
    pub spread: bool,
}

/// A diagram laid out for the screen, in diagram units: every node sized
/// to its whole label, links routed round the nodes in their way, loop
/// labels clear of links and marks (see [`crate::export::figure`]).
#[derive(Debug)]
pub struct Laid {
    /// The layout.
    pub figure: Figure,
    /// The record of each node.
    pub ids: Vec<Id>,
    /// Each node's index by record.
    pub index: HashMap<Id, usize>,
    /// The index in the review's links of each link laid out, by
    /// [`crate::export::figure::FigureLink::link`].
    pub links: Vec<usize>,
}

/// The style the canvas lays a diagram out in, for a look.
pub fn canvas_style(look: Look, spread: bool, route: bool) -> FigureStyle {
    let marks = look.mark_scale();
    FigureStyle {
        label_size: LABEL_SIZE * look.text_scale,
        mark_radius: 10.0 * marks,
        badge_radius: 22.0 * look.text_scale,
        arrow: ArrowSize {
            length: 13.0 * marks,
            half_width: 5.5 * marks,
        },
        spread,
        route,
        wide: look.wide,
        stretch: look.stretch,
        compact: spread,
    }
}

/// Diagrams of more nodes than this are laid out again on a worker while
/// the reviewer types (the last layout is shown until the new one is
/// ready): laying out a thousand nodes with their links routed takes
/// seconds.
const LARGE_FIGURE: usize = 300;

/// A layout being made on a worker: what it is made from (its key and
/// diagram) and where it comes.
struct Pending {
    key: u64,
    diagram: Id,
    ids: Vec<Id>,
    index: HashMap<Id, usize>,
    links: Vec<usize>,
    figure: std::sync::mpsc::Receiver<Figure>,
}

thread_local! {
    /// The last few layouts, by what they were made from and of which
    /// diagram: a diagram is laid out again only when it, its records'
    /// texts or the look change.
    static LAID: RefCell<Vec<(u64, Id, Rc<Laid>)>> = const { RefCell::new(Vec::new()) };
    /// The layout a worker is making, if any.
    static PENDING: RefCell<Option<Pending>> = const { RefCell::new(None) };
    /// The last layouts handed out, by the catalogue's stamp and what else
    /// the layout depends on (see [`quick_key`]).
    static QUICK: RefCell<Vec<(u64, Rc<Laid>)>> = const { RefCell::new(Vec::new()) };
}

/// What a layout depends on besides the review at the catalogue's making:
/// the catalogue, the diagram, the look, the loop badges and a drag under
/// way. None for a catalogue without a stamp.
fn quick_key(scene: &Scene) -> Option<u64> {
    if scene.catalog.stamp == 0 {
        return None;
    }
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    scene.catalog.stamp.hash(&mut hasher);
    scene.diagram.id.hash(&mut hasher);
    format!(
        "{:?}",
        canvas_style(scene.look, scene.spread, scene.moving.is_none())
    )
    .hash(&mut hasher);
    for b in scene.badges {
        (&b.label, &b.nodes, b.kind).hash(&mut hasher);
    }
    if let Some((moved, by)) = scene.moving {
        let mut moved: Vec<&Id> = moved.iter().collect();
        moved.sort();
        (moved, by.x.to_bits(), by.y.to_bits()).hash(&mut hasher);
    }
    Some(hasher.finish())
}

fn remember_quick(key: Option<u64>, laid: &Rc<Laid>) {
    if let Some(key) = key {
        QUICK.with(|q| {
            let mut q = q.borrow_mut();
            q.retain(|(k, _)| *k != key);
            q.insert(0, (key, laid.clone()));
            q.truncate(8);
        });
    }
}

/// True while a large diagram's new layout is being made on a worker: the
/// canvas asks for another frame to show it when it is ready.
pub fn layout_pending() -> bool {
    collect_pending();
    PENDING.with(|p| p.borrow().is_some())
}

/// Keeps a worker's layout once it is ready.
fn collect_pending() {
    PENDING.with(|p| {
        let mut pending = p.borrow_mut();
        let Some(work) = pending.as_ref() else {
            return;
        };
        match work.figure.try_recv() {
            Ok(figure) => {
                let work = pending.take().expect("checked above");
                let laid = Rc::new(Laid {
                    figure,
                    ids: work.ids,
                    index: work.index,
                    links: work.links,
                });
                remember(work.key, work.diagram, laid);
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => {}
            Err(std::sync::mpsc::TryRecvError::Disconnected) => *pending = None,
        }
    });
}

fn remember(key: u64, diagram: Id, laid: Rc<Laid>) {
    LAID.with(|c| {
        let mut c = c.borrow_mut();
        c.insert(0, (key, diagram, laid));
        c.truncate(12);
    });
}

/// The scene's diagram laid out (the whole diagram, whatever is visible,
/// so that nothing moves as a filter or a presentation stage changes what
/// is shown), from a cache when nothing it depends on has changed.
pub fn laid_out(scene: &Scene) -> Rc<Laid> {
    let quick = quick_key(scene);
    if let Some(key) = quick
        && let Some(found) = QUICK.with(|q| {
            q.borrow()
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, l)| l.clone())
        })
    {
        return found;
    }
    let moving = scene.moving;
    let (ids, index, nodes) = node_inputs(scene);
    let mut links: Vec<usize> = Vec::new();
    let mut link_ins: Vec<LinkIn> = Vec::new();
    for (k, l) in scene.review.links.iter().enumerate() {
        if let (Some(&from), Some(&to)) = (index.get(&l.from), index.get(&l.to))
            && from != to
        {
            links.push(k);
            link_ins.push(LinkIn {
                from,
                to,
                kind: l.kind,
            });
        }
    }
    let loops: Vec<Vec<usize>> = scene
        .badges
        .iter()
        .map(|b| {
            b.nodes
                .iter()
                .filter_map(|id| index.get(id).copied())
                .collect()
        })
        .collect();
    let style = canvas_style(scene.look, scene.spread, moving.is_none());
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    scene.diagram.id.hash(&mut hasher);
    for (n, id) in nodes.iter().zip(&ids) {
        (id, n.title, n.kind, n.at.x.to_bits(), n.at.y.to_bits()).hash(&mut hasher);
    }
    link_ins.hash_into(&mut hasher);
    for &k in &links {
        scene.review.links[k].id.hash(&mut hasher);
    }
    loops.hash(&mut hasher);
    format!("{style:?}").hash(&mut hasher);
    let key = hasher.finish();
    collect_pending();
    let cached = |wanted: &dyn Fn(u64, &Id) -> bool| {
        LAID.with(|c| {
            c.borrow()
                .iter()
                .find(|(k, d, _)| wanted(*k, d))
                .map(|(_, _, l)| l.clone())
        })
    };
    if let Some(found) = cached(&|k, _| k == key) {
        remember_quick(quick, &found);
        return found;
    }
    // A large diagram changed by typing (not by a drag under way): the
    // last layout of this diagram stands until a worker has made the new.
    if nodes.len() > LARGE_FIGURE
        && moving.is_none()
        && let Some(stale) = cached(&|_, d| *d == scene.diagram.id)
        && stale.ids == ids
    {
        let idle = PENDING.with(|p| p.borrow().is_none());
        if idle {
            let titles: Vec<(String, RecordKind, Point)> = nodes
                .iter()
                .map(|n| (n.title.to_string(), n.kind, n.at))
                .collect();
            let (sender, receiver) = std::sync::mpsc::channel();
            let spawned = crate::ui::background::spawn_worker("diagram-layout", move || {
                let nodes: Vec<NodeIn> = titles
                    .iter()
                    .map(|(title, kind, at)| NodeIn {
                        title,
                        kind: *kind,
                        at: *at,
                    })
                    .collect();
                let measure = |s: &str, size: f32| crate::diagram::text_width(s, size);
                let _ = sender.send(lay_out(&nodes, &link_ins, &loops, &style, &measure));
            });
            if spawned.is_ok() {
                PENDING.with(|p| {
                    *p.borrow_mut() = Some(Pending {
                        key,
                        diagram: scene.diagram.id.clone(),
                        ids,
                        index,
                        links,
                        figure: receiver,
                    })
                });
            }
        }
        return stale;
    }
    let measure = |s: &str, size: f32| crate::diagram::text_width(s, size);
    let figure = lay_out(&nodes, &link_ins, &loops, &style, &measure);
    let laid = Rc::new(Laid {
        figure,
        ids,
        index,
        links,
    });
    remember(key, scene.diagram.id.clone(), laid.clone());
    remember_quick(quick, &laid);
    laid
}

/// The nodes of the scene's diagram to lay out (moved ones moved): each
/// record once, with a position that is a number and a record that
/// exists, with the record of each and each one's index by record.
fn node_inputs<'s>(scene: &Scene<'s>) -> (Vec<Id>, HashMap<Id, usize>, Vec<NodeIn<'s>>) {
    let moving = scene.moving;
    let at = |n: &crate::model::DiagramNode| {
        let mut p = pt(n.x, n.y);
        if let Some((moved, by)) = moving
            && moved.contains(&n.item)
        {
            p = p + by;
        }
        p
    };
    let mut ids: Vec<Id> = Vec::new();
    let mut index: HashMap<Id, usize> = HashMap::new();
    let mut nodes: Vec<NodeIn> = Vec::new();
    for n in &scene.diagram.nodes {
        if !(n.x.is_finite() && n.y.is_finite()) || index.contains_key(&n.item) {
            continue;
        }
        let Some(kind) = scene.catalog.kind(&n.item) else {
            continue;
        };
        index.insert(n.item.clone(), ids.len());
        ids.push(n.item.clone());
        nodes.push(NodeIn {
            title: scene.catalog.title(&n.item),
            kind,
            at: at(n),
        });
    }
    (ids, index, nodes)
}

/// The sizes of type (shares of the scene's look's, never below normal
/// size) tried when a read-only view fits a diagram to its space.
const TYPE_SHARES: [f32; 8] = [1.6, 1.35, 1.15, 1.0, 0.9, 0.8, 0.7, 0.55];
/// The widths nodes are tried at (as factors of the normal width).
const WIDTHS: [f32; 5] = [1.0, 1.2, 1.4, 1.6, 1.9];
/// The stretches of the positions tried, across and down.
const STRETCHES: [(f32, f32); 11] = [
    (1.0, 1.0),
    (1.15, 1.0),
    (1.3, 1.0),
    (1.5, 1.0),
    (1.75, 1.0),
    (2.0, 1.0),
    (2.4, 1.0),
    (1.0, 1.15),
    (1.0, 1.3),
    (1.0, 1.5),
    (1.0, 1.8),
];

/// A read-only view's fit of a diagram to its space: the look it is drawn
/// in and where it goes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    /// The look: the scene's, with the size of type, the width of nodes and
    /// the stretch of positions chosen.
    pub look: Look,
    /// Where the diagram goes on screen.
    pub transform: Transform,
    /// The size of node labels on screen, in points.
    pub label: f32,
}

impl Fit {
    /// The size of an S/O mark's letter on screen, in points.
    pub fn mark_letter(&self) -> f32 {
        canvas_style(self.look, true, true).mark_radius * self.transform.zoom * MARK_LETTER
    }

    /// The size of a loop label's text (R1, B2) on screen, in points.
    pub fn badge_letter(&self) -> f32 {
        canvas_style(self.look, true, true).badge_radius * self.transform.zoom * BADGE_LETTER
    }
}

thread_local! {
    /// The last few fits, by what they were made from.
    static FITS: RefCell<Vec<(u64, Fit)>> = const { RefCell::new(Vec::new()) };
}

/// Fits the whole of the scene's diagram (spread apart, whatever is
/// visible) into `rect` with its labels as large as they can be: it tries
/// sizes of type up to the scene's look's, wider nodes, and the positions
/// stretched across or down so that the diagram takes the shape of the
/// space, and keeps the one that shows the labels largest (of nearly equal
/// ones, the least changed from the diagram as drawn). `None` when the
/// diagram shows no node.
pub fn fit_largest(scene: &Scene, rect: Rect, max_zoom: f32) -> Option<Fit> {
    let (ids, index, nodes) = node_inputs(scene);
    if nodes.is_empty() {
        return None;
    }
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    scene.diagram.id.hash(&mut hasher);
    for (n, id) in nodes.iter().zip(&ids) {
        (id, n.title, n.kind, n.at.x.to_bits(), n.at.y.to_bits()).hash(&mut hasher);
    }
    format!("{:?} {rect:?} {max_zoom}", scene.look).hash(&mut hasher);
    let key = hasher.finish();
    if let Some(found) = FITS.with(|c| c.borrow().iter().find(|(k, _)| *k == key).map(|f| f.1)) {
        return Some(found);
    }
    let joined: HashSet<(usize, usize)> = scene
        .review
        .links
        .iter()
        .filter_map(|l| Some((*index.get(&l.from)?, *index.get(&l.to)?)))
        .collect();
    let measure = |s: &str, size: f32| crate::diagram::text_width(s, size);
    let mut best: Option<(f32, Fit)> = None;
    let mut scales: Vec<f32> = TYPE_SHARES
        .iter()
        .map(|share| (scene.look.text_scale * share).max(1.0))
        .collect();
    scales.dedup();
    for text_scale in scales {
        for wide in WIDTHS {
            let look = Look {
                text_scale,
                wide,
                stretch: pt(1.0, 1.0),
                ..scene.look
            };
            let style = canvas_style(look, true, true);
            let placed = crate::export::figure::place_nodes(&nodes, &style, &measure);
            for (sx, sy) in STRETCHES {
                let stretch = pt(sx, sy);
                let stretched = FigureStyle { stretch, ..style };
                let Some((min, max)) =
                    crate::export::figure::node_extent(&placed, &joined, &stretched)
                else {
                    continue;
                };
                // Room round the nodes for marks and loop labels at the edge.
                let transform = Transform::fit_within(min, max, rect, max_zoom, 12.0);
                let label = style.label_size * transform.zoom;
                let change = (sx - 1.0) + (sy - 1.0) + 0.5 * (wide - 1.0);
                let score = label / (1.0 + 0.03 * change);
                if best.is_none_or(|(b, _)| score > b) {
                    best = Some((
                        score,
                        Fit {
                            look: Look { stretch, ..look },
                            transform,
                            label,
                        },
                    ));
                }
            }
        }
    }
    let fit = best?.1;
    FITS.with(|c| {
        let mut c = c.borrow_mut();
        c.insert(0, (key, fit));
        c.truncate(8);
    });
    Some(fit)
}

/// Hashing of link inputs, which hold a kind that is not `Hash`.
trait HashInto {
    fn hash_into(&self, h: &mut impl Hasher);
}

impl HashInto for Vec<LinkIn> {
    fn hash_into(&self, h: &mut impl Hasher) {
        for l in self {
            (l.from, l.to, format!("{:?}", l.kind)).hash(h);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DiagramKind, DiagramNode};

    /// A review whose one diagram holds `n` variables in a grid.
    fn review_of(n: usize) -> Review {
        let mut review = Review::new("Layout");
        for i in 0..n {
            review.variables.push(crate::model::Variable {
                id: Id::from(format!("V{}", i + 1)),
                name: format!("Variable {i}"),
                ..Default::default()
            });
        }
        review.diagrams.push(Diagram {
            id: Id::from("D1"),
            name: "Variables".into(),
            kind: DiagramKind::CausalLoop,
            nodes: (0..n)
                .map(|i| DiagramNode {
                    item: Id::from(format!("V{}", i + 1)),
                    x: (i % 20) as f32 * 300.0,
                    y: (i / 20) as f32 * 200.0,
                })
                .collect(),
            ..Default::default()
        });
        review
    }

    fn layout(review: &Review, look: Look) -> Rc<Laid> {
        layout_with(review, &Catalog::of(review), None, look)
    }

    /// The layout of the review's first diagram with this catalogue, while
    /// these nodes are dragged so far.
    fn layout_with(
        review: &Review,
        catalog: &Catalog,
        moving: Option<(&HashSet<Id>, Point)>,
        look: Look,
    ) -> Rc<Laid> {
        let empty = HashSet::new();
        laid_out(&Scene {
            review,
            catalog,
            diagram: &review.diagrams[0],
            visible: None,
            highlight: None,
            badges: &[],
            selected: &empty,
            matches: &empty,
            ripple: None,
            moving,
            look,
            spread: false,
        })
    }

    fn height_of(laid: &Laid, node: usize) -> f32 {
        laid.figure.nodes[node].b.half.y
    }

    #[test]
    fn a_large_diagram_keeps_its_last_layout_until_the_new_one_is_made() {
        let look = Look::of(&eframe::egui::Context::default());
        let mut review = review_of(LARGE_FIGURE + 10);
        let first = layout(&review, look);
        // A label typed longer: the layout that stands is the last one,
        // while a worker makes the new.
        review.variables[0].name = "A variable whose name has grown much longer".into();
        let stale = layout(&review, look);
        assert!(Rc::ptr_eq(&first, &stale));
        assert!(layout_pending());
        let started = std::time::Instant::now();
        while layout_pending() {
            assert!(started.elapsed().as_secs() < 120, "the layout never came");
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        let fresh = layout(&review, look);
        assert!(!Rc::ptr_eq(&first, &fresh));
        assert!(height_of(&fresh, 0) > height_of(&first, 0));
    }

    #[test]
    fn a_small_diagram_is_laid_out_at_once() {
        let look = Look::of(&eframe::egui::Context::default());
        let mut review = review_of(12);
        let first = layout(&review, look);
        review.variables[0].name = "A variable whose name has grown much longer".into();
        let fresh = layout(&review, look);
        assert!(height_of(&fresh, 0) > height_of(&first, 0));
        assert!(!layout_pending());
    }

    #[test]
    fn one_catalogue_gives_one_layout_and_a_drag_or_a_new_catalogue_another() {
        let look = Look::of(&eframe::egui::Context::default());
        let mut review = review_of(12);
        let catalog = Catalog::of(&review);
        let scene =
            |review: &Review, catalog: &Catalog, moving| layout_with(review, catalog, moving, look);
        let first = scene(&review, &catalog, None);
        assert!(Rc::ptr_eq(&first, &scene(&review, &catalog, None)));
        // A node dragged: laid out where it is being dragged to.
        let moved: HashSet<Id> = [Id::from("V1")].into_iter().collect();
        let dragged = scene(&review, &catalog, Some((&moved, pt(40.0, 0.0))));
        assert_eq!(
            dragged.figure.nodes[0].b.centre.x,
            first.figure.nodes[0].b.centre.x + 40.0
        );
        // The review changed, and with it the catalogue: laid out again.
        review.variables[0].name = "A much longer name for the first variable".into();
        review.diagrams[0].nodes[0].x += 100.0;
        let changed = scene(&review, &Catalog::of(&review), None);
        assert_eq!(
            changed.figure.nodes[0].b.centre.x,
            first.figure.nodes[0].b.centre.x + 100.0
        );
        assert!(height_of(&changed, 0) >= height_of(&first, 0));
    }
}
