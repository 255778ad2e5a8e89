//! The flow as a picture: Mermaid or Graphviz DOT text, one node per question and one arrow per
//! way forward, labelled with the option or condition that takes it.

use engine::model::{Condition, Form, Kind, QuestionnaireFile, RESULTS};
use engine::questionnaire::Questionnaire;

/// Diagram formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Mermaid flowchart (renders on GitHub and in many editors).
    Mermaid,
    /// Graphviz DOT.
    Dot,
    /// A picture (SVG), laid out by layout-rs: the studio's flow map.
    Svg,
}

pub(crate) struct Edge {
    pub(crate) from: String,
    pub(crate) to: String,
    pub(crate) label: String,
}

pub(crate) fn edges(file: &QuestionnaireFile) -> Vec<Edge> {
    let mut out = Vec::new();
    for question in &file.questions {
        let mut push = |to: &str, label: String| {
            out.push(Edge {
                from: question.id.as_str().to_owned(),
                to: to.to_string(),
                label,
            })
        };
        if question.kind == Kind::Single {
            for o in &question.options {
                if let Some(next) = &o.next {
                    push(next, o.label.as_str().to_owned());
                }
            }
        }
        for b in &question.branches {
            push(&b.next, format!("if {}", describe(&b.when)));
        }
        let all_options_lead =
            question.kind == Kind::Single && question.options.iter().all(|o| o.next.is_some());
        if let Some(next) = &question.next {
            let label = if all_options_lead {
                "prefer not to say"
            } else if question.branches.is_empty()
                && !question.options.iter().any(|o| o.next.is_some())
            {
                ""
            } else {
                "otherwise"
            };
            push(next, label.to_string());
        }
    }
    out
}

/// A condition in a few words, for an arrow's label.
pub fn describe(c: &Condition) -> String {
    match c.form() {
        Err(_) => "?".into(),
        Ok(Form::All(cs)) => cs.iter().map(describe).collect::<Vec<_>>().join(" and "),
        Ok(Form::Any(cs)) => cs.iter().map(describe).collect::<Vec<_>>().join(" or "),
        Ok(Form::Not(c)) => format!("not ({})", describe(c)),
        Ok(Form::AnswerIs(q, o)) => format!("{q} = {o}"),
        Ok(Form::AnswerIsOneOf(q, os)) => format!("{q} in {}", os.join("/")),
        Ok(Form::AnswerIncludes(q, o)) => format!("{q} has {o}"),
        Ok(Form::ScoreAtLeast(d, n)) => format!("{d} ≥ {n}"),
        Ok(Form::ScoreAtMost(d, n)) => format!("{d} ≤ {n}"),
        Ok(Form::ScoreBand(d, b)) => format!("{d} is {b}"),
        Ok(Form::RedFlag(true)) => "red flag".into(),
        Ok(Form::RedFlag(false)) => "no red flag".into(),
        Ok(Form::Named(name)) => name.replace('_', " "),
    }
}

fn clip(text: &str, n: usize) -> String {
    let mut s: String = text.chars().take(n).collect();
    if text.chars().count() > n {
        s.push('…');
    }
    s
}

/// The diagram text.
pub fn render(q: &Questionnaire, format: Format) -> String {
    let mut s = String::new();
    let esc = |t: &str| t.replace('"', "'");
    match format {
        Format::Mermaid => {
            s.push_str("flowchart TD\n");
            for question in &q.file().questions {
                s.push_str(&format!(
                    "  {}[\"{}: {}\"]\n",
                    question.id,
                    question.id,
                    esc(&clip(&question.text, 48))
                ));
            }
            s.push_str(&format!("  {RESULTS}((Results))\n"));
            for e in edges(q.file()) {
                if e.label.is_empty() {
                    s.push_str(&format!("  {} --> {}\n", e.from, e.to));
                } else {
                    s.push_str(&format!(
                        "  {} -->|\"{}\"| {}\n",
                        e.from,
                        esc(&clip(&e.label, 40)),
                        e.to
                    ));
                }
            }
        }
        Format::Svg => return super::map::layout(q.file()).to_svg(),
        Format::Dot => {
            s.push_str(
                "digraph questionnaire {\n  rankdir=TB;\n  node [shape=box, style=rounded];\n",
            );
            for question in &q.file().questions {
                s.push_str(&format!(
                    "  \"{}\" [label=\"{}\\n{}\"];\n",
                    question.id,
                    question.id,
                    esc(&clip(&question.text, 48))
                ));
            }
            s.push_str(&format!(
                "  \"{RESULTS}\" [shape=doublecircle, label=\"Results\"];\n"
            ));
            for e in edges(q.file()) {
                s.push_str(&format!(
                    "  \"{}\" -> \"{}\" [label=\"{}\"];\n",
                    e.from,
                    e.to,
                    esc(&clip(&e.label, 40))
                ));
            }
            s.push_str("}\n");
        }
    }
    s
}
