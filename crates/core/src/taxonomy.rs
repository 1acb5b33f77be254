//! Factor taxonomies: the levels and categories a review sorts contributing
//! factors into, and the underlying-pattern categories of its findings.
//!
//! Taxonomies are data (`templates/taxonomies/NAME.ron`), not code. The ones
//! shipped with Foresight are built into the binary; a user's own copies in a
//! templates folder take precedence, so a taxonomy can be copied and edited
//! without recompiling.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// A level of the system at which factors originate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Level {
    /// Id used in review files, e.g. "frontline".
    pub id: String,
    /// Display name.
    pub label: String,
    /// What belongs at this level.
    #[serde(default)]
    pub description: String,
}

/// A type of contributing factor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Category {
    /// Id used in review files, e.g. "conditions-of-work".
    pub id: String,
    /// Display name.
    pub label: String,
    /// What belongs in this category.
    #[serde(default)]
    pub description: String,
    /// Example factors, as prompts.
    #[serde(default)]
    pub examples: Vec<String>,
}

/// A category of underlying pattern, for findings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pattern {
    /// Id used in review files, e.g. "human-tool".
    pub id: String,
    /// Display name.
    pub label: String,
    /// What the pattern covers.
    #[serde(default)]
    pub description: String,
}

/// A factor taxonomy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Taxonomy {
    /// The name a review refers to it by (its file name without `.ron`).
    pub name: String,
    /// Display title.
    pub title: String,
    /// What it is and where it comes from.
    #[serde(default)]
    pub description: String,
    /// Levels at which factors originate.
    #[serde(default)]
    pub levels: Vec<Level>,
    /// Types of contributing factor.
    #[serde(default)]
    pub categories: Vec<Category>,
    /// Underlying-pattern categories for findings.
    #[serde(default)]
    pub patterns: Vec<Pattern>,
}

/// The taxonomies shipped with Foresight, as (name, file text).
const BUILT_IN: &[(&str, &str)] = &[
    (
        "learning-together",
        include_str!("../../../templates/taxonomies/learning-together.ron"),
    ),
    (
        "reason-accimap",
        include_str!("../../../templates/taxonomies/reason-accimap.ron"),
    ),
    (
        "blank",
        include_str!("../../../templates/taxonomies/blank.ron"),
    ),
];

/// Why a taxonomy could not be had.
#[derive(Debug, thiserror::Error)]
pub enum TaxonomyError {
    /// No folder or built-in has it.
    #[error("no taxonomy named `{name}` (looked in {searched} and the built-in ones: {built_in})")]
    NotFound {
        /// The name asked for.
        name: String,
        /// The folders searched, for the message.
        searched: String,
        /// Names of the built-in taxonomies.
        built_in: String,
    },
    /// The name is not a plain name (a path, a hidden file, odd
    /// characters): a review names its taxonomy by name only, so that a
    /// received review file can make Foresight read nothing but the
    /// templates folders.
    #[error(
        "`{0}` is not a taxonomy name: a review names its taxonomy by name only (letters, digits, - and _, as in learning-together), never by a path"
    )]
    BadName(String),
    /// A taxonomy file exists but is malformed.
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
}

