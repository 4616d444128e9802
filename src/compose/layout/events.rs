//! Where each event sits in time, in which order the list shows them, which lane each actor
//! gets, and which events the filters let through. Computed once per report.

use chrono::NaiveDate;

use crate::model::timefmt::Fmt;
use crate::model::{ActorRole, Event, EventKind, Report, TimePoint};

/// An event's place in time, in Unix ms: the interval it may mean and where its marker goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spot {
    pub from: i64,
    pub to: i64,
    /// The marker's position: the instant, or the middle of a day / part of day.
    pub anchor: i64,
    /// True for a day or part of day, drawn as a span.
    pub span: bool,
}

/// `None` for an unknown time.
pub fn spot(t: &TimePoint) -> Option<Spot> {
    let (a, b) = t.bounds()?;
    let (from, to) = (a.timestamp_millis(), b.timestamp_millis());
    let span = to > from;
    Some(Spot {
        from,
        to,
        anchor: from + (to - from) / 2,
        span,
    })
}

/// An event's place: its time, or from its start to its end when it lasted (a maintenance window,
/// a day range), drawn as a span like a day is.
pub fn event_spot(e: &Event) -> Option<Spot> {
    let start = spot(&e.time)?;
    let Some(end) = e.end.as_ref().and_then(spot) else {
        return Some(start);
    };
    let (from, to) = (start.from, end.to.max(start.from));
    Some(Spot {
        from,
        to,
        anchor: from + (to - from) / 2,
        span: to > from,
    })
}

/// Which lanes and kinds are shown. Empty lists show everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Actor indices whose lanes are hidden.
    pub hidden_actors: Vec<usize>,
    pub hidden_kinds: Vec<EventKind>,
}

impl Filter {
    pub fn shows_actor(&self, actor: usize) -> bool {
        !self.hidden_actors.contains(&actor)
    }

    pub fn shows_kind(&self, kind: EventKind) -> bool {
        !self.hidden_kinds.contains(&kind)
    }

    pub fn is_empty(&self) -> bool {
        self.hidden_actors.is_empty() && self.hidden_kinds.is_empty()
    }

    /// Shows or hides one actor's lane.
    pub fn toggled_actor(&self, actor: usize) -> Filter {
        let mut f = self.clone();
        if let Some(i) = f.hidden_actors.iter().position(|a| *a == actor) {
            f.hidden_actors.remove(i);
        } else {
            f.hidden_actors.push(actor);
        }
        f
    }

    pub fn toggled_kind(&self, kind: EventKind) -> Filter {
        let mut f = self.clone();
        if let Some(i) = f.hidden_kinds.iter().position(|k| *k == kind) {
            f.hidden_kinds.remove(i);
        } else {
            f.hidden_kinds.push(kind);
        }
        f
    }
}

/// Everything about a report's events that does not depend on zoom or width.
#[derive(Clone, Debug, PartialEq)]
pub struct Prepared {
    /// Per event (source index).
    pub spots: Vec<Option<Spot>>,
    /// Per event: the announced time of an ETA.
    pub etas: Vec<Option<Spot>>,
    /// The list order: by time, each unknown-time event right after the event it follows in the
    /// file (so it keeps the author's place for it).
    pub order: Vec<usize>,
    /// Actor indices in lane order: ours first, then data center, vendor, monitoring….
    pub lanes: Vec<usize>,
    /// Per actor: its placed events sorted by anchor, as (anchor, event).
    pub by_actor: Vec<Vec<(i64, usize)>>,
    /// Earliest and latest instant of anything drawn (events, ETAs, phases, the incident).
    pub extent: Option<(i64, i64)>,
    /// Time that has something in it; everything else may be cut as a quiet stretch.
    pub occupied: Vec<(i64, i64)>,
    /// Each phase's interval (an ongoing phase runs to the end of the extent).
    pub phases: Vec<(i64, i64)>,
    /// Longest span of any event, to find spans that reach into the view from outside.
    pub longest_span: i64,
}

fn role_rank(role: ActorRole) -> u8 {
    match role {
        ActorRole::Us => 0,
        ActorRole::DataCenter => 1,
        ActorRole::Vendor => 2,
        ActorRole::Monitoring => 3,
        ActorRole::Customer => 4,
        ActorRole::Other => 5,
    }
}

