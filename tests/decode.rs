//! Every validation rule of the incident format: the problem's code, severity, JSON path and
//! position, and that it can be told in Japanese and English.
//!
//! Documents are built from one small valid report (`base`) changed in one place, so each test
//! shows exactly what it breaks. Every test compares the WHOLE list of problems, so a rule that
//! fires twice, or drags a second spurious problem along, fails too. Positions are found in the
//! generated text (`at`) rather than counted by hand.

use chrono::{FixedOffset, NaiveDate};
use hokoku::format::json::{Pos, SyntaxKind};
use hokoku::format::problem::{Problem, ProblemKind, Severity};
use hokoku::format::{decode_bytes, decode_str, Outcome};
use hokoku::model::*;
use serde_json::{json, Value};

use Severity::{Error as E, Warning as W};

/// One change to the base document.
type Change = fn(&mut Value);

// ----------------------------------------------------------------------------------------------
// Helpers

/// A small valid report: two services, two actors, a closed period, one event.
fn base() -> Value {
    json!({
        "version": 1,
        "report": {
            "title": "メール障害のご報告",
            "issued": "2026-03-04",
            "issuer": "株式会社ミドリ通信"
        },
        "services": [
            { "id": "mail", "name": "メール" },
            { "id": "web", "name": "ホームページ" }
        ],
        "actors": [
            { "id": "us", "name": "弊社" },
            { "id": "dc", "name": "データセンター", "role": "datacenter" }
        ],
        "incident": {
            "start": "2026-03-01T08:55:00+09:00",
            "end": "2026-03-01T12:00:00+09:00"
        },
        "timeline": [
            { "at": "2026-03-01T09:00:00+09:00", "kind": "detection", "text": "監視で検知" }
        ]
    })
}

/// Two phases ① 08:55–10:00 and ② 10:00–12:00 inside the base period.
fn with_phases(v: &mut Value) {
    v["incident"]["phases"] = json!([
        { "id": "p1", "start": "2026-03-01T08:55:00+09:00", "end": "2026-03-01T10:00:00+09:00",
          "impact": { "mail": "outage" } },
        { "id": "p2", "start": "2026-03-01T10:00:00+09:00", "end": "2026-03-01T12:00:00+09:00",
          "impact": { "mail": "degraded", "web": "operational" } }
    ]);
}

fn remove(v: &mut Value, key: &str) {
    if let Some(o) = v.as_object_mut() {
        o.remove(key);
    }
}

/// The base document changed by `f`, as pretty JSON text and its decoding.
fn decode_with(f: impl FnOnce(&mut Value)) -> (String, Outcome) {
    let mut v = base();
    f(&mut v);
    let text = serde_json::to_string_pretty(&v).expect("test JSON");
    let outcome = decode_str(&text);
    (text, outcome)
}

/// Where `needle` starts in `text` (1-based line, column in characters). It must occur once.
fn at(text: &str, needle: &str) -> Pos {
    let found: Vec<_> = text.match_indices(needle).collect();
    assert_eq!(
        found.len(),
        1,
        "{needle:?} should occur exactly once in\n{text}"
    );
    let before = &text[..found[0].0];
    let line = before.matches('\n').count() as u32 + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let column = before[line_start..].chars().count() as u32 + 1;
    Pos { line, column }
}

/// Where the object enclosing `needle` starts: the nearest `{` before it.
fn object_around(text: &str, needle: &str) -> Pos {
    let needle_at = at(text, needle);
    let offset: usize = text
        .lines()
        .take(needle_at.line as usize - 1)
        .map(|l| l.len() + 1)
        .sum::<usize>()
        + text
            .lines()
            .nth(needle_at.line as usize - 1)
            .map_or(0, |l| {
                l.char_indices()
                    .nth(needle_at.column as usize - 1)
                    .map_or(0, |(i, _)| i)
            });
    let brace = text[..offset].rfind('{').expect("an enclosing object");
    let before = &text[..brace];
    let line = before.matches('\n').count() as u32 + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    Pos {
        line,
        column: before[line_start..].chars().count() as u32 + 1,
    }
}

/// Every problem as (code, severity, path), in the order reported; also checks each problem
/// can be told in both languages.
fn summary(o: &Outcome) -> Vec<(&'static str, Severity, String)> {
    for p in &o.problems {
        check_messages(p);
    }
    o.problems
        .iter()
        .map(|p| (p.code(), p.severity, p.path.clone()))
        .collect()
}

fn check_messages(p: &Problem) {
    let ja = p.message(Lang::Ja);
    let en = p.message(Lang::En);
    assert!(!ja.is_ascii(), "Japanese message for {p:?}: {ja}");
    // English may quote Japanese values (拝啓, 敬具) but is otherwise English.
    assert!(
        en.len() > 10 && en.contains(' '),
        "English message for {p:?}: {en}"
    );
    assert_ne!(ja, en);
    if !p.path.is_empty() {
        assert!(p.location(Lang::Ja).contains(&p.path));
        assert!(p.location(Lang::En).contains(&p.path));
    }
}

/// Asserts the outcome has exactly these problems (code, severity, path) and returns them.
#[track_caller]
fn expect(o: &Outcome, expected: &[(&str, Severity, &str)]) -> Vec<Problem> {
    let got = summary(o);
    let want: Vec<_> = expected
        .iter()
        .map(|(c, s, p)| (*c, *s, p.to_string()))
        .collect();
    let got_cmp: Vec<_> = got.iter().map(|(c, s, p)| (*c, *s, p.clone())).collect();
    assert_eq!(got_cmp, want, "problems: {:#?}", o.problems);
    let has_error = expected.iter().any(|(_, s, _)| *s == E);
    // A history opens without its broken reports (listed in `broken`); nothing else has errors.
    let broken = o.document.as_ref().is_some_and(|d| !d.broken.is_empty());
    assert_eq!(
        o.document.is_some(),
        !has_error || broken,
        "a document exactly when there is no error, or without its broken reports"
    );
    o.problems.clone()
}

/// The single problem of an outcome that must have exactly one.
#[track_caller]
fn only(o: &Outcome, code: &str, severity: Severity, path: &str) -> Problem {
    expect(o, &[(code, severity, path)]).remove(0)
}

fn doc(o: &Outcome) -> &Document {
    o.document.as_ref().expect("a document")
}

fn report(o: &Outcome) -> &Report {
    &doc(o).reports[0]
}

