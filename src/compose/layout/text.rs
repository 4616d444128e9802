//! How wide a label will be, without a browser to measure it, and how to shorten it with "…".
//!
//! Layout runs natively in tests and before the DOM exists, so widths are estimated from the
//! characters: full-width (CJK, kana, full-width forms) take one em, everything else about 0.6 em.
//! The estimate errs on the wide side so labels that "fit" really do.

/// Width of one character in ems.
pub fn char_em(c: char) -> f64 {
    if is_wide(c) {
        1.0
    } else if c == ' ' {
        0.32
    } else if c.is_ascii_uppercase() || matches!(c, 'm' | 'w' | 'M' | 'W' | '@') {
        0.72
    } else {
        0.6
    }
}

/// East Asian wide and full-width characters (the ranges that occur in reports).
fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F
        | 0x2460..=0x24FF // ①②③
        | 0x25A0..=0x25FF // ■◇○
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA960..=0xA97F
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD)
}

/// Estimated width of `text` in pixels at `font_px`.
pub fn width(text: &str, font_px: f64) -> f64 {
    text.chars().map(char_em).sum::<f64>() * font_px
}

/// The first line of a text with runs of white space collapsed: what fits on a marker label.
pub fn one_line(text: &str) -> String {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    first.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A text shortened to a width.
#[derive(Clone, Debug, PartialEq)]
pub struct Fitted {
    pub text: String,
    /// True when characters were dropped (the text ends with "…").
    pub truncated: bool,
    pub width: f64,
}

/// The longest prefix of `text` (plus "…" when shortened) that fits in `max_px`; `None` when
/// not even one character and the ellipsis fit, or the text is empty.
pub fn fit(text: &str, max_px: f64, font_px: f64) -> Option<Fitted> {
    if text.is_empty() || max_px.is_nan() || max_px <= 0.0 {
        return None;
    }
    let full = width(text, font_px);
    if full <= max_px {
        return Some(Fitted {
            text: text.to_owned(),
            truncated: false,
            width: full,
        });
    }
    let ellipsis = char_em('…') * font_px;
    let mut used = ellipsis;
    let mut out = String::new();
    for c in text.chars() {
        let w = char_em(c) * font_px;
        if used + w > max_px {
            break;
        }
        used += w;
        out.push(c);
    }
    // A lone character and "…" says nothing; leave the marker unlabelled instead.
    if out.chars().count() < 2 {
        return None;
    }
    let trimmed = out.trim_end().to_owned();
    let used = width(&trimmed, font_px) + ellipsis;
    Some(Fitted {
        text: format!("{trimmed}…"),
        truncated: true,
        width: used,
    })
}

/// `text` broken into lines no wider than `max_px` (at any character: Japanese has no spaces),
/// at most `max_lines`, the last one shortened with "…" when text is left over.
pub fn wrap(text: &str, max_px: f64, font_px: f64, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut used = 0.0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let w = char_em(c) * font_px;
        if used + w > max_px && !line.is_empty() {
            if lines.len() + 1 == max_lines {
                let rest: String = std::iter::once(c).chain(chars).collect();
                let last = format!("{line}{rest}");
                let fitted = fit(&last, max_px, font_px).map(|f| f.text).unwrap_or(line);
                lines.push(fitted);
                return lines;
            }
            lines.push(std::mem::take(&mut line).trim_end().to_owned());
            used = 0.0;
            if c == ' ' {
                continue;
            }
        }
        line.push(c);
        used += w;
    }
    if !line.is_empty() && max_lines > 0 {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_count_double() {
        assert_eq!(width("障害", 10.0), 20.0);
        assert!((width("ab", 10.0) - 12.0).abs() < 1e-9);
        assert_eq!(width("①", 10.0), 10.0);
    }

    #[test]
    fn fit_keeps_short_text_and_shortens_long_text() {
        let f = fit("復旧", 100.0, 10.0).unwrap();
        assert_eq!(
            f,
            Fitted {
                text: "復旧".into(),
                truncated: false,
                width: 20.0
            }
        );
        let f = fit("ストレージ装置を交換しました", 60.0, 10.0).unwrap();
        assert!(f.truncated);
        assert!(f.text.ends_with('…'));
        assert!(f.width <= 60.0, "{f:?}");
        assert_eq!(f.text, "ストレージ…");
    }

    #[test]
    fn fit_gives_up_when_nothing_useful_fits() {
        assert_eq!(fit("ストレージ", 15.0, 10.0), None);
        assert_eq!(fit("", 100.0, 10.0), None);
        assert_eq!(fit("abc", f64::NAN, 10.0), None);
    }

    #[test]
    fn wrap_breaks_anywhere_and_stops_at_the_last_line() {
        assert_eq!(
            wrap("障害が発生しました", 40.0, 10.0, 3),
            vec!["障害が発", "生しまし", "た"]
        );
        let lines = wrap("障害が発生しました", 40.0, 10.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'), "{lines:?}");
        assert!(lines.iter().all(|l| width(l, 10.0) <= 40.0));
        assert_eq!(wrap("", 40.0, 10.0, 2), Vec::<String>::new());
    }

    #[test]
    fn one_line_takes_the_first_non_empty_line() {
        assert_eq!(one_line("\n  a   b \nc"), "a b");
        assert_eq!(one_line(""), "");
    }
}
