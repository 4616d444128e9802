//! Insert actions: a timeline event, a phase, a measure or a section written into the array
//! that holds it, at the cursor when the cursor is in that array, else at its end, creating
//! the array when the file has none. One replacement; the rest of the text stays as written.

use crate::model::Zone;

use crate::format::edit::outline::{self, Container, Seg};
use crate::format::edit::text::{indent_at, starts_line};
use crate::format::edit::Edit;

/// What to insert.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Snippet {
    /// A timeline event at this instant (RFC 3339).
    Event {
        at: String,
    },
    /// A phase with this id, starting at this instant.
    Phase {
        id: String,
        start: String,
    },
    Measure,
    Section,
}

/// Why nothing could be inserted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InsertError {
    /// The text has no object to put the array in (e.g. no `incident`), or it is not closed.
    NoPlace { path: String },
}

impl Snippet {
    /// Report-relative path of the array that holds it.
    fn array(&self) -> &'static [&'static str] {
        match self {
            Snippet::Event { .. } => &["timeline"],
            Snippet::Phase { .. } => &["incident", "phases"],
            Snippet::Measure => &["incident", "measures"],
            Snippet::Section => &["incident", "sections"],
        }
    }

    /// One line of JSON and the byte in it where the cursor goes (the first text to fill).
    fn text(&self) -> (String, usize) {
        let q = crate::format::json::write::quote;
        let line = match self {
            Snippet::Event { at } => {
                format!(
                    "{{ \"at\": {}, \"kind\": \"action\", \"text\": \"\" }}",
                    q(at)
                )
            }
            Snippet::Phase { id, start } => format!(
                "{{ \"id\": {}, \"start\": {}, \"summary\": \"\", \"impact\": {{}} }}",
                q(id),
                q(start)
            ),
            Snippet::Measure => "{ \"text\": \"\", \"status\": \"planned\" }".to_string(),
            Snippet::Section => "{ \"heading\": \"\", \"body\": [\"\"] }".to_string(),
        };
        let field = match self {
            Snippet::Event { .. } | Snippet::Measure => "\"text\": \"",
            Snippet::Phase { .. } => "\"summary\": \"",
            Snippet::Section => "\"heading\": \"",
        };
        let cursor = line.find(field).map_or(0, |i| i + field.len());
        (line, cursor)
    }
}

/// The edit that writes `snippet` into `text` with the cursor at byte `cursor`.
pub fn insert(text: &str, cursor: usize, snippet: &Snippet) -> Result<Edit, InsertError> {
    let full = outline::scan(text, text.len());
    let here = outline::scan(text, cursor).path;
    // In a history, the entry the cursor is in (else the first one).
    let root: Vec<Seg> = match full.find(&outline::path("reports")) {
        Some(reports) if reports.is_array => {
            let index = match here.as_slice() {
                [Seg::Key(k), Seg::Index(i), ..] if k == "reports" => *i,
                _ => 0,
            };
            vec![Seg::Key("reports".into()), Seg::Index(index)]
        }
        _ => Vec::new(),
    };
    let mut target = root.clone();
    target.extend(snippet.array().iter().map(|k| Seg::Key(k.to_string())));
    let (line, at) = snippet.text();
    match full.find(&target) {
        Some(array) if array.is_array && array.close.is_some() => {
            Ok(into_array(text, array, cursor, &line, at))
        }
        _ => {
            let parent = &target[..target.len() - 1];
            let no_place = || InsertError::NoPlace {
                path: path_text(parent),
            };
            let object = full.find(parent).ok_or_else(no_place)?;
            if object.is_array || object.close.is_none() {
                return Err(no_place());
            }
            let key = snippet.array().last().copied().unwrap_or_default();
            Ok(into_object(text, object, key, &line, at))
        }
    }
}

