// On her phone: the quick exit on screen wherever she scrolls, urgent help on every screen after
// a danger answer with numbers that are easy to tap, her first action on the first screen of
// each home state, no keeping choice made for her, and one announcement per question.
// Each check runs at 390×844 and at 320×640, as a touch phone (no mouse, no keyboard).
// Run from tests/e2e: BASE_URL=http://127.0.0.1:8091 npm test
// With SCREENSHOT_DIR set, the screens looked at are also saved there as PNG files.

import { test, describe, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { sharedBrowser, open, seedStorage, checkIn, scenario, savedProgress, PROGRESS_KEY } from "./lib/browser.mjs";
import { HomePage, QuestionPage, ResultsPage, ArticlePage, HistoryPage, questionById, waitForScreen, screenOf } from "./lib/pages.mjs";

const browser = sharedBrowser();
after(() => browser.close());

const T = { timeout: 120_000 };
const PHONES = [
  { name: "390×844", viewport: { width: 390, height: 844 } },
  { name: "320×640", viewport: { width: 320, height: 640 } },
];
const PASSCODE = "blue kettle 42";

/** A touch phone of this size: no hover, a coarse pointer. */
const phone = (size) => ({ viewport: size.viewport, hasTouch: true, isMobile: true, deviceScaleFactor: 1 });

/** Saves a screenshot when SCREENSHOT_DIR is set (for looking at, not for asserting). */
async function shot(page, name, options = {}) {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), ...options });
}

/** Asserts that axe finds no WCAG 2.2 A/AA violation on the page as it is. */
async function axeClean(page, where) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const found = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  assert.deepEqual(found, [], `axe on ${where}`);
}

/** The danger question of the fixture and its danger option. */
const dangerQ = checkIn.questions.find((q) => (q.options || []).some((o) => o.danger));
const dangerSign = dangerQ.options.find((o) => o.danger).id;
/** A reader who gives a danger sign (and so answers the safety follow-up too). */
const inDanger = { ...scenario("safety-red-flag").answers, [dangerQ.id]: dangerQ.kind === "multiple" ? [dangerSign] : dangerSign };

/** Whether `locator`'s box lies wholly inside the viewport, and it is the element on top at its centre. */
async function onScreen(page, locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const inside = r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return inside && (top === el || el.contains(top));
  });
}

/** Scrolls to the very bottom of the page, as far as it goes. */
async function scrollToBottom(page) {
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForTimeout(100);
  return page.evaluate(() => window.scrollY);
}

/** Asserts that the quick exit is on screen, not covered, after scrolling to the bottom. */
async function exitInReachAtBottom(page, where) {
  const scrolled = await scrollToBottom(page);
  const exit = new HomePage(page).quickExitButton();
  assert.ok(await onScreen(page, exit), `Quick exit is on screen and on top at the bottom of ${where} (scrolled ${scrolled} px)`);
  return scrolled;
}

/** Answers from the start until `stopAt` is on screen (or the results, when not given). */
async function answerUntil(page, answers, stopAt) {
  const q = new QuestionPage(page);
  for (let i = 0; i < 60; i++) {
    if ((await waitForScreen(page, ["question", "results"])) === "results") return null;
    const id = await q.waitForQuestion();
    if (id === stopAt) return q;
    await q.setAnswer(answers[id]);
    await q.continue();
  }
  throw new Error("did not get there");
}

/** The tel: links' sizes and whether each one's text sits on one line. */
async function callLinks(page, scope) {
  return page.locator(`${scope} a[href^="tel:"]`).evaluateAll((links) =>
    links.map((a) => {
      const r = a.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(a);
      const tops = new Set([...range.getClientRects()].map((x) => Math.round(x.top)));
      return { text: a.textContent, width: r.width, height: r.height, lines: tops.size };
    }),
  );
}

