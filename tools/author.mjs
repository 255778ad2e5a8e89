// The author's studio server (`tools/author`): serves the studio's page and watches her
// questionnaire folder; on every save it tells the page, which reads the files again and checks
// them in the browser with the engine (no Rust rebuild). Listens on this machine only; writes
// only what she saves from the studio: her files, and the example readers, into examples/.
//
// Usage: node tools/author.mjs --studio DIR --folder questionnaires [--port 8090] [--quiet]

import http from "node:http";
import fs from "node:fs";
import path from "node:path";

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const studio = path.resolve(opt("studio", "target/studio-dist"));
const folder = path.resolve(opt("folder", "questionnaires"));
// Her folder as the checker's messages name it: relative to here, or in full if it is elsewhere.
const relative = path.relative(process.cwd(), folder);
const shown = relative === "" ? "." : relative.startsWith("..") ? folder : relative;
const port = Number(opt("port", "8090"));
const quiet = args.includes("--quiet");

for (const [what, p] of [["the studio", path.join(studio, "index.html")], ["the questionnaire folder", folder]]) {
  if (!fs.existsSync(p)) {
    console.error(`author: ${what} is missing (${p}).`);
    process.exit(1);
  }
}

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
};

// Her files, as the studio reads them: top-level .toml files, and those in articles/ and examples/.
function readFiles() {
  const files = [];
  for (const sub of ["", "articles", "examples"]) {
    const dir = path.join(folder, sub);
    let names = [];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const full = path.join(dir, name);
      if (!name.endsWith(".toml")) continue;
      try {
        if (!fs.statSync(full).isFile()) continue;
        files.push({ path: [shown, sub, name].filter(Boolean).join("/"), text: fs.readFileSync(full, "utf8") });
      } catch {
        // Deleted between listing and reading (an editor's save): the next event re-reads.
      }
    }
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}

// Watching: the folder and its two subfolders (editors often save by renaming, which these see).
const clients = new Set();
let pending = null;
const changed = () => {
  clearTimeout(pending);
  pending = setTimeout(() => {
    for (const res of clients) res.write(`data: ${Date.now()}\n\n`);
    if (!quiet) console.log(`changed: told ${clients.size} studio page(s)`);
  }, 15);
};
const watchers = new Map();
function watch() {
  for (const sub of ["", "articles", "examples"]) {
    const dir = path.join(folder, sub);
    if (watchers.has(dir) || !fs.existsSync(dir)) continue;
    try {
      watchers.set(dir, fs.watch(dir, () => changed()));
    } catch {
      // A folder that cannot be watched is looked at again below.
    }
  }
}
watch();
setInterval(watch, 2000);

const server = http.createServer((req, res) => {
  const url = new URL(req.url, "http://x");
  const send = (status, type, body) => {
    res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" });
    res.end(body);
  };
  // Only this machine's own pages: a page from elsewhere that points a name at 127.0.0.1 (DNS
  // rebinding) sends its own Host, and a page of another origin sends its Origin.
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!hosts.includes(req.headers.host ?? "")) return send(403, "text/plain", "Forbidden");
  if (req.headers.origin && !hosts.some((h) => req.headers.origin === `http://${h}`)) return send(403, "text/plain", "Forbidden");
  if (url.pathname === "/__author/files" && req.method === "GET") {
    return send(200, types[".json"], JSON.stringify({ origin: `${shown}/ (watched by tools/author)`, prefix: shown, files: readFiles() }));
  }
  if (url.pathname === "/__author/events" && req.method === "GET") {
    res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-store", Connection: "keep-alive" });
    res.write(": watching\n\n");
    clients.add(res);
    req.on("close", () => clients.delete(res));
    return;
  }
  // One of her files, written from the studio's editor: only the questionnaire's own files
  // (top level, articles/, examples/), written whole and then moved into place.
  const written = url.pathname.match(/^\/__author\/files\/((?:articles\/|examples\/)?[A-Za-z0-9_-]{1,80}\.toml)$/);
  if (written && req.method === "PUT") {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk) => {
      body += chunk;
      if (body.length > 2_000_000) req.destroy();
    });
    req.on("end", () => {
      try {
        const target = path.join(folder, written[1]);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        const temp = `${target}.saving`;
        fs.writeFileSync(temp, body);
        fs.renameSync(temp, target);
        send(200, "text/plain; charset=utf-8", written[1]);
      } catch (e) {
        send(500, "text/plain; charset=utf-8", e.message);
      }
    });
    return;
  }
  if (url.pathname.startsWith("/__author/files/") && req.method === "PUT") {
    return send(400, "text/plain; charset=utf-8", "only the questionnaire's own files can be saved from the studio: names of letters, digits, - and _ ending in .toml, at the top of the folder or in articles/ or examples/");
  }
  const save = url.pathname.match(/^\/__author\/examples\/([A-Za-z0-9_-]{1,80})\.toml$/);
  if (save && req.method === "PUT") {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk) => {
      body += chunk;
      if (body.length > 200_000) req.destroy();
    });
    req.on("end", () => {
      const dir = path.join(folder, "examples");
      fs.mkdirSync(dir, { recursive: true });
      let name = `${save[1]}.toml`;
      for (let n = 2; fs.existsSync(path.join(dir, name)); n++) name = `${save[1]}-${n}.toml`;
      fs.writeFileSync(path.join(dir, name), body);
      send(200, "text/plain; charset=utf-8", name);
    });
    return;
  }
  if (req.method !== "GET" && req.method !== "HEAD") return send(405, "text/plain", "Method not allowed");
  if (url.pathname === "/" || url.pathname === "/studio") {
    res.writeHead(302, { Location: "/studio/" });
    return res.end();
  }
  if (!url.pathname.startsWith("/studio/")) return send(404, "text/plain", "Not found");
  let rel = decodeURIComponent(url.pathname.slice("/studio/".length)) || "index.html";
  const file = path.resolve(studio, rel);
  if (!file.startsWith(studio + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    return send(404, "text/plain", "Not found");
  }
  send(200, types[path.extname(file)] ?? "application/octet-stream", fs.readFileSync(file));
});
server.on("error", (e) => {
  console.error(`author: cannot listen on 127.0.0.1:${port}: ${e.message}`);
  process.exit(1);
});
server.listen(port, "127.0.0.1", () => {
  console.log(`The author's studio is at http://127.0.0.1:${port}/studio/`);
  console.log(`Watching ${shown}/ — save a file and the studio shows the change. Ctrl+C to stop.`);
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => process.exit(0));