fn offset(hours: i32) -> FixedOffset {
    FixedOffset::east_opt(hours * 3600).expect("offset")
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

// ----------------------------------------------------------------------------------------------
// The base is valid

#[test]
fn base_document_is_valid() {
    let (_, o) = decode_with(|_| {});
    expect(&o, &[]);
    let r = report(&o);
    assert_eq!(r.header.title.as_deref(), Some("メール障害のご報告"));
    assert_eq!(r.timeline.len(), 1);
}

// ----------------------------------------------------------------------------------------------
// Syntax

#[test]
fn truncated_file_is_a_syntax_error_at_its_end() {
    let text = "{\n  \"version\": 1,\n  \"report\": {\n    \"title\": \"障害";
    let o = decode_str(text);
    let p = only(&o, "syntax", E, "");
    assert_eq!(p.kind, ProblemKind::Syntax(SyntaxKind::UnexpectedEnd));
    assert_eq!(
        p.pos,
        Some(Pos {
            line: 4,
            column: 17
        })
    );
    assert!(p.location(Lang::Ja).contains("4行 17列"));
    assert!(p.location(Lang::En).contains("line 4, column 17"));
}

#[test]
fn trailing_comma_is_reported_where_the_closing_bracket_is() {
    let text =
        "{\n  \"version\": 1,\n  \"services\": [\n    {\"id\": \"a\", \"name\": \"A\"},\n  ]\n}";
    let o = decode_str(text);
    let p = only(&o, "syntax", E, "");
    assert_eq!(p.kind, ProblemKind::Syntax(SyntaxKind::TrailingComma));
    assert_eq!(p.pos, Some(Pos { line: 5, column: 3 }));

    let o = decode_str("{\"version\": 1,}");
    let p = only(&o, "syntax", E, "");
    assert_eq!(p.kind, ProblemKind::Syntax(SyntaxKind::TrailingComma));
    assert_eq!(
        p.pos,
        Some(Pos {
            line: 1,
            column: 15
        })
    );
}

#[test]
fn other_syntax_errors_have_line_and_column() {
    let cases: &[(&str, SyntaxKind, Pos)] = &[
        (
            "{\n  version: 1\n}",
            SyntaxKind::ExpectedKey,
            Pos { line: 2, column: 3 },
        ),
        (
            "{\"a\" 1}",
            SyntaxKind::ExpectedColon,
            Pos { line: 1, column: 6 },
        ),
        (
            "[1 2]",
            SyntaxKind::ExpectedCommaOrEnd(']'),
            Pos { line: 1, column: 4 },
        ),
        (
            "{\"a\": \"\\q\"}",
            SyntaxKind::BadEscape,
            Pos { line: 1, column: 9 },
        ),
        (
            "{\"a\": 01}",
            SyntaxKind::BadNumber,
            Pos { line: 1, column: 7 },
        ),
        (
            "{\"a\": \"x\ny\"}",
            SyntaxKind::ControlInString,
            Pos { line: 1, column: 9 },
        ),
        (
            "{} {}",
            SyntaxKind::TrailingText,
            Pos { line: 1, column: 4 },
        ),
        (
            "{\"名前\": x}",
            SyntaxKind::UnexpectedChar('x'),
            Pos { line: 1, column: 8 },
        ),
    ];
    for (text, kind, pos) in cases {
        let o = decode_str(text);
        let p = only(&o, "syntax", E, "");
        assert_eq!(&p.kind, &ProblemKind::Syntax(kind.clone()), "{text}");
        assert_eq!(p.pos, Some(*pos), "{text}");
    }
}

#[test]
fn empty_file() {
    for text in ["", "   \n\t "] {
        let o = decode_str(text);
        let p = only(&o, "syntax", E, "");
        assert_eq!(p.kind, ProblemKind::Syntax(SyntaxKind::Empty));
    }
    let p = only(&decode_bytes(b""), "syntax", E, "");
    assert_eq!(p.kind, ProblemKind::Syntax(SyntaxKind::Empty));
}

#[test]
fn utf16_file_is_named() {
    let text = serde_json::to_string(&base()).expect("json");
    let utf16le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    let with_bom: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(utf16le.iter().copied())
        .collect();
    for bytes in [utf16le, with_bom] {
        let o = decode_bytes(&bytes);
        let p = only(&o, "syntax", E, "");
        assert_eq!(p.kind, ProblemKind::Syntax(SyntaxKind::Utf16));
        assert_eq!(p.pos, Some(Pos { line: 1, column: 1 }));
    }
}

#[test]
fn bom_is_a_warning_and_the_document_loads() {
    let text = format!(
        "\u{FEFF}{}",
        serde_json::to_string_pretty(&base()).expect("json")
    );
    for o in [decode_str(&text), decode_bytes(text.as_bytes())] {
        only(&o, "bom", W, "");
        assert_eq!(
            report(&o).header.title.as_deref(),
            Some("メール障害のご報告")
        );
    }
}

#[test]
fn nesting_deeper_than_128_is_refused() {
    // 128 levels parse (and are then simply the wrong type)...
    let ok = "[".repeat(128) + &"]".repeat(128);
    only(&decode_str(&ok), "wrong-type", E, "");
    // ...129 do not.
    let deep = "[".repeat(129) + &"]".repeat(129);
    let p = only(&decode_str(&deep), "syntax", E, "");
    assert_eq!(p.kind, ProblemKind::Syntax(SyntaxKind::TooDeep));
    assert_eq!(
        p.pos,
        Some(Pos {
            line: 1,
            column: 129
        })
    );
    // Inside a real document the path is still the whole file: the text never parsed.
    let (_, o) = decode_with(|v| {
        let mut deep = json!(1);
        for _ in 0..130 {
            deep = json!([deep]);
        }
        v["incident"]["scope"] = deep;
    });
    let p = only(&o, "syntax", E, "");
    assert_eq!(p.kind, ProblemKind::Syntax(SyntaxKind::TooDeep));
}

#[test]
fn too_large_is_refused_before_parsing() {
    let big = " ".repeat(hokoku::format::MAX_BYTES as usize + 1);
    let p = only(&decode_str(&big), "too-large", E, "");
    assert_eq!(p.pos, None);
    only(&decode_bytes(big.as_bytes()), "too-large", E, "");
}

#[test]
fn root_must_be_an_object() {
    let p = only(&decode_str("[1]"), "wrong-type", E, "");
    assert_eq!(
        p.kind,
        ProblemKind::WrongType {
            expected: "object",
            found: "array"
        }
    );
    assert_eq!(p.pos, Some(Pos { line: 1, column: 1 }));
}

// ----------------------------------------------------------------------------------------------
// Types

#[test]
fn wrong_types_name_the_path_and_both_types() {
    let cases: Vec<(Change, &str, &str, &str, &str)> = vec![
        (
            |v| v["report"]["title"] = json!(5),
            "report.title",
            "5",
            "string",
            "number",
        ),
        (
            |v| v["services"] = json!({}),
            "services",
            "{}",
            "array",
            "object",
        ),
        (
            |v| v["timeline"][0]["services"] = json!(true),
            "timeline[0].services",
            "true",
            "array",
            "boolean",
        ),
        (
            |v| v["report"]["issuer"] = json!(7),
            "report.issuer",
            "7",
            "string or object",
            "number",
        ),
        (
            |v| v["incident"]["start"] = json!(20260301),
            "incident.start",
            "20260301",
            "string, object or null",
            "number",
        ),
        (
            |v| v["incident"]["actions"] = json!({"a": 1}),
            "incident.actions",
            "{\n",
            "string or array",
            "object",
        ),
        (
            |v| v["version"] = json!([1]),
            "version",
            "[\n",
            "integer",
            "array",
        ),
        (
            |v| v["incident"]["scope"] = json!({"users": "many"}),
            "incident.scope.users",
            "\"many\"",
            "integer",
            "string",
        ),
    ];
    for (change, path, value, expected, found) in cases {
        let (text, o) = decode_with(change);
        let p = only(&o, "wrong-type", E, path);
        assert_eq!(p.kind, ProblemKind::WrongType { expected, found }, "{path}");
        // The value starts after `"key": ` (pretty JSON puts it on the key's line).
        let key = path.rsplit('.').next().unwrap_or(path);
        let value = value.trim_end_matches('\n');
        let mut pos = at(&text, &format!("\"{key}\": {value}"));
        pos.column += key.chars().count() as u32 + 4;
        assert_eq!(p.pos, Some(pos), "{path}");
    }
}

#[test]
fn a_string_is_not_a_version() {
    let (_, o) = decode_with(|v| v["version"] = json!("1"));
    let p = only(&o, "unsupported-version", E, "version");
    assert_eq!(p.kind, ProblemKind::UnsupportedVersion("\"1\"".into()));
}

#[test]
fn numbers_must_be_whole_and_in_range() {
    let (text, o) = decode_with(|v| {
        with_phases(v);
        v["incident"]["phases"][0]["customers"] = json!(1.5);
    });
    let p = only(&o, "out-of-range", E, "incident.phases[0].customers");
    assert_eq!(
        p.kind,
        ProblemKind::NumberOutOfRange {
            min: 0,
            max: 1_000_000_000_000
        }
    );
    assert_eq!(p.pos, Some(at(&text, "1.5")));

    let (_, o) = decode_with(|v| v["incident"]["scope"] = json!({"users": -1}));
    only(&o, "out-of-range", E, "incident.scope.users");

    let (_, o) = decode_with(|v| {
        v["report"]["kind"] = json!("interim");
        v["report"]["number"] = json!(0);
    });
    let p = only(&o, "out-of-range", E, "report.number");
    assert_eq!(p.kind, ProblemKind::NumberOutOfRange { min: 1, max: 99 });
}

#[test]
fn empty_text_is_an_error() {
    let (text, o) = decode_with(|v| v["report"]["title"] = json!("  "));
    let p = only(&o, "empty-text", E, "report.title");
    assert_eq!(p.pos, Some(at(&text, "\"  \"")));
    let (_, o) = decode_with(|v| v["incident"]["actions"] = json!(["止めた", ""]));
    only(&o, "empty-text", E, "incident.actions[1]");
}

// ----------------------------------------------------------------------------------------------
// Null and missing

#[test]
fn null_where_a_value_is_required() {
    // `"issuer": null` says what an issuer is and where it prints.
    let (text, o) = decode_with(|v| v["report"]["issuer"] = json!(null));
    let p = only(&o, "issuer-null", E, "report.issuer");
    assert!(
        p.message(Lang::Ja).contains("レターの右上"),
        "{}",
        p.message(Lang::Ja)
    );
    assert!(
        p.message(Lang::En).contains("company"),
        "{}",
        p.message(Lang::En)
    );
    let mut pos = at(&text, "\"issuer\": null");
    pos.column += 10;
    assert_eq!(p.pos, Some(pos));

    let (_, o) = decode_with(|v| v["timeline"][0]["text"] = json!(null));
    only(&o, "wrong-type", E, "timeline[0].text");

    let (_, o) = decode_with(|v| {
        with_phases(v);
        v["incident"]["phases"][1]["start"] = json!(null);
    });
    only(&o, "wrong-type", E, "incident.phases[1].start");

    let (_, o) = decode_with(|v| v["report"] = json!(null));
    only(&o, "wrong-type", E, "report");

    let (_, o) = decode_with(|v| v["incident"]["start"] = json!(null));
    only(&o, "wrong-type", E, "incident.start");
}

#[test]
fn null_optional_fields_are_absent() {
    let (_, o) = decode_with(|v| {
        v["lang"] = json!(null);
        v["zone"] = json!(null);
        v["report"]["addressee"] = json!(null);
        v["report"]["contact"] = json!(null);
        v["incident"]["end"] = json!(null);
        v["incident"]["cause"] = json!(null);
        v["timeline"][0]["kind"] = json!(null);
        v["letter"] = json!(null);
    });
    expect(&o, &[]);
    let r = report(&o);
    assert_eq!(
        r.incident.period.end, None,
        "a null end means still ongoing"
    );
    assert_eq!(r.timeline[0].kind, EventKind::Action);
    assert_eq!(r.header.addressee, None);
}

#[test]
fn missing_required_fields() {
    let cases: Vec<(Change, &str)> = vec![
        (|v| remove(v, "version"), "version"),
        (|v| remove(v, "report"), "report"),
        (|v| remove(&mut v["report"], "title"), "report.title"),
        (|v| remove(&mut v["report"], "issued"), "report.issued"),
        (|v| remove(&mut v["report"], "issuer"), "report.issuer"),
        (|v| remove(v, "incident"), "incident"),
        (|v| remove(&mut v["incident"], "start"), "incident.start"),
        (
            |v| remove(&mut v["timeline"][0], "text"),
            "timeline[0].text",
        ),
        (
            |v| v["report"]["issuer"] = json!({"department": "総務部"}),
            "report.issuer.organization",
        ),
        (
            |v| v["services"][1] = json!({"id": "web"}),
            "services[1].name",
        ),
        (|v| v["actors"][1] = json!({"name": "DC"}), "actors[1].id"),
        (
            |v| v["report"]["revisions"] = json!([{"date": "2026-03-05"}]),
            "report.revisions[0].note",
        ),
        (
            |v| v["incident"]["measures"] = json!([{"due": "2026-04"}]),
            "incident.measures[0].text",
        ),
        (
            |v| v["incident"]["sections"] = json!([{"heading": "補足"}]),
            "incident.sections[0].body",
        ),
        (
            |v| v["timeline"][0]["quote"] = json!({"source": "DC"}),
            "timeline[0].quote.text",
        ),
    ];
    for (change, path) in cases {
        let (_, o) = decode_with(change);
        let p = only(&o, "missing", E, path);
        assert!(p.pos.is_some(), "{path}: the enclosing object's position");
    }
    // The position of a missing field is its object's.
    let (text, o) = decode_with(|v| remove(&mut v["report"], "title"));
    let p = only(&o, "missing", E, "report.title");
    let mut pos = at(&text, "\"report\": {");
    pos.column += 10;
    assert_eq!(p.pos, Some(pos));
    let (_, o) = decode_with(|v| remove(v, "version"));
    assert_eq!(o.problems[0].pos, Some(Pos { line: 1, column: 1 }));
}

#[test]
fn phase_start_is_required() {
    let (text, o) = decode_with(|v| {
        with_phases(v);
        remove(&mut v["incident"]["phases"][1], "start");
    });
    let p = only(&o, "missing", E, "incident.phases[1].start");
    assert_eq!(p.pos, Some(object_around(&text, "\"id\": \"p2\"")));
}

#[test]
fn incident_start_comes_from_the_phases() {
    let (_, o) = decode_with(|v| {
        with_phases(v);
        remove(&mut v["incident"], "start");
        remove(&mut v["incident"], "end");
    });
    expect(&o, &[]);
    let period = report(&o).incident.period;
    assert_eq!(period.start, report(&o).incident.phases[0].period.start);
    assert_eq!(period.end, report(&o).incident.phases[1].period.end);
}

#[test]
fn an_explicit_null_end_stays_ongoing_even_with_closed_phases() {
    let (_, o) = decode_with(|v| {
        with_phases(v);
        v["incident"]["end"] = json!(null);
    });
    expect(&o, &[]);
    assert_eq!(report(&o).incident.period.end, None);
}

// ----------------------------------------------------------------------------------------------
// Version, unknown fields, duplicate keys

#[test]
fn unsupported_version() {
    let (text, o) = decode_with(|v| v["version"] = json!(2));
    let p = only(&o, "unsupported-version", E, "version");
    assert_eq!(p.kind, ProblemKind::UnsupportedVersion("2".into()));
    let mut pos = at(&text, "\"version\": 2");
    pos.column += 11;
    assert_eq!(p.pos, Some(pos));
    assert!(p.message(Lang::Ja).contains('2'));
}

#[test]
fn unknown_fields_are_warnings_and_the_document_loads() {
    let (text, o) = decode_with(|v| {
        v["report"]["titel"] = json!("typo");
        v["timeline"][0]["colour"] = json!("red");
        v["future_field"] = json!({"anything": [1, 2]});
    });
    let problems = expect(
        &o,
        &[
            ("unknown-field", W, "future_field"),
            ("unknown-field", W, "report.titel"),
            ("unknown-field", W, "timeline[0].colour"),
        ],
    );
    assert_eq!(problems[1].pos, Some(at(&text, "\"titel\"")));
    assert_eq!(
        report(&o).header.title.as_deref(),
        Some("メール障害のご報告")
    );
}

#[test]
fn schema_key_is_accepted() {
    let (_, o) = decode_with(|v| v["$schema"] = json!("schema/v1.json"));
    expect(&o, &[]);
}

#[test]
fn duplicate_keys_are_errors_at_the_second_key() {
    let text = r#"{
  "version": 1,
  "report": {
    "title": "一つ目",
    "issued": "2026-03-04",
    "title": "二つ目",
    "issuer": "株式会社ミドリ通信"
  },
  "incident": { "start": "2026-03-01T08:55:00+09:00" }
}"#;
    let o = decode_str(text);
    let p = only(&o, "duplicate-key", E, "report.title");
    assert_eq!(p.pos, Some(Pos { line: 6, column: 5 }));

    // Keys of the impact map are service ids: duplicates there too.
    let text = r#"{"version": 1, "report": {"title": "t", "issued": "2026-03-04", "issuer": "i"},
"services": [{"id": "mail", "name": "メール"}],
"incident": {"phases": [{"start": "2026-03-01", "impact": {"mail": "outage", "mail": "degraded"}}]}}"#;
    let o = decode_str(text);
    let p = only(&o, "duplicate-key", E, "incident.phases[0].impact.mail");
    let line3 = text.lines().nth(2).expect("line 3");
    let second = line3.rfind("\"mail\"").expect("second key");
    assert_eq!(
        p.pos,
        Some(Pos {
            line: 3,
            column: line3[..second].chars().count() as u32 + 1
        })
    );
}

