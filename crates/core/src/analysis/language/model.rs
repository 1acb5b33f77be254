//! The blame model: a regularised logistic regression that reads a
//! sentence and says how likely a reader is to take it as blame or
//! hindsight, from the stems of its words (but those that start one of the
//! lexicon's phrases, which the lexicon reads in context), the lexicon's
//! counting hits in it (by category, severity and who they are about), the
//! lexicon's own verdict on it, and whether it is a question.
//!
//! Its weights are data, made from a labelled corpus by [`train`]
//! (`foresight language-model train`) and measured with `foresight
//! language-model evaluate`. The built-in one,
//! `templates/lexicon/blame-model.tsv`, is trained on the train split of
//! the corpus of real sentences (`assets/language/corpus/`); a model placed
//! in a templates folder's `lexicon/` as `blame-model.tsv` takes its place.
//! A passage is judged sentence by sentence: its score is its most blaming
//! sentence's, and the phrases that drove that score are its explanation.
//!
//! Words inside quotation marks are not the reviewer's and give no
//! feature, and a hit the lexicon set aside (a practitioner's or family
//! member's speech, a sentence about hindsight bias itself, a failure said
//! to be the system's) gives none either: the model reads only what the
//! reviewer asserts, so a practitioner's "I thought it was a one-off" is
//! not read as the review's judgement.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

use super::text::Word;
use super::{Category, Context, Hit, Severity, Subject};

/// One feature of a sentence and the part of the passage it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Feature {
    /// Its name: `w:miss` (a word's stem),
    /// `hit:CF` (a lexicon hit's category), `hit-high`, `about:practitioner`,
    /// `lexicon:blame`, `question`…
    pub name: String,
    /// Byte range in the passage, when the feature is a span of it.
    pub span: Option<(usize, usize)>,
}

/// A phrase that pushed a passage towards blame.
#[derive(Debug, Clone, PartialEq)]
pub struct Driver {
    /// The phrase as written in the passage (or the feature's name when it
    /// is not a span of it).
    pub phrase: String,
    /// Byte range in the passage, when it is a span of it.
    pub span: Option<(usize, usize)>,
    /// How much it added to the sentence's log-odds of blame.
    pub weight: f64,
}

/// The model's reading of one passage.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// The probability that the passage reads as blame (its most blaming
    /// sentence's), 0–1.
    pub score: f64,
    /// True when the score reaches the model's threshold.
    pub blame: bool,
    /// The phrases that drove the most blaming sentence's score, strongest
    /// first (at most five).
    pub drivers: Vec<Driver>,
    /// Byte range of the most blaming sentence.
    pub sentence: (usize, usize),
}

/// Why a model file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}:{line}: {message}", path.display())]
pub struct ModelError {
    /// The file.
    pub path: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// What was wrong.
    pub message: String,
}

/// A trained blame model.
#[derive(Debug, Clone, PartialEq)]
pub struct BlameModel {
    /// The log-odds of blame with no feature.
    pub bias: f64,
    /// The score from which a sentence with one of the lexicon's counting
    /// phrases reads as blame.
    pub threshold: f64,
    /// The score from which a sentence with none of the lexicon's counting
    /// phrases reads as blame: the words alone must be surer.
    pub threshold_without_phrase: f64,
    /// Each feature's weight.
    pub weights: HashMap<String, f64>,
}

/// The file name of a model, in a templates folder's `lexicon/`.
pub const FILE_NAME: &str = "blame-model.tsv";

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

