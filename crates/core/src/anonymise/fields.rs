//! Every free-text field of a review, with the record it belongs to and a
//! field name (`text`, `questions[2]`, `stages[0].notes`), so that
//! anonymisation, the residual scan and the preview walk the same fields.
//!
//! Names, aliases, pseudonyms, generic names, dates and sensitive
//! attributes are not here: [`super::Anonymiser::review`] treats them as
//! the structured data they are. A test in `mod.rs` fails when the model
//! gains a string field that neither this walk nor that treatment covers.

use crate::model::{ChronologyEntry, EntrySource, Id, Review};

/// The record id used for the review's own details.
pub const META: &str = "review";

/// The free-text fields of one chronology entry.
macro_rules! entry {
    ($e:expr, $f:expr, $($r:tt)+) => {{
        let e = $e;
        let f = $f;
        f(&e.id, "author", &e.people, $($r)+ e.author);
        f(&e.id, "text", &e.people, $($r)+ e.text);
        if let Some(source) = $($r)+ e.source {
            f(&e.id, "source.file", &e.people, $($r)+ source.file);
        }
    }};
}

/// The free-text fields of the review's account of itself.
macro_rules! account {
    ($a:expr, $f:expr, $meta:expr, $none:expr, $iter:ident, $($r:tt)+) => {{
        let a = $($r)+ $a;
        let f = $f;
        let (meta, none) = (&$meta, $none);
        f(meta, "account.cover_date", none, $($r)+ a.cover_date);
        f(meta, "account.executive_summary", none, $($r)+ a.executive_summary);
        for (i, t) in a.key_messages.$iter().enumerate() {
            f(meta, &format!("account.key_messages[{i}]"), none, t);
        }
        f(meta, "account.child.who", none, $($r)+ a.child.who);
        f(meta, "account.child.enjoyed", none, $($r)+ a.child.enjoyed);
        f(meta, "account.child.identity", none, $($r)+ a.child.identity);
        f(meta, "account.child.lived_experience", none, $($r)+ a.child.lived_experience);
        f(meta, "account.family.invited", none, $($r)+ a.family.invited);
        f(meta, "account.family.took_part", none, $($r)+ a.family.took_part);
        f(meta, "account.family.declined", none, $($r)+ a.family.declined);
        f(meta, "account.family.views", none, $($r)+ a.family.views);
        for (i, m) in a.process.team.$iter().enumerate() {
            f(meta, &format!("account.process.team[{i}].role"), none, $($r)+ m.role);
            f(meta, &format!("account.process.team[{i}].agency"), none, $($r)+ m.agency);
        }
        f(meta, "account.process.independence", none, $($r)+ a.process.independence);
        f(meta, "account.process.practitioners", none, $($r)+ a.process.practitioners);
        f(meta, "account.process.parallel_processes", none, $($r)+ a.process.parallel_processes);
        f(meta, "account.process.limitations", none, $($r)+ a.process.limitations);
        f(meta, "account.process.timescale", none, $($r)+ a.process.timescale);
        f(meta, "account.response.response", none, $($r)+ a.response.response);
        f(meta, "account.response.action_taken", none, $($r)+ a.response.action_taken);
    }};
}

