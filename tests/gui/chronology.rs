//! The chronology through the app's real interface, with egui_kittest:
//! importing a CSV through the import dialog, filtering the table by agency,
//! selecting entries and making a key practice episode of them, filling its
//! local-rationality questions, and undoing. The accessibility check stays on.

use std::path::Path;

use super::harness::harness_of;
use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use foresight::document::Document;
use foresight::import::cast::{import_cast, parse_cast};
use foresight::import::chronology::{ImportSource, import_chronology, read_chronology};
use foresight::model::{Id, Review};
use foresight::ui::ForesightApp;

const DATA: &str = "tests/data/chronology";

/// The sample case's cast, and its chronology when `with_entries`.
fn sample_review(with_entries: bool) -> Review {
    let mut review = Review::new("Child D");
    let bytes = std::fs::read(Path::new(DATA).join("cast.csv")).unwrap();
    let rows = parse_cast(&bytes, "cast.csv").unwrap();
    import_cast(&review, &rows)
        .change
        .apply(&mut review)
        .unwrap();
    if with_entries {
        let files: Vec<(String, Vec<_>)> = [
            "police.csv",
            "health-visiting.csv",
            "childrens-social-care.tsv",
            "school.csv",
        ]
        .iter()
        .map(|name| {
            let bytes = std::fs::read(Path::new(DATA).join(name)).unwrap();
            let file = read_chronology(&bytes, name, None).unwrap();
            assert!(file.problems.is_empty(), "{:?}", file.problems);
            (name.to_string(), file.rows)
        })
        .collect();
        let sources: Vec<ImportSource> = files
            .iter()
            .map(|(name, rows)| ImportSource {
                file: name,
                rows,
                default_agency: None,
            })
            .collect();
        import_chronology(&review, &sources)
            .change
            .apply(&mut review)
            .unwrap();
    }
    review
}

fn open_chronology(harness: &mut Harness<'_, ForesightApp>) {
    harness.get_by_label("Chronology").click();
    harness.run();
}

/// Types a file's path into the import dialog's file field.
fn choose_import_file(harness: &mut Harness<'_, ForesightApp>, path: &Path) {
    harness.get_by_label("Chronology file (CSV or TSV)").click();
    harness.run();
    harness
        .get_by_label("Chronology file (CSV or TSV)")
        .type_text(path.to_str().unwrap());
    harness.run();
}

#[test]
fn a_csv_is_imported_through_the_dialog_after_a_preview() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness_of(
        ForesightApp::new(
            Document::untitled(sample_review(false)),
            folder.path().to_path_buf(),
        ),
        (1400.0, 900.0),
        24,
    );
    harness.run();
    open_chronology(&mut harness);
    harness.get_by_label("Import CSV…").click();
    harness.run();
    assert!(
        harness
            .query_by_label("Import an agency chronology")
            .is_some()
    );

    let path = std::fs::canonicalize(Path::new(DATA).join("police.csv")).unwrap();
    choose_import_file(&mut harness, &path);
    harness.get_by_label("Preview").click();
    harness.run();

    // The preview shows how the file was read; nothing is written yet.
    assert!(
        harness
            .query_by_label("First rows as they will be imported")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("police.csv: 4 rows, comma-separated")
            .is_some()
    );
    assert_eq!(harness.query_all_by_label("3 April 2021").count(), 2);
    assert!(harness.query_by_label("c. November 2021").is_some());
    assert!(harness.state().document().review().chronology.is_empty());
    assert!(!harness.state().is_dirty());

    harness.get_by_label("Import 4 entries").click();
    harness.run();
    let review = harness.state().document().review();
    assert_eq!(review.chronology.len(), 4);
    assert!(
        review
            .chronology
            .iter()
            .all(|e| e.agency == Some(Id::from("A1")))
    );
    assert!(
        harness
            .query_by_label("Import an agency chronology")
            .is_none()
    );
    assert!(
        harness
            .state()
            .document()
            .undo_label()
            .is_some_and(|l| l.starts_with("Import chronology: "))
    );
    assert!(harness.query_by_label("4 of 4 entries").is_some());

    // Importing the same file again finds nothing new.
    harness.get_by_label("Import CSV…").click();
    harness.run();
    choose_import_file(&mut harness, &path);
    harness.get_by_label("Preview").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Will add 0 entries (4 already in the review")
            .is_some()
    );
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(harness.state().document().review().chronology.len(), 4);
}

