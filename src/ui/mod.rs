//! The desktop app (egui/eframe): a thin layer that shows the review and
//! turns what the user does into edit commands.
//!
//! Panels ([`panels`]) read the review and push [`edits::PendingEdit`]s; the
//! app ([`app::ForesightApp`]) applies them to its [`Document`] in one place
//! between frames, so undo, the unsaved-changes marker and autosave all come
//! from one mechanism.

mod app;
pub mod app_commands;
mod autosave;
pub mod background;
pub mod canvas;
pub mod conflicts;
pub mod edits;
mod files;
pub mod forms;
mod help;
mod labels;
mod menu;
pub mod merge;
mod modals;
pub mod panels;
pub mod presentation;
mod publication_cache;
mod records;
mod settings;
mod start;
mod status;
mod style;

use std::path::PathBuf;

use eframe::egui;

pub use app::ForesightApp;
pub use panels::PanelKind;

use crate::document::Document;
use settings::Settings;

/// What the app opens at start.
pub enum Start {
    /// The last file the user had open, else the bundled worked example.
    Default,
    /// A file named on the command line.
    File(PathBuf),
}

/// The app id used for the window class and the data folder.
const APP_ID: &str = "foresight";

/// Opens the desktop window; returns when it closes. Err carries a message
/// for the terminal.
pub fn run(start: Start) -> Result<(), String> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([760.0, 480.0])
            .with_app_id(APP_ID)
            .with_title("Foresight"),
        persist_window: true,
        ..Default::default()
    };
    eframe::run_native(
        "Foresight",
        options,
        Box::new(move |cc| {
            let settings: Settings = cc
                .storage
                .and_then(|storage| eframe::get_value(storage, settings::KEY))
                .unwrap_or_default();
            // The start screen shows over the review opened by default,
            // never over a file the user named.
            let start_screen = matches!(start, Start::Default) && !settings.hide_start_screen;
            let (document, error) = first_document(start, &settings);
            let mut app = ForesightApp::new(document, recovery_folder());
            if start_screen {
                app = app.with_start_screen();
            }
            app.restore_settings(settings);
            if let Some(error) = error {
                app.show_error(error);
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| format!("could not open the Foresight window: {e}"))
}

/// The folder recovery files are written to: the app's data folder, or a
/// folder in the system's temporary folder when there is none.
pub fn recovery_folder() -> PathBuf {
    eframe::storage_dir(APP_ID)
        .unwrap_or_else(|| std::env::temp_dir().join("foresight"))
        .join("recovery")
}

/// The document to show first, and an error to show when the wanted file
/// could not be opened.
fn first_document(start: Start, settings: &Settings) -> (Document, Option<String>) {
    match start {
        Start::File(path) => match Document::open(&path) {
            Ok(doc) => (doc, None),
            Err(e) => (
                Document::untitled(crate::model::Review::new("")),
                Some(e.to_string()),
            ),
        },
        Start::Default => match &settings.last_file {
            Some(path) if path.exists() => match Document::open(path) {
                Ok(doc) => (doc, None),
                Err(e) => (bundled_example(), Some(e.to_string())),
            },
            _ => (bundled_example(), None),
        },
    }
}

/// The bundled worked example, as an untitled copy.
pub fn bundled_example() -> Document {
    Document::untitled(crate::examples::worked_case())
}
