//! A tolerant scan of JSON text that may be broken or half typed: where the cursor is (the
//! path of the value under it, and whether it is inside a string) and where each array and
//! object starts and ends, with the spans of their items.
//!
//! The positioned parser in [`crate::format::json`] stops at the first syntax error; the writer's
//! text is broken most of the time they type, and completion and insertion must still work, so
//! this scanner never fails: it reads what it can and reports what is open at the end.

/// One step of a path: a member key or an array index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// An array or object seen in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Container {
    /// Its path from the root, e.g. `[Key("incident"), Key("phases")]`.
    pub path: Vec<Seg>,
    pub is_array: bool,
    /// Byte offset of `[` or `{`.
    pub open: usize,
    /// Byte offset of the matching `]` or `}`, when the text has it.
    pub close: Option<usize>,
    /// Byte spans of the elements (arrays) or members from key to value (objects).
    pub items: Vec<(usize, usize)>,
}

impl Container {
    pub fn contains(&self, offset: usize) -> bool {
        offset > self.open && self.close.is_none_or(|c| offset <= c)
    }
}

/// What the cursor is in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Spot {
    /// Inside an object key; its text starts at this byte (after the quote).
    Key { start: usize },
    /// Inside a string value; its text starts at this byte (after the quote).
    Text { start: usize },
    /// Where a value may be written (after `:`, or in an array), none written yet.
    Value,
    /// Anywhere else (between members, inside a number…).
    Other,
}

/// The scan of `text[..end]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outline {
    pub containers: Vec<Container>,
    /// The path of the slot at `end`: the containers open there, each with the key or index
    /// being written. Inside an object key, the path stops at the object.
    pub path: Vec<Seg>,
    pub spot: Spot,
}

impl Outline {
    /// The container at exactly this path, if the text has one.
    pub fn find(&self, path: &[Seg]) -> Option<&Container> {
        self.containers.iter().find(|c| c.path == path)
    }
}

struct Frame {
    container: usize,
    /// Object: the key of the member being written, once its string is read.
    key: Option<String>,
    /// Object: a `:` was read for the current member.
    after_colon: bool,
    /// Array: the index of the element being written.
    index: usize,
    /// A value was completed in the current slot.
    has_value: bool,
    /// Start of the current item.
    item_start: Option<usize>,
}

impl Frame {
    fn seg(&self, is_array: bool) -> Option<Seg> {
        if is_array {
            Some(Seg::Index(self.index))
        } else if self.after_colon {
            self.key.clone().map(Seg::Key)
        } else {
            None
        }
    }
}

/// Scans `text[..end]` (`end` is clamped to the text and to a character boundary).
pub fn scan(text: &str, end: usize) -> Outline {
    let mut end = end.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let bytes = &text.as_bytes()[..end];
    let mut containers: Vec<Container> = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    // Marks the start of a value in the top frame and returns nothing.
    fn begin_item(stack: &mut [Frame], at: usize) {
        if let Some(f) = stack.last_mut() {
            if f.item_start.is_none() {
                f.item_start = Some(at);
            }
        }
    }
    fn end_value(stack: &mut [Frame], containers: &mut [Container], at: usize) {
        if let Some(f) = stack.last_mut() {
            let c = &mut containers[f.container];
            if c.is_array || f.after_colon {
                f.has_value = true;
                if let Some(s) = f.item_start {
                    match c.items.last_mut() {
                        Some(last) if last.0 == s => last.1 = at,
                        _ => c.items.push((s, at)),
                    }
                }
            }
        }
    }
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'"' => {
                let start = i + 1;
                let mut j = start;
                let mut closed = false;
                while j < bytes.len() {
                    match bytes[j] {
                        b'\\' => j += 2,
                        b'"' => {
                            closed = true;
                            break;
                        }
                        b'\n' => break, // JSON strings have no raw line breaks: stop here
                        _ => j += 1,
                    }
                }
                let is_key = stack
                    .last()
                    .is_some_and(|f| !containers[f.container].is_array && !f.after_colon);
                begin_item(&mut stack, i);
                if !closed {
                    if j >= bytes.len() {
                        let spot = if is_key {
                            Spot::Key { start }
                        } else {
                            Spot::Text { start }
                        };
                        return finish(containers, &stack, spot, is_key);
                    }
                    // An unclosed string at a line end: treat the line's rest as its text.
                    i = j;
                    if !is_key {
                        end_value(&mut stack, &mut containers, j);
                    }
                    continue;
                }
                let s = String::from_utf8_lossy(&bytes[start..j.min(bytes.len())]).into_owned();
                if is_key {
                    if let Some(f) = stack.last_mut() {
                        f.key = Some(unescape(&s));
                    }
                } else {
                    end_value(&mut stack, &mut containers, j + 1);
                }
                i = j + 1;
            }
            b'{' | b'[' => {
                begin_item(&mut stack, i);
                let mut path = stack
                    .last()
                    .map_or_else(Vec::new, |f| containers[f.container].path.clone());
                if let Some(seg) = stack
                    .last()
                    .and_then(|f| f.seg(containers[f.container].is_array))
                {
                    path.push(seg);
                }
                containers.push(Container {
                    path,
                    is_array: b == b'[',
                    open: i,
                    close: None,
                    items: Vec::new(),
                });
                stack.push(Frame {
                    container: containers.len() - 1,
                    key: None,
                    after_colon: false,
                    index: 0,
                    has_value: false,
                    item_start: None,
                });
                i += 1;
            }
            b'}' | b']' => {
                if let Some(f) = stack.pop() {
                    containers[f.container].close = Some(i);
                }
                end_value(&mut stack, &mut containers, i + 1);
                i += 1;
            }
            b':' => {
                if let Some(f) = stack.last_mut() {
                    f.after_colon = true;
                    f.has_value = false;
                }
                i += 1;
            }
            b',' => {
                if let Some(f) = stack.last_mut() {
                    f.index += 1;
                    f.key = None;
                    f.after_colon = false;
                    f.has_value = false;
                    f.item_start = None;
                }
                i += 1;
            }
            b' ' | b'\t' | b'\n' | b'\r' => i += 1,
            _ => {
                // A number or literal: read it whole.
                begin_item(&mut stack, i);
                let mut j = i;
                while j < bytes.len() && !b" \t\r\n,:]}[{\"".contains(&bytes[j]) {
                    j += 1;
                }
                if j >= bytes.len() {
                    return finish(containers, &stack, Spot::Other, false);
                }
                end_value(&mut stack, &mut containers, j);
                i = j;
            }
        }
    }
    let spot = match stack.last() {
        Some(f) if !f.has_value && (containers[f.container].is_array || f.after_colon) => {
            Spot::Value
        }
        _ => Spot::Other,
    };
    finish(containers, &stack, spot, false)
}

