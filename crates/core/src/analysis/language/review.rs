//! The lint over a whole review: which free-text fields it reads, the
//! reviewer's accepted phrases, and the tag the lint suggests for a
//! finding (a suggestion only: the reviewer sets the tag).

use super::{Context, Hit, Lexicon, Verdict};
use crate::edit::{Change, Edit};
use crate::model::text_fields::{self, Reading, TextField};
use crate::model::{
    AcceptedPhrase, Appraisal, Finding, FindingTag, Id, PracticeEpisode, RecordKind, Review,
    ReviewMeta,
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

/// How the lint reads a field the schema describes
/// ([`crate::model::text_fields`]): their words as quotation, questions as
/// questions, the review's narrative as narrative (as quotation when
/// `good_practice`: an episode whose practice is appraised as good);
/// `None` for a field the lint does not read.
pub fn context_of(reading: Reading, good_practice: bool) -> Option<Context> {
    match reading {
        Reading::NotLinted => None,
        Reading::TheirWords => Some(Context::Quotation),
        Reading::Question => Some(Context::Question),
        Reading::Narrative if good_practice => Some(Context::Quotation),
        Reading::Narrative => Some(Context::Narrative),
    }
}

/// How the lint reads the field `field` of record `record` (as a
/// [`FieldText`] names it: `statement`, `questions[2]`, `mindset.hoping`),
/// from the schema of text fields; `None` when the lint does not read it
/// or there is no such record or field. The Language panel, `check` and
/// every form read each field so.
pub fn field_context(review: &Review, record: &Id, field: &str) -> Option<Context> {
    fn reading_in<R>(fields: &[TextField<R>], name: &str) -> Option<Reading> {
        text_fields::find(fields, name).map(|f| f.reading)
    }
    if record.as_str() == crate::anonymise::fields::META {
        return context_of(text_fields::meta_reading(field)?, false);
    }
    if let Some(e) = review.episodes.iter().find(|e| &e.id == record) {
        return context_of(
            reading_in(text_fields::EPISODE, field)?,
            e.appraisal == Appraisal::Good,
        );
    }
    let reading = if review.factors.iter().any(|x| &x.id == record) {
        reading_in(text_fields::FACTOR, field)
    } else if review.conditions.iter().any(|x| &x.id == record) {
        reading_in(text_fields::CONDITION, field)
    } else if review.findings.iter().any(|x| &x.id == record) {
        reading_in(text_fields::FINDING, field)
    } else {
        None
    };
    context_of(reading?, false)
}

/// How the lint reads a field of an episode (`field` as in a
/// [`FieldText`]: `what_happened`, `mindset.going_on`…): the practitioners'
/// view at the time (local rationality, the mindset answers) and what the
/// child said are their words, read as quotation; the rest is the review's
/// narrative, read as quotation too when the practice is appraised as good.
/// From the schema of text fields, as the Language panel and `check` read
/// it; a field the schema does not describe reads as narrative.
pub fn episode_field_context(episode: &PracticeEpisode, field: &str) -> Context {
    let reading =
        text_fields::find(text_fields::EPISODE, field).map_or(Reading::Narrative, |f| f.reading);
    context_of(reading, episode.appraisal == Appraisal::Good).unwrap_or(Context::Narrative)
}

/// The texts of `fields` in `record` that the lint reads.
fn linted_fields<'a, R>(
    fields: &[TextField<R>],
    id: &'a Id,
    kind: RecordKind,
    record: &'a R,
    good_practice: bool,
    out: &mut Vec<FieldText<'a>>,
) {
    for field in fields {
        let Some(context) = context_of(field.reading, good_practice) else {
            continue;
        };
        field.each(record, &mut |index, text| {
            out.push(FieldText {
                record: id,
                kind,
                field: field.name(index),
                label: field.label_at(index),
                text,
                context,
            })
        });
    }
}

/// The free-text fields the lint reads: those of episodes, contributing
/// factors, latent conditions and findings the schema of text fields marks
/// as read (a finding's tag reason is the reviewer's note on the finding,
/// not part of it, and is not read).
pub fn review_fields(review: &Review) -> Vec<FieldText<'_>> {
    let mut out = Vec::new();
    for kind in LINTED_KINDS {
        for at in 0..review.count_of(kind) {
            record_texts(review, kind, at, &mut out);
        }
    }
    out
}

/// The kinds of record whose fields the lint reads, in the order it reads
/// them.
const LINTED_KINDS: [RecordKind; 4] = [
    RecordKind::Episode,
    RecordKind::Factor,
    RecordKind::Condition,
    RecordKind::Finding,
];

/// The free-text fields the lint reads of one record (as
/// [`review_fields`] gives them), found by its id: for a panel that shows
/// a few records' hits without walking the whole review.
pub fn record_fields<'a>(review: &'a Review, id: &Id) -> Vec<FieldText<'a>> {
    let mut out = Vec::new();
    if let Some((kind, at)) = review.locate(id) {
        record_texts(review, kind, at, &mut out);
    }
    out
}

