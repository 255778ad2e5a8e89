// Accessibility: axe-core finds no WCAG 2.2 A/AA violations on each kind of screen, in light and
// dark colour schemes. Run from tests/e2e: BASE_URL=http://127.0.0.1:8091 npm test

import { test, describe, after } from "node:test";
import assert from "node:assert/strict";
import AxeBuilder from "@axe-core/playwright";
import {
  sharedBrowser,
  open,
  seedStorage,
  scenario,
  savedProgress,
  checkIn,
  PROGRESS_KEY,
  HISTORY_KEY,
} from "./lib/browser.mjs";
import { HomePage, QuestionPage, ResultsPage, ArticlePage, HistoryPage } from "./lib/pages.mjs";

const browser = sharedBrowser();
after(() => browser.close());
const T = { timeout: 90_000 };
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** The answers of scenario `name` that come before question `until` on its path. */
function answersBefore(name, path, until) {
  const { answers } = scenario(name);
  const out = {};
  for (const id of path) {
    if (id === until) return out;
    out[id] = answers[id];
  }
  throw new Error(`${until} is not on the given path`);
}

/** A human-readable list of axe violations, for the failure message. */
function describeViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map(
          (n) =>
            `    - target: ${n.target.join(" ")}\n      html: ${n.html.slice(0, 200)}\n      ${(n.failureSummary ?? "")
              .split("\n")
              .join("\n      ")}`,
        )
        .join("\n");
      return `  * ${v.id} [${v.impact}] ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join("\n");
}

/** A question screen, reached with `answers` saved and `qid` as the current question;
 * `then(page, q)` waits for what the case is about. */
function questionScreen(name, answers, qid, then = async () => {}) {
  return {
    name,
    seed: { [PROGRESS_KEY]: savedProgress(answers, { question: qid }) },
    open: async (page) => {
      const home = new HomePage(page);
      await home.goto();
      // With nothing answered yet the home page offers Start; otherwise Continue.
      if (await home.continueButton().count()) await home.continue();
      else await home.start();
      const q = new QuestionPage(page);
      await q.waitForQuestion(qid);
      await then(page, q);
    },
  };
}

// Each screen: how to seed storage, where to go, and what to wait for.
const screens = [
  {
    name: "home",
    open: async (page) => new HomePage(page).goto(),
  },
  questionScreen("single-choice question", {}, "situation"),
  questionScreen("checklist (multiple choice) question", { situation: "unhappy" }, "unhappy_about", (page) =>
    page.locator("section.question .options.checklist").waitFor(),
  ),
  questionScreen(
    "scale question",
    answersBefore(
      "bring-back-love",
      ["situation", "warming_what", "warming_talk", "apart_contact", "safety", "hope_signs", "contact_often", "contact_feeling", "contact_ways", "burn_tired"],
      "burn_tired",
    ),
    "burn_tired",
    (page) => page.locator("section.question .options.scale").waitFor(),
  ),
  questionScreen(
    "question with the safety banner",
    answersBefore(
      "safety-red-flag",
      ["situation", "walked_when", "walked_why", "apart_contact", "safety", "safe_now", "hope_signs"],
      "hope_signs",
    ),
    "hope_signs",
    (page, q) => q.safetyBanner().waitFor(),
  ),
  questionScreen(
    "question with the 'clears later answers' confirmation open",
    { situation: "checked_out", distant_how_long: "months" },
    "situation",
    async (page, q) => {
      await q.choose("unhappy");
      await q.continue({ wait: false });
      await q.discardDialog().waitFor();
    },
  ),
  {
    name: "results with the safety panel (red flag)",
    seed: { [PROGRESS_KEY]: savedProgress(scenario("safety-red-flag").answers, "results") },
    open: async (page) => {
      const results = new ResultsPage(page);
      await results.goto();
      await results.safetyPanel().waitFor();
    },
  },
  {
    name: "results without a red flag",
    seed: { [PROGRESS_KEY]: savedProgress(scenario("bring-back-love").answers, "results") },
    open: async (page) => {
      const results = new ResultsPage(page);
      await results.goto();
      assert.equal(await results.safetyPanel().count(), 0);
    },
  },
  {
    name: "article page",
    seed: { [PROGRESS_KEY]: savedProgress(scenario("bring-back-love").answers, "results") },
    open: async (page) => {
      const results = new ResultsPage(page);
      await results.goto();
      await results.openArticle(0);
      const article = new ArticlePage(page);
      await article.waitForReady();
      await article.blogLink().waitFor();
    },
  },
  {
    name: "history page (with two check-ins)",
    seed: {
      [HISTORY_KEY]: {
        format: 1,
        entries: [
          { completed_at: Date.UTC(2025, 0, 5), scores: { burnout: 14, trust: 6, contact: 5, hope: 1 } },
          { completed_at: Date.UTC(2025, 1, 9), scores: { burnout: 9, trust: 4, contact: 2, hope: 3 } },
        ],
      },
    },
    open: async (page) => {
      await new HistoryPage(page).goto();
      await page.locator("section.history svg").first().waitFor();
    },
  },
  {
    name: "erase everything confirmation",
    open: async (page) => {
      await new HomePage(page).goto();
      await page.locator("footer.foot").getByRole("button", { name: "Erase everything on this device" }).click();
      await page.getByRole("alertdialog", { name: "Erase everything?" }).waitFor();
    },
  },
];

for (const colorScheme of ["light", "dark"]) {
  describe(`axe (${colorScheme} colour scheme)`, () => {
    for (const screen of screens) {
      test(`${screen.name} has no WCAG A/AA violations (${colorScheme})`, T, async (t) => {
        const { page, context, assertNoErrors } = await open(browser, t, { colorScheme });
        await page.emulateMedia({ colorScheme });
        if (screen.seed) await seedStorage(context, screen.seed);
        await screen.open(page);
        assert.equal(
          await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches),
          colorScheme === "dark",
          "the colour scheme is in effect",
        );
        await page.evaluate(() => document.fonts.ready);
        const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        assert.ok(results.passes.length > 0, "axe ran its rules on the page");
        const violations = results.violations;
        if (violations.length) {
          t.diagnostic(`axe violations on ${screen.name} (${colorScheme}) at ${page.url()}`);
        }
        assert.equal(
          violations.length,
          0,
          `axe found ${violations.length} violation(s) on ${screen.name} (${colorScheme}) at ${page.url()}:\n${describeViolations(violations)}`,
        );
        assertNoErrors();
      });
    }
  });
}
