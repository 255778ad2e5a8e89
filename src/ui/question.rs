//! One question per screen: the section, the question as the group's legend, its options as
//! real radio buttons or check-boxes, "prefer not to say" where offered, Back and Continue,
//! honest progress, and a warning before a change clears later answers.

use super::html::{action, focus_heading, Html};
use super::route::{use_nav, Page};
use super::safety::safety_html;
use super::state::{use_app, AppState};
use crate::engine::answer::DECLINED;
use crate::engine::model::Kind;
use crate::engine::session::QuestionScreen;
use crate::engine::{Answer, Screen};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

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
    // Keyed by question and its saved answer: each question (and an answer that arrives from
    // another tab) gets a fresh form and draft, never one patched in place from the last.
    let screen = Memo::new_with_compare(
        move |_| match app.screen() {
            Screen::Question(s) if s.id == id.get() => Some(s),
            _ => None,
        },
        |old, new| form_key(old) != form_key(new),
    );
    move || screen.get().map(|s| view! { <QuestionForm screen=s/> })
}

/// What makes a question screen need a fresh form: the question, and its saved answer.
fn form_key(screen: Option<&Option<QuestionScreen>>) -> Option<(&str, Vec<&str>, bool)> {
    let s = screen?.as_ref()?;
    let chosen = s
        .options
        .iter()
        .filter(|o| o.chosen)
        .map(|o| o.id.as_str())
        .collect();
    Some((s.id.as_str(), chosen, s.declined))
}

