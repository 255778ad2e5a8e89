//! Paths: every path ends with an article, every article can be recommended and should come first for someone.

use super::*;

/// A condition with its form worked out once, so ranking at the end of each of tens of
/// thousands of paths does not sort out every condition's form again (`walk::holds` does).
pub(super) enum Test<'q> {
    All(Vec<Test<'q>>),
    Any(Vec<Test<'q>>),
    Not(Box<Test<'q>>),
    Is(usize, &'q [String]),
    IsOne(usize, &'q str),
    Includes(usize, &'q str),
    AtLeast(usize, i64),
    AtMost(usize, i64),
    Between(usize, i64, i64),
    RedFlag(bool),
    Never,
}

impl<'q> Test<'q> {
    pub(super) fn new(q: &'q Questionnaire, c: &'q Condition) -> Test<'q> {
        let dim = |d: &str| q.dimension_index(d);
        let question = |id: &str| q.question_index(id);
        match c.form() {
            Ok(Form::All(cs)) => Test::All(cs.iter().map(|c| Test::new(q, c)).collect()),
            Ok(Form::Any(cs)) => Test::Any(cs.iter().map(|c| Test::new(q, c)).collect()),
            Ok(Form::Not(c)) => Test::Not(Box::new(Test::new(q, c))),
            Ok(Form::AnswerIs(id, o)) => question(id).map_or(Test::Never, |i| Test::IsOne(i, o)),
            Ok(Form::AnswerIsOneOf(id, os)) => {
                question(id).map_or(Test::Never, |i| Test::Is(i, os))
            }
            Ok(Form::AnswerIncludes(id, o)) => {
                question(id).map_or(Test::Never, |i| Test::Includes(i, o))
            }
            Ok(Form::ScoreAtLeast(d, n)) => dim(d).map_or(Test::Never, |i| Test::AtLeast(i, n)),
            Ok(Form::ScoreAtMost(d, n)) => dim(d).map_or(Test::Never, |i| Test::AtMost(i, n)),
            Ok(Form::ScoreBand(d, band)) => dim(d)
                .and_then(|i| {
                    let b = q.dimensions().get(i)?.bands.iter().find(|b| b.id == band)?;
                    Some(Test::Between(i, b.min, b.max))
                })
                .unwrap_or(Test::Never),
            Ok(Form::RedFlag(wanted)) => Test::RedFlag(wanted),
            Ok(Form::Named(_)) | Err(_) => Test::Never,
        }
    }

    /// What `walk::holds` answers for the same condition and facts, with each question's
    /// answer found by its index (`answer(i)`).
    pub(super) fn holds<'a>(
        &self,
        facts: &Facts,
        answer: &impl Fn(usize) -> Option<&'a Answer>,
    ) -> bool {
        let score = |i: usize| facts.scores.get(i).copied();
        match self {
            Test::All(ts) => ts.iter().all(|t| t.holds(facts, answer)),
            Test::Any(ts) => ts.iter().any(|t| t.holds(facts, answer)),
            Test::Not(t) => !t.holds(facts, answer),
            Test::IsOne(i, o) => matches!(answer(*i), Some(Answer::Choice(c)) if c == o),
            Test::Is(i, os) => matches!(answer(*i), Some(Answer::Choice(c)) if os.contains(c)),
            Test::Includes(i, o) => answer(*i).is_some_and(|a| a.chose(o)),
            Test::AtLeast(i, n) => score(*i).is_some_and(|s| s >= *n),
            Test::AtMost(i, n) => score(*i).is_some_and(|s| s <= *n),
            Test::Between(i, lo, hi) => score(*i).is_some_and(|s| *lo <= s && s <= *hi),
            Test::RedFlag(wanted) => facts.red_flags.is_empty() != *wanted,
            Test::Never => false,
        }
    }
}

/// The recommendation rules as tests, each with its article's position and weight.
pub(super) struct Rules<'q> {
    pub(super) rules: Vec<(usize, i64, Test<'q>)>,
    pub(super) articles: usize,
    /// Each article's place among articles of equal weight (`Questionnaire::tie_rank`).
    tie_rank: Vec<usize>,
}

impl<'q> Rules<'q> {
    pub(super) fn new(q: &'q Questionnaire) -> Rules<'q> {
        let file = q.file();
        let rules = file
            .recommendations
            .iter()
            .filter_map(|r| {
                let position = file.articles.iter().position(|a| a.id == r.article)?;
                Some((position, r.weight, Test::new(q, &r.when)))
            })
            .collect();
        Rules {
            rules,
            articles: file.articles.len(),
            tie_rank: (0..file.articles.len()).map(|p| q.tie_rank(p)).collect(),
        }
    }

    /// The articles' positions and weights, best first, as `report::rank_positions` gives them.
    pub(super) fn rank<'a>(
        &self,
        facts: &Facts,
        answer: &impl Fn(usize) -> Option<&'a Answer>,
    ) -> Vec<(usize, i64)> {
        let mut weight: Vec<Option<i64>> = vec![None; self.articles];
        let mut order: Vec<usize> = Vec::new();
        for (position, w, test) in &self.rules {
            if test.holds(facts, answer) {
                match &mut weight[*position] {
                    Some(total) => *total += w,
                    slot => {
                        *slot = Some(*w);
                        order.push(*position);
                    }
                }
            }
        }
        let mut ranked: Vec<(usize, i64)> = order
            .into_iter()
            .filter_map(|p| weight[p].filter(|w| *w > 0).map(|w| (p, w)))
            .collect();
        ranked.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then(self.tie_rank[a.0].cmp(&self.tie_rank[b.0]))
        });
        ranked
    }
}

/// Collects, for every dimension a condition looks at, the score from which all conditions
/// answer the same, and which questions' answers conditions look at.
pub(super) fn thresholds(
    q: &Questionnaire,
    c: &Condition,
    cuts: &mut [Option<i64>],
    looked_at: &mut [bool],
) {
    let mut cut = |d: &str, value: i64| {
        if let Some(i) = q.dimension_index(d) {
            cuts[i] = Some(cuts[i].map_or(value, |c| c.max(value)));
        }
    };
    match c.form() {
        Ok(Form::All(cs)) | Ok(Form::Any(cs)) => {
            cs.iter().for_each(|c| thresholds(q, c, cuts, looked_at))
        }
        Ok(Form::Not(c)) => thresholds(q, c, cuts, looked_at),
        Ok(Form::AnswerIs(id, _))
        | Ok(Form::AnswerIsOneOf(id, _))
        | Ok(Form::AnswerIncludes(id, _)) => {
            if let Some(i) = q.question_index(id) {
                looked_at[i] = true;
            }
        }
        Ok(Form::ScoreAtLeast(d, n)) => cut(d, n),
        Ok(Form::ScoreAtMost(d, n)) => cut(d, n.saturating_add(1)),
        Ok(Form::ScoreBand(d, band)) => {
            // Scores above the band's top all answer "no"; if the band reaches the highest
            // possible score, every score from its bottom up answers "yes".
            let highest = score_range(q.file(), d).1;
            let edge = q
                .dimension_index(d)
                .and_then(|i| q.dimensions().get(i))
                .and_then(|dim| dim.bands.iter().find(|b| b.id == band))
                .map(|b| {
                    if b.max >= highest {
                        b.min
                    } else {
                        b.max.saturating_add(1)
                    }
                })
                .unwrap_or(0);
            cut(d, edge)
        }
        Ok(Form::RedFlag(_)) | Ok(Form::Named(_)) | Err(_) => {}
    }
}

/// For each question and choice, the first choice that every condition answers the same way
/// (so the two lead to the same futures and need exploring once).
pub(super) fn classes(
    q: &Questionnaire,
    conditions: &[&Condition],
    choices: &[Vec<Answer>],
) -> Vec<Vec<usize>> {
    pub(super) fn atoms<'a>(c: &'a Condition, out: &mut Vec<Form<'a>>) {
        match c.form() {
            Ok(Form::All(cs)) | Ok(Form::Any(cs)) => cs.iter().for_each(|c| atoms(c, out)),
            Ok(Form::Not(c)) => atoms(c, out),
            Ok(f @ (Form::AnswerIs(..) | Form::AnswerIsOneOf(..) | Form::AnswerIncludes(..))) => {
                out.push(f)
            }
            _ => {}
        }
    }
    let mut all = Vec::new();
    for c in conditions {
        atoms(c, &mut all);
    }
    let truth = |form: &Form, answer: &Answer| match form {
        Form::AnswerIs(_, o) => *answer == Answer::Choice((*o).to_string()),
        Form::AnswerIsOneOf(_, os) => os.iter().any(|o| *answer == Answer::Choice(o.clone())),
        Form::AnswerIncludes(_, o) => answer.chose(o),
        _ => false,
    };
    q.file()
        .questions
        .iter()
        .zip(choices)
        .map(|(question, options)| {
            let mine: Vec<&Form> = all
                .iter()
                .filter(|f| matches!(f, Form::AnswerIs(id, _) | Form::AnswerIsOneOf(id, _) | Form::AnswerIncludes(id, _) if *id == question.id))
                .collect();
            if mine.is_empty() {
                // No condition looks at this answer (so its class is never asked for).
                return Vec::new();
            }
            let signatures: Vec<Vec<bool>> = options.iter().map(|a| mine.iter().map(|f| truth(f, a)).collect()).collect();
            signatures
                .iter()
                .map(|sig| signatures.iter().position(|s| s == sig).unwrap_or(0))
                .collect()
        })
        .collect()
}

