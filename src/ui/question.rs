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
    // Changes with the question and its saved answer: each question (and an answer that
    // arrives from another tab) gets a fresh draft, never one carried over from the last.
    let screen = Memo::new_with_compare(
        move |_| match app.screen() {
            Screen::Question(s) if s.id == id.get() => Some(s),
            _ => None,
        },
        |old, new| form_key(old) != form_key(new),
    );
    // One form for the whole run of questions: moving on replaces only the parts of the
    // screen that differ (see `QuestionForm`).
    let shown = Memo::new(move |_| screen.with(Option::is_some));
    move || shown.get().then(|| view! { <QuestionForm screen/> })
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

/// The question form, kept on screen from one question to the next. Its markup is built as
/// text (see `html.rs`) in small pieces, and moving on replaces only the pieces that changed
/// (the heading, the progress, options whose wording differs): re-creating the whole form
/// for every question was most of the time a transition took. One handler per event kind
/// reads which control was used.
#[component]
fn QuestionForm(
    /// What the engine says this screen shows (always `Some` while the form exists).
    screen: Memo<Option<QuestionScreen>>,
) -> impl IntoView {
    let app = use_app();
    let nav = use_nav();
    let draft = RwSignal::new(Draft::default());
    let form = NodeRef::<leptos::html::Form>::new();
    let page = NodeRef::<leptos::html::Section>::new();
    let head = NodeRef::<leptos::html::Div>::new();
    let buttons = NodeRef::<leptos::html::Div>::new();
    let kind = move || screen.with_untracked(|s| s.as_ref().map_or(Kind::Single, |s| s.kind));

    // A new question (or a new saved answer): redraw what differs and start a fresh draft.
    let mut drawn = Drawn::default();
    Effect::new(move |_| {
        let Some(s) = screen.get() else { return };
        let (Some(page), Some(head), Some(buttons)) = (page.get(), head.get(), buttons.get())
        else {
            return;
        };
        if drawn.els.is_none() {
            drawn.els = Els::find(&page);
        }
        let Some(els) = drawn.els.clone() else { return };
        let parts = question_parts(app, &s);
        patch(&head, parts.banner, &mut drawn.banner);
        // The heading and the other texts change in place: the heading keeps the focus it
        // was given (replacing a focused element costs the browser an extra style pass).
        for (el, text, last) in [
            (&els.section, &s.section, &mut drawn.section),
            (&els.left, &parts.left, &mut drawn.left),
            (&els.title, &s.text, &mut drawn.title),
            (&els.help, &parts.help, &mut drawn.help),
        ] {
            if last != text {
                el.set_text_content(Some(text));
                text.clone_into(last);
            }
        }
        if drawn.percent != Some(s.progress.percent) {
            let _ = els
                .bar
                .set_attribute("value", &s.progress.percent.to_string());
            drawn.percent = Some(s.progress.percent);
        }
        let options = &els.options;
        options.set_class_name(parts.options_class);
        patch(options, parts.rows, &mut drawn.rows);
        patch(&buttons, parts.buttons, &mut drawn.buttons);
        draft.set(Draft {
            chosen: s
                .options
                .iter()
                .filter(|o| o.chosen)
                .map(|o| o.id.clone())
                .collect(),
            declined: s.declined,
            ..Draft::default()
        });
        focus_heading();
        app.announce
            .set(format!("Question {}: {}", s.progress.answered + 1, s.text));
    });

    let choose = move |id: String| {
        let exclusive = screen.with_untracked(|s| {
            s.as_ref()
                .is_some_and(|s| s.options.iter().any(|o| o.exclusive && o.id == id))
        });
        let kind = kind();
        draft.update(|d| {
            d.problem = None;
            d.declined = false;
            if kind == Kind::Multiple {
                let is_exclusive = |c: &String| {
                    screen.with_untracked(|s| {
                        s.as_ref()
                            .is_some_and(|s| s.options.iter().any(|o| o.exclusive && o.id == *c))
                    })
                };
                if let Some(p) = d.chosen.iter().position(|c| *c == id) {
                    d.chosen.remove(p);
                } else if exclusive {
                    d.chosen = vec![id];
                } else {
                    d.chosen.retain(|c| !is_exclusive(c));
                    d.chosen.push(id);
                }
            } else {
                d.chosen = vec![id];
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
    // The boxes and buttons on screen always show the draft (number keys, "none of these",
    // and a new question drawn into boxes that showed the last one's answer).
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
        let Some(answer) = draft.get_untracked().answer(kind()) else {
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
    let keys_choose = choose;
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
            let id = screen.with_untracked(|s| {
                s.as_ref()
                    .and_then(|s| s.options.get(n - 1))
                    .map(|o| o.id.clone())
            });
            if let Some(id) = id {
                ev.prevent_default();
                keys_choose(id);
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
        <section class="page question" node_ref=page>
            <div node_ref=head inner_html=HEAD></div>
            <form node_ref=form on:submit=on_submit on:change=on_change on:click=on_click novalidate>
                <fieldset aria-describedby="q-help" inner_html=FIELDS></fieldset>
                <p class="problem" role="alert">{move || draft.with(|d| d.problem.clone())}</p>
                <div inner_html=move || confirm().unwrap_or_default()></div>
                <div class="row nav" node_ref=buttons></div>
                <p class="keys">"Tip: press a number key to choose, Enter to continue."</p>
            </form>
        </section>
    }
}

/// The parts of the form that stay from one question to the next (filled in by `Drawn`).
const HEAD: &str = r#"<div class="progress"><p class="section"></p><progress max="100" aria-label="Progress through the check-in"></progress><p class="left"></p></div>"#;
const FIELDS: &str = r#"<legend><h1 tabindex="-1"></h1></legend><p id="q-help" class="help"></p><div class="options"></div>"#;

/// The elements of [`HEAD`] and [`FIELDS`] whose content changes.
#[derive(Clone)]
struct Els {
    section: web_sys::Element,
    bar: web_sys::Element,
    left: web_sys::Element,
    title: web_sys::Element,
    help: web_sys::Element,
    options: web_sys::Element,
}

impl Els {
    fn find(page: &web_sys::Element) -> Option<Els> {
        let find = |selector: &str| page.query_selector(selector).ok().flatten();
        Some(Els {
            section: find(".progress .section")?,
            bar: find(".progress progress")?,
            left: find(".progress .left")?,
            title: find("legend h1")?,
            help: find("#q-help")?,
            options: find("fieldset .options")?,
        })
    }
}

/// What is on screen now, as last drawn: texts, and markup pieces [`patch`] compares.
#[derive(Default)]
struct Drawn {
    els: Option<Els>,
    banner: Vec<String>,
    section: String,
    percent: Option<u8>,
    left: String,
    title: String,
    help: String,
    rows: Vec<String>,
    buttons: Vec<String>,
}

/// Makes the first element children of `parent` show `pieces` (each the markup of exactly
/// one element), replacing only those that differ from what was drawn last, adding missing
/// ones before any other children and removing extra ones.
fn patch(parent: &web_sys::Element, pieces: Vec<String>, drawn: &mut Vec<String>) {
    let children = parent.children();
    for (i, piece) in pieces.iter().enumerate() {
        if drawn.get(i) == Some(piece) {
            continue;
        }
        let here = children.item(i as u32);
        match here {
            Some(el) if i < drawn.len() => el.set_outer_html(piece),
            Some(el) => {
                let _ = el.insert_adjacent_html("beforebegin", piece);
            }
            None => {
                let _ = parent.insert_adjacent_html("beforeend", piece);
            }
        }
    }
    for _ in pieces.len()..drawn.len() {
        if let Some(el) = children.item(pieces.len() as u32) {
            el.remove();
        }
    }
    *drawn = pieces;
}

/// A question screen's texts and markup pieces.
struct Parts {
    /// The safety banner above the progress, after a red flag.
    banner: Vec<String>,
    /// How many questions are left, in words.
    left: String,
    /// The hint under the question.
    help: String,
    /// The options' container class.
    options_class: &'static str,
    /// One label per option, then "prefer not to say". Which are ticked is not in the markup:
    /// the draft sets that, so the same options on two questions are drawn once.
    rows: Vec<String>,
    /// Back (when there is somewhere to go back to) and Continue.
    buttons: Vec<String>,
}

fn question_parts(app: AppState, screen: &QuestionScreen) -> Parts {
    let mut h = Html::new();
    let mut banner = Vec::new();
    if screen.red_flag {
        safety_html(&mut h, app.q, true, &[]);
        banner.push(h.done());
    }
    let p = screen.progress;
    let left = if p.max_left <= 1 {
        "This is the last question.".to_string()
    } else if p.min_left == p.max_left {
        format!("About {} questions left.", p.max_left)
    } else {
        format!("About {}–{} questions left.", p.min_left, p.max_left)
    };
    let help = format!(
        "{}{}",
        screen.help,
        if screen.kind == Kind::Multiple {
            " Tick all that apply."
        } else {
            " "
        }
    );
    let input = if screen.kind == Kind::Multiple {
        r#"<input type="checkbox" name="answer" value=""#
    } else {
        r#"<input type="radio" name="answer" value=""#
    };
    let mut rows = Vec::new();
    for (i, o) in screen.options.iter().enumerate() {
        h.raw(r#"<label class="option">"#)
            .raw(input)
            .text(&o.id)
            .raw(r#""><span class="key" aria-hidden="true">"#);
        if i < 9 {
            h.num(i as i64 + 1);
        }
        h.raw(r#"</span><span class="label">"#)
            .text(&o.label)
            .raw("</span></label>");
        rows.push(h.done());
    }
    if screen.prefer_not_to_say {
        h.raw(r#"<label class="option decline">"#)
            .raw(input)
            .raw(DECLINED)
            .raw(r#""><span class="key" aria-hidden="true"></span><span class="label">Prefer not to say</span></label>"#);
        rows.push(h.done());
    }

    let mut buttons = Vec::new();
    if screen.can_go_back {
        buttons.push(
            r#"<button type="button" class="secondary" data-act="back">Back</button>"#.into(),
        );
    }
    buttons.push(r#"<button type="submit" class="primary">Continue</button>"#.into());
    Parts {
        banner,
        left,
        help,
        options_class: match screen.kind {
            Kind::Scale => "options scale",
            Kind::Multiple => "options checklist",
            Kind::Single => "options",
        },
        rows,
        buttons,
    }
}
