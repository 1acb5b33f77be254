//! The headless command line, run as a user would run it.

use std::path::PathBuf;

use super::run::{foresight, text};

fn examples() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir("assets/examples")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".review.ron"))
        .collect();
    files.sort();
    files
}

#[test]
fn validate_accepts_every_bundled_example() {
    let files = examples();
    assert!(files.len() >= 2, "{files:?}");
    let args: Vec<&str> = std::iter::once("validate")
        .chain(files.iter().map(|p| p.to_str().unwrap()))
        .collect();
    let out = foresight(&args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "stdout: {}\nstderr: {}",
        text(&out.stdout),
        text(&out.stderr)
    );
    for file in &files {
        assert!(text(&out.stdout).contains(&format!("{}: valid", file.display())));
    }
}

#[test]
fn validate_refuses_a_truncated_file_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    for example in examples() {
        let full = std::fs::read_to_string(&example).unwrap();
        for fraction in [0.1, 0.5, 0.9, 0.999] {
            let mut cut = (full.len() as f64 * fraction) as usize;
            while !full.is_char_boundary(cut) {
                cut -= 1;
            }
            let path = dir.path().join("cut.review.ron");
            std::fs::write(&path, &full[..cut]).unwrap();
            let out = foresight(&["validate", path.to_str().unwrap()]);
            let stderr = text(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{stderr}");
            assert!(!stderr.contains("panicked"), "{stderr}");
            let prefix = format!("{}:", path.display());
            let rest = stderr
                .strip_prefix(&prefix)
                .unwrap_or_else(|| panic!("{stderr}"));
            let mut parts = rest.splitn(3, ':');
            let line: usize = parts
                .next()
                .unwrap()
                .parse()
                .unwrap_or_else(|_| panic!("{stderr}"));
            let column: usize = parts
                .next()
                .unwrap()
                .parse()
                .unwrap_or_else(|_| panic!("{stderr}"));
            assert!(line >= 1 && column >= 1);
        }
    }
}

#[test]
fn validate_reports_problems_with_exit_1_and_missing_files_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.review.ron");
    std::fs::write(
        &path,
        r#"(format_version: 1, links: [(id: "K1", from: "V1", to: "V2", kind: Causal(polarity: S, delay: false))])"#,
    )
    .unwrap();
    let out = foresight(&["validate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).contains("K1: link start V1 does not exist"),
        "{}",
        text(&out.stdout)
    );

    let missing = dir.path().join("missing.review.ron");
    let out = foresight(&["validate", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("missing.review.ron: cannot read the file"));
}

#[test]
fn new_creates_a_valid_review_and_will_not_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("child-c.review.ron");
    let p = path.to_str().unwrap();
    let out = foresight(&["new", "-o", p, "--title", "Child C"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let review = foresight::store::load(&path).unwrap();
    assert_eq!(review.meta.title, "Child C");
    assert_eq!(review.meta.taxonomy, "learning-together");
    assert_eq!(foresight(&["validate", p]).status.code(), Some(0));

    let before = std::fs::read(&path).unwrap();
    let out = foresight(&["new", "-o", p, "--title", "Other"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("already exists"));
    assert_eq!(std::fs::read(&path).unwrap(), before);

    let out = foresight(&[
        "new",
        "-o",
        dir.path().join("x.review.ron").to_str().unwrap(),
        "--taxonomy",
        "nope",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no taxonomy named `nope`"));
}

#[test]
fn generate_writes_a_valid_deterministic_review() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.review.ron");
    let b = dir.path().join("b.review.ron");
    for path in [&a, &b] {
        let out = foresight(&[
            "generate",
            "-o",
            path.to_str().unwrap(),
            "--entries",
            "300",
            "--variables",
            "20",
            "--seed",
            "9",
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    }
    // The same seed gives the same review. The file ends with the record
    // of its save (`revisions`, with the time it was saved), which differs
    // when the two runs fall in different seconds.
    let review = |path: &PathBuf| {
        let text = std::fs::read_to_string(path).unwrap();
        let at = text
            .find("\n    revisions: [")
            .expect("a saved review records its revision");
        text[..at].to_string()
    };
    assert_eq!(review(&a), review(&b));
    let out = foresight(&["validate", a.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("300 chronology entries"));
}

#[test]
fn examples_can_be_listed_and_written_out() {
    let dir = tempfile::tempdir().unwrap();
    let out = foresight(&["examples"]);
    assert!(text(&out.stdout).contains("munro-appendix2.review.ron"));
    let out = foresight(&["examples", "--write", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    for example in foresight::examples::EXAMPLES {
        let written = std::fs::read_to_string(dir.path().join(example.file_name)).unwrap();
        assert_eq!(written, example.text);
    }
}

#[test]
fn every_subcommand_has_help() {
    for command in [
        "open",
        "validate",
        "new",
        "import-chronology",
        "import-cast",
        "import-cld",
        "loops",
        "language",
        "check",
        "anonymise",
        "export",
        "generate",
        "examples",
    ] {
        let out = foresight(&[command, "--help"]);
        assert_eq!(out.status.code(), Some(0), "{command}");
        assert!(text(&out.stdout).contains("Usage: foresight"), "{command}");
    }
}

#[test]
fn no_command_writes_over_the_file_it_reads() {
    let folder = tempfile::tempdir().unwrap();
    let review = folder.path().join("case.review.ron");
    std::fs::copy("assets/examples/munro-appendix2.review.ron", &review).unwrap();
    let before = std::fs::read(&review).unwrap();
    let path = review.to_str().unwrap();
    // The same file, also reached by another spelling of its path.
    let aliased = folder.path().join(".").join("case.review.ron");
    let alias = aliased.to_str().unwrap();
    for args in [
        vec!["figure", path, "-o", path],
        vec!["figure", path, "-o", alias],
        vec!["import-cast", path, "--into", alias],
        vec!["import-cld", path, "--into", path],
        vec!["import-chronology", path, "--into", path],
    ] {
        let out = foresight(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let said = text(&out.stderr);
        assert!(
            said.contains("both what is read and where to write"),
            "{args:?}: {said}"
        );
        assert_eq!(
            std::fs::read(&review).unwrap(),
            before,
            "{args:?} changed the review"
        );
    }
}

#[test]
fn saving_over_a_commented_review_says_the_comments_go() {
    let folder = tempfile::tempdir().unwrap();
    let review = folder.path().join("noted.review.ron");
    let commented = std::fs::read_to_string("assets/examples/munro-appendix2.review.ron")
        .unwrap()
        .replacen(
            "    meta: (",
            "    // Panel notes: see the minutes of 3 May.\n    meta: (",
            1,
        );
    std::fs::write(&review, commented).unwrap();
    let csv = folder.path().join("cast.csv");
    std::fs::write(&csv, "Name,Role\nAda Lovelace,Observer\n").unwrap();
    let out = foresight(&[
        "import-cast",
        csv.to_str().unwrap(),
        "--into",
        review.to_str().unwrap(),
    ]);
    let said = text(&out.stderr) + &text(&out.stdout);
    assert!(out.status.success(), "{said}");
    assert!(
        said.contains("noted.review.ron:3: this file has comments"),
        "{said}"
    );
}
