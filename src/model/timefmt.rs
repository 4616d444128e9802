//! Dates, times, periods and durations written the way a Japanese (or English) reader expects.
//! The one formatting module for every view: pure functions, no yew.
//!
//! Every instant is shown converted into `Fmt::zone` (the report's zone); only
//! [`Fmt::local_time`] shows another offset. A `When::Day` is a calendar day as the author wrote
//! it and is never shifted. Seconds are never shown: reports talk in minutes.
//!
//! # Styles, one example each
//! | what | 日本語 | English |
//! |---|---|---|
//! | 西暦 date | `2009年7月3日(金)` | `Fri, July 3, 2009` |
//! | 和暦 date | `令和8年3月4日(水)`, `令和元年5月1日(水)`, `平成元年1月8日(日)` | (always Gregorian) |
//! | 24-hour, exact | `17時05分`, `9時00分` | `17:05` |
//! | 24-hour, about | `17時05分頃`, `22時頃` (minutes dropped on the hour) | `about 22:00` |
//! | 午前/午後 | `午前8時55分`, `午後10時頃`, `正午`, `午前0時` (never 午前12時) | `8:55 AM`, `noon`, `midnight` |
//! | 過ぎ / まで | `21時過ぎ`, `21時40分まで` | `shortly after 21:00`, `until 21:40` |
//! | part of day | `2018年7月12日(木)早朝` | `Thu, July 12, 2018, early morning` |
//! | date only | `2009年7月3日(金)` (頃 / 以降 / まで when qualified) | `around Fri, July 3, 2009` |
//! | unknown | `時刻不明` | `time unknown` |
//! | range, one day | `2016年10月11日(火)午前8時55分～午後10時頃` | `Tue, October 11, 2016, 8:55 AM – about 10:00 PM` |
//! | range, two days | `2009年7月2日(木)15時00分～7月3日(金)9時30分` | full dates on both ends |
//! | range, ongoing | `2026年3月1日(日)8時55分～継続中` | `… – ongoing` |
//! | duration | `13時間5分`, `約13時間5分`, `1日と4時間35分`, `13日間`, `約2時間` | `about 13 hours 5 minutes` |
//! | local time | `（現地時間7月2日23時頃）` | `(local time: July 2, about 23:00)` |
//! | due | `2026年4月15日`, `2026年4月末まで` | `April 15, 2026`, `by the end of April 2026` |
//! | axis | `10/11(火)`, `08:00` | `Tue 10/11`, `08:00` |
//!
//! Why minutes are dropped only for approximate times on the hour: real reports write exact times
//! with their minutes (`9時00分`, `17時05分`) but loose ones bare (`22時頃`, `午後9時過ぎ`); `9時00分頃`
//! reads as false precision. Midnight and noon on the 12-hour clock are the exceptions, written
//! `午前0時` and `正午` whatever the precision.
//!
//! Approximate durations are rounded as people round them: under 10 minutes as is, under a day to
//! 5 minutes (`約13時間5分`, `約2時間`), under a week to the hour (`約1日と5時間`), beyond to the day
//! (`約13日間`). Exact durations are never rounded.
//!
//! The parts, one file each: [`dates`] (days, years and eras), [`clock`] (times of day),
//! [`points`] (one point with as much of its date as needed), [`periods`] (from–to) and
//! [`durations`] (lengths). This file holds the [`Fmt`] they share and the zone's label.

use chrono::{DateTime, FixedOffset};

use crate::model::{DateStyle, Lang, TimePoint, Zone};

mod clock;
mod dates;
mod durations;
mod periods;
mod points;

pub use dates::era_year;
pub use durations::is_exact_length;

/// How one document writes dates: language, 西暦/和暦, 24-hour or 午前/午後, and the zone shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fmt {
    pub lang: Lang,
    pub style: DateStyle,
    pub zone: Zone,
}

impl Fmt {
    /// How a report's own dates are written: its letter's date style, in its zone.
    pub fn of_report(report: &crate::model::Report, lang: Lang) -> Fmt {
        Fmt::new(lang, report.letter.date_style, report.zone)
    }

    pub fn new(lang: Lang, style: DateStyle, zone: impl Into<Zone>) -> Fmt {
        Fmt {
            lang,
            style,
            zone: zone.into(),
        }
    }

    /// The zone every time is shown in: `UTC+09:00 (JST)`, `UTC-05:00`, `America/New_York`
    /// (a named zone's times carry their own offsets).
    pub fn zone_label(&self) -> String {
        let offset = match self.zone {
            Zone::Fixed(o) => o,
            Zone::Named(name) => return name.to_string(),
        };
        let secs = offset.local_minus_utc();
        let sign = if secs < 0 { '-' } else { '+' };
        let abs = secs.unsigned_abs();
        let label = format!("UTC{sign}{:02}:{:02}", abs / 3600, abs % 3600 / 60);
        if secs == 9 * 3600 {
            format!("{label} (JST)")
        } else {
            label
        }
    }

    /// An exact instant in full, for convenience: `2009年7月3日(金)17時05分`.
    pub fn instant(&self, at: DateTime<FixedOffset>) -> String {
        self.time_point(&TimePoint::exact(at))
    }
}

#[cfg(test)]
mod testing;
#[cfg(test)]
mod tests_dates;
#[cfg(test)]
mod tests_periods;
#[cfg(test)]
mod tests_times;
