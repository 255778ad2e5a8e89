//! The committed JSON Schema matches the file format the engine reads.

use where_we_stand::engine::QuestionnaireFile;

const SCHEMA: &str = "questionnaires/questionnaire.schema.json";
const REGENERATE: &str =
    "cargo run -q --bin questionnaire -- schema > questionnaires/questionnaire.schema.json";

/// What `questionnaire schema` prints (it ends with a newline).
fn generated() -> String {
    let schema = schemars::schema_for!(QuestionnaireFile);
    serde_json::to_string_pretty(&schema).expect("the schema serialises") + "\n"
}

fn committed() -> String {
    let path = format!("{}/{SCHEMA}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!("cannot read {SCHEMA} ({e}); create it with:\n\n    {REGENERATE}\n")
    })
}

#[test]
fn committed_schema_is_up_to_date() {
    let (committed, generated) = (committed(), generated());
    if committed != generated {
        let line = committed
            .lines()
            .zip(generated.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| committed.lines().count().min(generated.lines().count()))
            + 1;
        panic!(
            "{SCHEMA} is out of date with the file format in src/engine/model.rs \
             (first difference at line {line}); regenerate it with:\n\n    {REGENERATE}\n"
        );
    }
}

#[test]
fn schema_describes_the_format() {
    let schema: serde_json::Value = serde_json::from_str(&committed()).expect("the schema is JSON");
    assert_eq!(schema["title"], "QuestionnaireFile");
    assert_eq!(schema["type"], "object");
    // Unknown fields are errors in the engine, so editors flag them too.
    assert_eq!(schema["additionalProperties"], false);
    let required: Vec<&str> = schema["required"]
        .as_array()
        .expect("required fields")
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    for field in [
        "id",
        "title",
        "version",
        "start",
        "questions",
        "articles",
        "recommendations",
    ] {
        assert!(required.contains(&field), "{field} should be required");
    }
    for def in [
        "Question",
        "AnswerOption",
        "Condition",
        "Dimension",
        "Band",
        "Article",
        "Step",
        "Recommendation",
    ] {
        assert!(schema["$defs"][def].is_object(), "the schema defines {def}");
    }
    let kinds = &schema["$defs"]["Kind"];
    let text = kinds.to_string();
    for kind in ["single", "multiple", "scale"] {
        assert!(
            text.contains(&format!("\"{kind}\"")),
            "Kind allows {kind}: {text}"
        );
    }
}

/// The shipped questionnaire points editors at the schema beside it.
#[test]
fn check_in_names_the_schema() {
    let path = format!(
        "{}/questionnaires/check-in.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(path).expect("check-in.json");
    let v: serde_json::Value = serde_json::from_str(&text).expect("check-in.json is JSON");
    assert_eq!(v["$schema"], "questionnaire.schema.json");
}
