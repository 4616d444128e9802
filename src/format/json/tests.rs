//! The positioned parser: positions of nested values, every syntax error with where it is,
//! strings and numbers as serde_json reads them, and the fast scan of long strings.

use super::parser::string_stop;
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
                assert_eq!(
                    string_stop(&bytes, from),
                    slow(&bytes, from),
                    "{stop:#x} at {at} from {from}"
                );
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
