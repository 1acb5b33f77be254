//! The layout of an agency pack workbook, shared by the writer
//! (`foresight_publish::export::agency_pack`) and the reader ([`super::xlsx`]):
//! sheet names, the hidden sheet's labels, the chronology columns and the
//! individual agency summary questions.

use super::chronology::Field;

/// The name of the sheet holding the chronology.
pub const CHRONOLOGY_SHEET: &str = "Chronology";
/// The name of the sheet holding the individual agency summary.
pub const SUMMARY_SHEET: &str = "Summary";
/// The name of the sheet of instructions.
pub const INSTRUCTIONS_SHEET: &str = "Instructions";
/// The name of the hidden sheet recording whose pack it is.
pub const ABOUT_SHEET: &str = "About";
/// The first cell of the hidden sheet, which marks a workbook as a pack.
pub const PACK_MARKER: &str = "Foresight agency pack";
/// The labels of the hidden sheet's rows (column A), with the value in
/// column B.
pub const ABOUT_REVIEW: &str = "Review";
/// The label of the agency's id on the hidden sheet.
pub const ABOUT_AGENCY_ID: &str = "Agency id";
/// The label of the agency's name on the hidden sheet.
pub const ABOUT_AGENCY: &str = "Agency";
/// The label of the day the pack was written on the hidden sheet.
pub const ABOUT_WRITTEN: &str = "Written";
/// The headers of the Summary sheet.
pub const SUMMARY_HEADERS: [&str; 2] = ["Question", "Your answer"];

/// Empty rows of the Chronology sheet prepared with the agency, the date
/// format and the drop-down lists.
pub const PREPARED_ROWS: u32 = 500;

/// A column of the Chronology sheet.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PackColumn {
    /// The header, as the chronology import recognises it.
    pub header: &'static str,
    /// The chronology field the import reads it as; `None` for a column
    /// kept at the end of the entry's text (`Type of contact: Home visit`).
    pub field: Option<Field>,
    /// Its width in characters.
    pub width: f64,
    /// The help shown when a cell of the column is selected (at most 255
    /// characters).
    pub help: &'static str,
}

/// The columns of the Chronology sheet, in order.
pub const CHRONOLOGY_COLUMNS: [PackColumn; 7] = [
    PackColumn {
        header: "Date",
        field: Some(Field::Date),
        width: 13.0,
        help: "The day it happened, as dd/mm/yyyy (03/04/2023). If you only know the month or \
               season, type it in words (April 2023, Spring 2023) and choose Yes to keep it.",
    },
    PackColumn {
        header: "Agency",
        field: Some(Field::Agency),
        width: 32.0,
        help: "Already filled in with your agency. Leave it as it is.",
    },
    PackColumn {
        header: "Author (role)",
        field: Some(Field::Author),
        width: 26.0,
        help: "The role of the person who made the record, e.g. Health visitor. \
               Their role, not their name.",
    },
    PackColumn {
        header: "What happened",
        field: Some(Field::Text),
        width: 70.0,
        help: "What the record says happened, in plain words, and what the practitioner \
               knew, thought or decided at the time if it is recorded.",
    },
    PackColumn {
        header: "People mentioned",
        field: Some(Field::People),
        width: 30.0,
        help: "The names of the child, family members and others the record mentions, \
               separated by semicolons (;).",
    },
    PackColumn {
        header: "Type of contact",
        field: None,
        width: 26.0,
        help: "Choose from the list.",
    },
    PackColumn {
        header: "Child seen",
        field: None,
        width: 14.0,
        help: "Was the child seen at this contact? Choose from the list.",
    },
];

/// The choices of the Type of contact column.
pub const CONTACT_TYPES: [&str; 10] = [
    "Home visit",
    "Office or clinic appointment",
    "Telephone call",
    "Video call",
    "Letter, email or text message",
    "Meeting about the child",
    "Referral made",
    "Referral received",
    "Record only (no contact)",
    "Other",
];

/// The choices of the Child seen column.
pub const CHILD_SEEN: [&str; 4] = ["Yes", "No", "Not applicable", "Not recorded"];

/// The individual agency summary questions, in the order the Summary sheet
/// asks them.
pub const SUMMARY_QUESTIONS: [&str; 8] = [
    "In brief, what was your agency's involvement with the child and family during the period under review?",
    "What went well? Which practice would you want to see repeated?",
    "Where might practice have gone differently? Please say why what was done made sense to the practitioners at the time, with what they knew then.",
    "What got in the way of practice: workload and staffing, tools and record systems, supervision and management support, working with other agencies?",
    "How were the child's voice and daily life seen, heard and recorded? What did the child say or show?",
    "What has your agency learned from this case about its own systems and ways of working?",
    "What has your agency already done or changed as a result, and when?",
    "Is there anything else the review should know?",
];
