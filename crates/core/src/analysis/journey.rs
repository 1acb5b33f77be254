//! The child's journey: the chronology told from the child's side. Which
//! entries mention the child; where professionals saw the child, heard what
//! the child said, or recorded that the child was not seen; how long the
//! child went without any professional seeing them.
//!
//! Agencies record contact in free text, so the reading is a careful
//! heuristic over each entry's text, listed entry by entry for the reviewer
//! to check:
//! - an entry **mentions** the child when the child is among its people, or
//!   the child's name, first name, an alias of three letters or more, or the
//!   pseudonym appears in it as a word, or it speaks of "the child", "the
//!   children" or "baby";
//! - the text is read clause by clause; a clause about someone else (it
//!   names another person of the cast, or "mum", "partner"…, and not the
//!   child) is passed over;
//! - the child was **seen** when a clause uses a word of seeing or of the
//!   child's presence ("seen", "saw", "observed", "examined", "weighed",
//!   "playing", "asleep"…), **seen remotely** when the entry speaks of video
//!   or a screen;
//! - otherwise the child was **not seen** when a clause says so ("not seen",
//!   "no access", "no reply", "did not attend", "was not brought",
//!   "cancelled"…);
//! - the child was **heard** when their words or views are recorded: a
//!   speech word ("said", "told", "disclosed", "drew") within a few words
//!   after the child's name, or "wishes and feelings", unless the entry says
//!   the views were not sought or the child was too young.
//!
//! Days without being seen count only sightings dated to the day (not
//! approximate); sightings with coarser dates are counted apart.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use chrono::NaiveDate;

use crate::model::*;

/// What an entry records of the child.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Contact {
    /// A professional saw the child in person.
    Seen,
    /// A professional saw the child by video or on a screen.
    SeenRemotely,
    /// The entry records that the child was not seen.
    NotSeen,
    /// The child is mentioned; nothing says whether they were seen.
    Mentioned,
}

impl Contact {
    /// A short description for tables and legends.
    pub fn label(self) -> &'static str {
        match self {
            Contact::Seen => "Seen",
            Contact::SeenRemotely => "Seen remotely",
            Contact::NotSeen => "Not seen",
            Contact::Mentioned => "Mentioned only",
        }
    }
}

/// One entry that mentions the child.
#[derive(Debug, Clone, PartialEq)]
pub struct JourneyEntry {
    /// The entry.
    pub entry: Id,
    /// Its position in the review's chronology.
    pub index: usize,
    /// Its date.
    pub date: ReviewDate,
    /// Its agency.
    pub agency: Option<Id>,
    /// What it records of the child.
    pub contact: Contact,
    /// True when the child's words or views are recorded.
    pub heard: bool,
}

/// A stretch of time in which no professional saw the child.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    /// The last day the child was seen before the gap (or the start of the
    /// span).
    pub from: NaiveDate,
    /// The next day the child was seen (or the end of the span).
    pub to: NaiveDate,
    /// Days strictly between the two.
    pub days: i64,
    /// True when the gap runs from the start of the span, before any
    /// sighting.
    pub from_start: bool,
    /// True when the gap runs to the end of the span, after the last
    /// sighting.
    pub to_end: bool,
}

/// Counts for one agency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AgencyCounts {
    /// Entries that mention the child.
    pub mentions: usize,
    /// Entries in which the child was seen (in person or remotely).
    pub seen: usize,
    /// Entries that record the child's words or views.
    pub heard: usize,
    /// Entries that record that the child was not seen.
    pub not_seen: usize,
}

/// The child's journey through the chronology.
#[derive(Debug, Clone, PartialEq)]
pub struct Journey {
    /// The child.
    pub child: Id,
    /// The child's pseudonym, or name when there is none.
    pub child_name: String,
    /// The child's date of birth, when known.
    pub date_of_birth: Option<NaiveDate>,
    /// The days counted: the period under review (from the child's birth
    /// when later), or the chronology's first to last day.
    pub span: (NaiveDate, NaiveDate),
    /// Every entry that mentions the child, in date order.
    pub entries: Vec<JourneyEntry>,
    /// The days (in the span) on which a professional saw the child in person.
    pub seen_days: Vec<NaiveDate>,
    /// Sightings with a date coarser than a day, or approximate.
    pub seen_undated: usize,
    /// Every gap between sightings, in date order.
    pub gaps: Vec<Gap>,
    /// Days in the span.
    pub days_in_span: i64,
    /// Days in the span on which no professional saw the child in person.
    pub days_not_seen: i64,
    /// Entries that mention the child.
    pub mentions: usize,
    /// Entries in which the child was seen in person.
    pub seen: usize,
    /// Entries in which the child was seen by video.
    pub seen_remotely: usize,
    /// Entries recording that the child was not seen.
    pub not_seen: usize,
    /// Entries recording the child's words or views.
    pub heard: usize,
    /// Entries that mention the child but record nothing of their views.
    pub mentions_without_views: usize,
    /// Counts per agency (`None`: entries with no agency).
    pub by_agency: BTreeMap<Option<Id>, AgencyCounts>,
}

