//! A Statuspage update body → a structured `Text`.
//!
//! Bodies come in two kinds. Most before about 2019 are HTML (`<p>`, `<br>`, `<ul><li>`,
//! `<strong>`, `<a href>`, entities such as `&amp;` `&#39;`); newer ones are Markdown-like text
//! (`**bold**`, `- item`, `[label](url)`, bare URLs), which hokoku's own light markup reads
//! after their character references are resolved. A body is taken for HTML when it holds one
//! of the formatting tags below; a `<script>` alone does not make one, and in a Markdown-like
//! body it stays text as written.
//!
//! The HTML reader is a small tolerant tokenizer for that subset, never a renderer: it builds
//! text pieces only. Unknown tags are dropped with their text kept; `<script>`, `<style>` and
//! the like are dropped with their content; attributes other than `href` are never read (no
//! `on*=`, no `style`), and an `href` that is not http(s) leaves only its label as text.
//! Unclosed and stray tags are tolerated; nothing makes it fail.

use crate::model::safe;
use crate::model::text::{Block, Inline};
use crate::model::Text;

/// The text of a body, HTML or Markdown-like.
pub fn body_text(body: &str) -> Text {
    if looks_like_html(body) {
        from_html(body)
    } else {
        Text::from_markup(&references_as_markup(body))
    }
}

/// Formatting tags that only HTML bodies use.
fn looks_like_html(body: &str) -> bool {
    let lower = body.to_ascii_lowercase();
    let tag = lower.match_indices('<').any(|(i, _)| {
        let rest = lower[i + 1..].trim_start_matches('/');
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let after = rest[name.len()..].chars().next();
        FORMATTING.contains(&name.as_str())
            && matches!(after, Some('>' | ' ' | '/' | '\t' | '\n' | '\r'))
    });
    tag
}

const FORMATTING: &[&str] = &[
    "p",
    "br",
    "ul",
    "ol",
    "li",
    "a",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "div",
    "span",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "code",
    "pre",
    "blockquote",
    "table",
    "tr",
    "td",
    "th",
    "tbody",
    "thead",
    "font",
    "small",
    "sup",
    "sub",
    "dl",
    "dt",
    "dd",
];

/// Elements whose content is never text for a reader: dropped whole.
const DROPPED: &[&str] = &[
    "script", "style", "head", "title", "template", "iframe", "object", "noscript", "svg", "math",
    "textarea", "select",
];

/// Elements that end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "pre",
    "blockquote",
    "table",
    "tr",
    "section",
    "article",
    "header",
    "footer",
    "dl",
    "dt",
    "dd",
    "form",
];

/// Reads an HTML body (see the module doc).
pub fn from_html(body: &str) -> Text {
    let mut r = Reader::default();
    let mut rest = body;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            r.text(rest);
            break;
        };
        r.text(&rest[..lt]);
        rest = &rest[lt..];
        let after = &rest[1..];
        if let Some(comment) = after.strip_prefix("!--") {
            rest = comment.find("-->").map_or("", |e| &comment[e + 3..]);
            continue;
        }
        let starts_tag = after
            .trim_start_matches('/')
            .starts_with(|c: char| c.is_ascii_alphabetic() || c == '!' || c == '?');
        if !starts_tag {
            r.text("<");
            rest = after;
            continue;
        }
        // The tag runs to the next `>` outside quotes; an unclosed one is dropped.
        let end = tag_end(after).unwrap_or(after.len());
        let tag = &after[..end];
        rest = after.get(end + 1..).unwrap_or("");
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if !closing && DROPPED.contains(&name.as_str()) {
            rest = skip_element(rest, &name);
            continue;
        }
        r.tag(&name, closing, tag);
    }
    r.finish()
}

/// The index of the `>` that ends a tag, skipping quoted attribute values.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i),
            _ => {}
        }
    }
    None
}

