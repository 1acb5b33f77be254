//! Property tests of the three-way merge of review files, starting from
//! the bundled worked example or a generated review of a random size and
//! seed: two reviewers' edits that do not conflict
//! (different records retitled, records added with ids both picked,
//! different records deleted) merge into exactly the review that applying
//! both reviewers' edits one after the other gives, in either order;
//! merging a copy with itself or with its ancestor gives it back; and the
//! merge of any two valid copies, conflicting or not, is valid.

use std::collections::HashMap;

use foresight::edit::{Change, Edit, delete_record};
use foresight::examples::worked_case;
use foresight::generate::{Size, synthetic_review};
use foresight::merge::{merge, merge_without_base};
use foresight::model::*;
use foresight::taxonomy::Taxonomy;
use foresight::validate::validate;
use proptest::prelude::*;

/// What one reviewer does to one record.
#[derive(Debug, Clone)]
enum Action {
    /// Gives it a new title (statement, name, text).
    Retitle(String),
    /// Deletes it with everything that refers to it.
    Delete,
}

/// One reviewer's work: actions on records (by their place in the list of
/// candidates) and contributing factors added, each linked to the first
/// episode.
#[derive(Debug, Clone)]
struct Work {
    actions: Vec<(usize, Action)>,
    added: Vec<String>,
}

/// The records a reviewer may retitle, and whether each may be deleted
/// (not the first episode, which added factors link to; not variables,
/// which named loops need).
fn candidates(review: &Review) -> Vec<(Id, bool)> {
    let first_episode = review.episodes[0].id.clone();
    let mut out: Vec<(Id, bool)> = Vec::new();
    out.extend(
        review
            .episodes
            .iter()
            .map(|e| (e.id.clone(), e.id != first_episode)),
    );
    out.extend(review.factors.iter().map(|f| (f.id.clone(), true)));
    out.extend(review.conditions.iter().map(|c| (c.id.clone(), true)));
    out.extend(review.findings.iter().map(|f| (f.id.clone(), true)));
    out.extend(review.variables.iter().map(|v| (v.id.clone(), false)));
    out.extend(
        review
            .chronology
            .iter()
            .take(12)
            .map(|e| (e.id.clone(), true)),
    );
    out
}

/// The record with its title replaced.
fn retitled(review: &Review, id: &Id, title: &str) -> Record {
    let title = title.to_string();
    match review.record(id).expect("a candidate exists") {
        Record::Episode(mut e) => {
            e.title = title;
            Record::Episode(e)
        }
        Record::Factor(mut f) => {
            f.statement = title;
            Record::Factor(f)
        }
        Record::Condition(mut c) => {
            c.statement = title;
            Record::Condition(c)
        }
        Record::Finding(mut f) => {
            f.title = title;
            Record::Finding(f)
        }
        Record::Variable(mut v) => {
            v.name = title;
            Record::Variable(v)
        }
        Record::Entry(mut e) => {
            e.text = title;
            Record::Entry(e)
        }
        other => other,
    }
}

/// A step of a reviewer's work as it can be replayed on another copy.
// Steps are few and short-lived: not worth boxing the record.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone)]
enum Step {
    Put(Record),
    /// A new title for the record as it is when the step is replayed (not
    /// the whole record as it was: the other side may have changed its
    /// other fields, as a deletion elsewhere drops its references).
    Retitle(Id, String),
    Delete(Id),
}

fn apply(review: &mut Review, step: &Step) {
    let change = match step {
        Step::Put(record) => Change::many("put", vec![Edit::Put(record.clone())]),
        Step::Retitle(id, title) => {
            Change::many("retitle", vec![Edit::Put(retitled(review, id, title))])
        }
        Step::Delete(id) => match delete_record(review, id) {
            Some(change) => change,
            None => return,
        },
    };
    change.apply(review).expect("a valid edit");
}

