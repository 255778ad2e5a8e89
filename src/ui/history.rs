//! "How things have changed": each completed check-in's scores over time, drawn as a small
//! inline-SVG line chart per dimension, with a way to delete an entry.

use super::focus::focus_soon;
use super::state::use_app;
use crate::storage::format::SavedCheckIn;
use engine::model::Dimension;
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
                                .get_value()
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

/// A check-in's date, short ("4 Dec"), in the reader's own locale.
fn short_date(ms: f64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"day".into(), &"numeric".into());
    let _ = js_sys::Reflect::set(&options, &"month".into(), &"short".into());
    date.to_locale_date_string("default", &options).into()
}

/// One dimension's scores, check-in by check-in, as a line chart with its scale: the score from
/// 0 (bottom) to the highest possible (top), the bands shaded and named below it, each point's
/// score above it and its date under it. The chart's accessible name says it all in words.
fn trend(dimension: &Dimension, entries: &[SavedCheckIn]) -> impl IntoView + use<> {
    // Whole units of the 320×130 view box: the plot runs from x 36 to 306, y 12 (top) to 96.
    let max = dimension
        .bands
        .iter()
        .map(|b| b.max)
        .max()
        .unwrap_or(1)
        .max(1);
    let (left, right, top, bottom) = (36i64, 306i64, 12i64, 96i64);
    let y = move |v: i64| bottom - (bottom - top) * v.clamp(0, max) / max;
    let n = entries.len() as i64;
    let x = move |i: i64| {
        if n == 1 {
            (left + right) / 2
        } else {
            left + 12 + (right - left - 24) * i / (n - 1)
        }
    };
    let values: Vec<i64> = entries
        .iter()
        .map(|e| e.scores.get(&dimension.id).copied().unwrap_or(0))
        .collect();
    let line = values
        .iter()
        .enumerate()
        .map(|(i, v)| format!("{},{}", x(i as i64), y(*v)))
        .collect::<Vec<_>>()
        .join(" ");
    let name = format!(
        "{}, from 0 to {max}: {}",
        dimension.label,
        values
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(", then ")
    );
    let bands = dimension
        .bands
        .iter()
        .enumerate()
        .map(|(i, b)| {
            // Each band reaches up to where the next begins, so they meet without a gap.
            let (y0, y1) = (y((b.max + 1).min(max)), y(b.min.max(0)));
            view! {
                <rect class=format!("band band-{i}") x=left y=y0 width=right - left height=(y1 - y0).max(1)></rect>
            }
        })
        .collect_view();
    // Dates under the points: every one when few, else the first and the last.
    let dated = |i: usize| values.len() <= 5 || i == 0 || i + 1 == values.len();
    let points = values
        .iter()
        .zip(entries)
        .enumerate()
        .map(|(i, (v, e))| {
            let (cx, cy) = (x(i as i64), y(*v));
            let date = dated(i).then(|| {
                view! { <text class="date" x=cx y="122" text-anchor="middle">{short_date(e.completed_at)}</text> }
            });
            view! {
                <circle r="4" cx=cx cy=cy></circle>
                <text class="value" x=cx y=cy - 8 text-anchor="middle">{*v}</text>
                {date}
            }
        })
        .collect_view();
    let scale = dimension
        .bands
        .iter()
        .enumerate()
        .map(|(i, b)| {
            view! {
                <li>
                    <span class=format!("swatch band-{i}") aria-hidden="true"></span>
                    {b.label.clone()}" ("{b.min}"–"{b.max}")"
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="trend">
            <h2>{dimension.label.clone()}</h2>
            <svg viewBox="0 0 320 130" role="img" class="chart" aria-label=name>
                {bands}
                <line class="axis" x1=left y1=top x2=left y2=bottom></line>
                <line class="axis" x1=left y1=bottom x2=right y2=bottom></line>
                <text class="tick" x=left - 6 y=top + 4 text-anchor="end">{max}</text>
                <text class="tick" x=left - 6 y=bottom + 4 text-anchor="end">"0"</text>
                <polyline fill="none" points=line></polyline>
                {points}
            </svg>
            <ul class="scale" aria-label="Bands">{scale}</ul>
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
        .get_value()
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
