//! The author's studio's entry point (a bundle of its own: `tools/studio/index.html`).

#[cfg(target_arch = "wasm32")]
fn main() {
    leptos::mount::mount_to_body(studio::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The studio runs in the browser: start it with `tools/author`.");
}
