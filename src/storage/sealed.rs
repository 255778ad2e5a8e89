//! The locked record, as stored: pure code (no browser, no crypto), so it is tested and fuzzed
//! natively. The browser side (`vault.rs`) does the cryptography with WebCrypto: AES-GCM with a
//! fresh IV for every write, the key derived from her passcode with PBKDF2-SHA-256 at
//! [`ITERATIONS`] and the random salt stored here.
//!
//! Stored text: `wws-lock/1 <iterations> <salt hex> <iv hex> <ciphertext hex>`.
//!
//! What is encrypted ([`Contents`]) holds her progress and history records, each in the same
//! text as the unlocked records (so every record version that loads unlocked loads locked), and
//! is padded with spaces to a multiple of [`PAD_TO`] bytes, so the stored length does not tell
//! how far she got or whether she finished.

use super::format::{decode, encode, Decoded, SavedHistory, SavedProgress};

/// The key of the locked record.
pub const LOCKED_KEY: &str = "app:locked";
/// The envelope's format version.
pub const LOCK_FORMAT: u32 = 1;
/// PBKDF2-SHA-256 iterations for records this version writes.
pub const ITERATIONS: u32 = 600_000;
/// Fewer than this is never accepted from a stored record (a weakened record is unreadable).
pub const MIN_ITERATIONS: u32 = 100_000;
/// More than this is never accepted either: an edited record could otherwise ask for so many
/// that Unlock seems to hang (10 times today's count leaves room for future versions).
pub const MAX_ITERATIONS: u32 = 6_000_000;
/// Salt length, in bytes.
pub const SALT_LEN: usize = 16;
/// AES-GCM IV length, in bytes.
pub const IV_LEN: usize = 12;
/// The plaintext is padded to a multiple of this many bytes.
pub const PAD_TO: usize = 4096;
/// AES-GCM's tag, added to every ciphertext.
const TAG_LEN: usize = 16;
/// The first line of the plaintext.
const CONTENTS_HEADER: &str = "wws-contents/1";

/// A locked record, read from its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope {
    /// PBKDF2 iterations used to derive its key.
    pub iterations: u32,
    /// The random salt for PBKDF2.
    pub salt: Vec<u8>,
    /// The AES-GCM IV of this write.
    pub iv: Vec<u8>,
    /// The encrypted, padded [`Contents`], with its tag.
    pub ciphertext: Vec<u8>,
}

/// Why a locked record cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unsealed {
    /// Written by a newer version of the app.
    #[error("it was locked by a newer version of this check-in")]
    Newer(u32),
    /// Damaged: not in the locked record's shape.
    #[error("it is damaged ({0})")]
    Damaged(String),
}

impl Envelope {
    /// Reads a stored locked record.
    pub fn parse(text: &str) -> Result<Self, Unsealed> {
        let damaged = |what: &str| Unsealed::Damaged(what.to_string());
        let mut parts = text.split(' ');
        let head = parts.next().unwrap_or_default();
        let version = head
            .strip_prefix("wws-lock/")
            .ok_or_else(|| damaged("not a locked record"))?
            .parse::<u32>()
            .map_err(|_| damaged("no version"))?;
        if version > LOCK_FORMAT {
            return Err(Unsealed::Newer(version));
        }
        if version == 0 {
            return Err(damaged("no version"));
        }
        let iterations = parts
            .next()
            .and_then(|s| s.parse::<u32>().ok())
            .ok_or_else(|| damaged("no iteration count"))?;
        if iterations < MIN_ITERATIONS {
            return Err(damaged("too few iterations"));
        }
        if iterations > MAX_ITERATIONS {
            return Err(damaged("more iterations than this app ever asks for"));
        }
        let mut field = |what: &str, len: Option<usize>| {
            let bytes = parts
                .next()
                .and_then(from_hex)
                .ok_or_else(|| damaged(&format!("missing {what}")))?;
            match len {
                Some(n) if bytes.len() != n => Err(damaged(&format!("wrong {what} length"))),
                _ => Ok(bytes),
            }
        };
        let salt = field("salt", Some(SALT_LEN))?;
        let iv = field("IV", Some(IV_LEN))?;
        let ciphertext = field("ciphertext", None)?;
        if ciphertext.len() < PAD_TO + TAG_LEN
            || !(ciphertext.len() - TAG_LEN).is_multiple_of(PAD_TO)
        {
            return Err(damaged("wrong ciphertext length"));
        }
        if parts.next().is_some() {
            return Err(damaged("extra text"));
        }
        Ok(Envelope {
            iterations,
            salt,
            iv,
            ciphertext,
        })
    }

