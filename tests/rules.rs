//! The rules an author writes, pinned case by case on `tests/fixtures/tiny.toml`: when each kind
//! of condition holds (at its boundaries), the "because you said …" reasons each kind gives, how
//! articles with equal weight are ranked, and the facts a walk, a session and saved progress
//! carry (the flow's ways forward, its first question, its version, a finished walk).
//!
//! tiny.toml: "apart" adds 1 to strain and `tired` adds 2 × (never 0, sometimes 1, often 2), so
//! the readers below reach every strain from 0 to 5; strain bands are low 0–2 and high 3–5.

use engine::model::Condition;
use engine::questionnaire::Target;
use engine::report::{explain, rank, rank_positions};
use engine::walk::{holds, walk, Facts};
use engine::{Answer, Position, Questionnaire, Screen, Session};
use reader::storage::format::{decode, encode, Decoded, SavedProgress};
use std::collections::{BTreeMap, BTreeSet};

mod support;
use support::{one, question, ticks, tiny, tiny_with};

/// Readers, by name, as the answers they gave (strain and flags in the name).
fn reader(name: &str) -> BTreeMap<String, Answer> {
    let answers: Vec<(&str, Answer)> = match name {
        "home, strain 0" => vec![
            ("situation", one("home")),
            ("safety", one("safe")),
            ("tired", one("never")),
        ],
        "apart, strain 1" => vec![
            ("situation", one("apart")),
            ("contact", one("rarely")),
            ("safety", one("safe")),
            ("tired", one("never")),
        ],
        "home, strain 2" => vec![
            ("situation", one("home")),
            ("safety", one("safe")),
            ("tired", one("sometimes")),
        ],
        "apart, afraid, strain 3" => vec![
            ("situation", one("apart")),
            ("contact", one("rarely")),
            ("safety", one("afraid")),
            ("tired", one("sometimes")),
        ],
        "home, strain 4" => vec![
            ("situation", one("home")),
            ("safety", one("safe")),
            ("tired", one("often")),
        ],
        "apart, strain 5" => vec![
            ("situation", one("apart")),
            ("contact", one("often")),
            ("safety", one("safe")),
            ("tired", one("often")),
        ],
        "home, talks and kind" => vec![
            ("situation", one("home")),
            ("safety", one("safe")),
            ("tired", one("never")),
            ("signs", ticks(&["talks", "kind"])),
        ],
        other => panic!("no reader {other:?}"),
    };
    answers
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect()
}

fn facts(q: &Questionnaire, name: &str) -> Facts {
    walk(q, &reader(name)).facts
}

fn condition(json: &str) -> Condition {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("{json}: {e}"))
}