#[test]
fn a_file_with_a_bad_date_is_not_imported_unless_bad_rows_are_skipped() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness_of(
        ForesightApp::new(
            Document::untitled(sample_review(false)),
            folder.path().to_path_buf(),
        ),
        (1400.0, 900.0),
        24,
    );
    harness.run();
    open_chronology(&mut harness);
    harness.get_by_label("Import CSV…").click();
    harness.run();
    let path = std::fs::canonicalize(Path::new(DATA).join("broken-date.csv")).unwrap();
    harness.get_by_label("Chronology file (CSV or TSV)").click();
    harness.run();
    harness
        .get_by_label("Chronology file (CSV or TSV)")
        .type_text(path.to_str().unwrap());
    harness.key_press(Key::Enter);
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Row 3: cannot read the date `31/02/2021`")
            .is_some()
    );
    harness.get_by_label("Import 2 entries").click();
    harness.run();
    assert!(
        harness.state().document().review().chronology.is_empty(),
        "the button is disabled while there are bad rows"
    );
    harness
        .get_by_label("Skip the rows that cannot be read and import the rest")
        .click();
    harness.run();
    harness.get_by_label("Import 2 entries").click();
    harness.run();
    assert_eq!(harness.state().document().review().chronology.len(), 2);
}

#[test]
fn entries_filtered_by_agency_become_an_episode_whose_view_is_recorded_and_undone() {
    let review = sample_review(true);
    let before = review.clone();
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness_of(
        ForesightApp::new(Document::untitled(review), folder.path().to_path_buf()),
        (1400.0, 900.0),
        24,
    );
    harness.run();
    open_chronology(&mut harness);
    assert!(harness.query_by_label("18 of 18 entries").is_some());

    // Filter by agency.
    harness.get_by_label("Agency filter").click();
    harness.run();
    harness.get_by_label("Westmoor Children's Services").click();
    harness.run();
    assert!(harness.query_by_label("5 of 18 entries").is_some());
    assert!(
        harness
            .query_by_label_contains("Oakfield Primary School:")
            .is_none(),
        "another agency's entries are filtered out"
    );

    // A click selects one entry; Ctrl+click adds two more.
    harness
        .get_by_label_contains("Police notification screened")
        .click();
    harness.run();
    assert!(harness.query_by_label("Chronology entry C10").is_some());
    for text in ["Referral from school", "Home visit by SW Ellis"] {
        harness
            .get_by_label_contains(text)
            .click_modifiers(Modifiers::COMMAND);
        harness.run();
    }
    assert!(harness.query_by_label("· 3 selected").is_some());
    assert!(harness.query_by_label("3 entries selected").is_some());

    harness
        .get_by_label("Make episode from 3 selected entries")
        .click();
    harness.run();
    let episodes = &harness.state().document().review().episodes;
    assert_eq!(episodes.len(), 1);
    let episode = &episodes[0];
    let texts: Vec<String> = episode
        .entries
        .iter()
        .map(|id| harness.state().document().review().title_of(id))
        .collect();
    assert_eq!(texts.len(), 3);
    assert!(texts[0].starts_with("5 April 2021 Police notification screened"));
    assert!(texts[2].starts_with("10 May 2021 Home visit"));
    assert_eq!(episode.start.unwrap().to_string(), "2021-04-05");
    assert_eq!(episode.end.unwrap().to_string(), "2021-05-10");
    assert_eq!(episode.people, [Id::from("P6")], "the social worker");

    // The episode's form opens beside the table: fill a local-rationality
    // question.
    let answer = "A single argument that the mother said was over";
    harness
        .get_by_label("What did you think was going on?")
        .click();
    harness.run();
    harness
        .get_by_label("What did you think was going on?")
        .type_text(answer);
    harness.run();
    let review = harness.state().document().review();
    assert_eq!(review.episodes[0].mindset.going_on, answer);

    // Undo takes back the answer, then the episode.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().document().review().episodes[0]
            .mindset
            .going_on,
        ""
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().document().review(), &before);
    assert!(harness.state().document().undo_label().is_none());

    // The answers survive a save and a reload.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    let path = folder.path().join("d.review.ron");
    foresight::store::save(&path, harness.state().document().review()).unwrap();
    let loaded = foresight::store::load(&path).unwrap();
    assert_eq!(loaded.episodes[0].mindset.going_on, answer);
}

