//! Finding the cast's names in a text, searched once per text.
//!
//! Every written variant of every form is indexed by its first word (up to
//! its first space or comma), and each first word by its first run of
//! letters and digits, lower case (ASCII). A name can only stand where a
//! run of letters and digits starts, so the search walks the runs of the
//! text once, looks each up (a table of first letters and lengths turns
//! most ordinary words away before any hashing), and checks the few first
//! words and variants that begin with it, in any case or (initials, short
//! capitals) only in their own. First words that start with no letter or
//! digit, which no ordinary cast has, are searched with an Aho-Corasick
//! automaton instead. All matches are reported, overlapping ones too, so
//! that a longer form failing at a word boundary ("Jo Pen" in "Jo Penny")
//! never hides a shorter one that holds ("Jo"). Overlapping matches are
//! merged into one stretch, so no part of any name is left behind. A title
//! or first initial before a surname ("Mr Kilbride", "D. O'Neill") joins
//! the stretch.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use smallvec::SmallVec;

use super::forms::{Form, Forms};
use super::text::{char_at, char_before, is_whole, word_before};
use super::words;

/// The cast's names, ready to search for.
#[derive(Debug, Clone)]
pub struct NameMatcher {
    /// The forms searched for.
    pub forms: Vec<Form>,
    /// First words by their first run of letters and digits.
    runs: Runs,
    /// First words that do not start with a letter or digit, matched in
    /// any case.
    odd_any_case: Words,
    /// The same, matched only in their own case.
    odd_own_case: Words,
    /// For each pattern: its text and the form it stands for.
    patterns: Vec<(String, usize)>,
    /// The words of each cast member's forms.
    pub owner_words: super::others::OwnerWords,
}

/// A fast hash for short byte strings (FxHash's mixing).
#[derive(Default, Clone, Copy)]
struct RunHasher(u64);

