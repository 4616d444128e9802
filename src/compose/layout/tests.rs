//! Cross-module layout tests: the edge cases the issue lists; the properties that must hold for
//! any report are in `tests/properties.rs`.

use chrono::{Duration, FixedOffset, TimeZone};
use proptest::prelude::*;

use super::chart::{chart, ChartLayout, ChartSpec, MarkKind, Symbol, MAX_SYMBOLS};
use super::events::{Filter, Prepared};
use super::scale::{GapRules, Scale, DAY, HOUR, MINUTE};
use super::testing::{at, day_event, event, jst, phase, report};
use crate::model::timefmt::Fmt;
use crate::model::{Approx, DateStyle, EventKind, Lang, Report, TimePoint};

mod properties;

fn fmt() -> Fmt {
    Fmt::new(Lang::Ja, DateStyle::default(), jst())
}

fn lay(r: &Report, spec: &ChartSpec) -> ChartLayout {
    chart(r, &Prepared::new(r), &fmt(), spec)
}

fn wide() -> ChartSpec {
    ChartSpec {
        width: 1200.0,
        ..ChartSpec::default()
    }
}

#[test]
fn one_event() {
    let r = report(vec![event(0, Some(at(10, 0)))]);
    let l = lay(&r, &wide());
    assert_eq!(l.singles().count(), 1);
    let m = l.singles().next().unwrap();
    assert!(m.x > l.plot.0 && m.x < l.plot.1);
    assert!(m.label.is_some());
    assert!(!l.axis.times.is_empty());
    assert_eq!(l.tally(), 1);
}

#[test]
fn all_events_at_one_instant_become_one_cluster_per_lane() {
    let r = report((0..50).map(|i| event(i % 2, Some(at(10, 0)))).collect());
    let l = lay(&r, &wide());
    assert_eq!(l.clusters().count(), 2);
    assert_eq!(l.tally(), 50);
    assert!(l.symbols.iter().all(|s| match s {
        Symbol::Cluster(c) => c.from == c.to,
        Symbol::Marker(_) => false,
    }));
}

#[test]
fn a_selected_event_in_a_cluster_gets_its_own_marker_on_top() {
    let r = report(vec![
        event(0, Some(at(10, 0))),
        event(0, Some(at(10, 1))),
        event(1, Some(at(14, 0))),
    ]);
    let l = lay(&r, &wide());
    let c = l.clusters().next().expect("the two close events cluster");
    assert_eq!(c.events, vec![0, 1]);
    let m = l
        .overlay(&r, &Prepared::new(&r), 1)
        .expect("a clustered event is drawn on top");
    assert_eq!((m.event, m.lane, m.y), (1, c.lane, c.y));
    assert!(
        m.x > c.x,
        "at its own time, right of the cluster's first event"
    );
    // An event drawn as its own marker needs no overlay; an index past the end has none.
    assert!(l.overlay(&r, &Prepared::new(&r), 2).is_none());
    assert!(l.overlay(&r, &Prepared::new(&r), 9).is_none());
}

#[test]
fn events_spanning_years() {
    let t0 = at(10, 0);
    let r = report(vec![
        event(0, Some(t0)),
        event(0, Some(t0 + Duration::days(400))),
        event(1, Some(t0 + Duration::days(1100))),
    ]);
    let l = lay(
        &r,
        &ChartSpec {
            real_time: true,
            ..wide()
        },
    );
    assert_eq!(l.singles().count(), 3);
    assert!(l.axis.times.is_empty());
    assert!(!l.axis.days.is_empty() && l.axis.days.len() < 30);
    // Compressed: the quiet years become breaks and the three events spread out.
    let l = lay(&r, &wide());
    assert_eq!(l.breaks.len(), 2);
    let xs: Vec<f64> = l.singles().map(|m| m.x).collect();
    assert!(xs.windows(2).all(|w| (w[1] - w[0]).abs() > 100.0), "{xs:?}");
}

#[test]
fn an_ongoing_incident_is_marked_ongoing() {
    let mut r = report(vec![event(0, Some(at(9, 0))), event(0, Some(at(12, 0)))]);
    r.incident.period.end = None;
    r.incident.phases = vec![phase("①", at(9, 0), None)];
    let l = lay(&r, &wide());
    assert!(l.marks.iter().any(|m| m.kind == MarkKind::Ongoing));
    assert!(!l.marks.iter().any(|m| m.kind == MarkKind::Recovery));
    assert_eq!(l.bands.len(), 1);
    assert!(l.bands[0].open_end);
    assert!(l.bands[0].title.contains("継続中"), "{}", l.bands[0].title);
}

