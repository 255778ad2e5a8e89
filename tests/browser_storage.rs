//! The storage module against the real localStorage in headless Chromium (wasm-bindgen-test):
//! round trips, and every fault — corrupt data, the wrong shape, a newer format, storage that
//! is full or disabled — with nothing good lost and other sites' keys untouched.
#![cfg(target_arch = "wasm32")]

use reader::storage::format::{
    SavedAnswer, SavedCheckIn, SavedHistory, SavedPlace, SavedProgress, FORMAT,
};
use reader::storage::local::{self, Fault};
use reader::storage::{BACKUP_KEY, HISTORY_KEY, PROGRESS_KEY};
use std::collections::{BTreeMap, BTreeSet};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("the test browser has localStorage")
}

fn clear() {
    storage().clear().expect("clear works");
}

fn backups() -> Vec<(String, String)> {
    let s = storage();
    (0..s.length().unwrap_or(0))
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(BACKUP_KEY))
        .map(|k| (k.clone(), s.get_item(&k).ok().flatten().unwrap_or_default()))
        .collect()
}

fn one_check_in() -> SavedHistory {
    SavedHistory {
        format: FORMAT,
        entries: vec![SavedCheckIn {
            completed_at: 1.0,
            scores: BTreeMap::new(),
        }],
    }
}

fn sample() -> SavedProgress {
    SavedProgress {
        format: FORMAT,
        questionnaire: "check-in".into(),
        version: 1,
        answers: BTreeMap::from([
            (
                "situation".to_string(),
                SavedAnswer::One("moved_out".into()),
            ),
            (
                "hope_signs".to_string(),
                SavedAnswer::Many(vec!["future".into()]),
            ),
        ]),
        place: SavedPlace::Question("apart_how_long".into()),
        ticked: BTreeSet::from(["step-a".to_string()]),
        saved_at: 1.0,
    }
}

#[wasm_bindgen_test]
fn progress_and_history_round_trip() {
    clear();
    local::save_progress(&sample()).expect("saving works");
    let history = SavedHistory {
        format: FORMAT,
        entries: vec![SavedCheckIn {
            completed_at: 2.0,
            scores: BTreeMap::from([("burnout".to_string(), 9)]),
        }],
    };
    local::save_history(&history).expect("saving works");
    let loaded = local::load();
    assert_eq!(loaded.progress, Some(sample()));
    assert_eq!(loaded.history, history);
    assert!(loaded.faults.is_empty(), "{:?}", loaded.faults);
}

#[wasm_bindgen_test]
fn progress_saved_by_the_previous_version_still_loads() {
    // serde_json wrote this (whole numbers with ".0") before the app wrote its own JSON; the
    // keys come in another order, and an unknown field is ignored.
    clear();
    let old = r#"{"format":1,"questionnaire":"check-in","version":1,"answers":{"hope_signs":["future"],"situation":"moved_out"},"place":{"question":"apart_how_long"},"ticked":["step-a"],"saved_at":1.0,"extra":null}"#;
    storage().set_item(PROGRESS_KEY, old).unwrap();
    let loaded = local::load();
    assert_eq!(loaded.progress, Some(sample()));
    assert!(loaded.faults.is_empty(), "{:?}", loaded.faults);
}

#[wasm_bindgen_test]
fn nothing_saved_is_a_fresh_start_without_faults() {
    clear();
    let loaded = local::load();
    assert_eq!(loaded.progress, None);
    assert!(loaded.history.entries.is_empty());
    assert!(loaded.faults.is_empty());
}

#[wasm_bindgen_test]
fn corrupt_progress_is_kept_aside_and_reported() {
    clear();
    storage().set_item(PROGRESS_KEY, "{not json").unwrap();
    let loaded = local::load();
    assert_eq!(loaded.progress, None);
    let [Fault::Unreadable { kept_as }] = loaded.faults.as_slice() else {
        panic!("expected one unreadable fault, got {:?}", loaded.faults);
    };
    assert_eq!(
        storage().get_item(kept_as).unwrap().as_deref(),
        Some("{not json")
    );
    assert_eq!(storage().get_item(PROGRESS_KEY).unwrap(), None);
    assert!(loaded.faults[0].to_string().contains("could not be read"));
}

#[wasm_bindgen_test]
fn wrong_shape_is_kept_aside_and_reported() {
    clear();
    let raw = r#"{"format":1,"answers":"oops"}"#;
    storage().set_item(PROGRESS_KEY, raw).unwrap();
    let loaded = local::load();
    assert_eq!(loaded.progress, None);
    assert!(matches!(
        loaded.faults.as_slice(),
        [Fault::Unreadable { .. }]
    ));
    assert_eq!(backups().len(), 1);
    assert_eq!(backups()[0].1, raw);
}

