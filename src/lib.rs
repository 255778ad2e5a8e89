//! Where We Stand, the reader's app: a private, guided self-assessment that runs entirely in
//! the reader's browser.
//!
//! `address` names every screen; `storage` alone touches localStorage (its record format is
//! plain Rust, tested natively); `ui` renders what the `engine` crate computes. The content is
//! built before this crate compiles (`questionnaire build`, see `main.rs`). See ARCHITECTURE.md.

pub mod address;
#[cfg(target_arch = "wasm32")]
pub mod content;
pub mod storage;

#[cfg(target_arch = "wasm32")]
pub mod ui;
