//! The author's command, run as she runs it: `questionnaire check | graph | schema | walk`, on
//! fixture questionnaires (a folder laid out as hers is, and single files), from any folder.

use std::process::{Command, Output};

/// The workspace's root folder, where the fixtures are.
const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

fn run_in(dir: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_questionnaire"))
        .args(args)
        .current_dir(format!("{}/{dir}", ROOT))
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
    for dir in ["questionnaires/articles", "crates/engine/src"] {
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
        std::path::Path::new(&format!("{ROOT}/tests/fixtures/tiny")),
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

#[test]
fn a_new_article_that_ties_says_it_comes_second_and_how_to_choose() {
    let dir = std::env::temp_dir().join(format!("wws-cli-tie-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy(
        std::path::Path::new(&format!("{ROOT}/tests/fixtures/tiny")),
        &dir,
    );
    // A new article with the same rules (so the same weight) as one she has, and an example
    // reader who should get it first.
    let calm = std::fs::read_to_string(dir.join("articles/keep-calm.toml")).unwrap();
    std::fs::write(
        dir.join("articles/new-one.toml"),
        calm.replace("id = \"calm-", "id = \"new-"),
    )
    .unwrap();
    let reader = std::fs::read_to_string(dir.join("examples/at-home-hopeful.toml")).unwrap();
    assert!(reader.contains("first_article = \"keep-calm\""));
    std::fs::write(
        dir.join("examples/new-reader.toml"),
        reader.replace(
            "first_article = \"keep-calm\"",
            "first_article = \"new-one\"",
        ),
    )
    .unwrap();
    let o = run(&["check", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", explain(&o));
    let out = stdout(&o);
    for said in [
        "it comes second: it has the same weight as \"keep-calm\" (3), and a tie goes to the article listed first; to choose, add tie_order = [\"new-one\", \"keep-calm\"] under [results]",
        "article \"new-one\": the example new-reader.toml expects this article first, but it comes second",
    ] {
        assert!(out.contains(said), "{said}\n{}", explain(&o));
    }
    assert!(!out.contains("it comes 2"), "{}", explain(&o));
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
        let committed = std::fs::read_to_string(format!("{}/{path}", ROOT)).expect(&path);
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

/// An answers file for `walk`, in the temporary folder (a name per test: they run at once).
fn answers_file(name: &str, text: &str) -> std::path::PathBuf {
    let file = std::env::temp_dir().join(format!("wws-walk-{name}-{}.toml", std::process::id()));
    std::fs::write(&file, text).unwrap();
    file
}

/// `questionnaire walk --answers FILE tests/fixtures/tiny` and any further arguments.
fn walk_tiny(file: &std::path::Path, more: &[&str]) -> Output {
    let mut args = vec![
        "walk",
        "--answers",
        file.to_str().unwrap(),
        "tests/fixtures/tiny",
    ];
    args.extend_from_slice(more);
    run(&args)
}

#[test]
fn walk_exits_2_and_says_where_the_answers_run_out() {
    // He moved out: the next question is "contact", which this file does not answer; the
    // answers it gives for later questions are listed as not used.
    let file = answers_file(
        "stops",
        "reader = \"x\"\n[answers]\nsituation = \"apart\"\nsigns = [\"talks\"]\nsafety = \"safe\"\n",
    );
    let o = walk_tiny(&file, &[]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "a path that stops early has its own code: {}",
        explain(&o)
    );
    let err = stderr(&o);
    for words in [
        "the path stops at question \"contact\" (“How often do you talk?”): the answers file has no answer for it",
        "add a line under [answers]: contact = \"rarely\" (one of \"rarely\", \"often\", \"prefer_not_to_say\")",
        "answers given that were not used:\n  signs = [\"talks\"]\n  safety = \"safe\"\n",
    ] {
        assert!(err.contains(words), "missing {words:?}: {}", explain(&o));
    }
    // What she was asked before it stopped is still printed.
    assert!(
        stdout(&o).contains("Where do things stand?\n    → \"apart\""),
        "{}",
        explain(&o)
    );
    assert!(!stdout(&o).contains("=== Results ==="), "{}", explain(&o));

    // Every answer used, one question short: none unused, still 2; a tick-all question asks
    // for a list.
    std::fs::write(
        &file,
        "[answers]\nsituation = \"home\"\nsafety = \"safe\"\ntired = \"never\"\n",
    )
    .unwrap();
    let o = walk_tiny(&file, &["--json"]);
    assert_eq!(o.status.code(), Some(2), "{}", explain(&o));
    assert!(
        stderr(&o).contains("signs = [\"talks\"] (any of \"talks\", \"kind\", \"none\")"),
        "{}",
        explain(&o)
    );
    assert!(
        stderr(&o).contains("answers given that were not used: none"),
        "{}",
        explain(&o)
    );
    let _ = std::fs::remove_file(&file);
}

#[test]
fn walk_exits_1_when_a_file_cannot_be_read_or_the_command_is_wrong() {
    // No answers file at all.
    let o = run(&[
        "walk",
        "--answers",
        "tests/fixtures/no-such-answers.toml",
        "tests/fixtures/tiny",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", explain(&o));
    assert!(
        stderr(&o).contains("cannot read the answers file tests/fixtures/no-such-answers.toml"),
        "{}",
        explain(&o)
    );

    // Not TOML, and TOML with no [answers] table: the place and the fix.
    let file = answers_file("unreadable", "[answers]\nsituation = \"home\n");
    let o = walk_tiny(&file, &[]);
    assert_eq!(o.status.code(), Some(1), "{}", explain(&o));
    assert!(
        stderr(&o).contains(&format!("error: {}:2:", file.display()))
            && stderr(&o).contains("an answers file has an [answers] table"),
        "{}",
        explain(&o)
    );
    std::fs::write(&file, "reader = \"x\"\nsituation = \"home\"\n").unwrap();
    let o = walk_tiny(&file, &[]);
    assert_eq!(o.status.code(), Some(1), "{}", explain(&o));
    assert!(
        stderr(&o).contains("answers file: there is no [answers] table"),
        "{}",
        explain(&o)
    );

    // An answer of the wrong shape, and an option the question does not have.
    std::fs::write(&file, "[answers]\nsituation = \"home\"\nsafety = 1\n").unwrap();
    let o = walk_tiny(&file, &[]);
    assert_eq!(o.status.code(), Some(1), "{}", explain(&o));
    assert!(
        stderr(&o).contains(&format!(
            "error: {}:3:1: answers file: the answer to \"safety\" must be an option id in quotes",
            file.display()
        )),
        "{}",
        explain(&o)
    );
    std::fs::write(&file, "[answers]\nsituation = \"hom\"\n").unwrap();
    let o = walk_tiny(&file, &[]);
    assert_eq!(o.status.code(), Some(1), "{}", explain(&o));
    assert!(
        stderr(&o).contains("answers file: question \"situation\" has no option \"hom\" (did you mean \"home\"?); use one of \"home\", \"apart\""),
        "{}",
        explain(&o)
    );
    let _ = std::fs::remove_file(&file);

    // The questionnaire does not load: what load_one says, and 1.
    let o = run(&[
        "walk",
        "--answers",
        "tests/fixtures/tiny/examples/afraid.toml",
        "tests/fixtures/broken/cycle.toml",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", explain(&o));
    assert!(
        stderr(&o).contains("the flow goes round in a circle")
            && stderr(&o).contains("`questionnaire check` lists every problem"),
        "{}",
        explain(&o)
    );

    // A walk command written wrong: 1 (2 is only "her answers stop early"), with walk's help.
    for args in [
        &["walk", "tests/fixtures/tiny"][..],
        &["walk", "tests/fixtures/tiny", "--answers"][..],
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", explain(&o));
        assert!(
            stderr(&o).contains("questionnaire walk --answers FILE [PATH] [--json]"),
            "{args:?}: {}",
            explain(&o)
        );
    }
    assert!(
        stderr(&run(&["walk", "tests/fixtures/tiny"])).contains("walk needs --answers FILE"),
        "the problem is named"
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
fn walk_names_the_nearest_question_for_every_misspelt_id() {
    let file = answers_file(
        "typo",
        "[answers]\nsituaton = \"home\"\nsafty = \"safe\"\nzzz = \"x\"\ntired = \"never\"\n",
    );
    let o = walk_tiny(&file, &[]);
    assert_eq!(o.status.code(), Some(1), "{}", explain(&o));
    let err = stderr(&o);
    let shown = file.display();
    for line in [
        format!("error: {shown}:2:1: answers file: no question \"situaton\" (did you mean \"situation\"?)\n"),
        format!("error: {shown}:3:1: answers file: no question \"safty\" (did you mean \"safety\"?)\n"),
        // Nothing near: say how to see the ids.
        format!("error: {shown}:4:1: answers file: no question \"zzz\"; `questionnaire graph tests/fixtures/tiny` lists every question id with its text\n"),
    ] {
        assert!(err.contains(&line), "missing {line:?}: {}", explain(&o));
    }
    assert!(
        err.contains("3 problem(s) in") && err.contains("nothing was walked"),
        "{}",
        explain(&o)
    );
    assert!(stdout(&o).is_empty(), "nothing is walked: {}", explain(&o));

    // A question id that is not on her path is no error: it is listed as not asked.
    std::fs::write(
        &file,
        "[answers]\nsituation = \"home\"\ncontact = \"often\"\nsafety = \"safe\"\ntired = \"never\"\nsigns = [\"talks\"]\n",
    )
    .unwrap();
    let o = walk_tiny(&file, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", explain(&o));
    assert!(
        stdout(&o).contains("\nNot asked on this path: [\"contact\"]"),
        "{}",
        explain(&o)
    );
    let _ = std::fs::remove_file(&file);
}

#[test]
fn walk_prints_the_margin_between_the_first_two_articles() {
    // home → keep-calm 2 + 1; "talks" → hope-signs 2: a margin of 1, printed right after the
    // ranked articles.
    let file = answers_file(
        "margin",
        "[answers]\nsituation = \"home\"\nsafety = \"safe\"\ntired = \"never\"\nsigns = [\"talks\"]\n",
    );
    let o = walk_tiny(&file, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", explain(&o));
    let out = stdout(&o);
    assert!(
        out.contains("  2. Reading the signs [weight 2]\n       because you ticked “He talks to me more”\n\nFirst and second: \"keep-calm\" (weight 3) and \"hope-signs\" (weight 2): a margin of 1.\n"),
        "{}",
        explain(&o)
    );
    assert!(!out.contains("Tie:"), "{}", explain(&o));
    let o = walk_tiny(&file, &["--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", explain(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(v["margin"], 1, "{v:#}");
    assert_eq!(v["tied_first"], serde_json::json!(["keep-calm"]), "{v:#}");

    // Worn out: burnout-help 5, keep-calm 3.
    std::fs::write(
        &file,
        "[answers]\nsituation = \"home\"\nsafety = \"safe\"\ntired = \"often\"\n",
    )
    .unwrap();
    let o = walk_tiny(&file, &[]);
    assert!(
        stdout(&o).contains("First and second: \"burnout-help\" (weight 5) and \"keep-calm\" (weight 3): a margin of 2."),
        "{}",
        explain(&o)
    );

    // One article only: no second, and a null margin.
    std::fs::write(
        &file,
        "[answers]\nsituation = \"home\"\nsafety = \"safe\"\ntired = \"never\"\nsigns = [\"none\"]\n",
    )
    .unwrap();
    let o = walk_tiny(&file, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", explain(&o));
    assert!(
        stdout(&o)
            .contains("Only one article: \"keep-calm\" (weight 3); there is no second to compare."),
        "{}",
        explain(&o)
    );
    let o = walk_tiny(&file, &["--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert!(v["margin"].is_null(), "{v:#}");
    assert_eq!(v["tied_first"], serde_json::json!(["keep-calm"]), "{v:#}");
    let _ = std::fs::remove_file(&file);
}

#[test]
fn walk_prints_a_tie_at_the_top() {
    // He moved out, they talk, she is safe, no signs: hope-signs 1 ("apart") and keep-calm 1
    // (anyone): a tie, ordered by file order (tiny has no tie_order).
    let file = answers_file(
        "tie",
        "[answers]\nsituation = \"apart\"\ncontact = \"often\"\nsafety = \"safe\"\ntired = \"never\"\nsigns = [\"none\"]\n",
    );
    let o = walk_tiny(&file, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", explain(&o));
    let out = stdout(&o);
    for line in [
        "First and second: \"hope-signs\" (weight 1) and \"keep-calm\" (weight 1): a margin of 0",
        "Tie: \"hope-signs\" and \"keep-calm\" both have weight 1; the order between them comes from the questionnaire's tie order (or file order).",
    ] {
        assert!(out.contains(line), "missing {line:?}: {}", explain(&o));
    }
    let o = walk_tiny(&file, &["--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", explain(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(v["margin"], 0, "{v:#}");
    assert_eq!(
        v["tied_first"],
        serde_json::json!(["hope-signs", "keep-calm"]),
        "{v:#}"
    );
    let _ = std::fs::remove_file(&file);
}

#[test]
fn walk_help_describes_the_answers_file_and_the_exit_codes() {
    for flag in ["--help", "-h"] {
        let o = run(&["walk", flag]);
        assert_eq!(o.status.code(), Some(0), "{}", explain(&o));
        let text = stdout(&o);
        for words in [
            "questionnaire walk --answers FILE [PATH] [--json]",
            "[answers]",
            "= \"sometimes\"          a scale question: the scale point's id",
            "= [\"open\", \"future\"]   a tick-all question: a list of option ids",
            "\"prefer_not_to_say\"",
            "questionnaires/examples/*.toml",
            "works as it is",
            "--json",
            "\"margin\"",
            "\"tied_first\"",
            "Exit codes:",
            "  0  the walk reached the results",
            "  2  her answers stop early",
            "  1  FILE cannot be read or understood",
        ] {
            assert!(
                text.contains(words),
                "walk {flag} mentions {words:?}:\n{text}"
            );
        }
    }
    // The general help points to it.
    let o = run(&["--help"]);
    assert!(stdout(&o).contains("(walk --help)"), "{}", explain(&o));
}