#[wasm_bindgen_test]
fn newer_format_is_kept_aside_not_overwritten() {
    clear();
    let raw = r#"{"format":99,"something":"from the future"}"#;
    storage().set_item(PROGRESS_KEY, raw).unwrap();
    let loaded = local::load();
    assert_eq!(loaded.progress, None);
    let [Fault::Newer { kept_as }] = loaded.faults.as_slice() else {
        panic!("expected a newer-format fault, got {:?}", loaded.faults);
    };
    assert_eq!(storage().get_item(kept_as).unwrap().as_deref(), Some(raw));
    // Saving now does not destroy the newer data: it was set aside first.
    local::save_progress(&sample()).unwrap();
    assert_eq!(storage().get_item(kept_as).unwrap().as_deref(), Some(raw));
}

#[wasm_bindgen_test]
fn corrupt_history_does_not_cost_the_progress() {
    clear();
    local::save_progress(&sample()).unwrap();
    storage().set_item(HISTORY_KEY, "[[[").unwrap();
    let loaded = local::load();
    assert_eq!(loaded.progress, Some(sample()));
    assert!(loaded.history.entries.is_empty());
    assert_eq!(loaded.faults.len(), 1);
}

#[wasm_bindgen_test]
fn erase_removes_only_the_apps_keys() {
    clear();
    storage().set_item("other-app:settings", "keep me").unwrap();
    storage()
        .set_item("where-we-stand-lookalike", "keep me too")
        .unwrap();
    local::save_progress(&sample()).unwrap();
    local::save_history(&one_check_in()).unwrap();
    storage()
        .set_item(&format!("{BACKUP_KEY}:x:1"), "old")
        .unwrap();
    let removed = local::erase_all().unwrap();
    assert_eq!(removed, 3);
    let s = storage();
    assert_eq!(s.length().unwrap(), 2);
    assert_eq!(
        s.get_item("other-app:settings").unwrap().as_deref(),
        Some("keep me")
    );
    assert_eq!(
        s.get_item("where-we-stand-lookalike").unwrap().as_deref(),
        Some("keep me too")
    );
}

#[wasm_bindgen_test]
fn a_reader_who_has_not_started_leaves_no_trace() {
    clear();
    local::save_progress(&sample()).unwrap();
    local::save_history(&one_check_in()).unwrap();
    let blank = SavedProgress {
        answers: BTreeMap::new(),
        place: SavedPlace::Home,
        ticked: BTreeSet::new(),
        ..sample()
    };
    local::save_progress(&blank).unwrap();
    local::save_history(&SavedHistory::default()).unwrap();
    assert_eq!(
        storage().length().unwrap(),
        0,
        "nothing is left on the device"
    );
}

#[wasm_bindgen_test]
fn full_storage_is_reported_and_the_old_save_survives() {
    clear();
    local::save_progress(&sample()).unwrap();
    // Fill this origin's storage until the browser refuses more.
    let s = storage();
    let chunk = "x".repeat(512 * 1024);
    let mut n = 0;
    while s.set_item(&format!("filler:{n}"), &chunk).is_ok() && n < 200 {
        n += 1;
    }
    let mut big = sample();
    big.answers
        .insert("notes".into(), SavedAnswer::One("y".repeat(600 * 1024)));
    let result = local::save_progress(&big);
    for i in 0..=n {
        let _ = s.remove_item(&format!("filler:{i}"));
    }
    assert_eq!(result, Err(Fault::Full));
    assert!(Fault::Full.to_string().contains("full"));
    assert_eq!(
        local::load().progress,
        Some(sample()),
        "the last good save is still there"
    );
}

#[wasm_bindgen_test]
fn disabled_storage_is_reported_not_a_crash() {
    clear();
    let window: js_sys::Object = JsValue::from(web_sys::window().unwrap()).unchecked_into();
    let throwing = js_sys::Function::new_no_args(
        "throw new DOMException('The operation is insecure.', 'SecurityError')",
    );
    let descriptor = js_sys::Object::new();
    js_sys::Reflect::set(&descriptor, &"get".into(), &throwing).unwrap();
    js_sys::Reflect::set(&descriptor, &"configurable".into(), &true.into()).unwrap();
    let original =
        js_sys::Object::get_own_property_descriptor(&window, &JsValue::from_str("localStorage"));
    js_sys::Object::define_property(&window, &JsValue::from_str("localStorage"), &descriptor);

    let loaded = local::load();
    let saved = local::save_progress(&sample());
    let erased = local::erase_all();

    // Put the real localStorage back before asserting, so later tests are unaffected.
    if original.is_undefined() {
        js_sys::Reflect::delete_property(&window, &JsValue::from_str("localStorage")).unwrap();
    } else {
        js_sys::Object::define_property(
            &window,
            &JsValue::from_str("localStorage"),
            original.unchecked_ref(),
        );
    }
    assert_eq!(loaded.faults, vec![Fault::Unavailable]);
    assert_eq!(saved, Err(Fault::Unavailable));
    assert_eq!(erased, Err(Fault::Unavailable));
    assert!(Fault::Unavailable
        .to_string()
        .contains("only last until you close this tab"));
}
