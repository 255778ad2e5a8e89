//! The questionnaire file format as the author writes it: plain serde types, checked for shape only.
//!
//! Phase one of loading (see `load.rs`): serde rejects unknown fields and unknown kinds here;
//! references between parts (question ids, option ids, dimensions, articles) are resolved and
//! checked later by `check/`, which can report every problem at once.

mod condition;
mod scores;

pub use condition::{Condition, Form};
pub use scores::Scores;

use serde::{Deserialize, Serialize};

/// A short text from the file: ids, and the words of questions and options. On the author's
/// machine (the checker) it keeps up to 24 bytes inline instead of in a heap block of its own,
/// so a pass over 10,000 questions reads them in order rather than from all over memory; the
/// app keeps plain strings (its content is small, and every crate costs wasm bytes).
#[cfg(feature = "compact")]
pub type Str = compact_str::CompactString;
/// A short text from the file (see the checker's definition above).
#[cfg(not(feature = "compact"))]
pub type Str = String;

/// The id `next` uses to say "the check-in ends here and the results follow".
pub const RESULTS: &str = "results";

/// One questionnaire file.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct QuestionnaireFile {
    /// Stable id of the questionnaire (lowercase letters, digits, `-` and `_`).
    pub id: String,
    /// The title readers see.
    pub title: String,
    /// Bump this when questions or options change, so saved progress is re-checked.
    pub version: u32,
    /// Id of the first question.
    pub start: String,
    /// Texts for the home screen.
    pub about: About,
    /// The author's blog, linked from the results.
    pub blog: Blog,
    /// Where the quick-exit button goes and the neutral tab title.
    pub quick_exit: QuickExit,
    /// Safety help shown first whenever an answer raised a red flag.
    pub safety: Safety,
    /// Answer scales shared by scale questions (e.g. never … always).
    #[serde(default)]
    pub scales: Vec<Scale>,
    /// Scoring dimensions (e.g. burnout, trust) with named bands.
    #[serde(default)]
    pub dimensions: Vec<Dimension>,
    /// Sections that group questions; their titles are shown above each question.
    pub sections: Vec<Section>,
    /// The questions, in any order; `start` and `next` decide the flow.
    pub questions: Vec<Question>,
    /// Phases of the action plan, in the order they should be worked through.
    pub phases: Vec<Phase>,
    /// The articles that can be recommended.
    pub articles: Vec<Article>,
    /// Rules that recommend articles; an article's rank is the sum of its matching weights.
    pub recommendations: Vec<Recommendation>,
    /// How the results order articles that tie, and when two are too close to call.
    #[serde(default)]
    pub results: ResultsSettings,
}

/// How the results order articles that tie, and when two are too close to call.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ResultsSettings {
    /// Article ids in the order they come when their weights tie (articles not listed come
    /// after, in file-name order).
    #[serde(default)]
    pub tie_order: Vec<String>,
    /// When her first two articles are this close or closer in weight, the results say both
    /// fit her (0: only when they tie).
    #[serde(default)]
    pub close_margin: i64,
}

/// Texts for the home screen.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct About {
    /// A short, warm welcome saying what this is.
    pub intro: String,
    /// Plain words: support, not counselling or therapy.
    pub disclaimer: String,
    /// What happens to her answers (they stay on this device).
    pub privacy: String,
}

/// The author's blog.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Blog {
    /// The blog's name.
    pub name: String,
    /// The blog's address (https).
    pub url: String,
}

/// The quick-exit settings.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct QuickExit {
    /// A neutral site the quick exit replaces the page with (https).
    pub url: String,
    /// A neutral title for the browser tab.
    pub tab_title: String,
}

/// Safety help.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Safety {
    /// Heading of the safety panel.
    pub title: String,
    /// A short, calm message.
    pub message: String,
    /// Crisis lines and services.
    pub resources: Vec<Resource>,
    /// Steps that come first in the action plan when a red flag was raised.
    #[serde(default)]
    pub steps: Vec<SafetyStep>,
    /// Urgent help, at the top of every screen once an answer with `danger = true` was given.
    #[serde(default)]
    pub urgent: Option<Urgent>,
    /// Crisis help for a reader who may hurt herself, at the top of every screen (before any
    /// other help) once an answer with `crisis = true` was given.
    #[serde(default)]
    pub crisis: Option<Urgent>,
    /// The countries whose help lines are listed (a resource's `country`); the first is shown
    /// where the reader's own cannot be told.
    #[serde(default)]
    pub countries: Vec<Country>,
}

/// A country with help lines of its own.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Country {
    /// Its two-letter code (ISO 3166), as a resource's `country` names it: "US", "GB", …
    pub code: String,
    /// Its name, as the reader sees it in the list of countries.
    pub name: String,
    /// The device time zones that mean she is most likely there ("Europe/London"); read on
    /// the device, never sent anywhere.
    #[serde(default)]
    pub time_zones: Vec<String>,
}

/// Urgent help for a reader who gave a sign of serious danger: short, calm, and first.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Urgent {
    /// Its heading.
    pub title: String,
    /// One or two calm sentences: what to do now.
    pub message: String,
    /// Who to call now (each number becomes a link that dials it).
    pub resources: Vec<Resource>,
    /// For crisis help: the steps that open her plan when thoughts of hurting herself are her
    /// only red flag (in place of the safety steps, which are about a man she fears).
    #[serde(default)]
    pub steps: Vec<SafetyStep>,
}

