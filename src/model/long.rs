//! Very long texts (a 19 MB title): shortened where they would swamp a view or a printout, with
//! a visible mark, so layout never has to measure megabytes of one line.

/// A title longer than this is shortened in headings, list rows and the letter.
pub const TITLE_CHARS: usize = 300;

/// `text` cut to `max` characters with "…" when it is longer; `None` when it fits.
pub fn clip(text: &str, max: usize) -> Option<String> {
    // Bytes bound characters from above: most texts are answered without counting.
    if text.len() <= max {
        return None;
    }
    let (cut, _) = text.char_indices().nth(max)?;
    Some(format!("{}…", &text[..cut]))
}

/// `text`, shortened by [`clip`] when it is longer than `max`.
pub fn clipped(text: &str, max: usize) -> String {
    clip(text, max).unwrap_or_else(|| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_texts_are_cut_at_a_character_with_a_mark() {
        assert_eq!(clip("短い", 10), None);
        assert_eq!(clip("あいうえお", 5), None);
        assert_eq!(clip("あいうえおか", 5).as_deref(), Some("あいうえお…"));
        assert_eq!(clipped(&"件".repeat(1_000_000), 3), "件件件…");
    }
}