macro_rules! walk {
    ($review:expr, $f:expr, $iter:ident, $($r:tt)+) => {{
        let review = $review;
        let f = $f;
        let meta = Id::from(META);
        let none: &[Id] = &[];
        f(&meta, "title", none, $($r)+ review.meta.title);
        f(&meta, "partnership", none, $($r)+ review.meta.partnership);
        f(&meta, "why_reviewed", none, $($r)+ review.meta.why_reviewed);
        f(&meta, "summary", none, $($r)+ review.meta.summary);
        for (i, t) in review.meta.terms_of_reference.$iter().enumerate() {
            f(&meta, &format!("terms_of_reference[{i}]"), none, t);
        }
        account!(review.meta.account, &mut *f, meta, none, $iter, $($r)+);
        let clock = $($r)+ review.meta.clock;
        f(&meta, "clock.decision_rationale", none, $($r)+ clock.decision_rationale);
        for (i, p) in clock.pauses.$iter().enumerate() {
            f(&meta, &format!("clock.pauses[{i}].reason"), none, $($r)+ p.reason);
        }
        for (i, c) in clock.closures.$iter().enumerate() {
            f(&meta, &format!("clock.closures[{i}].name"), none, $($r)+ c.name);
        }
        for (i, m) in clock.missed.$iter().enumerate() {
            f(&meta, &format!("clock.missed[{i}].reason"), none, $($r)+ m.reason);
        }
        let rapid = $($r)+ review.meta.rapid_review;
        f(&meta, "rapid_review.facts", none, $($r)+ rapid.facts);
        f(&meta, "rapid_review.agency_involvement", none, $($r)+ rapid.agency_involvement);
        f(&meta, "rapid_review.immediate_actions", none, $($r)+ rapid.immediate_actions);
        f(&meta, "rapid_review.lived_context", none, $($r)+ rapid.lived_context);
        f(&meta, "rapid_review.learning_potential", none, $($r)+ rapid.learning_potential);
        for a in review.agencies.$iter() {
            for (i, x) in a.returned.answers.$iter().enumerate() {
                f(&a.id, &format!("returned.answers[{i}].question"), none, $($r)+ x.question);
                f(&a.id, &format!("returned.answers[{i}].answer"), none, $($r)+ x.answer);
            }
        }
        for (i, a) in review.meta.accepted_language.$iter().enumerate() {
            f(&meta, &format!("accepted_language[{i}].phrase"), none, $($r)+ a.phrase);
            f(&meta, &format!("accepted_language[{i}].reason"), none, $($r)+ a.reason);
        }
        for p in review.people.$iter() {
            let own = std::slice::from_ref(&p.id);
            f(&p.id, "role", own, $($r)+ p.role);
            f(&p.id, "notes", own, $($r)+ p.notes);
            f(&p.id, "attributes.sex.reason", own, $($r)+ p.attributes.sex.reason);
            f(&p.id, "attributes.age_band.reason", own, $($r)+ p.attributes.age_band.reason);
            f(&p.id, "attributes.ethnicity.reason", own, $($r)+ p.attributes.ethnicity.reason);
            f(&p.id, "attributes.religion.reason", own, $($r)+ p.attributes.religion.reason);
            f(&p.id, "attributes.language.reason", own, $($r)+ p.attributes.language.reason);
            f(&p.id, "attributes.disability.reason", own, $($r)+ p.attributes.disability.reason);
        }
        for e in review.chronology.$iter() {
            entry!(e, &mut *f, $($r)+);
        }
        for e in review.episodes.$iter() {
            f(&e.id, "title", &e.people, $($r)+ e.title);
            f(&e.id, "what_happened", &e.people, $($r)+ e.what_happened);
            f(&e.id, "local_rationality", &e.people, $($r)+ e.local_rationality);
            f(&e.id, "appraisal_note", &e.people, $($r)+ e.appraisal_note);
            f(&e.id, "child_focus.views", &e.people, $($r)+ e.child_focus.views);
            f(&e.id, "mindset.going_on", &e.people, $($r)+ e.mindset.going_on);
            f(&e.id, "mindset.reasons", &e.people, $($r)+ e.mindset.reasons);
            f(&e.id, "mindset.front_of_mind", &e.people, $($r)+ e.mindset.front_of_mind);
            f(&e.id, "mindset.occupying", &e.people, $($r)+ e.mindset.occupying);
            f(&e.id, "mindset.concerns", &e.people, $($r)+ e.mindset.concerns);
            f(&e.id, "mindset.hoping", &e.people, $($r)+ e.mindset.hoping);
            f(&e.id, "mindset.options", &e.people, $($r)+ e.mindset.options);
        }
        for x in review.factors.$iter() {
            f(&x.id, "statement", none, $($r)+ x.statement);
            f(&x.id, "evidence", none, $($r)+ x.evidence);
        }
        for x in review.conditions.$iter() {
            f(&x.id, "statement", none, $($r)+ x.statement);
            f(&x.id, "since", none, $($r)+ x.since);
        }
        for x in review.findings.$iter() {
            f(&x.id, "title", none, $($r)+ x.title);
            f(&x.id, "statement", none, $($r)+ x.statement);
            f(&x.id, "tag_reason", none, $($r)+ x.tag_reason);
            f(&x.id, "introduction", none, $($r)+ x.introduction);
            f(&x.id, "in_this_case", none, $($r)+ x.in_this_case);
            f(&x.id, "systemic_evidence", none, $($r)+ x.systemic_evidence);
            f(&x.id, "wider_knowledge", none, $($r)+ x.wider_knowledge);
            f(&x.id, "why_it_matters", none, $($r)+ x.why_it_matters);
            for (i, q) in x.questions.$iter().enumerate() {
                f(&x.id, &format!("questions[{i}]"), none, q);
            }
            for (i, q) in x.recommendations.$iter().enumerate() {
                f(&x.id, &format!("recommendations[{i}]"), none, q);
            }
            for (i, q) in x.references.$iter().enumerate() {
                f(&x.id, &format!("references[{i}]"), none, q);
            }
            f(&x.id, "response.reason", none, $($r)+ x.response.reason);
            for a in x.actions.$iter() {
                let key = format!("actions[{}]", a.id);
                f(&x.id, &format!("{key}.what"), none, $($r)+ a.what);
                f(&x.id, &format!("{key}.owner"), none, $($r)+ a.owner);
                f(&x.id, &format!("{key}.dropped_reason"), none, $($r)+ a.dropped_reason);
                f(&x.id, &format!("{key}.impact_expected"), none, $($r)+ a.impact_expected);
                f(&x.id, &format!("{key}.evidence"), none, $($r)+ a.evidence);
            }
        }
        for x in review.variables.$iter() {
            f(&x.id, "name", none, $($r)+ x.name);
            f(&x.id, "description", none, $($r)+ x.description);
        }
        for x in review.links.$iter() {
            f(&x.id, "note", none, $($r)+ x.note);
        }
        for x in review.named_loops.$iter() {
            f(&x.id, "name", none, $($r)+ x.name);
            f(&x.id, "label", none, $($r)+ x.label);
            f(&x.id, "narrative", none, $($r)+ x.narrative);
        }
        for x in review.diagrams.$iter() {
            f(&x.id, "name", none, $($r)+ x.name);
            for (i, s) in x.stages.$iter().enumerate() {
                f(&x.id, &format!("stages[{i}].title"), none, $($r)+ s.title);
                f(&x.id, &format!("stages[{i}].notes"), none, $($r)+ s.notes);
            }
        }
    }};
}

