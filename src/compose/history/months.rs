//! Per-period figures of a history: incidents, maintenance, outage time and mean time to
//! recovery, each saying what it leaves out (never counting "not stated" as zero).
//!
//! A period is a month, or a quarter or a year when the history is long ([`Span::for_entries`]):
//! 14 years of months are 165 bars no screen can show side by side.

use std::collections::BTreeMap;

use super::Entry;
use crate::compose::impact::{outage_length, Length};
use crate::model::timefmt::Fmt;
use crate::model::{Document, Lang};

/// Quiet stretches up to this many months are drawn month by month; a longer one is left out
/// and marked, so a history from 0001 to 9999 (or with a typo year) costs its reports, not the
/// calendar.
pub const MAX_QUIET_RUN: i64 = 12;

/// How long one period of the figures is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Span {
    #[default]
    Month,
    Quarter,
    Year,
}

/// Histories spanning up to this many months are counted month by month.
pub const MONTHS_UP_TO: i64 = 48;
/// Up to this many months, quarter by quarter; longer ones year by year.
pub const QUARTERS_UP_TO: i64 = 120;

impl Span {
    /// The period that keeps a history's figures readable: months for up to four years,
    /// quarters up to ten, years beyond (from the first to the last month with a report).
    pub fn for_entries(entries: &[&Entry]) -> Span {
        let months = entries.iter().filter_map(|e| e.month()).map(month_number);
        let (Some(first), Some(last)) = (months.clone().min(), months.max()) else {
            return Span::Month;
        };
        match last - first + 1 {
            n if n <= MONTHS_UP_TO => Span::Month,
            n if n <= QUARTERS_UP_TO => Span::Quarter,
            _ => Span::Year,
        }
    }

    /// Months in one period.
    pub fn months(self) -> u32 {
        match self {
            Span::Month => 1,
            Span::Quarter => 3,
            Span::Year => 12,
        }
    }

    fn number(self, (y, m): (i32, u32)) -> i64 {
        i64::from(y) * 12 / i64::from(self.months()) + i64::from((m - 1) / self.months())
    }

    /// The year and first month of period `n`.
    fn start(self, n: i64) -> (i32, u32) {
        let per_year = 12 / i64::from(self.months());
        (
            n.div_euclid(per_year) as i32,
            (n.rem_euclid(per_year) as u32) * self.months() + 1,
        )
    }
}

/// The figures of one period (a month unless `span` says otherwise).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MonthStats {
    pub span: Span,
    pub year: i32,
    /// The period's first month.
    pub month: u32,
    /// Quiet periods left out just before this one (a stretch longer than [`MAX_QUIET_RUN`]).
    pub skipped_before: i64,
    /// Incidents that started in the month (maintenance not counted).
    pub incidents: usize,
    /// Planned maintenance that started in the month.
    pub maintenance: usize,
    /// Time with at least one service in outage, summed over the month's incidents.
    pub outage_minutes: i64,
    /// Some of that time is approximate (頃, a part of day…) or could not be placed.
    pub outage_approx: bool,
    /// Incidents still going on (their outage time is not counted yet).
    pub ongoing: usize,
    /// Mean time to recovery of the month's ended incidents (each incident's phases, gaps
    /// between them not counted).
    pub mttr_minutes: Option<i64>,
    pub mttr_approx: bool,
    /// Incidents whose outage time the report does not state (no impact levels, or an end not
    /// written down): left out of `outage_minutes`, never counted as zero.
    pub outage_not_stated: usize,
    /// Ended incidents whose time to recovery is not stated: left out of the mean.
    pub mttr_not_stated: usize,
}

impl MonthStats {
    /// The period's name: 「2024年3月」, 「2024年 第1四半期」, 「2024年」.
    pub fn label(&self, fmt: &Fmt) -> String {
        match self.span {
            Span::Month => fmt.year_month(self.year, self.month),
            Span::Quarter => match fmt.lang {
                Lang::Ja => format!("{} 第{}四半期", fmt.year(self.year), self.month.div_ceil(3)),
                Lang::En => format!("Q{} {}", self.month.div_ceil(3), self.year),
            },
            Span::Year => fmt.year(self.year),
        }
    }

    /// `2024-03`, `2024-Q1`, `2024`: the period in data attributes.
    pub fn key(&self) -> String {
        match self.span {
            Span::Month => format!("{}-{:02}", self.year, self.month),
            Span::Quarter => format!("{}-Q{}", self.year, self.month.div_ceil(3)),
            Span::Year => self.year.to_string(),
        }
    }

