//! The path search: explores every situation a reader can be in (or a fixed sample), a step at a time with array reads only.

use super::*;

/// The answers worth trying at a question when exploring paths.
pub(super) fn choices(q: &Questionnaire, question: &Question) -> Vec<Answer> {
    let mut out: Vec<Answer> = match question.kind {
        Kind::Single | Kind::Scale => q
            .choice_ids(question)
            .into_iter()
            .map(|id| Answer::Choice(id.into()))
            .collect(),
        Kind::Multiple => {
            // Every combination on a small checklist; otherwise one tick each, none, and all.
            let plain: Vec<String> = question
                .options
                .iter()
                .filter(|o| !o.exclusive)
                .map(|o| o.id.as_str().to_owned())
                .collect();
            let exclusive = question
                .options
                .iter()
                .filter(|o| o.exclusive)
                .map(|o| Answer::Choices(vec![o.id.as_str().to_owned()]));
            let mut v: Vec<Answer> = if plain.len() <= 6 {
                (0u32..(1 << plain.len()))
                    .map(|bits| {
                        Answer::Choices(
                            plain
                                .iter()
                                .enumerate()
                                .filter(|(i, _)| bits & (1 << i) != 0)
                                .map(|(_, o)| o.clone())
                                .collect(),
                        )
                    })
                    .collect()
            } else {
                let mut v: Vec<Answer> = plain
                    .iter()
                    .map(|o| Answer::Choices(vec![o.clone()]))
                    .collect();
                v.push(Answer::Choices(Vec::new()));
                v.push(Answer::Choices(plain.clone()));
                v
            };
            v.extend(exclusive);
            v
        }
    };
    if question.prefer_not_to_say {
        out.push(Answer::Declined);
    }
    out
}

/// The situations explored so far. A situation is the part of the facts that any condition
/// can see, as one flat key: the question, the red flag, the clamped scores, then (question,
/// class) pairs. Two walks that agree on it have the same futures, so each is explored once.
///
/// The keys are stored end to end in one array, with a table of indexes into it: one
/// allocation for all of them rather than one each, which kept large files in the cache.
#[derive(Default)]
pub(super) struct Seen {
    pub(super) keys: Vec<i64>,
    /// Where each key ends in `keys` (it starts where the one before ends).
    pub(super) ends: Vec<u32>,
    pub(super) table: hashbrown::HashTable<u32>,
}

impl Seen {
    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Adds a key; true if it was not there yet.
    pub(super) fn insert(&mut self, key: &[i64]) -> bool {
        use std::hash::BuildHasher;
        let hash = |k: &[i64]| rustc_hash::FxBuildHasher.hash_one(k);
        let Seen { keys, ends, table } = self;
        let key_at = |i: u32| {
            let i = i as usize;
            let start = if i == 0 { 0 } else { ends[i - 1] as usize };
            &keys[start..ends[i] as usize]
        };
        match table.entry(hash(key), |&i| key_at(i) == key, |&i| hash(key_at(i))) {
            hashbrown::hash_table::Entry::Occupied(_) => false,
            hashbrown::hash_table::Entry::Vacant(slot) => {
                slot.insert(ends.len() as u32);
                keys.extend_from_slice(key);
                ends.push(keys.len() as u32);
                true
            }
        }
    }
}

/// What answering a question with one of its choices does, worked out once per explorer so
/// that each step of the search is a few array reads (no id lookups, no string compares).
#[derive(Clone, Copy)]
pub(super) struct Effect {
    /// Its points: `deltas[start..start + len]`, as (dimension index, points).
    pub(super) start: u32,
    pub(super) len: u32,
    /// Its red flags: an index into `red`, or `NONE`.
    pub(super) red: u32,
    /// Where it leads: a question index, `RESULTS_AT`, `NOWHERE`, or `DEPENDS` when a branch
    /// decides (then `next_after` works it out from the facts).
    pub(super) next: u32,
}

pub(super) const NONE: u32 = u32::MAX;
pub(super) const DEPENDS: u32 = u32::MAX;
pub(super) const NOWHERE: u32 = u32::MAX - 1;
pub(super) const RESULTS_AT: u32 = u32::MAX - 2;

