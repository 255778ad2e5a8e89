//! The author's example readers: each file in `examples/` says how one imagined reader answers
//! and what she should see (which article first, safety help first or not, steps in her plan).
//! The checker plays each one through the questionnaire and says, in plain words, which example
//! now stops where and what to add, and which article no example puts first.

use super::diagnostic::{Diagnostic, Severity};
use super::source::{role, Lines, Role, Source};
use engine::answer::Answer;
use engine::questionnaire::Questionnaire;
use engine::report::Report;
use engine::session::{Screen, Session};
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::de::{DeTable, DeValue, ValueDeserializer};
use toml::Spanned;

/// One example reader, as the author writes it in `examples/<name>.toml`.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Example {
    /// Who she is, in a sentence or two (from the article's letter or opening situation).
    pub reader: String,
    /// Her answers: `question_id = "option_id"`, a list `["a", "b"]` for a checklist, or
    /// `"prefer_not_to_say"`.
    pub answers: BTreeMap<String, Answer>,
    /// What she should see.
    #[serde(default)]
    pub expect: Expect,
}

/// What an example reader should see on her results.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Expect {
    /// The id of the article that should come first (its file name in `articles/`).
    #[serde(default)]
    pub first_article: Option<String>,
    /// Whether safety help should come first (an answer raised a red flag).
    #[serde(default)]
    pub safety_first: Option<bool>,
    /// Steps (by id) her action plan should include.
    #[serde(default)]
    pub plan_includes: Vec<String>,
    /// Articles (by id) her results should keep for later, once she is safe (advice about the
    /// marriage held back because an answer raised a red flag).
    #[serde(default)]
    pub later_includes: Vec<String>,
}

/// What playing the examples found.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// A problem per failing example, and per article no example puts first.
    pub diagnostics: Vec<Diagnostic>,
    /// A summary line, then one line per example that passes (failures are diagnostics).
    pub lines: Vec<String>,
    /// How many failed (and articles without an example).
    pub failed: usize,
    /// Each example file, played: for the studio's list.
    pub played: Vec<Played>,
}

/// One example reader, played through.
#[derive(Debug, Clone, PartialEq)]
pub struct Played {
    /// Its file.
    pub path: String,
    /// Who she is (empty if the file could not be read).
    pub reader: String,
    /// Her answers.
    pub answers: BTreeMap<String, Answer>,
    /// Whether she sees what the example expects.
    pub passed: bool,
    /// What she sees (which article first), or why the example fails.
    pub reason: String,
}

/// One example, read, with the lines its parts are on.
struct Read<'a> {
    path: &'a str,
    example: Example,
    answers_line: u32,
    answer_lines: BTreeMap<String, u32>,
    expect_line: u32,
}

/// Plays every example among the sources through the questionnaire.
pub fn run(q: &Questionnaire, sources: &[Source]) -> Outcome {
    let mut out = Outcome::default();
    let mut first_for: BTreeMap<String, Vec<String>> = BTreeMap::new();
    // For each article, the examples that expect it first and where it came for them instead.
    let mut missed: BTreeMap<String, Vec<(String, Option<usize>)>> = BTreeMap::new();
    let mut any = false;
    for source in sources.iter().filter(|s| role(&s.path) == Role::Example) {
        any = true;
        let name = source.path.rsplit('/').next().unwrap_or(&source.path);
        let read = match read(source) {
            Ok(r) => r,
            Err(d) => {
                out.played.push(Played {
                    path: source.path.clone(),
                    reader: String::new(),
                    answers: BTreeMap::new(),
                    passed: false,
                    reason: d.message.clone(),
                });
                out.diagnostics.push(d);
                out.failed += 1;
                continue;
            }
        };
        let mut played = Played {
            path: source.path.clone(),
            reader: read.example.reader.clone(),
            answers: read.example.answers.clone(),
            passed: false,
            reason: String::new(),
        };
        match play(q, &read) {
            Ok(report) => {
                if let Some(first) = report.articles.first() {
                    first_for
                        .entry(first.id.clone())
                        .or_default()
                        .push(name.to_string());
                }
                if let Some(wanted) = &read.example.expect.first_article {
                    if report.articles.first().map(|a| &a.id) != Some(wanted) {
                        let place = report.articles.iter().position(|a| &a.id == wanted);
                        missed
                            .entry(wanted.clone())
                            .or_default()
                            .push((name.to_string(), place));
                    }
                }
                let problems = expectations(q, &read, &report);
                if problems.is_empty() {
                    let first = report
                        .articles
                        .first()
                        .map_or("no article".to_string(), |a| format!("\"{}\"", a.id));
                    let runner_up = runner_up(&report);
                    out.lines
                        .push(format!("  ✓ {name}: {first} first{runner_up}"));
                    played.passed = true;
                    played.reason = format!("{first} comes first, as expected");
                } else {
                    played.reason = problems.join("; ");
                    out.failed += 1;
                    out.diagnostics.push(problem(
                        read.path,
                        read.expect_line,
                        vec!["expect".into()],
                        problems.join("; "),
                    ));
                }
            }
            Err(d) => {
                played.reason = d.message.clone();
                out.failed += 1;
                out.diagnostics.push(d);
            }
        }
        out.played.push(played);
    }
    // A questionnaire laid out as a folder (articles in files of their own) keeps an example
    // per article; a one-file questionnaire (the tests' fixtures) need not.
    let folder = any
        || sources
            .iter()
            .any(|s| matches!(role(&s.path), Role::Article(_)));
    for article in q.file().articles.iter().filter(|_| folder) {
        if !first_for.contains_key(&article.id) {
            out.failed += 1;
            let message = match missed.get(&article.id).and_then(|m| m.first()) {
                Some((example, place)) => format!(
                    "the example {example} expects this article first, but {}; no example reader gets it first yet",
                    match place {
                        Some(p) => format!("it comes {}", ordinal(p + 1)),
                        None => "it is not recommended for her".to_string(),
                    }
                ),
                None => format!(
                    "no example reader gets this article first; add one to examples/ who answers as this article's reader would, with first_article = \"{}\"",
                    article.id
                ),
            };
            let file = sources
                .iter()
                .find(|s| role(&s.path) == Role::Article(article.id.clone()))
                .map_or_else(|| "examples".to_string(), |s| s.path.clone());
            out.diagnostics.push(Diagnostic {
                severity: Severity::Error,
                line: u32::from(file != "examples"),
                column: u32::from(file != "examples"),
                file,
                place: vec![format!("article \"{}\"", article.id)].into(),
                message,
            });
        }
    }
    let passed = out.lines.len();
    if any {
        out.lines.insert(
            0,
            format!("example readers: {passed} pass, {} problem(s)", out.failed),
        );
    }
    out
}

