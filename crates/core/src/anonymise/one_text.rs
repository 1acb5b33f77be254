//! Anonymising one text: every form of a cast name, identifier, date,
//! sensitive detail and residual suspect found, decided and replaced, in
//! one pass over the text as a reader sees it.

use super::*;

impl Anonymiser {
    /// Like [`Anonymiser::text`], adding the occurrences to `part`;
    /// `review_names` are the names the review's first pass found (see
    /// [`ReviewNames`]), on its second.
    // The hot path of every pass: a text, where it is, and this thread's
    // buffers, passed apart rather than gathered for each call.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn text_into(
        &self,
        buffers: &mut Buffers,
        part: &mut Part,
        record: &Id,
        field: &str,
        text: &str,
        people: &[Id],
        review_names: Option<&ReviewNames>,
    ) -> String {
        if text.is_empty() {
            return String::new();
        }
        // Letters a right-to-left override shows in another order are read,
        // and written, in the order shown (same length: the positions of
        // what is found stay those of the text as given).
        let resolved = disguise::resolve_overrides(text);
        let text: &str = &resolved;
        let Buffers {
            find,
            hits,
            judged,
            named,
            pendings,
            spans,
            merged,
            kept,
            placed,
            identifiers,
            date_buffers,
            dates,
            suspects,
            lower,
            quotes,
            found,
            sensitive,
            name_words,
            authors,
        } = buffers;
        let view = View::new(text);
        let v: &str = &view.text;
        // Names.
        self.names.find_into(v, find, hits);
        let forms = &self.names.forms;
        let any_word_like = hits
            .iter()
            .any(|h| h.forms.iter().all(|&f| forms[f].word_like));
        let mut facts = if any_word_like {
            FieldFacts::of(v)
        } else {
            FieldFacts::default()
        };
        // A file name has no sentences: "kettle" in "csc-kettle.csv" is a name.
        facts.lower_case_typed |= field.ends_with("file");
        pendings.clear();
        spans.clear();
        kept.clear();
        judged.clear();
        for hit in hits.iter() {
            let word_like = hit.forms.iter().all(|&f| forms[f].word_like);
            let mut verdict = classify(
                v,
                hit.name_start,
                hit.end,
                hit.after_title,
                word_like,
                facts,
            );
            if verdict.0 == Class::Name
                && !hit.after_title
                && hit
                    .forms
                    .iter()
                    .all(|&f| forms[f].always_ambiguous.is_some())
                && let Some(reason) = forms[hit.forms[0]].always_ambiguous
            {
                verdict = (Class::Ambiguous, reason);
            }
            if hit.forms.iter().all(|&f| forms[f].kinship)
                && !hit.after_title
                && !super::gazetteer::kinship_word_as_given_name(&v[hit.start..hit.end])
            {
                verdict = (
                    Class::Word,
                    "a generic kinship word: kept unless the reviewer replaces it",
                );
            } else if verdict.0 == Class::Ambiguous && self.is_allowed(&v[hit.start..hit.end]) {
                verdict = (Class::Word, "kept by the reviewer wherever it is doubtful");
            } else if verdict.0 == Class::Ambiguous && fields::is_bibliographic(field) {
                verdict = (
                    Class::Word,
                    "a doubtful form (an initial) in a reference to published work: kept",
                );
            }
            judged.push(verdict);
        }
        // A doubtful word is a name when the same person is surely named in
        // the same field, or the record lists them.
        named.clear();
        if judged.iter().any(|(class, _)| *class == Class::Ambiguous) {
            named.extend(
                people
                    .iter()
                    .filter_map(|id| self.person_ids.iter().position(|p| p == id))
                    .map(Owner::Person),
            );
            for (hit, (class, _)) in hits.iter().zip(judged.iter()) {
                let surely = hit.after_title
                    || v[hit.name_start..hit.end].contains(' ')
                    || hit.forms.iter().any(|&f| !forms[f].word_like);
                if *class == Class::Name && surely {
                    named.extend(forms[hit.form].owners.iter().copied());
                }
            }
        }
        for (hit, &(class, reason)) in hits.iter().zip(judged.iter()) {
            let (class, reason) = if class == Class::Ambiguous
                && !hit.forms.iter().any(|&f| forms[f].abbreviation)
                && forms[hit.form].owners.iter().any(|o| named.contains(o))
            {
                (Class::Name, "the same person is named in this record")
            } else {
                (class, reason)
            };
            let (words, overridden) = self.decide(record, field, v, hit.start, hit.end);
            let replaced = match overridden {
                Some(OverrideAction::Keep) => false,
                Some(OverrideAction::Replace) => true,
                None => class != Class::Word,
            };
            // An agency's initials that lead a reference number
            // ("GHA/T/20817", "GHA-2025-0042") are the number's: it goes
            // whole, or "Housing provider/T/20817" would keep it. So are a
            // person's initials there ("BK-24-0142"): a reference, not the
            // person, or their pseudonym would stand for a number.
            let initials_shape = {
                let found = &v[hit.start..hit.end];
                (2..=4).contains(&found.len()) && found.bytes().all(|b| b.is_ascii_uppercase())
            };
            let reference_end = (replaced
                && (initials_shape
                    || forms[hit.form]
                        .owners
                        .iter()
                        .all(|o| matches!(o, Owner::Agency(_) | Owner::Place(_)))))
            .then(|| reference_led_from(v, hit.start, hit.end))
            .flatten();
            let pending = Pending {
                start: hit.start,
                end: reference_end.unwrap_or(hit.end),
                verdict: Verdict {
                    what: match reference_end {
                        Some(_) => What::Identifier(IdentifierKind::Reference),
                        None => What::Form(u32::try_from(hit.form).unwrap_or(u32::MAX)),
                    },
                    class,
                    reason,
                    replaced,
                    flagged: class == Class::Ambiguous && overridden.is_none(),
                    overridden,
                },
                date: String::new(),
                words,
            };
            pendings.push(pending);
            if replaced {
                // Numbers glued after a name ("Ceri/08-19/08") would read as
                // a reference number after its pseudonym ("Child Z-19/08").
                spans.push(Span {
                    start: hit.start,
                    end: reference_end.unwrap_or_else(|| dates::glued_numbers_after(v, hit.end)),
                    priority: 3,
                    pending: pendings.len() - 1,
                });
                // "@zo" is an account named after the person: the whole
                // handle goes, or "@Child Z" would read as one.
                if let Some(handle) = handle_around(v, hit.start, hit.end) {
                    pendings.push(Pending {
                        start: handle.start,
                        end: handle.end,
                        verdict: Verdict {
                            what: What::Identifier(IdentifierKind::SocialMedia),
                            class: Class::Name,
                            reason: "personal data",
                            replaced: true,
                            flagged: false,
                            overridden: None,
                        },
                        date: String::new(),
                        words: None,
                    });
                    spans.push(Span {
                        start: handle.start,
                        end: handle.end,
                        priority: 3,
                        pending: pendings.len() - 1,
                    });
                }
            } else {
                kept.push(pendings.len() - 1);
            }
        }

        // Personal data without a cast entry.
        find_identifiers_into(v, &self.allow, identifiers);
        for id in identifiers.iter() {
            let (start, end) = (id.range.start, id.range.end);
            let (words, overridden) = self.decide(record, field, v, start, end);
            let replaced = overridden != Some(OverrideAction::Keep);
            let pending = Pending {
                start,
                end,
                verdict: Verdict {
                    what: What::Identifier(id.kind),
                    class: if id.doubt.is_some() {
                        Class::Ambiguous
                    } else {
                        Class::Name
                    },
                    reason: id.doubt.unwrap_or("personal data"),
                    replaced,
                    flagged: id.doubt.is_some() && overridden.is_none(),
                    overridden,
                },
                date: String::new(),
                words,
            };
            pendings.push(pending);
            if replaced {
                spans.push(Span {
                    start,
                    end,
                    priority: 2,
                    pending: pendings.len() - 1,
                });
            } else {
                kept.push(pendings.len() - 1);
            }
        }

        // Dates.
        date_changes_into(v, &self.dates, date_buffers, dates);
        for change in dates.drain(..) {
            let reason = match change.kind {
                DateChangeKind::Coarsened => "an exact date, coarsened by the review's date policy",
                DateChangeKind::BirthDate => "a date of birth is always removed",
                DateChangeKind::DeathDate => "a date of death is always removed",
            };
            replace_always(
                pendings,
                spans,
                change.range,
                What::Date(change.kind),
                reason,
                change.replacement,
                1,
            );
        }

        // Sensitive details.
        // The agencies' records are the chronology entries' text.
        self.sensitive
            .changes_into(v, fields::is_agency_record(field), sensitive);
        for change in sensitive.drain(..) {
            replace_always(
                pendings,
                spans,
                change.range,
                What::Sensitive(change.category),
                "a sensitive detail, withheld by the review's sensitive data policy",
                change.replacement,
                0,
            );
        }

        // What still looks like a name, a place or a number: replaced by a
        // neutral placeholder unless the reviewer kept it.
        {
            // Tokens come in text order: the stretches found, sorted, are
            // passed once.
            found.clear();
            found.extend(pendings.iter().map(|p| (p.start, p.end)));
            found.sort_unstable();
            let mut next = 0;
            let mut reach = 0;
            let covered = |start: usize, end: usize| {
                while next < found.len() && found[next].0 < end {
                    reach = reach.max(found[next].1);
                    next += 1;
                }
                // A stretch that starts before the token's end reaches into it.
                reach > start
            };
            // A reference to published work names its authors, places of
            // publication and publishers: the cast's names are replaced in
            // it, but nothing else is suspect.
            if fields::is_bibliographic(field) {
                suspects.clear();
            } else {
                suspects_into(v, &self.known, covered, lower, suspects);
                // A name found by where it stands takes the place of the
                // smaller suspects inside it, but never of a cast name.
                let overlaps = |(s, e): (usize, usize), (a, b): (usize, usize)| s < b && a < e;
                let name_ends: Vec<usize> = if v.contains(" (") {
                    suspects
                        .iter()
                        .filter(|s| s.2 == SuspectKind::Name)
                        .map(|s| s.1)
                        .chain(found.iter().map(|f| f.1))
                        .collect()
                } else {
                    Vec::new()
                };
                let mut claim_as = |span: (usize, usize), kind: SuspectKind| {
                    let free = !found.iter().any(|&r| overlaps(span, r));
                    if free {
                        suspects.retain(|&(a, b, _)| !overlaps(span, (a, b)));
                        suspects.push((span.0, span.1, kind));
                    }
                    free
                };
                let mut claim = |span: (usize, usize)| claim_as(span, SuspectKind::Name);
                // What someone is called, in quotation marks ("(20,
                // 'K-Dog')", "as 'lil T'").
                for span in residual::quoted_nicknames(v, quotes) {
                    claim(span);
                }
                // "children Precious, Testimony, Marvellous": a word
                // listed beside a cast member's name names someone too.
                if v.contains([',', '&', '(']) || v.contains(" and ") {
                    let mut people: Vec<(usize, usize)> = pendings
                        .iter()
                        .filter(|p| {
                            p.verdict.replaced
                                && matches!(p.verdict.what, What::Form(f)
                                if forms.get(f as usize).is_some_and(forms::Form::names_people_only))
                        })
                        .map(|p| (p.start, p.end))
                        .collect();
                    people.sort_unstable();
                    if !people.is_empty() {
                        let listed =
                            listed::names_listed_beside(v, &people, &self.known, |s, e| {
                                found.iter().any(|&r| overlaps((s, e), r))
                            });
                        for span in listed {
                            claim(span);
                        }
                    }
                }
                // A signature's ordinary words that name its author
                // ("Mercy Little (CAMHS Practitioner)"); around a cast
                // name it holds ("Vũ Thu Trang" with "Trang" in the cast),
                // its other words.
                if field == "author" {
                    // A chronology's few authors sign most of its records:
                    // each signature is read once.
                    if !authors.contains_key(v) {
                        authors.insert(v.to_string(), author::author_names(v));
                    }
                    for &span in &authors[v] {
                        if !claim(span) {
                            for word in author::words_of(v, span) {
                                claim(word);
                            }
                        }
                    }
                    // "Y. Kahan (H23)", "EMT Claire Rhodes (4N21)": a call
                    // sign or a staff number.
                    for span in author::call_signs(v) {
                        claim_as(span, SuspectKind::Number);
                    }
                }
                // "Responders: Yossi Kahan (H23)": a call sign in brackets
                // after a name, found or suspected.
                for &end in &name_ends {
                    if let Some(span) = author::call_sign_after(v, end) {
                        claim_as(span, SuspectKind::Number);
                    }
                }
                suspects.sort_unstable_by_key(|&(start, _, _)| start);
                // A name another record names surely ("Bob Lister"), here
                // where a word alone could not tell ("Lister to visit").
                if let Some(names) = review_names {
                    let mut named = Vec::new();
                    names.find_into(v, &mut named);
                    named.retain(|&(start, end, _)| {
                        !(found.iter().any(|&r| overlaps((start, end), r))
                            || suspects
                                .iter()
                                .any(|&(a, b, _)| overlaps((start, end), (a, b)))
                            || self.is_allowed(&v[start..end]))
                    });
                    suspects.extend(named);
                    suspects.sort_unstable_by_key(|&(start, _, _)| start);
                }
            }
        }
        for &(start, end, kind) in suspects.iter() {
            let (words, overridden) = self.decide(record, field, v, start, end);
            let replaced = overridden != Some(OverrideAction::Keep);
            pendings.push(Pending {
                start,
                end,
                verdict: Verdict {
                    what: What::Suspect(kind),
                    class: Class::Ambiguous,
                    reason: if kind == SuspectKind::Name && residual::nickname_at(v, start, end) {
                        residual::NICKNAME_REASON
                    } else if kind == SuspectKind::Place && residual::venue_at(v, end) {
                        residual::VENUE_REASON
                    } else {
                        "not in the cast, but looks like a name, a place or a number"
                    },
                    replaced,
                    flagged: false,
                    overridden,
                },
                date: String::new(),
                words,
            });
            if replaced {
                spans.push(Span {
                    start,
                    end,
                    priority: 0,
                    pending: pendings.len() - 1,
                });
            } else {
                kept.push(pendings.len() - 1);
            }
        }

        // A cast name's word beside a name that is not the same person's
        // names someone else ("Jory Pascoe", the cousin).
        others::replace_names_of_others(
            v,
            forms,
            &self.names.owner_words,
            pendings,
            spans,
            name_words,
        );

        // A stretch that starts or ends inside a word takes the whole word:
        // "Łukasz" glued to an address ("WalkŁukasz") would stand alone
        // after "[address]".
        spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
        let mut word = 0..0;
        for span in spans.iter_mut() {
            for at in [span.start, span.end] {
                if !(word.start < at && at < word.end) {
                    word = word_across(v, at);
                }
                if word.start < at && at < word.end {
                    span.start = span.start.min(word.start);
                    span.end = span.end.max(word.end);
                }
            }
        }
        // Overlapping stretches become one: nothing of any of them is left.
        spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
        merged.clear();
        for span in spans.drain(..) {
            match merged.last_mut() {
                Some(last) if span.start < last.end => {
                    let last_len = last.end - last.start;
                    let len = span.end - span.start;
                    let new_end = last.end.max(span.end);
                    if (len, span.priority) > (last_len, last.priority) {
                        let start = last.start;
                        *last = span;
                        last.start = start;
                    }
                    last.end = new_end;
                    pendings[last.pending].verdict.flagged = false;
                }
                _ => merged.push(span),
            }
        }

        // The new text, and the occurrences in original positions: those
        // replaced, then those kept that no other overlaps, in text order.
        let mut out = String::with_capacity(text.len());
        placed.clear();
        quotes.clear();
        if !merged.is_empty() {
            quotations(v, quotes);
        }
        let mut copied = 0;
        let mut spans_left = merged.drain(..).peekable();
        while let Some(span) = spans_left.next() {
            let start = view.start_in_original(span.start);
            let mut end = view.end_in_original(span.end);
            if matches!(
                pendings[span.pending].verdict.what,
                What::Form(_) | What::Suspect(SuspectKind::Name)
            ) && pendings[span.pending].verdict.replaced
            {
                // Never into the next stretch replaced.
                let next = spans_left
                    .peek()
                    .map_or(text.len(), |s| view.start_in_original(s.start));
                end = syllable_after_hyphen_end(text, end).min(next.max(end));
            }
            out.push_str(&text[copied..start]);
            let replacement = self.replacement(&pendings[span.pending]);
            // "Mother 2 May 2022" would read as a day: a coarsened date
            // right after a number is set off by a comma. What stands
            // between them is read as a space (see `dates::ascii_shadow`)
            // when it is a space or any character beyond ASCII that is not
            // a letter or digit: it makes way for the comma.
            let is_date = !pendings[span.pending].date.is_empty();
            if is_date && replacement.starts_with(|c: char| c.is_alphabetic()) {
                let trimmed = out
                    .trim_end_matches(|c: char| {
                        c.is_whitespace() || (!c.is_ascii() && !c.is_alphanumeric())
                    })
                    .len();
                if trimmed < out.len() && ends_with_a_number(&out[..trimmed]) {
                    // After an ordinal a pause still leaves a day ("(1st,"
                    // as in "booked (1st)"): "1st during February".
                    let ordinal = !out[..trimmed].ends_with(|c: char| c.is_ascii_digit());
                    out.truncate(trimmed);
                    out.push_str(if ordinal { " during " } else { ", " });
                }
            }
            // Words changed inside a quotation are marked as the editor's.
            let quoted = !replacement.starts_with('[')
                && quotes
                    .iter()
                    .any(|q| q.start <= span.start && span.end <= q.end);
            if quoted {
                out.push('[');
                out.push_str(replacement);
                out.push(']');
            } else {
                // A letter or digit on both sides of where the words meet
                // what follows would join them into one ("August 2019" and
                // "184" into "2019184"): a space keeps them apart.
                let joins = |a: Option<char>, b: Option<char>| {
                    a.is_some_and(char::is_alphanumeric) && b.is_some_and(char::is_alphanumeric)
                };
                if joins(out.chars().next_back(), replacement.chars().next()) {
                    out.push(' ');
                }
                out.push_str(replacement);
                if joins(replacement.chars().next_back(), text[end..].chars().next()) {
                    out.push(' ');
                }
            }
            copied = end;
            placed.push((start..end, span.pending));
        }
        out.push_str(&text[copied..]);
        for pending in kept.drain(..) {
            let (start, end) = (pendings[pending].start, pendings[pending].end);
            let (start, end) = (view.start_in_original(start), view.end_in_original(end));
            if placed.iter().any(|(r, _)| r.start < end && start < r.end) {
                continue;
            }
            placed.push((start..end, pending));
        }
        placed.sort_by_key(|(r, _)| r.start);
        if placed.is_empty() {
            return out;
        }
        let index = part.text(record, field);
        for (range, p) in placed.drain(..) {
            let p = &pendings[p];
            let (before, after) = match &p.words {
                Some((before, after)) => (before.as_str(), after.as_str()),
                None => (
                    nearest_word_before(v, p.start),
                    nearest_word_after(v, p.end),
                ),
            };
            let words = Words {
                before,
                after,
                date: &p.date,
            };
            part.push(index, text, range, words, p.verdict);
        }
        out
    }
}

