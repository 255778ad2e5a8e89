//! The root: loads the built-in questionnaire, starts the address and the saved progress, and
//! shows the screen for the address inside the page frame.

use super::article::ArticlePage;
use super::history::HistoryPage;
use super::home::Home;
use super::layout::Shell;
use super::offline;
use super::persist;
use super::question::QuestionPage;
use super::results::ResultsPage;
use super::route::{reloaded_inside, Address, Nav, Page};
use super::safety::home_country;
use super::state::{Fetch, Fetched};
use crate::content::{fetch_findings, Content};
use engine::{load_built, Findings, Questionnaire};
use leptos::prelude::*;
use std::sync::Arc;

/// The app for the content the build embedded, or a plain error page if it cannot be loaded.
#[component]
pub fn App(
    /// The content the build embedded.
    content: Content,
) -> impl IntoView {
    match load_built(content.flow) {
        Ok(q) => view! { <Root q=Arc::new(q) later=content/> }.into_any(),
        Err(e) => view! {
            <main class="page">
                <h1>"The check-in could not be loaded"</h1>
                <p>"Please tell the author what it says here: "{e}</p>
            </main>
        }
        .into_any(),
    }
}

/// The app for a checked questionnaire: provides the shared state and routes its screens.
#[component]
pub fn Root(
    /// The checked questionnaire.
    q: Arc<Questionnaire>,
    /// Where `q`'s findings are, when it comes without them: they are then fetched once she
    /// leaves the home page (the built app's first load leaves them out).
    #[prop(optional)]
    later: Option<Content>,
) -> impl IntoView {
    let nav = Nav::start();
    let findings = match later {
        Some(content) => fetch_later(content, nav),
        None => Fetched::ready(q.clone()),
    };
    let app = persist::start(q.clone(), findings, nav);
    nav.follow(move || app.fallback());
    // Help lines for where she is, told on the device (she can choose another country).
    app.country.set(home_country(&q).unwrap_or_default());
    provide_context(app);
    // A reload inside the check-in goes back to where she is; a locked device opens at home,
    // where she can unlock (or start afresh, keeping nothing).
    if let Some(screen) = reloaded_inside() {
        nav.replace(match screen {
            _ if app.device.get_untracked().locked_away() => Address::Home,
            Some(at) => at,
            None => app.fallback(),
        });
    }
    // Offline after the first visit, once she has chosen to keep her progress here
    // (tools/offline.mjs writes sw.js at build time).
    offline::follow(app);
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(&q.file().quick_exit.tab_title);
    }
    view! {
        <Shell>
            {move || match nav.page.get() {
                Page::Home => view! { <Home/> }.into_any(),
                Page::Question => view! { <QuestionPage/> }.into_any(),
                Page::Results => view! { <ResultsPage/> }.into_any(),
                Page::Article => view! { <ArticlePage/> }.into_any(),
                Page::History => view! { <HistoryPage/> }.into_any(),
                Page::NotFound => view! { <NotFound/> }.into_any(),
            }}
        </Shell>
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

/// The findings, fetched once she is past the home page (and again after a failure, when she
/// asks), and the whole questionnaire they complete.
///
/// Leptos's `LocalResource` says this in a few lines, but it measured 10.1 KB gzip of the first
/// load (its async machinery; 209.8 → 219.9 KB), and reading the signals through `Signal` 3 KB
/// more, so it is written out: an effect starts the fetch (the outside world) when she leaves
/// the home page, or asks again after a failure ("Try again" sets the status back to `Idle`),
/// and the task sets the two signals when it ends.
fn fetch_later(content: Content, nav: Nav) -> Fetched {
    let (full, status) = (RwSignal::new(None), RwSignal::new(Fetch::Idle));
    Effect::new(move |_| {
        let wanted = nav.page.get() != Page::Home && status.with(|s| *s == Fetch::Idle);
        if wanted && full.with_untracked(Option::is_none) {
            status.set(Fetch::Loading);
            leptos::task::spawn_local(async move {
                match fetch_and_join(content).await {
                    Ok(whole) => {
                        full.set(Some(whole));
                        status.set(Fetch::Idle);
                    }
                    Err(words) => status.set(Fetch::Failed(words)),
                }
            });
        }
    });
    Fetched { full, status }
}

/// Fetches the findings and completes the questionnaire with them, or says why not.
async fn fetch_and_join(content: Content) -> Result<Arc<Questionnaire>, String> {
    let bytes = fetch_findings(content.findings).await?;
    Findings::join(content.flow, &bytes)
        .map(Arc::new)
        .map_err(|e| {
            format!(
                "The articles and your plan could not be read ({e}). Reload the page to try again."
            )
        })
}
