//! The saved-progress format, version by version, and its conversion to an engine session.
//!
//! This is deliberately separate from the engine's types: the engine can change shape freely,
//! while what readers have saved must keep loading. Version 1 is the current format; a record
//! from a newer version is never overwritten (see `local.rs`).

use crate::engine::{Answer, Position, Questionnaire, Restored, Session};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The current format version.
pub const FORMAT: u32 = 1;

/// A saved answer: an option id, a list of option ids, or the word for "prefer not to say".
/// In JSON a string or a list of strings (read by hand below: serde's `untagged` buffers the
/// whole value first and costs the app several kilobytes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum SavedAnswer {
    /// One option id, or "prefer_not_to_say".
    One(String),
    /// Ticked option ids.
    Many(Vec<String>),
}

impl<'de> Deserialize<'de> for SavedAnswer {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Either;
        impl<'de> serde::de::Visitor<'de> for Either {
            type Value = SavedAnswer;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an option id or a list of option ids")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<SavedAnswer, E> {
                Ok(SavedAnswer::One(s.to_string()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<SavedAnswer, A::Error> {
                let mut ids = Vec::new();
                while let Some(id) = seq.next_element::<String>()? {
                    ids.push(id);
                }
                Ok(SavedAnswer::Many(ids))
            }
        }
        d.deserialize_any(Either)
    }
}

/// Where the reader was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SavedPlace {
    /// On the home screen, before starting.
    Home,
    /// On a question.
    Question(String),
    /// On the results.
    Results,
}

/// A reader's saved progress (format 1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedProgress {
    /// Always [`FORMAT`] when written by this version.
    pub format: u32,
    /// The questionnaire's id.
    pub questionnaire: String,
    /// The questionnaire's version when saved.
    pub version: u32,
    /// Answers by question id.
    pub answers: BTreeMap<String, SavedAnswer>,
    /// Where she was.
    pub place: SavedPlace,
    /// Action-plan steps she ticked.
    #[serde(default)]
    pub ticked: BTreeSet<String>,
    /// When it was saved (milliseconds since 1970).
    #[serde(default)]
    pub saved_at: f64,
}

/// One completed check-in, kept for "how things have changed".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedCheckIn {
    /// When it was completed (milliseconds since 1970).
    pub completed_at: f64,
    /// Score per dimension id.
    pub scores: BTreeMap<String, i64>,
}

/// Completed check-ins, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SavedHistory {
    /// Always [`FORMAT`] when written by this version.
    pub format: u32,
    /// The entries.
    pub entries: Vec<SavedCheckIn>,
}

/// How a saved record reads.
#[derive(Debug, Clone, PartialEq)]
pub enum Decoded<T> {
    /// It is a record this version understands.
    Ok(T),
    /// It was written by a newer version of the app.
    Newer(u32),
    /// It is not valid JSON, or not of the expected shape.
    Unreadable(String),
}

/// Reads a saved record, telling a newer format apart from a broken one.
pub fn decode<T: for<'de> Deserialize<'de>>(raw: &str) -> Decoded<T> {
    #[derive(Deserialize)]
    struct Versioned {
        format: u32,
    }
    match serde_json::from_str::<Versioned>(raw) {
        Ok(v) if v.format > FORMAT => Decoded::Newer(v.format),
        Ok(_) => match serde_json::from_str::<T>(raw) {
            Ok(t) => Decoded::Ok(t),
            Err(e) => Decoded::Unreadable(e.to_string()),
        },
        Err(e) => Decoded::Unreadable(e.to_string()),
    }
}

impl From<&Answer> for SavedAnswer {
    fn from(a: &Answer) -> Self {
        match a {
            Answer::Choice(c) => SavedAnswer::One(c.clone()),
            Answer::Choices(cs) => SavedAnswer::Many(cs.clone()),
            Answer::Declined => SavedAnswer::One(crate::engine::answer::DECLINED.into()),
        }
    }
}

impl From<&SavedAnswer> for Answer {
    fn from(a: &SavedAnswer) -> Self {
        match a {
            SavedAnswer::One(s) if s == crate::engine::answer::DECLINED => Answer::Declined,
            SavedAnswer::One(s) => Answer::Choice(s.clone()),
            SavedAnswer::Many(v) => Answer::Choices(v.clone()),
        }
    }
}

impl SavedProgress {
    /// The record for a session.
    pub fn of(
        q: &Questionnaire,
        session: &Session,
        started: bool,
        ticked: &BTreeSet<String>,
        now: f64,
    ) -> SavedProgress {
        // Inserted one by one: `collect` into a map sorts first, which costs code size.
        let mut answers = BTreeMap::new();
        for (k, v) in session.answers() {
            answers.insert(k.clone(), v.into());
        }
        SavedProgress {
            format: FORMAT,
            questionnaire: q.id().to_string(),
            version: q.version(),
            answers,
            place: match (started, session.position()) {
                (false, _) => SavedPlace::Home,
                (true, Position::Question(id)) => SavedPlace::Question(id.clone()),
                (true, Position::Results) => SavedPlace::Results,
            },
            ticked: ticked.clone(),
            saved_at: now,
        }
    }

    /// True when there is nothing worth keeping: not started, no answers, no ticks.
    pub fn is_blank(&self) -> bool {
        self.place == SavedPlace::Home && self.answers.is_empty() && self.ticked.is_empty()
    }

    /// Rebuilds the session against the current questionnaire, keeping what still fits.
    /// Returns the session, whether she had started, and what was kept and dropped.
    pub fn restore(&self, q: &Questionnaire) -> (Session, bool, Restored) {
        let mut answers = BTreeMap::new();
        for (k, v) in &self.answers {
            answers.insert(k.clone(), Answer::from(v));
        }
        let (at, started) = match &self.place {
            SavedPlace::Home => (None, false),
            SavedPlace::Question(id) => (Some(Position::Question(id.clone())), true),
            SavedPlace::Results => (Some(Position::Results), true),
        };
        let (session, restored) = Session::restore(q, answers, at);
        let started = started || !session.is_fresh();
        (session, started, restored)
    }
}
