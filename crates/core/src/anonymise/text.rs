//! The text as the matchers see it, and small questions about positions in
//! it (is this the start of a sentence? what is the next word?).
//!
//! Records break names across lines ("Rose\nKettle", "Kil-\nbride"), double
//! their spaces and hide soft hyphens and zero-width characters inside
//! words. A [`View`] is the text with every run of white space turned into
//! one space, those invisible characters and line-end hyphens removed, and
//! every kind of apostrophe written `'` and every hyphen or dash `-`, with
//! a map from each position back to the original text, so that a name
//! found in the view is replaced in the original.

use std::borrow::Cow;

use smol_str::SmolStr;

use super::disguise;

/// A normalised view of a text with a map back to the original.
#[derive(Debug, Clone)]
pub struct View<'a> {
    /// The normalised text.
    pub text: Cow<'a, str>,
    /// Points where the offset between view and original changes:
    /// (view position, original position), in increasing order.
    checkpoints: Vec<(usize, usize)>,
    /// The original text.
    original: &'a str,
}

/// Characters that are removed from the view: soft hyphen, zero-width
/// characters, direction controls and combining marks (an accent written
/// apart from its letter: every form of a name is also searched for
/// without its accents).
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    ) || (!c.is_ascii() && (disguise::is_direction_control(c) || disguise::is_mark(c)))
}

/// Apostrophes other than `'`, written `'` in the view.
fn is_other_apostrophe(c: char) -> bool {
    matches!(c, '’' | '‘' | 'ʼ' | '`' | '′')
}

/// Hyphens and dashes other than `-`, written `-` in the view.
fn is_other_hyphen(c: char) -> bool {
    matches!(c, '‐' | '‑' | '‒' | '–' | '—' | '−')
}

fn needs_normalising(text: &str) -> bool {
    let bytes = text.as_bytes();
    // Control characters, a backquote, or the first byte of a character
    // beyond ASCII that may need normalising (see `special_lead`): looked
    // at closely.
    let first = bytes
        .iter()
        .position(|&b| b < 0x20 || b == b'`' || special_lead(b));
    if let Some(from) = first {
        if matches!(bytes[from], b'\n' | b'\r' | b'\t' | 0x0B | 0x0C | b'`') {
            return true;
        }
        let any = text[from..].chars().any(|c| {
            matches!(c, '\n' | '\r' | '\t' | '\u{0B}' | '\u{0C}')
                || is_invisible(c)
                || (c.is_whitespace() && c != ' ')
                || is_other_apostrophe(c)
                || is_other_hyphen(c)
        });
        if any {
            return true;
        }
        // A letter written in disguise: full-width, mathematical, or of
        // another script but looking Latin.
        if text[from..]
            .chars()
            .any(|c| disguise::view_letter(c, true).is_some())
        {
            return true;
        }
    }
    memchr::memmem::find(bytes, b"  ").is_some() || disguise::may_hold_spaced_letters(bytes)
}

/// True when `b` can start the UTF-8 encoding of a character beyond ASCII
/// that the view changes: white space (U+0085, U+00A0, U+1680, U+2000 to
/// U+200A, U+2028, U+2029, U+202F, U+205F, U+3000), an invisible character
/// (U+00AD, U+200B to U+200D, U+2060, U+FEFF), an apostrophe (U+2018,
/// U+2019, U+02BC, U+2032), a hyphen or dash (U+2010 to U+2014, U+2212), a
/// combining mark (U+0300 to U+036F), a Greek, Cyrillic or Armenian letter
/// that may look Latin (U+0370 to U+058F), a direction control (U+061C,
/// U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069), or a full-width,
/// circled or mathematical letter (U+FF00 to U+FFEF, U+2460 to U+24FF,
/// U+1D400 to U+1D7FF). Every one of them starts with one of these bytes
/// (Latin letters with accents, U+00C0 to U+02AF, start with others).
fn special_lead(b: u8) -> bool {
    matches!(
        b,
        0xC2 | 0xCA | 0xCC..=0xD6 | 0xD8 | 0xE1 | 0xE2 | 0xE3 | 0xEF | 0xF0
    )
}

