//! The JSON parser behind [`parse_str`](super::parse_str): the text and a byte offset into it,
//! one method per kind of value, each value returned with the line and column it starts at.

use super::*;

/// The document's root value: the whole text must be one value between optional whitespace.
pub(super) fn root(text: &str) -> Result<Node, SyntaxError> {
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
    Ok(root)
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
pub(super) fn string_stop(bytes: &[u8], from: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH != 0;
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        let control = w.wrapping_sub(ONES * 0x20) & !w & HIGH != 0;
        if control
            || has_zero(w ^ (ONES * u64::from(b'"')))
            || has_zero(w ^ (ONES * u64::from(b'\\')))
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
