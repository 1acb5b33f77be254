//! The desktop app driven through its real UI with egui_kittest: widgets
//! are found by their accessible names, clicked and typed into, and the
//! document is checked afterwards. The accessibility check stays on, so
//! every input widget the tests pass over must have a name.

use std::time::{Duration, Instant};

use super::harness::{harness_of, open_panel};
use eframe::egui::{Key, Modifiers};
use egui_kittest::{Harness, kittest::Queryable};
use foresight::document::Document;
use foresight::examples::munro_appendix2;
use foresight::model::{
    ChronologyEntry, ContributingFactor, Id, LinkKind, PracticeEpisode, Review, ReviewDate,
};
use foresight::store::recovery;
use foresight::ui::{ForesightApp, PanelKind};

/// The bundled worked example.
fn example_review() -> Review {
    foresight::examples::worked_case()
}

/// Clicks "Add factor" on the Factors & conditions panel and types a
/// statement one character at a time, as a user would.
fn add_factor_with_statement(harness: &mut Harness<'_, ForesightApp>, statement: &str) {
    open_panel(harness, "Factors & conditions");
    harness.get_by_label("Add factor").click();
    harness.run();
    harness.get_by_label("Statement").click();
    harness.run();
    for ch in statement.chars() {
        harness.get_by_label("Statement").type_text(&ch.to_string());
        harness.run();
    }
}

#[test]
fn every_panel_shows_and_a_typed_factor_is_one_undo_step() {
    let review = example_review();
    let original_factors = review.factors.clone();
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness_of(
        ForesightApp::new(Document::untitled(review), folder.path().to_path_buf()),
        (1280.0, 800.0),
        12,
    );
    harness.run();

    for (panel, kind, shown) in [
        ("Overview", PanelKind::Overview, "Review details"),
        ("Cast", PanelKind::Cast, "People in the case"),
        (
            "Chronology",
            PanelKind::Chronology,
            "Multi-agency chronology",
        ),
        ("Episodes", PanelKind::Episodes, "Key practice episodes"),
        (
            "Factors & conditions",
            PanelKind::Factors,
            "Contributing factors",
        ),
        (
            "Findings",
            PanelKind::Findings,
            "Findings in the systems format",
        ),
        ("Map", PanelKind::Map, "Diagrams"),
        ("Loops", PanelKind::Loops, "Named loops"),
        ("Report", PanelKind::Report, "Publication readiness"),
    ] {
        open_panel(&mut harness, panel);
        assert_eq!(harness.state().panel(), kind);
        assert!(
            harness.query_by_label(shown).is_some(),
            "the {panel} panel should show {shown:?}"
        );
    }
    assert!(
        harness
            .query_by_label_contains("will be published")
            .is_some()
    );

    let statement = "Caseloads above the team's own ceiling";
    add_factor_with_statement(&mut harness, statement);
    let document = harness.state().document();
    assert_eq!(document.review().factors.len(), original_factors.len() + 1);
    assert_eq!(
        document.review().factors.last().unwrap().statement,
        statement
    );
    assert!(document.is_dirty());
    assert!(harness.state().window_title().starts_with("● "));

    // Ctrl+Z takes back the whole typed statement in one step…
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let factors = &harness.state().document().review().factors;
    assert_eq!(factors.len(), original_factors.len() + 1);
    assert_eq!(factors.last().unwrap().statement, "");
    assert_eq!(
        harness.state().document().undo_label(),
        Some("Add contributing factor")
    );

    // …and the Edit menu's Undo takes back the factor itself.
    harness.get_by_label("Edit").click();
    harness.run();
    harness
        .get_by_label_contains("Undo Add contributing factor")
        .click();
    harness.run();
    assert_eq!(
        harness.state().document().review().factors,
        original_factors
    );
    assert!(
        harness
            .query_by_label("Undid: Add contributing factor")
            .is_some()
    );

    // Redo brings it back.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(
        harness.state().document().review().factors.len(),
        original_factors.len() + 1
    );
}

/// Lets the autosave worker finish writing the review as it now is: the
/// recovery file is written off the UI thread, a little after the frame
/// that started it.
fn settle_autosave(harness: &mut Harness<'_, ForesightApp>) {
    for _ in 0..100 {
        harness.state_mut().finish_autosave();
        harness.run();
        if !harness.state().document().needs_autosave() {
            harness.state_mut().finish_autosave();
            return;
        }
    }
    panic!("the review was never autosaved as it is");
}

