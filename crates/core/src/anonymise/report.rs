//! The report of what anonymisation found and did.
//!
//! A long chronology gives millions of occurrences, so the report keeps
//! them compactly: each is a small fixed-size entry, with its original
//! text and the words around it in one shared string per part, and what
//! it is as an index into the anonymiser's forms. An [`Occurrence`] is
//! made from an entry when it is read.

use std::ops::Range;
use std::sync::Arc;

use smol_str::SmolStr;

use super::Found;
use super::classify::Class;
use super::dates::DateChangeKind;
use super::identifiers::IdentifierKind;
use super::residual::SuspectKind;
use super::text::push_lower;
use crate::model::SensitiveCategory;
use crate::model::{AnonymisationOverride, Id, OverrideAction};

/// One place in one field where anonymisation found something, and what
/// it did there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    /// The record.
    pub record: Id,
    /// The field.
    pub field: SmolStr,
    /// Where, in the original text of the field.
    pub range: Range<usize>,
    /// The original text there.
    pub original: SmolStr,
    /// What replaced it (or would have, when it was kept).
    pub replacement: SmolStr,
    /// What it is.
    pub found: Found,
    /// Name, ordinary word, or can't tell.
    pub class: Class,
    /// Why it was judged so.
    pub reason: &'static str,
    /// True when it was replaced in the anonymised review.
    pub replaced: bool,
    /// True when the reviewer should decide: it could not be told apart,
    /// and no override decides it.
    pub flagged: bool,
    /// The reviewer's decision, when there is one.
    pub overridden: Option<OverrideAction>,
    /// The word before, lower case: with `after`, finds it again.
    pub before: SmolStr,
    /// The word after, lower case.
    pub after: SmolStr,
}

/// The original text with its white space made single spaces, as the
/// reviewer's decisions quote it.
fn quoted(original: &str) -> String {
    original.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Occurrence {
    /// The override that keeps (or replaces) this occurrence.
    pub fn override_with(&self, action: OverrideAction) -> AnonymisationOverride {
        AnonymisationOverride {
            record: self.record.clone(),
            field: self.field.to_string(),
            text: quoted(&self.original),
            before: self.before.to_string(),
            after: self.after.to_string(),
            action,
        }
    }

    /// True when `o` is the reviewer's decision on this occurrence.
    pub fn is_decided_by(&self, o: &AnonymisationOverride) -> bool {
        o.record == self.record
            && o.field == self.field
            && o.before == self.before
            && o.after == self.after
            && o.text == quoted(&self.original)
    }
}

/// What an occurrence is, as kept in the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum What {
    /// One of the anonymiser's name forms (by index).
    Form(u32),
    /// Personal data without a cast entry.
    Identifier(IdentifierKind),
    /// A date.
    Date(DateChangeKind),
    /// A residual suspect.
    Suspect(SuspectKind),
    /// A sensitive detail.
    Sensitive(SensitiveCategory),
}

/// How an occurrence was judged and what was done with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Verdict {
    pub what: What,
    pub class: Class,
    pub reason: &'static str,
    pub replaced: bool,
    pub flagged: bool,
    pub overridden: Option<OverrideAction>,
}

/// The texts an occurrence's entry keeps besides the original: the words
/// around it (lower-cased as they are kept) and, for a date, its
/// replacement.
pub(super) struct Words<'a> {
    pub before: &'a str,
    pub after: &'a str,
    /// A date's replacement (others are found from what they are).
    pub date: &'a str,
}

/// One occurrence as kept: positions, lengths and a verdict.
#[derive(Debug, Clone, Copy)]
struct Entry {
    /// Where, in the original text of the field.
    start: usize,
    end: usize,
    /// Where its texts start in the part's `words`: the original, then
    /// the word before, the word after and a date's replacement.
    words: usize,
    /// Which of the part's texts (record and field) it is in.
    text: u32,
    before: u32,
    after: u32,
    date: u32,
    verdict: Verdict,
}

/// The occurrences found by one pass over some texts, in the order found.
#[derive(Debug, Clone, Default)]
pub(super) struct Part {
    /// The record and field of each text with occurrences.
    texts: Vec<(Id, SmolStr)>,
    /// The entries' texts, one after another.
    words: String,
    entries: Vec<Entry>,
}

/// A length kept in 32 bits: a field's text is far shorter than 4 GiB.
fn short_len(s: &str) -> u32 {
    u32::try_from(s.len()).unwrap_or(u32::MAX)
}

impl Part {
    /// Starts the occurrences of one text; the returned number goes with
    /// each of them to [`Part::push`].
    pub(super) fn text(&mut self, record: &Id, field: &str) -> u32 {
        self.texts.push((record.clone(), SmolStr::new(field)));
        u32::try_from(self.texts.len() - 1).unwrap_or(u32::MAX)
    }

