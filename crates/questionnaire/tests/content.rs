//! The shipped questionnaire, checked as its author checks it: `questionnaire check` finds no
//! error in `questionnaires/` and every one of her example readers passes. What the content says
//! is hers: these tests name none of its ids or words, so any valid edit of hers passes them.
//! Also the content step the app's build runs (`questionnaire build`), on fixtures.

use author::{check_sources, examples, Severity};
use std::path::{Path, PathBuf};

/// The workspace's root folder.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn the_shipped_questionnaire_passes_the_checker_and_her_examples() {
    let root = root().join("questionnaires");
    let sources =
        author::folder::sources(&root, "questionnaires").unwrap_or_else(|e| panic!("{e}"));
    let checked = check_sources(&sources);
    let errors: Vec<String> = checked
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.to_string())
        .collect();
    assert!(
        errors.is_empty(),
        "the questionnaire has problems (run `cargo run -p questionnaire -- check`):\n{}",
        errors.join("\n")
    );
    let q = checked.questionnaire.expect("it builds");
    let played = examples::run(&q, &sources);
    let failures: Vec<String> = played.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(
        failures.is_empty(),
        "her example readers do not all pass (run `cargo run -p questionnaire -- check`):\n{}",
        failures.join("\n")
    );
}

/// Runs `questionnaire build` on a folder of the workspace into a folder of its own (emptied
/// first when `fresh`); returns the command's output and that folder.
fn build(folder: &str, fresh: bool) -> (std::process::Output, std::path::PathBuf) {
    let out = std::env::temp_dir().join(format!(
        "wws-content-{}-{}",
        std::process::id(),
        folder.replace('/', "-")
    ));
    if fresh {
        let _ = std::fs::remove_dir_all(&out);
    }
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_questionnaire"))
        .current_dir(root())
        .args(["build", folder, "--out"])
        .arg(&out)
        .output()
        .expect("questionnaire runs");
    (o, out)
}

#[test]
fn the_content_step_writes_what_the_app_embeds_and_it_loads_as_the_same_questionnaire() {
    // `questionnaire build` writes the questions' part (embedded), the findings (articles, their
    // rules, the plan's phases: fetched once she starts) and the findings file's name.
    use engine::{load_built, Findings};
    let (o, out) = build("tests/fixtures/tiny", true);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let sources = author::folder::sources(&root().join("tests/fixtures/tiny"), "tiny").unwrap();
    let q = check_sources(&sources).questionnaire.expect("tiny builds");
    let flow = std::fs::read(out.join("flow.bin")).expect("flow.bin");
    let later = std::fs::read(out.join("findings.bin")).expect("findings.bin");
    let name = std::fs::read_to_string(out.join("findings.name")).expect("findings.name");
    // The name the findings are served under carries a hash of their bytes, and nothing else.
    let hash = name
        .strip_prefix("findings-")
        .and_then(|n| n.strip_suffix(".bin"))
        .expect("findings-<hash>.bin");
    assert!(
        hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()),
        "{name}"
    );
    // The first load alone walks the same questions, without the findings.
    let first = load_built(&flow).expect("the embedded part loads");
    assert_eq!(first.file().questions, q.file().questions);
    assert!(first.file().articles.is_empty() && first.file().phases.is_empty());
    assert!(first.article(&q.file().articles[0].id).is_none());
    // Joined, they are the whole questionnaire; damaged, they are refused.
    let whole = Findings::join(&flow, &later).expect("they join");
    assert_eq!(whole.file(), q.file());
    assert!(load_built(&flow[..flow.len() / 2]).is_err());
    assert!(Findings::join(&flow, &later[..later.len() / 2]).is_err());
    assert!(Findings::join(&flow[..flow.len() / 2], &later).is_err());
    // Built again unchanged, the files are left as they are (cargo then rebuilds nothing).
    let before = std::fs::metadata(out.join("flow.bin"))
        .and_then(|m| m.modified())
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let (again, _) = build("tests/fixtures/tiny", false);
    assert!(again.status.success());
    let after = std::fs::metadata(out.join("flow.bin"))
        .and_then(|m| m.modified())
        .unwrap();
    assert_eq!(before, after);
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn a_questionnaire_with_a_problem_is_not_built() {
    let (o, out) = build("tests/fixtures/broken/cycle.toml", true);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("goes round in a circle"), "{err}");
    assert!(err.contains("so the app is not built"), "{err}");
    assert!(!out.join("flow.bin").exists() && !out.join("findings.name").exists());
}
