//! Time → x: a piecewise-linear scale that can cut long quiet stretches down to a fixed-width
//! break, and the view (zoom and pan) over it.
//!
//! Times are Unix milliseconds. "World" x is where a time sits when the whole incident fits the
//! plot; a [`View`] maps a window of the world onto the plot. Each island (the active stretch
//! between two breaks) is linear on its own; islands may have different px-per-ms ratios so
//! that a short relapse is as readable as a long outage, and ticks are chosen per island.
//!
//! How the quiet stretches are chosen and the width shared out is in `scale/compress.rs`; the
//! view is `scale/view.rs`.

mod compress;
mod view;

pub use self::view::{View, MIN_SPAN};

use self::compress::{choose_breaks, pieces_of, share_width, Piece};

pub const MINUTE: i64 = 60_000;
pub const HOUR: i64 = 60 * MINUTE;
pub const DAY: i64 = 24 * HOUR;

/// One stretch of the axis; `gap` stretches are the cut part of a quiet period.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Segment {
    pub t0: i64,
    pub t1: i64,
    pub x0: f64,
    pub x1: f64,
    pub gap: bool,
}

impl Segment {
    fn slope(&self) -> f64 {
        (self.x1 - self.x0) / (self.t1 - self.t0) as f64
    }

    fn x(&self, t: i64) -> f64 {
        self.x0 + (t - self.t0) as f64 * self.slope()
    }

    fn t(&self, x: f64) -> i64 {
        let t = self.t0 as f64 + (x - self.x0) / self.slope();
        t.round()
            .clamp(i64::MIN as f64 / 2.0, i64::MAX as f64 / 2.0) as i64
    }
}

/// A quiet period whose middle is cut out of the axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Break {
    /// The whole quiet period, from the last thing before to the first thing after: the length
    /// the break mark shows (「13日間」).
    pub quiet: (i64, i64),
    /// The part removed from the axis (the quiet period less a margin at both ends).
    pub cut: (i64, i64),
}

impl Break {
    pub fn quiet_minutes(&self) -> i64 {
        (self.quiet.1 - self.quiet.0) / MINUTE
    }
}

/// When a quiet stretch is cut.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GapRules {
    /// Shorter stretches are never cut: a two-hour outage keeps its real scale.
    pub min_gap: i64,
    /// A stretch is cut only when it would take at least this share of what remains of the axis.
    pub share: f64,
    /// Width of a break on the axis, in px at fit-all.
    pub gap_width: f64,
    /// Breaks together never take more than this share of the axis width.
    pub max_width_share: f64,
    /// Least width of an island that holds (part of) a phase.
    pub phase_width: f64,
    /// Least width of any other island.
    pub island_width: f64,
    /// How much an island outside every phase counts, per unit of time, against one inside.
    pub quiet_weight: f64,
}

impl Default for GapRules {
    fn default() -> GapRules {
        GapRules {
            min_gap: 6 * HOUR,
            share: 0.2,
            gap_width: 36.0,
            max_width_share: 0.3,
            phase_width: 150.0,
            island_width: 40.0,
            quiet_weight: 0.2,
        }
    }
}

/// A monotonic map from time to x, made of contiguous segments; beyond the ends it continues
/// with the end segments' slope.
#[derive(Clone, Debug, PartialEq)]
pub struct Scale {
    segments: Vec<Segment>,
    breaks: Vec<Break>,
}

impl Scale {
    /// The real time scale: `t0..t1` onto `x0..x1`, one ratio throughout.
    pub fn linear(t0: i64, t1: i64, x0: f64, x1: f64) -> Scale {
        let t1 = t1.max(t0.saturating_add(1));
        let x1 = if x1 > x0 { x1 } else { x0 + 1.0 };
        Scale {
            segments: vec![Segment {
                t0,
                t1,
                x0,
                x1,
                gap: false,
            }],
            breaks: Vec::new(),
        }
    }

