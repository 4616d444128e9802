//! Lengths of time in words (`13時間5分`, `約2時間`, `13日間`, `about 2 hours`): exact lengths as
//! they are, approximate ones rounded the way people round them, and whether a period's length
//! is exact at all.

use super::Fmt;
use crate::model::{Approx, Lang, Period, TimePoint, When};

/// Rounds an approximate duration the way people write one.
pub(super) fn round_like_people(minutes: i64) -> i64 {
    let step = if minutes < 10 {
        1
    } else if minutes < 24 * 60 {
        5
    } else if minutes < 7 * 24 * 60 {
        60
    } else {
        24 * 60
    };
    (minutes + step / 2) / step * step
}

impl Fmt {
    /// A length of time in words: `13時間5分`, `約13時間5分`, `1日と4時間35分`, `13日間`,
    /// `about 2 hours`. Approximate lengths are rounded (see the module doc); negative ones
    /// are shown as zero.
    pub fn duration(&self, minutes: i64, approx: bool) -> String {
        let minutes = minutes.max(0);
        let minutes = if approx {
            round_like_people(minutes)
        } else {
            minutes
        };
        let days = minutes / (24 * 60);
        let rest = minutes % (24 * 60);
        let (hours, mins) = (rest / 60, rest % 60);
        match self.lang {
            Lang::Ja => {
                let hm = match (hours, mins) {
                    (0, m) => format!("{m}分"),
                    (h, 0) => format!("{h}時間"),
                    (h, m) => format!("{h}時間{m}分"),
                };
                let body = match (days, rest) {
                    (0, _) => hm,
                    (d, 0) => format!("{d}日間"),
                    (d, _) => format!("{d}日と{hm}"),
                };
                if approx {
                    format!("約{body}")
                } else {
                    body
                }
            }
            Lang::En => {
                let unit = |n: i64, one: &str, many: &str| {
                    format!("{n} {}", if n == 1 { one } else { many })
                };
                let mut parts = Vec::new();
                if days > 0 {
                    parts.push(unit(days, "day", "days"));
                }
                if hours > 0 {
                    parts.push(unit(hours, "hour", "hours"));
                }
                if mins > 0 || parts.is_empty() {
                    parts.push(unit(mins, "minute", "minutes"));
                }
                let body = parts.join(" ");
                if approx {
                    format!("about {body}")
                } else {
                    body
                }
            }
        }
    }

    /// The length of a period in words, approximate unless both ends are exact instants;
    /// `None` when ongoing, unknown at either end, or ending before it starts. Two bare days
    /// count whole days inclusively: 7月1日～7月13日 → `13日間`.
    pub fn period_duration(&self, p: &Period) -> Option<String> {
        p.end?;
        let minutes = p.duration_minutes()?;
        if minutes < 0 {
            return None;
        }
        Some(self.duration(minutes, !is_exact_length(p)))
    }
}

/// Whether a period's length is known exactly: both ends exact instants, or both bare days
/// (which count whole days). Anything looser makes the length approximate (約…).
pub fn is_exact_length(p: &Period) -> bool {
    let Some(end) = p.end else {
        return false;
    };
    let bare_day =
        |t: &TimePoint| matches!(t.when, When::Day { part: None, .. }) && t.approx == Approx::Exact;
    let exact_instant =
        |t: &TimePoint| matches!(t.when, When::Instant(_)) && t.approx == Approx::Exact;
    (exact_instant(&p.start) && exact_instant(&end)) || (bare_day(&p.start) && bare_day(&end))
}
