//! Who decides what the company's page shows: the deployer, never the URL.
//!
//! Two lists, both written by whoever deploys hokoku, in the page (`<meta>` in index.html, read
//! by [`crate::app::browser::deployer_setting`]) or in the host's `mount()` options:
//! - host origins, whose `hokoku:load` messages an iframe accepts;
//! - source origins, the other origins `?src=` (or `mount`'s `src`) may download from. The page's
//!   own origin is always allowed; every other origin is refused unless listed, and the check is
//!   made again on the final URL after redirects.
//!
//! A query parameter such as `?allow_origin=` is chosen by whoever writes the link, an attacker
//! included, so nothing here ever reads the URL. Pure functions, tested natively.

/// The origins of a deployer's list: exact `scheme://host[:port]` values (lower-cased, default
/// port dropped, as browsers write `MessageEvent.origin`), never `*` or a pattern. Separated by
/// spaces or commas; anything that is not an origin is left out.
pub fn parse_origins(list: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for origin in list
        .split([',', ' ', '\n', '\t'])
        .filter_map(normalize_origin)
    {
        if !out.contains(&origin) {
            out.push(origin);
        }
    }
    out
}

/// `https://Example.com:443/` → `https://example.com`; `None` for anything that is not an
/// http(s) origin (a path, a user, a wildcard, another scheme).
pub fn normalize_origin(s: &str) -> Option<String> {
    let lower = s.trim().to_ascii_lowercase();
    let (scheme, rest) = match lower.split_once("://")? {
        (scheme @ ("https" | "http"), rest) => (scheme, rest),
        _ => return None,
    };
    let authority = rest.strip_suffix('/').unwrap_or(rest);
    // `name[:port]` or `[ipv6][:port]`.
    let (name, port) = match authority.strip_prefix('[') {
        Some(v6) => {
            let (inside, after) = v6.split_once(']')?;
            let ok =
                !inside.is_empty() && inside.chars().all(|c| c.is_ascii_hexdigit() || c == ':');
            if !ok {
                return None;
            }
            (&authority[..inside.len() + 2], port_of(after)?)
        }
        None => {
            let (name, after) = match authority.find(':') {
                Some(i) => authority.split_at(i),
                None => (authority, ""),
            };
            let ok = !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'));
            if !ok {
                return None;
            }
            (name, port_of(after)?)
        }
    };
    let default_port = if scheme == "https" { "443" } else { "80" };
    Some(match port {
        Some(p) if p != default_port => format!("{scheme}://{name}:{p}"),
        _ => format!("{scheme}://{name}"),
    })
}

/// What follows a host: nothing (`Some(None)`), or `:digits` (`Some(Some(digits))`).
fn port_of(after: &str) -> Option<Option<&str>> {
    if after.is_empty() {
        return Some(None);
    }
    let port = after.strip_prefix(':')?;
    (!port.is_empty() && port.len() <= 5 && port.bytes().all(|b| b.is_ascii_digit()))
        .then_some(Some(port))
}

/// Whether a report downloaded from `origin` may be shown on a page of `page_origin`: the same
/// origin, or one the deployer listed. `null` (data:, file:, sandboxed) is never allowed.
pub fn source_allowed(origin: &str, page_origin: &str, listed: &[String]) -> bool {
    origin != "null" && (origin == page_origin || listed.iter().any(|o| o == origin))
}

/// Whether a `hokoku:load` message from `origin` may replace what the frame shows.
pub fn host_allowed(origin: &str, listed: &[String]) -> bool {
    origin != "null" && listed.iter().any(|o| o == origin)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_exact_and_never_wildcards() {
        assert_eq!(
            parse_origins("https://a.example, http://127.0.0.1:8080/  HTTPS://B.example:443"),
            [
                "https://a.example",
                "http://127.0.0.1:8080",
                "https://b.example"
            ]
        );
        assert_eq!(parse_origins("http://[::1]:8080"), ["http://[::1]:8080"]);
        assert_eq!(
            parse_origins("http://x.example:80 http://x.example"),
            ["http://x.example"]
        );
        for bad in [
            "*",
            "https://*.example.com",
            "javascript:alert(1)",
            "https://a.example/path",
            "https://user@a.example",
            "https://a.example:port",
            "null",
            "//a.example",
            "",
        ] {
            assert!(parse_origins(bad).is_empty(), "{bad}");
        }
    }

    #[test]
    fn sources_default_to_the_page_origin() {
        let page = "https://www.example.co.jp";
        assert!(source_allowed(page, page, &[]));
        assert!(!source_allowed("https://attacker.example", page, &[]));
        assert!(
            !source_allowed("http://www.example.co.jp", page, &[]),
            "scheme counts"
        );
        assert!(
            !source_allowed("https://www.example.co.jp:8443", page, &[]),
            "port counts"
        );
        let listed = parse_origins("https://reports.example.co.jp");
        assert!(source_allowed(
            "https://reports.example.co.jp",
            page,
            &listed
        ));
        assert!(!source_allowed(
            "https://evil.reports.example.co.jp",
            page,
            &listed
        ));
        assert!(!source_allowed("null", "null", &[]));
    }

    #[test]
    fn hosts_only_when_listed() {
        let listed = parse_origins("https://www.example.co.jp");
        assert!(host_allowed("https://www.example.co.jp", &listed));
        assert!(!host_allowed("https://attacker.example", &listed));
        assert!(!host_allowed("https://www.example.co.jp", &[]));
        assert!(!host_allowed("null", &["null".to_string()]));
    }
}
