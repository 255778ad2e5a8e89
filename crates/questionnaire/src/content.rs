//! `questionnaire build`: the content step of the app's build. It checks her questionnaire in
//! full (a problem stops the build, so a broken questionnaire never reaches a reader) and
//! writes what the reader's app embeds, under names the app's build reads:
//!
//! - `flow.bin`: the questionnaire without its findings (postcard), embedded in the app;
//! - `findings.bin`: the articles, the rules that recommend them and the plan (postcard),
//!   fetched once she starts (the first screen needs none of them);
//! - `findings.name`: the name the findings file is served under, `findings-<hash>.bin`, so
//!   a reader never gets another build's. The app embeds this name, and the post-build step
//!   (`tools/postbuild.mjs`) copies `findings.bin` into the site under it.
//!
//! A file whose bytes did not change is left alone, so an unchanged questionnaire does not
//! make cargo rebuild the app.

use crate::read_all;
use author::{check_sources, Severity};
use engine::Findings;
use std::path::Path;

pub fn build(given: Option<&String>, out: &Path) -> i32 {
    let sources = match read_all(given) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let checked = check_sources(&sources);
    for d in &checked.diagnostics {
        eprintln!("{d}");
    }
    let Some(q) = checked.questionnaire else {
        let errors = checked
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        eprintln!("\nThe questionnaire has {errors} problem(s), listed above, so the app is not built. Fix them and build again.");
        return 1;
    };
    let (flow, findings) = Findings::split(q.file().clone());
    let (Ok(flow), Ok(findings)) = (
        postcard::to_allocvec(&flow),
        postcard::to_allocvec(&findings),
    ) else {
        eprintln!("error: cannot encode the questionnaire for the app");
        return 1;
    };
    let name = format!("findings-{:016x}.bin", fnv1a(&findings));
    if let Err(e) = std::fs::create_dir_all(out) {
        eprintln!("error: cannot make {}: {e}", out.display());
        return 1;
    }
    for (file, bytes) in [
        ("flow.bin", flow),
        ("findings.bin", findings),
        ("findings.name", name.into_bytes()),
    ] {
        let path = out.join(file);
        if std::fs::read(&path).is_ok_and(|old| old == bytes) {
            continue;
        }
        if let Err(e) = std::fs::write(&path, bytes) {
            eprintln!("error: cannot write {}: {e}", path.display());
            return 1;
        }
    }
    eprintln!(
        "built {} questions and {} articles into {}",
        q.file().questions.len(),
        q.file().articles.len(),
        out.display()
    );
    0
}

/// FNV-1a, 64 bits: a stable name for the findings file (not for security).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}
