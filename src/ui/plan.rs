//! The action plan, phase by phase, with check-boxes that persist.

use super::state::use_app;
use crate::engine::report::PlanPhase;
use leptos::prelude::*;

/// The action plan.
#[component]
pub fn ActionPlan(
    /// The phases the engine put together.
    phases: Vec<PlanPhase>,
) -> impl IntoView {
    let app = use_app();
    let phases = phases
        .into_iter()
        .enumerate()
        .map(|(n, phase)| {
            let steps = phase
                .steps
                .into_iter()
                .map(|step| {
                    let id = step.id.clone();
                    let checked = id.clone();
                    view! {
                        <li>
                            <label class="step">
                                <input
                                    type="checkbox"
                                    prop:checked=move || app.ticked.with(|t| t.contains(&checked))
                                    on:change=move |_| app.toggle_step(&id)
                                />
                                <span>{step.text}</span>
                            </label>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class=format!("phase phase-{}", phase.id)>
                    <h3>{format!("{}. {}", n + 1, phase.title)}</h3>
                    {(!phase.about.is_empty()).then(|| view! { <p>{phase.about}</p> })}
                    <ul class="steps">{steps}</ul>
                </section>
            }
        })
        .collect_view();
    view! { <div class="plan">{phases}</div> }
}