impl Hasher for RunHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes(c.try_into().expect("eight bytes"));
            h = (h.rotate_left(5) ^ v).wrapping_mul(K);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(buf)).wrapping_mul(K);
        }
        self.0 = h;
    }

    fn write_usize(&mut self, n: usize) {
        self.0 = (self.0.rotate_left(5) ^ n as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Keys longer than this are never looked up (no first word has one).
const MAX_KEY: usize = 64;

/// A pattern that starts with a first word.
#[derive(Debug, Clone)]
struct Candidate {
    pattern: usize,
    /// Its length in bytes.
    len: usize,
    /// The first bytes after the first word, lower case (ASCII), to turn
    /// most candidates away without reading the pattern.
    probe: [u8; 2],
    probe_len: u8,
}

/// A first word: its text and the patterns that start with it.
#[derive(Debug, Clone)]
struct FirstWord {
    word: Box<[u8]>,
    /// Matched only in its own case.
    own_case: bool,
    /// The patterns that start with it, by their probe (those with a
    /// shorter probe first): a title such as "Mr" starts hundreds of
    /// patterns, and only those with the text's next two bytes are read.
    candidates: Vec<Candidate>,
    /// How many candidates at the start have a probe shorter than two bytes.
    short: usize,
}

impl FirstWord {
    fn new(word: &str, own_case: bool) -> FirstWord {
        FirstWord {
            word: word.as_bytes().into(),
            own_case,
            candidates: Vec::new(),
            short: 0,
        }
    }

    fn add(&mut self, pattern: usize, text: &str) {
        let tail = &text.as_bytes()[self.word.len()..];
        let probe_len = tail.len().min(2);
        let mut probe = [0u8; 2];
        for (k, b) in tail.iter().take(2).enumerate() {
            probe[k] = b.to_ascii_lowercase();
        }
        let candidate = Candidate {
            pattern,
            len: text.len(),
            probe,
            probe_len: probe_len as u8,
        };
        let key = |c: &Candidate| (c.probe_len == 2, c.probe);
        let at = self
            .candidates
            .partition_point(|c| key(c) <= key(&candidate));
        self.candidates.insert(at, candidate);
        if probe_len < 2 {
            self.short += 1;
        }
    }

    /// The candidates whose probe the text's next two bytes (lower case,
    /// ASCII) may match: every one with a shorter probe, and those with
    /// exactly these two bytes.
    fn candidates_for(&self, next: [Option<u8>; 2]) -> impl Iterator<Item = &Candidate> {
        let short = &self.candidates[..self.short];
        let long = &self.candidates[self.short..];
        let two = match next {
            [Some(a), Some(b)] => {
                let probe = [a, b];
                let from = long.partition_point(|c| c.probe < probe);
                let to = from + long[from..].partition_point(|c| c.probe == probe);
                &long[from..to]
            }
            _ => &long[..0],
        };
        short.iter().chain(two)
    }
}

/// First words by a key: the first run of letters and digits of the
/// word, lower case (ASCII), or, when a second run follows ("O'Neill",
/// "M.J.A"), the word up to the end of that run.
#[derive(Debug, Clone, Default)]
struct Runs {
    /// For each pair of lower-case first two bytes (see [`pair_index`]), a
    /// bit for each key length (up to 63) of the keys of one run: most
    /// words of a text stop here.
    one_run: Vec<u64>,
    /// The same for keys of two runs.
    two_runs: Vec<u64>,
    /// A bit for each key's hash (its low bits): a word whose bit is not
    /// set is no key, and is turned away without a look-up.
    hashes: Vec<u64>,
    /// Key → first words (in any case first, then in their own case).
    by_key: HashMap<Box<[u8]>, Vec<FirstWord>, BuildHasherDefault<RunHasher>>,
}

/// The place of a key's first two bytes (lower case) in [`Runs::one_run`]:
/// letters each have their own, every other byte (and no second byte)
/// shares one.
#[inline]
fn pair_index(first: u8, second: Option<u8>) -> usize {
    let place = |b: u8| {
        if b.is_ascii_lowercase() {
            (b - b'a') as usize
        } else {
            26
        }
    };
    place(first) * 27 + second.map_or(26, place)
}

/// Where a first word is: its key and its position in the key's list.
type WordPlace = (Box<[u8]>, usize);

/// Bits in [`Runs::hashes`].
const HASH_BITS: usize = 1 << 16;

/// The hash of a key, as [`Runs::hashes`] records it.
#[inline]
fn key_hash(key: &[u8]) -> usize {
    let mut h = RunHasher::default();
    h.write(key);
    (h.finish() >> 40) as usize % HASH_BITS
}

/// The length of the first run of letters and digits of a text (0 when
/// it starts with something else).
fn run_len(text: &str) -> usize {
    text.char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(text.len(), |(i, _)| i)
}

/// The key of a first word and whether it has two runs, or `None` when
/// the word does not start with a letter or digit or its key is too long.
fn key_of(word: &str) -> Option<(String, bool)> {
    let first = run_len(word);
    if first == 0 {
        return None;
    }
    let rest = &word[first..];
    let between = rest.len()
        - rest
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .len();
    let second = run_len(&rest[between..]);
    let (len, two) = if second == 0 {
        (first, false)
    } else {
        (first + between + second, true)
    };
    (len < MAX_KEY).then(|| (word[..len].to_ascii_lowercase(), two))
}

/// Whether the character at `i` is a letter or digit, and its length;
/// `None` at the end.
#[inline]
fn is_alnum_at(text: &str, i: usize) -> Option<(bool, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((b.is_ascii_alphanumeric(), 1));
    }
    let c = text[i..].chars().next()?;
    Some((c.is_alphanumeric(), c.len_utf8()))
}

/// The end of the run of letters and digits that starts at `i`.
#[inline]
fn run_end(text: &str, mut i: usize) -> usize {
    while let Some((true, len)) = is_alnum_at(text, i) {
        i += len;
    }
    i
}

impl Runs {
    fn new(patterns: &[(String, usize)], own_case: impl Fn(usize) -> bool) -> (Runs, Vec<usize>) {
        let mut runs = Runs {
            one_run: vec![0; 27 * 27],
            two_runs: vec![0; 27 * 27],
            hashes: vec![0; HASH_BITS / 64],
            by_key: HashMap::default(),
        };
        // (own case, word) → (key, position in the key's list)
        let mut index: HashMap<(bool, String), WordPlace> = HashMap::new();
        let mut odd = Vec::new();
        // Words in any case first, as the automata were searched.
        for pass_own_case in [false, true] {
            for (i, (pattern, form)) in patterns.iter().enumerate() {
                if own_case(*form) != pass_own_case {
                    continue;
                }
                let word = first_word(pattern);
                let Some((key, two)) = key_of(word) else {
                    odd.push(i);
                    continue;
                };
                let name = if pass_own_case {
                    word.to_string()
                } else {
                    word.to_ascii_lowercase()
                };
                if let Some((key, k)) = index.get(&(pass_own_case, name.clone())) {
                    let list = runs.by_key.get_mut(key).expect("indexed");
                    list[*k].add(i, pattern);
                    continue;
                }
                let key: Box<[u8]> = key.into_bytes().into();
                let lengths = if two {
                    &mut runs.two_runs
                } else {
                    &mut runs.one_run
                };
                lengths[pair_index(key[0], key.get(1).copied())] |= 1 << key.len();
                let h = key_hash(&key);
                runs.hashes[h / 64] |= 1 << (h % 64);
                let list = runs.by_key.entry(key.clone()).or_default();
                let mut first = FirstWord::new(&name, pass_own_case);
                first.add(i, pattern);
                list.push(first);
                index.insert((pass_own_case, name), (key, list.len() - 1));
            }
        }
        (runs, odd)
    }

    /// The first words under a key of `text[start..end]`, if any.
    #[inline]
    fn get(&self, bytes: &[u8], start: usize, end: usize, two: bool) -> Option<&[FirstWord]> {
        let n = end - start;
        if n >= MAX_KEY {
            return None;
        }
        let lengths = if two { &self.two_runs } else { &self.one_run };
        let second = (n > 1).then(|| bytes[start + 1].to_ascii_lowercase());
        if lengths[pair_index(bytes[start].to_ascii_lowercase(), second)] & (1 << n) == 0 {
            return None;
        }
        let mut lower = [0u8; MAX_KEY];
        for (k, &c) in bytes[start..end].iter().enumerate() {
            lower[k] = c.to_ascii_lowercase();
        }
        let h = key_hash(&lower[..n]);
        if self.hashes[h / 64] & (1 << (h % 64)) == 0 {
            return None;
        }
        self.by_key.get(&lower[..n]).map(Vec::as_slice)
    }

    /// Every place a first word stands as a whole word: calls
    /// `found(start, first word)` for each.
    fn find<'s>(&'s self, text: &str, mut found: impl FnMut(usize, &'s FirstWord)) {
        if self.by_key.is_empty() {
            return;
        }
        let bytes = text.as_bytes();
        let mut check = |start: usize, words: &'s [FirstWord]| {
            for w in words {
                let end = start + w.word.len();
                if end > bytes.len() {
                    continue;
                }
                let same = if w.own_case {
                    bytes[start..end] == *w.word
                } else {
                    bytes[start..end].eq_ignore_ascii_case(&w.word)
                };
                if same && text.is_char_boundary(end) && is_whole(text, start, end) {
                    found(start, w);
                }
            }
        };
        // Runs are taken whole, so each one found starts after something
        // that is not a letter or digit, or at the start: where a word
        // that starts with a letter or digit can stand as a whole word.
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 && !b.is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
            let Some((alnum, len)) = is_alnum_at(text, i) else {
                break;
            };
            if !alnum {
                i += len;
                continue;
            }
            let start = i;
            let end = run_end(text, i + len);
            i = end;
            if let Some(words) = self.get(bytes, start, end, false) {
                check(start, words);
            }
            // A second run after characters that may be inside a first
            // word (not a space or comma): "O'Neill", "M.J.A".
            let mut j = end;
            while let Some((false, len)) = is_alnum_at(text, j) {
                if matches!(bytes[j], b' ' | b',') {
                    break;
                }
                j += len;
            }
            if j > end
                && let Some((true, len)) = is_alnum_at(text, j)
                && let Some(words) = self.get(bytes, start, run_end(text, j + len), true)
            {
                check(start, words);
            }
        }
    }
}

