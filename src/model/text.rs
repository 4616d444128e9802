//! Structured text: what an event says, as paragraphs and bulleted lists of plain text,
//! emphasis and links, never markup.
//!
//! Texts arrive as hokoku's light markup (`markup`: blank lines, `- ` items, `**bold**`,
//! `[label](https://…)`, bare URLs) or as a Statuspage body in HTML (`format::import::html`).
//! Both build a `Text` through `Text::new`, which puts it in one canonical form, so that the
//! markup written by `Text::to_markup` reads back as the very same `Text`: an imported report
//! survives export and decoding unchanged. Views build text nodes from the structure; places
//! that hold one string (titles, search, feeds, aria labels) take `Text::plain`.
//!
//! Links are only ever http(s) URLs (`safe::is_web_url`); anything else stays text.

pub mod markup;

use super::safe;

/// A text of one or more blocks. Never holds an empty block, an empty line or markup.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text {
    pub blocks: Vec<Block>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// Lines of inlines separated by `Inline::Break`.
    Paragraph(Vec<Inline>),
    /// A bulleted list; each item is lines of inlines like a paragraph.
    List(Vec<Vec<Inline>>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    Plain(String),
    /// Shown in bold (Statuspage's `<strong>`, `<b>`, headings; markup `**…**`).
    Emphasis(String),
    /// An http(s) link; `label == url` for a bare URL.
    Link {
        label: String,
        url: String,
    },
    /// A line break inside a paragraph or an item.
    Break,
}

/// Whitespace trimmed at line edges and around emphasis. Only ASCII: a full-width space that
/// opens a Japanese line (字下げ) is the writer's.
pub(crate) const EDGE: [char; 2] = [' ', '\t'];

impl Text {
    /// The canonical form of `blocks`: line breaks inside plain text become `Break`s, lines lose
    /// their edge spaces, emphasis its edge spaces (kept outside it), empty pieces go, neighbours
    /// of one kind merge, a blank line splits a paragraph, adjacent lists become one, a link's
    /// label is one line (its URL when empty) and a link that is not http(s) is plain text.
    pub fn new(blocks: Vec<Block>) -> Text {
        let mut out: Vec<Block> = Vec::new();
        for block in blocks {
            match block {
                Block::Paragraph(inlines) => {
                    for para in split_blank_lines(lines(inlines)) {
                        out.push(Block::Paragraph(para));
                    }
                }
                Block::List(items) => {
                    let items: Vec<Vec<Inline>> = items
                        .into_iter()
                        .map(|item| split_blank_lines(lines(item)).concat_with_break())
                        .filter(|item| !item.is_empty())
                        .collect();
                    if items.is_empty() {
                        continue;
                    }
                    match out.last_mut() {
                        Some(Block::List(prev)) => prev.extend(items),
                        _ => out.push(Block::List(items)),
                    }
                }
            }
        }
        Text { blocks: out }
    }

    /// Plain text taken as it is: no markup is read from it (a status in words, a test).
    pub fn plain_text(s: &str) -> Text {
        Text::new(vec![Block::Paragraph(vec![Inline::Plain(s.to_string())])])
    }

    /// Reads hokoku's light markup (see `markup`).
    pub fn from_markup(s: &str) -> Text {
        markup::parse(s)
    }

    /// The light markup that `from_markup` reads back as this very text.
    pub fn to_markup(&self) -> String {
        markup::write(self)
    }

    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }

    /// The text for a place that holds a string: paragraphs apart by a blank line, list items
    /// on lines of their own after "- ", a link as its label with the URL after it.
    pub fn plain(&self) -> String {
        let mut out = String::new();
        for (i, block) in self.blocks.iter().enumerate() {
            if i > 0 {
                out.push_str("\n\n");
            }
            match block {
                Block::Paragraph(inlines) => plain_inlines(inlines, &mut out),
                Block::List(items) => {
                    for (j, item) in items.iter().enumerate() {
                        if j > 0 {
                            out.push('\n');
                        }
                        out.push_str("- ");
                        plain_inlines(item, &mut out);
                    }
                }
            }
        }
        out
    }

    /// The first line of the first block, as plain text: a one-line summary.
    pub fn first_line(&self) -> Option<String> {
        let first = match self.blocks.first()? {
            Block::Paragraph(inlines) => inlines,
            Block::List(items) => items.first()?,
        };
        let line: Vec<Inline> = first
            .iter()
            .take_while(|i| **i != Inline::Break)
            .cloned()
            .collect();
        let mut out = String::new();
        plain_inlines(&line, &mut out);
        (!out.is_empty()).then_some(out)
    }
}

/// Plain text as it is, no markup read (`Text::plain_text`).
impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text::plain_text(s)
    }
}

