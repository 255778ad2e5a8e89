// A small static server for the built app (dist/): serves brotli or gzip when the browser
// accepts them, falls back to index.html for app routes (/q/…, /results, …), sets cache
// headers (hashed assets are immutable, index.html is revalidated) and serves only this
// machine's loopback address. Used by `tools/serve`, the end-to-end tests and the benchmark.
//
// Usage: node tools/serve.mjs [--dir dist] [--port 8080] [--host 127.0.0.1] [--quiet]

import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const dir = path.resolve(opt("dir", "dist"));
const port = Number(opt("port", "8080"));
const host = opt("host", "127.0.0.1");
const quiet = args.includes("--quiet");

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

if (!fs.existsSync(path.join(dir, "index.html"))) {
  console.error(`serve: ${dir}/index.html is missing; build the app first (trunk build --release).`);
  process.exit(1);
}

// Read and compress every file once, up front.
const files = new Map();
const walk = (d) => {
  for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
    const full = path.join(d, entry.name);
    if (entry.isDirectory()) walk(full);
    else {
      const body = fs.readFileSync(full);
      const type = types[path.extname(full)] ?? "application/octet-stream";
      const compressible = !/^image\/png/.test(type);
      files.set("/" + path.relative(dir, full).split(path.sep).join("/"), {
        type,
        body,
        br: compressible ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }) : null,
        gzip: compressible ? zlib.gzipSync(body, { level: 9 }) : null,
      });
    }
  }
};
walk(dir);

const hashed = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;

const server = http.createServer((req, res) => {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { Allow: "GET, HEAD" }).end();
    return;
  }
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, "http://x").pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  // A folder's own page (the author's studio at /studio/); /studio itself goes there.
  if (pathname === "/studio") {
    res.writeHead(301, { Location: "/studio/" }).end();
    return;
  }
  let file = files.get(pathname) ?? (pathname.endsWith("/") ? files.get(`${pathname}index.html`) : undefined);
  let status = 200;
  if (!file) {
    // App routes have no file extension: serve the app shell. Missing assets are 404s.
    if (path.extname(pathname) === "" || pathname.endsWith("/")) file = files.get("/index.html");
    else status = 404;
  }
  if (!file) {
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found");
    return;
  }
  const accept = String(req.headers["accept-encoding"] ?? "");
  const headers = {
    "Content-Type": file.type,
    "Cache-Control": hashed.test(pathname) ? "public, max-age=31536000, immutable" : "no-cache",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    Vary: "Accept-Encoding",
  };
  let body = file.body;
  if (file.br && /\bbr\b/.test(accept)) {
    body = file.br;
    headers["Content-Encoding"] = "br";
  } else if (file.gzip && /\bgzip\b/.test(accept)) {
    body = file.gzip;
    headers["Content-Encoding"] = "gzip";
  }
  headers["Content-Length"] = body.length;
  res.writeHead(status, headers);
  res.end(req.method === "HEAD" ? undefined : body);
  if (!quiet) console.log(`${req.method} ${pathname} ${status} ${headers["Content-Encoding"] ?? "identity"} ${body.length}`);
});

server.on("error", (e) => {
  console.error(`serve: cannot listen on ${host}:${port}: ${e.message}`);
  process.exit(1);
});
server.listen(port, host, () => {
  console.log(`Serving ${dir} at http://${host}:${port}/ (Ctrl+C to stop)`);
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.close(() => process.exit(0)));
