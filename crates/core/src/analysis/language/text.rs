//! Words of a passage as the lint reads them: lower case, contractions
//! expanded ("shouldn't" reads "should not"), with their place in the
//! original text, the clause and sentence they belong to, and whether they
//! stand inside quotation marks.

/// One word of a passage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    /// Lower case, accents folded, contractions expanded.
    pub norm: String,
    /// Byte offset of the word's start in the passage.
    pub start: usize,
    /// Byte offset just past the word's end.
    pub end: usize,
    /// Clause number: changes at commas, brackets, dashes and quotation
    /// marks as well as at sentence ends.
    pub clause: u32,
    /// Run number: changes where the clause does, except at quotation
    /// marks, so that a lexicon phrase reads through scare quotes ("lacked
    /// “thoroughness and urgency”").
    pub run: u32,
    /// Sentence number: changes at `.`, `!`, `?`, `;`, `:` and line breaks.
    pub sentence: u32,
    /// Inside a quotation (speech of a practitioner or family member).
    pub quoted: bool,
    /// Written with a possessive `'s`.
    pub possessive: bool,
}

/// The kind of a quotation mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    Toggle,
}

/// Byte ranges of closed quotations, and the byte offsets of the marks that
/// open and close them. A quotation left open at the end of a line is not
/// one (it is more likely an apostrophe).
fn quotations(text: &str) -> (Vec<(usize, usize)>, Vec<usize>) {
    let mut regions = Vec::new();
    let mut marks = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let chars: Vec<(usize, char)> = line.char_indices().collect();
        let mut double: Option<usize> = None;
        let mut single: Option<usize> = None;
        for (k, &(offset, c)) in chars.iter().enumerate() {
            let at = line_start + offset;
            let before = k.checked_sub(1).map(|p| chars[p].1);
            let after = chars.get(k + 1).map(|&(_, c)| c);
            let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            let (kind, is_double) = match c {
                '“' => (Mark::Open, true),
                '”' => (Mark::Close, true),
                '"' => (Mark::Toggle, true),
                '‘' => (Mark::Open, false),
                '\'' | '’' => {
                    if word(before) && word(after) {
                        continue; // an apostrophe inside a word
                    }
                    if !word(before) && after.is_some_and(|a| !a.is_whitespace()) {
                        (Mark::Open, false)
                    } else if single.is_some() {
                        (Mark::Close, false)
                    } else {
                        continue; // a plural possessive: "parents' views"
                    }
                }
                _ => continue,
            };
            let slot = if is_double { &mut double } else { &mut single };
            match (kind, *slot) {
                (Mark::Open, _) | (Mark::Toggle, None) => *slot = Some(at),
                (Mark::Close, Some(open)) | (Mark::Toggle, Some(open)) => {
                    regions.push((open, at + c.len_utf8()));
                    marks.push(open);
                    marks.push(at);
                    *slot = None;
                }
                (Mark::Close, None) => {}
            }
        }
        line_start += line.len();
    }
    marks.sort_unstable();
    (regions, marks)
}

/// A letter with its accent removed, for the few accented letters that
/// occur in English review text ("naïve", "café").
fn fold(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        '’' => '\'',
        c => c,
    }
}

/// Lower case and folded.
pub(crate) fn normalise(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(fold)
        .collect()
}

/// Pronouns whose `'s` means "is", not a possessive.
const IS_CONTRACTED: &[&str] = &["it", "that", "there", "he", "she", "what", "who", "this"];

/// Splits one written word into the words it stands for ("shouldn't've"
/// is "should not have").
fn expand(raw: &str, start: usize, out: &mut Vec<(String, usize, usize, bool)>) {
    let norm = normalise(raw);
    let end = start + raw.len();
    if norm == "cannot" {
        // Six letters, each one letter in the normalised form ("Çànnot").
        let cut = start + raw.char_indices().nth(3).map_or(raw.len(), |(i, _)| i);
        out.push(("can".into(), start, cut, false));
        out.push(("not".into(), cut, end, false));
        return;
    }
    // The base before a suffix, as a slice of the original: the suffix's
    // characters cut off its end. Each of them is one character of the
    // original, but a letter of the base may not be ("İ" lower-cases to
    // two), so the base is never measured by its normalised form.
    let base = |suffix: &str| -> Option<&str> {
        let stem = norm.strip_suffix(suffix)?;
        if stem.is_empty() {
            return None;
        }
        let (cut, _) = raw.char_indices().rev().nth(suffix.chars().count() - 1)?;
        (cut > 0).then(|| &raw[..cut])
    };
    for (suffix, full) in [
        ("'ve", "have"),
        ("'re", "are"),
        ("'ll", "will"),
        ("'m", "am"),
        ("'d", ""),
    ] {
        if let Some(stem) = base(suffix) {
            expand(stem, start, out);
            if !full.is_empty() {
                out.push((full.into(), start + stem.len(), end, false));
            }
            return;
        }
    }
    if let Some(stem) = base("n't") {
        let cut = start + stem.len();
        let stem = match normalise(stem).as_str() {
            "ca" => "can".to_string(),
            "wo" => "will".to_string(),
            "sha" => "shall".to_string(),
            other => other.to_string(),
        };
        out.push((stem, start, cut, false));
        out.push(("not".into(), cut, end, false));
        return;
    }
    if let Some(stem) = base("'s") {
        let cut = start + stem.len();
        let stem = normalise(stem);
        if IS_CONTRACTED.contains(&stem.as_str()) {
            out.push((stem, start, cut, false));
            out.push(("is".into(), cut, end, false));
        } else {
            out.push((stem, start, cut, true));
        }
        return;
    }
    out.push((norm, start, end, false));
}

