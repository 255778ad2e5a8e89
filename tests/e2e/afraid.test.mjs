// A reader who is afraid, a reader who may hurt herself, a reader elsewhere, and a close call:
// the results keep advice about the marriage for later after a red flag, crisis help comes
// first and speaks to her, help lines follow her country, and two articles that fit her about
// equally are both named. Run from tests/e2e: BASE_URL=http://127.0.0.1:8091 npm test

import { test, describe, after } from "node:test";
import assert from "node:assert/strict";
import AxeBuilder from "@axe-core/playwright";
import { sharedBrowser, open, seedStorage, checkIn, scenario, savedProgress, PROGRESS_KEY } from "./lib/browser.mjs";
import { HomePage, QuestionPage, ResultsPage, articleById } from "./lib/pages.mjs";

const browser = sharedBrowser();
after(() => browser.close());
const T = { timeout: 90_000 };

/** The fixture's articles marked as advice about the marriage (not for a reader with a red flag). */
const heldBack = checkIn.articles.filter((a) => a.not_if_unsafe).map((a) => a.id);
const safetyQ = checkIn.questions.find((q) => q.id === "safety");
const crisisOption = safetyQ.options.find((o) => o.crisis);

/** Asserts that axe finds no WCAG 2.2 A/AA violation on the page as it is. */
async function axeClean(page, where) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const found = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  assert.deepEqual(found, [], `axe on ${where}`);
}

/** A scenario's answers with her safety answer replaced (and the follow-up answered). */
function withSafety(name, safety) {
  return { ...scenario(name).answers, safety, safe_now: "safe" };
}

describe("a reader with a red flag", () => {
  test("gets safety help first; advice about the marriage is kept for later, not recommended", T, async (t) => {
    assert.ok(heldBack.length > 0, "the fixture marks some article not_if_unsafe");
    const { page, context, assertNoErrors } = await open(browser, t);
    const target = heldBack[0];
    // A reader whose answers would put that article first, but who is afraid of him.
    const s = scenario(target);
    await seedStorage(context, { [PROGRESS_KEY]: savedProgress(withSafety(target, ["afraid"]), "results") });
    const results = new ResultsPage(page);
    await results.goto();
    assert.ok(await results.safetyPanel().isVisible(), "safety help first");
    const title = articleById(s.expect.top_article).title;
    const recommended = await page.locator("section.results > section.start-here h3, section.results > ol.more-articles h3").allInnerTexts();
    assert.ok(!recommended.some((t) => t.includes(title)), `"${title}" is not recommended to her now`);
    const later = page.locator("section.results section.later");
    assert.match(await later.locator("h2").innerText(), /For later, once you are safe/);
    assert.ok((await later.innerText()).includes(title), "it is there for later");
    // No step of the held-back article is in her plan.
    const steps = await results.stepTexts();
    for (const step of articleById(target).steps) {
      assert.ok(!steps.some((t) => t.includes(step.text.trim().slice(0, 30))), `no "${step.id}" in her plan`);
    }
    // A step marked not_if_unsafe is never in her plan.
    const marked = checkIn.articles.flatMap((a) => a.steps.filter((x) => x.not_if_unsafe));
    await results.openPhases();
    const all = (await results.stepTexts()).join("\n");
    for (const step of marked) assert.ok(!all.includes(step.text.trim().slice(0, 30)), `no "${step.id}" for her`);
    await axeClean(page, "the results with articles kept for later");
    assertNoErrors();
  });

  test("without a red flag, the same answers recommend it first", T, async (t) => {
    const { page, context } = await open(browser, t);
    const target = heldBack[0];
    await seedStorage(context, { [PROGRESS_KEY]: savedProgress(scenario(target).answers, "results") });
    const results = new ResultsPage(page);
    await results.goto();
    assert.equal((await results.articleTitles())[0], articleById(target).title);
    assert.equal(await page.locator("section.results section.later").count(), 0, "nothing held back");
  });
});

describe("a reader who may hurt herself", () => {
  test("sees crisis help first, in words for her, on every later screen", T, async (t) => {
    assert.ok(crisisOption, "the fixture has a crisis option");
    const { page, assertNoErrors } = await open(browser, t, { timezoneId: "America/Chicago" });
    const home = new HomePage(page);
    await home.goto();
    await home.start();
    const q = new QuestionPage(page);
    const answers = withSafety("trust-issues", [crisisOption.id]);
    for (let i = 0; i < 40; i++) {
      const id = await q.waitForQuestion();
      await q.setAnswer(answers[id]);
      await q.continue();
      if (id === "safety") break;
    }
    await q.waitForQuestion();
    const crisis = page.locator("main > div.help-top > aside.crisis");
    await crisis.waitFor();
    const text = await crisis.innerText();
    assert.match(text, new RegExp(checkIn.safety.crisis.title));
    assert.ok(text.includes("988"), "the crisis line for her country");
    assert.ok(await page.evaluate(() => document.querySelector("main > div.help-top")?.firstElementChild?.matches("aside.crisis")), "crisis help comes first");
    assert.equal(await page.locator("main aside.urgent:not(.crisis)").count(), 0, "not the wording for abuse alone");
    await axeClean(page, "a question under crisis help");
    assertNoErrors();
  });
});

