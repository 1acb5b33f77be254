//! One case map per published finding, for print: the key practice
//! episodes, contributing factors and latent conditions that evidence it,
//! and the links among them, laid out in rows (episodes at the top, then
//! factors, then conditions) narrow enough for a portrait page with every
//! label whole and at least 8 pt, the links drawn as elbows between the
//! rows so that none runs under a node.
//!
//! The review's own case map, laid out by the reviewers, is too wide for a
//! page once it holds a whole case; it stays in the app and in `foresight
//! figure`, where it can be zoomed.

use std::collections::HashSet;

use super::{Block, Context, Counters, body};
use crate::export::scene::{SceneOptions, diagram_scene, whole_label_height};
use foresight_core::diagram::geometry::{NODE_WIDTH, shape_of};
use foresight_core::model::{
    Diagram, DiagramKind, DiagramNode, Finding, Id, LinkKind, RecordKind, Review,
};

/// The most nodes side by side in a row: three keep an 8 pt label on a
/// portrait A4 page.
pub(super) const ACROSS: usize = 3;
/// Room between nodes side by side, in diagram units.
const GAP_X: f32 = 40.0;
/// Room between rows, in diagram units.
const GAP_Y: f32 = 56.0;
/// The most height of the rows of one figure, in diagram units: with the
/// margins and legend, a figure that keeps 8 pt labels on a page.
const MAX_HEIGHT: f32 = 900.0;

impl Context<'_> {
    /// A figure for each published finding that has evidence linked to it.
    pub(super) fn finding_maps(
        &self,
        section: &crate::report::template::SectionTemplate,
        out: &mut Vec<Block>,
        n: &mut Counters,
    ) {
        let s = Some(section);
        let mut drawn = 0;
        for f in &self.findings {
            let options = self.scene_options();
            let parts = finding_map(self.review, f, &options);
            let total = parts.len();
            for (i, diagram) in parts.iter().enumerate() {
                let scene = diagram_scene(self.review, diagram, &options);
                let finding = self.finding_heading(f);
                let caption = if total > 1 {
                    self.say(
                        s,
                        "case_map_part",
                        &[
                            ("finding", &finding),
                            ("part", &(i + 1).to_string()),
                            ("parts", &total.to_string()),
                        ],
                    )
                } else {
                    self.say(s, "case_map", &[("finding", &finding)])
                };
                let caption = self.figure_caption(n, &caption);
                if i == 0 {
                    self.case_map_figures
                        .borrow_mut()
                        .insert(f.id.to_string(), *n.figure);
                }
                out.push(Block::Figure { scene, caption });
                drawn += 1;
            }
        }
        if drawn == 0 {
            out.push(body(&self.say(s, "no_case_map", &[])));
        }
    }

    /// How the report draws a case map: whole labels, a legend that wraps
    /// at the figure's width.
    fn scene_options(&self) -> SceneOptions<'_> {
        SceneOptions {
            visible: None,
            high_contrast: false,
            legend: true,
            legend_width: Some(ACROSS as f32 * (NODE_WIDTH + GAP_X)),
            measure: self.options.measure,
            elbow_links: true,
        }
    }
}