impl<'a> View<'a> {
    /// The view of a text.
    pub fn new(original: &'a str) -> View<'a> {
        if !needs_normalising(original) {
            return View {
                text: Cow::Borrowed(original),
                checkpoints: Vec::new(),
                original,
            };
        }
        View::normalised(original)
    }

    /// The view made character by character.
    fn normalised(original: &'a str) -> View<'a> {
        let mut out = String::with_capacity(original.len());
        let mut checkpoints = vec![(0, 0)];
        // The separators of letters spaced apart are dropped.
        let spacers =
            if disguise::may_hold_spaced_letters(original.as_bytes()) || !original.is_ascii() {
                disguise::spaced_letter_separators(original)
            } else {
                Vec::new()
            };
        let mut next_spacer = spacers.iter().copied().peekable();
        let mut chars = original.char_indices().peekable();
        // Whether the word being read is a disguise, and where it ends:
        // asked once per word, not once per letter (a long word of
        // lookalike letters took time growing with its length squared).
        let mut disguise_word: Option<(usize, bool)> = None;
        let mut is_disguise = |i: usize| match disguise_word {
            Some((end, answer)) if i < end => answer,
            _ => {
                let answer = disguise::word_is_disguise(original, i);
                disguise_word = Some((disguise::word_end(original, i), answer));
                answer
            }
        };
        while let Some((i, c)) = chars.next() {
            if next_spacer.peek() == Some(&i) {
                next_spacer.next();
                checkpoints.push((out.len(), i));
                checkpoints.push((out.len(), i + c.len_utf8()));
                continue;
            }
            if !c.is_ascii()
                && let Some(letter) =
                    disguise::view_letter(c, disguise::lookalike(c).is_some() && is_disguise(i))
            {
                checkpoints.push((out.len(), i));
                out.push(letter);
                checkpoints.push((out.len(), i + c.len_utf8()));
                continue;
            }
            if is_other_apostrophe(c) || is_other_hyphen(c) {
                checkpoints.push((out.len(), i));
                out.push(if is_other_hyphen(c) { '-' } else { '\'' });
                checkpoints.push((out.len(), i + c.len_utf8()));
                continue;
            }
            if !(c.is_whitespace() || is_invisible(c)) {
                out.push(c);
                continue;
            }
            // A run of white space and invisible characters.
            let mut end = i + c.len_utf8();
            let mut has_space = c.is_whitespace();
            let mut has_newline = c == '\n' || c == '\r';
            while let Some(&(j, d)) = chars.peek() {
                if d.is_whitespace() || is_invisible(d) {
                    has_space |= d.is_whitespace();
                    has_newline |= d == '\n' || d == '\r';
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            let next = original[end..].chars().next();
            let hyphen_before = out.ends_with('-')
                && out[..out.len() - 1]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphabetic);
            let emit = if has_newline && hyphen_before && next.is_some_and(char::is_alphabetic) {
                // "Kil-\nbride" → "Kilbride"; "Maisie-\nJane" → "Maisie-Jane".
                if next.is_some_and(char::is_lowercase) {
                    out.pop();
                    checkpoints.push((out.len(), i - 1));
                }
                ""
            } else if has_space {
                " "
            } else {
                ""
            };
            if emit == " " && end - i == 1 && c == ' ' {
                out.push(' ');
                continue;
            }
            checkpoints.push((out.len(), i));
            out.push_str(emit);
            checkpoints.push((out.len(), end));
        }
        View {
            text: Cow::Owned(out),
            checkpoints,
            original,
        }
    }

    /// The original position of a view position (a start of a range).
    pub fn start_in_original(&self, view: usize) -> usize {
        if self.checkpoints.is_empty() {
            return view;
        }
        let k = self.checkpoints.partition_point(|&(v, _)| v <= view);
        let (v, o) = self.checkpoints[k.saturating_sub(1)];
        let mut at = (o + (view - v)).min(self.original.len());
        while !self.original.is_char_boundary(at) {
            at -= 1;
        }
        at
    }

    /// The original position of the end (exclusive) of a view range.
    pub fn end_in_original(&self, view_end: usize) -> usize {
        if self.checkpoints.is_empty() || view_end == 0 {
            return view_end;
        }
        // After the whole of the original character the last one of the
        // range stands for ("’" for "'", "С" for "C").
        let last = self.start_in_original(view_end - 1);
        last + self.original[last..]
            .chars()
            .next()
            .map_or(0, char::len_utf8)
    }
}

/// The stretches of `text` that are runs of ASCII letters, digits, `_`,
/// `/` and `-` holding two bytes in a row for which `pair` is true.
///
/// A pattern whose matches are made only of ASCII letters, digits, `/`
/// and `-` finds the same matches searched run by run as in the whole
/// text: a match lies inside one run, and as the bytes around a run are
/// never word characters, `\b` is the same at its ends either way.
pub fn token_runs<'a>(
    text: &'a str,
    pair: impl Fn(u8, u8) -> bool + 'a,
) -> impl Iterator<Item = std::ops::Range<usize>> + 'a {
    let bytes = text.as_bytes();
    let in_token = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'/' | b'-');
    let mut i = 1;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            if !pair(bytes[i - 1], bytes[i]) {
                i += 1;
                continue;
            }
            let mut start = i - 1;
            while start > 0 && in_token(bytes[start - 1]) {
                start -= 1;
            }
            let mut end = i + 1;
            while end < bytes.len() && in_token(bytes[end]) {
                end += 1;
            }
            i = end + 2;
            return Some(start..end);
        }
        None
    })
}

