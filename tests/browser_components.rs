//! The reader's screens mounted in headless Chromium (wasm-bindgen-test), on the tiny fixture
//! questionnaire: the question form (choose, change, Back, the warning before clearing later
//! answers), the plan's ticks, and a record from another tab that raises a red flag on an
//! earlier question. Each test mounts the whole app (`Root`) on a fresh page address and fresh
//! storage, clicks as she would, and reads what the page shows.
#![cfg(target_arch = "wasm32")]

use author::load;
use engine::Questionnaire;
use leptos::mount::mount_to;
use leptos::prelude::*;
use reader::storage::format::SavedAnswer;
use reader::storage::{local, PROGRESS_KEY};
use reader::ui::app::Root;
use std::sync::OnceLock;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn tiny() -> &'static Questionnaire {
    static TINY: OnceLock<Questionnaire> = OnceLock::new();
    TINY.get_or_init(|| {
        load("tiny.toml", include_str!("fixtures/tiny.toml")).expect("the fixture loads")
    })
}

fn window() -> web_sys::Window {
    web_sys::window().expect("a window")
}

/// The app mounted in a fresh container at `path`, with nothing saved.
struct Page {
    root: web_sys::HtmlElement,
    _app: Box<dyn std::any::Any>,
}

impl Page {
    async fn open(path: &str) -> Page {
        window().local_storage().unwrap().unwrap().clear().unwrap();
        window()
            .history()
            .unwrap()
            .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
            .unwrap();
        let doc = window().document().unwrap();
        let root: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
        doc.body().unwrap().append_child(&root).unwrap();
        let q = std::sync::Arc::new(tiny().clone());
        let app = mount_to(root.clone(), move || view! { <Root q/> });
        let page = Page {
            root,
            _app: Box::new(app),
        };
        settle().await;
        page
    }

    fn find(&self, selector: &str) -> Option<web_sys::HtmlElement> {
        self.root
            .query_selector(selector)
            .unwrap()
            .map(|e| e.unchecked_into())
    }

    fn get(&self, selector: &str) -> web_sys::HtmlElement {
        self.find(selector)
            .unwrap_or_else(|| panic!("nothing on the page matches {selector}"))
    }

    fn all(&self, selector: &str) -> Vec<web_sys::HtmlElement> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .map(|n| n.unchecked_into())
            .collect()
    }

    fn heading(&self) -> String {
        self.get("main h1").text_content().unwrap_or_default()
    }

    fn button(&self, words: &str) -> web_sys::HtmlElement {
        self.all("button")
            .into_iter()
            .find(|b| b.text_content().as_deref() == Some(words))
            .unwrap_or_else(|| panic!("no button says {words:?}"))
    }

    fn option(&self, value: &str) -> web_sys::HtmlInputElement {
        self.get(&format!(
            "section.question fieldset input[value=\"{value}\"]"
        ))
        .unchecked_into()
    }

    fn checked(&self) -> Vec<String> {
        self.all("section.question fieldset input")
            .into_iter()
            .map(|i| i.unchecked_into::<web_sys::HtmlInputElement>())
            .filter(|i| i.checked())
            .map(|i| i.value())
            .collect()
    }

    async fn click(&self, el: &web_sys::HtmlElement) {
        el.click();
        settle().await;
    }

    /// On the home page of a first visit: chooses to keep her progress on this device (nothing
    /// is chosen for her) and presses Start.
    async fn start(&self) {
        let keep: web_sys::HtmlInputElement = self.all("form.keep-choice input[name=keeping]")[0]
            .clone()
            .unchecked_into();
        keep.click();
        settle().await;
        self.click(&self.button("Start the check-in")).await;
    }

    /// Chooses `value` and presses Continue.
    async fn answer(&self, value: &str) {
        self.option(value).click();
        self.click(&self.button("Continue")).await;
    }
}

impl Drop for Page {
    fn drop(&mut self) {
        self.root.remove();
    }
}

/// Lets the app's effects and any zero-delay tasks run.
async fn settle() {
    for _ in 0..3 {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }
}

/// Another tab saves `change` of the current record, and the browser tells this tab.
async fn other_tab(change: impl FnOnce(&mut reader::storage::format::SavedProgress)) {
    let mut record = local::load_progress().expect("progress was saved");
    change(&mut record);
    local::save_progress(&record).unwrap();
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(PROGRESS_KEY));
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    window().dispatch_event(&event).unwrap();
    settle().await;
}

#[wasm_bindgen_test]
async fn choosing_changing_and_going_back() {
    let page = Page::open("/").await;
    page.start().await;
    assert_eq!(page.heading(), "Where do things stand?");
    assert!(page.checked().is_empty(), "nothing is chosen at first");
    assert!(
        page.button("Back").hidden(),
        "no Back on the first question"
    );

    page.option("apart").click();
    settle().await;
    assert_eq!(page.checked(), ["apart"]);
    page.option("home").click();
    settle().await;
    assert_eq!(page.checked(), ["home"], "a radio choice replaces the last");

    page.click(&page.button("Continue")).await;
    assert_eq!(page.heading(), "Do you feel safe with him?");
    assert!(
        page.checked().is_empty(),
        "the next question starts with nothing chosen"
    );
    assert!(!page.button("Back").hidden());
    assert_eq!(
        window().location().pathname().unwrap(),
        "/",
        "the address never names the question"
    );

    page.click(&page.button("Back")).await;
    assert_eq!(page.heading(), "Where do things stand?");
    assert_eq!(page.checked(), ["home"], "her saved answer is shown");
}

