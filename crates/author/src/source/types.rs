//! The author's own shapes, as she writes them (a part file, an article file, a rule inside
//! an article), with the JSON Schemas her editor reads; what they add up to is the engine's
//! model.

use super::*;

/// The JSON Schema editors use for a part file (`#:schema schema/part.schema.json`).
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

pub(crate) fn one() -> i64 {
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
