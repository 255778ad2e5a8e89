//! The saved-progress format, version by version, and its conversion to an engine session.
//!
//! This is deliberately separate from the engine's types: the engine can change shape freely,
//! while what readers have saved must keep loading. Version 1 is the current format; a record
//! from a newer version is never overwritten (see `local.rs`).

use super::json::{Json, Problem};
use engine::{Answer, Position, Questionnaire, Restored, Session};
use std::collections::{BTreeMap, BTreeSet};

/// The current format version.
pub const FORMAT: u32 = 1;

/// A saved answer: an option id, a list of option ids, or the word for "prefer not to say".
/// In JSON a string or a list of strings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SavedAnswer {
    /// One option id, or "prefer_not_to_say".
    One(String),
    /// Ticked option ids.
    Many(Vec<String>),
}

/// Where the reader was.
/// In JSON `"home"`, `"results"` or `{"question": "<id>"}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SavedPlace {
    /// On the home screen, before starting.
    Home,
    /// On a question.
    Question(String),
    /// On the results.
    Results,
}

/// A reader's saved progress (format 1).
#[derive(Debug, Clone, PartialEq)]
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
    /// Action-plan steps she ticked (may be missing: empty).
    pub ticked: BTreeSet<String>,
    /// When it was saved (milliseconds since 1970; may be missing: 0).
    pub saved_at: f64,
}

/// One completed check-in, kept for "how things have changed".
#[derive(Debug, Clone, PartialEq)]
pub struct SavedCheckIn {
    /// When it was completed (milliseconds since 1970).
    pub completed_at: f64,
    /// Score per dimension id.
    pub scores: BTreeMap<String, i64>,
}

/// Completed check-ins, oldest first.
#[derive(Debug, Clone, Default, PartialEq)]
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

/// A saved record: read from and written to JSON.
pub trait Record: Sized {
    /// Reads the record from parsed JSON.
    fn from_json(j: &Json) -> Result<Self, Problem>;
    /// The record as JSON.
    fn to_json(&self) -> Json;
}

/// Reads a saved record, telling a newer format apart from a broken one.
pub fn decode<T: Record>(raw: &str) -> Decoded<T> {
    let read = Json::parse(raw).and_then(|j| {
        let format = j.field("format")?.int("format")?;
        if format > i64::from(FORMAT) {
            return Ok(Decoded::Newer(u32::try_from(format).unwrap_or(u32::MAX)));
        }
        T::from_json(&j).map(Decoded::Ok)
    });
    read.unwrap_or_else(Decoded::Unreadable)
}

/// Writes a saved record as JSON text.
pub fn encode<T: Record>(record: &T) -> String {
    record.to_json().to_text()
}

fn string_list(j: &Json, what: &str) -> Result<Vec<String>, Problem> {
    let mut out = Vec::new();
    for item in j.arr(what)? {
        out.push(item.str(what)?.to_string());
    }
    Ok(out)
}

fn strings(list: impl IntoIterator<Item = impl Into<String>>) -> Json {
    Json::Arr(list.into_iter().map(|s| Json::Str(s.into())).collect())
}

fn u32_of(j: &Json, what: &str) -> Result<u32, Problem> {
    u32::try_from(j.int(what)?).map_err(|_| format!("{what} is out of range"))
}

impl SavedAnswer {
    fn from_json(j: &Json, question: &str) -> Result<Self, Problem> {
        let problem =
            || format!("the answer to \"{question}\" should be an option id or a list of them");
        match j {
            Json::Str(s) => Ok(SavedAnswer::One(s.clone())),
            Json::Arr(_) => string_list(j, question)
                .map(SavedAnswer::Many)
                .map_err(|_| problem()),
            _ => Err(problem()),
        }
    }

    fn to_json(&self) -> Json {
        match self {
            SavedAnswer::One(s) => Json::Str(s.clone()),
            SavedAnswer::Many(ids) => strings(ids.iter().cloned()),
        }
    }
}

impl SavedPlace {
    fn from_json(j: &Json) -> Result<Self, Problem> {
        match j {
            Json::Str(s) if s == "home" => Ok(SavedPlace::Home),
            Json::Str(s) if s == "results" => Ok(SavedPlace::Results),
            Json::Obj(_) => Ok(SavedPlace::Question(
                j.field("question")?.str("the question")?.to_string(),
            )),
            _ => Err("place should be \"home\", \"results\" or a question".to_string()),
        }
    }

