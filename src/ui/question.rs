//! One question per screen: the section, the question as the group's legend, its options as
//! real radio buttons or check-boxes, "prefer not to say" where offered, Back and Continue,
//! honest progress, and a warning before a change clears later answers.

use super::html::{action, focus_heading, Html};
use super::route::{use_nav, Page};
use super::safety::safety_html;
use super::state::use_app;
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
                // Set only when it changes: every write wakes what reads it.
                if !app.started.get_untracked() {
                    app.started.set(true);
                }
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
    // The safety banner is drawn once, hidden, and shown after a red-flag answer.
    let head = {
        let mut h = Html::new();
        h.raw(r#"<div class="banner" data-off>"#);
        safety_html(&mut h, app.q, true, &[]);
        h.raw("</div>").raw(HEAD);
        h.done()
    };
    let kind = move || screen.with_untracked(|s| s.as_ref().map_or(Kind::Single, |s| s.kind));

    // A new question (or a new saved answer): redraw what differs and start a fresh draft.
    let mut drawn = Drawn::default();
    Effect::new(move |_| {
        let Some(s) = screen.get() else { return };
        let Some(page) = page.get() else { return };
        if drawn.els.is_none() {
            drawn.els = Els::find(&page);
        }
        let Some(els) = drawn.els.clone() else { return };
        let parts = question_parts(&s);
        // The banner, while not needed, is laid out unseen out of the flow (`data-off`, see
        // the style sheet), so showing it does not mean shaping all its text at that moment.
        for (el, off, show, last) in [
            (&els.banner, "data-off", s.red_flag, &mut drawn.banner),
            (&els.back, "hidden", s.can_go_back, &mut drawn.back),
        ] {
            if *last != Some(show) {
                let _ = el.toggle_attribute_with_force(off, !show);
                *last = Some(show);
            }
        }
        // The heading and the other texts change in place: the heading keeps the focus it
        // was given (replacing a focused element costs the browser an extra style pass).
        for (el, text, last) in [
            (&els.section, &s.section, &mut drawn.section),
            (&els.left, &parts.left, &mut drawn.left),
            (&els.title, &s.text, &mut drawn.title),
            (&els.help, &parts.help, &mut drawn.help),
        ] {
            if last != text {
                set_text(el, text);
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
        patch_rows(options, parts.rows, parts.checkbox, &mut drawn);
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
            <div inner_html=head></div>
            <form node_ref=form on:submit=on_submit on:change=on_change on:click=on_click novalidate>
                <fieldset aria-describedby="q-help" inner_html=FIELDS></fieldset>
                <p class="problem" role="alert">{move || draft.with(|d| d.problem.clone())}</p>
                <div inner_html=move || confirm().unwrap_or_default()></div>
                <div class="row nav" inner_html=BUTTONS></div>
                <p class="keys">"Tip: press a number key to choose, Enter to continue."</p>
            </form>
        </section>
    }
}

/// The parts of the form that stay from one question to the next (filled in by `Drawn`).
const HEAD: &str = r#"<div class="progress"><p class="section"></p><progress max="100" aria-label="Progress through the check-in"></progress><p class="left"></p></div>"#;
const BUTTONS: &str = r#"<button type="button" class="secondary" data-act="back" hidden>Back</button><button type="submit" class="primary">Continue</button>"#;
const FIELDS: &str = r#"<legend><h1 tabindex="-1"></h1></legend><p id="q-help" class="help"></p><div class="options"></div>"#;

/// The elements of the banner, [`HEAD`], [`FIELDS`] and [`BUTTONS`] that change.
#[derive(Clone)]
struct Els {
    banner: web_sys::Element,
    back: web_sys::Element,
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
            banner: find(".banner")?,
            back: find(r#"[data-act="back"]"#)?,
            section: find(".progress .section")?,
            bar: find(".progress progress")?,
            left: find(".progress .left")?,
            title: find("legend h1")?,
            help: find("#q-help")?,
            options: find("fieldset .options")?,
        })
    }
}

/// What is on screen now, as last drawn.
#[derive(Default)]
struct Drawn {
    els: Option<Els>,
    banner: Option<bool>,
    back: Option<bool>,
    section: String,
    percent: Option<u8>,
    left: String,
    title: String,
    help: String,
    rows: Vec<Row>,
    checkbox: bool,
}

/// Sets the text of an element that holds only text. The text node already there is changed
/// rather than replaced: a new node would need its style worked out and a new layout
/// object, while changed text only needs laying out again.
fn set_text(el: &web_sys::Element, text: &str) {
    match el.first_child() {
        Some(node)
            if !text.is_empty()
                && node.node_type() == web_sys::Node::TEXT_NODE
                && node.next_sibling().is_none() =>
        {
            node.set_node_value(Some(text))
        }
        _ => el.set_text_content((!text.is_empty()).then_some(text)),
    }
}

/// A question screen's texts and markup pieces.
struct Parts {
    /// How many questions are left, in words.
    left: String,
    /// The hint under the question.
    help: String,
    /// The options' container class.
    options_class: &'static str,
    /// One row per option, then "prefer not to say".
    rows: Vec<Row>,
    /// Whether the rows are check-boxes (several answers) rather than radio buttons.
    checkbox: bool,
}

fn question_parts(screen: &QuestionScreen) -> Parts {
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
    let mut rows: Vec<Row> = screen
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
    if screen.prefer_not_to_say {
        rows.push(Row {
            value: DECLINED.into(),
            key: String::new(),
            label: "Prefer not to say".into(),
        });
    }

    Parts {
        left,
        help,
        options_class: match screen.kind {
            Kind::Scale => "options scale",
            Kind::Multiple => "options checklist",
            Kind::Single => "options",
        },
        rows,
        checkbox: screen.kind == Kind::Multiple,
    }
}

/// One option row: its input's value, its number key and its label. Which boxes are ticked
/// is not part of it: the draft sets that.
#[derive(Clone, Debug, PartialEq, Default)]
struct Row {
    value: String,
    key: String,
    label: String,
}

/// The markup of a new row.
fn row_html(h: &mut Html, row: &Row, checkbox: bool) {
    h.raw(if row.value == DECLINED {
        r#"<label class="option decline">"#
    } else {
        r#"<label class="option">"#
    })
    .raw(if checkbox {
        r#"<input type="checkbox" name="answer" value=""#
    } else {
        r#"<input type="radio" name="answer" value=""#
    })
    .text(&row.value)
    .raw(r#""><span class="key" aria-hidden="true">"#)
    .text(&row.key)
    .raw(r#"</span><span class="label">"#)
    .text(&row.label)
    .raw("</span></label>");
}

/// Makes the option rows in `parent` show `rows`. Rows already on screen are kept and only
/// the value, number or words that differ are changed; more rows are copies of the last one,
/// changed the same way. So no markup is parsed after the first question, and the browser
/// restyles and lays out only what changed.
fn patch_rows(parent: &web_sys::Element, rows: Vec<Row>, checkbox: bool, drawn: &mut Drawn) {
    let children = parent.children();
    if drawn.rows.is_empty() {
        let mut h = Html::new();
        for row in &rows {
            row_html(&mut h, row, checkbox);
        }
        let _ = parent.insert_adjacent_html("beforeend", &h.done());
        drawn.rows = rows;
        drawn.checkbox = checkbox;
        return;
    }
    while drawn.rows.len() > rows.len() {
        drawn.rows.pop();
        if let Some(el) = children.item(drawn.rows.len() as u32) {
            el.remove();
        }
    }
    while drawn.rows.len() < rows.len() {
        let last = children.item(drawn.rows.len() as u32 - 1);
        if let Some(copy) = last.and_then(|el| el.clone_node_with_deep(true).ok()) {
            let _ = parent.append_child(&copy);
        }
        drawn.rows.push(drawn.rows[drawn.rows.len() - 1].clone());
    }
    let retype = checkbox != drawn.checkbox;
    for (i, (new, old)) in rows.iter().zip(&drawn.rows).enumerate() {
        if new == old && !retype {
            continue;
        }
        let Some(label) = children.item(i as u32) else {
            continue;
        };
        let input = label.first_element_child();
        let key = input.as_ref().and_then(|e| e.next_element_sibling());
        let words = key.as_ref().and_then(|e| e.next_element_sibling());
        let (Some(input), Some(key), Some(words)) = (input, key, words) else {
            continue;
        };
        if retype {
            let _ = input.set_attribute("type", if checkbox { "checkbox" } else { "radio" });
        }
        if new.value != old.value {
            let _ = input.set_attribute("value", &new.value);
            if (new.value == DECLINED) != (old.value == DECLINED) {
                label.set_class_name(if new.value == DECLINED {
                    "option decline"
                } else {
                    "option"
                });
            }
        }
        if new.key != old.key {
            set_text(&key, &new.key);
        }
        if new.label != old.label {
            set_text(&words, &new.label);
        }
    }
    drawn.rows = rows;
    drawn.checkbox = checkbox;
}
