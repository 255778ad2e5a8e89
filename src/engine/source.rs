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
use super::model::{
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

/// A line and column in one of the sources (both from 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loc {
    /// Which source, by its position in the list read.
    pub file: usize,
    /// The line, from 1.
    pub line: u32,
    /// The column in characters, from 1.
    pub column: u32,
}

/// Where each place (in the checker's words: `question "contact" › option "daily" › next`) is
/// written, so a problem found later in the model can still point at a line.
///
/// Reading records only where each top-level list element (a question, an article, …) starts
/// and ends; the places inside one are worked out from its own text when a problem there needs
/// a line, so a clean check of a large file never pays for an index of every value.
#[derive(Debug, Clone, Default)]
pub struct Places {
    files: Vec<String>,
    /// Each file's text (byte-order mark removed); `None` for files not read here.
    texts: Vec<Option<String>>,
    /// Top-level places (`question "x"`, `article "y"`) and the text they span.
    regions: HashMap<String, Region>,
    /// Places whose line was noted while reading (top-level keys, named conditions).
    known: HashMap<String, Loc>,
    /// The places inside each region, worked out when first needed.
    inside: std::cell::RefCell<HashMap<String, HashMap<String, Loc>>>,
    /// Every place of every file, for problems that know a line but not a place.
    every: std::cell::OnceCell<HashMap<String, Loc>>,
}

/// A stretch of a file that holds one top-level place.
#[derive(Debug, Clone)]
struct Region {
    file: usize,
    start: usize,
    end: usize,
    base: Vec<String>,
}