    fn to_json(&self) -> Json {
        match self {
            SavedPlace::Home => Json::Str("home".into()),
            SavedPlace::Results => Json::Str("results".into()),
            SavedPlace::Question(id) => Json::Obj(vec![("question".into(), Json::Str(id.clone()))]),
        }
    }
}

impl Record for SavedProgress {
    fn from_json(j: &Json) -> Result<Self, Problem> {
        let mut answers = BTreeMap::new();
        for (question, answer) in j.field("answers")?.obj("answers")? {
            answers.insert(question.clone(), SavedAnswer::from_json(answer, question)?);
        }
        let mut ticked = BTreeSet::new();
        if let Some(list) = j.get("ticked") {
            for id in string_list(list, "ticked")? {
                ticked.insert(id);
            }
        }
        Ok(SavedProgress {
            format: u32_of(j.field("format")?, "format")?,
            questionnaire: j.field("questionnaire")?.str("questionnaire")?.to_string(),
            version: u32_of(j.field("version")?, "version")?,
            answers,
            place: SavedPlace::from_json(j.field("place")?)?,
            ticked,
            saved_at: match j.get("saved_at") {
                Some(t) => t.num("saved_at")?,
                None => 0.0,
            },
        })
    }

    fn to_json(&self) -> Json {
        let answers = self
            .answers
            .iter()
            .map(|(k, v)| (k.clone(), v.to_json()))
            .collect();
        Json::Obj(vec![
            ("format".into(), Json::Num(self.format.into())),
            (
                "questionnaire".into(),
                Json::Str(self.questionnaire.clone()),
            ),
            ("version".into(), Json::Num(self.version.into())),
            ("answers".into(), Json::Obj(answers)),
            ("place".into(), self.place.to_json()),
            ("ticked".into(), strings(self.ticked.iter().cloned())),
            ("saved_at".into(), Json::Num(self.saved_at)),
        ])
    }
}

impl Record for SavedHistory {
    fn from_json(j: &Json) -> Result<Self, Problem> {
        let mut entries = Vec::new();
        for entry in j.field("entries")?.arr("entries")? {
            let mut scores = BTreeMap::new();
            for (dimension, score) in entry.field("scores")?.obj("scores")? {
                scores.insert(dimension.clone(), score.int("a score")?);
            }
            entries.push(SavedCheckIn {
                completed_at: entry.field("completed_at")?.num("completed_at")?,
                scores,
            });
        }
        Ok(SavedHistory {
            format: u32_of(j.field("format")?, "format")?,
            entries,
        })
    }

    fn to_json(&self) -> Json {
        let entries = self
            .entries
            .iter()
            .map(|e| {
                let scores = e
                    .scores
                    .iter()
                    .map(|(k, v)| (k.clone(), Json::Num(*v as f64)))
                    .collect();
                Json::Obj(vec![
                    ("completed_at".into(), Json::Num(e.completed_at)),
                    ("scores".into(), Json::Obj(scores)),
                ])
            })
            .collect();
        Json::Obj(vec![
            ("format".into(), Json::Num(self.format.into())),
            ("entries".into(), Json::Arr(entries)),
        ])
    }
}

impl From<&Answer> for SavedAnswer {
    fn from(a: &Answer) -> Self {
        match a {
            Answer::Choice(c) => SavedAnswer::One(c.clone()),
            Answer::Choices(cs) => SavedAnswer::Many(cs.clone()),
            Answer::Declined => SavedAnswer::One(engine::answer::DECLINED.into()),
        }
    }
}

