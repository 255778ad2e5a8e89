//! "Erase everything on this device": asks first, then removes every key the app wrote.

use super::html::Html;
use super::state::AppState;
use crate::engine::Session;
use crate::storage::local;
use leptos::prelude::Set;

/// The erase button, and its confirmation while `asking`. Clicks come back to the footer as
/// `data-act` "ask", "erase" and "keep".
pub fn erase_html(h: &mut Html, asking: bool) {
    h.raw(r#"<button type="button" class="link danger" data-act="ask">Erase everything on this device</button>"#);
    if asking {
        h.raw(r#"<div class="confirm" role="alertdialog" aria-labelledby="erase-title" aria-describedby="erase-text"><h2 id="erase-title">Erase everything?</h2><p id="erase-text">This removes your answers, your action plan ticks and your past check-ins from this device. It cannot be undone.</p><div class="row"><button type="button" class="primary danger" data-act="erase">Erase everything</button><button type="button" class="secondary" data-act="keep">Keep my answers</button></div></div>"#);
    }
}

/// Resets the state, removes every key the app wrote, and starts again at the home page.
pub fn erase_everything(app: AppState) {
    // Reset the state first, so the save effect has nothing left to write back.
    app.session.set(Session::new(app.q));
    app.started.set(false);
    app.ticked.set(Default::default());
    app.history.set(Default::default());
    match local::erase_all() {
        Ok(_) => app.notices.set(vec![
            "Everything this check-in saved on this device has been erased.".into(),
        ]),
        Err(fault) => app.notices.set(vec![fault.to_string()]),
    }
    let _ = local::erase_all();
    if let Some(w) = web_sys::window() {
        let _ = w.location().replace("/");
    }
}
