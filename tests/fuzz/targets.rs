//! The fuzz targets: each reads one input of bytes the way Foresight reads
//! a file or a field a user gives it, and checks what came out.
//!
//! A target panics when something is wrong (that is a crash), and returns
//! an [`Outcome`]: a short signature of what the input did (inputs that do
//! something new are kept and mutated further) and, for an error message a
//! reviewer could not act on, why it is unclear.
//!
//! Besides "does not panic", the targets check what the program promises:
//! a review that loads saves to text that loads again as the same review;
//! a date read from an agency's file is written in the review file in a form
//! that reads back; an import's change applies to the review it was planned
//! on, and importing the same rows again adds nothing; the anonymised review
//! can be saved and read back; a language hit points at the words it quotes.

use std::borrow::Cow;
use std::path::Path;
use std::sync::LazyLock;

use foresight::analysis::language::{Context, Lexicon};
use foresight::anonymise::{LeakChecker, anonymise};
use foresight::dates::{find_dates_in_text, parse_agency_date, parse_agency_day};
use foresight::import::RowProblem;
use foresight::import::cast::{import_cast, parse_cast};
use foresight::import::chronology::{ColumnMap, ImportSource, import_chronology, read_rows};
use foresight::import::cld::{import_edges, parse_edges};
use foresight::import::table::{decode, read_table};
use foresight::import::xlsx::{
    WorkbookError, read_workbook_chronology, record_return, return_agency,
};
use foresight::model::{Review, ReviewDate};
use foresight::store::{self, LoadError, parse_review};
use foresight::taxonomy::Taxonomy;
use foresight::validate::validate;

/// What one input did, beyond not panicking.
#[derive(Debug, Default)]
pub struct Outcome {
    /// A short description of the behaviour (the kind of result, error
    /// messages without the input's own words and numbers): an input whose
    /// signature is new is kept for further mutation.
    pub signature: String,
    /// An error message a reviewer could not act on, and why.
    pub unclear: Option<String>,
    /// Something worth counting that is not a failure (the anonymiser's
    /// target: the leak check flagged the anonymised review, which makes
    /// `foresight anonymise` refuse to write it).
    pub note: bool,
    /// What a replay shows besides (the anonymiser's target: each leak).
    pub details: Vec<String>,
}

impl Outcome {
    /// Adds a part to the signature.
    fn mark(&mut self, part: &str) {
        if self.signature.len() < 600 {
            self.signature.push_str(part);
            self.signature.push('|');
        }
    }

    /// Records an unclear message (the first one of an input).
    fn unclear(&mut self, why: String) {
        if self.unclear.is_none() {
            self.unclear = Some(why);
        }
    }
}

/// One fuzz target.
#[derive(Clone, Copy)]
pub struct Target {
    /// Its name, as in `FORESIGHT_FUZZ_TARGETS` and the corpus folder.
    pub name: &'static str,
    /// Runs one input.
    pub run: fn(&[u8]) -> Outcome,
    /// Tokens worth inserting, besides the common ones.
    pub dictionary: &'static [&'static str],
    /// Inputs are cut to this many bytes.
    pub max_len: usize,
    /// True when an unclear message fails the run (the loader and the
    /// importers, whose messages a user reads to fix a file).
    pub strict_messages: bool,
    /// What [`Outcome::note`] counts, when the target sets it.
    pub note: Option<&'static str>,
    /// The seed corpus as the target takes it (some add seeds made from
    /// the corpus files).
    pub seeds: fn(Vec<Vec<u8>>) -> Vec<Vec<u8>>,
}

/// The seed corpus as it is.
fn as_they_are(seeds: Vec<Vec<u8>>) -> Vec<Vec<u8>> {
    seeds
}