// ----------------------------------------------------------------------------------------------
// Enumerations

#[test]
fn bad_enum_values_list_what_is_allowed() {
    let cases: Vec<(Change, &str, &str)> = vec![
        (|v| v["lang"] = json!("fr"), "lang", "fr"),
        (
            |v| v["report"]["kind"] = json!("second"),
            "report.kind",
            "second",
        ),
        (
            |v| v["actors"][1]["role"] = json!("datacentre"),
            "actors[1].role",
            "datacentre",
        ),
        (
            |v| v["timeline"][0]["kind"] = json!("fix"),
            "timeline[0].kind",
            "fix",
        ),
        (
            |v| v["timeline"][0]["approx"] = json!("roughly"),
            "timeline[0].approx",
            "roughly",
        ),
        (
            |v| v["timeline"][0] = json!({"date": "2026-03-01", "part": "dawn", "text": "x"}),
            "timeline[0].part",
            "dawn",
        ),
        (
            |v| {
                with_phases(v);
                v["incident"]["phases"][0]["impact"]["mail"] = json!("down");
            },
            "incident.phases[0].impact.mail",
            "down",
        ),
        (
            |v| v["incident"]["measures"] = json!([{"text": "x", "status": "ongoing"}]),
            "incident.measures[0].status",
            "ongoing",
        ),
        (
            |v| v["letter"] = json!({"opening": "前略"}),
            "letter.opening",
            "前略",
        ),
        (
            |v| v["letter"] = json!({"closing": "草々"}),
            "letter.closing",
            "草々",
        ),
        (
            |v| v["letter"] = json!({"items": ["period", "faq"]}),
            "letter.items[1]",
            "faq",
        ),
        (
            |v| v["letter"] = json!({"calendar": "wareki"}),
            "letter.calendar",
            "wareki",
        ),
        (
            |v| v["letter"] = json!({"clock": "ampm"}),
            "letter.clock",
            "ampm",
        ),
    ];
    for (change, path, value) in cases {
        let (text, o) = decode_with(change);
        let p = only(&o, "not-one-of", E, path);
        let ProblemKind::NotOneOf { found, allowed } = &p.kind else {
            panic!("{p:?}")
        };
        assert_eq!(found, value);
        assert!(allowed.len() >= 2);
        assert!(
            p.message(Lang::En).contains(allowed[0]),
            "{path}: {}",
            p.message(Lang::En)
        );
        assert!(p.message(Lang::Ja).contains(allowed[1]));
        assert_eq!(p.pos, Some(at(&text, &format!("\"{value}\""))), "{path}");
    }
}

