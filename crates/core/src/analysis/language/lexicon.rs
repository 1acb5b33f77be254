//! The lexicon as data: `templates/lexicon/*.ron`, one file per category
//! of phrase plus `actors.ron` (who or what a phrase can be about).
//!
//! The files shipped with Foresight are built into the binary. A file of
//! the same name in a templates folder (`FORESIGHT_TEMPLATES`, then
//! `~/.config/foresight/templates`, each with a `lexicon/` subfolder)
//! replaces the built-in one, and other `*.ron` files there add categories
//! of their own, so a partnership can adapt the lexicon without
//! recompiling.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Category, Severity};

/// When a phrase counts as a hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Scope {
    /// Every use is a hit ("with hindsight", "missed opportunity").
    #[default]
    Always,
    /// Not a hit when its subject is a system, procedure or tool ("the
    /// system failed to provide"); stronger when it is a person ("the
    /// social worker failed to").
    Actor,
    /// A hit only when its subject is a practitioner or family member
    /// ("the health visitor did not ask", but not "the template did not
    /// ask").
    Person,
    /// A hit only when its subject is a practitioner, a family member or
    /// an agency or team ("the school did not refer", but not "the
    /// template did not ask"); as strong for an agency as for a person.
    Agent,
    /// A judgment word: not a hit when it judges funding, resources or
    /// other conditions of the system ("inadequate funding").
    Judgment,
}

/// One phrase of the lexicon with the ways it is written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The phrase as shown to the reviewer, e.g. "failed to".
    pub phrase: String,
    /// The patterns that find it (see `templates/lexicon/counterfactual.ron`
    /// for the syntax).
    pub patterns: Vec<String>,
    /// When it counts.
    #[serde(default)]
    pub scope: Scope,
    /// How strongly it signals hindsight or blame.
    pub severity: Severity,
    /// The question that helps the writer explain instead of judge.
    pub question: String,
    /// Patterns of uses that are not hits ("hindsight bias").
    #[serde(default)]
    pub unless: Vec<String>,
    /// Other categories the phrase also belongs to.
    #[serde(default)]
    pub also: Vec<Category>,
}

/// One lexicon file: the phrases of one category.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LexiconFile {
    /// The category of every phrase in the file.
    pub category: Category,
    /// Display title.
    pub title: String,
    /// What the category is and where it comes from.
    #[serde(default)]
    pub description: String,
    /// The phrases.
    pub entries: Vec<Entry>,
}

/// Head words that say who or what a phrase is about.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ActorWords {
    /// Practitioners and managers.
    pub practitioners: Vec<String>,
    /// Persons who may be practitioners or family: personal pronouns,
    /// "people", "individuals".
    pub people: Vec<String>,
    /// The child, parents, carers and relatives.
    pub family: Vec<String>,
    /// Agencies, services and teams.
    pub organisations: Vec<String>,
    /// Systems, procedures, tools, resources and conditions of work.
    pub systems: Vec<String>,
    /// Activities the organisation provides (supervision, training): a
    /// system condition on their own, a person's practice after a person's
    /// word ("the manager's oversight").
    pub activities: Vec<String>,
}

/// The built-in lexicon files, as (name, text).
pub(crate) const BUILT_IN: &[(&str, &str)] = &[
    (
        "counterfactual",
        include_str!("../../../../../templates/lexicon/counterfactual.ron"),
    ),
    (
        "hindsight",
        include_str!("../../../../../templates/lexicon/hindsight.ron"),
    ),
    (
        "judgmental",
        include_str!("../../../../../templates/lexicon/judgmental.ron"),
    ),
    (
        "individual-fault",
        include_str!("../../../../../templates/lexicon/individual-fault.ron"),
    ),
    (
        "missed-opportunity",
        include_str!("../../../../../templates/lexicon/missed-opportunity.ron"),
    ),
    (
        "outcome",
        include_str!("../../../../../templates/lexicon/outcome.ron"),
    ),
    (
        "compliance",
        include_str!("../../../../../templates/lexicon/compliance.ron"),
    ),
    (
        "deficit",
        include_str!("../../../../../templates/lexicon/deficit.ron"),
    ),
    (
        "family-label",
        include_str!("../../../../../templates/lexicon/family-label.ron"),
    ),
];

/// The name of the file of actor words.
pub(crate) const ACTORS: &str = "actors";

