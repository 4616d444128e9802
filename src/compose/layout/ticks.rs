//! Axis ticks that adapt to the zoom: days when zoomed out, hours and minutes when zoomed in,
//! aligned to the report's zone and never inside a break. In a named zone the alignment follows
//! each stretch of constant offset, so after a daylight-saving change the ticks still fall on
//! the local hours and midnights (the hour the clock skipped has no tick, the repeated one two).

use chrono::{DateTime, FixedOffset, NaiveDate, Timelike};

use crate::model::Zone;

use super::scale::{View, DAY, HOUR, MINUTE};
use super::text;
use crate::model::timefmt::Fmt;

/// Candidate spacings for time-of-day ticks.
const TIME_STEPS: [i64; 11] = [
    MINUTE,
    2 * MINUTE,
    5 * MINUTE,
    10 * MINUTE,
    15 * MINUTE,
    30 * MINUTE,
    HOUR,
    2 * HOUR,
    3 * HOUR,
    6 * HOUR,
    12 * HOUR,
];

/// Candidate spacings for day ticks, in days: up to centuries, so an axis from year 1 to 9999
/// (a typo year) costs a few ticks, not one per year.
const DAY_STEPS: [i64; 18] = [
    1, 2, 7, 14, 28, 56, 91, 182, 364, 728, 1820, 3640, 7280, 18200, 36400, 72800, 182000, 364000,
];

pub const AXIS_FONT: f64 = 11.0;
/// A day whose axis label is as wide as any (two-digit month and day).
const WIDE_DAY: NaiveDate = match NaiveDate::from_ymd_opt(2000, 12, 27) {
    Some(d) => d,
    None => NaiveDate::MIN,
};
/// Room a time label needs ("08:00" plus air).
const TIME_LABEL_PX: f64 = 46.0;

/// One labelled tick.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub x: f64,
    pub t: i64,
    pub label: String,
    /// An island's own day label: kept over a plain tick it collides with.
    pub strong: bool,
    /// Where the label's text is drawn: a day label starts just right of its tick, a time label
    /// is centred on it; `chart` moves labels that would leave the frame.
    pub label_x: f64,
}

/// A day label starts this far right of its tick line.
pub const DAY_LABEL_INSET: f64 = 3.0;

/// The two rows of the axis.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Axis {
    /// Day labels (`10/11(火)`): every local midnight in view, or every n-th when zoomed out.
    pub days: Vec<Tick>,
    /// Time-of-day labels (`08:00`); empty when a day is too narrow for them.
    pub times: Vec<Tick>,
    /// The finest time step in ms over the visible islands (a day multiple when `times` is empty).
    pub step: i64,
}

