//! The calendar of a history: the days with at least one report going on, each with the worst
//! level of the phases going on that day, in each report's own zone; and for a history of many
//! years the same days gathered by month ([`month_grid`]), one row of twelve per year.

use std::collections::{BTreeMap, HashSet};

use chrono::{Datelike, NaiveDate};

use super::{fmt_of, Entry};
use crate::model::{Document, ImpactLevel};

/// The longest stretch of days one report marks on the calendar; a report left open for months
/// would otherwise paint the whole strip.
pub const MAX_MARKED_DAYS: i64 = 62;

/// One day on the calendar strip.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DayMark {
    /// Worst level of the reports touching the day; `None` when none states a level.
    pub worst: Option<ImpactLevel>,
    /// Report indices, newest first.
    pub reports: Vec<usize>,
}

/// Days with at least one report going on, each with the worst level that day. A day takes the
/// levels of the phases going on during it, so a report whose phases are days apart does not
/// paint the days between.
pub fn calendar(doc: &Document, entries: &[&Entry]) -> BTreeMap<NaiveDate, DayMark> {
    let mut days: BTreeMap<NaiveDate, DayMark> = BTreeMap::new();
    for e in entries {
        let Some(report) = doc.reports.get(e.index) else {
            continue;
        };
        let fmt = fmt_of(report);
        for phase in &report.incident.phases {
            let Some(first) = fmt.day_of(&phase.period.start) else {
                continue;
            };
            let last = phase
                .period
                .end
                .and_then(|end| fmt.day_of(&end))
                .unwrap_or(first);
            let span = (last - first).num_days().clamp(0, MAX_MARKED_DAYS - 1);
            for d in first.iter_days().take(span as usize + 1) {
                let mark = days.entry(d).or_default();
                if !mark.reports.contains(&e.index) {
                    mark.reports.push(e.index);
                }
                mark.worst = match (mark.worst, phase.worst()) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
            }
        }
    }
    days
}

/// A history whose marked days span more than this many calendar years shows a month grid instead of a
/// strip of days per year (a strip is 53 weeks wide and a node per marked day).
pub const DAY_STRIPS_UP_TO_YEARS: i32 = 3;

/// One month of the month grid.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MonthMark {
    /// Worst level of the month's marked days; `None` when none states a level.
    pub worst: Option<ImpactLevel>,
    /// Days with a report going on.
    pub days: usize,
    /// Reports going on during the month (each counted once).
    pub reports: usize,
}

/// Whether the days span more years than day strips can show readably.
pub fn wants_month_grid(days: &BTreeMap<NaiveDate, DayMark>) -> bool {
    match (days.keys().next(), days.keys().next_back()) {
        (Some(first), Some(last)) => last.year() - first.year() + 1 > DAY_STRIPS_UP_TO_YEARS,
        _ => false,
    }
}

/// The marked days gathered by (year, month).
pub fn month_grid(days: &BTreeMap<NaiveDate, DayMark>) -> BTreeMap<(i32, u32), MonthMark> {
    let mut out: BTreeMap<(i32, u32), (MonthMark, HashSet<usize>)> = BTreeMap::new();
    for (d, mark) in days {
        let (m, reports) = out.entry((d.year(), d.month())).or_default();
        m.days += 1;
        m.worst = match (m.worst, mark.worst) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        reports.extend(mark.reports.iter().copied());
    }
    out.into_iter()
        .map(|(k, (mut m, reports))| {
            m.reports = reports.len();
            (k, m)
        })
        .collect()
}
