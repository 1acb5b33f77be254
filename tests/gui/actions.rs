//! The Actions panel through the real UI: an action added to a finding,
//! given a past due date and a status, shows as overdue on the Overview;
//! marked done it no longer does, and undo brings the overdue count back.

use super::harness::{harness_of, open_panel};
use eframe::egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use foresight::document::Document;
use foresight::model::{ActionStatus, Finding, FindingTag, Id, Review, ReviewDate};
use foresight::ui::{ForesightApp, PanelKind};

fn review() -> Review {
    let mut review = Review::new("Child R");
    review.findings.push(Finding {
        id: Id::from("FN1"),
        title: "Tools see the adult, not the household".into(),
        tag: FindingTag::Learning,
        ..Finding::default()
    });
    review
}

#[test]
fn an_overdue_action_shows_on_the_overview_and_undo_restores_the_count() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness_of(
        ForesightApp::new(Document::untitled(review()), folder.path().to_path_buf()),
        (1280.0, 2000.0),
        12,
    );
    harness.run();
    assert!(
        harness
            .query_by_label_contains("No actions yet: record the partnership's response")
            .is_some()
    );

    open_panel(&mut harness, "Actions");
    assert_eq!(harness.state().panel(), PanelKind::Actions);
    harness
        .get_by_label_contains("Tools see the adult, not the household")
        .click();
    harness.run();
    harness.get_by_label("The partnership's response").click();
    harness.run();
    harness.get_by_label("Accepted").click();
    harness.run();
    harness.get_by_label("Add action").click();
    harness.run();
    harness.get_by_label("What will be done").click();
    harness.run();
    harness
        .get_by_label("What will be done")
        .type_text("Extend the hidden harm screen");
    harness.run();
    harness.get_by_label("Due").click();
    harness.run();
    harness.get_by_label("Due").type_text("31/01/2020");
    harness.run();
    harness.get_by_label("Status").click();
    harness.run();
    harness.get_by_label("Under way").click();
    harness.run();

    let finding = &harness.state().document().review().findings[0];
    assert_eq!(
        finding.response.decision,
        foresight::model::ResponseDecision::Accepted
    );
    let action = &finding.actions[0];
    assert_eq!(action.id, Id::from("AC1"));
    assert_eq!(action.what, "Extend the hidden harm screen");
    assert_eq!(action.due, ReviewDate::day(2020, 1, 31));
    assert_eq!(action.status, ActionStatus::UnderWay);
    // Overdue is marked in words on the panel, not by colour alone.
    assert!(harness.query_by_label_contains("overdue by").is_some());
    assert!(
        harness
            .query_by_label_contains("Overdue: due 31 January 2020")
            .is_some()
    );

    open_panel(&mut harness, "Overview");
    assert!(
        harness
            .query_by_label_contains("1 action overdue")
            .is_some()
    );
    // Each overdue action is a link to it on the Actions panel.
    let link = "AC1 (FN1): Extend the hidden harm screen";
    harness.get_by_label_contains(link).scroll_to_me();
    harness.run();
    harness.get_by_label_contains(link).click();
    harness.run();
    assert_eq!(harness.state().panel(), PanelKind::Actions);

    harness.get_by_label("Status").click();
    harness.run();
    harness.get_by_label("Done").click();
    harness.run();
    assert_eq!(
        harness.state().document().review().findings[0].actions[0].status,
        ActionStatus::Done
    );
    open_panel(&mut harness, "Overview");
    assert!(
        harness
            .query_by_label_contains("1 action overdue")
            .is_none()
    );
    assert!(harness.query_by_label("No action is overdue.").is_some());

    // Undo takes the status back: the action is overdue again.
    harness.get_by_label("Edit").click();
    harness.run();
    harness
        .get_by_label_contains("Undo Set the action's status")
        .click();
    harness.run();
    assert_eq!(
        harness.state().document().review().findings[0].actions[0].status,
        ActionStatus::UnderWay
    );
    assert!(
        harness
            .query_by_label_contains("1 action overdue")
            .is_some()
    );
}

#[test]
fn overdue_only_lists_the_findings_with_overdue_actions_and_the_plan_exports() {
    let mut review = review();
    review.findings.push(Finding {
        id: Id::from("FN2"),
        title: "Relatives heard through the parent".into(),
        tag: FindingTag::Learning,
        ..Finding::default()
    });
    review.findings[0].actions.push(foresight::model::Action {
        id: Id::from("AC1"),
        what: "Extend the screen".into(),
        due: ReviewDate::day(2020, 1, 31),
        ..Default::default()
    });
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness_of(
        ForesightApp::new(Document::untitled(review), folder.path().to_path_buf()),
        (1280.0, 1200.0),
        12,
    );
    harness.run();
    open_panel(&mut harness, "Actions");
    assert!(harness.query_by_label_contains("Relatives heard").is_some());
    harness.get_by_label("Overdue only").click();
    harness.run();
    assert!(harness.query_by_label_contains("Relatives heard").is_none());
    assert!(
        harness
            .query_by_label_contains("Tools see the adult")
            .is_some()
    );

    // File → Export action plan… leads here; a typed path exports at once.
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export action plan…").click();
    harness.run();
    assert_eq!(harness.state().panel(), PanelKind::Actions);
    let out = folder.path().join("plan.xlsx");
    harness.get_by_label("Save the action plan as").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("Save the action plan as")
        .type_text(out.to_str().unwrap());
    harness.run();
    harness.get_by_label("Export the action plan").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Exported the action plan to")
            .is_some()
    );
    assert!(out.exists());
}
