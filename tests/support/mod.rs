//! Shared by the native engine tests: the tiny fixture questionnaire, loaded as it is or with an
//! edit, and short ways to write answers.

#![allow(dead_code)] // Each test file uses its own share of these.

use where_we_stand::engine::{load, Answer, Questionnaire};

/// The text of `tests/fixtures/tiny.json`.
pub fn tiny_text() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/tiny.json"
    ))
    .expect("tests/fixtures/tiny.json")
}

/// tiny.json, loaded.
pub fn tiny() -> Questionnaire {
    load("tiny.json", &tiny_text()).expect("tiny.json loads")
}

/// tiny.json changed by `edit`, loaded (it must still pass the checker).
pub fn tiny_with(edit: impl FnOnce(&mut serde_json::Value)) -> Questionnaire {
    let mut v: serde_json::Value = serde_json::from_str(&tiny_text()).expect("tiny.json parses");
    edit(&mut v);
    load("changed.json", &v.to_string()).unwrap_or_else(|e| {
        let shown: Vec<String> = e.0.iter().map(|d| d.to_string()).collect();
        panic!(
            "the changed questionnaire should load:\n{}",
            shown.join("\n")
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
