//! Report templates as data (`templates/reports/NAME.ron`): the order of
//! sections, their headings and fixed text such as the method statement.
//! The built-in ones are compiled in; a user's own copy in a templates
//! folder takes precedence, as for taxonomies.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// What a section of the report holds besides its fixed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Content {
    /// The table of contents.
    Contents,
    /// Fixed text only.
    Text,
    /// Why the review was held, its scope and terms of reference, the
    /// agencies involved and who led it.
    Introduction,
    /// The method (fixed text) and the review's causation model.
    Method,
    /// The child's journey in brief: the summary and who saw the child.
    Journey,
    /// Appraisal of practice, one subsection per key practice episode.
    Episodes,
    /// The published findings in full finding format.
    Findings,
    /// Each published finding in brief: its statement, why it matters and
    /// the questions for the partnership.
    FindingsInBrief,
    /// The review's summary of the case, alone.
    Summary,
    /// One row per published finding.
    FindingsTable,
    /// The named feedback loops.
    Loops,
    /// Fixed text, then the findings in one line each and the loops.
    Conclusion,
    /// The findings' statements as a list of key messages.
    KeyMessages,
    /// Roles and agencies (pseudonyms and generic names only).
    Roles,
    /// Contributing factors grouped by level of the system.
    FactorTable,
    /// The case map and causal loop diagrams, with the loop list.
    Diagrams,
    /// The anonymised summary chronology (only when asked for).
    Chronology,
    /// Terms and their meanings.
    Glossary,
    /// The executive summary, the key findings as a table and the key
    /// messages.
    ExecutiveSummary,
    /// The child as a person: who they are, their interests, identity and
    /// daily life.
    Child,
    /// How the family took part, and their views.
    FamilyInvolvement,
    /// The review team by agency and role, the reviewers' independence,
    /// practitioners' involvement, parallel processes, limitations and
    /// timescale.
    ReviewProcess,
    /// The partnership's response, action already taken and the findings'
    /// recommendations.
    PartnershipResponse,
    /// The references the findings draw on.
    References,
    /// A rapid review's facts of the incident and each agency's
    /// involvement.
    RapidReviewFacts,
    /// A rapid review's immediate actions to keep the child and other
    /// children safe.
    ImmediateActions,
    /// The context of the child's and family's lives, including how
    /// racism, disability and other inequalities may have shaped their
    /// experience and the practice.
    LivedContext,
    /// A rapid review's potential for learning, local and national.
    LearningPotential,
    /// The rapid review's decision on a further review in words, its
    /// rationale and the key dates (awareness, notification, decision).
    ReviewDecision,
}

/// One section of a template.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionTemplate {
    /// What the section holds.
    pub content: Content,
    /// Its heading.
    pub heading: String,
    /// Fixed paragraphs set before the generated content. Placeholders:
    /// `{partnership}`, `{child}`, `{period}`, `{episodes}`,
    /// `{findings}`, `{agencies}`, `{method}`.
    #[serde(default)]
    pub text: Vec<String>,
    /// An appendix: lettered ("Appendix A") and set after the body.
    #[serde(default)]
    pub appendix: bool,
    /// Terms and meanings (glossary sections).
    #[serde(default)]
    pub terms: Vec<(String, String)>,
    /// The words the section writes besides its heading and fixed text:
    /// subheadings, table columns, captions and generated sentences, by
    /// key (see [`SectionTemplate::label`]). A key a template leaves out
    /// takes the built-in templates' words.
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
}

impl SectionTemplate {
    /// The words for `key` in this section: see [`words_for`]; the key
    /// itself when nothing has it.
    pub fn label(&self, key: &str) -> String {
        words_for(Some(self), None, key).unwrap_or_else(|| key.to_string())
    }
}

/// The one lookup of the words a report writes: `section`'s own labels,
/// then `template`'s, then the built-in section's of the same content,
/// then the built-in templates' (see [`default_template_label`]). `None`
/// when nothing has them (a test keeps every key the report asks for in
/// the built-in templates).
pub fn words_for(
    section: Option<&SectionTemplate>,
    template: Option<&ReportTemplate>,
    key: &str,
) -> Option<String> {
    section
        .and_then(|s| s.labels.get(key))
        .or_else(|| template.and_then(|t| t.labels.get(key)))
        .cloned()
        .or_else(|| section.and_then(|s| default_label(s.content, key)))
        .or_else(|| default_template_label(key))
}

/// The built-in words for `key` outside any section: those of the
/// `learning-together` template, else of another built-in template, else
/// of any built-in section.
pub fn default_template_label(key: &str) -> Option<String> {
    BUILT_TEMPLATES
        .iter()
        .find_map(|t| t.labels.get(key).cloned())
        .or_else(|| {
            // Last, the words any built-in section has for the key.
            BUILT_TEMPLATES
                .iter()
                .flat_map(|t| &t.sections)
                .find_map(|s| s.labels.get(key).cloned())
        })
}