/// The case map of one finding: the episodes, factors and conditions that
/// evidence it, placed in rows by kind, each row at most [`ACROSS`] nodes
/// wide and centred, each node under the nodes it is linked to as far as
/// the row allows. The finding itself is the figure's caption: drawn as a
/// node, every link to it would cross the rows between. A map taller than
/// a page allows is cut between rows into parts (none when there is no
/// evidence).
pub(super) fn finding_map(
    review: &Review,
    finding: &Finding,
    options: &SceneOptions,
) -> Vec<Diagram> {
    let evidence: HashSet<&Id> = review
        .links
        .iter()
        .filter(|l| l.to == finding.id && l.kind == LinkKind::Evidences)
        .map(|l| &l.from)
        .collect();
    let mut parts: Vec<Vec<DiagramNode>> = Vec::new();
    let mut nodes: Vec<DiagramNode> = Vec::new();
    let mut top = 0.0;
    let rows = [
        (
            RecordKind::Episode,
            review.episodes.iter().map(|e| &e.id).collect::<Vec<_>>(),
        ),
        (
            RecordKind::Factor,
            review.factors.iter().map(|x| &x.id).collect(),
        ),
        (
            RecordKind::Condition,
            review.conditions.iter().map(|x| &x.id).collect(),
        ),
    ];
    for (kind, ids) in rows {
        let mut ids: Vec<&Id> = ids.into_iter().filter(|id| evidence.contains(id)).collect();
        // Under the nodes already placed that each is linked to (the mean
        // of their places); the unlinked last, in the review's order.
        let place = |id: &Id| -> f32 {
            let xs: Vec<f32> = review
                .links
                .iter()
                .filter_map(|l| {
                    let other = if &l.from == id {
                        &l.to
                    } else if &l.to == id {
                        &l.from
                    } else {
                        return None;
                    };
                    nodes.iter().find(|n| &n.item == other).map(|n| n.x)
                })
                .collect();
            if xs.is_empty() {
                f32::INFINITY
            } else {
                xs.iter().sum::<f32>() / xs.len() as f32
            }
        };
        let mut keyed: Vec<(f32, &Id)> = ids.drain(..).map(|id| (place(id), id)).collect();
        keyed.sort_by(|a, b| a.0.total_cmp(&b.0));
        let ids: Vec<&Id> = keyed.into_iter().map(|(_, id)| id).collect();
        for row in ids.chunks(ACROSS) {
            let mut placed = Vec::new();
            let below = place_row(review, row, kind, top, options, &mut placed);
            if below - GAP_Y > MAX_HEIGHT && top > 0.0 {
                // A new part, this row at its top.
                parts.push(std::mem::take(&mut nodes));
                placed.clear();
                top = place_row(review, row, kind, 0.0, options, &mut placed);
            } else {
                top = below;
            }
            nodes.extend(placed);
        }
    }
    parts.push(nodes);
    parts
        .into_iter()
        .filter(|nodes| !nodes.is_empty())
        .map(|nodes| Diagram {
            id: Id::from(format!("{}-map", finding.id)),
            name: format!("Case map of {}", finding.id),
            kind: DiagramKind::CaseMap,
            nodes,
            stages: Vec::new(),
        })
        .collect()
}

/// Places one row of nodes, centred on the figure's middle with its top at
/// `top`; returns where the next row starts.
fn place_row(
    review: &Review,
    row: &[&Id],
    kind: RecordKind,
    top: f32,
    options: &SceneOptions,
    nodes: &mut Vec<DiagramNode>,
) -> f32 {
    let shape = shape_of(Some(kind));
    let height = row
        .iter()
        .map(|id| whole_label_height(review, id, shape, options))
        .fold(0.0_f32, f32::max);
    let step = NODE_WIDTH + GAP_X;
    let middle = (ACROSS as f32 - 1.0) * step / 2.0;
    let first = middle - (row.len() as f32 - 1.0) * step / 2.0;
    for (i, id) in row.iter().enumerate() {
        nodes.push(DiagramNode {
            item: (*id).clone(),
            x: first + i as f32 * step,
            y: top + height.max(foresight_core::diagram::geometry::NODE_HEIGHT) / 2.0,
        });
    }
    top + height.max(foresight_core::diagram::geometry::NODE_HEIGHT) + GAP_Y
}

#[cfg(test)]
mod tests {
    use super::*;
    use foresight_core::examples::worked_case;

    fn measure(text: &str, size: f32, _bold: bool) -> f32 {
        text.chars().count() as f32 * size * 0.55
    }

