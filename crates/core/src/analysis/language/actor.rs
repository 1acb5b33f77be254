//! Who or what a phrase is about, and whether it is negated.
//!
//! "The system failed to provide" describes how the system works; "the
//! social worker failed to" blames a person. The subject of a phrase is
//! read from the words before it, clause by clause, with a few rules of
//! English: a relative pronoun takes the noun before it ("a system that
//! failed to"), a coordinated verb takes the subject of the first verb
//! ("she visited the home and failed to"), and nouns inside prepositional
//! phrases ("the worker for the family") are not subjects.

use std::collections::HashMap;

use super::Subject;
use super::lexicon::ActorWords;
use super::pattern::plurals;
use super::text::Word;

/// Words that start a new clause within a sentence.
const COORDINATORS: &[&str] = &["and", "but", "or", "nor", "yet", "so"];
/// Subordinating conjunctions.
const SUBORDINATORS: &[&str] = &[
    "because", "although", "though", "while", "whilst", "whereas", "when", "whenever", "after",
    "before", "since", "if", "unless", "until", "once", "as", "where",
];
/// Relative pronouns: their subject is the noun before them.
const RELATIVES: &[&str] = &["who", "which", "that", "whom", "whose"];
/// Words that stand for a subject the lint cannot see.
const PLACEHOLDERS: &[&str] = &["it", "this", "there", "these", "those", "what"];
/// Words that carry no subject: a segment of only these continues the
/// clause before it ("did not ask, and then also did not inform").
const FUNCTION: &[&str] = &[
    "then",
    "also",
    "later",
    "again",
    "subsequently",
    "still",
    "not",
    "did",
    "had",
    "has",
    "have",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "to",
    "only",
    "further",
    "therefore",
    "consequently",
    "instead",
    "thus",
    "moreover",
    "however",
    "both",
    "all",
    "each",
    "repeatedly",
    "never",
    "always",
    "even",
];
/// Prepositions: a noun just after one is not a subject.
const PREPOSITIONS: &[&str] = &[
    "of",
    "with",
    "for",
    "to",
    "about",
    "from",
    "by",
    "on",
    "in",
    "at",
    "into",
    "within",
    "between",
    "among",
    "during",
    "under",
    "over",
    "through",
    "without",
    "towards",
    "toward",
    "against",
    "than",
    "like",
    "upon",
    "across",
    "despite",
    "including",
    "alongside",
    "per",
];
/// Words that negate what follows them.
const NEGATORS: &[&str] = &[
    "not", "no", "never", "nobody", "none", "neither", "nor", "without", "hardly", "barely",
];
/// Words that cast doubt on a claim that follows ("unlikely that …").
const HEDGES: &[&str] = &[
    "unlikely",
    "impossible",
    "unclear",
    "uncertain",
    "doubtful",
    "unknown",
    "unable",
    "unproven",
    "speculative",
    "speculation",
];
/// Words of knowing and saying: "no evidence that", "cannot say whether".
const EPISTEMIC: &[&str] = &[
    "evidence",
    "say",
    "said",
    "saying",
    "know",
    "known",
    "knowing",
    "clear",
    "possible",
    "certain",
    "conclude",
    "concluded",
    "suggest",
    "suggests",
    "show",
    "shows",
    "showed",
    "shown",
    "likely",
    "predict",
    "predicted",
    "think",
    "believe",
    "assume",
    "claim",
    "sure",
    "established",
    "establish",
    "prove",
    "proven",
    "indicate",
    "indication",
    "reason",
    "safe",
    "inevitable",
    "obvious",
    "predictable",
    "foreseeable",
    "evident",
    "apparent",
    "true",
    "case",
];
/// Complementisers that open the clause a hedge governs.
const COMPLEMENTISERS: &[&str] = &["that", "whether", "if"];
/// First-person words: a quotation with one is someone's own account
/// ("I thought it was a one-off"), not the writer's judgement.
const FIRST_PERSON: &[&str] = &[
    "i",
    "me",
    "my",
    "mine",
    "myself",
    "we",
    "us",
    "our",
    "ours",
    "ourselves",
];
/// Words that make the role after them one of the inquiry or review
/// ("the inquiry chair", "the review's lead"), not of the case.
const INQUIRY_WORDS: &[&str] = &[
    "inquiry",
    "inquiry's",
    "review",
    "review's",
    "panel",
    "panel's",
    "report",
    "report's",
    "reviewer's",
    "commission",
    "hearing",
    "inquest",
];