    /// The month's outage time in words: 「記載なし」 when no incident of the month states it,
    /// else the sum with how many it leaves out and how many are still going on.
    pub fn outage_text(&self, fmt: &Fmt) -> String {
        let lang = fmt.lang;
        let stated = self.incidents - self.outage_not_stated.min(self.incidents);
        let mut text = if self.incidents > 0 && stated == 0 {
            crate::model::i18n::tr(lang, "記載なし", "not stated").to_string()
        } else {
            let mut t = fmt.duration(self.outage_minutes, self.outage_approx);
            t.push_str(&left_out_reports(self.outage_not_stated, lang));
            t
        };
        if self.ongoing > 0 {
            text.push_str(&match lang {
                Lang::Ja => format!("（継続中{}件）", self.ongoing),
                Lang::En => format!(" ({} ongoing)", self.ongoing),
            });
        }
        text
    }

    /// The mean time to recovery in words: 「記載なし」 when no ended incident states it, 「—」
    /// when the month has no ended incident, else the mean with how many it leaves out.
    pub fn mttr_text(&self, fmt: &Fmt) -> String {
        match self.mttr_minutes {
            Some(min) => {
                fmt.duration(min, self.mttr_approx)
                    + &left_out_reports(self.mttr_not_stated, fmt.lang)
            }
            None if self.mttr_not_stated > 0 => {
                crate::model::i18n::tr(fmt.lang, "記載なし", "not stated").to_string()
            }
            None => "—".to_string(),
        }
    }
}

/// 「（記載なし2件を除く）」: said after a figure built from some reports only.
pub fn left_out_reports(n: usize, lang: Lang) -> String {
    match (n, lang) {
        (0, _) => String::new(),
        (n, Lang::Ja) => format!("（記載なし{n}件を除く）"),
        (1, Lang::En) => " (leaving out 1 report that does not state it)".to_string(),
        (n, Lang::En) => format!(" (leaving out {n} reports that do not state it)"),
    }
}

fn month_number((y, m): (i32, u32)) -> i64 {
    i64::from(y) * 12 + i64::from(m) - 1
}

/// Per-month figures from the first to the last month with a report, oldest first (the order a
/// chart reads). Quiet months are included up to [`MAX_QUIET_RUN`] in a row; longer quiet
/// stretches are left out and counted in the next month's `skipped_before`.
pub fn monthly(doc: &Document, entries: &[&Entry]) -> Vec<MonthStats> {
    figures(doc, entries, Span::Month)
}

/// [`monthly`] with periods of `span`: the same figures per quarter or per year.
pub fn figures(doc: &Document, entries: &[&Entry], span: Span) -> Vec<MonthStats> {
    let mut busy: BTreeMap<i64, (MonthStats, (i64, usize, bool))> = BTreeMap::new();
    for e in entries {
        let Some(month) = e.month() else { continue };
        let n = span.number(month);
        let (stats, r) = busy.entry(n).or_insert_with(|| {
            let (year, month) = span.start(n);
            (
                MonthStats {
                    span,
                    year,
                    month,
                    ..MonthStats::default()
                },
                (0, 0, false),
            )
        });
        if e.maintenance {
            stats.maintenance += 1;
            continue;
        }
        stats.incidents += 1;
        let Some(report) = doc.reports.get(e.index) else {
            continue;
        };
        let outage = outage_length(report);
        let levels_given = report.incident.phases.iter().any(|p| !p.impact.is_empty());
        let ongoing = e.length.is_ongoing() || outage.is_some_and(|l| l.is_ongoing());
        match outage {
            Some(Length::Known(span)) => {
                stats.outage_minutes += span.minutes;
                stats.outage_approx |= span.approx;
            }
            Some(Length::Unknown) => stats.outage_not_stated += 1,
            // Levels given and none an outage: truly no outage time.
            None if levels_given => {}
            None if !ongoing => stats.outage_not_stated += 1,
            Some(Length::Ongoing) | None => {}
        }
        if ongoing {
            stats.ongoing += 1;
        }
        match e.recovery {
            Length::Known(span) => {
                r.0 += span.minutes;
                r.1 += 1;
                r.2 |= span.approx;
            }
            Length::Unknown => stats.mttr_not_stated += 1,
            Length::Ongoing => {}
        }
    }
    let mut out = Vec::new();
    let mut previous: Option<i64> = None;
    for (n, (mut stats, (total, count, approx))) in busy {
        if count > 0 {
            stats.mttr_minutes = Some((total + count as i64 / 2) / count as i64);
            stats.mttr_approx = approx;
        }
        if let Some(p) = previous {
            let quiet = n - p - 1;
            if quiet > MAX_QUIET_RUN {
                stats.skipped_before = quiet;
            } else {
                out.extend((p + 1..n).map(|q| {
                    let (year, month) = span.start(q);
                    MonthStats {
                        span,
                        year,
                        month,
                        ..MonthStats::default()
                    }
                }));
            }
        }
        previous = Some(n);
        out.push(stats);
    }
    out
}

/// The largest value of a series, at least 1, for scaling a chart.
pub fn scale_max(values: impl IntoIterator<Item = i64>) -> i64 {
    values.into_iter().max().unwrap_or(0).max(1)
}
