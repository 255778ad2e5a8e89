//! The studio's side of `tools/studio/io.js`, which reads and writes her files (from the
//! author's server, or a folder she opens): its functions on the page's `studioIo` object,
//! with their arguments typed. io.js is a plain script that runs before the studio starts.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// One of her files, as io.js hands it over: `{ path, text }`.
    pub type FileIn;

    /// Its path, as the checker's messages name it.
    #[wasm_bindgen(method, getter)]
    pub fn path(this: &FileIn) -> String;

    /// What it says.
    #[wasm_bindgen(method, getter)]
    pub fn text(this: &FileIn) -> String;

    /// Starts reading her files: from the author's server, or else (`on_standalone`) once she
    /// opens a folder. Every version read goes to `on_files` (where they came from, in words,
    /// and the files); what io.js has to tell her (a save, a lost server) goes to `on_status`.
    #[wasm_bindgen(js_namespace = studioIo)]
    pub fn ready(
        on_files: Closure<dyn Fn(String, Vec<FileIn>)>,
        on_standalone: Closure<dyn Fn()>,
        on_status: Closure<dyn Fn(String)>,
        on_saved: Closure<dyn Fn(String, String)>,
    );

    /// Asks her for her questionnaires folder, where the browser can open folders (then it is
    /// read, and read again after each change); false where it cannot.
    #[wasm_bindgen(js_namespace = studioIo)]
    pub fn pick() -> bool;

    /// Reads the files she chose (the folder's files, where the browser cannot open folders).
    #[wasm_bindgen(js_namespace = studioIo)]
    pub fn chosen(files: &web_sys::FileList);

    /// Writes one of her files (by the path it was read under) into her folder, through
    /// `tools/author` or the folder she opened; where neither can, downloads it and says where
    /// to put it. A file written calls `on_saved` with its path and text.
    #[wasm_bindgen(js_namespace = studioIo)]
    pub fn write(path: &str, text: &str);

    /// Saves an example reader as `examples/{name}` in her folder, or downloads it.
    #[wasm_bindgen(js_namespace = studioIo)]
    pub fn save(name: &str, text: &str);
}
