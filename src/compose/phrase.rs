//! Phrases a line must never break inside: times, dates and durations (`午前8時55分頃～`,
//! `2時間29分`, `11月4日(火)`), network ranges and ids (`125.206.*.*`, `2001:db8::/48`,
//! `MLK-FX-000482-B`) and phone numbers (`0120-000-392`). Text is cut into runs; the views wrap
//! the kept runs in an unbreakable span (and addresses in an unambiguous face), so a narrow
//! column breaks between phrases, never as 「午前8 / 時55分」 or 「2時間29 / 分」.
//!
//! A range's wave dash stays with its first half (a line may break after 「～」, not before it).
//! Long tokens (mail addresses, URLs) are left to break anywhere: kept whole they would push
//! a phone-width column sideways.

/// How a run of text is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunKind {
    /// Ordinary text: lines break as the language's rules allow.
    Plain,
    /// A time, date, duration, number with its unit, id or phone number: one line.
    Keep,
    /// A network address or range (digits, dots, colons, `*`, `/`): one line, in a face where
    /// `*` and `.` cannot be misread.
    Address,
}

/// Longer ASCII tokens are not kept whole (a URL or mail address would overflow a column).
const MAX_TOKEN: usize = 28;

/// `text` as consecutive runs; concatenated they give back `text` exactly.
pub fn runs(text: &str) -> Vec<(RunKind, &str)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte = |i: usize| chars.get(i).map_or(text.len(), |c| c.0);
    let mut out: Vec<(RunKind, &str)> = Vec::new();
    let mut plain_from = 0usize;
    let mut i = 0usize;
    while i < chars.len() {
        let found = if let Some(end) = ascii_token(&chars, i) {
            Some((end, token_kind(&text[byte(i)..byte(end)])))
        } else {
            time_phrase(&chars, i).map(|end| (end, Some(RunKind::Keep)))
        };
        match found {
            Some((end, Some(kind))) => {
                if plain_from < i {
                    out.push((RunKind::Plain, &text[byte(plain_from)..byte(i)]));
                }
                out.push((kind, &text[byte(i)..byte(end)]));
                i = end;
                plain_from = end;
            }
            Some((end, None)) => i = end,
            None => i += 1,
        }
    }
    if plain_from < chars.len() {
        out.push((RunKind::Plain, &text[byte(plain_from)..]));
    }
    out
}

fn is_token_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '.' | '*' | ':' | '/' | '-' | '_' | '#' | '@' | '+' | ',')
}

/// A maximal run of ASCII token characters starting at `i` (only at a token's start).
fn ascii_token(chars: &[(usize, char)], i: usize) -> Option<usize> {
    let c = chars[i].1;
    if !(c.is_ascii_alphanumeric() || c == '*') {
        return None;
    }
    if i > 0 && is_token_char(chars[i - 1].1) {
        return None;
    }
    let mut end = i;
    while end < chars.len() && is_token_char(chars[end].1) {
        end += 1;
    }
    // Trailing punctuation belongs to the sentence (「…/48.」, 「412,」).
    while end > i + 1 && matches!(chars[end - 1].1, '.' | ',' | ':' | '-' | '/') {
        end -= 1;
    }
    // A number followed by a Japanese unit (9時, 2時間) is a time phrase, not a token.
    if chars[i..end]
        .iter()
        .all(|c| c.1.is_ascii_digit() || c.1 == ',')
    {
        return None;
    }
    Some(end)
}

/// What an ASCII token is: `None` for plain words and long tokens.
fn token_kind(token: &str) -> Option<RunKind> {
    let len = token.chars().count();
    if len > MAX_TOKEN || token.contains("://") || token.contains('@') {
        return None;
    }
    let dots = token.matches('.').count();
    let digits = token.chars().filter(char::is_ascii_digit).count();
    let address_chars = token
        .chars()
        .all(|c| c.is_ascii_hexdigit() || matches!(c, '.' | '*' | ':' | '/'));
    let ipv4ish = dots >= 2
        && token
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '*' | '/'));
    let ipv6ish = token.contains("::") || token.matches(':').count() >= 2;
    if address_chars && (ipv4ish || ipv6ish || token.contains('*')) {
        return Some(RunKind::Address);
    }
    // Ids, phone numbers, versions and sizes: anything with a digit or joined by hyphens.
    if len >= 2 && (digits > 0 || token.contains('-') || token.contains('_')) {
        return Some(RunKind::Keep);
    }
    None
}

const UNITS: [&str; 14] = [
    "時間", "日間", "分間", "秒間", "週間", "か月", "ヶ月", "カ月", "年", "月", "日", "時", "分",
    "秒",
];
const PREFIXES: [&str; 4] = ["午前", "午後", "約", "正午"];
const SUFFIXES: [&str; 5] = ["頃", "ごろ", "過ぎ", "前後", "以上"];
const WEEKDAYS: &str = "月火水木金土日";

fn starts(chars: &[(usize, char)], at: usize, word: &str) -> bool {
    let mut k = at;
    for w in word.chars() {
        match chars.get(k) {
            Some(&(_, c)) if c == w => k += 1,
            _ => return false,
        }
    }
    true
}

