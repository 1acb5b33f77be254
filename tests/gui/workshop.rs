//! A first hour without help and a workshop's projector: the start screen,
//! the Help window, the window title, UK dates in forms, and layouts that
//! keep everything reachable and readable at 1280×720.

use eframe::egui::Key;
use egui_kittest::{Harness, kittest::Queryable};
use foresight::document::Document;
use foresight::examples::{munro_appendix2, worked_case};
use foresight::model::{PracticeEpisode, Review, ReviewDate};
use foresight::ui::{ForesightApp, PanelKind};

use super::harness::{harness_of, open_panel};

/// The app on an untitled copy of `review` in a window of `size`.
fn app_on(
    review: Review,
    folder: &std::path::Path,
    size: (f32, f32),
) -> Harness<'static, ForesightApp> {
    let app = ForesightApp::new(Document::untitled(review), folder.to_path_buf());
    let mut harness = harness_of(app, size, 12);
    harness.run();
    harness
}

/// Turns the projector setting on from the View menu.
fn projector_on(harness: &mut Harness<'_, ForesightApp>) {
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Projector").click();
    harness.run();
    // Close the menu.
    harness.key_press(Key::Escape);
    harness.run();
}

#[test]
fn a_date_typed_the_uk_way_is_stored_and_shown_back_in_words() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = app_on(munro_appendix2(), folder.path(), (1280.0, 800.0));
    open_panel(&mut harness, "Episodes");
    harness.get_by_label("Add episode").click();
    harness.run();
    // A new record's title takes the keyboard focus.
    assert!(harness.get_by_label("Episode title").is_focused());
    harness.get_by_label("Start").click();
    harness.run();
    harness.get_by_label("Start").type_text("31/05/2023");
    harness.run();
    let stored = harness_start(&harness);
    assert_eq!(stored, ReviewDate::day(2023, 5, 31));
    assert_eq!(stored.unwrap().to_string(), "2023-05-31");
    // While the figures are on screen, how they were read is said.
    assert!(harness.query_by_label("31 May 2023").is_some());

    // Leaving the field shows the date back in words.
    harness.key_press(Key::Tab);
    harness.run();
    assert_eq!(
        harness.get_by_label("Start").value().as_deref(),
        Some("31 May 2023")
    );
    assert_eq!(harness_start(&harness), ReviewDate::day(2023, 5, 31));
    assert!(harness.query_by_label_contains("is not a date").is_none());
}

/// The start of the last episode of the review in the harness.
fn harness_start(harness: &Harness<'_, ForesightApp>) -> Option<ReviewDate> {
    harness
        .state()
        .document()
        .review()
        .episodes
        .last()
        .unwrap()
        .start
}

#[test]
fn the_start_screen_opens_a_worked_example() {
    let folder = tempfile::tempdir().unwrap();
    let app = ForesightApp::new(
        Document::untitled(Review::new("Scratch")),
        folder.path().to_path_buf(),
    )
    .with_start_screen();
    let mut harness = harness_of(app, (1280.0, 720.0), 12);
    harness.run();
    assert!(harness.state().start_screen_open());
    assert!(harness.query_by_label("Worked examples").is_some());
    assert!(harness.query_by_label("New review").is_some());
    // The tour lists the panels in the order a review proceeds.
    assert!(harness.query_by_label("3. Chronology").is_some());
    let munro = munro_appendix2().meta.title;
    let example = harness.get_by_label(&munro);
    example.scroll_to_me();
    harness.run();
    harness.get_by_label(&munro).click();
    harness.run();
    assert!(!harness.state().start_screen_open());
    assert_eq!(harness.state().document().review().meta.title, munro);
    assert!(harness.state().document().path().is_none());
    assert!(
        harness
            .state()
            .window_title()
            .starts_with("Munro Review, Appendix 2")
    );
}