/// An automaton over first words, and what starts with each.
#[derive(Debug, Clone, Default)]
struct Words {
    automaton: Option<AhoCorasick>,
    /// The words, with the patterns that start with each.
    words: Vec<FirstWord>,
}

impl Words {
    fn new(
        patterns: &[(String, usize)],
        which: &[usize],
        own_case: impl Fn(usize) -> bool,
        any_case: bool,
    ) -> Words {
        let mut words: Vec<String> = Vec::new();
        let mut index = std::collections::HashMap::new();
        let mut first_words: Vec<FirstWord> = Vec::new();
        for &i in which {
            let (pattern, form) = &patterns[i];
            if own_case(*form) == any_case {
                continue;
            }
            let word = first_word(pattern);
            let key = if any_case {
                word.to_ascii_lowercase()
            } else {
                word.to_string()
            };
            let w = *index.entry(key.clone()).or_insert_with(|| {
                first_words.push(FirstWord::new(word, !any_case));
                words.push(key);
                words.len() - 1
            });
            first_words[w].add(i, pattern);
        }
        let automaton = (!words.is_empty()).then(|| {
            let build = |kind| {
                AhoCorasick::builder()
                    .ascii_case_insensitive(any_case)
                    .match_kind(MatchKind::Standard)
                    .kind(kind)
                    .build(&words)
            };
            // Building fails only when the automaton would exceed its
            // size limits, which no cast comes near.
            build(automaton_kind(&words, Some(AhoCorasickKind::DFA)))
                .or_else(|_| build(Some(AhoCorasickKind::ContiguousNFA)))
                .expect("the name automaton builds")
        });
        Words {
            automaton,
            words: first_words,
        }
    }

