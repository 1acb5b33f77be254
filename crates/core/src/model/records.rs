//! The [`Review`] that holds a review's records (defined beside it, by
//! family: details, cast, practice, diagrams).

use serde::{Deserialize, Serialize};

use super::*;

/// A whole review: the single source of truth.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Review {
    /// File format version; see [`FORMAT_VERSION`].
    pub format_version: u32,
    /// The review's details.
    #[serde(default)]
    pub meta: ReviewMeta,
    /// The people in the case.
    #[serde(default)]
    pub people: Vec<Person>,
    /// The agencies involved.
    #[serde(default)]
    pub agencies: Vec<Agency>,
    /// Identifying places.
    #[serde(default)]
    pub places: Vec<Place>,
    /// The multi-agency chronology.
    #[serde(default)]
    pub chronology: Vec<ChronologyEntry>,
    /// Key practice episodes.
    #[serde(default)]
    pub episodes: Vec<PracticeEpisode>,
    /// Contributing factors.
    #[serde(default)]
    pub factors: Vec<ContributingFactor>,
    /// Latent conditions.
    #[serde(default)]
    pub conditions: Vec<LatentCondition>,
    /// Findings.
    #[serde(default)]
    pub findings: Vec<Finding>,
    /// Causal loop diagram variables.
    #[serde(default)]
    pub variables: Vec<Variable>,
    /// Links of every kind.
    #[serde(default)]
    pub links: Vec<Link>,
    /// Named feedback loops.
    #[serde(default)]
    pub named_loops: Vec<NamedLoop>,
    /// Diagrams (layout and presentation stages).
    #[serde(default)]
    pub diagrams: Vec<Diagram>,
}

impl Default for Review {
    fn default() -> Self {
        Review {
            format_version: FORMAT_VERSION,
            meta: ReviewMeta {
                taxonomy: "learning-together".to_string(),
                ..ReviewMeta::default()
            },
            people: Vec::new(),
            agencies: Vec::new(),
            places: Vec::new(),
            chronology: Vec::new(),
            episodes: Vec::new(),
            factors: Vec::new(),
            conditions: Vec::new(),
            findings: Vec::new(),
            variables: Vec::new(),
            links: Vec::new(),
            named_loops: Vec::new(),
            diagrams: Vec::new(),
        }
    }
}

impl Review {
    /// A new, empty review with a title.
    pub fn new(title: impl Into<String>) -> Review {
        let mut review = Review::default();
        review.meta.title = title.into();
        review
    }

    /// A copy of the review without its chronology: the rest of a review
    /// is small, its chronology may be very long.
    pub fn without_chronology(&self) -> Review {
        // Every field is named, so that a new one cannot be left out unawares.
        let Review {
            format_version,
            meta,
            people,
            agencies,
            places,
            chronology: _,
            episodes,
            factors,
            conditions,
            findings,
            variables,
            links,
            named_loops,
            diagrams,
        } = self;
        Review {
            format_version: *format_version,
            meta: meta.clone(),
            people: people.clone(),
            agencies: agencies.clone(),
            places: places.clone(),
            chronology: Vec::new(),
            episodes: episodes.clone(),
            factors: factors.clone(),
            conditions: conditions.clone(),
            findings: findings.clone(),
            variables: variables.clone(),
            links: links.clone(),
            named_loops: named_loops.clone(),
            diagrams: diagrams.clone(),
        }
    }
}
