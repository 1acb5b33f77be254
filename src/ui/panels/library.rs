//! The Library panel: the reviews in the library across reviews, searched
//! as one types, their recurring themes with counts, and a hit opened in
//! its review (from the file it was added from; a file that has moved is
//! said so). The open review is added from here as last saved: its
//! publication only, as `foresight library add` does.

use std::path::{Path, PathBuf};

use eframe::egui::{self, Button, RichText, ScrollArea, TextEdit, Ui};

use super::PanelContext;
use crate::analysis::language::Lexicon;
use crate::library::{AddError, Grouping, Library, RecurringGroup, SearchHit, default_path};
use crate::ui::app_commands::{AppCommand, AppCommands};
use crate::ui::forms::{caption, error_note};

/// How many hits are listed.
const HITS: usize = 50;

/// View state of the Library panel.
#[derive(Default)]
pub struct LibraryPanel {
    /// The database (the default one when not set).
    path: Option<PathBuf>,
    /// The open database, once it exists.
    library: Option<Library>,
    /// What is typed in the search field.
    query: String,
    /// The query the hits are for.
    searched: Option<String>,
    /// The hits of `searched`.
    hits: Vec<SearchHit>,
    /// How themes are grouped.
    grouping: Grouping,
    /// The groups, while still current.
    groups: Option<(Grouping, Vec<RecurringGroup>)>,
    /// How many reviews the library holds, while still current.
    count: Option<Result<usize, String>>,
    /// The last thing done or refused, to show.
    message: Option<Result<String, String>>,
}

impl LibraryPanel {
    /// Uses the database at `path` instead of the one in the data folder.
    pub fn set_path(&mut self, path: PathBuf) {
        *self = LibraryPanel {
            path: Some(path),
            ..LibraryPanel::default()
        };
    }

    fn path(&self) -> PathBuf {
        self.path.clone().unwrap_or_else(default_path)
    }

    /// The library, opened when it exists (looking creates nothing).
    fn library(&mut self) -> Option<&Library> {
        if self.library.is_none() {
            let path = self.path();
            if path.exists() {
                match Library::open_existing(&path) {
                    Ok(library) => self.library = Some(library),
                    Err(e) => self.message = Some(Err(e.to_string())),
                }
            }
        }
        self.library.as_ref()
    }

