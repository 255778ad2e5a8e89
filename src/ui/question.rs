//! One question per screen: the section, the question as the group's legend, its options as
//! real radio buttons or check-boxes, "prefer not to say" where offered, Back and Continue,
//! honest progress, and a warning before a change clears later answers.

use super::route::{use_nav, Page};
use super::safety::SafetyPanel;
use super::state::use_app;
use crate::engine::answer::DECLINED;
use crate::engine::model::Kind;
use crate::engine::session::QuestionScreen;
use crate::engine::{Answer, Screen};
use leptos::prelude::*;

/// The routed question page: follows the address to the question, or back to where she is.
#[component]
pub fn QuestionPage() -> impl IntoView {
    let app = use_app();
    let nav = use_nav();
    let id = nav.id;
    Effect::new(move |_| {
        let id = id.get();
        // Leaving for another page changes the id too, just before this page goes away.
        if nav.page.get_untracked() != Page::Question {
            return;
        }
        // Follows the address only: the session is read untracked, so a change the reader
        // makes (which navigates by itself) never re-runs this with the old address.
        untrack(|| {
            if app.go_to(&id) {
                app.started.set(true);
            } else {
                app.redirect();
            }
        })
    });
    let screen = Memo::new(move |_| match app.screen() {
        Screen::Question(s) if s.id == id.get() => Some(s),
        _ => None,
    });
    // Keyed by question and its saved answer: each question (and an answer that arrives from
    // another tab) gets a fresh form and draft, never one patched in place from the last.
    let key = Memo::new(move |_| {
        screen.with(|s| {
            s.as_ref().map(|s| {
                let chosen: Vec<String> = s
                    .options
                    .iter()
                    .filter(|o| o.chosen)
                    .map(|o| o.id.clone())
                    .collect();
                (s.id.clone(), chosen, s.declined)
            })
        })
    });
    move || {
        // `with`, not `track`: a memo is lazy, and only reading it makes it compute (and
        // subscribe to the screen).
        key.with(|_| ());
        screen
            .get_untracked()
            .map(|s| view! { <QuestionForm screen=s/> })
    }
}

/// The answer being built on screen.
#[derive(Clone, Debug, PartialEq)]
struct Draft {
    chosen: Vec<String>,
    declined: bool,
}

impl Draft {
    fn answer(&self, kind: Kind) -> Option<Answer> {
        if self.declined {
            return Some(Answer::Declined);
        }
        match kind {
            Kind::Multiple => Some(Answer::Choices(self.chosen.clone())),
            _ => self.chosen.first().cloned().map(Answer::Choice),
        }
    }
}

