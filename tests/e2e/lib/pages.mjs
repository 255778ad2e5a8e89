// Page objects for "Where We Stand": each wraps what a reader sees and does on one screen, so
// tests read as a reader's actions. Selectors follow the markup in src/ui/*.rs.

import { checkIn, isResponsive } from "./browser.mjs";

/**
 * Runs `fn` (a wait); if it fails, says whether the tab had frozen (the app keeping the main
 * thread busy), which otherwise shows up only as a puzzling timeout.
 */
export async function explain(page, what, fn) {
  try {
    return await fn();
  } catch (e) {
    const frozen = !(await isResponsive(page, 2000));
    const where = frozen ? page.url() : await whereOf(page).catch(() => page.url());
    const note = frozen
      ? `${what}: THE TAB FROZE at ${where} — the page no longer runs any script (its main thread is stuck busy), so it never got there.`
      : `${what}: not there (at ${where}).`;
    // A new error, so the note shows in the report (the original's stack has its old message).
    throw new Error(`${note}\n${e.message}`, { cause: e });
  }
}

export const DECLINED = "prefer_not_to_say";

// ---------------------------------------------------------------------------------------------
// Questionnaire look-ups
// ---------------------------------------------------------------------------------------------

/** A question of the fixture questionnaire by id. */
export function questionById(id) {
  const q = checkIn.questions.find((x) => x.id === id);
  if (!q) throw new Error(`the e2e fixture has no question ${id}`);
  return q;
}

/** The options a question shows (a scale question shows its scale's points). */
export function optionsOf(id) {
  const q = questionById(id);
  if (q.kind === "scale") return checkIn.scales.find((s) => s.id === q.scale).points;
  return q.options;
}

/** The label shown for one option. */
export function optionLabel(qid, optionId) {
  if (optionId === DECLINED) return "Prefer not to say";
  const o = optionsOf(qid).find((x) => x.id === optionId);
  if (!o) throw new Error(`Question ${qid} has no option ${optionId}`);
  return o.label;
}

/** Whether an answer (id, [ids] or prefer_not_to_say) raises a red flag. */
export function raisesRedFlag(qid, answer) {
  const ids = Array.isArray(answer) ? answer : [answer];
  return optionsOf(qid).some((o) => o.red_flag && ids.includes(o.id));
}

/** An article of the fixture questionnaire by id. */
export function articleById(id) {
  const a = checkIn.articles.find((x) => x.id === id);
  if (!a) throw new Error(`the e2e fixture has no article ${id}`);
  return a;
}

/** The fixture question whose text is `text`, or undefined. */
export function questionByText(text) {
  return checkIn.questions.find((x) => x.text === text.trim());
}

/**
 * Which screen is on show: "home", "question", "results", "article", "history", "other", or
 * null before the app has drawn anything (the address is always "/": it never tells). Given a
 * list, the screen if it is one of them, or else false (for waitForFunction).
 */
function screenIn(list) {
  const main = document.querySelector("main#main");
  let s = null;
  if (main && main.querySelector("h1")) {
    s = "other";
    for (const [sel, name] of [
      ["section.home", "home"],
      ["section.question", "question"],
      ["section.results", "results"],
      ["article.article", "article"],
      ["section.history", "history"],
    ]) {
      if (main.querySelector(sel)) {
        s = name;
        break;
      }
    }
  }
  if (!list) return s;
  return list.includes(s) ? s : false;
}

/** The screen on show (see screenIn). */
export async function screenOf(page) {
  return page.evaluate(screenIn, null);
}

/** Waits until the screen on show is one of `names`; returns it. */
export async function waitForScreen(page, names, { timeout } = {}) {
  const list = Array.isArray(names) ? names : [names];
  const handle = await page.waitForFunction(screenIn, list, { timeout });
  return handle.jsonValue();
}

/** Where the reader is, as a string that changes with every screen and question. */
export async function whereOf(page) {
  return page.evaluate(() => {
    const h = document.querySelector("main#main h1");
    return h ? h.innerText.trim() : "";
  });
}

/** Waits until the reader is somewhere other than `from` (a whereOf string). */
export async function waitToMove(page, from, { timeout } = {}) {
  await page.waitForFunction(
    (from) => {
      const h = document.querySelector("main#main h1");
      return h && h.innerText.trim() !== from;
    },
    from,
    { timeout },
  );
}

