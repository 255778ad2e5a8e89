//! The app's shared state (typed context) and the reader's actions on it.
//!
//! Actions call the engine and update signals; saving them is `persist.rs`'s one effect.
//! Nothing here computes what to show: the engine does, once per change, in the two memos
//! every screen reads (`screen` and `report`).

use super::route::{Address, Nav};
use crate::storage::format::{SavedCheckIn, SavedHistory, SavedProgress};
use crate::storage::vault::Unlocked;
use engine::{Answer, Position, Questionnaire, Report, Screen, Session};
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::sync::Arc;

/// How this device keeps her answers, and where this tab stands with it: the states that can
/// exist, and no others. (The key to a locked record, which is not a value to copy around, is
/// `AppState::lock`: it holds one exactly while the state is `Locked { open: true }`.)
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Device {
    /// A first visit: nothing of hers is on the device and she has not chosen how to keep it;
    /// nothing is written until she does.
    Unchosen,
    /// Saved on this device, readable by anyone who opens the site here.
    Plain,
    /// Saved encrypted with her passcode: `open` while this tab holds the key; otherwise
    /// locked away (nothing is saved, and the home page offers Unlock).
    Locked {
        /// Whether this tab holds the key.
        open: bool,
    },
    /// Nothing written anywhere: her answers live in this tab only.
    Nothing,
}

impl Device {
    /// Her choice of keeping, once she has made one.
    pub fn keeping(self) -> Option<Keeping> {
        match self {
            Device::Unchosen => None,
            Device::Plain => Some(Keeping::Plain),
            Device::Locked { .. } => Some(Keeping::Locked),
            Device::Nothing => Some(Keeping::Nothing),
        }
    }

    /// Whether a locked record is on the device and this tab has not opened it.
    pub fn locked_away(self) -> bool {
        self == Device::Locked { open: false }
    }

    /// Whether her progress is written to the device (plainly or locked).
    pub fn keeps(self) -> bool {
        matches!(self, Device::Plain | Device::Locked { .. })
    }
}

/// A way of keeping her answers (her choice, offered on the first visit and in the footer).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keeping {
    /// Saved on this device, readable by anyone who opens the site here.
    Plain,
    /// Saved encrypted with her passcode.
    Locked,
    /// Nothing written anywhere: her answers live in this tab only.
    Nothing,
}

/// Where fetching the findings (articles, their rules, the plan's phases) stands: the first
/// load leaves them out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fetch {
    /// Not asked for yet (or already here).
    Idle,
    /// On the way.
    Loading,
    /// Could not be fetched or read: why, in plain words.
    Failed(String),
}

/// The findings as the app has them: from the start (the studio's preview, the component
/// tests), or fetched once she leaves the home page (the reader's app: `ui::app`, a
/// `LocalResource`).
#[derive(Clone, Copy)]
pub struct Fetched {
    /// The whole questionnaire, findings included, once they are here: the results and
    /// articles come from it.
    pub full: RwSignal<Option<Arc<Questionnaire>>>,
    /// Where fetching them stands ("Try again" sets it back to `Idle` after a failure).
    pub status: RwSignal<Fetch>,
}

impl Fetched {
    /// Findings that are here from the start: `q` is the whole questionnaire.
    pub fn ready(q: Arc<Questionnaire>) -> Fetched {
        Fetched {
            full: RwSignal::new(Some(q)),
            status: RwSignal::new(Fetch::Idle),
        }
    }
}

/// Everything components share.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The checked questionnaire: everything the home page and the questions need (in the
    /// reader's app, without the findings until they are fetched).
    /// Shared, not leaked: the studio makes a new one for each version of her files.
    pub q: StoredValue<Arc<Questionnaire>>,
    /// The findings, and the whole questionnaire once they are here.
    pub findings: Fetched,
    /// The address shown.
    pub nav: Nav,
    /// Her answers and position.
    pub session: RwSignal<Session>,
    /// Whether she has pressed Start (or had progress saved).
    pub started: RwSignal<bool>,
    /// Action-plan steps she ticked.
    pub ticked: RwSignal<BTreeSet<String>>,
    /// Completed check-ins.
    pub history: RwSignal<SavedHistory>,
    /// Plain-words notices (restore results, storage faults).
    pub notices: RwSignal<Vec<String>>,
    /// What the live region announces.
    pub announce: RwSignal<String>,
    /// Whether saving works on this device.
    pub can_save: RwSignal<bool>,
    /// The screen the engine computes for the session (computed once per change, shared).
    pub screen: Memo<Screen>,
    /// The report, once her answers reach the results (computed once per change, shared).
    pub report: Memo<Option<Report>>,
    /// Whether an answer gave a sign of serious danger: urgent help tops every screen.
    pub danger: Memo<bool>,
    /// Whether an answer said she may hurt herself: crisis help tops every screen.
    pub crisis: Memo<bool>,
    /// The country whose help lines show (a code from the author's `[[safety.countries]]`),
    /// told from the device's time zone and languages; she can choose another. Empty while
    /// none is known (a `String`, like the app's other words: one signal type fewer to ship).
    pub country: RwSignal<String>,
    /// How many dialogs are open (Escape belongs to them, not to quick exit, while any is).
    pub dialogs: RwSignal<usize>,
    /// How this device keeps her answers, and whether this tab has opened its lock.
    pub device: RwSignal<Device>,
    /// The key to her locked progress, in memory only, while unlocked.
    /// (Leptos's thread-local arena: a `CryptoKey` is not `Send`.)
    pub lock: StoredValue<Option<Unlocked>, LocalStorage>,
    /// Whether she has used a keyboard on this page (then the number-key hints show; a phone
    /// reader who only taps never sees them).
    pub keyboard: RwSignal<bool>,
    /// The help at the top of the screen (urgent or crisis help), which "Help now" brings
    /// into view.
    pub help_top: NodeRef<leptos::html::Div>,
}