/// Does the work on a copy of `base`: the copy and the steps taken.
fn perform(base: &Review, work: &Work) -> (Review, Vec<Step>) {
    let list = candidates(base);
    let mut review = base.clone();
    let mut steps = Vec::new();
    for (index, action) in &work.actions {
        let (id, deletable) = &list[index % list.len()];
        if review.kind_of(id).is_none() {
            continue;
        }
        let step = match action {
            Action::Retitle(title) => Step::Retitle(id.clone(), title.clone()),
            Action::Delete if *deletable => Step::Delete(id.clone()),
            Action::Delete => continue,
        };
        apply(&mut review, &step);
        steps.push(step);
    }
    // A fresh id is one the ancestor never used: `next_id` would give a
    // deleted record's id again, which a merge takes for the same record.
    let fresh = |review: &Review, kind: RecordKind| {
        let number = |r: &Review| r.next_id(kind).number_after(kind.prefix()).unwrap_or(1);
        Id::from(format!(
            "{}{}",
            kind.prefix(),
            number(review).max(number(base))
        ))
    };
    for statement in &work.added {
        let factor = ContributingFactor {
            id: fresh(&review, RecordKind::Factor),
            statement: statement.clone(),
            ..Default::default()
        };
        let link = Link {
            id: fresh(&review, RecordKind::Link),
            from: factor.id.clone(),
            to: review.episodes[0].id.clone(),
            kind: LinkKind::ContributedTo,
            note: String::new(),
        };
        for step in [
            Step::Put(Record::Factor(factor)),
            Step::Put(Record::Link(link)),
        ] {
            apply(&mut review, &step);
            steps.push(step);
        }
    }
    (review, steps)
}

/// The step with the ids the merge renumbered.
fn renamed(step: &Step, renames: &HashMap<Id, Id>) -> Step {
    let new = |id: &Id| renames.get(id).cloned().unwrap_or_else(|| id.clone());
    match step {
        Step::Put(Record::Factor(f)) => Step::Put(Record::Factor(ContributingFactor {
            id: new(&f.id),
            ..f.clone()
        })),
        Step::Put(Record::Link(l)) => Step::Put(Record::Link(Link {
            id: new(&l.id),
            from: new(&l.from),
            to: new(&l.to),
            ..l.clone()
        })),
        other => other.clone(),
    }
}

fn title() -> impl Strategy<Value = String> {
    "[A-Za-z][A-Za-z ,.]{0,30}(\n[a-z ]{1,12})?"
}

fn work(actions: impl Strategy<Value = Vec<(usize, Action)>>) -> impl Strategy<Value = Work> {
    (actions, prop::collection::vec(title(), 0..3))
        .prop_map(|(actions, added)| Work { actions, added })
}

/// Actions on any candidate.
fn any_actions() -> impl Strategy<Value = Vec<(usize, Action)>> {
    prop::collection::vec(
        (
            0usize..200,
            prop_oneof![3 => title().prop_map(Action::Retitle), 1 => Just(Action::Delete)],
        ),
        0..8,
    )
}

/// The review both reviewers start from.
#[derive(Debug, Clone, Copy)]
enum Ancestor {
    /// The bundled worked example.
    WorkedCase,
    /// A generated review with this many episodes, from this seed.
    Generated { episodes: usize, seed: u64 },
}

impl Ancestor {
    fn review(self) -> Review {
        match self {
            Ancestor::WorkedCase => worked_case(),
            Ancestor::Generated { episodes, seed } => {
                synthetic_review(Size::for_episodes(episodes), seed)
            }
        }
    }
}

fn ancestor() -> impl Strategy<Value = Ancestor> {
    prop_oneof![
        Just(Ancestor::WorkedCase),
        (2usize..12, any::<u64>())
            .prop_map(|(episodes, seed)| Ancestor::Generated { episodes, seed }),
    ]
}

/// The two reviewers' work made disjoint for `base`: ours on candidates at
/// even places, theirs on odd ones.
fn disjoint(base: &Review, mut ours: Work, mut theirs: Work) -> (Work, Work) {
    let count = candidates(base).len();
    for (index, _) in &mut ours.actions {
        *index = (*index % count) & !1;
    }
    for (index, _) in &mut theirs.actions {
        *index = ((*index % count) | 1).min(count - 1 - (count % 2 == 1) as usize);
    }
    (ours, theirs)
}

fn problems(review: &Review) -> Vec<String> {
    let taxonomy = Taxonomy::built_in(&review.meta.taxonomy);
    validate(review, taxonomy.as_ref())
        .iter()
        .map(|p| p.to_string())
        .collect()
}

