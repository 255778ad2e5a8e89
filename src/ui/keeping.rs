//! How this device keeps her answers: the first-visit choice (keep, keep locked, keep nothing),
//! unlocking, locking again, and changing her mind later. The work is `persist.rs`'s; these
//! are its screens.

use super::focus::focus_soon;
use super::persist::{
    forget_here, guessable, keep_nothing, keep_plain, lock_with, unlock, Saver, MIN_PASSCODE,
};
use super::state::{use_app, Keeping};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The three ways of keeping, with what each means, and (for the lock) the passcode. `label`
/// is the button's words; `done` runs once the choice is in force.
#[component]
pub fn KeepChoice(
    /// The button's words.
    label: &'static str,
    /// Runs once the choice is in force.
    done: Callback<()>,
) -> impl IntoView {
    let app = use_app();
    // Nothing is chosen for her on a first visit: the least private choice is not the default.
    let choice =
        RwSignal::new((!app.first_visit.get_untracked()).then(|| app.keeping.get_untracked()));
    let passcode = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let problem = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let asking = RwSignal::new(false);
    let confirm = NodeRef::<leptos::html::Button>::new();

    let apply = move || {
        problem.set(String::new());
        let Some(chosen) = choice.get_untracked() else {
            problem.set(
                "Choose how this device should keep your answers: one of the three above.".into(),
            );
            return;
        };
        match chosen {
            Keeping::Plain => {
                if app.keeping.get_untracked() != Keeping::Plain {
                    keep_plain(app);
                }
                app.first_visit.set(false);
                done.run(());
            }
            Keeping::Nothing => {
                keep_nothing(app);
                done.run(());
            }
            Keeping::Locked => {
                let code = passcode.get_untracked();
                if code.chars().count() < MIN_PASSCODE {
                    problem.set(format!(
                        "Choose a passcode of at least {MIN_PASSCODE} characters."
                    ));
                    return;
                }
                if code != again.get_untracked() {
                    problem.set("The two passcodes are not the same. Type them again.".into());
                    return;
                }
                busy.set(true);
                let saver = Saver::get();
                spawn_local(async move {
                    let result = lock_with(app, saver, code).await;
                    busy.set(false);
                    match result {
                        Ok(()) => {
                            passcode.set(String::new());
                            again.set(String::new());
                            done.run(());
                        }
                        Err(words) => problem.set(words),
                    }
                });
            }
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // Keeping nothing erases what is saved: ask first (only if something is).
        let erases = choice.get_untracked() == Some(Keeping::Nothing)
            && app.keeping.get_untracked() != Keeping::Nothing
            && !app.first_visit.get_untracked();
        if erases {
            asking.set(true);
            focus_soon(confirm);
        } else {
            apply();
        }
    };
    let option = move |value: Keeping, title: &'static str, detail: &'static str| {
        view! {
            <label class="keep-option">
                <input
                    type="radio"
                    name="keeping"
                    prop:checked=move || choice.get() == Some(value)
                    on:change=move |_| {
                        problem.set(String::new());
                        choice.set(Some(value))
                    }
                />
                <span>
                    <strong>{title}</strong>
                    <span class="detail">{detail}</span>
                </span>
            </label>
        }
    };
    view! {
        <form class="keep-choice" on:submit=submit>
            <fieldset>
                <legend>"How should this device keep your answers?"</legend>
                {option(
                    Keeping::Plain,
                    "Keep my progress on this device",
                    "Come back to it later. Anyone who opens this site on this device could see it.",
                )}
                {option(
                    Keeping::Locked,
                    "Keep it locked with a passcode",
                    "Only someone with the passcode can open it. A forgotten passcode cannot be recovered.",
                )}
                {option(
                    Keeping::Nothing,
                    "Keep nothing",
                    "Your answers stay only in this tab and are gone when you close it.",
                )}
            </fieldset>
            <Show when=move || choice.get() == Some(Keeping::Locked)>
                <div class="passcode">
                    <label>
                        "Passcode"
                        <input
                            type="password"
                            autocomplete="off"
                            aria-describedby="passcode-advice"
                            prop:value=move || passcode.get()
                            on:input=move |ev| passcode.set(event_target_value(&ev))
                        />
                    </label>
                    <p class="hint" role="status">
                        {move || {
                            guessable(&passcode.get())
                                .then_some(
                                    "This is one of the first passcodes anyone would try. A longer one, such as a few words only you would put together, is much harder to guess.",
                                )
                        }}
                    </p>
                    <label>
                        "The same passcode again"
                        <input
                            type="password"
                            autocomplete="off"
                            prop:value=move || again.get()
                            on:input=move |ev| again.set(event_target_value(&ev))
                        />
                    </label>
                    <p class="hint" id="passcode-advice">
                        "At least 6 characters. Keep it somewhere only you can find: if it is forgotten, no one can open what it locks. If your browser offers to save or remember it, choose “Never”: a saved passcode would open the lock for anyone using this browser."
                    </p>
                </div>
            </Show>
            <p class="error" role="alert">{move || problem.get()}</p>
            <button type="submit" class="primary" disabled=move || busy.get()>
                {move || if busy.get() { "Locking…" } else { label }}
            </button>
            <Show when=move || asking.get()>
                {app.dialog_open()}
                <div
                    class="confirm"
                    role="alertdialog"
                    aria-labelledby="keep-nothing-title"
                    aria-describedby="keep-nothing-text"
                >
                    <h2 id="keep-nothing-title">"Keep nothing from now on?"</h2>
                    <p id="keep-nothing-text">
                        "This erases what the check-in saved on this device. Your answers stay in this tab until you close it."
                    </p>
                    <div class="row">
                        <button
                            type="button"
                            class="primary danger"
                            node_ref=confirm
                            on:click=move |_| {
                                asking.set(false);
                                apply();
                            }
                        >
                            "Erase and keep nothing"
                        </button>
                        <button type="button" class="secondary" on:click=move |_| asking.set(false)>
                            "Cancel"
                        </button>
                    </div>
                </div>
            </Show>
        </form>
    }
}

/// The wait after the `fails`th wrong passcode, in seconds (none for the first few).
fn wait_after(fails: u32) -> u32 {
    match fails {
        0..=2 => 0,
        n => (5u32 << (n - 3).min(6)).min(300),
    }
}

/// Unlocking her locked progress, on the home page of a locked device.
#[component]
pub fn UnlockPanel() -> impl IntoView {
    let app = use_app();
    let passcode = RwSignal::new(String::new());
    let problem = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let waiting = RwSignal::new(false);
    let fails = StoredValue::new(0u32);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() || waiting.get_untracked() {
            return;
        }
        busy.set(true);
        problem.set(String::new());
        let code = passcode.get_untracked();
        let saver = Saver::get();
        spawn_local(async move {
            let result = unlock(app, saver, code).await;
            busy.set(false);
            passcode.set(String::new());
            if let Err(words) = result {
                fails.update_value(|n| *n += 1);
                let wait = wait_after(fails.get_value());
                if wait > 0 {
                    problem.set(format!(
                        "{words} Please wait {wait} seconds before trying again."
                    ));
                    waiting.set(true);
                    set_timeout(
                        move || waiting.set(false),
                        std::time::Duration::from_secs(u64::from(wait)),
                    );
                } else {
                    problem.set(words);
                }
            }
        });
    };
    view! {
        <form class="unlock" on:submit=submit aria-labelledby="unlock-title">
            <h2 id="unlock-title">"Unlock"</h2>
            <p>"If you locked your progress on this device, enter your passcode to go on."</p>
            <label>
                "Passcode"
                <input
                    type="password"
                    autocomplete="off"
                    prop:value=move || passcode.get()
                    on:input=move |ev| passcode.set(event_target_value(&ev))
                />
            </label>
            <p class="error" role="alert">{move || problem.get()}</p>
            <button type="submit" class="primary" disabled=move || busy.get() || waiting.get()>
                {move || if busy.get() { "Unlocking…" } else { "Unlock" }}
            </button>
            <p class="hint">
                "Forgotten it? It cannot be recovered. “Erase everything on this device”, at the foot of the page, removes what was locked so you can start again."
            </p>
        </form>
    }
}