    /// Every place a first word stands as a whole word: calls
    /// `found(start, word)` for each, in one pass over the text.
    fn find(&self, text: &str, mut found: impl FnMut(usize, usize)) {
        let Some(automaton) = &self.automaton else {
            return;
        };
        for m in automaton.find_overlapping_iter(text) {
            let (start, end) = (m.start(), m.end());
            if text.is_char_boundary(start)
                && text.is_char_boundary(end)
                && is_whole(text, start, end)
            {
                found(start, m.pattern().as_usize());
            }
        }
    }
}

/// Patterns longer than this are searched with an automaton whose size
/// and building time grow with the patterns' length alone.
const LONG_PATTERN: usize = 256;

/// The automaton to build for `patterns`: `preferred` (a DFA is the
/// fastest to search), unless a pattern is longer than [`LONG_PATTERN`]
/// bytes. A DFA's building time grows with the square of a pattern that
/// repeats itself ("aaaa…", a name of ten thousand letters taking seconds),
/// a contiguous NFA's only with its length.
/// (`None` lets the library choose.)
pub fn automaton_kind<P: AsRef<[u8]>>(
    patterns: &[P],
    preferred: Option<AhoCorasickKind>,
) -> Option<AhoCorasickKind> {
    if patterns.iter().any(|p| p.as_ref().len() > LONG_PATTERN) {
        Some(AhoCorasickKind::ContiguousNFA)
    } else {
        preferred
    }
}

/// A pattern found at a place: (start, end, form, matched in its own case
/// only, pattern).
type RawHit = (usize, usize, usize, bool, usize);

/// Buffers [`NameMatcher::find_into`] keeps from one text to the next.
#[derive(Debug, Default)]
pub struct FindBuffers {
    raw: Vec<RawHit>,
}

/// A stretch of text that is (or may be) a cast name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameHit {
    /// Start, including a title or initial taken in.
    pub start: usize,
    /// Where the name itself starts (after any title or initial).
    pub name_start: usize,
    /// End (exclusive).
    pub end: usize,
    /// The longest form found here.
    pub form: usize,
    /// Every form found in the stretch (most stretches have one).
    pub forms: SmallVec<[usize; 2]>,
    /// A title stands before the name.
    pub after_title: bool,
}

/// The first word of a pattern: up to its first space or comma.
fn first_word(pattern: &str) -> &str {
    pattern.split([' ', ',']).next().unwrap_or(pattern)
}

