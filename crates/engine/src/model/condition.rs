//! Conditions on earlier answers and scores. The author writes one as a small table of
//! optional keys ([`Written`]); it is sorted out into the one form it takes ([`Condition`])
//! once, as it is read, so walking a path never decodes it again.

use serde::{Deserialize, Serialize};

/// A condition on earlier answers or scores. Use exactly one form:
/// `all`, `any`, `not`, `answer` with `is` / `is_one_of` / `includes`,
/// `score` with `at_least` / `at_most` / `band`, or `red_flag`.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "Condition"))]
#[serde(deny_unknown_fields)]
pub struct Written {
    /// The condition of this name (from `[conditions]`) holds. The loader puts the named
    /// condition itself in its place, so the engine never sees a name.
    #[serde(default)]
    pub condition: Option<String>,
    /// Every condition holds.
    #[serde(default)]
    pub all: Option<Vec<Condition>>,
    /// At least one condition holds.
    #[serde(default)]
    pub any: Option<Vec<Condition>>,
    /// The condition does not hold.
    #[serde(default)]
    pub not: Option<Box<Condition>>,
    /// A question id, with `is`, `is_one_of` or `includes`.
    #[serde(default)]
    pub answer: Option<String>,
    /// The chosen option is this one.
    #[serde(default)]
    pub is: Option<String>,
    /// The chosen option is one of these.
    #[serde(default)]
    pub is_one_of: Option<Vec<String>>,
    /// The ticked options include this one (checklists).
    #[serde(default)]
    pub includes: Option<String>,
    /// A dimension id, with `at_least`, `at_most` or `band`.
    #[serde(default)]
    pub score: Option<String>,
    /// The score is this or more.
    #[serde(default)]
    pub at_least: Option<i64>,
    /// The score is this or less.
    #[serde(default)]
    pub at_most: Option<i64>,
    /// The score falls in this band.
    #[serde(default)]
    pub band: Option<String>,
    /// `true`: some answer raised a red flag; `false`: none did.
    #[serde(default)]
    pub red_flag: Option<bool>,
}

/// A condition in the one form it takes, sorted out once as it is read (from [`Written`], and
/// written back the same way). In a binary format (postcard: the content the app embeds, which
/// the checker already sorted out) it is written as this enum itself, so the app reads each
/// form directly and carries no code to sort out the author's keys.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(remote = "Self")]
pub enum Condition {
    /// Every condition holds.
    All(Vec<Condition>),
    /// At least one condition holds.
    Any(Vec<Condition>),
    /// The condition does not hold.
    Not(Box<Condition>),
    /// The chosen option of a question is this one.
    AnswerIs(String, String),
    /// The chosen option of a question is one of these.
    AnswerIsOneOf(String, Vec<String>),
    /// The ticked options of a checklist include this one.
    AnswerIncludes(String, String),
    /// A score is this or more.
    ScoreAtLeast(String, i64),
    /// A score is this or less.
    ScoreAtMost(String, i64),
    /// A score falls in this band.
    ScoreBand(String, String),
    /// `true`: some answer raised a red flag; `false`: none did.
    RedFlag(bool),
    /// The condition of this name (from `[conditions]`); the loader puts the named condition
    /// itself in its place, so the engine never sees one.
    Named(String),
    /// Written in no form or in several: `problem` says why in plain words (the checker
    /// reports it); it never holds. `written` keeps what she wrote.
    Unclear {
        /// What she wrote.
        written: Box<Written>,
        /// Why it takes no one form.
        problem: String,
    },
}

impl Serialize for Condition {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            Written::from(self.clone()).serialize(serializer)
        } else {
            Condition::serialize(self, serializer)
        }
    }
}

impl<'de> Deserialize<'de> for Condition {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if deserializer.is_human_readable() {
            Written::deserialize(deserializer).map(Condition::from)
        } else {
            Condition::deserialize(deserializer)
        }
    }
}

