//! Random readers: answer sequences with random choices, going back and changing earlier
//! answers, on tiny.toml and random synthetic questionnaires. Whatever
//! she does, nothing panics, the session keeps only answers on her path, progress is sane and
//! never falls going forward, and once she finishes the report recommends at least one article.

use author::{check, load};
use engine::model::Kind;
use engine::session::QuestionScreen;
use engine::{Answer, Position, Questionnaire, QuestionnaireFile, Screen, Session};
use proptest::prelude::*;
use std::sync::OnceLock;

/// One thing a random reader does.
#[derive(Debug, Clone)]
enum Act {
    /// Answer the question on screen: `pick` chooses among the options (and "prefer not to
    /// say"), `ticks` chooses a checklist's boxes.
    Answer { pick: u16, ticks: u16 },
    /// Press Back.
    Back,
    /// Jump to an earlier question on her path (to change it).
    Revisit(u16),
    /// Jump to the results if she may.
    Results,
}

fn act() -> impl Strategy<Value = Act> {
    prop_oneof![
        8 => (any::<u16>(), any::<u16>()).prop_map(|(pick, ticks)| Act::Answer { pick, ticks }),
        2 => Just(Act::Back),
        2 => any::<u16>().prop_map(Act::Revisit),
        1 => Just(Act::Results),
    ]
}

/// An answer for the screen that always fits the question.
fn choose(screen: &QuestionScreen, pick: u16, ticks: u16) -> Answer {
    let n = screen.options.len();
    let declines = screen.prefer_not_to_say;
    let slots = n + usize::from(declines);
    let p = usize::from(pick) % slots.max(1);
    if declines && p == n {
        return Answer::Declined;
    }
    match screen.kind {
        Kind::Single | Kind::Scale => Answer::Choice(screen.options[p].id.clone()),
        Kind::Multiple => {
            let exclusive: Vec<&str> = screen
                .options
                .iter()
                .filter(|o| o.exclusive)
                .map(|o| o.id.as_str())
                .collect();
            // Sometimes the exclusive option alone, otherwise any set of the plain ones.
            if !exclusive.is_empty() && ticks.is_multiple_of(4) {
                return Answer::Choices(vec![
                    exclusive[usize::from(ticks / 4) % exclusive.len()].to_string()
                ]);
            }
            Answer::Choices(
                screen
                    .options
                    .iter()
                    .filter(|o| !o.exclusive)
                    .enumerate()
                    .filter(|(i, _)| ticks >> (i % 16) & 1 == 1)
                    .map(|(_, o)| o.id.clone())
                    .collect(),
            )
        }
    }
}

fn path_ids(q: &Questionnaire, s: &Session) -> Vec<String> {
    s.walk(q)
        .path
        .iter()
        .filter_map(|&i| q.question(i).map(|x| x.id.to_string()))
        .collect()
}

/// What must hold after anything she does.
fn invariants(q: &Questionnaire, s: &Session) -> Result<(), TestCaseError> {
    let w = s.walk(q);
    let on_path: Vec<&String> = w.facts.answers.keys().collect();
    let kept: Vec<&String> = s.answers().keys().collect();
    prop_assert_eq!(
        kept,
        on_path,
        "the session keeps exactly the answers on its path"
    );
    match s.screen(q) {
        Screen::Question(screen) => {
            let index = q.question_index(&screen.id);
            prop_assert!(index.is_some());
            let place = index.and_then(|i| w.position(i));
            prop_assert_eq!(
                place,
                Some(screen.progress.answered),
                "{} is on her path",
                &screen.id
            );
            prop_assert!(1 <= screen.progress.min_left);
            prop_assert!(screen.progress.min_left <= screen.progress.max_left);
            prop_assert!(screen.progress.percent <= 100);
            prop_assert_eq!(screen.can_go_back, screen.progress.answered > 0);
            prop_assert!(!screen.options.is_empty());
            let chosen = screen.options.iter().filter(|o| o.chosen).count();
            if screen.kind != Kind::Multiple {
                prop_assert!(chosen <= 1);
            }
            if screen.declined {
                prop_assert_eq!(chosen, 0);
            }
        }
        Screen::Results(report) => {
            prop_assert!(w.finished, "the results show only once she reached them");
            prop_assert_eq!(s.position(), &Position::Results);
            report_invariants(q, &report, !w.facts.red_flags.is_empty())?;
        }
    }
    Ok(())
}

