//! Names in disguise: a name written so that it reads as the name but is
//! not the same characters. A Cyrillic or Greek letter that looks Latin
//! ("Сhloe" with a Cyrillic С), full-width or mathematical letters
//! ("Ｃｈｌｏｅ", "𝐂𝐡𝐥𝐨𝐞"), accents added as combining marks, letters spaced
//! or dotted apart ("C h l o e", "C.h.l.o.e"), and letters reversed inside a
//! right-to-left override ("\u{202E}eolhC\u{202C}", shown as "Chloe").
//!
//! The matchers see the text through a [`super::text::View`], which writes
//! each disguised letter as the Latin letter it shows and drops combining
//! marks, direction controls and the separators of spaced-out letters, so
//! that such a name is found, and replaced in the original text, like any
//! other. The leak check reads exported text through the same view.
//! Overrides are resolved first, into the order a reader sees.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Characters that set the direction of text: embeddings, overrides,
/// isolates, and the marks (left-to-right, right-to-left, Arabic letter
/// mark). None is visible; the matchers never see them.
pub fn is_direction_control(c: char) -> bool {
    matches!(
        c,
        '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// True for a mark that combines with the letter before it (an accent
/// written separately, U+0300 and the like).
pub fn is_mark(c: char) -> bool {
    is_combining_mark(c)
}

/// The ASCII letter or digit a compatibility character stands for:
/// full-width "Ｃ" → 'C', mathematical "𝐂" → 'C', circled "Ⓒ" → 'C'.
pub fn compatibility_letter(c: char) -> Option<char> {
    if c.is_ascii() || !c.is_alphanumeric() {
        return None;
    }
    let mut folded = std::iter::once(c).nfkc();
    let first = folded.next()?;
    (folded.next().is_none() && first.is_ascii_alphanumeric() && first != c).then_some(first)
}

/// The Latin letter a letter of another script looks like ("С" of
/// Cyrillic → 'C', "ο" of Greek → 'o'), by the Unicode confusables table.
pub fn lookalike(c: char) -> Option<char> {
    if c.is_ascii() || !c.is_alphabetic() || is_latin(c) {
        return None;
    }
    let mut skeleton = unicode_security::skeleton(c.encode_utf8(&mut [0; 4]))
        .collect::<String>()
        .into_bytes()
        .into_iter();
    let first = skeleton.next()?;
    if skeleton.next().is_some() || !first.is_ascii_alphabetic() {
        return None;
    }
    // The confusables table writes capital I, small L and the digit one
    // all as "l": a capital reads as "I".
    Some(if first == b'l' && c.is_uppercase() {
        'I'
    } else {
        first as char
    })
}

/// True for a Latin letter: ASCII, or one whose base letter (without its
/// accents) is ASCII ("é", "ł" is not but is Latin all the same: the
/// Latin blocks are counted whole).
fn is_latin(c: char) -> bool {
    let code = c as u32;
    // Latin-1 Supplement letters, Latin Extended-A and -B, IPA, Latin
    // Extended Additional.
    (0x00C0..=0x024F).contains(&code)
        || (0x1E00..=0x1EFF).contains(&code)
        || std::iter::once(c)
            .nfd()
            .next()
            .is_some_and(|base| base.is_ascii_alphabetic())
}

/// The letter a view writes for `c` in a word whose letters are all
/// Latin, lookalikes or compatibility letters: `Some` when it differs.
/// A word with any other letter (a word of Greek or Russian) is left as
/// it is.
pub fn view_letter(c: char, word_is_disguise: bool) -> Option<char> {
    if c.is_ascii() {
        return None;
    }
    compatibility_letter(c).or_else(|| lookalike(c).filter(|_| word_is_disguise))
}

/// True when every letter of the word around byte `at` of `text` is
/// Latin, a lookalike of a Latin letter, or a compatibility letter (marks
/// and direction controls inside it are passed over).
pub fn word_is_disguise(text: &str, at: usize) -> bool {
    let before = text[..at].chars().rev().take_while(|&c| in_word(c));
    let after = text[at..].chars().take_while(|&c| in_word(c));
    before.chain(after).all(|c| {
        !c.is_alphabetic()
            || c.is_ascii()
            || is_latin(c)
            || lookalike(c).is_some()
            || compatibility_letter(c).is_some()
    })
}

/// True for a character of a word as [`word_is_disguise`] reads it.
fn in_word(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c) || is_direction_control(c)
}

/// The end (a byte offset) of the word around byte `at` of `text`, as
/// [`word_is_disguise`] reads it: it says the same of every byte of the
/// word, so a caller going through a text asks once per word.
pub fn word_end(text: &str, at: usize) -> usize {
    text[at..]
        .char_indices()
        .find(|&(_, c)| !in_word(c))
        .map_or(text.len(), |(i, _)| at + i)
}

/// Separators letters may be spaced apart with.
fn is_spacer(c: char) -> bool {
    matches!(c, ' ' | '.' | '-' | '_' | '·' | '*' | '\u{00A0}')
}

/// The byte positions of the separators inside runs of three or more
/// single letters spaced apart by one and the same separator ("C h l o
/// e", "C.h.l.o.e"), which a view drops so that the letters read as the
/// word they spell. Initials ("J. R. Smith", "K.S.J.") are not such a
/// run.
pub fn spaced_letter_separators(text: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let is_letter = |k: usize| chars.get(k).is_some_and(|(_, c)| c.is_alphabetic());
    let mut k = 0;
    while k < chars.len() {
        // A single letter at the start of a word, followed by a spacer.
        let starts_word = k == 0 || !chars[k - 1].1.is_alphanumeric();
        if !(starts_word && is_letter(k)) {
            k += 1;
            continue;
        }
        let letter_end = |mut j: usize| {
            j += 1;
            while chars.get(j).is_some_and(|(_, c)| is_mark(*c)) {
                j += 1;
            }
            j
        };
        let first_end = letter_end(k);
        let Some(&(_, spacer)) = chars.get(first_end) else {
            break;
        };
        if !is_spacer(spacer) {
            k = first_end;
            continue;
        }
        // Follow letter, spacer, letter… with the same spacer each time.
        let mut separators = Vec::new();
        let mut at = first_end;
        let mut letters = 1;
        while chars.get(at).is_some_and(|(_, c)| *c == spacer) && is_letter(at + 1) {
            let end = letter_end(at + 1);
            // The next letter must stand alone: followed by the spacer or
            // by the end of the word.
            if chars.get(end).is_some_and(|(_, c)| c.is_alphanumeric()) {
                break;
            }
            separators.push(chars[at].0);
            letters += 1;
            at = end;
        }
        // Three capitals with dots are initials ("K.S.J."), which the
        // matcher knows as initials; longer runs, or spaced, are a word.
        let initials = spacer == '.'
            && letters <= 3
            && chars[k..at]
                .iter()
                .all(|(_, c)| !c.is_alphabetic() || c.is_uppercase());
        if letters >= 3 && !initials {
            out.extend(separators);
        }
        k = at.max(k + 1);
    }
    out
}

/// True when the bytes of a text (ASCII) may hold spaced-out letters: a
/// letter standing alone between two separators of the same kind, after
/// another lone letter ("C h l", "C.h.l"). A cheap test before
/// [`spaced_letter_separators`].
pub fn may_hold_spaced_letters(bytes: &[u8]) -> bool {
    // Five bytes "C h l": a letter, a separator, a letter, the same
    // separator, a letter; the first letter standing alone. Two equal bytes
    // two apart are rare in prose, so that is asked first.
    bytes.windows(5).enumerate().any(|(i, w)| {
        w[1] == w[3]
            && matches!(w[1], b' ' | b'.' | b'-')
            && w[0].is_ascii_alphabetic()
            && w[2].is_ascii_alphabetic()
            && w[4].is_ascii_alphabetic()
            && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
    })
}

/// True when `text` holds an embedding, override or isolate control
/// (U+202A to U+202E, U+2066 to U+2069), read in its UTF-8 bytes: each
/// is three bytes starting E2, and only the places of that byte are looked
/// at, not every character decoded.
fn has_direction_control(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(0xE2, bytes).any(|i| {
        matches!(
            (bytes.get(i + 1), bytes.get(i + 2)),
            (Some(0x80), Some(0xAA..=0xAE)) | (Some(0x81), Some(0xA6..=0xA9))
        )
    })
}

/// The text as a reader sees it: each right-to-left override's letters in
/// the order shown, and every embedding, override and isolate control
/// written as a zero-width space (the same length, so that positions
/// outside overrides stay where they were). Borrowed when there is none.
pub fn resolve_overrides(text: &str) -> Cow<'_, str> {
    if !has_direction_control(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut reversed: Vec<char> = Vec::new();
    let mut overriding = false;
    let flush = |out: &mut String, reversed: &mut Vec<char>| {
        out.extend(reversed.drain(..).rev());
    };
    for c in text.chars() {
        match c {
            '\u{202E}' => {
                flush(&mut out, &mut reversed);
                overriding = true;
                out.push('\u{200B}');
            }
            '\u{202C}' | '\u{2069}' if overriding => {
                flush(&mut out, &mut reversed);
                overriding = false;
                out.push('\u{200B}');
            }
            '\n' | '\r' | '\u{2029}' if overriding => {
                // An override ends with its paragraph.
                flush(&mut out, &mut reversed);
                overriding = false;
                out.push(c);
            }
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {
                if overriding {
                    reversed.push('\u{200B}');
                } else {
                    out.push('\u{200B}');
                }
            }
            c if overriding => reversed.push(c),
            c => out.push(c),
        }
    }
    flush(&mut out, &mut reversed);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_of_other_scripts_that_look_latin_are_read_as_latin() {
        assert_eq!(lookalike('С'), Some('C')); // Cyrillic Es
        assert_eq!(lookalike('о'), Some('o')); // Cyrillic o
        assert_eq!(lookalike('ο'), Some('o')); // Greek omicron
        assert_eq!(lookalike('І'), Some('I')); // Ukrainian capital I
        assert_eq!(lookalike('і'), Some('i'));
        assert_eq!(lookalike('C'), None);
        assert_eq!(lookalike('é'), None);
        assert_eq!(lookalike('ł'), None);
        assert_eq!(lookalike('ж'), None);
        assert!(word_is_disguise("Сhloe", 0));
        assert!(!word_is_disguise("Жора", 0));
    }

    #[test]
    fn compatibility_letters_are_read_as_ascii() {
        assert_eq!(compatibility_letter('Ｃ'), Some('C'));
        assert_eq!(compatibility_letter('𝐂'), Some('C'));
        assert_eq!(compatibility_letter('ⓒ'), Some('c'));
        assert_eq!(compatibility_letter('１'), Some('1'));
        assert_eq!(compatibility_letter('é'), None);
        assert_eq!(compatibility_letter('C'), None);
    }

    #[test]
    fn spaced_out_letters_are_found_and_initials_are_not() {
        let text = "C h l o e and C.h.l.o.e and J. R. Smith, U.K and a b";
        let seps = spaced_letter_separators(text);
        let dropped: String = text
            .char_indices()
            .filter(|(i, _)| !seps.contains(i))
            .map(|(_, c)| c)
            .collect();
        assert_eq!(dropped, "Chloe and Chloe and J. R. Smith, U.K and a b");
        assert!(may_hold_spaced_letters(b"seen: C h l o e"));
        assert!(!may_hold_spaced_letters(b"seen by J. R. Smith"));
        assert_eq!(spaced_letter_separators("Z o\u{0308} e y"), vec![1, 5, 7]);
        // Initials are matched as initials: "K.S.J." stays as it is.
        assert!(spaced_letter_separators("by K.S.J. and A.B.C").is_empty());
        assert_eq!(spaced_letter_separators("C.H.L.O.E").len(), 4);
    }

    #[test]
    fn overrides_are_read_in_the_order_shown() {
        let text = "Seen: \u{202E}eolhC\u{202C} at home.";
        let resolved = resolve_overrides(text);
        assert_eq!(resolved.len(), text.len());
        assert_eq!(resolved, "Seen: \u{200B}Chloe\u{200B} at home.");
        assert!(matches!(resolve_overrides("plain"), Cow::Borrowed(_)));
        // An override left open ends with its line.
        assert_eq!(resolve_overrides("\u{202E}ba\nc"), "\u{200B}ab\nc");
    }

    #[test]
    fn direction_controls_are_told_by_their_bytes() {
        // As by their characters; their neighbours are not taken for them.
        for code in 0x2000..0x2100 {
            let c = char::from_u32(code).expect("a character");
            let text = format!("ab{c}c");
            assert_eq!(
                has_direction_control(&text),
                matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'),
                "{code:X}"
            );
        }
    }
}