pub(super) struct Explorer<'q> {
    pub(super) q: &'q Questionnaire,
    pub(super) facts: Facts,
    pub(super) steps: usize,
    pub(super) paths: usize,
    /// Per dimension: `None` if no condition looks at it, else the score above which every
    /// condition answers the same (scores are clamped there in the state).
    pub(super) clamp: Vec<Option<i64>>,
    /// Per question: whether any condition looks at its answer.
    pub(super) looked_at: Vec<bool>,
    pub(super) seen_answers: Vec<(usize, usize)>,
    /// Per question: the answers worth trying there.
    pub(super) choices: Vec<Vec<Answer>>,
    /// Per question and choice: the first choice that every condition treats the same way.
    pub(super) class: Vec<Vec<usize>>,
    pub(super) seen: Seen,
    /// Per question: where its choices' effects start in `effects`.
    pub(super) first: Vec<usize>,
    pub(super) effects: Vec<Effect>,
    pub(super) deltas: Vec<(usize, i64)>,
    pub(super) red: Vec<Vec<(usize, String)>>,
    /// (dimension, score before) for every score a step changed, for undoing it.
    pub(super) changed: Vec<(usize, i64)>,
    /// Reused to build state keys.
    pub(super) key: Vec<i64>,
    pub(super) recommended: Vec<bool>,
    pub(super) top: Vec<bool>,
    pub(super) trail: Vec<(usize, usize)>,
    pub(super) empty_example: Option<Vec<(usize, usize)>>,
    /// When set, the search stops at the first path on which this condition holds.
    pub(super) goal: Option<&'q Condition>,
    /// The recommendation rules, worked out once for ranking at the end of every path.
    pub(super) rules: Rules<'q>,
    /// Per question: the choice taken on the path being finished (reset after each).
    pub(super) chosen: Vec<Option<usize>>,
    pub(super) reached_goal: bool,
}

pub(super) struct Undo {
    pub(super) changed: usize,
    pub(super) flags: usize,
    pub(super) seen_answers: usize,
}

impl<'q> Explorer<'q> {
    /// An explorer whose situations tell apart exactly what `conditions` can see.
    pub(super) fn new(q: &'q Questionnaire, conditions: &[&Condition]) -> Self {
        let file = q.file();
        let mut cuts: Vec<Option<i64>> = vec![None; file.dimensions.len()];
        let mut looked_at = vec![false; file.questions.len()];
        for c in conditions {
            thresholds(q, c, &mut cuts, &mut looked_at);
        }
        let clamp = cuts
            .into_iter()
            .enumerate()
            .map(|(i, cut)| {
                cut.map(|c| {
                    let id = &file.dimensions[i].id;
                    let never_negative =
                        score_range(file, id).0 >= 0 && no_negative_points(file, id);
                    if never_negative {
                        c
                    } else {
                        i64::MAX
                    }
                })
            })
            .collect();
        let mut explorer = Explorer {
            q,
            facts: Facts {
                scores: vec![0; file.dimensions.len()],
                ..Facts::default()
            },
            steps: 0,
            paths: 0,
            clamp,
            looked_at,
            seen_answers: Vec::new(),
            class: Vec::new(),
            choices: file
                .questions
                .iter()
                .map(|question| choices(q, question))
                .collect(),
            seen: Seen::default(),
            first: Vec::new(),
            effects: Vec::new(),
            deltas: Vec::new(),
            red: Vec::new(),
            changed: Vec::new(),
            key: Vec::new(),
            recommended: vec![false; file.articles.len()],
            top: vec![false; file.articles.len()],
            trail: Vec::new(),
            empty_example: None,
            goal: None,
            rules: Rules::new(q),
            chosen: vec![None; file.questions.len()],
            reached_goal: false,
        };
        explorer.class = classes(q, conditions, &explorer.choices);
        explorer.work_out_effects();
        explorer
    }

