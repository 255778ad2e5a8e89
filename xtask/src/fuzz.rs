//! Bad input, generated: questionnaire texts made from a good one by small and large damage
//! (malformed TOML, wrong shapes, broken references, huge and deeply nested values), each read
//! and checked as the author's tool would. Every input must end as a questionnaire or as
//! problems in plain words, never as a panic. Native only: `questionnaire fuzz` and a test.

use author::{check_sources, Severity, Source};
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

/// Saved records as this and earlier versions wrote them: plain progress and history, the
/// lock's envelope, and the decrypted contents it holds.
const RECORD_SEEDS: &[&str] = &[
    r#"{"format":1,"questionnaire":"check-in","version":3,"answers":{"hopes":["future","kids"],"safe":"prefer_not_to_say","status":"moved_out"},"place":{"question":"apart \"how\" long"},"ticked":["step-1"],"saved_at":1732400000000.0}"#,
    r#"{"format":1,"questionnaire":"q","version":1,"answers":{},"place":"home"}"#,
    r#"{"format":1,"questionnaire":"q","version":2,"answers":{"a":"b"},"place":"results","ticked":[],"saved_at":0}"#,
    r#"{"format":1,"entries":[{"completed_at":1732400000000.0,"scores":{"trust":4,"burnout":-2}}]}"#,
    "wws-lock/1 600000 00112233445566778899aabbccddeeff 00112233445566778899aabb 00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
];

/// Pieces that break JSON records and the lock's envelope.
const RECORD_PIECES: &[&str] = &[
    "\"",
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
    "\\",
    "\\u",
    "\\ud800",
    "null",
    "true",
    "-",
    "1e999",
    "-0",
    "99999999999999999999999",
    "0.5",
    "\"format\":2,",
    "\"format\":-1,",
    " ",
    "\n",
    "wws-lock/",
    "wws-contents/1\n",
    "zz",
    "0",
    "ff",
    "é",
    "\u{0}",
    "\u{feff}",
];

/// One damaged copy of a saved record (or, for the lock, of its plaintext).
fn damage_record(seed: &str, rng: &mut Rng) -> String {
    let mut text = seed.to_string();
    // A locked record asking for an absurd number of iterations (which, if obeyed, would hang
    // Unlock): now and then, its count is replaced before any other damage.
    if text.starts_with("wws-lock/") && rng.below(4) == 0 {
        let absurd = [
            "0".to_string(),
            "4294967295".to_string(),
            "4294967296".to_string(),
            "6000001".to_string(),
            "-600000".to_string(),
            "99999999999999999999999".to_string(),
            (rng.next() % 4_000_000_000).to_string(),
        ];
        let count = &absurd[rng.below(absurd.len())];
        let mut parts: Vec<&str> = text.split(' ').collect();
        if parts.len() > 1 {
            parts[1] = count;
            text = parts.join(" ");
        }
    }
    for _ in 0..=rng.below(3) {
        match rng.below(6) {
            0 | 1 => {
                let at = char_boundary(&text, rng.below(text.len() + 1));
                text.insert_str(at, RECORD_PIECES[rng.below(RECORD_PIECES.len())]);
            }
            2 => {
                let from = char_boundary(&text, rng.below(text.len() + 1));
                let to = char_boundary(&text, (from + 1 + rng.below(30)).min(text.len()));
                text.replace_range(from..to, "");
            }
            3 => {
                // One character swapped for another printable one.
                let at = char_boundary(&text, rng.below(text.len() + 1));
                let next = char_boundary(&text, at + 1);
                if next > at {
                    let c = char::from_u32(32 + (rng.next() % 95) as u32).unwrap_or('?');
                    text.replace_range(at..next, &c.to_string());
                }
            }
            4 => {
                let depth = 1 + rng.below(100_000);
                let (open, close) = if rng.below(2) == 0 {
                    ("[", "]")
                } else {
                    ("{\"a\":", "}")
                };
                let at = char_boundary(&text, rng.below(text.len() + 1));
                let nest = format!(
                    "{}1{}",
                    open.repeat(depth),
                    close.repeat(rng.below(depth + 1))
                );
                text.insert_str(at, &nest);
            }
            _ => {
                let at = char_boundary(&text, rng.below(text.len() + 1));
                let long = "9".repeat(1 + rng.below(5_000));
                text.insert_str(at, &long);
            }
        }
    }
    text
}

/// Reads `count` damaged saved records (seeded with `seed_number`) with the app's own decoders:
/// plain progress and history, the lock's envelope, and decrypted contents. Each must end as a
/// record or a refusal, never a panic. (`loaded` counts records read, `refused` the rest.)
pub fn run_records(count: u64, seed_number: u64) -> Outcome {
    use reader::storage::format::{decode, Decoded, SavedHistory, SavedProgress};
    use reader::storage::sealed::{Contents, Envelope};
    let mut rng = Rng(seed_number.max(1));
    let mut out = Outcome::default();
    for _ in 0..count {
        let seed = RECORD_SEEDS[rng.below(RECORD_SEEDS.len())];
        // A third of the time, the damage is inside a decrypted plaintext.
        let as_contents = rng.below(3) == 0;
        let seed = if as_contents && !seed.starts_with("wws-lock") {
            format!("wws-contents/1\n{seed}\n{}\n   ", RECORD_SEEDS[3])
        } else {
            seed.to_string()
        };
        let text = damage_record(&seed, &mut rng);
        out.inputs += 1;
        let read = catch_unwind(AssertUnwindSafe(|| {
            let mut ok = false;
            ok |= matches!(decode::<SavedProgress>(&text), Decoded::Ok(_));
            ok |= matches!(decode::<SavedHistory>(&text), Decoded::Ok(_));
            ok |= Envelope::parse(&text).is_ok();
            ok |= Contents::from_plaintext(text.as_bytes()).is_ok();
            ok
        }));
        match read {
            Err(_) => {
                out.panics += 1;
                if out.examples.len() < 5 {
                    out.examples.push(text);
                }
            }
            Ok(true) => out.loaded += 1,
            Ok(false) => out.refused += 1,
        }
    }
    out
}

#[cfg(test)]
mod record_tests {
    #[test]
    fn damaged_saved_records_never_panic() {
        let out = super::run_records(3_000, 7);
        assert_eq!(out.panics, 0, "{:?}", out.examples);
        assert!(out.loaded > 0 && out.refused > 0, "{out:?}");
    }

    #[test]
    fn locked_records_with_absurd_iteration_counts_are_refused() {
        use reader::storage::sealed::Envelope;
        // The smallest well-formed ciphertext: one padded block and the AES-GCM tag.
        let ciphertext = "ab".repeat(reader::storage::sealed::PAD_TO + 16);
        let seed = &format!(
            "wws-lock/1 600000 00112233445566778899aabbccddeeff 00112233445566778899aabb {ciphertext}"
        );
        assert!(Envelope::parse(seed).is_ok(), "the envelope itself reads");
        for count in [
            "0",
            "99999",
            "6000001",
            "4294967295",
            "4294967296",
            "-1",
            "1e9",
        ] {
            let mut parts: Vec<&str> = seed.split(' ').collect();
            parts[1] = count;
            assert!(
                Envelope::parse(&parts.join(" ")).is_err(),
                "{count} iterations must be refused"
            );
        }
    }
}
