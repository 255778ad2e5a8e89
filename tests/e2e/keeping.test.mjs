// A shared device: how the app keeps her answers (plainly, locked with a passcode, or not at
// all), unlocking, wrong and forgotten passcodes, and changing her mind later.
// Run from tests/e2e: BASE_URL=http://127.0.0.1:8091 npm test

import { test, describe, after } from "node:test";
import assert from "node:assert/strict";
import {
  sharedBrowser,
  open,
  seedStorage,
  readStorage,
  scenario,
  savedProgress,
  offlineTraces,
  noOfflineTraces,
  offlineReady,
  PROGRESS_KEY,
} from "./lib/browser.mjs";
import { HomePage, QuestionPage, optionLabel, explain, screenOf, waitForScreen } from "./lib/pages.mjs";

const browser = sharedBrowser();
after(() => browser.close());

const T = { timeout: 90_000 };
const LOCKED_KEY = "app:locked";
const TRIES_KEY = "app:tries";
const PASSCODE = "blue kettle 42";
const ANSWERED = ["situation", "distant_how_long"];
const answers = scenario("husband-gives-up").answers;

/** The first-visit choice on the home page (or the footer's, when `where` is "footer"). */
function choice(page, where = "home") {
  return page.locator(where === "home" ? "section.home form.keep-choice" : "footer details.keeping form.keep-choice");
}

/** Picks how to keep her answers and presses the form's button. */
async function choose(page, how, { where = "home", passcode = PASSCODE, again = passcode } = {}) {
  const form = choice(page, where);
  if (where === "footer") {
    await page.locator("footer details.keeping summary").click();
  }
  const labels = {
    plain: "Keep my progress on this device",
    locked: "Keep it locked with a passcode",
    nothing: "Keep nothing",
  };
  await form.getByRole("radio", { name: labels[how] }).check();
  if (how === "locked") {
    await form.getByLabel("Passcode", { exact: true }).fill(passcode);
    await form.getByLabel("The same passcode again").fill(again);
  }
  await form.locator("button[type=submit]").click();
}

/** Answers the first questions of a scenario, returning the question after them. */
async function answerFirst(page) {
  const q = new QuestionPage(page);
  for (const id of ANSWERED) {
    await q.waitForQuestion(id);
    await q.setAnswer(answers[id]);
    await q.continue();
  }
  return q.waitForQuestion();
}

/** Her answers, as what could give them away: option ids and the words she chose. */
function revealing() {
  const out = [];
  for (const id of ANSWERED) {
    const chosen = Array.isArray(answers[id]) ? answers[id] : [answers[id]];
    for (const o of chosen) out.push(o, optionLabel(id, o));
  }
  return out;
}

/** Waits until storage holds `key` (the locked record is written after an encryption). */
async function waitForKey(page, key, what) {
  await explain(page, what, () =>
    page.waitForFunction((k) => localStorage.getItem(k) !== null, key, { timeout: 10_000 }),
  );
}

/** Locked records are only the envelope: a version, the iteration count, and hex. */
const ENVELOPE = /^wws-lock\/1 \d+ [0-9a-f]{32} [0-9a-f]{24} [0-9a-f]+$/;

/** Asserts that neither the page nor any storage value shows anything of her answers. */
async function assertNothingShows(page, when) {
  const html = await page.evaluate(() => document.documentElement.outerHTML);
  const text = await page.locator("body").innerText();
  const stored = await readStorage(page);
  for (const [key, value] of Object.entries(stored)) {
    assert.match(value, ENVELOPE, `${when}: ${key} holds only the locked envelope`);
  }
  const session = await page.evaluate(() => ({ ...sessionStorage }));
  for (const word of revealing()) {
    assert.ok(!text.includes(word), `${when}: the page text does not show “${word}”`);
    assert.ok(!html.includes(`"${word}"`) && !html.includes(`>${word}<`), `${when}: the DOM does not hold “${word}”`);
    for (const value of [...Object.values(stored), ...Object.values(session)]) {
      assert.ok(!value.includes(word), `${when}: storage does not hold “${word}”`);
    }
  }
  for (const id of ANSWERED) {
    assert.ok(!html.includes(`/q/${id}`), `${when}: no link to the answered question ${id}`);
  }
}

