//! A reader's session: her answers and where she is, and what the screen shows from them.
//!
//! The session stores only answers on the current path and a position on it. Changing an
//! earlier answer drops the answers the new path no longer passes (and `would_discard` says
//! which, before the change). Everything shown (the screen, progress, the report) is derived
//! from these two facts, so nothing can go stale.

use super::answer::{Answer, AnswerError};
use super::model::Kind;
use super::questionnaire::Questionnaire;
use super::report::{report, Report};
use super::walk::{walk, Walk};
use serde::Serialize;
use std::collections::BTreeMap;

/// Where the reader is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Position {
    /// On a question, by id.
    Question(String),
    /// On the results.
    Results,
}

/// A reader's answers and position.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    answers: BTreeMap<String, Answer>,
    at: Position,
}

/// What a restore kept and dropped, for telling the reader plainly.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Restored {
    /// Question ids whose answers were kept.
    pub kept: Vec<String>,
    /// Answers that were dropped, with the reason in plain words.
    pub dropped: Vec<Dropped>,
    /// True when the saved position could not be used and she was placed elsewhere.
    pub moved: bool,
}

/// One dropped answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dropped {
    /// The question's id.
    pub question: String,
    /// Why, in plain words.
    pub reason: String,
}

/// The screen to show.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[allow(clippy::large_enum_variant)]
pub enum Screen {
    /// One question.
    Question(QuestionScreen),
    /// The results.
    Results(Report),
}

/// One question as shown.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionScreen {
    /// Question id.
    pub id: String,
    /// Section title.
    pub section: String,
    /// single, multiple or scale.
    pub kind: Kind,
    /// The question.
    pub text: String,
    /// An optional hint.
    pub help: String,
    /// The options, with what is currently chosen.
    pub options: Vec<OptionView>,
    /// Whether "prefer not to say" is offered.
    pub prefer_not_to_say: bool,
    /// Whether she chose "prefer not to say".
    pub declined: bool,
    /// Whether there is a question to go back to.
    pub can_go_back: bool,
    /// Honest progress.
    pub progress: Progress,
    /// True when an earlier answer raised a red flag (safety help is shown on every screen).
    pub red_flag: bool,
}

/// One option as shown.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OptionView {
    /// Option id.
    pub id: String,
    /// What she sees.
    pub label: String,
    /// Whether it is chosen now.
    pub chosen: bool,
    /// On a checklist, choosing it clears the others.
    pub exclusive: bool,
}

/// Honest progress from the flow graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Progress {
    /// Questions answered before this one on her path.
    pub answered: usize,
    /// The fewest questions left, this one included.
    pub min_left: usize,
    /// The most questions left, this one included.
    pub max_left: usize,
    /// answered / (answered + max_left), in percent; it never falls when she moves forward.
    pub percent: u8,
}

impl Session {
    /// A new session on the first question.
    pub fn new(q: &Questionnaire) -> Session {
        let start = q
            .question(q.start())
            .map(|s| s.id.as_str().to_owned())
            .unwrap_or_default();
        Session {
            answers: BTreeMap::new(),
            at: Position::Question(start),
        }
    }

    /// Rebuilds a session from saved answers and position, keeping every answer that still
    /// fits the questionnaire and lies on the path, and saying what was dropped and why.
    pub fn restore(
        q: &Questionnaire,
        saved: BTreeMap<String, Answer>,
        at: Option<Position>,
    ) -> (Session, Restored) {
        let mut restored = Restored::default();
        let mut fitting = BTreeMap::new();
        for (id, answer) in saved {
            match q.question_by_id(&id) {
                None => restored.dropped.push(Dropped {
                    question: id,
                    reason: "this question is no longer in the check-in".into(),
                }),
                Some(question) => match answer.fits(q, question) {
                    Ok(()) => {
                        fitting.insert(id, answer);
                    }
                    Err(e) => restored.dropped.push(Dropped {
                        question: id,
                        reason: plain(&e),
                    }),
                },
            }
        }
        let w = walk(q, &fitting);
        for id in fitting.keys() {
            if w.facts.answers.contains_key(id) {
                restored.kept.push(id.clone());
            } else {
                restored.dropped.push(Dropped {
                    question: id.clone(),
                    reason: "the check-in no longer asks this after your earlier answers".into(),
                });
            }
        }
        let mut session = Session {
            answers: w.facts.answers.clone(),
            at: Position::Results,
        };
        let frontier = session.frontier(q, &w);
        session.at = match at {
            Some(Position::Question(id)) if session.is_visible(q, &w, &id) => {
                Position::Question(id)
            }
            Some(Position::Results) if w.finished => Position::Results,
            None => frontier.clone(),
            Some(_) => {
                restored.moved = true;
                frontier
            }
        };
        (session, restored)
    }

