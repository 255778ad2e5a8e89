//! The author's checker, data-driven: every file in `tests/fixtures/broken/` is a copy of
//! `tests/fixtures/tiny.toml` with one mistake, and the table below says the exact message
//! (with its line, column and place) and severity the checker must report for it.

use author::{check, check_sources, check_text, load, Checked, Diagnostic, Severity, Source};
use engine::QuestionnaireFile;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const E: Severity = Severity::Error;
const W: Severity = Severity::Warning;

/// (fixture name without `.toml`, severity, what follows `FILE:`: line:column: place: message).
const CASES: &[(&str, Severity, &str)] = &[
    (
        "advice-about-him",
        E,
        "213:1: article \"keep-calm\" › step \"calm-breathe\": a reader with a red flag (afraid of him, threatened, hurt) could be given this, and it says \"give him space\"; add not_if_unsafe = true to the step",
    ),
    (
        "crisis-without-help",
        E,
        "158:3: question \"safety\" › option \"afraid\": \"crisis = true\" shows crisis help first on every screen, but there is none to show; add [safety.crisis]",
    ),
    (
        "unknown-country",
        E,
        "24:2: safety › resources › resource \"Emergency\" › country: there is no country \"UK\" in [[safety.countries]]; add it there (with its name) or fix the code",
    ),
    (
        "tie-order-unknown",
        E,
        "205:1: results › tie_order: there is no article \"keep-clam\" (did you mean \"keep-calm\"?)",
    ),
    (
        "syntax-ends-early",
        E,
        "190:12: this is not valid TOML (unclosed array table, expected \"]\"); check this line for a missing quote, = or bracket",
    ),
    (
        "scores-twice",
        E,
        "119:26: duplicate key: this name is already set above in the same table; keep one of them",
    ),
    (
        "syntax-many",
        E,
        "2:23: this text has no closing quote; end it with \" on the same line, or, for a text over several lines, put it between three quotes (\"\"\"…\"\"\")",
    ),
    (
        "syntax-stray-quote",
        E,
        "118:21: this text has a \" inside it, which ends it early; put the text between three quotes (\"\"\"…\"\"\") instead, or use curly quotes “ ” inside it",
    ),
    (
        "syntax-curly-quotes",
        E,
        "109:8: this text starts with a curly quote (“ or ‘); put it between straight quotes (\"…\") or three of them (\"\"\"…\"\"\"); word processors change quotes, so retype them in a plain text editor",
    ),
    (
        "syntax-missing-quote",
        E,
        "2:23: this text has no closing quote; end it with \" on the same line, or, for a text over several lines, put it between three quotes (\"\"\"…\"\"\")",
    ),
    (
        "unknown-field",
        E,
        "127:1: question \"contact\" › prefer_not_to_sey: there is no \"prefer_not_to_sey\" here (did you mean \"prefer_not_to_say\"?); the names allowed here are \"id\", \"section\", \"kind\", \"text\", \"help\", \"prefer_not_to_say\", \"options\", \"scale\", \"scores\", \"branches\", \"next\"",
    ),
    (
        "missing-field",
        E,
        "219:1: article \"hope-signs\": \"author\" is missing here; add it",
    ),
    (
        "unknown-kind",
        E,
        "125:8: question \"contact\" › kind: \"singel\" is not allowed here; use one of \"single\", \"multiple\", \"scale\"",
    ),
    (
        "not-a-number",
        E,
        "3:11: version: this should be a whole number (no quotes), but it is string \"one\"",
    ),
    (
        "bad-id",
        E,
        "145:3: question \"safety\" › option \"Safe Now\": \"Safe Now\" is not a usable id; use lowercase letters, digits, - and _ only, starting with a letter or digit",
    ),
    (
        "duplicate-question",
        E,
        "74:1: dimension \"hope\" › bands: a score of 4 is possible but the highest band ends at 2; end it at 4",
    ),
    (
        "duplicate-option",
        E,
        "130:3: question \"contact\" › option \"rarely\": there are two options with the id \"rarely\"; give each its own id",
    ),
    (
        "reserved-results",
        E,
        "190:1: question \"results\": \"results\" is the word that ends the check-in, so no question can use it as its id; rename the question",
    ),
    (
        "reserved-option",
        E,
        "134:3: question \"contact\" › option \"prefer_not_to_say\": \"prefer_not_to_say\" is reserved; write prefer_not_to_say = true on the question instead",
    ),
    (
        "unknown-next",
        E,
        "143:1: question \"safety\" › next: there is no question \"tird\" (did you mean \"tired\"?); use a question's id, or \"results\" to end the check-in",
    ),
    (
        "unknown-option-next",
        E,
        "120:3: question \"situation\" › option \"apart\" › next: there is no question \"contacts\" (did you mean \"contact\"?); use a question's id, or \"results\" to end the check-in",
    ),
    (
        "unknown-start",
        E,
        "4:1: start: there is no question \"situaton\" (did you mean \"situation\"?); \"start\" must name the first question",
    ),
    (
        "unknown-section",
        E,
        "156:1: question \"tired\" › section: there is no section \"feels\" (did you mean \"feel\"?); add it to \"sections\" or use an existing one",
    ),
    (
        "unknown-dimension",
        E,
        "119:3: question \"situation\" › option \"apart\" › scores: there is no dimension \"strian\" (did you mean \"strain\"?); add it to \"dimensions\" or fix the name",
    ),
    (
        "unknown-scale",
        E,
        "160:1: question \"tired\" › scale: there is no scale \"frequency\" (did you mean \"freq\"?); add it to \"scales\" or use an existing one",
    ),
    (
        "scale-without-scale",
        E,
        "154:1: question \"tired\": a scale question needs a \"scale\"; name one of the file's scales",
    ),
    (
        "scale-one-point",
        E,
        "46:1: scale \"freq\": a scale needs at least two points",
    ),
    (
        "scale-on-choice-question",
        E,
        "128:1: question \"contact\" › scale: only scale questions use a \"scale\"; remove it or write kind = \"scale\"",
    ),
    (
        "options-on-scale",
        E,
        "154:1: question \"tired\" › options: a scale question takes its options from its scale; remove \"options\"",
    ),
    (
        "scores-on-choice-question",
        E,
        "128:1: question \"contact\" › scores: on a choice question, put \"scores\" on each option instead of on the question",
    ),
    (
        "one-option",
        E,
        "122:1: question \"contact\" › options: a choice question needs at least two options",
    ),
    (
        "exclusive-on-single",
        E,
        "130:3: question \"contact\" › option \"rarely\": \"exclusive\" only makes sense on a checklist (kind \"multiple\"); remove it",
    ),
    (
        "option-next-on-checklist",
        E,
        "189:3: question \"signs\" › option \"none\" › next: only options of single-choice questions can have their own \"next\"; use \"branches\" instead",
    ),
    (
        "condition-mixed",
        E,
        "165:3: question \"tired\" › branch 1 › when: a condition takes one form, but this one mixes \"answer\", \"score\", \"at_least\"; split it with \"all\" or \"any\"",
    ),
    (
        "condition-empty",
        E,
        "165:3: question \"tired\" › branch 1 › when: the condition is empty; write one of \"all\", \"any\", \"not\", \"answer\", \"score\", \"red_flag\" or \"condition\"",
    ),
    (
        "condition-answer-alone",
        E,
        "211:1: article \"keep-calm\" › rule 1 › when: \"answer\" needs \"is\", \"is_one_of\" or \"includes\" beside it",
    ),
    (
        "condition-score-alone",
        E,
        "215:1: article \"keep-calm\" › rule 2 › when: \"score\" needs \"at_least\", \"at_most\" or \"band\" beside it",
    ),
    (
        "condition-empty-all",
        E,
        "215:1: article \"keep-calm\" › rule 2 › when: this list of conditions is empty; add conditions or remove it",
    ),
    (
        "condition-unknown-question",
        E,
        "232:1: article \"hope-signs\" › rule 1 › when: there is no question \"sings\" (did you mean \"signs\"?)",
    ),
    (
        "condition-unknown-option",
        E,
        "211:1: article \"keep-calm\" › rule 1 › when: question \"situation\" has no option \"hom\" (did you mean \"home\"?)",
    ),
    (
        "condition-unknown-band",
        E,
        "252:1: article \"burnout-help\" › rule 1 › when: dimension \"strain\" has no band \"hihg\" (did you mean \"high\"?)",
    ),
    (
        "condition-unknown-dimension",
        E,
        "215:1: article \"keep-calm\" › rule 2 › when: there is no dimension \"strains\" (did you mean \"strain\"?)",
    ),
    (
        "condition-includes-on-single",
        E,
        "211:1: article \"keep-calm\" › rule 1 › when: question \"situation\" takes one answer; use \"is\" instead of \"includes\"",
    ),
    (
        "condition-is-on-checklist",
        E,
        "232:1: article \"hope-signs\" › rule 1 › when: question \"signs\" is a checklist; use \"includes\" instead of \"is\"",
    ),
    (
        "condition-is-one-of-empty",
        E,
        "236:1: article \"hope-signs\" › rule 2 › when: \"is_one_of\" is empty; list at least one option",
    ),
    (
        "branch-looks-later",
        E,
        "165:3: question \"tired\" › branch 1 › when: looks at question \"signs\", which is never answered before this one; a branch can only use earlier answers",
    ),
    (
        "dead-end",
        E,
        "168:1: question \"signs\": dead end: this question has no \"next\"; say where to go after it (another question's id, or \"results\")",
    ),
    (
        "dead-end-branches",
        E,
        "154:1: question \"tired\": dead end: when none of its branches apply there is nowhere to go; add a \"next\" to the question",
    ),
    (
        "dead-end-option",
        E,
        "105:1: question \"situation\": dead end: after option \"apart\" there is nowhere to go; give those options a \"next\" or give the question a \"next\"",
    ),
    (
        "dead-end-declined",
        E,
        "122:1: question \"contact\": dead end: after \"prefer not to say\" there is nowhere to go; give the question a \"next\"",
    ),
    (
        "cycle",
        E,
        "162:1: question \"tired\" › next: the flow goes round in a circle: tired → signs → tired; point one of these to a later question or to \"results\"",
    ),
    (
        "unreachable",
        W,
        "122:1: question \"contact\": no path leads to this question, so no reader will see it; point a \"next\" at it or remove it",
    ),
    (
        "bands-overlap",
        E,
        "67:3: dimension \"strain\" › band \"high\": overlaps band \"low\": a score of 2 would be in both; start this band at 3",
    ),
    (
        "bands-gap",
        E,
        "67:3: dimension \"strain\" › band \"high\": leaves a gap after band \"low\": scores 3 to 3 are in no band; start this band at 3",
    ),
    (
        "bands-short",
        E,
        "55:1: dimension \"strain\" › bands: a score of 5 is possible but the highest band ends at 4; end it at 5",
    ),
    (
        "bands-start-late",
        E,
        "55:1: dimension \"strain\" › bands: a score of 0 is possible but the lowest band starts at 1; start it at 0",
    ),
    (
        "band-min-above-max",
        E,
        "74:1: dimension \"hope\" › bands: a score of 2 is possible but the highest band ends at 1; end it at 2",
    ),
    (
        "no-bands",
        E,
        "74:1: dimension \"hope\": \"bands\" is missing here; add it",
    ),
    (
        "unused-dimension",
        W,
        "91:1: dimension \"trust\": no question adds points to this dimension; add \"scores\" to some options or remove it",
    ),
    (
        "article-without-rule",
        E,
        "239:1: article \"burnout-help\": no rule recommends this article, so no reader can be offered it; add a [[recommend]] rule to it",
    ),
    (
        "step-unknown-phase",
        E,
        "248:1: article \"burnout-help\" › step \"burnout-rest\" › phase: there is no phase \"calmm\" (did you mean \"calm\"?); add it to \"phases\" or use an existing one",
    ),
    (
        "no-articles",
        E,
        "1:1: articles: there are no articles; add at least one",
    ),
    (
        "zero-weight",
        W,
        "212:1: article \"keep-calm\" › rule 1 › weight: a weight of zero or less never recommends the article; use a positive weight",
    ),
    (
        "unused-section",
        W,
        "45:1: section \"later\": no question is in this section; remove it or use it",
    ),
    (
        "unused-scale",
        W,
        "54:1: scale \"agree\": no question uses this scale; remove it or use it",
    ),
    (
        "unused-phase",
        W,
        "102:1: phase \"later\": no step is in this phase; remove it or give it steps",
    ),
    (
        "html-in-text",
        E,
        "172:1: question \"signs\" › text: this text contains HTML (<script>); write plain text, since readers see it exactly as written",
    ),
    (
        "html-non-ascii",
        E,
        "172:1: question \"signs\" › text: this text contains HTML (<bxééééééééééééééééé); write plain text, since readers see it exactly as written",
    ),
    (
        "empty-text",
        E,
        "126:1: question \"contact\" › text: this text is empty; write what the reader should see",
    ),
    (
        "empty-band-label",
        E,
        "69:3: dimension \"strain\" › band \"high\" › label: this text is empty; write what the reader should see",
    ),
    (
        "empty-resource-name",
        E,
        "28:3: safety › resource \"\" › name: this text is empty; write what the reader should see",
    ),
    (
        "no-resources",
        E,
        "23:1: quick_exit › tab_title: \"resources\" is missing here; add it",
    ),
    (
        "http-url",
        E,
        "223:1: article \"hope-signs\" › url: \"http://example.org/hope-signs\" is not a web address starting with https://; write the full address",
    ),
    (
        "no-article-on-path",
        E,
        "1:1: a reader who answers situation = \"apart\", contact = \"rarely\", safety = \"safe\", tired = \"never\", signs = [] reaches the results with no article recommended; add a rule that covers her (for example a low-weight rule for a general article)",
    ),
    (
        "article-never-recommended",
        W,
        "239:1: article \"burnout-help\": no path through the questionnaire recommends this article; check the conditions of its rules",
    ),
    (
        "article-never-first",
        W,
        "239:1: article \"burnout-help\": no path through the questionnaire puts this article first; raise the weight of a rule for the reader it was written for",
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
        let file = format!("{name}.toml");
        let text = read(&broken_dir().join(&file));
        let checked = check_text(&file, &text);
        let wanted = format!("{}: {file}:{message}", level(severity));
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
                .and_then(|n| n.strip_suffix(".toml"))
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

/// Each broken fixture differs from tiny.toml in one place: the checker must not be
/// reporting problems that tiny.toml itself has.
#[test]
fn tiny_is_clean() {
    let text = read(&root().join("tests/fixtures/tiny.toml"));
    let checked = check_text("tiny.toml", &text);
    assert!(
        checked.diagnostics.is_empty(),
        "tiny.toml should have no problems:\n{}",
        shown(&checked.diagnostics)
    );
    let q = checked.questionnaire.expect("tiny.toml builds");
    assert_eq!(q.file().questions.len(), 5);
    assert!(
        checked.coverage.complete,
        "tiny.toml is small enough to check every path"
    );
    assert!(checked.coverage.paths > 0 && checked.coverage.states > 0);
    assert!(load("tiny.toml", &text).is_ok());
}

#[test]
fn a_byte_order_mark_and_tabs_are_fine() {
    for name in ["bom.toml", "tabs.toml"] {
        let text = read(&root().join("tests/fixtures").join(name));
        let checked = check_text(name, &text);
        assert!(
            checked.diagnostics.is_empty(),
            "{name}:\n{}",
            shown(&checked.diagnostics)
        );
        let tiny = load("tiny.toml", &read(&root().join("tests/fixtures/tiny.toml"))).unwrap();
        assert_eq!(
            checked.questionnaire.expect("it builds").file(),
            tiny.file(),
            "{name} reads as tiny.toml does"
        );
    }
}

#[test]
fn every_syntax_slip_is_reported_at_once() {
    let text = read(&broken_dir().join("syntax-many.toml"));
    let checked = check_text("many.toml", &text);
    let lines: Vec<String> = checked.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(lines.len(), 2, "{lines:#?}");
    assert!(lines[0].starts_with("error: many.toml:2:"), "{lines:#?}");
    assert!(lines[1].starts_with("error: many.toml:118:"), "{lines:#?}");
}

#[test]
fn diagnostics_display_as_level_file_line_places_and_message() {
    let d = Diagnostic {
        severity: Severity::Warning,
        file: "a.toml".into(),
        line: 12,
        column: 3,
        place: vec!["question \"x\"".to_string(), "next".into()].into(),
        message: "something".into(),
    };
    assert_eq!(
        d.to_string(),
        "warning: a.toml:12:3: question \"x\" › next: something"
    );
    let d = Diagnostic {
        severity: Severity::Error,
        file: "a.toml".into(),
        line: 0,
        column: 0,
        place: Default::default(),
        message: "m".into(),
    };
    assert_eq!(d.to_string(), "error: a.toml: m");
}

/// tiny.toml as the model in JSON, to be changed in place by a test.
fn tiny_value() -> serde_json::Value {
    let q = load("tiny.toml", &read(&root().join("tests/fixtures/tiny.toml")))
        .expect("tiny.toml loads");
    serde_json::to_value(q.file()).expect("the model serialises")
}

/// Checks a changed model (no file lines: the model has none).
fn check_value(name: &str, v: &serde_json::Value) -> Checked {
    let file: QuestionnaireFile =
        serde_json::from_value(v.clone()).expect("still the model's shape");
    check(name, file)
}

fn question<'a>(v: &'a mut serde_json::Value, id: &str) -> &'a mut serde_json::Value {
    v["questions"]
        .as_array_mut()
        .and_then(|qs| qs.iter_mut().find(|q| q["id"] == id))
        .unwrap_or_else(|| panic!("tiny.toml has question {id}"))
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
    let checked = check_value("many", &v);
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
    assert!(has("warning: many: section \"later\""), "{lines:#?}");
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
    assert_eq!(
        checked
            .diagnostics
            .iter()
            .filter(|d| d.severity == E)
            .count(),
        2,
        "{lines:#?}"
    );
}

