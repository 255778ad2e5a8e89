//! Safety help: the questionnaire's crisis resources, shown first whenever an answer raised a
//! red flag (a compact banner on later questions, the full panel on the results).

use super::state::use_app;
use crate::engine::model::Resource;
use leptos::prelude::*;

/// The safety panel; `compact` for the banner on question screens, `because` for the answers
/// that raised it (shown on the results).
#[component]
pub fn SafetyPanel(
    /// The banner's short form: the title and resources only.
    #[prop(optional)]
    compact: bool,
    /// The answers that raised it, in her words.
    #[prop(optional)]
    because: Vec<String>,
) -> impl IntoView {
    let safety = &use_app().q.file().safety;
    let because = (!because.is_empty()).then(|| {
        view! { <p class="because">"Shown because you answered: "{because.join("; ")}</p> }
    });
    view! {
        <aside class=if compact { "safety compact" } else { "safety" } aria-labelledby="safety-title">
            <h2 id="safety-title">{safety.title.as_str()}</h2>
            {(!compact).then(|| view! { <p>{safety.message.as_str()}</p> })}
            <Resources list=&safety.resources/>
            {because}
        </aside>
    }
}

/// Urgent help, at the top of every screen once an answer gave a sign of serious danger (an
/// option with `danger = true`), worded by the author in `[safety.urgent]`.
#[component]
pub fn UrgentHelp() -> impl IntoView {
    let app = use_app();
    app.q.file().safety.urgent.as_ref().map(|urgent| {
        view! {
            <Show when=move || app.danger.get()>
                <aside class="urgent" aria-labelledby="urgent-title">
                    <h2 id="urgent-title">{urgent.title.as_str()}</h2>
                    <p>{urgent.message.as_str()}</p>
                    <Resources list=&urgent.resources/>
                </aside>
            </Show>
        }
    })
}

/// Crisis lines and services; a number to call becomes a link that dials it.
#[component]
fn Resources(list: &'static [Resource]) -> impl IntoView {
    let items = list
        .iter()
        .map(|r| {
            let digits: String = r.contact.chars().filter(|c| c.is_ascii_digit()).collect();
            let contact = r.contact.as_str();
            // A number to call becomes a link that dials it; a text line stays words.
            let contact = if digits.len() >= 3 && !contact.to_ascii_lowercase().contains("text") {
                view! { <a href=format!("tel:{digits}")>{contact}</a> }.into_any()
            } else {
                view! { <span>{contact}</span> }.into_any()
            };
            let detail = (!r.detail.is_empty())
                .then(|| view! { <span class="detail">" — "{r.detail.as_str()}</span> });
            view! {
                <li>
                    <strong>{r.name.as_str()}</strong>": "{contact}{detail}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="resources">{items}</ul> }
}
