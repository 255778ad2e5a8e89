//! The questionnaire compiled into the app: checked and minified by `build.rs`.

/// The main check-in, as minified JSON.
pub const CHECK_IN: &str = include_str!(concat!(env!("OUT_DIR"), "/check-in.json"));

/// The file name used in messages about the embedded check-in.
pub const CHECK_IN_NAME: &str = "check-in.json";
