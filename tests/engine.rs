//! Sessions on `tests/fixtures/tiny.toml`: walking, going back, changing answers, progress,
//! declined and invalid answers, safety, ranking and reasons, restoring saved progress against
//! a changed questionnaire, and the flow diagram.
//!
//! tiny.toml's flow:
//!
//! ```text
//! situation ─home──────────────────► safety ─► tired ─strain ≥ 3─► results
//!           └apart─► contact ───────┘               └otherwise─► signs ─► results
//! ```
//!
//! "apart" adds 1 to strain and tired adds 2 × (never 0, sometimes 1, often 2); strain bands are
//! low 0–2 and high 3–5. Rules: keep-calm +2 if home, +1 always; burnout-help +5 if strain is
//! high; hope-signs +2 if signs includes talks, +1 if apart.

use author::graph::{render, Format};
use engine::session::QuestionScreen;
use engine::{Answer, AnswerError, Position, Questionnaire, Report, Screen, Session};
use std::collections::BTreeMap;

mod support;
use support::{one, question, ticks, tiny, tiny_with};

fn on(q: &Questionnaire, s: &Session) -> QuestionScreen {
    match s.screen(q) {
        Screen::Question(screen) => screen,
        Screen::Results(_) => panic!("expected a question, got the results"),
    }
}

fn results(q: &Questionnaire, s: &Session) -> Report {
    match s.screen(q) {
        Screen::Results(report) => report,
        Screen::Question(screen) => panic!("expected the results, got question {}", screen.id),
    }
}

/// Answers each (question, answer) in turn, checking each is the question on screen.
fn answer_all(q: &Questionnaire, s: &mut Session, answers: &[(&str, Answer)]) {
    for (id, answer) in answers {
        assert_eq!(on(q, s).id, *id, "the path should reach {id} here");
        s.answer(q, answer.clone())
            .unwrap_or_else(|e| panic!("answering {id}: {e}"));
    }
}

fn session(q: &Questionnaire, answers: &[(&str, Answer)]) -> Session {
    let mut s = Session::new(q);
    answer_all(q, &mut s, answers);
    s
}

fn chosen(screen: &QuestionScreen) -> Vec<&str> {
    screen
        .options
        .iter()
        .filter(|o| o.chosen)
        .map(|o| o.id.as_str())
        .collect()
}

fn ids<T: AsRef<str>>(v: &[T]) -> Vec<&str> {
    v.iter().map(AsRef::as_ref).collect()
}

