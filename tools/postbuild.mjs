// trunk's one post-build hook: the post-build steps, one after another, in this order, each
// reading what the one before wrote. (trunk starts every post_build hook at the same moment,
// so separate hooks that rewrite index.html would race: whichever wrote last would win, and
// the page could ship without its Content-Security-Policy or with a stale integrity hash.)
//
//   1. findings.mjs  copies the findings file the app fetches into the build
//   2. minify.mjs    minifies wasm-bindgen's glue and updates its integrity hash in index.html
//   3. csp.mjs       adds the Content-Security-Policy, allowing the inline loader by its hash
//   4. offline.mjs   writes sw.js over every file of the finished build
//   5. then checks the result: the policy is there, every integrity hash matches its file, and
//      every inline script is allowed by the policy; any mismatch fails the build.

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
for (const step of ["findings.mjs", "minify.mjs", "csp.mjs", "offline.mjs"]) {
  execFileSync(process.execPath, [path.join(here, step)], { stdio: "inherit", env: process.env });
}

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? "dist";
const html = fs.readFileSync(path.join(dir, "index.html"), "utf8");
const problems = [];
const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)?.[1];
if (!policy) problems.push("index.html has no Content-Security-Policy");
for (const m of html.matchAll(/(?:href|src)="\/?([^"?#]+)"[^>]*?integrity="(sha(256|384|512)-[^"]+)"/g)) {
  const [, file, integrity, bits] = m;
  const target = path.join(dir, file);
  if (!fs.existsSync(target)) {
    problems.push(`index.html names ${file}, which is not in the build`);
    continue;
  }
  const actual = `sha${bits}-${crypto.createHash(`sha${bits}`).update(fs.readFileSync(target)).digest("base64")}`;
  if (actual !== integrity) problems.push(`the integrity hash of ${file} in index.html does not match the file`);
}
for (const m of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
  if (!m[1]) continue;
  const hash = `'sha256-${crypto.createHash("sha256").update(m[1], "utf8").digest("base64")}'`;
  if (policy && !policy.includes(hash)) problems.push("an inline script is not allowed by the policy's hashes");
}
if (problems.length) {
  console.error(`postbuild: the built page is not right:\n- ${problems.join("\n- ")}`);
  process.exit(1);
}
console.log("postbuild: policy present, integrity hashes match, inline scripts allowed");
