// trunk's pre-build hook: the content step (tools/content) before the reader's app compiles,
// so its build embeds the questionnaire just checked. The author's studio (tools/studio/
// index.html) embeds nothing: it reads her files at run time and must open when they are
// broken, so the step is skipped for it. trunk names the page it builds in TRUNK_HTML_FILE.

import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const page = path.resolve(process.env.TRUNK_HTML_FILE ?? "index.html");
if (page === path.join(root, "index.html")) {
  try {
    execFileSync(path.join(root, "tools/content"), { stdio: "inherit" });
  } catch {
    process.exit(1);
  }
}