#[test]
fn no_suggestion_when_nothing_is_close() {
    let mut v = tiny_value();
    question(&mut v, "safety")["next"] = "zzzzzz".into();
    let checked = check_value("far", &v);
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
    let checked = check_value("optional", &v);
    assert!(
        checked.diagnostics.is_empty(),
        "{}",
        shown(&checked.diagnostics)
    );

    // An option label and an article summary are read by the reader.
    v["questions"][0]["options"][0]["label"] = " ".into();
    v["articles"][1]["summary"] = "".into();
    let checked = check_value("seen", &v);
    let lines: Vec<String> = checked.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(lines.contains(
        &"error: seen: question \"situation\" › option \"home\": this text is empty; write what the reader should see".to_string()
    ), "{lines:#?}");
    assert!(lines.contains(
        &"error: seen: article \"hope-signs\" › summary: this text is empty; write what the reader should see".to_string()
    ), "{lines:#?}");
}

#[test]
fn plain_angle_brackets_are_not_html() {
    let mut v = tiny_value();
    question(&mut v, "signs")["text"] = "Is it < 3 times a week, or > 3? I <3 him".into();
    let checked = check_value("angles", &v);
    assert!(
        checked.diagnostics.is_empty(),
        "{}",
        shown(&checked.diagnostics)
    );
    for tag in ["<b>bold</b>", "<!-- note -->", "</p>", "<img src=x>"] {
        question(&mut v, "signs")["text"] = format!("Which signs {tag} have you seen?").into();
        let checked = check_value("tag", &v);
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
    let text = read(&broken_dir().join("cycle.toml"));
    let checked = check_text("cycle.toml", &text);
    assert!(checked.questionnaire.is_none());
    assert_eq!(
        checked.coverage,
        Default::default(),
        "paths are not explored on a cyclic graph"
    );
}

/// tiny.toml as a folder: the questions in one part, the texts around them in another, and
/// each article in `articles/<id>.toml`, as the author's own folder is laid out.
fn tiny_folder(edit: impl Fn(&str, String) -> String) -> Vec<Source> {
    let tiny = read(&root().join("tests/fixtures/tiny.toml"));
    let (head, articles) = tiny.split_once("[[articles]]").expect("tiny has articles");
    let (top, rest) = head
        .split_once("# What the home screen says.")
        .expect("the about table");
    let (around, flow) = rest.split_once("# Sections group").expect("the sections");
    let mut sources = vec![
        Source::new(
            "q/questions.toml",
            edit("questions.toml", format!("{top}# Sections group{flow}")),
        ),
        Source::new(
            "q/safety-and-about.toml",
            edit("safety-and-about.toml", around.to_string()),
        ),
    ];
    for article in articles.split("[[articles]]") {
        let (id_line, body) = article.trim_start().split_once('\n').expect("an id line");
        let id = id_line.trim_start_matches("id = \"").trim_end_matches('"');
        let name = format!("articles/{id}.toml");
        let body = body.replace("[[articles.", "[[");
        sources.push(Source::new(format!("q/{name}"), edit(&name, body)));
    }
    sources
}

fn lines_of(checked: &Checked) -> Vec<String> {
    checked.diagnostics.iter().map(|d| d.to_string()).collect()
}

#[test]
fn a_folder_reads_as_the_same_questionnaire_and_points_at_the_right_file() {
    let checked = check_sources(&tiny_folder(|_, text| text));
    assert!(checked.diagnostics.is_empty(), "{:#?}", lines_of(&checked));
    let tiny = load("tiny.toml", &read(&root().join("tests/fixtures/tiny.toml"))).unwrap();
    let folder = checked.questionnaire.expect("the folder builds");
    let mut by_file = tiny.file().clone();
    // Articles come in file-name order from a folder.
    by_file.articles.sort_by(|a, b| a.id.cmp(&b.id));
    let order: Vec<&str> = by_file.articles.iter().map(|a| a.id.as_str()).collect();
    by_file
        .recommendations
        .sort_by_key(|r| order.iter().position(|a| *a == r.article));
    assert_eq!(folder.file(), &by_file);

    // A mistake in an article is reported in that article's file, at its line.
    let checked = check_sources(&tiny_folder(|name, text| {
        if name == "articles/hope-signs.toml" {
            text.replace("includes = \"talks\"", "includes = \"talk\"")
        } else {
            text
        }
    }));
    let lines = lines_of(&checked);
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert!(
        lines[0].starts_with("error: q/articles/hope-signs.toml:12:1: article \"hope-signs\" › rule 1 › when: question \"signs\" has no option \"talk\" (did you mean \"talks\"?)"),
        "{lines:#?}"
    );
}

#[test]
fn an_article_files_id_is_its_name() {
    let checked = check_sources(&tiny_folder(|name, text| {
        if name == "articles/keep-calm.toml" {
            format!("id = \"calm\"\n{text}")
        } else {
            text
        }
    }));
    let lines = lines_of(&checked);
    assert!(
        lines.iter().any(|l| l.contains("this file is articles/keep-calm.toml, so the article's id is \"keep-calm\", not \"calm\"")),
        "{lines:#?}"
    );
}

#[test]
fn a_question_used_twice_and_missing_looks_renamed_and_no_other_question_is_offered() {
    // "contact" renamed to "talk_often", but the option that leads there still says "contact",
    // and so does a rule.
    let checked = check_sources(&tiny_folder(|name, text| match name {
        "questions.toml" => text.replace("id = \"contact\"", "id = \"talk_often\""),
        "articles/keep-calm.toml" => text.replace(
            "when = { answer = \"situation\", is = \"home\" }",
            "when = { answer = \"contact\", is = \"often\" }",
        ),
        _ => text,
    }));
    let errors: Vec<String> = checked
        .diagnostics
        .iter()
        .filter(|d| d.severity == E)
        .map(|d| d.to_string())
        .collect();
    assert_eq!(errors.len(), 2, "{errors:#?}");
    for e in &errors {
        assert!(
            e.contains("there is no question \"contact\": it looks renamed or removed, and 2 places still use it: "),
            "{e}"
        );
        assert!(
            e.contains("question \"situation\" › option \"apart\" › next (questions.toml line "),
            "{e}"
        );
        assert!(
            e.contains("article \"keep-calm\" › rule 1 › when (keep-calm.toml line "),
            "{e}"
        );
        assert!(!e.contains("did you mean"), "{e}");
    }
}

#[test]
fn a_deleted_question_is_not_replaced_by_its_neighbour() {
    // "signs" deleted: "tired" still leads there. "sings"-like neighbours must not be offered.
    let mut v = tiny_value();
    v["questions"]
        .as_array_mut()
        .unwrap()
        .retain(|q| q["id"] != "signs");
    v["recommendations"]
        .as_array_mut()
        .unwrap()
        .retain(|r| r["when"]["answer"] != "signs");
    v["recommendations"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({
            "article": "hope-signs", "when": {"answer": "contact", "is": "often"}, "weight": 1
        }));
    question(&mut v, "tired")["next"] = "sign".into();
    let file: QuestionnaireFile = serde_json::from_value(v).unwrap();
    let ids: Vec<String> = file.questions.iter().map(|q| q.id.to_string()).collect();
    let mut checked = check("deleted", file);
    author::check::missing_questions(&mut checked.diagnostics, &ids);
    let d = checked
        .diagnostics
        .iter()
        .find(|d| d.place == ["question \"tired\"", "next"])
        .expect("the dangling next is reported");
    assert!(
        d.message.contains("it looks renamed or removed"),
        "{}",
        d.message
    );
    assert!(!d.message.contains("did you mean"), "{}", d.message);
}

#[test]
fn named_conditions_are_used_by_name() {
    let named = "[conditions]\nliving_apart = { answer = \"situation\", is = \"apart\" }\nat_home = { not = { condition = \"living_apart\" } }\nunused = { red_flag = true }\n\n";
    let checked = check_sources(&tiny_folder(|name, text| match name {
        "questions.toml" => {
            text.replacen("# Sections group", &format!("{named}# Sections group"), 1)
        }
        "articles/keep-calm.toml" => text.replace(
            "when = { answer = \"situation\", is = \"home\" }",
            "when = { condition = \"at_home\" }",
        ),
        "articles/hope-signs.toml" => text.replace(
            "when = { answer = \"situation\", is = \"apart\" }",
            "when = { condition = \"living_apart\" }",
        ),
        _ => text,
    }));
    let lines = lines_of(&checked);
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert!(
        lines[0].starts_with("warning: q/questions.toml:10:10: condition \"unused\": no branch or rule uses this condition"),
        "{lines:#?}"
    );
    let q = checked.questionnaire.expect("it builds");
    let calm = q
        .file()
        .recommendations
        .iter()
        .find(|r| r.article == "keep-calm")
        .expect("keep-calm's first rule");
    assert!(
        matches!(calm.when, engine::model::Condition::Not(_)) && calm.when.name().is_none(),
        "{:?}",
        calm.when
    );

    // A name that is not defined, and one defined by way of itself.
    let checked = check_sources(&tiny_folder(|name, text| match name {
        "questions.toml" => text.replacen(
            "# Sections group",
            "[conditions]\nloop = { any = [{ condition = \"loop\" }] }\n\n# Sections group",
            1,
        ),
        "articles/keep-calm.toml" => text
            .replace(
                "when = { answer = \"situation\", is = \"home\" }",
                "when = { condition = \"lop\" }",
            )
            .replace(
                "when = { score = \"strain\", at_least = 0 }",
                "when = { condition = \"loop\" }",
            ),
        _ => text,
    }));
    let lines = lines_of(&checked);
    assert!(
        lines.iter().any(|l| l.contains("article \"keep-calm\" › rule 1 › when: there is no condition named \"lop\" (did you mean \"loop\"?)")),
        "{lines:#?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("the condition \"loop\" is defined by way of itself")),
        "{lines:#?}"
    );
    assert!(checked.questionnaire.is_none());
}

