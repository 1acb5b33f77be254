//! Structural checks of a review: every reference points at a record of the
//! right kind, ids are unique, links join the kinds of record they are meant
//! to join, named loops are still loops, and categories exist in the review's
//! taxonomy. (Publication checks, such as untagged findings, belong to
//! `foresight check`.)

use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::analysis::loops::{NamedLoopState, named_loop_state};
use crate::model::{Id, LinkKind, RecordKind, Review};
use crate::taxonomy::Taxonomy;

/// One problem found in a review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The record the problem is in, when there is one.
    pub record: Option<Id>,
    /// What is wrong, in words a reviewer understands.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.record {
            Some(id) => write!(f, "{id}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// The kinds of record a link of each kind may start and end at.
pub fn link_ends(kind: LinkKind) -> (&'static [RecordKind], &'static [RecordKind]) {
    use RecordKind::*;
    match kind {
        LinkKind::ContributedTo => (&[Factor, Condition], &[Episode, Factor]),
        LinkKind::Underlies => (&[Condition], &[Factor, Condition]),
        LinkKind::Evidences => (&[Episode, Factor, Condition, Variable, Entry], &[Finding]),
        LinkKind::Causal { .. } => (
            &[Variable, Factor, Condition],
            &[Variable, Factor, Condition],
        ),
    }
}

/// The link kind that fits two records, for tools that draw links by
/// dragging from one node to another: `None` for causal links (the user
/// must choose S or O) and for pairs no kind fits.
pub fn suggested_link_kind(from: RecordKind, to: RecordKind) -> Option<LinkKind> {
    [
        LinkKind::Underlies,
        LinkKind::ContributedTo,
        LinkKind::Evidences,
    ]
    .into_iter()
    .find(|&kind| {
        let (starts, ends) = link_ends(kind);
        starts.contains(&from) && ends.contains(&to)
    })
}

/// The conflicts a merge left unresolved in the review, one problem each:
/// where, and both values. They are not structural problems (the merged
/// review holds our value meanwhile), but `foresight validate` reports
/// them and publication waits until every one is resolved.
pub fn unresolved_conflicts(review: &Review) -> Vec<Problem> {
    let short = |value: &Option<String>| match value {
        None => "(absent)".to_string(),
        Some(text) if text.chars().count() > 80 => {
            format!("\"{}…\"", text.chars().take(80).collect::<String>())
        }
        Some(text) => format!("\"{text}\""),
    };
    review
        .meta
        .conflicts
        .iter()
        .map(|c| Problem {
            record: c.record.clone(),
            message: format!(
                "unresolved merge conflict in {}: ours {}, theirs {}",
                match (&c.record, c.field.is_empty()) {
                    (Some(_), true) => "the whole record".to_string(),
                    (Some(_), false) => c.field.clone(),
                    (None, true) => "the review details".to_string(),
                    (None, false) => format!("the review details' {}", c.field),
                },
                short(&c.ours),
                short(&c.theirs)
            ),
        })
        .collect()
}

/// Checks a review. `taxonomy` is the review's taxonomy when it could be
/// found; when it is `None`, category checks are replaced by one problem
/// saying the taxonomy is missing.
pub fn validate(review: &Review, taxonomy: Option<&Taxonomy>) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut push = |record: Option<&Id>, message: String| {
        problems.push(Problem {
            record: record.cloned(),
            message,
        })
    };

    let mut kinds: HashMap<Id, RecordKind> = HashMap::new();
    for (id, kind) in review.all_ids() {
        if id.as_str().trim().is_empty() {
            push(None, format!("a {} has an empty id", kind.label()));
        }
        if let Some(previous) = kinds.insert(id.clone(), kind) {
            push(
                Some(&id),
                format!(
                    "the id is used twice (by a {} and a {})",
                    previous.label(),
                    kind.label()
                ),
            );
        }
    }
    let expect = |push: &mut dyn FnMut(Option<&Id>, String),
                  owner: &Id,
                  what: &str,
                  target: &Id,
                  allowed: &[RecordKind]| {
        match kinds.get(target) {
            None => push(Some(owner), format!("{what} {target} does not exist")),
            Some(kind) if !allowed.contains(kind) => push(
                Some(owner),
                format!(
                    "{what} {target} is a {}, not a {}",
                    kind.label(),
                    allowed
                        .iter()
                        .map(|k| k.label())
                        .collect::<Vec<_>>()
                        .join(" or ")
                ),
            ),
            Some(_) => {}
        }
    };

    for person in &review.people {
        if let Some(agency) = &person.agency {
            expect(
                &mut push,
                &person.id,
                "agency",
                agency,
                &[RecordKind::Agency],
            );
        }
    }
    for entry in &review.chronology {
        if let Some(agency) = &entry.agency {
            expect(
                &mut push,
                &entry.id,
                "agency",
                agency,
                &[RecordKind::Agency],
            );
        }
        for person in &entry.people {
            expect(
                &mut push,
                &entry.id,
                "person",
                person,
                &[RecordKind::Person],
            );
        }
    }
    for episode in &review.episodes {
        for entry in &episode.entries {
            expect(
                &mut push,
                &episode.id,
                "chronology entry",
                entry,
                &[RecordKind::Entry],
            );
        }
        for person in &episode.people {
            expect(
                &mut push,
                &episode.id,
                "person",
                person,
                &[RecordKind::Person],
            );
        }
        if let (Some(start), Some(end)) = (episode.start, episode.end)
            && end.wholly_before(&start)
        {
            push(
                Some(&episode.id),
                format!(
                    "the episode ends ({}) before it starts ({})",
                    end.human(),
                    start.human()
                ),
            );
        }
    }
    if let Some(period) = review.meta.period
        && period.end.wholly_before(&period.start)
    {
        push(
            None,
            "the period under review ends before it starts".to_string(),
        );
    }

    let mut seen_links = HashSet::new();
    for link in &review.links {
        let (starts, ends) = link_ends(link.kind);
        expect(&mut push, &link.id, "link start", &link.from, starts);
        expect(&mut push, &link.id, "link end", &link.to, ends);
        if link.from == link.to && !matches!(link.kind, LinkKind::Causal { .. }) {
            push(
                Some(&link.id),
                "the link starts and ends at the same record".to_string(),
            );
        }
        if !seen_links.insert((&link.from, &link.to, link.kind)) {
            push(
                Some(&link.id),
                format!(
                    "a second {} link from {} to {}",
                    link.kind.label(),
                    link.from,
                    link.to
                ),
            );
        }
    }

    for named in &review.named_loops {
        for finding in &named.findings {
            expect(
                &mut push,
                &named.id,
                "finding",
                finding,
                &[RecordKind::Finding],
            );
        }
        match named_loop_state(review, named) {
            NamedLoopState::Empty => push(
                Some(&named.id),
                format!("the loop \"{}\" names no variables", named.name),
            ),
            NamedLoopState::Broken { from, to } => push(
                Some(&named.id),
                format!(
                    "the loop \"{}\" is broken: there is no causal link from {} to {}",
                    named.name,
                    review.title_of(&from),
                    review.title_of(&to)
                ),
            ),
            NamedLoopState::Intact { .. } => {}
        }
    }

    for diagram in &review.diagrams {
        let mut on_diagram = HashSet::new();
        for node in &diagram.nodes {
            if !node.x.is_finite() || !node.y.is_finite() {
                push(
                    Some(&diagram.id),
                    format!("{} has no valid position", node.item),
                );
            }
            if !on_diagram.insert(&node.item) {
                push(Some(&diagram.id), format!("{} is placed twice", node.item));
            }
            match kinds.get(&node.item) {
                None => push(
                    Some(&diagram.id),
                    format!("node {} does not exist", node.item),
                ),
                Some(RecordKind::Link | RecordKind::Diagram | RecordKind::NamedLoop) => push(
                    Some(&diagram.id),
                    format!("{} cannot be drawn as a node", node.item),
                ),
                Some(_) => {}
            }
        }
        for (number, stage) in diagram.stages.iter().enumerate() {
            for item in &stage.reveal {
                match kinds.get(item) {
                    None => push(
                        Some(&diagram.id),
                        format!("stage {} reveals {item}, which does not exist", number + 1),
                    ),
                    Some(RecordKind::Link) => {}
                    Some(_) if !on_diagram.contains(item) => push(
                        Some(&diagram.id),
                        format!(
                            "stage {} reveals {item}, which is not on the diagram",
                            number + 1
                        ),
                    ),
                    Some(_) => {}
                }
            }
        }
    }

    match taxonomy {
        None => push(
            None,
            format!(
                "taxonomy `{}` was not found, so categories were not checked",
                review.meta.taxonomy
            ),
        ),
        Some(taxonomy) => {
            for factor in &review.factors {
                if !factor.level.is_empty() && !taxonomy.levels.iter().any(|l| l.id == factor.level)
                {
                    push(
                        Some(&factor.id),
                        format!(
                            "level `{}` is not in taxonomy `{}`",
                            factor.level, taxonomy.name
                        ),
                    );
                }
                if !factor.category.is_empty()
                    && !taxonomy.categories.iter().any(|c| c.id == factor.category)
                {
                    push(
                        Some(&factor.id),
                        format!(
                            "category `{}` is not in taxonomy `{}`",
                            factor.category, taxonomy.name
                        ),
                    );
                }
            }
            for finding in &review.findings {
                if !finding.category.is_empty()
                    && !taxonomy.patterns.iter().any(|p| p.id == finding.category)
                {
                    push(
                        Some(&finding.id),
                        format!(
                            "pattern `{}` is not in taxonomy `{}`",
                            finding.category, taxonomy.name
                        ),
                    );
                }
            }
        }
    }
    problems.extend(action_plan_problems(review, &kinds));
    problems
}

