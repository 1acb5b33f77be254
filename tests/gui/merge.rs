//! File → Merge with… and the conflict view: two reviewers' copies of the
//! worked example merged in the app, their conflicts resolved one by one
//! (each an undoable step), and the review saved with what remains.

use std::path::Path;

use super::harness::{harness_of, open_panel, wait_for};
use eframe::egui::{Key, Modifiers};
use egui_kittest::{Harness, kittest::Queryable};
use foresight::document::Document;
use foresight::examples::worked_case;
use foresight::model::{MergeConflict, Review};
use foresight::ui::ForesightApp;

/// Types `text` into the field named `label`, replacing what it holds.
fn replace_text(harness: &mut Harness<'_, ForesightApp>, label: &str, text: &str) {
    harness.get_by_label(label).click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label(label).type_text(text);
    harness.run();
}

/// The ancestor, our copy and theirs, written to `folder`: both copies
/// changed the first factor's statement and the first episode's account
/// differently (two conflicts), and theirs also added evidence to the
/// second factor (merged cleanly).
fn three_copies(folder: &Path) -> (Review, Review) {
    let base = worked_case();
    assert!(base.factors.len() >= 2 && !base.episodes.is_empty());
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.factors[0].statement = "Caseloads ran above the team's ceiling for months".into();
    theirs.factors[0].statement = "Caseloads above the ceiling were normal in the team".into();
    ours.episodes[0].what_happened = "The visit went ahead without the interpreter.".into();
    theirs.episodes[0].what_happened = "The interpreter cancelled; the visit went ahead.".into();
    theirs.factors[1].evidence = "Supervision notes, March to May".into();
    for (name, review) in [("base", &base), ("ours", &ours), ("theirs", &theirs)] {
        foresight::store::save(&folder.join(format!("{name}.review.ron")), review).unwrap();
    }
    (ours, theirs)
}

#[test]
fn merge_with_resolve_two_conflicts_undo_one_and_save() {
    let folder = tempfile::tempdir().unwrap();
    let (ours, theirs) = three_copies(folder.path());
    let factor = ours.factors[0].id.clone();
    let episode = ours.episodes[0].id.clone();
    let ours_path = folder.path().join("ours.review.ron");
    let app = ForesightApp::new(
        Document::open(&ours_path).unwrap(),
        folder.path().join("recovery"),
    );
    let mut harness = harness_of(app, (1280.0, 800.0), 12);
    harness.run();

    // File → Merge with…, the paths typed into the dialog.
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Merge with…").click();
    harness.run();
    let theirs_path = folder.path().join("theirs.review.ron");
    let base_path = folder.path().join("base.review.ron");
    replace_text(
        &mut harness,
        "Their copy",
        &theirs_path.display().to_string(),
    );
    replace_text(
        &mut harness,
        "Common ancestor (optional)",
        &base_path.display().to_string(),
    );
    harness.get_by_label("Merge").click();
    harness.run();

    // Two conflicts, our values kept meanwhile; theirs merged where only
    // they changed something.
    assert_eq!(
        harness.state().message(),
        "Merged theirs.review.ron: 2 conflicts to resolve"
    );
    assert!(harness.state().conflicts_open());
    let review = harness.state().document().review();
    assert_eq!(review.meta.conflicts.len(), 2);
    assert_eq!(review.factors[0].statement, ours.factors[0].statement);
    assert_eq!(review.factors[1].evidence, theirs.factors[1].evidence);
    assert_eq!(
        harness.state().document().undo_label(),
        Some("Merge with theirs.review.ron")
    );

    // The Report says why it cannot be published; the banner leads back.
    open_panel(&mut harness, "Report");
    assert!(!harness.state().conflicts_open());
    wait_for(&mut harness, "unresolved merge conflict in statement");
    assert!(
        harness
            .query_by_label_contains("2 unresolved merge conflicts")
            .is_some()
    );
    harness.get_by_label("Show conflicts").click();
    harness.run();
    assert!(harness.state().conflicts_open());
    assert!(
        harness
            .query_by_label(&format!("Mine for {factor} statement"))
            .is_some()
    );

    // Take theirs for the factor's statement.
    harness
        .get_by_label(&format!("Take theirs for {factor} statement"))
        .click();
    harness.run();
    let review = harness.state().document().review();
    assert_eq!(review.factors[0].statement, theirs.factors[0].statement);
    assert_eq!(review.meta.conflicts.len(), 1);

    // Write the episode's account by hand.
    let written = "The interpreter cancelled, and the visit went ahead without one.";
    replace_text(
        &mut harness,
        &format!("Edited value for {episode} what_happened"),
        written,
    );
    harness
        .get_by_label(&format!("Edit {episode} what_happened"))
        .click();
    harness.run();
    let review = harness.state().document().review();
    assert_eq!(review.episodes[0].what_happened, written);
    assert!(review.meta.conflicts.is_empty());
    assert!(
        harness
            .query_by_label_contains("No conflicts remain")
            .is_some()
    );

    // Undo takes back the hand-written resolution only: the conflict is
    // listed again and the episode holds our account.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let review = harness.state().document().review();
    assert_eq!(
        review.episodes[0].what_happened,
        ours.episodes[0].what_happened
    );
    assert_eq!(review.factors[0].statement, theirs.factors[0].statement);
    assert_eq!(review.meta.conflicts.len(), 1);
    assert!(
        harness
            .query_by_label(&format!("Take mine for {episode} what_happened"))
            .is_some()
    );

    // Saving with a conflict left is allowed.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(!harness.state().document().is_dirty());
    let saved = foresight::store::load(&ours_path).unwrap();
    assert_eq!(saved.factors[0].statement, theirs.factors[0].statement);
    assert_eq!(saved.factors[1].evidence, theirs.factors[1].evidence);
    assert_eq!(
        saved.episodes[0].what_happened,
        ours.episodes[0].what_happened
    );
    assert_eq!(
        saved.meta.conflicts,
        vec![MergeConflict {
            record: Some(episode.clone()),
            field: "what_happened".into(),
            base: Some(worked_case().episodes[0].what_happened.clone()),
            ours: Some(ours.episodes[0].what_happened.clone()),
            theirs: Some(theirs.episodes[0].what_happened.clone()),
        }]
    );

    // Opened again, the review shows the conflict that remains.
    let app = ForesightApp::new(
        Document::open(&ours_path).unwrap(),
        folder.path().join("recovery-2"),
    );
    let mut reopened = harness_of(app, (1280.0, 800.0), 12);
    reopened.run();
    assert!(
        reopened
            .query_by_label_contains("1 unresolved merge conflict:")
            .is_some()
    );
    assert!(reopened.query_by_label("Merge conflicts (1)").is_some());
}

