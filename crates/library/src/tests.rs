//! The library's schema, replacement, ranking and grouping.

use super::extract::{ItemKind, LibraryItem, LibraryReview};
use super::terms::key_terms;
use super::*;
use foresight_core::analysis::language::Lexicon;
use foresight_core::examples::worked_case;
use foresight_core::taxonomy::Taxonomy;

fn item(kind: ItemKind, record: &str, title: &str, body: &str, category: &str) -> LibraryItem {
    LibraryItem {
        kind,
        record: record.into(),
        title: title.into(),
        body: body.into(),
        category: category.into(),
        category_label: category.into(),
        detail: String::new(),
        terms: key_terms(&format!("{title} {body}")),
    }
}

fn review(id: &str, year: i32, items: Vec<LibraryItem>) -> LibraryReview {
    LibraryReview {
        review_id: id.into(),
        title: format!("Review {id}"),
        partnership: format!("Partnership {id}"),
        year: Some(year),
        review_type: "learning review".into(),
        source_path: format!("/reviews/{id}.review.ron"),
        items,
        actions: Vec::new(),
    }
}

#[test]
fn a_new_library_has_its_tables_and_a_reopened_one_keeps_them() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("sub").join("library.sqlite");
    assert!(matches!(
        Library::open_existing(&path),
        Err(LibraryError::Missing(_))
    ));
    let mut library = Library::open_or_create(&path).unwrap();
    assert_eq!(library.review_count().unwrap(), 0);
    library
        .store(&review(
            "a",
            2020,
            vec![item(ItemKind::Finding, "FN1", "T", "caseload", "x")],
        ))
        .unwrap();
    drop(library);
    let library = Library::open_existing(&path).unwrap();
    assert_eq!(library.review_count().unwrap(), 1);
    let version: i64 = library
        .connection
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, schema::SCHEMA_VERSION);
}

#[test]
fn a_database_that_is_not_a_library_is_refused() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("other.sqlite");
    let other = rusqlite::Connection::open(&path).unwrap();
    other.execute_batch("CREATE TABLE t (x)").unwrap();
    drop(other);
    let error = Library::open_existing(&path).err().unwrap().to_string();
    assert!(error.contains("not a Foresight library"), "{error}");
}

#[test]
fn adding_a_review_again_replaces_it_and_its_search_entries() {
    let mut library = Library::in_memory().unwrap();
    let first = library
        .store(&review(
            "a",
            2020,
            vec![item(
                ItemKind::Finding,
                "FN1",
                "Old",
                "caseload ceiling",
                "x",
            )],
        ))
        .unwrap();
    assert!(!first.replaced);
    let again = library
        .store(&review(
            "a",
            2021,
            vec![item(
                ItemKind::Finding,
                "FN1",
                "New",
                "supervision time",
                "x",
            )],
        ))
        .unwrap();
    assert!(again.replaced);
    assert_eq!(library.review_count().unwrap(), 1);
    assert!(library.search("caseload", false, 10).unwrap().is_empty());
    let hits = library.search("supervision", false, 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].title, "New");
    assert_eq!(hits[0].year, Some(2021));
}

#[test]
fn the_same_file_added_under_a_new_title_replaces_the_old_one() {
    let mut library = Library::in_memory().unwrap();
    library.store(&review("a", 2020, Vec::new())).unwrap();
    let mut renamed = review("b", 2020, Vec::new());
    renamed.source_path = "/reviews/a.review.ron".into();
    assert!(library.store(&renamed).unwrap().replaced);
    assert_eq!(library.review_count().unwrap(), 1);
}

