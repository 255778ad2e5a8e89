//! An article's page: summary, what helps, what hurts and its steps, with a link to read it in
//! full on the author's blog.

use super::route::use_nav;
use super::state::use_app;
use leptos::prelude::*;

/// The routed article page.
#[component]
pub fn ArticlePage() -> impl IntoView {
    let app = use_app();
    let id = use_nav().id;
    let heading = NodeRef::<leptos::html::H1>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    move || match app.q.article(&id.get()) {
        None => view! {
            <section class="page">
                <h1 node_ref=heading tabindex="-1">"Article not found"</h1>
                <p><a href="/">"Go to the start"</a></p>
            </section>
        }
        .into_any(),
        Some(a) => {
            let list = |items: &[String]| {
                items
                    .iter()
                    .map(|t| view! { <li>{t.clone()}</li> })
                    .collect_view()
            };
            let steps = a
                .steps
                .iter()
                .map(|s| view! { <li>{s.text.clone()}</li> })
                .collect_view();
            let has_report = app.report().is_some();
            view! {
                    <article class="page article">
                        <h1 node_ref=heading tabindex="-1">{a.title.clone()}</h1>
                        <p class="byline">{format!("by {}", a.author)}</p>
                        <p class="lead">{a.summary.clone()}</p>
                        <h2>"What helps"</h2>
                        <ul>{list(&a.helps)}</ul>
                        <h2>"What hurts"</h2>
                        <ul>{list(&a.hurts)}</ul>
                        <h2>"Steps you could take"</h2>
                        <ol>{steps}</ol>
                        <p class="note">"A summary in our own words. Read the full article by "{a.author.clone()}" on "
                            <a href=a.url.clone() rel="noopener noreferrer" target="_blank">"her blog"</a>"."
                        </p>
                        <p class="no-print">
                            {if has_report {
                                view! { <a href="/results">"Back to your results"</a> }.into_any()
                            } else {
                                view! { <a href="/">"Back to the start"</a> }.into_any()
                            }}
                        </p>
                    </article>
                }
                .into_any()
        }
    }
}
