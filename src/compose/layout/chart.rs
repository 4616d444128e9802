//! The whole chart for one width, window and filter: lanes, phase bands, incident marks, breaks,
//! ETA lines, markers and clusters with their labels, the unknown-time tray, and a tally of
//! where every event went. The component draws exactly this and nothing else.

use super::events::{Filter, Prepared, Spot};
use super::scale::{GapRules, Scale, View, HOUR, MINUTE};
use super::text;
use super::ticks::{self, Axis};
use crate::model::i18n::tr;
use crate::model::timefmt::Fmt;
use crate::model::{Approx, EventKind, Report};

/// Lane names sit left of the plot.
pub const GUTTER: f64 = 136.0;
/// On a phone the names get less room, the plot more.
pub const NARROW_GUTTER: f64 = 86.0;
/// Below this width the narrow gutter is used.
pub const NARROW: f64 = 720.0;
pub const RIGHT: f64 = 24.0;
/// Day row and time row.
pub const AXIS_H: f64 = 44.0;
/// Phase band labels.
pub const BAND_H: f64 = 22.0;
pub const ETA_ROW_H: f64 = 14.0;
pub const MAX_ETA_ROWS: usize = 4;
pub const LANE_H: f64 = 58.0;
pub const LABEL_FONT: f64 = 11.0;
/// A phase band's label as styles/timeline.css draws it: 12px at weight 600, whose glyphs run
/// about a tenth wider than the regular ones `text::width` estimates.
const BAND_FONT: f64 = 12.0;
const BOLD_WIDER: f64 = 1.1;
pub const LANE_FONT: f64 = 12.0;
/// Narrower containers scroll sideways rather than squeeze the chart.
pub const MIN_WIDTH: f64 = 340.0;
/// Markers and clusters drawn at most, over all lanes: keeps the DOM small at any zoom.
pub const MAX_SYMBOLS: usize = 300;
/// ETA lines drawn at most.
pub const MAX_ETAS: usize = 40;
/// Markers closer than this merge into a cluster (a cluster badge of 100+ is 21 px wide) (doubled while there are too many symbols).
pub const CLUSTER_PX: f64 = 22.0;
pub const MAX_LABEL_PX: f64 = 170.0;
/// Room kept inside the plot at fit-all so edge markers are not cut.
const PAD: f64 = 24.0;
/// A marker this far outside the plot still shows half of itself.
const EDGE: f64 = 8.0;
/// 頃 spreads a marker by this much either way.
const ABOUT: i64 = 15 * MINUTE;