#[test]
fn a_clean_merge_says_so_and_one_undo_takes_it_back() {
    let folder = tempfile::tempdir().unwrap();
    let base = worked_case();
    let mut theirs = base.clone();
    theirs.factors[1].evidence = "Supervision notes, March to May".into();
    let base_path = folder.path().join("base.review.ron");
    let theirs_path = folder.path().join("theirs.review.ron");
    foresight::store::save(&base_path, &base).unwrap();
    foresight::store::save(&theirs_path, &theirs).unwrap();
    let app = ForesightApp::new(
        Document::untitled(base.clone()),
        folder.path().join("recovery"),
    );
    let mut harness = harness_of(app, (1280.0, 800.0), 12);
    harness.run();
    harness
        .state_mut()
        .merge_with(&theirs_path, Some(base_path.as_path()));
    harness.run();
    assert_eq!(
        harness.state().message(),
        "Merged theirs.review.ron cleanly"
    );
    assert!(!harness.state().conflicts_open());
    assert!(harness.query_by_label("Show conflicts").is_none());
    assert_eq!(harness.state().document().review(), &theirs);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().document().review(), &base);
}

/// Writes a copy of the file `from` changed by `edit`, as a reviewer who
/// opened it, edited and saved under `name` would.
fn copy_of(from: &Path, name: &str, edit: impl FnOnce(&mut Review)) -> std::path::PathBuf {
    let (mut review, lineage) = foresight::store::load_with_lineage(from).unwrap();
    edit(&mut review);
    let path = from.with_file_name(name);
    foresight::store::save_with_lineage(&path, &review, &lineage).unwrap();
    path
}

#[test]
fn the_common_ancestor_beside_the_copies_is_found_and_undo_takes_back_the_descent() {
    let folder = tempfile::tempdir().unwrap();
    let base_path = folder.path().join("base.review.ron");
    foresight::store::save(&base_path, &worked_case()).unwrap();
    let ours_path = copy_of(&base_path, "ours.review.ron", |r| {
        r.factors[0].statement = "Our statement".into()
    });
    let theirs_path = copy_of(&base_path, "theirs.review.ron", |r| {
        r.factors[1].evidence = "Supervision notes, March to May".into()
    });
    let (theirs, theirs_lineage) = foresight::store::load_with_lineage(&theirs_path).unwrap();
    let app = ForesightApp::new(
        Document::open(&ours_path).unwrap(),
        folder.path().join("recovery"),
    );
    let ours_lineage = app.document().lineage().clone();
    let mut harness = harness_of(app, (1280.0, 800.0), 12);
    harness.run();
    // No ancestor given: the one beside the copies is found by itself, so
    // what only one side changed merges without a conflict.
    harness.state_mut().merge_with(&theirs_path, None);
    harness.run();
    let message = harness.state().message().to_string();
    assert!(
        message.starts_with(
            "Merged theirs.review.ron cleanly from your common ancestor base.review.ron (revision "
        ),
        "{message}"
    );
    let review = harness.state().document().review().clone();
    assert_eq!(review.factors[0].statement, "Our statement");
    assert_eq!(review.factors[1].evidence, theirs.factors[1].evidence);
    assert!(review.meta.conflicts.is_empty());
    let descends = |harness: &Harness<'_, ForesightApp>| {
        let theirs_id = &theirs_lineage.current().unwrap().id;
        harness.state().document().lineage().contains(theirs_id)
    };
    assert!(descends(&harness));

    // Undo takes back the merge and the claim to hold their copy; redo
    // brings both back.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().document().lineage(), &ours_lineage);
    assert!(!descends(&harness));
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert!(descends(&harness), "{}", harness.state().message());
    assert_eq!(harness.state().document().review(), &review);

    // Saved, the merged file holds all of theirs: merged with it again,
    // there is nothing to do.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let (_, saved) = foresight::store::load_with_lineage(&ours_path).unwrap();
    assert_eq!(
        saved.relation(&theirs_lineage),
        foresight::model::Relation::TheirsIsEarlier
    );
    harness.state_mut().merge_with(&theirs_path, None);
    harness.run();
    assert_eq!(
        harness.state().message(),
        "Nothing to merge: theirs.review.ron adds nothing to this review"
    );
}
