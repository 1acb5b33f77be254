//! The hindsight and blame language lint.
//!
//! A [`Lexicon`] of phrases (data in `templates/lexicon/`, after the
//! lexicon of `domain.md` §3.2) finds counterfactuals ("should have"),
//! hindsight certainty ("it was clear that"), judgmental words, individual
//! fault, missed-opportunity framing, outcome claims, compliance framing,
//! deficits without context and family-blaming labels. Each [`Hit`] has a
//! span, a category, a severity and a question that helps the writer
//! explain instead of judge.
//!
//! Matching reads words, not characters: inflections ("fail to", "had
//! failed to"), contractions ("shouldn't have"), word order ("opportunity
//! was missed"), negation ("it was not inevitable", "there is no evidence
//! that … would have prevented") and the subject of a phrase ("the system
//! failed to provide" is not blame of a person; "the social worker failed
//! to" is). Quoted speech of practitioners or family, and questions for
//! the partnership, are one severity lower.

mod actor;
mod lexicon;
mod pattern;
mod review;
mod text;

#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

pub use lexicon::{ActorWords, Entry, LexiconError, LexiconFile, Scope, parse_actors, parse_file};
pub use review::{
    AccountHit, FieldHit, FieldText, TagSuggestion, accept_change, acceptance_of, lint_account,
    lint_review, reopen_change, review_fields, suggest_tag,
};

use actor::{Actors, negated};
use pattern::Pattern;
use text::{Word, words};

/// The kind of language a phrase is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Category {
    /// CF: what people should or could have done.
    Counterfactual,
    /// HC: writing as if the outcome was foreseeable or obvious.
    HindsightCertainty,
    /// JA: a word that judges practice instead of explaining it.
    JudgmentalWord,
    /// IF: fault placed on the person nearest the event.
    IndividualFault,
    /// MO: a moment framed by what it turned out to mean.
    MissedOpportunity,
    /// OC: a claim that one action would have changed the outcome.
    OutcomeClaim,
    /// CN: rules not followed, reminders and training as remedies.
    ComplianceFraming,
    /// DF: what was missing, without what would have made it possible.
    DeficitWithoutContext,
    /// FL: a label that places the problem in the family.
    FamilyLabel,
}

impl Category {
    /// Every category, in the order of `domain.md` §3.2.
    pub const ALL: [Category; 9] = [
        Category::Counterfactual,
        Category::HindsightCertainty,
        Category::JudgmentalWord,
        Category::IndividualFault,
        Category::MissedOpportunity,
        Category::OutcomeClaim,
        Category::ComplianceFraming,
        Category::DeficitWithoutContext,
        Category::FamilyLabel,
    ];

    /// The two-letter code, e.g. "CF".
    pub fn code(self) -> &'static str {
        match self {
            Category::Counterfactual => "CF",
            Category::HindsightCertainty => "HC",
            Category::JudgmentalWord => "JA",
            Category::IndividualFault => "IF",
            Category::MissedOpportunity => "MO",
            Category::OutcomeClaim => "OC",
            Category::ComplianceFraming => "CN",
            Category::DeficitWithoutContext => "DF",
            Category::FamilyLabel => "FL",
        }
    }

    /// A lower-case name, e.g. "counterfactual".
    pub fn label(self) -> &'static str {
        match self {
            Category::Counterfactual => "counterfactual",
            Category::HindsightCertainty => "hindsight certainty",
            Category::JudgmentalWord => "judgmental word",
            Category::IndividualFault => "individual fault",
            Category::MissedOpportunity => "missed-opportunity framing",
            Category::OutcomeClaim => "outcome claim",
            Category::ComplianceFraming => "compliance framing",
            Category::DeficitWithoutContext => "deficit without context",
            Category::FamilyLabel => "family-blaming label",
        }
    }
}

/// How strongly a hit signals hindsight or blame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Severity {
    /// Worth a second look ("clearly").
    Low,
    /// Usually a sign of hindsight or blame ("could have").
    Medium,
    /// Blame or hindsight on its own ("failed to", "with hindsight").
    High,
}

