//! `foresight language-model train|evaluate`: the blame model fitted on a
//! labelled corpus of real sentences, and measured on one of its splits.

use std::path::Path;

use super::{EXIT_UNREADABLE, LanguageModelAction, printable};
use foresight_core::analysis::language::Lexicon;
use foresight_core::analysis::language::corpus::{Labelled, Split, evaluate, fit, read_corpus};
use foresight_core::analysis::language::model::{BlameModel, TrainOptions};
use foresight_core::store::write_atomic;
use foresight_core::taxonomy::template_folders;

/// Runs `foresight language-model`.
pub fn run(action: LanguageModelAction) -> u8 {
    match action {
        LanguageModelAction::Train {
            corpus,
            also,
            output,
            l2,
            epochs,
            min_count,
            threshold_without_phrase,
        } => train(
            &corpus,
            &also,
            &output,
            TrainOptions {
                l2,
                epochs,
                min_count,
                threshold_without_phrase,
            },
        ),
        LanguageModelAction::Evaluate {
            corpus,
            split,
            model,
            lexicon_only,
            errors,
            json,
        } => {
            let reader = match (model, lexicon_only) {
                (Some(path), _) => Reader::Model(path),
                (None, true) => Reader::LexiconOnly,
                (None, false) => Reader::AsConfigured,
            };
            evaluate_split(&corpus, &split, &reader, errors, json)
        }
    }
}

fn read(path: &Path) -> Result<Vec<Labelled>, u8> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        eprintln!("{}: cannot read the corpus: {e}", path.display());
        EXIT_UNREADABLE
    })?;
    read_corpus(&text, path).map_err(|e| {
        eprintln!("{e}");
        EXIT_UNREADABLE
    })
}

fn lexicon() -> Result<Lexicon, u8> {
    Lexicon::find(&template_folders()).map_err(|e| {
        eprintln!("foresight language-model: {e}");
        EXIT_UNREADABLE
    })
}

fn in_split(corpus: &[Labelled], split: Split) -> Vec<&Labelled> {
    corpus.iter().filter(|l| l.split == split).collect()
}

fn train(
    corpus_path: &Path,
    also: &[std::path::PathBuf],
    output: &Path,
    options: TrainOptions,
) -> u8 {
    let result = (|| -> Result<u8, u8> {
        if !(0.0..=1.0).contains(&options.threshold_without_phrase) {
            eprintln!(
                "foresight language-model: --threshold-without-phrase must be between 0 and 1, not {}",
                options.threshold_without_phrase
            );
            return Err(EXIT_UNREADABLE);
        }
        let corpus = read(corpus_path)?;
        let mut extra = Vec::new();
        for path in also {
            extra.extend(read(path)?);
        }
        let lexicon = lexicon()?;
        let mut train_set = in_split(&corpus, Split::Train);
        train_set.extend(extra.iter());
        if train_set.is_empty() {
            eprintln!(
                "{}: no sentence is in the train split: nothing to learn from",
                corpus_path.display()
            );
            return Err(EXIT_UNREADABLE);
        }
        let model = fit(&lexicon, &train_set, options);
        let trained = lexicon.with_model(model.clone());
        let mut summary = vec![format!(
            "The blame model of Foresight's language lint: a logistic regression (L2 {}, {} passes, features in at least {} sentences).",
            options.l2, options.epochs, options.min_count
        )];
        summary.push(format!(
            "Trained by `foresight language-model train --corpus {}{}` on {} sentences; threshold 0.5, {} for a sentence without a counting phrase.",
            corpus_path.display(),
            also.iter()
                .map(|p| format!(" --also {}", p.display()))
                .collect::<String>(),
            train_set.len(),
            options.threshold_without_phrase,
        ));
        for split in [Split::Dev, Split::Test] {
            let set = in_split(&corpus, split);
            if set.is_empty() {
                continue;
            }
            let c = evaluate(&trained, &set).confusion;
            let line = format!(
                "{}: {} sentences, precision {:.3}, recall {:.3}, F1 {:.3}",
                split.name(),
                set.len(),
                c.precision(),
                c.recall(),
                c.f1()
            );
            println!("{line}");
            summary.push(line);
        }
        let text = model.to_text(&summary.join("\n"));
        write_atomic(output, |file| {
            std::io::Write::write_all(file, text.as_bytes())
        })
        .map_err(|e| {
            eprintln!("{e}");
            EXIT_UNREADABLE
        })?;
        println!(
            "{}: {} weights, threshold {:.2}",
            output.display(),
            model.weights.len(),
            model.threshold
        );
        Ok(0)
    })();
    result.unwrap_or_else(|code| code)
}

