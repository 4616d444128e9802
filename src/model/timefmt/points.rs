//! One point in time in words, with as much of its date as the place needs: in full, under a
//! day heading (time of day only), or an event's time and its table cell. An instant is
//! converted into the report's zone, and in a named zone outside Japan carries its offset.

use chrono::{FixedOffset, NaiveDate, Timelike};

use super::Fmt;
use crate::model::zone::offset_mark;
use crate::model::{Approx, Event, Lang, Period, TimePoint, When};

/// How much of the date to write in front of a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum DateShown {
    Full,
    WithoutYear,
    Omitted,
}

impl Fmt {
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
    pub(super) fn point(&self, t: &TimePoint, shown: DateShown) -> String {
        self.point_marked(t, shown, true)
    }

    /// Two different instants shown at the same offset: a range then writes it once, after its
    /// end (`17:39 – 18:12 UTC`); across a daylight-saving change each end keeps its own.
    pub(super) fn same_offset(&self, a: &TimePoint, b: &TimePoint) -> bool {
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
    pub(super) fn point_marked(&self, t: &TimePoint, shown: DateShown, mark: bool) -> String {
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
}
