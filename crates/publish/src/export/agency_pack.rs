//! Agency packs: the spreadsheet a review sends each agency in its cast, for
//! the agency to return with its chronology and its individual agency
//! summary.
//!
//! A pack is an Excel workbook (.xlsx, no macros) with four sheets:
//!
//! - **Instructions**: what to fill in and how, in plain words;
//! - **Chronology**: one row per contact or event, under the headers the
//!   chronology import recognises ([`CHRONOLOGY_COLUMNS`]), the agency
//!   already filled in, dates validated as dates and shown as dd/mm/yyyy,
//!   drop-down lists for the fixed columns;
//! - **Summary**: the individual agency summary questions
//!   ([`SUMMARY_QUESTIONS`]), each with a cell for the answer;
//! - **About** (hidden): the review's title and the agency's id and name,
//!   so that the import recognises whose return it is, and the lists the
//!   drop-downs offer.
//!
//! [`foresight_core::import::xlsx`] reads a returned pack back.

use chrono::NaiveDate;
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DataValidationRule, DocProperties,
    ExcelDateTime, Format, FormatAlign, FormatBorder, Formula, Workbook, Worksheet, XlsxError,
};

use foresight_core::import::chronology::Field;
use foresight_core::model::{Agency, Review};

pub use foresight_core::import::pack_layout::*;

/// Where and when the pack goes back, for the Instructions sheet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PackOptions {
    /// Who to send the completed pack to, e.g. an email address; the
    /// review's business manager when `None`.
    pub return_to: Option<String>,
    /// The day it is due back.
    pub return_by: Option<NaiveDate>,
    /// The day the pack is written (recorded on the hidden sheet); today
    /// when `None`.
    pub written: Option<NaiveDate>,
}

/// Why a pack could not be written.
#[derive(Debug, thiserror::Error)]
#[error("cannot write the agency pack for {agency}: {reason}")]
pub struct PackError {
    /// The agency's name.
    pub agency: String,
    /// What went wrong.
    pub reason: String,
}

/// Excel's longest text in a cell, in UTF-16 units.
const MAX_CELL: usize = 32_767;

/// `text` cut to fit in a cell.
fn fit(text: &str) -> String {
    let mut units = 0;
    let mut out = String::with_capacity(text.len().min(MAX_CELL * 4));
    for c in text.chars() {
        units += c.len_utf16();
        if units > MAX_CELL {
            break;
        }
        out.push(c);
    }
    out
}

/// A file name for an agency's pack, safe for any agency name on any
/// system: `Agency pack - Eastshire Constabulary (A4).xlsx`. Path
/// separators, characters Windows refuses, control and invisible
/// characters are replaced, leading dots and surrounding spaces dropped,
/// and the name kept short; the agency's id keeps the names of two
/// agencies apart.
pub fn agency_pack_file_name(agency: &Agency) -> String {
    let clean = |text: &str, limit: usize| -> String {
        let mut out = String::new();
        for c in text.chars() {
            let bad = c.is_control()
                || matches!(
                    c,
                    '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' | '\u{7f}'
                )
                || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}');
            let c = if bad || c.is_whitespace() { ' ' } else { c };
            if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
                continue;
            }
            out.push(c);
        }
        let mut out: String = out.trim_matches(['.', ' ']).chars().take(limit).collect();
        while out.ends_with(['.', ' ']) {
            out.pop();
        }
        out
    };
    let name = clean(&agency.name, 80);
    let id = clean(agency.id.as_str(), 20);
    let name = if name.is_empty() {
        "agency".to_string()
    } else {
        name
    };
    if id.is_empty() {
        format!("Agency pack - {name}.xlsx")
    } else {
        format!("Agency pack - {name} ({id}).xlsx")
    }
}

/// The agency pack for one agency of the review, as the bytes of an .xlsx
/// file.
pub fn agency_pack(
    review: &Review,
    agency: &Agency,
    options: &PackOptions,
) -> Result<Vec<u8>, PackError> {
    build(review, agency, options).map_err(|e| PackError {
        agency: agency.name.clone(),
        reason: e.to_string(),
    })
}

/// The formats the sheets share.
struct Formats {
    title: Format,
    heading: Format,
    text: Format,
    header: Format,
    date: Format,
    wrap: Format,
    question: Format,
}

impl Formats {
    fn new() -> Formats {
        let top = Format::new().set_align(FormatAlign::Top);
        Formats {
            title: Format::new().set_bold().set_font_size(16),
            heading: Format::new().set_bold().set_font_size(12),
            text: top.clone().set_text_wrap(),
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_background_color(Color::RGB(0xDD_E6_F0))
                .set_border_bottom(FormatBorder::Thin),
            date: top.clone().set_num_format("dd/mm/yyyy"),
            wrap: top.clone().set_text_wrap(),
            question: top.set_text_wrap().set_bold(),
        }
    }
}

