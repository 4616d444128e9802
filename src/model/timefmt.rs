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

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Timelike};

use crate::model::zone::offset_mark;
use crate::model::{
    Approx, Calendar, Clock, DateStyle, Due, Event, Lang, PartOfDay, Period, TimePoint, When, Zone,
};

/// How one document writes dates: language, 西暦/和暦, 24-hour or 午前/午後, and the zone shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fmt {
    pub lang: Lang,
    pub style: DateStyle,
    pub zone: Zone,
}

const WEEKDAYS_JA: [&str; 7] = ["月", "火", "水", "木", "金", "土", "日"];
const WEEKDAYS_EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Japanese eras, newest first: name and first day.
const ERAS: [(&str, i32, u32, u32); 3] = [
    ("令和", 2019, 5, 1),
    ("平成", 1989, 1, 8),
    ("昭和", 1926, 12, 25),
];

/// The era and year of the era for a date, or `None` before 昭和 (shown in 西暦 then).
pub fn era_year(d: NaiveDate) -> Option<(&'static str, i32)> {
    ERAS.iter().find_map(|&(name, y, m, day)| {
        let first = NaiveDate::from_ymd_opt(y, m, day)?;
        (d >= first).then(|| (name, d.year() - y + 1))
    })
}

/// How much of the date to write in front of a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DateShown {
    Full,
    WithoutYear,
    Omitted,
}

fn weekday_ja(d: NaiveDate) -> &'static str {
    WEEKDAYS_JA[d.weekday().num_days_from_monday() as usize]
}

fn weekday_en(d: NaiveDate) -> &'static str {
    WEEKDAYS_EN[d.weekday().num_days_from_monday() as usize]
}

fn month_en(month: u32) -> &'static str {
    MONTHS_EN
        .get(month.wrapping_sub(1) as usize)
        .copied()
        .unwrap_or("")
}

fn part_ja(part: PartOfDay) -> &'static str {
    match part {
        PartOfDay::EarlyMorning => "早朝",
        PartOfDay::Morning => "午前中",
        PartOfDay::Noon => "昼頃",
        PartOfDay::Afternoon => "午後",
        PartOfDay::Evening => "夕方",
        PartOfDay::Night => "夜",
        PartOfDay::LateNight => "深夜",
    }
}

fn part_en(part: PartOfDay) -> &'static str {
    match part {
        PartOfDay::EarlyMorning => "early morning",
        PartOfDay::Morning => "morning",
        PartOfDay::Noon => "around noon",
        PartOfDay::Afternoon => "afternoon",
        PartOfDay::Evening => "evening",
        PartOfDay::Night => "night",
        PartOfDay::LateNight => "late night",
    }
}