/// Every built-in template, parsed once.
static BUILT_TEMPLATES: std::sync::LazyLock<Vec<ReportTemplate>> = std::sync::LazyLock::new(|| {
    ReportTemplate::built_in_names()
        .into_iter()
        .filter_map(ReportTemplate::built_in)
        .collect()
});

/// The built-in words for `key` in a section of `content`: those of the
/// `learning-together` template, else of another built-in template.
pub fn default_label(content: Content, key: &str) -> Option<String> {
    BUILT_TEMPLATES
        .iter()
        .flat_map(|t| &t.sections)
        .filter(|s| s.content == content)
        .find_map(|s| s.labels.get(key).cloned())
}

/// A report template.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportTemplate {
    /// The name it is picked by (its file name without `.ron`).
    pub name: String,
    /// Display title.
    pub title: String,
    /// What the template is for.
    #[serde(default)]
    pub description: String,
    /// The line under the review's title on the title page.
    pub subtitle: String,
    /// Number the sections ("1. Introduction").
    #[serde(default)]
    pub numbered: bool,
    /// Words the report writes outside any one section (captions'
    /// "Figure {n}: {caption}", "Appendix {letter}: {heading}", references
    /// such as "Episode {n}", the title page's lines, the nouns counted by
    /// `{episodes}`, `{findings}` and `{agencies}`), by key; a key left out
    /// takes the built-in words.
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
    /// The sections, in order.
    pub sections: Vec<SectionTemplate>,
}

const BUILT_IN: &[(&str, &str)] = &[
    (
        "learning-together",
        include_str!("../../../../templates/reports/learning-together.ron"),
    ),
    (
        "briefing",
        include_str!("../../../../templates/reports/briefing.ron"),
    ),
    (
        "rapid-review",
        include_str!("../../../../templates/reports/rapid-review.ron"),
    ),
];

/// Why a template could not be had.
#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    /// No folder or built-in has it.
    #[error(
        "no report template named `{name}` (looked in {searched} and the built-in ones: {built_in})"
    )]
    NotFound {
        /// The name asked for.
        name: String,
        /// The folders searched.
        searched: String,
        /// The built-in names.
        built_in: String,
    },
    /// The name is not a plain name: templates are named, never given by
    /// path.
    #[error(
        "`{0}` is not a report template name: name a template (letters, digits, - and _, as in learning-together), not a path"
    )]
    BadName(String),
    /// The file is not a valid template.
    #[error("{}:{line}:{column}: not a valid report template: {message}", path.display())]
    Malformed {
        /// The file.
        path: PathBuf,
        /// Line (1-based).
        line: usize,
        /// Column (1-based).
        column: usize,
        /// What was wrong.
        message: String,
    },
}

impl ReportTemplate {
    /// Parses a template; errors name the file, line and column.
    pub fn parse(text: &str, path: &Path) -> Result<ReportTemplate, TemplateError> {
        ron::from_str(text).map_err(|e| TemplateError::Malformed {
            path: path.to_path_buf(),
            line: e.span.start.line,
            column: e.span.start.col,
            message: e.code.to_string(),
        })
    }

    /// A built-in template by name.
    pub fn built_in(name: &str) -> Option<ReportTemplate> {
        BUILT_IN.iter().find(|(n, _)| *n == name).map(|(n, text)| {
            ReportTemplate::parse(text, Path::new(n))
                .expect("built-in report templates are tested to parse")
        })
    }

