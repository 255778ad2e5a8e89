//! `questionnaire walk`: one reader played through the check-in as the app would, from an
//! answers file (an example reader's file works as it is).

use crate::load_one;
use author::diagnostic::did_you_mean;
use engine::model::Kind;
use engine::session::QuestionScreen;
use engine::{Answer, AnswerError, Report, Screen, Session};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

pub const WALK_HELP: &str = "\
questionnaire walk --answers FILE [PATH] [--json]

Plays one reader through the check-in, as the app would: prints each question she is asked
with her answer, then her results (safety help, scores, articles, the articles kept for later
after a red flag, her plan). After the articles it says how far the first is ahead of the
second, e.g. `First and second: \"a\" (weight 12) and \"b\" (weight 10): a margin of 2.`, and
names any tie, e.g. `Tie: \"a\" and \"b\" both have weight 12; ...`: tied articles come in
the order of [results] tie_order in questions.toml, or else in file order.

FILE, the answers file, is a TOML file with an [answers] table, one line per question she
answers:

[answers]
situation = \"checked_out\"         a question with one answer: the option's id
burn_tired = \"sometimes\"          a scale question: the scale point's id
hope_signs = [\"open\", \"future\"]   a tick-all question: a list of option ids
trust_roots = \"prefer_not_to_say\" where the question offers \"prefer not to say\"

An example reader's file (questionnaires/examples/*.toml, which also has `reader` and
[expect]) works as it is: walk uses only its [answers]. Answers to questions that are not on
her path are listed under \"Not asked on this path\". A line whose question id is not in
the questionnaire is an error that names the nearest id (every such line is listed).

PATH is the questionnaire's folder or one file (default: questionnaires/ here or above).

--json prints one JSON object instead of the text: \"screens\" (the ids of the questions she
was asked, in order), \"report\" (her results), \"unused_answers\" (ids answered in FILE but
not asked), \"margin\" (the first article's weight minus the second's; null with fewer than
two articles) and \"tied_first\" (the ids of every article with the top weight: more than
one means a tie).

Exit codes:
  0  the walk reached the results
  2  her answers stop early: a question on her path has no answer in FILE (the message names
 the question and its text, and lists the answers in FILE that were not used)
  1  FILE cannot be read or understood (not TOML, no [answers] table, a question id or option
 id the questionnaire does not have), the questionnaire does not load (run
 `questionnaire check`), or the command is written wrong (e.g. no --answers FILE)
";

/// `walk`'s exit codes (`walk --help` lists them): the results were reached; a file cannot
/// be read or understood (or the command is written wrong); her answers stop early.
pub const WALK_DONE: i32 = 0;
pub const WALK_UNREADABLE: i32 = 1;
pub const WALK_STOPPED: i32 = 2;

/// An answers file: an `[answers]` table, `question_id = "option_id"` (a list of option ids
/// for a tick-all question, "prefer_not_to_say" where offered). An example reader's file is
/// one as it is: its `reader` and `[expect]` are not needed here, and are ignored.
#[derive(Deserialize)]
struct AnswersFile {
    /// Read as plain TOML values, so an answer of the wrong shape is named in plain words.
    answers: BTreeMap<String, toml::Value>,
}

/// One answer as the file writes it: an option id, a list of option ids, or
/// "prefer_not_to_say" (None for any other value).
fn answer_of(value: &toml::Value) -> Option<Answer> {
    match value {
        toml::Value::String(s) if s == engine::answer::DECLINED => Some(Answer::Declined),
        toml::Value::String(s) => Some(Answer::Choice(s.clone())),
        toml::Value::Array(items) => items
            .iter()
            .map(|i| i.as_str().map(str::to_string))
            .collect::<Option<Vec<_>>>()
            .map(Answer::Choices),
        _ => None,
    }
}

/// The line and column (from 1) of a byte offset in `text`.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or_default();
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .unwrap_or_default()
        .chars()
        .count()
        + 1;
    (line, column)
}

/// Where each key of the file's `[answers]` table is written (line, column), to point the
/// author at it (none when the text cannot be read as TOML).
fn answer_places(text: &str) -> BTreeMap<String, (usize, usize)> {
    let mut places = BTreeMap::new();
    let Ok(table) = toml::de::DeTable::parse(text) else {
        return places;
    };
    for (key, value) in table.get_ref().iter() {
        let (true, toml::de::DeValue::Table(answers)) =
            (key.get_ref().as_ref() == "answers", value.get_ref())
        else {
            continue;
        };
        for (k, _) in answers.iter() {
            places.insert(k.get_ref().to_string(), line_column(text, k.span().start));
        }
    }
    places
}

/// The ids she could give for a question, quoted: its options (or scale points), and
/// "prefer_not_to_say" where it is offered.
fn choices(screen: &QuestionScreen) -> Vec<String> {
    let mut ids: Vec<String> = screen
        .options
        .iter()
        .map(|o| format!("\"{}\"", o.id))
        .collect();
    if screen.prefer_not_to_say {
        ids.push(format!("\"{}\"", engine::answer::DECLINED));
    }
    ids
}