/// Where `pattern` matches in the given stretches of `text`, as ranges of
/// `text`, in order (see [`token_runs`]), added to `out`.
pub fn matches_in(
    pattern: &regex::Regex,
    text: &str,
    stretches: impl Iterator<Item = std::ops::Range<usize>>,
    out: &mut Vec<std::ops::Range<usize>>,
) {
    for stretch in stretches {
        let at = stretch.start;
        out.extend(
            pattern
                .find_iter(&text[stretch])
                .map(|m| m.start() + at..m.end() + at),
        );
    }
}

/// The character before a position, if any.
pub fn char_before(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

/// The character at a position, if any.
pub fn char_at(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}

/// True when a character can be part of a word.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// True when `start..end` is a whole word or phrase of `text`: not
/// preceded or followed by a letter or digit.
pub fn is_whole(text: &str, start: usize, end: usize) -> bool {
    !char_before(text, start).is_some_and(is_word_char)
        && !char_at(text, end).is_some_and(is_word_char)
}

/// How a word is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// "rose".
    Lower,
    /// "Rose".
    Capitalised,
    /// "ROSE".
    Upper,
    /// Anything else, e.g. "mcDonald".
    Mixed,
}

/// How a word or phrase is written, judged by its letters.
pub fn case_of(word: &str) -> Case {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let Some(first) = letters.next() else {
        return Case::Mixed;
    };
    let rest: Vec<char> = letters.collect();
    let rest_lower = rest.iter().all(|c| !c.is_uppercase());
    let rest_upper = rest.iter().all(|c| !c.is_lowercase());
    if first.is_lowercase() && rest_lower {
        Case::Lower
    } else if first.is_uppercase() && rest_upper && !rest.is_empty() {
        Case::Upper
    } else if first.is_uppercase() && rest_lower {
        Case::Capitalised
    } else if first.is_uppercase() {
        // "McDonald", "O'Neill", "Maisie-Jane".
        Case::Capitalised
    } else {
        Case::Mixed
    }
}

/// The word (letters, digits, apostrophes and hyphens inside) ending just
/// before `at`, skipping spaces and simple punctuation; `None` at the start.
pub fn word_before(text: &str, at: usize) -> Option<(usize, &str)> {
    let head = &text[..at];
    let trimmed = head.trim_end_matches(|c: char| !is_word_char(c));
    if trimmed.is_empty() {
        return None;
    }
    let start = trimmed
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word_char(c) || c == '\'' || c == '’' || c == '.')
        .last()
        .map(|(i, _)| i)
        .unwrap_or(0);
    let word = trimmed[start..].trim_start_matches(['\'', '’', '.']);
    Some((trimmed.len() - word.len(), word))
}

