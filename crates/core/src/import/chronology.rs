//! Agency chronologies from CSV or TSV: each agency's spreadsheet of dated
//! entries, merged into the review's one multi-agency chronology.
//!
//! Columns are found by their header, in the names agencies use (`Date`,
//! `Entry date`; `Agency`, `Organisation`; `Author`, `Author role`,
//! `Practitioner`; `Text`, `Entry`, `Event`, `Details`; `People`, `People
//! mentioned`), or named explicitly with a mapping such as
//! `text=Details,date="Entry date"`. Dates are read day first at their own
//! precision ([`super::dates`]). Columns that are neither mapped nor ignored
//! are kept at the end of the entry's text as `Header: value`, so nothing an
//! agency wrote is lost.
//!
//! Reading ([`read_chronology`]) returns the good rows and every bad row;
//! importing ([`import_chronology`]) turns good rows into one [`Change`].
//! Importing the same file again adds nothing: an entry already imported from
//! a file of the same name with the same date, agency, author and text is
//! recognised, whatever its row.

use std::collections::HashMap;

use super::RowProblem;
use super::agencies::{SameAgency, same_agency};
use super::cast::{CastIndex, IdAllocator, PseudonymBook, agency_kind_from_text, is_agency_type};
use super::table::{Table, header_key, read_table};
use crate::agency_kind::agency_class;
use crate::dates::parse_agency_date;
use crate::edit::{Change, Edit};
use crate::model::*;

/// A column of a chronology.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// When it happened.
    Date,
    /// The agency whose record it is.
    Agency,
    /// Who wrote it, usually a role.
    Author,
    /// What the record says.
    Text,
    /// People mentioned, separated by `;` (or `,`).
    People,
}

impl Field {
    /// Every field, in the order the preview shows them.
    pub const ALL: [Field; 5] = [
        Field::Date,
        Field::Agency,
        Field::Author,
        Field::Text,
        Field::People,
    ];

    /// The name used in a mapping (`date=…`).
    pub fn name(self) -> &'static str {
        match self {
            Field::Date => "date",
            Field::Agency => "agency",
            Field::Author => "author",
            Field::Text => "text",
            Field::People => "people",
        }
    }

    /// What the field holds, for the preview.
    pub fn label(self) -> &'static str {
        match self {
            Field::Date => "Date",
            Field::Agency => "Agency",
            Field::Author => "Author (role)",
            Field::Text => "Entry text",
            Field::People => "People mentioned",
        }
    }

    /// The header names (as [`header_key`]s) recognised for this field,
    /// most specific first.
    pub fn header_names(self) -> &'static [&'static str] {
        match self {
            Field::Date => &[
                "date",
                "entrydate",
                "dateofentry",
                "eventdate",
                "dateofevent",
                "contactdate",
                "dateofcontact",
                "incidentdate",
                "recorddate",
                "datetime",
                "when",
            ],
            Field::Agency => &[
                "agency",
                "organisation",
                "organization",
                "agencyname",
                "sourceagency",
                "org",
                "service",
            ],
            Field::Author => &[
                "author",
                "authorrole",
                "practitioner",
                "practitionerrole",
                "recordedby",
                "role",
                "worker",
                "professional",
            ],
            Field::Text => &[
                "text",
                "entry",
                "event",
                "details",
                "entrytext",
                "eventdetails",
                "description",
                "summary",
                "narrative",
                "record",
                "notes",
                "note",
                "whathappened",
                "information",
            ],
            Field::People => &[
                "people",
                "peoplementioned",
                "peopleinvolved",
                "personsinvolved",
                "persons",
                "involved",
                "names",
                "subjects",
                "who",
            ],
        }
    }

    /// Reads a field name of a mapping.
    pub fn parse(name: &str) -> Option<Field> {
        let key = header_key(name);
        Field::ALL
            .into_iter()
            .find(|f| f.name() == key || f.header_names().contains(&key.as_str()))
    }
}

/// Which column holds which field.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ColumnMap {
    columns: [Option<usize>; 5],
    /// Columns to leave out of the entry text.
    pub ignored: Vec<usize>,
}

fn slot(field: Field) -> usize {
    Field::ALL.iter().position(|f| *f == field).unwrap_or(0)
}

impl ColumnMap {
    /// The column of a field.
    pub fn get(&self, field: Field) -> Option<usize> {
        self.columns[slot(field)]
    }

    /// Sets the column of a field; a column holds one field only.
    pub fn set(&mut self, field: Field, column: Option<usize>) {
        if column.is_some() {
            for c in &mut self.columns {
                if *c == column {
                    *c = None;
                }
            }
            self.ignored.retain(|i| Some(*i) != column);
        }
        self.columns[slot(field)] = column;
    }

    /// The field a column holds.
    pub fn field_of(&self, column: usize) -> Option<Field> {
        Field::ALL
            .into_iter()
            .find(|f| self.get(*f) == Some(column))
    }

