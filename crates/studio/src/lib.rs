//! The author's studio (a page and wasm bundle of its own, never part of the reader's load):
//! her questionnaire files are read at run time (from `tools/author`, or from a folder she
//! opens) and run through the same engine as the build, to show the problems, a preview with
//! the reader's own screens, the flow map and her example readers, at once after each save.
//!
//! Reading and writing files is `tools/studio/io.js`'s (the browser's folder access, or the
//! author's server); the studio calls it, and hears from it, through `io`.

mod editor;
mod examples;
mod files;
mod inplace;
mod io;
mod map;
mod pane;
mod preview;
mod problems;
mod saving;
mod subject;

pub use subject::Subject;

use author::examples::{run as run_examples, Outcome};
use author::map::{layout, Map};
use author::source::read;
use author::{check_sources, Diagnostic, Severity, Source};
use engine::{Position, Questionnaire};
use leptos::html;
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;
use wasm_bindgen::closure::Closure;

/// The studio's views.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// Every checker message.
    Problems,
    /// The reader's screens, fed the draft.
    Preview,
    /// The flow as a picture.
    Map,
    /// The author's example readers.
    Examples,
}

impl Tab {
    /// Every view, in the order of the tabs.
    const ALL: [Tab; 4] = [Tab::Problems, Tab::Preview, Tab::Map, Tab::Examples];

    fn title(self) -> &'static str {
        match self {
            Tab::Problems => "Problems",
            Tab::Preview => "Preview",
            Tab::Map => "Flow map",
            Tab::Examples => "Examples",
        }
    }

    /// Its tab's id (the view is labelled by it).
    fn id(self) -> String {
        format!("tab-{}", self.title().to_lowercase().replace(' ', "-"))
    }
}

/// What the engine made of one version of her files.
pub struct Analysis {
    /// How many versions have been read (0: none yet).
    pub revision: u32,
    /// Where the files came from, in words.
    pub origin: String,
    /// Every problem, errors first.
    pub diagnostics: Vec<Diagnostic>,
    /// The questionnaire: this version's when it has no errors, or else the last version's
    /// that had none (`stale`), so the preview and examples keep showing what worked.
    /// Shared with the preview's screens, and dropped once no version needs it.
    pub q: Option<Arc<Questionnaire>>,
    /// Her example readers, played (on `q`).
    pub examples: Option<Arc<Outcome>>,
    /// Whether `q` and `examples` are an earlier version's, because this one has errors.
    pub stale: bool,
    /// The flow map (of the last version without errors, when this one has some).
    pub map: Option<Map>,
    /// What to say above the map when this version has errors.
    pub map_note: Option<&'static str>,
    /// How long the check took, in milliseconds.
    pub took_ms: f64,
}

/// The studio's shared state.
#[derive(Clone, Copy)]
pub struct Studio {
    /// The latest analysis.
    pub analysis: RwSignal<Analysis>,
    /// The view shown.
    pub tab: RwSignal<Tab>,
    /// The preview's answers and place, kept across versions of the files. Not a signal:
    /// the preview writes it as she moves and reads it only when it is built again.
    pub kept: StoredValue<Kept>,
    /// Bumped to start the preview afresh from `kept`.
    pub replay: RwSignal<u32>,
    /// What the live region says.
    pub status: RwSignal<String>,
    /// Whether files are read from a folder she opens (no author's server).
    pub standalone: RwSignal<bool>,
    /// The map's box marked for her (a problem's place).
    pub focus: RwSignal<Option<Subject>>,
    /// Whether the map scrolls the marked box into view when it is next drawn (once).
    pub reveal: StoredValue<bool>,
    /// Her files, as read and as she has them here.
    pub files: RwSignal<Vec<files::File>>,
    /// The file in the editor.
    pub open: RwSignal<Option<String>>,
    /// The line her cursor is on, in the editor.
    pub cursor: RwSignal<u32>,
    /// Counts her keystrokes, so only the last of a burst runs the checker.
    pub typing: StoredValue<u32>,
    /// Where the files came from, in words.
    pub origin: StoredValue<String>,
    /// Whether a click on words in the preview opens them for changing.
    pub words_mode: RwSignal<bool>,
}

/// Where the preview is: her answers, her place, and the article it shows, if any.
#[derive(Clone, Debug, Default)]
pub struct Kept {
    /// The preview's answers.
    pub answers: BTreeMap<String, engine::Answer>,
    /// Her place among the questions (or the results).
    pub at: Option<Position>,
    /// The article shown, if one is.
    pub article: Option<String>,
}

