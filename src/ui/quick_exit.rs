//! Quick exit: a button on every screen, and Escape pressed twice, that blanks the page and
//! replaces it with a neutral site (set in the questionnaire), leaving no Back entry to it.

use super::html::Html;
use super::state::AppState;
use leptos::prelude::*;

/// Blanks the page and goes to the neutral site with `location.replace`.
pub fn leave(url: &str) {
    if let Some(window) = web_sys::window() {
        if let Some(doc) = window.document() {
            doc.set_title("");
            if let Some(body) = doc.body() {
                body.set_inner_html("");
            }
        }
        let _ = window.location().replace(url);
    }
}

/// The quick-exit button (`data-act="exit"`) and what it can and cannot do.
pub fn quick_exit_html(h: &mut Html) {
    h.raw(r#"<div class="exit-wrap"><button type="button" class="quick-exit" data-act="exit">Quick exit</button><details class="exit-note"><summary>About quick exit</summary><p>Quick exit (or pressing Esc twice) hides this page at once and opens a weather site. It cannot remove this site from your browser history or close other tabs. For more privacy, use a private or incognito window, and clear your history afterwards.</p></details></div>"#);
}

/// Escape pressed twice within 1.5 s leaves, from any screen.
pub fn listen_for_escape(app: AppState) {
    let last_escape = StoredValue::new(0.0f64);
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            let now = js_sys::Date::now();
            if now - last_escape.get_value() < 1500.0 {
                leave(&app.q.file().quick_exit.url);
            }
            last_escape.set_value(now);
        }
    });
    on_cleanup(move || handle.remove());
}
