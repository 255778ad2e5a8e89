//! What the engine knows at a point of a play-through, for the author's studio: the path so
//! far, each score with its band, the red flags, which rules hold, and which article leads and
//! why. Also a way to reach any question (the shortest set of answers whose path passes it).

use super::graph::describe;
use engine::answer::Answer;
use engine::model::Kind;
use engine::questionnaire::{Questionnaire, Target};
use engine::report::{rank, Ranked};
use engine::walk::{holds, walk};
use std::collections::BTreeMap;

/// One dimension's score where she is.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreLine {
    /// The dimension's label.
    pub label: String,
    /// Her score so far.
    pub score: i64,
    /// The band it falls in, if any.
    pub band: Option<String>,
}

/// One recommendation rule and whether it holds.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleLine {
    /// The article it leads to.
    pub article: String,
    /// The rule, in a few words.
    pub when: String,
    /// Its weight.
    pub weight: i64,
    /// Whether it holds for the answers so far.
    pub holds: bool,
}

/// What the engine knows at a point of a play-through.
#[derive(Debug, Clone, PartialEq)]
pub struct Inspection {
    /// The question ids on the path, in order (the last is unanswered unless finished).
    pub path: Vec<String>,
    /// Whether the answers reach the results.
    pub finished: bool,
    /// Each dimension's score and band.
    pub scores: Vec<ScoreLine>,
    /// The red flags raised, as `question: option`.
    pub red_flags: Vec<String>,
    /// Whether a sign of serious danger was given.
    pub danger: bool,
    /// Every rule, in file order, with whether it holds.
    pub rules: Vec<RuleLine>,
    /// The articles whose rules hold, best first, with their reasons.
    pub ranked: Vec<Ranked>,
}

/// Inspects a set of answers.
pub fn inspect(q: &Questionnaire, answers: &BTreeMap<String, Answer>) -> Inspection {
    let w = walk(q, answers);
    let file = q.file();
    let path = w
        .path
        .iter()
        .filter_map(|&i| q.question(i))
        .map(|question| question.id.to_string())
        .collect();
    let scores = q
        .dimensions()
        .iter()
        .zip(&w.facts.scores)
        .map(|(d, &score)| ScoreLine {
            label: d.label.clone(),
            score,
            band: d
                .bands
                .iter()
                .find(|b| b.min <= score && score <= b.max)
                .map(|b| b.label.clone()),
        })
        .collect();
    let red_flags = w
        .facts
        .red_flags
        .iter()
        .filter_map(|(i, option)| {
            q.question(*i)
                .map(|question| format!("{}: {option}", question.id))
        })
        .collect();
    let rules = file
        .recommendations
        .iter()
        .map(|r| RuleLine {
            article: r.article.clone(),
            when: r.because.clone().unwrap_or_else(|| describe(&r.when)),
            weight: r.weight,
            holds: holds(q, &r.when, &w.facts),
        })
        .collect();
    Inspection {
        path,
        finished: w.finished,
        scores,
        red_flags,
        danger: !w.facts.danger.is_empty(),
        rules,
        ranked: rank(q, &w.facts),
    }
}

/// How many walks [`route_to`] makes at most.
const ROUTE_BUDGET: usize = 20_000;

/// A set of answers whose path passes question `id` (the engine's own walk decides, branches
/// and all), found by trying first the answers that lead closest to it; `None` if none found
/// within the budget reaches it.
pub fn route_to(q: &Questionnaire, id: &str) -> Option<BTreeMap<String, Answer>> {
    let target = q.question_index(id)?;
    // How many arrows of the flow each question is from the target (None: it cannot lead there).
    let count = q.file().questions.len();
    let mut distance: Vec<Option<usize>> = vec![None; count];
    distance[target] = Some(0);
    let mut changed = true;
    while changed {
        changed = false;
        for i in 0..count {
            let best = q
                .successors(i)
                .iter()
                .filter_map(|t| match t {
                    Target::Question(j) => distance.get(*j).copied().flatten(),
                    Target::Results => None,
                })
                .min()
                .map(|d| d + 1);
            if let Some(d) = best {
                if distance[i].is_none_or(|old| d < old) {
                    distance[i] = Some(d);
                    changed = true;
                }
            }
        }
    }
    let mut budget = ROUTE_BUDGET;
    search(q, target, &distance, BTreeMap::new(), &mut budget)
}

fn search(
    q: &Questionnaire,
    target: usize,
    distance: &[Option<usize>],
    answers: BTreeMap<String, Answer>,
    budget: &mut usize,
) -> Option<BTreeMap<String, Answer>> {
    *budget = budget.checked_sub(1)?;
    let w = walk(q, &answers);
    if w.path.contains(&target) {
        return Some(answers);
    }
    if w.finished {
        return None;
    }
    let at = *w.path.last()?;
    distance.get(at).copied().flatten()?;
    let question = q.question(at)?;
    let mut choices: Vec<Answer> = match question.kind {
        Kind::Multiple => std::iter::once(Answer::Choices(Vec::new()))
            .chain(
                q.choice_ids(question)
                    .into_iter()
                    .map(|c| Answer::Choices(vec![c.to_string()])),
            )
            .collect(),
        _ => q
            .choice_ids(question)
            .into_iter()
            .map(|c| Answer::Choice(c.to_string()))
            .collect(),
    };
    if question.prefer_not_to_say {
        choices.push(Answer::Declined);
    }
    // Each answer, ranked by how close to the target the question it leads to is.
    let mut tries: Vec<(usize, BTreeMap<String, Answer>)> = Vec::new();
    for answer in choices {
        let mut next = answers.clone();
        next.insert(question.id.to_string(), answer);
        *budget = budget.checked_sub(1)?;
        let w = walk(q, &next);
        let rank = if w.path.contains(&target) {
            0
        } else {
            match w.path.last().filter(|_| !w.finished) {
                Some(&i) if i != at => match distance.get(i).copied().flatten() {
                    Some(d) => d + 1,
                    None => continue,
                },
                _ => continue,
            }
        };
        tries.push((rank, next));
    }
    tries.sort_by_key(|(rank, _)| *rank);
    tries
        .into_iter()
        .find_map(|(_, next)| search(q, target, distance, next, budget))
}
