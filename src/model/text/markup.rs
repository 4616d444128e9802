//! hokoku's light markup for a text, read and written (docs/schema.md, "Text"):
//!
//! - a blank line separates paragraphs; a single line break stays a line break;
//! - a line starting with `- ` or `* ` is a list item; a following indented line continues it;
//! - `**bold**` is emphasis (not across lines);
//! - `[label](https://…)` is a link, and so is a bare `http(s)://…` URL; a link to anything
//!   else stays text as written;
//! - a backslash before ASCII punctuation makes it plain (`\*`, `\[`, `\\`).
//!
//! Nothing else is read: HTML stays text. `write` escapes exactly what `parse` would read, so
//! `parse(write(t)) == t` for every canonical text (a property test says so).

use super::{Block, Inline, Text, EDGE};
use crate::model::safe;

/// Reads markup into a canonical text. Never fails: what is not markup is text.
pub fn parse(s: &str) -> Text {
    // Copied only when it holds a carriage return (rare): this runs on every text of a file.
    let s = if s.contains('\r') {
        std::borrow::Cow::Owned(s.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        std::borrow::Cow::Borrowed(s)
    };
    let mut blocks: Vec<Block> = Vec::new();
    // The block being read: a paragraph, or a list whose last item may continue.
    let mut para: Vec<Inline> = Vec::new();
    let mut items: Vec<Vec<Inline>> = Vec::new();
    let flush_para = |para: &mut Vec<Inline>, blocks: &mut Vec<Block>| {
        if !para.is_empty() {
            blocks.push(Block::Paragraph(std::mem::take(para)));
        }
    };
    let flush_list = |items: &mut Vec<Vec<Inline>>, blocks: &mut Vec<Block>| {
        if !items.is_empty() {
            blocks.push(Block::List(std::mem::take(items)));
        }
    };
    for raw in s.split('\n') {
        let line = raw.trim_matches(EDGE);
        if line.is_empty() {
            flush_para(&mut para, &mut blocks);
            flush_list(&mut items, &mut blocks);
            continue;
        }
        if let Some(content) = item_content(line) {
            flush_para(&mut para, &mut blocks);
            items.push(inlines(content));
            continue;
        }
        let indented = raw.starts_with(EDGE);
        match items.last_mut() {
            Some(item) if indented => {
                item.push(Inline::Break);
                item.extend(inlines(line));
            }
            _ => {
                flush_list(&mut items, &mut blocks);
                if !para.is_empty() {
                    para.push(Inline::Break);
                }
                para.extend(inlines(line));
            }
        }
    }
    flush_para(&mut para, &mut blocks);
    flush_list(&mut items, &mut blocks);
    Text::new(blocks)
}

/// The content of a list item line (`- x`, `* x`), already trimmed.
fn item_content(line: &str) -> Option<&str> {
    let rest = line
        .strip_prefix("- ")
        .or_else(|| line.strip_prefix("* "))
        .or_else(|| line.strip_prefix("-\t"))
        .or_else(|| line.strip_prefix("*\t"))?;
    let rest = rest.trim_start_matches(EDGE);
    (!rest.is_empty()).then_some(rest)
}

/// The inlines of one line.
fn inlines(line: &str) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    let mut plain = String::new();
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        // Text up to the next character that may start markup (an escape, `**`, `[`, the `h`
        // of a URL) is plain: copied as one run rather than tried a character at a time (a
        // 1,300-report history spent 130 ms here).
        let run = rest
            .bytes()
            .position(|b| matches!(b, b'\\' | b'*' | b'[' | b'h' | b'H'))
            .unwrap_or(rest.len());
        if run > 0 {
            plain.push_str(&rest[..run]);
            rest = &rest[run..];
            continue;
        }
        if c == '\\' {
            if let Some(p) = rest[1..]
                .chars()
                .next()
                .filter(|p| p.is_ascii_punctuation())
            {
                plain.push(p);
                rest = &rest[1 + p.len_utf8()..];
                continue;
            }
        } else if rest.starts_with("**") {
            if let Some((inner, after)) = emphasis(&rest[2..]) {
                take_plain(&mut plain, &mut out);
                out.push(Inline::Emphasis(inner));
                rest = after;
                continue;
            }
            // Not emphasis: both stars are text (the second must not open one either).
            plain.push_str("**");
            rest = &rest[2..];
            continue;
        } else if c == '[' {
            if let Some((label, url, after)) = bracket_link(&rest[1..]) {
                take_plain(&mut plain, &mut out);
                out.push(Inline::Link { label, url });
                rest = after;
                continue;
            }
        } else if !plain.ends_with(|p: char| p.is_ascii_alphanumeric()) {
            if let Some(len) = bare_url(rest) {
                take_plain(&mut plain, &mut out);
                out.push(Inline::Link {
                    label: rest[..len].to_string(),
                    url: rest[..len].to_string(),
                });
                rest = &rest[len..];
                continue;
            }
        }
        plain.push(c);
        rest = &rest[c.len_utf8()..];
    }
    take_plain(&mut plain, &mut out);
    out
}

fn take_plain(plain: &mut String, out: &mut Vec<Inline>) {
    if !plain.is_empty() {
        out.push(Inline::Plain(std::mem::take(plain)));
    }
}

