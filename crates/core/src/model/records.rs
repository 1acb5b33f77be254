//! The records a review is made of, and the [`Review`] that holds them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{
    Action, AgencyReturn, FindingAsks, FindingResponse, Id, MergeConflict, Period,
    RapidReviewRecord, ReviewAccount, ReviewClock, ReviewDate,
};

/// The version of the review file this build writes.
///
/// - 1: the first released format.
/// - 2: adds the review's account of itself (`meta.account`) and, per
///   finding, what it asks (`asks`), `recommendations` and `references`.
///   A format-1 file reads unchanged (the new parts are empty); a build
///   that knows only format 1 refuses a format-2 file instead of dropping
///   the parts it does not know when it saves.
/// - 3: adds the review's clock (`meta.clock`), the rapid review's own
///   parts (`meta.rapid_review`) and, per agency, what it has returned
///   (`returned`). Format-1 and format-2 files read unchanged.
/// - 4: adds the unresolved conflicts of a merge (`meta.conflicts`), so
///   that a build that cannot show them never saves a merged file without
///   them. Older files read unchanged.
/// - 5: adds each finding's action plan (`response`, `actions`), so that a
///   build that cannot show it never saves a file without it, and, at the
///   end of the file, the revisions it descends from (`revisions`, see
///   [`crate::model::Lineage`]). Older files read unchanged.
pub const FORMAT_VERSION: u32 = 5;

/// The kind of review being carried out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ReviewType {
    /// A local child safeguarding practice review (England, 2018 onward).
    #[default]
    LocalPracticeReview,
    /// A serious case review in the SCIE Learning Together model.
    SeriousCaseReview,
    /// A rapid review within 15 working days of notification.
    RapidReview,
    /// A national review by the Child Safeguarding Practice Review Panel.
    NationalReview,
    /// A learning review of a case that does not meet the statutory criteria.
    LearningReview,
    /// A fictional worked example for training.
    TrainingExample,
}

/// The review method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Method {
    /// SCIE Learning Together (Fish, Munro and Bairstow 2008).
    #[default]
    LearningTogether,
    /// Significant Incident Learning Process.
    Silp,
    /// A hybrid of systems methods.
    Hybrid,
    /// Any other method, described in the terms of reference.
    Other,
}

/// The causation model the review uses to organise its analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum CausationModel {
    /// Learning Together contributory factors and underlying patterns.
    #[default]
    LearningTogether,
    /// Reason's Swiss cheese model: active failures and latent conditions.
    SwissCheese,
    /// Rasmussen's AcciMap levels.
    AcciMap,
    /// The Human Factors Analysis and Classification System.
    Hfacs,
    /// Causal Analysis based on STAMP.
    Cast,
}

/// Where the review is in its process.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ReviewStage {
    /// Identifying the case, the team and who to involve.
    #[default]
    Preparation,
    /// Gathering records and holding conversations.
    DataCollection,
    /// Key practice episodes and contributory factors.
    Analysis,
    /// Identifying and prioritising findings.
    Findings,
    /// Writing the report.
    Drafting,
    /// Quality assurance before publication.
    QualityAssurance,
    /// Published.
    Published,
}

/// The review's own details: what is being reviewed, by whom and how.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ReviewMeta {
    /// Title of the review, e.g. "Child A: a local child safeguarding practice review".
    pub title: String,
    /// The safeguarding partnership that commissioned it.
    pub partnership: String,
    /// Kind of review.
    pub review_type: ReviewType,
    /// Method.
    pub method: Method,
    /// Causation model.
    pub causation_model: CausationModel,
    /// Name of the factor taxonomy in `templates/taxonomies/`.
    pub taxonomy: String,
    /// Stage of the review.
    pub stage: ReviewStage,
    /// The period under review.
    pub period: Option<Period>,
    /// Why this case was chosen for review.
    pub why_reviewed: String,
    /// A succinct summary of the case.
    pub summary: String,
    /// Terms of reference or research questions.
    pub terms_of_reference: Vec<String>,
    /// Lead reviewers (public names).
    pub reviewers: Vec<String>,
    /// True for a worked example used in training; exports say so on every page.
    pub worked_example: bool,
    /// How exports anonymise the review: date policy, allow-list and the
    /// reviewer's decisions on single occurrences.
    #[serde(default, skip_serializing_if = "AnonymisationSettings::is_default")]
    pub anonymisation: AnonymisationSettings,
    /// Phrases the language lint found that the reviewer kept, with why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accepted_language: Vec<AcceptedPhrase>,
    /// What the published report says about the review itself: executive
    /// summary, the child, family involvement, the review process and the
    /// partnership's response (format 2).
    #[serde(default, skip_serializing_if = "ReviewAccount::is_empty")]
    pub account: ReviewAccount,
    /// The review's statutory clock: the dates that drive its timetable
    /// (format 3).
    #[serde(default, skip_serializing_if = "ReviewClock::is_empty")]
    pub clock: ReviewClock,
    /// What a rapid review sets out besides the chronology and episodes
    /// (format 3).
    #[serde(default, skip_serializing_if = "RapidReviewRecord::is_empty")]
    pub rapid_review: RapidReviewRecord,
    /// Conflicts a merge of two copies of the review left for the reviewers
    /// to resolve (format 4): while any remains, the review holds the
    /// first copy's value there, `foresight validate` reports it and
    /// publication is blocked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<MergeConflict>,
}