fn finish(containers: Vec<Container>, stack: &[Frame], spot: Spot, in_key: bool) -> Outline {
    let mut path = stack
        .last()
        .map(|f| containers[f.container].path.clone())
        .unwrap_or_default();
    if let Some(f) = stack.last() {
        if !in_key {
            if let Some(seg) = f.seg(containers[f.container].is_array) {
                path.push(seg);
            }
        }
    }
    Outline {
        containers,
        path,
        spot,
    }
}

/// Keys are compared as written; only the common escapes matter for ids and field names.
fn unescape(s: &str) -> String {
    if !s.contains('\\') {
        return s.to_string();
    }
    s.replace("\\\"", "\"").replace("\\\\", "\\")
}

/// Shorthand for tests and callers: a path from keys and indices written as `"a.b.0"`.
pub fn path(spec: &str) -> Vec<Seg> {
    spec.split('.')
        .filter(|s| !s.is_empty())
        .map(|s| match s.parse() {
            Ok(n) => Seg::Index(n),
            Err(_) => Seg::Key(s.to_string()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, marker: &str) -> Outline {
        let cut = text.find(marker).expect("marker");
        let text = text.replacen(marker, "", 1);
        scan(&text, cut)
    }

    #[test]
    fn path_and_spot_inside_a_value_string() {
        let o = at(r#"{"timeline": [{"at": null}, {"kind": "det|"}]}"#, "|");
        assert_eq!(o.path, path("timeline.1.kind"));
        assert!(matches!(o.spot, Spot::Text { .. }));
    }

    #[test]
    fn path_in_a_key_stops_at_the_object() {
        let o = at(r#"{"incident": {"phases": [{"impact": {"po|"#, "|");
        assert_eq!(o.path, path("incident.phases.0.impact"));
        assert!(matches!(o.spot, Spot::Key { .. }));
    }

    #[test]
    fn value_slot_after_a_colon_and_in_an_array() {
        let o = at("{\"lang\": |", "|");
        assert_eq!((o.path, o.spot), (path("lang"), Spot::Value));
        let o = at("{\"letter\": {\"items\": [\"period\", |]}}", "|");
        assert_eq!((o.path, o.spot), (path("letter.items.1"), Spot::Value));
        let o = at("{\"lang\": \"ja\" |", "|");
        assert_eq!(o.spot, Spot::Other);
    }

    #[test]
    fn broken_text_before_the_cursor_does_not_stop_the_scan() {
        // A string left open on an earlier line, and a missing comma.
        let o = at("{\"a\": \"open\n \"b\": 1 \"c\": [1, 2, |", "|");
        assert_eq!(o.path.last(), Some(&Seg::Index(2)));
    }

    #[test]
    fn containers_have_spans_and_items() {
        let text = "{\n  \"timeline\": [\n    {\"a\": 1},\n    {\"b\": \"x\"}\n  ]\n}\n";
        let o = scan(text, text.len());
        let tl = o.find(&path("timeline")).expect("timeline");
        assert!(tl.is_array);
        assert_eq!(
            &text[tl.open..=tl.close.unwrap()].chars().next(),
            &Some('[')
        );
        let items: Vec<&str> = tl.items.iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(items, vec!["{\"a\": 1}", "{\"b\": \"x\"}"]);
        let root = o.find(&[]).expect("root");
        assert_eq!(root.items.len(), 1);
        assert_eq!(o.spot, Spot::Other);
    }

    #[test]
    fn escaped_quotes_do_not_end_a_string() {
        let o = at(r#"{"text": "say \"hi\" |"#, "|");
        assert!(matches!(o.spot, Spot::Text { .. }));
        assert_eq!(o.path, path("text"));
    }
}
