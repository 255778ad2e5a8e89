//! Problems: every checker message with its file, line, place and fix, grouped by file.

use super::{use_studio, Subject};
use author::{Diagnostic, Severity};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// The problems view.
#[component]
pub fn Problems() -> impl IntoView {
    let studio = use_studio();
    move || {
        studio.analysis.with(|a| {
            if a.revision == 0 {
                return view! {
                    <p class="empty">"Waiting for your questionnaire files…"</p>
                }
                .into_any();
            }
            if a.diagnostics.is_empty() {
                let examples = a.examples.as_ref().map_or(0, |o| o.played.len());
                return view! {
                    <div class="clean">
                        <h2>"No problems"</h2>
                        <p>
                            {format!(
                                "The check-in is ready for readers: every question, answer path and article checks out, and all {examples} example readers see what they should."
                            )}
                        </p>
                    </div>
                }
                .into_any();
            }
            let mut by_file: BTreeMap<String, Vec<Diagnostic>> = BTreeMap::new();
            for d in &a.diagnostics {
                by_file.entry(d.file.clone()).or_default().push(d.clone());
            }
            let errors = a.diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
            let warnings = a.diagnostics.len() - errors;
            let files = by_file
                .into_iter()
                .map(|(file, list)| {
                    let items = list
                        .into_iter()
                        .map(|d| {
                            let place = d.place.to_string();
                            let line = if d.line > 0 {
                                format!("line {}, column {}", d.line, d.column)
                            } else {
                                "whole file".to_string()
                            };
                            let error = d.severity == Severity::Error;
                            let target = Subject::of_problem(&d);
                            let (file, at, column) = (d.file.clone(), d.line, d.column);
                            view! {
                                <li class="problem" class:error=error class:warning=!error>
                                    <span class="severity">{if error { "Error" } else { "Warning" }}</span>
                                    <button
                                        type="button"
                                        class="link where"
                                        title="Open the file at this place"
                                        on:click=move |_| super::files::open_at(studio, &file, at, column, true)
                                    >
                                        {line}
                                    </button>
                                    <Show when={let p = place.clone(); move || !p.is_empty()}>
                                        <span class="place">{place.clone()}</span>
                                    </Show>
                                    <p class="message">{d.message.clone()}</p>
                                    {target.map(|t| {
                                        let shown = format!("Show {} on the map", t.name());
                                        view! {
                                            <button
                                                type="button"
                                                class="link"
                                                on:click=move |_| super::map::highlight(studio, t.clone())
                                            >
                                                {shown}
                                            </button>
                                        }
                                    })}
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <section class="file">
                            <h3><code>{file}</code></h3>
                            <ul>{items}</ul>
                        </section>
                    }
                })
                .collect_view();
            view! {
                <div class="problems">
                    <h2>{format!("{errors} error(s), {warnings} warning(s)")}</h2>
                    <p class="hint">
                        "Errors keep the check-in from readers until they are fixed; warnings are probably mistakes. Save a file and this list updates."
                    </p>
                    {files}
                </div>
            }
            .into_any()
        })
    }
}
