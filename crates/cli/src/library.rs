//! `foresight library add|search|recurring|actions`: the library across
//! reviews, in the user's data folder or the database `--db` names.

use std::path::{Path, PathBuf};

use serde_json::json;

use super::{EXIT_PROBLEMS, EXIT_UNREADABLE, LibraryAction, plural, printable};
use foresight_core::analysis::language::Lexicon;
use foresight_core::dates::parse_agency_day;
use foresight_core::taxonomy::template_folders;
use foresight_library::{AddError, Grouping, Library, RecurringGroup, Theme, default_path};

/// How many hits a search lists.
const SEARCH_LIMIT: usize = 50;

/// Runs `foresight library`.
pub fn run(action: LibraryAction) -> u8 {
    match action {
        LibraryAction::Add { files, db } => add(&files, &db.unwrap_or_else(default_path)),
        LibraryAction::Search { query, db, json } => {
            search(&query, &db.unwrap_or_else(default_path), json)
        }
        LibraryAction::Recurring { db, by, json } => {
            recurring(&db.unwrap_or_else(default_path), &by, json)
        }
        LibraryAction::Actions { db, overdue, today } => {
            actions(&db.unwrap_or_else(default_path), overdue, today.as_deref())
        }
    }
}

/// The existing library at `db`, or the exit code after saying why not.
fn open(db: &Path) -> Result<Library, u8> {
    Library::open_existing(db).map_err(|e| {
        eprintln!("{e}");
        EXIT_UNREADABLE
    })
}

fn add(files: &[PathBuf], db: &Path) -> u8 {
    let mut library = match Library::open_or_create(db) {
        Ok(library) => library,
        Err(e) => {
            eprintln!("{e}");
            return EXIT_UNREADABLE;
        }
    };
    let folders = template_folders();
    let lexicon = match Lexicon::find(&folders) {
        Ok(lexicon) => lexicon,
        Err(e) => {
            eprintln!("foresight library add: {e}");
            return EXIT_UNREADABLE;
        }
    };
    let mut code = 0;
    for file in files {
        match library.add_file(file, &lexicon, &folders) {
            Ok(added) => println!(
                "{}: {} \"{}\" ({} item{}, {} action{})",
                file.display(),
                if added.replaced { "replaced" } else { "added" },
                printable(&added.title),
                added.items,
                plural(added.items),
                added.actions,
                plural(added.actions)
            ),
            Err(AddError::Leaks { file: _, leaks }) => {
                eprintln!(
                    "{}: not added: its published text would leak {} identifying string{} (nothing of it was stored):",
                    file.display(),
                    leaks.len(),
                    plural(leaks.len())
                );
                for leak in &leaks {
                    eprintln!("  {}", printable(&leak.to_string()));
                }
                code = code.max(EXIT_PROBLEMS);
            }
            Err(AddError::Unreadable(message)) => {
                eprintln!("{message}");
                code = EXIT_UNREADABLE;
            }
            Err(AddError::Library(e)) => {
                eprintln!("{}: not added: {e}", file.display());
                code = EXIT_UNREADABLE;
            }
        }
    }
    code
}

