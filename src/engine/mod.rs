//! The engine: loads, checks, walks and scores questionnaires, and builds the report.
//!
//! Pure Rust with no browser or UI imports, no I/O and no panics on authored content; it
//! compiles and tests natively. See ARCHITECTURE.md for its invariants.

pub mod answer;
pub mod check;
pub mod diagnostic;
pub mod examples;
pub mod graph;
pub mod help;
pub mod inspect;
pub mod load;
pub mod map;
pub mod model;
pub mod questionnaire;
pub mod report;
pub mod session;
pub mod source;
pub mod walk;

pub use answer::{Answer, AnswerError};
pub use check::{check, Checked, Coverage};
pub use diagnostic::{Diagnostic, Severity};
pub use load::{
    check_sources, check_sources_with, check_text, load, load_built, load_sources,
    load_sources_prechecked, Findings, LoadError,
};
pub use model::QuestionnaireFile;
pub use questionnaire::Questionnaire;
pub use report::Report;
pub use session::{Position, Restored, Screen, Session};
pub use source::Source;
