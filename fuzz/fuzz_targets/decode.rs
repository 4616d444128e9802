//! Fuzz target: any bytes through the whole input path (parse, decode, messages, export).
//!
//! What must hold for every input: nothing panics; a document comes back only without errors,
//! or with errors that all lie inside the reports of a history it lists as broken (one bad
//! report never sinks a history);
//! every problem can be shown in both languages; and a decoded document exported as normalized
//! JSON reads back without errors (the viewer's "download normalized JSON" must never produce a
//! file the viewer itself refuses).
#![no_main]

use hokoku::format::{decode_bytes, decode_str};
use hokoku::format::export::to_json;
use hokoku::model::Lang;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let outcome = decode_bytes(data);
    let has_error = outcome.problems.iter().any(|p| p.is_error());
    if has_error {
        // Errors: refused, or a history that opens without the reports listed as broken.
        assert!(
            outcome.document.is_none() || outcome.has_broken(),
            "a document with errors outside a broken report"
        );
    } else {
        assert!(outcome.document.is_some(), "no error, yet no document");
        assert!(!outcome.has_broken(), "a broken report without an error");
    }
    for p in &outcome.problems {
        for lang in [Lang::Ja, Lang::En] {
            let _ = p.message(lang);
            let _ = p.location(lang);
        }
        let _ = p.code();
    }
    // Text paths (paste, embedded script) must agree with the byte path on valid UTF-8.
    if let Ok(text) = std::str::from_utf8(data) {
        let by_text = decode_str(text);
        assert_eq!(by_text.document.is_some(), outcome.document.is_some(), "decode_str vs decode_bytes");
    }
    if let Some(doc) = &outcome.document {
        let exported = to_json(doc);
        let again = decode_str(&exported);
        let errors: Vec<String> =
            again.errors().map(|p| format!("{} {}", p.code(), p.location(Lang::En))).collect();
        assert!(errors.is_empty(), "exported JSON does not read back: {errors:?}\n{exported}");
    }
});