/// The form for one question.
#[component]
fn QuestionForm(
    /// What the engine says this screen shows.
    screen: QuestionScreen,
) -> impl IntoView {
    let app = use_app();
    let nav = use_nav();
    let kind = screen.kind;
    let draft = RwSignal::new(Draft {
        chosen: screen
            .options
            .iter()
            .filter(|o| o.chosen)
            .map(|o| o.id.clone())
            .collect(),
        declined: screen.declined,
    });
    let problem = RwSignal::new(None::<String>);
    let pending = RwSignal::new(None::<(Answer, Vec<String>)>);
    let heading = NodeRef::<leptos::html::H1>::new();
    let number = screen.progress.answered + 1;
    let announce = format!("Question {number}: {}", screen.text);
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
        app.announce.set(announce.clone());
    });

    let exclusive: Vec<String> = screen
        .options
        .iter()
        .filter(|o| o.exclusive)
        .map(|o| o.id.clone())
        .collect();
    let choose = move |id: String| {
        problem.set(None);
        draft.update(|d| {
            d.declined = false;
            if kind == Kind::Multiple {
                if let Some(p) = d.chosen.iter().position(|c| *c == id) {
                    d.chosen.remove(p);
                } else if exclusive.contains(&id) {
                    d.chosen = vec![id];
                } else {
                    d.chosen.retain(|c| !exclusive.contains(c));
                    d.chosen.push(id);
                }
            } else {
                d.chosen = vec![id];
            }
        })
    };
    let decline = move || {
        problem.set(None);
        draft.update(|d| {
            d.declined = !d.declined || kind != Kind::Multiple;
            d.chosen.clear();
        })
    };

    let commit = move |answer: Answer| match app.answer(answer) {
        Ok(to) => nav.go(&to),
        Err(e) => problem.set(Some(e)),
    };
    let commit_pending = commit;
    let submit = move || {
        let Some(answer) = draft.get_untracked().answer(kind) else {
            problem.set(Some("Choose an answer to continue, or go back.".into()));
            return;
        };
        let lost = app.would_discard(&answer);
        if lost.is_empty() {
            commit(answer);
        } else {
            pending.set(Some((answer, lost)));
        }
    };

    // Keyboard: number keys choose an option, Enter continues.
    let option_ids: Vec<String> = screen.options.iter().map(|o| o.id.clone()).collect();
    let keys_choose = choose.clone();
    let keys_submit = submit;
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || pending.get_untracked().is_some() {
            return;
        }
        let tag = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .map(|e| e.tag_name())
            .unwrap_or_default();
        let key = ev.key();
        if let Some(n) = key.parse::<usize>().ok().filter(|n| (1..=9).contains(n)) {
            if let Some(id) = option_ids.get(n - 1) {
                ev.prevent_default();
                keys_choose(id.clone());
            }
        } else if key == "Enter" && !matches!(tag.as_str(), "BUTTON" | "A" | "SUMMARY") {
            ev.prevent_default();
            keys_submit();
        }
    });
    on_cleanup(move || handle.remove());

    let back = move |_| {
        if let Some(to) = app.back() {
            nav.go(&to);
        }
    };
    let progress = screen.progress;
    let left = if progress.max_left <= 1 {
        "This is the last question.".to_string()
    } else if progress.min_left == progress.max_left {
        format!("About {} questions left.", progress.max_left)
    } else {
        format!(
            "About {}–{} questions left.",
            progress.min_left, progress.max_left
        )
    };
    let input_type = if kind == Kind::Multiple {
        "checkbox"
    } else {
        "radio"
    };
    let group_class = match kind {
        Kind::Scale => "options scale",
        Kind::Multiple => "options checklist",
        Kind::Single => "options",
    };
    let qid = screen.id.clone();
    let options = screen
        .options
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let id = o.id.clone();
            let checked_id = id.clone();
            let choose = choose.clone();
            view! {
                <label class="option">
                    <input
                        type=input_type
                        name=qid.clone()
                        value=id.clone()
                        prop:checked=move || draft.with(|d| d.chosen.contains(&checked_id))
                        on:change=move |_| choose(id.clone())
                    />
                    <span class="key" aria-hidden="true">{(i < 9).then(|| (i + 1).to_string())}</span>
                    <span class="label">{o.label.clone()}</span>
                </label>
            }
        })
        .collect_view();
    let decline_option = screen.prefer_not_to_say.then(|| {
        view! {
            <label class="option decline">
                <input
                    type=input_type
                    name=screen.id.clone()
                    value=DECLINED
                    prop:checked=move || draft.with(|d| d.declined)
                    on:change=move |_| decline()
                />
                <span class="key" aria-hidden="true"></span>
                <span class="label">"Prefer not to say"</span>
            </label>
        }
    });
    let hint = if kind == Kind::Multiple {
        "Tick all that apply."
    } else {
        ""
    };
    let help = screen.help.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submit();
    };
    view! {
        <section class="page question">
            <Show when=move || screen.red_flag>
                <SafetyPanel compact=true/>
            </Show>
            <div class="progress">
                <p class="section">{screen.section.clone()}</p>
                <progress max="100" value=progress.percent.to_string() aria-label="Progress through the check-in"></progress>
                <p class="left">{left}</p>
            </div>
            <form on:submit=on_submit novalidate>
                <fieldset aria-describedby="q-help">
                    <legend>
                        <h1 node_ref=heading tabindex="-1">{screen.text.clone()}</h1>
                    </legend>
                    <p id="q-help" class="help">{help}" "{hint}</p>
                    <div class=group_class>{options}{decline_option}</div>
                </fieldset>
                <p class="problem" role="alert">{move || problem.get()}</p>
                <Show when=move || pending.get().is_some()>
                    <div class="confirm" role="alertdialog" aria-labelledby="discard-title">
                        <h2 id="discard-title">"Changing this answer clears some later answers"</h2>
                        <p>"These questions no longer apply after this change, so their answers will be cleared:"</p>
                        <ul>{move || pending.get().map(|(_, lost)| lost.into_iter().map(|t| view! { <li>{t}</li> }).collect_view())}</ul>
                        <div class="row">
                            <button
                                type="button"
                                class="primary"
                                on:click={
                                    let commit = commit_pending;
                                    move |_| {
                                        if let Some((answer, _)) = pending.get_untracked() {
                                            pending.set(None);
                                            commit(answer);
                                        }
                                    }
                                }
                            >
                                "Change my answer"
                            </button>
                            <button type="button" class="secondary" on:click=move |_| pending.set(None)>
                                "Keep my earlier answer"
                            </button>
                        </div>
                    </div>
                </Show>
                <div class="row nav">
                    <Show when=move || screen.can_go_back>
                        <button type="button" class="secondary" on:click=back>"Back"</button>
                    </Show>
                    <button type="submit" class="primary">"Continue"</button>
                </div>
                <p class="keys">"Tip: press a number key to choose, Enter to continue."</p>
            </form>
        </section>
    }
}
