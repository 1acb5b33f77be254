//! The lint over a whole review: which free-text fields it reads, the
//! reviewer's accepted phrases, and the tag the lint suggests for a
//! finding (a suggestion only: the reviewer sets the tag).

use super::{Context, Hit, Lexicon, Verdict, verdict};
use crate::edit::{Change, Edit};
use crate::model::{
    AcceptedPhrase, Appraisal, Finding, FindingTag, Id, Mindset, RecordKind, Review, ReviewMeta,
};

/// One free-text field of a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldText<'a> {
    /// The record.
    pub record: &'a Id,
    /// Its kind.
    pub kind: RecordKind,
    /// The field's name in the review file, e.g. "statement", "questions[2]".
    pub field: String,
    /// The field's name for people, e.g. "Statement", "Question 3".
    pub label: String,
    /// The text.
    pub text: &'a str,
    /// What kind of text it is.
    pub context: Context,
}

/// How the lint reads a field of an episode (`field` as in a
/// [`FieldText`]: `what_happened`, `mindset.seeing`…): the practitioners'
/// view at the time (local rationality, the mindset answers) and what the
/// child said are their words, read as quotation; the rest is the review's
/// narrative, read as quotation too when the practice is appraised as good.
/// The Language panel, `check` and the episode form all read it so.
pub fn episode_field_context(episode: &crate::model::PracticeEpisode, field: &str) -> Context {
    let theirs = field == "local_rationality"
        || field == "child_focus.views"
        || field.starts_with("mindset.");
    if theirs || episode.appraisal == Appraisal::Good {
        Context::Quotation
    } else {
        Context::Narrative
    }
}

/// The free-text fields the lint reads: episodes, contributing factors,
/// latent conditions and findings. A finding's tag reason is the
/// reviewer's note on the finding, not part of it, and is not read.
pub fn review_fields(review: &Review) -> Vec<FieldText<'_>> {
    let mut out = Vec::new();
    for e in &review.episodes {
        let kind = RecordKind::Episode;
        let fields: [(&str, &str, &str); 5] = [
            ("title", "Title", &e.title),
            ("what_happened", "What happened", &e.what_happened),
            (
                "local_rationality",
                "Local rationality",
                &e.local_rationality,
            ),
            ("appraisal_note", "Appraisal standard", &e.appraisal_note),
            (
                "child_focus.views",
                "What the child said or showed",
                &e.child_focus.views,
            ),
        ];
        for (field, label, text) in fields {
            out.push(field_text(
                &e.id,
                kind,
                field.into(),
                label.into(),
                text,
                episode_field_context(e, field),
            ));
        }
        for ((name, question), answer) in MINDSET_FIELDS
            .iter()
            .zip(Mindset::QUESTIONS)
            .zip(e.mindset.answers())
        {
            let field = format!("mindset.{name}");
            let context = episode_field_context(e, &field);
            out.push(field_text(
                &e.id,
                kind,
                field,
                question.into(),
                answer,
                context,
            ));
        }
    }
    for f in &review.factors {
        let kind = RecordKind::Factor;
        out.push(field_text(
            &f.id,
            kind,
            "statement".into(),
            "Statement".into(),
            &f.statement,
            Context::Narrative,
        ));
        out.push(field_text(
            &f.id,
            kind,
            "evidence".into(),
            "Evidence".into(),
            &f.evidence,
            Context::Narrative,
        ));
    }
    for c in &review.conditions {
        let kind = RecordKind::Condition;
        out.push(field_text(
            &c.id,
            kind,
            "statement".into(),
            "Statement".into(),
            &c.statement,
            Context::Narrative,
        ));
        out.push(field_text(
            &c.id,
            kind,
            "since".into(),
            "Since when".into(),
            &c.since,
            Context::Narrative,
        ));
    }
    for f in &review.findings {
        out.extend(finding_texts(f));
    }
    out
}

fn field_text<'a>(
    record: &'a Id,
    kind: RecordKind,
    field: String,
    label: String,
    text: &'a str,
    context: Context,
) -> FieldText<'a> {
    FieldText {
        record,
        kind,
        field,
        label,
        text,
        context,
    }
}

