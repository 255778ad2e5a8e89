//! Architecture invariants the compiler cannot check, read from the source (after
//! rust-analyzer's tidy.rs): the engine and the checker do no I/O, only the storage module
//! touches localStorage, the UI is written with `view!`, files stay small.
//!
//! What a crate boundary says is left to the compiler: the engine's and the author's crates
//! list no UI, browser or storage crate, so a `use leptos` there does not compile; their
//! `[lints]` deny `unwrap`, `expect` and `panic!` (clippy, in tools/test).

use std::fs;
use std::path::{Path, PathBuf};

/// Every crate's sources.
const SOURCES: [&str; 6] = [
    "src",
    "crates/engine/src",
    "crates/author/src",
    "crates/questionnaire/src",
    "crates/studio/src",
    "xtask/src",
];

fn all_rust_files() -> Vec<PathBuf> {
    SOURCES
        .iter()
        .flat_map(|d| rust_files(Path::new(d)))
        .collect()
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).expect("source folder exists").flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

/// Source lines without comments, so documentation may name what the code must not use.
fn code_lines(path: &Path) -> Vec<(usize, String)> {
    fs::read_to_string(path)
        .expect("readable source")
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim_start().starts_with("//"))
        .map(|(i, l)| (i + 1, l.to_string()))
        .collect()
}

#[test]
fn the_engine_and_the_checker_do_no_io() {
    // Reading her folder is `author::folder`'s job alone; everything else takes text and gives
    // values, so the studio runs the same code in the browser.
    let forbidden = [
        "std::fs",
        "std::net",
        "std::process",
        "std::env",
        "println!",
        "eprintln!",
    ];
    let mut found = Vec::new();
    let files = rust_files(Path::new("crates/engine/src"))
        .into_iter()
        .chain(rust_files(Path::new("crates/author/src")))
        .filter(|f| !f.ends_with("folder.rs"));
    for file in files {
        for (n, line) in code_lines(&file) {
            for word in forbidden {
                if line.contains(word) {
                    found.push(format!(
                        "{}:{n}: uses `{word}`: {}",
                        file.display(),
                        line.trim()
                    ));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "the engine and the checker must stay pure (see ARCHITECTURE.md):\n{}",
        found.join("\n")
    );
}

#[test]
fn no_source_file_is_over_600_lines_or_borrowed_by_path() {
    let mut found = Vec::new();
    for file in all_rust_files() {
        let text = fs::read_to_string(&file).unwrap_or_default();
        let lines = text.lines().count();
        if lines > 600 {
            found.push(format!(
                "{}: {lines} lines (split it by job)",
                file.display()
            ));
        }
        if text.contains(concat!("#[", "path")) {
            found.push(format!(
                "{}: includes a file by path (depend on its crate instead)",
                file.display()
            ));
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn only_the_storage_module_touches_local_storage() {
    let mut found = Vec::new();
    for file in all_rust_files() {
        if file.starts_with("src/storage") {
            continue;
        }
        for (n, line) in code_lines(&file) {
            // gloo's `LocalStorage` is called through its functions (`LocalStorage::get`);
            // Leptos's arena of the same name (`StoredValue<_, LocalStorage>`) is not storage.
            for word in [
                "local_storage",
                "LocalStorage::",
                "gloo_storage",
                "localStorage",
            ] {
                if line.contains(word) {
                    found.push(format!("{}:{n}: {}", file.display(), line.trim()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "only src/storage may touch localStorage:\n{}",
        found.join("\n")
    );
}

#[test]
fn every_module_says_what_it_is_for() {
    let missing: Vec<String> = all_rust_files()
        .into_iter()
        .filter(|f| {
            !fs::read_to_string(f)
                .unwrap_or_default()
                .trim_start()
                .starts_with("//!")
        })
        .map(|f| f.display().to_string())
        .collect();
    assert!(
        missing.is_empty(),
        "start these files with a `//!` line: {missing:?}"
    );
}

#[test]
fn the_ui_is_view_components_without_hand_written_dom() {
    // Markup comes from `view!`, updates from reactive slots, events from `on:` handlers: no
    // markup as text, no DOM found by selector and patched by hand, no delegated string actions.
    let forbidden = [
        "inner_html",
        "insert_adjacent_html",
        "outer_html",
        "query_selector",
        "data-act",
        "set_attribute(",
        "clone_node",
    ];
    let mut found = Vec::new();
    let files = rust_files(Path::new("src/ui"))
        .into_iter()
        .chain(rust_files(Path::new("crates/studio/src")));
    for file in files {
        for (n, line) in code_lines(&file) {
            for word in forbidden {
                if line.contains(word) {
                    found.push(format!("{}:{n}: {}", file.display(), line.trim()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "write the UI with view! (see ARCHITECTURE.md, The UI):\n{}",
        found.join("\n")
    );
}

#[test]
fn only_the_persist_module_saves_from_the_ui() {
    let found: Vec<String> = rust_files(Path::new("src/ui"))
        .into_iter()
        .filter(|f| !f.ends_with("persist.rs"))
        .flat_map(|f| {
            code_lines(&f)
                .into_iter()
                .filter(|(_, l)| l.contains("storage::local") || l.contains("local::"))
                .map(move |(n, l)| format!("{}:{n}: {}", f.display(), l.trim()))
        })
        .collect();
    assert!(
        found.is_empty(),
        "saving belongs in src/ui/persist.rs (one effect):\n{}",
        found.join("\n")
    );
}

/// The README, ARCHITECTURE and her guide link to files and show pictures by relative paths;
/// each one must exist, and not be left out by `.gitignore` (a picture once went missing from
/// her guide because every PNG was ignored). git answers the second where it is there.
#[test]
fn every_file_the_guides_link_to_is_there_and_kept() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut missing = Vec::new();
    for guide in ["README.md", "ARCHITECTURE.md", "questionnaires/README.md"] {
        let text = fs::read_to_string(root.join(guide)).expect("the guide is there");
        let dir = root.join(guide).parent().expect("a folder").to_path_buf();
        for link in text
            .split("](")
            .skip(1)
            .filter_map(|rest| rest.split(')').next())
        {
            let target = link.split(['#', ' ']).next().unwrap_or_default();
            if target.is_empty() || target.contains("://") || target.starts_with("mailto:") {
                continue;
            }
            let path = dir.join(target);
            let ignored = std::process::Command::new("git")
                .arg("-C")
                .arg(root)
                .args(["check-ignore", "--quiet", "--no-index"])
                .arg(&path)
                .status()
                .is_ok_and(|status| status.code() == Some(0));
            if !path.exists() {
                missing.push(format!("{guide}: {target} does not exist"));
            } else if ignored {
                missing.push(format!("{guide}: {target} is left out by .gitignore"));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