/// Verbs that give a quotation its speaker ("the mother said", "told the
/// review", "she described").
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "tell",
    "telling",
    "stated",
    "states",
    "explained",
    "explains",
    "recalled",
    "recalls",
    "admitted",
    "admits",
    "described",
    "describes",
    "reported",
    "reports",
    "wrote",
    "writes",
    "added",
    "adds",
    "commented",
    "asked",
    "asks",
    "replied",
    "insisted",
    "insists",
    "claimed",
    "claims",
    "felt",
    "feels",
    "thought",
    "thinks",
    "recounted",
    "remembered",
    "disclosed",
    "shared",
    "alleged",
    "denied",
    "acknowledged",
    "reflected",
    "reflects",
    "recorded",
    "noted",
    "texted",
    "shouted",
    "screamed",
    "cried",
    "called",
];
/// Verbs that report what a review, an inquiry or a person found or said:
/// the subject of a phrase after one is in the reported clause ("the
/// review found agencies lacked urgency" is about agencies, not the
/// review).
pub(crate) const REPORTING: &[&str] = &[
    "said",
    "says",
    "found",
    "finds",
    "concluded",
    "concludes",
    "noted",
    "notes",
    "stated",
    "states",
    "reported",
    "reports",
    "revealed",
    "reveals",
    "showed",
    "shows",
    "highlighted",
    "highlights",
    "identified",
    "identifies",
    "judged",
    "ruled",
    "believed",
    "believes",
    "considered",
    "considers",
    "suggested",
    "suggests",
    "argued",
    "argues",
    "claimed",
    "claims",
    "added",
    "warned",
    "accepted",
    "acknowledged",
    "admitted",
    "recognised",
    "recognized",
    "heard",
    "told",
    "explained",
    "observed",
    "observes",
    "described",
    "describes",
];
/// Words that open a claim the sentence does not make: a question under
/// inquiry ("investigating whether authorities missed opportunities") or
/// an allegation ("claims that social services failed to respond").
const UNASSERTED: &[&str] = &["whether", "alleged", "allegedly", "accused"];
/// Nouns of a claim: they leave unasserted the clause they introduce
/// ("claims that social services failed to"), not a sentence they are
/// the subject of ("the claims were too easily believed").
const CLAIM_NOUNS: &[&str] = &[
    "claim",
    "claims",
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "suggestion",
    "suggestions",
];
/// Verbs of a complaint or contention: like a claim noun, they leave
/// unasserted the clause they introduce ("she complains that the council
/// failed to take the lead", "Mrs X complains the Council did not deal
/// with it"), which an investigation then weighs.
const COMPLAINING: &[&str] = &[
    "complain",
    "complains",
    "complained",
    "alleges",
    "contends",
    "contended",
];
/// Words that open the clause of a complaint, with or without "that"
/// ("Mrs X complains the Council did not deal with…"), or what it is
/// about ("complained about the council's failure to…"); "complained of
/// pain" opens none.
const COMPLAINT_OPENERS: &[&str] = &[
    "that", "the", "a", "an", "his", "her", "their", "its", "about",
];

/// True when the complaining word at `k` opens a complaint: an opener
/// follows, or "that" after whom it was made to ("complained to us that
/// the council failed to…").
fn opens_a_complaint(words: &[Word], k: usize) -> bool {
    match words.get(k + 1).map(|w| w.norm.as_str()) {
        Some(next) if COMPLAINT_OPENERS.contains(&next) => true,
        Some("to") => words.iter().skip(k + 2).take(4).any(|w| w.norm == "that"),
        _ => false,
    }
}
/// Verbs of what someone says, thinks or wants: after a complainant
/// (see [`said_by_a_complainant`]) they leave unasserted what follows.
const A_VIEW: &[&str] = &[
    "says",
    "said",
    "feels",
    "felt",
    "believes",
    "considers",
    "wants",
    "would",
];
/// Titles before the letter an ombudsman names a complainant by ("Mr X").
const TITLES: &[&str] = &["mr", "mrs", "ms", "miss", "mx", "dr"];

