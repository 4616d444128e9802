//! Time → x: a piecewise-linear scale that can cut long quiet stretches down to a fixed-width
//! break, and the view (zoom and pan) over it.
//!
//! Times are Unix milliseconds. "World" x is where a time sits when the whole incident fits the
//! plot; a [`View`] maps a window of the world onto the plot. Each island (the active stretch
//! between two breaks) is linear on its own; islands may have different px-per-ms ratios so
//! that a short relapse is as readable as a long outage, and ticks are chosen per island.

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

/// A stretch of an island with one linear ratio: the island is cut at phase boundaries so that
/// each phase can be given a readable width of its own.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Piece {
    span: (i64, i64),
    /// How much a millisecond here counts against one elsewhere.
    weight: f64,
    /// Least width in px (before scaling down when the wishes do not fit).
    wanted: f64,
}

/// An island cut at every phase boundary inside it. A piece inside a phase weighs fully and
/// wants its share of `phase_width` (a phase split by another phase's boundary shares it out);
/// time outside every phase (a report published two days later) counts for less, and an island
/// with no phase at all still wants `island_width`.
fn pieces_of(island: (i64, i64), phases: &[(i64, i64)], rules: &GapRules) -> Vec<Piece> {
    let (a, b) = island;
    let mut cuts: Vec<i64> = vec![a, b];
    for &(p0, p1) in phases {
        cuts.extend([p0, p1].into_iter().filter(|&t| t > a && t < b));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let any_phase = phases.iter().any(|&(p0, p1)| p0 < b && p1 > a);
    let island_len = (b - a).max(1) as f64;
    let mut pieces: Vec<Piece> = cuts
        .windows(2)
        .map(|w| {
            let (s, e) = (w[0], w[1]);
            let len = (e - s).max(1) as f64;
            let share = phases
                .iter()
                .filter(|&&(p0, p1)| p0 < e && p1 > s)
                .map(|&(p0, p1)| {
                    let visible = (p1.min(b) - p0.max(a)).max(1) as f64;
                    rules.phase_width * len / visible
                })
                .fold(None, |acc: Option<f64>, w| {
                    Some(acc.map_or(w, |a| a.max(w)))
                });
            match share {
                Some(wanted) => Piece {
                    span: (s, e),
                    weight: 1.0,
                    wanted,
                },
                None => Piece {
                    span: (s, e),
                    weight: rules.quiet_weight,
                    wanted: if any_phase {
                        0.0
                    } else {
                        rules.island_width * len / island_len
                    },
                },
            }
        })
        .collect();
    if pieces.is_empty() {
        pieces.push(Piece {
            span: (a, b),
            weight: rules.quiet_weight,
            wanted: rules.island_width,
        });
    }
    pieces
}

/// Widths for pieces: proportional to their weighted length, but at least what each wants. When the
/// wishes alone would take most of the width they are scaled down, so long islands keep a share.
fn share_width(islands: &[(i64, i64)], weight: &[f64], wanted: &[f64], available: f64) -> Vec<f64> {
    let total_wanted: f64 = wanted.iter().sum();
    let scale = if total_wanted > available * 0.7 {
        available * 0.7 / total_wanted
    } else {
        1.0
    };
    let min: Vec<f64> = wanted.iter().map(|w| w * scale).collect();
    let dur: Vec<f64> = islands
        .iter()
        .zip(weight)
        .map(|(&(a, b), w)| (b - a).max(1) as f64 * w)
        .collect();
    let mut fixed = vec![false; islands.len()];
    // Each round fixes at least one more island at its minimum, or stops.
    loop {
        let fixed_width: f64 = (0..islands.len())
            .filter(|&i| fixed[i])
            .map(|i| min[i])
            .sum();
        let free_dur: f64 = (0..islands.len())
            .filter(|&i| !fixed[i])
            .map(|i| dur[i])
            .sum();
        if free_dur <= 0.0 {
            return min;
        }
        let k = (available - fixed_width) / free_dur;
        let mut changed = false;
        for i in 0..islands.len() {
            if !fixed[i] && k * dur[i] < min[i] {
                fixed[i] = true;
                changed = true;
            }
        }
        if !changed {
            return (0..islands.len())
                .map(|i| if fixed[i] { min[i] } else { k * dur[i] })
                .collect();
        }
    }
}

/// Quiet stretches between occupied intervals, cut greedily from the longest while each one is
/// long in absolute terms and a real share of what is left of the axis.
fn choose_breaks(
    t0: i64,
    t1: i64,
    occupied: &[(i64, i64)],
    rules: &GapRules,
    max_breaks: usize,
) -> Vec<Break> {
    let mut spans: Vec<(i64, i64)> = occupied
        .iter()
        .map(|&(a, b)| (a.min(b).max(t0), a.max(b).min(t1)))
        .filter(|(a, b)| a <= b)
        .collect();
    spans.sort_unstable();
    let mut quiet = Vec::new();
    let mut end: Option<i64> = None;
    for (a, b) in spans {
        match end {
            Some(e) if a > e => {
                quiet.push((e, a));
                end = Some(b);
            }
            Some(e) => end = Some(e.max(b)),
            None => end = Some(b),
        }
    }
    quiet.sort_by_key(|&(a, b)| std::cmp::Reverse(b - a));
    let mut remaining = (t1 - t0) as f64;
    let mut chosen = Vec::new();
    for (a, b) in quiet {
        let len = b - a;
        if chosen.len() >= max_breaks
            || len < rules.min_gap
            || (len as f64) < rules.share * remaining
        {
            break;
        }
        // Keep a margin of real time on both sides so the events next to the break breathe.
        // Small, so a short island (a relapse of 1½ hours) is mostly the island itself.
        let pad = (len / 50).clamp(MINUTE, 30 * MINUTE);
        let cut = (a + pad, b - pad);
        remaining -= (cut.1 - cut.0) as f64;
        chosen.push(Break { quiet: (a, b), cut });
    }
    chosen.sort_by_key(|b| b.cut.0);
    chosen
}

/// The visible window: world x `from..to` shown on plot x `x0..x1`.
#[derive(Clone, Debug, PartialEq)]
pub struct View {
    pub scale: Scale,
    pub from: f64,
    pub to: f64,
    pub x0: f64,
    pub x1: f64,
}

/// Narrowest window, in time on the active scale: a few minutes across the plot.
pub const MIN_SPAN: i64 = 4 * MINUTE;

impl View {
    /// Everything: world and plot coincide.
    pub fn fit(scale: Scale, x0: f64, x1: f64) -> View {
        View {
            scale,
            from: x0,
            to: x1,
            x0,
            x1,
        }
    }

    /// The window for a range from the URL (`None` = fit all), kept inside the world and no
    /// narrower than [`MIN_SPAN`].
    pub fn of_range(scale: Scale, x0: f64, x1: f64, range: Option<(i64, i64)>) -> View {
        let mut view = View::fit(scale, x0, x1);
        if let Some((a, b)) = range {
            let (a, b) = (a.min(b), a.max(b));
            let (from, to) = view.clamp(view.scale.x(a), view.scale.x(b));
            view.from = from;
            view.to = to;
        }
        view
    }

    /// Keeps a world window inside the world and at least the minimum width.
    fn clamp(&self, from: f64, to: f64) -> (f64, f64) {
        let world = self.x1 - self.x0;
        let min = (MIN_SPAN as f64 * self.scale.ratio()).min(world);
        let (mut from, mut to) = if from.is_finite() && to.is_finite() {
            (from, to)
        } else {
            (self.x0, self.x1)
        };
        if to - from < min {
            let mid = (from + to) / 2.0;
            from = mid - min / 2.0;
            to = mid + min / 2.0;
        }
        if to - from >= world {
            return (self.x0, self.x1);
        }
        if from < self.x0 {
            to += self.x0 - from;
            from = self.x0;
        }
        if to > self.x1 {
            from -= to - self.x1;
            to = self.x1;
        }
        (from, to)
    }

    /// Plot pixels per world pixel.
    pub fn zoom(&self) -> f64 {
        (self.x1 - self.x0) / (self.to - self.from)
    }

    pub fn is_fit(&self) -> bool {
        (self.from - self.x0).abs() < 1e-6 && (self.to - self.x1).abs() < 1e-6
    }

    /// Plot x of a time.
    pub fn x(&self, t: i64) -> f64 {
        self.x0 + (self.scale.x(t) - self.from) * self.zoom()
    }

    /// Time at a plot x.
    pub fn t(&self, x: f64) -> i64 {
        self.scale.t(self.from + (x - self.x0) / self.zoom())
    }

    /// The times at the plot's edges.
    pub fn range(&self) -> (i64, i64) {
        (self.t(self.x0), self.t(self.x1))
    }

    /// Pixels per millisecond on the active stretches, at this zoom.
    pub fn ratio(&self) -> f64 {
        self.scale.ratio() * self.zoom()
    }

    /// The range after zooming by `factor` (> 1 = in) keeping plot x `at` still; `None` = fit all.
    pub fn zoomed(&self, factor: f64, at: f64) -> Option<(i64, i64)> {
        let factor = if factor.is_finite() && factor > 0.0 {
            factor
        } else {
            1.0
        };
        let at = at.clamp(self.x0, self.x1);
        let anchor = self.from + (at - self.x0) / self.zoom();
        let from = anchor - (anchor - self.from) / factor;
        let to = anchor + (self.to - anchor) / factor;
        self.window(from, to)
    }

    /// The range after moving the content `dx` plot pixels to the right (the window goes left).
    pub fn panned(&self, dx: f64) -> Option<(i64, i64)> {
        let dx = if dx.is_finite() { dx } else { 0.0 };
        let shift = dx / self.zoom();
        self.window(self.from - shift, self.to - shift)
    }

    /// The range that shows `a..b` with a margin, `None` when that is everything. The margin is
    /// time (8 % of the span either side), not pixels: next to a break a few pixels would reach
    /// days into the cut.
    pub fn focused(&self, a: i64, b: i64) -> Option<(i64, i64)> {
        let (a, b) = (a.min(b), a.max(b));
        let margin = ((b - a) / 100 * 8).max(MINUTE);
        self.window(self.scale.x(a - margin), self.scale.x(b + margin))
    }

    /// The range that keeps the zoom and puts time `t` in the middle.
    pub fn centred_on(&self, t: i64) -> Option<(i64, i64)> {
        let half = (self.to - self.from) / 2.0;
        let w = self.scale.x(t);
        self.window(w - half, w + half)
    }

    fn window(&self, from: f64, to: f64) -> Option<(i64, i64)> {
        let (from, to) = self.clamp(from, to);
        if (from - self.x0).abs() < 1e-6 && (to - self.x1).abs() < 1e-6 {
            None
        } else {
            Some((self.scale.t(from), self.scale.t(to)))
        }
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

    #[test]
    fn zoom_in_then_out_returns_to_fit() {
        let s = Scale::linear(0, 10 * HOUR, 100.0, 1100.0);
        let v = View::fit(s.clone(), 100.0, 1100.0);
        let r = v.zoomed(2.0, 600.0).unwrap();
        assert!(
            (r.0 - (5 * HOUR / 2)).abs() < MINUTE && (r.1 - (15 * HOUR / 2)).abs() < MINUTE,
            "{r:?}"
        );
        let v2 = View::of_range(s, 100.0, 1100.0, Some(r));
        assert!((v2.zoom() - 2.0).abs() < 1e-6);
        assert_eq!(v2.zoomed(0.5, 600.0), None);
    }

    #[test]
    fn pan_stays_inside_the_world() {
        let s = Scale::linear(0, 10 * HOUR, 0.0, 1000.0);
        let v = View::of_range(s.clone(), 0.0, 1000.0, Some((HOUR, 2 * HOUR)));
        let r = v.panned(1e9).unwrap();
        assert_eq!(r.0, 0);
        assert_eq!(r.1, HOUR);
        let r = v.panned(-1e9).unwrap();
        assert_eq!(r, (9 * HOUR, 10 * HOUR));
    }

    #[test]
    fn zoom_never_goes_below_the_minimum_span() {
        let s = Scale::linear(0, 10 * HOUR, 0.0, 1000.0);
        let v = View::fit(s.clone(), 0.0, 1000.0);
        let r = v.zoomed(1e12, 500.0).unwrap();
        assert!(r.1 - r.0 >= MIN_SPAN - 1000, "{r:?}");
        let v = View::of_range(s, 0.0, 1000.0, Some((HOUR, HOUR)));
        let (a, b) = v.range();
        assert!(b - a >= MIN_SPAN - 1000);
    }
}
