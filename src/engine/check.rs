//! The author's checker: phase two of loading. It resolves every reference in a parsed file and
//! analyses the flow graph, collecting every problem rather than stopping at the first.
//!
//! Graph questions (dead ends, cycles, unreachable questions) are answered on the graph, in time
//! linear in its size. Whether every path ends with an article recommended is answered by
//! exploring answer paths within a fixed budget: all of them when there are few enough, and a
//! deterministic sample otherwise (the summary says which).

use super::answer::Answer;
use super::diagnostic::{suggestion, Diagnostic, Severity};
use super::model::{Condition, Form, Kind, Question, QuestionnaireFile, Scores, RESULTS};
use super::questionnaire::{successors_of, topological_order, Questionnaire, Target};
use super::report::rank_positions;
use super::walk::{add_points, holds, next_after, Facts};
use rustc_hash::FxHashMap as HashMap;
use std::collections::HashSet;

/// How far the path exploration went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Coverage {
    /// Answer paths followed to the results (paths that agree on everything a condition can
    /// see are followed once).
    pub paths: usize,
    /// Distinct situations (question, scores, answers conditions look at) explored.
    pub states: usize,
    /// True when every path was checked, false when a sample was.
    pub complete: bool,
}

/// The outcome of checking one file.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The questionnaire, when there were no errors.
    pub questionnaire: Option<Questionnaire>,
    /// Every problem found, errors first.
    pub diagnostics: Vec<Diagnostic>,
    /// How many answer paths were checked.
    pub coverage: Coverage,
}

/// Answer-path exploration budget: questions visited in all.
const STEP_BUDGET: usize = 120_000;
/// Answer-path exploration budget: distinct situations.
const STATE_BUDGET: usize = 40_000;

struct Ctx<'a> {
    file: &'a str,
    out: Vec<Diagnostic>,
}

impl Ctx<'_> {
    fn error(&mut self, place: &[String], message: impl Into<String>) {
        self.push(Severity::Error, place, message);
    }
    fn warn(&mut self, place: &[String], message: impl Into<String>) {
        self.push(Severity::Warning, place, message);
    }
    fn push(&mut self, severity: Severity, place: &[String], message: impl Into<String>) {
        self.out.push(Diagnostic {
            severity,
            file: self.file.to_string(),
            line: 0,
            column: 0,
            place: place.to_vec(),
            message: message.into(),
        });
    }
}

fn at(parts: &[&str]) -> Vec<String> {
    parts.iter().map(|s| s.to_string()).collect()
}

fn q_place(question: &Question) -> String {
    format!("question \"{}\"", question.id)
}

/// Checks a parsed file fully (including every answer path) and, if it has no errors, builds
/// the questionnaire.
pub fn check(file_name: &str, file: QuestionnaireFile) -> Checked {
    check_with(file_name, file, true)
}

/// Checks a parsed file; `explore_paths: false` skips the answer-path exploration (the app
/// does this at start-up for content the build already checked in full).
pub fn check_with(file_name: &str, file: QuestionnaireFile, explore_paths: bool) -> Checked {
    let mut cx = Ctx {
        file: file_name,
        out: Vec::new(),
    };
    let questions = check_ids(&mut cx, &file);
    check_texts(&mut cx, &file);
    check_questions(&mut cx, &file, &questions);
    check_dimensions(&mut cx, &file);
    check_articles(&mut cx, &file);
    let graph = check_graph(&mut cx, &file, &questions);

    let mut coverage = Coverage::default();
    let has_errors = cx.out.iter().any(|d| d.severity == Severity::Error);
    let questionnaire = match graph {
        Some(successors) if !has_errors => Questionnaire::from_parts(file, questions, successors),
        _ => None,
    };
    if let Some(q) = questionnaire.as_ref().filter(|_| explore_paths) {
        coverage = check_paths(&mut cx, q);
    }
    let mut diagnostics = cx.out;
    diagnostics.sort_by_key(|d| d.severity);
    let questionnaire =
        questionnaire.filter(|_| !diagnostics.iter().any(|d| d.severity == Severity::Error));
    Checked {
        questionnaire,
        diagnostics,
        coverage,
    }
}

fn valid_id(id: &str) -> bool {
    // Bytes, not chars: any byte of a non-ASCII letter fails these tests too.
    let mut bytes = id.bytes();
    bytes
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && bytes.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-' || c == b'_')
}

/// Id format and duplicates in every list of ids. Returns the question index (id → position;
/// for an id given twice, the later one), built here once for every later pass.
fn check_ids(cx: &mut Ctx, file: &QuestionnaireFile) -> HashMap<String, usize> {
    // The place of a problem is worked out only when there is one: most files have none, and
    // a file of 10,000 questions has tens of thousands of ids.
    let problem =
        |cx: &mut Ctx, base: &dyn Fn() -> Vec<String>, what: &str, id: &str, message: String| {
            let mut place = base();
            place.push(format!("{what} \"{id}\""));
            cx.error(&place, message);
        };
    let bad_id = |id: &str| {
        format!("\"{id}\" is not a usable id; use lowercase letters, digits, - and _ only, starting with a letter or digit")
    };
    let twice = |what: &str, id: &str| {
        format!("there are two {what}s with the id \"{id}\"; give each its own id")
    };
    let list = |cx: &mut Ctx,
                what: &str,
                base: &dyn Fn() -> Vec<String>,
                ids: &mut dyn Iterator<Item = &str>| {
        // Short lists (a question's options, a scale's points) are compared pairwise: no
        // table to allocate.
        let ids: Vec<&str> = ids.collect();
        let mut seen = (ids.len() > 16).then(|| HashSet::with_capacity(ids.len()));
        for (i, &id) in ids.iter().enumerate() {
            if !valid_id(id) {
                problem(cx, base, what, id, bad_id(id));
            }
            let again = match seen.as_mut() {
                Some(seen) => !seen.insert(id),
                None => ids[..i].contains(&id),
            };
            if again {
                problem(cx, base, what, id, twice(what, id));
            }
        }
    };
    let top = || Vec::new();
    let top_level: [(&str, Vec<&str>); 7] = [
        ("questionnaire", vec![file.id.as_str()]),
        (
            "section",
            file.sections.iter().map(|s| s.id.as_str()).collect(),
        ),
        (
            "question",
            file.questions.iter().map(|q| q.id.as_str()).collect(),
        ),
        (
            "dimension",
            file.dimensions.iter().map(|d| d.id.as_str()).collect(),
        ),
        ("scale", file.scales.iter().map(|s| s.id.as_str()).collect()),
        ("phase", file.phases.iter().map(|p| p.id.as_str()).collect()),
        (
            "article",
            file.articles.iter().map(|a| a.id.as_str()).collect(),
        ),
    ];
    let mut questions = HashMap::with_capacity_and_hasher(file.questions.len(), Default::default());
    for (what, ids) in top_level {
        if what != "question" {
            list(cx, what, &top, &mut ids.into_iter());
            continue;
        }
        // Questions: the same checks, and the index every later pass uses.
        for (i, id) in ids.into_iter().enumerate() {
            if !valid_id(id) {
                problem(cx, &top, what, id, bad_id(id));
            }
            if questions.insert(id.to_owned(), i).is_some() {
                problem(cx, &top, what, id, twice(what, id));
            }
        }
    }
    let mut steps = file.safety.steps.iter().map(|s| s.id.as_str()).chain(
        file.articles
            .iter()
            .flat_map(|a| a.steps.iter().map(|s| s.id.as_str())),
    );
    list(cx, "step", &top, &mut steps);
    for q in &file.questions {
        list(
            cx,
            "option",
            &|| vec![q_place(q)],
            &mut q.options.iter().map(|o| o.id.as_str()),
        );
    }
    for d in &file.dimensions {
        list(
            cx,
            "band",
            &|| vec![format!("dimension \"{}\"", d.id)],
            &mut d.bands.iter().map(|b| b.id.as_str()),
        );
    }
    for s in &file.scales {
        list(
            cx,
            "point",
            &|| vec![format!("scale \"{}\"", s.id)],
            &mut s.points.iter().map(|p| p.id.as_str()),
        );
    }
    if file.questions.iter().any(|q| q.id == RESULTS) {
        cx.error(
            &at(&["question \"results\""]),
            "\"results\" is the word that ends the check-in, so no question can use it as its id; rename the question",
        );
    }
    for q in &file.questions {
        if q.options.iter().any(|o| o.id == super::answer::DECLINED) {
            cx.error(
                &[q_place(q), format!("option \"{}\"", super::answer::DECLINED)],
                "\"prefer_not_to_say\" is reserved; write prefer_not_to_say = true on the question instead",
            );
        }
    }
    questions
}