#[test]
fn the_timeline_and_the_childs_journey_show_the_worked_example() {
    let folder = tempfile::tempdir().unwrap();
    let review = foresight::examples::worked_case();
    let entries = review.chronology.len();
    let mut harness = harness_of(
        ForesightApp::new(Document::untitled(review), folder.path().to_path_buf()),
        (1400.0, 900.0),
        24,
    );
    harness.run();
    open_chronology(&mut harness);
    assert!(
        harness
            .query_by_label(&format!("{entries} of {entries} entries"))
            .is_some()
    );
    harness.get_by_label("Timeline").click();
    harness.run();
    assert!(
        harness
            .query_by_label("Timeline of the chronology by agency")
            .is_some()
    );
    harness.get_by_label("Zoom in").click();
    harness.run();
    harness.get_by_label("Fit all").click();
    harness.run();

    harness.get_by_label("Child's journey").click();
    harness.run();
    assert!(harness.query_by_label("Child B's journey").is_some());
    assert!(
        harness
            .query_by_label("Days without any professional seeing the child")
            .is_some()
    );
    assert!(
        harness
            .query_by_label("When the child was seen and heard")
            .is_some()
    );
    // A click on an entry of the journey shows that entry.
    harness
        .get_by_label_contains("12-month review (delayed from August")
        .click();
    harness.run();
    assert!(harness.query_by_label("Chronology entry C1").is_some());
}

#[test]
fn the_cast_panel_suggests_names_from_the_chronology() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness_of(
        ForesightApp::new(
            Document::untitled(sample_review(true)),
            folder.path().to_path_buf(),
        ),
        (1400.0, 900.0),
        24,
    );
    harness.run();
    harness.get_by_label("Cast").click();
    harness.run();
    harness
        .get_by_label("Suggestions from the chronology")
        .click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Dean Tully — 1 mention")
            .is_some()
    );
    harness.get_by_label("Add Dean Tully as a person").click();
    harness.run();
    let people = &harness.state().document().review().people;
    assert_eq!(people.last().unwrap().name, "Dean Tully");
    assert!(
        harness
            .query_by_label_contains("Dean Tully — 1 mention")
            .is_none()
    );
}

#[test]
fn the_import_preview_shows_all_its_rows_and_the_button_on_the_frame_the_file_is_read() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness_of(
        ForesightApp::new(
            Document::untitled(sample_review(false)),
            folder.path().to_path_buf(),
        ),
        (1280.0, 1000.0),
        24,
    );
    harness.run();
    open_chronology(&mut harness);
    harness.get_by_label("Import CSV…").click();
    harness.run();
    let path = std::fs::canonicalize(Path::new(DATA).join("health-visiting.csv")).unwrap();
    choose_import_file(&mut harness, &path);
    harness.get_by_label("Preview").click();
    // One frame: the file is read and drawn.
    harness.step();
    let summary = harness.get_by_label_contains("Will add 5 entries").rect();
    let heading = harness
        .get_by_label("First rows as they will be imported")
        .rect();
    let button = harness.get_by_label("Import 5 entries");
    assert!(!button.accesskit_node().is_disabled());
    // Everything the preview says lies above the buttons under it, in
    // view, not scrolled out of a one-row window.
    assert!(heading.bottom() < summary.top());
    let first = button.rect();
    assert!(summary.bottom() <= first.top(), "{summary:?} {first:?}");
    // And it stays so: nothing grows frame by frame.
    harness.run();
    assert_eq!(harness.get_by_label("Import 5 entries").rect(), first);
}

#[test]
fn the_import_preview_says_which_names_it_takes_as_one_agency() {
    let folder = tempfile::tempdir().unwrap();
    let csv = folder.path().join("pharmacy.csv");
    std::fs::write(
        &csv,
        "Date,Agency,Author,Text\n\
         03/04/2021,Hartshorn Pharmacy,Pharmacist,Prescription not collected.\n\
         10/04/2021,Pharmacy,Pharmacist,Collected by grandmother.\n",
    )
    .unwrap();
    let mut harness = harness_of(
        ForesightApp::new(
            Document::untitled(sample_review(false)),
            folder.path().to_path_buf(),
        ),
        (1400.0, 900.0),
        24,
    );
    harness.run();
    open_chronology(&mut harness);
    harness.get_by_label("Import CSV…").click();
    harness.run();
    choose_import_file(&mut harness, &csv);
    harness.get_by_label("Preview").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Taken as one agency")
            .is_some()
            && harness
                .query_by_label_contains("Pharmacy as Hartshorn Pharmacy")
                .is_some(),
        "the preview does not say which names are one agency"
    );
    let before = harness.state().document().review().agencies.len();
    harness.get_by_label("Import 2 entries").click();
    harness.run();
    let review = harness.state().document().review();
    assert_eq!(review.agencies.len(), before + 1);
    let pharmacy = review.agencies.last().unwrap();
    assert_eq!(pharmacy.name, "Hartshorn Pharmacy");
    assert_eq!(pharmacy.aliases, ["Pharmacy"]);
    assert!(
        review
            .chronology
            .iter()
            .all(|e| e.agency == Some(pharmacy.id.clone()))
    );
}