/// True when the reporting verb at `k` gives a complainant's view, which
/// the decision then weighs: the sentence opens with the complainant as
/// an ombudsman names them ("Mr B says the Council's failings…", "Ms A
/// would like the Council to apologise for causing…"), or with a pronoun
/// and the present "says" of a decision's summary of the complaint ("She
/// says the Council's assessment was based on untrue assumptions").
fn said_by_a_complainant(words: &[Word], k: usize) -> bool {
    let word = &words[k];
    if !is(A_VIEW, word)
        || (word.norm == "would" && words.get(k + 1).is_none_or(|w| w.norm != "like"))
    {
        return false;
    }
    let opens = |j: usize| j == 0 || words[j - 1].sentence != word.sentence;
    let lettered = k >= 2
        && words[k - 1].norm.chars().count() == 1
        && words[k - 1].norm.chars().all(char::is_alphabetic)
        && TITLES.contains(&words[k - 2].norm.as_str())
        && opens(k - 2);
    let pronoun = k >= 1
        && word.norm == "says"
        && matches!(words[k - 1].norm.as_str(), "she" | "he" | "they")
        && opens(k - 1);
    lettered || pronoun
}

/// Words for people in general that are no family word ("someone may
/// exhibit…").
const PEOPLE_IN_GENERAL: &[&str] = &["people", "someone", "adults", "individuals", "clients"];
/// Words before a noun that make it particular people ("the parents",
/// "their carers").
const PARTICULAR: &[&str] = &[
    "the", "his", "her", "their", "both", "these", "those", "its",
];
/// Pronouns for one person of the case.
const ONE_OF_THE_CASE: &[&str] = &["she", "he", "her", "his", "him"];
/// Words that end the reach of a negation.
const CONTRAST: &[&str] = &["but", "however", "although", "though", "yet", "whereas"];

fn is(list: &[&str], word: &Word) -> bool {
    list.contains(&word.norm.as_str())
}

fn is_marker(word: &Word) -> bool {
    is(COORDINATORS, word) || is(SUBORDINATORS, word) || is(RELATIVES, word)
}

/// The actor words, looked up by form.
#[derive(Debug, Clone, Default)]
pub(crate) struct Actors {
    classes: HashMap<String, Subject>,
    /// Forms of the activity words.
    activities: std::collections::HashSet<String>,
}

impl Actors {
    /// Expands the word lists; a form listed twice keeps its first class,
    /// in the order practitioners, people, family, organisations, systems.
    pub(crate) fn new(words: &ActorWords) -> Actors {
        let mut classes = HashMap::new();
        let mut activities = std::collections::HashSet::new();
        for (list, class) in [
            (&words.practitioners, Subject::Practitioner),
            (&words.people, Subject::Person),
            (&words.family, Subject::Family),
            (&words.organisations, Subject::Organisation),
            (&words.systems, Subject::System),
            (&words.activities, Subject::System),
        ] {
            for word in list {
                let word = super::text::normalise(word.trim());
                let forms = match word.strip_suffix('~') {
                    Some(noun) => plurals(noun),
                    None => vec![word],
                };
                for form in forms {
                    classes.entry(form).or_insert(class);
                }
            }
        }
        for word in &words.activities {
            let word = super::text::normalise(word.trim());
            match word.strip_suffix('~') {
                Some(noun) => activities.extend(plurals(noun)),
                None => {
                    activities.insert(word);
                }
            }
        }
        Actors {
            classes,
            activities,
        }
    }

    /// The class of the word at `k`, reading an activity after a person's
    /// word ("the manager's oversight", "her supervision") as that person.
    fn class_at(&self, words: &[Word], k: usize) -> Option<Subject> {
        let class = self.class(&words[k])?;
        if k > 0 && self.activities.contains(&words[k].norm) {
            // "senior management neglected to act": the managers.
            if words[k].norm == "management" && words[k - 1].norm == "senior" {
                return Some(Subject::Practitioner);
            }
            let before = self.class(&words[k - 1]);
            if let Some(person @ (Subject::Practitioner | Subject::Person | Subject::Family)) =
                before
            {
                return Some(person);
            }
        }
        Some(class)
    }