/// The free-text fields of one finding.
fn finding_texts(f: &Finding) -> Vec<FieldText<'_>> {
    let kind = RecordKind::Finding;
    let mut out: Vec<FieldText<'_>> = finding_fields(f)
        .into_iter()
        .map(|(field, label, text)| {
            field_text(
                &f.id,
                kind,
                field.into(),
                label.into(),
                text,
                Context::Narrative,
            )
        })
        .collect();
    for (i, question) in f.questions.iter().enumerate() {
        out.push(field_text(
            &f.id,
            kind,
            format!("questions[{i}]"),
            format!("Question {}", i + 1),
            question,
            Context::Question,
        ));
    }
    out.push(field_text(
        &f.id,
        kind,
        "response.reason".into(),
        "Reason for the response".into(),
        &f.response.reason,
        Context::Narrative,
    ));
    for a in &f.actions {
        for (field, label, text) in [
            ("what", "What will be done", &a.what),
            ("dropped_reason", "Why it was dropped", &a.dropped_reason),
            (
                "impact_expected",
                "Evidence of impact expected",
                &a.impact_expected,
            ),
            ("evidence", "Evidence received", &a.evidence),
        ] {
            out.push(field_text(
                &f.id,
                kind,
                format!("actions[{}].{field}", a.id),
                format!("Action {}: {label}", a.id),
                text,
                Context::Narrative,
            ));
        }
    }
    out
}

/// The field names of [`Mindset`]'s answers, in its order.
const MINDSET_FIELDS: [&str; 7] = [
    "going_on",
    "reasons",
    "front_of_mind",
    "occupying",
    "concerns",
    "hoping",
    "options",
];

/// A finding's narrative fields, as (field, label, text).
fn finding_fields(f: &Finding) -> [(&'static str, &'static str, &str); 7] {
    [
        ("title", "Title", &f.title),
        ("statement", "Statement", &f.statement),
        ("introduction", "Introduction", &f.introduction),
        (
            "in_this_case",
            "How it showed in this case",
            &f.in_this_case,
        ),
        (
            "systemic_evidence",
            "Evidence that it is systemic",
            &f.systemic_evidence,
        ),
        (
            "wider_knowledge",
            "What is known more widely",
            &f.wider_knowledge,
        ),
        ("why_it_matters", "Why it matters", &f.why_it_matters),
    ]
}

/// One hit in a field of a review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldHit {
    /// The record.
    pub record: Id,
    /// Its kind.
    pub kind: RecordKind,
    /// The field's name in the review file.
    pub field: String,
    /// The field's name for people.
    pub label: String,
    /// The hit.
    pub hit: Hit,
    /// The reviewer's reason when they accepted the phrase; `None` while
    /// it is open.
    pub accepted: Option<String>,
}

impl FieldHit {
    /// True while the reviewer has neither rewritten nor accepted it.
    pub fn is_open(&self) -> bool {
        self.accepted.is_none()
    }
}

/// The reviewer's acceptance of a phrase in a field, if there is one.
pub fn acceptance_of<'a>(
    meta: &'a ReviewMeta,
    record: &Id,
    field: &str,
    phrase: &str,
) -> Option<&'a AcceptedPhrase> {
    meta.accepted_language
        .iter()
        .find(|a| &a.record == record && a.field == field && a.phrase == phrase)
}

/// A hit in the review's account of itself (executive summary, the child,
/// family involvement, the review process, the partnership's response).
#[derive(Debug, Clone, PartialEq)]
pub struct AccountHit {
    /// The field's name in the review file, e.g.
    /// "account.executive_summary".
    pub field: String,
    /// The hit.
    pub hit: Hit,
    /// The reviewer's reason, when they accepted the phrase.
    pub accepted: Option<String>,
}

/// True for a field of the review's details that a report publishes as
/// written: the account of itself, the rapid review's parts and the
/// rationale of its decision.
pub fn is_published_detail(field: &str) -> bool {
    field.starts_with("account.")
        || field.starts_with("rapid_review.")
        || field == "clock.decision_rationale"
}

/// How the lint reads a published detail (`field` as
/// [`crate::anonymise::fields::visit`] names it): the family's views are
/// their words, read as quotation; the rest is the review's narrative. The
/// account form reads it so too.
pub fn account_field_context(field: &str) -> Context {
    if field == "account.family.views" {
        Context::Quotation
    } else {
        Context::Narrative
    }
}

/// Every hit in the review's account of itself and in the rapid review's
/// published parts (see [`is_published_detail`]), with the reviewer's
/// acceptances (recorded against the record `review`). The family's views
/// are their words, read as a quotation.
pub fn lint_account(lexicon: &Lexicon, review: &Review) -> Vec<AccountHit> {
    let mut out = Vec::new();
    crate::anonymise::fields::visit(review, |record, field, _, text| {
        if !is_published_detail(field) || text.trim().is_empty() {
            return;
        }
        for hit in lexicon.lint_in(text, account_field_context(field)) {
            let accepted =
                acceptance_of(&review.meta, record, field, &hit.key).map(|a| a.reason.clone());
            out.push(AccountHit {
                field: field.to_string(),
                hit,
                accepted,
            });
        }
    });
    out
}

