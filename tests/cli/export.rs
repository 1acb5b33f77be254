//! `foresight export`: the anonymised PDF report, read back with a PDF
//! reader (lopdf): pages, embedded fonts, headings in order, page
//! numbers, bookmarks and metadata, no real name anywhere, the identified
//! draft watermarked on every page, blame left out, untagged refused.

use std::path::Path;
use std::process::{Command, Output};

use foresight::model::{FindingTag, Review};
use foresight::store;
use lopdf::{Document, Object};

use super::run::{foresight, text};

const WORKED: &str = "assets/examples/child-b-learning-review.review.ron";
const MUNRO: &str = "assets/examples/munro-appendix2.review.ron";
const TRAPS: &str = "tests/data/anonymise/trap-chronology.review.ron";

/// What a reader finds in the PDF.
pub struct Read {
    pub pages: Vec<String>,
    outline: Vec<String>,
    info: Vec<(String, String)>,
    fonts: usize,
    embedded: usize,
}

impl Read {
    pub fn all_text(&self) -> String {
        let mut all = self.pages.join("\n");
        for t in &self.outline {
            all.push('\n');
            all.push_str(t);
        }
        for (_, v) in &self.info {
            all.push('\n');
            all.push_str(v);
        }
        all
    }

    fn info(&self, key: &str) -> Option<&str> {
        self.info
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

fn string_of(doc: &Document, object: &Object) -> Option<String> {
    let object = match object {
        Object::Reference(id) => doc.get_object(*id).ok()?,
        other => other,
    };
    match object {
        Object::String(bytes, _) => Some(
            lopdf::decode_text_string(object)
                .unwrap_or_else(|_| String::from_utf8_lossy(bytes).into_owned()),
        ),
        _ => None,
    }
}

pub fn read(path: &Path) -> Read {
    let doc = Document::load(path).expect("a PDF lopdf can read");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let page_texts = pages
        .iter()
        .map(|p| doc.extract_text(&[*p]).unwrap_or_default())
        .collect();
    let mut outline = Vec::new();
    if let Ok(catalog) = doc.catalog()
        && let Ok(Object::Reference(outlines)) = catalog.get(b"Outlines")
        && let Ok(outlines) = doc.get_dictionary(*outlines)
    {
        let mut stack = Vec::new();
        if let Ok(Object::Reference(first)) = outlines.get(b"First") {
            stack.push(*first);
        }
        while let Some(id) = stack.pop() {
            let Ok(item) = doc.get_dictionary(id) else {
                continue;
            };
            if let Some(title) = item.get(b"Title").ok().and_then(|t| string_of(&doc, t)) {
                outline.push(title);
            }
            for key in [b"Next".as_slice(), b"First".as_slice()] {
                if let Ok(Object::Reference(next)) = item.get(key) {
                    stack.push(*next);
                }
            }
        }
    }
    let mut info = Vec::new();
    if let Ok(Object::Reference(id)) = doc.trailer.get(b"Info")
        && let Ok(dict) = doc.get_dictionary(*id)
    {
        for (k, v) in dict.iter() {
            if let Some(value) = string_of(&doc, v) {
                info.push((String::from_utf8_lossy(k).into_owned(), value));
            }
        }
    }
    let (mut fonts, mut embedded) = (0, 0);
    for object in doc.objects.values() {
        if let Ok(dict) = object.as_dict()
            && dict.get(b"Type").and_then(Object::as_name).ok()
                == Some(b"FontDescriptor".as_slice())
        {
            fonts += 1;
            if dict.has(b"FontFile2") || dict.has(b"FontFile3") || dict.has(b"FontFile") {
                embedded += 1;
            }
        }
    }
    Read {
        pages: page_texts,
        outline,
        info,
        fonts,
        embedded,
    }
}

/// Every real name, alias and generic-less identifier of the cast.
fn real_names(review: &Review) -> Vec<String> {
    let mut names = Vec::new();
    for p in &review.people {
        names.push(p.name.clone());
        names.extend(p.aliases.iter().cloned());
    }
    for a in &review.agencies {
        names.push(a.name.clone());
        names.extend(a.aliases.iter().cloned());
    }
    for p in &review.places {
        names.push(p.name.clone());
        names.extend(p.aliases.iter().cloned());
    }
    // Generic kinship words ("Nan") are kept even when listed as an alias.
    let lists = foresight::anonymise::lists::FieldLists::built_in();
    names.retain(|n| n.trim().len() > 1 && !lists.is_kinship(n));
    names
}

/// True when `name` occurs in `text` as a whole word (or, for names of
/// five letters or more, anywhere).
fn occurs(text: &str, name: &str) -> bool {
    if name.chars().count() >= 5 {
        return text.contains(name);
    }
    // An author's initial in a citation ("Brandon, M. and others (2020)")
    // is not a name of the case's.
    let text = text.replace('\n', " ");
    text.match_indices(name).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric)
            && !after.is_some_and(char::is_alphanumeric)
            && !foresight::anonymise::classify::is_cited_initial(&text, at, at + name.len())
    })
}

