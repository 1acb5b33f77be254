//! The Overview panel: the review's details, its why-coverage (how far it
//! explains why, not only what), how many records of each kind it holds,
//! and the problems validation finds.

use eframe::egui::{self, RichText, ScrollArea, Ui};

use super::overview_clock as clock_view;
use super::{Goto, PanelContext, PanelKind, set_meta};
use crate::analysis::coverage::{Coverage, Measure, coverage};
use crate::analysis::language::{Lexicon, lint_review};
use crate::model::{Period, RecordKind, ReviewDate, ReviewMeta};
use crate::taxonomy::Taxonomy;
use crate::ui::edits::Edits;
use crate::ui::forms::{Choice, Form};
use crate::ui::labels;

/// View state of the Overview panel.
#[derive(Default)]
pub struct OverviewPanel {
    /// A period date typed while the other end is still missing.
    pending_start: Option<ReviewDate>,
    pending_end: Option<ReviewDate>,
    /// The taxonomy options, built once per taxonomy name (building them
    /// parses the built-in taxonomies).
    taxonomies: Option<(String, Vec<Choice<String>>)>,
    /// The why-coverage of a revision of the review.
    coverage: crate::ui::background::PerRevision<Coverage>,
    /// The review's calendar, for its timetable.
    clock: super::overview_clock::ClockCache,
}

/// The most gaps listed under one measure; the rest are counted.
const GAPS_SHOWN: usize = 12;

