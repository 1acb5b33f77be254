//! The layering is the compiler's, not a convention: the library crates
//! cannot name the app, and these tests check the facts that make it so.
//!
//! - No library crate (core, publish, library, cli) depends on any GUI
//!   crate, and a headless build of the binary compiles none (`cargo tree`).
//! - Each crate depends only on those below it.
//! - Within every crate, no module uses a sibling that uses it back, at any
//!   depth (read from the code's own `crate::`, `super::` and `self::`
//!   paths, test code aside).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Crates that draw windows or dialogs: none may be under a library crate.
const GUI_CRATES: &[&str] = &[
    "egui",
    "eframe",
    "epaint",
    "emath",
    "wgpu",
    "winit",
    "rfd",
    "accesskit",
    "glow",
];

fn workspace() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The names of the packages `cargo tree` lists for PACKAGE (normal and
/// build dependencies, the way a release build compiles them).
fn dependencies(package: &str, extra: &[&str]) -> BTreeSet<String> {
    let output = Command::new(env!("CARGO"))
        .current_dir(workspace())
        .args(["tree", "--offline", "--locked", "-e", "normal,build"])
        .args(["--prefix", "none", "--format", "{p}", "-p", package])
        .args(extra)
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "cargo tree -p {package}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .map(str::to_string)
        .collect()
}

fn gui_crates_in(names: &BTreeSet<String>) -> Vec<&String> {
    names
        .iter()
        .filter(|name| {
            GUI_CRATES.iter().any(|gui| {
                *name == gui
                    || name.starts_with(&format!("{gui}-"))
                    || name.starts_with(&format!("{gui}_"))
            })
        })
        .collect()
}

#[test]
fn no_library_crate_depends_on_a_gui_crate() {
    for package in [
        "foresight-core",
        "foresight-publish",
        "foresight-library",
        "foresight-cli",
    ] {
        let names = dependencies(package, &[]);
        assert!(names.len() > 10, "{package}: {names:?}");
        assert_eq!(gui_crates_in(&names), Vec::<&String>::new(), "{package}");
    }
}

#[test]
fn a_headless_build_compiles_no_gui_crate_and_the_app_build_does() {
    let headless = dependencies("foresight", &["--no-default-features"]);
    assert_eq!(gui_crates_in(&headless), Vec::<&String>::new());
    assert!(headless.contains("foresight-cli"));
    let app = dependencies("foresight", &[]);
    assert!(app.contains("eframe") && app.contains("wgpu"), "{app:?}");
}

#[test]
fn each_crate_depends_only_on_those_below_it() {
    let layers = [
        "foresight-core",
        "foresight-publish",
        "foresight-library",
        "foresight-cli",
    ];
    for (at, package) in layers.iter().enumerate() {
        let names = dependencies(package, &[]);
        for below in &layers[..at] {
            assert!(names.contains(*below), "{package} should use {below}");
        }
        for above in &layers[at + 1..] {
            assert!(
                !names.contains(*above),
                "{package} uses {above}, which is above it"
            );
        }
    }
}

/// A module path within a crate: `["analysis", "loops"]`.
type ModulePath = Vec<String>;

/// The module of each source file of a crate, test files left out.
fn modules_of(src: &Path) -> BTreeMap<ModulePath, PathBuf> {
    fn walk(dir: &Path, prefix: &ModulePath, out: &mut BTreeMap<ModulePath, PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            if path.is_dir() {
                let mut inner = prefix.clone();
                inner.push(name);
                walk(&path, &inner, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                if name == "tests" || name.ends_with("_tests") {
                    continue;
                }
                let mut module = prefix.clone();
                if !matches!(name.as_str(), "mod" | "lib" | "main") {
                    module.push(name);
                }
                out.insert(module, path);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(src, &Vec::new(), &mut out);
    out
}

/// A file's code without comments and without its trailing inline test
/// module.
fn code_of(text: &str) -> String {
    let without_tests = match text.find("#[cfg(test)]\nmod ") {
        Some(at) => &text[..at],
        None => text,
    };
    without_tests
        .lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The module paths a file's code names: `crate::a::b`, `super::c`,
/// `self::d`, and a child module named at the start of a path.
fn references(
    module: &ModulePath,
    code: &str,
    known: &BTreeSet<ModulePath>,
) -> BTreeSet<ModulePath> {
    let mut out = BTreeSet::new();
    let bytes = code.as_bytes();
    let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut at = 0;
    while at < bytes.len() {
        // The start of a path: an identifier not preceded by `::` or an
        // identifier character.
        if !is_ident(bytes[at])
            || (at > 0 && (is_ident(bytes[at - 1]) || (at > 1 && &bytes[at - 2..at] == b"::")))
        {
            at += 1;
            continue;
        }
        let mut end = at;
        let mut segments: Vec<&str> = Vec::new();
        loop {
            let start = end;
            while end < bytes.len() && is_ident(bytes[end]) {
                end += 1;
            }
            segments.push(&code[start..end]);
            if code[end..].starts_with("::") && end + 2 < bytes.len() && is_ident(bytes[end + 2]) {
                end += 2;
            } else {
                break;
            }
        }
        at = end.max(at + 1);
        if segments.len() < 2 {
            continue;
        }
        let mut base: ModulePath = match segments[0] {
            "crate" => Vec::new(),
            "self" => module.clone(),
            "super" => module.clone(),
            first => {
                let mut child = module.clone();
                child.push(first.to_string());
                if !known.contains(&child) {
                    continue;
                }
                module.clone()
            }
        };
        let mut rest = &segments[..];
        if segments[0] == "crate" || segments[0] == "self" {
            rest = &segments[1..];
        }
        while let Some((&"super", tail)) = rest.split_first() {
            base.pop();
            rest = tail;
        }
        let mut deepest = None;
        for segment in rest {
            base.push((*segment).to_string());
            if known.contains(&base) {
                deepest = Some(base.clone());
            } else {
                break;
            }
        }
        if let Some(target) = deepest {
            out.insert(target);
        }
    }
    out
}

/// Every cycle among siblings: for each use of module B by module A, the
/// edge between the children of their common parent that hold them.
fn sibling_cycles(src: &Path) -> Vec<String> {
    let files = modules_of(src);
    let known: BTreeSet<ModulePath> = files.keys().cloned().collect();
    // parent -> child -> children it uses
    let mut edges: BTreeMap<ModulePath, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    for (module, path) in &files {
        let code = code_of(&std::fs::read_to_string(path).unwrap());
        for target in references(module, &code, &known) {
            let common = module
                .iter()
                .zip(&target)
                .take_while(|(a, b)| a == b)
                .count();
            if common == module.len() || common == target.len() {
                continue; // an ancestor or a descendant, not a sibling
            }
            edges
                .entry(module[..common].to_vec())
                .or_default()
                .entry(module[common].clone())
                .or_default()
                .insert(target[common].clone());
        }
    }
    let mut cycles = Vec::new();
    for (parent, graph) in &edges {
        // Depth-first search for a back edge.
        fn visit(
            node: &str,
            graph: &BTreeMap<String, BTreeSet<String>>,
            state: &mut BTreeMap<String, u8>,
            stack: &mut Vec<String>,
            found: &mut Vec<Vec<String>>,
        ) {
            state.insert(node.to_string(), 1);
            stack.push(node.to_string());
            for next in graph.get(node).into_iter().flatten() {
                match state.get(next.as_str()) {
                    Some(1) => {
                        let from = stack.iter().position(|s| s == next).unwrap();
                        let mut cycle = stack[from..].to_vec();
                        cycle.push(next.clone());
                        found.push(cycle);
                    }
                    Some(_) => {}
                    None => visit(next, graph, state, stack, found),
                }
            }
            stack.pop();
            state.insert(node.to_string(), 2);
        }
        let mut state = BTreeMap::new();
        let mut found = Vec::new();
        for node in graph.keys() {
            if !state.contains_key(node.as_str()) {
                visit(node, graph, &mut state, &mut Vec::new(), &mut found);
            }
        }
        for cycle in found {
            let at = if parent.is_empty() {
                "crate".to_string()
            } else {
                parent.join("::")
            };
            cycles.push(format!("{} in {at}: {}", src.display(), cycle.join(" -> ")));
        }
    }
    cycles
}

#[test]
fn no_module_uses_a_sibling_that_uses_it_back() {
    let mut cycles = Vec::new();
    for src in [
        "crates/core/src",
        "crates/publish/src",
        "crates/library/src",
        "crates/cli/src",
        "src",
    ] {
        cycles.extend(sibling_cycles(&workspace().join(src)));
    }
    assert!(cycles.is_empty(), "module cycles:\n{}", cycles.join("\n"));
}

#[test]
fn the_cycle_finder_finds_a_cycle() {
    let folder = tempfile::tempdir().unwrap();
    let src = folder.path();
    std::fs::create_dir(src.join("a")).unwrap();
    std::fs::write(src.join("lib.rs"), "mod a;\nmod b;\n").unwrap();
    std::fs::write(
        src.join("a/mod.rs"),
        "use crate::b::thing;\n// crate::c::x in a comment\n",
    )
    .unwrap();
    std::fs::write(src.join("b.rs"), "pub fn thing() { super::a::other(); }\n").unwrap();
    let cycles = sibling_cycles(src);
    assert_eq!(cycles.len(), 1, "{cycles:?}");
    assert!(cycles[0].ends_with("a -> b -> a"), "{cycles:?}");
    std::fs::write(
        src.join("b.rs"),
        "pub fn thing() {}\n#[cfg(test)]\nmod tests { use super::super::a; }\n",
    )
    .unwrap();
    assert_eq!(sibling_cycles(src), Vec::<String>::new());
}

#[test]
fn figures_measure_text_with_the_very_typeface_the_app_draws_with() {
    // The core keeps its own copy of the faces (it cannot use egui's), so
    // that labels wrap in a figure as on screen; an egui upgrade that
    // changes them fails here.
    assert!(foresight::diagram::TEXT_FONT == epaint_default_fonts::UBUNTU_LIGHT);
    assert!(foresight::diagram::SYMBOL_FONT == epaint_default_fonts::HACK_REGULAR);
}
