//! The case map canvas driven through the real app with egui_kittest:
//! pointer drags and key presses on the canvas, nodes found by their
//! accessible names, and the review checked after every step.

use eframe::egui::{self, Event, Key, Modifiers, PointerButton, Pos2, Rect, vec2};
use egui_kittest::{Harness, kittest::Queryable};
use foresight::document::Document;
use foresight::model::{
    Diagram, DiagramKind, DiagramNode, Id, Link, LinkKind, Polarity, Review, Variable,
};
use foresight::ui::ForesightApp;

use super::harness::{open_panel, type_into, wait_for};

fn harness_for(review: Review, folder: &std::path::Path) -> Harness<'static, ForesightApp> {
    let app = ForesightApp::new(Document::untitled(review), folder.to_path_buf());
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(12)
        // Frames 1/60 s apart, as on screen, so that two clicks in quick
        // succession make a double click.
        .with_step_dt(1.0 / 60.0)
        .build_ui_state(|ui, app: &mut ForesightApp| app.show(ui), app)
}

fn review_of(harness: &Harness<'_, ForesightApp>) -> Review {
    harness.state().document().review().clone()
}

fn rect_of(harness: &Harness<'_, ForesightApp>, label: &str) -> Rect {
    harness.get_by_label_contains(label).rect()
}

fn button(harness: &Harness<'_, ForesightApp>, at: Pos2, pressed: bool) {
    harness.event(Event::PointerButton {
        pos: at,
        button: PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    });
}

/// A real drag: move there, press, move in steps, release.
fn drag(harness: &mut Harness<'_, ForesightApp>, from: Pos2, to: Pos2) {
    harness.hover_at(from);
    harness.run();
    button(harness, from, true);
    harness.run();
    for k in 1..=4 {
        harness.hover_at(from + (to - from) * (k as f32 / 4.0));
        harness.run();
    }
    button(harness, to, false);
    harness.run();
    harness.remove_cursor();
    harness.run();
}

fn double_click(harness: &mut Harness<'_, ForesightApp>, at: Pos2) {
    // Half a second after any earlier click, so that this is not taken
    // for the end of a triple click.
    harness.run_steps(30);
    harness.hover_at(at);
    harness.run();
    for _ in 0..2 {
        button(harness, at, true);
        button(harness, at, false);
        harness.step();
    }
    harness.run();
}

fn ids(review: &Review) -> Vec<&str> {
    review.diagrams[0]
        .nodes
        .iter()
        .map(|n| n.item.as_str())
        .collect()
}

