//! The cast of a case — people, agencies and places — from a spreadsheet
//! with the header `name,aliases,role,pseudonym,kind`, and suggestions of
//! cast members from the names the chronology mentions.
//!
//! Aliases are separated by `;`. `kind` is `person`, `agency` or `place`
//! (empty means person). Optional columns: `agency` (a practitioner's
//! agency), `date of birth` (read day first) and `notes`. An empty pseudonym
//! is suggested from the role: "Child A", "Mother", "Social Worker 1"; an
//! agency's pseudonym is its generic name ("Police"), a place's its generic
//! name ("Address 1").

mod kinds;
mod suggest;

pub use crate::agency_kind::{agency_kind_from_text, generic_agency_name, is_agency_type};
pub use kinds::{person_kind_from_role, place_kind_from_text};
pub use suggest::{CastSuggestion, suggest_cast};

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;

use super::RowProblem;
use super::table::{Table, header_key, name_key, read_table};
use crate::dates::parse_agency_day;
use crate::edit::{Change, Edit};
use crate::model::*;

/// What a row of the cast file describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CastKind {
    /// A person: child, family member or practitioner.
    Person,
    /// An agency.
    Agency,
    /// A place that could identify the family.
    Place,
}

impl CastKind {
    /// Reads the `kind` cell; empty means a person.
    pub fn parse(text: &str) -> Option<CastKind> {
        match text.trim().to_lowercase().as_str() {
            "" | "person" | "people" | "individual" => Some(CastKind::Person),
            "agency" | "organisation" | "organization" | "service" => Some(CastKind::Agency),
            "place" | "address" | "location" => Some(CastKind::Place),
            _ => None,
        }
    }
}

/// One row of a cast file.
#[derive(Debug, Clone, PartialEq)]
pub struct CastRow {
    /// Spreadsheet row number.
    pub row: u32,
    /// Real name.
    pub name: String,
    /// Other forms of the name.
    pub aliases: Vec<String>,
    /// Role ("Mother", "Health visitor") or, for agencies and places, a
    /// description ("Police", "Primary school").
    pub role: String,
    /// The name for exports; empty to have one suggested.
    pub pseudonym: String,
    /// Person, agency or place.
    pub kind: CastKind,
    /// A practitioner's agency, by name or alias.
    pub agency: String,
    /// A person's date of birth.
    pub date_of_birth: Option<NaiveDate>,
    /// Notes.
    pub notes: String,
}

/// Reads a cast file. Returns every bad row when there is any.
pub fn parse_cast(bytes: &[u8], file: &str) -> Result<Vec<CastRow>, Vec<RowProblem>> {
    let (table, mut problems) = read_table(bytes, file).map_err(|p| vec![p])?;
    let rows = cast_rows(&table, &mut problems);
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(problems)
    }
}

