//! The Leptos views: paper-thin components that render what the engine computed and send the
//! reader's actions back through `state::AppState`. Browser only.

pub mod app;
pub mod article;
pub mod erase;
pub mod history;
pub mod home;
pub mod html;
pub mod layout;
pub mod plan;
pub mod question;
pub mod quick_exit;
pub mod results;
pub mod route;
pub mod safety;
pub mod scores;
pub mod state;