/// After `**`: the emphasised text up to the next unescaped `**`, when it neither starts nor
/// ends with a space; and what follows.
fn emphasis(s: &str) -> Option<(String, &str)> {
    let mut inner = String::new();
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        if rest.starts_with("**") {
            let ok = !inner.is_empty()
                && !inner.starts_with(EDGE)
                && !s[..i].ends_with(EDGE)
                && !s[..i].starts_with(EDGE);
            return ok.then(|| (inner, &s[i + 2..]));
        }
        let c = rest.chars().next()?;
        if c == '\\' {
            if let Some(p) = rest[1..]
                .chars()
                .next()
                .filter(|p| p.is_ascii_punctuation())
            {
                inner.push(p);
                i += 1 + p.len_utf8();
                continue;
            }
        }
        inner.push(c);
        i += c.len_utf8();
    }
    None
}

/// After `[`: `label](url)` with an http(s) URL; and what follows. Backslash escapes apply in
/// both parts.
fn bracket_link(s: &str) -> Option<(String, String, &str)> {
    let (label, after) = until(s, ']')?;
    let after = after.strip_prefix('(')?;
    let (url, after) = until(after, ')')?;
    safe::is_web_url(&url).then_some((label, url, after))
}

/// Text up to an unescaped `end` (escapes resolved), and what follows it.
fn until(s: &str, end: char) -> Option<(String, &str)> {
    let mut out = String::new();
    let mut chars = s.char_indices();
    while let Some((i, c)) = chars.next() {
        if c == end {
            return Some((out, &s[i + c.len_utf8()..]));
        }
        if c == '\\' {
            if let Some(p) = s[i + 1..]
                .chars()
                .next()
                .filter(|p| p.is_ascii_punctuation())
            {
                out.push(p);
                chars.next();
                continue;
            }
        }
        out.push(c);
    }
    None
}

/// Characters a bare URL runs over: visible ASCII but the ones that end it in prose.
fn url_char(c: char) -> bool {
    c.is_ascii_graphic() && !matches!(c, '<' | '>' | '"' | '\\' | '`' | '*')
}

/// The length of a bare http(s) URL at the start of `s`, without the punctuation that ends a
/// sentence after it (a closing parenthesis only when none opened inside the URL).
pub(crate) fn bare_url(s: &str) -> Option<usize> {
    // Bytes, case aside: the scheme is ASCII, so no other character can match it.
    let starts = |scheme: &str| {
        s.as_bytes()
            .get(..scheme.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(scheme.as_bytes()))
    };
    let scheme = if starts("https://") {
        8
    } else if starts("http://") {
        7
    } else {
        return None;
    };
    let mut len = s.find(|c: char| !url_char(c)).unwrap_or(s.len());
    loop {
        let url = &s[..len];
        let trims = match url.chars().last() {
            Some('.' | ',' | ':' | ';' | '!' | '?' | '\'') => true,
            Some(')') => url.matches('(').count() < url.matches(')').count(),
            _ => false,
        };
        if !trims || len <= scheme {
            break;
        }
        len -= 1;
    }
    (len > scheme).then_some(len)
}

/// The markup that `parse` reads back as `text`.
pub fn write(text: &Text) -> String {
    let mut out = String::new();
    for (i, block) in text.blocks.iter().enumerate() {
        if i > 0 {
            out.push_str("\n\n");
        }
        match block {
            Block::Paragraph(inlines) => write_lines(inlines, "", &mut out),
            Block::List(items) => {
                for (j, item) in items.iter().enumerate() {
                    if j > 0 {
                        out.push('\n');
                    }
                    out.push_str("- ");
                    write_lines(item, "  ", &mut out);
                }
            }
        }
    }
    out
}

/// Lines of inlines; lines after the first start with `indent` (an item's continuation).
fn write_lines(inlines: &[Inline], indent: &str, out: &mut String) {
    let mut line_start = true;
    for (k, inline) in inlines.iter().enumerate() {
        let next = inlines.get(k + 1);
        match inline {
            Inline::Break => {
                out.push('\n');
                out.push_str(indent);
                line_start = true;
                continue;
            }
            Inline::Plain(s) => {
                // A line that would read as a list item or be blank is kept a line of text.
                let s = escape(s);
                if line_start && (s.starts_with("- ") || s.starts_with("-\t")) {
                    out.push('\\');
                }
                out.push_str(&s);
            }
            Inline::Emphasis(s) => {
                out.push_str("**");
                out.push_str(&escape_in(s, &['\\', '*']));
                out.push_str("**");
            }
            Inline::Link { label, url } => {
                let after_word = out.ends_with(|c: char| c.is_ascii_alphanumeric());
                let next_extends = match next {
                    Some(Inline::Plain(s)) => escape(s).starts_with(url_char),
                    Some(Inline::Emphasis(_) | Inline::Link { .. }) => true,
                    Some(Inline::Break) | None => false,
                };
                if label == url && !after_word && !next_extends && bare_url(url) == Some(url.len())
                {
                    out.push_str(url);
                } else {
                    out.push('[');
                    out.push_str(&escape_in(label, &['\\', '[', ']']));
                    out.push_str("](");
                    out.push_str(&escape_in(url, &['\\', '(', ')']));
                    out.push(')');
                }
            }
        }
        line_start = false;
    }
}

/// Plain text escaped: backslashes, stars, brackets, and the colon of anything that would read
/// as a bare URL.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '*' | '[' => out.push('\\'),
            ':' => {
                let lower = out.to_ascii_lowercase();
                if lower.ends_with("http") || lower.ends_with("https") {
                    out.push('\\');
                }
            }
            _ => {}
        }
        out.push(c);
    }
    out
}

fn escape_in(s: &str, special: &[char]) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if special.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
