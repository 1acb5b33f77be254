//! Recurring themes across reviews.
//!
//! Items are first grouped by category: findings by their underlying
//! pattern and latent conditions by the category of the factors they
//! underlie ([`Grouping::Category`]), conditions by their system level
//! ([`Grouping::Condition`]), or named loops by kind ([`Grouping::Loop`]).
//! Within a group, items worded alike form a theme: two items are alike
//! when they share at least [`SHARED_TERMS`] key terms (stemmed words
//! without common ones, see `terms`), counting only terms that are
//! distinctive in the group — a term found in more than one item in
//! twenty of the group (and in more than [`COMMON_FLOOR`] items) says
//! nothing about which items are alike, as a term's inverse document
//! frequency would say. Items alike with items alike with each other are
//! one theme (connected components), and a theme is reported when it
//! spans at least two reviews. Each group and theme says which reviews,
//! years and partnerships it comes from and how many items it holds.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rusqlite::Connection;

use super::extract::ItemKind;
use super::{Library, LibraryError};

/// How many distinctive key terms two items must share to be worded
/// alike.
pub const SHARED_TERMS: usize = 3;

/// A term in at most this many items of a group always counts as
/// distinctive, however small the group.
pub const COMMON_FLOOR: usize = 20;

/// How to group items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Grouping {
    /// Findings by underlying pattern, latent conditions by the category
    /// of the factors they underlie.
    #[default]
    Category,
    /// Latent conditions by system level.
    Condition,
    /// Named loops by kind, themed by their names and variables.
    Loop,
}

impl Grouping {
    /// The grouping named `name` ("category", "condition", "loop").
    pub fn from_name(name: &str) -> Option<Grouping> {
        match name {
            "category" => Some(Grouping::Category),
            "condition" => Some(Grouping::Condition),
            "loop" => Some(Grouping::Loop),
            _ => None,
        }
    }

    /// Its name.
    pub fn name(self) -> &'static str {
        match self {
            Grouping::Category => "category",
            Grouping::Condition => "condition",
            Grouping::Loop => "loop",
        }
    }
}

/// A review a group draws on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewRef {
    /// Its id in the library.
    pub review_id: String,
    /// Its published title.
    pub title: String,
    /// Its partnership.
    pub partnership: String,
    /// The last year of its period, when recorded.
    pub year: Option<i32>,
    /// The file it was added from.
    pub source_path: String,
    /// How many of the group's items are from it.
    pub items: usize,
}

/// An item of a theme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeItem {
    /// Its review's id.
    pub review_id: String,
    /// Its review's title.
    pub review_title: String,
    /// Its id in the review.
    pub record: String,
    /// Its title, or the start of its text.
    pub text: String,
}

/// Items of one group worded alike, from two reviews or more.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// The key terms most of its items share, most shared first.
    pub terms: Vec<String>,
    /// Its items.
    pub items: Vec<ThemeItem>,
    /// How many reviews they come from.
    pub reviews: usize,
    /// Their reviews' years.
    pub years: Vec<i32>,
    /// Their reviews' partnerships.
    pub partnerships: Vec<String>,
}

/// The items of one category across reviews.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecurringGroup {
    /// The kind of items.
    pub kind: ItemKind,
    /// The category (empty: none given).
    pub category: String,
    /// Its name.
    pub label: String,
    /// How many items.
    pub items: usize,
    /// The reviews they come from, most items first.
    pub reviews: Vec<ReviewRef>,
    /// Those reviews' years, earliest first.
    pub years: Vec<i32>,
    /// Their partnerships.
    pub partnerships: Vec<String>,
    /// Items worded alike across reviews, largest first.
    pub themes: Vec<Theme>,
}

/// One stored item, as grouping reads it.
struct Row {
    kind: ItemKind,
    record: String,
    text: String,
    key: String,
    label: String,
    terms: Vec<String>,
    review: usize,
}

impl Library {
    /// The recurring groups of the library, by `grouping`: the groups
    /// drawing on most reviews first.
    pub fn recurring(&self, grouping: Grouping) -> Result<Vec<RecurringGroup>, LibraryError> {
        recurring(&self.connection, grouping).map_err(|e| self.sql(e))
    }
}

fn recurring(
    connection: &Connection,
    grouping: Grouping,
) -> Result<Vec<RecurringGroup>, rusqlite::Error> {
    let reviews = all_reviews(connection)?;
    let index: HashMap<&str, usize> = reviews
        .iter()
        .enumerate()
        .map(|(i, r)| (r.review_id.as_str(), i))
        .collect();
    let (kinds, key, label) = match grouping {
        Grouping::Category => ("'finding', 'condition'", "category", "category_label"),
        Grouping::Condition => ("'condition'", "detail", "detail"),
        Grouping::Loop => ("'loop'", "category", "category_label"),
    };
    let mut statement = connection.prepare_cached(&format!(
        "SELECT kind, record, CASE WHEN title <> '' THEN title ELSE substr(body, 1, 160) END,
                {key}, {label}, terms, review_id
         FROM items WHERE kind IN ({kinds})"
    ))?;
    let mut groups: BTreeMap<(&'static str, String), Vec<Row>> = BTreeMap::new();
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        let kind = ItemKind::from_name(&row.get::<_, String>(0)?).unwrap_or(ItemKind::Finding);
        let review_id: String = row.get(6)?;
        let Some(&review) = index.get(review_id.as_str()) else {
            continue;
        };
        let terms: String = row.get(5)?;
        let item = Row {
            kind,
            record: row.get(1)?,
            text: row.get(2)?,
            key: row.get(3)?,
            label: row.get(4)?,
            terms: terms
                .split(' ')
                .filter(|t| !t.is_empty())
                .map(String::from)
                .collect(),
            review,
        };
        groups
            .entry((kind.name(), item.key.clone()))
            .or_default()
            .push(item);
    }
    let mut out: Vec<RecurringGroup> = groups
        .into_values()
        .map(|items| group(&items, &reviews))
        .collect();
    out.sort_by(|a, b| {
        b.reviews
            .len()
            .cmp(&a.reviews.len())
            .then(b.items.cmp(&a.items))
            .then(a.kind.name().cmp(b.kind.name()))
            .then(a.label.cmp(&b.label))
    });
    Ok(out)
}

