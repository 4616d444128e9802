//! Files that are not UTF-8 (issue 18): Shift_JIS and EUC-JP are recognised and named, never
//! read as mojibake; natively (no converter) they are refused with how to save as UTF-8, and a
//! converter (the browser's TextDecoder in the app) reads them with a warning. Other invalid
//! bytes are an error at their line and column, not a silent U+FFFD.

use hokoku::format::encoding::Legacy;
use hokoku::format::json::{Pos, SyntaxKind};
use hokoku::format::problem::ProblemKind;
use hokoku::format::{decode_bytes, decode_bytes_with};
use hokoku::model::Lang;

// "メール" in each encoding.
const MAIL_SJIS: &[u8] = &[0x83, 0x81, 0x81, 0x5B, 0x83, 0x8B];
const MAIL_EUC: &[u8] = &[0xA5, 0xE1, 0xA1, 0xBC, 0xA5, 0xEB];

/// A valid report whose title is `title` (raw bytes).
fn report(title: &[u8]) -> Vec<u8> {
    [
        b"{\n  \"version\": 1,\n  \"report\": {\n    \"title\": \"".as_slice(),
        title,
        b"\",\n    \"issued\": \"2026-05-12\",\n    \"issuer\": \"Minamo\"\n  },\n  \"incident\": { \"start\": \"2026-05-11T14:20:00+09:00\" }\n}\n",
    ]
    .concat()
}

#[test]
fn shift_jis_is_refused_with_its_name_and_how_to_save_as_utf8() {
    let outcome = decode_bytes(&report(MAIL_SJIS));
    assert!(outcome.document.is_none());
    assert_eq!(outcome.problems.len(), 1);
    let p = &outcome.problems[0];
    assert_eq!(p.kind, ProblemKind::LegacyEncoding("Shift_JIS"));
    assert!(p.is_error());
    let ja = p.message(Lang::Ja);
    assert!(
        ja.contains("Shift_JIS") && ja.contains("UTF-8 で保存し直して"),
        "{ja}"
    );
    let en = p.message(Lang::En);
    assert!(
        en.contains("Shift_JIS") && en.contains("Save it again as UTF-8"),
        "{en}"
    );
}

#[test]
fn euc_jp_is_named_as_such() {
    let outcome = decode_bytes(&report(MAIL_EUC));
    assert!(outcome.document.is_none());
    assert_eq!(
        outcome.problems[0].kind,
        ProblemKind::LegacyEncoding("EUC-JP")
    );
}

#[test]
fn a_converted_file_is_read_with_a_warning_naming_its_encoding() {
    let bytes = report(MAIL_SJIS);
    let mut asked = None;
    // Stands in for the browser's TextDecoder: gives the text the bytes encode.
    let outcome = decode_bytes_with(&bytes, |legacy, b| {
        asked = Some((legacy, b.len()));
        Some(String::from_utf8(report("メール".as_bytes())).unwrap())
    });
    assert_eq!(asked, Some((Legacy::ShiftJis, bytes.len())));
    let doc = outcome.document.expect("read after conversion");
    assert_eq!(doc.reports[0].header.title.as_deref(), Some("メール"));
    let codes: Vec<&str> = outcome.problems.iter().map(|p| p.code()).collect();
    assert_eq!(codes, vec!["converted-encoding"]);
    assert!(outcome.problems[0].message(Lang::Ja).contains("Shift_JIS"));
    assert!(outcome.problems[0]
        .message(Lang::En)
        .contains("converted to UTF-8"));
}

#[test]
fn a_converter_that_fails_leaves_the_file_refused() {
    let outcome = decode_bytes_with(&report(MAIL_EUC), |_, _| None);
    assert_eq!(
        outcome.problems[0].kind,
        ProblemKind::LegacyEncoding("EUC-JP")
    );
    assert!(outcome.document.is_none());
}

#[test]
fn utf8_files_never_reach_the_converter() {
    let outcome = decode_bytes_with(&report("メール".as_bytes()), |_, _| panic!("not legacy"));
    assert!(outcome.document.is_some());
    assert!(outcome.problems.is_empty());
}

#[test]
fn invalid_utf8_is_an_error_at_its_line_and_column() {
    let outcome = decode_bytes(&report(b"\xE9\x85\x8D\xFF\xC3x"));
    assert!(outcome.document.is_none());
    let p = &outcome.problems[0];
    assert_eq!(p.kind, ProblemKind::Syntax(SyntaxKind::InvalidUtf8(0xFF)));
    // `    "title": "配` is 15 characters: the bad byte is the 16th.
    assert_eq!(
        p.pos,
        Some(Pos {
            line: 4,
            column: 16
        })
    );
    assert!(
        p.message(Lang::En).contains("0xFF"),
        "{}",
        p.message(Lang::En)
    );
    assert!(p.message(Lang::Ja).contains("UTF-8 として読めない"));
    assert_eq!(p.location(Lang::En), "line 4, column 16");
}