    /// The class of one word.
    pub(crate) fn class(&self, word: &Word) -> Option<Subject> {
        self.classes.get(word.norm.as_str()).copied()
    }

    /// The subject of the clause segment `start..end`: its first actor word
    /// that is neither in a prepositional phrase nor a possessive before
    /// another actor ("children's social care" is an organisation).
    fn first_actor(&self, words: &[Word], start: usize, end: usize) -> Option<Subject> {
        let candidates: Vec<(Subject, bool, bool)> = (start..end)
            .filter_map(|k| {
                let class = self.class_at(words, k)?;
                // In a compound ("social care records") the last noun is the head.
                if k + 1 < end
                    && !words[k].possessive
                    && self.class(&words[k + 1]).is_some()
                    && !self.activities.contains(&words[k + 1].norm)
                {
                    return None;
                }
                let in_phrase =
                    (k.saturating_sub(3).max(start)..k).any(|j| is(PREPOSITIONS, &words[j]));
                Some((class, in_phrase, words[k].possessive))
            })
            .collect();
        let free = |c: &&(Subject, bool, bool)| !c.1;
        let chosen = candidates
            .iter()
            .enumerate()
            .find(|(i, c)| {
                let in_phrase = c.1;
                let possessive_before_another = c.2 && candidates[i + 1..].iter().any(|c| !c.1);
                !in_phrase && !possessive_before_another
            })
            .map(|(_, c)| c)
            .or_else(|| candidates.iter().find(free))
            .or_else(|| candidates.first());
        chosen.map(|c| c.0)
    }

    /// The nearest actor word before `at` in its sentence (the antecedent
    /// of a relative pronoun).
    fn nearest_before(&self, words: &[Word], at: usize) -> Subject {
        let sentence = words[at].sentence;
        // "who" after a word that is no actor ("many who failed to",
        // "those who") stands for people, whatever noun came earlier ("a
        // report that shames many who failed to respond").
        if matches!(words[at].norm.as_str(), "who" | "whom")
            && at > 0
            && words[at - 1].sentence == sentence
            && self.class(&words[at - 1]).is_none()
        {
            return Subject::Person;
        }
        (at.saturating_sub(8)..at)
            .rev()
            .take_while(|&k| words[k].sentence == sentence)
            .find_map(|k| self.class(&words[k]))
            .unwrap_or(Subject::Unknown)
    }

    /// True when the quotation around word `at` is the own words of someone
    /// in the case: it speaks in the first person ("I thought it was a
    /// one-off"), or a speech verb gives it a practitioner or family member
    /// as its speaker ("the health visitor told the review: …", "…, said
    /// her mother"). A quotation of a report, an inquiry or a reviewer
    /// ("the review found agencies were 'lacking urgency'") is a judgement
    /// reported, not speech of the case.
    pub(crate) fn own_words(&self, words: &[Word], at: usize) -> bool {
        if !words[at].quoted {
            return false;
        }
        let (mut first, mut last) = (at, at);
        while first > 0 && words[first - 1].quoted {
            first -= 1;
        }
        while last + 1 < words.len() && words[last + 1].quoted {
            last += 1;
        }
        if words[first..=last].iter().any(|w| is(FIRST_PERSON, w)) {
            return true;
        }
        let outside = |k: &usize| !words[*k].quoted;
        // A speech verb near the quotation, or further back in its sentence
        // when it reports what was said ("the social worker told the
        // inquiry into the death that she had been 'out of her depth'").
        let sentence = words[first].sentence;
        let reported = |k: usize| {
            first - k <= 8
                || words[k + 1..first]
                    .iter()
                    .any(|w| w.norm == "that" && w.sentence == sentence)
        };
        let before = (first.saturating_sub(16)..first)
            .rev()
            .take_while(outside)
            .take_while(|&k| words[k].sentence == sentence)
            .filter(|&k| reported(k));
        let after = (last + 1..(last + 5).min(words.len())).take_while(outside);
        let Some(verb) = before.chain(after).find(|&k| is(SPEECH_VERBS, &words[k])) else {
            return false;
        };
        // The speaker: the nearest actor word before the verb ("the health
        // visitor said", "the social worker responsible for the case
        // told"), or just after it ("said her mother").
        // A role of the inquiry itself ("the inquiry chair", "the review's
        // lead") speaks for the inquiry, not for someone in the case.
        let class = |k: usize| {
            let of_inquiry = k > 0 && is(INQUIRY_WORDS, &words[k - 1]);
            self.class(&words[k])
                .map(|c| if of_inquiry { Subject::System } else { c })
        };
        let speaker = (verb.saturating_sub(7)..verb)
            .rev()
            .take_while(outside)
            .find_map(class)
            .or_else(|| {
                (verb + 1..(verb + 3).min(words.len()))
                    .take_while(outside)
                    .find_map(class)
            });
        matches!(speaker, Some(Subject::Practitioner | Subject::Family))
    }

