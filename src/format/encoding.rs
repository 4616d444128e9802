//! Which encoding a file that is not UTF-8 was saved in, so it is never shown as mojibake.
//!
//! Excel and Notepad on Japanese Windows often write Shift_JIS; older Unix tools EUC-JP. Both are
//! recognised by their byte structure (no table needed: the browser's `TextDecoder` converts, see
//! `app::browser`). Anything else that is not UTF-8 is an error at the first bad byte.

use crate::format::pos::Pos;

/// A legacy Japanese encoding recognised in a file that is not UTF-8.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Legacy {
    ShiftJis,
    EucJp,
}

impl Legacy {
    /// The name people know it by, as written in messages.
    pub fn name(self) -> &'static str {
        match self {
            Legacy::ShiftJis => "Shift_JIS",
            Legacy::EucJp => "EUC-JP",
        }
    }

    /// The WHATWG encoding label, for `TextDecoder`.
    pub fn label(self) -> &'static str {
        match self {
            Legacy::ShiftJis => "shift_jis",
            Legacy::EucJp => "euc-jp",
        }
    }
}

/// Counts the two-byte characters of `bytes` read as Shift_JIS; `None` when it is not Shift_JIS.
fn shift_jis_pairs(bytes: &[u8]) -> Option<usize> {
    let mut pairs = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            0x00..=0x7F | 0xA1..=0xDF => i += 1,
            0x81..=0x9F | 0xE0..=0xFC => {
                let trail = *bytes.get(i + 1)?;
                if !matches!(trail, 0x40..=0x7E | 0x80..=0xFC) {
                    return None;
                }
                pairs += 1;
                i += 2;
            }
            _ => return None,
        }
    }
    Some(pairs)
}

/// Counts the multi-byte characters of `bytes` read as EUC-JP; `None` when it is not EUC-JP.
fn euc_jp_chars(bytes: &[u8]) -> Option<usize> {
    let kana = |b: u8| (0xA1..=0xFE).contains(&b);
    let mut chars = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            0x00..=0x7F => i += 1,
            // Half-width katakana.
            0x8E => {
                if !(0xA1..=0xDF).contains(bytes.get(i + 1)?) {
                    return None;
                }
                chars += 1;
                i += 2;
            }
            // JIS X 0212.
            0x8F => {
                if !kana(*bytes.get(i + 1)?) || !kana(*bytes.get(i + 2)?) {
                    return None;
                }
                chars += 1;
                i += 3;
            }
            0xA1..=0xFE => {
                if !kana(*bytes.get(i + 1)?) {
                    return None;
                }
                chars += 1;
                i += 2;
            }
            _ => return None,
        }
    }
    Some(chars)
}

/// The legacy Japanese encoding `bytes` are written in, for bytes that are not UTF-8.
///
/// EUC-JP wins when both fit: real Shift_JIS text almost always has lead bytes 0x81–0x9F
/// (hiragana, katakana, common kanji), which EUC-JP does not allow, while EUC-JP text read as
/// Shift_JIS would be a run of half-width katakana.
pub fn sniff(bytes: &[u8]) -> Option<Legacy> {
    // NUL bytes mean UTF-16 (told apart by `json::parse_bytes`), never a Japanese encoding.
    if bytes.contains(&0) {
        return None;
    }
    match (euc_jp_chars(bytes), shift_jis_pairs(bytes)) {
        (Some(n), _) if n > 0 => Some(Legacy::EucJp),
        (_, Some(n)) if n > 0 => Some(Legacy::ShiftJis),
        _ => None,
    }
}

/// Where the first byte that is not UTF-8 is: line and column (in characters) of the text
/// before it, and the byte itself.
pub fn first_invalid(bytes: &[u8]) -> Option<(Pos, u8)> {
    let err = std::str::from_utf8(bytes).err()?;
    let valid = &bytes[..err.valid_up_to()];
    // The prefix is valid UTF-8 by construction.
    let before = std::str::from_utf8(valid).unwrap_or_default();
    let line = before.matches('\n').count() as u32 + 1;
    let last_line = before.rsplit('\n').next().unwrap_or_default();
    let column = last_line.chars().count() as u32 + 1;
    Some((Pos { line, column }, bytes[err.valid_up_to()]))
}

#[cfg(test)]
mod tests {
    use super::*;

    // "メール" in each encoding.
    const SJIS: &[u8] = &[0x83, 0x81, 0x81, 0x5B, 0x83, 0x8B];
    const EUC: &[u8] = &[0xA5, 0xE1, 0xA1, 0xBC, 0xA5, 0xEB];

    #[test]
    fn japanese_encodings_are_told_apart() {
        assert_eq!(
            sniff(&[b"{\"t\":\"".as_slice(), SJIS, b"\"}"].concat()),
            Some(Legacy::ShiftJis)
        );
        assert_eq!(
            sniff(&[b"{\"t\":\"".as_slice(), EUC, b"\"}"].concat()),
            Some(Legacy::EucJp)
        );
        // Latin-1 "café" is neither.
        assert_eq!(sniff(b"{\"t\":\"caf\xE9\"}"), None);
        assert_eq!(sniff(b"{\"t\":\"\xFF\xFE\"}"), None);
    }

    #[test]
    fn the_first_bad_byte_is_found_by_line_and_column() {
        let text = "{\n  \"名前\": \"a\u{00e9}".as_bytes();
        let bytes = [text, b"\xFFz\"}"].concat();
        let (pos, byte) = first_invalid(&bytes).unwrap();
        assert_eq!(byte, 0xFF);
        assert_eq!(
            pos,
            Pos {
                line: 2,
                column: 12
            }
        );
        assert_eq!(first_invalid("fine".as_bytes()), None);
    }
}