/// The shared state; panics only if a component is used outside the app (a programming error).
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

impl AppState {
    /// The state for `q` and a session restored from storage (or a fresh one), with the
    /// screen and report memos derived from it. `findings` gives `q` with its findings, or `None`
    /// when they are to be fetched (the report then has scores but no articles until they
    /// come).
    pub fn new(q: Arc<Questionnaire>, findings: Fetched, nav: Nav, session: Session) -> AppState {
        let session = RwSignal::new(session);
        let full = findings.full;
        let q = StoredValue::new(q);
        AppState {
            q,
            findings,
            nav,
            session,
            started: RwSignal::new(false),
            ticked: RwSignal::new(BTreeSet::new()),
            history: RwSignal::new(SavedHistory::default()),
            notices: RwSignal::new(Vec::new()),
            announce: RwSignal::new(String::new()),
            can_save: RwSignal::new(true),
            screen: Memo::new(move |_| session.with(|s| s.screen(&q.get_value()))),
            report: Memo::new(move |_| {
                let q = full.get().unwrap_or_else(|| q.get_value());
                session.with(|s| s.report(&q))
            }),
            danger: Memo::new(move |_| session.with(|s| s.in_danger(&q.get_value()))),
            crisis: Memo::new(move |_| session.with(|s| s.in_crisis(&q.get_value()))),
            country: RwSignal::new(String::new()),
            dialogs: RwSignal::new(0),
            device: RwSignal::new(Device::Plain),
            lock: StoredValue::new_local(None),
            keyboard: RwSignal::new(false),
            help_top: NodeRef::new(),
        }
    }

    /// Whether her answers live in this tab only (tracked): she keeps nothing, has not chosen
    /// yet, or started without unlocking what is locked on this device.
    pub fn tab_only(&self) -> bool {
        match self.device.get() {
            Device::Nothing => true,
            Device::Unchosen | Device::Locked { open: false } => self.started.get(),
            Device::Plain | Device::Locked { open: true } => false,
        }
    }

