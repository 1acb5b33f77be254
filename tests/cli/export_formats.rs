//! The report in each of its formats, read back as a reader's software
//! reads it: the Word document unzipped (styles, headings in order,
//! tables with a header row, figures with alternative text, properties),
//! the web page parsed (language, skip link, headings in order, tables
//! with headers, every figure with a text alternative), and every format
//! free of the cast's real names and of the finding tagged blame.

use std::io::Read;
use std::path::Path;

use foresight::model::{FindingTag, Review};
use foresight::store;

use crate::run::{foresight, text};

const WORKED: &str = "assets/examples/child-b-learning-review.review.ron";

/// Exports the worked example to `name` in a fresh folder; the file's bytes.
fn export(name: &str) -> Vec<u8> {
    let folder = tempfile::tempdir().unwrap();
    let out_path = folder.path().join(name);
    let out = foresight(&[
        "export",
        WORKED,
        "-o",
        out_path.to_str().unwrap(),
        "--include-chronology",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    std::fs::read(&out_path).unwrap()
}

/// What must not be in any published format: every real name of the
/// cast (each word of at least four letters of a person's name) and the
/// blame-tagged finding's title and statement.
fn forbidden(review: &Review) -> Vec<String> {
    let mut out: Vec<String> = review
        .people
        .iter()
        .flat_map(|p| {
            p.name
                .split_whitespace()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .filter(|w| w.chars().count() >= 4 && w.chars().next().is_some_and(char::is_uppercase))
        .collect();
    for finding in review
        .findings
        .iter()
        .filter(|f| f.tag == FindingTag::Blame)
    {
        out.push(finding.title.chars().take(40).collect());
        out.push(finding.statement.chars().take(40).collect());
    }
    out.sort();
    out.dedup();
    out
}

/// Words that are also pseudonyms or ordinary words in the report.
fn is_published_anyway(word: &str, review: &Review) -> bool {
    review
        .people
        .iter()
        .any(|p| p.pseudonym.split_whitespace().any(|w| w == word))
}

fn assert_clean(format: &str, content: &str) {
    let review = store::load(Path::new(WORKED)).unwrap();
    let flat = content.split_whitespace().collect::<Vec<_>>().join(" ");
    for word in forbidden(&review) {
        if is_published_anyway(&word, &review) {
            continue;
        }
        let bounded = flat.match_indices(word.as_str()).any(|(at, _)| {
            let before = flat[..at].chars().next_back();
            let after = flat[at + word.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        });
        assert!(!bounded, "\"{word}\" in the {format}");
    }
}

/// The XML parts of a .docx, by name.
fn docx_parts(bytes: &[u8]) -> Vec<(String, String)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut parts = Vec::new();
    for i in 0..archive.len() {
        let mut part = archive.by_index(i).unwrap();
        let name = part.name().to_string();
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let mut xml = String::new();
            part.read_to_string(&mut xml).unwrap();
            parts.push((name, xml));
        }
    }
    parts
}

/// The paragraphs of `document.xml` with their style: (style, text).
fn styled_paragraphs(xml: &str) -> Vec<(String, String)> {
    let document = roxmltree::Document::parse(xml).unwrap();
    let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    document
        .descendants()
        .filter(|n| n.has_tag_name((w, "p")))
        .map(|p| {
            let style = p
                .descendants()
                .find(|n| n.has_tag_name((w, "pStyle")))
                .and_then(|s| s.attribute((w, "val")))
                .unwrap_or("Normal")
                .to_string();
            let text: String = p
                .descendants()
                .filter(|n| n.has_tag_name((w, "t")))
                .filter_map(|t| t.text())
                .collect();
            (style, text)
        })
        .collect()
}

/// The web page read as XML (its markup is well-formed; the doctype is
/// allowed).
fn parse_page(html: &str) -> roxmltree::Document<'_> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    roxmltree::Document::parse_with_options(html, options).expect("the page is well-formed")
}

#[test]
fn the_word_document_has_real_styles_headings_tables_and_alt_text_and_no_names() {
    let bytes = export("report.docx");
    let parts = docx_parts(&bytes);
    let part = |name: &str| {
        parts
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, xml)| xml.as_str())
            .unwrap_or_else(|| panic!("{name} in the package"))
    };
    // Styles Word knows by name.
    let styles = part("word/styles.xml");
    for style in [
        "Title",
        "heading 1",
        "heading 2",
        "heading 3",
        "caption",
        "Quote",
    ] {
        assert!(
            styles.contains(&format!("w:val=\"{style}\"")),
            "style {style}"
        );
    }
    let document = part("word/document.xml");
    let paragraphs = styled_paragraphs(document);
    assert_eq!(paragraphs[0].0, "Title");
    assert!(
        paragraphs[0].1.starts_with("Child B"),
        "{:?}",
        paragraphs[0]
    );
    // Headings in the order of the web page's contents (the same document).
    let headings: Vec<&str> = paragraphs
        .iter()
        .filter(|(style, _)| style == "Heading1" || style == "Heading2")
        .map(|(_, text)| text.as_str())
        .collect();
    let html = String::from_utf8(export("report.html")).unwrap();
    let page = parse_page(&html);
    let contents: Vec<String> = page
        .descendants()
        .filter(|n| {
            n.has_tag_name("li")
                && n.attribute("class")
                    .is_some_and(|c| c.starts_with("level-"))
        })
        .map(|li| {
            li.descendants()
                .filter(|n| n.is_text())
                .filter_map(|n| n.text())
                .collect()
        })
        .collect();
    assert!(headings.len() > 20, "{headings:?}");
    // No heading left alone at a page's foot.
    let headings_all = paragraphs
        .iter()
        .filter(|(style, _)| style.starts_with("Heading"))
        .count();
    assert!(document.matches("<w:keepNext").count() >= headings_all);
    assert_eq!(headings, contents);
    // Tables with a header row repeated on each page.
    assert!(document.matches("<w:tbl>").count() >= 5);
    assert_eq!(
        document.matches("<w:tbl>").count(),
        document.matches("<w:tblHeader />").count()
    );
    // Every figure is an image with alternative text that names it.
    let figures = document.matches("<wp:docPr ").count();
    assert!(figures >= 4, "{figures} figures");
    let described = document.matches(" descr=\"Figure ").count();
    assert_eq!(described, figures);
    let archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let images = archive
        .file_names()
        .filter(|n| n.starts_with("word/media/") && n.ends_with(".png"))
        .count();
    assert_eq!(images, figures);
    // Page numbers and a contents field.
    assert!(part("word/footer1.xml").contains("PAGE"));
    assert!(document.contains("TOC \\o"));
    // The contents as Word writes them, which LibreOffice reads too: one
    // content control marked as a table of contents, each field character
    // and instruction in a run of its own, no page number guessed before
    // the document is laid out, and Word asked to update the fields.
    assert!(document.contains("<w:docPartGallery w:val=\"Table of Contents\" />"));
    assert!(!document.contains("<w:sdt><w:sdtPr /><w:sdtContent>"));
    assert!(!document.contains("fldCharType=\"begin\" w:dirty=\"false\" /><w:instrText"));
    assert!(!document.contains("fldCharType=\"begin\" w:dirty=\"true\" /><w:instrText"));
    assert!(!document.contains("</w:instrText><w:fldChar"));
    assert!(
        !document.contains("\\h </w:instrText></w:r><w:r><w:rPr /><w:fldChar w:fldCharType=\"separate\" w:dirty=\"false\" /></w:r><w:r><w:rPr /><w:t")
    );
    assert!(part("word/settings.xml").contains("<w:updateFields w:val=\"true\" />"));
    // Properties: title, subject and language; no author.
    let core = part("docProps/core.xml");
    assert!(core.contains("<dc:title>Child B"), "{core}");
    assert!(core.contains("<dc:language>en-GB</dc:language>"));
    assert!(!core.contains("unknown"), "{core}");
    for (name, xml) in &parts {
        assert_clean(&format!("Word part {name}"), xml);
    }
}