/// Every text the reader sees: not empty, and never raw HTML.
fn check_texts(cx: &mut Ctx, file: &QuestionnaireFile) {
    let see = |cx: &mut Ctx, text: &str, place: &dyn Fn() -> Vec<String>| {
        if text.trim().is_empty() {
            let place = place();
            let last = place.last().map(String::as_str).unwrap_or("");
            let optional = matches!(last, "help" | "about" | "detail" | "note");
            if !optional {
                cx.error(
                    &place,
                    "this text is empty; write what the reader should see",
                );
            }
        }
        if let Some(tag) = html_tag(text) {
            cx.error(
                &place(),
                format!("this text contains HTML ({tag}); write plain text, since readers see it exactly as written"),
            );
        }
    };
    see(cx, &file.title, &|| at(&["title"]));
    see(cx, &file.about.intro, &|| at(&["about", "intro"]));
    see(cx, &file.about.disclaimer, &|| at(&["about", "disclaimer"]));
    see(cx, &file.about.privacy, &|| at(&["about", "privacy"]));
    see(cx, &file.blog.name, &|| at(&["blog", "name"]));
    see(cx, &file.quick_exit.tab_title, &|| {
        at(&["quick_exit", "tab_title"])
    });
    see(cx, &file.safety.title, &|| at(&["safety", "title"]));
    see(cx, &file.safety.message, &|| at(&["safety", "message"]));
    for r in &file.safety.resources {
        let p = format!("resource \"{}\"", r.name);
        see(cx, &r.name, &|| at(&["safety", &p, "name"]));
        see(cx, &r.contact, &|| at(&["safety", &p, "contact"]));
        see(cx, &r.detail, &|| at(&["safety", &p, "detail"]));
    }
    for s in &file.safety.steps {
        see(cx, &s.text, &|| {
            vec!["safety".into(), format!("step \"{}\"", s.id)]
        });
    }
    for s in &file.sections {
        see(cx, &s.title, &|| {
            vec![format!("section \"{}\"", s.id), "title".into()]
        });
    }
    for s in &file.scales {
        for p in &s.points {
            see(cx, &p.label, &|| {
                vec![format!("scale \"{}\"", s.id), format!("point \"{}\"", p.id)]
            });
        }
    }
    for d in &file.dimensions {
        see(cx, &d.label, &|| {
            vec![format!("dimension \"{}\"", d.id), "label".into()]
        });
        see(cx, &d.about, &|| {
            vec![format!("dimension \"{}\"", d.id), "about".into()]
        });
        for b in &d.bands {
            let base = vec![
                format!("dimension \"{}\"", d.id),
                format!("band \"{}\"", b.id),
            ];
            see(cx, &b.label, &|| {
                [base.clone(), vec!["label".into()]].concat()
            });
            see(cx, &b.note, &|| {
                [base.clone(), vec!["note".into()]].concat()
            });
        }
    }
    for q in &file.questions {
        see(cx, &q.text, &|| vec![q_place(q), "text".into()]);
        see(cx, &q.help, &|| vec![q_place(q), "help".into()]);
        for o in &q.options {
            see(cx, &o.label, &|| {
                vec![q_place(q), format!("option \"{}\"", o.id)]
            });
        }
    }
    for p in &file.phases {
        see(cx, &p.title, &|| {
            vec![format!("phase \"{}\"", p.id), "title".into()]
        });
        see(cx, &p.about, &|| {
            vec![format!("phase \"{}\"", p.id), "about".into()]
        });
    }
    for a in &file.articles {
        let base = format!("article \"{}\"", a.id);
        see(cx, &a.title, &|| vec![base.clone(), "title".into()]);
        see(cx, &a.author, &|| vec![base.clone(), "author".into()]);
        see(cx, &a.summary, &|| vec![base.clone(), "summary".into()]);
        for (i, h) in a.helps.iter().enumerate() {
            see(cx, h, &|| vec![base.clone(), format!("helps {}", i + 1)]);
        }
        for (i, h) in a.hurts.iter().enumerate() {
            see(cx, h, &|| vec![base.clone(), format!("hurts {}", i + 1)]);
        }
        for s in &a.steps {
            see(cx, &s.text, &|| {
                vec![base.clone(), format!("step \"{}\"", s.id)]
            });
        }
    }
    let mut rule_of: HashMap<&str, usize> = HashMap::default();
    for r in &file.recommendations {
        let n = rule_of.entry(r.article.as_str()).or_insert(0);
        *n += 1;
        if let Some(b) = &r.because {
            let n = *n;
            see(cx, b, &|| {
                vec![
                    format!("article \"{}\" › rule {n}", r.article),
                    "because".into(),
                ]
            });
        }
    }
    let urls = [
        (at(&["blog", "url"]), &file.blog.url),
        (at(&["quick_exit", "url"]), &file.quick_exit.url),
    ];
    let article_urls = file
        .articles
        .iter()
        .map(|a| (vec![format!("article \"{}\"", a.id), "url".into()], &a.url));
    for (place, url) in urls.into_iter().chain(article_urls) {
        let ok = url.starts_with("https://")
            && url.len() > "https://".len()
            && !url.contains(char::is_whitespace);
        if !ok {
            cx.error(
                &place,
                format!(
                    "\"{url}\" is not a web address starting with https://; write the full address"
                ),
            );
        }
    }
    if file.safety.resources.is_empty() {
        cx.error(
            &at(&["safety", "resources"]),
            "there are no crisis resources; list at least one (for example emergency services)",
        );
    }
}

