//! Labelled sentences for training and measuring the blame model: the
//! corpus of real sentences (`assets/language/corpus/real.tsv`: id, split,
//! label, document, sentence) and the written ones (`tests/language_*.tsv`:
//! label, sentence), read alike.

use std::path::{Path, PathBuf};

use super::model::{BlameModel, Confusion, Feature, TrainOptions, sentence_features, sentences};
use super::text::words;
use super::{Context, Lexicon};

/// Which part of a corpus a sentence belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Split {
    /// Fits the weights.
    Train,
    /// Measures while models and rules are chosen.
    Dev,
    /// Measures the model, once.
    Test,
    /// Written for the lint, not quoted from a real report.
    Synthetic,
}

impl Split {
    /// The split's name in a corpus file.
    pub fn name(self) -> &'static str {
        match self {
            Split::Train => "train",
            Split::Dev => "dev",
            Split::Test => "test",
            Split::Synthetic => "synthetic",
        }
    }

    /// The split with this name.
    pub fn from_name(name: &str) -> Option<Split> {
        [Split::Train, Split::Dev, Split::Test, Split::Synthetic]
            .into_iter()
            .find(|s| s.name() == name)
    }
}

/// One labelled sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Labelled {
    /// Its id in the corpus (the line number for a two-column file).
    pub id: String,
    /// Its split.
    pub split: Split,
    /// True for blame or hindsight, false for learning.
    pub blame: bool,
    /// The document it is quoted from (the file's name for written ones).
    pub document: String,
    /// The sentence.
    pub sentence: String,
}

/// Why a corpus file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}:{line}: {message}", path.display())]
pub struct CorpusError {
    /// The file.
    pub path: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// What was wrong.
    pub message: String,
}

/// Reads a corpus file: `#` comments, then either a header `id split label
/// document sentence` and five tab-separated columns per line, or two
/// columns, `label sentence`, for written sentences (split `synthetic`).
pub fn read_corpus(text: &str, path: &Path) -> Result<Vec<Labelled>, CorpusError> {
    let error = |line: usize, message: String| CorpusError {
        path: path.to_path_buf(),
        line,
        message,
    };
    let mut out = Vec::new();
    let mut header_seen = false;
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    for (number, line) in text.lines().enumerate() {
        let number = number + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let columns: Vec<&str> = line.split('\t').collect();
        if !header_seen && columns.first() == Some(&"id") {
            header_seen = true;
            continue;
        }
        let label = |text: &str| match text {
            "blame" => Ok(true),
            "learning" => Ok(false),
            other => Err(error(
                number,
                format!("the label must be `blame` or `learning`, not `{other}`"),
            )),
        };
        let labelled = match columns.as_slice() {
            [label_text, sentence] => Labelled {
                id: number.to_string(),
                split: Split::Synthetic,
                blame: label(label_text)?,
                document: name.clone(),
                sentence: sentence.to_string(),
            },
            [id, split, label_text, document, sentence] => Labelled {
                id: id.to_string(),
                split: Split::from_name(split).ok_or_else(|| {
                    error(
                        number,
                        format!("the split must be train, dev, test or synthetic, not `{split}`"),
                    )
                })?,
                blame: label(label_text)?,
                document: document.to_string(),
                sentence: sentence.to_string(),
            },
            other => {
                return Err(error(
                    number,
                    format!(
                        "expected 5 columns (id, split, label, document, sentence) or 2 (label, sentence) separated by tabs, found {}",
                        other.len()
                    ),
                ));
            }
        };
        if labelled.sentence.trim().is_empty() {
            return Err(error(number, "the sentence is empty".to_string()));
        }
        out.push(labelled);
    }
    Ok(out)
}

/// The features of a labelled sentence as the model sees it: the sentence
/// read as one passage of narrative, all its parts together.
pub fn features_of(lexicon: &Lexicon, sentence: &str) -> Vec<String> {
    let words = words(sentence);
    let hits = lexicon.lint(sentence);
    let mut names: Vec<String> = Vec::new();
    for part in sentences(sentence, &words) {
        names.extend(
            sentence_features(sentence, part, &hits, Context::Narrative, &|w| {
                lexicon.starts_a_phrase(w)
            })
            .into_iter()
            .map(|f: Feature| f.name),
        );
    }
    names.sort();
    names.dedup();
    names
}

/// Fits a blame model on `train`. Its threshold stays at 0.5: the dev
/// split is where the lexicon's rules were written from, so the lexicon's
/// hits look surer there than on writing neither has seen, and a threshold
/// set on it would not carry over.
pub fn fit(lexicon: &Lexicon, train: &[&Labelled], options: TrainOptions) -> BlameModel {
    let examples: Vec<(Vec<String>, bool)> = train
        .iter()
        .map(|l| (features_of(lexicon, &l.sentence), l.blame))
        .collect();
    super::model::train(&examples, options)
}

/// A sentence the model got wrong, and how sure it was.
#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    /// The sentence.
    pub labelled: Labelled,
    /// The model's score.
    pub score: f64,
}

/// How a model does on some labelled sentences.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    /// The confusion matrix.
    pub confusion: Confusion,
    /// The sentences it got wrong, the most confidently wrong first.
    pub errors: Vec<Error>,
}

/// Scores the lint's verdict (its blame model's, when it has one) on
/// `set`.
pub fn evaluate(lexicon: &Lexicon, set: &[&Labelled]) -> Evaluation {
    let judged: Vec<(&Labelled, f64, bool)> = set
        .iter()
        .map(|l| {
            let judgement = lexicon.judge(&l.sentence);
            (
                *l,
                judgement.score,
                judgement.verdict == super::Verdict::Blame,
            )
        })
        .collect();
    let confusion = Confusion::of(judged.iter().map(|(l, _, said)| (l.blame, *said)));
    // The lexicon's own verdict turns at a score of one.
    let threshold = lexicon.model().map_or(1.0, |m| m.threshold);
    let mut errors: Vec<Error> = judged
        .iter()
        .filter(|(l, _, said)| l.blame != *said)
        .map(|(l, score, _)| Error {
            labelled: (*l).clone(),
            score: *score,
        })
        .collect();
    errors.sort_by(|a, b| {
        let miss = |e: &Error| (e.score - threshold).abs();
        miss(b)
            .total_cmp(&miss(a))
            .then(a.labelled.id.cmp(&b.labelled.id))
    });
    Evaluation { confusion, errors }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_file_shapes_are_read_and_bad_lines_named() {
        let five = "# c\nid\tsplit\tlabel\tdocument\tsentence\nR1\ttrain\tblame\tD1\tThe worker failed to visit.\n";
        let read = read_corpus(five, Path::new("real.tsv")).unwrap();
        assert_eq!(read[0].split, Split::Train);
        assert!(read[0].blame);
        let two = "learning\tWorkload made visits hard.\n";
        let read = read_corpus(two, Path::new("written.tsv")).unwrap();
        assert_eq!(read[0].split, Split::Synthetic);
        assert_eq!(read[0].document, "written.tsv");
        let error = read_corpus("R1\ttrain\tmaybe\tD1\tx\n", Path::new("real.tsv")).unwrap_err();
        assert_eq!(
            error.to_string(),
            "real.tsv:1: the label must be `blame` or `learning`, not `maybe`"
        );
        let error = read_corpus("a\tb\tc\n", Path::new("real.tsv")).unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("real.tsv:1: expected 5 columns")
        );
    }
}
