//! The author's command, run as authors run it: `questionnaire check | graph | schema | walk`.

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_questionnaire"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the questionnaire binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn explain(o: &Output) -> String {
    format!(
        "exit {:?}\n--- stdout ---\n{}\n--- stderr ---\n{}",
        o.status.code(),
        stdout(o),
        stderr(o)
    )
}

#[test]
fn check_passes_a_good_folder() {
    let o = run(&["check", "tests/fixtures"]);
    assert_eq!(o.status.code(), Some(0), "{}", explain(&o));
    let out = stdout(&o);
    assert!(
        out.contains("tiny.json: 5 questions, 3 articles;") && out.contains("(every path covered)"),
        "{}",
        explain(&o)
    );
    assert!(
        out.contains("1 file(s) checked: 0 error(s), 0 warning(s)"),
        "{}",
        explain(&o)
    );
}

#[test]
fn check_fails_a_broken_file_and_says_why() {
    let o = run(&["check", "tests/fixtures/broken/cycle.json"]);
    assert_eq!(o.status.code(), Some(1), "{}", explain(&o));
    let out = stdout(&o);
    assert!(
        out.contains("error: cycle.json › question \"tired\" › next: the flow goes round in a circle: tired → signs → tired"),
        "{}",
        explain(&o)
    );
    assert!(
        out.contains("1 file(s) checked: 1 error(s), 0 warning(s)"),
        "{}",
        explain(&o)
    );

    let o = run(&["check", "tests/fixtures/broken/syntax-missing-comma.json"]);
    assert_eq!(o.status.code(), Some(1), "{}", explain(&o));
    assert!(
        stdout(&o).contains(
            "error: syntax-missing-comma.json › line 6, column 3: this is not valid JSON"
        ),
        "{}",
        explain(&o)
    );
}

#[test]
fn check_passes_a_file_with_only_warnings_but_shows_them() {
    let o = run(&["check", "tests/fixtures/broken/unreachable.json"]);
    assert_eq!(o.status.code(), Some(0), "{}", explain(&o));
    assert!(
        stdout(&o).contains(
            "warning: unreachable.json › question \"contact\": no path leads to this question"
        ),
        "{}",
        explain(&o)
    );
    assert!(
        stdout(&o).contains("0 error(s), 1 warning(s)"),
        "{}",
        explain(&o)
    );
}

#[test]
fn check_of_a_missing_path_fails() {
    let o = run(&["check", "tests/fixtures/no-such-folder"]);
    assert_eq!(o.status.code(), Some(1), "{}", explain(&o));
    assert!(
        stderr(&o).contains("cannot read tests/fixtures/no-such-folder"),
        "{}",
        explain(&o)
    );
}

#[test]
fn graph_draws_dot_and_mermaid() {
    let o = run(&["graph", "tests/fixtures/tiny.json", "--format", "dot"]);
    assert_eq!(o.status.code(), Some(0), "{}", explain(&o));
    let dot = stdout(&o);
    assert!(dot.starts_with("digraph questionnaire {"), "{dot}");
    for id in [
        "situation",
        "contact",
        "safety",
        "tired",
        "signs",
        "results",
    ] {
        assert!(
            dot.contains(&format!("\"{id}\" [")),
            "dot lacks {id}:\n{dot}"
        );
    }
    assert!(
        dot.contains("\"tired\" -> \"results\" [label=\"if strain ≥ 3\"];"),
        "{dot}"
    );

    let o = run(&["graph", "tests/fixtures/tiny.json"]);
    assert_eq!(o.status.code(), Some(0), "{}", explain(&o));
    assert!(stdout(&o).starts_with("flowchart TD\n"), "{}", explain(&o));

    let o = run(&["graph", "tests/fixtures/tiny.json", "--format", "svg"]);
    assert_eq!(o.status.code(), Some(2), "{}", explain(&o));
    assert!(
        stderr(&o).contains("--format takes mermaid or dot"),
        "{}",
        explain(&o)
    );

    // A broken file cannot be drawn, and the author is told why.
    let o = run(&["graph", "tests/fixtures/broken/dead-end.json"]);
    assert_eq!(o.status.code(), Some(1), "{}", explain(&o));
    assert!(
        stderr(&o).contains("dead end: this question has no \"next\""),
        "{}",
        explain(&o)
    );
}

#[test]
fn schema_prints_the_committed_schema() {
    let o = run(&["schema"]);
    assert_eq!(o.status.code(), Some(0), "{}", explain(&o));
    let committed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/questionnaires/questionnaire.schema.json"
    ))
    .expect("questionnaires/questionnaire.schema.json");
    assert!(
        stdout(&o) == committed,
        "questionnaires/questionnaire.schema.json differs from `questionnaire schema`; regenerate it with:\n\n    cargo run -q --bin questionnaire -- schema > questionnaires/questionnaire.schema.json\n"
    );
}

