//! Safety rules: crisis help is there when an option asks for it, every country's reader has
//! numbers to call, ties are ordered by known articles, and no advice about reaching out to,
//! soothing or waiting on him can reach a reader with a red flag.

use super::*;
use engine::model::{Resource, Urgent};

/// Words that tell a reader to reach out to him, soothe him or wait on him. Advice with them
/// must be marked `not_if_unsafe`, so that a reader who is afraid of him is never given it.
const ABOUT_HIM: &[&str] = &[
    "reach out to him",
    "reach out to your husband",
    "contact him",
    "call him",
    "text him",
    "message him",
    "write to him",
    "wait for him",
    "wait on him",
    "win him back",
    "soothe him",
    "calm him down",
    "give him space",
    "give him some space",
    "give him the space",
    "give him room",
];

/// The first phrase about him in `text`, if any.
fn about_him(text: &str) -> Option<&'static str> {
    let text = text.to_lowercase().replace(['\n', '\r'], " ");
    let text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    ABOUT_HIM.iter().copied().find(|p| text.contains(p))
}

/// Checks crisis help, countries, tie order and what a reader with a red flag can be given.
pub(super) fn check_safety(cx: &mut Ctx, file: &QuestionnaireFile) {
    // Crisis help, when an option asks for it.
    let crisis_option = file
        .questions
        .iter()
        .flat_map(|q| q.options.iter().map(move |o| (q, o)))
        .find(|(_, o)| o.crisis);
    if let Some((q, o)) = crisis_option {
        if file.safety.crisis.is_none() {
            cx.error(
                &[q_place(q), format!("option \"{}\"", o.id)],
                "\"crisis = true\" shows crisis help first on every screen, but there is none to show; add [safety.crisis] to safety-and-about.toml, with a title, a message for her and the crisis line first",
            );
        }
    }
    if let Some(c) = &file.safety.crisis {
        check_help(cx, c, "crisis");
        // Her ticks are kept by step id: a crisis step's id is its own.
        let taken: Vec<&str> = file
            .safety
            .steps
            .iter()
            .map(|s| s.id.as_str())
            .chain(
                file.articles
                    .iter()
                    .flat_map(|a| a.steps.iter().map(|s| s.id.as_str())),
            )
            .collect();
        for (i, step) in c.steps.iter().enumerate() {
            let place = [
                "safety".to_string(),
                "crisis".into(),
                format!("step \"{}\"", step.id),
            ];
            if taken.contains(&step.id.as_str()) || c.steps[..i].iter().any(|s| s.id == step.id) {
                cx.error(&place, "another step already has this id; give this one its own, since her ticks are kept by it");
            }
            if step.text.trim().is_empty() {
                cx.error(
                    &place,
                    "this text is empty; write what the reader should see",
                );
            }
            if let Some(words) = about_him(&step.text) {
                cx.error(&place, format!("crisis steps are for a reader who may hurt herself, and this one says \"{words}\"; reword it"));
            }
        }
    }

    // Countries: known codes, and numbers for each country in every list of help.
    let codes: Vec<&str> = file
        .safety
        .countries
        .iter()
        .map(|c| c.code.as_str())
        .collect();
    for (i, c) in file.safety.countries.iter().enumerate() {
        if codes[..i].contains(&c.code.as_str()) {
            cx.error(
                &at(&["safety", &format!("country \"{}\"", c.code)]),
                "this country is listed twice; keep one",
            );
        }
        if c.name.trim().is_empty() {
            cx.error(
                &at(&["safety", &format!("country \"{}\"", c.code)]),
                "give the country a name, as the reader will see it in the list",
            );
        }
    }
    let mut lists: Vec<(&str, &[Resource])> = vec![("resources", &file.safety.resources)];
    if let Some(u) = &file.safety.urgent {
        lists.push(("urgent", &u.resources));
    }
    if let Some(c) = &file.safety.crisis {
        lists.push(("crisis", &c.resources));
    }
    for (list, resources) in &lists {
        for r in resources.iter() {
            if let Some(code) = &r.country {
                if !codes.contains(&code.as_str()) {
                    cx.error(
                        &at(&["safety", list, &format!("resource \"{}\"", r.name), "country"]),
                        format!(
                            "there is no country \"{code}\" in [[safety.countries]]{}; add it there (with its name) or fix the code",
                            suggestion(code, codes.iter().copied())
                        ),
                    );
                }
            }
        }
        for country in &file.safety.countries {
            let shown = resources
                .iter()
                .any(|r| r.country.as_deref().is_none_or(|c| c == country.code));
            if !shown {
                cx.error(
                    &at(&["safety", list]),
                    format!(
                        "a reader in {} would see no one to call here; add a resource with country = \"{}\"",
                        country.name, country.code
                    ),
                );
            }
        }
    }

    // The order of ties names known articles, once each.
    let ids: Vec<&str> = file.articles.iter().map(|a| a.id.as_str()).collect();
    let order = &file.results.tie_order;
    for (i, id) in order.iter().enumerate() {
        if !ids.contains(&id.as_str()) {
            cx.error(
                &at(&["results", "tie_order"]),
                format!(
                    "there is no article \"{id}\"{}; list the file names (without .toml) of articles/",
                    suggestion(id, ids.iter().copied())
                ),
            );
        } else if order[..i].contains(id) {
            cx.error(
                &at(&["results", "tie_order"]),
                format!("\"{id}\" is listed twice; keep its first place"),
            );
        }
    }
    if file.results.close_margin < 0 {
        cx.error(
            &at(&["results", "close_margin"]),
            "the margin is a number of weight points, 0 or more",
        );
    }

    // What a reader with a red flag can be given: nothing that tells her to reach out to him,
    // soothe him or wait on him. Such advice must be marked, so her results keep it for later.
    let mark = "a reader with a red flag (afraid of him, threatened, hurt) could be given this";
    for phase in file.phases.iter().filter(|p| !p.not_if_unsafe) {
        if let Some(words) = about_him(&phase.about).or_else(|| about_him(&phase.title)) {
            cx.error(
                &[format!("phase \"{}\"", phase.id)],
                format!("{mark}, and it says \"{words}\"; add not_if_unsafe = true to the phase (her plan then leaves it out), or reword it"),
            );
        }
    }
    let held_phase = |id: &str| file.phases.iter().any(|p| p.id == id && p.not_if_unsafe);
    for article in file.articles.iter().filter(|a| !a.not_if_unsafe) {
        let place = format!("article \"{}\"", article.id);
        if let Some(words) = about_him(&article.summary).or_else(|| about_him(&article.title)) {
            cx.error(
                &[place.clone(), "summary".into()],
                format!("{mark}, and it says \"{words}\"; add not_if_unsafe = true to the article, so her results keep it for later"),
            );
        }
        for step in article
            .steps
            .iter()
            .filter(|s| !s.not_if_unsafe && !held_phase(&s.phase))
        {
            if let Some(words) = about_him(&step.text) {
                cx.error(
                    &[place.clone(), format!("step \"{}\"", step.id)],
                    format!(
                        "{mark}, and it says \"{words}\"; add not_if_unsafe = true to the step"
                    ),
                );
            }
        }
    }
    for step in &file.safety.steps {
        if let Some(words) = about_him(&step.text) {
            cx.error(
                &["safety".into(), format!("step \"{}\"", step.id)],
                format!("safety steps are for a reader who may be afraid of him, and this one says \"{words}\"; reword it"),
            );
        }
    }
}

/// Crisis help's own texts: a title, a message and someone to call.
fn check_help(cx: &mut Ctx, help: &Urgent, name: &str) {
    if help.title.trim().is_empty() {
        cx.error(
            &at(&["safety", name, "title"]),
            "this text is empty; write what the reader should see",
        );
    }
    if help.message.trim().is_empty() {
        cx.error(
            &at(&["safety", name, "message"]),
            "this text is empty; write what the reader should see",
        );
    }
    if help.resources.is_empty() {
        cx.error(
            &at(&["safety", name, "resources"]),
            "this help lists no one to call; add at least one (the crisis line first)",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::about_him;

    #[test]
    fn finds_advice_about_him_across_lines_and_case() {
        assert_eq!(
            about_him("Then, gently,\n  Reach out   to him."),
            Some("reach out to him")
        );
        assert_eq!(about_him("Reach out to a friend you trust."), None);
        assert_eq!(
            about_him("Give him space for a while"),
            Some("give him space")
        );
    }
}