/// The first thing in a text that looks like an HTML tag.
fn html_tag(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().find_map(|(i, &b)| {
        let next = bytes.get(i + 1).copied()?;
        (b == b'<' && (next.is_ascii_alphabetic() || next == b'/' || next == b'!')).then(|| {
            // `i` is at an ASCII '<', so it is a char boundary; cut the excerpt on one too.
            let rest = &text[i..];
            let end = rest.find('>').map_or_else(
                || rest.char_indices().nth(20).map_or(rest.len(), |(j, _)| j),
                |e| e + 1,
            );
            rest[..end].to_string()
        })
    })
}

/// Kinds, options, scores and every reference a question makes.
fn check_questions(cx: &mut Ctx, file: &QuestionnaireFile, questions: &HashMap<String, usize>) {
    let section_ids: Vec<&str> = file.sections.iter().map(|s| s.id.as_str()).collect();
    let dimension_ids: Vec<&str> = file.dimensions.iter().map(|d| d.id.as_str()).collect();
    let scale_ids: Vec<&str> = file.scales.iter().map(|s| s.id.as_str()).collect();
    let mut next_targets: HashSet<&str> = file.questions.iter().map(|q| q.id.as_str()).collect();
    next_targets.insert(RESULTS);

    if !questions.contains_key(&file.start) {
        cx.error(
            &at(&["start"]),
            format!(
                "there is no question \"{}\"; \"start\" must name the first question",
                file.start
            ),
        );
    }
    if file.questions.is_empty() {
        cx.error(
            &at(&["questions"]),
            "there are no questions; add at least one",
        );
    }

    for q in &file.questions {
        if !section_ids.contains(&q.section.as_str()) {
            cx.error(
                &[q_place(q), "section".into()],
                format!(
                    "there is no section \"{}\"{}; add it to \"sections\" or use an existing one",
                    q.section,
                    suggestion(&q.section, section_ids.iter().copied())
                ),
            );
        }
        match q.kind {
            Kind::Single | Kind::Multiple => {
                if q.options.len() < 2 {
                    cx.error(
                        &[q_place(q), "options".into()],
                        "a choice question needs at least two options",
                    );
                }
                if q.scale.is_some() {
                    cx.error(
                        &[q_place(q), "scale".into()],
                        "only scale questions use a \"scale\"; remove it or write kind = \"scale\"",
                    );
                }
                if !q.scores.is_empty() {
                    cx.error(&[q_place(q), "scores".into()], "on a choice question, put \"scores\" on each option instead of on the question");
                }
            }
            Kind::Scale => {
                match q.scale.as_deref() {
                    None => cx.error(&[q_place(q)], "a scale question needs a \"scale\"; name one of the file's scales"),
                    Some(s) if !scale_ids.contains(&s) => cx.error(
                        &[q_place(q), "scale".into()],
                        format!("there is no scale \"{s}\"{}; add it to \"scales\" or use an existing one", suggestion(s, scale_ids.iter().copied())),
                    ),
                    Some(_) => {}
                }
                if !q.options.is_empty() {
                    cx.error(
                        &[q_place(q), "options".into()],
                        "a scale question takes its options from its scale; remove \"options\"",
                    );
                }
            }
        }
        // Places are only spelled out when there is something to report: building them for
        // every question and option was most of this pass on large files.
        let check_scores = |cx: &mut Ctx, place: &dyn Fn() -> Vec<String>, scores: &Scores| {
            for d in scores.keys() {
                if !dimension_ids.contains(&d) {
                    let mut p = place();
                    p.push("scores".into());
                    cx.error(
                            &p,
                            format!("there is no dimension \"{d}\"{}; add it to \"dimensions\" or fix the name", suggestion(d, dimension_ids.iter().copied())),
                        );
                }
            }
        };
        check_scores(cx, &|| vec![q_place(q)], &q.scores);
        for o in &q.options {
            let op = || vec![q_place(q), format!("option \"{}\"", o.id)];
            check_scores(cx, &op, &o.scores);
            if o.exclusive && q.kind != Kind::Multiple {
                cx.error(
                    &op(),
                    "\"exclusive\" only makes sense on a checklist (kind \"multiple\"); remove it",
                );
            }
            if let Some(next) = &o.next {
                let p = || {
                    let mut p = op();
                    p.push("next".into());
                    p
                };
                if q.kind != Kind::Single {
                    cx.error(&p(), "only options of single-choice questions can have their own \"next\"; use \"branches\" instead");
                }
                check_target(cx, &p, next, &next_targets);
            }
        }
        for (i, b) in q.branches.iter().enumerate() {
            let p = vec![q_place(q), format!("branch {}", i + 1)];
            let pn = || {
                let mut pn = p.clone();
                pn.push("next".into());
                pn
            };
            check_target(cx, &pn, &b.next, &next_targets);
            let mut pw = p.clone();
            pw.push("when".into());
            check_condition(cx, &pw, &b.when, file);
        }
        if let Some(next) = &q.next {
            check_target(cx, &|| vec![q_place(q), "next".into()], next, &next_targets);
        }
        // Dead ends: an answer with nowhere to go.
        if q.next.is_none() {
            let place = vec![q_place(q)];
            let options_lead = q.kind == Kind::Single
                && !q.options.is_empty()
                && q.options.iter().all(|o| o.next.is_some());
            if q.kind == Kind::Single && !options_lead && q.options.iter().any(|o| o.next.is_some())
            {
                let lost: Vec<String> = q
                    .options
                    .iter()
                    .filter(|o| o.next.is_none())
                    .map(|o| format!("\"{}\"", o.id))
                    .collect();
                cx.error(&place, format!("dead end: after option {} there is nowhere to go; give those options a \"next\" or give the question a \"next\"", lost.join(", ")));
            } else if options_lead && q.prefer_not_to_say {
                cx.error(&place, "dead end: after \"prefer not to say\" there is nowhere to go; give the question a \"next\"");
            } else if !options_lead && !q.branches.is_empty() {
                cx.error(&place, "dead end: when none of its branches apply there is nowhere to go; add a \"next\" to the question");
            } else if !options_lead {
                cx.error(&place, "dead end: this question has no \"next\"; say where to go after it (another question's id, or \"results\")");
            }
        }
    }
    for s in &file.sections {
        if !file.questions.iter().any(|q| q.section == s.id) {
            cx.warn(
                &[format!("section \"{}\"", s.id)],
                "no question is in this section; remove it or use it",
            );
        }
    }
    for s in &file.scales {
        if s.points.len() < 2 {
            cx.error(
                &[format!("scale \"{}\"", s.id)],
                "a scale needs at least two points",
            );
        }
        if !file
            .questions
            .iter()
            .any(|q| q.scale.as_deref() == Some(&s.id))
        {
            cx.warn(
                &[format!("scale \"{}\"", s.id)],
                "no question uses this scale; remove it or use it",
            );
        }
    }
}