    /// The stored text.
    pub fn to_text(&self) -> String {
        format!(
            "wws-lock/{LOCK_FORMAT} {} {} {} {}",
            self.iterations,
            to_hex(&self.salt),
            to_hex(&self.iv),
            to_hex(&self.ciphertext)
        )
    }
}

/// What the lock keeps: her progress and her history, as their own record texts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Contents {
    /// Her progress, if she has any.
    pub progress: Option<SavedProgress>,
    /// Her completed check-ins.
    pub history: SavedHistory,
}

impl Contents {
    /// The plaintext to encrypt, padded with spaces to a multiple of [`PAD_TO`] bytes.
    pub fn to_plaintext(&self) -> Vec<u8> {
        let progress = self
            .progress
            .as_ref()
            .filter(|p| !p.is_blank())
            .map(encode)
            .unwrap_or_default();
        let history = if self.history.entries.is_empty() {
            String::new()
        } else {
            encode(&self.history)
        };
        // Record texts are compact JSON: they never hold a raw line break.
        let mut text = format!("{CONTENTS_HEADER}\n{progress}\n{history}\n").into_bytes();
        let padded = text.len().div_ceil(PAD_TO).max(1) * PAD_TO;
        text.resize(padded, b' ');
        text
    }

    /// Reads decrypted plaintext; records that cannot be read are named in `problems`
    /// (the rest still loads).
    pub fn from_plaintext(bytes: &[u8]) -> Result<(Self, Vec<String>), Unsealed> {
        let text = std::str::from_utf8(bytes)
            .map_err(|_| Unsealed::Damaged("not text".into()))?
            .trim_end_matches(' ');
        let mut lines = text.split('\n');
        if lines.next() != Some(CONTENTS_HEADER) {
            return Err(Unsealed::Damaged("unknown contents".into()));
        }
        let mut problems = Vec::new();
        let mut contents = Contents::default();
        match lines.next().unwrap_or_default() {
            "" => {}
            raw => match decode::<SavedProgress>(raw) {
                Decoded::Ok(p) => contents.progress = Some(p),
                Decoded::Newer(_) => problems.push("progress from a newer version".into()),
                Decoded::Unreadable(why) => problems.push(format!("progress: {why}")),
            },
        }
        match lines.next().unwrap_or_default() {
            "" => {}
            raw => match decode::<SavedHistory>(raw) {
                Decoded::Ok(h) => contents.history = h,
                Decoded::Newer(_) => problems.push("history from a newer version".into()),
                Decoded::Unreadable(why) => problems.push(format!("history: {why}")),
            },
        }
        Ok((contents, problems))
    }
}

/// Lower-case hex.
pub fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 15)] as char);
    }
    out
}

