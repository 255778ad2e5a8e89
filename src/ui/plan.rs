//! The action plan, phase by phase, with check-boxes whose ticks are kept on this device.

use super::fold::Fold;
use super::state::use_app;
use engine::report::{PlanPhase, PlanStep, SAFETY_PHASE};
use leptos::prelude::*;

/// The plan: each phase with its steps in order. The first phase is open (and the one after
/// safety help, when that comes first); later phases are folded to their title and how many
/// steps are done, until she opens them.
#[component]
pub fn Plan(phases: Vec<PlanPhase>) -> impl IntoView {
    let app = use_app();
    let safety_first = phases.first().is_some_and(|p| p.id == SAFETY_PHASE);
    let phases = phases
        .into_iter()
        .enumerate()
        .map(|(n, phase)| {
            let open = RwSignal::new(n == 0 || (n == 1 && safety_first));
            let about = (!phase.about.is_empty()).then(|| view! { <p>{phase.about}</p> });
            let ids: Vec<String> = phase.steps.iter().map(|s| s.id.clone()).collect();
            let total = ids.len();
            let done = move || {
                app.ticked
                    .with(|t| ids.iter().filter(|id| t.contains(*id)).count())
            };
            let steps = phase
                .steps
                .into_iter()
                .map(|step| view! { <Step step/> })
                .collect_view();
            let body_id = format!("phase-{}-steps", phase.id);
            view! {
                <section class=format!("phase phase-{}", phase.id)>
                    <h3>
                        <Fold open controls=body_id.clone()>{n + 1}". "{phase.title}</Fold>
                    </h3>
                    <p class="done">{move || format!("{} of {total} done", done())}</p>
                    <div id=body_id class="fold-body" hidden=move || !open.get()>
                        {about}
                        <ul class="steps">{steps}</ul>
                    </div>
                </section>
            }
        })
        .collect_view();
    view! { <div class="plan">{phases}</div> }
}

/// One step and its tick, which follows the saved ticks (this tab's or another tab's).
#[component]
pub fn Step(step: PlanStep) -> impl IntoView {
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