/// Every target, in the order they run.
pub const TARGETS: &[Target] = &[
    Target {
        name: "review_loader",
        run: review_loader,
        dictionary: RON_TOKENS,
        max_len: 400_000,
        strict_messages: true,
        note: None,
        seeds: as_they_are,
    },
    Target {
        name: "chronology_csv",
        run: chronology_csv,
        dictionary: CSV_TOKENS,
        max_len: 64 * 1024,
        strict_messages: true,
        note: None,
        seeds: as_they_are,
    },
    Target {
        name: "cast_csv",
        run: cast_csv,
        dictionary: CSV_TOKENS,
        max_len: 64 * 1024,
        strict_messages: true,
        note: None,
        seeds: as_they_are,
    },
    Target {
        name: "cld_csv",
        run: cld_csv,
        dictionary: CSV_TOKENS,
        max_len: 64 * 1024,
        strict_messages: true,
        note: None,
        seeds: as_they_are,
    },
    Target {
        name: "xlsx",
        run: xlsx,
        dictionary: XLSX_TOKENS,
        max_len: 64 * 1024,
        strict_messages: true,
        note: None,
        seeds: with_workbooks,
    },
    Target {
        name: "dates",
        run: dates,
        dictionary: DATE_TOKENS,
        max_len: 2048,
        strict_messages: false,
        note: None,
        seeds: as_they_are,
    },
    Target {
        name: "anonymiser",
        run: anonymiser,
        dictionary: TEXT_TOKENS,
        max_len: 16 * 1024,
        strict_messages: false,
        note: Some("inputs whose anonymised review the leak check flagged"),
        seeds: as_they_are,
    },
    Target {
        name: "lint",
        run: lint,
        dictionary: TEXT_TOKENS,
        max_len: 16 * 1024,
        strict_messages: false,
        note: None,
        seeds: as_they_are,
    },
];

/// Tokens of review files.
const RON_TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "\"",
    ",",
    ":",
    "\\",
    "\\u{0}",
    "\\u{110000}",
    "\\x",
    "\\\"",
    "'",
    "'a'",
    "Some(",
    "None",
    "()",
    "[]",
    "format_version: 3",
    "format_version: 1",
    "format_version: 4",
    "format_version: 0",
    "format_version: 4294967296",
    "r#",
    "r#\"",
    "\"#",
    "br\"",
    "b\"",
    "//",
    "/*",
    "*/",
    "/* /*",
    "#![enable(implicit_some)]",
    "#![enable(unwrap_newtypes)]",
    "99999999999999999999999999999999",
    "-1",
    "1e309",
    "-0.0",
    "NaN",
    "inf",
    "-inf",
    "0x",
    "1_000",
    "true",
    "false",
    "id: \"",
    "text: \"",
    "date: \"",
    "\"2021-02-31\"",
    "\"~2021-spring\"",
    "\"99999-01-01\"",
    "\"E1\"",
    "\"\"",
    "chronology: [",
    "people: [",
    "links: [",
    "Causal(polarity: S, delay: false)",
    "meta: (",
    "taxonomy: \"../../etc/passwd\"",
];

/// Tokens of CSV and TSV files.
const CSV_TOKENS: &[&str] = &[
    "\"",
    "\"\"",
    ",",
    ";",
    "\t",
    "\r",
    "\r\n",
    "\n",
    "\n\n",
    "\u{feff}",
    "\u{ef}\u{bb}\u{bf}",
    "\u{ff}\u{fe}",
    "\u{fe}\u{ff}",
    "\0",
    "\u{80}",
    "\u{93}",
    "Date",
    "Entry date",
    "Agency",
    "Author",
    "Text",
    "Details",
    "People mentioned",
    "name",
    "aliases",
    "role",
    "pseudonym",
    "kind",
    "agency",
    "date of birth",
    "notes",
    "person",
    "place",
    "from",
    "to",
    "polarity",
    "delay",
    "S",
    "O",
    "+",
    "-",
    "\u{2212}",
    "same",
    "opposite",
    "yes",
    "||",
    "03/04/2021",
    "31/02/2021",
    "2021-04",
    "Spring 2021",
    "c. 2019",
    "Westmoor Police",
    "GP",
    "Probation",
    "Lily Carter; Kerry Carter",
    "Mother",
    "Subject child",
];

