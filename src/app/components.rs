//! Yew function components. Each takes props and emits `on<verb>` callbacks; none does I/O.

pub mod clipped;
pub mod editor;
pub mod history;
pub mod impact_table;
pub mod letter_view;
pub mod problems;
pub mod rich_text;
pub mod timeline;
pub mod typeset;