// ----------------------------------------------------------------------------------------------
// Times

#[test]
fn impossible_dates_and_times() {
    let (text, o) = decode_with(|v| v["report"]["issued"] = json!("2026-02-30"));
    let p = only(&o, "bad-date", E, "report.issued");
    assert_eq!(p.kind, ProblemKind::BadDate("2026-02-30".into()));
    assert_eq!(p.pos, Some(at(&text, "\"2026-02-30\"")));

    let (text, o) = decode_with(|v| v["incident"]["start"] = json!("2026-03-01T25:00:00+09:00"));
    let p = only(&o, "bad-instant", E, "incident.start");
    assert_eq!(p.pos, Some(at(&text, "\"2026-03-01T25:00:00+09:00\"")));

    let (_, o) = decode_with(|v| v["timeline"][0]["at"] = json!("2026-03-01T09:61+09:00"));
    only(&o, "bad-instant", E, "timeline[0].at");

    let (_, o) = decode_with(|v| v["timeline"][0] = json!({"date": "2026/03/01", "text": "x"}));
    only(&o, "bad-date", E, "timeline[0].date");

    let (_, o) = decode_with(|v| v["incident"]["end"] = json!("2026-02-30"));
    only(&o, "bad-date", E, "incident.end");

    let (_, o) =
        decode_with(|v| v["report"]["revisions"] = json!([{"date": "2026-3-5", "note": "x"}]));
    only(&o, "bad-date", E, "report.revisions[0].date");

    // A bare date where an instant is needed says to use `date`.
    let (_, o) = decode_with(|v| v["timeline"][0]["at"] = json!("2026-03-01"));
    let p = only(&o, "date-in-at", E, "timeline[0].at");
    assert!(
        p.message(Lang::Ja).contains("\"date\": \"2026-03-01\""),
        "{}",
        p.message(Lang::Ja)
    );
    assert!(
        p.message(Lang::En).contains("\"date\": \"2026-03-01\""),
        "{}",
        p.message(Lang::En)
    );
}

#[test]
fn due_dates() {
    for good in ["2026-04", "2026-04-15"] {
        let (_, o) =
            decode_with(|v| v["incident"]["measures"] = json!([{"text": "x", "due": good}]));
        expect(&o, &[]);
    }
    for bad in ["2026-13", "2026-04-31", "April", "2026-4"] {
        let (_, o) =
            decode_with(|v| v["incident"]["measures"] = json!([{"text": "x", "due": bad}]));
        let p = only(&o, "bad-due", E, "incident.measures[0].due");
        assert_eq!(p.kind, ProblemKind::BadDue(bad.into()));
    }
}

#[test]
fn instants_need_an_offset() {
    for s in ["2026-03-01T08:55:00", "2026-03-01T08:55"] {
        let (text, o) = decode_with(|v| v["incident"]["start"] = json!(s));
        let p = only(&o, "missing-offset", E, "incident.start");
        assert_eq!(p.kind, ProblemKind::MissingOffset(s.into()));
        assert_eq!(p.pos, Some(at(&text, &format!("\"{s}\""))));
        assert!(p.message(Lang::Ja).contains("+09:00"));
    }
    let (_, o) = decode_with(|v| v["timeline"][0]["eta"] = json!({"at": "2026-03-01T15:00"}));
    let problems = summary(&o);
    assert!(
        problems.contains(&("missing-offset", E, "timeline[0].eta.at".into())),
        "{problems:?}"
    );
}

#[test]
fn seconds_and_z_are_optional_forms() {
    let (_, o) = decode_with(|v| {
        v["incident"]["start"] = json!("2026-02-28T23:55Z");
        v["timeline"][0]["at"] = json!("2026-03-01T09:00+09:00");
    });
    expect(&o, &[]);
    let r = report(&o);
    assert_eq!(r.zone, offset(0), "zone from the start's offset (Z)");
}

#[test]
fn bad_offsets() {
    let (text, o) = decode_with(|v| v["timeline"][0]["local_offset"] = json!("JST"));
    let p = only(&o, "bad-offset", E, "timeline[0].local_offset");
    assert_eq!(p.pos, Some(at(&text, "\"JST\"")));
    for bad in ["+9", "+24:00", "09:00", "+09:60"] {
        let (_, o) = decode_with(|v| v["timeline"][0]["local_offset"] = json!(bad));
        only(&o, "bad-offset", E, "timeline[0].local_offset");
    }
}

#[test]
fn a_bad_zone_is_reported_once() {
    let (_, o) = decode_with(|v| v["zone"] = json!("+9"));
    only(&o, "bad-offset", E, "zone");
}

#[test]
fn an_unknown_zone_name_is_a_warning_at_its_place_and_falls_back_visibly() {
    let (text, o) = decode_with(|v| v["zone"] = json!("America/New_Yrok"));
    let p = only(&o, "unknown-zone", Severity::Warning, "zone");
    assert_eq!(p.pos, Some(at(&text, "\"America/New_Yrok\"")));
    // The document opens, in the zone the start's offset gives, and the message names it.
    assert_eq!(report(&o).zone, offset(9));
    assert!(
        p.message(Lang::En).contains("UTC+09:00"),
        "{}",
        p.message(Lang::En)
    );
    assert!(p.message(Lang::Ja).contains("America/New_Yrok"));
    // JST is an abbreviation, not a zone of the tz database.
    let (_, o) = decode_with(|v| v["zone"] = json!("JST"));
    only(&o, "unknown-zone", Severity::Warning, "zone");
}

#[test]
fn at_and_date_together() {
    let (text, o) = decode_with(|v| {
        v["timeline"][0]["date"] = json!("2026-03-01");
    });
    let p = only(&o, "at-and-date", E, "timeline[0].date");
    assert_eq!(p.pos, Some(at(&text, "\"2026-03-01\"")));
    let (_, o) = decode_with(|v| {
        v["incident"]["end"] = json!({"at": "2026-03-01T12:00:00+09:00", "date": "2026-03-01"});
    });
    only(&o, "at-and-date", E, "incident.end.date");
}

#[test]
fn every_time_form() {
    let (_, o) = decode_with(|v| {
        v["incident"]["end"] = json!({"at": "2026-03-01T12:00:00+09:00", "approx": "about"});
        v["timeline"] = json!([
            { "at": "2026-03-01T09:00:00+09:00", "approx": "after", "text": "過ぎ" },
            { "date": "2026-03-01", "part": "morning", "text": "午前中" },
            { "date": "2026-03-01", "text": "日付のみ" },
            { "at": null, "text": "時刻不明" },
            { "text": "時刻なし" },
            { "approx": "until", "at": "2026-03-01T11:00:00+09:00", "text": "まで" },
            { "at": "2026-03-01T09:10:00+09:00", "local_offset": "-05:00", "actor": "dc",
              "text": "現地時間つき" }
        ]);
    });
    expect(&o, &[]);
    let r = report(&o);
    let t = |i: usize| r.timeline[i].time;
    assert_eq!(r.incident.period.end.map(|e| e.approx), Some(Approx::About));
    assert_eq!(t(0).approx, Approx::After);
    assert_eq!(
        t(1).when,
        When::Day {
            date: date(2026, 3, 1),
            part: Some(PartOfDay::Morning),
            zone: offset(9).into()
        }
    );
    assert_eq!(
        t(2).when,
        When::Day {
            date: date(2026, 3, 1),
            part: None,
            zone: offset(9).into()
        }
    );
    assert_eq!(t(3), TimePoint::UNKNOWN);
    assert_eq!(t(4), TimePoint::UNKNOWN);
    assert_eq!(t(5).approx, Approx::Until);
    assert_eq!(r.timeline[6].local_offset, Some(offset(-5)));
    assert_eq!(r.timeline[6].actor, 1);
}

