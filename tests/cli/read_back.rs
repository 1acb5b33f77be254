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

/// The text of an exported report as a reader's software shows it, by the
/// file's ending (.pdf, .docx, anything else a web page).
pub fn report_text(path: &Path) -> String {
    match path.extension().and_then(|e| e.to_str()) {
        Some("pdf") => pdf_text(path),
        Some("docx") => docx_text(&std::fs::read(path).unwrap()),
        _ => html_text(&std::fs::read_to_string(path).unwrap()),
    }
}

/// Everything an exported report carries that a person could read, not
/// only what its reader shows: a PDF's text and its document information
/// (`pdfinfo`), every XML part of a Word document (body, headers, footers,
/// properties) with its attributes' values, a web page's text and its
/// attributes' values (alt text, titles, metadata).
pub fn report_everything(path: &Path) -> String {
    let xml_everything = |xml: &str| -> String {
        let options = roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        };
        let document = roxmltree::Document::parse_with_options(xml, options).unwrap();
        let mut out = Vec::new();
        for node in document.descendants() {
            out.extend(node.text().filter(|_| node.is_text()));
            out.extend(node.attributes().map(|a| a.value()));
        }
        out.join(" ")
    };
    match path.extension().and_then(|e| e.to_str()) {
        Some("pdf") => {
            let info = std::process::Command::new("pdfinfo")
                .arg(path)
                .output()
                .expect("pdfinfo runs (poppler-utils)");
            assert!(info.status.success(), "{}", text(&info.stderr));
            // The fixed dates of a reproducible file ("Sat Jan  1 00:00:00
            // 2000") are pdfinfo's words, not the report's.
            let info: Vec<String> = text(&info.stdout)
                .lines()
                .filter(|l| !l.starts_with("CreationDate:") && !l.starts_with("ModDate:"))
                .map(str::to_string)
                .collect();
            format!("{}\n{}", pdf_text(path), info.join("\n"))
        }
        Some("docx") => {
            let bytes = std::fs::read(path).unwrap();
            let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
            let mut parts = Vec::new();
            for i in 0..archive.len() {
                let mut part = archive.by_index(i).unwrap();
                if part.name().ends_with(".xml") || part.name().ends_with(".rels") {
                    let mut xml = String::new();
                    part.read_to_string(&mut xml).unwrap();
                    parts.push(xml_everything(&xml));
                }
            }
            parts.join("\n")
        }
        _ => xml_everything(&std::fs::read_to_string(path).unwrap()),
    }
}
