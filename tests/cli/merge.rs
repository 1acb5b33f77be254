//! `foresight merge`: two reviewers' copies of the worked example merged,
//! cleanly, with a text conflict, with ids both created, with a record
//! deleted in one copy and edited in the other, with their ancestor found
//! by the revisions the files record or missing, and with a file it cannot
//! read.

use std::path::{Path, PathBuf};

use foresight::edit::delete_record;
use foresight::examples::worked_case;
use foresight::model::*;
use foresight::store;

use crate::run::{foresight, text};

/// A folder with the ancestor written as base.review.ron.
fn folder() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("base.review.ron");
    store::save(&base, &worked_case()).unwrap();
    (dir, base)
}

/// Writes a copy of the file `from` changed by `edit`, as a reviewer who
/// opened it, edited and saved under `name` would.
fn copy_of(from: &Path, name: &str, edit: impl FnOnce(&mut Review)) -> PathBuf {
    let (mut review, lineage) = store::load_with_lineage(from).unwrap();
    edit(&mut review);
    let path = from.with_file_name(name);
    store::save_with_lineage(&path, &review, &lineage).unwrap();
    path
}

/// Writes a copy of the ancestor (base.review.ron in `dir`) changed by
/// `edit`.
fn copy(dir: &Path, name: &str, edit: impl FnOnce(&mut Review)) -> PathBuf {
    copy_of(&dir.join("base.review.ron"), name, edit)
}

