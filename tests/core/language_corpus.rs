//! The corpus of real sentences quoted from published reviews, inquiries,
//! inspections, research and reporting on them
//! (`assets/language/corpus/`): its shape (at least 600 sentences, about
//! half blame, every split from its own documents, every document with its
//! source), the lint's blame verdict measured on it, and the built-in
//! blame model as the corpus trains it.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use foresight::analysis::language::Lexicon;
use foresight::analysis::language::corpus::{Labelled, Split, evaluate, fit, read_corpus};
use foresight::analysis::language::model::TrainOptions;

const CORPUS: &str = "assets/language/corpus/real.tsv";
const DOCUMENTS: &str = "assets/language/corpus/documents.tsv";

fn corpus() -> Vec<Labelled> {
    let text = std::fs::read_to_string(CORPUS).unwrap();
    read_corpus(&text, Path::new(CORPUS)).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_corpus_holds_at_least_600_real_sentences_about_half_of_them_blame() {
    let corpus = corpus();
    assert!(corpus.len() >= 600, "{} sentences", corpus.len());
    let blame = corpus.iter().filter(|l| l.blame).count();
    let share = blame as f64 / corpus.len() as f64;
    assert!((0.4..=0.6).contains(&share), "blame share {share:.2}");
    assert!(corpus.iter().all(|l| l.split != Split::Synthetic));
    let mut ids = HashSet::new();
    let mut sentences = HashSet::new();
    for l in &corpus {
        assert!(ids.insert(&l.id), "{} twice", l.id);
        assert!(sentences.insert(&l.sentence), "{} repeats a sentence", l.id);
    }
    for split in [Split::Train, Split::Dev, Split::Test] {
        let n = corpus.iter().filter(|l| l.split == split).count();
        assert!(n >= 100, "{} has {n} sentences", split.name());
    }
}

#[test]
fn each_split_is_drawn_from_documents_no_other_split_uses() {
    let mut split_of: HashMap<&str, Split> = HashMap::new();
    let corpus = corpus();
    for l in &corpus {
        let first = *split_of.entry(&l.document).or_insert(l.split);
        assert_eq!(
            first,
            l.split,
            "{} is in {} and in {}",
            l.document,
            first.name(),
            l.split.name()
        );
    }
    // Every document is listed with the address it was quoted from.
    let listed: HashMap<String, String> = std::fs::read_to_string(DOCUMENTS)
        .unwrap()
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let columns: Vec<&str> = l.split('\t').collect();
            assert_eq!(columns.len(), 5, "{l}");
            (columns[0].to_string(), columns[2].to_string())
        })
        .collect();
    for document in split_of.keys() {
        let source = listed
            .get(*document)
            .unwrap_or_else(|| panic!("{document} is not in documents.tsv"));
        assert!(source.starts_with("http"), "{document}: {source}");
    }
}

#[test]
fn the_lints_verdict_on_real_sentences_is_measured_and_holds_its_precision() {
    let corpus = corpus();
    let with_model = Lexicon::built_in();
    assert!(with_model.model().is_some(), "a blame model is built in");
    let phrases_alone = Lexicon::built_in().without_model();
    for split in [Split::Dev, Split::Test] {
        let set: Vec<&Labelled> = corpus.iter().filter(|l| l.split == split).collect();
        let c = evaluate(&with_model, &set).confusion;
        let alone = evaluate(&phrases_alone, &set).confusion;
        for (reader, c) in [("lint", c), ("phrases alone", alone)] {
            println!(
                "{} ({reader}): {} sentences, precision {:.3}, recall {:.3}, F1 {:.3} ({:?})",
                split.name(),
                set.len(),
                c.precision(),
                c.recall(),
                c.f1(),
                c
            );
            // What the lint calls blame in real writing mostly is, and it
            // finds more than half of the real blame; on the test split,
            // which no rule was written from and the model was not trained
            // on, it is still short of 0.85 (see the README).
            assert!(c.precision() >= 0.75, "{} {reader}: {c:?}", split.name());
            assert!(c.recall() >= 0.55, "{} {reader}: {c:?}", split.name());
        }
        if split == Split::Test {
            // The blame model finds at least as much of the real blame as
            // the phrases alone, with a better F1, at about the same
            // precision or better: within 0.01. On 139 sentences one
            // sentence moves a figure by 0.007 to 0.015, and the words'
            // weights shift when a batch joins train; as the phrases learn
            // more from each batch, the model adds less to them (with
            // 3,764 real train sentences it finds the same 49 blame
            // sentences and calls two fewer learning ones blame).
            // Within one sentence (1/68) of the phrases' recall: the model
            // may set aside a phrase's hit where the rest of the sentence
            // reads as description.
            assert!(c.recall() + 0.015 >= alone.recall(), "{c:?} {alone:?}");
            assert!(c.f1() > alone.f1(), "{c:?} {alone:?}");
            assert!(c.precision() + 0.01 >= alone.precision(), "{c:?} {alone:?}");
        }
    }
}

#[test]
fn the_built_in_blame_model_is_what_the_documented_command_trains() {
    // `foresight language-model train --also tests/language_sentences.tsv
    // -o templates/lexicon/blame-model.tsv`, as the README gives it.
    let corpus = corpus();
    let written_path = Path::new("tests/language_sentences.tsv");
    let written = read_corpus(
        &std::fs::read_to_string(written_path).unwrap(),
        written_path,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let mut train: Vec<&Labelled> = corpus.iter().filter(|l| l.split == Split::Train).collect();
    train.extend(written.iter());
    let lexicon = Lexicon::built_in().without_model();
    let model = fit(&lexicon, &train, TrainOptions::default());
    let weights = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| !l.starts_with('#'))
            .map(str::to_string)
            .collect()
    };
    let shipped = std::fs::read_to_string("templates/lexicon/blame-model.tsv").unwrap();
    let trained = model.to_text("");
    assert!(
        weights(&shipped) == weights(&trained),
        "templates/lexicon/blame-model.tsv is not what the corpus trains: retrain it with \
         `foresight language-model train --also tests/language_sentences.tsv -o templates/lexicon/blame-model.tsv`"
    );
}
