//! Saved progress: the only module that touches localStorage.
//!
//! `format` owns the versioned, serialisable record of a reader's progress (not the engine's
//! types) and converts it to and from an engine session, re-checking saved answers against the
//! current questionnaire. `local` (browser only) reads and writes it, and reports every fault
//! (corrupt or newer data, storage disabled or full) instead of losing anything.

pub mod format;
pub mod json;
pub mod sealed;

#[cfg(target_arch = "wasm32")]
pub mod local;
#[cfg(target_arch = "wasm32")]
pub mod vault;

/// Every key the app writes starts with this, so "erase everything" removes exactly ours. Key
/// names say nothing of the site or of marriage: anyone can list them in the browser's tools.
pub const PREFIX: &str = "app:";
/// What every key started with before keys were neutral; such keys are moved to [`PREFIX`] the
/// first time the app reads storage (`local::load`), and erased with ours.
pub const OLD_PREFIX: &str = "where-we-stand:";
/// The reader's progress.
pub const PROGRESS_KEY: &str = "app:progress";
/// Completed check-ins, for "how things have changed".
pub const HISTORY_KEY: &str = "app:history";
/// Where unreadable saved data is kept aside instead of being thrown away.
pub const BACKUP_KEY: &str = "app:backup";
/// Wrong passcodes tried since the lock was last opened, and when the last one was.
pub const TRIES_KEY: &str = "app:tries";

/// The time, for stamping saved records.
pub mod clock {
    /// Milliseconds since 1970.
    #[cfg(target_arch = "wasm32")]
    pub fn now() -> f64 {
        js_sys::Date::now()
    }

    /// Milliseconds since 1970.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn now() -> f64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    }
}
