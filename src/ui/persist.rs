//! Keeping her progress: restoring it at start-up, saving it as it changes (one effect, plus a
//! flush when the page is hidden for good), following another tab's changes without echoing
//! them back, and erasing everything. The storage module underneath is the only code that
//! touches localStorage; this is the only UI code that calls it.

use super::route::Nav;
use super::state::AppState;
use crate::engine::{Questionnaire, Restored, Session};
use crate::storage::format::{SavedHistory, SavedProgress};
use crate::storage::{local, HISTORY_KEY, PROGRESS_KEY};
use leptos::prelude::*;

/// What was last written to (or read from) storage, so that a record equal to it is not
/// written again: after another tab's change is adopted, nothing is echoed back to it.
#[derive(Default)]
struct Written {
    /// The progress record, with its time stamp zeroed.
    progress: Option<SavedProgress>,
    history: SavedHistory,
}

/// A record compared without its time stamp.
fn unstamped(mut record: SavedProgress) -> SavedProgress {
    record.saved_at = 0.0;
    record
}

/// Restores her saved progress into a new [`AppState`] for `q` and keeps storage in step with
/// it from then on (for as long as the calling owner lives).
pub fn start(q: &'static Questionnaire, nav: Nav) -> AppState {
    let loaded = local::load();
    let mut notices: Vec<String> = loaded.faults.iter().map(|f| f.to_string()).collect();
    let (session, started, ticked) = match &loaded.progress {
        Some(saved) => {
            let (session, started, restored) = saved.restore(q);
            if !restored.dropped.is_empty() || restored.moved {
                notices.push(restore_notice(q, saved, &restored));
            }
            (session, started, saved.ticked.clone())
        }
        None => (Session::new(q), false, Default::default()),
    };
    let app = AppState::new(q, nav, session);
    app.started.set(started);
    app.ticked.set(ticked);
    app.history.set(loaded.history.clone());
    app.notices.set(notices);
    app.can_save.set(
        !loaded
            .faults
            .iter()
            .any(|f| matches!(f, local::Fault::Unavailable)),
    );

    let written = StoredValue::new(Written {
        progress: loaded.progress.map(unstamped),
        history: loaded.history,
    });
    // Writes whatever differs from what storage holds. Reads untracked: the effect below
    // decides when it runs.
    let save = move || {
        let record = app.saved_untracked();
        let progress = written.with_value(|w| {
            let same = unstamped(record.clone());
            (w.progress.as_ref() != Some(&same)).then_some(same)
        });
        let history = app
            .history
            .with_untracked(|h| written.with_value(|w| (w.history != *h).then(|| h.clone())));
        if progress.is_none() && history.is_none() {
            return;
        }
        if !app.can_save.get_untracked() {
            return;
        }
        let mut result = Ok(());
        if let Some(progress) = progress {
            result = local::save_progress(&record);
            if result.is_ok() {
                written.update_value(|w| w.progress = Some(progress));
            }
        }
        if let Some(history) = history {
            let saved = local::save_history(&history);
            if saved.is_ok() {
                written.update_value(|w| w.history = history);
            }
            result = result.and(saved);
        }
        if let Err(fault) = result {
            if fault == local::Fault::Unavailable {
                app.can_save.set(false);
            }
            app.notify(fault.to_string());
        }
    };
    Effect::new(move |_| {
        app.session.track();
        app.started.track();
        app.ticked.track();
        app.history.track();
        save();
    });
    // The effect runs just after each change; this catches a change made as the page closes.
    let flush = window_event_listener(leptos::ev::pagehide, move |_| save());

    // Another tab changed what is saved: adopt it, so no answer is silently lost, and count it
    // as written, so this tab does not write it back.
    let settle = move || {
        written.update_value(|w| {
            w.progress = Some(unstamped(app.saved_untracked()));
            w.history = app.history.get_untracked();
        })
    };
    let other_tab = window_event_listener(leptos::ev::storage, move |ev| {
        let fresh = || SavedProgress::of(q, &Session::new(q), false, &Default::default(), 0.0);
        match ev.key().as_deref() {
            Some(PROGRESS_KEY) => {
                app.adopt(&local::load_progress().unwrap_or_else(fresh));
                settle();
                app.notify("Your progress was updated from another tab or window.");
            }
            Some(HISTORY_KEY) => {
                app.history.set(local::load().history);
                settle();
            }
            Some(_) => {}
            None => {
                // Storage was cleared elsewhere (e.g. "erase everything" in another tab).
                app.adopt(&fresh());
                app.history.set(Default::default());
                settle();
            }
        }
    });
    on_cleanup(move || {
        flush.remove();
        other_tab.remove();
    });
    app
}

/// Erases everything the app saved on this device and starts again at the home page. The
/// state is reset first, and counted as written, so nothing is saved back afterwards.
pub fn erase_everything(app: AppState) {
    app.session.set(Session::new(app.q));
    app.started.set(false);
    app.ticked.set(Default::default());
    app.history.set(Default::default());
    // Keep nothing for the save effect to write: stop saving until the page reloads.
    app.can_save.set(false);
    match local::erase_all() {
        Ok(_) => app.notices.set(vec![
            "Everything this check-in saved on this device has been erased.".into(),
        ]),
        Err(fault) => app.notices.set(vec![fault.to_string()]),
    }
    if let Some(w) = web_sys::window() {
        let _ = w.location().replace("/");
    }
}

/// What a restore kept and dropped, in plain words.
fn restore_notice(q: &Questionnaire, saved: &SavedProgress, restored: &Restored) -> String {
    let mut text = if saved.version != q.version() {
        String::from("The check-in has been updated since your last visit. ")
    } else {
        String::new()
    };
    text.push_str(&format!("We kept {} of your answers", restored.kept.len()));
    if restored.dropped.is_empty() {
        text.push('.');
    } else {
        text.push_str(&format!(
            "; {} no longer fit and were set aside: ",
            restored.dropped.len()
        ));
        let reasons: Vec<String> = restored
            .dropped
            .iter()
            .map(|d| {
                let name = q
                    .question_by_id(&d.question)
                    .map(|question| format!("“{}”", question.text))
                    .unwrap_or_else(|| "a question that was removed".into());
                format!("{name} ({})", d.reason)
            })
            .collect();
        text.push_str(&reasons.join("; "));
        text.push('.');
    }
    if restored.moved {
        text.push_str(" You are on the first question that still needs an answer.");
    }
    text
}
