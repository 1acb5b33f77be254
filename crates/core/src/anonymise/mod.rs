//! Anonymisation: a review with real names in, a publishable review and a
//! report of every replacement out.
//!
//! [`anonymise`] is a pure transform. Every free-text field (see
//! [`fields`]) is searched for
//! - the cast's names in every form records use ([`forms`], found in
//!   one pass over the words of the text by [`matcher`]); names that are
//!   also ordinary words are judged by their context ([`classify`]) and,
//!   when that cannot tell, replaced to be safe and flagged for the
//!   reviewer;
//! - personal data no cast entry names: postcodes, addresses, phone, NHS
//!   and NI numbers, emails, web addresses, collar and reference numbers
//!   ([`identifiers`]);
//! - dates, coarsened by the review's date policy, with dates of birth and
//!   death removed ([`dates`]);
//! - sensitive details (ages, health, medication, money, times of day),
//!   withheld or generalised unless the reviewer publishes the kind with
//!   a reason ([`sensitive`]).
//!
//! - what still looks like a name, a place or a number once those are
//!   found ([`residual`]): replaced by a neutral placeholder ("[name]",
//!   "[place]", "[number]") unless the reviewer keeps it.
//!
//! Short forms come from the field's word lists ([`lists`]): diminutives
//! the cast does not spell out are names; abbreviations of the field (TA,
//! HV) are never initials unless the cast lists them; kinship words (Nan,
//! Mum) are kept unless the reviewer replaces an occurrence.
//!
//! Names become pseudonyms or generic names, identifiers neutral
//! placeholders. A doubtful occurrence becomes a placeholder that asserts
//! nothing ("[name]", "[initials]"), never a particular person's
//! pseudonym, until the reviewer decides; a replacement inside quotation
//! marks is set in square brackets. The cast keeps only pseudonyms, roles and published
//! attributes. The [`Report`] lists every occurrence found, replaced or
//! kept; a long chronology has millions, so it keeps them compactly and
//! makes each [`Occurrence`] when it is read. Afterwards the [`residual`] scan lists what still looks like
//! a name or a number, and the [`leak`] check proves that no real-name form
//! or identifier is left in anything exported.

mod author;
pub mod classify;
pub mod dates;
pub mod disguise;
pub mod fields;
pub mod folding;
pub mod forms;
pub mod gazetteer;
pub mod identifiers;
pub mod leak;
mod listed;
pub mod lists;
pub mod matcher;
mod one_text;
mod others;
mod report;
pub mod residual;
mod review_names;
pub mod sensitive;
pub mod spelling;
pub mod text;
mod whole_review;
pub mod words;

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use chrono::NaiveDate;
use smol_str::SmolStr;

use self::classify::{Class, FieldFacts, classify};
use self::dates::{DateBuffers, DateChange, DateChangeKind, DateRules, coarsen, date_changes_into};
use self::forms::{Claim, Owner, cast_forms};
use self::identifiers::{Identifier, IdentifierKind, find_identifiers_into};
use self::matcher::{FindBuffers, NameHit, NameMatcher};
use self::report::{Forms, Part, Verdict, What, Words};
use self::residual::suspects_into;
use self::review_names::ReviewNames;
use self::sensitive::{SensitiveChange, SensitiveRules};
use self::text::{
    View, any_word_after, any_word_before, nearest_word_after, nearest_word_before, quotations,
};
use crate::model::{
    AnonymisationOverride, ChronologyEntry, DatePolicy, Disclosure, Id, OverrideAction, PersonKind,
    Review, SensitiveCategory,
};

pub use self::leak::{Leak, LeakChecker};
pub use self::report::{Occurrence, RecordCount, Report};
pub use self::residual::{Known, Suspect, SuspectKind, residual_scan};

/// What an occurrence is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// A person's name (several people when a form is shared).
    Person(Arc<[Id]>),
    /// An agency's name.
    Agency(Id),
    /// A place's name.
    Place(Id),
    /// A withheld sensitive attribute of a person.
    Withheld {
        /// The person.
        person: Id,
        /// The attribute, e.g. "ethnicity".
        attribute: &'static str,
    },
    /// Personal data without a cast entry.
    Identifier(IdentifierKind),
    /// A date.
    Date(DateChangeKind),
    /// What still looked like a name, a place or a number after the cast,
    /// identifiers and dates were found (the residual scan).
    Suspect(SuspectKind),
    /// A sensitive detail withheld or generalised.
    Sensitive(SensitiveCategory),
}