/// The form's state: the answer being built on screen, a problem to show, and a change
/// waiting for confirmation (with the later answers it would clear). One signal, not three:
/// each signal type costs code in the wasm.
#[derive(Clone, Debug, PartialEq, Default)]
struct Draft {
    chosen: Vec<String>,
    declined: bool,
    problem: Option<String>,
    pending: Option<(Answer, Vec<String>)>,
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

/// The form for one question. Its markup is built as text (see `html.rs`); one handler per
/// event kind reads which control was used.
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
        ..Draft::default()
    });
    let form = NodeRef::<leptos::html::Form>::new();
    let number = screen.progress.answered + 1;
    let announce = format!("Question {number}: {}", screen.text);
    Effect::new(move |_| {
        focus_heading();
        app.announce.set(announce.clone());
    });

    let exclusive: Vec<String> = screen
        .options
        .iter()
        .filter(|o| o.exclusive)
        .map(|o| o.id.clone())
        .collect();
    let choose = move |id: String| {
        draft.update(|d| {
            d.problem = None;
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
        draft.update(|d| {
            d.problem = None;
            d.declined = !d.declined || kind != Kind::Multiple;
            d.chosen.clear();
        })
    };
    // The boxes and buttons on screen always show the draft (number keys, "none of these").
    Effect::new(move |_| {
        let d = draft.get();
        let Some(inputs) = form
            .get()
            .and_then(|f| f.query_selector_all("fieldset input").ok())
        else {
            return;
        };
        for i in 0..inputs.length() {
            if let Some(input) = inputs
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                let v = input.value();
                input.set_checked(if v == DECLINED {
                    d.declined
                } else {
                    d.chosen.contains(&v)
                });
            }
        }
    });

    let commit = move |answer: Answer| match app.answer(answer) {
        Ok(to) => nav.go(&to),
        Err(e) => draft.update(|d| d.problem = Some(e)),
    };
    let submit = move || {
        let Some(answer) = draft.get_untracked().answer(kind) else {
            draft.update(|d| d.problem = Some("Choose an answer to continue, or go back.".into()));
            return;
        };
        let lost = app.would_discard(&answer);
        if lost.is_empty() {
            commit(answer);
        } else {
            draft.update(|d| d.pending = Some((answer, lost)));
        }
    };

    // Keyboard: number keys choose an option, Enter continues.
    let option_ids: Vec<String> = screen.options.iter().map(|o| o.id.clone()).collect();
    let keys_choose = choose.clone();
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key()
            || ev.meta_key()
            || ev.alt_key()
            || draft.with_untracked(|d| d.pending.is_some())
        {
            return;
        }
        let tag = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
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
            submit();
        }
    });
    on_cleanup(move || handle.remove());

    let on_change = move |ev: leptos::ev::Event| {
        if let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            let v = input.value();
            if v == DECLINED {
                decline();
            } else {
                choose(v);
            }
        }
    };
    let on_click = move |ev: leptos::ev::MouseEvent| match action(&ev) {
        Some((act, _)) if act == "back" => {
            if let Some(to) = app.back() {
                nav.go(&to);
            }
        }
        Some((act, _)) if act == "change" => {
            let mut answer = None;
            draft.update(|d| answer = d.pending.take().map(|(a, _)| a));
            if let Some(answer) = answer {
                commit(answer);
            }
        }
        Some((act, _)) if act == "keep" => draft.update(|d| d.pending = None),
        _ => {}
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submit();
    };
    let (head, fields, buttons) = question_html(app, &screen);
    let confirm = move || {
        draft.with(|d| {
            d.pending.as_ref().map(|(_, lost)| {
                let mut h = Html::new();
                h.raw(r#"<div class="confirm" role="alertdialog" aria-labelledby="discard-title"><h2 id="discard-title">Changing this answer clears some later answers</h2><p>These questions no longer apply after this change, so their answers will be cleared:</p><ul>"#);
                for t in lost {
                    h.raw("<li>").text(t).raw("</li>");
                }
                h.raw(r#"</ul><div class="row"><button type="button" class="primary" data-act="change">Change my answer</button><button type="button" class="secondary" data-act="keep">Keep my earlier answer</button></div></div>"#);
                h.done()
            })
        })
    };
    view! {
        <section class="page question">
            <div inner_html=head></div>
            <form node_ref=form on:submit=on_submit on:change=on_change on:click=on_click novalidate>
                <fieldset aria-describedby="q-help" inner_html=fields></fieldset>
                <p class="problem" role="alert">{move || draft.with(|d| d.problem.clone())}</p>
                <div inner_html=move || confirm().unwrap_or_default()></div>
                <div class="row nav" inner_html=buttons></div>
                <p class="keys">"Tip: press a number key to choose, Enter to continue."</p>
            </form>
        </section>
    }
}

/// The question screen's markup: what is above the form, the fieldset's content, and the
/// Back / Continue buttons.
fn question_html(app: AppState, screen: &QuestionScreen) -> (String, String, String) {
    let mut h = Html::new();
    if screen.red_flag {
        safety_html(&mut h, app.q, true, &[]);
    }
    let p = screen.progress;
    h.raw(r#"<div class="progress"><p class="section">"#)
        .text(&screen.section)
        .raw(r#"</p><progress max="100" aria-label="Progress through the check-in" value=""#)
        .num(p.percent as i64)
        .raw(r#""></progress><p class="left">"#);
    if p.max_left <= 1 {
        h.raw("This is the last question.");
    } else if p.min_left == p.max_left {
        h.raw("About ")
            .num(p.max_left as i64)
            .raw(" questions left.");
    } else {
        h.raw("About ")
            .num(p.min_left as i64)
            .raw("–")
            .num(p.max_left as i64)
            .raw(" questions left.");
    }
    h.raw("</p></div>");
    let head = h.done();

    let input_type = if screen.kind == Kind::Multiple {
        r#"<input type="checkbox" name=""#
    } else {
        r#"<input type="radio" name=""#
    };
    h.raw(r#"<legend><h1 tabindex="-1">"#)
        .text(&screen.text)
        .raw(r#"</h1></legend><p id="q-help" class="help">"#)
        .text(&screen.help)
        .raw(if screen.kind == Kind::Multiple {
            " Tick all that apply."
        } else {
            " "
        })
        .raw(match screen.kind {
            Kind::Scale => r#"</p><div class="options scale">"#,
            Kind::Multiple => r#"</p><div class="options checklist">"#,
            Kind::Single => r#"</p><div class="options">"#,
        });
    for (i, o) in screen.options.iter().enumerate() {
        h.raw(r#"<label class="option">"#)
            .raw(input_type)
            .text(&screen.id)
            .raw(r#"" value=""#)
            .text(&o.id)
            .raw(if o.chosen { r#"" checked>"# } else { r#"">"# })
            .raw(r#"<span class="key" aria-hidden="true">"#);
        if i < 9 {
            h.num(i as i64 + 1);
        }
        h.raw(r#"</span><span class="label">"#)
            .text(&o.label)
            .raw("</span></label>");
    }
    if screen.prefer_not_to_say {
        h.raw(r#"<label class="option decline">"#)
            .raw(input_type)
            .text(&screen.id)
            .raw(r#"" value=""#)
            .raw(DECLINED)
            .raw(if screen.declined { r#"" checked>"# } else { r#"">"# })
            .raw(r#"<span class="key" aria-hidden="true"></span><span class="label">Prefer not to say</span></label>"#);
    }
    h.raw("</div>");
    let fields = h.done();

    if screen.can_go_back {
        h.raw(r#"<button type="button" class="secondary" data-act="back">Back</button>"#);
    }
    h.raw(r#"<button type="submit" class="primary">Continue</button>"#);
    (head, fields, h.done())
}
