//! Spreadsheet tables as agencies send them: CSV with commas or semicolons,
//! TSV, in UTF-8, UTF-16 (Excel's "Unicode text") or Windows-1252 (Excel's
//! "CSV" on Windows), with or without a byte order mark.

use super::RowProblem;

/// One data row of a table.
#[derive(Debug, Clone)]
pub struct TableRow {
    /// The row as a spreadsheet numbers it (the header is row 1).
    pub row: u32,
    /// The cells, trimmed.
    pub cells: csv::StringRecord,
}

impl TableRow {
    /// The cell in a column, or "" when the row is short.
    pub fn cell(&self, column: usize) -> &str {
        self.cells.get(column).unwrap_or("")
    }

    /// True when every cell is empty.
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(str::is_empty)
    }
}

/// A table read from a file: its header and its data rows.
#[derive(Debug, Clone)]
pub struct Table {
    /// The file's name as given.
    pub file: String,
    /// The separator found: `,`, `;` or a tab.
    pub delimiter: u8,
    /// The header cells, trimmed.
    pub headers: Vec<String>,
    /// The data rows, blank rows included (callers skip them).
    pub rows: Vec<TableRow>,
    /// True when the file was not UTF-8 and was read as Windows-1252.
    pub legacy_encoding: bool,
}

impl Table {
    /// A short description of the separator for messages.
    pub fn delimiter_name(&self) -> &'static str {
        match self.delimiter {
            b'\t' => "tab",
            b';' => "semicolon",
            _ => "comma",
        }
    }
}

/// Windows-1252's characters for the bytes 0x80–0x9F (the rest of the
/// upper half is the same as Latin-1).
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// Turns a file's bytes into text: UTF-8 (a byte order mark is dropped),
/// UTF-16 with a byte order mark, or else Windows-1252. The flag is true when
/// the text was not UTF-8 or UTF-16.
pub fn decode(bytes: &[u8]) -> (String, bool) {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        // A UTF-8 mark on text that is not UTF-8 (a file resaved by hand):
        // read it as Windows-1252 and say so, never with characters
        // silently replaced.
        return match std::str::from_utf8(rest) {
            Ok(text) => (text.to_string(), false),
            Err(_) => (windows_1252(rest), true),
        };
    }
    let utf16 = |rest: &[u8], little: bool| {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|pair| {
                if little {
                    u16::from_le_bytes([pair[0], pair[1]])
                } else {
                    u16::from_be_bytes([pair[0], pair[1]])
                }
            })
            .collect();
        String::from_utf16_lossy(&units)
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return (utf16(rest, true), false);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return (utf16(rest, false), false);
    }
    // UTF-16 without a byte order mark: text in Latin letters has a zero
    // byte in every other place (after each letter in little-endian order,
    // before it in big-endian), which no CSV in an 8-bit encoding has.
    if let Some(little) = utf16_without_mark(bytes) {
        return (utf16(bytes, little), false);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), false),
        Err(_) => (windows_1252(bytes), true),
    }
}

/// Bytes read as Windows-1252.
fn windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => CP1252_HIGH[(b - 0x80) as usize],
            _ => b as char,
        })
        .collect()
}

/// `Some(true)` for UTF-16 little-endian without a byte order mark,
/// `Some(false)` for big-endian: most odd (or even) bytes of the first
/// kilobyte zero, and none of the others.
fn utf16_without_mark(bytes: &[u8]) -> Option<bool> {
    let head = &bytes[..bytes.len().min(1024) & !1];
    if head.len() < 4 {
        return None;
    }
    let zeros = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let half = head.len() / 2;
    let (even, odd) = (zeros(0), zeros(1));
    if odd * 10 >= half * 7 && even == 0 {
        Some(true)
    } else if even * 10 >= half * 7 && odd == 0 {
        Some(false)
    } else {
        None
    }
}

/// The separator of a table: a tab for `.tsv` and `.tab` files, otherwise
/// whichever of comma, semicolon and tab occurs most often (outside quotes)
/// in the header line.
pub fn sniff_delimiter(text: &str, file: &str) -> u8 {
    let lower = file.to_lowercase();
    if lower.ends_with(".tsv") || lower.ends_with(".tab") {
        return b'\t';
    }
    let header = text.lines().next().unwrap_or("");
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in header.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let candidates = [b',', b';', b'\t'];
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    if counts[best] == 0 {
        b','
    } else {
        candidates[best]
    }
}

/// Reads a table from a file's bytes. Rows that cannot be read are returned
/// as problems beside the table; a file with no header is one problem.
pub fn read_table(bytes: &[u8], file: &str) -> Result<(Table, Vec<RowProblem>), RowProblem> {
    let (text, legacy_encoding) = decode(bytes);
    let text = super::without_bom(&text);
    let delimiter = sniff_delimiter(text, file);
    let problem = |row: u32, message: String| RowProblem {
        file: file.to_string(),
        row: row.into(),
        message,
    };
    if let Some(row) = unclosed_quote_row(text, delimiter) {
        return Err(problem(
            row,
            "a quote (\") opens a cell here and is never closed, so every row after it would be read into this one cell: close the quote, or remove it, and import again".into(),
        ));
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(str::to_string).collect(),
        Err(e) => return Err(problem(1, format!("cannot read the header: {e}"))),
    };
    if headers.iter().all(String::is_empty) {
        return Err(problem(1, "the file is empty: it has no header row".into()));
    }
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let row = record.position().map_or(0, |p| p.record() + 1) as u32;
                rows.push(TableRow {
                    row,
                    cells: record.clone(),
                });
            }
            Err(e) => {
                let row = e.position().map_or(0, |p| p.record() + 1) as u32;
                problems.push(problem(row, format!("cannot read the row: {e}")));
                if !matches!(e.kind(), csv::ErrorKind::Utf8 { .. }) {
                    break;
                }
            }
        }
    }
    Ok((
        Table {
            file: file.to_string(),
            delimiter,
            headers,
            rows,
            legacy_encoding,
        },
        problems,
    ))
}