#[test]
fn incident_period_as_dates_and_objects() {
    let (_, o) = decode_with(|v| {
        v["incident"]["start"] = json!("2026-03-01");
        v["incident"]["end"] = json!({"date": "2026-03-02", "part": "evening"});
        v["timeline"] = json!([]);
    });
    expect(&o, &[]);
    let r = report(&o);
    assert_eq!(
        r.zone,
        offset(9),
        "ja default zone when nothing has an offset"
    );
    assert!(matches!(r.incident.period.start.when, When::Day { .. }));
}

// ----------------------------------------------------------------------------------------------
// Order of times

#[test]
fn incident_end_before_start() {
    let (text, o) = decode_with(|v| v["incident"]["end"] = json!("2026-03-01T08:00:00+09:00"));
    let p = only(&o, "end-before-start", E, "incident.end");
    assert_eq!(p.pos, Some(at(&text, "\"2026-03-01T08:00:00+09:00\"")));
}

#[test]
fn phase_end_before_start() {
    let (text, o) = decode_with(|v| {
        with_phases(v);
        v["incident"]["phases"][1]["end"] = json!("2026-03-01T09:30:00+09:00");
    });
    let p = only(&o, "end-before-start", E, "incident.phases[1].end");
    assert_eq!(p.pos, Some(at(&text, "\"2026-03-01T09:30:00+09:00\"")));
}

#[test]
fn approximate_ends_on_the_same_day_are_not_before_start() {
    // A date-only end covers the whole day: not before a start on that day.
    let (_, o) = decode_with(|v| v["incident"]["end"] = json!("2026-03-01"));
    expect(&o, &[]);
}

#[test]
fn phase_outside_the_period_is_a_warning() {
    let (text, o) = decode_with(|v| {
        with_phases(v);
        v["incident"]["phases"][1]["end"] = json!("2026-03-01T13:00:00+09:00");
    });
    let p = only(&o, "phase-outside-period", W, "incident.phases[1]");
    assert_eq!(
        p.pos,
        Some(object_around(&text, "\"2026-03-01T13:00:00+09:00\""))
    );
    assert_eq!(report(&o).incident.phases.len(), 2);

    let (_, o) = decode_with(|v| {
        with_phases(v);
        v["incident"]["phases"][0]["start"] = json!("2026-03-01T08:00:00+09:00");
    });
    only(&o, "phase-outside-period", W, "incident.phases[0]");
}

#[test]
fn eta_before_its_announcement() {
    let (text, o) = decode_with(|v| {
        v["timeline"][0] = json!({
            "at": "2026-03-01T10:00:00+09:00", "kind": "eta", "text": "復旧見込みを告知",
            "eta": "2026-03-01T09:30:00+09:00"
        });
    });
    let p = only(&o, "eta-before-announcement", E, "timeline[0].eta");
    assert_eq!(p.pos, Some(at(&text, "\"2026-03-01T09:30:00+09:00\"")));
}

#[test]
fn eta_rules() {
    // kind eta without eta: a warning at the event.
    let (text, o) = decode_with(|v| {
        v["timeline"][0] =
            json!({"at": "2026-03-01T10:00:00+09:00", "kind": "eta", "text": "見込み"});
    });
    let p = only(&o, "eta-missing", W, "timeline[0]");
    assert_eq!(p.pos, Some(object_around(&text, "\"kind\": \"eta\"")));
    // An explicit null says the announcement had no time: no warning.
    let (_, o) = decode_with(|v| {
        v["timeline"][0] = json!({"at": "2026-03-01T10:00:00+09:00", "kind": "eta", "text": "未定",
                                   "eta": null});
    });
    expect(&o, &[]);
    // eta on another kind.
    let (_, o) = decode_with(|v| v["timeline"][0]["eta"] = json!("2026-03-01T15:00:00+09:00"));
    only(&o, "eta-on-other-kind", W, "timeline[0].eta");
    // An approximate eta is compared by its latest instant.
    let (_, o) = decode_with(|v| {
        v["timeline"][0] = json!({"at": "2026-03-01T10:00:00+09:00", "kind": "eta", "text": "本日中",
                                   "eta": {"date": "2026-03-01"}});
    });
    expect(&o, &[]);
}

// ----------------------------------------------------------------------------------------------
// References and ids

#[test]
fn unknown_references() {
    let cases: Vec<(Change, &str, &str)> = vec![
        (
            |v| v["timeline"][0]["actor"] = json!("vendor"),
            "timeline[0].actor",
            "\"vendor\"",
        ),
        (
            |v| v["timeline"][0]["phase"] = json!("p9"),
            "timeline[0].phase",
            "\"p9\"",
        ),
        (
            |v| v["timeline"][0]["services"] = json!(["mail", "dns"]),
            "timeline[0].services[1]",
            "\"dns\"",
        ),
        (
            |v| v["incident"]["unaffected"] = json!(["ftp"]),
            "incident.unaffected[0]",
            "\"ftp\"",
        ),
        (
            |v| {
                with_phases(v);
                v["incident"]["phases"][0]["impact"] = json!({"ftp": "outage"});
            },
            "incident.phases[0].impact.ftp",
            "\"ftp\"",
        ),
    ];
    for (change, path, needle) in cases {
        let (text, o) = decode_with(change);
        let p = only(&o, "unknown-ref", E, path);
        assert_eq!(p.pos, Some(at(&text, needle)), "{path}");
        let id = needle.trim_matches('"');
        assert!(p.message(Lang::Ja).contains(id) && p.message(Lang::En).contains(id));
    }
}

#[test]
fn an_implicit_phase_cannot_be_referenced() {
    // Without phases there is an implicit p1, but it is not something an event can name.
    let (_, o) = decode_with(|v| v["timeline"][0]["phase"] = json!("p1"));
    only(&o, "unknown-ref", E, "timeline[0].phase");
}

#[test]
fn references_resolve_to_indices() {
    let (_, o) = decode_with(|v| {
        with_phases(v);
        v["incident"]["unaffected"] = json!(["web"]);
        v["timeline"][0]["actor"] = json!("dc");
        v["timeline"][0]["phase"] = json!("p2");
        v["timeline"][0]["services"] = json!(["web", "mail"]);
    });
    expect(&o, &[]);
    let r = report(&o);
    let e = &r.timeline[0];
    assert_eq!(
        (e.actor, e.phase, e.services.clone()),
        (1, Some(1), vec![1, 0])
    );
    assert_eq!(r.incident.unaffected, vec![1]);
    assert_eq!(
        r.incident.phases[1].impact,
        vec![(0, ImpactLevel::Degraded), (1, ImpactLevel::Operational)]
    );
}

#[test]
fn unaffected_but_impacted_is_a_warning() {
    let (_, o) = decode_with(|v| {
        with_phases(v);
        v["incident"]["unaffected"] = json!(["mail"]);
    });
    let p = only(&o, "unaffected-but-impacted", W, "incident.unaffected[0]");
    assert!(p.message(Lang::En).contains("mail"));
}

#[test]
fn duplicate_ids() {
    let cases: Vec<(Change, &str, &str)> = vec![
        (
            |v| v["services"][1]["id"] = json!("mail"),
            "services[1].id",
            "mail",
        ),
        (|v| v["actors"][1]["id"] = json!("us"), "actors[1].id", "us"),
        (
            |v| {
                with_phases(v);
                v["incident"]["phases"][1]["id"] = json!("p1");
            },
            "incident.phases[1].id",
            "p1",
        ),
        (
            |v| {
                v["timeline"] = json!([
                    { "id": "a", "at": "2026-03-01T09:00:00+09:00", "text": "一" },
                    { "id": "a", "at": "2026-03-01T09:05:00+09:00", "text": "二" }
                ]);
            },
            "timeline[1].id",
            "a",
        ),
    ];
    for (change, path, id) in cases {
        let (_, o) = decode_with(change);
        let p = only(&o, "duplicate-id", E, path);
        assert_eq!(p.kind, ProblemKind::DuplicateId(id.into()));
        assert!(p.pos.is_some(), "{path}");
    }
}