fn into_array(text: &str, array: &Container, cursor: usize, line: &str, at: usize) -> Edit {
    let close = array.close.unwrap_or(text.len());
    let Some(&(first, _)) = array.items.first() else {
        let outer = indent_at(text, array.open).to_string();
        let inner = format!("{outer}  ");
        let insert = format!("\n{inner}{line}\n{outer}");
        return Edit {
            start: array.open + 1,
            end: close,
            cursor: array.open + 2 + inner.len() + at,
            insert,
        };
    };
    // One item per line when the writer wrote them so; else on the same line.
    let sep = if starts_line(text, first) {
        format!("\n{}", indent_at(text, first))
    } else {
        " ".to_string()
    };
    let after = if array.contains(cursor) {
        array.items.iter().rposition(|&(s, _)| s <= cursor)
    } else {
        Some(array.items.len() - 1)
    };
    match after {
        Some(k) => {
            let end = array.items[k].1;
            Edit {
                start: end,
                end,
                cursor: end + 1 + sep.len() + at,
                insert: format!(",{sep}{line}"),
            }
        }
        None => Edit {
            start: first,
            end: first,
            cursor: first + at,
            insert: format!("{line},{sep}"),
        },
    }
}

fn into_object(text: &str, object: &Container, key: &str, line: &str, at: usize) -> Edit {
    let close = object.close.unwrap_or(text.len());
    let member = |indent: &str| {
        let head = format!("\"{key}\": [\n{indent}  ");
        (format!("{head}{line}\n{indent}]"), head.len() + at)
    };
    match object.items.last() {
        Some(&(start_of_last, end)) => {
            let indent = if starts_line(text, start_of_last) {
                indent_at(text, start_of_last).to_string()
            } else {
                String::new()
            };
            let sep = if indent.is_empty() && !starts_line(text, start_of_last) {
                " ".to_string()
            } else {
                format!("\n{indent}")
            };
            let (body, at) = member(&indent);
            Edit {
                start: end,
                end,
                cursor: end + 1 + sep.len() + at,
                insert: format!(",{sep}{body}"),
            }
        }
        None => {
            let outer = indent_at(text, object.open).to_string();
            let inner = format!("{outer}  ");
            let (body, at) = member(&inner);
            Edit {
                start: object.open + 1,
                end: close,
                cursor: object.open + 2 + inner.len() + at,
                insert: format!("\n{inner}{body}\n{outer}"),
            }
        }
    }
}

fn path_text(path: &[Seg]) -> String {
    let mut s = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) if s.is_empty() => s.push_str(k),
            Seg::Key(k) => {
                s.push('.');
                s.push_str(k);
            }
            Seg::Index(i) => s.push_str(&format!("[{i}]")),
        }
    }
    s
}

/// An instant to the minute in RFC 3339 at the zone's offset then: the "now" of an inserted
/// event.
pub fn instant_at(unix_ms: i64, zone: impl Into<Zone>) -> Option<String> {
    let t = zone.into().local_ms(unix_ms)?;
    Some(t.format("%Y-%m-%dT%H:%M:00%:z").to_string())
}

