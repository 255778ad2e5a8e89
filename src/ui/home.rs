//! Home: her first action on the first screen (the keeping choice and Start on a first visit,
//! Unlock on a locked device, Continue or her results when she returns), then what quick exit
//! can and cannot do, and the rest (what this is, the promises, the disclaimer) behind
//! "About this check-in".

use super::keeping::{KeepChoice, UnlockPanel};
use super::quick_exit::ExitNote;
use super::state::{use_app, Device};
use engine::Screen;
use leptos::prelude::*;

/// The home screen.
#[component]
pub fn Home() -> impl IntoView {
    let app = use_app();
    let nav = app.nav;
    let q = app.q.get_value();
    let file = q.file();
    let (title, about) = (file.title.clone(), file.about.clone());
    let returning = move || app.started.get() && !app.session.with(|s| s.is_fresh());
    let finished = move || app.screen.with(|s| matches!(s, Screen::Results(_)));
    // How far she got, in words.
    let resume = move || {
        app.screen.with(|screen| match screen {
            Screen::Question(s) => {
                let p = s.progress;
                let noun = if p.answered == 1 {
                    "question"
                } else {
                    "questions"
                };
                format!(
                    "You have answered {} {noun}; about {}–{} are left.",
                    p.answered, p.min_left, p.max_left
                )
            }
            Screen::Results(_) => "You finished the check-in.".into(),
        })
    };
    let (fewest, most) = q.length();
    let length = if fewest == most {
        format!("About {most} questions, one at a time.")
    } else {
        format!("About {fewest}–{most} questions, one at a time.")
    };
    let start = move |_| nav.go(app.start());
    view! {
        <section class="page home">
            <h1 tabindex="-1">{title}</h1>
            <Show
                when=returning
                fallback=move || {
                    view! {
                        {move || {
                            if app.device.get().locked_away() {
                                view! {
                                    <UnlockPanel/>
                                    <p class="hint">
                                        "Or start without unlocking: your answers then stay only in this tab."
                                    </p>
                                    <button type="button" class="secondary" on:click=start>
                                        "Start the check-in"
                                    </button>
                                }
                                    .into_any()
                            } else if app.device.get() == Device::Unchosen {
                                view! {
                                    <KeepChoice
                                        label="Start the check-in"
                                        done=Callback::new(move |_| nav.go(app.start()))
                                    />
                                }
                                    .into_any()
                            } else {
                                view! {
                                    <button type="button" class="primary" on:click=start>
                                        "Start the check-in"
                                    </button>
                                }
                                    .into_any()
                            }
                        }}
                        <p class="length">{length.clone()}" You can go back and change any answer."</p>
                        <aside class="before-start" aria-labelledby="before-start">
                            <h2 id="before-start">"Leaving quickly"</h2>
                            <ExitNote/>
                        </aside>
                    }
                }
            >
                <p class="resume">{resume}</p>
                <div class="row">
                    <button type="button" class="primary" on:click=start>
                        {move || {
                            if finished() { "See your results" } else { "Continue where you left off" }
                        }}
                    </button>
                    <button
                        type="button"
                        class="secondary"
                        on:click=move |_| nav.go(app.start_over())
                    >
                        "Start over"
                    </button>
                </div>
            </Show>
            <details class="about">
                <summary>"About this check-in"</summary>
                <p class="lead">{about.intro}</p>
                <ul class="promises">
                    <li>"Your answers stay on this device. Nothing is sent anywhere."</li>
                    <li>"Use Quick exit (or press Shift three times) to leave this page at once."</li>
                </ul>
                <p class="disclaimer">{about.disclaimer}</p>
            </details>
        </section>
    }
}
