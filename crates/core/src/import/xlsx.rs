//! Agency chronologies from Excel workbooks (.xlsx): a returned agency pack
//! (`foresight_publish::export::agency_pack`) or any workbook with a chronology
//! sheet.
//!
//! The chronology sheet is read into the same [`Table`] a CSV file gives,
//! so the same column detection, row rules and messages apply: a date cell
//! becomes ISO text (`2023-05-31`), a whole number loses its `.0`, and
//! every bad row is named with its sheet and row as the spreadsheet shows
//! them (`police.xlsx, sheet Chronology: row 7: …`). A pack's Summary sheet
//! gives the agency's answers to the individual agency summary questions,
//! and its hidden About sheet says whose pack it is.
//!
//! A workbook that cannot be read (not a zip archive, password-protected,
//! the old .xls format, damaged, no chronology sheet) is an error naming
//! the file, never a panic.

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{DataRef, Reader, SheetType, SheetVisible, Xlsx};
use chrono::NaiveDate;

use super::RowProblem;
use super::cast::CastIndex;
use super::chronology::{
    ChronologyFile, ChronologyImport, ChronologyRow, ColumnMap, Field, MapSpec, read_rows,
};
use super::pack_layout::{
    ABOUT_AGENCY, ABOUT_AGENCY_ID, ABOUT_REVIEW, ABOUT_SHEET, CHRONOLOGY_SHEET, PACK_MARKER,
    SUMMARY_SHEET,
};
use super::table::{Table, TableRow, header_key, name_key};
use crate::edit::Edit;
use crate::model::{Agency, Id, Record, Review, SummaryAnswer};

/// The most a workbook may hold once unzipped: far beyond any agency's
/// chronology, and a bound on what a hostile file can make us read.
const MAX_UNZIPPED: u128 = 512 * 1024 * 1024;
/// The most non-empty cells read from one sheet.
const MAX_CELLS: usize = 2_000_000;
/// Columns beyond this one are not read.
const MAX_COLUMNS: u32 = 1_000;
/// Rows searched for the header row (title rows may come first).
const HEADER_SEARCH: usize = 20;

/// Whose pack a workbook is, from its hidden About sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackInfo {
    /// The title of the review the pack was written for.
    pub review: String,
    /// The agency's id in that review.
    pub agency_id: Id,
    /// The agency's name when the pack was written.
    pub agency: String,
}

/// A workbook read: its chronology sheet as a table, and what a pack adds.
#[derive(Debug, Clone)]
pub struct Workbook {
    /// The chronology sheet as a table, its file named with the sheet for
    /// messages (`police.xlsx, sheet Chronology`).
    pub table: Table,
    /// The chronology sheet's name.
    pub sheet: String,
    /// The header row, as the spreadsheet numbers it (usually 1).
    pub header_row: u32,
    /// Whose pack it is, when the workbook is an agency pack.
    pub pack: Option<PackInfo>,
    /// The summary questions the agency answered (empty answers left out).
    pub answers: Vec<SummaryAnswer>,
}

/// Why a workbook cannot be imported at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WorkbookError {
    /// The file is not a workbook that can be read.
    #[error("{file}: {message}")]
    Unreadable {
        /// The file's name as given.
        file: String,
        /// Why, and what to do.
        message: String,
    },
    /// The chronology sheet's header cannot be used.
    #[error("{0}")]
    Header(RowProblem),
}

/// True when a file is to be read as an Excel workbook: its name ends in
/// `.xlsx`, `.xlsm` or `.xls`, or its bytes begin as a zip archive (an
/// .xlsx file) or an OLE compound file (a password-protected workbook or an
/// old .xls) do.
pub fn is_workbook(bytes: &[u8], file: &str) -> bool {
    let lower = file.to_lowercase();
    [".xlsx", ".xlsm", ".xls", ".xltx"]
        .iter()
        .any(|ext| lower.ends_with(ext))
        || bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(&CFB_MAGIC)
}

