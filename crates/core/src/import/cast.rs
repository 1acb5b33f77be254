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

/// The words of a role or description, lower case, for keyword matching.
fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '&')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn has_any(words: &[String], lower: &str, keys: &[&str]) -> bool {
    keys.iter().any(|k| {
        if k.contains(' ') || k.contains('-') {
            lower.contains(k)
        } else {
            words.iter().any(|w| w == k)
        }
    })
}

/// A person's part in the case read from their role: "Mother" is a parent,
/// "Health visitor" a practitioner, "Team manager" a manager.
pub fn person_kind_from_role(role: &str) -> PersonKind {
    let lower = role.to_lowercase();
    let w = words(role);
    const MANAGER: &[&str] = &[
        "manager",
        "supervisor",
        "team leader",
        "head of",
        "director",
        "headteacher",
        "head teacher",
        "principal",
    ];
    const PRACTITIONER: &[&str] = &[
        "social worker",
        "worker",
        "visitor",
        "nurse",
        "midwife",
        "gp",
        "doctor",
        "dr",
        "paediatrician",
        "paediatric",
        "consultant",
        "registrar",
        "police",
        "officer",
        "constable",
        "detective",
        "pc",
        "dc",
        "sergeant",
        "teacher",
        "dsl",
        "safeguarding lead",
        "practitioner",
        "therapist",
        "psychologist",
        "psychiatrist",
        "keyworker",
        "advocate",
        "probation",
        "clinician",
        "paramedic",
        "senco",
        "pharmacist",
        "receptionist",
        "sister",
        "assistant",
        "coordinator",
        "co-ordinator",
        "reviewing",
        "iro",
    ];
    if has_any(&w, &lower, MANAGER) {
        return PersonKind::Manager;
    }
    // "Ward sister" is a nurse; "sister" alone is a sibling.
    let only_sister = (w.len() == 1 && w[0] == "sister")
        || lower.contains("half-sister")
        || lower.contains("step-sister");
    let practitioner = has_any(&w, &lower, PRACTITIONER) && !only_sister;
    if practitioner {
        return PersonKind::Practitioner;
    }
    if has_any(
        &w,
        &lower,
        &[
            "partner",
            "boyfriend",
            "girlfriend",
            "stepfather",
            "stepmother",
            "step-father",
            "step-mother",
            "husband",
            "wife",
        ],
    ) {
        return PersonKind::Partner;
    }
    if has_any(
        &w,
        &lower,
        &[
            "sibling",
            "brother",
            "sister",
            "half-brother",
            "half-sister",
            "twin",
        ],
    ) {
        return PersonKind::Sibling;
    }
    if lower.contains("grand")
        || has_any(
            &w,
            &lower,
            &[
                "aunt", "auntie", "uncle", "cousin", "relative", "nan", "nana",
            ],
        )
    {
        return PersonKind::Relative;
    }
    if has_any(&w, &lower, &["mother", "father", "mum", "dad", "parent"]) {
        return PersonKind::Parent;
    }
    if has_any(&w, &lower, &["carer", "foster", "guardian", "kinship"]) {
        return PersonKind::Carer;
    }
    if has_any(
        &w,
        &lower,
        &["child", "subject", "baby", "infant", "young person"],
    ) {
        return PersonKind::SubjectChild;
    }
    PersonKind::Other
}

/// The kind of an agency read from its name or description.
pub fn agency_kind_from_text(text: &str) -> AgencyKind {
    let lower = text.to_lowercase();
    let w = words(text);
    let table: &[(AgencyKind, &[&str])] = &[
        (AgencyKind::Camhs, &["camhs", "child and adolescent mental"]),
        (
            AgencyKind::EarlyYears,
            &[
                "nursery",
                "early years",
                "preschool",
                "pre-school",
                "childminder",
            ],
        ),
        (
            AgencyKind::Education,
            &["school", "academy", "education", "college"],
        ),
        (
            AgencyKind::ChildrensSocialCare,
            &[
                "children's services",
                "childrens services",
                "children's social care",
                "social care",
                "social services",
                "csc",
                "mash",
                "early help",
                "edt",
            ],
        ),
        (AgencyKind::Police, &["police", "constabulary"]),
        (
            AgencyKind::HealthVisiting,
            &[
                "health visiting",
                "health visitor",
                "0-19",
                "0–19",
                "public health nursing",
            ],
        ),
        (
            AgencyKind::Midwifery,
            &["midwifery", "midwife", "maternity"],
        ),
        (
            AgencyKind::GeneralPractice,
            &[
                "gp",
                "surgery",
                "medical practice",
                "general practice",
                "medical centre",
            ],
        ),
        (
            AgencyKind::AdultMentalHealth,
            &[
                "mental health",
                "iapt",
                "talking therapies",
                "psychological",
            ],
        ),
        (
            AgencyKind::Hospital,
            &[
                "hospital",
                "a&e",
                "emergency department",
                "foundation trust",
            ],
        ),
        (
            AgencyKind::SubstanceMisuse,
            &["drug", "alcohol", "recovery", "substance", "addiction"],
        ),
        (AgencyKind::Probation, &["probation"]),
        (AgencyKind::Housing, &["housing", "homes", "tenancy"]),
        (
            AgencyKind::Voluntary,
            &[
                "charity",
                "voluntary",
                "women's aid",
                "nspcc",
                "barnardo's",
                "refuge",
            ],
        ),
    ];
    table
        .iter()
        .find(|(_, keys)| has_any(&w, &lower, keys))
        .map_or(AgencyKind::Other, |(kind, _)| *kind)
}

