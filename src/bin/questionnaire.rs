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
    use where_we_stand::engine::{
        check_sources, check_text, examples, graph, load_sources_prechecked, source, Answer,
        Screen, Session, Severity, Source,
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

Plays one reader through the check-in, as the app would, and prints each question with her
answer, then her results: safety help, scores, articles (with how close the second came, and
any tie), the articles kept for later after a red flag, and her plan.

FILE is a TOML file with an [answers] table, one line per question she answers:
    situation = \"unhappy\"                 a question with one answer: the option's id
    burn_tired = \"sometimes\"              a scale question: the scale point's id
    safety = [\"afraid\", \"controls\"]      a tick-all question: a list of option ids
    trust_roots = \"prefer_not_to_say\"     where the question offers \"prefer not to say\"
An example reader's file (questionnaires/examples/*.toml, with `reader` and [expect]) works as
it is. Answers to questions not on her path are listed, not used. A line whose question id is
not in the questionnaire is an error that names the nearest id.

PATH is the questionnaire's folder or file (default: questionnaires/ here or above).
--json prints the screens and the report as JSON (with \"margin\" and \"tied_first\").

Exit codes: 0 the walk reached the results; 3 her answers stop early (a question on her path
has no answer in FILE: it names the question); 1 a file cannot be read or understood (FILE,
or the questionnaire has errors: run `questionnaire check`); 2 the command was written wrong.
";

    pub fn run(args: Vec<String>) -> i32 {
        if args.first().map(String::as_str) == Some("walk")
            && args.iter().any(|a| a == "--help" || a == "-h")
        {
            print!("{WALK_HELP}");
            return 0;
        }
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
                        return usage(&format!(
                            "--format takes mermaid, dot or svg, not {other:?}"
                        ))
                    }
                },
                "--answers" => match it.next() {
                    Some(f) => answers = Some(f.into()),
                    None => return usage("--answers needs a file"),
                },
                "--json" => json = true,
                "--out" => match it.next() {
                    Some(f) => out = Some(f.into()),
                    None => return usage("--out needs a file name"),
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
                None => usage("walk needs --answers FILE"),
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

    /// An answers file: an example reader's file (its other tables are not needed here).
    #[derive(Deserialize)]
    struct AnswersFile {
        answers: BTreeMap<String, Answer>,
    }

    fn walk(given: Option<&String>, answers_path: &Path, json: bool) -> i32 {
        let q = match load_one(given) {
            Ok(q) => q,
            Err(code) => return code,
        };
        let answers: AnswersFile = match std::fs::read_to_string(answers_path)
            .map_err(|e| e.to_string())
            .and_then(|t| {
                toml::from_str(t.trim_start_matches('\u{feff}')).map_err(|e| e.to_string())
            }) {
            Ok(a) => a,
            Err(e) => {
                eprintln!("error: {}: {e} (expected an example reader's file, with an [answers] table: question_id = \"option_id\")", answers_path.display());
                return 1;
            }
        };
        // Every answer must name a question of the questionnaire: a misspelt id is an error.
        let ids: Vec<&str> = q.file().questions.iter().map(|x| x.id.as_str()).collect();
        let unknown: Vec<String> = answers
            .answers
            .keys()
            .filter(|k| !ids.contains(&k.as_str()))
            .map(|k| {
                let near = ids
                    .iter()
                    .map(|id| (strsim::jaro_winkler(k, id), *id))
                    .filter(|(score, _)| *score >= 0.85)
                    .max_by(|a, b| a.0.total_cmp(&b.0));
                match near {
                    Some((_, id)) => format!("no question \"{k}\" (did you mean \"{id}\"?)"),
                    None => {
                        format!("no question \"{k}\" (`questionnaire json` lists the question ids)")
                    }
                }
            })
            .collect();
        if !unknown.is_empty() {
            for u in &unknown {
                eprintln!("error: {}: [answers]: {u}", answers_path.display());
            }
            return 1;
        }
        let mut session = Session::new(&q);
        let mut screens = Vec::new();
        let mut used = 0;
        loop {
            match session.screen(&q) {
                Screen::Results(report) => {
                    let unused: Vec<&String> = answers
                        .answers
                        .keys()
                        .filter(|k| !session.answers().contains_key(*k))
                        .collect();
                    let margin = match report.articles.as_slice() {
                        [a, b, ..] => Some(a.weight - b.weight),
                        _ => None,
                    };
                    let tied_first: Vec<&str> = report
                        .articles
                        .iter()
                        .take_while(|a| Some(a.weight) == report.articles.first().map(|f| f.weight))
                        .map(|a| a.id.as_str())
                        .collect();
                    if json {
                        let out = serde_json::json!({ "screens": screens, "report": report, "unused_answers": unused, "margin": margin, "tied_first": if tied_first.len() > 1 { tied_first.clone() } else { Vec::new() } });
                        println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
                    } else {
                        print_report(&report);
                        if let ([first, second, ..], Some(m)) = (report.articles.as_slice(), margin)
                        {
                            if tied_first.len() > 1 {
                                let names: Vec<String> =
                                    tied_first.iter().map(|id| format!("\"{id}\"")).collect();
                                println!(
                                    "\nTie: {} all have weight {}; [results] tie_order (or file-name order) puts \"{}\" first.",
                                    names.join(" and "),
                                    first.weight,
                                    first.id
                                );
                            } else {
                                println!(
                                    "\nFirst and second: \"{}\" (weight {}) and \"{}\" (weight {}): a margin of {m}{}.",
                                    first.id,
                                    first.weight,
                                    second.id,
                                    second.weight,
                                    if report.close { ", a close call: the results say both fit her" } else { "" }
                                );
                            }
                        }
                        if !unused.is_empty() {
                            println!("\nNot asked on this path: {unused:?}");
                        }
                    }
                    return 0;
                }
                Screen::Question(screen) => {
                    let Some(answer) = answers.answers.get(&screen.id) else {
                        eprintln!(
                            "the path stops at question \"{}\" (“{}”): the answers file has no answer for it; add a line under [answers]: {} = \"…\"",
                            screen.id, screen.text, screen.id
                        );
                        return 3;
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
                        eprintln!("error: {e}");
                        return 1;
                    }
                    used += 1;
                    if used > q.file().questions.len() {
                        eprintln!("error: the walk did not end");
                        return 1;
                    }
                }
            }
        }
    }

    fn print_report(r: &where_we_stand::engine::Report) {
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
