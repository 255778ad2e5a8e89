//! The preview: the reader's own screens (the app's components, fed the draft), from any
//! question, and beside them what the engine knows there.

use super::{jump, use_studio, Kept, Studio, Subject};
use author::inspect::{inspect, Inspection};
use engine::{Answer, Questionnaire, Session};
use leptos::prelude::*;
use reader::ui::article::ArticlePage;
use reader::ui::question::QuestionPage;
use reader::ui::results::ResultsPage;
use reader::ui::route::{app_link, Address, Nav, Page};
use reader::ui::safety::UrgentHelp;
use reader::ui::state::{AppState, Fetched};
use std::collections::BTreeMap;
use std::sync::Arc;

/// The preview view: rebuilt from the kept answers and place whenever her files change.
#[component]
pub fn PreviewTab() -> impl IntoView {
    let studio = use_studio();
    // The same questionnaire (a check that changed nothing the reader sees, a re-read after a
    // save) keeps the preview as it is: an open box or a half-filled form stays.
    let shown = Memo::new_with_compare(
        move |_| studio.analysis.with(|a| a.q.clone()),
        |old, new| match (old, new) {
            (Some(Some(a)), Some(Some(b))) => !Arc::ptr_eq(a, b),
            (old, new) => old.map(Option::is_some) != new.map(Option::is_some),
        },
    );
    move || {
        studio.replay.track();
        match shown.get() {
            Some(q) => view! { <Preview q/> }.into_any(),
            None => view! {
                <p class="empty">
                    "The preview appears once the files have no errors (see Problems)."
                </p>
            }
            .into_any(),
        }
    }
}

#[component]
fn Preview(q: Arc<Questionnaire>) -> impl IntoView {
    let studio = use_studio();
    let kept = studio.kept.get_value();
    let (session, restored) = Session::restore(&q, kept.answers, kept.at);
    let at = match kept.article {
        Some(id) if q.article(&id).is_some() => Address::Article(id),
        _ => Address::of(session.position()),
    };
    let nav = Nav::detached(at);
    let app = AppState::new(q.clone(), Fetched::ready(q.clone()), nav, session);
    app.started.set(true);
    app.country
        .set(reader::ui::safety::home_country(&q).unwrap_or_default());
    provide_context(app);
    if !restored.dropped.is_empty() {
        studio.status.set(format!(
            "The preview kept your place; {} answer(s) no longer fit and were dropped.",
            restored.dropped.len()
        ));
    }
    // Her place, kept for the next version of the files: written outside the reactive
    // graph (a stored value nothing tracks), so this effect wakes nothing.
    Effect::new(move |_| {
        let kept = app.session.with(|s| Kept {
            answers: s.answers().clone(),
            at: Some(s.position().clone()),
            article: (nav.page.get() == Page::Article).then(|| nav.id.get()),
        });
        studio.kept.set_value(kept);
    });
    // Words she changes in place (with "Change words on the screen" on).
    let editing = RwSignal::new(None::<super::inplace::Editing>);
    let screen = NodeRef::<leptos::html::Div>::new();
    let words_q = q.clone();
    // Links inside the reader's screens move the preview, never the studio's page.
    let follow = move |ev: leptos::ev::MouseEvent| {
        if studio.words_mode.get_untracked() {
            // While her files have errors the screen is the last version that worked, not
            // what her files say: its words are changed in the editor until they are fixed.
            if studio.analysis.with_untracked(|a| a.stale) {
                ev.prevent_default();
                studio.status.set(
                    "Fix the problem first: the preview shows the last version without errors, so its words cannot be changed here.".into(),
                );
                return;
            }
            let found = screen
                .get_untracked()
                .and_then(|el| super::inplace::clicked(&ev, app, &words_q, &el));
            if let Some(found) = found {
                ev.prevent_default();
                editing.set(Some(found));
                return;
            }
        }
        if let Some(href) = app_link(&ev).filter(|h| !h.starts_with('#')) {
            ev.prevent_default();
            match Address::parse(&href) {
                Address::Home => start_over(studio),
                at => nav.go(at),
            }
        }
    };
    let inspected = q.clone();
    let info = Memo::new(move |_| app.session.with(|s| inspect(&inspected, s.answers())));
    view! {
        <div class="preview-layout">
            <div class="preview-side">
                <Controls q=q.clone() app/>
                {
                    let q = q.clone();
                    move || studio.words_mode.get().then(|| view! { <super::inplace::WordsHere app q=q.clone() editing/> })
                }
                {move || (nav.page.get() == Page::Results).then(|| view! { <super::saving::SaveExample q=q.clone() app/> })}
                <Knows info app/>
            </div>
            <div class="phone" aria-label="The reader's screen" role="region">
                <div
                    class="phone-screen"
                    class:editing-words=move || studio.words_mode.get()
                    node_ref=screen
                    on:click=follow
                >
                    <super::inplace::InPlace editing/>
                    <UrgentHelp/>
                    {move || match nav.page.get() {
                        Page::Question => view! { <QuestionPage/> }.into_any(),
                        Page::Results => view! { <ResultsPage/> }.into_any(),
                        Page::Article => view! { <ArticlePage/> }.into_any(),
                        _ => view! {
                            <section class="page">
                                <p>"The preview starts at the first question."</p>
                                <button type="button" class="primary" on:click=move |_| start_over(studio)>
                                    "Start from the first question"
                                </button>
                            </section>
                        }
                        .into_any(),
                    }}
                </div>
            </div>
        </div>
    }
}

fn start_over(studio: Studio) {
    Kept::play(studio, BTreeMap::new());
}

