//! The part of the Report panel where the reviewers write what the report
//! says about the review itself: the executive summary and key messages,
//! the child, the family's involvement, the review process and the
//! partnership's response. Each group folds away; every field is linted
//! for hindsight and blame language as it is typed, and the preview below
//! shows the result at the next revision.

use eframe::egui::{self, Ui};

use super::{PanelContext, set_meta};
use crate::analysis::language::account_field_context;
use crate::model::text_fields;
use crate::model::{Answer, ReviewMeta, TeamMember};
use crate::ui::edits::Edits;
use crate::ui::forms::{Choice, Form};

/// The answers to "did the family see the draft?".
const SAW_DRAFT: &[(Answer, &str)] = &[
    (Answer::NotKnown, "Not yet said"),
    (Answer::Yes, "Yes: they were offered the draft"),
    (Answer::No, "No"),
];

/// Draws the account's groups.
pub fn account_section(ui: &mut Ui, cx: &PanelContext, edits: &mut Edits) {
    let meta = &cx.review.meta;
    ui.heading("What the report says about the review");
    ui.weak(
        "Written by the review team and published after anonymisation. A part left empty is left \
         out of the report, and the publication check says so.",
    );
    ui.add_space(4.0);
    let accepted = meta
        .accepted_language
        .iter()
        .filter(|a| a.record.as_str() == crate::anonymise::fields::META)
        .map(|a| a.phrase.clone())
        .collect::<Vec<_>>();
    let mut form = Form::new(edits, "account").linted(accepted);
    group(ui, "Executive summary and key messages", |ui| {
        summary(ui, &mut form, meta)
    });
    group(ui, "The child", |ui| child(ui, &mut form, meta));
    group(ui, "Family involvement", |ui| family(ui, &mut form, meta));
    group(ui, "The review process", |ui| process(ui, &mut form, meta));
    group(ui, "The partnership's response", |ui| {
        response(ui, &mut form, meta)
    });
}

/// A group that folds away, closed at first.
fn group(ui: &mut Ui, title: &str, body: impl FnOnce(&mut Ui)) {
    egui::CollapsingHeader::new(title)
        .id_salt(("account", title))
        .default_open(false)
        .show(ui, body);
}

fn summary(ui: &mut Ui, form: &mut Form, meta: &ReviewMeta) {
    let account = &meta.account;
    form.text(
        ui,
        "Date on the cover (as you write it, e.g. March 2024)",
        &account.cover_date,
        |v| set_meta(meta, "Edit the cover date", |m| m.account.cover_date = v),
    );
    form.text_multi(
        ui,
        "Executive summary",
        &account.executive_summary,
        6,
        |v| {
            set_meta(meta, "Edit executive summary", |m| {
                m.account.executive_summary = v
            })
        },
    );
    form.list(
        ui,
        "Key messages (when none, the findings' statements are the key findings)",
        "key message",
        &account.key_messages,
        |v| set_meta(meta, "Edit key messages", |m| m.account.key_messages = v),
    );
}

fn child(ui: &mut Ui, form: &mut Form, meta: &ReviewMeta) {
    texts(ui, form, meta, CHILD);
}

fn family(ui: &mut Ui, form: &mut Form, meta: &ReviewMeta) {
    let (before, views) = FAMILY.split_at(FAMILY.len() - 1);
    texts(ui, form, meta, before);
    form.choice(
        ui,
        "Did the family see the draft report?",
        &meta.account.family.saw_draft,
        &Choice::list(SAW_DRAFT),
        |v| {
            set_meta(meta, "Change whether the family saw the draft", |m| {
                m.account.family.saw_draft = v
            })
        },
    );
    texts(ui, form, meta, views);
}

fn process(ui: &mut Ui, form: &mut Form, meta: &ReviewMeta) {
    team(ui, form, meta);
    texts(ui, form, meta, PROCESS);
}

