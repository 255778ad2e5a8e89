//! "How things have changed": each completed check-in's scores over time, drawn as a small
//! inline-SVG line chart per dimension, with a way to delete an entry.

use super::html::{action, focus_heading, Html};
use super::state::use_app;
use leptos::prelude::*;

/// The routed history page.
#[component]
pub fn HistoryPage() -> impl IntoView {
    let app = use_app();
    let dims = app.q.dimensions();
    let body = move || {
        let mut h = Html::new();
        h.raw(r#"<h1 tabindex="-1">How things have changed</h1>"#);
        let entries = app.history.get().entries;
        if entries.is_empty() {
            h.raw("<p>When you finish a check-in, its scores are kept here (on this device only) so you can compare them when you take it again.</p>");
        } else {
            h.raw(r#"<div class="trends">"#);
            for d in dims {
                // Whole units of the 300×80 view box: no float formatting in the app.
                let max = d.bands.iter().map(|b| b.max).max().unwrap_or(1).max(1);
                let n = entries.len() as i64;
                let values: Vec<i64> = entries
                    .iter()
                    .map(|e| e.scores.get(&d.id).copied().unwrap_or(0))
                    .collect();
                let label = values
                    .iter()
                    .map(i64::to_string)
                    .collect::<Vec<_>>()
                    .join(", then ");
                h.raw(r#"<div class="trend"><h2>"#)
                    .text(&d.label)
                    .raw(r#"</h2><svg viewBox="0 0 300 80" role="img" class="chart" aria-label=""#)
                    .text(&d.label)
                    .raw(": ")
                    .text(&label)
                    .raw(r#""><polyline fill="none" points=""#);
                let point = |i: usize, v: i64| {
                    let x = if n == 1 {
                        150
                    } else {
                        10 + 280 * i as i64 / (n - 1)
                    };
                    (x, 70 - 60 * v.clamp(0, max) / max)
                };
                for (i, v) in values.iter().enumerate() {
                    let (x, y) = point(i, *v);
                    h.num(x).raw(",").num(y).raw(" ");
                }
                h.raw(r#""></polyline>"#);
                for (i, v) in values.iter().enumerate() {
                    let (x, y) = point(i, *v);
                    h.raw(r#"<circle r="4" cx=""#)
                        .num(x)
                        .raw(r#"" cy=""#)
                        .num(y)
                        .raw(r#""></circle>"#);
                }
                h.raw("</svg></div>");
            }
            h.raw(r#"</div><h2>Your check-ins</h2><ol class="entries">"#);
            for (i, e) in entries.iter().enumerate() {
                let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(e.completed_at));
                let when: String = date
                    .to_locale_date_string("default", &wasm_bindgen::JsValue::UNDEFINED)
                    .into();
                let summary = dims
                    .iter()
                    .map(|d| format!("{} {}", d.label, e.scores.get(&d.id).copied().unwrap_or(0)))
                    .collect::<Vec<_>>()
                    .join(" · ");
                h.raw("<li><span>")
                    .text(&when)
                    .raw(": ")
                    .text(&summary)
                    .raw(r#"</span> <button type="button" class="link" data-act="delete" data-i=""#)
                    .num(i as i64)
                    .raw(r#"">Delete this check-in</button></li>"#);
            }
            h.raw("</ol>");
        }
        h.raw(r#"<p><a href="/">Back to the start</a></p>"#);
        h.done()
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if let Some((act, el)) = action(&ev) {
            let i = el
                .get_attribute("data-i")
                .and_then(|i| i.parse::<usize>().ok());
            if let (true, Some(i)) = (act == "delete", i) {
                app.history.update(|h| {
                    if i < h.entries.len() {
                        h.entries.remove(i);
                    }
                });
                focus_heading();
            }
        }
    };
    Effect::new(move |_| focus_heading());
    view! { <section class="page history" inner_html=body on:click=on_click></section> }
}
