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
    pub place: Place,
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
        if !self.place.is_empty() {
            write!(f, "{}: ", self.place)?;
        }
        write!(f, "{}", self.message)
    }
}

/// Where in her files something is, in the checker's words, outermost first: each part is one
/// step, such as `question "contact"`, `option "daily"`, `next`, `article "x"`, `rule 2`.
/// Shown joined with " › "; never split again from text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Place(Vec<String>);

/// What a place is about, for tools that go there (the studio's map and preview).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum About {
    /// A question, by id.
    Question(String),
    /// An article, by id.
    Article(String),
}

impl Place {
    /// The place's steps, outermost first.
    pub fn parts(&self) -> &[String] {
        &self.0
    }

    /// Whether it names no place (the whole file).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The question or article it is in, if it is in one (its outermost such step).
    pub fn about(&self) -> Option<About> {
        self.0.iter().find_map(|part| {
            let named = |kind: &str| {
                part.strip_prefix(kind)
                    .and_then(|rest| rest.strip_prefix(" \""))
                    .and_then(|rest| rest.strip_suffix('"'))
                    .map(str::to_string)
            };
            named("question")
                .map(About::Question)
                .or_else(|| named("article").map(About::Article))
        })
    }
}

impl From<Vec<String>> for Place {
    fn from(parts: Vec<String>) -> Place {
        Place(parts)
    }
}

impl From<&[String]> for Place {
    fn from(parts: &[String]) -> Place {
        Place(parts.to_vec())
    }
}

impl<const N: usize> PartialEq<[&str; N]> for Place {
    fn eq(&self, other: &[&str; N]) -> bool {
        self.0.len() == N && self.0.iter().zip(other).all(|(a, b)| a == b)
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.0.iter().enumerate() {
            write!(f, "{}{p}", if i > 0 { " › " } else { "" })?;
        }
        Ok(())
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