/// Cells and sheet lines of the workbooks the xlsx target builds (see
/// [`workbook_of`]), and parts of the XML inside a real workbook.
const XLSX_TOKENS: &[&str] = &[
    "\t",
    "\n",
    "#sheet Chronology\n",
    "#sheet Summary\n",
    "#hidden About\n",
    "#sheet \n",
    "Foresight agency pack\tx\n",
    "Agency id\tA4\n",
    "Agency\tEastshire Constabulary\n",
    "Review\tChild B\n",
    "Question\tAnswer\n",
    "=date:",
    "=date:2021-04-03",
    "=date:1900-01-01",
    "=date:9999-12-31",
    "=date:2021-04-03T23:40:00",
    "=num:",
    "=num:44289",
    "=num:-1",
    "=num:1e308",
    "=num:0.5",
    "=num:NaN",
    "=bool:true",
    "Date",
    "Agency",
    "Text",
    "Author",
    "People mentioned",
    "<c r=\"A1\" t=\"s\"><v>0</v></c>",
    "<row r=\"1048577\">",
    "<si><t>",
    "</t></si>",
    "&amp;",
    "&#0;",
    "PK\u{3}\u{4}",
    "PK\u{1}\u{2}",
    "PK\u{5}\u{6}",
    "xl/worksheets/sheet1.xml",
    "xl/sharedStrings.xml",
    "[Content_Types].xml",
];

/// Fragments of dates as agencies write them.
const DATE_TOKENS: &[&str] = &[
    "/",
    "-",
    ".",
    " ",
    ",",
    "?",
    "~",
    "c.",
    "circa",
    "approx",
    "about",
    "early",
    "late",
    "31/02/",
    "29/02/2100",
    "29/02/2024",
    "-1/",
    "0/0/0",
    "00/00/0000",
    "/13/",
    "spring",
    "Winter 2020/21",
    "autumn",
    "Sept",
    "April",
    "Apr-21",
    "of",
    "3rd",
    "1st",
    "22nd",
    "31st",
    "Monday",
    "23:40",
    "12:00pm",
    "2021",
    "1999",
    "0000",
    "9999",
    "10000",
    "99999",
    "262143",
    "-262144",
    "4294967296",
    "18446744073709551616",
    "2021-04-03",
    "2021-spring",
    "01/08-19/08",
    "1-19 August",
    " to ",
    "\u{2013}",
    "\u{ff11}",
    "\u{661}",
];

/// Words of review and chronology text.
const TEXT_TOKENS: &[&str] = &[
    " ",
    ".",
    ",",
    "'",
    "\"",
    "\u{201c}",
    "\u{201d}",
    "\u{2019}",
    "(",
    ")",
    "[name]",
    "should have",
    "failed to",
    "the social worker",
    "she did not",
    "it was obvious",
    "Mum",
    "Nan",
    "Lily",
    "Kerry Carter",
    "O'Neill",
    "Ní",
    "van der",
    "Child A",
    "DC 4812",
    "NE1 4ST",
    "07700 900123",
    "AB 12 34 56 C",
    "943 476 5919",
    "@kerry_88",
    "kerry@example.org",
    "12 Marsh Lane",
    "the Red Lion",
    "aged 23",
    "sertraline 50mg",
    "£120",
    "at 23:40",
    "03/04/2021",
    "01/08-19/08",
    "24 September",
    "Spring 2021",
    "\n",
    "\t",
];

/// Tokens every target's dictionary shares: Unicode that trips text
/// handling (confusables, combining marks, zero-width and bidi controls,
/// non-characters, surrogate-like and invalid UTF-8 bytes).
pub const COMMON_TOKENS: &[&[u8]] = &[
    "\u{301}".as_bytes(),
    "e\u{301}".as_bytes(),
    "\u{338}".as_bytes(),
    "\u{200b}".as_bytes(),
    "\u{200c}".as_bytes(),
    "\u{200d}".as_bytes(),
    "\u{2060}".as_bytes(),
    "\u{feff}".as_bytes(),
    "\u{ad}".as_bytes(),
    "\u{202e}".as_bytes(),
    "\u{202d}".as_bytes(),
    "\u{2066}".as_bytes(),
    "\u{2069}".as_bytes(),
    "\u{200f}".as_bytes(),
    "\u{fffe}".as_bytes(),
    "\u{ffff}".as_bytes(),
    "\u{fffd}".as_bytes(),
    "\u{10ffff}".as_bytes(),
    "\u{1f600}".as_bytes(),
    "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}".as_bytes(),
    "\u{430}".as_bytes(),
    "\u{3bf}".as_bytes(),
    "\u{131}".as_bytes(),
    "\u{130}".as_bytes(),
    "\u{df}".as_bytes(),
    "\u{1e9e}".as_bytes(),
    "\u{fb01}".as_bytes(),
    "\u{2126}".as_bytes(),
    "\u{212a}".as_bytes(),
    "\u{ff21}".as_bytes(),
    "\u{2028}".as_bytes(),
    "\u{85}".as_bytes(),
    "\u{a0}".as_bytes(),
    "\u{3000}".as_bytes(),
    "\u{0}".as_bytes(),
    "\u{7f}".as_bytes(),
    "\u{1b}[31m".as_bytes(),
    "\u{65e5}\u{672c}".as_bytes(),
    "\u{645}\u{62d}\u{645}\u{62f}".as_bytes(),
    "\u{5d0}".as_bytes(),
    b"\xff",
    b"\xfe",
    b"\xc0\x80",
    b"\xed\xa0\x80",
    b"\xe2\x82",
    b"\x80",
    b"\xf4\x90\x80\x80",
];

