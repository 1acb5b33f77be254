//! Acceptance test of anonymisation: a hand-written chronology full of
//! traps (tests/data/anonymise/trap-chronology.review.ron) anonymised
//! through the CLI. No identifying string may be left in the file, as an
//! exact, case-sensitive substring, and every ordinary use of a word that
//! is also a name must be intact.

use std::path::Path;

use foresight::anonymise::{LeakChecker, anonymise};
use foresight::store;

use super::run::{foresight, text};

const TRAPS: &str = "tests/data/anonymise/trap-chronology.review.ron";

/// Every string that would identify someone: names in every form the file
/// uses them, agencies, places, identifiers and exact dates.
pub(crate) const IDENTIFYING: &[&str] = &[
    // The child: full name, parts, all-caps, alias, possessive.
    "Rose Kettle",
    "ROSE KETTLE",
    "Kettle",
    "KETTLE",
    "Rose's",
    "Rosie",
    "Ket\u{ad}tle",
    // The mother: diacritics, apostrophes, hyphenated surname, broken across a line.
    "Zoë",
    "Zoe",
    "ZOE",
    "O'Neill",
    "O’NEILL",
    "Neill",
    "NEILL",
    "Hart",
    "HART",
    "O'Neill-\nHart",
    "Zo ",
    "zoe.oneill",
    "oneillhart",
    // The partner: Polish letters with and without diacritics, alias, split.
    "Łukasz",
    "Lukasz",
    "Wiśniewski",
    "Wisniewski",
    "Wiś-",
    "niewski",
    "Luke",
    // Names that are also words, where they are names.
    "Will Summer",
    "WILL SUMMER",
    "Summer may",
    "Grace Mark",
    "HV Mark",
    "Grace visited",
    "Mark believed",
    "Visits by Grace",
    "Bill Hope",
    "DC Hope",
    "PC Hope",
    "Hope's",
    "bill.hope",
    // Initials, first initial + surname, titles, police order.
    "Kyle",
    "Jameson",
    "K.S.J",
    "KSJ",
    "Samuel",
    "Priya",
    "Raman",
    "P. Raman",
    "MACDONALD",
    "MacDonald",
    "Sean",
    // Agencies and places.
    "Northbrook",
    "northbrook",
    "NCS",
    "Eastshire",
    "Ashdyke",
    "Quillon",
    "QUILLON",
    "Fernhill",
    "Flat 2",
    "no. 27",
    // Identifiers.
    "NE1 4ST",
    "07700",
    "900123",
    "900 456",
    "0161 496 0000",
    "943 476 5919",
    "AB 12 34 56 C",
    "CR/012345/21",
    "0345",
    "4471",
    "2231",
    "@zoe_oh99",
    "facebook.com",
    "example.com",
    "example.org",
    "eastshire.example",
    // Exact dates, dates of birth and death.
    "19/08/2019",
    "2019-08-19",
    "1990-02-14",
    "14/02/1990",
    "2021-04-03",
    "3 April 2021",
    "05/04/21",
    "02/07/2021",
    "12/12/2020",
    "3rd August 2021",
    "12th September 2021",
    "2021-04-05",
    "2021-05-10",
    // A withheld attribute.
    "Traveller",
];

/// Ordinary uses of words that are also names in this cast: they stay.
const ORDINARY: &[&str] = &[
    "Concerns rose about the home conditions",
    "the kettle was left on",
    "a gas bill was unpaid",
    "HV will visit again in two weeks",
    "Will visit again on Tuesday",
    "Summer holidays start next week",
    "Mark on left cheek",
    "no hope of a grant",
    "a grace period for rent",
    "rose petals in a vase",
    "Will review in the Summer term",
];

