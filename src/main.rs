//! The reader's app in the browser: mounts it with the content the build embedded.
//!
//! `target/content/` is the content step's output (`questionnaire build`, which trunk runs
//! before it compiles this: see Trunk.toml). A questionnaire with a problem stops that step,
//! so the app is never built from one.

#[cfg(target_arch = "wasm32")]
use reader::{content::Content, ui::app::App};

/// Talc instead of the default dlmalloc: smaller in the wasm, and faster.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The checked questionnaire, built by the content step.
#[cfg(target_arch = "wasm32")]
const CONTENT: Content = Content {
    flow: include_bytes!("../target/content/flow.bin"),
    findings: include_str!("../target/content/findings.name"),
};

#[cfg(target_arch = "wasm32")]
fn main() {
    // The first render in a task of its own, after the one that instantiated the module: two
    // shorter tasks instead of one long one, so the page answers input sooner.
    leptos::prelude::set_timeout(
        || leptos::mount::mount_to_body(|| leptos::view! { <App content=CONTENT/> }),
        std::time::Duration::ZERO,
    );
}

/// Natively there is nothing to run: the app runs in the browser (`tools/serve`), and the
/// author's command is `questionnaire` (`cargo run -p questionnaire -- check`).
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is the browser app. Serve it with `tools/serve`, or check content with `cargo run -p questionnaire -- check`.");
}