#[test]
fn the_start_screen_closes_onto_the_open_review_and_comes_back_from_help() {
    let folder = tempfile::tempdir().unwrap();
    let app = ForesightApp::new(
        Document::untitled(worked_case()),
        folder.path().to_path_buf(),
    )
    .with_start_screen();
    let mut harness = harness_of(app, (1280.0, 720.0), 12);
    harness.run();
    harness
        .get_by_label_contains("Continue with Child B")
        .click();
    harness.run();
    assert!(!harness.state().start_screen_open());
    assert_eq!(harness.state().panel(), PanelKind::Overview);
    harness.get_by_label("Help").click();
    harness.run();
    harness.get_by_label("Start screen").click();
    harness.run();
    assert!(harness.state().start_screen_open());
    // A step of the tour shows its panel.
    harness.get_by_label("5. Factors & conditions").click();
    harness.run();
    assert!(!harness.state().start_screen_open());
    assert_eq!(harness.state().panel(), PanelKind::Factors);
}

#[test]
fn the_window_title_is_the_reviews_title() {
    let folder = tempfile::tempdir().unwrap();
    let harness = app_on(worked_case(), folder.path(), (1280.0, 800.0));
    let title = harness.state().window_title();
    assert!(
        title.starts_with("Child B: a local child safeguarding practice review"),
        "{title}"
    );
    assert!(!title.contains("Untitled review"), "{title}");
    assert!(title.ends_with(" — Foresight"), "{title}");
}

#[test]
fn help_lists_the_shortcuts_and_explains_every_language_category() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = app_on(worked_case(), folder.path(), (1280.0, 800.0));
    harness.key_press(Key::F1);
    harness.run();
    assert!(harness.state().help_topic().is_some());
    assert!(
        harness
            .query_by_label_contains("Save as a new file")
            .is_some()
    );
    harness.get_by_label("Language categories").click();
    harness.run();
    for category in foresight::analysis::language::Category::ALL {
        assert!(
            harness.query_by_label(category.code()).is_some(),
            "{} is not explained",
            category.code()
        );
    }
    assert!(
        harness
            .query_by_label_contains("Fault placed on the person nearest")
            .is_some()
    );
    harness.get_by_label("Files and templates").click();
    harness.run();
    assert!(harness.query_by_label("Your templates").is_some());
    harness.get_by_label("Merging two copies").click();
    harness.run();
    assert!(harness.query_by_label("The common ancestor").is_some());
    assert!(
        harness
            .query_by_label_contains("keep the file you sent or received in the same folder")
            .is_some()
    );
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.state().help_topic().is_none());
}

#[test]
fn every_sidebar_item_is_reachable_at_1280x720_with_the_projector_setting() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = app_on(worked_case(), folder.path(), (1280.0, 720.0));
    projector_on(&mut harness);
    // The sidebar's visible part ends where the status bar starts.
    let bottom = harness.get_by_label("Not saved to a file yet").rect().top();
    for kind in PanelKind::ALL {
        let button = harness.get_by_label(kind.label());
        button.scroll_to_me();
        harness.run();
        let rect = harness.get_by_label(kind.label()).rect();
        assert!(
            rect.top() >= 0.0 && rect.bottom() <= bottom && rect.height() > 20.0,
            "{} is out of the window at {rect:?}",
            kind.label()
        );
        harness.get_by_label(kind.label()).click();
        // A panel may start a worker (the Loops panel's finder) and show a
        // spinner until it ends, however busy the machine is.
        settle(&mut harness);
        assert_eq!(
            harness.state().panel(),
            kind,
            "{} did not open",
            kind.label()
        );
    }
}

#[test]
fn a_long_episode_title_appears_in_full_in_its_list_row() {
    let folder = tempfile::tempdir().unwrap();
    let mut review = worked_case();
    let title = "Home visit after the second police notification, when the health visitor \
                 and the family support worker each believed the other would refer, and \
                 the duty manager's queue held forty unallocated contacts that week";
    review.episodes.push(PracticeEpisode {
        id: review.next_id(foresight::model::RecordKind::Episode),
        title: title.to_string(),
        ..Default::default()
    });
    let id = review.episodes.last().unwrap().id.clone();
    let mut harness = app_on(review, folder.path(), (1280.0, 720.0));
    projector_on(&mut harness);
    open_panel(&mut harness, "Episodes");
    let label = format!("{id}  {title}");
    let row = harness.get_by_label(&label);
    row.scroll_to_me();
    harness.run();
    let row = harness.get_by_label(&label).rect();
    let one_line = harness.get_by_label("Add episode").rect().height();
    // The whole title is drawn, wrapped over several lines inside the list.
    assert!(
        row.height() > 2.5 * one_line,
        "the row is {} high, a line {one_line}",
        row.height()
    );
    // …and it stays inside the list, left of the episode's form.
    harness.get_by_label(&label).click();
    harness.run();
    let form = harness.get_by_label("Episode title").rect();
    assert!(
        row.left() >= 0.0 && row.right() <= form.left(),
        "{row:?} {form:?}"
    );
}