impl Journey {
    /// The longest gap, if any.
    pub fn longest_gap(&self) -> Option<&Gap> {
        self.gaps
            .iter()
            .max_by_key(|g| (g.days, std::cmp::Reverse(g.from)))
    }

    /// The gaps of at least `days` days, longest first.
    pub fn gaps_over(&self, days: i64) -> Vec<&Gap> {
        let mut gaps: Vec<&Gap> = self.gaps.iter().filter(|g| g.days >= days).collect();
        gaps.sort_by(|a, b| b.days.cmp(&a.days).then(a.from.cmp(&b.from)));
        gaps
    }
}

/// The subject children of a review, in cast order.
pub fn subject_children(review: &Review) -> Vec<&Person> {
    review
        .people
        .iter()
        .filter(|p| p.kind == PersonKind::SubjectChild)
        .collect()
}

const NOT_SEEN: &[&str] = &[
    "not seen",
    "wasn't seen",
    "weren't seen",
    "not been seen",
    "not sighted",
    "no access",
    "no reply",
    "no answer at the door",
    "did not attend",
    "didn't attend",
    "not brought",
    "was not present",
    "were not present",
    "not at home",
    "cancelled",
    "not available to be seen",
    "unable to see",
];

const SEEN: &[&str] = &[
    "seen",
    "saw",
    "observed",
    "examined",
    "weighed",
    "measured",
    "playing",
    "played",
    "asleep",
    "sleeping",
    "smiling",
    "smiled",
    "babbling",
    "babbled",
    "walking",
    "crawling",
    "cruising",
    "crying",
    "cried",
    "clung",
    "cuddle",
    "in class",
    "at nursery",
    "spoke with",
    "spoke to",
    "talked with",
    "talked to",
    "met with",
];

const REMOTE: &[&str] = &["video", "on screen", "virtual", "teams call", "facetime"];

const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "disclosed",
    "shared",
    "drew",
    "described",
    "explained",
    "asked",
    "replied",
    "stated",
    "wrote",
];

const NOT_HEARD: &[&str] = &[
    "too young",
    "views not sought",
    "not asked",
    "pre-verbal",
    "preverbal",
    "no views",
    "views were not",
    "did not speak",
    "non-verbal",
];

const CHILD_WORDS: &[&str] = &["the child", "the children", "both children", "baby"];

/// True when `needle` occurs in `hay` as whole words.
fn has_word(hay: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    let bytes = hay.as_bytes();
    let mut from = 0;
    while let Some(pos) = hay[from..].find(needle) {
        let start = from + pos;
        let end = start + needle.len();
        let before_ok = start == 0 || !bytes[start - 1].is_ascii_alphanumeric();
        let after_ok = end >= bytes.len() || !bytes[end].is_ascii_alphanumeric();
        if before_ok && after_ok {
            return true;
        }
        from = start + hay[start..].chars().next().map_or(1, char::len_utf8);
    }
    false
}

fn has_any_word(hay: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| has_word(hay, n))
}

/// The words that name the child, lower case: whole names for mentions,
/// single words for "Lily said…".
struct ChildNames {
    phrases: Vec<String>,
    words: Vec<String>,
}

impl ChildNames {
    fn of(child: &Person) -> ChildNames {
        let clean = |s: &str| {
            s.to_lowercase()
                .replace(['’', '‘'], "'")
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_string()
        };
        let mut phrases: Vec<String> = Vec::new();
        let mut words: Vec<String> = Vec::new();
        let all = std::iter::once(&child.name)
            .chain(child.aliases.iter())
            .chain(std::iter::once(&child.pseudonym));
        for name in all {
            let key = clean(name);
            if key.chars().filter(|c| c.is_alphabetic()).count() < 3 {
                continue;
            }
            if key.contains(' ') {
                if let Some(first) = key.split([' ', '-']).next().filter(|w| w.len() >= 3)
                    && name != &child.pseudonym
                {
                    words.push(first.to_string());
                }
                phrases.push(key);
            } else {
                words.push(key.clone());
                phrases.push(key);
            }
        }
        phrases.extend(words.iter().cloned());
        phrases.sort();
        phrases.dedup();
        words.sort();
        words.dedup();
        ChildNames { phrases, words }
    }