impl NameMatcher {
    /// Indexes every pattern by its first word.
    ///
    /// A large cast has a few thousand distinct first words, each with
    /// the few whole patterns that begin with it.
    pub fn new(forms: Forms) -> NameMatcher {
        let exact = |f: usize| forms.forms[f].exact_case;
        let (runs, odd) = Runs::new(&forms.patterns, exact);
        let odd_any_case = Words::new(&forms.patterns, &odd, exact, true);
        let odd_own_case = Words::new(&forms.patterns, &odd, exact, false);
        NameMatcher {
            owner_words: super::others::OwnerWords::new(&forms.forms),
            forms: forms.forms,
            runs,
            odd_any_case,
            odd_own_case,
            patterns: forms.patterns,
        }
    }

    /// True when there is nothing to search for.
    pub fn is_empty(&self) -> bool {
        self.runs.by_key.is_empty()
            && self.odd_any_case.automaton.is_none()
            && self.odd_own_case.automaton.is_none()
    }

    /// Checks the patterns `candidates` that start at `start` (their first
    /// word found there) and records those that match.
    fn check(&self, text: &str, start: usize, word: &FirstWord, raw: &mut Vec<RawHit>) {
        let bytes = text.as_bytes();
        // The first word matched already: only what follows it is compared.
        let after_word = start + word.word.len();
        let next = |k: usize| bytes.get(after_word + k).map(u8::to_ascii_lowercase);
        let probe = [next(0), next(1)];
        for c in word.candidates_for(probe) {
            let end = start + c.len;
            if end > bytes.len() {
                continue;
            }
            if (0..c.probe_len as usize).any(|k| probe[k] != Some(c.probe[k])) {
                continue;
            }
            let p = c.pattern;
            let (pattern, form_index) = &self.patterns[p];
            if end > after_word
                && !bytes[after_word..end]
                    .eq_ignore_ascii_case(&pattern.as_bytes()[word.word.len()..])
            {
                continue;
            }
            if !text.is_char_boundary(end) || !is_whole(text, start, end) {
                continue;
            }
            let form = &self.forms[*form_index];
            if form.exact_case && &text[start..end] != pattern {
                continue;
            }
            if form.exact_case && pattern.contains('.') && !initials_stand_alone(text, start, end) {
                continue;
            }
            // "K.S.J. and…": the last dot of dotted initials belongs
            // to them unless it ends the sentence.
            let mut end = end;
            if form.exact_case && pattern.contains('.') && text[end..].starts_with('.') {
                let next = text[end + 1..].trim_start_matches(' ').chars().next();
                if next.is_some_and(|c| c.is_lowercase() || matches!(c, ',' | ';' | ')' | ':')) {
                    end += 1;
                }
            }
            raw.push((start, end, *form_index, word.own_case, p));
        }
    }

    /// Every stretch of `text` that holds a cast name, in text order,
    /// never overlapping.
    pub fn find(&self, text: &str) -> Vec<NameHit> {
        let mut hits = Vec::new();
        self.find_into(text, &mut FindBuffers::default(), &mut hits);
        hits
    }

    /// Like [`NameMatcher::find`], into `hits` (emptied first), with
    /// buffers kept from one text to the next.
    pub fn find_into(&self, text: &str, buffers: &mut FindBuffers, hits: &mut Vec<NameHit>) {
        hits.clear();
        let raw = &mut buffers.raw;
        raw.clear();
        self.runs
            .find(text, |start, word| self.check(text, start, word, raw));
        for words in [&self.odd_any_case, &self.odd_own_case] {
            words.find(text, |start, word| {
                self.check(text, start, &words.words[word], raw);
            });
        }
        if raw.is_empty() {
            return;
        }
        // In text order, the longest first; where two patterns cover the
        // same stretch, those in any case first, then in pattern order.
        raw.sort_unstable_by_key(|&(s, e, _, own, p)| (s, std::cmp::Reverse(e), own, p));
        for &(start, end, form, _, _) in raw.iter() {
            if let Some(last) = hits.last_mut()
                && start < last.end
            {
                if end > last.end {
                    last.end = end;
                }
                if !last.forms.contains(&form) {
                    last.forms.push(form);
                }
                continue;
            }
            hits.push(NameHit {
                start,
                name_start: start,
                end,
                form,
                forms: smallvec::smallvec![form],
                after_title: false,
            });
        }
        for hit in hits.iter_mut() {
            self.take_in_title_or_initials(text, hit);
        }
        // Taking in a title may make two stretches touch ("Mr Kettle" after
        // "Rose"): that is fine, they stay apart; they never overlap, as a
        // title is not itself a name.
    }

