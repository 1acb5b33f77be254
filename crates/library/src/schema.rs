//! The library's tables, created on first use and checked on every open.
//!
//! `items` holds one row per finding, contributing factor, latent
//! condition and named loop of each review, with its text as published;
//! `items_fts` indexes their titles and text for full-text search (an
//! external-content FTS5 table kept in step by triggers); `actions` holds
//! the findings' actions. Deleting a review deletes all of its rows.
//!
//! The full-text index uses the `porter` stemmer over `unicode61`
//! (diacritics folded): reviews say "caseloads", "caseload" and
//! "supervised" where a reader searches "caseload" or "supervision", and
//! English stemming finds both, while `unicode61` splits and folds any
//! script's words and accents ("Zoë" finds "Zoe").

use rusqlite::Connection;

/// The version of the schema this build writes (`PRAGMA user_version`).
pub const SCHEMA_VERSION: i64 = 1;

/// Why the schema could not be made ready.
pub enum SchemaProblem {
    /// A statement failed.
    Sql(rusqlite::Error),
    /// The database is not a library of a version this build knows.
    Other(String),
}

impl From<rusqlite::Error> for SchemaProblem {
    fn from(e: rusqlite::Error) -> Self {
        SchemaProblem::Sql(e)
    }
}

const TABLES: &str = "
CREATE TABLE reviews (
    review_id   TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    partnership TEXT NOT NULL,
    year        INTEGER,
    review_type TEXT NOT NULL,
    source_path TEXT NOT NULL,
    added       TEXT NOT NULL
);
CREATE INDEX reviews_source ON reviews(source_path);
CREATE TABLE items (
    id             INTEGER PRIMARY KEY,
    review_id      TEXT NOT NULL REFERENCES reviews(review_id) ON DELETE CASCADE,
    kind           TEXT NOT NULL,
    record         TEXT NOT NULL,
    title          TEXT NOT NULL,
    body           TEXT NOT NULL,
    category       TEXT NOT NULL,
    category_label TEXT NOT NULL,
    detail         TEXT NOT NULL,
    terms          TEXT NOT NULL
);
CREATE INDEX items_review ON items(review_id);
CREATE INDEX items_kind_category ON items(kind, category);
CREATE VIRTUAL TABLE items_fts USING fts5(
    title, body,
    content='items', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER items_indexed AFTER INSERT ON items BEGIN
    INSERT INTO items_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER items_unindexed AFTER DELETE ON items BEGIN
    INSERT INTO items_fts(items_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TABLE actions (
    review_id TEXT NOT NULL REFERENCES reviews(review_id) ON DELETE CASCADE,
    finding   TEXT NOT NULL,
    action    TEXT NOT NULL,
    what      TEXT NOT NULL,
    owner     TEXT NOT NULL,
    due       TEXT,
    due_by    TEXT,
    status    TEXT NOT NULL,
    open      INTEGER NOT NULL
);
CREATE INDEX actions_review ON actions(review_id);
";

/// Makes `connection` ready: foreign keys on, and the tables created when
/// the database is new; refuses a database of another kind or a newer
/// version.
pub fn prepare(connection: &Connection) -> Result<(), SchemaProblem> {
    connection.pragma_update(None, "foreign_keys", true)?;
    let version: i64 = connection.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let tables: i64 = connection.query_row(
        "SELECT count(*) FROM sqlite_schema WHERE type = 'table'",
        [],
        |r| r.get(0),
    )?;
    match version {
        0 if tables == 0 => {
            let tx = connection.unchecked_transaction()?;
            tx.execute_batch(TABLES)?;
            tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
            tx.commit()?;
            Ok(())
        }
        0 => Err(SchemaProblem::Other(
            "this database is not a Foresight library (it has tables of its own)".into(),
        )),
        SCHEMA_VERSION => Ok(()),
        newer => Err(SchemaProblem::Other(format!(
            "this library was written by a newer version of Foresight (schema {newer}; this one reads {SCHEMA_VERSION}): update Foresight"
        ))),
    }
}
