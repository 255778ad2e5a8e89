// The author's studio: served by tools/author on a copy of the fixture questionnaire (never the
// author's own), and as the static page of the release build opening a folder. A broken edit
// shows its problem with its line and a fix clears it; jumping previews a question with the
// reader's own screens; the map shows every question and article; the examples run and play.
// Needs the studio built (tools/build-studio, into STUDIO_DIR or dist/studio).

import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import net from "node:net";
import AxeBuilder from "@axe-core/playwright";
import { sharedBrowser, open, checkIn, scenarios, ROOT } from "./lib/browser.mjs";

const browser = sharedBrowser();
const STUDIO_DIR = process.env.STUDIO_DIR ?? path.join(ROOT, "dist", "studio");
const FIXTURE = path.join(ROOT, "tests", "fixtures", "e2e");
const T = { timeout: 120_000 };
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

const freePort = () =>
  new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

/** A copy of the fixture folder to edit, named like hers. */
function copyFixture() {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "wws-studio-")), "questionnaires");
  fs.cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

let folder;
let server;
let base;

before(async () => {
  assert.ok(fs.existsSync(path.join(STUDIO_DIR, "index.html")), `the studio is not built in ${STUDIO_DIR} (tools/build-studio)`);
  folder = copyFixture();
  const port = await freePort();
  server = spawn(process.execPath, [path.join(ROOT, "tools", "author.mjs"), "--studio", STUDIO_DIR, "--folder", folder, "--port", String(port), "--quiet"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise((resolve, reject) => {
    server.stdout.on("data", (d) => String(d).includes("studio is at") && resolve());
    server.on("exit", (code) => reject(new Error(`tools/author exited (${code})`)));
  });
  base = `http://127.0.0.1:${port}`;
});
after(async () => {
  server?.kill();
  await browser.close();
});

/** Opens the studio (from tools/author) and waits for its first check. */
async function studio(t) {
  const s = await open(browser, t, { baseURL: base, viewport: { width: 1280, height: 800 } });
  await s.page.goto(`${base}/studio/`);
  await s.page.locator(".studio[data-revision='1']").waitFor();
  return s;
}

const revision = (page) => page.locator(".studio").getAttribute("data-revision").then(Number);

/** Writes a file of the folder and waits for the studio to read the new version. */
async function save(page, file, text) {
  const was = await revision(page);
  fs.writeFileSync(path.join(folder, file), text);
  await page.waitForFunction((n) => Number(document.querySelector(".studio").dataset.revision) > n, was);
}

const tab = (page, name) => page.getByRole("tab", { name: new RegExp(`^${name}`) }).click();

describe("the author's studio (tools/author)", () => {
  test("a clean folder says so; a broken edit shows its problem with the line; a fix clears it", T, async (t) => {
    const s = await studio(t);
    const { page } = s;
    await assert.doesNotReject(page.getByRole("heading", { name: "No problems" }).waitFor());
    const file = "questions.toml";
    const original = fs.readFileSync(path.join(folder, file), "utf8");
    // Point the first `next = "…"` at a question that does not exist.
    const lines = original.split("\n");
    const at = lines.findIndex((l) => /^\s*next\s*=\s*"/.test(l));
    assert.ok(at >= 0, "the fixture has a next = line");
    lines[at] = lines[at].replace(/"[^"]*"/, '"no_such_question"');
    t.after(() => fs.writeFileSync(path.join(folder, file), original));
    await save(page, file, lines.join("\n"));
    const problem = page.locator("li.problem.error").filter({ hasText: "no_such_question" });
    await problem.first().waitFor();
    const text = await problem.first().innerText();
    assert.match(text, new RegExp(`line ${at + 1}, column \\d+`), text);
    assert.doesNotMatch(text, new RegExp(`questions\\.toml:${at + 1}`), "the place is said once");
    // The preview keeps the last version that worked, under a banner naming the problem; the
    // tab says how many problems there are.
    assert.match(await page.getByRole("tab", { name: /^Problems/ }).innerText(), /\(\d+\)/);
    const banner = page.locator(".stale");
    await banner.filter({ hasText: `questions.toml, line ${at + 1}` }).filter({ hasText: "no_such_question" }).waitFor();
    await tab(page, "Preview");
    await page.getByRole("region", { name: "The reader's screen" }).getByRole("heading", { level: 1 }).waitFor();
    // The map (of the files as written) marks the problem's place.
    await tab(page, "Problems");
    await page.getByRole("button", { name: /^Show .* on the map$/ }).first().click();
    await page.getByRole("note").filter({ hasText: "Boxes with a problem have a thick red outline" }).waitFor();
    assert.ok((await page.locator("g.node.problem").count()) >= 1, "a box is marked");
    const shown = page.locator("g.node.problem.focused");
    assert.equal(await shown.count(), 1, "the problem's own box is marked and shown");
    assert.match(await shown.getAttribute("aria-label"), /Has a problem\.$/);
    await tab(page, "Problems");
    await save(page, file, original);
    await page.getByRole("heading", { name: "No problems" }).waitFor();
    assert.equal(await page.locator("li.problem").count(), 0);
    s.assertNoErrors();
  });

  test("jumping to a question previews it with the reader's screen, and what the engine knows", T, async (t) => {
    const s = await studio(t);
    const { page } = s;
    await tab(page, "Preview");
    const last = checkIn.questions[checkIn.questions.length - 1];
    await page.getByLabel("Preview from").selectOption(last.id);
    const phone = page.getByRole("region", { name: "The reader's screen" });
    await phone.getByRole("heading", { name: last.text }).waitFor();
    const knows = page.getByRole("region", { name: "What the engine knows here" });
    const trail = await knows.locator("ol.path li").allInnerTexts();
    assert.equal(trail[trail.length - 1].split(" ")[0], last.id, `the path ends at the question: ${trail}`);
    assert.ok(trail.length > 1, "answers were found that lead there");
    // Her edit of the question's words shows without losing the place.
    const file = "questions.toml";
    const original = fs.readFileSync(path.join(folder, file), "utf8");
    assert.ok(original.includes(last.text));
    t.after(() => fs.writeFileSync(path.join(folder, file), original));
    await save(page, file, original.replace(last.text, `${last.text} (edited 2)`));
    await phone.getByRole("heading", { name: `${last.text} (edited 2)` }).waitFor();
    fs.writeFileSync(path.join(folder, file), original);
    s.assertNoErrors();
  });

  test("the map shows every question and article; a box previews from it", T, async (t) => {
    const s = await studio(t);
    const { page } = s;
    await tab(page, "Flow map");
    const map = page.getByRole("group", { name: /Flow map/ });
    await map.waitFor();
    for (const q of checkIn.questions) {
      await map.getByRole("button", { name: new RegExp(`^Question ${q.id}:`) }).waitFor();
    }
    for (const a of checkIn.articles) {
      await map.getByRole("button", { name: new RegExp(`^Article ${a.id}\\.`) }).waitFor();
    }
    assert.equal(await map.locator("g.node").count(), checkIn.questions.length + checkIn.articles.length + 1);
    assert.ok((await map.locator("path.edge.rule").count()) >= checkIn.articles.length - 1, "rules lead to the articles");
    const q = checkIn.questions[1];
    await map.getByRole("button", { name: new RegExp(`^Question ${q.id}:`) }).click();
    await page.getByRole("region", { name: "The reader's screen" }).getByRole("heading", { name: q.text }).waitFor();
    s.assertNoErrors();
  });

  test("the examples run, pass, and play in the preview", T, async (t) => {
    const s = await studio(t);
    const { page } = s;
    await tab(page, "Examples");
    const all = scenarios();
    await page.getByRole("heading", { name: `${all.length} pass, 0 fail` }).waitFor();
    const first = all[0];
    await page.getByRole("button", { name: `Play ${first.file} in the preview` }).click();
    const knows = page.getByRole("region", { name: "What the engine knows here" });
    const leading = await knows.locator("p strong").first().innerText();
    const article = checkIn.articles.find((a) => a.id === first.expect.top_article);
    assert.equal(leading, article.title);
    // Her play-through, saved as a new example reader, lands in examples/ and passes.
    const before = new Set(fs.readdirSync(path.join(folder, "examples")));
    const was = await revision(page);
    // Offered at the results: who she is (required), and which article comes first.
    const form = page.getByRole("form", { name: "Save this play-through as an example" });
    await form.getByRole("button", { name: "Save as an example" }).click();
    await form.getByRole("alert").filter({ hasText: "Say who she is first" }).waitFor();
    await form.getByLabel("Who is she?").fill("She is the studio test's reader, played through to the end.");
    assert.equal(await form.getByLabel("Which article should she see first?").inputValue(), article.id, "the article she sees first is offered first");
    await form.getByRole("button", { name: "Save as an example" }).click();
    await page.waitForFunction((n) => Number(document.querySelector(".studio").dataset.revision) > n, was);
    const added = fs.readdirSync(path.join(folder, "examples")).filter((f) => !before.has(f));
    assert.deepEqual(added, ["she-is-the-studio-test-s.toml"], "one new example, named from who she is");
    t.after(() => fs.rmSync(path.join(folder, "examples", added[0])));
    const text = fs.readFileSync(path.join(folder, "examples", added[0]), "utf8");
    assert.match(text, /^reader = "She is the studio test's reader, played through to the end\."$/m);
    assert.match(text, new RegExp(`first_article = "${article.id}"`));
    await tab(page, "Examples");
    await page.getByRole("heading", { name: `${all.length + 1} pass, 0 fail` }).waitFor();
    // One that fails is listed first, whatever its name.
    const last = [...all].sort((a, b) => (a.file < b.file ? 1 : -1))[0];
    const original = fs.readFileSync(path.join(folder, "examples", last.file), "utf8");
    t.after(() => fs.writeFileSync(path.join(folder, "examples", last.file), original));
    await save(page, `examples/${last.file}`, original.replace(/first_article = "[^"]+"/, 'first_article = "no-such-article"'));
    await page.getByRole("heading", { name: /, 1 fail$/ }).waitFor();
    const top = page.locator("li.example").first();
    assert.match(await top.innerText(), new RegExp(`Fail[\\s\\S]*${last.file.replace(".", "\\.")}`));
    s.assertNoErrors();
  });

  test("every view passes axe at 1280×800; the tabs work from the keyboard", T, async (t) => {
    const s = await studio(t);
    const { page } = s;
    await page.getByRole("tab", { name: /^Problems/ }).focus();
    await page.keyboard.press("ArrowRight");
    assert.equal(await page.getByRole("tab", { name: "Preview" }).getAttribute("aria-selected"), "true");
    await page.waitForFunction(() => document.activeElement?.textContent === "Preview");
    await page.keyboard.press("End");
    assert.equal(await page.getByRole("tab", { name: "Examples" }).getAttribute("aria-selected"), "true");
    for (const name of ["Problems", "Preview", "Flow map", "Examples"]) {
      await tab(page, name);
      await page.waitForTimeout(100);
      const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      const v = results.violations.map((x) => `${x.id}: ${x.help} (${x.nodes.length})`);
      assert.deepEqual(v, [], `axe on ${name}`);
    }
  });
});

/** Finds `text` in the editor (Ctrl+F, as she would) and leaves it selected in the editor. */
async function find(page, text) {
  await page.locator(".cm-content").click();
  await page.keyboard.press("Control+f");
  const field = page.locator(".cm-search input[name=search]");
  await field.fill(text);
  await field.dispatchEvent("change");
  await field.press("Enter");
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => document.activeElement?.closest(".cm-editor"));
}

const disk = (file) => fs.readFileSync(path.join(folder, file), "utf8");

describe("the studio as her editor", () => {
  test("her words change in the editor: the preview follows before saving, Ctrl+S writes the file", T, async (t) => {
    const s = await studio(t);
    const { page } = s;
    const file = "questions.toml";
    const original = disk(file);
    t.after(() => fs.writeFileSync(path.join(folder, file), original));
    assert.equal(await page.locator("#editor-file").inputValue().then((v) => v.endsWith("questions.toml")), true, "questions.toml opens first");
    await tab(page, "Preview");
    const last = checkIn.questions[checkIn.questions.length - 1];
    await page.getByLabel("Preview from").selectOption(last.id);
    const phone = page.getByRole("region", { name: "The reader's screen" });
    await phone.getByRole("heading", { name: last.text }).waitFor();
    await find(page, last.text);
    await page.keyboard.press("ArrowRight");
    await page.keyboard.type(" (edited 2)");
    // Before any save: the reader's screen shows her words, her folder does not have them.
    await phone.getByRole("heading", { name: `${last.text} (edited 2)` }).waitFor();
    assert.equal(disk(file), original, "nothing is written before she saves");
    await page.getByText("Changes not saved").waitFor();
    assert.match(await page.locator("#editor-file option:checked").innerText(), /not saved/);
    await page.keyboard.press("Control+s");
    await page.getByText("Saved", { exact: true }).waitFor();
    for (let i = 0; i < 50 && !disk(file).includes(`${last.text} (edited 2)`); i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(disk(file), original.replace(last.text, `${last.text} (edited 2)`), "the file holds exactly her change");
    s.assertNoErrors();
  });

  test("her words change on the preview's screen, go to the right line of the right file, and Save writes them", T, async (t) => {
    const s = await studio(t);
    const { page } = s;
    const file = "questions.toml";
    const original = disk(file);
    t.after(() => fs.writeFileSync(path.join(folder, file), original));
    await tab(page, "Preview");
    const last = checkIn.questions[checkIn.questions.length - 1];
    assert.ok(original.includes(`text = ${JSON.stringify(last.text)}`), "the fixture writes it on one line");
    await page.getByLabel("Preview from").selectOption(last.id);
    const phone = page.getByRole("region", { name: "The reader's screen" });
    await phone.getByRole("heading", { name: last.text }).waitFor();
    await page.getByLabel(/Change words on the screen/).check();
    await phone.getByRole("heading", { name: last.text }).click();
    const box = page.getByRole("textbox", { name: `Change question "${last.id}": its text` });
    assert.equal(await box.inputValue(), last.text);
    await box.fill("What would help you most now?");
    await box.press("Enter");
    await phone.getByRole("heading", { name: "What would help you most now?" }).waitFor();
    // In the editor, at its line, not saved yet; then saved as it is, comments and all.
    assert.match(await page.locator(".cm-activeLine").innerText(), /What would help you most now\?/);
    assert.equal(disk(file), original);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByText("Saved", { exact: true }).waitFor();
    for (let i = 0; i < 50 && disk(file) === original; i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(disk(file), original.replace(`text = ${JSON.stringify(last.text)}`, 'text = "What would help you most now?"'));
    // An option's label too.
    const option = last.options[0];
    await phone.getByText(option.label, { exact: true }).click();
    const optionBox = page.getByRole("textbox", { name: `Change question "${last.id}", option "${option.id}": its label` });
    await optionBox.fill(`${option.label} (changed)`);
    await optionBox.press("Enter");
    await phone.getByText(`${option.label} (changed)`).waitFor();
    // From the keyboard: the words on the screen are listed beside it.
    await page.getByRole("button", { name: "Its hint" }).focus();
    await page.keyboard.press("Enter");
    const hint = page.getByRole("textbox", { name: `Change question "${last.id}": its hint` });
    await hint.waitFor();
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => document.activeElement?.textContent === "Its hint");
    await page.keyboard.press("Enter");
    await hint.fill("Take your time.");
    await hint.press("Enter");
    await phone.getByText("Take your time.").waitFor();
    s.assertNoErrors();
  });

  test("a broken reference is underlined while the preview and map keep the last good version; undo fixes it", T, async (t) => {
    const s = await studio(t);
    const { page } = s;
    const file = "questions.toml";
    const original = disk(file);
    t.after(() => fs.writeFileSync(path.join(folder, file), original));
    const line = original.split("\n").find((l) => /^\s*next\s*=\s*"[^"]+"\s*$/.test(l)).trim();
    await tab(page, "Preview");
    const phone = page.getByRole("region", { name: "The reader's screen" });
    const heading = await phone.getByRole("heading", { level: 1 }).innerText();
    await find(page, line);
    await page.keyboard.type('next = "no_such_question"');
    // Underlined in the editor, with its message on hover.
    const underline = page.locator(".cm-lintRange-error");
    await underline.first().waitFor();
    await underline.first().hover();
    await page.locator(".cm-tooltip").filter({ hasText: "no_such_question" }).waitFor();
    // A calm banner names it; the preview still shows the reader's screen as it was.
    await page.locator(".stale").filter({ hasText: "no_such_question" }).filter({ hasText: "last version without errors" }).waitFor();
    assert.equal(await phone.getByRole("heading", { level: 1 }).innerText(), heading);
    // Its words are not changed there while it is the last good version (they may differ from
    // her file's): she is told why.
    await page.getByLabel(/Change words on the screen/).check();
    await phone.getByRole("heading", { level: 1 }).click();
    await page.getByRole("status").filter({ hasText: "Fix the problem first" }).waitFor();
    assert.equal(await page.locator(".inplace").count(), 0);
    await page.getByLabel(/Change words on the screen/).uncheck();
    await tab(page, "Flow map");
    const map = page.getByRole("group", { name: /Flow map/ });
    assert.equal(await map.locator("g.node").count(), checkIn.questions.length + checkIn.articles.length + 1, "the map is still whole");
    // A problem opens the file at its line.
    await tab(page, "Problems");
    await page.locator("li.problem.error").filter({ hasText: "no_such_question" }).getByRole("button", { name: /^line \d+, column \d+$/ }).click();
    assert.match(await page.locator(".cm-activeLine").innerText(), /no_such_question/);
    // Undo (Ctrl+Z) puts it back: no banner, nothing underlined, nothing was written.
    await page.keyboard.press("Control+z");
    await page.locator(".stale").waitFor({ state: "detached" });
    assert.equal(await underline.count(), 0);
    assert.equal(disk(file), original);
    s.assertNoErrors();
  });

  test("the map opens with the start question in view, its words at least 12 px", T, async (t) => {
    const s = await studio(t);
    const { page } = s;
    await tab(page, "Flow map");
    const start = page.getByRole("button", { name: new RegExp(`^Question ${checkIn.start}:`) });
    await start.waitFor();
    await page.waitForTimeout(300);
    const view = await page.locator(".map-scroll").boundingBox();
    const box = await start.boundingBox();
    assert.ok(box.x >= view.x && box.x + box.width <= view.x + view.width && box.y >= view.y && box.y + box.height <= view.y + view.height,
      `the start question's box ${JSON.stringify(box)} is inside the view ${JSON.stringify(view)}`);
    const px = await start.locator("text").first().evaluate((el) => el.getBoundingClientRect().height);
    assert.ok(px >= 12, `its words are ${px.toFixed(1)} px tall`);
    // The overview frames the part in sight; a click there moves the map.
    await page.getByRole("img", { name: /Overview of the whole flow/ }).waitFor();
    const before = await page.locator(".map-scroll").evaluate((el) => [el.scrollLeft, el.scrollTop]);
    const overview = await page.locator("svg.overview").boundingBox();
    await page.mouse.click(overview.x + overview.width - 3, overview.y + overview.height - 3);
    await page.waitForFunction((was) => {
      const el = document.querySelector(".map-scroll");
      return el.scrollLeft !== was[0] || el.scrollTop !== was[1];
    }, before);
    s.assertNoErrors();
  });

  test("the outline shows which question an option written at the end belongs to", T, async (t) => {
    const s = await studio(t);
    const { page } = s;
    const file = "questions.toml";
    const original = disk(file);
    t.after(() => fs.writeFileSync(path.join(folder, file), original));
    const ids = [...original.matchAll(/^\[\[questions\]\]\s*\nid\s*=\s*"([^"]+)"/gm)].map((m) => m[1]);
    const lastWritten = ids[ids.length - 1];
    assert.ok(lastWritten, "the fixture's questions have ids right after [[questions]]");
    await save(page, file, `${original.trimEnd()}\n\n[[questions.options]]\nid = "added_at_the_end"\nlabel = "Meant for the first question"\n`);
    const outline = page.getByRole("navigation", { name: "Outline of the file" });
    const entries = await outline.locator("li").evaluateAll((lis) => lis.map((li) => ({ depth: li.className.match(/depth-(\d)/)[1], text: li.innerText })));
    const added = entries.findIndex((e) => e.text.includes('option "added_at_the_end"'));
    assert.ok(added > 0, "the new option is in the outline");
    const owner = entries.slice(0, added).reverse().find((e) => e.depth === "0");
    assert.match(owner.text, new RegExp(`question "${lastWritten}"`));
    // Clicking an entry goes to its line.
    await outline.getByRole("button", { name: /option "added_at_the_end"/ }).click();
    assert.match(await page.locator(".cm-activeLine").innerText(), /\[\[questions\.options\]\]/);
    s.assertNoErrors();
  });
});

describe("the studio as a static page (release build, no tools)", () => {
  test("opens her folder's files and checks them", T, async (t) => {
    const shipped = process.env.SHIPPED_URL;
    if (!shipped) return t.skip("SHIPPED_URL is not set");
    const s = await open(browser, t, { baseURL: shipped, viewport: { width: 1280, height: 800 } });
    const { page } = s;
    await page.goto(`${shipped}/studio/`);
    await page.getByRole("button", { name: "Open your questionnaires folder" }).waitFor();
    await page.locator("#folder-input").setInputFiles(copyFixture());
    await page.locator(".studio[data-revision='1']").waitFor();
    await page.getByRole("heading", { name: "No problems" }).waitFor();
    await tab(page, "Flow map");
    assert.equal(await page.locator("g.node").count(), checkIn.questions.length + checkIn.articles.length + 1);
    // Where the browser cannot write into her folder, Save gives her the file and says where
    // it goes.
    await page.locator(".cm-content").click();
    await page.keyboard.press("Control+Home");
    await page.keyboard.type("# A note from the studio\n");
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    const file = await download;
    assert.equal(file.suggestedFilename(), "questions.toml");
    const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "wws-download-")), "questions.toml");
    await file.saveAs(copy);
    const saved = fs.readFileSync(copy, "utf8");
    assert.ok(saved.startsWith("# A note from the studio\n"), saved.slice(0, 80));
    await page.getByRole("status").filter({ hasText: "put it in place of questions.toml" }).waitFor();
    // It sends nothing anywhere: every request stays on the page's own origin.
    const origin = new URL(shipped).origin;
    assert.deepEqual(s.requests.filter((u) => !/^(data|blob):/.test(u) && new URL(u).origin !== origin), []);
    s.assertNoErrors();
  });
});