/// True when an agency's name is only a type of agency ("GP",
/// "Probation", "Midwifery", "Housing", "Children's social care", "GP
/// practice"), as agencies write in a chronology's agency column: such a
/// name identifies nobody. "Kestrel Homes" or "Northshire Constabulary"
/// is a real name.
pub fn is_agency_type(name: &str) -> bool {
    /// Types of agency, lower case, as chronologies write them.
    const TYPES: &[&str] = &[
        "children's social care",
        "childrens social care",
        "children's services",
        "childrens services",
        "social care",
        "social services",
        "social work",
        "csc",
        "early help",
        "police",
        "health visiting",
        "health visitor",
        "health visitors",
        "0-19",
        "0–19",
        "public health nursing",
        "midwifery",
        "midwife",
        "midwives",
        "maternity",
        "community midwifery",
        "gp",
        "general practice",
        "gp surgery",
        "surgery",
        "primary care",
        "hospital",
        "a&e",
        "emergency department",
        "ed",
        "paediatrics",
        "camhs",
        "mental health",
        "adult mental health",
        "talking therapies",
        "iapt",
        "drug and alcohol",
        "substance misuse",
        "probation",
        "youth justice",
        "youth offending",
        "housing",
        "education",
        "school",
        "schools",
        "nursery",
        "early years",
        "voluntary sector",
        "voluntary",
        "ambulance",
        "fire and rescue",
        "dwp",
        "job centre",
        "jobcentre",
        "school nursing",
        "adult social care",
        "domestic abuse service",
        "idva",
        "marac",
        "mash",
    ];
    /// Words that name nothing more than the type ("Probation service").
    const TAILS: &[&str] = &[
        "service",
        "services",
        "team",
        "teams",
        "department",
        "dept",
        "provider",
        "practice",
        "unit",
        "records",
        "record",
        "agency",
    ];
    let lower = name.trim().to_lowercase();
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    while words.len() > 1 && words.last().is_some_and(|w| TAILS.contains(w)) {
        words.pop();
    }
    let phrase = words.join(" ");
    !phrase.is_empty()
        && (TYPES.contains(&phrase.as_str())
            || generic_agency_name(agency_kind_from_text(name))
                .is_some_and(|g| g.eq_ignore_ascii_case(name.trim())))
}

/// The generic name an agency of this kind has in exports; `None` for
/// [`AgencyKind::Other`], which is numbered instead.
pub fn generic_agency_name(kind: AgencyKind) -> Option<&'static str> {
    Some(match kind {
        AgencyKind::ChildrensSocialCare => "Children's social care",
        AgencyKind::Police => "Police",
        AgencyKind::HealthVisiting => "Health visiting service",
        AgencyKind::Midwifery => "Midwifery service",
        AgencyKind::GeneralPractice => "GP practice",
        AgencyKind::Hospital => "Hospital trust",
        AgencyKind::Camhs => "CAMHS",
        AgencyKind::AdultMentalHealth => "Adult mental health service",
        AgencyKind::SubstanceMisuse => "Adult drug and alcohol service",
        AgencyKind::Education => "School",
        AgencyKind::EarlyYears => "Nursery",
        AgencyKind::Probation => "Probation service",
        AgencyKind::Housing => "Housing provider",
        AgencyKind::Voluntary => "Voluntary sector organisation",
        AgencyKind::Other => return None,
    })
}

/// The kind of a place read from its name or description.
pub fn place_kind_from_text(text: &str) -> PlaceKind {
    let lower = text.to_lowercase();
    let w = words(text);
    if has_any(&w, &lower, &["nursery", "children's centre", "preschool"]) {
        PlaceKind::Nursery
    } else if has_any(&w, &lower, &["school", "academy", "college"]) {
        PlaceKind::School
    } else if has_any(&w, &lower, &["hospital", "ward", "picu", "a&e"]) {
        PlaceKind::Hospital
    } else if has_any(
        &w,
        &lower,
        &["surgery", "clinic", "health centre", "medical practice"],
    ) {
        PlaceKind::Clinic
    } else if has_any(
        &w,
        &lower,
        &[
            "home", "flat", "house", "address", "road", "street", "lane", "walk", "rise", "close",
            "avenue", "drive", "way", "crescent", "court", "terrace",
        ],
    ) {
        PlaceKind::Home
    } else {
        PlaceKind::Other
    }
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
    /// the "of", "and"… before it: "Father of Hope and Llŷr" → "Father".
    fn role_without_names(&self, role: &str) -> String {
        let words: Vec<&str> = role.split_whitespace().collect();
        let Some(cut) = words
            .iter()
            .position(|w| self.0.contains(&NameWords::key(w)))
        else {
            return role.to_string();
        };
        let mut kept = &words[..cut];
        while let Some(last) = kept.last() {
            let lower = last.to_lowercase();
            let connector = matches!(
                lower.trim_end_matches(','),
                "of" | "and" | "to" | "for" | "with" | "&" | "by" | "the"
            );
            if !connector && !last.ends_with(',') {
                break;
            }
            kept = &kept[..kept.len() - 1];
        }
        kept.join(" ")
    }
}