/// Names in messages that mean nothing to a reviewer: the parser's and
/// the program's own.
const INTERNAL_NAMES: &[&str] = &[
    "VersionProbe",
    "ron::",
    "serde",
    "r#",
    "Options",
    "SpannedError",
    "Utf8Error",
    "ParseIntError",
    "csv::",
    "StringRecord",
    "ErrorKind",
    "panicked",
    "[invalid identifier]",
];

/// The internal name a message shows, unless the input itself holds it (a
/// message may rightly quote what the user wrote).
fn internal_name(message: &str, input: &str) -> Option<&'static str> {
    // As a cell shows it: without the quotes around it.
    let input = input.to_lowercase().replace('"', "");
    INTERNAL_NAMES
        .iter()
        .copied()
        .find(|name| message.contains(name) && !input.contains(&name.to_lowercase()))
}

/// A message without what it quotes of the input and without numbers, for
/// signatures: "row 3: unknown kind `x`" and "row 9: unknown kind `y`" are
/// the same behaviour.
pub fn skeleton(message: &str) -> String {
    let mut out = String::new();
    let mut quote: Option<char> = None;
    for c in message.chars() {
        match quote {
            Some(q) if c == q => {
                quote = None;
                out.push(c);
            }
            Some(_) => {}
            None if c == '`' || c == '"' => {
                quote = Some(c);
                out.push(c);
            }
            None if c.is_ascii_digit() => {
                if !out.ends_with('#') {
                    out.push('#');
                }
            }
            None => out.push(c),
        }
        if out.len() > 200 {
            break;
        }
    }
    out
}

/// How many lines a text has, counting a line ended by `\r` alone.
fn line_count(text: &str) -> usize {
    text.bytes().filter(|&b| b == b'\n' || b == b'\r').count() + 1
}

/// Judges a row problem of an import: it names a row the file has, and
/// says what is wrong in the user's words.
fn judge_row(outcome: &mut Outcome, problem: &RowProblem, text: &str) {
    outcome.mark(&skeleton(&problem.message));
    let message = problem.to_string();
    if problem.row == 0 || problem.row as usize > line_count(text) + 1 {
        outcome.unclear(format!(
            "names row {} of a file of {} lines: {message}",
            problem.row,
            line_count(text)
        ));
    }
    if problem.message.trim().is_empty() {
        outcome.unclear(format!("an empty message: {message}"));
    }
    if let Some(name) = internal_name(&problem.message, text) {
        outcome.unclear(format!("names `{name}`: {message}"));
    }
}

/// The review, saved and read back, gives the same text.
fn reads_back(review: &Review, what: &str) {
    let text = store::to_text(review);
    let again = parse_review(&text, Path::new("saved.review.ron"))
        .unwrap_or_else(|e| panic!("{what}: the saved review does not load again: {e}"));
    assert!(
        store::to_text(&again) == text,
        "{what}: the saved review loads as a different review"
    );
}

/// The worked example *Child B*.
static WORKED: LazyLock<Review> = LazyLock::new(foresight::examples::worked_case);

/// The Munro Appendix 2 causal loop diagram.
static MUNRO: LazyLock<Review> = LazyLock::new(foresight::examples::munro_appendix2);

/// A small review with every kind of record (the golden file of format 3).
static SMALL: LazyLock<Review> = LazyLock::new(|| {
    parse_review(
        include_str!("../golden/v3/every-record.review.ron"),
        Path::new("every-record.review.ron"),
    )
    .expect("the golden file loads")
});

/// Loads every fixture, so that the first input's time is its own.
pub fn warm_up() {
    LazyLock::force(&WORKED);
    LazyLock::force(&MUNRO);
    LazyLock::force(&SMALL);
    Lexicon::shared();
}

