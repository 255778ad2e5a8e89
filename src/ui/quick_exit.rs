//! Quick exit: a button on every screen, and Escape pressed twice, that blanks the page and
//! replaces it with a neutral site (set in the questionnaire), leaving no Back entry to it.

use super::state::use_app;
use leptos::prelude::*;

/// Blanks the page and goes to the neutral site with `location.replace`.
pub fn leave(url: &str) {
    if let Some(window) = web_sys::window() {
        if let Some(doc) = window.document() {
            doc.set_title("");
            // Nothing of the check-in stays visible while the neutral site loads.
            if let Some(body) = doc.body() {
                body.set_text_content(None);
            }
        }
        let _ = window.location().replace(url);
    }
}

/// The quick-exit button and what it can and cannot do; also listens for Escape pressed twice
/// within 1.5 s, from any screen.
#[component]
pub fn QuickExit() -> impl IntoView {
    let app = use_app();
    let url = app.q.file().quick_exit.url.as_str();
    let last_escape = StoredValue::new(0.0f64);
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            let now = js_sys::Date::now();
            if now - last_escape.get_value() < 1500.0 {
                leave(url);
            }
            last_escape.set_value(now);
        }
    });
    on_cleanup(move || handle.remove());
    view! {
        <div class="exit-wrap">
            <button type="button" class="quick-exit" on:click=move |_| leave(url)>
                "Quick exit"
            </button>
            <details class="exit-note">
                <summary>"About quick exit"</summary>
                <p>
                    "Quick exit (or pressing Esc twice) hides this page at once and opens a weather site. It cannot remove this site from your browser history or close other tabs. For more privacy, use a private or incognito window, and clear your history afterwards."
                </p>
            </details>
        </div>
    }
}