    /// The answers on her path, by question id.
    pub fn answers(&self) -> &BTreeMap<String, Answer> {
        &self.answers
    }

    /// Where she is.
    pub fn position(&self) -> &Position {
        &self.at
    }

    /// True when she has answered nothing yet.
    pub fn is_fresh(&self) -> bool {
        self.answers.is_empty()
    }

    /// The path her answers take.
    pub fn walk(&self, q: &Questionnaire) -> Walk {
        walk(q, &self.answers)
    }

    /// Whether she has reached the end of the check-in.
    pub fn is_finished(&self, q: &Questionnaire) -> bool {
        self.walk(q).finished
    }

    /// The furthest place she can be: the first unanswered question, or the results.
    fn frontier(&self, q: &Questionnaire, w: &Walk) -> Position {
        if w.finished {
            return Position::Results;
        }
        w.path
            .last()
            .and_then(|&i| q.question(i))
            .map_or(Position::Results, |question| {
                Position::Question(question.id.as_str().to_owned())
            })
    }

    fn is_visible(&self, q: &Questionnaire, w: &Walk, id: &str) -> bool {
        q.question_index(id)
            .is_some_and(|i| w.position(i).is_some())
    }

    /// Moves to a question on her path (e.g. from the address bar); false if it is not there.
    pub fn go_to(&mut self, q: &Questionnaire, id: &str) -> bool {
        let w = self.walk(q);
        if self.is_visible(q, &w, id) {
            self.at = Position::Question(id.to_string());
            true
        } else {
            false
        }
    }

    /// Moves to the results if her answers reach them; false otherwise.
    pub fn go_to_results(&mut self, q: &Questionnaire) -> bool {
        if self.is_finished(q) {
            self.at = Position::Results;
            true
        } else {
            false
        }
    }

    /// Goes back one question; false on the first question.
    pub fn back(&mut self, q: &Questionnaire) -> bool {
        let w = self.walk(q);
        let here = match &self.at {
            Position::Results => w.path.len(),
            Position::Question(id) => match q.question_index(id).and_then(|i| w.position(i)) {
                Some(p) => p,
                None => return false,
            },
        };
        match here.checked_sub(1).and_then(|p| w.path.get(p)) {
            Some(&prev) => match q.question(prev) {
                Some(question) => {
                    self.at = Position::Question(question.id.as_str().to_owned());
                    true
                }
                None => false,
            },
            None => false,
        }
    }

    /// Which later answers (question ids) answering the current question this way would drop.
    pub fn would_discard(&self, q: &Questionnaire, answer: &Answer) -> Vec<String> {
        let Position::Question(id) = &self.at else {
            return Vec::new();
        };
        let mut answers = self.answers.clone();
        answers.insert(id.clone(), answer.clone());
        let after = walk(q, &answers);
        self.answers
            .keys()
            .filter(|k| *k != id && !after.facts.answers.contains_key(*k))
            .cloned()
            .collect()
    }

    /// Answers the current question and moves on; answers no longer on the path are dropped.
    pub fn answer(&mut self, q: &Questionnaire, answer: Answer) -> Result<(), AnswerError> {
        let Position::Question(id) = self.at.clone() else {
            return Err(AnswerError::NotHere {
                question: "results".into(),
            });
        };
        let question = q.question_by_id(&id).ok_or_else(|| AnswerError::NotHere {
            question: id.clone(),
        })?;
        answer.fits(q, question)?;
        self.answers.insert(id.clone(), answer);
        let w = self.walk(q);
        self.answers = w.facts.answers.clone();
        let here = q.question_index(&id).and_then(|i| w.position(i));
        self.at = match here.and_then(|p| w.path.get(p + 1)) {
            Some(&next) => q.question(next).map_or(Position::Results, |n| {
                Position::Question(n.id.as_str().to_owned())
            }),
            None => self.frontier(q, &w),
        };
        Ok(())
    }

