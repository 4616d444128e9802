//! The visible window over a [`Scale`]: zoom and pan in world pixels, kept inside the world and
//! no narrower than a few minutes, and the ranges (Unix ms, as the URL keeps them) that zooming,
//! panning and focusing lead to.

use super::{Scale, MINUTE};

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
    use super::super::HOUR;
    use super::*;

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