/// The row (as a spreadsheet numbers it) where a quoted cell opens and
/// runs to the end of the file: the quote was never closed. A quote
/// inside a cell that does not start with one is an ordinary character
/// ("5'10\""), and `""` inside a quoted cell is a quote, as CSV has them.
fn unclosed_quote_row(text: &str, delimiter: u8) -> Option<u32> {
    #[derive(PartialEq)]
    enum State {
        CellStart,
        Plain,
        Quoted,
        QuoteInQuoted,
    }
    let mut state = State::CellStart;
    let (mut row, mut opened) = (1u32, 1u32);
    for &b in text.as_bytes() {
        state = match state {
            State::Quoted if b == b'"' => State::QuoteInQuoted,
            State::Quoted => State::Quoted,
            State::QuoteInQuoted if b == b'"' => State::Quoted,
            State::CellStart if b == b'"' => {
                opened = row;
                State::Quoted
            }
            _ if b == b'\n' => {
                row = row.saturating_add(1);
                State::CellStart
            }
            _ if b == delimiter => State::CellStart,
            _ => State::Plain,
        };
    }
    (state == State::Quoted).then_some(opened)
}

/// A header reduced to lower-case letters and digits, for matching
/// variants: "Entry Date", "entry_date" and "ENTRY-DATE" are all `entrydate`.
pub fn header_key(header: &str) -> String {
    header
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// A name reduced for matching: lower case, single spaces, curly
/// apostrophes straightened, surrounding punctuation dropped.
pub fn name_key(name: &str) -> String {
    let name = name.replace(['’', '‘'], "'");
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_are_read() {
        assert_eq!(decode(b"\xEF\xBB\xBFdate").0, "date");
        assert_eq!(decode("Zoë".as_bytes()), ("Zoë".to_string(), false));
        assert_eq!(decode(b"Zo\xEB \x93hi\x94"), ("Zoë “hi”".to_string(), true));
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("a\tb".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&utf16).0, "a\tb");
    }

    #[test]
    fn utf16_without_a_mark_and_a_false_utf8_mark_are_read_and_said() {
        let text = "date,agency,entry\n03/01/2021,GP,Zoë seen\n";
        let little: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let big: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&little), (text.to_string(), false));
        assert_eq!(decode(&big), (text.to_string(), false));
        // A UTF-8 mark on Windows-1252 text: no character replaced, and the
        // reader is told.
        assert_eq!(
            decode(b"\xEF\xBB\xBFZo\xEB \x93hi\x94"),
            ("Zoë “hi”".to_string(), true)
        );
        // Plain UTF-8 with a few NULs is not mistaken for UTF-16.
        assert!(!decode(b"ab\0cd").1);
    }

    #[test]
    fn the_separator_is_found_from_the_header() {
        assert_eq!(sniff_delimiter("date,text\n", "a.csv"), b',');
        assert_eq!(sniff_delimiter("date;text;\"a,b\"\n", "a.csv"), b';');
        assert_eq!(sniff_delimiter("date\ttext\n", "a.csv"), b'\t');
        assert_eq!(sniff_delimiter("date,text\n", "a.tsv"), b'\t');
        assert_eq!(sniff_delimiter("date\n", "a.csv"), b',');
    }

    #[test]
    fn rows_are_numbered_as_a_spreadsheet_shows_them() {
        let text = "Date,Text\n1/1/21,\"two\nlines\"\n2/1/21,next\n";
        let (table, problems) = read_table(text.as_bytes(), "t.csv").unwrap();
        assert!(problems.is_empty());
        assert_eq!(table.headers, ["Date", "Text"]);
        let rows: Vec<(u32, &str)> = table.rows.iter().map(|r| (r.row, r.cell(1))).collect();
        assert_eq!(rows, [(2, "two\nlines"), (3, "next")]);
        assert_eq!(table.rows[0].cell(7), "");
    }

    #[test]
    fn an_empty_file_is_refused() {
        let problem = read_table(b"", "empty.csv").unwrap_err();
        assert_eq!(
            problem.to_string(),
            "empty.csv: row 1: the file is empty: it has no header row"
        );
    }

    #[test]
    fn keys_ignore_case_spacing_and_punctuation() {
        assert_eq!(header_key(" Entry_Date "), "entrydate");
        assert_eq!(name_key("  Dean   O’Neill. "), "dean o'neill");
    }

    #[test]
    fn a_quote_never_closed_is_refused_at_its_row_instead_of_swallowing_the_rest() {
        let text = "date,agency,text\n01/02/2021,Police,\"Visited the home\n02/02/2021,GP,Seen for a cough\n03/02/2021,School,Attended\n";
        let error = read_table(text.as_bytes(), "police.csv").unwrap_err();
        assert_eq!(error.row, 2, "{error}");
        assert!(error.to_string().contains("never closed"), "{error}");
        // Quotes that close, a cell over two lines, a doubled quote and an
        // inch mark in a plain cell are all ordinary CSV.
        let fine = "date,agency,text\n01/02/2021,Police,\"Two\nlines, \"\"quoted\"\"\"\n02/02/2021,GP,Height 5'10\" recorded\n";
        let (table, problems) = read_table(fine.as_bytes(), "fine.csv").unwrap();
        assert!(problems.is_empty());
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.rows[0].cell(2), "Two\nlines, \"quoted\"");
    }
}
