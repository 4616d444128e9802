//! Properties that must hold for any report (order kept, no label overlap, no event lost, a
//! bounded number of symbols), over random reports and views.

use super::*;

/// A random report: bursts of events around a few centres spread over up to 40 days.
fn arb_report() -> impl Strategy<Value = Report> {
    let ev = (
        0usize..3,
        prop::option::weighted(0.95, 0i64..2000),
        0usize..7,
        0usize..4,
    );
    (
        prop::collection::vec(0i64..40 * 24 * 60, 1..5),
        prop::collection::vec(ev, 1..250),
    )
        .prop_map(|(centres, evs)| {
            let t0 = at(0, 0);
            let events = evs
                .into_iter()
                .enumerate()
                .map(|(n, (actor, off, kind, approx))| {
                    let time = off.map(|o| t0 + Duration::minutes(centres[n % centres.len()] + o));
                    let mut e = event(actor, time);
                    e.kind = EventKind::ALL[kind];
                    e.time.approx =
                        [Approx::Exact, Approx::About, Approx::After, Approx::Until][approx];
                    e.text = "障害対応".repeat(n % 5 + 1).as_str().into();
                    e
                })
                .collect();
            report(events)
        })
}

/// Width, real time scale, a window in thousandths of the extent, hidden actors and kinds.
type SpecInput = (f64, bool, Option<(u16, u16)>, Vec<usize>, Vec<usize>);

fn arb_spec() -> impl Strategy<Value = SpecInput> {
    (
        300.0f64..2400.0,
        any::<bool>(),
        prop::option::of((0u16..1000, 0u16..1000)),
        prop::collection::vec(0usize..3, 0..2),
        prop::collection::vec(0usize..7, 0..3),
    )
}

