//! The shipped questionnaire, checked as its author checks it: `questionnaire check` finds no
//! error in `questionnaires/` and every one of her example readers passes. What the content says
//! is hers: these tests name none of its ids or words, so any valid edit of hers passes them.

use std::path::Path;
use where_we_stand::engine::{check_sources, examples, Severity};

#[test]
fn the_shipped_questionnaire_passes_the_checker_and_her_examples() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("questionnaires");
    let sources =
        where_we_stand::folder::sources(&root, "questionnaires").unwrap_or_else(|e| panic!("{e}"));
    let checked = check_sources(&sources);
    let errors: Vec<String> = checked
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.to_string())
        .collect();
    assert!(
        errors.is_empty(),
        "the questionnaire has problems (run `cargo run --bin questionnaire -- check`):\n{}",
        errors.join("\n")
    );
    let q = checked.questionnaire.expect("it builds");
    let played = examples::run(&q, &sources);
    let failures: Vec<String> = played.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(
        failures.is_empty(),
        "her example readers do not all pass (run `cargo run --bin questionnaire -- check`):\n{}",
        failures.join("\n")
    );
}

#[test]
fn what_the_build_embeds_loads_as_the_same_questionnaire() {
    // The build encodes the checked model with postcard; the app decodes it (`load_built`).
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tiny");
    let sources = where_we_stand::folder::sources(&root, "tiny").unwrap();
    let q = check_sources(&sources).questionnaire.expect("tiny builds");
    let bytes = postcard::to_allocvec(q.file()).expect("it encodes");
    let back = where_we_stand::engine::load_built(&bytes).expect("it decodes");
    assert_eq!(back.file(), q.file());
    assert!(where_we_stand::engine::load_built(&bytes[..bytes.len() / 2]).is_err());
}

#[test]
fn the_findings_fetched_later_complete_the_embedded_part_into_the_same_questionnaire() {
    // The build embeds the questions' part and writes the findings (articles, their rules, the
    // plan's phases) to a file the app fetches once she starts; joined, they are the whole.
    use where_we_stand::engine::{load_built, Findings};
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tiny");
    let sources = where_we_stand::folder::sources(&root, "tiny").unwrap();
    let q = check_sources(&sources).questionnaire.expect("tiny builds");
    let (flow, findings) = Findings::split(q.file().clone());
    assert!(flow.articles.is_empty() && flow.recommendations.is_empty() && flow.phases.is_empty());
    assert!(!findings.articles.is_empty() && !findings.recommendations.is_empty());
    let flow_bytes = postcard::to_allocvec(&flow).expect("it encodes");
    let later = postcard::to_allocvec(&findings).expect("it encodes");
    // The first load alone walks the same questions.
    let first = load_built(&flow_bytes).expect("the embedded part loads");
    assert_eq!(first.file().questions, q.file().questions);
    assert!(first.article(&q.file().articles[0].id).is_none());
    let whole = Findings::join(&flow_bytes, &later).expect("they join");
    assert_eq!(whole.file(), q.file());
    assert!(Findings::join(&flow_bytes, &later[..later.len() / 2]).is_err());
    assert!(Findings::join(&flow_bytes[..flow_bytes.len() / 2], &later).is_err());
}
