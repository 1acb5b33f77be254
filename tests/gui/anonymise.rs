//! The Anonymisation panel driven through the real UI: a doubtful word is
//! replaced to be safe; one click keeps it, recorded as an undoable edit,
//! and the anonymised review then has the original word.

use eframe::egui::{Key, Modifiers};
use egui_kittest::{Harness, kittest::Queryable};
use foresight::anonymise::anonymise;
use foresight::document::Document;
use foresight::model::{
    ChronologyEntry, Id, OverrideAction, Person, PersonKind, Review, ReviewDate,
};
use foresight::ui::{ForesightApp, PanelKind};

use super::harness::{harness_of, open_panel};

fn review() -> Review {
    let mut review = Review::new("Child K");
    review.people = vec![
        Person {
            id: Id::from("P1"),
            name: "Rose Kettle".into(),
            pseudonym: "Child K".into(),
            kind: PersonKind::SubjectChild,
            ..Default::default()
        },
        Person {
            id: Id::from("P2"),
            name: "Grace Mark".into(),
            pseudonym: "Health Visitor 1".into(),
            kind: PersonKind::Practitioner,
            ..Default::default()
        },
    ];
    review.chronology = vec![ChronologyEntry {
        id: Id::from("C1"),
        date: ReviewDate::day(2021, 4, 3).unwrap(),
        agency: None,
        author: "GP".into(),
        text: "Seen with Rose. Mark on left cheek. Concerns rose.".into(),
        people: vec![],
        source: None,
    }];
    review
}

/// The app on `review` (settings in `folder`), wide enough for the two
/// texts side by side, showing the Anonymisation panel.
pub fn on_the_anonymisation_panel(
    review: Review,
    folder: &std::path::Path,
) -> Harness<'static, ForesightApp> {
    let app = ForesightApp::new(Document::untitled(review), folder.to_path_buf());
    let mut harness = harness_of(app, (1400.0, 900.0), 12);
    harness.run();
    open_panel(&mut harness, "Anonymisation");
    harness
}

#[test]
fn keeping_a_doubtful_word_is_one_click_and_the_export_reflects_it() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = on_the_anonymisation_panel(review(), folder.path());
    assert_eq!(harness.state().panel(), PanelKind::Anonymisation);

    // Before: "Mark" at the start of a sentence is replaced to be safe,
    // by a placeholder that says nothing of who.
    let before = anonymise(harness.state().document().review());
    assert_eq!(
        before.review.chronology[0].text,
        "Seen with Child K. [name] on left cheek. Concerns rose."
    );

    harness.get_by_label_contains("1 to decide").click();
    harness.run();
    // Side by side: the original and the anonymised text.
    assert!(harness.query_by_label("Original").is_some());
    assert!(harness.query_by_label("Anonymised").is_some());
    harness.get_by_label("Keep \"Mark\" (text 2)").click();
    harness.run();

    let document = harness.state().document();
    let overrides = &document.review().meta.anonymisation.overrides;
    assert_eq!(overrides.len(), 1);
    assert_eq!(overrides[0].text, "Mark");
    assert_eq!(overrides[0].action, OverrideAction::Keep);
    assert!(document.is_dirty());
    assert_eq!(document.undo_label(), Some("Keep \"Mark\" in C1"));
    let after = anonymise(document.review());
    assert_eq!(
        after.review.chronology[0].text,
        "Seen with Child K. Mark on left cheek. Concerns rose."
    );
    assert!(harness.query_by_label_contains("kept by you").is_some());

    // Undo takes the decision back.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(
        harness
            .state()
            .document()
            .review()
            .meta
            .anonymisation
            .overrides
            .is_empty()
    );
}

