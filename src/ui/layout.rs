//! The frame around every screen: skip link, quick exit, notices, the live region, and the
//! footer with the disclaimer, privacy note and "erase everything".

use super::erase::{erase_everything, erase_html};
use super::html::{action, focus_soon, Html};
use super::quick_exit::{leave, listen_for_escape, quick_exit_html};
use super::state::use_app;
use leptos::prelude::*;

/// The page frame.
#[component]
pub fn Shell(
    /// The routed screen.
    children: Children,
) -> impl IntoView {
    let app = use_app();
    let file = app.q.file();
    // Moves to an address the state asked for (another tab's change was adopted).
    let nav = super::route::use_nav();
    Effect::new(move |_| {
        if let Some(to) = app.follow.get() {
            app.follow.set(None);
            nav.replace(&to);
        }
    });
    listen_for_escape(app);
    let mut h = Html::new();
    h.raw(r##"<a class="skip" href="#main">Skip to the check-in</a><header class="top"><a class="brand" href="/">"##)
        .text(&file.title)
        .raw("</a>");
    quick_exit_html(&mut h);
    h.raw("</header>");
    let top = h.done();
    let asking = RwSignal::new(false);
    let foot = move || {
        let mut h = Html::new();
        h.raw(r#"<p class="disclaimer">"#)
            .text(&file.about.disclaimer)
            .raw("</p><p>")
            .text(&file.about.privacy)
            .raw(r#"</p><p>Articles by Leslie Cane, from <a rel="noopener noreferrer" target="_blank" href=""#)
            .text(&file.blog.url)
            .raw(r#"">"#)
            .text(&file.blog.name)
            .raw(r#"</a>.</p><nav class="foot-links" aria-label="More"><a href="/history">How things have changed</a>"#);
        erase_html(&mut h, asking.get());
        h.raw("</nav>");
        h.done()
    };
    let on_click = move |ev: leptos::ev::MouseEvent| match action(&ev) {
        Some((act, _)) if act == "exit" => leave(&file.quick_exit.url),
        Some((act, _)) if act == "ask" => {
            asking.set(true);
            focus_soon(r#".foot [data-act="keep"]"#);
        }
        Some((act, _)) if act == "erase" => {
            asking.set(false);
            erase_everything(app);
        }
        Some((act, _)) if act == "keep" => {
            asking.set(false);
            focus_soon(r#".foot [data-act="ask"]"#);
        }
        _ => {}
    };
    view! {
        <div class="frame" inner_html=top on:click=on_click></div>
        <Notices/>
        <p class="sr-only" aria-live="polite" aria-atomic="true">{move || app.announce.get()}</p>
        <main id="main">{children()}</main>
        <footer class="foot" inner_html=foot on:click=on_click></footer>
    }
}

/// Plain-words notices (restored progress, storage problems), each dismissable.
#[component]
fn Notices() -> impl IntoView {
    let app = use_app();
    let body = move || {
        app.notices.with(|notices| {
            if notices.is_empty() {
                return String::new();
            }
            let mut h = Html::new();
            h.raw(r#"<div class="notices" role="status">"#);
            for (i, text) in notices.iter().enumerate() {
                h.raw(r#"<div class="notice"><p>"#)
                    .text(text)
                    .raw(r#"</p><button type="button" class="link" data-act="dismiss" data-i=""#)
                    .num(i as i64)
                    .raw(r#"">Dismiss</button></div>"#);
            }
            h.raw("</div>");
            h.done()
        })
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if let Some((_, el)) = action(&ev).filter(|(act, _)| act == "dismiss") {
            if let Some(i) = el
                .get_attribute("data-i")
                .and_then(|i| i.parse::<usize>().ok())
            {
                app.notices.update(|n| {
                    if i < n.len() {
                        n.remove(i);
                    }
                });
            }
        }
    };
    view! { <div inner_html=body on:click=on_click></div> }
}
