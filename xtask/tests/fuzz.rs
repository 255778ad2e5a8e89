//! Bad input never crashes the loader: a short run of `questionnaire fuzz` (the full run is a
//! million inputs, see README), and the inputs that would overflow a parser's stack.

use author::{check_text, Severity};

fn tiny() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/tiny.toml"
    ))
    .expect("tiny.toml")
}

#[test]
fn damaged_questionnaires_load_or_say_why_and_never_panic() {
    let outcome = xtask::fuzz::run(&tiny(), 3_000, 7);
    assert_eq!(outcome.inputs, 3_000);
    assert_eq!(outcome.panics, 0, "{:#?}", outcome.examples);
    assert_eq!(outcome.silent, 0, "{:#?}", outcome.examples);
    assert!(
        outcome.refused > 1_000,
        "most damage is refused: {outcome:?}"
    );
    assert!(outcome.loaded > 100, "some damage is harmless: {outcome:?}");
}

#[test]
fn very_deep_nesting_is_refused_in_plain_words() {
    for deep in [
        format!("a = {}1{}\n", "[".repeat(100_000), "]".repeat(100_000)),
        format!("a = {}\n", "{ b = ".repeat(50_000)),
        tiny().replacen(
            "when = {",
            &format!(
                "when = {}{{ red_flag = true }}{} #",
                "{ not = ".repeat(10_000),
                " }".repeat(10_000)
            ),
            1,
        ),
    ] {
        let checked = check_text("deep.toml", &deep);
        assert!(checked.questionnaire.is_none());
        let d = checked
            .diagnostics
            .iter()
            .find(|d| d.severity == Severity::Error)
            .expect("an error");
        assert!(d.message.contains("nested more than 64 deep"), "{d}");
        assert!(d.line >= 1, "{d}");
    }
}