/// Says, for every question id used but missing, whether it is a likely typo (one letter
/// wrong, missing, extra or swapped, in the one place that uses it: "did you mean") or looks
/// renamed or removed (then every place that still uses it is listed, and no existing question
/// is suggested, since following such a hint would silently change the flow).
pub fn missing_questions(out: &mut [Diagnostic], ids: &[String]) {
    const HEAD: &str = "there is no question \"";
    let missing = |d: &Diagnostic| -> Option<String> {
        let rest = d.message.strip_prefix(HEAD)?;
        rest.split_once('"').map(|(id, _)| id.to_string())
    };
    let mut users: HashMap<String, Vec<String>> = HashMap::default();
    for d in out.iter() {
        if let Some(id) = missing(d) {
            let file = d.file.rsplit('/').next().unwrap_or(&d.file);
            let at = if d.line > 0 {
                format!(" ({file} line {})", d.line)
            } else {
                String::new()
            };
            users
                .entry(id)
                .or_default()
                .push(format!("{}{at}", d.place.join(" › ")));
        }
    }
    for d in out.iter_mut() {
        let Some(id) = missing(d) else { continue };
        let places = &users[&id];
        let typo = (places.len() == 1)
            .then(|| ids.iter().find(|c| strsim::osa_distance(&id, c) == 1))
            .flatten();
        let rest = d.message[HEAD.len() + id.len() + 1..].to_string();
        d.message = match typo {
            Some(c) => format!("{HEAD}{id}\" (did you mean \"{c}\"?){rest}"),
            None => format!(
                "{HEAD}{id}\": it looks renamed or removed, and {} still use{} it: {}; if you renamed it, use the new id in each place; if you removed it, point each to the question that should come instead",
                if places.len() == 1 { "one place".to_string() } else { format!("{} places", places.len()) },
                if places.len() == 1 { "s" } else { "" },
                places.join("; ")
            ),
        };
    }
}

fn check_target(
    cx: &mut Ctx,
    place: &dyn Fn() -> Vec<String>,
    next: &str,
    targets: &HashSet<&str>,
) {
    if !targets.contains(&next) {
        cx.error(
            &place(),
            format!(
                "there is no question \"{next}\"; use a question's id, or \"results\" to end the check-in"
            ),
        );
    }
}

/// A condition's form and every id it names.
fn check_condition(cx: &mut Ctx, place: &[String], c: &Condition, file: &QuestionnaireFile) {
    let form = match c.form() {
        Ok(f) => f,
        Err(why) => return cx.error(place, why),
    };
    let find_question = |cx: &mut Ctx, id: &str| -> Option<&Question> {
        let found = file.questions.iter().rev().find(|q| q.id == id);
        if found.is_none() {
            cx.error(place, format!("there is no question \"{id}\""));
        }
        found
    };
    let option_ids = |q: &Question| -> Vec<String> {
        match q.kind {
            Kind::Scale => file
                .scales
                .iter()
                .find(|s| q.scale.as_deref() == Some(s.id.as_str()))
                .map(|s| s.points.iter().map(|p| p.id.clone()).collect())
                .unwrap_or_default(),
            _ => q.options.iter().map(|o| o.id.as_str().to_owned()).collect(),
        }
    };
    let check_option = |cx: &mut Ctx, q: &Question, option: &str| {
        let ids = option_ids(q);
        if !ids.iter().any(|i| i == option) {
            cx.error(
                place,
                format!(
                    "question \"{}\" has no option \"{option}\"{}",
                    q.id,
                    suggestion(option, ids.iter().map(String::as_str))
                ),
            );
        }
    };
    let dimension = |cx: &mut Ctx, id: &str| {
        let found = file.dimensions.iter().find(|d| d.id == id);
        if found.is_none() {
            cx.error(
                place,
                format!(
                    "there is no dimension \"{id}\"{}",
                    suggestion(id, file.dimensions.iter().map(|d| d.id.as_str()))
                ),
            );
        }
        found
    };
    match form {
        Form::All(cs) | Form::Any(cs) => {
            if cs.is_empty() {
                cx.error(
                    place,
                    "this list of conditions is empty; add conditions or remove it",
                );
            }
            for (i, inner) in cs.iter().enumerate() {
                let mut p = place.to_vec();
                p.push(format!("condition {}", i + 1));
                check_condition(cx, &p, inner, file);
            }
        }
        Form::Not(inner) => {
            let mut p = place.to_vec();
            p.push("not".into());
            check_condition(cx, &p, inner, file);
        }
        Form::AnswerIs(qid, option) => {
            if let Some(q) = find_question(cx, qid) {
                if q.kind == Kind::Multiple {
                    cx.error(
                        place,
                        format!(
                            "question \"{qid}\" is a checklist; use \"includes\" instead of \"is\""
                        ),
                    );
                }
                check_option(cx, q, option);
            }
        }
        Form::AnswerIsOneOf(qid, options) => {
            if let Some(q) = find_question(cx, qid) {
                if q.kind == Kind::Multiple {
                    cx.error(place, format!("question \"{qid}\" is a checklist; use \"includes\" instead of \"is_one_of\""));
                }
                if options.is_empty() {
                    cx.error(place, "\"is_one_of\" is empty; list at least one option");
                }
                for o in options {
                    check_option(cx, q, o);
                }
            }
        }
        Form::AnswerIncludes(qid, option) => {
            if let Some(q) = find_question(cx, qid) {
                if q.kind != Kind::Multiple {
                    cx.error(place, format!("question \"{qid}\" takes one answer; use \"is\" instead of \"includes\""));
                }
                check_option(cx, q, option);
            }
        }
        Form::ScoreAtLeast(d, _) | Form::ScoreAtMost(d, _) => {
            dimension(cx, d);
        }
        Form::ScoreBand(d, band) => {
            if let Some(dim) = dimension(cx, d) {
                if !dim.bands.iter().any(|b| b.id == band) {
                    cx.error(
                        place,
                        format!(
                            "dimension \"{d}\" has no band \"{band}\"{}",
                            suggestion(band, dim.bands.iter().map(|b| b.id.as_str()))
                        ),
                    );
                }
            }
        }
        // The loader reported a name it could not put in place.
        Form::RedFlag(_) | Form::Named(_) => {}
    }
}

