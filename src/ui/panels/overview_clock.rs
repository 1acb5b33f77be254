//! The Overview's statutory timetable: each milestone with its deadline and
//! status (a missed one asks why), the dates that drive them, what a rapid
//! review needs, and which agencies have returned what.

use chrono::NaiveDate;
use eframe::egui::{self, Color32, RichText, Ui};

use super::{Goto, PanelContext, PanelKind, set_meta};
use crate::model::{
    ClosureDay, DEFAULT_CALENDAR, Milestone, MissedReason, Pause, RapidReviewAnchor, ReviewClock,
    ReviewDecision, ReviewMeta, ReviewType,
};
use crate::timetable::{
    Calendar, MilestoneState, Status, calendar_for, long_date as long, milestones,
};
use crate::ui::edits::Edits;
use crate::ui::forms::{Choice, Form, error_note};

/// The calendar of a review, kept while its name, closures and the
/// templates folders stay the same (finding it parses a file).
#[derive(Default)]
pub struct ClockCache {
    key: Option<(String, Vec<ClosureDay>)>,
    calendar: Option<Result<Calendar, String>>,
    /// The calendars to choose from, for the review's calendar name
    /// (building them parses the built-in calendars).
    choices: Option<(String, Vec<Choice<String>>)>,
}

impl ClockCache {
    fn calendar(&mut self, clock: &ReviewClock, cx: &PanelContext) -> &Result<Calendar, String> {
        let key = (clock.calendar_name().to_string(), clock.closures.clone());
        if self.key.as_ref() != Some(&key) || self.calendar.is_none() {
            self.calendar =
                Some(calendar_for(clock, cx.template_folders).map_err(|e| e.to_string()));
            self.key = Some(key);
        }
        self.calendar.as_ref().expect("set above")
    }

    fn choices(&mut self, current: &str) -> &[Choice<String>] {
        if self
            .choices
            .as_ref()
            .is_none_or(|(name, _)| name != current)
        {
            self.choices = Some((current.to_string(), calendar_choices(current)));
        }
        &self.choices.as_ref().expect("set above").1
    }
}

/// Labels of the decisions.
const DECISIONS: &[(ReviewDecision, &str)] = &[
    (ReviewDecision::Undecided, "Not decided yet"),
    (
        ReviewDecision::LocalReview,
        "A local child safeguarding practice review",
    ),
    (
        ReviewDecision::NationalReview,
        "A national review by the panel",
    ),
    (ReviewDecision::NoFurtherReview, "No further review"),
];

/// Labels of the rapid review's anchors.
const ANCHORS: &[(RapidReviewAnchor, &str)] = &[
    (
        RapidReviewAnchor::Notified,
        "The notification to the national panel",
    ),
    (RapidReviewAnchor::Aware, "Becoming aware of the incident"),
];

/// The milestones and their status, today.
pub fn milestones_section(
    ui: &mut Ui,
    cx: &PanelContext,
    cache: &mut ClockCache,
    edits: &mut Edits,
) {
    let meta = &cx.review.meta;
    ui.heading("Statutory timetable");
    let calendar = match cache.calendar(&meta.clock, cx) {
        Ok(calendar) => calendar.clone(),
        Err(error) => {
            error_note(ui, error);
            return;
        }
    };
    let today = chrono::Local::now().date_naive();
    ui.weak(format!(
        "Working days in {}, as on {}.",
        calendar.title,
        long(today)
    ));
    ui.add_space(6.0);
    let states = milestones(&meta.clock, &calendar, today);
    let mut form = Form::new(edits, "clock");
    for state in &states {
        milestone_row(ui, &mut form, meta, state);
    }
}

fn milestone_row(ui: &mut Ui, form: &mut Form, meta: &ReviewMeta, state: &MilestoneState) {
    let colour = status_colour(ui, state.status);
    let line = format!("{}: {}", state.milestone.label(), state.summary());
    ui.label(RichText::new(line).color(colour));
    ui.indent(("milestone", state.milestone), |ui| {
        ui.weak(&state.basis);
        if let Some(caution) = &state.caution {
            ui.label(RichText::new(caution).color(ui.visuals().warn_fg_color));
        }
        if state.status.is_missed() || state.reason.is_some() {
            let milestone = state.milestone;
            let current = state.reason.clone().unwrap_or_default();
            form.text(
                ui,
                &format!("Why was the {} deadline missed?", milestone.name()),
                &current,
                |v| {
                    set_meta(meta, "Record why a deadline was missed", |m| {
                        set_missed_reason(&mut m.clock, milestone, v)
                    })
                },
            );
        }
    });
    ui.add_space(4.0);
}

