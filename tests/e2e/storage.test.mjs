// Saved progress in localStorage: resuming, old or edited records, corrupt data, two tabs, and
// the saved format itself. Run from tests/e2e: BASE_URL=http://127.0.0.1:8091 npm test

import { test, describe, after } from "node:test";
import assert from "node:assert/strict";
import {
  sharedBrowser,
  open,
  softly,
  seedStorage,
  readStorage,
  scenario,
  savedProgress,
  PROGRESS_KEY,
  BACKUP_PREFIX,
} from "./lib/browser.mjs";
import { HomePage, QuestionPage, ResultsPage, questionById, DECLINED, explain } from "./lib/pages.mjs";

const browser = sharedBrowser();
after(() => browser.close());
const T = { timeout: 90_000 };

const progressIn = async (page) => {
  const raw = (await readStorage(page))[PROGRESS_KEY];
  return raw === undefined ? undefined : JSON.parse(raw);
};

/** A fresh page on which the check-in was just started, with scenario `name`'s answers. */
async function startCheckIn(t, name) {
  const session = await open(browser, t);
  const home = new HomePage(session.page);
  await home.goto();
  await home.start();
  return { ...session, answers: scenario(name).answers, home, q: new QuestionPage(session.page) };
}

describe("resuming", () => {
  test("a reload in the middle of the check-in resumes on the same question", T, async (t) => {
    const { page, assertNoErrors, answers, home, q } = await startCheckIn(t, "safety-prefer-not-to-say");
    for (const id of ["situation", "apart_how_long", "apart_pattern", "apart_contact", "safety"]) {
      await q.waitForQuestion(id);
      await q.setAnswer(answers[id]);
      await q.continue();
    }
    assert.equal(await q.waitForQuestion(), "hope_signs");

    await page.reload();
    assert.equal(await q.waitForQuestion(), "hope_signs", "the reload lands on the same question");
    assert.equal(await q.heading(), questionById("hope_signs").text);

    // From the home page: Continue, with how far she got.
    await home.goto();
    await home.continueButton().waitFor();
    assert.match(await home.resumeText(), /You have answered 5 questions; about \d+–\d+ are left\./);
    await home.continue();
    assert.equal(await q.waitForQuestion(), "hope_signs");
    assert.equal(await q.back(), "safety");
    assert.deepEqual(await q.checkedValues(), [DECLINED], "the 'Prefer not to say' answer was kept");
    assertNoErrors();
  });

  test("Start over on the home page clears the answers", T, async (t) => {
    const { page, assertNoErrors, answers, home, q } = await startCheckIn(t, "husband-gives-up");
    await q.setAnswer(answers.situation);
    await q.continue();
    await q.waitForQuestion("distant_how_long");
    await home.goto();
    await home.startOver();
    assert.equal(await q.waitForQuestion(), "situation");
    assert.deepEqual(await q.checkedValues(), [], "nothing chosen after starting over");
    assert.deepEqual((await progressIn(page)).answers, {});
    assertNoErrors();
  });
});

