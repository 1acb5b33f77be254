//! Regular expressions compiled for searching long records.
//!
//! The anonymiser's and the date reader's patterns are searched over every
//! field of a review, tens of megabytes for a long chronology. The regex
//! crate searches with a lazily built automaton whose states it keeps in a
//! cache of bounded size; at the default size (a few megabytes) the larger
//! patterns (dates in every written form, the identifier shapes searched as
//! one set) fill it within a few records, and every time it is cleared the
//! states are built again, which measured six times slower than searching
//! with a cache large enough to keep them. The cache is per thread and only
//! grows as far as a pattern needs.

use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};

/// The most each search cache may hold, in bytes.
const CACHE_LIMIT: usize = 64 << 20;

/// `pattern` compiled with a search cache large enough for long records.
///
/// # Errors
/// When the pattern is not a valid regular expression.
pub fn compile(pattern: &str) -> Result<Regex, regex::Error> {
    RegexBuilder::new(pattern)
        .dfa_size_limit(CACHE_LIMIT)
        .build()
}

/// `patterns` compiled as one set with a search cache large enough for
/// long records.
///
/// # Errors
/// When a pattern is not a valid regular expression.
pub fn compile_set<I, S>(patterns: I) -> Result<RegexSet, regex::Error>
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    RegexSetBuilder::new(patterns)
        .dfa_size_limit(CACHE_LIMIT)
        .build()
}
