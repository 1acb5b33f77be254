//! `foresight language` and `foresight check`, run as a user would run them.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use foresight::model::{AcceptedPhrase, FindingTag, Id};

use super::run::text;

const EXAMPLE: &str = "assets/examples/child-b-learning-review.review.ron";

fn foresight(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_foresight"))
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env("FORESIGHT_TEMPLATES", "/nonexistent")
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

#[test]
fn language_prints_one_verdict_line_per_input_line() {
    let input = "The social worker failed to visit the children.\n\
                 The system failed to provide practitioners with time.\n\
                 \n\
                 With the benefit of hindsight, this was a missed opportunity.\n";
    for args in [vec!["language"], vec!["language", "-"]] {
        let out = foresight(&args, Some(input));
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let stdout = text(&out.stdout);
        let lines: Vec<&str> = stdout.lines().collect();
        assert_eq!(lines.len(), 4, "{stdout}");
        assert_eq!(
            lines[0],
            "blame\tfailed to (CF/IF counterfactual, individual fault)"
        );
        assert_eq!(lines[1], "learning\t");
        assert_eq!(lines[2], "learning\t");
        assert_eq!(
            lines[3],
            "blame\tWith the benefit of hindsight (HC hindsight certainty); missed opportunity (MO missed-opportunity framing)"
        );
    }
}

#[test]
fn language_reads_a_file_and_refuses_unreadable_input() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("passages.txt");
    std::fs::write(
        &path,
        "It was clear that the mother was lying.\r\nCaseloads are high.",
    )
    .unwrap();
    let out = foresight(&["language", path.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(&out.stdout),
        "blame\tIt was clear that (HC hindsight certainty)\nlearning\t\n"
    );

    let out = foresight(&["language", path.to_str().unwrap(), "--json"], None);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json[0]["verdict"], "blame");
    assert_eq!(json[0]["hits"][0]["category"], "HC");
    assert!(
        json[0]["hits"][0]["reframe"]
            .as_str()
            .unwrap()
            .contains("Clear to whom")
    );

    let missing = dir.path().join("missing.txt");
    let out = foresight(&["language", missing.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("missing.txt: cannot read the file"));

    let binary = dir.path().join("binary.txt");
    std::fs::write(&binary, b"fine\nalso fine\n\xff\xfe").unwrap();
    let out = foresight(&["language", binary.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("binary.txt:3: not plain text"),
        "{}",
        text(&out.stderr)
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn check_lists_the_worked_example_blame_finding_as_left_out_of_publication() {
    let out = foresight(&["check", EXAMPLE], None);
    let stdout = text(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}\n{}",
        text(&out.stderr)
    );
    assert!(
        stdout.lines().any(|l| l.trim_start().starts_with("FN9 ")
            && l.ends_with("tagged blame: left out of publication")),
        "{stdout}"
    );
    assert!(!stdout.contains("BLOCKS PUBLICATION"), "{stdout}");
    assert!(stdout.contains("Why-coverage"));
    assert!(
        stdout.contains("Episodes with a contributing factor and a local-rationality account: ")
    );
    assert!(stdout.contains("FN9 statement: \"failed to\""), "{stdout}");
    assert!(stdout.contains("ready to publish: 8 learning findings, 1 left out of publication"));
}

#[test]
fn check_exits_1_naming_an_untagged_finding() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("untagged.review.ron");
    let mut review = foresight::store::load(Path::new(EXAMPLE)).unwrap();
    let fn9 = review
        .findings
        .iter_mut()
        .find(|f| f.id == Id::from("FN9"))
        .unwrap();
    fn9.tag = FindingTag::Untagged;
    foresight::store::save(&path, &review).unwrap();
    let out = foresight(&["check", path.to_str().unwrap()], None);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains(
            "BLOCKS PUBLICATION: FN9 \"Training example: the health visitor missed obvious warning signs\" is untagged"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("not ready to publish: 1 blocker:"),
        "{stdout}"
    );
}

#[test]
fn check_blocks_an_open_phrase_in_a_learning_statement_until_it_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("phrase.review.ron");
    let mut review = foresight::store::load(Path::new(EXAMPLE)).unwrap();
    review.findings[0].statement =
        "With hindsight, screening tools in adult services ask about a service user's own children.".into();
    foresight::store::save(&path, &review).unwrap();
    let out = foresight(&["check", path.to_str().unwrap()], None);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("FN1 \"Adult services' tools see the adult, not the household\" is tagged learning but its statement has the open phrase \"With hindsight\""), "{stdout}");

    review.meta.accepted_language.push(AcceptedPhrase {
        record: Id::from("FN1"),
        field: "statement".into(),
        phrase: "with hindsight".into(),
        reason: "Training example of an acknowledged limitation.".into(),
    });
    foresight::store::save(&path, &review).unwrap();
    let out = foresight(&["check", path.to_str().unwrap()], None);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("accepted: Training example of an acknowledged limitation."));
}

