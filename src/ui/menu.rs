//! The menu bar and keyboard shortcuts, which both produce [`Command`]s for
//! the app to carry out.

use std::path::PathBuf;

use eframe::egui::{self, Button, Key, KeyboardShortcut, Modifiers, Ui};

use super::help::HelpTopic;
use crate::examples::EXAMPLES;

/// Something the user asked the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Start a new, empty review.
    New,
    /// Choose a review file to open.
    Open,
    /// Open this file.
    OpenRecent(PathBuf),
    /// Open a bundled example as an untitled copy.
    OpenExample(usize),
    /// Save to the review's file.
    Save,
    /// Save under a new name.
    SaveAs,
    /// Merge another reviewer's copy into the open review.
    MergeWith,
    /// Export the report as PDF (from the Report panel).
    ExportPdf,
    /// Export the action plan (from the Actions panel).
    ExportActionPlan,
    /// Close the window.
    Quit,
    /// Undo the last step.
    Undo,
    /// Redo the last undone step.
    Redo,
    /// Larger text.
    ZoomIn,
    /// Smaller text.
    ZoomOut,
    /// Default text size.
    ZoomReset,
    /// Switch between the light and dark themes.
    ToggleDark,
    /// Switch the projector setting (larger text, thicker lines, high contrast).
    ToggleProjector,
    /// Forget the recent files.
    ClearRecent,
    /// Show the start screen.
    StartScreen,
    /// Open the Help window on a page.
    Help(HelpTopic),
}

const NEW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
const SAVE_AS: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);
const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
const REDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
const REDO_ALT: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
const ZOOM_IN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Equals);
const ZOOM_OUT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Minus);
const HELP: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F1);

/// The app-wide shortcuts with what they do, as the Help window lists
/// them ("Ctrl+S", "Save").
pub fn shortcut_list(ctx: &egui::Context) -> Vec<(String, &'static str)> {
    let keys = |s: &KeyboardShortcut| {
        ctx.format_shortcut(s)
            .replace("Equals", "=")
            .replace("Minus", "-")
    };
    vec![
        (keys(&NEW), "New review"),
        (keys(&OPEN), "Open a review"),
        (keys(&SAVE), "Save"),
        (keys(&SAVE_AS), "Save as a new file"),
        (keys(&UNDO), "Undo (typing into a field is one step)"),
        (format!("{} or {}", keys(&REDO), keys(&REDO_ALT)), "Redo"),
        (keys(&ZOOM_IN), "Larger text (on a diagram: zoom in)"),
        (keys(&ZOOM_OUT), "Smaller text (on a diagram: zoom out)"),
        (
            keys(&QUIT),
            "Quit (asks first when there are unsaved changes)",
        ),
        (keys(&HELP), "These keyboard shortcuts"),
        (
            "Esc".to_string(),
            "Close the start screen, Help or a dialog",
        ),
    ]
}

/// The command of a shortcut pressed this frame. The shortcut is consumed,
/// so a focused text field does not also act on it (its own undo, say).
pub fn shortcut(ctx: &egui::Context) -> Option<Command> {
    // Most specific first: Ctrl+Shift+S before Ctrl+S.
    let table = [
        (SAVE_AS, Command::SaveAs),
        (SAVE, Command::Save),
        (REDO_ALT, Command::Redo),
        (UNDO, Command::Undo),
        (REDO, Command::Redo),
        (NEW, Command::New),
        (OPEN, Command::Open),
        (QUIT, Command::Quit),
        (HELP, Command::Help(HelpTopic::Shortcuts)),
    ];
    ctx.input_mut(|input| {
        table
            .into_iter()
            .find(|(shortcut, _)| input.consume_shortcut(shortcut))
            .map(|(_, command)| command)
    })
}

/// What the menus need to know.
pub struct MenuState<'a> {
    /// The label of the step undo would revert.
    pub undo: Option<&'a str>,
    /// The label of the step redo would repeat.
    pub redo: Option<&'a str>,
    /// Recent files, newest first.
    pub recent: &'a [PathBuf],
    /// True in the dark theme.
    pub dark: bool,
    /// True with the projector setting on.
    pub projector: bool,
}

/// Draws the menu bar; returns the command chosen.
pub fn menu_bar(ui: &mut Ui, state: &MenuState) -> Option<Command> {
    let mut command = None;
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu(ui, state, &mut command));
        ui.menu_button("Edit", |ui| edit_menu(ui, state, &mut command));
        ui.menu_button("View", |ui| view_menu(ui, state, &mut command));
        ui.menu_button("Examples", |ui| examples_menu(ui, &mut command));
        ui.menu_button("Help", |ui| help_menu(ui, &mut command));
    });
    command
}

