//! The events inside the window as symbols: a marker of its own (with a label where one fits)
//! or, where markers would crowd, a cluster that zooms in when clicked; never more than
//! [`MAX_SYMBOLS`] over all lanes.

use super::super::events::{Filter, Prepared, Spot};
use super::super::scale::View;
use super::super::text;
use super::breaks::break_spans;
use super::{ChartLayout, ABOUT, CLUSTER_PX, EDGE, LABEL_FONT, MAX_LABEL_PX, MAX_SYMBOLS, RIGHT};
use crate::model::{Approx, EventKind, Report};

#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub x: f64,
    pub y: f64,
    pub text: String,
    pub width: f64,
    pub truncated: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    pub event: usize,
    pub lane: usize,
    pub x: f64,
    pub y: f64,
    pub kind: EventKind,
    pub approx: Approx,
    /// A day or part of day: the interval it covers.
    pub span: Option<(f64, f64)>,
    /// 頃 both ways, 過ぎ forward, まで backward.
    pub whisker: Option<(f64, f64)>,
    pub label: Option<Label>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    pub lane: usize,
    pub x: f64,
    pub y: f64,
    /// Events merged here, in time order.
    pub events: Vec<usize>,
    /// First and last anchor: clicking zooms to them.
    pub from: i64,
    pub to: i64,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Symbol {
    Marker(Marker),
    Cluster(Cluster),
}

/// One lane's events inside the window, as (plot x, event).
type LaneEvents = Vec<(f64, usize)>;

pub(super) fn place_events(
    report: &Report,
    prepared: &Prepared,
    filter: &Filter,
    view: &View,
    layout: &mut ChartLayout,
) {
    let lo = view.t(view.x0 - EDGE);
    let hi = view.t(view.x1 + EDGE);
    let mut per_lane: Vec<LaneEvents> = Vec::with_capacity(layout.lanes.len());
    for lane in &layout.lanes {
        let mut visible = Vec::new();
        for &(_, i) in prepared
            .by_actor
            .get(lane.actor)
            .map(Vec::as_slice)
            .unwrap_or(&[])
        {
            if !filter.shows_kind(report.timeline[i].kind) {
                continue;
            }
            let Some(s) = prepared.spots[i] else { continue };
            if s.to < lo {
                layout.before += 1;
            } else if s.from > hi {
                layout.after += 1;
            } else {
                visible.push((view.x(s.anchor), i));
            }
        }
        per_lane.push(visible);
    }

    // Merge near markers; widen the merge distance until the symbol budget holds.
    let mut sep = CLUSTER_PX;
    let groups = loop {
        let groups: Vec<Vec<Vec<(f64, usize)>>> = per_lane.iter().map(|l| group(l, sep)).collect();
        let total: usize = groups.iter().map(Vec::len).sum();
        if total <= MAX_SYMBOLS || sep > view.x1 - view.x0 {
            break groups;
        }
        sep *= 2.0;
    };

    let spans = break_spans(view);
    for (lane_index, (lane, lane_groups)) in layout.lanes.iter().zip(&groups).enumerate() {
        let mid = lane.mid;
        let rows = [mid - 11.0, mid + 20.0];
        let mut row_end = [f64::NEG_INFINITY; 2];
        for (g, members) in lane_groups.iter().enumerate() {
            let (x, first) = members[0];
            if members.len() > 1 {
                let anchor = |e: usize| prepared.spots[e].map(|s| s.anchor).unwrap_or(0);
                let last = members[members.len() - 1].1;
                let events: Vec<usize> = members.iter().map(|m| m.1).collect();
                layout.symbols.push(Symbol::Cluster(Cluster {
                    lane: lane_index,
                    x,
                    y: mid,
                    events,
                    from: anchor(first),
                    to: anchor(last),
                }));
                continue;
            }
            // Labels go above or below the marker line, whichever row is free; a label may
            // reach over the next marker (it is on another row) but not the one after.
            let start = x + 9.0;
            let mut limit = (start + MAX_LABEL_PX).min(view.x1 + RIGHT - 2.0);
            if let Some(next2) = lane_groups.get(g + 2) {
                limit = limit.min(next2[0].0 - 6.0);
            }
            // Never across a break's zigzags: the text would read as running through the cut.
            if let Some(&(a, _)) = spans.iter().find(|&&(_, b)| b > start) {
                limit = limit.min(a);
            }
            let label = row_end
                .iter()
                .position(|end| *end + 6.0 <= start)
                .and_then(|row| {
                    let line = text::one_line(&report.timeline[first].text.plain());
                    let fitted = text::fit(&line, limit - start, LABEL_FONT)?;
                    row_end[row] = start + fitted.width;
                    Some(Label {
                        x: start,
                        y: rows[row],
                        text: fitted.text,
                        width: fitted.width,
                        truncated: fitted.truncated,
                    })
                });
            layout.symbols.push(Symbol::Marker(marker(
                report, prepared, view, first, lane_index, x, mid, label,
            )));
        }
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) fn marker(
    report: &Report,
    prepared: &Prepared,
    view: &View,
    event: usize,
    lane: usize,
    x: f64,
    y: f64,
    label: Option<Label>,
) -> Marker {
    let e = &report.timeline[event];
    let spot: Option<Spot> = prepared.spots[event];
    // Spans and whiskers stay inside the plot: the lane names are left of it.
    let clip = |(a, b): (f64, f64)| (a.max(view.x0 - EDGE), b.min(view.x1 + EDGE));
    let span = spot
        .filter(|s| s.span)
        .map(|s| clip((view.x(s.from), view.x(s.to))));
    let whisker = spot.filter(|s| !s.span).and_then(|s| {
        // Honest in time (±15 minutes), but never too small to see or too long to read.
        let w = (view.x(s.anchor + ABOUT) - view.x(s.anchor)).clamp(4.0, 28.0);
        match e.time.approx {
            // 現在 is a reading at that very time: no whisker.
            Approx::Exact | Approx::AsOf => None,
            Approx::About => Some((x - w, x + w)),
            Approx::After => Some((x, x + w)),
            Approx::Until | Approx::Before => Some((x - w, x)),
        }
        .map(clip)
    });
    Marker {
        event,
        lane,
        x,
        y,
        kind: e.kind,
        approx: e.time.approx,
        span,
        whisker,
        label,
    }
}

/// Splits a lane (sorted by x) into runs that start at least `sep` apart.
fn group(lane: &[(f64, usize)], sep: f64) -> Vec<Vec<(f64, usize)>> {
    let mut out: Vec<Vec<(f64, usize)>> = Vec::new();
    for &(x, i) in lane {
        match out.last_mut() {
            Some(g) if x - g[0].0 < sep => g.push((x, i)),
            _ => out.push(vec![(x, i)]),
        }
    }
    out
}
