//! Formatters and time points built in code for the timefmt tests: JST (+09:00), the four
//! styles (ja 24-hour, ja 12-hour, 和暦, en 24/12-hour) and points of every kind.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};

use super::Fmt;
use crate::model::{Approx, Calendar, Clock, DateStyle, Lang, PartOfDay, Period, TimePoint, When};

pub fn jst() -> FixedOffset {
    FixedOffset::east_opt(9 * 3600).unwrap()
}

pub fn offset(hours: i32, minutes: i32) -> FixedOffset {
    FixedOffset::east_opt(hours * 3600 + minutes.signum() * minutes.abs() * 60).unwrap()
}

pub fn ja() -> Fmt {
    Fmt::new(Lang::Ja, DateStyle::default(), jst())
}

pub fn ja12() -> Fmt {
    Fmt::new(
        Lang::Ja,
        DateStyle {
            calendar: Calendar::Gregorian,
            clock: Clock::H12,
        },
        jst(),
    )
}

pub fn wareki() -> Fmt {
    Fmt::new(
        Lang::Ja,
        DateStyle {
            calendar: Calendar::Japanese,
            clock: Clock::H24,
        },
        jst(),
    )
}

pub fn en() -> Fmt {
    Fmt::new(Lang::En, DateStyle::default(), jst())
}

pub fn en12() -> Fmt {
    Fmt::new(
        Lang::En,
        DateStyle {
            calendar: Calendar::Gregorian,
            clock: Clock::H12,
        },
        jst(),
    )
}

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// An instant written in JST.
pub fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<FixedOffset> {
    jst().with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
}

pub fn tp(at: DateTime<FixedOffset>, approx: Approx) -> TimePoint {
    TimePoint {
        when: When::Instant(at),
        approx,
    }
}

pub fn ex(at: DateTime<FixedOffset>) -> TimePoint {
    TimePoint::exact(at)
}

pub fn bare(d: NaiveDate) -> TimePoint {
    TimePoint {
        when: When::Day {
            date: d,
            part: None,
            zone: jst().into(),
        },
        approx: Approx::Exact,
    }
}

pub fn part(d: NaiveDate, part: PartOfDay) -> TimePoint {
    TimePoint {
        when: When::Day {
            date: d,
            part: Some(part),
            zone: jst().into(),
        },
        approx: Approx::Exact,
    }
}

pub fn period(start: TimePoint, end: Option<TimePoint>) -> Period {
    Period { start, end }
}
