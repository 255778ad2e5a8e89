//! Scores and bands: the range each dimension can reach, and bands that cover it in order with no gaps or overlaps.

use super::*;

/// The lowest and highest score a dimension can reach over all questions.
pub fn score_range(file: &QuestionnaireFile, dimension: &str) -> (i64, i64) {
    let (mut lo, mut hi) = (0i64, 0i64);
    let points = |scores: &Scores| scores.get(dimension).unwrap_or(0);
    for q in &file.questions {
        // The question's lowest and highest points (each at most 0 and at least 0: a
        // question can always add nothing, e.g. when it is not on her path).
        let (mut low, mut high) = (0i64, 0i64);
        let mut take = |v: i64| {
            low = low.min(v);
            high = high.max(v);
        };
        match q.kind {
            Kind::Scale => {
                let times = points(&q.scores);
                if let Some(scale) = file
                    .scales
                    .iter()
                    .find(|s| q.scale.as_deref() == Some(s.id.as_str()))
                {
                    for p in &scale.points {
                        take(p.value.saturating_mul(times));
                    }
                }
            }
            Kind::Single => q.options.iter().for_each(|o| take(points(&o.scores))),
            Kind::Multiple => {
                let (mut sum_pos, mut sum_neg) = (0i64, 0i64);
                for o in &q.options {
                    let v = points(&o.scores);
                    if o.exclusive {
                        take(v);
                    } else if v > 0 {
                        sum_pos = sum_pos.saturating_add(v);
                    } else {
                        sum_neg = sum_neg.saturating_add(v);
                    }
                }
                take(sum_pos);
                take(sum_neg);
            }
        }
        lo = lo.saturating_add(low);
        hi = hi.saturating_add(high);
    }
    (lo, hi)
}

/// Bands: in order, no gaps, no overlaps, covering every possible score.
pub(super) fn check_dimensions(cx: &mut Ctx, file: &QuestionnaireFile) {
    for d in &file.dimensions {
        let base = format!("dimension \"{}\"", d.id);
        if d.bands.is_empty() {
            cx.error(
                &[base.clone(), "bands".into()],
                "there are no bands; add at least one (e.g. low, moderate, high)",
            );
            continue;
        }
        for b in &d.bands {
            if b.min > b.max {
                cx.error(
                    &[base.clone(), format!("band \"{}\"", b.id)],
                    format!(
                        "\"min\" ({}) is above \"max\" ({}); swap them",
                        b.min, b.max
                    ),
                );
            }
        }
        for pair in d.bands.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            let p = vec![base.clone(), format!("band \"{}\"", b.id)];
            if b.min <= a.max {
                cx.error(&p, format!("overlaps band \"{}\": a score of {} would be in both; start this band at {}", a.id, b.min.max(a.min), a.max + 1));
            } else if b.min > a.max + 1 {
                cx.error(&p, format!("leaves a gap after band \"{}\": scores {} to {} are in no band; start this band at {}", a.id, a.max + 1, b.min - 1, a.max + 1));
            }
        }
        let (lo, hi) = score_range(file, &d.id);
        let first = d.bands.iter().map(|b| b.min).min().unwrap_or(0);
        let last = d.bands.iter().map(|b| b.max).max().unwrap_or(0);
        if first > lo {
            cx.error(&[base.clone(), "bands".into()], format!("a score of {lo} is possible but the lowest band starts at {first}; start it at {lo}"));
        }
        if last < hi {
            cx.error(&[base.clone(), "bands".into()], format!("a score of {hi} is possible but the highest band ends at {last}; end it at {hi}"));
        }
        let used = file.questions.iter().any(|q| {
            q.scores.contains_key(&d.id) || q.options.iter().any(|o| o.scores.contains_key(&d.id))
        });
        if !used {
            cx.warn(&[base], "no question adds points to this dimension; add \"scores\" to some options or remove it");
        }
    }
}

pub(super) fn no_negative_points(file: &QuestionnaireFile, dimension: &str) -> bool {
    let scale_negative = file
        .scales
        .iter()
        .any(|s| s.points.iter().any(|p| p.value < 0));
    file.questions.iter().all(|q| {
        let own = q.scores.get(dimension).unwrap_or(0);
        own >= 0
            && !(own > 0 && scale_negative)
            && q.options
                .iter()
                .all(|o| o.scores.get(dimension).unwrap_or(0) >= 0)
    })
}
