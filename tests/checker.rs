//! The author's checker, data-driven: every file in `tests/fixtures/broken/` is a copy of
//! `tests/fixtures/tiny.json` with one mistake, and the table below says the exact message
//! (with its place) and severity the checker must report for it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use where_we_stand::engine::{check_text, load, Diagnostic, Severity};

const E: Severity = Severity::Error;
const W: Severity = Severity::Warning;

/// (fixture name without `.json`, severity, the message after `FILE › `, place included).
const CASES: &[(&str, Severity, &str)] = &[
    // Phase one: the JSON's syntax and shape, with line and column.
    (
        "syntax-missing-comma",
        E,
        "line 6, column 3: this is not valid JSON (expected `,` or `}`); look for a missing comma, quote or bracket just before here",
    ),
    (
        "syntax-ends-early",
        E,
        "line 330, column 0: the file ends too early (EOF while parsing an object); a closing bracket or brace is probably missing",
    ),
    (
        "scores-twice",
        E,
        "line 129, column 11 › questions[0].options[1].scores: dimension \"strain\" is given points twice; keep one",
    ),
    (
        "unknown-field",
        E,
        "line 149, column 25 › questions[1].prefer_not_to_sey: there is no field \"prefer_not_to_sey\" here (did you mean \"prefer_not_to_say\"?); the fields allowed here are \"id\", \"section\", \"kind\"",
    ),
    (
        "missing-field",
        E,
        "line 270, column 5 › articles[1]: the field \"author\" is missing; add it",
    ),
    (
        "unknown-kind",
        E,
        "line 136, column 22 › questions[1].kind: \"singel\" is not allowed here; use one of \"single\", \"multiple\", \"scale\"",
    ),
    (
        "not-a-number",
        E,
        "line 5, column 18 › version: invalid type: string \"one\", expected u32",
    ),
    // Ids.
    (
        "bad-id",
        E,
        "question \"safety\" › option \"Safe Now\": \"Safe Now\" is not a usable id; use lowercase letters, digits, - and _ only",
    ),
    (
        "duplicate-question",
        E,
        "question \"signs\": there are two questions with the id \"signs\"; give each its own id",
    ),
    (
        "duplicate-option",
        E,
        "question \"contact\" › option \"rarely\": there are two options with the id \"rarely\"; give each its own id",
    ),
    (
        "reserved-results",
        E,
        "question \"results\": \"results\" is the word that ends the check-in, so no question can use it as its id; rename the question",
    ),
    (
        "reserved-option",
        E,
        "question \"contact\" › option \"prefer_not_to_say\": \"prefer_not_to_say\" is reserved; set \"prefer_not_to_say\": true on the question instead",
    ),
    // References.
    (
        "unknown-next",
        E,
        "question \"safety\" › next: there is no question \"tird\" (did you mean \"tired\"?); use a question's id, or \"results\" to end the check-in",
    ),
    (
        "unknown-option-next",
        E,
        "question \"situation\" › option \"apart\" › next: there is no question \"contacts\" (did you mean \"contact\"?)",
    ),
    (
        "unknown-start",
        E,
        "start: there is no question \"situaton\" (did you mean \"situation\"?); \"start\" must name the first question",
    ),
    (
        "unknown-section",
        E,
        "question \"tired\" › section: there is no section \"feels\" (did you mean \"feel\"?); add it to \"sections\" or use an existing one",
    ),
    (
        "unknown-dimension",
        E,
        "question \"situation\" › option \"apart\" › scores: there is no dimension \"strian\" (did you mean \"strain\"?)",
    ),
    (
        "unknown-scale",
        E,
        "question \"tired\" › scale: there is no scale \"frequency\" (did you mean \"freq\"?); add it to \"scales\" or use an existing one",
    ),
    (
        "scale-without-scale",
        E,
        "question \"tired\": a scale question needs a \"scale\"; name one of the file's scales",
    ),
    (
        "scale-one-point",
        E,
        "scale \"freq\": a scale needs at least two points",
    ),
    (
        "scale-on-choice-question",
        E,
        "question \"contact\" › scale: only scale questions use a \"scale\"; remove it or set \"kind\": \"scale\"",
    ),
    (
        "options-on-scale",
        E,
        "question \"tired\" › options: a scale question takes its options from its scale; remove \"options\"",
    ),
    (
        "scores-on-choice-question",
        E,
        "question \"contact\" › scores: on a choice question, put \"scores\" on each option instead of on the question",
    ),
    (
        "one-option",
        E,
        "question \"contact\" › options: a choice question needs at least two options",
    ),
    (
        "exclusive-on-single",
        E,
        "question \"contact\" › option \"rarely\": \"exclusive\" only makes sense on a checklist (kind \"multiple\"); remove it",
    ),
    (
        "option-next-on-checklist",
        E,
        "question \"signs\" › option \"none\" › next: only options of single-choice questions can have their own \"next\"; use \"branches\" instead",
    ),
    // Conditions.
    (
        "condition-mixed",
        E,
        "question \"tired\" › branch 1 › when: a condition takes one form, but this one mixes \"answer\", \"score\", \"at_least\"; split it with \"all\" or \"any\"",
    ),
    (
        "condition-empty",
        E,
        "question \"tired\" › branch 1 › when: the condition is empty; write one of \"all\", \"any\", \"not\", \"answer\", \"score\" or \"red_flag\"",
    ),
    (
        "condition-answer-alone",
        E,
        "recommendation 1 (for \"keep-calm\") › when: \"answer\" needs \"is\", \"is_one_of\" or \"includes\" beside it",
    ),
    (
        "condition-score-alone",
        E,
        "recommendation 2 (for \"keep-calm\") › when: \"score\" needs \"at_least\", \"at_most\" or \"band\" beside it",
    ),
    (
        "condition-empty-all",
        E,
        "recommendation 2 (for \"keep-calm\") › when: this list of conditions is empty; add conditions or remove it",
    ),
    (
        "condition-unknown-question",
        E,
        "recommendation 4 (for \"hope-signs\") › when: there is no question \"sings\" (did you mean \"signs\"?)",
    ),
    (
        "condition-unknown-option",
        E,
        "recommendation 1 (for \"keep-calm\") › when: question \"situation\" has no option \"hom\" (did you mean \"home\"?)",
    ),
    (
        "condition-unknown-band",
        E,
        "recommendation 3 (for \"burnout-help\") › when: dimension \"strain\" has no band \"hihg\" (did you mean \"high\"?)",
    ),
    (
        "condition-unknown-dimension",
        E,
        "recommendation 2 (for \"keep-calm\") › when: there is no dimension \"strains\" (did you mean \"strain\"?)",
    ),
    (
        "condition-includes-on-single",
        E,
        "recommendation 1 (for \"keep-calm\") › when: question \"situation\" takes one answer; use \"is\" instead of \"includes\"",
    ),
    (
        "condition-is-on-checklist",
        E,
        "recommendation 4 (for \"hope-signs\") › when: question \"signs\" is a checklist; use \"includes\" instead of \"is\"",
    ),
    (
        "condition-is-one-of-empty",
        E,
        "recommendation 5 (for \"hope-signs\") › when: \"is_one_of\" is empty; list at least one option",
    ),
    // The flow graph.
    (
        "branch-looks-later",
        E,
        "question \"tired\" › branch 1 › when: looks at question \"signs\", which is never answered before this one; a branch can only use earlier answers",
    ),
    (
        "dead-end",
        E,
        "question \"signs\": dead end: this question has no \"next\"; say where to go after it (another question's id, or \"results\")",
    ),
    (
        "dead-end-branches",
        E,
        "question \"tired\": dead end: when none of its branches apply there is nowhere to go; add a \"next\" to the question",
    ),
    (
        "dead-end-option",
        E,
        "question \"situation\": dead end: after option \"apart\" there is nowhere to go; give those options a \"next\" or give the question a \"next\"",
    ),
    (
        "dead-end-declined",
        E,
        "question \"contact\": dead end: after \"prefer not to say\" there is nowhere to go; give the question a \"next\"",
    ),
    (
        "cycle",
        E,
        "question \"tired\" › next: the flow goes round in a circle: tired → signs → tired; point one of these to a later question or to \"results\"",
    ),
    (
        "unreachable",
        W,
        "question \"contact\": no path leads to this question, so no reader will see it; point a \"next\" at it or remove it",
    ),
    // Dimensions and bands.
    (
        "bands-overlap",
        E,
        "dimension \"strain\" › band \"high\": overlaps band \"low\": a score of 2 would be in both; start this band at 3",
    ),
    (
        "bands-gap",
        E,
        "dimension \"strain\" › band \"high\": leaves a gap after band \"low\": scores 3 to 3 are in no band; start this band at 3",
    ),
    (
        "bands-short",
        E,
        "dimension \"strain\" › bands: a score of 5 is possible but the highest band ends at 4; end it at 5",
    ),
    (
        "bands-start-late",
        E,
        "dimension \"strain\" › bands: a score of 0 is possible but the lowest band starts at 1; start it at 0",
    ),
    (
        "band-min-above-max",
        E,
        "dimension \"hope\" › band \"some\": \"min\" (2) is above \"max\" (1); swap them",
    ),
    (
        "no-bands",
        E,
        "dimension \"hope\" › bands: there are no bands; add at least one (e.g. low, moderate, high)",
    ),
    (
        "unused-dimension",
        W,
        "dimension \"trust\": no question adds points to this dimension; add \"scores\" to some options or remove it",
    ),
    // Articles, phases and rules.
    (
        "article-without-rule",
        E,
        "article \"burnout-help\": no recommendation names this article, so no reader can be offered it; add a rule to \"recommendations\"",
    ),
    (
        "rule-unknown-article",
        E,
        "recommendation 6 (for \"burnout-halp\") › article: there is no article \"burnout-halp\" (did you mean \"burnout-help\"?); use one of the articles' ids",
    ),
    (
        "step-unknown-phase",
        E,
        "article \"burnout-help\" › step \"burnout-rest\" › phase: there is no phase \"calmm\" (did you mean \"calm\"?); add it to \"phases\" or use an existing one",
    ),
    (
        "no-articles",
        E,
        "articles: there are no articles; add at least one",
    ),
    (
        "zero-weight",
        W,
        "recommendation 1 (for \"keep-calm\") › weight: a weight of zero or less never recommends the article; use a positive weight",
    ),
    (
        "unused-section",
        W,
        "section \"later\": no question is in this section; remove it or use it",
    ),
    (
        "unused-scale",
        W,
        "scale \"agree\": no question uses this scale; remove it or use it",
    ),
    (
        "unused-phase",
        W,
        "phase \"later\": no step is in this phase; remove it or give it steps",
    ),
    // Texts and addresses.
    (
        "html-in-text",
        E,
        "question \"signs\" › text: this text contains HTML (<script>); write plain text, since readers see it exactly as written",
    ),
    (
        "html-non-ascii",
        E,
        "question \"signs\" › text: this text contains HTML (<bxééééééééééééééééé); write plain text",
    ),
    (
        "empty-text",
        E,
        "question \"contact\" › text: this text is empty; write what the reader should see",
    ),
    (
        "empty-band-label",
        E,
        "dimension \"strain\" › band \"high\" › label: this text is empty; write what the reader should see",
    ),
    (
        "empty-resource-name",
        E,
        "safety › resource \"\" › name: this text is empty; write what the reader should see",
    ),
    (
        "no-resources",
        E,
        "safety › resources: there are no crisis resources; list at least one (for example emergency services)",
    ),
    (
        "http-url",
        E,
        "article \"hope-signs\" › url: \"http://example.org/hope-signs\" is not a web address starting with https://; write the full address",
    ),
    // Answer paths.
    (
        "no-article-on-path",
        E,
        "recommendations: a reader who answers situation = \"apart\", contact = \"rarely\", safety = \"safe\", tired = \"never\", signs = [] reaches the results with no article recommended; add a rule that covers her",
    ),
    (
        "article-never-recommended",
        W,
        "article \"burnout-help\": no path through the questionnaire recommends this article; check the conditions of its rules",
    ),
    (
        "article-never-first",
        W,
        "article \"burnout-help\": no path through the questionnaire puts this article first; raise the weight of a rule for the reader it was written for",
    ),
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn broken_dir() -> PathBuf {
    root().join("tests/fixtures/broken")
}

fn shown(diagnostics: &[Diagnostic]) -> String {
    diagnostics
        .iter()
        .map(|d| format!("    {d}\n"))
        .collect::<String>()
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

#[test]
fn every_broken_fixture_reports_its_mistake() {
    let mut failures = Vec::new();
    for &(name, severity, message) in CASES {
        let file = format!("{name}.json");
        let text = read(&broken_dir().join(&file));
        let checked = check_text(&file, &text);
        let wanted = format!("{}: {file} › {message}", level(severity));
        let found = checked
            .diagnostics
            .iter()
            .find(|d| d.to_string().starts_with(&wanted));
        match found {
            None => failures.push(format!(
                "{file}: expected a diagnostic starting with\n    {wanted}\n  got:\n{}",
                shown(&checked.diagnostics)
            )),
            Some(d) if d.severity != severity => failures.push(format!(
                "{file}: expected severity {severity:?}, got {:?} for {d}",
                d.severity
            )),
            Some(_) => {}
        }
        // One error keeps the file from readers; warnings alone do not.
        let has_error = checked.diagnostics.iter().any(|d| d.severity == E);
        match severity {
            Severity::Error => {
                if checked.questionnaire.is_some() || load(&file, &text).is_ok() {
                    failures.push(format!("{file}: has an error but still loaded"));
                }
            }
            Severity::Warning => {
                if has_error || checked.questionnaire.is_none() || load(&file, &text).is_err() {
                    failures.push(format!(
                        "{file}: only a warning was expected, but it did not load:\n{}",
                        shown(&checked.diagnostics)
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn the_table_and_the_broken_folder_match() {
    let on_disk: BTreeSet<String> = std::fs::read_dir(broken_dir())
        .expect("tests/fixtures/broken exists")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()
                .and_then(|n| n.strip_suffix(".json"))
                .map(String::from)
        })
        .collect();
    let in_table: BTreeSet<String> = CASES.iter().map(|(n, _, _)| n.to_string()).collect();
    assert_eq!(CASES.len(), in_table.len(), "a fixture is listed twice");
    let untested: Vec<_> = on_disk.difference(&in_table).collect();
    let missing: Vec<_> = in_table.difference(&on_disk).collect();
    assert!(
        untested.is_empty() && missing.is_empty(),
        "fixtures without a row in CASES: {untested:?}; rows without a fixture: {missing:?}"
    );
    assert!(CASES.len() >= 18);
}

/// Each broken fixture differs from tiny.json in one place: the checker must not be
/// reporting problems that tiny.json itself has.
#[test]
fn tiny_is_clean() {
    let text = read(&root().join("tests/fixtures/tiny.json"));
    let checked = check_text("tiny.json", &text);
    assert!(
        checked.diagnostics.is_empty(),
        "tiny.json should have no problems:\n{}",
        shown(&checked.diagnostics)
    );
    let q = checked.questionnaire.expect("tiny.json builds");
    assert_eq!(q.file().questions.len(), 5);
    assert!(
        checked.coverage.complete,
        "tiny.json is small enough to check every path"
    );
    assert!(checked.coverage.paths > 0 && checked.coverage.states > 0);
    assert!(load("tiny.json", &text).is_ok());
}

#[test]
fn shipped_check_in_has_no_errors_and_no_warnings() {
    let text = read(&root().join("questionnaires/check-in.json"));
    let checked = check_text("check-in.json", &text);
    assert!(
        checked.diagnostics.is_empty(),
        "questionnaires/check-in.json has problems (run `cargo run --bin questionnaire -- check`):\n{}",
        shown(&checked.diagnostics)
    );
    assert!(checked.questionnaire.is_some());
}

#[test]
fn diagnostics_display_as_level_file_places_and_message() {
    let d = Diagnostic {
        severity: Severity::Warning,
        file: "a.json".into(),
        place: vec!["question \"x\"".into(), "next".into()],
        message: "something".into(),
    };
    assert_eq!(
        d.to_string(),
        "warning: a.json › question \"x\" › next: something"
    );
    let d = Diagnostic {
        severity: Severity::Error,
        file: "a.json".into(),
        place: vec![],
        message: "m".into(),
    };
    assert_eq!(d.to_string(), "error: a.json: m");
}

/// tiny.json as JSON, to be changed in place by a test.
fn tiny_value() -> serde_json::Value {
    serde_json::from_str(&read(&root().join("tests/fixtures/tiny.json"))).expect("tiny.json parses")
}

fn question<'a>(v: &'a mut serde_json::Value, id: &str) -> &'a mut serde_json::Value {
    v["questions"]
        .as_array_mut()
        .and_then(|qs| qs.iter_mut().find(|q| q["id"] == id))
        .unwrap_or_else(|| panic!("tiny.json has question {id}"))
}

#[test]
fn every_problem_is_reported_at_once_and_errors_come_first() {
    let mut v = tiny_value();
    // A warning (an unused section) and two unrelated errors.
    v["sections"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({"id": "later", "title": "Later"}));
    question(&mut v, "safety")["next"] = "tird".into();
    v["articles"][0]["url"] = "ftp://example.org".into();
    let checked = check_text("many.json", &v.to_string());
    let lines: Vec<String> = checked.diagnostics.iter().map(|d| d.to_string()).collect();
    let has = |s: &str| lines.iter().any(|l| l.contains(s));
    assert!(
        has("question \"safety\" › next: there is no question \"tird\""),
        "{lines:#?}"
    );
    assert!(
        has("article \"keep-calm\" › url: \"ftp://example.org\""),
        "{lines:#?}"
    );
    assert!(has("warning: many.json › section \"later\""), "{lines:#?}");
    let first_warning = checked
        .diagnostics
        .iter()
        .position(|d| d.severity == W)
        .expect("a warning");
    assert!(
        checked.diagnostics[first_warning..]
            .iter()
            .all(|d| d.severity == W),
        "errors must come before warnings: {lines:#?}"
    );
    assert!(checked.questionnaire.is_none());
    let err = load("many.json", &v.to_string()).expect_err("errors stop loading");
    assert!(
        err.0.iter().all(|d| d.severity == E),
        "load reports only errors"
    );
    assert_eq!(err.0.len(), 2, "{:#?}", err.0);
}

#[test]
fn no_suggestion_when_nothing_is_close() {
    let mut v = tiny_value();
    question(&mut v, "safety")["next"] = "zzzzzz".into();
    let checked = check_text("far.json", &v.to_string());
    let d = checked
        .diagnostics
        .iter()
        .find(|d| d.place == ["question \"safety\"", "next"])
        .expect("an unknown next is reported");
    assert_eq!(
        d.message,
        "there is no question \"zzzzzz\"; use a question's id, or \"results\" to end the check-in"
    );
}

#[test]
fn optional_texts_may_be_empty_but_seen_texts_may_not() {
    let mut v = tiny_value();
    // help, about, detail and band notes are optional.
    question(&mut v, "tired")["help"] = "".into();
    v["dimensions"][0]["about"] = "".into();
    v["dimensions"][0]["bands"][0]["note"] = "".into();
    v["phases"][0]["about"] = "".into();
    v["safety"]["resources"][0]["detail"] = "".into();
    let checked = check_text("optional.json", &v.to_string());
    assert!(
        checked.diagnostics.is_empty(),
        "{}",
        shown(&checked.diagnostics)
    );

    // An option label and an article summary are read by the reader.
    v["questions"][0]["options"][0]["label"] = " ".into();
    v["articles"][1]["summary"] = "".into();
    let checked = check_text("seen.json", &v.to_string());
    let lines: Vec<String> = checked.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(lines.contains(
        &"error: seen.json › question \"situation\" › option \"home\": this text is empty; write what the reader should see".to_string()
    ), "{lines:#?}");
    assert!(lines.contains(
        &"error: seen.json › article \"hope-signs\" › summary: this text is empty; write what the reader should see".to_string()
    ), "{lines:#?}");
}

#[test]
fn plain_angle_brackets_are_not_html() {
    let mut v = tiny_value();
    question(&mut v, "signs")["text"] = "Is it < 3 times a week, or > 3? I <3 him".into();
    let checked = check_text("angles.json", &v.to_string());
    assert!(
        checked.diagnostics.is_empty(),
        "{}",
        shown(&checked.diagnostics)
    );
    for tag in ["<b>bold</b>", "<!-- note -->", "</p>", "<img src=x>"] {
        question(&mut v, "signs")["text"] = format!("Which signs {tag} have you seen?").into();
        let checked = check_text("tag.json", &v.to_string());
        assert!(
            checked
                .diagnostics
                .iter()
                .any(|d| d.severity == E && d.message.contains("this text contains HTML")),
            "{tag} should be reported as HTML"
        );
    }
}

#[test]
fn a_cycle_stops_the_build_but_other_problems_are_still_reported() {
    let text = read(&broken_dir().join("cycle.json"));
    let checked = check_text("cycle.json", &text);
    assert!(checked.questionnaire.is_none());
    assert_eq!(
        checked.coverage,
        Default::default(),
        "paths are not explored on a cyclic graph"
    );
}
