//! Text that reads differently from what it is: direction marks (U+200E, U+200F, U+061C),
//! overrides, zero-width characters. The decoder and the Statuspage importer remove them with a
//! warning, so the contact line a reader sees and the `tel:` link it opens always agree.

use hokoku::compose::letter;
use hokoku::format::decode_str;
use hokoku::model::Lang;
use serde_json::json;

fn report_with_phone(phone: &str) -> String {
    json!({
        "version": 1,
        "report": {
            "title": "障害のご報告",
            "issued": "2026-03-04",
            "issuer": "株式会社ミドリ通信",
            "contact": { "phone": phone }
        },
        "incident": { "start": "2026-03-01T08:55:00+09:00", "end": "2026-03-01T12:00:00+09:00" }
    })
    .to_string()
}

/// The letter's TEL line: (text shown, href).
fn tel_line(text: &str) -> (Vec<&'static str>, String, Option<String>) {
    let o = decode_str(text);
    let codes = o.problems.iter().map(|p| p.code()).collect();
    let doc = o.document.expect("document");
    let letter = letter::compose(&doc.reports[0], Lang::Ja);
    let line = letter
        .contact
        .expect("contact")
        .lines
        .into_iter()
        .find(|l| l.label.as_deref() == Some("TEL"))
        .expect("TEL line");
    (codes, line.text, line.href)
}

#[test]
fn direction_marks_in_a_phone_number_are_removed_so_text_and_link_agree() {
    // Displayed by a browser as "0120814-000-" while the digits in memory are 0120000814.
    let (codes, text, href) = tel_line(&report_with_phone("\u{200F}0120\u{200E}-\u{200F}000-814"));
    assert_eq!(codes, ["bidi-control-removed"]);
    assert_eq!(text, "0120-000-814");
    assert_eq!(href.as_deref(), Some("tel:0120000814"));
}

#[test]
fn every_kind_of_invisible_mark_is_removed() {
    for mark in [
        '\u{061C}', '\u{200B}', '\u{2066}', '\u{FEFF}', '\u{2060}', '\u{00AD}',
    ] {
        let (codes, text, href) = tel_line(&report_with_phone(&format!("03{mark}-1234-5678")));
        assert_eq!(codes, ["bidi-control-removed"], "U+{:04X}", mark as u32);
        assert_eq!(text, "03-1234-5678");
        assert_eq!(href.as_deref(), Some("tel:0312345678"));
    }
}

#[test]
fn a_phone_with_words_around_it_stays_text() {
    let (codes, text, href) = tel_line(&report_with_phone("0120-000-814 (平日 9時〜18時)"));
    assert!(codes.is_empty(), "{codes:?}");
    assert_eq!(text, "0120-000-814 (平日 9時〜18時)");
    assert_eq!(href, None);
}

#[test]
fn text_of_only_invisible_characters_is_empty() {
    let o = decode_str(&report_with_phone("\u{200B}\u{200F}"));
    assert!(
        o.problems.iter().any(|p| p.code() == "empty-text"),
        "{:?}",
        o.problems
    );
}

#[test]
fn statuspage_text_is_cleaned_the_same_way() {
    let text = json!({
        "page": { "id": "p", "name": "Example\u{200F} Status", "url": "https://status.example.com" },
        "incidents": [{
            "id": "i1", "name": "API \u{202E}degraded", "status": "resolved", "impact": "minor",
            "created_at": "2026-03-01T08:55:00+09:00", "resolved_at": "2026-03-01T10:00:00+09:00",
            "incident_updates": [{ "id": "u1", "status": "resolved", "body": "Fixed\u{200B}.",
                "created_at": "2026-03-01T10:00:00+09:00" }]
        }]
    })
    .to_string();
    let o = decode_str(&text);
    let doc = o
        .document
        .as_ref()
        .unwrap_or_else(|| panic!("{:?}", o.problems));
    assert!(
        o.problems
            .iter()
            .any(|p| p.code() == "bidi-control-removed"),
        "{:?}",
        o.problems
    );
    let title = doc.reports[0].header.title.as_deref().unwrap_or_default();
    assert!(
        !title.chars().any(hokoku::model::safe::is_hidden_char),
        "{title:?}"
    );
}
