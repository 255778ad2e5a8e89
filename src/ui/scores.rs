//! Each dimension's score drawn as a small inline-SVG band chart, with the band named in words.

use crate::engine::report::Score;
use leptos::prelude::*;

/// One dimension's score and bands.
#[component]
pub fn ScoreChart(
    /// The score as the engine reports it.
    score: Score,
) -> impl IntoView {
    // Whole units of a 300-wide view box: integer maths keeps float formatting out of the app.
    let max = score.max.max(1);
    let x = |v: i64| (v.max(0) * 300 / max).min(300);
    let bands = score
        .bands
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let start = x(b.min);
            let end = if b.max >= score.max { 300 } else { x(b.max + 1) };
            view! { <rect class=format!("band band-{i}") x=start.to_string() y="8" width=(end - start).max(0).to_string() height="16"></rect> }
        })
        .collect_view();
    let marker = x(score.value);
    let label = format!(
        "{}: {} of {}, {}",
        score.label, score.value, score.max, score.band.label
    );
    view! {
        <div class="score">
            <h3>{score.label.clone()}": "<span class="band-name">{score.band.label.clone()}</span></h3>
            <svg viewBox="0 0 300 40" role="img" aria-label=label class="chart" preserveAspectRatio="none">
                {bands}
                <rect class="marker" x=(marker - 2).max(0).to_string() y="2" width="4" height="28"></rect>
            </svg>
            <p class="score-text">
                {format!("{} of {}", score.value, score.max)}
                {(!score.band.note.is_empty()).then(|| format!(" — {}", score.band.note))}
            </p>
        </div>
    }
}