/// Every review in the library, by title.
pub(super) fn all_reviews(connection: &Connection) -> Result<Vec<ReviewRef>, rusqlite::Error> {
    let mut statement = connection.prepare_cached(
        "SELECT review_id, title, partnership, year, source_path FROM reviews ORDER BY title, review_id",
    )?;
    let rows = statement.query_map([], |row| {
        Ok(ReviewRef {
            review_id: row.get(0)?,
            title: row.get(1)?,
            partnership: row.get(2)?,
            year: row.get(3)?,
            source_path: row.get(4)?,
            items: 0,
        })
    })?;
    rows.collect()
}

/// The reviews, years and partnerships of `items`.
fn sources(items: &[&Row], reviews: &[ReviewRef]) -> (Vec<ReviewRef>, Vec<i32>, Vec<String>) {
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for item in items {
        *counts.entry(item.review).or_default() += 1;
    }
    let mut refs: Vec<ReviewRef> = counts
        .iter()
        .map(|(&r, &n)| ReviewRef {
            items: n,
            ..reviews[r].clone()
        })
        .collect();
    refs.sort_by(|a, b| b.items.cmp(&a.items).then(a.title.cmp(&b.title)));
    let years: BTreeSet<i32> = refs.iter().filter_map(|r| r.year).collect();
    let partnerships: BTreeSet<String> = refs
        .iter()
        .map(|r| r.partnership.clone())
        .filter(|p| !p.is_empty())
        .collect();
    (
        refs,
        years.into_iter().collect(),
        partnerships.into_iter().collect(),
    )
}

fn group(items: &[Row], reviews: &[ReviewRef]) -> RecurringGroup {
    let all: Vec<&Row> = items.iter().collect();
    let (refs, years, partnerships) = sources(&all, reviews);
    RecurringGroup {
        kind: items[0].kind,
        category: items[0].key.clone(),
        label: if items[0].label.is_empty() {
            "(no category)".to_string()
        } else {
            items[0].label.clone()
        },
        items: items.len(),
        reviews: refs,
        years,
        partnerships,
        themes: themes(items, reviews),
    }
}

/// The items of one group worded alike across reviews.
fn themes(items: &[Row], reviews: &[ReviewRef]) -> Vec<Theme> {
    let cap = COMMON_FLOOR.max(items.len() / 20);
    let mut postings: HashMap<&str, Vec<u32>> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        for term in &item.terms {
            postings.entry(term).or_default().push(i as u32);
        }
    }
    let mut shared: HashMap<(u32, u32), usize> = HashMap::new();
    for list in postings.values().filter(|l| l.len() >= 2 && l.len() <= cap) {
        for (n, &a) in list.iter().enumerate() {
            for &b in &list[n + 1..] {
                *shared.entry((a, b)).or_default() += 1;
            }
        }
    }
    let mut parent: Vec<u32> = (0..items.len() as u32).collect();
    fn root(parent: &mut [u32], mut i: u32) -> u32 {
        while parent[i as usize] != i {
            parent[i as usize] = parent[parent[i as usize] as usize];
            i = parent[i as usize];
        }
        i
    }
    let mut alike: Vec<(u32, u32)> = shared
        .into_iter()
        .filter(|(_, n)| *n >= SHARED_TERMS)
        .map(|(pair, _)| pair)
        .collect();
    alike.sort_unstable();
    for (a, b) in alike {
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        if ra != rb {
            parent[ra.max(rb) as usize] = ra.min(rb);
        }
    }
    let mut components: BTreeMap<u32, Vec<&Row>> = BTreeMap::new();
    for i in 0..items.len() as u32 {
        let r = root(&mut parent, i);
        components.entry(r).or_default().push(&items[i as usize]);
    }
    let mut themes: Vec<Theme> = components
        .into_values()
        .filter(|members| {
            members
                .iter()
                .map(|m| m.review)
                .collect::<BTreeSet<_>>()
                .len()
                >= 2
        })
        .map(|mut members| {
            members.sort_by(|a, b| {
                (a.review, a.record.len(), &a.record).cmp(&(b.review, b.record.len(), &b.record))
            });
            let (refs, years, partnerships) = sources(&members, reviews);
            let mut counts: HashMap<&str, usize> = HashMap::new();
            for m in &members {
                for t in &m.terms {
                    *counts.entry(t).or_default() += 1;
                }
            }
            let mut terms: Vec<(&str, usize)> = counts
                .into_iter()
                .filter(|(_, n)| *n * 2 >= members.len() && *n >= 2)
                .collect();
            terms.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            Theme {
                terms: terms.iter().take(6).map(|(t, _)| t.to_string()).collect(),
                items: members
                    .iter()
                    .map(|m| ThemeItem {
                        review_id: reviews[m.review].review_id.clone(),
                        review_title: reviews[m.review].title.clone(),
                        record: m.record.clone(),
                        text: m.text.clone(),
                    })
                    .collect(),
                reviews: refs.len(),
                years,
                partnerships,
            }
        })
        .collect();
    themes.sort_by(|a, b| {
        b.reviews
            .cmp(&a.reviews)
            .then(b.items.len().cmp(&a.items.len()))
            .then(a.terms.cmp(&b.terms))
    });
    themes
}
