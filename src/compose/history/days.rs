//! The calendar of a history: the days with at least one report going on, each with the worst
//! level of the phases going on that day, in each report's own zone.

use std::collections::BTreeMap;

use chrono::NaiveDate;

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
