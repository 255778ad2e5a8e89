//! The frame around every screen: skip link, quick exit, notices, the live region, and the
//! footer with the disclaimer, privacy note and "erase everything".

use super::confirm::Confirm;
use super::focus::focus_soon;
use super::keeping::{KeepSettings, SaferKeeping};
use super::persist::erase_everything;
use super::quick_exit::{ExitNote, QuickExit};
use super::route::Address;
use super::safety::{HelpNow, UrgentHelp};
use super::state::use_app;
use leptos::prelude::*;

/// The page frame.
#[component]
pub fn Shell(
    /// The routed screen.
    children: Children,
) -> impl IntoView {
    let app = use_app();
    let q = app.q.get_value();
    let file = q.file();
    let (title, about, blog) = (file.title.clone(), file.about.clone(), file.blog.clone());
    view! {
        // The frame sticks to the top of the screen wherever she scrolls, so Quick exit (and,
        // after a danger answer, Help now) is always in reach; it is in the flow, so it takes
        // its own room and covers nothing at the top of the page.
        <div class="frame">
            <a class="skip" href="#main">"Skip to the check-in"</a>
            <header class="top">
                <a class="brand" href="/">{title}</a>
                <HelpNow/>
                <QuickExit/>
            </header>
        </div>
        <Notices/>
        <p class="sr-only" aria-live="polite" aria-atomic="true">{move || app.announce.get()}</p>
        <main id="main" tabindex="-1" class:keyboard=move || app.keyboard.get()>
            <UrgentHelp/>
            <Show when=move || app.tab_only()>
                <p class="tab-only">
                    "Nothing is being kept on this device: leaving this site or closing this tab forgets your answers."
                </p>
            </Show>
            {children()}
            // Below the screen, so the question still starts on a phone's first screen.
            <SaferKeeping/>
        </main>
        <footer class="foot">
            <p class="disclaimer">{about.disclaimer}</p>
            <p>{about.privacy}</p>
            <KeepSettings/>
            <details class="exit-note">
                <summary>"About quick exit"</summary>
                <ExitNote/>
            </details>
            <p>
                "Articles by Leslie Cane, from "
                <a rel="noopener noreferrer" target="_blank" href=blog.url>
                    {blog.name}
                </a>
                "."
            </p>
            <nav class="foot-links" aria-label="More">
                <a href="/" data-to=Address::History.path()>"How things have changed"</a>
                <EraseEverything/>
            </nav>
        </footer>
    }
}

/// Plain-words notices (restored progress, storage problems), each dismissable.
#[component]
fn Notices() -> impl IntoView {
    let app = use_app();
    let dismiss = move |text: &str| app.notices.update(|n| n.retain(|t| t != text));
    view! {
        <Show when=move || app.notices.with(|n| !n.is_empty())>
            <div class="notices" role="status">
                // Redrawn whole when the list changes: it holds one or two short notices.
                {move || {
                    app.notices
                        .get()
                        .into_iter()
                        .map(|text| {
                            let words = text.clone();
                            view! {
                                <div class="notice">
                                    <p>{words}</p>
                                    <button type="button" class="link" on:click=move |_| dismiss(&text)>
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

/// "Erase everything on this device", and the question it asks first.
#[component]
fn EraseEverything() -> impl IntoView {
    let app = use_app();
    let asking = RwSignal::new(false);
    let ask = NodeRef::<leptos::html::Button>::new();
    let keep = NodeRef::<leptos::html::Button>::new();
    view! {
        <button
            type="button"
            class="link danger"
            node_ref=ask
            on:click=move |_| {
                asking.set(true);
                focus_soon(keep);
            }
        >
            "Erase everything on this device"
        </button>
        <Show when=move || asking.get()>
            <Confirm
                id="erase"
                title="Erase everything?"
                yes="Erase everything"
                danger=true
                no="Keep my answers"
                no_ref=keep
                on_yes=move || {
                    asking.set(false);
                    erase_everything(app);
                }
                on_no=move || {
                    asking.set(false);
                    focus_soon(ask);
                }
            >
                <p>
                    "This removes your answers, your action plan ticks and your past check-ins from this device. It cannot be undone."
                </p>
            </Confirm>
        </Show>
    }
}