impl Severity {
    /// The weight of the severity in a passage's verdict.
    pub fn weight(self) -> u32 {
        match self {
            Severity::Low => 1,
            Severity::Medium => 2,
            Severity::High => 3,
        }
    }

    /// One step lower (Low stays Low).
    pub fn lower(self) -> Severity {
        match self {
            Severity::High => Severity::Medium,
            _ => Severity::Low,
        }
    }

    /// One step higher (High stays High).
    pub fn raise(self) -> Severity {
        match self {
            Severity::Low => Severity::Medium,
            _ => Severity::High,
        }
    }

    /// "low", "medium" or "high".
    pub fn label(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
        }
    }
}

/// Who or what a phrase is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Subject {
    /// A system, procedure, tool, resource or condition of work.
    System,
    /// An agency, service or team.
    Organisation,
    /// A practitioner or manager.
    Practitioner,
    /// A person who may be a practitioner or family member ("she", "they").
    Person,
    /// The child, a parent, carer or relative.
    Family,
    /// Not known (a passive, or a subject the lint does not know).
    Unknown,
}

/// The kind of text being linted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Context {
    /// The review's own narrative and analysis.
    #[default]
    Narrative,
    /// A question for the partnership: hits are one severity lower.
    Question,
    /// Words quoted from a practitioner, family member or record: hits are
    /// one severity lower.
    Quotation,
}

/// One phrase found in a passage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hit {
    /// Byte offset of the start of the phrase in the passage.
    pub start: usize,
    /// Byte offset just past its end.
    pub end: usize,
    /// The phrase as written in the passage.
    pub matched: String,
    /// The phrase in lower case with contractions expanded, one space
    /// between words: what an acceptance records.
    pub key: String,
    /// The lexicon phrase it is an instance of, e.g. "failed to".
    pub phrase: String,
    /// Its category.
    pub category: Category,
    /// Other categories it belongs to.
    pub also: Vec<Category>,
    /// How strongly it signals hindsight or blame, after subject, quotation
    /// and context are taken into account.
    pub severity: Severity,
    /// The question that helps the writer explain instead of judge.
    pub question: String,
    /// True when the phrase is inside quotation marks.
    pub quoted: bool,
    /// Who or what the phrase is about.
    pub subject: Subject,
}

impl Hit {
    /// "CF counterfactual", or "CF/IF counterfactual, individual fault".
    pub fn categories(&self) -> String {
        let all: Vec<Category> = std::iter::once(self.category)
            .chain(self.also.iter().copied())
            .collect();
        let codes: Vec<&str> = all.iter().map(|c| c.code()).collect();
        let labels: Vec<&str> = all.iter().map(|c| c.label()).collect();
        format!("{} {}", codes.join("/"), labels.join(", "))
    }
}

/// Whether a passage reads as blame or as learning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Verdict {
    /// Hindsight, counterfactual or fault-finding language.
    Blame,
    /// No sign of blame.
    Learning,
}

impl Verdict {
    /// "blame" or "learning".
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Blame => "blame",
            Verdict::Learning => "learning",
        }
    }
}

/// The verdict on a passage with these hits: blame when one hit is of high
/// severity, or when the hits together weigh four or more (two of medium
/// severity).
pub fn verdict(hits: &[Hit]) -> Verdict {
    let weight: u32 = hits.iter().map(|h| h.severity.weight()).sum();
    if hits.iter().any(|h| h.severity == Severity::High) || weight >= 4 {
        Verdict::Blame
    } else {
        Verdict::Learning
    }
}

/// A compiled lexicon, ready to lint text.
#[derive(Debug, Clone)]
pub struct Lexicon {
    files: Vec<LexiconFile>,
    /// Every entry with its file's category.
    entries: Vec<(Category, Entry)>,
    /// Every pattern with the entry it belongs to.
    patterns: Vec<(usize, Pattern)>,
    /// Patterns by the forms of their first word.
    index: HashMap<String, Vec<usize>>,
    /// The `unless` patterns of each entry.
    unless: Vec<Vec<Pattern>>,
    actors: Actors,
}

static SHARED: OnceLock<(Lexicon, Option<String>)> = OnceLock::new();

