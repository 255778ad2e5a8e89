//! The action plan, phase by phase, with check-boxes whose ticks are kept on this device.

use super::state::use_app;
use crate::engine::report::{PlanPhase, PlanStep};
use leptos::prelude::*;

/// The plan: each phase with its steps in order.
#[component]
pub fn Plan(phases: Vec<PlanPhase>) -> impl IntoView {
    let phases = phases
        .into_iter()
        .enumerate()
        .map(|(n, phase)| {
            let about = (!phase.about.is_empty()).then(|| view! { <p>{phase.about}</p> });
            let steps = phase
                .steps
                .into_iter()
                .map(|step| view! { <Step step/> })
                .collect_view();
            view! {
                <section class=format!("phase phase-{}", phase.id)>
                    <h3>{n + 1}". "{phase.title}</h3>
                    {about}
                    <ul class="steps">{steps}</ul>
                </section>
            }
        })
        .collect_view();
    view! { <div class="plan">{phases}</div> }
}

/// One step and its tick, which follows the saved ticks (this tab's or another tab's).
#[component]
fn Step(step: PlanStep) -> impl IntoView {
    let app = use_app();
    let PlanStep { id, text, .. } = step;
    let shown = id.clone();
    view! {
        <li>
            <label class="step">
                <input
                    type="checkbox"
                    prop:checked=move || app.ticked.with(|t| t.contains(&shown))
                    on:change=move |_| app.toggle_step(&id)
                />
                <span>{text}</span>
            </label>
        </li>
    }
}