/// A phrase the language lint found that the reviewer decided to keep,
/// with the reason: recorded in the review, so the decision travels with it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AcceptedPhrase {
    /// The record the phrase is in.
    pub record: Id,
    /// The field, e.g. "statement", "questions[2]".
    pub field: String,
    /// The phrase in lower case, e.g. "failed to".
    pub phrase: String,
    /// Why it stays.
    pub reason: String,
}

/// How dates in free text are coarsened for publication.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum DatePolicy {
    /// "3 April 2021" becomes "April 2021".
    #[default]
    MonthYear,
    /// "3 April 2021" becomes "when Child A was 1 year 2 months old".
    ChildAge,
    /// "3 April 2021" becomes "month 4" of the period under review.
    MonthsSinceStart,
}

/// The reviewer's decision on one occurrence found by anonymisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum OverrideAction {
    /// Leave the original text: it is an ordinary word here, not a name.
    #[default]
    Keep,
    /// Replace it, although anonymisation would have left it.
    Replace,
}

/// One occurrence the reviewer decided on, found again by its record, its
/// field and the words around it (so that edits elsewhere do not lose it).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AnonymisationOverride {
    /// The record the occurrence is in.
    pub record: Id,
    /// The field, e.g. "text", "what_happened", "questions[2]".
    pub field: String,
    /// The text as it occurs, e.g. "Will".
    pub text: String,
    /// The word before it, lower case ("" at the start of the field).
    pub before: String,
    /// The word after it, lower case ("" at the end of the field).
    pub after: String,
    /// What to do there.
    pub action: OverrideAction,
}

/// A review's anonymisation settings.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AnonymisationSettings {
    /// How dates in free text are coarsened.
    pub date_policy: DatePolicy,
    /// The child whose age dates become under [`DatePolicy::ChildAge`];
    /// the first subject child when not set.
    pub age_of: Option<Id>,
    /// Words and phrases that are not identifying (an acronym such as "SW",
    /// a research web address): never replaced when generated from a name,
    /// never reported by the residual scan.
    pub allow: Vec<String>,
    /// Decisions on single occurrences.
    pub overrides: Vec<AnonymisationOverride>,
    /// The kinds of sensitive detail the reviewer chose to publish, each
    /// with the reason; every other kind is withheld or generalised in
    /// published text (see [`SensitiveCategory`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub publish_sensitive: Vec<SensitivePublication>,
}

/// A kind of personal detail that published text withholds or
/// generalises unless the reviewer decides otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum SensitiveCategory {
    /// Ages: "aged 23", "23-year-old", "23yo", "age 4 months".
    #[default]
    Ages,
    /// Health details: screening scores ("PHQ-9 score 18", "EPDS 14")
    /// and diagnoses.
    Health,
    /// Medication names and doses: "sertraline 100mg", "methadone 60ml".
    Medication,
    /// Amounts of money: "£1,240 rent arrears", benefit sanctions, debts.
    Finances,
    /// Exact times of day: "14:30", "2.30pm", "at 0300hrs".
    Times,
}