/// Records (or, with empty text, clears) why `milestone` was missed.
fn set_missed_reason(clock: &mut ReviewClock, milestone: Milestone, reason: String) {
    clock.missed.retain(|m| m.milestone != milestone);
    if !reason.trim().is_empty() {
        clock.missed.push(MissedReason { milestone, reason });
        clock.missed.sort_by_key(|m| m.milestone);
    }
}

/// The colour of a status: red when missed, amber when close or paused.
fn status_colour(ui: &Ui, status: Status) -> Color32 {
    match status {
        Status::Overdue(_) | Status::DoneLate | Status::TooEarly => ui.visuals().error_fg_color,
        Status::Due(n) if n <= 3 => ui.visuals().warn_fg_color,
        Status::Paused => ui.visuals().warn_fg_color,
        _ => ui.visuals().text_color(),
    }
}

/// The dates and decisions of the clock, to edit.
pub fn dates_section(ui: &mut Ui, cx: &PanelContext, cache: &mut ClockCache, edits: &mut Edits) {
    let meta = &cx.review.meta;
    let clock = &meta.clock;
    ui.heading("Timetable dates");
    ui.weak("The dates the statutory timetable counts from. Type 2027-01-05 or 05/01/2027.");
    ui.add_space(6.0);
    let review_id = crate::model::Id::from(crate::anonymise::fields::META);
    let accepted = meta
        .accepted_language
        .iter()
        .filter(|a| a.record == review_id)
        .map(|a| a.phrase.clone());
    let mut form = Form::new(edits, "clock").linted(accepted);
    form.choice(
        ui,
        "Bank holidays",
        &clock.calendar_name().to_string(),
        cache.choices(clock.calendar_name()),
        |v| {
            set_meta(meta, "Change the calendar", |m| {
                m.clock.calendar = if v == DEFAULT_CALENDAR {
                    String::new()
                } else {
                    v
                }
            })
        },
    );
    form.choice(
        ui,
        "The rapid review's 15 working days count from",
        &clock.rapid_review_from,
        &Choice::list(ANCHORS),
        |v| {
            set_meta(meta, "Change what the rapid review counts from", |m| {
                m.clock.rapid_review_from = v
            })
        },
    );
    let day = |form: &mut Form,
               ui: &mut Ui,
               label: &str,
               current: Option<NaiveDate>,
               set: fn(&mut ReviewClock, Option<NaiveDate>)| {
        form.day(ui, label, current, |v| {
            set_meta(meta, &format!("Edit {}", label.to_lowercase()), |m| {
                set(&mut m.clock, v)
            })
        });
    };
    day(
        &mut form,
        ui,
        "Became aware of the incident",
        clock.aware,
        |c, v| c.aware = v,
    );
    day(
        &mut form,
        ui,
        "Notification sent to the national panel",
        clock.notified,
        |c, v| c.notified = v,
    );
    day(
        &mut form,
        ui,
        "Rapid review sent to the national panel",
        clock.rapid_review_sent,
        |c, v| c.rapid_review_sent = v,
    );
    day(
        &mut form,
        ui,
        "Decision on a full review made",
        clock.decided,
        |c, v| c.decided = v,
    );
    form.choice(
        ui,
        "Decision",
        &clock.decision,
        &Choice::list(DECISIONS),
        |v| set_meta(meta, "Change the decision", |m| m.clock.decision = v),
    );
    form.lint_field(cx.review, &review_id, "clock.decision_rationale");
    form.text_multi(
        ui,
        "Rationale for the decision",
        &clock.decision_rationale,
        2,
        |v| {
            set_meta(meta, "Edit the decision's rationale", |m| {
                m.clock.decision_rationale = v
            })
        },
    );
    pauses(ui, &mut form, meta);
    day(
        &mut form,
        ui,
        "Final report sent to the panel",
        clock.sent_to_panel,
        |c, v| c.sent_to_panel = v,
    );
    day(&mut form, ui, "Published", clock.published, |c, v| {
        c.published = v
    });
    day(
        &mut form,
        ui,
        "Kept published until",
        clock.kept_until,
        |c, v| c.kept_until = v,
    );
    closures(ui, &mut form, meta);
}

