//! Stable identifiers for the records of a review.
//!
//! An id is a short string such as `E3` (episode 3) or `F12` (factor 12):
//! readable in the review file, stable across saves and edits, and unique
//! across the whole review, so a link can point at any kind of record.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The identifier of one record in a review.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Id(pub String);

impl Id {
    /// Wraps a string as an id.
    pub fn new(text: impl Into<String>) -> Id {
        Id(text.into())
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number after the kind prefix, when the id has the generated form.
    pub fn number_after(&self, prefix: &str) -> Option<u64> {
        let rest = self.0.strip_prefix(prefix)?;
        if rest.is_empty() || !rest.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        rest.parse().ok()
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Id {
    fn from(text: &str) -> Self {
        Id(text.to_string())
    }
}
