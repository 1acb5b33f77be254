//! The review's own details: its type, method and stage, the file format
//! version, the reviewers' accepted phrases, and the anonymisation and
//! sensitive-data settings.

use serde::{Deserialize, Serialize};

use super::*;

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
