//! One type over every kind of record, so that edits, lookups and id
//! allocation are written once rather than once per collection.

use serde::{Deserialize, Serialize};

use super::*;

macro_rules! record_kinds {
    ($( $variant:ident : $ty:ty, $field:ident, $prefix:literal, $label:literal; )*) => {
        /// The kinds of record a review holds.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum RecordKind {
            $(
                #[doc = concat!("A ", $label, ".")]
                $variant,
            )*
        }

        impl RecordKind {
            /// Every kind, in file order.
            pub const ALL: &'static [RecordKind] = &[$(RecordKind::$variant),*];

            /// The prefix of generated ids of this kind, e.g. `E` for episodes.
            pub fn prefix(self) -> &'static str {
                match self { $(RecordKind::$variant => $prefix,)* }
            }

            /// A lower-case name for messages, e.g. "practice episode".
            pub fn label(self) -> &'static str {
                match self { $(RecordKind::$variant => $label,)* }
            }
        }

        /// Any one record of a review.
        // Records are built one at a time for an edit and moved once into
        // their collection, so the size of the largest kind costs nothing
        // worth boxing for.
        #[allow(clippy::large_enum_variant)]
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        pub enum Record {
            $(
                #[doc = concat!("A ", $label, ".")]
                $variant($ty),
            )*
        }

        impl Record {
            /// The record's id.
            pub fn id(&self) -> &Id {
                match self { $(Record::$variant(r) => &r.id,)* }
            }

            /// The record's kind.
            pub fn kind(&self) -> RecordKind {
                match self { $(Record::$variant(_) => RecordKind::$variant,)* }
            }
        }

        impl Review {
            /// The ids of every record of one kind, in file order.
            pub fn ids_of(&self, kind: RecordKind) -> Vec<Id> {
                match kind { $(RecordKind::$variant => self.$field.iter().map(|r| r.id.clone()).collect(),)* }
            }

            /// How many records of one kind the review holds.
            pub fn count_of(&self, kind: RecordKind) -> usize {
                match kind { $(RecordKind::$variant => self.$field.len(),)* }
            }

            /// The position of a record within its collection.
            pub fn index_of(&self, kind: RecordKind, id: &Id) -> Option<usize> {
                match kind { $(RecordKind::$variant => self.$field.iter().position(|r| &r.id == id),)* }
            }

            /// A copy of the record with this id, of whatever kind.
            pub fn record(&self, id: &Id) -> Option<Record> {
                let (kind, at) = self.locate(id)?;
                self.record_at(kind, at)
            }

            /// The record at a position of its collection.
            pub fn record_at(&self, kind: RecordKind, index: usize) -> Option<Record> {
                match kind { $(RecordKind::$variant => self.$field.get(index).cloned().map(Record::$variant),)* }
            }

            /// Inserts a record at a position (clamped to the collection's end).
            pub(crate) fn insert_record(&mut self, index: usize, record: Record) {
                match record {
                    $(Record::$variant(r) => {
                        let index = index.min(self.$field.len());
                        self.$field.insert(index, r);
                    })*
                }
            }

            /// Appends a record to the end of its collection.
            pub(crate) fn push_record(&mut self, record: Record) {
                match record {
                    $(Record::$variant(r) => self.$field.push(r),)*
                }
            }

            /// Removes the last `count` records of a kind, returning them in
            /// order, or `None` (changing nothing) when there are fewer.
            pub(crate) fn pop_records(&mut self, kind: RecordKind, count: usize) -> Option<Vec<Record>> {
                match kind {
                    $(RecordKind::$variant => {
                        let at = self.$field.len().checked_sub(count)?;
                        Some(self.$field.split_off(at).into_iter().map(Record::$variant).collect())
                    })*
                }
            }

            /// Replaces the record with the same id, returning the old one, or
            /// returns `None` and changes nothing when there is none.
            pub(crate) fn replace_record(&mut self, record: Record) -> Option<Record> {
                match record {
                    $(Record::$variant(r) => {
                        let slot = self.$field.iter_mut().find(|x| x.id == r.id)?;
                        Some(Record::$variant(std::mem::replace(slot, r)))
                    })*
                }
            }

            /// Removes a record, returning its position and value.
            pub(crate) fn remove_record(&mut self, kind: RecordKind, id: &Id) -> Option<(usize, Record)> {
                match kind {
                    $(RecordKind::$variant => {
                        let index = self.$field.iter().position(|r| &r.id == id)?;
                        Some((index, Record::$variant(self.$field.remove(index))))
                    })*
                }
            }

            /// Moves a record within its collection, returning its old position.
            pub(crate) fn move_record(&mut self, kind: RecordKind, id: &Id, to: usize) -> Option<usize> {
                match kind {
                    $(RecordKind::$variant => {
                        let from = self.$field.iter().position(|r| &r.id == id)?;
                        let r = self.$field.remove(from);
                        let to = to.min(self.$field.len());
                        self.$field.insert(to, r);
                        Some(from)
                    })*
                }
            }

            /// The kind of the record with this id, if there is one.
            pub fn kind_of(&self, id: &Id) -> Option<RecordKind> {
                self.locate(id).map(|(kind, _)| kind)
            }

            /// Every id in the review with its kind, in file order.
            pub fn all_ids(&self) -> Vec<(Id, RecordKind)> {
                let mut out = Vec::new();
                $( out.extend(self.$field.iter().map(|r| (r.id.clone(), RecordKind::$variant))); )*
                out
            }
        }
    };
}

