//! Reading and writing saved progress in the browser's localStorage, with every fault reported
//! in plain words and nothing the reader saved thrown away.

use super::format::{decode, encode, Decoded, Record, SavedHistory, SavedProgress};
use super::sealed::LOCKED_KEY;
use super::{BACKUP_KEY, HISTORY_KEY, OLD_PREFIX, PREFIX, PROGRESS_KEY, TRIES_KEY};
use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;

/// Something that went wrong with saved progress.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Fault {
    /// The browser does not allow this site to save anything (e.g. storage disabled).
    #[error("This browser is not letting the check-in save anything, so your answers will only last until you close this tab.")]
    Unavailable,
    /// The browser's storage for this site is full.
    #[error("This browser's storage is full, so your latest answers could not be saved. They are still here until you close this tab.")]
    Full,
    /// Saved progress could not be read; the raw data was kept aside.
    #[error("Your saved progress could not be read, so the check-in started fresh. The old data was kept aside on this device (under \"{kept_as}\") rather than deleted.")]
    Unreadable {
        /// The backup key.
        kept_as: String,
    },
    /// Saved progress came from a newer version of the app; it was kept aside.
    #[error("Your saved progress was made by a newer version of this check-in, so it started fresh here. The newer data was kept aside on this device (under \"{kept_as}\").")]
    Newer {
        /// The backup key.
        kept_as: String,
    },
}

/// What was found in storage at start-up.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    /// The reader's progress, if any.
    pub progress: Option<SavedProgress>,
    /// Her completed check-ins.
    pub history: SavedHistory,
    /// Problems found, to tell her.
    pub faults: Vec<Fault>,
    /// The locked record, if her progress is locked (then nothing else is read).
    pub locked: Option<String>,
}

/// localStorage, through gloo-storage: its raw handle, used for every read, write and removal
/// here, with the project's own small codec on top (gloo's typed `get`/`set`/`delete` would
/// bring serde_json's parser, and a panic message per call, into the first load). gloo panics
/// when the browser gives no storage at all (turned off, some private modes), so that is asked
/// first, without it.
fn handle() -> Result<web_sys::Storage, Fault> {
    match web_sys::window().map(|w| w.local_storage()) {
        Some(Ok(Some(_))) => Ok(LocalStorage::raw()),
        _ => Err(Fault::Unavailable),
    }
}

/// [`handle`], once a write is known to work.
fn storage() -> Result<web_sys::Storage, Fault> {
    let storage = handle()?;
    // Some browsers hand out a storage object that throws on every write (e.g. private modes).
    let probe = format!("{PREFIX}probe");
    storage.set_item(&probe, "1").map_err(|e| classify(&e))?;
    let _ = storage.remove_item(&probe);
    Ok(storage)
}

fn classify(e: &wasm_bindgen::JsValue) -> Fault {
    let name = e
        .dyn_ref::<web_sys::DomException>()
        .map(|d| d.name())
        .unwrap_or_default();
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
        Fault::Full
    } else {
        Fault::Unavailable
    }
}

fn now() -> f64 {
    super::clock::now()
}

/// Moves unreadable data aside under a backup key and removes it from its own key.
fn keep_aside(storage: &web_sys::Storage, key: &str, raw: &str) -> String {
    let backup = format!(
        "{BACKUP_KEY}:{}:{}",
        key.trim_start_matches(PREFIX),
        now() as u64
    );
    if storage.set_item(&backup, raw).is_ok() {
        let _ = storage.remove_item(key);
    }
    backup
}

fn read<T: Record>(storage: &web_sys::Storage, key: &str, faults: &mut Vec<Fault>) -> Option<T> {
    let raw = storage.get_item(key).ok().flatten()?;
    match decode::<T>(&raw) {
        Decoded::Ok(t) => Some(t),
        Decoded::Newer(_) => {
            let kept_as = keep_aside(storage, key, &raw);
            faults.push(Fault::Newer { kept_as });
            None
        }
        Decoded::Unreadable(_) => {
            let kept_as = keep_aside(storage, key, &raw);
            faults.push(Fault::Unreadable { kept_as });
            None
        }
    }
}

/// The keys in storage that start with any of `prefixes`.
fn keys_with(storage: &web_sys::Storage, prefixes: &[&str]) -> Vec<String> {
    let len = storage.length().unwrap_or(0);
    (0..len)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| prefixes.iter().any(|p| k.starts_with(p)))
        .collect()
}

/// Moves records saved under the old keys (named after the site) to today's neutral keys,
/// nothing lost: an old record is removed only once it is stored under its new key, and one
/// whose new key is already taken is kept aside as a backup. Returns how many moved.
pub fn migrate(storage: &web_sys::Storage) -> usize {
    let mut moved = 0;
    for old in keys_with(storage, &[OLD_PREFIX]) {
        let Some(value) = storage.get_item(&old).ok().flatten() else {
            continue;
        };
        let rest = &old[OLD_PREFIX.len()..];
        let mut new = format!("{PREFIX}{rest}");
        if storage.get_item(&new).ok().flatten().is_some() {
            new = format!("{BACKUP_KEY}:{rest}:{}", now() as u64);
        }
        if storage.set_item(&new, &value).is_ok() {
            let _ = storage.remove_item(&old);
            moved += 1;
        }
    }
    moved
}