    /// Works out every choice's `Effect` with the walk's own functions, on empty facts.
    pub(super) fn work_out_effects(&mut self) {
        let q = self.q;
        let dimensions = q.dimensions().len();
        let empty = Facts {
            scores: vec![0; dimensions],
            ..Facts::default()
        };
        let mut facts = empty.clone();
        for (index, question) in q.file().questions.iter().enumerate() {
            self.first.push(self.effects.len());
            for answer in &self.choices[index] {
                facts.scores.iter_mut().for_each(|s| *s = 0);
                facts.danger.clear();
                facts.crisis.clear();
                add_points(q, index, question, answer, &mut facts);
                let start = self.deltas.len() as u32;
                for (d, points) in facts.scores.iter().enumerate() {
                    if *points != 0 {
                        self.deltas.push((d, *points));
                    }
                }
                let red = if facts.red_flags.is_empty() {
                    NONE
                } else {
                    self.red.push(std::mem::take(&mut facts.red_flags));
                    (self.red.len() - 1) as u32
                };
                // The chosen option's own `next` wins; otherwise, without branches, the
                // fallback is fixed too.
                let own_next = question.kind == Kind::Single
                    && question
                        .options
                        .iter()
                        .find(|o| answer.chose(&o.id))
                        .is_some_and(|o| o.next.is_some());
                let next = if own_next || question.branches.is_empty() {
                    match next_after(q, question, answer, &empty) {
                        Some(Target::Question(n)) => n as u32,
                        Some(Target::Results) => RESULTS_AT,
                        None => NOWHERE,
                    }
                } else {
                    DEPENDS
                };
                self.effects.push(Effect {
                    start,
                    len: self.deltas.len() as u32 - start,
                    red,
                    next,
                });
            }
        }
    }

    pub(super) fn effect(&self, index: usize, choice: usize) -> Option<Effect> {
        let first = *self.first.get(index)?;
        let count = self.choices.get(index).map_or(0, Vec::len);
        (choice < count).then(|| self.effects[first + choice])
    }

    /// Writes the situation at `at` into `self.key`.
    pub(super) fn state(&mut self, at: usize) {
        self.key.clear();
        self.key.push(at as i64);
        self.key.push(i64::from(!self.facts.red_flags.is_empty()));
        for (c, s) in self.clamp.iter().zip(&self.facts.scores) {
            if let Some(c) = c {
                self.key.push((*s).min(*c));
            }
        }
        for (i, class) in &self.seen_answers {
            self.key.push(*i as i64);
            self.key.push(*class as i64);
        }
    }

    /// Counts the state at `at` as seen; true if it is new.
    pub(super) fn first_visit(&mut self, at: usize) -> bool {
        self.state(at);
        self.seen.insert(&self.key)
    }

    pub(super) fn within_budget(&self) -> bool {
        self.steps < STEP_BUDGET && self.seen.len() < STATE_BUDGET
    }

    pub(super) fn finish_path(&mut self) {
        self.paths += 1;
        if let Some(goal) = self.goal {
            self.reached_goal |= holds(self.q, goal, &self.facts);
            return;
        }
        // This path's answers by question index, from the trail of (question, choice).
        for &(i, c) in &self.trail {
            if let Some(slot) = self.chosen.get_mut(i) {
                *slot = Some(c);
            }
        }
        let (choices, chosen) = (&self.choices, &self.chosen);
        let answer = |i: usize| {
            chosen
                .get(i)
                .copied()
                .flatten()
                .and_then(|c| choices.get(i)?.get(c))
        };
        let ranked = self.rules.rank(&self.facts, &answer);
        for &(i, _) in &self.trail {
            if let Some(slot) = self.chosen.get_mut(i) {
                *slot = None;
            }
        }
        debug_assert_eq!(ranked, rank_positions(self.q, &self.facts));
        if ranked.is_empty() && self.empty_example.is_none() {
            self.empty_example = Some(self.trail.clone());
        }
        for (n, (i, _)) in ranked.iter().enumerate() {
            self.recommended[*i] = true;
            self.top[*i] |= n == 0;
        }
    }

    /// Applies the `choice`th answer worth trying at a question, returning what undoes it.
    pub(super) fn apply(&mut self, index: usize, choice: usize) -> Undo {
        let undo = Undo {
            changed: self.changed.len(),
            flags: self.facts.red_flags.len(),
            seen_answers: self.seen_answers.len(),
        };
        if let Some(effect) = self.effect(index, choice) {
            let (start, end) = (effect.start as usize, (effect.start + effect.len) as usize);
            for &(d, points) in &self.deltas[start..end] {
                let score = &mut self.facts.scores[d];
                self.changed.push((d, *score));
                *score = score.saturating_add(points);
            }
            if effect.red != NONE {
                let flags = &self.red[effect.red as usize];
                self.facts.red_flags.extend(flags.iter().cloned());
            }
            if self.looked_at.get(index).copied().unwrap_or(false) {
                if let (Some(question), Some(answer)) =
                    (self.q.question(index), self.choices[index].get(choice))
                {
                    self.facts
                        .answers
                        .insert(question.id.as_str().to_owned(), answer.clone());
                }
                let class = self
                    .class
                    .get(index)
                    .and_then(|c| c.get(choice))
                    .copied()
                    .unwrap_or(choice);
                self.seen_answers.push((index, class));
            }
        }
        self.trail.push((index, choice));
        self.steps += 1;
        undo
    }