    /// What the screen shows now.
    pub fn screen(&self, q: &Questionnaire) -> Screen {
        let w = self.walk(q);
        let id = match &self.at {
            Position::Results if w.finished => return Screen::Results(report(q, &w.facts)),
            Position::Question(id) => id.clone(),
            Position::Results => match self.frontier(q, &w) {
                Position::Question(id) => id,
                Position::Results => return Screen::Results(report(q, &w.facts)),
            },
        };
        let index = q.question_index(&id).unwrap_or(q.start());
        let question = match q.question(index) {
            Some(question) => question,
            None => return Screen::Results(report(q, &w.facts)),
        };
        let answer = self.answers.get(question.id.as_str());
        let chosen = |option: &str| answer.is_some_and(|a| a.chose(option));
        let options = match question.kind {
            Kind::Scale => q
                .scale_of(question)
                .map(|s| {
                    s.points
                        .iter()
                        .map(|p| OptionView {
                            id: p.id.clone(),
                            label: p.label.clone(),
                            chosen: chosen(&p.id),
                            exclusive: false,
                        })
                        .collect()
                })
                .unwrap_or_default(),
            _ => question
                .options
                .iter()
                .map(|o| OptionView {
                    id: o.id.as_str().to_owned(),
                    label: o.label.as_str().to_owned(),
                    chosen: chosen(&o.id),
                    exclusive: o.exclusive,
                })
                .collect(),
        };
        let position = w.position(index).unwrap_or(0);
        let answered = position;
        let max_left = q.max_left(index);
        let percent = (answered * 100)
            .checked_div(answered + max_left)
            .unwrap_or(0)
            .min(100) as u8;
        let earlier_flag = w
            .facts
            .red_flags
            .iter()
            .any(|(qi, _)| w.position(*qi).is_some_and(|p| p < position));
        let section = q
            .file()
            .sections
            .iter()
            .find(|s| s.id == question.section)
            .map(|s| s.title.clone())
            .unwrap_or_default();
        Screen::Question(QuestionScreen {
            id: question.id.as_str().to_owned(),
            section,
            kind: question.kind,
            text: question.text.as_str().to_owned(),
            help: question.help.clone(),
            options,
            prefer_not_to_say: question.prefer_not_to_say,
            declined: answer == Some(&Answer::Declined),
            can_go_back: position > 0,
            progress: Progress {
                answered,
                min_left: q.min_left(index),
                max_left,
                percent,
            },
            red_flag: earlier_flag,
        })
    }

    /// Whether an answer on her path gave a sign of serious danger (an option with
    /// `danger = true`): urgent help then shows at the top of every screen.
    pub fn in_danger(&self, q: &Questionnaire) -> bool {
        !self.walk(q).facts.danger.is_empty()
    }

    /// Whether an answer on her path said she may hurt herself (an option with
    /// `crisis = true`): crisis help then shows first on every screen.
    pub fn in_crisis(&self, q: &Questionnaire) -> bool {
        !self.walk(q).facts.crisis.is_empty()
    }

    /// The report, once her answers reach the results.
    pub fn report(&self, q: &Questionnaire) -> Option<Report> {
        let w = self.walk(q);
        w.finished.then(|| report(q, &w.facts))
    }
}

/// An answer error in words for the reader (not the author).
fn plain(e: &AnswerError) -> String {
    match e {
        AnswerError::UnknownOption { .. } => "the answer you chose is no longer offered".into(),
        AnswerError::WrongShape { .. } => {
            "the question now asks for a different kind of answer".into()
        }
        AnswerError::DeclineNotOffered { .. } => {
            "“prefer not to say” is no longer offered here".into()
        }
        AnswerError::ExclusiveMixed { .. } | AnswerError::Repeated { .. } => {
            "the options for this question have changed".into()
        }
        AnswerError::NotHere { .. } => "this question is no longer asked here".into(),
    }
}
