//! The compressed scale's choices: which quiet stretches are cut ([`choose_breaks`]), how an
//! island is cut at phase boundaries into pieces ([`pieces_of`]) and how the width is shared
//! out between them ([`share_width`]).

use super::{Break, GapRules, MINUTE};

/// A stretch of an island with one linear ratio: the island is cut at phase boundaries so that
/// each phase can be given a readable width of its own.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Piece {
    pub(super) span: (i64, i64),
    /// How much a millisecond here counts against one elsewhere.
    pub(super) weight: f64,
    /// Least width in px (before scaling down when the wishes do not fit).
    pub(super) wanted: f64,
}

/// An island cut at every phase boundary inside it. A piece inside a phase weighs fully and
/// wants its share of `phase_width` (a phase split by another phase's boundary shares it out);
/// time outside every phase (a report published two days later) counts for less, and an island
/// with no phase at all still wants `island_width`.
pub(super) fn pieces_of(island: (i64, i64), phases: &[(i64, i64)], rules: &GapRules) -> Vec<Piece> {
    let (a, b) = island;
    let mut cuts: Vec<i64> = vec![a, b];
    for &(p0, p1) in phases {
        cuts.extend([p0, p1].into_iter().filter(|&t| t > a && t < b));
    }
    crate::model::sort::sort(&mut cuts);
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
pub(super) fn share_width(
    islands: &[(i64, i64)],
    weight: &[f64],
    wanted: &[f64],
    available: f64,
) -> Vec<f64> {
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
pub(super) fn choose_breaks(
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
    crate::model::sort::sort(&mut spans);
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
    crate::model::sort::sort_by_key(&mut quiet, |&(a, b)| std::cmp::Reverse(b - a));
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
    crate::model::sort::sort_by_key(&mut chosen, |b| b.cut.0);
    chosen
}