/// The first bytes of an OLE compound file.
const CFB_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Reads a workbook: the chronology sheet (the sheet named Chronology, or
/// the only sheet), the header row (the first of the top rows whose
/// headers name a date and a text column, or else the first row), and,
/// for a pack, its answers and whose pack it is.
pub fn read_workbook(
    bytes: &[u8],
    file: &str,
    spec: Option<&MapSpec>,
) -> Result<Workbook, WorkbookError> {
    let unreadable = |message: String| WorkbookError::Unreadable {
        file: file.to_string(),
        message,
    };
    if bytes.starts_with(&CFB_MAGIC) {
        let encrypted = matches!(
            Xlsx::new(Cursor::new(bytes)),
            Err(calamine::XlsxError::Password)
        );
        return Err(unreadable(if encrypted {
            "the workbook is password-protected: save it again without a password (File, Info, Protect Workbook, Encrypt with Password: clear it)".into()
        } else {
            "this is the old Excel 97-2003 format (.xls): open it and save it as an Excel workbook (.xlsx)".into()
        }));
    }
    if !bytes.starts_with(b"PK\x03\x04") {
        return Err(unreadable(
            "not an Excel workbook (.xlsx): the file is not a zip archive, as an .xlsx file is; if it is a CSV file, name it .csv".into(),
        ));
    }
    match zip::ZipArchive::new(Cursor::new(bytes)) {
        Ok(archive) => {
            if archive
                .decompressed_size()
                .is_some_and(|n| n > MAX_UNZIPPED)
            {
                return Err(unreadable(format!(
                    "the workbook would unzip to more than {} MB, far more than a chronology holds; it cannot be read",
                    MAX_UNZIPPED / (1024 * 1024)
                )));
            }
        }
        Err(e) => {
            return Err(unreadable(format!(
                "not an Excel workbook (.xlsx): the zip archive cannot be read ({e})"
            )));
        }
    }
    // The workbook's parts are read by a parser of untrusted input: a
    // panic in it is one more reason the file cannot be read.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_xlsx(bytes, file, spec)
    }))
    .unwrap_or_else(|_| {
        Err(unreadable(
            "the workbook is damaged and cannot be read; open it and save it again as an Excel workbook (.xlsx)".into(),
        ))
    })
}

/// The non-empty cells of a sheet: row → (column, text), in order.
type Cells = BTreeMap<u32, Vec<(u32, String)>>;

fn read_xlsx(bytes: &[u8], file: &str, spec: Option<&MapSpec>) -> Result<Workbook, WorkbookError> {
    let unreadable = |message: String| WorkbookError::Unreadable {
        file: file.to_string(),
        message,
    };
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| {
        unreadable(match e {
            calamine::XlsxError::Password => {
                "the workbook is password-protected: save it again without a password".into()
            }
            e => format!("not a workbook that can be read: {e}"),
        })
    })?;
    let sheets: Vec<(String, bool)> = workbook
        .sheets_metadata()
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .map(|s| (s.name.clone(), s.visible == SheetVisible::Visible))
        .collect();
    let named = |wanted: &str| {
        sheets
            .iter()
            .find(|(name, _)| name.trim().eq_ignore_ascii_case(wanted))
            .map(|(name, _)| name.clone())
    };
    let pack = match named(ABOUT_SHEET) {
        Some(name) => read_cells(&mut workbook, &name, file)
            .ok()
            .and_then(|cells| pack_info(&cells)),
        None => None,
    };
    let visible: Vec<&String> = sheets
        .iter()
        .filter(|(_, visible)| *visible)
        .map(|(name, _)| name)
        .collect();
    let sheet = match named(CHRONOLOGY_SHEET) {
        Some(name) => name,
        None if pack.is_none() && visible.len() == 1 => visible[0].clone(),
        None => {
            let names: Vec<String> = sheets.iter().map(|(n, _)| format!("\"{n}\"")).collect();
            return Err(unreadable(format!(
                "the workbook has no sheet named \"{CHRONOLOGY_SHEET}\" (its sheets are {}); name the sheet that holds the chronology \"{CHRONOLOGY_SHEET}\"",
                if names.is_empty() {
                    "none".to_string()
                } else {
                    names.join(", ")
                }
            )));
        }
    };
    let cells = read_cells(&mut workbook, &sheet, file)?;
    let answers = match named(SUMMARY_SHEET) {
        Some(name) => summary_answers(&read_cells(&mut workbook, &name, file)?),
        None => Vec::new(),
    };
    let label = format!("{file}, sheet {sheet}");
    let (table, header_row) = table_of(&cells, &label, spec)?;
    Ok(Workbook {
        table,
        sheet,
        header_row,
        pack,
        answers,
    })
}

