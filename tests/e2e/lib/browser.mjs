// Browser helpers for the end-to-end tests: one headless Chromium per test file, a fresh
// context (empty localStorage) per test, and a record of everything a test may want to assert
// about the page's behaviour — console errors, uncaught page errors and every request URL.

import { chromium } from "playwright-core";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
/** The repository root (/work/main). */
export const ROOT = path.resolve(here, "..", "..", "..");

/** The base URL of the served app, from BASE_URL (e.g. http://127.0.0.1:8091). */
export const BASE_URL = (() => {
  const raw = process.env.BASE_URL;
  if (!raw) {
    throw new Error(
      "BASE_URL is not set. Start the static server, e.g.\n" +
        "  node tools/serve.mjs --dir dist --port 8091 --quiet &\n" +
        "then run the tests with\n" +
        "  cd tests/e2e && BASE_URL=http://127.0.0.1:8091 npm test",
    );
  }
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`BASE_URL is not a valid URL: ${JSON.stringify(raw)}`);
  }
  return url.origin;
})();

/** The origin the app is served from; every request of the app should go there. */
export const ORIGIN = new URL(BASE_URL).origin;

/** An absolute URL on the app's origin for an app path such as "/q/situation". */
export const url = (p = "/") => new URL(p, BASE_URL).href;

const LAUNCH_ARGS = [
  "--no-sandbox",
  "--headless",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Launches headless Chromium (the system one; Playwright's browsers are not installed). */
export async function launch() {
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: LAUNCH_ARGS });
}

/** Resolves with `promise`, or rejects after `ms` with `what` in the message. */
export function withTimeout(promise, ms, what = "operation") {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
    }),
  ]);
}

/**
 * One browser per test file, launched on first use. If a test leaves a tab that no longer
 * responds (an app bug that keeps the page busy — and, by flooding it with messages, the
 * browser process too), the browser is killed and the next test gets a fresh one, so one
 * frozen tab cannot take the rest of the file (or the machine's memory) down. The browser is
 * started as a server so that it can be killed outright; closing a flooded browser can hang.
 */
export function sharedBrowser() {
  let server = null;
  let browser = null;
  let launching = null;
  return {
    async get() {
      if (browser && browser.isConnected()) return browser;
      launching ??= (async () => {
        server = await chromium.launchServer({ executablePath: "/usr/bin/chromium", args: LAUNCH_ARGS });
        browser = await chromium.connect(server.wsEndpoint());
        launching = null;
        return browser;
      })();
      return launching;
    },
    /** Kills the browser; the next get() launches a new one. */
    async discard() {
      const s = server;
      server = null;
      browser = null;
      if (s) await withTimeout(s.kill(), 15_000, "killing the browser").catch(() => {});
    },
    async close() {
      const b = browser;
      if (b) await withTimeout(b.close(), 5000, "closing the browser").catch(() => {});
      await this.discard();
    },
  };
}

/** Whether the page's main thread still answers within `ms` (false if the app froze it). */
export async function isResponsive(page, ms = 3000) {
  try {
    await withTimeout(page.evaluate(() => 1), ms, "page.evaluate");
    return true;
  } catch {
    return false;
  }
}

/**
 * Console messages that are noise from the browser rather than problems in the app. The
 * "integrity attribute is ignored for preload" message is a Chromium warning about trunk's
 * <link rel=modulepreload integrity=…>; it is logged as a warning, so it never counts anyway.
 */
const IGNORED_CONSOLE = [/integrity.*attribute is currently ignored/i];

/**
 * Wraps one page, recording what the tests assert on.
 * @typedef {{ context: import("playwright-core").BrowserContext, page: import("playwright-core").Page,
 *   errors: string[], requests: string[], foreignRequests: () => string[],
 *   watch: (page: import("playwright-core").Page) => void, newPage: () => Promise<import("playwright-core").Page>,
 *   assertNoErrors: () => void, close: () => Promise<void> }} Session
 */

/**
 * A fresh context and page from a sharedBrowser(). Options go to browser.newContext
 * (e.g. { colorScheme: "dark" }). Registers clean-up on the node:test context `t` when given.
 * @returns {Promise<Session>}
 */
