//! The core never depends on the GUI: checked, not remembered.

use std::path::Path;

const CORE: &[&str] = &[
    "src/model",
    "src/store",
    "src/edit",
    "src/document.rs",
    "src/taxonomy.rs",
    "src/validate.rs",
    "src/examples.rs",
    "src/generate.rs",
    "src/analysis",
    "src/anonymise",
    "src/import",
    "src/export",
    "src/report",
    "src/library",
];

fn rust_files(path: &Path, out: &mut Vec<std::path::PathBuf>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).unwrap() {
            rust_files(&entry.unwrap().path(), out);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_path_buf());
    }
}

#[test]
fn core_modules_do_not_use_the_gui_crates() {
    let mut files = Vec::new();
    for root in CORE {
        rust_files(Path::new(root), &mut files);
    }
    assert!(files.len() >= 10, "{files:?}");
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (number, line) in text.lines().enumerate() {
            for crate_name in ["egui", "eframe", "rfd::", "crate::ui", "crate::cli"] {
                // The name as a word of its own: "reframe" is not "eframe".
                let mentions = line.match_indices(crate_name).any(|(at, _)| {
                    !line[..at]
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_alphanumeric() || c == '_')
                });
                assert!(
                    !mentions,
                    "{}:{}: core code mentions {crate_name}: {line}",
                    file.display(),
                    number + 1
                );
            }
        }
    }
}