/// Calls `f(record, field, people mentioned, text)` for every free-text
/// field, in file order. "People mentioned" are the people a chronology
/// entry or episode lists (and a person's own id for their notes).
pub fn visit(review: &Review, mut f: impl FnMut(&Id, &str, &[Id], &str)) {
    walk!(review, &mut |id: &Id, field: &str, people: &[Id], text: &String| f(
        id,
        field,
        people,
        text.as_str()
    ), iter, &);
}

/// Like [`visit`], with each text open to change.
pub fn visit_mut(review: &mut Review, mut f: impl FnMut(&Id, &str, &[Id], &mut String)) {
    walk!(review, &mut |id: &Id, field: &str, people: &[Id], text: &mut String| f(
        id, field, people, text
    ), iter_mut, &mut);
}

/// A chronology entry made anew with each free-text field the result of
/// `f(record, field, people mentioned, text)`, called in the order
/// [`visit`] gives them; the rest is copied. The old texts are read, never
/// copied.
pub fn map_entry(
    e: &ChronologyEntry,
    mut f: impl FnMut(&Id, &str, &[Id], &str) -> String,
) -> ChronologyEntry {
    // Every field is named, so that a new one cannot be copied unawares.
    let ChronologyEntry {
        id,
        date,
        agency,
        author,
        text,
        people,
        source,
    } = e;
    let author = f(id, "author", people, author);
    let text = f(id, "text", people, text);
    let source = source.as_ref().map(|s| EntrySource {
        file: f(id, "source.file", people, &s.file),
        row: s.row,
    });
    ChronologyEntry {
        id: id.clone(),
        date: *date,
        agency: agency.clone(),
        author,
        text,
        people: people.clone(),
        source,
    }
}

/// True for a field that cites published work (a finding's references):
/// its authors, places and publishers are public, so only the cast's own
/// names are replaced in it, never a doubtful form or a mere suspect. The
/// leak check still reads it.
pub fn is_bibliographic(field: &str) -> bool {
    field.starts_with("references[")
}

/// The text of one field, by record and field name.
pub fn field_text(review: &Review, record: &Id, field: &str) -> Option<String> {
    let mut found = None;
    visit(review, |id, name, _, text| {
        if found.is_none() && id == record && name == field {
            found = Some(text.to_string());
        }
    });
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::examples::worked_case;

    #[test]
    fn every_field_is_visited_once_and_can_be_changed() {
        let mut review = worked_case();
        let mut count = 0;
        visit(&review, |_, _, _, _| count += 1);
        assert!(count > 100, "{count}");
        visit_mut(&mut review, |_, _, _, text| text.push('!'));
        assert!(review.meta.title.ends_with('!'));
        assert!(review.chronology[0].text.ends_with('!'));
        let title = field_text(&review, &Id::from(META), "title").unwrap();
        assert_eq!(title, review.meta.title);
    }
}