    /// Where her ticks are kept, in words that end a sentence (tracked).
    pub fn ticks_kept(&self) -> &'static str {
        if self.tab_only() || !self.can_save.get() {
            "your ticks stay only in this tab and are gone when you close it."
        } else if matches!(self.device.get(), Device::Locked { .. }) {
            "your ticks are kept on this device, locked with your passcode."
        } else {
            "your ticks are kept on this device."
        }
    }

    /// Counts a dialog as open for as long as the calling owner (the dialog's view) lives.
    pub fn dialog_open(&self) {
        let dialogs = self.dialogs;
        dialogs.update(|n| *n += 1);
        on_cleanup(move || dialogs.update(|n| *n = n.saturating_sub(1)));
    }

    /// Where she is now, as an address.
    pub fn here(&self) -> Address {
        self.session.with(|s| Address::of(s.position()))
    }

    /// Sends her where she is (or home) when an address is not (yet) hers to see, without
    /// leaving that address in the browser's history.
    pub fn redirect(&self) {
        self.nav.replace(self.fallback());
    }

    /// Where to send her when an address is not (yet) hers to see: where she is, or home.
    pub fn fallback(&self) -> Address {
        if self.started.get_untracked() {
            self.here()
        } else {
            Address::Home
        }
    }

    /// Starts (or continues) the check-in; returns the address to go to.
    pub fn start(&self) -> Address {
        self.started.set(true);
        self.here()
    }

    /// Throws away her answers and starts again at the first question.
    pub fn start_over(&self) -> Address {
        self.session.set(Session::new(&self.q.get_value()));
        self.ticked.set(BTreeSet::new());
        self.started.set(true);
        self.notices.set(Vec::new());
        self.here()
    }

    /// The texts of the questions a change would clear.
    pub fn would_discard(&self, answer: &Answer) -> Vec<String> {
        let q = self.q.get_value();
        self.session.with(|s| {
            s.would_discard(&q, answer)
                .iter()
                .filter_map(|id| q.question_by_id(id).map(|question| question.text.clone()))
                .collect()
        })
    }

    /// Answers the current question; returns the address to go to next.
    pub fn answer(&self, answer: Answer) -> Result<Address, String> {
        let q = self.q.get_value();
        let was_finished = self.session.with(|s| s.is_finished(&q));
        let mut result = Ok(());
        self.session.update(|s| result = s.answer(&q, answer));
        result.map_err(|e| e.to_string())?;
        let finished = self.session.with(|s| s.is_finished(&q));
        let on_results = self.session.with(|s| *s.position() == Position::Results);
        if on_results && (finished && !was_finished || !self.has_recent_entry()) {
            self.record_check_in();
        }
        Ok(self.here())
    }

    fn has_recent_entry(&self) -> bool {
        let Some(report) = self.report.get_untracked() else {
            return true;
        };
        self.history.with(|h| {
            h.entries.last().is_some_and(|e| {
                report
                    .scores
                    .iter()
                    .all(|s| e.scores.get(&s.id) == Some(&s.value))
                    && crate::storage::clock::now() - e.completed_at < 60_000.0
            })
        })
    }

    /// Keeps this completed check-in's scores for "how things have changed".
    fn record_check_in(&self) {
        if let Some(report) = self.report.get_untracked() {
            // Inserted one by one: collecting sorts first, and the sort measured 1.5 KB gzip.
            let mut scores = std::collections::BTreeMap::new();
            for s in &report.scores {
                scores.insert(s.id.clone(), s.value);
            }
            let entry = SavedCheckIn {
                completed_at: crate::storage::clock::now(),
                scores,
            };
            self.history.update(|h| {
                h.format = crate::storage::format::FORMAT;
                h.entries.push(entry);
            });
        }
    }

    /// Goes back one question; returns the address, if there was one.
    pub fn back(&self) -> Option<Address> {
        let q = self.q.get_value();
        let mut moved = false;
        self.session.update(|s| moved = s.back(&q));
        moved.then(|| self.here())
    }

    /// Follows the address bar to a question; false if it is not on her path.
    pub fn go_to(&self, id: &str) -> bool {
        let q = self.q.get_value();
        let here = self
            .session
            .with(|s| *s.position() == Position::Question(id.to_string()));
        if here {
            return true;
        }
        let mut ok = false;
        self.session.update(|s| ok = s.go_to(&q, id));
        ok
    }

    /// Follows the address bar to the results; false if her answers don't reach them yet.
    pub fn go_to_results(&self) -> bool {
        let q = self.q.get_value();
        if self.session.with(|s| *s.position() == Position::Results) {
            return true;
        }
        let mut ok = false;
        self.session.update(|s| ok = s.go_to_results(&q));
        ok
    }

    /// Ticks or unticks an action-plan step.
    pub fn toggle_step(&self, id: &str) {
        self.ticked.update(|t| {
            if !t.remove(id) {
                t.insert(id.to_string());
            }
        });
    }

    /// The record saved for the current state (read without tracking: it is written from a
    /// task, not from an effect).
    pub fn saved_untracked(&self) -> SavedProgress {
        let q = self.q.get_value();
        let started = self.started.get_untracked();
        self.ticked.with_untracked(|ticked| {
            self.session.with_untracked(|s| {
                SavedProgress::of(&q, s, started, ticked, crate::storage::clock::now())
            })
        })
    }

    /// Takes a saved record from another tab. A tab showing a question that is still on her
    /// path stays there (now with the other tab's answers); a tab showing a question or the
    /// results that no longer fit moves to where the record says she is (in place of the
    /// address it showed); other pages stay.
    pub fn adopt(&self, saved: &SavedProgress) {
        let q = self.q.get_value();
        let shown = self.nav.at.get_untracked();
        let (mut session, started, _) = saved.restore(&q);
        let kept = match &shown {
            Address::Question(id) => session.go_to(&q, id),
            Address::Results => session.go_to_results(&q),
            _ => true,
        };
        let to = (!kept).then(|| {
            if started {
                Address::of(session.position())
            } else {
                Address::Home
            }
        });
        self.session.set(session);
        self.started.set(started);
        self.ticked.set(saved.ticked.clone());
        if let Some(to) = to {
            self.nav.replace(to);
        }
    }

    /// Adds a notice for the reader.
    pub fn notify(&self, text: impl Into<String>) {
        let text = text.into();
        self.notices.update(|n| {
            if !n.contains(&text) {
                n.push(text)
            }
        });
    }
}
