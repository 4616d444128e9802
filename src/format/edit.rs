//! Editing the text of an incident file, for the edit view: no yew, no browser, tested natively.
//!
//! The editor works on the writer's own text, not on the decoded model, so that what they wrote
//! (order, spacing, line breaks) stays as written. These modules answer the questions the edit
//! view asks about that text:
//! - [`text`]: line/column ↔ byte offset ↔ the UTF-16 offsets a browser `textarea` uses;
//! - [`outline`]: a tolerant scan of possibly broken JSON: the path at a cursor, the spans of
//!   arrays and objects;
//! - [`complete`]: completion candidates at a cursor (ids that exist, the codes of
//!   [`crate::format::vocab`]);
//! - [`insert`]: snippets (event, phase, measure, section) written into the right array at the
//!   cursor, as one text replacement;
//! - [`templates`]: the texts a new document starts from, and Statuspage conversion.

pub mod complete;
pub mod insert;
pub mod outline;
pub mod templates;
pub mod text;

/// One replacement of the text: bytes `start..end` become `insert`, and the cursor goes to
/// byte `cursor` of the new text. Applied by the browser as one edit so undo keeps working.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub insert: String,
    pub cursor: usize,
}

impl Edit {
    /// The text after the edit (what the browser will show).
    pub fn apply(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + self.insert.len());
        out.push_str(&text[..self.start]);
        out.push_str(&self.insert);
        out.push_str(&text[self.end..]);
        out
    }
}
