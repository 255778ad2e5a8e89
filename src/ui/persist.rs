//! Keeping her progress: restoring it at start-up, saving it as it changes (one effect, plus a
//! flush when the page is hidden for good), following another tab's changes without echoing
//! them back, and erasing everything. The storage module underneath is the only code that
//! touches localStorage; this is the only UI code that calls it.

use super::route::{Address, Nav};
use super::state::Device;
use super::state::{AppState, Fetched};
use crate::storage::format::{SavedHistory, SavedProgress};
use crate::storage::sealed::{Contents, LOCKED_KEY};
use crate::storage::{local, vault, HISTORY_KEY, PROGRESS_KEY};
use engine::{Questionnaire, Restored, Session};
use leptos::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// Set by the quick exit: from then on nothing is written (the page is on its way out, and
/// what is on it has been dropped from memory).
static LEAVING: AtomicBool = AtomicBool::new(false);

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

/// Writes her progress and history as this device keeps them (plain, locked or not at all),
/// skipping what storage already holds.
#[derive(Clone, Copy)]
pub struct Saver {
    app: AppState,
    written: StoredValue<Written>,
    /// Counts locked writes, so a slower, older encryption never overwrites a newer one.
    generation: StoredValue<u64>,
}

impl Saver {
    /// The saver, from context.
    pub fn get() -> Saver {
        expect_context::<Saver>()
    }

    /// Writes whatever differs from what storage holds. Reads untracked. Nothing once the
    /// quick exit has started: what is saved stays as it was.
    pub fn save(self) {
        if LEAVING.load(Ordering::Relaxed) {
            return;
        }
        let app = self.app;
        let written = self.written;
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
        // Nothing is kept when saving failed, nor before she has chosen how (her first visit).
        if !app.can_save.get_untracked() {
            return;
        }
        match app.device.get_untracked() {
            Device::Unchosen | Device::Nothing => {}
            Device::Locked { .. } => self.seal(record),
            Device::Plain => {
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
            }
        }
    }

    /// Encrypts everything and stores it in place of the last locked record (locked away:
    /// nothing is written).
    fn seal(self, record: SavedProgress) {
        let app = self.app;
        let Some(lock) = app.lock.get_value() else {
            return;
        };
        let contents = Contents {
            progress: Some(record.clone()),
            history: app.history.get_untracked(),
        };
        self.written.update_value(|w| {
            w.progress = Some(unstamped(record));
            w.history = contents.history.clone();
        });
        self.generation.update_value(|g| *g += 1);
        let generation = self.generation.get_value();
        let latest = self.generation;
        leptos::task::spawn_local(async move {
            let result = match vault::seal(&lock, &contents).await {
                // A newer write has started since: it carries everything this one did.
                Ok(_) if latest.try_get_value() != Some(generation) => Ok(()),
                Ok(text) => local::write_locked(&text).map_err(|f| f.to_string()),
                Err(fault) => Err(fault.to_string()),
            };
            if let Err(words) = result {
                app.notify(words);
            }
        });
    }

    /// Writes everything again (after she changed how it is kept).
    pub fn rewrite(self) {
        self.written.set_value(Written {
            progress: None,
            history: SavedHistory {
                format: u32::MAX,
                entries: Vec::new(),
            },
        });
        self.save();
    }

    /// Counts the current state as written (after adopting what storage holds).
    fn settle(self) {
        let app = self.app;
        self.written.update_value(|w| {
            w.progress = Some(unstamped(app.saved_untracked()));
            w.history = app.history.get_untracked();
        })
    }
}

