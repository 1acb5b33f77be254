//! `foresight timetable FILE [--set NAME=VALUE]... [--reason MILESTONE=TEXT]...
//! [--json] [--today DATE]`: records the review's clock dates given and
//! prints its statutory milestones. Everything given is read first:
//! one bad date or name and nothing is written (exit 2).

use std::path::Path;

use chrono::NaiveDate;
use serde_json::json;

use super::EXIT_UNREADABLE;
use foresight_core::dates::parse_agency_day;
use foresight_core::model::{
    Milestone, MissedReason, Pause, RapidReviewAnchor, ReviewClock, ReviewDecision,
};
use foresight_core::store;
use foresight_core::taxonomy::template_folders;
use foresight_core::timetable::{Calendar, MilestoneState, Status, calendar_for, milestones};

/// The names `--set` takes for dates.
const DATE_NAMES: &[&str] = &[
    "aware",
    "notified",
    "rapid-review-sent",
    "decided",
    "sent-to-panel",
    "published",
    "kept-until",
];

/// What `--set` takes besides dates.
const OTHER_NAMES: &[&str] = &["paused", "decision", "rapid-review-from", "calendar"];

/// Options of `foresight timetable`.
pub struct Options<'a> {
    /// `NAME=VALUE` items.
    pub set: &'a [String],
    /// `MILESTONE=REASON` items.
    pub reasons: &'a [String],
    /// Print JSON.
    pub json: bool,
    /// The day to reckon from instead of today.
    pub today: Option<&'a str>,
}

/// Runs `foresight timetable`.
pub fn timetable(file: &Path, options: Options) -> u8 {
    let mut review = match store::load(file) {
        Ok(review) => review,
        Err(error) => {
            eprintln!("{error}");
            return EXIT_UNREADABLE;
        }
    };
    let today = match options.today {
        None => chrono::Local::now().date_naive(),
        Some(text) => match parse_agency_day(text) {
            Ok(day) => day,
            Err(error) => {
                eprintln!("--today {text}: {}", error.reason);
                return EXIT_UNREADABLE;
            }
        },
    };
    let mut clock = review.meta.clock.clone();
    for item in options.set {
        if let Err(message) = apply_set(&mut clock, item) {
            eprintln!("--set {item}: {message}; nothing was written");
            return EXIT_UNREADABLE;
        }
    }
    for item in options.reasons {
        if let Err(message) = apply_reason(&mut clock, item) {
            eprintln!("--reason {item}: {message}; nothing was written");
            return EXIT_UNREADABLE;
        }
    }
    let calendar = match calendar_for(&clock, &template_folders()) {
        Ok(calendar) => calendar,
        Err(error) => {
            eprintln!("{}: {error}", file.display());
            return EXIT_UNREADABLE;
        }
    };
    if clock != review.meta.clock {
        if let Some(note) = store::comments_dropped_note(file) {
            eprintln!("{note}");
        }
        review.meta.clock = clock;
        if let Err(error) = store::save(file, &review) {
            eprintln!("{error}");
            return EXIT_UNREADABLE;
        }
    }
    let states = milestones(&review.meta.clock, &calendar, today);
    if options.json {
        println!("{}", to_json(&states, &calendar, today));
    } else {
        print_text(&review.meta.clock, &states, &calendar, today);
    }
    0
}

/// Applies one `NAME=VALUE`.
fn apply_set(clock: &mut ReviewClock, item: &str) -> Result<(), String> {
    let Some((name, value)) = item.split_once('=') else {
        return Err(format!(
            "expected NAME=DATE, e.g. notified=2027-01-05 (names: {})",
            names()
        ));
    };
    let name = name.trim();
    let value = value.trim();
    if DATE_NAMES.contains(&name) {
        let day = if value.is_empty() || value == "none" {
            None
        } else {
            Some(day_of(value)?)
        };
        let slot = match name {
            "aware" => &mut clock.aware,
            "notified" => &mut clock.notified,
            "rapid-review-sent" => &mut clock.rapid_review_sent,
            "decided" => &mut clock.decided,
            "sent-to-panel" => &mut clock.sent_to_panel,
            "published" => &mut clock.published,
            _ => &mut clock.kept_until,
        };
        *slot = day;
        return Ok(());
    }
    match name {
        "paused" => {
            let pause = pause_of(value)?;
            if !clock.pauses.contains(&pause) {
                // A pause given again with a new end replaces the open one.
                clock
                    .pauses
                    .retain(|p| !(p.from == pause.from && p.to.is_none()));
                clock.pauses.push(pause);
                clock.pauses.sort_by_key(|p| p.from);
            }
            Ok(())
        }
        "decision" => {
            clock.decision = match value {
                "local-review" => ReviewDecision::LocalReview,
                "national-review" => ReviewDecision::NationalReview,
                "no-further-review" => ReviewDecision::NoFurtherReview,
                "undecided" => ReviewDecision::Undecided,
                _ => {
                    return Err(format!(
                        "unknown decision `{value}` (expected local-review, national-review, no-further-review or undecided)"
                    ));
                }
            };
            Ok(())
        }
        "rapid-review-from" => {
            clock.rapid_review_from = match value {
                "notified" => RapidReviewAnchor::Notified,
                "aware" => RapidReviewAnchor::Aware,
                _ => {
                    return Err(format!(
                        "unknown anchor `{value}` (expected notified or aware)"
                    ));
                }
            };
            Ok(())
        }
        "calendar" => {
            Calendar::find(value, &template_folders()).map_err(|e| e.to_string())?;
            clock.calendar = value.to_string();
            Ok(())
        }
        _ => Err(format!("unknown name `{name}` (names: {})", names())),
    }
}