/// The problems of the findings' responses and action plans: an action's
/// id missing or used twice, a response "not accepted" or an action
/// dropped without a reason, and, once the review is in quality assurance
/// or published, an action without what will be done, an owner or a due
/// date. `records` are the ids of the review's records.
fn action_plan_problems(review: &Review, records: &HashMap<Id, RecordKind>) -> Vec<Problem> {
    use crate::model::{ActionStatus, ResponseDecision, ReviewStage};
    let mut problems = Vec::new();
    let publishing = matches!(
        review.meta.stage,
        ReviewStage::QualityAssurance | ReviewStage::Published
    );
    let mut seen: HashSet<&Id> = HashSet::new();
    for finding in &review.findings {
        let mut push = |message: String| {
            problems.push(Problem {
                record: Some(finding.id.clone()),
                message,
            })
        };
        if finding.response.decision == ResponseDecision::NotAccepted
            && finding.response.reason.trim().is_empty()
        {
            push(
                "the partnership's response is \"not accepted\" but gives no reason: say why"
                    .to_string(),
            );
        }
        for action in &finding.actions {
            let id = &action.id;
            if id.as_str().trim().is_empty() {
                push("an action has an empty id".to_string());
            } else if let Some(kind) = records.get(id) {
                push(format!(
                    "action {id} has the id of a {}: give it another",
                    kind.label()
                ));
            } else if !seen.insert(id) {
                push(format!("the action id {id} is used twice"));
            }
            if action.status == ActionStatus::Dropped && action.dropped_reason.trim().is_empty() {
                push(format!(
                    "action {id} is dropped but gives no reason: say why it was dropped"
                ));
            }
            if publishing {
                if action.what.trim().is_empty() {
                    push(format!("action {id} does not say what will be done"));
                }
                if action.owner.trim().is_empty() {
                    push(format!(
                        "action {id} has no owner: name the partnership member responsible"
                    ));
                }
                if action.due.is_none() && action.status.is_open() {
                    push(format!("action {id} has no due date"));
                }
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    #[test]
    fn dangling_and_mistyped_references_are_reported() {
        let mut review = Review::new("t");
        review.variables.push(Variable {
            id: Id::from("V1"),
            name: "A".into(),
            ..Default::default()
        });
        review.factors.push(ContributingFactor {
            id: Id::from("F1"),
            category: "nonsense".into(),
            ..Default::default()
        });
        review.links.push(Link {
            id: Id::from("K1"),
            from: Id::from("V1"),
            to: Id::from("V9"),
            kind: LinkKind::Evidences,
            note: String::new(),
        });
        review.links.push(Link {
            id: Id::from("K2"),
            from: Id::from("F1"),
            to: Id::from("V1"),
            kind: LinkKind::Underlies,
            note: String::new(),
        });
        review.findings.push(Finding {
            id: Id::from("V1"),
            ..Default::default()
        });
        let taxonomy = Taxonomy::built_in("learning-together").unwrap();
        let text: Vec<String> = validate(&review, Some(&taxonomy))
            .iter()
            .map(|p| p.to_string())
            .collect();
        assert!(
            text.iter()
                .any(|t| t == "V1: the id is used twice (by a finding and a causal loop variable)"),
            "{text:?}"
        );
        assert!(
            text.iter().any(|t| t == "K1: link end V9 does not exist"),
            "{text:?}"
        );
        assert!(
            text.iter().any(|t| t
                .starts_with("K2: link start F1 is a contributing factor, not a latent condition")),
            "{text:?}"
        );
        assert!(
            text.iter().any(|t| t.contains("category `nonsense`")),
            "{text:?}"
        );
    }

    #[test]
    fn a_named_loop_without_its_links_is_broken() {
        let mut review = crate::examples::munro_appendix2();
        assert_eq!(
            validate(&review, Taxonomy::built_in("learning-together").as_ref()),
            vec![]
        );
        let first = review.named_loops[0].variables[0].clone();
        review.links.retain(|l| l.from != first);
        let problems = validate(&review, Taxonomy::built_in("learning-together").as_ref());
        assert!(
            problems.iter().any(|p| p.message.contains("is broken")),
            "{problems:?}"
        );
    }

    #[test]
    fn link_kinds_are_suggested_from_the_node_kinds() {
        assert_eq!(
            suggested_link_kind(RecordKind::Factor, RecordKind::Episode),
            Some(LinkKind::ContributedTo)
        );
        assert_eq!(
            suggested_link_kind(RecordKind::Condition, RecordKind::Factor),
            Some(LinkKind::Underlies)
        );
        assert_eq!(
            suggested_link_kind(RecordKind::Episode, RecordKind::Finding),
            Some(LinkKind::Evidences)
        );
        assert_eq!(
            suggested_link_kind(RecordKind::Variable, RecordKind::Variable),
            None
        );
    }

    #[test]
    fn responses_and_actions_are_checked_in_the_reviewers_terms() {
        let taxonomy = Taxonomy::built_in("learning-together");
        let mut review = Review::new("t");
        review.findings.push(Finding {
            id: Id::from("FN1"),
            ..Default::default()
        });
        review.findings[0].response.decision = ResponseDecision::NotAccepted;
        review.findings[0].actions = vec![
            Action {
                id: Id::from("AC1"),
                status: ActionStatus::Dropped,
                ..Default::default()
            },
            Action {
                id: Id::from("AC1"),
                what: "Audit".into(),
                ..Default::default()
            },
            Action {
                id: Id::from("FN1"),
                what: "Train".into(),
                ..Default::default()
            },
        ];
        let messages = |review: &Review| -> Vec<String> {
            validate(review, taxonomy.as_ref())
                .iter()
                .map(ToString::to_string)
                .collect()
        };
        assert_eq!(
            messages(&review),
            [
                "FN1: the partnership's response is \"not accepted\" but gives no reason: say why",
                "FN1: action AC1 is dropped but gives no reason: say why it was dropped",
                "FN1: the action id AC1 is used twice",
                "FN1: action FN1 has the id of a finding: give it another",
            ]
        );
        // Before publication an action may still lack an owner and a date.
        review.findings[0].response.reason = "Already in hand.".into();
        review.findings[0].actions[0].dropped_reason = "Superseded.".into();
        review.findings[0].actions[1].id = Id::from("AC2");
        review.findings[0].actions[2].id = Id::from("AC3");
        assert_eq!(messages(&review), Vec::<String>::new());
        review.meta.stage = ReviewStage::QualityAssurance;
        let said = messages(&review);
        assert!(
            said.contains(
                &"FN1: action AC2 has no owner: name the partnership member responsible"
                    .to_string()
            ),
            "{said:?}"
        );
        assert!(
            said.contains(&"FN1: action AC2 has no due date".to_string()),
            "{said:?}"
        );
        assert!(
            said.contains(&"FN1: action AC1 does not say what will be done".to_string()),
            "{said:?}"
        );
        // A dropped action needs no due date.
        assert!(
            !said.contains(&"FN1: action AC1 has no due date".to_string()),
            "{said:?}"
        );
    }
}
