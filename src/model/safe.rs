//! Rules for turning untrusted text into links. Everything else from the JSON is only ever text.

/// True for absolute http(s) URLs: the only kind of web link built from data.
pub fn is_web_url(s: &str) -> bool {
    let t = s.trim_start();
    let lower: String = t.chars().take(8).collect::<String>().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !t.chars().any(|c| c.is_control() || c.is_whitespace())
}

/// An `href` for a contact field, or `None` when it must stay plain text.
pub fn mailto(email: &str) -> Option<String> {
    let ok = email.contains('@')
        && !email.chars().any(|c| {
            c.is_control() || c.is_whitespace() || matches!(c, '<' | '>' | '"' | '?' | '&')
        });
    ok.then(|| format!("mailto:{email}"))
}

/// A `tel:` href from a written phone number ("03-1234-5678"), keeping digits and a leading +.
pub fn tel(phone: &str) -> Option<String> {
    let digits: String = phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    (digits.chars().filter(char::is_ascii_digit).count() >= 3).then(|| format!("tel:{digits}"))
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
    }
}
