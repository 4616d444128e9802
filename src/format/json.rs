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
    let mut p = Parser {
        text,
        at: 0,
        pos: Pos { line: 1, column: 1 },
    };
    p.skip_ws();
    if p.peek().is_none() {
        return Err(SyntaxError {
            kind: SyntaxKind::Empty,
            pos: p.pos,
        });
    }
    let root = p.value(0)?;
    p.skip_ws();
    if p.peek().is_some() {
        return Err(p.err(SyntaxKind::TrailingText));
    }
    Ok(Parsed { root, had_bom })
}

/// The text and a byte offset into it, rather than a character iterator: plain runs of a
/// string are then copied as one slice (see `string`), which matters for the one giant value a
/// hostile or pasted file may hold (a 19 MB title was parsed a character at a time).
struct Parser<'a> {
    text: &'a str,
    /// Byte offset of the next character; always on a character boundary.
    at: usize,
    pos: Pos,
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        match self.text.as_bytes().get(self.at) {
            Some(&b) if b.is_ascii() => Some(b as char),
            Some(_) => self.text[self.at..].chars().next(),
            None => None,
        }
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += c.len_utf8();
        if c == '\n' {
            self.pos.line += 1;
            self.pos.column = 1;
        } else {
            self.pos.column += 1;
        }
        Some(c)
    }

    fn err(&self, kind: SyntaxKind) -> SyntaxError {
        SyntaxError {
            kind,
            pos: self.pos,
        }
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(' ' | '\t' | '\n' | '\r')) {
            self.bump();
        }
    }

    fn expect_word(&mut self, word: &str, value: Value, pos: Pos) -> Result<Node, SyntaxError> {
        for expected in word.chars() {
            match self.peek() {
                Some(c) if c == expected => {
                    self.bump();
                }
                Some(c) => return Err(self.err(SyntaxKind::UnexpectedChar(c))),
                None => return Err(self.err(SyntaxKind::UnexpectedEnd)),
            }
        }
        Ok(Node { value, pos })
    }

    fn value(&mut self, depth: usize) -> Result<Node, SyntaxError> {
        let pos = self.pos;
        match self.peek() {
            None => Err(self.err(SyntaxKind::UnexpectedEnd)),
            Some('{') => {
                if depth >= MAX_DEPTH {
                    return Err(self.err(SyntaxKind::TooDeep));
                }
                self.object(depth + 1, pos)
            }
            Some('[') => {
                if depth >= MAX_DEPTH {
                    return Err(self.err(SyntaxKind::TooDeep));
                }
                self.array(depth + 1, pos)
            }
            Some('"') => Ok(Node {
                value: Value::String(self.string()?),
                pos,
            }),
            Some('t') => self.expect_word("true", Value::Bool(true), pos),
            Some('f') => self.expect_word("false", Value::Bool(false), pos),
            Some('n') => self.expect_word("null", Value::Null, pos),
            Some(c) if c == '-' || c.is_ascii_digit() => self.number(pos),
            Some(c) => Err(self.err(SyntaxKind::UnexpectedChar(c))),
        }
    }

    fn object(&mut self, depth: usize, pos: Pos) -> Result<Node, SyntaxError> {
        self.bump();
        let mut members = Vec::new();
        self.skip_ws();
        if self.peek() == Some('}') {
            self.bump();
            return Ok(Node {
                value: Value::Object(members),
                pos,
            });
        }
        loop {
            self.skip_ws();
            let key_pos = self.pos;
            match self.peek() {
                Some('"') => {}
                Some('}') if !members.is_empty() => return Err(self.err(SyntaxKind::TrailingComma)),
                None => return Err(self.err(SyntaxKind::UnexpectedEnd)),
                Some(_) => return Err(self.err(SyntaxKind::ExpectedKey)),
            }
            let name = self.string()?;
            self.skip_ws();
            match self.peek() {
                Some(':') => {
                    self.bump();
                }
                None => return Err(self.err(SyntaxKind::UnexpectedEnd)),
                Some(_) => return Err(self.err(SyntaxKind::ExpectedColon)),
            }
            self.skip_ws();
            let value = self.value(depth)?;
            members.push((Key { name, pos: key_pos }, value));
            self.skip_ws();
            match self.peek() {
                Some(',') => {
                    self.bump();
                }
                Some('}') => {
                    self.bump();
                    return Ok(Node {
                        value: Value::Object(members),
                        pos,
                    });
                }
                None => return Err(self.err(SyntaxKind::UnexpectedEnd)),
                Some(_) => return Err(self.err(SyntaxKind::ExpectedCommaOrEnd('}'))),
            }
        }
    }

    fn array(&mut self, depth: usize, pos: Pos) -> Result<Node, SyntaxError> {
        self.bump();
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(']') {
            self.bump();
            return Ok(Node {
                value: Value::Array(items),
                pos,
            });
        }
        loop {
            self.skip_ws();
            match self.peek() {
                Some(']') => return Err(self.err(SyntaxKind::TrailingComma)),
                None => return Err(self.err(SyntaxKind::UnexpectedEnd)),
                Some(_) => {}
            }
            items.push(self.value(depth)?);
            self.skip_ws();
            match self.peek() {
                Some(',') => {
                    self.bump();
                }
                Some(']') => {
                    self.bump();
                    return Ok(Node {
                        value: Value::Array(items),
                        pos,
                    });
                }
                None => return Err(self.err(SyntaxKind::UnexpectedEnd)),
                Some(_) => return Err(self.err(SyntaxKind::ExpectedCommaOrEnd(']'))),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let mut v = 0;
        for _ in 0..4 {
            let d = self
                .peek()
                .and_then(|c| c.to_digit(16))
                .ok_or(self.err(SyntaxKind::BadEscape))?;
            self.bump();
            v = v * 16 + d;
        }
        Ok(v)
    }

    fn string(&mut self) -> Result<String, SyntaxError> {
        self.bump(); // opening quote
        let mut out = String::new();
        loop {
            self.plain_run(&mut out);
            let c = match self.peek() {
                None => return Err(self.err(SyntaxKind::UnexpectedEnd)),
                Some(c) => c,
            };
            match c {
                '"' => {
                    self.bump();
                    return Ok(out);
                }
                '\\' => {
                    self.bump();
                    let e = self.peek().ok_or(self.err(SyntaxKind::UnexpectedEnd))?;
                    let simple = match e {
                        '"' => Some('"'),
                        '\\' => Some('\\'),
                        '/' => Some('/'),
                        'b' => Some('\u{8}'),
                        'f' => Some('\u{c}'),
                        'n' => Some('\n'),
                        'r' => Some('\r'),
                        't' => Some('\t'),
                        'u' => None,
                        _ => return Err(self.err(SyntaxKind::BadEscape)),
                    };
                    self.bump();
                    match simple {
                        Some(ch) => out.push(ch),
                        None => {
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi) {
                                // A high surrogate must be followed by an escaped low one.
                                if self.peek() != Some('\\') {
                                    return Err(self.err(SyntaxKind::LoneSurrogate));
                                }
                                self.bump();
                                if self.peek() != Some('u') {
                                    return Err(self.err(SyntaxKind::LoneSurrogate));
                                }
                                self.bump();
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(self.err(SyntaxKind::LoneSurrogate));
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            // A lone low surrogate has no character either: the same error as
                            // a lone high one, never a silent U+FFFD.
                            match char::from_u32(code) {
                                Some(c) => out.push(c),
                                None => return Err(self.err(SyntaxKind::LoneSurrogate)),
                            }
                        }
                    }
                }
                c if (c as u32) < 0x20 => return Err(self.err(SyntaxKind::ControlInString)),
                c => {
                    self.bump();
                    out.push(c);
                }
            }
        }
    }

    /// Copies the run of characters up to the next quote, backslash or control character in
    /// one slice. Those stop bytes are ASCII, so the run ends on a character boundary, and it
    /// holds no line break (a control character), so only the column moves.
    fn plain_run(&mut self, out: &mut String) {
        let bytes = self.text.as_bytes();
        let start = self.at;
        let end = string_stop(bytes, start);
        if end > start {
            let run = &self.text[start..end];
            out.push_str(run);
            self.pos.column += run.chars().count() as u32;
            self.at = end;
        }
    }

    fn number(&mut self, pos: Pos) -> Result<Node, SyntaxError> {
        let mut text = String::new();
        if self.peek() == Some('-') {
            text.push('-');
            self.bump();
        }
        let digits = |p: &mut Self, text: &mut String| {
            let mut n = 0;
            while let Some(c) = p.peek().filter(char::is_ascii_digit) {
                text.push(c);
                p.bump();
                n += 1;
            }
            n
        };
        let int_start = text.len();
        if digits(self, &mut text) == 0 {
            return Err(self.err(SyntaxKind::BadNumber));
        }
        if text[int_start..].len() > 1 && text[int_start..].starts_with('0') {
            return Err(SyntaxError {
                kind: SyntaxKind::BadNumber,
                pos,
            });
        }
        if self.peek() == Some('.') {
            text.push('.');
            self.bump();
            if digits(self, &mut text) == 0 {
                return Err(self.err(SyntaxKind::BadNumber));
            }
        }
        if matches!(self.peek(), Some('e' | 'E')) {
            text.push('e');
            self.bump();
            if let Some(c @ ('+' | '-')) = self.peek() {
                text.push(c);
                self.bump();
            }
            if digits(self, &mut text) == 0 {
                return Err(self.err(SyntaxKind::BadNumber));
            }
        }
        let n: f64 = text.parse().map_err(|_| SyntaxError {
            kind: SyntaxKind::BadNumber,
            pos,
        })?;
        if !n.is_finite() {
            return Err(SyntaxError {
                kind: SyntaxKind::NumberTooLarge,
                pos,
            });
        }
        Ok(Node {
            value: Value::Number(n),
            pos,
        })
    }
}

/// The first quote, backslash or control character of `bytes` from `from` on (or the end),
/// eight bytes at a time: a string of megabytes (a pasted log, a hostile title) is one run.
/// The word tests are the classic exact "has a zero byte" / "has a byte below n" bit tricks;
/// the word that has one is then searched byte by byte.
fn string_stop(bytes: &[u8], from: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH != 0;
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        let control = w.wrapping_sub(ONES * 0x20) & !w & HIGH != 0;
        if control || has_zero(w ^ (ONES * u64::from(b'"'))) || has_zero(w ^ (ONES * u64::from(b'\\')))
        {
            break;
        }
        i += 8;
    }
    bytes[i..]
        .iter()
        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        .map_or(bytes.len(), |n| i + n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> SyntaxError {
        parse_str(text).err().expect("should fail")
    }

    #[test]
    fn positions_of_nested_values() {
        let p = parse_str("{\n  \"a\": [1,\n   true]\n}").unwrap();
        let Value::Object(m) = &p.root.value else {
            panic!()
        };
        assert_eq!(m[0].0.pos, Pos { line: 2, column: 3 });
        let Value::Array(items) = &m[0].1.value else {
            panic!()
        };
        assert_eq!(items[1].pos, Pos { line: 3, column: 4 });
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let e = err("{\"名前\": x}");
        assert_eq!(e.pos, Pos { line: 1, column: 8 });
        assert_eq!(e.kind, SyntaxKind::UnexpectedChar('x'));
    }

    #[test]
    fn strings_copied_by_runs_keep_text_and_positions() {
        // Runs of plain text (ASCII, kana, an emoji) between escapes, then a value after them.
        let text = "{\"t\": \"障害a\\n😀b\\u3042c\\\"\", \"n\": x}";
        let e = err(text);
        // {"t": "障害a\n😀b\u3042c\"", "n": x  → x is the 32nd character.
        assert_eq!(
            e.pos,
            Pos {
                line: 1,
                column: 32
            }
        );
        let parsed = parse_str("{\"t\": \"障害a\\n😀b\\u3042c\\\"\"}").unwrap();
        let Value::Object(members) = parsed.root.value else {
            panic!("an object")
        };
        assert_eq!(members[0].1.value, Value::String("障害a\n😀bあc\"".into()));
        // A control character inside a run is still an error at its own column.
        assert_eq!(err("[\"ab\tc\"]").pos, Pos { line: 1, column: 5 });
    }

    #[test]
    fn the_word_scan_stops_where_the_byte_scan_does() {
        let slow = |b: &[u8], from: usize| {
            b[from..]
                .iter()
                .position(|&c| c == b'"' || c == b'\\' || c < 0x20)
                .map_or(b.len(), |n| from + n)
        };
        // Every stop byte (and its neighbours) at every offset of a word and beyond.
        for stop in (0u8..0x21).chain([b'"', b'\\', b'!', b'#', b'[', b']', 0x7F, 0x80, 0xFF]) {
            for at in 0..20 {
                let mut bytes = vec![b'a'; 24];
                bytes[at] = stop;
                for from in 0..=at.min(9) {
                    assert_eq!(string_stop(&bytes, from), slow(&bytes, from), "{stop:#x} at {at} from {from}");
                }
            }
        }
        let japanese = "長い件名".repeat(100);
        assert_eq!(string_stop(japanese.as_bytes(), 0), japanese.len());
        assert_eq!(string_stop(b"", 0), 0);
    }

    #[test]
    fn syntax_errors() {
        assert_eq!(err("").kind, SyntaxKind::Empty);
        assert_eq!(err("  \n ").kind, SyntaxKind::Empty);
        assert_eq!(err("{\"a\": 1").kind, SyntaxKind::UnexpectedEnd);
        assert_eq!(err("{\"a\": 1,}").kind, SyntaxKind::TrailingComma);
        assert_eq!(err("[1,]").kind, SyntaxKind::TrailingComma);
        assert_eq!(err("{a: 1}").kind, SyntaxKind::ExpectedKey);
        assert_eq!(err("{\"a\" 1}").kind, SyntaxKind::ExpectedColon);
        assert_eq!(err("[1 2]").kind, SyntaxKind::ExpectedCommaOrEnd(']'));
        assert_eq!(err("\"\\x\"").kind, SyntaxKind::BadEscape);
        assert_eq!(err("01").kind, SyntaxKind::BadNumber);
        assert_eq!(err("1e999").kind, SyntaxKind::NumberTooLarge);
        assert_eq!(err("-1e400").kind, SyntaxKind::NumberTooLarge);
        assert_eq!(err("\"a\nb\"").kind, SyntaxKind::ControlInString);
        assert_eq!(err("{} x").kind, SyntaxKind::TrailingText);
        assert_eq!(err("nul").kind, SyntaxKind::UnexpectedEnd);
    }

    #[test]
    fn depth_limit() {
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse_str(&ok).is_ok());
        let deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert_eq!(err(&deep).kind, SyntaxKind::TooDeep);
        // Far deeper input must fail cleanly, not overflow the stack.
        let hostile = "[".repeat(100_000);
        assert_eq!(err(&hostile).kind, SyntaxKind::TooDeep);
    }

    #[test]
    fn escapes_and_surrogates() {
        let p = parse_str(r#""\u00e9\ud83d\ude00\n\"""#).unwrap();
        assert_eq!(p.root.value, Value::String("é😀\n\"".into()));
        assert_eq!(err(r#""\ud83d""#).kind, SyntaxKind::LoneSurrogate);
        assert_eq!(err(r#""\ude00""#).kind, SyntaxKind::LoneSurrogate);
        assert_eq!(err(r#""\ud83d\u0041""#).kind, SyntaxKind::LoneSurrogate);
    }

    #[test]
    fn bom_and_utf16() {
        let p = parse_bytes("\u{FEFF}{}".as_bytes()).unwrap();
        assert!(p.had_bom);
        assert_eq!(
            parse_bytes(&[0xFF, 0xFE, b'{', 0, b'}', 0])
                .err()
                .unwrap()
                .kind,
            SyntaxKind::Utf16
        );
        assert_eq!(
            parse_bytes(&[b'{', 0, b'}', 0]).err().unwrap().kind,
            SyntaxKind::Utf16
        );
    }

    #[test]
    fn duplicate_keys_are_kept() {
        let p = parse_str(r#"{"a":1,"a":2}"#).unwrap();
        let Value::Object(m) = p.root.value else {
            panic!()
        };
        assert_eq!(m.len(), 2);
    }
}
