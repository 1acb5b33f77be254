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
//! to" is). Quoted speech of practitioners or family, phrases discussed
//! rather than used, and questions for the partnership, are one severity
//! lower; a report's or reviewer's words in quotation marks are a verdict
//! reported and keep their severity.
//!
//! The verdict on a passage is then a [`BlameModel`]'s (the built-in one
//! is `templates/lexicon/blame-model.tsv`, trained on the corpus of real
//! sentences): it weighs the counting hits and the lexicon's own verdict
//! with the sentence's other words. [`Lexicon::without_model`] gives the
//! phrases' verdict alone.

mod actor;
pub mod corpus;
mod lexicon;
pub mod model;
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
pub use model::{BlameModel, Driver};
pub use review::{
    AccountHit, FieldHit, FieldText, TagSuggestion, accept_change, acceptance_of,
    account_field_context, context_of, episode_field_context, field_context, lint_account,
    lint_review, record_fields, reopen_change, review_fields, suggest_tag,
};

use actor::{Actors, REPORTING, negated};
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

    /// What the category means, with examples, and the question that
    /// reframes it.
    pub fn explained(self) -> (&'static str, &'static str) {
        match self {
            Category::Counterfactual => (
                "What people should or could have done (“should have”, “could have referred”).",
                "What made the action taken make sense at the time?",
            ),
            Category::HindsightCertainty => (
                "Writing as if the outcome was foreseeable or obvious (“clearly”, “it was obvious”).",
                "What did the practitioners know then, before the outcome?",
            ),
            Category::JudgmentalWord => (
                "A word that judges practice instead of explaining it (“poor”, “inadequate”).",
                "What exactly happened, and what shaped it?",
            ),
            Category::IndividualFault => (
                "Fault placed on the person nearest the event (“the social worker failed to”).",
                "What in the system made this likely for anyone in that role?",
            ),
            Category::MissedOpportunity => (
                "A moment framed by what it turned out to mean (“a missed opportunity”).",
                "How did the moment look to those in it, with what they knew?",
            ),
            Category::OutcomeClaim => (
                "A claim that one action would have changed the outcome (“would have prevented”).",
                "Is this knowable? What else was in play?",
            ),
            Category::ComplianceFraming => (
                "Rules not followed, with reminders and training as the remedy (“did not follow procedure”).",
                "Why was the procedure hard to follow here, and is that common?",
            ),
            Category::DeficitWithoutContext => (
                "What was missing, without what would have made it possible (“no assessment was done”).",
                "What would have had to be in place for it to happen?",
            ),
            Category::FamilyLabel => (
                "A label that places the problem in the family (“non-compliant”, “hard to reach”).",
                "What did services offer, and how did it fit the family's life?",
            ),
        }
    }

    /// The question that helps the writer explain instead of judge.
    pub fn reframe(self) -> &'static str {
        self.explained().1
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
    /// True when the phrase is inside quotation marks. Only a quotation
    /// that is someone's speech ([`Hit::speech`]) lowers its severity.
    pub quoted: bool,
    /// True when the quotation is the own words of a practitioner or family
    /// member ("I thought it was a one-off", "the health visitor said …"):
    /// not the reviewer's judgement. A reviewer's or report's words in
    /// quotation marks ("the review found agencies 'lacking urgency'") are.
    pub speech: bool,
    /// True when the phrase is discussed rather than used: its sentence is
    /// about hindsight or outcome bias itself ("hindsight bias makes the
    /// signs look obvious"), names it as a term ("disguised compliance is
    /// when…", "the term 'missed opportunity'"), or makes errors a subject
    /// of study ("research on professional errors", "learning from
    /// mistakes"), or places it in the system rather than in a person ("a
    /// feature of the system rather than of one worker"), gives a deficit
    /// its reason ("… were not explored, because …"), or uses a family
    /// label of families in general ("some parents give the appearance of
    /// co-operating"). It is shown, not the reviewer's judgement.
    pub discusses: bool,
    /// Who or what the phrase is about.
    pub subject: Subject,
}

