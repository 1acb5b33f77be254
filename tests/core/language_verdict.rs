//! The `blame` verdict of the language lint on labelled sentences in the
//! register of review reports (tests/language_*.tsv): precision and recall
//! of at least 0.85 on the main set, and on all sets together.

use foresight::analysis::language::{Lexicon, Verdict};

/// (label is blame, sentence) of a labelled file.
fn labelled(path: &str) -> Vec<(bool, String)> {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|line| {
            let (label, sentence) = line
                .split_once('\t')
                .unwrap_or_else(|| panic!("{path}: no tab in {line:?}"));
            let blame = match label {
                "blame" => true,
                "learning" => false,
                other => panic!("{path}: unknown label {other:?}"),
            };
            (blame, sentence.to_string())
        })
        .collect()
}

/// Precision and recall of the blame verdict, with the sentences it gets
/// wrong.
fn score(lexicon: &Lexicon, set: &[(bool, String)]) -> (f64, f64, Vec<String>) {
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    let mut wrong = Vec::new();
    for (blame, sentence) in set {
        let said = lexicon.verdict(sentence) == Verdict::Blame;
        match (blame, said) {
            (true, true) => tp += 1.0,
            (false, true) => {
                fp += 1.0;
                wrong.push(format!("false blame: {sentence}"));
            }
            (true, false) => {
                fn_ += 1.0;
                wrong.push(format!("missed blame: {sentence}"));
            }
            (false, false) => {}
        }
    }
    (tp / (tp + fp), tp / (tp + fn_), wrong)
}

#[test]
fn the_labelled_set_is_big_enough_and_balanced() {
    let set = labelled("tests/language_sentences.tsv");
    assert!(set.len() >= 80, "{}", set.len());
    let blame = set.iter().filter(|(b, _)| *b).count();
    assert_eq!(blame * 2, set.len(), "half blaming, half systemic");
}

#[test]
fn the_blame_verdict_reaches_precision_and_recall_of_085() {
    let lexicon = Lexicon::built_in();
    let main = labelled("tests/language_sentences.tsv");
    let (precision, recall, wrong) = score(&lexicon, &main);
    eprintln!(
        "language_sentences.tsv: {} sentences, precision {precision:.3}, recall {recall:.3}",
        main.len()
    );
    for line in &wrong {
        eprintln!("  {line}");
    }
    assert!(precision >= 0.85, "precision {precision:.3}: {wrong:#?}");
    assert!(recall >= 0.85, "recall {recall:.3}: {wrong:#?}");

    let mut all = main;
    for extra in [
        "tests/language_holdout.tsv",
        "tests/language_holdout2.tsv",
        "tests/language_holdout3.tsv",
    ] {
        let set = labelled(extra);
        let (p, r, wrong) = score(&lexicon, &set);
        eprintln!(
            "{extra}: {} sentences, precision {p:.3}, recall {r:.3}",
            set.len()
        );
        for line in &wrong {
            eprintln!("  {line}");
        }
        all.extend(set);
    }
    let (precision, recall, _) = score(&lexicon, &all);
    eprintln!(
        "all sets: {} sentences, precision {precision:.3}, recall {recall:.3}",
        all.len()
    );
    assert!(
        precision >= 0.85 && recall >= 0.85,
        "{precision:.3} {recall:.3}"
    );
}

#[test]
fn linting_never_panics_on_odd_text() {
    let lexicon = Lexicon::built_in();
    for text in [
        "",
        " ",
        "'",
        "\"",
        "“”‘’",
        "failed",
        "to",
        "failed to",
        "n't",
        "'s's's",
        "can't'nt've",
        "\u{0301}failed to\u{200b}",
        "should have 'been' \"obvious",
        "Ωmega failed to — – - ; : ? ! … ()[]",
        "a\nfailed\nto\n",
        "ﬁ ligature ǅ titlecase İstanbul failed to",
    ] {
        let hits = lexicon.lint(text);
        for hit in hits {
            assert!(hit.start <= hit.end && hit.end <= text.len(), "{text:?}");
            assert!(text.is_char_boundary(hit.start) && text.is_char_boundary(hit.end));
        }
    }
}

proptest::proptest! {
    #[test]
    fn linting_never_panics_on_any_text(text in "\\PC{0,200}|[a-z' \"’.,]{0,120}") {
        let lexicon = Lexicon::built_in();
        for hit in lexicon.lint(&text) {
            proptest::prop_assert!(hit.start <= hit.end && hit.end <= text.len());
            proptest::prop_assert!(text.is_char_boundary(hit.start) && text.is_char_boundary(hit.end));
        }
    }
}
