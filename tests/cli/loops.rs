//! `foresight import-cld` and `foresight loops`, run as a user would.

use super::run::{foresight, text};

const MUNRO: &str = "assets/examples/munro-appendix2.review.ron";

#[test]
fn loops_lists_the_munro_loops_with_their_names() {
    let out = foresight(&["loops", MUNRO]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(
        lines[0].starts_with("B    3  \"Comply!\": Compliance Enforcement → "),
        "{stdout}"
    );
    assert!(
        lines[1].starts_with("B    7  \"But it's going wrong!\": "),
        "{stdout}"
    );
    assert!(
        lines[2].starts_with("R    8  \"Addiction to prescription\": "),
        "{stdout}"
    );
    assert_eq!(lines[3], "3 loops: 1 reinforcing, 2 balancing");
}

#[test]
fn loops_json_has_the_documented_shape() {
    let out = foresight(&["loops", MUNRO, "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["truncated"], false);
    let loops = json["loops"].as_array().unwrap();
    assert_eq!(loops.len(), 3);
    assert_eq!(loops[0]["kind"], "B");
    assert_eq!(loops[0]["length"], 3);
    assert_eq!(loops[0]["name"], "Comply!");
    assert_eq!(
        loops[0]["variables"],
        serde_json::json!([
            "Compliance Enforcement",
            "Scope for Dealing with Variety of Circumstances Using Professional Judgment",
            "Compliance with Prescriptions"
        ])
    );
    assert_eq!(loops[2]["kind"], "R");
    let keys: Vec<&String> = loops[0].as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 4);
}

#[test]
fn max_bounds_the_list_honestly_and_zero_means_no_bound() {
    let out = foresight(&["loops", MUNRO, "--json", "--max", "1"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["loops"].as_array().unwrap().len(), 1);
    assert_eq!(json["truncated"], true);
    let out = foresight(&["loops", MUNRO, "--json", "--max", "0"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["loops"].as_array().unwrap().len(), 3);
    assert_eq!(json["truncated"], false);
}

#[test]
fn summary_prints_only_the_counts() {
    let out = foresight(&["loops", MUNRO, "--summary"]);
    assert_eq!(
        text(&out.stdout),
        "loops: 3\nreinforcing: 1\nbalancing: 2\n"
    );
}

#[test]
fn summary_with_max_0_counts_every_loop_however_many() {
    // A complete graph of 9 variables has 125,664 loops (the sum over k of
    // C(9, k)·(k−1)!), all reinforcing when every link is S.
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("k9.csv");
    let mut edges = String::from("from,to,polarity\n");
    for a in 0..9 {
        for b in 0..9 {
            if a != b {
                edges.push_str(&format!("V{a},V{b},S\n"));
            }
        }
    }
    std::fs::write(&csv, edges).unwrap();
    let file = dir.path().join("k9.review.ron");
    let (csv, file) = (csv.to_str().unwrap(), file.to_str().unwrap());
    super::run::run_ok(&["import-cld", csv, "--into", file]);
    let summary = super::run::run_ok(&["loops", file, "--summary", "--max", "0"]);
    assert_eq!(
        summary,
        "loops: 125664\nreinforcing: 125664\nbalancing: 0\n"
    );
    let json = super::run::run_ok(&["loops", file, "--summary", "--max", "0", "--json"]);
    assert!(
        json.contains("\"loops\":125664") && json.contains("\"complete\":true"),
        "{json}"
    );
}

#[test]
fn import_cld_creates_the_file_and_the_loops_follow() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("fixes.csv");
    std::fs::write(
        &csv,
        "from,to,polarity,delay\nProblem Symptom,Fix,same,\nFix,Problem Symptom,-,\nFix,Unintended Consequence,+,\nUnintended Consequence,Problem Symptom,S,yes\n",
    )
    .unwrap();
    let review = dir.path().join("fixes.review.ron");
    let out = foresight(&[
        "import-cld",
        csv.to_str().unwrap(),
        "--into",
        review.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("added 3 variables and 4 links"));
    assert_eq!(
        foresight(&["validate", review.to_str().unwrap()])
            .status
            .code(),
        Some(0)
    );
    let out = foresight(&["loops", review.to_str().unwrap()]);
    let stdout = text(&out.stdout);
    assert!(stdout.contains("B    2  Fix → Problem Symptom"), "{stdout}");
    assert!(
        stdout.contains("R    3  Fix → Unintended Consequence → Problem Symptom  (delay)"),
        "{stdout}"
    );

    // Importing again adds nothing.
    let before = std::fs::read(&review).unwrap();
    let out = foresight(&[
        "import-cld",
        csv.to_str().unwrap(),
        "--into",
        review.to_str().unwrap(),
    ]);
    assert!(
        text(&out.stdout).contains("added 0 variables and 0 links"),
        "{}",
        text(&out.stdout)
    );
    assert!(text(&out.stdout).contains("(4 already there)"));
    let after = foresight::store::load(&review).unwrap();
    assert_eq!(
        after,
        foresight::store::parse_review(&String::from_utf8(before).unwrap(), &review).unwrap()
    );
}

#[test]
fn an_unknown_polarity_names_the_row_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("edges.csv");
    std::fs::write(&csv, "from,to,polarity\nA,B,S\nB,C,up\nC,A,O\n").unwrap();
    let review = dir.path().join("new.review.ron");
    let out = foresight(&[
        "import-cld",
        csv.to_str().unwrap(),
        "--into",
        review.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(
            "edges.csv: row 3: unknown polarity `up` (expected S, O, +, -, same or opposite)"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("nothing was imported"));
    assert!(!review.exists());

    // An existing review is left byte for byte as it was.
    let existing = dir.path().join("existing.review.ron");
    std::fs::copy(MUNRO, &existing).unwrap();
    let before = std::fs::read(&existing).unwrap();
    let out = foresight(&[
        "import-cld",
        csv.to_str().unwrap(),
        "--into",
        existing.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read(&existing).unwrap(), before);
}

#[test]
fn a_name_with_control_characters_is_printed_escaped() {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("loops.review.ron");
    let mut review = foresight::examples::munro_appendix2();
    review.variables[0].name = "Case\u{1b}[2Jload\u{202E}".into();
    foresight::store::save(&file, &review).unwrap();
    let out = super::run::run_ok(&["loops", file.to_str().unwrap()]);
    assert!(
        !out.contains('\u{1b}') && !out.contains('\u{202E}'),
        "{out:?}"
    );
    assert!(out.contains("Case\\u{001B}[2Jload\\u{202E}"), "{out}");
}

#[test]
fn import_cld_reads_utf16_and_windows_1252_as_the_other_imports_do() {
    let folder = tempfile::tempdir().unwrap();
    let csv = "from,to,polarity\nCaf\u{e9} staffing,Time with families,S\nTime with families,Caf\u{e9} staffing,O\n";
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in csv.encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    let windows: Vec<u8> = csv.chars().map(|c| c as u32 as u8).collect();
    for (name, bytes) in [("utf16.csv", utf16), ("cp1252.csv", windows)] {
        let path = folder.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let review = folder.path().join(format!("{name}.review.ron"));
        let said = super::run::run_ok(&[
            "import-cld",
            path.to_str().unwrap(),
            "--into",
            review.to_str().unwrap(),
        ]);
        assert!(said.contains("added 2 variables"), "{name}: {said}");
        let loaded = foresight::store::load(&review).unwrap();
        assert!(
            loaded
                .variables
                .iter()
                .any(|v| v.name == "Caf\u{e9} staffing"),
            "{name}: {:?}",
            loaded.variables
        );
    }
}

#[test]
fn a_complete_graph_of_forty_variables_is_listed_and_counted_within_bounds() {
    // 1,560 links: more loops than could ever be gone through.
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("k40.csv");
    let mut edges = String::from("from,to,polarity\n");
    for a in 0..40 {
        for b in (0..40).filter(|&b| b != a) {
            edges.push_str(&format!("V{a:02},V{b:02},S\n"));
        }
    }
    std::fs::write(&csv, edges).unwrap();
    let file = dir.path().join("k40.review.ron");
    let (csv, file) = (csv.to_str().unwrap(), file.to_str().unwrap());
    super::run::run_ok(&["import-cld", csv, "--into", file]);

    let listed = super::run::run_ok(&["loops", file, "--max", "10"]);
    let loops: Vec<&str> = listed.lines().filter(|l| l.starts_with("R ")).collect();
    assert_eq!(loops.len(), 10, "{listed}");
    assert!(
        loops.iter().all(|l| l.starts_with("R    2  V00 → ")),
        "{listed}"
    );
    assert!(listed.contains("more than 2000000 loops"), "{listed}");

    let summary = super::run::run_ok(&["loops", file, "--summary"]);
    assert!(summary.contains("loops: more than 2000000"), "{summary}");
    let json = super::run::run_ok(&["loops", file, "--summary", "--json"]);
    assert!(json.contains("\"complete\":false"), "{json}");
}