    /// Extends a hit backwards over "Mr ", "Dr. ", "D. ", "M.J. ".
    fn take_in_title_or_initials(&self, text: &str, hit: &mut NameHit) {
        let surname = hit.forms.iter().any(|&f| self.forms[f].surname);
        for _ in 0..3 {
            let Some((word_start, word)) = word_before(text, hit.start) else {
                return;
            };
            let between = &text[word_start + word.len()..hit.start];
            let dotted = between.starts_with('.');
            let gap = between.trim_start_matches('.');
            if !(gap == " " || gap.is_empty() && dotted) {
                return;
            }
            let capitalised = text[hit.name_start..].starts_with(char::is_uppercase);
            // "Mr. Wood" but not "…with SW. Craig": after a dot, only a
            // title written with one is a title; otherwise the sentence ended.
            if words::is_title(word) && capitalised && (!dotted || words::is_dotted_title(word)) {
                hit.start = word_start;
                hit.after_title = true;
                continue;
            }
            let single = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
            let initials = word.split('.').all(|p| {
                p.is_empty() || p.chars().count() == 1 && p.chars().all(char::is_uppercase)
            }) && word.contains('.');
            if surname && ((single && (dotted || !matches!(word, "A" | "I"))) || initials) {
                hit.start = word_start;
                continue;
            }
            return;
        }
    }
}

