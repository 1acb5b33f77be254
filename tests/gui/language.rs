//! The language lint in the desktop app, driven through its real UI with
//! egui_kittest: a blaming sentence typed into a finding is underlined and
//! its reframe question shown; the reviewer tags the finding learning with a
//! reason, and the why-coverage on the Overview changes; a phrase is
//! accepted with a reason from the Language panel; a coverage gap leads to
//! its record.

use super::harness::{harness_of, open_panel};
use eframe::egui;
use egui_kittest::{Harness, kittest::Queryable};
use foresight::document::Document;
use foresight::model::{FindingTag, Id, Review};
use foresight::ui::{ForesightApp, PanelKind};

const STATEMENT: &str = "Finding statement (general, present tense, about the system)";
const BLAMING: &str = "The social worker failed to visit the children.";

fn finding(app: &ForesightApp) -> &foresight::model::Finding {
    &app.document().review().findings[0]
}

/// A harness on an empty review with one finding whose statement was typed.
fn with_typed_finding(folder: &tempfile::TempDir) -> Harness<'static, ForesightApp> {
    let mut harness = harness_of(
        ForesightApp::new(
            Document::untitled(Review::new("Child T")),
            folder.path().to_path_buf(),
        ),
        (1280.0, 900.0),
        12,
    );
    harness.run();
    open_panel(&mut harness, "Findings");
    harness.get_by_label("Add finding").click();
    harness.run();
    harness.get_by_label(STATEMENT).click();
    harness.run();
    harness.get_by_label(STATEMENT).type_text(BLAMING);
    harness.run();
    assert_eq!(finding(harness.state()).statement, BLAMING);
    harness
}

#[test]
fn a_blaming_sentence_is_linted_and_tagging_it_learning_changes_the_coverage() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = with_typed_finding(&folder);

    // The hit and its reframe question appear under the field as it is typed…
    assert!(
        harness
            .query_by_label_contains("“failed to” (CF/IF counterfactual, individual fault)")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("What got in the way of this happening")
            .is_some()
    );
    // …and the lint suggests a tag, but does not set one.
    assert!(
        harness
            .query_by_label_contains("The language lint suggests blame")
            .is_some()
    );
    assert_eq!(finding(harness.state()).tag, FindingTag::Untagged);

    // The Overview's why-coverage before tagging.
    open_panel(&mut harness, "Overview");
    assert!(harness.query_by_label("Why-coverage").is_some());
    assert!(
        harness
            .query_by_label("Tagged learning: 0 of 1 (0%)")
            .is_some()
    );
    assert!(
        harness
            .query_by_label("Open hindsight and blame language: 1 open, 0 accepted")
            .is_some()
    );

    // The reviewer tags the finding learning and gives a reason.
    open_panel(&mut harness, "Findings");
    harness.get_by_label("Tag").click();
    harness.run();
    harness.get_by_label("Learning").click();
    harness.run();
    assert_eq!(finding(harness.state()).tag, FindingTag::Learning);
    assert!(
        harness
            .query_by_label_contains("Give the reason for this tag")
            .is_some()
    );
    harness.get_by_label("Why it is tagged so").click();
    harness.run();
    harness
        .get_by_label("Why it is tagged so")
        .type_text("To be rewritten as a systems finding about visiting capacity.");
    harness.run();
    assert!(
        finding(harness.state())
            .tag_reason
            .starts_with("To be rewritten")
    );
    assert!(
        harness
            .query_by_label_contains("Give the reason for this tag")
            .is_none()
    );

    // The why-coverage changes.
    open_panel(&mut harness, "Overview");
    assert!(
        harness
            .query_by_label("Tagged learning: 1 of 1 (100%)")
            .is_some()
    );
    assert!(
        harness
            .query_by_label("Tagged learning: 0 of 1 (0%)")
            .is_none()
    );

    // A gap links to its record: the finding still lacks systemic evidence.
    let gap = "FN1 (no title yet): no evidence that it is systemic";
    harness.get_by_label_contains(gap).scroll_to_me();
    harness.run();
    harness.get_by_label_contains(gap).click();
    harness.run();
    assert_eq!(harness.state().panel(), PanelKind::Findings);
    assert!(harness.query_by_label("Finding FN1").is_some());
}