fn export(input: &str, extra: &[&str]) -> (tempfile::TempDir, std::path::PathBuf, Output) {
    let folder = tempfile::tempdir().unwrap();
    let pdf = folder.path().join("report.pdf");
    let mut args = vec!["export", input, "-o", pdf.to_str().unwrap()];
    args.extend_from_slice(extra);
    let out = foresight(&args);
    (folder, pdf, out)
}

#[test]
fn the_worked_example_exports_as_a_published_review_without_its_blame_finding() {
    let (_folder, pdf, out) = export(WORKED, &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("left out of publication: FN9"),
        "the blame finding is named: {stderr}"
    );
    let review = store::load(Path::new(WORKED)).unwrap();
    let read = read(&pdf);
    let pages = read.pages.len();
    assert!(pages >= 12, "a full report: {pages} pages");
    assert!(read.fonts >= 2, "fonts: {}", read.fonts);
    assert_eq!(read.fonts, read.embedded, "every font embedded");

    // Headings in the template's order.
    let all = read.pages.join("\n");
    let mut at = 0;
    for heading in [
        "Contents",
        "1. Executive summary",
        "Key findings",
        "2. Introduction and terms of reference",
        "3. The review process",
        "4. Method",
        "5. About Child B",
        "6. Family involvement",
        "7. The child’s journey in brief: a synopsis",
        "8. Appraisal of practice",
        "9. Findings",
        "10. The partnership’s response",
        "11. Conclusion",
        "Appendix A: Roles and agencies",
        "Appendix B: Contributing factors by level",
        "Appendix C: The case map and feedback loops",
        "Appendix D: References",
        "Appendix E: Glossary",
    ] {
        let heading = heading.replace('’', "'");
        let found = all.replace('’', "'")[at..].find(&heading);
        assert!(found.is_some(), "\"{heading}\" after offset {at}");
        at += found.unwrap() + heading.len();
    }
    // The executive summary and the key findings come before page 6, the
    // sections of a published review are filled from the worked example.
    let page_of = |text: &str| read.pages.iter().position(|p| p.contains(text));
    let summary = page_of("The review used the SCIE Learning Together systems approach");
    let key_findings = page_of("Table 1: Key findings");
    assert!(
        summary.is_some_and(|p| p < 5),
        "summary on page {summary:?}"
    );
    assert!(
        key_findings.is_some_and(|p| p < 5),
        "key findings on page {key_findings:?}"
    );
    // The cover gives the date and the status.
    assert!(read.pages[0].contains("July 2023"), "{}", read.pages[0]);
    assert!(read.pages[0].contains("Draft for the partnership"));
    for written in [
        "The maternal grandmother said:",
        "Neither lead reviewer has worked for any of the agencies involved",
        "Interests and strengths",
        "Action already taken",
        "Fish, S., Munro, E. and Bairstow, S. (2008)",
    ] {
        assert!(all.replace('\n', " ").contains(written), "{written}");
    }
    // The method explains how hindsight was managed.
    assert!(all.contains("Hindsight and outcome bias"));
    // Page numbers on every page but the title page.
    for (i, page) in read.pages.iter().enumerate().skip(1) {
        let footer = format!("Page {} of {pages}", i + 1);
        assert!(page.contains(&footer), "page {}: {footer}", i + 1);
    }
    // Bookmarks for the sections.
    assert!(
        read.outline.iter().any(|t| t.contains("Findings")),
        "{:?}",
        read.outline
    );
    assert!(read.outline.len() >= 10, "{:?}", read.outline);
    // Metadata: the anonymised title, no software fingerprint but the producer.
    assert!(read.info("Title").is_some_and(|t| t.starts_with("Child B")));
    assert_eq!(read.info("Producer"), Some("Foresight"));
    assert!(read.info("Author").is_none_or(str::is_empty));
    // The blame-tagged finding is not in it; every learning one is.
    for f in &review.findings {
        let present = all.contains(f.title.trim());
        match f.tag {
            FindingTag::Blame => assert!(!present, "{} left out", f.id),
            _ => assert!(present, "{} published", f.id),
        }
    }
    // No real name anywhere: page text, bookmarks, metadata.
    let everything = read.all_text();
    for name in real_names(&review) {
        assert!(!occurs(&everything, &name), "\"{name}\" leaked");
    }
    // The PDF's own bytes carry no file path of the machine.
    let bytes = std::fs::read(&pdf).unwrap();
    let raw = String::from_utf8_lossy(&bytes);
    assert!(!raw.contains("/tmp") && !raw.contains("/home"), "no paths");
}

