//! The browser entry point: mounts the app. (Native builds have nothing to run here; the
//! author's tool is the `questionnaire` binary.)

/// Talc instead of the default dlmalloc: smaller in the wasm, and faster.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    leptos::mount::mount_to_body(where_we_stand::ui::app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is the browser app. Serve it with `tools/serve`, or check content with `cargo run --bin questionnaire -- check`.");
}