impl SensitiveCategory {
    /// Every category, in the order the panel shows them.
    pub const ALL: [SensitiveCategory; 5] = [
        SensitiveCategory::Ages,
        SensitiveCategory::Health,
        SensitiveCategory::Medication,
        SensitiveCategory::Finances,
        SensitiveCategory::Times,
    ];

    /// The word the command line uses: "ages", "health", "medication",
    /// "finances", "times".
    pub fn key(self) -> &'static str {
        match self {
            SensitiveCategory::Ages => "ages",
            SensitiveCategory::Health => "health",
            SensitiveCategory::Medication => "medication",
            SensitiveCategory::Finances => "finances",
            SensitiveCategory::Times => "times",
        }
    }

    /// The category a command-line word names, ignoring case.
    pub fn from_key(key: &str) -> Option<SensitiveCategory> {
        let key = key.trim().to_ascii_lowercase();
        SensitiveCategory::ALL.into_iter().find(|c| c.key() == key)
    }

    /// A description for lists, e.g. "health detail".
    pub fn label(self) -> &'static str {
        match self {
            SensitiveCategory::Ages => "age",
            SensitiveCategory::Health => "health detail",
            SensitiveCategory::Medication => "medication or dose",
            SensitiveCategory::Finances => "amount of money",
            SensitiveCategory::Times => "time of day",
        }
    }
}

/// The reviewer's decision to publish one kind of sensitive detail.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SensitivePublication {
    /// The kind published.
    pub category: SensitiveCategory,
    /// Why the reviewer publishes it (required).
    pub reason: String,
}

impl AnonymisationSettings {
    /// True when nothing differs from the defaults (so files without
    /// settings stay as they were).
    pub fn is_default(&self) -> bool {
        self == &AnonymisationSettings::default()
    }

    /// True when the reviewer chose to publish this kind of detail.
    pub fn publishes(&self, category: SensitiveCategory) -> bool {
        self.publish_sensitive
            .iter()
            .any(|p| p.category == category)
    }
}

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

/// Where an imported chronology entry came from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct EntrySource {
    /// The file name it was imported from (no folder).
    pub file: String,
    /// The 1-based row in that file.
    pub row: u32,
}

/// One dated entry of the multi-agency chronology.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChronologyEntry {
    /// Stable id.
    pub id: Id,
    /// When it happened, at the precision the agency recorded.
    pub date: ReviewDate,
    /// The agency whose record this is.
    #[serde(default)]
    pub agency: Option<Id>,
    /// The author's role, e.g. "Health visitor".
    #[serde(default)]
    pub author: String,
    /// What the record says.
    #[serde(default)]
    pub text: String,
    /// People mentioned.
    #[serde(default)]
    pub people: Vec<Id>,
    /// The file and row it was imported from.
    #[serde(default)]
    pub source: Option<EntrySource>,
}

/// Yes, no, or not known: for questions such as "was the child seen?".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Answer {
    /// Yes.
    Yes,
    /// No.
    No,
    /// Not known or not recorded.
    #[default]
    NotKnown,
}

/// Whether the child was at the centre of an episode.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ChildFocus {
    /// Was the child seen?
    pub seen: Answer,
    /// Were the child's views sought?
    pub views_sought: Answer,
    /// What the child said or showed, as recorded.
    pub views: String,
}

/// The review team's appraisal of an episode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Appraisal {
    /// Not yet appraised.
    #[default]
    NotAppraised,
    /// Good practice.
    Good,
    /// Problematic practice.
    Problematic,
    /// Parts good, parts problematic.
    Mixed,
}

/// The practitioners' mindset during an episode, in the words of the
/// Learning Together case-group questions (SCIE Guide 24, Appendix 3): the
/// local rationality asked about question by question.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Mindset {
    /// What did you think was going on?
    pub going_on: String,
    /// What was behind your thinking (reasons and emotions)?
    pub reasons: String,
    /// What information was at the front of your mind?
    pub front_of_mind: String,
    /// What else was occupying you?
    pub occupying: String,
    /// What were your main concerns, and did they conflict?
    pub concerns: String,
    /// What were you hoping to achieve?
    pub hoping: String,
    /// What options did you think you had?
    pub options: String,
}

impl Mindset {
    /// The questions, in the order of [`Mindset::answers`].
    pub const QUESTIONS: [&'static str; 7] = [
        "What did you think was going on?",
        "What was behind your thinking (reasons and emotions)?",
        "What information was at the front of your mind?",
        "What else was occupying you?",
        "What were your main concerns, and did they conflict?",
        "What were you hoping to achieve?",
        "What options did you think you had?",
    ];