/// A role in title case for a pseudonym: "social worker (assessment team)"
/// becomes "Social Worker"; acronyms stay as written.
fn title_case(role: &str) -> String {
    let base = role.split(['(', ',']).next().unwrap_or(role);
    base.split_whitespace()
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

/// A name the chronology mentions that is not in the cast.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CastSuggestion {
    /// The name as written (its most frequent spelling).
    pub name: String,
    /// How many times it is mentioned.
    pub mentions: usize,
    /// The entries that mention it, in chronology order.
    pub entries: Vec<Id>,
}

/// Titles that start a name: "Dr Mehta", "PC Forsyth".
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "PC", "DC", "DS", "DI", "Sgt", "Cllr", "Prof",
];

/// Capitalised words that are not names: they start sentences, name
/// services and processes, or are parts of addresses.
/// Capitalised words that start no name (with the months and weekdays).
fn not_a_name(word: &str) -> bool {
    NOT_NAMES.contains(&word) || crate::model::is_calendar_word(word)
}

const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "And",
    "Or",
    "But",
    "If",
    "On",
    "In",
    "At",
    "To",
    "Of",
    "For",
    "With",
    "By",
    "From",
    "As",
    "He",
    "She",
    "They",
    "We",
    "It",
    "His",
    "Her",
    "Their",
    "This",
    "That",
    "No",
    "Not",
    "Yes",
    "Plan",
    "Child",
    "Children",
    "Children's",
    "Childrens",
    "Protection",
    "Early",
    "Help",
    "Need",
    "Needs",
    "Conference",
    "Strategy",
    "Meeting",
    "Team",
    "Service",
    "Services",
    "Council",
    "Health",
    "Social",
    "Care",
    "School",
    "Nursery",
    "Hospital",
    "Police",
    "Court",
    "Centre",
    "Center",
    "Road",
    "Street",
    "Lane",
    "Walk",
    "Rise",
    "Way",
    "Avenue",
    "Close",
    "Drive",
    "Flat",
    "House",
    "Trust",
    "Practice",
    "Primary",
    "Academy",
    "General",
    "Department",
    "Unit",
    "Ward",
    "Emergency",
    "Mental",
    "Review",
    "Assessment",
    "Section",
    "Initial",
    "Core",
    "Group",
    "Family",
    "Support",
    "Worker",
    "Visit",
    "Home",
    "Mum",
    "Dad",
    "Mother",
    "Father",
    "Nan",
    "Grandmother",
    "Grandfather",
    "Partner",
    "Baby",
    "Covid",
    "Lockdown",
    "Christmas",
    "Easter",
    "New",
    "Year",
    "Bank",
    "Holiday",
    "Safeguarding",
    "Partnership",
    "Domestic",
    "Abuse",
    "Notification",
    "Referral",
    "Contact",
    "Case",
    "Note",
    "Record",
    "Report",
    "Letter",
    "Discharge",
    "Summary",
    "Education",
    "Housing",
    "Recovery",
    "Talking",
    "Therapies",
    "Medical",
    "Community",
    "Foundation",
    "Limited",
    "Ltd",
    "Homes",
    "Park",
    "Hill",
    "Green",
    "Office",
    "Officer",
    "Visitor",
    "Nurse",
    "Doctor",
    "Manager",
    "Head",
    "Teacher",
    "Designated",
    "Lead",
    "Daily",
    "Weekly",
    "Spring",
    "Summer",
    "Autumn",
    "Winter",
    "Sibling",
    "Agency",
    "Address",
    "Due",
    "Seen",
    "Called",
    "Telephone",
    "Phone",
    "Call",
    "Email",
    "Text",
    "Video",
    "Appointment",
    "Attended",
    "Did",
    "Was",
    "Were",
    "Has",
    "Had",
    "Will",
    "Would",
    "Could",
    "Should",
    "Private",
    "Public",
    "National",
    "Local",
    "Central",
    "North",
    "South",
    "East",
    "West",
    "Royal",
    "Saint",
    "St",
    "Uncle",
    "Aunt",
    "Auntie",
    "Brother",
    "Sister",
    "Cousin",
    "Grandad",
    "Grandma",
    "Nana",
    "Stepfather",
    "Stepmother",
];

fn is_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.clone().any(char::is_lowercase)
        && chars.all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
}

/// A name found in the chronology: its spellings with their counts, its
/// mentions, and the entries that mention it.
type Found = (HashMap<String, usize>, usize, Vec<Id>);