    /// The display title of a built-in template, parsed once.
    pub fn built_in_title(name: &str) -> Option<&'static str> {
        static TITLES: std::sync::OnceLock<Vec<(&'static str, String)>> =
            std::sync::OnceLock::new();
        TITLES
            .get_or_init(|| {
                BUILT_IN
                    .iter()
                    .filter_map(|(n, _)| Some((*n, ReportTemplate::built_in(n)?.title)))
                    .collect()
            })
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, title)| title.as_str())
    }

    /// Names of the built-in templates.
    pub fn built_in_names() -> Vec<&'static str> {
        BUILT_IN.iter().map(|(n, _)| *n).collect()
    }

    /// Every template a user can choose, as (name, title), the built-in
    /// ones first: the user's `reports/*.ron` in `folders` are listed by
    /// the title they give (one that cannot be read by its name, so that
    /// choosing it shows why), and one named as a built-in replaces it.
    pub fn available(folders: &[PathBuf]) -> Vec<(String, String)> {
        let mut list: Vec<(String, String)> = Self::built_in_names()
            .into_iter()
            .map(|n| {
                let title = Self::built_in_title(n).unwrap_or(n).to_string();
                (n.to_string(), title)
            })
            .collect();
        for folder in folders {
            let Ok(entries) = std::fs::read_dir(folder.join("reports")) else {
                continue;
            };
            let mut paths: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "ron"))
                .collect();
            paths.sort();
            for path in paths {
                let Some(name) = path.file_stem().and_then(|s| s.to_str()) else {
                    continue;
                };
                let title = foresight_core::taxonomy::read_template_file(&path)
                    .and_then(|text| ReportTemplate::parse(&text, &path).ok())
                    .map_or_else(|| format!("{name} (cannot be read)"), |t| t.title);
                match list.iter_mut().find(|(n, _)| n == name) {
                    Some(entry) => entry.1 = title,
                    None => list.push((name.to_string(), title)),
                }
            }
        }
        list
    }

    /// Finds a template by name: first as `reports/NAME.ron` in each
    /// templates folder, then among the built-in ones.
    pub fn find(name: &str, folders: &[PathBuf]) -> Result<ReportTemplate, TemplateError> {
        if !foresight_core::taxonomy::is_template_name(name) {
            return Err(TemplateError::BadName(name.to_string()));
        }
        for folder in folders {
            let path = folder.join("reports").join(format!("{name}.ron"));
            if let Some(text) = foresight_core::taxonomy::read_template_file(&path) {
                return ReportTemplate::parse(&text, &path);
            }
        }
        ReportTemplate::built_in(name).ok_or_else(|| TemplateError::NotFound {
            name: name.to_string(),
            searched: if folders.is_empty() {
                "no templates folder".to_string()
            } else {
                folders
                    .iter()
                    .map(|f| f.join("reports").display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            },
            built_in: Self::built_in_names().join(", "),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_users_templates_are_listed_by_title_after_the_built_in_ones() {
        let folder = tempfile::tempdir().unwrap();
        let reports = folder.path().join("reports");
        std::fs::create_dir(&reports).unwrap();
        let briefing = BUILT_IN.iter().find(|(n, _)| *n == "briefing").unwrap().1;
        std::fs::write(
            reports.join("ours.ron"),
            briefing
                .replace("name: \"briefing\"", "name: \"ours\"")
                .replace("title: \"Partnership briefing\"", "title: \"Our briefing\""),
        )
        .unwrap();
        std::fs::write(
            reports.join("briefing.ron"),
            briefing.replace(
                "title: \"Partnership briefing\"",
                "title: \"Briefing, our way\"",
            ),
        )
        .unwrap();
        std::fs::write(reports.join("broken.ron"), "(name: ").unwrap();
        let list = ReportTemplate::available(&[folder.path().to_path_buf()]);
        let titles: Vec<(&str, &str)> =
            list.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
        assert!(
            titles.contains(&("briefing", "Briefing, our way")),
            "{titles:?}"
        );
        assert!(titles.contains(&("ours", "Our briefing")), "{titles:?}");
        assert!(
            titles.contains(&("broken", "broken (cannot be read)")),
            "{titles:?}"
        );
        assert_eq!(titles[0].0, "learning-together");
    }

    #[test]
    fn every_built_in_template_parses_and_has_a_heading_per_section() {
        for name in ReportTemplate::built_in_names() {
            let t = ReportTemplate::built_in(name).unwrap();
            assert_eq!(t.name, name);
            assert!(!t.sections.is_empty());
            assert!(t.sections.iter().all(|s| !s.heading.trim().is_empty()));
        }
        assert_eq!(
            ReportTemplate::built_in_title("briefing"),
            Some("Partnership briefing")
        );
        let full = ReportTemplate::built_in("learning-together").unwrap();
        let method = full
            .sections
            .iter()
            .find(|s| s.content == Content::Method)
            .unwrap();
        assert!(
            method
                .text
                .iter()
                .any(|p| p.contains("Hindsight and outcome bias"))
        );
    }

    #[test]
    fn a_user_copy_overrides_the_built_in_and_errors_name_the_file() {
        let folder = tempfile::tempdir().unwrap();
        std::fs::create_dir(folder.path().join("reports")).unwrap();
        let path = folder.path().join("reports").join("briefing.ron");
        std::fs::write(
            &path,
            "(name: \"briefing\", title: \"Mine\", subtitle: \"S\", sections: [(content: Text, heading: \"Only\")])",
        )
        .unwrap();
        let folders = vec![folder.path().to_path_buf()];
        let t = ReportTemplate::find("briefing", &folders).unwrap();
        assert_eq!(t.title, "Mine");
        std::fs::write(&path, "(name: \"briefing\",\n  title: 3)").unwrap();
        let e = ReportTemplate::find("briefing", &folders)
            .unwrap_err()
            .to_string();
        assert!(e.contains("briefing.ron:2:"), "{e}");
        let e = ReportTemplate::find("nonesuch", &folders)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("nonesuch") && e.contains("learning-together"),
            "{e}"
        );
    }
}