function assertTappable(links, where) {
  assert.ok(links.length > 0, `${where} has numbers to call`);
  for (const l of links) {
    assert.ok(l.width >= 44 && l.height >= 44, `${l.text} on ${where} is ${l.width}×${l.height} px, at least 44×44`);
    assert.equal(l.lines, 1, `${l.text} on ${where} stays on one line`);
  }
}

for (const size of PHONES) {
  describe(`on a phone, ${size.name}`, () => {
    test("the quick exit stays on screen at the foot of the safety question, the results and an article", T, async (t) => {
      const { page, assertNoErrors } = await open(browser, t, phone(size));
      const home = new HomePage(page);
      await home.goto();
      await home.start();
      const q = await answerUntil(page, inDanger, dangerQ.id);
      await q.setAnswer(inDanger[dangerQ.id]);
      await exitInReachAtBottom(page, `the question "${questionById(dangerQ.id).text}"`);
      await q.continue();
      await answerUntil(page, inDanger);
      const results = new ResultsPage(page);
      await results.waitForReady();
      const scrolled = await exitInReachAtBottom(page, "the results");
      assert.ok(scrolled > size.viewport.height, "the results are longer than one screen");
      await shot(page, `results-bottom-${size.viewport.width}`);
      await page.evaluate(() => window.scrollTo(0, 0));
      await results.openArticle(0);
      await new ArticlePage(page).waitForReady();
      await exitInReachAtBottom(page, "an article");
      // Nothing at the top of a page slides under the bar: its heading starts below it.
      await page.evaluate(() => window.scrollTo(0, 0));
      const bar = await page.locator("div.frame").boundingBox();
      const first = await page.locator("main > :first-child").boundingBox();
      assert.ok(first.y >= bar.y + bar.height, "the bar keeps its own room at the top");
      assertNoErrors();
    });

    test("after a danger answer, urgent help is on the question, the results, an article and the history page, easy to tap", T, async (t) => {
      const { page, assertNoErrors } = await open(browser, t, phone(size));
      const home = new HomePage(page);
      await home.goto();
      await home.start();
      const q = await answerUntil(page, inDanger, dangerQ.id);
      await q.setAnswer(inDanger[dangerQ.id]);
      await q.continue();
      const next = await q.waitForQuestion();
      const urgent = page.locator("main aside.urgent");
      assert.ok(await urgent.isVisible(), `urgent help on ${next}`);
      // The question itself still starts on the first screen, under the urgent help.
      assert.ok(await onScreen(page, page.locator("section.question legend h1")), `the question ${next} starts on the first screen`);
      assertTappable(await callLinks(page, "main aside.urgent"), `the question ${next}`);
      await shot(page, `danger-question-${size.viewport.width}`);
      await axeClean(page, `the question ${next}, with urgent help`);
      await answerUntil(page, inDanger);
      await new ResultsPage(page).waitForReady();
      assert.ok(await urgent.isVisible(), "urgent help on the results");
      await new ResultsPage(page).openArticle(0);
      await new ArticlePage(page).waitForReady();
      assert.ok(await urgent.isVisible(), "urgent help on an article");
      assertTappable(await callLinks(page, "main aside.urgent"), "an article");
      // Wherever she has scrolled, Help now (in the bar) brings it back in one tap.
      await scrollToBottom(page);
      const help = page.locator("header.top").getByRole("button", { name: "Help now" });
      assert.ok(await onScreen(page, help), "Help now is on screen at the foot of the article");
      await help.tap();
      await page.waitForFunction(() => document.activeElement?.id === "urgent");
      assert.ok(await onScreen(page, page.locator("main aside.urgent h2")), "Help now shows the urgent help");
      await page.locator("footer.foot").getByRole("link", { name: "How things have changed" }).tap();
      await new HistoryPage(page).waitForReady();
      assert.ok(await urgent.isVisible(), "urgent help on the history page");
      assertTappable(await callLinks(page, "main aside.urgent"), "the history page");
      assert.ok(await onScreen(page, help), "Help now on the history page");
      await shot(page, `danger-history-${size.viewport.width}`);
      await axeClean(page, "the history page, with urgent help");
      assertNoErrors();
    });

    test("the results keep her danger answers out of plain view, and out of print unless she opens them", T, async (t) => {
      const { page, context, assertNoErrors } = await open(browser, t, phone(size));
      await seedStorage(context, { [PROGRESS_KEY]: savedProgress(inDanger, "results", { started: true }) });
      const results = new ResultsPage(page);
      await results.goto();
      const words = dangerQ.options.find((o) => o.id === dangerSign).label;
      const visible = () => page.locator("main").getByText(words).filter({ visible: true }).count();
      assert.equal(await visible(), 0, "her danger answer is not on screen");
      const why = page.locator("section.results details.because");
      assert.equal(await why.count(), 1, "one tap away: 'Why this is shown'");
      await page.emulateMedia({ media: "print" });
      assert.equal(await why.isVisible(), false, "left out of the printed page");
      await page.emulateMedia({ media: "screen" });
      await why.locator("summary").tap();
      assert.ok((await visible()) > 0, "shown when she opens it");
      await page.emulateMedia({ media: "print" });
      assert.ok(await why.isVisible(), "printed when she opened it");
      assertNoErrors();
    });

    test("the home page shows her first action on the first screen, in every state", T, async (t) => {
      const { page, assertNoErrors } = await open(browser, t, phone(size));
      const home = new HomePage(page);
      // First visit: the keeping choice, none chosen for her, and Start.
      await home.goto();
      const radios = home.keepChoice().getByRole("radio");
      assert.equal(await radios.count(), 3);
      for (let i = 0; i < 3; i++) {
        assert.equal(await radios.nth(i).isChecked(), false, "no keeping choice is made for her");
        assert.ok(await onScreen(page, home.keepChoice().locator("label.keep-option").nth(i)), `keeping choice ${i + 1} on the first screen`);
      }
      assert.ok(await onScreen(page, home.startButton()), "Start on the first screen");
      assert.match(await page.locator("section.home").innerText(), /About \d+(–\d+)? questions/, "how many questions, from the check-in itself");
      await shot(page, `home-first-visit-${size.viewport.width}`);
      await axeClean(page, "the home page of a first visit");
      // Start without a choice asks for one, and keeps nothing.
      await home.startButton().tap();
      await page.locator("form.keep-choice p.error").filter({ hasText: "Choose how this device" }).waitFor();
      assert.equal(await screenOf(page), "home");

      // Locked: Unlock first, with nothing of hers.
      await home.keepChoice().getByRole("radio", { name: "Keep it locked with a passcode" }).check();
      await home.keepChoice().getByLabel("Passcode", { exact: true }).fill(PASSCODE);
      await home.keepChoice().getByLabel("The same passcode again").fill(PASSCODE);
      await home.startButton().tap();
      const q = new QuestionPage(page);
      const first = await q.waitForQuestion();
      await q.setAnswer(scenario("husband-gives-up").answers[first]);
      await q.continue();
      await q.waitForQuestion();
      await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.endsWith(":locked")));
      await page.waitForTimeout(1500); // the last answer's encryption lands
      await page.reload();
      await home.waitForReady();
      const unlock = page.locator("section.home form.unlock");
      await unlock.waitFor();
      assert.ok(await onScreen(page, unlock.getByRole("button", { name: "Unlock" })), "Unlock on the first screen");
      assert.equal(await page.locator("p.resume").count(), 0, "a locked home says nothing of her answers");
      await shot(page, `home-locked-${size.viewport.width}`);
      await unlock.getByLabel("Passcode").fill(PASSCODE);
      await unlock.getByRole("button", { name: "Unlock" }).tap();
      await q.waitForQuestion();

      // Returning mid-way: Continue.
      await page.locator("header.top a.brand").tap();
      await home.waitForReady();
      assert.ok(await onScreen(page, home.continueButton()), "Continue on the first screen");
      assert.equal(await home.continueButton().innerText(), "Continue where you left off");
      await shot(page, `home-returning-${size.viewport.width}`);
      assertNoErrors();
    });

    test("a finished reader's home shows her results first", T, async (t) => {
      const { page, context, assertNoErrors } = await open(browser, t, phone(size));
      const s = scenario("trust-issues");
      await seedStorage(context, { [PROGRESS_KEY]: savedProgress(s.answers, "results", { started: true }) });
      const home = new HomePage(page);
      await home.goto();
      const button = page.getByRole("button", { name: "See your results" });
      assert.ok(await onScreen(page, button), "See your results on the first screen");
      await shot(page, `home-finished-${size.viewport.width}`);
      await button.tap();
      await new ResultsPage(page).waitForReady();
      assertNoErrors();
    });
  });
}