    fn mentioned_in(&self, lower: &str) -> bool {
        self.phrases.iter().any(|p| has_word(lower, p)) || has_any_word(lower, CHILD_WORDS)
    }

    /// A speech word within six words after one of the child's names.
    fn speaks_in(&self, lower: &str) -> bool {
        let tokens: Vec<&str> = lower
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
            .filter(|t| !t.is_empty())
            .collect();
        tokens.iter().enumerate().any(|(i, token)| {
            SPEECH.contains(token)
                && tokens[i.saturating_sub(6)..i]
                    .iter()
                    .any(|w| self.words.iter().any(|n| n == w.trim_end_matches("'s")))
        })
    }
}

/// Words for other people in a household, which make a "not seen" or
/// "seen" about someone other than the child.
const OTHER_PEOPLE: &[&str] = &[
    "mum",
    "mother",
    "dad",
    "father",
    "parent",
    "parents",
    "partner",
    "grandmother",
    "grandfather",
    "nan",
    "carer",
    "stepfather",
    "stepmother",
    "boyfriend",
    "girlfriend",
];

/// Names of everyone in the cast but the child, lower case (first names and
/// one-word aliases of three letters or more), and the words of
/// [`OTHER_PEOPLE`].
fn other_names(review: &Review, child: &Id) -> HashSet<String> {
    let mut out: HashSet<String> = OTHER_PEOPLE.iter().map(|w| w.to_string()).collect();
    for p in review.people.iter().filter(|p| &p.id != child) {
        let names = std::iter::once(&p.name).chain(&p.aliases);
        for name in names {
            let lower = name.to_lowercase();
            if let Some(first) = lower.split_whitespace().next()
                && first.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && !matches!(first, "the" | "mrs" | "miss")
            {
                out.insert(
                    first
                        .trim_matches(|c: char| !c.is_alphanumeric())
                        .to_string(),
                );
            }
        }
    }
    out
}

/// What one entry records of the child, when it mentions the child. The
/// text is read clause by clause (split at full stops, semicolons and line
/// ends): a "not seen" or a sighting counts when its clause names the child,
/// or names no one else ("No access." is about the visit; "Unable to see
/// mum alone" is not about the child). A sighting anywhere outweighs a "not
/// seen".
fn read_entry(
    entry: &ChronologyEntry,
    child: &Id,
    names: &ChildNames,
    others: &HashSet<String>,
) -> Option<(Contact, bool)> {
    let lower = entry.text.to_lowercase().replace(['’', '‘'], "'");
    if !entry.people.contains(child) && !names.mentioned_in(&lower) {
        return None;
    }
    let (mut seen, mut not_seen) = (false, false);
    for clause in lower.split(['.', ';', '!', '?', '\n']) {
        let about_child = names.mentioned_in(clause);
        let about_other = !about_child
            && clause
                .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
                .any(|w| others.contains(w.trim_end_matches("'s")));
        if about_other {
            continue;
        }
        if has_any_word(clause, NOT_SEEN) {
            not_seen = true;
        } else if has_any_word(clause, SEEN) {
            seen = true;
        }
    }
    let contact = if seen {
        if has_any_word(&lower, REMOTE) {
            Contact::SeenRemotely
        } else {
            Contact::Seen
        }
    } else if not_seen {
        Contact::NotSeen
    } else {
        Contact::Mentioned
    };
    let heard = !has_any_word(&lower, NOT_HEARD)
        && (names.speaks_in(&lower) || lower.contains("wishes and feelings"));
    Some((contact, heard))
}

