//! The schema of a review's free-text fields: for each field of each record
//! kind, its path in the review file, its label for people, how the
//! hindsight and blame lint reads it, how anonymisation treats it, and how
//! to get and set its text.
//!
//! Every walker reads this one table: anonymisation and the residual scan
//! (`anonymise::fields`), the lint (`analysis::language`), the publication
//! check, placeholders, and the app's forms. A field is described once, so
//! the same text is read the same way everywhere; a test fails when the
//! model gains a string field that is neither described here nor one of
//! the structured values anonymisation treats as such (names, pseudonyms,
//! dates, fixed vocabularies).
//!
//! A path names a field as the review file does, with `[]` where a list's
//! position (`questions[]` → `questions[2]`) or an action's id
//! (`actions[].what` → `actions[AC1].what`) goes.

use super::{
    Agency, ChronologyEntry, ContributingFactor, Diagram, Finding, Id, LatentCondition, Link,
    NamedLoop, Person, PracticeEpisode, ReviewMeta, Variable,
};

/// How the hindsight and blame lint reads a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// The review's own words: read as narrative (an episode's narrative is
    /// read as quotation when its practice is appraised as good).
    Narrative,
    /// Someone else's words the review records (the practitioners' view at
    /// the time, what the child said, the family's views): read as
    /// quotation.
    TheirWords,
    /// A question the review asks: read as a question.
    Question,
    /// Not read by the lint: a note about the review's work, a name, a
    /// citation, an agency's own answer.
    NotLinted,
}

/// How anonymisation treats a field's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Treatment {
    /// Free text: every identifying form is replaced.
    Text,
    /// A citation of published work (authors, places and publishers are
    /// public): only the cast's own names are replaced; the leak check
    /// still reads it.
    Bibliographic,
    /// An agency's record as written (a chronology entry's text): free
    /// text whose sensitive details (doses, scores, money) are coarsened
    /// as well.
    AgencyRecord,
}

/// What a field is, without how to reach it: the same for records of any
/// kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldInfo {
    /// The path in the review file, with `[]` for a list's index.
    pub path: &'static str,
    /// The label for people.
    pub label: &'static str,
    /// How the lint reads it.
    pub reading: Reading,
    /// How anonymisation treats it.
    pub treatment: Treatment,
    /// True when a publication prints it (anonymised); false for the
    /// review's working: notes, reasons for tags, the agencies' records
    /// (the published chronology is a summary of them), the cast's details.
    pub printed: bool,
}

/// Where a field's text sits when the field is one of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Index<'a> {
    /// A single field.
    One,
    /// The item at this position of a list.
    At(usize),
    /// The item with this id (an action of a finding).
    Key(&'a Id),
}

/// What [`TextField::get_mut`] calls with each text open to change.
pub type SetText<'f> = dyn FnMut(Index<'_>, &mut String) + 'f;

/// One free-text field of records of type `R`.
pub struct TextField<R: 'static> {
    /// The path in the review file, with `[]` for a list's index.
    pub path: &'static str,
    /// The label for people, with `{}` where a list's position (counted
    /// from 1) or an item's id goes.
    pub label: &'static str,
    /// How the lint reads it.
    pub reading: Reading,
    /// How anonymisation treats it.
    pub treatment: Treatment,
    /// True when a publication prints it (see [`FieldInfo::printed`]).
    pub printed: bool,
    /// Calls `f` with each text of the field in `R`.
    pub get: for<'r> fn(&'r R, &mut dyn FnMut(Index<'r>, &'r String)),
    /// Calls `f` with each text of the field in `R`, open to change.
    pub get_mut: fn(&mut R, &mut SetText<'_>),
}

impl<R> TextField<R> {
    /// What the field is.
    pub fn info(&self) -> FieldInfo {
        FieldInfo {
            path: self.path,
            label: self.label,
            reading: self.reading,
            treatment: self.treatment,
            printed: self.printed,
        }
    }

    /// The field's name at an index, as the review file and the lint name
    /// it: `questions[2]`, `actions[AC1].what`.
    pub fn name(&self, index: Index<'_>) -> String {
        match index {
            Index::One => self.path.to_string(),
            Index::At(i) => self.path.replacen("[]", &format!("[{i}]"), 1),
            Index::Key(id) => self.path.replacen("[]", &format!("[{id}]"), 1),
        }
    }

