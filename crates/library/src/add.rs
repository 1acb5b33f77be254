//! Adding a review: publish it, refuse it on a leak, and write its rows in
//! one transaction, replacing the review it was before.

use std::path::Path;

use rusqlite::params;

use super::extract::LibraryReview;
use super::{Library, LibraryError};
use foresight_core::analysis::language::Lexicon;
use foresight_core::anonymise::Leak;
use foresight_core::model::Review;
use foresight_core::taxonomy::Taxonomy;
use foresight_publish::publication::Publication;

/// Why a review was not added.
#[derive(Debug, thiserror::Error)]
pub enum AddError {
    /// The review file could not be read.
    #[error("{0}")]
    Unreadable(String),
    /// Its publication would name someone: nothing was stored.
    #[error("{file}: not added: its published text would leak {} identifying string{}; resolve them (foresight check) and add it again", .leaks.len(), if .leaks.len() == 1 { "" } else { "s" })]
    Leaks {
        /// The review file.
        file: String,
        /// What would leak.
        leaks: Vec<Leak>,
    },
    /// The library itself failed.
    #[error(transparent)]
    Library(#[from] LibraryError),
}

/// What adding a review did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Added {
    /// The review's id in the library.
    pub review_id: String,
    /// Its published title.
    pub title: String,
    /// True when it replaced a review already in the library.
    pub replaced: bool,
    /// How many findings, factors, conditions and loops it holds.
    pub items: usize,
    /// How many actions.
    pub actions: usize,
}

impl Library {
    /// Adds the review in `file`: loads it, computes its publication with
    /// `lexicon` and the review's taxonomy from `template_folders`, and
    /// stores the published review; refused when the publication, or the
    /// file's path, would leak a real name or identifier.
    pub fn add_file(
        &mut self,
        file: &Path,
        lexicon: &Lexicon,
        template_folders: &[std::path::PathBuf],
    ) -> Result<Added, AddError> {
        let (review, lineage) = foresight_core::store::load_with_lineage(file)
            .map_err(|e| AddError::Unreadable(e.to_string()))?;
        let root = lineage
            .revisions()
            .first()
            .map(|r| r.id.clone())
            .unwrap_or_default();
        let taxonomy = Taxonomy::find(&review.meta.taxonomy, template_folders).ok();
        let source = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
        self.add_review(
            &review,
            &source.display().to_string(),
            &root,
            lexicon,
            taxonomy,
        )
    }

    /// Adds `review` (identified: it is published here), recording
    /// `source` as the file it came from and `root_revision` as the first
    /// revision of that file's lineage.
    pub fn add_review(
        &mut self,
        review: &Review,
        source: &str,
        root_revision: &str,
        lexicon: &Lexicon,
        taxonomy: Option<Taxonomy>,
    ) -> Result<Added, AddError> {
        let publication = Publication::compute(review, lexicon, taxonomy.clone());
        let mut leaks = publication.leaks.clone();
        leaks.extend(publication.leaks_in("the file's path", source));
        if !leaks.is_empty() {
            return Err(AddError::Leaks {
                file: source.to_string(),
                leaks,
            });
        }
        let rows = LibraryReview::of_published(
            &publication.review,
            source,
            root_revision,
            taxonomy.as_ref(),
        );
        Ok(self.store(&rows)?)
    }

    /// Writes the rows of one published review in one transaction,
    /// replacing the review of the same id and any review last added from
    /// the same file.
    pub fn store(&mut self, rows: &LibraryReview) -> Result<Added, LibraryError> {
        self.store_all(std::slice::from_ref(rows))
            .map(|mut added| added.remove(0))
    }

    /// Writes the rows of many published reviews in one transaction (each
    /// replacing as [`Library::store`] does).
    pub fn store_all(&mut self, all: &[LibraryReview]) -> Result<Vec<Added>, LibraryError> {
        let where_ = self.where_();
        let sql = |source| LibraryError::Sql {
            path: where_.clone(),
            source,
        };
        let tx = self.connection.transaction().map_err(sql)?;
        let mut added = Vec::with_capacity(all.len());
        {
            let mut remove = tx
                .prepare_cached("DELETE FROM reviews WHERE review_id = ?1 OR source_path = ?2")
                .map_err(sql)?;
            let mut review = tx
                .prepare_cached(
                    "INSERT INTO reviews (review_id, title, partnership, year, review_type, source_path, added)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )
                .map_err(sql)?;
            let mut item = tx
                .prepare_cached(
                    "INSERT INTO items (review_id, kind, record, title, body, category, category_label, detail, terms)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                )
                .map_err(sql)?;
            let mut action = tx
                .prepare_cached(
                    "INSERT INTO actions (review_id, finding, action, what, owner, due, due_by, status, open)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                )
                .map_err(sql)?;
            let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
            for rows in all {
                let removed = remove
                    .execute(params![rows.review_id, rows.source_path])
                    .map_err(sql)?;
                review
                    .execute(params![
                        rows.review_id,
                        rows.title,
                        rows.partnership,
                        rows.year,
                        rows.review_type,
                        rows.source_path,
                        now
                    ])
                    .map_err(sql)?;
                for i in &rows.items {
                    item.execute(params![
                        rows.review_id,
                        i.kind.name(),
                        i.record,
                        i.title,
                        i.body,
                        i.category,
                        i.category_label,
                        i.detail,
                        i.terms.join(" ")
                    ])
                    .map_err(sql)?;
                }
                for a in &rows.actions {
                    action
                        .execute(params![
                            rows.review_id,
                            a.finding,
                            a.action,
                            a.what,
                            a.owner,
                            a.due,
                            a.due_by,
                            a.status,
                            a.open
                        ])
                        .map_err(sql)?;
                }
                added.push(Added {
                    review_id: rows.review_id.clone(),
                    title: rows.title.clone(),
                    replaced: removed > 0,
                    items: rows.items.len(),
                    actions: rows.actions.len(),
                });
            }
        }
        tx.commit().map_err(sql)?;
        Ok(added)
    }

    /// Removes a review and everything of it; true when it was there.
    pub fn remove(&mut self, review_id: &str) -> Result<bool, LibraryError> {
        self.connection
            .execute("DELETE FROM reviews WHERE review_id = ?1", [review_id])
            .map(|n| n > 0)
            .map_err(|e| self.sql(e))
    }
}
