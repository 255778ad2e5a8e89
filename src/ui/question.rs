//! One question per screen: the section, the question as the group's legend, its options as
//! real radio buttons or check-boxes, "prefer not to say" where offered, Back and Continue,
//! honest progress, and a warning before a change clears later answers.

use super::confirm::Confirm;
use super::focus::focus_soon;
use super::route::Page;
use super::safety::SafetyPanel;
use super::state::use_app;
use engine::answer::DECLINED;
use engine::model::Kind;
use engine::session::QuestionScreen;
use engine::{Answer, Screen};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The routed question page: follows the address to the question, or back to where she is.
#[component]
pub fn QuestionPage() -> impl IntoView {
    let app = use_app();
    let nav = app.nav;
    Effect::new(move |_| {
        let id = nav.id.get();
        // Leaving for another page changes the id too, just before this page goes away.
        if nav.page.get_untracked() != Page::Question {
            return;
        }
        // Follows the address only: the session is read untracked, so a change the reader
        // makes (which navigates by itself) never re-runs this with the old address.
        untrack(|| {
            if app.go_to(&id) {
                // Set only when it changes: every write wakes what reads it.
                if !app.started.get_untracked() {
                    app.started.set(true);
                }
            } else {
                app.redirect();
            }
        })
    });
    // The question the engine shows, once it is the one in the address.
    let screen = Memo::new(move |_| {
        app.screen.with(|screen| match screen {
            Screen::Question(s) if nav.id.with(|id| s.id == *id) => Some(s.clone()),
            _ => None,
        })
    });
    // One form for the whole run of questions: moving on changes only the text, attributes
    // and rows that differ, in place.
    let shown = Memo::new(move |_| screen.with(Option::is_some));
    move || shown.get().then(|| view! { <QuestionForm screen/> })
}

/// The form's state: the answer being built on screen, a problem to show, and a change
/// waiting for confirmation (with the later answers it would clear).
#[derive(Clone, Debug, PartialEq, Default)]
struct Draft {
    chosen: Vec<String>,
    declined: bool,
    problem: Option<String>,
    pending: Option<(Answer, Vec<String>)>,
    /// What it was started from (see `Drafting`).
    on: Basis,
}

impl Draft {
    /// A fresh draft showing the saved answer (and started from it).
    fn of(screen: &QuestionScreen) -> Draft {
        let chosen = saved_choices(screen);
        Draft {
            on: Some((screen.id.clone(), chosen.clone(), screen.declined)),
            chosen,
            declined: screen.declined,
            ..Draft::default()
        }
    }

    fn answer(&self, kind: Kind) -> Option<Answer> {
        if self.declined {
            return Some(Answer::Declined);
        }
        match kind {
            Kind::Multiple => Some(Answer::Choices(self.chosen.clone())),
            _ => self.chosen.first().cloned().map(Answer::Choice),
        }
    }

    /// Whether the option `value` is ticked ("prefer not to say" included).
    fn shows(&self, value: &str) -> bool {
        if value == DECLINED {
            self.declined
        } else {
            self.chosen.iter().any(|c| c == value)
        }
    }
}

/// The question and the saved answer a draft was started from.
type Basis = Option<(String, Vec<String>, bool)>;

/// Her draft, derived rather than reset: it belongs to the question and saved answer it was
/// started from, and once either changes (the next question, or an answer saved in another
/// tab) the form shows a fresh draft of the saved answer instead. Moving on or back forgets
/// it, so a question seen again starts from what was saved.
#[derive(Clone, Copy)]
struct Drafting {
    /// Her changes, with the basis they were made on (`Draft::on`).
    kept: RwSignal<Draft>,
    screen: Memo<Option<QuestionScreen>>,
}

impl Drafting {
    fn new(screen: Memo<Option<QuestionScreen>>) -> Drafting {
        Drafting {
            kept: RwSignal::new(Draft::default()),
            screen,
        }
    }