#[test]
fn two_nodes_made_linked_and_moved_on_the_canvas_undo_and_redo_step_by_step() {
    let folder = tempfile::tempdir().unwrap();
    let mut review = Review::new("Map test");
    review.diagrams.push(Diagram {
        id: Id::from("D1"),
        name: "Case map".into(),
        kind: DiagramKind::CaseMap,
        ..Default::default()
    });
    let mut harness = harness_for(review.clone(), folder.path());
    harness.get_by_label("Map").click();
    harness.run();
    let mut states = vec![review];

    // 1. A factor by keyboard: focus the canvas, N, type, Enter.
    harness.get_by_label("Map canvas: Case map").focus();
    harness.run();
    harness.key_press(Key::N);
    harness.run();
    harness
        .get_by_label("New factor")
        .type_text("Caseloads above the team's ceiling");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let after = review_of(&harness);
    assert_eq!(after.factors.len(), 1);
    assert_eq!(
        after.factors[0].statement,
        "Caseloads above the team's ceiling"
    );
    assert_eq!(ids(&after), vec!["F1"]);
    states.push(after);

    // 2. An episode by double-clicking the background, after choosing the
    // kind of new nodes.
    harness.get_by_label("New nodes").click();
    harness.run();
    harness.get_by_label("Episode").click();
    harness.run();
    let canvas = rect_of(&harness, "Map canvas: Case map");
    double_click(&mut harness, canvas.min + vec2(150.0, 110.0));
    harness
        .get_by_label("New episode")
        .type_text("Home visit in March");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let after = review_of(&harness);
    assert_eq!(after.episodes.len(), 1);
    assert_eq!(after.episodes[0].title, "Home visit in March");
    assert_eq!(ids(&after), vec!["F1", "E1"]);
    states.push(after);

    // 3. A link: drag from the factor's edge handle onto the episode. A
    // factor to an episode is "contributed to".
    let factor = rect_of(&harness, "Factor F1:");
    let episode = rect_of(&harness, "Episode E1:");
    drag(
        &mut harness,
        factor.right_center() - vec2(2.0, 0.0),
        episode.center(),
    );
    let after = review_of(&harness);
    assert_eq!(after.links.len(), 1, "{:?}", after.links);
    let link = &after.links[0];
    assert_eq!((link.from.as_str(), link.to.as_str()), ("F1", "E1"));
    assert_eq!(link.kind, LinkKind::ContributedTo);
    states.push(after);

    // 4. Move the episode by dragging its body.
    let before = states.last().unwrap().diagrams[0]
        .position(&Id::from("E1"))
        .unwrap();
    let episode = rect_of(&harness, "Episode E1:");
    drag(
        &mut harness,
        episode.center(),
        episode.center() + vec2(200.0, 300.0),
    );
    let after = review_of(&harness);
    let moved = after.diagrams[0].position(&Id::from("E1")).unwrap();
    let zoom = 1.0; // an empty map is shown at full size
    assert!(
        (moved.0 - before.0 - 200.0 / zoom).abs() <= 10.0
            && (moved.1 - before.1 - 300.0 / zoom).abs() <= 10.0,
        "{before:?} → {moved:?}"
    );
    assert_eq!(moved.0 % 20.0, 0.0, "snapped to the grid");
    assert_eq!(
        after.diagrams[0].position(&Id::from("F1")),
        states[3].diagrams[0].position(&Id::from("F1")),
        "the other node stays"
    );
    states.push(after);

    // Undo the four steps one by one, then redo them.
    for k in (0..4).rev() {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        harness.run();
        assert_eq!(
            review_of(&harness),
            states[k],
            "after undoing step {}",
            k + 1
        );
    }
    for (k, state) in states.iter().enumerate().skip(1) {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
        harness.run();
        assert_eq!(&review_of(&harness), state, "after redoing step {k}");
    }
}

/// A rises: B follows it (S) and D opposes it (O); C follows both B and D
/// (S), so the two paths disagree: ambiguous, and so is F after it; E
/// drives A; G stands apart.
fn small_causal_graph() -> Review {
    let mut review = Review::new("Ripple test");
    let names = [
        "Workload",
        "Overtime",
        "Errors",
        "Time per family",
        "Referrals",
        "Complaints",
        "Training",
    ];
    for (i, name) in names.iter().enumerate() {
        review.variables.push(Variable {
            id: Id::new(format!("V{}", i + 1)),
            name: name.to_string(),
            ..Default::default()
        });
    }
    for (k, (from, to, polarity)) in [
        ("V1", "V2", Polarity::Same),
        ("V2", "V3", Polarity::Same),
        ("V1", "V4", Polarity::Opposite),
        ("V4", "V3", Polarity::Same),
        ("V5", "V1", Polarity::Same),
        ("V3", "V6", Polarity::Opposite),
    ]
    .into_iter()
    .enumerate()
    {
        review.links.push(Link {
            id: Id::new(format!("K{}", k + 1)),
            from: Id::from(from),
            to: Id::from(to),
            kind: LinkKind::Causal {
                polarity,
                delay: false,
            },
            note: String::new(),
        });
    }
    let spots = [
        (300.0, 300.0),
        (600.0, 150.0),
        (900.0, 300.0),
        (600.0, 450.0),
        (0.0, 300.0),
        (1200.0, 300.0),
        (600.0, 650.0),
    ];
    review.diagrams.push(Diagram {
        id: Id::from("D1"),
        name: "Pressure".into(),
        kind: DiagramKind::CausalLoop,
        nodes: spots
            .iter()
            .enumerate()
            .map(|(i, (x, y))| DiagramNode {
                item: Id::new(format!("V{}", i + 1)),
                x: *x,
                y: *y,
            })
            .collect(),
        stages: Vec::new(),
    });
    review
}