/// Reads a sheet's non-empty cells as text.
fn read_cells(
    workbook: &mut Xlsx<Cursor<&[u8]>>,
    sheet: &str,
    file: &str,
) -> Result<Cells, WorkbookError> {
    let unreadable = |e: calamine::XlsxError| WorkbookError::Unreadable {
        file: file.to_string(),
        message: format!("the sheet \"{sheet}\" cannot be read: {e}"),
    };
    let mut reader = workbook.worksheet_cells_reader(sheet).map_err(unreadable)?;
    let mut cells = Cells::new();
    let mut count = 0usize;
    while let Some(cell) = reader.next_cell().map_err(unreadable)? {
        let (row, col) = cell.get_position();
        if col >= MAX_COLUMNS {
            continue;
        }
        let Some(text) = cell_text(cell.get_value()) else {
            continue;
        };
        count += 1;
        if count > MAX_CELLS {
            return Err(WorkbookError::Unreadable {
                file: file.to_string(),
                message: format!(
                    "the sheet \"{sheet}\" has more than {MAX_CELLS} filled cells, far more than a chronology holds; it cannot be read"
                ),
            });
        }
        cells.entry(row).or_default().push((col, text));
    }
    for row in cells.values_mut() {
        row.sort_by_key(|(col, _)| *col);
        row.dedup_by_key(|(col, _)| *col);
    }
    Ok(cells)
}

/// A cell as the text a CSV export would hold; `None` when empty.
fn cell_text(value: &DataRef) -> Option<String> {
    let text = match value {
        DataRef::Empty => return None,
        DataRef::String(s) => tidy(s),
        DataRef::SharedString(s) => tidy(s),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => number_text(*f),
        DataRef::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        DataRef::DateTime(dt) if dt.is_datetime() => date_text(dt),
        DataRef::DateTime(dt) => number_text(dt.as_f64()),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => tidy(s),
        DataRef::Error(e) => e.to_string(),
    };
    (!text.is_empty()).then_some(text)
}

/// Text trimmed, with Windows line ends made plain.
fn tidy(text: &str) -> String {
    text.trim().replace("\r\n", "\n").replace('\r', "\n")
}

