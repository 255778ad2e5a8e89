//! Bad input, generated: questionnaire texts made from a good one by small and large damage
//! (malformed TOML, wrong shapes, broken references, huge and deeply nested values), each read
//! and checked as the author's tool would. Every input must end as a questionnaire or as
//! problems in plain words, never as a panic. Native only: `questionnaire fuzz` and a test.

use crate::engine::{check_sources, Severity, Source};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// What a run found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Inputs tried.
    pub inputs: u64,
    /// Inputs that made a questionnaire.
    pub loaded: u64,
    /// Inputs refused with at least one error, each with a message.
    pub refused: u64,
    /// Inputs that panicked (must be 0), with the first few inputs that did.
    pub panics: u64,
    /// Inputs refused without a usable message (must be 0).
    pub silent: u64,
    /// The first inputs that panicked or were refused silently, to reproduce them.
    pub examples: Vec<String>,
}

/// A small, fast, seeded random source (xorshift), so a run can be repeated exactly.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Pieces that break TOML or the questionnaire in the ways authors (and editors) do.
const PIECES: &[&str] = &[
    "\"",
    "'",
    "\"\"\"",
    "[",
    "]",
    "[[",
    "]]",
    "{",
    "}",
    "=",
    ",",
    "\n",
    "#",
    "\\",
    "“",
    "”",
    "’",
    "\t",
    "\u{feff}",
    "\r\n",
    "= \"",
    "true",
    "-1",
    "99999999999999999999",
    "1e400",
    "nan",
    "[[questions]]\n",
    "[[articles]]\n",
    "[conditions]\n",
    "next = \"results\"\n",
    "next = \"nowhere\"\n",
    "when = { condition = \"x\" }\n",
    "kind = \"scale\"\n",
    "red_flag = true\n",
    "id = \"situation\"\n",
    "weight = -5\n",
    "{ not = { not = ",
    "<script>",
    "1979-05-27T07:32:00Z",
    "é",
    "\u{0}",
];

/// One damaged copy of `seed`.
fn damage(seed: &str, rng: &mut Rng) -> String {
    let mut text = seed.to_string();
    let lines: Vec<&str> = seed.lines().collect();
    match rng.below(10) {
        // A few pieces dropped in at random places.
        0..=2 => {
            for _ in 0..=rng.below(4) {
                let at = char_boundary(&text, rng.below(text.len() + 1));
                let piece = PIECES[rng.below(PIECES.len())];
                text.insert_str(at, piece);
            }
        }
        // Bytes cut out.
        3 => {
            let from = char_boundary(&text, rng.below(text.len() + 1));
            let to = char_boundary(&text, (from + 1 + rng.below(40)).min(text.len()));
            text.replace_range(from..to, "");
        }
        // A line deleted, doubled or moved.
        4 => {
            let mut ls: Vec<&str> = lines.clone();
            let i = rng.below(ls.len());
            match rng.below(3) {
                0 => {
                    ls.remove(i);
                }
                1 => ls.insert(i, lines[i]),
                _ => {
                    let l = ls.remove(i);
                    let j = rng.below(ls.len() + 1);
                    ls.insert(j, l);
                }
            }
            text = ls.join("\n");
        }
        // A reference broken: one quoted id replaced by another word.
        5 => {
            let quoted: Vec<(usize, usize)> = text
                .match_indices('"')
                .map(|(i, _)| i)
                .collect::<Vec<_>>()
                .chunks(2)
                .filter(|c| c.len() == 2)
                .map(|c| (c[0] + 1, c[1]))
                .collect();
            if let Some(&(a, b)) = quoted.get(rng.below(quoted.len())) {
                let words = [
                    "results",
                    "",
                    "situation",
                    "x y",
                    "SAFETY",
                    "contact",
                    "none",
                ];
                text.replace_range(a..b, words[rng.below(words.len())]);
            }
        }
        // A value of the wrong kind.
        6 => {
            let swaps = [
                ("= \"", "= 7 #\""),
                ("= true", "= \"true\""),
                ("= 2", "= [2]"),
                ("= [", "= \"[\" #"),
                ("= {", "= 1 #{"),
            ];
            let (from, to) = swaps[rng.below(swaps.len())];
            if let Some((i, _)) = text.match_indices(from).nth(rng.below(20)) {
                text.replace_range(i..i + from.len(), to);
            }
        }
        // Huge values.
        7 => {
            let long = "a".repeat(1 + rng.below(200_000));
            text.push_str(&format!(
                "\n[[sections]]\nid = \"{long}\"\ntitle = \"{long}\"\n"
            ));
        }
        // Deep nesting, in lists and in conditions.
        8 => {
            let depth = 1 + rng.below(5_000);
            if rng.below(2) == 0 {
                text = format!("deep = {}1{}\n{text}", "[".repeat(depth), "]".repeat(depth));
            } else {
                let when = format!(
                    "{}{{ red_flag = true }}{}",
                    "{ not = ".repeat(depth),
                    " }".repeat(depth)
                );
                text = text.replacen("when = {", &format!("when = {when} #"), 1);
            }
        }
        // Random bytes (valid UTF-8) in place of a stretch.
        _ => {
            let at = char_boundary(&text, rng.below(text.len() + 1));
            let noise: String = (0..rng.below(30))
                .map(|_| char::from_u32(32 + (rng.next() % 0x2FF) as u32).unwrap_or('?'))
                .collect();
            text.insert_str(at, &noise);
        }
    }
    text
}

fn char_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Reads and checks `count` damaged copies of `seed` (seeded with `seed_number`).
pub fn run(seed: &str, count: u64, seed_number: u64) -> Outcome {
    let mut rng = Rng(seed_number.max(1));
    let mut out = Outcome::default();
    for _ in 0..count {
        let text = damage(seed, &mut rng);
        out.inputs += 1;
        let checked = catch_unwind(AssertUnwindSafe(|| {
            check_sources(&[Source::new("fuzz.toml", text.as_str())])
        }));
        match checked {
            Err(_) => {
                out.panics += 1;
                if out.examples.len() < 5 {
                    out.examples.push(text);
                }
            }
            Ok(c) if c.questionnaire.is_some() => out.loaded += 1,
            Ok(c) => {
                let told = c
                    .diagnostics
                    .iter()
                    .any(|d| d.severity == Severity::Error && !d.message.trim().is_empty());
                if told {
                    out.refused += 1;
                } else {
                    out.silent += 1;
                    if out.examples.len() < 5 {
                        out.examples.push(text);
                    }
                }
            }
        }
    }
    out
}
