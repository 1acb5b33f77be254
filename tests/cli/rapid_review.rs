//! `foresight export --template rapid-review`: the worked example written
//! up as a rapid review, exported as PDF, Word document and web page and
//! read back: its sections in the order of a submission to the national
//! panel, the partners' texts anonymised, the decision in words, the key
//! dates to the month and no real name of the cast anywhere.

use std::io::Read;
use std::path::Path;

use foresight::model::{Review, ReviewDecision, ReviewType};
use foresight::store;

use super::read_back::{docx_text, html_text, pdf_text};
use super::run::{foresight, text};

const WORKED: &str = "assets/examples/child-b-learning-review.review.ron";

/// The headings of the rapid review's sections, in order.
const HEADINGS: [&str; 6] = [
    "The decision and its rationale",
    "The facts and each agency's involvement",
    "The child's and family's lives",
    "Analysis of key practice episodes",
    "Immediate actions to keep children safe",
    "The potential for learning",
];

/// The worked example with its rapid review written, naming the family as
/// partners write before anonymisation.
fn rapid_review() -> Review {
    let mut review = store::load(Path::new(WORKED)).unwrap();
    review.meta.review_type = ReviewType::RapidReview;
    let rapid = &mut review.meta.rapid_review;
    rapid.facts = "On 23 September 2022 Maisie was admitted to hospital after swallowing medicine prescribed to Dean Kilbride.".into();
    rapid.agency_involvement = "Police attended two domestic abuse incidents at the flat. The nursery and the school each held part of the picture.".into();
    rapid.immediate_actions =
        "Maisie moved to live with Pauline Ashworth the same evening, and a safety plan was agreed with the family network.".into();
    rapid.lived_context = "The family lived on a low income in a small flat. The review asked whether poverty, and the stigma of drug treatment, shaped how Chantelle and her children were seen.".into();
    rapid.learning_potential = "There is learning for the partnership about involving adult drug treatment services in the assessments of the children their service users live with.".into();
    let clock = &mut review.meta.clock;
    clock.aware = chrono::NaiveDate::from_ymd_opt(2022, 9, 23);
    clock.notified = chrono::NaiveDate::from_ymd_opt(2022, 9, 26);
    clock.decided = chrono::NaiveDate::from_ymd_opt(2022, 10, 12);
    clock.decision = ReviewDecision::LocalReview;
    clock.decision_rationale = "Maisie suffered serious harm, and ten agencies had been involved with the family without any of them holding the whole picture.".into();
    review
}

/// Every real name of the cast: each word of four letters or more of a
/// person's name that is not also a word of a pseudonym.
fn cast_names(review: &Review) -> Vec<String> {
    let pseudonyms: Vec<&str> = review
        .people
        .iter()
        .flat_map(|p| p.pseudonym.split_whitespace())
        .collect();
    let mut names: Vec<String> = review
        .people
        .iter()
        .flat_map(|p| p.name.split_whitespace())
        .filter(|w| w.chars().count() >= 4 && !pseudonyms.contains(w))
        .map(str::to_string)
        .collect();
    names.sort();
    names.dedup();
    names
}

/// True when `word` is in `text` as a whole word.
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[test]
fn a_rapid_review_exports_in_every_format_in_the_order_of_a_submission_without_a_name() {
    let folder = tempfile::tempdir().unwrap();
    let input = folder.path().join("rapid.review.ron");
    let review = rapid_review();
    store::save(&input, &review).unwrap();
    let names = cast_names(&review);
    assert!(names.iter().any(|n| n == "Kilbride"), "{names:?}");
    let exact_day = regex::Regex::new(
        r"\b[0-9]{1,2}(st|nd|rd|th)? (January|February|March|April|May|June|July|August|September|October|November|December) [0-9]{4}\b",
    )
    .unwrap();
    for name in ["rapid.pdf", "rapid.docx", "rapid.html"] {
        let output = folder.path().join(name);
        let out = foresight(&[
            "export",
            input.to_str().unwrap(),
            "--template",
            "rapid-review",
            "-o",
            output.to_str().unwrap(),
        ]);
        assert!(
            out.status.success(),
            "{name}: {}{}",
            text(&out.stdout),
            text(&out.stderr)
        );
        let read = match name {
            "rapid.pdf" => pdf_text(&output),
            "rapid.docx" => docx_text(&std::fs::read(&output).unwrap()),
            _ => html_text(&std::fs::read_to_string(&output).unwrap()),
        };
        // Curly apostrophes as a writer may set them, and lines as one.
        let flat = read
            .replace('’', "'")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        // The sections in the order of a submission.
        let mut last = 0;
        for heading in HEADINGS {
            let at = flat[last..]
                .find(heading)
                .unwrap_or_else(|| panic!("{name}: \"{heading}\" after byte {last}: {flat}"));
            last += at + heading.len();
        }
        assert!(flat.contains("Roles and agencies"), "{name}");
        // The partners' words, anonymised, with the decision in words.
        for words in [
            "The safeguarding partners decided to commission a local child safeguarding practice review.",
            "Child B suffered serious harm, and ten agencies had been involved",
            "In September 2022 Child B was admitted to hospital",
            "prescribed to Mother's partner",
            "Police attended two domestic abuse incidents at the flat.",
            "Child B moved to live with Maternal Grandmother the same evening",
            "racism, disability and other inequalities",
            "The family lived on a low income in a small flat.",
            "There is learning for the partnership about involving adult drug treatment services",
        ] {
            assert!(flat.contains(words), "{name}: \"{words}\" in {flat}");
        }
        // The key dates to the month; no day anywhere.
        assert!(
            flat.contains("The local authority became aware of the incident: September 2022"),
            "{name}: {flat}"
        );
        assert!(
            flat.contains("The decision was made: October 2022"),
            "{name}"
        );
        assert!(
            exact_day.find(&flat).is_none(),
            "{name}: {:?}",
            exact_day.find(&flat)
        );
        for word in &names {
            assert!(!has_word(&flat, word), "{name}: \"{word}\" is published");
        }
        // Nor anywhere in the file's bytes (the Word package's other parts,
        // the page's markup).
        if name != "rapid.pdf" {
            let bytes = std::fs::read(&output).unwrap();
            let all = if name == "rapid.docx" {
                let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
                let mut all = String::new();
                for i in 0..archive.len() {
                    let _ = archive.by_index(i).unwrap().read_to_string(&mut all);
                }
                all
            } else {
                String::from_utf8(bytes).unwrap()
            };
            for word in &names {
                assert!(!has_word(&all, word), "{name}: \"{word}\" in the file");
            }
        }
    }
}
