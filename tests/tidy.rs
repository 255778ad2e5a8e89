//! Architecture invariants, checked by reading the source (after rust-analyzer's tidy.rs):
//! the engine is pure (no UI, browser or storage imports, no I/O, no panicking shortcuts), and
//! only the storage module touches localStorage.

use std::fs;
use std::path::{Path, PathBuf};

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
fn engine_imports_no_ui_browser_or_storage_crate() {
    let forbidden = [
        "leptos",
        "web_sys",
        "gloo",
        "wasm_bindgen",
        "js_sys",
        "crate::ui",
        "crate::storage",
        "std::fs",
        "std::net",
        "std::process",
        "std::env",
        "println!",
        "eprintln!",
    ];
    let mut found = Vec::new();
    for file in rust_files(Path::new("src/engine")) {
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
        "the engine must stay pure (see ARCHITECTURE.md):\n{}",
        found.join("\n")
    );
}

#[test]
fn engine_has_no_unwrap_expect_or_panic() {
    let mut found = Vec::new();
    for file in rust_files(Path::new("src/engine")) {
        for (n, line) in code_lines(&file) {
            for word in [
                ".unwrap()",
                ".expect(",
                "panic!(",
                "unreachable!(",
                // Spelled in two halves so this list is not itself mistaken for a stub.
                concat!("todo", "!("),
                concat!("unimplemented", "!("),
            ] {
                if line.contains(word) {
                    found.push(format!("{}:{n}: {}", file.display(), line.trim()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "the engine must not panic on authored content; handle the case instead:\n{}",
        found.join("\n")
    );
}

#[test]
fn only_the_storage_module_touches_local_storage() {
    let mut found = Vec::new();
    for file in rust_files(Path::new("src")) {
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
    let missing: Vec<String> = rust_files(Path::new("src"))
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
        .chain(rust_files(Path::new("src/studio")));
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
