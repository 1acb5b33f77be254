//! The sensitive data policy on the Anonymisation panel: ages are
//! withheld until the reviewer gives a reason and publishes them; the
//! anonymised text then keeps the age, and withholding again drops it.

use egui_kittest::kittest::Queryable;
use foresight::anonymise::anonymise;
use foresight::model::{ChronologyEntry, Id, Review, ReviewDate, SensitiveCategory};
use foresight::ui::ForesightApp;

use super::anonymise::on_the_anonymisation_panel;

fn review() -> Review {
    let mut review = Review::new("Child S");
    review.chronology = vec![ChronologyEntry {
        id: Id::from("C1"),
        date: ReviewDate::month(2021, 4).unwrap(),
        agency: None,
        author: "Midwife".into(),
        text: "Mother aged 19 attended booking.".into(),
        people: vec![],
        source: None,
    }];
    review
}

#[test]
fn publishing_ages_with_a_reason_changes_the_anonymised_text() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = on_the_anonymisation_panel(review(), folder.path());
    let text = |h: &egui_kittest::Harness<'_, ForesightApp>| {
        anonymise(h.state().document().review()).review.chronology[0]
            .text
            .clone()
    };
    assert_eq!(text(&harness), "Mother attended booking.");
    assert!(harness.query_by_label("Ages: withheld").is_some());

    // Without a reason, publishing is not possible.
    harness.get_by_label("Publish ages").click();
    harness.run();
    assert_eq!(text(&harness), "Mother attended booking.");
    assert!(
        harness
            .state()
            .document()
            .review()
            .meta
            .anonymisation
            .publish_sensitive
            .is_empty()
    );

    harness.get_by_label("Reason to publish ages").click();
    harness.run();
    harness
        .get_by_label("Reason to publish ages")
        .type_text("the parents' youth is central to the learning");
    harness.run();
    harness.get_by_label("Publish ages").click();
    harness.run();
    let review = harness.state().document().review().clone();
    let decision = &review.meta.anonymisation.publish_sensitive;
    assert_eq!(decision.len(), 1);
    assert_eq!(decision[0].category, SensitiveCategory::Ages);
    assert_eq!(
        decision[0].reason,
        "the parents' youth is central to the learning"
    );
    assert_eq!(text(&harness), "Mother aged 19 attended booking.");

    harness.get_by_label("Withhold ages").click();
    harness.run();
    assert_eq!(text(&harness), "Mother attended booking.");
}
