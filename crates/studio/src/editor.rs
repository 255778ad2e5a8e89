//! The studio's side of its editor pane (`tools/studio/editor/main.mjs`, CodeMirror 6 bundled
//! by `tools/build-studio`): the functions of the page's `studioEditor` object, typed. The
//! studio owns her files' texts (`Studio::files`); the editor shows one and reports her typing.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// Puts the editor in `parent`. `changed(path, text)` hears each change she types,
    /// `save(path, text)` her Ctrl+S, and `moved(path, line)` where her cursor is.
    #[wasm_bindgen(js_namespace = studioEditor)]
    pub fn mount(
        parent: &web_sys::HtmlElement,
        changed: Closure<dyn Fn(String, String)>,
        save: Closure<dyn Fn(String, String)>,
        moved: Closure<dyn Fn(String, u32)>,
    );

    /// Shows a file: her undo history and cursor are kept when it was open before.
    #[wasm_bindgen(js_namespace = studioEditor)]
    pub fn show(path: &str, text: &str);

    /// Forgets the editing state of files no longer in her folder.
    #[wasm_bindgen(js_namespace = studioEditor)]
    pub fn keep(paths: Vec<String>);

    /// The problems of the file shown, underlined: `[{line, column, severity, message}]`.
    #[wasm_bindgen(js_namespace = studioEditor)]
    pub fn marks(list: JsValue);

    /// Moves to a line and column of the file shown, and focuses the editor if asked.
    #[wasm_bindgen(js_namespace = studioEditor, js_name = goTo)]
    pub fn go_to(line: u32, column: u32, focus: bool);
}

/// One underlined problem, as the editor takes it.
pub fn mark(line: u32, column: u32, error: bool, message: &str) -> JsValue {
    let mark = js_sys::Object::new();
    let set = |key: &str, value: JsValue| {
        let _ = js_sys::Reflect::set(&mark, &JsValue::from_str(key), &value);
    };
    set("line", line.into());
    set("column", column.into());
    set(
        "severity",
        JsValue::from_str(if error { "error" } else { "warning" }),
    );
    set("message", JsValue::from_str(message));
    mark.into()
}
