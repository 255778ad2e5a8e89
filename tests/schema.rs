//! The committed JSON Schemas match the files the engine reads, so an editor (Taplo / Even
//! Better TOML, through each file's `#:schema` line) completes and underlines what she writes.

use author::source::PART_KEYS;

fn committed(which: &str) -> serde_json::Value {
    let path = format!(
        "{}/questionnaires/schema/{which}.schema.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).expect("the schema is JSON")
}

#[test]
fn the_part_schema_knows_exactly_the_keys_the_reader_reads() {
    let schema = committed("part");
    assert_eq!(schema["additionalProperties"], false);
    let mut keys: Vec<&str> = schema["properties"]
        .as_object()
        .expect("properties")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    let mut expected = PART_KEYS.to_vec();
    expected.sort_unstable();
    assert_eq!(keys, expected);
}

#[test]
fn the_article_and_example_schemas_say_what_is_required() {
    let article = committed("article");
    assert_eq!(article["additionalProperties"], false);
    let required: Vec<&str> = article["required"]
        .as_array()
        .expect("required")
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    for field in ["title", "author", "url", "summary"] {
        assert!(required.contains(&field), "{field} is required");
    }
    assert!(article["properties"]["recommend"].is_object());
    let example = committed("example");
    let required: Vec<&str> = example["required"]
        .as_array()
        .expect("required")
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    assert_eq!(required, ["reader", "answers"]);
}