/// A number as written: whole numbers without ".0".
fn number_text(value: f64) -> String {
    if value.is_finite() && value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

/// An Excel date as ISO text: `2023-05-31`, `2023-05-31 14:30` with a time
/// of day, `14:30` for a time alone; a value outside Excel's dates as the
/// number.
fn date_text(dt: &calamine::ExcelDateTime) -> String {
    let value = dt.as_f64();
    // Excel's dates run from 1900 to 9999 (serial 2,958,465).
    if !(0.0..2_958_466.0).contains(&value) {
        return number_text(value);
    }
    let (y, m, d, h, min, s, _) = dt.to_ymd_hms_milli();
    if value < 1.0 {
        return format!("{h:02}:{min:02}");
    }
    if (h, min, s) == (0, 0, 0) {
        format!("{y:04}-{m:02}-{d:02}")
    } else {
        format!("{y:04}-{m:02}-{d:02} {h:02}:{min:02}")
    }
}

/// Whose pack it is, from the About sheet's label and value columns.
fn pack_info(cells: &Cells) -> Option<PackInfo> {
    let value = |label: &str| {
        cells.values().find_map(|row| {
            let mut cols = row.iter();
            match (cols.next(), cols.next()) {
                (Some((0, l)), Some((1, v))) if l == label => Some(v.clone()),
                _ => None,
            }
        })
    };
    let first = cells.get(&0)?.first()?;
    if first.0 != 0 || first.1 != PACK_MARKER {
        return None;
    }
    Some(PackInfo {
        review: value(ABOUT_REVIEW).unwrap_or_default(),
        agency_id: Id::from(value(ABOUT_AGENCY_ID)?.as_str()),
        agency: value(ABOUT_AGENCY)?,
    })
}

/// The answered questions of a Summary sheet: a Question and an Answer
/// column (found by their headers in the first row, or else the first two
/// columns), one question a row.
fn summary_answers(cells: &Cells) -> Vec<SummaryAnswer> {
    let Some((&header_row, header)) = cells.iter().next() else {
        return Vec::new();
    };
    let find = |word: &str| {
        header
            .iter()
            .find(|(_, h)| header_key(h).contains(word))
            .map(|(c, _)| *c)
    };
    let (question_col, answer_col) = match (find("question"), find("answer")) {
        (Some(q), Some(a)) if q != a => (q, a),
        _ => (0, 1),
    };
    let mut answers = Vec::new();
    for (row, cells) in cells.range(header_row + 1..) {
        let get = |col: u32| {
            cells
                .iter()
                .find(|(c, _)| *c == col)
                .map(|(_, t)| t.clone())
                .unwrap_or_default()
        };
        let answer = get(answer_col);
        if answer.is_empty() {
            continue;
        }
        let mut question = get(question_col);
        if question.is_empty() {
            question = format!("Row {}", row + 1);
        }
        answers.push(SummaryAnswer { question, answer });
    }
    answers
}

/// The column map a header row gives, with the mapping applied.
fn map_of(headers: &[String], spec: Option<&MapSpec>) -> Result<ColumnMap, String> {
    let mut map = ColumnMap::detect(headers);
    if let Some(spec) = spec {
        spec.apply(&mut map, headers)?;
    }
    Ok(map)
}

/// The cells of a row as a record `width` wide.
fn record(cells: &[(u32, String)], width: usize) -> Vec<String> {
    let mut out = vec![String::new(); width];
    for (col, text) in cells {
        if let Some(slot) = out.get_mut(*col as usize) {
            slot.clone_from(text);
        }
    }
    out
}

/// The chronology sheet as a table, and its header row as the spreadsheet
/// numbers it: the header row found, and every row below it. Rows that
/// hold only an agency (a pack's prepared rows) are left out as blank.
fn table_of(
    cells: &Cells,
    label: &str,
    spec: Option<&MapSpec>,
) -> Result<(Table, u32), WorkbookError> {
    let header_problem = |row: u32, message: String| {
        WorkbookError::Header(RowProblem {
            file: label.to_string(),
            row: u64::from(row) + 1,
            message,
        })
    };
    let Some((&first_row, _)) = cells.iter().next() else {
        return Err(header_problem(
            0,
            "the sheet is empty: it has no header row".into(),
        ));
    };
    let width_of = |row: &[(u32, String)]| row.last().map_or(0, |(c, _)| *c as usize + 1);
    let headers_of = |row: &[(u32, String)]| record(row, width_of(row));
    let header_row = cells
        .iter()
        .take(HEADER_SEARCH)
        .find(|(_, row)| {
            let headers = headers_of(row);
            map_of(&headers, spec).is_ok_and(|map| map.missing(&headers).is_none())
        })
        .map_or(first_row, |(r, _)| *r);
    let headers = headers_of(&cells[&header_row]);
    let map = map_of(&headers, spec).map_err(|m| header_problem(header_row, m))?;
    let agency_column = map.get(Field::Agency);
    // A row that holds nothing but an agency is one of a pack's prepared
    // rows (the pack's hidden sheet may be lost when the workbook is saved
    // by another program): it has nothing to import.
    let prepared = |row: &[(u32, String)]| {
        let Some(column) = agency_column else {
            return false;
        };
        let mut within = row.iter().filter(|(c, _)| (*c as usize) < headers.len());
        matches!((within.next(), within.next()), (Some((c, _)), None) if *c as usize == column)
    };
    let rows = cells
        .range(header_row + 1..)
        .filter(|(_, row)| !prepared(row))
        .map(|(&r, row)| TableRow {
            row: r + 1,
            cells: csv::StringRecord::from(record(row, headers.len())),
        })
        .collect();
    Ok((
        Table {
            file: label.to_string(),
            delimiter: b',',
            headers,
            rows,
            legacy_encoding: false,
        },
        header_row + 1,
    ))
}

/// Reads a workbook's chronology rows, as [`super::chronology::read_chronology`]
/// reads a CSV file: the good rows and every bad row, with the pack's
/// details and answers beside them.
pub fn read_workbook_chronology(
    bytes: &[u8],
    file: &str,
    spec: Option<&MapSpec>,
) -> Result<(ChronologyFile, Option<PackInfo>, Vec<SummaryAnswer>), WorkbookError> {
    let workbook = read_workbook(bytes, file, spec)?;
    let headers = &workbook.table.headers;
    let header_problem = |message: String| {
        WorkbookError::Header(RowProblem {
            file: workbook.table.file.clone(),
            row: u64::from(workbook.header_row),
            message,
        })
    };
    let map = map_of(headers, spec).map_err(header_problem)?;
    if let Some(message) = map.missing(headers) {
        return Err(header_problem(message));
    }
    let (rows, problems) = read_rows(&workbook.table, &map);
    Ok((
        ChronologyFile {
            table: workbook.table,
            map,
            rows,
            problems,
        },
        workbook.pack,
        workbook.answers,
    ))
}

/// A returned pack's record on its agency, made by [`record_return`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReturnRecorded {
    /// The agency.
    pub agency: Id,
    /// Its name.
    pub name: String,
    /// The chronology entries the pack gave.
    pub entries: usize,
    /// The summary questions answered.
    pub answers: usize,
    /// False when the review already recorded exactly this return.
    pub changed: bool,
}

