//! Changing words where she sees them: with "Change words on the screen" on, a click on a
//! question's text or hint, an option's label, an article's summary or one of its steps opens a
//! box over it with those words; Enter (or Apply) writes them into the right place of the right
//! file (`author::edit`, which keeps her comments and layout), the editor shows the change
//! (not saved yet), and the preview follows.

use super::{check_now, files, use_studio, Studio};
use author::edit::{set_words, words_at, Words};
use engine::Questionnaire;
use leptos::prelude::*;
use reader::ui::route::Page;
use reader::ui::state::AppState;
use wasm_bindgen::JsCast;

/// Words being changed on the preview's screen, and where the box sits over them.
#[derive(Clone, Debug)]
pub struct Editing {
    /// Where the words are written.
    pub target: Words,
    /// The words now, as written in her file.
    pub words: String,
    /// What was clicked (the focus goes back there when she cancels).
    pub clicked: web_sys::HtmlElement,
    /// The box's place in the screen (px from its top and left) and width.
    pub top: f64,
    pub left: f64,
    pub width: f64,
}

/// What she clicked on the preview's screen, if it is words she can change here. Only reads
/// which element was clicked and where it is; the screen itself is left alone.
pub fn clicked(
    ev: &leptos::ev::MouseEvent,
    app: AppState,
    q: &Questionnaire,
    screen: &web_sys::Element,
) -> Option<Editing> {
    let el = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let near = |selector: &str| el.closest(selector).ok().flatten();
    let (target, words, over) = match app.nav.page.get_untracked() {
        Page::Question => {
            let id = app.session.with_untracked(|s| match s.position() {
                engine::Position::Question(id) => Some(id.clone()),
                engine::Position::Results => None,
            })?;
            let question = q.file().questions.iter().find(|x| *x.id == *id)?;
            if let Some(label) = near("label.option") {
                let option = label
                    .dyn_ref::<web_sys::HtmlLabelElement>()?
                    .control()?
                    .dyn_into::<web_sys::HtmlInputElement>()
                    .ok()?
                    .value();
                let found = question.options.iter().find(|o| *o.id == *option)?;
                (
                    Words::OptionLabel {
                        question: id.clone(),
                        option,
                    },
                    found.label.to_string(),
                    label,
                )
            } else if let Some(h1) = near(".question h1") {
                (
                    Words::QuestionText { question: id },
                    question.text.to_string(),
                    h1,
                )
            } else if let Some(help) = near(".question p.help") {
                (
                    Words::QuestionHelp { question: id },
                    question.help.clone(),
                    help,
                )
            } else {
                return None;
            }
        }
        Page::Article => {
            let id = app.nav.id.get_untracked();
            let article = q.article(&id)?;
            if let Some(lead) = near(".article p.lead") {
                (
                    Words::Summary { article: id },
                    article.summary.clone(),
                    lead,
                )
            } else if let Some(item) = near(".article ol > li") {
                let mut index = 0;
                let mut before = item.previous_element_sibling();
                while let Some(el) = before {
                    index += 1;
                    before = el.previous_element_sibling();
                }
                let step = article.steps.get(index)?;
                (Words::Step { article: id, index }, step.text.clone(), item)
            } else {
                return None;
            }
        }
        _ => return None,
    };
    // The words as her file has them now (the preview may be a moment behind her typing).
    let words = words_at(&files::sources(use_studio()), &target).unwrap_or(words);
    let at = over.get_bounding_client_rect();
    let frame = screen.get_bounding_client_rect();
    Some(Editing {
        target,
        words,
        clicked: over.dyn_into::<web_sys::HtmlElement>().ok()?,
        top: at.top() - frame.top(),
        left: at.left() - frame.left(),
        width: at.width().max(160.0),
    })
}

/// The words on the screen shown that she can change, for the keyboard: what each is, and
/// where it is written.
fn on_screen(app: AppState, q: &Questionnaire) -> Vec<(String, Words)> {
    match app.nav.page.get() {
        Page::Question => {
            let Some(id) = app.session.with(|s| match s.position() {
                engine::Position::Question(id) => Some(id.clone()),
                engine::Position::Results => None,
            }) else {
                return Vec::new();
            };
            let Some(question) = q.file().questions.iter().find(|x| *x.id == *id) else {
                return Vec::new();
            };
            let mut list = vec![
                (
                    "The question".to_string(),
                    Words::QuestionText {
                        question: id.clone(),
                    },
                ),
                (
                    "Its hint".to_string(),
                    Words::QuestionHelp {
                        question: id.clone(),
                    },
                ),
            ];
            list.extend(question.options.iter().map(|o| {
                (
                    format!("Option: {}", o.label),
                    Words::OptionLabel {
                        question: id.clone(),
                        option: o.id.to_string(),
                    },
                )
            }));
            list
        }
        Page::Article => {
            let id = app.nav.id.get();
            let Some(article) = q.article(&id) else {
                return Vec::new();
            };
            let mut list = vec![(
                "The summary".to_string(),
                Words::Summary {
                    article: id.clone(),
                },
            )];
            list.extend(article.steps.iter().enumerate().map(|(index, step)| {
                let short: String = step.text.chars().take(40).collect();
                (
                    format!("Step {}: {short}", index + 1),
                    Words::Step {
                        article: id.clone(),
                        index,
                    },
                )
            }));
            list
        }
        _ => Vec::new(),
    }
}