    /// Finds the columns by their headers. A header matches a field when,
    /// without case, spaces and punctuation, it is one of the field's names;
    /// when several columns match, the one with the more specific name wins.
    pub fn detect(headers: &[String]) -> ColumnMap {
        let keys: Vec<String> = headers.iter().map(|h| header_key(h)).collect();
        let mut map = ColumnMap::default();
        for field in Field::ALL {
            let best = field.header_names().iter().find_map(|name| {
                keys.iter()
                    .enumerate()
                    .find(|(i, k)| k == name && map.field_of(*i).is_none())
                    .map(|(i, _)| i)
            });
            if let Some(column) = best {
                map.set(field, Some(column));
            }
        }
        map
    }

    /// Columns kept at the end of the entry text: neither mapped nor ignored.
    pub fn extra_columns(&self, headers: &[String]) -> Vec<usize> {
        (0..headers.len())
            .filter(|i| self.field_of(*i).is_none() && !self.ignored.contains(i))
            .filter(|i| !headers[*i].trim().is_empty())
            .collect()
    }

    /// Why the map cannot be used: a chronology needs a date and a text.
    pub fn missing(&self, headers: &[String]) -> Option<String> {
        let missing: Vec<&str> = [Field::Date, Field::Text]
            .into_iter()
            .filter(|f| self.get(*f).is_none())
            .map(Field::name)
            .collect();
        if missing.is_empty() {
            return None;
        }
        Some(format!(
            "no {} column found (the header has: {}); name it with a mapping such as --map {}",
            missing.join(" or "),
            headers.join(", "),
            missing
                .iter()
                .map(|f| format!("{f}=\"Column name\""))
                .collect::<Vec<_>>()
                .join(",")
        ))
    }
}

/// An explicit column mapping: `text=Details,date="Entry date",ignore=ID`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MapSpec {
    /// Fields and the header of their column.
    pub fields: Vec<(Field, String)>,
    /// Headers of columns to leave out.
    pub ignore: Vec<String>,
}

/// Reads a mapping such as `text=Details,date="Entry date"`: pairs of a
/// field (date, agency, author, text, people, or `ignore`) and a column
/// header, separated by commas; a header with commas or spaces can be
/// quoted.
pub fn parse_map_spec(spec: &str) -> Result<MapSpec, String> {
    let mut pairs = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in spec.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => pairs.push(std::mem::take(&mut current)),
            _ => current.push(c),
        }
    }
    if quoted {
        return Err(format!("the mapping `{spec}` has an unclosed quote"));
    }
    pairs.push(current);
    let mut out = MapSpec::default();
    for pair in pairs.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
        let Some((field, header)) = pair.split_once('=') else {
            return Err(format!(
                "`{pair}` in the mapping is not field=Column (e.g. text=Details)"
            ));
        };
        let (field, header) = (field.trim(), header.trim().to_string());
        if header.is_empty() {
            return Err(format!("`{pair}` in the mapping names no column"));
        }
        if header_key(field) == "ignore" || header_key(field) == "skip" {
            out.ignore.push(header);
            continue;
        }
        let Some(field) = Field::parse(field) else {
            return Err(format!(
                "unknown field `{field}` in the mapping (expected date, agency, author, text, people or ignore)"
            ));
        };
        out.fields.push((field, header));
    }
    Ok(out)
}

impl MapSpec {
    /// Applies the mapping to a detected map. Headers are matched exactly,
    /// then ignoring case, spaces and punctuation.
    pub fn apply(&self, map: &mut ColumnMap, headers: &[String]) -> Result<(), String> {
        let find = |wanted: &str| {
            headers
                .iter()
                .position(|h| h.trim() == wanted.trim())
                .or_else(|| {
                    headers
                        .iter()
                        .position(|h| header_key(h) == header_key(wanted))
                })
                .ok_or_else(|| {
                    format!(
                        "the mapping names the column `{wanted}`, which the header does not have (it has: {})",
                        headers.join(", ")
                    )
                })
        };
        for (field, header) in &self.fields {
            let column = find(header)?;
            map.set(*field, Some(column));
        }
        for header in &self.ignore {
            let column = find(header)?;
            for field in Field::ALL {
                if map.get(field) == Some(column) {
                    map.set(field, None);
                }
            }
            if !map.ignored.contains(&column) {
                map.ignored.push(column);
            }
        }
        Ok(())
    }
}

/// One good row of a chronology file.
#[derive(Debug, Clone, PartialEq)]
pub struct ChronologyRow {
    /// Spreadsheet row number.
    pub row: u32,
    /// When, at its precision.
    pub date: ReviewDate,
    /// The agency as written (may be empty).
    pub agency: String,
    /// The author as written.
    pub author: String,
    /// The entry text, with any extra columns at its end.
    pub text: String,
    /// The people mentioned, as written.
    pub people: Vec<String>,
}

