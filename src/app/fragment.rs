//! Deep links to an event: `#event-<id>`, percent-encoded, so ids in any script (`検知-1`)
//! round-trip through the URL the app writes and the browser keeps.

/// `#event-<id>` for an event, percent-encoded as the browser keeps it, so an id in any script
/// (`検知-1`) round-trips through the URL.
pub fn fragment_for_event(id: &str) -> String {
    let mut out = String::from("event-");
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The event id of a fragment written by [`fragment_for_event`] (or typed by hand, encoded or
/// not); `None` when it is not an event's or does not decode to UTF-8.
pub fn event_from_fragment(fragment: &str) -> Option<String> {
    let encoded = fragment.strip_prefix("event-")?.as_bytes();
    let mut bytes = Vec::with_capacity(encoded.len());
    let mut i = 0;
    while i < encoded.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        let escaped = encoded
            .get(i + 1..i + 3)
            .and_then(|p| Some(hex(p[0])? * 16 + hex(p[1])?));
        match (encoded[i], escaped) {
            (b'%', Some(byte)) => {
                bytes.push(byte as u8);
                i += 3;
            }
            (b, _) => {
                bytes.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(bytes).ok().filter(|id| !id.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_ids_round_trip_through_the_fragment() {
        for id in ["e1", "検知-1", "障害 発生/1", "a%b", "100%"] {
            let fragment = fragment_for_event(id);
            assert!(fragment.is_ascii(), "{fragment}");
            assert_eq!(
                event_from_fragment(&fragment).as_deref(),
                Some(id),
                "{fragment}"
            );
        }
        assert_eq!(fragment_for_event("検"), "event-%E6%A4%9C");
        // Typed by hand without encoding, or cut short.
        assert_eq!(event_from_fragment("event-検知").as_deref(), Some("検知"));
        assert_eq!(event_from_fragment("event-%E6%A4"), None);
        assert_eq!(event_from_fragment("event-%"), Some("%".to_string()));
        assert_eq!(event_from_fragment("other"), None);
    }
}