fn report_invariants(
    q: &Questionnaire,
    report: &engine::Report,
    flagged: bool,
) -> Result<(), TestCaseError> {
    prop_assert!(
        !report.articles.is_empty(),
        "every finished path recommends an article"
    );
    prop_assert_eq!(report.scores.len(), q.dimensions().len());
    for pair in report.articles.windows(2) {
        prop_assert!(
            pair[0].weight >= pair[1].weight,
            "articles are ranked by weight"
        );
    }
    prop_assert!(report.articles.iter().all(|a| a.weight > 0));
    prop_assert_eq!(report.safety.is_some(), flagged);
    if flagged {
        let safety = report.safety.as_ref().map(|s| s.because.len()).unwrap_or(0);
        prop_assert!(safety > 0, "the safety help says which answers raised it");
        if !q.file().safety.steps.is_empty() {
            prop_assert_eq!(report.plan.first().map(|p| p.id.as_str()), Some("safety"));
        }
        let unsafe_steps: Vec<&str> = q
            .file()
            .articles
            .iter()
            .flat_map(|a| a.steps.iter())
            .filter(|s| s.not_if_unsafe)
            .map(|s| s.id.as_str())
            .collect();
        for phase in &report.plan {
            for step in &phase.steps {
                prop_assert!(
                    !unsafe_steps.contains(&step.id.as_str()),
                    "{} is not for a reader at risk",
                    &step.id
                );
            }
        }
    } else {
        prop_assert!(report.plan.iter().all(|p| p.id != "safety"));
    }
    Ok(())
}

/// Plays the acts, then answers until the results, checking everything on the way.
fn play(q: &Questionnaire, acts: &[Act]) -> Result<(), TestCaseError> {
    let mut s = Session::new(q);
    invariants(q, &s)?;
    for act in acts {
        match act {
            Act::Answer { pick, ticks } => {
                let Screen::Question(screen) = s.screen(q) else {
                    continue;
                };
                let answer = choose(&screen, *pick, *ticks);
                let before = s.answers().clone();
                let discard = s.would_discard(q, &answer);
                let result = s.answer(q, answer.clone());
                prop_assert!(
                    result.is_ok(),
                    "{:?} on {} was refused: {:?}",
                    answer,
                    &screen.id,
                    result
                );
                prop_assert_eq!(s.answers().get(&screen.id), Some(&answer));
                // Exactly the answers would_discard named are gone; the others are kept.
                for (id, old) in &before {
                    if *id == screen.id {
                        continue;
                    }
                    let now = s.answers().get(id);
                    if discard.contains(id) {
                        prop_assert!(now.is_none(), "{} should have been dropped", id);
                    } else {
                        prop_assert_eq!(now, Some(old), "{} should have been kept", id);
                    }
                }
                if let Screen::Question(next) = s.screen(q) {
                    prop_assert!(
                        next.progress.percent >= screen.progress.percent,
                        "progress fell from {}% on {} to {}% on {}",
                        screen.progress.percent,
                        &screen.id,
                        next.progress.percent,
                        &next.id
                    );
                    prop_assert_eq!(next.progress.answered, screen.progress.answered + 1);
                }
            }
            Act::Back => {
                let before = s.answers().clone();
                let first =
                    matches!(s.screen(q), Screen::Question(ref x) if x.progress.answered == 0);
                let moved = s.back(q);
                prop_assert_eq!(
                    moved,
                    !first,
                    "back works everywhere but the first question"
                );
                prop_assert_eq!(s.answers(), &before, "back changes no answer");
            }
            Act::Revisit(n) => {
                let path = path_ids(q, &s);
                let id = &path[usize::from(*n) % path.len()];
                prop_assert!(s.go_to(q, id), "{} is on her path", id);
            }
            Act::Results => {
                let finished = s.is_finished(q);
                prop_assert_eq!(s.go_to_results(q), finished);
            }
        }
        invariants(q, &s)?;
    }
    // Finish: answer whatever is on screen until the results.
    let mut guard = 0;
    while let Screen::Question(screen) = s.screen(q) {
        guard += 1;
        prop_assert!(
            guard <= q.file().questions.len() + 1,
            "the walk did not end"
        );
        let answer = choose(&screen, guard as u16, 1);
        prop_assert!(s.answer(q, answer).is_ok());
        invariants(q, &s)?;
    }
    prop_assert!(s.is_finished(q));
    let report = s.report(q);
    prop_assert!(report.is_some());
    // Restoring what she saved gives back the same session.
    let (again, restored) = Session::restore(q, s.answers().clone(), Some(s.position().clone()));
    prop_assert!(restored.dropped.is_empty() && !restored.moved);
    prop_assert_eq!(&again, &s);
    Ok(())
}

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).expect(path)
}

