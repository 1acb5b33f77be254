//! Every free-text field of a review, with the record it belongs to and a
//! field name (`text`, `questions[2]`, `stages[0].notes`), walked from the
//! one schema of text fields ([`crate::model::text_fields`]), so that
//! anonymisation, the residual scan, the lint and the preview read the same
//! fields.
//!
//! Names, aliases, pseudonyms, generic names, dates and sensitive
//! attributes are not here: [`super::Anonymiser::review`] treats them as
//! the structured data they are. A test in `mod.rs` fails when the model
//! gains a string field that neither this walk nor that treatment covers.

use crate::model::text_fields::{self as schema, FieldInfo, TextField, Treatment};
use crate::model::{ChronologyEntry, EntrySource, Id, Review};

/// The record id used for the review's own details.
pub const META: &str = "review";

/// Calls `f(record, field name, people mentioned, text)` for each text of
/// each field of `fields` in `record`.
fn visit_fields<R>(
    fields: &[TextField<R>],
    id: &Id,
    record: &R,
    people: &[Id],
    f: &mut impl FnMut(&Id, &str, &[Id], &FieldInfo, &str),
) {
    for field in fields {
        let info = field.info();
        field.each(record, &mut |index, text| {
            f(id, &field.name(index), people, &info, text)
        });
    }
}

/// Like [`visit_fields`], with each text open to change.
fn visit_fields_mut<R>(
    fields: &[TextField<R>],
    id: &Id,
    record: &mut R,
    people: &[Id],
    f: &mut impl FnMut(&Id, &str, &[Id], &mut String),
) {
    for field in fields {
        (field.get_mut)(record, &mut |index, text| {
            f(id, &field.name(index), people, text)
        });
    }
}

/// Calls `f(record, field, people mentioned, text)` for every free-text
/// field the schema ([`crate::model::text_fields`]) describes, in file
/// order. "People mentioned" are the people a chronology entry or episode
/// lists (and a person's own id for their notes).
pub fn visit(review: &Review, mut f: impl FnMut(&Id, &str, &[Id], &str)) {
    visit_described(review, |id, field, people, _, text| {
        f(id, field, people, text)
    });
}

/// Like [`visit`], with what the schema says of each field (whether it is
/// printed, how the lint reads it, how it is anonymised).
pub fn visit_described(review: &Review, mut f: impl FnMut(&Id, &str, &[Id], &FieldInfo, &str)) {
    let f = &mut f;
    let meta = Id::from(META);
    let none: &[Id] = &[];
    visit_fields(schema::META, &meta, &review.meta, none, f);
    for a in &review.agencies {
        visit_fields(schema::AGENCY, &a.id, a, none, f);
    }
    visit_fields(schema::META_LAST, &meta, &review.meta, none, f);
    for p in &review.people {
        visit_fields(schema::PERSON, &p.id, p, std::slice::from_ref(&p.id), f);
    }
    for e in &review.chronology {
        visit_fields(schema::ENTRY, &e.id, e, &e.people, f);
    }
    for e in &review.episodes {
        visit_fields(schema::EPISODE, &e.id, e, &e.people, f);
    }
    for x in &review.factors {
        visit_fields(schema::FACTOR, &x.id, x, none, f);
    }
    for x in &review.conditions {
        visit_fields(schema::CONDITION, &x.id, x, none, f);
    }
    for x in &review.findings {
        visit_fields(schema::FINDING, &x.id, x, none, f);
    }
    for x in &review.variables {
        visit_fields(schema::VARIABLE, &x.id, x, none, f);
    }
    for x in &review.links {
        visit_fields(schema::LINK, &x.id, x, none, f);
    }
    for x in &review.named_loops {
        visit_fields(schema::NAMED_LOOP, &x.id, x, none, f);
    }
    for x in &review.diagrams {
        visit_fields(schema::DIAGRAM, &x.id, x, none, f);
    }
}

/// Like [`visit`], with each text open to change.
pub fn visit_mut(review: &mut Review, mut f: impl FnMut(&Id, &str, &[Id], &mut String)) {
    let f = &mut f;
    let meta = Id::from(META);
    let none: &[Id] = &[];
    visit_fields_mut(schema::META, &meta, &mut review.meta, none, f);
    for a in &mut review.agencies {
        let id = a.id.clone();
        visit_fields_mut(schema::AGENCY, &id, a, none, f);
    }
    visit_fields_mut(schema::META_LAST, &meta, &mut review.meta, none, f);
    for p in &mut review.people {
        let id = p.id.clone();
        visit_fields_mut(schema::PERSON, &id, p, std::slice::from_ref(&id), f);
    }
    for e in &mut review.chronology {
        let (id, people) = (e.id.clone(), e.people.clone());
        visit_fields_mut(schema::ENTRY, &id, e, &people, f);
    }
    for e in &mut review.episodes {
        let (id, people) = (e.id.clone(), e.people.clone());
        visit_fields_mut(schema::EPISODE, &id, e, &people, f);
    }
    for x in &mut review.factors {
        let id = x.id.clone();
        visit_fields_mut(schema::FACTOR, &id, x, none, f);
    }
    for x in &mut review.conditions {
        let id = x.id.clone();
        visit_fields_mut(schema::CONDITION, &id, x, none, f);
    }
    for x in &mut review.findings {
        let id = x.id.clone();
        visit_fields_mut(schema::FINDING, &id, x, none, f);
    }
    for x in &mut review.variables {
        let id = x.id.clone();
        visit_fields_mut(schema::VARIABLE, &id, x, none, f);
    }
    for x in &mut review.links {
        let id = x.id.clone();
        visit_fields_mut(schema::LINK, &id, x, none, f);
    }
    for x in &mut review.named_loops {
        let id = x.id.clone();
        visit_fields_mut(schema::NAMED_LOOP, &id, x, none, f);
    }
    for x in &mut review.diagrams {
        let id = x.id.clone();
        visit_fields_mut(schema::DIAGRAM, &id, x, none, f);
    }
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
    // Every bibliographic field is an item of a list ("references[2]"):
    // the fields of most texts ("text", "author") need no schema search.
    field.contains('[')
        && schema::find(schema::FINDING, field)
            .is_some_and(|f| f.treatment == Treatment::Bibliographic)
}

/// True for a field that holds an agency's record as written (a
/// chronology entry's text), whose sensitive details are coarsened too.
pub fn is_agency_record(field: &str) -> bool {
    schema::find(schema::ENTRY, field).is_some_and(|f| f.treatment == Treatment::AgencyRecord)
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