/// Reads hex (either case); `None` if it is not whole bytes of hex.
pub fn from_hex(text: &str) -> Option<Vec<u8>> {
    let digit = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    let bytes = text.as_bytes();
    if bytes.is_empty() || !bytes.len().is_multiple_of(2) {
        return None;
    }
    bytes
        .chunks(2)
        .map(|pair| Some(digit(pair[0])? << 4 | digit(pair[1])?))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::format::{SavedCheckIn, SavedPlace, FORMAT};

    fn progress(answers: usize) -> SavedProgress {
        SavedProgress {
            format: FORMAT,
            questionnaire: "q".into(),
            version: 1,
            answers: (0..answers)
                .map(|i| {
                    (
                        format!("question_{i}"),
                        crate::storage::format::SavedAnswer::One(format!("option_{i}")),
                    )
                })
                .collect(),
            place: SavedPlace::Results,
            ticked: Default::default(),
            saved_at: 5.0,
        }
    }

    #[test]
    fn contents_round_trip_and_are_padded_to_the_same_length_however_far_she_got() {
        let empty = Contents::default();
        let started = Contents {
            progress: Some(progress(1)),
            history: SavedHistory::default(),
        };
        let finished = Contents {
            progress: Some(progress(20)),
            history: SavedHistory {
                format: FORMAT,
                entries: vec![SavedCheckIn {
                    completed_at: 9.0,
                    scores: [("trust".to_string(), 3)].into_iter().collect(),
                }],
            },
        };
        let lengths: Vec<usize> = [&empty, &started, &finished]
            .iter()
            .map(|c| c.to_plaintext().len())
            .collect();
        assert_eq!(lengths, vec![PAD_TO; 3]);
        for c in [empty, started, finished] {
            let (back, problems) = Contents::from_plaintext(&c.to_plaintext()).unwrap();
            assert_eq!(back, c);
            assert!(problems.is_empty());
        }
    }

    #[test]
    fn an_envelope_round_trips_and_damage_is_named() {
        let e = Envelope {
            iterations: ITERATIONS,
            salt: vec![7; SALT_LEN],
            iv: vec![9; IV_LEN],
            ciphertext: vec![1; PAD_TO + TAG_LEN],
        };
        assert_eq!(Envelope::parse(&e.to_text()), Ok(e.clone()));
        let text = e.to_text();
        let no_salt = text.replacen(&to_hex(&e.salt), "", 1).replace("  ", " ");
        assert!(matches!(
            Envelope::parse(&no_salt),
            Err(Unsealed::Damaged(_))
        ));
        assert_eq!(
            Envelope::parse(&text.replacen("wws-lock/1", "wws-lock/7", 1)),
            Err(Unsealed::Newer(7))
        );
        let weak = text.replacen("600000", "1000", 1);
        assert!(matches!(Envelope::parse(&weak), Err(Unsealed::Damaged(_))));
        // An edited record asking for billions of iterations would make Unlock seem to hang.
        let slow = text.replacen("600000", "4000000000", 1);
        assert!(matches!(Envelope::parse(&slow), Err(Unsealed::Damaged(_))));
        let future = text.replacen("600000", "1200000", 1);
        assert!(
            Envelope::parse(&future).is_ok(),
            "a stronger future record still reads"
        );
        assert!(matches!(
            Envelope::parse(&text[..text.len() - 2]),
            Err(Unsealed::Damaged(_))
        ));
        assert!(matches!(
            Envelope::parse("{\"format\":1}"),
            Err(Unsealed::Damaged(_))
        ));
    }

    #[test]
    fn hex_round_trips_and_refuses_what_is_not_hex() {
        assert_eq!(to_hex(&[0, 15, 255]), "000fff");
        assert_eq!(from_hex("000fFF"), Some(vec![0, 15, 255]));
        assert_eq!(from_hex("0"), None);
        assert_eq!(from_hex("zz"), None);
        assert_eq!(from_hex(""), None);
    }

    #[test]
    fn an_unreadable_record_inside_is_named_and_the_rest_still_loads() {
        let c = Contents {
            progress: Some(progress(2)),
            history: SavedHistory::default(),
        };
        let mut text = String::from_utf8(c.to_plaintext()).unwrap();
        text = text.replacen("\n\n", "\n{not json\n", 1);
        let (back, problems) = Contents::from_plaintext(text.as_bytes()).unwrap();
        assert_eq!(back.progress, c.progress);
        assert_eq!(problems.len(), 1);
    }
}