    /// Draws the panel.
    pub fn ui(&mut self, ui: &mut Ui, cx: &PanelContext, commands: &mut AppCommands) {
        ui.heading("Library");
        ui.label(
            "Findings, factors, latent conditions and named loops of every review added to the \
             library, as published: anonymised, learning findings only.",
        );
        if self.count.is_none() {
            // Looked for once, not every frame: no library counts as empty
            // until a review is added.
            self.count = Some(
                self.library()
                    .map_or(Ok(0), |l| l.review_count().map_err(|e| e.to_string())),
            );
        }
        ui.label(match &self.count {
            Some(Ok(0)) | None => format!(
                "The library is empty: no reviews have been added to {} yet.",
                self.path().display()
            ),
            Some(Ok(n)) => format!(
                "{n} review{} in {}",
                if *n == 1 { "" } else { "s" },
                self.path().display()
            ),
            Some(Err(e)) => e.clone(),
        });
        self.add_button(ui, cx, commands);
        match &self.message {
            Some(Ok(message)) => {
                ui.label(message.as_str());
            }
            Some(Err(message)) => error_note(ui, message),
            None => {}
        }
        ui.separator();
        ScrollArea::vertical()
            .id_salt("library-scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                self.search(ui, commands);
                ui.separator();
                self.themes(ui);
            });
    }

    fn add_button(&mut self, ui: &mut Ui, cx: &PanelContext, commands: &mut AppCommands) {
        let button = ui
            .add_enabled(
                cx.path.is_some(),
                Button::new("Add this review to the library"),
            )
            .on_hover_text(
                "Adds the review as last saved: its publication only (anonymised, learning \
                 findings), replacing an earlier copy",
            )
            .on_disabled_hover_text("Save the review to a file first");
        if button.clicked()
            && let Some(file) = cx.path
        {
            self.add(file, cx.template_folders);
            if let Some(Ok(added)) = &self.message {
                commands.push(AppCommand::Status(format!("Library: {added}")));
            }
        }
    }

    fn add(&mut self, file: &Path, folders: &[PathBuf]) {
        let path = self.path();
        self.library = None;
        let added = Library::open_or_create(&path)
            .map_err(AddError::Library)
            .and_then(|mut library| {
                let lexicon = Lexicon::find(folders).unwrap_or_else(|_| Lexicon::built_in());
                let added = library.add_file(file, &lexicon, folders);
                self.library = Some(library);
                added
            });
        self.message = Some(match added {
            Ok(added) => Ok(format!(
                "{} “{}” ({} items, {} actions)",
                if added.replaced { "Replaced" } else { "Added" },
                added.title,
                added.items,
                added.actions
            )),
            Err(AddError::Leaks { leaks, .. }) => Err(format!(
                "Not added: its published text would name someone or hold an identifier ({} \
                 found; the Report panel lists them). Nothing of it was stored.",
                leaks.len()
            )),
            Err(e) => Err(e.to_string()),
        });
        self.searched = None;
        self.groups = None;
        self.count = None;
    }

    fn search(&mut self, ui: &mut Ui, commands: &mut AppCommands) {
        let label = caption(ui, "Search the library");
        ui.add(
            TextEdit::singleline(&mut self.query)
                .hint_text("words, or \"a phrase\"")
                .desired_width(420.0),
        )
        .labelled_by(label.id);
        if self.searched.as_deref() != Some(self.query.as_str()) {
            let query = self.query.clone();
            let found = self.library().map(|l| l.search(&query, true, HITS));
            self.hits = match found {
                Some(Ok(hits)) => hits,
                Some(Err(e)) => {
                    self.message = Some(Err(e.to_string()));
                    Vec::new()
                }
                None => Vec::new(),
            };
            self.searched = Some(query);
        }
        if self.query.trim().is_empty() {
            return;
        }
        ui.label(format!(
            "{} hit{}{}",
            self.hits.len(),
            if self.hits.len() == 1 { "" } else { "s" },
            if self.hits.len() == HITS {
                " (the best shown)"
            } else {
                ""
            }
        ));
        for hit in &self.hits {
            let heading = if hit.title.is_empty() {
                format!("{} {}", hit.kind.name(), hit.record)
            } else {
                format!("{} {}: {}", hit.kind.name(), hit.record, hit.title)
            };
            let year = hit.year.map(|y| format!(", {y}")).unwrap_or_default();
            ui.group(|ui| {
                ui.label(RichText::new(format!("{}{year}", hit.review_title)).strong());
                let open = ui
                    .button(format!("Open {heading}"))
                    .on_hover_text(format!("Opens {}", hit.source_path));
                ui.label(hit.snippet.as_str());
                if open.clicked() {
                    let file = PathBuf::from(&hit.source_path);
                    if file.exists() {
                        commands.push(AppCommand::OpenFromLibrary {
                            file,
                            record: hit.record.clone(),
                        });
                    } else {
                        self.message = Some(Err(format!(
                            "{} is no longer there: the review has moved or been deleted. \
                             Add it again from where it is now.",
                            hit.source_path
                        )));
                    }
                }
            });
        }
    }

    fn themes(&mut self, ui: &mut Ui) {
        caption(ui, "Recurring themes");
        ui.horizontal(|ui| {
            for (grouping, label) in [
                (Grouping::Category, "By category"),
                (Grouping::Condition, "Conditions by level"),
                (Grouping::Loop, "Named loops"),
            ] {
                if ui
                    .add(Button::selectable(self.grouping == grouping, label))
                    .clicked()
                {
                    self.grouping = grouping;
                }
            }
        });
        let grouping = self.grouping;
        if self.groups.as_ref().is_none_or(|(g, _)| *g != grouping) {
            let found = self.library().map(|l| l.recurring(grouping));
            let groups = match found {
                Some(Ok(groups)) => groups,
                Some(Err(e)) => {
                    self.message = Some(Err(e.to_string()));
                    Vec::new()
                }
                None => Vec::new(),
            };
            self.groups = Some((grouping, groups));
        }
        let Some((_, groups)) = &self.groups else {
            return;
        };
        if groups.is_empty() {
            ui.label("Nothing to group yet.");
        }
        for group in groups {
            let years = match (group.years.first(), group.years.last()) {
                (Some(a), Some(b)) if a != b => format!(", {a}–{b}"),
                (Some(a), _) => format!(", {a}"),
                _ => String::new(),
            };
            let n = |count: usize, word: &str| {
                format!("{count} {word}{}", if count == 1 { "" } else { "s" })
            };
            let title = format!(
                "{} ({}): {} in {}, {}{years}",
                group.label,
                group.kind.name(),
                n(group.items, "item"),
                n(group.reviews.len(), "review"),
                n(group.partnerships.len(), "partnership"),
            );
            egui::CollapsingHeader::new(title)
                .id_salt(("library-group", group.kind.name(), &group.category))
                .show(ui, |ui| {
                    for review in &group.reviews {
                        ui.label(format!("{}: {}", review.title, n(review.items, "item")));
                    }
                    for theme in &group.themes {
                        ui.label(
                            RichText::new(format!(
                                "Worded alike ({}): {} in {}",
                                theme.terms.join(", "),
                                n(theme.items.len(), "item"),
                                n(theme.reviews, "review")
                            ))
                            .strong(),
                        );
                        for item in &theme.items {
                            ui.label(format!(
                                "{} {}: {}",
                                item.review_title, item.record, item.text
                            ));
                        }
                    }
                });
        }
    }
}