#[test]
fn generated_ids_do_not_collide_with_given_ones() {
    // The second event has no id; "e2" is taken by the first, so it must get another.
    let (_, o) = decode_with(|v| {
        v["timeline"] = json!([
            { "id": "e2", "at": "2026-03-01T09:00:00+09:00", "text": "一" },
            { "at": "2026-03-01T09:05:00+09:00", "text": "二" }
        ]);
        with_phases(v);
        v["incident"]["phases"][0]["id"] = json!("p2");
        remove(&mut v["incident"]["phases"][1], "id");
    });
    expect(&o, &[]);
    let r = report(&o);
    assert_ne!(r.timeline[0].id, r.timeline[1].id);
    assert_ne!(r.incident.phases[0].id, r.incident.phases[1].id);
    assert!(!r.incident.phases[1].id.is_empty());
}

// ----------------------------------------------------------------------------------------------
// Letter and contact

#[test]
fn closing_that_does_not_pair_is_corrected() {
    let (text, o) = decode_with(|v| v["letter"] = json!({"opening": "拝啓", "closing": "謹白"}));
    let p = only(&o, "closing-mismatch", W, "letter.closing");
    assert_eq!(p.pos, Some(at(&text, "\"謹白\"")));
    assert!(p.message(Lang::Ja).contains("敬具"));
    let l = &report(&o).letter;
    assert_eq!((l.opening, l.closing), (Opening::Haikei, Closing::Keigu));

    let (_, o) = decode_with(|v| v["letter"] = json!({"opening": "謹啓", "closing": "敬具"}));
    only(&o, "closing-mismatch", W, "letter.closing");
    assert_eq!(report(&o).letter.closing, Closing::Kinpaku);

    let (_, o) = decode_with(|v| v["letter"] = json!({"opening": "謹啓", "closing": "敬白"}));
    expect(&o, &[]);
    assert_eq!(report(&o).letter.closing, Closing::Keihaku);
}

#[test]
fn letter_options() {
    let (_, o) = decode_with(|v| {
        v["letter"] = json!({
            "opening": "謹啓", "greeting": null, "body": "本文です。",
            "closing_paragraph": "今後ともよろしくお願い申し上げます。",
            "items": ["cause", "period", "cause"], "calendar": "japanese", "clock": "12h"
        });
    });
    expect(&o, &[]);
    let l = &report(&o).letter;
    assert_eq!(l.closing, Closing::Kinpaku, "default pair of 謹啓");
    assert_eq!(l.greeting, Some(None));
    assert_eq!(l.body, vec!["本文です。".to_string()]);
    assert_eq!(
        l.items,
        vec![LetterItem::Cause, LetterItem::Period],
        "duplicates dropped"
    );
    assert_eq!(
        l.date_style,
        DateStyle {
            calendar: Calendar::Japanese,
            clock: Clock::H12
        }
    );
}

#[test]
fn unsafe_contact_url_is_dropped_with_a_warning() {
    for url in [
        "javascript:alert(1)",
        "ftp://example.com/",
        "//example.com",
        "example.com",
    ] {
        let (text, o) = decode_with(|v| {
            v["report"]["contact"] = json!({"phone": "03-0000-0000", "url": url});
        });
        let p = only(&o, "unsafe-url", W, "report.contact.url");
        assert_eq!(p.pos, Some(at(&text, &format!("\"{url}\""))));
        let c = report(&o).header.contact.clone().expect("contact");
        assert_eq!(c.url, None);
        assert_eq!(c.phone.as_deref(), Some("03-0000-0000"));
    }
    let (_, o) = decode_with(|v| v["report"]["contact"] = json!({"url": "https://example.com/"}));
    expect(&o, &[]);
}

// ----------------------------------------------------------------------------------------------
// Histories

fn history() -> Value {
    json!({
        "version": 1,
        "lang": "ja",
        "services": [ { "id": "mail", "name": "メール" } ],
        "actors": [ { "id": "us", "name": "弊社" } ],
        "letter": { "opening": "謹啓" },
        "reports": [
            { "report": { "title": "一月の障害", "issued": "2026-01-10", "issuer": "株式会社ミドリ通信" },
              "incident": { "start": "2026-01-09T10:00:00+09:00", "end": "2026-01-09T11:00:00+09:00" } },
            { "report": { "id": "march", "title": "三月の障害", "issued": "2026-03-10",
                          "issuer": "株式会社ミドリ通信" },
              "services": [ { "id": "dns", "name": "DNS" } ],
              "incident": { "start": "2026-03-09T10:00:00+09:00",
                            "phases": [ { "start": "2026-03-09T10:00:00+09:00",
                                          "impact": { "dns": "outage", "mail": "degraded" } } ] },
              "timeline": [ { "at": "2026-03-09T10:05:00+09:00", "text": "検知" } ] },
            { "report": { "title": "二月の障害", "issued": "2026-02-10", "issuer": "株式会社ミドリ通信" },
              "letter": { "opening": "拝啓" },
              "incident": { "start": "2026-02-09T10:00:00+09:00" } }
        ]
    })
}

fn decode_history(f: impl FnOnce(&mut Value)) -> (String, Outcome) {
    let mut v = history();
    f(&mut v);
    let text = serde_json::to_string_pretty(&v).expect("json");
    let o = decode_str(&text);
    (text, o)
}

#[test]
fn history_is_sorted_newest_first_with_shared_services() {
    let (_, o) = decode_history(|_| {});
    expect(&o, &[]);
    let d = doc(&o);
    assert!(d.is_history);
    let ids: Vec<_> = d.reports.iter().map(|r| r.id.as_str()).collect();
    // Ids by position in the file (r1, -, r3), order by incident start, newest first.
    assert_eq!(ids, ["march", "r3", "r1"]);
    let names = |r: &Report| r.services.iter().map(|s| s.id.clone()).collect::<Vec<_>>();
    assert_eq!(
        names(&d.reports[0]),
        ["mail", "dns"],
        "shared first, then the entry's own"
    );
    assert_eq!(names(&d.reports[1]), ["mail"]);
    assert_eq!(
        d.reports[0].incident.phases[0].impact,
        vec![(0, ImpactLevel::Degraded), (1, ImpactLevel::Outage)]
    );
    // The shared letter is inherited, an entry's own wins.
    assert_eq!(d.reports[0].letter.opening, Opening::Kinkei);
    assert_eq!(d.reports[1].letter.opening, Opening::Haikei);
    assert_eq!(d.reports[2].letter.closing, Closing::Kinpaku);
}

#[test]
fn history_problems_have_entry_paths() {
    let (_, o) = decode_history(|v| {
        v["reports"][1]["timeline"][0]["actor"] = json!("nobody");
        v["reports"][2]["report"]["issued"] = json!("2026-02-31");
        v["reports"][0]["incident"]["cause"] = json!(3);
    });
    expect(
        &o,
        &[
            ("wrong-type", E, "reports[0].incident.cause"),
            ("unknown-ref", E, "reports[1].timeline[0].actor"),
            ("bad-date", E, "reports[2].report.issued"),
        ],
    );
}

#[test]
fn history_entry_fields_are_checked() {
    let (_, o) = decode_history(|v| v["reports"][0]["lang"] = json!("en"));
    only(&o, "unknown-field", W, "reports[0].lang");
}

#[test]
fn an_entry_service_may_not_repeat_a_shared_one() {
    let (text, o) = decode_history(|v| {
        v["reports"][1]["services"] =
            json!([{"id": "dns", "name": "DNS"}, {"id": "mail", "name": "M"}]);
    });
    let p = only(&o, "duplicate-id", E, "reports[1].services[1].id");
    assert_eq!(p.kind, ProblemKind::DuplicateId("mail".into()));
    assert!(p
        .pos
        .is_some_and(|pos| pos.line > at(&text, "\"name\": \"DNS\"").line));
    // A duplicate inside the shared list is reported once, there, not again for every entry.
    let (_, o) = decode_history(|v| {
        v["actors"] = json!([{"id": "us", "name": "弊社"}, {"id": "us", "name": "当社"}]);
    });
    only(&o, "duplicate-id", E, "actors[1].id");
    // And one inside an entry's own list once, in the entry.
    let (_, o) = decode_history(|v| {
        v["reports"][1]["services"] =
            json!([{"id": "dns", "name": "DNS"}, {"id": "dns", "name": "D"}]);
    });
    only(&o, "duplicate-id", E, "reports[1].services[1].id");
}

