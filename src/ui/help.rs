//! The Help window: keyboard shortcuts, the language categories the lint
//! marks (CF, HC, IF…) explained, and where Foresight keeps files and
//! templates. Opened from the Help menu (F1 for the shortcuts).

use std::path::PathBuf;

use eframe::egui::{self, Grid, RichText, ScrollArea, Ui};

use crate::analysis::language::Category;

/// A page of the Help window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpTopic {
    /// Keyboard shortcuts, app-wide and per panel.
    Shortcuts,
    /// The categories of hindsight and blame language.
    Language,
    /// Where reviews, recovery files, settings and templates live.
    Files,
    /// Two reviewers' copies of one review brought together.
    Merging,
}

impl HelpTopic {
    /// Every page, in the window's order.
    pub const ALL: [HelpTopic; 4] = [
        HelpTopic::Shortcuts,
        HelpTopic::Language,
        HelpTopic::Files,
        HelpTopic::Merging,
    ];

    /// The page's tab (and menu) label.
    pub fn label(self) -> &'static str {
        match self {
            HelpTopic::Shortcuts => "Keyboard shortcuts",
            HelpTopic::Language => "Language categories",
            HelpTopic::Files => "Files and templates",
            HelpTopic::Merging => "Merging two copies",
        }
    }
}

/// What a language category means and the question that reframes it.
pub fn category_explained(category: Category) -> (&'static str, &'static str) {
    category.explained()
}

/// Where things live, for the Files page.
pub struct Places {
    /// The review's own file, if it has one.
    pub review: Option<PathBuf>,
    /// The folders searched for the user's templates, first to last.
    pub template_folders: Vec<PathBuf>,
    /// Where autosaved recovery files are written.
    pub recovery: PathBuf,
}

/// Draws the Help window on `topic`; `topic` becomes `None` when it is
/// closed, or another page when a tab is chosen. `shortcuts` are the
/// app-wide shortcuts as (keys, what they do).
pub fn window(
    ctx: &egui::Context,
    topic: &mut Option<HelpTopic>,
    shortcuts: &[(String, &str)],
    places: &Places,
) {
    let Some(current) = *topic else {
        return;
    };
    let mut open = true;
    let mut chosen = current;
    let screen = ctx.content_rect();
    egui::Window::new("Help")
        .id(egui::Id::unique("foresight-help"))
        .open(&mut open)
        .collapsible(false)
        .resizable(true)
        .pivot(egui::Align2::CENTER_TOP)
        .default_pos(egui::pos2(screen.center().x, screen.top() + 48.0))
        .default_width((screen.width() * 0.6).clamp(420.0, 900.0))
        .default_height((screen.height() * 0.7).max(300.0))
        .max_height(screen.height() - 96.0)
        .show(ctx, |ui| {
            ui.horizontal_wrapped(|ui| {
                for t in HelpTopic::ALL {
                    if ui.selectable_label(chosen == t, t.label()).clicked() {
                        chosen = t;
                    }
                }
            });
            ui.separator();
            ScrollArea::vertical()
                .id_salt("help-scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| match chosen {
                    HelpTopic::Shortcuts => shortcuts_page(ui, shortcuts),
                    HelpTopic::Language => language_page(ui),
                    HelpTopic::Files => files_page(ui, places),
                    HelpTopic::Merging => merging_page(ui),
                });
        });
    if !open || ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
        *topic = None;
    } else {
        *topic = Some(chosen);
    }
}

/// A table of keys and what they do.
fn key_table(ui: &mut Ui, id: &str, rows: &[(String, &str)]) {
    Grid::new(id)
        .num_columns(2)
        .spacing([24.0, 6.0])
        .striped(true)
        .show(ui, |ui| {
            for (keys, what) in rows {
                ui.label(RichText::new(keys).strong());
                ui.add(egui::Label::new(*what).wrap());
                ui.end_row();
            }
        });
}

