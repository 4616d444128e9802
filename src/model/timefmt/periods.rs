//! Periods in words: from a start to an end, dropping the date the reader already has (the
//! same day, the same written year, the year of a heading), `～継続中` while ongoing, and an
//! event's span in a row already under its day.

use chrono::NaiveDate;

use super::points::DateShown;
use super::Fmt;
use crate::model::{Approx, Lang, Period, TimePoint, When};

impl Fmt {
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
}