#[test]
fn duplicate_report_ids() {
    let (text, o) = decode_history(|v| v["reports"][2]["report"]["id"] = json!("march"));
    let p = only(&o, "duplicate-id", E, "reports[2].report.id");
    assert_eq!(p.kind, ProblemKind::DuplicateId("march".into()));
    // The second "march" is listed as broken; the first and the other one open.
    let broken: Vec<_> = doc(&o).broken.iter().map(|b| b.path.as_str()).collect();
    assert_eq!(broken, ["reports[2]"]);
    assert_eq!(doc(&o).reports.len(), 2);
    let second = text.rfind("\"march\"").expect("second id");
    let line = text[..second].matches('\n').count() as u32 + 1;
    assert_eq!(p.pos.map(|p| p.line), Some(line));
    // Generated ids never clash with given ones: "r1" is taken, the first entry gets another.
    let (_, o) = decode_history(|v| v["reports"][1]["report"]["id"] = json!("r1"));
    expect(&o, &[]);
    let mut ids: Vec<_> = doc(&o).reports.iter().map(|r| r.id.clone()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 3);
}

#[test]
fn report_and_reports_together() {
    let (text, o) = decode_history(|v| {
        v["report"] = json!({"title": "t", "issued": "2026-03-04", "issuer": "i"});
    });
    let p = only(&o, "report-and-reports", E, "reports");
    let mut pos = at(&text, "\"reports\": [");
    pos.column += 11;
    assert_eq!(p.pos, Some(pos));
}

#[test]
fn empty_reports() {
    let (text, o) = decode_history(|v| v["reports"] = json!([]));
    let p = only(&o, "no-reports", E, "reports");
    let mut pos = at(&text, "\"reports\": []");
    pos.column += 11;
    assert_eq!(p.pos, Some(pos));
}

#[test]
fn a_single_entry_history_is_still_a_history() {
    let (_, o) = decode_history(|v| {
        let first = v["reports"][0].clone();
        v["reports"] = json!([first]);
    });
    expect(&o, &[]);
    assert!(doc(&o).is_history);
    assert!(!doc(&decode_with(|_| {}).1).is_history);
}

// ----------------------------------------------------------------------------------------------
// Many problems at once

#[test]
fn five_different_errors_are_all_reported() {
    let (text, o) = decode_with(|v| {
        v["report"]["title"] = json!(5);
        v["report"]["issued"] = json!("2026-02-30");
        v["incident"]["end"] = json!("2026-03-01T08:00:00+09:00");
        v["timeline"][0]["actor"] = json!("nobody");
        v["timeline"][0]["kind"] = json!("fix");
        v["report"]["extra"] = json!(true);
    });
    let problems = expect(
        &o,
        &[
            ("wrong-type", E, "report.title"),
            ("bad-date", E, "report.issued"),
            ("end-before-start", E, "incident.end"),
            ("unknown-ref", E, "timeline[0].actor"),
            ("not-one-of", E, "timeline[0].kind"),
            ("unknown-field", W, "report.extra"),
        ],
    );
    for p in &problems {
        assert!(p.pos.is_some(), "{p:?}");
    }
    assert_eq!(
        problems[2].pos,
        Some(at(&text, "\"2026-03-01T08:00:00+09:00\""))
    );
}

#[test]
fn a_broken_incident_still_reports_the_rest() {
    let (_, o) = decode_with(|v| {
        remove(&mut v["incident"], "start");
        v["incident"]["measures"] = json!([{"text": "x", "due": "someday"}]);
        v["timeline"][0]["services"] = json!(["nope"]);
    });
    expect(
        &o,
        &[
            ("missing", E, "incident.start"),
            ("bad-due", E, "incident.measures[0].due"),
            ("unknown-ref", E, "timeline[0].services[0]"),
        ],
    );
}

// ----------------------------------------------------------------------------------------------
// Defaults

#[test]
fn defaults_of_a_small_report() {
    let (_, o) = decode_with(|v| {
        remove(v, "actors");
        v["report"]["summary"] = json!("メールが届きにくくなりました。");
        v["timeline"] = json!([
            { "at": "2026-03-01T09:00:00+09:00", "text": "検知" },
            { "at": "2026-03-01T09:30:00+09:00", "text": "対応" }
        ]);
    });
    expect(&o, &[]);
    let d = doc(&o);
    assert_eq!(d.lang, Lang::Ja);
    let r = &d.reports[0];
    assert_eq!(r.id, "r1");
    assert_eq!(r.header.addressee, None);
    // Not stated: nothing is assumed (it once defaulted to final, a claim the file never made).
    assert_eq!(r.header.kind, ReportKind::Unstated);
    assert_eq!(
        r.header.issuer,
        Issuer {
            organization: "株式会社ミドリ通信".into(),
            ..Issuer::default()
        }
    );
    // One actor, 弊社, when none is given; every event is theirs.
    assert_eq!(
        r.actors,
        vec![Actor {
            id: "us".into(),
            name: "弊社".into(),
            role: ActorRole::Us
        }]
    );
    assert!(r.timeline.iter().all(|e| e.actor == 0));
    // Event ids and kinds.
    let ids: Vec<_> = r.timeline.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["e1", "e2"]);
    assert!(r.timeline.iter().all(|e| e.kind == EventKind::Action));
    // One implicit phase over the period, summarised by the header's summary.
    let p = &r.incident.phases;
    assert_eq!(p.len(), 1);
    assert!(p[0].implicit);
    assert_eq!((p[0].id.as_str(), p[0].label.as_str()), ("p1", "①"));
    assert_eq!(p[0].period, r.incident.period);
    assert_eq!(
        p[0].summary.as_deref(),
        Some("メールが届きにくくなりました。")
    );
    assert!(p[0].impact.is_empty());
    // Letter defaults.
    assert_eq!(r.letter, LetterOptions::default_for());
    assert_eq!(r.letter.items, LetterItem::DEFAULT_ORDER.to_vec());
    assert_eq!(r.zone, offset(9));
}

#[test]
fn english_default_actor() {
    let (_, o) = decode_with(|v| {
        v["lang"] = json!("en");
        remove(v, "actors");
    });
    expect(&o, &[]);
    assert_eq!(report(&o).actors[0].name, "Our company");
    assert_eq!(doc(&o).lang, Lang::En);
}

#[test]
fn phase_labels_and_ids_are_generated() {
    let (_, o) = decode_with(|v| {
        v["incident"]["phases"] = json!([
            { "start": "2026-03-01T08:55:00+09:00" },
            { "start": "2026-03-01T09:30:00+09:00", "label": "復旧作業" },
            { "start": "2026-03-01T10:00:00+09:00" }
        ]);
    });
    expect(&o, &[]);
    let p = &report(&o).incident.phases;
    let labels: Vec<_> = p.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(labels, ["①", "復旧作業", "③"]);
    let ids: Vec<_> = p.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["p1", "p2", "p3"]);
    assert!(p.iter().all(|p| !p.implicit));
}

#[test]
fn report_kinds() {
    // No number: 続報, never a guessed 第2報.
    let (_, o) = decode_with(|v| v["report"]["kind"] = json!("interim"));
    assert_eq!(report(&o).header.kind, ReportKind::Interim(None));
    let (_, o) = decode_with(|v| {
        v["report"]["kind"] = json!("interim");
        v["report"]["number"] = json!(3);
    });
    assert_eq!(report(&o).header.kind, ReportKind::Interim(Some(3)));
    let (_, o) = decode_with(|v| v["report"]["kind"] = json!("first"));
    assert_eq!(report(&o).header.kind, ReportKind::First);
    let (_, o) = decode_with(|v| v["report"]["kind"] = json!("recovery"));
    assert_eq!(report(&o).header.kind, ReportKind::Recovery);
}

#[test]
fn zone_is_guessed_from_the_incident_start() {
    let (_, o) = decode_with(|v| {
        v["incident"]["start"] = json!("2026-03-01T08:55:00-05:00");
        v["incident"]["end"] = json!("2026-03-01T12:00:00-05:00");
    });
    expect(&o, &[]);
    assert_eq!(report(&o).zone, offset(-5));
    // An explicit zone wins.
    let (_, o) = decode_with(|v| {
        v["zone"] = json!("+01:00");
        v["incident"]["start"] = json!("2026-02-28T18:55:00-05:00");
    });
    expect(&o, &[]);
    assert_eq!(report(&o).zone, offset(1));
    // A start given as an object counts too.
    let (_, o) = decode_with(|v| {
        v["incident"]["start"] = json!({"at": "2026-02-28T18:55:00-05:00", "approx": "about"});
    });
    expect(&o, &[]);
    assert_eq!(report(&o).zone, offset(-5));
}