/// The word starting after `at`, skipping spaces only (not punctuation);
/// `None` when punctuation or the end comes first.
pub fn word_after(text: &str, at: usize) -> Option<&str> {
    let tail = &text[at..];
    let tail = tail.trim_start_matches(' ');
    let end = tail
        .char_indices()
        .find(|&(_, c)| !(is_word_char(c) || c == '-' || c == '\'' || c == '’'))
        .map(|(i, _)| i)
        .unwrap_or(tail.len());
    let word = tail[..end].trim_end_matches(['-', '\'', '’']);
    (!word.is_empty()).then_some(word)
}

/// A word in lower case, kept inline when short (words almost always are).
fn lower(word: &str) -> SmolStr {
    if is_lower(word) {
        SmolStr::new(word)
    } else {
        SmolStr::from(word.to_lowercase())
    }
}

/// True when a word has no letter that lower-casing changes.
fn is_lower(word: &str) -> bool {
    word.bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

/// Adds a word to `out` in lower case, as [`any_word_before`] and
/// [`any_word_after`] give it.
pub fn push_lower(out: &mut String, word: &str) {
    if is_lower(word) || word.is_ascii() {
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
    } else {
        out.push_str(&word.to_lowercase());
    }
}

/// The next word after `at` whatever punctuation comes between, lower case.
pub fn any_word_after(text: &str, at: usize) -> SmolStr {
    lower(nearest_word_after(text, at))
}

/// The next word after `at` whatever punctuation comes between, as written.
pub fn nearest_word_after(text: &str, at: usize) -> &str {
    let tail = &text[at..];
    let start = tail.find(is_word_char).unwrap_or(tail.len());
    let tail = &tail[start..];
    let end = tail.find(|c: char| !is_word_char(c)).unwrap_or(tail.len());
    &tail[..end]
}

/// The previous word before `at` whatever punctuation comes between, lower case.
pub fn any_word_before(text: &str, at: usize) -> SmolStr {
    lower(nearest_word_before(text, at))
}

/// `text` with its first letter in capitals ("a child" → "A child").
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The previous word before `at` whatever punctuation comes between, as
/// written.
pub fn nearest_word_before(text: &str, at: usize) -> &str {
    let head = &text[..at];
    let end = head
        .char_indices()
        .rev()
        .find(|&(_, c)| is_word_char(c))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let head = &head[..end];
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word_char(c))
        .last()
        .map(|(i, _)| i)
        .unwrap_or(end);
    &head[start..]
}

/// True when `at` starts a sentence, a line of notes or a list item: only
/// spaces, quotes and brackets lie between it and the start of the text or
/// a full stop, question or exclamation mark, colon, semicolon, bullet or
/// dash. A full stop after a title ("Dr. Rose") does not end a sentence.
pub fn starts_sentence(text: &str, at: usize) -> bool {
    let head = text[..at].trim_end_matches([' ', '"', '“', '‘', '\'', '(', '[']);
    let Some(last) = head.chars().next_back() else {
        return true;
    };
    match last {
        '!' | '?' | ':' | ';' | '•' | '*' | '–' | '—' | '\n' | '>' | '|' => true,
        '-' => head.ends_with(" -") || head.len() == 1,
        '.' => {
            let before = &head[..head.len() - 1];
            let word = &before[before.trim_end_matches(char::is_alphabetic).len()..];
            !(crate::anonymise::words::is_dotted_title(word)
                || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
                || ["no", "st", "approx", "c"]
                    .iter()
                    .any(|w| w.eq_ignore_ascii_case(word)))
        }
        _ => false,
    }
}

/// The sentence around a position: from the previous sentence end to the
/// next one, at most 300 bytes either side.
pub fn sentence_around(text: &str, start: usize, end: usize) -> &str {
    let mut from = start.saturating_sub(300);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (end + 300).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let head = &text[from..start];
    let s = head
        .rfind(['.', '!', '?', '\n', ';', ':'])
        .map(|i| from + i + 1)
        .unwrap_or(from);
    let tail = &text[end..to];
    let e = tail
        .find(['.', '!', '?', '\n', ';', ':'])
        .map(|i| end + i)
        .unwrap_or(to);
    &text[s..e]
}