/// The pauses, each with its dates and reason, and a button to add one.
fn pauses(ui: &mut Ui, form: &mut Form, meta: &ReviewMeta) {
    crate::ui::forms::caption(ui, "Pauses for parallel processes");
    let pauses = &meta.clock.pauses;
    for (i, pause) in pauses.iter().enumerate() {
        let n = i + 1;
        ui.indent(("pause", i), |ui| {
            form.day(ui, &format!("Pause {n}: from"), Some(pause.from), |v| {
                set_meta(meta, "Edit a pause", |m| {
                    if let Some(v) = v {
                        m.clock.pauses[i].from = v;
                    }
                })
            });
            form.day(
                ui,
                &format!("Pause {n}: to (empty while it goes on)"),
                pause.to,
                |v| set_meta(meta, "Edit a pause", |m| m.clock.pauses[i].to = v),
            );
            form.text(ui, &format!("Pause {n}: reason"), &pause.reason, |v| {
                set_meta(meta, "Edit a pause", |m| m.clock.pauses[i].reason = v)
            });
            if ui.button(format!("Remove pause {n}")).clicked() {
                form.edits().apply(set_meta(meta, "Remove a pause", |m| {
                    m.clock.pauses.remove(i);
                }));
            }
        });
    }
    if ui
        .button("Add a pause")
        .on_hover_text("Criminal proceedings or an inquest: the publication deadline moves by the pause's length")
        .clicked()
    {
        let from = chrono::Local::now().date_naive();
        form.edits().apply(set_meta(meta, "Add a pause", |m| {
            m.clock.pauses.push(Pause {
                from,
                to: None,
                reason: String::new(),
            })
        }));
    }
    ui.add_space(6.0);
}

/// The partnership's own closure days, typed as dates separated by `;`.
fn closures(ui: &mut Ui, form: &mut Form, meta: &ReviewMeta) {
    let current: Vec<String> = meta
        .clock
        .closures
        .iter()
        .map(|c| crate::timetable::long_date(c.date))
        .collect();
    form.names(
        ui,
        "Local closure days (not working days)",
        &current,
        |typed| {
            set_meta(meta, "Edit closure days", |m| {
                let mut days: Vec<ClosureDay> = typed
                    .iter()
                    .filter_map(|t| crate::dates::parse_agency_day(t).ok())
                    .map(|date| {
                        let name = m
                            .clock
                            .closures
                            .iter()
                            .find(|c| c.date == date)
                            .map_or_else(String::new, |c| c.name.clone());
                        ClosureDay { date, name }
                    })
                    .collect();
                days.sort_by_key(|c| c.date);
                days.dedup_by_key(|c| c.date);
                m.clock.closures = days;
            })
        },
    );
}

/// The built-in calendars, and the review's own when it names another.
fn calendar_choices(current: &str) -> Vec<Choice<String>> {
    let mut names: Vec<String> = Calendar::built_in_names()
        .into_iter()
        .map(str::to_string)
        .collect();
    if !names.iter().any(|n| n == current) {
        names.push(current.to_string());
    }
    names
        .into_iter()
        .map(|name| {
            let built_in = Calendar::built_in(&name);
            Choice {
                label: built_in
                    .as_ref()
                    .map_or_else(|| name.clone(), |c| c.title.clone()),
                hover: if built_in.is_some() {
                    "Built in, 2022 to 2028; add years in your templates folder.".into()
                } else {
                    "From your templates folder.".into()
                },
                value: name,
            }
        })
        .collect()
}