/// The lowest and highest score a dimension can reach over all questions.
pub fn score_range(file: &QuestionnaireFile, dimension: &str) -> (i64, i64) {
    let (mut lo, mut hi) = (0i64, 0i64);
    let points = |scores: &Scores| scores.get(dimension).unwrap_or(0);
    for q in &file.questions {
        // The question's lowest and highest points (each at most 0 and at least 0: a
        // question can always add nothing, e.g. when it is not on her path).
        let (mut low, mut high) = (0i64, 0i64);
        let mut take = |v: i64| {
            low = low.min(v);
            high = high.max(v);
        };
        match q.kind {
            Kind::Scale => {
                let times = points(&q.scores);
                if let Some(scale) = file
                    .scales
                    .iter()
                    .find(|s| q.scale.as_deref() == Some(s.id.as_str()))
                {
                    for p in &scale.points {
                        take(p.value.saturating_mul(times));
                    }
                }
            }
            Kind::Single => q.options.iter().for_each(|o| take(points(&o.scores))),
            Kind::Multiple => {
                let (mut sum_pos, mut sum_neg) = (0i64, 0i64);
                for o in &q.options {
                    let v = points(&o.scores);
                    if o.exclusive {
                        take(v);
                    } else if v > 0 {
                        sum_pos = sum_pos.saturating_add(v);
                    } else {
                        sum_neg = sum_neg.saturating_add(v);
                    }
                }
                take(sum_pos);
                take(sum_neg);
            }
        }
        lo = lo.saturating_add(low);
        hi = hi.saturating_add(high);
    }
    (lo, hi)
}

/// Bands: in order, no gaps, no overlaps, covering every possible score.
fn check_dimensions(cx: &mut Ctx, file: &QuestionnaireFile) {
    for d in &file.dimensions {
        let base = format!("dimension \"{}\"", d.id);
        if d.bands.is_empty() {
            cx.error(
                &[base.clone(), "bands".into()],
                "there are no bands; add at least one (e.g. low, moderate, high)",
            );
            continue;
        }
        for b in &d.bands {
            if b.min > b.max {
                cx.error(
                    &[base.clone(), format!("band \"{}\"", b.id)],
                    format!(
                        "\"min\" ({}) is above \"max\" ({}); swap them",
                        b.min, b.max
                    ),
                );
            }
        }
        for pair in d.bands.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            let p = vec![base.clone(), format!("band \"{}\"", b.id)];
            if b.min <= a.max {
                cx.error(&p, format!("overlaps band \"{}\": a score of {} would be in both; start this band at {}", a.id, b.min.max(a.min), a.max + 1));
            } else if b.min > a.max + 1 {
                cx.error(&p, format!("leaves a gap after band \"{}\": scores {} to {} are in no band; start this band at {}", a.id, a.max + 1, b.min - 1, a.max + 1));
            }
        }
        let (lo, hi) = score_range(file, &d.id);
        let first = d.bands.iter().map(|b| b.min).min().unwrap_or(0);
        let last = d.bands.iter().map(|b| b.max).max().unwrap_or(0);
        if first > lo {
            cx.error(&[base.clone(), "bands".into()], format!("a score of {lo} is possible but the lowest band starts at {first}; start it at {lo}"));
        }
        if last < hi {
            cx.error(&[base.clone(), "bands".into()], format!("a score of {hi} is possible but the highest band ends at {last}; end it at {hi}"));
        }
        let used = file.questions.iter().any(|q| {
            q.scores.contains_key(&d.id) || q.options.iter().any(|o| o.scores.contains_key(&d.id))
        });
        if !used {
            cx.warn(&[base], "no question adds points to this dimension; add \"scores\" to some options or remove it");
        }
    }
}

/// Articles, phases and recommendation rules.
fn check_articles(cx: &mut Ctx, file: &QuestionnaireFile) {
    let phase_ids: Vec<&str> = file.phases.iter().map(|p| p.id.as_str()).collect();
    let article_ids: Vec<&str> = file.articles.iter().map(|a| a.id.as_str()).collect();
    if file.articles.is_empty() {
        cx.error(
            &at(&["articles"]),
            "there are no articles; add at least one",
        );
    }
    for a in &file.articles {
        let base = format!("article \"{}\"", a.id);
        for s in &a.steps {
            if !phase_ids.contains(&s.phase.as_str()) {
                cx.error(
                    &[base.clone(), format!("step \"{}\"", s.id), "phase".into()],
                    format!(
                        "there is no phase \"{}\"{}; add it to \"phases\" or use an existing one",
                        s.phase,
                        suggestion(&s.phase, phase_ids.iter().copied())
                    ),
                );
            }
        }
        if !file.recommendations.iter().any(|r| r.article == a.id) {
            cx.error(&[base], "no rule recommends this article, so no reader can be offered it; add a [[recommend]] rule to it");
        }
    }
    for p in &file.phases {
        if !file
            .articles
            .iter()
            .any(|a| a.steps.iter().any(|s| s.phase == p.id))
        {
            cx.warn(
                &[format!("phase \"{}\"", p.id)],
                "no step is in this phase; remove it or give it steps",
            );
        }
    }
    let mut rule_of: HashMap<&str, usize> = HashMap::default();
    for r in &file.recommendations {
        let n = rule_of.entry(r.article.as_str()).or_insert(0);
        *n += 1;
        let base = format!("article \"{}\" › rule {n}", r.article);
        if !article_ids.contains(&r.article.as_str()) {
            cx.error(
                &[base.clone(), "article".into()],
                format!(
                    "there is no article \"{}\"{}; use one of the articles' ids",
                    r.article,
                    suggestion(&r.article, article_ids.iter().copied())
                ),
            );
        }
        if r.weight <= 0 {
            cx.warn(
                &[base.clone(), "weight".into()],
                "a weight of zero or less never recommends the article; use a positive weight",
            );
        }
        check_condition(cx, &[base, "when".into()], &r.when, file);
    }
}

