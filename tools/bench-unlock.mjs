// The lock, measured on the built app (the shipped questionnaire, named nowhere here): the time
// from pressing the lock's button to her first question (a new passcode: PBKDF2-SHA-256 at
// 600,000 iterations, then the first encrypted write), and from pressing Unlock on a locked
// device to her question again (the same derivation, then decrypting), each over 5 fresh
// browser contexts, without CPU throttling (the derivation runs in the browser's own code).
// Usage: node tools/bench-unlock.mjs BASE_URL   (tools/bench runs it)

import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(path.resolve("tests/e2e/package.json"));
const { chromium } = require("playwright-core");
const base = process.argv[2];
if (!base) throw new Error("usage: node tools/bench-unlock.mjs BASE_URL");
const RUNS = 5;
const PASSCODE = "bench passcode 2026";
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(0)} ms`;

console.log("\n== 8. The lock: locking and unlocking (600,000 PBKDF2 iterations, AES-GCM) ==");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
const lock = [];
const unlock = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 412, height: 915 } });
    const page = await context.newPage();
    await page.goto(base);
    const form = page.locator("section.home form.keep-choice");
    await form.getByRole("radio", { name: "Keep it locked with a passcode" }).check();
    await form.getByLabel("Passcode", { exact: true }).fill(PASSCODE);
    await form.getByLabel("The same passcode again").fill(PASSCODE);
    let t0 = await page.evaluate(() => performance.now());
    await form.locator("button[type=submit]").click();
    await page.locator("section.question fieldset legend h1").waitFor();
    lock.push((await page.evaluate(() => performance.now())) - t0);
    // One answer, so there is progress to unlock.
    await page.locator("section.question fieldset input").first().check();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForFunction(() => Object.keys(localStorage).length > 0);
    await page.waitForTimeout(300);
    // The question she is on (the address is always "/": it never tells).
    const at = await page.locator("section.question fieldset legend h1").innerText();
    await page.reload();
    const panel = page.locator("section.home form.unlock");
    await panel.getByLabel("Passcode").fill(PASSCODE);
    t0 = await page.evaluate(() => performance.now());
    await panel.getByRole("button", { name: "Unlock" }).click();
    await page.locator("section.question fieldset legend h1", { hasText: at }).waitFor();
    unlock.push((await page.evaluate(() => performance.now())) - t0);
    await context.close();
  }
} finally {
  await browser.close();
}
console.log(`lock (new passcode → her first question): median ${ms(median(lock))}, fastest ${ms(Math.min(...lock))}, slowest ${ms(Math.max(...lock))} over ${RUNS}`);
console.log(`unlock (Unlock → her question again): median ${ms(median(unlock))}, fastest ${ms(Math.min(...unlock))}, slowest ${ms(Math.max(...unlock))} over ${RUNS}`);
