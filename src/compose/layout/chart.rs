//! The whole chart for one width, window and filter: lanes, phase bands, incident marks, breaks,
//! ETA lines, markers and clusters with their labels, the unknown-time tray, and a tally of
//! where every event went. The component draws exactly this and nothing else.
//!
//! The parts are laid out in `chart/`: `breaks` (cut quiet stretches and the axis labels around
//! them), `bands` (phase bands and the incident's start and recovery), `etas` (announced
//! recovery times) and `symbols` (markers, clusters and their labels).

mod bands;
mod breaks;
mod etas;
mod symbols;

pub use self::bands::{Band, IncidentMark, MarkKind};
pub use self::breaks::BreakMark;
pub use self::etas::EtaLine;
pub use self::symbols::{Cluster, Label, Marker, Symbol};

use self::bands::{bands, marks};
use self::breaks::{breaks, clear_break_labels, keep_axis_labels_in_frame};
use self::etas::eta_lines;
use self::symbols::{marker, place_events};
use super::events::{Filter, Prepared};
use super::scale::{GapRules, Scale, View, HOUR, MINUTE};
use super::text;
use super::ticks::{self, Axis};
use crate::model::timefmt::Fmt;
use crate::model::Report;

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

/// What stays the same from one window to the next: everything that depends on the report, the
/// width, the scale toggle and the filter, but not on the zoom or pan. Made once and kept, so a
/// zoom or pan step lays out only what the window changes (issue 15): the compressed scale
/// alone sorts every event's interval.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartBase {
    width: f64,
    plot: (f64, f64),
    filter: Filter,
    /// `None` when no event has a known time.
    scale: Option<Scale>,
    /// Shown lanes: (actor, name fitted to the gutter, full name).
    lanes: Vec<(usize, String, String)>,
    tray: Vec<usize>,
    hidden: usize,
}

/// The window-independent part of [`chart`].
pub fn base(
    report: &Report,
    prepared: &Prepared,
    width: f64,
    real_time: bool,
    filter: &Filter,
) -> ChartBase {
    let width = if width.is_finite() {
        width.max(MIN_WIDTH)
    } else {
        MIN_WIDTH
    };
    let gutter = if width < NARROW {
        NARROW_GUTTER
    } else {
        GUTTER
    };
    let plot = (gutter, width - RIGHT);
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
    let lanes = prepared
        .lanes
        .iter()
        .copied()
        .filter(|a| filter.shows_actor(*a))
        .map(|actor| {
            let full_name = report.actors[actor].name.clone();
            let name = text::fit(&full_name, gutter - 14.0, LANE_FONT)
                .map(|f| f.text)
                .unwrap_or_default();
            (actor, name, full_name)
        })
        .collect();
    let scale = prepared.extent.map(|(t0, t1)| {
        // One instant (or nearly) still gets an hour of axis around it.
        let (t0, t1) = if t1 - t0 < 20 * MINUTE {
            let mid = t0 + (t1 - t0) / 2;
            (mid - HOUR / 2, mid + HOUR / 2)
        } else {
            (t0, t1)
        };
        let (a, b) = (plot.0 + PAD, plot.1 - PAD);
        if real_time {
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
        }
    });
    ChartBase {
        width,
        plot,
        filter: filter.clone(),
        scale,
        lanes,
        tray,
        hidden,
    }
}

/// Lays out the chart.
pub fn chart(report: &Report, prepared: &Prepared, fmt: &Fmt, spec: &ChartSpec) -> ChartLayout {
    let base = base(report, prepared, spec.width, spec.real_time, &spec.filter);
    chart_in(report, prepared, fmt, &base, spec.range)
}

/// Lays out the chart for a window (`None` = fit all) over a [`base`].
pub fn chart_in(
    report: &Report,
    prepared: &Prepared,
    fmt: &Fmt,
    base: &ChartBase,
    range: Option<(i64, i64)>,
) -> ChartLayout {
    let (width, plot, filter) = (base.width, base.plot, &base.filter);
    let tray = base.tray.clone();
    let hidden = base.hidden;
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

    let view = base
        .scale
        .clone()
        .map(|scale| View::of_range(scale, plot.0, plot.1, range));

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
    layout.lanes = base
        .lanes
        .iter()
        .enumerate()
        .map(|(i, (actor, name, full_name))| {
            let top = layout.lanes_top + i as f64 * LANE_H;
            LaneRow {
                actor: *actor,
                name: name.clone(),
                full_name: full_name.clone(),
                top,
                mid: top + LANE_H / 2.0,
            }
        })
        .collect();
    layout.lanes_bottom = layout.lanes_top + layout.lanes.len().max(1) as f64 * LANE_H;
    // Room below the lanes for the start and recovery labels.
    layout.height = layout.lanes_bottom + 24.0;

    if let Some(view) = &view {
        place_events(report, prepared, filter, view, &mut layout);
    }
    layout.view = view;
    layout
}