/// Cycles, unreachable questions and branch conditions on questions not yet answered.
/// Returns false when the flow has a cycle.
/// The flow graph (each question's ways forward), or `None` if it goes round in a circle.
fn check_graph(
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

fn answers_named<'a>(c: &'a Condition, out: &mut Vec<&'a str>) {
    match c.form() {
        Ok(Form::All(cs)) | Ok(Form::Any(cs)) => cs.iter().for_each(|c| answers_named(c, out)),
        Ok(Form::Not(c)) => answers_named(c, out),
        Ok(Form::AnswerIs(q, _))
        | Ok(Form::AnswerIsOneOf(q, _))
        | Ok(Form::AnswerIncludes(q, _)) => out.push(q),
        _ => {}
    }
}

fn reachable_from(start: usize, successors: &[Vec<Target>]) -> Vec<bool> {
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

fn reachable_from_in(start: usize, adjacency: &[Vec<usize>]) -> Vec<bool> {
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
fn find_cycle(successors: &[Vec<Target>]) -> Option<Vec<usize>> {
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

/// The answers worth trying at a question when exploring paths.
fn choices(q: &Questionnaire, question: &Question) -> Vec<Answer> {
    let mut out: Vec<Answer> = match question.kind {
        Kind::Single | Kind::Scale => q
            .choice_ids(question)
            .into_iter()
            .map(|id| Answer::Choice(id.into()))
            .collect(),
        Kind::Multiple => {
            // Every combination on a small checklist; otherwise one tick each, none, and all.
            let plain: Vec<String> = question
                .options
                .iter()
                .filter(|o| !o.exclusive)
                .map(|o| o.id.as_str().to_owned())
                .collect();
            let exclusive = question
                .options
                .iter()
                .filter(|o| o.exclusive)
                .map(|o| Answer::Choices(vec![o.id.as_str().to_owned()]));
            let mut v: Vec<Answer> = if plain.len() <= 6 {
                (0u32..(1 << plain.len()))
                    .map(|bits| {
                        Answer::Choices(
                            plain
                                .iter()
                                .enumerate()
                                .filter(|(i, _)| bits & (1 << i) != 0)
                                .map(|(_, o)| o.clone())
                                .collect(),
                        )
                    })
                    .collect()
            } else {
                let mut v: Vec<Answer> = plain
                    .iter()
                    .map(|o| Answer::Choices(vec![o.clone()]))
                    .collect();
                v.push(Answer::Choices(Vec::new()));
                v.push(Answer::Choices(plain.clone()));
                v
            };
            v.extend(exclusive);
            v
        }
    };
    if question.prefer_not_to_say {
        out.push(Answer::Declined);
    }
    out
}

/// The situations explored so far. A situation is the part of the facts that any condition
/// can see, as one flat key: the question, the red flag, the clamped scores, then (question,
/// class) pairs. Two walks that agree on it have the same futures, so each is explored once.
///
/// The keys are stored end to end in one array, with a table of indexes into it: one
/// allocation for all of them rather than one each, which kept large files in the cache.
#[derive(Default)]
struct Seen {
    keys: Vec<i64>,
    /// Where each key ends in `keys` (it starts where the one before ends).
    ends: Vec<u32>,
    table: hashbrown::HashTable<u32>,
}

impl Seen {
    fn len(&self) -> usize {
        self.ends.len()
    }

    /// Adds a key; true if it was not there yet.
    fn insert(&mut self, key: &[i64]) -> bool {
        use std::hash::BuildHasher;
        let hash = |k: &[i64]| rustc_hash::FxBuildHasher.hash_one(k);
        let Seen { keys, ends, table } = self;
        let key_at = |i: u32| {
            let i = i as usize;
            let start = if i == 0 { 0 } else { ends[i - 1] as usize };
            &keys[start..ends[i] as usize]
        };
        match table.entry(hash(key), |&i| key_at(i) == key, |&i| hash(key_at(i))) {
            hashbrown::hash_table::Entry::Occupied(_) => false,
            hashbrown::hash_table::Entry::Vacant(slot) => {
                slot.insert(ends.len() as u32);
                keys.extend_from_slice(key);
                ends.push(keys.len() as u32);
                true
            }
        }
    }
}

/// What answering a question with one of its choices does, worked out once per explorer so
/// that each step of the search is a few array reads (no id lookups, no string compares).
#[derive(Clone, Copy)]
struct Effect {
    /// Its points: `deltas[start..start + len]`, as (dimension index, points).
    start: u32,
    len: u32,
    /// Its red flags: an index into `red`, or `NONE`.
    red: u32,
    /// Where it leads: a question index, `RESULTS_AT`, `NOWHERE`, or `DEPENDS` when a branch
    /// decides (then `next_after` works it out from the facts).
    next: u32,
}

const NONE: u32 = u32::MAX;
const DEPENDS: u32 = u32::MAX;
const NOWHERE: u32 = u32::MAX - 1;
const RESULTS_AT: u32 = u32::MAX - 2;

struct Explorer<'q> {
    q: &'q Questionnaire,
    facts: Facts,
    steps: usize,
    paths: usize,
    /// Per dimension: `None` if no condition looks at it, else the score above which every
    /// condition answers the same (scores are clamped there in the state).
    clamp: Vec<Option<i64>>,
    /// Per question: whether any condition looks at its answer.
    looked_at: Vec<bool>,
    seen_answers: Vec<(usize, usize)>,
    /// Per question: the answers worth trying there.
    choices: Vec<Vec<Answer>>,
    /// Per question and choice: the first choice that every condition treats the same way.
    class: Vec<Vec<usize>>,
    seen: Seen,
    /// Per question: where its choices' effects start in `effects`.
    first: Vec<usize>,
    effects: Vec<Effect>,
    deltas: Vec<(usize, i64)>,
    red: Vec<Vec<(usize, String)>>,
    /// (dimension, score before) for every score a step changed, for undoing it.
    changed: Vec<(usize, i64)>,
    /// Reused to build state keys.
    key: Vec<i64>,
    recommended: Vec<bool>,
    top: Vec<bool>,
    trail: Vec<(usize, usize)>,
    empty_example: Option<Vec<(usize, usize)>>,
    /// When set, the search stops at the first path on which this condition holds.
    goal: Option<&'q Condition>,
    /// The recommendation rules, worked out once for ranking at the end of every path.
    rules: Rules<'q>,
    /// Per question: the choice taken on the path being finished (reset after each).
    chosen: Vec<Option<usize>>,
    reached_goal: bool,
}

/// A condition with its form worked out once, so ranking at the end of each of tens of
/// thousands of paths does not sort out every condition's form again (`walk::holds` does).
enum Test<'q> {
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
    fn new(q: &'q Questionnaire, c: &'q Condition) -> Test<'q> {
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
    fn holds<'a>(&self, facts: &Facts, answer: &impl Fn(usize) -> Option<&'a Answer>) -> bool {
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
struct Rules<'q> {
    rules: Vec<(usize, i64, Test<'q>)>,
    articles: usize,
}

impl<'q> Rules<'q> {
    fn new(q: &'q Questionnaire) -> Rules<'q> {
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
        }
    }

    /// The articles' positions and weights, best first, as `report::rank_positions` gives them.
    fn rank<'a>(
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
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked
    }
}

struct Undo {
    changed: usize,
    flags: usize,
    seen_answers: usize,
}

impl<'q> Explorer<'q> {
    /// An explorer whose situations tell apart exactly what `conditions` can see.
    fn new(q: &'q Questionnaire, conditions: &[&Condition]) -> Self {
        let file = q.file();
        let mut cuts: Vec<Option<i64>> = vec![None; file.dimensions.len()];
        let mut looked_at = vec![false; file.questions.len()];
        for c in conditions {
            thresholds(q, c, &mut cuts, &mut looked_at);
        }
        let clamp = cuts
            .into_iter()
            .enumerate()
            .map(|(i, cut)| {
                cut.map(|c| {
                    let id = &file.dimensions[i].id;
                    let never_negative =
                        score_range(file, id).0 >= 0 && no_negative_points(file, id);
                    if never_negative {
                        c
                    } else {
                        i64::MAX
                    }
                })
            })
            .collect();
        let mut explorer = Explorer {
            q,
            facts: Facts {
                scores: vec![0; file.dimensions.len()],
                ..Facts::default()
            },
            steps: 0,
            paths: 0,
            clamp,
            looked_at,
            seen_answers: Vec::new(),
            class: Vec::new(),
            choices: file
                .questions
                .iter()
                .map(|question| choices(q, question))
                .collect(),
            seen: Seen::default(),
            first: Vec::new(),
            effects: Vec::new(),
            deltas: Vec::new(),
            red: Vec::new(),
            changed: Vec::new(),
            key: Vec::new(),
            recommended: vec![false; file.articles.len()],
            top: vec![false; file.articles.len()],
            trail: Vec::new(),
            empty_example: None,
            goal: None,
            rules: Rules::new(q),
            chosen: vec![None; file.questions.len()],
            reached_goal: false,
        };
        explorer.class = classes(q, conditions, &explorer.choices);
        explorer.work_out_effects();
        explorer
    }

    /// Works out every choice's `Effect` with the walk's own functions, on empty facts.
    fn work_out_effects(&mut self) {
        let q = self.q;
        let dimensions = q.dimensions().len();
        let empty = Facts {
            scores: vec![0; dimensions],
            ..Facts::default()
        };
        let mut facts = empty.clone();
        for (index, question) in q.file().questions.iter().enumerate() {
            self.first.push(self.effects.len());
            for answer in &self.choices[index] {
                facts.scores.iter_mut().for_each(|s| *s = 0);
                add_points(q, index, question, answer, &mut facts);
                let start = self.deltas.len() as u32;
                for (d, points) in facts.scores.iter().enumerate() {
                    if *points != 0 {
                        self.deltas.push((d, *points));
                    }
                }
                let red = if facts.red_flags.is_empty() {
                    NONE
                } else {
                    self.red.push(std::mem::take(&mut facts.red_flags));
                    (self.red.len() - 1) as u32
                };
                // The chosen option's own `next` wins; otherwise, without branches, the
                // fallback is fixed too.
                let own_next = question.kind == Kind::Single
                    && question
                        .options
                        .iter()
                        .find(|o| answer.chose(&o.id))
                        .is_some_and(|o| o.next.is_some());
                let next = if own_next || question.branches.is_empty() {
                    match next_after(q, question, answer, &empty) {
                        Some(Target::Question(n)) => n as u32,
                        Some(Target::Results) => RESULTS_AT,
                        None => NOWHERE,
                    }
                } else {
                    DEPENDS
                };
                self.effects.push(Effect {
                    start,
                    len: self.deltas.len() as u32 - start,
                    red,
                    next,
                });
            }
        }
    }

    fn effect(&self, index: usize, choice: usize) -> Option<Effect> {
        let first = *self.first.get(index)?;
        let count = self.choices.get(index).map_or(0, Vec::len);
        (choice < count).then(|| self.effects[first + choice])
    }

    /// Writes the situation at `at` into `self.key`.
    fn state(&mut self, at: usize) {
        self.key.clear();
        self.key.push(at as i64);
        self.key.push(i64::from(!self.facts.red_flags.is_empty()));
        for (c, s) in self.clamp.iter().zip(&self.facts.scores) {
            if let Some(c) = c {
                self.key.push((*s).min(*c));
            }
        }
        for (i, class) in &self.seen_answers {
            self.key.push(*i as i64);
            self.key.push(*class as i64);
        }
    }

    /// Counts the state at `at` as seen; true if it is new.
    fn first_visit(&mut self, at: usize) -> bool {
        self.state(at);
        self.seen.insert(&self.key)
    }

    fn within_budget(&self) -> bool {
        self.steps < STEP_BUDGET && self.seen.len() < STATE_BUDGET
    }

    fn finish_path(&mut self) {
        self.paths += 1;
        if let Some(goal) = self.goal {
            self.reached_goal |= holds(self.q, goal, &self.facts);
            return;
        }
        // This path's answers by question index, from the trail of (question, choice).
        for &(i, c) in &self.trail {
            if let Some(slot) = self.chosen.get_mut(i) {
                *slot = Some(c);
            }
        }
        let (choices, chosen) = (&self.choices, &self.chosen);
        let answer = |i: usize| {
            chosen
                .get(i)
                .copied()
                .flatten()
                .and_then(|c| choices.get(i)?.get(c))
        };
        let ranked = self.rules.rank(&self.facts, &answer);
        for &(i, _) in &self.trail {
            if let Some(slot) = self.chosen.get_mut(i) {
                *slot = None;
            }
        }
        debug_assert_eq!(ranked, rank_positions(self.q, &self.facts));
        if ranked.is_empty() && self.empty_example.is_none() {
            self.empty_example = Some(self.trail.clone());
        }
        for (n, (i, _)) in ranked.iter().enumerate() {
            self.recommended[*i] = true;
            self.top[*i] |= n == 0;
        }
    }

    /// Applies the `choice`th answer worth trying at a question, returning what undoes it.
    fn apply(&mut self, index: usize, choice: usize) -> Undo {
        let undo = Undo {
            changed: self.changed.len(),
            flags: self.facts.red_flags.len(),
            seen_answers: self.seen_answers.len(),
        };
        if let Some(effect) = self.effect(index, choice) {
            let (start, end) = (effect.start as usize, (effect.start + effect.len) as usize);
            for &(d, points) in &self.deltas[start..end] {
                let score = &mut self.facts.scores[d];
                self.changed.push((d, *score));
                *score = score.saturating_add(points);
            }
            if effect.red != NONE {
                let flags = &self.red[effect.red as usize];
                self.facts.red_flags.extend(flags.iter().cloned());
            }
            if self.looked_at.get(index).copied().unwrap_or(false) {
                if let (Some(question), Some(answer)) =
                    (self.q.question(index), self.choices[index].get(choice))
                {
                    self.facts
                        .answers
                        .insert(question.id.as_str().to_owned(), answer.clone());
                }
                let class = self
                    .class
                    .get(index)
                    .and_then(|c| c.get(choice))
                    .copied()
                    .unwrap_or(choice);
                self.seen_answers.push((index, class));
            }
        }
        self.trail.push((index, choice));
        self.steps += 1;
        undo
    }

    fn undo(&mut self, index: usize, undo: Undo) {
        if self.looked_at.get(index).copied().unwrap_or(false) {
            if let Some(question) = self.q.question(index) {
                self.facts.answers.remove(question.id.as_str());
            }
        }
        while self.changed.len() > undo.changed {
            if let Some((d, before)) = self.changed.pop() {
                self.facts.scores[d] = before;
            }
        }
        self.facts.red_flags.truncate(undo.flags);
        self.seen_answers.truncate(undo.seen_answers);
        self.trail.pop();
    }

    fn next(&self, index: usize, choice: usize) -> Option<Target> {
        match self.effect(index, choice)?.next {
            DEPENDS => {
                let question = self.q.question(index)?;
                let answer = self.choices.get(index)?.get(choice)?;
                next_after(self.q, question, answer, &self.facts)
            }
            NOWHERE => None,
            RESULTS_AT => Some(Target::Results),
            n => Some(Target::Question(n as usize)),
        }
    }

    /// Every distinct state, depth first, until the budget runs out. True if it did not.
    fn exhaustive(&mut self) -> bool {
        struct Frame {
            at: usize,
            choices: usize,
            next: usize,
            undo: Option<Undo>,
        }
        let start = self.q.start();
        self.first_visit(start);
        let count = |e: &Self, i: usize| e.choices.get(i).map_or(0, Vec::len);
        let mut stack = vec![Frame {
            at: start,
            choices: count(self, start),
            next: 0,
            undo: None,
        }];
        loop {
            let Some(top) = stack.last_mut() else {
                return true;
            };
            let at = top.at;
            let pending = top.undo.take();
            if let Some(undo) = pending {
                self.undo(at, undo);
            }
            let Some(top) = stack.last_mut() else {
                return true;
            };
            if self.reached_goal {
                return true;
            }
            if top.next >= top.choices {
                stack.pop();
                continue;
            }
            if !self.within_budget() {
                while let Some(mut f) = stack.pop() {
                    if let Some(undo) = f.undo.take() {
                        self.undo(f.at, undo);
                    }
                }
                return false;
            }
            let choice = top.next;
            top.next += 1;
            let undo = self.apply(at, choice);
            let next = self.next(at, choice);
            if let Some(top) = stack.last_mut() {
                top.undo = Some(undo);
            }
            match next {
                Some(Target::Results) => self.finish_path(),
                Some(Target::Question(n)) if self.first_visit(n) => {
                    stack.push(Frame {
                        at: n,
                        choices: count(self, n),
                        next: 0,
                        undo: None,
                    });
                }
                Some(Target::Question(_)) => {}
                None => {}
            }
        }
    }

    /// Random paths from a fixed seed, until the budget runs out.
    fn sample(&mut self) {
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut random = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n.max(1) as u64) as usize
        };
        let stop = self.steps + STEP_BUDGET;
        while self.steps < stop {
            self.facts = Facts {
                scores: vec![0; self.q.dimensions().len()],
                ..Facts::default()
            };
            self.trail.clear();
            self.seen_answers.clear();
            self.changed.clear();
            let mut at = self.q.start();
            for _ in 0..=self.q.file().questions.len() {
                let options = self.choices.get(at).map_or(0, Vec::len);
                if options == 0 {
                    break;
                }
                let choice = random(options);
                self.apply(at, choice);
                match self.next(at, choice) {
                    Some(Target::Results) => {
                        self.finish_path();
                        break;
                    }
                    Some(Target::Question(n)) => at = n,
                    None => break,
                }
            }
        }
    }
}

