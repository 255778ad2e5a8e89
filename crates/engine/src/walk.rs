//! Walking the flow: which questions a set of answers passes, the scores they add up to, and
//! whether conditions hold.
//!
//! A walk starts at the first question and follows each answer's way forward. Only answers on
//! the path count: an answer to a question the path no longer passes is ignored here, and
//! dropped by the session, so scores and recommendations never use stale answers.

use super::answer::Answer;
use super::model::{Condition, Form, Kind, Question, Scores};
use super::questionnaire::{Questionnaire, Target};
use std::collections::BTreeMap;

/// What a set of answers adds up to along the path.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    /// Answers on the path, by question id.
    pub answers: BTreeMap<String, Answer>,
    /// Score per dimension, in the order of the file's dimensions.
    pub scores: Vec<i64>,
    /// (question index, option id) of each answer that raised a red flag.
    pub red_flags: Vec<(usize, String)>,
    /// (question index, option id) of each answer that gave a sign of serious danger (each is
    /// also a red flag).
    pub danger: Vec<(usize, String)>,
    /// (question index, option id) of each answer that said she may hurt herself (each is also
    /// a red flag).
    pub crisis: Vec<(usize, String)>,
}

/// The path a set of answers takes.
#[derive(Debug, Clone, PartialEq)]
pub struct Walk {
    /// Question indexes in order: every answered question on the path, then the first
    /// unanswered one if the walk stopped there.
    pub path: Vec<usize>,
    /// True when the path reached the results.
    pub finished: bool,
    /// Answers, scores and red flags along the path.
    pub facts: Facts,
}

impl Walk {
    /// Where a question sits on the path.
    pub fn position(&self, index: usize) -> Option<usize> {
        self.path.iter().position(|&i| i == index)
    }
}

/// Follows the answers from the first question as far as they go.
pub fn walk(q: &Questionnaire, answers: &BTreeMap<String, Answer>) -> Walk {
    let mut facts = Facts {
        scores: vec![0; q.dimensions().len()],
        ..Facts::default()
    };
    let mut path = Vec::new();
    let mut at = q.start();
    loop {
        // The graph is acyclic once checked; this guard keeps a walk finite regardless.
        if path.contains(&at) || path.len() > q.file().questions.len() {
            return Walk {
                path,
                finished: false,
                facts,
            };
        }
        path.push(at);
        let Some(question) = q.question(at) else {
            return Walk {
                path,
                finished: false,
                facts,
            };
        };
        let Some(answer) = answers
            .get(question.id.as_str())
            .filter(|a| a.fits(q, question).is_ok())
        else {
            return Walk {
                path,
                finished: false,
                facts,
            };
        };
        add(q, at, question, answer, &mut facts);
        match next_after(q, question, answer, &facts) {
            Some(Target::Question(n)) => at = n,
            Some(Target::Results) => {
                return Walk {
                    path,
                    finished: true,
                    facts,
                }
            }
            None => {
                return Walk {
                    path,
                    finished: false,
                    facts,
                }
            }
        }
    }
}

/// Adds one answer's points, red flags and the answer itself to the facts.
pub(crate) fn add(
    q: &Questionnaire,
    index: usize,
    question: &Question,
    answer: &Answer,
    facts: &mut Facts,
) {
    facts
        .answers
        .insert(question.id.as_str().to_owned(), answer.clone());
    add_points(q, index, question, answer, facts);
}

/// Adds one answer's points and red flags, but not the answer itself.
pub fn add_points(
    q: &Questionnaire,
    index: usize,
    question: &Question,
    answer: &Answer,
    facts: &mut Facts,
) {
    let mut add_points = |scores: &Scores, times: i64| {
        for (dimension, points) in scores.iter() {
            if let Some(d) = q.dimension_index(dimension) {
                facts.scores[d] = facts.scores[d].saturating_add(points.saturating_mul(times));
            }
        }
    };
    match question.kind {
        Kind::Scale => {
            let value = q
                .scale_of(question)
                .and_then(|s| s.points.iter().find(|p| answer.chose(&p.id)))
                .map_or(0, |p| p.value);
            add_points(&question.scores, value);
        }
        Kind::Single | Kind::Multiple => {
            for option in question.options.iter().filter(|o| answer.chose(&o.id)) {
                add_points(&option.scores, 1);
                if option.red_flag || option.danger || option.crisis {
                    facts.red_flags.push((index, option.id.as_str().to_owned()));
                }
                if option.danger {
                    facts.danger.push((index, option.id.as_str().to_owned()));
                }
                if option.crisis {
                    facts.crisis.push((index, option.id.as_str().to_owned()));
                }
            }
        }
    }
}

/// The way forward from an answered question: the chosen option's `next`, else the first
/// branch whose condition holds, else the fallback `next`.
pub fn next_after(
    q: &Questionnaire,
    question: &Question,
    answer: &Answer,
    facts: &Facts,
) -> Option<Target> {
    if question.kind == Kind::Single {
        let by_option = question
            .options
            .iter()
            .find(|o| answer.chose(&o.id))
            .and_then(|o| o.next.as_deref());
        if let Some(next) = by_option {
            return q.target(next);
        }
    }
    for branch in &question.branches {
        if holds(q, &branch.when, facts) {
            return q.target(&branch.next);
        }
    }
    question.next.as_deref().and_then(|n| q.target(n))
}

/// Whether a condition holds for these facts. A condition that names something unknown
/// does not hold (the checker reports it before any reader gets here).
pub fn holds(q: &Questionnaire, condition: &Condition, facts: &Facts) -> bool {
    let score = |d: &str| {
        q.dimension_index(d)
            .and_then(|i| facts.scores.get(i).copied())
    };
    match condition.form() {
        Err(_) | Ok(Form::Named(_)) => false,
        Ok(Form::All(cs)) => cs.iter().all(|c| holds(q, c, facts)),
        Ok(Form::Any(cs)) => cs.iter().any(|c| holds(q, c, facts)),
        Ok(Form::Not(c)) => !holds(q, c, facts),
        Ok(Form::AnswerIs(question, option)) => facts
            .answers
            .get(question)
            .is_some_and(|a| matches!(a, Answer::Choice(c) if c == option)),
        Ok(Form::AnswerIsOneOf(question, options)) => facts
            .answers
            .get(question)
            .is_some_and(|a| matches!(a, Answer::Choice(c) if options.contains(c))),
        Ok(Form::AnswerIncludes(question, option)) => {
            facts.answers.get(question).is_some_and(|a| a.chose(option))
        }
        Ok(Form::ScoreAtLeast(d, n)) => score(d).is_some_and(|s| s >= n),
        Ok(Form::ScoreAtMost(d, n)) => score(d).is_some_and(|s| s <= n),
        Ok(Form::ScoreBand(d, band)) => {
            let dimension = q.dimension_index(d).and_then(|i| q.dimensions().get(i));
            match (dimension, score(d)) {
                (Some(dim), Some(s)) => dim
                    .bands
                    .iter()
                    .any(|b| b.id == band && b.min <= s && s <= b.max),
                _ => false,
            }
        }
        Ok(Form::RedFlag(wanted)) => facts.red_flags.is_empty() != wanted,
    }
}