impl BlameModel {
    /// Reads a model file: `#` comments, then `bias`, `threshold`,
    /// optionally `threshold-without-phrase` (the threshold when it is
    /// not given), and one `feature<TAB>weight` per line.
    pub fn parse(text: &str, path: &Path) -> Result<BlameModel, ModelError> {
        let error = |line: usize, message: String| ModelError {
            path: path.to_path_buf(),
            line,
            message,
        };
        let mut bias = None;
        let mut threshold = None;
        let mut threshold_without_phrase = None;
        let mut weights = HashMap::new();
        for (number, line) in text.lines().enumerate() {
            let number = number + 1;
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (name, value) = line.rsplit_once('\t').ok_or_else(|| {
                error(
                    number,
                    "expected a feature, a tab and its weight".to_string(),
                )
            })?;
            let value: f64 = value
                .trim()
                .parse()
                .ok()
                .filter(|v: &f64| v.is_finite())
                .ok_or_else(|| error(number, format!("`{value}` is not a number")))?;
            match name {
                "bias" => bias = Some(value),
                "threshold" if (0.0..=1.0).contains(&value) => threshold = Some(value),
                "threshold-without-phrase" if (0.0..=1.0).contains(&value) => {
                    threshold_without_phrase = Some(value)
                }
                "threshold" | "threshold-without-phrase" => {
                    return Err(error(
                        number,
                        format!("the {name} must be between 0 and 1, not {value}"),
                    ));
                }
                feature => {
                    if weights.insert(feature.to_string(), value).is_some() {
                        return Err(error(number, format!("`{feature}` is given twice")));
                    }
                }
            }
        }
        let bias = bias.ok_or_else(|| error(1, "no `bias` line".to_string()))?;
        let threshold = threshold.ok_or_else(|| error(1, "no `threshold` line".to_string()))?;
        Ok(BlameModel {
            bias,
            threshold,
            threshold_without_phrase: threshold_without_phrase.unwrap_or(threshold),
            weights,
        })
    }

    /// The model as its file holds it: features by name, so that training
    /// twice gives the same bytes.
    pub fn to_text(&self, header: &str) -> String {
        let mut text = String::new();
        for line in header.lines() {
            text.push_str(&format!("# {line}\n"));
        }
        text.push_str(&format!("bias\t{:.6}\n", self.bias));
        text.push_str(&format!("threshold\t{:.4}\n", self.threshold));
        text.push_str(&format!(
            "threshold-without-phrase\t{:.4}\n",
            self.threshold_without_phrase
        ));
        let sorted: BTreeMap<&String, &f64> = self.weights.iter().collect();
        for (name, weight) in sorted {
            if weight.abs() >= 1e-4 {
                text.push_str(&format!("{name}\t{weight:.4}\n"));
            }
        }
        text
    }