/// The words of a passage.
pub(crate) fn words(text: &str) -> Vec<Word> {
    let (regions, marks) = quotations(text);
    let quoted = |at: usize| regions.iter().any(|&(s, e)| at > s && at < e);
    let mut out = Vec::new();
    let mut clause = 0u32;
    let mut run = 0u32;
    let mut sentence = 0u32;
    let mut pieces: Vec<(String, usize, usize, bool)> = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (at, c) = chars[k];
        let prev = k.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(k + 1).map(|&(_, c)| c);
        if c.is_alphanumeric() {
            // A word runs over letters and digits, apostrophes between
            // letters, and full stops between digits ("2.5").
            let mut j = k + 1;
            while j < chars.len() {
                let c = chars[j].1;
                let before = chars[j - 1].1;
                let after = chars.get(j + 1).map(|&(_, c)| c);
                let joins = match c {
                    c if c.is_alphanumeric() => true,
                    '\'' | '’' => {
                        before.is_alphanumeric()
                            && after.is_some_and(char::is_alphanumeric)
                            && marks.binary_search(&chars[j].0).is_err()
                    }
                    '.' | ',' => {
                        before.is_ascii_digit() && after.is_some_and(|a| a.is_ascii_digit())
                    }
                    _ => false,
                };
                if !joins {
                    break;
                }
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |&(i, _)| i);
            pieces.clear();
            expand(&text[at..end], at, &mut pieces);
            for (norm, start, end, possessive) in pieces.drain(..) {
                out.push(Word {
                    norm,
                    start,
                    end,
                    clause,
                    run,
                    sentence,
                    quoted: quoted(start),
                    possessive,
                });
            }
            k = j;
            continue;
        }
        match c {
            '.' | '!' | '?' | ';' | ':' | '\n' | '…' => {
                sentence += 1;
                clause += 1;
                run += 1;
            }
            ',' | '(' | ')' | '[' | ']' | '–' | '—' => {
                clause += 1;
                run += 1;
            }
            '-' if prev.is_some_and(char::is_whitespace)
                || next.is_some_and(char::is_whitespace) =>
            {
                clause += 1;
                run += 1;
            }
            _ if marks.binary_search(&at).is_ok() => clause += 1,
            _ => {}
        }
        k += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(text: &str) -> Vec<String> {
        words(text).into_iter().map(|w| w.norm).collect()
    }

    #[test]
    fn contractions_are_expanded_and_keep_their_place() {
        assert_eq!(
            norms("She shouldn't've; it's clear, can't and cannot"),
            [
                "she", "should", "not", "have", "it", "is", "clear", "can", "not", "and", "can",
                "not"
            ]
        );
        let text = "They didn’t ask";
        let w = words(text);
        assert_eq!(&text[w[1].start..w[1].end], "did");
        assert_eq!(&text[w[2].start..w[2].end], "n’t");
    }

    #[test]
    fn words_whose_lower_case_is_longer_split_where_they_stand() {
        // Found by fuzzing (tests/fuzz): "İ" lower-cases to two
        // characters, and the stem of "İİ'd" was cut at the lower-case
        // form's length: the whole word again, expanded until the stack
        // ran out. "çànnot" reads "cannot", and was cut three bytes in, in
        // the middle of its "à".
        let text = "İİ'd İİ'VE İs İŞ’s İn't çànnot";
        let w = words(text);
        for word in &w {
            assert!(text.get(word.start..word.end).is_some(), "{word:?}");
        }
        let shown: Vec<(&str, &str)> = w
            .iter()
            .map(|w| (w.norm.as_str(), &text[w.start..w.end]))
            .collect();
        assert_eq!(
            shown,
            [
                ("i\u{307}i\u{307}", "İİ"),
                ("i\u{307}i\u{307}", "İİ"),
                ("have", "'VE"),
                ("i\u{307}s", "İs"),
                ("i\u{307}\u{15f}", "İŞ"),
                ("i\u{307}", "İ"),
                ("not", "n't"),
                ("can", "çàn"),
                ("not", "not"),
            ]
        );
    }

    #[test]
    fn hyphens_split_words_but_not_clauses() {
        let w = words("hard-to-reach family - she said");
        assert_eq!(w[0].norm, "hard");
        assert_eq!(w[2].norm, "reach");
        assert_eq!(w[0].clause, w[3].clause);
        assert_ne!(w[3].clause, w[4].clause);
    }

    #[test]
    fn quotations_are_found_but_apostrophes_are_not_quotes() {
        let text = "Mother's partner said 'I failed to' and “we should have” — the parents' views";
        let w = words(text);
        let quoted: Vec<&str> = w
            .iter()
            .filter(|w| w.quoted)
            .map(|w| w.norm.as_str())
            .collect();
        assert_eq!(quoted, ["i", "failed", "to", "we", "should", "have"]);
        assert!(w[0].possessive);
        assert!(!w.iter().any(|w| w.norm == "parents" && w.quoted));
    }

    #[test]
    fn an_unclosed_quote_quotes_nothing() {
        assert!(
            words("the worker said \"she failed to")
                .iter()
                .all(|w| !w.quoted)
        );
    }

    #[test]
    fn sentences_and_clauses_are_numbered() {
        let w = words("One, two. Three; four 2.5 five");
        assert_eq!((w[0].clause, w[1].clause), (0, 1));
        assert_eq!((w[1].sentence, w[2].sentence), (0, 1));
        assert_eq!(w[3].sentence, 2);
        assert_eq!(w[4].norm, "2.5");
    }
}
