//! The questionnaire file format as the author writes it: plain serde types, checked for shape only.
//!
//! Phase one of loading (see `load.rs`): serde rejects unknown fields and unknown kinds here;
//! references between parts (question ids, option ids, dimensions, articles) are resolved and
//! checked later by `check/`, which can report every problem at once.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A short text from the file: ids, and the words of questions and options. On the author's
/// machine (the checker) it keeps up to 24 bytes inline instead of in a heap block of its own,
/// so a pass over 10,000 questions reads them in order rather than from all over memory; the
/// app keeps plain strings (its content is small, and every crate costs wasm bytes).
#[cfg(not(target_arch = "wasm32"))]
pub type Str = compact_str::CompactString;
/// A short text from the file (see the checker's definition above).
#[cfg(target_arch = "wasm32")]
pub type Str = String;

/// The id `next` uses to say "the check-in ends here and the results follow".
pub const RESULTS: &str = "results";

/// One questionnaire file.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Blog {
    /// The blog's name.
    pub name: String,
    /// The blog's address (https).
    pub url: String,
}

/// The quick-exit settings.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct QuickExit {
    /// A neutral site the quick exit replaces the page with (https).
    pub url: String,
    /// A neutral title for the browser tab.
    pub tab_title: String,
}

/// Safety help.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SafetyStep {
    /// Stable id (the reader's tick is saved under it).
    pub id: String,
    /// The step.
    pub text: String,
}

/// An answer scale shared by scale questions.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Scale {
    /// Stable id, used by a question's `scale`.
    pub id: String,
    /// The points of the scale, lowest first.
    pub points: Vec<ScalePoint>,
}

/// One point on a scale.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Stable id, used by a question's `section`.
    pub id: String,
    /// What the reader sees above the question.
    pub title: String,
}

/// What kind of answer a question takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable id (saved answers and conditions use it).
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "String"))]
    pub id: Str,
    /// The section it belongs to.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "String"))]
    pub section: Str,
    /// single, multiple or scale.
    pub kind: Kind,
    /// The question as the reader sees it.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "String"))]
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
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Option<String>"))]
    pub scale: Option<Str>,
    /// Points per dimension for a scale question: each point's value times this.
    #[serde(default)]
    pub scores: Scores,
    /// Conditional ways forward; the first whose `when` holds is taken.
    #[serde(default)]
    pub branches: Vec<Branch>,
    /// Where to go otherwise: a question id, or "results".
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Option<String>"))]
    pub next: Option<Str>,
}

/// One option of a single or multiple question.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AnswerOption {
    /// Stable id (saved answers and conditions use it).
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "String"))]
    pub id: Str,
    /// What the reader sees.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "String"))]
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
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Option<String>"))]
    pub next: Option<Str>,
}

/// A conditional way forward.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Branch {
    /// The condition on earlier answers or scores.
    pub when: Condition,
    /// A question id, or "results".
    pub next: String,
}

/// A condition on earlier answers or scores. Use exactly one form:
/// `all`, `any`, `not`, `answer` with `is` / `is_one_of` / `includes`,
/// `score` with `at_least` / `at_most` / `band`, or `red_flag`.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// The condition of this name (from `[conditions]`) holds. The loader puts the named
    /// condition itself in its place, so the engine never sees a name.
    #[serde(default)]
    pub condition: Option<String>,
    /// Every condition holds.
    #[serde(default)]
    pub all: Option<Vec<Condition>>,
    /// At least one condition holds.
    #[serde(default)]
    pub any: Option<Vec<Condition>>,
    /// The condition does not hold.
    #[serde(default)]
    pub not: Option<Box<Condition>>,
    /// A question id, with `is`, `is_one_of` or `includes`.
    #[serde(default)]
    pub answer: Option<String>,
    /// The chosen option is this one.
    #[serde(default)]
    pub is: Option<String>,
    /// The chosen option is one of these.
    #[serde(default)]
    pub is_one_of: Option<Vec<String>>,
    /// The ticked options include this one (checklists).
    #[serde(default)]
    pub includes: Option<String>,
    /// A dimension id, with `at_least`, `at_most` or `band`.
    #[serde(default)]
    pub score: Option<String>,
    /// The score is this or more.
    #[serde(default)]
    pub at_least: Option<i64>,
    /// The score is this or less.
    #[serde(default)]
    pub at_most: Option<i64>,
    /// The score falls in this band.
    #[serde(default)]
    pub band: Option<String>,
    /// `true`: some answer raised a red flag; `false`: none did.
    #[serde(default)]
    pub red_flag: Option<bool>,
}

