//! The questionnaire compiled into the app: checked by `build.rs`, then embedded in postcard
//! (a compact binary serde format), so the app needs neither a JSON parser for it nor the checker.

/// The main check-in, encoded with postcard from the checked file.
pub const CHECK_IN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/check-in.postcard"));