#[test]
fn a_review_dropped_on_the_window_opens_and_a_csv_opens_the_import_preview() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("munro.review.ron");
    foresight::store::save(&path, &munro_appendix2()).unwrap();
    let app = ForesightApp::new(
        Document::untitled(worked_case()),
        folder.path().join("recovery"),
    )
    .with_start_screen();
    let mut harness = harness_of(app, (1280.0, 800.0), 12);
    harness.run();
    harness.state_mut().drop_files(vec![path.clone()]);
    harness.run();
    assert_eq!(harness.state().document().path(), Some(path.as_path()));
    assert!(!harness.state().start_screen_open());

    let csv =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/chronology/police.csv");
    harness.state_mut().drop_files(vec![csv]);
    harness.run();
    assert_eq!(harness.state().panel(), PanelKind::Chronology);
    assert!(
        harness
            .query_by_label("Import an agency chronology")
            .is_some()
    );
    assert!(
        harness
            .query_by_label("First rows as they will be imported")
            .is_some()
    );

    // Anything else is refused with its name.
    harness
        .state_mut()
        .drop_files(vec!["/tmp/notes.pdf".into()]);
    harness.run();
    // (the import dialog is modal: the drop waits until it is closed)
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(
        harness
            .state()
            .errors()
            .iter()
            .any(|e| e.contains("notes.pdf is not a review")),
        "{:?}",
        harness.state().errors()
    );
}

#[test]
fn a_new_empty_finding_is_not_invited_to_be_tagged_learning() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = app_on(worked_case(), folder.path(), (1280.0, 800.0));
    open_panel(&mut harness, "Findings");
    harness.get_by_label("Add finding").click();
    harness.run();
    assert!(harness.get_by_label("Finding title").is_focused());
    assert!(
        harness
            .query_by_label_contains("Write the finding first")
            .is_some()
    );
    assert!(
        harness
            .query_by_label("Tag it learning, as suggested")
            .is_none()
    );
}

#[test]
fn presentation_at_1280x720_with_the_projector_setting_is_readable_from_the_back_of_a_room() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = app_on(munro_appendix2(), folder.path(), (1280.0, 720.0));
    projector_on(&mut harness);
    open_panel(&mut harness, "Map");
    harness.get_by_label("Present").click();
    harness.run();
    harness.key_press(Key::End);
    harness.run();
    let presentation = harness.state().presentation().expect("presenting");
    assert_eq!(presentation.stage, 4, "stage 5 of the Munro diagram");
    assert!(presentation.notes, "with its speaker notes shown");
    let fit = *presentation.fit().expect("the diagram is drawn");
    // Node labels of at least 18 points, S/O letters nearly as large,
    // loop labels larger.
    let (label, mark, badge) = (fit.label, fit.mark_letter(), fit.badge_letter());
    eprintln!("labels {label:.1} px, S/O letters {mark:.1} px, loop labels {badge:.1} px");
    assert!(label >= 18.0, "labels of {label:.1} px");
    assert!(mark >= 15.0, "S/O letters of {mark:.1} px");
    assert!(badge >= 18.0, "loop labels of {badge:.1} px");
}

/// Runs frames until the app stops asking for more: a worker it waits on
/// (with a spinner meanwhile) has ended.
fn settle(harness: &mut Harness<'_, ForesightApp>) {
    for _ in 0..500 {
        if harness.try_run().is_ok() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("the app kept repainting for ten seconds");
}