/// What the chart is asked to show.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChartSpec {
    /// Container width in px.
    pub width: f64,
    /// True = no breaks: the real time scale.
    pub real_time: bool,
    /// Visible window from the URL; `None` = fit all.
    pub range: Option<(i64, i64)>,
    pub filter: Filter,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LaneRow {
    pub actor: usize,
    /// The actor's name shortened to the gutter; `full_name` when it fits.
    pub name: String,
    pub full_name: String,
    pub top: f64,
    pub mid: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Band {
    pub phase: usize,
    pub x0: f64,
    pub x1: f64,
    /// `① 10/11 08:55～22:00` as far as it fits (at least the ①).
    pub label: String,
    /// The label and period in full (for the tooltip and screen readers).
    pub title: String,
    /// Still ongoing: no end.
    pub open_end: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkKind {
    Start,
    Recovery,
    Ongoing,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct IncidentMark {
    pub kind: MarkKind,
    pub x: f64,
}

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

/// An announced recovery time: a dashed line from the announcement to the time announced.
#[derive(Clone, Debug, PartialEq)]
pub struct EtaLine {
    pub event: usize,
    pub x0: f64,
    pub x1: f64,
    pub y: f64,
    /// The announced time (`12時頃`), when there is room after the line.
    pub label: Option<String>,
    pub title: String,
    /// The announcement or the target lies outside the view.
    pub start_clipped: bool,
    pub end_clipped: bool,
}

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

/// Everything the component draws.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartLayout {
    pub width: f64,
    pub height: f64,
    /// Plot x range (lanes' names are left of it).
    pub plot: (f64, f64),
    pub band_top: f64,
    pub eta_top: f64,
    pub eta_rows: usize,
    pub lanes_top: f64,
    pub lanes_bottom: f64,
    /// `None` when no event has a known time: there is no axis at all.
    pub view: Option<View>,
    pub axis: Axis,
    pub breaks: Vec<BreakMark>,
    pub bands: Vec<Band>,
    pub marks: Vec<IncidentMark>,
    pub etas: Vec<EtaLine>,
    pub lanes: Vec<LaneRow>,
    pub symbols: Vec<Symbol>,
    /// Unknown-time events that pass the filter, in list order ("時刻不明").
    pub tray: Vec<usize>,
    /// Placed events outside the window, left and right.
    pub before: usize,
    pub after: usize,
    /// Events the filter hides.
    pub hidden: usize,
    /// ETA lines left out for lack of room.
    pub etas_dropped: usize,
}

impl ChartLayout {
    /// Events drawn as their own marker.
    pub fn singles(&self) -> impl Iterator<Item = &Marker> {
        self.symbols.iter().filter_map(|s| match s {
            Symbol::Marker(m) => Some(m),
            Symbol::Cluster(_) => None,
        })
    }

    pub fn clusters(&self) -> impl Iterator<Item = &Cluster> {
        self.symbols.iter().filter_map(|s| match s {
            Symbol::Cluster(c) => Some(c),
            Symbol::Marker(_) => None,
        })
    }

    /// Drawn, clustered, outside the window, in the tray, or hidden: every event is exactly one.
    pub fn tally(&self) -> usize {
        self.singles().count()
            + self.clusters().map(|c| c.events.len()).sum::<usize>()
            + self.tray.len()
            + self.before
            + self.after
            + self.hidden
    }

    /// The selected event's own marker, drawn on top of the cluster that holds it (`None` when
    /// it is drawn as a marker anyway, or not drawn). Apart from [`chart`] on purpose: the
    /// layout does not depend on the selection, so selecting an event never lays out again.
    pub fn overlay(&self, report: &Report, prepared: &Prepared, event: usize) -> Option<Marker> {
        let view = self.view.as_ref()?;
        let c = self.clusters().find(|c| c.events.contains(&event))?;
        let spot = prepared.spots.get(event).copied().flatten()?;
        Some(marker(
            report,
            prepared,
            view,
            event,
            c.lane,
            view.x(spot.anchor),
            c.y,
            None,
        ))
    }

    /// The symbol that shows an event, if any (for linked highlighting).
    pub fn symbol_of(&self, event: usize) -> Option<&Symbol> {
        self.symbols.iter().find(|s| match s {
            Symbol::Marker(m) => m.event == event,
            Symbol::Cluster(c) => c.events.contains(&event),
        })
    }
}

/// Lays out the chart.
pub fn chart(report: &Report, prepared: &Prepared, fmt: &Fmt, spec: &ChartSpec) -> ChartLayout {
    let width = if spec.width.is_finite() {
        spec.width.max(MIN_WIDTH)
    } else {
        MIN_WIDTH
    };
    let gutter = if width < NARROW {
        NARROW_GUTTER
    } else {
        GUTTER
    };
    let plot = (gutter, width - RIGHT);
    let filter = &spec.filter;
    let shown_lanes: Vec<usize> = prepared
        .lanes
        .iter()
        .copied()
        .filter(|a| filter.shows_actor(*a))
        .collect();
    // An actor index the decoder would never produce still must not lose an event: count it
    // with the hidden ones.
    let placeable = |i: usize| {
        prepared.shows(report, filter, i) && report.timeline[i].actor < report.actors.len()
    };
    let hidden = (0..report.timeline.len())
        .filter(|&i| !placeable(i))
        .count();
    let tray: Vec<usize> = prepared
        .order
        .iter()
        .copied()
        .filter(|&i| prepared.spots[i].is_none() && placeable(i))
        .collect();

    let mut layout = ChartLayout {
        width,
        height: 0.0,
        plot,
        band_top: AXIS_H,
        eta_top: AXIS_H + BAND_H,
        eta_rows: 0,
        lanes_top: AXIS_H + BAND_H,
        lanes_bottom: AXIS_H + BAND_H,
        view: None,
        axis: Axis::default(),
        breaks: Vec::new(),
        bands: Vec::new(),
        marks: Vec::new(),
        etas: Vec::new(),
        lanes: Vec::new(),
        symbols: Vec::new(),
        tray,
        before: 0,
        after: 0,
        hidden,
        etas_dropped: 0,
    };

    let view = prepared.extent.map(|(t0, t1)| {
        // One instant (or nearly) still gets an hour of axis around it.
        let (t0, t1) = if t1 - t0 < 20 * MINUTE {
            let mid = t0 + (t1 - t0) / 2;
            (mid - HOUR / 2, mid + HOUR / 2)
        } else {
            (t0, t1)
        };
        let (a, b) = (plot.0 + PAD, plot.1 - PAD);
        let scale = if spec.real_time {
            Scale::linear(t0, t1, a, b)
        } else {
            Scale::compressed(
                t0,
                t1,
                &prepared.occupied,
                &prepared.phases,
                a,
                b,
                &GapRules::default(),
            )
        };
        View::of_range(scale, plot.0, plot.1, spec.range)
    });

    if let Some(view) = &view {
        layout.axis = ticks::axis(view, fmt);
        layout.breaks = breaks(view, fmt);
        clear_break_labels(&mut layout.axis, &layout.breaks);
        keep_axis_labels_in_frame(&mut layout.axis, layout.width);
        layout.bands = bands(report, view, fmt);
        layout.marks = marks(report, prepared, view);
        let (etas, rows, dropped) = eta_lines(report, prepared, filter, view, fmt, layout.eta_top);
        layout.etas = etas;
        layout.eta_rows = rows;
        layout.etas_dropped = dropped;
    }
    let eta_h = if layout.eta_rows > 0 {
        layout.eta_rows as f64 * ETA_ROW_H + 6.0
    } else {
        0.0
    };
    layout.lanes_top = layout.eta_top + eta_h;
    layout.lanes = shown_lanes
        .iter()
        .enumerate()
        .map(|(i, &actor)| {
            let full_name = report.actors[actor].name.clone();
            let name = text::fit(&full_name, gutter - 14.0, LANE_FONT)
                .map(|f| f.text)
                .unwrap_or_default();
            let top = layout.lanes_top + i as f64 * LANE_H;
            LaneRow {
                actor,
                name,
                full_name,
                top,
                mid: top + LANE_H / 2.0,
            }
        })
        .collect();
    layout.lanes_bottom = layout.lanes_top + layout.lanes.len().max(1) as f64 * LANE_H;
    // Room below the lanes for the start and recovery labels.
    layout.height = layout.lanes_bottom + 24.0;

    if let Some(view) = &view {
        place_events(report, prepared, spec, view, &mut layout);
    }
    layout.view = view;
    layout
}

fn breaks(view: &View, fmt: &Fmt) -> Vec<BreakMark> {
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
fn clear_break_labels(axis: &mut Axis, breaks: &[BreakMark]) {
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
fn keep_axis_labels_in_frame(axis: &mut Axis, width: f64) {
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
fn break_spans(view: &View) -> Vec<(f64, f64)> {
    view.scale
        .breaks()
        .iter()
        .map(|b| (view.x(b.cut.0) - 4.0, view.x(b.cut.1) + 4.0))
        .collect()
}

fn bands(report: &Report, view: &View, fmt: &Fmt) -> Vec<Band> {
    let mut out = Vec::new();
    for (i, phase) in report.incident.phases.iter().enumerate() {
        // A report without phases gets one implicit phase: the incident itself, marked already.
        if phase.implicit {
            continue;
        }
        let Some(start) = phase.period.start.earliest() else {
            continue;
        };
        let x0 = view.x(start.timestamp_millis());
        let end = phase.period.end.and_then(|e| e.latest());
        let x1 = end.map(|e| view.x(e.timestamp_millis())).unwrap_or(view.x1);
        if x1 < view.x0 || x0 > view.x1 {
            continue;
        }
        let (x0, x1) = (x0.max(view.x0), x1.min(view.x1).max(x0.max(view.x0)));
        let period = fmt.period(&phase.period);
        let title = format!("{} {}", phase.label, period);
        let room = x1 - x0 - 6.0;
        // Longest first: the period without its year, then just the times, then the ① alone.
        let within = fmt.period_within(&phase.period, fmt.day_of(&phase.period.start));
        let one_day = phase
            .period
            .end
            .is_some_and(|e| fmt.day_of(&e) == fmt.day_of(&phase.period.start));
        let sep = tr(fmt.lang, "～", " – ");
        let times = match (fmt.time_of_day(&phase.period.start), phase.period.end) {
            (start, _) if start.is_empty() => String::new(),
            // Times alone would hide that the phase runs into another day.
            (_, Some(_)) if !one_day => String::new(),
            (_, Some(end)) => fmt.span_of_day(&phase.period.start, &end),
            (start, None) => format!("{start}{sep}"),
        };
        let label = [within, times]
            .iter()
            .filter(|c| !c.is_empty())
            .map(|c| format!("{} {c}", phase.label))
            .collect::<Vec<_>>()
            .into_iter()
            .find(|c| text::width(c, BAND_FONT) * BOLD_WIDER <= room)
            .or_else(|| {
                (text::width(&phase.label, BAND_FONT) * BOLD_WIDER <= room.max(14.0))
                    .then(|| phase.label.clone())
            })
            .unwrap_or_default();
        out.push(Band {
            phase: i,
            x0,
            x1,
            label,
            title,
            open_end: end.is_none(),
        });
    }
    out
}

fn marks(report: &Report, prepared: &Prepared, view: &View) -> Vec<IncidentMark> {
    let period = &report.incident.period;
    let inside = |x: f64| x >= view.x0 - 1.0 && x <= view.x1 + 1.0;
    let mut out = Vec::new();
    if let Some(t) = period.start.earliest() {
        let x = view.x(t.timestamp_millis());
        if inside(x) {
            out.push(IncidentMark {
                kind: MarkKind::Start,
                x,
            });
        }
    }
    match period.end {
        Some(end) => {
            if let Some(t) = end.latest() {
                let x = view.x(t.timestamp_millis());
                if inside(x) {
                    out.push(IncidentMark {
                        kind: MarkKind::Recovery,
                        x,
                    });
                }
            }
        }
        None => {
            if let Some((_, t1)) = prepared.extent {
                out.push(IncidentMark {
                    kind: MarkKind::Ongoing,
                    x: view.x(t1).min(view.x1),
                });
            }
        }
    }
    out
}

fn eta_lines(
    report: &Report,
    prepared: &Prepared,
    filter: &Filter,
    view: &View,
    fmt: &Fmt,
    top: f64,
) -> (Vec<EtaLine>, usize, usize) {
    let mut rows: Vec<f64> = Vec::new();
    let mut lines = Vec::new();
    let mut dropped = 0;
    let spans = break_spans(view);
    for &i in &prepared.order {
        let (Some(a), Some(target)) = (prepared.spots[i], prepared.etas[i]) else {
            continue;
        };
        if !prepared.shows(report, filter, i) {
            continue;
        }
        let (xa, xe) = (view.x(a.anchor), view.x(target.anchor));
        let (lo, hi) = (xa.min(xe), xa.max(xe));
        if hi < view.x0 || lo > view.x1 {
            continue;
        }
        if lines.len() >= MAX_ETAS {
            dropped += 1;
            continue;
        }
        let (x0, x1) = (lo.max(view.x0), hi.min(view.x1));
        let Some(eta) = report.timeline[i].eta.as_ref() else {
            continue;
        };
        let when = fmt.time_point(eta);
        let short = fmt.time_of_day(eta);
        let short = if short.is_empty() {
            when.clone()
        } else {
            short
        };
        let label_w = text::width(&short, LABEL_FONT) + 8.0;
        let over_break = spans.iter().any(|&(a, b)| xe + label_w > a && xe < b);
        let with_label = xe <= view.x1 && xe + label_w <= view.x1 + RIGHT && !over_break;
        let end = x1 + if with_label { label_w } else { 0.0 };
        let row = match rows.iter().position(|r| *r + 6.0 <= x0) {
            Some(r) => r,
            None if rows.len() < MAX_ETA_ROWS => {
                rows.push(f64::NEG_INFINITY);
                rows.len() - 1
            }
            None => {
                dropped += 1;
                continue;
            }
        };
        rows[row] = end;
        lines.push(EtaLine {
            event: i,
            x0,
            x1,
            y: top + 3.0 + (row as f64 + 0.5) * ETA_ROW_H,
            label: with_label.then_some(short),
            title: when,
            start_clipped: xa < view.x0 || xa > view.x1,
            end_clipped: xe < view.x0 || xe > view.x1,
        });
    }
    (lines, rows.len(), dropped)
}

/// One lane's events inside the window, as (plot x, event).
type LaneEvents = Vec<(f64, usize)>;

fn place_events(
    report: &Report,
    prepared: &Prepared,
    spec: &ChartSpec,
    view: &View,
    layout: &mut ChartLayout,
) {
    let filter = &spec.filter;
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
fn marker(
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
