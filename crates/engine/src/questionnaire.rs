//! A checked questionnaire: the author's file plus the indexes and flow graph the engine walks.
//!
//! A `Questionnaire` only exists once `check/` found no errors, so every id it refers to
//! resolves and the flow graph has no cycles. Lookups still return `Option` and the walkers
//! treat a miss as "no", so nothing here can panic on authored content.

use super::model::{Article, Dimension, Kind, Question, QuestionnaireFile, RESULTS};
use rustc_hash::FxHashMap as HashMap;

/// Where a way forward leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// Another question, by index.
    Question(usize),
    /// The end of the check-in.
    Results,
}

/// A questionnaire that passed every check.
#[derive(Debug, Clone)]
pub struct Questionnaire {
    file: QuestionnaireFile,
    questions: HashMap<String, usize>,
    dimensions: HashMap<String, usize>,
    articles: HashMap<String, usize>,
    start: usize,
    successors: Vec<Vec<Target>>,
    min_left: Vec<usize>,
    max_left: Vec<usize>,
}

impl Questionnaire {
    /// Builds the indexes and the flow graph. `check/` calls this after it found no errors;
    /// it returns `None` if the flow has a cycle or an unknown start (which the check reports).
    pub(crate) fn build(file: QuestionnaireFile) -> Option<Questionnaire> {
        let questions = index(file.questions.iter().map(|q| q.id.as_str()));
        let successors = file
            .questions
            .iter()
            .map(|q| successors_of(q, &questions))
            .collect::<Vec<_>>();
        Questionnaire::from_parts(file, questions, successors)
    }

    /// [`Questionnaire::build`] with the question index and flow graph the checker already
    /// made (on a large file, making them twice was a tenth of the check).
    pub fn from_parts(
        file: QuestionnaireFile,
        questions: HashMap<String, usize>,
        successors: Vec<Vec<Target>>,
    ) -> Option<Questionnaire> {
        let dimensions = index(file.dimensions.iter().map(|d| d.id.as_str()));
        let articles = index(file.articles.iter().map(|a| a.id.as_str()));
        let start = *questions.get(&file.start)?;
        let order = topological_order(&successors)?;
        let n = file.questions.len();
        let (mut min_left, mut max_left) = (vec![0; n], vec![0; n]);
        for &i in order.iter().rev() {
            let remaining = |t: &Target, table: &[usize]| match t {
                Target::Results => 0,
                Target::Question(j) => table[*j],
            };
            let succ = &successors[i];
            min_left[i] = 1 + succ
                .iter()
                .map(|t| remaining(t, &min_left))
                .min()
                .unwrap_or(0);
            max_left[i] = 1 + succ
                .iter()
                .map(|t| remaining(t, &max_left))
                .max()
                .unwrap_or(0);
        }
        Some(Questionnaire {
            file,
            questions,
            dimensions,
            articles,
            start,
            successors,
            min_left,
            max_left,
        })
    }

    /// The author's file, as checked.
    pub fn file(&self) -> &QuestionnaireFile {
        &self.file
    }

    /// The questionnaire's id.
    pub fn id(&self) -> &str {
        &self.file.id
    }

    /// The questionnaire's version.
    pub fn version(&self) -> u32 {
        self.file.version
    }

    /// The index of the first question.
    pub fn start(&self) -> usize {
        self.start
    }