impl Prepared {
    pub fn new(report: &Report) -> Prepared {
        let events = &report.timeline;
        let spots: Vec<Option<Spot>> = events.iter().map(event_spot).collect();
        let etas: Vec<Option<Spot>> = events
            .iter()
            .map(|e| e.eta.as_ref().and_then(spot))
            .collect();

        // Unknown-time events borrow the key of the known event before them in the file.
        let mut keyed: Vec<(i64, usize)> = Vec::with_capacity(events.len());
        let mut last = i64::MIN;
        for (i, s) in spots.iter().enumerate() {
            if let Some(s) = s {
                last = s.from;
            }
            keyed.push((last, i));
        }
        crate::model::sort::sort_by_key(&mut keyed, |&(k, i)| (k, i));
        let order = keyed.into_iter().map(|(_, i)| i).collect();

        let mut lanes: Vec<usize> = (0..report.actors.len()).collect();
        crate::model::sort::sort_by_key(&mut lanes, |&a| (role_rank(report.actors[a].role), a));

        let mut by_actor: Vec<Vec<(i64, usize)>> = vec![Vec::new(); report.actors.len()];
        for (i, (e, s)) in events.iter().zip(&spots).enumerate() {
            if let (Some(s), Some(lane)) = (s, by_actor.get_mut(e.actor)) {
                lane.push((s.anchor, i));
            }
        }
        for lane in &mut by_actor {
            crate::model::sort::sort(lane);
        }

        let mut occupied: Vec<(i64, i64)> = Vec::new();
        occupied.extend(spots.iter().flatten().map(|s| (s.from, s.to)));
        occupied.extend(etas.iter().flatten().map(|s| (s.from, s.to)));
        let incident = &report.incident;
        let periods =
            std::iter::once(&incident.period).chain(incident.phases.iter().map(|p| &p.period));
        for p in periods {
            for t in std::iter::once(&p.start).chain(p.end.as_ref()) {
                if let Some(s) = spot(t) {
                    // The incident's ends are points: the time between them may still be quiet.
                    // (Phases are kept whole by the scale itself, see `Scale::compressed`.)
                    occupied.push((s.from, s.from));
                    occupied.push((s.to, s.to));
                }
            }
        }
        let extent = occupied
            .iter()
            .fold(None, |acc: Option<(i64, i64)>, &(a, b)| {
                Some(match acc {
                    None => (a, b),
                    Some((lo, hi)) => (lo.min(a), hi.max(b)),
                })
            });
        // The phase made up for a report that names none spans the whole incident: it says
        // nothing about where the work was, so it does not keep quiet days from being cut.
        let phases = incident
            .phases
            .iter()
            .filter(|p| !p.implicit)
            .filter_map(|p| {
                let start = spot(&p.period.start)?.from;
                let end = match p.period.end.as_ref() {
                    Some(e) => spot(e)?.to,
                    None => extent?.1,
                };
                Some((start, end.max(start)))
            })
            .collect();
        let longest_span = spots
            .iter()
            .flatten()
            .map(|s| s.to - s.from)
            .max()
            .unwrap_or(0);
        Prepared {
            spots,
            etas,
            order,
            lanes,
            by_actor,
            extent,
            occupied,
            phases,
            longest_span,
        }
    }

    /// Whether the filter lets an event through.
    pub fn shows(&self, report: &Report, filter: &Filter, event: usize) -> bool {
        report
            .timeline
            .get(event)
            .is_some_and(|e| filter.shows_actor(e.actor) && filter.shows_kind(e.kind))
    }

    /// The next (or previous) shown event in list order, for arrow keys; from nothing, the first
    /// (or last).
    pub fn step(
        &self,
        report: &Report,
        filter: &Filter,
        from: Option<usize>,
        forward: bool,
    ) -> Option<usize> {
        let shown = |i: &&usize| self.shows(report, filter, **i);
        let pos = from.and_then(|f| self.order.iter().position(|i| *i == f));
        match (pos, forward) {
            (None, true) => self.order.iter().find(shown).copied(),
            (None, false) => self.order.iter().rev().find(shown).copied(),
            (Some(p), true) => self.order[p + 1..].iter().find(shown).copied(),
            (Some(p), false) => self.order[..p].iter().rev().find(shown).copied(),
        }
    }
}