    /// `t0..t1` onto `x0..x1` with long quiet stretches (the time covered neither by `occupied`
    /// nor by a `phases` interval) cut to a fixed-width break, as `rules` decide: only the quiet
    /// gaps between events are cut, never the inside of a phase. The stretches left between
    /// breaks ("islands") are cut again at phase boundaries, and the pieces share the width in
    /// proportion to their length, except that each phase gets at least `rules.phase_width`
    /// (scaled down together when they do not all fit) and an island with no phase
    /// `rules.island_width`: a 1-hour relapse two weeks after a 30-hour outage stays readable,
    /// and so does a 1-hour phase next to a 24-hour one.
    pub fn compressed(
        t0: i64,
        t1: i64,
        occupied: &[(i64, i64)],
        phases: &[(i64, i64)],
        x0: f64,
        x1: f64,
        rules: &GapRules,
    ) -> Scale {
        let t1 = t1.max(t0.saturating_add(1));
        let x1 = if x1 > x0 { x1 } else { x0 + 1.0 };
        let max_breaks = ((x1 - x0) * rules.max_width_share / rules.gap_width).floor() as usize;
        // A phase is never cut: its quiet night is part of what the reader must see.
        let busy: Vec<(i64, i64)> = occupied.iter().chain(phases).copied().collect();
        let breaks = choose_breaks(t0, t1, &busy, rules, max_breaks);
        if breaks.is_empty() && phases.len() < 2 {
            return Scale::linear(t0, t1, x0, x1);
        }
        // Islands: the active stretches around the cuts.
        let mut islands = Vec::with_capacity(breaks.len() + 1);
        let mut t = t0;
        for b in &breaks {
            islands.push((t, b.cut.0));
            t = b.cut.1;
        }
        islands.push((t, t1));
        let available = x1 - x0 - breaks.len() as f64 * rules.gap_width;
        let pieces: Vec<Vec<Piece>> = islands
            .iter()
            .map(|&island| pieces_of(island, phases, rules))
            .collect();
        let flat: Vec<&Piece> = pieces.iter().flatten().collect();
        let spans: Vec<(i64, i64)> = flat.iter().map(|p| p.span).collect();
        let weight: Vec<f64> = flat.iter().map(|p| p.weight).collect();
        let wanted: Vec<f64> = flat.iter().map(|p| p.wanted).collect();
        let widths = share_width(&spans, &weight, &wanted, available);
        let mut segments = Vec::with_capacity(flat.len() + breaks.len());
        let mut x = x0;
        let mut w = widths.iter();
        for (i, island) in pieces.iter().enumerate() {
            for piece in island {
                let width = w.next().copied().unwrap_or(0.0);
                let (a, b) = piece.span;
                segments.push(Segment {
                    t0: a,
                    t1: b.max(a + 1),
                    x0: x,
                    x1: x + width,
                    gap: false,
                });
                x += width;
            }
            if let Some(br) = breaks.get(i) {
                let (g0, g1) = br.cut;
                segments.push(Segment {
                    t0: g0,
                    t1: g1,
                    x0: x,
                    x1: x + rules.gap_width,
                    gap: true,
                });
                x += rules.gap_width;
            }
        }
        Scale { segments, breaks }
    }

    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    pub fn breaks(&self) -> &[Break] {
        &self.breaks
    }

    /// Pixels per millisecond on the most stretched active segment (for the zoom limit).
    pub fn ratio(&self) -> f64 {
        self.segments
            .iter()
            .filter(|s| !s.gap)
            .map(Segment::slope)
            .fold(f64::MIN_POSITIVE, f64::max)
    }

    fn first(&self) -> &Segment {
        &self.segments[0]
    }

    fn last(&self) -> &Segment {
        &self.segments[self.segments.len() - 1]
    }

    pub fn x(&self, t: i64) -> f64 {
        if t <= self.first().t0 {
            return self.first().x(t);
        }
        let i = self.segments.partition_point(|s| s.t1 < t);
        self.segments.get(i).unwrap_or(self.last()).x(t)
    }

    pub fn t(&self, x: f64) -> i64 {
        if x <= self.first().x0 {
            return self.first().t(x);
        }
        let i = self.segments.partition_point(|s| s.x1 < x);
        self.segments.get(i).unwrap_or(self.last()).t(x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_scale_maps_ends() {
        let s = Scale::linear(0, 1000, 10.0, 110.0);
        assert_eq!(s.x(0), 10.0);
        assert_eq!(s.x(1000), 110.0);
        assert_eq!(s.x(500), 60.0);
        assert_eq!(s.t(60.0), 500);
        // Continues past the ends.
        assert_eq!(s.x(-100), 0.0);
    }

    #[test]
    fn degenerate_linear_scale_is_still_increasing() {
        let s = Scale::linear(5, 5, 0.0, 0.0);
        assert!(s.x(6) > s.x(5));
    }

    #[test]
    fn a_two_week_quiet_stretch_is_cut_and_a_short_one_is_not() {
        let day = DAY;
        // Phase one over two days, then a relapse thirteen days later.
        let occupied = vec![
            (0, 2 * day),
            (2 * day, 2 * day),
            (15 * day, 15 * day + 3 * HOUR),
        ];
        let s = Scale::compressed(
            0,
            15 * day + 3 * HOUR,
            &occupied,
            &[],
            0.0,
            1000.0,
            &GapRules::default(),
        );
        assert_eq!(s.breaks().len(), 1);
        let b = s.breaks()[0];
        assert_eq!(b.quiet, (2 * day, 15 * day));
        assert_eq!(b.quiet_minutes(), 13 * 24 * 60);
        // The relapse gets real width: three hours against two days of active time.
        let relapse = s.x(15 * day + 3 * HOUR) - s.x(15 * day);
        assert!(relapse > 40.0, "relapse is {relapse}px");
        assert!((s.x(15 * day + 3 * HOUR) - 1000.0).abs() < 1e-6);

        let short = vec![(0, HOUR), (2 * HOUR, 2 * HOUR + 10 * MINUTE)];
        let s = Scale::compressed(
            0,
            2 * HOUR + 10 * MINUTE,
            &short,
            &[],
            0.0,
            1000.0,
            &GapRules::default(),
        );
        assert!(s.breaks().is_empty());
    }

    #[test]
    fn inverse_round_trips_through_a_break() {
        let occupied = vec![(0, HOUR), (30 * DAY, 30 * DAY + HOUR)];
        let s = Scale::compressed(
            0,
            30 * DAY + HOUR,
            &occupied,
            &[],
            0.0,
            800.0,
            &GapRules::default(),
        );
        for t in [0, HOUR / 2, HOUR, 10 * DAY, 30 * DAY, 30 * DAY + HOUR] {
            let back = s.t(s.x(t));
            assert!((back - t).abs() <= 2 * MINUTE, "{t} → {back}");
        }
    }
}
