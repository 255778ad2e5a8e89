//! The Leptos views: components that render what the engine computed and send the reader's
//! actions back through `state::AppState`. Browser only.

pub mod app;
pub mod article;
pub mod confirm;
pub mod focus;
pub mod fold;
pub mod history;
pub mod home;
pub mod keeping;
pub mod layout;
pub mod offline;
pub mod persist;
pub mod plan;
pub mod question;
pub mod quick_exit;
pub mod results;
pub mod route;
pub mod safety;
pub mod scores;
pub mod state;