#[test]
fn shape_messages_are_reworded_for_a_writer() {
    use author::load::plain_shape_message;
    let cases = [
        (
            "unknown field `lable`, expected one of `id`, `label`, `next`",
            "there is no \"lable\" here (did you mean \"label\"?); the names allowed here are \"id\", \"label\", \"next\"",
        ),
        ("missing field `author`", "\"author\" is missing here; add it"),
        (
            "unknown variant `singel`, expected one of `single`, `multiple`",
            "\"singel\" is not allowed here; use one of \"single\", \"multiple\"",
        ),
        (
            "invalid type: string \"one\", expected u32",
            "this should be a whole number (no quotes), but it is string \"one\"",
        ),
        (
            "invalid type: string \"yes\", expected a boolean",
            "this should be true or false (no quotes), but it is string \"yes\"",
        ),
        (
            "invalid type: integer `3`, expected a string",
            "this should be a text in quotes, but it is integer `3`",
        ),
        (
            "invalid type: string \"a\", expected a sequence",
            "this should be a list in [ ], but it is string \"a\"",
        ),
        ("something `else`\n", "something \"else\""),
    ];
    for (raw, want) in cases {
        assert_eq!(plain_shape_message(raw), want, "{raw}");
    }
}

#[test]
fn a_danger_sign_needs_urgent_help_to_show() {
    let mut v = tiny_value();
    assert!(
        check_value("tiny", &v).questionnaire.is_some(),
        "tiny is clean"
    );
    v["safety"]["urgent"] = serde_json::Value::Null;
    let checked = check_value("no-urgent", &v);
    let d = checked
        .diagnostics
        .iter()
        .find(|d| d.place == ["question \"safety\"", "option \"choked\""])
        .expect("a danger sign without urgent help is reported at its option");
    assert_eq!(d.severity, E);
    assert!(
        d.message
            .contains("add [safety.urgent] to safety-and-about.toml"),
        "{}",
        d.message
    );

    // Urgent help with no one to call is a mistake too.
    let mut v = tiny_value();
    v["safety"]["urgent"]["resources"] = serde_json::json!([]);
    let checked = check_value("no-one-to-call", &v);
    assert!(
        checked
            .diagnostics
            .iter()
            .any(|d| d.severity == E && d.place == ["safety", "urgent", "resources"]),
        "{:#?}",
        checked.diagnostics
    );
}
