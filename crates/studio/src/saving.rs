//! "Save this play-through as an example", at the results of the preview: she says who the
//! reader is (a sentence) and which article she should see first, and a complete example
//! reader's file is written into her examples/ folder, to be played at every check from then on.

use super::{io, use_studio};
use author::inspect::inspect;
use engine::{Answer, Questionnaire};
use leptos::prelude::*;
use reader::ui::state::AppState;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The form at the results.
#[component]
pub fn SaveExample(q: Arc<Questionnaire>, app: AppState) -> impl IntoView {
    let studio = use_studio();
    let answers = app.session.with_untracked(|s| s.answers().clone());
    let info = inspect(&q, &answers);
    let ranked: Vec<(String, String)> = info
        .ranked
        .iter()
        .map(|r| {
            let title = q
                .article(&r.id)
                .map_or_else(|| r.id.clone(), |a| a.title.clone());
            (r.id.clone(), title)
        })
        .collect();
    let who = RwSignal::new(String::new());
    let first = RwSignal::new(ranked.first().map(|(id, _)| id.clone()).unwrap_or_default());
    let problem = RwSignal::new(String::new());
    let options = ranked
        .iter()
        .enumerate()
        .map(|(i, (id, title))| {
            let label = if i == 0 {
                format!("{title} (first now)")
            } else {
                title.clone()
            };
            view! { <option value=id.clone()>{label}</option> }
        })
        .collect_view();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let reader = who.get_untracked().trim().to_string();
        if reader.is_empty() {
            problem.set("Say who she is first, in a sentence: the example is her.".into());
            return;
        }
        let expected = first.get_untracked();
        let text = example_text(
            &q,
            &answers,
            &reader,
            Some(expected.as_str()).filter(|e| !e.is_empty()),
        );
        let name = format!("{}.toml", file_stem(&reader));
        problem.set(String::new());
        studio.status.set(format!("Saving examples/{name}…"));
        io::save(&name, &text);
    };
    view! {
        <form class="save-example" aria-labelledby="save-example-title" on:submit=save>
            <h2 id="save-example-title">"Save this play-through as an example"</h2>
            <p class="hint">
                "Her answers are kept as an example reader, played at every check from now on."
            </p>
            <label>
                "Who is she? (a sentence, in your words)"
                <textarea
                    rows="3"
                    prop:value=move || who.get()
                    on:input=move |ev| who.set(event_target_value(&ev))
                ></textarea>
            </label>
            <label>
                "Which article should she see first?"
                <select
                    prop:value=move || first.get()
                    on:change=move |ev| first.set(event_target_value(&ev))
                >
                    {options}
                </select>
            </label>
            <p class="form-problem" role="alert">{move || problem.get()}</p>
            <button type="submit" class="primary">"Save as an example"</button>
        </form>
    }
}

/// A file name from the first words of who she is (`he-left-two-weeks-ago`).
fn file_stem(reader: &str) -> String {
    let words: Vec<String> = reader
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(6)
        .map(str::to_ascii_lowercase)
        .collect();
    if words.is_empty() {
        "example-reader".into()
    } else {
        words.join("-")
    }
}

/// The play-through as an example reader's file, in the author's format: who she is, her
/// answers in the order she gave them, and what she should see.
pub fn example_text(
    q: &Questionnaire,
    answers: &BTreeMap<String, Answer>,
    reader: &str,
    first: Option<&str>,
) -> String {
    let quote = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into());
    let info = inspect(q, answers);
    let mut out = format!(
        "#:schema ../schema/example.schema.json\n# An example reader, saved from the studio's preview.\n\nreader = {}\n\n[answers]\n",
        quote(reader)
    );
    for id in &info.path {
        let Some(answer) = answers.get(id) else {
            continue;
        };
        let value = match answer {
            Answer::Choice(c) => quote(c),
            Answer::Choices(cs) => format!(
                "[{}]",
                cs.iter().map(|c| quote(c)).collect::<Vec<_>>().join(", ")
            ),
            Answer::Declined => quote("prefer_not_to_say"),
        };
        out.push_str(&format!("{id} = {value}\n"));
    }
    out.push_str("\n[expect]\n");
    if let Some(first) = first {
        out.push_str(&format!("first_article = {}\n", quote(first)));
    }
    out.push_str(&format!("safety_first = {}\n", !info.red_flags.is_empty()));
    out
}
