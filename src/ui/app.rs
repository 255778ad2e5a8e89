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
use super::state::{AppState, Fetch};
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
    let app = persist::start(q.clone(), later.is_none().then(|| q.clone()), nav);
    nav.follow(move || app.fallback());
    // Help lines for where she is, told on the device (she can choose another country).
    app.country.set(home_country(&q));
    provide_context(app);
    // The findings, once she is past the home page (again after a failure, when she asks).
    Effect::new(move |_| {
        let wanted = nav.page.get() != Page::Home;
        if let Some(content) = later.filter(|_| {
            wanted && app.full.with(Option::is_none) && app.findings.with(|f| *f == Fetch::Idle)
        }) {
            app.findings.set(Fetch::Loading);
            leptos::task::spawn_local(fetch_into(app, content));
        }
    });
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

/// Fetches the findings and completes the questionnaire with them, or says why not.
async fn fetch_into(app: AppState, content: Content) {
    let joined = fetch_findings(content.findings).await.and_then(|bytes| {
        Findings::join(content.flow, &bytes).map_err(|e| {
            format!(
                "The articles and your plan could not be read ({e}). Reload the page to try again."
            )
        })
    });
    match joined {
        Ok(full) => {
            app.full.set(Some(Arc::new(full)));
            app.findings.set(Fetch::Idle);
        }
        Err(words) => app.findings.set(Fetch::Failed(words)),
    }
}
