//! Safety help: the questionnaire's crisis resources, shown first whenever an answer raised a
//! red flag (a compact banner on later questions, the full panel on the results), and urgent
//! help after a sign of serious danger: at the top of every screen, with
//! "Help now" in the bar that stays on screen.

use super::route::Page;
use super::state::use_app;
use crate::engine::model::Resource;
use leptos::prelude::*;

/// The safety panel; `compact` for the banner on question screens, `because` for the answers
/// that raised it (shown on the results, folded: her answers are not quoted in plain view, and
/// they print only if she opened them).
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
        view! {
            <details class="because">
                <summary>"Why this is shown"</summary>
                <p>"Because of what you answered: "{because.join("; ")}</p>
            </details>
        }
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

/// The id of the urgent-help panel, which "Help now" brings into view.
const URGENT_ID: &str = "urgent";

/// Whether urgent help shows: after a danger answer, on every screen.
fn urgent_here() -> bool {
    use_app().danger.get()
}

/// Urgent help, at the top of every screen once an answer gave a sign of
/// serious danger (an option with `danger = true`), worded by the author in `[safety.urgent]`.
/// On a question its message is left out, so that the question still starts on the first
/// screen of a small phone; the numbers are always there.
#[component]
pub fn UrgentHelp() -> impl IntoView {
    let app = use_app();
    app.q.file().safety.urgent.as_ref().map(|urgent| {
        let full = move || app.nav.page.get() != Page::Question;
        view! {
            <Show when=urgent_here>
                <aside
                    id=URGENT_ID
                    class="urgent"
                    class:compact=move || !full()
                    tabindex="-1"
                    aria-labelledby="urgent-title"
                >
                    <h2 id="urgent-title">{urgent.title.as_str()}</h2>
                    <Show when=full>
                        <p>{urgent.message.as_str()}</p>
                    </Show>
                    <Resources list=&urgent.resources/>
                </aside>
            </Show>
        }
    })
}

/// "Help now", in the bar that stays on screen, after a danger answer: one tap brings the
/// urgent help (at the top of the screen) into view and moves to it.
#[component]
pub fn HelpNow() -> impl IntoView {
    let app = use_app();
    let show = move |_| {
        let urgent = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(URGENT_ID));
        if let Some(urgent) = urgent {
            urgent.scroll_into_view();
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(urgent) {
                let _ = el.focus();
            }
        }
    };
    app.q.file().safety.urgent.as_ref().map(|_| {
        view! {
            <Show when=urgent_here>
                <button type="button" class="help-now" aria-controls=URGENT_ID on:click=show>
                    "Help now"
                </button>
            </Show>
        }
    })
}

/// Crisis lines and services; a number to call becomes a link that dials it, a tap target of
/// its own that never breaks across lines.
#[component]
fn Resources(list: &'static [Resource]) -> impl IntoView {
    let items = list
        .iter()
        .map(|r| {
            let digits: String = r.contact.chars().filter(|c| c.is_ascii_digit()).collect();
            let contact = r.contact.as_str();
            // A number to call becomes a link that dials it; a text line stays words.
            let contact = if digits.len() >= 3 && !contact.to_ascii_lowercase().contains("text") {
                view! {
                    <a class="call" href=format!("tel:{digits}") aria-label=format!("Call {}: {contact}", r.name)>
                        {contact}
                    </a>
                }
                .into_any()
            } else {
                view! { <span class="contact">{contact}</span> }.into_any()
            };
            let detail = (!r.detail.is_empty())
                .then(|| view! { <span class="detail">{r.detail.as_str()}</span> });
            view! {
                <li>
                    <strong>{r.name.as_str()}</strong>
                    " "
                    {contact}
                    {detail}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="resources">{items}</ul> }
}