    /// True when a sentence speaks of families only in general ("some
    /// parents give the appearance of co-operating", "families who"): a
    /// family word of the actor lists in the plural with no determiner
    /// that makes it particular, or people in general, and no family member
    /// of the case (a family word in the singular, "the parents", "she").
    pub(crate) fn families_in_general(&self, sentence: &[Word]) -> bool {
        // "the Local Safeguarding Children Board", "Family Court": a family
        // word before an organisation's is part of its name.
        let family = |k: usize| {
            self.class(&sentence[k]) == Some(Subject::Family)
                && !sentence.get(k + 1).is_some_and(|next| {
                    !sentence[k].possessive && self.class(next) == Some(Subject::Organisation)
                })
        };
        let plural = |w: &Word| w.norm.ends_with('s') || w.norm == "children";
        let particular =
            |k: usize| k > 0 && (is(PARTICULAR, &sentence[k - 1]) || sentence[k - 1].possessive);
        let general = (0..sentence.len()).any(|k| {
            let w = &sentence[k];
            ((family(k) && plural(w)) || is(PEOPLE_IN_GENERAL, w)) && !particular(k)
        });
        let member = (0..sentence.len()).any(|k| {
            let w = &sentence[k];
            (family(k) && (!plural(w) || particular(k))) || is(ONE_OF_THE_CASE, w)
        });
        general && !member
    }

    /// The subject of the phrase starting at word `at`.
    pub(crate) fn subject(&self, words: &[Word], at: usize) -> Subject {
        let sentence = words[at].sentence;
        let mut clause = words[at].clause;
        let mut end = at;
        for round in 0..6 {
            let mut start = end;
            let mut marker = None;
            let mut comma = false;
            while start > 0 {
                let prev = &words[start - 1];
                if prev.sentence != sentence {
                    break;
                }
                if prev.clause != clause {
                    comma = true;
                    break;
                }
                if is_marker(prev) || is(REPORTING, prev) {
                    marker = Some(start - 1);
                    break;
                }
                start -= 1;
            }
            // Reading back from a coordinated verb ("…, and failed to"), a
            // subordinate clause ("until the third referral") is passed
            // over: its nouns are not the subject of the main clause.
            if let Some(m) = marker.filter(|&m| round > 0 && is(SUBORDINATORS, &words[m])) {
                end = m;
                continue;
            }
            // Reading back from the verb after a relative clause between
            // commas ("the trust, which made the referral, failed to"),
            // the clause is passed over: its nouns are not the verb's
            // subject, the noun before it is.
            if let Some(m) = marker.filter(|&m| {
                round > 0
                    && is(RELATIVES, &words[m])
                    && m > 0
                    && words[m - 1].sentence == sentence
                    && words[m - 1].clause != words[m].clause
            }) {
                end = m;
                continue;
            }
            if let Some(subject) = self.first_actor(words, start, end) {
                return subject;
            }
            let segment = &words[start..end];
            if segment.first().is_some_and(|w| is(PLACEHOLDERS, w))
                || !segment.iter().all(|w| is(FUNCTION, w))
            {
                return Subject::Unknown;
            }
            match marker {
                Some(m) if is(RELATIVES, &words[m]) => return self.nearest_before(words, m),
                Some(m) if is(COORDINATORS, &words[m]) => end = m,
                Some(_) => return Subject::Unknown,
                None if comma => {
                    end = start;
                    clause = words[start - 1].clause;
                }
                None => return Subject::Unknown,
            }
        }
        Subject::Unknown
    }