impl Places {
    fn lines(&self, file: usize) -> Option<Lines<'_>> {
        self.texts.get(file)?.as_deref().map(Lines::new)
    }

    /// Every place of every file (built once, only for problems found while reading).
    fn every(&self) -> &HashMap<String, Loc> {
        self.every.get_or_init(|| {
            let mut at = HashMap::default();
            for (head, region) in &self.regions {
                if !region.base.is_empty() {
                    at.extend(self.region_places(head, region));
                }
            }
            for (i, text) in self.texts.iter().enumerate() {
                let Some(text) = text else { continue };
                if self
                    .regions
                    .values()
                    .any(|r| r.file == i && !r.base.is_empty())
                {
                    continue;
                }
                let lines = Lines::new(text);
                let (table, _) = DeTable::parse_recoverable(text);
                index_table(&mut at, &lines, i, &[], table.get_ref(), false, 0);
            }
            at
        })
    }

    fn region_places(&self, head: &str, region: &Region) -> HashMap<String, Loc> {
        if let Some(found) = self.inside.borrow().get(head) {
            return found.clone();
        }
        let mut at = HashMap::default();
        if let (Some(lines), Some(Some(text))) =
            (self.lines(region.file), self.texts.get(region.file))
        {
            let slice = text.get(region.start..region.end).unwrap_or("");
            let (table, _) = DeTable::parse_recoverable(slice);
            index_table(
                &mut at,
                &lines,
                region.file,
                &region.base,
                table.get_ref(),
                !region.base.is_empty(),
                region.start,
            );
        }
        self.inside
            .borrow_mut()
            .insert(head.to_string(), at.clone());
        at
    }

    /// The place's own line, or its nearest enclosing place's.
    pub fn find(&self, place: &[String]) -> Option<Loc> {
        if place.is_empty() {
            return None;
        }
        let joined = |n: usize| place[..n].join(" › ");
        // A checker place may hold " › " inside one part (`article "x" › rule 2`).
        let head = place[0].split(" › ").next().unwrap_or_default().to_string();
        if let Some(every) = self.every.get() {
            return (1..=place.len())
                .rev()
                .find_map(|n| every.get(&joined(n)).copied());
        }
        if let Some(region) = self.regions.get(&head) {
            let inside = self.region_places(&head, region);
            let found = (1..=place.len())
                .rev()
                .find_map(|n| inside.get(&joined(n)).copied());
            return found.or_else(|| {
                self.lines(region.file)
                    .map(|l| l.at(region.file, region.start))
            });
        }
        (1..=place.len())
            .rev()
            .find_map(|n| self.known.get(&joined(n)).copied())
    }

    /// The most specific place written at or just before a line and column of a file (for a
    /// problem found while reading, which knows its line but not its place).
    pub fn at_line(&self, loc: Loc) -> Option<Vec<String>> {
        self.every()
            .iter()
            .filter(|(_, l)| l.file == loc.file && (l.line, l.column) <= (loc.line, loc.column))
            .max_by(|(ka, a), (kb, b)| {
                (a.line, a.column, ka.contains(" \""), ka.len()).cmp(&(
                    b.line,
                    b.column,
                    kb.contains(" \""),
                    kb.len(),
                ))
            })
            .map(|(k, _)| k.split(" › ").map(str::to_string).collect())
    }

    /// Fills in a problem's file, line and column from its place; a problem with no known place
    /// points at the start of the first file.
    pub fn locate(&self, d: &mut Diagnostic) {
        let loc = self.find(&d.place).unwrap_or(Loc {
            file: 0,
            line: 1,
            column: 1,
        });
        if let Some(path) = self.files.get(loc.file) {
            d.file = path.clone();
        }
        d.line = loc.line;
        d.column = loc.column;
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

/// The JSON Schema editors use for a part file (`#:schema schema/part.schema.json`).
#[derive(Debug, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Part {
    /// Stable id of the questionnaire (lowercase letters, digits, `-` and `_`).
    pub id: Option<String>,
    /// The title readers see.
    pub title: Option<String>,
    /// Raise this when questions or options change, so saved progress is checked again.
    pub version: Option<u32>,
    /// Id of the first question.
    pub start: Option<String>,
    /// Texts for the home screen.
    pub about: Option<About>,
    /// The author's blog, linked from the results.
    pub blog: Option<Blog>,
    /// Where the quick-exit button goes and the neutral tab title.
    pub quick_exit: Option<QuickExit>,
    /// Safety help shown first whenever an answer raised a red flag.
    pub safety: Option<Safety>,
    /// Conditions used in more than one place, named once: `when = { condition = "name" }`.
    #[serde(default)]
    pub conditions: BTreeMap<String, Condition>,
    /// Answer scales shared by scale questions (e.g. never … always).
    #[serde(default)]
    pub scales: Vec<Scale>,
    /// Scoring dimensions (e.g. burnout, trust) with named bands.
    #[serde(default)]
    pub dimensions: Vec<Dimension>,
    /// Sections that group questions; their titles are shown above each question.
    #[serde(default)]
    pub sections: Vec<Section>,
    /// Phases of the action plan, in the order she works through them.
    #[serde(default)]
    pub phases: Vec<Phase>,
    /// The questions, in any order; `start` and `next` decide the flow.
    #[serde(default)]
    pub questions: Vec<Question>,
    /// Articles written in this file rather than in `articles/` (each needs an `id`).
    #[serde(default)]
    pub articles: Vec<ArticleSource>,
    /// How the results order articles that tie, and when two are too close to call.
    pub results: Option<ResultsSettings>,
}

/// One article as the author writes it: in `articles/<id>.toml`, or as `[[articles]]`.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ArticleSource {
    /// Stable id; in `articles/` the file name gives it, so leave it out there.
    #[serde(default)]
    pub id: Option<String>,
    /// The article's title, exactly as published.
    pub title: String,
    /// Who wrote it.
    pub author: String,
    /// Where to read it (https).
    pub url: String,
    /// A short summary in plain words.
    pub summary: String,
    /// What helps.
    #[serde(default)]
    pub helps: Vec<String>,
    /// What hurts, or what to avoid.
    #[serde(default)]
    pub hurts: Vec<String>,
    /// Suggested steps, each in a phase of the action plan.
    #[serde(default)]
    pub steps: Vec<Step>,
    /// The rules that recommend it: when each holds, its weight adds to the article's rank.
    #[serde(default)]
    pub recommend: Vec<Rule>,
    /// Advice about the marriage (reaching out to him, rebuilding with him, waiting on him):
    /// a reader with a red flag is not given it; her results keep it for later.
    #[serde(default)]
    pub not_if_unsafe: bool,
}