struct PathCase {
    name: &'static str,
    answers: Vec<(&'static str, Answer)>,
    /// Articles, best first, with their weights.
    ranked: Vec<(&'static str, i64)>,
    strain: (i64, &'static str),
    hope: (i64, &'static str),
    safety: bool,
    /// The plan: (phase id, step ids).
    plan: Vec<(&'static str, Vec<&'static str>)>,
}

fn path_cases() -> Vec<PathCase> {
    vec![
        PathCase {
            name: "home, calm, hopeful",
            answers: vec![
                ("situation", one("home")),
                ("safety", one("safe")),
                ("tired", one("never")),
                ("signs", ticks(&["talks"])),
            ],
            ranked: vec![("keep-calm", 3), ("hope-signs", 2)],
            strain: (0, "low"),
            hope: (1, "some"),
            safety: false,
            plan: vec![
                ("calm", vec!["calm-breathe"]),
                ("reconnect", vec!["calm-reach", "hope-notice"]),
            ],
        },
        PathCase {
            name: "home and worn out: the branch skips signs",
            answers: vec![
                ("situation", one("home")),
                ("safety", one("safe")),
                ("tired", one("often")),
            ],
            ranked: vec![("burnout-help", 5), ("keep-calm", 3)],
            strain: (4, "high"),
            hope: (0, "none"),
            safety: false,
            plan: vec![
                ("calm", vec!["burnout-rest", "calm-breathe"]),
                ("reconnect", vec!["calm-reach"]),
            ],
        },
        PathCase {
            name: "apart and afraid: a tie keeps file order, safety first",
            answers: vec![
                ("situation", one("apart")),
                ("contact", one("rarely")),
                ("safety", one("afraid")),
                ("tired", one("never")),
                ("signs", ticks(&["none"])),
            ],
            ranked: vec![("keep-calm", 1), ("hope-signs", 1)],
            strain: (1, "low"),
            hope: (0, "none"),
            safety: true,
            plan: vec![
                ("safety", vec!["safety-plan"]),
                ("calm", vec!["calm-breathe"]),
                ("reconnect", vec!["hope-notice"]),
            ],
        },
        PathCase {
            name: "apart, declined, strained: 1 + 2 reaches the high band",
            answers: vec![
                ("situation", one("apart")),
                ("contact", Answer::Declined),
                ("safety", one("safe")),
                ("tired", one("sometimes")),
            ],
            ranked: vec![("burnout-help", 5), ("keep-calm", 1), ("hope-signs", 1)],
            strain: (3, "high"),
            hope: (0, "none"),
            safety: false,
            plan: vec![
                ("calm", vec!["burnout-rest", "calm-breathe"]),
                ("reconnect", vec!["calm-reach", "hope-notice"]),
            ],
        },
        PathCase {
            name: "apart with two signs: weight beats file order",
            answers: vec![
                ("situation", one("apart")),
                ("contact", one("often")),
                ("safety", one("safe")),
                ("tired", one("never")),
                ("signs", ticks(&["talks", "kind"])),
            ],
            ranked: vec![("hope-signs", 3), ("keep-calm", 1)],
            strain: (1, "low"),
            hope: (2, "some"),
            safety: false,
            plan: vec![
                ("calm", vec!["calm-breathe"]),
                ("reconnect", vec!["hope-notice", "calm-reach"]),
            ],
        },
    ]
}

#[test]
fn each_path_ends_in_the_expected_report() {
    let q = tiny();
    for case in path_cases() {
        let s = session(&q, &case.answers);
        let name = case.name;
        assert_eq!(s.position(), &Position::Results, "{name}");
        assert!(s.is_finished(&q), "{name}");
        let report = results(&q, &s);
        assert_eq!(s.report(&q).as_ref(), Some(&report), "{name}");
        let ranked: Vec<(&str, i64)> = report
            .articles
            .iter()
            .map(|a| (a.id.as_str(), a.weight))
            .collect();
        assert_eq!(ranked, case.ranked, "{name}: ranking");
        let scores: Vec<(&str, i64, &str)> = report
            .scores
            .iter()
            .map(|s| (s.id.as_str(), s.value, s.band.id.as_str()))
            .collect();
        assert_eq!(
            scores,
            vec![
                ("strain", case.strain.0, case.strain.1),
                ("hope", case.hope.0, case.hope.1)
            ],
            "{name}: scores"
        );
        assert_eq!(report.scores[0].max, 5, "{name}");
        assert_eq!(report.scores[1].max, 2, "{name}");
        assert_eq!(report.safety.is_some(), case.safety, "{name}: safety");
        let plan: Vec<(&str, Vec<&str>)> = report
            .plan
            .iter()
            .map(|p| {
                (
                    p.id.as_str(),
                    p.steps.iter().map(|s| s.id.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(plan, case.plan, "{name}: plan");
        // Only answers on the path are kept.
        let asked: Vec<&str> = case.answers.iter().map(|(id, _)| *id).collect();
        let kept: Vec<&str> = s.answers().keys().map(String::as_str).collect();
        let mut asked_sorted = asked.clone();
        asked_sorted.sort();
        assert_eq!(kept, asked_sorted, "{name}");
        let path: Vec<&str> = s
            .walk(&q)
            .path
            .iter()
            .map(|&i| q.question(i).unwrap().id.as_str())
            .collect();
        assert_eq!(path, asked, "{name}: path");
    }
}

#[test]
fn a_new_session_starts_on_the_first_question() {
    let q = tiny();
    let s = Session::new(&q);
    assert!(s.is_fresh());
    assert_eq!(s.position(), &Position::Question("situation".into()));
    let screen = on(&q, &s);
    assert_eq!(screen.section, "Where things stand");
    assert_eq!(screen.text, "Where do things stand?");
    assert!(!screen.can_go_back);
    assert!(!screen.red_flag);
    assert!(chosen(&screen).is_empty());
    assert_eq!(s.report(&q), None);
    let mut s = s;
    assert!(
        !s.go_to_results(&q),
        "nothing answered: the results are not reachable"
    );
    assert!(!s.back(&q), "there is nothing before the first question");
}

#[test]
fn back_shows_the_previous_question_with_its_answer() {
    let q = tiny();
    let case = &path_cases()[0];
    let mut s = session(&q, &case.answers);
    let expected: [(&str, Vec<&str>); 4] = [
        ("signs", vec!["talks"]),
        ("tired", vec!["never"]),
        ("safety", vec!["safe"]),
        ("situation", vec!["home"]),
    ];
    for (id, was) in expected {
        assert!(s.back(&q), "back to {id}");
        let screen = on(&q, &s);
        assert_eq!(screen.id, id);
        assert_eq!(chosen(&screen), was, "{id} shows the earlier answer");
        assert_eq!(screen.can_go_back, id != "situation");
    }
    assert!(!s.back(&q));
    assert_eq!(s.position(), &Position::Question("situation".into()));
    // Going back changes nothing: the answers and the report are still there.
    assert_eq!(s.answers().len(), 4);
    assert!(s.is_finished(&q));
    assert!(s.go_to_results(&q));
    assert_eq!(s.position(), &Position::Results);
    // Answering again with the same answer moves forward and keeps everything.
    assert!(s.go_to(&q, "safety"));
    s.answer(&q, one("safe")).unwrap();
    assert_eq!(s.position(), &Position::Question("tired".into()));
    assert_eq!(chosen(&on(&q, &s)), ["never"]);
    assert_eq!(s.answers().len(), 4);
}

#[test]
fn go_to_only_reaches_questions_on_the_path() {
    let q = tiny();
    let mut s = session(&q, &[("situation", one("home")), ("safety", one("safe"))]);
    assert!(!s.go_to(&q, "contact"), "contact is not on the home path");
    assert!(
        !s.go_to(&q, "signs"),
        "signs is beyond the first unanswered question"
    );
    assert!(!s.go_to(&q, "nonsense"));
    assert!(s.go_to(&q, "situation"));
    assert!(
        s.go_to(&q, "tired"),
        "the first unanswered question is on the path"
    );
    assert_eq!(on(&q, &s).id, "tired");
    assert!(!s.go_to_results(&q));
}

#[test]
fn changing_an_answer_drops_only_answers_off_the_new_path() {
    let q = tiny();
    let case = &path_cases()[0];
    let mut s = session(&q, &case.answers);
    assert!(s.go_to(&q, "tired"));

    // Still low strain: signs stays on the path and keeps its answer.
    assert!(s.would_discard(&q, &one("sometimes")).is_empty());
    s.answer(&q, one("sometimes")).unwrap();
    assert_eq!(on(&q, &s).id, "signs");
    assert_eq!(chosen(&on(&q, &s)), ["talks"]);
    assert_eq!(s.answers().len(), 4);

    // High strain branches to the results: signs is dropped, the rest kept.
    assert!(s.go_to(&q, "tired"));
    assert_eq!(s.would_discard(&q, &one("often")), ["signs"]);
    assert_eq!(s.answers().len(), 4, "would_discard changes nothing");
    s.answer(&q, one("often")).unwrap();
    assert_eq!(s.position(), &Position::Results);
    assert_eq!(
        ids(&s.answers().keys().collect::<Vec<_>>()),
        ["safety", "situation", "tired"]
    );
    let report = results(&q, &s);
    assert_eq!(report.articles[0].id, "burnout-help");

    // Back down: signs is asked again, with nothing chosen.
    assert!(s.go_to(&q, "tired"));
    s.answer(&q, one("never")).unwrap();
    let screen = on(&q, &s);
    assert_eq!(screen.id, "signs");
    assert!(chosen(&screen).is_empty());
    assert!(!s.is_finished(&q));
}

#[test]
fn changing_the_first_answer_drops_a_question_no_longer_asked() {
    let q = tiny();
    let case = &path_cases()[2]; // apart, rarely, afraid, never, none
    let mut s = session(&q, &case.answers);
    assert!(s.go_to(&q, "situation"));
    assert_eq!(s.would_discard(&q, &one("home")), ["contact"]);
    assert!(s.would_discard(&q, &one("apart")).is_empty());
    s.answer(&q, one("home")).unwrap();
    // home leads straight to safety, which is still answered.
    assert_eq!(on(&q, &s).id, "safety");
    assert_eq!(chosen(&on(&q, &s)), ["afraid"]);
    assert_eq!(
        ids(&s.answers().keys().collect::<Vec<_>>()),
        ["safety", "signs", "situation", "tired"]
    );
    assert!(s.go_to_results(&q));
    let report = results(&q, &s);
    assert_eq!(report.articles[0].id, "keep-calm");
    assert_eq!(report.articles[0].weight, 3);
}

#[test]
fn would_discard_is_empty_on_the_results() {
    let q = tiny();
    let s = session(&q, &path_cases()[0].answers);
    assert!(s.would_discard(&q, &one("home")).is_empty());
    let mut s = s;
    assert_eq!(
        s.answer(&q, one("home")),
        Err(AnswerError::NotHere {
            question: "results".into()
        })
    );
}

/// (question, answered before it, fewest left, most left, percent).
type ProgressRow = (&'static str, usize, usize, usize, u8);
/// The answers along a path, and the progress shown on each question.
type ProgressCase<'a> = (&'a [(&'a str, Answer)], &'a [ProgressRow]);

/// Progress along two paths.
#[test]
fn progress_is_honest_and_never_falls_going_forward() {
    let q = tiny();
    let paths: [ProgressCase; 2] = [
        (
            &[
                ("situation", one("home")),
                ("safety", one("safe")),
                ("tired", one("never")),
                ("signs", ticks(&["none"])),
            ],
            &[
                ("situation", 0, 3, 5, 0),
                ("safety", 1, 2, 3, 25),
                ("tired", 2, 1, 2, 50),
                ("signs", 3, 1, 1, 75),
            ],
        ),
        (
            &[
                ("situation", one("apart")),
                ("contact", one("often")),
                ("safety", one("safe")),
                ("tired", one("never")),
                ("signs", ticks(&["kind"])),
            ],
            &[
                ("situation", 0, 3, 5, 0),
                ("contact", 1, 3, 4, 20),
                ("safety", 2, 2, 3, 40),
                ("tired", 3, 1, 2, 60),
                ("signs", 4, 1, 1, 80),
            ],
        ),
    ];
    for (answers, expected) in paths {
        let mut s = Session::new(&q);
        let mut last = 0u8;
        for ((id, answer), &(want_id, answered, min_left, max_left, percent)) in
            answers.iter().zip(expected)
        {
            let screen = on(&q, &s);
            assert_eq!(*id, want_id, "the table is in path order");
            assert_eq!(screen.id, want_id);
            let p = screen.progress;
            assert_eq!(
                (p.answered, p.min_left, p.max_left, p.percent),
                (answered, min_left, max_left, percent),
                "progress on {id}"
            );
            assert!(p.min_left <= p.max_left);
            assert!(p.percent >= last, "percent fell on {id}");
            last = p.percent;
            s.answer(&q, answer.clone()).unwrap();
        }
        assert_eq!(s.position(), &Position::Results);
    }
    // The graph-level numbers behind it.
    let i = |id: &str| q.question_index(id).unwrap();
    assert_eq!(
        (q.min_left(i("situation")), q.max_left(i("situation"))),
        (3, 5)
    );
    assert_eq!((q.min_left(i("tired")), q.max_left(i("tired"))), (1, 2));
    assert_eq!((q.min_left(i("signs")), q.max_left(i("signs"))), (1, 1));
    // The home page's promise: the shortest and the longest whole check-in (home → safety →
    // tired → results is 3; apart → contact → safety → tired → signs is 5).
    assert_eq!(q.length(), (3, 5));
}

#[test]
fn prefer_not_to_say_is_offered_only_where_the_file_allows() {
    let q = tiny();
    let mut s = session(&q, &[("situation", one("apart"))]);
    let screen = on(&q, &s);
    assert_eq!(screen.id, "contact");
    assert!(screen.prefer_not_to_say);
    assert!(!screen.declined);
    s.answer(&q, Answer::Declined).unwrap();
    let screen = on(&q, &s);
    assert_eq!(screen.id, "safety", "declining still moves on");
    assert!(!screen.prefer_not_to_say);
    assert_eq!(
        s.answer(&q, Answer::Declined),
        Err(AnswerError::DeclineNotOffered {
            question: "safety".into()
        })
    );
    assert_eq!(
        on(&q, &s).id,
        "safety",
        "a refused answer leaves her where she was"
    );
    assert!(s.back(&q));
    let screen = on(&q, &s);
    assert_eq!(screen.id, "contact");
    assert!(screen.declined);
    assert!(chosen(&screen).is_empty());
    assert_eq!(s.answers().get("contact"), Some(&Answer::Declined));
}

#[test]
fn answers_that_do_not_fit_are_refused_and_change_nothing() {
    let q = tiny();
    let mut s = session(
        &q,
        &[
            ("situation", one("home")),
            ("safety", one("safe")),
            ("tired", one("never")),
        ],
    );
    let before = s.clone();
    let cases = [
        (
            ticks(&["talks", "none"]),
            AnswerError::ExclusiveMixed {
                question: "signs".into(),
                option: "none".into(),
            },
        ),
        (
            ticks(&["none", "kind"]),
            AnswerError::ExclusiveMixed {
                question: "signs".into(),
                option: "none".into(),
            },
        ),
        (
            ticks(&["talks", "talks"]),
            AnswerError::Repeated {
                question: "signs".into(),
                option: "talks".into(),
            },
        ),
        (
            ticks(&["maybe"]),
            AnswerError::UnknownOption {
                question: "signs".into(),
                option: "maybe".into(),
            },
        ),
        (
            one("talks"),
            AnswerError::WrongShape {
                question: "signs".into(),
                expected: "a list of option ids",
            },
        ),
        (
            Answer::Declined,
            AnswerError::DeclineNotOffered {
                question: "signs".into(),
            },
        ),
    ];
    for (answer, error) in cases {
        assert_eq!(s.answer(&q, answer.clone()), Err(error), "{answer:?}");
        assert_eq!(s, before, "{answer:?} must not change the session");
    }
    // The exclusive option alone, and plain options together, are fine.
    assert_eq!(s.clone().answer(&q, ticks(&["none"])), Ok(()));
    assert_eq!(s.answer(&q, ticks(&["talks", "kind"])), Ok(()));

    // One option where a list is expected, and the other way round; scale points only.
    let mut s = Session::new(&q);
    assert_eq!(
        s.answer(&q, ticks(&["home"])),
        Err(AnswerError::WrongShape {
            question: "situation".into(),
            expected: "one option id"
        })
    );
    assert_eq!(
        s.answer(&q, one("apart ")),
        Err(AnswerError::UnknownOption {
            question: "situation".into(),
            option: "apart ".into()
        })
    );
    let mut s = session(&q, &[("situation", one("home")), ("safety", one("safe"))]);
    let screen = on(&q, &s);
    assert_eq!(
        screen
            .options
            .iter()
            .map(|o| o.label.as_str())
            .collect::<Vec<_>>(),
        ["Never", "Sometimes", "Often"],
        "a scale question shows its scale's points"
    );
    assert_eq!(screen.help, "Think of the last month.");
    assert!(
        s.answer(&q, one("safe")).is_err(),
        "an option of another question"
    );
    assert!(s.answer(&q, one("often")).is_ok());
}

#[test]
fn exclusive_options_are_marked_on_screen() {
    let q = tiny();
    let s = session(
        &q,
        &[
            ("situation", one("home")),
            ("safety", one("safe")),
            ("tired", one("never")),
        ],
    );
    let screen = on(&q, &s);
    let exclusive: Vec<(&str, bool)> = screen
        .options
        .iter()
        .map(|o| (o.id.as_str(), o.exclusive))
        .collect();
    assert_eq!(
        exclusive,
        [("talks", false), ("kind", false), ("none", true)]
    );
}

#[test]
fn a_red_flag_puts_safety_first_and_leaves_out_unsafe_steps() {
    let q = tiny();
    let mut s = session(&q, &[("situation", one("home"))]);
    assert!(!on(&q, &s).red_flag, "no flag before she answers");
    s.answer(&q, one("afraid")).unwrap();
    let screen = on(&q, &s);
    assert_eq!(screen.id, "tired");
    assert!(screen.red_flag, "every later screen knows about the flag");
    answer_all(
        &q,
        &mut s,
        &[("tired", one("never")), ("signs", ticks(&["talks"]))],
    );
    let report = results(&q, &s);

    let safety = report
        .safety
        .as_ref()
        .expect("a red flag shows safety help");
    assert_eq!(safety.title, "Your safety comes first");
    assert_eq!(safety.resources.len(), 1);
    assert_eq!(safety.resources[0].contact, "911");
    assert_eq!(
        safety.because,
        ["Do you feel safe with him?: “I am afraid of him”"]
    );

    // The plan starts with the safety phase, and "reach out to him" is left out.
    assert_eq!(report.plan[0].id, "safety");
    assert_eq!(report.plan[0].title, "Your safety comes first");
    assert_eq!(
        ids(&report.plan[0]
            .steps
            .iter()
            .map(|s| &s.id)
            .collect::<Vec<_>>()),
        ["safety-plan"]
    );
    assert_eq!(report.plan[0].steps[0].article, None);
    let steps: Vec<&str> = report
        .plan
        .iter()
        .flat_map(|p| p.steps.iter().map(|s| s.id.as_str()))
        .collect();
    assert_eq!(steps, ["safety-plan", "calm-breathe", "hope-notice"]);
    assert!(!steps.contains(&"calm-reach"));
    assert_eq!(
        report.first_step().map(|s| s.id.as_str()),
        Some("safety-plan"),
        "the one step to take first is a safety step"
    );

    // Safety comes first in what the results screen is given, too.
    let json = serde_json::to_string(&report).unwrap();
    assert!(json.starts_with("{\"safety\":{"), "{json}");

    // The same answers without the flag: no safety help, and the step comes back.
    assert!(s.go_to(&q, "safety"));
    s.answer(&q, one("safe")).unwrap();
    assert!(!on(&q, &s).red_flag);
    assert!(s.go_to_results(&q));
    let report = results(&q, &s);
    assert!(report.safety.is_none());
    assert!(report.plan.iter().all(|p| p.id != "safety"));
    let steps: Vec<&str> = report
        .plan
        .iter()
        .flat_map(|p| p.steps.iter().map(|s| s.id.as_str()))
        .collect();
    assert_eq!(steps, ["calm-breathe", "calm-reach", "hope-notice"]);
    assert_eq!(
        report.first_step().map(|s| s.id.as_str()),
        Some("calm-breathe"),
        "without a flag, the plan's first step comes first"
    );
    assert!(serde_json::to_string(&report)
        .unwrap()
        .starts_with("{\"safety\":null"));
}

#[test]
fn ranked_articles_carry_their_reasons() {
    let q = tiny();
    let cases = path_cases();
    let report_of = |i: usize| results(&q, &session(&q, &cases[i].answers));

    let report = report_of(0);
    let calm = &report.articles[0];
    assert_eq!(calm.id, "keep-calm");
    assert_eq!(calm.title, "Keeping calm");
    assert_eq!(calm.url, "https://example.org/keep-calm");
    assert_eq!(calm.helps, ["Short, kind messages"]);
    assert_eq!(
        calm.reasons,
        [
            "you said “We still live together”",
            "it is a good place for anyone to start"
        ]
    );
    assert_eq!(
        report.articles[1].reasons,
        ["you ticked “He talks to me more”"]
    );

    let report = report_of(1);
    assert_eq!(report.articles[0].id, "burnout-help");
    assert_eq!(
        report.articles[0].reasons,
        ["your strain score is 4 of 5 (high)"]
    );

    let report = report_of(4);
    assert_eq!(report.articles[0].id, "hope-signs");
    assert_eq!(
        report.articles[0].reasons,
        [
            "you ticked “He talks to me more”",
            "you said “He moved out”"
        ]
    );
}

#[test]
fn answers_are_written_as_ids_lists_and_prefer_not_to_say() {
    let json = r#"{"a": "home", "b": ["talks", "kind"], "c": "prefer_not_to_say", "d": []}"#;
    let answers: BTreeMap<String, Answer> = serde_json::from_str(json).unwrap();
    assert_eq!(answers["a"], one("home"));
    assert_eq!(answers["b"], ticks(&["talks", "kind"]));
    assert_eq!(answers["c"], Answer::Declined);
    assert_eq!(answers["d"], ticks(&[]));
    let back: serde_json::Value = serde_json::to_value(&answers).unwrap();
    assert_eq!(
        back,
        serde_json::from_str::<serde_json::Value>(json).unwrap()
    );
    assert!(serde_json::from_str::<Answer>("3").is_err());
}

fn saved(answers: &[(&str, Answer)]) -> BTreeMap<String, Answer> {
    answers
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

#[test]
fn restore_keeps_everything_when_nothing_changed() {
    let q = tiny();
    let case = &path_cases()[0];
    let (s, restored) = Session::restore(&q, saved(&case.answers), None);
    assert_eq!(restored.kept, ["safety", "signs", "situation", "tired"]);
    assert!(restored.dropped.is_empty());
    assert!(!restored.moved);
    assert_eq!(s.position(), &Position::Results);
    assert_eq!(s, session(&q, &case.answers));

    // A saved position on the path is used as it is.
    let (s, restored) = Session::restore(
        &q,
        saved(&case.answers),
        Some(Position::Question("safety".into())),
    );
    assert!(!restored.moved);
    assert_eq!(on(&q, &s).id, "safety");
    assert_eq!(chosen(&on(&q, &s)), ["safe"]);

    // Half-way: she resumes at the first unanswered question.
    let (s, restored) = Session::restore(&q, saved(&case.answers[..2]), None);
    assert!(!restored.moved);
    assert_eq!(s.position(), &Position::Question("tired".into()));
}

#[test]
fn restore_drops_answers_to_a_removed_question() {
    // contact is gone; "apart" now leads straight to safety.
    let q = tiny_with(|v| {
        let qs = v["questions"].as_array_mut().unwrap();
        qs.retain(|q| q["id"] != "contact");
        v["questions"][0]["options"][1]["next"] = "safety".into();
    });
    let case = &path_cases()[2];
    let (s, restored) = Session::restore(&q, saved(&case.answers), Some(Position::Results));
    assert_eq!(restored.dropped.len(), 1);
    assert_eq!(restored.dropped[0].question, "contact");
    assert_eq!(
        restored.dropped[0].reason,
        "this question is no longer in the check-in"
    );
    assert_eq!(restored.kept, ["safety", "signs", "situation", "tired"]);
    assert!(!restored.moved, "the results are still reached");
    assert_eq!(s.position(), &Position::Results);
    assert!(results(&q, &s).safety.is_some());
}

#[test]
fn restore_drops_an_answer_whose_option_was_removed() {
    let q = tiny_with(|v| {
        let signs = question(v, "signs");
        signs["options"]
            .as_array_mut()
            .unwrap()
            .retain(|o| o["id"] != "kind");
    });
    let case = &path_cases()[4]; // signs: talks + kind
    let (s, restored) = Session::restore(&q, saved(&case.answers), Some(Position::Results));
    assert_eq!(restored.dropped.len(), 1);
    assert_eq!(restored.dropped[0].question, "signs");
    assert_eq!(
        restored.dropped[0].reason,
        "the answer you chose is no longer offered"
    );
    assert_eq!(restored.kept, ["contact", "safety", "situation", "tired"]);
    assert!(
        restored.moved,
        "the results are no longer reached, so she is moved"
    );
    assert_eq!(s.position(), &Position::Question("signs".into()));
    assert!(chosen(&on(&q, &s)).is_empty());
}

#[test]
fn restore_drops_an_answer_of_the_wrong_shape() {
    // signs becomes a single-choice question: a saved list no longer fits.
    let q = tiny_with(|v| {
        let signs = question(v, "signs");
        signs["kind"] = "single".into();
        for o in signs["options"].as_array_mut().unwrap() {
            o.as_object_mut().unwrap().remove("exclusive");
        }
        let rule = &mut v["recommendations"][2]["when"];
        rule.as_object_mut().unwrap().remove("includes");
        rule["is"] = "talks".into();
    });
    let (_, restored) = Session::restore(&q, saved(&path_cases()[0].answers), None);
    assert_eq!(restored.dropped.len(), 1);
    assert_eq!(restored.dropped[0].question, "signs");
    assert_eq!(
        restored.dropped[0].reason,
        "the question now asks for a different kind of answer"
    );
}

#[test]
fn restore_drops_answers_a_changed_branch_no_longer_reaches() {
    // The branch to the results now starts at a strain of 2.
    let q = tiny_with(|v| {
        question(v, "tired")["branches"][0]["when"]["at_least"] = 2.into();
    });
    let answers = [
        ("situation", one("home")),
        ("safety", one("safe")),
        ("tired", one("sometimes")),
        ("signs", ticks(&["talks"])),
    ];
    let (s, restored) = Session::restore(
        &q,
        saved(&answers),
        Some(Position::Question("signs".into())),
    );
    assert_eq!(restored.kept, ["safety", "situation", "tired"]);
    assert_eq!(restored.dropped.len(), 1);
    assert_eq!(restored.dropped[0].question, "signs");
    assert_eq!(
        restored.dropped[0].reason,
        "the check-in no longer asks this after your earlier answers"
    );
    assert!(restored.moved, "signs is no longer on her path");
    assert_eq!(s.position(), &Position::Results);
    assert!(!s.answers().contains_key("signs"));
    let report = results(&q, &s);
    assert_eq!(report.articles[0].id, "keep-calm");
    assert!(
        report.articles.iter().all(|a| a.id != "hope-signs"),
        "the dropped answer no longer counts"
    );
}

#[test]
fn restore_moves_her_when_the_saved_position_is_no_longer_valid() {
    let q = tiny();
    let half = [("situation", one("home")), ("safety", one("safe"))];
    let cases = [
        Position::Question("contact".into()), // not on the home path
        Position::Question("signs".into()),   // beyond the first unanswered question
        Position::Question("gone".into()),    // not in the file
        Position::Results,                    // not reached yet
    ];
    for at in cases {
        let (s, restored) = Session::restore(&q, saved(&half), Some(at.clone()));
        assert!(restored.moved, "{at:?}");
        assert_eq!(s.position(), &Position::Question("tired".into()), "{at:?}");
        assert_eq!(restored.kept, ["safety", "situation"]);
    }
    // Answers to questions it never had are dropped, and nothing breaks.
    let (s, restored) = Session::restore(&q, saved(&[("nonsense", one("x"))]), None);
    assert_eq!(restored.dropped[0].question, "nonsense");
    assert!(s.is_fresh());
    assert_eq!(s.position(), &Position::Question("situation".into()));
}

#[test]
fn the_flow_diagram_shows_every_question_and_the_results() {
    let q = tiny();
    let mermaid = render(&q, Format::Mermaid);
    let dot = render(&q, Format::Dot);
    assert!(mermaid.starts_with("flowchart TD\n"));
    assert!(dot.starts_with("digraph questionnaire {"));
    assert!(dot.trim_end().ends_with('}'));
    for question in &q.file().questions {
        let id = &question.id;
        assert!(
            mermaid.contains(&format!("  {id}[\"{id}: ")),
            "mermaid lacks {id}"
        );
        assert!(
            dot.contains(&format!("  \"{id}\" [label=\"{id}\\n")),
            "dot lacks {id}"
        );
    }
    assert!(mermaid.contains("  results((Results))"));
    assert!(dot.contains("\"results\" [shape=doublecircle"));
    for edge in [
        "  situation -->|\"We still live together\"| safety",
        "  situation -->|\"He moved out\"| contact",
        "  contact --> safety",
        "  tired -->|\"if strain ≥ 3\"| results",
        "  tired -->|\"otherwise\"| signs",
        "  signs --> results",
    ] {
        assert!(mermaid.contains(edge), "mermaid lacks {edge}:\n{mermaid}");
    }
    for edge in [
        "  \"situation\" -> \"contact\" [label=\"He moved out\"];",
        "  \"tired\" -> \"results\" [label=\"if strain ≥ 3\"];",
        "  \"signs\" -> \"results\" [label=\"\"];",
    ] {
        assert!(dot.contains(edge), "dot lacks {edge}:\n{dot}");
    }
    // One arrow per way forward.
    assert_eq!(mermaid.matches("-->").count(), 7);
    assert_eq!(dot.matches(" -> ").count(), 7);
}

#[test]
fn a_danger_sign_is_a_red_flag_and_puts_urgent_help_on_every_later_screen() {
    let q = tiny();
    let mut s = session(&q, &[("situation", one("home"))]);
    assert!(!s.in_danger(&q));
    s.answer(&q, one("afraid")).unwrap();
    assert!(
        !s.in_danger(&q),
        "fear is a red flag, not a sign of serious danger"
    );
    assert!(s.go_to(&q, "safety"));
    s.answer(&q, one("choked")).unwrap();
    assert!(s.in_danger(&q), "a danger sign is known at once");
    let screen = on(&q, &s);
    assert!(screen.red_flag, "a danger sign is a red flag too");
    answer_all(
        &q,
        &mut s,
        &[("tired", one("never")), ("signs", ticks(&["talks"]))],
    );
    assert!(s.in_danger(&q), "and stays known on the results");
    let report = results(&q, &s);
    let safety = report.safety.as_ref().expect("safety help comes first");
    assert_eq!(
        safety.because,
        ["Do you feel safe with him?: “He has choked me”"]
    );
    assert_eq!(
        report.first_step().map(|s| s.id.as_str()),
        Some("safety-plan")
    );
    let urgent = q
        .file()
        .safety
        .urgent
        .as_ref()
        .expect("tiny has urgent help");
    assert_eq!(urgent.resources[0].contact, "911");

    // Changing the answer takes it away again.
    assert!(s.go_to(&q, "safety"));
    s.answer(&q, one("safe")).unwrap();
    assert!(!s.in_danger(&q));
}

#[test]
fn the_studio_reaches_any_question_and_says_what_the_engine_knows_there() {
    use author::inspect::{inspect, route_to};
    let q = tiny();
    for question in &q.file().questions {
        let route = route_to(&q, &question.id).expect("every question of tiny.toml is reachable");
        let info = inspect(&q, &route);
        assert_eq!(
            info.path.last().map(String::as_str),
            Some(question.id.as_str()),
            "{route:?} ends the path at {}",
            question.id
        );
        assert!(!info.finished);
    }
    assert_eq!(route_to(&q, "no_such_question"), None);
    // A long flow with scales and checklists (the end-to-end fixture): still every question.
    let sources = author::folder::sources(
        std::path::Path::new("tests/fixtures/e2e"),
        "tests/fixtures/e2e",
    )
    .expect("the e2e fixture reads");
    let big = author::load_sources(&sources).expect("the e2e fixture loads");
    for question in &big.file().questions {
        let route =
            route_to(&big, &question.id).expect("every question of the fixture is reachable");
        assert_eq!(
            inspect(&big, &route).path.last().map(String::as_str),
            Some(question.id.as_str())
        );
    }
    // At the end of a path: scores with bands, the rules that hold, and the leading article.
    let mut s = Session::new(&q);
    let mut guard = 0;
    while let Screen::Question(screen) = s.screen(&q) {
        let first = screen
            .options
            .first()
            .map(|o| o.id.clone())
            .unwrap_or_default();
        let answer = match q.question_by_id(&screen.id).map(|x| x.kind) {
            Some(engine::model::Kind::Multiple) => Answer::Choices(vec![first]),
            _ => Answer::Choice(first),
        };
        s.answer(&q, answer).expect("a first option fits");
        guard += 1;
        assert!(guard < 50);
    }
    let info = inspect(&q, s.answers());
    assert!(info.finished);
    assert_eq!(info.scores.len(), q.dimensions().len());
    assert!(info.scores.iter().all(|line| line.band.is_some()));
    let report = s.report(&q).expect("finished");
    assert_eq!(
        info.ranked.first().map(|r| r.id.clone()),
        report.articles.first().map(|r| r.id.clone()),
        "the studio's leading article is the reader's first"
    );
    let holding = info.rules.iter().filter(|r| r.holds).count();
    assert!(holding >= 1 && holding <= info.rules.len());
}

#[test]
fn a_red_flag_keeps_advice_about_the_marriage_for_later() {
    // keep-calm is advice about the marriage; the "reconnect" phase is rebuilding with him.
    let q = tiny_with(|v| {
        v["articles"][0]["not_if_unsafe"] = true.into();
        v["phases"][1]["not_if_unsafe"] = true.into();
    });
    let path = |first: Answer| {
        session(
            &q,
            &[
                ("situation", one("home")),
                ("safety", first),
                ("tired", one("never")),
                ("signs", ticks(&["talks"])),
            ],
        )
    };
    let safe = results(&q, &path(one("safe")));
    assert_eq!(
        ids(&safe.articles.iter().map(|a| &a.id).collect::<Vec<_>>()),
        ["keep-calm", "hope-signs"]
    );
    assert!(
        safe.later.is_empty(),
        "nothing is held back without a red flag"
    );
    assert!(safe.plan.iter().any(|p| p.id == "reconnect"));

    let afraid = results(&q, &path(one("afraid")));
    assert_eq!(
        ids(&afraid.articles.iter().map(|a| &a.id).collect::<Vec<_>>()),
        ["hope-signs"],
        "the marked article is not recommended to her"
    );
    assert_eq!(
        ids(&afraid.later.iter().map(|a| &a.id).collect::<Vec<_>>()),
        ["keep-calm"],
        "it is kept for later, once she is safe"
    );
    let phases: Vec<&str> = afraid.plan.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        phases,
        ["safety"],
        "no step of a held-back article, no marked phase"
    );
}

#[test]
fn ties_follow_the_authors_order_and_close_calls_are_said() {
    // home → keep-calm 3; signs "talks" → hope-signs 2, "apart" adds 1 to hope-signs.
    let answers = [
        ("situation", one("home")),
        ("safety", one("safe")),
        ("tired", one("never")),
        ("signs", ticks(&["talks"])),
    ];
    let order = |q: &Questionnaire| -> Vec<String> {
        results(q, &session(q, &answers))
            .articles
            .iter()
            .map(|a| a.id.clone())
            .collect()
    };
    // Make the two tie at 3: hope-signs' "talks" rule weighs 3.
    let tied = |tie_order: &[&str], margin: i64| {
        tiny_with(|v| {
            v["recommendations"]
                .as_array_mut()
                .unwrap()
                .iter_mut()
                .filter(|r| r["article"] == "hope-signs" && r["weight"] == 2)
                .for_each(|r| r["weight"] = 3.into());
            v["results"]["tie_order"] = serde_json::json!(tie_order);
            v["results"]["close_margin"] = margin.into();
        })
    };
    let q = tied(&[], 0);
    assert_eq!(
        order(&q)[..2],
        ["keep-calm", "hope-signs"],
        "without an order: file order"
    );
    let q = tied(&["hope-signs", "keep-calm"], 0);
    assert_eq!(
        order(&q)[..2],
        ["hope-signs", "keep-calm"],
        "the author's order decides a tie"
    );
    assert!(
        results(&q, &session(&q, &answers)).close,
        "a tie is always a close call"
    );

    let q = tiny();
    let r = results(&q, &session(&q, &answers));
    assert_eq!((r.articles[0].weight, r.articles[1].weight), (3, 2));
    assert!(
        !r.close,
        "one point apart with no margin set is not a close call"
    );
    let q = tiny_with(|v| v["results"]["close_margin"] = 1.into());
    assert!(
        results(&q, &session(&q, &answers)).close,
        "within the margin: both fit her"
    );
}

#[test]
fn thoughts_of_self_harm_bring_crisis_help_first() {
    let q = tiny_with(|v| {
        for question in v["questions"].as_array_mut().unwrap() {
            if question["id"] == "safety" {
                question["options"][1]["crisis"] = true.into();
            }
        }
        v["safety"]["crisis"] = serde_json::json!({
            "title": "You don't have to carry this alone",
            "message": "A crisis line is there, day or night.",
            "resources": [{ "name": "Crisis line", "contact": "988", "detail": "" }],
            "steps": [{ "id": "crisis-call", "text": "Call or text the crisis line today." }],
        });
    });
    let mut s = session(&q, &[("situation", one("home"))]);
    assert!(!s.in_crisis(&q));
    s.answer(&q, one("afraid")).unwrap();
    assert!(s.in_crisis(&q), "crisis help from then on");
    assert!(!s.in_danger(&q), "crisis is not the danger of abuse");
    answer_all(
        &q,
        &mut s,
        &[("tired", one("never")), ("signs", ticks(&["none"]))],
    );
    let report = results(&q, &s);
    let help = report.safety.expect("it is a red flag");
    assert!(help.crisis, "her only red flag: the help is crisis help");
    assert_eq!(help.title, "You don't have to carry this alone");
    assert_eq!(help.resources[0].contact, "988", "the crisis line first");
    assert_eq!(report.plan[0].title, "You don't have to carry this alone");
    assert_eq!(
        report.plan[0]
            .steps
            .iter()
            .map(|s| s.id.as_str())
            .collect::<Vec<_>>(),
        ["crisis-call"],
        "her plan opens with the crisis steps, not the plan to leave a man she fears"
    );

    // With a sign of danger from him too, the help about him stays.
    let mut s = session(&q, &[("situation", one("home"))]);
    s.answer(&q, one("choked")).unwrap();
    answer_all(
        &q,
        &mut s,
        &[("tired", one("never")), ("signs", ticks(&["none"]))],
    );
    assert!(!results(&q, &s).safety.unwrap().crisis);
}