export async function open(shared, t, options = {}) {
  const browser = await shared.get();
  const context = await browser.newContext({
    baseURL: BASE_URL,
    viewport: { width: 1000, height: 800 },
    // The app registers a service worker (sw.js) for offline use; it runs as shipped unless
    // a test blocks it (page.route cannot see requests a service worker answers).
    ...options,
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(20_000);
  const errors = [];
  const requests = [];
  const watch = (page) => {
    page.on("console", (msg) => {
      if (msg.type() !== "error") return;
      const text = msg.text();
      if (IGNORED_CONSOLE.some((re) => re.test(text))) return;
      errors.push(`console.error on ${page.url()}: ${text}`);
    });
    page.on("pageerror", (err) => errors.push(`page error on ${page.url()}: ${err.message}`));
  };
  context.on("page", watch);
  // Every request of every page and of the service worker.
  context.on("request", (req) => requests.push(req.url()));
  const page = await context.newPage();
  const session = {
    context,
    page,
    errors,
    requests,
    /** Requests that left the app's origin (data: and blob: URLs stay on the device). */
    foreignRequests: () =>
      requests.filter((u) => !/^(data|blob|about):/.test(u) && new URL(u).origin !== ORIGIN),
    watch,
    newPage: () => context.newPage(),
    /** Fails with every console error and page error seen so far. */
    assertNoErrors() {
      if (errors.length) {
        throw new Error(`The page logged ${errors.length} error(s):\n  ${errors.join("\n  ")}`);
      }
    },
    /** Closes the context; if a tab froze (or the context won't close), kills the browser. */
    async close() {
      const pages = context.pages().filter((p) => !p.isClosed());
      const alive = await Promise.all(pages.map((p) => isResponsive(p, 1500)));
      if (alive.includes(false)) {
        await shared.discard();
        return;
      }
      try {
        await withTimeout(context.close(), 5000, "closing the browser context");
      } catch {
        await shared.discard();
      }
    },
  };
  if (t && typeof t.after === "function") t.after(() => session.close());
  return session;
}

/**
 * Seeds localStorage before the app's first load, once per context (later reloads see what the
 * app itself saved). `entries` maps keys to string values (objects are JSON-encoded).
 */
export async function seedStorage(context, entries) {
  const pairs = Object.entries(entries).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]);
  await context.addInitScript((pairs) => {
    try {
      if (window.sessionStorage.getItem("__e2e_seeded")) return;
      for (const [k, v] of pairs) window.localStorage.setItem(k, v);
      window.sessionStorage.setItem("__e2e_seeded", "1");
    } catch {
      /* about:blank has no storage */
    }
  }, pairs);
}

/** What the browser keeps for working offline: service workers and cache names. */
export async function offlineTraces(page) {
  return page.evaluate(async () => ({
    workers: (await navigator.serviceWorker.getRegistrations()).length,
    caches: await caches.keys(),
  }));
}

/** Waits (up to 10 s) until no service worker and no cache are left. */
export async function noOfflineTraces(page) {
  for (let i = 0; i < 50; i++) {
    const t = await offlineTraces(page);
    if (t.workers === 0 && t.caches.length === 0) return;
    await page.waitForTimeout(200);
  }
  throw new Error(`a service worker or cache is left: ${JSON.stringify(await offlineTraces(page))}`);
}

/** Waits (up to 10 s) until the service worker is registered and its cache filled. */
export async function offlineReady(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  for (let i = 0; i < 50; i++) {
    const t = await offlineTraces(page);
    if (t.workers > 0 && t.caches.length > 0) return t;
    await page.waitForTimeout(200);
  }
  throw new Error("the service worker was not registered with a cache");
}

/** Everything in the page's localStorage, as { key: string }. */
export async function readStorage(page) {
  return page.evaluate(() => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      out[k] = localStorage.getItem(k);
    }
    return out;
  });
}

/**
 * The fixture questionnaire the app under test was built with (tests/fixtures/e2e, never the
 * author's questionnaires/), and its example readers, as `questionnaire json` prints them.
 * tools/test writes that file (E2E_FIXTURE) before these tests run.
 */
const FIXTURE_FILE = process.env.E2E_FIXTURE ?? path.join(ROOT, "target", "e2e-fixture.json");
const fixture = (() => {
  try {
    return JSON.parse(fs.readFileSync(FIXTURE_FILE, "utf8"));
  } catch (e) {
    throw new Error(
      `Cannot read the fixture questionnaire ${FIXTURE_FILE} (${e.message}). Write it with:\n` +
        "  cargo run -q -p questionnaire -- json tests/fixtures/e2e > target/e2e-fixture.json\n" +
        "and build the app with it: WWS_QUESTIONNAIRE=tests/fixtures/e2e trunk build --release",
    );
  }
})();

/** The questionnaire the app under test embeds (the e2e fixture). */
export const checkIn = fixture.questionnaire;

/** Every example reader of the fixture, as { name, file, reader, answers, expect }. */
export function scenarios() {
  return fixture.examples
    .map((e) => ({
      name: e.name,
      file: `${e.name}.toml`,
      reader: e.reader,
      answers: e.answers,
      expect: { top_article: e.expect.first_article, safety_first: e.expect.safety_first },
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** One example reader by name (file name without .toml). */
export function scenario(name) {
  const s = scenarios().find((x) => x.name === name);
  if (!s) throw new Error(`No example reader named ${name} in tests/fixtures/e2e/examples`);
  return s;
}

/** The progress record the app saves, for seeding a state directly. */
export function savedProgress(answers, place, extra = {}) {
  return {
    format: 1,
    questionnaire: checkIn.id,
    version: checkIn.version,
    answers,
    place,
    ticked: [],
    saved_at: 0,
    ...extra,
  };
}

export const PROGRESS_KEY = "app:progress";
export const HISTORY_KEY = "app:history";
export const BACKUP_PREFIX = "app:backup";

/**
 * Soft assertions: each check records its failure instead of stopping the test, so one test
 * can report every problem it saw; done() throws them all at once.
 */
export function softly() {
  const failures = [];
  const wrap =
    (fn) =>
    (...args) => {
      try {
        fn(...args);
        return true;
      } catch (e) {
        failures.push(e.message);
        return false;
      }
    };
  return {
    ok: wrap(assert.ok),
    equal: wrap(assert.equal),
    deepEqual: wrap(assert.deepEqual),
    match: wrap(assert.match),
    failures,
    done() {
      if (failures.length) {
        throw new assert.AssertionError({
          message: `${failures.length} check(s) failed:\n- ${failures.join("\n- ")}`,
        });
      }
    },
  };
}
