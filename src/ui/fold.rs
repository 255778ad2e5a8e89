//! Folding: the button in a heading that folds and unfolds the part below it (the results'
//! other articles, the plan's later phases). Print unfolds everything (style/main.css).

use leptos::prelude::*;

/// A heading's button that shows or hides the element `controls` names; that element's
/// `hidden` follows `open`.
#[component]
pub fn Fold(
    /// Whether the part is unfolded.
    open: RwSignal<bool>,
    /// The id of the part it folds.
    controls: String,
    /// The heading's words.
    children: Children,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class="fold"
            aria-expanded=move || open.get().to_string()
            aria-controls=controls
            on:click=move |_| open.update(|o| *o = !*o)
        >
            {children()}
        </button>
    }
}