impl Hit {
    /// True when the hit is the reviewer's own judgement: not in the quoted
    /// speech of a practitioner or family member, not in a sentence about
    /// hindsight bias.
    pub fn counts(&self) -> bool {
        !self.speech && !self.discusses
    }

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
/// severity, or when the hits together weigh two or more (one of medium
/// severity, or two of low). Hits in the quoted speech of a practitioner or
/// family member, and hits discussed rather than used (see
/// [`Hit::discusses`]), are not the reviewer's judgement and do not count.
pub fn verdict(hits: &[Hit]) -> Verdict {
    verdict_of(hits)
}

/// The lexicon's verdict on some of a passage's hits.
pub(crate) fn verdict_of<'h>(hits: impl IntoIterator<Item = &'h Hit>) -> Verdict {
    let own: Vec<&Hit> = hits.into_iter().filter(|h| h.counts()).collect();
    let weight: u32 = own.iter().map(|h| h.severity.weight()).sum();
    if own.iter().any(|h| h.severity == Severity::High) || weight >= BLAME_WEIGHT {
        Verdict::Blame
    } else {
        Verdict::Learning
    }
}

/// The weight of counting hits that makes a passage blame.
const BLAME_WEIGHT: u32 = 2;

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
    /// A model that reads a passage as blame or learning instead of the
    /// lexicon's own verdict, when one is given.
    model: Option<BlameModel>,
    /// The words of each category's phrases, for the reframe question of a
    /// passage the model reads as blame without a lexicon hit.
    category_words: Vec<(Category, Vec<String>)>,
}