/// A rule that recommends the article it is written in.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// When it applies.
    pub when: Condition,
    /// How strongly; an article's rank is the sum of its matching weights.
    #[serde(default = "one")]
    pub weight: i64,
    /// A plain-words reason; if absent, one is built from the condition.
    #[serde(default)]
    pub because: Option<String>,
}

fn one() -> i64 {
    1
}

/// The keys a part may have, in the order the guide lists them.
pub const PART_KEYS: &[&str] = &[
    "id",
    "title",
    "version",
    "start",
    "about",
    "blog",
    "quick_exit",
    "safety",
    "conditions",
    "scales",
    "dimensions",
    "sections",
    "phases",
    "questions",
    "articles",
    "results",
];

/// Line starts of a text, for turning byte offsets into lines and columns.
pub(crate) struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { text, starts }
    }

    pub(crate) fn at(&self, file: usize, offset: usize) -> Loc {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let column = self
            .text
            .get(start..offset)
            .map_or(0, |s| s.chars().count());
        Loc {
            file,
            line: u32::try_from(line).unwrap_or(u32::MAX),
            column: u32::try_from(column + 1).unwrap_or(u32::MAX),
        }
    }

    /// The text of the line an offset is on.
    fn line_of(&self, offset: usize) -> &'a str {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let end = self.starts.get(line).map_or(self.text.len(), |&e| e - 1);
        self.text.get(start..end).unwrap_or("")
    }
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
            place,
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

/// How deep lists, tables and conditions may nest (the check-in needs 5).
pub const MAX_DEPTH: usize = 64;

/// Where brackets and braces first nest deeper than [`MAX_DEPTH`], if they do: the parser and
/// every pass over conditions recurse, so a file like `a = [[[[…` must be stopped first.
fn too_deep(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) => {
                if b == b'\\' && q == b'"' {
                    i += 1;
                } else if b == q || b == b'\n' {
                    quote = None;
                }
            }
            None => match b {
                b'"' | b'\'' => quote = Some(b),
                b'#' => {
                    while i < bytes.len() && bytes[i] != b'\n' {
                        i += 1;
                    }
                }
                b'[' | b'{' => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Some(i);
                    }
                }
                b']' | b'}' => depth = depth.saturating_sub(1),
                _ => {}
            },
        }
        i += 1;
    }
    None
}

/// Phase one and a half: the TOML syntax, every slip at once, in plain words.
fn parse<'a>(r: &mut Reader, file: usize, lines: &Lines<'a>) -> Option<Spanned<DeTable<'a>>> {
    let (table, errors) = DeTable::parse_recoverable(lines.text);
    if errors.is_empty() {
        return Some(table);
    }
    for e in errors {
        let offset = e.span().map_or(0, |s| s.start);
        let message = plain_syntax(e.message(), lines, offset);
        r.error(lines.at(file, offset), Vec::new(), message);
    }
    None
}

/// A TOML parser message, reworded for a writer where the cause is a known slip.
fn plain_syntax(raw: &str, lines: &Lines, offset: usize) -> String {
    let raw = raw.trim().trim_end_matches('.').replace('`', "\"");
    let line = lines.line_of(offset);
    let before = line.split_once('=').map_or("", |(_, v)| v).trim_start();
    if line.contains(['“', '”', '‘', '’']) && before.starts_with(['“', '”', '‘', '’'])
    {
        return "this text starts with a curly quote (“ or ‘); put it between straight quotes (\"…\") or three of them (\"\"\"…\"\"\"); word processors change quotes, so retype them in a plain text editor".into();
    }
    if before.starts_with('"') && !before.starts_with("\"\"\"") && line.matches('"').count() > 2 {
        return "this text has a \" inside it, which ends it early; put the text between three quotes (\"\"\"…\"\"\") instead, or use curly quotes “ ” inside it".into();
    }
    if before.starts_with('"') && line.matches('"').count() == 1 {
        return "this text has no closing quote; end it with \" on the same line, or, for a text over several lines, put it between three quotes (\"\"\"…\"\"\")".into();
    }
    if raw.contains("duplicate key") {
        return format!(
            "{raw}: this name is already set above in the same table; keep one of them"
        );
    }
    format!("this is not valid TOML ({raw}); check this line for a missing quote, = or bracket")
}

