//! Importing records from the files agencies and other tools produce.
//!
//! An import never writes anything when its input has a bad row: it reports
//! every bad row with its file and row number (the row as a spreadsheet
//! shows it, the header being row 1) and returns no change.

pub mod agencies;
pub mod cast;
pub mod chronology;
pub mod cld;
pub mod pack_layout;
pub mod table;
pub mod xlsx;

use std::fmt;

/// One bad row of an imported file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    /// The file's name as given.
    pub file: String,
    /// The row as a spreadsheet numbers it (the header is row 1).
    pub row: u64,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for RowProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: row {}: {}", self.file, self.row, self.message)
    }
}

/// Removes a UTF-8 byte order mark, as spreadsheet programs write one.
pub(crate) fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}