    /// The answers, in the order of [`Mindset::QUESTIONS`].
    pub fn answers(&self) -> [&str; 7] {
        [
            &self.going_on,
            &self.reasons,
            &self.front_of_mind,
            &self.occupying,
            &self.concerns,
            &self.hoping,
            &self.options,
        ]
    }

    /// The answer to question `i` (0–6) for editing; question 7 and beyond
    /// are the last.
    pub fn answer_mut(&mut self, i: usize) -> &mut String {
        match i {
            0 => &mut self.going_on,
            1 => &mut self.reasons,
            2 => &mut self.front_of_mind,
            3 => &mut self.occupying,
            4 => &mut self.concerns,
            5 => &mut self.hoping,
            _ => &mut self.options,
        }
    }

    /// True when no question has an answer (the file then leaves it out).
    pub fn is_empty(&self) -> bool {
        self.answers().iter().all(|a| a.is_empty())
    }
}

/// A key practice episode: a moment or period significant to how the case
/// developed, analysed for why practice made sense at the time.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PracticeEpisode {
    /// Stable id.
    pub id: Id,
    /// Short title.
    pub title: String,
    /// Start of the episode.
    pub start: Option<ReviewDate>,
    /// End of the episode, when it spans a period.
    pub end: Option<ReviewDate>,
    /// The chronology entries it draws on.
    pub entries: Vec<Id>,
    /// Practitioners involved.
    pub people: Vec<Id>,
    /// What happened, briefly.
    pub what_happened: String,
    /// Why it made sense at the time: the local rationality.
    pub local_rationality: String,
    /// The practitioners' view at the time, question by question (SCIE
    /// Learning Together, Appendix 3).
    #[serde(default, skip_serializing_if = "Mindset::is_empty")]
    pub mindset: Mindset,
    /// Appraisal of the practice.
    pub appraisal: Appraisal,
    /// Against which standard the appraisal was made.
    pub appraisal_note: String,
    /// Was the child seen and heard.
    pub child_focus: ChildFocus,
}

/// Whether a factor made good practice easier or problems more likely.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Influence {
    /// Made problematic practice more likely.
    #[default]
    MadeProblemsMoreLikely,
    /// Supported good practice.
    SupportedGoodPractice,
}

/// A contributing factor: something in the workplace that shaped practice.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ContributingFactor {
    /// Stable id.
    pub id: Id,
    /// The factor, stated as a condition of work, not as a fault.
    pub statement: String,
    /// Level id from the review's taxonomy, e.g. "frontline".
    pub level: String,
    /// Category id from the review's taxonomy, e.g. "conditions-of-work".
    pub category: String,
    /// Its influence on practice.
    pub influence: Influence,
    /// Evidence and notes.
    pub evidence: String,
}

/// The level of the system a latent condition sits at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum SystemLevel {
    /// One team.
    #[default]
    Team,
    /// One organisation.
    Organisation,
    /// The multi-agency partnership.
    Partnership,
    /// National policy, regulation or funding.
    National,
}

impl SystemLevel {
    /// All levels, nearest the front line first.
    pub const ALL: [SystemLevel; 4] = [
        SystemLevel::Team,
        SystemLevel::Organisation,
        SystemLevel::Partnership,
        SystemLevel::National,
    ];

    /// Display name.
    pub fn label(self) -> &'static str {
        match self {
            SystemLevel::Team => "Team",
            SystemLevel::Organisation => "Organisation",
            SystemLevel::Partnership => "Partnership",
            SystemLevel::National => "National",
        }
    }
}

/// A latent condition: a long-standing feature of the system, created away
/// from the front line, that produces contributing factors.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct LatentCondition {
    /// Stable id.
    pub id: Id,
    /// The condition.
    pub statement: String,
    /// Level of the system.
    pub level: SystemLevel,
    /// How long it has persisted, e.g. "since the 2019 restructure".
    pub since: String,
}

/// The reviewer's tag on a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum FindingTag {
    /// Not yet tagged; a publication export refuses untagged findings.
    #[default]
    Untagged,
    /// A systems finding that explains why: publishable.
    Learning,
    /// A finding that attributes fault to individuals: never published.
    Blame,
}

