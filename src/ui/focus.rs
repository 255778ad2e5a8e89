//! Moving focus for screen readers and keyboards: to a new screen's heading, or to the control
//! a dialog opens or closes on.

use leptos::html::ElementType;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Focuses the element behind `target` in the next animation frame: once it is drawn, and so
/// the style and layout focusing needs are the frame's own rather than an extra pass in the
/// middle of an update. The page is not scrolled to it: navigation already scrolled to the top.
/// Focus is never taken from text being edited (the author's studio, where the preview follows
/// her typing: the reader's app has no such text).
pub fn focus_soon<E>(target: NodeRef<E>)
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    request_animation_frame(move || {
        let editing = document()
            .active_element()
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
            .is_some_and(|el| el.is_content_editable());
        // Nothing to do if the screen has gone meanwhile.
        if editing {
            return;
        }
        if let Some(el) = target
            .try_get_untracked()
            .flatten()
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = el.focus_with_options(&options);
        }
    });
}
