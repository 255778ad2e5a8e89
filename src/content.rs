//! The questionnaire compiled into the app: checked by `build.rs`, then embedded in postcard
//! (a compact binary serde format), so the app needs neither a JSON parser for it nor the checker.
//!
//! The findings (articles, the rules that recommend them, the plan's phases) are not embedded:
//! the build writes them to a file of their own beside the app, [`FINDINGS`], which the app
//! fetches once she starts (the service worker keeps it for offline use with the rest).

/// The main check-in without its findings, encoded with postcard from the checked file.
pub const CHECK_IN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/check-in.postcard"));

/// The findings file's name (a hash of its bytes), beside `index.html`; empty in the studio.
pub const FINDINGS: &str = env!("WWS_FINDINGS");

/// Fetches the findings file from this site: its bytes, or why not, in plain words.
pub async fn fetch_findings() -> Result<Vec<u8>, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let failed = || {
        "The articles and your plan could not be loaded (this page could not fetch them). Check your connection and try again.".to_string()
    };
    let window = web_sys::window().ok_or_else(failed)?;
    let response = JsFuture::from(window.fetch_with_str(&format!("/{FINDINGS}")))
        .await
        .map_err(|_| failed())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| failed())?;
    if !response.ok() {
        return Err(failed());
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|_| failed())?)
        .await
        .map_err(|_| failed())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
