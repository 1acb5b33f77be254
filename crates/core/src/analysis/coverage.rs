//! Why-coverage: how far the review explains *why*, not only *what*.
//!
//! Reviews have been "generally successful at identifying what had happened
//! to the child concerned, but less effective at addressing why" (Ofsted,
//! quoted in the Munro review). These figures show where the explanation is
//! still missing, each gap naming the record that causes it:
//!
//! - episodes with a contributing factor and a local-rationality account;
//! - contributing factors traced to a latent condition;
//! - findings tagged learning, with evidence that they are systemic and a
//!   question for the partnership;
//! - episodes where the child was seen and their views recorded;
//! - open language-lint hits;
//! - the balance of words between what happened and why.

use std::collections::{HashMap, HashSet};

use super::language::FieldHit;
use crate::model::{
    Answer, Appraisal, FindingTag, Id, LinkKind, PracticeEpisode, RecordKind, Review,
};

/// A share: how many of how many.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Share {
    /// How many meet the measure.
    pub done: usize,
    /// How many there are.
    pub of: usize,
}

impl Share {
    /// The share as a whole percentage; 100 when there is nothing to count.
    pub fn percent(self) -> u32 {
        if self.of == 0 {
            100
        } else {
            (self.done as f64 * 100.0 / self.of as f64).round() as u32
        }
    }

    /// "3 of 4 (75%)", or "none yet" when there is nothing to count.
    pub fn describe(self) -> String {
        if self.of == 0 {
            "none yet".to_string()
        } else {
            format!("{} of {} ({}%)", self.done, self.of, self.percent())
        }
    }
}

/// The measures of why-coverage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Measure {
    /// Episodes with a contributing factor and a local-rationality account.
    EpisodesExplained,
    /// Contributing factors traced to a latent condition.
    FactorsTraced,
    /// Findings tagged learning, with systemic evidence and a question.
    SystemsFindings,
    /// Episodes where the child was seen and their views recorded.
    ChildSeenAndHeard,
    /// Episodes appraised as problematic or mixed practice that say why:
    /// an appraisal note and a local-rationality account.
    ProblemsExplained,
    /// Phrases of hindsight or blame still open.
    OpenLanguage,
}

impl Measure {
    /// Every measure, in display order.
    pub const ALL: [Measure; 6] = [
        Measure::EpisodesExplained,
        Measure::FactorsTraced,
        Measure::SystemsFindings,
        Measure::ChildSeenAndHeard,
        Measure::ProblemsExplained,
        Measure::OpenLanguage,
    ];

    /// What the measure counts, for a heading.
    pub fn label(self) -> &'static str {
        match self {
            Measure::EpisodesExplained => {
                "Episodes with a contributing factor and a local-rationality account"
            }
            Measure::FactorsTraced => "Contributing factors traced to a latent condition",
            Measure::SystemsFindings => {
                "Findings tagged learning, with evidence that they are systemic and a question"
            }
            Measure::ChildSeenAndHeard => {
                "Episodes where the child was seen and their views recorded"
            }
            Measure::ProblemsExplained => {
                "Problematic or mixed practice with a why (appraisal note and local rationality)"
            }
            Measure::OpenLanguage => "Open hindsight and blame language",
        }
    }
}

/// One gap in the coverage, caused by one record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    /// The measure it counts against.
    pub measure: Measure,
    /// The record that causes it.
    pub record: Id,
    /// The kind of that record.
    pub kind: RecordKind,
    /// What is missing, e.g. "no contributing factor".
    pub message: String,
}

/// The why-coverage of a review.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Coverage {
    /// Episodes with a contributing factor and a local-rationality account.
    pub episodes_explained: Share,
    /// Contributing factors traced to a latent condition.
    pub factors_traced: Share,
    /// Findings tagged learning, with systemic evidence and a question.
    pub systems_findings: Share,
    /// Findings tagged learning (whatever else they have).
    pub findings_learning: Share,
    /// Episodes where the child was seen and their views recorded.
    pub child_seen_and_heard: Share,
    /// Episodes appraised as problematic or mixed that say why.
    pub problems_explained: Share,
    /// Language-lint hits neither rewritten nor accepted.
    pub open_language: usize,
    /// Language-lint hits accepted with a reason.
    pub accepted_language: usize,
    /// Words describing what happened: chronology entries, episodes' "what
    /// happened", findings' "how it showed in this case".
    pub what_words: usize,
    /// Words explaining why: local rationality and mindset, appraisal
    /// standards, factors, conditions, and findings' statements, evidence,
    /// wider knowledge, why it matters and questions.
    pub why_words: usize,
    /// Every gap, measure by measure, in record order.
    pub gaps: Vec<Gap>,
}

