//! Loading a questionnaire: phase one parses the JSON into the file's shape (serde, with
//! line and column for every mistake), phase two (`check.rs`) resolves and analyses it.

use super::check::{check, check_with, Checked, Coverage};
use super::diagnostic::{suggestion, Diagnostic, Severity};
use super::model::QuestionnaireFile;
use super::questionnaire::Questionnaire;

/// Why a questionnaire could not be loaded.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{} problem(s) in the questionnaire", .0.len())]
pub struct LoadError(pub Vec<Diagnostic>);

/// Parses and checks a questionnaire file's text. `name` is the file name used in messages.
pub fn check_text(name: &str, text: &str) -> Checked {
    match parse(name, text) {
        Ok(file) => check(name, file),
        Err(d) => Checked {
            questionnaire: None,
            diagnostics: vec![d],
            coverage: Coverage::default(),
        },
    }
}

/// Parses, checks and builds a questionnaire; any error (not warnings) fails it.
pub fn load(name: &str, text: &str) -> Result<Questionnaire, LoadError> {
    let checked = check_text(name, text);
    match checked.questionnaire {
        Some(q) => Ok(q),
        None => Err(LoadError(
            checked
                .diagnostics
                .into_iter()
                .filter(|d| d.severity == Severity::Error)
                .collect(),
        )),
    }
}

/// Loads content the build already checked in full: the same checks, minus the answer-path
/// exploration, so start-up stays fast. Any error still fails it.
pub fn load_prechecked(name: &str, text: &str) -> Result<Questionnaire, LoadError> {
    let file = parse(name, text).map_err(|d| LoadError(vec![d]))?;
    let checked = check_with(name, file, false);
    checked.questionnaire.ok_or_else(|| {
        LoadError(
            checked
                .diagnostics
                .into_iter()
                .filter(|d| d.severity == Severity::Error)
                .collect(),
        )
    })
}

/// Loads the content embedded in the app. `build.rs` already ran every check on it (a problem
/// fails the build) and encoded it with postcard, so this is a decode and the indexes: none of
/// the checker's code, or a JSON parser for these types, ships to the reader. Any failure is
/// still an error, not a panic.
#[inline(never)]
pub fn load_built(bytes: &[u8]) -> Result<Questionnaire, String> {
    let file: QuestionnaireFile = postcard::from_bytes(bytes).map_err(|e| e.to_string())?;
    Questionnaire::build(file).ok_or_else(|| "its questions do not form a usable flow".into())
}

/// Phase one: the JSON's syntax and shape.
pub fn parse(name: &str, text: &str) -> Result<QuestionnaireFile, Diagnostic> {
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize::<_, QuestionnaireFile>(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let (line, column) = (inner.line(), inner.column());
        let mut place = vec![format!("line {line}, column {column}")];
        if path != "." && !inner.is_syntax() && !inner.is_eof() {
            place.push(path);
        }
        Diagnostic {
            severity: Severity::Error,
            file: name.to_string(),
            place,
            message: plain_serde_message(&inner),
        }
    })
}

/// serde's message, reworded for an author where it helps.
fn plain_serde_message(e: &serde_json::Error) -> String {
    let raw = e.to_string();
    // serde_json appends " at line L column C"; the place already says where.
    let raw = raw
        .rsplit_once(" at line ")
        .map_or(raw.as_str(), |(m, _)| m)
        .to_string();
    if e.is_eof() {
        return format!(
            "the file ends too early ({raw}); a closing bracket or brace is probably missing"
        );
    }
    if e.is_syntax() {
        return format!("this is not valid JSON ({raw}); look for a missing comma, quote or bracket just before here");
    }
    if let Some(rest) = raw.strip_prefix("unknown field `") {
        if let Some((field, expected)) = rest.split_once("`, expected ") {
            let candidates: Vec<&str> = expected
                .split('`')
                .filter(|s| !s.is_empty() && !s.contains(' ') && *s != ",")
                .collect();
            return format!(
                "there is no field \"{field}\" here{}; the fields allowed here are {}",
                suggestion(field, candidates.iter().copied()),
                expected
                    .strip_prefix("one of ")
                    .unwrap_or(expected)
                    .replace('`', "\"")
            );
        }
    }
    if let Some(rest) = raw.strip_prefix("missing field `") {
        let field = rest.trim_end_matches('`');
        return format!("the field \"{field}\" is missing; add it");
    }
    if let Some(rest) = raw.strip_prefix("unknown variant `") {
        if let Some((variant, expected)) = rest.split_once("`, expected ") {
            return format!(
                "\"{variant}\" is not allowed here; use one of {}",
                expected
                    .strip_prefix("one of ")
                    .unwrap_or(expected)
                    .replace('`', "\"")
            );
        }
    }
    raw.replace('`', "\"")
}