describe("help where she lives", () => {
  test("a reader in the UK sees UK numbers, and can choose another country", T, async (t) => {
    const { page, context, assertNoErrors } = await open(browser, t, { timezoneId: "Europe/London" });
    await seedStorage(context, { [PROGRESS_KEY]: savedProgress(withSafety("trust-issues", ["afraid"]), "results") });
    const results = new ResultsPage(page);
    await results.goto();
    const panel = results.safetyPanel();
    const calls = () => panel.locator('a[href^="tel:"]').allInnerTexts();
    assert.deepEqual(await calls(), ["999"], "the UK's lines (and no US one)");
    const picker = panel.getByLabel("Help lines for");
    assert.equal(await picker.inputValue(), "GB");
    await picker.selectOption("US");
    assert.ok((await calls()).includes("911"), "the US lines once she chooses the US");
    assert.ok(!(await calls()).includes("999"));
    await axeClean(page, "the results with the country picker");
    assertNoErrors();
  });

  test("where the device says nothing the author lists, the first country's lines show", T, async (t) => {
    const { page, context } = await open(browser, t, { timezoneId: "Asia/Tokyo", locale: "ja-JP" });
    await seedStorage(context, { [PROGRESS_KEY]: savedProgress(withSafety("trust-issues", ["afraid"]), "results") });
    const results = new ResultsPage(page);
    await results.goto();
    assert.equal(await results.safetyPanel().getByLabel("Help lines for").inputValue(), checkIn.safety.countries[0].code);
  });
});

describe("a close call", () => {
  test("when her first two are within the author's margin, both are named as fitting her", T, async (t) => {
    const { page, context, assertNoErrors } = await open(browser, t);
    // Find an example reader whose first two articles are within the margin, as the walk says.
    const name = "signs-work-things-out";
    await seedStorage(context, { [PROGRESS_KEY]: savedProgress(scenario(name).answers, "results") });
    const results = new ResultsPage(page);
    await results.goto();
    const titles = await results.articleTitles();
    const also = page.locator("section.results .start-here p.also");
    await also.waitFor();
    assert.ok((await also.innerText()).includes(titles[1]), "the second article is named as fitting her just as well");
    assertNoErrors();
  });

  test("a clear winner is not called close", T, async (t) => {
    const { page, context } = await open(browser, t);
    await seedStorage(context, { [PROGRESS_KEY]: savedProgress(scenario("trust-issues").answers, "results") });
    const results = new ResultsPage(page);
    await results.goto();
    assert.equal(await page.locator("section.results p.also").count(), 0);
  });
});

describe("danger changes the keeping advice", () => {
  test("at her first danger answer, answers kept in plain text bring a calm offer to lock them, in one step", T, async (t) => {
    const { page, assertNoErrors } = await open(browser, t);
    const dangerQ = checkIn.questions.find((q) => (q.options || []).some((o) => o.danger));
    const sign = dangerQ.options.find((o) => o.danger).id;
    const answers = { ...scenario("safety-red-flag").answers, [dangerQ.id]: dangerQ.kind === "multiple" ? [sign] : sign };
    const home = new HomePage(page);
    await home.goto();
    await home.start(); // keeps her progress in plain text
    const q = new QuestionPage(page);
    const offer = page.locator("main aside.safer-keeping");
    for (let i = 0; i < 40; i++) {
      const id = await q.waitForQuestion();
      assert.equal(await offer.count(), 0, `no offer on ${id}, before the danger answer`);
      await q.setAnswer(answers[id]);
      await q.continue();
      if (id === dangerQ.id) break;
    }
    await offer.waitFor();
    assert.match(await offer.innerText(), /lock them with a passcode, or keep nothing here/);
    await axeClean(page, "the offer to lock");
    const form = offer.locator("form.keep-choice");
    await form.getByRole("radio", { name: "Keep it locked with a passcode" }).check();
    await form.getByLabel("Passcode", { exact: true }).fill("quiet harbour 7");
    await form.getByLabel("The same passcode again").fill("quiet harbour 7");
    await form.getByRole("button", { name: "Use this choice" }).click();
    await offer.waitFor({ state: "detached" });
    await page.waitForFunction(() => localStorage.getItem("app:locked") && !localStorage.getItem("app:progress"));
    assert.ok(await q.waitForQuestion(), "she is still on her question");
    assertNoErrors();
  });

  test("'Leave it as it is' closes the offer", T, async (t) => {
    const { page, context, assertNoErrors } = await open(browser, t);
    const dangerQ = checkIn.questions.find((q) => (q.options || []).some((o) => o.danger));
    const sign = dangerQ.options.find((o) => o.danger).id;
    const answers = { ...scenario("safety-red-flag").answers, [dangerQ.id]: dangerQ.kind === "multiple" ? [sign] : sign };
    await seedStorage(context, { [PROGRESS_KEY]: savedProgress(answers, "results") });
    const results = new ResultsPage(page);
    await results.goto();
    const offer = page.locator("main aside.safer-keeping");
    await offer.getByRole("button", { name: "Leave it as it is" }).click();
    await offer.waitFor({ state: "detached" });
    assert.ok(await page.evaluate(() => localStorage.getItem("app:progress")), "still kept as it was");
    assertNoErrors();
  });
});