impl Coverage {
    /// The share of a measure (for open language: hits closed of all hits).
    pub fn share(&self, measure: Measure) -> Share {
        match measure {
            Measure::EpisodesExplained => self.episodes_explained,
            Measure::FactorsTraced => self.factors_traced,
            Measure::SystemsFindings => self.systems_findings,
            Measure::ChildSeenAndHeard => self.child_seen_and_heard,
            Measure::ProblemsExplained => self.problems_explained,
            Measure::OpenLanguage => Share {
                done: self.accepted_language,
                of: self.accepted_language + self.open_language,
            },
        }
    }

    /// The gaps of one measure.
    pub fn gaps_of(&self, measure: Measure) -> impl Iterator<Item = &Gap> {
        self.gaps.iter().filter(move |g| g.measure == measure)
    }

    /// The share of words that explain why, as a whole percentage.
    pub fn why_percent(&self) -> u32 {
        Share {
            done: self.why_words,
            of: self.what_words + self.why_words,
        }
        .percent()
    }

    /// "What happened 1,200 words, why 3,400 words (74% why)".
    pub fn balance(&self) -> String {
        format!(
            "what happened {} words, why {} words ({}% why)",
            self.what_words,
            self.why_words,
            self.why_percent()
        )
    }
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// True when the episode has an account of why practice made sense then.
fn has_local_rationality(e: &PracticeEpisode) -> bool {
    !e.local_rationality.trim().is_empty()
        || e.mindset.answers().iter().any(|a| !a.trim().is_empty())
}

/// The why-coverage of a review, given its language-lint hits (see
/// [`super::language::lint_review`]).
pub fn coverage(review: &Review, language: &[FieldHit]) -> Coverage {
    let mut c = Coverage::default();
    let mut gaps = Vec::new();
    let mut gap = |measure, record: &Id, kind, message: String| {
        gaps.push(Gap {
            measure,
            record: record.clone(),
            kind,
            message,
        })
    };

    // Episodes: factors and local rationality.
    let kinds: HashMap<&Id, RecordKind> = review
        .factors
        .iter()
        .map(|f| (&f.id, RecordKind::Factor))
        .chain(
            review
                .conditions
                .iter()
                .map(|x| (&x.id, RecordKind::Condition)),
        )
        .collect();
    let with_factor: HashSet<&Id> = review
        .links
        .iter()
        .filter(|l| l.kind == LinkKind::ContributedTo && kinds.contains_key(&l.from))
        .map(|l| &l.to)
        .collect();
    let mut explained = Share {
        done: 0,
        of: review.episodes.len(),
    };
    let mut heard = explained;
    let mut problems = Share { done: 0, of: 0 };
    for e in &review.episodes {
        if matches!(e.appraisal, Appraisal::Problematic | Appraisal::Mixed) {
            problems.of += 1;
            let note = !e.appraisal_note.trim().is_empty();
            match (note, has_local_rationality(e)) {
                (true, true) => problems.done += 1,
                (false, true) => gap(
                    Measure::ProblemsExplained,
                    &e.id,
                    RecordKind::Episode,
                    "appraised as problematic practice without a note on why".into(),
                ),
                (true, false) => gap(
                    Measure::ProblemsExplained,
                    &e.id,
                    RecordKind::Episode,
                    "appraised as problematic practice without a local-rationality account".into(),
                ),
                (false, false) => gap(
                    Measure::ProblemsExplained,
                    &e.id,
                    RecordKind::Episode,
                    "appraised as problematic practice with neither a note on why nor a local-rationality account".into(),
                ),
            }
        }
        let factor = with_factor.contains(&e.id);
        let rationality = has_local_rationality(e);
        let kind = RecordKind::Episode;
        match (factor, rationality) {
            (true, true) => explained.done += 1,
            (false, true) => gap(
                Measure::EpisodesExplained,
                &e.id,
                kind,
                "no contributing factor".into(),
            ),
            (true, false) => gap(
                Measure::EpisodesExplained,
                &e.id,
                kind,
                "no local-rationality account".into(),
            ),
            (false, false) => gap(
                Measure::EpisodesExplained,
                &e.id,
                kind,
                "no contributing factor and no local-rationality account".into(),
            ),
        }
        let views = !e.child_focus.views.trim().is_empty();
        match (e.child_focus.seen, views) {
            (Answer::Yes, true) => heard.done += 1,
            (Answer::Yes, false) => gap(
                Measure::ChildSeenAndHeard,
                &e.id,
                kind,
                "the child's views are not recorded".into(),
            ),
            (Answer::No, _) => gap(
                Measure::ChildSeenAndHeard,
                &e.id,
                kind,
                "the child was not seen".into(),
            ),
            (Answer::NotKnown, _) => gap(
                Measure::ChildSeenAndHeard,
                &e.id,
                kind,
                "not recorded whether the child was seen".into(),
            ),
        }
    }

    // Factors traced to a latent condition, directly or through other factors.
    let conditions: HashSet<&Id> = review.conditions.iter().map(|x| &x.id).collect();
    let factors: HashSet<&Id> = review.factors.iter().map(|f| &f.id).collect();
    let mut traced: HashSet<&Id> = HashSet::new();
    let feeding =
        |l: &&crate::model::Link| matches!(l.kind, LinkKind::Underlies | LinkKind::ContributedTo);
    loop {
        let before = traced.len();
        for l in review.links.iter().filter(feeding) {
            if factors.contains(&l.to) && (conditions.contains(&l.from) || traced.contains(&l.from))
            {
                traced.insert(&l.to);
            }
        }
        if traced.len() == before {
            break;
        }
    }
    let mut factor_share = Share {
        done: 0,
        of: review.factors.len(),
    };
    for f in &review.factors {
        if traced.contains(&f.id) {
            factor_share.done += 1;
        } else {
            gap(
                Measure::FactorsTraced,
                &f.id,
                RecordKind::Factor,
                "not traced to a latent condition".into(),
            );
        }
    }

    // Findings in the systems format.
    let mut systems = Share {
        done: 0,
        of: review.findings.len(),
    };
    let mut learning = systems;
    for f in &review.findings {
        let kind = RecordKind::Finding;
        let mut missing = Vec::new();
        match f.tag {
            FindingTag::Learning => learning.done += 1,
            FindingTag::Untagged => missing.push("not tagged"),
            FindingTag::Blame => missing.push("tagged blame (left out of publication)"),
        }
        if f.systemic_evidence.trim().is_empty() {
            missing.push("no evidence that it is systemic");
        }
        if f.asks.questions() && !f.questions.iter().any(|q| !q.trim().is_empty()) {
            missing.push("no question for the partnership");
        }
        if f.asks.recommendations() && !f.recommendations.iter().any(|r| !r.trim().is_empty()) {
            missing.push("no recommendation, though it makes recommendations");
        }
        if missing.is_empty() {
            systems.done += 1;
        } else {
            gap(Measure::SystemsFindings, &f.id, kind, missing.join("; "));
        }
    }

    // Open language, counted per record.
    let mut open: Vec<(&Id, RecordKind, usize)> = Vec::new();
    let (mut accepted, mut open_count) = (0, 0);
    for hit in language {
        if !hit.is_open() {
            accepted += 1;
            continue;
        }
        open_count += 1;
        match open.iter_mut().find(|(id, _, _)| **id == hit.record) {
            Some(entry) => entry.2 += 1,
            None => open.push((&hit.record, hit.kind, 1)),
        }
    }
    for (id, kind, count) in open {
        let message = format!(
            "{count} open phrase{} of hindsight or blame",
            if count == 1 { "" } else { "s" }
        );
        gap(Measure::OpenLanguage, id, kind, message);
    }

    // What and why.
    let mut what = review
        .chronology
        .iter()
        .map(|e| words(&e.text))
        .sum::<usize>();
    let mut why = 0;
    for e in &review.episodes {
        what += words(&e.what_happened);
        why += words(&e.local_rationality) + words(&e.appraisal_note);
        why += e.mindset.answers().iter().map(|a| words(a)).sum::<usize>();
    }
    for f in &review.factors {
        why += words(&f.statement) + words(&f.evidence);
    }
    for x in &review.conditions {
        why += words(&x.statement);
    }
    for f in &review.findings {
        what += words(&f.in_this_case);
        why += [
            &f.statement,
            &f.introduction,
            &f.systemic_evidence,
            &f.wider_knowledge,
            &f.why_it_matters,
        ]
        .iter()
        .map(|t| words(t))
        .sum::<usize>();
        why += f.questions.iter().map(|q| words(q)).sum::<usize>();
    }

    c.accepted_language = accepted;
    c.open_language = open_count;
    c.gaps = gaps;
    c.episodes_explained = explained;
    c.child_seen_and_heard = heard;
    c.problems_explained = problems;
    c.factors_traced = factor_share;
    c.systems_findings = systems;
    c.findings_learning = learning;
    c.what_words = what;
    c.why_words = why;
    c.gaps.sort_by_key(|g| g.measure);
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::language::{Lexicon, lint_review};
    use crate::model::{ContributingFactor, Finding, LatentCondition, Link};

    fn link(id: &str, from: &str, to: &str, kind: LinkKind) -> Link {
        Link {
            id: Id::from(id),
            from: Id::from(from),
            to: Id::from(to),
            kind,
            note: String::new(),
        }
    }

    fn small_review() -> Review {
        let mut review = Review::new("t");
        review.episodes = vec![
            PracticeEpisode {
                id: Id::from("E1"),
                local_rationality: "It made sense because the account was consistent.".into(),
                ..Default::default()
            },
            PracticeEpisode {
                id: Id::from("E2"),
                ..Default::default()
            },
        ];
        review.episodes[0].child_focus.seen = Answer::Yes;
        review.episodes[0].child_focus.views = "Said he liked nursery.".into();
        review.factors = vec![
            ContributingFactor {
                id: Id::from("F1"),
                statement: "Caseloads above the ceiling".into(),
                ..Default::default()
            },
            ContributingFactor {
                id: Id::from("F2"),
                statement: "No cover for leave".into(),
                ..Default::default()
            },
        ];
        review.conditions = vec![LatentCondition {
            id: Id::from("LC1"),
            statement: "Vacancies since 2019".into(),
            ..Default::default()
        }];
        review.links = vec![
            link("K1", "F1", "E1", LinkKind::ContributedTo),
            link("K2", "LC1", "F1", LinkKind::Underlies),
        ];
        review.findings = vec![Finding {
            id: Id::from("FN1"),
            statement: "The social worker failed to visit.".into(),
            ..Default::default()
        }];
        review
    }

    #[test]
    fn problematic_practice_counts_only_when_it_says_why() {
        let mut review = small_review();
        review.episodes[0].appraisal = Appraisal::Problematic;
        review.episodes[0].appraisal_note = "The template did not prompt it.".into();
        review.episodes[1].appraisal = Appraisal::Mixed;
        let c = coverage(&review, &[]);
        assert_eq!(c.problems_explained, Share { done: 1, of: 2 });
        let gaps: Vec<&Gap> = c.gaps_of(Measure::ProblemsExplained).collect();
        assert_eq!(gaps.len(), 1);
        assert_eq!(gaps[0].record, Id::from("E2"));
        assert!(
            gaps[0]
                .message
                .contains("neither a note on why nor a local-rationality account")
        );
        review.episodes[1].appraisal = Appraisal::Good;
        assert_eq!(
            coverage(&review, &[]).problems_explained,
            Share { done: 1, of: 1 }
        );
    }

    #[test]
    fn each_measure_counts_and_names_the_records_that_cause_gaps() {
        let review = small_review();
        let hits = lint_review(&Lexicon::built_in(), &review);
        let c = coverage(&review, &hits);
        assert_eq!(c.episodes_explained, Share { done: 1, of: 2 });
        assert_eq!(c.factors_traced, Share { done: 1, of: 2 });
        assert_eq!(c.systems_findings, Share { done: 0, of: 1 });
        assert_eq!(c.child_seen_and_heard, Share { done: 1, of: 2 });
        assert_eq!(c.open_language, 1);
        let gap = |m| {
            c.gaps_of(m)
                .map(|g| g.record.to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(gap(Measure::EpisodesExplained), ["E2"]);
        assert_eq!(gap(Measure::FactorsTraced), ["F2"]);
        assert_eq!(gap(Measure::SystemsFindings), ["FN1"]);
        assert_eq!(gap(Measure::ChildSeenAndHeard), ["E2"]);
        assert_eq!(gap(Measure::OpenLanguage), ["FN1"]);
        let finding_gap = c.gaps_of(Measure::SystemsFindings).next().unwrap();
        assert_eq!(
            finding_gap.message,
            "not tagged; no evidence that it is systemic; no question for the partnership"
        );
        assert!(c.why_words > 0);
    }

    #[test]
    fn a_factor_is_traced_through_another_factor() {
        let mut review = small_review();
        review
            .links
            .push(link("K3", "F1", "F2", LinkKind::ContributedTo));
        let c = coverage(&review, &[]);
        assert_eq!(c.factors_traced, Share { done: 2, of: 2 });
    }

    #[test]
    fn a_systems_finding_counts_when_tagged_learning_with_evidence_and_a_question() {
        let mut review = small_review();
        let f = &mut review.findings[0];
        f.statement = "Caseloads leave no time for visits.".into();
        f.tag = FindingTag::Learning;
        f.systemic_evidence = "An audit of 40 cases.".into();
        f.questions = vec!["What would it take?".into()];
        let c = coverage(&review, &lint_review(&Lexicon::built_in(), &review));
        assert_eq!(c.systems_findings, Share { done: 1, of: 1 });
        assert_eq!(c.open_language, 0);
    }

    #[test]
    fn empty_reviews_are_fully_covered_and_say_so() {
        let c = coverage(&Review::new("t"), &[]);
        assert_eq!(c.episodes_explained.percent(), 100);
        assert_eq!(c.episodes_explained.describe(), "none yet");
        assert!(c.gaps.is_empty());
    }
}