    /// What the form shows (tracked): her changes while the basis they were made on is the
    /// one on screen, otherwise a fresh draft of the saved answer.
    fn get(&self) -> Draft {
        self.screen.with(|s| {
            let fresh = s.as_ref().map(Draft::of).unwrap_or_default();
            self.kept.with(|kept| {
                if fresh.on.is_some() && kept.on == fresh.on {
                    kept.clone()
                } else {
                    fresh
                }
            })
        })
    }

    fn get_untracked(&self) -> Draft {
        untrack(|| self.get())
    }

    /// Changes what is shown, keeping the change for the basis on screen (the draft shown
    /// already carries it).
    fn update(&self, f: impl FnOnce(&mut Draft)) {
        let mut draft = self.get_untracked();
        f(&mut draft);
        self.kept.set(draft);
    }

    /// Drops her changes (she moved on or back).
    fn forget(&self) {
        self.kept.set(Draft::default());
    }
}

/// The options the saved answer chose.
fn saved_choices(screen: &QuestionScreen) -> Vec<String> {
    screen
        .options
        .iter()
        .filter(|o| o.chosen)
        .map(|o| o.id.clone())
        .collect()
}

/// The question form, kept on screen from one question to the next: each part that differs
/// between questions is a reactive slot, so moving on updates it in place.
#[component]
fn QuestionForm(
    /// What the engine says this screen shows (always `Some` while the form exists).
    screen: Memo<Option<QuestionScreen>>,
) -> impl IntoView {
    let app = use_app();
    let nav = app.nav;
    let draft = Drafting::new(screen);
    let heading = NodeRef::<leptos::html::H1>::new();
    let keep = NodeRef::<leptos::html::Button>::new();
    // Reads one thing from the screen, tracked.
    let read = move |f: fn(&QuestionScreen) -> String| {
        move || screen.with(|s| s.as_ref().map(f).unwrap_or_default())
    };
    let kind = move || screen.with_untracked(|s| s.as_ref().map_or(Kind::Single, |s| s.kind));
    let flag =
        move |f: fn(&QuestionScreen) -> bool| move || screen.with(|s| s.as_ref().is_some_and(f));

    // A new question: the heading gets the focus (a screen reader reads the question from
    // there, once), and the live region says where she is, once, without repeating the
    // question's words. The id is read, not only tracked: a memo that is never read is never
    // computed, and then never changes.
    let id = Memo::new(move |_| screen.with(|s| s.as_ref().map(|s| s.id.clone())));
    Effect::new(move |_| {
        if id.with(Option::is_none) {
            return;
        }
        focus_soon(heading);
        if let Some(words) = screen.with_untracked(|s| s.as_ref().map(position_words)) {
            app.announce.set(words);
        }
    });

    let choose = move |id: String| {
        let exclusive = |c: &str| {
            screen.with_untracked(|s| {
                s.as_ref()
                    .is_some_and(|s| s.options.iter().any(|o| o.exclusive && o.id == c))
            })
        };
        let kind = kind();
        draft.update(|d| {
            d.problem = None;
            d.declined = false;
            if kind != Kind::Multiple {
                d.chosen = vec![id];
            } else if let Some(p) = d.chosen.iter().position(|c| *c == id) {
                d.chosen.remove(p);
            } else if exclusive(&id) {
                d.chosen = vec![id];
            } else {
                d.chosen.retain(|c| !exclusive(c));
                d.chosen.push(id);
            }
        })
    };
    let decline = move || {
        let kind = kind();
        draft.update(|d| {
            d.problem = None;
            d.declined = !d.declined || kind != Kind::Multiple;
            d.chosen.clear();
        })
    };
    let pick = move |value: &str| {
        if value == DECLINED {
            decline();
        } else {
            choose(value.to_string());
        }
    };

    let commit = move |answer: Answer| match app.answer(answer) {
        Ok(to) => {
            draft.forget();
            nav.go(to);
        }
        Err(e) => draft.update(|d| d.problem = Some(e)),
    };
    let submit = move || {
        let Some(answer) = draft.get_untracked().answer(kind()) else {
            draft.update(|d| d.problem = Some("Choose an answer to continue, or go back.".into()));
            return;
        };
        let lost = app.would_discard(&answer);
        if lost.is_empty() {
            commit(answer);
        } else {
            draft.update(|d| d.pending = Some((answer, lost)));
            focus_soon(keep);
        }
    };
    let back = move |_| {
        if let Some(to) = app.back() {
            draft.forget();
            nav.go(to);
        }
    };
    let change = move || {
        let mut answer = None;
        draft.update(|d| answer = d.pending.take().map(|(a, _)| a));
        if let Some(answer) = answer {
            commit(answer);
        }
    };

    // Keyboard: number keys choose an option, Enter continues.
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || draft.get_untracked().pending.is_some()
        {
            return;
        }
        let target = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok());
        // Keys typed into text (the author's studio, around its preview) are the text's.
        let typing = |t: &web_sys::HtmlElement| {
            t.is_content_editable()
                || t.tag_name() == "TEXTAREA"
                || t.dyn_ref::<web_sys::HtmlInputElement>()
                    .is_some_and(|i| !matches!(i.type_().as_str(), "radio" | "checkbox"))
        };
        if target.as_ref().is_some_and(typing) {
            return;
        }
        let tag = target.map(|e| e.tag_name()).unwrap_or_default();
        let key = ev.key();
        if let Some(n) = key.parse::<usize>().ok().filter(|n| (1..=9).contains(n)) {
            let id = screen.with_untracked(|s| {
                s.as_ref()
                    .and_then(|s| s.options.get(n - 1))
                    .map(|o| o.id.clone())
            });
            if let Some(id) = id {
                ev.prevent_default();
                choose(id);
            }
        } else if key == "Enter" && !matches!(tag.as_str(), "BUTTON" | "A" | "SUMMARY") {
            ev.prevent_default();
            submit();
        }
    });
    on_cleanup(move || handle.remove());

    // The option rows. Rebuilt in place from one question to the next: a row keeps its
    // elements and only the value, number or words that differ change.
    let rows = Memo::new(move |_| {
        screen.with(|s| {
            s.as_ref()
                .map(|s| (rows_of(s), s.kind == Kind::Multiple))
                .unwrap_or_default()
        })
    });
    let rows = move || {
        let (rows, checkbox) = rows.get();
        rows.into_iter()
            .map(|row| view! { <OptionRow row checkbox draft pick/> })
            .collect_view()
    };
    let options_class = move || {
        screen.with(|s| match s.as_ref().map(|s| s.kind) {
            Some(Kind::Scale) => "options scale",
            Some(Kind::Multiple) => "options checklist",
            _ => "options",
        })
    };
    let pending = move || draft.get().pending.is_some();
    let lost = move || {
        draft
            .get()
            .pending
            .map(|(_, lost)| lost)
            .unwrap_or_default()
    };

    view! {
        <section class="page question">
            // Built once and hidden until an answer raises a red flag; while hidden it is laid
            // out unseen (`data-off`, see the style sheet), so showing it costs little.
            // Urgent help (above every screen) already gives the numbers when she is in danger.
            <div class="banner" data-off=move || !flag(|s| s.red_flag)() || app.danger.get() || app.crisis.get()>
                <SafetyPanel compact=true/>
            </div>
            <div class="progress">
                <p class="section">{read(|s| s.section.clone())}</p>
                <progress
                    max="100"
                    aria-label="Progress through the check-in"
                    value=read(|s| s.progress.percent.to_string())
                ></progress>
                <p class="left">{read(left_words)}</p>
            </div>
            <form
                on:submit=move |ev| {
                    ev.prevent_default();
                    submit();
                }
                novalidate
            >
                <fieldset aria-describedby="q-help">
                    <legend>
                        <h1 tabindex="-1" node_ref=heading>{read(|s| s.text.clone())}</h1>
                    </legend>
                    <p id="q-help" class="help">{read(help_words)}</p>
                    <div class=options_class>{rows}</div>
                </fieldset>
                <p class="problem" role="alert">{move || draft.get().problem}</p>
                <Show when=pending>
                    <Confirm
                        id="discard"
                        title="Changing this answer clears some later answers"
                        yes="Change my answer"
                        no="Keep my earlier answer"
                        no_ref=keep
                        on_yes=change
                        on_no=move || draft.update(|d| d.pending = None)
                    >
                        <p>
                            "These questions no longer apply after this change, so their answers will be cleared:"
                        </p>
                        <ul>
                            {move || {
                                lost().into_iter().map(|t| view! { <li>{t}</li> }).collect_view()
                            }}
                        </ul>
                    </Confirm>
                </Show>
                <div class="row nav">
                    <button
                        type="button"
                        class="secondary"
                        hidden=move || !flag(|s| s.can_go_back)()
                        on:click=back
                    >
                        "Back"
                    </button>
                    <button type="submit" class="primary">"Continue"</button>
                </div>
                <p class="keys">"Tip: press a number key to choose, Enter to continue."</p>
            </form>
        </section>
    }
}