    /// The field's label at an index: "Question 3", "Action AC1: What will
    /// be done".
    pub fn label_at(&self, index: Index<'_>) -> String {
        match index {
            Index::One => self.label.to_string(),
            Index::At(i) => self.label.replacen("{}", &(i + 1).to_string(), 1),
            Index::Key(id) => self.label.replacen("{}", id.as_str(), 1),
        }
    }

    /// True when `name` is this field at some index.
    pub fn names(&self, name: &str) -> bool {
        match self.path.split_once("[]") {
            None => name == self.path,
            Some((before, after)) => name
                .strip_prefix(before)
                .and_then(|rest| rest.strip_prefix('['))
                .and_then(|rest| rest.split_once(']'))
                .is_some_and(|(index, rest)| !index.is_empty() && rest == after),
        }
    }

    /// Calls `f(name, text)` for each text of the field in `record`.
    pub fn each<'r>(&self, record: &'r R, f: &mut dyn FnMut(Index<'r>, &'r String)) {
        (self.get)(record, f)
    }
}

impl<R> std::fmt::Debug for TextField<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TextField")
            .field("path", &self.path)
            .field("reading", &self.reading)
            .field("treatment", &self.treatment)
            .finish()
    }
}

/// A single text field: `one!("path", "Label", Reading, Treatment, a.b.c)`.
macro_rules! one {
    (working $($rest:tt)*) => {
        TextField {
            printed: false,
            ..one!($($rest)*)
        }
    };
    ($path:literal, $label:literal, $reading:ident, $treatment:ident, $($field:ident).+) => {
        TextField {
            path: $path,
            label: $label,
            reading: Reading::$reading,
            treatment: Treatment::$treatment,
            printed: true,
            get: |r, f| f(Index::One, &r.$($field).+),
            get_mut: |r, f| f(Index::One, &mut r.$($field).+),
        }
    };
}

/// A list of texts: `list!("path[]", "Label {}", …, a.b)`.
macro_rules! list {
    (working $($rest:tt)*) => {
        TextField {
            printed: false,
            ..list!($($rest)*)
        }
    };
    ($path:literal, $label:literal, $reading:ident, $treatment:ident, $($list:ident).+) => {
        TextField {
            path: $path,
            label: $label,
            reading: Reading::$reading,
            treatment: Treatment::$treatment,
            printed: true,
            get: |r, f| {
                for (i, text) in r.$($list).+.iter().enumerate() {
                    f(Index::At(i), text)
                }
            },
            get_mut: |r, f| {
                for (i, text) in r.$($list).+.iter_mut().enumerate() {
                    f(Index::At(i), text)
                }
            },
        }
    };
}

/// A text of each item of a list: `each!("path[].field", "Label {}", …,
/// a.b, field)`.
macro_rules! each {
    (working $($rest:tt)*) => {
        TextField {
            printed: false,
            ..each!($($rest)*)
        }
    };
    ($path:literal, $label:literal, $reading:ident, $treatment:ident, $($list:ident).+ ; $field:ident) => {
        TextField {
            path: $path,
            label: $label,
            reading: Reading::$reading,
            treatment: Treatment::$treatment,
            printed: true,
            get: |r, f| {
                for (i, item) in r.$($list).+.iter().enumerate() {
                    f(Index::At(i), &item.$field)
                }
            },
            get_mut: |r, f| {
                for (i, item) in r.$($list).+.iter_mut().enumerate() {
                    f(Index::At(i), &mut item.$field)
                }
            },
        }
    };
}

/// A text of each action of a finding, by the action's id.
macro_rules! action {
    ($path:literal, $label:literal, $reading:ident, $field:ident) => {
        TextField {
            path: $path,
            label: $label,
            reading: Reading::$reading,
            treatment: Treatment::Text,
            printed: true,
            get: |r: &Finding, f| {
                for action in &r.actions {
                    f(Index::Key(&action.id), &action.$field)
                }
            },
            get_mut: |r: &mut Finding, f| {
                for action in &mut r.actions {
                    f(Index::Key(&action.id), &mut action.$field)
                }
            },
        }
    };
}