/// Prose is written over several lines as she likes: single line breaks inside a paragraph
/// become spaces, blank lines separate paragraphs, and the ends are trimmed.
fn tidy_prose(table: &mut DeTable) {
    for (_, value) in table.iter_mut() {
        tidy_value(value.get_mut());
    }
}

fn tidy_value(value: &mut DeValue) {
    match value {
        DeValue::String(s) if s.contains('\n') || s.starts_with(char::is_whitespace) => {
            let paragraphs: Vec<String> = s
                .split("\n\n")
                .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|p| !p.is_empty())
                .collect();
            *s = Cow::Owned(paragraphs.join("\n\n"));
        }
        DeValue::Array(items) => items.iter_mut().for_each(|v| tidy_value(v.get_mut())),
        DeValue::Table(t) => tidy_prose(t),
        _ => {}
    }
}

/// What one element of a list is called in messages.
fn singular(key: &str) -> &str {
    match key {
        "questions" => "question",
        "options" => "option",
        "branches" => "branch",
        "sections" => "section",
        "scales" => "scale",
        "points" => "point",
        "dimensions" => "dimension",
        "bands" => "band",
        "phases" => "phase",
        "articles" => "article",
        "steps" => "step",
        "recommend" => "rule",
        "resources" => "resource",
        other => other,
    }
}

/// Records where every place of a table is written. Lists of tables are named by element
/// (`question "x"`, `option 2`), not by the list, as the checker names them.
fn index_table(
    index: &mut HashMap<String, Loc>,
    lines: &Lines,
    file: usize,
    base: &[String],
    table: &DeTable,
    in_article: bool,
    offset: usize,
) {
    if let Some(loc) = base.last().map(|_| lines.at(file, offset)) {
        index.entry(base.join(" › ")).or_insert(loc);
    }
    for (key, value) in table.iter() {
        let key_name = key.get_ref().as_ref();
        let loc = lines.at(file, offset + key.span().start);
        let mut path = base.to_vec();
        let conditions = key_name == "conditions" && base.is_empty() && !in_article;
        if !matches!(value.get_ref(), DeValue::Array(items) if items.iter().any(|v| matches!(v.get_ref(), DeValue::Table(_))))
        {
            path.push(key_name.to_string());
            index.insert(path.join(" › "), loc);
        }
        match value.get_ref() {
            DeValue::Table(t) if conditions => {
                for (name, c) in t.iter() {
                    let place = vec![format!("condition \"{}\"", name.get_ref())];
                    let at = lines.at(file, offset + name.span().start);
                    index.insert(place.join(" › "), at);
                    if let DeValue::Table(ct) = c.get_ref() {
                        index_table(index, lines, file, &place, ct, in_article, offset);
                    }
                }
            }
            DeValue::Table(t) => index_table(index, lines, file, &path, t, in_article, offset),
            DeValue::Array(items) => {
                for (n, item) in items.iter().enumerate() {
                    let DeValue::Table(t) = item.get_ref() else {
                        continue;
                    };
                    let at = lines.at(file, offset + item.span().start);
                    let one = singular(key_name);
                    let mut numbered = path.clone();
                    if numbered.last().map(String::as_str) == Some(key_name) {
                        numbered.pop();
                    }
                    let named = ["id", "name"].iter().find_map(|k| match t.get(*k) {
                        Some(v) => match v.get_ref() {
                            DeValue::String(s) => Some(format!("{one} \"{s}\"")),
                            _ => None,
                        },
                        None => None,
                    });
                    let mut by_number = numbered.clone();
                    by_number.push(format!("{one} {}", n + 1));
                    index.insert(by_number.join(" › "), at);
                    index_table(index, lines, file, &by_number, t, in_article, offset);
                    if let Some(named) = named {
                        let mut by_name = numbered.clone();
                        by_name.push(named);
                        index.entry(by_name.join(" › ")).or_insert(at);
                        index_table(index, lines, file, &by_name, t, in_article, offset);
                    }
                }
            }
            _ => {}
        }
    }
}