#[test]
fn check_blocks_a_problematic_episode_without_local_rationality() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("episode.review.ron");
    let mut review = foresight::store::load(Path::new(EXAMPLE)).unwrap();
    let episode = &mut review.episodes[2];
    episode.appraisal = foresight::model::Appraisal::Problematic;
    episode.local_rationality.clear();
    episode.mindset = Default::default();
    let id = episode.id.clone();
    foresight::store::save(&path, &review).unwrap();
    let out = foresight(&["check", path.to_str().unwrap()], None);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains(&format!("BLOCKS PUBLICATION: {id} "))
            && stdout.contains("no local-rationality account"),
        "{stdout}"
    );
}

#[test]
fn check_refuses_an_unreadable_review_with_exit_2() {
    let out = foresight(&["check", "/nonexistent/x.review.ron"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("x.review.ron: cannot read the file"));
}

/// Runs foresight with the templates folder `templates`.
fn foresight_with_templates(args: &[&str], templates: &Path, stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_foresight"))
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env("FORESIGHT_TEMPLATES", templates)
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.as_bytes()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

#[test]
fn language_json_gives_each_line_a_score_what_drove_it_and_a_reframe_question() {
    let out = foresight(
        &["language", "--json"],
        Some(
            "The social worker failed to visit the child.\n\
             She said: \"I should have visited sooner.\"\n\
             Caseloads were above the agreed ceiling.\n",
        ),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let lines: serde_json::Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    let line = |i: usize| &lines[i];
    assert_eq!(line(0)["verdict"], "blame");
    // The score is the blame model's probability.
    let score = line(0)["score"].as_f64().unwrap();
    assert!(score > 0.8 && score <= 1.0, "{score}");
    assert_eq!(line(0)["drivers"][0]["phrase"], "failed to");
    assert!(line(0)["reframe"].as_str().unwrap().ends_with('?'));
    // Quoted speech is found, but it is the practitioner's, not the
    // review's: no blame.
    assert_eq!(line(1)["verdict"], "learning");
    assert!(line(1)["score"].as_f64().unwrap() < 0.5);
    assert!(!line(1)["hits"].as_array().unwrap().is_empty());
    let hit = &line(1)["hits"][0];
    assert_eq!(hit["quoted"], true);
    assert_eq!(hit["speech"], true);
    assert_eq!(hit["counts"], false);
    assert_eq!(line(0)["hits"][0]["counts"], true);
    assert_eq!(line(2)["verdict"], "learning");
    assert!(line(2)["reframe"].is_null());
}

#[test]
fn a_model_trained_on_a_corpus_is_measured_and_used_from_a_templates_folder() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.tsv");
    let mut lines = vec!["id\tsplit\tlabel\tdocument\tsentence".to_string()];
    let blame = [
        "The worker failed to visit.",
        "The manager failed to act.",
        "The nurse should have referred.",
        "The doctor should have asked.",
    ];
    let learning = [
        "Workload made visits hard.",
        "The form did not prompt it.",
        "The guidance did not ask it.",
        "Vacancies left the team short.",
    ];
    for (i, (b, l)) in blame.iter().zip(learning).enumerate() {
        let split = if i < 3 { "train" } else { "dev" };
        lines.push(format!("B{i}\t{split}\tblame\tD{i}\t{b}"));
        lines.push(format!("L{i}\t{split}\tlearning\tD{i}\t{l}"));
    }
    std::fs::write(&corpus, lines.join("\n") + "\n").unwrap();
    let templates = dir.path().join("templates");
    std::fs::create_dir_all(templates.join("lexicon")).unwrap();
    let model = templates.join("lexicon").join("blame-model.tsv");
    let c = corpus.to_str().unwrap();
    let m = model.to_str().unwrap();
    let out = foresight(&["language-model", "train", "--corpus", c, "-o", m], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let first = std::fs::read_to_string(&model).unwrap();
    assert!(first.contains("\nbias\t") && first.contains("\nthreshold\t"));
    // The same corpus gives the same model, byte for byte.
    foresight(&["language-model", "train", "--corpus", c, "-o", m], None);
    assert_eq!(std::fs::read_to_string(&model).unwrap(), first);

    let out = foresight(
        &[
            "language-model",
            "evaluate",
            "--corpus",
            c,
            "--split",
            "train",
            "--model",
            m,
            "--json",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    assert_eq!(json["sentences"], 6);
    assert_eq!(json["precision"], 1.0, "{json}");
    assert_eq!(json["recall"], 1.0, "{json}");

    // In a templates folder, the model gives the lint its verdicts.
    let out = foresight_with_templates(
        &["language", "--json"],
        &templates,
        "The worker failed to act.\n",
    );
    let lines: serde_json::Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    let score = lines[0]["score"].as_f64().unwrap();
    assert!(score > 0.0 && score < 1.0, "{score}");
    assert_eq!(lines[0]["verdict"], "blame");

    // A corpus line it cannot read is named.
    std::fs::write(&corpus, "B1\ttrain\tmaybe\tD1\tThe worker failed.\n").unwrap();
    let out = foresight(&["language-model", "train", "--corpus", c, "-o", m], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("corpus.tsv:1: the label must be `blame` or `learning`"),
        "{}",
        text(&out.stderr)
    );
    // And so is a model file it cannot read.
    std::fs::write(&model, "bias\tx\n").unwrap();
    let out = foresight_with_templates(&["language"], &templates, "Text.\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("blame-model.tsv:1: `x` is not a number"),
        "{}",
        text(&out.stderr)
    );
}