    /// The log-odds of blame of a sentence with these features (a feature
    /// given twice counts once).
    pub fn log_odds<'f>(&self, features: impl IntoIterator<Item = &'f Feature>) -> f64 {
        let mut seen = HashSet::new();
        self.bias
            + features
                .into_iter()
                .filter(|f| seen.insert(f.name.as_str()))
                .map(|f| self.weights.get(&f.name).copied().unwrap_or(0.0))
                .sum::<f64>()
    }

    /// The probability of blame of a sentence with these features.
    pub fn score<'f>(&self, features: impl IntoIterator<Item = &'f Feature>) -> f64 {
        sigmoid(self.log_odds(features))
    }

    /// Reads a passage (its words and the lexicon's hits in it) sentence by
    /// sentence.
    pub(crate) fn read(
        &self,
        text: &str,
        words: &[Word],
        hits: &[Hit],
        context: Context,
        phrase_word: &dyn Fn(&str) -> bool,
    ) -> Reading {
        // The most blaming sentence: one read as blame before one not, then
        // the higher score; with its features and span.
        type Sentence = ((bool, f64), Vec<Feature>, (usize, usize));
        let mut best: Option<Sentence> = None;
        for sentence in sentences(text, words) {
            let span = (sentence[0].start, sentence[sentence.len() - 1].end);
            let features = sentence_features(text, sentence, hits, context, phrase_word);
            let score = self.score(&features);
            let blame = score >= self.threshold_for(&features);
            if best.as_ref().is_none_or(|(b, _, _)| (blame, score) > *b) {
                best = Some(((blame, score), features, span));
            }
        }
        let Some(((blame, score), features, sentence)) = best else {
            let score = sigmoid(self.bias);
            return Reading {
                score,
                blame: score >= self.threshold_without_phrase,
                drivers: Vec::new(),
                sentence: (0, 0),
            };
        };
        Reading {
            score,
            blame,
            drivers: self.drivers(text, &features),
            sentence,
        }
    }

    /// The threshold for a sentence with these features: lower when the
    /// lexicon found a phrase in it that counts.
    pub fn threshold_for(&self, features: &[Feature]) -> f64 {
        if features.iter().any(|f| f.name.starts_with(HIT_SEVERITY)) {
            self.threshold
        } else {
            self.threshold_without_phrase
        }
    }

    /// The features with the largest positive weights, as phrases of the
    /// passage; overlapping spans are shown once, the strongest.
    fn drivers(&self, text: &str, features: &[Feature]) -> Vec<Driver> {
        let mut seen = HashSet::new();
        let mut weighted: Vec<(f64, &Feature)> = features
            .iter()
            .filter(|f| seen.insert(f.name.as_str()))
            .filter_map(|f| {
                let weight = self.weights.get(&f.name).copied()?;
                (weight > 0.05).then_some((weight, f))
            })
            .collect();
        weighted.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.name.cmp(&b.1.name)));
        let mut drivers: Vec<Driver> = Vec::new();
        for (weight, feature) in weighted {
            let overlaps = |d: &Driver| match (d.span, feature.span) {
                (Some(a), Some(b)) => a.0 < b.1 && b.0 < a.1,
                _ => false,
            };
            if drivers.iter().any(overlaps) {
                continue;
            }
            let phrase = match feature.span {
                Some((start, end)) => text.get(start..end).unwrap_or_default().to_string(),
                None => describe_feature(&feature.name),
            };
            drivers.push(Driver {
                phrase,
                span: feature.span,
                weight,
            });
            if drivers.len() == 5 {
                break;
            }
        }
        drivers
    }
}

/// A feature that is not a span of the passage, in words.
fn describe_feature(name: &str) -> String {
    match name {
        "question" => "a question".to_string(),
        LEXICON_BLAME => "the lexicon's verdict".to_string(),
        other => other.to_string(),
    }
}

/// A word's stem ("failings" and "failed" read "fail"), so that the model
/// learns from few sentences what each form of a word signals.
fn stem(word: &str) -> String {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER
        .get_or_init(|| Stemmer::create(Algorithm::English))
        .stem(word)
        .into_owned()
}

/// The sentences of a passage: runs of words up to a full stop, `!`, `?`
/// or a line break (a semicolon or a colon does not end one here).
pub(crate) fn sentences<'w>(text: &str, words: &'w [Word]) -> impl Iterator<Item = &'w [Word]> {
    words.chunk_by(move |a, b| {
        a.sentence == b.sentence
            || !text
                .get(a.end..b.start)
                .is_some_and(|gap| gap.contains(['.', '!', '?', '\n']))
    })
}

fn subject_name(subject: Subject) -> &'static str {
    match subject {
        Subject::System => "system",
        Subject::Organisation => "organisation",
        Subject::Practitioner => "practitioner",
        Subject::Person => "person",
        Subject::Family => "family",
        Subject::Unknown => "unknown",
    }
}

/// The start of the name of a counting hit's severity feature
/// (`hit-high`, `hit-medium`, `hit-low`): one for each counting phrase.
const HIT_SEVERITY: &str = "hit-";

/// The feature of a sentence the lexicon alone reads as blame.
const LEXICON_BLAME: &str = "lexicon:blame";