/// A menu item with its shortcut shown on the right.
fn item(ui: &mut Ui, text: &str, shortcut: Option<&KeyboardShortcut>) -> egui::Response {
    let mut button = Button::new(text);
    if let Some(shortcut) = shortcut {
        let text = ui
            .ctx()
            .format_shortcut(shortcut)
            .replace("Equals", "=")
            .replace("Minus", "-");
        button = button.shortcut_text(text);
    }
    ui.add(button)
}

fn file_menu(ui: &mut Ui, state: &MenuState, command: &mut Option<Command>) {
    ui.set_min_width(260.0);
    if item(ui, "New", Some(&NEW)).clicked() {
        *command = Some(Command::New);
    }
    if item(ui, "Open…", Some(&OPEN)).clicked() {
        *command = Some(Command::Open);
    }
    ui.menu_button("Open recent", |ui| {
        if state.recent.is_empty() {
            ui.weak("No recent files");
        }
        for path in state.recent {
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            if ui
                .button(name)
                .on_hover_text(path.display().to_string())
                .clicked()
            {
                *command = Some(Command::OpenRecent(path.clone()));
            }
        }
        if !state.recent.is_empty() {
            ui.separator();
            if ui.button("Clear recent files").clicked() {
                *command = Some(Command::ClearRecent);
            }
        }
    });
    ui.separator();
    if item(ui, "Save", Some(&SAVE)).clicked() {
        *command = Some(Command::Save);
    }
    if item(ui, "Save as…", Some(&SAVE_AS)).clicked() {
        *command = Some(Command::SaveAs);
    }
    if ui
        .button("Merge with…")
        .on_hover_text("Bring another reviewer's copy of this review into this one")
        .clicked()
    {
        *command = Some(Command::MergeWith);
    }
    if ui.button("Export PDF…").clicked() {
        *command = Some(Command::ExportPdf);
    }
    if ui
        .button("Export action plan…")
        .on_hover_text("The findings' responses and actions, as an Excel workbook or a PDF")
        .clicked()
    {
        *command = Some(Command::ExportActionPlan);
    }
    ui.separator();
    if item(ui, "Quit", Some(&QUIT)).clicked() {
        *command = Some(Command::Quit);
    }
}

fn edit_menu(ui: &mut Ui, state: &MenuState, command: &mut Option<Command>) {
    ui.set_min_width(300.0);
    let undo = state
        .undo
        .map_or_else(|| "Undo".to_string(), |label| format!("Undo {label}"));
    let undo_button = Button::new(undo).shortcut_text(ui.ctx().format_shortcut(&UNDO));
    if ui.add_enabled(state.undo.is_some(), undo_button).clicked() {
        *command = Some(Command::Undo);
    }
    let redo = state
        .redo
        .map_or_else(|| "Redo".to_string(), |label| format!("Redo {label}"));
    let redo_button = Button::new(redo).shortcut_text(ui.ctx().format_shortcut(&REDO));
    if ui.add_enabled(state.redo.is_some(), redo_button).clicked() {
        *command = Some(Command::Redo);
    }
}

fn view_menu(ui: &mut Ui, state: &MenuState, command: &mut Option<Command>) {
    ui.set_min_width(260.0);
    if item(ui, "Larger text", Some(&ZOOM_IN)).clicked() {
        *command = Some(Command::ZoomIn);
    }
    if item(ui, "Smaller text", Some(&ZOOM_OUT)).clicked() {
        *command = Some(Command::ZoomOut);
    }
    if ui.button("Normal text size").clicked() {
        *command = Some(Command::ZoomReset);
    }
    ui.separator();
    let mut dark = state.dark;
    if ui.checkbox(&mut dark, "Dark theme").clicked() {
        *command = Some(Command::ToggleDark);
    }
    let mut projector = state.projector;
    if ui
        .checkbox(&mut projector, "Projector")
        .on_hover_text("Larger text, thicker lines and high contrast, for workshops")
        .clicked()
    {
        *command = Some(Command::ToggleProjector);
    }
}

fn examples_menu(ui: &mut Ui, command: &mut Option<Command>) {
    ui.set_min_width(420.0);
    for (i, example) in EXAMPLES.iter().enumerate() {
        let available = !example.text.is_empty();
        let response = ui
            .add_enabled(
                available,
                Button::new(super::start::example_title(i)).wrap(),
            )
            .on_hover_text(example.description)
            .on_disabled_hover_text("This example is not bundled in this build");
        if response.clicked() {
            *command = Some(Command::OpenExample(i));
        }
    }
}

fn help_menu(ui: &mut Ui, command: &mut Option<Command>) {
    ui.set_min_width(300.0);
    if ui.button("Start screen").clicked() {
        *command = Some(Command::StartScreen);
    }
    ui.separator();
    for topic in HelpTopic::ALL {
        let shortcut = (topic == HelpTopic::Shortcuts).then_some(&HELP);
        if item(ui, topic.label(), shortcut).clicked() {
            *command = Some(Command::Help(topic));
        }
    }
}
