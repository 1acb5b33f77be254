//! What happened and why: chronology entries, key practice episodes (with
//! the practitioners' mindset and the child's focus), contributing factors,
//! latent conditions and findings.

use serde::{Deserialize, Serialize};

use super::*;

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
