//! Full-text search over the findings, factors, conditions and loops of
//! every review, ranked by BM25.

use super::extract::ItemKind;
use super::{Library, LibraryError};

/// One item found by a search.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    /// The review's id in the library.
    pub review_id: String,
    /// The review's published title.
    pub review_title: String,
    /// Its partnership.
    pub partnership: String,
    /// The last year of its period, when recorded.
    pub year: Option<i32>,
    /// The file it was added from.
    pub source_path: String,
    /// What was found.
    pub kind: ItemKind,
    /// Its id in the review ("FN3").
    pub record: String,
    /// Its title (empty for factors and conditions).
    pub title: String,
    /// The text around the words found, with them in `[` `]`.
    pub snippet: String,
    /// Its category's name.
    pub category: String,
    /// The BM25 score (lower is a better match, as SQLite gives it).
    pub score: f64,
}

/// `text` as an FTS5 query: each word quoted (so that no word is read as
/// an operator), all of them required; text in double quotes is a
/// phrase. With `prefix_last`, the last word also matches longer words
/// (for search as one types).
pub fn fts_query(text: &str, prefix_last: bool) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    for (i, chunk) in text.split('"').enumerate() {
        let words: Vec<&str> = chunk
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() {
            continue;
        }
        if i % 2 == 1 {
            parts.push(format!("\"{}\"", words.join(" ")));
        } else {
            parts.extend(words.iter().map(|w| format!("\"{w}\"")));
        }
    }
    if prefix_last
        && let Some(last) = parts.last_mut()
        && !text.trim_end().ends_with('"')
    {
        last.push('*');
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

impl Library {
    /// The items matching `query` (words all required, "a phrase" in
    /// double quotes), best first, at most `limit`. With `prefix_last`,
    /// the last word matches as a prefix. An empty query finds nothing.
    pub fn search(
        &self,
        query: &str,
        prefix_last: bool,
        limit: usize,
    ) -> Result<Vec<SearchHit>, LibraryError> {
        let Some(fts) = fts_query(query, prefix_last) else {
            return Ok(Vec::new());
        };
        let mut statement = self
            .connection
            .prepare_cached(
                "SELECT r.review_id, r.title, r.partnership, r.year, r.source_path,
                        i.kind, i.record, i.title,
                        snippet(items_fts, -1, '[', ']', '…', 16),
                        i.category_label, bm25(items_fts, 2.0, 1.0) AS score
                 FROM items_fts
                 JOIN items i ON i.id = items_fts.rowid
                 JOIN reviews r ON r.review_id = i.review_id
                 WHERE items_fts MATCH ?1
                 ORDER BY score, r.title, i.record
                 LIMIT ?2",
            )
            .map_err(|e| self.sql(e))?;
        let rows = statement
            .query_map(rusqlite::params![fts, limit as i64], |row| {
                let kind: String = row.get(5)?;
                Ok(SearchHit {
                    review_id: row.get(0)?,
                    review_title: row.get(1)?,
                    partnership: row.get(2)?,
                    year: row.get(3)?,
                    source_path: row.get(4)?,
                    kind: ItemKind::from_name(&kind).unwrap_or(ItemKind::Finding),
                    record: row.get(6)?,
                    title: row.get(7)?,
                    snippet: row.get(8)?,
                    category: row.get(9)?,
                    score: row.get(10)?,
                })
            })
            .map_err(|e| self.sql(e))?;
        rows.collect::<Result<Vec<_>, _>>().map_err(|e| self.sql(e))
    }
}
