//! A reader's answer to one question, and how it is written in answer files.
//!
//! In JSON an answer is an option id (`"moved_out"`), a list of option ids for a checklist
//! (`["attentive", "future"]`), or `"prefer_not_to_say"`.

use super::model::{Kind, Question};
use super::questionnaire::Questionnaire;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The word an answer file uses for "prefer not to say".
pub const DECLINED: &str = "prefer_not_to_say";

/// One answer.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Answer {
    /// One option (single and scale questions).
    Choice(String),
    /// Any number of options (multiple questions).
    Choices(Vec<String>),
    /// "Prefer not to say".
    Declined,
}

/// Why an answer does not fit its question.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    /// The option id is not one of the question's.
    #[error("question \"{question}\" has no option \"{option}\"")]
    UnknownOption { question: String, option: String },
    /// One option was given where a list was expected, or the other way round.
    #[error("question \"{question}\" takes {expected}")]
    WrongShape {
        question: String,
        expected: &'static str,
    },
    /// "Prefer not to say" is not offered here.
    #[error("question \"{question}\" does not offer \"prefer not to say\"")]
    DeclineNotOffered { question: String },
    /// An exclusive option was ticked together with others.
    #[error(
        "on question \"{question}\", \"{option}\" cannot be ticked together with other options"
    )]
    ExclusiveMixed { question: String, option: String },
    /// The same option twice in a checklist answer.
    #[error("on question \"{question}\", option \"{option}\" is ticked twice")]
    Repeated { question: String, option: String },
    /// The question is not the one on screen, or not on the reader's path.
    #[error("question \"{question}\" is not on the reader's path here")]
    NotHere { question: String },
}

impl Answer {
    /// Checks that this answer fits the question (its options, kind and settings).
    pub fn fits(&self, q: &Questionnaire, question: &Question) -> Result<(), AnswerError> {
        let id = || question.id.as_str().to_owned();
        let known = q.choice_ids(question);
        let check_known = |option: &str| {
            if known.contains(&option) {
                Ok(())
            } else {
                Err(AnswerError::UnknownOption {
                    question: id(),
                    option: option.to_string(),
                })
            }
        };
        match (self, question.kind) {
            (Answer::Declined, _) if question.prefer_not_to_say => Ok(()),
            (Answer::Declined, _) => Err(AnswerError::DeclineNotOffered { question: id() }),
            (Answer::Choice(option), Kind::Single | Kind::Scale) => check_known(option),
            (Answer::Choices(options), Kind::Multiple) => {
                for (i, option) in options.iter().enumerate() {
                    check_known(option)?;
                    if options[..i].contains(option) {
                        return Err(AnswerError::Repeated {
                            question: id(),
                            option: option.clone(),
                        });
                    }
                }
                if options.len() > 1 {
                    let exclusive = question.options.iter().find(|o| {
                        o.exclusive && options.iter().any(|x| x.as_str() == o.id.as_str())
                    });
                    if let Some(o) = exclusive {
                        return Err(AnswerError::ExclusiveMixed {
                            question: id(),
                            option: o.id.as_str().to_owned(),
                        });
                    }
                }
                Ok(())
            }
            (Answer::Choice(_), Kind::Multiple) => Err(AnswerError::WrongShape {
                question: id(),
                expected: "a list of option ids",
            }),
            (Answer::Choices(_), _) => Err(AnswerError::WrongShape {
                question: id(),
                expected: "one option id",
            }),
        }
    }

    /// Whether this answer chose the option.
    pub fn chose(&self, option: &str) -> bool {
        match self {
            Answer::Choice(c) => c == option,
            Answer::Choices(cs) => cs.iter().any(|c| c == option),
            Answer::Declined => false,
        }
    }

    /// The option ids chosen.
    pub fn chosen(&self) -> Vec<&str> {
        match self {
            Answer::Choice(c) => vec![c.as_str()],
            Answer::Choices(cs) => cs.iter().map(String::as_str).collect(),
            Answer::Declined => Vec::new(),
        }
    }
}

impl Serialize for Answer {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Answer::Choice(c) => s.serialize_str(c),
            Answer::Choices(cs) => cs.serialize(s),
            Answer::Declined => s.serialize_str(DECLINED),
        }
    }
}

impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            One(String),
            Many(Vec<String>),
        }
        Ok(match Raw::deserialize(d)? {
            Raw::One(s) if s == DECLINED => Answer::Declined,
            Raw::One(s) => Answer::Choice(s),
            Raw::Many(v) => Answer::Choices(v),
        })
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Answer {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Answer".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An option id, a list of option ids for a checklist, or \"prefer_not_to_say\".",
            "anyOf": [
                { "type": "string" },
                { "type": "array", "items": { "type": "string" } }
            ]
        })
    }
}