/// The one form a [`Condition`] takes, once its fields are sorted out.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Form<'a> {
    All(&'a [Condition]),
    Any(&'a [Condition]),
    Not(&'a Condition),
    AnswerIs(&'a str, &'a str),
    AnswerIsOneOf(&'a str, &'a [String]),
    AnswerIncludes(&'a str, &'a str),
    ScoreAtLeast(&'a str, i64),
    ScoreAtMost(&'a str, i64),
    ScoreBand(&'a str, &'a str),
    RedFlag(bool),
    /// A named condition the loader could not put in place (it reported why).
    Named(&'a str),
}

impl Condition {
    /// Sorts out which form this condition takes, or says in plain words why it takes none.
    pub fn form(&self) -> Result<Form<'_>, String> {
        // No allocation and no string comparison unless something is wrong: walking a path asks
        // this of every condition.
        const NAMES: [&str; 13] = [
            "condition",
            "all",
            "any",
            "not",
            "answer",
            "is",
            "is_one_of",
            "includes",
            "score",
            "at_least",
            "at_most",
            "band",
            "red_flag",
        ];
        let on = [
            self.condition.is_some(),
            self.all.is_some(),
            self.any.is_some(),
            self.not.is_some(),
            self.answer.is_some(),
            self.is.is_some(),
            self.is_one_of.is_some(),
            self.includes.is_some(),
            self.score.is_some(),
            self.at_least.is_some(),
            self.at_most.is_some(),
            self.band.is_some(),
            self.red_flag.is_some(),
        ];
        let mask = on
            .iter()
            .enumerate()
            .fold(0u16, |m, (i, &set)| m | (u16::from(set) << i));
        fn s(v: &Option<String>) -> &str {
            v.as_deref().unwrap_or_default()
        }
        const CONDITION: u16 = 1;
        const ALL: u16 = 1 << 1;
        const ANY: u16 = 1 << 2;
        const NOT: u16 = 1 << 3;
        const ANSWER: u16 = 1 << 4;
        const IS: u16 = 1 << 5;
        const IS_ONE_OF: u16 = 1 << 6;
        const INCLUDES: u16 = 1 << 7;
        const SCORE: u16 = 1 << 8;
        const AT_LEAST: u16 = 1 << 9;
        const AT_MOST: u16 = 1 << 10;
        const BAND: u16 = 1 << 11;
        const RED_FLAG: u16 = 1 << 12;
        match mask {
            0 => Err("the condition is empty; write one of \"all\", \"any\", \"not\", \"answer\", \"score\", \"red_flag\" or \"condition\"".into()),
            ALL => Ok(Form::All(self.all.as_deref().unwrap_or_default())),
            ANY => Ok(Form::Any(self.any.as_deref().unwrap_or_default())),
            NOT => match &self.not {
                Some(inner) => Ok(Form::Not(inner)),
                None => Err("\"not\" is empty".into()),
            },
            RED_FLAG => Ok(Form::RedFlag(self.red_flag.unwrap_or(true))),
            CONDITION => Ok(Form::Named(s(&self.condition))),
            m if m == ANSWER | IS => Ok(Form::AnswerIs(s(&self.answer), s(&self.is))),
            m if m == ANSWER | IS_ONE_OF => Ok(Form::AnswerIsOneOf(
                s(&self.answer),
                self.is_one_of.as_deref().unwrap_or_default(),
            )),
            m if m == ANSWER | INCLUDES => {
                Ok(Form::AnswerIncludes(s(&self.answer), s(&self.includes)))
            }
            ANSWER => Err("\"answer\" needs \"is\", \"is_one_of\" or \"includes\" beside it".into()),
            m if m == SCORE | AT_LEAST => Ok(Form::ScoreAtLeast(
                s(&self.score),
                self.at_least.unwrap_or_default(),
            )),
            m if m == SCORE | AT_MOST => Ok(Form::ScoreAtMost(
                s(&self.score),
                self.at_most.unwrap_or_default(),
            )),
            m if m == SCORE | BAND => Ok(Form::ScoreBand(s(&self.score), s(&self.band))),
            SCORE => Err("\"score\" needs \"at_least\", \"at_most\" or \"band\" beside it".into()),
            _ => Err(format!(
                "a condition takes one form, but this one mixes {}; split it with \"all\" or \"any\"",
                NAMES
                    .iter()
                    .zip(on)
                    .filter(|(_, set)| *set)
                    .map(|(n, _)| format!("\"{n}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
    }
}

/// A phase of the action plan.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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

/// Points per dimension, as `"scores": {"strain": 2, "trust": -1}` in the file.
///
/// A short list sorted by dimension id rather than a map: most answers score one or two
/// dimensions, and a list keeps a large questionnaire compact in memory (a map node per
/// answer was a third of a 10,000-question file's size). A dimension named twice is an error.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Scores(Vec<(String, i64)>);

impl Scores {
    /// The points for `dimension`, if this answer gives any.
    pub fn get(&self, dimension: &str) -> Option<i64> {
        self.0
            .binary_search_by(|(d, _)| d.as_str().cmp(dimension))
            .ok()
            .map(|i| self.0[i].1)
    }

    /// Whether this answer gives points to `dimension`.
    pub fn contains_key(&self, dimension: &str) -> bool {
        self.get(dimension).is_some()
    }

    /// Whether this answer gives no points at all.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The dimensions named, in id order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(d, _)| d.as_str())
    }

    /// (dimension, points) pairs, in dimension id order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, i64)> {
        self.0.iter().map(|(d, p)| (d.as_str(), *p))
    }
}

impl<S: Into<String>> FromIterator<(S, i64)> for Scores {
    /// Later pairs win over earlier ones for the same dimension.
    fn from_iter<I: IntoIterator<Item = (S, i64)>>(pairs: I) -> Self {
        let mut list: Vec<(String, i64)> = Vec::new();
        for (d, p) in pairs {
            let d = d.into();
            match list.binary_search_by(|(k, _)| k.cmp(&d)) {
                Ok(i) => list[i].1 = p,
                Err(i) => list.insert(i, (d, p)),
            }
        }
        Scores(list)
    }
}

impl Serialize for Scores {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(d, p)| (d, p)))
    }
}

impl<'de> Deserialize<'de> for Scores {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Scores;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("dimension ids with whole-number points, like {\"strain\": 2}")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Scores, A::Error> {
                let mut list: Vec<(String, i64)> =
                    Vec::with_capacity(map.size_hint().unwrap_or(1).min(16));
                while let Some((d, p)) = map.next_entry::<String, i64>()? {
                    match list.binary_search_by(|(k, _)| k.cmp(&d)) {
                        Ok(_) => {
                            return Err(serde::de::Error::custom(format!(
                                "dimension \"{d}\" is given points twice; keep one"
                            )))
                        }
                        Err(i) => list.insert(i, (d, p)),
                    }
                }
                list.shrink_to_fit();
                Ok(Scores(list))
            }
        }
        deserializer.deserialize_map(Visit)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Scores {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        <std::collections::BTreeMap<String, i64>>::schema_name()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <std::collections::BTreeMap<String, i64>>::json_schema(generator)
    }
}