impl Found {
    /// A short description for lists, e.g. "name of P3", "phone number".
    pub fn describe(&self) -> String {
        match self {
            Found::Person(ids) => {
                let ids: Vec<&str> = ids.iter().map(Id::as_str).collect();
                format!("name of {}", ids.join(", "))
            }
            Found::Agency(id) => format!("name of agency {id}"),
            Found::Place(id) => format!("name of place {id}"),
            Found::Withheld { person, attribute } => format!("withheld {attribute} of {person}"),
            Found::Identifier(kind) => kind.label().to_string(),
            Found::Date(DateChangeKind::Coarsened) => "exact date".to_string(),
            Found::Date(DateChangeKind::BirthDate) => "date of birth".to_string(),
            Found::Date(DateChangeKind::DeathDate) => "date of death".to_string(),
            Found::Suspect(kind) => kind.label().to_string(),
            Found::Sensitive(category) => category.label().to_string(),
        }
    }
}

/// An anonymised review and the report of how it was made.
#[derive(Debug, Clone)]
pub struct Anonymised {
    /// The review as it may be published.
    pub review: Review,
    /// What was replaced, kept and flagged.
    pub report: Report,
}

/// The anonymisation of one review, ready to apply to any of its texts.
#[derive(Debug, Clone)]
pub struct Anonymiser {
    names: NameMatcher,
    /// What each form is and what replaces it.
    forms: Forms,
    person_ids: Vec<Id>,
    dates: DateRules,
    sensitive: SensitiveRules,
    allow: Vec<String>,
    overrides: Vec<AnonymisationOverride>,
    /// Words the residual scan passes over (pseudonyms, roles…).
    known: Known,
}

/// What was found at one place, until it becomes an [`Occurrence`]
/// (only those that survive merging do).
struct Pending {
    /// Where, in view positions (the words around it are read here).
    start: usize,
    end: usize,
    verdict: Verdict,
    /// A date's replacement (the others' follow from what they are).
    date: String,
    /// The words before and after, when a decision needed them already.
    words: Option<(SmolStr, SmolStr)>,
}