record_kinds! {
    Person: Person, people, "P", "person";
    Agency: Agency, agencies, "A", "agency";
    Place: Place, places, "PL", "place";
    Entry: ChronologyEntry, chronology, "C", "chronology entry";
    Episode: PracticeEpisode, episodes, "E", "practice episode";
    Factor: ContributingFactor, factors, "F", "contributing factor";
    Condition: LatentCondition, conditions, "LC", "latent condition";
    Finding: Finding, findings, "FN", "finding";
    Variable: Variable, variables, "V", "causal loop variable";
    Link: Link, links, "K", "link";
    NamedLoop: NamedLoop, named_loops, "NL", "named loop";
    Diagram: Diagram, diagrams, "D", "diagram";
}

impl Review {
    /// A fresh id for a new record of this kind: the kind's prefix and one
    /// more than the highest number in use with that prefix.
    pub fn next_id(&self, kind: RecordKind) -> Id {
        let prefix = kind.prefix();
        let highest = self
            .ids_of(kind)
            .iter()
            .filter_map(|id| id.number_after(prefix))
            .max()
            .unwrap_or(0);
        Id::from(format!("{prefix}{}", highest + 1))
    }

    /// A short human name for any record: a person's pseudonym and name, an
    /// episode's title, a factor's statement, a variable's name…
    pub fn title_of(&self, id: &Id) -> String {
        match self
            .locate(id)
            .and_then(|(kind, at)| self.title_at(kind, at))
        {
            Some(title) => title,
            None => format!("(missing {id})"),
        }
    }

    /// The kind of the record with this id and its position in its
    /// collection. An id's letters name its kind (`V12` a variable): that
    /// collection is searched first, not every collection in turn (a
    /// chronology of 20,000 entries), then the others, in file order.
    pub fn locate(&self, id: &Id) -> Option<(RecordKind, usize)> {
        let letters = id.as_str().trim_end_matches(|c: char| c.is_ascii_digit());
        let by_prefix = RecordKind::ALL
            .iter()
            .find(|kind| kind.prefix() == letters)
            .copied();
        if let Some(kind) = by_prefix
            && let Some(at) = self.index_of(kind, id)
        {
            return Some((kind, at));
        }
        RecordKind::ALL
            .iter()
            .filter(|&&kind| Some(kind) != by_prefix)
            .find_map(|&kind| Some((kind, self.index_of(kind, id)?)))
    }