    /// How the report draws a finding's map, with or without a legend.
    fn print_options(legend: bool) -> SceneOptions<'static> {
        SceneOptions {
            visible: None,
            high_contrast: false,
            legend,
            legend_width: legend.then_some(720.0),
            measure: &measure,
            elbow_links: true,
        }
    }

    #[test]
    fn a_findings_map_holds_its_evidence_in_rows_no_wider_than_three() {
        let review = worked_case();
        let options = print_options(true);
        for f in &review.findings {
            let maps = finding_map(&review, f, &options);
            let evidence = review
                .links
                .iter()
                .filter(|l| l.to == f.id && l.kind == LinkKind::Evidences)
                .filter(|l| {
                    matches!(
                        review.kind_of(&l.from),
                        Some(RecordKind::Episode | RecordKind::Factor | RecordKind::Condition)
                    )
                })
                .count();
            assert_eq!(maps.len(), 1, "{}", f.id);
            let map = &maps[0];
            assert_eq!(map.nodes.len(), evidence, "{}", f.id);
            assert_fits_a_page(&review, map, &options);
        }
    }

    /// At 8 pt or more on a portrait page: 453 pt (160 mm) of text width,
    /// and 70% of the page's 842 pt for the figure.
    fn assert_fits_a_page(review: &Review, map: &Diagram, options: &SceneOptions) {
        let scene = diagram_scene(review, map, options);
        let scale = 8.0 / foresight_core::diagram::geometry::LABEL_SIZE;
        assert!(scene.width * scale <= 453.0, "{}", scene.width);
        assert!(
            scene.height * scale <= 0.8 * 842.0 - 30.0,
            "{}",
            scene.height
        );
        // No two nodes overlap.
        for (i, a) in map.nodes.iter().enumerate() {
            for b in &map.nodes[i + 1..] {
                let apart = (a.x - b.x).abs() >= NODE_WIDTH || (a.y - b.y).abs() >= 80.0;
                assert!(apart, "{} and {} overlap", a.item, b.item);
            }
        }
    }

    #[test]
    fn a_finding_with_much_evidence_is_cut_into_parts_that_each_fit_a_page() {
        let mut review =
            foresight_core::generate::synthetic_review(foresight_core::generate::Size::STRESS, 4);
        let finding = review.findings[0].clone();
        let evidence: Vec<Id> = review
            .episodes
            .iter()
            .map(|e| e.id.clone())
            .take(20)
            .chain(review.factors.iter().map(|x| x.id.clone()).take(14))
            .collect();
        for (i, from) in evidence.iter().enumerate() {
            review.links.push(foresight_core::model::Link {
                id: Id::from(format!("KX{i}")),
                from: from.clone(),
                to: finding.id.clone(),
                kind: LinkKind::Evidences,
                note: String::new(),
            });
        }
        let options = print_options(true);
        let maps = finding_map(&review, &finding, &options);
        assert!(maps.len() >= 2, "{}", maps.len());
        let placed: HashSet<&Id> = maps
            .iter()
            .flat_map(|m| m.nodes.iter().map(|n| &n.item))
            .collect();
        for id in &evidence {
            assert!(placed.contains(id), "{id} placed");
        }
        for map in &maps {
            assert_fits_a_page(&review, map, &options);
        }
    }

    #[test]
    fn every_label_is_printed_whole() {
        let review = worked_case();
        let options = print_options(false);
        let map = finding_map(&review, &review.findings[0], &options).remove(0);
        let scene = diagram_scene(&review, &map, &options);
        let mut texts = Vec::new();
        crate::report::document::scene_texts(&scene.items, &mut texts);
        assert!(texts.iter().all(|t| !t.contains('…')), "{texts:?}");
        for node in &map.nodes {
            let title = review.title_of(&node.item);
            let printed: String = texts.join(" ");
            for word in title.split_whitespace() {
                assert!(printed.contains(word), "{word} of {title}");
            }
        }
    }
}
