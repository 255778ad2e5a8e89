//! An article's page: summary, what helps, what hurts and its steps, with a link to read it in
//! full on the author's blog.

use super::focus::focus_soon;
use super::results::Pending;
use super::route::Address;
use super::state::use_app;
use engine::Questionnaire;
use leptos::prelude::*;
use std::sync::Arc;

/// The routed article page: the article in the address.
#[component]
pub fn ArticlePage() -> impl IntoView {
    let app = use_app();
    let id = app.nav.id;
    move || match app.findings.full.get() {
        None => view! { <Pending heading="Article"/> }.into_any(),
        Some(full) => view! { <ArticleBody full id=id.get()/> }.into_any(),
    }
}

/// One article, in the author's words and ours (read from the whole questionnaire, not
/// copied out of it), or [`Missing`] when `id` names no article.
#[component]
fn ArticleBody(
    /// The whole questionnaire.
    full: Arc<Questionnaire>,
    /// The article's id, from the address.
    id: String,
) -> impl IntoView {
    let Some(article) = full.article(&id) else {
        return view! { <Missing/> }.into_any();
    };
    let app = use_app();
    let heading = NodeRef::<leptos::html::H1>::new();
    focus_soon(heading);
    let list = |items: &[String]| {
        items
            .iter()
            .map(|t| view! { <li>{t.clone()}</li> })
            .collect_view()
    };
    let steps = article
        .steps
        .iter()
        .map(|s| view! { <li>{s.text.clone()}</li> })
        .collect_view();
    view! {
        <article class="page article">
            <h1 tabindex="-1" node_ref=heading>{article.title.clone()}</h1>
            <p class="byline">"by "{article.author.clone()}</p>
            <p class="lead">{article.summary.clone()}</p>
            <h2>"What helps"</h2>
            <ul>{list(&article.helps)}</ul>
            <h2>"What hurts"</h2>
            <ul>{list(&article.hurts)}</ul>
            <h2>"Steps you could take"</h2>
            <ol>{steps}</ol>
            <p class="note">
                "A summary in our own words. Read the full article by "{article.author.clone()}
                " on " <a rel="noopener noreferrer" target="_blank" href=article.url.clone()>
                    "her blog"
                </a> "."
            </p>
            <p class="no-print">
                <Show
                    when=move || app.report.with(Option::is_some)
                    fallback=|| view! { <a href="/">"Back to the start"</a> }
                >
                    <a href="/" data-to=Address::Results.path()>"Back to your results"</a>
                </Show>
            </p>
        </article>
    }
    .into_any()
}

/// An article address that names no article.
#[component]
fn Missing() -> impl IntoView {
    let heading = NodeRef::<leptos::html::H1>::new();
    focus_soon(heading);
    view! {
        <article class="page article">
            <h1 tabindex="-1" node_ref=heading>"Article not found"</h1>
            <p><a href="/">"Go to the start"</a></p>
        </article>
    }
}