/// One option: a radio button or check-box, its number key and its words. Whether it is
/// ticked always follows the draft (number keys, "none of these", a new question).
#[component]
fn OptionRow(
    row: Row,
    /// Check-boxes (several answers) rather than radio buttons.
    checkbox: bool,
    draft: Drafting,
    /// Chooses (or, on a checklist, toggles) the option with this value.
    pick: impl Fn(&str) + Copy + 'static,
) -> impl IntoView {
    let Row { value, key, label } = row;
    let decline = value == DECLINED;
    let shown = value.clone();
    let picked = value.clone();
    view! {
        <label class=if decline { "option decline" } else { "option" }>
            <input
                type=if checkbox { "checkbox" } else { "radio" }
                name="answer"
                value=value
                prop:checked=move || draft.get().shows(&shown)
                on:change=move |_| pick(&picked)
            />
            <span class="key" aria-hidden="true">{key}</span>
            <span class="label">{label}</span>
        </label>
    }
}

/// How many questions are left, in words.
fn left_words(s: &QuestionScreen) -> String {
    let p = s.progress;
    if p.max_left <= 1 {
        "This is the last question.".to_string()
    } else if p.min_left == p.max_left {
        format!("About {} questions left.", p.max_left)
    } else {
        format!("About {}–{} questions left.", p.min_left, p.max_left)
    }
}

