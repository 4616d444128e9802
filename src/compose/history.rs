//! Figures for the history view of a document with many reports: one line per report, the
//! filters, grouping by year and month, a calendar of the days with incidents, and per-month
//! counts, outage time and mean time to recovery.
//!
//! Pure data, no yew: the view (`components::history`) only draws what is computed here, and
//! words every date and length through `timefmt`. Days and months are those of each report's
//! own zone, the zone its dates are printed in.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use crate::compose::impact::{outage_length, union_length, Length};
use crate::compose::timefmt::Fmt;
use crate::model::{Document, ImpactLevel, Lang, Report};

/// The longest stretch of days one report marks on the calendar; a report left open for months
/// would otherwise paint the whole strip.
pub const MAX_MARKED_DAYS: i64 = 62;

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
fn fmt_of(report: &Report) -> Fmt {
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
    out.sort_by_key(|(key, _)| (key.is_none(), std::cmp::Reverse(*key)));
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
    parts.extend(report.timeline.iter().map(|e| e.text.as_str()));
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
    out.sort_unstable_by(|a, b| b.cmp(a));
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

/// Quiet stretches up to this many months are drawn month by month; a longer one is left out
/// and marked, so a history from 0001 to 9999 (or with a typo year) costs its reports, not the
/// calendar.
pub const MAX_QUIET_RUN: i64 = 12;

/// The figures of one month.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MonthStats {
    pub year: i32,
    pub month: u32,
    /// Quiet months left out just before this one (a stretch longer than [`MAX_QUIET_RUN`]).
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

fn month_of(n: i64) -> (i32, u32) {
    (n.div_euclid(12) as i32, n.rem_euclid(12) as u32 + 1)
}

/// Per-month figures from the first to the last month with a report, oldest first (the order a
/// chart reads). Quiet months are included up to [`MAX_QUIET_RUN`] in a row; longer quiet
/// stretches are left out and counted in the next month's `skipped_before`.
pub fn monthly(doc: &Document, entries: &[&Entry]) -> Vec<MonthStats> {
    let mut busy: BTreeMap<i64, (MonthStats, (i64, usize, bool))> = BTreeMap::new();
    for e in entries {
        let Some(month) = e.month() else { continue };
        let (stats, r) = busy.entry(month_number(month)).or_insert_with(|| {
            (
                MonthStats {
                    year: month.0,
                    month: month.1,
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
                    let (year, month) = month_of(q);
                    MonthStats {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::decode_str;
    use crate::model::ImpactLevel::*;

    fn history() -> Document {
        let outcome = decode_str(include_str!("../../examples/history.json"));
        outcome.document.expect("the history example decodes")
    }

    fn ids<'d>(doc: &'d Document, list: &[&Entry]) -> Vec<&'d str> {
        list.iter()
            .map(|e| doc.reports[e.index].id.as_str())
            .collect()
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn newest_first_grouped_by_year_and_month() {
        let doc = history();
        let all = entries(&doc);
        let list: Vec<&Entry> = all.iter().collect();
        assert_eq!(list.len(), 12);
        assert_eq!(ids(&doc, &list)[0], "2026-05-panel");
        assert_eq!(ids(&doc, &list)[11], "2024-06-dns");
        let groups = by_month(&list);
        let years: Vec<Option<i32>> = groups.iter().map(|g| g.year).collect();
        assert_eq!(years, [Some(2026), Some(2025), Some(2024)]);
        let months: Vec<Option<(i32, u32)>> = groups[0].months.iter().map(|m| m.month).collect();
        assert_eq!(months, [Some((2026, 5)), Some((2026, 3)), Some((2026, 1))]);
        assert_eq!(years_of(&all), [2026, 2025, 2024]);
    }

    fn years_of(all: &[Entry]) -> Vec<i32> {
        years(all)
    }

    #[test]
    fn entry_lines() {
        let doc = history();
        let all = entries(&doc);
        let open = &all[0];
        assert!(open.length.is_ongoing());
        assert_eq!(open.worst, Some(Partial));
        let maint = all
            .iter()
            .find(|e| doc.reports[e.index].id == "2024-10-maint")
            .unwrap();
        assert!(maint.maintenance);
        let no_phases = all
            .iter()
            .find(|e| doc.reports[e.index].id == "2024-06-dns")
            .unwrap();
        assert_eq!(no_phases.worst, None);
        assert!(no_phases
            .summary
            .as_deref()
            .is_some_and(|s| s.starts_with("権威DNS")));
        assert_eq!(no_phases.day, Some(day(2024, 6, 14)));
    }

    #[test]
    fn filters() {
        let doc = history();
        let all = entries(&doc);
        let by = |f: Filter| ids(&doc, &filtered(&doc, &all, &f));
        assert_eq!(by(Filter::default()).len(), 12);
        assert_eq!(
            by(Filter {
                year: Some(2025),
                ..Filter::default()
            })
            .len(),
            5
        );
        assert_eq!(
            by(Filter {
                level: Some(Outage),
                ..Filter::default()
            }),
            ["2025-07-vps", "2025-02-network", "2024-08-lb"]
        );
        assert_eq!(
            by(Filter {
                service: Some("lb".into()),
                ..Filter::default()
            }),
            ["2025-02-network", "2024-08-lb"]
        );
        let dns = by(Filter {
            text: "dns".into(),
            ..Filter::default()
        });
        assert!(
            dns.contains(&"2026-01-dns") && dns.contains(&"2024-06-dns"),
            "{dns:?}"
        );
        assert!(!dns.contains(&"2025-07-vps"), "{dns:?}");
        // Every word must be found.
        assert_eq!(
            by(Filter {
                text: "DNS 遅延".into(),
                ..Filter::default()
            }),
            ["2026-01-dns", "2025-02-network", "2024-06-dns"]
        );
        assert!(by(Filter {
            text: "no such words".into(),
            ..Filter::default()
        })
        .is_empty());
        assert!(Filter::default().is_empty());
    }

    #[test]
    fn calendar_marks_the_days_of_each_phase() {
        let doc = history();
        let all = entries(&doc);
        let list: Vec<&Entry> = all.iter().collect();
        let days = calendar(&doc, &list);
        assert_eq!(
            days.get(&day(2025, 7, 14)).and_then(|d| d.worst),
            Some(Outage)
        );
        // The recurrence five days later, and not the days between.
        assert_eq!(
            days.get(&day(2025, 7, 19)).and_then(|d| d.worst),
            Some(Partial)
        );
        assert!(!days.contains_key(&day(2025, 7, 16)));
        // A report without phase data still marks its day, without a level.
        let d = days.get(&day(2024, 6, 14)).expect("marked");
        assert_eq!(d.worst, None);
        assert_eq!(d.reports.len(), 1);
        // The late-night start (深夜) belongs to the day written.
        assert!(days.contains_key(&day(2025, 11, 5)));
        assert!(days.contains_key(&day(2025, 11, 6)));
    }

    #[test]
    fn long_quiet_stretches_are_left_out_of_the_months_and_counted() {
        let report = |y: u32, m: u32| {
            format!(
                r#"{{"report":{{"title":"t","issued":"{y:04}-{m:02}-01","issuer":"i"}},"incident":{{"start":"{y:04}-{m:02}-01T10:00:00+09:00","end":"{y:04}-{m:02}-01T11:00:00+09:00"}}}}"#
            )
        };
        let doc = |dates: &[(u32, u32)]| {
            let reports: Vec<String> = dates.iter().map(|(y, m)| report(*y, *m)).collect();
            let text = format!(r#"{{"version":1,"reports":[{}]}}"#, reports.join(","));
            decode_str(&text).document.expect("decodes")
        };
        let d = doc(&[(2020, 1), (2020, 3), (2026, 5)]);
        let all = entries(&d);
        let list: Vec<&Entry> = all.iter().collect();
        let months = monthly(&d, &list);
        let shown: Vec<(i32, u32, i64)> = months
            .iter()
            .map(|m| (m.year, m.month, m.skipped_before))
            .collect();
        // The one quiet month between two reports is drawn; the six quiet years are not.
        assert_eq!(
            shown,
            vec![(2020, 1, 0), (2020, 2, 0), (2020, 3, 0), (2026, 5, 73)]
        );
        // Year 1 to year 9999: two months, not 119,977.
        let d = doc(&[(1, 5), (9999, 5)]);
        let all = entries(&d);
        let list: Vec<&Entry> = all.iter().collect();
        let months = monthly(&d, &list);
        assert_eq!(months.len(), 2);
        assert_eq!(months[1].skipped_before, 9998 * 12 - 1);
        assert_eq!(months.iter().map(|m| m.incidents).sum::<usize>(), 2);
    }

    #[test]
    fn monthly_figures() {
        let doc = history();
        let all = entries(&doc);
        let list: Vec<&Entry> = all.iter().collect();
        let months = monthly(&doc, &list);
        // June 2024 to May 2026, quiet months included.
        assert_eq!(months.len(), 24);
        assert_eq!((months[0].year, months[0].month), (2024, 6));
        let get = |y, m| {
            months
                .iter()
                .find(|s| (s.year, s.month) == (y, m))
                .copied()
                .unwrap()
        };
        let aug = get(2024, 8);
        assert_eq!(
            (aug.incidents, aug.outage_minutes, aug.mttr_minutes),
            (1, 52, Some(52))
        );
        let oct = get(2024, 10);
        assert_eq!(
            (oct.incidents, oct.maintenance, oct.mttr_minutes),
            (0, 1, None)
        );
        let jul = get(2025, 7);
        assert_eq!(jul.outage_minutes, 108);
        // 03:22–09:00 (approximate end) and the recurrence 22:40–23:35, not the five days between.
        assert_eq!((jul.mttr_minutes, jul.mttr_approx), (Some(393), true));
        let may = get(2026, 5);
        assert_eq!((may.incidents, may.ongoing, may.mttr_minutes), (1, 1, None));
        assert_eq!(get(2024, 9).incidents, 0);
        assert_eq!(scale_max(months.iter().map(|m| m.incidents as i64)), 1);
        assert_eq!(scale_max([]), 1);
    }
}
