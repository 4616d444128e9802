//! The zone a report's times are shown in: a fixed UTC offset (`"zone": "+09:00"`) or a named
//! IANA zone with its daylight saving (`"zone": "America/New_York"`).
//!
//! Instants stay `DateTime<FixedOffset>` everywhere (an explicit offset in a file is the
//! authority for the instant); a zone only says which offset to SHOW an instant in, and how to
//! read a wall-clock time written without an offset. A named zone's offset is asked for the
//! instant itself, so 01:30 PST and 03:30 PDT on 2026-03-08 are both right and a three-hour
//! outage across the change is three hours (durations are always taken on instants).
//!
//! Where the offsets come from is the one platform-specific part, behind two functions
//! (`canonical`, `offset_seconds`): natively the tz database bundled with `jiff` (tests, the
//! CLI, server-side rendering), in the browser `Intl.DateTimeFormat` (no tz data in the wasm).
//! Everything built on them (wall-clock resolution, offset changes inside a window, labels) is
//! this file's shared code, exercised by the native tests.

#[cfg(target_arch = "wasm32")]
mod intl;
#[cfg(not(target_arch = "wasm32"))]
mod tzdb;

#[cfg(target_arch = "wasm32")]
use intl as provider;
#[cfg(not(target_arch = "wasm32"))]
use tzdb as provider;

use std::sync::Mutex;

use chrono::{DateTime, FixedOffset, NaiveDateTime, Utc};

/// How a report's times are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Zone {
    /// One offset all year: `+09:00`, `-05:00`, `Z`.
    Fixed(FixedOffset),
    /// An IANA zone, by its canonical name (interned: a zone is `Copy` like an offset).
    Named(&'static str),
}

/// What a wall-clock time without an offset means in a zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Local {
    /// The usual case: one instant.
    Single(DateTime<FixedOffset>),
    /// The clock went back and showed this time twice (earlier, later).
    Twice(DateTime<FixedOffset>, DateTime<FixedOffset>),
    /// The clock jumped over this time (spring forward): the instant the same distance past the
    /// jump, as a clock that was not put forward would read it.
    Skipped(DateTime<FixedOffset>),
}

impl Local {
    /// The instant to use: the only one, the earlier of two, or the one past a jump.
    pub fn instant(self) -> DateTime<FixedOffset> {
        match self {
            Local::Single(t) | Local::Twice(t, _) | Local::Skipped(t) => t,
        }
    }
}

impl From<FixedOffset> for Zone {
    fn from(o: FixedOffset) -> Zone {
        Zone::Fixed(o)
    }
}

/// A zone is the offset when it is that fixed offset (tests and callers that think in offsets).
impl PartialEq<FixedOffset> for Zone {
    fn eq(&self, other: &FixedOffset) -> bool {
        *self == Zone::Fixed(*other)
    }
}

/// Names already validated, leaked once each so a `Zone` stays `Copy` (a few hundred at most:
/// only names the tz database knows get here).
static NAMES: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());

fn known(name: &str) -> Option<&'static str> {
    let names = NAMES.lock().unwrap_or_else(|e| e.into_inner());
    names.iter().find(|n| **n == name).copied()
}

fn intern(name: &str) -> &'static str {
    let mut names = NAMES.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(n) = names.iter().find(|n| **n == name) {
        return n;
    }
    let leaked: &'static str = Box::leak(name.to_string().into_boxed_str());
    names.push(leaked);
    leaked
}

fn fixed(secs: i32) -> FixedOffset {
    FixedOffset::east_opt(secs).unwrap_or(FixedOffset::east_opt(0).expect("UTC"))
}

impl Zone {
    pub const UTC: Zone = Zone::Fixed(match FixedOffset::east_opt(0) {
        Some(o) => o,
        None => unreachable!(),
    });

    /// Japan's offset, the product's default zone.
    pub fn jst() -> Zone {
        Zone::Fixed(fixed(9 * 3600))
    }

    /// A named zone the tz database (natively) or the browser knows; `None` for a name neither
    /// knows. Case is forgiven (`america/new_york`); the canonical spelling is kept.
    pub fn named(name: &str) -> Option<Zone> {
        let name = name.trim();
        if name.is_empty() || name.len() > 64 {
            return None;
        }
        // A history names its zone once per report: a name already known skips the database
        // (in the browser, building an Intl formatter).
        if let Some(known) = known(name) {
            return Some(Zone::Named(known));
        }
        provider::canonical(name).map(|n| Zone::Named(intern(&n)))
    }

