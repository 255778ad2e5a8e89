//! Ids: their form, and no two alike in any list; builds the question index.

use super::*;

pub(super) fn valid_id(id: &str) -> bool {
    // Bytes, not chars: any byte of a non-ASCII letter fails these tests too.
    let mut bytes = id.bytes();
    bytes
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && bytes.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-' || c == b'_')
}

/// Id format and duplicates in every list of ids. Returns the question index (id → position;
/// for an id given twice, the later one), built here once for every later pass.
pub(super) fn check_ids(cx: &mut Ctx, file: &QuestionnaireFile) -> HashMap<String, usize> {
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
        if q.options.iter().any(|o| o.id == engine::answer::DECLINED) {
            cx.error(
                &[q_place(q), format!("option \"{}\"", engine::answer::DECLINED)],
                "\"prefer_not_to_say\" is reserved; write prefer_not_to_say = true on the question instead",
            );
        }
    }
    questions
}