/// `約` `午前|午後` then one or more `<number><unit>` (with `(火)` after a day, `と` between
/// durations), then `頃` / `過ぎ` and a range's `～`. `None` unless at least one unit follows a
/// number (a bare 412 needs no care).
fn time_phrase(chars: &[(usize, char)], i: usize) -> Option<usize> {
    if i > 0 && chars[i - 1].1.is_ascii_digit() {
        return None;
    }
    let mut k = i;
    let mut units = 0;
    for p in PREFIXES {
        if starts(chars, k, p) {
            k += p.chars().count();
            if p == "正午" {
                units += 1;
            }
            if p == "約" {
                for q in ["午前", "午後"] {
                    if starts(chars, k, q) {
                        k += 2;
                    }
                }
            }
            break;
        }
    }
    loop {
        let mut n = k;
        while n < chars.len() && (chars[n].1.is_ascii_digit() || (chars[n].1 == ',' && n > k)) {
            n += 1;
        }
        if n == k {
            break;
        }
        let Some(unit) = UNITS.iter().find(|u| starts(chars, n, u)) else {
            break;
        };
        k = n + unit.chars().count();
        units += 1;
        if *unit == "日" {
            // (火) or （火）
            if let (Some(&(_, o)), Some(&(_, d)), Some(&(_, c))) =
                (chars.get(k), chars.get(k + 1), chars.get(k + 2))
            {
                if matches!(o, '(' | '（') && WEEKDAYS.contains(d) && matches!(c, ')' | '）') {
                    k += 3;
                }
            }
        }
        for q in ["午前", "午後"] {
            if starts(chars, k, q) && chars.get(k + 2).is_some_and(|c| c.1.is_ascii_digit()) {
                k += 2;
            }
        }
        if starts(chars, k, "正午") {
            k += 2;
        }
        if chars.get(k).is_some_and(|c| c.1 == 'と')
            && chars.get(k + 1).is_some_and(|c| c.1.is_ascii_digit())
        {
            k += 1;
        }
    }
    if units == 0 {
        return None;
    }
    for s in SUFFIXES {
        if starts(chars, k, s) {
            k += s.chars().count();
            break;
        }
    }
    if chars
        .get(k)
        .is_some_and(|c| matches!(c.1, '～' | '〜' | '~'))
    {
        k += 1;
    }
    Some(k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(text: &str) -> Vec<(RunKind, &str)> {
        runs(text)
            .into_iter()
            .filter(|(k, _)| *k != RunKind::Plain)
            .collect()
    }

    #[test]
    fn runs_give_back_the_text() {
        for t in [
            "",
            "障害",
            "11月4日(火)午前8時55分頃～午前10時24分",
            "125.206.*.* および 2001:db8:4a2::/48 の帯域。",
            "TEL: 0120-000-392 / https://www.example.jp/support/",
        ] {
            let joined: String = runs(t).iter().map(|r| r.1).collect();
            assert_eq!(joined, t);
        }
    }

    #[test]
    fn a_period_is_kept_in_halves_that_break_after_the_wave_dash() {
        assert_eq!(
            kept("11月4日(火)午前8時55分頃～午前10時24分"),
            vec![
                (RunKind::Keep, "11月4日(火)午前8時55分頃～"),
                (RunKind::Keep, "午前10時24分")
            ]
        );
        assert_eq!(kept("約1時間30分"), vec![(RunKind::Keep, "約1時間30分")]);
        assert_eq!(
            kept("最も長いお客様で2時間29分でした"),
            vec![(RunKind::Keep, "2時間29分")]
        );
        assert_eq!(
            kept("1日と4時間35分"),
            vec![(RunKind::Keep, "1日と4時間35分")]
        );
        assert_eq!(kept("正午過ぎ"), vec![(RunKind::Keep, "正午過ぎ")]);
        assert_eq!(
            kept("2025年11月12日"),
            vec![(RunKind::Keep, "2025年11月12日")]
        );
    }

    #[test]
    fn addresses_ids_and_phone_numbers() {
        assert_eq!(
            kept("125.206.*.* および 2001:db8:4a2::/48 の帯域。"),
            vec![
                (RunKind::Address, "125.206.*.*"),
                (RunKind::Address, "2001:db8:4a2::/48")
            ]
        );
        assert_eq!(
            kept("203.0.113.128/26"),
            vec![(RunKind::Address, "203.0.113.128/26")]
        );
        assert_eq!(
            kept("回線ID(例: MLK-FX-000482-B)"),
            vec![(RunKind::Keep, "MLK-FX-000482-B")]
        );
        assert_eq!(
            kept("TEL: 0120-000-392"),
            vec![(RunKind::Keep, "0120-000-392")]
        );
        assert_eq!(
            kept("rt-core-yk02 を再起動"),
            vec![(RunKind::Keep, "rt-core-yk02")]
        );
    }

    #[test]
    fn plain_words_numbers_and_long_tokens_are_left_alone() {
        assert!(kept("Webメールの応答").is_empty());
        assert!(kept("412回線").is_empty());
        assert!(kept("houjin-support@minatolink.example").is_empty());
        assert!(kept("https://www.minatolink.example/support/").is_empty());
    }
}
