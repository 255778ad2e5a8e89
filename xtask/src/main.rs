//! `cargo run -p xtask --release -- COMMAND`: the developers' tools.
//!
//! - `fuzz [COUNT]`: reads and checks COUNT damaged copies of `tests/fixtures/tiny.toml`
//!   (default 1,000,000); 0 panics and 0 refusals without a message expected.
//! - `fuzz-records [COUNT]`: reads COUNT damaged saved records (plain, locked envelope,
//!   unlocked contents) with the app's own decoders (default 1,000,000); 0 panics expected.
//! - `bench`: times the checker on synthetic 1,000- and 10,000-question files and on the
//!   author's folder, against the budgets (`tools/bench` runs it with the app's benchmarks).
//! - `synthetic [N]`: prints the synthetic questionnaire of N questions the bench times.
//! - `mutants [ARGS]`: mutation testing of the engine (`tools/mutants`, which it runs).
//!
//! Every worker loop spreads its inputs over the machine's cores.

use author::{check_sources, check_text, examples, Severity};
use std::path::{Path, PathBuf};
use std::time::Instant;
use xtask::fuzz::Outcome;
use xtask::synthetic::synthetic;

/// The small questionnaire the fuzzer damages, built in.
const TINY: &str = include_str!("../../tests/fixtures/tiny.toml");

const USAGE: &str = "usage: cargo run -p xtask --release -- fuzz [COUNT] | fuzz-records [COUNT] | bench | synthetic [N] | mutants [ARGS]";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let count = |default: u64| {
        args.get(1)
            .and_then(|n| n.replace('_', "").parse().ok())
            .unwrap_or(default)
    };
    let code = match args.first().map(String::as_str) {
        Some("fuzz") => fuzz(count(1_000_000)),
        Some("fuzz-records") => fuzz_records(count(1_000_000)),
        Some("bench") => bench(),
        Some("synthetic") => {
            println!("{}", synthetic(count(1000) as usize));
            0
        }
        Some("mutants") => mutants(&args[1..]),
        _ => {
            eprintln!("{USAGE}");
            2
        }
    };
    std::process::exit(code);
}

/// The workspace's root folder.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Runs `work(count, seed)` on every core, the inputs shared out, and adds up the outcomes
/// (None if a worker stopped).
fn on_every_core(count: u64, seed: u64, work: fn(u64, u64) -> Outcome) -> Option<Outcome> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get() as u64);
    let workers: Vec<_> = (0..cores)
        .map(|i| {
            let n = count / cores + u64::from(i < count % cores);
            std::thread::spawn(move || work(n, seed + i))
        })
        .collect();
    let mut total = Outcome::default();
    for w in workers {
        let o = w.join().ok()?;
        total.inputs += o.inputs;
        total.loaded += o.loaded;
        total.refused += o.refused;
        total.panics += o.panics;
        total.silent += o.silent;
        total.examples.extend(o.examples);
    }
    Some(total)
}

/// Bad input, generated: damaged copies of a small questionnaire, each read and checked.
fn fuzz(count: u64) -> i32 {
    let t = Instant::now();
    let Some(total) = on_every_core(count, 1, |n, s| xtask::fuzz::run(TINY, n, s)) else {
        eprintln!("error: a fuzz worker stopped");
        return 1;
    };
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
    std::panic::set_hook(Box::new(|_| {}));
    let Some(total) = on_every_core(count, 11, xtask::fuzz::run_records) else {
        eprintln!("error: a fuzz worker stopped");
        return 1;
    };
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

/// Mutation testing: `tools/mutants` with these arguments (it installs cargo-mutants and
/// lists the files and the mutants known to be equivalent).
fn mutants(args: &[String]) -> i32 {
    match std::process::Command::new(root().join("tools/mutants"))
        .args(args)
        .status()
    {
        Ok(s) => s.code().unwrap_or(1),
        Err(e) => {
            eprintln!("error: cannot run tools/mutants: {e}");
            1
        }
    }
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
    match author::folder::sources(&root().join("questionnaires"), "questionnaires") {
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
