//! The start screen: start a new review, open one, reopen a recent one,
//! open a worked example (listed by title, one line each), and a short
//! tour of the panels in the order a review proceeds.
//!
//! It shows over the review the app opened (the last review, or the
//! worked example *Child B*) each time Foresight starts without a file
//! named, until "Show this screen when Foresight starts" is unticked; it
//! is not shown when a file is named (`foresight open FILE`). Help ▸ Start
//! screen brings it back at any time.

use std::path::PathBuf;
use std::sync::LazyLock;

use eframe::egui::{self, Button, RichText, ScrollArea, Ui, vec2};

use super::panels::PanelKind;
use crate::examples::EXAMPLES;

/// What the user chose on the start screen.
#[derive(Debug, Clone, PartialEq)]
pub enum StartChoice {
    /// Start a new, empty review.
    New,
    /// Choose a review file to open.
    Open,
    /// Open a recent file.
    OpenRecent(PathBuf),
    /// Open a bundled worked example.
    OpenExample(usize),
    /// Close the start screen and carry on with the open review.
    Continue,
    /// Close the start screen and show this panel of the open review.
    Tour(PanelKind),
    /// Show (or stop showing) the start screen when Foresight starts.
    ShowAtStart(bool),
}

/// What the start screen shows.
pub struct StartState<'a> {
    /// Recent files, newest first.
    pub recent: &'a [PathBuf],
    /// The title of the review open under the start screen.
    pub open_title: &'a str,
    /// Whether the start screen shows when Foresight starts.
    pub show_at_start: bool,
}

/// Each bundled example's title (from its file), read once.
static EXAMPLE_TITLES: LazyLock<Vec<String>> = LazyLock::new(|| {
    EXAMPLES
        .iter()
        .map(|example| {
            if example.text.is_empty() {
                return example
                    .file_name
                    .trim_end_matches(".review.ron")
                    .to_string();
            }
            let title = example.review().meta.title;
            if title.trim().is_empty() {
                example
                    .file_name
                    .trim_end_matches(".review.ron")
                    .to_string()
            } else {
                title
            }
        })
        .collect()
});

/// The title of the bundled example `i`, as the start screen and the
/// Examples menu list it.
pub fn example_title(i: usize) -> &'static str {
    EXAMPLE_TITLES.get(i).map_or("", String::as_str)
}

/// The panels in the order a review proceeds, each with one line.
pub const TOUR: [(PanelKind, &str); 12] = [
    (
        PanelKind::Overview,
        "The review's details, its statutory timetable and what still needs doing.",
    ),
    (
        PanelKind::Cast,
        "The people, agencies and places: the names the report will replace with pseudonyms.",
    ),
    (
        PanelKind::Chronology,
        "The multi-agency chronology: import agency returns (CSV or Excel), read it as a table, timeline or the child's journey.",
    ),
    (
        PanelKind::Episodes,
        "Key practice episodes: what happened, and why it made sense to the practitioners at the time.",
    ),
    (
        PanelKind::Factors,
        "Contributing factors and the latent conditions behind them.",
    ),
    (
        PanelKind::Findings,
        "Findings in the systems format, tagged learning (or blame, to be reworded).",
    ),
    (
        PanelKind::Language,
        "Hindsight and blame language across the review, with a question to reframe each.",
    ),
    (
        PanelKind::Map,
        "Diagrams: the case map and causal loop diagrams, drawn and presented.",
    ),
    (
        PanelKind::Loops,
        "The feedback loops in the causal links, reinforcing (R) or balancing (B).",
    ),
    (
        PanelKind::Anonymisation,
        "The anonymised text beside the original, with a decision for each occurrence.",
    ),
    (
        PanelKind::Report,
        "Publication readiness, a preview, and the report as PDF, Word or a web page.",
    ),
    (
        PanelKind::Actions,
        "The partnership's response to each finding and its actions: owners, due dates, what is overdue, and the action plan as Excel or PDF.",
    ),
];

/// Draws the start screen in `ui`; returns what the user chose.
pub fn show(ui: &mut Ui, state: &StartState) -> Option<StartChoice> {
    let mut choice = None;
    if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
        choice = Some(StartChoice::Continue);
    }
    ScrollArea::vertical()
        .id_salt("start-screen")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Frame::NONE
                .inner_margin(egui::Margin::symmetric(24, 16))
                .show(ui, |ui| {
                    contents(ui, state, &mut choice);
                });
        });
    choice
}

/// A section heading.
fn section(ui: &mut Ui, text: &str) {
    ui.add_space(14.0);
    ui.heading(text);
    ui.add_space(4.0);
}