/// A word of a chronology entry, with what separates it from the word
/// before.
struct Token<'a> {
    /// The word, without a trailing possessive ("Dean" of "Dean's").
    word: &'a str,
    /// Only white space stands between it and the word before.
    joined: bool,
    /// Only a dot and white space stand between it and the word before
    /// ("Dr. Patel").
    after_dot: bool,
    /// Written with a possessive: no name goes on past it.
    possessive: bool,
}

/// The words of a text, with what separates each from the one before.
fn tokens_of(text: &str) -> Vec<Token<'_>> {
    let is_part = |c: char| c.is_alphanumeric() || c == '-' || c == '\'' || c == '’';
    let mut tokens = Vec::new();
    let mut gap_start = 0;
    let mut rest = text;
    let mut offset = 0;
    while let Some(start) = rest.find(is_part) {
        let after = &rest[start..];
        let len = after.find(|c: char| !is_part(c)).unwrap_or(after.len());
        let raw = &after[..len];
        let gap = &text[gap_start..offset + start];
        let word = raw.trim_end_matches(['\'', '’']);
        let stripped = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix("’s"))
            .unwrap_or(word);
        if !stripped.is_empty() {
            tokens.push(Token {
                word: stripped,
                joined: !gap.is_empty() && gap.chars().all(char::is_whitespace),
                after_dot: gap.starts_with('.') && gap[1..].chars().all(char::is_whitespace),
                possessive: stripped.len() < word.len(),
            });
        }
        offset += start + len;
        gap_start = offset;
        rest = &text[offset..];
    }
    tokens
}

/// True when a capitalised word is an ordinary English word (a verb,
/// "Checks", "Filed"; a noun, "Strategy") rather than a word that is also
/// a common given name or surname ("Dean", "Price", "Tom"). A hyphenated
/// word is ordinary when all its parts are.
fn is_ordinary_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    let gazetteer = crate::anonymise::gazetteer::gazetteer();
    let ordinary = |part: &str| {
        crate::anonymise::words::is_word(part)
            && !gazetteer.is_name_word(part)
            && !gazetteer.is_given_name(part)
    };
    crate::anonymise::words::is_vocabulary(word)
        || ordinary(&lower)
        || (lower.contains('-') && lower.split('-').all(|p| p.is_empty() || ordinary(p)))
}

/// True when a capitalised word is no English word at all ("Kilbryde",
/// "Whitfield", "Tyler"): a name is made of at least one such word.
fn is_no_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    lower
        .split('-')
        .filter(|p| !p.is_empty())
        .any(|p| !crate::anonymise::words::is_word(p))
        && !crate::anonymise::words::is_vocabulary(word)
}

/// True when a word may be part of a name found without a title: it is
/// capitalised, and no service, role, place or calendar word, nor an
/// ordinary English word.
fn may_be_name(word: &str) -> bool {
    is_capitalised(word) && !not_a_name(word) && !TITLES.contains(&word) && !is_ordinary_word(word)
}

/// The candidate names in one text: a title and the one or two capitalised
/// words after it ("Dr Mehta", "Mrs Doyle"); two or three capitalised
/// words in a row, with nothing but spaces between them, that are no
/// service, role, place, calendar or ordinary English word and of which
/// one at least is no English word at all ("Dean Kilbryde", not "Checks
/// Tyler", "Filed Noted" or "Strategy Discussion"); or a single common
/// given name ("Kayden").
fn names_in(text: &str) -> Vec<String> {
    let tokens = tokens_of(text);
    let gazetteer = crate::anonymise::gazetteer::gazetteer();
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let word = tokens[i].word;
        if TITLES.contains(&word) && !tokens[i].possessive {
            let mut rest: Vec<&str> = Vec::new();
            for (k, t) in tokens[i + 1..].iter().take(2).enumerate() {
                let next_to = t.joined || (k == 0 && t.after_dot);
                if !next_to || !is_capitalised(t.word) || not_a_name(t.word) {
                    break;
                }
                rest.push(t.word);
                if t.possessive {
                    break;
                }
            }
            if !rest.is_empty() {
                found.push(format!("{word} {}", rest.join(" ")));
                i += 1 + rest.len();
                continue;
            }
        }
        let mut run: Vec<&str> = Vec::new();
        for (k, t) in tokens[i..].iter().take(3).enumerate() {
            if (k > 0 && !t.joined) || !may_be_name(t.word) {
                break;
            }
            run.push(t.word);
            if t.possessive {
                break;
            }
        }
        if run.len() >= 2 && run.iter().any(|w| is_no_word(w)) {
            found.push(run.join(" "));
            i += run.len();
        } else if run.len() == 1 && gazetteer.is_given_name(&run[0].to_lowercase()) {
            found.push(run[0].to_string());
            i += 1;
        } else {
            i += run.len().max(1);
        }
    }
    found
}

