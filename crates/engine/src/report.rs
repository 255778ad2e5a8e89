//! The results: safety help when a red flag was raised, each dimension's score and band,
//! ranked articles with the reasons that chose them, and the action plan by phase.

use super::model::{Condition, Form, Kind, Resource, Urgent};
use super::questionnaire::Questionnaire;
use super::walk::{holds, Facts};
use serde::Serialize;

/// How many of the top articles feed the action plan.
pub const PLAN_ARTICLES: usize = 3;

/// Everything the results screen shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Present when any answer raised a red flag: shown before everything else.
    pub safety: Option<SafetyHelp>,
    /// Each dimension's score and band, in file order.
    pub scores: Vec<Score>,
    /// Recommended articles, best first.
    pub articles: Vec<Ranked>,
    /// Articles her answers matched that are advice about the marriage (`not_if_unsafe`),
    /// held back because an answer raised a red flag: there for later, once she is safe.
    pub later: Vec<Ranked>,
    /// Whether her first two articles are too close to call (within the author's
    /// `close_margin`): the results then say both fit her.
    pub close: bool,
    /// The action plan, phase by phase.
    pub plan: Vec<PlanPhase>,
}

/// Safety help.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SafetyHelp {
    /// Heading.
    pub title: String,
    /// A short, calm message.
    pub message: String,
    /// Crisis lines and services.
    pub resources: Vec<Resource>,
    /// The answers that raised it, as "question: answer".
    pub because: Vec<String>,
    /// True when thoughts of hurting herself are her only red flag: the help is the author's
    /// crisis help (`[safety.crisis]`), worded for her, with the crisis line first.
    pub crisis: bool,
}

/// One dimension's score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    /// Dimension id.
    pub id: String,
    /// Dimension label.
    pub label: String,
    /// What it measures.
    pub about: String,
    /// The reader's score.
    pub value: i64,
    /// The highest score any band reaches.
    pub max: i64,
    /// The band the score falls in.
    pub band: BandView,
    /// Every band, lowest first, for drawing the scale.
    pub bands: Vec<BandView>,
}

/// A band as shown.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BandView {
    /// Band id.
    pub id: String,
    /// Band label.
    pub label: String,
    /// Lowest score in it.
    pub min: i64,
    /// Highest score in it.
    pub max: i64,
    /// One sentence for a reader in it.
    pub note: String,
}

/// A recommended article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranked {
    /// Article id.
    pub id: String,
    /// Title as published.
    pub title: String,
    /// Author.
    pub author: String,
    /// Where to read it.
    pub url: String,
    /// Summary.
    pub summary: String,
    /// What helps.
    pub helps: Vec<String>,
    /// What hurts.
    pub hurts: Vec<String>,
    /// Sum of the weights of the rules that matched.
    pub weight: i64,
    /// "Because you said …" reasons, traced to answers and scores.
    pub reasons: Vec<String>,
}

/// A phase of the action plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanPhase {
    /// Phase id ("safety" for the safety phase).
    pub id: String,
    /// Heading.
    pub title: String,
    /// What this phase is about.
    pub about: String,
    /// Its steps.
    pub steps: Vec<PlanStep>,
}

/// A step of the action plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanStep {
    /// Step id (ticks are saved under it).
    pub id: String,
    /// The step.
    pub text: String,
    /// The article it comes from, if any.
    pub article: Option<String>,
}

impl Report {
    /// The one step to take first: the plan's first step (a safety step when a red flag was
    /// raised, otherwise the first step of the first phase, from her best match when it has one).
    pub fn first_step(&self) -> Option<&PlanStep> {
        self.plan.iter().find_map(|phase| phase.steps.first())
    }
}

/// The id of the phase that holds safety steps.
pub const SAFETY_PHASE: &str = "safety";