/// Where the element of the list `key` whose value starts at `offset` begins: its own
/// `[[key]]` line when it is written as one, else the start of its line.
fn header_start(text: &str, offset: usize, key: &str) -> usize {
    let header = format!("[[{key}]]");
    if text.get(offset..).is_some_and(|t| t.starts_with(&header)) {
        return offset;
    }
    let before = text.get(..offset.min(text.len())).unwrap_or("");
    let line_start = |i: usize| i == 0 || before.as_bytes().get(i - 1) == Some(&b'\n');
    let mut search = before;
    while let Some(i) = search.rfind(&header) {
        if line_start(i) {
            return i;
        }
        search = &search[..i];
    }
    before.rfind('\n').map_or(0, |i| i + 1)
}

/// What a list element is called: `question "x"`, or `resource "name"` (by its id or name).
fn element_label(key: &str, value: &DeValue) -> Option<String> {
    let DeValue::Table(t) = value else {
        return None;
    };
    ["id", "name"]
        .iter()
        .find_map(|k| match t.get(*k).map(Spanned::get_ref) {
            Some(DeValue::String(s)) => Some(format!("{} \"{s}\"", singular(key))),
            _ => None,
        })
}

/// Reads one value into its type, reporting a wrong shape at its line in plain words.
fn take<T: DeserializeOwned>(
    r: &mut Reader,
    lines: &Lines,
    file: usize,
    place: &[String],
    value: Spanned<DeTable>,
) -> Option<T> {
    let span = value.span();
    let value = Spanned::new(span, DeValue::Table(value.into_inner()));
    take_value(r, lines, file, place, value)
}

fn take_value<T: DeserializeOwned>(
    r: &mut Reader,
    lines: &Lines,
    file: usize,
    place: &[String],
    value: Spanned<DeValue>,
) -> Option<T> {
    let start = value.span().start;
    match T::deserialize(ValueDeserializer::from(value)) {
        Ok(v) => Some(v),
        Err(e) => {
            let offset = e.span().map_or(start, |s| s.start);
            let message = super::load::plain_shape_message(e.message());
            let loc = lines.at(file, offset);
            let place = r.places.at_line(loc).unwrap_or_else(|| place.to_vec());
            r.error(loc, place, message);
            None
        }
    }
}