/// Collects, for every dimension a condition looks at, the score from which all conditions
/// answer the same, and which questions' answers conditions look at.
fn thresholds(q: &Questionnaire, c: &Condition, cuts: &mut [Option<i64>], looked_at: &mut [bool]) {
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
fn classes(
    q: &Questionnaire,
    conditions: &[&Condition],
    choices: &[Vec<Answer>],
) -> Vec<Vec<usize>> {
    fn atoms<'a>(c: &'a Condition, out: &mut Vec<Form<'a>>) {
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

fn no_negative_points(file: &QuestionnaireFile, dimension: &str) -> bool {
    let scale_negative = file
        .scales
        .iter()
        .any(|s| s.points.iter().any(|p| p.value < 0));
    file.questions.iter().all(|q| {
        let own = q.scores.get(dimension).unwrap_or(0);
        own >= 0
            && !(own > 0 && scale_negative)
            && q.options
                .iter()
                .all(|o| o.scores.get(dimension).unwrap_or(0) >= 0)
    })
}

/// Explores answer paths: every path must end with an article, every article must be offered,
/// and should be the first recommendation for someone.
///
/// When every situation fits in the budget the answers are exact. Otherwise each question is
/// answered soundly another way: a rule that always holds proves every path ends with an
/// article; a search per rule, telling apart only what that rule and the branches can see,
/// proves an article can be recommended; and a fixed sample looks for the rest.
fn check_paths(cx: &mut Ctx, q: &Questionnaire) -> Coverage {
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

/// Whether a condition holds whatever the answers: true under every assignment of its basic
/// tests (treated as independent, which can only make this answer "no" more often).
/// An answer as she would write it in an example reader's file.
fn toml_answer(a: &Answer) -> String {
    match a {
        Answer::Choice(c) => format!("\"{c}\""),
        Answer::Choices(cs) => format!(
            "[{}]",
            cs.iter()
                .map(|c| format!("\"{c}\""))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Answer::Declined => format!("\"{}\"", super::answer::DECLINED),
    }
}

fn always_holds(c: &Condition) -> bool {
    fn basics(c: &Condition, out: &mut Vec<String>) {
        match c.form() {
            Ok(Form::All(cs)) | Ok(Form::Any(cs)) => cs.iter().for_each(|c| basics(c, out)),
            Ok(Form::Not(c)) => basics(c, out),
            Ok(Form::RedFlag(_)) => out.push("red_flag".into()),
            Ok(f) => out.push(format!("{f:?}")),
            Err(_) => {}
        }
    }
    fn eval(c: &Condition, names: &[String], bits: u32) -> bool {
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