fn problem(path: &str, line: u32, place: Vec<String>, message: String) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        file: path.to_string(),
        line,
        column: u32::from(line > 0),
        place: place.into(),
        message,
    }
}

fn read(source: &Source) -> Result<Read<'_>, Diagnostic> {
    let text = source.text.strip_prefix('\u{feff}').unwrap_or(&source.text);
    let lines = Lines::new(text);
    let line_of = |offset: usize| lines.at(0, offset).line;
    let fail = |offset: usize, message: String| {
        problem(&source.path, line_of(offset), Vec::new(), message)
    };
    let table: Spanned<DeTable> = DeTable::parse(text).map_err(|e| {
        fail(
            e.span().map_or(0, |s| s.start),
            format!(
                "this is not valid TOML ({}); check this line for a missing quote, = or bracket",
                e.message().trim()
            ),
        )
    })?;
    let mut answer_lines = BTreeMap::new();
    let (mut answers_line, mut expect_line) = (1, 1);
    for (key, value) in table.get_ref().iter() {
        let line = line_of(key.span().start);
        match (key.get_ref().as_ref(), value.get_ref()) {
            ("answers", DeValue::Table(t)) => {
                answers_line = line;
                for (k, _) in t.iter() {
                    answer_lines.insert(k.get_ref().to_string(), line_of(k.span().start));
                }
            }
            ("expect", _) => expect_line = line,
            _ => {}
        }
    }
    let span = table.span();
    let value = Spanned::new(span, DeValue::Table(table.into_inner()));
    let example = Example::deserialize(ValueDeserializer::from(value)).map_err(|e| {
        fail(
            e.span().map_or(0, |s| s.start),
            super::load::plain_shape_message(e.message()),
        )
    })?;
    Ok(Read {
        path: &source.path,
        example,
        answers_line,
        answer_lines,
        expect_line,
    })
}

/// Answers question after question as the example does, to the results.
fn play(q: &Questionnaire, r: &Read) -> Result<Report, Diagnostic> {
    let mut session = Session::new(q);
    for _ in 0..=q.file().questions.len() {
        match session.screen(q) {
            Screen::Results(report) => {
                let unused: Vec<&str> = r
                    .example
                    .answers
                    .keys()
                    .filter(|k| !session.answers().contains_key(*k))
                    .map(String::as_str)
                    .collect();
                if let Some(first) = unused.first() {
                    let line = r
                        .answer_lines
                        .get(*first)
                        .copied()
                        .unwrap_or(r.answers_line);
                    return Err(problem(
                        r.path,
                        line,
                        vec!["answers".into()],
                        format!(
                            "the check-in never asks her {}; remove {} (or, if a question was renamed, use its new id)",
                            unused.iter().map(|u| format!("\"{u}\"")).collect::<Vec<_>>().join(", "),
                            if unused.len() == 1 { "that answer" } else { "those answers" }
                        ),
                    ));
                }
                return Ok(report);
            }
            Screen::Question(screen) => {
                let Some(answer) = r.example.answers.get(&screen.id) else {
                    let options: Vec<String> = screen
                        .options
                        .iter()
                        .map(|o| format!("\"{}\"", o.id))
                        .collect();
                    return Err(problem(
                        r.path,
                        r.answers_line,
                        vec!["answers".into()],
                        format!(
                            "she stops at question \"{}\" (“{}”), which has no answer here; add a line under [answers]: {} = {} (one of {})",
                            screen.id,
                            screen.text,
                            screen.id,
                            options.first().map_or("\"…\"", String::as_str),
                            options.join(", ")
                        ),
                    ));
                };
                if let Err(e) = session.answer(q, answer.clone()) {
                    let line = r
                        .answer_lines
                        .get(&screen.id)
                        .copied()
                        .unwrap_or(r.answers_line);
                    return Err(problem(
                        r.path,
                        line,
                        vec!["answers".into(), screen.id.clone()],
                        format!("{e}; use one of the question's option ids"),
                    ));
                }
            }
        }
    }
    Err(problem(
        r.path,
        r.answers_line,
        vec!["answers".into()],
        "her answers never reach the results".into(),
    ))
}