#[test]
fn autosave_writes_a_recovery_file_that_is_offered_at_the_next_start() {
    let folder = tempfile::tempdir().unwrap();
    let mut app = ForesightApp::new(
        Document::untitled(munro_appendix2()),
        folder.path().to_path_buf(),
    );
    app.set_autosave_interval(Duration::ZERO);
    let mut harness = harness_of(app, (1280.0, 800.0), 12);
    harness.run();
    assert!(
        recovery::find(folder.path()).is_empty(),
        "nothing to autosave before a change"
    );

    add_factor_with_statement(&mut harness, "Supervision cancelled");
    settle_autosave(&mut harness);
    let file = harness.state().recovery_file().to_path_buf();
    assert!(
        file.exists(),
        "the recovery file {} should exist",
        file.display()
    );
    let found = recovery::find(folder.path());
    assert_eq!(found.len(), 1);
    let recovered = found[0].1.as_ref().unwrap();
    assert_eq!(&recovered.review, harness.state().document().review());
    assert_eq!(recovered.original, None);
    let lost_work = recovered.review.clone();
    drop(harness);

    // The app "crashed": the next start offers the work back.
    let mut harness = harness_of(
        ForesightApp::new(
            Document::untitled(Review::new("Another")),
            folder.path().to_path_buf(),
        ),
        (1280.0, 800.0),
        12,
    );
    harness.run();
    assert!(harness.query_by_label("Recover unsaved work?").is_some());
    harness.get_by_label("Recover").click();
    harness.run();
    let document = harness.state().document();
    assert_eq!(document.review(), &lost_work);
    assert!(
        harness.state().is_dirty(),
        "recovered work is unsaved until the user saves it"
    );
    assert!(harness.state().window_title().starts_with("● "));
    assert!(harness.query_by_label("Recover unsaved work?").is_none());
}

#[test]
fn discarding_recovered_work_deletes_its_file() {
    let folder = tempfile::tempdir().unwrap();
    let file = recovery::recovery_path(folder.path(), None, "crashed");
    let record = recovery::Recovery {
        original: None,
        written_at: "2026-11-26T10:00:00+00:00".into(),
        review: Review::new("Lost"),
        revisions: Vec::new(),
    };
    recovery::write(&file, &record).unwrap();
    let mut harness = harness_of(
        ForesightApp::new(
            Document::untitled(munro_appendix2()),
            folder.path().to_path_buf(),
        ),
        (1280.0, 800.0),
        12,
    );
    harness.run();
    assert!(harness.query_by_label("Lost").is_some());
    harness.get_by_label("Discard").click();
    harness.run();
    assert!(!file.exists());
    assert_eq!(harness.state().document().review(), &munro_appendix2());
}

#[test]
fn new_asks_before_unsaved_changes_are_dropped() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness_of(
        ForesightApp::new(
            Document::untitled(munro_appendix2()),
            folder.path().to_path_buf(),
        ),
        (1280.0, 800.0),
        12,
    );
    harness.run();
    add_factor_with_statement(&mut harness, "Workload");
    let changed = harness.state().document().review().clone();

    // File ▸ New while dirty asks first; Cancel keeps everything.
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("New").click();
    harness.run();
    assert!(
        harness
            .query_by_label("Save the changes to Untitled review?")
            .is_some()
    );
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(harness.state().document().review(), &changed);

    // Ctrl+N asks again; Don't save starts an empty review.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    assert!(harness.query_by_label("Don't save").is_some());
    harness.get_by_label("Don't save").click();
    harness.run();
    let document = harness.state().document();
    assert!(document.review().factors.is_empty());
    assert!(!document.is_dirty());
}

