//! The shipped check-in, read as its readers would: each scenario (one imagined reader per
//! article, plus safety cases) walks the questionnaire and must get the article written for
//! her first, with safety help first whenever she raised a red flag.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::fs;
use where_we_stand::engine::{load_prechecked, Answer, Questionnaire, Report, Screen, Session};

#[derive(Deserialize)]
struct Scenario {
    reader: String,
    answers: BTreeMap<String, Answer>,
    expect: Expect,
}

#[derive(Deserialize)]
struct Expect {
    top_article: String,
    safety_first: bool,
}

fn check_in() -> Questionnaire {
    let text = fs::read_to_string("questionnaires/check-in.json").expect("the check-in exists");
    load_prechecked("check-in.json", &text).expect("the check-in loads")
}

fn scenarios() -> Vec<(String, Scenario)> {
    let mut out: Vec<(String, Scenario)> = fs::read_dir("tests/scenarios")
        .expect("scenarios exist")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let text = fs::read_to_string(&p).expect("readable scenario");
            let scenario =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                scenario,
            )
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Answers every question on her path from the scenario; fails if one is missing or unused.
fn walk(q: &Questionnaire, name: &str, s: &Scenario) -> Report {
    let mut session = Session::new(q);
    for _ in 0..=q.file().questions.len() {
        match session.screen(q) {
            Screen::Results(report) => {
                let unused: Vec<_> = s
                    .answers
                    .keys()
                    .filter(|k| !session.answers().contains_key(*k))
                    .collect();
                assert!(
                    unused.is_empty(),
                    "{name}: answers not on her path: {unused:?}"
                );
                return report;
            }
            Screen::Question(screen) => {
                let answer = s
                    .answers
                    .get(&screen.id)
                    .unwrap_or_else(|| panic!("{name}: no answer for question \"{}\"", screen.id));
                session
                    .answer(q, answer.clone())
                    .unwrap_or_else(|e| panic!("{name}: {e}"));
            }
        }
    }
    panic!("{name}: the walk did not end");
}

#[test]
fn every_reader_gets_the_article_written_for_her_first() {
    let q = check_in();
    let mut failures = Vec::new();
    for (name, s) in scenarios() {
        let report = walk(&q, &name, &s);
        let top = report
            .articles
            .first()
            .map(|a| a.id.as_str())
            .unwrap_or("nothing");
        if top != s.expect.top_article {
            failures.push(format!(
                "{name} ({}): expected {}, got {top}",
                s.reader, s.expect.top_article
            ));
        }
        // A clear winner, not a tie broken by file order.
        if let [first, second, ..] = report.articles.as_slice() {
            assert!(
                first.weight > second.weight,
                "{name}: the top two articles tie at {}",
                first.weight
            );
        }
        // Every recommendation says why.
        for a in &report.articles {
            assert!(!a.reasons.is_empty(), "{name}: {} has no reason", a.id);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_article_is_first_for_some_reader() {
    let q = check_in();
    let tops: Vec<String> = scenarios()
        .into_iter()
        .map(|(_, s)| s.expect.top_article)
        .collect();
    for article in &q.file().articles {
        assert!(
            tops.contains(&article.id),
            "no scenario has {} first",
            article.id
        );
    }
}

#[test]
fn a_red_flag_puts_safety_first_and_drops_reaching_out() {
    let q = check_in();
    let mut flagged = 0;
    for (name, s) in scenarios() {
        let report = walk(&q, &name, &s);
        assert_eq!(
            report.safety.is_some(),
            s.expect.safety_first,
            "{name}: safety help shown?"
        );
        if s.expect.safety_first {
            flagged += 1;
            let safety = report.safety.as_ref().unwrap();
            assert!(
                safety.resources.iter().any(|r| r.contact.contains("911")),
                "{name}: 911 listed"
            );
            assert!(
                safety
                    .resources
                    .iter()
                    .any(|r| r.contact.contains("1-800-799-7233")),
                "{name}: the hotline is listed"
            );
            assert_eq!(
                report.plan.first().map(|p| p.id.as_str()),
                Some("safety"),
                "{name}: safety steps come first"
            );
            for step in report.plan.iter().flat_map(|p| &p.steps) {
                let unsafe_step = q
                    .file()
                    .articles
                    .iter()
                    .flat_map(|a| &a.steps)
                    .any(|st| st.id == step.id && st.not_if_unsafe);
                assert!(
                    !unsafe_step,
                    "{name}: step \"{}\" is not for a reader at risk",
                    step.text
                );
            }
        }
    }
    assert!(flagged >= 1, "at least one scenario raises a red flag");
}

#[test]
fn the_plan_follows_the_phases_in_order() {
    let q = check_in();
    let order: Vec<&str> = q.file().phases.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(order, ["calm", "rebuild", "work"]);
    for (name, s) in scenarios() {
        let report = walk(&q, &name, &s);
        let seen: Vec<usize> = report
            .plan
            .iter()
            .filter_map(|p| order.iter().position(|o| *o == p.id))
            .collect();
        assert!(
            seen.windows(2).all(|w| w[0] < w[1]),
            "{name}: phases out of order: {seen:?}"
        );
        assert!(!report.plan.is_empty(), "{name}: the plan is empty");
    }
}

#[test]
fn articles_credit_the_author_and_link_to_her_blog() {
    let q = check_in();
    for a in &q.file().articles {
        assert_eq!(a.author, "Leslie Cane", "{}", a.id);
        assert!(
            a.url.starts_with("https://isavedmymarriage.com"),
            "{}",
            a.id
        );
        assert!(
            !a.helps.is_empty() && !a.hurts.is_empty() && !a.steps.is_empty(),
            "{}",
            a.id
        );
    }
    assert!(q
        .file()
        .about
        .disclaimer
        .to_lowercase()
        .contains("not counsel"));
}

#[test]
fn the_app_loads_exactly_the_checked_check_in() {
    // The app skips the checker at start-up (build.rs ran it); what it loads must be the
    // same questionnaire the checked file gives.
    let embedded = where_we_stand::engine::load_built(where_we_stand::content::CHECK_IN)
        .expect("the embedded check-in loads");
    assert_eq!(
        format!("{:?}", embedded.file()),
        format!("{:?}", check_in().file())
    );
    assert!(where_we_stand::engine::load_built(&where_we_stand::content::CHECK_IN[..100]).is_err());
}