/// A finding in the systems format: a generic statement about how the system
/// works, shown in this case, with evidence that it is wider than this case.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Finding {
    /// Stable id.
    pub id: Id,
    /// Short title.
    pub title: String,
    /// The finding statement: general, present tense, about the system.
    pub statement: String,
    /// Underlying-pattern category id from the review's taxonomy.
    pub category: String,
    /// Learning, blame or untagged.
    pub tag: FindingTag,
    /// Why the reviewer tagged it so.
    pub tag_reason: String,
    /// A short framing of the issue.
    pub introduction: String,
    /// How did the issue show in this case?
    pub in_this_case: String,
    /// How do we know it is an underlying issue and not peculiar to this case?
    pub systemic_evidence: String,
    /// What is known about it more widely?
    pub wider_knowledge: String,
    /// Why does it matter?
    pub why_it_matters: String,
    /// Questions for the partnership to consider.
    pub questions: Vec<String>,
    /// What the published finding asks: questions, recommendations or both
    /// (format 2).
    #[serde(default, skip_serializing_if = "FindingAsks::is_default")]
    pub asks: FindingAsks,
    /// Recommendations, where the partnership prefers them (format 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recommendations: Vec<String>,
    /// Research, guidance and reviews the finding draws on, one reference
    /// per item, for the report's reference list (format 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<String>,
    /// The partnership's response to what the finding asks: accepted,
    /// accepted in part or not accepted, and why.
    #[serde(default, skip_serializing_if = "FindingResponse::is_empty")]
    pub response: FindingResponse,
    /// The partnership's actions in answer to the finding.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
}

/// A variable of a causal loop diagram: a noun phrase that can rise or fall.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Variable {
    /// Stable id.
    pub id: Id,
    /// Name, e.g. "Compliance with Prescriptions".
    pub name: String,
    /// What it measures, and notes.
    pub description: String,
}

/// The polarity of a causal link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Polarity {
    /// Same direction: if A rises, B rises.
    #[serde(rename = "S")]
    Same,
    /// Opposite direction: if A rises, B falls.
    #[serde(rename = "O")]
    Opposite,
}

impl Polarity {
    /// "S" or "O".
    pub fn letter(self) -> &'static str {
        match self {
            Polarity::Same => "S",
            Polarity::Opposite => "O",
        }
    }
}

/// What a link between two records means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LinkKind {
    /// A contributing factor (or condition) contributed to an episode or factor.
    ContributedTo,
    /// A latent condition underlies a factor or another condition.
    Underlies,
    /// An episode, factor, condition or variable is evidence for a finding.
    Evidences,
    /// A causal link of a causal loop diagram.
    Causal {
        /// Same or opposite direction.
        polarity: Polarity,
        /// True when the effect takes time to show (drawn ‖).
        delay: bool,
    },
}

impl LinkKind {
    /// Display name.
    pub fn label(self) -> &'static str {
        match self {
            LinkKind::ContributedTo => "contributed to",
            LinkKind::Underlies => "underlies",
            LinkKind::Evidences => "evidences",
            LinkKind::Causal { .. } => "causal",
        }
    }
}

/// A directed link between two records.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// Stable id.
    pub id: Id,
    /// The record the link starts at.
    pub from: Id,
    /// The record the link points to.
    pub to: Id,
    /// What the link means.
    pub kind: LinkKind,
    /// Notes and evidence for the link.
    #[serde(default)]
    pub note: String,
}

/// A feedback loop the reviewer has named, e.g. "Comply!".
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct NamedLoop {
    /// Stable id.
    pub id: Id,
    /// The name.
    pub name: String,
    /// The label drawn inside the loop, e.g. "B1".
    pub label: String,
    /// The variables of the loop in loop order.
    pub variables: Vec<Id>,
    /// What the loop does and why it matters.
    pub narrative: String,
    /// Findings the loop explains.
    pub findings: Vec<Id>,
}

/// The kind of a diagram, which decides its default layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum DiagramKind {
    /// Episodes, factors, conditions and findings.
    #[default]
    CaseMap,
    /// A causal loop diagram.
    CausalLoop,
}

