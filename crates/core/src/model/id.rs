//! Stable identifiers for the records of a review.
//!
//! An id is a short string such as `E3` (episode 3) or `F12` (factor 12):
//! readable in the review file, stable across saves and edits, and unique
//! across the whole review, so a link can point at any kind of record.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use smol_str::SmolStr;

/// The identifier of one record in a review.
///
/// Ids are short and copied into every link, selection and report line,
/// so the text is kept inline (up to 23 bytes) or shared: a clone never
/// allocates. In the review file an id is a plain string.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Id(pub SmolStr);

impl Id {
    /// Wraps a string as an id.
    pub fn new(text: impl AsRef<str>) -> Id {
        Id(SmolStr::new(text))
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
        Id(SmolStr::new(text))
    }
}

impl From<String> for Id {
    fn from(text: String) -> Self {
        Id(SmolStr::from(text))
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Text;
        impl serde::de::Visitor<'_> for Text {
            type Value = Id;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an id (a string such as \"E3\")")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Id, E> {
                Ok(Id::from(text))
            }
        }
        deserializer.deserialize_str(Text)
    }
}