#[test]
fn daylight_saving_offsets_in_the_data_keep_real_order() {
    // 01:30 at +02:00 (summer) is before 01:00 at +01:00 (winter) on the night clocks go back.
    let summer = FixedOffset::east_opt(2 * 3600).unwrap();
    let winter = FixedOffset::east_opt(3600).unwrap();
    let a = summer.with_ymd_and_hms(2016, 10, 30, 1, 30, 0).unwrap();
    let b = winter.with_ymd_and_hms(2016, 10, 30, 1, 0, 0).unwrap();
    let c = winter.with_ymd_and_hms(2016, 10, 30, 2, 30, 0).unwrap();
    let r = report(vec![
        event(0, Some(b)),
        event(0, Some(a)),
        event(0, Some(c)),
    ]);
    let p = Prepared::new(&r);
    assert_eq!(p.order, vec![1, 0, 2]);
    let l = chart(&r, &p, &fmt(), &wide());
    let x = |e: usize| l.singles().find(|m| m.event == e).map(|m| m.x).unwrap();
    assert!(x(1) < x(0) && x(0) < x(2));
    // a and b are 30 minutes apart in real time; b and c 90 minutes.
    assert!(((x(2) - x(0)) / (x(0) - x(1)) - 3.0).abs() < 0.01);
}

#[test]
fn unknown_time_only() {
    let r = report(vec![event(0, None), event(1, None)]);
    let l = lay(&r, &wide());
    assert!(l.view.is_none());
    assert!(l.symbols.is_empty());
    assert_eq!(l.tray, vec![0, 1]);
    assert!(l.axis.days.is_empty());
    assert_eq!(l.tally(), 2);
}

#[test]
fn relapse_two_weeks_later_gets_a_break_with_its_length() {
    let t = at(9, 0);
    let mut r = report(vec![
        event(0, Some(t)),
        event(1, Some(t + Duration::hours(3))),
        event(1, Some(t + Duration::hours(7))),
        event(2, Some(t + Duration::hours(10))),
        event(0, Some(t + Duration::hours(13))),
        event(0, Some(t + Duration::days(14))),
        event(2, Some(t + Duration::days(14) + Duration::hours(2))),
    ]);
    r.incident.phases = vec![
        phase("①", t, Some(t + Duration::hours(13))),
        phase(
            "②",
            t + Duration::days(14),
            Some(t + Duration::days(14) + Duration::hours(2)),
        ),
    ];
    let l = lay(&r, &wide());
    assert_eq!(l.breaks.len(), 1);
    assert!(l.breaks[0].label.contains("日"), "{}", l.breaks[0].label);
    assert_eq!(l.bands.len(), 2);
    let w2 = l.bands[1].x1 - l.bands[1].x0;
    assert!(w2 > 80.0, "phase ② is {w2}px wide");
    assert!(l.bands[0].label.starts_with('①'));
    // The real time scale has no break and squeezes phase ②.
    let real = lay(
        &r,
        &ChartSpec {
            real_time: true,
            ..wide()
        },
    );
    assert!(real.breaks.is_empty());
    assert!(real.bands[1].x1 - real.bands[1].x0 < 10.0);
}

#[test]
fn date_only_events_are_spans_and_about_times_have_whiskers() {
    let mut about = event(0, Some(at(12, 0)));
    about.time.approx = Approx::About;
    let mut after = event(1, Some(at(15, 0)));
    after.time.approx = Approx::After;
    let r = report(vec![about, after, day_event(2, 11)]);
    let l = lay(&r, &wide());
    let m = |e: usize| l.singles().find(|m| m.event == e).unwrap().clone();
    let (a, b) = m(0).whisker.unwrap();
    assert!(a < m(0).x && b > m(0).x);
    let (a, b) = m(1).whisker.unwrap();
    assert!(a == m(1).x && b > m(1).x);
    let (a, b) = m(2).span.unwrap();
    assert!(b - a > 100.0);
}

#[test]
fn eta_lines_run_from_announcement_to_the_announced_time() {
    let mut evs = Vec::new();
    for (h, eta) in [(10, 12), (11, 16), (15, 20)] {
        let mut e = event(0, Some(at(h, 30)));
        e.kind = EventKind::Eta;
        e.eta = Some(TimePoint {
            approx: Approx::About,
            ..TimePoint::exact(at(eta, 0))
        });
        evs.push(e);
    }
    evs.push(event(0, Some(at(20, 15))));
    let r = report(evs);
    let l = lay(&r, &wide());
    assert_eq!(l.etas.len(), 3);
    assert!(l.eta_rows >= 2, "overlapping slips need their own rows");
    for e in &l.etas {
        assert!(e.x1 > e.x0);
    }
    let ends: Vec<f64> = l.etas.iter().map(|e| e.x1).collect();
    assert!(
        ends.windows(2).all(|w| w[0] < w[1]),
        "slips move right: {ends:?}"
    );
    assert_eq!(l.etas[0].label.as_deref(), Some("12時頃"));
}

#[test]
fn zoomed_window_counts_what_is_outside() {
    let r = report((0..24).map(|h| event(0, Some(at(h, 0)))).collect());
    let spec = ChartSpec {
        range: Some((at(8, 30).timestamp_millis(), at(12, 30).timestamp_millis())),
        ..wide()
    };
    let l = lay(&r, &spec);
    assert_eq!(l.singles().count(), 4);
    assert_eq!(l.before, 9);
    assert_eq!(l.after, 11);
    assert_eq!(l.tally(), 24);
}