/// The built-in actor words.
pub(crate) const BUILT_IN_ACTORS: &str =
    include_str!("../../../../../templates/lexicon/actors.ron");

/// The built-in blame model, trained on the corpus of real sentences (see
/// `foresight language-model train`).
const BUILT_IN_MODEL: &str = include_str!("../../../../../templates/lexicon/blame-model.tsv");

/// Why the lexicon could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LexiconError {
    /// A lexicon file is not well-formed.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Malformed {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What was wrong.
        message: String,
    },
    /// A pattern of a phrase cannot be used.
    #[error("{}: the phrase \"{phrase}\" has a pattern `{pattern}` that cannot be used: {message}", path.display())]
    BadPattern {
        /// The file.
        path: PathBuf,
        /// The phrase.
        phrase: String,
        /// The pattern.
        pattern: String,
        /// What was wrong.
        message: String,
    },
    /// The blame model's file cannot be read.
    #[error(transparent)]
    Model(#[from] super::model::ModelError),
}

fn malformed(path: &Path, error: ron::error::SpannedError) -> LexiconError {
    LexiconError::Malformed {
        path: path.to_path_buf(),
        line: error.span.start.line,
        column: error.span.start.col,
        message: error.code.to_string(),
    }
}

/// Parses a lexicon file; `path` is used in error messages.
pub fn parse_file(text: &str, path: &Path) -> Result<LexiconFile, LexiconError> {
    ron::from_str(text).map_err(|e| malformed(path, e))
}

/// Parses a file of actor words; `path` is used in error messages.
pub fn parse_actors(text: &str, path: &Path) -> Result<ActorWords, LexiconError> {
    ron::from_str(text).map_err(|e| malformed(path, e))
}

/// The lexicon's source files: each as (path for messages, text), the
/// phrase files in load order, then the actor words.
pub(crate) struct Sources {
    /// Phrase files.
    pub files: Vec<(PathBuf, String)>,
    /// The actor words file.
    pub actors: (PathBuf, String),
    /// The blame model's weights: a templates folder's, else the built-in
    /// one.
    pub model: (PathBuf, String),
}

/// The text of the first `lexicon/NAME.ron` found in the folders.
fn user_copy(folders: &[PathBuf], name: &str) -> Option<(PathBuf, String)> {
    folders.iter().find_map(|folder| {
        let path = folder.join("lexicon").join(format!("{name}.ron"));
        std::fs::read_to_string(&path).ok().map(|text| (path, text))
    })
}

/// Gathers the lexicon files: user copies first, built-in ones last, plus
/// any extra files the folders add.
pub(crate) fn sources(folders: &[PathBuf]) -> Sources {
    let mut files = Vec::new();
    let mut names: Vec<String> = Vec::new();
    for (name, text) in BUILT_IN {
        names.push((*name).to_string());
        files.push(user_copy(folders, name).unwrap_or_else(|| {
            (
                PathBuf::from(format!("templates/lexicon/{name}.ron")),
                (*text).to_string(),
            )
        }));
    }
    for folder in folders {
        let Ok(dir) = std::fs::read_dir(folder.join("lexicon")) else {
            continue;
        };
        let mut extra: Vec<PathBuf> = dir
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "ron"))
            .collect();
        extra.sort();
        for path in extra {
            let Some(name) = path.file_stem().map(|s| s.to_string_lossy().into_owned()) else {
                continue;
            };
            if name == ACTORS || names.contains(&name) {
                continue;
            }
            if let Ok(text) = std::fs::read_to_string(&path) {
                names.push(name);
                files.push((path, text));
            }
        }
    }
    let actors = user_copy(folders, ACTORS).unwrap_or_else(|| {
        (
            PathBuf::from("templates/lexicon/actors.ron"),
            BUILT_IN_ACTORS.to_string(),
        )
    });
    let model = folders
        .iter()
        .find_map(|folder| {
            let path = folder.join("lexicon").join(super::model::FILE_NAME);
            std::fs::read_to_string(&path).ok().map(|text| (path, text))
        })
        .unwrap_or_else(|| {
            (
                PathBuf::from(format!("templates/lexicon/{}", super::model::FILE_NAME)),
                BUILT_IN_MODEL.to_string(),
            )
        });
    Sources {
        files,
        actors,
        model,
    }
}
