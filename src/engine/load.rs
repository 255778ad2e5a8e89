//! Loading a questionnaire: phase one reads the author's TOML files into the model (`source.rs`,
//! with file, line and column for every mistake), phase two (`check/`) resolves and analyses
//! it; every problem found in phase two is then pointed at its line.

use super::check::{check_with, missing_questions, Checked, Coverage};
use super::diagnostic::{suggestion, Diagnostic, Severity};
use super::model::QuestionnaireFile;
use super::questionnaire::Questionnaire;
use super::source::{read, Source};

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

/// Loads the content embedded in the app. `build.rs` already ran every check on it (a problem
/// fails the build) and encoded it with postcard, so this is a decode and the indexes: none of
/// the checker's code, or a parser for the author's format, ships to the reader. Any failure is
/// still an error, not a panic.
#[inline(never)]
pub fn load_built(bytes: &[u8]) -> Result<Questionnaire, String> {
    let file: QuestionnaireFile = postcard::from_bytes(bytes).map_err(|e| e.to_string())?;
    built(file)
}

/// The indexes and flow of a file the build already checked.
fn built(file: QuestionnaireFile) -> Result<Questionnaire, String> {
    Questionnaire::build(file).ok_or_else(|| "its questions do not form a usable flow".into())
}

/// The parts of a questionnaire only the results need: the plan's phases, the articles, the
/// rules that recommend them, and the steps that open the plan after a red flag. The app's first load carries the rest (everything the home page
/// and the questions need) and fetches these once she starts, so the first screen comes sooner.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct Findings {
    /// Phases of the action plan.
    pub phases: Vec<super::model::Phase>,
    /// The articles.
    pub articles: Vec<super::model::Article>,
    /// The rules that recommend them.
    pub recommendations: Vec<super::model::Recommendation>,
    /// The safety steps that open the plan after a red flag (the plan is on the results).
    pub safety_steps: Vec<super::model::SafetyStep>,
    /// The crisis steps that open it when self-harm is her only red flag.
    pub crisis_steps: Vec<super::model::SafetyStep>,
}

impl Findings {
    /// Takes the findings out of `file`, leaving the part the questions need.
    pub fn split(mut file: QuestionnaireFile) -> (QuestionnaireFile, Findings) {
        let findings = Findings {
            phases: std::mem::take(&mut file.phases),
            articles: std::mem::take(&mut file.articles),
            recommendations: std::mem::take(&mut file.recommendations),
            safety_steps: std::mem::take(&mut file.safety.steps),
            crisis_steps: file
                .safety
                .crisis
                .as_mut()
                .map(|c| std::mem::take(&mut c.steps))
                .unwrap_or_default(),
        };
        (file, findings)
    }

    /// The whole questionnaire again, from the build's postcard of both parts: `flow` (as
    /// [`load_built`] reads it) and the findings (fetched).
    #[inline(never)]
    pub fn join(flow: &[u8], findings: &[u8]) -> Result<Questionnaire, String> {
        let findings: Findings = postcard::from_bytes(findings).map_err(|e| e.to_string())?;
        let mut file: QuestionnaireFile = postcard::from_bytes(flow).map_err(|e| e.to_string())?;
        file.phases = findings.phases;
        file.articles = findings.articles;
        file.recommendations = findings.recommendations;
        file.safety.steps = findings.safety_steps;
        if let Some(c) = file.safety.crisis.as_mut() {
            c.steps = findings.crisis_steps;
        }
        built(file)
    }
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