#[wasm_bindgen_test]
async fn a_first_visit_chooses_nothing_for_her_and_start_asks_her_to_choose() {
    let page = Page::open("/").await;
    let radios: Vec<web_sys::HtmlInputElement> = page
        .all("form.keep-choice input[name=keeping]")
        .into_iter()
        .map(|i| i.unchecked_into())
        .collect();
    assert_eq!(radios.len(), 3, "three ways of keeping");
    assert!(
        radios.iter().all(|r| !r.checked()),
        "none is chosen for her"
    );
    page.click(&page.button("Start the check-in")).await;
    assert!(
        page.get("form.keep-choice p.error")
            .text_content()
            .unwrap()
            .contains("Choose how this device should keep your answers"),
        "Start says what to do"
    );
    assert!(page.find("section.question").is_none(), "still at home");
    assert!(
        window().local_storage().unwrap().unwrap().length().unwrap() == 0,
        "nothing is kept before she chooses"
    );
    radios[2].click();
    settle().await;
    assert_eq!(
        page.get("form.keep-choice p.error").text_content().unwrap(),
        "",
        "choosing clears the problem"
    );
    page.click(&page.button("Start the check-in")).await;
    assert!(page.find("section.question").is_some(), "then she starts");
}

#[wasm_bindgen_test]
async fn continue_without_an_answer_says_what_to_do() {
    let page = Page::open("/").await;
    page.start().await;
    page.click(&page.button("Continue")).await;
    assert_eq!(page.heading(), "Where do things stand?");
    assert!(page
        .get("p.problem")
        .text_content()
        .unwrap()
        .contains("Choose an answer"));
    page.option("home").click();
    settle().await;
    assert_eq!(page.get("p.problem").text_content().unwrap(), "");
}

#[wasm_bindgen_test]
async fn a_checklist_ticks_several_and_none_of_these_clears_them() {
    let page = Page::open("/").await;
    page.start().await;
    page.answer("home").await;
    page.answer("safe").await;
    page.answer("never").await;
    assert_eq!(page.heading(), "Which signs of hope have you seen?");
    assert!(page.find(".options.checklist").is_some());
    page.option("talks").click();
    page.option("kind").click();
    settle().await;
    assert_eq!(page.checked(), ["talks", "kind"]);
    page.option("none").click();
    settle().await;
    assert_eq!(
        page.checked(),
        ["none"],
        "an exclusive option clears the others"
    );
}

/// Answers home, safe, never and talks: the results.
async fn to_results(page: &Page) {
    page.start().await;
    for value in ["home", "safe", "never", "talks"] {
        page.answer(value).await;
    }
    assert_eq!(page.heading(), "Where you stand");
}

#[wasm_bindgen_test]
async fn a_change_that_clears_later_answers_asks_first() {
    let page = Page::open("/").await;
    to_results(&page).await;
    page.click(&page.button("Back to the last question")).await;
    page.click(&page.button("Back")).await;
    assert_eq!(page.heading(), "I feel worn out by the relationship");
    assert_eq!(page.checked(), ["never"]);

    // "Often" is enough strain to skip the last question, so its answer would be cleared.
    page.answer("often").await;
    let dialog = page.get("[role=alertdialog]");
    assert!(dialog
        .text_content()
        .unwrap()
        .contains("Which signs of hope have you seen?"));
    assert_eq!(page.heading(), "I feel worn out by the relationship");

    page.click(&page.button("Keep my earlier answer")).await;
    assert!(page.find("[role=alertdialog]").is_none());
    assert_eq!(page.heading(), "I feel worn out by the relationship");

    page.answer("often").await;
    page.click(&page.button("Change my answer")).await;
    assert_eq!(page.heading(), "Where you stand");
    let saved = local::load_progress().unwrap();
    assert!(
        !saved.answers.contains_key("signs"),
        "the cleared answer is gone"
    );
    assert_eq!(
        saved.answers.get("tired"),
        Some(&SavedAnswer::One("often".into()))
    );
}

#[wasm_bindgen_test]
async fn plan_ticks_are_saved_and_follow_another_tab() {
    let page = Page::open("/").await;
    to_results(&page).await;
    let boxes = page.all("section.phase input[type=checkbox]");
    assert!(!boxes.is_empty(), "the plan has steps");
    let first: web_sys::HtmlInputElement = boxes[0].clone().unchecked_into();
    assert!(!first.checked());

    page.click(&first).await;
    assert!(first.checked());
    assert_eq!(
        local::load_progress().unwrap().ticked.len(),
        1,
        "the tick is saved"
    );

    other_tab(|record| record.ticked.clear()).await;
    assert!(!first.checked(), "another tab's untick shows here");
    assert!(page
        .get("div.notice p")
        .text_content()
        .unwrap()
        .contains("another tab"));
}

#[wasm_bindgen_test]
async fn another_tab_raising_a_red_flag_shows_the_banner_and_keeps_her_place() {
    let page = Page::open("/").await;
    page.start().await;
    page.answer("home").await;
    page.answer("safe").await;
    assert_eq!(page.heading(), "I feel worn out by the relationship");
    let banner = page.get("div.banner");
    assert!(banner.has_attribute("data-off"), "no red flag yet");
    // She has chosen, but not yet pressed Continue.
    page.option("sometimes").click();
    settle().await;

    other_tab(|record| {
        record
            .answers
            .insert("safety".into(), SavedAnswer::One("afraid".into()));
    })
    .await;
    assert!(
        !banner.has_attribute("data-off"),
        "the safety banner shows at once"
    );
    assert!(banner
        .text_content()
        .unwrap()
        .contains("Your safety comes first"));
    assert_eq!(page.heading(), "I feel worn out by the relationship");
    assert_eq!(page.checked(), ["sometimes"], "her unsent choice is kept");
    assert_eq!(window().location().pathname().unwrap(), "/");
}
