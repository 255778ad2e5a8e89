// The studio's editor pane: CodeMirror 6 (line numbers, TOML highlighting, find with Ctrl+F,
// undo with Ctrl+Z, problems underlined with their message on hover), one editor state per
// file so each keeps its own undo history. Bundled by tools/build-studio (esbuild) into
// target/studio-editor/editor.js; the studio's page loads it before the studio starts.
//
// The studio (wasm) calls `window.studioEditor` (declared, with its types, in
// crates/studio/src/editor.rs) and hears back through the callbacks it gives `mount`. The
// studio owns the files' texts; the editor only shows one and reports her changes.
import { basicSetup } from "codemirror";
import { EditorView, keymap } from "@codemirror/view";
import { EditorState } from "@codemirror/state";
import { StreamLanguage } from "@codemirror/language";
import { toml } from "@codemirror/legacy-modes/mode/toml";
import { setDiagnostics, openLintPanel } from "@codemirror/lint";

(() => {
  "use strict";
  let view = null;
  let hooks = null;
  let current = null; // the path shown
  let quiet = false; // true while the studio itself replaces the text
  const states = new Map(); // path → EditorState (keeps each file's undo history)
  let marks = []; // the problems of the file shown

  const theme = EditorView.theme({
    "&": { fontSize: "15px", height: "100%" },
    ".cm-scroller": { fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace", lineHeight: "1.5" },
    ".cm-content": { paddingBottom: "40vh" },
  });

  const save = () => {
    if (current !== null) hooks?.save(current, view.state.doc.toString());
    return true;
  };

  const extensions = () => [
    basicSetup,
    StreamLanguage.define(toml),
    theme,
    EditorView.lineWrapping,
    // Named for screen readers; the tab stop also makes its scrolling area reachable by keyboard.
    EditorView.contentAttributes.of({ "aria-label": "The file's text", tabindex: "0" }),
    keymap.of([{ key: "Mod-s", preventDefault: true, run: save }]),
    EditorView.updateListener.of((update) => {
      if (update.docChanged && !quiet && current !== null) {
        hooks?.changed(current, update.state.doc.toString());
      }
      if (update.selectionSet && current !== null) {
        hooks?.moved(current, update.state.doc.lineAt(update.state.selection.main.head).number);
      }
    }),
  ];

  // The problems of the file shown, as CodeMirror diagnostics (a whole line where the
  // column is not known).
  function applyMarks() {
    if (!view) return;
    const doc = view.state.doc;
    const diagnostics = [];
    for (const m of marks) {
      const lineNo = Math.min(Math.max(m.line || 1, 1), doc.lines);
      const line = doc.line(lineNo);
      let from = line.from + Math.max((m.column || 1) - 1, 0);
      if (from > line.to) from = line.from;
      // Underline the word at the column (or the rest of the line when it is blank there).
      const rest = doc.sliceString(from, line.to);
      const word = rest.match(/^("[^"]*"?|[^\s=,\]]+)/);
      let to = word ? from + word[0].length : line.to;
      if (to <= from) {
        from = line.from;
        to = Math.max(line.to, line.from + 1);
      }
      diagnostics.push({ from, to: Math.min(to, doc.length), severity: m.severity, message: m.message });
    }
    view.dispatch(setDiagnostics(view.state, diagnostics));
  }

  function goTo(line, column, focus) {
    if (!view) return;
    const doc = view.state.doc;
    const at = doc.line(Math.min(Math.max(line || 1, 1), doc.lines));
    const pos = Math.min(at.from + Math.max((column || 1) - 1, 0), at.to);
    view.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: "start", yMargin: 40 }) });
    if (focus) view.focus();
  }

  window.studioEditor = Object.freeze({
    /** Puts the editor in `parent`; `changed(path, text)` hears her typing, `save(path,
     * text)` her Ctrl+S, `moved(path, line)` where her cursor is. */
    mount(parent, changed, saveHook, moved) {
      hooks = { changed, save: saveHook, moved };
      view?.destroy();
      view = new EditorView({ parent, state: EditorState.create({ doc: "", extensions: extensions() }) });
      if (current !== null) {
        const state = states.get(current);
        if (state) view.setState(state);
        applyMarks();
      }
    },
    /** Shows a file. Her own editing state (undo, cursor) is kept when the text is the one
     * the editor already has; a text changed on disk replaces it as one undoable change. */
    show(path, text) {
      if (!view) return;
      // Already shown as it is: nothing to do (the editor is not rebuilt under her fingers).
      if (current === path && view.state.doc.toString() === text) return;
      if (current !== null) states.set(current, view.state);
      current = path;
      let state = states.get(path);
      if (!state) {
        state = EditorState.create({ doc: text, extensions: extensions() });
      }
      view.setState(state);
      if (view.state.doc.toString() !== text) {
        quiet = true;
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
        quiet = false;
      }
      applyMarks();
    },
    /** Forgets the files no longer in her folder. */
    keep(paths) {
      for (const p of [...states.keys()]) if (!paths.includes(p)) states.delete(p);
    },
    /** The problems of the file shown: [{line, column, severity, message}]. */
    marks(list) {
      marks = Array.isArray(list) ? list : [];
      applyMarks();
    },
    /** Moves to a line and column of the file shown (and gives the editor the focus). */
    goTo(line, column, focus) {
      goTo(line, column, focus);
    },
    /** Opens the list of the file's problems under the text. */
    problems() {
      if (view) openLintPanel(view);
    },
    /** The text shown now. */
    text() {
      return view ? view.state.doc.toString() : "";
    },
  });
})();