/// Buffers one thread keeps from one text to the next: anonymising a
/// text allocates little beyond its result.
#[derive(Default)]
struct Buffers {
    find: FindBuffers,
    hits: Vec<NameHit>,
    judged: Vec<(Class, &'static str)>,
    named: HashSet<Owner>,
    /// What was found, in the order found; the lists below hold indexes.
    pendings: Vec<Pending>,
    spans: Vec<Span>,
    merged: Vec<Span>,
    kept: Vec<usize>,
    placed: Vec<(Range<usize>, usize)>,
    identifiers: Vec<Identifier>,
    date_buffers: DateBuffers,
    dates: Vec<DateChange>,
    /// Residual suspects, and a word's lower case while judging them.
    suspects: Vec<(usize, usize, SuspectKind)>,
    lower: String,
    /// The stretches found before the residual scan, sorted.
    found: Vec<(usize, usize)>,
    /// Stretches of the text inside quotation marks.
    quotes: Vec<Range<usize>>,
    sensitive: Vec<SensitiveChange>,
    /// Name words found (start, end, pending), while judging whose they are.
    name_words: Vec<(usize, usize, usize)>,
    /// The stretches of each author field read so far that name its author.
    authors: HashMap<String, Vec<(usize, usize)>>,
}

/// Records a stretch that is always replaced (a date, a sensitive
/// detail) by `replacement`: its pending occurrence and its span.
fn replace_always(
    pendings: &mut Vec<Pending>,
    spans: &mut Vec<Span>,
    range: Range<usize>,
    what: What,
    reason: &'static str,
    replacement: String,
    priority: u8,
) {
    pendings.push(Pending {
        start: range.start,
        end: range.end,
        verdict: Verdict {
            what,
            class: Class::Name,
            reason,
            replaced: true,
            flagged: false,
            overridden: None,
        },
        date: replacement,
        words: None,
    });
    spans.push(Span {
        start: range.start,
        end: range.end,
        priority,
        pending: pendings.len() - 1,
    });
}

/// A stretch to replace, in view positions.
struct Span {
    start: usize,
    end: usize,
    priority: u8,
    /// Which pending occurrence it replaces.
    pending: usize,
}

/// What a form's owners are, as ids.
fn found_of(owners: &[Owner], people: &[Id], agencies: &[Id], places: &[Id]) -> Found {
    let mut ids = Vec::new();
    for owner in owners {
        match *owner {
            Owner::Person(i) => ids.push(people[i].clone()),
            Owner::Agency(i) => return Found::Agency(agencies[i].clone()),
            Owner::Place(i) => return Found::Place(places[i].clone()),
            Owner::Withheld { person, attribute } => {
                return Found::Withheld {
                    person: people[person].clone(),
                    attribute,
                };
            }
        }
    }
    Found::Person(ids.into())
}

/// The child whose age dates are given in, when the policy needs one.
fn age_child(review: &Review) -> Option<(String, NaiveDate)> {
    let settings = &review.meta.anonymisation;
    let person = match &settings.age_of {
        Some(id) => review.people.iter().find(|p| &p.id == id),
        None => review
            .people
            .iter()
            .find(|p| p.kind == PersonKind::SubjectChild),
    }?;
    let name = if person.pseudonym.trim().is_empty() {
        "the child".to_string()
    } else {
        person.pseudonym.trim().to_string()
    };
    Some((name, person.date_of_birth?))
}

/// What stands for a person in anonymised text: their pseudonym, else
/// their role; empty when they have neither.
fn stand_in(person: &crate::model::Person) -> &str {
    match person.pseudonym.trim() {
        "" => person.role.trim(),
        pseudonym => pseudonym,
    }
}

impl Anonymiser {
    /// Prepares the anonymisation of a review: its cast's name forms, its
    /// date policy, allow-list and overrides.
    pub fn new(review: &Review) -> Anonymiser {
        let settings = &review.meta.anonymisation;
        let forms = cast_forms(review, &settings.allow);
        let person_text = |i: usize| match stand_in(&review.people[i]) {
            "" => "[name]".to_string(),
            text => text.to_string(),
        };
        let owner_text = |owner: &Owner| match *owner {
            Owner::Person(i) => person_text(i),
            Owner::Agency(i) => {
                let g = review.agencies[i].generic_name.trim();
                if g.is_empty() {
                    "[agency]".into()
                } else {
                    g.to_string()
                }
            }
            Owner::Place(i) => {
                let g = review.places[i].generic_name.trim();
                if g.is_empty() {
                    "[place]".into()
                } else {
                    g.to_string()
                }
            }
            Owner::Withheld { attribute, .. } => format!("[{attribute} withheld]"),
        };
        let replacements: Arc<[SmolStr]> = forms
            .forms
            .iter()
            .map(|form| {
                let texts: Vec<String> = form.owners.iter().map(owner_text).collect();
                // A part of several agencies' names is their town's, which
                // is no one of them, even of one kind.
                let agencies = form
                    .owners
                    .iter()
                    .filter(|o| matches!(o, Owner::Agency(_)))
                    .count();
                let towns = form.claim == Claim::Part && agencies >= 2;
                if !towns && texts.iter().all(|t| t == &texts[0]) {
                    SmolStr::from(texts[0].as_str())
                } else {
                    SmolStr::new_inline("[name]")
                }
            })
            .collect();
        // What replaces a doubtful occurrence: it asserts nothing about who.
        let neutral: Arc<[SmolStr]> = forms
            .forms
            .iter()
            .map(|form| {
                SmolStr::new_static(match form.owners.first() {
                    Some(Owner::Place(_)) => "[place]",
                    Some(Owner::Agency(_)) => "[agency]",
                    _ if form.exact_case
                        || form.always_ambiguous.is_some_and(|_| form.text.len() <= 3) =>
                    {
                        "[initials]"
                    }
                    _ => "[name]",
                })
            })
            .collect();
        let dates = DateRules {
            policy: settings.date_policy,
            child: match settings.date_policy {
                DatePolicy::ChildAge => age_child(review),
                _ => None,
            },
            period_start: review.meta.period.map(|p| p.start.first_day()),
            birth_dates: review
                .people
                .iter()
                .filter_map(|p| p.date_of_birth)
                .collect(),
        };
        let person_ids: Vec<Id> = review.people.iter().map(|p| p.id.clone()).collect();
        let agency_ids: Vec<Id> = review.agencies.iter().map(|a| a.id.clone()).collect();
        let place_ids: Vec<Id> = review.places.iter().map(|p| p.id.clone()).collect();
        let found: Arc<[Found]> = forms
            .forms
            .iter()
            .map(|form| found_of(&form.owners, &person_ids, &agency_ids, &place_ids))
            .collect();
        Anonymiser {
            names: NameMatcher::new(forms),
            forms: Forms {
                found,
                replacements,
                neutral,
            },
            person_ids,
            dates,
            sensitive: SensitiveRules::new(settings),
            allow: settings.allow.clone(),
            overrides: settings.overrides.clone(),
            known: Known::of(review),
        }
    }

