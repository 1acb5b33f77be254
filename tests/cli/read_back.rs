//! Reading exported reports back as a reader's software would: the text
//! of a PDF, a Word document and a web page.

use std::io::Read;
use std::path::Path;

use super::run::text;

/// The text of a PDF as `pdftotext` reads it, in reading order.
pub fn pdf_text(path: &Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext runs (poppler-utils)");
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
}

/// The text of a Word document's body, one paragraph a line.
pub fn docx_text(bytes: &[u8]) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let document = roxmltree::Document::parse(&xml).unwrap();
    let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    document
        .descendants()
        .filter(|n| n.has_tag_name((w, "p")))
        .map(|p| {
            p.descendants()
                .filter(|n| n.has_tag_name((w, "t")))
                .filter_map(|t| t.text())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The text of a web page, entities decoded.
pub fn html_text(html: &str) -> String {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let page = roxmltree::Document::parse_with_options(html, options).unwrap();
    page.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join(" ")
}
