//! Tests of the history figures on the history example and small documents.

use super::*;
use crate::format::decode_str;
use crate::model::ImpactLevel::*;

fn history() -> Document {
    let outcome = decode_str(include_str!("../../../examples/history.json"));
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

/// A history of `n` one-hour incidents, one every `step_days` days from 2012-04-02.
fn spread(n: usize, step_days: i64) -> Document {
    let first = day(2012, 4, 2);
    let reports: Vec<String> = (0..n)
        .map(|i| {
            let d = first + chrono::Duration::days(i as i64 * step_days);
            format!(
                r#"{{"report": {{"id": "h{i}", "title": "t", "issued": "{d}", "issuer": "x"}},
                   "incident": {{"start": "{d}T10:00:00+00:00", "end": "{d}T11:00:00+00:00",
                                 "phases": [{{"start": "{d}T10:00:00+00:00", "end": "{d}T11:00:00+00:00",
                                              "impact": {{"s": "outage"}}}}]}}}}"#
            )
        })
        .collect();
    let text = format!(
        r#"{{"version": 1, "lang": "ja", "services": [{{"id": "s", "name": "S"}}], "reports": [{}]}}"#,
        reports.join(",")
    );
    decode_str(&text)
        .document
        .expect("the spread history decodes")
}

#[test]
fn a_long_history_is_counted_by_quarter_or_year() {
    let short = spread(20, 30); // 20 months
    let short_all = entries(&short);
    let short_list: Vec<&Entry> = short_all.iter().collect();
    assert_eq!(Span::for_entries(&short_list), Span::Month);

    let middle = spread(40, 60); // about 6.5 years
    let all = entries(&middle);
    let list: Vec<&Entry> = all.iter().collect();
    assert_eq!(Span::for_entries(&list), Span::Quarter);
    let quarters = figures(&middle, &list, Span::Quarter);
    assert_eq!(quarters.iter().map(|q| q.incidents).sum::<usize>(), 40);
    assert_eq!(quarters[0].key(), "2012-Q2");
    assert!(quarters.iter().all(|q| [1, 4, 7, 10].contains(&q.month)));

    let long = spread(1300, 4); // 14 years
    let all = entries(&long);
    let list: Vec<&Entry> = all.iter().collect();
    assert_eq!(Span::for_entries(&list), Span::Year);
    let years = figures(&long, &list, Span::Year);
    assert_eq!(years.len(), 15, "2012 to 2026, one bar each");
    assert_eq!(years.iter().map(|y| y.incidents).sum::<usize>(), 1300);
    assert_eq!(
        years.iter().map(|y| y.outage_minutes).sum::<i64>(),
        1300 * 60
    );
    assert!(years.iter().all(|y| y.mttr_minutes == Some(60)));
    assert_eq!(years[0].key(), "2012");

    // The calendar of 14 years is a month grid: one cell per month with a report, not per day.
    let days = calendar(&long, &list);
    assert!(wants_month_grid(&days));
    let grid = month_grid(&days);
    assert!(grid.len() <= 15 * 12);
    assert_eq!(grid.values().map(|m| m.days).sum::<usize>(), days.len());
    assert!(!wants_month_grid(&calendar(&short, &short_list)));
}
