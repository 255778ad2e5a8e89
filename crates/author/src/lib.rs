//! The author's side: reads her TOML files (with file, line and column for every mistake),
//! checks the questionnaire they make, runs her example readers, and draws and inspects the
//! flow. Used by her command (`questionnaire`), the content step that builds the app's data,
//! and her studio. Pure Rust with no browser imports; the engine it checks for is the `engine`
//! crate. See ARCHITECTURE.md.

pub mod check;
pub mod diagnostic;
pub mod edit;
pub mod examples;
pub mod folder;
pub mod graph;
pub mod inspect;
pub mod load;
pub mod map;
pub mod outline;
pub mod source;

pub use check::{check, Checked, Coverage};
pub use diagnostic::{Diagnostic, Severity};
pub use load::{
    check_sources, check_sources_with, check_text, load, load_sources, load_sources_prechecked,
    LoadError,
};
pub use source::Source;