/// "\"a\"", "\"a\" and \"b\"", "\"a\", \"b\" and \"c\"".
fn quoted_list(ids: &[&str]) -> String {
    let quoted: Vec<String> = ids.iter().map(|id| format!("\"{id}\"")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => quoted.concat(),
    }
}

/// The first article's weight minus the second's (None with fewer than two), and the ids
/// of every article sharing the top weight (more than one: a tie).
fn margin_and_tie(r: &Report) -> (Option<i64>, Vec<&str>) {
    let margin = match r.articles.as_slice() {
        [first, second, ..] => Some(first.weight - second.weight),
        _ => None,
    };
    let top = r.articles.first().map(|a| a.weight);
    let tied = r
        .articles
        .iter()
        .take_while(|a| Some(a.weight) == top)
        .map(|a| a.id.as_str())
        .collect();
    (margin, tied)
}

pub fn walk(given: Option<&String>, answers_path: &Path, json: bool) -> i32 {
    let q = match load_one(given) {
        Ok(q) => q,
        Err(code) => return code,
    };
    let file = answers_path.display().to_string();
    let text = match std::fs::read_to_string(answers_path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: cannot read the answers file {file}: {e}");
            return WALK_UNREADABLE;
        }
    };
    let text = text.trim_start_matches('\u{feff}');
    let values = match toml::from_str::<AnswersFile>(text) {
        Ok(a) => a.answers,
        Err(e) => {
            let at = e.span().map_or(file.clone(), |s| {
                let (line, column) = line_column(text, s.start);
                format!("{file}:{line}:{column}")
            });
            let problem = match e.message().trim() {
                m if m.contains("missing field `answers`") => {
                    "there is no [answers] table".to_string()
                }
                m => m.to_string(),
            };
            eprintln!("error: {at}: answers file: {problem} (an answers file has an [answers] table: question_id = \"option_id\"; see `questionnaire walk --help`)");
            return WALK_UNREADABLE;
        }
    };
    let places = answer_places(text);
    let at = |id: &str| match places.get(id) {
        Some((line, column)) => format!("{file}:{line}:{column}"),
        None => file.clone(),
    };
    // Every answer must name a question of the questionnaire (a misspelt id is an error;
    // an id that is a question but not on her path is fine) and be an option id or a list
    // of them. Every such problem is listed, in the file's order.
    let ids: Vec<&str> = q.file().questions.iter().map(|x| x.id.as_str()).collect();
    let mut answers = BTreeMap::new();
    let mut problems = Vec::new();
    for (key, value) in &values {
        if !ids.contains(&key.as_str()) {
            let hint = match did_you_mean(key, ids.iter().copied()) {
                Some(id) => format!(" (did you mean \"{id}\"?)"),
                None => format!(
                    "; `questionnaire graph{}` lists every question id with its text",
                    given.map(|p| format!(" {p}")).unwrap_or_default()
                ),
            };
            problems.push((key, format!("no question \"{key}\"{hint}")));
        } else if let Some(answer) = answer_of(value) {
            answers.insert(key.clone(), answer);
        } else {
            problems.push((key, format!("the answer to \"{key}\" must be an option id in quotes (\"…\"), a list of them ([\"…\", \"…\"]) or \"prefer_not_to_say\", not {}", serde_json::to_string(value).unwrap_or_else(|_| value.type_str().into()))));
        }
    }
    problems.sort_by_key(|(key, _)| places.get(*key).copied().unwrap_or((usize::MAX, 0)));
    for (key, problem) in &problems {
        eprintln!("error: {}: answers file: {problem}", at(key));
    }
    if !problems.is_empty() {
        eprintln!(
            "{} problem(s) in {file}; nothing was walked",
            problems.len()
        );
        return WALK_UNREADABLE;
    }
    let mut session = Session::new(&q);
    let mut screens = Vec::new();
    loop {
        match session.screen(&q) {
            Screen::Results(report) => {
                let unused: Vec<&String> = answers
                    .keys()
                    .filter(|k| !session.answers().contains_key(*k))
                    .collect();
                if json {
                    let (margin, tied_first) = margin_and_tie(&report);
                    let out = serde_json::json!({
                        "screens": screens,
                        "report": report,
                        "unused_answers": unused,
                        "margin": margin,
                        "tied_first": tied_first,
                    });
                    println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
                } else {
                    print_report(&report);
                    if !unused.is_empty() {
                        println!("\nNot asked on this path: {unused:?}");
                    }
                }
                return WALK_DONE;
            }
            Screen::Question(screen) => {
                let Some(answer) = answers.get(&screen.id) else {
                    return stopped(&screen, &answers, session.answers(), &file, &places);
                };
                if !json {
                    println!(
                        "[{} · about {}–{} left] {}\n    → {}",
                        screen.section,
                        screen.progress.min_left,
                        screen.progress.max_left,
                        screen.text,
                        serde_json::to_string(answer).unwrap_or_default()
                    );
                }
                screens.push(screen.id.clone());
                if let Err(e) = session.answer(&q, answer.clone()) {
                    let hint = match &e {
                        AnswerError::UnknownOption { option, .. } => {
                            did_you_mean(option, screen.options.iter().map(|o| o.id.as_str()))
                                .map(|id| format!(" (did you mean \"{id}\"?)"))
                                .unwrap_or_default()
                        }
                        _ => String::new(),
                    };
                    eprintln!(
                        "error: {}: answers file: {e}{hint}; use one of {}",
                        at(&screen.id),
                        choices(&screen).join(", ")
                    );
                    return WALK_UNREADABLE;
                }
                if screens.len() > q.file().questions.len() {
                    eprintln!("error: the walk did not end");
                    return WALK_UNREADABLE;
                }
            }
        }
    }
}

