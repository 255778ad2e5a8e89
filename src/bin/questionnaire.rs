//! The author's command: check questionnaires, draw their flow, print the JSON Schema, try a
//! path with an answers file, and time the checker on large synthetic files.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run(std::env::args().skip(1).collect()));
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use serde::Deserialize;
    use std::collections::BTreeMap;
    use std::path::{Path, PathBuf};
    use std::time::Instant;
    use where_we_stand::engine::diagnostic::did_you_mean;
    use where_we_stand::engine::model::Kind;
    use where_we_stand::engine::session::QuestionScreen;
    use where_we_stand::engine::{
        check_sources, check_text, examples, graph, load_sources_prechecked, source, Answer,
        AnswerError, Report, Screen, Session, Severity, Source,
    };

    const USAGE: &str = "\
questionnaire: the author's tool for the files in questionnaires/

  questionnaire check [PATH]                     check the questionnaire and run its example readers
                                                 (PATH: its folder or one file; default: the questionnaires/
                                                 folder here, above, or the one you are in)
  questionnaire graph [PATH] [--format mermaid|dot|svg] [--out FILE]  print the flow as a diagram
  questionnaire schema [part|article|example]    print a JSON Schema editors use
  questionnaire walk --answers FILE [PATH] [--json]  answer as FILE (an example reader) does, print the screens and report (walk --help)
  questionnaire fuzz [COUNT]                     read and check COUNT damaged copies of tests/fixtures/tiny.toml (default 1,000,000): 0 panics expected
  questionnaire fuzz-records [COUNT]             read COUNT damaged saved records (plain, locked envelope, unlocked contents) with the app's decoders (default 1,000,000): 0 panics expected
  questionnaire json [PATH]                      print the checked questionnaire and its example readers as JSON (for tools)
  questionnaire bench                            time the checker on synthetic 1,000- and 10,000-question files