describe("keeping her answers locked", () => {
  test("lock → reload shows a first visit with Unlock and nothing of hers → unlock → the same question", T, async (t) => {
    const { page, assertNoErrors } = await open(browser, t);
    const home = new HomePage(page);
    await home.goto();
    await choose(page, "locked");
    const next = await answerFirst(page);
    await waitForKey(page, LOCKED_KEY, "waiting for the locked record");
    await page.waitForTimeout(500); // the last answer's encryption lands
    const stored = await readStorage(page);
    assert.deepEqual(Object.keys(stored), [LOCKED_KEY], "only the locked record is stored");

    await page.reload();
    await home.waitForReady();
    const unlock = page.locator("section.home form.unlock");
    await unlock.waitFor();
    assert.equal(await home.continueButton().count(), 0, "no Continue on a locked device");
    assert.equal(await page.locator("p.resume").count(), 0, "no count of answered questions");
    await assertNothingShows(page, "locked, on the home page");

    await unlock.getByLabel("Passcode").fill(PASSCODE);
    await unlock.getByRole("button", { name: "Unlock" }).click();
    const q = new QuestionPage(page);
    await q.waitForQuestion(next);
    assert.equal(await q.back(), ANSWERED.at(-1));
    assert.deepEqual(await q.checkedValues(), [answers[ANSWERED.at(-1)]].flat(), "her earlier answer is back");
    assertNoErrors();
  });

  test("a locked device opened at a question's address goes home to unlock", T, async (t) => {
    const { page, assertNoErrors } = await open(browser, t);
    const home = new HomePage(page);
    await home.goto();
    await choose(page, "locked");
    const next = await answerFirst(page);
    await waitForKey(page, LOCKED_KEY, "waiting for the locked record");
    await page.goto(`/q/${next}`);
    await page.locator("section.home form.unlock").waitFor();
    assert.equal(new URL(page.url()).pathname, "/");
    await assertNothingShows(page, "locked, after opening a question's address");
    assertNoErrors();
  });

  test("a wrong passcode gets a plain message, after a few a wait that a reload does not end, and a count once open", T, async (t) => {
    const { page, newPage } = await open(browser, t);
    const home = new HomePage(page);
    await home.goto();
    await choose(page, "locked");
    await answerFirst(page);
    await waitForKey(page, LOCKED_KEY, "waiting for the locked record");
    const before = (await readStorage(page))[LOCKED_KEY];
    await page.goto("/");
    await page.reload();
    const unlock = page.locator("section.home form.unlock");
    const button = unlock.getByRole("button", { name: "Unlock" });
    const error = unlock.locator(".error");
    for (let i = 1; i <= 3; i++) {
      await unlock.getByLabel("Passcode").fill(`wrong ${i}`);
      await button.click();
      await explain(page, `the message after wrong passcode ${i}`, () =>
        page.waitForFunction(() => {
          const words = document.querySelector("form.unlock .error")?.textContent ?? "";
          const button = document.querySelector("form.unlock button[type=submit]");
          return words.includes("did not unlock") && (!button.disabled || words.includes("wait"));
        }),
      );
      const words = await error.innerText();
      assert.match(words, /That passcode did not unlock your progress/);
      if (i < 3) {
        assert.doesNotMatch(words, /wait/, `no wait after ${i} wrong passcode(s)`);
      } else {
        assert.match(words, /Please wait 5 seconds/, "a wait after the third");
        assert.ok(await button.isDisabled(), "Unlock waits");
      }
    }
    assert.equal((await readStorage(page))[LOCKED_KEY], before, "the locked record is untouched");
    assert.ok(await page.locator("section.home").getByRole("button", { name: "Start the check-in" }).isEnabled(), "the app stays usable");

    // The wait holds across a reload (and so in any other tab).
    await page.reload();
    await unlock.waitFor();
    assert.match(await error.innerText(), /Please wait [1-5] seconds?/, "still waiting after a reload");
    assert.ok(await button.isDisabled(), "Unlock still waits after a reload");
    const other = await newPage();
    await other.goto("/");
    const unlockB = other.locator("section.home form.unlock");
    await unlockB.waitFor();
    assert.match(await unlockB.locator(".error").innerText(), /Please wait/, "and in another tab");
    await other.close();

    // Once it is over, the right passcode opens it and she is told about the wrong ones.
    await explain(page, "the wait ending", () => page.waitForFunction(() => !document.querySelector("form.unlock button[type=submit]").disabled, null, { timeout: 10_000 }));
    await unlock.getByLabel("Passcode").fill(PASSCODE);
    await button.click();
    await page.locator("div.notice").filter({ hasText: "3 tries with a wrong passcode since you last opened it" }).waitFor();
    assert.equal((await readStorage(page))[TRIES_KEY], undefined, "the count is cleared once open");
  });

  test("a forgotten passcode: erase everything works without it", T, async (t) => {
    const { page, assertNoErrors } = await open(browser, t);
    const home = new HomePage(page);
    await home.goto();
    await page.evaluate(() => localStorage.setItem("other-app:key", "keep me"));
    await choose(page, "locked");
    await answerFirst(page);
    await waitForKey(page, LOCKED_KEY, "waiting for the locked record");
    await page.goto("/");
    await page.locator("section.home form.unlock").waitFor();
    assert.match(await page.locator("form.unlock").innerText(), /cannot be recovered/);
    await home.eraseEverything();
    await waitForScreen(page, "home");
    await home.waitForReady();
    await choice(page).waitFor();
    assert.equal(await page.locator("form.unlock").count(), 0, "no Unlock once erased");
    assert.deepEqual(await readStorage(page), { "other-app:key": "keep me" });
    assertNoErrors();
  });

  test("choosing the lock later encrypts what was saved in plain text", T, async (t) => {
    const { page, assertNoErrors } = await open(browser, t);
    const home = new HomePage(page);
    await home.goto();
    await choose(page, "plain");
    const next = await answerFirst(page);
    await waitForKey(page, PROGRESS_KEY, "waiting for the plain record");
    await choose(page, "locked", { where: "footer" });
    await explain(page, "the plain records removed", () =>
      page.waitForFunction((k) => localStorage.getItem(k) === null && localStorage.getItem("app:locked"), PROGRESS_KEY),
    );
    assert.match(await page.locator("footer details.keeping").innerText(), /kept locked with your passcode/);
    await page.reload();
    await page.locator("section.home form.unlock").waitFor();
    await assertNothingShows(page, "after locking what was kept plainly");
    await page.locator("form.unlock").getByLabel("Passcode").fill(PASSCODE);
    await page.locator("form.unlock").getByRole("button", { name: "Unlock" }).click();
    await new QuestionPage(page).waitForQuestion(next);
    assertNoErrors();
  });

  test("locking leaves no plain copy: unreadable old records kept aside are removed, and she is told", T, async (t) => {
    const { page, context, assertNoErrors } = await open(browser, t);
    await seedStorage(context, { "app:backup:progress:1700000000000": '{"answers":{"situation":"checked_out"' });
    const home = new HomePage(page);
    await home.goto();
    await choose(page, "locked");
    await page.locator("div.notice").filter({ hasText: "locking removed them" }).waitFor();
    await answerFirst(page);
    await waitForKey(page, LOCKED_KEY, "waiting for the locked record");
    assert.deepEqual(Object.keys(await readStorage(page)), [LOCKED_KEY], "only the locked record is stored");
    assertNoErrors();
  });

  test("passcodes that differ, or are too short, are asked for again", T, async (t) => {
    const { page } = await open(browser, t);
    await new HomePage(page).goto();
    await choose(page, "locked", { passcode: "lamp and river", again: "lamp and rivers" });
    assert.match(await choice(page).locator(".error").innerText(), /not the same/);
    await choose(page, "locked", { passcode: "abcde" });
    assert.match(await choice(page).locator(".error").innerText(), /at least 6 characters/);
    assert.equal(new URL(page.url()).pathname, "/");
    assert.deepEqual(await readStorage(page), {}, "nothing saved");
  });

  test("erasing in one tab erases in an unlocked second tab too: it never writes her record back", T, async (t) => {
    const { page: a, newPage, assertNoErrors } = await open(browser, t);
    const homeA = new HomePage(a);
    await homeA.goto();
    await choose(a, "locked");
    await answerFirst(a);
    await waitForKey(a, LOCKED_KEY, "waiting for the locked record");
    await a.waitForTimeout(500);
    // A second tab unlocks the same record.
    const b = await newPage();
    const homeB = new HomePage(b);
    await homeB.goto();
    const unlock = b.locator("section.home form.unlock");
    await unlock.getByLabel("Passcode").fill(PASSCODE);
    await unlock.getByRole("button", { name: "Unlock" }).click();
    await new QuestionPage(b).waitForQuestion();
    // The first tab erases everything.
    await a.bringToFront();
    await homeA.eraseEverything();
    await b.locator("div.notice").filter({ hasText: "erased in another tab" }).waitFor();
    assert.equal(new URL(b.url()).pathname, "/", "the second tab goes home");
    assert.equal(await b.locator("section.question").count(), 0, "her questions are gone from it");
    // Whatever the second tab does next, it writes nothing back.
    await b.evaluate(() => window.dispatchEvent(new Event("pagehide")));
    await b.waitForTimeout(800);
    assert.deepEqual(await readStorage(b), {}, "nothing of hers is written back");
    await assertNothingShows(b, "after an erase in another tab");
    assertNoErrors();
  });

  test("a guessable passcode gets a calm warning, and the browser is told not to save it", T, async (t) => {
    const { page, assertNoErrors } = await open(browser, t);
    await new HomePage(page).goto();
    const form = choice(page);
    await form.getByRole("radio", { name: "Keep it locked with a passcode" }).check();
    const field = form.getByLabel("Passcode", { exact: true });
    assert.equal(await field.getAttribute("autocomplete"), "off");
    assert.match(await form.innerText(), /choose “Never”/);
    const warning = form.locator('.passcode p[role="status"]');
    for (const code of ["123456", "aaaaaa", "password", "987654"]) {
      await field.fill(code);
      assert.match(await warning.innerText(), /one of the first passcodes anyone would try/, `${code} is guessable`);
    }
    await field.fill(PASSCODE);
    assert.equal((await warning.innerText()).trim(), "", "no warning for a passcode of her own");
    assertNoErrors();
  });

  test("locked progress that is damaged gets a clear message and is left as it was", T, async (t) => {
    const { page, context } = await open(browser, t);
    const damaged = "wws-lock/1 600000 00112233445566778899aabbccddeeff 00112233445566778899aabb 0011";
    await seedStorage(context, { [LOCKED_KEY]: damaged });
    await new HomePage(page).goto();
    const unlock = page.locator("section.home form.unlock");
    await unlock.getByLabel("Passcode").fill(PASSCODE);
    await unlock.getByRole("button", { name: "Unlock" }).click();
    await page.waitForFunction(() => document.querySelector("form.unlock .error")?.textContent.length > 0);
    assert.match(await unlock.locator(".error").innerText(), /could not be read.*left on this device untouched/);
    assert.equal((await readStorage(page))[LOCKED_KEY], damaged);
    // Starting afresh still works, and keeps nothing over the locked record.
    await page.locator("section.home").getByRole("button", { name: "Start the check-in" }).click();
    await answerFirst(page);
    await page.waitForTimeout(300);
    assert.deepEqual(await readStorage(page), { [LOCKED_KEY]: damaged });
    assert.ok(await page.locator("main p.tab-only").isVisible(), "she is told nothing is kept");
  });

  test("without WebCrypto (an insecure page) the lock says so and nothing changes", T, async (t) => {
    const { page, context } = await open(browser, t);
    await context.addInitScript(() => Object.defineProperty(window.crypto, "subtle", { value: undefined }));
    await new HomePage(page).goto();
    await choose(page, "locked");
    await page.waitForFunction(() => document.querySelector("form.keep-choice .error")?.textContent.length > 0);
    assert.match(await choice(page).locator(".error").innerText(), /cannot lock your progress here/);
    assert.deepEqual(await readStorage(page), {});
    await choose(page, "plain");
    await answerFirst(page);
  });

  test("the lock closes again after the page was hidden for a while", T, async (t) => {
    const { page } = await open(browser, t);
    await page.addInitScript(() => {
      window.__shift = 0;
      const now = Date.now;
      Date.now = () => now() + window.__shift;
      let state = "visible";
      Object.defineProperty(document, "visibilityState", { get: () => state });
      window.__setVisibility = (s) => {
        state = s;
        document.dispatchEvent(new Event("visibilitychange", { bubbles: true }));
      };
    });
    await new HomePage(page).goto();
    await choose(page, "locked");
    await answerFirst(page);
    await page.evaluate(() => window.__setVisibility("hidden"));
    await page.evaluate(() => (window.__shift = 30_000));
    await page.evaluate(() => window.__setVisibility("visible"));
    await page.waitForTimeout(300);
    assert.equal(await screenOf(page), "question", "a short absence keeps it open");
    await page.evaluate(() => window.__setVisibility("hidden"));
    await page.evaluate(() => (window.__shift += 3 * 60_000));
    await page.evaluate(() => window.__setVisibility("visible"));
    await page.locator("section.home form.unlock").waitFor();
    await assertNothingShows(page, "after locking again");
  });
});

