// trunk's one post-build hook: the post-build steps, one after another, in this order, each
// reading what the one before wrote. (trunk starts every post_build hook at the same moment,
// so separate hooks that rewrite index.html would race: whichever wrote last would win, and
// the page could ship without its Content-Security-Policy or with a stale integrity hash.)
//
//   1. (the reader's app) copies the findings file the app fetches into the build, from the
//      content step's output (target/content/: findings.bin, served as findings.name says)
//   2. minify.mjs    minifies wasm-bindgen's glue and updates its integrity hash in index.html
//   3. csp.mjs       adds the Content-Security-Policy, allowing the inline loader by its hash
//   4. (the reader's app) offline.mjs writes sw.js over every file of the finished build
//   5. then checks the result: the policy is there, every integrity hash matches its file, and
//      every inline script is allowed by the policy; for the reader's app, the service worker
//      lists every file of the build; any mismatch fails the build.
//
// The author's studio (tools/studio/index.html, a page of its own) fetches no findings and is
// never cached for offline use: it gets steps 2, 3 and 5. trunk names the page in
// TRUNK_HTML_FILE.

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? "dist";
const reader = path.resolve(process.env.TRUNK_HTML_FILE ?? "index.html") === path.join(root, "index.html");
const run = (step) => execFileSync(process.execPath, [path.join(here, step), dir], { stdio: "inherit", env: process.env });

if (reader) {
  const content = path.join(root, "target/content");
  const name = fs.readFileSync(path.join(content, "findings.name"), "utf8").trim();
  if (!/^findings-[0-9a-f]{16}\.bin$/.test(name)) throw new Error(`postbuild: target/content/findings.name says "${name}"`);
  fs.copyFileSync(path.join(content, "findings.bin"), path.join(dir, name));
  console.log(`postbuild: ${name} (${fs.statSync(path.join(dir, name)).size} bytes) copied into the build`);
}
run("minify.mjs");
// The studio's editor (CodeMirror) styles its own elements inline, so the studio's page (the
// author's tool, never the reader's) allows inline styles; scripts stay as strict as the reader's.
const studio = path.resolve(process.env.TRUNK_HTML_FILE ?? "index.html") === path.join(root, "tools/studio/index.html");
execFileSync(process.execPath, [path.join(here, "csp.mjs"), dir], { stdio: "inherit", env: { ...process.env, CSP_INLINE_STYLES: studio ? "1" : "" } });
if (reader) run("offline.mjs");

const html = fs.readFileSync(path.join(dir, "index.html"), "utf8");
const problems = [];
const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)?.[1];
if (!policy) problems.push("index.html has no Content-Security-Policy");
if (policy && reader && policy.includes("'unsafe-inline'")) problems.push("the reader's policy allows something inline");
// Each link's and script's attributes, quoted or not (minify.mjs leaves them unquoted where it
// can: `href=/app-….js integrity=sha384-…`).
const hashed = [...html.matchAll(/<(?:link|script)\b([^>]*)>/g)]
  .map(([, attrs]) => Object.fromEntries(
    [...attrs.matchAll(/([\w-]+)(?:=("[^"]*"|'[^']*'|[^\s>]+))?/g)].map(([, k, v]) => [k, (v ?? "").replace(/^["']|["']$/g, "")]),
  ))
  .filter((a) => a.integrity);
if (!hashed.some((a) => /_bg\.wasm$/.test(a.href ?? ""))) problems.push("the wasm has no integrity hash in index.html");
for (const a of hashed) {
  // Addresses start with the page's public URL (`/`, or `/studio/` for the studio).
  const base = process.env.TRUNK_PUBLIC_URL ?? "/";
  const address = a.href ?? a.src ?? "";
  const file = address.startsWith(base) ? address.slice(base.length) : address.replace(/^\//, "");
  const bits = a.integrity.match(/^sha(256|384|512)-/)?.[1];
  const target = path.join(dir, file);
  if (!bits || !fs.existsSync(target)) {
    problems.push(`index.html names ${file} with integrity ${a.integrity}, which does not fit the build`);
    continue;
  }
  const actual = `sha${bits}-${crypto.createHash(`sha${bits}`).update(fs.readFileSync(target)).digest("base64")}`;
  if (actual !== a.integrity) problems.push(`the integrity hash of ${file} in index.html does not match the file`);
}
for (const m of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
  if (!m[1]) continue;
  const hash = `'sha256-${crypto.createHash("sha256").update(m[1], "utf8").digest("base64")}'`;
  if (policy && !policy.includes(hash)) problems.push("an inline script is not allowed by the policy's hashes");
}
if (reader) {
  // The service worker keeps every file of the build (the page as "/"), and nothing else.
  const sw = fs.existsSync(path.join(dir, "sw.js")) ? fs.readFileSync(path.join(dir, "sw.js"), "utf8") : "";
  const listed = JSON.parse(sw.match(/const ASSETS = (\[.*\]);/)?.[1] ?? "null");
  if (!listed) problems.push("the build has no service worker listing its files");
  else {
    const files = fs.readdirSync(dir).filter((f) => f !== "sw.js" && fs.statSync(path.join(dir, f)).isFile());
    const want = ["/", ...files.filter((f) => f !== "index.html").map((f) => `/${f}`)].sort();
    if (JSON.stringify([...listed].sort()) !== JSON.stringify(want)) {
      problems.push(`the service worker lists ${JSON.stringify(listed)}, but the build has ${JSON.stringify(want)}`);
    }
  }
}
if (problems.length) {
  console.error(`postbuild: the built page is not right:\n- ${problems.join("\n- ")}`);
  process.exit(1);
}
console.log(`postbuild: policy present, integrity hashes match, inline scripts allowed${reader ? ", the service worker lists every file" : ""}`);