/// The merge of two reviewers' disjoint work on `base` is clean and equals
/// applying both reviewers' steps one after the other, in either order.
fn merges_into_both_sequences_applied(
    base: &Review,
    ours_work: &Work,
    theirs_work: &Work,
) -> Result<(), TestCaseError> {
    let base = base.clone();
    let (ours, ours_steps) = perform(&base, ours_work);
    let (theirs, theirs_steps) = perform(&base, theirs_work);
    for (first, first_steps, second, second_steps) in [
        (&ours, &ours_steps, &theirs, &theirs_steps),
        (&theirs, &theirs_steps, &ours, &ours_steps),
    ] {
        let merged = merge(&base, first, second);
        prop_assert!(merged.is_clean(), "{:#?}", merged.conflicts);
        let renames: HashMap<Id, Id> = merged.renumbered.iter().cloned().collect();
        for new in renames.values() {
            prop_assert!(base.kind_of(new).is_none() && first.kind_of(new).is_none());
        }
        let mut expected = base.clone();
        for step in first_steps {
            apply(&mut expected, step);
        }
        for step in second_steps {
            apply(&mut expected, &renamed(step, &renames));
        }
        prop_assert_eq!(&merged.review, &expected);
        prop_assert_eq!(problems(&merged.review), Vec::<String>::new());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn edits_that_do_not_conflict_merge_into_both_sequences_applied(
        ancestor in ancestor(),
        ours_work in work(any_actions()),
        theirs_work in work(any_actions()),
    ) {
        let base = ancestor.review();
        let (ours_work, theirs_work) = disjoint(&base, ours_work, theirs_work);
        merges_into_both_sequences_applied(&base, &ours_work, &theirs_work)?;
    }

    #[test]
    fn a_copy_merged_with_itself_or_its_ancestor_is_unchanged(ancestor in ancestor(), work in work(any_actions())) {
        let base = ancestor.review();
        let (copy, _) = perform(&base, &work);
        for merged in [
            merge(&base, &copy, &copy),
            merge(&base, &copy, &base),
            merge(&base, &base, &copy),
            merge(&copy, &copy, &copy),
            merge_without_base(&copy, &copy),
        ] {
            prop_assert!(merged.is_clean());
            prop_assert_eq!(&merged.review, &copy);
        }
    }

    #[test]
    fn the_merge_of_two_valid_copies_is_valid(
        ancestor in ancestor(),
        ours_work in work(any_actions()),
        theirs_work in work(any_actions()),
    ) {
        let base = ancestor.review();
        let (ours, _) = perform(&base, &ours_work);
        let (theirs, _) = perform(&base, &theirs_work);
        prop_assert_eq!(problems(&ours), Vec::<String>::new());
        prop_assert_eq!(problems(&theirs), Vec::<String>::new());
        let merged = merge(&base, &ours, &theirs);
        prop_assert_eq!(problems(&merged.review), Vec::<String>::new());
        prop_assert_eq!(&merged.review.meta.conflicts, &merged.conflicts);
        let blind = merge_without_base(&ours, &theirs);
        prop_assert_eq!(problems(&blind.review), Vec::<String>::new());
        let mut kept = blind.review.clone();
        kept.meta.conflicts = ours.meta.conflicts.clone();
        prop_assert_eq!(&kept, &ours);
        prop_assert_eq!(&blind.review.meta.conflicts, &blind.conflicts);
        prop_assert_eq!(blind.is_clean(), ours == theirs);
    }
}

#[test]
fn the_same_title_changed_differently_is_one_conflict_that_keeps_ours() {
    let base = worked_case();
    let id = base.episodes[1].id.clone();
    let mut ours = base.clone();
    ours.episodes[1].title = "Ours".into();
    let mut theirs = base.clone();
    theirs.episodes[1].title = "Theirs".into();
    let merged = merge(&base, &ours, &theirs);
    assert_eq!(
        merged.conflicts,
        vec![MergeConflict {
            record: Some(id),
            field: "title".into(),
            base: Some(base.episodes[1].title.clone()),
            ours: Some("Ours".into()),
            theirs: Some("Theirs".into()),
        }]
    );
    assert_eq!(merged.review.episodes[1].title, "Ours");
    assert_eq!(merged.review.meta.conflicts, merged.conflicts);
}

/// A case proptest once found: the first episode retitled on one side and
/// a record deleted on the other.
#[test]
fn a_retitled_episode_merges_with_a_deletion_elsewhere() {
    let ours = Work {
        actions: vec![(0, Action::Retitle("a".into()))],
        added: vec![],
    };
    let theirs = Work {
        actions: vec![(67, Action::Delete)],
        added: vec![],
    };
    merges_into_both_sequences_applied(&worked_case(), &ours, &theirs).unwrap();
}

/// A case proptest once found: one side deletes an episode, the other a
/// chronology entry of that episode (which drops it from the episode's
/// entries): the episode is deleted, not a conflict.
#[test]
fn an_episode_deleted_merges_with_the_deletion_of_one_of_its_entries() {
    let ours = Work {
        actions: vec![(2, Action::Delete)],
        added: vec![],
    };
    let theirs = Work {
        actions: vec![(71, Action::Delete)],
        added: vec![],
    };
    merges_into_both_sequences_applied(&worked_case(), &ours, &theirs).unwrap();
}