/// Restores her saved progress into a new [`AppState`] for `q` (and `full`, see
/// [`AppState::new`]) and keeps storage in step with it from then on (for as long as the
/// calling owner lives).
pub fn start(q: Arc<Questionnaire>, findings: Fetched, nav: Nav) -> AppState {
    let loaded = local::load();
    let mut notices: Vec<String> = loaded.faults.iter().map(|f| f.to_string()).collect();
    let (session, started, ticked) = match &loaded.progress {
        Some(saved) => {
            let (session, started, restored) = saved.restore(&q);
            if !restored.dropped.is_empty() || restored.moved {
                notices.push(restore_notice(&q, saved, &restored));
            }
            (session, started, saved.ticked.clone())
        }
        None => (Session::new(&q), false, Default::default()),
    };
    let app = AppState::new(q, findings, nav, session);
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
    app.device.set(if loaded.locked.is_some() {
        Device::Locked { open: false }
    } else if loaded.progress.is_none()
        && loaded.history.entries.is_empty()
        && loaded.faults.is_empty()
    {
        Device::Unchosen
    } else {
        Device::Plain
    });

    let saver = Saver {
        app,
        written: StoredValue::new(Written {
            progress: loaded.progress.map(unstamped),
            history: loaded.history,
        }),
        generation: StoredValue::new(0),
    };
    provide_context(saver);
    Effect::new(move |_| {
        app.session.track();
        app.started.track();
        app.ticked.track();
        app.history.track();
        saver.save();
    });
    // The effect runs just after each change; this catches a change made as the page closes.
    let flush = window_event_listener(leptos::ev::pagehide, move |_| saver.save());
    let relock = relock_when_hidden(app, saver);
    let idle = relock_when_idle(app, saver);

    // Another tab changed what is saved: adopt it, so no answer is silently lost, and count it
    // as written, so this tab does not write it back.
    let other_tab = window_event_listener(leptos::ev::storage, move |ev| {
        let fresh = move || {
            let q = app.q.get_value();
            SavedProgress::of(&q, &Session::new(&q), false, &Default::default(), 0.0)
        };
        match ev.key().as_deref() {
            // (On a first visit here, another tab's choice to keep plainly holds for this one.)
            Some(PROGRESS_KEY | HISTORY_KEY) if app.device.get_untracked() == Device::Unchosen => {
                app.device.set(Device::Plain);
                app.adopt(&local::load_progress().unwrap_or_else(fresh));
                app.history.set(local::load().history);
                saver.settle();
                app.notify("Your progress was updated from another tab or window.");
            }
            Some(PROGRESS_KEY) if app.device.get_untracked() == Device::Plain => {
                app.adopt(&local::load_progress().unwrap_or_else(fresh));
                saver.settle();
                app.notify("Your progress was updated from another tab or window.");
            }
            Some(HISTORY_KEY) if app.device.get_untracked() == Device::Plain => {
                app.history.set(local::load().history);
                saver.settle();
            }
            Some(LOCKED_KEY) => {
                let Some(lock) = app.lock.get_value() else {
                    // Locked in another tab: this one, without the key, follows (what it kept
                    // plainly is inside the lock now).
                    if ev.new_value().is_some() {
                        match app.device.get_untracked() {
                            Device::Plain => {
                                forget_here(app, saver);
                                app.device.set(Device::Locked { open: false });
                                app.nav.replace(Address::Home);
                                app.notify("Your progress was locked in another tab or window.");
                            }
                            Device::Unchosen => app.device.set(Device::Locked { open: false }),
                            _ => {}
                        }
                    }
                    return;
                };
                let Some(text) = ev.new_value() else {
                    // Her locked record was removed elsewhere: erased, or kept unlocked now.
                    match local::load_progress() {
                        Some(plain) => {
                            app.lock.set_value(None);
                            app.device.set(Device::Plain);
                            app.adopt(&plain);
                            saver.settle();
                        }
                        None => erased(
                            app,
                            saver,
                            "Everything this check-in kept on this device was erased in another tab or window.",
                        ),
                    }
                    return;
                };
                leptos::task::spawn_local(async move {
                    if let Ok(contents) = vault::reopen(&lock, &text).await {
                        app.adopt(&contents.progress.unwrap_or_else(fresh));
                        app.history.set(contents.history);
                        saver.settle();
                        app.notify("Your progress was updated from another tab or window.");
                    }
                });
            }
            Some(_) => {}
            None => erased(
                app,
                saver,
                "Everything this check-in kept on this device was erased in another tab or window.",
            ),
        }
    });
    on_cleanup(move || {
        flush.remove();
        other_tab.remove();
        relock.remove();
        for handle in idle {
            handle.remove();
        }
    });
    app
}

/// How long an open lock stays open, even on screen, with no touch, click or key.
const IDLE_RELOCK_MS: f64 = 5.0 * 60.0 * 1000.0;