#[test]
fn a_phrase_is_accepted_with_a_reason_from_the_language_panel() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = with_typed_finding(&folder);
    open_panel(&mut harness, "Language");
    assert!(
        harness
            .query_by_label("1 open phrase, 0 accepted with a reason")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("What got in the way of this happening")
            .is_some()
    );
    let reason = "Reason for keeping “failed to” in FN1 Statement";
    harness.get_by_label(reason).click();
    harness.run();
    harness
        .get_by_label(reason)
        .type_text("Quoted from the agency's own review for the panel to discuss.");
    harness.run();
    harness
        .get_by_label("Accept “failed to” in FN1 Statement")
        .click();
    harness.run();
    let accepted = &harness.state().document().review().meta.accepted_language;
    assert_eq!(accepted.len(), 1);
    assert_eq!(accepted[0].record, Id::from("FN1"));
    assert_eq!(accepted[0].field, "statement");
    assert_eq!(accepted[0].phrase, "failed to");
    assert!(
        harness
            .query_by_label("0 open phrases, 1 accepted with a reason")
            .is_some()
    );

    // Undo takes the acceptance back.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert!(
        harness
            .state()
            .document()
            .review()
            .meta
            .accepted_language
            .is_empty()
    );
}

/// The prompts under the fields for the phrase `matched`, as shown.
fn prompts_for(harness: &Harness<'_, ForesightApp>, matched: &str) -> Vec<String> {
    use egui_kittest::kittest::NodeT as _;
    let start = format!("“{matched}” (");
    let mut prompts: Vec<String> = harness
        .query_all_by(move |node| node.value().is_some_and(|v| v.starts_with(&start)))
        .filter_map(|node| node.accesskit_node().value())
        // A wrapped prompt has a node per line as well: keep the whole.
        .filter(|p| p.ends_with('?'))
        .collect();
    prompts.dedup();
    prompts
}

#[test]
fn a_phrase_in_an_episode_field_has_the_same_severity_under_the_field_as_in_the_language_panel_and_check()
 {
    use foresight::analysis::language::{Lexicon, lint_review};
    let folder = tempfile::tempdir().unwrap();
    let mut review = Review::new("Child T");
    review.episodes.push(foresight::model::PracticeEpisode {
        id: Id::from("E1"),
        title: "A home visit".into(),
        ..Default::default()
    });
    let mut harness = harness_of(
        ForesightApp::new(Document::untitled(review), folder.path().to_path_buf()),
        // Tall enough for the whole episode form, prompts and all.
        (1280.0, 2600.0),
        12,
    );
    harness.run();
    open_panel(&mut harness, "Episodes");
    harness
        .get_all_by_label_contains("E1  ")
        .next()
        .unwrap()
        .click();
    harness.run();
    // The same words typed into the practitioners' own account and into
    // the review's narrative of what happened.
    for label in [
        "Why it made sense at the time (local rationality)",
        "What happened",
    ] {
        harness.get_by_label(label).scroll_to_me();
        harness.run();
        harness.get_by_label(label).click();
        harness.run();
        harness
            .get_by_label(label)
            .type_text("The health visitor should have asked where it was kept.");
        harness.run();
    }
    let review = harness.state().document().review().clone();
    let hits = lint_review(&Lexicon::built_in(), &review);
    let severity_of = |field: &str| {
        hits.iter()
            .find(|h| h.field == field && h.hit.matched == "should have")
            .unwrap_or_else(|| panic!("no hit in {field}: {hits:#?}"))
            .hit
            .severity
    };
    let own = severity_of("local_rationality");
    let narrative = severity_of("what_happened");
    assert!(own < narrative, "{own:?} {narrative:?}");
    // Under each field the prompt gives the severity the Language panel
    // and `check` give it.
    let prompts = prompts_for(&harness, "should have");
    assert_eq!(prompts.len(), 2, "{prompts:?}");
    for severity in [own, narrative] {
        assert!(
            prompts
                .iter()
                .any(|p| p.contains(&format!("), {}: ", severity.label()))),
            "{prompts:?} lacks {severity:?}"
        );
    }
    assert!(prompts.iter().all(|p| p.contains("counterfactual")));
}

#[test]
fn a_field_the_lint_does_not_read_is_not_underlined_in_the_form_either() {
    // The reason for a finding's tag is the reviewer's note, which neither
    // the Language panel nor `check` reads: the form does not prompt in it.
    let folder = tempfile::tempdir().unwrap();
    let mut harness = with_typed_finding(&folder);
    let reason = "Why it is tagged so";
    harness.get_by_label(reason).scroll_to_me();
    harness.run();
    harness.get_by_label(reason).click();
    harness.run();
    harness
        .get_by_label(reason)
        .type_text("The health visitor should have asked.");
    harness.run();
    assert_eq!(
        finding(harness.state()).tag_reason,
        "The health visitor should have asked."
    );
    assert_eq!(prompts_for(&harness, "should have"), Vec::<String>::new());
    // The statement, which both read, is still prompted.
    assert!(!prompts_for(&harness, "failed to").is_empty());
}