/// The agency a returned pack belongs to: the pack's own agency (by id
/// when that agency still has the pack's name, else by name), or, for a
/// workbook that is not a pack, the one agency all its rows name. Agencies
/// the import is adding count.
pub fn return_agency(
    review: &Review,
    import: &ChronologyImport,
    pack: Option<&PackInfo>,
    rows: &[ChronologyRow],
    default_agency: Option<&str>,
) -> Option<Id> {
    let index = CastIndex::of(review);
    let known = |name: &str| -> Option<Id> {
        if let Some(id) = index.agency(name) {
            return Some(id.clone());
        }
        let key = name_key(name);
        import
            .new_agencies
            .iter()
            .find(|(_, n)| name_key(n) == key)
            .map(|(id, _)| id.clone())
    };
    // A name the import took as an agency already there ("CSC - MASH").
    let find = |name: &str| -> Option<Id> {
        known(name).or_else(|| {
            let key = name_key(name);
            import
                .same_agencies
                .iter()
                .find(|(value, _, _)| name_key(value) == key)
                .and_then(|(_, agency, _)| known(agency))
        })
    };
    if let Some(pack) = pack {
        let same = review.agencies.iter().find(|a| a.id == pack.agency_id);
        if let Some(agency) = same {
            let key = name_key(&pack.agency);
            if name_key(&agency.name) == key || agency.aliases.iter().any(|a| name_key(a) == key) {
                return Some(agency.id.clone());
            }
        }
        return find(&pack.agency);
    }
    let mut found: Option<Id> = None;
    for row in rows {
        let name = if row.agency.is_empty() {
            default_agency?
        } else {
            &row.agency
        };
        let id = find(name)?;
        match &found {
            Some(f) if *f != id => return None,
            _ => found = Some(id),
        }
    }
    found
}