    /// This anonymiser without the review's sensitive data policy: names,
    /// places, identifiers and dates are still replaced, but ages, health,
    /// medication, money and times are kept as written. For the anonymised
    /// review file (`foresight anonymise`); what is published (the report,
    /// its figures and chronology) always applies the policy.
    pub fn keeping_sensitive_details(mut self) -> Anonymiser {
        self.sensitive = SensitiveRules::none();
        self
    }

    /// The name matcher (for the leak check).
    pub fn names(&self) -> &NameMatcher {
        &self.names
    }

    /// The date rules (for the leak check).
    pub fn date_rules(&self) -> &DateRules {
        &self.dates
    }

    /// The allow-list.
    pub fn allow(&self) -> &[String] {
        &self.allow
    }

    /// What a form's owners are, as ids.
    pub fn found_for(&self, form: usize) -> Found {
        self.forms.found[form].clone()
    }

    fn decision(
        &self,
        record: &Id,
        field: &str,
        text: &str,
        before: &str,
        after: &str,
    ) -> Option<OverrideAction> {
        if self.overrides.is_empty() {
            return None;
        }
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        self.overrides
            .iter()
            .find(|o| {
                &o.record == record
                    && o.field == field
                    && o.text == text
                    && o.before == before
                    && o.after == after
            })
            .map(|o| o.action)
    }

    /// Anonymises one text of a record's field. `people` are the people
    /// the record lists (evidence that a doubtful word is their name).
    /// Returns the new text and every occurrence found, in text order.
    pub fn text(
        &self,
        record: &Id,
        field: &str,
        text: &str,
        people: &[Id],
    ) -> (String, Vec<Occurrence>) {
        thread_local! {
            /// This thread's buffers for single texts.
            static BUFFERS: std::cell::RefCell<Buffers> = std::cell::RefCell::default();
        }
        let mut part = Part::default();
        let mut run = |buffers: &mut Buffers| {
            self.text_into(buffers, &mut part, record, field, text, people, None)
        };
        let out = BUFFERS.with(|buffers| match buffers.try_borrow_mut() {
            Ok(mut buffers) => run(&mut buffers),
            Err(_) => run(&mut Buffers::default()),
        });
        let report = Report::new(vec![part], self.forms.clone());
        (out, report.occurrences().collect())
    }

    /// The words before and after a stretch, and the reviewer's decision
    /// on it, when the review has decisions at all.
    fn decide(
        &self,
        record: &Id,
        field: &str,
        v: &str,
        start: usize,
        end: usize,
    ) -> (Option<(SmolStr, SmolStr)>, Option<OverrideAction>) {
        if self.overrides.is_empty() {
            return (None, None);
        }
        let before = any_word_before(v, start);
        let after = any_word_after(v, end);
        let decision = self.decision(record, field, &v[start..end], &before, &after);
        (Some((before, after)), decision)
    }

    /// What replaces a pending occurrence: a doubtful one the reviewer
    /// has not decided on becomes a neutral placeholder, not a pseudonym.
    fn replacement<'a>(&'a self, pending: &'a Pending) -> &'a str {
        self.forms.replacement(pending.verdict, &pending.date)
    }

    /// True when the reviewer kept this word wherever it is doubtful
    /// (`foresight anonymise --keep WORD`, the allow-list).
    pub fn is_allowed(&self, word: &str) -> bool {
        let word = word.trim();
        self.allow
            .iter()
            .any(|a| a == word || (!words::is_acronym(word) && a.eq_ignore_ascii_case(word)))
    }
}

/// Anonymises a review: see the module documentation.
pub fn anonymise(review: &Review) -> Anonymised {
    Anonymiser::new(review).review(review)
}

#[cfg(test)]
mod publication_tests;
#[cfg(test)]
mod tests;

/// The clock without a single day in it: its calendar, anchor, decision,
/// rationale and the reasons for missed deadlines.
fn without_days(clock: &crate::model::ReviewClock) -> crate::model::ReviewClock {
    crate::model::ReviewClock {
        calendar: clock.calendar.clone(),
        rapid_review_from: clock.rapid_review_from,
        decision: clock.decision,
        decision_rationale: clock.decision_rationale.clone(),
        missed: clock.missed.clone(),
        ..Default::default()
    }
}
