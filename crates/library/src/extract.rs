//! What the library keeps of a review: the rows drawn from its published
//! review, before any of it is written.

use std::collections::HashMap;

use sha2::{Digest, Sha256};

use super::terms::key_terms;
use foresight_core::model::{Id, LinkKind, Review, ReviewType};
use foresight_core::taxonomy::Taxonomy;

/// The kind of a library item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemKind {
    /// A finding.
    Finding,
    /// A contributing factor.
    Factor,
    /// A latent condition.
    Condition,
    /// A named feedback loop.
    Loop,
}

impl ItemKind {
    /// The kind as stored and printed: "finding", "factor", "condition",
    /// "loop".
    pub fn name(self) -> &'static str {
        match self {
            ItemKind::Finding => "finding",
            ItemKind::Factor => "factor",
            ItemKind::Condition => "condition",
            ItemKind::Loop => "loop",
        }
    }

    /// The kind of a stored name.
    pub fn from_name(name: &str) -> Option<ItemKind> {
        [
            ItemKind::Finding,
            ItemKind::Factor,
            ItemKind::Condition,
            ItemKind::Loop,
        ]
        .into_iter()
        .find(|k| k.name() == name)
    }
}

/// One finding, factor, condition or named loop, as published.
#[derive(Debug, Clone, PartialEq)]
pub struct LibraryItem {
    /// What it is.
    pub kind: ItemKind,
    /// Its id in its review ("FN3").
    pub record: String,
    /// Its title (a finding's title, a loop's name; else empty).
    pub title: String,
    /// Its text: a finding's statement, introduction and systemic
    /// evidence; a factor's or condition's statement; a loop's narrative
    /// and the names of its variables.
    pub body: String,
    /// The taxonomy category it is grouped under: a finding's underlying
    /// pattern, a factor's category, the category most of the factors a
    /// condition underlies fall in, a loop's kind (reinforcing or
    /// balancing, from its label).
    pub category: String,
    /// The category's name in the review's taxonomy (the id when the
    /// taxonomy was not found).
    pub category_label: String,
    /// A finding's tag, a factor's level, a condition's system level, a
    /// loop's variables (names, joined by " → ").
    pub detail: String,
    /// The key terms of its title and text, for grouping by wording.
    pub terms: Vec<String>,
}

/// One action of a published finding.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionRow {
    /// The finding's id.
    pub finding: String,
    /// The action's id.
    pub action: String,
    /// What will be done.
    pub what: String,
    /// Who owns it.
    pub owner: String,
    /// When it is due, as published ("March 2025").
    pub due: Option<String>,
    /// The last day of the due date (ISO), from which it is overdue.
    pub due_by: Option<String>,
    /// Its status in words.
    pub status: String,
    /// Still planned or under way.
    pub open: bool,
}

/// Everything the library keeps of one review.
#[derive(Debug, Clone, PartialEq)]
pub struct LibraryReview {
    /// The stable review id ([`review_id`]).
    pub review_id: String,
    /// The published title.
    pub title: String,
    /// The partnership.
    pub partnership: String,
    /// The last year of the period under review, when recorded.
    pub year: Option<i32>,
    /// The kind of review, in words.
    pub review_type: String,
    /// The file it was added from.
    pub source_path: String,
    /// Its findings, factors, conditions and named loops.
    pub items: Vec<LibraryItem>,
    /// Its findings' actions.
    pub actions: Vec<ActionRow>,
}

/// The stable id of a review in the library: the first 16 bytes, in
/// hexadecimal, of the SHA-256 of its published partnership and title
/// (trimmed, lower-cased, spaces collapsed) and the first revision of the
/// file's lineage (its root: the content id of the oldest revision the file
/// records, see [`foresight_core::model::Lineage`]).
///
/// Why these: the published partnership and title are what a reader knows
/// the review by, they are the same however often the review is
/// anonymised again (pseudonyms are the review's own), and they hold no
/// real name; the root revision tells apart two reviews that share a title
/// (every synthetic review, two "Child A" reviews of one partnership),
/// and it stays the same at every save, because a save adds a revision at
/// the end. A copy of the same review keeps the root, so it replaces the
/// other. What would change it — a new title, a file written by hand
/// without revisions, or more saves than the lineage keeps — is covered by
/// adding again from the same path: the library replaces the review it
/// last added from that file too. No field is added to the review file.
pub fn review_id(partnership: &str, title: &str, root_revision: &str) -> String {
    let normal = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let mut hash = Sha256::new();
    hash.update(normal(partnership).as_bytes());
    hash.update([0]);
    hash.update(normal(title).as_bytes());
    hash.update([0]);
    hash.update(root_revision.as_bytes());
    hash.finalize()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The kind of review in words.
fn review_type_words(kind: ReviewType) -> &'static str {
    match kind {
        ReviewType::LocalPracticeReview => "local child safeguarding practice review",
        ReviewType::SeriousCaseReview => "serious case review",
        ReviewType::RapidReview => "rapid review",
        ReviewType::NationalReview => "national review",
        ReviewType::LearningReview => "learning review",
        ReviewType::TrainingExample => "training example",
    }
}

