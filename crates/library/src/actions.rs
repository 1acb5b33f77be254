//! Every review's actions, and which are overdue on a given day.

use chrono::NaiveDate;

use super::{Library, LibraryError};

/// One action of a review in the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryAction {
    /// The review's id in the library.
    pub review_id: String,
    /// The review's published title.
    pub review_title: String,
    /// The finding's id.
    pub finding: String,
    /// The action's id.
    pub action: String,
    /// What will be done.
    pub what: String,
    /// Who owns it.
    pub owner: String,
    /// When it is due, as published.
    pub due: Option<String>,
    /// Its status in words.
    pub status: String,
    /// Days overdue on the day asked about, when it is overdue (open and
    /// the whole of its due date before that day).
    pub days_overdue: Option<i64>,
}

impl Library {
    /// Every action in the library (only those overdue on `today` when
    /// `overdue_only`), by review title, finding and action.
    pub fn actions(
        &self,
        today: NaiveDate,
        overdue_only: bool,
    ) -> Result<Vec<LibraryAction>, LibraryError> {
        let mut statement = self
            .connection
            .prepare_cached(
                "SELECT a.review_id, r.title, a.finding, a.action, a.what, a.owner, a.due, a.due_by, a.status, a.open
                 FROM actions a JOIN reviews r ON r.review_id = a.review_id
                 WHERE NOT ?1 OR (a.open AND a.due_by < ?2)
                 ORDER BY r.title, a.review_id, a.rowid",
            )
            .map_err(|e| self.sql(e))?;
        let rows = statement
            .query_map(rusqlite::params![overdue_only, today.to_string()], |row| {
                let due_by: Option<String> = row.get(7)?;
                let open: bool = row.get(9)?;
                let days_overdue = due_by
                    .and_then(|d| d.parse::<NaiveDate>().ok())
                    .filter(|d| open && *d < today)
                    .map(|d| (today - d).num_days());
                Ok(LibraryAction {
                    review_id: row.get(0)?,
                    review_title: row.get(1)?,
                    finding: row.get(2)?,
                    action: row.get(3)?,
                    what: row.get(4)?,
                    owner: row.get(5)?,
                    due: row.get(6)?,
                    status: row.get(8)?,
                    days_overdue,
                })
            })
            .map_err(|e| self.sql(e))?;
        rows.collect::<Result<Vec<_>, _>>().map_err(|e| self.sql(e))
    }
}