/// Every hit in the review's free text, record by record, with the
/// reviewer's acceptances.
pub fn lint_review(lexicon: &Lexicon, review: &Review) -> Vec<FieldHit> {
    lint_fields(lexicon, &review.meta, review_fields(review))
}

fn lint_fields(lexicon: &Lexicon, meta: &ReviewMeta, fields: Vec<FieldText<'_>>) -> Vec<FieldHit> {
    let mut out = Vec::new();
    for field in fields {
        if field.text.trim().is_empty() {
            continue;
        }
        for hit in lexicon.lint_in(field.text, field.context) {
            let accepted =
                acceptance_of(meta, field.record, &field.field, &hit.key).map(|a| a.reason.clone());
            out.push(FieldHit {
                record: field.record.clone(),
                kind: field.kind,
                field: field.field.clone(),
                label: field.label.clone(),
                hit,
                accepted,
            });
        }
    }
    out
}

/// The change that records the reviewer's acceptance of a phrase, with
/// their reason (replacing an earlier reason for the same phrase).
pub fn accept_change(review: &Review, hit: &FieldHit, reason: &str) -> Change {
    let mut meta = review.meta.clone();
    meta.accepted_language
        .retain(|a| !(a.record == hit.record && a.field == hit.field && a.phrase == hit.hit.key));
    meta.accepted_language.push(AcceptedPhrase {
        record: hit.record.clone(),
        field: hit.field.clone(),
        phrase: hit.hit.key.clone(),
        reason: reason.trim().to_string(),
    });
    Change::one(
        format!("Accept \"{}\" in {}", hit.hit.matched, hit.record),
        Edit::SetMeta(Box::new(meta)),
    )
}

/// The change that takes back an acceptance, so the phrase is open again.
pub fn reopen_change(review: &Review, hit: &FieldHit) -> Change {
    let mut meta = review.meta.clone();
    meta.accepted_language
        .retain(|a| !(a.record == hit.record && a.field == hit.field && a.phrase == hit.hit.key));
    Change::one(
        format!("Reopen \"{}\" in {}", hit.hit.matched, hit.record),
        Edit::SetMeta(Box::new(meta)),
    )
}

/// The tag the lint suggests for a finding, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagSuggestion {
    /// Learning or blame (never untagged).
    pub tag: FindingTag,
    /// The finding's open hits.
    pub open: Vec<FieldHit>,
    /// The fields that read as blame.
    pub blaming_fields: Vec<String>,
}

impl TagSuggestion {
    /// One sentence for the reviewer.
    pub fn explanation(&self) -> String {
        match self.tag {
            FindingTag::Blame => {
                let phrases: Vec<String> = self
                    .open
                    .iter()
                    .take(4)
                    .map(|h| format!("\"{}\"", h.hit.matched))
                    .collect();
                let more = self.open.len().saturating_sub(4);
                format!(
                    "The language lint suggests blame: {} read{} as blame ({}{}).",
                    self.blaming_fields.join(", "),
                    if self.blaming_fields.len() == 1 {
                        "s"
                    } else {
                        ""
                    },
                    phrases.join(", "),
                    if more > 0 {
                        format!(" and {more} more")
                    } else {
                        String::new()
                    },
                )
            }
            _ if self.open.is_empty() => {
                "The language lint suggests learning: it found no hindsight or blame language."
                    .to_string()
            }
            _ => format!(
                "The language lint suggests learning: {} minor phrase{} to look at, none that reads as blame.",
                self.open.len(),
                if self.open.len() == 1 { "" } else { "s" }
            ),
        }
    }
}

/// The tag the lint suggests for a finding: blame when any of its fields
/// reads as blame on its open (unaccepted) hits, otherwise learning.
pub fn suggest_tag(lexicon: &Lexicon, review: &Review, finding: &Finding) -> TagSuggestion {
    let open: Vec<FieldHit> = lint_fields(lexicon, &review.meta, finding_texts(finding))
        .into_iter()
        .filter(FieldHit::is_open)
        .collect();
    let mut blaming_fields: Vec<String> = Vec::new();
    for hit in &open {
        if blaming_fields.contains(&hit.label) {
            continue;
        }
        let same: Vec<Hit> = open
            .iter()
            .filter(|h| h.field == hit.field)
            .map(|h| h.hit.clone())
            .collect();
        if verdict(&same) == Verdict::Blame {
            blaming_fields.push(hit.label.clone());
        }
    }
    TagSuggestion {
        tag: if blaming_fields.is_empty() {
            FindingTag::Learning
        } else {
            FindingTag::Blame
        },
        open,
        blaming_fields,
    }
}
