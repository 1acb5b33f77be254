//! The Report panel: publication readiness, the preview, and the PDF
//! export from File → Export PDF…, driven through the real UI.

use eframe::egui::{Key, Modifiers};
use egui_kittest::{Harness, kittest::Queryable};
use foresight::document::Document;
use foresight::examples::worked_case;
use foresight::model::FindingTag;
use foresight::ui::ForesightApp;

use super::harness::{harness_for, harness_of, wait_for};

#[test]
fn file_export_pdf_writes_the_anonymised_report_and_names_what_it_left_out() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness_for(worked_case(), folder.path());
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export PDF…").click();
    harness.run();
    // The Report panel, with the export's options.
    assert!(harness.query_by_label("Publication readiness").is_some());
    let pdf = folder.path().join("child-b.pdf");
    harness.get_by_label("Save the PDF as").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("Save the PDF as")
        .type_text(&pdf.display().to_string());
    harness.run();
    harness.get_by_label("Export PDF").click();
    harness.run_ok();
    wait_for(&mut harness, "Exported the anonymised report to");
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    assert!(
        harness
            .query_by_label_contains("Left out of publication: FN9")
            .is_some()
    );
    assert!(harness.query_by_label("Open the PDF").is_some());
}

#[test]
fn an_untagged_finding_refuses_the_export_and_the_preview_shows_the_report() {
    let folder = tempfile::tempdir().unwrap();
    let mut review = worked_case();
    review.findings[1].tag = FindingTag::Untagged;
    // A tall window: the preview's button sits below the report's own
    // sections.
    let app = ForesightApp::new(Document::untitled(review), folder.path().to_path_buf());
    let mut harness = harness_of(app, (1280.0, 2400.0), 12);
    harness.get_by_label("Report").click();
    harness.run();
    let pdf = folder.path().join("refused.pdf");
    harness.get_by_label("Save the PDF as").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("Save the PDF as")
        .type_text(&pdf.display().to_string());
    harness.run();
    harness.get_by_label("Export PDF").click();
    harness.run_ok();
    wait_for(&mut harness, "Not exported:");
    // Listed under what blocks publication, and again as why the export
    // refused.
    assert_eq!(harness.query_all_by_label_contains("• FN2 \"").count(), 2);
    assert!(!pdf.exists());

    // The preview is the anonymised report: pseudonyms, not names.
    harness
        .get_by_label("Show the report as it will be exported")
        .click();
    harness.run_ok();
    assert!(
        harness
            .query_by_label_contains("looks at the help given to Child B")
            .is_some()
    );
    assert!(harness.query_by_label_contains("Maisie").is_none());
}

#[test]
fn the_report_panel_exports_an_editable_word_document() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness_for(worked_case(), folder.path());
    harness.get_by_label("Report").click();
    harness.run();
    let path = folder.path().join("child-b.pdf");
    harness.get_by_label("Save the PDF as").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("Save the PDF as")
        .type_text(&path.display().to_string());
    harness.run();
    // Choosing the format changes the file's extension, and the button.
    harness.get_by_label("Format").click();
    harness.run();
    harness
        .get_by_label("Word document (editable, to redraft)")
        .click();
    harness.run();
    harness.get_by_label("Export Word document").click();
    harness.run_ok();
    wait_for(&mut harness, "Exported the anonymised report to");
    let docx = folder.path().join("child-b.docx");
    let bytes = std::fs::read(&docx).unwrap();
    assert!(bytes.starts_with(b"PK"), "a .docx is a zip package");
    assert!(!path.exists());
    assert!(harness.query_by_label("Open the Word document").is_some());
}

#[test]
fn a_users_template_is_offered_in_the_report_panel_and_used_for_the_export() {
    // A partnership's own template, adapted from the built-in briefing.
    let templates = tempfile::tempdir().unwrap();
    std::fs::create_dir(templates.path().join("reports")).unwrap();
    let briefing = std::fs::read_to_string("templates/reports/briefing.ron").unwrap();
    let ours = briefing
        .replace("name: \"briefing\"", "name: \"northbrook-briefing\"")
        .replace(
            "title: \"Partnership briefing\"",
            "title: \"Northbrook briefing\"",
        )
        .replace(
            "heading: \"Key messages\"",
            "heading: \"What the board should know\"",
        );
    std::fs::write(
        templates.path().join("reports/northbrook-briefing.ron"),
        ours,
    )
    .unwrap();

    let folder = tempfile::tempdir().unwrap();
    let app = ForesightApp::new(
        Document::untitled(worked_case()),
        folder.path().to_path_buf(),
    )
    .with_template_folders(vec![templates.path().to_path_buf()]);
    let mut harness = harness_of(app, (1280.0, 800.0), 12);
    harness.get_by_label("Report").click();
    harness.run();
    harness.get_by_label("Template").click();
    harness.run();
    harness.get_by_label("Northbrook briefing").click();
    harness.run();
    let page = folder.path().join("briefing.html");
    harness.get_by_label("Save the PDF as").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("Save the PDF as")
        .type_text(&page.display().to_string());
    harness.run();
    harness.get_by_label("Export web page").click();
    harness.run_ok();
    wait_for(&mut harness, "Exported the anonymised report to");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains(">What the board should know</h2>"), "{html}");
    assert!(
        !html.contains("Appendix B"),
        "the briefing has no appendices"
    );
}

