//! Home: what this is, that everything stays on this device, the disclaimer, and Start — or
//! Continue with how far she got, and Start over.

use super::html::{action, Html};
use super::route::use_nav;
use super::state::use_app;
use crate::engine::Screen;
use leptos::prelude::*;

/// The home screen.
#[component]
pub fn Home() -> impl IntoView {
    let app = use_app();
    let nav = use_nav();
    let body = move || {
        let about = &app.q.file().about;
        let mut h = Html::new();
        h.raw(r#"<h1 tabindex="-1">"#)
            .text(&app.q.file().title)
            .raw(r#"</h1><p class="lead">"#)
            .text(&about.intro)
            .raw(r#"</p><ul class="promises"><li>One question at a time; go back and change any answer.</li><li>Your answers stay on this device. Nothing is sent anywhere.</li><li>Use Quick exit (or press Esc twice) to leave this page at once.</li></ul><p class="disclaimer">"#)
            .text(&about.disclaimer)
            .raw("</p>");
        if app.started.get() && !app.session.with(|s| s.is_fresh()) {
            h.raw(r#"<p class="resume">"#);
            match app.screen() {
                Screen::Question(s) => {
                    let p = s.progress;
                    h.raw("You have answered ")
                        .num(p.answered as i64)
                        .raw(if p.answered == 1 {
                            " question"
                        } else {
                            " questions"
                        })
                        .raw("; about ")
                        .num(p.min_left as i64)
                        .raw("–")
                        .num(p.max_left as i64)
                        .raw(" are left.");
                }
                Screen::Results(_) => {
                    h.raw("You finished the check-in; your results are waiting.");
                }
            }
            h.raw(r#"</p><div class="row"><button type="button" class="primary" data-act="start">Continue where you left off</button><button type="button" class="secondary" data-act="over">Start over</button></div>"#);
        } else {
            h.raw(r#"<button type="button" class="primary" data-act="start">Start the check-in</button>"#);
        }
        h.done()
    };
    let on_click = move |ev: leptos::ev::MouseEvent| match action(&ev) {
        Some((act, _)) if act == "start" => nav.go(&app.start()),
        Some((act, _)) if act == "over" => nav.go(&app.start_over()),
        _ => {}
    };
    view! { <section class="page home" inner_html=body on:click=on_click></section> }
}
