//! The reader's app in the browser: mounts it with the content the build embedded.
//!
//! `target/content/` is the content step's output (`questionnaire build`, which trunk runs
//! before it compiles this: see Trunk.toml). A questionnaire with a problem stops that step,
//! so the app is never built from one.

#[cfg(target_arch = "wasm32")]
use reader::{content::Content, ui::app::App};

// The allocator is std's own (dlmalloc). Talc was smaller until std began to allocate its
// thread handle with dlmalloc directly (leptos asks for the current thread): with both shipped,
// talc cost 0.4 KB gzip of the first load, so it went (tools/bench, 2026-12-07).

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
