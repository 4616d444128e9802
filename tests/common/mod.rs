//! Helpers the native test files share: reading fixtures, and reading rendered HTML the way a
//! reader does (text without tags, words without the unbreakable-phrase spans, parts in order).
//!
//! `tests/common/mod.rs` (not `tests/common.rs`) so Cargo does not build it as a test of its
//! own; each test file that needs it says `mod common;` and uses what it needs.
#![allow(dead_code)]

/// A file under `tests/fixtures/`, e.g. `"zones/dst.json"`.
pub fn fixture(path: &str) -> String {
    let full = format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

/// A Statuspage export under `tests/fixtures/statuspage/`.
pub fn statuspage(name: &str) -> String {
    fixture(&format!("statuspage/{name}"))
}

/// The text of some HTML: every tag left out, character references as written.
pub fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// The HTML with the unbreakable-phrase spans (times, ids, addresses) taken out, their text
/// kept, so the tests read the words as a reader does.
pub fn without_phrase_spans(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<span class=\"hk-nobr") {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        let open_end = after.find('>').map_or(after.len(), |e| e + 1);
        let inner = &after[open_end..];
        let close = inner.find("</span>").unwrap_or(inner.len());
        out.push_str(&inner[..close]);
        rest = inner.get(close + "</span>".len()..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// Asserts that each needle occurs after the previous one.
pub fn in_order(html: &str, needles: &[&str]) {
    let mut from = 0;
    for needle in needles {
        match html[from..].find(needle) {
            Some(at) => from += at + needle.len(),
            None => panic!("{needle:?} missing or out of order after byte {from}:\n{html}"),
        }
    }
}