describe("older or edited saved progress", () => {
  test("answers that no longer fit are set aside with a notice; the rest are kept", T, async (t) => {
    const { page, context, assertNoErrors } = await open(browser, t);
    await seedStorage(context, {
      [PROGRESS_KEY]: savedProgress(
        {
          situation: "walked_out",
          walked_when: "few_days",
          walked_why: "an_option_that_was_removed",
          a_question_that_was_removed: "yes",
        },
        { question: "apart_contact" },
      ),
    });
    const home = new HomePage(page);
    await home.goto();

    const notice = home.noticeLocator().filter({ hasText: /set aside/ });
    await notice.waitFor();
    const text = await notice.innerText();
    assert.match(text, /kept 2 of your answers/, text);
    assert.match(text, /2 no longer fit/, text);
    assert.match(text, /a question that was removed/, text);
    assert.ok(text.includes(questionById("walked_why").text), `the notice names the question: ${text}`);

    // The valid answers were kept: she continues at the first question that needs an answer.
    await home.continueButton().waitFor();
    assert.match(await home.resumeText(), /You have answered 2 questions/);
    await home.continue();
    const q = new QuestionPage(page);
    assert.equal(await q.waitForQuestion(), "walked_why");
    assert.deepEqual(await q.checkedValues(), [], "the answer that no longer exists is not shown");
    assert.equal(await q.back(), "walked_when");
    assert.deepEqual(await q.checkedValues(), ["few_days"], "a valid answer was kept");

    const saved = await progressIn(page);
    assert.deepEqual(saved.answers, { situation: "walked_out", walked_when: "few_days" });
    assertNoErrors();
  });

  test("corrupt saved data: a fresh start, a notice, and the raw data kept as a backup", T, async (t) => {
    const { page, context, assertNoErrors } = await open(browser, t);
    const raw = '{"format":1,"answers":{"situation":"walked_out"'; // cut off mid-write
    await seedStorage(context, { [PROGRESS_KEY]: raw, "other-app:key": "untouched" });
    const home = new HomePage(page);
    await home.goto();

    const notice = home.noticeLocator().filter({ hasText: /could not be read/ });
    await notice.waitFor();
    await home.startButton().waitFor();
    assert.equal(await home.continueButton().count(), 0, "nothing to continue");

    const stored = await readStorage(page);
    const backups = Object.keys(stored).filter((k) => k.startsWith(BACKUP_PREFIX));
    assert.equal(backups.length, 1, `one backup key; keys: ${Object.keys(stored)}`);
    assert.equal(stored[backups[0]], raw, "the backup holds the raw data unchanged");
    assert.ok((await notice.innerText()).includes(backups[0]), "the notice says where the data was kept");
    assert.equal(stored["other-app:key"], "untouched");

    // A reload doesn't repeat the notice or lose the backup.
    await page.reload();
    await home.waitForReady();
    await home.startButton().waitFor();
    assert.equal(await home.noticeLocator().filter({ hasText: /could not be read/ }).count(), 0);
    assert.equal((await readStorage(page))[backups[0]], raw);
    assertNoErrors();
  });

  test("progress saved by a newer version is kept aside, not overwritten", T, async (t) => {
    const { page, context, assertNoErrors } = await open(browser, t);
    const newer = JSON.stringify({ ...savedProgress({ situation: "warming" }, "home"), format: 2 });
    await seedStorage(context, { [PROGRESS_KEY]: newer });
    const home = new HomePage(page);
    await home.goto();
    await home.noticeLocator().filter({ hasText: /newer version/ }).waitFor();
    await home.startButton().waitFor();
    const stored = await readStorage(page);
    const backups = Object.keys(stored).filter((k) => k.startsWith(BACKUP_PREFIX));
    assert.deepEqual(backups.map((k) => stored[k]), [newer]);
    assertNoErrors();
  });
});

describe("two tabs", () => {
  test("answering in one tab updates the other, with a notice", T, async (t) => {
    const { page: a, newPage, assertNoErrors } = await open(browser, t);
    const homeA = new HomePage(a);
    await homeA.goto();
    const b = await newPage();
    const homeB = new HomePage(b);
    await homeB.goto();
    await homeB.startButton().waitFor();

    await a.bringToFront();
    await homeA.start();
    const qa = new QuestionPage(a);
    await qa.setAnswer("walked_out");
    await qa.continue();
    await qa.waitForQuestion("walked_when");

    await b.bringToFront();
    await homeB.noticeLocator().filter({ hasText: "Your progress was updated from another tab or window." }).waitFor();
    await homeB.continueButton().waitFor();
    assert.match(await homeB.resumeText(), /You have answered 1 question;/);
    await homeB.continue();
    const qb = new QuestionPage(b);
    assert.equal(await qb.waitForQuestion(), "walked_when", "tab B continues where tab A got to");
    assertNoErrors();
  });

  test("two tabs on the same question settle instead of overwriting each other", T, async (t) => {
    const { page: a, newPage, assertNoErrors } = await open(browser, t);
    const check = softly();
    const homeA = new HomePage(a);
    await homeA.goto();
    await homeA.start();
    const b = await newPage();
    await new HomePage(b).goto();
    await new HomePage(b).start();
    const qb = new QuestionPage(b);
    await qb.waitForQuestion("situation");

    await a.bringToFront();
    const qa = new QuestionPage(a);
    await qa.waitForQuestion("situation");
    await qa.setAnswer("walked_out");
    await qa.continue();
    await qa.waitForQuestion("walked_when");

    await b.bringToFront();
    await b.locator("div.notice").filter({ hasText: "updated from another tab" }).waitFor();
    check.deepEqual(await qb.checkedValues(), ["walked_out"], "tab B shows the answer given in tab A");

    // Nobody is typing: the saved record must stop changing (no echo between the tabs).
    await a.waitForTimeout(1000);
    const samples = [];
    for (let i = 0; i < 20; i++) {
      samples.push(await progressIn(a));
      await a.waitForTimeout(100);
    }
    const writes = new Set(samples.map((p) => p.saved_at)).size - 1;
    const places = [...new Set(samples.map((p) => JSON.stringify(p.place)))];
    check.equal(
      writes,
      0,
      `while idle, the tabs rewrote the saved progress ${writes} times in 2 s; places seen: ${places.join(", ")}`,
    );
    const second = samples.at(-1);
    check.deepEqual(second.answers, { situation: "walked_out" }, "the answer is kept");
    check.equal(await qa.id(), "walked_when", "tab A stays where it was");
    assertNoErrors();
    check.done();
  });
});