    pub(super) fn undo(&mut self, index: usize, undo: Undo) {
        if self.looked_at.get(index).copied().unwrap_or(false) {
            if let Some(question) = self.q.question(index) {
                self.facts.answers.remove(question.id.as_str());
            }
        }
        while self.changed.len() > undo.changed {
            if let Some((d, before)) = self.changed.pop() {
                self.facts.scores[d] = before;
            }
        }
        self.facts.red_flags.truncate(undo.flags);
        self.seen_answers.truncate(undo.seen_answers);
        self.trail.pop();
    }

    pub(super) fn next(&self, index: usize, choice: usize) -> Option<Target> {
        match self.effect(index, choice)?.next {
            DEPENDS => {
                let question = self.q.question(index)?;
                let answer = self.choices.get(index)?.get(choice)?;
                next_after(self.q, question, answer, &self.facts)
            }
            NOWHERE => None,
            RESULTS_AT => Some(Target::Results),
            n => Some(Target::Question(n as usize)),
        }
    }

    /// Every distinct state, depth first, until the budget runs out. True if it did not.
    pub(super) fn exhaustive(&mut self) -> bool {
        struct Frame {
            at: usize,
            choices: usize,
            next: usize,
            undo: Option<Undo>,
        }
        let start = self.q.start();
        self.first_visit(start);
        let count = |e: &Self, i: usize| e.choices.get(i).map_or(0, Vec::len);
        let mut stack = vec![Frame {
            at: start,
            choices: count(self, start),
            next: 0,
            undo: None,
        }];
        loop {
            let Some(top) = stack.last_mut() else {
                return true;
            };
            let at = top.at;
            let pending = top.undo.take();
            if let Some(undo) = pending {
                self.undo(at, undo);
            }
            let Some(top) = stack.last_mut() else {
                return true;
            };
            if self.reached_goal {
                return true;
            }
            if top.next >= top.choices {
                stack.pop();
                continue;
            }
            if !self.within_budget() {
                while let Some(mut f) = stack.pop() {
                    if let Some(undo) = f.undo.take() {
                        self.undo(f.at, undo);
                    }
                }
                return false;
            }
            let choice = top.next;
            top.next += 1;
            let undo = self.apply(at, choice);
            let next = self.next(at, choice);
            if let Some(top) = stack.last_mut() {
                top.undo = Some(undo);
            }
            match next {
                Some(Target::Results) => self.finish_path(),
                Some(Target::Question(n)) if self.first_visit(n) => {
                    stack.push(Frame {
                        at: n,
                        choices: count(self, n),
                        next: 0,
                        undo: None,
                    });
                }
                Some(Target::Question(_)) => {}
                None => {}
            }
        }
    }

    /// Random paths from a fixed seed, until the budget runs out.
    pub(super) fn sample(&mut self) {
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut random = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n.max(1) as u64) as usize
        };
        let stop = self.steps + STEP_BUDGET;
        while self.steps < stop {
            self.facts = Facts {
                scores: vec![0; self.q.dimensions().len()],
                ..Facts::default()
            };
            self.trail.clear();
            self.seen_answers.clear();
            self.changed.clear();
            let mut at = self.q.start();
            for _ in 0..=self.q.file().questions.len() {
                let options = self.choices.get(at).map_or(0, Vec::len);
                if options == 0 {
                    break;
                }
                let choice = random(options);
                self.apply(at, choice);
                match self.next(at, choice) {
                    Some(Target::Results) => {
                        self.finish_path();
                        break;
                    }
                    Some(Target::Question(n)) => at = n,
                    None => break,
                }
            }
        }
    }
}
