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

pub mod classify;
pub mod dates;
pub mod disguise;
pub mod fields;
pub mod folding;
pub mod forms;
pub mod gazetteer;
pub mod identifiers;
pub mod leak;
pub mod lists;
pub mod matcher;
mod report;
pub mod residual;
pub mod sensitive;
pub mod spelling;
pub mod text;
pub mod words;

use std::collections::HashSet;
use std::ops::Range;
use std::sync::Arc;

use chrono::NaiveDate;
use smol_str::SmolStr;

use self::classify::{Class, FieldFacts, classify};
use self::dates::{DateBuffers, DateChange, DateChangeKind, DateRules, coarsen, date_changes_into};
use self::forms::{Owner, cast_forms};
use self::identifiers::{Identifier, IdentifierKind, find_identifiers_into};
use self::matcher::{FindBuffers, NameHit, NameMatcher};
use self::report::{Forms, Part, Verdict, What, Words};
use self::residual::suspects_into;
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

impl Anonymiser {
    /// Prepares the anonymisation of a review: its cast's name forms, its
    /// date policy, allow-list and overrides.
    pub fn new(review: &Review) -> Anonymiser {
        let settings = &review.meta.anonymisation;
        let forms = cast_forms(review, &settings.allow);
        let person_text = |i: usize| {
            let p = &review.people[i];
            if !p.pseudonym.trim().is_empty() {
                p.pseudonym.trim().to_string()
            } else if !p.role.trim().is_empty() {
                p.role.trim().to_string()
            } else {
                "[name]".to_string()
            }
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
                if texts.iter().all(|t| t == &texts[0]) {
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
        let mut run =
            |buffers: &mut Buffers| self.text_into(buffers, &mut part, record, field, text, people);
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

    /// Like [`Anonymiser::text`], adding the occurrences to `part`.
    fn text_into(
        &self,
        buffers: &mut Buffers,
        part: &mut Part,
        record: &Id,
        field: &str,
        text: &str,
        people: &[Id],
    ) -> String {
        if text.is_empty() {
            return String::new();
        }
        // Letters a right-to-left override shows in another order are read,
        // and written, in the order shown (same length: the positions of
        // what is found stay those of the text as given).
        let resolved = disguise::resolve_overrides(text);
        let text: &str = &resolved;
        let Buffers {
            find,
            hits,
            judged,
            named,
            pendings,
            spans,
            merged,
            kept,
            placed,
            identifiers,
            date_buffers,
            dates,
            suspects,
            lower,
            quotes,
            found,
            sensitive,
        } = buffers;
        let view = View::new(text);
        let v: &str = &view.text;
        // Names.
        self.names.find_into(v, find, hits);
        let forms = &self.names.forms;
        let any_word_like = hits
            .iter()
            .any(|h| h.forms.iter().all(|&f| forms[f].word_like));
        let mut facts = if any_word_like {
            FieldFacts::of(v)
        } else {
            FieldFacts::default()
        };
        // A file name has no sentences: "kettle" in "csc-kettle.csv" is a name.
        facts.lower_case_typed |= field.ends_with("file");
        pendings.clear();
        spans.clear();
        kept.clear();
        judged.clear();
        for hit in hits.iter() {
            let word_like = hit.forms.iter().all(|&f| forms[f].word_like);
            let mut verdict = classify(
                v,
                hit.name_start,
                hit.end,
                hit.after_title,
                word_like,
                facts,
            );
            if verdict.0 == Class::Name
                && !hit.after_title
                && hit
                    .forms
                    .iter()
                    .all(|&f| forms[f].always_ambiguous.is_some())
                && let Some(reason) = forms[hit.forms[0]].always_ambiguous
            {
                verdict = (Class::Ambiguous, reason);
            }
            if hit.forms.iter().all(|&f| forms[f].kinship) && !hit.after_title {
                verdict = (
                    Class::Word,
                    "a generic kinship word: kept unless the reviewer replaces it",
                );
            } else if verdict.0 == Class::Ambiguous && self.is_allowed(&v[hit.start..hit.end]) {
                verdict = (Class::Word, "kept by the reviewer wherever it is doubtful");
            } else if verdict.0 == Class::Ambiguous && fields::is_bibliographic(field) {
                verdict = (
                    Class::Word,
                    "a doubtful form (an initial) in a reference to published work: kept",
                );
            }
            judged.push(verdict);
        }
        // A doubtful word is a name when the same person is surely named in
        // the same field, or the record lists them.
        named.clear();
        if judged.iter().any(|(class, _)| *class == Class::Ambiguous) {
            named.extend(
                people
                    .iter()
                    .filter_map(|id| self.person_ids.iter().position(|p| p == id))
                    .map(Owner::Person),
            );
            for (hit, (class, _)) in hits.iter().zip(judged.iter()) {
                let surely = hit.after_title
                    || v[hit.name_start..hit.end].contains(' ')
                    || hit.forms.iter().any(|&f| !forms[f].word_like);
                if *class == Class::Name && surely {
                    named.extend(forms[hit.form].owners.iter().copied());
                }
            }
        }
        for (hit, &(class, reason)) in hits.iter().zip(judged.iter()) {
            let (class, reason) = if class == Class::Ambiguous
                && !hit.forms.iter().any(|&f| forms[f].abbreviation)
                && forms[hit.form].owners.iter().any(|o| named.contains(o))
            {
                (Class::Name, "the same person is named in this record")
            } else {
                (class, reason)
            };
            let (words, overridden) = self.decide(record, field, v, hit.start, hit.end);
            let replaced = match overridden {
                Some(OverrideAction::Keep) => false,
                Some(OverrideAction::Replace) => true,
                None => class != Class::Word,
            };
            let pending = Pending {
                start: hit.start,
                end: hit.end,
                verdict: Verdict {
                    what: What::Form(u32::try_from(hit.form).unwrap_or(u32::MAX)),
                    class,
                    reason,
                    replaced,
                    flagged: class == Class::Ambiguous && overridden.is_none(),
                    overridden,
                },
                date: String::new(),
                words,
            };
            pendings.push(pending);
            if replaced {
                // Numbers glued after a name ("Ceri/08-19/08") would read as
                // a reference number after its pseudonym ("Child Z-19/08").
                spans.push(Span {
                    start: hit.start,
                    end: dates::glued_numbers_after(v, hit.end),
                    priority: 3,
                    pending: pendings.len() - 1,
                });
                // "@zo" is an account named after the person: the whole
                // handle goes, or "@Child Z" would read as one.
                if let Some(handle) = handle_around(v, hit.start, hit.end) {
                    pendings.push(Pending {
                        start: handle.start,
                        end: handle.end,
                        verdict: Verdict {
                            what: What::Identifier(IdentifierKind::SocialMedia),
                            class: Class::Name,
                            reason: "personal data",
                            replaced: true,
                            flagged: false,
                            overridden: None,
                        },
                        date: String::new(),
                        words: None,
                    });
                    spans.push(Span {
                        start: handle.start,
                        end: handle.end,
                        priority: 3,
                        pending: pendings.len() - 1,
                    });
                }
            } else {
                kept.push(pendings.len() - 1);
            }
        }

        // Personal data without a cast entry.
        find_identifiers_into(v, &self.allow, identifiers);
        for id in identifiers.iter() {
            let (start, end) = (id.range.start, id.range.end);
            let (words, overridden) = self.decide(record, field, v, start, end);
            let replaced = overridden != Some(OverrideAction::Keep);
            let pending = Pending {
                start,
                end,
                verdict: Verdict {
                    what: What::Identifier(id.kind),
                    class: if id.doubt.is_some() {
                        Class::Ambiguous
                    } else {
                        Class::Name
                    },
                    reason: id.doubt.unwrap_or("personal data"),
                    replaced,
                    flagged: id.doubt.is_some() && overridden.is_none(),
                    overridden,
                },
                date: String::new(),
                words,
            };
            pendings.push(pending);
            if replaced {
                spans.push(Span {
                    start,
                    end,
                    priority: 2,
                    pending: pendings.len() - 1,
                });
            } else {
                kept.push(pendings.len() - 1);
            }
        }

        // Dates.
        date_changes_into(v, &self.dates, date_buffers, dates);
        for change in dates.drain(..) {
            let reason = match change.kind {
                DateChangeKind::Coarsened => "an exact date, coarsened by the review's date policy",
                DateChangeKind::BirthDate => "a date of birth is always removed",
                DateChangeKind::DeathDate => "a date of death is always removed",
            };
            replace_always(
                pendings,
                spans,
                change.range,
                What::Date(change.kind),
                reason,
                change.replacement,
                1,
            );
        }

        // Sensitive details.
        // The agencies' records are the chronology entries' text.
        self.sensitive
            .changes_into(v, fields::is_agency_record(field), sensitive);
        for change in sensitive.drain(..) {
            replace_always(
                pendings,
                spans,
                change.range,
                What::Sensitive(change.category),
                "a sensitive detail, withheld by the review's sensitive data policy",
                change.replacement,
                0,
            );
        }

        // What still looks like a name, a place or a number: replaced by a
        // neutral placeholder unless the reviewer kept it.
        {
            // Tokens come in text order: the stretches found, sorted, are
            // passed once.
            found.clear();
            found.extend(pendings.iter().map(|p| (p.start, p.end)));
            found.sort_unstable();
            let mut next = 0;
            let mut reach = 0;
            let covered = |start: usize, end: usize| {
                while next < found.len() && found[next].0 < end {
                    reach = reach.max(found[next].1);
                    next += 1;
                }
                // A stretch that starts before the token's end reaches into it.
                reach > start
            };
            // A reference to published work names its authors, places of
            // publication and publishers: the cast's names are replaced in
            // it, but nothing else is suspect.
            if fields::is_bibliographic(field) {
                suspects.clear();
            } else {
                suspects_into(v, &self.known, covered, lower, suspects);
            }
        }
        for &(start, end, kind) in suspects.iter() {
            let (words, overridden) = self.decide(record, field, v, start, end);
            let replaced = overridden != Some(OverrideAction::Keep);
            pendings.push(Pending {
                start,
                end,
                verdict: Verdict {
                    what: What::Suspect(kind),
                    class: Class::Ambiguous,
                    reason: "not in the cast, but looks like a name, a place or a number",
                    replaced,
                    flagged: false,
                    overridden,
                },
                date: String::new(),
                words,
            });
            if replaced {
                spans.push(Span {
                    start,
                    end,
                    priority: 0,
                    pending: pendings.len() - 1,
                });
            } else {
                kept.push(pendings.len() - 1);
            }
        }

        // A stretch that starts or ends inside a word takes the whole word:
        // "Łukasz" glued to an address ("WalkŁukasz") would stand alone
        // after "[address]".
        spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
        let mut word = 0..0;
        for span in spans.iter_mut() {
            for at in [span.start, span.end] {
                if !(word.start < at && at < word.end) {
                    word = word_across(v, at);
                }
                if word.start < at && at < word.end {
                    span.start = span.start.min(word.start);
                    span.end = span.end.max(word.end);
                }
            }
        }
        // Overlapping stretches become one: nothing of any of them is left.
        spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
        merged.clear();
        for span in spans.drain(..) {
            match merged.last_mut() {
                Some(last) if span.start < last.end => {
                    let last_len = last.end - last.start;
                    let len = span.end - span.start;
                    let new_end = last.end.max(span.end);
                    if (len, span.priority) > (last_len, last.priority) {
                        let start = last.start;
                        *last = span;
                        last.start = start;
                    }
                    last.end = new_end;
                    pendings[last.pending].verdict.flagged = false;
                }
                _ => merged.push(span),
            }
        }

        // The new text, and the occurrences in original positions: those
        // replaced, then those kept that no other overlaps, in text order.
        let mut out = String::with_capacity(text.len());
        placed.clear();
        quotes.clear();
        if !merged.is_empty() {
            quotations(v, quotes);
        }
        let mut copied = 0;
        for span in merged.drain(..) {
            let start = view.start_in_original(span.start);
            let end = view.end_in_original(span.end);
            out.push_str(&text[copied..start]);
            let replacement = self.replacement(&pendings[span.pending]);
            // "Mother 2 May 2022" would read as a day: a coarsened date
            // right after a number is set off by a comma. What stands
            // between them is read as a space (see `dates::ascii_shadow`)
            // when it is a space or any character beyond ASCII that is not
            // a letter or digit: it makes way for the comma.
            let is_date = !pendings[span.pending].date.is_empty();
            if is_date && replacement.starts_with(|c: char| c.is_alphabetic()) {
                let trimmed = out
                    .trim_end_matches(|c: char| {
                        c.is_whitespace() || (!c.is_ascii() && !c.is_alphanumeric())
                    })
                    .len();
                if trimmed < out.len() && out[..trimmed].ends_with(|c: char| c.is_ascii_digit()) {
                    out.truncate(trimmed);
                    out.push_str(", ");
                }
            }
            // Words changed inside a quotation are marked as the editor's.
            let quoted = !replacement.starts_with('[')
                && quotes
                    .iter()
                    .any(|q| q.start <= span.start && span.end <= q.end);
            if quoted {
                out.push('[');
                out.push_str(replacement);
                out.push(']');
            } else {
                // A letter or digit on both sides of where the words meet
                // what follows would join them into one ("August 2019" and
                // "184" into "2019184"): a space keeps them apart.
                let joins = |a: Option<char>, b: Option<char>| {
                    a.is_some_and(char::is_alphanumeric) && b.is_some_and(char::is_alphanumeric)
                };
                if joins(out.chars().next_back(), replacement.chars().next()) {
                    out.push(' ');
                }
                out.push_str(replacement);
                if joins(replacement.chars().next_back(), text[end..].chars().next()) {
                    out.push(' ');
                }
            }
            copied = end;
            placed.push((start..end, span.pending));
        }
        out.push_str(&text[copied..]);
        for pending in kept.drain(..) {
            let (start, end) = (pendings[pending].start, pendings[pending].end);
            let (start, end) = (view.start_in_original(start), view.end_in_original(end));
            if placed.iter().any(|(r, _)| r.start < end && start < r.end) {
                continue;
            }
            placed.push((start..end, pending));
        }
        placed.sort_by_key(|(r, _)| r.start);
        if placed.is_empty() {
            return out;
        }
        let index = part.text(record, field);
        for (range, p) in placed.drain(..) {
            let p = &pendings[p];
            let (before, after) = match &p.words {
                Some((before, after)) => (before.as_str(), after.as_str()),
                None => (
                    nearest_word_before(v, p.start),
                    nearest_word_after(v, p.end),
                ),
            };
            let words = Words {
                before,
                after,
                date: &p.date,
            };
            part.push(index, text, range, words, p.verdict);
        }
        out
    }

    /// Anonymises a whole review (the one this anonymiser was made from).
    ///
    /// Besides the texts: names give way to pseudonyms and generic names,
    /// dates of birth go, episode and period dates are coarsened, and the
    /// clock and agency returns lose their days.
    pub fn review(&self, review: &Review) -> Anonymised {
        // Everything but the chronology is copied and changed in place; the
        // chronology, most of a review, is written anew from the original.
        let mut out = review.without_chronology();
        let mut without_pseudonym = Vec::new();
        let mut undecided = Vec::new();
        for person in &mut out.people {
            person.name.clear();
            person.aliases.clear();
            person.date_of_birth = None;
            if person.pseudonym.trim().is_empty() {
                without_pseudonym.push(person.id.clone());
            }
            for (name, attribute) in person.attributes.all_mut() {
                if attribute.disclosure == Disclosure::Publish {
                    continue;
                }
                if attribute.disclosure == Disclosure::Undecided
                    && !attribute.value.trim().is_empty()
                {
                    undecided.push((person.id.clone(), name));
                }
                attribute.value.clear();
                attribute.reason.clear();
            }
        }
        for agency in &mut out.agencies {
            agency.name = agency.generic_name.clone();
            agency.aliases.clear();
            // When each agency sent what is the review's own business, and
            // exact days: only what they gave stays.
            let returned = &mut agency.returned;
            returned.requested = None;
            returned.chronology = None;
            returned.summary = None;
        }
        // The clock's days (the day the incident became known among them)
        // would date the case exactly: the anonymised review keeps the
        // decision, its rationale and the reasons for missed deadlines.
        out.meta.clock = without_days(&out.meta.clock);
        for place in &mut out.places {
            place.name = place.generic_name.clone();
            place.aliases.clear();
        }
        for episode in &mut out.episodes {
            episode.start = episode.start.map(coarsen);
            episode.end = episode.end.map(coarsen);
        }
        // An action plan's dates are published to the month, like every
        // other structured date.
        for action in out.findings.iter_mut().flat_map(|f| &mut f.actions) {
            action.due = action.due.map(coarsen);
            action.review_on = action.review_on.map(coarsen);
        }
        if let Some(period) = &mut out.meta.period {
            period.start = coarsen(period.start);
            period.end = coarsen(period.end);
        }
        // The overrides quote the original text: they stay behind.
        out.meta.anonymisation.overrides.clear();
        // The texts of the review details and the people come before the
        // chronology in the report, the others after.
        let (mut before, mut after) = (Part::default(), Part::default());
        let mut buffers = Buffers::default();
        fields::visit_mut(&mut out, |id, field, people, text| {
            let part = if id.as_str() == fields::META || self.person_ids.contains(id) {
                &mut before
            } else {
                &mut after
            };
            *text = self.text_into(&mut buffers, part, id, field, text, people);
        });
        let mut parts = vec![before];
        let mut chronology = self.chronology(&review.chronology).into_iter();
        let (entries, part) = chronology.next().unwrap_or_default();
        out.chronology = entries;
        parts.push(part);
        let more: usize = chronology.as_slice().iter().map(|part| part.0.len()).sum();
        out.chronology.reserve_exact(more);
        for (entries, part) in chronology {
            out.chronology.extend(entries);
            parts.push(part);
        }
        parts.push(after);
        let mut report = Report::new(parts, self.forms.clone());
        report.undecided = undecided;
        report.without_pseudonym = without_pseudonym;
        Anonymised {
            review: out,
            report,
        }
    }

    /// Anonymises chronology entries in parallel parts, one for each of the
    /// machine's cores: the entries and occurrences of each part, in order.
    fn chronology(&self, entries: &[ChronologyEntry]) -> Vec<(Vec<ChronologyEntry>, Part)> {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let parts = threads.min(entries.len() / 256).max(1);
        let run = |entries: &[ChronologyEntry]| {
            let mut part = Part::default();
            let mut buffers = Buffers::default();
            let anonymised = entries
                .iter()
                .map(|e| {
                    let mut e = fields::map_entry(e, |id, field, people, text| {
                        self.text_into(&mut buffers, &mut part, id, field, text, people)
                    });
                    e.date = coarsen(e.date);
                    e
                })
                .collect();
            (anonymised, part)
        };
        if parts == 1 {
            return vec![run(entries)];
        }
        let size = entries.len().div_ceil(parts);
        std::thread::scope(|scope| {
            let handles: Vec<_> = entries
                .chunks(size)
                .map(|chunk| scope.spawn(|| run(chunk)))
                .collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join()
                        .expect("anonymising a part of the chronology never panics")
                })
                .collect()
        })
    }
}

/// The word a boundary at `at` falls inside (a letter or digit on both
/// sides of it), or an empty range at `at` when it falls between words.
/// Each span is widened by the words its ends fall inside, and the last
/// word is kept, so that many spans inside one long word cost its length
/// once.
fn word_across(text: &str, at: usize) -> std::ops::Range<usize> {
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    if !(alnum(text[..at].chars().next_back()) && alnum(text[at..].chars().next())) {
        return at..at;
    }
    let start = text[..at]
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[at..]
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(text.len(), |(i, _)| at + i);
    start..end
}

/// The social media handle a name found at `start..end` is part of:
/// from an `@` glued before it (not an e-mail address's) to the end of the
/// letters, digits, `_` and `.` after it.
fn handle_around(text: &str, start: usize, end: usize) -> Option<std::ops::Range<usize>> {
    let at = start.checked_sub(1)?;
    if text.as_bytes()[at] != b'@' {
        return None;
    }
    let before = text[..at].chars().next_back();
    if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-')) {
        return None;
    }
    let tail = text[end..]
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_' || *b == b'.')
        .count();
    // A full stop after the handle ends the sentence.
    let tail = text[end..end + tail].trim_end_matches('.').len();
    Some(at..end + tail)
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
