//! The editor pane, beside the studio's views: which file is open (with a mark on those with
//! changes not saved), Save, the file's outline (each question with the options inside it, as
//! written), and the editor itself (`editor`).

use super::{editor, files, use_studio, Studio, Subject};
use author::outline::{outline, Entry, Named};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;

/// Where a question or article is written: its file and line, from the files' outlines.
pub fn written_at(studio: Studio, subject: &Subject) -> Option<(String, u32)> {
    let wanted = match subject {
        Subject::Question(id) => Named::Question(id.clone()),
        Subject::Article(id) => Named::Article(id.clone()),
        Subject::Results => return None,
    };
    studio.files.with_untracked(|files| {
        files.iter().find_map(|f| {
            outline(&f.path, &f.text)
                .into_iter()
                .find(|e| e.subject.as_ref() == Some(&wanted))
                .map(|e| (f.path.clone(), e.line))
        })
    })
}

/// Opens the file where a question or article is written, at its line.
pub fn edit(studio: Studio, subject: &Subject, focus: bool) {
    match written_at(studio, subject) {
        Some((path, line)) => files::open_at(studio, &path, line, 1, focus),
        None => studio
            .status
            .set(format!("{} was not found in your files.", subject.name())),
    }
}

/// The editor pane.
#[component]
pub fn EditorPane() -> impl IntoView {
    let studio = use_studio();
    let host = NodeRef::<leptos::html::Div>::new();
    // The editor is put in its place once, when the place exists.
    Effect::new(move |_| {
        let Some(el) = host.get() else { return };
        editor::mount(
            &el,
            Closure::new(move |path, text| typed(studio, path, text)),
            Closure::new(move |path: String, text| {
                files::typed(studio, path.clone(), text);
                files::save(studio, &path);
            }),
            Closure::new(move |_path, line| studio.cursor.set(line)),
        );
        if let Some(path) = studio.open.get_untracked() {
            files::show(studio, &path);
        }
    });
    // The open file's problems, underlined in the editor.
    Effect::new(move |_| {
        let open = studio.open.get().unwrap_or_default();
        let marks = studio.analysis.with(|a| {
            a.diagnostics
                .iter()
                .filter(|d| d.file == open)
                .map(|d| {
                    editor::mark(
                        d.line,
                        d.column,
                        d.severity == author::Severity::Error,
                        &d.message,
                    )
                })
                .collect::<js_sys::Array>()
        });
        editor::marks(marks.into());
    });
    // Her changes are not lost by closing the tab by mistake: the browser asks first.
    let guard = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if studio
            .files
            .with_untracked(|files| files.iter().any(files::File::unsaved))
        {
            ev.prevent_default();
            ev.set_return_value("");
        }
    });
    on_cleanup(move || guard.remove());

    let choices = move || {
        studio.files.with(|files| {
            files
                .iter()
                .map(|f| {
                    let name = short_path(&f.path);
                    let label = if f.unsaved() {
                        format!("{name} (not saved)")
                    } else {
                        name
                    };
                    view! { <option value=f.path.clone()>{label}</option> }
                })
                .collect_view()
        })
    };
    let choose = move |ev: leptos::ev::Event| {
        let path = event_target_value(&ev);
        studio.open.set(Some(path.clone()));
        files::show(studio, &path);
    };
    let unsaved = move || {
        let open = studio.open.get();
        studio.files.with(|files| {
            files
                .iter()
                .any(|f| Some(&f.path) == open.as_ref() && f.unsaved())
        })
    };
    let save = move |_| {
        if let Some(path) = studio.open.get_untracked() {
            files::save(studio, &path);
        }
    };
    view! {
        <aside class="editor-pane" aria-label="Your files">
            <div class="editor-bar" class:hidden=move || studio.files.with(Vec::is_empty)>
                <label>
                    "File "
                    <select id="editor-file" prop:value=move || studio.open.get().unwrap_or_default() on:change=choose>
                        {choices}
                    </select>
                </label>
                <button type="button" class="primary" on:click=save disabled=move || !unsaved()>
                    "Save"
                </button>
                <span class="save-state" aria-live="polite">
                    {move || if unsaved() { "Changes not saved (Ctrl+S saves)" } else { "Saved" }}
                </span>
            </div>
            <p class="empty pane-empty" class:hidden=move || studio.files.with(|f| !f.is_empty())>
                "Your files open here, to change and save, once the studio has read your folder."
            </p>
            <div class="editor-body" class:hidden=move || studio.files.with(Vec::is_empty)>
                <Outline/>
                <div class="editor-host" node_ref=host></div>
            </div>
        </aside>
    }
}

/// Her typing: the text changes at once, and the checker runs when she pauses (a fifth of a
/// second), so the preview, the map and the problems follow what she writes.
fn typed(studio: Studio, path: String, text: String) {
    files::typed(studio, path, text);
    let turn = studio.typing.get_value().wrapping_add(1);
    studio.typing.set_value(turn);
    set_timeout(
        move || {
            if studio.typing.get_value() == turn {
                super::check_now(studio, false);
            }
        },
        std::time::Duration::from_millis(120),
    );
}

/// A path without her folder's name (`questions.toml`, `articles/trust.toml`).
pub fn short_path(path: &str) -> String {
    let mut parts = path.rsplit('/');
    let name = parts.next().unwrap_or(path);
    match parts.next() {
        Some(sub @ ("articles" | "examples")) => format!("{sub}/{name}"),
        _ => name.to_string(),
    }
}

/// The open file's outline: each block with the blocks inside it, as written; the one her
/// cursor is in is marked. A click goes to its line.
#[component]
fn Outline() -> impl IntoView {
    let studio = use_studio();
    let entries = Memo::new(move |_| {
        let open = studio.open.get();
        studio.files.with(|files| {
            files
                .iter()
                .find(|f| Some(&f.path) == open.as_ref())
                .map(|f| outline(&f.path, &f.text))
                .unwrap_or_default()
        })
    });
    let here = Memo::new(move |_| {
        let line = studio.cursor.get();
        entries.with(|list| {
            list.iter()
                .rposition(|e| e.line <= line && e.depth == 0)
                .unwrap_or(usize::MAX)
        })
    });
    let row = move |(i, e): (usize, Entry)| {
        let line = e.line;
        let class = format!("outline-entry depth-{}", e.depth.min(3));
        // The entry her cursor is in stays in sight as she moves through the file.
        let item = NodeRef::<leptos::html::Li>::new();
        Effect::new(move |_| {
            if here.get() == i {
                if let Some(li) = item.get_untracked() {
                    let to = web_sys::ScrollIntoViewOptions::new();
                    to.set_block(web_sys::ScrollLogicalPosition::Nearest);
                    li.scroll_into_view_with_scroll_into_view_options(&to);
                }
            }
        });
        view! {
            <li
                class=class
                class:here=move || here.get() == i
                aria-current=move || (here.get() == i).then_some("location")
                node_ref=item
            >
                <button
                    type="button"
                    class="link"
                    title=format!("Line {line}")
                    on:click=move |_| {
                        if let Some(path) = studio.open.get_untracked() {
                            files::open_at(studio, &path, line, 1, true);
                        }
                    }
                >
                    <span class="outline-name">{e.name}</span>
                    " "
                    <span class="outline-words">{e.words}</span>
                </button>
            </li>
        }
    };
    view! {
        <nav class="outline" aria-label="Outline of the file">
            <h2>"Outline"</h2>
            <ol>{move || entries.get().into_iter().enumerate().map(row).collect_view()}</ol>
        </nav>
    }
}