/// What a rapid review needs, each part to write, and the way on to a full
/// review. Shown when the review is a rapid review.
pub fn rapid_review_section(ui: &mut Ui, cx: &PanelContext, edits: &mut Edits) -> Option<Goto> {
    let meta = &cx.review.meta;
    if meta.review_type != ReviewType::RapidReview {
        return None;
    }
    let mut goto = None;
    let rapid = &meta.rapid_review;
    ui.heading("What the rapid review needs");
    ui.weak("The rapid review goes to the national panel within 15 working days. Export it with the rapid-review report template.");
    ui.add_space(6.0);
    let episodes = cx.review.episodes.len();
    let checklist = [
        (
            "The facts and each agency's involvement",
            !rapid.facts.trim().is_empty() && !rapid.agency_involvement.trim().is_empty(),
        ),
        ("An analysis of key practice episodes", episodes > 0),
        (
            "Immediate safety actions",
            !rapid.immediate_actions.trim().is_empty(),
        ),
        (
            "The context of the child's and family's lives",
            !rapid.lived_context.trim().is_empty(),
        ),
        (
            "The potential for learning",
            !rapid.learning_potential.trim().is_empty(),
        ),
        (
            "The decision, with its rationale",
            meta.clock.decision != ReviewDecision::Undecided
                && !meta.clock.decision_rationale.trim().is_empty(),
        ),
    ];
    for (part, done) in checklist {
        let mark = if done { "Done" } else { "Still needed" };
        let text = format!("{mark}: {part}");
        if done {
            ui.label(text);
        } else {
            ui.label(RichText::new(text).color(ui.visuals().warn_fg_color));
        }
    }
    if ui
        .link(format!(
            "{episodes} key practice episode{}: analyse them in the Episodes panel",
            if episodes == 1 { "" } else { "s" }
        ))
        .clicked()
    {
        goto = Some(Goto::Panel(PanelKind::Episodes));
    }
    ui.add_space(6.0);
    let review_id = crate::model::Id::from(crate::anonymise::fields::META);
    let accepted = meta
        .accepted_language
        .iter()
        .filter(|a| a.record == review_id)
        .map(|a| a.phrase.clone());
    let mut form = Form::new(edits, "rapid").linted(accepted);
    form.lint_field(cx.review, &review_id, "rapid_review.facts");
    form.text_multi(ui, "The facts", &rapid.facts, 3, |v| {
        set_meta(meta, "Edit the facts", |m| m.rapid_review.facts = v)
    });
    form.lint_field(cx.review, &review_id, "rapid_review.agency_involvement");
    form.text_multi(
        ui,
        "Each agency's involvement",
        &rapid.agency_involvement,
        3,
        |v| {
            set_meta(meta, "Edit the agencies' involvement", |m| {
                m.rapid_review.agency_involvement = v
            })
        },
    );
    form.lint_field(cx.review, &review_id, "rapid_review.immediate_actions");
    form.text_multi(
        ui,
        "Immediate safety actions",
        &rapid.immediate_actions,
        3,
        |v| {
            set_meta(meta, "Edit the immediate actions", |m| {
                m.rapid_review.immediate_actions = v
            })
        },
    );
    form.lint_field(cx.review, &review_id, "rapid_review.lived_context");
    form.text_multi(
        ui,
        "The child's and family's lives (including how racism, disability and other inequalities may have shaped their experience and the practice)",
        &rapid.lived_context,
        3,
        |v| set_meta(meta, "Edit the lived context", |m| m.rapid_review.lived_context = v),
    );
    form.lint_field(cx.review, &review_id, "rapid_review.learning_potential");
    form.text_multi(
        ui,
        "The potential for learning",
        &rapid.learning_potential,
        3,
        |v| {
            set_meta(meta, "Edit the potential for learning", |m| {
                m.rapid_review.learning_potential = v
            })
        },
    );
    if ui
        .button("Turn into a full review")
        .on_hover_text(
            "A local child safeguarding practice review that keeps everything written so far",
        )
        .clicked()
    {
        form.edits()
            .apply(set_meta(meta, "Turn into a full review", |m| {
                m.review_type = ReviewType::LocalPracticeReview;
                if m.clock.decision == ReviewDecision::Undecided {
                    m.clock.decision = ReviewDecision::LocalReview;
                }
            }));
    }
    ui.add_space(12.0);
    goto
}

/// Which agencies have returned what.
pub fn returns_section(ui: &mut Ui, cx: &PanelContext) {
    let agencies = &cx.review.agencies;
    if agencies.is_empty() {
        return;
    }
    ui.heading("Agency returns");
    ui.weak("Agency packs (spreadsheets for each agency to fill in) are written from the command line; each import of a returned pack is recorded here.");
    ui.add_space(6.0);
    let short = |d: Option<NaiveDate>| d.map(|d| d.format("%d/%m/%Y").to_string());
    egui::ScrollArea::horizontal()
        .id_salt("agency returns")
        .show(ui, |ui| {
            egui::Grid::new("agency returns")
                .striped(true)
                .num_columns(4)
                .show(ui, |ui| {
                    ui.strong("Agency");
                    ui.strong("Pack sent");
                    ui.strong("Chronology (entries)");
                    ui.strong("Summary (answers)");
                    ui.end_row();
                    for agency in agencies {
                        let r = &agency.returned;
                        ui.label(crate::ui::forms::short(&agency.name, 30))
                            .on_hover_text(&agency.name);
                        ui.label(short(r.requested).unwrap_or_else(|| "not sent".into()));
                        match short(r.chronology) {
                            Some(d) => ui.label(format!("{d} ({})", r.entries)),
                            None => ui.weak("not yet"),
                        };
                        match short(r.summary) {
                            Some(d) => ui.label(format!("{d} ({})", r.answers.len())),
                            None => ui.weak("not yet"),
                        };
                        ui.end_row();
                    }
                });
        });
    ui.add_space(12.0);
}