/// Rounds an approximate duration the way people write one.
fn round_like_people(minutes: i64) -> i64 {
    let step = if minutes < 10 {
        1
    } else if minutes < 24 * 60 {
        5
    } else if minutes < 7 * 24 * 60 {
        60
    } else {
        24 * 60
    };
    (minutes + step / 2) / step * step
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

    /// The year as written in this style: `2009年`, `令和元年`, `平成31年`.
    fn year_ja(&self, d: NaiveDate) -> String {
        if self.style.calendar == Calendar::Japanese {
            if let Some((era, y)) = era_year(d) {
                return if y == 1 {
                    format!("{era}元年")
                } else {
                    format!("{era}{y}年")
                };
            }
        }
        format!("{}年", d.year())
    }

    /// A calendar day with its weekday: `2009年7月3日(金)`, `令和元年5月1日(水)`,
    /// `Fri, July 3, 2009`.
    pub fn date(&self, d: NaiveDate) -> String {
        match self.lang {
            Lang::Ja => format!("{}{}", self.year_ja(d), self.month_day(d)),
            Lang::En => format!(
                "{}, {}, {}",
                weekday_en(d),
                self.month_day_plain(d),
                d.year()
            ),
        }
    }

    /// A calendar day without its weekday, as a letter's 発信日: `2026年3月4日`, `March 4, 2026`.
    pub fn date_without_weekday(&self, d: NaiveDate) -> String {
        match self.lang {
            Lang::Ja => format!("{}{}月{}日", self.year_ja(d), d.month(), d.day()),
            Lang::En => format!("{}, {}", self.month_day_plain(d), d.year()),
        }
    }

    /// A day inside a year the reader already knows: `7月3日(金)`, `Fri, July 3`.
    pub fn month_day(&self, d: NaiveDate) -> String {
        match self.lang {
            Lang::Ja => format!("{}月{}日({})", d.month(), d.day(), weekday_ja(d)),
            Lang::En => format!("{}, {}", weekday_en(d), self.month_day_plain(d)),
        }
    }

    fn month_day_plain(&self, d: NaiveDate) -> String {
        match self.lang {
            Lang::Ja => format!("{}月{}日", d.month(), d.day()),
            Lang::En => format!("{} {}", month_en(d.month()), d.day()),
        }
    }

    /// The calendar day a point falls on in the report's zone (for grouping by day).
    pub fn day_of(&self, t: &TimePoint) -> Option<NaiveDate> {
        match t.when {
            When::Instant(at) => Some(self.zone.local(at).date_naive()),
            When::Day { date, .. } => Some(date),
            When::Unknown => None,
        }
    }

    /// The written year of a day, to tell whether two days share it (eras change mid-year).
    fn same_written_year(&self, a: NaiveDate, b: NaiveDate) -> bool {
        match self.lang {
            Lang::Ja => self.year_ja(a) == self.year_ja(b),
            Lang::En => a.year() == b.year(),
        }
    }

    /// A clock reading with its qualifier: `17時05分頃`, `午後10時頃`, `正午`, `about 5:05 PM`.
    fn clock(&self, hour: u32, minute: u32, approx: Approx) -> String {
        match self.lang {
            Lang::Ja => {
                let loose_on_hour = minute == 0 && approx != Approx::Exact;
                let body = match self.style.clock {
                    Clock::H24 if loose_on_hour => format!("{hour}時"),
                    Clock::H24 => format!("{hour}時{minute:02}分"),
                    // As the writer's table has it: digits, never shortened.
                    Clock::Hhmm => format!("{hour:02}:{minute:02}"),
                    Clock::H12 if hour == 12 && minute == 0 => "正午".to_string(),
                    Clock::H12 if hour == 0 && minute == 0 => "午前0時".to_string(),
                    Clock::H12 => {
                        let half = if hour < 12 { "午前" } else { "午後" };
                        if loose_on_hour {
                            format!("{half}{}時", hour % 12)
                        } else {
                            format!("{half}{}時{minute:02}分", hour % 12)
                        }
                    }
                };
                let suffix = match approx {
                    Approx::Exact => "",
                    Approx::About => "頃",
                    Approx::After => "過ぎ",
                    Approx::Until => "まで",
                    Approx::Before => "前",
                    Approx::AsOf => "現在",
                };
                format!("{body}{suffix}")
            }
            Lang::En => {
                let body = match self.style.clock {
                    Clock::H24 | Clock::Hhmm => format!("{hour:02}:{minute:02}"),
                    Clock::H12 if hour == 12 && minute == 0 => "noon".to_string(),
                    Clock::H12 if hour == 0 && minute == 0 => "midnight".to_string(),
                    Clock::H12 => {
                        let half = if hour < 12 { "AM" } else { "PM" };
                        let h = if hour.is_multiple_of(12) {
                            12
                        } else {
                            hour % 12
                        };
                        format!("{h}:{minute:02} {half}")
                    }
                };
                format!("{}{body}", qualifier_en(approx))
            }
        }
    }

    /// A part of day with the only qualifier that changes its meaning (まで).
    fn part(&self, part: PartOfDay, approx: Approx) -> String {
        match self.lang {
            Lang::Ja if approx == Approx::Until => format!("{}まで", part_ja(part)),
            Lang::Ja => part_ja(part).to_string(),
            Lang::En if approx == Approx::Until => format!("until {}", part_en(part)),
            Lang::En => part_en(part).to_string(),
        }
    }

    fn date_shown(&self, d: NaiveDate, shown: DateShown) -> String {
        match shown {
            DateShown::Full => self.date(d),
            DateShown::WithoutYear => self.month_day(d),
            DateShown::Omitted => String::new(),
        }
    }

    fn unknown(&self) -> String {
        match self.lang {
            Lang::Ja => "時刻不明".to_string(),
            Lang::En => "time unknown".to_string(),
        }
    }

    /// One point with as much of its date as asked for.
    fn point(&self, t: &TimePoint, shown: DateShown) -> String {
        self.point_marked(t, shown, true)
    }

    /// Two different instants shown at the same offset: a range then writes it once, after its
    /// end (`17:39 – 18:12 UTC`); across a daylight-saving change each end keeps its own.
    fn same_offset(&self, a: &TimePoint, b: &TimePoint) -> bool {
        match (a.when, b.when) {
            (When::Instant(a), When::Instant(b)) if a != b => {
                self.zone.offset_at(&a) == self.zone.offset_at(&b)
            }
            _ => false,
        }
    }

    /// The offset written after a time in a named zone outside Japan (`17:39 UTC`,
    /// `10:39 UTC-7`): its offset changes with daylight saving, so each time says which.
    fn offset_after(&self, offset: FixedOffset) -> String {
        match self.lang {
            Lang::Ja => format!("({})", offset_mark(offset)),
            Lang::En => format!(" {}", offset_mark(offset)),
        }
    }

    /// [`Fmt::point`], with the offset mark left out when `mark` is false (a range's start
    /// whose end shows the same offset).
    fn point_marked(&self, t: &TimePoint, shown: DateShown, mark: bool) -> String {
        match t.when {
            When::Unknown => self.unknown(),
            When::Instant(at) => {
                let local = self.zone.local(at);
                let date = self.date_shown(local.date_naive(), shown);
                let mut clock = self.clock(local.hour(), local.minute(), t.approx);
                if mark && self.zone.marks_times() {
                    clock.push_str(&self.offset_after(*local.offset()));
                }
                self.join(date, clock)
            }
            When::Day {
                date,
                part: Some(part),
                ..
            } => {
                let date = self.date_shown(date, shown);
                self.join(date, self.part(part, t.approx))
            }
            When::Day {
                date, part: None, ..
            } => {
                let text = self.date_shown(date, shown);
                match (self.lang, t.approx) {
                    (_, Approx::Exact) => text,
                    (Lang::Ja, Approx::About) => format!("{text}頃"),
                    (Lang::Ja, Approx::After) => format!("{text}以降"),
                    (Lang::Ja, Approx::Until) => format!("{text}まで"),
                    (Lang::Ja, Approx::Before) => format!("{text}以前"),
                    (Lang::Ja, Approx::AsOf) => format!("{text}現在"),
                    (Lang::En, Approx::About) => format!("around {text}"),
                    (Lang::En, Approx::After) => format!("after {text}"),
                    (Lang::En, Approx::Until) => format!("until {text}"),
                    (Lang::En, Approx::Before) => format!("before {text}"),
                    (Lang::En, Approx::AsOf) => format!("as of {text}"),
                }
            }
        }
    }

    /// Japanese runs date and time together; English separates them with a comma.
    fn join(&self, date: String, time: String) -> String {
        match self.lang {
            Lang::Ja => format!("{date}{time}"),
            Lang::En if date.is_empty() => time,
            Lang::En => format!("{date}, {time}"),
        }
    }

    /// A point in full: `2009年7月3日(金)17時05分頃`; unknown → `時刻不明`.
    pub fn time_point(&self, t: &TimePoint) -> String {
        self.point(t, DateShown::Full)
    }

    /// A point without its date, for rows grouped by day: `17時05分頃`, `午後5時05分頃`, `早朝`;
    /// a date-only point gives `""`, or, when qualified, its day and qualifier (`7月3日(金)頃`):
    /// a bare `頃` would not say what is approximate.
    pub fn time_of_day(&self, t: &TimePoint) -> String {
        match t.when {
            When::Day { part: None, .. } if t.approx != Approx::Exact => {
                self.point(t, DateShown::WithoutYear)
            }
            _ => self.point(t, DateShown::Omitted),
        }
    }

    /// When an event happened, in full: its time, or its span (`2016年10月9日(日)2時00分～6時00分`,
    /// `2016年10月9日(日)～10月10日(月)`).
    pub fn event_time(&self, e: &Event) -> String {
        match e.end {
            Some(end) => self.period(&Period {
                start: e.time,
                end: Some(end),
            }),
            None => self.time_point(&e.time),
        }
    }

    /// [`Fmt::event_time`] in a row already under the event's day.
    pub fn event_time_of_day(&self, e: &Event) -> String {
        match &e.end {
            Some(end) => self.span_of_day(&e.time, end),
            None => self.time_of_day(&e.time),
        }
    }

    /// The time column of a row under its day heading (the list twin and the letter's 経緯 say
    /// the same): the time of day, or for an event stated by its day alone `時刻記載なし` —
    /// never an empty cell, and never 終日, which would claim it lasted all day.
    pub fn event_time_cell(&self, e: &Event) -> String {
        let t = self.event_time_of_day(e);
        if t.is_empty() && e.time.is_known() {
            match self.lang {
                Lang::Ja => "時刻記載なし".to_string(),
                Lang::En => "time not stated".to_string(),
            }
        } else {
            t
        }
    }

    /// An event that lasted, in a row already under its start's day: `2時00分～6時00分`,
    /// `～10月10日(月)` for a day range (the start day is the row's day), `～継続中`-free: an
    /// event span always has its end.
    pub fn span_of_day(&self, start: &TimePoint, end: &TimePoint) -> String {
        let start_text = if self.same_offset(start, end) {
            self.point_marked(start, DateShown::Omitted, false)
        } else {
            self.time_of_day(start)
        };
        let shown = match (self.day_of(start), self.day_of(end)) {
            (Some(s), Some(e)) if s == e && !matches!(end.when, When::Day { part: None, .. }) => {
                DateShown::Omitted
            }
            (Some(s), Some(e)) if self.lang == Lang::En || self.same_written_year(s, e) => {
                DateShown::WithoutYear
            }
            _ => DateShown::Full,
        };
        let end_text = self.point(end, shown);
        let sep = match self.lang {
            Lang::Ja => "～",
            Lang::En => " – ",
        };
        format!("{start_text}{sep}{end_text}")
    }

    /// A period with the repeated date dropped inside one day and the repeated year across days:
    /// `2016年10月11日(火)午前8時55分～午後10時頃`; still ongoing → `…～継続中`.
    pub fn period(&self, p: &Period) -> String {
        self.period_within(p, None)
    }

    /// Like [`Fmt::period`], also dropping the start's year when it is the year of `context`
    /// (a table under a heading that already gave it): `7月2日(木)15時00分～7月3日(金)9時30分`.
    pub fn period_within(&self, p: &Period, context: Option<NaiveDate>) -> String {
        let start_day = self.day_of(&p.start);
        let start_shown = match (self.lang, start_day, context) {
            (Lang::Ja, Some(s), Some(c)) if self.same_written_year(s, c) => DateShown::WithoutYear,
            _ => DateShown::Full,
        };
        let same_offset = p.end.is_some_and(|end| self.same_offset(&p.start, &end));
        let start = self.point_marked(&p.start, start_shown, !same_offset);
        let (sep, ongoing) = match self.lang {
            Lang::Ja => ("～", "継続中"),
            Lang::En => (" – ", "ongoing"),
        };
        let Some(end_point) = p.end else {
            return format!("{start}{sep}{ongoing}");
        };
        if p.ends_at_start() || !end_point.is_known() {
            // Ended, but when is not written down (or a migrated record's end equals its start).
            return match self.lang {
                Lang::Ja => format!("{start}{sep}（終了時刻の記載なし）"),
                Lang::En => format!("{start}{sep}(end not stated)"),
            };
        }
        let end_shown = match (start_day, self.day_of(&end_point)) {
            // A qualified bare day keeps its date: `～頃` alone would not say what is approximate.
            (Some(s), Some(e))
                if s == e
                    && !(matches!(end_point.when, When::Day { part: None, .. })
                        && end_point.approx != Approx::Exact) =>
            {
                DateShown::Omitted
            }
            (Some(s), Some(e)) if self.lang == Lang::Ja && self.same_written_year(s, e) => {
                DateShown::WithoutYear
            }
            _ => DateShown::Full,
        };
        let end = self.point(&end_point, end_shown);
        if end.is_empty() {
            // Both ends are the same bare day: the period is that day.
            return start;
        }
        format!("{start}{sep}{end}")
    }

    /// A length of time in words: `13時間5分`, `約13時間5分`, `1日と4時間35分`, `13日間`,
    /// `about 2 hours`. Approximate lengths are rounded (see the module doc); negative ones
    /// are shown as zero.
    pub fn duration(&self, minutes: i64, approx: bool) -> String {
        let minutes = minutes.max(0);
        let minutes = if approx {
            round_like_people(minutes)
        } else {
            minutes
        };
        let days = minutes / (24 * 60);
        let rest = minutes % (24 * 60);
        let (hours, mins) = (rest / 60, rest % 60);
        match self.lang {
            Lang::Ja => {
                let hm = match (hours, mins) {
                    (0, m) => format!("{m}分"),
                    (h, 0) => format!("{h}時間"),
                    (h, m) => format!("{h}時間{m}分"),
                };
                let body = match (days, rest) {
                    (0, _) => hm,
                    (d, 0) => format!("{d}日間"),
                    (d, _) => format!("{d}日と{hm}"),
                };
                if approx {
                    format!("約{body}")
                } else {
                    body
                }
            }
            Lang::En => {
                let unit = |n: i64, one: &str, many: &str| {
                    format!("{n} {}", if n == 1 { one } else { many })
                };
                let mut parts = Vec::new();
                if days > 0 {
                    parts.push(unit(days, "day", "days"));
                }
                if hours > 0 {
                    parts.push(unit(hours, "hour", "hours"));
                }
                if mins > 0 || parts.is_empty() {
                    parts.push(unit(mins, "minute", "minutes"));
                }
                let body = parts.join(" ");
                if approx {
                    format!("about {body}")
                } else {
                    body
                }
            }
        }
    }

    /// The length of a period in words, approximate unless both ends are exact instants;
    /// `None` when ongoing, unknown at either end, or ending before it starts. Two bare days
    /// count whole days inclusively: 7月1日～7月13日 → `13日間`.
    pub fn period_duration(&self, p: &Period) -> Option<String> {
        p.end?;
        let minutes = p.duration_minutes()?;
        if minutes < 0 {
            return None;
        }
        Some(self.duration(minutes, !is_exact_length(p)))
    }

    /// The other party's local time beside ours: `（現地時間7月2日23時頃）`. `None` for a point
    /// that is not an instant, or when the offset is the report's own (it would say nothing).
    pub fn local_time(&self, t: &TimePoint, offset: FixedOffset) -> Option<String> {
        let When::Instant(at) = t.when else {
            return None;
        };
        if offset == self.zone.offset_at(&at) {
            return None;
        }
        let local = at.with_timezone(&offset);
        let day = self.month_day_plain(local.date_naive());
        let clock = self.clock(local.hour(), local.minute(), t.approx);
        Some(match self.lang {
            Lang::Ja => format!("（現地時間{day}{clock}）"),
            Lang::En => format!("(local time: {day}, {clock})"),
        })
    }

    /// A target date as given: `2026年4月15日`, `2026年4月末まで`, `by the end of April 2026`.
    pub fn due(&self, d: &Due) -> String {
        match *d {
            Due::Day(day) => self.date_without_weekday(day),
            Due::Month { year, month } => match self.lang {
                Lang::Ja => {
                    let last_day = NaiveDate::from_ymd_opt(year, month, 1)
                        .and_then(|first| first.checked_add_months(chrono::Months::new(1)))
                        .and_then(|next| next.pred_opt());
                    let year_text = match last_day {
                        Some(last) => self.year_ja(last),
                        None => format!("{year}年"),
                    };
                    format!("{year_text}{month}月末まで")
                }
                Lang::En => format!("by the end of {} {year}", month_en(month)),
            },
        }
    }

    /// A month as a heading (history view): `2024年6月`, `令和6年6月`, `June 2024`.
    pub fn year_month(&self, year: i32, month: u32) -> String {
        let Some(first) = NaiveDate::from_ymd_opt(year, month, 1) else {
            return format!("{year}-{month:02}");
        };
        match self.lang {
            Lang::Ja => format!("{}{month}月", self.year_ja(first)),
            Lang::En => format!("{} {year}", month_en(month)),
        }
    }

    /// A year as a heading (history view): `2024年`, `令和6年`, `2024`; a year in which an era
    /// began names both: `平成31年・令和元年`.
    pub fn year(&self, year: i32) -> String {
        let (Some(first), Some(last)) = (
            NaiveDate::from_ymd_opt(year, 1, 1),
            NaiveDate::from_ymd_opt(year, 12, 31),
        ) else {
            return year.to_string();
        };
        match self.lang {
            Lang::Ja if self.year_ja(first) != self.year_ja(last) => {
                format!("{}・{}", self.year_ja(first), self.year_ja(last))
            }
            Lang::Ja => self.year_ja(first),
            Lang::En => year.to_string(),
        }
    }

    /// A day label on the timeline axis: `10/11(火)`, `Tue 10/11`.
    pub fn axis_day(&self, d: NaiveDate) -> String {
        match self.lang {
            Lang::Ja => format!("{}/{}({})", d.month(), d.day(), weekday_ja(d)),
            Lang::En => format!("{} {}/{}", weekday_en(d), d.month(), d.day()),
        }
    }

    /// A tick label on the timeline axis, in the document's clock style so the figure reads like
    /// the text beside it: `08:00` on a 24-hour clock (both styles: compact and unambiguous),
    /// `午前8時` / `午後2時30分` / `正午` on the 12-hour clock (English `8 AM`, `2:30 PM`).
    pub fn axis_time(&self, hour: u32, minute: u32) -> String {
        match (self.lang, self.style.clock) {
            (_, Clock::H24 | Clock::Hhmm) => format!("{hour:02}:{minute:02}"),
            (Lang::Ja, Clock::H12) => self.clock(hour, minute, Approx::About).replace('頃', ""),
            (Lang::En, Clock::H12) => {
                let half = if hour < 12 { "AM" } else { "PM" };
                let h = if hour.is_multiple_of(12) {
                    12
                } else {
                    hour % 12
                };
                if minute == 0 {
                    format!("{h} {half}")
                } else {
                    format!("{h}:{minute:02} {half}")
                }
            }
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

/// Whether a period's length is known exactly: both ends exact instants, or both bare days
/// (which count whole days). Anything looser makes the length approximate (約…).
pub fn is_exact_length(p: &Period) -> bool {
    let Some(end) = p.end else {
        return false;
    };
    let bare_day =
        |t: &TimePoint| matches!(t.when, When::Day { part: None, .. }) && t.approx == Approx::Exact;
    let exact_instant =
        |t: &TimePoint| matches!(t.when, When::Instant(_)) && t.approx == Approx::Exact;
    (exact_instant(&p.start) && exact_instant(&end)) || (bare_day(&p.start) && bare_day(&end))
}

fn qualifier_en(approx: Approx) -> &'static str {
    match approx {
        Approx::Exact => "",
        Approx::About => "about ",
        Approx::After => "shortly after ",
        Approx::Until => "until ",
        Approx::Before => "shortly before ",
        Approx::AsOf => "as of ",
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn jst() -> FixedOffset {
        FixedOffset::east_opt(9 * 3600).unwrap()
    }

    fn offset(hours: i32, minutes: i32) -> FixedOffset {
        FixedOffset::east_opt(hours * 3600 + minutes.signum() * minutes.abs() * 60).unwrap()
    }

    fn ja() -> Fmt {
        Fmt::new(Lang::Ja, DateStyle::default(), jst())
    }

    fn ja12() -> Fmt {
        Fmt::new(
            Lang::Ja,
            DateStyle {
                calendar: Calendar::Gregorian,
                clock: Clock::H12,
            },
            jst(),
        )
    }

    fn wareki() -> Fmt {
        Fmt::new(
            Lang::Ja,
            DateStyle {
                calendar: Calendar::Japanese,
                clock: Clock::H24,
            },
            jst(),
        )
    }

    fn en() -> Fmt {
        Fmt::new(Lang::En, DateStyle::default(), jst())
    }

    fn en12() -> Fmt {
        Fmt::new(
            Lang::En,
            DateStyle {
                calendar: Calendar::Gregorian,
                clock: Clock::H12,
            },
            jst(),
        )
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// An instant written in JST.
    fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<FixedOffset> {
        jst().with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    fn tp(at: DateTime<FixedOffset>, approx: Approx) -> TimePoint {
        TimePoint {
            when: When::Instant(at),
            approx,
        }
    }

    fn ex(at: DateTime<FixedOffset>) -> TimePoint {
        TimePoint::exact(at)
    }

    fn bare(d: NaiveDate) -> TimePoint {
        TimePoint {
            when: When::Day {
                date: d,
                part: None,
                zone: jst().into(),
            },
            approx: Approx::Exact,
        }
    }

    fn part(d: NaiveDate, part: PartOfDay) -> TimePoint {
        TimePoint {
            when: When::Day {
                date: d,
                part: Some(part),
                zone: jst().into(),
            },
            approx: Approx::Exact,
        }
    }

    fn period(start: TimePoint, end: Option<TimePoint>) -> Period {
        Period { start, end }
    }

    // ---- dates ----

    #[test]
    fn seireki_date_with_weekday() {
        assert_eq!(ja().date(day(2009, 7, 3)), "2009年7月3日(金)");
    }

    #[test]
    fn reiwa_date() {
        assert_eq!(wareki().date(day(2026, 3, 4)), "令和8年3月4日(水)");
    }

    #[test]
    fn reiwa_first_day_is_gannen() {
        assert_eq!(wareki().date(day(2019, 5, 1)), "令和元年5月1日(水)");
    }

    #[test]
    fn heisei_last_day() {
        assert_eq!(wareki().date(day(2019, 4, 30)), "平成31年4月30日(火)");
    }

    #[test]
    fn reiwa_second_year_starts_on_new_year() {
        assert_eq!(wareki().date(day(2019, 12, 31)), "令和元年12月31日(火)");
        assert_eq!(wareki().date(day(2020, 1, 1)), "令和2年1月1日(水)");
    }

    #[test]
    fn heisei_first_day_is_gannen() {
        assert_eq!(wareki().date(day(1989, 1, 8)), "平成元年1月8日(日)");
    }

    #[test]
    fn showa_last_day() {
        assert_eq!(wareki().date(day(1989, 1, 7)), "昭和64年1月7日(土)");
    }

    #[test]
    fn showa_first_day_and_before() {
        assert_eq!(wareki().date(day(1926, 12, 25)), "昭和元年12月25日(土)");
        assert_eq!(wareki().date(day(1926, 12, 24)), "1926年12月24日(金)");
    }

    #[test]
    fn leap_day() {
        assert_eq!(ja().date(day(2024, 2, 29)), "2024年2月29日(木)");
        assert_eq!(wareki().date(day(2024, 2, 29)), "令和6年2月29日(木)");
        assert_eq!(en().date(day(2024, 2, 29)), "Thu, February 29, 2024");
    }

    #[test]
    fn english_date() {
        assert_eq!(en().date(day(2009, 7, 3)), "Fri, July 3, 2009");
    }

    #[test]
    fn english_ignores_japanese_calendar() {
        let f = Fmt::new(
            Lang::En,
            DateStyle {
                calendar: Calendar::Japanese,
                clock: Clock::H24,
            },
            jst(),
        );
        assert_eq!(f.date(day(2019, 5, 1)), "Wed, May 1, 2019");
    }

    #[test]
    fn date_without_weekday() {
        assert_eq!(ja().date_without_weekday(day(2026, 3, 4)), "2026年3月4日");
        assert_eq!(
            wareki().date_without_weekday(day(2026, 3, 4)),
            "令和8年3月4日"
        );
        assert_eq!(en().date_without_weekday(day(2026, 3, 4)), "March 4, 2026");
    }

    #[test]
    fn month_day() {
        assert_eq!(ja().month_day(day(2009, 7, 2)), "7月2日(木)");
        assert_eq!(en().month_day(day(2009, 7, 2)), "Thu, July 2");
    }

    #[test]
    fn era_year_function() {
        assert_eq!(era_year(day(2019, 5, 1)), Some(("令和", 1)));
        assert_eq!(era_year(day(2019, 4, 30)), Some(("平成", 31)));
        assert_eq!(era_year(day(1900, 1, 1)), None);
    }

    // ---- times ----

    #[test]
    fn exact_24h_zero_padded_minutes() {
        assert_eq!(
            ja().time_point(&ex(at(2009, 7, 3, 17, 5))),
            "2009年7月3日(金)17時05分"
        );
    }

    #[test]
    fn exact_on_the_hour_keeps_minutes() {
        assert_eq!(ja().time_of_day(&ex(at(2009, 7, 3, 9, 0))), "9時00分");
    }

    #[test]
    fn about_with_minutes() {
        assert_eq!(
            ja().time_point(&tp(at(2009, 7, 3, 17, 5), Approx::About)),
            "2009年7月3日(金)17時05分頃"
        );
    }

    #[test]
    fn about_on_the_hour_drops_minutes() {
        assert_eq!(
            ja().time_of_day(&tp(at(2009, 7, 3, 22, 0), Approx::About)),
            "22時頃"
        );
    }

    #[test]
    fn after_and_until() {
        assert_eq!(
            ja12().time_of_day(&tp(at(2009, 7, 3, 21, 0), Approx::After)),
            "午後9時過ぎ"
        );
        assert_eq!(
            ja().time_of_day(&tp(at(2009, 7, 3, 21, 40), Approx::Until)),
            "21時40分まで"
        );
    }

    #[test]
    fn twelve_hour_morning_and_evening() {
        assert_eq!(
            ja12().time_of_day(&ex(at(2016, 10, 11, 8, 55))),
            "午前8時55分"
        );
        assert_eq!(
            ja12().time_of_day(&tp(at(2016, 10, 11, 22, 0), Approx::About)),
            "午後10時頃"
        );
    }

    #[test]
    fn twelve_hour_midnight_is_gozen_zero() {
        assert_eq!(ja12().time_of_day(&ex(at(2016, 10, 11, 0, 0))), "午前0時");
        assert_eq!(
            ja12().time_of_day(&ex(at(2016, 10, 11, 0, 30))),
            "午前0時30分"
        );
    }

    #[test]
    fn twelve_hour_noon_is_shogo() {
        assert_eq!(ja12().time_of_day(&ex(at(2016, 10, 11, 12, 0))), "正午");
        assert_eq!(
            ja12().time_of_day(&tp(at(2016, 10, 11, 12, 0), Approx::About)),
            "正午頃"
        );
        assert_eq!(
            ja12().time_of_day(&ex(at(2016, 10, 11, 12, 15))),
            "午後0時15分"
        );
    }

    #[test]
    fn never_gozen_twelve() {
        for h in 0..24 {
            for m in [0, 1, 30] {
                let s = ja12().time_of_day(&ex(at(2016, 10, 11, h, m)));
                assert!(!s.contains("12時"), "{h}:{m} → {s}");
            }
        }
    }

    #[test]
    fn twenty_four_hour_midnight_and_noon() {
        assert_eq!(ja().time_of_day(&ex(at(2016, 10, 11, 0, 0))), "0時00分");
        assert_eq!(ja().time_of_day(&ex(at(2016, 10, 11, 12, 0))), "12時00分");
    }

    #[test]
    fn seconds_are_not_shown() {
        let t = jst().with_ymd_and_hms(2009, 7, 3, 17, 5, 42).unwrap();
        assert_eq!(ja().time_of_day(&ex(t)), "17時05分");
    }

    #[test]
    fn instant_converted_into_report_zone() {
        // 08:05 UTC is 17:05 in Japan.
        let utc = FixedOffset::east_opt(0)
            .unwrap()
            .with_ymd_and_hms(2009, 7, 3, 8, 5, 0)
            .unwrap();
        assert_eq!(ja().time_point(&ex(utc)), "2009年7月3日(金)17時05分");
    }

    #[test]
    fn conversion_crosses_the_date_line_backwards() {
        // 2009-07-03 01:00 JST is 2009-07-02 12:00 in New York summer time (-04:00).
        let f = Fmt::new(Lang::Ja, DateStyle::default(), offset(-4, 0));
        assert_eq!(
            f.time_point(&ex(at(2009, 7, 3, 1, 0))),
            "2009年7月2日(木)12時00分"
        );
    }

    #[test]
    fn non_whole_hour_zone() {
        // India, +05:30.
        let f = Fmt::new(Lang::Ja, DateStyle::default(), offset(5, 30));
        assert_eq!(
            f.time_point(&ex(at(2020, 1, 1, 9, 0))),
            "2020年1月1日(水)5時30分"
        );
    }

    #[test]
    fn conversion_crosses_new_year() {
        let utc = FixedOffset::east_opt(0)
            .unwrap()
            .with_ymd_and_hms(2019, 12, 31, 15, 30, 0)
            .unwrap();
        assert_eq!(ja().time_point(&ex(utc)), "2020年1月1日(水)0時30分");
        assert_eq!(wareki().time_point(&ex(utc)), "令和2年1月1日(水)0時30分");
    }

    #[test]
    fn part_of_day() {
        assert_eq!(
            ja().time_point(&part(day(2018, 7, 12), PartOfDay::EarlyMorning)),
            "2018年7月12日(木)早朝"
        );
        assert_eq!(
            ja().time_of_day(&part(day(2018, 7, 12), PartOfDay::Morning)),
            "午前中"
        );
        assert_eq!(
            ja().time_of_day(&part(day(2018, 7, 12), PartOfDay::Noon)),
            "昼頃"
        );
        assert_eq!(
            ja().time_of_day(&part(day(2018, 7, 12), PartOfDay::Evening)),
            "夕方"
        );
        assert_eq!(
            ja().time_of_day(&part(day(2018, 7, 12), PartOfDay::LateNight)),
            "深夜"
        );
    }

    #[test]
    fn all_parts_of_day_named() {
        let names: Vec<String> = PartOfDay::ALL
            .iter()
            .map(|p| ja().time_of_day(&part(day(2018, 7, 12), *p)))
            .collect();
        assert_eq!(
            names,
            ["早朝", "午前中", "昼頃", "午後", "夕方", "夜", "深夜"]
        );
    }

    #[test]
    fn part_of_day_until() {
        let t = TimePoint {
            approx: Approx::Until,
            ..part(day(2018, 7, 12), PartOfDay::Evening)
        };
        assert_eq!(ja().time_of_day(&t), "夕方まで");
        assert_eq!(en().time_of_day(&t), "until evening");
    }

    #[test]
    fn date_only() {
        assert_eq!(ja().time_point(&bare(day(2009, 7, 3))), "2009年7月3日(金)");
        assert_eq!(ja().time_of_day(&bare(day(2009, 7, 3))), "");
    }

    #[test]
    fn qualified_date_only_keeps_its_day_without_the_date() {
        let about = TimePoint {
            approx: Approx::About,
            ..bare(day(2009, 7, 3))
        };
        assert_eq!(ja().time_of_day(&about), "7月3日(金)頃");
        assert_eq!(en().time_of_day(&about), "around Fri, July 3");
    }

    #[test]
    fn date_only_qualified() {
        let about = TimePoint {
            approx: Approx::About,
            ..bare(day(2009, 7, 3))
        };
        let after = TimePoint {
            approx: Approx::After,
            ..bare(day(2009, 7, 3))
        };
        assert_eq!(ja().time_point(&about), "2009年7月3日(金)頃");
        assert_eq!(ja().time_point(&after), "2009年7月3日(金)以降");
        assert_eq!(en().time_point(&about), "around Fri, July 3, 2009");
    }

    #[test]
    fn day_is_not_shifted_into_zone() {
        let f = Fmt::new(Lang::Ja, DateStyle::default(), offset(-8, 0));
        assert_eq!(f.time_point(&bare(day(2009, 7, 3))), "2009年7月3日(金)");
    }

    #[test]
    fn unknown_time() {
        assert_eq!(ja().time_point(&TimePoint::UNKNOWN), "時刻不明");
        assert_eq!(ja().time_of_day(&TimePoint::UNKNOWN), "時刻不明");
        assert_eq!(en().time_point(&TimePoint::UNKNOWN), "time unknown");
    }

    #[test]
    fn english_times() {
        assert_eq!(
            en().time_point(&ex(at(2009, 7, 3, 17, 5))),
            "Fri, July 3, 2009, 17:05"
        );
        assert_eq!(
            en12().time_point(&tp(at(2009, 7, 3, 17, 5), Approx::About)),
            "Fri, July 3, 2009, about 5:05 PM"
        );
        assert_eq!(
            en12().time_of_day(&tp(at(2009, 7, 3, 21, 0), Approx::After)),
            "shortly after 9:00 PM"
        );
        assert_eq!(
            en().time_of_day(&tp(at(2009, 7, 3, 21, 40), Approx::Until)),
            "until 21:40"
        );
    }

    #[test]
    fn english_noon_and_midnight() {
        assert_eq!(en12().time_of_day(&ex(at(2009, 7, 3, 12, 0))), "noon");
        assert_eq!(en12().time_of_day(&ex(at(2009, 7, 3, 0, 0))), "midnight");
        assert_eq!(en12().time_of_day(&ex(at(2009, 7, 3, 0, 5))), "12:05 AM");
        assert_eq!(en12().time_of_day(&ex(at(2009, 7, 3, 12, 5))), "12:05 PM");
    }

    #[test]
    fn english_part_of_day() {
        assert_eq!(
            en().time_point(&part(day(2018, 7, 12), PartOfDay::EarlyMorning)),
            "Thu, July 12, 2018, early morning"
        );
    }

    #[test]
    fn day_of_uses_zone() {
        let utc = FixedOffset::east_opt(0)
            .unwrap()
            .with_ymd_and_hms(2019, 12, 31, 15, 30, 0)
            .unwrap();
        assert_eq!(ja().day_of(&ex(utc)), Some(day(2020, 1, 1)));
        assert_eq!(ja().day_of(&TimePoint::UNKNOWN), None);
    }

    #[test]
    fn instant_convenience() {
        assert_eq!(
            ja().instant(at(2009, 7, 3, 17, 5)),
            "2009年7月3日(金)17時05分"
        );
    }

    // ---- periods ----

    #[test]
    fn period_inside_one_day_drops_date() {
        let p = period(
            ex(at(2016, 10, 11, 8, 55)),
            Some(tp(at(2016, 10, 11, 22, 0), Approx::About)),
        );
        assert_eq!(
            ja12().period(&p),
            "2016年10月11日(火)午前8時55分～午後10時頃"
        );
    }

    #[test]
    fn period_across_days_drops_year() {
        let p = period(ex(at(2009, 7, 2, 15, 0)), Some(ex(at(2009, 7, 3, 9, 30))));
        assert_eq!(
            ja().period(&p),
            "2009年7月2日(木)15時00分～7月3日(金)9時30分"
        );
    }

    #[test]
    fn period_within_context_year_drops_start_year() {
        let p = period(ex(at(2009, 7, 2, 15, 0)), Some(ex(at(2009, 7, 3, 9, 30))));
        assert_eq!(
            ja().period_within(&p, Some(day(2009, 7, 1))),
            "7月2日(木)15時00分～7月3日(金)9時30分"
        );
        assert_eq!(
            ja().period_within(&p, Some(day(2008, 7, 1))),
            "2009年7月2日(木)15時00分～7月3日(金)9時30分"
        );
    }

    #[test]
    fn period_across_years_keeps_both_years() {
        let p = period(ex(at(2018, 12, 31, 23, 0)), Some(ex(at(2019, 1, 1, 2, 0))));
        assert_eq!(
            ja().period(&p),
            "2018年12月31日(月)23時00分～2019年1月1日(火)2時00分"
        );
    }

    #[test]
    fn period_across_era_boundary_keeps_both_eras() {
        let p = period(ex(at(2019, 4, 30, 22, 0)), Some(ex(at(2019, 5, 1, 3, 0))));
        assert_eq!(
            wareki().period(&p),
            "平成31年4月30日(火)22時00分～令和元年5月1日(水)3時00分"
        );
    }

    #[test]
    fn period_same_era_year_drops_it() {
        let p = period(ex(at(2019, 5, 1, 22, 0)), Some(ex(at(2019, 5, 2, 3, 0))));
        assert_eq!(
            wareki().period(&p),
            "令和元年5月1日(水)22時00分～5月2日(木)3時00分"
        );
    }

    #[test]
    fn period_over_leap_day() {
        let p = period(ex(at(2024, 2, 28, 23, 0)), Some(ex(at(2024, 3, 1, 1, 0))));
        assert_eq!(
            ja().period(&p),
            "2024年2月28日(水)23時00分～3月1日(金)1時00分"
        );
        assert_eq!(ja().period_duration(&p).as_deref(), Some("1日と2時間"));
    }

    #[test]
    fn ongoing_period() {
        let p = period(ex(at(2026, 3, 1, 8, 55)), None);
        assert_eq!(ja().period(&p), "2026年3月1日(日)8時55分～継続中");
        assert_eq!(en().period(&p), "Sun, March 1, 2026, 08:55 – ongoing");
    }

    #[test]
    fn period_with_unknown_start() {
        let p = period(TimePoint::UNKNOWN, Some(ex(at(2026, 3, 1, 8, 55))));
        assert_eq!(ja().period(&p), "時刻不明～2026年3月1日(日)8時55分");
    }

    #[test]
    fn period_of_part_of_day_to_instant() {
        let p = period(
            part(day(2018, 7, 12), PartOfDay::EarlyMorning),
            Some(ex(at(2018, 7, 12, 10, 0))),
        );
        assert_eq!(ja().period(&p), "2018年7月12日(木)早朝～10時00分");
    }

    #[test]
    fn period_of_bare_days() {
        let p = period(bare(day(2018, 7, 1)), Some(bare(day(2018, 7, 13))));
        assert_eq!(ja().period(&p), "2018年7月1日(日)～7月13日(金)");
        let one = period(bare(day(2018, 7, 1)), Some(bare(day(2018, 7, 1))));
        assert_eq!(ja().period(&one), "2018年7月1日(日)");
        let until = TimePoint {
            approx: Approx::Until,
            ..bare(day(2018, 7, 1))
        };
        assert_eq!(
            ja().period(&period(bare(day(2018, 7, 1)), Some(until))),
            "2018年7月1日(日)～7月1日(日)まで"
        );
    }

    #[test]
    fn period_converted_into_zone_across_day() {
        // 22:00-23:30 JST seen from UTC is one day: 13:00-14:30.
        let f = Fmt::new(Lang::Ja, DateStyle::default(), offset(0, 0));
        let p = period(ex(at(2009, 7, 3, 22, 0)), Some(ex(at(2009, 7, 3, 23, 30))));
        assert_eq!(f.period(&p), "2009年7月3日(金)13時00分～14時30分");
        // 08:00-10:00 JST seen from UTC straddles midnight.
        let q = period(ex(at(2009, 7, 3, 8, 0)), Some(ex(at(2009, 7, 3, 10, 0))));
        assert_eq!(f.period(&q), "2009年7月2日(木)23時00分～7月3日(金)1時00分");
    }

    #[test]
    fn english_period_same_day() {
        let p = period(
            ex(at(2016, 10, 11, 8, 55)),
            Some(tp(at(2016, 10, 11, 22, 0), Approx::About)),
        );
        assert_eq!(
            en12().period(&p),
            "Tue, October 11, 2016, 8:55 AM – about 10:00 PM"
        );
    }

    #[test]
    fn english_period_across_days_repeats_date() {
        let p = period(ex(at(2009, 7, 2, 15, 0)), Some(ex(at(2009, 7, 3, 9, 30))));
        assert_eq!(
            en().period(&p),
            "Thu, July 2, 2009, 15:00 – Fri, July 3, 2009, 09:30"
        );
    }

    // ---- durations ----

    #[test]
    fn exact_durations() {
        assert_eq!(ja().duration(13 * 60 + 5, false), "13時間5分");
        assert_eq!(ja().duration(45, false), "45分");
        assert_eq!(ja().duration(120, false), "2時間");
        assert_eq!(ja().duration(0, false), "0分");
    }

    #[test]
    fn durations_over_a_day() {
        assert_eq!(
            ja().duration(24 * 60 + 4 * 60 + 35, false),
            "1日と4時間35分"
        );
        assert_eq!(ja().duration(24 * 60 + 4 * 60, false), "1日と4時間");
        assert_eq!(ja().duration(24 * 60 + 35, false), "1日と35分");
        assert_eq!(ja().duration(13 * 24 * 60, false), "13日間");
    }

    #[test]
    fn approximate_durations_rounded() {
        assert_eq!(ja().duration(13 * 60 + 5, true), "約13時間5分");
        assert_eq!(ja().duration(2 * 60 + 2, true), "約2時間");
        assert_eq!(ja().duration(2 * 60 + 3, true), "約2時間5分");
        assert_eq!(ja().duration(7, true), "約7分");
        assert_eq!(ja().duration(43, true), "約45分");
    }

    #[test]
    fn approximate_long_durations_rounded() {
        assert_eq!(ja().duration(24 * 60 + 4 * 60 + 35, true), "約1日と5時間");
        assert_eq!(ja().duration(13 * 24 * 60 + 5 * 60, true), "約13日間");
        assert_eq!(ja().duration(23 * 60 + 58, true), "約1日間");
    }

    #[test]
    fn negative_duration_is_zero() {
        assert_eq!(ja().duration(-5, false), "0分");
    }

    #[test]
    fn english_durations() {
        assert_eq!(en().duration(13 * 60 + 5, true), "about 13 hours 5 minutes");
        assert_eq!(
            en().duration(24 * 60 + 60 + 1, false),
            "1 day 1 hour 1 minute"
        );
        assert_eq!(en().duration(13 * 24 * 60, false), "13 days");
        assert_eq!(en().duration(0, false), "0 minutes");
    }

    #[test]
    fn period_duration_approx_when_an_end_is() {
        let p = period(
            ex(at(2016, 10, 11, 8, 55)),
            Some(tp(at(2016, 10, 11, 22, 0), Approx::About)),
        );
        assert_eq!(ja().period_duration(&p).as_deref(), Some("約13時間5分"));
    }

    #[test]
    fn period_duration_exact() {
        let p = period(ex(at(2009, 7, 2, 15, 0)), Some(ex(at(2009, 7, 3, 19, 35))));
        assert_eq!(ja().period_duration(&p).as_deref(), Some("1日と4時間35分"));
    }

    #[test]
    fn period_duration_bare_days_count_inclusively() {
        let p = period(bare(day(2018, 7, 1)), Some(bare(day(2018, 7, 13))));
        assert_eq!(ja().period_duration(&p).as_deref(), Some("13日間"));
    }

    #[test]
    fn period_duration_none_when_open_unknown_or_reversed() {
        assert_eq!(
            ja().period_duration(&period(ex(at(2009, 7, 2, 15, 0)), None)),
            None
        );
        assert_eq!(
            ja().period_duration(&period(TimePoint::UNKNOWN, Some(ex(at(2009, 7, 2, 15, 0))))),
            None
        );
        assert_eq!(
            ja().period_duration(&period(
                ex(at(2009, 7, 2, 15, 0)),
                Some(ex(at(2009, 7, 2, 14, 0)))
            )),
            None
        );
    }

    #[test]
    fn period_duration_across_offsets() {
        // 10:00 JST to 03:00 UTC is exactly two hours.
        let utc = FixedOffset::east_opt(0)
            .unwrap()
            .with_ymd_and_hms(2009, 7, 2, 3, 0, 0)
            .unwrap();
        let p = period(ex(at(2009, 7, 2, 10, 0)), Some(ex(utc)));
        assert_eq!(ja().period_duration(&p).as_deref(), Some("2時間"));
    }

    // ---- local time ----

    #[test]
    fn local_time_of_foreign_data_center() {
        // 15時頃 JST is 23時頃 the day before in California summer time (-07:00).
        let t = tp(at(2009, 7, 3, 15, 0), Approx::About);
        assert_eq!(
            ja().local_time(&t, offset(-7, 0)).as_deref(),
            Some("（現地時間7月2日23時頃）")
        );
        assert_eq!(
            ja12().local_time(&t, offset(-7, 0)).as_deref(),
            Some("（現地時間7月2日午後11時頃）")
        );
        assert_eq!(
            en12().local_time(&t, offset(-7, 0)).as_deref(),
            Some("(local time: July 2, about 11:00 PM)")
        );
    }

    #[test]
    fn local_time_none_when_same_zone_or_not_instant() {
        let t = ex(at(2009, 7, 3, 15, 0));
        assert_eq!(ja().local_time(&t, jst()), None);
        assert_eq!(ja().local_time(&bare(day(2009, 7, 3)), offset(-7, 0)), None);
        assert_eq!(ja().local_time(&TimePoint::UNKNOWN, offset(-7, 0)), None);
    }

    // ---- due dates ----

    #[test]
    fn due_dates() {
        assert_eq!(ja().due(&Due::Day(day(2026, 4, 15))), "2026年4月15日");
        assert_eq!(
            ja().due(&Due::Month {
                year: 2026,
                month: 4
            }),
            "2026年4月末まで"
        );
        assert_eq!(
            wareki().due(&Due::Month {
                year: 2026,
                month: 4
            }),
            "令和8年4月末まで"
        );
        assert_eq!(
            en().due(&Due::Month {
                year: 2026,
                month: 4
            }),
            "by the end of April 2026"
        );
        assert_eq!(en().due(&Due::Day(day(2026, 4, 15))), "April 15, 2026");
    }

    #[test]
    fn due_month_of_era_change_uses_its_end() {
        assert_eq!(
            wareki().due(&Due::Month {
                year: 2019,
                month: 4
            }),
            "平成31年4月末まで"
        );
        assert_eq!(
            wareki().due(&Due::Month {
                year: 2019,
                month: 5
            }),
            "令和元年5月末まで"
        );
        assert_eq!(
            wareki().due(&Due::Month {
                year: 2019,
                month: 12
            }),
            "令和元年12月末まで"
        );
    }

    #[test]
    fn due_month_out_of_range_does_not_panic() {
        assert_eq!(
            ja().due(&Due::Month {
                year: 2026,
                month: 13
            }),
            "2026年13月末まで"
        );
    }

    // ---- axis and zone ----

    #[test]
    fn axis_labels() {
        assert_eq!(ja().axis_day(day(2016, 10, 11)), "10/11(火)");
        assert_eq!(en().axis_day(day(2016, 10, 11)), "Tue 10/11");
        assert_eq!(ja().axis_time(8, 0), "08:00");
    }

    #[test]
    fn zone_labels() {
        assert_eq!(ja().zone_label(), "UTC+09:00 (JST)");
        assert_eq!(
            Fmt::new(Lang::Ja, DateStyle::default(), offset(-5, 0)).zone_label(),
            "UTC-05:00"
        );
        assert_eq!(
            Fmt::new(Lang::En, DateStyle::default(), offset(5, 30)).zone_label(),
            "UTC+05:30"
        );
        assert_eq!(
            Fmt::new(Lang::En, DateStyle::default(), offset(-3, -30)).zone_label(),
            "UTC-03:30"
        );
    }

    // ---- invariants over whole ranges (exhaustive loops: deterministic and cheap) ----

    #[test]
    fn era_years_written_as_people_write_them_over_a_century() {
        let mut d = day(1926, 1, 1);
        while d <= day(2040, 12, 31) {
            let text = wareki().date(d);
            assert!(
                !text.contains("和1年") && !text.contains("成1年"),
                "{d} → {text}"
            );
            let first_of_era = ERAS.iter().any(|&(_, y, _, _)| y == d.year());
            if text.contains("元年") {
                assert!(first_of_era, "{d} → {text}");
            }
            d = d.succ_opt().unwrap();
        }
    }

    #[test]
    fn twelve_hour_clock_covers_every_minute_once() {
        let mut seen = std::collections::HashSet::new();
        for h in 0..24 {
            for m in 0..60 {
                let text = ja12().time_of_day(&ex(at(2016, 10, 11, h, m)));
                assert!(seen.insert(text.clone()), "{h}:{m} → {text} twice");
                assert!(
                    text == "正午" || text.starts_with("午前") || text.starts_with("午後"),
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn approximate_durations_stay_close() {
        for m in 60..(30 * 24 * 60) {
            let rounded = round_like_people(m);
            // Within 8% of the real length (a week rounded to the day is the loosest step).
            assert!((rounded - m).abs() * 100 <= m * 8, "{m} → {rounded}");
        }
    }
}
