//! The records a review is made of, and the [`Review`] that holds them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Id, Period, ReviewDate};

/// The version of the review file this build writes.
pub const FORMAT_VERSION: u32 = 1;

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
}