#[test]
fn walk_prints_the_screens_and_the_results() {
    let o = run(&[
        "walk",
        "--answers",
        "tests/fixtures/answers/tiny-home.json",
        "tests/fixtures/tiny.json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", explain(&o));
    let out = stdout(&o);
    for line in [
        "[Where things stand · about 3–5 left] Where do things stand?\n    → \"home\"",
        "[How it feels · about 1–1 left] Which signs of hope have you seen?\n    → [\"talks\"]",
        "=== Results ===",
        "  Strain: 0 of 5 (Low)",
        "  1. Keeping calm [weight 3]",
        "       because you said “We still live together”",
        "  2. Reading the signs [weight 2]",
        "    [ ] Send him a short, friendly message.",
        "Not asked on this path: [\"contact\"]",
    ] {
        assert!(out.contains(line), "missing {line:?} in\n{}", explain(&o));
    }
    assert!(
        !out.contains("!!"),
        "no safety block without a red flag:\n{out}"
    );
}

#[test]
fn walk_says_where_the_answers_run_out() {
    let o = run(&[
        "walk",
        "--answers",
        "tests/fixtures/answers/tiny-stops.json",
        "tests/fixtures/tiny.json",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", explain(&o));
    assert!(
        stderr(&o).contains("the path stops at question \"contact\" (“How often do you talk?”)"),
        "{}",
        explain(&o)
    );
    let o = run(&["walk", "tests/fixtures/tiny.json"]);
    assert_eq!(o.status.code(), Some(2), "{}", explain(&o));
    assert!(
        stderr(&o).contains("walk needs --answers FILE"),
        "{}",
        explain(&o)
    );
}

#[test]
fn unknown_commands_show_the_usage() {
    let o = run(&["frobnicate"]);
    assert_eq!(o.status.code(), Some(2), "{}", explain(&o));
    assert!(
        stderr(&o).contains("there is no command \"frobnicate\""),
        "{}",
        explain(&o)
    );
    assert!(
        stderr(&o).contains("questionnaire check [PATH]"),
        "{}",
        explain(&o)
    );
    let o = run(&["--help"]);
    assert_eq!(o.status.code(), Some(0), "{}", explain(&o));
    assert!(
        stdout(&o).contains("questionnaire walk --answers FILE"),
        "{}",
        explain(&o)
    );
}

const SCENARIO: &str = "tests/scenarios/safety-red-flag.json";

/// The scenario's expectations, where it states them.
fn scenario_expects() -> serde_json::Value {
    let text = std::fs::read_to_string(format!("{}/{SCENARIO}", env!("CARGO_MANIFEST_DIR")))
        .expect(SCENARIO);
    let v: serde_json::Value = serde_json::from_str(&text).expect("the scenario is JSON");
    v["expect"].clone()
}

#[test]
fn walk_a_scenario_through_the_shipped_check_in() {
    let o = run(&["walk", "--answers", SCENARIO, "questionnaires"]);
    assert_eq!(o.status.code(), Some(0), "{}", explain(&o));
    let out = stdout(&o);
    assert!(out.contains("=== Results ==="), "{}", explain(&o));
    assert!(out.contains("\nArticles:\n  1. "), "{}", explain(&o));
    assert!(out.contains("\nAction plan:\n"), "{}", explain(&o));
    if scenario_expects()["safety_first"] == true {
        // The safety block comes before the scores.
        let safety = out.find("\n!! ").expect("a safety block");
        let scores = out.find("\nScores:").expect("scores");
        assert!(safety < scores, "{out}");
    }
}

#[test]
fn walk_json_gives_the_report() {
    let o = run(&["walk", "--answers", SCENARIO, "questionnaires", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", explain(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o))
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", explain(&o)));
    let report = &v["report"];
    assert!(report.is_object(), "{v:#}");
    let articles = report["articles"].as_array().expect("report.articles");
    assert!(!articles.is_empty(), "{v:#}");
    assert!(articles
        .iter()
        .all(|a| a["id"].is_string() && a["url"].is_string()));
    assert!(
        report["scores"].is_array() && report["plan"].is_array(),
        "{v:#}"
    );
    let screens = v["screens"].as_array().expect("screens");
    assert_eq!(screens.first().and_then(|s| s.as_str()), Some("situation"));
    assert!(v["unused_answers"].is_array());
    let expect = scenario_expects();
    if let Some(first) = expect["safety_first"].as_bool() {
        assert_eq!(
            report["safety"].is_object(),
            first,
            "{:#}",
            report["safety"]
        );
    }
    if let Some(top) = expect["top_article"].as_str() {
        assert_eq!(articles[0]["id"], top, "the scenario's top article");
    }
}