/// Closes an open lock after [`IDLE_RELOCK_MS`] without input, even while the page is visible
/// (a phone left on a table): the key and everything of hers leave the page, and the home
/// page shows Unlock. Checked every few seconds; any touch, click or key counts as input.
fn relock_when_idle(app: AppState, saver: Saver) -> Vec<WindowListenerHandle> {
    let last = StoredValue::new(crate::storage::clock::now());
    let seen = move || last.set_value(crate::storage::clock::now());
    let handles = vec![
        window_event_listener(leptos::ev::pointerdown, move |_| seen()),
        window_event_listener(leptos::ev::keydown, move |_| seen()),
        window_event_listener(leptos::ev::input, move |_| seen()),
    ];
    let check = set_interval_with_handle(
        move || {
            let open = app.lock.try_with_value(Option::is_some).unwrap_or(false);
            if open && crate::storage::clock::now() - last.get_value() >= IDLE_RELOCK_MS {
                forget_here(app, saver);
                app.device.set(Device::Locked { open: false });
                app.nav.replace(Address::Home);
            }
        },
        std::time::Duration::from_secs(5),
    );
    if let Ok(check) = check {
        on_cleanup(move || check.clear());
    }
    handles
}

/// How long the page may be hidden before an open lock closes again.
const RELOCK_AFTER_MS: f64 = 2.0 * 60.0 * 1000.0;

/// Locks again when the page comes back after being hidden for [`RELOCK_AFTER_MS`]: the key
/// is dropped and everything of hers leaves the page, which shows the home page again.
fn relock_when_hidden(app: AppState, saver: Saver) -> WindowListenerHandle {
    let hidden_at = StoredValue::new(None::<f64>);
    window_event_listener(leptos::ev::visibilitychange, move |_| {
        let hidden = document().visibility_state() == web_sys::VisibilityState::Hidden;
        let now = crate::storage::clock::now();
        if hidden {
            hidden_at.set_value(Some(now));
            return;
        }
        let Some(since) = hidden_at.get_value() else {
            return;
        };
        hidden_at.set_value(None);
        if now - since >= RELOCK_AFTER_MS && app.lock.with_value(Option::is_some) {
            forget_here(app, saver);
            app.device.set(Device::Locked { open: false });
            app.nav.replace(Address::Home);
        }
    })
}

/// Takes everything of hers off the page (not off the device): a fresh session, no ticks, no
/// history, no key, and no copy of what was last written (which the saver keeps to compare).
pub fn forget_here(app: AppState, saver: Saver) {
    app.lock.set_value(None);
    saver.written.set_value(Written::default());
    app.session.set(Session::new(&app.q.get_value()));
    app.started.set(false);
    app.ticked.set(Default::default());
    app.history.set(Default::default());
    app.notices.set(Vec::new());
}

/// The quick exit, as it leaves: nothing more is written, and the key and everything of hers
/// leave memory (should the browser keep this page to bring back with Back, it holds nothing;
/// `route` loads such a page afresh anyway).
pub fn drop_all(app: AppState, saver: Saver) {
    LEAVING.store(true, Ordering::Relaxed);
    forget_here(app, saver);
}

/// The shortest passcode the lock takes.
pub const MIN_PASSCODE: usize = 6;

/// Whether a passcode is among the first anyone would try: one character repeated, a run of
/// digits or letters up or down, or a well-known code.
pub fn guessable(code: &str) -> bool {
    const KNOWN: &[&str] = &[
        "password",
        "passcode",
        "qwerty",
        "qwertyuiop",
        "letmein",
        "iloveyou",
        "123123",
        "abc123",
        "654321",
        "112233",
        "121212",
        "696969",
        "password1",
        "welcome",
    ];
    let lower = code.trim().to_ascii_lowercase();
    let chars: Vec<char> = lower.chars().collect();
    let repeated = chars.windows(2).all(|w| w[0] == w[1]);
    let step = |d: i32| chars.windows(2).all(|w| w[1] as i32 - w[0] as i32 == d);
    chars.len() > 1 && (repeated || step(1) || step(-1) || KNOWN.contains(&lower.as_str()))
}

/// (`saver` is taken from context by the caller: the context is gone after an `await`.)
///
/// Locks her progress with `passcode`: what was saved unlocked is encrypted and the unlocked
/// records removed. On failure nothing is changed.
pub async fn lock_with(app: AppState, saver: Saver, passcode: String) -> Result<(), String> {
    let lock = vault::create(&passcode).await.map_err(|f| f.to_string())?;
    app.lock.set_value(Some(lock));
    // Copies of unreadable old records, kept aside in plain text, cannot stay readable.
    let removed = local::remove_backups();
    if removed > 0 {
        app.notify(format!(
            "{removed} unreadable older copies of saved progress were kept on this device in plain text; locking removed them."
        ));
    }
    app.device.set(Device::Locked { open: true });
    app.can_save.set(true);
    saver.rewrite();
    Ok(())
}