#[test]
fn selecting_a_node_shows_its_ripple_with_an_ambiguous_variable() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness_for(small_causal_graph(), folder.path());
    harness.get_by_label("Map").click();
    harness.run();
    // Nothing selected: no node speaks of a ripple.
    assert!(harness.query_by_label("Variable V3: Errors").is_some());

    harness.get_by_label_contains("Variable V1:").click();
    harness.run();
    let expected = [
        "Variable V1: Workload, ripple origin",
        "Variable V2: Overtime, downstream, rises",
        "Variable V3: Errors, downstream, ambiguous",
        "Variable V4: Time per family, downstream, falls",
        "Variable V5: Referrals, upstream",
        "Variable V6: Complaints, downstream, ambiguous",
        // Not touched by the ripple: its plain name.
        "Variable V7: Training",
    ];
    for label in expected {
        assert!(
            harness.query_by_label(label).is_some(),
            "no node labelled {label:?}"
        );
    }
    // The side panel lists the effects.
    assert!(
        harness
            .query_by_label_contains("Rises: V2 Overtime")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("Falls: V4 Time per family")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("Ambiguous: V3 Errors; V6 Complaints")
            .is_some()
    );
    assert!(harness.query_by_label("4 downstream, 1 upstream").is_some());

    // Turning ripple effects off leaves the plain names.
    harness.get_by_label("Ripple effects").click();
    harness.run();
    assert!(harness.query_by_label("Variable V3: Errors").is_some());
}

#[test]
fn a_causal_link_asks_for_its_polarity_and_labels_edit_and_nodes_delete_in_place() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness_for(small_causal_graph(), folder.path());
    harness.get_by_label("Map").click();
    harness.run();
    let links_before = review_of(&harness).links.len();

    // Drag a link from Training to Errors: two variables, so S or O?
    let training = rect_of(&harness, "Variable V7:");
    let errors = rect_of(&harness, "Variable V3:");
    drag(
        &mut harness,
        training.right_center() - vec2(2.0, 0.0),
        errors.center(),
    );
    assert_eq!(
        review_of(&harness).links.len(),
        links_before,
        "nothing until S or O is chosen"
    );
    harness
        .get_by_label("O: falls (opposite direction)")
        .click();
    harness.run();
    let review = review_of(&harness);
    let link = review.links.last().unwrap();
    assert_eq!((link.from.as_str(), link.to.as_str()), ("V7", "V3"));
    assert_eq!(
        link.kind,
        LinkKind::Causal {
            polarity: Polarity::Opposite,
            delay: false
        }
    );

    // F2 edits the selected node's label in place.
    harness.get_by_label_contains("Variable V6:").click();
    harness.run();
    harness.key_press(Key::F2);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("Label of V6")
        .type_text("Complaints upheld");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(review_of(&harness).variables[5].name, "Complaints upheld");

    // Del asks, then deletes the selected node with its links, as one
    // undo step.
    harness.get_by_label_contains("Variable V6:").click();
    harness.run();
    harness.key_press(Key::Delete);
    harness.run();
    harness.get_by_label("Delete from the review").click();
    harness.run();
    let review = review_of(&harness);
    assert!(review.variables.iter().all(|v| v.id != Id::from("V6")));
    assert!(review.links.iter().all(|l| l.to != Id::from("V6")));
    assert_eq!(
        harness.state().document().undo_label(),
        Some("Delete causal loop variable")
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(
        review_of(&harness)
            .variables
            .iter()
            .any(|v| v.id == Id::from("V6"))
    );
}

#[test]
fn deleting_on_the_map_asks_naming_the_record_and_offers_remove_from_this_map() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness_for(small_causal_graph(), folder.path());
    harness.get_by_label("Map").click();
    harness.run();
    let before = review_of(&harness);
    let title = before.title_of(&Id::from("V6"));

    // Del on a selected node changes nothing yet: it asks, naming it.
    harness.get_by_label_contains("Variable V6:").click();
    harness.run();
    harness.key_press(Key::Delete);
    harness.run();
    assert_eq!(review_of(&harness), before, "nothing goes before an answer");
    assert!(
        harness
            .query_by_label_contains(&format!("{title} (variable V6)"))
            .is_some(),
        "the question names what is removed"
    );
    assert!(harness.query_by_label("Delete from the review").is_some());

    // Cancel leaves everything as it was.
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(review_of(&harness), before);
    assert!(harness.query_by_label("Remove from this map").is_none());

    // Asked again, "Remove from this map" takes it off the diagram only:
    // the variable and its links stay in the review.
    harness.get_by_label_contains("Variable V6:").click();
    harness.run();
    harness.key_press(Key::Delete);
    harness.run();
    harness.get_by_label("Remove from this map").click();
    harness.run();
    let after = review_of(&harness);
    assert!(after.diagrams[0].position(&Id::from("V6")).is_none());
    assert!(after.variables.iter().any(|v| v.id == Id::from("V6")));
    assert_eq!(after.links, before.links);
    assert!(harness.query_by_label("Remove from this map").is_none());
}