/// Explores answer paths: every path must end with an article, every article must be offered,
/// and should be the first recommendation for someone.
///
/// When every situation fits in the budget the answers are exact. Otherwise each question is
/// answered soundly another way: a rule that always holds proves every path ends with an
/// article; a search per rule, telling apart only what that rule and the branches can see,
/// proves an article can be recommended; and a fixed sample looks for the rest.
pub(super) fn check_paths(cx: &mut Ctx, q: &Questionnaire) -> Coverage {
    let file = q.file();
    let branches: Vec<&Condition> = file
        .questions
        .iter()
        .flat_map(|x| x.branches.iter().map(|b| &b.when))
        .collect();
    let everything: Vec<&Condition> = branches
        .iter()
        .copied()
        .chain(file.recommendations.iter().map(|r| &r.when))
        .collect();
    let mut explorer = Explorer::new(q, &everything);
    let complete = explorer.exhaustive();
    let mut recommendable = explorer.recommended.clone();
    if !complete {
        explorer.sample();
        for (i, article) in file.articles.iter().enumerate() {
            if explorer.recommended[i] {
                recommendable[i] = true;
                continue;
            }
            for rule in file
                .recommendations
                .iter()
                .filter(|r| r.article == article.id)
            {
                let mut mine = branches.clone();
                mine.push(&rule.when);
                let mut search = Explorer::new(q, &mine);
                search.goal = Some(&rule.when);
                search.exhaustive();
                if search.reached_goal {
                    recommendable[i] = true;
                    break;
                }
            }
        }
    }
    let catch_all = file
        .recommendations
        .iter()
        .any(|r| r.weight > 0 && always_holds(&r.when));
    if let Some(trail) = &explorer.empty_example {
        let shown: Vec<String> = trail
            .iter()
            .filter_map(|(i, c)| {
                let question = q.question(*i)?;
                let a = explorer.choices.get(*i)?.get(*c)?;
                Some(format!("{} = {}", question.id, toml_answer(a)))
            })
            .collect();
        cx.error(
            &[],
            format!(
                "a reader who answers {} reaches the results with no article recommended; add a rule that covers her (for example a low-weight rule for a general article)",
                shown.join(", ")
            ),
        );
    } else if !complete && !catch_all {
        cx.warn(
            &[],
            format!(
                "there are too many answer paths to check that every one ends with an article ({} sampled paths all did); add a low-weight rule that always holds, e.g. when = {{ not = {{ red_flag = true }} }} together with one for when = {{ red_flag = true }}",
                explorer.paths
            ),
        );
    }
    let how = if complete {
        "no path through the questionnaire".to_string()
    } else {
        format!("none of the {} sampled paths", explorer.paths)
    };
    for (i, article) in file.articles.iter().enumerate() {
        if !file.recommendations.iter().any(|r| r.article == article.id) {
            continue;
        }
        let place = [format!("article \"{}\"", article.id)];
        if !recommendable[i] {
            cx.warn(&place, "no path through the questionnaire recommends this article; check the conditions of its rules");
        } else if !explorer.top[i] {
            cx.warn(&place, format!("{how} puts this article first; raise the weight of a rule for the reader it was written for"));
        }
    }
    Coverage {
        paths: explorer.paths,
        states: explorer.seen.len(),
        complete,
    }
}