/// The review loader: the text as a review file (lossy-decoded; when the
/// bytes are not UTF-8, also read from a file as `store::load` reads it),
/// validation of what loads, and a save that reads back.
fn review_loader(bytes: &[u8]) -> Outcome {
    let mut outcome = Outcome::default();
    let text = String::from_utf8_lossy(bytes);
    if let Cow::Owned(_) = text {
        outcome.mark("not-utf8");
        judge_load(&mut outcome, &load_file(bytes), &text);
    }
    let _ = store::comment_lines(&text);
    match parse_review(&text, Path::new("fuzz.review.ron")) {
        Ok(review) => {
            outcome.mark("ok");
            let taxonomy = Taxonomy::find(&review.meta.taxonomy, &[]).ok();
            for problem in validate(&review, taxonomy.as_ref()) {
                outcome.mark(&skeleton(&problem.to_string()));
            }
            reads_back(&review, "a loaded review");
        }
        Err(error) => judge_load(&mut outcome, &Err(error), &text),
    }
    outcome
}

/// `store::load` of the bytes, through a file of this process (removed
/// again).
fn load_file(bytes: &[u8]) -> Result<Review, LoadError> {
    static FILE: LazyLock<std::path::PathBuf> = LazyLock::new(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz");
        std::fs::create_dir_all(&dir).expect("a folder for the fuzzer's files");
        dir.join(format!("input-{}.review.ron", std::process::id()))
    });
    std::fs::write(&*FILE, bytes).expect("the fuzzer writes its input file");
    let loaded = store::load(&FILE);
    let _ = std::fs::remove_file(&*FILE);
    loaded
}

/// Judges the error of a load: it names a line and column the file has,
/// and none of the parser's own names.
fn judge_load(outcome: &mut Outcome, result: &Result<Review, LoadError>, text: &str) {
    let Err(error) = result else {
        return;
    };
    let message = error.to_string();
    outcome.mark(&skeleton(&message));
    let lines = line_count(text);
    match error {
        LoadError::Syntax { line, column, .. } | LoadError::NotText { line, column, .. } => {
            if *line == 0 || *column == 0 || *line > lines + 1 {
                outcome.unclear(format!(
                    "names line {line}, column {column} of a file of {lines} lines: {message}"
                ));
            }
        }
        // A version too new is a fact about the whole file: it names the
        // version found and what to do, no line is needed.
        LoadError::TooNew { .. } => {}
        LoadError::Io { .. } => outcome.unclear(format!("cannot read its own file: {message}")),
    }
    if let Some(name) = internal_name(&message, text) {
        outcome.unclear(format!("names `{name}`: {message}"));
    }
}

/// The chronology import: the table, its columns found from the header,
/// its rows read and imported into the worked example.
fn chronology_csv(bytes: &[u8]) -> Outcome {
    let mut outcome = Outcome::default();
    // Now and then as a TSV file, whose separator is a tab whatever the
    // header holds.
    let file = if bytes.len() % 7 == 3 {
        "social-care.tsv"
    } else {
        "police.csv"
    };
    let (text, _) = decode(bytes);
    let (table, problems) = match read_table(bytes, file) {
        Ok(read) => read,
        Err(problem) => {
            judge_row(&mut outcome, &problem, &text);
            return outcome;
        }
    };
    for problem in &problems {
        judge_row(&mut outcome, problem, &text);
    }
    let map = ColumnMap::detect(&table.headers);
    if let Some(message) = map.missing(&table.headers) {
        let problem = RowProblem {
            file: file.into(),
            row: 1,
            message,
        };
        judge_row(&mut outcome, &problem, &text);
        return outcome;
    }
    let (rows, problems) = read_rows(&table, &map);
    for problem in &problems {
        judge_row(&mut outcome, problem, &text);
    }
    outcome.mark(&format!("rows {}", rows.len().min(4)));
    if rows.is_empty() {
        return outcome;
    }
    for row in &rows {
        let written = row.date.to_string();
        let back: Result<ReviewDate, _> = written.parse();
        assert!(
            back.as_ref() == Ok(&row.date),
            "row {}: the date is written as `{written}`, which reads back as {back:?}",
            row.row
        );
    }
    let source = ImportSource {
        file,
        rows: &rows,
        default_agency: None,
    };
    let review: &Review = &WORKED;
    let import = import_chronology(review, &[source]);
    let mut after = review.clone();
    import
        .change
        .apply(&mut after)
        .expect("an import's change applies to the review it was planned on");
    let again = import_chronology(&after, &[source]);
    assert_eq!(
        again.new_entries, 0,
        "importing the same rows again adds nothing"
    );
    // What was added is saved with the review and reads back.
    let mut added = after.without_chronology();
    added.chronology = after
        .chronology
        .iter()
        .filter(|e| e.source.as_ref().is_some_and(|s| s.file == file))
        .cloned()
        .collect();
    reads_back(&added, "the imported entries");
    outcome
}