/// Random text for the tests that compare a shortcut with the long way:
/// a number of pieces in `count`, each picked at random.
#[cfg(test)]
pub(crate) fn text_of_pieces(
    rng: &mut fastrand::Rng,
    pieces: &[&str],
    count: std::ops::Range<usize>,
) -> String {
    (0..rng.usize(count))
        .map(|_| pieces[rng.usize(..pieces.len())])
        .collect()
}

/// Every quotation mark, straight or curly, single or double.
pub const QUOTE_MARKS: [char; 6] = ['\'', '"', '‘', '’', '“', '”'];
/// The marks that may open a quotation.
pub const OPENING_QUOTES: [char; 4] = ['\'', '"', '‘', '“'];
/// The marks that may close a quotation.
pub const CLOSING_QUOTES: [char; 4] = ['\'', '"', '’', '”'];

/// The stretches of a text inside quotation marks ("…", “…”, ‘…’, '…'),
/// without the marks. A single quote opens only where a word may start
/// (after a space, a bracket or nothing) and closes only where a word
/// has ended, so apostrophes ("Nan's", "kids'") are passed over; a mark
/// that is never closed quotes nothing.
pub fn quotations(text: &str, out: &mut Vec<std::ops::Range<usize>>) {
    out.clear();
    let bytes = text.as_bytes();
    if memchr::memchr3(b'\'', b'"', 0xE2, bytes).is_none() {
        return;
    }
    // (where the quotation starts, true for double marks)
    let mut open: Option<(usize, bool)> = None;
    let mut at = 0;
    while let Some(found) = memchr::memchr3(b'\'', b'"', 0xE2, &bytes[at..]) {
        let i = at + found;
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let end = i + c.len_utf8();
        at = end;
        if !QUOTE_MARKS.contains(&c) {
            continue;
        }
        let previous = text[..i].chars().next_back().unwrap_or(' ');
        let next = text[end..].chars().next().unwrap_or(' ');
        match (c, open) {
            ('"' | '“', None) => open = Some((end, true)),
            ('"' | '”', Some((start, true))) => {
                out.push(start..i);
                open = None;
            }
            ('\'' | '‘' | '’', None) if !previous.is_alphanumeric() && next.is_alphanumeric() =>
            {
                open = Some((end, false));
            }
            ('\'' | '’', Some((start, false)))
                if !previous.is_whitespace() && !next.is_alphanumeric() =>
            {
                out.push(start..i);
                open = None;
            }
            _ => {}
        }
    }
}

