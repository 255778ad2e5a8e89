//! Screens and the browser's history: which screen shows, and moving between them without
//! leaving a trail.
//!
//! The address bar always shows `/`, whatever the screen: no address ever holds a question, an
//! article or a word about her situation (the screen is kept in [`Nav::path`], in memory). The
//! browser's history gets at most two entries from the app: the one she arrived on (the home
//! page) and one for "inside the check-in", pushed the first time she leaves the home page and
//! replaced, never added to, as she moves on. So the browser's Back from inside takes her to
//! the page she opened an article or her history from, or else to the home page (where her
//! answers still wait in this tab), and from there out of the site; it never walks through her
//! questions. After a quick exit (which replaces the entry it leaves), Back lands on the home
//! entry, and a page brought back from the browser's cache is loaded afresh, so her questions
//! never show again. A reload of the inside entry goes back to where she is.
//!
//! Five fixed screens don't need a routing library: `leptos_router` measured 60 KB gzip of
//! wasm on its own (a bare Leptos app is 28 KB), a third of the whole first-load budget.

use leptos::prelude::*;
use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use wasm_bindgen::{JsCast, JsValue};

pub use crate::address::{Address, Page};

/// The current screen, shared as context by [`Nav::start`].
#[derive(Clone, Copy)]
pub struct Nav {
    /// The screen shown: in memory only (the address bar shows `/`).
    pub at: RwSignal<Address>,
    /// The page the path shows (changes only when the page does).
    pub page: Memo<Page>,
    /// The question's or article's id, or empty.
    pub id: Memo<String>,
}

/// Whether screens follow the browser's history (cleared in the author's studio, whose preview
/// keeps its screens to itself). A flag rather than a field: `Nav` is copied into every closure
/// of the reader's app, and a field measured about 1 KB gzip more in its first load.
static FOLLOWS_BROWSER: AtomicBool = AtomicBool::new(true);

/// Which of the app's history entries the browser is on: [`HOME`], [`INSIDE`] or
/// [`INSIDE_HISTORY`] (see the module's notes). The entry's state holds the same number, and
/// nothing else.
static ENTRY: AtomicU8 = AtomicU8::new(HOME);
/// The home entry (her first screen; its state is empty).
const HOME: u8 = 0;
/// The inside entry, on any screen of the check-in: a reload goes to where she is.
const INSIDE: u8 = 1;
/// The inside entry, on her history (a reload shows it again).
const INSIDE_HISTORY: u8 = 2;
/// The inside entry, back on the home page (so going home and in again adds no entry).
const INSIDE_HOME: u8 = 3;

thread_local! {
    /// Where she opened an article or her history from, for the browser's Back.
    static CAME_FROM: RefCell<Option<Address>> = const { RefCell::new(None) };
}

/// The navigation context; panics only outside the app (a programming error).
pub fn use_nav() -> Nav {
    expect_context::<Nav>()
}

fn history() -> Option<web_sys::History> {
    web_sys::window()?.history().ok()
}

/// How this page was loaded: "navigate", "reload", "back_forward" (Navigation Timing).
fn navigation_type() -> String {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.get_entries_by_type("navigation").get(0))
        .and_then(|e| js_sys::Reflect::get(&e, &"type".into()).ok())
        .and_then(|t| t.as_string())
        .unwrap_or_default()
}

/// Where a reload inside the check-in goes back to: `Some(None)` where she is, `Some(Some(a))`
/// that screen; `None` when the page was loaded on the home entry.
pub fn reloaded_inside() -> Option<Option<Address>> {
    match ENTRY.load(Ordering::Relaxed) {
        HOME | INSIDE_HOME => None,
        INSIDE_HISTORY => Some(Some(Address::History)),
        _ => Some(None),
    }
}

/// The entry a state names.
fn entry_of(state: &JsValue) -> u8 {
    match state.as_f64() {
        Some(n) if n == f64::from(INSIDE) => INSIDE,
        Some(n) if n == f64::from(INSIDE_HISTORY) => INSIDE_HISTORY,
        Some(n) if n == f64::from(INSIDE_HOME) => INSIDE_HOME,
        _ => HOME,
    }
}

/// The entry for a screen.
fn entry_for(to: &Address) -> u8 {
    match to.page() {
        Page::Home => HOME,
        Page::History => INSIDE_HISTORY,
        _ => INSIDE,
    }
}

/// Makes the browser's current entry `entry` at `/`, in place or as a new entry.
fn write_entry(entry: u8, push: bool) {
    let Some(h) = history() else { return };
    let state = if entry == HOME {
        JsValue::NULL
    } else {
        JsValue::from_f64(f64::from(entry))
    };
    let _ = if push {
        h.push_state_with_url(&state, "", Some("/"))
    } else {
        h.replace_state_with_url(&state, "", Some("/"))
    };
    ENTRY.store(entry, Ordering::Relaxed);
}

impl Nav {
    /// Goes to a screen, as a link or button does.
    pub fn go(&self, to: Address) {
        self.set(to, false);
    }

    /// Goes to a screen in place of the current one (a redirect: the browser's Back never
    /// returns to it).
    pub fn replace(&self, to: Address) {
        self.set(to, true);
    }