/// The cast import, into a small review with every kind of record.
fn cast_csv(bytes: &[u8]) -> Outcome {
    let mut outcome = Outcome::default();
    let (text, _) = decode(bytes);
    let rows = match parse_cast(bytes, "cast.csv") {
        Ok(rows) => rows,
        Err(problems) => {
            for problem in &problems {
                judge_row(&mut outcome, problem, &text);
            }
            return outcome;
        }
    };
    outcome.mark(&format!("rows {}", rows.len().min(4)));
    let review: &Review = &SMALL;
    let import = import_cast(review, &rows);
    let mut after = review.clone();
    import
        .change
        .apply(&mut after)
        .expect("an import's change applies to the review it was planned on");
    let again = import_cast(&after, &rows);
    assert!(
        again.added.is_empty() && again.updated.is_empty(),
        "importing the same cast again changes nothing (added {:?}, updated {:?})",
        again.added,
        again.updated
    );
    reads_back(&after, "the review with the imported cast");
    outcome
}

/// The causal-loop edge list import, into the Munro diagram.
fn cld_csv(bytes: &[u8]) -> Outcome {
    let mut outcome = Outcome::default();
    // As `foresight import-cld` reads the file.
    let (text, _) = decode(bytes);
    let rows = match parse_edges(&text, "edges.csv") {
        Ok(rows) => rows,
        Err(problems) => {
            for problem in &problems {
                judge_row(&mut outcome, problem, &text);
            }
            return outcome;
        }
    };
    outcome.mark(&format!("rows {}", rows.len().min(4)));
    let review: &Review = &MUNRO;
    let import = import_edges(review, &rows);
    let mut after = review.clone();
    import
        .change
        .apply(&mut after)
        .expect("an import's change applies to the review it was planned on");
    let again = import_edges(&after, &rows);
    assert!(
        again.new_links == 0 && again.new_variables == 0,
        "importing the same links again adds nothing (added {} links, {} variables)",
        again.new_links,
        again.new_variables
    );
    reads_back(&after, "the review with the imported links");
    outcome
}

/// A workbook built from text: a line `#sheet NAME` starts a sheet (and
/// `#hidden NAME` a hidden one; rows before any go to a sheet named
/// Chronology), every other line is a row of cells split at tabs (or at
/// commas when it has no tab). A cell `=date:2021-04-03` is a date cell,
/// `=num:12` a number, `=bool:true` a true/false cell; anything else is
/// text. `None` when the writer refuses what the text asks for.
pub fn workbook_of(text: &str) -> Option<Vec<u8>> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let mut names: Vec<String> = Vec::new();
    let mut sheet: Option<usize> = None;
    let mut row = 0u32;
    for line in text.lines().take(2_000) {
        let (hidden, name) = if let Some(name) = line.strip_prefix("#sheet ") {
            (false, Some(name))
        } else if let Some(name) = line.strip_prefix("#hidden ") {
            (true, Some(name))
        } else {
            (false, None)
        };
        if let Some(name) = name.filter(|_| book.worksheets().len() < 8) {
            let new = book.add_worksheet();
            // A name Excel refuses, or one already taken, keeps the
            // default one.
            let name = name.trim();
            if !names.contains(&name.to_lowercase()) && new.set_name(name).is_ok() {
                names.push(name.to_lowercase());
            }
            if hidden {
                new.set_hidden(true);
            }
            sheet = Some(book.worksheets().len() - 1);
            row = 0;
            continue;
        }
        let index = match sheet {
            Some(index) => index,
            None => {
                let _ = book.add_worksheet().set_name("Chronology");
                names.push("chronology".into());
                sheet = Some(0);
                0
            }
        };
        let Ok(worksheet) = book.worksheet_from_index(index) else {
            continue;
        };
        let cells: Vec<&str> = if line.contains('\t') {
            line.split('\t').collect()
        } else {
            line.split(',').collect()
        };
        for (column, cell) in cells.into_iter().take(60).enumerate() {
            let column = column as u16;
            if cell.is_empty() {
                continue;
            }
            let written = if let Some(day) = cell.strip_prefix("=date:") {
                ExcelDateTime::parse_from_str(day)
                    .and_then(|d| worksheet.write_datetime_with_format(row, column, &d, &date))
                    .is_ok()
            } else if let Some(number) = cell.strip_prefix("=num:") {
                number
                    .parse::<f64>()
                    .ok()
                    .is_some_and(|n| worksheet.write_number(row, column, n).is_ok())
            } else if let Some(value) = cell.strip_prefix("=bool:") {
                worksheet
                    .write_boolean(row, column, value == "true")
                    .is_ok()
            } else {
                false
            };
            if !written {
                let _ = worksheet.write_string(row, column, cell);
            }
        }
        row += 1;
    }
    if book.worksheets().is_empty() {
        book.add_worksheet();
    }
    book.save_to_buffer().ok()
}