";

    const WALK_HELP: &str = "\
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

    pub fn run(args: Vec<String>) -> i32 {
        // `walk` has its own help and exit codes (2 means only that her answers stopped
        // early), so a walk command written wrong exits 1 with walk's help.
        let is_walk = command_of(&args) == Some("walk");
        if is_walk && args.iter().any(|a| a == "--help" || a == "-h") {
            print!("{WALK_HELP}");
            return 0;
        }
        let wrong = |problem: &str| {
            if is_walk {
                walk_usage(problem)
            } else {
                usage(problem)
            }
        };
        let mut positional = Vec::new();
        let mut format = graph::Format::Mermaid;
        let mut answers: Option<PathBuf> = None;
        let mut json = false;
        let mut out: Option<PathBuf> = None;
        let mut it = args.into_iter();
        while let Some(a) = it.next() {
            match a.as_str() {
                "--format" => match it.next().as_deref() {
                    Some("mermaid") => format = graph::Format::Mermaid,
                    Some("dot") => format = graph::Format::Dot,
                    Some("svg") => format = graph::Format::Svg,
                    other => {
                        return wrong(&format!(
                            "--format takes mermaid, dot or svg, not {other:?}"
                        ))
                    }
                },
                "--answers" => match it.next() {
                    Some(f) => answers = Some(f.into()),
                    None => return wrong("--answers needs a file"),
                },
                "--json" => json = true,
                "--out" => match it.next() {
                    Some(f) => out = Some(f.into()),
                    None => return wrong("--out needs a file name"),
                },
                "-h" | "--help" => {
                    print!("{USAGE}");
                    return 0;
                }
                _ => positional.push(a),
            }
        }
        let command = positional.first().cloned().unwrap_or_default();
        let path = positional.get(1);
        match command.as_str() {
            "check" => check(path),
            "graph" => draw(path, format, out.as_ref()),
            "schema" => match schema(path.map_or("part", String::as_str)) {
                Some(text) => {
                    println!("{text}");
                    0
                }
                None => usage("schema takes part, article or example"),
            },
            "walk" => match answers {
                Some(a) => walk(path, &a, json),
                None => walk_usage("walk needs --answers FILE"),
            },
            "bench" => bench(),
            "json" => json_of(path),
            "fuzz" => fuzz(
                path.and_then(|n| n.replace('_', "").parse().ok())
                    .unwrap_or(1_000_000),
            ),
            "fuzz-records" => fuzz_records(
                path.and_then(|n| n.replace('_', "").parse().ok())
                    .unwrap_or(1_000_000),
            ),
            "synthetic" => {
                println!(
                    "{}",
                    synthetic(
                        positional
                            .get(1)
                            .and_then(|n| n.parse().ok())
                            .unwrap_or(1000)
                    )
                );
                0
            }
            "" => usage("say what to do"),
            other => usage(&format!("there is no command \"{other}\"")),
        }
    }

    fn usage(problem: &str) -> i32 {
        eprintln!("{problem}\n\n{USAGE}");
        2
    }

    /// A walk command written wrong: exit 1, as 2 is walk's "her answers stop early".
    fn walk_usage(problem: &str) -> i32 {
        eprintln!("error: {problem}\n\n{WALK_HELP}");
        WALK_UNREADABLE
    }

    /// The command: the first word that is neither an option nor an option's value.
    fn command_of(args: &[String]) -> Option<&str> {
        let mut it = args.iter();
        while let Some(a) = it.next() {
            match a.as_str() {
                "--format" | "--answers" | "--out" => {
                    it.next();
                }
                flag if flag.starts_with('-') => {}
                word => return Some(word),
            }
        }
        None
    }

    /// A JSON Schema editors use (Taplo / Even Better TOML read it from the `#:schema` line).
    pub fn schema(which: &str) -> Option<String> {
        let schema = match which {
            "part" => schemars::schema_for!(source::Part),
            "article" => schemars::schema_for!(source::ArticleSource),
            "example" => schemars::schema_for!(examples::Example),
            _ => return None,
        };
        serde_json::to_string_pretty(&schema).ok()
    }

    /// The questionnaire folder to use: the one given, else `questionnaires/` here or in a
    /// folder above, or the `questionnaires/` folder she is in. Returns it and how to show it.
    fn folder(given: Option<&String>) -> Result<(PathBuf, String), String> {
        if let Some(p) = given {
            return Ok((PathBuf::from(p), p.trim_end_matches('/').to_string()));
        }
        let here = std::env::current_dir()
            .map_err(|e| format!("cannot tell which folder this is: {e}"))?;
        let mut up = String::new();
        for dir in here.ancestors() {
            // A questionnaire folder: `articles/` beside at least one .toml file.
            let is_questionnaire = dir.join("articles").is_dir()
                && std::fs::read_dir(dir).is_ok_and(|mut entries| {
                    entries.any(|e| {
                        e.is_ok_and(|e| e.file_name().to_string_lossy().ends_with(".toml"))
                    })
                });
            if is_questionnaire {
                let shown = if up.is_empty() {
                    ".".to_string()
                } else {
                    up.trim_end_matches('/').to_string()
                };
                return Ok((dir.to_path_buf(), shown));
            }
            let inside = dir.join("questionnaires");
            if inside.is_dir() {
                return Ok((inside, format!("{up}questionnaires")));
            }
            up.push_str("../");
        }
        Err("cannot find the questionnaires folder here or in any folder above; run this inside the project, or name the folder: questionnaire check path/to/questionnaires".into())
    }

    fn read_all(given: Option<&String>) -> Result<Vec<Source>, String> {
        let (path, shown) = folder(given)?;
        where_we_stand::folder::sources(&path, &shown)
    }

    fn check(given: Option<&String>) -> i32 {
        let sources = match read_all(given) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("error: {e}");
                return 1;
            }
        };
        let checked = check_sources(&sources);
        let (mut errors, mut warnings) = (0, 0);
        for d in &checked.diagnostics {
            println!("{d}");
            match d.severity {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
            }
        }
        if let Some(q) = &checked.questionnaire {
            let cov = &checked.coverage;
            println!(
                "{} questions, {} articles; {} situations and {} answer endings checked{}",
                q.file().questions.len(),
                q.file().articles.len(),
                cov.states,
                cov.paths,
                if cov.complete {
                    " (every path covered)"
                } else {
                    " (too many to follow one by one: a search per rule and a fixed sample were used)"
                }
            );
            println!(
                "a reader's way through asks at most {} questions (the shortest asks {})",
                q.max_left(q.start()),
                q.min_left(q.start())
            );
            let results = examples::run(q, &sources);
            for line in &results.lines {
                println!("{line}");
            }
            for d in &results.diagnostics {
                println!("{d}");
            }
            errors += results.failed;
        }
        println!(
            "{} file(s) checked: {errors} error(s), {warnings} warning(s){}",
            sources.len(),
            if errors == 0 { "; all good" } else { "" }
        );
        i32::from(errors > 0)
    }

    /// The checked questionnaire (the model the app embeds) and the example readers, as JSON.
    fn json_of(given: Option<&String>) -> i32 {
        let sources = match read_all(given) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("error: {e}");
                return 1;
            }
        };
        let q = match load_sources_prechecked(&sources) {
            Ok(q) => q,
            Err(e) => {
                for d in e.0 {
                    eprintln!("{d}");
                }
                return 1;
            }
        };
        let mut readers = Vec::new();
        for s in sources
            .iter()
            .filter(|s| source::role(&s.path) == source::Role::Example)
        {
            let name = s
                .path
                .rsplit('/')
                .next()
                .unwrap_or(&s.path)
                .trim_end_matches(".toml");
            match toml::from_str::<examples::Example>(s.text.trim_start_matches('\u{feff}')) {
                Ok(e) => readers.push(serde_json::json!({
                    "name": name,
                    "reader": e.reader,
                    "answers": e.answers,
                    "expect": {
                        "first_article": e.expect.first_article,
                        "safety_first": e.expect.safety_first,
                        "plan_includes": e.expect.plan_includes,
                    },
                })),
                Err(e) => {
                    eprintln!("error: {}: {e}", s.path);
                    return 1;
                }
            }
        }
        let out = serde_json::json!({ "questionnaire": q.file(), "examples": readers });
        println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
        0
    }

    /// Bad input, generated: damaged copies of a small questionnaire, each read and checked.
    fn fuzz(count: u64) -> i32 {
        let seed = match folder(None).and_then(|(q, _)| {
            let tiny = q.join("../tests/fixtures/tiny.toml");
            std::fs::read_to_string(&tiny)
                .map_err(|e| format!("cannot read {}: {e}", tiny.display()))
        }) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("error: {e}");
                return 1;
            }
        };
        // Two workers (this machine has two cores), each with its own seed.
        let t = Instant::now();
        let half = count / 2;
        let workers: Vec<_> = [(half, 1u64), (count - half, 2u64)]
            .into_iter()
            .map(|(n, s)| {
                let seed = seed.clone();
                std::thread::spawn(move || where_we_stand::fuzz::run(&seed, n, s))
            })
            .collect();
        // A panic inside a check is caught there; keep its message off the screen.
        let mut total = where_we_stand::fuzz::Outcome::default();
        for w in workers {
            let Ok(o) = w.join() else {
                eprintln!("error: a fuzz worker stopped");
                return 1;
            };
            total.inputs += o.inputs;
            total.loaded += o.loaded;
            total.refused += o.refused;
            total.panics += o.panics;
            total.silent += o.silent;
            total.examples.extend(o.examples);
        }
        println!(
            "fuzz: {} inputs in {:.0} s: {} loaded, {} refused with plain-words errors, {} panics, {} refused without a message",
            total.inputs,
            t.elapsed().as_secs_f64(),
            total.loaded,
            total.refused,
            total.panics,
            total.silent
        );
        for e in total.examples.iter().take(3) {
            println!(
                "--- an input that failed ---\n{}",
                e.chars().take(2000).collect::<String>()
            );
        }
        i32::from(total.panics > 0 || total.silent > 0)
    }

    /// Bad saved records, generated: damaged progress, history, lock envelopes and unlocked
    /// contents, each read by the app's own decoders.
    fn fuzz_records(count: u64) -> i32 {
        let t = Instant::now();
        let half = count / 2;
        std::panic::set_hook(Box::new(|_| {}));
        let workers: Vec<_> = [(half, 11u64), (count - half, 12u64)]
            .into_iter()
            .map(|(n, s)| std::thread::spawn(move || where_we_stand::fuzz::run_records(n, s)))
            .collect();
        let mut total = where_we_stand::fuzz::Outcome::default();
        for w in workers {
            let Ok(o) = w.join() else {
                eprintln!("error: a fuzz worker stopped");
                return 1;
            };
            total.inputs += o.inputs;
            total.loaded += o.loaded;
            total.refused += o.refused;
            total.panics += o.panics;
            total.examples.extend(o.examples);
        }
        println!(
            "fuzz-records: {} saved records in {:.0} s: {} read, {} refused, {} panics",
            total.inputs,
            t.elapsed().as_secs_f64(),
            total.loaded,
            total.refused,
            total.panics
        );
        for e in total.examples.iter().take(3) {
            println!(
                "--- a record that panicked ---\n{}",
                e.chars().take(2000).collect::<String>()
            );
        }
        i32::from(total.panics > 0)
    }

    fn load_one(given: Option<&String>) -> Result<where_we_stand::engine::Questionnaire, i32> {
        let sources = read_all(given).map_err(|e| {
            eprintln!("error: {e}");
            1
        })?;
        load_sources_prechecked(&sources).map_err(|e| {
            for d in e.0 {
                eprintln!("{d}");
            }
            eprintln!("fix these first (`questionnaire check` lists every problem)");
            1
        })
    }

    fn draw(given: Option<&String>, format: graph::Format, out: Option<&PathBuf>) -> i32 {
        match load_one(given) {
            Ok(q) => {
                let picture = graph::render(&q, format);
                match out {
                    None => print!("{picture}"),
                    Some(file) => {
                        if let Err(e) = std::fs::write(file, picture) {
                            eprintln!("cannot write {}: {e}", file.display());
                            return 1;
                        }
                        eprintln!("wrote the flow map to {}", file.display());
                    }
                }
                0
            }
            Err(code) => code,
        }
    }

    /// `walk`'s exit codes (`walk --help` lists them): the results were reached; a file cannot
    /// be read or understood (or the command is written wrong); her answers stop early.
    const WALK_DONE: i32 = 0;
    const WALK_UNREADABLE: i32 = 1;
    const WALK_STOPPED: i32 = 2;

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
            toml::Value::String(s) if s == where_we_stand::engine::answer::DECLINED => {
                Some(Answer::Declined)
            }
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
            ids.push(format!("\"{}\"", where_we_stand::engine::answer::DECLINED));
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

    fn walk(given: Option<&String>, answers_path: &Path, json: bool) -> i32 {
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

    /// A synthetic questionnaire of `n` questions, as one TOML file: a chain with a branch
    /// every tenth question, scored scale questions and a handful of articles.
    pub fn synthetic(n: usize) -> String {
        use std::fmt::Write;
        let scaled = n.div_ceil(3);
        let singles = n - scaled;
        let mut t = String::with_capacity(n * 200);
        t.push_str("id = \"synthetic\"\ntitle = \"Synthetic\"\nversion = 1\nstart = \"q0\"\n\n");
        t.push_str("[about]\nintro = \"i\"\ndisclaimer = \"d\"\nprivacy = \"p\"\n\n");
        t.push_str("[blog]\nname = \"b\"\nurl = \"https://example.org\"\n\n");
        t.push_str("[quick_exit]\nurl = \"https://example.org\"\ntab_title = \"Notes\"\n\n");
        t.push_str("[safety]\ntitle = \"t\"\nmessage = \"m\"\nresources = [{ name = \"n\", contact = \"c\" }]\n\n");
        t.push_str("[[scales]]\nid = \"f\"\npoints = [{ id = \"never\", label = \"Never\", value = 0 }, { id = \"often\", label = \"Often\", value = 2 }]\n\n");
        let _ = writeln!(t, "[[dimensions]]\nid = \"d\"\nlabel = \"D\"\nbands = [{{ id = \"all\", label = \"All\", min = 0, max = {} }}]\n", scaled * 2);
        let _ = writeln!(t, "[[dimensions]]\nid = \"e\"\nlabel = \"E\"\nbands = [{{ id = \"all\", label = \"All\", min = 0, max = {singles} }}]\n");
        t.push_str(
            "[[sections]]\nid = \"s\"\ntitle = \"S\"\n\n[[phases]]\nid = \"p\"\ntitle = \"P\"\n\n",
        );
        for i in 0..n {
            let next = if i + 1 == n {
                "results".to_string()
            } else {
                format!("q{}", i + 1)
            };
            if i % 3 == 0 {
                let _ = writeln!(t, "[[questions]]\nid = \"q{i}\"\nsection = \"s\"\nkind = \"scale\"\nscale = \"f\"\nscores = {{ d = 1 }}\ntext = \"Question {i}\"\nnext = \"{next}\"\n");
            } else {
                let skip = if i + 2 < n {
                    format!("q{}", i + 2)
                } else {
                    "results".into()
                };
                let _ = writeln!(t, "[[questions]]\nid = \"q{i}\"\nsection = \"s\"\nkind = \"single\"\ntext = \"Question {i}\"\nprefer_not_to_say = true\nnext = \"{next}\"\noptions = [\n  {{ id = \"a\", label = \"A\", scores = {{ e = 1 }} }},\n  {{ id = \"b\", label = \"B\", next = \"{skip}\" }},\n  {{ id = \"c\", label = \"C\" }},\n]\n");
            }
        }
        for i in 0..5 {
            let _ = writeln!(t, "[[articles]]\nid = \"a{i}\"\ntitle = \"Article {i}\"\nauthor = \"A\"\nurl = \"https://example.org\"\nsummary = \"S\"\nsteps = [{{ id = \"s{i}\", phase = \"p\", text = \"T\" }}]\nrecommend = [{{ when = {{ score = \"d\", at_least = {i} }}, weight = {} }}]\n", i + 1);
        }
        t
    }

    fn bench() -> i32 {
        // The two sizes are timed in turns (one 10k run, then ten 1k runs, fifteen times) so
        // a busy moment on a shared machine slows both alike; warm-up runs come first, as the
        // first run touches fresh memory.
        const ROUNDS: usize = 15;
        const SMALL_PER_ROUND: usize = 10;
        let sizes = [1_000usize, 10_000];
        let texts: Vec<String> = sizes.iter().map(|&n| synthetic(n)).collect();
        let mut runs: [Vec<f64>; 2] = [Vec::new(), Vec::new()];
        let mut last = [None, None];
        let mut time = |i: usize, keep: bool| {
            let t = Instant::now();
            let checked = check_text("synthetic.toml", &texts[i]);
            let ms = t.elapsed().as_secs_f64() * 1000.0;
            if keep {
                runs[i].push(ms);
            }
            last[i] = Some(checked);
        };
        for i in [0, 1, 0, 1] {
            time(i, false);
        }
        for _ in 0..ROUNDS {
            time(1, true);
            for _ in 0..SMALL_PER_ROUND {
                time(0, true);
            }
        }
        let mut times = Vec::new();
        for (i, n) in sizes.iter().enumerate() {
            let runs = &mut runs[i];
            runs.sort_by(|a, b| a.total_cmp(b));
            let median = runs[runs.len() / 2];
            let checked = last[i].take().expect("the runs happened");
            let errors = checked
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count();
            println!(
                "checker: {n:>6} questions, {:>8} bytes: median {median:>7.1} ms of {} runs (fastest {:.1}, slowest {:.1}; {} situations, complete: {}, {errors} errors)",
                texts[i].len(),
                runs.len(),
                runs[0],
                runs[runs.len() - 1],
                checked.coverage.states, checked.coverage.complete
            );
            times.push(median);
        }
        let ratio = times[1] / times[0];
        println!("checker: 10k/1k time ratio {ratio:.1}");
        let met = |ok: bool| if ok { "MET" } else { "NOT MET" };
        println!(
            "budget: 10k questions checked in under 200 ms: {} ({:.1} ms)",
            met(times[1] < 200.0),
            times[1]
        );
        println!(
            "budget: 10k/1k time ratio at most 12: {} ({ratio:.1})",
            met(ratio <= 12.0)
        );
        // The author's own questionnaire, as `questionnaire check` reads it (files already in
        // memory: the studio gets them the same way), examples included.
        match read_all(None) {
            Ok(sources) => {
                let mut runs = Vec::new();
                let mut summary = String::new();
                for round in 0..23 {
                    let t = Instant::now();
                    let checked = check_sources(&sources);
                    let played = checked
                        .questionnaire
                        .as_ref()
                        .map(|q| examples::run(q, &sources));
                    let ms = t.elapsed().as_secs_f64() * 1000.0;
                    if round >= 3 {
                        runs.push(ms);
                    }
                    summary = format!(
                        "{} files, {} problem(s), {} example(s) failing",
                        sources.len(),
                        checked.diagnostics.len(),
                        played.map_or(0, |p| p.failed)
                    );
                }
                runs.sort_by(|a, b| a.total_cmp(b));
                let median = runs[runs.len() / 2];
                println!(
                    "checker: the questionnaires folder ({summary}): median {median:.1} ms of {} runs (fastest {:.1}, slowest {:.1})",
                    runs.len(),
                    runs[0],
                    runs[runs.len() - 1]
                );
                println!(
                    "budget: the questionnaires folder checked in under 100 ms: {} ({median:.1} ms)",
                    met(median < 100.0)
                );
            }
            Err(e) => println!("checker: cannot read the questionnaires folder: {e}"),
        }
        0
    }
}
