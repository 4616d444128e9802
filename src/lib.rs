//! hokoku: one incident JSON file → an interactive timeline, a per-phase impact table and a
//! printable Japanese apology letter, all in the browser.
//!
//! Four layers; an arrow points from a layer to the ones it uses:
//! - [`model`]: the validated incident model, the interface language, the rules for untrusted
//!   text and how its dates and times are written in words (`model::timefmt`, shared by the
//!   views and by the Statuspage import, which writes a scheduled window into a note). Uses
//!   nothing.
//! - [`compose`]: what the views show, computed from a report (impact and history figures, the
//!   letter, the timeline layout). Uses `model`.
//! - [`format`]: reading and writing files (JSON parser, decoder, Statuspage import, problems,
//!   JSON Schema types, normalized export). Uses `model` only.
//! - [`app`]: the Yew app in the browser. Uses all three.
//!
//! The first three import no yew and are tested natively with `cargo test`.
//!
//! With the `cli` feature (native only) two more: [`site`], the static site rendered on the
//! server from the app's components, and [`cli`], the `hokoku` command line over all of it.

pub mod app;
#[cfg(feature = "cli")]
pub mod cli;
pub mod compose;
pub mod format;
pub mod model;
#[cfg(feature = "cli")]
pub mod site;
