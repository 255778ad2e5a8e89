//! Results: safety help on top when a red flag was raised, the ranked articles with their
//! reasons, the action plan, and each dimension's score; printable.

use super::html::{action, focus_heading, target_closest, Html};
use super::plan::plan_html;
use super::route::use_nav;
use super::safety::safety_html;
use super::scores::score_html;
use super::state::{use_app, AppState};
use crate::engine::Report;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The routed results page.
#[component]
pub fn ResultsPage() -> impl IntoView {
    let app = use_app();
    let nav = use_nav();
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
    let section = NodeRef::<leptos::html::Section>::new();
    // Keeps the plan's check-boxes in step with the saved ticks (this tab's or another tab's).
    Effect::new(move |_| {
        let ticked = app.ticked.get();
        app.session.track(); // the screen is redrawn when the session changes

        let Some(section) = section.get() else {
            return;
        };
        let Ok(boxes) = section.query_selector_all("input[data-step]") else {
            return;
        };
        for i in 0..boxes.length() {
            if let Some(input) = boxes
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                let id = input.get_attribute("data-step").unwrap_or_default();
                input.set_checked(ticked.contains(&id));
            }
        }
    });
    Effect::new(move |_| focus_heading());
    let on_click = move |ev: leptos::ev::MouseEvent| match action(&ev) {
        Some((act, _)) if act == "back" => {
            if let Some(to) = app.back() {
                nav.go(&to);
            }
        }
        Some((act, _)) if act == "print" => {
            if let Some(w) = web_sys::window() {
                let _ = w.print();
            }
        }
        _ => {}
    };
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(id) =
            target_closest(&ev, "input[data-step]").and_then(|e| e.get_attribute("data-step"))
        {
            app.toggle_step(&id);
        }
    };
    view! {
        <section
            class="page results"
            node_ref=section
            inner_html=move || app.report().map(|r| results_html(app, &r)).unwrap_or_default()
            on:click=on_click
            on:change=on_change
        ></section>
    }
}

/// The whole results screen as markup (see `html.rs`).
fn results_html(app: AppState, r: &Report) -> String {
    let mut h = Html::new();
    if let Some(s) = &r.safety {
        safety_html(&mut h, app.q, false, &s.because);
    }
    h.raw(r#"<h1 tabindex="-1">Where you stand</h1><p class="lead">These articles fit what you told us, best match first. Each says why it was chosen.</p><h2>Articles for you</h2><ol class="articles">"#);
    for (i, a) in r.articles.iter().enumerate() {
        h.raw(r#"<li class="article-card"><h3><a href="/article/"#)
            .text(&a.id)
            .raw(r#"">"#)
            .text(&a.title)
            .raw(r#"</a></h3><p class="byline">by "#)
            .text(&a.author);
        if i == 0 {
            h.raw(" · best match for you");
        }
        h.raw(r#"</p><p class="why-title">Because</p><ul class="reasons">"#);
        for reason in &a.reasons {
            h.raw("<li>").text(reason).raw("</li>");
        }
        h.raw("</ul><p>")
            .text(&a.summary)
            .raw(r#"</p><a class="more" href="/article/"#)
            .text(&a.id)
            .raw(r#"">Key points and steps</a></li>"#);
    }
    h.raw(r#"</ol><h2>Your action plan</h2><p>Take these steps in order. Tick them off as you go; your ticks are kept on this device.</p>"#);
    app.ticked.with_untracked(|t| plan_html(&mut h, &r.plan, t));
    h.raw(r#"<h2>Your scores</h2><div class="scores">"#);
    for s in &r.scores {
        score_html(&mut h, s);
    }
    let blog = &app.q.file().blog;
    h.raw(r#"</div><p>Read more from Leslie Cane on <a rel="noopener noreferrer" target="_blank" href=""#)
        .text(&blog.url)
        .raw(r#"">"#)
        .text(&blog.name)
        .raw(r#"</a>.</p><div class="row no-print"><button type="button" class="secondary" data-act="back">Back to the last question</button><button type="button" class="secondary" data-act="print">Print</button><a class="button secondary" href="/history">How things have changed</a></div>"#);
    h.done()
}
