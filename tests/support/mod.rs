//! Shared by the native engine tests: the tiny fixture questionnaire, loaded as it is or with an
//! edit, and short ways to write answers.

#![allow(dead_code)] // Each test file uses its own share of these.

use engine::{Answer, Questionnaire, QuestionnaireFile};

use author::{check, load, Severity};

/// The text of `tests/fixtures/tiny.toml`.
pub fn tiny_text() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/tiny.toml"
    ))
    .expect("tests/fixtures/tiny.toml")
}

/// tiny.toml, loaded.
pub fn tiny() -> Questionnaire {
    load("tiny.toml", &tiny_text()).expect("tiny.toml loads")
}

/// tiny.toml changed by `edit` (made on the model, as JSON), checked and loaded (it must still
/// pass the checker). Its rules come article by article: keep-calm (home +2, always +1),
/// hope-signs (talks +2, apart +1), burnout-help (high strain +5).
pub fn tiny_with(edit: impl FnOnce(&mut serde_json::Value)) -> Questionnaire {
    let mut v = serde_json::to_value(tiny().file()).expect("the model serialises");
    edit(&mut v);
    let file: QuestionnaireFile =
        serde_json::from_value(v).expect("the edit keeps the model's shape");
    let checked = check("changed", file);
    let errors: Vec<String> = checked
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.to_string())
        .collect();
    checked.questionnaire.unwrap_or_else(|| {
        panic!(
            "the changed questionnaire should load:\n{}",
            errors.join("\n")
        )
    })
}

/// A question of the file being edited, by id.
pub fn question<'a>(v: &'a mut serde_json::Value, id: &str) -> &'a mut serde_json::Value {
    v["questions"]
        .as_array_mut()
        .and_then(|qs| qs.iter_mut().find(|q| q["id"] == id))
        .unwrap_or_else(|| panic!("no question {id}"))
}

/// One chosen option.
pub fn one(id: &str) -> Answer {
    Answer::Choice(id.into())
}

/// Ticked options of a checklist.
pub fn ticks(ids: &[&str]) -> Answer {
    Answer::Choices(ids.iter().map(|s| s.to_string()).collect())
}
