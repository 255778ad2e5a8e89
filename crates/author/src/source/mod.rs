//! The author's files, read: TOML text in, the questionnaire model out, with the file, line and
//! column of every value kept so that each problem can point at it (phase one of loading).
//!
//! A questionnaire is a folder. Every `.toml` file directly in it is a *part* (the questions and
//! the flow; the texts around them); their top-level tables are put together into one
//! questionnaire. Every `.toml` file in `articles/` is one article, whose id is its file name.
//! One file may also hold a whole questionnaire, articles included as `[[articles]]` (the tests
//! do this). Conditions named under `[conditions]` are put in place of `{ condition = "name" }`
//! here, so the engine never sees a name. Reading never stops at the first problem: syntax
//! slips are collected per file, and each question, article or table is read on its own.

use super::diagnostic::{suggestion, Diagnostic, Severity};
use engine::model::{
    About, Article, Blog, Condition, Dimension, Phase, Question, QuestionnaireFile, QuickExit,
    Recommendation, ResultsSettings, Safety, Scale, Section, Step,
};
use rustc_hash::FxHashMap as HashMap;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use std::borrow::Cow;
use std::collections::BTreeMap;
use toml::de::{DeTable, DeValue, ValueDeserializer};
use toml::Spanned;

mod assemble;
mod gather;
mod places;
mod syntax;
mod types;

use assemble::*;
use gather::*;
use places::*;
use syntax::*;

pub(crate) use places::Lines;
pub use places::{Loc, Places};
pub use syntax::MAX_DEPTH;
pub use types::{ArticleSource, Part, Rule, PART_KEYS};

/// One file of the author's: its path as she should see it in messages, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The path shown in messages, e.g. `questionnaires/questions.toml`.
    pub path: String,
    /// The file's text.
    pub text: String,
}

impl Source {
    /// A source from a path and its text.
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Source {
        Source {
            path: path.into(),
            text: text.into(),
        }
    }
}

/// What a file is, from where it sits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    /// Part of the questionnaire: its top-level tables are put together with the other parts'.
    Part,
    /// One article, with the id its file name gives.
    Article(String),
    /// One of the author's example readers (read by `examples.rs`, not here).
    Example,
    /// Not a questionnaire file.
    Other,
}

/// What a file is, from its path: `.toml` files in `articles/` are articles, in `examples/`
/// example readers, anywhere else parts.
pub fn role(path: &str) -> Role {
    let path = path.replace('\\', "/");
    let Some(stem) = path.strip_suffix(".toml") else {
        return Role::Other;
    };
    let mut parts = stem.rsplit('/');
    let name = parts.next().unwrap_or_default();
    match parts.next() {
        Some("articles") => Role::Article(name.to_string()),
        Some("examples") => Role::Example,
        _ => Role::Part,
    }
}

/// The outcome of reading the sources.
#[derive(Debug, Clone)]
pub struct Read {
    /// The questionnaire the files make up, if they could be read (references are not checked
    /// yet: that is `check/`).
    pub file: Option<QuestionnaireFile>,
    /// Every problem met while reading.
    pub diagnostics: Vec<Diagnostic>,
    /// Where every place is written.
    pub places: Places,
}

/// Collects problems with their lines while the files are read.
struct Reader {
    places: Places,
    out: Vec<Diagnostic>,
}

impl Reader {
    fn problem(&mut self, severity: Severity, loc: Loc, place: Vec<String>, message: String) {
        self.out.push(Diagnostic {
            severity,
            file: self.places.files.get(loc.file).cloned().unwrap_or_default(),
            line: loc.line,
            column: loc.column,
            place: place.into(),
            message,
        });
    }

    fn error(&mut self, loc: Loc, place: Vec<String>, message: String) {
        self.problem(Severity::Error, loc, place, message);
    }
}

/// What the parts and articles add up to, before it is put together.
#[derive(Default)]
struct Gathered {
    id: Option<(String, Loc)>,
    title: Option<(String, Loc)>,
    version: Option<(u32, Loc)>,
    start: Option<(String, Loc)>,
    about: Option<(About, Loc)>,
    blog: Option<(Blog, Loc)>,
    quick_exit: Option<(QuickExit, Loc)>,
    safety: Option<(Safety, Loc)>,
    results: Option<(ResultsSettings, Loc)>,
    conditions: BTreeMap<String, (Condition, Loc)>,
    scales: Vec<Scale>,
    dimensions: Vec<Dimension>,
    sections: Vec<Section>,
    phases: Vec<Phase>,
    questions: Vec<Question>,
    /// (id, article, where its id comes from).
    articles: Vec<(String, ArticleSource)>,
}

/// Reads the sources (parts, articles; examples are skipped) into one questionnaire.
pub fn read(sources: &[Source]) -> Read {
    let mut r = Reader {
        places: Places {
            files: sources.iter().map(|s| s.path.clone()).collect(),
            texts: vec![None; sources.len()],
            ..Places::default()
        },
        out: Vec::new(),
    };
    let mut g = Gathered::default();
    let mut readable = true;
    let mut any_part = false;
    // Articles in `articles/` come in file-name order, whatever order the sources are given in.
    let mut order: Vec<usize> = (0..sources.len()).collect();
    order.sort_by(|&a, &b| sources[a].path.cmp(&sources[b].path));
    for &i in &order {
        let source = &sources[i];
        let role = role(&source.path);
        if matches!(role, Role::Example | Role::Other) {
            continue;
        }
        let text = source.text.strip_prefix('\u{feff}').unwrap_or(&source.text);
        let lines = Lines::new(text);
        if let Some(offset) = too_deep(text) {
            r.error(
                lines.at(i, offset),
                Vec::new(),
                format!("lists, tables or conditions are nested more than {MAX_DEPTH} deep here; a questionnaire never needs that many, so look for brackets or braces that were never closed"),
            );
            readable = false;
            continue;
        }
        let Some(mut table) = parse(&mut r, i, &lines) else {
            readable = false;
            continue;
        };
        tidy_prose(table.get_mut());
        match role {
            Role::Article(id) => {
                let base = vec![format!("article \"{id}\"")];
                r.places.texts[i] = Some(text.to_string());
                r.places.regions.insert(
                    base[0].clone(),
                    Region {
                        file: i,
                        start: 0,
                        end: text.len(),
                        base: base.clone(),
                    },
                );
                let loc = lines.at(i, 0);
                if let Some(a) = take::<ArticleSource>(&mut r, &lines, i, &base, table) {
                    if let Some(own) = a.id.as_deref().filter(|own| *own != id) {
                        r.error(loc, base.clone(), format!("this file is articles/{id}.toml, so the article's id is \"{id}\", not \"{own}\"; remove the line `id = \"{own}\"` or rename the file"));
                    }
                    g.articles.push((id, a));
                }
            }
            _ => {
                any_part = true;
                r.places.texts[i] = Some(text.to_string());
                gather_part(&mut r, &mut g, &lines, i, table.into_inner());
            }
        }
    }
    if !any_part && readable {
        r.error(
            Loc {
                file: 0,
                line: 1,
                column: 1,
            },
            Vec::new(),
            "there is no questions file here: the folder needs a .toml file beside articles/ with the questions".into(),
        );
    }
    let file = if readable && !r.out.iter().any(|d| d.severity == Severity::Error) {
        assemble(&mut r, g)
    } else {
        None
    };
    Read {
        file,
        diagnostics: r.out,
        places: r.places,
    }
}
