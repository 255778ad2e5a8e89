// Reader journeys through the check-in, in headless Chromium against the built app.
// Run from tests/e2e: BASE_URL=http://127.0.0.1:8091 npm test

import { test, describe, after } from "node:test";
import assert from "node:assert/strict";
import {
  sharedBrowser,
  open,
  softly,
  isResponsive,
  seedStorage,
  readStorage,
  checkIn,
  scenarios,
  scenario,
  savedProgress,
  noOfflineTraces,
  offlineReady,
  ORIGIN,
  PROGRESS_KEY,
} from "./lib/browser.mjs";
import {
  HomePage,
  QuestionPage,
  ResultsPage,
  ArticlePage,
  HistoryPage,
  waitForScreen,
  screenOf,
  questionById,
  optionsOf,
  optionLabel,
  raisesRedFlag,
  articleById,
  parseProgress,
  waitForApp,
  explain,
  DECLINED,
} from "./lib/pages.mjs";

const browser = sharedBrowser();
after(() => browser.close());

/** Per-test limit, so a frozen tab fails one test instead of stalling the run. */
const T = { timeout: 90_000 };

/** Opens the home page and presses Start. */
async function startCheckIn(page) {
  const home = new HomePage(page);
  await home.goto();
  await home.start();
  return new QuestionPage(page);
}

/** Answers `ids` (in order) from a scenario, stopping on the question after the last one. */
async function answerSome(q, answers, ids) {
  for (const id of ids) {
    await q.waitForQuestion(id);
    await q.setAnswer(answers[id]);
    await q.continue();
  }
  return q.waitForQuestion();
}

/** Opens the results of a scenario by seeding its answers as saved progress. */
async function openSeededResults(t, name) {
  const session = await open(browser, t);
  await seedStorage(session.context, { [PROGRESS_KEY]: savedProgress(scenario(name).answers, "results") });
  const results = new ResultsPage(session.page);
  await results.goto();
  return { ...session, results };
}

/** Fails at once (instead of after long timeouts) if the app has frozen the tab. */
async function assertStillRunning(page, when) {
  await page.waitForTimeout(500);
  assert.ok(
    await isResponsive(page, 3000),
    `${when}, the tab froze at ${new URL(page.url()).pathname}: the page stopped running any script (its main thread is stuck busy)`,
  );
}

const progressNeverGrows = (trace) => {
  let previous = null;
  for (const step of trace) {
    const { max } = parseProgress(step.progress);
    if (previous) {
      assert.ok(
        max <= previous.max,
        `"${step.progress}" on ${step.id} shows more questions left than "${previous.progress}" on ${previous.id}`,
      );
    }
    previous = { ...step, max };
  }
};

describe("walking skeleton", () => {
  test("answers survive a reload: same question, earlier answers still chosen", T, async (t) => {
    const { page, assertNoErrors } = await open(browser, t);
    const { answers } = scenario("rebuild-after-walked-out");
    const check = softly();
    const q = await startCheckIn(page);
    assert.equal(await q.heading(), questionById("situation").text);
    const next = await answerSome(q, answers, ["situation", "walked_when", "walked_why"]);
    assert.equal(next, "apart_contact");

    await page.reload();
    await q.waitForQuestion("apart_contact");
    assert.equal(await q.heading(), questionById("apart_contact").text, "the same question after the reload");

    assert.equal(await q.back(), "walked_why");
    check.deepEqual(await q.checkedValues(), [answers.walked_why], `after Back, "${questionById("walked_why").text}" still shows the earlier answer`);
    assert.equal(await q.back(), "walked_when");
    check.deepEqual(await q.checkedValues(), [answers.walked_when], `after a second Back, "${questionById("walked_when").text}" still shows the earlier answer "${optionLabel("walked_when", answers.walked_when)}"`);
    assert.equal(await q.back(), "situation");
    check.deepEqual(await q.checkedValues(), [answers.situation], "after a third Back, the first question still shows the earlier answer");
    assertNoErrors();
    check.done();
  });
});

describe("full journey for every scenario", () => {
  for (const s of scenarios()) {
    test(`${s.name}: ${s.reader}`, T, async (t) => {
      const { page, assertNoErrors, foreignRequests } = await open(browser, t);
      const q = await startCheckIn(page);
      const trace = await q.answerScenario(s.answers);
      const results = new ResultsPage(page);
      await results.waitForReady();

      const titles = await results.articleTitles();
      assert.ok(titles.length > 0, "the results list no articles");
      assert.equal(titles[0], articleById(s.expect.top_article).title, `best match; all: ${titles.join(" | ")}`);
      assert.ok((await results.reasons(0)).length > 0, "the best match says why it was chosen");

      // Which question screens come after a red-flag answer.
      let flagged = false;
      const afterFlag = [];
      for (const step of trace) {
        if (flagged) afterFlag.push(step);
        if (raisesRedFlag(step.id, s.answers[step.id])) flagged = true;
      }
      if (s.expect.safety_first) {
        await results.safetyPanel().waitFor();
        assert.ok(await results.safetyPanel().isVisible(), "safety panel shown");
        assert.ok(await results.safetyBeforeFirstArticle(), "the safety panel comes before the first article");
        assert.match(await results.safetyPanel().innerText(), new RegExp(checkIn.safety.title));
        assert.ok(afterFlag.length > 0, "there are questions after the red-flag answer");
        for (const step of afterFlag) {
          assert.ok(step.safetyBanner, `the safety banner is shown on ${step.id}, after the red-flag answer`);
        }
      } else {
        assert.equal(await results.safetyPanel().count(), 0, "no safety panel on the results");
        assert.deepEqual(trace.filter((x) => x.safetyBanner).map((x) => x.id), [], "no safety banner on any question");
      }
      progressNeverGrows(trace);
      assert.deepEqual(foreignRequests(), []);
      assertNoErrors();
    });
  }
});

