//! A report as a list of blocks, independent of PDF: headings, paragraphs,
//! lists, tables and figures. The same [`ReportDocument`] is previewed in
//! the app's Report panel and written to PDF by [`super::pdf`].

use crate::export::scene::Scene;

/// A report ready to lay out.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReportDocument {
    /// The review's (anonymised) title: the title page, the running header
    /// and the PDF's Title.
    pub title: String,
    /// The line under the title, e.g. "Local child safeguarding practice
    /// review".
    pub subtitle: String,
    /// Further lines on the title page (the partnership, the date of
    /// publication, the review's status).
    pub title_lines: Vec<String>,
    /// The PDF's Subject (no personal data).
    pub subject: String,
    /// Printed diagonally on every page when set, e.g. "NOT FOR
    /// PUBLICATION — IDENTIFIED DRAFT".
    pub watermark: Option<String>,
    /// The body, in order.
    pub blocks: Vec<Block>,
    /// The contents' title, from the template ("Contents" when empty).
    pub contents_title: String,
}

/// One block of the body.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A section heading. Levels 1 and 2 go in the table of contents and
    /// the PDF outline; a heading is never left alone at a page's foot.
    Heading {
        /// 1 (section), 2 (subsection) or 3 (minor heading).
        level: u8,
        /// The heading's text, numbered by the template when wanted
        /// ("3. Method").
        text: String,
    },
    /// A paragraph of running text.
    Paragraph {
        /// The text, as runs of one style each.
        spans: Vec<Span>,
        /// How it is set.
        style: ParagraphStyle,
    },
    /// A bulleted or numbered list; each item is one paragraph.
    List {
        /// Numbered (1., 2., …) rather than bulleted.
        ordered: bool,
        /// The items.
        items: Vec<Vec<Span>>,
    },
    /// A table that may split across pages, its header row repeated.
    Table(Table),
    /// A figure drawn as vectors, scaled to the page.
    Figure {
        /// The drawing.
        scene: Scene,
        /// "Figure 2: The case map (part 1 of 2)".
        caption: String,
    },
    /// The table of contents goes here.
    Contents,
    /// Start a new page.
    PageBreak,
}

/// How a paragraph is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ParagraphStyle {
    /// Running text.
    #[default]
    Body,
    /// A fixed explanatory note, set smaller.
    Note,
    /// Set off from the text (an indented quotation or a key question).
    Quote,
}

/// A run of text in one style.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Span {
    /// The text.
    pub text: String,
    /// Bold.
    pub bold: bool,
    /// Italic (oblique).
    pub italic: bool,
}

impl Span {
    /// Plain text.
    pub fn plain(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            ..Span::default()
        }
    }

    /// Bold text.
    pub fn bold(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            bold: true,
            italic: false,
        }
    }

    /// Italic text.
    pub fn italic(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            bold: false,
            italic: true,
        }
    }
}

/// A table.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// Shown above the table ("Table 1: Summary of findings").
    pub caption: String,
    /// Column headings.
    pub columns: Vec<String>,
    /// Relative column widths (one per column; they need not sum to 1).
    pub widths: Vec<f32>,
    /// The rows, each with one cell per column.
    pub rows: Vec<Vec<String>>,
}

impl ReportDocument {
    /// The title of the table of contents.
    pub fn contents_title(&self) -> &str {
        match self.contents_title.trim() {
            "" => "Contents",
            title => title,
        }
    }

    /// Every piece of text the report will print (title page, headings,
    /// paragraphs, list items, table cells, captions and figure labels),
    /// for the leak check and for tests.
    pub fn texts(&self) -> Vec<&str> {
        let mut out: Vec<&str> = vec![&self.title, &self.subtitle, &self.subject];
        out.extend(self.title_lines.iter().map(String::as_str));
        for block in &self.blocks {
            match block {
                Block::Heading { text, .. } => out.push(text),
                Block::Paragraph { spans, .. } => out.extend(spans.iter().map(|s| s.text.as_str())),
                Block::List { items, .. } => {
                    out.extend(items.iter().flatten().map(|s| s.text.as_str()))
                }
                Block::Table(t) => {
                    out.push(&t.caption);
                    out.extend(t.columns.iter().map(String::as_str));
                    out.extend(t.rows.iter().flatten().map(String::as_str));
                }
                Block::Figure { scene, caption } => {
                    out.push(caption);
                    out.push(&scene.title);
                    scene_texts(&scene.items, &mut out);
                }
                Block::Contents | Block::PageBreak => {}
            }
        }
        out
    }

    /// The headings of levels 1 and 2, in order: the table of contents.
    pub fn outline(&self) -> Vec<(u8, &str)> {
        self.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading { level, text } if *level <= 2 => Some((*level, text.as_str())),
                _ => None,
            })
            .collect()
    }
}

/// Every text a figure prints (labels, tooltips), in drawing order.
pub(crate) fn scene_texts<'s>(items: &'s [crate::export::scene::Item], out: &mut Vec<&'s str>) {
    use crate::export::scene::Item;
    for item in items {
        match item {
            Item::Text { text, .. } => out.push(text),
            Item::Group { items, tooltip, .. } => {
                if let Some(t) = tooltip {
                    out.push(t);
                }
                scene_texts(items, out);
            }
            Item::Path { .. } | Item::Ellipse { .. } => {}
        }
    }
}

/// A text alternative for a figure, for readers who cannot see it: its
/// caption and every label it shows, each once, in drawing order.
pub fn figure_description(caption: &str, scene: &Scene) -> String {
    // A record's full text once, not also its label as wrapped and cut.
    fn whole_texts<'s>(items: &'s [crate::export::scene::Item], out: &mut Vec<&'s str>) {
        use crate::export::scene::Item;
        for item in items {
            match item {
                Item::Text { text, .. } => out.push(text),
                Item::Group {
                    tooltip: Some(tooltip),
                    ..
                } => out.push(tooltip),
                Item::Group { items, .. } => whole_texts(items, out),
                Item::Path { .. } | Item::Ellipse { .. } => {}
            }
        }
    }
    let mut texts = Vec::new();
    whole_texts(&scene.items, &mut texts);
    let mut seen = std::collections::HashSet::new();
    let labels: Vec<String> = texts
        .into_iter()
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty() && seen.insert(t.clone()))
        .collect();
    let caption = caption.trim().trim_end_matches('.');
    if labels.is_empty() {
        format!("{caption}.")
    } else {
        format!("{caption}. The figure shows: {}.", labels.join("; "))
    }
}