#[test]
fn the_worked_example_is_stored_as_published_and_its_id_is_stable() {
    let source = worked_case();
    let taxonomy = Taxonomy::built_in(&source.meta.taxonomy);
    let mut library = Library::in_memory().unwrap();
    let added = library
        .add_review(
            &source,
            "/reviews/b.review.ron",
            "root",
            &Lexicon::built_in(),
            taxonomy.clone(),
        )
        .unwrap();
    let again = library
        .add_review(
            &source,
            "/elsewhere/copy.review.ron",
            "root",
            &Lexicon::built_in(),
            taxonomy,
        )
        .unwrap();
    assert_eq!(added.review_id, again.review_id);
    assert!(again.replaced);
    // The finding tagged blame is not published, so not stored.
    let stored: i64 = library
        .connection
        .query_row(
            "SELECT count(*) FROM items WHERE kind = 'finding'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let learning = source
        .findings
        .iter()
        .filter(|f| f.tag == foresight_core::model::FindingTag::Learning)
        .count();
    assert_eq!(stored as usize, learning);
    assert!(learning < source.findings.len());
    let names: Vec<String> = library
        .connection
        .prepare("SELECT title || ' ' || body FROM items")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for person in &source.people {
        if person.name.split_whitespace().count() > 1 {
            assert!(
                names.iter().all(|t| !t.contains(&person.name)),
                "{} is stored",
                person.name
            );
        }
    }
}

#[test]
fn search_ranks_a_title_match_and_denser_text_first() {
    let mut library = Library::in_memory().unwrap();
    library
        .store(&review(
            "a",
            2020,
            vec![
                item(ItemKind::Finding, "FN1", "Supervision", "Supervision time is short.", "m"),
                item(ItemKind::Condition, "LC1", "", "Staff turnover and supervision in a long text about many other things entirely unrelated to the subject at hand", "m"),
                item(ItemKind::Factor, "F1", "", "Caseloads above the ceiling.", "c"),
            ],
        ))
        .unwrap();
    let hits = library.search("supervision", false, 10).unwrap();
    assert_eq!(
        hits.iter().map(|h| h.record.as_str()).collect::<Vec<_>>(),
        ["FN1", "LC1"]
    );
    assert!(hits[0].score < hits[1].score);
    assert!(
        hits[0].snippet.contains("[Supervision]"),
        "{}",
        hits[0].snippet
    );
    // Stemming: "caseload" finds "Caseloads"; a prefix finds as one types.
    assert_eq!(library.search("caseload", false, 10).unwrap().len(), 1);
    assert_eq!(library.search("supervis", true, 10).unwrap().len(), 2);
    assert!(library.search("supervis", false, 10).unwrap().is_empty());
    // A phrase must be found whole; an operator word is only a word.
    assert_eq!(
        library
            .search("\"time is short\"", false, 10)
            .unwrap()
            .len(),
        1
    );
    assert!(
        library
            .search("\"short time\"", false, 10)
            .unwrap()
            .is_empty()
    );
    assert!(library.search("NOT OR (", false, 10).unwrap().is_empty());
}

#[test]
fn fts_queries_quote_every_word() {
    assert_eq!(
        fts_query("a NEAR b", false).unwrap(),
        "\"a\" \"NEAR\" \"b\""
    );
    assert_eq!(fts_query("x \"y z\"", true).unwrap(), "\"x\" \"y z\"");
    assert_eq!(fts_query("x y", true).unwrap(), "\"x\" \"y\"*");
    assert!(fts_query(" -- ", false).is_none());
}

#[test]
fn recurring_groups_by_category_and_themes_by_shared_wording() {
    let caseload = "Social work caseloads exceed the service ceiling with vacancies unfilled";
    let caseload2 =
        "Caseloads above the ceiling while vacancies stay unfilled in social work teams";
    let other = "The referral form has no field for adults living in the household";
    let mut library = Library::in_memory().unwrap();
    library
        .store(&review(
            "a",
            2019,
            vec![item(
                ItemKind::Condition,
                "LC1",
                "",
                caseload,
                "conditions-of-work",
            )],
        ))
        .unwrap();
    library
        .store(&review(
            "b",
            2021,
            vec![
                item(
                    ItemKind::Condition,
                    "LC4",
                    "",
                    caseload2,
                    "conditions-of-work",
                ),
                item(ItemKind::Condition, "LC5", "", other, "conditions-of-work"),
                item(ItemKind::Finding, "FN1", "Forms", other, "human-tool"),
            ],
        ))
        .unwrap();
    let groups = library.recurring(Grouping::Category).unwrap();
    let work = &groups[0];
    assert_eq!(
        (work.kind, work.category.as_str()),
        (ItemKind::Condition, "conditions-of-work")
    );
    assert_eq!(work.items, 3);
    assert_eq!(work.reviews.len(), 2);
    assert_eq!(work.reviews[0].review_id, "b");
    assert_eq!(work.reviews[0].items, 2);
    assert_eq!(work.years, [2019, 2021]);
    assert_eq!(work.partnerships, ["Partnership a", "Partnership b"]);
    assert_eq!(work.themes.len(), 1, "{:#?}", work.themes);
    let theme = &work.themes[0];
    let records: Vec<&str> = theme.items.iter().map(|i| i.record.as_str()).collect();
    assert_eq!(records, ["LC1", "LC4"]);
    assert!(
        theme.terms.contains(&"caseload".to_string()),
        "{:?}",
        theme.terms
    );
    let forms = groups.iter().find(|g| g.category == "human-tool").unwrap();
    assert_eq!(
        (forms.kind, forms.items, forms.reviews.len()),
        (ItemKind::Finding, 1, 1)
    );
    assert!(forms.themes.is_empty());
    // One review alone is no theme, however alike its items.
    let by_level = library.recurring(Grouping::Condition).unwrap();
    assert_eq!(by_level.len(), 1);
    assert_eq!(by_level[0].items, 3);
}
