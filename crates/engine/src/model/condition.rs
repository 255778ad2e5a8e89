//! Conditions on earlier answers and scores: the author's written form, and the one form each
//! takes.

use serde::{Deserialize, Serialize};

/// A condition on earlier answers or scores. Use exactly one form:
/// `all`, `any`, `not`, `answer` with `is` / `is_one_of` / `includes`,
/// `score` with `at_least` / `at_most` / `band`, or `red_flag`.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Condition {
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
    /// Sorts out which form this condition takes, or says in plain words why it takes none.
    pub fn form(&self) -> Result<Form<'_>, String> {
        // No allocation and no string comparison unless something is wrong: walking a path asks
        // this of every condition.
        const NAMES: [&str; 13] = [
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
        let on = [
            self.condition.is_some(),
            self.all.is_some(),
            self.any.is_some(),
            self.not.is_some(),
            self.answer.is_some(),
            self.is.is_some(),
            self.is_one_of.is_some(),
            self.includes.is_some(),
            self.score.is_some(),
            self.at_least.is_some(),
            self.at_most.is_some(),
            self.band.is_some(),
            self.red_flag.is_some(),
        ];
        let mask = on
            .iter()
            .enumerate()
            .fold(0u16, |m, (i, &set)| m | (u16::from(set) << i));
        fn s(v: &Option<String>) -> &str {
            v.as_deref().unwrap_or_default()
        }
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
        match mask {
            0 => Err("the condition is empty; write one of \"all\", \"any\", \"not\", \"answer\", \"score\", \"red_flag\" or \"condition\"".into()),
            ALL => Ok(Form::All(self.all.as_deref().unwrap_or_default())),
            ANY => Ok(Form::Any(self.any.as_deref().unwrap_or_default())),
            NOT => match &self.not {
                Some(inner) => Ok(Form::Not(inner)),
                None => Err("\"not\" is empty".into()),
            },
            RED_FLAG => Ok(Form::RedFlag(self.red_flag.unwrap_or(true))),
            CONDITION => Ok(Form::Named(s(&self.condition))),
            m if m == ANSWER | IS => Ok(Form::AnswerIs(s(&self.answer), s(&self.is))),
            m if m == ANSWER | IS_ONE_OF => Ok(Form::AnswerIsOneOf(
                s(&self.answer),
                self.is_one_of.as_deref().unwrap_or_default(),
            )),
            m if m == ANSWER | INCLUDES => {
                Ok(Form::AnswerIncludes(s(&self.answer), s(&self.includes)))
            }
            ANSWER => Err("\"answer\" needs \"is\", \"is_one_of\" or \"includes\" beside it".into()),
            m if m == SCORE | AT_LEAST => Ok(Form::ScoreAtLeast(
                s(&self.score),
                self.at_least.unwrap_or_default(),
            )),
            m if m == SCORE | AT_MOST => Ok(Form::ScoreAtMost(
                s(&self.score),
                self.at_most.unwrap_or_default(),
            )),
            m if m == SCORE | BAND => Ok(Form::ScoreBand(s(&self.score), s(&self.band))),
            SCORE => Err("\"score\" needs \"at_least\", \"at_most\" or \"band\" beside it".into()),
            _ => Err(format!(
                "a condition takes one form, but this one mixes {}; split it with \"all\" or \"any\"",
                NAMES
                    .iter()
                    .zip(on)
                    .filter(|(_, set)| *set)
                    .map(|(n, _)| format!("\"{n}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
    }
}