#[test]
fn save_writes_the_file_and_removes_the_recovery_file() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("case.review.ron");
    foresight::store::save(&path, &munro_appendix2()).unwrap();
    let recovery_folder = folder.path().join("recovery");
    let mut app = ForesightApp::new(Document::open(&path).unwrap(), recovery_folder.clone());
    app.set_autosave_interval(Duration::ZERO);
    let mut harness = harness_of(app, (1280.0, 800.0), 12);
    harness.run();
    assert_eq!(
        harness.state().window_title(),
        "Munro Review, Appendix 2: applying systems thinking to child protection — case.review.ron — Foresight"
    );

    add_factor_with_statement(&mut harness, "Out-of-hours cover");
    settle_autosave(&mut harness);
    assert!(harness.state().recovery_file().exists());
    assert_eq!(
        harness.state().window_title(),
        "● Munro Review, Appendix 2: applying systems thinking to child protection — case.review.ron — Foresight"
    );

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(!harness.state().document().is_dirty());
    assert!(!harness.state().recovery_file().exists());
    let saved = foresight::store::load(&path).unwrap();
    assert_eq!(
        saved.factors.last().unwrap().statement,
        "Out-of-hours cover"
    );
    assert!(harness.query_by_label("Saved").is_some());
}

#[test]
fn an_invalid_date_is_shown_with_its_error_and_never_stored() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness_of(
        ForesightApp::new(
            Document::untitled(munro_appendix2()),
            folder.path().to_path_buf(),
        ),
        (1280.0, 800.0),
        12,
    );
    harness.run();
    open_panel(&mut harness, "Episodes");
    harness.get_by_label("Add episode").click();
    harness.run();
    harness.get_by_label("Start").click();
    harness.run();
    harness.get_by_label("Start").type_text("2021-13");
    harness.run();
    assert!(harness.query_by_label_contains("is not a date").is_some());
    assert_eq!(
        harness
            .state()
            .document()
            .review()
            .episodes
            .last()
            .unwrap()
            .start,
        None
    );

    // Fixing the text stores the date at its own precision.
    harness.key_press(Key::Backspace);
    harness.run();
    harness.get_by_label("Start").type_text("2");
    harness.run();
    let episode = harness
        .state()
        .document()
        .review()
        .episodes
        .last()
        .unwrap()
        .clone();
    assert_eq!(episode.start, ReviewDate::month(2021, 12));
    assert!(harness.query_by_label_contains("is not a date").is_none());
    assert!(harness.query_by_label("December 2021").is_some());
}

#[test]
fn a_chronology_of_twenty_thousand_entries_stays_responsive() {
    let mut review = munro_appendix2();
    review.chronology = (0..20_000)
        .map(|i| ChronologyEntry {
            id: Id::new(format!("C{}", i + 1)),
            date: ReviewDate::day(2015 + (i % 8), 1 + (i % 12) as u32, 1 + (i % 28) as u32)
                .unwrap(),
            agency: None,
            author: "Health visitor".into(),
            text: format!("Home visit number {i}: the child was seen and weighed."),
            people: Vec::new(),
            source: None,
        })
        .collect();
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness_of(
        ForesightApp::new(Document::untitled(review), folder.path().to_path_buf()),
        (1280.0, 800.0),
        12,
    );
    harness.run();
    open_panel(&mut harness, "Chronology");
    assert!(harness.query_by_label("20000 of 20000 entries").is_some());

    let started = Instant::now();
    harness.run_steps(10);
    let per_frame = started.elapsed() / 10;
    assert!(
        per_frame < Duration::from_millis(250),
        "a frame of the chronology took {per_frame:?}"
    );

    harness.get_by_label("Filter entries").click();
    harness.run();
    harness
        .get_by_label("Filter entries")
        .type_text("number 1234:");
    harness.run();
    assert!(harness.query_by_label("1 of 20000 entries").is_some());
}

/// Clicks the list row of a record (rows read "<id>  <title>").
fn click_row(harness: &mut Harness<'_, ForesightApp>, id: &Id) {
    let prefix = format!("{id}  ");
    harness
        .get_all_by_label_contains(&prefix)
        .next()
        .unwrap_or_else(|| panic!("no row for {id}"))
        .click();
    harness.run();
}

