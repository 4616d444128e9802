//! What a Statuspage incident says about each component over time: the state before its first
//! mention, then each update's `new_status`. The phases' matrix cells are read from it.

use chrono::{DateTime, FixedOffset};

use super::source::Update;
use crate::model::{ImpactLevel, Service};

/// Each service's known states over time: the state before its first mention, then each
/// update's `new_status` from that update on.
pub(super) struct Track {
    pub initial: Option<ImpactLevel>,
    pub changes: Vec<(DateTime<FixedOffset>, ImpactLevel)>,
}

impl Track {
    /// The worst state during `[from, to)` (to the end of time when `to` is `None`).
    pub fn worst(
        &self,
        from: DateTime<FixedOffset>,
        to: Option<DateTime<FixedOffset>>,
    ) -> Option<ImpactLevel> {
        let at_start = self
            .changes
            .iter()
            .rev()
            .find(|(t, _)| *t <= from)
            .map(|(_, l)| *l)
            .or(self.initial);
        let during = self
            .changes
            .iter()
            .filter(|(t, _)| *t > from && to.is_none_or(|to| *t < to))
            .map(|(_, l)| *l);
        at_start.into_iter().chain(during).min()
    }
}

/// One track per service, in the services' order; `updates` oldest first.
pub(super) fn tracks(services: &[Service], updates: &[&Update]) -> Vec<Track> {
    services
        .iter()
        .map(|s| {
            let mentions = updates.iter().flat_map(|u| {
                u.affected
                    .iter()
                    .flatten()
                    .filter(|a| a.code == s.id)
                    .map(move |a| (u.time, a))
            });
            let mut track = Track {
                initial: None,
                changes: Vec::new(),
            };
            for (i, (t, a)) in mentions.enumerate() {
                if i == 0 {
                    track.initial = a.old;
                }
                if let Some(level) = a.new {
                    track.changes.push((t, level));
                }
            }
            track
        })
        .collect()
}