/// Ticks for the visible window, in plot x, labelled in the report's zone. Each island of a
/// compressed scale has its own ratio, so steps are chosen island by island.
pub fn axis(view: &View, fmt: &Fmt) -> Axis {
    let (lo, hi) = view.range();
    // The widest day label decides how many days fit.
    let day_label_px = text::width(&fmt.axis_day(WIDE_DAY), AXIS_FONT) + 14.0;
    // 午前/午後 labels are wider than 08:00: the widest one decides the spacing.
    let time_label_px = TIME_LABEL_PX.max(text::width(&fmt.axis_time(10, 30), AXIS_FONT) + 12.0);

    let mut days = Vec::new();
    let mut times = Vec::new();
    let mut finest: Option<i64> = None;
    let segments = view.scale.segments();
    for (i, seg) in segments.iter().enumerate().filter(|(_, s)| !s.gap) {
        // An island is cut into pieces at phase boundaries; only its first piece (or the
        // first one in view) names its day.
        let starts_island = i == 0 || segments[i - 1].gap || seg.t0 < lo;
        let a = seg.t0.max(lo);
        let b = seg.t1.min(hi);
        if a > b {
            continue;
        }
        let ratio = (view.x(seg.t1) - view.x(seg.t0)) / (seg.t1 - seg.t0) as f64;
        let time_step = TIME_STEPS
            .iter()
            .copied()
            .find(|s| *s as f64 * ratio >= time_label_px);
        let day_step = DAY_STEPS
            .iter()
            .copied()
            .find(|d| (*d * DAY) as f64 * ratio >= day_label_px)
            .unwrap_or(DAY_STEPS[DAY_STEPS.len() - 1])
            * DAY;
        let step = time_step.unwrap_or(day_step);
        finest = Some(finest.map_or(step, |f| f.min(step)));
        let before = days.len();
        for t in aligned_in(fmt.zone, a, b, day_step, day_step >= 7 * DAY) {
            if let Some(label) = local(t, fmt.zone).map(|d| fmt.axis_day(d.date_naive())) {
                days.push(Tick {
                    x: view.x(t),
                    t,
                    label,
                    strong: false,
                    label_x: 0.0,
                });
            }
        }
        // An island with no midnight in it (a relapse from 9 to 12 after a break, or the window
        // zoomed into one day) still says which day it is, at its left end.
        let first_x = days.get(before).map(|d| d.x).unwrap_or(f64::INFINITY);
        if starts_island && first_x - view.x(a) > day_label_px {
            if let Some(d) = local(a, fmt.zone) {
                let label = fmt.axis_day(d.date_naive());
                days.insert(
                    before,
                    Tick {
                        x: view.x(a).max(view.x0),
                        t: a,
                        label,
                        strong: true,
                        label_x: 0.0,
                    },
                );
            }
        }
        if let Some(step) = time_step {
            for t in aligned_in(fmt.zone, a, b, step, false) {
                // Midnight is labelled by the day row.
                if local(t, fmt.zone).is_some_and(|d| d.hour() == 0 && d.minute() == 0) {
                    continue;
                }
                if let Some(d) = local(t, fmt.zone) {
                    let label = fmt.axis_time(d.hour(), d.minute());
                    times.push(Tick {
                        x: view.x(t),
                        t,
                        label,
                        strong: false,
                        label_x: 0.0,
                    });
                }
            }
        }
    }
    let inside = |t: &Tick| t.x >= view.x0 - 0.5 && t.x <= view.x1 + 0.5;
    days.retain(inside);
    times.retain(inside);
    for t in days.iter_mut().chain(times.iter_mut()) {
        t.x = t.x.clamp(view.x0, view.x1);
    }
    for d in &mut days {
        d.label_x = d.x + DAY_LABEL_INSET;
    }
    for t in &mut times {
        t.label_x = t.x;
    }
    thin(&mut days, day_label_px);
    thin(&mut times, time_label_px);
    Axis {
        days,
        times,
        step: finest.unwrap_or(DAY),
    }
}

/// [`aligned`] over each stretch of constant offset of the zone in `a..=b`.
fn aligned_in(zone: Zone, a: i64, b: i64, step: i64, weeks: bool) -> Vec<i64> {
    let stretches = zone.stretches(a, b);
    let mut out = Vec::new();
    for (i, (from, offset)) in stretches.iter().enumerate() {
        let to = stretches.get(i + 1).map_or(b, |next| next.0 - 1);
        let offset = i64::from(offset.local_minus_utc()) * 1000;
        out.extend(aligned(*from, to, step, offset, weeks));
    }
    out
}

/// Multiples of `step` in local time (midnights for day steps; Mondays for weeks) in `a..=b`.
fn aligned(a: i64, b: i64, step: i64, offset: i64, weeks: bool) -> impl Iterator<Item = i64> {
    // 1970-01-01 was a Thursday; shifting by three days puts week boundaries on Mondays.
    let shift = if weeks { 3 * DAY } else { 0 };
    let local_a = a + offset + shift;
    let first = local_a.div_euclid(step) * step
        + if local_a.rem_euclid(step) == 0 {
            0
        } else {
            step
        };
    let first = first - offset - shift;
    (0..)
        .map(move |i: i64| first + i * step)
        .take_while(move |t| *t <= b)
        // A window is never wider than the plot allows, but guard the loop all the same.
        .take(4000)
}

fn local(t: i64, zone: Zone) -> Option<DateTime<FixedOffset>> {
    zone.local_ms(t)
}

