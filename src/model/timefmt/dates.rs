//! Calendar days in words: 西暦 and 和暦 years (元年 for an era's first), weekdays, month
//! names, the days and months of headings, target dates (`2026年4月末まで`) and the timeline
//! axis's day labels. A `When::Day` is the day the author wrote and is never shifted.

use chrono::{Datelike, NaiveDate};

use super::Fmt;
use crate::model::{Calendar, Due, Lang, TimePoint, When};

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
pub(super) const ERAS: [(&str, i32, u32, u32); 3] = [
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

impl Fmt {
    /// The year as written in this style: `2009年`, `令和元年`, `平成31年`.
    pub(super) fn year_ja(&self, d: NaiveDate) -> String {
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

    pub(super) fn month_day_plain(&self, d: NaiveDate) -> String {
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
    pub(super) fn same_written_year(&self, a: NaiveDate, b: NaiveDate) -> bool {
        match self.lang {
            Lang::Ja => self.year_ja(a) == self.year_ja(b),
            Lang::En => a.year() == b.year(),
        }
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
}
