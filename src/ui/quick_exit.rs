//! Quick exit: a button on every screen, Shift pressed three times, and Escape pressed twice,
//! each of which blanks the page, sets a neutral tab title and replaces the page with a neutral
//! site (set in the questionnaire), leaving no Back entry to it. Exit asks nothing, ever.

use super::persist::{drop_all, Saver};
use super::state::{use_app, AppState};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Blanks the page and sets the neutral title at once, drops the key and her answers from
/// memory, then goes to the neutral site with `location.replace`.
pub fn leave(app: AppState, saver: Saver, url: &str, title: &str) {
    if let Some(window) = web_sys::window() {
        if let Some(doc) = window.document() {
            doc.set_title(title);
            // Nothing of the check-in stays visible while the neutral site loads.
            if let Some(body) = doc.body() {
                body.set_text_content(None);
            }
        }
        drop_all(app, saver);
        let _ = window.location().replace(url);
    }
}

/// How close together the presses must be.
const WITHIN_MS: f64 = 1500.0;

/// Whether a key press went to a place she types in (Shift there is for capitals).
fn typing(ev: &web_sys::KeyboardEvent) -> bool {
    let Some(el) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    if el.is_content_editable() {
        return true;
    }
    match el.tag_name().as_str() {
        "TEXTAREA" | "SELECT" => true,
        "INPUT" => !matches!(
            el.unchecked_ref::<web_sys::HtmlInputElement>()
                .type_()
                .as_str(),
            "checkbox" | "radio" | "button" | "submit" | "reset"
        ),
        _ => false,
    }
}

/// Counts a press: true when it is the `needed`th within [`WITHIN_MS`] of the first.
fn counted(presses: StoredValue<Vec<f64>>, needed: usize) -> bool {
    let now = js_sys::Date::now();
    presses.update_value(|p| {
        p.retain(|t| now - t < WITHIN_MS);
        p.push(now);
    });
    presses.with_value(|p| p.len() >= needed)
}

/// Listens, on every screen, for Shift pressed three times (not while she types in a field)
/// and Escape pressed twice (not while a dialog is open, where Escape belongs to the dialog).
fn listen(app: AppState, saver: Saver, url: String, title: String) {
    let shifts = StoredValue::new(Vec::new());
    let escapes = StoredValue::new(Vec::new());
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.repeat() {
            return;
        }
        // A key pressed outside a field: she has a keyboard, so its hints may show.
        if !app.keyboard.get_untracked() && !typing(&ev) && ev.key() != "Shift" {
            app.keyboard.set(true);
        }
        match ev.key().as_str() {
            "Shift" if !typing(&ev) => {
                if counted(shifts, 3) {
                    leave(app, saver, &url, &title);
                }
            }
            "Escape" if app.dialogs.get_untracked() == 0 => {
                if counted(escapes, 2) {
                    leave(app, saver, &url, &title);
                }
            }
            "Shift" | "Escape" => {}
            // Any other key breaks a run of presses.
            _ => {
                shifts.set_value(Vec::new());
                escapes.set_value(Vec::new());
            }
        }
    });
    on_cleanup(move || handle.remove());
}

/// The quick-exit button (in the bar that stays on screen; what it can and cannot do is told
/// on the home page and in the footer, so the bar stays one line high).
#[component]
pub fn QuickExit() -> impl IntoView {
    let app = use_app();
    let q = app.q.get_value();
    let exit = &q.file().quick_exit;
    let (url, title) = (exit.url.clone(), exit.tab_title.clone());
    let saver = Saver::get();
    listen(app, saver, url.clone(), title.clone());
    view! {
        <button type="button" class="quick-exit" on:click=move |_| leave(app, saver, &url, &title)>
            "Quick exit"
        </button>
    }
}

/// What quick exit does and cannot do, in plain words (shown before the check-in starts, and
/// under "About quick exit"; never at the moment she exits).
#[component]
pub fn ExitNote() -> impl IntoView {
    let q = use_app().q.get_value();
    let url = q.file().quick_exit.url.as_str();
    // The site it opens, as the address bar will show it.
    let site = url
        .split("://")
        .nth(1)
        .unwrap_or(url)
        .split('/')
        .next()
        .unwrap_or(url)
        .to_string();
    view! {
        <p>
            "Quick exit (or pressing Shift three times, or Esc twice) blanks this page at once and opens "
            {site}
            " in its place. It cannot remove this site from your browser's history, close other tabs, or hide anything on other devices. Calls to a helpline show in your phone's call log and on the bill, and monitoring software, if someone has put it on this device, can see what you do here. If you can, use a device he cannot get into (a friend's phone, a work or library computer), or a private or incognito window."
        </p>
    }
}
