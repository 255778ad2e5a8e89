//! What a problem, a map box or the preview is about: a question, an article or the results.
//! Read here and nowhere else from what names one (a problem's place, a map box, the preview's
//! place, a value of the preview's menu), and written here as the menu's values.

use author::diagnostic::About;
use author::map::{MapNode, NodeKind};
use author::Diagnostic;
use engine::model::RESULTS;
use engine::Position;

/// A question, an article or the results.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Subject {
    /// A question, by id.
    Question(String),
    /// An article, by id.
    Article(String),
    /// The results screen.
    Results,
}

impl Subject {
    /// The question or article a problem's place names (or whose file it is in).
    pub fn of_problem(d: &Diagnostic) -> Option<Subject> {
        match d.place.about() {
            Some(About::Question(id)) => return Some(Subject::Question(id)),
            Some(About::Article(id)) => return Some(Subject::Article(id)),
            None => {}
        }
        let file = d.file.replace('\\', "/");
        let stem = file.strip_suffix(".toml")?;
        let (dir, name) = stem.rsplit_once('/')?;
        (dir.ends_with("articles")).then(|| Subject::Article(name.to_string()))
    }

    /// What a box on the map stands for.
    pub fn of_node(n: &MapNode) -> Subject {
        match n.kind {
            NodeKind::Question => Subject::Question(n.id.clone()),
            NodeKind::Results => Subject::Results,
            NodeKind::Article => Subject::Article(n.id.clone()),
        }
    }

    /// A place in the check-in: a question or the results.
    pub fn of_position(at: &Position) -> Subject {
        match at {
            Position::Question(id) => Subject::Question(id.clone()),
            Position::Results => Subject::Results,
        }
    }

    /// Its value in the preview's menu: the question's id, `results` (the engine's name for
    /// the results), or `article:` and the article's id (ids have no colon).
    pub fn key(&self) -> String {
        match self {
            Subject::Question(id) => id.clone(),
            Subject::Article(id) => format!("article:{id}"),
            Subject::Results => RESULTS.to_string(),
        }
    }

    /// The subject of a value of the preview's menu (the reverse of [`Subject::key`]).
    pub fn from_key(key: &str) -> Subject {
        match key.strip_prefix("article:") {
            Some(id) => Subject::Article(id.to_string()),
            None if key == RESULTS => Subject::Results,
            None => Subject::Question(key.to_string()),
        }
    }

    /// Its name in a sentence: the question's id, `article` and the id, or `results`.
    pub fn name(&self) -> String {
        match self {
            Subject::Question(id) => id.clone(),
            Subject::Article(id) => format!("article {id}"),
            Subject::Results => RESULTS.to_string(),
        }
    }
}
