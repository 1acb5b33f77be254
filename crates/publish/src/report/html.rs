//! The report as one accessible, self-contained web page: the format the
//! public-sector accessibility guidance prefers to PDF. The language is
//! set; a skip link leads past the contents to the text; the report's
//! title is the one `<h1>` and its sections are `<h2>`–`<h4>` in order;
//! lists are lists and tables have a caption and header cells; every
//! figure is inline SVG announced as one image, with a `<title>` and a
//! `<desc>` that gives its caption and every label it shows. No script,
//! no external file: it opens offline and prints.
//!
//! The markup is also well-formed XML, so a test (or a partnership's own
//! tooling) can read it back with an XML parser.

use std::fmt::Write as _;

use super::document::{Block, ParagraphStyle, ReportDocument, Span, Table, figure_description};
use crate::export::svg::{escape, scene_svg_inline};

/// The page's language: British English.
pub const LANGUAGE: &str = "en-GB";

const STYLE: &str = "\
body{font-family:'DejaVu Sans',Verdana,Arial,sans-serif;line-height:1.5;max-width:46em;margin:0 auto;padding:1em;color:#0b0c0c;background:#fff}\
.skip{position:absolute;left:-999em}.skip:focus{position:static;display:inline-block;background:#fd0;color:#0b0c0c;padding:.3em}\
header{border-bottom:2px solid #0b0c0c;margin-bottom:1.5em}\
.subtitle{font-size:1.25em}.watermark{border:3px solid #d4351c;color:#d4351c;font-weight:bold;padding:.5em}\
.note{font-size:.9em;color:#484949}blockquote{border-left:4px solid #b1b4b6;margin-left:0;padding-left:1em}\
table{border-collapse:collapse;width:100%;margin:1em 0}caption{text-align:left;font-weight:bold;margin-bottom:.3em}\
th,td{border:1px solid #b1b4b6;padding:.3em .5em;text-align:left;vertical-align:top}th{background:#f3f2f1}\
figure{margin:1.5em 0}figcaption{font-weight:bold;margin-top:.3em}svg{height:auto;max-width:100%}\
.contents{list-style:none;padding-left:0}.contents .level-2{margin-left:1.5em}a{color:#1d70b8}a:focus{outline:3px solid #fd0}\
@media print{.skip{display:none}a{color:#0b0c0c}figure,table{page-break-inside:avoid}}";

/// The anchor of the `n`th heading (from 1).
fn anchor(n: usize) -> String {
    format!("section-{n}")
}

fn spans_html(spans: &[Span]) -> String {
    let mut out = String::new();
    for span in spans {
        let text = escape(&span.text);
        match (span.bold, span.italic) {
            (true, true) => {
                let _ = write!(out, "<strong><em>{text}</em></strong>");
            }
            (true, false) => {
                let _ = write!(out, "<strong>{text}</strong>");
            }
            (false, true) => {
                let _ = write!(out, "<em>{text}</em>");
            }
            (false, false) => out.push_str(&text),
        }
    }
    out
}

