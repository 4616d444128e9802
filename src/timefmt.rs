//! Dates, times, periods and durations written the way a Japanese (or English) reader expects.
//! The one formatting module for every view: pure functions, no yew.

use chrono::{FixedOffset, NaiveDate};

use crate::model::{DateStyle, Due, Lang, Period, TimePoint};

/// How one document writes dates: language, 西暦/和暦, 24-hour or 午前/午後, and the zone shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fmt {
    pub lang: Lang,
    pub style: DateStyle,
    pub zone: FixedOffset,
}

impl Fmt {
    pub fn new(lang: Lang, style: DateStyle, zone: FixedOffset) -> Fmt {
        Fmt { lang, style, zone }
    }
}

// API contract (being implemented):
// impl Fmt {
//   pub fn date(&self, d: NaiveDate) -> String;                 // 2009年7月3日(金) | 令和元年5月1日(水) | Fri, July 3, 2009
//   pub fn time_point(&self, t: &TimePoint) -> String;          // 2009年7月3日(金)17時05分頃 ; unknown → 時刻不明
//   pub fn time_of_day(&self, t: &TimePoint) -> String;         // 17時05分頃 / 午後5時05分頃 / 早朝 / (date-only → "") ; for rows grouped by day
//   pub fn period(&self, p: &Period) -> String;                 // 2016年10月11日(火)午前8時55分～午後10時頃 ; ongoing → …～(継続中)
//   pub fn duration(&self, minutes: i64, approx: bool) -> String; // 約13時間5分 / 1日と4時間 / 13日間 / about 13 h 5 min
//   pub fn period_duration(&self, p: &Period) -> Option<String>; // duration of a period, approx when either end is
//   pub fn local_time(&self, t: &TimePoint, offset: FixedOffset) -> Option<String>; // （現地時間7月2日23時頃）
//   pub fn due(&self, d: &Due) -> String;                        // 2026年4月末まで / 2026年4月15日
//   pub fn axis_day(&self, d: NaiveDate) -> String;              // 10/11(火) | Tue 10/11
//   pub fn axis_time(&self, h: u32, m: u32) -> String;           // 08:00
//   pub fn zone_label(&self) -> String;                          // UTC+09:00 (JST)
// }
#[allow(unused_imports)]
use {Due as _Due, NaiveDate as _NaiveDate, Period as _Period, TimePoint as _TimePoint};