/// The value of an `<input type="datetime-local">` (`2026-03-01T08:55`) on the zone's clock.
pub fn instant_from_local(value: &str, zone: impl Into<Zone>) -> Option<String> {
    let t = chrono::NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M")
        .or_else(|_| chrono::NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M:%S"))
        .ok()?;
    let t = zone.into().resolve(t).instant();
    Some(t.format("%Y-%m-%dT%H:%M:%S%:z").to_string())
}

/// `p1`, `p2`…: the first such id not taken.
pub fn next_id(prefix: &str, taken: &[String]) -> String {
    (1..)
        .map(|n| format!("{prefix}{n}"))
        .find(|id| !taken.contains(id))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::decode_str;

    const AT: &str = "2026-05-11T15:00:00+09:00";

    fn event() -> Snippet {
        Snippet::Event { at: AT.into() }
    }

    fn run(text: &str, snippet: &Snippet) -> (String, Edit) {
        let cut = text.find('|').unwrap_or(text.len());
        let text = text.replacen('|', "", 1);
        let edit = insert(&text, cut, snippet).expect("inserted");
        (edit.apply(&text), edit)
    }

    #[test]
    fn an_event_goes_after_the_event_under_the_cursor() {
        let text =
            "{\n  \"timeline\": [\n    { \"text\": \"a|\" },\n    { \"text\": \"b\" }\n  ]\n}\n";
        let (after, edit) = run(text, &event());
        let expected = format!(
            "{{\n  \"timeline\": [\n    {{ \"text\": \"a\" }},\n    {{ \"at\": \"{AT}\", \"kind\": \"action\", \"text\": \"\" }},\n    {{ \"text\": \"b\" }}\n  ]\n}}\n"
        );
        assert_eq!(after, expected);
        // The cursor is in the new event's empty text.
        assert_eq!(&after[edit.cursor - 9..edit.cursor + 1], "\"text\": \"\"");
    }

    #[test]
    fn outside_the_array_an_event_is_appended() {
        let text = "{\n  \"version\": 1|,\n  \"timeline\": [\n    { \"text\": \"a\" }\n  ]\n}";
        let (after, _) = run(text, &event());
        assert!(after.ends_with(&format!(
            "{{ \"text\": \"a\" }},\n    {{ \"at\": \"{AT}\", \"kind\": \"action\", \"text\": \"\" }}\n  ]\n}}"
        )), "{after}");
    }

    #[test]
    fn before_the_first_item_goes_first() {
        let (after, _) = run("{\"timeline\": [| {\"text\": \"a\"}]}", &event());
        assert_eq!(
            after,
            format!("{{\"timeline\": [ {{ \"at\": \"{AT}\", \"kind\": \"action\", \"text\": \"\" }}, {{\"text\": \"a\"}}]}}")
        );
    }

    #[test]
    fn a_missing_array_is_created_with_the_writers_indent() {
        let text = "{\n  \"incident\": {\n    \"start\": \"2026-05-11\"\n  }\n}\n";
        let (after, _) = run(text, &Snippet::Section);
        assert_eq!(
            after,
            "{\n  \"incident\": {\n    \"start\": \"2026-05-11\",\n    \"sections\": [\n      { \"heading\": \"\", \"body\": [\"\"] }\n    ]\n  }\n}\n"
        );
    }

    #[test]
    fn an_empty_array_gets_one_item() {
        let (after, _) = run("{\n  \"timeline\": []\n}", &event());
        assert_eq!(
            after,
            format!("{{\n  \"timeline\": [\n    {{ \"at\": \"{AT}\", \"kind\": \"action\", \"text\": \"\" }}\n  ]\n}}")
        );
    }

    #[test]
    fn no_incident_means_no_place_for_a_measure() {
        let err = insert("{\"version\": 1}", 3, &Snippet::Measure).unwrap_err();
        assert_eq!(
            err,
            InsertError::NoPlace {
                path: "incident".into()
            }
        );
    }

    #[test]
    fn in_a_history_the_entry_under_the_cursor_gets_it() {
        let text = "{\"reports\": [\n  {\"incident\": {}},\n  {\"incident\": {\"x\": 1|}}\n]}";
        let (after, _) = run(text, &Snippet::Measure);
        let second = after.find("\"x\"").unwrap();
        assert!(after.find("measures").unwrap() > second, "{after}");
    }

    #[test]
    fn the_minimal_file_with_a_filled_event_still_decodes() {
        let text = include_str!("../../../examples/minimal.json");
        let edit = insert(text, text.len(), &event()).expect("inserted");
        let mut after = edit.apply(text);
        after.insert_str(edit.cursor, "対応を開始");
        let outcome = decode_str(&after);
        assert!(outcome.document.is_some(), "{:?}", outcome.problems);
        assert_eq!(outcome.document.unwrap().reports[0].timeline.len(), 1);
    }

    #[test]
    fn times_and_ids() {
        let jst = chrono::FixedOffset::east_opt(9 * 3600).unwrap();
        assert_eq!(
            instant_at(0, jst).as_deref(),
            Some("1970-01-01T09:00:00+09:00")
        );
        assert_eq!(
            instant_from_local("2026-03-01T08:55", jst).as_deref(),
            Some("2026-03-01T08:55:00+09:00")
        );
        assert_eq!(instant_from_local("yesterday", jst), None);
        assert_eq!(next_id("p", &["p1".into(), "p3".into()]), "p2");
    }
}
