//! The browser entry point: mounts the app. (Native builds have nothing to run here; the
//! author's tool is the `questionnaire` binary.)

/// Talc instead of the default dlmalloc: smaller in the wasm, and faster.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    // The first render in a task of its own, after the one that instantiated the module: two
    // shorter tasks instead of one long one, so the page answers input sooner.
    leptos::prelude::set_timeout(
        || leptos::mount::mount_to_body(where_we_stand::ui::app::App),
        std::time::Duration::ZERO,
    );
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is the browser app. Serve it with `tools/serve`, or check content with `cargo run --bin questionnaire -- check`.");
}