/// The review's details (recorded against the record id `review`): its
/// account of itself, the rapid review and the clock's reasons are
/// published as written and linted; the rest is the review's working.
#[rustfmt::skip]
pub static META: &[TextField<ReviewMeta>] = &[
    one!("title", "Title", NotLinted, Text, title),
    one!("partnership", "Partnership", NotLinted, Text, partnership),
    one!("why_reviewed", "Why the case is reviewed", NotLinted, Text, why_reviewed),
    one!("summary", "Summary", NotLinted, Text, summary),
    list!("terms_of_reference[]", "Term of reference {}", NotLinted, Text, terms_of_reference),
    one!("account.cover_date", "Date on the cover", Narrative, Text, account.cover_date),
    one!("account.executive_summary", "Executive summary", Narrative, Text, account.executive_summary),
    list!("account.key_messages[]", "Key message {}", Narrative, Text, account.key_messages),
    one!("account.child.who", "Who the child was", Narrative, Text, account.child.who),
    one!("account.child.enjoyed", "What the child enjoyed", Narrative, Text, account.child.enjoyed),
    one!("account.child.identity", "The child's identity", Narrative, Text, account.child.identity),
    one!("account.child.lived_experience", "The child's lived experience", Narrative, Text, account.child.lived_experience),
    one!("account.family.invited", "How the family was invited", Narrative, Text, account.family.invited),
    one!("account.family.took_part", "How the family took part", Narrative, Text, account.family.took_part),
    one!("account.family.declined", "When the family declined", Narrative, Text, account.family.declined),
    one!("account.family.views", "The family's views", TheirWords, Text, account.family.views),
    each!("account.process.team[].role", "Review team member {}: role", Narrative, Text, account.process.team; role),
    each!("account.process.team[].agency", "Review team member {}: agency", Narrative, Text, account.process.team; agency),
    one!("account.process.independence", "Independence", Narrative, Text, account.process.independence),
    one!("account.process.practitioners", "How practitioners took part", Narrative, Text, account.process.practitioners),
    one!("account.process.parallel_processes", "Parallel processes", Narrative, Text, account.process.parallel_processes),
    one!("account.process.limitations", "Limitations", Narrative, Text, account.process.limitations),
    one!("account.process.timescale", "Timescale", Narrative, Text, account.process.timescale),
    one!("account.response.response", "The partnership's response", Narrative, Text, account.response.response),
    one!("account.response.action_taken", "Action already taken", Narrative, Text, account.response.action_taken),
    one!("clock.decision_rationale", "Rationale of the decision", Narrative, Text, clock.decision_rationale),
    each!("clock.pauses[].reason", "Pause {}: reason", NotLinted, Text, clock.pauses; reason),
    each!("clock.closures[].name", "Closure day {}", NotLinted, Text, clock.closures; name),
    each!("clock.missed[].reason", "Missed deadline {}: reason", NotLinted, Text, clock.missed; reason),
    one!("rapid_review.facts", "Rapid review: the facts", Narrative, Text, rapid_review.facts),
    one!("rapid_review.agency_involvement", "Rapid review: agency involvement", Narrative, Text, rapid_review.agency_involvement),
    one!("rapid_review.immediate_actions", "Rapid review: immediate actions", Narrative, Text, rapid_review.immediate_actions),
    one!("rapid_review.lived_context", "Rapid review: the child's lived context", Narrative, Text, rapid_review.lived_context),
    one!("rapid_review.learning_potential", "Rapid review: potential for learning", Narrative, Text, rapid_review.learning_potential),
];

/// The review's details read after the agencies', in file order: the
/// reviewers' acceptances of phrases the lint found.
#[rustfmt::skip]
pub static META_LAST: &[TextField<ReviewMeta>] = &[
    each!(working "accepted_language[].phrase", "Accepted phrase {}", NotLinted, Text, accepted_language; phrase),
    each!(working "accepted_language[].reason", "Accepted phrase {}: reason", NotLinted, Text, accepted_language; reason),
];

/// An agency's return: its own answers to the summary questions.
#[rustfmt::skip]
pub static AGENCY: &[TextField<Agency>] = &[
    each!(working "returned.answers[].question", "Summary question {}", NotLinted, Text, returned.answers; question),
    each!(working "returned.answers[].answer", "Summary answer {}", NotLinted, Text, returned.answers; answer),
];