#[test]
fn choosing_another_record_shows_that_record_s_occurrences() {
    let mut review = review();
    let mut second = review.chronology[0].clone();
    second.id = Id::from("C2");
    second.text = "Telephone call from Mrs Kettle about the nursery.".into();
    review.chronology.push(second);
    let folder = tempfile::tempdir().unwrap();
    let mut harness = on_the_anonymisation_panel(review, folder.path());

    harness.get_by_label_contains("Seen with Rose").click();
    harness.run();
    assert!(harness.query_by_label("Keep \"Mark\" (text 2)").is_some());
    assert!(
        harness
            .query_by_label("Keep \"Mrs Kettle\" (text 1)")
            .is_none()
    );

    harness.get_by_label_contains("Telephone call").click();
    harness.run();
    assert!(
        harness
            .query_by_label("Keep \"Mrs Kettle\" (text 1)")
            .is_some()
    );
    assert!(harness.query_by_label("Keep \"Mark\" (text 2)").is_none());

    // Back to the first: its own occurrences again.
    harness.get_by_label_contains("Seen with Rose").click();
    harness.run();
    assert!(harness.query_by_label("Keep \"Mark\" (text 2)").is_some());
}

#[test]
fn the_panel_lists_a_residual_suspect_and_keeping_it_is_one_click() {
    let mut review = review();
    review.chronology[0].author = "DC 4812 PRESTON".into();
    review.chronology[0].text = "Seen with Rose at the Quenby Tavern. Concerns rose.".into();
    let folder = tempfile::tempdir().unwrap();
    let mut harness = on_the_anonymisation_panel(review, folder.path());

    // Replaced by default, and listed with the record and field.
    let before = anonymise(harness.state().document().review());
    assert_eq!(
        before.review.chronology[0].text,
        "Seen with Child K at the [place]. Concerns rose."
    );
    assert!(!before.review.chronology[0].author.contains("PRESTON"));
    assert!(
        harness
            .query_by_label_contains("possible name \"PRESTON\" in C1 author")
            .is_some()
    );
    harness
        .get_by_label("Keep \"Quenby Tavern\" (C1 text)")
        .click();
    harness.run();

    let document = harness.state().document();
    assert_eq!(document.undo_label(), Some("Keep \"Quenby Tavern\" in C1"));
    let after = anonymise(document.review());
    assert_eq!(
        after.review.chronology[0].text,
        "Seen with Child K at the Quenby Tavern. Concerns rose."
    );
    assert!(!after.review.chronology[0].author.contains("PRESTON"));
    // The list says so, and offers to replace it again.
    assert!(
        harness
            .query_by_label("Replace \"Quenby Tavern\" (C1 text)")
            .is_some()
    );
}

#[test]
fn a_possible_name_becomes_a_cast_name_by_spelling_or_as_a_new_person() {
    let mut review = review();
    review.chronology[0].author = "Key worker Aoife Brannagh".into();
    review.chronology[0].text = "Seen with Kettel at nursery. Concerns rose.".into();
    let folder = tempfile::tempdir().unwrap();
    let mut harness = on_the_anonymisation_panel(review, folder.path());
    let before = anonymise(harness.state().document().review());
    assert!(
        before.review.chronology[0]
            .text
            .starts_with("Seen with [name] at nursery"),
        "{}",
        before.review.chronology[0].text
    );

    // "Kettel" is spelt like Rose Kettle's name: one click makes it hers.
    harness
        .get_by_label("Another name of Child K (P1): \"Kettel\"")
        .click();
    harness.run();
    let document = harness.state().document();
    assert_eq!(
        document.undo_label(),
        Some("Add \"Kettel\" to the names of P1")
    );
    let after = anonymise(document.review());
    assert!(
        after.review.chronology[0]
            .text
            .starts_with("Seen with Child K at nursery"),
        "{}",
        after.review.chronology[0].text
    );

    // The key worker is added to the cast with a role: the report then
    // names her by it.
    harness
        .get_by_label("Add \"Aoife Brannagh\" to the cast (C1 author)")
        .click();
    harness.run();
    harness.get_by_label("Role").click();
    harness.run();
    harness.get_by_label("Role").type_text("Nursery key worker");
    harness.run();
    harness.get_by_label("Add to cast").click();
    harness.run();
    let document = harness.state().document();
    assert_eq!(
        document.undo_label(),
        Some("Add \"Aoife Brannagh\" to the cast")
    );
    let added = document.review().people.last().unwrap();
    assert_eq!(
        (
            added.name.as_str(),
            added.role.as_str(),
            added.pseudonym.as_str()
        ),
        ("Aoife Brannagh", "Nursery key worker", "Nursery key worker")
    );
    let after = anonymise(document.review());
    assert_eq!(
        after.review.chronology[0].author,
        "Key worker Nursery key worker"
    );
}
