//! What a Statuspage incident says about each component over time: the state before its first
//! mention, then each update's `new_status`. The phases' matrix cells are read from it.

use chrono::{DateTime, FixedOffset};

use super::source::Update;
use crate::model::i18n::tr;
use crate::model::{ImpactLevel, Lang, Period, Service, ServiceState, TimePoint};

/// Each service's known states over time: the state before its first mention, then each
/// update's `new_status` from that update on.
pub(super) struct Track {
    pub initial: Option<ImpactLevel>,
    pub changes: Vec<(DateTime<FixedOffset>, ImpactLevel)>,
}

impl Track {
    /// Never said to be anything but operational.
    pub fn never_hit(&self) -> bool {
        self.initial
            .into_iter()
            .chain(self.changes.iter().map(|(_, l)| *l))
            .all(|l| l == ImpactLevel::Operational)
    }

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

    /// The service's own stretches at each level worse than operational: from the update that
    /// set the level to the one that changed it. A level it already had at its first mention
    /// began at a time the page does not give (unknown start); one it still has at the last
    /// update ends at a time not given (unknown end), or holds on when the incident is open.
    /// Never the whole phase, never a length of 0.
    pub fn states(
        &self,
        service: usize,
        ongoing: bool,
        at: impl Fn(DateTime<FixedOffset>) -> TimePoint,
    ) -> Vec<ServiceState> {
        let mut out = Vec::new();
        let mut current: Option<(ImpactLevel, TimePoint)> = self
            .initial
            .filter(|l| *l != ImpactLevel::Operational)
            .map(|l| (l, TimePoint::UNKNOWN));
        let mut push = |level, start, end| {
            out.push(ServiceState {
                service,
                level,
                period: Period { start, end },
            })
        };
        for (t, level) in &self.changes {
            let now = current.map_or(ImpactLevel::Operational, |(l, _)| l);
            if *level == now {
                continue;
            }
            let here = at(*t);
            if let Some((l, from)) = current.take() {
                // Two updates at the same instant: the later one is the state.
                if from != here {
                    push(l, from, Some(here));
                }
            }
            if *level != ImpactLevel::Operational {
                current = Some((*level, here));
            }
        }
        if let Some((l, from)) = current {
            push(l, from, (!ongoing).then_some(TimePoint::UNKNOWN));
        }
        out
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

/// Notes on the first phase about what the page's components do not say: none named at all, or
/// a record migrated from another tool (start = end, every component left operational), whose
/// statuses say nothing about the incident, so no level is given and its length is not stated.
pub(super) fn notes(no_components: bool, migrated: bool, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    if no_components {
        out.push(tr(lang, "※ステータスページには、このインシデントのコンポーネント（サービス）の記載がありません。", "The status page names no component (service) for this incident."));
    }
    if migrated {
        out.push(tr(lang, "※開始と終了が同じ時刻で、どのコンポーネントも「operational」のままの記録です（他のツールから移行された記録によくある形です）。継続時間と影響の区分は記載なしとしています。", "Start and end are the same instant and every component stayed \"operational\", as records migrated from another tool often are: the duration and the impact levels are not stated."));
    }
    out.into_iter().map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::When;

    fn t(hm: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(&format!("2026-06-09T{hm}:00Z")).expect("time")
    }

    fn stretches(track: &Track, ongoing: bool) -> Vec<(ImpactLevel, When, Option<When>)> {
        track
            .states(0, ongoing, TimePoint::exact)
            .into_iter()
            .map(|s| (s.level, s.period.start.when, s.period.end.map(|e| e.when)))
            .collect()
    }

    #[test]
    fn stretches_start_and_end_where_the_page_says_and_nowhere_else() {
        use ImpactLevel::*;
        // Already degraded at its first mention: when that began is not given.
        let track = Track {
            initial: Some(Degraded),
            changes: vec![
                (t("10:00"), Degraded),
                (t("10:30"), Outage),
                (t("10:30"), Outage),
                (t("11:00"), Operational),
                (t("12:00"), Partial),
            ],
        };
        let i = |hm| When::Instant(t(hm));
        assert_eq!(
            stretches(&track, false),
            [
                (Degraded, When::Unknown, Some(i("10:30"))),
                (Outage, i("10:30"), Some(i("11:00"))),
                // Never said to be back: the end is not known, the length not stated.
                (Partial, i("12:00"), Some(When::Unknown)),
            ]
        );
        // While the incident is open, the last state holds on.
        assert_eq!(stretches(&track, true)[2], (Partial, i("12:00"), None));
        let quiet = Track {
            initial: Some(Operational),
            changes: vec![(t("10:00"), Operational)],
        };
        assert!(stretches(&quiet, false).is_empty());
        assert!(quiet.never_hit() && !track.never_hit());
    }
}
