// trunk post-build hook: adds a strict Content-Security-Policy meta tag to the built
// index.html. trunk's loader is an inline module script, so it is allowed by its SHA-256 hash
// rather than by 'unsafe-inline'; wasm needs 'wasm-unsafe-eval' and nothing needs 'unsafe-eval'.
// Nothing may load from another origin.

import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? "dist";
const file = path.join(dir, "index.html");
let html = fs.readFileSync(file, "utf8");
const inline = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).filter((s) => s.length > 0);
const hashes = inline.map((s) => `'sha256-${crypto.createHash("sha256").update(s, "utf8").digest("base64")}'`);
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`.trim(),
  // Inline styles only where asked (the author's studio, for its editor); never the reader's app.
  process.env.CSP_INLINE_STYLES ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, "");
html = html.replace(/(<meta charset=["']?utf-8["']?>)/i, `$1${meta}`);
if (!html.includes(meta)) {
  console.error("csp: could not find <meta charset> in index.html to place the policy after");
  process.exit(1);
}
fs.writeFileSync(file, html);
console.log(`csp: ${inline.length} inline script(s) allowed by hash`);
