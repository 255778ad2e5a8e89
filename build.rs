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
        println!("cargo:rustc-env=WWS_FINDINGS=");
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
    // shipping the TOML reader or the checker. The findings (articles, their rules, the plan's
    // phases) go in a file of their own, fetched once she starts: the first screen needs none
    // of them. Its name carries a hash of its bytes, so a reader never gets another build's.
    let (flow, findings) = engine::Findings::split(q.file().clone());
    let (Ok(compact), Ok(later)) = (
        postcard::to_allocvec(&flow),
        postcard::to_allocvec(&findings),
    ) else {
        fail("error: cannot encode the questionnaire for the app");
    };
    let name = format!("findings-{:016x}.bin", fnv1a(&later));
    let later_out = out.with_file_name(&name);
    for (path, bytes) in [(&out, compact), (&later_out, later)] {
        if let Err(e) = std::fs::write(path, bytes) {
            fail(&format!("error: cannot write {}: {e}", path.display()));
        }
    }
    // tools/findings.mjs (a trunk hook) copies the file the app names next to it.
    println!("cargo:rustc-env=WWS_FINDINGS={name}");
}

/// FNV-1a, 64 bits: a stable name for the findings file (not for security).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}
