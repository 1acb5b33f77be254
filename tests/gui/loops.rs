//! The Loops panel and presentation mode, driven through the real UI.

use std::collections::HashSet;

use super::harness::{harness_for, wait_for};
use eframe::egui::{self, Key};
use egui_kittest::kittest::Queryable;
use foresight::examples::{munro_appendix2, worked_case};
use foresight::model::Id;

fn ids(list: &[&str]) -> HashSet<Id> {
    list.iter().map(|s| Id::from(*s)).collect()
}

#[test]
fn selecting_comply_highlights_its_loop_and_the_five_stages_can_be_presented() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness_for(munro_appendix2(), folder.path());
    harness.get_by_label("Loops").click();
    harness.run_ok();
    wait_for(&mut harness, "3 loops: 1 reinforcing, 2 balancing");

    assert!(harness.state().loop_highlight().is_none());
    harness.get_by_label_contains("Comply!").click();
    harness.run_ok();
    // The compliance loop: enforcement, scope for judgment, compliance, and
    // the three links between them.
    let highlighted = harness.state().loop_highlight().cloned().unwrap();
    assert_eq!(highlighted, ids(&["V3", "V4", "V5", "K3", "K4", "K5"]));
    assert!(
        harness
            .query_by_label_contains("Balancing loop: Comply!")
            .is_some()
    );

    harness.get_by_label("Present this diagram").click();
    harness.run_ok();
    let titles = [
        "Single loop learning: are we doing what is specified?",
        "Ripple effect 1: an unintended consequence",
        "Requisite variety",
        "Double loop: have we specified the right thing to do?",
        "Ripple effect 2: a feedback loop",
    ];
    let mut shown = Vec::new();
    for (stage, title) in titles.iter().enumerate() {
        let presentation = harness.state().presentation().cloned().expect("presenting");
        assert_eq!(presentation.stage, stage);
        assert!(
            harness.query_by_label(title).is_some(),
            "stage {stage} shows its title"
        );
        assert!(
            harness
                .query_by_label(&format!("Stage {} of 5", stage + 1))
                .is_some()
        );
        shown.push(
            presentation
                .visible(harness.state().document().review())
                .len(),
        );
        harness.key_press(Key::ArrowRight);
        harness.run_ok();
    }
    // Each stage reveals more: variables plus links.
    assert_eq!(shown, vec![10, 18, 22, 27, 32]);
    // Past the last stage the presentation stays on it; back goes back.
    assert_eq!(harness.state().presentation().unwrap().stage, 4);
    harness.key_press(Key::ArrowLeft);
    harness.run_ok();
    assert_eq!(harness.state().presentation().unwrap().stage, 3);
    harness.get_by_label("Next stage").click();
    harness.run_ok();
    assert_eq!(harness.state().presentation().unwrap().stage, 4);
    harness.key_press(Key::Escape);
    harness.run_ok();
    assert!(harness.state().presentation().is_none());
    assert!(
        harness.query_by_label("Loops").is_some(),
        "back to the panels"
    );
}

#[test]
fn an_unnamed_loop_can_be_named_and_the_name_is_one_undo_step() {
    let folder = tempfile::tempdir().unwrap();
    let review = worked_case();
    let named_before = review.named_loops.len();
    let mut harness = harness_for(review, folder.path());
    harness.get_by_label("Loops").click();
    harness.run_ok();
    wait_for(&mut harness, "5 loops: 4 reinforcing, 1 balancing");
    // The one loop the worked example leaves unnamed runs through turnover
    // and the depth of assessment.
    harness
        .get_by_label_contains(
            "Caseload per Social Worker → Social Worker Turnover → Depth of Assessment",
        )
        .click();
    harness.run_ok();
    harness.get_by_label("Name this loop").click();
    harness
        .get_by_label("Name this loop")
        .type_text("Experience drains away");
    harness.run_ok();
    harness.get_by_label("Name loop").click();
    harness.run_ok();
    let review = harness.state().document().review().clone();
    assert_eq!(review.named_loops.len(), named_before + 1);
    let named = review.named_loops.last().unwrap();
    assert_eq!(named.name, "Experience drains away");
    assert_eq!(named.label, "R4");
    wait_for(&mut harness, "Reinforcing loop: Experience drains away");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run_ok();
    assert_eq!(
        harness.state().document().review().named_loops.len(),
        named_before
    );
}

#[test]
fn a_huge_search_shows_progress_and_can_be_cancelled() {
    use foresight::generate::{Size, synthetic_review};
    let folder = tempfile::tempdir().unwrap();
    // Dense enough to hold many millions of loops.
    let review = synthetic_review(
        Size {
            entries: 0,
            variables: 30,
            links_per_variable: 6,
            ..Size::STRESS
        },
        2,
    );
    let mut harness = harness_for(review, folder.path());
    harness.get_by_label("Loops").click();
    harness.step();
    wait_for(&mut harness, "Finding loops…");
    // The window keeps answering while the search runs.
    harness.get_by_label("Variables").click();
    harness.step();
    assert!(harness.query_by_label("Add variable").is_some());
    harness.get_by_label("Feedback loops").click();
    harness.step();
    harness.get_by_label("Cancel search").click();
    harness.step();
    wait_for(&mut harness, "Search cancelled");
}
