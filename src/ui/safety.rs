//! Safety help: the questionnaire's crisis resources, shown first whenever an answer raised a
//! red flag (a compact banner on later questions, the full panel on the results), and urgent
//! help after a sign of serious danger: at the top of every screen past the home page, with
//! "Help now" in the bar that stays on screen.

use super::route::Page;
use super::state::{use_app, AppState};
use engine::help::{country_for, lines_for};
use engine::model::Resource;
use engine::Questionnaire;
use leptos::prelude::*;

/// The country whose help lines to show first, told on the device from its time zone and
/// languages (nothing is sent anywhere); `None` when the author lists no countries.
pub fn home_country(q: &Questionnaire) -> Option<String> {
    let safety = &q.file().safety;
    if safety.countries.is_empty() {
        return None;
    }
    let options = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new())
        .resolved_options();
    let zone = js_sys::Reflect::get(&options, &"timeZone".into())
        .ok()
        .and_then(|z| z.as_string())
        .unwrap_or_default();
    let languages: Vec<String> = web_sys::window()
        .map(|w| w.navigator().languages())
        .map(|list| list.iter().filter_map(|l| l.as_string()).collect())
        .unwrap_or_default();
    country_for(safety, &zone, &languages).map(|c| c.code.clone())
}

/// Which of the author's help a panel shows.
#[derive(Clone, Copy, PartialEq)]
enum Help {
    /// The safety panel (`[safety]`).
    Safety,
    /// Crisis help (`[safety.crisis]`).
    Crisis,
    /// Urgent help (`[safety.urgent]`).
    Urgent,
}

impl Help {
    /// Its title, message and resources, read from the shared questionnaire (the safety
    /// panel's own where the author wrote no such help).
    fn read<T>(self, app: AppState, f: impl FnOnce(&str, &str, &[Resource]) -> T) -> T {
        app.q.with_value(|q| {
            let safety = &q.file().safety;
            let help = match self {
                Help::Safety => None,
                Help::Crisis => safety.crisis.as_ref(),
                Help::Urgent => safety.urgent.as_ref(),
            };
            match help {
                Some(h) => f(&h.title, &h.message, &h.resources),
                None => f(&safety.title, &safety.message, &safety.resources),
            }
        })
    }
}

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
    /// Thoughts of hurting herself are her only red flag: the author's crisis help instead.
    #[prop(optional)]
    crisis: bool,
) -> impl IntoView {
    let app = use_app();
    let which = if crisis { Help::Crisis } else { Help::Safety };
    let (title, message) = which.read(app, |title, message, _| {
        (title.to_string(), message.to_string())
    });
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
            <h2 id="safety-title">{title}</h2>
            {(!compact).then(|| view! { <p>{message}</p> })}
            <Resources which/>
            <CountryPicker/>
            {because}
        </aside>
    }
}

/// The id of the help at the top of the screen, which "Help now" controls.
const URGENT_ID: &str = "urgent";

/// Whether urgent help shows: after a danger answer, on every screen past the home page (the
/// home page is what anyone who opens the site sees first: it says nothing about danger).
fn urgent_here() -> bool {
    let app = use_app();
    app.danger.get() && app.nav.page.get() != Page::Home
}

/// Whether any help tops the screen (urgent help or crisis help): Help now then shows too.
/// Not on the home page, for the same reason.
fn help_here() -> bool {
    let app = use_app();
    (app.danger.get() || app.crisis.get()) && app.nav.page.get() != Page::Home
}

/// Help at the top of every screen: crisis help first once she said she may hurt herself
/// (`[safety.crisis]`, words for her and the crisis line first), then urgent help once an
/// answer gave a sign of serious danger (`[safety.urgent]`). On a question the messages are
/// left out, so the question still starts on the first screen of a small phone; the numbers
/// are always there.
#[component]
pub fn UrgentHelp() -> impl IntoView {
    // Plain reactive slots rather than `<Show>`: each `<Show>` is a generic instance of its
    // own, and the first load is counted in kilobytes.
    let app = use_app();
    let (has_crisis, has_urgent) = app.q.with_value(|q| {
        let safety = &q.file().safety;
        (safety.crisis.is_some(), safety.urgent.is_some())
    });
    let crisis =
        move || (has_crisis && app.crisis.get()).then(|| view! { <HelpPanel which=Help::Crisis/> });
    let urgent =
        move || (has_urgent && urgent_here()).then(|| view! { <HelpPanel which=Help::Urgent/> });
    move || {
        help_here().then(|| {
            view! {
                <div id=URGENT_ID node_ref=app.help_top tabindex="-1" class="help-top">
                    {crisis}
                    {urgent}
                </div>
            }
        })
    }
}