/// A chronology file read with its column map.
#[derive(Debug, Clone)]
pub struct ChronologyFile {
    /// The table as read.
    pub table: Table,
    /// Which column is which.
    pub map: ColumnMap,
    /// The good rows.
    pub rows: Vec<ChronologyRow>,
    /// The bad rows, each with its reason.
    pub problems: Vec<RowProblem>,
}

/// Splits a people cell: on `;` when it has one, else on `,`. A part
/// without a letter or digit ("-", "?") names nobody.
pub fn split_people(cell: &str) -> Vec<String> {
    let separator = if cell.contains(';') { ';' } else { ',' };
    cell.split(separator)
        .map(str::trim)
        .filter(|p| p.chars().any(char::is_alphanumeric))
        .map(str::to_string)
        .collect()
}

/// Reads the rows of a table with a column map: every good row, and every
/// bad row with its reason.
pub fn read_rows(table: &Table, map: &ColumnMap) -> (Vec<ChronologyRow>, Vec<RowProblem>) {
    let mut rows = Vec::with_capacity(table.rows.len());
    let mut problems = Vec::new();
    let extras = map.extra_columns(&table.headers);
    let problem = |row: u32, message: String| RowProblem {
        file: table.file.clone(),
        row: row.into(),
        message,
    };
    let (Some(date_column), Some(text_column)) = (map.get(Field::Date), map.get(Field::Text))
    else {
        let message = map
            .missing(&table.headers)
            .unwrap_or_else(|| "no date or text column".into());
        return (rows, vec![problem(1, message)]);
    };
    for row in table.rows.iter().filter(|r| !r.is_blank()) {
        let date_text = row.cell(date_column);
        if date_text.is_empty() {
            problems.push(problem(row.row, "the row has no date".into()));
            continue;
        }
        let date = match parse_agency_date(date_text) {
            Ok(date) => date,
            Err(e) => {
                problems.push(problem(row.row, e.to_string()));
                continue;
            }
        };
        let mut text = row.cell(text_column).to_string();
        for &column in &extras {
            let value = row.cell(column);
            if !value.is_empty() {
                if !text.is_empty() {
                    text.push('\n');
                }
                text.push_str(table.headers[column].trim());
                text.push_str(": ");
                text.push_str(value);
            }
        }
        if text.is_empty() {
            problems.push(problem(row.row, "the row has no entry text".into()));
            continue;
        }
        let cell = |field: Field| map.get(field).map_or("", |c| row.cell(c));
        // An agency without a letter or digit ("-", "?") is none: it could
        // never be found again, and each import would add it anew.
        let agency = Some(cell(Field::Agency)).filter(|a| a.chars().any(char::is_alphanumeric));
        rows.push(ChronologyRow {
            row: row.row,
            date,
            agency: agency.unwrap_or_default().to_string(),
            author: cell(Field::Author).to_string(),
            text,
            people: split_people(cell(Field::People)),
        });
    }
    (rows, problems)
}

/// Reads a chronology file: finds its columns (applying `spec` when given)
/// and reads every row. `Err` when the file or its header cannot be used at
/// all; otherwise bad rows are in [`ChronologyFile::problems`].
pub fn read_chronology(
    bytes: &[u8],
    file: &str,
    spec: Option<&MapSpec>,
) -> Result<ChronologyFile, RowProblem> {
    let (table, mut problems) = read_table(bytes, file)?;
    let header_problem = |message: String| RowProblem {
        file: file.to_string(),
        row: 1,
        message,
    };
    let mut map = ColumnMap::detect(&table.headers);
    if let Some(spec) = spec {
        spec.apply(&mut map, &table.headers)
            .map_err(header_problem)?;
    }
    if let Some(message) = map.missing(&table.headers) {
        return Err(header_problem(message));
    }
    let (rows, row_problems) = read_rows(&table, &map);
    problems.extend(row_problems);
    Ok(ChronologyFile {
        table,
        map,
        rows,
        problems,
    })
}

/// The good rows of one file, ready to import.
#[derive(Debug, Clone, Copy)]
pub struct ImportSource<'a> {
    /// The file's name without its folder: kept on each entry as its source.
    pub file: &'a str,
    /// The rows.
    pub rows: &'a [ChronologyRow],
    /// The agency for rows that name none (by name or alias). When `None`,
    /// the file's name is tried ("police.csv" → the cast's only police
    /// agency).
    pub default_agency: Option<&'a str>,
}

