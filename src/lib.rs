//! Where We Stand: a private, guided self-assessment that runs entirely in the reader's browser.
//!
//! `engine` is pure Rust (native-testable); `storage` alone touches localStorage; `ui` renders
//! what the engine computes. See ARCHITECTURE.md.

pub mod address;
#[cfg(target_arch = "wasm32")]
pub mod content;
pub mod engine;
#[cfg(not(target_arch = "wasm32"))]
pub mod folder;
#[cfg(not(target_arch = "wasm32"))]
pub mod fuzz;
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod studio;

#[cfg(target_arch = "wasm32")]
pub mod ui;