#[test]
fn each_kind_of_condition_holds_exactly_where_it_should() {
    let q = tiny();
    // (condition, [(reader, holds?)]): boundaries on both sides of every comparison.
    let cases: &[(&str, &[(&str, bool)])] = &[
        (
            r#"{"answer": "situation", "is": "home"}"#,
            &[("home, strain 0", true), ("apart, strain 1", false)],
        ),
        (
            r#"{"not": {"answer": "situation", "is": "home"}}"#,
            &[("home, strain 0", false), ("apart, strain 1", true)],
        ),
        (
            r#"{"not": {"red_flag": true}}"#,
            &[("apart, afraid, strain 3", false), ("home, strain 0", true)],
        ),
        (
            r#"{"answer": "situation", "is_one_of": ["apart"]}"#,
            &[("apart, strain 1", true), ("home, strain 0", false)],
        ),
        (
            r#"{"answer": "situation", "is_one_of": ["home", "apart"]}"#,
            &[("apart, strain 1", true), ("home, strain 0", true)],
        ),
        (
            r#"{"answer": "contact", "is_one_of": ["often"]}"#,
            &[
                ("apart, strain 1", false),
                ("apart, strain 5", true),
                ("home, strain 0", false),
            ],
        ),
        (
            r#"{"answer": "signs", "includes": "talks"}"#,
            &[("home, talks and kind", true), ("home, strain 0", false)],
        ),
        (
            r#"{"answer": "signs", "includes": "none"}"#,
            &[("home, talks and kind", false)],
        ),
        (
            r#"{"score": "strain", "at_least": 3}"#,
            &[
                ("home, strain 2", false),
                ("apart, afraid, strain 3", true),
                ("home, strain 4", true),
            ],
        ),
        (
            r#"{"score": "strain", "at_most": 1}"#,
            &[
                ("home, strain 0", true),
                ("apart, strain 1", true),
                ("home, strain 2", false),
            ],
        ),
        (
            r#"{"score": "strain", "band": "high"}"#,
            &[
                ("home, strain 2", false),
                ("apart, afraid, strain 3", true),
                ("apart, strain 5", true),
            ],
        ),
        (
            r#"{"score": "strain", "band": "low"}"#,
            &[
                ("home, strain 0", true),
                ("home, strain 2", true),
                ("apart, afraid, strain 3", false),
            ],
        ),
        (
            r#"{"all": [{"answer": "situation", "is": "apart"}, {"score": "strain", "at_least": 3}]}"#,
            &[
                ("apart, strain 1", false),
                ("home, strain 4", false),
                ("apart, afraid, strain 3", true),
            ],
        ),
        (
            r#"{"any": [{"answer": "situation", "is": "apart"}, {"score": "strain", "at_least": 3}]}"#,
            &[
                ("apart, strain 1", true),
                ("home, strain 4", true),
                ("home, strain 0", false),
            ],
        ),
        (
            r#"{"red_flag": true}"#,
            &[("apart, afraid, strain 3", true), ("home, strain 0", false)],
        ),
        (
            r#"{"red_flag": false}"#,
            &[("apart, afraid, strain 3", false), ("home, strain 0", true)],
        ),
        // Names the checker would refuse never hold.
        (
            r#"{"answer": "nobody", "is": "home"}"#,
            &[("home, strain 0", false)],
        ),
        (
            r#"{"score": "nothing", "at_most": 100}"#,
            &[("home, strain 0", false)],
        ),
        (
            r#"{"score": "strain", "band": "nowhere"}"#,
            &[("home, strain 0", false)],
        ),
        (r#"{"answer": "situation"}"#, &[("home, strain 0", false)]),
    ];
    for (json, readers) in cases {
        let c = condition(json);
        for (name, want) in *readers {
            assert_eq!(holds(&q, &c, &facts(&q, name)), *want, "{json} for {name}");
        }
    }
}

#[test]
fn each_kind_of_condition_explains_itself_in_her_words() {
    let q = tiny();
    let cases: &[(&str, &str, &[&str])] = &[
        (
            r#"{"answer": "situation", "is_one_of": ["home", "apart"]}"#,
            "home, strain 0",
            &["you said “We still live together”"],
        ),
        (
            r#"{"answer": "situation", "is_one_of": ["apart"]}"#,
            "apart, strain 5",
            &["you said “He moved out”"],
        ),
        (
            r#"{"answer": "tired", "is": "sometimes"}"#,
            "home, strain 2",
            &["you answered “Sometimes” to “I feel worn out by the relationship”"],
        ),
        (
            r#"{"answer": "signs", "includes": "kind"}"#,
            "home, talks and kind",
            &["you ticked “He is kinder”"],
        ),
        (
            r#"{"score": "strain", "at_most": 1}"#,
            "apart, strain 1",
            &["your strain score is 1 of 5 (low)"],
        ),
        (
            r#"{"score": "strain", "at_least": 3}"#,
            "apart, strain 5",
            &["your strain score is 5 of 5 (high)"],
        ),
        (
            r#"{"score": "strain", "band": "high"}"#,
            "apart, afraid, strain 3",
            &["your strain score is 3 of 5 (high)"],
        ),
        // Only the parts of "any" that hold are given as reasons.
        (
            r#"{"any": [{"answer": "situation", "is": "home"}, {"score": "strain", "at_least": 3}]}"#,
            "home, strain 0",
            &["you said “We still live together”"],
        ),
        (
            r#"{"all": [{"answer": "situation", "is": "apart"}, {"score": "strain", "at_least": 3}]}"#,
            "apart, afraid, strain 3",
            &[
                "you said “He moved out”",
                "your strain score is 3 of 5 (high)",
            ],
        ),
        // The same answer named twice is one reason.
        (
            r#"{"all": [{"answer": "situation", "is": "home"}, {"answer": "situation", "is_one_of": ["home"]}]}"#,
            "home, strain 0",
            &["you said “We still live together”"],
        ),
        (
            r#"{"red_flag": true}"#,
            "apart, afraid, strain 3",
            &["you told us something that raises a concern for your safety"],
        ),
        // What she did not say is never given as a reason.
        (
            r#"{"not": {"answer": "situation", "is": "home"}}"#,
            "apart, strain 1",
            &[],
        ),
        (r#"{"red_flag": false}"#, "home, strain 0", &[]),
    ];
    for (json, name, want) in cases {
        let c = condition(json);
        let f = facts(&q, name);
        assert!(holds(&q, &c, &f), "{json} should hold for {name}");
        assert_eq!(explain(&q, &c, &f), *want, "{json} for {name}");
    }
}

/// tiny.toml with its rules replaced: (article, weight), each rule always holding, ranked for a
/// reader at home. (Three more rules, for readers living apart, let the checker see that each
/// article can come first for someone.)
fn ranked_with(rules: &[(&str, i64)]) -> Vec<(String, i64)> {
    let q = tiny_with(|v| {
        let mut all: Vec<serde_json::Value> = rules
            .iter()
            .map(|(article, weight)| {
                serde_json::json!({
                    "article": article,
                    "when": {"score": "strain", "at_least": 0},
                    "weight": weight,
                })
            })
            .collect();
        for (article, when, weight) in [
            ("keep-calm", r#"{"answer": "contact", "is": "rarely"}"#, 100),
            ("hope-signs", r#"{"answer": "contact", "is": "often"}"#, 100),
            ("burnout-help", r#"{"score": "strain", "at_least": 5}"#, 200),
        ] {
            let when: serde_json::Value = serde_json::from_str(when).unwrap();
            all.push(serde_json::json!({"article": article, "when": when, "weight": weight}));
        }
        v["recommendations"] = all.into();
    });
    let f = facts(&q, "home, strain 0");
    let by_rank: Vec<(String, i64)> = rank(&q, &f).into_iter().map(|r| (r.id, r.weight)).collect();
    let by_position: Vec<(String, i64)> = rank_positions(&q, &f)
        .into_iter()
        .map(|(p, w)| (q.file().articles[p].id.clone(), w))
        .collect();
    assert_eq!(by_rank, by_position, "the checker ranks as the report does");
    by_rank
}

/// (article, weight) pairs: rules in file order, or articles best first.
type Weights<'a> = &'a [(&'a str, i64)];

#[test]
fn equal_weights_keep_the_files_article_order_whatever_the_rules_order() {
    // The file's articles are keep-calm, hope-signs, burnout-help, in that order.
    let cases: &[(Weights, Weights)] = &[
        (
            &[("burnout-help", 1), ("hope-signs", 1), ("keep-calm", 1)],
            &[("keep-calm", 1), ("hope-signs", 1), ("burnout-help", 1)],
        ),
        (
            &[("hope-signs", 2), ("burnout-help", 2), ("keep-calm", 1)],
            &[("hope-signs", 2), ("burnout-help", 2), ("keep-calm", 1)],
        ),
        (
            &[("keep-calm", 1), ("burnout-help", 3), ("hope-signs", 2)],
            &[("burnout-help", 3), ("hope-signs", 2), ("keep-calm", 1)],
        ),
        // Weights add up per article; a total of zero or less recommends nothing.
        (
            &[
                ("burnout-help", 1),
                ("keep-calm", 2),
                ("burnout-help", 2),
                ("hope-signs", 1),
                ("hope-signs", -1),
            ],
            &[("burnout-help", 3), ("keep-calm", 2)],
        ),
        (
            &[("keep-calm", 1), ("keep-calm", -3), ("hope-signs", 1)],
            &[("hope-signs", 1)],
        ),
    ];
    for (rules, want) in cases {
        let want: Vec<(String, i64)> = want.iter().map(|(a, w)| (a.to_string(), *w)).collect();
        assert_eq!(ranked_with(rules), want, "rules {rules:?}");
    }
}

#[test]
fn every_way_forward_of_each_question_is_known() {
    let q = tiny();
    let i = |id: &str| Target::Question(q.question_index(id).expect(id));
    let cases = [
        ("situation", vec![i("safety"), i("contact")]),
        ("contact", vec![i("safety")]),
        ("safety", vec![i("tired")]),
        ("tired", vec![Target::Results, i("signs")]),
        ("signs", vec![Target::Results]),
    ];
    for (id, want) in cases {
        let index = q.question_index(id).expect(id);
        assert_eq!(
            q.successors(index),
            want.as_slice(),
            "ways forward from {id}"
        );
    }
    assert!(q.successors(99).is_empty(), "no question, no way forward");
}

#[test]
fn the_first_question_is_the_files_start_wherever_it_is_written() {
    // situation written last: the check-in still starts there.
    let q = tiny_with(|v| {
        let qs = v["questions"].as_array_mut().unwrap();
        let first = qs.remove(0);
        qs.push(first);
    });
    assert_eq!(q.start(), 4);
    let s = Session::new(&q);
    match s.screen(&q) {
        Screen::Question(screen) => {
            assert_eq!(screen.id, "situation");
            assert_eq!(screen.progress.max_left, 5);
        }
        Screen::Results(_) => panic!("a new session starts on a question"),
    }
    let w = walk(&q, &reader("home, strain 0"));
    let path: Vec<&str> = w
        .path
        .iter()
        .map(|&p| q.question(p).unwrap().id.as_str())
        .collect();
    assert_eq!(path, ["situation", "safety", "tired", "signs"]);
}

#[test]
fn saved_progress_carries_the_questionnaires_version() {
    for version in [0u32, 1, 7] {
        let q = tiny_with(|v| v["version"] = version.into());
        assert_eq!(q.version(), version);
        let s = Session::new(&q);
        let saved = SavedProgress::of(&q, &s, true, &BTreeSet::new(), 0.0);
        assert_eq!(saved.version, version);
        match decode::<SavedProgress>(&encode(&saved)) {
            Decoded::Ok(back) => assert_eq!(back.version, version),
            other => panic!("version {version} should read back: {other:?}"),
        }
    }
}

#[test]
fn a_session_is_fresh_only_until_her_first_answer() {
    let q = tiny();
    let mut s = Session::new(&q);
    assert!(s.is_fresh());
    s.answer(&q, one("home")).unwrap();
    assert!(!s.is_fresh());
    assert!(s.back(&q));
    assert!(!s.is_fresh(), "going back keeps her answer");
}

#[test]
fn results_are_shown_only_while_her_answers_reach_them() {
    // She finished; then the flow changed so that "home" asks about contact too.
    let q = tiny();
    let mut s = Session::new(&q);
    for (id, a) in [
        ("situation", one("home")),
        ("safety", one("safe")),
        ("tired", one("often")),
    ] {
        assert!(matches!(s.screen(&q), Screen::Question(ref sc) if sc.id == id));
        s.answer(&q, a).unwrap();
    }
    assert_eq!(s.position(), &Position::Results);
    assert!(matches!(s.screen(&q), Screen::Results(_)));

    let changed = tiny_with(|v| {
        question(v, "situation")["options"][0]["next"] = "contact".into();
    });
    assert!(!s.is_finished(&changed));
    match s.screen(&changed) {
        Screen::Question(screen) => assert_eq!(screen.id, "contact"),
        Screen::Results(_) => panic!("the changed flow is not finished: contact is next"),
    }
    assert_eq!(s.report(&changed), None);
}

#[test]
fn a_fallback_next_counts_only_when_some_answer_can_take_it() {
    // Every option of "situation" has its own way forward: a question-level `next` is never
    // taken, so it must not count in the ways forward (or in honest progress).
    let q = tiny_with(|v| question(v, "situation")["next"] = "signs".into());
    let i = |id: &str| Target::Question(q.question_index(id).expect(id));
    let situation = q.question_index("situation").unwrap();
    assert_eq!(q.successors(situation), [i("safety"), i("contact")]);
    assert_eq!((q.min_left(situation), q.max_left(situation)), (3, 5));

    // With "prefer not to say", declining takes the fallback: now it counts.
    let q = tiny_with(|v| {
        let s = question(v, "situation");
        s["next"] = "signs".into();
        s["prefer_not_to_say"] = true.into();
    });
    let i = |id: &str| Target::Question(q.question_index(id).expect(id));
    let situation = q.question_index("situation").unwrap();
    assert_eq!(
        q.successors(situation),
        [i("safety"), i("contact"), i("signs")]
    );
    assert_eq!((q.min_left(situation), q.max_left(situation)), (2, 5));
}

#[test]
fn the_safety_banner_shows_after_the_answer_that_raised_it_not_on_its_own_question() {
    let q = tiny();
    let mut s = Session::new(&q);
    s.answer(&q, one("home")).unwrap();
    s.answer(&q, one("afraid")).unwrap();
    let flagged = |s: &Session| match s.screen(&q) {
        Screen::Question(screen) => (screen.id, screen.red_flag),
        Screen::Results(_) => panic!("a question"),
    };
    assert_eq!(flagged(&s), ("tired".to_string(), true));
    assert!(s.back(&q));
    assert_eq!(
        flagged(&s),
        ("safety".to_string(), false),
        "back on the question itself, she can change that answer without the banner"
    );
}

#[test]
fn saved_progress_names_the_questionnaire_and_restores_what_she_said() {
    let q = tiny();
    let mut s = Session::new(&q);
    s.answer(&q, one("apart")).unwrap();
    s.answer(&q, Answer::Declined).unwrap();
    let saved = SavedProgress::of(&q, &s, true, &BTreeSet::new(), 5.0);
    assert_eq!(saved.questionnaire, "tiny");
    let back = match decode::<SavedProgress>(&encode(&saved)) {
        Decoded::Ok(p) => p,
        other => panic!("it reads back: {other:?}"),
    };
    let (restored, started, what) = back.restore(&q);
    assert!(started);
    assert!(what.dropped.is_empty(), "{what:?}");
    assert_eq!(restored.answers().get("contact"), Some(&Answer::Declined));
    assert_eq!(restored.answers().get("situation"), Some(&one("apart")));
    assert_eq!(restored, s);
}

#[test]
fn a_record_is_blank_only_with_nothing_in_it_and_answers_mean_she_started() {
    let q = tiny();
    let fresh = Session::new(&q);
    let none = BTreeSet::new();
    let ticked: BTreeSet<String> = ["calm-breathe".to_string()].into();
    let mut answered = Session::new(&q);
    answered.answer(&q, one("home")).unwrap();
    // (session, started, ticks, blank?)
    let cases: [(&Session, bool, &BTreeSet<String>, bool); 4] = [
        (&fresh, false, &none, true),
        (&fresh, true, &none, false),
        (&fresh, false, &ticked, false),
        (&answered, false, &none, false),
    ];
    for (n, (session, started, ticks, blank)) in cases.into_iter().enumerate() {
        let saved = SavedProgress::of(&q, session, started, ticks, 0.0);
        assert_eq!(saved.is_blank(), blank, "case {n}");
        let (_, restored_started, _) = saved.restore(&q);
        assert_eq!(
            restored_started,
            started || !session.is_fresh(),
            "case {n}: she started if she said so or answered"
        );
    }
}
