// Run first by tools/postbuild.mjs (trunk's post-build hook): copies the findings file
// (articles, their rules, the plan's phases) that this build's app fetches once she starts,
// from where build.rs wrote it (cargo's OUT_DIR) into the build, so that offline.mjs caches it
// with the rest. The app names it (findings-<hash of its bytes>.bin), so exactly the file it
// asks for is copied.

import fs from "node:fs";
import path from "node:path";

// The author's studio reads her files itself: it fetches no findings.
if (process.env.WWS_STUDIO) process.exit(0);
const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? "dist";
const wasm = fs.readdirSync(dir).find((f) => f.endsWith("_bg.wasm"));
if (!wasm) throw new Error(`findings: no wasm in ${dir}`);
const name = fs.readFileSync(path.join(dir, wasm)).toString("latin1").match(/findings-[0-9a-f]{16}\.bin/)?.[0];
if (!name) throw new Error(`findings: ${wasm} names no findings file`);
const target = process.env.CARGO_TARGET_DIR ?? path.resolve("target");
// <target>/wasm32-unknown-unknown/<profile>/build/where-we-stand-<hash>/out/<name>
const wasmTarget = path.join(target, "wasm32-unknown-unknown");
let found = null;
for (const profile of fs.existsSync(wasmTarget) ? fs.readdirSync(wasmTarget) : []) {
  const builds = path.join(wasmTarget, profile, "build");
  if (!fs.existsSync(builds)) continue;
  for (const b of fs.readdirSync(builds)) {
    const candidate = path.join(builds, b, "out", name);
    if (fs.existsSync(candidate)) found = candidate;
  }
}
if (!found) throw new Error(`findings: ${name} is not in ${target} (build.rs writes it there)`);
fs.copyFileSync(found, path.join(dir, name));
console.log(`findings: ${name} (${fs.statSync(found).size} bytes) copied into the build`);
