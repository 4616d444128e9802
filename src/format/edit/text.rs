//! Positions in the text: the parser's 1-based line and column (in characters), byte offsets
//! (what Rust slices use) and UTF-16 offsets (what `textarea.selectionStart` uses).

/// Byte offset of 1-based `line` and `column` (characters); clamped to the line's end and to
/// the text's end, so a stale position still lands somewhere sensible.
pub fn offset_of(text: &str, line: u32, column: u32) -> usize {
    let mut start = 0;
    for _ in 1..line.max(1) {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let line_text = &text[start..line_end];
    let skip = column.max(1) as usize - 1;
    start
        + line_text
            .char_indices()
            .nth(skip)
            .map_or(line_text.len(), |(i, _)| i)
}

/// 1-based (line, column in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (u32, u32) {
    let offset = floor_boundary(text, offset);
    let before = &text[..offset];
    let line = before.matches('\n').count() as u32 + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = text[line_start..offset].chars().count() as u32 + 1;
    (line, column)
}

/// The UTF-16 offset of a byte offset.
pub fn utf16_of(text: &str, offset: usize) -> u32 {
    text[..floor_boundary(text, offset)]
        .chars()
        .map(|c| c.len_utf16() as u32)
        .sum()
}

/// The byte offset of a UTF-16 offset (inside a surrogate pair: the character's start).
pub fn offset_of_utf16(text: &str, utf16: u32) -> usize {
    let mut units = 0;
    for (i, c) in text.char_indices() {
        if units >= utf16 {
            return i;
        }
        units += c.len_utf16() as u32;
        if units > utf16 {
            return i;
        }
    }
    text.len()
}

/// The number of lines, as a gutter counts them (an empty text has one).
pub fn line_count(text: &str) -> usize {
    text.matches('\n').count() + 1
}

/// The leading spaces and tabs of the line holding `offset`.
pub fn indent_at(text: &str, offset: usize) -> &str {
    let offset = floor_boundary(text, offset);
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let rest = &text[start..];
    let len = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    &rest[..len]
}

/// True when only spaces and tabs come before `offset` on its line.
pub fn starts_line(text: &str, offset: usize) -> bool {
    let offset = floor_boundary(text, offset);
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    text[start..offset].bytes().all(|b| b == b' ' || b == b'\t')
}

fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut o = offset.min(text.len());
    while !text.is_char_boundary(o) {
        o -= 1;
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "{\n  \"title\": \"障害のご報告\",\n  \"x\": \"😀a\"\n}";

    #[test]
    fn line_and_column_round_trip_through_offsets() {
        for offset in TEXT.char_indices().map(|(i, _)| i) {
            let (line, column) = line_column(TEXT, offset);
            assert_eq!(offset_of(TEXT, line, column), offset, "at {offset}");
        }
    }

    #[test]
    fn columns_count_characters() {
        let at = TEXT.find('報').unwrap();
        assert_eq!(line_column(TEXT, at), (2, 17));
        assert_eq!(offset_of(TEXT, 2, 17), at);
    }

    #[test]
    fn positions_past_the_end_are_clamped() {
        assert_eq!(
            offset_of(TEXT, 2, 999),
            TEXT.find(",\n  \"x\"").unwrap() + 1
        );
        assert_eq!(offset_of(TEXT, 99, 1), TEXT.len());
        assert_eq!(offset_of("", 1, 1), 0);
    }

    #[test]
    fn utf16_counts_surrogate_pairs_as_two() {
        let a = TEXT.rfind('a').unwrap();
        let emoji = TEXT.find('😀').unwrap();
        assert_eq!(utf16_of(TEXT, a) - utf16_of(TEXT, emoji), 2);
        assert_eq!(offset_of_utf16(TEXT, utf16_of(TEXT, a)), a);
        assert_eq!(offset_of_utf16(TEXT, utf16_of(TEXT, emoji) + 1), emoji);
        assert_eq!(offset_of_utf16(TEXT, 10_000), TEXT.len());
    }

    #[test]
    fn indent_and_line_start() {
        let x = TEXT.find("\"x\"").unwrap();
        assert_eq!(indent_at(TEXT, x), "  ");
        assert!(starts_line(TEXT, x));
        assert!(!starts_line(TEXT, x + 1));
        assert_eq!(line_count(TEXT), 4);
        assert_eq!(line_count(""), 1);
    }
}
