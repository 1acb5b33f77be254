//! The library across reviews: the published (anonymised) text of many
//! reviews and their structure in one SQLite database, for full-text
//! search, recurring themes and every review's actions in one place.
//!
//! What is stored comes only from a review's [`Publication`]: the review
//! as it would be published (anonymised, without findings that are not
//! tagged learning). A review whose publication leaks a real name or
//! identifier is refused, and so is a review whose file path names
//! someone. The identified review never reaches the database.
//!
//! The schema and every SQL statement live in this module (`schema`,
//! `add`, `search`, `recurring`, `actions`), so that a shared server
//! database could replace the embedded one without touching the rest of
//! Foresight.
//!
//! [`Publication`]: foresight_publish::publication::Publication

mod actions;
mod add;
mod extract;
mod recurring;
mod schema;
mod search;
mod terms;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

pub use actions::LibraryAction;
pub use add::{AddError, Added};
pub use extract::{ActionRow, ItemKind, LibraryItem, LibraryReview, review_id};
pub use recurring::{Grouping, RecurringGroup, ReviewRef, Theme, ThemeItem};
pub use search::{SearchHit, fts_query};

/// The file name of the library in the user's data folder.
pub const FILE_NAME: &str = "library.sqlite";

/// A library database, open.
pub struct Library {
    connection: Connection,
    path: Option<PathBuf>,
}

/// What went wrong with the library database itself.
#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    /// The database could not be opened or created.
    #[error("{path}: cannot open the library: {source}")]
    Open {
        /// The database file.
        path: String,
        /// Why.
        source: rusqlite::Error,
    },
    /// There is no library at this path yet.
    #[error(
        "{0}: there is no library here yet: add a review to it with `foresight library add FILE`"
    )]
    Missing(String),
    /// The file is a database of another kind, or a newer library.
    #[error("{path}: {problem}")]
    NotALibrary {
        /// The database file.
        path: String,
        /// What is wrong.
        problem: String,
    },
    /// A statement failed (a damaged or locked database).
    #[error("{path}: the library could not be read or written: {source}")]
    Sql {
        /// The database file.
        path: String,
        /// Why.
        source: rusqlite::Error,
    },
}

impl Library {
    /// Opens the library at `path`, creating it (and its folder) when it
    /// does not exist.
    pub fn open_or_create(path: &Path) -> Result<Library, LibraryError> {
        if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty())
            && let Err(error) = std::fs::create_dir_all(folder)
        {
            return Err(LibraryError::NotALibrary {
                path: path.display().to_string(),
                problem: format!("cannot create the folder: {error}"),
            });
        }
        let connection = Connection::open(path).map_err(|source| LibraryError::Open {
            path: path.display().to_string(),
            source,
        })?;
        Library::ready(connection, Some(path.to_path_buf()))
    }

    /// Opens the library at `path` only if it exists (reading it creates
    /// nothing).
    pub fn open_existing(path: &Path) -> Result<Library, LibraryError> {
        if !path.exists() {
            return Err(LibraryError::Missing(path.display().to_string()));
        }
        let connection = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|source| LibraryError::Open {
            path: path.display().to_string(),
            source,
        })?;
        Library::ready(connection, Some(path.to_path_buf()))
    }

    /// A library held in memory only (for tests and trials).
    pub fn in_memory() -> Result<Library, LibraryError> {
        let connection = Connection::open_in_memory().map_err(|source| LibraryError::Open {
            path: ":memory:".into(),
            source,
        })?;
        Library::ready(connection, None)
    }

    fn ready(connection: Connection, path: Option<PathBuf>) -> Result<Library, LibraryError> {
        let library = Library { connection, path };
        schema::prepare(&library.connection).map_err(|problem| library.problem(problem))?;
        Ok(library)
    }

    /// The database file (none for a library in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// How many reviews the library holds.
    pub fn review_count(&self) -> Result<usize, LibraryError> {
        self.connection
            .query_row("SELECT count(*) FROM reviews", [], |row| {
                row.get::<_, i64>(0)
            })
            .map(|n| n as usize)
            .map_err(|e| self.sql(e))
    }

    /// Every review in the library, by title.
    pub fn reviews(&self) -> Result<Vec<ReviewRef>, LibraryError> {
        recurring::all_reviews(&self.connection).map_err(|e| self.sql(e))
    }

    fn where_(&self) -> String {
        self.path
            .as_ref()
            .map_or_else(|| ":memory:".to_string(), |p| p.display().to_string())
    }

    fn sql(&self, source: rusqlite::Error) -> LibraryError {
        LibraryError::Sql {
            path: self.where_(),
            source,
        }
    }

    fn problem(&self, problem: schema::SchemaProblem) -> LibraryError {
        match problem {
            schema::SchemaProblem::Sql(source) => self.sql(source),
            schema::SchemaProblem::Other(problem) => LibraryError::NotALibrary {
                path: self.where_(),
                problem,
            },
        }
    }
}

/// The library in the user's data folder: `FORESIGHT_LIBRARY` when set,
/// else `library.sqlite` in the folder the desktop app keeps its data in
/// (`$XDG_DATA_HOME/foresight` or `~/.local/share/foresight` on Linux,
/// `~/Library/Application Support/foresight` on macOS,
/// `%APPDATA%\foresight\data` on Windows), else in the system's temporary
/// folder.
pub fn default_path() -> PathBuf {
    if let Some(path) = std::env::var_os("FORESIGHT_LIBRARY").filter(|p| !p.is_empty()) {
        return PathBuf::from(path);
    }
    data_folder()
        .unwrap_or_else(|| std::env::temp_dir().join("foresight"))
        .join(FILE_NAME)
}

/// The app's data folder, as the desktop app chooses it.
fn data_folder() -> Option<PathBuf> {
    let home = std::env::home_dir();
    if cfg!(target_os = "macos") {
        home.map(|h| {
            h.join("Library")
                .join("Application Support")
                .join("foresight")
        })
    } else if cfg!(windows) {
        std::env::var_os("APPDATA")
            .map(PathBuf::from)
            .map(|p| p.join("foresight").join("data"))
    } else {
        std::env::var_os("XDG_DATA_HOME")
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
            .or_else(|| home.map(|h| h.join(".local").join("share")))
            .map(|p| p.join("foresight"))
    }
}
