//! "Erase everything on this device": asks first, then removes every key the app wrote.

use super::state::use_app;
use crate::engine::Session;
use crate::storage::local;
use leptos::prelude::*;

/// The erase button and its confirmation.
#[component]
pub fn EraseButton() -> impl IntoView {
    let app = use_app();
    let asking = RwSignal::new(false);
    let erase = move |_| {
        asking.set(false);
        // Reset the state first, so the save effect has nothing left to write back.
        app.session.set(Session::new(app.q));
        app.started.set(false);
        app.ticked.set(Default::default());
        app.history.set(Default::default());
        match local::erase_all() {
            Ok(_) => app.notices.set(vec![
                "Everything this check-in saved on this device has been erased.".into(),
            ]),
            Err(fault) => app.notices.set(vec![fault.to_string()]),
        }
        let _ = local::erase_all();
        if let Some(w) = web_sys::window() {
            let _ = w.location().replace("/");
        }
    };
    view! {
        <button type="button" class="link danger" on:click=move |_| asking.set(true)>
            "Erase everything on this device"
        </button>
        <Show when=move || asking.get()>
            <div class="confirm" role="alertdialog" aria-labelledby="erase-title" aria-describedby="erase-text">
                <h2 id="erase-title">"Erase everything?"</h2>
                <p id="erase-text">
                    "This removes your answers, your action plan ticks and your past check-ins from this device. It cannot be undone."
                </p>
                <div class="row">
                    <button type="button" class="primary danger" on:click=erase>"Erase everything"</button>
                    <button type="button" class="secondary" on:click=move |_| asking.set(false)>"Keep my answers"</button>
                </div>
            </div>
        </Show>
    }
}