describe("words that fit the facts", () => {
  test("a reader who only taps sees no number-key hints; a keyboard brings them", T, async (t) => {
    const { page, assertNoErrors } = await open(browser, t, phone(PHONES[0]));
    const home = new HomePage(page);
    await home.goto();
    await home.start();
    const q = new QuestionPage(page);
    await q.waitForQuestion();
    assert.equal(await page.locator("section.question p.keys").isVisible(), false, "no 'press a number key' on a phone");
    assert.equal(await page.locator("section.question .option .key").first().isVisible(), false, "no key numbers on a phone");
    await page.keyboard.press("Tab");
    await page.locator("section.question p.keys").waitFor({ state: "visible" });
    assertNoErrors();
  });

  test("keeping nothing, the plan does not claim her ticks are kept", T, async (t) => {
    const { page, assertNoErrors } = await open(browser, t, phone(PHONES[0]));
    const home = new HomePage(page);
    await home.goto();
    await home.keepChoice().getByRole("radio", { name: "Keep nothing" }).check();
    await home.start();
    await answerUntil(page, scenario("trust-issues").answers);
    await new ResultsPage(page).waitForReady();
    const words = await page.locator("section.results").innerText();
    assert.doesNotMatch(words, /ticks are kept on this device/);
    assert.match(words, /ticks stay only in this tab/);
    assertNoErrors();
  });

  test("each new question is announced once: its heading gets the focus, the live region says where she is", T, async (t) => {
    const { page, assertNoErrors } = await open(browser, t, phone(PHONES[0]));
    const home = new HomePage(page);
    await home.goto();
    // Every text the live region takes, in order.
    await page.evaluate(() => {
      window.__said = [];
      const region = document.querySelector("[aria-live]");
      new MutationObserver(() => {
        const text = region.textContent.trim();
        if (text) window.__said.push(text);
      }).observe(region, { childList: true, characterData: true, subtree: true });
    });
    await home.start();
    const q = new QuestionPage(page);
    const answers = scenario("trust-issues").answers;
    const asked = [];
    for (let i = 0; i < 5; i++) {
      const id = await q.waitForQuestion();
      const text = questionById(id).text;
      asked.push(text);
      await page.waitForFunction(
        (text) => document.activeElement?.matches("section.question legend h1") && document.activeElement.textContent === text,
        text,
      );
      if (i === 4) break;
      await q.setAnswer(answers[id]);
      await q.continue();
    }
    await page.waitForTimeout(150);
    const said = await page.evaluate(() => window.__said);
    asked.forEach((text, i) => {
      const times = said.filter((s) => s.startsWith(`Question ${i + 1}. `)).length;
      assert.equal(times, 1, `question ${i + 1} announced once (heard: ${JSON.stringify(said)})`);
      assert.ok(!said.some((s) => s.includes(text)), "the question's words come from its heading, not again from the live region");
    });
    assert.equal(said.length, asked.length, `one announcement per question (heard: ${JSON.stringify(said)})`);
    assertNoErrors();
  });
});
