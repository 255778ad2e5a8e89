//! Read-only markup (results, articles, history, the safety panel) built as escaped text and
//! set with `inner_html`, with clicks and changes handled once per screen by delegation.
//!
//! Why: every `view!` element is code in the wasm, and the whole app must stay under 150 KB
//! gzip. Markup that only shows what the engine computed costs a few bytes of text this way
//! instead of hundreds of bytes of code. Interactive controls keep plain attributes
//! (`data-act`, `data-step`, …) that the screen's one handler reads. Author text always goes
//! through [`Html::text`], which escapes it, so content can never inject markup.

use leptos::prelude::request_animation_frame;
use wasm_bindgen::JsCast;

/// Markup being built.
#[derive(Default)]
pub struct Html(String);

impl Html {
    /// Empty markup.
    pub fn new() -> Html {
        Html(String::with_capacity(2048))
    }

    /// Appends trusted markup written in this crate (never author or reader text).
    pub fn raw(&mut self, markup: &str) -> &mut Html {
        self.0.push_str(markup);
        self
    }

    /// Appends text, escaped for use in element content and in quoted attribute values.
    pub fn text(&mut self, text: &str) -> &mut Html {
        for c in text.chars() {
            match c {
                '&' => self.0.push_str("&amp;"),
                '<' => self.0.push_str("&lt;"),
                '>' => self.0.push_str("&gt;"),
                '"' => self.0.push_str("&quot;"),
                '\'' => self.0.push_str("&#39;"),
                c => self.0.push(c),
            }
        }
        self
    }

    /// Appends a number.
    pub fn num(&mut self, n: i64) -> &mut Html {
        self.0.push_str(&n.to_string());
        self
    }

    /// The markup.
    pub fn done(&mut self) -> String {
        std::mem::take(&mut self.0)
    }
}

/// The element an event came from, or the closest ancestor with `selector`.
pub fn target_closest(ev: &web_sys::Event, selector: &str) -> Option<web_sys::Element> {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest(selector).ok().flatten())
}

/// The `data-act` of the control an event came from.
pub fn action(ev: &web_sys::Event) -> Option<(String, web_sys::Element)> {
    let el = target_closest(ev, "[data-act]")?;
    Some((el.get_attribute("data-act")?, el))
}

/// Moves focus to the screen's heading (for screen readers and keyboards) as the new screen
/// is drawn: in the next animation frame, so the style and layout it needs are the frame's own
/// rather than an extra pass in the middle of the update.
pub fn focus_heading() {
    request_animation_frame(|| {
        if let Some(h) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("main h1").ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            // The page is scrolled to the top by the navigation; scrolling again to the
            // heading would be wasted layout work.
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = h.focus_with_options(&options);
        }
    });
}

/// Moves focus to the first element matching `selector` once the screen has been redrawn
/// (markup that is replaced loses the focus it held).
pub fn focus_soon(selector: &'static str) {
    request_animation_frame(move || {
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(selector).ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}