impl Lexicon {
    /// The lexicon built into Foresight.
    pub fn built_in() -> Lexicon {
        Lexicon::find(&[]).expect("the built-in lexicon is tested to load")
    }

    /// The lexicon with user copies from the templates folders (each
    /// folder's `lexicon/` subfolder) in place of the built-in files.
    pub fn find(folders: &[PathBuf]) -> Result<Lexicon, LexiconError> {
        let sources = lexicon::sources(folders);
        let mut files = Vec::new();
        for (path, text) in &sources.files {
            files.push((path.clone(), parse_file(text, path)?));
        }
        let (path, text) = &sources.actors;
        let actors = parse_actors(text, path)?;
        Lexicon::compile(files, &actors)
    }

    /// The lexicon of the user's templates folders, loaded once; the
    /// built-in one when a user file cannot be read (see
    /// [`Lexicon::shared_problem`]).
    pub fn shared() -> &'static Lexicon {
        &Lexicon::shared_state().0
    }

    /// Why the user's lexicon files could not be used, when they could not.
    pub fn shared_problem() -> Option<&'static str> {
        Lexicon::shared_state().1.as_deref()
    }

    fn shared_state() -> &'static (Lexicon, Option<String>) {
        SHARED.get_or_init(
            || match Lexicon::find(&crate::taxonomy::template_folders()) {
                Ok(lexicon) => (lexicon, None),
                Err(e) => (Lexicon::built_in(), Some(e.to_string())),
            },
        )
    }

    /// Compiles lexicon files; the paths are used in error messages.
    pub fn compile(
        files: Vec<(PathBuf, LexiconFile)>,
        actors: &ActorWords,
    ) -> Result<Lexicon, LexiconError> {
        let mut lexicon = Lexicon {
            files: Vec::new(),
            entries: Vec::new(),
            patterns: Vec::new(),
            index: HashMap::new(),
            unless: Vec::new(),
            actors: Actors::new(actors),
        };
        let compile = |path: &Path, entry: &Entry, text: &str| {
            Pattern::parse(text).map_err(|message| LexiconError::BadPattern {
                path: path.to_path_buf(),
                phrase: entry.phrase.clone(),
                pattern: text.to_string(),
                message,
            })
        };
        for (path, file) in files {
            for entry in &file.entries {
                let number = lexicon.entries.len();
                for text in &entry.patterns {
                    let pattern = compile(&path, entry, text)?;
                    for form in pattern.first_forms() {
                        lexicon
                            .index
                            .entry(form.clone())
                            .or_default()
                            .push(lexicon.patterns.len());
                    }
                    lexicon.patterns.push((number, pattern));
                }
                let unless = entry
                    .unless
                    .iter()
                    .map(|text| compile(&path, entry, text))
                    .collect::<Result<Vec<_>, _>>()?;
                lexicon.unless.push(unless);
                lexicon.entries.push((file.category, entry.clone()));
            }
            lexicon.files.push(file);
        }
        for list in lexicon.index.values_mut() {
            list.sort_unstable();
            list.dedup();
        }
        Ok(lexicon)
    }

    /// The lexicon files, in load order.
    pub fn files(&self) -> &[LexiconFile] {
        &self.files
    }

    /// How many phrases the lexicon holds.
    pub fn phrase_count(&self) -> usize {
        self.entries.len()
    }

    /// The hits in a passage of the review's own narrative.
    pub fn lint(&self, text: &str) -> Vec<Hit> {
        self.lint_in(text, Context::Narrative)
    }

    /// The verdict on a passage of narrative.
    pub fn verdict(&self, text: &str) -> Verdict {
        verdict(&self.lint(text))
    }

    /// The hits in a passage of the given kind, in text order.
    pub fn lint_in(&self, text: &str, context: Context) -> Vec<Hit> {
        let words = words(text);
        // (entry, first word, last word), the longest match per entry and start.
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        for (i, word) in words.iter().enumerate() {
            let Some(list) = self.index.get(word.norm.as_str()) else {
                continue;
            };
            let here = found.len();
            for &p in list {
                let (entry, pattern) = &self.patterns[p];
                if let Some(last) = pattern.match_at(&words, i) {
                    match found[here..].iter_mut().find(|f| f.0 == *entry) {
                        Some(f) => f.2 = f.2.max(last),
                        None => found.push((*entry, i, last)),
                    }
                }
            }
        }
        let hits: Vec<Hit> = found
            .into_iter()
            .filter_map(|(entry, first, last)| {
                self.judge(text, &words, entry, first, last, context)
            })
            .collect();
        outermost(hits)
    }

    /// Decides whether a match is a hit, and how severe.
    fn judge(
        &self,
        text: &str,
        words: &[Word],
        number: usize,
        first: usize,
        last: usize,
        context: Context,
    ) -> Option<Hit> {
        let (file_category, entry) = &self.entries[number];
        if self.excepted(words, number, first, last) || negated(words, first) {
            return None;
        }
        let mut severity = entry.severity;
        let person =
            |s: Subject| matches!(s, Subject::Practitioner | Subject::Person | Subject::Family);
        let subject = match entry.scope {
            Scope::Always => Subject::Unknown,
            Scope::Actor => {
                // An agent inside the phrase ("the failure of the social
                // worker to") is its subject.
                let subject = words
                    .get(first + 1..last)
                    .unwrap_or_default()
                    .iter()
                    .find_map(|w| self.actors.class(w))
                    .unwrap_or_else(|| self.actors.subject(words, first));
                if subject == Subject::System {
                    return None;
                }
                subject
            }
            Scope::Person => {
                let subject = self.actors.subject(words, first);
                if !person(subject) {
                    return None;
                }
                subject
            }
            Scope::Judgment => {
                let subject = self.actors.judged(words, first, last);
                if subject == Subject::System {
                    return None;
                }
                subject
            }
        };
        if person(subject) {
            severity = severity.raise();
        }
        let mut category = *file_category;
        let mut also = entry.also.clone();
        match subject {
            Subject::Family if category != Category::FamilyLabel => {
                also.insert(0, category);
                category = Category::FamilyLabel;
            }
            Subject::Practitioner if category == Category::FamilyLabel => {
                category = Category::IndividualFault;
            }
            Subject::Practitioner | Subject::Person
                if category != Category::FamilyLabel
                    && category != Category::IndividualFault
                    && !also.contains(&Category::IndividualFault) =>
            {
                also.push(Category::IndividualFault);
            }
            _ => {}
        }
        also.retain(|c| *c != category);
        also.dedup();
        let quoted = words[first..=last].iter().any(|w| w.quoted);
        if quoted {
            severity = severity.lower();
        }
        if context != Context::Narrative {
            severity = severity.lower();
        }
        let (start, end) = (words[first].start, words[last].end);
        Some(Hit {
            start,
            end,
            matched: text[start..end].to_string(),
            key: words[first..=last]
                .iter()
                .map(|w| w.norm.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            phrase: entry.phrase.clone(),
            category,
            also,
            severity,
            question: entry.question.clone(),
            quoted,
            subject,
        })
    }

    /// True when one of the entry's `unless` patterns matches over the hit.
    fn excepted(&self, words: &[Word], number: usize, first: usize, last: usize) -> bool {
        let sentence = words[first].sentence;
        self.unless[number].iter().any(|pattern| {
            (first.saturating_sub(6)..=last)
                .filter(|&i| words[i].sentence == sentence)
                .any(|i| pattern.match_at(words, i).is_some_and(|end| end >= first))
        })
    }
}

/// The hits that no other hit contains ("should have been obvious", not
/// also "should have"), in text order; of two with the same span, the more
/// severe.
fn outermost(mut hits: Vec<Hit>) -> Vec<Hit> {
    hits.sort_by(|a, b| {
        a.start
            .cmp(&b.start)
            .then(b.end.cmp(&a.end))
            .then(b.severity.cmp(&a.severity))
    });
    // Every kept hit starts at or before this one, so this one is inside a
    // kept hit exactly when the furthest end so far reaches past its end.
    let mut kept: Vec<Hit> = Vec::with_capacity(hits.len());
    let mut furthest = 0;
    for hit in hits {
        if !kept.is_empty() && furthest >= hit.end {
            continue;
        }
        furthest = furthest.max(hit.end);
        kept.push(hit);
    }
    kept
}