fn table_html(out: &mut String, table: &Table) {
    out.push_str("<table>\n");
    if !table.caption.is_empty() {
        let _ = writeln!(out, "<caption>{}</caption>", escape(&table.caption));
    }
    out.push_str("<thead><tr>");
    for column in &table.columns {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(column));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            // The first cell names the row (an episode, a finding).
            if i == 0 {
                let _ = write!(out, "<th scope=\"row\">{}</th>", escape(cell));
            } else {
                let _ = write!(out, "<td>{}</td>", escape(cell));
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The report as a web page.
pub fn write_html(document: &ReportDocument) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let _ = writeln!(out, "<!DOCTYPE html>");
    let _ = writeln!(
        out,
        "<html lang=\"{LANGUAGE}\" xml:lang=\"{LANGUAGE}\" xmlns=\"http://www.w3.org/1999/xhtml\">"
    );
    out.push_str("<head>\n<meta charset=\"utf-8\"/>\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
    let _ = writeln!(out, "<title>{}</title>", escape(&document.title));
    if !document.subject.is_empty() {
        let _ = writeln!(
            out,
            "<meta name=\"description\" content=\"{}\"/>",
            escape(&document.subject)
        );
    }
    let _ = writeln!(out, "<style>{STYLE}</style>\n</head>\n<body>");
    out.push_str("<a class=\"skip\" href=\"#main\">Skip to the report</a>\n<header>\n");
    let _ = writeln!(out, "<h1>{}</h1>", escape(&document.title));
    if !document.subtitle.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"subtitle\">{}</p>",
            escape(&document.subtitle)
        );
    }
    for line in &document.title_lines {
        let _ = writeln!(out, "<p>{}</p>", escape(line));
    }
    if let Some(watermark) = &document.watermark {
        let _ = writeln!(out, "<p class=\"watermark\">{}</p>", escape(watermark));
    }
    out.push_str("</header>\n");
    // The contents go before the text, where the template asks for them.
    let mut main_open = false;
    let mut heading = 0;
    let mut figure = 0;
    for block in &document.blocks {
        match block {
            Block::Contents => {
                let title = escape(document.contents_title());
                out.push_str(&format!(
                    "<nav aria-label=\"{title}\">\n<h2>{title}</h2>\n<ul class=\"contents\">\n"
                ));
                let mut n = 0;
                for b in &document.blocks {
                    if let Block::Heading { level, text } = b {
                        n += 1;
                        if *level <= 2 {
                            let _ = writeln!(
                                out,
                                "<li class=\"level-{level}\"><a href=\"#{}\">{}</a></li>",
                                anchor(n),
                                escape(text)
                            );
                        }
                    }
                }
                out.push_str("</ul>\n</nav>\n");
            }
            _ if !main_open => {
                out.push_str("<main id=\"main\">\n");
                main_open = true;
                write_block(&mut out, block, &mut heading, &mut figure);
            }
            _ => write_block(&mut out, block, &mut heading, &mut figure),
        }
    }
    if !main_open {
        out.push_str("<main id=\"main\">\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn write_block(out: &mut String, block: &Block, heading: &mut usize, figure: &mut usize) {
    match block {
        Block::Heading { level, text } => {
            *heading += 1;
            // The title is the page's one h1: sections start at h2.
            let h = (*level).clamp(1, 5) + 1;
            let _ = writeln!(
                out,
                "<h{h} id=\"{}\">{}</h{h}>",
                anchor(*heading),
                escape(text)
            );
        }
        Block::Paragraph { spans, style } => {
            let text = spans_html(spans);
            match style {
                ParagraphStyle::Body => {
                    let _ = writeln!(out, "<p>{text}</p>");
                }
                ParagraphStyle::Note => {
                    let _ = writeln!(out, "<p class=\"note\">{text}</p>");
                }
                ParagraphStyle::Quote => {
                    let _ = writeln!(out, "<blockquote><p>{text}</p></blockquote>");
                }
            }
        }
        Block::List { ordered, items } => {
            let tag = if *ordered { "ol" } else { "ul" };
            let _ = writeln!(out, "<{tag}>");
            for item in items {
                let _ = writeln!(out, "<li>{}</li>", spans_html(item));
            }
            let _ = writeln!(out, "</{tag}>");
        }
        Block::Table(table) => table_html(out, table),
        Block::Figure { scene, caption } => {
            *figure += 1;
            let id = format!("figure-{figure}");
            let description = figure_description(caption, scene);
            let title = if caption.is_empty() {
                &scene.title
            } else {
                caption
            };
            let _ = writeln!(out, "<figure id=\"{id}\">");
            out.push_str(&scene_svg_inline(
                scene,
                &format!("{id}-svg"),
                title,
                &description,
            ));
            let _ = writeln!(
                out,
                "<figcaption>{}</figcaption>\n</figure>",
                escape(caption)
            );
        }
        Block::PageBreak | Block::Contents => {}
    }
}

/// The text a reader of the page meets, in pieces: the text between the
/// tags (entities decoded) and the values of the attributes people read
/// (`content`, `alt`, `aria-label`); for the leak check of what was
/// written.
pub fn page_texts(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let text = &rest[..open];
        if !text.trim().is_empty() {
            out.push(unescape(text));
        }
        let Some(close) = rest[open..].find('>') else {
            break;
        };
        let tag = &rest[open..open + close];
        // A style sheet is not text anyone reads.
        if tag == "<style" || tag.starts_with("<style ") {
            match rest[open..].find("</style>") {
                Some(end) => {
                    rest = &rest[open + end + "</style>".len()..];
                    continue;
                }
                None => break,
            }
        }
        for attribute in ["content=\"", "alt=\"", "aria-label=\""] {
            if let Some(at) = tag.find(attribute) {
                let value = &tag[at + attribute.len()..];
                if let Some(end) = value.find('"') {
                    out.push(unescape(&value[..end]));
                }
            }
        }
        rest = &rest[open + close + 1..];
    }
    if !rest.trim().is_empty() {
        out.push(unescape(rest));
    }
    out
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::document::Table;

    fn document() -> ReportDocument {
        ReportDocument {
            contents_title: String::new(),
            title: "Child Q & the <system>".into(),
            subtitle: "Local child safeguarding practice review".into(),
            title_lines: vec!["Published March 2027".into()],
            subject: "Learning review".into(),
            watermark: None,
            blocks: vec![
                Block::Contents,
                Block::Heading {
                    level: 1,
                    text: "1. Introduction".into(),
                },
                Block::Paragraph {
                    spans: vec![Span::plain("Why it made sense "), Span::italic("then")],
                    style: ParagraphStyle::Body,
                },
                Block::Heading {
                    level: 2,
                    text: "1.1 Terms".into(),
                },
                Block::List {
                    ordered: false,
                    items: vec![vec![Span::plain("one")], vec![Span::bold("two")]],
                },
                Block::Table(Table {
                    caption: "Table 1: Findings".into(),
                    columns: vec!["Finding".into(), "Question".into()],
                    widths: vec![1.0, 2.0],
                    rows: vec![vec!["1".into(), "How?".into()]],
                }),
            ],
        }
    }

    #[test]
    fn the_page_is_well_formed_with_one_h1_headings_in_order_and_a_skip_link() {
        let html = write_html(&document());
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains("<html lang=\"en-GB\""));
        assert!(html.contains("<a class=\"skip\" href=\"#main\">"));
        assert!(html.contains("<main id=\"main\">"));
        assert_eq!(html.matches("<h1>").count(), 1);
        let h2 = html
            .find("<h2 id=\"section-1\">1. Introduction</h2>")
            .unwrap();
        let h3 = html.find("<h3 id=\"section-2\">1.1 Terms</h3>").unwrap();
        assert!(h2 < h3);
        assert!(html.contains("<a href=\"#section-2\">1.1 Terms</a>"));
        assert!(html.contains("<caption>Table 1: Findings</caption>"));
        assert!(html.contains("<th scope=\"col\">Finding</th>"));
        assert!(html.contains("Child Q &amp; the &lt;system&gt;"));
        let texts = page_texts(&html);
        assert!(
            texts.iter().any(|t| t == "Child Q & the <system>"),
            "{texts:?}"
        );
    }
}