impl LibraryReview {
    /// The rows of `published` (a publication's review: anonymised, only
    /// learning findings), added from `source_path`, whose file's lineage
    /// starts at `root_revision`; `taxonomy` names the categories.
    pub fn of_published(
        published: &Review,
        source_path: &str,
        root_revision: &str,
        taxonomy: Option<&Taxonomy>,
    ) -> LibraryReview {
        let meta = &published.meta;
        let year = meta
            .period
            .as_ref()
            .map(|p| p.end.year_number())
            .filter(|y| *y > 0);
        let mut items = Vec::new();
        for f in &published.findings {
            let body = [&f.statement, &f.introduction, &f.systemic_evidence]
                .iter()
                .filter(|t| !t.trim().is_empty())
                .map(|t| t.trim())
                .collect::<Vec<_>>()
                .join("\n");
            items.push(item(
                ItemKind::Finding,
                &f.id,
                &f.title,
                body,
                &f.category,
                taxonomy.map(|t| t.pattern_label(&f.category).to_string()),
                format!("{:?}", f.tag).to_lowercase(),
            ));
        }
        let mut factor_category: HashMap<&Id, &str> = HashMap::new();
        for f in &published.factors {
            factor_category.insert(&f.id, &f.category);
            items.push(item(
                ItemKind::Factor,
                &f.id,
                "",
                f.statement.trim().to_string(),
                &f.category,
                taxonomy.map(|t| t.category_label(&f.category).to_string()),
                f.level.clone(),
            ));
        }
        for c in &published.conditions {
            let category = condition_category(published, &c.id, &factor_category);
            items.push(item(
                ItemKind::Condition,
                &c.id,
                "",
                c.statement.trim().to_string(),
                &category,
                taxonomy.map(|t| t.category_label(&category).to_string()),
                c.level.label().to_lowercase(),
            ));
        }
        let names: HashMap<&Id, &str> = published
            .variables
            .iter()
            .map(|v| (&v.id, v.name.as_str()))
            .collect();
        for l in &published.named_loops {
            let variables: Vec<&str> = l
                .variables
                .iter()
                .filter_map(|v| names.get(v).copied())
                .collect();
            let kind = match l.label.trim().chars().next() {
                Some('R' | 'r') => "reinforcing",
                Some('B' | 'b') => "balancing",
                _ => "",
            };
            let body = [l.narrative.trim(), &variables.join(", ")]
                .iter()
                .filter(|t| !t.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join("\n");
            items.push(item(
                ItemKind::Loop,
                &l.id,
                &l.name,
                body,
                kind,
                Some(kind.to_string()),
                variables.join(" → "),
            ));
        }
        let actions = published
            .findings
            .iter()
            .flat_map(|f| {
                f.actions.iter().map(move |a| ActionRow {
                    finding: f.id.to_string(),
                    action: a.id.to_string(),
                    what: a.what.trim().to_string(),
                    owner: a.owner.trim().to_string(),
                    due: a.due.map(|d| d.human()),
                    due_by: a.due.map(|d| d.last_day().to_string()),
                    status: a.status.label().to_string(),
                    open: a.status.is_open(),
                })
            })
            .collect();
        LibraryReview {
            review_id: review_id(&meta.partnership, &meta.title, root_revision),
            title: meta.title.trim().to_string(),
            partnership: meta.partnership.trim().to_string(),
            year,
            review_type: review_type_words(meta.review_type).to_string(),
            source_path: source_path.to_string(),
            items,
            actions,
        }
    }
}

fn item(
    kind: ItemKind,
    id: &Id,
    title: &str,
    body: String,
    category: &str,
    label: Option<String>,
    detail: String,
) -> LibraryItem {
    let category = category.trim().to_string();
    let terms = key_terms(&format!("{title} {body}"));
    LibraryItem {
        kind,
        record: id.to_string(),
        title: title.trim().to_string(),
        body,
        category_label: label
            .filter(|l| !l.is_empty())
            .unwrap_or_else(|| category.clone()),
        category,
        detail,
        terms,
    }
}

/// The category most of the factors `condition` underlies fall in (the
/// first by name on a tie), or empty when it underlies none.
fn condition_category(review: &Review, condition: &Id, factors: &HashMap<&Id, &str>) -> String {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for link in &review.links {
        if link.from == *condition
            && link.kind == LinkKind::Underlies
            && let Some(category) = factors.get(&link.to).filter(|c| !c.trim().is_empty())
        {
            *counts.entry(category.trim()).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .map(|(c, _)| c.to_string())
        .unwrap_or_default()
}
