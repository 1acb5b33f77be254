//! The child's name written in disguise (letters of other scripts that look
//! Latin, full-width and mathematical letters, separate accents, letters
//! spaced or dotted apart, zero-width spaces inside, reversed in a
//! right-to-left override) goes through `check` and `export` as the name
//! it shows: replaced by the pseudonym in every published format.

use std::path::Path;

use foresight::store;
use unicode_normalization::UnicodeNormalization;

use super::read_back::report_text;
use super::run::{foresight, text};

const WORKED: &str = "assets/examples/child-b-learning-review.review.ron";

/// "Maisie-Jane Ashworth" in disguise.
const DISGUISES: &[&str] = &[
    "Маіѕіе",                          // Cyrillic М, а, і, ѕ, і, е
    "Ashwоrth",                        // one Cyrillic о
    "Ｍａｉｓｉｅ",                    // full-width
    "𝐀𝐬𝐡𝐰𝐨𝐫𝐭𝐡",                        // mathematical bold
    "M\u{301}ai\u{308}sie",            // separate accents
    "M a i s i e",                     // spaced
    "A.s.h.w.o.r.t.h",                 // dotted
    "Mai\u{200B}sie Ash\u{200D}worth", // zero-width inside
    "\u{202E}htrowhsA\u{202C}",        // reversed in an override
];

/// What a reader reads: display order, compatibility letters as ASCII,
/// no accents or invisible characters, lower case.
fn as_read(text: &str) -> String {
    let mut shown = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('\u{202E}') {
        shown.push_str(&rest[..at]);
        let after = &rest[at + 3..];
        let end = after.find('\u{202C}').unwrap_or(after.len());
        shown.extend(after[..end].chars().rev());
        rest = after.get(end + 3..).unwrap_or("");
    }
    shown.push_str(rest);
    shown
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .filter(|c| !matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'))
        .map(|c| match c {
            'М' => 'M',
            'а' => 'a',
            'і' => 'i',
            'ѕ' => 's',
            'е' => 'e',
            'о' => 'o',
            c => c,
        })
        .collect::<String>()
        .to_lowercase()
        .replace("m a i s i e", "maisie")
        .replace("a.s.h.w.o.r.t.h", "ashworth")
}

/// A copy of the worked example in `dir` whose first learning finding's
/// "in this case" text is `write(old text)`.
fn with_finding_text(dir: &Path, write: impl FnOnce(&str) -> String) -> String {
    let file = dir.join("hostile.review.ron");
    let mut review = store::load(Path::new(WORKED)).unwrap();
    let finding = review
        .findings
        .iter_mut()
        .find(|f| f.tag == foresight::model::FindingTag::Learning)
        .unwrap();
    finding.in_this_case = write(&finding.in_this_case);
    store::save(&file, &review).unwrap();
    file.to_str().unwrap().to_string()
}

/// Exports `file` as `ext` into `dir` (which must succeed) and reads the
/// text back as a reader's software would.
fn exported_text(dir: &Path, file: &str, ext: &str) -> String {
    let out = dir.join(format!("report.{ext}"));
    let run = foresight(&["export", file, "-o", out.to_str().unwrap()]);
    assert!(
        run.status.success(),
        "{ext}: {}{}",
        text(&run.stdout),
        text(&run.stderr)
    );
    report_text(&out)
}

#[test]
fn a_name_in_disguise_is_published_as_the_pseudonym_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let file = with_finding_text(dir.path(), |old| {
        format!(
            "{old} The child was written of as {}.",
            DISGUISES.join(", then as ")
        )
    });
    let file = file.as_str();

    let check = foresight(&["check", file]);
    let said = text(&check.stdout) + &text(&check.stderr);
    assert_eq!(check.status.code(), Some(0), "{said}");

    for ext in ["pdf", "docx", "html"] {
        let published = exported_text(dir.path(), file, ext);
        assert!(
            published.contains("The child was written of as Child B"),
            "{ext}: the sentence is missing"
        );
        let read = as_read(&published);
        for name in ["maisie", "ashworth"] {
            assert!(!read.contains(name), "{ext}: {name} is published");
        }
        for disguise in DISGUISES {
            assert!(
                !published.contains(disguise),
                "{ext}: {disguise:?} is published"
            );
        }
    }
}

#[test]
fn characters_xml_forbids_never_reach_a_published_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = with_finding_text(dir.path(), |old| {
        format!("Odd \u{FFFF} and \u{1} and \u{FFFE} and \u{B} characters. {old}")
    });
    for ext in ["pdf", "docx", "html"] {
        // The Word document's XML and the web page parse as XML (the
        // readers refuse a character XML forbids).
        let published = exported_text(dir.path(), &file, ext);
        assert!(published.contains("Odd"), "{ext}");
        for c in ['\u{FFFF}', '\u{FFFE}', '\u{1}', '\u{B}'] {
            assert!(!published.contains(c), "{ext}: {c:?} published");
        }
    }
}
