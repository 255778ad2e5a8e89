//! Results: safety help on top when a red flag was raised, the ranked articles with their
//! reasons, the action plan, and each dimension's score; printable.

use super::focus::focus_soon;
use super::fold::Fold;
use super::plan::{Plan, Step};
use super::route::Address;
use super::safety::SafetyPanel;
use super::scores::ScoreChart;
use super::state::{use_app, Fetch};
use engine::report::{PlanStep, Ranked};
use engine::Report;
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
    move || match app.findings.full.get() {
        Some(_) => app
            .report
            .get()
            .map(|report| view! { <Results report/> })
            .into_any(),
        None => view! { <Pending heading="Your results"/> }.into_any(),
    }
}

/// While the findings (articles and plan) are on their way, or could not come: a calm line,
/// and "Try again" after a failure.
#[component]
pub fn Pending(
    /// The page's heading.
    heading: &'static str,
) -> impl IntoView {
    let app = use_app();
    view! {
        <section class="page">
            <h1 tabindex="-1">{heading}</h1>
            {move || match app.findings.status.get() {
                Fetch::Failed(words) => view! {
                    <p role="alert">{words}</p>
                    <button type="button" class="primary" on:click=move |_| {
                        app.findings.status.set(Fetch::Idle)
                    }>"Try again"</button>
                }
                    .into_any(),
                _ => view! { <p role="status">"Getting your results ready…"</p> }.into_any(),
            }}
        </section>
    }
}

/// The results for one report: safety help first when a red flag was raised, then where to
/// start (her best match and the one step to take first); below, easy to scan on a phone, the
/// other articles folded to their titles and reasons, the plan with its later phases folded,
/// and her scores.
#[component]
fn Results(report: Report) -> impl IntoView {
    let app = use_app();
    let nav = app.nav;
    let heading = NodeRef::<leptos::html::H1>::new();
    focus_soon(heading);
    let blog = app.q.get_value().file().blog.clone();
    let first_step = report.first_step().cloned();
    let Report {
        safety,
        scores,
        articles,
        later,
        close,
        plan,
    } = report;
    let safety = safety.map(|s| view! { <SafetyPanel because=s.because crisis=s.crisis/> });
    // When her first two are too close to call, the second's title, to say both fit her.
    let also = close
        .then(|| articles.get(1).map(|a| a.title.clone()))
        .flatten();
    let mut articles = articles.into_iter();
    let best = match articles.next() {
        Some(article) => view! { <StartHere article first_step also/> }.into_any(),
        // Nothing recommended now (a red flag held the articles back): her first step alone.
        None => first_step
            .map(|step| {
                view! {
                    <section class="start-here article-card best" aria-labelledby="start-here">
                        <h2 id="start-here" class="eyebrow">"Start here"</h2>
                        <FirstStep step/>
                    </section>
                }
            })
            .into_any(),
    };
    let more: Vec<_> = articles
        .map(|article| view! { <ArticleCard article/> })
        .collect();
    let more = (!more.is_empty()).then(|| {
        view! {
            <h2>"More articles for you"</h2>
            <p class="hint">"Open one to read its summary."</p>
            <ol class="articles more-articles">{more}</ol>
        }
    });
    let later = (!later.is_empty()).then(|| {
        let cards = later
            .into_iter()
            .map(|article| view! { <ArticleCard article/> })
            .collect_view();
        view! {
            <section class="later" aria-labelledby="later-title">
                <h2 id="later-title">"For later, once you are safe"</h2>
                <p>
                    "Some of what fits your answers is about reaching out to him, rebuilding with him or waiting for him. Your safety comes first, so it isn't part of your plan now. These articles are here for later, if you want them."
                </p>
                <ol class="articles more-articles">{cards}</ol>
            </section>
        }
    });
    let scores = scores
        .into_iter()
        .map(|score| view! { <ScoreChart score/> })
        .collect_view();
    let back = move |_| {
        if let Some(to) = app.back() {
            nav.go(to);
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
            {best}
            {more}
            <h2 id="plan" tabindex="-1">"Your action plan"</h2>
            <p>"Take these steps in order. Tick them off as you go; "{move || app.ticks_kept()}</p>
            <Plan phases=plan/>
            {later}
            <h2>"Your scores"</h2>
            <div class="scores">{scores}</div>
            <p>
                "Read more from Leslie Cane on "
                <a rel="noopener noreferrer" target="_blank" href=blog.url>
                    {blog.name}
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
                <a class="button secondary" href="/" data-to=Address::History.path()>
                    "How things have changed"
                </a>
            </div>
        </section>
    }
}

/// Where to start: her best match (its title is the link to its page), the one step to take
/// first, and why this article was chosen, in that order, so that on a phone the title and the
/// step both show before she scrolls, however many reasons there are. The step is the plan's
/// first (a safety step when a red flag was raised), tickable here as in the plan.
#[component]
fn StartHere(
    article: Ranked,
    first_step: Option<PlanStep>,
    /// The title of a second article that fits her about as well, when it is too close to call.
    also: Option<String>,
) -> impl IntoView {
    let href = Address::Article(article.id.clone()).path();
    let reasons = article
        .reasons
        .into_iter()
        .map(|reason| view! { <li>{reason}</li> })
        .collect_view();
    let first_step = first_step.map(|step| view! { <FirstStep step/> });
    let also = also.map(|title| {
        view! {
            <p class="also">
                "Another article fits you just as well: “"{title}"”. It is the next one below; start with whichever feels closer to where you are."
            </p>
        }
    });
    view! {
        <section class="start-here article-card best" aria-labelledby="start-here">
            <h2 id="start-here" class="eyebrow">"Start here: your best match"</h2>
            <h3>
                <a href="/" data-to=href>{article.title}</a>
            </h3>
            <p class="byline">"by "{article.author}</p>
            {first_step}
            <p class="why-title">"Why this article"</p>
            <ul class="reasons">{reasons}</ul>
            {also}
        </section>
    }
}

/// The one step to take first, tickable here as in the plan.
#[component]
fn FirstStep(step: PlanStep) -> impl IntoView {
    view! {
        <div class="first-step">
            <h3>"Your first step"</h3>
            <ul class="steps">
                <Step step/>
            </ul>
            <p class="hint">
                <a href="#plan">"The rest of your plan"</a>
                " is below; take it a step at a time."
            </p>
        </div>
    }
}

/// One of the other recommended articles, folded to its title and why it was chosen; opened,
/// its summary and a link to its page.
#[component]
fn ArticleCard(article: Ranked) -> impl IntoView {
    let href = Address::Article(article.id.clone()).path();
    let reasons = article
        .reasons
        .into_iter()
        .map(|reason| view! { <li>{reason}</li> })
        .collect_view();
    let open = RwSignal::new(false);
    let body_id = format!("more-{}", article.id);
    view! {
        <li class="article-card folded">
            <h3>
                <Fold open controls=body_id.clone()>{article.title}</Fold>
            </h3>
            <ul class="reasons" aria-label="Because">{reasons}</ul>
            <div id=body_id class="fold-body" hidden=move || !open.get()>
                <p class="byline">"by "{article.author}</p>
                <p>{article.summary}</p>
                <a class="more" href="/" data-to=href>
                    "Key points and steps"
                </a>
            </div>
        </li>
    }
}
