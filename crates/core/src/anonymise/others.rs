//! Names of other people made partly of cast names. A cast name's word
//! beside a name that is not that person's ("Jory Pascoe", the cousin, for
//! a cast "Jory Trewin"; "Tran Thi Mai", with "Tran" and "Thi" each from
//! another cast member's name) names someone else: replacing each word by
//! its owner's pseudonym would publish a fact that is not true ("Mother's
//! Partner [name] (cousin)", "Son Mother [name]"). So does a cast name's
//! word before a capitalised word that is no ordinary word and that
//! nothing else found ("Hoa Thu"). The whole name is replaced by a neutral
//! placeholder instead. One cast member's words found apart ("Kevin Tran",
//! "SINGH Gurpreet"), or with a middle word the cast does not list ("Jory
//! Michael Trewin"), become their pseudonym once.

use rustc_hash::{FxHashMap, FxHashSet};

use super::forms::{Form, Owner};
use super::gazetteer::gazetteer;
use super::residual::SuspectKind;
use super::{Class, Pending, Span, What};

/// Why a cast name's word beside another person's name was replaced by a
/// placeholder.
pub(super) const OTHER_PERSON_REASON: &str = "a cast name's word beside a name that is not the same person's: \
     someone else's name, replaced by a placeholder that says nothing about who";

/// A word of a name in the text: a cast form or a name-like suspect.
#[derive(Clone, Copy)]
struct NameWord {
    start: usize,
    end: usize,
    pending: usize,
    form: Option<usize>,
}

/// Finds runs of name words one space apart in `v` that mix a cast
/// member's name with words that are not theirs, and replaces each run
/// whole (see the module documentation). `words` is a buffer.
pub(super) fn replace_names_of_others(
    v: &str,
    forms: &[Form],
    owner_words: &OwnerWords,
    pendings: &mut [Pending],
    spans: &mut Vec<Span>,
    words: &mut Vec<(usize, usize, usize)>,
) {
    words.clear();
    let mut any_form = false;
    for (i, p) in pendings.iter().enumerate() {
        if !p.verdict.replaced || p.verdict.overridden.is_some() {
            continue;
        }
        match p.verdict.what {
            What::Form(f)
                if p.verdict.class != Class::Word
                    && forms.get(f as usize).is_some_and(Form::names_people_only) =>
            {
                any_form = true;
                words.push((p.start, p.end, i));
            }
            What::Suspect(SuspectKind::Name | SuspectKind::Initials) => {
                words.push((p.start, p.end, i));
            }
            _ => {}
        }
    }
    if !any_form {
        return;
    }
    words.sort_unstable();
    let mut i = 0;
    while i < words.len() {
        let mut j = i + 1;
        while j < words.len() && v.get(words[j - 1].1..words[j].0) == Some(" ") {
            j += 1;
        }
        if j - i == 1 {
            // "Hoa Thu": a cast name's word alone, before a name word
            // nothing else found.
            let (start, end, pending) = words[i];
            if matches!(pendings[pending].verdict.what, What::Form(_))
                && let Some(name_end) = name_word_after(v, end)
                && !pendings
                    .iter()
                    .any(|p| p.start < name_end && end + 1 < p.end)
            {
                someone_else(pendings, spans, &[pending], start, name_end);
            }
        } else {
            let run: Vec<NameWord> = words[i..j]
                .iter()
                .map(|&(start, end, pending)| NameWord {
                    start,
                    end,
                    pending,
                    form: match pendings[pending].verdict.what {
                        What::Form(f) => Some(f as usize),
                        _ => None,
                    },
                })
                .collect();
            replace_run(v, forms, owner_words, pendings, spans, &run);
        }
        i = j;
    }
}

/// Replaces one run of two or more name words (see
/// [`replace_names_of_others`]).
fn replace_run(
    v: &str,
    forms: &[Form],
    owner_words: &OwnerWords,
    pendings: &mut [Pending],
    spans: &mut Vec<Span>,
    run: &[NameWord],
) {
    let cast: Vec<&NameWord> = run.iter().filter(|w| w.form.is_some()).collect();
    let Some(first_cast) = cast.first() else {
        return;
    };
    let owners = |w: &NameWord| &forms[w.form.unwrap_or_default()].owners;
    // The cast members every cast word of the run may name.
    let shared: Vec<&Owner> = owners(first_cast)
        .iter()
        .filter(|o| cast.iter().all(|w| owners(w).contains(o)))
        .collect();
    let (first, last) = (run[0], run[run.len() - 1]);
    // "SINGH Gurpreet" for a cast "Gurpreet Singh Dhillon": a word the
    // matcher left to the residual scan ("Singh", shared by two cast
    // members) that is a word of the same person's cast name.
    let theirs = |w: &NameWord| {
        w.form.is_some()
            || shared
                .iter()
                .any(|&&owner| owner_words.has(owner, &v[w.start..w.end]))
    };
    if !shared.is_empty()
        && ((first.form.is_some() && last.form.is_some()) || run.iter().all(theirs))
    {
        // "Kevin Tran", an alias and a part of one cast member's name
        // found apart, or "Jory Michael Trewin", with a middle word the
        // cast does not list: their pseudonym once stands for the whole
        // name ("Son", not "Son Son"). The surest word says whose: a sure
        // find of one owner ("Gurpreet", not "SINGH", which two cast
        // members share).
        let surest = cast
            .iter()
            .filter(|w| pendings[w.pending].verdict.class == Class::Name)
            .min_by_key(|w| owners(w).len())
            .unwrap_or(first_cast);
        spans.push(Span {
            start: first.start,
            end: last.end,
            priority: 3,
            pending: surest.pending,
        });
        return;
    }
    // Someone else: the whole name, and a name word after it ("LE Thi
    // Thu"), become one placeholder.
    let end = name_word_after(v, last.end).unwrap_or(last.end);
    let cast: Vec<usize> = cast.iter().map(|w| w.pending).collect();
    someone_else(pendings, spans, &cast, first.start, end);
}