describe("the lock closes by itself", () => {
  test("after a few minutes without a touch or key, even while the page is on screen", T, async (t) => {
    const { page, assertNoErrors } = await open(browser, t);
    await page.addInitScript(() => {
      window.__shift = 0;
      const now = Date.now;
      Date.now = () => now() + window.__shift;
    });
    await new HomePage(page).goto();
    await choose(page, "locked");
    await answerFirst(page);
    // A minute on screen without input: still open.
    await page.evaluate(() => (window.__shift = 60_000));
    await page.waitForTimeout(6000);
    assert.equal(await screenOf(page), "question", "a minute's pause keeps it open");
    // Six minutes without input: it closes, with the page still visible.
    await page.evaluate(() => (window.__shift = 6 * 60_000));
    await explain(page, "waiting for the lock to close by itself", () =>
      page.locator("section.home form.unlock").waitFor({ timeout: 12_000 }),
    );
    await assertNothingShows(page, "after closing by itself");
    assertNoErrors();
  });
});

describe("keeping nothing", () => {
  test("keep nothing → the check-in works, says closing forgets → reload → nothing of hers stored", T, async (t) => {
    const { page, assertNoErrors } = await open(browser, t);
    const home = new HomePage(page);
    await home.goto();
    await choose(page, "nothing");
    await answerFirst(page);
    assert.match(await page.locator("main p.tab-only").innerText(), /closing this tab forgets/);
    // The browser's Back goes to the start page with her answers still in this tab (nothing is
    // lost silently), and Continue takes her back.
    const here = await new QuestionPage(page).id();
    await page.goBack();
    await waitForScreen(page, "home");
    assert.match(await page.locator("main p.tab-only").innerText(), /leaving this site or closing this tab forgets/);
    await home.continue();
    assert.equal(await new QuestionPage(page).waitForQuestion(), here, "her answers were kept in the tab");
    await page.waitForTimeout(500);
    assert.deepEqual(await readStorage(page), {}, "nothing in localStorage");
    assert.deepEqual(await page.evaluate(() => ({ ...sessionStorage })), {}, "nothing in sessionStorage");
    assert.deepEqual(await offlineTraces(page), { workers: 0, caches: [] }, "no service worker, no cache");
    await page.reload();
    await home.waitForReady();
    assert.equal(await home.continueButton().count(), 0, "no Continue after a reload");
    await choice(page).waitFor();
    assert.deepEqual(await readStorage(page), {});
    assertNoErrors();
  });

  test("choosing keep-nothing later asks, then erases what was saved", T, async (t) => {
    const { page, context, assertNoErrors } = await open(browser, t);
    await seedStorage(context, { [PROGRESS_KEY]: savedProgress({ situation: answers.situation }, "results") });
    const home = new HomePage(page);
    await home.goto();
    await home.continueButton().waitFor();
    const kept = await offlineReady(page);
    assert.ok(kept.caches.every((c) => !/where|stand|marriage/i.test(c)), `neutral cache names: ${kept.caches}`);
    await page.locator("footer details.keeping summary").click();
    const form = choice(page, "footer");
    await form.getByRole("radio", { name: "Keep nothing" }).check();
    await form.getByRole("button", { name: "Use this choice" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Keep nothing from now on?" });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    assert.ok((await readStorage(page))[PROGRESS_KEY], "Cancel keeps what was saved");
    await form.getByRole("button", { name: "Use this choice" }).click();
    await dialog.getByRole("button", { name: "Erase and keep nothing" }).click();
    await page.waitForFunction((k) => localStorage.getItem(k) === null, PROGRESS_KEY);
    assert.match(await page.locator("footer details.keeping").innerText(), /Nothing is kept/);
    await explain(page, "the service worker and its cache removed", () => noOfflineTraces(page));
    assert.deepEqual(await readStorage(page), {}, "no storage key");
    assertNoErrors();
  });
});
