//! The headless command line: every capability of Foresight can be scripted
//! and tested without a window.
//!
//! Exit codes: 0 success, 1 the input has problems (e.g. `validate` found
//! some), 2 the input could not be read or the command is not available.

mod actions;
mod agency_pack;
mod anonymise;
mod cast;
mod causal;
mod check;
mod commands;
mod export;
mod import;
mod language;
mod language_model;
mod library;
mod merge;
mod sensitive;
mod timetable;

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

pub use commands::run;

/// Makes a closed output pipe end the process quietly with success, as
/// command-line tools do: `foresight check FILE | head -1` stops printing
/// once `head` has read its line, instead of panicking on the broken pipe.
///
/// Rust ignores SIGPIPE, so `println!` on a closed pipe panics with "failed
/// printing to stdout: Broken pipe"; this panic hook turns exactly that
/// panic into a clean exit and leaves every other panic to the default
/// hook.
pub fn exit_quietly_on_broken_pipe() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if info.payload_as_str().is_some_and(is_broken_pipe_panic) {
            std::process::exit(0);
        }
        default(info);
    }));
}

/// True for the panic of `print!`/`eprint!` on a closed pipe.
fn is_broken_pipe_panic(message: &str) -> bool {
    message.starts_with("failed printing to std")
        && (message.contains("Broken pipe") || message.contains("os error 32"))
}

/// Opens a review, or starts a new one named after the file when it does
/// not exist yet (imports create their target file).
pub(crate) fn open_or_create(
    path: &std::path::Path,
) -> Result<foresight_core::document::Document, String> {
    if path.exists() {
        foresight_core::document::Document::open(path).map_err(|e| e.to_string())
    } else {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().replace(".review.ron", ""))
            .unwrap_or_default();
        Ok(foresight_core::document::Document::untitled(
            foresight_core::model::Review::new(name),
        ))
    }
}

/// Reports every bad row of an import file and that nothing was imported;
/// returns the exit code for problems in the input.
pub(crate) fn refuse_bad_rows(
    file: &std::path::Path,
    problems: &[foresight_core::import::RowProblem],
) -> u8 {
    for problem in problems {
        eprintln!("{problem}");
    }
    eprintln!(
        "{}: nothing was imported ({} bad row{})",
        file.display(),
        problems.len(),
        plural(problems.len())
    );
    EXIT_PROBLEMS
}

/// "s" for any count but one.
/// `text` safe to print on a terminal: control characters (which can move
/// the cursor, clear the screen or retitle the window) and the invisible
/// characters that reorder text shown as `\u{…}` escapes.
pub(crate) fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| {
        c.is_control()
            || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:04X}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Refuses (prints why and returns true) when `output` is the same file
/// as `input`: what a command reads is never overwritten by what it
/// writes.
pub(crate) fn writes_over(command: &str, input: &Path, output: &Path) -> bool {
    if same_file(input, output) {
        eprintln!(
            "foresight {command}: {} is both what is read and where to write: name another file for the output",
            output.display()
        );
        return true;
    }
    false
}

/// True when both paths name the same file (the output may not exist yet):
/// the same path once links are followed, or, on Unix, two names (hard
/// links) of one file.
pub(crate) fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b))
            && x.dev() == y.dev()
            && x.ino() == y.ino()
        {
            return true;
        }
    }
    let canonical = |p: &Path| {
        p.canonicalize().ok().or_else(|| {
            let parent = p
                .parent()
                .filter(|x| !x.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            Some(parent.canonicalize().ok()?.join(p.file_name()?))
        })
    };
    match (canonical(a), canonical(b)) {
        (Some(a), Some(b)) => a == b,
        _ => a == b,
    }
}

pub(crate) fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Exit code: the input has problems.
pub const EXIT_PROBLEMS: u8 = 1;
/// Exit code: the input could not be read, or the command cannot run.
pub const EXIT_UNREADABLE: u8 = 2;