/// One day of the list (■2009年7月3日(金)); `day` is `None` for the 時刻不明 group.
#[derive(Clone, Debug, PartialEq)]
pub struct DayGroup {
    pub day: Option<NaiveDate>,
    pub events: Vec<usize>,
}

/// The list grouped by day in the report's zone; events whose time is unknown form their own
/// group (時刻不明) after the last day, in list order, rather than being filed under a day they
/// may not belong to.
pub fn day_groups(
    report: &Report,
    prepared: &Prepared,
    fmt: &Fmt,
    mut include: impl FnMut(usize) -> bool,
) -> Vec<DayGroup> {
    let mut groups: Vec<DayGroup> = Vec::new();
    let mut unknown = Vec::new();
    for &i in &prepared.order {
        let Some(event) = report.timeline.get(i) else {
            continue;
        };
        // Asked first: a page of 100 out of 10,000 events computes 100 days, not 10,000.
        if !include(i) {
            continue;
        }
        let day = fmt.day_of(&event.time);
        match (groups.last_mut(), day) {
            (_, None) => unknown.push(i),
            (Some(g), Some(d)) if g.day == Some(d) => g.events.push(i),
            (_, day) => groups.push(DayGroup {
                day,
                events: vec![i],
            }),
        }
    }
    if !unknown.is_empty() {
        groups.push(DayGroup {
            day: None,
            events: unknown,
        });
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compose::layout::testing::{at, day_event, event, report};
    use crate::model::{DateStyle, Lang};

    #[test]
    fn unknown_time_keeps_its_place_after_its_predecessor() {
        let r = report(vec![
            event(0, Some(at(10, 0))),
            event(0, None),
            event(0, Some(at(9, 0))),
            event(1, Some(at(11, 0))),
        ]);
        let p = Prepared::new(&r);
        assert_eq!(p.order, vec![2, 0, 1, 3]);
    }

    #[test]
    fn lanes_put_us_first() {
        let r = report(vec![event(1, Some(at(10, 0)))]);
        let p = Prepared::new(&r);
        assert_eq!(p.lanes, vec![0, 1, 2]);
        assert_eq!(p.by_actor[1], vec![(at(10, 0).timestamp_millis(), 0)]);
        assert!(p.by_actor[0].is_empty());
    }

    #[test]
    fn day_spans_have_a_middle_anchor() {
        let r = report(vec![day_event(0, 3)]);
        let p = Prepared::new(&r);
        let s = p.spots[0].unwrap();
        assert!(s.span);
        assert_eq!(s.to - s.from, 24 * 3_600_000);
        assert_eq!(s.anchor, s.from + 12 * 3_600_000);
    }

    #[test]
    fn groups_follow_days_and_filters() {
        let r = report(vec![
            event(0, None),
            event(0, Some(at(10, 0))),
            day_event(1, 3),
            event(2, Some(at(23, 59))),
        ]);
        let p = Prepared::new(&r);
        let fmt = Fmt::new(Lang::Ja, DateStyle::default(), r.zone);
        let g = day_groups(&r, &p, &fmt, |_| true);
        assert_eq!(g.len(), 3, "{g:?}");
        assert_eq!(g[0].events, vec![2]);
        assert_eq!(g[1].events, vec![1, 3]);
        // The unknown-time event has a group of its own, last, not the day it was listed under.
        assert_eq!(g[2].day, None);
        assert_eq!(g[2].events, vec![0]);
        let f = Filter {
            hidden_actors: vec![1],
            hidden_kinds: vec![],
        };
        let g = day_groups(&r, &p, &fmt, |i| p.shows(&r, &f, i));
        assert!(g.iter().all(|g| !g.events.contains(&2)));
    }

    #[test]
    fn step_skips_filtered_events() {
        let r = report(vec![
            event(0, Some(at(9, 0))),
            event(1, Some(at(10, 0))),
            event(0, Some(at(11, 0))),
        ]);
        let p = Prepared::new(&r);
        let f = Filter {
            hidden_actors: vec![1],
            hidden_kinds: vec![],
        };
        assert_eq!(p.step(&r, &f, None, true), Some(0));
        assert_eq!(p.step(&r, &f, Some(0), true), Some(2));
        assert_eq!(p.step(&r, &f, Some(2), true), None);
        assert_eq!(p.step(&r, &f, Some(2), false), Some(0));
        assert_eq!(p.step(&r, &f, None, false), Some(2));
    }
}