fn search(query: &str, db: &Path, as_json: bool) -> u8 {
    let library = match open(db) {
        Ok(library) => library,
        Err(code) => return code,
    };
    let hits = match library.search(query, false, SEARCH_LIMIT) {
        Ok(hits) => hits,
        Err(e) => {
            eprintln!("{e}");
            return EXIT_UNREADABLE;
        }
    };
    if as_json {
        let hits: Vec<_> = hits
            .iter()
            .map(|h| {
                json!({
                    "review": h.review_id,
                    "review_title": h.review_title,
                    "partnership": h.partnership,
                    "year": h.year,
                    "file": h.source_path,
                    "kind": h.kind.name(),
                    "record": h.record,
                    "title": h.title,
                    "category": h.category,
                    "snippet": h.snippet,
                    "score": h.score,
                })
            })
            .collect();
        println!("{}", json!({ "query": query, "hits": hits }));
        return 0;
    }
    for h in &hits {
        println!(
            "{}\t{}\t{}\t{}",
            printable(&h.review_title),
            h.record,
            h.kind.name(),
            printable(&one_line(if h.title.is_empty() {
                &h.snippet
            } else {
                &h.title
            }))
        );
        if !h.title.is_empty() {
            println!("\t{}", printable(&one_line(&h.snippet)));
        }
    }
    eprintln!(
        "{} hit{} for \"{}\"",
        hits.len(),
        plural(hits.len()),
        printable(query)
    );
    0
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn theme_json(theme: &Theme) -> serde_json::Value {
    json!({
        "terms": theme.terms,
        "reviews": theme.reviews,
        "years": theme.years,
        "partnerships": theme.partnerships,
        "items": theme.items.iter().map(|i| json!({
            "review": i.review_id,
            "review_title": i.review_title,
            "record": i.record,
            "text": i.text,
        })).collect::<Vec<_>>(),
    })
}

fn group_json(group: &RecurringGroup) -> serde_json::Value {
    json!({
        "kind": group.kind.name(),
        "category": group.category,
        "label": group.label,
        "items": group.items,
        "reviews": group.reviews.iter().map(|r| json!({
            "review": r.review_id,
            "title": r.title,
            "partnership": r.partnership,
            "year": r.year,
            "items": r.items,
        })).collect::<Vec<_>>(),
        "years": group.years,
        "partnerships": group.partnerships,
        "themes": group.themes.iter().map(theme_json).collect::<Vec<_>>(),
    })
}

fn recurring(db: &Path, by: &str, as_json: bool) -> u8 {
    let Some(grouping) = Grouping::from_name(by) else {
        eprintln!("--by {by}: group by category, condition or loop");
        return EXIT_UNREADABLE;
    };
    let library = match open(db) {
        Ok(library) => library,
        Err(code) => return code,
    };
    let groups = match library.recurring(grouping) {
        Ok(groups) => groups,
        Err(e) => {
            eprintln!("{e}");
            return EXIT_UNREADABLE;
        }
    };
    if as_json {
        let groups: Vec<_> = groups.iter().map(group_json).collect();
        println!("{}", json!({ "by": grouping.name(), "groups": groups }));
        return 0;
    }
    for g in &groups {
        let years = match (g.years.first(), g.years.last()) {
            (Some(a), Some(b)) if a != b => format!(", {a}–{b}"),
            (Some(a), _) => format!(", {a}"),
            _ => String::new(),
        };
        println!(
            "{} {}: {} item{} in {} review{} of {} partnership{}{years}",
            g.kind.name(),
            printable(&g.label),
            g.items,
            plural(g.items),
            g.reviews.len(),
            plural(g.reviews.len()),
            g.partnerships.len(),
            plural(g.partnerships.len()),
        );
        for t in &g.themes {
            println!(
                "  theme ({}): {} items in {} reviews",
                t.terms.join(", "),
                t.items.len(),
                t.reviews
            );
            for i in &t.items {
                println!(
                    "    {} {}: {}",
                    printable(&i.review_title),
                    i.record,
                    printable(&one_line(&i.text))
                );
            }
        }
    }
    0
}

fn actions(db: &Path, overdue_only: bool, today_text: Option<&str>) -> u8 {
    let today = match today_text {
        None => chrono::Local::now().date_naive(),
        Some(text) => match parse_agency_day(text) {
            Ok(day) => day,
            Err(error) => {
                eprintln!("--today {text}: {}", error.reason);
                return EXIT_UNREADABLE;
            }
        },
    };
    let library = match open(db) {
        Ok(library) => library,
        Err(code) => return code,
    };
    let rows = match library.actions(today, overdue_only) {
        Ok(rows) => rows,
        Err(e) => {
            eprintln!("{e}");
            return EXIT_UNREADABLE;
        }
    };
    for a in &rows {
        let overdue = match a.days_overdue {
            Some(days) => format!("\tOVERDUE by {days} day{}", plural(days as usize)),
            None => String::new(),
        };
        println!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}{overdue}",
            printable(&a.review_title),
            a.finding,
            a.action,
            a.status,
            a.due.as_deref().unwrap_or("no due date"),
            printable(if a.owner.is_empty() {
                "(no owner)"
            } else {
                &a.owner
            }),
            printable(&one_line(&a.what)),
        );
    }
    let overdue = rows.iter().filter(|a| a.days_overdue.is_some()).count();
    eprintln!(
        "{} action{}, {overdue} overdue (as on {today})",
        rows.len(),
        plural(rows.len())
    );
    0
}
