//! Working offline: the service worker (tools/offline.mjs writes `sw.js` at build time) is
//! registered only once she has chosen to keep her progress on this device (plainly or
//! locked). Keeping nothing, erasing everything, or a first visit with no choice yet leaves no
//! service worker and no cache: any this site registered or filled before is removed.

use super::state::AppState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Registers or removes the service worker as her choice of keeping changes (for as long as
/// the calling owner lives).
pub fn follow(app: AppState) {
    let wanted = Memo::new(move |_| app.device.get().keeps() && app.can_save.get());
    Effect::new(move |_| {
        let Some(window) = web_sys::window() else {
            return;
        };
        let workers = window.navigator().service_worker();
        if wanted.get() {
            let _ = workers.register("/sw.js");
        } else {
            leptos::task::spawn_local(remove(window, workers));
        }
    });
}

/// Unregisters every service worker of this site and deletes every cache it filled.
async fn remove(window: web_sys::Window, workers: web_sys::ServiceWorkerContainer) {
    if let Ok(list) = JsFuture::from(workers.get_registrations()).await {
        for registration in js_sys::Array::from(&list).iter() {
            if let Ok(promise) = registration
                .unchecked_into::<web_sys::ServiceWorkerRegistration>()
                .unregister()
            {
                let _ = JsFuture::from(promise).await;
            }
        }
    }
    let Ok(caches) = window.caches() else {
        return;
    };
    if let Ok(keys) = JsFuture::from(caches.keys()).await {
        for key in js_sys::Array::from(&keys).iter() {
            if let Some(name) = key.as_string() {
                let _ = JsFuture::from(caches.delete(&name)).await;
            }
        }
    }
}