/// A person of the cast (the name, aliases and pseudonym are structured
/// data, not here).
#[rustfmt::skip]
pub static PERSON: &[TextField<Person>] = &[
    one!("role", "Role", NotLinted, Text, role),
    one!(working "notes", "Notes", NotLinted, Text, notes),
    one!(working "attributes.sex.reason", "Why sex is published", NotLinted, Text, attributes.sex.reason),
    one!(working "attributes.age_band.reason", "Why the age band is published", NotLinted, Text, attributes.age_band.reason),
    one!(working "attributes.ethnicity.reason", "Why ethnicity is published", NotLinted, Text, attributes.ethnicity.reason),
    one!(working "attributes.religion.reason", "Why religion is published", NotLinted, Text, attributes.religion.reason),
    one!(working "attributes.language.reason", "Why language is published", NotLinted, Text, attributes.language.reason),
    one!(working "attributes.disability.reason", "Why disability is published", NotLinted, Text, attributes.disability.reason),
];

/// A chronology entry: the agency's record as written.
#[rustfmt::skip]
pub static ENTRY: &[TextField<ChronologyEntry>] = &[
    one!(working "author", "Author", NotLinted, Text, author),
    one!(working "text", "Entry", NotLinted, AgencyRecord, text),
    TextField {
        path: "source.file",
        label: "Imported from",
        reading: Reading::NotLinted,
        treatment: Treatment::Text,
        printed: false,
        get: |r, f| {
            if let Some(source) = &r.source {
                f(Index::One, &source.file)
            }
        },
        get_mut: |r, f| {
            if let Some(source) = &mut r.source {
                f(Index::One, &mut source.file)
            }
        },
    },
];

/// A key practice episode.
#[rustfmt::skip]
pub static EPISODE: &[TextField<PracticeEpisode>] = &[
    one!("title", "Title", Narrative, Text, title),
    one!("what_happened", "What happened", Narrative, Text, what_happened),
    one!("local_rationality", "Local rationality", TheirWords, Text, local_rationality),
    one!("appraisal_note", "Appraisal standard", Narrative, Text, appraisal_note),
    one!("child_focus.views", "What the child said or showed", TheirWords, Text, child_focus.views),
    one!("mindset.going_on", "What did you think was going on?", TheirWords, Text, mindset.going_on),
    one!("mindset.reasons", "What was behind your thinking (reasons and emotions)?", TheirWords, Text, mindset.reasons),
    one!("mindset.front_of_mind", "What information was at the front of your mind?", TheirWords, Text, mindset.front_of_mind),
    one!("mindset.occupying", "What else was occupying you?", TheirWords, Text, mindset.occupying),
    one!("mindset.concerns", "What were your main concerns, and did they conflict?", TheirWords, Text, mindset.concerns),
    one!("mindset.hoping", "What were you hoping to achieve?", TheirWords, Text, mindset.hoping),
    one!("mindset.options", "What options did you think you had?", TheirWords, Text, mindset.options),
];

/// A contributing factor.
#[rustfmt::skip]
pub static FACTOR: &[TextField<ContributingFactor>] = &[
    one!("statement", "Statement", Narrative, Text, statement),
    one!("evidence", "Evidence", Narrative, Text, evidence),
];

/// A latent condition.
#[rustfmt::skip]
pub static CONDITION: &[TextField<LatentCondition>] = &[
    one!("statement", "Statement", Narrative, Text, statement),
    one!("since", "Since when", Narrative, Text, since),
];

/// A finding's statement: the sentence a learning finding is published by.
#[rustfmt::skip]
pub static FINDING_STATEMENT: TextField<Finding> =
    one!("statement", "Statement", Narrative, Text, statement);

/// A finding. Its tag reason is the reviewer's note on the finding, not
/// part of it, and is not linted.
#[rustfmt::skip]
pub static FINDING: &[TextField<Finding>] = &[
    one!("title", "Title", Narrative, Text, title),
    one!("statement", "Statement", Narrative, Text, statement),
    one!(working "tag_reason", "Why it is tagged so", NotLinted, Text, tag_reason),
    one!("introduction", "Introduction", Narrative, Text, introduction),
    one!("in_this_case", "How it showed in this case", Narrative, Text, in_this_case),
    one!("systemic_evidence", "Evidence that it is systemic", Narrative, Text, systemic_evidence),
    one!("wider_knowledge", "What is known more widely", Narrative, Text, wider_knowledge),
    one!("why_it_matters", "Why it matters", Narrative, Text, why_it_matters),
    list!("questions[]", "Question {}", Question, Text, questions),
    list!("recommendations[]", "Recommendation {}", NotLinted, Text, recommendations),
    list!("references[]", "Reference {}", NotLinted, Bibliographic, references),
    one!("response.reason", "Reason for the response", Narrative, Text, response.reason),
    action!("actions[].what", "Action {}: What will be done", Narrative, what),
    action!("actions[].owner", "Action {}: Owner", NotLinted, owner),
    action!("actions[].dropped_reason", "Action {}: Why it was dropped", Narrative, dropped_reason),
    action!("actions[].impact_expected", "Action {}: Evidence of impact expected", Narrative, impact_expected),
    action!("actions[].evidence", "Action {}: Evidence received", Narrative, evidence),
];