/// The journey of one child through the review's chronology; `None` when
/// there is no such person.
pub fn child_journey(review: &Review, child: &Id) -> Option<Journey> {
    let person = review.people.iter().find(|p| &p.id == child)?;
    let names = ChildNames::of(person);
    let others = other_names(review, child);
    let mut entries: Vec<JourneyEntry> = review
        .chronology
        .iter()
        .enumerate()
        .filter_map(|(index, entry)| {
            read_entry(entry, child, &names, &others).map(|(contact, heard)| JourneyEntry {
                entry: entry.id.clone(),
                index,
                date: entry.date,
                agency: entry.agency.clone(),
                contact,
                heard,
            })
        })
        .collect();
    entries.sort_by(|a, b| a.date.cmp(&b.date).then(a.index.cmp(&b.index)));

    let chronology_span = || {
        let first = review.chronology.iter().map(|e| e.date.first_day()).min();
        let last = review.chronology.iter().map(|e| e.date.last_day()).max();
        first.zip(last)
    };
    let (mut start, end) = match review.meta.period {
        Some(period) => (period.start.first_day(), period.end.last_day()),
        None => chronology_span().unwrap_or((NaiveDate::MIN, NaiveDate::MIN)),
    };
    if let Some(born) = person.date_of_birth
        && born > start
    {
        start = born;
    }
    let end = end.max(start);

    let mut seen_days = BTreeSet::new();
    let mut seen_undated = 0;
    let mut by_agency: BTreeMap<Option<Id>, AgencyCounts> = BTreeMap::new();
    let (mut seen, mut seen_remotely, mut not_seen, mut heard) = (0, 0, 0, 0);
    for e in &entries {
        let counts = by_agency.entry(e.agency.clone()).or_default();
        counts.mentions += 1;
        match e.contact {
            Contact::Seen => {
                seen += 1;
                counts.seen += 1;
                match e.date.value {
                    DateValue::Day(day) if !e.date.approximate => {
                        if (start..=end).contains(&day) {
                            seen_days.insert(day);
                        }
                    }
                    _ => seen_undated += 1,
                }
            }
            Contact::SeenRemotely => {
                seen_remotely += 1;
                counts.seen += 1;
            }
            Contact::NotSeen => {
                not_seen += 1;
                counts.not_seen += 1;
            }
            Contact::Mentioned => {}
        }
        if e.heard {
            heard += 1;
            counts.heard += 1;
        }
    }
    let seen_days: Vec<NaiveDate> = seen_days.into_iter().collect();
    let mut gaps = Vec::new();
    let mut previous: Option<NaiveDate> = None;
    for &day in &seen_days {
        let (from, from_start) = match previous {
            Some(p) => (p, false),
            None => (start.pred_opt().unwrap_or(start), true),
        };
        let days = (day - from).num_days() - 1;
        if days > 0 {
            gaps.push(Gap {
                from: if from_start { start } else { from },
                to: day,
                days,
                from_start,
                to_end: false,
            });
        }
        previous = Some(day);
    }
    let after = previous.unwrap_or(start.pred_opt().unwrap_or(start));
    let days = (end - after).num_days();
    if days > 0 {
        gaps.push(Gap {
            from: previous.unwrap_or(start),
            to: end,
            days,
            from_start: previous.is_none(),
            to_end: true,
        });
    }
    let days_in_span = (end - start).num_days() + 1;
    Some(Journey {
        child: child.clone(),
        child_name: if person.pseudonym.trim().is_empty() {
            person.name.clone()
        } else {
            person.pseudonym.clone()
        },
        date_of_birth: person.date_of_birth,
        span: (start, end),
        mentions: entries.len(),
        seen,
        seen_remotely,
        not_seen,
        heard,
        mentions_without_views: entries.len() - heard,
        days_in_span,
        days_not_seen: days_in_span - seen_days.len() as i64,
        seen_days,
        seen_undated,
        gaps,
        entries,
        by_agency,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn review(entries: &[(&str, &str)]) -> Review {
        let mut review = Review::new("t");
        review.meta.period = Some(Period {
            start: ReviewDate::day(2021, 1, 1).unwrap(),
            end: ReviewDate::day(2021, 1, 31).unwrap(),
        });
        review.people.push(Person {
            id: Id::from("P1"),
            name: "Lily Carter".into(),
            aliases: vec!["Lil".into(), "L.".into()],
            pseudonym: "Child A".into(),
            kind: PersonKind::SubjectChild,
            ..Default::default()
        });
        review.people.push(Person {
            id: Id::from("P2"),
            name: "Kerry Carter".into(),
            kind: PersonKind::Parent,
            ..Default::default()
        });
        for (i, (date, text)) in entries.iter().enumerate() {
            review.chronology.push(ChronologyEntry {
                id: Id::new(format!("C{}", i + 1)),
                date: date.parse().unwrap(),
                agency: Some(Id::from(if i % 2 == 0 { "A1" } else { "A2" })),
                author: String::new(),
                text: text.to_string(),
                people: Vec::new(),
                source: None,
            });
        }
        review
    }

    #[test]
    fn entries_are_read_from_the_childs_side() {
        let r = review(&[
            (
                "2021-01-05",
                "Home visit. Lily seen playing, said 'Jay shouts'.",
            ),
            ("2021-01-10", "Phone call to Kerry Carter about housing."),
            ("2021-01-12", "No access visit; Lily not seen."),
            (
                "2021-01-15",
                "Review by video call: Lil seen on screen only.",
            ),
            (
                "2021-01-20",
                "Lily seen in her bedroom; too young to share her views.",
            ),
            ("2021-01", "Strategy discussion about Child A."),
            ("~2021-01-25", "Lily observed at nursery."),
            (
                "2021-01-28",
                "Mrs Bell spoke with Lily, who told her she was scared.",
            ),
        ]);
        let j = child_journey(&r, &Id::from("P1")).unwrap();
        let read: Vec<(&str, Contact, bool)> = j
            .entries
            .iter()
            .map(|e| (e.entry.as_str(), e.contact, e.heard))
            .collect();
        assert_eq!(
            read,
            [
                ("C6", Contact::Mentioned, false),
                ("C1", Contact::Seen, true),
                ("C3", Contact::NotSeen, false),
                ("C4", Contact::SeenRemotely, false),
                ("C5", Contact::Seen, false),
                ("C7", Contact::Seen, false),
                ("C8", Contact::Seen, true),
            ],
            "the carer-only entry C2 does not mention the child"
        );
        assert_eq!(j.child_name, "Child A");
        assert_eq!(
            (j.mentions, j.seen, j.seen_remotely, j.not_seen, j.heard),
            (7, 4, 1, 1, 2)
        );
        assert_eq!(j.mentions_without_views, 5);
        assert_eq!(
            j.seen_days,
            [day(2021, 1, 5), day(2021, 1, 20), day(2021, 1, 28)]
        );
        assert_eq!(j.seen_undated, 1, "the approximate sighting is not a day");
        assert_eq!(j.days_in_span, 31);
        assert_eq!(j.days_not_seen, 28);
        let gaps: Vec<(NaiveDate, NaiveDate, i64, bool, bool)> = j
            .gaps
            .iter()
            .map(|g| (g.from, g.to, g.days, g.from_start, g.to_end))
            .collect();
        assert_eq!(
            gaps,
            [
                (day(2021, 1, 1), day(2021, 1, 5), 4, true, false),
                (day(2021, 1, 5), day(2021, 1, 20), 14, false, false),
                (day(2021, 1, 20), day(2021, 1, 28), 7, false, false),
                (day(2021, 1, 28), day(2021, 1, 31), 3, false, true),
            ]
        );
        assert_eq!(j.longest_gap().unwrap().days, 14);
        assert_eq!(j.gaps_over(7).len(), 2);
        let a1 = j.by_agency[&Some(Id::from("A1"))];
        assert_eq!((a1.mentions, a1.seen, a1.heard, a1.not_seen), (4, 3, 1, 1));
    }

    #[test]
    fn a_clause_about_someone_else_does_not_count_for_the_child() {
        let r = review(&[
            (
                "2021-01-05",
                "Present: Kerry, Lily. Lily playing with toys. Unable to see mum alone.",
            ),
            (
                "2021-01-06",
                "Kerry did not attend her review; Lily's immunisations up to date.",
            ),
            ("2021-01-07", "Home visit about Lily: no access."),
        ]);
        let j = child_journey(&r, &Id::from("P1")).unwrap();
        let read: Vec<Contact> = j.entries.iter().map(|e| e.contact).collect();
        assert_eq!(read, [Contact::Seen, Contact::Mentioned, Contact::NotSeen]);
    }

    #[test]
    fn a_child_never_seen_has_one_gap_over_the_whole_span() {
        let mut r = review(&[("2021-01-10", "Referral about the children received.")]);
        r.people[0].date_of_birth = Some(day(2021, 1, 11));
        let j = child_journey(&r, &Id::from("P1")).unwrap();
        assert_eq!(j.span, (day(2021, 1, 11), day(2021, 1, 31)));
        assert_eq!(j.mentions, 1);
        assert_eq!(j.days_not_seen, 21);
        assert_eq!(j.gaps.len(), 1);
        assert_eq!(j.gaps[0].days, 21);
        assert!(j.gaps[0].from_start && j.gaps[0].to_end);
        assert!(child_journey(&r, &Id::from("P9")).is_none());
    }

    #[test]
    fn the_worked_example_reads_plausibly() {
        let review = crate::examples::worked_case();
        let child = subject_children(&review)[0].id.clone();
        let j = child_journey(&review, &child).unwrap();
        assert!(j.mentions > 20, "{}", j.mentions);
        assert!(j.seen > 5 && j.not_seen > 0, "{j:?}");
        assert!(j.longest_gap().unwrap().days > 60);
        assert!(j.mentions_without_views > j.heard);
    }
}