#[test]
fn auto_layout_is_one_undo_step_and_the_figure_exports_as_svg_and_png() {
    let folder = tempfile::tempdir().unwrap();
    let review = foresight::examples::worked_case();
    let mut harness = harness_for(review.clone(), folder.path());
    harness.get_by_label("Map").click();
    harness.run();
    harness.get_by_label("Auto-layout").click();
    harness.run();
    let laid = review_of(&harness);
    assert_ne!(laid.diagrams[0], review.diagrams[0]);
    assert_eq!(
        foresight::analysis::layout::overlaps(&laid.diagrams[0]),
        vec![]
    );
    assert_eq!(harness.state().document().undo_label(), Some("Auto-layout"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(review_of(&harness), review);

    for (item, field, file) in [
        ("Export SVG…", "Save the SVG figure as", "case-map.svg"),
        ("Export PNG…", "Save the PNG picture as", "case-map.png"),
    ] {
        harness.get_by_label("Export").click();
        harness.run();
        harness.get_by_label(item).click();
        harness.run();
        let path = folder.path().join(file);
        harness.get_by_label(field).click();
        harness.run();
        harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
        harness
            .get_by_label(field)
            .type_text(&path.display().to_string());
        harness.run();
        harness.get_by_label("Save figure").click();
        harness.run();
        // Drawn and written on a worker.
        wait_for(&mut harness, "Saved the figure to");
        let bytes = std::fs::read(&path).unwrap();
        if file.ends_with(".svg") {
            let text = String::from_utf8(bytes).unwrap();
            assert!(text.starts_with("<svg"));
            assert_eq!(text.matches("<g id=\"E").count(), review.episodes.len());
            // The finding tagged blame is left out of the figure too.
            let learning = review
                .findings
                .iter()
                .filter(|f| f.tag == foresight::model::FindingTag::Learning)
                .count();
            assert_eq!(text.matches("<g id=\"FN").count(), learning);
            assert!(!text.contains("FN9") && !text.contains("Training example"));
        } else {
            assert_eq!(&bytes[1..4], b"PNG");
        }
        assert!(
            harness
                .query_by_label_contains("Saved the figure to")
                .is_some()
        );
    }

    // The projector setting is switched from the View menu.
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Projector").click();
    harness.run();
    assert!(harness.query_by_label("Map canvas: Case map").is_some());
}

#[test]
fn the_wheel_zooms_a_background_drag_pans_and_a_shift_drag_selects_without_changing_the_review() {
    let folder = tempfile::tempdir().unwrap();
    let review = small_causal_graph();
    let mut harness = harness_for(review.clone(), folder.path());
    harness.get_by_label("Map").click();
    harness.run();
    let canvas = rect_of(&harness, "Map canvas: Pressure");
    let before = rect_of(&harness, "Variable V3:");

    // The wheel zooms about the pointer: the node under it stays put and
    // grows.
    let at = before.center();
    harness.hover_at(at);
    harness.run();
    harness.event(Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: vec2(0.0, 120.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: Modifiers::NONE,
    });
    harness.run_steps(20);
    let zoomed = rect_of(&harness, "Variable V3:");
    assert!(
        zoomed.width() > before.width() * 1.1,
        "{before:?} → {zoomed:?}"
    );
    assert!((zoomed.center() - at).length() < 3.0);

    // Dragging the background pans: every node moves by the drag.
    let empty = canvas.left_bottom() + vec2(30.0, -30.0);
    drag(&mut harness, empty, empty + vec2(80.0, -40.0));
    let panned = rect_of(&harness, "Variable V3:");
    assert!((panned.center() - zoomed.center() - vec2(80.0, -40.0)).length() < 2.0);

    // Shift and a drag round two nodes selects both.
    let v2 = rect_of(&harness, "Variable V2:");
    let v4 = rect_of(&harness, "Variable V4:");
    let band = v2.union(v4);
    harness.event(Event::ModifiersChanged(Modifiers::SHIFT));
    let from = pos_outside(band, canvas);
    drag(&mut harness, from, band.max + vec2(4.0, 4.0));
    harness.event(Event::ModifiersChanged(Modifiers::NONE));
    harness.run();
    assert!(harness.query_by_label("2 records selected").is_some());
    assert_eq!(
        review_of(&harness),
        review,
        "the view changed, not the review"
    );
}

/// A point just above and left of `band`, inside the canvas and off every
/// node.
fn pos_outside(band: Rect, canvas: Rect) -> Pos2 {
    let p = band.min - vec2(4.0, 4.0);
    Pos2::new(p.x.max(canvas.min.x + 2.0), p.y.max(canvas.min.y + 2.0))
}

#[test]
fn filters_hide_kinds_and_search_finds_selects_and_centres_a_node() {
    let folder = tempfile::tempdir().unwrap();
    let review = foresight::examples::worked_case();
    let mut harness = harness_for(review.clone(), folder.path());
    harness.get_by_label("Map").click();
    harness.run();
    // The case map opens at a readable zoom on the start of the episodes,
    // not fitted so small that only ids show; "Fit all" shows the whole.
    assert!(harness.query_by_label_contains("Episode E1:").is_some());
    assert!(harness.query_by_label_contains("Finding FN1:").is_none());
    let zoom = |h: &Harness<'_, ForesightApp>| {
        (5..=400)
            .rev()
            .find(|z| h.query_by_label(&format!("{z} %")).is_some())
            .unwrap_or(0)
    };
    assert!(zoom(&harness) >= 80, "opens at {} %", zoom(&harness));
    harness.get_by_label("Fit all").click();
    harness.run();
    assert!(harness.query_by_label_contains("Finding FN1:").is_some());
    assert!(zoom(&harness) < 80);

    harness.get_by_label("Filter").click();
    harness.run();
    harness.get_by_label("Finding").click();
    harness.run();
    assert!(harness.query_by_label_contains("Finding FN1:").is_none());
    assert!(
        harness
            .query_by_label_contains("Practice episode E1:")
            .is_none()
    );
    assert!(harness.query_by_label_contains("Episode E1:").is_some());
    harness.get_by_label("Finding").click();
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.query_by_label_contains("Finding FN1:").is_some());

    // Search: the match is selected (its form shows) and brought to the
    // middle of the canvas.
    let wanted = &review.episodes[2];
    harness.get_by_label("Search").click();
    harness.run();
    harness.get_by_label("Search").type_text(&wanted.title);
    harness.run();
    assert!(harness.query_by_label("1 found").is_some());
    let canvas = rect_of(&harness, "Map canvas: Case map");
    let node = rect_of(&harness, &format!("Episode {}:", wanted.id));
    assert!(
        (node.center() - canvas.center()).length() < 2.0,
        "{node:?} in {canvas:?}"
    );
    assert!(
        harness
            .query_by_label(&format!("Practice episode {}", wanted.id))
            .is_some()
    );
    assert_eq!(review_of(&harness), review);
}