/// The word a boundary at `at` falls inside (a letter or digit on both
/// sides of it), or an empty range at `at` when it falls between words.
/// Each span is widened by the words its ends fall inside, and the last
/// word is kept, so that many spans inside one long word cost its length
/// once.
pub(super) fn word_across(text: &str, at: usize) -> std::ops::Range<usize> {
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    if !(alnum(text[..at].chars().next_back()) && alnum(text[at..].chars().next())) {
        return at..at;
    }
    let start = text[..at]
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[at..]
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(text.len(), |(i, _)| at + i);
    start..end
}

/// The social media handle a name found at `start..end` is part of:
/// from an `@` glued before it (not an e-mail address's) to the end of the
/// letters, digits, `_` and `.` after it.
pub(super) fn handle_around(
    text: &str,
    start: usize,
    end: usize,
) -> Option<std::ops::Range<usize>> {
    let at = start.checked_sub(1)?;
    if text.as_bytes()[at] != b'@' {
        return None;
    }
    let before = text[..at].chars().next_back();
    if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-')) {
        return None;
    }
    let tail = text[end..]
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_' || *b == b'.')
        .count();
    // A full stop after the handle ends the sentence.
    let tail = text[end..end + tail].trim_end_matches('.').len();
    Some(at..end + tail)
}

