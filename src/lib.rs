//! hokoku: one incident JSON file → an interactive timeline, a per-phase impact table and a
//! printable Japanese apology letter, all in the browser.
//!
//! Domain modules (`json`, `decode`, `model`, `problem`, `safe`, …) import no yew and are tested
//! natively; the `app` module and `components` draw what they compute.

pub mod decode;
pub mod json;
pub mod model;
pub mod problem;
pub mod safe;
pub mod schema;
pub mod export;
pub mod i18n;
pub mod timefmt;
pub mod impact;
pub mod history;
pub mod import;
pub mod layout;
pub mod letter;
pub mod state;
pub mod components;
pub mod app;
pub mod web;
pub mod embed;
