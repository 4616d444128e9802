//! The one entry point for reading a file of any kind the product accepts: bytes or text →
//! [`Outcome`]. It parses the JSON once, then hands the tree to the hokoku decoder or, when the
//! file is a Statuspage export, to the importer.

use crate::format::decode;
use crate::format::encoding::{self, Legacy};
use crate::format::import;
use crate::format::json::{self, Pos};
use crate::format::outcome::Outcome;
use crate::format::plausible;
use crate::format::problem::{Problem, ProblemKind};
use crate::model::Lang;

/// Files larger than this are refused before parsing: a browser tab should not freeze.
pub const MAX_BYTES: u64 = 20_000_000;

/// Reads bytes as the browser got them from a file or a download. A file in a legacy Japanese
/// encoding is refused with a message naming it (nothing here can convert it; the browser can,
/// see [`decode_bytes_with`]).
pub fn decode_bytes(bytes: &[u8]) -> Outcome {
    decode_bytes_with(bytes, |_, _| None)
}

/// [`decode_bytes`] for a reader who chose a language (`--lang`): a Statuspage export is then
/// converted in it rather than in the page's own.
pub fn decode_bytes_in(bytes: &[u8], lang: Option<Lang>) -> Outcome {
    decode_bytes_with_in(bytes, lang, |_, _| None)
}

/// [`decode_bytes`], with a way to turn Shift_JIS or EUC-JP into text (the browser's
/// `TextDecoder`, which already has the tables: none are shipped in the wasm). A converted file
/// is read with a warning naming its encoding; `None` from `convert` refuses it.
pub fn decode_bytes_with(
    bytes: &[u8],
    convert: impl FnOnce(Legacy, &[u8]) -> Option<String>,
) -> Outcome {
    decode_bytes_with_in(bytes, None, convert)
}

/// [`decode_bytes_with`] in the language the reader chose (`?lang=`), for a Statuspage export.
pub fn decode_bytes_with_in(
    bytes: &[u8],
    lang: Option<Lang>,
    convert: impl FnOnce(Legacy, &[u8]) -> Option<String>,
) -> Outcome {
    if bytes.len() as u64 > MAX_BYTES {
        return failed(
            ProblemKind::TooLarge {
                bytes: bytes.len() as u64,
                limit: MAX_BYTES,
            },
            None,
        );
    }
    // UTF-8 (nearly every file) is validated once and parsed as the text it is.
    let utf8 = std::str::from_utf8(bytes);
    if let (Ok(text), false) = (utf8, json::is_utf16(bytes)) {
        return match json::parse_str(text) {
            Ok(parsed) => read_parsed(parsed, lang),
            Err(e) => failed(ProblemKind::Syntax(e.kind), Some(e.pos)),
        };
    }
    if utf8.is_err() {
        if let Some(legacy) = encoding::sniff(bytes) {
            let Some(text) = convert(legacy, bytes) else {
                return failed(ProblemKind::LegacyEncoding(legacy.name()), None);
            };
            let mut outcome = decode_str_in(&text, lang);
            outcome.problems.push(Problem::warning(
                "",
                None,
                ProblemKind::ConvertedEncoding(legacy.name()),
            ));
            return Outcome::new(outcome.document, outcome.problems);
        }
    }
    match json::parse_bytes(bytes) {
        Ok(parsed) => read_parsed(parsed, lang),
        Err(e) => failed(ProblemKind::Syntax(e.kind), Some(e.pos)),
    }
}

/// Reads text (pasted, embedded in the page, or sent by postMessage).
pub fn decode_str(text: &str) -> Outcome {
    decode_str_in(text, None)
}

/// [`decode_str`] in the language the reader chose, for a Statuspage export (a hokoku file
/// states its own `lang`); `None`: the page's own language.
pub fn decode_str_in(text: &str, lang: Option<Lang>) -> Outcome {
    if text.len() as u64 > MAX_BYTES {
        return failed(
            ProblemKind::TooLarge {
                bytes: text.len() as u64,
                limit: MAX_BYTES,
            },
            None,
        );
    }
    match json::parse_str(text) {
        Ok(parsed) => read_parsed(parsed, lang),
        Err(e) => failed(ProblemKind::Syntax(e.kind), Some(e.pos)),
    }
}

fn failed(kind: ProblemKind, pos: Option<Pos>) -> Outcome {
    Outcome {
        document: None,
        problems: vec![Problem::error("", pos, kind)],
    }
}

fn read_parsed(parsed: json::Parsed, lang: Option<Lang>) -> Outcome {
    let mut problems = Vec::new();
    if parsed.had_bom {
        problems.push(Problem::warning("", None, ProblemKind::Bom));
    }
    // A Statuspage export is converted instead of decoded (see `import`).
    let outcome = if import::looks_like_statuspage(&parsed.root) {
        import::convert_for(&parsed.root, lang)
    } else {
        let mut outcome = decode::decode(&parsed.root);
        if let Some(doc) = &outcome.document {
            outcome.problems.extend(plausible::check(doc, &parsed.root));
        }
        outcome
    };
    problems.extend(outcome.problems);
    Outcome::new(outcome.document, problems)
}
