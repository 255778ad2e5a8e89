//! The root component: loads the questionnaire and saved progress, provides the shared state,
//! keeps storage in step with it (one effect) and with other tabs, and routes screens.

use super::article::ArticlePage;
use super::history::HistoryPage;
use super::home::Home;
use super::layout::Shell;
use super::question::QuestionPage;
use super::results::ResultsPage;
use super::route::{use_nav, Page, Router};
use super::state::AppState;
use crate::content::CHECK_IN;
use crate::engine::{load_built, Questionnaire, Session};
use crate::storage::{format::SavedProgress, local, HISTORY_KEY, PROGRESS_KEY};
use leptos::prelude::*;

/// The app, or a plain error page if the built-in questionnaire cannot be loaded.
#[component]
pub fn App() -> impl IntoView {
    match load_built(CHECK_IN) {
        Ok(q) => {
            let q: &'static Questionnaire = Box::leak(Box::new(q));
            view! { <Loaded q=q/> }.into_any()
        }
        Err(e) => view! {
            <main class="page">
                <h1>"The check-in could not be loaded"</h1>
                <p>"Please tell the author what it says here: "{e}</p>
            </main>
        }
        .into_any(),
    }
}

#[component]
fn Loaded(
    /// The checked questionnaire.
    q: &'static Questionnaire,
) -> impl IntoView {
    let loaded = local::load();
    let mut notices: Vec<String> = loaded.faults.iter().map(|f| f.to_string()).collect();
    let can_save = !loaded
        .faults
        .iter()
        .any(|f| matches!(f, local::Fault::Unavailable));
    let (session, started, ticked) = match &loaded.progress {
        Some(saved) => {
            let (session, started, restored) = saved.restore(q);
            if !restored.dropped.is_empty() || restored.moved {
                notices.push(restore_notice(q, saved, &restored));
            }
            (session, started, saved.ticked.clone())
        }
        None => (Session::new(q), false, Default::default()),
    };
    let state = AppState {
        q,
        session: RwSignal::new(session),
        started: RwSignal::new(started),
        ticked: RwSignal::new(ticked),
        history: RwSignal::new(loaded.history.clone()),
        notices: RwSignal::new(notices),
        announce: RwSignal::new(String::new()),
        can_save: RwSignal::new(can_save),
        follow: RwSignal::new(None),
    };
    provide_context(state);
    if let Some(window) = web_sys::window() {
        if let Some(doc) = window.document() {
            doc.set_title(&q.file().quick_exit.tab_title);
        }
        // Offline after the first visit (tools/offline.mjs writes sw.js at build time).
        let _ = window.navigator().service_worker().register("/sw.js");
    }

    // Persistence: one effect writes progress whenever it changes (but not a record that
    // another tab just wrote, so two tabs never echo each other).
    let last_written = StoredValue::new(loaded.progress.clone().map(|mut p| {
        p.saved_at = 0.0;
        p
    }));
    // Whether a record is waiting to be written. The record itself is built when it is
    // written, in a zero-delay task after the screen updates (or on `pagehide` if the page
    // closes first), so neither building nor saving it delays the next question.
    let pending = StoredValue::new(false);
    let write = move || {
        if !pending.try_update_value(std::mem::take).unwrap_or(false) {
            return;
        }
        let saved = state.saved_untracked();
        let mut same = saved.clone();
        same.saved_at = 0.0;
        if last_written.with_value(|l| l.as_ref() == Some(&same)) {
            return;
        }
        last_written.set_value(Some(same));
        if !state.can_save.get_untracked() {
            return;
        }
        if let Err(fault) = local::save_progress(&saved) {
            if fault == local::Fault::Unavailable {
                state.can_save.set(false);
            }
            state.notify(fault.to_string());
        }
    };
    let flush = window_event_listener(leptos::ev::pagehide, move |_| write());
    on_cleanup(move || flush.remove());
    Effect::new(move |_| {
        state.session.track();
        state.started.track();
        state.ticked.track();
        if !pending.get_value() {
            pending.set_value(true);
            set_timeout(write, std::time::Duration::ZERO);
        }
    });
    Effect::new(move |previous: Option<()>| {
        let history = state.history.get();
        if previous.is_some() && state.can_save.get_untracked() {
            if let Err(fault) = local::save_history(&history) {
                state.notify(fault.to_string());
            }
        }
    });

    // Another tab changed the progress: adopt it, so no answer is silently lost, and count
    // what this tab now holds as written, so the tabs never echo each other's places.
    let settle = move || {
        let mut now = state.saved_untracked();
        now.saved_at = 0.0;
        last_written.set_value(Some(now));
    };
    let handle = window_event_listener(leptos::ev::storage, move |ev| {
        let fresh = || SavedProgress::of(q, &Session::new(q), false, &Default::default(), 0.0);
        match ev.key().as_deref() {
            Some(PROGRESS_KEY) => {
                state.adopt(&local::load_progress().unwrap_or_else(fresh));
                settle();
                state.notify("Your progress was updated from another tab or window.");
            }
            Some(HISTORY_KEY) => state.history.set(local::load().history),
            Some(_) => {}
            None => {
                // Storage was cleared elsewhere (e.g. "erase everything" in another tab).
                state.adopt(&fresh());
                settle();
                state.history.set(Default::default());
            }
        }
    });
    on_cleanup(move || handle.remove());

    view! {
        <Router>
            <Shell>
                <Screens/>
            </Shell>
        </Router>
    }
}

/// What a restore kept and dropped, in plain words.
fn restore_notice(
    q: &Questionnaire,
    saved: &SavedProgress,
    restored: &crate::engine::Restored,
) -> String {
    let mut text = if saved.version != q.version() {
        String::from("The check-in has been updated since your last visit. ")
    } else {
        String::new()
    };
    text.push_str(&format!("We kept {} of your answers", restored.kept.len()));
    if restored.dropped.is_empty() {
        text.push('.');
    } else {
        text.push_str(&format!(
            "; {} no longer fit and were set aside: ",
            restored.dropped.len()
        ));
        let reasons: Vec<String> = restored
            .dropped
            .iter()
            .map(|d| {
                let name = q
                    .question_by_id(&d.question)
                    .map(|question| format!("“{}”", question.text))
                    .unwrap_or_else(|| "a question that was removed".into());
                format!("{name} ({})", d.reason)
            })
            .collect();
        text.push_str(&reasons.join("; "));
        text.push('.');
    }
    if restored.moved {
        text.push_str(" You are on the first question that still needs an answer.");
    }
    text
}

/// The screen for the current address.
#[component]
fn Screens() -> impl IntoView {
    let nav = use_nav();
    move || match nav.page.get() {
        Page::Home => view! { <Home/> }.into_any(),
        Page::Question => view! { <QuestionPage/> }.into_any(),
        Page::Results => view! { <ResultsPage/> }.into_any(),
        Page::Article => view! { <ArticlePage/> }.into_any(),
        Page::History => view! { <HistoryPage/> }.into_any(),
        Page::NotFound => view! { <NotFound/> }.into_any(),
    }
}

/// Shown for an address the app does not know.
#[component]
fn NotFound() -> impl IntoView {
    view! {
        <section class="page">
            <h1 tabindex="-1">"This page isn't here"</h1>
            <p><a href="/">"Go to the start"</a></p>
        </section>
    }
}