/// Every text seed of the xlsx target as a workbook too, so that real
/// workbooks are mutated byte by byte as well.
pub fn with_workbooks(seeds: Vec<Vec<u8>>) -> Vec<Vec<u8>> {
    let built: Vec<Vec<u8>> = seeds
        .iter()
        .filter(|s| !s.starts_with(b"PK"))
        .filter_map(|s| workbook_of(&String::from_utf8_lossy(s)))
        .collect();
    seeds.into_iter().chain(built).collect()
}

/// The .xlsx chronology reader: the input as a workbook when it is a zip
/// archive, else as the text of one (see [`workbook_of`]); its rows
/// imported into the worked example and the return recorded, as
/// `foresight import-chronology` does.
fn xlsx(bytes: &[u8]) -> Outcome {
    let mut outcome = Outcome::default();
    let text = String::from_utf8_lossy(bytes);
    let built;
    let workbook: &[u8] = if bytes.starts_with(b"PK") {
        outcome.mark("zip");
        bytes
    } else {
        let Some(bytes) = workbook_of(&text) else {
            outcome.mark("not written");
            return outcome;
        };
        built = bytes;
        &built
    };
    let file = "police.xlsx";
    let (read, pack, answers) = match read_workbook_chronology(workbook, file, None) {
        Ok(read) => read,
        Err(WorkbookError::Header(problem)) => {
            judge_row(&mut outcome, &problem, &text);
            return outcome;
        }
        Err(error) => {
            let message = error.to_string();
            outcome.mark(&skeleton(&message));
            if !message.starts_with(file) {
                outcome.unclear(format!("does not name the file: {message}"));
            }
            if let Some(name) = internal_name(&message, &text) {
                outcome.unclear(format!("names `{name}`: {message}"));
            }
            return outcome;
        }
    };
    for problem in &read.problems {
        judge_row(&mut outcome, problem, &text);
    }
    outcome.mark(&format!(
        "rows {} pack {} answers {}",
        read.rows.len().min(4),
        pack.is_some(),
        answers.len().min(2)
    ));
    let default_agency = pack.as_ref().map(|p| p.agency.as_str());
    let source = ImportSource {
        file,
        rows: &read.rows,
        default_agency,
    };
    let today = chrono::NaiveDate::from_ymd_opt(2024, 3, 1).expect("a day");
    let plan = |review: &Review| {
        let mut import = import_chronology(review, &[source]);
        let recorded = return_agency(review, &import, pack.as_ref(), &read.rows, default_agency)
            .and_then(|id| {
                record_return(review, &mut import, &id, read.rows.len(), &answers, today)
            });
        (import, recorded)
    };
    let review: &Review = &WORKED;
    let (import, _) = plan(review);
    let mut after = review.clone();
    import
        .change
        .apply(&mut after)
        .expect("an import's change applies to the review it was planned on");
    let (again, recorded) = plan(&after);
    assert!(
        again.new_entries == 0 && recorded.as_ref().is_none_or(|r| !r.changed),
        "importing the same workbook again changes nothing (entries {}, return {recorded:?})",
        again.new_entries
    );
    let mut added = after.without_chronology();
    added.chronology = after
        .chronology
        .iter()
        .filter(|e| e.source.as_ref().is_some_and(|s| s.file == file))
        .cloned()
        .collect();
    reads_back(&added, "the imported workbook");
    outcome
}

