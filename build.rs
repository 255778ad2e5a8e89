//! Build script: checks every questionnaire in `questionnaires/` with the engine itself, so a
//! broken file fails every build and test run (the reader never sees it), and embeds the main
//! questionnaire compactly (postcard binary) for the app.

#[allow(dead_code, unused_imports)]
#[path = "src/engine/mod.rs"]
mod engine;

use std::path::Path;

fn main() {
    let dir = Path::new("questionnaires");
    println!("cargo:rerun-if-changed=questionnaires");
    println!("cargo:rerun-if-changed=src/engine");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
                    name.ends_with(".json") && !name.ends_with(".schema.json")
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut failed = false;
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("?")
            .to_string();
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("error: cannot read {}: {e}", path.display());
                failed = true;
                continue;
            }
        };
        let checked = engine::check_text(&name, &text);
        for d in &checked.diagnostics {
            if d.severity == engine::Severity::Error {
                eprintln!("{d}");
                failed = true;
            } else {
                println!("cargo:warning={d}");
            }
        }
        if checked.questionnaire.is_some() && name == "check-in.json" {
            // Embedded as postcard (compact binary serde): the app decodes the same types
            // without shipping a JSON parser for them or the checker.
            let Some(compact) = engine::parse(&name, &text)
                .ok()
                .and_then(|f| postcard::to_allocvec(&f).ok())
            else {
                eprintln!("error: cannot encode {name} for the app");
                std::process::exit(1);
            };
            let out = Path::new(&std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into()))
                .join("check-in.postcard");
            if let Err(e) = std::fs::write(&out, compact) {
                eprintln!("error: cannot write {}: {e}", out.display());
                failed = true;
            }
        }
    }
    if !files.iter().any(|p| p.ends_with("check-in.json")) {
        eprintln!("error: questionnaires/check-in.json is missing; the app needs it");
        failed = true;
    }
    if failed {
        eprintln!("\nThe questionnaire has problems (listed above). Run `cargo run --bin questionnaire -- check` for the full report.");
        std::process::exit(1);
    }
}