/// What reads the sentences being measured.
enum Reader {
    /// The lint as the templates folders configure it (the built-in blame
    /// model unless a folder has its own).
    AsConfigured,
    /// The lexicon's phrases alone.
    LexiconOnly,
    /// The lexicon with this model file.
    Model(std::path::PathBuf),
}

fn evaluate_split(
    corpus_path: &Path,
    split: &str,
    reader: &Reader,
    shown: usize,
    json: bool,
) -> u8 {
    let result = (|| -> Result<u8, u8> {
        let Some(split) = Split::from_name(split) else {
            eprintln!(
                "foresight language-model: the split must be train, dev, test or synthetic, not `{split}`"
            );
            return Err(EXIT_UNREADABLE);
        };
        let corpus = read(corpus_path)?;
        let lexicon = match reader {
            Reader::AsConfigured => lexicon()?,
            Reader::LexiconOnly => lexicon()?.without_model(),
            Reader::Model(path) => {
                let text = std::fs::read_to_string(path).map_err(|e| {
                    eprintln!("{}: cannot read the model: {e}", path.display());
                    EXIT_UNREADABLE
                })?;
                let model = BlameModel::parse(&text, path).map_err(|e| {
                    eprintln!("{e}");
                    EXIT_UNREADABLE
                })?;
                lexicon()?.with_model(model)
            }
        };
        let set = in_split(&corpus, split);
        if set.is_empty() {
            eprintln!(
                "{}: no sentence is in the {} split",
                corpus_path.display(),
                split.name()
            );
            return Err(EXIT_UNREADABLE);
        }
        let evaluation = evaluate(&lexicon, &set);
        let c = evaluation.confusion;
        let label = |blame: bool| if blame { "blame" } else { "learning" };
        if json {
            let errors: Vec<serde_json::Value> = evaluation
                .errors
                .iter()
                .take(shown)
                .map(|e| {
                    serde_json::json!({
                        "id": e.labelled.id,
                        "document": e.labelled.document,
                        "label": label(e.labelled.blame),
                        "score": (e.score * 1000.0).round() / 1000.0,
                        "sentence": e.labelled.sentence,
                    })
                })
                .collect();
            println!(
                "{}",
                serde_json::json!({
                    "split": split.name(),
                    "sentences": set.len(),
                    "precision": c.precision(),
                    "recall": c.recall(),
                    "f1": c.f1(),
                    "confusion": {
                        "blame_read_as_blame": c.true_blame,
                        "learning_read_as_blame": c.false_blame,
                        "blame_read_as_learning": c.missed_blame,
                        "learning_read_as_learning": c.true_learning,
                    },
                    "errors": errors,
                })
            );
        } else {
            println!(
                "{} split: {} sentences; precision {:.3}, recall {:.3}, F1 {:.3}",
                split.name(),
                set.len(),
                c.precision(),
                c.recall(),
                c.f1()
            );
            println!("                 read as blame   read as learning");
            println!(
                "blame            {:>13}   {:>16}",
                c.true_blame, c.missed_blame
            );
            println!(
                "learning         {:>13}   {:>16}",
                c.false_blame, c.true_learning
            );
            if shown > 0 && !evaluation.errors.is_empty() {
                println!("The hardest errors (most confidently wrong first):");
                for e in evaluation.errors.iter().take(shown) {
                    println!(
                        "{} {} ({}), score {:.2}: {}",
                        e.labelled.id,
                        label(e.labelled.blame),
                        e.labelled.document,
                        e.score,
                        printable(&e.labelled.sentence)
                    );
                }
            }
        }
        Ok(0)
    })();
    result.unwrap_or_else(|code| code)
}