impl OverviewPanel {
    /// Draws the panel; returns where the reviewer asked to go (the record
    /// behind a gap in the coverage).
    pub fn ui(&mut self, ui: &mut Ui, cx: &PanelContext, edits: &mut Edits) -> Option<Goto> {
        // On a large review, while the reviewer types, the coverage of the
        // last revision worked out, the next in the background.
        let (_, current) = self
            .coverage
            .get(cx.review, cx.revision, ui.ctx(), |review| {
                coverage(review, &lint_review(Lexicon::shared(), review))
            });
        let mut goto = None;
        ScrollArea::vertical()
            .id_salt("overview")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                egui::Frame::NONE
                    .inner_margin(egui::Margin::symmetric(16, 8))
                    .show(ui, |ui| {
                        let wide = ui.available_width() > 1000.0;
                        let coverage = Some((*current).clone());
                        let mut clock = std::mem::take(&mut self.clock);
                        let right = |ui: &mut Ui, edits: &mut Edits, clock: &mut _| {
                            let mut goto = None;
                            clock_view::milestones_section(ui, cx, clock, edits);
                            ui.add_space(12.0);
                            clock_view::returns_section(ui, cx);
                            ui.add_space(12.0);
                            let to_action = action_plans(ui, cx);
                            ui.add_space(12.0);
                            if let Some(coverage) = &coverage {
                                goto = why_coverage(ui, cx, coverage);
                                ui.add_space(12.0);
                            }
                            summary(ui, cx);
                            goto.or(to_action)
                        };
                        let left =
                            |ui: &mut Ui,
                             edits: &mut Edits,
                             panel: &mut Self,
                             clock: &mut clock_view::ClockCache| {
                                // A rapid review's own parts come first: it is
                                // written against a 15-working-day clock.
                                let goto = clock_view::rapid_review_section(ui, cx, edits);
                                panel.details(ui, cx, edits);
                                ui.add_space(12.0);
                                clock_view::dates_section(ui, cx, clock, edits);
                                goto
                            };
                        let (from_left, from_right) = if wide {
                            let mut found = (None, None);
                            ui.columns(2, |columns| {
                                let (first, second) = columns.split_at_mut(1);
                                found.0 = left(&mut first[0], edits, self, &mut clock);
                                found.1 = right(&mut second[0], edits, &mut clock);
                            });
                            found
                        } else {
                            let from_left = left(ui, edits, self, &mut clock);
                            ui.separator();
                            (from_left, right(ui, edits, &mut clock))
                        };
                        self.clock = clock;
                        goto = from_right.or(from_left);
                    });
            });
        goto
    }

    fn details(&mut self, ui: &mut Ui, cx: &PanelContext, edits: &mut Edits) {
        let meta = &cx.review.meta;
        ui.heading("Review details");
        ui.add_space(6.0);
        let mut form = Form::new(edits, "meta");
        form.text(ui, "Title", &meta.title, |v| {
            set_meta(meta, "Edit title", |m| m.title = v)
        });
        form.text(ui, "Partnership", &meta.partnership, |v| {
            set_meta(meta, "Edit partnership", |m| m.partnership = v)
        });
        form.choice(
            ui,
            "Review type",
            &meta.review_type,
            &Choice::list(labels::REVIEW_TYPES),
            |v| set_meta(meta, "Change review type", |m| m.review_type = v),
        );
        form.choice(
            ui,
            "Method",
            &meta.method,
            &Choice::list(labels::METHODS),
            |v| set_meta(meta, "Change method", |m| m.method = v),
        );
        form.choice(
            ui,
            "Causation model",
            &meta.causation_model,
            &Choice::list(labels::CAUSATION_MODELS),
            |v| set_meta(meta, "Change causation model", |m| m.causation_model = v),
        );
        if self
            .taxonomies
            .as_ref()
            .is_none_or(|(name, _)| *name != meta.taxonomy)
        {
            self.taxonomies = Some((meta.taxonomy.clone(), taxonomy_choices(&meta.taxonomy)));
        }
        let taxonomies = self
            .taxonomies
            .as_ref()
            .map_or(&[][..], |(_, c)| c.as_slice());
        form.choice(ui, "Taxonomy", &meta.taxonomy, taxonomies, |v| {
            set_meta(meta, "Change taxonomy", |m| m.taxonomy = v)
        });
        if let Some(error) = cx.taxonomy_error {
            crate::ui::forms::error_note(ui, error);
        }
        form.choice(
            ui,
            "Stage",
            &meta.stage,
            &Choice::list(labels::STAGES),
            |v| set_meta(meta, "Change stage", |m| m.stage = v),
        );
        self.period(ui, &mut form, meta);
        form.text_multi(
            ui,
            "Why this case was reviewed",
            &meta.why_reviewed,
            3,
            |v| set_meta(meta, "Edit why reviewed", |m| m.why_reviewed = v),
        );
        form.text_multi(ui, "Summary of the case", &meta.summary, 4, |v| {
            set_meta(meta, "Edit summary", |m| m.summary = v)
        });
        form.list(
            ui,
            "Terms of reference",
            "term of reference",
            &meta.terms_of_reference,
            |v| {
                set_meta(meta, "Edit terms of reference", |m| {
                    m.terms_of_reference = v
                })
            },
        );
        form.list(ui, "Reviewers", "reviewer", &meta.reviewers, |v| {
            set_meta(meta, "Edit reviewers", |m| m.reviewers = v)
        });
        form.check(
            ui,
            "Worked example (exports say so on every page)",
            meta.worked_example,
            |v| set_meta(meta, "Change worked example", |m| m.worked_example = v),
        );
    }

    /// The period under review: stored only when both ends are known.
    fn period(&mut self, ui: &mut Ui, form: &mut Form, meta: &ReviewMeta) {
        if meta.period.is_some() {
            self.pending_start = None;
            self.pending_end = None;
        }
        let start = meta.period.map(|p| p.start).or(self.pending_start);
        let end = meta.period.map(|p| p.end).or(self.pending_end);
        let mut typed_start = None;
        let mut typed_end = None;
        form.date(ui, "Period under review: start", start, false, |v| {
            typed_start = Some(v);
            None
        });
        form.date(ui, "Period under review: end", end, false, |v| {
            typed_end = Some(v);
            None
        });
        if typed_start.is_none() && typed_end.is_none() {
            if meta.period.is_none() && (start.is_some() || end.is_some()) {
                ui.weak("Give both the start and the end of the period.");
            }
            return;
        }
        let start = typed_start.unwrap_or(start);
        let end = typed_end.unwrap_or(end);
        let period = match (start, end) {
            (Some(start), Some(end)) => Some(Period { start, end }),
            _ => None,
        };
        self.pending_start = if period.is_none() { start } else { None };
        self.pending_end = if period.is_none() { end } else { None };
        if period != meta.period {
            let change = set_meta(meta, "Edit period under review", |m| m.period = period);
            form.edits().typing(change, "meta/period");
        }
    }
}

/// The built-in taxonomies, plus the review's own when it is not one of them.
fn taxonomy_choices(current: &str) -> Vec<Choice<String>> {
    let mut names: Vec<String> = Taxonomy::built_in_names()
        .into_iter()
        .map(str::to_string)
        .collect();
    if !current.is_empty() && !names.iter().any(|n| n == current) {
        names.push(current.to_string());
    }
    names
        .into_iter()
        .map(|name| {
            let built_in = Taxonomy::built_in(&name);
            Choice {
                label: built_in
                    .as_ref()
                    .map_or_else(|| name.clone(), |t| format!("{} ({name})", t.title)),
                hover: built_in
                    .map(|t| t.description)
                    .unwrap_or_else(|| "From your templates folder.".into()),
                value: name,
            }
        })
        .collect()
}