/// In the footer: how this device keeps her answers now, locking again at once, and changing it.
#[component]
pub fn KeepSettings() -> impl IntoView {
    let app = use_app();
    let open = RwSignal::new(false);
    let now = move || match app.keeping.get() {
        Keeping::Plain => "Your progress is kept on this device.",
        Keeping::Locked => "Your progress is kept locked with your passcode.",
        Keeping::Nothing => "Nothing is kept: closing this tab forgets your answers.",
    };
    let lock_now = move |_| {
        forget_here(app);
        app.locked_away.set(true);
        app.nav.go("/");
    };
    view! {
        // On a first visit the home page asks; nothing is kept until she has chosen.
        <Show when=move || (app.started.get() || !app.first_visit.get()) && !app.locked_away.get()>
            <details class="keeping" prop:open=move || open.get() on:toggle=move |ev| {
                open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())
            }>
                <summary>"How this device keeps your answers"</summary>
                <p>{now}</p>
                <Show when=move || app.keeping.get() == Keeping::Locked>
                    <button type="button" class="secondary" on:click=lock_now>
                        "Lock now"
                    </button>
                </Show>
                // Stays open: the line above now says what is in force.
                <KeepChoice label="Use this choice" done=Callback::new(move |_| {
                    app.announce.set(now().to_string())
                })/>
            </details>
        </Show>
    }
}