/// The position of one record on a diagram.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DiagramNode {
    /// The record shown.
    pub item: Id,
    /// Horizontal position of the node's centre.
    pub x: f32,
    /// Vertical position of the node's centre (downwards).
    pub y: f32,
}

/// One step of a step-by-step presentation of a diagram.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Stage {
    /// Title shown while this stage is on screen.
    pub title: String,
    /// Speaker notes for the presenter.
    pub notes: String,
    /// Records (nodes or links) first shown at this stage.
    pub reveal: Vec<Id>,
}

/// A named view over the review's records, with positions and optional
/// presentation stages. Layout only: it holds no meaning of its own.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Diagram {
    /// Stable id.
    pub id: Id,
    /// Name, e.g. "Case map".
    pub name: String,
    /// Kind of diagram.
    pub kind: DiagramKind,
    /// The records shown and where.
    pub nodes: Vec<DiagramNode>,
    /// Presentation stages, in order.
    pub stages: Vec<Stage>,
}

impl Diagram {
    /// The position of a record on this diagram.
    pub fn position(&self, item: &Id) -> Option<(f32, f32)> {
        self.nodes
            .iter()
            .find(|n| &n.item == item)
            .map(|n| (n.x, n.y))
    }
}

/// A whole review: the single source of truth.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Review {
    /// File format version; see [`FORMAT_VERSION`].
    pub format_version: u32,
    /// The review's details.
    #[serde(default)]
    pub meta: ReviewMeta,
    /// The people in the case.
    #[serde(default)]
    pub people: Vec<Person>,
    /// The agencies involved.
    #[serde(default)]
    pub agencies: Vec<Agency>,
    /// Identifying places.
    #[serde(default)]
    pub places: Vec<Place>,
    /// The multi-agency chronology.
    #[serde(default)]
    pub chronology: Vec<ChronologyEntry>,
    /// Key practice episodes.
    #[serde(default)]
    pub episodes: Vec<PracticeEpisode>,
    /// Contributing factors.
    #[serde(default)]
    pub factors: Vec<ContributingFactor>,
    /// Latent conditions.
    #[serde(default)]
    pub conditions: Vec<LatentCondition>,
    /// Findings.
    #[serde(default)]
    pub findings: Vec<Finding>,
    /// Causal loop diagram variables.
    #[serde(default)]
    pub variables: Vec<Variable>,
    /// Links of every kind.
    #[serde(default)]
    pub links: Vec<Link>,
    /// Named feedback loops.
    #[serde(default)]
    pub named_loops: Vec<NamedLoop>,
    /// Diagrams (layout and presentation stages).
    #[serde(default)]
    pub diagrams: Vec<Diagram>,
}

impl Default for Review {
    fn default() -> Self {
        Review {
            format_version: FORMAT_VERSION,
            meta: ReviewMeta {
                taxonomy: "learning-together".to_string(),
                ..ReviewMeta::default()
            },
            people: Vec::new(),
            agencies: Vec::new(),
            places: Vec::new(),
            chronology: Vec::new(),
            episodes: Vec::new(),
            factors: Vec::new(),
            conditions: Vec::new(),
            findings: Vec::new(),
            variables: Vec::new(),
            links: Vec::new(),
            named_loops: Vec::new(),
            diagrams: Vec::new(),
        }
    }
}

impl Review {
    /// A new, empty review with a title.
    pub fn new(title: impl Into<String>) -> Review {
        let mut review = Review::default();
        review.meta.title = title.into();
        review
    }

    /// A copy of the review without its chronology: the rest of a review
    /// is small, its chronology may be very long.
    pub fn without_chronology(&self) -> Review {
        // Every field is named, so that a new one cannot be left out unawares.
        let Review {
            format_version,
            meta,
            people,
            agencies,
            places,
            chronology: _,
            episodes,
            factors,
            conditions,
            findings,
            variables,
            links,
            named_loops,
            diagrams,
        } = self;
        Review {
            format_version: *format_version,
            meta: meta.clone(),
            people: people.clone(),
            agencies: agencies.clone(),
            places: places.clone(),
            chronology: Vec::new(),
            episodes: episodes.clone(),
            factors: factors.clone(),
            conditions: conditions.clone(),
            findings: findings.clone(),
            variables: variables.clone(),
            links: links.clone(),
            named_loops: named_loops.clone(),
            diagrams: diagrams.clone(),
        }
    }
}
