//! Addresses: which screen a path shows, and moving between them with the History API.
//!
//! Five fixed routes don't need a routing library: `leptos_router` measured 60 KB gzip of wasm
//! on its own (a bare Leptos app is 28 KB), a third of the whole first-load budget (200 KB). This is
//! the part of it the app uses: pushState/replaceState, Back/Forward (`popstate`), and plain
//! `<a href="/…">` links handled in place.

use leptos::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};
use wasm_bindgen::JsCast;

pub use crate::address::{parse, Page};

/// The current address, shared as context by [`Nav::start`].
#[derive(Clone, Copy)]
pub struct Nav {
    /// The path shown (set before the browser's address bar, which follows a moment later).
    pub path: RwSignal<String>,
    /// The page the address shows (changes only when the page does).
    pub page: Memo<Page>,
    /// The id in the address (`/q/:id`, `/article/:id`), or empty.
    pub id: Memo<String>,
}

/// Whether addresses follow the browser's (cleared in the author's studio, whose preview keeps
/// its address to itself). A flag rather than a field: `Nav` is copied into every closure of the
/// reader's app, and a field measured about 1 KB gzip more in its first load.
static FOLLOWS_BROWSER: AtomicBool = AtomicBool::new(true);

/// The navigation context; panics only outside the app (a programming error).
pub fn use_nav() -> Nav {
    expect_context::<Nav>()
}

fn location_path() -> String {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_else(|| "/".into())
}

impl Nav {
    /// Goes to an address, adding a history entry (so Back returns here).
    pub fn go(&self, to: &str) {
        self.set(to, false);
    }

    /// Goes to an address in place of the current one (no Back entry).
    pub fn replace(&self, to: &str) {
        self.set(to, true);
    }

    fn set(&self, to: &str, replace: bool) {
        // The screen first; the history entry and the scroll right after it is drawn, so
        // they never delay the next question (measured: pushState was an eighth of a
        // transition's work).
        self.path.set(to.to_string());
        if !FOLLOWS_BROWSER.load(Ordering::Relaxed) {
            return;
        }
        let to = to.to_string();
        set_timeout(
            move || {
                if let Some(w) = web_sys::window() {
                    if let Ok(h) = w.history() {
                        let _ = if replace {
                            h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&to))
                        } else {
                            h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&to))
                        };
                    }
                    w.scroll_to_with_x_and_y(0.0, 0.0);
                }
            },
            std::time::Duration::ZERO,
        );
    }
}

impl Nav {
    /// An address of its own, not the browser's (the author's studio previews the reader's
    /// screens with it); from then on no `Nav` of this page touches the browser's address.
    pub fn detached(at: &str) -> Nav {
        let path = RwSignal::new(at.to_string());
        let nav = Nav {
            path,
            page: Memo::new(move |_| path.with(|p| parse(p).0)),
            id: Memo::new(move |_| path.with(|p| parse(p).1)),
        };
        FOLLOWS_BROWSER.store(false, Ordering::Relaxed);
        provide_context(nav);
        nav
    }

    /// Starts following the address: provides [`Nav`] as context, follows Back/Forward, and
    /// handles same-site links without a reload (until the owner is cleaned up).
    pub fn start() -> Nav {
        let path = RwSignal::new(location_path());
        let nav = Nav {
            path,
            page: Memo::new(move |_| path.with(|p| parse(p).0)),
            id: Memo::new(move |_| path.with(|p| parse(p).1)),
        };
        provide_context(nav);
        let pop = window_event_listener(leptos::ev::popstate, move |_| path.set(location_path()));
        let click = window_event_listener(leptos::ev::click, move |ev| {
            if ev.default_prevented()
                || ev.button() != 0
                || ev.ctrl_key()
                || ev.meta_key()
                || ev.shift_key()
                || ev.alt_key()
            {
                return;
            }
            if let Some(href) = app_link(&ev) {
                ev.prevent_default();
                nav.go(&href);
            }
        });
        on_cleanup(move || {
            pop.remove();
            click.remove();
        });
        nav
    }
}

/// The address of the app's own link a click landed on (inside it, too), if it is one: a path
/// on this site, not opened elsewhere (`target`) or downloaded.
pub fn app_link(ev: &web_sys::MouseEvent) -> Option<String> {
    let a = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("a[href]").ok().flatten())?;
    if a.has_attribute("target") || a.has_attribute("download") {
        return None;
    }
    let href = a.get_attribute("href")?;
    (href.starts_with('/') && !href.starts_with("//")).then_some(href)
}