/// Foresight: systems-approach case reviews in child protection.
///
/// With no subcommand, opens the desktop app on the last review you had
/// open, or on the bundled worked example.
#[derive(Debug, Parser)]
#[command(name = "foresight", version, about, long_about)]
pub struct Cli {
    /// What to do; none opens the desktop app.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// A subcommand.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open a review file in the desktop app.
    Open {
        /// The review file (*.review.ron).
        file: PathBuf,
    },
    /// Check review files: exit 0 when valid, 1 when problems are found,
    /// 2 when a file cannot be read (the message names file, line and column).
    Validate {
        /// Review files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Create a new, empty review file.
    New {
        /// Where to write it (*.review.ron).
        #[arg(short, long)]
        output: PathBuf,
        /// The review's title.
        #[arg(long, default_value = "Untitled review")]
        title: String,
        /// The factor taxonomy to use (built-in: learning-together, reason-accimap, blank; or your own in a templates folder).
        #[arg(long, default_value = "learning-together")]
        taxonomy: String,
        /// Overwrite the file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Write an agency pack (.xlsx) for each agency in the cast, to fill in
    /// and return.
    ///
    /// Each pack is an Excel workbook without macros: instructions, a
    /// chronology sheet (the agency filled in, dates checked as dates,
    /// drop-down lists) and the individual agency summary questions. The
    /// review records the day each pack was sent; `import-chronology` reads
    /// a returned pack back and records the return.
    AgencyPack {
        /// The review file.
        file: PathBuf,
        /// The folder to write the packs into (created when missing).
        #[arg(short, long)]
        output: PathBuf,
        /// Only this agency (its id or name). Repeatable.
        #[arg(long, value_name = "AGENCY")]
        agency: Vec<String>,
        /// Who the packs go back to (e.g. an email address), for the
        /// instructions; by default the review's business manager.
        #[arg(long, value_name = "WHO")]
        return_to: Option<String>,
        /// The day the packs are due back (2027-01-05 or 05/01/2027).
        #[arg(long, value_name = "DATE")]
        return_by: Option<String>,
        /// Overwrite packs already in the folder.
        #[arg(long)]
        force: bool,
    },
    /// Import agency chronologies from CSV, TSV or Excel workbooks (.xlsx,
    /// such as a returned agency pack) into a review.
    ImportChronology {
        /// Chronology files (.csv, .tsv or .xlsx).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The review to add them to (created when missing).
        #[arg(long)]
        into: PathBuf,
        /// Explicit column mapping, e.g. text=Details,date="Entry date".
        #[arg(long)]
        map: Option<String>,
        /// Import the good rows of a file that has bad ones, listing what was skipped.
        #[arg(long)]
        skip_bad_rows: bool,
        /// The agency of rows that name none (its name or alias); by default
        /// it is found from the file's name, e.g. police.csv.
        #[arg(long)]
        agency: Option<String>,
    },
    /// Import the cast (people, agencies, places) from CSV into a review.
    ImportCast {
        /// CSV with header name,aliases,role,pseudonym,kind.
        file: PathBuf,
        /// The review to add them to (created when missing).
        #[arg(long)]
        into: PathBuf,
    },
    /// Import causal-loop variables and links from a CSV edge list.
    ImportCld {
        /// CSV with header from,to,polarity and an optional delay column.
        file: PathBuf,
        /// The review to add them to (created when missing).
        #[arg(long)]
        into: PathBuf,
    },
    /// List the feedback loops of a review's causal links, reinforcing or balancing.
    Loops {
        /// The review file.
        file: PathBuf,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// The most loops to list, shortest first (found length by length
        /// when the diagram has more than 2,000,000 loops); 0 writes every
        /// loop as it is found, unsorted, keeping none.
        #[arg(long, default_value_t = 10_000)]
        max: usize,
        /// Print only the counts of loops, reinforcing and balancing (up to
        /// 2,000,000 loops, "more than" beyond; with --max 0, every loop,
        /// however many).
        #[arg(long)]
        summary: bool,
    },
    /// Find hindsight and blame language: reads plain text, one passage per
    /// line, and prints for each line `blame` or `learning`, a tab, and the
    /// phrases found with their categories.
    Language {
        /// A plain-text file; `-` or none reads standard input.
        file: Option<PathBuf>,
        /// Print JSON: each line's verdict and phrases, with spans,
        /// severities and reframe questions.
        #[arg(long)]
        json: bool,
    },
    /// Train the blame model on a labelled corpus, or measure it.
    LanguageModel {
        #[command(subcommand)]
        action: LanguageModelAction,
    },
    /// The library across reviews: add reviews (only their anonymised,
    /// published text is stored), search them, see recurring themes and
    /// every review's actions.
    Library {
        #[command(subcommand)]
        action: LibraryAction,
    },
    /// Check a review for publication: why-coverage, hindsight and blame
    /// language, and what blocks publication (exit 1 when something does).
    Check {
        /// The review file.
        file: PathBuf,
    },
    /// Write an anonymised copy of a review: pseudonyms for names, neutral
    /// placeholders for personal data, coarsened dates. Nothing is written
    /// when a leak check of the result finds any real name, identifier or
    /// exact date (exit 1). Occurrences it could not judge are replaced to
    /// be safe and listed.
    Anonymise {
        /// The review file.
        file: PathBuf,
        /// Where to write the anonymised review (never the input file).
        #[arg(short, long)]
        output: PathBuf,
        /// Write nothing (exit 1) while any occurrence or sensitive
        /// attribute still waits for the reviewer's decision.
        #[arg(long)]
        strict: bool,
        /// Keep this word or phrase wherever it is doubtful or a residual
        /// suspect (an abbreviation such as TA, a public place name):
        /// added to the review's allow-list, saved in FILE, so the
        /// decision travels with the review. Repeatable.
        #[arg(long, value_name = "WORD")]
        keep: Vec<String>,
        /// Also withhold or generalise sensitive details (ages, health,
        /// medication, money, times) as the review's sensitive data policy
        /// says, as the published report does. Without it the anonymised
        /// review keeps them as written: it is de-identified, not published.
        #[arg(long)]
        apply_sensitive_policy: bool,
    },
    /// List the cast's people (id, name, role, pseudonym, other names), or
    /// add to it what `foresight check` suggests: a person a residual
    /// suspect names (`--add-person NAME --role ROLE`), or another spelling
    /// of a cast member's name (`--add-name P3=Ceris`), so that the report
    /// uses their pseudonym rather than a placeholder.
    Cast {
        /// The review file (changed in place when an option is given).
        file: PathBuf,
        /// Add a person not yet in the cast, by name.
        #[arg(long, value_name = "NAME")]
        add_person: Option<String>,
        /// The new person's role ("nursery key worker").
        #[arg(long, value_name = "ROLE")]
        role: Option<String>,
        /// The new person's pseudonym (their role when not given).
        #[arg(long, value_name = "PSEUDONYM")]
        pseudonym: Option<String>,
        /// Add another name or spelling to a person: ID=NAME. Repeatable.
        #[arg(long, value_name = "ID=NAME")]
        add_name: Vec<String>,
    },
    /// Show or set the sensitive data policy: ages, health, medication,
    /// finances and times are withheld or generalised in published text
    /// unless published with a reason (`--publish ages="reason"`).
    Sensitive {
        /// The review file (changed in place when an option is given).
        file: PathBuf,
        /// Publish a kind, with the reason: KIND=REASON, where KIND is
        /// ages, health, medication, finances or times.
        #[arg(long, value_name = "KIND=REASON")]
        publish: Vec<String>,
        /// Withhold a kind again.
        #[arg(long, value_name = "KIND")]
        withhold: Vec<String>,
    },
    /// Export the anonymised report as PDF, editable Word (.docx) or an
    /// accessible web page (.html), by OUTPUT's ending. A publication export refuses
    /// (exit 1, nothing written) while `foresight check` finds a blocker
    /// or the leak check finds anything identifying in what would be
    /// written; blame-tagged findings are left out and listed.
    Export {
        /// The review file.
        file: PathBuf,
        /// Where to write the report: a file ending in .pdf, .docx or .html.
        #[arg(short, long)]
        output: PathBuf,
        /// Report template: learning-together (the full report), briefing,
        /// rapid-review (the rapid review for the national panel), or your
        /// own in a templates folder.
        #[arg(long, default_value = "learning-together")]
        template: String,
        /// An identified draft for the panel's internal use: not
        /// anonymised, every finding set, watermarked on every page.
        #[arg(long)]
        identified_draft: bool,
        /// Add the anonymised summary chronology as an appendix.
        #[arg(long)]
        include_chronology: bool,
    },
    /// Export a diagram as a figure (SVG, or PNG when OUT ends in .png),
    /// drawn from the anonymised review and leak-checked: exit 1 and
    /// nothing written when the figure would name anyone.
    Figure {
        /// The review file.
        file: PathBuf,
        /// Where to write the figure (*.svg or *.png).
        #[arg(short, long)]
        output: PathBuf,
        /// The diagram's id (default: the first diagram).
        #[arg(long)]
        diagram: Option<String>,
        /// The projector palette: paler fills, darker lines.
        #[arg(long)]
        high_contrast: bool,
    },
    /// Generate a synthetic review of a given size, for benchmarks and
    /// stress tests: `--episodes N` makes a realistic one (cast,
    /// chronology, factors, conditions, findings, a case map and named
    /// loops) in proportion to N key practice episodes.
    Generate {
        /// Where to write it.
        #[arg(short, long)]
        output: PathBuf,
        /// Key practice episodes; the rest of the review is sized to match.
        #[arg(long)]
        episodes: Option<usize>,
        /// Chronology entries (default 20,000, or 60 per episode).
        #[arg(long)]
        entries: Option<usize>,
        /// Causal loop variables (default 200, or one per 4 episodes).
        #[arg(long)]
        variables: Option<usize>,
        /// Causal links leaving each variable.
        #[arg(long)]
        links_per_variable: Option<usize>,
        /// Seed of the generator: the same seed gives the same review.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Overwrite the file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Record the review's clock and show its statutory milestones: the
    /// notification (5 working days after becoming aware), the rapid
    /// review (15 working days), publication (6 months after the decision,
    /// extended by pauses), the final report to the panel (7 working days
    /// before publication) and keeping it published for a year.
    Timetable {
        /// The review file (changed in place when --set or --reason is given).
        file: PathBuf,
        /// Record a date: NAME=DATE with NAME one of aware, notified,
        /// rapid-review-sent, decided, sent-to-panel, published,
        /// kept-until (DATE as 2027-01-05 or 05/01/2027; `none` clears
        /// it); paused=FROM..TO:REASON (TO empty while it goes on);
        /// decision=local-review|national-review|no-further-review;
        /// rapid-review-from=notified|aware; calendar=NAME. Repeatable.
        #[arg(long, value_name = "NAME=DATE")]
        set: Vec<String>,
        /// Record why a milestone was missed: MILESTONE=REASON, with
        /// MILESTONE one of notification, rapid-review,
        /// review-publication, notice-to-panel, keep-published-until.
        /// Repeatable.
        #[arg(long, value_name = "MILESTONE=REASON")]
        reason: Vec<String>,
        /// Print JSON: {"milestones":[{"name","due","done","status","reason",…}]}.
        #[arg(long)]
        json: bool,
        /// Reckon as on this day instead of today.
        #[arg(long, value_name = "DATE")]
        today: Option<String>,
    },
    /// Merge two reviewers' copies of one review into a new file: record by
    /// record and field by field (text line by line), with what both
    /// changed differently kept as unresolved conflicts in the file (our
    /// value meanwhile). Exit 0 when merged cleanly, 1 when conflicts
    /// remain, 2 when a file cannot be read.
    Merge {
        /// Our copy (its value is kept wherever the copies conflict).
        ours: PathBuf,
        /// Their copy.
        theirs: PathBuf,
        /// The copies' common ancestor (the file both started from). Not
        /// needed when it is beside the copies: each file records the
        /// revisions it descends from, and the ancestor is found by them.
        /// Given more than once, the one the copies record is used; when
        /// none is found, every difference is a conflict.
        #[arg(long)]
        base: Vec<PathBuf>,
        /// Where to write the merged review (not one of the inputs).
        #[arg(short, long)]
        output: PathBuf,
        /// Print JSON: {"output","clean","ancestor":{"kind","file","revision","saved"},"conflicts":[{"record","field","base","ours","theirs"}],"renumbered":[{"from","to"}]}.
        #[arg(long)]
        json: bool,
    },
    /// List the findings' actions with their status and whether each is
    /// overdue (not done or dropped, and due before today).
    Actions {
        /// The review file.
        file: PathBuf,
        /// Only the overdue actions.
        #[arg(long)]
        overdue: bool,
        /// Reckon as on this day instead of today (2025-04-01 or 01/04/2025).
        #[arg(long, value_name = "DATE")]
        today: Option<String>,
        /// Print JSON: {"today","actions":[{"finding","id","what","owner","due","status","overdue","days_overdue","response"}]}.
        #[arg(long)]
        json: bool,
    },
    /// Export the action plan (each published finding's response and its
    /// actions) as an Excel workbook or a PDF, by OUT's ending: drawn from
    /// the anonymised review like every published export, dates to the
    /// month, and leak-checked (exit 1 and nothing written on a leak).
    ActionPlan {
        /// The review file.
        file: PathBuf,
        /// Where to write the plan (*.xlsx or *.pdf).
        #[arg(short, long)]
        output: PathBuf,
        /// Reckon what is overdue as on this day instead of today.
        #[arg(long, value_name = "DATE")]
        today: Option<String>,
    },
    /// List the bundled worked examples, or write copies of them to a folder.
    Examples {
        /// Folder to write the examples into.
        #[arg(long)]
        write: Option<PathBuf>,
    },
}

/// What `foresight library` does. `--db` names the library database; by
/// default it is `library.sqlite` in the app's data folder (or
/// `FORESIGHT_LIBRARY`).
#[derive(Debug, Subcommand)]
pub enum LibraryAction {
    /// Add review files to the library, replacing any earlier copy of the
    /// same review: their publication (anonymised, learning findings only)
    /// is stored, never the identified text. A review whose publication
    /// would leak a real name is refused (exit 1).
    Add {
        /// Review files (*.review.ron).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The library database.
        #[arg(long, value_name = "LIB")]
        db: Option<PathBuf>,
    },
    /// Search the findings, factors, conditions and named loops of every
    /// review (all words; "a phrase" in double quotes), best first.
    Search {
        /// The words or phrase to find.
        query: String,
        /// The library database.
        #[arg(long, value_name = "LIB")]
        db: Option<PathBuf>,
        /// Print JSON: {"query","hits":[{"review","review_title","partnership","year","file","kind","record","title","category","snippet","score"}]}.
        #[arg(long)]
        json: bool,
    },
    /// Recurring themes: findings and latent conditions grouped by
    /// taxonomy category (or conditions by system level, or named loops),
    /// and within a group the items worded alike across reviews.
    Recurring {
        /// The library database.
        #[arg(long, value_name = "LIB")]
        db: Option<PathBuf>,
        /// Group by category, condition or loop.
        #[arg(long, default_value = "category")]
        by: String,
        /// Print JSON: {"by","groups":[{"kind","category","label","items","reviews":[…],"years","partnerships","themes":[{"terms","reviews","years","partnerships","items":[…]}]}]}.
        #[arg(long)]
        json: bool,
    },
    /// Every review's actions, with those overdue marked.
    Actions {
        /// The library database.
        #[arg(long, value_name = "LIB")]
        db: Option<PathBuf>,
        /// Only the overdue actions.
        #[arg(long)]
        overdue: bool,
        /// Reckon as on this day instead of today (2025-04-01 or 01/04/2025).
        #[arg(long, value_name = "DATE")]
        today: Option<String>,
    },
}

/// What `foresight language-model` does.
#[derive(Debug, Subcommand)]
pub enum LanguageModelAction {
    /// Fit the blame model's weights on the corpus' train split (and any
    /// written sentences given with --also), print how it does on dev and
    /// test, and write the model (deterministic: the same corpus gives the
    /// same file).
    Train {
        /// The labelled corpus (id, split, label, document, sentence).
        #[arg(long, default_value = "assets/language/corpus/real.tsv")]
        corpus: PathBuf,
        /// Written sentences (label, sentence) to train on as well.
        #[arg(long)]
        also: Vec<PathBuf>,
        /// Where to write the model (a templates folder's
        /// `lexicon/blame-model.tsv` makes the lint use it).
        #[arg(short, long)]
        output: PathBuf,
        /// The strength of the L2 penalty on the weights.
        #[arg(long, default_value_t = foresight_core::analysis::language::model::TrainOptions::default().l2)]
        l2: f64,
        /// Passes of gradient descent.
        #[arg(long, default_value_t = foresight_core::analysis::language::model::TrainOptions::default().epochs)]
        epochs: usize,
        /// Keep only features seen in at least this many sentences.
        #[arg(long, default_value_t = foresight_core::analysis::language::model::TrainOptions::default().min_count)]
        min_count: usize,
        /// The score from which a sentence with none of the lexicon's
        /// counting phrases reads as blame (0.5 for one with such a phrase).
        #[arg(long, default_value_t = foresight_core::analysis::language::model::TrainOptions::default().threshold_without_phrase)]
        threshold_without_phrase: f64,
    },
    /// Measure the lint's blame verdict (its blame model's; another
    /// model's with --model; the lexicon's alone with --lexicon-only) on
    /// one split of a corpus: precision, recall, the confusion matrix and
    /// the hardest errors.
    Evaluate {
        /// The labelled corpus.
        #[arg(long, default_value = "assets/language/corpus/real.tsv")]
        corpus: PathBuf,
        /// train, dev, test or synthetic (all of a two-column file).
        #[arg(long, default_value = "test")]
        split: String,
        /// A model file instead of the built-in one (or a templates
        /// folder's).
        #[arg(long)]
        model: Option<PathBuf>,
        /// Measure the lexicon's phrases alone, with no blame model.
        #[arg(long, conflicts_with = "model")]
        lexicon_only: bool,
        /// How many of the hardest errors to list.
        #[arg(long, default_value_t = 10)]
        errors: usize,
        /// Print JSON: {"split","sentences","precision","recall","f1","confusion":{...},"errors":[{"id","document","label","score","sentence"}]}.
        #[arg(long)]
        json: bool,
    },
}

#[cfg(test)]
mod tests {
    use super::printable;

    #[cfg(unix)]
    #[test]
    fn a_hard_link_to_the_input_is_the_input() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("r.review.ron");
        std::fs::write(&input, "x").unwrap();
        let link = dir.path().join("other-name.svg");
        std::fs::hard_link(&input, &link).unwrap();
        assert!(super::same_file(&input, &link));
        assert!(super::same_file(
            &input,
            &dir.path().join(".").join("r.review.ron")
        ));
        assert!(!super::same_file(&input, &dir.path().join("new.svg")));
    }

    #[test]
    fn control_and_reordering_characters_are_shown_not_obeyed() {
        assert_eq!(printable("Caseload"), "Caseload");
        assert_eq!(
            printable("Case\u{1b}[2Jload\u{7}"),
            "Case\\u{001B}[2Jload\\u{0007}"
        );
        assert_eq!(printable("a\u{202E}b\u{0085}"), "a\\u{202E}b\\u{0085}");
        assert_eq!(printable("Zoë O’Neill"), "Zoë O’Neill");
    }
}