#[test]
fn zone_from_the_first_phase_when_the_start_is_implied() {
    let (_, o) = decode_with(|v| {
        with_phases(v);
        remove(&mut v["incident"], "start");
        v["incident"]["phases"][0]["start"] = json!("2026-02-28T18:55:00-05:00");
        v["timeline"] = json!([]);
    });
    expect(&o, &[]);
    assert_eq!(report(&o).zone, offset(-5));
}

#[test]
fn zone_from_the_first_timed_event_else_the_language() {
    let (_, o) = decode_with(|v| {
        v["incident"]["start"] = json!("2026-03-01");
        v["timeline"] = json!([
            { "text": "不明" },
            { "at": "2026-03-01T09:00:00+05:30", "text": "検知" }
        ]);
    });
    expect(&o, &[]);
    assert_eq!(
        report(&o).zone,
        FixedOffset::east_opt(5 * 3600 + 1800).expect("offset")
    );

    let (_, o) = decode_with(|v| {
        v["lang"] = json!("en");
        v["incident"]["start"] = json!("2026-03-01");
        v["incident"]["end"] = json!("2026-03-02");
        v["timeline"] = json!([]);
    });
    assert_eq!(report(&o).zone, offset(0));
}

#[test]
fn day_times_use_the_report_zone() {
    let (_, o) = decode_with(|v| {
        v["zone"] = json!("-05:00");
        v["timeline"][0] = json!({"date": "2026-03-01", "part": "night", "text": "夜"});
    });
    expect(&o, &[]);
    let When::Day { zone: o2, .. } = report(&o).timeline[0].time.when else {
        panic!()
    };
    assert_eq!(o2, offset(-5));
}

#[test]
fn short_forms_read_like_long_forms() {
    let (_, short) = decode_with(|v| {
        v["incident"]["cause"] = json!("冷却装置の故障");
        v["incident"]["actions"] = json!("機器を交換");
        v["incident"]["measures"] = json!(["監視を強化"]);
        v["incident"]["sections"] = json!([{"heading": "補足", "body": "一段落"}]);
        v["timeline"][0]["quote"] = json!("通知文");
    });
    let (_, long) = decode_with(|v| {
        v["incident"]["cause"] = json!({"summary": "冷却装置の故障"});
        v["incident"]["actions"] = json!(["機器を交換"]);
        v["incident"]["measures"] = json!([{"text": "監視を強化"}]);
        v["incident"]["sections"] = json!([{"heading": "補足", "body": ["一段落"]}]);
        v["timeline"][0]["quote"] = json!({"text": "通知文"});
    });
    expect(&short, &[]);
    expect(&long, &[]);
    assert_eq!(short.document, long.document);
}

// ----------------------------------------------------------------------------------------------
// Messages

#[test]
fn every_problem_kind_has_a_code_and_two_messages() {
    use hokoku::format::problem::RefKind;
    let kinds = vec![
        ProblemKind::BadSource("javascript:x".into()),
        ProblemKind::HttpStatus(404),
        ProblemKind::HttpStatus(500),
        ProblemKind::Network,
        ProblemKind::TooLarge {
            bytes: 30_000_000,
            limit: 20_000_000,
        },
        ProblemKind::ReadFailed,
        ProblemKind::Syntax(SyntaxKind::TrailingComma),
        ProblemKind::Bom,
        ProblemKind::WrongType {
            expected: "string",
            found: "number",
        },
        ProblemKind::Missing,
        ProblemKind::EmptyText,
        ProblemKind::UnknownField,
        ProblemKind::DuplicateKey,
        ProblemKind::UnsupportedVersion("2".into()),
        ProblemKind::NotOneOf {
            found: "x".into(),
            allowed: &["a", "b"],
        },
        ProblemKind::NumberOutOfRange { min: 0, max: 9 },
        ProblemKind::BothReportAndReports,
        ProblemKind::NoReports,
        ProblemKind::BadInstant("x".into()),
        ProblemKind::MissingOffset("x".into()),
        ProblemKind::BadDate("x".into()),
        ProblemKind::BadOffset("x".into()),
        ProblemKind::BadDue("x".into()),
        ProblemKind::AtAndDate,
        ProblemKind::EndBeforeStart,
        ProblemKind::PhaseOutsidePeriod,
        ProblemKind::UnknownRef {
            kind: RefKind::Phase,
            id: "p9".into(),
        },
        ProblemKind::DuplicateId("a".into()),
        ProblemKind::EtaBeforeAnnouncement,
        ProblemKind::EtaMissing,
        ProblemKind::EtaOnOtherKind,
        ProblemKind::ClosingMismatch {
            opening: "拝啓",
            closing: "謹白",
            used: "敬具",
        },
        ProblemKind::UnsafeUrl("javascript:x".into()),
        ProblemKind::UnaffectedButImpacted("mail".into()),
    ];
    let mut codes = std::collections::HashSet::new();
    for kind in kinds {
        let p = Problem::error("a.b", None, kind);
        check_messages(&p);
        codes.insert(p.code());
    }
    assert_eq!(codes.len(), 33, "codes are distinct (HttpStatus twice)");
}

#[test]
fn wrong_type_message_names_both_types_in_both_languages() {
    let p = Problem::error(
        "report.title",
        None,
        ProblemKind::WrongType {
            expected: "string",
            found: "number",
        },
    );
    assert_eq!(p.message(Lang::En), "Expected string, found number.");
    assert!(p.message(Lang::Ja).contains("文字列") && p.message(Lang::Ja).contains("数値"));
}

#[test]
fn a_shared_letter_problem_is_reported_once() {
    let (_, o) = decode_history(|v| v["letter"] = json!({"opening": "前略", "clock": "ampm"}));
    expect(
        &o,
        &[
            ("not-one-of", E, "letter.opening"),
            ("not-one-of", E, "letter.clock"),
        ],
    );
    let (_, o) = decode_history(|v| v["letter"] = json!({"opening": "拝啓", "closing": "謹白"}));
    only(&o, "closing-mismatch", W, "letter.closing");
}

// ----------------------------------------------------------------------------------------------
// Paths stay true when earlier elements failed, and misplaced or ignored fields are said.

#[test]
fn a_later_duplicate_event_id_is_named_by_its_own_index_after_a_broken_event() {
    let (_, o) = decode_with(|v| {
        v["timeline"] = json!([
            { "at": "2026-03-01T09:00:00+09:00" },
            { "id": "a", "at": "2026-03-01T09:10:00+09:00", "text": "一つ目" },
            { "id": "a", "at": "2026-03-01T09:20:00+09:00", "text": "二つ目" }
        ]);
    });
    expect(
        &o,
        &[
            ("missing", E, "timeline[0].text"),
            ("duplicate-id", E, "timeline[2].id"),
        ],
    );
}

#[test]
fn a_phase_outside_the_period_is_named_by_its_own_index_after_a_broken_phase() {
    let (_, o) = decode_with(|v| {
        v["incident"]["phases"] = json!([
            { "id": "p1" },
            { "id": "p2", "start": "2026-03-01T07:00:00+09:00", "end": "2026-03-01T09:00:00+09:00" }
        ]);
    });
    expect(
        &o,
        &[
            ("missing", E, "incident.phases[0].start"),
            ("phase-outside-period", W, "incident.phases[1]"),
        ],
    );
}

#[test]
fn part_of_day_next_to_an_exact_time_is_a_warning() {
    let (_, o) = decode_with(|v| {
        v["timeline"][0]["part"] = json!("early_morning");
    });
    only(&o, "part-with-at", W, "timeline[0].part");
    assert!(o.document.is_some());
}

#[test]
fn incident_at_the_top_of_a_history_is_a_warning() {
    let text = r#"{"version": 1, "incident": {"start": "2026-03-01"},
        "reports": [{"report": {"title": "A", "issued": "2026-03-04", "issuer": "X"},
                     "incident": {"start": "2026-03-01T08:00:00+09:00", "end": "2026-03-01T09:00:00+09:00"}}]}"#;
    let o = decode_str(text);
    only(&o, "not-in-history", W, "incident");
}

#[test]
fn unaffected_but_impacted_names_the_entry() {
    let (_, o) = decode_with(|v| {
        with_phases(v);
        v["incident"]["unaffected"] = json!(["web", "mail"]);
    });
    only(&o, "unaffected-but-impacted", W, "incident.unaffected[1]");
}

#[test]
fn bidi_override_controls_are_removed_with_a_warning() {
    let (_, o) = decode_with(|v| {
        v["report"]["title"] = json!("請求書\u{202E}fdp.exe\u{202C}のご案内");
    });
    only(&o, "bidi-control-removed", W, "report.title");
    assert_eq!(
        report(&o).header.title.as_deref(),
        Some("請求書fdp.exeのご案内")
    );
}
