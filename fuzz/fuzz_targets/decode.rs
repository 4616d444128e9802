//! Fuzz target: any bytes through the whole input path (parse, decode, messages, export).
//!
//! What must hold for every input: nothing panics; a document comes back only without errors;
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
    assert_eq!(outcome.document.is_some(), !has_error, "document present iff no error");
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