/// Reads each top-level table of a part on its own, so one mistake hides no other.
fn gather_part(r: &mut Reader, g: &mut Gathered, lines: &Lines, file: usize, table: DeTable) {
    for (key, value) in table.into_iter() {
        let name = key.get_ref().to_string();
        let loc = lines.at(file, key.span().start);
        let place = vec![name.clone()];
        r.places.known.insert(name.clone(), loc);
        if matches!(value.get_ref(), DeValue::Table(_)) {
            // Places inside a table (`safety › resource "x" › name`) are found in the file.
            r.places.regions.entry(name.clone()).or_insert(Region {
                file,
                start: 0,
                end: lines.text.len(),
                base: Vec::new(),
            });
        }
        macro_rules! once {
            ($slot:expr, $ty:ty) => {{
                if let Some((_, earlier)) = &$slot {
                    let earlier = *earlier;
                    let where_ = r
                        .places
                        .files
                        .get(earlier.file)
                        .cloned()
                        .unwrap_or_default();
                    r.error(
                        loc,
                        place.clone(),
                        format!(
                            "\"{name}\" is already set in {where_} on line {}; keep one of them",
                            earlier.line
                        ),
                    );
                } else if let Some(v) = take_value::<$ty>(r, lines, file, &place, value) {
                    $slot = Some((v, loc));
                }
            }};
        }
        macro_rules! list {
            ($list:expr, $ty:ty) => {{
                match value.into_inner() {
                    DeValue::Array(items) => {
                        let starts: Vec<usize> = items
                            .iter()
                            .map(|item| header_start(lines.text, item.span().start, &name))
                            .collect();
                        for (n, item) in items.into_iter().enumerate() {
                            if let Some(label) = element_label(&name, item.get_ref()) {
                                let end = starts.get(n + 1).copied().unwrap_or(lines.text.len());
                                r.places.regions.entry(label).or_insert(Region {
                                    file,
                                    start: starts[n],
                                    end: end.max(starts[n]),
                                    base: Vec::new(),
                                });
                            }
                            let place = vec![format!("{} {}", singular(&name), n + 1)];
                            if let Some(v) = take_value::<$ty>(r, lines, file, &place, item) {
                                $list.push(v);
                            }
                        }
                    }
                    _ => r.error(
                        loc,
                        place.clone(),
                        format!("\"{name}\" is a list: write each one under its own [[{name}]] line"),
                    ),
                }
            }};
        }
        match name.as_str() {
            "id" => once!(g.id, String),
            "title" => once!(g.title, String),
            "version" => once!(g.version, u32),
            "start" => once!(g.start, String),
            "about" => once!(g.about, About),
            "blog" => once!(g.blog, Blog),
            "quick_exit" => once!(g.quick_exit, QuickExit),
            "safety" => once!(g.safety, Safety),
            "results" => once!(g.results, ResultsSettings),
            "scales" => list!(g.scales, Scale),
            "dimensions" => list!(g.dimensions, Dimension),
            "sections" => list!(g.sections, Section),
            "phases" => list!(g.phases, Phase),
            "questions" => list!(g.questions, Question),
            "articles" => {
                let mut found: Vec<ArticleSource> = Vec::new();
                list!(found, ArticleSource);
                for a in found {
                    match a.id.clone() {
                        Some(id) => g.articles.push((id, a)),
                        None => r.error(
                            loc,
                            vec![format!("article \"{}\"", a.title)],
                            "an article written in this file needs an `id`; or move it to articles/<id>.toml".into(),
                        ),
                    }
                }
            }
            "conditions" => match value.into_inner() {
                DeValue::Table(t) => {
                    for (cname, c) in t.into_iter() {
                        let cname = cname.get_ref().to_string();
                        let cloc = lines.at(file, c.span().start);
                        let cplace = vec![format!("condition \"{cname}\"")];
                        r.places.known.insert(cplace[0].clone(), cloc);
                        if let Some(v) = take_value::<Condition>(r, lines, file, &cplace, c) {
                            match g.conditions.entry(cname) {
                                std::collections::btree_map::Entry::Occupied(e) => r.error(
                                    cloc,
                                    cplace,
                                    format!("there is already a condition named \"{}\"; give each its own name", e.key()),
                                ),
                                std::collections::btree_map::Entry::Vacant(e) => {
                                    e.insert((v, cloc));
                                }
                            }
                        }
                    }
                }
                _ => r.error(loc, place, "write named conditions under a [conditions] line, one per line: living_apart = { answer = \"situation\", is = \"moved_out\" }".into()),
            },
            other => {
                let hint = suggestion(other, PART_KEYS.iter().copied());
                r.error(
                    loc,
                    place,
                    format!(
                        "there is no \"{other}\" in a questionnaire{hint}; the names used at the top of a file are {}",
                        PART_KEYS.join(", ")
                    ),
                );
            }
        }
    }
}