/// One panel of help at the top of the screen: its title, its message (not on questions),
/// the numbers for her country, and the way to choose another. Crisis help always comes
/// first; urgent help comes first, and carries the country picker, only when there is no
/// crisis help above it.
#[component]
fn HelpPanel(
    /// Crisis help or urgent help.
    which: Help,
) -> impl IntoView {
    let app = use_app();
    let first = which == Help::Crisis;
    // The panel's id (and its title's).
    let id = if first { "crisis" } else { "urgent" };
    let full = move || app.nav.page.get() != Page::Question;
    let title = format!("{id}-title");
    let labelled = title.clone();
    let (heading, message) = which.read(app, |title, message, _| {
        (title.to_string(), message.to_string())
    });
    view! {
        <aside class=format!("urgent {id}") class:compact=move || !full() aria-labelledby=labelled>
            <h2 id=title>{heading}</h2>
            {move || full().then(|| view! { <p>{message.clone()}</p> })}
            <Resources which/>
            {move || (first || !app.crisis.get()).then(|| view! { <CountryPicker/> })}
        </aside>
    }
}

/// "Help now", in the bar that stays on screen, after a danger answer: one tap brings the
/// urgent help (at the top of the screen) into view and moves to it.
#[component]
pub fn HelpNow() -> impl IntoView {
    let app = use_app();
    let show = move |_| {
        if let Some(help) = app.help_top.get_untracked() {
            help.scroll_into_view();
            let _ = help.focus();
        }
    };
    let any = app.q.with_value(|q| {
        let safety = &q.file().safety;
        safety.urgent.is_some() || safety.crisis.is_some()
    });
    move || {
        (any && help_here()).then(|| {
            view! {
                <button type="button" class="help-now" aria-controls=URGENT_ID on:click=show>
                    "Help now"
                </button>
            }
        })
    }
}

/// "Help lines for: [country]": the countries the author lists, hers chosen; shown where
/// there is more than one.
#[component]
fn CountryPicker() -> impl IntoView {
    let app = use_app();
    let options = app.q.with_value(|q| {
        let countries = &q.file().safety.countries;
        (countries.len() > 1).then(|| {
            countries
                .iter()
                .map(|c| view! { <option value=c.code.clone()>{c.name.clone()}</option> })
                .collect_view()
        })
    });
    options.map(|options| {
        view! {
            <label class="country">
                "Help lines for "
                <select
                    prop:value=move || app.country.get()
                    on:change=move |ev| app.country.set(event_target_value(&ev))
                >
                    {options}
                </select>
            </label>
        }
    })
}

/// Crisis lines and services for her country; a number to call becomes a link that dials it,
/// a tap target of its own that never breaks across lines.
#[component]
fn Resources(
    /// Whose lines: the safety panel's, crisis help's or urgent help's.
    which: Help,
) -> impl IntoView {
    let app = use_app();
    let items = move || {
        app.country.with(|country| {
            which.read(app, |_, _, list| {
                lines_for(list, Some(country.as_str()).filter(|c| !c.is_empty()))
                    .into_iter()
                    .map(resource)
                    .collect_view()
            })
        })
    };
    view! { <ul class="resources">{items}</ul> }
}

/// One line of help: who, the number (a link that dials it) or the way to reach them, and when.
fn resource(r: &Resource) -> impl IntoView {
    let digits: String = r.contact.chars().filter(|c| c.is_ascii_digit()).collect();
    let contact = r.contact.as_str();
    // A number to call becomes a link that dials it; a text line or an address stays words.
    let contact = if digits.len() >= 3 && !contact.to_ascii_lowercase().contains("text") {
        view! {
            <a class="call" href=format!("tel:{digits}") aria-label=format!("Call {}: {contact}", r.name)>
                {contact.to_string()}
            </a>
        }
        .into_any()
    } else {
        view! { <span class="contact">{contact}</span> }.into_any()
    };
    let detail =
        (!r.detail.is_empty()).then(|| view! { <span class="detail">{r.detail.clone()}</span> });
    view! {
        <li>
            <strong>{r.name.clone()}</strong>
            " "
            {contact}
            {detail}
        </li>
    }
}