/// The features of one sentence of `text`: the stems of its words outside
/// quotation marks (none in a passage that is a quotation), but for the
/// words that start one of the lexicon's phrases (`phrase_word`), which the
/// lexicon reads in their context ("records failed to show" is the
/// system's, not blame); those of the
/// passage's `hits` that lie in it and count (by category, severity and who
/// they are about: a hit the lexicon set aside as speech or discussion is
/// left out); whether the lexicon alone reads it as blame; and whether it
/// is a question.
pub(crate) fn sentence_features(
    text: &str,
    sentence: &[Word],
    hits: &[Hit],
    context: Context,
    phrase_word: &dyn Fn(&str) -> bool,
) -> Vec<Feature> {
    let span = (sentence[0].start, sentence[sentence.len() - 1].end);
    let hits = hits.iter().filter(|h| h.start >= span.0 && h.end <= span.1);
    let mut features = Vec::new();
    // Words in quotation marks are someone else's; a passage that is a
    // quotation has none of the reviewer's own.
    if context != Context::Quotation {
        for word in sentence
            .iter()
            .filter(|w| !w.quoted && !phrase_word(&w.norm))
        {
            features.push(Feature {
                name: format!("w:{}", stem(&word.norm)),
                span: Some((word.start, word.end)),
            });
        }
    }
    let hits: Vec<&Hit> = hits.collect();
    for hit in hits.iter().copied() {
        let span = Some((hit.start, hit.end));
        if !hit.counts() {
            // Quoted speech, or a phrase the sentence discusses rather than
            // uses: the lexicon has set it aside, and so does the model.
            continue;
        }
        for category in std::iter::once(hit.category).chain(hit.also.iter().copied()) {
            features.push(Feature {
                name: format!("hit:{}", category.code()),
                span,
            });
        }
        let severity = match hit.severity {
            Severity::High => "high",
            Severity::Medium => "medium",
            Severity::Low => "low",
        };
        features.push(Feature {
            name: format!("{HIT_SEVERITY}{severity}"),
            span,
        });
        features.push(Feature {
            name: format!("about:{}", subject_name(hit.subject)),
            span,
        });
    }
    if super::verdict_of(hits.iter().copied()) == super::Verdict::Blame {
        // The lexicon's own verdict on the sentence, shown as its strongest
        // counting phrase.
        let strongest = hits
            .iter()
            .filter(|h| h.counts())
            .max_by_key(|h| h.severity);
        features.push(Feature {
            name: LEXICON_BLAME.to_string(),
            span: strongest.map(|h| (h.start, h.end)),
        });
    }
    match context {
        Context::Narrative => {}
        Context::Question => features.push(Feature {
            name: "question".to_string(),
            span: None,
        }),
        Context::Quotation => {}
    }
    let asks = sentence.last().is_some_and(|w| {
        text.get(w.end..).is_some_and(|rest| {
            rest.trim_start_matches(|c: char| c.is_whitespace() || "\"'”’)".contains(c))
                .starts_with('?')
        })
    });
    if asks {
        features.push(Feature {
            name: "question".to_string(),
            span: None,
        });
    }
    features
}

/// How [`train`] fits a model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrainOptions {
    /// The strength of the L2 penalty on the weights (per example).
    pub l2: f64,
    /// Passes of gradient descent over the whole training set.
    pub epochs: usize,
    /// A feature must appear in at least this many training sentences.
    pub min_count: usize,
    /// The score from which a sentence with none of the lexicon's counting
    /// phrases reads as blame (0.5 for one with such a phrase).
    pub threshold_without_phrase: f64,
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions {
            l2: 0.001,
            epochs: 30,
            min_count: 2,
            threshold_without_phrase: 0.7,
        }
    }
}