/// Puts the parts and articles together, with named conditions put in place.
fn assemble(r: &mut Reader, g: Gathered) -> Option<QuestionnaireFile> {
    let first = Loc {
        file: 0,
        line: 1,
        column: 1,
    };
    let mut missing = |what: &str, example: &str| {
        r.error(
            first,
            Vec::new(),
            format!("the questionnaire has no \"{what}\"; add {example} to the questions file"),
        );
    };
    let id = g.id.map(|(v, _)| v);
    let title = g.title.map(|(v, _)| v);
    let version = g.version.map(|(v, _)| v);
    let start = g.start.map(|(v, _)| v);
    let about = g.about.map(|(v, _)| v);
    let blog = g.blog.map(|(v, _)| v);
    let quick_exit = g.quick_exit.map(|(v, _)| v);
    let safety = g.safety.map(|(v, _)| v);
    for (absent, what, example) in [
        (id.is_none(), "id", "`id = \"check-in\"`"),
        (title.is_none(), "title", "`title = \"…\"`"),
        (version.is_none(), "version", "`version = 1`"),
        (
            start.is_none(),
            "start",
            "`start = \"<the first question's id>\"`",
        ),
        (about.is_none(), "about", "an [about] table"),
        (blog.is_none(), "blog", "a [blog] table"),
        (quick_exit.is_none(), "quick_exit", "a [quick_exit] table"),
        (safety.is_none(), "safety", "a [safety] table"),
    ] {
        if absent {
            missing(what, example);
        }
    }
    let mut used: Vec<String> = Vec::new();
    let mut recommendations = Vec::new();
    let mut articles = Vec::new();
    for (id, a) in g.articles {
        for (n, rule) in a.recommend.into_iter().enumerate() {
            let mut when = rule.when;
            let place = vec![
                format!("article \"{id}\""),
                format!("rule {}", n + 1),
                "when".to_string(),
            ];
            put_in_place(r, &g.conditions, &mut used, &place, &mut when, 0);
            recommendations.push(Recommendation {
                article: id.clone(),
                when,
                weight: rule.weight,
                because: rule.because,
            });
        }
        articles.push(Article {
            id,
            title: a.title,
            author: a.author,
            url: a.url,
            summary: a.summary,
            helps: a.helps,
            hurts: a.hurts,
            steps: a.steps,
            not_if_unsafe: a.not_if_unsafe,
        });
    }
    let mut questions = g.questions;
    for q in &mut questions {
        let base = format!("question \"{}\"", q.id);
        for (n, b) in q.branches.iter_mut().enumerate() {
            let place = vec![base.clone(), format!("branch {}", n + 1), "when".into()];
            put_in_place(r, &g.conditions, &mut used, &place, &mut b.when, 0);
        }
    }
    for (name, (c, loc)) in &g.conditions {
        let mut c = c.clone();
        let place = vec![format!("condition \"{name}\"")];
        let mut inside = Vec::new();
        put_in_place(r, &g.conditions, &mut inside, &place, &mut c, 0);
        if !used.contains(name) {
            r.problem(
                Severity::Warning,
                *loc,
                place,
                "no branch or rule uses this condition; use it with `when = { condition = \"…\" }` or remove it".into(),
            );
        }
    }
    Some(QuestionnaireFile {
        id: id?,
        title: title?,
        version: version?,
        start: start?,
        about: about?,
        blog: blog?,
        quick_exit: quick_exit?,
        safety: safety?,
        scales: g.scales,
        dimensions: g.dimensions,
        sections: g.sections,
        questions,
        phases: g.phases,
        articles,
        recommendations,
        results: g.results.map(|(v, _)| v).unwrap_or_default(),
    })
}

/// Replaces `{ condition = "name" }`, at any depth, by the named condition.
fn put_in_place(
    r: &mut Reader,
    named: &BTreeMap<String, (Condition, Loc)>,
    used: &mut Vec<String>,
    place: &[String],
    c: &mut Condition,
    depth: usize,
) {
    if let Some(name) = c.condition.clone() {
        let loc = r.places.find(place).unwrap_or(Loc {
            file: 0,
            line: 1,
            column: 1,
        });
        if depth > 16 {
            r.error(loc, place.to_vec(), format!("the condition \"{name}\" is defined by way of itself; a named condition cannot use its own name"));
            return;
        }
        match named.get(&name) {
            Some((def, _)) => {
                *c = def.clone();
                used.push(name);
            }
            None => {
                let names: Vec<&str> = named.keys().map(String::as_str).collect();
                let listed = if names.is_empty() {
                    "there are no named conditions yet; name one under a [conditions] line"
                        .to_string()
                } else {
                    format!("the named conditions are {}", names.join(", "))
                };
                r.error(
                    loc,
                    place.to_vec(),
                    format!(
                        "there is no condition named \"{name}\"{}; {listed}",
                        suggestion(&name, names.iter().copied())
                    ),
                );
                return;
            }
        }
    }
    for inner in c.all.iter_mut().chain(c.any.iter_mut()).flatten() {
        put_in_place(r, named, used, place, inner, depth + 1);
    }
    if let Some(inner) = c.not.as_deref_mut() {
        put_in_place(r, named, used, place, inner, depth + 1);
    }
    if c.condition.is_some() {
        put_in_place(r, named, used, place, c, depth + 1);
    }
}