describe("saved format", () => {
  test("progress is saved as format 1 with answers, place and ticks", T, async (t) => {
    const { page, assertNoErrors } = await open(browser, t);
    const s = scenario("no-longer-happy");
    const keys = ["format", "questionnaire", "version", "answers", "place", "ticked", "saved_at"].sort();
    const shape = (p) => {
      assert.deepEqual(Object.keys(p).sort(), keys, `saved keys: ${Object.keys(p)}`);
      assert.equal(p.format, 1);
      assert.equal(p.questionnaire, "check-in");
      assert.equal(p.version, 1);
      assert.ok(Array.isArray(p.ticked));
      assert.equal(typeof p.saved_at, "number");
    };
    const home = new HomePage(page);
    await home.goto();
    await home.start();
    const q = new QuestionPage(page);
    await q.setAnswer(s.answers.situation);
    await q.continue();
    await q.waitForQuestion("unhappy_about");
    await q.preferNotToSay();
    await q.continue();
    await q.waitForQuestion("unhappy_response");
    let p = await progressIn(page);
    shape(p);
    assert.deepEqual(p.answers, { situation: "unhappy", unhappy_about: DECLINED });
    assert.deepEqual(p.place, { question: "unhappy_response" });
    assert.ok(p.saved_at > 0);

    await q.setAnswer(["fix_all", "apologize"]);
    await q.continue();
    await q.answerScenario(s.answers);
    const results = new ResultsPage(page);
    await results.waitForReady();
    await results.stepCheckboxes().first().check();
    await page.waitForTimeout(200);
    p = await progressIn(page);
    shape(p);
    assert.equal(p.place, "results");
    assert.deepEqual(p.answers.unhappy_response, ["fix_all", "apologize"], "a checklist is saved as a list");
    assert.equal(p.answers.situation, "unhappy", "a single choice is saved as its option id");
    assert.equal(p.ticked.length, 1, "the ticked step is saved");

    // A record in this format, written by hand, loads as the same state.
    const { page: other, context } = await open(browser, t);
    await seedStorage(context, { [PROGRESS_KEY]: { ...p, saved_at: 0 } });
    const results2 = new ResultsPage(other);
    await results2.goto();
    assert.deepEqual(await results2.articleTitles(), await results.articleTitles());
    assert.equal(await results2.stepCheckboxes().first().isChecked(), true);
    assertNoErrors();
  });

  test("a hand-written record on the home page loads with Continue", T, async (t) => {
    const { page, context, assertNoErrors } = await open(browser, t);
    await seedStorage(context, {
      [PROGRESS_KEY]: savedProgress({ situation: "moved_out", apart_how_long: "year_plus" }, { question: "apart_pattern" }),
    });
    const home = new HomePage(page);
    await home.goto();
    await home.continueButton().waitFor();
    assert.equal(await home.noticeLocator().count(), 0, "a valid record loads without a notice");
    await home.continue();
    const q = new QuestionPage(page);
    assert.equal(await q.waitForQuestion(), "apart_pattern");
    assert.equal(await q.back(), "apart_how_long");
    assert.deepEqual(await q.checkedValues(), ["year_plus"]);
    await explain(page, "checking the saved record", async () => assert.equal((await progressIn(page)).format, 1));
    assertNoErrors();
  });
});

describe("neutral names", () => {
  test("records under the old keys (named after the site) move to neutral keys, nothing lost", T, async (t) => {
    const { page, context, assertNoErrors } = await open(browser, t);
    const answers = { situation: "walked_out" };
    const old = {
      "where-we-stand:progress": JSON.stringify(savedProgress(answers, { question: "walked_when" })),
      "where-we-stand:history": JSON.stringify({
        format: 1,
        entries: [{ completed_at: Date.UTC(2025, 0, 5), scores: { burnout: 9 } }],
      }),
      "where-we-stand:backup:progress:1700000000000": "[[[ kept aside",
      "other-app:key": "keep me",
    };
    await seedStorage(context, old);
    const home = new HomePage(page);
    await home.goto();
    await home.continue();
    const q = new QuestionPage(page);
    assert.equal(await q.waitForQuestion(), "walked_when", "she goes on where she was");
    const stored = await readStorage(page);
    assert.deepEqual(
      Object.keys(stored).sort(),
      ["app:backup:progress:1700000000000", "app:history", "app:progress", "other-app:key"],
      "every record is under a neutral key, and no key names the site",
    );
    assert.equal(stored["app:history"], old["where-we-stand:history"], "the history moved unchanged");
    assert.equal(stored["app:backup:progress:1700000000000"], "[[[ kept aside", "the backup moved unchanged");
    assert.deepEqual(JSON.parse(stored["app:progress"]).answers, answers, "her answers moved");
    assertNoErrors();
  });
});
