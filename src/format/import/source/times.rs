//! Incidents entered after the fact: their Statuspage times made consistent before mapping
//! (`started_at` typed in days after the back-dated `created_at` and `resolved_at`).

use chrono::{DateTime, FixedOffset};

use super::{member, Reader, Status, Update};
use crate::format::json::Node;
use crate::format::problem::ProblemKind;
use crate::format::walk::Walker;

type Instant = Option<DateTime<FixedOffset>>;

/// `started_at`, `created_at`, `resolved_at` of one incident.
pub(super) type Times = (Instant, Instant, Instant);

impl Reader {
    /// `started_at`, `created_at` and `resolved_at` made consistent. An incident entered after
    /// the fact has `started_at` at the time it was typed in, after the back-dated `created_at`
    /// and `resolved_at`: the odd time is set aside with a warning at its own path, and the
    /// next one in the start's order (`created_at`, then the first update) stands in. Only when
    /// no start fits before `resolved_at` is `resolved_at` the odd one: then the resolving
    /// update's time stands in, or the end is not stated (it becomes the start, which the model
    /// reads as an end never written down). Never an error: real exports have these.
    pub(super) fn consistent_times(
        &mut self,
        node: &Node,
        (mut started_at, mut created_at, mut resolved_at): Times,
        updates: &[Update],
    ) -> Times {
        let Some(end) = resolved_at else {
            return (started_at, created_at, resolved_at);
        };
        let start_odd = match (started_at, created_at) {
            (Some(s), _) => s > end,
            (None, Some(c)) => c > end,
            (None, None) => false,
        };
        if !start_odd {
            return (started_at, created_at, resolved_at);
        }
        let fits = |t: Instant| t.is_some_and(|t| t <= end);
        let first_update = updates.iter().map(|u| u.time).min();
        if started_at.is_some() && fits(created_at) {
            self.set_aside(node, "started_at", "resolved_at", "created_at");
            started_at = None;
        } else if fits(first_update) {
            for field in ["started_at", "created_at"] {
                self.set_aside(node, field, "resolved_at", "first-update");
            }
            started_at = None;
            created_at = None;
        } else {
            let (start, start_field) = match started_at {
                Some(s) => (s, "started_at"),
                None => (created_at.unwrap_or(end), "created_at"),
            };
            let resolving = updates
                .iter()
                .filter(|u| u.status == Some(Status::Resolved) && u.time >= start)
                .map(|u| u.time)
                .min();
            let used = if resolving.is_some() {
                "resolving-update"
            } else {
                "none"
            };
            self.set_aside(node, "resolved_at", start_field, used);
            resolved_at = Some(resolving.unwrap_or(start));
        }
        (started_at, created_at, resolved_at)
    }

    /// The warning at the field set aside (nothing when the incident does not have it).
    fn set_aside(
        &mut self,
        node: &Node,
        field: &'static str,
        conflicts: &'static str,
        used: &'static str,
    ) {
        if let Some(at) = member(node, field) {
            self.in_key(field, |r| {
                r.warn(
                    at.pos,
                    ProblemKind::TimeSetAside {
                        field,
                        conflicts,
                        used,
                    },
                )
            });
        }
    }
}
