// trunk post-build hook: minifies wasm-bindgen's JavaScript glue with terser (trunk leaves it
// as generated) and updates its Subresource Integrity hash in index.html to match. Measured:
// 7.5 KB gzip before, 5.5 KB after. Run by tools/postbuild.mjs, before csp.mjs and offline.mjs.
//
// First it drops the glue's classes for web streams (IntoUnderlyingSource, …Sink, …ByteSource).
// They come from wasm-streams, which leptos brings in through server_fn for server functions;
// an app with no server never creates one. index.html's wasm-opt step removes their exports
// from the wasm (`--remove-exports`), so the glue keeps nothing that calls them: 0.3 KB gzip
// here, 1.3 KB in the wasm. Should anything else still name one of them, the build stops.

import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { createRequire } from "node:module";

// terser is the build's own package (tools/packages), pinned there and installed by tools/setup.
const require = createRequire(new URL("./packages/package.json", import.meta.url));
const { minify } = require("terser");
const acorn = require("acorn");
const STREAM_CLASSES = ["IntoUnderlyingByteSource", "IntoUnderlyingSink", "IntoUnderlyingSource"];

/** The glue without the stream classes: each class, its `Symbol.dispose` line, and its
 * finalization registry (top-level statements, found by parsing, not by pattern). */
function withoutStreamClasses(code, file) {
  const ast = acorn.parse(code, { ecmaVersion: "latest", sourceType: "module" });
  const names = new Set(STREAM_CLASSES.flatMap((c) => [c, `${c}Finalization`]));
  const declares = (node) =>
    (node.type === "ExportNamedDeclaration" && names.has(node.declaration?.id?.name)) ||
    (node.type === "VariableDeclaration" && node.declarations.every((d) => names.has(d.id.name)));
  const disposes = (node) =>
    node.type === "IfStatement" && STREAM_CLASSES.some((c) => code.slice(node.start, node.end).includes(`${c}.prototype`));
  const cut = ast.body.filter((node) => declares(node) || disposes(node));
  let out = code;
  for (const node of cut.reverse()) out = out.slice(0, node.start) + out.slice(node.end);
  const left = [...names].filter((n) => new RegExp(`\\b${n}\\b`).test(out));
  if (left.length) throw new Error(`minify: ${file} still uses ${left.join(", ")}; keep them (and their wasm exports)`);
  return { code: out, dropped: cut.length };
}
const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? "dist";
const sri = (bytes) => `sha384-${crypto.createHash("sha384").update(bytes).digest("base64")}`;
const indexFile = path.join(dir, "index.html");
let html = fs.readFileSync(indexFile, "utf8");
for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(".js") && f !== "sw.js")) {
  const file = path.join(dir, f);
  const before = fs.readFileSync(file);
  const glue = withoutStreamClasses(before.toString("utf8"), f);
  const out = await minify(glue.code, { module: true, compress: true, mangle: true });
  if (!out.code) throw new Error(`minify: terser returned nothing for ${f}`);
  fs.writeFileSync(file, out.code);
  const [oldHash, newHash] = [sri(before), sri(Buffer.from(out.code))];
  if (html.includes(oldHash)) html = html.split(oldHash).join(newHash);
  console.log(`minify: ${f} ${before.length} -> ${out.code.length} bytes (${glue.dropped} unused stream statements dropped)`);
}
fs.writeFileSync(indexFile, html);