/// A short stretch of text around a range, on one line, for messages.
pub fn context(text: &str, start: usize, end: usize) -> String {
    let mut from = start.saturating_sub(40);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (end + 40).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    out.push_str(&text[from..to]);
    if to < text.len() {
        out.push('…');
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotations_are_found_and_apostrophes_passed_over() {
        let text =
            "Nan's house: 'Dean shouts' and \"Rosie cried\"; the kids' rooms; ‘Mum’ said “no”.";
        let mut found = Vec::new();
        quotations(text, &mut found);
        let quoted: Vec<&str> = found.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(quoted, ["Dean shouts", "Rosie cried", "Mum", "no"]);
    }

    #[test]
    fn words_pushed_in_lower_case_are_the_words_lower_case() {
        for word in [
            "",
            "will",
            "Will",
            "WILL",
            "O'Neill",
            "Zoë",
            "ŁUKASZ",
            "İpek",
            "ΣΟΦΊΑ",
            "a1B2",
        ] {
            let mut out = String::from("x");
            push_lower(&mut out, word);
            assert_eq!(&out[1..], lower(word).as_str(), "{word}");
        }
    }

    fn original_of<'a>(original: &'a str, view: &View, needle: &str) -> &'a str {
        let at = view.text.find(needle).expect("in the view");
        let start = view.start_in_original(at);
        let end = view.end_in_original(at + needle.len());
        &original[start..end]
    }

    #[test]
    fn names_broken_across_lines_are_joined_and_found_in_the_original() {
        let original = "Seen by Rose\n   Kettle and Mr Kil-\nbride, then Maisie-\nJane.";
        let view = View::new(original);
        assert_eq!(
            view.text,
            "Seen by Rose Kettle and Mr Kilbride, then Maisie-Jane."
        );
        assert_eq!(
            original_of(original, &view, "Rose Kettle"),
            "Rose\n   Kettle"
        );
        assert_eq!(original_of(original, &view, "Kilbride"), "Kil-\nbride");
        assert_eq!(original_of(original, &view, "Maisie-Jane"), "Maisie-\nJane");
        assert_eq!(original_of(original, &view, "then"), "then");
    }

    #[test]
    fn invisible_characters_and_unicode_spaces_are_normalised() {
        let original = "Zoë\u{00A0}O’Neill–Hart and Kil\u{00AD}bride\u{200B}.";
        let view = View::new(original);
        assert_eq!(view.text, "Zoë O'Neill-Hart and Kilbride.");
        assert_eq!(
            original_of(original, &view, "Zoë O'Neill-Hart"),
            "Zoë\u{00A0}O’Neill–Hart"
        );
        assert_eq!(original_of(original, &view, "Kilbride"), "Kil\u{00AD}bride");
    }

    #[test]
    fn text_the_quick_test_passes_is_its_own_view() {
        const PIECES: &[&str] = &[
            "a", "Zoë", " ", "  ", "\n", "\r\n", "\t", "-", "–", "'", "’", "`", "\u{a0}", "\u{ad}",
            "\u{200b}", "\u{feff}", "é", "ł", "\u{1}", "\u{1c}", "Kil-", "bride", ".", "\u{2028}",
            "\u{3000}", "ʼ", "−", "日本",
        ];
        let mut rng = fastrand::Rng::with_seed(5);
        let mut plain = 0;
        for _ in 0..20_000 {
            let text = text_of_pieces(&mut rng, PIECES, 0..12);
            if !needs_normalising(&text) {
                plain += 1;
                assert_eq!(View::normalised(&text).text, text, "{text:?}");
            }
        }
        assert!(plain > 1_000, "{plain}");
    }

    #[test]
    fn a_long_word_of_lookalike_letters_is_judged_once() {
        // Found by fuzzing (tests/fuzz): whether a word is a disguise was
        // asked again for each of its letters, over the whole word each
        // time; a word of 5,000 Greek omicrons took 7 seconds.
        let word = "ο".repeat(40_000);
        // Read once per word, this takes a fraction of a second; once per
        // letter, minutes.
        assert_eq!(View::new(&word).text, "o".repeat(40_000));
        // Each word is judged on its own letters.
        assert_eq!(
            View::new("Жора Сhloe Жора Сhloe").text,
            "Жора Chloe Жора Chloe"
        );
    }

    #[test]
    fn plain_text_is_borrowed() {
        let view = View::new("Nothing to change here.");
        assert!(matches!(view.text, Cow::Borrowed(_)));
        assert_eq!(view.start_in_original(5), 5);
    }

    #[test]
    fn sentence_starts_and_cases() {
        let text = "Seen. Will visit. Dr. Rose said: Grace (Mark) ok";
        assert!(starts_sentence(text, 0));
        assert!(starts_sentence(text, text.find("Will").unwrap()));
        assert!(!starts_sentence(text, text.find("Rose").unwrap()));
        assert!(starts_sentence(text, text.find("Grace").unwrap()));
        assert!(!starts_sentence(text, text.find("Mark").unwrap()));
        assert_eq!(case_of("rose"), Case::Lower);
        assert_eq!(case_of("ROSE"), Case::Upper);
        assert_eq!(case_of("O'Neill"), Case::Capitalised);
        assert_eq!(word_after("Will visit", 4), Some("visit"));
        assert_eq!(word_after("Will, then", 4), None);
        assert_eq!(word_before("said Mr. Kettle", 9).map(|w| w.1), Some("Mr"));
    }
}
