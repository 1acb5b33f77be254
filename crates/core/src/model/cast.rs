//! The cast of a review: the people (with their sensitive attributes),
//! the agencies and the places that could identify the family.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::*;

/// A person's part in the case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum PersonKind {
    /// The child the review is about.
    SubjectChild,
    /// A brother or sister.
    Sibling,
    /// A parent.
    Parent,
    /// A carer who is not a parent.
    Carer,
    /// A parent's partner.
    Partner,
    /// Grandparent, aunt, uncle or other relative.
    Relative,
    /// A practitioner in one of the agencies.
    Practitioner,
    /// A manager or supervisor.
    Manager,
    /// Anyone else.
    #[default]
    Other,
}

/// A member of the cast: the child, family and practitioners.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Person {
    /// Stable id.
    pub id: Id,
    /// Real full name, as in agency records. Never exported.
    pub name: String,
    /// Other forms of the name: nicknames, short forms, former names.
    pub aliases: Vec<String>,
    /// Role, e.g. "Health visitor", "Mother".
    pub role: String,
    /// Part in the case.
    pub kind: PersonKind,
    /// The agency a practitioner works for.
    pub agency: Option<Id>,
    /// The name used in exports, e.g. "Child A", "Social Worker 1".
    pub pseudonym: String,
    /// Date of birth, for ages in the chronology. Never exported as a date.
    pub date_of_birth: Option<NaiveDate>,
    /// Reviewer's notes.
    pub notes: String,
    /// Sex, age band, ethnicity, religion, language and disability, each
    /// with a decision whether it may be published.
    #[serde(default, skip_serializing_if = "SensitiveAttributes::is_empty")]
    pub attributes: SensitiveAttributes,
}

/// Whether a sensitive attribute may appear in exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Disclosure {
    /// Not decided yet: treated as withheld, and reported as a decision to make.
    #[default]
    Undecided,
    /// May be published.
    Publish,
    /// Never reaches an export.
    Withhold,
}

/// One sensitive attribute of a person with the decision on publishing it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SensitiveAttribute {
    /// The value as recorded, e.g. "White British".
    pub value: String,
    /// Publish or withhold.
    pub disclosure: Disclosure,
    /// Why, e.g. "needed to understand the interpreting issue".
    pub reason: String,
}

/// The sensitive attributes of a person.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SensitiveAttributes {
    /// Sex.
    pub sex: SensitiveAttribute,
    /// Age band, e.g. "under 1", "30-39".
    pub age_band: SensitiveAttribute,
    /// Ethnicity.
    pub ethnicity: SensitiveAttribute,
    /// Religion.
    pub religion: SensitiveAttribute,
    /// Language.
    pub language: SensitiveAttribute,
    /// Disability.
    pub disability: SensitiveAttribute,
}

impl SensitiveAttributes {
    /// Display names of the attributes, in the order of [`SensitiveAttributes::all`].
    pub const NAMES: [&'static str; 6] = [
        "sex",
        "age band",
        "ethnicity",
        "religion",
        "language",
        "disability",
    ];

    /// Every attribute with its display name.
    pub fn all(&self) -> [(&'static str, &SensitiveAttribute); 6] {
        [
            ("sex", &self.sex),
            ("age band", &self.age_band),
            ("ethnicity", &self.ethnicity),
            ("religion", &self.religion),
            ("language", &self.language),
            ("disability", &self.disability),
        ]
    }

    /// Every attribute, mutable, with its display name.
    pub fn all_mut(&mut self) -> [(&'static str, &mut SensitiveAttribute); 6] {
        [
            ("sex", &mut self.sex),
            ("age band", &mut self.age_band),
            ("ethnicity", &mut self.ethnicity),
            ("religion", &mut self.religion),
            ("language", &mut self.language),
            ("disability", &mut self.disability),
        ]
    }

    /// True when nothing is recorded.
    pub fn is_empty(&self) -> bool {
        self == &SensitiveAttributes::default()
    }
}

/// The kind of agency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum AgencyKind {
    /// Children's social care.
    ChildrensSocialCare,
    /// Police.
    Police,
    /// Health visiting.
    HealthVisiting,
    /// Midwifery.
    Midwifery,
    /// General practice.
    GeneralPractice,
    /// Hospital, including emergency departments.
    Hospital,
    /// Child and adolescent mental health services.
    Camhs,
    /// Adult mental health services.
    AdultMentalHealth,
    /// Substance misuse services.
    SubstanceMisuse,
    /// Schools and education services.
    Education,
    /// Nurseries and early years.
    EarlyYears,
    /// Probation.
    Probation,
    /// Housing.
    Housing,
    /// Voluntary and community sector.
    Voluntary,
    /// Adult social care.
    AdultSocialCare,
    /// Ambulance services.
    Ambulance,
    /// Youth justice (youth offending) services.
    YouthJustice,
    /// Dental services.
    Dental,
    /// Domestic abuse services (IDVAs, refuges).
    DomesticAbuse,
    /// A religious organisation: a mosque, church, temple or mission.
    Religious,
    /// Any other agency.
    #[default]
    Other,
}

/// An agency that worked with the family.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Agency {
    /// Stable id.
    pub id: Id,
    /// Real name, e.g. "Northbrook Children's Services".
    pub name: String,
    /// Other forms and abbreviations, e.g. "NCS".
    pub aliases: Vec<String>,
    /// The generic name used in exports, e.g. "Children's social care".
    pub generic_name: String,
    /// Kind of agency.
    pub kind: AgencyKind,
    /// True when `name` is only a type of agency ("GP", "Probation",
    /// "Midwifery"), as chronologies often name them: such a name
    /// identifies nobody and is neither replaced nor leak-checked.
    #[serde(default, skip_serializing_if = "is_false")]
    pub generic: bool,
    /// What the agency has returned to the review (format 3).
    #[serde(default, skip_serializing_if = "AgencyReturn::is_empty")]
    pub returned: AgencyReturn,
}

/// For `skip_serializing_if`: false is the default and is not written.
fn is_false(value: &bool) -> bool {
    !*value
}

/// The kind of place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum PlaceKind {
    /// A home address.
    Home,
    /// A school.
    School,
    /// A nursery or children's centre.
    Nursery,
    /// A hospital.
    Hospital,
    /// A GP practice or clinic.
    Clinic,
    /// Any other place.
    #[default]
    Other,
}

/// A place that could identify the family: a home, a school, a hospital.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Place {
    /// Stable id.
    pub id: Id,
    /// Real name or address.
    pub name: String,
    /// Other forms of the name.
    pub aliases: Vec<String>,
    /// The generic name used in exports, e.g. "Address 1", "Primary School".
    pub generic_name: String,
    /// Kind of place.
    pub kind: PlaceKind,
}