/// The same words as buttons beside the screen, so the keyboard reaches them too; each opens
/// the box at the top of the screen.
#[component]
pub fn WordsHere(
    app: AppState,
    q: std::sync::Arc<Questionnaire>,
    editing: RwSignal<Option<Editing>>,
) -> impl IntoView {
    let studio = use_studio();
    let list = move || {
        on_screen(app, &q)
            .into_iter()
            .map(|(label, target)| {
                let open = move |ev: leptos::ev::MouseEvent| {
                    if studio.analysis.with_untracked(|a| a.stale) {
                        studio.status.set("Fix the problem first: the preview shows the last version without errors, so its words cannot be changed here.".into());
                        return;
                    }
                    let Some(button) = ev
                        .current_target()
                        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
                    else {
                        return;
                    };
                    let words =
                        words_at(&files::sources(studio), &target).unwrap_or_default();
                    editing.set(Some(Editing {
                        target: target.clone(),
                        words,
                        clicked: button,
                        top: 0.0,
                        left: 0.0,
                        width: 320.0,
                    }));
                };
                view! { <li><button type="button" class="link" on:click=open>{label}</button></li> }
            })
            .collect_view()
    };
    view! {
        <div class="words-here">
            <h2>"Words on this screen"</h2>
            <ul>{list}</ul>
        </div>
    }
}

/// Writes her words into her file (not saved yet), shows the change in the editor, and
/// checks again so the preview follows.
fn apply(studio: Studio, target: &Words, words: &str) -> Result<(), String> {
    let sources = files::sources(studio);
    let changed = set_words(&sources, target, words)?;
    let path = sources
        .get(changed.source)
        .map(|s| s.path.clone())
        .unwrap_or_default();
    files::typed(studio, path.clone(), changed.text);
    files::show(studio, &path);
    files::open_at(studio, &path, changed.line, 1, false);
    check_now(studio, false);
    studio.status.set(format!(
        "Changed {} in {} (not saved yet: Save or Ctrl+S keeps it).",
        target.name(),
        super::pane::short_path(&path)
    ));
    Ok(())
}

/// The box over the words she is changing.
#[component]
pub fn InPlace(editing: RwSignal<Option<Editing>>) -> impl IntoView {
    let studio = use_studio();
    move || {
        editing.get().map(|e| {
            let field = NodeRef::<leptos::html::Textarea>::new();
            field.on_load(|el| {
                let _ = el.focus();
                el.select();
            });
            let words = RwSignal::new(e.words.clone());
            let problem = RwSignal::new(String::new());
            let target = e.target.clone();
            let done = move || {
                let target = target.clone();
                match apply(studio, &target, &words.get_untracked()) {
                    Ok(()) => editing.set(None),
                    Err(m) => problem.set(m),
                }
            };
            let back = e.clicked.clone();
            let cancel = move || {
                editing.set(None);
                let _ = back.focus();
            };
            let keys = {
                let done = done.clone();
                let cancel = cancel.clone();
                move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
                    "Enter" if !ev.shift_key() => {
                        ev.prevent_default();
                        done();
                    }
                    "Escape" => {
                        ev.prevent_default();
                        cancel();
                    }
                    _ => {}
                }
            };
            let label = format!("Change {}", e.target.name());
            let named = label.clone();
            view! {
                <div
                    class="inplace"
                    role="group"
                    aria-label=named
                    style:top=format!("{:.0}px", e.top)
                    style:left=format!("{:.0}px", e.left)
                    style:width=format!("{:.0}px", e.width)
                    on:click=|ev| ev.stop_propagation()
                >
                    <textarea
                        node_ref=field
                        rows="3"
                        aria-label=label
                        prop:value=move || words.get()
                        on:input=move |ev| words.set(event_target_value(&ev))
                        on:keydown=keys
                    ></textarea>
                    <p class="form-problem" role="alert">{move || problem.get()}</p>
                    <div class="row">
                        <button type="button" class="primary" on:click=move |_| done()>"Apply"</button>
                        <button type="button" class="secondary" on:click=move |_| cancel()>"Cancel"</button>
                        <span class="hint">"Enter applies · Esc cancels"</span>
                    </div>
                </div>
            }
        })
    }
}