/// Records a returned pack on its agency, as part of the import's change:
/// the day its chronology came back and how many entries it gave, and the
/// day its summary came back with the answers. `entries` is the number of
/// rows the pack gave (the latest return replaces an earlier one's count).
/// Nothing is added when the review already records exactly this return,
/// so importing the same pack again changes nothing. `None` when the pack
/// gives nothing (no row, no answer) or the agency is not found.
pub fn record_return(
    review: &Review,
    import: &mut ChronologyImport,
    agency: &Id,
    entries: usize,
    answers: &[SummaryAnswer],
    today: NaiveDate,
) -> Option<ReturnRecorded> {
    if entries == 0 && answers.is_empty() {
        return None;
    }
    let update = |agency: &mut Agency| -> bool {
        let returned = &mut agency.returned;
        let mut changed = false;
        if entries > 0 && (returned.chronology.is_none() || returned.entries != entries) {
            returned.chronology = Some(today);
            returned.entries = entries;
            changed = true;
        }
        if !answers.is_empty() && (returned.summary.is_none() || returned.answers != answers) {
            returned.summary = Some(today);
            returned.answers = answers.to_vec();
            changed = true;
        }
        changed
    };
    let (name, changed) = if let Some(existing) = review.agencies.iter().find(|a| a.id == *agency) {
        let mut updated = existing.clone();
        let changed = update(&mut updated);
        let name = updated.name.clone();
        if changed {
            import.change.edits.push(Edit::Put(Record::Agency(updated)));
        }
        (name, changed)
    } else {
        // An agency the import itself adds: its record is in the change.
        let added = import.change.edits.iter_mut().find_map(|edit| match edit {
            Edit::Append(records) => records.iter_mut().find_map(|r| match r {
                Record::Agency(a) if a.id == *agency => Some(a),
                _ => None,
            }),
            _ => None,
        })?;
        let changed = update(added);
        (added.name.clone(), changed)
    };
    Some(ReturnRecorded {
        agency: agency.clone(),
        name,
        entries,
        answers: answers.len(),
        changed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::chronology::{ImportSource, import_chronology};
    use crate::import::pack_layout::SUMMARY_QUESTIONS;
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook as Writer};

    /// A workbook with one sheet of rows; `None` cells are left empty, and
    /// a cell starting with `=date:` is a real date cell.
    fn workbook(sheets: &[(&str, &[&[&str]])]) -> Vec<u8> {
        let mut book = Writer::new();
        let date = Format::new().set_num_format("dd/mm/yyyy");
        for (name, rows) in sheets {
            let sheet = book.add_worksheet();
            sheet.set_name(*name).unwrap();
            for (r, row) in rows.iter().enumerate() {
                for (c, cell) in row.iter().enumerate() {
                    let (r, c) = (r as u32, c as u16);
                    if cell.is_empty() {
                        continue;
                    }
                    if let Some(d) = cell.strip_prefix("=date:") {
                        let d = ExcelDateTime::parse_from_str(d).unwrap();
                        sheet.write_datetime_with_format(r, c, &d, &date).unwrap();
                    } else if let Some(n) = cell.strip_prefix("=num:") {
                        sheet.write_number(r, c, n.parse::<f64>().unwrap()).unwrap();
                    } else {
                        sheet.write_string(r, c, *cell).unwrap();
                    }
                }
            }
        }
        book.save_to_buffer().unwrap()
    }

    #[test]
    fn cells_become_the_text_a_csv_would_hold() {
        let bytes = workbook(&[(
            "Chronology",
            &[
                &["Date", "Agency", "Text", "Ref"],
                &["=date:2023-05-31", "Police", "Seen at home", "=num:7"],
                &[
                    "=date:2023-06-01 14:30",
                    "Police",
                    "  Called \r\n back ",
                    "=num:2.5",
                ],
                &["31/02/2023", "Police", "Impossible", ""],
            ],
        )]);
        let (file, pack, answers) = read_workbook_chronology(&bytes, "p.xlsx", None).unwrap();
        assert!(pack.is_none() && answers.is_empty());
        let cells: Vec<Vec<&str>> = file
            .table
            .rows
            .iter()
            .map(|r| r.cells.iter().collect())
            .collect();
        assert_eq!(cells[0], ["2023-05-31", "Police", "Seen at home", "7"]);
        assert_eq!(
            cells[1],
            ["2023-06-01 14:30", "Police", "Called \n back", "2.5"]
        );
        assert_eq!(file.rows[0].date.to_string(), "2023-05-31");
        assert_eq!(file.rows[0].text, "Seen at home\nRef: 7");
        assert_eq!(file.rows[1].date.to_string(), "2023-06-01");
        let shown: Vec<String> = file.problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "p.xlsx, sheet Chronology: row 4: cannot read the date `31/02/2023`: February 2023 has no day 31"
            ]
        );
    }

    #[test]
    fn the_header_may_follow_title_rows_and_rows_keep_their_numbers() {
        let bytes = workbook(&[(
            "Sheet1",
            &[
                &["Police chronology"],
                &[],
                &["Entry date", "Details"],
                &["03/04/2021", "First"],
                &[],
                &["=date:2021-04-05", "Second"],
            ],
        )]);
        let (file, _, _) = read_workbook_chronology(&bytes, "p.xlsx", None).unwrap();
        assert_eq!(file.table.headers, ["Entry date", "Details"]);
        let rows: Vec<(u32, &str)> = file.rows.iter().map(|r| (r.row, r.text.as_str())).collect();
        assert_eq!(rows, [(4, "First"), (6, "Second")]);
    }

    #[test]
    fn bad_workbooks_are_refused_by_name_never_with_a_panic() {
        let cases: Vec<(&str, Vec<u8>, &str)> = vec![
            ("text.xlsx", b"date,text\n".to_vec(), "not a zip archive"),
            ("empty.xlsx", Vec::new(), "not a zip archive"),
            (
                "locked.xlsx",
                [CFB_MAGIC.as_slice(), &[0u8; 600]].concat(),
                "old Excel 97-2003 format",
            ),
            (
                "broken.xlsx",
                b"PK\x03\x04 then nothing a zip reader wants".to_vec(),
                "zip archive cannot be read",
            ),
            (
                "sheets.xlsx",
                workbook(&[("One", &[&["a"]]), ("Two", &[&["b"]])]),
                "no sheet named \"Chronology\" (its sheets are \"One\", \"Two\")",
            ),
        ];
        for (file, bytes, expected) in cases {
            let err = read_workbook(&bytes, file, None).unwrap_err().to_string();
            assert!(err.starts_with(&format!("{file}: ")), "{err}");
            assert!(err.contains(expected), "{file}: {err}");
        }
        // A zip that is not a workbook.
        let mut zipped = Vec::new();
        {
            let mut writer = zip::ZipWriter::new(Cursor::new(&mut zipped));
            writer
                .start_file("hello.txt", zip::write::SimpleFileOptions::default())
                .unwrap();
            std::io::Write::write_all(&mut writer, b"hi").unwrap();
            writer.finish().unwrap();
        }
        let err = read_workbook(&zipped, "z.xlsx", None).unwrap_err();
        assert!(matches!(err, WorkbookError::Unreadable { .. }), "{err}");
        // A header without date or text.
        let bytes = workbook(&[("Chronology", &[&["Day", "Words"], &["1/1/21", "x"]])]);
        let err = read_workbook_chronology(&bytes, "h.xlsx", None).unwrap_err();
        let WorkbookError::Header(problem) = err else {
            panic!("{err}")
        };
        assert_eq!(problem.row, 1);
        assert!(problem.file.ends_with("sheet Chronology"));
        assert!(problem.message.contains("no date or text column"));
        // Every truncation of a real workbook is refused or read, never a panic.
        let good = workbook(&[("Chronology", &[&["Date", "Text"], &["1/1/21", "x"]])]);
        for cut in (0..good.len()).step_by(97) {
            let _ = read_workbook(&good[..cut], "cut.xlsx", None);
        }
    }

    #[test]
    fn summary_answers_are_read_with_their_questions() {
        // The Summary sheet's answers are read with their questions.
        let q: Vec<&str> = SUMMARY_QUESTIONS.to_vec();
        let filled = workbook(&[
            ("Chronology", &[&["Date", "Agency", "What happened"]]),
            (
                "Summary",
                &[
                    &["Question", "Your answer"],
                    &[q[0], "Two call-outs."],
                    &[q[1], ""],
                    &["", "A note without its question"],
                ],
            ),
        ]);
        let (_, pack, answers) = read_workbook_chronology(&filled, "f.xlsx", None).unwrap();
        assert!(pack.is_none());
        assert_eq!(
            answers,
            [
                SummaryAnswer {
                    question: q[0].into(),
                    answer: "Two call-outs.".into()
                },
                SummaryAnswer {
                    question: "Row 4".into(),
                    answer: "A note without its question".into()
                }
            ]
        );
    }

    #[test]
    fn a_return_is_recorded_once() {
        let review = crate::examples::worked_case();
        let police = review.agencies[3].clone();
        let rows = read_workbook_chronology(
            &workbook(&[(
                "Chronology",
                &[
                    &["Date", "Agency", "Text"],
                    &["=date:2023-01-02", &police.name, "Visit"],
                ],
            )]),
            "r.xlsx",
            None,
        )
        .unwrap()
        .0
        .rows;
        let source = ImportSource {
            file: "r.xlsx",
            rows: &rows,
            default_agency: None,
        };
        let mut import = import_chronology(&review, &[source]);
        let agency = return_agency(&review, &import, None, &rows, None).unwrap();
        assert_eq!(agency, police.id);
        let answers = [SummaryAnswer {
            question: "Q".into(),
            answer: "A".into(),
        }];
        let today = NaiveDate::from_ymd_opt(2025, 3, 4).unwrap();
        let recorded = record_return(&review, &mut import, &agency, 1, &answers, today).unwrap();
        assert!(recorded.changed);
        let mut after = review.clone();
        import.change.apply(&mut after).unwrap();
        let returned = &after.agencies[3].returned;
        assert_eq!(returned.chronology, Some(today));
        assert_eq!(returned.entries, 1);
        assert_eq!(returned.summary, Some(today));
        assert_eq!(returned.answers, answers);
        assert_eq!(returned.requested, police.returned.requested);

        let mut again = import_chronology(&after, &[source]);
        let recorded = record_return(&after, &mut again, &agency, 1, &answers, today).unwrap();
        assert!(!recorded.changed);
        assert!(again.change.edits.is_empty());
    }

    #[test]
    fn a_pack_for_an_agency_the_review_lacks_records_on_the_new_agency() {
        let review = Review::new("Other review");
        let pack = PackInfo {
            review: "Child B".into(),
            agency_id: Id::from("A9"),
            agency: "Kestrel Homes".into(),
        };
        let rows = vec![ChronologyRow {
            row: 2,
            date: crate::dates::parse_agency_date("2/1/23").unwrap(),
            agency: "Kestrel Homes".into(),
            author: String::new(),
            text: "Repair visit".into(),
            people: Vec::new(),
        }];
        let mut import = import_chronology(
            &review,
            &[ImportSource {
                file: "k.xlsx",
                rows: &rows,
                default_agency: None,
            }],
        );
        let agency = return_agency(&review, &import, Some(&pack), &rows, None).unwrap();
        let today = NaiveDate::from_ymd_opt(2025, 3, 4).unwrap();
        record_return(&review, &mut import, &agency, 1, &[], today).unwrap();
        let mut after = review.clone();
        import.change.apply(&mut after).unwrap();
        assert_eq!(after.agencies[0].name, "Kestrel Homes");
        assert_eq!(after.agencies[0].returned.chronology, Some(today));
    }
}