/// Fits a model to labelled sentences (the names of each sentence's
/// features, and whether it is blame): stochastic gradient descent with
/// per-feature step sizes (AdaGrad), from zero, in an order shuffled from a
/// fixed seed, so the same corpus always gives the same model. Each class
/// weighs as much as the other, and the threshold is 0.5.
pub fn train(examples: &[(Vec<String>, bool)], options: TrainOptions) -> BlameModel {
    // Each sentence's features as indices into a vocabulary of those seen
    // in enough sentences.
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (features, _) in examples {
        let unique: HashSet<&str> = features.iter().map(String::as_str).collect();
        for feature in unique {
            *counts.entry(feature).or_default() += 1;
        }
    }
    let vocabulary: Vec<&str> = counts
        .iter()
        .filter(|(_, n)| **n >= options.min_count)
        .map(|(f, _)| *f)
        .collect();
    let index: HashMap<&str, usize> = vocabulary
        .iter()
        .enumerate()
        .map(|(i, f)| (*f, i))
        .collect();
    // The penalty is applied to a feature only in the sentences that have
    // it, so it is scaled by how rare the feature is: over a pass, every
    // weight is pulled towards zero as often as there are sentences.
    let penalty: Vec<f64> = vocabulary
        .iter()
        .map(|f| options.l2 * examples.len() as f64 / counts[f] as f64)
        .collect();
    let rows: Vec<(Vec<usize>, f64)> = examples
        .iter()
        .map(|(features, blame)| {
            let mut row: Vec<usize> = features
                .iter()
                .filter_map(|f| index.get(f.as_str()).copied())
                .collect();
            row.sort_unstable();
            row.dedup();
            (row, if *blame { 1.0 } else { 0.0 })
        })
        .collect();
    // Stochastic gradient descent, one sentence at a time in a fixed
    // shuffled order, with per-feature step sizes (AdaGrad) and the L2
    // penalty applied to the features each sentence has.
    let mut weights = vec![0.0f64; vocabulary.len()];
    let mut bias = 0.0f64;
    let mut squares = vec![1e-8f64; vocabulary.len()];
    let mut bias_square = 1e-8f64;
    let rate = 0.5;
    // Each class weighs as much in all as the other, so that the share of
    // blame in the corpus does not set where the verdict turns.
    let blame = rows.iter().filter(|(_, label)| *label > 0.5).count();
    let class_weight = |label: f64| {
        let in_class = if label > 0.5 {
            blame
        } else {
            rows.len() - blame
        };
        rows.len() as f64 / (2.0 * in_class.max(1) as f64)
    };
    let mut order: Vec<usize> = (0..rows.len()).collect();
    let mut random = fastrand::Rng::with_seed(1);
    for _ in 0..options.epochs {
        random.shuffle(&mut order);
        for &r in &order {
            let (row, label) = &rows[r];
            let z = bias + row.iter().map(|&i| weights[i]).sum::<f64>();
            let error = (sigmoid(z) - label) * class_weight(*label);
            for &i in row {
                let g = error + penalty[i] * weights[i];
                squares[i] += g * g;
                weights[i] -= rate * g / squares[i].sqrt();
            }
            bias_square += error * error;
            bias -= rate * error / bias_square.sqrt();
        }
    }
    BlameModel {
        bias,
        threshold: 0.5,
        threshold_without_phrase: options.threshold_without_phrase,
        weights: vocabulary
            .iter()
            .zip(weights)
            .map(|(f, w)| (f.to_string(), w))
            .collect(),
    }
}

/// Precision, recall and the confusion matrix of a model's verdicts.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Confusion {
    /// Blame read as blame.
    pub true_blame: usize,
    /// Learning read as blame.
    pub false_blame: usize,
    /// Blame read as learning.
    pub missed_blame: usize,
    /// Learning read as learning.
    pub true_learning: usize,
}

impl Confusion {
    /// Counts verdicts (`said`) against labels (`blame`).
    pub fn of(pairs: impl IntoIterator<Item = (bool, bool)>) -> Confusion {
        let mut c = Confusion::default();
        for (blame, said) in pairs {
            match (blame, said) {
                (true, true) => c.true_blame += 1,
                (false, true) => c.false_blame += 1,
                (true, false) => c.missed_blame += 1,
                (false, false) => c.true_learning += 1,
            }
        }
        c
    }

    /// Of the sentences read as blame, the share that are.
    pub fn precision(&self) -> f64 {
        ratio(self.true_blame, self.true_blame + self.false_blame)
    }

    /// Of the blame sentences, the share read as blame.
    pub fn recall(&self) -> f64 {
        ratio(self.true_blame, self.true_blame + self.missed_blame)
    }

