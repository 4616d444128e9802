//! A small JSON parser that keeps the line and column of every value.
//!
//! serde_json stops at the first problem and forgets where values were; hokoku must report every
//! problem at once with its line and column, so the input is first parsed into this positioned
//! tree and then decoded (see `decode`). It also enforces the limits a browser tab needs: nesting
//! depth, and it names the encoding problems people actually hit (a BOM, UTF-16 files).

use std::fmt;

/// Deepest nesting accepted. serde_json uses the same limit; deeper input is almost certainly
/// hostile and would otherwise risk the stack.
pub const MAX_DEPTH: usize = 128;

pub use crate::format::pos::Pos;

/// The one JSON writer (export, drafts, the editor's completions).
pub mod write;

/// The parser itself: the text, a byte offset into it, and one method per kind of value.
mod parser;

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Node>),
    /// Members in source order; duplicates are kept so the decoder can warn about them.
    Object(Vec<(Key, Node)>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Key {
    pub name: String,
    pub pos: Pos,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub value: Value,
    pub pos: Pos,
}

impl Node {
    /// The JSON type name used in messages ("string", "object", …).
    pub fn type_name(&self) -> &'static str {
        match self.value {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        }
    }
}

/// Why the text is not JSON at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyntaxKind {
    Empty,
    Utf16,
    /// A byte that is not UTF-8 (the first one), in a file of no encoding recognised.
    InvalidUtf8(u8),
    UnexpectedEnd,
    UnexpectedChar(char),
    ExpectedValue,
    ExpectedColon,
    ExpectedCommaOrEnd(char),
    ExpectedKey,
    TrailingComma,
    BadEscape,
    /// `\uD800`–`\uDFFF` not in a high-low pair: no character at all.
    LoneSurrogate,
    BadNumber,
    /// A well-written number beyond what a double holds (`1e400`).
    NumberTooLarge,
    ControlInString,
    TooDeep,
    TrailingText,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxKind,
    pub pos: Pos,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} at line {}, column {}",
            self.kind, self.pos.line, self.pos.column
        )
    }
}

/// Result of reading bytes that should be a UTF-8 JSON document.
pub struct Parsed {
    pub root: Node,
    /// A UTF-8 byte order mark was present and skipped.
    pub had_bom: bool,
}

/// Decodes bytes (as read from a file or a download) and parses them.
pub fn parse_bytes(bytes: &[u8]) -> Result<Parsed, SyntaxError> {
    if is_utf16(bytes) {
        return Err(SyntaxError {
            kind: SyntaxKind::Utf16,
            pos: Pos { line: 1, column: 1 },
        });
    }
    // Checked once (a 19 MB file was validated three times on its way in).
    match std::str::from_utf8(bytes) {
        Ok(text) => parse_str(text),
        // Never U+FFFD in place of what the author wrote: the first bad byte is an error, where
        // it is.
        Err(_) => {
            let (pos, byte) = crate::format::encoding::first_invalid(bytes)
                .unwrap_or((Pos { line: 1, column: 1 }, 0));
            Err(SyntaxError {
                kind: SyntaxKind::InvalidUtf8(byte),
                pos,
            })
        }
    }
}

/// A UTF-16 file, with or without its byte order mark (refused by [`parse_bytes`]).
pub fn is_utf16(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) || looks_utf16(bytes)
}

fn looks_utf16(bytes: &[u8]) -> bool {
    // "{\0" or "\0{": ASCII encoded as UTF-16 without a BOM.
    bytes.len() >= 2 && (bytes[1] == 0 && bytes[0] != 0 || bytes[0] == 0 && bytes[1] != 0)
}

/// Parses text; a leading BOM is skipped and reported.
pub fn parse_str(text: &str) -> Result<Parsed, SyntaxError> {
    let (text, had_bom) = match text.strip_prefix('\u{FEFF}') {
        Some(rest) => (rest, true),
        None => (text, false),
    };
    let root = parser::root(text)?;
    Ok(Parsed { root, had_bom })
}

#[cfg(test)]
mod tests;
