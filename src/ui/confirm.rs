//! Asking before something that cannot be undone: one confirmation, used wherever the app
//! asks (erasing everything, keeping nothing from now on, an answer that clears later ones).

use super::state::use_app;
use leptos::html::Button;
use leptos::prelude::*;

/// A confirmation shown in place (an `alertdialog`), counted as an open dialog for as long as it
/// shows, so Escape belongs to it and not to quick exit. Put it inside the `<Show>` that opens
/// it; the buttons' `NodeRef`s let the caller move the focus to one of them.
#[component]
pub fn Confirm(
    /// The prefix of its title's and text's ids (`<id>-title`, `<id>-text`).
    id: &'static str,
    /// The question it asks.
    title: &'static str,
    /// What saying yes does, in plain words.
    children: Children,
    /// The yes button's words.
    yes: &'static str,
    /// Whether saying yes destroys something (the button is styled as a danger).
    #[prop(optional)]
    danger: bool,
    /// The no button's words.
    no: &'static str,
    /// What saying yes does.
    #[prop(into)]
    on_yes: Callback<()>,
    /// What saying no does.
    #[prop(into)]
    on_no: Callback<()>,
    /// The yes button, for the caller to move the focus to.
    #[prop(optional)]
    yes_ref: NodeRef<Button>,
    /// The no button, for the caller to move the focus to.
    #[prop(optional)]
    no_ref: NodeRef<Button>,
) -> impl IntoView {
    use_app().dialog_open();
    let (title_id, text_id) = (format!("{id}-title"), format!("{id}-text"));
    let (labelled, described) = (title_id.clone(), text_id.clone());
    view! {
        <div class="confirm" role="alertdialog" aria-labelledby=labelled aria-describedby=described>
            <h2 id=title_id>{title}</h2>
            <div id=text_id>{children()}</div>
            <div class="row">
                <button
                    type="button"
                    class=if danger { "primary danger" } else { "primary" }
                    node_ref=yes_ref
                    on:click=move |_| on_yes.run(())
                >
                    {yes}
                </button>
                <button type="button" class="secondary" node_ref=no_ref on:click=move |_| on_no.run(())>
                    {no}
                </button>
            </div>
        </div>
    }
}