#[test]
fn a_figure_is_offered_next_to_the_review_file() {
    let folder = tempfile::tempdir().unwrap();
    let reviews = folder.path().join("reviews");
    std::fs::create_dir(&reviews).unwrap();
    let file = reviews.join("child-b.review.ron");
    let review = foresight::examples::worked_case();
    foresight::store::save(&file, &review).unwrap();
    let app = ForesightApp::new(Document::open(&file).unwrap(), folder.path().to_path_buf());
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut ForesightApp| app.show(ui), app);
    harness.get_by_label("Map").click();
    harness.run();
    for (item, field, name) in [
        ("Export SVG…", "Save the SVG figure as", "case-map.svg"),
        ("Export PNG…", "Save the PNG picture as", "case-map.png"),
    ] {
        harness.get_by_label("Export").click();
        harness.run();
        harness.get_by_label(item).click();
        harness.run();
        // The Save dialog opens on a worker thread, in the review's folder;
        // the typed path offered is the same file.
        assert_eq!(
            harness.get_by_label(field).value().as_deref(),
            Some(reviews.join(name).display().to_string().as_str())
        );
        harness.get_by_label("Cancel").click();
        harness.run();
        assert!(harness.query_by_label(field).is_none());
    }
}

/// The zoom the Map panel's toolbar shows, in percent.
fn zoom_shown(harness: &Harness<'_, ForesightApp>) -> f32 {
    use egui_kittest::kittest::NodeT as _;
    harness
        .query_all_by_label_contains(" %")
        .filter_map(|n| {
            let node = n.accesskit_node();
            let text = node.value().or_else(|| node.label())?;
            text.strip_suffix(" %")?.parse().ok()
        })
        .next()
        .expect("the zoom is shown")
}

