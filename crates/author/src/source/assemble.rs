//! Putting the parts and articles together into one questionnaire, with named conditions put
//! in place (the engine never sees a name).

use super::*;

/// Puts the parts and articles together, with named conditions put in place.
pub(crate) fn assemble(r: &mut Reader, g: Gathered) -> Option<QuestionnaireFile> {
    let first = Loc {
        file: 0,
        line: 1,
        column: 1,
    };
    let mut missing = |what: &str, example: &str| {
        r.error(
            first,
            Vec::new(),
            format!("the questionnaire has no \"{what}\"; add {example} to the questions file"),
        );
    };
    let id = g.id.map(|(v, _)| v);
    let title = g.title.map(|(v, _)| v);
    let version = g.version.map(|(v, _)| v);
    let start = g.start.map(|(v, _)| v);
    let about = g.about.map(|(v, _)| v);
    let blog = g.blog.map(|(v, _)| v);
    let quick_exit = g.quick_exit.map(|(v, _)| v);
    let safety = g.safety.map(|(v, _)| v);
    for (absent, what, example) in [
        (id.is_none(), "id", "`id = \"check-in\"`"),
        (title.is_none(), "title", "`title = \"…\"`"),
        (version.is_none(), "version", "`version = 1`"),
        (
            start.is_none(),
            "start",
            "`start = \"<the first question's id>\"`",
        ),
        (about.is_none(), "about", "an [about] table"),
        (blog.is_none(), "blog", "a [blog] table"),
        (quick_exit.is_none(), "quick_exit", "a [quick_exit] table"),
        (safety.is_none(), "safety", "a [safety] table"),
    ] {
        if absent {
            missing(what, example);
        }
    }
    let mut used: Vec<String> = Vec::new();
    let mut recommendations = Vec::new();
    let mut articles = Vec::new();
    for (id, a) in g.articles {
        for (n, rule) in a.recommend.into_iter().enumerate() {
            let mut when = rule.when;
            let place = vec![
                format!("article \"{id}\""),
                format!("rule {}", n + 1),
                "when".to_string(),
            ];
            put_in_place(r, &g.conditions, &mut used, &place, &mut when, 0);
            recommendations.push(Recommendation {
                article: id.clone(),
                when,
                weight: rule.weight,
                because: rule.because,
            });
        }
        articles.push(Article {
            id,
            title: a.title,
            author: a.author,
            url: a.url,
            summary: a.summary,
            helps: a.helps,
            hurts: a.hurts,
            steps: a.steps,
            not_if_unsafe: a.not_if_unsafe,
        });
    }
    let mut questions = g.questions;
    for q in &mut questions {
        let base = format!("question \"{}\"", q.id);
        for (n, b) in q.branches.iter_mut().enumerate() {
            let place = vec![base.clone(), format!("branch {}", n + 1), "when".into()];
            put_in_place(r, &g.conditions, &mut used, &place, &mut b.when, 0);
        }
    }
    for (name, (c, loc)) in &g.conditions {
        let mut c = c.clone();
        let place = vec![format!("condition \"{name}\"")];
        let mut inside = Vec::new();
        put_in_place(r, &g.conditions, &mut inside, &place, &mut c, 0);
        if !used.contains(name) {
            r.problem(
                Severity::Warning,
                *loc,
                place,
                "no branch or rule uses this condition; use it with `when = { condition = \"…\" }` or remove it".into(),
            );
        }
    }
    Some(QuestionnaireFile {
        id: id?,
        title: title?,
        version: version?,
        start: start?,
        about: about?,
        blog: blog?,
        quick_exit: quick_exit?,
        safety: safety?,
        scales: g.scales,
        dimensions: g.dimensions,
        sections: g.sections,
        questions,
        phases: g.phases,
        articles,
        recommendations,
        results: g.results.map(|(v, _)| v).unwrap_or_default(),
    })
}

/// Replaces `{ condition = "name" }`, at any depth, by the named condition.
pub(crate) fn put_in_place(
    r: &mut Reader,
    named: &BTreeMap<String, (Condition, Loc)>,
    used: &mut Vec<String>,
    place: &[String],
    c: &mut Condition,
    depth: usize,
) {
    if let Some(name) = c.name().map(str::to_string) {
        let loc = r.places.find(place).unwrap_or(Loc {
            file: 0,
            line: 1,
            column: 1,
        });
        if depth > 16 {
            r.error(loc, place.to_vec(), format!("the condition \"{name}\" is defined by way of itself; a named condition cannot use its own name"));
            return;
        }
        match named.get(&name) {
            Some((def, _)) => {
                *c = def.clone();
                used.push(name);
            }
            None => {
                let names: Vec<&str> = named.keys().map(String::as_str).collect();
                let listed = if names.is_empty() {
                    "there are no named conditions yet; name one under a [conditions] line"
                        .to_string()
                } else {
                    format!("the named conditions are {}", names.join(", "))
                };
                r.error(
                    loc,
                    place.to_vec(),
                    format!(
                        "there is no condition named \"{name}\"{}; {listed}",
                        suggestion(&name, names.iter().copied())
                    ),
                );
                return;
            }
        }
    }
    for inner in c.inner_mut() {
        put_in_place(r, named, used, place, inner, depth + 1);
    }
    if c.name().is_some() {
        put_in_place(r, named, used, place, c, depth + 1);
    }
}
