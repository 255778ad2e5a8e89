//! Examples: her example readers, each with pass or fail and why; play one in the preview.

use super::use_studio;
use leptos::prelude::*;

/// The examples view.
#[component]
pub fn ExamplesTab() -> impl IntoView {
    let studio = use_studio();
    move || {
        studio.analysis.with(|a| {
            let Some(outcome) = &a.examples else {
                return view! {
                    <p class="empty">"The examples run once the files have no errors (see Problems)."</p>
                }
                .into_any();
            };
            let passed = outcome.played.iter().filter(|p| p.passed).count();
            let failed = outcome.played.len() - passed;
            // Those that fail first: they are what she has to act on.
            let mut played: Vec<_> = outcome.played.iter().collect();
            played.sort_by_key(|p| p.passed);
            let items = played
                .into_iter()
                .map(|p| {
                    let name = p.path.rsplit('/').next().unwrap_or(&p.path).to_string();
                    let answers = p.answers.clone();
                    let ok = p.passed;
                    view! {
                        <li class="example" class:pass=ok class:fail=!ok>
                            <span class="verdict">{if ok { "Pass" } else { "Fail" }}</span>
                            <h3><code>{name.clone()}</code></h3>
                            <p class="reader">{p.reader.clone()}</p>
                            <p class="reason">{p.reason.clone()}</p>
                            <button
                                type="button"
                                class="secondary"
                                aria-label=format!("Play {name} in the preview")
                                on:click=move |_| {
                                    super::Kept::play(studio, answers.clone());
                                    studio.tab.set(super::Tab::Preview);
                                }
                            >
                                "Play"
                            </button>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="examples">
                    <h2>{format!("{passed} pass, {failed} fail")}</h2>
                    <p class="hint">
                        "Play one to see her screens in the preview; there, “Save this play-through as an example” adds a new one."
                    </p>
                    <ul>{items}</ul>
                </div>
            }
            .into_any()
        })
    }
}
