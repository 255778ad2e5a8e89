//! An article's page: summary, what helps, what hurts and its steps, with a link to read it in
//! full on the author's blog.

use super::html::{focus_heading, Html};
use super::route::use_nav;
use super::state::use_app;
use leptos::prelude::*;

/// The routed article page.
#[component]
pub fn ArticlePage() -> impl IntoView {
    let app = use_app();
    let id = use_nav().id;
    let body = move || {
        let mut h = Html::new();
        let back = if app.report().is_some() {
            r#"<p class="no-print"><a href="/results">Back to your results</a></p>"#
        } else {
            r#"<p class="no-print"><a href="/">Back to the start</a></p>"#
        };
        let Some(a) = app.q.article(&id.get()) else {
            h.raw(
                r#"<h1 tabindex="-1">Article not found</h1><p><a href="/">Go to the start</a></p>"#,
            );
            return h.done();
        };
        let list = |h: &mut Html, items: &[String]| {
            for t in items {
                h.raw("<li>").text(t).raw("</li>");
            }
        };
        h.raw(r#"<h1 tabindex="-1">"#)
            .text(&a.title)
            .raw(r#"</h1><p class="byline">by "#)
            .text(&a.author)
            .raw(r#"</p><p class="lead">"#)
            .text(&a.summary)
            .raw("</p><h2>What helps</h2><ul>");
        list(&mut h, &a.helps);
        h.raw("</ul><h2>What hurts</h2><ul>");
        list(&mut h, &a.hurts);
        h.raw("</ul><h2>Steps you could take</h2><ol>");
        for s in &a.steps {
            h.raw("<li>").text(&s.text).raw("</li>");
        }
        h.raw(r#"</ol><p class="note">A summary in our own words. Read the full article by "#)
            .text(&a.author)
            .raw(r#" on <a rel="noopener noreferrer" target="_blank" href=""#)
            .text(&a.url)
            .raw(r#"">her blog</a>.</p>"#)
            .raw(back);
        h.done()
    };
    Effect::new(move |_| {
        id.with(|_| ());
        focus_heading();
    });
    view! { <article class="page article" inner_html=body></article> }
}