    /// Adds an occurrence at `range` of `original`, the original text of
    /// the part's text number `text`.
    pub(super) fn push(
        &mut self,
        text: u32,
        original: &str,
        range: Range<usize>,
        words: Words,
        verdict: Verdict,
    ) {
        let at = self.words.len();
        self.words.push_str(&original[range.clone()]);
        let before_at = self.words.len();
        push_lower(&mut self.words, words.before);
        let after_at = self.words.len();
        push_lower(&mut self.words, words.after);
        let date_at = self.words.len();
        self.words.push_str(words.date);
        let len = |from: usize, to: usize| u32::try_from(to - from).unwrap_or(u32::MAX);
        self.entries.push(Entry {
            start: range.start,
            end: range.end,
            words: at,
            text,
            before: len(before_at, after_at),
            after: len(after_at, date_at),
            date: short_len(words.date),
            verdict,
        });
    }

    /// The original text, the word before (lower case), the kind and the
    /// reason of each replaced residual suspect.
    pub(super) fn replaced_suspects(
        &self,
    ) -> impl Iterator<Item = (&str, &str, SuspectKind, &'static str)> {
        self.entries.iter().filter_map(|e| match e.verdict.what {
            What::Suspect(kind) if e.verdict.replaced => {
                let original = e.words..e.words + (e.end - e.start);
                let before = original.end..original.end + e.before as usize;
                Some((
                    &self.words[original],
                    &self.words[before],
                    kind,
                    e.verdict.reason,
                ))
            }
            _ => None,
        })
    }

    /// The postcodes this part replaced, as written ("YW14 3NX").
    pub(super) fn replaced_postcodes(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().filter_map(|e| match e.verdict.what {
            What::Identifier(IdentifierKind::Postcode) if e.verdict.replaced => {
                Some(&self.words[e.words..e.words + (e.end - e.start)])
            }
            _ => None,
        })
    }

    /// The words of the replaced references and user names that hold both
    /// a letter and a digit ("PS-031", "tuananh88"), and of the user and
    /// group names that are no single word ("jazzykat", "Night Owls"):
    /// written bare in another record, with no label to say what they
    /// are, they are the same identifier.
    pub(super) fn replaced_labelled_identifiers(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().filter_map(|e| match e.verdict.what {
            What::Identifier(
                kind @ (IdentifierKind::Reference
                | IdentifierKind::SocialMedia
                | IdentifierKind::VehicleRegistration),
            ) if e.verdict.replaced => {
                let words = &self.words[e.words..e.words + (e.end - e.start)];
                let lettered_number = words.chars().any(|c| c.is_ascii_digit())
                    && words.chars().any(char::is_alphabetic);
                let account = kind == IdentifierKind::SocialMedia
                    && words.chars().all(|c| c.is_alphabetic() || c == ' ')
                    && (words.contains(' ') || !super::words::is_word(&words.to_lowercase()));
                (words.len() >= 5 && (lettered_number || account)).then_some(words)
            }
            _ => None,
        })
    }

    /// Forgets the occurrences in the texts for which `redone(record,
    /// field)` holds (which are found anew).
    pub(super) fn forget(&mut self, redone: impl Fn(&Id, &str) -> bool) {
        let texts = &self.texts;
        self.entries.retain(|e| {
            let (record, field) = &texts[e.text as usize];
            !redone(record, field)
        });
    }

    /// The number of occurrences.
    pub(super) fn len(&self) -> usize {
        self.entries.len()
    }

    /// The occurrence an entry keeps.
    fn occurrence(&self, e: &Entry, forms: &Forms) -> Occurrence {
        let (text, before, after, date) = (
            e.end - e.start,
            e.before as usize,
            e.after as usize,
            e.date as usize,
        );
        let mut at = e.words;
        let mut next = |len: usize| {
            let s = &self.words[at..at + len];
            at += len;
            s
        };
        let original = next(text);
        let before = next(before);
        let after = next(after);
        let date = next(date);
        let (record, field) = &self.texts[e.text as usize];
        let v = e.verdict;
        let found = match v.what {
            What::Form(form) => forms.found[form as usize].clone(),
            What::Identifier(kind) => Found::Identifier(kind),
            What::Date(kind) => Found::Date(kind),
            What::Suspect(kind) => Found::Suspect(kind),
            What::Sensitive(category) => Found::Sensitive(category),
        };
        let replacement = SmolStr::new(forms.replacement(v, date));
        Occurrence {
            record: record.clone(),
            field: field.clone(),
            range: e.start..e.end,
            original: SmolStr::new(original),
            replacement,
            found,
            class: v.class,
            reason: v.reason,
            replaced: v.replaced,
            flagged: v.flagged,
            overridden: v.overridden,
            before: SmolStr::new(before),
            after: SmolStr::new(after),
        }
    }
}

