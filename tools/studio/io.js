// The studio's files: read from the author's server (`tools/author`, which watches her
// questionnaires/ folder), or, with no tools at all, from a folder she opens in the browser
// (the folder API where the browser has it, re-read when a file changes; elsewhere the files
// she picks). Writes a saved example into the folder where it can, or downloads it. Nothing is
// sent to any other site.
//
// The studio (wasm) calls the functions of `window.studioIo` (declared, with their types, in
// crates/studio/src/io.rs) and hears back through the callbacks it gives `ready`. This is a
// plain script that runs before the studio starts.
(() => {
  "use strict";
  // The studio's callbacks, from `ready`.
  let studio = null;
  // What the paths handed over start with (the folder's name as shown), so a path the studio
  // writes back can be turned into one inside her folder.
  let prefix = "";
  const status = (text) => studio?.status(text);
  const isFile = (f) => typeof f?.path === "string" && typeof f?.text === "string";
  const emit = (origin, files) => {
    if (typeof origin !== "string" || !Array.isArray(files) || !files.every(isFile)) {
      status("The files could not be read.");
      return;
    }
    studio?.files(origin, files);
  };
  const wanted = (rel) => {
    // questions and parts at the top, articles/ and examples/ one level down.
    const parts = rel.split("/");
    if (!rel.endsWith(".toml")) return false;
    return parts.length === 1 || (parts.length === 2 && (parts[0] === "articles" || parts[0] === "examples"));
  };

  // Reads and writes are kept in order: a read that started before a write finished may hold
  // the file as it was, so it is dropped (the write's own change brings a fresh read), and a
  // read that finishes after a newer one is dropped too.
  let writesDone = 0;
  let readsStarted = 0;
  let readsApplied = 0;
  async function orderedRead(read) {
    const number = ++readsStarted;
    const writes = writesDone;
    const result = await read();
    if (writes !== writesDone || number < readsApplied) return null;
    readsApplied = number;
    return result;
  }

  // ---- With tools/author: the server reads and watches the folder.
  let served = false;
  async function fetchServed() {
    const r = await fetch("/__author/files", { cache: "no-store" });
    if (!r.ok) throw new Error(`status ${r.status}`);
    return r.json();
  }
  async function startServed() {
    try {
      const first = await fetchServed();
      served = true;
      prefix = first.prefix ?? "";
      emit(first.origin, first.files);
    } catch {
      studio.standalone();
      return;
    }
    const events = new EventSource("/__author/events");
    events.onmessage = async () => {
      try {
        const next = await orderedRead(fetchServed);
        if (next) emit(next.origin, next.files);
      } catch (e) {
        status(`The files could not be read from tools/author (${e.message}). Is it still running?`);
      }
    };
    events.onerror = () => status("Lost touch with tools/author; it retries on its own. Is it still running?");
  }

  // ---- With no tools: a folder she opens.
  let folder = null;
  let signature = "";
  async function readFolder(handle) {
    const files = [];
    const stamp = [];
    async function walk(dir, prefix) {
      for await (const [name, entry] of dir.entries()) {
        const rel = prefix + name;
        if (entry.kind === "directory") {
          if (!prefix && (name === "articles" || name === "examples")) await walk(entry, rel + "/");
        } else if (wanted(rel)) {
          const file = await entry.getFile();
          files.push({ path: `${handle.name}/${rel}`, text: await file.text() });
          stamp.push(`${rel}:${file.lastModified}:${file.size}`);
        }
      }
    }
    await walk(handle, "");
    files.sort((a, b) => (a.path < b.path ? -1 : 1));
    return { files, signature: stamp.sort().join("|") };
  }
  async function watchFolder() {
    if (!folder) return;
    try {
      const read = await orderedRead(() => readFolder(folder));
      if (read && read.signature !== signature) {
        signature = read.signature;
        emit(`the folder “${folder.name}” (opened in this browser)`, read.files);
      }
    } catch (e) {
      status(`The folder could not be read again (${e.message}).`);
    }
    setTimeout(watchFolder, 700);
  }
  async function openFolder() {
    try {
      folder = await window.showDirectoryPicker({ id: "questionnaires", mode: "readwrite" });
      prefix = folder.name;
      signature = "";
      watchFolder();
    } catch (e) {
      if (e.name !== "AbortError") status(`The folder could not be opened (${e.message}).`);
    }
  }
  async function readChosen(picked) {
    const files = [];
    let top = "questionnaires";
    for (const file of picked) {
      const full = file.webkitRelativePath || file.name;
      const parts = full.split("/");
      if (parts.length > 1) top = parts[0];
      const rel = parts.length > 1 ? parts.slice(1).join("/") : parts[0];
      if (wanted(rel)) files.push({ path: `${top}/${rel}`, text: await file.text() });
    }
    files.sort((a, b) => (a.path < b.path ? -1 : 1));
    prefix = top;
    folder = null;
    if (files.length === 0) {
      status("No questionnaire files (.toml) were in what you chose. Choose the questionnaires folder.");
      return;
    }
    emit(`${files.length} files chosen from “${top}” (choose them again after a change)`, files);
  }

  // ---- Writing one of her files back.
  const inside = (path) => {
    const rel = prefix && path.startsWith(prefix + "/") ? path.slice(prefix.length + 1) : path;
    return wanted(rel) ? rel : null;
  };
  function download(name, text) {
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
  // One write at a time, in the order she saved.
  let writing = Promise.resolve();
  function writeFile(path, text) {
    writing = writing.then(() => writeNow(path, text)).finally(() => writesDone++);
    return writing;
  }
  async function writeNow(path, text) {
    const rel = inside(path);
    if (rel === null) return status(`${path} is not one of the questionnaire's files, so it was not saved.`);
    if (served) {
      try {
        const r = await fetch(`/__author/files/${rel.split("/").map(encodeURIComponent).join("/")}`, { method: "PUT", body: text });
        if (r.status === 400) return status(`${rel} was not saved: ${await r.text()}`);
        if (!r.ok) throw new Error(`status ${r.status}`);
        studio?.saved(path, text);
        return status(`Saved ${rel}.`);
      } catch (e) {
        return status(`tools/author could not save ${rel} (${e.message}). Is it still running? Your change is still here: try again.`);
      }
    }
    if (folder) {
      try {
        const parts = rel.split("/");
        let dir = folder;
        for (const sub of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(sub, { create: true });
        const handle = await dir.getFileHandle(parts[parts.length - 1], { create: true });
        const writable = await handle.createWritable();
        await writable.write(text);
        await writable.close();
        studio?.saved(path, text);
        return status(`Saved ${rel} in your folder.`);
      } catch (e) {
        return status(`The browser would not write into the folder (${e.message}). Your change is still here: try again, or open the folder again.`);
      }
    }
    const name = rel.split("/").pop();
    download(name, text);
    // Not saved in her folder yet: the studio keeps it marked until the folder holds it.
    status(`This browser cannot write into your folder, so ${name} was downloaded: put it in place of ${rel} in your questionnaires folder, then choose the folder's files again.`);
  }

  // ---- Saving an example reader.
  async function saveExample(name, text) {
    if (served) {
      const r = await fetch(`/__author/examples/${encodeURIComponent(name)}`, { method: "PUT", body: text });
      if (r.ok) return status(`Saved examples/${await r.text()} in your questionnaires folder: it is played at every check from now on.`);
      status(`tools/author could not save it (status ${r.status}); downloading it instead.`);
    } else if (folder) {
      try {
        const examples = await folder.getDirectoryHandle("examples", { create: true });
        // Never over an example she has: a free name, as tools/author finds one.
        const stem = name.replace(/\.toml$/, "");
        for (let n = 2; await examples.getFileHandle(name).then(() => true, () => false); n++) name = `${stem}-${n}.toml`;
        const handle = await examples.getFileHandle(name, { create: true });
        const writable = await handle.createWritable();
        await writable.write(text);
        await writable.close();
        return status(`Saved examples/${name} in your folder.`);
      } catch (e) {
        status(`The browser would not write into the folder (${e.message}); downloading it instead.`);
      }
    }
    download(name, text);
    status(`Downloaded ${name}: move it into your questionnaires/examples folder.`);
  }

  window.studioIo = Object.freeze({
    /** The studio is listening: read her files (once). */
    ready(onFiles, onStandalone, onStatus, onSaved) {
      if (studio) return;
      studio = { files: onFiles, standalone: onStandalone, status: onStatus, saved: onSaved };
      startServed();
    },
    /** Opens her folder where the browser can (true); false where it cannot. */
    pick() {
      if (!window.showDirectoryPicker) return false;
      openFolder();
      return true;
    },
    /** Reads the files she chose (a FileList). */
    chosen(picked) {
      readChosen([...picked]);
    },
    /** Writes one of her files (by the path it was read under) into her folder. */
    write(path, text) {
      writeFile(path, text);
    },
    /** Saves an example reader's file. */
    save(name, text) {
      saveExample(name, text);
    },
  });
})();
