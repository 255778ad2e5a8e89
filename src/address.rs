//! The app's addresses: which page a path shows. Pure, so it is tested natively; the
//! browser side (History API, links) is `ui::route`.

/// The screens an address can show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    /// `/`
    Home,
    /// `/q/:id`
    Question,
    /// `/results`
    Results,
    /// `/article/:id`
    Article,
    /// `/history`
    History,
    /// Anything else.
    NotFound,
}

/// What a path asks for: the page and its id, if it has one.
pub fn parse(path: &str) -> (Page, String) {
    let path = path
        .strip_suffix('/')
        .filter(|p| !p.is_empty())
        .unwrap_or(path);
    let id = |rest: &str| (!rest.is_empty() && !rest.contains('/')).then(|| rest.to_string());
    if path == "/" {
        (Page::Home, String::new())
    } else if path == "/results" {
        (Page::Results, String::new())
    } else if path == "/history" {
        (Page::History, String::new())
    } else if let Some(id) = path.strip_prefix("/q/").and_then(id) {
        (Page::Question, id)
    } else if let Some(id) = path.strip_prefix("/article/").and_then(id) {
        (Page::Article, id)
    } else {
        (Page::NotFound, String::new())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_map_to_pages() {
        assert_eq!(parse("/"), (Page::Home, String::new()));
        assert_eq!(parse("/q/status"), (Page::Question, "status".into()));
        assert_eq!(parse("/q/status/"), (Page::Question, "status".into()));
        assert_eq!(parse("/article/burnout"), (Page::Article, "burnout".into()));
        assert_eq!(parse("/results"), (Page::Results, String::new()));
        assert_eq!(parse("/history"), (Page::History, String::new()));
        assert_eq!(parse("/q/"), (Page::NotFound, String::new()));
        assert_eq!(parse("/q/a/b"), (Page::NotFound, String::new()));
        assert_eq!(parse("/nope"), (Page::NotFound, String::new()));
    }
}
