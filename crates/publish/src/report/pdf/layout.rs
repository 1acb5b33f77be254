//! Breaking styled text into lines: words are what lies between
//! whitespace, whatever their spans; lines are filled greedily (ragged
//! right, no hyphenation), and a word longer than a line is broken between
//! characters.

use super::fonts::{Face, Measurer};

/// Slack for rounding when comparing widths.
const EPSILON: f32 = 0.01;

/// A run of text in one face, placed on a line.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Run {
    /// The face.
    pub face: Face,
    /// The text, spaces included.
    pub text: String,
    /// Distance from the line's start, in points.
    pub x: f32,
    /// Width in points.
    pub width: f32,
}

/// One line of set text.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct TextLine {
    /// The runs, left to right.
    pub runs: Vec<Run>,
    /// The line's width in points.
    pub width: f32,
}

impl TextLine {
    /// The line's text.
    #[cfg(test)]
    pub(crate) fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }

    fn push(&mut self, face: Face, text: &str, width: f32) {
        match self.runs.last_mut() {
            Some(last) if last.face == face => {
                last.text.push_str(text);
                last.width += width;
            }
            _ => self.runs.push(Run {
                face,
                text: text.to_string(),
                x: self.width,
                width,
            }),
        }
        self.width += width;
    }

    fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }

    /// Drops spaces at the end.
    fn trim_end(&mut self, m: &Measurer, size: f32) {
        while let Some(last) = self.runs.last_mut() {
            if last.text.ends_with(' ') {
                last.text.pop();
                let w = m.advance(last.face, ' ') * size;
                last.width -= w;
                self.width -= w;
                if last.text.is_empty() {
                    self.runs.pop();
                }
            } else {
                break;
            }
        }
    }
}

/// A word: pieces in one face each, and the face of the space before it.
#[derive(Debug, Default)]
struct Word {
    parts: Vec<(Face, String, f32)>,
    width: f32,
    space: Face,
}

/// Whether a character separates words (a no-break space does not).
fn is_break_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}' | '\u{2060}')
}

/// Adds a finished word. A spaced dash ("school – picture") joins the
/// word before it, so that no line starts with a dash.
fn finish_word(out: &mut Vec<Word>, word: Word, size: f32, m: &Measurer) {
    let lone_dash = matches!(word.parts.as_slice(), [(_, s, _)] if s == "–" || s == "—");
    match out.last_mut() {
        Some(last) if lone_dash => {
            let space = m.advance(word.space, ' ') * size;
            last.parts.push((word.space, " ".into(), space));
            last.width += space + word.width;
            last.parts.extend(word.parts);
        }
        _ => out.push(word),
    }
}

/// The words of the spans, measured at `size`.
fn words(spans: &[(Face, &str)], size: f32, m: &Measurer) -> Vec<Word> {
    let mut out = Vec::new();
    let mut word = Word::default();
    let mut space = Face::Regular;
    for (face, text) in spans {
        for c in text.chars() {
            if is_break_space(c) || c.is_control() {
                if !word.parts.is_empty() {
                    finish_word(&mut out, std::mem::take(&mut word), size, m);
                }
                space = *face;
                continue;
            }
            // Invisible characters that would only draw as boxes.
            if matches!(c, '\u{ad}' | '\u{200b}' | '\u{feff}') {
                continue;
            }
            if word.parts.is_empty() {
                word.space = space;
            }
            let w = m.advance(*face, c) * size;
            match word.parts.last_mut() {
                Some((f, s, pw)) if f == face => {
                    s.push(c);
                    *pw += w;
                }
                _ => word.parts.push((*face, c.to_string(), w)),
            }
            word.width += w;
        }
    }
    if !word.parts.is_empty() {
        finish_word(&mut out, word, size, m);
    }
    out
}

