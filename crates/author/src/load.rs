//! Loading a questionnaire: phase one reads the author's TOML files into the model (`source.rs`,
//! with file, line and column for every mistake), phase two (`check/`) resolves and analyses
//! it; every problem found in phase two is then pointed at its line.

use super::check::{check_with, missing_questions, Checked, Coverage};
use super::diagnostic::{suggestion, Diagnostic, Severity};
use super::source::{read, Source};
use engine::Questionnaire;

/// Why a questionnaire could not be loaded.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{} problem(s) in the questionnaire", .0.len())]
pub struct LoadError(pub Vec<Diagnostic>);

/// Reads and checks the author's files fully (every answer path included).
pub fn check_sources(sources: &[Source]) -> Checked {
    check_sources_with(sources, true)
}

/// Reads and checks the author's files; `explore_paths: false` skips the answer-path
/// exploration (for content already checked in full).
pub fn check_sources_with(sources: &[Source], explore_paths: bool) -> Checked {
    let read = read(sources);
    let Some(file) = read.file else {
        let mut diagnostics = read.diagnostics;
        sort(&mut diagnostics);
        return Checked {
            questionnaire: None,
            diagnostics,
            coverage: Coverage::default(),
        };
    };
    let ids: Vec<String> = file.questions.iter().map(|q| q.id.to_string()).collect();
    let mut checked = check_with("", file, explore_paths);
    for d in &mut checked.diagnostics {
        read.places.locate(d);
    }
    missing_questions(&mut checked.diagnostics, &ids);
    let mut diagnostics = read.diagnostics;
    diagnostics.append(&mut checked.diagnostics);
    sort(&mut diagnostics);
    if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        checked.questionnaire = None;
    }
    checked.diagnostics = diagnostics;
    checked
}

/// Errors first, then by file and line, so she can work down the list.
fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (a.severity, &a.file, a.line, a.column).cmp(&(b.severity, &b.file, b.line, b.column))
    });
}

/// Reads, checks and builds a questionnaire; any error (not warnings) fails it.
pub fn load_sources(sources: &[Source]) -> Result<Questionnaire, LoadError> {
    only_errors(check_sources(sources))
}

/// [`load_sources`] without the answer-path exploration, for content already checked in full.
pub fn load_sources_prechecked(sources: &[Source]) -> Result<Questionnaire, LoadError> {
    only_errors(check_sources_with(sources, false))
}

fn only_errors(checked: Checked) -> Result<Questionnaire, LoadError> {
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

/// Checks a whole questionnaire written in one file (articles as `[[articles]]`).
pub fn check_text(name: &str, text: &str) -> Checked {
    check_sources(&[Source::new(name, text)])
}

/// Loads a whole questionnaire written in one file; any error fails it.
pub fn load(name: &str, text: &str) -> Result<Questionnaire, LoadError> {
    load_sources(&[Source::new(name, text)])
}

/// serde's message about a value of the wrong shape, reworded for an author where it helps.
pub fn plain_shape_message(raw: &str) -> String {
    let raw = raw.trim().trim_end_matches('\n');
    if let Some(rest) = raw.strip_prefix("unknown field `") {
        if let Some((field, expected)) = rest.split_once("`, expected ") {
            let candidates: Vec<&str> = expected
                .split('`')
                .filter(|s| !s.is_empty() && !s.contains(' ') && *s != ",")
                .collect();
            return format!(
                "there is no \"{field}\" here{}; the names allowed here are {}",
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
        return format!("\"{field}\" is missing here; add it");
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
    if let Some(rest) = raw.strip_prefix("invalid type: ") {
        let (found, expected) = rest
            .split_once(", expected ")
            .unwrap_or((rest, "something else"));
        let expected = match expected {
            "u32" | "i64" | "u64" | "i32" => "a whole number (no quotes)",
            "a boolean" => "true or false (no quotes)",
            "a string" => "a text in quotes",
            "a sequence" => "a list in [ ]",
            other => other,
        };
        return format!("this should be {expected}, but it is {found}");
    }
    raw.replace('`', "\"")
}