/// Jumping to a question, starting over, and saving the play-through as an example.
#[component]
fn Controls(q: Arc<Questionnaire>, app: AppState) -> impl IntoView {
    let studio = use_studio();
    let questions = q
        .file()
        .questions
        .iter()
        .map(|question| {
            let id = question.id.to_string();
            let text: String = question.text.chars().take(60).collect();
            let label = format!("{id}: {text}");
            view! { <option value=Subject::Question(id).key()>{label}</option> }
        })
        .collect_view();
    let articles = q
        .file()
        .articles
        .iter()
        .map(|a| {
            let label = format!("article: {}", a.title);
            view! { <option value=Subject::Article(a.id.clone()).key()>{label}</option> }
        })
        .collect_view();
    let current = move || {
        let here = match app.nav.page.get() {
            Page::Article => Subject::Article(app.nav.id.get()),
            _ => app.session.with(|s| Subject::of_position(s.position())),
        };
        here.key()
    };
    view! {
        <div class="controls">
            <label>
                "Preview from "
                <select
                    prop:value=current
                    on:change=move |ev| jump(studio, Subject::from_key(&event_target_value(&ev)))
                >
                    {questions}
                    <option value=Subject::Results.key()>"Results"</option>
                    {articles}
                </select>
            </label>
            <label class="words-mode">
                <input
                    type="checkbox"
                    prop:checked=move || studio.words_mode.get()
                    on:change=move |ev| studio.words_mode.set(event_target_checked(&ev))
                />
                " Change words on the screen (click a question, hint, option, summary or step)"
            </label>
            <div class="row">
                <button type="button" class="secondary" on:click=move |_| start_over(studio)>
                    "Start over"
                </button>
                <button
                    type="button"
                    class="secondary"
                    on:click=move |_| {
                        let here = match app.nav.page.get_untracked() {
                            Page::Article => Subject::Article(app.nav.id.get_untracked()),
                            _ => app.session.with_untracked(|s| Subject::of_position(s.position())),
                        };
                        super::pane::edit(studio, &here, true);
                    }
                >
                    "Edit this in the file"
                </button>
            </div>
        </div>
    }
}

/// What the engine knows at the previewed place.
#[component]
fn Knows(info: Memo<Inspection>, app: AppState) -> impl IntoView {
    let path = move || {
        let here = app.session.with(|s| match s.position() {
            engine::Position::Question(id) => id.clone(),
            engine::Position::Results => String::new(),
        });
        info.with(|i| {
            i.path
                .iter()
                .map(|id| {
                    let current = *id == here;
                    let answer = app.session.with(|s| match s.answers().get(id) {
                        Some(Answer::Choice(c)) => format!(" = {c}"),
                        Some(Answer::Choices(cs)) => format!(" = [{}]", cs.join(", ")),
                        Some(Answer::Declined) => " = prefer not to say".into(),
                        None => String::new(),
                    });
                    view! {
                        <li class:current=current aria-current=current.then_some("step")>
                            <code>{id.clone()}</code>{answer}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let scores = move || {
        info.with(|i| {
            i.scores
                .iter()
                .map(|s| {
                    view! {
                        <tr>
                            <th scope="row">{s.label.clone()}</th>
                            <td>{s.score}</td>
                            <td>{s.band.clone().unwrap_or_else(|| "no band".into())}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let flags = move || {
        info.with(|i| {
            if i.red_flags.is_empty() {
                "None.".to_string()
            } else {
                format!(
                    "{}{}",
                    i.red_flags.join("; "),
                    if i.danger {
                        " (a sign of serious danger: urgent help on top)"
                    } else {
                        ""
                    }
                )
            }
        })
    };
    let leading = move || {
        info.with(|i| match i.ranked.first() {
            None => view! { <p>"No article yet: no rule holds."</p> }.into_any(),
            Some(first) => {
                let reasons = first
                    .reasons
                    .iter()
                    .map(|r| view! { <li>{r.clone()}</li> })
                    .collect_view();
                let others = i
                    .ranked
                    .iter()
                    .skip(1)
                    .map(|r| format!("{} ({})", r.id, r.weight))
                    .collect::<Vec<_>>()
                    .join(", ");
                view! {
                    <p>
                        <strong>{first.title.clone()}</strong>
                        " ("<code>{first.id.clone()}</code>", weight "{first.weight}")"
                    </p>
                    <p>"Because:"</p>
                    <ul>{reasons}</ul>
                    <p class="hint">{if others.is_empty() { "No other article.".to_string() } else { format!("Then: {others}") }}</p>
                }
                .into_any()
            }
        })
    };
    let rules = move || {
        info.with(|i| {
            let holding: Vec<_> = i.rules.iter().filter(|r| r.holds).collect();
            let count = format!("{} of {} rules hold", holding.len(), i.rules.len());
            let items = holding
                .into_iter()
                .map(|r| {
                    view! {
                        <li><code>{r.article.clone()}</code>" +"{r.weight}": "{r.when.clone()}</li>
                    }
                })
                .collect_view();
            view! { <p>{count}</p><ul class="rules">{items}</ul> }
        })
    };
    view! {
        <div class="knows" aria-label="What the engine knows here" role="region">
            <h2>"What the engine knows here"</h2>
            <h3>"Path so far"</h3>
            <ol class="path">{path}</ol>
            <h3>"Scores"</h3>
            <table class="scores">
                <thead><tr><th scope="col">"Dimension"</th><th scope="col">"Score"</th><th scope="col">"Band"</th></tr></thead>
                <tbody>{scores}</tbody>
            </table>
            <h3>"Red flags"</h3>
            <p>{flags}</p>
            <h3>"Leading article"</h3>
            {leading}
            <h3>"Rules that hold"</h3>
            {rules}
        </div>
    }
}
