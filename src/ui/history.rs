//! "How things have changed": each completed check-in's scores over time, drawn as a small
//! inline-SVG line chart per dimension, with a way to delete an entry.

use super::state::use_app;
use leptos::prelude::*;

/// The routed history page.
#[component]
pub fn HistoryPage() -> impl IntoView {
    let app = use_app();
    let dims = app.q.dimensions();
    let heading = NodeRef::<leptos::html::H1>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    view! {
        <section class="page history">
            <h1 node_ref=heading tabindex="-1">"How things have changed"</h1>
            {move || {
                let entries = app.history.get().entries;
                if entries.is_empty() {
                    return view! { <p>"When you finish a check-in, its scores are kept here (on this device only) so you can compare them when you take it again."</p> }.into_any();
                }
                let charts = dims.iter().map(|d| {
                    // Whole units of the 300×80 view box: no float formatting in the app.
                    let max = d.bands.iter().map(|b| b.max).max().unwrap_or(1).max(1);
                    let n = entries.len() as i64;
                    let points: Vec<(i64, i64)> = entries.iter().enumerate().map(|(i, e)| {
                        let x = if n == 1 { 150 } else { 10 + 280 * i as i64 / (n - 1) };
                        let v = e.scores.get(&d.id).copied().unwrap_or(0).clamp(0, max);
                        (x, 70 - 60 * v / max)
                    }).collect();
                    let line = points.iter().map(|(x, y)| format!("{x},{y}")).collect::<Vec<_>>().join(" ");
                    let values = entries.iter().map(|e| e.scores.get(&d.id).copied().unwrap_or(0).to_string()).collect::<Vec<_>>().join(", then ");
                    let dots = points.iter().map(|(x, y)| view! { <circle cx=x.to_string() cy=y.to_string() r="4"></circle> }).collect_view();
                    view! {
                        <div class="trend">
                            <h2>{d.label.clone()}</h2>
                            <svg viewBox="0 0 300 80" role="img" aria-label=format!("{}: {}", d.label, values) class="chart">
                                <polyline points=line fill="none"></polyline>
                                {dots}
                            </svg>
                        </div>
                    }
                }).collect_view();
                let rows = entries.iter().enumerate().map(|(i, e)| {
                    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(e.completed_at));
                    let when: String = date.to_locale_date_string("default", &wasm_bindgen::JsValue::UNDEFINED).into();
                    let summary = dims.iter().map(|d| format!("{} {}", d.label, e.scores.get(&d.id).copied().unwrap_or(0))).collect::<Vec<_>>().join(" · ");
                    view! {
                        <li>
                            <span>{when}": "{summary}</span>
                            " "
                            <button type="button" class="link" on:click=move |_| app.history.update(|h| { if i < h.entries.len() { h.entries.remove(i); } })>
                                "Delete this check-in"
                            </button>
                        </li>
                    }
                }).collect_view();
                view! {
                    <div class="trends">{charts}</div>
                    <h2>"Your check-ins"</h2>
                    <ol class="entries">{rows}</ol>
                }.into_any()
            }}
            <p><a href="/">"Back to the start"</a></p>
        </section>
    }
}
