//! Results: safety help on top when a red flag was raised, the ranked articles with their
//! reasons, the action plan, and each dimension's score; printable.

use super::focus::focus_soon;
use super::plan::Plan;
use super::safety::SafetyPanel;
use super::scores::ScoreChart;
use super::state::use_app;
use crate::engine::report::Ranked;
use crate::engine::Report;
use leptos::prelude::*;

/// The routed results page.
#[component]
pub fn ResultsPage() -> impl IntoView {
    let app = use_app();
    Effect::new(move |_| {
        // Runs on arrival only: the session is read untracked (see question.rs).
        untrack(|| {
            if app.go_to_results() {
                app.announce.set("Your results".into());
            } else {
                app.redirect();
            }
        })
    });
    move || app.report.get().map(|report| view! { <Results report/> })
}

/// The results for one report.
#[component]
fn Results(report: Report) -> impl IntoView {
    let app = use_app();
    let nav = app.nav;
    let heading = NodeRef::<leptos::html::H1>::new();
    focus_soon(heading);
    let blog = &app.q.file().blog;
    let Report {
        safety,
        scores,
        articles,
        plan,
    } = report;
    let safety = safety.map(|s| view! { <SafetyPanel because=s.because/> });
    let articles = articles
        .into_iter()
        .enumerate()
        .map(|(i, article)| view! { <ArticleCard article best=i == 0/> })
        .collect_view();
    let scores = scores
        .into_iter()
        .map(|score| view! { <ScoreChart score/> })
        .collect_view();
    let back = move |_| {
        if let Some(to) = app.back() {
            nav.go(&to);
        }
    };
    let print = |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <section class="page results">
            {safety}
            <h1 tabindex="-1" node_ref=heading>"Where you stand"</h1>
            <p class="lead">
                "These articles fit what you told us, best match first. Each says why it was chosen."
            </p>
            <h2>"Articles for you"</h2>
            <ol class="articles">{articles}</ol>
            <h2>"Your action plan"</h2>
            <p>
                "Take these steps in order. Tick them off as you go; your ticks are kept on this device."
            </p>
            <Plan phases=plan/>
            <h2>"Your scores"</h2>
            <div class="scores">{scores}</div>
            <p>
                "Read more from Leslie Cane on "
                <a rel="noopener noreferrer" target="_blank" href=blog.url.as_str()>
                    {blog.name.as_str()}
                </a>
                "."
            </p>
            <div class="row no-print">
                <button type="button" class="secondary" on:click=back>
                    "Back to the last question"
                </button>
                <button type="button" class="secondary" on:click=print>
                    "Print"
                </button>
                <a class="button secondary" href="/history">
                    "How things have changed"
                </a>
            </div>
        </section>
    }
}

/// One recommended article: its title (a link to its page), why it was chosen, and a summary.
#[component]
fn ArticleCard(
    article: Ranked,
    /// The first, best match.
    best: bool,
) -> impl IntoView {
    let href = format!("/article/{}", article.id);
    let reasons = article
        .reasons
        .into_iter()
        .map(|reason| view! { <li>{reason}</li> })
        .collect_view();
    view! {
        <li class="article-card">
            <h3>
                <a href=href.clone()>{article.title}</a>
            </h3>
            <p class="byline">"by "{article.author}{best.then_some(" · best match for you")}</p>
            <p class="why-title">"Because"</p>
            <ul class="reasons">{reasons}</ul>
            <p>{article.summary}</p>
            <a class="more" href=href>
                "Key points and steps"
            </a>
        </li>
    }
}
