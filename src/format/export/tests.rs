//! The export's own rules: html-safe text, offsets, instants, and the bytes of the writer.

#[test]
fn html_safe_json_cannot_close_a_script_element() {
    let doc = crate::format::decode_str(
        r#"{"version":1,"report":{"title":"</script><!-- <script>x & y\u2028z\u2029","issued":"2026-03-04","issuer":"X"},
        "incident":{"start":"2026-03-01T08:55:00+09:00","end":"2026-03-01T10:00:00+09:00"}}"#,
    )
    .document
    .expect("document");
    let text = super::to_json(&doc);
    for bad in ["<", ">", "&", "\u{2028}", "\u{2029}"] {
        assert!(!text.contains(bad), "{bad:?} in {text}");
    }
    assert!(
        text.contains(r#"\u003c/script\u003e\u003c!-- \u003cscript\u003ex \u0026 y\u2028z\u2029"#)
    );
    // The same document when read back.
    let again = crate::format::decode_str(&text)
        .document
        .expect("read back");
    assert_eq!(again.reports[0].header.title, doc.reports[0].header.title);
}

use super::*;

/// The app's writer gives the bytes serde_json gave before it (and still gives natively).
#[test]
fn the_export_is_byte_for_byte_serde_json_s() {
    for text in [
        include_str!("../../../examples/sample.json"),
        include_str!("../../../examples/sample-en.json"),
        include_str!("../../../examples/history.json"),
        include_str!("../../../examples/minimal.json"),
    ] {
        let doc = crate::format::decode_str(text)
            .document
            .expect("example reads");
        let before = html_safe(&serde_json::to_string_pretty(&to_raw(&doc)).unwrap()) + "\n";
        assert_eq!(to_json(&doc), before);
    }
}

#[test]
fn offsets() {
    let east = |s| FixedOffset::east_opt(s).unwrap();
    assert_eq!(offset(east(9 * 3600)), "+09:00");
    assert_eq!(offset(east(-(5 * 3600 + 30 * 60))), "-05:30");
    assert_eq!(offset(east(0)), "+00:00");
}

#[test]
fn instants_keep_their_offset_and_drop_zero_fractions() {
    let t = DateTime::parse_from_rfc3339("2026-03-01T08:55:00+09:00").unwrap();
    assert_eq!(instant(t), "2026-03-01T08:55:00+09:00");
    let t = DateTime::parse_from_rfc3339("2026-03-01T08:55:00.250-05:00").unwrap();
    assert_eq!(instant(t), "2026-03-01T08:55:00.250-05:00");
}