/// Every name `--set` takes.
fn names() -> String {
    DATE_NAMES
        .iter()
        .chain(OTHER_NAMES)
        .copied()
        .collect::<Vec<_>>()
        .join(", ")
}

/// A day, as a reviewer writes it (2027-01-05, 05/01/2027).
fn day_of(text: &str) -> Result<NaiveDate, String> {
    parse_agency_day(text).map_err(|e| format!("`{text}` is not a date: {}", e.reason))
}

/// `FROM..TO:REASON`, TO empty while the pause goes on.
fn pause_of(value: &str) -> Result<Pause, String> {
    let (span, reason) = value.split_once(':').unwrap_or((value, ""));
    let Some((from, to)) = span.split_once("..") else {
        return Err(
            "expected paused=FROM..TO:REASON, e.g. paused=2027-03-01..2027-04-30:criminal proceedings (TO empty while it goes on)"
                .into(),
        );
    };
    let from = day_of(from.trim())?;
    let to = match to.trim() {
        "" => None,
        to => Some(day_of(to)?),
    };
    if to.is_some_and(|to| to < from) {
        return Err("the pause ends before it starts".into());
    }
    Ok(Pause {
        from,
        to,
        reason: reason.trim().to_string(),
    })
}

/// Applies one `MILESTONE=REASON`.
fn apply_reason(clock: &mut ReviewClock, item: &str) -> Result<(), String> {
    let milestone_names = || {
        Milestone::ALL
            .iter()
            .map(|m| m.name())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let Some((name, reason)) = item.split_once('=') else {
        return Err(format!(
            "expected MILESTONE=REASON (milestones: {})",
            milestone_names()
        ));
    };
    let Some(milestone) = Milestone::parse(name) else {
        return Err(format!(
            "unknown milestone `{}` (milestones: {})",
            name.trim(),
            milestone_names()
        ));
    };
    clock.missed.retain(|m| m.milestone != milestone);
    if !reason.trim().is_empty() {
        clock.missed.push(MissedReason {
            milestone,
            reason: reason.trim().to_string(),
        });
        clock.missed.sort_by_key(|m| m.milestone);
    }
    Ok(())
}

/// The milestones as JSON, dates in ISO form.
fn to_json(states: &[MilestoneState], calendar: &Calendar, today: NaiveDate) -> String {
    let milestones: Vec<_> = states
        .iter()
        .map(|s| {
            let working_days = match s.status {
                Status::Due(n) | Status::Overdue(n) => Some(n),
                _ => None,
            };
            json!({
                "name": s.milestone.name(),
                "label": s.milestone.label(),
                "due": s.due.map(|d| d.to_string()),
                "done": s.done.map(|d| d.to_string()),
                "status": s.status.name(),
                "working_days": working_days,
                "reason": s.reason,
                "basis": s.basis,
                "caution": s.caution,
            })
        })
        .collect();
    json!({
        "today": today.to_string(),
        "calendar": calendar.name,
        "milestones": milestones,
    })
    .to_string()
}

/// The milestones for a person.
fn print_text(
    clock: &ReviewClock,
    states: &[MilestoneState],
    calendar: &Calendar,
    today: NaiveDate,
) {
    let long = foresight_core::timetable::long_date;
    println!(
        "Timetable on {} ({} working days; the rapid review counts from {})",
        long(today),
        calendar.title,
        match clock.rapid_review_from {
            RapidReviewAnchor::Notified => "the notification",
            RapidReviewAnchor::Aware => "becoming aware",
        }
    );
    for s in states {
        println!("{}: {}", s.milestone.label(), s.summary());
        println!("    {}", super::printable(&s.basis));
        if let Some(reason) = &s.reason {
            println!("    reason: {}", super::printable(reason));
        } else if s.needs_reason() {
            println!(
                "    no reason recorded: record one with --reason {}=\"...\"",
                s.milestone.name()
            );
        }
        if let Some(caution) = &s.caution {
            println!("    caution: {caution}");
        }
    }
    for pause in &clock.pauses {
        let to = pause.to.map_or("not ended".to_string(), long);
        println!(
            "Paused {} to {}: {}",
            long(pause.from),
            to,
            super::printable(&pause.reason)
        );
    }
}