/// What each of the anonymiser's name forms is and what replaces it.
#[derive(Debug, Clone, Default)]
pub(super) struct Forms {
    pub found: Arc<[Found]>,
    pub replacements: Arc<[SmolStr]>,
    /// What replaces a doubtful occurrence: "[name]", "[initials]".
    pub neutral: Arc<[SmolStr]>,
}

impl Forms {
    /// What replaces an occurrence so judged (`date`: a date's replacement).
    pub fn replacement<'a>(&'a self, v: Verdict, date: &'a str) -> &'a str {
        match v.what {
            What::Form(form) if v.class == Class::Ambiguous && v.overridden.is_none() => {
                &self.neutral[form as usize]
            }
            What::Form(form) => &self.replacements[form as usize],
            What::Identifier(kind) => kind.placeholder(),
            What::Date(_) | What::Sensitive(_) => date,
            What::Suspect(kind) => kind.placeholder(),
        }
    }
}

/// How many occurrences of one record were replaced and are to decide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordCount {
    /// The record.
    pub record: Id,
    /// Occurrences replaced.
    pub replaced: usize,
    /// Occurrences for the reviewer to decide.
    pub flagged: usize,
}

/// Everything anonymisation did, for the reviewer to check.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// The occurrences, in field order, in the parts they were found in
    /// (a long chronology is anonymised in parallel parts, which are kept
    /// rather than copied into one).
    parts: Vec<Part>,
    forms: Forms,
    /// Sensitive attributes with no decision yet (withheld meanwhile).
    pub undecided: Vec<(Id, &'static str)>,
    /// People without a pseudonym (their names became "[name]" or their role).
    pub without_pseudonym: Vec<Id>,
}

impl PartialEq for Report {
    fn eq(&self, other: &Report) -> bool {
        self.len() == other.len()
            && self.occurrences().eq(other.occurrences())
            && self.undecided == other.undecided
            && self.without_pseudonym == other.without_pseudonym
    }
}

impl Eq for Report {}

impl Report {
    /// A report of the occurrences in `parts`, in that order.
    pub(super) fn new(parts: Vec<Part>, forms: Forms) -> Report {
        Report {
            parts,
            forms,
            undecided: Vec::new(),
            without_pseudonym: Vec::new(),
        }
    }

    /// The entries with the part each is in, in order.
    fn entries(&self) -> impl Iterator<Item = (&Part, &Entry)> {
        self.parts
            .iter()
            .flat_map(|part| part.entries.iter().map(move |e| (part, e)))
    }