#[test]
fn the_identified_draft_is_watermarked_on_every_page_and_names_people() {
    let (_folder, pdf, out) = export(WORKED, &["--identified-draft"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let read = read(&pdf);
    for (i, page) in read.pages.iter().enumerate() {
        assert!(
            page.contains("NOT FOR PUBLICATION") && page.contains("IDENTIFIED DRAFT"),
            "page {} watermarked",
            i + 1
        );
    }
    // The draft is for the panel: the cast's real names are in it, and the
    // blame finding too, marked.
    assert!(read.all_text().contains("Maisie"));
    assert!(read.all_text().contains("Tagged blame"));
}

#[test]
fn the_munro_example_exports_with_its_loop_diagram() {
    // A teaching diagram with no findings is not a review to publish…
    let (_folder, _, out) = export(MUNRO, &["--template", "learning-together"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("has no findings"));
    // …but its draft shows the loop diagram.
    let (_folder, pdf, out) = export(
        MUNRO,
        &["--template", "learning-together", "--identified-draft"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let read = read(&pdf);
    let all = read.pages.join("\n");
    assert!(all.contains("Figure 1"), "a figure caption");
    assert_eq!(read.fonts, read.embedded);
}

#[test]
fn the_briefing_template_is_short() {
    let (_folder, pdf, out) = export(WORKED, &["--template", "briefing"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let read = read(&pdf);
    assert!(read.pages.len() < 12, "{} pages", read.pages.len());
    assert!(read.pages.join("\n").contains("Key messages"));
}

#[test]
fn an_untagged_finding_makes_the_publication_export_refuse_naming_it() {
    let mut review = store::load(Path::new(WORKED)).unwrap();
    review.findings[2].tag = FindingTag::Untagged;
    let folder = tempfile::tempdir().unwrap();
    let input = folder.path().join("review.review.ron");
    store::save(&input, &review).unwrap();
    let pdf = folder.path().join("report.pdf");
    let out = foresight(&[
        "export",
        input.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(&format!("{} ", review.findings[2].id)) && stderr.contains("untagged"),
        "{stderr}"
    );
    assert!(!pdf.exists(), "nothing written");
    // The identified draft still works.
    let out = foresight(&[
        "export",
        input.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
        "--identified-draft",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn a_leak_planted_in_the_report_title_makes_the_export_fail_naming_it() {
    // A template whose fixed title line names the child: template text is
    // not anonymised, so only the leak check stands in the way.
    let folder = tempfile::tempdir().unwrap();
    std::fs::create_dir(folder.path().join("reports")).unwrap();
    let template = foresight::report::template::ReportTemplate::built_in("briefing").unwrap();
    let mut leaky = template.clone();
    leaky.name = "leaky".into();
    leaky.subtitle = "Learning from the care of Maisie-Jane Ashworth".into();
    std::fs::write(
        folder.path().join("reports").join("leaky.ron"),
        ron::ser::to_string(&leaky).unwrap(),
    )
    .unwrap();
    let pdf = folder.path().join("report.pdf");
    let out = Command::new(env!("CARGO_BIN_EXE_foresight"))
        .args([
            "export",
            WORKED,
            "-o",
            pdf.to_str().unwrap(),
            "--template",
            "leaky",
        ])
        .env("FORESIGHT_TEMPLATES", folder.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("Maisie-Jane Ashworth"), "{stderr}");
    assert!(stderr.contains("report subtitle"), "names where: {stderr}");
    assert!(!pdf.exists(), "nothing written");
}

#[test]
fn the_trap_chronology_leaves_no_identifying_string_in_the_pdf() {
    let (_folder, pdf, out) = export(TRAPS, &["--include-chronology"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let read = read(&pdf);
    let everything = read.all_text();
    assert!(everything.contains("Summary chronology"));
    for s in super::anonymise::IDENTIFYING {
        assert!(!everything.contains(s), "\"{s}\" in the PDF");
    }
}

#[test]
fn an_unknown_template_and_an_unreadable_review_exit_2() {
    let (_folder, _pdf, out) = export(WORKED, &["--template", "nonesuch"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("nonesuch"));
    let folder = tempfile::tempdir().unwrap();
    let bad = folder.path().join("bad.review.ron");
    std::fs::write(&bad, "(format_version: 1,\n  meta: (title: 3))").unwrap();
    let out = foresight(&["export", bad.to_str().unwrap(), "-o", "x.pdf"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("bad.review.ron:2:"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_figure_is_exported_anonymised_as_svg_or_png() {
    let folder = tempfile::tempdir().unwrap();
    let svg = folder.path().join("map.svg");
    let out = foresight(&["figure", WORKED, "-o", svg.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let drawn = std::fs::read_to_string(&svg).unwrap();
    assert!(drawn.starts_with("<svg"));
    let review = store::load(Path::new(WORKED)).unwrap();
    for name in real_names(&review) {
        assert!(!occurs(&drawn, &name), "\"{name}\" in the figure");
    }
    let png = folder.path().join("loops.png");
    let out = foresight(&[
        "figure",
        WORKED,
        "-o",
        png.to_str().unwrap(),
        "--diagram",
        "D2",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(&std::fs::read(&png).unwrap()[1..4], b"PNG");
    let out = foresight(&[
        "figure",
        WORKED,
        "-o",
        png.to_str().unwrap(),
        "--diagram",
        "D9",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no diagram D9"));
}

#[test]
fn a_generated_review_of_n_episodes_exports() {
    let folder = tempfile::tempdir().unwrap();
    let review = folder.path().join("g.review.ron");
    let out = foresight(&[
        "generate",
        "--episodes",
        "12",
        "--seed",
        "5",
        "-o",
        review.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let loaded = store::load(&review).unwrap();
    assert_eq!(loaded.episodes.len(), 12);
    assert!(!loaded.named_loops.is_empty() && loaded.diagrams.len() == 2);
    let pdf = folder.path().join("g.pdf");
    let out = foresight(&[
        "export",
        review.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let read = read(&pdf);
    assert!(read.pages.len() > 15, "{} pages", read.pages.len());
    assert!(read.pages.join("\n").contains("Episode 12"));
}