/// Her answers stop early: which question has no answer, what to add, and the answers
/// the file gives that were not used (in the file's order).
fn stopped(
    screen: &QuestionScreen,
    answers: &BTreeMap<String, Answer>,
    used: &BTreeMap<String, Answer>,
    file: &str,
    places: &BTreeMap<String, (usize, usize)>,
) -> i32 {
    let options = choices(screen);
    let first = options.first().map_or("\"…\"", String::as_str);
    let example = if screen.kind == Kind::Multiple {
        // A list of option ids; "prefer_not_to_say" (the last choice, if offered) goes
        // on its own, not in the list.
        let (ids, declined) = match options.split_last() {
            Some((last, rest)) if screen.prefer_not_to_say => (rest, format!(", or {last}")),
            _ => (options.as_slice(), String::new()),
        };
        format!("[{first}] (any of {}{declined})", ids.join(", "))
    } else {
        format!("{first} (one of {})", options.join(", "))
    };
    eprintln!(
        "error: {file}: the path stops at question \"{}\" (“{}”): the answers file has no answer for it; add a line under [answers]: {} = {example}",
        screen.id, screen.text, screen.id
    );
    let mut unused: Vec<(&String, &Answer)> = answers
        .iter()
        .filter(|(k, _)| !used.contains_key(*k))
        .collect();
    // In the file's order (ids without a known place last, by name).
    unused.sort_by_key(|(k, _)| places.get(*k).copied().unwrap_or((usize::MAX, 0)));
    if unused.is_empty() {
        eprintln!("answers given that were not used: none (every answer in the file was used before this question)");
    } else {
        eprintln!("answers given that were not used:");
        for (k, a) in unused {
            eprintln!("  {k} = {}", serde_json::to_string(a).unwrap_or_default());
        }
    }
    WALK_STOPPED
}

fn print_report(r: &Report) {
    println!("\n=== Results ===");
    if let Some(s) = &r.safety {
        println!("\n!! {} !!\n{}", s.title, s.message);
        for res in &s.resources {
            println!("  - {}: {} {}", res.name, res.contact, res.detail);
        }
        for b in &s.because {
            println!("  (because: {b})");
        }
    }
    println!("\nScores:");
    for s in &r.scores {
        println!("  {}: {} of {} ({})", s.label, s.value, s.max, s.band.label);
    }
    println!("\nArticles:");
    for (i, a) in r.articles.iter().enumerate() {
        println!("  {}. {} [weight {}]", i + 1, a.title, a.weight);
        for reason in &a.reasons {
            println!("       because {reason}");
        }
    }
    let (margin, tied) = margin_and_tie(r);
    match (r.articles.as_slice(), margin) {
        ([first, second, ..], Some(m)) => {
            println!(
                "\nFirst and second: \"{}\" (weight {}) and \"{}\" (weight {}): a margin of {m}{}.",
                first.id,
                first.weight,
                second.id,
                second.weight,
                if r.close {
                    ", a close call: the results say both fit her"
                } else {
                    ""
                }
            );
            if tied.len() > 1 {
                println!(
                    "Tie: {} {} have weight {}; the order between them comes from the questionnaire's tie order (or file order).",
                    quoted_list(&tied),
                    if tied.len() == 2 { "both" } else { "all" },
                    first.weight
                );
            }
        }
        ([only], _) => println!(
            "\nOnly one article: \"{}\" (weight {}); there is no second to compare.",
            only.id, only.weight
        ),
        _ if !r.later.is_empty() => {
            println!("  none now: the articles her answers match are kept for later (below)")
        }
        _ => println!("  none: no article's rules hold for her answers"),
    }
    if !r.later.is_empty() {
        println!("\nKept for later, once she is safe (a red flag):");
        for a in &r.later {
            println!("  - {} [weight {}]", a.title, a.weight);
        }
    }
    println!("\nAction plan:");
    for p in &r.plan {
        println!("  {}", p.title);
        for s in &p.steps {
            println!("    [ ] {}", s.text);
        }
    }
}