/** Waits until the app has rendered something into <main> (the wasm is loaded and running). */
export async function waitForApp(page) {
  await page.locator("main#main h1").first().waitFor({ state: "visible" });
}

// ---------------------------------------------------------------------------------------------
// The frame around every screen
// ---------------------------------------------------------------------------------------------

export class Layout {
  constructor(page) {
    this.page = page;
  }
  quickExitButton() {
    return this.page.locator("header.top").getByRole("button", { name: "Quick exit" });
  }
  footer() {
    return this.page.locator("footer.foot");
  }
  /** The plain-words notices (restore results, storage faults), as texts. */
  async notices() {
    return this.page.locator("div.notice p").allInnerTexts();
  }
  noticeLocator() {
    return this.page.locator("div.notice");
  }
  async quickExit() {
    await this.quickExitButton().click();
  }
  /** Clicks "Erase everything on this device" and confirms. */
  async eraseEverything() {
    await this.footer().getByRole("button", { name: "Erase everything on this device" }).click();
    const dialog = this.page.getByRole("alertdialog", { name: "Erase everything?" });
    await dialog.waitFor();
    // Erasing replaces the page with "/"; don't let the click itself wait for that.
    await dialog.getByRole("button", { name: "Erase everything", exact: true }).click({ noWaitAfter: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Home
// ---------------------------------------------------------------------------------------------

export class HomePage extends Layout {
  /**
   * Opens the site afresh, as she would from a bookmark or the address bar in a new visit. (A
   * page.goto("/") while already on "/" is a reload to the browser, which goes back to where
   * she is; so any page of the site is left first.)
   */
  async goto() {
    if (this.page.url().startsWith("http")) await this.page.goto("about:blank");
    await this.page.goto("/");
    await this.waitForReady();
  }
  async waitForReady() {
    await explain(this.page, "waiting for the home page", () => this.page.locator("section.home h1").waitFor());
  }
  startButton() {
    return this.page.getByRole("button", { name: "Start the check-in" });
  }
  /** "Continue where you left off", or "See your results" once she has finished. */
  continueButton() {
    return this.page.getByRole("button", { name: /^(Continue where you left off|See your results)$/ });
  }
  startOverButton() {
    return this.page.getByRole("button", { name: "Start over" });
  }
  /** "You have answered N questions; about A–B are left." (only when there is progress). */
  async resumeText() {
    return (await this.page.locator("section.home p.resume").innerText()).trim();
  }
  /** The first-visit choice of how this device keeps her answers (none is chosen for her). */
  keepChoice() {
    return this.page.locator("section.home form.keep-choice");
  }
  /**
   * Presses Start; on a first visit, first chooses to keep her progress on this device (the
   * choice most tests need), unless a choice is already made.
   */
  async start() {
    const form = this.keepChoice();
    if ((await form.count()) && !(await form.locator("input[name=keeping]:checked").count())) {
      await form.getByRole("radio", { name: "Keep my progress on this device" }).check();
    }
    await this.startButton().click();
    await waitForScreen(this.page, "question");
  }
  async continue() {
    await this.continueButton().click();
    await waitForScreen(this.page, ["question", "results"]);
  }
  async startOver() {
    await this.startOverButton().click();
    await waitForScreen(this.page, "question");
  }
}

// ---------------------------------------------------------------------------------------------
// One question
// ---------------------------------------------------------------------------------------------

export class QuestionPage extends Layout {
  /** The id of the fixture question on screen (found by its text), or null when not on one. */
  async id() {
    const heading = this.page.locator("section.question fieldset legend h1");
    if (!(await heading.count())) return null;
    return questionByText(await heading.innerText())?.id ?? null;
  }

  /** Waits until question `id` (or any question) is rendered, and returns its id. */
  async waitForQuestion(id) {
    return explain(this.page, `waiting for question ${id ?? "(any)"}`, async () => {
      const text = id ? questionById(id).text : null;
      const heading = this.page.locator("section.question fieldset legend h1");
      if (text) await heading.filter({ hasText: text }).waitFor();
      else await heading.waitFor();
      const qid = id ?? (await this.id());
      if (!qid) throw new Error(`the question on screen is not in the e2e fixture: "${await heading.innerText()}"`);
      // The form stays on screen from one question to the next, so wait for this question's
      // own options (values, in order) under the heading too.
      const values = optionsOf(qid).map((o) => o.id);
      if (questionById(qid).prefer_not_to_say) values.push(DECLINED);
      await this.page.waitForFunction(
        (want) => JSON.stringify([...document.querySelectorAll("section.question fieldset input")].map((e) => e.value)) === want,
        JSON.stringify(values),
      );
      return qid;
    });
  }

  /** The question, as its heading reads. */
  async heading() {
    return (await this.page.locator("section.question legend h1").innerText()).trim();
  }

  /** The section name above the question. */
  async section() {
    return (await this.page.locator("section.question .progress p.section").innerText()).trim();
  }

  /** The input for an option (by option id, which is the input's value). */
  input(optionId) {
    return this.page.locator(`section.question fieldset input[value="${optionId}"]`);
  }

  /** The input whose visible label is exactly `label`. */
  inputByLabel(label) {
    return this.page
      .locator("section.question label.option")
      .filter({ has: this.page.locator("span.label", { hasText: new RegExp(`^${escapeRe(label)}$`) }) })
      .locator("input");
  }

  /** The option labels in order. */
  async optionLabels() {
    return this.page.locator("section.question label.option span.label").allInnerTexts();
  }

  /** The ids of the options currently checked. */
  async checkedValues() {
    return this.page
      .locator("section.question fieldset input")
      .evaluateAll((els) => els.filter((e) => e.checked).map((e) => e.value));
  }

  /** Chooses (ticks) an option by its id or by its visible label. */
  async choose(idOrLabel) {
    const qid = await this.id();
    const byId = qid && optionsOf(qid).some((o) => o.id === idOrLabel);
    const input = byId || idOrLabel === DECLINED ? this.input(idOrLabel) : this.inputByLabel(idOrLabel);
    await input.check();
  }

  /** Unticks a check-box option by its id or label. */
  async untick(idOrLabel) {
    const qid = await this.id();
    const byId = qid && optionsOf(qid).some((o) => o.id === idOrLabel);
    const input = byId || idOrLabel === DECLINED ? this.input(idOrLabel) : this.inputByLabel(idOrLabel);
    await input.uncheck();
  }

  /** Presses a number key (1–9) to choose that option. */
  async chooseByKey(n) {
    await this.page.keyboard.press(String(n));
  }

  async preferNotToSay() {
    await this.input(DECLINED).check();
  }

  continueButton() {
    return this.page.locator("section.question").getByRole("button", { name: "Continue", exact: true });
  }
  backButton() {
    return this.page.locator("section.question").getByRole("button", { name: "Back", exact: true });
  }

  /** Presses Continue; waits for the next screen unless told not to. */
  async continue({ wait = true } = {}) {
    const from = await whereOf(this.page);
    await explain(this.page, `pressing Continue on ${from}`, () => this.continueButton().click());
    if (wait) await this.waitToLeave(from);
  }

  /** Presses Back and waits for the previous question. */
  async back() {
    const from = await whereOf(this.page);
    await this.backButton().click();
    await waitToMove(this.page, from);
    return this.waitForQuestion();
  }

  /** Waits to leave `from` (a whereOf string); explains the on-screen problem if it doesn't. */
  async waitToLeave(from, timeout = 5000) {
    try {
      await waitToMove(this.page, from, { timeout });
    } catch (e) {
      const problem = await this.page.locator("section.question p.problem").innerText().catch(() => "");
      const dialog = await this.discardDialog().isVisible().catch(() => false);
      throw new Error(
        `Still on ${from} after Continue` +
          (problem ? `; the page says: "${problem.trim()}"` : "") +
          (dialog ? "; the discard confirmation is open" : "") +
          `\n${e.message}`,
      );
    }
  }

  /** "About N–M questions left." / "About N questions left." / "This is the last question." */
  async progressText() {
    return (await this.page.locator("section.question .progress p.left").innerText()).trim();
  }

  /** The progress as numbers: { min, max } questions left. */
  async progress() {
    return parseProgress(await this.progressText());
  }

  /** The compact safety banner shown on questions after a red-flag answer. */
  safetyBanner() {
    return this.page.locator("section.question aside.safety");
  }

  /** The "Changing this answer clears some later answers" confirmation. */
  discardDialog() {
    return this.page.getByRole("alertdialog", { name: "Changing this answer clears some later answers" });
  }
  /** The questions the confirmation says will be cleared. */
  async discardList() {
    return this.discardDialog().locator("ul li").allInnerTexts();
  }
  async confirmDiscard() {
    const from = await whereOf(this.page);
    await this.discardDialog().getByRole("button", { name: "Change my answer" }).click();
    await this.waitToLeave(from);
  }
  async cancelDiscard() {
    await this.discardDialog().getByRole("button", { name: "Keep my earlier answer" }).click();
    await this.discardDialog().waitFor({ state: "hidden" });
  }

  /**
   * Sets the on-screen answer for the current question exactly to `answer`
   * (option id, [option ids] or "prefer_not_to_say"), without pressing Continue.
   */
  async setAnswer(answer) {
    const qid = await this.id();
    const q = questionById(qid);
    if (answer === DECLINED) {
      await this.preferNotToSay();
      return;
    }
    if (q.kind === "multiple") {
      const wanted = Array.isArray(answer) ? answer : [answer];
      if (await this.input(DECLINED).count()) {
        if (await this.input(DECLINED).isChecked()) await this.input(DECLINED).uncheck();
      }
      for (const o of optionsOf(qid)) {
        if (!wanted.includes(o.id) && (await this.input(o.id).isChecked())) await this.input(o.id).uncheck();
      }
      for (const id of wanted) await this.input(id).check();
    } else {
      if (Array.isArray(answer)) throw new Error(`Question ${qid} takes one answer, got ${JSON.stringify(answer)}`);
      await this.input(answer).check();
    }
  }

  /**
   * Answers whatever question is on screen from `answers` ({question id: answer}) until the
   * results show. Returns a trace: for each question, its id, progress text and whether
   * the safety banner was shown.
   */
  async answerScenario(answers, { max = 60, onQuestion } = {}) {
    const trace = [];
    for (let i = 0; i < max; i++) {
      if ((await waitForScreen(this.page, ["question", "results"])) === "results") return trace;
      const qid = await this.waitForQuestion();
      if (!(qid in answers)) {
        throw new Error(
          `The app asked "${qid}" (${questionById(qid).text}) but the scenario has no answer for it; ` +
            `answered so far: ${trace.map((s) => s.id).join(" → ")}`,
        );
      }
      const step = {
        id: qid,
        progress: await this.progressText(),
        safetyBanner: await this.safetyBanner().isVisible(),
      };
      trace.push(step);
      if (onQuestion) await onQuestion(step, this);
      try {
        await this.setAnswer(answers[qid]);
        await this.continue();
      } catch (e) {
        throw new Error(`Answering ${qid} (after ${trace.map((x) => x.id).join(" → ")}): ${e.message}`, { cause: e });
      }
    }
    throw new Error(`Did not reach the results after ${max} questions: ${trace.map((s) => s.id).join(" → ")}`);
  }
}

/** Parses the progress text into { min, max } questions left. */
export function parseProgress(text) {
  if (/This is the last question/.test(text)) return { min: 1, max: 1 };
  const m = text.match(/About (\d+)(?:\s*[–-]\s*(\d+))? questions? left/);
  if (!m) throw new Error(`Unexpected progress text: ${JSON.stringify(text)}`);
  const min = Number(m[1]);
  return { min, max: m[2] ? Number(m[2]) : min };
}

// ---------------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------------

export class ResultsPage extends Layout {
  /**
   * Shows the results: stays if they are on screen, or else opens the site afresh (as she
   * would, coming back) and presses "See your results" on the home page.
   */
  async goto() {
    if ((await screenOf(this.page).catch(() => null)) !== "results") {
      const home = new HomePage(this.page);
      await home.goto();
      await home.continueButton().click();
    }
    await this.waitForReady();
  }
  async waitForReady() {
    await explain(this.page, "waiting for the results", async () => {
      await this.page.locator("section.results h1").filter({ hasText: "Where you stand" }).waitFor();
    });
  }
  /** The safety panel (the full one, not a question's compact banner). */
  safetyPanel() {
    return this.page.locator("section.results aside.safety");
  }
  /** The article cards, best match ("Start here") first. */
  articleCards() {
    return this.page.locator("section.results .article-card");
  }
  /** Article titles, best match first. */
  async articleTitles() {
    return this.articleCards().locator(":scope > h3").allInnerTexts().then((t) => t.map((s) => s.trim()));
  }
  /** The "Because …" reasons of card `i` (0 = best match). */
  async reasons(i = 0) {
    return this.articleCards().nth(i).locator("ul.reasons li").allInnerTexts();
  }
  /** Every reason on every card. */
  async allReasons() {
    return this.page.locator("section.results .article-card ul.reasons li").allInnerTexts();
  }
  /** Whether the safety panel comes before the first article card in the document. */
  async safetyBeforeFirstArticle() {
    return this.page.evaluate(() => {
      const safety = document.querySelector("section.results aside.safety");
      const card = document.querySelector("section.results .article-card");
      if (!safety || !card) return false;
      return Boolean(safety.compareDocumentPosition(card) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
  }
  phases() {
    return this.page.locator("section.results section.phase");
  }
  async phaseTitles() {
    return this.phases().locator("h3").allInnerTexts();
  }
  stepCheckboxes() {
    return this.page.locator("section.results section.phase input[type=checkbox]");
  }
  /** Opens every folded phase of the plan, as she would by pressing its title. */
  async openPhases() {
    const folded = this.page.locator('section.results section.phase button.fold[aria-expanded="false"]');
    while ((await folded.count()) > 0) await folded.first().click();
  }
  /** The "Start here" section: her best match and the one step to take first. */
  startHere() {
    return this.page.locator("section.results section.start-here");
  }
  /** The first step's checkbox in "Start here". */
  firstStepCheckbox() {
    return this.startHere().locator(".first-step input[type=checkbox]");
  }
  /** The first step's text in "Start here". */
  async firstStepText() {
    return this.startHere().locator(".first-step label.step span").innerText();
  }
  /** The step labels, in order. */
  async stepTexts() {
    return this.page.locator("section.results section.phase label.step span").allInnerTexts();
  }
  /** The score charts' accessible names ("Relationship burnout: 9 of 20, Moderate"). */
  async scoreCharts() {
    return this.page
      .locator("section.results .scores svg[role=img]")
      .evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));
  }
  /** Follows card `i`'s title link to the article page. */
  async openArticle(i = 0) {
    await this.articleCards().nth(i).locator(":scope > h3 a").click();
    await waitForScreen(this.page, "article");
  }
  /** Opens an article by its title, from her results (wherever it is listed there). */
  async openArticleTitled(title) {
    await this.page.locator("section.results a", { hasText: title }).first().click();
    await waitForScreen(this.page, "article");
  }
}

// ---------------------------------------------------------------------------------------------
// Article
// ---------------------------------------------------------------------------------------------

export class ArticlePage extends Layout {
  /** Opens article `id` from her results (it must be among them). */
  async goto(id) {
    const results = new ResultsPage(this.page);
    await results.goto();
    await results.openArticleTitled(articleById(id).title);
    await this.waitForReady();
  }
  async waitForReady() {
    await explain(this.page, "waiting for the article page", async () => {
      await this.page.locator("article.article h1").first().waitFor();
    });
  }
  async heading() {
    return (await this.page.locator("main h1").innerText()).trim();
  }
  async sectionHeadings() {
    return this.page.locator("article.article h2").allInnerTexts();
  }
  /** The link to the full article on the author's blog. */
  blogLink() {
    return this.page.locator("article.article p.note a");
  }
}

// ---------------------------------------------------------------------------------------------
// History
// ---------------------------------------------------------------------------------------------

export class HistoryPage extends Layout {
  /** Opens the site afresh and follows "How things have changed" at its foot. */
  async goto() {
    await new HomePage(this.page).goto();
    await this.footer().getByRole("link", { name: "How things have changed" }).click();
    await this.waitForReady();
  }
  async waitForReady() {
    await explain(this.page, "waiting for the history page", () => this.page.locator("section.history h1").waitFor());
  }
}

function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