/// A variable of a causal loop diagram.
#[rustfmt::skip]
pub static VARIABLE: &[TextField<Variable>] = &[
    one!("name", "Name", NotLinted, Text, name),
    one!("description", "Description", NotLinted, Text, description),
];

/// A link.
#[rustfmt::skip]
pub static LINK: &[TextField<Link>] = &[one!("note", "Note", NotLinted, Text, note)];

/// A named feedback loop.
#[rustfmt::skip]
pub static NAMED_LOOP: &[TextField<NamedLoop>] = &[
    one!("name", "Name", NotLinted, Text, name),
    one!("label", "Label", NotLinted, Text, label),
    one!("narrative", "Narrative", NotLinted, Text, narrative),
];

/// A diagram and its presentation stages.
#[rustfmt::skip]
pub static DIAGRAM: &[TextField<Diagram>] = &[
    one!("name", "Name", NotLinted, Text, name),
    each!("stages[].title", "Stage {}: title", NotLinted, Text, stages; title),
    each!("stages[].notes", "Stage {}: notes", NotLinted, Text, stages; notes),
];

/// The field of a list named `name`, if it is described.
pub fn find<'a, R>(fields: &'a [TextField<R>], name: &str) -> Option<&'a TextField<R>> {
    fields.iter().find(|f| f.names(name))
}

/// How the lint reads the review detail `name`; `None` when `name` is no
/// field of the review's details.
pub fn meta_reading(name: &str) -> Option<Reading> {
    find(META, name)
        .or_else(|| find(META_LAST, name))
        .map(|f| f.reading)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Action, Review};

    #[test]
    fn names_and_labels_put_the_index_where_the_brackets_are() {
        let question = find(FINDING, "questions[2]").unwrap();
        assert_eq!(question.name(Index::At(2)), "questions[2]");
        assert_eq!(question.label_at(Index::At(2)), "Question 3");
        let id = Id::from("AC1");
        let what = find(FINDING, "actions[AC1].what").unwrap();
        assert_eq!(what.name(Index::Key(&id)), "actions[AC1].what");
        assert_eq!(
            what.label_at(Index::Key(&id)),
            "Action AC1: What will be done"
        );
        assert!(find(FINDING, "questions[]").is_none());
        assert!(find(FINDING, "questions[1].x").is_none());
        assert!(find(FINDING, "statement").is_some());
        assert_eq!(
            meta_reading("account.family.views"),
            Some(Reading::TheirWords)
        );
        assert_eq!(meta_reading("title"), Some(Reading::NotLinted));
        assert_eq!(meta_reading("no.such.field"), None);
    }

    #[test]
    fn get_and_get_mut_reach_the_same_texts() {
        let mut finding = Finding {
            questions: vec!["a".into(), "b".into()],
            actions: vec![Action {
                id: Id::from("AC2"),
                what: "w".into(),
                ..Default::default()
            }],
            ..Default::default()
        };
        for field in FINDING {
            let mut read = Vec::new();
            field.each(&finding, &mut |index, text| {
                read.push((field.name(index), text.clone()))
            });
            (field.get_mut)(&mut finding, &mut |index, text| {
                text.push('!');
                let _ = index;
            });
            let mut again = Vec::new();
            field.each(&finding, &mut |index, text| {
                again.push((field.name(index), text.clone()))
            });
            assert_eq!(read.len(), again.len(), "{}", field.path);
            for ((name, before), (name_again, after)) in read.iter().zip(&again) {
                assert_eq!(name, name_again);
                assert_eq!(format!("{before}!"), *after, "{name}");
            }
        }
        let review = Review::default();
        assert!(META.iter().all(|f| {
            let mut n = 0;
            f.each(&review.meta, &mut |_, _| n += 1);
            n <= 1
        }));
    }
}