impl From<&SavedAnswer> for Answer {
    fn from(a: &SavedAnswer) -> Self {
        match a {
            SavedAnswer::One(s) if s == engine::answer::DECLINED => Answer::Declined,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> SavedProgress {
        let mut answers = BTreeMap::new();
        answers.insert("status".into(), SavedAnswer::One("moved_out".into()));
        answers.insert(
            "hopes".into(),
            SavedAnswer::Many(vec!["future".into(), "kids".into()]),
        );
        answers.insert("safe".into(), SavedAnswer::One("prefer_not_to_say".into()));
        SavedProgress {
            format: FORMAT,
            questionnaire: "check-in".into(),
            version: 3,
            answers,
            place: SavedPlace::Question("apart \"how\" long".into()),
            ticked: ["step-1".to_string()].into_iter().collect(),
            saved_at: 1_732_400_000_000.0,
        }
    }

    #[test]
    fn what_the_previous_version_wrote_still_loads() {
        // Written by serde_json before the app read saved progress itself: floats with ".0".
        let old = r#"{"format":1,"questionnaire":"check-in","version":3,"answers":{"hopes":["future","kids"],"safe":"prefer_not_to_say","status":"moved_out"},"place":{"question":"apart \"how\" long"},"ticked":["step-1"],"saved_at":1732400000000.0}"#;
        assert_eq!(decode::<SavedProgress>(old), Decoded::Ok(sample()));
        let history = r#"{"format":1,"entries":[{"completed_at":1732400000000.0,"scores":{"trust":4,"burnout":-2}}]}"#;
        let Decoded::Ok(h) = decode::<SavedHistory>(history) else {
            panic!("history reads")
        };
        assert_eq!(h.entries[0].completed_at, 1_732_400_000_000.0);
        assert_eq!(h.entries[0].scores["burnout"], -2);
    }

    #[test]
    fn records_round_trip_through_the_text_we_write() {
        let text = encode(&sample());
        assert_eq!(decode::<SavedProgress>(&text), Decoded::Ok(sample()));
        // The text is ordinary JSON in the same shape as before.
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["place"]["question"], "apart \"how\" long");
        assert_eq!(v["answers"]["hopes"][1], "kids");
        assert_eq!(v["saved_at"], 1_732_400_000_000u64);
        for place in [SavedPlace::Home, SavedPlace::Results] {
            let p = SavedProgress {
                place: place.clone(),
                ..sample()
            };
            assert_eq!(decode::<SavedProgress>(&encode(&p)), Decoded::Ok(p));
        }
        let mut h = SavedHistory {
            format: FORMAT,
            entries: vec![],
        };
        h.entries.push(SavedCheckIn {
            completed_at: 5.0,
            scores: [("trust".to_string(), -7)].into_iter().collect(),
        });
        assert_eq!(decode::<SavedHistory>(&encode(&h)), Decoded::Ok(h));
    }

    #[test]
    fn missing_ticks_and_time_default() {
        let text = r#"{"format":1,"questionnaire":"q","version":1,"answers":{},"place":"home"}"#;
        let Decoded::Ok(p) = decode::<SavedProgress>(text) else {
            panic!("reads")
        };
        assert!(p.ticked.is_empty());
        assert_eq!(p.saved_at, 0.0);
        assert!(p.is_blank());
    }

    #[test]
    fn a_newer_format_is_told_apart_from_a_broken_one() {
        assert_eq!(
            decode::<SavedProgress>(r#"{"format":2,"whatever":true}"#),
            Decoded::Newer(2)
        );
        for (text, problem) in [
            ("not json", "it is not valid JSON"),
            ("[1,2]", "missing field \"format\""),
            (r#"{"format":"1"}"#, "format should be a number"),
            (
                r#"{"format":1,"questionnaire":"q","version":1,"answers":{"a":3},"place":"home"}"#,
                "the answer to \"a\" should be an option id or a list of them",
            ),
            (
                r#"{"format":1,"questionnaire":"q","version":1,"answers":{"a":["x",2]},"place":"home"}"#,
                "the answer to \"a\" should be an option id or a list of them",
            ),
            (
                r#"{"format":1,"questionnaire":"q","version":1,"answers":{},"place":"away"}"#,
                "place should be \"home\", \"results\" or a question",
            ),
            (
                r#"{"format":1,"questionnaire":"q","version":-1,"answers":{},"place":"home"}"#,
                "version is out of range",
            ),
        ] {
            assert_eq!(
                decode::<SavedProgress>(text),
                Decoded::Unreadable(problem.to_string()),
                "{text}"
            );
        }
        assert_eq!(
            decode::<SavedHistory>(
                r#"{"format":1,"entries":[{"completed_at":1,"scores":{"t":1.5}}]}"#
            ),
            Decoded::Unreadable("a score should be a whole number".to_string())
        );
    }
}