    /// A question's index by id.
    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.questions.get(id).copied()
    }

    /// A question by index.
    pub fn question(&self, index: usize) -> Option<&Question> {
        self.file.questions.get(index)
    }

    /// A question by id.
    pub fn question_by_id(&self, id: &str) -> Option<&Question> {
        self.question_index(id).and_then(|i| self.question(i))
    }

    /// A dimension's index by id.
    pub fn dimension_index(&self, id: &str) -> Option<usize> {
        self.dimensions.get(id).copied()
    }

    /// The dimensions, in file order.
    pub fn dimensions(&self) -> &[Dimension] {
        &self.file.dimensions
    }

    /// An article by id.
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.articles
            .get(id)
            .and_then(|&i| self.file.articles.get(i))
    }

    /// Every way forward from a question, whatever the answer.
    pub fn successors(&self, index: usize) -> &[Target] {
        self.successors.get(index).map_or(&[], Vec::as_slice)
    }

    /// The fewest questions still to answer from this one, itself included.
    pub fn min_left(&self, index: usize) -> usize {
        self.min_left.get(index).copied().unwrap_or(0)
    }

    /// The most questions still to answer from this one, itself included.
    pub fn max_left(&self, index: usize) -> usize {
        self.max_left.get(index).copied().unwrap_or(0)
    }

    /// Where the article at `position` (in the file) comes among articles of equal weight:
    /// its place in `[results] tie_order`, or after every listed one, in file order.
    pub fn tie_rank(&self, position: usize) -> usize {
        let order = &self.file.results.tie_order;
        self.file
            .articles
            .get(position)
            .and_then(|a| order.iter().position(|id| *id == a.id))
            .unwrap_or(order.len() + position)
    }

    /// How many questions a whole check-in asks: the fewest and the most, over every path
    /// from the first question to the results (what the home page promises).
    pub fn length(&self) -> (usize, usize) {
        (self.min_left(self.start), self.max_left(self.start))
    }

    /// Resolves a `next` value to a target.
    pub fn target(&self, next: &str) -> Option<Target> {
        if next == RESULTS {
            Some(Target::Results)
        } else {
            self.question_index(next).map(Target::Question)
        }
    }

    /// The ids of a question's answer choices, whatever its kind.
    pub fn choice_ids<'a>(&'a self, question: &'a Question) -> Vec<&'a str> {
        match question.kind {
            Kind::Scale => self
                .scale_of(question)
                .map(|s| s.points.iter().map(|p| p.id.as_str()).collect())
                .unwrap_or_default(),
            _ => question.options.iter().map(|o| o.id.as_str()).collect(),
        }
    }

    /// The scale a scale question uses.
    pub fn scale_of(&self, question: &Question) -> Option<&super::model::Scale> {
        let id = question.scale.as_deref()?;
        self.file.scales.iter().find(|s| s.id == id)
    }
}

fn index<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<String, usize> {
    ids.enumerate().map(|(i, id)| (id.to_owned(), i)).collect()
}

/// Every way forward from a question: option `next`s, branches and the fallback `next`.
pub fn successors_of(q: &Question, questions: &HashMap<String, usize>) -> Vec<Target> {
    let resolve = |next: &str| {
        if next == RESULTS {
            Some(Target::Results)
        } else {
            questions.get(next).map(|&i| Target::Question(i))
        }
    };
    let mut out: Vec<Target> = Vec::new();
    let every_option_leads = q.kind == Kind::Single
        && !q.options.is_empty()
        && q.options.iter().all(|o| o.next.is_some());
    let from_options = q.options.iter().filter_map(|o| o.next.as_deref());
    let from_branches = q.branches.iter().map(|b| b.next.as_str());
    let fallback = if every_option_leads && !q.prefer_not_to_say {
        None
    } else {
        q.next.as_deref()
    };
    for next in from_options.chain(from_branches).chain(fallback) {
        if let Some(t) = resolve(next) {
            if !out.contains(&t) {
                out.push(t);
            }
        }
    }
    out
}

/// Kahn's algorithm; `None` if the graph has a cycle.
pub fn topological_order(successors: &[Vec<Target>]) -> Option<Vec<usize>> {
    let n = successors.len();
    let mut indegree = vec![0usize; n];
    for succ in successors {
        for t in succ {
            if let Target::Question(j) = t {
                indegree[*j] += 1;
            }
        }
    }
    let mut ready: Vec<usize> = (0..n).filter(|&i| indegree[i] == 0).collect();
    let mut order = Vec::with_capacity(n);
    while let Some(i) = ready.pop() {
        order.push(i);
        for t in &successors[i] {
            if let Target::Question(j) = t {
                indegree[*j] -= 1;
                if indegree[*j] == 0 {
                    ready.push(*j);
                }
            }
        }
    }
    (order.len() == n).then_some(order)
}