/// The Report panel on the worked example without the family's views,
/// with the family's views typed in as `views`.
fn with_family_views(folder: &tempfile::TempDir, views: &str) -> Harness<'static, ForesightApp> {
    let mut review = worked_case();
    review.meta.account.family.views.clear();
    // A tall window: the account's groups sit below the export options.
    let app = ForesightApp::new(Document::untitled(review), folder.path().to_path_buf());
    let mut harness = harness_of(app, (1280.0, 2400.0), 12);
    harness.get_by_label("Report").click();
    harness.run();
    harness.get_by_label("Family involvement").click();
    harness.run();
    let field = "The family's views, in their words";
    harness.get_by_label(field).click();
    harness.run();
    harness.get_by_label(field).type_text(views);
    harness.run_ok();
    harness
}

#[test]
fn the_family_involvement_written_in_the_report_panel_shows_in_the_preview() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = with_family_views(
        &folder,
        "Mother said the review was the first time she felt listened to.",
    );
    harness
        .get_by_label("Show the report as it will be exported")
        .click();
    harness.run_ok();
    // The preview is the anonymised report, with the family's words under
    // the template's subheading.
    assert!(
        harness
            .query_all_by_label("The family's views")
            .next()
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("the first time she felt listened to")
            .is_some()
    );
    // The text is in the review, and one undo takes it out again.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_ok();
    assert!(
        harness
            .query_by_label_contains("the first time she felt listened to")
            .is_none()
    );
}

#[test]
fn the_familys_words_are_prompted_as_their_words_as_the_language_panel_reads_them() {
    use foresight::analysis::language::{Lexicon, lint_account};
    let folder = tempfile::tempdir().unwrap();
    let harness = with_family_views(
        &folder,
        "The health visitor should have asked where it was kept.",
    );
    let review = harness.state().document().review().clone();
    let hits = lint_account(&Lexicon::built_in(), &review);
    let views = hits
        .iter()
        .find(|h| h.field == "account.family.views")
        .unwrap_or_else(|| panic!("{hits:#?}"));
    // Under the field the prompt gives the severity the Language panel
    // gives it: one lower than the review's own narrative would have.
    use egui_kittest::kittest::NodeT as _;
    let prompts: Vec<String> = harness
        .query_all_by(|node| {
            node.value()
                .is_some_and(|v| v.starts_with("“should have” (") && v.ends_with('?'))
        })
        .filter_map(|node| node.accesskit_node().value())
        .collect();
    assert!(
        prompts
            .iter()
            .any(|p| p.contains(&format!("), {}: ", views.hit.severity.label()))),
        "{prompts:?} {views:?}"
    );
    assert_eq!(views.hit.severity.label(), "medium");
}

#[test]
fn a_large_review_s_preview_is_prepared_on_a_worker_and_then_shown() {
    let folder = tempfile::tempdir().unwrap();
    let mut review = foresight::generate::synthetic_review(
        foresight::generate::Size {
            entries: 3_500,
            episodes: 20,
            ..foresight::generate::Size::STRESS
        },
        5,
    );
    review.meta.title = "A large review to preview".into();
    let app = ForesightApp::new(Document::untitled(review), folder.path().to_path_buf());
    let mut harness = harness_of(app, (1280.0, 2400.0), 12);
    harness.get_by_label("Report").click();
    harness.run();
    let titles = |harness: &Harness<'_, ForesightApp>| {
        harness
            .query_all_by_label_contains("A large review to preview")
            .count()
    };
    let before = titles(&harness);
    harness
        .get_by_label("Show the report as it will be exported")
        .click();
    harness.step();
    // The frame that asked for it goes on; the worker builds the report.
    assert!(
        harness
            .query_by_label_contains("Preparing the preview")
            .is_some()
    );
    let started = std::time::Instant::now();
    while harness
        .query_by_label_contains("Preparing the preview")
        .is_some()
    {
        assert!(started.elapsed().as_secs() < 60, "the preview never came");
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.step();
    }
    harness.run_ok();
    assert!(
        titles(&harness) > before,
        "the preview shows the report's title page"
    );
}