#[test]
fn every_form_shows_with_named_fields() {
    let review = example_review();
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness_of(
        ForesightApp::new(
            Document::untitled(review.clone()),
            folder.path().to_path_buf(),
        ),
        (1280.0, 800.0),
        12,
    );
    harness.run();
    assert!(harness.query_by_label("Terms of reference").is_some());

    open_panel(&mut harness, "Cast");
    if let Some(person) = review.people.first() {
        click_row(&mut harness, &person.id);
        assert!(
            harness
                .query_by_label("Pseudonym used in exports")
                .is_some()
        );
    }
    open_panel(&mut harness, "Agencies");
    if let Some(agency) = review.agencies.first() {
        click_row(&mut harness, &agency.id);
        assert!(harness.query_by_label("Kind of agency").is_some());
    }
    open_panel(&mut harness, "Places");
    if let Some(place) = review.places.first() {
        click_row(&mut harness, &place.id);
        assert!(harness.query_by_label("Kind of place").is_some());
    }

    open_panel(&mut harness, "Chronology");
    harness.get_by_label("Add entry").click();
    harness.run();
    assert!(harness.query_by_label("What the record says").is_some());

    open_panel(&mut harness, "Episodes");
    if let Some(episode) = review.episodes.first() {
        click_row(&mut harness, &episode.id);
        assert!(
            harness
                .query_by_label("Why it made sense at the time (local rationality)")
                .is_some()
        );
    }

    open_panel(&mut harness, "Factors & conditions");
    if let Some(condition) = review.conditions.first() {
        click_row(&mut harness, &condition.id);
        assert!(harness.query_by_label("Since when").is_some());
    }
    if let Some(factor) = review.factors.first() {
        click_row(&mut harness, &factor.id);
        assert!(harness.query_by_label("Category").is_some());
    }

    open_panel(&mut harness, "Findings");
    if let Some(finding) = review.findings.first() {
        click_row(&mut harness, &finding.id);
        assert!(
            harness
                .query_by_label("Questions for the partnership")
                .is_some()
        );
    }

    open_panel(&mut harness, "Map");
    if !review.diagrams.is_empty() {
        assert!(harness.query_by_label("Diagram name").is_some());
    }

    open_panel(&mut harness, "Loops");
    open_panel(&mut harness, "Variables");
    if let Some(variable) = review.variables.first() {
        click_row(&mut harness, &variable.id);
        assert!(harness.query_by_label("Variable name").is_some());
    }
    open_panel(&mut harness, "Causal links");
    if let Some(link) = review
        .links
        .iter()
        .find(|l| matches!(l.kind, LinkKind::Causal { .. }))
    {
        click_row(&mut harness, &link.id);
        assert!(harness.query_by_label("Polarity").is_some());
    }
    open_panel(&mut harness, "Named loops");
    if let Some(named) = review.named_loops.first() {
        click_row(&mut harness, &named.id);
        assert!(harness.query_by_label("Variables, in loop order").is_some());
    }
}

#[test]
fn a_factor_is_linked_to_an_episode_and_unlinked_through_the_picker() {
    let mut review = munro_appendix2();
    review.episodes.push(PracticeEpisode {
        id: Id::from("E1"),
        title: "Referral closed after one phone call".into(),
        ..Default::default()
    });
    review.factors.push(ContributingFactor {
        id: Id::from("F1"),
        statement: "Duty team had forty open referrals".into(),
        ..Default::default()
    });
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness_of(
        ForesightApp::new(Document::untitled(review), folder.path().to_path_buf()),
        (1280.0, 800.0),
        12,
    );
    harness.run();
    open_panel(&mut harness, "Episodes");
    click_row(&mut harness, &Id::from("E1"));
    // The picker is below the fold of the episode form.
    harness
        .get_by_label("Add contributing factor…")
        .scroll_to_me();
    harness.run();
    harness.get_by_label("Add contributing factor…").click();
    harness.run();
    harness.get_by_label("Filter contributing factors").click();
    harness.run();
    harness
        .get_by_label("Filter contributing factors")
        .type_text("forty");
    harness.run();
    click_row(&mut harness, &Id::from("F1"));
    let contributed = |app: &ForesightApp| {
        app.document()
            .review()
            .links
            .iter()
            .filter(|l| {
                l.kind == LinkKind::ContributedTo
                    && l.from == Id::from("F1")
                    && l.to == Id::from("E1")
            })
            .count()
    };
    assert_eq!(contributed(harness.state()), 1);

    let remove = "Remove Duty team had forty open referrals from contributing factors";
    harness.get_by_label(remove).scroll_to_me();
    harness.run();
    harness.get_by_label(remove).click();
    harness.run();
    assert_eq!(contributed(harness.state()), 0);
}
