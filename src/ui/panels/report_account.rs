//! The part of the Report panel where the reviewers write what the report
//! says about the review itself: the executive summary and key messages,
//! the child, the family's involvement, the review process and the
//! partnership's response. Each group folds away; every field is linted
//! for hindsight and blame language as it is typed, and the preview below
//! shows the result at the next revision.

use eframe::egui::{self, Ui};

use super::{PanelContext, set_meta};
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
    let child = &meta.account.child;
    form.text_multi(ui, "Who the child is", &child.who, 3, |v| {
        set_meta(meta, "Edit who the child is", |m| m.account.child.who = v)
    });
    form.text_multi(ui, "Interests and strengths", &child.enjoyed, 3, |v| {
        set_meta(meta, "Edit the child's interests", |m| {
            m.account.child.enjoyed = v
        })
    });
    form.text_multi(
        ui,
        "Identity, culture and language",
        &child.identity,
        3,
        |v| {
            set_meta(meta, "Edit the child's identity", |m| {
                m.account.child.identity = v
            })
        },
    );
    form.text_multi(
        ui,
        "Daily life during the period (the child's lived experience)",
        &child.lived_experience,
        4,
        |v| {
            set_meta(meta, "Edit the child's lived experience", |m| {
                m.account.child.lived_experience = v
            })
        },
    );
}

fn family(ui: &mut Ui, form: &mut Form, meta: &ReviewMeta) {
    let family = &meta.account.family;
    form.text_multi(ui, "Who was invited, and how", &family.invited, 3, |v| {
        set_meta(meta, "Edit who was invited", |m| {
            m.account.family.invited = v
        })
    });
    form.text_multi(ui, "Who took part, and how", &family.took_part, 3, |v| {
        set_meta(meta, "Edit who took part", |m| {
            m.account.family.took_part = v
        })
    });
    form.text_multi(
        ui,
        "Who did not take part, and why",
        &family.declined,
        2,
        |v| {
            set_meta(meta, "Edit who did not take part", |m| {
                m.account.family.declined = v
            })
        },
    );
    form.choice(
        ui,
        "Did the family see the draft report?",
        &family.saw_draft,
        &Choice::list(SAW_DRAFT),
        |v| {
            set_meta(meta, "Change whether the family saw the draft", |m| {
                m.account.family.saw_draft = v
            })
        },
    );
    form.text_multi(
        ui,
        "The family's views, in their words",
        &family.views,
        4,
        |v| {
            set_meta(meta, "Edit the family's views", |m| {
                m.account.family.views = v
            })
        },
    );
}

fn process(ui: &mut Ui, form: &mut Form, meta: &ReviewMeta) {
    let process = &meta.account.process;
    team(ui, form, meta);
    for (label, value, change, set) in [
        (
            "The reviewers' independence",
            &process.independence,
            "Edit the reviewers' independence",
            (|m: &mut ReviewMeta, v| m.account.process.independence = v)
                as fn(&mut ReviewMeta, String),
        ),
        (
            "How practitioners took part (case group, learning events)",
            &process.practitioners,
            "Edit practitioners' involvement",
            |m, v| m.account.process.practitioners = v,
        ),
        (
            "Parallel processes and their effect on timing",
            &process.parallel_processes,
            "Edit parallel processes",
            |m, v| m.account.process.parallel_processes = v,
        ),
        (
            "Limitations",
            &process.limitations,
            "Edit limitations",
            |m, v| m.account.process.limitations = v,
        ),
        ("Timescale", &process.timescale, "Edit timescale", |m, v| {
            m.account.process.timescale = v
        }),
    ] {
        form.text_multi(ui, label, value, 3, |v| {
            set_meta(meta, change, |m| set(m, v))
        });
    }
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
    let response = &meta.account.response;
    form.text_multi(
        ui,
        "The partnership's response to the findings",
        &response.response,
        4,
        |v| {
            set_meta(meta, "Edit the partnership's response", |m| {
                m.account.response.response = v
            })
        },
    );
    form.text_multi(ui, "Action already taken", &response.action_taken, 4, |v| {
        set_meta(meta, "Edit action already taken", |m| {
            m.account.response.action_taken = v
        })
    });
}
