//! The author's command, run as she runs it: `questionnaire check | graph | schema | walk`, on
//! fixture questionnaires (a folder laid out as hers is, and single files), from any folder.

use std::process::{Command, Output};

fn run_in(dir: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_questionnaire"))
        .args(args)
        .current_dir(format!("{}/{dir}", env!("CARGO_MANIFEST_DIR")))
        .output()
        .expect("the questionnaire binary runs")
}

fn run(args: &[&str]) -> Output {
    run_in("", args)
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
fn check_passes_a_good_folder_and_plays_its_examples() {
    let o = run(&["check", "tests/fixtures/tiny"]);
    assert_eq!(o.status.code(), Some(0), "{}", explain(&o));
    let out = stdout(&o);
    for line in [
        "5 questions, 3 articles;",
        "(every path covered)",
        "a reader's way through asks at most 5 questions (the shortest asks 3)",
        "example readers: 4 pass, 0 problem(s)",
        "  ✓ worn-out.toml: \"burnout-help\" first",
        "9 file(s) checked: 0 error(s), 0 warning(s); all good",
    ] {
        assert!(out.contains(line), "missing {line:?}:\n{}", explain(&o));
    }
}

#[test]
fn check_runs_from_any_folder_inside_the_project() {
    // From inside the questionnaires folder, or a folder below it, or anywhere in the project,
    // it finds the author's files (whatever they say: this names no content).
    for dir in ["questionnaires/articles", "src/engine"] {
        let o = run_in(dir, &["check"]);
        assert!(
            stdout(&o).contains("file(s) checked:") && !stderr(&o).contains("cannot"),
            "from {dir:?}: {}",
            explain(&o)
        );
    }
    let o = run_in("questionnaires/articles", &["check"]);
    assert!(
        !stdout(&o).contains("questionnaires/questionnaires"),
        "{}",
        explain(&o)
    );
}

#[test]
fn check_fails_a_broken_file_and_says_where_and_why() {
    let o = run(&["check", "tests/fixtures/broken/cycle.toml"]);
    assert_eq!(o.status.code(), Some(1), "{}", explain(&o));
    let out = stdout(&o);
    assert!(
        out.contains("error: tests/fixtures/broken/cycle.toml:162:1: question \"tired\" › next: the flow goes round in a circle: tired → signs → tired"),
        "{}",
        explain(&o)
    );
    assert!(
        out.contains("1 file(s) checked: 1 error(s), 0 warning(s)"),
        "{}",
        explain(&o)
    );

    let o = run(&["check", "tests/fixtures/broken/syntax-stray-quote.toml"]);
    assert_eq!(o.status.code(), Some(1), "{}", explain(&o));
    assert!(
        stdout(&o).contains("error: tests/fixtures/broken/syntax-stray-quote.toml:118:21: this text has a \" inside it"),
        "{}",
        explain(&o)
    );
}

#[test]
fn a_failing_example_says_where_she_stops_and_what_to_add() {
    let dir = std::env::temp_dir().join(format!("wws-cli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy(
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tiny")),
        &dir,
    );
    // A new question in the middle of the flow: home now asks "kids" before safety.
    let questions = dir.join("questions.toml");
    let text = std::fs::read_to_string(&questions).unwrap().replacen(
        "  id = \"home\"\n  label = \"We still live together\"\n  next = \"safety\"",
        "  id = \"home\"\n  label = \"We still live together\"\n  next = \"kids\"",
        1,
    ) + "\n[[questions]]\nid = \"kids\"\nsection = \"now\"\nkind = \"single\"\ntext = \"Do you have children?\"\nnext = \"safety\"\n\n  [[questions.options]]\n  id = \"yes\"\n  label = \"Yes\"\n\n  [[questions.options]]\n  id = \"no\"\n  label = \"No\"\n";
    std::fs::write(&questions, text).unwrap();
    let o = run(&["check", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", explain(&o));
    let out = stdout(&o);
    assert!(
        out.contains("examples/worn-out.toml:4:1: answers: she stops at question \"kids\" (“Do you have children?”), which has no answer here; add a line under [answers]: kids = \"yes\" (one of \"yes\", \"no\")"),
        "{}",
        explain(&o)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

fn copy(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn check_passes_a_file_with_only_warnings_but_shows_them() {
    let o = run(&["check", "tests/fixtures/broken/unreachable.toml"]);
    assert_eq!(o.status.code(), Some(0), "{}", explain(&o));
    assert!(
        stdout(&o).contains(
            "warning: tests/fixtures/broken/unreachable.toml:122:1: question \"contact\": no path leads to this question"
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
        stderr(&o).contains("cannot read the folder tests/fixtures/no-such-folder"),
        "{}",
        explain(&o)
    );
}

#[test]
fn graph_draws_dot_mermaid_and_the_map() {
    let o = run(&["graph", "tests/fixtures/tiny", "--format", "dot"]);
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

    let o = run(&["graph", "tests/fixtures/tiny.toml"]);
    assert_eq!(o.status.code(), Some(0), "{}", explain(&o));
    assert!(stdout(&o).starts_with("flowchart TD\n"), "{}", explain(&o));

    // The flow map as a picture, written to a file: a box for every question, the results
    // and every article, and a dashed arrow for the rules that lead to each article.
    let file = std::env::temp_dir().join(format!("wws-map-{}.svg", std::process::id()));
    let o = run(&[
        "graph",
        "tests/fixtures/tiny",
        "--format",
        "svg",
        "--out",
        file.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", explain(&o));
    let svg = std::fs::read_to_string(&file).unwrap();
    let _ = std::fs::remove_file(&file);
    assert!(
        svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""),
        "{svg}"
    );
    for id in [
        "situation",
        "contact",
        "safety",
        "tired",
        "signs",
        "Results",
        "article: burnout-help",
        "article: hope-signs",
        "article: keep-calm",
    ] {
        assert!(
            svg.contains(&format!(">{id}</text>")),
            "the map lacks {id}:\n{svg}"
        );
    }
    assert!(svg.contains("if strain ≥ 3"), "{svg}");
    assert_eq!(svg.matches("stroke-dasharray").count(), 3, "{svg}");

    let o = run(&["graph", "tests/fixtures/tiny.toml", "--format", "png"]);
    assert_eq!(o.status.code(), Some(2), "{}", explain(&o));
    assert!(
        stderr(&o).contains("--format takes mermaid, dot or svg"),
        "{}",
        explain(&o)
    );

    // A broken file cannot be drawn, and the author is told why.
    let o = run(&["graph", "tests/fixtures/broken/dead-end.toml"]);
    assert_eq!(o.status.code(), Some(1), "{}", explain(&o));
    assert!(
        stderr(&o).contains("dead end: this question has no \"next\""),
        "{}",
        explain(&o)
    );
}

#[test]
fn schema_prints_the_committed_schemas() {
    for which in ["part", "article", "example"] {
        let o = run(&["schema", which]);
        assert_eq!(o.status.code(), Some(0), "{}", explain(&o));
        let path = format!("questionnaires/schema/{which}.schema.json");
        let committed =
            std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).expect(&path);
        assert!(
            stdout(&o) == committed,
            "{path} differs from `questionnaire schema {which}`; regenerate it with:\n\n    cargo run -q --bin questionnaire -- schema {which} > {path}\n"
        );
    }
    let o = run(&["schema", "nonsense"]);
    assert_eq!(o.status.code(), Some(2), "{}", explain(&o));
}

#[test]
fn walk_prints_the_screens_and_the_results() {
    let o = run(&[
        "walk",
        "--answers",
        "tests/fixtures/tiny/examples/at-home-hopeful.toml",
        "tests/fixtures/tiny",
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
    ] {
        assert!(out.contains(line), "missing {line:?} in\n{}", explain(&o));
    }
    assert!(
        !out.contains("!!"),
        "no safety block without a red flag:\n{out}"
    );

    let o = run(&[
        "walk",
        "--answers",
        "tests/fixtures/tiny/examples/afraid.toml",
        "tests/fixtures/tiny",
        "--json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", explain(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o))
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", explain(&o)));
    assert!(v["report"]["safety"].is_object(), "{v:#}");
    assert_eq!(v["report"]["articles"][0]["id"], "hope-signs");
    assert_eq!(v["screens"][0], "situation");
}

#[test]
fn walk_says_where_the_answers_run_out() {
    let dir = std::env::temp_dir().join(format!("wws-walk-{}.toml", std::process::id()));
    std::fs::write(&dir, "reader = \"x\"\n[answers]\nsituation = \"apart\"\n").unwrap();
    let o = run(&[
        "walk",
        "--answers",
        dir.to_str().unwrap(),
        "tests/fixtures/tiny",
    ]);
    assert_eq!(
        o.status.code(),
        Some(3),
        "a path that stops early has its own code: {}",
        explain(&o)
    );
    assert!(
        stderr(&o).contains("the path stops at question \"contact\" (“How often do you talk?”)"),
        "{}",
        explain(&o)
    );
    let _ = std::fs::remove_file(&dir);
    let o = run(&["walk", "tests/fixtures/tiny"]);
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

#[test]
fn walk_names_the_nearest_question_for_a_misspelt_id_and_says_the_margin() {
    let file = std::env::temp_dir().join(format!("wws-walk-typo-{}.toml", std::process::id()));
    std::fs::write(
        &file,
        "[answers]\nsituaton = \"home\"\nsafty = \"safe\"\nzzz = \"x\"\n",
    )
    .unwrap();
    let o = run(&[
        "walk",
        "--answers",
        file.to_str().unwrap(),
        "tests/fixtures/tiny",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", explain(&o));
    let err = stderr(&o);
    assert!(
        err.contains("no question \"situaton\" (did you mean \"situation\"?)"),
        "{}",
        explain(&o)
    );
    assert!(
        err.contains("no question \"safty\" (did you mean \"safety\"?)"),
        "every unknown id: {}",
        explain(&o)
    );
    assert!(
        err.contains("no question \"zzz\" (`questionnaire json` lists"),
        "{}",
        explain(&o)
    );

    // home → keep-calm 3; "talks" → hope-signs 2: a margin of 1.
    std::fs::write(
        &file,
        "[answers]\nsituation = \"home\"\nsafety = \"safe\"\ntired = \"never\"\nsigns = [\"talks\"]\n",
    )
    .unwrap();
    let o = run(&[
        "walk",
        "--answers",
        file.to_str().unwrap(),
        "tests/fixtures/tiny",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", explain(&o));
    assert!(
        stdout(&o).contains("First and second: \"keep-calm\" (weight 3) and \"hope-signs\" (weight 2): a margin of 1."),
        "{}",
        explain(&o)
    );
    let o = run(&[
        "walk",
        "--json",
        "--answers",
        file.to_str().unwrap(),
        "tests/fixtures/tiny",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(v["margin"], 1);
    let _ = std::fs::remove_file(&file);
}

#[test]
fn walk_help_describes_the_answers_file_and_the_exit_codes() {
    let o = run(&["walk", "--help"]);
    assert_eq!(o.status.code(), Some(0), "{}", explain(&o));
    let text = stdout(&o);
    for words in [
        "[answers]",
        "prefer_not_to_say",
        "Exit codes: 0",
        "3 her answers stop early",
        "1 a file cannot be read",
    ] {
        assert!(
            text.contains(words),
            "walk --help mentions {words}:\n{text}"
        );
    }
}