#[test]
fn the_trap_chronology_leaves_no_identifying_string_and_every_ordinary_word() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("public.review.ron");
    let out = foresight(&["anonymise", TRAPS, "-o", out_path.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "stdout: {}\nstderr: {}",
        text(&out.stdout),
        text(&out.stderr)
    );
    // The file as written, and every string in it unescaped (RON writes
    // "O\'Neill" for "O'Neill").
    let mut written = std::fs::read_to_string(&out_path).unwrap();
    let value = serde_json::to_value(store::load(&out_path).unwrap()).unwrap();
    fn strings(value: &serde_json::Value, out: &mut String) {
        match value {
            serde_json::Value::String(s) => {
                out.push_str(s);
                out.push('\n');
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
            serde_json::Value::Object(map) => map.values().for_each(|v| strings(v, out)),
            _ => {}
        }
    }
    strings(&value, &mut written);
    let left: Vec<&&str> = IDENTIFYING
        .iter()
        .filter(|s| written.contains(**s))
        .collect();
    assert!(
        left.is_empty(),
        "identifying strings left: {left:?}\n{written}"
    );
    let lost: Vec<&&str> = ORDINARY.iter().filter(|s| !written.contains(**s)).collect();
    assert!(lost.is_empty(), "ordinary words lost: {lost:?}\n{written}");
    // The anonymised file is a review Foresight reads, and the cast keeps
    // pseudonyms and roles only.
    let review = store::load(&out_path).unwrap();
    for person in &review.people {
        assert!(
            person.name.is_empty() && person.aliases.is_empty() && person.date_of_birth.is_none()
        );
        assert!(!person.pseudonym.is_empty() && !person.role.is_empty());
    }
    assert_eq!(review.people[0].attributes.sex.value, "Female");
    assert!(review.people[0].attributes.ethnicity.value.is_empty());
    // Doubtful occurrences were replaced to be safe and listed.
    let stderr = text(&out.stderr);
    assert!(stderr.contains("C7 text: \"rose\""), "{stderr}");
    assert!(
        text(&out.stdout).contains("no leaks"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn the_identifying_strings_are_all_in_the_original() {
    // Guards the test above against strings that were never there.
    let original = std::fs::read_to_string(TRAPS).unwrap();
    let missing: Vec<&&str> = IDENTIFYING
        .iter()
        .filter(|s| !original.contains(**s))
        .collect();
    assert!(missing.is_empty(), "{missing:?}");
    for phrase in ORDINARY {
        assert!(original.contains(phrase), "{phrase}");
    }
}

/// The trap chronology without the reviewer's decisions, saved in `dir`.
fn traps_without_decisions(dir: &Path) -> std::path::PathBuf {
    let mut review = store::load(Path::new(TRAPS)).unwrap();
    review.meta.anonymisation.overrides.clear();
    let input = dir.join("traps.review.ron");
    store::save(&input, &review).unwrap();
    input
}

#[test]
fn without_the_reviewers_decision_the_doubtful_word_is_replaced_and_strict_refuses() {
    let dir = tempfile::tempdir().unwrap();
    let input = traps_without_decisions(dir.path());
    let output = dir.path().join("out.review.ron");
    let out = foresight(&[
        "anonymise",
        input.to_str().unwrap(),
        "-o",
        output.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let written = std::fs::read_to_string(&output).unwrap();
    // A doubtful word becomes a placeholder that says nothing of who.
    assert!(written.contains("[name] on left cheek"), "{written}");
    assert!(text(&out.stderr).contains("C4 text: \"Mark\" replaced by \"[name]\" to be safe"));

    let strict = dir.path().join("strict.review.ron");
    let out = foresight(&[
        "anonymise",
        input.to_str().unwrap(),
        "-o",
        strict.to_str().unwrap(),
        "--strict",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!strict.exists());
    assert!(text(&out.stderr).contains("not written (--strict)"));
}

#[test]
fn a_real_name_in_a_pseudonym_is_a_leak_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut review = store::load(Path::new(TRAPS)).unwrap();
    review.people[1].pseudonym = "Zoe (mother)".into();
    let input = dir.path().join("leaky.review.ron");
    store::save(&input, &review).unwrap();
    let output = dir.path().join("out.review.ron");
    let out = foresight(&[
        "anonymise",
        input.to_str().unwrap(),
        "-o",
        output.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!output.exists());
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("leak: people P2 / pseudonym: name of P2 \"Zoe\""),
        "{stderr}"
    );
    assert!(stderr.contains("not written"), "{stderr}");
}

#[test]
fn the_input_is_never_overwritten_and_bad_input_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("case.review.ron");
    std::fs::copy(TRAPS, &input).unwrap();
    let before = std::fs::read(&input).unwrap();
    let out = foresight(&[
        "anonymise",
        input.to_str().unwrap(),
        "-o",
        input.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read(&input).unwrap(), before);
    let missing = dir.path().join("missing.review.ron");
    let out = foresight(&[
        "anonymise",
        missing.to_str().unwrap(),
        "-o",
        dir.path().join("x.review.ron").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("missing.review.ron"));
}

#[test]
fn the_leak_check_names_leaks_planted_in_a_diagram_label_and_the_title() {
    let original = store::load(Path::new(TRAPS)).unwrap();
    let checker = LeakChecker::new(&original);
    // Exported text as an exporter would pass it: each piece with where it is.
    let leaks = checker.check(
        "diagram D1, label of node F1",
        "Workload of Kyle J. and the HV",
    );
    assert_eq!(leaks.len(), 1, "{leaks:?}");
    assert_eq!(leaks[0].text, "Kyle");
    assert_eq!(leaks[0].location, "diagram D1, label of node F1");
    let mut anonymised = anonymise(&original).review;
    assert!(checker.check_review(&anonymised).is_empty());
    anonymised.meta.title = "Child K (Rosie)".into();
    anonymised.diagrams[0].stages[0].title = "Stage one: ONeill household".into();
    let leaks = checker.check_review(&anonymised);
    let mut found: Vec<(String, String)> = leaks
        .iter()
        .map(|l| (l.location.clone(), l.text.clone()))
        .collect();
    found.sort();
    assert_eq!(
        found,
        vec![
            (
                "diagrams D1 / stages[0] / title".to_string(),
                "ONeill".to_string()
            ),
            ("meta / title".to_string(), "Rosie".to_string()),
        ],
        "{leaks:#?}"
    );
    let title = leaks.iter().find(|l| l.location == "meta / title").unwrap();
    assert!(title.to_string().contains("name of P1"), "{title}");
}

#[test]
fn keep_adds_the_word_to_the_reviews_allow_list_and_keeps_it_where_doubtful() {
    let dir = tempfile::tempdir().unwrap();
    let input = traps_without_decisions(dir.path());
    let output = dir.path().join("out.review.ron");
    let out = foresight(&[
        "anonymise",
        input.to_str().unwrap(),
        "-o",
        output.to_str().unwrap(),
        "--keep",
        "Mark",
        "--keep",
        "TA",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let written = std::fs::read_to_string(&output).unwrap();
    assert!(written.contains("Mark on left cheek"), "{written}");
    assert!(!text(&out.stderr).contains("\"Mark\" replaced"));
    // The decision travels with the review.
    let saved = store::load(&input).unwrap();
    assert_eq!(saved.meta.anonymisation.allow, ["Mark", "TA"]);
    // Sure names of the same person are still replaced.
    assert!(!written.contains("Grace Mark"), "{written}");
}

#[test]
fn an_imported_causal_diagram_is_anonymised_whatever_its_coordinates() {
    // Laid out on a circle, its nodes' coordinates have six decimals
    // ("x: 115.661896"), which are not a reference number.
    let folder = tempfile::tempdir().unwrap();
    let csv = folder.path().join("loop.csv");
    std::fs::write(
        &csv,
        "from,to,polarity\nCaseload,Time with families,O\nTime with families,Quality of assessment,S\n\
         Quality of assessment,Re-referrals,O\nRe-referrals,Demand,S\nDemand,Caseload,S\n",
    )
    .unwrap();
    let review = folder.path().join("loop.review.ron");
    let out = folder.path().join("loop-anonymised.review.ron");
    let (csv, review, out) = (
        csv.to_str().unwrap(),
        review.to_str().unwrap(),
        out.to_str().unwrap(),
    );
    super::run::run_ok(&["new", "--output", review]);
    super::run::run_ok(&["import-cld", csv, "--into", review]);
    let said = super::run::run_ok(&["anonymise", review, "-o", out]);
    assert!(said.contains("no leaks"), "{said}");
    assert!(std::path::Path::new(out).exists());
}
