//! The quick way to read a well-formed review file of the current format.
//!
//! [`parse`] reads the version with a few byte comparisons instead of a
//! parse of the whole file, and reads a long chronology in two halves on
//! two threads. It gives up (returns `None`) on anything it does not
//! recognise: another version or a version that is not the first field,
//! comments, raw strings, characters, extensions, and any file serde-ron
//! refuses. The caller then reads the file the ordinary way, which makes the
//! review or the error message (file, line and column) exactly as before.
//! So a file is either read exactly as the ordinary way reads it, or read
//! the ordinary way.

use crate::model::{ChronologyEntry, FORMAT_VERSION, Review};

/// Chronologies whose text is shorter than this are read in one piece:
/// a thread is not worth starting for them.
const SPLIT_FROM_BYTES: usize = 1 << 20;

/// The review in `text`, when it is plainly a file of format 1 or of the
/// current format that parses. A format-1 file is read as it stands and
/// given the current version: format 2 only added parts that are empty in
/// a format-1 file.
pub(super) fn parse(text: &str) -> Option<Review> {
    if !(1..=FORMAT_VERSION).any(|v| starts_with_version(text, v)) {
        return None;
    }
    let split = if text.len() >= SPLIT_FROM_BYTES {
        chronology_split(text)
    } else {
        None
    };
    let mut review = match split {
        None => ron::from_str::<Review>(text).ok(),
        Some(split) => parse_in_halves(text, &split),
    }?;
    review.format_version = FORMAT_VERSION;
    Some(review)
}

/// True when the text opens as a review file of any version this build
/// reads: `(`, then `format_version: N` as the first field.
pub(super) fn declares_a_version(text: &str) -> bool {
    (1..=FORMAT_VERSION).any(|v| starts_with_version(text, v))
}

/// True when the file opens with `(`, then `format_version: N` as the first
/// field (spaces and line breaks allowed around each part).
fn starts_with_version(text: &str, version: u32) -> bool {
    let mut rest = text.trim_start();
    let version = version.to_string();
    for part in ["(", "format_version", ":", version.as_str()] {
        match rest.strip_prefix(part) {
            Some(after) => rest = after.trim_start(),
            None => return false,
        }
    }
    rest.starts_with([',', ')'])
}

/// Where the chronology list is and where to cut it in two: byte offsets of
/// its `[`, of the first byte of the second half's first entry, and of its
/// `]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Split {
    open: usize,
    middle: usize,
    close: usize,
}

