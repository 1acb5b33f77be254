//! `foresight actions FILE [--overdue] [--today DATE] [--json]`: the
//! findings' actions with their status and whether each is overdue; and
//! `foresight action-plan FILE -o OUT.xlsx|OUT.pdf [--today DATE]`: the
//! published action plan, from the anonymised review, leak-checked.

use std::path::Path;

use chrono::NaiveDate;
use serde_json::json;

use super::{EXIT_PROBLEMS, EXIT_UNREADABLE, plural, printable};
use foresight_core::dates::parse_agency_day;
use foresight_core::model::Review;
use foresight_core::store;
use foresight_publish::publication::Publication;
use foresight_publish::publication::action_plan::{PlanError, PlanFormat, export_action_plan};

/// The day to reckon from: `--today` when given, else the clock's today.
fn today(given: Option<&str>) -> Result<NaiveDate, u8> {
    match given {
        None => Ok(chrono::Local::now().date_naive()),
        Some(text) => parse_agency_day(text).map_err(|error| {
            eprintln!("--today {text}: {}", error.reason);
            EXIT_UNREADABLE
        }),
    }
}

/// The review in `file`, or the exit code after saying why it cannot be
/// read.
fn load(file: &Path) -> Result<Review, u8> {
    store::load(file).map_err(|error| {
        eprintln!("{error}");
        EXIT_UNREADABLE
    })
}

/// Runs `foresight actions`: exit 0 when listed, 2 when the review or the
/// day cannot be read.
pub fn actions(file: &Path, overdue_only: bool, today_text: Option<&str>, as_json: bool) -> u8 {
    let review = match load(file) {
        Ok(review) => review,
        Err(code) => return code,
    };
    let today = match today(today_text) {
        Ok(day) => day,
        Err(code) => return code,
    };
    let rows: Vec<_> = review
        .findings
        .iter()
        .flat_map(|f| f.actions.iter().map(move |a| (f, a)))
        .filter(|(_, a)| !overdue_only || a.is_overdue(today))
        .collect();
    if as_json {
        let actions: Vec<serde_json::Value> = rows
            .iter()
            .map(|(f, a)| {
                json!({
                    "finding": f.id.as_str(),
                    "id": a.id.as_str(),
                    "what": a.what,
                    "owner": a.owner,
                    "due": a.due.map(|d| d.to_string()),
                    "status": a.status.label(),
                    "overdue": a.is_overdue(today),
                    "days_overdue": a.days_overdue(today),
                    "response": f.response.decision.label(),
                })
            })
            .collect();
        println!(
            "{}",
            json!({ "today": today.to_string(), "actions": actions })
        );
        return 0;
    }
    if rows.is_empty() {
        let what = if overdue_only {
            "no action is overdue"
        } else {
            "no finding has actions yet"
        };
        println!("{}: {what} (as on {})", file.display(), today);
        return 0;
    }
    for (f, a) in &rows {
        let due = a
            .due
            .map_or_else(|| "no due date".to_string(), |d| d.human());
        let overdue = match a.days_overdue(today) {
            Some(days) => format!("\tOVERDUE by {days} day{}", plural(days as usize)),
            None => String::new(),
        };
        println!(
            "{}\t{}\t{}\t{}\t{}\t{}{overdue}",
            f.id,
            a.id,
            a.status.label(),
            due,
            printable(owner_or_none(&a.owner)),
            printable(&one_line(&a.what)),
        );
    }
    let overdue = rows.iter().filter(|(_, a)| a.is_overdue(today)).count();
    eprintln!(
        "{} action{}, {overdue} overdue (as on {today})",
        rows.len(),
        plural(rows.len())
    );
    0
}

/// "(no owner)" for an empty owner.
fn owner_or_none(owner: &str) -> &str {
    if owner.trim().is_empty() {
        "(no owner)"
    } else {
        owner.trim()
    }
}

/// A text on one line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Runs `foresight action-plan`: exit 0 when written, 1 when refused for
/// a leak (nothing written), 2 when an input cannot be read, the output
/// is the input or not an .xlsx or .pdf file.
pub fn action_plan(file: &Path, output: &Path, today_text: Option<&str>) -> u8 {
    let Some(format) = PlanFormat::of_path(output) else {
        eprintln!(
            "{}: the action plan's file name must end in .xlsx (Excel workbook) or .pdf",
            output.display()
        );
        return EXIT_UNREADABLE;
    };
    if super::writes_over("action-plan", file, output) {
        return EXIT_UNREADABLE;
    }
    let review = match load(file) {
        Ok(review) => review,
        Err(code) => return code,
    };
    let today = match today(today_text) {
        Ok(day) => day,
        Err(code) => return code,
    };
    let Ok((lexicon, taxonomy)) = super::export::lexicon_and_taxonomy("action-plan", &review)
    else {
        return EXIT_UNREADABLE;
    };
    let publication = Publication::compute(&review, &lexicon, taxonomy);
    let exported = match export_action_plan(&publication, &review, today, format) {
        Ok(exported) => exported,
        Err(PlanError::Leaks(leaks)) => {
            eprintln!(
                "{}: not exported: the action plan would leak {} identifying string{}:",
                file.display(),
                leaks.len(),
                plural(leaks.len())
            );
            for leak in &leaks {
                eprintln!("  {leak}");
            }
            return EXIT_PROBLEMS;
        }
        Err(error) => {
            eprintln!("{}: not exported: {error}", file.display());
            return EXIT_UNREADABLE;
        }
    };
    for left in &publication.left_out {
        let own = review
            .findings
            .iter()
            .find(|f| f.id == left.id)
            .is_some_and(|f| !f.actions.is_empty());
        if own {
            eprintln!(
                "left out of publication with its actions: {} \"{}\"",
                left.id, left.title
            );
        }
    }
    if let Err(error) =
        store::write_atomic(output, |f| std::io::Write::write_all(f, &exported.bytes))
    {
        eprintln!("{error}");
        return EXIT_UNREADABLE;
    }
    let count = exported.plan.action_count();
    println!(
        "{}: written ({}, {count} action{}, {} finding{}, as on {today}, anonymised)",
        output.display(),
        format.label(),
        plural(count),
        exported.plan.findings.len(),
        plural(exported.plan.findings.len()),
    );
    0
}