fn build(review: &Review, agency: &Agency, options: &PackOptions) -> Result<Vec<u8>, XlsxError> {
    let formats = Formats::new();
    let mut workbook = Workbook::new();
    workbook.set_properties(
        &DocProperties::new()
            .set_title(fit(&format!("Agency pack: {}", agency.name)))
            .set_subject(fit(&review.meta.title))
            .set_company(fit(&review.meta.partnership)),
    );
    instructions(workbook.add_worksheet(), review, agency, options, &formats)?;
    chronology(workbook.add_worksheet(), agency, &formats)?;
    summary(workbook.add_worksheet(), &formats)?;
    about(workbook.add_worksheet(), review, agency, options)?;
    workbook.save_to_buffer()
}

/// The Instructions sheet: what to fill in, in plain words.
fn instructions(
    sheet: &mut Worksheet,
    review: &Review,
    agency: &Agency,
    options: &PackOptions,
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(INSTRUCTIONS_SHEET)?;
    sheet.set_column_width(0, 80)?;
    // Printed, each sheet is one page wide.
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_screen_gridlines(false);
    sheet.set_active(true);
    let period = review
        .meta
        .period
        .as_ref()
        .map(|p| format!("{} to {}", p.start.human(), p.end.human()));
    let send_to = options
        .return_to
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map_or_else(
            || "the review's business manager".to_string(),
            |to| to.to_string(),
        );
    let by = options
        .return_by
        .map(|d| format!(" by {}", d.format("%d/%m/%Y")))
        .unwrap_or_default();
    // Lines starting "# " are headings.
    let mut lines: Vec<String> = vec![format!("Review: {}", review.meta.title)];
    if !review.meta.partnership.trim().is_empty() {
        lines.push(format!("Commissioned by: {}", review.meta.partnership));
    }
    if let Some(period) = &period {
        lines.push(format!("Period under review: {period}"));
    }
    let between = review
        .meta
        .period
        .as_ref()
        .map(|p| format!(" between {} and {}", p.start.human(), p.end.human()))
        .unwrap_or_default();
    lines.extend(
        [
            "",
            "# What we are asking for",
            "This workbook has been prepared for your agency only. Please fill in two sheets and send the workbook back.",
            &format!("1. Chronology sheet: one row for each contact or event your agency had with the child or family{between}."),
            "2. Summary sheet: your individual agency summary. Answer each question in the \"Your answer\" column.",
            "",
            "# How to fill in the Chronology sheet",
            "One row for each contact or event, in date order. Do not put several contacts in one row, and do not leave empty rows between entries.",
            "Date: the day it happened, typed as day/month/year, for example 03/04/2023. If you only know the month or the season, type it in words (April 2023, Spring 2023); the spreadsheet will ask whether to keep it: choose Yes.",
            "Agency: already filled in with your agency's name. Leave it as it is.",
            "Author (role): the role of the person who made the record, for example Health visitor or Duty social worker. Their role, not their name.",
            "What happened: what the record says, in plain words. Where the record shows it, add what the practitioner knew, thought or decided at the time, and why.",
            "People mentioned: the names of the child, family members and others the record mentions, separated by semicolons (;).",
            "Type of contact and Child seen: choose from the drop-down list in the cell.",
            "",
            "# Please do not",
            "Change the column headings or the names of the sheets: the review reads them to bring the chronologies together.",
            "Include information about other people that has nothing to do with the child's care (for example other patients or other families).",
            "Paste in documents, pictures or links. Describe them in words instead and keep the originals; the review will ask for them if it needs them.",
            "Add a password or macros, or save it in another format: a password-protected file cannot be read. Save it as an Excel workbook (.xlsx).",
            "",
            "# When you have finished",
            &format!("Save the workbook and send it back to {send_to}{by}, by secure email. It holds personal information about a child and family: do not send it by ordinary email."),
            "If you have questions about the pack, or cannot return it in time, please contact the review's business manager.",
        ]
        .map(str::to_string),
    );
    sheet.write_string_with_format(
        0,
        0,
        fit(&format!("Agency pack for {}", agency.name)),
        &f.title,
    )?;
    for (row, line) in lines.iter().enumerate() {
        let row = row as u32 + 1;
        match line.strip_prefix("# ") {
            Some(heading) => sheet.write_string_with_format(row, 0, heading, &f.heading)?,
            None => {
                // Spreadsheet programs do not grow a row to its wrapped
                // text on their own: about 75 characters fit a line of
                // the 80-wide column.
                let lines = line.chars().count().div_ceil(75).max(1);
                sheet.set_row_height(row, 15.0 * lines as f64)?;
                sheet.write_string_with_format(row, 0, fit(line), &f.text)?
            }
        };
    }
    Ok(())
}

