//! The action plan, phase by phase, with check-boxes whose ticks are kept on this device.

use super::html::Html;
use crate::engine::report::PlanPhase;
use std::collections::BTreeSet;

/// The plan's markup. Each check-box carries its step id in `data-step`; the results screen
/// handles their changes and keeps them in step with the saved ticks.
pub fn plan_html(h: &mut Html, phases: &[PlanPhase], ticked: &BTreeSet<String>) {
    h.raw(r#"<div class="plan">"#);
    for (n, phase) in phases.iter().enumerate() {
        h.raw(r#"<section class="phase phase-"#)
            .text(&phase.id)
            .raw(r#""><h3>"#)
            .num(n as i64 + 1)
            .raw(". ")
            .text(&phase.title)
            .raw("</h3>");
        if !phase.about.is_empty() {
            h.raw("<p>").text(&phase.about).raw("</p>");
        }
        h.raw(r#"<ul class="steps">"#);
        for step in &phase.steps {
            h.raw(r#"<li><label class="step"><input type="checkbox" data-step=""#)
                .text(&step.id)
                .raw(if ticked.contains(&step.id) {
                    r#"" checked><span>"#
                } else {
                    r#""><span>"#
                })
                .text(&step.text)
                .raw("</span></label></li>");
        }
        h.raw("</ul></section>");
    }
    h.raw("</div>");
}