/// Builds the report for the facts of a finished walk.
pub fn report(q: &Questionnaire, facts: &Facts) -> Report {
    let file = q.file();
    // Thoughts of hurting herself, and no other red flag: crisis help, not help about him.
    let crisis = file.safety.crisis.as_ref().filter(|_| {
        !facts.red_flags.is_empty() && facts.red_flags.iter().all(|f| facts.crisis.contains(f))
    });
    let safety = (!facts.red_flags.is_empty()).then(|| SafetyHelp {
        title: crisis.map_or(&file.safety.title, |c| &c.title).clone(),
        message: crisis.map_or(&file.safety.message, |c| &c.message).clone(),
        resources: crisis
            .map_or(&file.safety.resources, |c| &c.resources)
            .clone(),
        crisis: crisis.is_some(),
        because: facts
            .red_flags
            .iter()
            .filter_map(|(qi, option)| {
                let question = q.question(*qi)?;
                let label = &question
                    .options
                    .iter()
                    .find(|o| o.id.as_str() == option.as_str())?
                    .label;
                Some(format!("{}: “{}”", question.text, label))
            })
            .collect(),
    });

    let scores = file
        .dimensions
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let value = facts.scores.get(i).copied().unwrap_or(0);
            let bands: Vec<BandView> = d
                .bands
                .iter()
                .map(|b| BandView {
                    id: b.id.clone(),
                    label: b.label.clone(),
                    min: b.min,
                    max: b.max,
                    note: b.note.clone(),
                })
                .collect();
            let band = bands
                .iter()
                .find(|b| b.min <= value && value <= b.max)
                .or(if value < 0 {
                    bands.first()
                } else {
                    bands.last()
                })
                .cloned()
                .unwrap_or(BandView {
                    id: String::new(),
                    label: String::new(),
                    min: 0,
                    max: 0,
                    note: String::new(),
                });
            Score {
                id: d.id.clone(),
                label: d.label.clone(),
                about: d.about.clone(),
                value,
                max: bands.iter().map(|b| b.max).max().unwrap_or(0),
                band,
                bands,
            }
        })
        .collect();

    let unsafe_ = safety.is_some();
    let (later, articles): (Vec<Ranked>, Vec<Ranked>) = rank(q, facts)
        .into_iter()
        .partition(|r| unsafe_ && q.article(&r.id).is_some_and(|a| a.not_if_unsafe));
    let close = match articles.as_slice() {
        [first, second, ..] => first.weight - second.weight <= file.results.close_margin.max(0),
        _ => false,
    };
    let plan = plan(q, &articles, unsafe_.then_some(crisis));
    Report {
        safety,
        scores,
        articles,
        later,
        close,
        plan,
    }
}

/// The positions (in the file) of the articles whose rules match, best first, with their weights.
pub fn rank_positions(q: &Questionnaire, facts: &Facts) -> Vec<(usize, i64)> {
    let file = q.file();
    let mut weights: Vec<(usize, i64)> = Vec::new();
    for rule in &file.recommendations {
        if !holds(q, &rule.when, facts) {
            continue;
        }
        let Some(position) = file.articles.iter().position(|a| a.id == rule.article) else {
            continue;
        };
        match weights.iter_mut().find(|(p, _)| *p == position) {
            Some((_, w)) => *w += rule.weight,
            None => weights.push((position, rule.weight)),
        }
    }
    weights.retain(|(_, w)| *w > 0);
    let keys: Vec<(i64, usize)> = weights.iter().map(|&(p, w)| (w, q.tie_rank(p))).collect();
    best_first(&keys).into_iter().map(|i| weights[i]).collect()
}

/// Indexes of `(weight, tie rank)` keys, highest weight first and ties in tie-rank order.
/// (One small insertion sort: the lists are a few dozen long, and each `sort_by` instance
/// costs kilobytes of wasm.)
fn best_first(keys: &[(i64, usize)]) -> Vec<usize> {
    let mut order: Vec<usize> = Vec::with_capacity(keys.len());
    for i in 0..keys.len() {
        let (w, p) = keys[i];
        let at = order
            .iter()
            .position(|&j| {
                let (wj, pj) = keys[j];
                w > wj || (w == wj && p < pj)
            })
            .unwrap_or(order.len());
        order.insert(at, i);
    }
    order
}

/// Ranks the articles whose rules match, best first; ties follow `[results] tie_order`, then
/// the file's article order.
pub fn rank(q: &Questionnaire, facts: &Facts) -> Vec<Ranked> {
    let file = q.file();
    let mut ranked: Vec<(usize, Ranked)> = Vec::new();
    for rule in &file.recommendations {
        if !holds(q, &rule.when, facts) {
            continue;
        }
        let Some(position) = file.articles.iter().position(|a| a.id == rule.article) else {
            continue;
        };
        let article = &file.articles[position];
        let reasons = match &rule.because {
            Some(text) => vec![text.clone()],
            None => explain(q, &rule.when, facts),
        };
        match ranked.iter_mut().find(|(p, _)| *p == position) {
            Some((_, r)) => {
                r.weight += rule.weight;
                for reason in reasons {
                    if !r.reasons.contains(&reason) {
                        r.reasons.push(reason);
                    }
                }
            }
            None => ranked.push((
                position,
                Ranked {
                    id: article.id.clone(),
                    title: article.title.clone(),
                    author: article.author.clone(),
                    url: article.url.clone(),
                    summary: article.summary.clone(),
                    helps: article.helps.clone(),
                    hurts: article.hurts.clone(),
                    weight: rule.weight,
                    reasons,
                },
            )),
        }
    }
    ranked.retain(|(_, r)| r.weight > 0);
    let keys: Vec<(i64, usize)> = ranked
        .iter()
        .map(|(p, r)| (r.weight, q.tie_rank(*p)))
        .collect();
    let mut slots: Vec<Option<Ranked>> = ranked.into_iter().map(|(_, r)| Some(r)).collect();
    best_first(&keys)
        .into_iter()
        .filter_map(|i| slots[i].take())
        .collect()
}

/// The facts that made a condition hold, in plain words.
pub fn explain(q: &Questionnaire, condition: &Condition, facts: &Facts) -> Vec<String> {
    let mut out = Vec::new();
    explain_into(q, condition, facts, &mut out);
    out.dedup();
    out
}