/// How close her second article came, in words: ", then \"b\" 2 behind (a close call)".
fn runner_up(report: &Report) -> String {
    match report.articles.as_slice() {
        [first, second, ..] => {
            let gap = first.weight - second.weight;
            format!(
                ", then \"{}\" {}{}",
                second.id,
                if gap == 0 {
                    "tied".to_string()
                } else {
                    format!("{gap} behind")
                },
                if report.close {
                    " (a close call: both are offered as fitting her)"
                } else {
                    ""
                }
            )
        }
        _ if !report.later.is_empty() => {
            format!(", {} kept for later (a red flag)", report.later.len())
        }
        _ => String::new(),
    }
}

/// A place in words: "first", "second", … "tenth", then "11th", "21st".
pub fn ordinal(n: usize) -> String {
    const WORDS: [&str; 10] = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth",
    ];
    match n.checked_sub(1).and_then(|i| WORDS.get(i)) {
        Some(word) => (*word).to_string(),
        None => {
            let suffix = match (n % 10, n % 100) {
                (_, 11..=13) => "th",
                (1, _) => "st",
                (2, _) => "nd",
                (3, _) => "rd",
                _ => "th",
            };
            format!("{n}{suffix}")
        }
    }
}

/// What differs from what the example expects, in plain words.
fn expectations(q: &Questionnaire, r: &Read, report: &Report) -> Vec<String> {
    let mut problems = Vec::new();
    let expect = &r.example.expect;
    if let Some(wanted) = &expect.first_article {
        let got = report.articles.first().map(|a| a.id.as_str());
        if got != Some(wanted.as_str()) {
            let ranking: Vec<String> = report
                .articles
                .iter()
                .take(4)
                .map(|a| format!("{} {}", a.id, a.weight))
                .collect();
            let place = report.articles.iter().position(|a| &a.id == wanted);
            problems.push(format!(
                "\"{wanted}\" should come first, but {} (weights: {}); {}",
                got.map_or("no article is recommended".into(), |g| format!("\"{g}\" does")),
                ranking.join(", "),
                match place {
                    Some(p) => {
                        let weight = report.articles.get(p).map(|a| a.weight);
                        match report.articles.first() {
                            Some(top) if Some(top.weight) == weight => format!(
                                "it comes {}: it has the same weight as \"{}\" ({}), and {}, or raise its rule's weight",
                                ordinal(p + 1),
                                top.id,
                                top.weight,
                                if q.file().results.tie_order.is_empty() {
                                    format!("a tie goes to the article listed first; to choose, add tie_order = [\"{wanted}\", \"{}\"] under [results]", top.id)
                                } else {
                                    format!("a tie follows tie_order under [results]: put \"{wanted}\" before \"{}\" there", top.id)
                                }
                            ),
                            _ => format!("it comes {}: raise its rules' weights for this reader, or lower the others'", ordinal(p + 1)),
                        }
                    }
                    None => "no rule of it holds for her: add a [[recommend]] rule that does".into(),
                }
            ));
        }
    }
    if let Some(wanted) = expect.safety_first {
        if report.safety.is_some() != wanted {
            problems.push(if wanted {
                "safety help should come first, but none of her answers raised a red flag".into()
            } else {
                "safety help comes first, but this example says it should not".into()
            });
        }
    }
    for article in &expect.later_includes {
        if !report.later.iter().any(|a| &a.id == article) {
            problems.push(format!(
                "\"{article}\" should be kept for later (advice about the marriage, held back after a red flag), but {}",
                if report.articles.iter().any(|a| &a.id == article) {
                    "it is recommended now: add not_if_unsafe = true to the article"
                } else {
                    "no rule of it holds for her"
                }
            ));
        }
    }
    for step in &expect.plan_includes {
        if !report
            .plan
            .iter()
            .any(|p| p.steps.iter().any(|s| &s.id == step))
        {
            problems.push(format!("her plan has no step \"{step}\""));
        }
    }
    problems
}

#[cfg(test)]
mod ordinal_tests {
    #[test]
    fn places_are_words() {
        assert_eq!(super::ordinal(1), "first");
        assert_eq!(super::ordinal(2), "second");
        assert_eq!(super::ordinal(10), "tenth");
        assert_eq!(super::ordinal(11), "11th");
        assert_eq!(super::ordinal(21), "21st");
        assert_eq!(super::ordinal(22), "22nd");
    }
}
