//! Causal loop variables, links between records, named feedback loops and
//! diagrams.

use serde::{Deserialize, Serialize};

use super::*;

/// A variable of a causal loop diagram: a noun phrase that can rise or fall.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Variable {
    /// Stable id.
    pub id: Id,
    /// Name, e.g. "Compliance with Prescriptions".
    pub name: String,
    /// What it measures, and notes.
    pub description: String,
}

/// The polarity of a causal link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Polarity {
    /// Same direction: if A rises, B rises.
    #[serde(rename = "S")]
    Same,
    /// Opposite direction: if A rises, B falls.
    #[serde(rename = "O")]
    Opposite,
}

impl Polarity {
    /// "S" or "O".
    pub fn letter(self) -> &'static str {
        match self {
            Polarity::Same => "S",
            Polarity::Opposite => "O",
        }
    }
}

/// What a link between two records means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LinkKind {
    /// A contributing factor (or condition) contributed to an episode or factor.
    ContributedTo,
    /// A latent condition underlies a factor or another condition.
    Underlies,
    /// An episode, factor, condition or variable is evidence for a finding.
    Evidences,
    /// A causal link of a causal loop diagram.
    Causal {
        /// Same or opposite direction.
        polarity: Polarity,
        /// True when the effect takes time to show (drawn ‖).
        delay: bool,
    },
}

impl LinkKind {
    /// Display name.
    pub fn label(self) -> &'static str {
        match self {
            LinkKind::ContributedTo => "contributed to",
            LinkKind::Underlies => "underlies",
            LinkKind::Evidences => "evidences",
            LinkKind::Causal { .. } => "causal",
        }
    }
}

/// A directed link between two records.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// Stable id.
    pub id: Id,
    /// The record the link starts at.
    pub from: Id,
    /// The record the link points to.
    pub to: Id,
    /// What the link means.
    pub kind: LinkKind,
    /// Notes and evidence for the link.
    #[serde(default)]
    pub note: String,
}

/// A feedback loop the reviewer has named, e.g. "Comply!".
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct NamedLoop {
    /// Stable id.
    pub id: Id,
    /// The name.
    pub name: String,
    /// The label drawn inside the loop, e.g. "B1".
    pub label: String,
    /// The variables of the loop in loop order.
    pub variables: Vec<Id>,
    /// What the loop does and why it matters.
    pub narrative: String,
    /// Findings the loop explains.
    pub findings: Vec<Id>,
}

/// The kind of a diagram, which decides its default layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum DiagramKind {
    /// Episodes, factors, conditions and findings.
    #[default]
    CaseMap,
    /// A causal loop diagram.
    CausalLoop,
}

/// The position of one record on a diagram.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DiagramNode {
    /// The record shown.
    pub item: Id,
    /// Horizontal position of the node's centre.
    pub x: f32,
    /// Vertical position of the node's centre (downwards).
    pub y: f32,
}

/// One step of a step-by-step presentation of a diagram.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Stage {
    /// Title shown while this stage is on screen.
    pub title: String,
    /// Speaker notes for the presenter.
    pub notes: String,
    /// Records (nodes or links) first shown at this stage.
    pub reveal: Vec<Id>,
}

/// A named view over the review's records, with positions and optional
/// presentation stages. Layout only: it holds no meaning of its own.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Diagram {
    /// Stable id.
    pub id: Id,
    /// Name, e.g. "Case map".
    pub name: String,
    /// Kind of diagram.
    pub kind: DiagramKind,
    /// The records shown and where.
    pub nodes: Vec<DiagramNode>,
    /// Presentation stages, in order.
    pub stages: Vec<Stage>,
}

impl Diagram {
    /// The position of a record on this diagram.
    pub fn position(&self, item: &Id) -> Option<(f32, f32)> {
        self.nodes
            .iter()
            .find(|n| &n.item == item)
            .map(|n| (n.x, n.y))
    }
}
