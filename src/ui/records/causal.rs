//! Causal loop records: variables, causal links and named loops.

use eframe::egui::{Color32, RichText, Ui};

use super::{delete_button, put, titled, titled_kinds};
use crate::analysis::loops::{LoopKind, NamedLoopState, named_loop_state};
use crate::model::{Id, Link, LinkKind, NamedLoop, Record, RecordKind, Review, Variable};
use crate::ui::edits::Edits;
use crate::ui::forms::{Choice, Form};
use crate::ui::labels;

/// The records a causal link may join, with their titles.
pub fn link_ends(review: &Review) -> Vec<(Id, String)> {
    titled_kinds(
        review,
        &[
            RecordKind::Variable,
            RecordKind::Factor,
            RecordKind::Condition,
        ],
    )
}

/// The form of one causal variable.
pub fn variable_form(ui: &mut Ui, review: &Review, variable: &Variable, edits: &mut Edits) {
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

/// The form of one causal link: its ends, polarity (S/O) and delay.
pub fn link_form(ui: &mut Ui, review: &Review, link: &Link, edits: &mut Edits) {
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

/// The form of one named loop: its kind (R/B), story and whether its links still close it.
pub fn loop_form(ui: &mut Ui, review: &Review, named: &NamedLoop, edits: &mut Edits) {
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

/// A loop's badge colour.
pub fn kind_colour(kind: LoopKind) -> Color32 {
    match kind {
        LoopKind::Reinforcing => Color32::from_rgb(190, 50, 40),
        LoopKind::Balancing => Color32::from_rgb(30, 90, 180),
    }
}
