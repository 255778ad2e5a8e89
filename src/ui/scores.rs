//! Each dimension's score drawn as a small inline-SVG band chart, with the band named in words.

use super::html::Html;
use crate::engine::report::Score;

/// One dimension's score and bands. The chart's accessible name says it all in words.
pub fn score_html(h: &mut Html, score: &Score) {
    // Whole units of a 300-wide view box: integer maths keeps float formatting out of the app.
    let max = score.max.max(1);
    let x = |v: i64| (v.max(0) * 300 / max).min(300);
    h.raw(r#"<div class="score"><h3>"#)
        .text(&score.label)
        .raw(r#": <span class="band-name">"#)
        .text(&score.band.label)
        .raw(r#"</span></h3><svg viewBox="0 0 300 40" role="img" class="chart" preserveAspectRatio="none" aria-label=""#)
        .text(&score.label)
        .raw(": ")
        .num(score.value)
        .raw(" of ")
        .num(score.max)
        .raw(", ")
        .text(&score.band.label)
        .raw(r#"">"#);
    for (i, b) in score.bands.iter().enumerate() {
        let start = x(b.min);
        let end = if b.max >= score.max {
            300
        } else {
            x(b.max + 1)
        };
        h.raw(r#"<rect class="band band-"#)
            .num(i as i64)
            .raw(r#"" x=""#)
            .num(start)
            .raw(r#"" y="8" height="16" width=""#)
            .num((end - start).max(0))
            .raw(r#""></rect>"#);
    }
    h.raw(r#"<rect class="marker" y="2" width="4" height="28" x=""#)
        .num((x(score.value) - 2).max(0))
        .raw(r#""></rect></svg><p class="score-text">"#)
        .num(score.value)
        .raw(" of ")
        .num(score.max);
    if !score.band.note.is_empty() {
        h.raw(" — ").text(&score.band.note);
    }
    h.raw("</p></div>");
}