/// The Chronology sheet: the header, and prepared empty rows with the
/// agency filled in.
fn chronology(sheet: &mut Worksheet, agency: &Agency, f: &Formats) -> Result<(), XlsxError> {
    sheet.set_name(CHRONOLOGY_SHEET)?;
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    let last = PREPARED_ROWS;
    for (col, column) in CHRONOLOGY_COLUMNS.iter().enumerate() {
        let col = col as u16;
        sheet.set_column_width(col, column.width)?;
        match column.field {
            Some(Field::Date) => sheet.set_column_format(col, &f.date)?,
            _ => sheet.set_column_format(col, &f.wrap)?,
        };
        sheet.write_string_with_format(0, col, column.header, &f.header)?;
        let help = DataValidation::new()
            .set_input_title(column.header)?
            .set_input_message(column.help)?
            .set_error_style(DataValidationErrorStyle::Warning);
        let validation = match (column.field, column.header) {
            (Some(Field::Date), _) => help
                .allow_date(DataValidationRule::Between(
                    ExcelDateTime::from_ymd(1900, 1, 1)?,
                    ExcelDateTime::from_ymd(2099, 12, 31)?,
                ))
                .set_error_title("Not a date")?
                .set_error_message(
                    "Type the date as day/month/year, e.g. 03/04/2023. Choose Yes to keep \
                     a month or season typed in words (April 2023); No to type it again.",
                )?,
            (Some(Field::Agency), _) => help
                .allow_list_formula(Formula::new(format!("={ABOUT_SHEET}!$B$4")))
                .set_error_title("Another agency?")?
                .set_error_message(
                    "This pack is for your agency only. Choose Yes only if the entry is \
                     another agency's record that your agency holds.",
                )?,
            (None, "Type of contact") => help
                .allow_list_formula(Formula::new(format!(
                    "={ABOUT_SHEET}!$D$2:$D${}",
                    CONTACT_TYPES.len() + 1
                )))
                .set_error_title("Not in the list")?
                .set_error_message("Choose from the list, or Yes to keep what you typed.")?,
            (None, _) => help
                .allow_list_formula(Formula::new(format!(
                    "={ABOUT_SHEET}!$E$2:$E${}",
                    CHILD_SEEN.len() + 1
                )))
                .set_error_title("Not in the list")?
                .set_error_message("Choose Yes, No, Not applicable or Not recorded.")?,
            (Some(_), _) => help.allow_any_value(),
        };
        sheet.add_data_validation(1, col, last, col, &validation)?;
    }
    let agency_column = CHRONOLOGY_COLUMNS
        .iter()
        .position(|c| c.field == Some(Field::Agency))
        .unwrap_or(1) as u16;
    let name = fit(&agency.name);
    for row in 1..=last {
        sheet.write_string_with_format(row, agency_column, &name, &f.wrap)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_selection(1, 0, 1, 0)?;
    Ok(())
}

/// The Summary sheet: one question a row, with a cell for the answer.
fn summary(sheet: &mut Worksheet, f: &Formats) -> Result<(), XlsxError> {
    sheet.set_name(SUMMARY_SHEET)?;
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_column_width(0, 55)?;
    sheet.set_column_width(1, 100)?;
    sheet.write_string_with_format(0, 0, SUMMARY_HEADERS[0], &f.header)?;
    sheet.write_string_with_format(0, 1, SUMMARY_HEADERS[1], &f.header)?;
    for (i, question) in SUMMARY_QUESTIONS.iter().enumerate() {
        let row = i as u32 + 1;
        sheet.write_string_with_format(row, 0, *question, &f.question)?;
        sheet.write_blank(row, 1, &f.wrap)?;
        sheet.set_row_height(row, 90)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_selection(1, 1, 1, 1)?;
    Ok(())
}

/// The hidden sheet: whose pack it is, and the drop-down lists.
fn about(
    sheet: &mut Worksheet,
    review: &Review,
    agency: &Agency,
    options: &PackOptions,
) -> Result<(), XlsxError> {
    sheet.set_name(ABOUT_SHEET)?;
    let written = options
        .written
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let rows = [
        (PACK_MARKER, "1".to_string()),
        (ABOUT_REVIEW, review.meta.title.clone()),
        (ABOUT_AGENCY_ID, agency.id.as_str().to_string()),
        (ABOUT_AGENCY, agency.name.clone()),
        (ABOUT_WRITTEN, written.format("%Y-%m-%d").to_string()),
    ];
    for (row, (label, value)) in rows.iter().enumerate() {
        sheet.write_string(row as u32, 0, *label)?;
        sheet.write_string(row as u32, 1, fit(value))?;
    }
    sheet.write_string(0, 3, "Type of contact")?;
    for (i, choice) in CONTACT_TYPES.iter().enumerate() {
        sheet.write_string(i as u32 + 1, 3, *choice)?;
    }
    sheet.write_string(0, 4, "Child seen")?;
    for (i, choice) in CHILD_SEEN.iter().enumerate() {
        sheet.write_string(i as u32 + 1, 4, *choice)?;
    }
    sheet.set_hidden(true);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use foresight_core::import::chronology::ColumnMap;
    use foresight_core::import::xlsx::{PackInfo, read_workbook_chronology};
    use foresight_core::model::Id;

    #[test]
    fn a_written_pack_is_recognised_when_read_back() {
        let review = foresight_core::examples::worked_case();
        let police = review
            .agencies
            .iter()
            .find(|a| a.name == "Eastshire Constabulary")
            .unwrap();
        let bytes = agency_pack(&review, police, &PackOptions::default()).unwrap();
        let (file, pack, answers) = read_workbook_chronology(&bytes, "pack.xlsx", None).unwrap();
        assert_eq!(
            pack,
            Some(PackInfo {
                review: review.meta.title.clone(),
                agency_id: police.id.clone(),
                agency: police.name.clone(),
            })
        );
        assert!(answers.is_empty(), "{answers:?}");
        // The prepared rows hold only the agency: nothing to import, and
        // nothing wrong.
        assert!(file.rows.is_empty() && file.problems.is_empty());
        assert_eq!(file.map.get(Field::Date), Some(0));
    }

    fn agency(id: &str, name: &str) -> Agency {
        Agency {
            id: Id::from(id),
            name: name.into(),
            ..Default::default()
        }
    }

    #[test]
    fn the_import_recognises_every_column_of_the_pack() {
        let headers: Vec<String> = CHRONOLOGY_COLUMNS
            .iter()
            .map(|c| c.header.to_string())
            .collect();
        let map = ColumnMap::detect(&headers);
        for (i, column) in CHRONOLOGY_COLUMNS.iter().enumerate() {
            match column.field {
                Some(field) => assert_eq!(map.get(field), Some(i), "{}", column.header),
                None => assert_eq!(map.field_of(i), None, "{}", column.header),
            }
        }
        assert!(map.missing(&headers).is_none());
        // Every field of the import has a column.
        for field in Field::ALL {
            assert!(CHRONOLOGY_COLUMNS.iter().any(|c| c.field == Some(field)));
        }
        for column in CHRONOLOGY_COLUMNS {
            assert!(
                column.help.encode_utf16().count() <= 255,
                "{}",
                column.header
            );
        }
    }

    #[test]
    fn file_names_are_safe_for_any_agency_name() {
        assert_eq!(
            agency_pack_file_name(&agency("A4", "Eastshire Constabulary")),
            "Agency pack - Eastshire Constabulary (A4).xlsx"
        );
        let hostile = [
            "../../etc/passwd",
            "..",
            ".hidden",
            "C:\\Windows\\system32",
            "Line\nbreak\tand\u{7}bell",
            "Right\u{202E}to left",
            "   ",
            "",
            "a/b:c*d?e\"f<g>h|i",
            &"Very long name ".repeat(40),
        ];
        for name in hostile {
            let file = agency_pack_file_name(&agency("A1", name));
            assert!(file.ends_with(" (A1).xlsx"), "{file:?}");
            assert!(!file.starts_with('.'), "{file:?}");
            assert!(
                !file.chars().any(|c| c.is_control()
                    || matches!(
                        c,
                        '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' | '\u{202E}'
                    )),
                "{file:?}"
            );
            assert!(!file.contains("  "), "{file:?}");
            assert!(file.chars().count() <= 120, "{file:?}");
        }
        assert_eq!(
            agency_pack_file_name(&agency("A1", "../../etc/passwd")),
            "Agency pack - etc passwd (A1).xlsx"
        );
        assert_eq!(
            agency_pack_file_name(&agency("A1", "")),
            "Agency pack - agency (A1).xlsx"
        );
        assert_eq!(
            agency_pack_file_name(&agency("../x", "GP")),
            "Agency pack - GP (x).xlsx"
        );
    }

    #[test]
    fn a_pack_is_an_xlsx_without_macros() {
        let review = foresight_core::examples::worked_case();
        let bytes = agency_pack(&review, &review.agencies[0], &PackOptions::default()).unwrap();
        assert!(bytes.starts_with(b"PK\x03\x04"));
        let archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
        let names: Vec<&str> = archive.file_names().collect();
        assert!(names.contains(&"xl/workbook.xml"), "{names:?}");
        assert!(!names.iter().any(|n| n.contains("vba")), "{names:?}");
        assert_eq!(
            names
                .iter()
                .filter(|n| n.starts_with("xl/worksheets/sheet"))
                .count(),
            4
        );
    }

    /// A part of the workbook's zip archive as text.
    fn part(bytes: &[u8], name: &str) -> String {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut text = String::new();
        std::io::Read::read_to_string(&mut archive.by_name(name).unwrap(), &mut text).unwrap();
        text
    }

    #[test]
    fn the_sheets_say_what_to_fill_in_and_check_it() {
        use calamine::{Reader, SheetVisible, Xlsx};
        let review = foresight_core::examples::worked_case();
        let police = &review.agencies[3];
        let options = PackOptions {
            return_to: Some("reviews@northbrook.example".into()),
            return_by: NaiveDate::from_ymd_opt(2025, 6, 30),
            written: NaiveDate::from_ymd_opt(2025, 6, 2),
        };
        let bytes = agency_pack(&review, police, &options).unwrap();
        let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(&bytes)).unwrap();
        let sheets: Vec<(String, SheetVisible)> = book
            .sheets_metadata()
            .iter()
            .map(|s| (s.name.clone(), s.visible))
            .collect();
        assert_eq!(
            sheets,
            [
                ("Instructions".to_string(), SheetVisible::Visible),
                ("Chronology".to_string(), SheetVisible::Visible),
                ("Summary".to_string(), SheetVisible::Visible),
                ("About".to_string(), SheetVisible::Hidden),
            ]
        );
        let mut column = |sheet: &str, col: usize| -> Vec<String> {
            let range = book.worksheet_range(sheet).unwrap();
            range
                .rows()
                .map(|r| r.get(col).map(|c| c.to_string()).unwrap_or_default())
                .collect()
        };
        let instructions = column("Instructions", 0).join("\n");
        for expected in [
            "Agency pack for Eastshire Constabulary",
            "between 1 September 2020 and 30 September 2022.",
            "03/04/2023",
            "send it back to reviews@northbrook.example by 30/06/2025, by secure email",
            "Please do not",
        ] {
            assert!(
                instructions.contains(expected),
                "{expected}\n{instructions}"
            );
        }
        let questions = column("Summary", 0);
        assert_eq!(questions[0], "Question");
        assert_eq!(questions[1..], SUMMARY_QUESTIONS.map(String::from));
        assert_eq!(
            column("About", 1)[..5],
            [
                "1",
                review.meta.title.as_str(),
                "A4",
                "Eastshire Constabulary",
                "2025-06-02"
            ]
        );
        let agencies = column("Chronology", 1);
        assert_eq!(agencies.len(), PREPARED_ROWS as usize + 1);
        assert!(agencies[1..].iter().all(|a| a == "Eastshire Constabulary"));

        // The Chronology sheet checks dates, offers lists and keeps its
        // header in view; its date column shows dd/mm/yyyy.
        let sheet = part(&bytes, "xl/worksheets/sheet2.xml");
        assert!(sheet.contains(r#"<dataValidation type="date""#), "{sheet}");
        assert!(sheet.contains("sqref=\"A2:A501\""), "{sheet}");
        assert!(sheet.contains("<formula1>About!$B$4</formula1>"), "{sheet}");
        assert!(
            sheet.contains("<formula1>About!$D$2:$D$11</formula1>"),
            "{sheet}"
        );
        assert!(sheet.contains(r#"ySplit="1""#) && sheet.contains(r#"state="frozen""#));
        assert!(part(&bytes, "xl/styles.xml").contains(r#"formatCode="dd/mm/yyyy""#));
    }

    #[test]
    fn long_and_odd_text_fits_in_cells() {
        let mut review = Review::new("x".repeat(40_000));
        review.meta.partnership = "\u{0}\u{1b}[2J".into();
        let odd = agency("A1", &format!("{}\u{0}", "é".repeat(33_000)));
        let bytes = agency_pack(&review, &odd, &PackOptions::default()).unwrap();
        assert!(bytes.starts_with(b"PK\x03\x04"));
        assert_eq!(fit(&"😀".repeat(20_000)).encode_utf16().count(), 32_766);
    }
}
