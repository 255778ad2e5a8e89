//! The author's checker: phase two of loading. It resolves every reference in a parsed file and
//! analyses the flow graph, collecting every problem rather than stopping at the first.
//!
//! Graph questions (dead ends, cycles, unreachable questions) are answered on the graph, in time
//! linear in its size. Whether every path ends with an article recommended is answered by
//! exploring answer paths within a fixed budget: all of them when there are few enough, and a
//! deterministic sample otherwise (the summary says which).
//!
//! One file per concern: `ids`, `texts`, `references` (questions, conditions, articles),
//! `bands`, `flow` (the graph), `paths` (every path ends with an article) and `explorer` (the
//! path search it uses).

use super::diagnostic::{suggestion, Diagnostic, Severity};
use engine::answer::Answer;
use engine::model::{Condition, Form, Kind, Question, QuestionnaireFile, Scores, RESULTS};
use engine::questionnaire::{successors_of, topological_order, Questionnaire, Target};
use engine::report::rank_positions;
use engine::walk::{add_points, holds, next_after, Facts};
use rustc_hash::FxHashMap as HashMap;
use std::collections::HashSet;

mod bands;
mod explorer;
mod flow;
mod ids;
mod paths;
mod references;
mod safety;
mod texts;

pub use bands::score_range;
use bands::{check_dimensions, no_negative_points};
use explorer::Explorer;
use flow::check_graph;
use ids::check_ids;
use paths::check_paths;
use paths::{classes, thresholds, Rules};
use references::{check_articles, check_questions};
use safety::check_safety;
use texts::check_texts;

/// How far the path exploration went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Coverage {
    /// Answer paths followed to the results (paths that agree on everything a condition can
    /// see are followed once).
    pub paths: usize,
    /// Distinct situations (question, scores, answers conditions look at) explored.
    pub states: usize,
    /// True when every path was checked, false when a sample was.
    pub complete: bool,
}

/// The outcome of checking one file.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The questionnaire, when there were no errors.
    pub questionnaire: Option<Questionnaire>,
    /// Every problem found, errors first.
    pub diagnostics: Vec<Diagnostic>,
    /// How many answer paths were checked.
    pub coverage: Coverage,
}

/// Answer-path exploration budget: questions visited in all.
const STEP_BUDGET: usize = 120_000;
/// Answer-path exploration budget: distinct situations.
const STATE_BUDGET: usize = 40_000;

struct Ctx<'a> {
    file: &'a str,
    out: Vec<Diagnostic>,
}

impl Ctx<'_> {
    fn error(&mut self, place: &[String], message: impl Into<String>) {
        self.push(Severity::Error, place, message);
    }
    fn warn(&mut self, place: &[String], message: impl Into<String>) {
        self.push(Severity::Warning, place, message);
    }
    fn push(&mut self, severity: Severity, place: &[String], message: impl Into<String>) {
        self.out.push(Diagnostic {
            severity,
            file: self.file.to_string(),
            line: 0,
            column: 0,
            place: place.into(),
            message: message.into(),
        });
    }
}

fn at(parts: &[&str]) -> Vec<String> {
    parts.iter().map(|s| s.to_string()).collect()
}

fn q_place(question: &Question) -> String {
    format!("question \"{}\"", question.id)
}

/// Checks a parsed file fully (including every answer path) and, if it has no errors, builds
/// the questionnaire.
pub fn check(file_name: &str, file: QuestionnaireFile) -> Checked {
    check_with(file_name, file, true)
}

/// Checks a parsed file; `explore_paths: false` skips the answer-path exploration (the app
/// does this at start-up for content the build already checked in full).
pub fn check_with(file_name: &str, file: QuestionnaireFile, explore_paths: bool) -> Checked {
    let mut cx = Ctx {
        file: file_name,
        out: Vec::new(),
    };
    let questions = check_ids(&mut cx, &file);
    check_texts(&mut cx, &file);
    check_questions(&mut cx, &file, &questions);
    check_dimensions(&mut cx, &file);
    check_articles(&mut cx, &file);
    check_safety(&mut cx, &file);
    let graph = check_graph(&mut cx, &file, &questions);

    let mut coverage = Coverage::default();
    let has_errors = cx.out.iter().any(|d| d.severity == Severity::Error);
    let questionnaire = match graph {
        Some(successors) if !has_errors => Questionnaire::from_parts(file, questions, successors),
        _ => None,
    };
    if let Some(q) = questionnaire.as_ref().filter(|_| explore_paths) {
        coverage = check_paths(&mut cx, q);
    }
    let mut diagnostics = cx.out;
    diagnostics.sort_by_key(|d| d.severity);
    let questionnaire =
        questionnaire.filter(|_| !diagnostics.iter().any(|d| d.severity == Severity::Error));
    Checked {
        questionnaire,
        diagnostics,
        coverage,
    }
}

/// Says, for every question id used but missing, whether it is a likely typo (one letter
/// wrong, missing, extra or swapped, in the one place that uses it: "did you mean") or looks
/// renamed or removed (then every place that still uses it is listed, and no existing question
/// is suggested, since following such a hint would silently change the flow).
pub fn missing_questions(out: &mut [Diagnostic], ids: &[String]) {
    const HEAD: &str = "there is no question \"";
    let missing = |d: &Diagnostic| -> Option<String> {
        let rest = d.message.strip_prefix(HEAD)?;
        rest.split_once('"').map(|(id, _)| id.to_string())
    };
    let mut users: HashMap<String, Vec<String>> = HashMap::default();
    for d in out.iter() {
        if let Some(id) = missing(d) {
            let file = d.file.rsplit('/').next().unwrap_or(&d.file);
            let at = if d.line > 0 {
                format!(" ({file} line {})", d.line)
            } else {
                String::new()
            };
            users
                .entry(id)
                .or_default()
                .push(format!("{}{at}", d.place));
        }
    }
    for d in out.iter_mut() {
        let Some(id) = missing(d) else { continue };
        let places = &users[&id];
        let typo = (places.len() == 1)
            .then(|| ids.iter().find(|c| strsim::osa_distance(&id, c) == 1))
            .flatten();
        let rest = d.message[HEAD.len() + id.len() + 1..].to_string();
        d.message = match typo {
            Some(c) => format!("{HEAD}{id}\" (did you mean \"{c}\"?){rest}"),
            None => format!(
                "{HEAD}{id}\": it looks renamed or removed, and {} still use{} it: {}; if you renamed it, use the new id in each place; if you removed it, point each to the question that should come instead",
                if places.len() == 1 { "one place".to_string() } else { format!("{} places", places.len()) },
                if places.len() == 1 { "s" } else { "" },
                places.join("; ")
            ),
        };
    }
}