describe("changing an earlier answer", () => {
  test("a new first answer warns about, then clears, the old branch's answers", T, async (t) => {
    const { page, assertNoErrors } = await open(browser, t);
    const old = scenario("husband-gives-up").answers;
    const fresh = scenario("no-longer-happy");
    const check = softly();
    const q = await startCheckIn(page);
    await answerSome(q, old, ["situation", "distant_how_long", "home_feel"]);
    assert.equal(await q.back(), "home_feel");
    assert.equal(await q.back(), "distant_how_long");
    assert.equal(await q.back(), "situation");
    check.deepEqual(await q.checkedValues(), ["checked_out"], "after going Back, the first question shows the earlier answer");

    // Pick another branch: the app asks first, naming what will be cleared.
    await q.choose(optionLabel("situation", "unhappy"));
    await q.continue({ wait: false });
    await q.discardDialog().waitFor();
    const listed = await q.discardList();
    assert.ok(
      listed.includes(questionById("distant_how_long").text),
      `the warning lists the old branch's question; it lists: ${JSON.stringify(listed)}`,
    );
    assert.ok(!listed.includes(questionById("situation").text), "the question being changed is not listed");

    // Keeping the earlier answer changes nothing.
    await q.cancelDiscard();
    assert.equal(await q.id(), "situation", "still on the first question");
    await page.reload();
    await q.waitForQuestion("situation");
    assert.deepEqual(await q.checkedValues(), ["checked_out"], "the kept answer is still saved");

    // Now really change it.
    await q.choose("unhappy");
    await q.continue({ wait: false });
    await q.discardDialog().waitFor();
    await q.confirmDiscard();
    assert.equal(await q.waitForQuestion(), "unhappy_about", "on the new branch");
    assert.equal(await q.back(), "situation", "Back goes straight to the first question");
    check.deepEqual(await q.checkedValues(), ["unhappy"], "the first question shows the new answer");
    await q.setAnswer("unhappy");
    await q.continue();

    await q.answerScenario(fresh.answers);
    const results = new ResultsPage(page);
    await results.waitForReady();
    assert.equal((await results.articleTitles())[0], articleById(fresh.expect.top_article).title);
    const reasons = await results.allReasons();
    const stale = reasons.filter((r) => /checked out|drifted away/i.test(r));
    assert.deepEqual(stale, [], "no reason refers to the old 'checked out' answer");
    const saved = JSON.parse((await readStorage(page))[PROGRESS_KEY]);
    assert.ok(!("distant_how_long" in saved.answers), "the old branch's answer is no longer saved");
    assertNoErrors();
    check.done();
  });
});

describe("keyboard", () => {
  test("a whole check-in can be completed with the keyboard only", T, async (t) => {
    const { page, assertNoErrors } = await open(browser, t);
    // This reader skips two questions with "Prefer not to say", reached with Tab and ticked with Space.
    const s = scenario("safety-prefer-not-to-say");
    await page.goto("/");
    await new HomePage(page).waitForReady();

    // Tab to the keeping choice (none is made for her) and choose with Space.
    let onChoice = false;
    for (let i = 0; i < 20 && !onChoice; i++) {
      await page.keyboard.press("Tab");
      onChoice = await page.evaluate(() => document.activeElement?.matches("form.keep-choice input[name=keeping]"));
    }
    assert.ok(onChoice, "the keeping choice can be reached with Tab");
    await page.keyboard.press("Space");
    // Tab on to Start, press Enter.
    let onStart = false;
    for (let i = 0; i < 20 && !onStart; i++) {
      await page.keyboard.press("Tab");
      onStart = await page.evaluate(() => document.activeElement?.textContent?.trim() === "Start the check-in");
    }
    assert.ok(onStart, "the Start button can be reached with Tab");
    await page.keyboard.press("Enter");

    const q = new QuestionPage(page);
    for (let n = 0; n < 40; n++) {
      if ((await waitForScreen(page, ["question", "results"])) === "results") break;
      const id = await q.waitForQuestion();
      const answer = s.answers[id];
      assert.ok(answer !== undefined, `no answer for ${id}`);
      if (answer === DECLINED) {
        let there = false;
        for (let i = 0; i < 30 && !there; i++) {
          await page.keyboard.press("Tab");
          there = await page.evaluate(() => document.activeElement?.value === "prefer_not_to_say");
        }
        assert.ok(there, `"Prefer not to say" on ${id} can be reached with Tab`);
        await page.keyboard.press("Space");
      } else {
        const ids = optionsOf(id).map((o) => o.id);
        for (const choice of Array.isArray(answer) ? answer : [answer]) {
          const index = ids.indexOf(choice);
          assert.ok(index >= 0 && index < 9, `option ${choice} of ${id} has a number key`);
          await page.keyboard.press(String(index + 1));
        }
      }
      const wanted = Array.isArray(answer) ? [...answer].sort() : [answer];
      assert.deepEqual((await q.checkedValues()).sort(), wanted, `keys chose the answer on ${id}`);
      await page.keyboard.press("Enter");
      await q.waitToLeave(questionById(id).text);
    }
    const results = new ResultsPage(page);
    await results.waitForReady();
    assert.equal((await results.articleTitles())[0], articleById(s.expect.top_article).title);
    assertNoErrors();
  });
});