fn explain_into(q: &Questionnaire, condition: &Condition, facts: &Facts, out: &mut Vec<String>) {
    let said = |question_id: &str, option: &str| -> Option<String> {
        let question = q.question_by_id(question_id)?;
        match question.kind {
            Kind::Scale => {
                let point = q
                    .scale_of(question)?
                    .points
                    .iter()
                    .find(|p| p.id == option)?;
                Some(format!(
                    "you answered “{}” to “{}”",
                    point.label, question.text
                ))
            }
            Kind::Single => {
                let o = question.options.iter().find(|o| o.id == option)?;
                Some(format!("you said “{}”", o.label))
            }
            Kind::Multiple => {
                let o = question.options.iter().find(|o| o.id == option)?;
                Some(format!("you ticked “{}”", o.label))
            }
        }
    };
    let score_words = |d: &str| -> Option<String> {
        let i = q.dimension_index(d)?;
        let dim = q.dimensions().get(i)?;
        let value = *facts.scores.get(i)?;
        let band = dim
            .bands
            .iter()
            .find(|b| b.min <= value && value <= b.max)
            .map(|b| format!(" ({})", b.label.to_ascii_lowercase()))
            .unwrap_or_default();
        let max = dim.bands.iter().map(|b| b.max).max().unwrap_or(0);
        Some(format!(
            "your {} score is {value} of {max}{band}",
            dim.label.to_ascii_lowercase()
        ))
    };
    match condition.form() {
        Err(_) | Ok(Form::Not(_)) | Ok(Form::RedFlag(false)) | Ok(Form::Named(_)) => {}
        Ok(Form::All(cs)) => cs.iter().for_each(|c| explain_into(q, c, facts, out)),
        Ok(Form::Any(cs)) => cs
            .iter()
            .filter(|c| holds(q, c, facts))
            .for_each(|c| explain_into(q, c, facts, out)),
        Ok(Form::AnswerIs(question, _))
        | Ok(Form::AnswerIsOneOf(question, _))
        | Ok(Form::AnswerIncludes(question, _)) => {
            if let Some(answer) = facts.answers.get(question) {
                let wanted: Vec<&str> = match condition.form() {
                    Ok(Form::AnswerIncludes(_, o)) | Ok(Form::AnswerIs(_, o)) => vec![o],
                    Ok(Form::AnswerIsOneOf(_, os)) => os.iter().map(String::as_str).collect(),
                    _ => Vec::new(),
                };
                for option in answer.chosen().into_iter().filter(|o| wanted.contains(o)) {
                    out.extend(said(question, option));
                }
            }
        }
        Ok(Form::ScoreAtLeast(d, _)) | Ok(Form::ScoreAtMost(d, _)) | Ok(Form::ScoreBand(d, _)) => {
            out.extend(score_words(d))
        }
        Ok(Form::RedFlag(true)) => {
            out.push("you told us something that raises a concern for your safety".into())
        }
    }
}

/// The action plan: safety steps first when a red flag was raised, then the steps of the top
/// articles phase by phase, each step once, leaving out steps not meant for a reader at risk.
pub fn plan(
    q: &Questionnaire,
    articles: &[Ranked],
    help: Option<Option<&Urgent>>,
) -> Vec<PlanPhase> {
    let file = q.file();
    let unsafe_ = help.is_some();
    let mut phases = Vec::new();
    // After a red flag her plan opens with the safety steps, or with the crisis help's own
    // when thoughts of hurting herself are her only red flag.
    if let Some(crisis) = help {
        let (title, about, steps) = match crisis {
            Some(c) => (&c.title, &c.message, &c.steps),
            None => (&file.safety.title, &file.safety.message, &file.safety.steps),
        };
        if !steps.is_empty() {
            phases.push(PlanPhase {
                id: SAFETY_PHASE.into(),
                title: title.clone(),
                about: about.clone(),
                steps: steps
                    .iter()
                    .map(|s| PlanStep {
                        id: s.id.clone(),
                        text: s.text.clone(),
                        article: None,
                    })
                    .collect(),
            });
        }
    }
    let chosen: Vec<_> = articles
        .iter()
        .take(PLAN_ARTICLES)
        .filter_map(|r| q.article(&r.id))
        .collect();
    for phase in file.phases.iter().filter(|p| !(unsafe_ && p.not_if_unsafe)) {
        let mut steps: Vec<PlanStep> = Vec::new();
        for article in &chosen {
            for step in article.steps.iter().filter(|s| s.phase == phase.id) {
                if (unsafe_ && step.not_if_unsafe) || steps.iter().any(|s| s.id == step.id) {
                    continue;
                }
                steps.push(PlanStep {
                    id: step.id.clone(),
                    text: step.text.clone(),
                    article: Some(article.id.clone()),
                });
            }
        }
        if !steps.is_empty() {
            phases.push(PlanPhase {
                id: phase.id.clone(),
                title: phase.title.clone(),
                about: phase.about.clone(),
                steps,
            });
        }
    }
    phases
}
