//! Where a review file comes from: the revisions it descends from.
//!
//! Every time Foresight writes a review file it records, at the end of the
//! file, the file's own revision (a hash of its content, see
//! `store::content_id`, and when it was saved) after the revisions of the
//! file it was opened from. Two reviewers' copies of one review then share
//! the revisions up to the moment they parted, and a merge can tell which
//! earlier copy is their common ancestor, or that one copy already holds
//! all of the other.

use serde::{Deserialize, Serialize};

/// How many revisions a file keeps: the most recent ones. Enough for the
/// saves of weeks of drafting between two merges.
pub const KEPT_REVISIONS: usize = 64;

/// One saved state of a review file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revision {
    /// The hash of the file's content (without its revisions), in
    /// hexadecimal.
    pub id: String,
    /// When it was saved, in UTC (`2026-12-04T14:02:11Z`), or empty when not
    /// known (a file written by hand or by an older version of Foresight).
    #[serde(default)]
    pub saved: String,
}

impl Revision {
    /// The first eight characters of the id: enough to tell revisions
    /// apart in a message.
    pub fn short(&self) -> &str {
        self.id.get(..8).unwrap_or(&self.id)
    }

    /// The revision as a person reads it: its short id and when it was
    /// saved.
    pub fn describe(&self) -> String {
        match chrono::DateTime::parse_from_rfc3339(&self.saved) {
            Ok(saved) => format!(
                "revision {} saved {}",
                self.short(),
                saved.format("%-d %b %Y %H:%M UTC")
            ),
            Err(_) => format!("revision {}", self.short()),
        }
    }
}

/// The revisions a review file descends from, oldest first; the last is the
/// file's own.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Lineage {
    revisions: Vec<Revision>,
}

/// How two copies of a review are related.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Relation {
    /// The same revision: nothing to merge.
    Same,
    /// Their copy is a revision ours descends from: ours holds all of it.
    TheirsIsEarlier,
    /// Our copy is a revision theirs descends from: theirs holds all of it.
    OursIsEarlier,
    /// Both were changed since they parted; the latest revision both record
    /// is their common ancestor (`None` when they share none).
    Diverged {
        /// The common ancestor's revision.
        ancestor: Option<Revision>,
    },
}

impl Lineage {
    /// A lineage of these revisions, oldest first.
    pub fn new(revisions: Vec<Revision>) -> Lineage {
        Lineage { revisions }
    }

    /// The revisions, oldest first.
    pub fn revisions(&self) -> &[Revision] {
        &self.revisions
    }

    /// The file's own revision.
    pub fn current(&self) -> Option<&Revision> {
        self.revisions.last()
    }

    /// True when the file descends from (or is) the revision `id`.
    pub fn contains(&self, id: &str) -> bool {
        self.revisions.iter().any(|r| r.id == id)
    }

    /// The lineage of a file whose content has the id `id`, written at
    /// `saved` from a file of this lineage: unchanged when the content is
    /// the same as the current revision's, else with the new revision added
    /// (and the oldest dropped beyond [`KEPT_REVISIONS`]).
    pub fn saved_as(&self, id: &str, saved: &str) -> Lineage {
        if self.current().is_some_and(|r| r.id == id) {
            return self.clone();
        }
        let mut revisions = self.revisions.clone();
        revisions.retain(|r| r.id != id);
        revisions.push(Revision {
            id: id.to_string(),
            saved: saved.to_string(),
        });
        let excess = revisions.len().saturating_sub(KEPT_REVISIONS);
        revisions.drain(..excess);
        Lineage { revisions }
    }

    /// How our copy (this lineage) and theirs are related.
    pub fn relation(&self, theirs: &Lineage) -> Relation {
        match (self.current(), theirs.current()) {
            (Some(o), Some(t)) if o.id == t.id => Relation::Same,
            (_, Some(t)) if self.contains(&t.id) => Relation::TheirsIsEarlier,
            (Some(o), _) if theirs.contains(&o.id) => Relation::OursIsEarlier,
            _ => Relation::Diverged {
                ancestor: self
                    .revisions
                    .iter()
                    .rev()
                    .find(|r| theirs.contains(&r.id))
                    .cloned(),
            },
        }
    }

