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
