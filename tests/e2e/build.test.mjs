// The release builds tools/test made, read from disk: the reader's page always carries its
// Content-Security-Policy, every integrity hash matches its file, every inline script is allowed
// by the policy, and the service worker lists every file of the build (and nothing else), with a
// cache name that says nothing of the site. Checked here again, apart from the post-build step
// that wrote them (tools/postbuild.mjs), so a change there cannot pass its own check unseen.
// Run from tests/e2e after tools/test's builds: node --test build.test.mjs
// (APP_DIST, SHIPPED_DIST: the fixture's build and the author's; default target/e2e-dist, dist).

import { test, describe } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const builds = {
  "the fixture's build": process.env.APP_DIST ?? path.join(root, "target/e2e-dist"),
  "the author's build": process.env.SHIPPED_DIST ?? path.join(root, "dist"),
};

const filesOf = (dir) => fs.readdirSync(dir).filter((f) => fs.statSync(path.join(dir, f)).isFile());
// Each tag's attributes, quoted or not (the page is minified: `href=/app.js integrity=sha384-…`).
const tags = (html) =>
  [...html.matchAll(/<(link|script)\b([^>]*)>/g)].map(([, tag, attrs]) => ({
    tag,
    attrs: Object.fromEntries(
      [...attrs.matchAll(/([\w-]+)(?:=("[^"]*"|'[^']*'|[^\s>]+))?/g)].map(([, k, v]) => [k, (v ?? "").replace(/^["']|["']$/g, "")]),
    ),
  }));
const sri = (bits, bytes) => `sha${bits}-${crypto.createHash(`sha${bits}`).update(bytes).digest("base64")}`;

for (const [name, dir] of Object.entries(builds)) {
  describe(name, { skip: fs.existsSync(path.join(dir, "index.html")) ? false : `${dir} has no build` }, () => {
    const html = () => fs.readFileSync(path.join(dir, "index.html"), "utf8");

    test("index.html carries a strict Content-Security-Policy that allows its inline scripts", () => {
      const policy = html().match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)?.[1];
      assert.ok(policy, "index.html has a Content-Security-Policy");
      assert.match(policy, /default-src 'none'|default-src 'self'/, policy);
      assert.doesNotMatch(policy, /https?:|'unsafe-inline'|\*/, "no other origin, no unsafe-inline");
      const inline = [...html().matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).filter(Boolean);
      assert.ok(inline.length >= 1, "the loader is inline");
      for (const script of inline) {
        const hash = `'sha256-${crypto.createHash("sha256").update(script, "utf8").digest("base64")}'`;
        assert.ok(policy.includes(hash), `the policy allows the inline script by its hash ${hash}`);
      }
    });

    test("every integrity hash in index.html matches its file", () => {
      const hashed = tags(html()).filter((t) => t.attrs.integrity);
      const names = hashed.map((t) => (t.attrs.href ?? t.attrs.src).replace(/^\//, ""));
      assert.ok(names.some((f) => f.endsWith(".js")), `the script carries an integrity hash: ${names}`);
      assert.ok(names.some((f) => f.endsWith("_bg.wasm")), `the wasm carries an integrity hash: ${names}`);
      for (const t of hashed) {
        const file = (t.attrs.href ?? t.attrs.src).replace(/^\//, "");
        const bits = t.attrs.integrity.match(/^sha(256|384|512)-/)?.[1];
        assert.ok(bits, `${file}: ${t.attrs.integrity}`);
        assert.ok(fs.existsSync(path.join(dir, file)), `${file} is in the build`);
        assert.equal(sri(bits, fs.readFileSync(path.join(dir, file))), t.attrs.integrity, `${file}'s hash`);
      }
    });

    test("the service worker lists every file of the build, under a neutral cache name", () => {
      const sw = fs.readFileSync(path.join(dir, "sw.js"), "utf8");
      const listed = JSON.parse(sw.match(/const ASSETS = (\[.*\]);/)?.[1] ?? "null");
      assert.ok(Array.isArray(listed), "sw.js lists its files");
      const want = ["/", ...filesOf(dir).filter((f) => f !== "sw.js" && f !== "index.html").map((f) => `/${f}`)];
      assert.deepEqual([...listed].sort(), want.sort());
      assert.match(sw, /const CACHE = "c-[0-9a-f]{16}";/);
      assert.ok(listed.some((f) => /^\/findings-[0-9a-f]{16}\.bin$/.test(f)), "the findings are kept offline");
    });

    test("the glue calls only what the wasm exports, and carries no web-stream classes", () => {
      // leptos brings wasm-streams (for server functions, which this app has none of); the
      // build drops its classes from the glue (tools/minify.mjs) and its exports from the wasm
      // (index.html's wasm-opt step). Whatever the glue calls on the wasm must still be there.
      const glueFile = filesOf(dir).find((f) => /^app-[0-9a-f]+\.js$/.test(f));
      const wasmFile = filesOf(dir).find((f) => /^app-[0-9a-f]+_bg\.wasm$/.test(f));
      const glue = fs.readFileSync(path.join(dir, glueFile), "utf8");
      const exported = new Set(
        WebAssembly.Module.exports(new WebAssembly.Module(fs.readFileSync(path.join(dir, wasmFile)))).map((e) => e.name),
      );
      const [wasm] = [...glue.matchAll(/([A-Za-z_$][\w$]*)=[A-Za-z_$][\w$]*\.exports[,;]/g)].map((m) => m[1]);
      assert.ok(wasm, "the glue keeps the wasm's exports in a variable");
      const calls = new Set(
        [...glue.matchAll(new RegExp(`(?<![\\w$.])${wasm.replace("$", "\\$")}\\.([A-Za-z_$][\\w$]*)`, "g"))].map((m) => m[1]),
      );
      assert.ok(calls.size >= 5, `the glue calls the wasm: ${[...calls]}`);
      assert.deepEqual([...calls].filter((c) => !exported.has(c)), [], "every call has its export");
      assert.deepEqual([...exported].filter((e) => /intounderlying/i.test(e)), [], "no stream exports in the wasm");
      assert.doesNotMatch(glue, /IntoUnderlying|intounderlying/, "no stream classes in the glue");
    });

    test("file names say nothing of the site or of marriage", () => {
      for (const f of filesOf(dir)) assert.doesNotMatch(f, /where|stand|marriage|wws/i, f);
    });
  });
}

// The author's studio (dist/studio): its editor styles its own elements, so its page alone
// allows inline styles; its scripts are held to the reader's rules.
describe("the author's studio's build", { skip: fs.existsSync(path.join(root, "dist/studio/index.html")) ? false : "dist/studio has no build" }, () => {
  const dir = path.join(root, "dist/studio");
  test("its policy allows inline styles only, and its scripts by hash", () => {
    const html = fs.readFileSync(path.join(dir, "index.html"), "utf8");
    const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)?.[1];
    assert.ok(policy, "the studio has a Content-Security-Policy");
    const script = policy.split(";").map((p) => p.trim()).find((p) => p.startsWith("script-src"));
    assert.doesNotMatch(script, /'unsafe-inline'|https?:|\*/, script);
    assert.match(policy, /style-src 'self' 'unsafe-inline'/);
    for (const t of tags(html).filter((t) => t.attrs.integrity)) {
      const file = (t.attrs.href ?? t.attrs.src).replace(/^\/studio\//, "");
      const bits = t.attrs.integrity.match(/^sha(256|384|512)-/)?.[1];
      assert.equal(sri(bits, fs.readFileSync(path.join(dir, file))), t.attrs.integrity, `${file}'s hash`);
    }
  });
});
