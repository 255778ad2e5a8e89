//! The frame around every screen: skip link, quick exit, notices, the live region, and the
//! footer with the disclaimer, privacy note and "erase everything".

use super::erase::EraseButton;
use super::quick_exit::QuickExit;
use super::state::use_app;
use leptos::prelude::*;

/// The page frame.
#[component]
pub fn Shell(
    /// The routed screen.
    children: Children,
) -> impl IntoView {
    let app = use_app();
    let about = &app.q.file().about;
    // Moves to an address the state asked for (another tab's change was adopted).
    let nav = super::route::use_nav();
    Effect::new(move |_| {
        if let Some(to) = app.follow.get() {
            app.follow.set(None);
            nav.replace(&to);
        }
    });
    let blog = &app.q.file().blog;
    view! {
        <a class="skip" href="#main">"Skip to the check-in"</a>
        <header class="top">
            <a class="brand" href="/">{app.q.file().title.clone()}</a>
            <QuickExit/>
        </header>
        <Notices/>
        <p class="sr-only" aria-live="polite" aria-atomic="true">{move || app.announce.get()}</p>
        <main id="main">{children()}</main>
        <footer class="foot">
            <p class="disclaimer">{about.disclaimer.clone()}</p>
            <p>{about.privacy.clone()}</p>
            <p>
                "Articles by Leslie Cane, from "
                <a href=blog.url.clone() rel="noopener noreferrer" target="_blank">{blog.name.clone()}</a>"."
            </p>
            <nav class="foot-links" aria-label="More">
                <a href="/history">"How things have changed"</a>
                <EraseButton/>
            </nav>
        </footer>
    }
}

/// Plain-words notices (restored progress, storage problems), each dismissable.
#[component]
fn Notices() -> impl IntoView {
    let app = use_app();
    view! {
        <Show when=move || !app.notices.with(Vec::is_empty)>
            <div class="notices" role="status">
                {move || {
                    app.notices
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, text)| {
                            view! {
                                <div class="notice">
                                    <p>{text}</p>
                                    <button
                                        type="button"
                                        class="link"
                                        on:click=move |_| app.notices.update(|n| { if i < n.len() { n.remove(i); } })
                                    >
                                        "Dismiss"
                                    </button>
                                </div>
                            }
                        })
                        .collect_view()
                }}
            </div>
        </Show>
    }
}
