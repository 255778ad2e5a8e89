// The author's own questionnaire, as shipped (SHIPPED_URL): one journey that names none of its
// ids or words, so any valid edit of hers passes it. Start, always take the first option, and
// reach results that recommend at least one article. Everything else is tested on the e2e
// fixture (BASE_URL); her content is tested by the checker and her example readers.
// Run from tests/e2e: SHIPPED_URL=http://127.0.0.1:8092 BASE_URL=... npm test

import { test, describe, after } from "node:test";
import assert from "node:assert/strict";
import { sharedBrowser, open } from "./lib/browser.mjs";
import { waitForScreen, whereOf, waitToMove } from "./lib/pages.mjs";

const browser = sharedBrowser();
after(() => browser.close());
const T = { timeout: 120_000 };
const SHIPPED_URL = process.env.SHIPPED_URL;

describe("the shipped questionnaire", { skip: SHIPPED_URL ? false : "SHIPPED_URL is not set" }, () => {
  test("start, take the first option every time, and reach results that recommend an article", T, async (t) => {
    const { page, assertNoErrors, requests } = await open(browser, t, { baseURL: SHIPPED_URL });
    await page.goto("/");
    await page.getByRole("radio", { name: "Keep my progress on this device" }).check();
    await page.getByRole("button", { name: "Start the check-in" }).click();
    let answered = 0;
    for (; answered < 200; answered++) {
      if ((await waitForScreen(page, ["question", "results"])) === "results") break;
      const here = await whereOf(page);
      await page.locator("section.question fieldset legend h1").waitFor();
      await page.locator("section.question fieldset input").first().check();
      await page.locator("section.question").getByRole("button", { name: "Continue", exact: true }).click();
      await waitToMove(page, here);
    }
    assert.ok(answered > 0, "at least one question was asked");
    const cards = page.locator("section.results .article-card");
    await cards.first().waitFor();
    const titles = await cards.locator(":scope > h3").allInnerTexts();
    assert.ok(titles.length >= 1, `the results recommend an article (after ${answered} answers)`);
    const origin = new URL(SHIPPED_URL).origin;
    const foreign = requests.filter((u) => !/^(data|blob|about):/.test(u) && new URL(u).origin !== origin);
    assert.deepEqual(foreign, [], "nothing was requested from another site");
    assertNoErrors();
  });
});