describe("navigation", () => {
  test("the browser keeps no trail: addresses never name a screen, and Back leaves the questions", T, async (t) => {
    const { page, assertNoErrors } = await open(browser, t);
    const { answers } = scenario("rebuild-after-walked-out");
    const check = softly();
    // Every address the tab shows, including those set by the History API.
    const seen = new Set();
    page.on("framenavigated", (f) => f === page.mainFrame() && seen.add(f.url()));
    const home = new HomePage(page);
    await home.goto();
    const before = await page.evaluate(() => history.length);
    await home.start();
    const q = new QuestionPage(page);
    const six = ["situation", "walked_when", "walked_why", "apart_contact"];
    await answerSome(q, answers, six);
    for (let i = 0; i < 2; i++) {
      const id = await q.waitForQuestion();
      seen.add(page.url());
      await q.setAnswer(answers[id]);
      await q.continue();
    }
    const here = await q.waitForQuestion();
    await page.waitForTimeout(100); // the history entry is written just after the screen
    const after = await page.evaluate(() => history.length);
    assert.ok(after - before <= 1, `six answers added ${after - before} history entries (at most one allowed)`);

    // The browser's Back takes her out of the questions to the start page, where her answers
    // wait (nothing is lost); Forward brings her back to where she was.
    await page.goBack();
    await waitForScreen(page, "home");
    await home.continueButton().waitFor();
    await page.goForward();
    assert.equal(await q.waitForQuestion(), here, "Forward: back where she was");
    check.deepEqual(await q.checkedValues(), [], "nothing chosen yet on the question she was on");

    // Her results, an article and back: Back from the article returns to the results.
    await q.answerScenario(answers);
    const results = new ResultsPage(page);
    await results.waitForReady();
    await results.openArticle(0);
    await new ArticlePage(page).waitForReady();
    seen.add(page.url());
    await page.goBack();
    await results.waitForReady();
    await page.goBack();
    await waitForScreen(page, "home");
    seen.add(page.url());

    const named = [...seen].filter((u) => new URL(u).pathname !== "/" || new URL(u).search || new URL(u).hash);
    assert.deepEqual(named, [], "every address is the bare start address");
    const ids = [...checkIn.questions.map((x) => x.id), ...checkIn.articles.map((x) => x.id)];
    for (const u of seen) for (const id of ids) assert.ok(!u.includes(id), `${u} names ${id}`);
    assertNoErrors();
    check.done();
  });

  test("going home and back in adds no entry, and a link within the page stays on it", T, async (t) => {
    const { page, context, assertNoErrors } = await open(browser, t);
    await seedStorage(context, { [PROGRESS_KEY]: savedProgress(scenario("bring-back-love").answers, "results") });
    const home = new HomePage(page);
    await home.goto();
    const before = await page.evaluate(() => history.length);
    for (let i = 0; i < 3; i++) {
      await home.continueButton().click();
      const results = new ResultsPage(page);
      await results.waitForReady();
      await page.locator("header.top a.brand").click();
      await waitForScreen(page, "home");
    }
    await page.waitForTimeout(100);
    const after = await page.evaluate(() => history.length);
    assert.ok(after - before <= 1, `three trips in and out added ${after - before} entries (at most one allowed)`);
    // "The rest of your plan" moves to the plan on the same screen: no new address, no entry.
    await home.continueButton().click();
    await new ResultsPage(page).waitForReady();
    const rest = page.getByRole("link", { name: "The rest of your plan" });
    if (await rest.count()) {
      await rest.click();
      await page.waitForTimeout(200);
      assert.equal(await screenOf(page), "results", "still on her results");
      assert.equal(await page.evaluate(() => document.activeElement?.id), "plan", "the plan has the focus");
    }
    assert.equal(page.url(), new URL("/", page.url()).href, "the address is still the bare /");
    assertNoErrors();
  });

  test("an old address that names a question opens the start page, and the address bar drops it", T, async (t) => {
    // Older versions put question ids in the address, so the browser's history may still hold
    // them: opening one shows the start page (from where she can continue) and nothing else.
    const { page, assertNoErrors } = await open(browser, t);
    const q = await startCheckIn(page);
    await answerSome(q, scenario("rebuild-after-walked-out").answers, ["situation"]);
    assert.equal(await q.id(), "walked_when");

    await page.goto("/q/want_most");
    await assertStillRunning(page, "after opening /q/want_most");
    await waitForScreen(page, "home");
    assert.equal(new URL(page.url()).pathname, "/", "the address bar shows only /");
    const home = new HomePage(page);
    await home.continue();
    await q.waitForQuestion("walked_when");

    await page.goto("/results");
    await waitForScreen(page, "home");
    assert.equal(new URL(page.url()).pathname, "/");
    assertNoErrors();
  });

  test("a reload inside the check-in goes back to where she is", T, async (t) => {
    const { page, assertNoErrors } = await open(browser, t);
    const q = await startCheckIn(page);
    await answerSome(q, scenario("rebuild-after-walked-out").answers, ["situation", "walked_when"]);
    const here = await q.id();
    await page.waitForTimeout(100);
    await page.reload();
    assert.equal(await q.waitForQuestion(), here);
    assertNoErrors();
  });

  test("each question starts with nothing chosen, even after one with the same options", T, async (t) => {
    // The form stays on screen from one question to the next and only its changed parts are
    // redrawn, so what was ticked on the last question must not carry over, and Back must
    // still show the earlier answer.
    const { page, assertNoErrors } = await open(browser, t);
    const { answers } = scenario("safety-red-flag");
    const q = await startCheckIn(page);
    const sameOptions = (a, b) => JSON.stringify(optionsOf(a).map((o) => o.id)) === JSON.stringify(optionsOf(b).map((o) => o.id));
    let previous = null;
    let checkedPair = false;
    await q.answerScenario(answers, {
      onQuestion: async (step, qp) => {
        assert.deepEqual(await qp.checkedValues(), [], `${step.id} starts with nothing chosen`);
        if (!checkedPair && previous && sameOptions(previous, step.id) && !Array.isArray(answers[previous])) {
          checkedPair = true;
          assert.equal(await qp.back(), previous, "Back goes to the question before");
          assert.deepEqual(await qp.checkedValues(), [answers[previous]], `${previous} still shows its answer`);
          await qp.continue();
          assert.equal(await qp.waitForQuestion(), step.id);
          assert.deepEqual(await qp.checkedValues(), [], `${step.id} again starts with nothing chosen`);
        }
        previous = step.id;
      },
    });
    assert.ok(checkedPair, "the scenario passes two questions with the same options in a row");
    assertNoErrors();
  });

  test("progress never shows more questions left after moving forward", T, async (t) => {
    const { page, assertNoErrors } = await open(browser, t);
    const s = scenario("safety-red-flag");
    const q = await startCheckIn(page);
    const first = await q.progress();
    assert.ok(first.min >= 1 && first.max >= first.min, `first screen shows a range: ${await q.progressText()}`);
    const trace = await q.answerScenario(s.answers);
    assert.ok(trace.length > 10);
    progressNeverGrows(trace);
    assert.match(trace.at(-1).progress, /This is the last question/);
    assertNoErrors();
  });
});

