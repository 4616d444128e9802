//! Figures for the history view of a document with many reports: one line per report, the
//! filters, grouping by year and month, a calendar of the days with incidents, and per-month
//! counts, outage time and mean time to recovery.
//!
//! Here: the entries and the filters; `days` makes the calendar, `months` the per-month figures.
//!
//! Pure data, no yew: the view (`components::history`) only draws what is computed here, and
//! words every date and length through `timefmt`. Days and months are those of each report's
//! own zone, the zone its dates are printed in.

use chrono::{Datelike, NaiveDate};

use crate::compose::impact::{union_length, Length};
use crate::model::timefmt::Fmt;
use crate::model::{Document, ImpactLevel, Report};

mod days;
mod months;
#[cfg(test)]
mod tests;

pub use days::*;
pub use months::*;

/// What the history shows about one report.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// Index into `Document::reports`.
    pub index: usize,
    /// The day the incident started, in the report's zone; `None` when not known.
    pub day: Option<NaiveDate>,
    /// The last day it covers (the start day while it is ongoing).
    pub last_day: Option<NaiveDate>,
    pub length: Length,
    /// Time until recovery: the phases' union, so the quiet days between an incident and its
    /// recurrence do not count as down time.
    pub recovery: Length,
    pub worst: Option<ImpactLevel>,
    /// Indices into the report's services.
    pub affected: Vec<usize>,
    /// One line: the header's summary, else the first phase's.
    pub summary: Option<String>,
    /// Planned work rather than an incident: the worst level is maintenance.
    pub maintenance: bool,
}

/// A formatter only used for `day_of`, which depends on the zone and not on the language.
pub(crate) fn fmt_of(report: &Report) -> Fmt {
    Fmt::new(
        crate::model::Lang::default(),
        report.letter.date_style,
        report.zone,
    )
}

fn first_line(text: &str) -> Option<String> {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(str::to_string)
}

impl Entry {
    pub fn of(index: usize, report: &Report) -> Entry {
        let fmt = fmt_of(report);
        let period = &report.incident.period;
        let day = fmt.day_of(&period.start);
        let last_day = period.end.and_then(|e| fmt.day_of(&e)).or(day).max(day);
        let summary = report
            .header
            .summary
            .as_deref()
            .or_else(|| {
                report
                    .incident
                    .phases
                    .iter()
                    .find_map(|p| p.summary.as_deref())
            })
            .and_then(first_line);
        let worst = report.worst();
        Entry {
            index,
            day,
            last_day,
            length: Length::of(period),
            recovery: union_length(report.incident.phases.iter().map(|p| &p.period))
                .unwrap_or_else(|| Length::of(period)),
            worst,
            affected: report.affected_services(),
            summary,
            maintenance: worst == Some(ImpactLevel::Maintenance),
        }
    }

    pub fn year(&self) -> Option<i32> {
        self.day.map(|d| d.year())
    }

    pub fn month(&self) -> Option<(i32, u32)> {
        self.day.map(|d| (d.year(), d.month()))
    }
}

/// All reports, newest first (unknown starts last, in document order).
pub fn entries(doc: &Document) -> Vec<Entry> {
    let mut out: Vec<(Option<i64>, Entry)> = doc
        .reports
        .iter()
        .enumerate()
        .map(|(i, r)| (r.incident.period.start.sort_key(), Entry::of(i, r)))
        .collect();
    crate::model::sort::sort_by_key(&mut out, |(key, _)| {
        (key.is_none(), std::cmp::Reverse(*key))
    });
    out.into_iter().map(|(_, e)| e).collect()
}

