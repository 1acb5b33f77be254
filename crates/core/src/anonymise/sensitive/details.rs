//! Each kind of sensitive detail found at a number: money, times, doses,
//! ages (in figures and in words), clinical scores and fractions.

use super::*;

impl SensitiveRules {
    /// "£1,240", "$300", "£1.2k", "300 pounds".
    pub(super) fn money(&self, text: &str, start: usize, end: usize) -> Option<SensitiveChange> {
        if !self.withholds(SensitiveCategory::Finances) {
            return None;
        }
        let bytes = text.as_bytes();
        let head = &text[..start];
        let head = head.strip_suffix(' ').unwrap_or(head);
        let symbol = ["£", "$", "€"].iter().find(|s| head.ends_with(*s))?;
        let from = head.len() - symbol.len();
        let mut to = end;
        while to + 1 < bytes.len()
            && matches!(bytes[to], b',' | b'.')
            && bytes[to + 1].is_ascii_digit()
        {
            to += 1;
            while to < bytes.len() && bytes[to].is_ascii_digit() {
                to += 1;
            }
        }
        if to < bytes.len()
            && matches!(bytes[to], b'k' | b'K' | b'm')
            && !bytes.get(to + 1).is_some_and(u8::is_ascii_alphanumeric)
        {
            to += 1;
        }
        Some(drop_or_mark(
            text,
            from,
            to,
            "[amount]",
            SensitiveCategory::Finances,
        ))
    }

    /// "14:30", "2.30pm", "2pm", "0300hrs", with "at " before it.
    pub(super) fn time(&self, text: &str, start: usize, end: usize) -> Option<SensitiveChange> {
        if !self.withholds(SensitiveCategory::Times) {
            return None;
        }
        let bytes = text.as_bytes();
        let digits = &text[start..end];
        let (hour, to) = if end + 2 < bytes.len()
            && matches!(bytes[end], b':' | b'.')
            && bytes[end + 1].is_ascii_digit()
            && bytes[end + 2].is_ascii_digit()
            && !bytes.get(end + 3).is_some_and(u8::is_ascii_digit)
            && digits.len() <= 2
        {
            let hour: u32 = digits.parse().ok()?;
            let minutes: u32 = text[end + 1..end + 3].parse().ok()?;
            let to = end + 3;
            match suffix(text, to, &["am", "pm", "a.m.", "p.m.", "hrs", "hours", "h"]) {
                Some((s, to)) => (twelve_hour(hour, s)?, to),
                // "1.50" is a number; "14:30" a time.
                None if bytes[end] == b':' && hour < 24 && minutes < 60 => (hour, to),
                None => return None,
            }
        } else if digits.len() <= 2 {
            let hour: u32 = digits.parse().ok()?;
            let (s, to) = suffix(text, end, &["am", "pm", "a.m.", "p.m."])?;
            (twelve_hour(hour, s)?, to)
        } else if digits.len() == 4 {
            let (_, to) = suffix(text, end, &["hrs", "hours", "h"])?;
            let hour: u32 = digits[..2].parse().ok()?;
            let minutes: u32 = digits[2..].parse().ok()?;
            (hour < 24 && minutes < 60).then_some((hour, to))?
        } else {
            return None;
        };
        let part = match hour {
            5..=11 => "in the morning",
            12..=17 => "in the afternoon",
            18..=21 => "in the evening",
            _ => "at night",
        };
        let mut from = start;
        for at in ["at ", "At ", "@ ", "@"] {
            if text[..start].ends_with(at) {
                from = start - at.len();
                break;
            }
        }
        Some(change(from..to, part, SensitiveCategory::Times))
    }

    /// "100mg", "60 ml daily": a dose without a medicine's name.
    pub(super) fn dose(&self, text: &str, start: usize, end: usize) -> Option<SensitiveChange> {
        if !self.withholds(SensitiveCategory::Medication) {
            return None;
        }
        let to = dose_end(text, start)?;
        (to > end).then(|| change(start..to, "[dose]", SensitiveCategory::Medication))
    }

