//! Each dimension's score drawn as a small inline-SVG band chart, with the band named in words.

use engine::report::Score;
use leptos::prelude::*;

/// One dimension's score and bands. The chart's accessible name says it all in words.
#[component]
pub fn ScoreChart(score: Score) -> impl IntoView {
    // Whole units of a 300-wide view box.
    let max = score.max.max(1);
    let x = move |v: i64| (v.max(0) * 300 / max).min(300);
    let bands = score
        .bands
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let start = x(b.min);
            let end = if b.max >= score.max {
                300
            } else {
                x(b.max + 1)
            };
            view! {
                <rect
                    class=format!("band band-{i}")
                    x=start
                    y="8"
                    height="16"
                    width=(end - start).max(0)
                ></rect>
            }
        })
        .collect_view();
    let name = format!(
        "{}: {} of {}, {}",
        score.label, score.value, score.max, score.band.label
    );
    let note = (!score.band.note.is_empty()).then(|| format!(" — {}", score.band.note));
    view! {
        <div class="score">
            <h3>{score.label}": "<span class="band-name">{score.band.label}</span></h3>
            <svg
                viewBox="0 0 300 40"
                role="img"
                class="chart"
                preserveAspectRatio="none"
                aria-label=name
            >
                {bands}
                <rect class="marker" y="2" width="4" height="28" x=(x(score.value) - 2).max(0)></rect>
            </svg>
            <p class="score-text">{score.value}" of "{score.max}{note}</p>
        </div>
    }
}
