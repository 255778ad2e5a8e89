//! The questionnaire the app's build embeds, and the findings it fetches.
//!
//! The content step (`questionnaire build`, run by trunk before it compiles the app) checks the
//! author's files and writes what the app needs under names `main.rs` embeds. The findings
//! (articles, the rules that recommend them, the plan's phases) are not embedded: the
//! post-build step puts them beside the app under the name given here, and the app fetches
//! them once she starts (the service worker keeps them for offline use with the rest).

/// What the build embedded: the check-in without its findings, and the findings file's name.
#[derive(Debug, Clone, Copy)]
pub struct Content {
    /// The check-in without its findings (postcard, from the checked files).
    pub flow: &'static [u8],
    /// The findings file's name beside `index.html` (it carries a hash of its bytes).
    pub findings: &'static str,
}

/// Fetches the findings file from this site: its bytes, or why not, in plain words.
pub async fn fetch_findings(name: &str) -> Result<Vec<u8>, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let failed = || {
        "The articles and your plan could not be loaded (this page could not fetch them). Check your connection and try again.".to_string()
    };
    let window = web_sys::window().ok_or_else(failed)?;
    let response = JsFuture::from(window.fetch_with_str(&format!("/{name}")))
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