/// What follows the end tag of a dropped element; nothing when it never closes.
fn skip_element<'a>(s: &'a str, name: &str) -> &'a str {
    let lower = s.to_ascii_lowercase();
    let close = format!("</{name}");
    match lower.find(&close) {
        Some(i) => {
            let after = &s[i + close.len()..];
            after.find('>').map_or("", |e| &after[e + 1..])
        }
        None => "",
    }
}

/// The value of `href` in a start tag's text, references resolved.
fn href(tag: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find("href") {
        let at = from + i;
        from = at + 4;
        let before = lower[..at].chars().last();
        if !matches!(before, Some(' ' | '\t' | '\n' | '\r' | '/')) {
            continue;
        }
        let rest = tag[at + 4..].trim_start();
        let Some(rest) = rest.strip_prefix('=') else {
            continue;
        };
        let rest = rest.trim_start();
        let value = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => rest[1..].split(q).next().unwrap_or(""),
            _ => rest.split([' ', '\t', '\n', '>']).next().unwrap_or(""),
        };
        return Some(decode_references(value).trim().to_string());
    }
    None
}

/// Builds the text while tags open and close.
#[derive(Default)]
struct Reader {
    blocks: Vec<Block>,
    /// The paragraph or list item being read.
    line: Vec<Inline>,
    /// Items of the list being read; `None` outside lists.
    items: Option<Vec<Vec<Inline>>>,
    list_depth: usize,
    /// Item numbers of the open `<ol>`s (0 for `<ul>`), innermost last.
    numbering: Vec<u32>,
    /// The outermost list is numbered: its items become numbered lines, not bullets.
    ordered: bool,
    emphasis: usize,
    /// An open `<a>`: its URL when http(s), and its label so far.
    link: Option<(Option<String>, String)>,
}

impl Reader {
    fn text(&mut self, raw: &str) {
        if raw.is_empty() {
            return;
        }
        let decoded = decode_references(raw);
        // Runs of spaces are one space; a line break stays one (bodies mix HTML and newlines).
        let mut s = String::with_capacity(decoded.len());
        for c in decoded.chars() {
            let c = if c == '\u{A0}' || c == '\t' { ' ' } else { c };
            if safe::is_hidden_char(c) || (c.is_control() && c != '\n') {
                continue;
            }
            if c == ' ' && s.ends_with(' ') {
                continue;
            }
            s.push(c);
        }
        if let Some((_, label)) = &mut self.link {
            label.push_str(&s.replace('\n', " "));
            return;
        }
        if self.items.is_some() && self.line.is_empty() && s.trim().is_empty() {
            return; // the spacing between items
        }
        self.line.push(if self.emphasis > 0 {
            Inline::Emphasis(s)
        } else {
            Inline::Plain(s)
        });
    }

    fn tag(&mut self, name: &str, closing: bool, raw: &str) {
        match (name, closing) {
            ("br", _) => self.push(Inline::Break),
            ("strong" | "b" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6", false) => {
                if name.starts_with('h') {
                    self.end_line();
                }
                self.emphasis += 1;
            }
            ("strong" | "b" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6", true) => {
                self.emphasis = self.emphasis.saturating_sub(1);
                if name.starts_with('h') {
                    self.end_line();
                }
            }
            ("a", false) => {
                self.close_link();
                let url = href(raw).filter(|u| safe::is_web_url(u));
                self.link = Some((url, String::new()));
            }
            ("a", true) => self.close_link(),
            ("ul" | "ol", false) => {
                if self.list_depth == 0 {
                    self.end_line();
                    self.items = Some(Vec::new());
                    self.ordered = name == "ol";
                } else {
                    self.end_item();
                }
                self.list_depth += 1;
                self.numbering.push(u32::from(name == "ol"));
            }
            ("ul" | "ol", true) if self.list_depth > 0 => {
                self.end_item();
                self.numbering.pop();
                self.list_depth -= 1;
                if self.list_depth == 0 {
                    self.end_list();
                }
            }
            ("li", false) => {
                if self.items.is_none() {
                    self.end_line();
                    self.items = Some(Vec::new());
                }
                self.end_item();
                if let Some(n) = self.numbering.last_mut().filter(|n| **n > 0) {
                    let label = format!("{n}. ");
                    *n += 1;
                    self.line.push(Inline::Plain(label));
                }
            }
            ("li", true) => self.end_item(),
            (name, _) if BLOCKS.contains(&name) => {
                if self.items.is_some() {
                    self.push(Inline::Break);
                } else {
                    self.end_line();
                }
            }
            ("td" | "th", false) => self.text(" "),
            _ => {} // unknown or inline tags: their text is kept, the tag is not
        }
    }