/// True for a plain name of a template (taxonomy, report template): ASCII
/// letters, digits, `-` and `_`, 1 to 64 of them. Nothing that could be a
/// path, a hidden file or a parent folder.
pub fn is_template_name(name: &str) -> bool {
    (1..=64).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The text of a template file when it is an ordinary file that can be
/// read (never a FIFO, device or folder, which could block or mislead).
pub fn read_template_file(path: &Path) -> Option<String> {
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() {
        return None;
    }
    std::fs::read_to_string(path).ok()
}

impl Taxonomy {
    /// Parses taxonomy text; `path` is used in error messages.
    pub fn parse(text: &str, path: &Path) -> Result<Taxonomy, TaxonomyError> {
        ron::from_str(text).map_err(|e| TaxonomyError::Malformed {
            path: path.to_path_buf(),
            line: e.span.start.line,
            column: e.span.start.col,
            message: e.code.to_string(),
        })
    }

    /// A built-in taxonomy by name.
    pub fn built_in(name: &str) -> Option<Taxonomy> {
        BUILT_IN.iter().find(|(n, _)| *n == name).map(|(n, text)| {
            Taxonomy::parse(text, Path::new(n)).expect("built-in taxonomies are tested to parse")
        })
    }

    /// Names of the built-in taxonomies.
    pub fn built_in_names() -> Vec<&'static str> {
        BUILT_IN.iter().map(|(n, _)| *n).collect()
    }

    /// Finds a taxonomy by name: first as `taxonomies/NAME.ron` in each
    /// templates folder, then among the built-in ones.
    pub fn find(name: &str, folders: &[PathBuf]) -> Result<Taxonomy, TaxonomyError> {
        // An empty name is a review without a taxonomy: not found, as
        // ever; anything else must be a plain name.
        if !name.is_empty() && !is_template_name(name) {
            return Err(TaxonomyError::BadName(name.to_string()));
        }
        for folder in folders {
            let path = folder.join("taxonomies").join(format!("{name}.ron"));
            if let Some(text) = read_template_file(&path) {
                return Taxonomy::parse(&text, &path);
            }
        }
        Taxonomy::built_in(name).ok_or_else(|| TaxonomyError::NotFound {
            name: name.to_string(),
            searched: folders
                .iter()
                .map(|f| f.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
            built_in: Taxonomy::built_in_names().join(", "),
        })
    }

    /// The label of a level id, or the id itself when unknown.
    pub fn level_label<'a>(&'a self, id: &'a str) -> &'a str {
        self.levels
            .iter()
            .find(|l| l.id == id)
            .map_or(id, |l| l.label.as_str())
    }

    /// The label of a category id, or the id itself when unknown.
    pub fn category_label<'a>(&'a self, id: &'a str) -> &'a str {
        self.categories
            .iter()
            .find(|c| c.id == id)
            .map_or(id, |c| c.label.as_str())
    }

    /// The label of a pattern id, or the id itself when unknown.
    pub fn pattern_label<'a>(&'a self, id: &'a str) -> &'a str {
        self.patterns
            .iter()
            .find(|p| p.id == id)
            .map_or(id, |p| p.label.as_str())
    }
}

/// The templates folders searched before the built-in templates, in order:
/// each folder in `FORESIGHT_TEMPLATES` (separated like `PATH`), then the
/// user's `~/.config/foresight/templates`.
pub fn template_folders() -> Vec<PathBuf> {
    let mut folders = Vec::new();
    if let Some(list) = std::env::var_os("FORESIGHT_TEMPLATES") {
        folders.extend(std::env::split_paths(&list));
    }
    let config = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")));
    if let Some(config) = config {
        folders.push(config.join("foresight").join("templates"));
    }
    folders
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_review_names_its_taxonomy_and_can_reach_no_other_file() {
        let dir = tempfile::tempdir().unwrap();
        let inside = dir.path().join("inside");
        std::fs::create_dir_all(inside.join("taxonomies")).unwrap();
        // A file outside the templates folder, named by a path.
        std::fs::write(dir.path().join("secret.ron"), "(name: \"secret\")").unwrap();
        let folders = vec![inside.clone()];
        for name in [
            "../../secret",
            "/etc/passwd",
            "..",
            ".hidden",
            "a/b",
            "a\\b",
        ] {
            let err = super::Taxonomy::find(name, &folders)
                .unwrap_err()
                .to_string();
            assert!(err.contains("not a taxonomy name"), "{name}: {err}");
        }
        // A FIFO where a taxonomy would be is passed over, not waited on.
        let fifo = inside.join("taxonomies/fifo.ron");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let err = super::Taxonomy::find("fifo", &folders)
                .unwrap_err()
                .to_string();
            assert!(err.contains("no taxonomy named `fifo`"), "{err}");
        }
        assert!(super::is_template_name("learning-together"));
        assert!(super::is_template_name("ours_2"));
    }

    use super::*;

    #[test]
    fn built_in_taxonomies_parse_and_match_their_names() {
        for name in Taxonomy::built_in_names() {
            let taxonomy = Taxonomy::built_in(name).unwrap();
            assert_eq!(taxonomy.name, name);
        }
        let lt = Taxonomy::built_in("learning-together").unwrap();
        assert_eq!(lt.levels.len(), 3);
        assert_eq!(lt.patterns.len(), 6);
        assert!(lt.categories.iter().any(|c| c.id == "conditions-of-work"));
    }

    #[test]
    fn a_user_copy_overrides_the_built_in_and_errors_name_the_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("taxonomies")).unwrap();
        let mut mine = Taxonomy::built_in("blank").unwrap();
        mine.name = "ours".into();
        mine.title = "Our framework".into();
        let text = ron::ser::to_string_pretty(&mine, Default::default()).unwrap();
        std::fs::write(dir.path().join("taxonomies/ours.ron"), text).unwrap();
        let found = Taxonomy::find("ours", &[dir.path().to_path_buf()]).unwrap();
        assert_eq!(found.title, "Our framework");

        std::fs::write(
            dir.path().join("taxonomies/broken.ron"),
            "(name: \"broken\",\n title: 3)",
        )
        .unwrap();
        let err = Taxonomy::find("broken", &[dir.path().to_path_buf()])
            .unwrap_err()
            .to_string();
        assert!(err.contains("broken.ron:2:"), "{err}");

        let missing = Taxonomy::find("nope", &[]).unwrap_err().to_string();
        assert!(missing.contains("learning-together"), "{missing}");
    }
}