    /// The IANA name, for a named zone.
    pub fn name(self) -> Option<&'static str> {
        match self {
            Zone::Named(n) => Some(n),
            Zone::Fixed(_) => None,
        }
    }

    /// The offset all year, for a fixed zone.
    pub fn fixed(self) -> Option<FixedOffset> {
        match self {
            Zone::Fixed(o) => Some(o),
            Zone::Named(_) => None,
        }
    }

    /// The offset in force at an instant (Unix seconds).
    pub fn offset_at_secs(self, secs: i64) -> FixedOffset {
        match self {
            Zone::Fixed(o) => o,
            Zone::Named(name) => fixed(provider::offset_seconds(name, secs).unwrap_or(0)),
        }
    }

    /// The offset in force at an instant.
    pub fn offset_at<Tz: chrono::TimeZone>(self, at: &DateTime<Tz>) -> FixedOffset {
        self.offset_at_secs(at.timestamp())
    }

    /// An instant as this zone's clock shows it.
    pub fn local<Tz: chrono::TimeZone>(self, at: DateTime<Tz>) -> DateTime<FixedOffset> {
        let offset = self.offset_at(&at);
        at.with_timezone(&offset)
    }

    /// The instant a Unix-millisecond time is, on this zone's clock.
    pub fn local_ms(self, ms: i64) -> Option<DateTime<FixedOffset>> {
        DateTime::<Utc>::from_timestamp_millis(ms).map(|u| self.local(u))
    }

    /// What a wall-clock time written without an offset means here.
    pub fn resolve(self, wall: NaiveDateTime) -> Local {
        let as_utc = wall.and_utc().timestamp();
        // The offsets a day either side cover every real transition (none is bigger than a day).
        let before = self.offset_at_secs(as_utc - 86_400);
        let after = self.offset_at_secs(as_utc + 86_400);
        let fits = |o: FixedOffset| {
            let t = wall.and_utc().timestamp() - i64::from(o.local_minus_utc());
            (self.offset_at_secs(t) == o).then(|| at(t, o))
        };
        match (fits(before), fits(after)) {
            (Some(a), Some(b)) if a != b => {
                let (a, b) = if a <= b { (a, b) } else { (b, a) };
                Local::Twice(a, b)
            }
            (Some(a), _) | (None, Some(a)) => Local::Single(a),
            (None, None) => {
                // Read with the offset before the jump, the instant falls after it.
                let t = as_utc - i64::from(before.local_minus_utc());
                Local::Skipped(at(t, self.offset_at_secs(t)))
            }
        }
    }

    /// The stretches of constant offset in `from_ms..=to_ms`, each as (first ms, offset), in
    /// order; one stretch for a fixed zone or a window without a change.
    pub fn stretches(self, from_ms: i64, to_ms: i64) -> Vec<(i64, FixedOffset)> {
        let at_ms = |ms: i64| self.offset_at_secs(ms.div_euclid(1000));
        let mut out = vec![(from_ms, at_ms(from_ms))];
        if matches!(self, Zone::Fixed(_)) || to_ms <= from_ms {
            return out;
        }
        // Transitions are months apart: probing every six hours (coarser for very long windows)
        // finds each, and halving finds its second.
        let step = (6 * 3_600_000_i64).max((to_ms - from_ms) / 4000);
        let mut probe = from_ms;
        while probe < to_ms {
            let next = (probe + step).min(to_ms);
            let (a, b) = (at_ms(probe), at_ms(next));
            if a != b {
                let (mut lo, mut hi) = (probe, next);
                while hi - lo > 1000 {
                    let mid = lo + (hi - lo) / 2;
                    if at_ms(mid) == a {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                let first = hi.div_euclid(1000) * 1000;
                out.push((first, b));
            }
            probe = next;
        }
        out
    }

    /// Whether the reader is in Japan: +09:00 or a Japanese zone (the letter then needs no
    /// note saying which zone its times are in, and times carry no zone mark).
    pub fn is_japan(self) -> bool {
        match self {
            Zone::Fixed(o) => o.local_minus_utc() == 9 * 3600,
            Zone::Named(n) => matches!(n, "Asia/Tokyo" | "Japan"),
        }
    }

    /// Whether each time shown should carry its offset: a named zone outside Japan, whose
    /// offset may change within a report (a fixed zone is stated once, in the legend).
    pub fn marks_times(self) -> bool {
        matches!(self, Zone::Named(_)) && !self.is_japan()
    }
}

fn at(secs: i64, o: FixedOffset) -> DateTime<FixedOffset> {
    DateTime::<Utc>::from_timestamp(secs, 0)
        .unwrap_or_default()
        .with_timezone(&o)
}

/// An offset as written after a time: `UTC`, `UTC-7`, `UTC+5:30` (`−` is kept ASCII so the text
/// can be searched and copied).
pub fn offset_mark(o: FixedOffset) -> String {
    let secs = o.local_minus_utc();
    if secs == 0 {
        return "UTC".to_string();
    }
    let sign = if secs < 0 { '-' } else { '+' };
    let abs = secs.unsigned_abs();
    let (h, m) = (abs / 3600, abs % 3600 / 60);
    if m == 0 {
        format!("UTC{sign}{h}")
    } else {
        format!("UTC{sign}{h}:{m:02}")
    }
}

/// An offset as `Intl.DateTimeFormat` writes it with `timeZoneName: "longOffset"` (`GMT`,
/// `GMT-07:00`, `GMT+05:30`, and for old local mean times `GMT-07:52:58`), in seconds east.
/// Here rather than in the browser-only code so the native tests check the parsing the
/// browser relies on.
pub fn parse_gmt_offset(text: &str) -> Option<i32> {
    let rest = text
        .trim()
        .strip_prefix("GMT")
        .or_else(|| text.trim().strip_prefix("UTC"))?;
    if rest.is_empty() {
        return Some(0);
    }
    let (sign, rest) = match rest.as_bytes()[0] {
        b'+' => (1, &rest[1..]),
        b'-' => (-1, &rest[1..]),
        _ => match rest.strip_prefix('\u{2212}') {
            Some(r) => (-1, r),
            None => return None,
        },
    };
    let mut parts = rest.split(':');
    let h: i32 = parts.next()?.parse().ok()?;
    let m: i32 = parts.next().map_or(Some(0), |p| p.parse().ok())?;
    let s: i32 = parts.next().map_or(Some(0), |p| p.parse().ok())?;
    if parts.next().is_some() || h > 25 || m > 59 || s > 59 {
        return None;
    }
    Some(sign * (h * 3600 + m * 60 + s))
}

#[cfg(test)]
mod tests;