/// Dotted initials must not sit inside a longer dotted run ("p.m.",
/// "M.J.A." when searching "J.A").
fn initials_stand_alone(text: &str, start: usize, end: usize) -> bool {
    if char_before(text, start) == Some('.') {
        return false;
    }
    let mut after = text[end..].chars();
    if after.next() == Some('.')
        && let (Some(a), Some(b)) = (after.next(), after.next())
        && a.is_alphabetic()
        && b == '.'
    {
        return false;
    }
    !char_at(text, end).is_some_and(|c| c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anonymise::forms::cast_forms;
    use crate::model::{Id, Person, Review};

    fn matcher(names: &[(&str, &[&str])]) -> NameMatcher {
        let mut review = Review::new("t");
        for (i, (name, aliases)) in names.iter().enumerate() {
            review.people.push(Person {
                id: Id::from(format!("P{}", i + 1)),
                name: name.to_string(),
                aliases: aliases.iter().map(|a| a.to_string()).collect(),
                ..Default::default()
            });
        }
        NameMatcher::new(cast_forms(&review, &[]))
    }

    /// What is found, as it is written in the original text.
    fn found<'a>(m: &NameMatcher, text: &'a str) -> Vec<&'a str> {
        let view = crate::anonymise::text::View::new(text);
        m.find(&view.text)
            .iter()
            .map(|h| &text[view.start_in_original(h.start)..view.end_in_original(h.end)])
            .collect()
    }

    #[test]
    fn whole_words_only_and_overlaps_merge() {
        let m = matcher(&[("Jo Pennington", &[]), ("Dean Kilbride", &[])]);
        assert_eq!(found(&m, "Jo Penny and Jolene"), vec!["Jo"]);
        assert_eq!(found(&m, "JO PENNINGTON's note"), vec!["JO PENNINGTON"]);
        assert_eq!(
            found(&m, "Mr. Kilbride and D. Kilbride and DK, dk"),
            vec!["Mr. Kilbride", "D. Kilbride", "DK"]
        );
        assert_eq!(found(&m, "PENNINGTON, Jo was seen"), vec!["PENNINGTON, Jo"]);
    }

    #[test]
    fn initials_in_their_own_case_and_not_inside_other_abbreviations() {
        let m = matcher(&[("Kyle Samuel Jones", &[])]);
        assert_eq!(
            found(
                &m,
                "K.S.J. and KSJ and K. S. J. but not ksj. Seen by K.S.J."
            ),
            vec!["K.S.J.", "KSJ", "K. S. J.", "K.S.J"]
        );
        assert!(found(&m, "x.K.S.J.y").is_empty());
    }

    #[test]
    fn diacritics_apostrophes_and_case_beyond_ascii() {
        let m = matcher(&[("Zoë O'Neill", &[]), ("Łukasz Nowak", &[])]);
        assert_eq!(
            found(&m, "ZOË, Zoe, zoë, O’Neill’s, ONEILL, Lukasz, ŁUKASZ"),
            vec!["ZOË", "Zoe", "zoë", "O’Neill", "ONEILL", "Lukasz", "ŁUKASZ"]
        );
    }

    /// The index of first words finds exactly what searching every first
    /// word with an automaton finds, on texts full of near misses.
    #[test]
    fn the_word_index_finds_what_an_automaton_finds() {
        let cast: &[(&str, &[&str])] = &[
            ("Zoë O'Neill-Hart", &["Zo", "(Zo)"]),
            ("Łukasz Wiśniewski", &["Luke"]),
            ("Kyle Samuel Jameson", &["K.S.J."]),
            ("Rose Kettle", &["Rosie", "HV Mark"]),
            ("Will Summer", &[]),
            ("Bill Hope", &["DC 4471 Hope", "'Billy'"]),
            ("Mary-Jane O'Neill", &["MJ"]),
        ];
        let mut review = Review::new("t");
        for (i, (name, aliases)) in cast.iter().enumerate() {
            review.people.push(Person {
                id: Id::from(format!("P{}", i + 1)),
                name: name.to_string(),
                aliases: aliases.iter().map(|a| a.to_string()).collect(),
                ..Default::default()
            });
        }
        let forms = cast_forms(&review, &[]);
        let exact = |f: usize| forms.forms[f].exact_case;
        let every: Vec<usize> = (0..forms.patterns.len()).collect();
        let reference = NameMatcher {
            runs: Runs::default(),
            odd_any_case: Words::new(&forms.patterns, &every, exact, true),
            odd_own_case: Words::new(&forms.patterns, &every, exact, false),
            owner_words: crate::anonymise::others::OwnerWords::new(&forms.forms),
            forms: forms.forms.clone(),
            patterns: forms.patterns.clone(),
        };
        let matcher = NameMatcher::new(forms);
        assert!(
            !matcher.odd_any_case.words.is_empty(),
            "\"(Zo)\" is searched apart"
        );
        let pieces = [
            "Zoë",
            "Zoe",
            "ZOË",
            "zoe",
            "O'Neill",
            "ONeill",
            "O",
            "Neill",
            "-",
            "Hart",
            "O'Neill-Hart",
            "Łukasz",
            "Lukasz",
            "ŁUKASZ",
            "Wiśniewski",
            "K.S.J.",
            "K.S.J",
            "K. S. J.",
            "KSJ",
            "ksj",
            "Rose",
            "rose",
            "ROSE",
            "Kettle",
            "Rosie",
            "HV",
            "Mark",
            "Will",
            "will",
            "Summer",
            "Bill",
            "Hope",
            "DC",
            "4471",
            "'Billy'",
            "(Zo)",
            "Zo",
            "MJ",
            "Mary-Jane",
            "Mary",
            "Jane",
            "Mr",
            "D.",
            "x",
            "12",
            "'s",
            ".",
            ",",
            ";",
            "'",
            "’",
            " ",
            " ",
            " ",
            " ",
            "  ",
            "e\u{301}",
        ];
        let mut rng = fastrand::Rng::with_seed(11);
        for _ in 0..3000 {
            let text: String = (0..rng.usize(1..16))
                .map(|_| pieces[rng.usize(..pieces.len())])
                .collect();
            assert_eq!(matcher.find(&text), reference.find(&text), "{text:?}");
        }
    }
}
