//! The Loops panel: the feedback loops found in the causal links (R or B,
//! highlighted on their diagram), causal loop diagram variables, the causal
//! links between them (S or O, with or without delay), and the loops the
//! reviewer names.

mod finder;
mod found;

use eframe::egui::{Button, Ui};

use found::FeedbackLoopsView;

use super::{
    PanelContext, add, list_and_form, list_header, nothing_selected, or_untitled, record_list,
};
use crate::model::{Id, Link, LinkKind, NamedLoop, Polarity, Record, RecordKind, Review, Variable};
use crate::ui::app_commands::AppCommands;
use crate::ui::edits::Edits;
use crate::ui::records::{link_ends, link_form, loop_form, variable_form};

/// Which list the Loops panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum LoopsList {
    #[default]
    Found,
    Variables,
    Links,
    Loops,
}

/// View state of the Loops panel.
#[derive(Default)]
pub struct LoopsPanel {
    list: LoopsList,
    found: FeedbackLoopsView,
    variable: Option<Id>,
    link: Option<Id>,
    named: Option<Id>,
}

impl LoopsPanel {
    /// Draws the panel.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        cx: &PanelContext,
        edits: &mut Edits,
        commands: &mut AppCommands,
    ) {
        ui.horizontal(|ui| {
            ui.add_space(8.0);
            for (list, label) in [
                (LoopsList::Found, "Feedback loops"),
                (LoopsList::Variables, "Variables"),
                (LoopsList::Links, "Causal links"),
                (LoopsList::Loops, "Named loops"),
            ] {
                if ui.selectable_label(self.list == list, label).clicked() {
                    self.list = list;
                }
            }
        });
        ui.separator();
        let review = cx.review;
        let revision = cx.revision;
        list_and_form(
            ui,
            "loops",
            &mut (self, edits, commands),
            |ui, (panel, edits, _)| panel.lists(ui, review, revision, edits),
            |ui, (panel, edits, commands)| panel.form(ui, review, edits, commands),
        );
    }

    /// The records highlighted for the selected feedback loop.
    pub fn highlighted(&self) -> Option<&std::collections::HashSet<Id>> {
        self.found.highlighted()
    }

    fn lists(&mut self, ui: &mut Ui, review: &Review, revision: (u64, u64), edits: &mut Edits) {
        match self.list {
            LoopsList::Found => self.found.list(ui, review, revision),
            LoopsList::Variables => {
                if list_header(ui, "Causal loop variables", "Add variable") {
                    let id = review.next_id(RecordKind::Variable);
                    let variable = Variable {
                        id: id.clone(),
                        ..Default::default()
                    };
                    edits.apply(add("Add variable", Record::Variable(variable)));
                    crate::ui::forms::focus_soon(ui.ctx(), id.as_str(), "Variable name");
                    self.variable = Some(id);
                }
                let rows: Vec<(Id, String)> = review
                    .variables
                    .iter()
                    .map(|v| (v.id.clone(), or_untitled(&v.name, "name")))
                    .collect();
                record_list(
                    ui,
                    "variable-rows",
                    &rows,
                    &mut self.variable,
                    f32::INFINITY,
                );
            }
            LoopsList::Links => {
                ui.add_space(4.0);
                ui.heading("Causal links");
                let ends = link_ends(review);
                let can_add = ends.len() >= 2;
                let button = ui
                    .add_enabled(can_add, Button::new("Add causal link"))
                    .on_disabled_hover_text("Add two variables first");
                if button.clicked() {
                    let id = review.next_id(RecordKind::Link);
                    let link = Link {
                        id: id.clone(),
                        from: ends[0].0.clone(),
                        to: ends[1].0.clone(),
                        kind: LinkKind::Causal {
                            polarity: Polarity::Same,
                            delay: false,
                        },
                        note: String::new(),
                    };
                    edits.apply(add("Add causal link", Record::Link(link)));
                    self.link = Some(id);
                }
                ui.add_space(4.0);
                let rows: Vec<(Id, String)> = review
                    .links
                    .iter()
                    .filter_map(|l| match l.kind {
                        LinkKind::Causal { polarity, delay } => {
                            let delay = if delay { " ‖" } else { "" };
                            let title = format!(
                                "{} → {} ({}{delay})",
                                review.title_of(&l.from),
                                review.title_of(&l.to),
                                polarity.letter()
                            );
                            Some((l.id.clone(), title))
                        }
                        _ => None,
                    })
                    .collect();
                record_list(ui, "link-rows", &rows, &mut self.link, f32::INFINITY);
            }
            LoopsList::Loops => {
                if list_header(ui, "Named loops", "Add loop") {
                    let id = review.next_id(RecordKind::NamedLoop);
                    let named = NamedLoop {
                        id: id.clone(),
                        ..Default::default()
                    };
                    edits.apply(add("Add named loop", Record::NamedLoop(named)));
                    crate::ui::forms::focus_soon(ui.ctx(), id.as_str(), "Loop name");
                    self.named = Some(id);
                }
                let rows: Vec<(Id, String)> = review
                    .named_loops
                    .iter()
                    .map(|l| {
                        let label = if l.label.is_empty() {
                            String::new()
                        } else {
                            format!("{}: ", l.label)
                        };
                        (
                            l.id.clone(),
                            format!("{label}{}", or_untitled(&l.name, "name")),
                        )
                    })
                    .collect();
                record_list(ui, "loop-rows", &rows, &mut self.named, f32::INFINITY);
            }
        }
    }

    fn form(
        &mut self,
        ui: &mut Ui,
        review: &Review,
        edits: &mut Edits,
        commands: &mut AppCommands,
    ) {
        match self.list {
            LoopsList::Found => self.found.detail(ui, review, edits, commands),
            LoopsList::Variables => match self
                .variable
                .as_ref()
                .and_then(|id| review.variables.iter().find(|v| &v.id == id))
            {
                Some(variable) => variable_form(ui, review, variable, edits),
                None => nothing_selected(ui, "a variable"),
            },
            LoopsList::Links => match self.link.as_ref().and_then(|id| {
                review
                    .links
                    .iter()
                    .find(|l| &l.id == id && matches!(l.kind, LinkKind::Causal { .. }))
            }) {
                Some(link) => link_form(ui, review, link, edits),
                None => nothing_selected(ui, "a causal link"),
            },
            LoopsList::Loops => match self
                .named
                .as_ref()
                .and_then(|id| review.named_loops.iter().find(|l| &l.id == id))
            {
                Some(named) => loop_form(ui, review, named, edits),
                None => nothing_selected(ui, "a named loop"),
            },
        }
    }
}
