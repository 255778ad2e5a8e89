//! The questionnaire engine: what the reader's app needs to walk a checked questionnaire.
//!
//! The file format (`model`), its indexes (`questionnaire`), answers, the walk through the
//! questions, a reader's session, her report, the help lines for her country, and decoding the
//! questionnaire the content step built (`built`). Pure Rust with no browser or UI imports, no
//! I/O and no panics on authored content; it compiles and tests natively. Reading the author's
//! TOML and checking it is the `author` crate's job. See ARCHITECTURE.md.

pub mod answer;
pub mod built;
pub mod help;
pub mod model;
pub mod questionnaire;
pub mod report;
pub mod session;
pub mod walk;

pub use answer::{Answer, AnswerError};
pub use built::{load_built, Findings};
pub use model::QuestionnaireFile;
pub use questionnaire::Questionnaire;
pub use report::Report;
pub use session::{Position, Restored, Screen, Session};