    /// The title of the record of `kind` at `index` in its collection (as
    /// [`title_of`](Self::title_of) gives it), read in place.
    pub fn title_at(&self, kind: RecordKind, index: usize) -> Option<String> {
        Some(match kind {
            RecordKind::Person => self.people.get(index)?.name.clone(),
            RecordKind::Agency => self.agencies.get(index)?.name.clone(),
            RecordKind::Place => self.places.get(index)?.name.clone(),
            RecordKind::Entry => {
                let e = self.chronology.get(index)?;
                format!("{} {}", e.date.human(), e.text)
            }
            RecordKind::Episode => self.episodes.get(index)?.title.clone(),
            RecordKind::Factor => self.factors.get(index)?.statement.clone(),
            RecordKind::Condition => self.conditions.get(index)?.statement.clone(),
            RecordKind::Finding => self.findings.get(index)?.title.clone(),
            RecordKind::Variable => self.variables.get(index)?.name.clone(),
            RecordKind::Link => {
                let l = self.links.get(index)?;
                format!("{} → {}", self.title_of(&l.from), self.title_of(&l.to))
            }
            RecordKind::NamedLoop => self.named_loops.get(index)?.name.clone(),
            RecordKind::Diagram => self.diagrams.get(index)?.name.clone(),
        })
    }

    /// Every record of a kind with its title, in file order: for pickers
    /// and lists, without looking each record up by its id.
    pub fn titles_of(&self, kind: RecordKind) -> Vec<(Id, String)> {
        let ids = self.ids_of(kind);
        ids.into_iter()
            .enumerate()
            .filter_map(|(at, id)| Some((id, self.title_at(kind, at)?)))
            .collect()
    }

    /// The links that start or end at a record.
    pub fn links_touching<'a>(&'a self, id: &'a Id) -> impl Iterator<Item = &'a Link> + 'a {
        self.links
            .iter()
            .filter(move |l| &l.from == id || &l.to == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_id_follows_the_highest_number_of_its_kind() {
        let mut review = Review::new("t");
        assert_eq!(review.next_id(RecordKind::Factor), Id::from("F1"));
        review.factors.push(ContributingFactor {
            id: Id::from("F7"),
            ..Default::default()
        });
        review.findings.push(Finding {
            id: Id::from("FN9"),
            ..Default::default()
        });
        assert_eq!(review.next_id(RecordKind::Factor), Id::from("F8"));
        assert_eq!(review.next_id(RecordKind::Finding), Id::from("FN10"));
        assert_eq!(review.next_id(RecordKind::Place), Id::from("PL1"));
    }

    #[test]
    fn records_are_found_by_id_whatever_their_kind() {
        let mut review = Review::new("t");
        review.variables.push(Variable {
            id: Id::from("V1"),
            name: "Errors".into(),
            ..Default::default()
        });
        assert_eq!(review.kind_of(&Id::from("V1")), Some(RecordKind::Variable));
        assert_eq!(review.title_of(&Id::from("V1")), "Errors");
        assert_eq!(review.kind_of(&Id::from("V2")), None);
    }

    #[test]
    fn an_id_is_found_by_its_letters_first_and_in_any_collection_after() {
        let review = crate::examples::worked_case();
        for (id, kind) in review.all_ids() {
            let at = review.index_of(kind, &id).unwrap();
            assert_eq!(review.locate(&id), Some((kind, at)), "{id}");
            assert_eq!(review.kind_of(&id), Some(kind));
            assert_eq!(review.record(&id).map(|r| r.kind()), Some(kind));
            assert_eq!(review.title_at(kind, at).unwrap(), review.title_of(&id));
        }
        // An imported id whose letters name no kind, or another kind.
        let mut review = Review::new("t");
        review.factors.push(ContributingFactor {
            id: Id::from("X-17"),
            statement: "Imported".into(),
            ..Default::default()
        });
        review.variables.push(Variable {
            id: Id::from("E4"),
            name: "Named like an episode".into(),
            ..Default::default()
        });
        assert_eq!(
            review.locate(&Id::from("X-17")),
            Some((RecordKind::Factor, 0))
        );
        assert_eq!(review.title_of(&Id::from("X-17")), "Imported");
        assert_eq!(review.kind_of(&Id::from("E4")), Some(RecordKind::Variable));
        assert_eq!(review.title_of(&Id::from("E4")), "Named like an episode");
        assert_eq!(review.title_of(&Id::from("E5")), "(missing E5)");
        assert_eq!(
            review.titles_of(RecordKind::Variable),
            vec![(Id::from("E4"), "Named like an episode".to_string())]
        );
    }
}