/// Reads saved progress and history (moving them from the old keys first), reporting (and
/// setting aside) anything unreadable.
pub fn load() -> Loaded {
    let storage = match storage() {
        Ok(s) => s,
        Err(fault) => {
            return Loaded {
                faults: vec![fault],
                ..Loaded::default()
            }
        }
    };
    migrate(&storage);
    if let Some(locked) = read_locked() {
        return Loaded {
            locked: Some(locked),
            ..Loaded::default()
        };
    }
    let mut faults = Vec::new();
    let progress = read::<SavedProgress>(&storage, PROGRESS_KEY, &mut faults);
    let history = read::<SavedHistory>(&storage, HISTORY_KEY, &mut faults).unwrap_or_default();
    Loaded {
        progress,
        history,
        faults,
        locked: None,
    }
}

/// Reads only the saved progress (e.g. after another tab changed it).
pub fn load_progress() -> Option<SavedProgress> {
    let storage = storage().ok()?;
    let raw = storage.get_item(PROGRESS_KEY).ok().flatten()?;
    match decode::<SavedProgress>(&raw) {
        Decoded::Ok(p) => Some(p),
        _ => None,
    }
}

/// Saves progress; a reader who has not started leaves no trace (the key is removed).
pub fn save_progress(progress: &SavedProgress) -> Result<(), Fault> {
    let storage = storage()?;
    if progress.is_blank() {
        let _ = storage.remove_item(PROGRESS_KEY);
        return Ok(());
    }
    storage
        .set_item(PROGRESS_KEY, &encode(progress))
        .map_err(|e| classify(&e))
}

/// Saves the history of completed check-ins; an empty history leaves no trace.
pub fn save_history(history: &SavedHistory) -> Result<(), Fault> {
    let storage = storage()?;
    if history.entries.is_empty() {
        let _ = storage.remove_item(HISTORY_KEY);
        return Ok(());
    }
    storage
        .set_item(HISTORY_KEY, &encode(history))
        .map_err(|e| classify(&e))
}

/// The locked record's text, if there is one.
pub fn read_locked() -> Option<String> {
    storage().ok()?.get_item(LOCKED_KEY).ok().flatten()
}

/// Stores the locked record, then removes the unlocked records it replaces (so her answers
/// are never only in neither).
pub fn write_locked(text: &str) -> Result<(), Fault> {
    let storage = storage()?;
    storage
        .set_item(LOCKED_KEY, text)
        .map_err(|e| classify(&e))?;
    let _ = storage.remove_item(PROGRESS_KEY);
    let _ = storage.remove_item(HISTORY_KEY);
    Ok(())
}

/// Removes the locked record (after its contents were saved unlocked, or to keep nothing).
pub fn remove_locked() {
    if let Ok(storage) = handle() {
        let _ = storage.remove_item(LOCKED_KEY);
    }
}

/// Wrong passcodes tried since the lock was last opened: how many, and when the last was
/// (milliseconds since 1970). Kept on the device, so that the wait after them holds across a
/// reload and in every tab.
pub fn read_tries() -> (u32, f64) {
    storage()
        .ok()
        .and_then(|s| s.get_item(TRIES_KEY).ok().flatten())
        .and_then(|t| {
            let (n, at) = t.split_once(' ')?;
            // Whole milliseconds: parsing a float would add the float parser to the first load.
            Some((n.parse().ok()?, at.parse::<u64>().ok()? as f64))
        })
        .unwrap_or((0, 0.0))
}

/// Counts one more wrong passcode, now; returns how many there have been.
pub fn add_try() -> u32 {
    let n = read_tries().0.saturating_add(1);
    if let Ok(s) = storage() {
        let _ = s.set_item(TRIES_KEY, &format!("{n} {}", now() as u64));
    }
    n
}

/// Forgets the wrong passcodes (once the lock is open, or gone).
pub fn clear_tries() {
    if let Ok(storage) = handle() {
        let _ = storage.remove_item(TRIES_KEY);
    }
}

/// Removes the copies of unreadable records kept aside in plain text (when she locks her
/// progress, nothing of hers may stay readable); returns how many were removed.
pub fn remove_backups() -> usize {
    let Ok(storage) = storage() else { return 0 };
    let backups = keys_with(&storage, &[BACKUP_KEY]);
    for key in &backups {
        let _ = storage.remove_item(key);
    }
    backups.len()
}

/// Removes every key this app wrote (and nothing else). Returns how many were removed.
pub fn erase_all() -> Result<usize, Fault> {
    // Without the write probe: a full storage must still be erasable.
    let storage = handle()?;
    let ours = keys_with(&storage, &[PREFIX, OLD_PREFIX]);
    for key in &ours {
        let _ = storage.remove_item(key);
    }
    Ok(ours.len())
}