#[test]
fn the_web_page_is_accessible_and_has_no_names() {
    let html = String::from_utf8(export("report.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    let page = parse_page(&html);
    let root = page.root_element();
    assert_eq!(root.attribute("lang"), Some("en-GB"));
    let first_link = page.descendants().find(|n| n.has_tag_name("a")).unwrap();
    assert_eq!(first_link.attribute("href"), Some("#main"));
    assert!(
        page.descendants()
            .any(|n| n.has_tag_name("main") && n.attribute("id") == Some("main"))
    );
    // One h1; headings never skip a level going down.
    let levels: Vec<u8> = page
        .descendants()
        .filter_map(|n| {
            let name = n.tag_name().name();
            (name.len() == 2 && name.starts_with('h'))
                .then(|| name[1..].parse::<u8>().ok())
                .flatten()
        })
        .collect();
    assert_eq!(levels.iter().filter(|&&l| l == 1).count(), 1);
    for pair in levels.windows(2) {
        assert!(
            pair[1] <= pair[0] + 1,
            "a heading skips a level: {levels:?}"
        );
    }
    // Tables have a caption and column headers.
    let tables: Vec<_> = page
        .descendants()
        .filter(|n| n.has_tag_name("table"))
        .collect();
    assert!(tables.len() >= 5);
    for table in &tables {
        assert!(
            table
                .descendants()
                .any(|n| n.has_tag_name("th") && n.attribute("scope") == Some("col"))
        );
    }
    // Every figure has a text alternative: a title and a description.
    let svg = "http://www.w3.org/2000/svg";
    let figures: Vec<_> = page
        .descendants()
        .filter(|n| n.has_tag_name((svg, "svg")))
        .collect();
    assert!(figures.len() >= 4);
    for figure in &figures {
        assert_eq!(figure.attribute("role"), Some("img"));
        let title = figure.children().find(|n| n.has_tag_name((svg, "title")));
        let desc = figure.children().find(|n| n.has_tag_name((svg, "desc")));
        assert!(
            title
                .and_then(|t| t.text())
                .is_some_and(|t| t.starts_with("Figure"))
        );
        assert!(
            desc.and_then(|d| d.text())
                .is_some_and(|d| d.contains("The figure shows"))
        );
    }
    assert!(
        !page
            .descendants()
            .any(|n| n.has_tag_name("img") && n.attribute("alt").is_none_or(str::is_empty))
    );
    assert!(!html.contains("<script"));
    assert_clean("web page", &html);
}

#[test]
fn a_report_file_name_must_say_its_format() {
    let folder = tempfile::tempdir().unwrap();
    let out_path = folder.path().join("report.txt");
    let out = foresight(&["export", WORKED, "-o", out_path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains(".docx"), "{}", text(&out.stderr));
    assert!(!out_path.exists());
}