#[test]
fn ten_thousand_events_stay_within_the_symbol_budget_at_any_zoom() {
    let t = at(0, 0);
    let r = report(
        (0..10_000)
            .map(|i| {
                event(
                    i % 3,
                    Some(t + Duration::seconds((i as i64 * 7919) % (3 * 86_400))),
                )
            })
            .collect(),
    );
    let p = Prepared::new(&r);
    let base = t.timestamp_millis();
    for range in [
        None,
        Some((base, base + DAY)),
        Some((base + HOUR, base + HOUR + 10 * MINUTE)),
    ] {
        let l = chart(&r, &p, &fmt(), &ChartSpec { range, ..wide() });
        assert!(
            l.symbols.len() <= MAX_SYMBOLS,
            "{} symbols",
            l.symbols.len()
        );
        assert_eq!(l.tally(), 10_000);
    }
}

#[test]
fn filters_hide_lanes_and_kinds() {
    let mut evs: Vec<_> = (0..6)
        .map(|i| event(i % 3, Some(at(9 + i as u32, 0))))
        .collect();
    evs[0].kind = EventKind::Notice;
    let r = report(evs);
    let f = Filter {
        hidden_actors: vec![1],
        hidden_kinds: vec![EventKind::Notice],
    };
    let l = lay(
        &r,
        &ChartSpec {
            filter: f,
            ..wide()
        },
    );
    assert_eq!(l.lanes.len(), 2);
    assert_eq!(l.hidden, 3);
    assert!(l
        .singles()
        .all(|m| m.event != 0 && r.timeline[m.event].actor != 1));
    assert_eq!(l.tally(), 6);
}

#[test]
fn a_short_reports_last_day_label_stays_inside_the_chart() {
    // An evening and five minutes past midnight: the second day's tick is at the right edge.
    let t = jst().with_ymd_and_hms(2016, 10, 11, 20, 0, 0).unwrap();
    let r = report(vec![
        event(0, Some(t)),
        event(1, Some(t + Duration::hours(2))),
        event(1, Some(t + Duration::minutes(245))),
    ]);
    for width in [1200.0, 390.0] {
        let l = lay(
            &r,
            &ChartSpec {
                width,
                ..ChartSpec::default()
            },
        );
        assert!(l.axis.days.iter().any(|d| d.label.starts_with("10/12")) || width < 400.0);
        for d in &l.axis.days {
            let right = d.label_x + super::text::width(&d.label, super::ticks::AXIS_FONT);
            assert!(
                right <= l.width,
                "{} ends at {right} of {}",
                d.label,
                l.width
            );
        }
    }
}

/// A 24-hour phase between two short ones, with a quiet night inside it and a report three days
/// later: the night is part of the phase and is not cut, and no phase becomes a sliver.
fn long_phase_between_short_ones() -> Report {
    let t = at(9, 0);
    let h = Duration::hours;
    let m = Duration::minutes;
    let mut events = vec![];
    for k in 0..6usize {
        events.push(event(k % 3, Some(t + m(10 * k as i64))));
    }
    events.push(event(0, Some(t + h(1) + m(5))));
    events.push(event(1, Some(t + h(2))));
    events.push(event(0, Some(t + h(24))));
    for k in 0..6usize {
        events.push(event(k % 3, Some(t + h(25) + m(8 * k as i64))));
    }
    events.push(event(0, Some(t + Duration::days(4))));
    let mut r = report(events);
    r.incident.phases = vec![
        phase("①", t, Some(t + h(1))),
        phase("②", t + h(1), Some(t + h(25))),
        phase("③", t + h(25), Some(t + h(26))),
    ];
    r
}

#[test]
fn no_phase_is_a_sliver_and_no_break_falls_inside_a_phase() {
    let r = long_phase_between_short_ones();
    let p = Prepared::new(&r);
    for width in [1200.0, 700.0, 390.0] {
        let l = lay(
            &r,
            &ChartSpec {
                width,
                ..ChartSpec::default()
            },
        );
        let plot = l.plot.1 - l.plot.0;
        let least = (plot * 0.12).min(80.0);
        for b in &l.bands {
            let w = b.x1 - b.x0;
            assert!(
                w >= least,
                "at {width}px phase {} is {w:.0}px wide (< {least:.0})",
                b.label
            );
        }
        let view = l.view.as_ref().unwrap();
        for br in view.scale.breaks() {
            for &(p0, p1) in &p.phases {
                assert!(
                    br.cut.1 <= p0 || br.cut.0 >= p1,
                    "a break {:?} cuts into phase {:?}",
                    br.cut,
                    (p0, p1)
                );
            }
        }
        // The quiet days before the report are still cut.
        assert!(
            !view.scale.breaks().is_empty(),
            "at {width}px nothing was compressed"
        );
    }
}
