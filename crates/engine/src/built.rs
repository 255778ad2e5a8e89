//! The questionnaire as the app receives it: postcard bytes the content step (`questionnaire
//! build`, in the author's crate) wrote after every check passed. Decoding them is all the app
//! does: none of the checker's code, or a parser for the author's format, ships to the reader.

use crate::model::QuestionnaireFile;
use crate::questionnaire::Questionnaire;

/// Loads the content embedded in the app. The content step (`questionnaire build`) already ran every check on it (a
/// problem stops the build) and encoded it with postcard, so this is a decode and the indexes: none of
/// the checker's code, or a parser for the author's format, ships to the reader. Any failure is
/// still an error, not a panic.
#[inline(never)]
pub fn load_built(bytes: &[u8]) -> Result<Questionnaire, String> {
    let file: QuestionnaireFile = postcard::from_bytes(bytes).map_err(|e| e.to_string())?;
    built(file)
}

/// The indexes and flow of a file the build already checked.
fn built(file: QuestionnaireFile) -> Result<Questionnaire, String> {
    Questionnaire::build(file).ok_or_else(|| "its questions do not form a usable flow".into())
}

/// The parts of a questionnaire only the results need: the plan's phases, the articles, the
/// rules that recommend them, and the steps that open the plan after a red flag. The app's first load carries the rest (everything the home page
/// and the questions need) and fetches these once she starts, so the first screen comes sooner.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct Findings {
    /// Phases of the action plan.
    pub phases: Vec<crate::model::Phase>,
    /// The articles.
    pub articles: Vec<crate::model::Article>,
    /// The rules that recommend them.
    pub recommendations: Vec<crate::model::Recommendation>,
    /// The safety steps that open the plan after a red flag (the plan is on the results).
    pub safety_steps: Vec<crate::model::SafetyStep>,
    /// The crisis steps that open it when self-harm is her only red flag.
    pub crisis_steps: Vec<crate::model::SafetyStep>,
}

impl Findings {
    /// Takes the findings out of `file`, leaving the part the questions need.
    pub fn split(mut file: QuestionnaireFile) -> (QuestionnaireFile, Findings) {
        let findings = Findings {
            phases: std::mem::take(&mut file.phases),
            articles: std::mem::take(&mut file.articles),
            recommendations: std::mem::take(&mut file.recommendations),
            safety_steps: std::mem::take(&mut file.safety.steps),
            crisis_steps: file
                .safety
                .crisis
                .as_mut()
                .map(|c| std::mem::take(&mut c.steps))
                .unwrap_or_default(),
        };
        (file, findings)
    }

    /// The whole questionnaire again, from the build's postcard of both parts: `flow` (as
    /// [`load_built`] reads it) and the findings (fetched).
    #[inline(never)]
    pub fn join(flow: &[u8], findings: &[u8]) -> Result<Questionnaire, String> {
        let findings: Findings = postcard::from_bytes(findings).map_err(|e| e.to_string())?;
        let mut file: QuestionnaireFile = postcard::from_bytes(flow).map_err(|e| e.to_string())?;
        file.phases = findings.phases;
        file.articles = findings.articles;
        file.recommendations = findings.recommendations;
        file.safety.steps = findings.safety_steps;
        if let Some(c) = file.safety.crisis.as_mut() {
            c.steps = findings.crisis_steps;
        }
        built(file)
    }
}