/// A crisis line or service.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Resource {
    /// Who they are.
    pub name: String,
    /// How to reach them (a number, or "text START to 88788").
    pub contact: String,
    /// One line on when to use it.
    #[serde(default)]
    pub detail: String,
    /// The country it serves (a code from `[[safety.countries]]`); without one it is shown
    /// to every reader.
    #[serde(default)]
    pub country: Option<String>,
}

/// A safety step in the action plan.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SafetyStep {
    /// Stable id (the reader's tick is saved under it).
    pub id: String,
    /// The step.
    pub text: String,
}

/// An answer scale shared by scale questions.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Scale {
    /// Stable id, used by a question's `scale`.
    pub id: String,
    /// The points of the scale, lowest first.
    pub points: Vec<ScalePoint>,
}

/// One point on a scale.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ScalePoint {
    /// Stable id (saved answers use it).
    pub id: String,
    /// What the reader sees.
    pub label: String,
    /// Points this answer is worth, multiplied by the question's `scores`.
    pub value: i64,
}

/// A scoring dimension.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    /// Stable id, used by `scores` and conditions.
    pub id: String,
    /// What the reader sees.
    pub label: String,
    /// One sentence on what it measures.
    #[serde(default)]
    pub about: String,
    /// Named bands covering every possible score, lowest first.
    pub bands: Vec<Band>,
}

/// A named band of scores, inclusive at both ends.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// Stable id, used by `band` conditions.
    pub id: String,
    /// What the reader sees.
    pub label: String,
    /// Lowest score in the band.
    pub min: i64,
    /// Highest score in the band.
    pub max: i64,
    /// One sentence for a reader in this band.
    #[serde(default)]
    pub note: String,
}

/// A section of the questionnaire.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Stable id, used by a question's `section`.
    pub id: String,
    /// What the reader sees above the question.
    pub title: String,
}

/// What kind of answer a question takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Choose one option.
    Single,
    /// Tick any number of options (a checklist).
    Multiple,
    /// Choose one point on a shared scale.
    Scale,
}

/// One question.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable id (saved answers and conditions use it).
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub id: Str,
    /// The section it belongs to.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub section: Str,
    /// single, multiple or scale.
    pub kind: Kind,
    /// The question as the reader sees it.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub text: Str,
    /// An optional hint under the question.
    #[serde(default)]
    pub help: String,
    /// Offer "Prefer not to say".
    #[serde(default)]
    pub prefer_not_to_say: bool,
    /// The options (single and multiple questions).
    #[serde(default)]
    pub options: Vec<AnswerOption>,
    /// The scale (scale questions).
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub scale: Option<Str>,
    /// Points per dimension for a scale question: each point's value times this.
    #[serde(default)]
    pub scores: Scores,
    /// Conditional ways forward; the first whose `when` holds is taken.
    #[serde(default)]
    pub branches: Vec<Branch>,
    /// Where to go otherwise: a question id, or "results".
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub next: Option<Str>,
}

/// One option of a single or multiple question.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AnswerOption {
    /// Stable id (saved answers and conditions use it).
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub id: Str,
    /// What the reader sees.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub label: Str,
    /// Points added to dimensions when chosen.
    #[serde(default)]
    pub scores: Scores,
    /// Choosing this marks a safety concern: safety help comes first.
    #[serde(default)]
    pub red_flag: bool,
    /// Choosing this is a sign of serious danger (choking, a weapon, threats to kill, …): urgent
    /// help (`[safety.urgent]`) shows at the top of every screen from then on. It is also a red
    /// flag.
    #[serde(default)]
    pub danger: bool,
    /// Choosing this says she may hurt herself: crisis help (`[safety.crisis]`) shows at the
    /// top of every screen from then on, before any other help. It is also a red flag.
    #[serde(default)]
    pub crisis: bool,
    /// On a checklist, choosing this clears the others (e.g. "None of these").
    #[serde(default)]
    pub exclusive: bool,
    /// On a single question, where this option leads.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub next: Option<Str>,
}

/// A conditional way forward.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Branch {
    /// The condition on earlier answers or scores.
    pub when: Condition,
    /// A question id, or "results".
    pub next: String,
}

/// A phase of the action plan.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Phase {
    /// Stable id, used by a step's `phase`.
    pub id: String,
    /// What the reader sees.
    pub title: String,
    /// One or two sentences on this phase.
    #[serde(default)]
    pub about: String,
    /// Advice about the marriage (rebuilding with him, working on it together) that is not
    /// given to a reader with a red flag: the phase is left out of her plan.
    #[serde(default)]
    pub not_if_unsafe: bool,
}

/// An article that can be recommended.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Article {
    /// Stable id (used by recommendations and the article's page address).
    pub id: String,
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
    /// Advice about the marriage (reaching out to him, rebuilding with him, waiting on him)
    /// that is not given to a reader with a red flag: her results keep it for later.
    #[serde(default)]
    pub not_if_unsafe: bool,
}

/// A suggested step.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Stable id, unique across all articles (the reader's tick is saved under it).
    pub id: String,
    /// The phase it belongs to.
    pub phase: String,
    /// The step.
    pub text: String,
    /// Leave this step out when an answer raised a red flag (e.g. "reach out to him").
    #[serde(default)]
    pub not_if_unsafe: bool,
}

/// A rule that recommends an article.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Recommendation {
    /// The article's id.
    pub article: String,
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
