//! What every GUI test needs: the app on a review in a harness, and a way
//! to wait for work done on a background thread.

use std::time::{Duration, Instant};

use eframe::egui;
use egui_kittest::{Harness, kittest::Queryable};
use foresight::document::Document;
use foresight::model::Review;
use foresight::ui::ForesightApp;

/// The app in a harness of a window's `size`, running at most
/// `max_steps` frames per `run`.
pub fn harness_of(
    app: ForesightApp,
    size: (f32, f32),
    max_steps: u64,
) -> Harness<'static, ForesightApp> {
    Harness::builder()
        .with_size(egui::vec2(size.0, size.1))
        .with_max_steps(max_steps)
        .build_ui_state(|ui, app: &mut ForesightApp| app.show(ui), app)
}

/// The app on an untitled copy of `review`, its settings in `folder`, in
/// a laptop-sized window.
pub fn harness_for(review: Review, folder: &std::path::Path) -> Harness<'static, ForesightApp> {
    let app = ForesightApp::new(Document::untitled(review), folder.to_path_buf());
    harness_of(app, (1280.0, 800.0), 12)
}

/// Clicks a panel's tab (or any button) by its label.
pub fn open_panel(harness: &mut Harness<'_, ForesightApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

/// Clicks the field labelled `label` and types `text` into it, replacing
/// what it held when `replace` is set.
pub fn type_into(harness: &mut Harness<'_, ForesightApp>, label: &str, text: &str, replace: bool) {
    open_panel(harness, label);
    if replace {
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        harness.run();
    }
    harness.get_by_label(label).type_text(text);
    harness.run();
}

/// Steps frames until a label containing `text` appears. The limit is
/// generous: a worker's job (the publication of the worked example, drawn
/// and written) takes about 20 s in a debug build alone, and much longer
/// with the rest of the suite running beside it on two cores.
pub fn wait_for(harness: &mut Harness<'_, ForesightApp>, text: &str) {
    let start = Instant::now();
    while harness.query_by_label_contains(text).is_none() {
        assert!(
            start.elapsed() < Duration::from_secs(240),
            "\"{text}\" never appeared"
        );
        std::thread::sleep(Duration::from_millis(10));
        harness.step();
    }
    harness.run_ok();
}