describe("results", () => {
  test("action plan ticks are kept across a reload", T, async (t) => {
    const { page, results, assertNoErrors } = await openSeededResults(t, "relationship-burnout");
    const phases = await results.phaseTitles();
    assert.ok(phases.length >= 1, "the plan has phases");
    await results.openPhases();
    const boxes = results.stepCheckboxes();
    const n = await boxes.count();
    assert.ok(n >= 2, "the plan has steps to tick");
    await boxes.nth(0).check();
    await boxes.nth(n - 1).check();
    assert.ok(await boxes.nth(0).isChecked());

    await page.reload();
    await results.waitForReady();
    assert.deepEqual(await results.phaseTitles(), phases);
    const after = await results.stepCheckboxes().evaluateAll((els) => els.map((e) => e.checked));
    assert.equal(after.length, n);
    assert.deepEqual(
      after.map((c, i) => (c ? i : -1)).filter((i) => i >= 0),
      [0, n - 1],
      "exactly the ticked steps are still ticked",
    );

    await results.openPhases();
    await results.stepCheckboxes().nth(0).uncheck();
    await page.reload();
    await results.waitForReady();
    assert.equal(await results.stepCheckboxes().nth(0).isChecked(), false, "an untick is kept too");
    assert.equal(await results.stepCheckboxes().nth(n - 1).isChecked(), true);
    assertNoErrors();
  });

  test("results open with the best match and one first step; the rest is folded until opened", T, async (t) => {
    const { page, results, assertNoErrors } = await openSeededResults(t, "relationship-burnout");
    await page.setViewportSize({ width: 375, height: 812 });
    await page.evaluate(() => window.scrollTo(0, 0));
    const s = scenario("relationship-burnout");
    const titles = await results.articleTitles();
    assert.ok(titles.length >= 2, "more than one article");
    const start = results.startHere();
    assert.equal((await start.locator(":scope > h3").innerText()).trim(), articleById(s.expect.top_article).title);
    assert.ok((await start.locator("ul.reasons li").count()) > 0, "the best match says why");
    // What she sees before scrolling on a phone: her best match's title and her first step.
    for (const [what, el] of [
      ["the best match's title", start.locator(":scope > h3")],
      ["the first step", start.locator(".first-step label.step")],
    ]) {
      const box = await el.boundingBox();
      assert.ok(box && box.y + box.height <= 812, `${what} shows before scrolling at 375×812 (bottom at ${box && box.y + box.height})`);
    }
    assert.equal(await results.firstStepText(), (await results.stepTexts())[0], "the first step is the plan's first");
    assert.equal(await results.safetyPanel().count(), 0, "no safety panel without a red flag");

    // Later articles: title and reasons showing, summary folded until she opens it.
    const second = results.articleCards().nth(1);
    const toggle = second.getByRole("button", { name: titles[1] });
    assert.equal(await toggle.getAttribute("aria-expanded"), "false");
    assert.ok(await second.locator("ul.reasons li").first().isVisible(), "its reasons show while folded");
    const more = second.getByRole("link", { name: "Key points and steps" });
    assert.equal(await more.isVisible(), false, "its summary is folded");
    await toggle.click();
    assert.equal(await toggle.getAttribute("aria-expanded"), "true");
    assert.ok(await more.isVisible(), "opened, it shows the summary and the link");
    await toggle.press("Enter");
    assert.equal(await more.isVisible(), false, "it folds again from the keyboard");

    // The plan: the first phase open, later phases folded, each with how many steps are done.
    const phases = results.phases();
    const count = await phases.count();
    assert.ok(count >= 2, "the plan has more than one phase");
    assert.ok(await phases.nth(0).locator("label.step").first().isVisible(), "the first phase is open");
    const later = phases.nth(1);
    assert.equal(await later.locator("label.step").first().isVisible(), false, "a later phase is folded");
    const total = await later.locator("label.step").count();
    assert.equal((await later.locator("p.done").innerText()).trim(), `0 of ${total} done`);
    await later.locator("button.fold").click();
    assert.ok(await later.locator("label.step").first().isVisible(), "opened, it shows its steps");

    // Ticking the first step at the top ticks it in the plan, and counts it done.
    await results.firstStepCheckbox().check();
    assert.ok(await results.stepCheckboxes().first().isChecked(), "the plan's first step is ticked too");
    const firstTotal = await phases.nth(0).locator("label.step").count();
    assert.equal((await phases.nth(0).locator("p.done").innerText()).trim(), `1 of ${firstTotal} done`);
    assertNoErrors();
  });

  test("with a red flag, safety help and a safety step come before everything else", T, async (t) => {
    const { results, assertNoErrors } = await openSeededResults(t, "safety-red-flag");
    assert.ok(await results.safetyBeforeFirstArticle(), "safety help comes before the best match");
    const phases = results.phases();
    assert.match(await phases.nth(0).getAttribute("class"), /phase-safety/, "the plan starts with safety steps");
    assert.equal(
      await results.firstStepText(),
      (await phases.nth(0).locator("label.step span").allInnerTexts())[0],
      "the first step is the first safety step",
    );
    assert.ok(await phases.nth(1).locator("label.step").first().isVisible(), "the phase after safety is open too");
    assertNoErrors();
  });

  test("results show score charts for every dimension", T, async (t) => {
    const { results, assertNoErrors } = await openSeededResults(t, "trust-issues");
    const charts = await results.scoreCharts();
    assert.equal(charts.length, checkIn.dimensions.length);
    for (const d of checkIn.dimensions) {
      assert.ok(
        charts.some((c) => c.startsWith(`${d.label}:`)),
        `a chart for ${d.label}; charts: ${JSON.stringify(charts)}`,
      );
    }
    assertNoErrors();
  });

  test("an article is reachable from the results, and a reload returns to the results", T, async (t) => {
    const { page, results, assertNoErrors } = await openSeededResults(t, "bring-back-love");
    const titles = await results.articleTitles();
    await results.openArticle(0);
    const articlePage = new ArticlePage(page);
    await articlePage.waitForReady();
    const article = checkIn.articles.find((x) => x.title === titles[0]);
    assert.ok(article, `the first card's article is in the fixture: ${titles[0]}`);
    assert.equal(await articlePage.heading(), article.title);
    const headings = await articlePage.sectionHeadings();
    assert.ok(headings.includes("What helps"), `headings: ${headings}`);
    assert.ok(headings.includes("What hurts"), `headings: ${headings}`);
    await page.getByText(article.helps[0], { exact: true }).waitFor();
    await page.getByText(article.hurts[0], { exact: true }).waitFor();

    const blog = articlePage.blogLink();
    assert.equal(await blog.getAttribute("href"), article.url);
    const rel = (await blog.getAttribute("rel")) ?? "";
    assert.ok(rel.split(/\s+/).includes("noopener"), `rel="${rel}" has noopener`);
    assert.ok(rel.split(/\s+/).includes("noreferrer"), `rel="${rel}" has noreferrer`);

    await page.getByRole("link", { name: "Back to your results" }).click();
    await results.waitForReady();
    await results.openArticle(0);
    await articlePage.waitForReady();

    // A reload on the article (whose name the browser keeps nowhere) returns to her results.
    await page.reload();
    await results.waitForReady();
    await page.reload();
    await results.waitForReady();
    assert.deepEqual(await results.articleTitles(), titles);
    assertNoErrors();
  });

  test("printing the results hides the quick-exit button and the footer", T, async (t) => {
    const { page, results, assertNoErrors } = await openSeededResults(t, "safety-red-flag");
    assert.ok(await results.quickExitButton().isVisible(), "quick exit shows on screen");
    assert.ok(await results.footer().isVisible(), "footer shows on screen");
    await page.emulateMedia({ media: "print" });
    assert.equal(await results.quickExitButton().isVisible(), false, "quick exit is hidden in print");
    assert.equal(await results.footer().isVisible(), false, "footer is hidden in print");
    assert.ok(await results.articleCards().first().isVisible(), "the articles still print");
    assert.ok(await results.safetyPanel().isVisible(), "the safety panel still prints");
    const folded = page.locator("section.results .fold-body");
    assert.ok((await folded.count()) > 0, "some parts are folded on screen");
    for (const body of await folded.all()) {
      assert.ok(await body.isVisible(), "folded articles and phases print in full");
    }
    await page.emulateMedia({ media: "screen" });
    assert.ok(await results.quickExitButton().isVisible());
    assertNoErrors();
  });
});