    fn push(&mut self, inline: Inline) {
        match &mut self.link {
            Some((_, label)) => label.push(' '),
            None => self.line.push(inline),
        }
    }

    fn close_link(&mut self) {
        if let Some((url, label)) = self.link.take() {
            self.line.push(match url {
                Some(url) => Inline::Link { label, url },
                None if self.emphasis > 0 => Inline::Emphasis(label),
                None => Inline::Plain(label),
            });
        }
    }

    fn end_item(&mut self) {
        self.close_link();
        let line = std::mem::take(&mut self.line);
        if let Some(items) = &mut self.items {
            if !line.is_empty() {
                items.push(line);
            }
        } else {
            self.blocks.push(Block::Paragraph(line));
        }
    }

    fn end_list(&mut self) {
        self.end_item();
        match self.items.take() {
            // 「1. …」「2. …」 as written lines: a bullet before a number would say it twice.
            Some(items) if self.ordered => {
                let lines: Vec<Inline> = items
                    .into_iter()
                    .flat_map(|item| std::iter::once(Inline::Break).chain(item))
                    .collect();
                self.blocks.push(Block::Paragraph(lines));
            }
            Some(items) => self.blocks.push(Block::List(items)),
            None => {}
        }
        self.ordered = false;
    }

    /// Ends the paragraph (and any list left open without its end tag).
    fn end_line(&mut self) {
        self.close_link();
        if self.items.is_some() {
            self.end_list();
            self.list_depth = 0;
            self.numbering.clear();
        }
        let line = std::mem::take(&mut self.line);
        self.blocks.push(Block::Paragraph(line));
    }

    fn finish(mut self) -> Text {
        self.end_line();
        Text::new(self.blocks)
    }
}

/// A Markdown-like body with its references resolved into markup that reads as the character
/// (`&#42;` is a star, not emphasis).
fn references_as_markup(s: &str) -> String {
    resolve_references(s, |out, c| {
        // A reference never brings in what the text itself may not hold.
        if !safe::is_hidden_char(c) && !(c.is_control() && c != '\n') {
            if c.is_ascii_punctuation() {
                out.push('\\');
            }
            out.push(if c == '\u{A0}' { ' ' } else { c });
        }
    })
}

/// Text with its character references resolved; an unknown one stays as written.
pub fn decode_references(s: &str) -> String {
    resolve_references(s, |out, c| out.push(c))
}

/// The one walk over character references: `put` writes what a resolved one becomes; an
/// unknown one stays as written.
fn resolve_references(s: &str, mut put: impl FnMut(&mut String, char)) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        match reference(rest) {
            Some((c, len)) => {
                put(&mut out, c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character a reference at the start of `s` stands for, and its length. A code point that
/// is not a character (NUL, a surrogate, beyond U+10FFFF) reads as U+FFFD.
fn reference(s: &str) -> Option<(char, usize)> {
    let body = s.strip_prefix('&')?;
    let end = body.find(';').filter(|e| *e <= 32)?;
    let name = &body[..end];
    let len = end + 2;
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        let c = char::from_u32(code)
            .filter(|c| *c != '\0')
            .unwrap_or('\u{FFFD}');
        return Some((c, len));
    }
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "bull" => '•',
        "middot" => '·',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "times" => '×',
        "rarr" => '→',
        "larr" => '←',
        "euro" => '€',
        "yen" => '¥',
        "pound" => '£',
        _ => return None,
    };
    Some((c, len))
}