fn cast_rows(table: &Table, problems: &mut Vec<RowProblem>) -> Vec<CastRow> {
    let problem = |row: u32, message: String| RowProblem {
        file: table.file.clone(),
        row: row.into(),
        message,
    };
    let keys: Vec<String> = table.headers.iter().map(|h| header_key(h)).collect();
    let column = |names: &[&str]| keys.iter().position(|k| names.contains(&k.as_str()));
    let Some(name) = column(&["name", "fullname", "realname"]) else {
        problems.push(problem(
            1,
            format!(
                "the header must name a `name` column (expected name,aliases,role,pseudonym,kind; found: {})",
                table.headers.join(", ")
            ),
        ));
        return Vec::new();
    };
    let aliases = column(&["aliases", "alias", "othernames", "aka"]);
    let role = column(&["role", "relationship", "description"]);
    let pseudonym = column(&["pseudonym", "anonymisedname", "genericname", "exportname"]);
    let kind = column(&["kind", "type", "category"]);
    let agency = column(&["agency", "organisation", "organization", "employer"]);
    let birth = column(&["dateofbirth", "dob", "birthdate", "born"]);
    let notes = column(&["notes", "note", "comments"]);
    let mut rows = Vec::new();
    for row in table.rows.iter().filter(|r| !r.is_blank()) {
        let cell = |c: Option<usize>| c.map_or("", |c| row.cell(c)).to_string();
        let name_text = cell(Some(name));
        if name_text.is_empty() {
            problems.push(problem(row.row, "the row has no name".into()));
            continue;
        }
        if name_key(&name_text).is_empty() {
            // Nothing to find the member by: each import would add it again.
            problems.push(problem(
                row.row,
                format!("the name `{name_text}` has no letter or digit"),
            ));
            continue;
        }
        let kind_text = cell(kind);
        let Some(kind) = CastKind::parse(&kind_text) else {
            problems.push(problem(
                row.row,
                format!("unknown kind `{kind_text}` (expected person, agency or place)"),
            ));
            continue;
        };
        let birth_text = cell(birth);
        let date_of_birth = if birth_text.is_empty() {
            None
        } else {
            match parse_agency_day(&birth_text) {
                Ok(day) => Some(day),
                Err(e) => {
                    problems.push(problem(row.row, format!("date of birth: {e}")));
                    continue;
                }
            }
        };
        rows.push(CastRow {
            row: row.row,
            name: name_text,
            aliases: cell(aliases)
                .split(';')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(str::to_string)
                .collect(),
            role: cell(role),
            pseudonym: cell(pseudonym),
            kind,
            // An agency without a letter or digit ("-") is none: it could
            // never be found again, and each import would add it anew.
            agency: Some(cell(agency))
                .filter(|a| a.chars().any(char::is_alphanumeric))
                .unwrap_or_default(),
            date_of_birth,
            notes: cell(notes),
        });
    }
    rows
}

/// The words of the cast's names, lower case and without diacritics.
#[derive(Debug, Default)]
struct NameWords(HashSet<String>);

impl NameWords {
    fn key(word: &str) -> String {
        let word = word
            .trim_matches(|c: char| !c.is_alphanumeric())
            .trim_end_matches("'s")
            .trim_end_matches("’s");
        crate::anonymise::folding::fold(word).to_lowercase()
    }

    fn of<'n>(names: impl Iterator<Item = &'n String>) -> NameWords {
        let mut words = HashSet::new();
        for name in names {
            for word in name.split(|c: char| c.is_whitespace() || c == '-' || c == ';') {
                let key = NameWords::key(word);
                let is_title = crate::anonymise::words::is_title(word);
                if key.chars().count() >= 2 && !is_title {
                    words.insert(key);
                }
            }
        }
        NameWords(words)
    }

    /// The role up to the first word that is part of a cast name, without
    /// the "of", "and"… before it: "Father of Hope and Llŷr" → "Father",
    /// "Lodger at the Yeungs'" → "Lodger".
    fn role_without_names(&self, role: &str) -> String {
        let words: Vec<&str> = role.split_whitespace().collect();
        let Some(cut) = words.iter().position(|w| {
            // "Ruby-Leigh's" of "Ruby-Leigh's dad": the name's parts.
            self.0.contains(&NameWords::key(w))
                || w.split(['-', '/'])
                    .any(|part| self.0.contains(&NameWords::key(part)))
                // "the Yeungs'": a family by its surname.
                || w.trim_end_matches(['\'', '’', ',', ')'])
                    .strip_suffix('s')
                    .is_some_and(|family| self.0.contains(&NameWords::key(family)))
        }) else {
            return role.to_string();
        };
        let mut kept = &words[..cut];
        while let Some(last) = kept.last() {
            let lower = last.to_lowercase();
            let connector = matches!(
                lower.trim_end_matches(','),
                "of" | "and"
                    | "at"
                    | "in"
                    | "on"
                    | "from"
                    | "near"
                    | "to"
                    | "for"
                    | "with"
                    | "&"
                    | "by"
                    | "the"
                    | "-"
                    | "–"
                    | "—"
                    | "/"
                    | ":"
                    | "+"
            );
            if !connector && !last.ends_with(',') {
                break;
            }
            kept = &kept[..kept.len() - 1];
        }
        kept.join(" ")
    }
}