/// Dates: the whole text and each of its lines as an agency's date, as a
/// day (a date of birth) and as a review file's date; dates found in the
/// text as anonymisation finds them.
fn dates(bytes: &[u8]) -> Outcome {
    let mut outcome = Outcome::default();
    let text = String::from_utf8_lossy(bytes);
    for piece in std::iter::once(text.as_ref()).chain(text.lines().take(64)) {
        match parse_agency_date(piece) {
            Ok(date) => {
                outcome.mark(&format!("{:?}", date.precision()));
                let written = date.to_string();
                let back: Result<ReviewDate, _> = written.parse();
                assert!(
                    back.as_ref() == Ok(&date),
                    "`{piece}` is read as a date written `{written}`, which reads back as {back:?}"
                );
            }
            Err(error) => {
                let message = error.to_string();
                outcome.mark(&skeleton(&error.reason));
                if let Some(name) = internal_name(&message, piece) {
                    outcome.unclear(format!("names `{name}`: {message}"));
                }
            }
        }
        if let Ok(day) = parse_agency_day(piece) {
            let written = day.format("%Y-%m-%d").to_string();
            assert!(
                written.parse::<ReviewDate>().is_ok(),
                "`{piece}` is read as the day `{written}`, which a review file cannot hold"
            );
        }
        match piece.parse::<ReviewDate>() {
            Ok(date) => {
                let written = date.to_string();
                assert_eq!(
                    written.parse::<ReviewDate>().as_ref(),
                    Ok(&date),
                    "`{piece}` reads as a review date written `{written}`, which does not read back"
                );
            }
            Err(error) => {
                let message = error.to_string();
                if let Some(name) = internal_name(&message, piece) {
                    outcome.unclear(format!("names `{name}`: {message}"));
                }
            }
        }
    }
    for (range, date) in find_dates_in_text(&text) {
        assert!(
            text.get(range.clone()).is_some(),
            "a date found at {range:?} is not a part of the text"
        );
        outcome.mark(&format!("found {:?}", date.precision()));
    }
    outcome
}

/// The anonymiser: the text as a chronology entry of a small review, its
/// first line as a person's name and its second as one of their other
/// names; the review anonymised, leak-checked, saved and read back.
fn anonymiser(bytes: &[u8]) -> Outcome {
    let mut outcome = Outcome::default();
    let text = String::from_utf8_lossy(bytes);
    let mut lines = text.lines();
    let name: String = lines.next().unwrap_or_default().chars().take(200).collect();
    let alias: String = lines.next().unwrap_or_default().chars().take(200).collect();
    let mut review = SMALL.clone();
    review.people[0].name = name;
    review.people[0].aliases.push(alias);
    review.chronology[0].text = text.into_owned();
    let anonymised = anonymise(&review);
    let replaced = anonymised.review.chronology[0].text != review.chronology[0].text;
    outcome.mark(if replaced { "changed" } else { "same" });
    let leaks = LeakChecker::new(&review).check_review(&anonymised.review);
    for leak in leaks.iter().take(4) {
        outcome.mark(&skeleton(&leak.what));
    }
    outcome.note = !leaks.is_empty();
    outcome.details = leaks.iter().map(ToString::to_string).collect();
    reads_back(&anonymised.review, "the anonymised review");
    outcome
}

/// The hindsight and blame lint of the text, in each kind of passage.
fn lint(bytes: &[u8]) -> Outcome {
    let mut outcome = Outcome::default();
    let text = String::from_utf8_lossy(bytes);
    let lexicon = Lexicon::shared();
    for context in [Context::Narrative, Context::Question, Context::Quotation] {
        let hits = lexicon.lint_in(&text, context);
        for hit in &hits {
            assert!(
                text.get(hit.start..hit.end) == Some(hit.matched.as_str()),
                "the hit {:?} at {}..{} is not the text there",
                hit.matched,
                hit.start,
                hit.end
            );
            outcome.mark(&format!("{} {:?}", hit.phrase, hit.severity));
        }
        outcome.mark(foresight::analysis::language::verdict(&hits).label());
    }
    outcome
}