describe("quick exit", () => {
  const exitUrl = checkIn.quick_exit.url;
  const pattern = new URL(exitUrl).origin + "/**";

  async function onQuestion(t) {
    // Routing needs the service worker out of the way (Playwright can't route what it answers).
    const session = await open(browser, t, { serviceWorkers: "block" });
    await session.context.route(pattern, (route) =>
      route.fulfill({ status: 200, contentType: "text/plain", body: "neutral" }),
    );
    const q = await startCheckIn(session.page);
    await answerSome(q, scenario("safety-red-flag").answers, ["situation"]);
    return session;
  }

  async function assertLeft(page, lengthBefore) {
    await page.waitForURL((u) => u.href.startsWith(new URL(exitUrl).origin));
    assert.equal(new URL(page.url()).origin, new URL(exitUrl).origin);
    assert.equal((await page.locator("body").innerText()).trim(), "neutral");
    const lengthAfter = await page.evaluate(() => history.length);
    assert.equal(lengthAfter, lengthBefore, "quick exit replaces the page instead of adding a Back entry");
  }

  test("the Quick exit button leaves for the neutral site", T, async (t) => {
    const { page, assertNoErrors } = await onQuestion(t);
    const before = await page.evaluate(() => history.length);
    await new QuestionPage(page).quickExit();
    await assertLeft(page, before);
    assertNoErrors();
  });

  test("Back after the quick exit shows the start page, never her questions or answers", T, async (t) => {
    const { page, assertNoErrors } = await onQuestion(t);
    const q = new QuestionPage(page);
    await answerSome(q, scenario("safety-red-flag").answers, [await q.id()]);
    const asked = await q.heading();
    const before = await page.evaluate(() => history.length);
    await q.quickExit();
    await assertLeft(page, before);
    await page.goBack();
    await waitForScreen(page, "home");
    const text = await page.locator("body").innerText();
    assert.ok(!text.includes(asked), "the question she was on is not shown");
    assert.equal(await page.locator("section.question").count(), 0);
    assert.equal(new URL(page.url()).pathname, "/");
    // Forward goes to the neutral site again, not into the check-in.
    await page.goForward();
    await page.waitForURL((u) => u.href.startsWith(new URL(exitUrl).origin));
    assertNoErrors();
  });

  test("Forward after going Back and then quick exit does not bring her questions back", T, async (t) => {
    const { page, assertNoErrors } = await onQuestion(t);
    const q = new QuestionPage(page);
    const asked = await q.heading();
    await page.goBack();
    await waitForScreen(page, "home");
    await new HomePage(page).quickExit();
    await page.waitForURL((u) => u.href.startsWith(new URL(exitUrl).origin));
    await page.goForward();
    await waitForScreen(page, "home");
    assert.ok(!(await page.locator("body").innerText()).includes(asked), "her question is not shown");
    assertNoErrors();
  });

  test("'About quick exit' says honestly what it can and cannot do", T, async (t) => {
    const { page, assertNoErrors } = await open(browser, t);
    await page.goto("/");
    await page.locator("footer.foot summary").filter({ hasText: "About quick exit" }).click();
    const note = page.locator("footer.foot details.exit-note p");
    await note.waitFor();
    assert.match(await note.innerText(), /cannot remove this site from your browser's history/);
    assertNoErrors();
  });

  test("pressing Shift three times leaves for the neutral site, with a blank page and a neutral title at once", T, async (t) => {
    const { page, assertNoErrors } = await onQuestion(t);
    const before = await page.evaluate(() => history.length);
    // What the page shows the moment its content goes, before the neutral site arrives.
    const seen = [];
    page.on("console", (m) => m.text().startsWith("exit-seen ") && seen.push(JSON.parse(m.text().slice(10))));
    await page.evaluate(() => {
      new MutationObserver(() => {
        if (!document.body.innerText.trim()) {
          console.log("exit-seen " + JSON.stringify({ title: document.title, text: document.body.innerText.trim() }));
        }
      }).observe(document.body, { childList: true });
    });
    await page.keyboard.press("Shift");
    await page.keyboard.press("Shift");
    await page.keyboard.press("Shift");
    await assertLeft(page, before);
    assert.deepEqual(seen[0], { title: checkIn.quick_exit.tab_title, text: "" }, "blank, with the neutral title, at once");
    assertNoErrors();
  });

  test("Shift pressed while typing, or twice only, does not exit", T, async (t) => {
    const { page, assertNoErrors } = await onQuestion(t);
    await page.keyboard.press("Shift");
    await page.keyboard.press("Shift");
    await page.waitForTimeout(1700);
    await page.keyboard.press("Shift");
    // Shift in a text field is for capitals.
    await page.evaluate(() => {
      const input = document.createElement("input");
      input.type = "text";
      input.id = "typing-test";
      document.querySelector("main").append(input);
    });
    await page.locator("#typing-test").focus();
    await page.keyboard.press("Shift");
    await page.keyboard.press("Shift");
    await page.keyboard.press("Shift");
    await page.waitForTimeout(500);
    assert.equal(new URL(page.url()).origin, ORIGIN, "still on the check-in");
    assert.ok(await new QuestionPage(page).quickExitButton().isVisible());
    assertNoErrors();
  });

  test("Escape never exits while a dialog is open", T, async (t) => {
    const { page, assertNoErrors } = await onQuestion(t);
    await page.locator("footer.foot").getByRole("button", { name: "Erase everything on this device" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Erase everything?" });
    await dialog.waitFor();
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
    await page.waitForTimeout(500);
    assert.equal(new URL(page.url()).origin, ORIGIN, "still on the check-in");
    assertNoErrors();
  });

  test("on a first visit, before the check-in starts, a note says what exit can and cannot do", T, async (t) => {
    const { page, assertNoErrors } = await open(browser, t);
    const home = new HomePage(page);
    await home.goto();
    const note = page.locator("section.home aside.before-start");
    assert.ok(await note.isVisible(), "the note shows on the home page of a first visit");
    const text = await note.innerText();
    assert.match(text, /Shift three times/);
    assert.match(text, /cannot remove this site from your browser's history/);
    assert.match(text, /other devices/);
    assert.match(text, /private or incognito window/);
    const noteBox = await note.boundingBox();
    const startBox = await home.startButton().boundingBox();
    assert.ok(startBox.y < noteBox.y, "Start comes first, the note right after it");
    // Exit itself asks nothing: once started, no note stands in the way.
    await home.start();
    assert.equal(await page.locator("main aside.before-start").count(), 0);
    assertNoErrors();
  });

  test("pressing Escape twice leaves for the neutral site", T, async (t) => {
    const { page, assertNoErrors } = await onQuestion(t);
    const before = await page.evaluate(() => history.length);
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
    await assertLeft(page, before);
    assertNoErrors();
  });
});

describe("danger signs", () => {
  test("a danger sign puts urgent help on top of every later screen", T, async (t) => {
    const { page, assertNoErrors } = await open(browser, t);
    const dangerQ = checkIn.questions.find((q) => (q.options || []).some((o) => o.danger));
    assert.ok(dangerQ, "the fixture has a question with a danger sign");
    const sign = dangerQ.options.find((o) => o.danger).id;
    const answers = { ...scenario("safety-red-flag").answers, [dangerQ.id]: dangerQ.kind === "multiple" ? [sign] : sign };
    const urgent = page.locator("main aside.urgent");
    const urgentFirst = () =>
      page.evaluate(() => !!document.querySelector("main > div.help-top:first-child > aside.urgent"));
    const seen = [];
    const q = await startCheckIn(page);
    await q.answerScenario(answers, {
      onQuestion: async (step) => {
        seen.push({ id: step.id, urgent: await urgent.isVisible(), first: await urgentFirst(), banner: step.safetyBanner });
      },
    });
    const at = seen.findIndex((s) => s.id === dangerQ.id);
    assert.ok(at >= 0 && at < seen.length - 1, `the path goes through ${dangerQ.id} and on`);
    for (const s of seen.slice(0, at + 1)) assert.equal(s.urgent, false, `no urgent help on ${s.id}, before the sign`);
    for (const s of seen.slice(at + 1)) {
      assert.ok(s.urgent && s.first, `urgent help on top of ${s.id}`);
      assert.equal(s.banner, false, `on ${s.id} the urgent help replaces the smaller safety banner`);
    }
    const results = new ResultsPage(page);
    await results.waitForReady();
    assert.ok((await urgent.isVisible()) && (await urgentFirst()), "urgent help on top of the results");
    const text = await urgent.innerText();
    assert.match(text, new RegExp(checkIn.safety.urgent.title));
    for (const r of checkIn.safety.urgent.resources) assert.ok(text.includes(r.contact), `it gives ${r.contact}`);
    await results.openArticle(0);
    assert.ok((await urgent.isVisible()) && (await urgentFirst()), "urgent help on top of an article");
    await page.reload();
    await results.waitForReady();
    assert.ok((await urgent.isVisible()) && (await urgentFirst()), "and after a reload");
    // The home page is what anyone who opens the site sees first: it says nothing about danger.
    await new HomePage(page).goto();
    assert.equal(await urgent.count(), 0, "no urgent help on the home page");
    assert.doesNotMatch(await page.locator("main").innerText(), /danger/i, "no word of danger on the home page");
    assertNoErrors();
  });
});

describe("privacy", () => {
  test("a full journey makes no request to any other origin and logs no errors", T, async (t) => {
    const { page, requests, foreignRequests, assertNoErrors } = await open(browser, t);
    const s = scenario("trust-issues");
    const q = await startCheckIn(page);
    await q.answerScenario(s.answers);
    const results = new ResultsPage(page);
    await results.waitForReady();
    await results.stepCheckboxes().first().check();
    await results.openArticle(0);
    await new ArticlePage(page).waitForReady();
    await new HistoryPage(page).goto();
    await new HomePage(page).goto();
    assert.ok(requests.length > 0, "requests were recorded");
    assert.deepEqual(foreignRequests(), [], "every request stays on " + ORIGIN);
    assertNoErrors();
  });

  async function eraseFrom(t, where) {
    const { page, assertNoErrors } = await open(browser, t);
    await page.goto("/");
    await waitForApp(page);
    await page.evaluate(() => localStorage.setItem("other-app:key", "keep me"));
    const home = new HomePage(page);
    await home.start();
    const q = new QuestionPage(page);
    await answerSome(q, scenario("husband-gives-up").answers, ["situation", "distant_how_long"]);
    const before = await readStorage(page);
    assert.ok(Object.keys(before).some((k) => k.startsWith("app:")), "the app saved something");
    await offlineReady(page);
    if (where === "home") {
      await page.locator("header.top a.brand").click();
      await home.waitForReady();
      await home.continueButton().waitFor();
    }

    await home.eraseEverything();
    await assertStillRunning(page, "after confirming 'Erase everything'");
    await explain(page, "after confirming 'Erase everything', going to the home page", () =>
      waitForScreen(page, "home", { timeout: 5000 }),
    );
    await home.waitForReady();
    await home.startButton().waitFor();
    assert.match(
      (await home.notices()).join("\n"),
      /has been erased/,
      "she is told it worked (the page is not reloaded, so the notice stays)",
    );
    assert.equal(await home.continueButton().count(), 0, "no Continue after erasing");
    await page.waitForTimeout(300); // let any late write land before looking
    assert.deepEqual(await readStorage(page), { "other-app:key": "keep me" }, "only the unrelated key is left");
    await explain(page, "no service worker or cache left after erasing", () => noOfflineTraces(page));

    await page.reload();
    await home.waitForReady();
    await home.startButton().waitFor();
    assert.equal(await home.continueButton().count(), 0, "still no Continue after a reload");
    assert.deepEqual(await readStorage(page), { "other-app:key": "keep me" }, "still only the unrelated key after a reload");
    assertNoErrors();
  }

  test("erase everything (from a question) removes the app's data and nothing else", T, (t) => eraseFrom(t, "question"));
  test("erase everything (from the home page) removes the app's data and nothing else", T, (t) => eraseFrom(t, "home"));
});

describe("the findings come after the first screen", () => {
  // Articles, their rules and the plan's phases are a file of their own (findings-<hash>.bin),
  // left out of the first load and fetched once she leaves the home page. The service worker
  // is blocked here: it would fetch every file for offline use, and page.route cannot see what
  // it answers.
  const findings = /\/findings-[0-9a-f]{16}\.bin$/;

  test("the home page loads without them, and starting the check-in fetches them once", T, async (t) => {
    const { page, requests, assertNoErrors } = await open(browser, t, { serviceWorkers: "block" });
    const home = new HomePage(page);
    await home.goto();
    await page.waitForLoadState("networkidle");
    assert.deepEqual(requests.filter((u) => findings.test(u)), [], "the home page fetched the findings");
    const fetched = page.waitForResponse((r) => findings.test(r.url()) && r.ok());
    await home.start();
    await fetched;
    assert.equal(requests.filter((u) => findings.test(u)).length, 1, "fetched once");
    assertNoErrors();
  });

  test("when they cannot be fetched, the results say so calmly and Try again brings them", T, async (t) => {
    const { page, context } = await open(browser, t, { serviceWorkers: "block" });
    const s = scenario("rebuild-after-walked-out");
    await seedStorage(context, { [PROGRESS_KEY]: savedProgress(s.answers, "results") });
    await page.route(findings, (route) => route.abort());
    await page.goto("/");
    await new HomePage(page).continueButton().click();
    const alert = page.locator("main [role=alert]").filter({ hasText: "could not be loaded" });
    await alert.waitFor();
    assert.equal(await page.locator("main h1").innerText(), "Your results");
    assert.equal(await page.locator("section.results .article-card").count(), 0);
    await page.unroute(findings);
    await page.getByRole("button", { name: "Try again" }).click();
    const results = new ResultsPage(page);
    await results.waitForReady();
    const titles = await results.articleTitles();
    assert.equal(titles[0], articleById(s.expect.top_article).title, "her best match, after Try again");
  });
});