/// A role in title case for a pseudonym, without what describes the person
/// rather than the role: "social worker (assessment team)" becomes "Social
/// Worker", "Owner of Scaur End Holiday Park - employed children…" becomes
/// "Owner"; acronyms stay as written.
fn title_case(role: &str) -> String {
    let base = role.split(['(', ',', ';', ':']).next().unwrap_or(role);
    // "Owner of Scaur End Holiday Park - employed children…": what follows
    // a dash describes the person, and a name after "of", "at", "in"… is a
    // place's or a business's, which a pseudonym must not carry.
    let base = [" - ", " – ", " — "]
        .iter()
        .filter_map(|dash| base.find(dash))
        .min()
        .map_or(base, |at| &base[..at]);
    let words: Vec<&str> = base.split_whitespace().collect();
    let named = words.windows(2).position(|pair| {
        matches!(
            pair[0].to_lowercase().as_str(),
            "of" | "at" | "in" | "from" | "near" | "on" | "for"
        ) && pair[1].chars().next().is_some_and(char::is_uppercase)
            && !pair[1].chars().all(|c| !c.is_lowercase())
    });
    let words = match named {
        Some(at) if at > 0 => &words[..at],
        _ => &words[..],
    };
    words
        .iter()
        .enumerate()
        .map(|(i, word)| {
            let lower = word.to_lowercase();
            if i > 0 && matches!(lower.as_str(), "of" | "and" | "the" | "in" | "for" | "to") {
                lower
            } else if word
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
            {
                word.to_string()
            } else {
                let mut chars = lower.chars();
                chars.next().map_or_else(String::new, |first| {
                    first.to_uppercase().collect::<String>() + chars.as_str()
                })
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Pseudonyms already in use, so that suggestions never repeat one.
#[derive(Debug, Default, Clone)]
pub struct PseudonymBook {
    used: HashSet<String>,
}

impl PseudonymBook {
    /// Every pseudonym and generic name of a review.
    pub fn of(review: &Review) -> PseudonymBook {
        let mut book = PseudonymBook::default();
        for p in &review.people {
            book.take(&p.pseudonym);
        }
        for a in &review.agencies {
            book.take(&a.generic_name);
        }
        for p in &review.places {
            book.take(&p.generic_name);
        }
        book
    }

    /// Marks a pseudonym as used.
    pub fn take(&mut self, pseudonym: &str) {
        if !pseudonym.trim().is_empty() {
            self.used.insert(name_key(pseudonym));
        }
    }

    fn free(&self, candidate: &str) -> bool {
        !self.used.contains(&name_key(candidate))
    }

    /// `base` itself when free (unless `always_number`), else `base 2`,
    /// `base 3`… (`base 1` first when numbered from the start).
    fn numbered(&mut self, base: &str, always_number: bool) -> String {
        let chosen = if !always_number && self.free(base) {
            base.to_string()
        } else {
            let first = if always_number { 1 } else { 2 };
            (first..)
                .map(|n| format!("{base} {n}"))
                .find(|c| self.free(c))
                .unwrap_or_else(|| base.to_string())
        };
        self.take(&chosen);
        chosen
    }

    /// A pseudonym for a person: "Child A" (then B, C…) for a subject child,
    /// the role for family members ("Mother", "Maternal Grandmother"), the
    /// role numbered for practitioners ("Social Worker 1").
    pub fn for_person(&mut self, kind: PersonKind, role: &str) -> String {
        let role = title_case(role);
        match kind {
            PersonKind::SubjectChild => {
                let letter = ('A'..='Z')
                    .map(|l| format!("Child {l}"))
                    .find(|c| self.free(c));
                match letter {
                    Some(name) => {
                        self.take(&name);
                        name
                    }
                    None => self.numbered("Child", true),
                }
            }
            PersonKind::Practitioner | PersonKind::Manager => {
                let base = if role.is_empty() {
                    "Practitioner"
                } else {
                    &role
                };
                self.numbered(base, true)
            }
            PersonKind::Sibling if role.is_empty() => self.numbered("Sibling", false),
            _ if role.is_empty() => self.numbered("Adult", true),
            _ => self.numbered(&role, false),
        }
    }

    /// A generic name for an agency: its kind's ("Police"), numbered when
    /// taken ("School 2"), or "Agency 1" for other kinds.
    pub fn for_agency(&mut self, kind: AgencyKind) -> String {
        match generic_agency_name(kind) {
            Some(base) => self.numbered(base, false),
            None => self.numbered("Agency", true),
        }
    }

    /// A generic name for an agency of this class: its base ("Pharmacy"),
    /// numbered when taken, or "Agency 1" when nothing says what it is.
    pub fn for_agency_class(&mut self, class: crate::agency_kind::AgencyClass) -> String {
        match class.base {
            Some(base) => self.numbered(base, false),
            None => self.numbered("Agency", true),
        }
    }

    /// A generic name for a place: "Address 1", "School 1", "Hospital 1"…
    pub fn for_place(&mut self, kind: PlaceKind) -> String {
        let base = match kind {
            PlaceKind::Home => "Address",
            PlaceKind::School => "School",
            PlaceKind::Nursery => "Nursery",
            PlaceKind::Hospital => "Hospital",
            PlaceKind::Clinic => "Clinic",
            PlaceKind::Other => "Place",
        };
        self.numbered(base, true)
    }
}

/// Finds cast members by name, alias or pseudonym (ignoring case).
#[derive(Debug, Default, Clone)]
pub struct CastIndex {
    people: HashMap<String, Id>,
    agencies: HashMap<String, Id>,
    places: HashMap<String, Id>,
}

impl CastIndex {
    /// The index of a review's cast.
    pub fn of(review: &Review) -> CastIndex {
        let mut index = CastIndex::default();
        for p in &review.people {
            index.add_person(p);
        }
        for a in &review.agencies {
            index.add_agency(a);
        }
        for p in &review.places {
            index.add_place(p);
        }
        index
    }

    fn add<S: AsRef<str>>(
        map: &mut HashMap<String, Id>,
        id: &Id,
        names: impl IntoIterator<Item = S>,
    ) {
        for name in names {
            let key = name_key(name.as_ref());
            if !key.is_empty() {
                map.entry(key).or_insert_with(|| id.clone());
            }
        }
    }

    /// Adds more names of a member already in the index (the aliases and
    /// pseudonym a merge gave it), without going over the names it had.
    fn add_names<'n>(&mut self, kind: CastKind, id: &Id, names: impl IntoIterator<Item = &'n str>) {
        let map = match kind {
            CastKind::Person => &mut self.people,
            CastKind::Agency => &mut self.agencies,
            CastKind::Place => &mut self.places,
        };
        Self::add(map, id, names);
    }

    /// Adds a person under their name, aliases and pseudonym.
    pub fn add_person(&mut self, p: &Person) {
        let names = [p.name.clone(), p.pseudonym.clone()]
            .into_iter()
            .chain(p.aliases.iter().cloned());
        Self::add(&mut self.people, &p.id, names);
    }

    /// Adds an agency under its name and aliases.
    pub fn add_agency(&mut self, a: &Agency) {
        let names = std::iter::once(a.name.clone()).chain(a.aliases.iter().cloned());
        Self::add(&mut self.agencies, &a.id, names);
    }

    /// Adds a place under its name and aliases.
    pub fn add_place(&mut self, p: &Place) {
        let names = std::iter::once(p.name.clone()).chain(p.aliases.iter().cloned());
        Self::add(&mut self.places, &p.id, names);
    }

    /// The person known by this name.
    pub fn person(&self, name: &str) -> Option<&Id> {
        self.people.get(&name_key(name))
    }

    /// The agency known by this name.
    pub fn agency(&self, name: &str) -> Option<&Id> {
        self.agencies.get(&name_key(name))
    }

    /// The place known by this name.
    pub fn place(&self, name: &str) -> Option<&Id> {
        self.places.get(&name_key(name))
    }
}

/// Hands out fresh ids without re-scanning the review for each one.
#[derive(Debug, Clone)]
pub struct IdAllocator {
    next: BTreeMap<RecordKind, u64>,
}

impl IdAllocator {
    /// Starts after the highest id of each kind in the review.
    pub fn of(review: &Review) -> IdAllocator {
        let next = RecordKind::ALL
            .iter()
            .map(|&kind| {
                let prefix = kind.prefix();
                let highest = review
                    .ids_of(kind)
                    .iter()
                    .filter_map(|id| id.number_after(prefix))
                    .max()
                    .unwrap_or(0);
                (kind, highest + 1)
            })
            .collect();
        IdAllocator { next }
    }

    /// A fresh id of this kind.
    pub fn next(&mut self, kind: RecordKind) -> Id {
        let n = self.next.entry(kind).or_insert(1);
        let id = Id::from(format!("{}{n}", kind.prefix()));
        *n += 1;
        id
    }
}

/// What a cast import adds and changes.
#[derive(Debug, Clone, PartialEq)]
pub struct CastImport {
    /// The change to apply (one undoable step).
    pub change: Change,
    /// People, agencies and places added, with their new ids, names and
    /// pseudonyms (suggested or given).
    pub added: Vec<(Id, String, String)>,
    /// Existing cast members given new aliases or missing details.
    pub updated: Vec<(Id, String)>,
    /// Rows that matched a cast member and added nothing.
    pub already_present: usize,
}

/// Adds the names of a row found by its name or an alias to the member's
/// aliases, the row's own name included: found by an alias, the row's
/// name is another name of the member. Kept, it finds the member at the
/// next import (and from a person's `agency` cell) instead of adding a
/// second member of that name, and it is anonymised with the member's.
/// A name that is another member's (`elsewhere`) is not taken: it would
/// find this member instead of that one. `known` holds the keys of the
/// member's name and aliases (see [`known_keys`]) and gains the new ones,
/// so merging is linear in the names merged, however many rows name the
/// same member.
fn merge_aliases(
    existing: &mut Vec<String>,
    known: &mut HashSet<String>,
    row: &CastRow,
    elsewhere: impl Fn(&str) -> bool,
) -> bool {
    let mut changed = false;
    for alias in std::iter::once(&row.name).chain(&row.aliases) {
        let key = name_key(alias);
        if !known.contains(&key) && !elsewhere(alias) {
            known.insert(key);
            existing.push(alias.clone());
            changed = true;
        }
    }
    changed
}

/// The keys of a cast member's name and aliases, made once per member an
/// import merges names into and kept (by id) for the rows after.
fn known_keys<'k>(
    keys: &'k mut HashMap<Id, HashSet<String>>,
    id: &Id,
    name: &str,
    aliases: &[String],
) -> &'k mut HashSet<String> {
    keys.entry(id.clone()).or_insert_with(|| {
        std::iter::once(name)
            .chain(aliases.iter().map(String::as_str))
            .map(name_key)
            .collect()
    })
}

fn fill(field: &mut String, value: &str) -> bool {
    if field.trim().is_empty() && !value.trim().is_empty() {
        *field = value.trim().to_string();
        true
    } else {
        false
    }
}

/// The change that adds a cast file to a review. A row whose name (or an
/// alias) matches a cast member of the same kind adds that row's new names
/// as aliases (its name too, when an alias matched) and fills that
/// member's empty details, and adds nothing else, so
/// importing the same file twice changes nothing the second time. Agencies
/// and places are added first, so a person's `agency` can name an agency of
/// the same file; an agency named there that is not in the cast is added.
pub fn import_cast(review: &Review, rows: &[CastRow]) -> CastImport {
    let mut index = CastIndex::of(review);
    let mut ids = IdAllocator::of(review);
    let mut book = PseudonymBook::of(review);
    let mut people: Vec<Person> = review.people.clone();
    let mut agencies: Vec<Agency> = review.agencies.clone();
    let mut places: Vec<Place> = review.places.clone();
    let mut touched: HashSet<Id> = HashSet::new();
    // The name keys of each member names were merged into, by id.
    let mut keys: HashMap<Id, HashSet<String>> = HashMap::new();
    let mut added = Vec::new();
    let mut updated = Vec::new();
    let mut already_present = 0;
    // The words of every person's name and aliases: a role such as
    // "Father of Hope and Llŷr" must not lend them to a pseudonym.
    let name_words = NameWords::of(
        review
            .people
            .iter()
            .flat_map(|p| std::iter::once(&p.name).chain(&p.aliases))
            .chain(
                rows.iter()
                    .filter(|r| r.kind == CastKind::Person)
                    .flat_map(|r| std::iter::once(&r.name).chain(&r.aliases)),
            ),
    );
    let mut order: Vec<&CastRow> = rows.iter().filter(|r| r.kind != CastKind::Person).collect();
    order.extend(rows.iter().filter(|r| r.kind == CastKind::Person));

    let mark = |touched: &mut HashSet<Id>, id: &Id| {
        if !touched.contains(id) {
            touched.insert(id.clone());
        }
    };
    for row in order {
        match row.kind {
            CastKind::Agency => {
                let found = std::iter::once(&row.name)
                    .chain(&row.aliases)
                    .find_map(|n| index.agency(n).cloned());
                if let Some(id) = found {
                    let Some(a) = agencies.iter_mut().find(|a| a.id == id) else {
                        continue;
                    };
                    let elsewhere = |n: &str| index.agency(n).is_some_and(|other| *other != id);
                    let known = known_keys(&mut keys, &id, &a.name, &a.aliases);
                    let before = a.aliases.len();
                    let mut changed = merge_aliases(&mut a.aliases, known, row, elsewhere);
                    changed |= fill(&mut a.generic_name, &row.pseudonym);
                    if changed {
                        let new = a.aliases[before..].iter().map(String::as_str);
                        index.add_names(CastKind::Agency, &id, new);
                        updated.push((id.clone(), a.name.clone()));
                        mark(&mut touched, &id);
                    } else {
                        already_present += 1;
                    }
                    continue;
                }
                let kind = agency_kind_from_text(&format!("{} {}", row.role, row.name));
                let generic_name = if row.pseudonym.is_empty() {
                    book.for_agency(kind)
                } else {
                    book.take(&row.pseudonym);
                    row.pseudonym.clone()
                };
                let agency = Agency {
                    id: ids.next(RecordKind::Agency),
                    name: row.name.clone(),
                    aliases: row.aliases.clone(),
                    generic_name: generic_name.clone(),
                    kind,
                    generic: is_agency_type(&row.name),
                    returned: Default::default(),
                };
                index.add_agency(&agency);
                added.push((agency.id.clone(), agency.name.clone(), generic_name));
                mark(&mut touched, &agency.id);
                agencies.push(agency);
            }
            CastKind::Place => {
                let found = std::iter::once(&row.name)
                    .chain(&row.aliases)
                    .find_map(|n| index.place(n).cloned());
                if let Some(id) = found {
                    let Some(p) = places.iter_mut().find(|p| p.id == id) else {
                        continue;
                    };
                    let elsewhere = |n: &str| index.place(n).is_some_and(|other| *other != id);
                    let known = known_keys(&mut keys, &id, &p.name, &p.aliases);
                    let before = p.aliases.len();
                    let mut changed = merge_aliases(&mut p.aliases, known, row, elsewhere);
                    changed |= fill(&mut p.generic_name, &row.pseudonym);
                    if changed {
                        let new = p.aliases[before..].iter().map(String::as_str);
                        index.add_names(CastKind::Place, &id, new);
                        updated.push((id.clone(), p.name.clone()));
                        mark(&mut touched, &id);
                    } else {
                        already_present += 1;
                    }
                    continue;
                }
                let kind = place_kind_from_text(&format!("{} {}", row.role, row.name));
                let generic_name = if row.pseudonym.is_empty() {
                    book.for_place(kind)
                } else {
                    book.take(&row.pseudonym);
                    row.pseudonym.clone()
                };
                let place = Place {
                    id: ids.next(RecordKind::Place),
                    name: row.name.clone(),
                    aliases: row.aliases.clone(),
                    generic_name: generic_name.clone(),
                    kind,
                };
                index.add_place(&place);
                added.push((place.id.clone(), place.name.clone(), generic_name));
                mark(&mut touched, &place.id);
                places.push(place);
            }
            CastKind::Person => {
                let agency = if row.agency.is_empty() {
                    None
                } else if let Some(id) = index.agency(&row.agency) {
                    Some(id.clone())
                } else {
                    let kind = agency_kind_from_text(&row.agency);
                    let agency = Agency {
                        id: ids.next(RecordKind::Agency),
                        name: row.agency.clone(),
                        aliases: Vec::new(),
                        generic_name: book.for_agency(kind),
                        kind,
                        generic: is_agency_type(&row.agency),
                        returned: Default::default(),
                    };
                    index.add_agency(&agency);
                    added.push((
                        agency.id.clone(),
                        agency.name.clone(),
                        agency.generic_name.clone(),
                    ));
                    mark(&mut touched, &agency.id);
                    let id = agency.id.clone();
                    agencies.push(agency);
                    Some(id)
                };
                let found = std::iter::once(&row.name)
                    .chain(&row.aliases)
                    .find_map(|n| index.person(n).cloned());
                if let Some(id) = found {
                    let Some(p) = people.iter_mut().find(|p| p.id == id) else {
                        continue;
                    };
                    let elsewhere = |n: &str| index.person(n).is_some_and(|other| *other != id);
                    let known = known_keys(&mut keys, &id, &p.name, &p.aliases);
                    let before = p.aliases.len();
                    let mut changed = merge_aliases(&mut p.aliases, known, row, elsewhere);
                    changed |= fill(&mut p.role, &row.role);
                    changed |= fill(&mut p.pseudonym, &row.pseudonym);
                    changed |= fill(&mut p.notes, &row.notes);
                    if p.agency.is_none() && agency.is_some() {
                        p.agency = agency;
                        changed = true;
                    }
                    if p.date_of_birth.is_none() && row.date_of_birth.is_some() {
                        p.date_of_birth = row.date_of_birth;
                        changed = true;
                    }
                    if changed {
                        // Only the new names: the others are indexed.
                        let new = p.aliases[before..].iter().map(String::as_str);
                        let pseudonym = std::iter::once(p.pseudonym.as_str());
                        index.add_names(CastKind::Person, &id, new.chain(pseudonym));
                        updated.push((id.clone(), p.name.clone()));
                        mark(&mut touched, &id);
                    } else {
                        already_present += 1;
                    }
                    continue;
                }
                let kind = person_kind_from_role(&row.role);
                let pseudonym = if row.pseudonym.is_empty() {
                    book.for_person(kind, &name_words.role_without_names(&row.role))
                } else {
                    book.take(&row.pseudonym);
                    row.pseudonym.clone()
                };
                let person = Person {
                    id: ids.next(RecordKind::Person),
                    name: row.name.clone(),
                    aliases: row.aliases.clone(),
                    role: row.role.clone(),
                    kind,
                    agency,
                    pseudonym: pseudonym.clone(),
                    date_of_birth: row.date_of_birth,
                    notes: row.notes.clone(),
                    ..Default::default()
                };
                index.add_person(&person);
                added.push((person.id.clone(), person.name.clone(), pseudonym));
                mark(&mut touched, &person.id);
                people.push(person);
            }
        }
    }
    // Agencies first, so that people added in the same change refer to
    // agencies that already exist when they are put.
    let mut edits = Vec::new();
    for a in agencies.into_iter().filter(|a| touched.contains(&a.id)) {
        edits.push(Edit::Put(Record::Agency(a)));
    }
    for p in places.into_iter().filter(|p| touched.contains(&p.id)) {
        edits.push(Edit::Put(Record::Place(p)));
    }
    for p in people.into_iter().filter(|p| touched.contains(&p.id)) {
        edits.push(Edit::Put(Record::Person(p)));
    }
    CastImport {
        change: Change::many("Import cast", edits),
        added,
        updated,
        already_present,
    }
}

#[cfg(test)]
mod tests;