/// What a chronology import adds.
#[derive(Debug, Clone, PartialEq)]
pub struct ChronologyImport {
    /// The change to apply (one undoable step).
    pub change: Change,
    /// Entries added.
    pub new_entries: usize,
    /// Rows already in the review from an earlier import.
    pub already_present: usize,
    /// Agencies the files named that were not in the cast, now added.
    pub new_agencies: Vec<(Id, String)>,
    /// People the files named that were not in the cast, now added.
    pub new_people: Vec<(Id, String)>,
    /// For each file whose rows without an agency were given one: the file
    /// and the agency's name.
    pub agencies_from_file_names: Vec<(String, String)>,
    /// Agency names taken as an agency already there (now its alias): the
    /// name as the file writes it, the agency's name and why.
    pub same_agencies: Vec<(String, String, SameAgency)>,
}

/// The identity of an imported entry, for recognising it on re-import.
type EntryKey = (String, String, Option<Id>, String, String);

fn entry_key(
    file: &str,
    date: &ReviewDate,
    agency: &Option<Id>,
    author: &str,
    text: &str,
) -> EntryKey {
    (
        file.to_string(),
        date.to_string(),
        agency.clone(),
        author.trim().to_lowercase(),
        text.split_whitespace().collect::<Vec<_>>().join(" "),
    )
}

/// The key with no agency.
fn without_agency(key: &EntryKey) -> EntryKey {
    (
        key.0.clone(),
        key.1.clone(),
        None,
        key.3.clone(),
        key.4.clone(),
    )
}

/// The agency a file's name points to: a cast agency named exactly as the
/// file ("Eastshire Police.csv"), or the only cast agency of the kind the
/// name suggests ("police.csv", "health-visiting.csv").
pub fn agency_for_file(review: &Review, index: &CastIndex, file: &str) -> Option<Id> {
    let stem = std::path::Path::new(file)
        .file_stem()
        .map(|s| s.to_string_lossy().replace(['-', '_'], " "))?;
    if let Some(id) = index.agency(&stem) {
        return Some(id.clone());
    }
    let kind = agency_kind_from_text(&stem);
    if kind == AgencyKind::Other {
        return None;
    }
    let mut of_kind = review.agencies.iter().filter(|a| a.kind == kind);
    match (of_kind.next(), of_kind.next()) {
        (Some(only), None) => Some(only.id.clone()),
        _ => None,
    }
}

/// What an import has allocated so far.
struct Allocation {
    index: CastIndex,
    ids: IdAllocator,
    book: PseudonymBook,
    agency_names: HashMap<Id, String>,
    /// The review's agencies, then those this import adds.
    agencies: Vec<Agency>,
    /// Where this import's agencies start in `agencies`.
    first_new: usize,
    /// The review's agencies this import gave another name.
    renamed: Vec<usize>,
    new_agencies: Vec<(Id, String)>,
    same_agencies: Vec<(String, String, SameAgency)>,
}

impl Allocation {
    /// The agency of this name or alias; one the value surely is (then
    /// the value is its alias); or a new one.
    fn agency(&mut self, name: &str) -> Id {
        if let Some(id) = self.index.agency(name) {
            return id.clone();
        }
        let name = name.trim();
        if let Some((id, why)) = same_agency(&self.agencies, name)
            && let Some(at) = self.agencies.iter().position(|a| a.id == id)
        {
            self.also_named(at, name);
            let agency = &self.agencies[at];
            self.same_agencies
                .push((name.to_string(), agency.name.clone(), why));
            return id;
        }
        let class = agency_class(name);
        let agency = Agency {
            id: self.ids.next(RecordKind::Agency),
            name: name.to_string(),
            aliases: Vec::new(),
            generic_name: self.book.for_agency_class(class),
            kind: class.kind,
            generic: is_agency_type(name),
            returned: Default::default(),
        };
        self.index.add_agency(&agency);
        self.new_agencies
            .push((agency.id.clone(), agency.name.clone()));
        self.agency_names
            .insert(agency.id.clone(), agency.name.clone());
        let id = agency.id.clone();
        self.agencies.push(agency);
        id
    }

    /// Gives the agency at `at` another name. An agency this import added
    /// under a type ("Pharmacy") takes a real name ("Hartshorn Pharmacy")
    /// as its name, and the type as an alias; the review's own agencies
    /// keep their names and gain an alias.
    fn also_named(&mut self, at: usize, name: &str) {
        let new = at >= self.first_new;
        let class = agency_class(name);
        let agency = &mut self.agencies[at];
        // An agency this import added as "Agency 4" ("Bethel Overcomers")
        // is published by the kind its other name says ("Religious
        // organisation").
        if new && agency_class(&agency.name).base.is_none() && class.base.is_some() {
            agency.kind = class.kind;
            agency.generic_name = self.book.for_agency_class(class);
        }
        if new && agency.generic && !is_agency_type(name) {
            let typed = std::mem::replace(&mut agency.name, name.to_string());
            agency.aliases.push(typed);
            agency.generic = false;
            self.agency_names
                .insert(agency.id.clone(), agency.name.clone());
            if let Some(listed) = self
                .new_agencies
                .iter_mut()
                .find(|(id, _)| *id == agency.id)
            {
                listed.1 = agency.name.clone();
            }
        } else {
            agency.aliases.push(name.to_string());
            if !new && !self.renamed.contains(&at) {
                self.renamed.push(at);
            }
        }
        let agency = &self.agencies[at];
        self.index.add_agency(agency);
    }
}