#[test]
fn fit_episodes_shows_the_row_of_episodes_at_a_readable_zoom() {
    let folder = tempfile::tempdir().unwrap();
    let review = foresight::examples::worked_case();
    let mut harness = harness_for(review.clone(), folder.path());
    harness.get_by_label("Map").click();
    harness.run();
    harness.get_by_label("Fit all").click();
    harness.run();
    let all = zoom_shown(&harness);
    harness.get_by_label("Fit episodes").click();
    harness.run();
    let episodes = zoom_shown(&harness);
    let readable = 100.0 * foresight::ui::canvas::interact::READABLE_LABEL
        / foresight::diagram::geometry::LABEL_SIZE;
    assert!(episodes > all, "{episodes} % after {all} %");
    assert!(episodes + 0.5 >= readable.min(100.0), "{episodes} %");
    // The first episode is on the canvas, near its top.
    let canvas = rect_of(&harness, "Map canvas: Case map");
    let first = rect_of(&harness, "Episode E1:");
    assert!(canvas.contains_rect(first), "{first:?} in {canvas:?}");
    assert!(first.top() < canvas.center().y);
    assert_eq!(review_of(&harness), review);
}

#[test]
fn a_large_diagram_lists_its_records_in_a_scrolling_box_that_draws_the_rows_in_view() {
    let mut review = Review::new("Many variables");
    let mut nodes = Vec::new();
    for i in 1..=80 {
        let id = Id::from(format!("V{i}"));
        review.variables.push(Variable {
            id: id.clone(),
            name: format!("Variable number {i}"),
            ..Default::default()
        });
        nodes.push(DiagramNode {
            item: id,
            x: (i % 10) as f32 * 200.0,
            y: (i / 10) as f32 * 120.0,
        });
    }
    review.diagrams.push(Diagram {
        id: Id::from("D1"),
        name: "Causal loops".into(),
        kind: DiagramKind::CausalLoop,
        nodes,
        ..Default::default()
    });
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness_for(review, folder.path());
    harness.run();
    harness.get_by_label("Map").click();
    harness.run();
    let rows = harness
        .query_all_by_label_contains("from records on this diagram")
        .count();
    assert!(
        (1..80).contains(&rows),
        "{rows} of 80 rows drawn: only those in view should be"
    );
    // A row in view still removes its record from the diagram.
    harness
        .get_by_label("Remove Variable number 1 from records on this diagram")
        .click();
    harness.run();
    let review = review_of(&harness);
    assert_eq!(review.diagrams[0].nodes.len(), 79);
    assert!(review.diagrams[0].position(&Id::from("V1")).is_none());
}

#[test]
fn a_finding_selected_on_the_map_shows_the_suggested_tag_and_it_follows_an_edit() {
    let folder = tempfile::tempdir().unwrap();
    let review = foresight::examples::worked_case();
    let finding = review
        .findings
        .iter()
        .find(|f| f.tag == foresight::model::FindingTag::Learning)
        .expect("the worked example has a learning finding")
        .clone();
    let mut harness = harness_for(review, folder.path());
    open_panel(&mut harness, "Map");
    type_into(&mut harness, "Search", &finding.title, false);
    assert!(harness.query_by_label("1 found").is_some());
    let suggests = |h: &Harness<'_, ForesightApp>, tag: &str| {
        h.query_by_label_contains(&format!("The language lint suggests {tag}"))
            .is_some()
    };
    assert!(suggests(&harness, "learning"));
    // The statement rewritten with blame: the suggestion is made anew for
    // the review's new revision.
    type_into(
        &mut harness,
        "Finding statement (general, present tense, about the system)",
        "The social worker failed to visit the children.",
        true,
    );
    assert!(suggests(&harness, "blame"));
}