/// The why-coverage figures, each gap a link to the record behind it.
fn why_coverage(ui: &mut Ui, cx: &PanelContext, c: &Coverage) -> Option<Goto> {
    let mut goto = None;
    ui.heading("Why-coverage");
    ui.weak("How far the review explains why practice happened, not only what happened.");
    ui.add_space(6.0);
    for measure in Measure::ALL {
        let share = c.share(measure);
        let figure = match measure {
            Measure::OpenLanguage => {
                format!("{} open, {} accepted", c.open_language, c.accepted_language)
            }
            _ => share.describe(),
        };
        let gaps: Vec<_> = c.gaps_of(measure).collect();
        let complete = gaps.is_empty();
        let colour = if complete {
            ui.visuals().text_color()
        } else {
            ui.visuals().warn_fg_color
        };
        ui.label(RichText::new(format!("{}: {figure}", measure.label())).color(colour));
        if measure == Measure::SystemsFindings {
            ui.weak(format!(
                "Tagged learning: {}",
                c.findings_learning.describe()
            ));
        }
        ui.indent(("gaps", measure as u8), |ui| {
            for gap in gaps.iter().take(GAPS_SHOWN) {
                let title = super::or_untitled(&cx.review.title_of(&gap.record), "title");
                let title = crate::ui::forms::short(&title, 48);
                let text = format!("{} {title}: {}", gap.record, gap.message);
                if ui
                    .link(text)
                    .on_hover_text(format!("Show {} in its panel", gap.record))
                    .clicked()
                {
                    goto = Some(Goto::Record(gap.record.clone()));
                }
            }
            if gaps.len() > GAPS_SHOWN {
                ui.weak(format!("…and {} more.", gaps.len() - GAPS_SHOWN));
            }
            if measure == Measure::OpenLanguage
                && c.open_language + c.accepted_language > 0
                && ui
                    .link("Review every phrase in the Language panel")
                    .clicked()
            {
                goto = Some(Goto::Panel(PanelKind::Language));
            }
        });
        ui.add_space(4.0);
    }
    ui.label(format!("Balance of the report: {}.", c.balance()));
    goto
}

/// Counts of every kind of record, and the validation problems.
/// The most overdue actions listed; the rest are counted.
const OVERDUE_SHOWN: usize = 5;

/// The action plans in brief: how many actions of each status, how many
/// are overdue today, and the most overdue, each a link to it on the
/// Actions panel.
fn action_plans(ui: &mut Ui, cx: &PanelContext) -> Option<Goto> {
    use crate::model::{ActionStatus, action_summary};
    ui.heading("Action plans");
    ui.add_space(6.0);
    let today = chrono::Local::now().date_naive();
    let summary = action_summary(&cx.review.findings, today);
    if summary.total() == 0 {
        ui.label("No actions yet: record the partnership's response to each finding, and its actions, on the Actions panel.");
        return None;
    }
    let counts: Vec<String> = ActionStatus::ALL
        .iter()
        .map(|s| format!("{} {}", summary.count(*s), s.label()))
        .collect();
    ui.label(format!(
        "{} {}: {}.",
        summary.total(),
        if summary.total() == 1 {
            "action"
        } else {
            "actions"
        },
        counts.join(", ")
    ));
    let overdue = summary.overdue.len();
    if overdue == 0 {
        ui.label("No action is overdue.");
        return None;
    }
    ui.label(
        RichText::new(format!(
            "{overdue} {} overdue",
            if overdue == 1 { "action" } else { "actions" }
        ))
        .strong()
        .color(ui.visuals().warn_fg_color),
    );
    let mut goto = None;
    for o in summary.overdue.iter().take(OVERDUE_SHOWN) {
        let what = crate::ui::forms::short(&o.what, 70);
        let text = format!(
            "{} ({}): {} — due {}, {} day{} overdue",
            o.action,
            o.finding,
            if what.is_empty() {
                "(not yet described)".to_string()
            } else {
                what
            },
            o.due.human(),
            o.days,
            if o.days == 1 { "" } else { "s" }
        );
        if ui.link(text).clicked() {
            goto = Some(Goto::Action {
                finding: o.finding.clone(),
                action: o.action.clone(),
            });
        }
    }
    if overdue > OVERDUE_SHOWN {
        ui.weak(format!(
            "…and {} more on the Actions panel.",
            overdue - OVERDUE_SHOWN
        ));
    }
    goto
}

fn summary(ui: &mut Ui, cx: &PanelContext) {
    ui.heading("What the review holds");
    ui.add_space(6.0);
    for kind in RecordKind::ALL {
        let count = cx.review.count_of(*kind);
        ui.label(format!("{count} {}", plural(kind.label(), count)));
    }
    ui.add_space(12.0);
    ui.heading("Problems to fix");
    ui.add_space(6.0);
    if cx.problems.is_empty() {
        ui.label("No problems found: every reference points at a record of the right kind.");
    }
    for problem in cx.problems {
        ui.horizontal_wrapped(|ui| {
            if let Some(id) = &problem.record {
                ui.label(RichText::new(id.as_str()).strong());
            }
            ui.label(&problem.message);
        });
    }
}

/// "person" → "people", "agency" → "agencies", "finding" → "findings".
fn plural(word: &str, count: usize) -> String {
    if count == 1 {
        return word.to_string();
    }
    if word == "person" {
        return "people".to_string();
    }
    if let Some(stem) = word.strip_suffix('y') {
        return format!("{stem}ies");
    }
    format!("{word}s")
}
