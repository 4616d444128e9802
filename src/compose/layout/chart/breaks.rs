//! Cut quiet stretches as the chart draws them (a break with its real length in words), and the
//! axis labels kept clear of those words and inside the chart's frame.

use super::super::scale::View;
use super::super::text;
use super::super::ticks::{self, Axis};
use crate::model::timefmt::Fmt;

/// A cut quiet stretch: drawn as a break with its real length.
#[derive(Clone, Debug, PartialEq)]
pub struct BreakMark {
    pub x0: f64,
    pub x1: f64,
    pub minutes: i64,
    /// The quiet time's length in words (「約13日間」), always given in full to screen readers.
    pub label: String,
    /// Whether the label is drawn on the axis (it is left out where it would overlap another).
    pub label_shown: bool,
}

pub(super) fn breaks(view: &View, fmt: &Fmt) -> Vec<BreakMark> {
    let mut last_end = f64::NEG_INFINITY;
    view.scale
        .breaks()
        .iter()
        .filter_map(|b| {
            let (x0, x1) = (view.x(b.cut.0), view.x(b.cut.1));
            if x1 < view.x0 || x0 > view.x1 {
                return None;
            }
            let label = break_label(fmt, b.quiet_minutes());
            let half = text::width(&label, ticks::AXIS_FONT) / 2.0 + 4.0;
            let mid = (x0 + x1) / 2.0;
            let label_shown = mid - half >= last_end;
            if label_shown {
                last_end = mid + half;
            }
            Some(BreakMark {
                x0,
                x1,
                minutes: b.quiet_minutes(),
                label,
                label_shown,
            })
        })
        .collect()
}

/// A quiet time's length as people round it: whole days past two days, hours past a few.
fn break_label(fmt: &Fmt, minutes: i64) -> String {
    const HOUR_MIN: i64 = 60;
    const DAY_MIN: i64 = 24 * HOUR_MIN;
    let rounded = if minutes >= 2 * DAY_MIN {
        (minutes + DAY_MIN / 2) / DAY_MIN * DAY_MIN
    } else if minutes >= 3 * HOUR_MIN {
        (minutes + HOUR_MIN / 2) / HOUR_MIN * HOUR_MIN
    } else {
        minutes
    };
    fmt.duration(rounded, true)
}

/// Drops time labels that would print over a break's label.
pub(super) fn clear_break_labels(axis: &mut Axis, breaks: &[BreakMark]) {
    let spans: Vec<(f64, f64)> = breaks
        .iter()
        .filter(|b| b.label_shown)
        .map(|b| {
            let half = text::width(&b.label, ticks::AXIS_FONT) / 2.0 + 4.0;
            let mid = (b.x0 + b.x1) / 2.0;
            (mid - half, mid + half)
        })
        .collect();
    axis.times.retain(|t| {
        // Break labels are bold: keep a little more air than the estimate says.
        let half = text::width(&t.label, ticks::AXIS_FONT) / 2.0 + 6.0;
        !spans.iter().any(|&(a, b)| t.x + half > a && t.x - half < b)
    });
}

/// Moves axis labels that would run past the chart's right edge back inside it (the last day of
/// a short report starts near the edge); a moved day label that would then cover the one before
/// it is dropped, its grid line stays.
pub(super) fn keep_axis_labels_in_frame(axis: &mut Axis, width: f64) {
    let right = width - 2.0;
    for t in &mut axis.times {
        let half = text::width(&t.label, ticks::AXIS_FONT) / 2.0;
        t.label_x = t.label_x.min(right - half);
    }
    let mut prev_end = f64::NEG_INFINITY;
    axis.days.retain_mut(|d| {
        let w = text::width(&d.label, ticks::AXIS_FONT);
        let moved = d.label_x + w > right;
        if moved {
            d.label_x = right - w;
        }
        let keep = !moved || d.label_x >= prev_end + 6.0;
        if keep {
            prev_end = d.label_x + w;
        }
        keep
    });
}

/// Break marks as plot x spans with the zigzags' width, for keeping labels off them.
pub(super) fn break_spans(view: &View) -> Vec<(f64, f64)> {
    view.scale
        .breaks()
        .iter()
        .map(|b| (view.x(b.cut.0) - 4.0, view.x(b.cut.1) + 4.0))
        .collect()
}
