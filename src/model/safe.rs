//! Rules for untrusted text: which invisible characters are removed from it, and when it may
//! become a link. Everything else from the JSON is only ever text.

/// Characters that are invisible or change how the text around them is ordered or read, so that
/// text shown could read differently from what it is: a phone number that displays as
/// "0120814-000-" while its link dials 0120000814 (U+200F), a URL with a hidden break, words
/// that look the same and compare different. A formal report never needs one, so the decoder
/// removes them (with a warning). Variation selectors (U+FE00–FE0F, U+E0100–E01EF) stay: they
/// choose a glyph for the character before them (異体字 in names) and reorder nothing.
pub fn is_hidden_char(c: char) -> bool {
    matches!(c,
        '\u{00AD}'                       // soft hyphen
        | '\u{034F}'                     // combining grapheme joiner
        | '\u{061C}'                     // Arabic letter mark
        | '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' // Hangul fillers (blank "letters")
        | '\u{17B4}' | '\u{17B5}'        // Khmer inherent vowels (invisible)
        | '\u{180B}'..='\u{180F}'        // Mongolian variation selectors and vowel separator
        | '\u{200B}'..='\u{200F}'        // zero-width space, non-joiner, joiner, LRM, RLM
        | '\u{202A}'..='\u{202E}'        // embeddings and overrides
        | '\u{2060}'..='\u{206F}'        // word joiner, invisible operators, isolates, deprecated
        | '\u{FEFF}'                     // zero-width no-break space (BOM)
        | '\u{FFF0}'..='\u{FFFB}'        // unassigned specials, interlinear annotation
        | '\u{1D173}'..='\u{1D17A}'      // musical formatting controls
        | '\u{E0000}'..='\u{E00FF}'      // tags (invisible ASCII copies)
    )
}

/// `s` without its hidden characters, or `None` when it has none (the common case: no copy).
pub fn strip_hidden(s: &str) -> Option<String> {
    has_hidden(s).then(|| s.chars().filter(|c| !is_hidden_char(*c)).collect())
}

/// Whether `s` holds a hidden character, read by bytes: every text of a file goes through
/// here, and decoding each character cost a 1,300-report history 55 ms and a 19 MB title 80 ms.
/// A character is decoded only where its first two UTF-8 bytes are those of a hidden one (the
/// table is checked against `is_hidden_char` for every character by a test).
fn has_hidden(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let lead = bytes[i];
        if lead < 0x80 {
            i += 1;
            continue;
        }
        // `s` is UTF-8, so a lead byte's width is exact and `i` stays on a character boundary.
        let width = match lead {
            0xF0.. => 4,
            0xE0.. => 3,
            _ => 2,
        };
        let maybe = matches!(
            (lead, bytes.get(i + 1).copied().unwrap_or(0)),
            (0xC2, 0xAD)
                | (0xCD, 0x8F)
                | (0xD8, 0x9C)
                | (0xE1, 0x85 | 0x9E | 0xA0)
                | (0xE2, 0x80 | 0x81)
                | (0xE3, 0x85)
                | (0xEF, 0xBB | 0xBE | 0xBF)
                | (0xF0, 0x9D)
                | (0xF3, 0xA0)
        );
        if maybe && s[i..].chars().next().is_some_and(is_hidden_char) {
            return true;
        }
        i += width;
    }
    false
}

/// Text for a place that holds one line, the tab title: control characters (NUL, line breaks),
/// U+2028/U+2029 and hidden characters become spaces, and runs of spaces one.
pub fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let blank = c.is_control() || c.is_whitespace() || is_hidden_char(c);
        if !blank {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.truncate(out.trim_end().len());
    out
}

/// True for absolute http(s) URLs: the only kind of web link built from data. Nothing hidden
/// may sit in one, so the address read is the address opened.
pub fn is_web_url(s: &str) -> bool {
    let t = s.trim_start();
    let lower: String = t.chars().take(8).collect::<String>().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !t
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || is_hidden_char(c))
}

/// An `href` for a contact field, or `None` when it must stay plain text.
pub fn mailto(email: &str) -> Option<String> {
    let ok = email.contains('@')
        && !email.chars().any(|c| {
            c.is_control()
                || c.is_whitespace()
                || is_hidden_char(c)
                || matches!(c, '<' | '>' | '"' | '?' | '&')
        });
    ok.then(|| format!("mailto:{email}"))
}

/// A `tel:` href from a written phone number ("03-1234-5678", "０３（１２３４）５６７８",
/// "+81 3 1234 5678"), or `None` when the text is not only a phone number: then it stays plain
/// text, because a link built from part of it would dial digits the reader did not see in that
/// order. The digits dialled are exactly the digits shown, in the order shown.
pub fn tel(phone: &str) -> Option<String> {
    let phone = phone.trim();
    let mut href = String::from("tel:");
    let mut digits = 0;
    for (i, c) in phone.chars().enumerate() {
        match c {
            '0'..='9' => href.push(c),
            // Full-width digits, as Japanese text often writes them.
            '０'..='９' => href.push(char::from(b'0' + (c as u32 - '０' as u32) as u8)),
            '+' | '＋' if i == 0 => {
                href.push('+');
                continue;
            }
            // Separators people write between groups; they are not dialled.
            ' ' | '\u{3000}' | '-' | '‐' | '‑' | '–' | '−' | '－' | 'ー' | '.' | '(' | ')'
            | '（' | '）' => continue,
            _ => return None,
        }
        digits += 1;
    }
    (3..=15).contains(&digits).then_some(href)
}