/// The change that adds chronology rows to a review. Agencies and people
/// are matched to the cast by name or alias (ignoring case); those not in
/// the cast are added (agencies with a generic name suggested from their
/// kind, people with no pseudonym yet, for the reviewer to give). Rows
/// already imported are skipped, so importing the same file twice adds
/// nothing the second time.
pub fn import_chronology(review: &Review, sources: &[ImportSource]) -> ChronologyImport {
    let mut alloc = Allocation {
        index: CastIndex::of(review),
        ids: IdAllocator::of(review),
        book: PseudonymBook::of(review),
        agency_names: review
            .agencies
            .iter()
            .map(|a| (a.id.clone(), a.name.clone()))
            .collect(),
        agencies: review.agencies.clone(),
        first_new: review.agencies.len(),
        renamed: Vec::new(),
        new_agencies: Vec::new(),
        same_agencies: Vec::new(),
    };
    let mut existing: HashMap<EntryKey, usize> = HashMap::new();
    // The agencies of the imported entries of each file, date, author and
    // text: a row that names no agency was given one from the file's name,
    // which another import or the reviewer may since have made ambiguous.
    let rows_without_agency = sources
        .iter()
        .any(|s| s.rows.iter().any(|r| r.agency.is_empty()));
    let mut agencies_of: HashMap<EntryKey, Vec<Option<Id>>> = HashMap::new();
    for entry in &review.chronology {
        if let Some(source) = &entry.source {
            let key = entry_key(
                &source.file,
                &entry.date,
                &entry.agency,
                &entry.author,
                &entry.text,
            );
            if rows_without_agency {
                let agencies = agencies_of.entry(without_agency(&key)).or_default();
                if !agencies.contains(&entry.agency) {
                    agencies.push(entry.agency.clone());
                }
            }
            *existing.entry(key).or_default() += 1;
        }
    }
    let mut person_edits = Vec::new();
    let mut entry_edits = Vec::with_capacity(sources.iter().map(|s| s.rows.len()).sum());
    let mut result = ChronologyImport {
        change: Change::many("", Vec::new()),
        new_entries: 0,
        already_present: 0,
        new_agencies: Vec::new(),
        new_people: Vec::new(),
        agencies_from_file_names: Vec::new(),
        same_agencies: Vec::new(),
    };
    let mut new_people: Vec<Person> = Vec::new();
    for source in sources {
        let fallback = match source.default_agency.filter(|a| !a.trim().is_empty()) {
            Some(name) => Some(alloc.agency(name)),
            None if source.rows.iter().any(|r| r.agency.is_empty()) => {
                let found = agency_for_file(review, &alloc.index, source.file);
                if let Some(id) = &found {
                    let name = alloc.agency_names.get(id).cloned().unwrap_or_default();
                    result
                        .agencies_from_file_names
                        .push((source.file.to_string(), name));
                }
                found
            }
            None => None,
        };
        let mut last_agency: Option<(String, Id)> = None;
        for row in source.rows {
            let agency = if row.agency.is_empty() {
                fallback.clone()
            } else if let Some((name, id)) = &last_agency
                && *name == row.agency
            {
                Some(id.clone())
            } else {
                let id = alloc.agency(&row.agency);
                last_agency = Some((row.agency.clone(), id.clone()));
                Some(id)
            };
            let mut key = entry_key(source.file, &row.date, &agency, &row.author, &row.text);
            if row.agency.is_empty() && existing.get(&key).is_none_or(|&count| count == 0) {
                // Imported before under another agency from the file's name.
                let loose = without_agency(&key);
                if let Some(before) = agencies_of.get(&loose).and_then(|agencies| {
                    agencies.iter().find(|a| {
                        let mut k = loose.clone();
                        k.2 = (*a).clone();
                        existing.get(&k).is_some_and(|&count| count > 0)
                    })
                }) {
                    key.2 = before.clone();
                }
            }
            if let Some(count) = existing.get_mut(&key)
                && *count > 0
            {
                *count -= 1;
                result.already_present += 1;
                continue;
            }
            let mut people = Vec::with_capacity(row.people.len());
            for name in &row.people {
                let id = match alloc.index.person(name) {
                    Some(id) => id.clone(),
                    None => {
                        let person = Person {
                            id: alloc.ids.next(RecordKind::Person),
                            name: name.clone(),
                            notes: format!(
                                "Added from the people column of {}, row {}.",
                                source.file, row.row
                            ),
                            ..Default::default()
                        };
                        alloc.index.add_person(&person);
                        result
                            .new_people
                            .push((person.id.clone(), person.name.clone()));
                        let id = person.id.clone();
                        new_people.push(person);
                        id
                    }
                };
                if !people.contains(&id) {
                    people.push(id);
                }
            }
            entry_edits.push(Edit::Put(Record::Entry(ChronologyEntry {
                id: alloc.ids.next(RecordKind::Entry),
                date: row.date,
                agency,
                author: row.author.clone(),
                text: row.text.clone(),
                people,
                source: Some(EntrySource {
                    file: source.file.to_string(),
                    row: row.row,
                }),
            })));
            result.new_entries += 1;
        }
    }
    person_edits.extend(new_people.into_iter().map(|p| Edit::Put(Record::Person(p))));
    result.new_agencies = alloc.new_agencies;
    result.same_agencies = alloc.same_agencies;
    // The review's agencies that gained a name are put back whole.
    let renamed: Vec<Edit> = alloc
        .renamed
        .iter()
        .map(|&at| Edit::Put(Record::Agency(alloc.agencies[at].clone())))
        .collect();
    let new_agencies = alloc
        .agencies
        .split_off(alloc.first_new)
        .into_iter()
        .map(|a| Edit::Put(Record::Agency(a)));
    // Every record here is new: one Append checks the ids once instead of
    // once per record, so large imports stay linear.
    let records: Vec<Record> = new_agencies
        .chain(person_edits)
        .chain(entry_edits)
        .map(|edit| match edit {
            Edit::Put(record) => record,
            other => unreachable!("the import builds only new records, not {other:?}"),
        })
        .collect();
    let files: Vec<&str> = sources.iter().map(|s| s.file).collect();
    let mut edits = renamed;
    if !records.is_empty() {
        edits.push(Edit::Append(records));
    }
    result.change = Change::many(format!("Import chronology: {}", files.join(", ")), edits);
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    const POLICE: &str = "Entry Date,Organisation,Author role,Details,People mentioned,Ref\n\
        03/04/2021,Eastshire Police,PC,\"Attended flat; Jane seen asleep.\",Jane Smith; Kelly Smith,R1\n\
        3.4.21,Eastshire Police,PC,Second call same night,,R2\n\
        April 2021,ESP,DC,Follow-up visit,Kelly Smith,\n\
        c. Spring 2021,,,Neighbour reports shouting,,R4\n";

    fn cast() -> Review {
        let mut review = Review::new("t");
        review.agencies.push(Agency {
            id: Id::from("A1"),
            name: "Eastshire Police".into(),
            aliases: vec!["ESP".into()],
            generic_name: "Police".into(),
            kind: AgencyKind::Police,
            generic: false,
            returned: Default::default(),
        });
        review.people.push(Person {
            id: Id::from("P1"),
            name: "Jane Smith".into(),
            aliases: vec!["Jane".into()],
            pseudonym: "Child A".into(),
            kind: PersonKind::SubjectChild,
            ..Default::default()
        });
        review
    }

    #[test]
    fn headers_are_found_by_their_common_names() {
        let headers: Vec<String> = [
            "Entry Date",
            "Organisation",
            "Author role",
            "Details",
            "People mentioned",
            "Ref",
        ]
        .map(String::from)
        .to_vec();
        let map = ColumnMap::detect(&headers);
        assert_eq!(map.get(Field::Date), Some(0));
        assert_eq!(map.get(Field::Agency), Some(1));
        assert_eq!(map.get(Field::Author), Some(2));
        assert_eq!(map.get(Field::Text), Some(3));
        assert_eq!(map.get(Field::People), Some(4));
        assert_eq!(map.extra_columns(&headers), [5]);

        let headers: Vec<String> = ["date", "agency", "author", "text", "people"]
            .map(String::from)
            .to_vec();
        let map = ColumnMap::detect(&headers);
        assert_eq!(
            Field::ALL.map(|f| map.get(f)),
            [Some(0), Some(1), Some(2), Some(3), Some(4)]
        );

        // "Event" and "Details" both name the text: the earlier name in the
        // list of variants wins, and the other column is kept as an extra.
        let headers: Vec<String> = ["When", "Details", "Event", "Practitioner"]
            .map(String::from)
            .to_vec();
        let map = ColumnMap::detect(&headers);
        assert_eq!(map.get(Field::Date), Some(0));
        assert_eq!(map.get(Field::Text), Some(2));
        assert_eq!(map.get(Field::Author), Some(3));
        assert_eq!(map.extra_columns(&headers), [1]);
    }

    #[test]
    fn an_explicit_mapping_overrides_detection() {
        let spec = parse_map_spec("text=Notes,date=\"Entry date\", ignore=Ref").unwrap();
        assert_eq!(
            spec.fields,
            [
                (Field::Text, "Notes".to_string()),
                (Field::Date, "Entry date".to_string())
            ]
        );
        assert_eq!(spec.ignore, ["Ref"]);
        let headers: Vec<String> = ["Entry date", "Summary", "Notes", "Ref"]
            .map(String::from)
            .to_vec();
        let mut map = ColumnMap::detect(&headers);
        assert_eq!(map.get(Field::Text), Some(1));
        spec.apply(&mut map, &headers).unwrap();
        assert_eq!(map.get(Field::Text), Some(2));
        assert_eq!(map.extra_columns(&headers), [1]);
        assert!(parse_map_spec("text").is_err());
        assert!(
            parse_map_spec("colour=Red")
                .unwrap_err()
                .contains("unknown field `colour`")
        );
        assert!(parse_map_spec("text=\"Open").is_err());
        let err = parse_map_spec("text=Nope")
            .unwrap()
            .apply(&mut map, &headers)
            .unwrap_err();
        assert!(err.contains("`Nope`"), "{err}");
    }

    #[test]
    fn a_header_without_date_or_text_is_refused_with_advice() {
        let err = read_chronology(b"Day,Agency,Words\n1/1/21,X,y\n", "odd.csv", None).unwrap_err();
        assert_eq!(err.row, 1);
        assert!(err.message.contains("no date or text column"), "{err}");
        assert!(
            err.message
                .contains("--map date=\"Column name\",text=\"Column name\""),
            "{err}"
        );
        let spec = parse_map_spec("date=Day,text=Words").unwrap();
        let file =
            read_chronology(b"Day,Agency,Words\n1/1/21,X,y\n", "odd.csv", Some(&spec)).unwrap();
        assert_eq!(file.rows.len(), 1);
    }

    #[test]
    fn rows_keep_their_precision_and_extra_columns() {
        let file = read_chronology(POLICE.as_bytes(), "police.csv", None).unwrap();
        assert!(file.problems.is_empty(), "{:?}", file.problems);
        let dates: Vec<String> = file.rows.iter().map(|r| r.date.to_string()).collect();
        assert_eq!(
            dates,
            ["2021-04-03", "2021-04-03", "2021-04", "~2021-spring"]
        );
        assert_eq!(
            file.rows[0].text,
            "Attended flat; Jane seen asleep.\nRef: R1"
        );
        assert_eq!(file.rows[2].text, "Follow-up visit");
        assert_eq!(file.rows[0].people, ["Jane Smith", "Kelly Smith"]);
        assert_eq!(
            file.rows.iter().map(|r| r.row).collect::<Vec<_>>(),
            [2, 3, 4, 5]
        );
    }

    #[test]
    fn bad_rows_name_file_row_and_reason() {
        let text = "date,text\n03/04/2021,fine\n31/02/2021,impossible\n,no date\n3/4/21,\nsoon,vague\n\n,\n";
        let file = read_chronology(text.as_bytes(), "hv.csv", None).unwrap();
        let shown: Vec<String> = file.problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "hv.csv: row 3: cannot read the date `31/02/2021`: February 2021 has no day 31",
                "hv.csv: row 4: the row has no date",
                "hv.csv: row 5: the row has no entry text",
                "hv.csv: row 6: cannot read the date `soon`: `soon` is not part of a date; expected a date such as 03/04/2021, 3/4/21, 2021-04-03, 3rd April 2021, 3 Apr 2021, April 2021, Spring 2021 or 2021 (day first)",
            ]
        );
        assert_eq!(file.rows.len(), 1);
    }

    #[test]
    fn tsv_and_semicolon_files_are_read() {
        let tsv = "Date\tAgency\tText\n3/4/21\tESP\tA visit, with commas\n";
        let file = read_chronology(tsv.as_bytes(), "p.tsv", None).unwrap();
        assert_eq!(file.rows[0].text, "A visit, with commas");
        let semi = "Date;Agency;Text\n3/4/21;ESP;A visit, with commas\n";
        let file = read_chronology(semi.as_bytes(), "p.csv", None).unwrap();
        assert_eq!(file.rows[0].agency, "ESP");
    }

    #[test]
    fn importing_matches_the_cast_and_reimporting_adds_nothing() {
        let mut review = cast();
        let file = read_chronology(POLICE.as_bytes(), "police.csv", None).unwrap();
        let source = ImportSource {
            file: "police.csv",
            rows: &file.rows,
            default_agency: None,
        };
        let import = import_chronology(&review, &[source]);
        assert_eq!(import.new_entries, 4);
        assert_eq!(import.already_present, 0);
        assert_eq!(import.new_agencies, []);
        assert_eq!(
            import.new_people,
            [(Id::from("P2"), "Kelly Smith".to_string())]
        );
        assert_eq!(
            import.agencies_from_file_names,
            [("police.csv".to_string(), "Eastshire Police".to_string())]
        );
        import.change.apply(&mut review).unwrap();
        assert_eq!(review.chronology.len(), 4);
        let first = &review.chronology[0];
        assert_eq!(first.agency, Some(Id::from("A1")));
        assert_eq!(first.people, [Id::from("P1"), Id::from("P2")]);
        assert_eq!(
            first.source,
            Some(EntrySource {
                file: "police.csv".into(),
                row: 2
            })
        );
        assert_eq!(
            review.chronology[2].agency,
            Some(Id::from("A1")),
            "by alias"
        );
        assert_eq!(
            review.chronology[3].agency,
            Some(Id::from("A1")),
            "from the file name"
        );
        let taxonomy = crate::taxonomy::Taxonomy::built_in("learning-together");
        assert_eq!(
            crate::validate::validate(&review, taxonomy.as_ref()),
            vec![]
        );

        // The same file again, from another folder, rows reordered and one
        // new row: only the new row is added.
        let again_text = POLICE.replace("April 2021,ESP,DC,Follow-up visit,Kelly Smith,\n", "")
            + "April 2021,ESP,DC,Follow-up visit,Kelly Smith,\n05/04/2021,ESP,DC,New entry,,\n";
        let again = read_chronology(again_text.as_bytes(), "police.csv", None).unwrap();
        let import = import_chronology(
            &review,
            &[ImportSource {
                file: "police.csv",
                rows: &again.rows,
                default_agency: None,
            }],
        );
        assert_eq!((import.new_entries, import.already_present), (1, 4));
        assert!(import.new_people.is_empty());
        import.change.apply(&mut review).unwrap();
        let import = import_chronology(
            &review,
            &[ImportSource {
                file: "police.csv",
                rows: &again.rows,
                default_agency: None,
            }],
        );
        assert_eq!((import.new_entries, import.already_present), (0, 5));
        assert!(import.change.edits.is_empty());
    }

    #[test]
    fn a_row_without_an_agency_is_found_again_when_the_cast_has_changed() {
        // Found by fuzzing (tests/fuzz): the row naming "Police" adds a
        // second police agency, so on the next import the file's name no
        // longer points to one agency and the row without an agency was
        // taken for a new one.
        let text = "Date,Agency,Text\n3/1/2021,Police,One\nApril 2021,,No agency named\n";
        let rows = read_chronology(text.as_bytes(), "police.csv", None)
            .unwrap()
            .rows;
        let source = ImportSource {
            file: "police.csv",
            rows: &rows,
            default_agency: None,
        };
        let mut review = cast();
        let import = import_chronology(&review, &[source]);
        assert_eq!(import.new_entries, 2);
        import.change.apply(&mut review).unwrap();
        assert_eq!(review.chronology[1].agency, Some(Id::from("A1")));
        let again = import_chronology(&review, &[source]);
        assert_eq!((again.new_entries, again.already_present), (0, 2));
        assert!(again.change.edits.is_empty(), "{:?}", again.change);
    }

    #[test]
    fn cells_without_a_letter_or_digit_name_no_agency_or_person() {
        // Found by fuzzing (tests/fuzz): an agency or person "-" was added
        // at every import (nothing finds a name without a letter or digit),
        // so importing the same file again added its rows again.
        let text = "Date,Agency,Text,People\n1/1/21,-,One,-; Jane\n2/1/21,\u{0},Two,?\n";
        let rows = read_chronology(text.as_bytes(), "police.csv", None)
            .unwrap()
            .rows;
        assert_eq!(rows[0].agency, "");
        assert_eq!(rows[0].people, ["Jane"]);
        assert!(rows[1].people.is_empty());
        let source = ImportSource {
            file: "police.csv",
            rows: &rows,
            default_agency: None,
        };
        let mut review = cast();
        let import = import_chronology(&review, &[source]);
        assert!(import.new_agencies.is_empty() && import.new_people.is_empty());
        import.change.apply(&mut review).unwrap();
        assert_eq!(review.chronology[0].agency, Some(Id::from("A1")));
        let again = import_chronology(&review, &[source]);
        assert_eq!((again.new_entries, again.already_present), (0, 2));
    }

    #[test]
    fn unknown_agencies_are_added_and_a_default_agency_applies() {
        let review = cast();
        let rows = read_chronology(
            b"date,agency,text\n1/2/21,Fernhill Primary School,Seen in class\n2/2/21,,No agency\n",
            "misc.csv",
            None,
        )
        .unwrap()
        .rows;
        let import = import_chronology(
            &review,
            &[ImportSource {
                file: "misc.csv",
                rows: &rows,
                default_agency: Some("ESP"),
            }],
        );
        assert_eq!(
            import.new_agencies,
            [(Id::from("A2"), "Fernhill Primary School".to_string())]
        );
        let mut after = review.clone();
        import.change.apply(&mut after).unwrap();
        assert_eq!(after.agencies[1].kind, AgencyKind::Education);
        assert_eq!(after.agencies[1].generic_name, "School");
        assert_eq!(after.chronology[1].agency, Some(Id::from("A1")));
    }
}