/// Writes the worked example changed by `edit`, saved afresh: a copy that
/// records no revision in common with any other.
fn unrelated_copy(dir: &Path, name: &str, edit: impl FnOnce(&mut Review)) -> PathBuf {
    let mut review = worked_case();
    edit(&mut review);
    let path = dir.join(name);
    store::save(&path, &review).unwrap();
    path
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// Runs `foresight merge OURS THEIRS [--base BASE] -o OUT --json`: its
/// exit code, JSON and standard error.
fn merge_json(
    ours: &Path,
    theirs: &Path,
    base: Option<&Path>,
    out: &Path,
) -> (i32, serde_json::Value, String) {
    let mut args = vec!["merge", s(ours), s(theirs)];
    if let Some(base) = base {
        args.extend(["--base", s(base)]);
    }
    args.extend(["-o", s(out), "--json"]);
    let run = foresight(&args);
    let json = serde_json::from_str(&text(&run.stdout)).unwrap_or_else(|e| {
        panic!("{e}: {}{}", text(&run.stdout), text(&run.stderr));
    });
    (run.status.code().unwrap(), json, text(&run.stderr))
}

#[test]
fn edits_to_different_records_merge_cleanly_into_a_valid_review() {
    let (dir, base) = folder();
    let ours = copy(dir.path(), "ours.review.ron", |r| {
        r.episodes[0].title = "Our title".into()
    });
    let theirs = copy(dir.path(), "theirs.review.ron", |r| {
        r.findings[1].statement.push_str("\nA line they added.")
    });
    let out = dir.path().join("merged.review.ron");
    let run = foresight(&[
        "merge",
        s(&ours),
        s(&theirs),
        "--base",
        s(&base),
        "-o",
        s(&out),
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    assert!(text(&run.stdout).contains("merged cleanly"));
    let merged = store::load(&out).unwrap();
    assert_eq!(merged.episodes[0].title, "Our title");
    assert!(
        merged.findings[1]
            .statement
            .ends_with("\nA line they added.")
    );
    assert!(merged.meta.conflicts.is_empty());
    assert_eq!(foresight(&["validate", s(&out)]).status.code(), Some(0));
}

#[test]
fn a_title_both_changed_is_a_conflict_that_validate_reports_and_check_refuses() {
    let (dir, base) = folder();
    let episode = worked_case().episodes[1].id.clone();
    let ours = copy(dir.path(), "ours.review.ron", |r| {
        r.episodes[1].title = "School hears B".into()
    });
    let theirs = copy(dir.path(), "theirs.review.ron", |r| {
        r.episodes[1].title = "School hears the sibling".into()
    });
    let out = dir.path().join("merged.review.ron");
    let (code, json, _) = merge_json(&ours, &theirs, Some(&base), &out);
    assert_eq!(code, 1);
    assert_eq!(json["clean"], false);
    let conflicts = json["conflicts"].as_array().unwrap();
    assert_eq!(conflicts.len(), 1, "{json}");
    assert_eq!(conflicts[0]["record"], episode.as_str());
    assert_eq!(conflicts[0]["field"], "title");
    assert_eq!(conflicts[0]["ours"], "School hears B");
    assert_eq!(conflicts[0]["theirs"], "School hears the sibling");
    assert_eq!(
        conflicts[0]["base"],
        worked_case().episodes[1].title.as_str()
    );
    // The merged file holds our title and the conflict.
    let merged = store::load(&out).unwrap();
    assert_eq!(merged.episodes[1].title, "School hears B");
    assert_eq!(merged.meta.conflicts.len(), 1);

    let validate = foresight(&["validate", s(&out)]);
    assert_eq!(validate.status.code(), Some(1));
    assert!(
        text(&validate.stdout).contains(&format!(
            "{episode}: unresolved merge conflict in title: ours \"School hears B\", theirs \"School hears the sibling\""
        )),
        "{}",
        text(&validate.stdout)
    );
    let check = foresight(&["check", s(&out)]);
    assert_eq!(check.status.code(), Some(1));
    assert!(text(&check.stdout).contains("not ready to publish"));
    assert!(text(&check.stdout).contains("unresolved merge conflict in title"));
}

#[test]
fn records_both_created_with_one_id_are_kept_apart_with_references_updated() {
    let (dir, base) = folder();
    let add = |statement: &'static str| {
        move |r: &mut Review| {
            let factor = r.next_id(RecordKind::Factor);
            let link = r.next_id(RecordKind::Link);
            let episode = r.episodes[0].id.clone();
            r.factors.push(ContributingFactor {
                id: factor.clone(),
                statement: statement.into(),
                ..Default::default()
            });
            r.links.push(Link {
                id: link,
                from: factor.clone(),
                to: episode,
                kind: LinkKind::ContributedTo,
                note: String::new(),
            });
            r.diagrams[0].nodes.push(DiagramNode {
                item: factor,
                x: 10.0,
                y: 20.0,
            });
        }
    };
    let ours = copy(dir.path(), "ours.review.ron", add("Our new factor"));
    let theirs = copy(dir.path(), "theirs.review.ron", add("Their new factor"));
    let ancestor = worked_case();
    let factor = ancestor.next_id(RecordKind::Factor);
    let out = dir.path().join("merged.review.ron");
    let (code, json, _) = merge_json(&ours, &theirs, Some(&base), &out);
    assert_eq!(code, 0, "{json}");
    let renumbered = json["renumbered"].as_array().unwrap();
    assert!(
        renumbered.iter().any(|r| r["from"] == factor.as_str()),
        "{json}"
    );
    let merged = store::load(&out).unwrap();
    let ours_factor = merged
        .factors
        .iter()
        .find(|f| f.statement == "Our new factor")
        .unwrap();
    let theirs_factor = merged
        .factors
        .iter()
        .find(|f| f.statement == "Their new factor")
        .unwrap();
    assert_eq!(ours_factor.id, factor);
    assert_ne!(theirs_factor.id, factor);
    // Their link and their place on the case map follow the new id.
    for id in [&ours_factor.id, &theirs_factor.id] {
        assert_eq!(merged.links_touching(id).count(), 1, "{id}");
        assert!(merged.diagrams[0].position(id).is_some(), "{id}");
    }
    assert_eq!(merged.links.len(), ancestor.links.len() + 2);
    assert_eq!(foresight(&["validate", s(&out)]).status.code(), Some(0));
}

#[test]
fn a_record_deleted_in_one_copy_and_edited_in_the_other_is_a_conflict() {
    let (dir, base) = folder();
    let factor = worked_case().factors[4].id.clone();
    let ours = copy(dir.path(), "ours.review.ron", |r| {
        let change = delete_record(r, &factor).unwrap();
        change.apply(r).unwrap();
    });
    let theirs = copy(dir.path(), "theirs.review.ron", |r| {
        r.factors[4].statement = "Reworded by the second reviewer.".into()
    });
    let out = dir.path().join("merged.review.ron");
    let (code, json, _) = merge_json(&ours, &theirs, Some(&base), &out);
    assert_eq!(code, 1);
    let conflict = json["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["record"] == factor.as_str())
        .unwrap_or_else(|| panic!("{json}"));
    assert_eq!(conflict["field"], "");
    assert!(conflict["ours"].is_null());
    assert!(
        conflict["theirs"]
            .as_str()
            .unwrap()
            .contains("Reworded by the second reviewer.")
    );
    // Ours is kept meanwhile: the factor stays deleted, and the merge is
    // otherwise valid.
    let merged = store::load(&out).unwrap();
    assert!(merged.kind_of(&factor).is_none());
    let validate = foresight(&["validate", s(&out)]);
    assert_eq!(validate.status.code(), Some(1));
    assert!(text(&validate.stdout).contains(&format!(
        "{factor}: unresolved merge conflict in the whole record"
    )));
    assert_eq!(
        text(&validate.stdout).lines().count(),
        1,
        "{}",
        text(&validate.stdout)
    );
}

#[test]
fn an_unreadable_copy_is_named_and_nothing_is_written() {
    let (dir, base) = folder();
    let broken = dir.path().join("broken.review.ron");
    std::fs::write(&broken, "(format_version: 4, meta: (title: \"x\"").unwrap();
    let out = dir.path().join("merged.review.ron");
    let run = foresight(&["merge", s(&base), s(&broken), "-o", s(&out)]);
    assert_eq!(run.status.code(), Some(2));
    assert!(
        text(&run.stderr).contains("broken.review.ron"),
        "{}",
        text(&run.stderr)
    );
    assert!(!out.exists());
    let missing = dir.path().join("missing.review.ron");
    let run = foresight(&[
        "merge",
        s(&base),
        s(&base),
        "--base",
        s(&missing),
        "-o",
        s(&out),
    ]);
    assert_eq!(run.status.code(), Some(2));
    assert!(text(&run.stderr).contains("missing.review.ron"));
    // Nor is an input ever overwritten.
    let run = foresight(&["merge", s(&base), s(&broken), "-o", s(&base)]);
    assert_eq!(run.status.code(), Some(2));
    assert!(text(&run.stderr).contains("both what is read and where to write"));
}

#[test]
fn without_an_ancestor_every_difference_is_a_conflict() {
    let (dir, _) = folder();
    let ours = unrelated_copy(dir.path(), "ours.review.ron", |r| {
        r.episodes[0].title = "Our title".into()
    });
    let theirs = unrelated_copy(dir.path(), "theirs.review.ron", |r| {
        r.findings[0].title = "Their title".into()
    });
    let out = dir.path().join("merged.review.ron");
    let run = foresight(&["merge", s(&ours), s(&theirs), "-o", s(&out), "--json"]);
    assert_eq!(run.status.code(), Some(1));
    assert!(
        text(&run.stderr).contains("the copies record no revision in common"),
        "{}",
        text(&run.stderr)
    );
    let json: serde_json::Value = serde_json::from_str(&text(&run.stdout)).unwrap();
    assert_eq!(json["conflicts"].as_array().unwrap().len(), 2, "{json}");
    assert_eq!(store::load(&out).unwrap().episodes[0].title, "Our title");
}

#[test]
fn the_ancestor_beside_the_copies_is_found_by_the_revisions_they_record() {
    let (dir, base) = folder();
    // The ancestor was saved before the copies parted, and resaved since
    // from a third laptop (another revision beside it), which must not be
    // taken for it.
    copy(dir.path(), "later.review.ron", |r| {
        r.meta.title = "A later title".into()
    });
    let ours = copy(dir.path(), "ours.review.ron", |r| {
        r.episodes[0].title = "Our title".into()
    });
    let theirs = copy(dir.path(), "theirs.review.ron", |r| {
        r.findings[1].statement.push_str("\nA line they added.")
    });
    let out = dir.path().join("merged.review.ron");
    let (code, json, _) = merge_json(&ours, &theirs, None, &out);
    assert_eq!(code, 0, "{json}");
    assert_eq!(json["ancestor"]["kind"], "found", "{json}");
    assert_eq!(json["ancestor"]["file"], s(&base), "{json}");
    let merged = store::load(&out).unwrap();
    assert_eq!(merged.episodes[0].title, "Our title");
    assert!(
        merged.findings[1]
            .statement
            .ends_with("\nA line they added.")
    );
    assert_eq!(merged.meta.title, worked_case().meta.title);

    // The merged file descends from both copies: merged again with a later
    // edit of theirs, their copy is the ancestor, found beside it.
    let theirs_again = copy_of(&theirs, "theirs-2.review.ron", |r| {
        r.findings[2].title = "Their second change".into()
    });
    let out_again = dir.path().join("merged-2.review.ron");
    let (code, json, _) = merge_json(&out, &theirs_again, None, &out_again);
    assert_eq!(code, 0, "{json}");
    assert_eq!(json["ancestor"]["file"], s(&theirs), "{json}");
    let merged = store::load(&out_again).unwrap();
    assert_eq!(merged.episodes[0].title, "Our title");
    assert_eq!(merged.findings[2].title, "Their second change");
}

#[test]
fn a_copy_that_holds_all_of_the_other_is_taken_whole() {
    let (dir, base) = folder();
    let ours = copy(dir.path(), "ours.review.ron", |r| {
        r.episodes[0].title = "Our title".into()
    });
    let later = copy_of(&ours, "ours-later.review.ron", |r| {
        r.episodes[1].title = "Our second title".into()
    });
    let out = dir.path().join("merged.review.ron");
    let (code, json, _) = merge_json(&later, &base, None, &out);
    assert_eq!(code, 0, "{json}");
    assert_eq!(json["ancestor"]["kind"], "theirs-is-earlier", "{json}");
    assert_eq!(store::load(&out).unwrap(), store::load(&later).unwrap());
    let (code, json, _) = merge_json(&ours, &later, None, &out);
    assert_eq!(code, 0, "{json}");
    assert_eq!(json["ancestor"]["kind"], "ours-is-earlier", "{json}");
    assert_eq!(store::load(&out).unwrap(), store::load(&later).unwrap());
}

#[test]
fn an_ancestor_that_is_nowhere_to_be_found_is_named_and_every_difference_is_a_conflict() {
    let (dir, base) = folder();
    let ours = copy(dir.path(), "ours.review.ron", |r| {
        r.episodes[0].title = "Our title".into()
    });
    let theirs = copy(dir.path(), "theirs.review.ron", |r| {
        r.findings[0].title = "Their title".into()
    });
    // The ancestor goes elsewhere: the copies name it, but it is not beside
    // them.
    let elsewhere = tempfile::tempdir().unwrap();
    let moved = elsewhere.path().join("sent-on-tuesday.review.ron");
    std::fs::rename(&base, &moved).unwrap();
    let out = dir.path().join("merged.review.ron");
    let (code, json, stderr) = merge_json(&ours, &theirs, None, &out);
    assert_eq!(code, 1, "{json}");
    assert_eq!(json["ancestor"]["kind"], "missing", "{json}");
    assert!(
        stderr.contains("the copies last shared revision"),
        "{stderr}"
    );
    assert!(stderr.contains("give it with --base"), "{stderr}");
    assert_eq!(json["conflicts"].as_array().unwrap().len(), 2, "{json}");
    // Given with --base, under whatever name, it is recognised.
    let (code, json, stderr) = merge_json(&ours, &theirs, Some(&moved), &out);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(json["ancestor"]["kind"], "found", "{json}");
}