fn spec_for(r: &Report, p: &Prepared, s: &SpecInput) -> ChartSpec {
    let (width, real_time, range, actors, kinds) = s;
    let range = match (range, p.extent) {
        (Some((a, b)), Some((t0, t1))) => {
            let at = |k: u16| t0 + (t1 - t0) / 1000 * i64::from(k);
            Some((at(*a), at(*b)))
        }
        _ => None,
    };
    let _ = r;
    ChartSpec {
        width: *width,
        real_time: *real_time,
        range,
        filter: Filter {
            hidden_actors: actors.clone(),
            hidden_kinds: kinds.iter().map(|k| EventKind::ALL[*k]).collect(),
        },
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn positions_are_monotonic_in_time(
        occupied in prop::collection::vec((0i64..1_000_000, 0i64..50_000), 1..20),
        probes in prop::collection::vec(-100_000i64..1_200_000, 2..40),
    ) {
        let occupied: Vec<(i64, i64)> = occupied.iter().map(|&(a, l)| (a * MINUTE / 10, (a + l) * MINUTE / 10)).collect();
        let t0 = occupied.iter().map(|o| o.0).min().unwrap();
        let t1 = occupied.iter().map(|o| o.1).max().unwrap();
        let s = Scale::compressed(t0, t1, &occupied, &occupied[..1], 0.0, 1000.0, &GapRules::default());
        let mut probes: Vec<i64> = probes.iter().map(|p| p * MINUTE / 10).collect();
        probes.sort_unstable();
        for w in probes.windows(2) {
            prop_assert!(s.x(w[0]) <= s.x(w[1]) + 1e-9);
            if w[0] < w[1] {
                prop_assert!(s.x(w[0]) < s.x(w[1]));
            }
        }
        prop_assert!((s.x(t1.max(t0 + 1)) - 1000.0).abs() < 1e-6);
        // Nothing that happened is ever inside a cut.
        for b in s.breaks() {
            for &(a, e) in &occupied {
                prop_assert!(e <= b.cut.0 || a >= b.cut.1);
            }
        }
    }

    #[test]
    fn every_event_is_drawn_clustered_outside_in_the_tray_or_hidden(r in arb_report(), s in arb_spec()) {
        let p = Prepared::new(&r);
        let l = chart(&r, &p, &fmt(), &spec_for(&r, &p, &s));
        prop_assert_eq!(l.tally(), r.timeline.len());
        let mut seen = vec![0u8; r.timeline.len()];
        for m in l.singles() { seen[m.event] += 1; }
        for c in l.clusters() { for e in &c.events { seen[*e] += 1; } }
        for e in &l.tray { seen[*e] += 1; }
        prop_assert!(seen.iter().all(|n| *n <= 1));
        prop_assert!(l.symbols.len() <= MAX_SYMBOLS);
    }

    #[test]
    fn layout_keeps_event_order_within_each_lane(r in arb_report(), s in arb_spec()) {
        let p = Prepared::new(&r);
        let l = chart(&r, &p, &fmt(), &spec_for(&r, &p, &s));
        for lane in 0..l.lanes.len() {
            let mut placed: Vec<(i64, f64)> = l.symbols.iter().filter_map(|sym| match sym {
                Symbol::Marker(m) if m.lane == lane => Some((p.spots[m.event].unwrap().anchor, m.x)),
                Symbol::Cluster(c) if c.lane == lane => Some((c.from, c.x)),
                _ => None,
            }).collect();
            placed.sort_by_key(|(t, _)| *t);
            for w in placed.windows(2) {
                prop_assert!(w[0].1 <= w[1].1, "{:?}", w);
            }
            // Symbols in a lane never sit on top of each other.
            let mut xs: Vec<f64> = placed.iter().map(|p| p.1).collect();
            xs.sort_by(f64::total_cmp);
            for w in xs.windows(2) {
                prop_assert!(w[1] - w[0] >= super::super::chart::CLUSTER_PX - 0.001, "{:?}", w);
            }
        }
    }

    #[test]
    fn no_two_labels_overlap(r in arb_report(), s in arb_spec()) {
        let p = Prepared::new(&r);
        let l = chart(&r, &p, &fmt(), &spec_for(&r, &p, &s));
        let mut labels: Vec<(usize, f64, f64, f64)> = l.singles()
            .filter_map(|m| m.label.as_ref().map(|lb| (m.lane, lb.y, lb.x, lb.x + lb.width)))
            .collect();
        labels.sort_by(|a, b| (a.0, a.1, a.2).partial_cmp(&(b.0, b.1, b.2)).unwrap());
        for w in labels.windows(2) {
            if w[0].0 == w[1].0 && w[0].1 == w[1].1 {
                prop_assert!(w[0].3 <= w[1].2, "{:?}", w);
            }
        }
        for lb in &labels {
            prop_assert!(lb.3 <= l.width);
            prop_assert!(lb.3 - lb.2 <= super::super::chart::MAX_LABEL_PX + 0.01);
        }
        for w in l.axis.times.windows(2) { prop_assert!(w[0].x < w[1].x); }
        for w in l.axis.days.windows(2) { prop_assert!(w[0].x < w[1].x); }
    }

    #[test]
    fn no_label_crosses_a_break_or_leaves_the_frame(r in arb_report(), s in arb_spec()) {
        let p = Prepared::new(&r);
        let l = chart(&r, &p, &fmt(), &spec_for(&r, &p, &s));
        let zigzags: Vec<(f64, f64)> = l.breaks.iter().map(|b| (b.x0 - 3.0, b.x1 + 3.0)).collect();
        let crosses = |a: f64, b: f64| zigzags.iter().any(|&(z0, z1)| b > z0 && a < z1);
        for m in l.singles() {
            if let Some(lb) = &m.label {
                prop_assert!(!crosses(lb.x, lb.x + lb.width), "label {:?} over a break {:?}", lb, zigzags);
            }
        }
        for e in &l.etas {
            if let Some(text) = &e.label {
                let w = super::super::text::width(text, super::super::chart::LABEL_FONT);
                prop_assert!(!crosses(e.x1 + 7.0, e.x1 + 7.0 + w), "ETA label {text} over a break");
            }
        }
        let font = super::super::ticks::AXIS_FONT;
        for d in &l.axis.days {
            prop_assert!(d.label_x >= 0.0 && d.label_x + super::super::text::width(&d.label, font) <= l.width, "{:?} width {}", d, l.width);
        }
        for t in &l.axis.times {
            let half = super::super::text::width(&t.label, font) / 2.0;
            prop_assert!(t.label_x - half >= 0.0 && t.label_x + half <= l.width, "{:?}", t);
        }
    }
}