/// The wait after the `fails`th wrong passcode, in seconds (none for the first few).
fn wait_after(fails: u32) -> u32 {
    match fails {
        0..=2 => 0,
        n => (5u32 << (n - 3).min(6)).min(300),
    }
}

/// How long, in milliseconds, until she may try another passcode (0: now). The count of wrong
/// passcodes is kept on the device, so the wait holds across a reload and in every tab.
pub fn unlock_wait_ms() -> f64 {
    let (n, at) = local::read_tries();
    let now = crate::storage::clock::now();
    let wait = f64::from(wait_after(n)) * 1000.0;
    // A time in the future (a clock set back, an edited record) counts as now: the wait
    // never runs longer than its own length.
    (at.min(now) + wait - now).clamp(0.0, wait)
}

/// Opens her locked progress with `passcode` and goes back to where she was; tells her how many
/// wrong passcodes were tried since she last opened it, if any.
pub async fn unlock(app: AppState, saver: Saver, passcode: String) -> Result<(), String> {
    let Some(text) = local::read_locked() else {
        return Err("There is no locked progress on this device any more.".into());
    };
    let (lock, contents, problems) = vault::open(&passcode, &text).await.map_err(|f| {
        // Only a wrong passcode counts toward the wait (not a damaged record).
        if matches!(f, vault::LockFault::WrongPasscode) {
            local::add_try();
        }
        f.to_string()
    })?;
    app.lock.set_value(Some(lock));
    let tries = local::read_tries().0;
    local::clear_tries();
    if tries > 0 {
        let s = if tries == 1 { "try" } else { "tries" };
        app.notify(format!(
            "{tries} {s} with a wrong passcode since you last opened it."
        ));
    }
    let q = app.q.get_value();
    let progress = contents.progress.unwrap_or_else(|| {
        SavedProgress::of(&q, &Session::new(&q), false, &Default::default(), 0.0)
    });
    let (session, started, _) = progress.restore(&q);
    app.session.set(session);
    app.started.set(started);
    app.ticked.set(progress.ticked.clone());
    app.history.set(contents.history);
    saver.settle();
    app.device.set(Device::Locked { open: true });
    if !problems.is_empty() {
        app.notify(format!(
            "Part of your locked progress could not be read ({}); the rest is back.",
            problems.join("; ")
        ));
    }
    if started {
        app.nav.go(app.start());
    }
    Ok(())
}

/// Keeps her progress unlocked on this device from now on (from a lock she has opened, or
/// from keeping nothing).
pub fn keep_plain(app: AppState) {
    let was_locked = matches!(app.device.get_untracked(), Device::Locked { .. });
    app.device.set(Device::Plain);
    app.lock.set_value(None);
    let saver = Saver::get();
    saver.rewrite();
    if was_locked {
        local::remove_locked();
    }
}

/// Keeps nothing from now on: everything this app saved on this device is erased, and her
/// answers stay in this tab only.
pub fn keep_nothing(app: AppState) {
    app.device.set(Device::Nothing);
    app.lock.set_value(None);
    if let Err(fault) = local::erase_all() {
        app.notify(fault.to_string());
    }
}

/// Erases everything the app saved on this device and starts again at the home page, in place
/// (no reload, so the notice that it worked stays on screen).
pub fn erase_everything(app: AppState) {
    let saver = Saver::get();
    match local::erase_all() {
        Ok(_) => erased(
            app,
            saver,
            "Everything this check-in saved on this device has been erased.",
        ),
        Err(fault) => app.notices.set(vec![fault.to_string()]),
    }
}

/// Forgets everything of hers in this tab once the device's records are gone (erased here or
/// in another tab): the key, her answers, ticks and history; the device now holds nothing, as
/// on a first visit, so nothing is written until she chooses again. Shows the home page with
/// `words`, without adding a history entry.
fn erased(app: AppState, saver: Saver, words: &str) {
    app.lock.set_value(None);
    app.session.set(Session::new(&app.q.get_value()));
    app.started.set(false);
    app.ticked.set(Default::default());
    app.history.set(Default::default());
    app.device.set(Device::Unchosen);
    saver.settle();
    app.notices.set(vec![words.to_string()]);
    app.nav.replace(Address::Home);
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