/// The review team, one row per member: role and agency, never a name.
fn team(ui: &mut Ui, form: &mut Form, meta: &ReviewMeta) {
    let members = &meta.account.process.team;
    crate::ui::forms::caption(ui, "The review team (role and agency; no names)");
    let mut changed: Option<Vec<TeamMember>> = None;
    // One width for every row, measured before any row widens the panel.
    let width = ((ui.available_width() - 90.0) / 2.0).max(100.0);
    for (i, member) in members.iter().enumerate() {
        ui.horizontal(|ui| {
            for (part, value) in [("role", &member.role), ("agency", &member.agency)] {
                let mut text = value.clone();
                let response = ui
                    .add(
                        egui::TextEdit::singleline(&mut text)
                            .id_salt(("team", i, part))
                            .hint_text(part)
                            .desired_width(width),
                    )
                    .accessible_name(format!("Team member {} {part}", i + 1));
                if response.changed() && text != *value {
                    let mut list = members.clone();
                    match part {
                        "role" => list[i].role = text,
                        _ => list[i].agency = text,
                    }
                    let key = format!("account/team/{i}/{part}");
                    form.edits().typing(
                        set_meta(meta, "Edit the review team", |m| {
                            m.account.process.team = list
                        }),
                        key,
                    );
                }
                if response.lost_focus() {
                    form.edits().seal();
                }
            }
            if ui
                .button("Remove")
                .accessible_name(format!("Remove team member {}", i + 1))
                .clicked()
            {
                let mut list = members.clone();
                list.remove(i);
                changed = Some(list);
            }
        });
    }
    if ui.button("Add a team member").clicked() {
        let mut list = members.clone();
        list.push(TeamMember::default());
        changed = Some(list);
    }
    if let Some(list) = changed {
        form.edits()
            .apply(set_meta(meta, "Edit the review team", |m| {
                m.account.process.team = list
            }));
    }
    ui.add_space(6.0);
}

fn response(ui: &mut Ui, form: &mut Form, meta: &ReviewMeta) {
    texts(ui, form, meta, RESPONSE);
}

/// One text of the account in a form: its label, its height in rows, the
/// name of the change that edits it, and its path in the schema of text
/// fields, which gets and sets it and says how the lint reads it.
struct AccountText {
    label: &'static str,
    rows: usize,
    change: &'static str,
    path: &'static str,
}

/// The texts, each a multi-line field whose edits are undoable changes,
/// linted as `check` and the Language panel read them.
fn texts(ui: &mut Ui, form: &mut Form, meta: &ReviewMeta, fields: &[AccountText]) {
    for field in fields {
        let Some(described) = text_fields::find(text_fields::META, field.path) else {
            debug_assert!(false, "{} is not in the schema of text fields", field.path);
            continue;
        };
        let mut value = String::new();
        described.each(meta, &mut |_, text| value.clone_from(text));
        form.lint_as(account_field_context(field.path));
        form.text_multi(ui, field.label, &value, field.rows, |v| {
            set_meta(meta, field.change, |m| {
                (described.get_mut)(m, &mut |_, text| *text = v.clone())
            })
        });
    }
    form.lint_as(account_field_context("account"));
}

/// The child's texts.
const CHILD: &[AccountText] = &[
    AccountText {
        label: "Who the child is",
        rows: 3,
        change: "Edit who the child is",
        path: "account.child.who",
    },
    AccountText {
        label: "Interests and strengths",
        rows: 3,
        change: "Edit the child's interests",
        path: "account.child.enjoyed",
    },
    AccountText {
        label: "Identity, culture and language",
        rows: 3,
        change: "Edit the child's identity",
        path: "account.child.identity",
    },
    AccountText {
        label: "Daily life during the period (the child's lived experience)",
        rows: 4,
        change: "Edit the child's lived experience",
        path: "account.child.lived_experience",
    },
];

/// The family's texts; the last, their views, comes after the question of
/// the draft.
const FAMILY: &[AccountText] = &[
    AccountText {
        label: "Who was invited, and how",
        rows: 3,
        change: "Edit who was invited",
        path: "account.family.invited",
    },
    AccountText {
        label: "Who took part, and how",
        rows: 3,
        change: "Edit who took part",
        path: "account.family.took_part",
    },
    AccountText {
        label: "Who did not take part, and why",
        rows: 2,
        change: "Edit who did not take part",
        path: "account.family.declined",
    },
    AccountText {
        label: "The family's views, in their words",
        rows: 4,
        change: "Edit the family's views",
        path: "account.family.views",
    },
];

/// The review process's texts (the team is a table of its own).
const PROCESS: &[AccountText] = &[
    AccountText {
        label: "The reviewers' independence",
        rows: 3,
        change: "Edit the reviewers' independence",
        path: "account.process.independence",
    },
    AccountText {
        label: "How practitioners took part (case group, learning events)",
        rows: 3,
        change: "Edit practitioners' involvement",
        path: "account.process.practitioners",
    },
    AccountText {
        label: "Parallel processes and their effect on timing",
        rows: 3,
        change: "Edit parallel processes",
        path: "account.process.parallel_processes",
    },
    AccountText {
        label: "Limitations",
        rows: 3,
        change: "Edit limitations",
        path: "account.process.limitations",
    },
    AccountText {
        label: "Timescale",
        rows: 3,
        change: "Edit timescale",
        path: "account.process.timescale",
    },
];

/// The partnership's response.
const RESPONSE: &[AccountText] = &[
    AccountText {
        label: "The partnership's response to the findings",
        rows: 4,
        change: "Edit the partnership's response",
        path: "account.response.response",
    },
    AccountText {
        label: "Action already taken",
        rows: 4,
        change: "Edit action already taken",
        path: "account.response.action_taken",
    },
];