/// True when `text` ends with a number or a numeral ordinal ("2", "1st",
/// "22ND"): a month written right after it would read as a day ("1st
/// February" from "1st 12/02").
fn ends_with_a_number(text: &str) -> bool {
    let bytes = text.as_bytes();
    let suffix = bytes.len() >= 3
        && matches!(
            bytes[bytes.len() - 2..].to_ascii_lowercase().as_slice(),
            b"st" | b"nd" | b"rd" | b"th"
        )
        && bytes[bytes.len() - 3].is_ascii_digit();
    suffix || text.ends_with(|c: char| c.is_ascii_digit())
}

/// Where a name replaced up to `end` ends when a small syllable joined by
/// a hyphen follows it: the rest of a Cantonese or Korean given name
/// ("Tai-man", "Wing-sze", "Siu-ming", "Ji-woo"), not a suffix ("-led",
/// "-based", "-like", "-in-law").
fn syllable_after_hyphen_end(text: &str, end: usize) -> usize {
    let Some(rest) = text[end..].strip_prefix('-') else {
        return end;
    };
    let length = rest.bytes().take_while(u8::is_ascii_lowercase).count();
    let after = rest.as_bytes().get(length);
    let suffix = matches!(
        &rest[..length],
        "led"
            | "based"
            | "like"
            | "style"
            | "type"
            | "free"
            | "only"
            | "born"
            | "wide"
            | "ish"
            | "in"
            | "ji"
            | "san"
            | "kun"
            | "chan"
            | "sama"
    );
    if (1..=5).contains(&length)
        && !suffix
        && !after.is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'-')
    {
        end + 1 + length
    } else {
        end
    }
}

/// Where a reference number that a name at `start..end` leads ends: the
/// name joined by `/` or `-` to more letters and digits, with three digits
/// or more among them ("GHA/T/20817", "GHA-2025-0042"), at word
/// boundaries; `None` when the name stands alone.
fn reference_led_from(text: &str, start: usize, end: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    if start > 0
        && text[..start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    if !matches!(bytes.get(end), Some(b'/' | b'-')) {
        return None;
    }
    let run = bytes[end..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-'))
        .count();
    let run_end = end
        + bytes[end..end + run]
            .iter()
            .rposition(u8::is_ascii_alphanumeric)
            .map_or(0, |last| last + 1);
    let digits = bytes[end..run_end]
        .iter()
        .filter(|b| b.is_ascii_digit())
        .count();
    (digits >= 3
        && !text[run_end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric))
    .then_some(run_end)
}