fn tiny() -> &'static Questionnaire {
    static Q: OnceLock<Questionnaire> = OnceLock::new();
    Q.get_or_init(|| load("tiny.toml", &read("tests/fixtures/tiny.toml")).expect("tiny.toml loads"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn random_readers_of_tiny(acts in prop::collection::vec(act(), 0..40)) {
        play(tiny(), &acts)?;
    }
}

/// A small random questionnaire whose flow only goes forward (a DAG), built as the model.
#[derive(Debug, Clone)]
struct QSpec {
    kind: u8,
    options: Vec<OSpec>,
    decline: bool,
    /// Fallback next: questions ahead (0 = results).
    next: u8,
    /// An optional branch: (condition kind, threshold, questions ahead).
    branch: Option<(u8, u8, u8)>,
    /// The scale question's weight.
    weight: u8,
}

#[derive(Debug, Clone)]
struct OSpec {
    score: u8,
    hope: u8,
    red_flag: bool,
    exclusive: bool,
    next: Option<u8>,
}

/// A recommendation: (article, condition kind, question, option or threshold, weight).
type RSpec = (u8, u8, u8, u8, u8);

fn option_spec() -> impl Strategy<Value = OSpec> {
    (
        0u8..4,
        0u8..3,
        prop::bool::weighted(0.15),
        prop::bool::weighted(0.2),
        prop::option::weighted(0.3, 0u8..4),
    )
        .prop_map(|(score, hope, red_flag, exclusive, next)| OSpec {
            score,
            hope,
            red_flag,
            exclusive,
            next,
        })
}

fn question_spec() -> impl Strategy<Value = QSpec> {
    (
        0u8..3,
        prop::collection::vec(option_spec(), 2..5),
        any::<bool>(),
        0u8..4,
        prop::option::of((0u8..3, 0u8..8, 0u8..4)),
        1u8..4,
    )
        .prop_map(|(kind, options, decline, next, branch, weight)| QSpec {
            kind,
            options,
            decline,
            next,
            branch,
            weight,
        })
}

fn synthetic() -> impl Strategy<Value = (Vec<QSpec>, Vec<RSpec>)> {
    (
        prop::collection::vec(question_spec(), 1..8),
        prop::collection::vec((0u8..3, 0u8..4, any::<u8>(), any::<u8>(), 1u8..6), 0..6),
    )
}

/// The id a question `ahead` places after question `i` of `n` leads to (0 ahead = results).
fn target(i: usize, ahead: u8, n: usize) -> String {
    let j = i + usize::from(ahead);
    if ahead == 0 || j >= n {
        "results".into()
    } else {
        format!("q{j}")
    }
}

fn build(questions: &[QSpec], rules: &[RSpec]) -> serde_json::Value {
    use serde_json::json;
    let n = questions.len();
    let kind_of = |k: u8| ["single", "multiple", "scale"][usize::from(k % 3)];
    let mut qs = Vec::new();
    for (i, spec) in questions.iter().enumerate() {
        let kind = kind_of(spec.kind);
        let mut q = json!({
            "id": format!("q{i}"), "section": "s", "kind": kind,
            "text": format!("Question {i}?"), "prefer_not_to_say": spec.decline,
            "next": target(i, spec.next, n),
        });
        if kind == "scale" {
            q["scale"] = "freq".into();
            q["scores"] = json!({"strain": spec.weight});
        } else {
            let last = spec.options.len() - 1;
            let options: Vec<_> = spec
                .options
                .iter()
                .enumerate()
                .map(|(k, o)| {
                    let mut opt = json!({"id": format!("o{k}"), "label": format!("Option {k}")});
                    let mut scores = serde_json::Map::new();
                    if o.score > 0 {
                        scores.insert("strain".into(), o.score.into());
                    }
                    if o.hope > 0 {
                        scores.insert("hope".into(), o.hope.into());
                    }
                    if !scores.is_empty() {
                        opt["scores"] = scores.into();
                    }
                    if o.red_flag {
                        opt["red_flag"] = true.into();
                    }
                    if kind == "multiple" && o.exclusive && k == last {
                        opt["exclusive"] = true.into();
                    }
                    if let (Some(ahead), "single") = (o.next, kind) {
                        opt["next"] = target(i, ahead, n).into();
                    }
                    opt
                })
                .collect();
            q["options"] = options.into();
        }
        if let Some((cond, threshold, ahead)) = spec.branch {
            let when = match cond {
                0 => json!({"score": "strain", "at_least": threshold}),
                1 => json!({"score": "strain", "at_most": threshold}),
                _ => json!({"red_flag": true}),
            };
            q["branches"] = json!([{"when": when, "next": target(i, ahead, n)}]);
        }
        qs.push(q);
    }
    // Every path gets the general article; the others follow random rules.
    let mut recommendations = vec![json!({
        "article": "general",
        "when": {"any": [{"red_flag": true}, {"red_flag": false}]},
        "weight": 1
    })];
    for &(article, cond, question, value, weight) in rules {
        let article = ["general", "hope", "rest"][usize::from(article % 3)];
        let i = usize::from(question) % n;
        let spec = &questions[i];
        let when = match (cond, kind_of(spec.kind)) {
            (0, "single") => {
                json!({"answer": format!("q{i}"), "is": format!("o{}", usize::from(value) % spec.options.len())})
            }
            (0, "multiple") => {
                json!({"answer": format!("q{i}"), "includes": format!("o{}", usize::from(value) % spec.options.len())})
            }
            (0, _) => json!({"answer": format!("q{i}"), "is_one_of": ["never", "often"]}),
            (1, _) => {
                let band = ["low", "high"][usize::from(value % 2)];
                json!({"score": "strain", "band": band})
            }
            (2, _) => json!({"score": "hope", "at_least": value % 6}),
            _ => json!({"not": {"red_flag": true}}),
        };
        recommendations.push(json!({"article": article, "when": when, "weight": weight}));
    }
    for article in ["hope", "rest"] {
        if !recommendations.iter().any(|r| r["article"] == article) {
            recommendations
                .push(json!({"article": article, "when": {"red_flag": true}, "weight": 2}));
        }
    }
    let article = |id: &str, unsafe_step: bool| {
        json!({
            "id": id, "title": format!("About {id}"), "author": "A. Writer",
            "url": format!("https://example.org/{id}"), "summary": "A summary.",
            "steps": [
                {"id": format!("{id}-first"), "phase": "first", "text": "Do this first."},
                {"id": format!("{id}-then"), "phase": "then", "text": "Then this.", "not_if_unsafe": unsafe_step}
            ]
        })
    };
    json!({
        "id": "synthetic", "title": "Synthetic", "version": 1, "start": "q0",
        "about": {"intro": "Intro.", "disclaimer": "Not therapy.", "privacy": "Stays here."},
        "blog": {"name": "Blog", "url": "https://example.org"},
        "quick_exit": {"url": "https://example.org/weather", "tab_title": "Notes"},
        "safety": {
            "title": "Safety first", "message": "Get help.",
            "resources": [{"name": "Emergency", "contact": "911"}],
            "steps": [{"id": "plan", "text": "Make a plan."}]
        },
        "scales": [{"id": "freq", "points": [
            {"id": "never", "label": "Never", "value": 0},
            {"id": "sometimes", "label": "Sometimes", "value": 1},
            {"id": "often", "label": "Often", "value": 2}
        ]}],
        "dimensions": [
            {"id": "strain", "label": "Strain", "bands": [
                {"id": "low", "label": "Low", "min": 0, "max": 3},
                {"id": "high", "label": "High", "min": 4, "max": 1000}
            ]},
            {"id": "hope", "label": "Hope", "bands": [
                {"id": "all", "label": "All", "min": 0, "max": 1000}
            ]}
        ],
        "sections": [{"id": "s", "title": "Section"}],
        "questions": qs,
        "phases": [{"id": "first", "title": "First"}, {"id": "then", "title": "Then"}],
        "articles": [article("general", true), article("hope", false), article("rest", true)],
        "recommendations": recommendations
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_valid_questionnaires_can_be_walked(
        (questions, rules) in synthetic(),
        acts in prop::collection::vec(act(), 0..30),
    ) {
        let value = build(&questions, &rules);
        let text = value.to_string();
        let file: QuestionnaireFile = serde_json::from_value(value).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let checked = check("synthetic", file);
        let q = match checked.questionnaire {
            Some(q) => q,
            None => {
                let shown: Vec<String> = checked.diagnostics.iter().map(|d| d.to_string()).collect();
                return Err(TestCaseError::fail(format!(
                    "a generated questionnaire should pass the checker:\n{}\n{text}",
                    shown.join("\n")
                )));
            }
        };
        play(&q, &acts)?;
    }
}
