//! "How things have changed": each completed check-in's scores over time, drawn as a small
//! inline-SVG line chart per dimension, with a way to delete an entry.

use super::focus::focus_soon;
use super::state::use_app;
use crate::engine::model::Dimension;
use crate::storage::format::SavedCheckIn;
use leptos::prelude::*;

/// The routed history page.
#[component]
pub fn HistoryPage() -> impl IntoView {
    let app = use_app();
    let heading = NodeRef::<leptos::html::H1>::new();
    focus_soon(heading);
    let empty = move || app.history.with(|h| h.entries.is_empty());
    view! {
        <section class="page history">
            <h1 tabindex="-1" node_ref=heading>"How things have changed"</h1>
            <Show
                when=move || !empty()
                fallback=|| {
                    view! {
                        <p>
                            "When you finish a check-in, its scores are kept here (on this device only) so you can compare them when you take it again."
                        </p>
                    }
                }
            >
                <div class="trends">
                    {move || {
                        app.history.with(|h| {
                            app.q
                                .dimensions()
                                .iter()
                                .map(|d| trend(d, &h.entries))
                                .collect_view()
                        })
                    }}
                </div>
                <h2>"Your check-ins"</h2>
                <ol class="entries">
                    {move || {
                        app.history.with(|h| {
                            h.entries
                                .iter()
                                .enumerate()
                                .map(|(i, entry)| entry_view(i, entry, heading))
                                .collect_view()
                        })
                    }}
                </ol>
            </Show>
            <p><a href="/">"Back to the start"</a></p>
        </section>
    }
}

/// One dimension's scores, check-in by check-in, as a line chart named in words.
fn trend(dimension: &Dimension, entries: &[SavedCheckIn]) -> impl IntoView + use<> {
    // Whole units of the 300×80 view box.
    let max = dimension
        .bands
        .iter()
        .map(|b| b.max)
        .max()
        .unwrap_or(1)
        .max(1);
    let n = entries.len() as i64;
    let values: Vec<i64> = entries
        .iter()
        .map(|e| e.scores.get(&dimension.id).copied().unwrap_or(0))
        .collect();
    let points: Vec<(i64, i64)> = values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let x = if n == 1 {
                150
            } else {
                10 + 280 * i as i64 / (n - 1)
            };
            (x, 70 - 60 * v.clamp(&0, &max) / max)
        })
        .collect();
    let line = points
        .iter()
        .map(|(x, y)| format!("{x},{y}"))
        .collect::<Vec<_>>()
        .join(" ");
    let name = format!(
        "{}: {}",
        dimension.label,
        values
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(", then ")
    );
    let dots = points
        .into_iter()
        .map(|(x, y)| view! { <circle r="4" cx=x cy=y></circle> })
        .collect_view();
    view! {
        <div class="trend">
            <h2>{dimension.label.clone()}</h2>
            <svg viewBox="0 0 300 80" role="img" class="chart" aria-label=name>
                <polyline fill="none" points=line></polyline>
                {dots}
            </svg>
        </div>
    }
}

/// One past check-in: when, its scores, and a button that deletes it.
fn entry_view(
    i: usize,
    entry: &SavedCheckIn,
    heading: NodeRef<leptos::html::H1>,
) -> impl IntoView + use<> {
    let app = use_app();
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(entry.completed_at));
    let when: String = date
        .to_locale_date_string("default", &wasm_bindgen::JsValue::UNDEFINED)
        .into();
    let summary = app
        .q
        .dimensions()
        .iter()
        .map(|d| {
            format!(
                "{} {}",
                d.label,
                entry.scores.get(&d.id).copied().unwrap_or(0)
            )
        })
        .collect::<Vec<_>>()
        .join(" · ");
    let delete = move |_| {
        app.history.update(|h| {
            if i < h.entries.len() {
                h.entries.remove(i);
            }
        });
        focus_soon(heading);
    };
    view! {
        <li>
            <span>{when}": "{summary}</span>
            " "
            <button type="button" class="link" on:click=delete>
                "Delete this check-in"
            </button>
        </li>
    }
}