/// Finds the top-level `chronology: [ … ]` list and an entry boundary near
/// its middle, by a scan that knows strings and brackets. `None` when the
/// file holds something the scan does not know (a comment, a character or
/// raw string), when there is no such list, or when it is too short to cut.
fn chronology_split(text: &str) -> Option<Split> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    let mut open = None;
    // Boundaries between entries, one every few kilobytes at most.
    let mut boundaries: Vec<usize> = Vec::new();
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                // A plain string: skip to its closing quote.
                if i > 0 && matches!(bytes[i - 1], b'r' | b'b' | b'#') {
                    return None;
                }
                i += 1;
                loop {
                    let at = memchr::memchr2(b'"', b'\\', &bytes[i..])? + i;
                    if bytes[at] == b'\\' {
                        i = (at + 2).min(bytes.len());
                    } else {
                        i = at;
                        break;
                    }
                }
            }
            b'\'' | b'/' | b'#' => return None,
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth == 2 && open.is_none() && bytes[i] == b'[' && is_chronology_key(text, i) {
                    open = Some(i);
                }
            }
            b')' | b']' | b'}' => {
                if depth == 2
                    && let Some(open) = open
                    && bytes[i] == b']'
                {
                    let half = open + (i - open) / 2;
                    let middle = *boundaries.iter().min_by_key(|&&b| b.abs_diff(half))?;
                    return Some(Split {
                        open,
                        middle,
                        close: i,
                    });
                }
                depth = depth.checked_sub(1)?;
            }
            b',' if depth == 2
                && open.is_some()
                && boundaries.last().is_none_or(|&b| i - b >= 4096) =>
            {
                boundaries.push(i + 1);
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// True when the `[` at `at` follows `chronology:` as a field of the review.
fn is_chronology_key(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end();
    let Some(before) = before.strip_suffix(':') else {
        return false;
    };
    let before = before.trim_end();
    before.ends_with("chronology")
        && !before[..before.len() - "chronology".len()]
            .ends_with(|c: char| c.is_alphanumeric() || c == '_')
}

/// Reads the review without its chronology and the two halves of the
/// chronology at once, on two threads.
fn parse_in_halves(text: &str, split: &Split) -> Option<Review> {
    let Split {
        open,
        middle,
        close,
    } = *split;
    let half = |part: &str| {
        let mut list = String::with_capacity(part.len() + 2);
        list.push('[');
        list.push_str(part);
        list.push(']');
        ron::from_str::<Vec<ChronologyEntry>>(&list).ok()
    };
    let (first, second, rest) = std::thread::scope(|scope| {
        let second = scope.spawn(|| half(&text[middle..close]));
        let first = half(&text[open + 1..middle]);
        let mut rest = String::with_capacity(text.len() - (close - open) + 1);
        rest.push_str(&text[..=open]);
        rest.push_str(&text[close..]);
        let rest = ron::from_str::<Review>(&rest).ok();
        (first, second.join().ok().flatten(), rest)
    });
    let (mut first, second, mut review) = (first?, second?, rest?);
    if !review.chronology.is_empty() {
        return None;
    }
    first.reserve_exact(second.len());
    first.extend(second);
    review.chronology = first;
    Some(review)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::to_text;

    #[test]
    fn the_version_is_read_from_the_first_field_only() {
        assert!(starts_with_version("(\n    format_version: 1,\n", 1));
        assert!(starts_with_version(" ( format_version :2 )", 2));
        assert!(!starts_with_version("(format_version: 12)", 1));
        assert!(!starts_with_version("(format_version: 2)", 1));
        assert!(!starts_with_version("(meta: (), format_version: 1)", 1));
        assert!(!starts_with_version("// c\n(format_version: 1)", 1));
        assert!(!starts_with_version(
            "#![enable(implicit_some)]\n(format_version: 1)",
            1
        ));
    }

    #[test]
    fn the_chronology_is_cut_between_two_entries_near_its_middle() {
        let mut review = crate::generate::synthetic_review(crate::generate::Size::STRESS, 3);
        review.chronology.truncate(40);
        review.chronology[7].text = "a \"quoted\" ] ) , [ ( text \\ with brackets".into();
        let text = to_text(&review);
        let split = chronology_split(&text).expect("a chronology to cut");
        assert!(text[..split.open].trim_end().ends_with("chronology:"));
        assert_eq!(&text[split.open..=split.open], "[");
        assert_eq!(&text[split.close..=split.close], "]");
        assert!(text[split.close + 1..].trim_start().starts_with(','));
        assert!(
            text[..split.middle].ends_with("),"),
            "{}",
            &text[..split.middle]
        );
        let first: Vec<ChronologyEntry> =
            ron::from_str(&format!("[{}]", &text[split.open + 1..split.middle])).unwrap();
        assert!((15..=25).contains(&first.len()), "{}", first.len());
        assert_eq!(parse_in_halves(&text, &split), Some(review));
    }

    #[test]
    fn files_it_does_not_know_are_left_to_the_ordinary_reader() {
        let review = crate::examples::munro_appendix2();
        let text = to_text(&review);
        assert_eq!(parse(&text), Some(review.clone()));
        let commented = text.replacen("people:", "// a comment\n    people:", 1);
        assert_eq!(chronology_split(&commented), None);
        assert_eq!(parse(&text[..text.len() / 2]), None);
        let current = format!("format_version: {FORMAT_VERSION}");
        assert_eq!(
            parse(&text.replacen(
                &current,
                &format!("format_version: {}", FORMAT_VERSION + 1),
                1
            )),
            None
        );
        let mut old =
            parse(&text.replacen(&current, "format_version: 1", 1)).expect("a format-1 file");
        assert_eq!(old.format_version, FORMAT_VERSION);
        old.format_version = review.format_version;
        assert_eq!(old, review);
    }
}