    fn set(&self, to: Address, replace: bool) {
        let entry = entry_for(&to);
        let leaf = matches!(to.page(), Page::Article | Page::History);
        // The screen first; the history entry and the scroll right after it is drawn, so
        // they never delay the next question (measured: pushState was an eighth of a
        // transition's work).
        let from = self.at.get_untracked();
        self.at.set(to);
        if !FOLLOWS_BROWSER.load(Ordering::Relaxed) {
            return;
        }
        if !replace && leaf {
            CAME_FROM.with(|c| *c.borrow_mut() = Some(from));
        }
        set_timeout(
            move || {
                // Into the check-in from the home entry: the one entry the app adds. Home
                // again from inside: the inside entry shows the home page (and is reused on the
                // way in again). Otherwise the entry stays (its state changes only on the way
                // to and from her history).
                let now = ENTRY.load(Ordering::Relaxed);
                let entry = if entry == HOME && now != HOME {
                    INSIDE_HOME
                } else {
                    entry
                };
                if entry != now {
                    write_entry(entry, now == HOME && !replace);
                }
                if let Some(w) = web_sys::window() {
                    w.scroll_to_with_x_and_y(0.0, 0.0);
                }
            },
            std::time::Duration::ZERO,
        );
    }

    /// Follows the browser's Back and Forward between the app's two entries; `here` says where
    /// she is, where Forward into the check-in goes (until the owner is cleaned up).
    pub fn follow(self, here: impl Fn() -> Address + 'static) {
        let pop = window_event_listener(leptos::ev::popstate, move |ev| {
            self.popped(ev.state(), &here)
        });
        on_cleanup(move || pop.remove());
    }

    fn popped(&self, state: JsValue, here: &impl Fn() -> Address) {
        let entry = entry_of(&state);
        ENTRY.store(entry, Ordering::Relaxed);
        if entry != HOME {
            // Forward again, into the check-in.
            self.at.set(match entry {
                INSIDE_HISTORY => Address::History,
                INSIDE_HOME => Address::Home,
                _ => here(),
            });
            return;
        }
        let from = CAME_FROM.with(|c| c.borrow_mut().take());
        let leaf = matches!(self.page.get_untracked(), Page::Article | Page::History);
        match from {
            // Back from an article or her history to the screen she opened it from, which
            // is inside again.
            Some(from) if leaf && from != Address::Home => {
                write_entry(entry_for(&from), true);
                self.at.set(from);
            }
            _ => self.at.set(Address::Home),
        }
    }

    fn new(at: Address) -> Nav {
        let at = RwSignal::new(at);
        Nav {
            at,
            page: Memo::new(move |_| at.with(Address::page)),
            id: Memo::new(move |_| at.with(|a| a.id().to_string())),
        }
    }
}

impl Nav {
    /// An address of its own, not the browser's (the author's studio previews the reader's
    /// screens with it); from then on no `Nav` of this page touches the browser's address.
    pub fn detached(at: Address) -> Nav {
        let nav = Nav::new(at);
        FOLLOWS_BROWSER.store(false, Ordering::Relaxed);
        provide_context(nav);
        nav
    }

    /// Starts following the browser's history: provides [`Nav`] as context, clears any old
    /// address from the address bar, reloads a page the browser brings back from its cache,
    /// and handles the app's links without a reload (until the owner is cleaned up).
    /// [`Nav::follow`] then follows Back and Forward.
    pub fn start() -> Nav {
        let nav = Nav::new(Address::Home);
        provide_context(nav);
        // Only a reload goes back inside: an inside entry reached with Back or Forward from
        // another site (say, Forward after the quick exit) opens at home.
        let entry = history()
            .and_then(|h| h.state().ok())
            .map_or(HOME, |s| entry_of(&s));
        let entry = if navigation_type() == "back_forward" {
            HOME
        } else {
            entry
        };
        // Whatever the address was (an old one may name a question), it is `/` from now on.
        write_entry(entry, false);
        // Back or Forward after leaving (the quick exit, or any other way) may bring this very
        // page back from the browser's cache, as it was: load it afresh instead, at home.
        let shown = window_event_listener(leptos::ev::pageshow, move |ev| {
            if ev.persisted() {
                write_entry(HOME, false);
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            }
        });
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
                if let Some(id) = href.strip_prefix('#') {
                    // A link within the page (the skip link, "the rest of your plan"): to its
                    // target, which takes the focus, without touching the address or history.
                    if let Some(el) = document()
                        .get_element_by_id(id)
                        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                    {
                        el.scroll_into_view();
                        let _ = el.focus();
                    }
                } else {
                    nav.go(Address::parse(&href));
                }
            }
        });
        on_cleanup(move || {
            shown.remove();
            click.remove();
        });
        nav
    }
}

/// The screen of the app's own link a click landed on (inside it, too), if it is one: its
/// `data-to`, or a path on this site, not opened elsewhere (`target`) or downloaded. The app's
/// links to its screens carry `href="/"` and the screen in `data-to`, so that a link opened in
/// a new tab, or shown on hover or a long press, shows nothing of hers either.
pub fn app_link(ev: &web_sys::MouseEvent) -> Option<String> {
    let a = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("a[href]").ok().flatten())?;
    if a.has_attribute("target") || a.has_attribute("download") {
        return None;
    }
    if let Some(to) = a.get_attribute("data-to") {
        return Some(to);
    }
    let href = a.get_attribute("href")?;
    (href.starts_with('#') || href.starts_with('/') && !href.starts_with("//")).then_some(href)
}
