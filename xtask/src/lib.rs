//! The developers' tools (run with `cargo run -p xtask -- COMMAND`, see `main.rs`): fuzzing the
//! author's reader and the app's record decoders, the checker's benchmark and the synthetic
//! questionnaires it times. Nothing here ships to a reader or to the author.

pub mod fuzz;
pub mod synthetic;