/// Whether `?src=` may be fetched: http(s) absolute URLs or relative paths, nothing with another
/// scheme (`javascript:`, `data:`, `file:` …).
pub fn is_fetchable_src(src: &str) -> bool {
    let s = src.trim();
    if s.is_empty() || s.chars().any(|c| c.is_control()) {
        return false;
    }
    if is_web_url(s) {
        return true;
    }
    // A scheme is letters/digits/+.- before the first ':' that comes before any '/', '?' or '#'.
    match s.find(':') {
        None => true,
        Some(colon) => s[..colon].contains(['/', '?', '#']),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_scan_finds_exactly_the_hidden_characters() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let alone = c.to_string();
            assert_eq!(has_hidden(&alone), is_hidden_char(c), "U+{:04X}", c as u32);
            // Between other text too: the scan keeps to character boundaries.
            let inside = format!("a障{c}😀");
            assert_eq!(
                has_hidden(&inside),
                is_hidden_char(c),
                "U+{:04X} inside",
                c as u32
            );
        }
        assert_eq!(
            strip_hidden("電話\u{200F}0120").as_deref(),
            Some("電話0120")
        );
        assert_eq!(strip_hidden("電話0120"), None);
    }

    #[test]
    fn web_urls() {
        assert!(is_web_url("https://example.com/a"));
        assert!(is_web_url("HTTP://example.com"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(!is_web_url("data:text/html,<script>"));
        assert!(!is_web_url("https://exa mple.com"));
        assert!(!is_web_url("//example.com"));
    }

    #[test]
    fn fetchable_sources() {
        assert!(is_fetchable_src("incidents/2026-03-01.json"));
        assert!(is_fetchable_src("/data/a.json"));
        assert!(is_fetchable_src("https://example.com/a.json"));
        assert!(is_fetchable_src("a.json?x=1:2"));
        assert!(!is_fetchable_src("javascript:alert(1)"));
        assert!(!is_fetchable_src(" JavaScript:alert(1)"));
        assert!(!is_fetchable_src("data:application/json,{}"));
        assert!(!is_fetchable_src("file:///etc/passwd"));
        assert!(!is_fetchable_src(""));
    }

    #[test]
    fn contact_links() {
        assert_eq!(
            mailto("support@example.jp").as_deref(),
            Some("mailto:support@example.jp")
        );
        assert_eq!(mailto("a@b\"><script>"), None);
        assert_eq!(tel("03-1234-5678").as_deref(), Some("tel:0312345678"));
        assert_eq!(tel("+81 3 1234 5678").as_deref(), Some("tel:+81312345678"));
        assert_eq!(tel("なし"), None);
        assert_eq!(
            tel("０３（１２３４）５６７８").as_deref(),
            Some("tel:0312345678")
        );
        assert_eq!(tel("＋81-3-1234-5678").as_deref(), Some("tel:+81312345678"));
        // Text around the number, or a + that is not in front: not only a phone number.
        assert_eq!(tel("0120-000-814（平日 9:00–18:00）"), None);
        assert_eq!(tel("03-1234-5678 内線 12"), None);
        assert_eq!(tel("03+1234"), None);
        // A direction mark reorders what is shown; the link must not dial another order.
        assert_eq!(tel("0120\u{200F}-000-814"), None);
        assert_eq!(tel("12"), None);
    }

    #[test]
    fn hidden_characters_are_every_invisible_reordering_one() {
        for c in [
            '\u{200E}',
            '\u{200F}',
            '\u{061C}',
            '\u{202E}',
            '\u{2066}',
            '\u{2069}',
            '\u{200B}',
            '\u{200D}',
            '\u{2060}',
            '\u{FEFF}',
            '\u{00AD}',
            '\u{3164}',
            '\u{E0041}',
            '\u{206A}',
        ] {
            assert!(is_hidden_char(c), "U+{:04X}", c as u32);
        }
        // Visible text, and glyph variation selectors (異体字) that reorder nothing, stay.
        for c in [
            'a',
            '漢',
            '－',
            ' ',
            '\u{3000}',
            '\u{FE0F}',
            '\u{E0100}',
            '\u{E01EF}',
            '\n',
        ] {
            assert!(!is_hidden_char(c), "U+{:04X}", c as u32);
        }
        assert_eq!(
            strip_hidden("0120\u{200F}814-000-\u{200E}").as_deref(),
            Some("0120814-000-")
        );
        assert_eq!(strip_hidden("葛\u{E0100}飾区"), None);
        assert_eq!(strip_hidden("plain"), None);
    }

    #[test]
    fn one_line_text_for_the_tab_title() {
        assert_eq!(
            one_line("A\0B\u{2028}C\u{2029}\nD\u{200F}  E "),
            "A B C D E"
        );
        assert_eq!(one_line("\u{3000}障害のご報告"), "障害のご報告");
    }

    #[test]
    fn links_refuse_hidden_characters() {
        assert!(!is_web_url("https://exa\u{200B}mple.com"));
        assert!(!is_web_url("https://example.com/\u{202E}gpj.exe"));
        assert_eq!(mailto("a\u{200F}@b.example"), None);
    }
}