/// The free-text fields the lint reads of the record of `kind` at `at` in
/// its collection (none for a kind it does not read). An episode appraised
/// as good practice is read as such.
fn record_texts<'a>(review: &'a Review, kind: RecordKind, at: usize, out: &mut Vec<FieldText<'a>>) {
    match kind {
        RecordKind::Episode => {
            if let Some(e) = review.episodes.get(at) {
                let good = e.appraisal == Appraisal::Good;
                linted_fields(text_fields::EPISODE, &e.id, kind, e, good, out);
            }
        }
        RecordKind::Factor => {
            if let Some(f) = review.factors.get(at) {
                linted_fields(text_fields::FACTOR, &f.id, kind, f, false, out);
            }
        }
        RecordKind::Condition => {
            if let Some(c) = review.conditions.get(at) {
                linted_fields(text_fields::CONDITION, &c.id, kind, c, false, out);
            }
        }
        RecordKind::Finding => {
            if let Some(f) = review.findings.get(at) {
                out.extend(finding_texts(f));
            }
        }
        _ => {}
    }
}

/// The free-text fields of one finding the lint reads.
fn finding_texts(f: &Finding) -> Vec<FieldText<'_>> {
    let mut out = Vec::new();
    linted_fields(
        text_fields::FINDING,
        &f.id,
        RecordKind::Finding,
        f,
        false,
        &mut out,
    );
    out
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
/// written and the lint reads (the schema of text fields says which): the
/// account of itself, the rapid review's parts and the rationale of its
/// decision.
pub fn is_published_detail(field: &str) -> bool {
    text_fields::meta_reading(field).is_some_and(|r| r != Reading::NotLinted)
}

/// How the lint reads a published detail (`field` as
/// [`crate::anonymise::fields::visit`] names it), from the schema of text
/// fields: the family's views are their words, read as quotation; the rest
/// is the review's narrative. The account form reads it so too.
pub fn account_field_context(field: &str) -> Context {
    text_fields::meta_reading(field)
        .and_then(|reading| context_of(reading, false))
        .unwrap_or(Context::Narrative)
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
    /// The phrases and words that made those fields read as blame,
    /// strongest first within each field.
    pub drivers: Vec<String>,
}

impl TagSuggestion {
    /// One sentence for the reviewer.
    pub fn explanation(&self) -> String {
        match self.tag {
            FindingTag::Blame => {
                let mut all: Vec<&str> = self.drivers.iter().map(String::as_str).collect();
                for hit in &self.open {
                    if !all.contains(&hit.hit.matched.as_str()) {
                        all.push(&hit.hit.matched);
                    }
                }
                let phrases: Vec<String> = all.iter().take(4).map(|p| format!("\"{p}\"")).collect();
                let more = all.len().saturating_sub(4);
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
/// reads as blame (the lint's verdict, as `foresight language` gives it)
/// on its open (unaccepted) hits, otherwise learning.
pub fn suggest_tag(lexicon: &Lexicon, review: &Review, finding: &Finding) -> TagSuggestion {
    let open: Vec<FieldHit> = lint_fields(lexicon, &review.meta, finding_texts(finding))
        .into_iter()
        .filter(FieldHit::is_open)
        .collect();
    let mut blaming_fields: Vec<String> = Vec::new();
    let mut drivers: Vec<String> = Vec::new();
    for field in finding_texts(finding) {
        if field.text.trim().is_empty() || blaming_fields.contains(&field.label) {
            continue;
        }
        let hits: Vec<Hit> = open
            .iter()
            .filter(|h| h.field == field.field)
            .map(|h| h.hit.clone())
            .collect();
        let judged = lexicon.judge_with_hits(field.text, field.context, hits);
        if judged.verdict == Verdict::Blame {
            blaming_fields.push(field.label.clone());
            for driver in judged.drivers {
                if !drivers.contains(&driver.phrase) {
                    drivers.push(driver.phrase);
                }
            }
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
        drivers,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fields_of_one_record_are_those_the_whole_walk_gives_it() {
        let review = crate::examples::worked_case();
        let all = review_fields(&review);
        let mut ids: Vec<&Id> = all.iter().map(|f| f.record).collect();
        ids.dedup();
        assert!(ids.len() > 20, "the worked example has many linted records");
        for id in ids {
            let whole: Vec<(String, &str)> = all
                .iter()
                .filter(|f| f.record == id)
                .map(|f| (f.field.clone(), f.text))
                .collect();
            let one: Vec<(String, &str)> = record_fields(&review, id)
                .into_iter()
                .map(|f| (f.field, f.text))
                .collect();
            assert_eq!(one, whole, "{id}");
        }
        assert!(record_fields(&review, &Id::from("NO-SUCH-RECORD")).is_empty());
    }
}