    /// What a judgment word (`first..=last`) judges: the noun just after it
    /// ("inadequate funding"), or else its subject ("the assessment was
    /// inadequate").
    pub(crate) fn judged(&self, words: &[Word], first: usize, last: usize) -> Subject {
        let clause = words[last].clause;
        for word in words.iter().skip(last + 1).take(3) {
            if word.clause != clause || is_marker(word) {
                break;
            }
            if let Some(class) = self.class(word) {
                return class;
            }
        }
        self.subject(words, first)
    }
}

/// True when the phrase starting at word `at` is negated: a negator just
/// before it in its clause ("not inevitable", "no one could have", "rather
/// than individual errors"), a question or allegation governing it
/// ("whether authorities missed", "claims that staff failed to"), or a
/// negated or hedged claim of knowing governing its clause ("there is no
/// evidence that … would have prevented", "it is unlikely that …").
pub(crate) fn negated(words: &[Word], at: usize) -> bool {
    let clause = words[at].clause;
    for k in (at.saturating_sub(4)..at).rev() {
        let word = &words[k];
        if word.clause != clause || is_marker(word) {
            break;
        }
        if is(NEGATORS, word) || set_aside(words, k) {
            return true;
        }
    }
    let sentence = words[at].sentence;
    let mut governed = false;
    for k in (at.saturating_sub(14)..at).rev() {
        let word = &words[k];
        if word.sentence != sentence || is(CONTRAST, word) {
            break;
        }
        if is(UNASSERTED, word)
            || (is(CLAIM_NOUNS, word) && words.get(k + 1).is_some_and(|w| w.norm == "that"))
            || (is(COMPLAINING, word) && opens_a_complaint(words, k))
            || said_by_a_complainant(words, k)
        {
            return true;
        }
        if is(COMPLEMENTISERS, word) {
            governed = true;
            continue;
        }
        if !governed {
            continue;
        }
        if is(HEDGES, word) {
            return true;
        }
        if is(NEGATORS, word) && words[k + 1..at].iter().take(3).any(|w| is(EPISTEMIC, w)) {
            return true;
        }
    }
    whether_unknowable(words, at)
}

/// True when the word at `k` ends a phrase that sets what follows aside:
/// "rather than", "instead of", "as opposed to" ("the failures were
/// systemic rather than individual errors").
fn set_aside(words: &[Word], k: usize) -> bool {
    let before = |n: usize| k.checked_sub(n).map(|j| words[j].norm.as_str());
    match words[k].norm.as_str() {
        "than" => before(1) == Some("rather"),
        "of" => before(1) == Some("instead"),
        "to" => before(1) == Some("opposed") && before(2) == Some("as"),
        _ => false,
    }
}

/// True when the phrase at `at` is inside a "whether …" clause that the
/// sentence then says cannot be known ("whether a referral would have
/// changed the outcome cannot be known", "… is unclear").
fn whether_unknowable(words: &[Word], at: usize) -> bool {
    let sentence = words[at].sentence;
    let opened = words[at.saturating_sub(14)..at]
        .iter()
        .rev()
        .take_while(|w| w.sentence == sentence && !is(CONTRAST, w))
        .any(|w| w.norm == "whether");
    if !opened {
        return false;
    }
    let rest: Vec<&Word> = words[at..]
        .iter()
        .take_while(|w| w.sentence == sentence && !is(CONTRAST, w))
        .collect();
    rest.iter().enumerate().any(|(k, w)| {
        is(HEDGES, w) || (is(NEGATORS, w) && rest[k + 1..].iter().take(3).any(|w| is(EPISTEMIC, w)))
    })
}
