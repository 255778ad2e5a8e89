//! The app's addresses: one type that builds and parses every screen's address. Pure, so it is
//! tested natively; the browser side (history entries, links) is `ui::route`. An address lives
//! in memory and in the app's own links (`data-to`); the address bar always shows `/`.

use engine::Position;

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

/// A screen of the app, with the question or article it shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Address {
    /// The start page.
    Home,
    /// A question, by id.
    Question(String),
    /// Her results.
    Results,
    /// An article, by id.
    Article(String),
    /// How things have changed.
    History,
    /// An address the app does not know.
    NotFound,
}

impl Address {
    /// The address a path names (`/q/status`, `/results`, …; a trailing `/` is allowed).
    pub fn parse(path: &str) -> Address {
        let path = path
            .strip_suffix('/')
            .filter(|p| !p.is_empty())
            .unwrap_or(path);
        let id = |rest: &str| (!rest.is_empty() && !rest.contains('/')).then(|| rest.to_string());
        match path {
            "/" => Address::Home,
            "/results" => Address::Results,
            "/history" => Address::History,
            _ => {
                if let Some(id) = path.strip_prefix("/q/").and_then(id) {
                    Address::Question(id)
                } else if let Some(id) = path.strip_prefix("/article/").and_then(id) {
                    Address::Article(id)
                } else {
                    Address::NotFound
                }
            }
        }
    }

    /// The path of this address (what [`Address::parse`] reads back).
    pub fn path(&self) -> String {
        match self {
            Address::Home => "/".into(),
            Address::Question(id) => format!("/q/{id}"),
            Address::Results => "/results".into(),
            Address::Article(id) => format!("/article/{id}"),
            Address::History => "/history".into(),
            Address::NotFound => "/not-found".into(),
        }
    }

    /// The address of a place in the check-in.
    pub fn of(position: &Position) -> Address {
        match position {
            Position::Question(id) => Address::Question(id.clone()),
            Position::Results => Address::Results,
        }
    }

    /// The screen it shows.
    pub fn page(&self) -> Page {
        match self {
            Address::Home => Page::Home,
            Address::Question(_) => Page::Question,
            Address::Results => Page::Results,
            Address::Article(_) => Page::Article,
            Address::History => Page::History,
            Address::NotFound => Page::NotFound,
        }
    }

    /// The question's or article's id, or empty.
    pub fn id(&self) -> &str {
        match self {
            Address::Question(id) | Address::Article(id) => id,
            _ => "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_map_to_addresses() {
        assert_eq!(Address::parse("/"), Address::Home);
        assert_eq!(
            Address::parse("/q/status"),
            Address::Question("status".into())
        );
        assert_eq!(
            Address::parse("/q/status/"),
            Address::Question("status".into())
        );
        assert_eq!(
            Address::parse("/article/burnout"),
            Address::Article("burnout".into())
        );
        assert_eq!(Address::parse("/results"), Address::Results);
        assert_eq!(Address::parse("/history"), Address::History);
        assert_eq!(Address::parse("/q/"), Address::NotFound);
        assert_eq!(Address::parse("/q/a/b"), Address::NotFound);
        assert_eq!(Address::parse("/nope"), Address::NotFound);
    }

    #[test]
    fn every_address_reads_back_as_itself() {
        for a in [
            Address::Home,
            Address::Question("status".into()),
            Address::Results,
            Address::Article("burnout".into()),
            Address::History,
            Address::NotFound,
        ] {
            assert_eq!(Address::parse(&a.path()), a, "{}", a.path());
        }
        assert_eq!(Address::of(&Position::Results), Address::Results);
        assert_eq!(Address::Article("x".into()).page(), Page::Article);
        assert_eq!(Address::Article("x".into()).id(), "x");
    }
}
