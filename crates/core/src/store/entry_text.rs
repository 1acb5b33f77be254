//! The chronology's entries as the review file's pretty RON writes them,
//! written directly: most of a long review's file is its entries, and the
//! general serialiser escapes every character of every string one by one.
//! A test compares the text with the serialiser's for entries of every
//! shape and strings of every kind of character.

use std::fmt::Write as _;

use crate::model::ChronologyEntry;

/// Appends the entries as they stand in a review file's chronology list:
/// the lines between `chronology: [` and its `]`, indented as there.
pub(super) fn write_entries(entries: &[ChronologyEntry], out: &mut String) {
    for entry in entries {
        out.push_str("        (\n            id: ");
        push_string(out, entry.id.as_str());
        out.push_str(",\n            date: ");
        push_string(out, &entry.date.to_string());
        out.push_str(",\n            agency: ");
        match &entry.agency {
            Some(agency) => {
                out.push_str("Some(");
                push_string(out, agency.as_str());
                out.push(')');
            }
            None => out.push_str("None"),
        }
        out.push_str(",\n            author: ");
        push_string(out, &entry.author);
        out.push_str(",\n            text: ");
        push_string(out, &entry.text);
        out.push_str(",\n            people: [");
        if !entry.people.is_empty() {
            out.push('\n');
            for person in &entry.people {
                out.push_str("                ");
                push_string(out, person.as_str());
                out.push_str(",\n");
            }
            out.push_str("            ");
        }
        out.push_str("],\n            source: ");
        match &entry.source {
            Some(source) => {
                out.push_str("Some((\n                file: ");
                push_string(out, &source.file);
                let _ = write!(
                    out,
                    ",\n                row: {},\n            ))",
                    source.row
                );
            }
            None => out.push_str("None"),
        }
        out.push_str(",\n        ),\n");
    }
}

/// Appends `text` in double quotes, escaped as the serialiser escapes it
/// (`char::escape_debug`, character by character).
fn push_string(out: &mut String, text: &str) {
    out.push('"');
    push_escaped(out, text);
    out.push('"');
}

/// Appends `text` escaped: each run of characters `char::escape_debug`
/// leaves as they are in one piece, each other character escaped.
fn push_escaped(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let mut from = 0;
    while from < text.len() {
        let plain = bytes[from..]
            .iter()
            .position(|&b| !is_plain(b))
            .map_or(text.len(), |n| from + n);
        out.push_str(&text[from..plain]);
        let Some(c) = text[plain..].chars().next() else {
            break;
        };
        out.extend(c.escape_debug());
        from = plain + c.len_utf8();
    }
}

/// True when `b` is printable ASCII that `char::escape_debug` leaves as it
/// is: all but quotes and backslashes.
fn is_plain(b: u8) -> bool {
    (b' '..=b'~').contains(&b) && !matches!(b, b'"' | b'\'' | b'\\')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntrySource, Id, Review, ReviewDate};

    /// The serialiser's text of the entries.
    fn serialised(entries: &[ChronologyEntry]) -> String {
        let mut review = Review::new("Entries");
        review.chronology = entries.to_vec();
        let text = super::super::to_text_splitting_from(&review, usize::MAX);
        let start = text.find("    chronology: [\n").expect("a chronology list") + 18;
        let end = start + text[start..].find("\n    ],\n").expect("its end") + 1;
        text[start..end].to_string()
    }

    fn written(entries: &[ChronologyEntry]) -> String {
        let mut out = String::new();
        write_entries(entries, &mut out);
        out
    }

    const PIECES: &[&str] = &[
        "Mum", " ", "seen", "'", "\"", "\\", "\n", "\t", "\r", "é", "\u{301}", "\u{7f}", "\u{0}",
        "\u{200b}", "\u{feff}", "Łukasz", "陈", "😀", "\u{202e}", "}", ")", ",", "r#\"", "#",
        "Some(", "None", "[x]",
    ];

    fn text(rng: &mut fastrand::Rng) -> String {
        crate::anonymise::text::text_of_pieces(rng, PIECES, 0..12)
    }

    #[test]
    fn entries_are_written_as_the_serialiser_writes_them() {
        let mut rng = fastrand::Rng::with_seed(5);
        let dates = ["2021-04-03", "2021-04", "~2021-04", "2021-summer", "2021"];
        let entries: Vec<ChronologyEntry> = (0..3000)
            .map(|i| ChronologyEntry {
                id: Id::from(if i % 50 == 0 {
                    text(&mut rng)
                } else {
                    format!("C{i}")
                }),
                date: dates[i % dates.len()]
                    .parse::<ReviewDate>()
                    .expect("a date"),
                agency: match i % 3 {
                    0 => None,
                    1 => Some(Id::from(format!("A{i}"))),
                    _ => Some(Id::from(text(&mut rng))),
                },
                author: text(&mut rng),
                text: text(&mut rng),
                people: (0..rng.usize(0..4))
                    .map(|k| {
                        if k == 2 {
                            Id::from(text(&mut rng))
                        } else {
                            Id::from(format!("P{k}"))
                        }
                    })
                    .collect(),
                source: (i % 4 != 0).then(|| EntrySource {
                    file: text(&mut rng),
                    row: rng.u32(..),
                }),
            })
            .collect();
        for chunk in entries.chunks(100) {
            assert_eq!(written(chunk), serialised(chunk));
        }
    }

    #[test]
    fn an_empty_chronology_writes_nothing() {
        assert_eq!(written(&[]), "");
    }
}