impl Default for Condition {
    fn default() -> Self {
        Condition::from(Written::default())
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Condition {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Condition".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        Written::json_schema(generator)
    }
}

/// The one form a [`Condition`] takes, once its fields are sorted out.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Form<'a> {
    All(&'a [Condition]),
    Any(&'a [Condition]),
    Not(&'a Condition),
    AnswerIs(&'a str, &'a str),
    AnswerIsOneOf(&'a str, &'a [String]),
    AnswerIncludes(&'a str, &'a str),
    ScoreAtLeast(&'a str, i64),
    ScoreAtMost(&'a str, i64),
    ScoreBand(&'a str, &'a str),
    RedFlag(bool),
    /// A named condition the loader could not put in place (it reported why).
    Named(&'a str),
}

impl Condition {
    /// The one form this condition takes, or in plain words why it takes none.
    pub fn form(&self) -> Result<Form<'_>, &str> {
        Ok(match self {
            Condition::All(cs) => Form::All(cs),
            Condition::Any(cs) => Form::Any(cs),
            Condition::Not(c) => Form::Not(c),
            Condition::AnswerIs(q, o) => Form::AnswerIs(q, o),
            Condition::AnswerIsOneOf(q, os) => Form::AnswerIsOneOf(q, os),
            Condition::AnswerIncludes(q, o) => Form::AnswerIncludes(q, o),
            Condition::ScoreAtLeast(d, n) => Form::ScoreAtLeast(d, *n),
            Condition::ScoreAtMost(d, n) => Form::ScoreAtMost(d, *n),
            Condition::ScoreBand(d, b) => Form::ScoreBand(d, b),
            Condition::RedFlag(wanted) => Form::RedFlag(*wanted),
            Condition::Named(name) => Form::Named(name),
            Condition::Unclear { problem, .. } => return Err(problem),
        })
    }

    /// The name of the condition she wrote in this one's place (`{ condition = "name" }`),
    /// which the loader replaces by the named condition itself.
    pub fn name(&self) -> Option<&str> {
        match self {
            Condition::Named(name) => Some(name),
            Condition::Unclear { written, .. } => written.condition.as_deref(),
            _ => None,
        }
    }

    /// The conditions inside this one (of `all`, `any` and `not`).
    pub fn inner_mut(&mut self) -> Vec<&mut Condition> {
        match self {
            Condition::All(cs) | Condition::Any(cs) => cs.iter_mut().collect(),
            Condition::Not(c) => vec![c.as_mut()],
            Condition::Unclear { written, .. } => {
                let w = written.as_mut();
                w.all
                    .iter_mut()
                    .chain(w.any.iter_mut())
                    .flatten()
                    .chain(w.not.as_deref_mut())
                    .collect()
            }
            _ => Vec::new(),
        }
    }
}

impl From<Written> for Condition {
    /// Sorts out which form a written condition takes, or says why it takes none. Each key
    /// she wrote is one bit, so the forms are whole numbers to compare (this runs for every
    /// condition as the app reads its questionnaire, and its size counts in the first load).
    fn from(mut w: Written) -> Condition {
        const KEYS: [&str; 13] = [
            "condition",
            "all",
            "any",
            "not",
            "answer",
            "is",
            "is_one_of",
            "includes",
            "score",
            "at_least",
            "at_most",
            "band",
            "red_flag",
        ];
        const CONDITION: u16 = 1;
        const ALL: u16 = 1 << 1;
        const ANY: u16 = 1 << 2;
        const NOT: u16 = 1 << 3;
        const ANSWER: u16 = 1 << 4;
        const IS: u16 = 1 << 5;
        const IS_ONE_OF: u16 = 1 << 6;
        const INCLUDES: u16 = 1 << 7;
        const SCORE: u16 = 1 << 8;
        const AT_LEAST: u16 = 1 << 9;
        const AT_MOST: u16 = 1 << 10;
        const BAND: u16 = 1 << 11;
        const RED_FLAG: u16 = 1 << 12;
        let written = [
            w.condition.is_some(),
            w.all.is_some(),
            w.any.is_some(),
            w.not.is_some(),
            w.answer.is_some(),
            w.is.is_some(),
            w.is_one_of.is_some(),
            w.includes.is_some(),
            w.score.is_some(),
            w.at_least.is_some(),
            w.at_most.is_some(),
            w.band.is_some(),
            w.red_flag.is_some(),
        ];
        let keys = written
            .iter()
            .enumerate()
            .fold(0u16, |m, (i, &set)| m | (u16::from(set) << i));
        fn take(v: &mut Option<String>) -> String {
            v.take().unwrap_or_default()
        }
        let problem = match keys {
            ALL => return Condition::All(w.all.take().unwrap_or_default()),
            ANY => return Condition::Any(w.any.take().unwrap_or_default()),
            NOT => return Condition::Not(w.not.take().unwrap_or_default()),
            RED_FLAG => return Condition::RedFlag(w.red_flag.unwrap_or(true)),
            CONDITION => return Condition::Named(take(&mut w.condition)),
            k if k == ANSWER | IS => {
                return Condition::AnswerIs(take(&mut w.answer), take(&mut w.is))
            }
            k if k == ANSWER | IS_ONE_OF => {
                let options = w.is_one_of.take().unwrap_or_default();
                return Condition::AnswerIsOneOf(take(&mut w.answer), options);
            }
            k if k == ANSWER | INCLUDES => {
                return Condition::AnswerIncludes(take(&mut w.answer), take(&mut w.includes))
            }
            k if k == SCORE | AT_LEAST => {
                return Condition::ScoreAtLeast(take(&mut w.score), w.at_least.unwrap_or_default())
            }
            k if k == SCORE | AT_MOST => {
                return Condition::ScoreAtMost(take(&mut w.score), w.at_most.unwrap_or_default())
            }
            k if k == SCORE | BAND => {
                return Condition::ScoreBand(take(&mut w.score), take(&mut w.band))
            }
            0 => "the condition is empty; write one of \"all\", \"any\", \"not\", \"answer\", \"score\", \"red_flag\" or \"condition\"".to_string(),
            ANSWER => "\"answer\" needs \"is\", \"is_one_of\" or \"includes\" beside it".to_string(),
            SCORE => "\"score\" needs \"at_least\", \"at_most\" or \"band\" beside it".to_string(),
            _ => format!(
                "a condition takes one form, but this one mixes {}; split it with \"all\" or \"any\"",
                KEYS.iter()
                    .zip(written)
                    .filter(|(_, set)| *set)
                    .map(|(key, _)| format!("\"{key}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        Condition::Unclear {
            written: Box::new(w),
            problem,
        }
    }
}

impl From<Condition> for Written {
    /// The condition as she would write it.
    fn from(c: Condition) -> Written {
        match c {
            Condition::All(cs) => Written {
                all: Some(cs),
                ..Written::default()
            },
            Condition::Any(cs) => Written {
                any: Some(cs),
                ..Written::default()
            },
            Condition::Not(c) => Written {
                not: Some(c),
                ..Written::default()
            },
            Condition::AnswerIs(q, o) => Written {
                answer: Some(q),
                is: Some(o),
                ..Written::default()
            },
            Condition::AnswerIsOneOf(q, os) => Written {
                answer: Some(q),
                is_one_of: Some(os),
                ..Written::default()
            },
            Condition::AnswerIncludes(q, o) => Written {
                answer: Some(q),
                includes: Some(o),
                ..Written::default()
            },
            Condition::ScoreAtLeast(d, n) => Written {
                score: Some(d),
                at_least: Some(n),
                ..Written::default()
            },
            Condition::ScoreAtMost(d, n) => Written {
                score: Some(d),
                at_most: Some(n),
                ..Written::default()
            },
            Condition::ScoreBand(d, b) => Written {
                score: Some(d),
                band: Some(b),
                ..Written::default()
            },
            Condition::RedFlag(wanted) => Written {
                red_flag: Some(wanted),
                ..Written::default()
            },
            Condition::Named(name) => Written {
                condition: Some(name),
                ..Written::default()
            },
            Condition::Unclear { written, .. } => *written,
        }
    }
}