/// The words of each cast member's forms, without diacritics and in
/// lower case, read once per cast: a run's word is looked up here rather
/// than in every form of the cast.
#[derive(Debug, Clone, Default)]
pub struct OwnerWords(FxHashMap<Owner, FxHashSet<String>>);

impl OwnerWords {
    /// The words of every form of `forms`, by owner.
    pub fn new(forms: &[Form]) -> OwnerWords {
        let mut by_owner: FxHashMap<Owner, FxHashSet<String>> = FxHashMap::default();
        for form in forms {
            let folded = super::folding::fold(&form.text).to_lowercase();
            for owner in &form.owners {
                let words = by_owner.entry(*owner).or_default();
                for part in folded.split(|c: char| !c.is_alphanumeric()) {
                    if !part.is_empty() && !words.contains(part) {
                        words.insert(part.to_string());
                    }
                }
            }
        }
        OwnerWords(by_owner)
    }

    /// True when `word` (any case, with or without its diacritics) is a
    /// whole word of one of `owner`'s cast forms.
    fn has(&self, owner: Owner, word: &str) -> bool {
        let word = super::folding::fold(word.trim_end_matches("'s")).to_lowercase();
        !word.is_empty()
            && self
                .0
                .get(&owner)
                .is_some_and(|words| words.contains(&word))
    }
}

/// Makes the cast words `cast` (pending occurrences) of the name at
/// `start..end` someone else's: one placeholder for the whole name, listed
/// as a name not in the cast.
fn someone_else(
    pendings: &mut [Pending],
    spans: &mut Vec<Span>,
    cast: &[usize],
    start: usize,
    end: usize,
) {
    for &pending in cast {
        let verdict = &mut pendings[pending].verdict;
        verdict.class = Class::Ambiguous;
        verdict.what = What::Suspect(SuspectKind::Name);
        verdict.reason = OTHER_PERSON_REASON;
        verdict.flagged = false;
    }
    spans.push(Span {
        start,
        end,
        priority: 4,
        pending: cast[0],
    });
}

/// The end of a capitalised word one space after `end` that is no
/// ordinary word ("Thu" in "LE Thi Thu"): a month or weekday only when it
/// is a given name or three letters long, and not before a number or a
/// time of day (a weekday's "Thu 12th", "Thu am").
fn name_word_after(v: &str, end: usize) -> Option<usize> {
    let rest = v[end..].strip_prefix(' ')?;
    let len = rest
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(rest.len(), |(i, _)| i);
    let token = &rest[..len];
    if len < 2 || !token.starts_with(char::is_uppercase) {
        return None;
    }
    let after = rest[len..].trim_start();
    if after.starts_with(|c: char| c.is_ascii_digit())
        || ["am", "pm", "a.m", "p.m"].iter().any(|t| {
            after
                .strip_prefix(t)
                .is_some_and(|r| !r.starts_with(char::is_alphabetic))
        })
    {
        return None;
    }
    let lower = token.to_lowercase();
    // "Jory Trewin Snr": a generation, not a name.
    if matches!(
        lower.as_str(),
        "snr" | "jnr" | "senior" | "junior" | "sr" | "jr"
    ) {
        return None;
    }
    let ordinary = super::words::in_dictionary(&lower)
        || super::words::is_word(&lower)
        || super::words::is_title(token)
        || super::words::is_acronym(token)
        || super::lists::field_lists().is_public_name(token)
        || super::lists::field_lists().is_kinship(token);
    let calendar = crate::model::is_calendar_word(token);
    let given = gazetteer().is_registered_given_name(&lower) || gazetteer().is_given_name(&lower);
    (!ordinary && (!calendar || given || token.chars().count() == 3)).then_some(end + 1 + len)
}
