//! Results: safety help on top when a red flag was raised, the ranked articles with their
//! reasons, each dimension's score, and the action plan; printable.

use super::plan::ActionPlan;
use super::route::use_nav;
use super::safety::SafetyPanel;
use super::scores::ScoreChart;
use super::state::use_app;
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
    let heading = NodeRef::<leptos::html::H1>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let blog = app.q.file().blog.clone();
    let nav = use_nav();
    let back = move |_| {
        if let Some(to) = app.back() {
            nav.go(&to);
        }
    };
    view! {
        {move || app.report().map(|report| {
            let articles = report.articles.iter().enumerate().map(|(i, a)| {
                let reasons = a.reasons.iter().map(|r| view! { <li>{r.clone()}</li> }).collect_view();
                view! {
                    <li class="article-card">
                        <h3><a href=format!("/article/{}", a.id)>{a.title.clone()}</a></h3>
                        <p class="byline">{format!("by {}", a.author)}{(i == 0).then_some(" · best match for you")}</p>
                        <p class="why-title">"Because"</p>
                        <ul class="reasons">{reasons}</ul>
                        <p>{a.summary.clone()}</p>
                        <a class="more" href=format!("/article/{}", a.id)>"Key points and steps"</a>
                    </li>
                }
            }).collect_view();
            let scores = report.scores.into_iter().map(|s| view! { <ScoreChart score=s/> }).collect_view();
            let safety = report.safety.clone();
            view! {
                <section class="page results">
                    {safety.map(|s| view! { <SafetyPanel because=s.because/> })}
                    <h1 node_ref=heading tabindex="-1">"Where you stand"</h1>
                    <p class="lead">"These articles fit what you told us, best match first. Each says why it was chosen."</p>
                    <h2>"Articles for you"</h2>
                    <ol class="articles">{articles}</ol>
                    <h2>"Your action plan"</h2>
                    <p>"Take these steps in order. Tick them off as you go; your ticks are kept on this device."</p>
                    <ActionPlan phases=report.plan/>
                    <h2>"Your scores"</h2>
                    <div class="scores">{scores}</div>
                    <p>
                        "Read more from Leslie Cane on "
                        <a href=blog.url.clone() rel="noopener noreferrer" target="_blank">{blog.name.clone()}</a>"."
                    </p>
                    <div class="row no-print">
                        <button type="button" class="secondary" on:click=back>"Back to the last question"</button>
                        <button type="button" class="secondary" on:click=move |_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>"Print"</button>
                        <a class="button secondary" href="/history">"How things have changed"</a>
                    </div>
                </section>
            }
        })}
    }
}