    /// The lineage of the merge of two copies: the revisions of both, in
    /// the order they were saved (ours first where the order is not known),
    /// the most recent [`KEPT_REVISIONS`] of them.
    pub fn joined(&self, theirs: &Lineage) -> Lineage {
        let mut revisions = self.revisions.clone();
        for revision in &theirs.revisions {
            if self.contains(&revision.id) {
                continue;
            }
            // After every revision saved no later than it; at the end when
            // its time is not known.
            let at = if revision.saved.is_empty() {
                revisions.len()
            } else {
                revisions
                    .iter()
                    .rposition(|r| !r.saved.is_empty() && r.saved <= revision.saved)
                    .map_or(0, |i| i + 1)
            };
            revisions.insert(at, revision.clone());
        }
        let excess = revisions.len().saturating_sub(KEPT_REVISIONS);
        revisions.drain(..excess);
        Lineage { revisions }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn revision(id: &str, saved: &str) -> Revision {
        Revision {
            id: id.into(),
            saved: saved.into(),
        }
    }

    fn lineage(ids: &[&str]) -> Lineage {
        Lineage::new(
            ids.iter()
                .enumerate()
                .map(|(i, id)| revision(id, &format!("2026-12-0{}T10:00:00Z", i + 1)))
                .collect(),
        )
    }

    #[test]
    fn saving_unchanged_content_adds_no_revision() {
        let start = lineage(&["a", "b"]);
        assert_eq!(start.saved_as("b", "2026-12-09T10:00:00Z"), start);
        let next = start.saved_as("c", "2026-12-09T10:00:00Z");
        assert_eq!(next.current().unwrap().id, "c");
        assert_eq!(next.revisions().len(), 3);
    }

    #[test]
    fn only_the_most_recent_revisions_are_kept() {
        let mut lineage = Lineage::default();
        for i in 0..KEPT_REVISIONS + 10 {
            lineage = lineage.saved_as(&format!("r{i}"), "");
        }
        assert_eq!(lineage.revisions().len(), KEPT_REVISIONS);
        assert_eq!(lineage.revisions()[0].id, "r10");
    }

    #[test]
    fn copies_that_parted_share_their_last_common_revision() {
        let ours = lineage(&["a", "b", "c", "o1", "o2"]);
        let theirs = lineage(&["a", "b", "c", "t1"]);
        assert_eq!(
            ours.relation(&theirs),
            Relation::Diverged {
                ancestor: Some(ours.revisions()[2].clone())
            }
        );
        assert_eq!(
            lineage(&["x"]).relation(&lineage(&["y"])),
            Relation::Diverged { ancestor: None }
        );
    }

    #[test]
    fn a_copy_that_holds_the_other_is_not_a_divergence() {
        let earlier = lineage(&["a", "b"]);
        let later = lineage(&["a", "b", "c"]);
        assert_eq!(later.relation(&earlier), Relation::TheirsIsEarlier);
        assert_eq!(earlier.relation(&later), Relation::OursIsEarlier);
        assert_eq!(later.relation(&later), Relation::Same);
    }

    #[test]
    fn a_joined_lineage_holds_both_in_the_order_they_were_saved() {
        let ours = Lineage::new(vec![
            revision("a", "2026-12-01T10:00:00Z"),
            revision("o", "2026-12-03T10:00:00Z"),
        ]);
        let theirs = Lineage::new(vec![
            revision("a", "2026-12-01T10:00:00Z"),
            revision("t", "2026-12-02T10:00:00Z"),
        ]);
        let joined = ours.joined(&theirs);
        let ids: Vec<&str> = joined.revisions().iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["a", "t", "o"]);
        assert_eq!(
            joined.relation(&theirs),
            Relation::TheirsIsEarlier,
            "the merge descends from both copies"
        );
    }

    #[test]
    fn a_revision_is_described_by_its_short_id_and_time() {
        assert_eq!(
            revision("0123456789abcdef", "2026-12-04T14:02:11Z").describe(),
            "revision 01234567 saved 4 Dec 2026 14:02 UTC"
        );
        assert_eq!(revision("abc", "").describe(), "revision abc");
    }
}
