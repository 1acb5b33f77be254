//! The four realistic multi-agency chronologies of `tests/data/` (a cast
//! that lists only the family and two places; every identifying string
//! and the ordinary phrases in an answer key) imported and anonymised as a
//! reviewer would: nothing identifying may be left, and the field's words
//! must survive. `scripts/score-anonymisation.py` prints the same figures.

use std::path::Path;

use crate::run::run_ok;

/// The anonymised review's text, RON's escapes undone, after importing and
/// anonymising the chronology in `folder`.
fn anonymised(folder: &Path) -> String {
    let work = tempfile::tempdir().unwrap();
    let review = work.path().join("r.review.ron");
    let out = work.path().join("a.review.ron");
    let path = |p: &Path| p.to_str().unwrap().to_string();
    run_ok(&["new", "-o", &path(&review), "--title", "Realistic"]);
    run_ok(&[
        "import-cast",
        &path(&folder.join("cast.csv")),
        "--into",
        &path(&review),
    ]);
    let mut chronologies: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "csv") && !p.ends_with("cast.csv"))
        .map(|p| path(&p))
        .collect();
    chronologies.sort();
    let mut args = vec!["import-chronology".to_string()];
    args.extend(chronologies);
    args.extend(["--into".to_string(), path(&review)]);
    run_ok(&args.iter().map(String::as_str).collect::<Vec<_>>());
    run_ok(&["anonymise", &path(&review), "-o", &path(&out)]);
    std::fs::read_to_string(&out)
        .unwrap()
        .replace("\\'", "'")
        .replace("\\\"", "\"")
        .replace("\\\\", "\\")
}

fn score(set: &str) {
    let folder = Path::new("tests/data").join(set);
    let text = anonymised(&folder);
    let key = std::fs::read_to_string(folder.join("answer-key.tsv")).unwrap();
    let mut left = Vec::new();
    let (mut ordinary, mut kept) = (0, 0);
    for line in key.lines().skip(1) {
        let mut columns = line.split('\t');
        let (Some(kind), Some(phrase)) = (columns.next(), columns.next()) else {
            continue;
        };
        if kind == "ordinary" {
            ordinary += 1;
            kept += usize::from(text.contains(phrase));
        } else if text.contains(phrase) {
            left.push(format!("{kind} \"{phrase}\""));
        }
    }
    assert!(
        left.is_empty(),
        "{set}: left in the anonymised review: {left:?}"
    );
    assert!(
        kept * 100 >= ordinary * 95,
        "{set}: only {kept} of {ordinary} ordinary phrases kept"
    );
}

#[test]
fn the_first_realistic_chronology_keeps_nothing_identifying() {
    score("realistic-chronology");
}

#[test]
fn the_second_realistic_chronology_keeps_nothing_identifying() {
    score("realistic-chronology-2");
}

#[test]
fn the_third_realistic_chronology_keeps_nothing_identifying() {
    score("realistic-chronology-3");
}

#[test]
fn the_fourth_realistic_chronology_keeps_nothing_identifying() {
    score("realistic-chronology-4");
}
