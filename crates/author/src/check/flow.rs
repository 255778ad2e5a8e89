//! The flow graph: cycles, unreachable questions, and branches that look at questions not yet answered.

use super::*;

/// Cycles, unreachable questions and branch conditions on questions not yet answered.
/// Returns false when the flow has a cycle.
/// The flow graph (each question's ways forward), or `None` if it goes round in a circle.
pub(super) fn check_graph(
    cx: &mut Ctx,
    file: &QuestionnaireFile,
    questions: &HashMap<String, usize>,
) -> Option<Vec<Vec<Target>>> {
    let successors: Vec<Vec<Target>> = file
        .questions
        .iter()
        .map(|q| successors_of(q, questions))
        .collect();
    if topological_order(&successors).is_none() {
        if let Some(cycle) = find_cycle(&successors) {
            let names: Vec<&str> = cycle
                .iter()
                .map(|&i| file.questions[i].id.as_str())
                .collect();
            let first = &file.questions[cycle[0]];
            cx.error(
                &[q_place(first), "next".into()],
                format!(
                    "the flow goes round in a circle: {} → {}; point one of these to a later question or to \"results\"",
                    names.join(" → "),
                    names[0]
                ),
            );
        }
        return None;
    }
    let Some(&start) = questions.get(&file.start) else {
        return Some(successors);
    };
    let reached = reachable_from(start, &successors);
    for (i, q) in file.questions.iter().enumerate() {
        if !reached[i] {
            cx.warn(
                &[q_place(q)],
                "no path leads to this question, so no reader will see it; point a \"next\" at it or remove it",
            );
        }
    }
    // A branch may only look at questions answered before it on every path that reaches it:
    // a question that can lead here.
    let mut predecessors: Vec<Vec<usize>> = vec![Vec::new(); successors.len()];
    for (i, succ) in successors.iter().enumerate() {
        for t in succ {
            if let Target::Question(j) = t {
                predecessors[*j].push(i);
            }
        }
    }
    for (i, q) in file.questions.iter().enumerate() {
        if q.branches.is_empty() {
            continue;
        }
        let before = reachable_from_in(i, &predecessors);
        for (b, branch) in q.branches.iter().enumerate() {
            let mut named = Vec::new();
            answers_named(&branch.when, &mut named);
            for id in named {
                if let Some(&j) = questions.get(id) {
                    if j != i && !before[j] {
                        cx.error(
                            &[q_place(q), format!("branch {}", b + 1), "when".into()],
                            format!("looks at question \"{id}\", which is never answered before this one; a branch can only use earlier answers"),
                        );
                    }
                }
            }
        }
    }
    Some(successors)
}

pub(super) fn answers_named<'a>(c: &'a Condition, out: &mut Vec<&'a str>) {
    match c.form() {
        Ok(Form::All(cs)) | Ok(Form::Any(cs)) => cs.iter().for_each(|c| answers_named(c, out)),
        Ok(Form::Not(c)) => answers_named(c, out),
        Ok(Form::AnswerIs(q, _))
        | Ok(Form::AnswerIsOneOf(q, _))
        | Ok(Form::AnswerIncludes(q, _)) => out.push(q),
        _ => {}
    }
}

pub(super) fn reachable_from(start: usize, successors: &[Vec<Target>]) -> Vec<bool> {
    let adjacency: Vec<Vec<usize>> = successors
        .iter()
        .map(|s| {
            s.iter()
                .filter_map(|t| match t {
                    Target::Question(j) => Some(*j),
                    Target::Results => None,
                })
                .collect()
        })
        .collect();
    reachable_from_in(start, &adjacency)
}

pub(super) fn reachable_from_in(start: usize, adjacency: &[Vec<usize>]) -> Vec<bool> {
    let mut seen = vec![false; adjacency.len()];
    let mut stack = vec![start];
    while let Some(i) = stack.pop() {
        if std::mem::replace(&mut seen[i], true) {
            continue;
        }
        stack.extend(adjacency[i].iter().copied().filter(|&j| !seen[j]));
    }
    seen
}

/// One cycle in the graph, as question indexes in order, found by depth-first search.
pub(super) fn find_cycle(successors: &[Vec<Target>]) -> Option<Vec<usize>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let n = successors.len();
    let mut mark = vec![Mark::New; n];
    for root in 0..n {
        if mark[root] != Mark::New {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        mark[root] = Mark::Open;
        while let Some(&mut (node, ref mut edge)) = stack.last_mut() {
            let next = successors[node].get(*edge).copied();
            *edge += 1;
            match next {
                None => {
                    mark[node] = Mark::Done;
                    stack.pop();
                }
                Some(Target::Results) => {}
                Some(Target::Question(j)) => match mark[j] {
                    Mark::New => {
                        mark[j] = Mark::Open;
                        stack.push((j, 0));
                    }
                    Mark::Open => {
                        let from = stack.iter().position(|(i, _)| *i == j).unwrap_or(0);
                        return Some(stack[from..].iter().map(|(i, _)| *i).collect());
                    }
                    Mark::Done => {}
                },
            }
        }
    }
    None
}