    /// "aged 23", "age 4 months", "23-year-old", "23yo", "23 years old".
    pub(super) fn age(&self, text: &str, start: usize, end: usize) -> Option<SensitiveChange> {
        if !self.withholds(SensitiveCategory::Ages) {
            return None;
        }
        if end - start > 3 {
            return None;
        }
        let head = &text.as_bytes()[..start];
        // "aged 23", "age 4 months", "age: 4".
        for lead in ["aged ", "age ", "aged: ", "age: ", "aged:", "age:"] {
            let n = lead.len();
            if head.len() >= n
                && head[head.len() - n..].eq_ignore_ascii_case(lead.as_bytes())
                && !head[..head.len() - n]
                    .last()
                    .is_some_and(|b| b.is_ascii_alphanumeric() || *b >= 0x80)
            {
                let from = start - lead.len();
                let mut to = end;
                if let Some((_, t)) = unit(text, to) {
                    to = t;
                    if let Some(t) = old(text, to) {
                        to = t;
                    }
                }
                if lead.starts_with("aged") {
                    return Some(dropped(text, from, to, SensitiveCategory::Ages));
                }
                return Some(change(from..to, "[age]", SensitiveCategory::Ages));
            }
        }
        // "23yo", "23 y/o", "23-year-old", "23 years old".
        let rest = &text.as_bytes()[end..];
        let short = ["yo", "y/o", "y.o.", " yo", " y/o", " y.o."]
            .iter()
            .find(|s| word_at(rest, s))
            .map(|s| end + s.len());
        // "3y1m", "3y": years and months as clinicians write them.
        let clinical = || {
            let mut i = 0;
            if rest.first()? != &b'y' {
                return None;
            }
            i += 1;
            let digits = rest[i..].iter().take_while(|b| b.is_ascii_digit()).count();
            if digits > 0 && rest.get(i + digits) == Some(&b'm') {
                i += digits + 1;
            }
            (!rest
                .get(i)
                .is_some_and(|b| b.is_ascii_alphanumeric() || *b >= 0x80))
            .then_some(end + i)
        };
        // "(13 months)", "(2 years 4 months)", "Sibling (7)": an age in
        // brackets after a person.
        let bracketed = || {
            if head.last() != Some(&b'(') {
                return None;
            }
            let before = text[..start - 1].trim_end();
            let after_person = before
                .split_whitespace()
                .next_back()
                .and_then(|w| w.chars().next())
                .is_some_and(char::is_uppercase);
            if text[end..].starts_with(')') {
                let years: u32 = text[start..end].parse().ok()?;
                return (after_person && years < 20).then_some(end);
            }
            // "(7m)", "(3w)", "(2y)": months, weeks or years, as written in
            // a hurry after a person.
            if after_person
                && let Some(unit) = text[end..].chars().next()
                && matches!(unit, 'm' | 'w' | 'y' | 'M' | 'W' | 'Y')
                && text[end + 1..].starts_with(')')
            {
                return Some(end + 1);
            }
            let (unit_word, mut t) = unit(text, end)?;
            if !(unit_word.starts_with("month") || unit_word.starts_with("year")) {
                return None;
            }
            // A second part: "2 years 4 months".
            let rest = &text[t..];
            let digits = rest
                .strip_prefix(' ')
                .map(|r| r.len() - r.trim_start_matches(|c: char| c.is_ascii_digit()).len())
                .unwrap_or(0);
            if digits > 0
                && let Some((_, t2)) = unit(text, t + 1 + digits)
            {
                t = t2;
            }
            text[t..].starts_with(')').then_some(t)
        };
        let to = short.or_else(clinical).or_else(bracketed).or_else(|| {
            let (_, t) = unit(text, end)?;
            old(text, t)
        })?;
        if names_a_scheme(text, to) {
            return None;
        }
        Some(dropped(text, start, to, SensitiveCategory::Ages))
    }