/// Names the chronology mentions that are not in the cast, most mentioned
/// first: people the reviewer may want to add, or spellings to add as
/// aliases. A name is left out when it, or a whole multi-word name or alias
/// of the cast, is the same or contained in it.
pub fn suggest_cast(review: &Review) -> Vec<CastSuggestion> {
    let mut known: Vec<String> = Vec::new();
    for p in &review.people {
        known.push(name_key(&p.name));
        known.push(name_key(&p.pseudonym));
        known.extend(p.aliases.iter().map(|a| name_key(a)));
    }
    for a in &review.agencies {
        known.push(name_key(&a.name));
        known.push(name_key(&a.generic_name));
        known.extend(a.aliases.iter().map(|a| name_key(a)));
    }
    for p in &review.places {
        known.push(name_key(&p.name));
        known.extend(p.aliases.iter().map(|a| name_key(a)));
    }
    known.retain(|k| !k.is_empty());
    let exact: HashSet<&str> = known.iter().map(String::as_str).collect();
    let multi_word: Vec<&str> = known
        .iter()
        .filter(|k| k.contains(' '))
        .map(String::as_str)
        .collect();
    let in_cast = |key: &str| {
        exact.contains(key)
            || multi_word
                .iter()
                .any(|k| k.contains(key) || key.contains(k))
    };
    let mut found: HashMap<String, Found> = HashMap::new();
    let mut verdicts: HashMap<String, bool> = HashMap::new();
    let mut entries: Vec<&ChronologyEntry> = review.chronology.iter().collect();
    entries.sort_by_key(|e| e.date);
    for entry in entries {
        for name in names_in(&entry.text) {
            let key = name_key(&name);
            let known = *verdicts.entry(key.clone()).or_insert_with(|| in_cast(&key));
            if known {
                continue;
            }
            let slot = found.entry(key).or_default();
            *slot.0.entry(name).or_default() += 1;
            slot.1 += 1;
            if slot.2.last() != Some(&entry.id) {
                slot.2.push(entry.id.clone());
            }
        }
    }
    let mut suggestions: Vec<CastSuggestion> = found
        .into_values()
        .map(|(spellings, mentions, entries)| {
            let name = spellings
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
                .map(|(n, _)| n)
                .unwrap_or_default();
            CastSuggestion {
                name,
                mentions,
                entries,
            }
        })
        .collect();
    suggestions.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.name.cmp(&b.name)));
    suggestions
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_type_of_agency_is_told_from_a_real_agency_name() {
        for name in [
            "GP",
            "Midwifery",
            "Housing",
            "Probation",
            "Probation service",
            "GP practice",
            "Children's social care",
            "police",
            "Health Visiting Team",
        ] {
            assert!(is_agency_type(name), "{name}");
        }
        for name in [
            "Kestrel Homes",
            "Northshire Constabulary",
            "Riverside Surgery",
            "St Mary's Hospital",
            "",
        ] {
            assert!(!is_agency_type(name), "{name}");
        }
    }

    use super::*;

    const CAST: &str = "name,aliases,role,pseudonym,kind,agency,date of birth\n\
        Jane Smith,Janey; J. Smith,Subject child,,person,,19/08/2019\n\
        Kelly Smith,Kel,Mother,,person,,\n\
        Amy Jones,,Social worker,,person,Northtown Children's Services,\n\
        Bob Hart,,Social worker (assessment),,person,NCS,\n\
        Northtown Children's Services,NCS,Children's social care,,agency,,\n\
        Eastshire Police,ESP,,,agency,,\n\
        Flat 1 Mill Road,Mill Road,home,,place,,\n";

    fn imported() -> (Review, CastImport) {
        let rows = parse_cast(CAST.as_bytes(), "cast.csv").unwrap();
        let mut review = Review::new("t");
        let import = import_cast(&review, &rows);
        import.change.clone().apply(&mut review).unwrap();
        (review, import)
    }

    #[test]
    fn pseudonyms_are_suggested_from_roles() {
        let (review, import) = imported();
        let pseudonyms: Vec<(&str, &str)> = review
            .people
            .iter()
            .map(|p| (p.name.as_str(), p.pseudonym.as_str()))
            .collect();
        assert_eq!(
            pseudonyms,
            [
                ("Jane Smith", "Child A"),
                ("Kelly Smith", "Mother"),
                ("Amy Jones", "Social Worker 1"),
                ("Bob Hart", "Social Worker 2"),
            ]
        );
        assert_eq!(review.people[0].kind, PersonKind::SubjectChild);
        assert_eq!(review.people[0].aliases, ["Janey", "J. Smith"]);
        assert_eq!(
            review.people[0].date_of_birth,
            NaiveDate::from_ymd_opt(2019, 8, 19)
        );
        assert_eq!(review.people[2].kind, PersonKind::Practitioner);
        assert_eq!(review.people[2].agency, Some(Id::from("A1")));
        assert_eq!(
            review.people[3].agency,
            Some(Id::from("A1")),
            "found by alias"
        );
        assert_eq!(review.agencies[0].generic_name, "Children's social care");
        assert_eq!(review.agencies[0].kind, AgencyKind::ChildrensSocialCare);
        assert_eq!(review.agencies[1].generic_name, "Police");
        assert_eq!(review.places[0].generic_name, "Address 1");
        assert_eq!(review.places[0].kind, PlaceKind::Home);
        assert_eq!(import.added.len(), 7);
        let taxonomy = crate::taxonomy::Taxonomy::built_in("learning-together");
        assert_eq!(
            crate::validate::validate(&review, taxonomy.as_ref()),
            vec![]
        );
    }

    #[test]
    fn importing_twice_adds_nothing_and_new_aliases_are_merged() {
        let (mut review, _) = imported();
        let rows = parse_cast(CAST.as_bytes(), "cast.csv").unwrap();
        let again = import_cast(&review, &rows);
        assert!(again.change.edits.is_empty(), "{:?}", again.change);
        assert_eq!(again.already_present, 7);
        let more = parse_cast(b"name,aliases,kind\nKel,Kelly S.,person\n", "more.csv").unwrap();
        let import = import_cast(&review, &more);
        assert_eq!(import.updated.len(), 1);
        import.change.apply(&mut review).unwrap();
        assert_eq!(review.people[1].aliases, ["Kel", "Kelly S."]);
    }

    #[test]
    fn twenty_thousand_aliases_in_one_cell_are_merged_each_once() {
        // Each new alias was compared with every alias the member already
        // had: 20,000 in one cell, merged into a member, took minutes.
        let aliases: Vec<String> = (0..20_000).map(|i| format!("Jay Smith {i}")).collect();
        let cell = aliases.join(";");
        let text = format!(
            "name,aliases,kind\nJane Smith,,person\nJane Smith,\"{cell}\",person\n\
             J. Smith,\"{cell};JAY SMITH 7\",person\n"
        );
        let rows = parse_cast(text.as_bytes(), "cast.csv").unwrap();
        let mut review = Review::new("test");
        let import = import_cast(&review, &rows);
        import.change.apply(&mut review).unwrap();
        assert_eq!(review.people.len(), 1);
        let merged = &review.people[0].aliases;
        // Every alias once, in order, then the name of the row found by
        // them; "JAY SMITH 7" is "Jay Smith 7" again.
        assert_eq!(merged.len(), 20_001);
        assert_eq!(merged[..20_000], aliases[..]);
        assert_eq!(merged[20_000], "J. Smith");
        // Found by any of them, and importing again changes nothing.
        let index = CastIndex::of(&review);
        assert_eq!(index.person("jay smith 19999"), Some(&review.people[0].id));
        assert!(import_cast(&review, &rows).change.edits.is_empty());
    }

    #[test]
    fn a_cell_of_a_megabyte_of_aliases_is_merged() {
        // About 100,000 aliases in one cell of a row that names a member
        // already in the cast, and one alias of a megabyte.
        let aliases: Vec<String> = (0..100_000).map(|i| format!("K{i:08}")).collect();
        let cell = aliases.join(";");
        assert!(cell.len() >= 999_999);
        let long = "Q".repeat(1_000_000);
        let text = format!(
            "name,aliases,kind\nKim Lee,,person\nKim Lee,\"{cell}\",person\nKim Lee,{long},person\n"
        );
        let rows = parse_cast(text.as_bytes(), "cast.csv").unwrap();
        let mut review = Review::new("test");
        import_cast(&review, &rows)
            .change
            .apply(&mut review)
            .unwrap();
        let merged = &review.people[0].aliases;
        assert_eq!(merged.len(), 100_001);
        assert_eq!(merged[99_999], "K00099999");
        assert_eq!(merged[100_000].len(), 1_000_000);
    }

    #[test]
    fn an_agency_found_by_an_alias_keeps_the_name_its_row_gives_it() {
        // Found by fuzzing: the second agency row is found by the alias it
        // shares with the first, and its own name was dropped; the person's
        // agency then added a second agency of that name, and importing the
        // file again gave that one the alias.
        let text = "name,aliases,kind,agency\n\
            E,,person,Westmoor 0-19 Health Visiting Service\n\
            E,0-19 Service,agency,\n\
            Westmoor 0-19 Health Visiting Service,0-19 Service,agency,\n";
        let rows = parse_cast(text.as_bytes(), "cast.csv").unwrap();
        let mut review = Review::new("t");
        import_cast(&review, &rows)
            .change
            .apply(&mut review)
            .unwrap();
        assert_eq!(review.agencies.len(), 1, "{:?}", review.agencies);
        assert_eq!(
            review.agencies[0].aliases,
            ["0-19 Service", "Westmoor 0-19 Health Visiting Service"]
        );
        assert_eq!(review.people[0].agency, Some(review.agencies[0].id.clone()));
        let again = import_cast(&review, &rows);
        assert!(again.change.edits.is_empty(), "{:?}", again.change);
    }

    #[test]
    fn a_person_found_by_an_alias_keeps_the_name_its_row_gives_them() {
        // Found by fuzzing (tests/fuzz): the second row is found by the
        // alias it shares with the first and its name was dropped, so the
        // third row added a person of that name, whom the next import of
        // the same file gave the alias.
        let text = "name,alias\nr,Nan\nMark Ellis,Nan\nMark Ellis\n";
        let rows = parse_cast(text.as_bytes(), "cast.csv").unwrap();
        let mut review = Review::new("t");
        import_cast(&review, &rows)
            .change
            .apply(&mut review)
            .unwrap();
        assert_eq!(review.people.len(), 1, "{:?}", review.people);
        assert_eq!(review.people[0].aliases, ["Nan", "Mark Ellis"]);
        assert!(import_cast(&review, &rows).change.edits.is_empty());
    }

    #[test]
    fn a_name_of_another_member_is_not_made_an_alias() {
        // Found by fuzzing (tests/fuzz): the third row, found by its alias
        // "Lily Carter", gave Lily the alias "Kerry Carter", Kerry's own
        // name; the next import of the same file then found Kerry's row as
        // Lily and gave her Kerry's alias too.
        let text = "name,alias\nLily Carter\nKerry Carter,n\nr,Lily Carter;Kerry Carter\n";
        let rows = parse_cast(text.as_bytes(), "cast.csv").unwrap();
        let mut review = Review::new("t");
        import_cast(&review, &rows)
            .change
            .apply(&mut review)
            .unwrap();
        assert_eq!(review.people[0].aliases, ["r"]);
        assert_eq!(review.people[1].aliases, ["n"]);
        assert!(import_cast(&review, &rows).change.edits.is_empty());
    }

    #[test]
    fn a_name_without_a_letter_or_digit_is_a_bad_row() {
        // Found by fuzzing (tests/fuzz): a name of a NUL character was
        // added, could never be found by its name, and was added again at
        // every import of the same file.
        let problems = parse_cast(b"name\n\0\n-\n", "cast.csv").unwrap_err();
        let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "cast.csv: row 2: the name `\0` has no letter or digit",
                "cast.csv: row 3: the name `-` has no letter or digit",
            ]
        );
    }

    #[test]
    fn an_agency_cell_without_a_letter_or_digit_names_no_agency() {
        // Found by fuzzing (tests/fuzz): a person's agency "\0" was added
        // as an agency at every import of the same file.
        let rows = parse_cast(b"name,,,agency\no,,,\0\np,,,-\n", "cast.csv").unwrap();
        assert!(rows.iter().all(|r| r.agency.is_empty()), "{rows:?}");
        let mut review = Review::new("t");
        import_cast(&review, &rows)
            .change
            .apply(&mut review)
            .unwrap();
        assert!(review.agencies.is_empty());
        assert!(import_cast(&review, &rows).change.edits.is_empty());
    }

    #[test]
    fn bad_rows_are_reported_with_their_row() {
        let text = "name,aliases,role,pseudonym,kind,dob\n,,Mother,,person,\nA,,,,planet,\nB,,,,person,31/02/2020\n";
        let problems = parse_cast(text.as_bytes(), "cast.csv").unwrap_err();
        let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(shown.len(), 3, "{shown:?}");
        assert_eq!(shown[0], "cast.csv: row 2: the row has no name");
        assert!(shown[1].starts_with("cast.csv: row 3: unknown kind `planet`"));
        assert!(shown[2].starts_with("cast.csv: row 4: date of birth:"));
        let problems = parse_cast(b"who,what\nx,y\n", "c.csv").unwrap_err();
        assert!(problems[0].message.contains("`name` column"));
    }

    #[test]
    fn roles_give_the_part_in_the_case() {
        for (role, kind) in [
            ("Mother", PersonKind::Parent),
            ("Mother's partner", PersonKind::Partner),
            ("Half-brother", PersonKind::Sibling),
            ("Maternal grandmother", PersonKind::Relative),
            ("Health visitor", PersonKind::Practitioner),
            ("Paediatric ward sister", PersonKind::Practitioner),
            ("Team manager, assessment", PersonKind::Manager),
            ("Child protection social worker", PersonKind::Practitioner),
            ("Subject child", PersonKind::SubjectChild),
            ("Foster carer", PersonKind::Carer),
            ("GP", PersonKind::Practitioner),
            ("Neighbour", PersonKind::Other),
        ] {
            assert_eq!(person_kind_from_role(role), kind, "{role}");
        }
        assert_eq!(
            agency_kind_from_text("Bramblewood Children's Centre Nursery"),
            AgencyKind::EarlyYears
        );
        assert_eq!(
            agency_kind_from_text("Ashdyke Surgery"),
            AgencyKind::GeneralPractice
        );
        assert_eq!(
            agency_kind_from_text("Northbrook Talking Therapies"),
            AgencyKind::AdultMentalHealth
        );
    }

    #[test]
    fn pseudonyms_never_repeat() {
        let mut book = PseudonymBook::default();
        book.take("Child A");
        assert_eq!(
            book.for_person(PersonKind::SubjectChild, "child"),
            "Child B"
        );
        assert_eq!(book.for_person(PersonKind::Parent, "mother"), "Mother");
        assert_eq!(book.for_person(PersonKind::Parent, "Mother"), "Mother 2");
        assert_eq!(book.for_person(PersonKind::Practitioner, "GP"), "GP 1");
        let names =
            NameWords::of(["Hope Chaudhry".to_string(), "Llŷr; Summer Wood".to_string()].iter());
        assert_eq!(
            names.role_without_names("Father of Hope and Llŷr"),
            "Father"
        );
        assert_eq!(names.role_without_names("father of Summer"), "father");
        assert_eq!(names.role_without_names("Hope's social worker"), "");
        assert_eq!(
            names.role_without_names("Maternal Grandmother"),
            "Maternal Grandmother"
        );
        assert_eq!(book.for_agency(AgencyKind::Education), "School");
        assert_eq!(book.for_agency(AgencyKind::Education), "School 2");
        assert_eq!(book.for_agency(AgencyKind::Other), "Agency 1");
    }

    #[test]
    fn ordinary_words_verbs_and_services_are_not_taken_for_names() {
        // Sentences of the bundled example's chronology.
        for (text, names) in [
            (
                "Police PVP received re verbal DA incident 17/10 (standard risk). Checks: \
                 Tyler open as CIN 03/17-07/17 (mum's low mood, home conditions), closed with \
                 improvement. No current involvement. Dean Kilbride: no CSC record.",
                vec!["Tyler", "Dean Kilbride"],
            ),
            (
                "Letter from SALT service: Maisie not brought to second appointment. \
                 Discharged back to HV. Filed. Noted 2-year review outstanding, ASQ not returned.",
                vec!["Maisie"],
            ),
            (
                "Strategy discussion by phone 18:30 (EDT SW, DC Quinn, Dr Price). \
                 Strategy Discussion held; Section 47 enquiries agreed.",
                vec!["DC Quinn", "Dr Price"],
            ),
            (
                "Keyworker review. Confirmed Dean engaged, stable, screens negative. \
                 Moved to Universal Plus.",
                vec![],
            ),
            (
                "Tyler to stay with Pauline Ashworth by agreement with Chantelle; no \
                 unsupervised contact with Dean. Daytime team and allocated SW informed.",
                vec!["Tyler", "Pauline Ashworth", "Chantelle"],
            ),
            (
                "Present: Chantelle, Maisie (15 months), Dean. Told Chantelle to call 999.",
                vec!["Chantelle", "Maisie", "Chantelle"],
            ),
            (
                "Seen by Dr. Patel and Mrs Doyle's deputy. Emailed SW Tom Whitfield \
                 (Assessment Team). Hidden Harm screen completed.",
                vec!["Dr Patel", "Mrs Doyle", "Tom Whitfield"],
            ),
        ] {
            assert_eq!(names_in(text), names, "{text}");
        }
    }

    #[test]
    fn the_example_suggests_names_of_people_not_its_noise() {
        let mut review = crate::examples::worked_case();
        // Every name the example's chronology mentions is in its cast.
        assert_eq!(suggest_cast(&review), vec![]);
        // Without a cast, every suggestion is a name.
        review.people.clear();
        review.agencies.clear();
        review.places.clear();
        let names: Vec<String> = suggest_cast(&review).into_iter().map(|s| s.name).collect();
        for name in [
            "Chantelle",
            "Tyler",
            "Dean Kilbride",
            "Tom Whitfield",
            "DC Quinn",
        ] {
            assert!(names.iter().any(|n| n == name), "{name} in {names:?}");
        }
        for noise in [
            "Checks Tyler",
            "Filed Noted",
            "Strategy Discussion",
            "Universal Plus",
            "Told Chantelle",
            "Chantelle Maisie",
        ] {
            assert!(!names.iter().any(|n| n == noise), "{noise} in {names:?}");
        }
        for name in &names {
            assert!(
                name.split(' ')
                    .all(|w| !is_ordinary_word(w) || TITLES.contains(&w)),
                "{name}"
            );
        }
    }

    #[test]
    fn names_in_the_chronology_that_are_not_in_the_cast_are_suggested() {
        let (mut review, _) = imported();
        for (i, text) in [
            "Home visit by Amy Jones. Jane Smith seen. Uncle Wayne Price present; Dr Patel informed.",
            "Wayne Price at the flat again. Child Protection Conference arranged at Mill Road.",
            "Kelly Smith said Dean Kilbryde had left. Seen by Dr Patel.",
        ]
        .iter()
        .enumerate()
        {
            review.chronology.push(ChronologyEntry {
                id: Id::new(format!("C{}", i + 1)),
                date: ReviewDate::day(2021, 4, i as u32 + 1).unwrap(),
                agency: None,
                author: String::new(),
                text: text.to_string(),
                people: Vec::new(),
                source: None,
            });
        }
        let suggestions = suggest_cast(&review);
        let names: Vec<(&str, usize)> = suggestions
            .iter()
            .map(|s| (s.name.as_str(), s.mentions))
            .collect();
        assert_eq!(
            names,
            [("Dr Patel", 2), ("Wayne Price", 2), ("Dean Kilbryde", 1)]
        );
        assert_eq!(suggestions[1].entries, [Id::from("C1"), Id::from("C2")]);
    }
}
