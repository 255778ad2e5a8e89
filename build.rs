//! Build script. For the browser app (the wasm target) it reads and checks the questionnaire in
//! `questionnaires/` with the engine itself, so a broken questionnaire can never reach a reader,
//! and embeds it compactly (postcard binary). Native builds (the author's checker, the tests)
//! skip all of this, so nothing here ever stands between the author and the checker.

#[allow(dead_code, unused_imports)]
#[path = "src/engine/mod.rs"]
mod engine;

use std::path::Path;

#[allow(dead_code)]
#[path = "src/folder.rs"]
mod folder;

fn main() {
    // The folder to embed: the author's, or (for the end-to-end tests) a fixture's.
    let folder = std::env::var("WWS_QUESTIONNAIRE").unwrap_or_else(|_| "questionnaires".into());
    println!("cargo:rerun-if-env-changed=WWS_QUESTIONNAIRE");
    println!("cargo:rerun-if-changed={folder}");
    println!("cargo:rerun-if-changed={folder}/articles");
    println!("cargo:rerun-if-changed=src/engine");
    println!("cargo:rerun-if-env-changed=WWS_STUDIO");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() != Ok("wasm32") {
        return;
    }
    let out = Path::new(&std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into()))
        .join("check-in.postcard");
    // The author's studio reads her files at run time (and must open when they are broken):
    // nothing is embedded for it.
    if std::env::var_os("WWS_STUDIO").is_some() {
        if let Err(e) = std::fs::write(&out, []) {
            eprintln!("error: cannot write {}: {e}", out.display());
            std::process::exit(1);
        }
        return;
    }
    let fail = |message: &str| -> ! {
        eprintln!("{message}");
        eprintln!("\nThe questionnaire has the problems above, so the app is not built. Fix them and build again.");
        std::process::exit(1);
    };
    let sources = folder::sources(Path::new(&folder), &folder)
        .unwrap_or_else(|e| fail(&format!("error: {e}")));
    for s in &sources {
        println!("cargo:rerun-if-changed={}", s.path);
    }
    let checked = engine::check_sources(&sources);
    let mut errors = String::new();
    for d in &checked.diagnostics {
        if d.severity == engine::Severity::Error {
            errors.push_str(&format!("{d}\n"));
        } else {
            println!("cargo:warning={d}");
        }
    }
    let Some(q) = checked.questionnaire else {
        fail(errors.trim_end());
    };
    // Embedded as postcard (compact binary serde): the app decodes the same types without
    // shipping the TOML reader or the checker.
    let Ok(compact) = postcard::to_allocvec(q.file()) else {
        fail("error: cannot encode the questionnaire for the app");
    };
    if let Err(e) = std::fs::write(&out, compact) {
        fail(&format!("error: cannot write {}: {e}", out.display()));
    }
}