    /// The harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// The category whose lexicon phrases share most words with the drivers,
/// for the reframe question of a passage without hits.
pub(crate) fn nearest_category(
    drivers: &[Driver],
    phrases: &[(Category, Vec<String>)],
) -> Option<Category> {
    let words: HashSet<String> = drivers
        .iter()
        .flat_map(|d| {
            d.phrase
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.len() > 3)
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .collect();
    let mut best: Option<(usize, Category)> = None;
    for (category, phrase_words) in phrases {
        let shared = phrase_words.iter().filter(|w| words.contains(*w)).count();
        if shared > 0 && best.is_none_or(|(n, _)| shared > n) {
            best = Some((shared, *category));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::language::text::words;

    fn features_of(text: &str) -> Vec<String> {
        let words = words(text);
        sentences(text, &words)
            .flat_map(|s| sentence_features(text, s, &[], Context::Narrative, &|_| false))
            .map(|f| f.name)
            .collect()
    }

    #[test]
    fn quoted_words_are_not_the_sentences_own() {
        let features = features_of("She said “I thought it was a one-off” at the visit.");
        assert!(features.contains(&"w:visit".to_string()), "{features:?}");
        assert!(!features.iter().any(|f| f == "w:thought"), "{features:?}");
        let features = features_of("“I thought it was a one-off.”");
        assert!(features.is_empty(), "{features:?}");
    }

    #[test]
    fn a_model_learns_a_separable_corpus_and_round_trips_through_its_file() {
        let examples: Vec<(Vec<String>, bool)> = [
            ("the worker failed to visit", true),
            ("the manager failed to act", true),
            ("the nurse should have referred", true),
            ("the doctor should have asked", true),
            ("workload made visits hard", false),
            ("the system made checks hard", false),
            ("the form did not prompt it", false),
            ("the guidance did not ask it", false),
        ]
        .iter()
        .map(|(t, b)| (features_of(t), *b))
        .collect();
        let model = train(&examples, TrainOptions::default());
        let said: Vec<(bool, bool)> = examples
            .iter()
            .map(|(f, b)| {
                let features: Vec<Feature> = f
                    .iter()
                    .map(|name| Feature {
                        name: name.clone(),
                        span: None,
                    })
                    .collect();
                (*b, model.score(&features) >= model.threshold_for(&features))
            })
            .collect();
        let c = Confusion::of(said);
        assert_eq!((c.precision(), c.recall()), (1.0, 1.0), "{c:?}");
        let text = model.to_text("test model");
        let again = BlameModel::parse(&text, Path::new("m.tsv")).unwrap();
        assert_eq!(again.to_text("test model"), text);
        assert!((again.bias - model.bias).abs() < 1e-5);
        // Training is deterministic.
        assert_eq!(
            train(&examples, TrainOptions::default()).to_text("x"),
            train(&examples, TrainOptions::default()).to_text("x")
        );
    }

    #[test]
    fn a_bad_model_file_names_the_line() {
        let error = BlameModel::parse("bias\t0.1\nthreshold\t0.5\nw:x\tabc\n", Path::new("m.tsv"))
            .unwrap_err();
        assert_eq!(error.to_string(), "m.tsv:3: `abc` is not a number");
        let error =
            BlameModel::parse("bias\t0.1\nthreshold\t1.5\n", Path::new("m.tsv")).unwrap_err();
        assert!(error.to_string().contains("between 0 and 1"));
        let error = BlameModel::parse("w:x\t0.1\n", Path::new("m.tsv")).unwrap_err();
        assert!(error.to_string().contains("no `bias`"));
        let error = BlameModel::parse(
            "bias\t0.1\nthreshold\t0.5\nthreshold-without-phrase\t2\n",
            Path::new("m.tsv"),
        )
        .unwrap_err();
        assert_eq!(
            error.to_string(),
            "m.tsv:3: the threshold-without-phrase must be between 0 and 1, not 2"
        );
        // A model file without it uses the one threshold for every sentence.
        let model = BlameModel::parse("bias\t0.1\nthreshold\t0.4\n", Path::new("m.tsv")).unwrap();
        assert_eq!(model.threshold_without_phrase, 0.4);
    }
}