impl Kept {
    /// Starts the preview over from these answers, at the screen they lead to.
    pub fn play(studio: Studio, answers: BTreeMap<String, engine::Answer>) {
        studio.kept.set_value(Kept {
            answers,
            ..Kept::default()
        });
        studio.replay.update(|n| *n += 1);
    }
}

/// The studio's state; panics only outside the studio (a programming error).
pub fn use_studio() -> Studio {
    expect_context::<Studio>()
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Checks one version of her files with the engine: the checker (every answer path), the
/// examples and the map. With errors, the last version that had none is kept for the preview
/// and the examples, and the map shows the files as written where it can.
pub fn analyse(revision: u32, origin: String, sources: &[Source], last: &Analysis) -> Analysis {
    let started = now_ms();
    let checked = check_sources(sources);
    let mut diagnostics = checked.diagnostics;
    let (q, examples, map, stale) = match checked.questionnaire {
        Some(q) => {
            // The same questionnaire as before keeps its place in the preview.
            let q = match &last.q {
                Some(old) if *old.file() == *q.file() => old.clone(),
                _ => Arc::new(q),
            };
            let outcome = run_examples(&q, sources);
            diagnostics.extend(outcome.diagnostics.iter().cloned());
            let map = layout(q.file());
            (Some(q), Some(Arc::new(outcome)), Some(map), false)
        }
        // With errors, the map of the files as read (when they are valid TOML at all).
        None => (
            last.q.clone(),
            last.examples.clone(),
            read(sources).file.map(|f| layout(&f)),
            last.q.is_some(),
        ),
    };
    let good = !stale && q.is_some();
    let map_note = match (good, &map, &last.map) {
        (true, _, _) => None,
        (false, Some(_), _) => Some("Your files have errors: this map shows them as written (an arrow to a question that does not exist is left out). Boxes with a problem have a thick red outline."),
        (false, None, Some(_)) => Some("Your files cannot be read as they are, so this is the map of the last version that could be. Boxes with a problem have a thick red outline."),
        (false, None, None) => None,
    };
    Analysis {
        revision,
        origin,
        diagnostics,
        q,
        examples,
        stale,
        map: map.or_else(|| last.map.clone()),
        map_note,
        took_ms: now_ms() - started,
    }
}

/// A version of her files, as io.js read them from her folder.
fn read_files(studio: Studio, origin: String, files: Vec<io::FileIn>) {
    let from_disk = files.iter().map(|f| (f.path(), f.text())).collect();
    studio.origin.set_value(origin);
    if files::read(studio, from_disk) {
        studio.status.set(
            "A file you are changing here also changed in your folder; the studio keeps your changes, and saving puts them in the folder.".into(),
        );
    }
    check_now(studio, true);
}

/// Checks her files as they are in the studio (saved or not), and shows what the engine made
/// of them. The live region says how many errors there are only when that changes (or
/// `always`, for a version read from her folder), so her typing is not talked over, and a
/// message that matters (a save, a download) is not replaced a moment later.
pub fn check_now(studio: Studio, always: bool) {
    let sources = files::sources(studio);
    let origin = studio.origin.get_value();
    let errors_of = |a: &Analysis| {
        a.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    };
    let (analysis, before) = studio.analysis.with_untracked(|last| {
        (
            analyse(last.revision + 1, origin, &sources, last),
            (last.revision > 0).then(|| errors_of(last)),
        )
    });
    let errors = errors_of(&analysis);
    if always || before != Some(errors) {
        studio.status.set(match errors {
            0 => format!("Checked {} files: no errors.", sources.len()),
            1 => format!("Checked {} files: 1 error.", sources.len()),
            n => format!("Checked {} files: {n} errors.", sources.len()),
        });
    }
    studio.analysis.set(analysis);
}

/// The studio.
#[component]
pub fn App() -> impl IntoView {
    let studio = Studio {
        analysis: RwSignal::new(Analysis {
            revision: 0,
            origin: String::new(),
            diagnostics: Vec::new(),
            q: None,
            examples: None,
            stale: false,
            map: None,
            map_note: None,
            took_ms: 0.0,
        }),
        tab: RwSignal::new(Tab::Problems),
        kept: StoredValue::new(Kept::default()),
        replay: RwSignal::new(0),
        status: RwSignal::new(String::new()),
        standalone: RwSignal::new(false),
        focus: RwSignal::new(None),
        reveal: StoredValue::new(false),
        files: RwSignal::new(Vec::new()),
        open: RwSignal::new(None),
        cursor: RwSignal::new(1),
        typing: StoredValue::new(0),
        origin: StoredValue::new(String::new()),
        words_mode: RwSignal::new(false),
    };
    provide_context(studio);
    // io.js starts reading her files, and calls these for the page's life.
    io::ready(
        Closure::new(move |origin, files| read_files(studio, origin, files)),
        Closure::new(move || studio.standalone.set(true)),
        Closure::new(move |text| studio.status.set(text)),
        Closure::new(move |path, text| files::saved(studio, path, text)),
    );

    let buttons: [NodeRef<html::Button>; 4] = Default::default();
    let tab_button = move |tab: Tab, button: NodeRef<html::Button>| {
        let count = move || {
            if tab != Tab::Problems {
                return String::new();
            }
            studio.analysis.with(|a| match a.diagnostics.len() {
                0 if a.revision > 0 => " ✓".to_string(),
                0 => String::new(),
                n => format!(" ({n})"),
            })
        };
        view! {
            <button
                type="button"
                role="tab"
                node_ref=button
                id=tab.id()
                aria-selected=move || (studio.tab.get() == tab).to_string()
                tabindex=move || if studio.tab.get() == tab { "0" } else { "-1" }
                aria-controls="view"
                class:current=move || studio.tab.get() == tab
                on:click=move |_| studio.tab.set(tab)
            >
                {tab.title()}
                {count}
            </button>
        }
    };
    // The tabs' keys: Left and Right (and Home, End) move between them.
    let arrows = move |ev: leptos::ev::KeyboardEvent| {
        let all = Tab::ALL;
        let at = all
            .iter()
            .position(|t| *t == studio.tab.get_untracked())
            .unwrap_or(0);
        let to = match ev.key().as_str() {
            "ArrowRight" => (at + 1) % all.len(),
            "ArrowLeft" => (at + all.len() - 1) % all.len(),
            "Home" => 0,
            "End" => all.len() - 1,
            _ => return,
        };
        ev.prevent_default();
        studio.tab.set(all[to]);
        let button = buttons[to];
        // After the view's own first frames (the preview's question moves focus to its heading
        // then): focus stays on the tab, as arrow keys in a tab list promise.
        request_animation_frame(move || {
            request_animation_frame(move || {
                if let Some(el) = button.get_untracked() {
                    let _ = el.focus();
                }
            })
        });
    };
    view! {
        <div
            class="studio"
            data-revision=move || studio.analysis.with(|a| a.revision.to_string())
        >
            <header class="studio-top">
                <h1>"Where We Stand: author's studio"</h1>
                <p class="origin">
                    {move || studio.analysis.with(|a| {
                        if a.revision == 0 {
                            "No files read yet.".to_string()
                        } else {
                            format!("Reading {} · checked in {:.0} ms", a.origin, a.took_ms)
                        }
                    })}
                </p>
                <Show when=move || studio.standalone.get()>
                    <FolderPicker/>
                </Show>
            </header>
            <p class="sr-only" role="status" aria-live="polite">{move || studio.status.get()}</p>
            <div class="studio-main">
                <pane::EditorPane/>
                <div class="studio-views">
                    <Stale/>
                    <nav class="tabs" role="tablist" aria-label="Studio views" on:keydown=arrows>
                        {Tab::ALL.into_iter().zip(buttons).map(|(tab, button)| tab_button(tab, button)).collect_view()}
                    </nav>
                    <section id="view" class="view" role="tabpanel" aria-labelledby=move || studio.tab.get().id()>
                        {move || match studio.tab.get() {
                            Tab::Problems => view! { <problems::Problems/> }.into_any(),
                            Tab::Preview => view! { <preview::PreviewTab/> }.into_any(),
                            Tab::Map => view! { <map::MapTab/> }.into_any(),
                            Tab::Examples => view! { <examples::ExamplesTab/> }.into_any(),
                        }}
                    </section>
                </div>
            </div>
        </div>
    }
}

/// With errors, a calm banner above the views: what is wrong first, where, and that the
/// preview and examples show the last version that worked.
#[component]
fn Stale() -> impl IntoView {
    let studio = use_studio();
    let first = move || {
        studio.analysis.with(|a| {
            let errors: Vec<&Diagnostic> = a
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .collect();
            let first = errors.first()?;
            let more = match errors.len() {
                1 => String::new(),
                2 => " (and 1 more error)".into(),
                n => format!(" (and {} more errors)", n - 1),
            };
            let kept = if a.stale {
                "The preview and the examples show the last version without errors."
            } else {
                "The preview and the examples come back once the files have no errors."
            };
            Some((
                first.file.clone(),
                first.line,
                first.column,
                format!("{}{more}", first.message),
                kept,
            ))
        })
    };
    move || {
        first().map(|(file, line, column, message, kept)| {
            let at = if line > 0 {
                format!("{}, line {line}", file.rsplit('/').next().unwrap_or(&file))
            } else {
                file.rsplit('/').next().unwrap_or(&file).to_string()
            };
            view! {
                <div class="stale" role="status">
                    <p>
                        <strong>"Something to fix in "</strong>
                        <button
                            type="button"
                            class="link"
                            on:click=move |_| files::open_at(studio, &file, line, column, true)
                        >
                            {at}
                        </button>
                        ": "
                        {message}
                    </p>
                    <p class="kept">{kept}</p>
                </div>
            }
        })
    }
}

/// Opening her questionnaire folder, when the studio runs without `tools/author`.
#[component]
fn FolderPicker() -> impl IntoView {
    let input = NodeRef::<html::Input>::new();
    // Where the browser cannot open a folder, the button picks the folder's files instead.
    let open = move |_| {
        if !io::pick() {
            if let Some(el) = input.get_untracked() {
                el.click();
            }
        }
    };
    let chosen = move |_| {
        if let Some(files) = input.get_untracked().and_then(|el| el.files()) {
            io::chosen(&files);
        }
    };
    // The input's id is only the browser tests' handle on it.
    view! {
        <div class="picker">
            <button type="button" class="primary" on:click=open>
                "Open your questionnaires folder"
            </button>
            <label class="pick-files">
                "Or choose the folder's files: "
                <input
                    node_ref=input
                    id="folder-input"
                    type="file"
                    multiple
                    prop:webkitdirectory=true
                    accept=".toml"
                    on:change=chosen
                />
            </label>
            <p class="hint">
                "The studio reads the files on this computer and sends nothing anywhere."
            </p>
        </div>
    }
}

/// Jumps the preview to a question, the results or an article, finding answers that lead
/// there when it is not on the current path.
pub fn jump(studio: Studio, to: Subject) {
    studio.tab.set(Tab::Preview);
    let Some(q) = studio.analysis.with_untracked(|a| a.q.clone()) else {
        return;
    };
    let mut kept = studio.kept.get_value();
    kept.article = None;
    match to {
        Subject::Article(article) => kept.article = Some(article),
        Subject::Results => {
            if !engine::walk::walk(&q, &kept.answers).finished {
                kept.answers = results_route(&q).unwrap_or_default();
            }
            kept.at = Some(Position::Results);
        }
        Subject::Question(id) => {
            let on_path = q
                .question_index(&id)
                .is_some_and(|i| engine::walk::walk(&q, &kept.answers).path.contains(&i));
            if !on_path {
                match author::inspect::route_to(&q, &id) {
                    Some(route) => kept.answers = route,
                    None => {
                        studio
                            .status
                            .set(format!("No path through the check-in reaches \"{id}\"."));
                        return;
                    }
                }
            }
            kept.at = Some(Position::Question(id));
        }
    }
    studio.kept.set_value(kept);
    studio.replay.update(|n| *n += 1);
}

/// Answers that reach the results: the first example reader's, or the first choice at every
/// question.
fn results_route(q: &Questionnaire) -> Option<BTreeMap<String, engine::Answer>> {
    let mut session = engine::Session::new(q);
    for _ in 0..=q.file().questions.len() {
        match session.screen(q) {
            engine::Screen::Results(_) => return Some(session.answers().clone()),
            engine::Screen::Question(screen) => {
                let question = q.question_by_id(&screen.id)?;
                let answer = match question.kind {
                    engine::model::Kind::Multiple => engine::Answer::Choices(Vec::new()),
                    _ => engine::Answer::Choice(q.choice_ids(question).first()?.to_string()),
                };
                session.answer(q, answer).ok()?;
            }
        }
    }
    None
}