fn shortcuts_page(ui: &mut Ui, shortcuts: &[(String, &str)]) {
    ui.heading("Everywhere");
    key_table(ui, "help-keys-app", shortcuts);
    ui.add_space(12.0);
    ui.heading("On a diagram (Map panel)");
    let own = |rows: &[(&str, &'static str)]| -> Vec<(String, &'static str)> {
        rows.iter().map(|(k, w)| ((*k).to_string(), *w)).collect()
    };
    key_table(
        ui,
        "help-keys-map",
        &own(&[
            ("N", "New node (at the pointer)"),
            ("Enter or F2", "Edit the selected node's label"),
            (
                "L",
                "Start a link from the selected node; Enter on another ends it",
            ),
            (
                "Delete or Backspace",
                "Delete the selection (Undo brings it back)",
            ),
            ("Alt+arrows", "Nudge the selected nodes"),
            ("Arrows", "Pan"),
            ("Ctrl+= and Ctrl+-", "Zoom the diagram in and out"),
            ("F", "Fit the diagram to the window"),
            ("Ctrl+A", "Select every node"),
            ("Esc", "Cancel a link, clear the selection"),
        ]),
    );
    ui.add_space(12.0);
    ui.heading("Presenting a diagram");
    key_table(
        ui,
        "help-keys-present",
        &own(&[
            ("Right, Down, Space or Page Down", "Next stage"),
            ("Left, Up or Page Up", "Previous stage"),
            ("Home and End", "First and last stage"),
            ("N", "Hide or show the speaker notes"),
            ("Esc", "Leave the presentation"),
        ]),
    );
}

fn language_page(ui: &mut Ui) {
    ui.add(
        egui::Label::new(
            "As you type, Foresight underlines words that read the case with hindsight \
             or place blame, and asks a question that turns them towards learning. Each \
             kind has a two-letter code, shown in the Findings and Language panels and \
             in the publication check. A phrase can be accepted with a reason on the \
             Language panel.",
        )
        .wrap(),
    );
    ui.add_space(8.0);
    for category in Category::ALL {
        let (meaning, question) = category_explained(category);
        ui.separator();
        ui.horizontal_top(|ui| {
            let code = RichText::new(category.code()).strong().monospace();
            ui.add_sized([44.0, 20.0], egui::Label::new(code));
            ui.vertical(|ui| {
                ui.set_max_width(ui.available_width());
                let mut name = category.label().to_string();
                if let Some(first) = name.get_mut(0..1) {
                    first.make_ascii_uppercase();
                }
                ui.label(RichText::new(name).strong());
                ui.add(egui::Label::new(meaning).wrap());
                ui.add(
                    egui::Label::new(RichText::new(format!("Ask: {question}")).italics()).wrap(),
                );
            });
        });
    }
}

fn merging_page(ui: &mut Ui) {
    let line = |ui: &mut Ui, head: &str, text: &str| {
        ui.label(RichText::new(head).strong());
        ui.add(egui::Label::new(text).wrap());
        ui.add_space(8.0);
    };
    line(
        ui,
        "Two reviewers, one review",
        "When the lead reviewer and a second reviewer (or the business manager) each \
         edit a copy of the review on their own laptop, File ▸ Merge with… brings the \
         other copy into the open one. Nothing needs a network: send the file by e-mail \
         or on a USB stick.",
    );
    line(
        ui,
        "The common ancestor",
        "Each review file records the revisions it descends from. Foresight compares the \
         two copies' revisions to find the last one they share (the copy you both started \
         from) and looks for that file beside either copy; you can also name it in the \
         dialog. With it, what only one of you changed is taken as it is, and text both of \
         you changed is merged line by line. Without it, every difference is a conflict. \
         So keep the file you sent or received in the same folder as your copy. When one \
         copy already holds all of the other, there is nothing to merge.",
    );
    line(
        ui,
        "Conflicts",
        "Where you both changed the same thing differently, the review keeps your value \
         and lists a conflict. The conflict view shows both values side by side with a \
         third box to write your own: Take mine, Take theirs or Edit each resolve one \
         conflict as one step that Undo takes back. A value that would leave the review \
         with a problem (a link to a record that is gone) is refused. You can save with \
         conflicts left; the report cannot be published until none remain.",
    );
    line(
        ui,
        "New records on both sides",
        "Records you both created with the same number (two new factors both called F28) \
         are kept apart: theirs gets a new number, and every link, diagram position and \
         reference to it follows.",
    );
    line(
        ui,
        "On the command line",
        "foresight merge OURS THEIRS -o MERGED finds the ancestor the same way (or give \
         it with --base FILE) and exits 0 when merged cleanly, 1 when conflicts remain; \
         --json lists them. foresight validate lists the conflicts left in a file.",
    );
}

fn files_page(ui: &mut Ui, places: &Places) {
    let line = |ui: &mut Ui, head: &str, text: String| {
        ui.label(RichText::new(head).strong());
        ui.add(egui::Label::new(text).wrap());
        ui.add_space(8.0);
    };
    line(
        ui,
        "This review",
        places.review.as_ref().map_or_else(
            || "Not saved to a file yet: File ▸ Save as… chooses where.".to_string(),
            |p| p.display().to_string(),
        ),
    );
    line(
        ui,
        "Review files",
        "A review is one file ending .review.ron, wherever you save it. Saving \
         replaces the file in one step, so a crash never leaves half a file. \
         Exports (PDF, Word, web page, figures) are offered next to it."
            .to_string(),
    );
    line(
        ui,
        "Unsaved work",
        format!(
            "Written every 30 seconds to {}; after a crash it is offered back at the next start.",
            places.recovery.display()
        ),
    );
    let folders = if places.template_folders.is_empty() {
        "(none: set FORESIGHT_TEMPLATES or HOME)".to_string()
    } else {
        places
            .template_folders
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join("\n")
    };
    line(
        ui,
        "Your templates",
        format!(
            "Report templates (reports/), factor taxonomies (taxonomies/), bank-holiday \
             calendars (calendars/) and anonymisation word lists (anonymise/) are read \
             from these folders first, in order:\n{folders}\nCopy a built-in template \
             there under a new name to adapt it; no reinstalling is needed."
        ),
    );
    line(
        ui,
        "Built-in templates and examples",
        "Built into Foresight: the report templates, taxonomies, calendars and word \
         lists, and the worked examples (Examples menu, or the start screen)."
            .to_string(),
    );
}
