//! Problems the checker finds, written for the author: the file, the place in plain words,
//! what is wrong and the likely fix.

use serde::Serialize;
use std::fmt;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Severity {
    /// The questionnaire cannot be shown to readers until this is fixed.
    Error,
    /// Probably a mistake, but readers can still use the questionnaire.
    Warning,
}

/// One problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file's path, e.g. `questionnaires/questions.toml`.
    pub file: String,
    /// The line in that file, from 1 (0 when not known).
    pub line: u32,
    /// The column in that line, in characters from 1 (0 when not known).
    pub column: u32,
    /// Where in the file, outermost first, e.g. `question "contact"`, `option "daily"`, `next`.
    pub place: Vec<String>,
    /// What is wrong and the likely fix.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{level}: {}", self.file)?;
        if self.line > 0 {
            write!(f, ":{}:{}", self.line, self.column)?;
        }
        write!(f, ": ")?;
        for (i, p) in self.place.iter().enumerate() {
            write!(f, "{}{p}", if i > 0 { " › " } else { "" })?;
        }
        if !self.place.is_empty() {
            write!(f, ": ")?;
        }
        write!(f, "{}", self.message)
    }
}

/// The closest of `candidates` to `wrong`, if one is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (c, strsim::jaro_winkler(wrong, c)))
        .filter(|(_, score)| *score >= 0.8)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(c, _)| c)
}

/// " (did you mean "x"?)" or nothing.
pub fn suggestion<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    did_you_mean(wrong, candidates)
        .map(|c| format!(" (did you mean \"{c}\"?)"))
        .unwrap_or_default()
}