fn plain_inlines(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Plain(s) | Inline::Emphasis(s) => out.push_str(s),
            Inline::Link { label, url } if label == url => out.push_str(url),
            Inline::Link { label, url } => {
                out.push_str(label);
                out.push_str(" (");
                out.push_str(url);
                out.push(')');
            }
            Inline::Break => out.push('\n'),
        }
    }
}

/// Inlines split into lines, each canonical: `\n` inside text is a break, `\r` goes.
fn lines(inlines: Vec<Inline>) -> Vec<Vec<Inline>> {
    let mut out: Vec<Vec<Inline>> = vec![Vec::new()];
    for inline in inlines {
        let piece = match inline {
            Inline::Break => {
                out.push(Vec::new());
                continue;
            }
            Inline::Plain(s) if has_line_break(&s) => {
                split_into(&s, Inline::Plain, &mut out);
                continue;
            }
            Inline::Emphasis(s) if has_line_break(&s) => {
                split_into(&s, Inline::Emphasis, &mut out);
                continue;
            }
            Inline::Link { label, url } => {
                let label = safe::one_line(&label);
                if !safe::is_web_url(&url) {
                    Inline::Plain(label)
                } else if label.is_empty() {
                    Inline::Link {
                        label: url.clone(),
                        url,
                    }
                } else {
                    Inline::Link { label, url }
                }
            }
            other => other,
        };
        if let Some(line) = out.last_mut() {
            line.push(piece);
        }
    }
    out.into_iter().map(tidy_line).collect()
}

/// By bytes: a search for either of two characters decodes each one, on every text of a file.
fn has_line_break(s: &str) -> bool {
    s.bytes().any(|b| b == b'\n' || b == b'\r')
}

/// Text holding line breaks, as pieces of one kind on successive lines.
fn split_into(s: &str, kind: fn(String) -> Inline, out: &mut Vec<Vec<Inline>>) {
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    for (i, part) in s.split('\n').enumerate() {
        if i > 0 {
            out.push(Vec::new());
        }
        if let Some(line) = out.last_mut() {
            line.push(kind(part.to_string()));
        }
    }
}

/// One line in canonical form: emphasis without edge spaces (they stay outside it), no empty
/// pieces, neighbours of one kind merged, no spaces at the line's ends.
fn tidy_line(line: Vec<Inline>) -> Vec<Inline> {
    fn push(out: &mut Vec<Inline>, piece: Inline) {
        match (out.last_mut(), piece) {
            (_, Inline::Plain(s) | Inline::Emphasis(s)) if s.is_empty() => {}
            (Some(Inline::Plain(a)), Inline::Plain(b)) => a.push_str(&b),
            (Some(Inline::Emphasis(a)), Inline::Emphasis(b)) => a.push_str(&b),
            (_, piece) => out.push(piece),
        }
    }
    let mut out: Vec<Inline> = Vec::new();
    for piece in line {
        match piece {
            Inline::Emphasis(s) => {
                let start = s.len() - s.trim_start_matches(EDGE).len();
                let end = s.trim_end_matches(EDGE).len().max(start);
                push(&mut out, Inline::Plain(s[..start].to_string()));
                push(&mut out, Inline::Emphasis(s[start..end].to_string()));
                push(&mut out, Inline::Plain(s[end..].to_string()));
            }
            other => push(&mut out, other),
        }
    }
    if let Some(Inline::Plain(s)) = out.first_mut() {
        *s = s.trim_start_matches(EDGE).to_string();
        if s.is_empty() {
            out.remove(0);
        }
    }
    if let Some(Inline::Plain(s)) = out.last_mut() {
        s.truncate(s.trim_end_matches(EDGE).len());
        if s.is_empty() {
            out.pop();
        }
    }
    out
}

/// Paragraphs from lines: an empty line ends one.
fn split_blank_lines(lines: Vec<Vec<Inline>>) -> Vec<Vec<Inline>> {
    let mut out: Vec<Vec<Inline>> = Vec::new();
    let mut current: Vec<Inline> = Vec::new();
    for line in lines {
        if line.is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        if !current.is_empty() {
            current.push(Inline::Break);
        }
        current.extend(line);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

trait ConcatWithBreak {
    fn concat_with_break(self) -> Vec<Inline>;
}

impl ConcatWithBreak for Vec<Vec<Inline>> {
    /// An item holds no blank line: its paragraphs become lines.
    fn concat_with_break(self) -> Vec<Inline> {
        let mut out = Vec::new();
        for (i, para) in self.into_iter().enumerate() {
            if i > 0 {
                out.push(Inline::Break);
            }
            out.extend(para);
        }
        out
    }
}