/// Drops ticks that would crowd the previous kept one (ticks on both sides of a break).
fn thin(ticks: &mut Vec<Tick>, min_gap: f64) {
    let mut kept: Vec<Tick> = Vec::with_capacity(ticks.len());
    for t in ticks.drain(..) {
        match kept.last() {
            Some(last) if t.x - last.x < min_gap => {
                // An island's day label wins over a midnight squeezed against its break.
                let room_before = kept.len() < 2 || t.x - kept[kept.len() - 2].x >= min_gap;
                if t.strong && !last.strong && room_before {
                    kept.pop();
                    kept.push(t);
                }
            }
            _ => kept.push(t),
        }
    }
    *ticks = kept;
}

#[cfg(test)]
mod tests {
    use chrono::{FixedOffset, TimeZone};

    use super::*;
    use crate::compose::layout::scale::Scale;
    use crate::model::{DateStyle, Lang};

    fn fmt() -> Fmt {
        Fmt::new(
            Lang::Ja,
            DateStyle::default(),
            FixedOffset::east_opt(9 * 3600).unwrap(),
        )
    }

    fn ms(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> i64 {
        FixedOffset::east_opt(9 * 3600)
            .unwrap()
            .with_ymd_and_hms(y, mo, d, h, mi, 0)
            .unwrap()
            .timestamp_millis()
    }

    #[test]
    fn two_hours_get_quarter_hour_ticks_in_jst() {
        let s = Scale::linear(ms(2016, 10, 11, 8, 0), ms(2016, 10, 11, 10, 0), 0.0, 800.0);
        let a = axis(&View::fit(s, 0.0, 800.0), &fmt());
        assert_eq!(a.step, 10 * MINUTE);
        assert_eq!(a.times.first().map(|t| t.label.as_str()), Some("08:00"));
        assert!(a.times.iter().any(|t| t.label == "09:50"));
        // The day is named at the left edge.
        assert_eq!(a.days.len(), 1);
        assert_eq!(a.days[0].label, "10/11(火)");
    }

    #[test]
    fn three_weeks_get_day_ticks_only() {
        let s = Scale::linear(ms(2026, 2, 1, 0, 0), ms(2026, 2, 22, 0, 0), 0.0, 900.0);
        let a = axis(&View::fit(s, 0.0, 900.0), &fmt());
        assert!(a.times.is_empty());
        assert!(a.days.len() >= 3, "{:?}", a.days);
        assert!(a.days.windows(2).all(|w| w[1].x - w[0].x >= 60.0));
    }

    #[test]
    fn years_get_few_ticks() {
        let s = Scale::linear(ms(2020, 1, 1, 0, 0), ms(2024, 1, 1, 0, 0), 0.0, 1000.0);
        let a = axis(&View::fit(s, 0.0, 1000.0), &fmt());
        assert!(a.days.len() <= 20 && !a.days.is_empty());
        assert!(a.times.is_empty());
    }

    #[test]
    fn ten_thousand_years_get_few_ticks() {
        let s = Scale::linear(ms(1, 1, 1, 0, 0), ms(9999, 12, 31, 0, 0), 0.0, 1000.0);
        let a = axis(&View::fit(s, 0.0, 1000.0), &fmt());
        assert!(!a.days.is_empty() && a.days.len() <= 20, "{}", a.days.len());
        // Ticks are chosen centuries apart, not a year apart and thinned afterwards.
        assert!(a.step >= 364 * 100 * DAY, "{}", a.step / DAY);
        let s = Scale::linear(ms(206, 5, 11, 0, 0), ms(2026, 5, 11, 0, 0), 0.0, 1000.0);
        let a = axis(&View::fit(s, 0.0, 1000.0), &fmt());
        assert!(!a.days.is_empty() && a.days.len() <= 20, "{}", a.days.len());
    }

    #[test]
    fn ticks_are_in_order_and_inside_the_plot() {
        let s = Scale::linear(ms(2016, 10, 10, 20, 0), ms(2016, 10, 12, 6, 0), 0.0, 1000.0);
        let a = axis(&View::fit(s, 0.0, 1000.0), &fmt());
        for row in [&a.days, &a.times] {
            assert!(row.windows(2).all(|w| w[0].x < w[1].x));
            assert!(row.iter().all(|t| (0.0..=1000.0).contains(&t.x)));
        }
        assert!(a.days.iter().any(|d| d.label == "10/11(火)"));
    }
}
