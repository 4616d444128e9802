//! The incident's period and its phases, from the updates: where it starts and ends (its
//! window), and the boundaries where a status opens the next phase.

use chrono::{DateTime, FixedOffset};

use crate::format::import::source::{Incident, Status, Update};

/// Whether a status opens a phase: the incident progression investigating → identified →
/// monitoring, or a maintenance's window in progress → verifying. Terminal statuses (resolved,
/// completed, postmortem) end the period instead; `scheduled` is an announcement before it.
pub(super) fn opens_phase(status: Status, maintenance: bool) -> bool {
    if maintenance {
        matches!(status, Status::InProgress | Status::Verifying)
    } else {
        matches!(
            status,
            Status::Investigating | Status::Identified | Status::Monitoring
        )
    }
}

/// Where the incident starts and ends, by the rules of the module doc. `finished` says whether
/// the end is a real one (resolved, completed) rather than a maintenance's planned end.
pub(super) struct Window {
    pub(super) start: DateTime<FixedOffset>,
    pub(super) end: Option<DateTime<FixedOffset>>,
    pub(super) finished: bool,
    /// A maintenance announced but not begun.
    pub(super) planned: bool,
}

pub(super) fn window(inc: &Incident, updates: &[&Update]) -> Option<Window> {
    let first_with = |s: Status| updates.iter().find(|u| u.status == Some(s)).map(|u| u.time);
    let first_update = updates.first().map(|u| u.time);
    let last_update = updates.last().map(|u| u.time);
    let has_status = |s: &[Status]| {
        inc.status.is_some_and(|st| s.contains(&st))
            || updates
                .iter()
                .any(|u| u.status.is_some_and(|st| s.contains(&st)))
    };
    let w = if inc.maintenance {
        let begun = has_status(&[Status::InProgress, Status::Verifying, Status::Completed]);
        let done = match inc.status {
            Some(s) => s == Status::Completed,
            None => first_with(Status::Completed).is_some(),
        };
        let start = if begun {
            first_with(Status::InProgress).or(inc.scheduled_for)
        } else {
            inc.scheduled_for
        }
        .or(inc.started_at)
        .or(inc.created_at)
        .or(first_update)?;
        let end = if done {
            first_with(Status::Completed)
                .or(inc.resolved_at)
                .or(inc.scheduled_until)
                .or(last_update)
        } else if !begun {
            inc.scheduled_until
        } else {
            None
        };
        Window {
            start,
            end,
            finished: done,
            planned: !begun,
        }
    } else {
        let resolved = match inc.status {
            Some(s) => matches!(s, Status::Resolved | Status::Postmortem | Status::Completed),
            None => inc.resolved_at.is_some() || first_with(Status::Resolved).is_some(),
        };
        let start = inc.started_at.or(inc.created_at).or(first_update)?;
        let end = resolved.then(|| {
            inc.resolved_at
                .or(first_with(Status::Resolved))
                .or(last_update)
                .unwrap_or(start)
        });
        Window {
            start,
            end,
            finished: resolved,
            planned: false,
        }
    };
    // The reader reported an end before the start as an error; never build a reversed period.
    Some(Window {
        end: w.end.map(|e| e.max(w.start)),
        ..w
    })
}

/// A phase boundary: when, the status from then on, and the update that changed it.
pub(super) struct Boundary {
    pub(super) at: DateTime<FixedOffset>,
    pub(super) status: Option<Status>,
    pub(super) update: Option<usize>,
}

pub(super) fn boundaries(inc: &Incident, updates: &[&Update], w: &Window) -> Vec<Boundary> {
    let maintenance = inc.maintenance;
    let initial = if w.planned {
        Some(Status::Scheduled)
    } else if maintenance {
        Some(Status::InProgress)
    } else {
        updates
            .iter()
            .filter_map(|u| u.status)
            .find(|s| opens_phase(*s, false))
    };
    // The first phase is described by the first update in its status (the announcement).
    let first = updates
        .iter()
        .position(|u| u.status.is_some() && u.status == initial);
    let mut out = vec![Boundary {
        at: w.start,
        status: initial,
        update: first,
    }];
    if w.planned {
        return out;
    }
    // Status changes in time order; `monitoring_at` stands in for a monitoring update the page
    // did not post.
    let mut changes: Vec<(DateTime<FixedOffset>, Status, Option<usize>)> = updates
        .iter()
        .enumerate()
        .filter_map(|(i, u)| u.status.map(|s| (u.time, s, Some(i))))
        .filter(|(_, s, _)| opens_phase(*s, maintenance))
        .collect();
    if let Some(t) = inc.monitoring_at {
        if !maintenance && !changes.iter().any(|(_, s, _)| *s == Status::Monitoring) {
            changes.push((t, Status::Monitoring, None));
            crate::model::sort::sort_by_key(&mut changes, |(t, _, _)| *t);
        }
    }
    let mut current = initial;
    for (t, status, update) in changes {
        if Some(status) == current || w.end.is_some_and(|e| t >= e) {
            continue;
        }
        current = Some(status);
        let at = t.max(w.start);
        match out.last_mut() {
            // Two changes at the same instant: the later one is the phase.
            Some(last) if last.at == at => {
                last.status = Some(status);
                last.update = update.or(last.update);
            }
            _ => out.push(Boundary {
                at,
                status: Some(status),
                update,
            }),
        }
    }
    out
}