    /// Clinicians' fractions: an age in months or weeks after a person
    /// ("Child A 7/12", "baby (3/52)") and a pregnancy's gestation
    /// ("booked at 10+3/40", "36/40").
    pub(super) fn clinical_fraction(
        &self,
        text: &str,
        start: usize,
        end: usize,
    ) -> Option<SensitiveChange> {
        let bytes = text.as_bytes();
        if end - start > 2 {
            return None;
        }
        // "36+2/40": days after the weeks.
        let mut at = end;
        if bytes.get(at) == Some(&b'+') && bytes.get(at + 1).is_some_and(u8::is_ascii_digit) {
            at += 2;
        }
        let rest = &bytes[at..];
        let denominator = [b"/12", b"/52", b"/40"]
            .into_iter()
            .find(|d| rest.starts_with(*d))?;
        let to = at + 3;
        if bytes
            .get(to)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'/')
        {
            return None;
        }
        if denominator == b"/40" {
            if !self.withholds(SensitiveCategory::Health) {
                return None;
            }
            return Some(change(
                start..to,
                "[weeks of pregnancy]",
                SensitiveCategory::Health,
            ));
        }
        if !self.withholds(SensitiveCategory::Ages) || at != end {
            return None;
        }
        // After a person ("Child A 7/12", "Sibling (3/52)") or "aged", not
        // after "on" or "from", where it is a date.
        let head = text[..start].trim_end_matches([' ', '(']);
        let previous = head.split_whitespace().next_back().unwrap_or("");
        let lower = previous.to_ascii_lowercase();
        let before_previous = head[..head.len() - previous.len()].trim_end();
        let starts_sentence =
            before_previous.is_empty() || before_previous.ends_with(['.', '!', '?', ':', ';']);
        const PEOPLE: &[&str] = &[
            "baby", "child", "infant", "toddler", "mother", "father", "mum", "dad", "sibling",
            "brother", "sister", "son", "daughter", "boy", "girl", "twin",
        ];
        let after_person = (previous.chars().next().is_some_and(char::is_uppercase)
            && !starts_sentence)
            || PEOPLE.contains(&lower.as_str())
            || ["aged", "age", "age:"].contains(&lower.as_str());
        if !after_person {
            return None;
        }
        if lower.starts_with("age") {
            // "aged 7/12": the word goes with the age.
            let from = head.len() - previous.len();
            return Some(dropped(text, from, to, SensitiveCategory::Ages));
        }
        if text[..start].ends_with(' ') && !text[..start].ends_with("( ") {
            return Some(change(start - 1..to, "", SensitiveCategory::Ages));
        }
        Some(dropped(text, start, to, SensitiveCategory::Ages))
    }

    /// Ages written in words: "aged three", "then aged three", "a
    /// two-year-old", "eighteen months old", added to `out` where no other
    /// change is.
    pub(super) fn ages_in_words(&self, text: &str, out: &mut Vec<SensitiveChange>) {
        if !self.withholds(SensitiveCategory::Ages) {
            return;
        }
        let bytes = text.as_bytes();
        let mut found = Vec::new();
        for at in memchr::memmem::find_iter(bytes, b"age") {
            // "aged three", "age three", "age: three".
            if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] >= 0x80) {
                continue;
            }
            let lead_end = at
                + if bytes.get(at + 3) == Some(&b'd') {
                    4
                } else {
                    3
                };
            let rest = &text[lead_end..];
            let rest_trimmed = rest.trim_start_matches([' ', ':']);
            if rest_trimmed.len() == rest.len() {
                continue;
            }
            let number_at = lead_end + (rest.len() - rest_trimmed.len());
            let Some(number_end) = number_word_end(text, number_at) else {
                continue;
            };
            let mut to = number_end;
            if let Some((_, t)) = unit(text, to) {
                to = t;
                if let Some(t) = old(text, t) {
                    to = t;
                }
            }
            let aged = bytes[at..].starts_with(b"aged");
            // "Child B, then aged three, was": "then" goes with it.
            if aged && let Some(head) = text[..at].strip_suffix("then ") {
                let range = if head.ends_with(", ") && text[to..].starts_with(',') {
                    head.len() - 2..to + 1
                } else if head.ends_with(' ') {
                    head.len() - 1..to
                } else {
                    head.len()..to
                };
                found.push(change(range, "", SensitiveCategory::Ages));
                continue;
            }
            found.push(if aged {
                dropped(text, at, to, SensitiveCategory::Ages)
            } else {
                change(at..to, "[age]", SensitiveCategory::Ages)
            });
        }
        // "two-year-old", "eighteen months old".
        for at in memchr::memmem::find_iter(bytes, b"old") {
            if bytes
                .get(at + 3)
                .is_some_and(|b| b.is_ascii_alphanumeric() || *b >= 0x80)
            {
                continue;
            }
            let head = &text[..at];
            let Some(head) = head.strip_suffix('-').or_else(|| head.strip_suffix(' ')) else {
                continue;
            };
            let unit_start = head.rfind([' ', '-']).map_or(0, |i| i + 1);
            let unit_word = &head[unit_start..];
            if !matches!(
                unit_word.to_ascii_lowercase().as_str(),
                "year" | "years" | "month" | "months" | "week" | "weeks" | "day" | "days"
            ) || unit_start == 0
            {
                continue;
            }
            let before_unit = &head[..unit_start - 1];
            let number_start = before_unit
                .rfind(|c: char| !c.is_alphabetic())
                .map_or(0, |i| i + 1);
            if number_word_end(text, number_start) != Some(before_unit.len()) {
                continue;
            }
            if names_a_scheme(text, at + 3) {
                continue;
            }
            found.push(dropped(text, number_start, at + 3, SensitiveCategory::Ages));
        }
        for c in found {
            if !out
                .iter()
                .any(|o| o.range.start < c.range.end && c.range.start < o.range.end)
            {
                out.push(c);
            }
        }
    }
}
