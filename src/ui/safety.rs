//! Safety help: the questionnaire's crisis resources, shown first whenever an answer raised a
//! red flag.

use super::state::use_app;
use leptos::prelude::*;

/// The safety panel; `compact` for the banner on later question screens.
#[component]
pub fn SafetyPanel(
    /// A shorter banner for question screens.
    #[prop(optional)]
    compact: bool,
    /// The answers that raised it, shown on the results.
    #[prop(optional)]
    because: Vec<String>,
) -> impl IntoView {
    let app = use_app();
    let safety = &app.q.file().safety;
    let resources = safety
        .resources
        .iter()
        .map(|r| {
            let tel = r.contact.chars().filter(|c| c.is_ascii_digit()).collect::<String>();
            let link = (tel.len() >= 3 && !r.contact.to_ascii_lowercase().contains("text")).then(|| format!("tel:{tel}"));
            view! {
                <li>
                    <strong>{r.name.clone()}</strong>": "
                    {match link {
                        Some(href) => view! { <a href=href>{r.contact.clone()}</a> }.into_any(),
                        None => view! { <span>{r.contact.clone()}</span> }.into_any(),
                    }}
                    {(!r.detail.is_empty()).then(|| view! { <span class="detail">" — "{r.detail.clone()}</span> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <aside class=if compact { "safety compact" } else { "safety" } aria-labelledby="safety-title">
            <h2 id="safety-title">{safety.title.clone()}</h2>
            {(!compact).then(|| view! { <p>{safety.message.clone()}</p> })}
            <ul class="resources">{resources}</ul>
            {(!because.is_empty()).then(|| view! {
                <p class="because">"Shown because you answered: "{because.join("; ")}</p>
            })}
        </aside>
    }
}
