//! How this device keeps her answers: the first-visit choice (keep, keep locked, keep nothing),
//! unlocking, locking again, and changing her mind later. The work is `persist.rs`'s; these
//! are its screens.

use super::confirm::Confirm;
use super::focus::focus_soon;
use super::persist::{
    forget_here, guessable, keep_nothing, keep_plain, lock_with, unlock, unlock_wait_ms, Saver,
    MIN_PASSCODE,
};
use super::route::Address;
use super::state::{use_app, Device, Keeping};
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
    let choice = RwSignal::new(app.device.get_untracked().keeping());
    let passcode = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let problem = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let asking = RwSignal::new(false);
    let confirm = NodeRef::<leptos::html::Button>::new();
    let saver = Saver::get();

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
                match app.device.get_untracked() {
                    Device::Plain => {}
                    // Nothing to move: what she has answered is written now.
                    Device::Unchosen => {
                        app.device.set(Device::Plain);
                        saver.rewrite();
                    }
                    _ => keep_plain(app),
                }
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
        let erases =
            choice.get_untracked() == Some(Keeping::Nothing) && app.device.get_untracked().keeps();
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
                <Confirm
                    id="keep-nothing"
                    title="Keep nothing from now on?"
                    yes="Erase and keep nothing"
                    danger=true
                    no="Cancel"
                    yes_ref=confirm
                    on_yes=move || {
                        asking.set(false);
                        apply();
                    }
                    on_no=move || asking.set(false)
                >
                    <p>
                        "This erases what the check-in saved on this device. Your answers stay in this tab until you close it."
                    </p>
                </Confirm>
            </Show>
        </form>
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
    // The wait after wrong passcodes is kept on the device: a reload or another tab does not
    // end it. `wait` shows it and holds the button until it is over.
    let wait = move |words: String| {
        let left = unlock_wait_ms();
        if left <= 0.0 {
            problem.set(words);
            return false;
        }
        let seconds = (left / 1000.0).ceil() as u64;
        let sep = if words.is_empty() { "" } else { " " };
        problem.set(format!(
            "{words}{sep}Please wait {seconds} seconds before trying again."
        ));
        waiting.set(true);
        set_timeout(
            move || {
                waiting.set(false);
                problem.set(String::new());
            },
            std::time::Duration::from_secs(seconds),
        );
        true
    };
    wait(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() || waiting.get_untracked() || wait(String::new()) {
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
                wait(words);
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

/// After her first danger answer, while her answers are kept unlocked on this device: a calm
/// offer to lock them with a passcode or keep nothing here, in one step (or to leave it).
#[component]
pub fn SaferKeeping() -> impl IntoView {
    let app = use_app();
    let closed = RwSignal::new(false);
    let shown = move || {
        app.danger.get()
            && !closed.get()
            && app.device.get() == Device::Plain
            && app.can_save.get()
            && app.nav.page.get() != super::route::Page::Home
    };
    view! {
        <Show when=shown>
            <aside class="safer-keeping" aria-labelledby="safer-title">
                <h2 id="safer-title">"Who else could open this on your device?"</h2>
                <p>
                    "Your answers are kept on this device where anyone who opens this site here could read them. If someone else uses this phone or computer, you can lock them with a passcode, or keep nothing here."
                </p>
                <KeepChoice label="Use this choice" done=Callback::new(move |_| closed.set(true))/>
                <button type="button" class="secondary" on:click=move |_| closed.set(true)>
                    "Leave it as it is"
                </button>
            </aside>
        </Show>
    }
}

/// In the footer: how this device keeps her answers now, locking again at once, and changing it.
#[component]
pub fn KeepSettings() -> impl IntoView {
    let app = use_app();
    let open = RwSignal::new(false);
    let now = move || match app.device.get() {
        Device::Unchosen => {
            "Nothing is kept until you choose: closing this tab forgets your answers."
        }
        Device::Plain => "Your progress is kept on this device.",
        Device::Locked { .. } => "Your progress is kept locked with your passcode.",
        Device::Nothing => "Nothing is kept: closing this tab forgets your answers.",
    };
    let saver = Saver::get();
    let lock_now = move |_| {
        forget_here(app, saver);
        app.device.set(Device::Locked { open: false });
        app.nav.go(Address::Home);
    };
    view! {
        // On a first visit the home page asks; nothing is kept until she has chosen.
        <Show when=move || {
            let device = app.device.get();
            (app.started.get() || device != Device::Unchosen) && !device.locked_away()
        }>
            <details class="keeping" prop:open=move || open.get() on:toggle=move |ev| {
                open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())
            }>
                <summary>"How this device keeps your answers"</summary>
                <p>{now}</p>
                <Show when=move || matches!(app.device.get(), Device::Locked { .. })>
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