/// An answer as she would write it in an example reader's file.
pub(super) fn toml_answer(a: &Answer) -> String {
    match a {
        Answer::Choice(c) => format!("\"{c}\""),
        Answer::Choices(cs) => format!(
            "[{}]",
            cs.iter()
                .map(|c| format!("\"{c}\""))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Answer::Declined => format!("\"{}\"", engine::answer::DECLINED),
    }
}

/// Whether a condition holds whatever the answers: true under every assignment of its basic
/// tests (treated as independent, which can only make this answer "no" more often).
pub(super) fn always_holds(c: &Condition) -> bool {
    pub(super) fn basics(c: &Condition, out: &mut Vec<String>) {
        match c.form() {
            Ok(Form::All(cs)) | Ok(Form::Any(cs)) => cs.iter().for_each(|c| basics(c, out)),
            Ok(Form::Not(c)) => basics(c, out),
            Ok(Form::RedFlag(_)) => out.push("red_flag".into()),
            Ok(f) => out.push(format!("{f:?}")),
            Err(_) => {}
        }
    }
    pub(super) fn eval(c: &Condition, names: &[String], bits: u32) -> bool {
        let value = |key: &str| {
            names
                .iter()
                .position(|n| n == key)
                .is_some_and(|i| bits & (1 << i) != 0)
        };
        match c.form() {
            Ok(Form::All(cs)) => cs.iter().all(|c| eval(c, names, bits)),
            Ok(Form::Any(cs)) => cs.iter().any(|c| eval(c, names, bits)),
            Ok(Form::Not(c)) => !eval(c, names, bits),
            Ok(Form::RedFlag(wanted)) => value("red_flag") == wanted,
            Ok(f) => value(&format!("{f:?}")),
            Err(_) => false,
        }
    }
    let mut names = Vec::new();
    basics(c, &mut names);
    names.sort();
    names.dedup();
    names.len() <= 16 && (0..(1u32 << names.len())).all(|bits| eval(c, &names, bits))
}
