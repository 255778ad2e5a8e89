//! References: every id a question, condition, step or rule names exists and fits (kinds, options, scales, sections, dimensions, phases, articles).

use super::*;

/// Kinds, options, scores and every reference a question makes.
pub(super) fn check_questions(
    cx: &mut Ctx,
    file: &QuestionnaireFile,
    questions: &HashMap<String, usize>,
) {
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
            if o.danger && file.safety.urgent.is_none() {
                cx.error(
                    &op(),
                    "\"danger = true\" shows urgent help at the top of every screen, but there is none to show; add [safety.urgent] to safety-and-about.toml, with a title, a message and the numbers to call now",
                );
            }
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

pub(super) fn check_target(
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
pub(super) fn check_condition(
    cx: &mut Ctx,
    place: &[String],
    c: &Condition,
    file: &QuestionnaireFile,
) {
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

/// Articles, phases and recommendation rules.
pub(super) fn check_articles(cx: &mut Ctx, file: &QuestionnaireFile) {
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
        let (article, rule) = (format!("article \"{}\"", r.article), format!("rule {n}"));
        if !article_ids.contains(&r.article.as_str()) {
            cx.error(
                &[article.clone(), rule.clone(), "article".into()],
                format!(
                    "there is no article \"{}\"{}; use one of the articles' ids",
                    r.article,
                    suggestion(&r.article, article_ids.iter().copied())
                ),
            );
        }
        if r.weight <= 0 {
            cx.warn(
                &[article.clone(), rule.clone(), "weight".into()],
                "a weight of zero or less never recommends the article; use a positive weight",
            );
        }
        check_condition(cx, &[article, rule, "when".into()], &r.when, file);
    }
}