/// How a passage reads: its verdict and score, the phrases that drove it,
/// the question that helps to reframe it, and the lexicon's hits. Without
/// a blame model the verdict is the lexicon's ([`verdict`]) and the score
/// how far the hits go towards it: their severities' weight over four,
/// one for a high-severity hit.
#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    /// Blame or learning.
    pub verdict: Verdict,
    /// How strongly the passage reads as blame, 0–1 (with a model, its
    /// probability).
    pub score: f64,
    /// The phrases that pushed it towards blame, strongest first.
    pub drivers: Vec<Driver>,
    /// The question that helps the writer explain instead of judge: the
    /// strongest hit's in the most blaming sentence, else that of the
    /// category nearest the drivers; `None` for a passage read as learning
    /// with no hit.
    pub reframe: Option<String>,
    /// The lexicon's hits in the passage.
    pub hits: Vec<Hit>,
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
        let lexicon = Lexicon::compile(files, &actors)?;
        let (path, text) = &sources.model;
        Ok(lexicon.with_model(BlameModel::parse(text, path)?))
    }

    /// The lexicon reading passages with a blame model.
    pub fn with_model(mut self, model: BlameModel) -> Lexicon {
        self.model = Some(model);
        self
    }

    /// The lexicon reading passages by its phrases alone, with no blame
    /// model: its verdict is [`verdict`]'s.
    pub fn without_model(mut self) -> Lexicon {
        self.model = None;
        self
    }

    /// True when some phrase of the lexicon starts with this word (in
    /// lower case): the lexicon reads that word in its context, and the
    /// blame model leaves it to the lexicon.
    pub(crate) fn starts_a_phrase(&self, word: &str) -> bool {
        self.index.contains_key(word)
    }

    /// The blame model, when one is given.
    pub fn model(&self) -> Option<&BlameModel> {
        self.model.as_ref()
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
            model: None,
            category_words: Vec::new(),
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
        for category in Category::ALL {
            let mut words: Vec<String> = lexicon
                .entries
                .iter()
                .filter(|(c, _)| *c == category)
                .flat_map(|(_, e)| {
                    e.phrase
                        .split(|c: char| !c.is_alphanumeric())
                        .filter(|w| w.len() > 3)
                        .map(str::to_lowercase)
                        .collect::<Vec<_>>()
                })
                .collect();
            words.sort();
            words.dedup();
            lexicon.category_words.push((category, words));
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

    /// The verdict on a passage of narrative (the blame model's, when one
    /// is given).
    pub fn verdict(&self, text: &str) -> Verdict {
        self.judge_in(text, Context::Narrative).verdict
    }

    /// How a passage of narrative reads: verdict, score, what drove it and
    /// the hits.
    pub fn judge(&self, text: &str) -> Judgement {
        self.judge_in(text, Context::Narrative)
    }

    /// How a passage of the given kind reads.
    pub fn judge_in(&self, text: &str, context: Context) -> Judgement {
        let words = words(text);
        let hits = self.lint_words(text, &words, context);
        self.judgement(text, &words, hits, context)
    }

    /// How a passage of the given kind reads with only some of its hits:
    /// those the reviewer has not accepted ([`lint_in`](Self::lint_in)
    /// gives them all).
    pub fn judge_with_hits(&self, text: &str, context: Context, hits: Vec<Hit>) -> Judgement {
        self.judgement(text, &words(text), hits, context)
    }

    fn judgement(&self, text: &str, words: &[Word], hits: Vec<Hit>, context: Context) -> Judgement {
        let Some(model) = &self.model else {
            return lexicon_judgement(hits);
        };
        let reading = model.read(text, words, &hits, context, &|w| self.starts_a_phrase(w));
        let in_sentence = |h: &&Hit| h.start >= reading.sentence.0 && h.end <= reading.sentence.1;
        let strongest = hits
            .iter()
            .filter(in_sentence)
            .max_by_key(|h| h.severity)
            .or_else(|| hits.iter().max_by_key(|h| h.severity));
        let reframe = match strongest {
            Some(hit) => Some(hit.question.clone()),
            None if reading.blame => Some(
                model::nearest_category(&reading.drivers, &self.category_words)
                    .unwrap_or(Category::JudgmentalWord)
                    .reframe()
                    .to_string(),
            ),
            None => None,
        };
        Judgement {
            verdict: if reading.blame {
                Verdict::Blame
            } else {
                Verdict::Learning
            },
            score: reading.score,
            drivers: reading.drivers,
            reframe,
            hits,
        }
    }

    /// The hits in a passage of the given kind, in text order.
    pub fn lint_in(&self, text: &str, context: Context) -> Vec<Hit> {
        self.lint_words(text, &words(text), context)
    }

    /// The hits in a passage already read into words.
    fn lint_words(&self, text: &str, words: &[Word], context: Context) -> Vec<Hit> {
        // (entry, first word, last word), the longest match per entry and start.
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        for (i, word) in words.iter().enumerate() {
            let Some(list) = self.index.get(word.norm.as_str()) else {
                continue;
            };
            let here = found.len();
            for &p in list {
                let (entry, pattern) = &self.patterns[p];
                if let Some(last) = pattern.match_at(words, i) {
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
                self.judge_match(text, words, entry, first, last, context)
            })
            .collect();
        outermost(hits)
    }

    /// Decides whether a match is a hit, and how severe.
    fn judge_match(
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
                let inside = words
                    .get(first + 1..last)
                    .unwrap_or_default()
                    .iter()
                    .find_map(|w| self.actors.class(w));
                // A passive ("the referral was not followed up") leaves out
                // who did not act: the referral is what was not acted on,
                // not the subject that did not act.
                let subject = match inside {
                    Some(subject) => subject,
                    None if is_passive(&words[first..=last]) => Subject::Unknown,
                    None => self.actors.subject(words, first),
                };
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
            Scope::Agent => {
                let subject = self.actors.subject(words, first);
                if !person(subject) && subject != Subject::Organisation {
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
        if person(subject) || (entry.scope == Scope::Agent && subject == Subject::Organisation) {
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
        // Every word of one quotation has the same speaker: one is asked.
        let speech = (first..=last)
            .find(|&k| words[k].quoted)
            .is_some_and(|k| self.actors.own_words(words, k));
        let discusses = discusses_bias(words, first)
            || names_term(words, first, last)
            || studies(words, first)
            || rather_than_a_person(words, first)
            || found_across_cases(words, first)
            || (*file_category == Category::FamilyLabel
                && self.actors.families_in_general(sentence_of(words, first)))
            || (*file_category == Category::DeficitWithoutContext && explained(words, first, last));
        if speech || discusses {
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
            speech,
            discusses,
            subject,
        })
    }

    /// True when one of the entry's `unless` patterns matches over the hit.
    fn excepted(&self, words: &[Word], number: usize, first: usize, last: usize) -> bool {
        let sentence = words[first].sentence;
        self.unless[number].iter().any(|pattern| {
            (first.saturating_sub(8)..=last)
                .filter(|&i| words[i].sentence == sentence)
                .any(|i| pattern.match_at(words, i).is_some_and(|end| end >= first))
        })
    }
}

/// The words of the sentence of the word at `at` (sentence numbers never
/// go down along a passage, so the sentence is one run of words): read
/// from there, a phrase's tests cost its sentence, not the whole passage.
fn sentence_of(words: &[Word], at: usize) -> &[Word] {
    let sentence = words[at].sentence;
    let start = sentence_start(words, at);
    let end = words[at..]
        .iter()
        .position(|w| w.sentence != sentence)
        .map_or(words.len(), |k| at + k);
    &words[start..end]
}

/// The index of the first word of the sentence of the word at `at`.
fn sentence_start(words: &[Word], at: usize) -> usize {
    let sentence = words[at].sentence;
    words[..at]
        .iter()
        .rposition(|w| w.sentence != sentence)
        .map_or(0, |k| k + 1)
}

/// True when the sentence of the word at `at` is about hindsight or
/// outcome bias itself: it names the bias ("hindsight bias", "outcome
/// bias") or says that hindsight makes things look easy ("it is easy with
/// hindsight", "with hindsight it is easy").
fn discusses_bias(words: &[Word], at: usize) -> bool {
    let norms: Vec<&str> = sentence_of(words, at)
        .iter()
        .map(|w| w.norm.as_str())
        .collect();
    let names_bias = norms
        .windows(2)
        .any(|p| matches!(p, ["hindsight" | "outcome", "bias" | "biases"]));
    let easy_with_hindsight = norms.contains(&"hindsight")
        && norms
            .iter()
            .any(|w| matches!(*w, "easy" | "easier" | "tempting"));
    names_bias || easy_with_hindsight
}

/// Words that make a sentence about a term rather than a use of it.
const TERM_WORDS: &[&str] = &[
    "term",
    "terms",
    "label",
    "labels",
    "labelling",
    "labeling",
    "concept",
    "concepts",
    "notion",
    "phrase",
    "terminology",
    "definition",
    "defined",
];

/// True when the phrase `first..=last` is named as a term: its sentence
/// speaks of terms or labels ("the term", "a diagnostic label"), the phrase
/// is defined ("… is when", "… refers to", "… means"), modifies a word of debate
/// ("the disguised compliance issue"), or something is "associated with" it.
fn names_term(words: &[Word], first: usize, last: usize) -> bool {
    if sentence_of(words, first)
        .iter()
        .any(|w| TERM_WORDS.contains(&w.norm.as_str()))
    {
        return true;
    }
    let norm = |k: usize| words.get(k).map_or("", |w| w.norm.as_str());
    let defined = matches!(
        (norm(last + 1), norm(last + 2)),
        ("is" | "are", "when" | "where") | ("refers" | "means" | "describes", _)
    );
    let debated = matches!(
        norm(last + 1),
        "issue" | "issues" | "debate" | "debates" | "agenda" | "literature" | "research"
    );
    let associated = first >= 2 && norm(first - 2) == "associated" && norm(first - 1) == "with";
    defined || debated || associated
}

/// Words for one person in "rather than (of) one worker".
const ONE_PERSON: &[&str] = &[
    "individual",
    "individuals",
    "individually",
    "one",
    "worker",
    "workers",
    "practitioner",
    "practitioners",
    "person",
    "people",
    "personal",
    "individual's",
];

/// True when the sentence of the word at `at` sets a person aside ("…
/// rather than of one worker", "… rather than individual failings"): what
/// it says is placed in the system.
fn rather_than_a_person(words: &[Word], at: usize) -> bool {
    let sentence = sentence_of(words, at);
    sentence.windows(2).enumerate().any(|(k, pair)| {
        pair[0].norm == "rather"
            && pair[1].norm == "than"
            && sentence[k + 2..]
                .iter()
                .take(3)
                .any(|w| ONE_PERSON.contains(&w.norm.as_str()))
    })
}

/// Words before a phrase that make it a subject of study or of learning
/// ("studying individual errors", "learning from mistakes", "to avoid
/// errors"), not a judgement of what someone did.
const STUDY_WORDS: &[&str] = &[
    "research",
    "study",
    "studies",
    "studying",
    "studied",
    "analysis",
    "analysing",
    "analyzing",
    "literature",
    "framework",
    "theory",
    "avoid",
    "avoiding",
    "interest",
    "reflection",
    "learning",
    "learn",
    "understanding",
    "idea",
    "discussion",
    "discussing",
    "debate",
    "critique",
    "explores",
    "exploring",
    "examines",
    "examining",
    "briefing",
    "article",
    "paper",
];

/// Words that give the reason for what went before ("… because the form
/// had no field for it", "nothing in the template invited it").
const REASONS: &[&str] = &[
    "because",
    "since",
    "due",
    "owing",
    "given",
    "reflecting",
    "nothing",
];

/// True when a deficit is given its context: a word of reason follows it
/// in its sentence or the next ("the implications were not explored; nothing
/// in the template invited that conversation"). That is the explanation the
/// category asks for.
///
/// Or the deficit is the consequence of what its sentence said before it:
/// "…rarely involve the adults' services, so the household goes
/// unassessed"; "…which meant visits were not made".
fn explained(words: &[Word], first: usize, last: usize) -> bool {
    let sentence = words[last].sentence;
    let reason_after = words[last + 1..]
        .iter()
        .take_while(|w| w.sentence <= sentence + 1)
        .any(|w| REASONS.contains(&w.norm.as_str()));
    let start = sentence_start(words, first);
    let consequence_before = (start..first).any(|k| {
        let word = words[k].norm.as_str();
        CONSEQUENCES.contains(&word)
            // "so" that joins clauses ("so the household…"), not "so slow".
            || (word == "so"
                && k > start
                && words
                    .get(k + 1)
                    .is_some_and(|next| CLAUSE_STARTS.contains(&next.norm.as_str())))
    });
    reason_after || consequence_before
}

/// Forms of "be" that make a passive ("was not followed up", "reviews
/// were identified as…").
const BE: &[&str] = &["was", "were", "is", "are", "been", "being", "be"];

/// True when a phrase is a passive of a verb of practice: a form of "be"
/// first, then a participle ("was not followed up", "were never shared",
/// "had not been assessed").
fn is_passive(phrase: &[Word]) -> bool {
    const IRREGULAR: &[&str] = &[
        "done",
        "seen",
        "taken",
        "made",
        "heard",
        "shown",
        "known",
        "given",
        "sought",
        "kept",
        "left",
        "met",
        "told",
        "held",
        "found",
        "spoken",
        "brought",
        "thought",
        "understood",
        "undertaken",
        "passed",
    ];
    let Some(be) = phrase.iter().position(|w| BE.contains(&w.norm.as_str())) else {
        return false;
    };
    be <= 2
        && phrase[be + 1..].iter().any(|w| {
            IRREGULAR.contains(&w.norm.as_str()) || (w.norm.len() > 4 && w.norm.ends_with("ed"))
        })
}

/// Words that make what follows them the consequence of what came before.
const CONSEQUENCES: &[&str] = &[
    "therefore",
    "thus",
    "consequently",
    "hence",
    "meaning",
    "meant",
];

/// Words that start a clause after a joining "so".
const CLAUSE_STARTS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "they", "he", "she", "it", "there", "no",
    "nothing", "each", "every", "its", "their", "his", "her",
];

/// True when the phrase is what a body of evidence found across cases
/// ("several reviews found that the treatment service had not recorded the
/// child", "studies show that…"): a pattern reported as evidence that a
/// finding is wider than one case, not a verdict on this one. One review
/// finding something ("the review found that the school had not…") is not
/// such a body.
fn found_across_cases(words: &[Word], first: usize) -> bool {
    const EVIDENCE: &[&str] = &[
        "reviews",
        "studies",
        "research",
        "inspections",
        "reports",
        "audits",
        "evaluations",
        "inquiries",
        "several",
        "many",
        "most",
        "others",
    ];
    let sentence = words[first].sentence;
    let Some(verb) = (0..first)
        .rev()
        .take_while(|&k| words[k].sentence == sentence)
        .find(|&k| REPORTING.contains(&words[k].norm.as_str()))
    else {
        return false;
    };
    // The body reports ("reviews found that…"); reviews that were
    // themselves judged ("reviews were identified as over-optimistic")
    // carry a verdict.
    let passive = verb > 0 && BE.contains(&words[verb - 1].norm.as_str());
    let before = &words[verb.saturating_sub(4)..verb];
    // "Report after report highlights…", "review after review has found…".
    let one_after_another = before.windows(3).any(|w| {
        w.iter().all(|x| x.sentence == sentence) && w[1].norm == "after" && w[0].norm == w[2].norm
    });
    !passive
        && (one_after_another
            || before[before.len().saturating_sub(3)..]
                .iter()
                .any(|w| w.sentence == sentence && EVIDENCE.contains(&w.norm.as_str())))
}

/// True when a word of study comes within four words before the phrase at
/// `at`, in its clause.
fn studies(words: &[Word], at: usize) -> bool {
    let clause = words[at].clause;
    let from = at.saturating_sub(4);
    (from..at)
        .rev()
        .take_while(|&k| words[k].clause == clause)
        .any(|k| {
            STUDY_WORDS.contains(&words[k].norm.as_str())
                // "a strategy discussion should have taken place": a
                // meeting of child protection, not a debate.
                && !(words[k].norm == "discussion"
                    && k > 0
                    && matches!(words[k - 1].norm.as_str(), "strategy" | "professionals"))
        })
}

/// The lexicon's own judgement of a passage with these hits: its
/// [`verdict`], the counting hits' weight over four as the score (one with
/// a high-severity hit), those hits as drivers, most severe first, and the
/// most severe one's question (the most severe hit's when none counts).
fn lexicon_judgement(hits: Vec<Hit>) -> Judgement {
    let own = || hits.iter().filter(|h| h.counts());
    let weight: u32 = own().map(|h| h.severity.weight()).sum();
    let score = if own().any(|h| h.severity == Severity::High) {
        1.0
    } else {
        (f64::from(weight) / 4.0).min(1.0)
    };
    let mut ranked: Vec<&Hit> = own().collect();
    ranked.sort_by(|a, b| b.severity.cmp(&a.severity).then(a.start.cmp(&b.start)));
    Judgement {
        verdict: verdict(&hits),
        score,
        drivers: ranked
            .iter()
            .map(|h| Driver {
                phrase: h.matched.clone(),
                span: Some((h.start, h.end)),
                weight: f64::from(h.severity.weight()),
            })
            .collect(),
        reframe: ranked
            .first()
            .copied()
            .or_else(|| hits.iter().max_by_key(|h| h.severity))
            .map(|h| h.question.clone()),
        hits,
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