/// What the reader narrowed the list to. The default shows everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Words searched in titles, summaries, phases, events and service names (case-insensitive).
    pub text: String,
    /// A service id: reports in which it was hit or named by an event.
    pub service: Option<String>,
    /// The report's worst level.
    pub level: Option<ImpactLevel>,
    pub year: Option<i32>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
            && self.service.is_none()
            && self.level.is_none()
            && self.year.is_none()
    }

    /// Whether a report passes every filter that is set.
    pub fn fits(&self, entry: &Entry, report: &Report) -> bool {
        if self.year.is_some() && entry.year() != self.year {
            return false;
        }
        if self.level.is_some() && entry.worst != self.level {
            return false;
        }
        if let Some(id) = &self.service {
            let hit = |s: &usize| report.services.get(*s).is_some_and(|s| &s.id == id);
            let named = report.timeline.iter().any(|e| e.services.iter().any(hit));
            if !entry.affected.iter().any(hit) && !named {
                return false;
            }
        }
        let words: Vec<String> = self
            .text
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        words.is_empty() || {
            let haystack = searchable(report);
            words.iter().all(|w| haystack.contains(w.as_str()))
        }
    }
}

/// Everything the text search looks in, lower-cased, one string.
fn searchable(report: &Report) -> String {
    let mut parts: Vec<&str> = report.header.title.as_deref().into_iter().collect();
    parts.push(&report.id);
    parts.extend(report.header.summary.as_deref());
    parts.extend(
        report
            .incident
            .phases
            .iter()
            .filter_map(|p| p.summary.as_deref()),
    );
    // The words of each event, not its markup.
    let texts: Vec<String> = report.timeline.iter().map(|e| e.text.plain()).collect();
    parts.extend(texts.iter().map(String::as_str));
    // Only the services it hit: a history often lists every service in every report.
    let affected = report.affected_services();
    parts.extend(
        affected
            .iter()
            .filter_map(|s| report.services.get(*s))
            .map(|s| s.name.as_str()),
    );
    parts.extend(
        report
            .incident
            .cause
            .iter()
            .filter_map(|c| c.summary.as_deref()),
    );
    parts.join("\n").to_lowercase()
}

/// The entries that pass the filter, in the same order.
pub fn filtered<'e>(doc: &Document, entries: &'e [Entry], filter: &Filter) -> Vec<&'e Entry> {
    entries
        .iter()
        .filter(|e| doc.reports.get(e.index).is_some_and(|r| filter.fits(e, r)))
        .collect()
}

/// Services for the service filter: (id, name), each id once, in order of first appearance.
pub fn services(doc: &Document) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for s in doc.reports.iter().flat_map(|r| &r.services) {
        if !out.iter().any(|(id, _)| *id == s.id) {
            out.push((s.id.clone(), s.name.clone()));
        }
    }
    out
}

/// Years with at least one report, newest first.
pub fn years(entries: &[Entry]) -> Vec<i32> {
    let mut out: Vec<i32> = entries.iter().filter_map(Entry::year).collect();
    crate::model::sort::sort_by(&mut out, |a, b| b.cmp(a));
    out.dedup();
    out
}

/// Reports of one month, in list order (positions into the slice given to `by_month`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthGroup {
    /// `None` for reports whose start is not known.
    pub month: Option<(i32, u32)>,
    pub entries: Vec<usize>,
}

/// Months of one year, newest first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearGroup {
    pub year: Option<i32>,
    pub months: Vec<MonthGroup>,
}

/// Groups entries (already newest first) by year, then month, keeping their order.
pub fn by_month(entries: &[&Entry]) -> Vec<YearGroup> {
    let mut years: Vec<YearGroup> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        let month = e.month();
        let year = month.map(|(y, _)| y);
        if years.last().is_none_or(|g| g.year != year) {
            years.push(YearGroup {
                year,
                months: Vec::new(),
            });
        }
        let Some(group) = years.last_mut() else {
            continue;
        };
        match group.months.last_mut() {
            Some(m) if m.month == month => m.entries.push(i),
            _ => group.months.push(MonthGroup {
                month,
                entries: vec![i],
            }),
        }
    }
    years
}
