// Offline after the first visit: the service worker (sw.js, written by tools/offline.mjs) keeps
// the app shell and content, so with the network gone the app still loads, any app address
// still opens, and the whole check-in can still be taken.
// Run from tests/e2e: BASE_URL=http://127.0.0.1:8091 npm test

import { test, describe, after } from "node:test";
import assert from "node:assert/strict";
import { sharedBrowser, open, scenario } from "./lib/browser.mjs";
import { HomePage, QuestionPage, ResultsPage, articleById, explain, waitForApp, waitForScreen, optionsOf } from "./lib/pages.mjs";

const browser = sharedBrowser();
after(() => browser.close());
const T = { timeout: 90_000 };

/** Visits once online, chooses to keep her progress (the service worker is registered only
 * then), and waits until the service worker controls the page. */
async function firstVisit(page) {
  await page.goto("/");
  await waitForApp(page);
  await page.getByRole("radio", { name: "Keep my progress on this device" }).check();
  await new HomePage(page).startButton().click();
  await waitForScreen(page, "question");
  await explain(page, "waiting for the service worker to take control", () =>
    page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, {
      timeout: 15_000,
    }),
  );
}

describe("offline", () => {
  test("after one visit, the app reloads and the whole check-in can be taken with the network off", T, async (t) => {
    const { page, context, assertNoErrors } = await open(browser, t);
    await firstVisit(page);
    await context.setOffline(true);
    assert.equal(await page.evaluate(() => navigator.onLine), false, "the browser is offline");

    const home = new HomePage(page);
    await home.goto();
    await home.start();
    const s = scenario("husband-gives-up");
    await new QuestionPage(page).answerScenario(s.answers);
    const results = new ResultsPage(page);
    await results.waitForReady();
    const titles = await results.articleTitles();
    assert.equal(titles[0], articleById(s.expect.top_article).title, "the best match, offline");

    // An article page, reached by its link, and a fresh load of an app address.
    await page.getByRole("link", { name: titles[0] }).first().click();
    await page.locator("article.article h1").waitFor();
    await page.reload();
    await results.waitForReady();
    assertNoErrors();
  });

  test("an older address opened offline still loads the app, at the start", T, async (t) => {
    const { page, context } = await open(browser, t);
    await firstVisit(page);
    const q = new QuestionPage(page);
    const first = await q.waitForQuestion();
    await q.setAnswer(optionsOf(first)[0].id);
    await q.continue();
    await context.setOffline(true);
    await page.goto("/history");
    await waitForScreen(page, "home");
    await page.goto("/q/situation");
    await waitForScreen(page, "home");
    await new HomePage(page).continue();
    await q.waitForQuestion();
  });
});
