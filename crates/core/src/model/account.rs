//! What a published review says about itself besides its analysis: the
//! executive summary, the child, the family's involvement, how the review
//! was done and what the partnership has done since. These are written by
//! the reviewers (the report never invents them) and published after
//! anonymisation like every other free text.

use serde::{Deserialize, Serialize};

use super::Answer;

/// The review's account of itself, in the order a published review gives
/// it. Every part may be empty while the review is being drafted; the
/// report leaves out a part with nothing written and the publication check
/// says which parts are still empty.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ReviewAccount {
    /// The date the cover gives, as the partnership writes it ("March
    /// 2024").
    pub cover_date: String,
    /// The executive summary: the case, the review and what it found, in a
    /// page a busy reader can take in.
    pub executive_summary: String,
    /// Key messages for practitioners and leaders, one per item. When
    /// empty, the report lists the findings' statements instead.
    pub key_messages: Vec<String>,
    /// The child as a person, not as a case.
    pub child: ChildAccount,
    /// How the family took part in the review and what they said.
    pub family: FamilyInvolvement,
    /// How the review was carried out.
    pub process: ReviewProcess,
    /// What the partnership has done and will do.
    pub response: PartnershipResponse,
}

impl ReviewAccount {
    /// True when nothing has been written in any part.
    pub fn is_empty(&self) -> bool {
        *self == ReviewAccount::default()
    }
}

/// The child as the reviewers came to know them.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ChildAccount {
    /// Who the child was or is.
    pub who: String,
    /// What they enjoyed, were good at, what made them laugh.
    pub enjoyed: String,
    /// Their identity, culture, faith and language, as far as the family
    /// wishes them published.
    pub identity: String,
    /// Their daily life and experience during the period, in the reviewers'
    /// words.
    pub lived_experience: String,
}

impl ChildAccount {
    /// True when nothing has been written.
    pub fn is_empty(&self) -> bool {
        [
            &self.who,
            &self.enjoyed,
            &self.identity,
            &self.lived_experience,
        ]
        .iter()
        .all(|t| t.trim().is_empty())
    }
}

/// How the family was involved in the review.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct FamilyInvolvement {
    /// Who was invited to take part, and how.
    pub invited: String,
    /// Who took part and how (met the reviewers, wrote, by phone…).
    pub took_part: String,
    /// Who declined or could not take part, and why, as far as it can be
    /// said.
    pub declined: String,
    /// Whether the family saw the draft report before publication.
    pub saw_draft: Answer,
    /// Their views, in their own words where they agreed.
    pub views: String,
}

impl FamilyInvolvement {
    /// True when nothing has been written or answered.
    pub fn is_empty(&self) -> bool {
        self.saw_draft == Answer::NotKnown
            && [&self.invited, &self.took_part, &self.declined, &self.views]
                .iter()
                .all(|t| t.trim().is_empty())
    }
}

/// One member of the review team: a role and an agency, never a name of a
/// practitioner (reviewers' own names are in the review's details).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct TeamMember {
    /// Their role on the team, e.g. "Designated nurse".
    pub role: String,
    /// The agency they come from (its generic name), or "Independent".
    pub agency: String,
}

/// How the review was carried out.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ReviewProcess {
    /// The review team (panel) by agency and role.
    pub team: Vec<TeamMember>,
    /// The lead reviewers' independence from the agencies involved.
    pub independence: String,
    /// How practitioners took part: the case group, conversations,
    /// learning events.
    pub practitioners: String,
    /// Parallel processes (criminal proceedings, an inquest, disciplinary
    /// processes) and their effect on the review and its timing.
    pub parallel_processes: String,
    /// What the review could not do or see.
    pub limitations: String,
    /// The review's timescale: when it started and finished, and why any
    /// delay.
    pub timescale: String,
}

impl ReviewProcess {
    /// True when nothing has been written.
    pub fn is_empty(&self) -> bool {
        self.team.is_empty()
            && [
                &self.independence,
                &self.practitioners,
                &self.parallel_processes,
                &self.limitations,
                &self.timescale,
            ]
            .iter()
            .all(|t| t.trim().is_empty())
    }
}

/// The partnership's response to the review.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PartnershipResponse {
    /// The partnership's response to the findings.
    pub response: String,
    /// Action already taken while the review was under way.
    pub action_taken: String,
}

impl PartnershipResponse {
    /// True when nothing has been written.
    pub fn is_empty(&self) -> bool {
        self.response.trim().is_empty() && self.action_taken.trim().is_empty()
    }
}

/// What a finding asks of the partnership: questions to consider (the
/// Learning Together way), recommendations (where a partnership prefers
/// them), or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum FindingAsks {
    /// Questions for the partnership to consider.
    #[default]
    Questions,
    /// Recommendations.
    Recommendations,
    /// Questions and recommendations.
    Both,
}

impl FindingAsks {
    /// Every choice, in menu order.
    pub const ALL: [FindingAsks; 3] = [
        FindingAsks::Questions,
        FindingAsks::Recommendations,
        FindingAsks::Both,
    ];

    /// True when the finding's questions are published.
    pub fn questions(self) -> bool {
        self != FindingAsks::Recommendations
    }

    /// True when the finding's recommendations are published.
    pub fn recommendations(self) -> bool {
        self != FindingAsks::Questions
    }

    /// True for the default, so that files stay as they were.
    pub fn is_default(&self) -> bool {
        *self == FindingAsks::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_with_only_spaces_is_empty_in_each_part() {
        let mut account = ReviewAccount::default();
        assert!(account.is_empty());
        account.child.who = "  ".into();
        account.process.limitations = "\n".into();
        assert!(account.child.is_empty());
        assert!(account.process.is_empty());
        account.family.saw_draft = Answer::Yes;
        assert!(!account.family.is_empty());
        account.process.team.push(TeamMember::default());
        assert!(!account.process.is_empty());
    }

    #[test]
    fn what_a_finding_asks_publishes_questions_recommendations_or_both() {
        use FindingAsks::*;
        assert!(Questions.questions() && !Questions.recommendations());
        assert!(!Recommendations.questions() && Recommendations.recommendations());
        assert!(Both.questions() && Both.recommendations());
    }
}
