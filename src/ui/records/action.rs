//! A finding's actions.

use chrono::NaiveDate;
use eframe::egui::{RichText, Ui};

use super::put;
use crate::edit::Change;
use crate::model::{Action, ActionStatus, Finding, Id, Record, Review};
use crate::ui::edits::Edits;
use crate::ui::forms::{Choice, Form, caption, error_note};

/// The text with its first letter in capitals.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The change that edits one action of a finding.
pub fn put_action(label: &str, f: &Finding, id: &Id, mutate: impl FnOnce(&mut Action)) -> Change {
    put(label, f, Record::Finding, |x| {
        if let Some(a) = x.actions.iter_mut().find(|a| &a.id == id) {
            mutate(a);
        }
    })
}

/// The form of one action.
pub fn action_form(
    ui: &mut Ui,
    review: &Review,
    f: &Finding,
    a: &Action,
    today: NaiveDate,
    edits: &mut Edits,
) {
    let id = &a.id;
    ui.push_id(id.as_str(), |ui| {
        ui.heading(format!("Action {id}"));
        if let Some(days) = a.days_overdue(today) {
            ui.label(
                RichText::new(format!(
                    "{OVERDUE_MARK}: due {}, {days} day{} ago, and not done.",
                    a.due.map(|d| d.human()).unwrap_or_default(),
                    if days == 1 { "" } else { "s" }
                ))
                .strong()
                .color(ui.visuals().warn_fg_color),
            );
        }
        ui.add_space(4.0);
        let accepted = super::accepted_in(review, &f.id);
        let mut form = Form::new(edits, format!("{}/{id}", f.id)).linted(accepted);
        form.lint_field(review, &f.id, &format!("actions[{id}].what"));
        form.text_multi(ui, "What will be done", &a.what, 2, |v| {
            put_action("Edit what the action does", f, id, |x| x.what = v)
        });
        owner_field(ui, review, f, a, form.edits());
        form.date(ui, "Due", a.due, false, |v| {
            Some(put_action("Set the action's due date", f, id, |x| {
                x.due = v
            }))
        });
        let statuses: Vec<Choice<ActionStatus>> = ActionStatus::ALL
            .iter()
            .map(|s| Choice {
                value: *s,
                label: capitalised(s.label()),
                hover: String::new(),
            })
            .collect();
        form.choice(ui, "Status", &a.status, &statuses, |v| {
            put_action("Set the action's status", f, id, |x| x.status = v)
        });
        if a.status == ActionStatus::Dropped || !a.dropped_reason.is_empty() {
            form.lint_field(review, &f.id, &format!("actions[{id}].dropped_reason"));
            form.text_multi(ui, "Why it was dropped", &a.dropped_reason, 2, |v| {
                put_action("Edit why the action was dropped", f, id, |x| {
                    x.dropped_reason = v
                })
            });
            if a.status == ActionStatus::Dropped && a.dropped_reason.trim().is_empty() {
                error_note(ui, "Say why the action was dropped.");
            }
        }
        form.lint_field(review, &f.id, &format!("actions[{id}].impact_expected"));
        form.text_multi(
            ui,
            "Evidence of impact expected",
            &a.impact_expected,
            2,
            |v| {
                put_action("Edit the evidence of impact expected", f, id, |x| {
                    x.impact_expected = v
                })
            },
        );
        form.lint_field(review, &f.id, &format!("actions[{id}].evidence"));
        form.text_multi(ui, "Evidence received", &a.evidence, 2, |v| {
            put_action("Edit the evidence received", f, id, |x| x.evidence = v)
        });
        form.date(ui, "Next review", a.review_on, false, |v| {
            Some(put_action("Set the action's review date", f, id, |x| {
                x.review_on = v
            }))
        });
        if ui
            .button(format!("Remove action {id}"))
            .on_hover_text("Undo brings it back.")
            .clicked()
        {
            let gone = id.clone();
            form.edits()
                .apply(put("Remove action", f, Record::Finding, |x| {
                    x.actions.retain(|a| a.id != gone)
                }));
        }
    });
}

/// The owner, typed, with the review's agencies to choose from.
pub fn owner_field(ui: &mut Ui, review: &Review, f: &Finding, a: &Action, edits: &mut Edits) {
    let id = &a.id;
    let mut form = Form::new(edits, format!("{}/{id}", f.id));
    form.text(ui, "Owner", &a.owner, |v| {
        put_action("Edit the action's owner", f, id, |x| x.owner = v)
    });
    if review.agencies.is_empty() {
        return;
    }
    let mut picked = None;
    ui.menu_button("Choose an agency as owner…", |ui| {
        caption(ui, "The review's agencies");
        for agency in &review.agencies {
            let name = agency.name.trim();
            if name.is_empty() {
                continue;
            }
            let item = ui.button(name);
            let item = if agency.generic_name.trim().is_empty() {
                item
            } else {
                item.on_hover_text(format!("Published as “{}”", agency.generic_name.trim()))
            };
            if item.clicked() {
                picked = Some(name.to_string());
                ui.close();
            }
        }
    });
    if let Some(name) = picked
        && name != a.owner
    {
        form.edits()
            .apply(put_action("Choose the action's owner", f, id, |x| {
                x.owner = name
            }));
    }
    ui.add_space(8.0);
}

/// The mark of an overdue action, in words, so that it is never shown by
/// colour alone.
pub const OVERDUE_MARK: &str = "Overdue";