/// Sets the spans in lines no wider than `width` points at `size`.
pub(crate) fn break_lines(
    spans: &[(Face, &str)],
    size: f32,
    width: f32,
    m: &Measurer,
) -> Vec<TextLine> {
    let mut lines = Vec::new();
    let mut line = TextLine::default();
    for word in words(spans, size, m) {
        let space = m.advance(word.space, ' ') * size;
        if !line.is_empty() && line.width + space + word.width <= width + EPSILON {
            line.push(word.space, " ", space);
            for (face, text, w) in &word.parts {
                line.push(*face, text, *w);
            }
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if word.width <= width + EPSILON {
            for (face, text, w) in &word.parts {
                line.push(*face, text, *w);
            }
            continue;
        }
        // Longer than a line: break between characters (a space inside a
        // word, before a joined dash, is dropped where it breaks).
        let mut buf = [0u8; 4];
        for (face, text, _) in &word.parts {
            for c in text.chars() {
                let w = m.advance(*face, c) * size;
                if !line.is_empty() && line.width + w > width + EPSILON {
                    line.trim_end(m, size);
                    lines.push(std::mem::take(&mut line));
                }
                if c == ' ' && line.is_empty() {
                    continue;
                }
                line.push(*face, c.encode_utf8(&mut buf), w);
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Shortens `text` with an ellipsis until it fits `width` points.
pub(crate) fn elide(text: &str, face: Face, size: f32, width: f32, m: &Measurer) -> String {
    if m.width(face, text, size) <= width {
        return text.to_string();
    }
    let ellipsis = m.width(face, "…", size);
    let mut out = String::new();
    let mut used = 0.0;
    for c in text.chars() {
        let w = m.advance(face, c) * size;
        if used + w + ellipsis > width {
            break;
        }
        out.push(c);
        used += w;
    }
    format!("{}…", out.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::pdf::fonts::FontSet;

    fn measurer() -> Measurer {
        Measurer::new(FontSet::get().unwrap())
    }

    fn lines_of(spans: &[(Face, &str)], width: f32) -> Vec<TextLine> {
        break_lines(spans, 10.5, width, &measurer())
    }

    #[test]
    fn lines_never_exceed_the_width() {
        let m = measurer();
        let text = "The health visitor’s records — kept “on paper” until 2019 – were \
                    not shared with the school nurse, and the café’s staff ‖ noticed \
                    nothing. Supercalifragilisticexpialidocious-and-then-some-more-words \
                    x y z "
            .repeat(4);
        for width in [40.0, 80.0, 150.0, 300.0, 453.5] {
            let lines = lines_of(
                &[
                    (Face::Regular, text.as_str()),
                    (Face::Bold, " bold words here "),
                    (Face::Italic, "and italic ones"),
                ],
                width,
            );
            assert!(lines.len() > 1);
            for line in &lines {
                assert!(line.width <= width + 0.01, "{} > {width}", line.width);
                // Runs are placed end to end and measured as drawn.
                let mut x = 0.0;
                for run in &line.runs {
                    assert!((run.x - x).abs() < 0.01);
                    assert!((m.width(run.face, &run.text, 10.5) - run.width).abs() < 0.01);
                    x += run.width;
                }
                assert!(!line.text().starts_with(' ') && !line.text().ends_with(' '));
            }
        }
    }

    #[test]
    fn words_flow_across_spans_and_whitespace_collapses() {
        let lines = lines_of(
            &[
                (Face::Regular, "  A  "),
                (Face::Bold, "bold"),
                (Face::Regular, ", word\tand\nmore "),
            ],
            1000.0,
        );
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].text(), "A bold, word and more");
        let faces: Vec<Face> = lines[0].runs.iter().map(|r| r.face).collect();
        assert_eq!(faces, vec![Face::Regular, Face::Bold, Face::Regular]);
        assert_eq!(lines[0].runs[1].text, "bold");
        assert!(lines_of(&[(Face::Regular, "  \n ")], 100.0).is_empty());
    }

    #[test]
    fn long_words_are_broken_and_nothing_is_lost() {
        let word = "x".repeat(200);
        let text = format!("short {word} end");
        let lines = lines_of(&[(Face::Regular, &text)], 100.0);
        assert_eq!(lines[0].text(), "short");
        let joined: String = lines[1..]
            .iter()
            .map(TextLine::text)
            .collect::<Vec<_>>()
            .join("");
        assert_eq!(joined.replace(' ', ""), format!("{word}end"));
        assert!(lines.iter().all(|l| l.width <= 100.01));
        // A spaced dash never starts a line.
        let text = "school – picture over records school – picture over records ".repeat(8);
        for width in [60.0, 90.0, 130.0, 200.0] {
            let lines = lines_of(&[(Face::Regular, &text)], width);
            assert!(
                lines.iter().all(|l| !l.text().starts_with('–')),
                "{lines:?}"
            );
        }
        // A no-break space holds two words together.
        let lines = lines_of(&[(Face::Regular, "aaaa aaaa 12\u{a0}May")], 60.0);
        assert!(lines.iter().any(|l| l.text() == "12\u{a0}May"), "{lines:?}");
    }

    #[test]
    fn greedy_filling_uses_the_room_there_is() {
        let m = measurer();
        let text = "one two three four five six seven eight nine ten eleven twelve";
        let lines = lines_of(&[(Face::Regular, text)], 120.0);
        for pair in lines.windows(2) {
            let next_word = pair[1].text().split(' ').next().unwrap().to_string();
            let with_next = pair[0].width + m.width(Face::Regular, &format!(" {next_word}"), 10.5);
            assert!(
                with_next > 120.0,
                "{:?} could take {next_word}",
                pair[0].text()
            );
        }
    }

    #[test]
    fn elision_fits() {
        let m = measurer();
        let long = "A very long report title that will not fit in the running header at all";
        let short = elide(long, Face::Regular, 8.5, 120.0, &m);
        assert!(short.ends_with('…'));
        assert!(m.width(Face::Regular, &short, 8.5) <= 120.0);
        assert_eq!(elide("Short", Face::Regular, 8.5, 120.0, &m), "Short");
    }
}
