//! The shared zone logic on the native tz database: offsets across the 2026 changes, wall
//! clocks the change skips or repeats, stretches of constant offset, and the parsing of the
//! offsets the browser's `Intl` writes.

use chrono::{DateTime, FixedOffset, NaiveDateTime};

use super::*;

fn la() -> Zone {
    Zone::named("America/Los_Angeles").expect("known zone")
}

fn t(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).expect("rfc3339")
}

fn wall(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").expect("wall")
}

#[test]
fn a_named_zone_is_interned_under_its_canonical_name() {
    let a = Zone::named("america/los_angeles").expect("case is forgiven");
    assert_eq!(a, la());
    assert_eq!(a.name(), Some("America/Los_Angeles"));
    assert_eq!(Zone::named("America/Nowhere"), None);
    assert_eq!(Zone::named(""), None);
    assert_eq!(
        Zone::named("Etc/Unknown"),
        None,
        "the database's 'no zone' is not a zone"
    );
}

#[test]
fn the_offset_follows_daylight_saving_on_2026_03_08() {
    // 2026-03-08 02:00 PST (10:00 UTC) the clocks go to 03:00 PDT.
    let before = la().local(t("2026-03-08T09:59:00Z"));
    let after = la().local(t("2026-03-08T10:00:00Z"));
    assert_eq!(before.to_rfc3339(), "2026-03-08T01:59:00-08:00");
    assert_eq!(after.to_rfc3339(), "2026-03-08T03:00:00-07:00");
    // An explicit offset in a file stays the instant: only the display moves.
    let written = t("2026-03-08T04:30:00-05:00");
    assert_eq!(la().local(written), written);
    assert_eq!(
        la().local(written).to_rfc3339(),
        "2026-03-08T01:30:00-08:00"
    );
}

#[test]
fn wall_clock_times_resolve_with_skips_and_repeats() {
    assert_eq!(
        la().resolve(wall("2026-03-08T01:30")),
        Local::Single(t("2026-03-08T01:30:00-08:00"))
    );
    // 02:30 never shows on the clock that night: read as the instant an hour later.
    assert_eq!(
        la().resolve(wall("2026-03-08T02:30")),
        Local::Skipped(t("2026-03-08T03:30:00-07:00"))
    );
    // 2026-11-01 01:30 happens twice, first in PDT.
    assert_eq!(
        la().resolve(wall("2026-11-01T01:30")),
        Local::Twice(
            t("2026-11-01T01:30:00-07:00"),
            t("2026-11-01T01:30:00-08:00")
        )
    );
    let fixed = Zone::Fixed(FixedOffset::east_opt(9 * 3600).unwrap());
    assert_eq!(
        fixed.resolve(wall("2026-03-08T02:30")),
        Local::Single(t("2026-03-08T02:30:00+09:00"))
    );
}

#[test]
fn stretches_split_a_window_at_each_change() {
    let ms = |s: &str| t(s).timestamp_millis();
    let pieces = la().stretches(ms("2026-03-07T12:00:00Z"), ms("2026-03-09T12:00:00Z"));
    let pdt = FixedOffset::west_opt(7 * 3600).unwrap();
    let pst = FixedOffset::west_opt(8 * 3600).unwrap();
    assert_eq!(
        pieces,
        vec![
            (ms("2026-03-07T12:00:00Z"), pst),
            (ms("2026-03-08T10:00:00Z"), pdt)
        ]
    );
    assert_eq!(
        la().stretches(ms("2026-06-01T00:00:00Z"), ms("2026-06-02T00:00:00Z"))
            .len(),
        1
    );
    assert_eq!(Zone::UTC.stretches(0, 10_000_000_000).len(), 1);
}

#[test]
fn japan_and_marks() {
    assert!(Zone::jst().is_japan());
    assert!(Zone::named("Asia/Tokyo").unwrap().is_japan());
    assert!(!Zone::named("Asia/Tokyo").unwrap().marks_times());
    assert!(Zone::named("Etc/UTC").unwrap().marks_times());
    assert!(
        !Zone::UTC.marks_times(),
        "a fixed zone is said once, in the legend"
    );
    assert_eq!(offset_mark(FixedOffset::east_opt(0).unwrap()), "UTC");
    assert_eq!(
        offset_mark(FixedOffset::west_opt(7 * 3600).unwrap()),
        "UTC-7"
    );
    assert_eq!(
        offset_mark(FixedOffset::east_opt(5 * 3600 + 1800).unwrap()),
        "UTC+5:30"
    );
}

#[test]
fn the_offsets_intl_writes_are_read() {
    assert_eq!(parse_gmt_offset("GMT"), Some(0));
    assert_eq!(parse_gmt_offset("GMT-07:00"), Some(-7 * 3600));
    assert_eq!(parse_gmt_offset("GMT+05:30"), Some(5 * 3600 + 1800));
    assert_eq!(parse_gmt_offset("GMT\u{2212}03:00"), Some(-3 * 3600));
    assert_eq!(
        parse_gmt_offset("GMT-07:52:58"),
        Some(-(7 * 3600 + 52 * 60 + 58))
    );
    assert_eq!(parse_gmt_offset("PDT"), None);
    assert_eq!(parse_gmt_offset("GMT+7x"), None);
}
