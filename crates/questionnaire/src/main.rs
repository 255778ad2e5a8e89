//! The author's command: checks her questionnaire, plays an example reader through it, draws
//! its flow, prints the JSON Schemas her editor uses, and builds what the reader's app embeds.
//! A thin layer over the `author` crate; developers' tools (fuzzing, benchmarks) are in xtask.

mod content;
mod walk;

use author::{check_sources, examples, graph, load_sources_prechecked, source, Severity, Source};
use std::path::PathBuf;

const USAGE: &str = "\
questionnaire: the author's tool for the files in questionnaires/

  questionnaire check [PATH]                     check the questionnaire and run its example readers
                                             (PATH: its folder or one file; default: the questionnaires/
                                             folder here, above, or the one you are in)
  questionnaire graph [PATH] [--format mermaid|dot|svg] [--out FILE]  print the flow as a diagram
  questionnaire schema [part|article|example]    print a JSON Schema editors use
  questionnaire walk --answers FILE [PATH] [--json]  answer as FILE (an example reader) does, print the screens and report (walk --help)
  questionnaire json [PATH]                      print the checked questionnaire and its example readers as JSON (for tools)
  questionnaire build [PATH] --out DIR           check the questionnaire and write what the app embeds into DIR
                                                 (flow.bin, findings.bin and findings.name: the app build reads them)
";

fn main() {
    std::process::exit(run(std::env::args().skip(1).collect()));
}

fn run(args: Vec<String>) -> i32 {
    // `walk` has its own help and exit codes (2 means only that her answers stopped
    // early), so a walk command written wrong exits 1 with walk's help.
    let is_walk = command_of(&args) == Some("walk");
    if is_walk && args.iter().any(|a| a == "--help" || a == "-h") {
        print!("{}", walk::WALK_HELP);
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
            Some(a) => walk::walk(path, &a, json),
            None => walk_usage("walk needs --answers FILE"),
        },
        "json" => json_of(path),
        "build" => match out {
            Some(dir) => content::build(path, &dir),
            None => usage("build needs --out DIR"),
        },
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
    eprintln!("error: {problem}\n\n{}", walk::WALK_HELP);
    walk::WALK_UNREADABLE
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
    let here =
        std::env::current_dir().map_err(|e| format!("cannot tell which folder this is: {e}"))?;
    let mut up = String::new();
    for dir in here.ancestors() {
        // A questionnaire folder: `articles/` beside at least one .toml file.
        let is_questionnaire = dir.join("articles").is_dir()
            && std::fs::read_dir(dir).is_ok_and(|mut entries| {
                entries.any(|e| e.is_ok_and(|e| e.file_name().to_string_lossy().ends_with(".toml")))
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

/// Her files, or (said on stderr) why they cannot be read, as the exit code 1.
pub(crate) fn read_all(given: Option<&String>) -> Result<Vec<Source>, i32> {
    folder(given)
        .and_then(|(path, shown)| author::folder::sources(&path, &shown))
        .map_err(|e| {
            eprintln!("error: {e}");
            1
        })
}

fn check(given: Option<&String>) -> i32 {
    let sources = match read_all(given) {
        Ok(s) => s,
        Err(code) => return code,
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
        Err(code) => return code,
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

pub(crate) fn load_one(given: Option<&String>) -> Result<engine::Questionnaire, i32> {
    let sources = read_all(given)?;
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