    /// Every occurrence found, replaced or kept, in field order.
    pub fn occurrences(&self) -> impl Iterator<Item = Occurrence> + '_ {
        self.entries()
            .map(|(part, e)| part.occurrence(e, &self.forms))
    }

    /// The occurrences in one record, in field order.
    pub fn of_record<'a>(&'a self, record: &'a Id) -> impl Iterator<Item = Occurrence> + 'a {
        self.entries()
            .filter(move |(part, e)| &part.texts[e.text as usize].0 == record)
            .map(|(part, e)| part.occurrence(e, &self.forms))
    }

    /// The number of occurrences.
    pub fn len(&self) -> usize {
        self.parts.iter().map(Part::len).sum()
    }

    /// True when nothing was found.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The occurrences that were replaced.
    pub fn replaced(&self) -> impl Iterator<Item = Occurrence> + '_ {
        self.entries()
            .filter(|(_, e)| e.verdict.replaced)
            .map(|(part, e)| part.occurrence(e, &self.forms))
    }

    /// The number of occurrences that were replaced.
    pub fn replaced_count(&self) -> usize {
        self.entries().filter(|(_, e)| e.verdict.replaced).count()
    }

    /// The occurrences that need the reviewer's decision.
    pub fn flagged(&self) -> impl Iterator<Item = Occurrence> + '_ {
        self.entries()
            .filter(|(_, e)| e.verdict.flagged)
            .map(|(part, e)| part.occurrence(e, &self.forms))
    }

    /// The residual suspects: what still looked like a name, a place or
    /// a number, replaced by a neutral placeholder unless the reviewer
    /// kept it.
    pub fn suspects(&self) -> impl Iterator<Item = Occurrence> + '_ {
        self.entries()
            .filter(|(_, e)| matches!(e.verdict.what, What::Suspect(_)))
            .map(|(part, e)| part.occurrence(e, &self.forms))
    }

    /// The number of occurrences that need the reviewer's decision.
    pub fn flagged_count(&self) -> usize {
        self.entries().filter(|(_, e)| e.verdict.flagged).count()
    }

    /// Each record with occurrences, in the order first found, with how
    /// many were replaced and are to decide.
    pub fn counts_by_record(&self) -> Vec<RecordCount> {
        let mut counts: Vec<RecordCount> = Vec::new();
        let mut index: std::collections::HashMap<&Id, usize> = std::collections::HashMap::new();
        for (part, e) in self.entries() {
            let record = &part.texts[e.text as usize].0;
            let i = *index.entry(record).or_insert_with(|| {
                counts.push(RecordCount {
                    record: record.clone(),
                    replaced: 0,
                    flagged: 0,
                });
                counts.len() - 1
            });
            counts[i].replaced += usize::from(e.verdict.replaced);
            counts[i].flagged += usize::from(e.verdict.flagged);
        }
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(what: What, replaced: bool, flagged: bool) -> Verdict {
        Verdict {
            what,
            class: Class::Name,
            reason: "a test",
            replaced,
            flagged,
            overridden: None,
        }
    }

    fn words<'a>(before: &'a str, after: &'a str, date: &'a str) -> Words<'a> {
        Words {
            before,
            after,
            date,
        }
    }

    #[test]
    fn entries_read_back_as_the_occurrences_they_were_made_from() {
        let forms = Forms {
            found: vec![Found::Agency(Id::from("A1"))].into(),
            neutral: vec![SmolStr::new("[agency]")].into(),
            replacements: vec![SmolStr::new("Agency 1")].into(),
        };
        let mut first = Part::default();
        let t = first.text(&Id::from("C1"), "text");
        let text = "Met Kettle’s HOUSE on 03/04/2021";
        first.push(
            t,
            text,
            4..14,
            words("Met", "HOUSE", ""),
            verdict(What::Form(0), true, false),
        );
        first.push(
            t,
            text,
            24..34,
            words("on", "", "April 2021"),
            verdict(What::Date(DateChangeKind::Coarsened), true, false),
        );
        let mut second = Part::default();
        let t = second.text(&Id::from("C2"), "author");
        second.push(
            t,
            "Ŵill Visit",
            0..5,
            words("", "Visit", ""),
            verdict(What::Identifier(IdentifierKind::Phone), false, true),
        );
        let report = Report::new(vec![first, second], forms);
        let all: Vec<Occurrence> = report.occurrences().collect();
        assert_eq!(report.len(), 3);
        assert_eq!(all.len(), 3);
        assert_eq!(all[0].record, Id::from("C1"));
        assert_eq!(all[0].field, "text");
        assert_eq!(all[0].range, 4..14);
        assert_eq!(all[0].original, "Kettle’s");
        assert_eq!(
            (all[0].before.as_str(), all[0].after.as_str()),
            ("met", "house")
        );
        assert_eq!(all[0].replacement, "Agency 1");
        assert_eq!(all[0].found, Found::Agency(Id::from("A1")));
        assert_eq!(all[1].original, "03/04/2021");
        assert_eq!(all[1].replacement, "April 2021");
        assert_eq!((all[1].before.as_str(), all[1].after.as_str()), ("on", ""));
        assert_eq!(all[2].record, Id::from("C2"));
        assert_eq!(all[2].field, "author");
        assert_eq!(all[2].original, "Ŵill");
        assert_eq!(all[2].after, "visit");
        assert_eq!(all[2].replacement, IdentifierKind::Phone.placeholder());
        assert!(all[2].flagged && !all[2].replaced);
        assert_eq!((report.replaced_count(), report.flagged_count()), (2, 1));
        assert_eq!(report.replaced().count(), 2);
        assert_eq!(report.flagged().next().unwrap().original, "Ŵill");
        let c2 = Id::from("C2");
        assert_eq!(report.of_record(&c2).count(), 1);
        assert_eq!(
            report.counts_by_record(),
            vec![
                RecordCount {
                    record: Id::from("C1"),
                    replaced: 2,
                    flagged: 0
                },
                RecordCount {
                    record: Id::from("C2"),
                    replaced: 0,
                    flagged: 1
                },
            ]
        );
    }

    #[test]
    fn an_entry_is_far_smaller_than_the_occurrence_it_keeps() {
        assert!(std::mem::size_of::<Entry>() <= 80);
        assert!(std::mem::size_of::<Occurrence>() >= 2 * std::mem::size_of::<Entry>());
    }
}
