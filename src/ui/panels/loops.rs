//! The Loops panel: the feedback loops found in the causal links (R or B,
//! highlighted on their diagram), causal loop diagram variables, the causal
//! links between them (S or O, with or without delay), and the loops the
//! reviewer names.

use eframe::egui::{Button, RichText, Ui};

use super::feedback_loops::{FeedbackLoopsView, kind_colour};

use super::{
    PanelContext, add, delete_button, list_and_form, list_header, nothing_selected, or_untitled,
    put, record_list, titled, titled_kinds,
};
use crate::analysis::loops::{LoopKind, NamedLoopState, named_loop_state};
use crate::model::{Id, Link, LinkKind, NamedLoop, Polarity, Record, RecordKind, Review, Variable};
use crate::ui::app_commands::AppCommands;
use crate::ui::edits::Edits;
use crate::ui::forms::{Choice, Form};
use crate::ui::labels;

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

/// The records a causal link may join, with their titles.
fn link_ends(review: &Review) -> Vec<(Id, String)> {
    titled_kinds(
        review,
        &[
            RecordKind::Variable,
            RecordKind::Factor,
            RecordKind::Condition,
        ],
    )
}

pub(super) fn variable_form(ui: &mut Ui, review: &Review, variable: &Variable, edits: &mut Edits) {
    let v = variable;
    ui.push_id(v.id.as_str(), |ui| {
        ui.heading(format!("Variable {}", v.id));
        ui.weak("A noun phrase that can rise or fall, e.g. \"Compliance with Prescriptions\".");
        ui.add_space(6.0);
        let mut form = Form::new(edits, v.id.as_str());
        form.text(ui, "Variable name", &v.name, |x| {
            put("Edit variable name", v, Record::Variable, |r| r.name = x)
        });
        form.text_multi(ui, "What it measures", &v.description, 3, |x| {
            put("Edit variable description", v, Record::Variable, |r| {
                r.description = x
            })
        });
        let links = review
            .links_touching(&v.id)
            .filter(|l| matches!(l.kind, LinkKind::Causal { .. }))
            .count();
        ui.label(format!("In {links} causal links."));
        delete_button(ui, review, &v.id, "variable", form.edits());
    });
}

pub(super) fn link_form(ui: &mut Ui, review: &Review, link: &Link, edits: &mut Edits) {
    let LinkKind::Causal { polarity, delay } = link.kind else {
        return;
    };
    let l = link;
    ui.push_id(l.id.as_str(), |ui| {
        ui.heading(format!("Causal link {}", l.id));
        ui.weak("Read as: a change in the first produces a change in the second.");
        ui.add_space(6.0);
        let ends: Vec<Choice<Id>> = link_ends(review)
            .into_iter()
            .map(|(id, title)| Choice {
                label: format!("{id}  {}", crate::ui::forms::short(&title, 70)),
                value: id,
                hover: title,
            })
            .collect();
        let mut form = Form::new(edits, l.id.as_str());
        form.choice(ui, "From", &l.from, &ends, |v| {
            put("Change link start", l, Record::Link, |x| x.from = v)
        });
        form.choice(ui, "To", &l.to, &ends, |v| {
            put("Change link end", l, Record::Link, |x| x.to = v)
        });
        form.choice(
            ui,
            "Polarity",
            &polarity,
            &Choice::list(labels::POLARITIES),
            |v| {
                put("Change polarity", l, Record::Link, |x| {
                    x.kind = LinkKind::Causal { polarity: v, delay }
                })
            },
        );
        form.check(ui, "Delay: the effect takes time to show", delay, |v| {
            put("Change delay", l, Record::Link, |x| {
                x.kind = LinkKind::Causal { polarity, delay: v }
            })
        });
        form.text_multi(ui, "Notes and evidence", &l.note, 3, |v| {
            put("Edit link note", l, Record::Link, |x| x.note = v)
        });
        delete_button(ui, review, &l.id, "link", form.edits());
    });
}

fn loop_form(ui: &mut Ui, review: &Review, named: &NamedLoop, edits: &mut Edits) {
    let n = named;
    ui.push_id(n.id.as_str(), |ui| {
        ui.heading(format!("Named loop {}", n.id));
        match named_loop_state(review, n) {
            NamedLoopState::Intact { kind, delayed } => {
                let word = match kind {
                    LoopKind::Reinforcing => "reinforcing",
                    LoopKind::Balancing => "balancing",
                };
                let delay = if delayed { ", with a delay" } else { "" };
                ui.label(RichText::new(format!("Still a loop of the causal links: {word}{delay}.")).color(kind_colour(kind)));
            }
            NamedLoopState::Broken { from, to } => {
                ui.label(
                    RichText::new(format!(
                        "Broken: there is no causal link from {} to {} any more. Restore the link or change the variables.",
                        review.title_of(&from),
                        review.title_of(&to)
                    ))
                    .color(ui.visuals().warn_fg_color),
                );
            }
            NamedLoopState::Empty => {
                ui.weak("Choose the loop's variables in loop order.");
            }
        }
        ui.add_space(6.0);
        let mut form = Form::new(edits, n.id.as_str());
        form.text(ui, "Loop name", &n.name, |v| {
            put("Edit loop name", n, Record::NamedLoop, |x| x.name = v)
        });
        form.text(ui, "Label drawn in the loop (e.g. B1, R1)", &n.label, |v| {
            put("Edit loop label", n, Record::NamedLoop, |x| x.label = v)
        });
        form.ordered_records(
            ui,
            "Variables, in loop order",
            "variable",
            &titled(review, n.variables.iter().cloned()),
            || titled(review, review.ids_of(RecordKind::Variable)),
            |v| {
                put("Edit loop variables", n, Record::NamedLoop, |x| {
                    x.variables = v
                })
            },
        );
        form.text_multi(
            ui,
            "What the loop does and why it matters",
            &n.narrative,
            4,
            |v| {
                put("Edit loop narrative", n, Record::NamedLoop, |x| {
                    x.narrative = v
                })
            },
        );
        form.records(
            ui,
            "Findings it explains",
            "finding",
            &titled(review, n.findings.iter().cloned()),
            || titled(review, review.ids_of(RecordKind::Finding)),
            |v| {
                put("Link findings to loop", n, Record::NamedLoop, |x| {
                    x.findings = v
                })
            },
        );
        delete_button(ui, review, &n.id, "loop", form.edits());
    });
}
