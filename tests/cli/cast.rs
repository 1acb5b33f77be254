//! `foresight cast`: what `foresight check` suggests for a possible name
//! the anonymiser replaced by a placeholder (another spelling of a cast
//! member's name, or a person to add), done from the command line, and
//! the next anonymisation using the pseudonym.

use std::path::Path;

use super::run::{foresight, run_ok, text};

const CAST: &str = "name,aliases,role,pseudonym,kind\n\
    Cerys Mensah,,child,Child C,person\n\
    Mohammed Iqbal,,father,Father,person\n";

const CHRONOLOGY: &str = "Date,Agency,Author,Details\n\
    03/02/2021,Nursery,Key worker Aoife Brannagh,\"Ceris collected by Muhammad; settled well.\"\n";

#[test]
fn check_suggests_and_cast_adds_spellings_and_people() {
    let dir = tempfile::tempdir().unwrap();
    let at = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    std::fs::write(at("cast.csv"), CAST).unwrap();
    std::fs::write(at("chronology.csv"), CHRONOLOGY).unwrap();
    let review = at("r.review.ron");
    run_ok(&["new", "-o", &review, "--title", "Child C"]);
    run_ok(&["import-cast", &at("cast.csv"), "--into", &review]);
    run_ok(&[
        "import-chronology",
        &at("chronology.csv"),
        "--into",
        &review,
    ]);

    let anonymised = at("a.review.ron");
    run_ok(&["anonymise", &review, "-o", &anonymised]);
    let file = std::fs::read_to_string(&anonymised).unwrap();
    assert!(file.contains("[name] collected by [name]"), "{file}");
    for name in ["Ceris", "Muhammad", "Aoife", "Brannagh"] {
        assert!(!file.contains(name), "{name} in {file}");
    }

    // check names the person each spelling is like, and how to add it.
    let out = foresight(&["check", &review]);
    let said = text(&out.stdout) + &text(&out.stderr);
    assert!(
        said.contains("spelt like P1's name \"Cerys\"") && said.contains("--add-name \"P1=Ceris\""),
        "{said}"
    );
    assert!(said.contains("--add-name \"P2=Muhammad\""), "{said}");
    assert!(
        said.contains("--add-person \"Aoife Brannagh\" --role ROLE"),
        "{said}"
    );

    let said = run_ok(&[
        "cast",
        &review,
        "--add-name",
        "P1=Ceris",
        "--add-name",
        "P2=Muhammad",
        "--add-person",
        "Aoife Brannagh",
        "--role",
        "Nursery key worker",
    ]);
    assert!(said.contains("P3 \"Aoife Brannagh\" added"), "{said}");
    let listed = run_ok(&["cast", &review]);
    assert!(
        listed.contains("P1\tCerys Mensah\tchild\tChild C\tCeris"),
        "{listed}"
    );
    assert!(
        listed.contains("P3\tAoife Brannagh\tNursery key worker"),
        "{listed}"
    );

    run_ok(&["anonymise", &review, "-o", &anonymised]);
    let file = std::fs::read_to_string(&anonymised).unwrap();
    assert!(file.contains("Child C collected by Father"), "{file}");
    assert!(file.contains("Key worker Nursery key worker"), "{file}");

    // Bad input: a clear message, the file unchanged.
    let before = std::fs::read_to_string(&review).unwrap();
    for args in [
        vec!["cast", &review, "--add-name", "P9=Kez"],
        vec!["cast", &review, "--add-name", "Kez"],
        vec!["cast", &review, "--add-person", "Kez Smith"],
        vec!["cast", &review, "--role", "GP"],
    ] {
        let out = foresight(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!text(&out.stderr).is_empty());
    }
    assert_eq!(std::fs::read_to_string(&review).unwrap(), before);
    assert!(Path::new(&review).exists());
}