fn contents(ui: &mut Ui, state: &StartState, choice: &mut Option<StartChoice>) {
    ui.label(
        RichText::new("Foresight")
            .size(ui.text_style_height(&egui::TextStyle::Heading) * 1.4)
            .strong(),
    );
    ui.add(
        egui::Label::new(
            "Systems-approach case reviews in child protection: why practice made sense at \
             the time, the factors that shaped it, and what the system can learn.",
        )
        .wrap(),
    );
    ui.add_space(8.0);
    ui.horizontal_wrapped(|ui| {
        if ui.button("New review").clicked() {
            *choice = Some(StartChoice::New);
        }
        if ui.button("Open a review…").clicked() {
            *choice = Some(StartChoice::Open);
        }
        if ui
            .button(format!("Continue with {}", short_title(state.open_title)))
            .on_hover_text(format!(
                "Close this screen (Esc) and carry on with “{}”",
                state.open_title.trim()
            ))
            .clicked()
        {
            *choice = Some(StartChoice::Continue);
        }
    });

    // Side by side when the window is wide enough: what to open on the
    // left, the tour on the right.
    if ui.available_width() >= 1000.0 {
        ui.columns(2, |columns| {
            columns[0].set_max_width(columns[0].available_width() - 16.0);
            open_section(&mut columns[0], state, choice);
            tour_section(&mut columns[1], state, choice);
        });
    } else {
        ui.set_max_width(ui.available_width().min(900.0));
        open_section(ui, state, choice);
        tour_section(ui, state, choice);
    }
}

/// The title of the open review, short enough for a button: up to its
/// first colon or bracket ("Child B"), else cut to 50 characters.
fn short_title(title: &str) -> String {
    let title = title.trim();
    if title.is_empty() {
        return "the open review".to_string();
    }
    let head = title.split([':', '(']).next().unwrap_or(title).trim();
    if head.chars().count() >= 4 {
        crate::ui::forms::short(head, 50)
    } else {
        crate::ui::forms::short(title, 50)
    }
}

/// Recent reviews and the worked examples.
fn open_section(ui: &mut Ui, state: &StartState, choice: &mut Option<StartChoice>) {
    section(ui, "Recent reviews");
    if state.recent.is_empty() {
        ui.weak("None yet: reviews you open or save are listed here.");
    }
    for path in state.recent.iter().take(6) {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let folder = path
            .parent()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        ui.horizontal_wrapped(|ui| {
            if ui
                .button(&name)
                .on_hover_text(path.display().to_string())
                .clicked()
            {
                *choice = Some(StartChoice::OpenRecent(path.clone()));
            }
            ui.weak(format!("in {folder}"));
        });
    }

    section(ui, "Worked examples");
    ui.weak("Each opens as an untitled copy: nothing you change is written back.");
    for (i, example) in EXAMPLES.iter().enumerate() {
        let available = !example.text.is_empty();
        let button = Button::new(RichText::new(example_title(i)).strong())
            .wrap()
            .min_size(vec2(ui.available_width(), 0.0));
        let response = ui
            .add_enabled(available, button)
            .on_disabled_hover_text("This example is not bundled in this build");
        if response.clicked() {
            *choice = Some(StartChoice::OpenExample(i));
        }
        ui.add(egui::Label::new(example.description).wrap());
        ui.add_space(6.0);
    }
}

/// The panels in the order a review proceeds, and whether this screen
/// shows at start.
fn tour_section(ui: &mut Ui, state: &StartState, choice: &mut Option<StartChoice>) {
    section(
        ui,
        "A two-minute tour: the panels in the order a review proceeds",
    );
    egui::Grid::new("start-tour")
        .num_columns(2)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            for (n, (kind, what)) in TOUR.iter().enumerate() {
                if ui
                    .button(format!("{}. {}", n + 1, kind.label()))
                    .on_hover_text(format!("Show the {} panel", kind.label()))
                    .clicked()
                {
                    *choice = Some(StartChoice::Tour(*kind));
                }
                ui.add(egui::Label::new(*what).wrap());
                ui.end_row();
            }
        });
    ui.add_space(6.0);
    ui.add(
        egui::Label::new(
            "Every change can be undone (Ctrl+Z), work is autosaved for recovery, and \
             Help lists the keyboard shortcuts and the language categories.",
        )
        .wrap(),
    );

    ui.add_space(14.0);
    let mut show = state.show_at_start;
    if ui
        .checkbox(&mut show, "Show this screen when Foresight starts")
        .changed()
    {
        *choice = Some(StartChoice::ShowAtStart(show));
    }
}