/// Where she is, for the live region: "Question 3. About 9–12 questions left." (the question's
/// own words are read from its heading, which gets the focus).
fn position_words(s: &QuestionScreen) -> String {
    format!("Question {}. {}", s.progress.answered + 1, left_words(s))
}

/// The hint under the question.
fn help_words(s: &QuestionScreen) -> String {
    if s.kind == Kind::Multiple {
        format!("{} Tick all that apply.", s.help)
    } else {
        s.help.clone()
    }
}

/// One option row: its input's value, its number key and its words.
#[derive(Clone, Debug, PartialEq, Default)]
struct Row {
    value: String,
    key: String,
    label: String,
}

/// The rows of a question: its options, then "prefer not to say" where offered.
fn rows_of(s: &QuestionScreen) -> Vec<Row> {
    let mut rows: Vec<Row> = s
        .options
        .iter()
        .enumerate()
        .map(|(i, o)| Row {
            value: o.id.clone(),
            key: if i < 9 {
                (i + 1).to_string()
            } else {
                String::new()
            },
            label: o.label.clone(),
        })
        .collect();
    if s.prefer_not_to_say {
        rows.push(Row {
            value: DECLINED.into(),
            key: String::new(),
            label: "Prefer not to say".into(),
        });
    }
    rows
}
