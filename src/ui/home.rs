//! Home: what this is, that everything stays on this device, the disclaimer, and Start — or
//! Continue with how far she got, and Start over.

use super::route::use_nav;
use super::state::use_app;
use crate::engine::Screen;
use leptos::prelude::*;

/// The home screen.
#[component]
pub fn Home() -> impl IntoView {
    let app = use_app();
    let nav = use_nav();
    let about = &app.q.file().about;
    let resumable = move || app.started.get() && !app.session.with(|s| s.is_fresh());
    let progress_text = move || match app.screen() {
        Screen::Question(s) => format!(
            "You have answered {} question{}; about {}–{} are left.",
            s.progress.answered,
            if s.progress.answered == 1 { "" } else { "s" },
            s.progress.min_left,
            s.progress.max_left
        ),
        Screen::Results(_) => "You finished the check-in; your results are waiting.".into(),
    };
    let start = move |_: leptos::ev::MouseEvent| nav.go(&app.start());
    let over = move |_: leptos::ev::MouseEvent| nav.go(&app.start_over());
    view! {
        <section class="page home">
            <h1 tabindex="-1">{app.q.file().title.clone()}</h1>
            <p class="lead">{about.intro.clone()}</p>
            <ul class="promises">
                <li>"One question at a time; go back and change any answer."</li>
                <li>"Your answers stay on this device. Nothing is sent anywhere."</li>
                <li>"Use Quick exit (or press Esc twice) to leave this page at once."</li>
            </ul>
            <p class="disclaimer">{about.disclaimer.clone()}</p>
            <Show
                when=resumable
                fallback=move || view! {
                    <button type="button" class="primary" on:click=start>"Start the check-in"</button>
                }
            >
                <p class="resume">{progress_text}</p>
                <div class="row">
                    <button type="button" class="primary" on:click=start>"Continue where you left off"</button>
                    <button type="button" class="secondary" on:click=over>"Start over"</button>
                </div>
            </Show>
        </section>
    }
}
